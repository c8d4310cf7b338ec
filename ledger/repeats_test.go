package ledger

import (
	"strings"
	"testing"
)

// TestRepeats checks that a statement naming an allegation's target and
// asserting its act in other words repeats it, within the article and
// across articles, when the allegation's source makes it, or another
// source in its article in the words of the act itself, and that another
// source's statement elsewhere, the accused's own account, a forecast, a
// negation, a statement about another party or one sharing only the
// story's topic words does not.
func TestRepeats(t *testing.T) {
	names := Names(func(id string) string {
		return map[string]string{"loc/kuwait": "Kuwait", "org/opec": "OPEC", "loc/iran": "Iran", "org/traders": "traders"}[id]
	})
	seed := func() *Prop {
		return &Prop{Key: "d1/c1", Doc: "d1", Date: "1987-03-01", Claimant: "org/traders", Target: "loc/kuwait",
			About: []string{"loc/kuwait"}, Stance: "allege", Content: "Kuwait of producing crude above its quota"}
	}
	stmt := func(key, doc, claimant, content string, about ...string) *Prop {
		return &Prop{Key: key, Doc: doc, Date: "1987-03-02", Claimant: claimant, ClaimantText: names(claimant),
			About: about, Stance: "say", Content: content}
	}
	for _, tc := range []struct {
		name string
		b    *Prop
		want bool
	}{
		{"same article", stmt("d1/c2", "d1", "org/traders", "Kuwait was producing 1.5 mln bpd of crude, above its 948,000 bpd quota", "loc/kuwait"), true},
		{"other article", stmt("d2/c1", "d2", "org/traders", "Kuwait was producing crude well above its quota in February", "loc/kuwait"), true},
		{"named in the words only", stmt("d2/c2", "d2", "org/traders", "Kuwait was producing crude above its quota"), true},
		{"a pronoun in the article", func() *Prop {
			p := stmt("d1/c12", "d1", "", "Kuwait was producing crude above its quota")
			p.ClaimantText = "they"
			return p
		}(), true},
		{"a pronoun in another article", func() *Prop {
			p := stmt("d2/c12", "d2", "", "Kuwait was producing crude above its quota")
			p.ClaimantText = "they"
			return p
		}(), false},
		{"another source in the article", stmt("d1/c13", "d1", "org/opec", "Kuwait was producing 1.5 mln bpd of crude, above its 948,000 bpd quota", "loc/kuwait"), true},
		{"another source in another article", stmt("d2/c13", "d2", "org/opec", "Kuwait was producing 1.5 mln bpd of crude, above its 948,000 bpd quota", "loc/kuwait"), false},
		{"the accused's account", stmt("d1/c3", "d1", "loc/kuwait", "Kuwait was producing crude within its quota", "loc/kuwait"), false},
		{"a forecast", stmt("d1/c4", "d1", "org/traders", "Kuwait will be producing crude above its quota", "loc/kuwait"), false},
		{"a negation", stmt("d1/c5", "d1", "org/traders", "Kuwait was not producing crude above its quota", "loc/kuwait"), false},
		{"a question", stmt("d1/c6", "d1", "org/traders", "Is Kuwait producing crude above its quota?", "loc/kuwait"), false},
		{"another party", stmt("d1/c7", "d1", "org/traders", "Iran was producing crude above its quota", "loc/iran"), false},
		{"no act word shared", stmt("d1/c8", "d1", "org/traders", "Kuwait has guaranteed markets for its refineries", "loc/kuwait"), false},
		{"one act word shared", stmt("d1/c11", "d1", "org/traders", "Kuwait has a quota", "loc/kuwait"), false},
		{"another story", func() *Prop {
			p := stmt("d3/c1", "d3", "org/traders", "Kuwait was producing crude well above its quota in February", "loc/kuwait")
			p.Date = "1987-06-15"
			return p
		}(), false},
	} {
		rs := Repeats([]*Prop{seed()}, []*Prop{tc.b}, names)
		if got := len(rs) == 1; got != tc.want {
			t.Errorf("%s: repeats %v (%+v), want %v", tc.name, got, rs, tc.want)
			continue
		}
		if tc.want {
			r := rs[0]
			if r.Claim != tc.b.Key || r.Allegation != "d1/c1" || r.Score <= 0 || r.Score > MaxRepeat ||
				!strings.HasPrefix(r.Reason, "repeats the allegation against Kuwait") || !strings.Contains(r.Reason, "quota") {
				t.Errorf("%s: %+v", tc.name, r)
			}
		}
	}
	// Another source in the article shares the act's own words, the
	// clause of the allegation's wrong, not the story's.
	seed3 := &Prop{Key: "d4/c1", Doc: "d4", Claimant: "org/traders", Target: "loc/kuwait", About: []string{"loc/kuwait"},
		Stance: "allege", Content: "Kuwait, whose crude exports rose sharply in the spring, of cheating on its quota"}
	for _, tc := range []struct {
		content string
		want    bool
	}{
		{"Kuwait has been cheating on its quota", true},
		{"Kuwait's crude exports rose sharply", false},
	} {
		b := stmt("d4/c2", "d4", "org/opec", tc.content, "loc/kuwait")
		if rs := Repeats([]*Prop{seed3}, []*Prop{b}, names); (len(rs) == 1) != tc.want {
			t.Errorf("another source, %q: %+v, want %v", tc.content, rs, tc.want)
		}
	}
	// A hyphenated word and its parts are one word: "short-term" alone
	// does not repeat.
	seed4 := &Prop{Key: "d5/c1", Doc: "d5", Claimant: "org/traders", Target: "loc/kuwait", About: []string{"loc/kuwait"},
		Stance: "allege", Content: "Kuwait of dumping short-term deposits"}
	if rs := Repeats([]*Prop{seed4}, []*Prop{stmt("d5/c2", "d5", "org/traders", "Kuwait added short-term liquidity", "loc/kuwait")}, names); len(rs) != 0 {
		t.Errorf("hyphenated word: %+v", rs)
	}
	// Words most statements of the article use are its topic, not the
	// act: "crude" and "bpd" alone repeat nothing.
	var stmts []*Prop
	for i, s := range []string{"crude output at 14 mln bpd", "crude bpd prices fell", "crude exports at 2 mln bpd"} {
		stmts = append(stmts, stmt("d1/t"+string(rune('a'+i)), "d1", "org/traders", s))
	}
	seed2 := &Prop{Key: "d1/c9", Doc: "d1", Claimant: "org/traders", Target: "loc/kuwait", About: []string{"loc/kuwait"},
		Stance: "allege", Content: "Kuwait of cheating on crude bpd"}
	b := stmt("d1/c10", "d1", "org/traders", "Kuwait pumped 1.2 mln bpd of crude", "loc/kuwait")
	if rs := Repeats([]*Prop{seed2}, append(stmts, b), names); len(rs) != 0 {
		t.Errorf("topic words: %+v", rs)
	}
}

// TestBuildRepeat checks that a repeat joins the thread of the allegation
// it repeats, whatever the other allegations.
func TestBuildRepeat(t *testing.T) {
	a := &Prop{Key: "d1/c1", Doc: "d1", Date: "1987-03-01", Target: "loc/kuwait", Stance: "allege", Content: "Kuwait of producing above its quota"}
	other := &Prop{Key: "d2/c1", Doc: "d2", Date: "1987-03-01", Target: "loc/iran", Stance: "allege", Content: "Iran of selling at a discount"}
	r := &Prop{Key: "d3/c4", Doc: "d3", Date: "1987-03-05", Stance: "allege", Content: "was pumping 1.2 mln bpd", Repeats: "d1/c1"}
	ts := Build([]*Prop{a, other, r}, nil, nil, nil)
	if len(ts) != 2 {
		t.Fatalf("want 2 threads, got %d", len(ts))
	}
	for _, th := range ts {
		if th.Allegations[0] == a && (len(th.Allegations) != 2 || th.Allegations[1] != r) {
			t.Errorf("thread of %s: %d reports", a.Key, len(th.Allegations))
		}
	}
}

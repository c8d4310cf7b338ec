package schema

import (
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestRefJSON(t *testing.T) {
	type doc struct {
		A Ref `json:"a"`
		B Ref `json:"b"`
	}
	b, err := json.Marshal(doc{A: "org/fsb"})
	if err != nil || string(b) != `{"a":"org/fsb","b":null}` {
		t.Fatalf("marshal: %s %v", b, err)
	}
	var d doc
	if err := json.Unmarshal([]byte(`{"a":null,"b":"per/x"}`), &d); err != nil || d.A != "" || d.B != "per/x" {
		t.Fatalf("unmarshal: %+v %v", d, err)
	}
}

func TestCheck(t *testing.T) {
	text := "Mr Kaspersky denies it. Der Bär sagt nein."
	runes := []rune(text)
	ok := func() *Result {
		return &Result{
			Document:  Document{Text: text},
			Sentences: []Span{MakeSpan(runes, 0, 23), MakeSpan(runes, 24, len(runes))},
			Entities: []Entity{{ID: "per/kaspersky", Name: "Kaspersky", Type: Person,
				Mentions: []Mention{{Span: MakeSpan(runes, 3, 12)}}}},
			Claims: []Claim{{ID: "c1", Claimant: "per/kaspersky", Stance: Deny, Cue: MakeSpan(runes, 13, 19),
				Evidence: MakeSpan(runes, 0, 23)}},
		}
	}
	if err := ok().Check(); err != nil {
		t.Fatalf("valid result: %v", err)
	}
	for name, spoil := range map[string]func(r *Result){
		"byte offsets":   func(r *Result) { r.Sentences[1] = Span{Text: "Der Bär sagt nein.", Start: 24, End: 43} },
		"wrong text":     func(r *Result) { r.Entities[0].Mentions[0].Text = "Kasparov" },
		"out of range":   func(r *Result) { r.Claims[0].Cue.End = 999 },
		"unknown entity": func(r *Result) { r.Claims[0].Claimant = "org/nobody" },
		"unknown stance": func(r *Result) { r.Claims[0].Stance = "shout" },
		"unknown claim":  func(r *Result) { r.Claims[0].RespondsTo = []string{"c9"} },
		"duplicate id":   func(r *Result) { r.Entities = append(r.Entities, r.Entities[0]) },
		"relation target": func(r *Result) {
			r.Relations = []Relation{{Subject: "per/kaspersky", Object: "x", Evidence: r.Sentences[0]}}
		},
	} {
		r := ok()
		spoil(r)
		if err := r.Check(); err == nil {
			t.Errorf("%s: Check passed", name)
		}
	}
}

func TestDate(t *testing.T) {
	for _, tc := range []struct {
		in   string
		prec int
		ok   bool
	}{{"2017-10-24", Day, true}, {"2017-10", Month, true}, {"2017", Year, true}, {"2017-13", 0, false}, {"24 Oct", 0, false}} {
		d, err := ParseDate(tc.in)
		if (err == nil) != tc.ok || (tc.ok && d.Precision() != tc.prec) {
			t.Errorf("ParseDate(%q) = %q, %v", tc.in, d, err)
		}
	}
}

func TestKeyAndSlug(t *testing.T) {
	if k := Key(Organization, "Kaspersky Lab"); k != "org/kaspersky-lab" {
		t.Errorf("Key: %s", k)
	}
	if s := Slug("Élysée  Palace's"); s != "elysee-palace-s" {
		t.Errorf("Slug: %s", s)
	}
	if p := RelationPredicate("chief executive of"); p != NSDossier+"chiefExecutiveOf" {
		t.Errorf("RelationPredicate: %s", p)
	}
}

// TestSlugBounded checks that a slug, and so an entity ID, stays under
// MaxSlug bytes whatever the name, the same for the same name and distinct
// for names that differ only past the cut.
func TestSlugBounded(t *testing.T) {
	long := strings.Repeat("Alpha Beta Gamma ", 10000)
	a, b := Slug(long+"Holdings"), Slug(long+"Partners")
	if len(a) > MaxSlug || len(b) > MaxSlug {
		t.Fatalf("slug of %d and %d bytes, want at most %d", len(a), len(b), MaxSlug)
	}
	if a == b {
		t.Errorf("two long names share the slug %s", a)
	}
	if a != Slug(long+"Holdings") || !strings.HasPrefix(a, "alpha-beta-gamma-alpha") {
		t.Errorf("slug %s not stable or not a prefix of the name's", a)
	}
	if k := Key(Organization, long); len(k) > MaxSlug+4 {
		t.Errorf("key of %d bytes", len(k))
	}
	// A cut inside a multi-byte character moves back to its start.
	z := Slug(strings.Repeat("ж", 1000))
	if !utf8.ValidString(z) || len(z) > MaxSlug {
		t.Errorf("slug %q: invalid UTF-8 or too long", z)
	}
	// Names of ordinary length are not touched.
	n := strings.Repeat("x", MaxSlug)
	if Slug(n) != n {
		t.Errorf("a slug of exactly MaxSlug bytes was changed")
	}
}

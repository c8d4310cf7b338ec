package graphtest

import (
	"context"
	"strings"
	"testing"

	"github.com/dossier-project/dossier/graph"
	"github.com/dossier-project/dossier/schema"
)

// ThreadDocs returns three articles of one story: the Senate and then the
// chip industry accuse Japan of breaking the semiconductor pact; a week
// later Japan denies it, in an article of its own.
func ThreadDocs(t testing.TB) []*schema.Result {
	t.Helper()
	japan := schema.Key(schema.Place, "Japan")
	var out []*schema.Result
	for i, d := range []struct {
		date, claimant, text, cue, content string
		stance                             schema.Stance
	}{
		{"1987-03-13", "Senate", "The Senate said Japan violated the semiconductor pact.", "said", "Japan violated the semiconductor pact", schema.Allege},
		{"1987-03-20", "Semiconductor Industry Association", "The Semiconductor Industry Association said Japan has not lived up to the semiconductor pact.", "said", "Japan has not lived up to the semiconductor pact", schema.Allege},
		{"1987-03-25", "", "Japan denied breaking the semiconductor pact.", "denied", "breaking the semiconductor pact", schema.Deny},
	} {
		ents := map[string][2]string{"Japan": {schema.Place, "country"}}
		c := schema.Claim{ID: "c1", Stance: d.stance, Cue: SpanOf(t, d.text, d.cue), Content: SpanOf(t, d.text, d.content),
			About: []string{japan}, RespondsTo: []string{}, Sentence: 0, Evidence: SpanOf(t, d.text, d.text)}
		if d.stance == schema.Allege {
			ents[d.claimant] = [2]string{schema.Organization, "government"}
			c.Claimant, c.ClaimantText, c.Target = schema.Ref(schema.Key(schema.Organization, d.claimant)), "The "+d.claimant, schema.Ref(japan)
		} else {
			c.Claimant, c.ClaimantText, c.About = schema.Ref(japan), "Japan", []string{}
			c.Source = SpanOf(t, d.text, "Japan")
		}
		r := Result(t, d.text, ents, []schema.Claim{c})
		r.Document.Date = schema.Date(d.date)
		r.Document.ID = "chips-" + string(rune('a'+i))
		if err := r.Check(); err != nil {
			t.Fatal(err)
		}
		out = append(out, r)
	}
	return out
}

func testThreads(t *testing.T, st *graph.Store, docs []*schema.Result) {
	ctx := context.Background()
	chips := ThreadDocs(t)
	writeAll(t, st, append(docs, chips...))
	ts, err := st.Threads(ctx, graph.ThreadFilter{})
	if err != nil {
		t.Fatal(err)
	}
	// The fixtures' two allegations are two threads of their own; the
	// chips story is one thread of two reports and a denial.
	var th *graph.Thread
	for i := range ts {
		if ts[i].Reports[0].Document.ID == "chips-a" {
			th = &ts[i]
		}
	}
	if len(ts) != 3 || th == nil {
		t.Fatalf("want 3 threads, one founded by chips-a: %+v", ts)
	}
	if len(th.Reports) != 2 || th.Reports[1].Document.ID != "chips-b" || th.Status != graph.StatusDenied {
		t.Fatalf("chips thread: %d reports, status %s: %+v", len(th.Reports), th.Status, th.Reports)
	}
	if len(th.Answers) != 1 || th.Answers[0].Document.ID != "chips-c" || !th.Answers[0].Across ||
		th.Answers[0].Score < 0.5 || !strings.Contains(th.Answers[0].Reason, "Japan, the accused, answers") {
		t.Fatalf("chips thread answers: %+v", th.Answers)
	}
	var evs []string
	for _, e := range th.Events {
		evs = append(evs, string(e.Date)+" "+e.Kind+" "+e.Status)
	}
	if got, want := strings.Join(evs, "; "), "1987-03-13 first report alleged; 1987-03-20 report alleged; 1987-03-25 answer denied"; got != want {
		t.Errorf("events:\n got  %s\n want %s", got, want)
	}
	for _, r := range th.Reports {
		if r.Thread != th.ID {
			t.Errorf("report %s carries thread %q, want %q", r.IRI, r.Thread, th.ID)
		}
	}
	// The same thread by its ID, by the IRI of its answer, and among the
	// threads of Japan.
	for _, f := range []graph.ThreadFilter{{ID: th.ID}, {ID: th.Answers[0].IRI}, {About: schema.Key(schema.Place, "Japan")}} {
		got, err := st.Threads(ctx, f)
		if err != nil || len(got) != 1 || got[0].ID != th.ID || len(got[0].Answers) != 1 {
			t.Errorf("threads %+v: %v %+v", f, err, got)
		}
	}
}

// testThreadsRepeat checks, on every backend (with and without the read
// index), that a statement of an allegation's source that repeats it in
// other words, in its article or in another of the same weeks, is a
// report of the allegation's thread with the reason, and that the same
// words from another source are not.
func testThreadsRepeat(t *testing.T, st *graph.Store, docs []*schema.Result) {
	ctx := context.Background()
	japan := schema.Key(schema.Place, "Japan")
	var rs []*schema.Result
	for i, d := range []struct {
		date, claimant, text, content string
		stance                        schema.Stance
	}{
		{"1987-03-13", "Senate", "The Senate said Japan violated the semiconductor pact.", "Japan violated the semiconductor pact", schema.Allege},
		{"1987-03-16", "Senate", "The Senate said Japan's sales of semiconductors below cost violated the pact.", "Japan's sales of semiconductors below cost violated the pact", schema.Say},
		{"1987-03-16", "Commerce Department", "The Commerce Department said Japan's sales of semiconductors below cost violated the pact.", "Japan's sales of semiconductors below cost violated the pact", schema.Say},
	} {
		ents := map[string][2]string{"Japan": {schema.Place, "country"}, d.claimant: {schema.Organization, "government"}}
		c := schema.Claim{ID: "c1", Stance: d.stance, Cue: SpanOf(t, d.text, "said"), Content: SpanOf(t, d.text, d.content),
			About: []string{japan}, RespondsTo: []string{}, Sentence: 0, Evidence: SpanOf(t, d.text, d.text),
			Claimant: schema.Ref(schema.Key(schema.Organization, d.claimant)), ClaimantText: "The " + d.claimant}
		if d.stance == schema.Allege {
			c.Target = schema.Ref(japan)
		}
		r := Result(t, d.text, ents, []schema.Claim{c})
		r.Document.Date = schema.Date(d.date)
		r.Document.ID = "repeat-" + string(rune('a'+i))
		if err := r.Check(); err != nil {
			t.Fatal(err)
		}
		rs = append(rs, r)
	}
	writeAll(t, st, append(docs, rs...))
	ts, err := st.Threads(ctx, graph.ThreadFilter{})
	if err != nil {
		t.Fatal(err)
	}
	var th *graph.Thread
	for i := range ts {
		if ts[i].Reports[0].Document.ID == "repeat-a" {
			th = &ts[i]
		}
	}
	if th == nil || len(th.Reports) != 2 || th.Reports[1].Document.ID != "repeat-b" {
		t.Fatalf("want the Senate's thread with its repeat in repeat-b: %+v", th)
	}
	r := th.Reports[1]
	if r.Stance != "allege" || r.Repeats == nil || r.Repeats.To != th.Reports[0].IRI || r.Repeats.Score >= 1 ||
		!strings.Contains(r.Repeats.Reason, "repeats the allegation against Japan") {
		t.Errorf("repeat: stance %s, %+v", r.Stance, r.Repeats)
	}
	// The thread of Japan, read through its entity's claims, has it too.
	got, err := st.Threads(ctx, graph.ThreadFilter{About: japan})
	if err != nil || len(got) != 1 || len(got[0].Reports) != 2 {
		t.Errorf("threads of Japan: %v %+v", err, got)
	}
}

package graphtest

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/dossier-project/dossier/graph"
	"github.com/dossier-project/dossier/schema"
)

// NameDocs returns three documents that write one organisation three
// ways, all with the ID org/reuters: "REUTERS" (as a headline would),
// "Reuters)" (with a stray bracket) and "Reuters"; in each the
// organisation makes a claim.
func NameDocs(t testing.TB) []*schema.Result {
	t.Helper()
	var out []*schema.Result
	for i, name := range []string{"REUTERS", "Reuters)", "Reuters"} {
		text := fmt.Sprintf("Story %d.\n%s said the talks had failed.", i, name)
		r := Result(t, text, map[string][2]string{name: {schema.Organization, "media"}}, []schema.Claim{
			{ID: "c1", Claimant: schema.Ref(Reuters), ClaimantText: name, Stance: schema.Say, Cue: SpanOf(t, text, "said"),
				Source: SpanOf(t, text, name), Content: SpanOf(t, text, "the talks had failed"), About: []string{},
				RespondsTo: []string{}, Sentence: 1, Evidence: sentence(t, text, 1)},
		})
		if r.Entities[0].ID != Reuters {
			t.Fatalf("%q has ID %s, want %s", name, r.Entities[0].ID, Reuters)
		}
		out = append(out, r)
	}
	return out
}

// shownNames is how a store shows org/reuters: by Find, in Entities, as
// the claimant of each claim, and its aliases.
func shownNames(t *testing.T, st *graph.Store) []string {
	t.Helper()
	ctx := context.Background()
	es, err := st.Find(ctx, "reuters")
	if err != nil || len(es) != 1 {
		t.Fatalf("Find: %+v, %v", es, err)
	}
	got := []string{"find " + es[0].Name, fmt.Sprintf("aliases %q", es[0].Aliases)}
	all, err := st.Entities(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range all {
		got = append(got, "entities "+e.Name)
	}
	cs, err := st.Claims(ctx, graph.ClaimFilter{By: Reuters})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cs {
		got = append(got, "claimant "+c.Claimant.Name)
	}
	return got
}

// testNameOrderFree writes the same documents in two orders, one by one
// and in one batch, and checks that the entity is shown by the same name
// everywhere (the best-written, graph.BetterName), not by whichever
// document came first; then that forgetting the document with that name
// shows the next best.
func testNameOrderFree(t *testing.T, open func(t *testing.T) *graph.Store) {
	ctx := context.Background()
	docs := NameDocs(t)
	want := []string{"find Reuters", `aliases ["REUTERS" "Reuters)"]`, "entities Reuters",
		"claimant Reuters", "claimant Reuters", "claimant Reuters"}
	for _, order := range [][]int{{0, 1, 2}, {2, 1, 0}, {1, 2, 0}} {
		st := open(t)
		var in []*schema.Result
		for _, i := range order {
			in = append(in, docs[i])
		}
		writeAll(t, st, in)
		if d := cmp.Diff(want, shownNames(t, st)); d != "" {
			t.Errorf("written in order %v (-want +got):\n%s", order, d)
		}
	}
	st := open(t)
	rev := slices.Clone(docs)
	slices.Reverse(rev)
	if n, err := st.WriteBatch(ctx, rev); err != nil || n != len(docs) {
		t.Fatalf("WriteBatch: %d, %v", n, err)
	}
	if d := cmp.Diff(want, shownNames(t, st)); d != "" {
		t.Errorf("written in one batch (-want +got):\n%s", d)
	}
	if _, err := st.Forget(ctx, docs[2].Document.ID); err != nil {
		t.Fatal(err)
	}
	want = []string{"find Reuters)", `aliases ["REUTERS"]`, "entities Reuters)", "claimant Reuters)", "claimant Reuters)"}
	if d := cmp.Diff(want, shownNames(t, st)); d != "" {
		t.Errorf("after forgetting the document that writes Reuters (-want +got):\n%s", d)
	}
}

// AcronymDocs returns three documents that each define OPEC, two as the
// "Organization of Petroleum Exporting Countries" and one misspelt, and a
// fourth that names OPEC alone.
func AcronymDocs(t testing.TB) []*schema.Result {
	t.Helper()
	var out []*schema.Result
	for i, name := range []string{"Organization of Petroleum Exporting Countries", "Organiaation of Petroleum Exporting Countries",
		"Organization of Petroleum Exporting Countries"} {
		text := fmt.Sprintf("Story %d.\nThe %s (OPEC) met.\nOPEC said prices would hold.", i, name)
		r := Result(t, text, map[string][2]string{name: {schema.Organization, "international organisation"}}, nil)
		e := &r.Entities[0]
		e.Aliases = []string{"OPEC"}
		e.Merges = []schema.Merge{{Alias: "OPEC", Rule: "acronym-definition", Evidence: SpanOf(t, text, name+" (OPEC)")}}
		at := SpanOf(t, text, "OPEC said")
		at.End, at.Text = at.Start+4, "OPEC"
		e.Mentions = append(e.Mentions, schema.Mention{Span: at, Sentence: 2})
		if err := r.Check(); err != nil {
			t.Fatal(err)
		}
		out = append(out, r)
	}
	text := "Story 3.\nOPEC ministers met."
	return append(out, Result(t, text, map[string][2]string{"OPEC": {schema.Organization, "international organisation"}}, nil))
}

// testTieOrderFree writes AcronymDocs in orders that put the misspelling
// first and last: the acronym, and the fourth document's mention of it,
// read as the expansion two documents give.
func testTieOrderFree(t *testing.T, open func(t *testing.T) *graph.Store) {
	ctx := context.Background()
	docs := AcronymDocs(t)
	want := schema.Key(schema.Organization, "Organization of Petroleum Exporting Countries")
	for _, order := range [][]int{{1, 3, 0, 2}, {3, 0, 2, 1}, {2, 1, 0, 3}} {
		st := open(t)
		for _, i := range order {
			if _, err := st.Write(ctx, docs[i]); err != nil {
				t.Fatal(err)
			}
		}
		es, err := st.Find(ctx, "OPEC")
		if err != nil {
			t.Fatalf("order %v: %v", order, err)
		}
		var got []string
		for _, e := range es {
			got = append(got, fmt.Sprintf("%s %d", e.ID, e.Mentions))
		}
		wantFound := []string{want + " 5", schema.Key(schema.Organization, "Organiaation of Petroleum Exporting Countries") + " 2"}
		if d := cmp.Diff(wantFound, got); d != "" {
			t.Errorf("order %v: Find OPEC (-want +got):\n%s", order, d)
		}
	}
}

// KindDocs returns three documents that give GenCorp three kinds: media
// (by "STATION GenCorp"), company (by "GenCorp shareholders") and other.
func KindDocs(t testing.TB) []*schema.Result {
	t.Helper()
	var out []*schema.Result
	for i, k := range [][2]string{{"media", "context: “STATION GenCorp”"}, {"company", "context: “GenCorp shareholders”"},
		{"other", "no evidence"}} {
		text := fmt.Sprintf("Story %d.\nGenCorp said the talks had failed.", i)
		r := Result(t, text, map[string][2]string{"GenCorp": {schema.Organization, k[0]}}, nil)
		r.Entities[0].KindReason = k[1]
		out = append(out, r)
	}
	return out
}

// testKindOrderFree writes KindDocs in three orders: GenCorp is a company,
// for the reason the document that says so gives, in all of them.
func testKindOrderFree(t *testing.T, open func(t *testing.T) *graph.Store) {
	ctx := context.Background()
	docs := KindDocs(t)
	for _, order := range [][]int{{0, 1, 2}, {2, 0, 1}, {1, 2, 0}} {
		st := open(t)
		for _, i := range order {
			if _, err := st.Write(ctx, docs[i]); err != nil {
				t.Fatal(err)
			}
		}
		es, err := st.Find(ctx, "GenCorp")
		if err != nil || len(es) != 1 {
			t.Fatalf("order %v: Find: %+v, %v", order, es, err)
		}
		if es[0].Kind != "company" || es[0].KindReason != "context: “GenCorp shareholders”" {
			t.Errorf("order %v: kind %q (%q), want company (context: “GenCorp shareholders”)", order, es[0].Kind, es[0].KindReason)
		}
		all, err := st.Entities(ctx, "")
		if err != nil || len(all) != 1 || all[0].Kind != "company" {
			t.Errorf("order %v: Entities: %+v, %v", order, all, err)
		}
	}
}

// testListedAcronymName writes one organisation as "Opec" in two stories
// and as "OPEC" in a third, in several orders and in one batch, and checks
// that it is shown as the lists write it, "OPEC", everywhere, whatever
// came first and however many stories wrote the other form
// (graph.BetterName); forgetting that story shows "Opec".
func testListedAcronymName(t *testing.T, open func(t *testing.T) *graph.Store) {
	ctx := context.Background()
	var docs []*schema.Result
	for i, name := range []string{"Opec", "OPEC", "Opec"} {
		text := fmt.Sprintf("Story %d on oil.\n%s ministers met in Vienna.", i, name)
		docs = append(docs, Result(t, text, map[string][2]string{name: {schema.Organization, "international organisation"}}, nil))
	}
	shown := func(st *graph.Store) []string {
		t.Helper()
		es, err := st.Find(ctx, "opec")
		if err != nil || len(es) != 1 {
			t.Fatalf("Find: %+v, %v", es, err)
		}
		got := []string{"find " + es[0].Name}
		all, err := st.Entities(ctx, "")
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range all {
			got = append(got, "entities "+e.Name)
		}
		return got
	}
	want := []string{"find OPEC", "entities OPEC"}
	for _, order := range [][]int{{0, 1, 2}, {1, 0, 2}, {2, 0, 1}} {
		st := open(t)
		var in []*schema.Result
		for _, i := range order {
			in = append(in, docs[i])
		}
		writeAll(t, st, in)
		if d := cmp.Diff(want, shown(st)); d != "" {
			t.Errorf("written in order %v (-want +got):\n%s", order, d)
		}
	}
	st := open(t)
	if n, err := st.WriteBatch(ctx, docs); err != nil || n != len(docs) {
		t.Fatalf("WriteBatch: %d, %v", n, err)
	}
	if d := cmp.Diff(want, shown(st)); d != "" {
		t.Errorf("written in one batch (-want +got):\n%s", d)
	}
	if _, err := st.Forget(ctx, docs[1].Document.ID); err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff([]string{"find Opec", "entities Opec"}, shown(st)); d != "" {
		t.Errorf("after forgetting the story that writes OPEC (-want +got):\n%s", d)
	}
}

// LegalTickerDocs returns four documents that name one company with and
// without its legal form and by its ticker ("Zorblat Motors Corp <ZMC>",
// "Zorblat Motors", "ZMC <ZMC> TO IDLE PLANTS"), and a British company of
// the same name ("Zorblat Motors Co Plc").
func LegalTickerDocs(t testing.TB) []*schema.Result {
	t.Helper()
	org := [2]string{schema.Organization, ""}
	return []*schema.Result{
		Result(t, "Zorblat Motors Corp <ZMC> said sales rose.", map[string][2]string{"Zorblat Motors Corp": org, "ZMC": org}, nil),
		Result(t, "Zorblat Motors cut prices.", map[string][2]string{"Zorblat Motors": org}, nil),
		Result(t, "ZMC <ZMC> TO IDLE PLANTS", map[string][2]string{"ZMC": org}, nil),
		Result(t, "Zorblat Motors Co Plc of London said nothing.", map[string][2]string{"Zorblat Motors Co Plc": org}, nil),
	}
}

// testLegalTickerOrderFree writes LegalTickerDocs in three orders: the
// company is one entity of three documents, the British one another, in
// all of them.
func testLegalTickerOrderFree(t *testing.T, open func(t *testing.T) *graph.Store) {
	ctx := context.Background()
	docs := LegalTickerDocs(t)
	one := schema.Key(schema.Organization, "Zorblat Motors")
	for _, order := range [][]int{{0, 1, 2, 3}, {3, 2, 1, 0}, {2, 0, 3, 1}} {
		st := open(t)
		for _, i := range order {
			if _, err := st.Write(ctx, docs[i]); err != nil {
				t.Fatal(err)
			}
		}
		for name, want := range map[string]string{"Zorblat Motors Corp": one + " 3", "ZMC": one + " 3", "Zorblat Motors": one + " 3",
			"Zorblat Motors Co Plc": schema.Key(schema.Organization, "Zorblat Motors Co Plc") + " 1"} {
			es, err := st.Find(ctx, name)
			if err != nil {
				t.Fatalf("order %v: %v", order, err)
			}
			var got []string
			for _, e := range es {
				got = append(got, fmt.Sprintf("%s %d", e.ID, e.Documents))
			}
			if d := cmp.Diff([]string{want}, got); d != "" {
				t.Errorf("order %v: Find %s (-want +got):\n%s", order, name, d)
			}
		}
		if st1, err := st.Stats(ctx); err != nil || st1.Entities != 2 {
			t.Errorf("order %v: %d entities, want 2 (%v)", order, st1.Entities, err)
		}
	}
}

// ShortNameDocs returns four documents: two that name a company in full and
// then by the first word of its name ("Zorblat Motors Corp", then
// "Zorblat", merged by the rule "short-name"), one that writes the word
// alone ("ZORBLAT TO CUT PRICES"), and one that merges the word "Mellox"
// into another company than the word alone names.
func ShortNameDocs(t testing.TB) []*schema.Result {
	t.Helper()
	org := [2]string{schema.Organization, ""}
	short := func(r *schema.Result, full, word string) *schema.Result {
		for i, e := range r.Entities {
			if e.Name == full {
				r.Entities[i].Aliases = append(r.Entities[i].Aliases, word)
				r.Entities[i].Merges = append(r.Entities[i].Merges, schema.Merge{Alias: word, Rule: "short-name",
					Confidence: 0.75, Evidence: SpanOf(t, r.Document.Text, full)})
			}
		}
		if err := r.Check(); err != nil {
			t.Fatal(err)
		}
		return r
	}
	return []*schema.Result{
		short(Result(t, "Zorblat Motors Corp said Zorblat would cut prices.", map[string][2]string{"Zorblat Motors Corp": org}, nil), "Zorblat Motors Corp", "Zorblat"),
		short(Result(t, "Zorblat Motors Corp recalled cars, Zorblat said. Mellox Partners said Mellox bought.",
			map[string][2]string{"Zorblat Motors Corp": org, "Mellox Partners": org}, nil), "Zorblat Motors Corp", "Zorblat"),
		Result(t, "ZORBLAT TO CUT PRICES", map[string][2]string{"ZORBLAT": org}, nil),
		Result(t, "Mellox said so.", map[string][2]string{"Mellox": org}, nil),
	}
}

// testShortNameOrderFree writes ShortNameDocs in three orders: the word
// alone is the company of three documents in all of them, and a word one
// document only merges stays itself.
func testShortNameOrderFree(t *testing.T, open func(t *testing.T) *graph.Store) {
	ctx := context.Background()
	docs := ShortNameDocs(t)
	one := schema.Key(schema.Organization, "Zorblat Motors Corp")
	for _, order := range [][]int{{0, 1, 2, 3}, {3, 2, 1, 0}, {2, 0, 3, 1}} {
		st := open(t)
		for _, i := range order {
			if _, err := st.Write(ctx, docs[i]); err != nil {
				t.Fatal(err)
			}
		}
		for name, want := range map[string][]string{"ZORBLAT": {one + " 3"}, "Zorblat Motors Corp": {one + " 3"},
			"Mellox": {"org/mellox 1"}} {
			es, err := st.Find(ctx, name)
			if err != nil {
				t.Fatalf("order %v: %v", order, err)
			}
			var got []string
			for _, e := range es {
				if e.ID != "org/mellox-partners" { // the company "Mellox" is an alias of
					got = append(got, fmt.Sprintf("%s %d", e.ID, e.Documents))
				}
			}
			if d := cmp.Diff(want, got); d != "" {
				t.Errorf("order %v: Find %s (-want +got):\n%s", order, name, d)
			}
		}
	}
}

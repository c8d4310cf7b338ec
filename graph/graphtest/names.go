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

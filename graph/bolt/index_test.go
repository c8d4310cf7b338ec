package bolt_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/dossier-project/dossier/graph"
	"github.com/dossier-project/dossier/graph/bolt"
	"github.com/dossier-project/dossier/graph/graphtest"
	"github.com/dossier-project/dossier/schema"
)

// indexCorpus returns real extractions (the example article, and the first
// 150 Reuters-21578 stories when ../shared is present) and the fixtures.
func indexCorpus(t *testing.T) []*schema.Result { return graphtest.IndexCorpus(t, 150) }

// TestIndexMatchesQuads checks that every read the index answers gives
// what reading the quads gives, on the same bolt store.
func TestIndexMatchesQuads(t *testing.T) {
	ctx := context.Background()
	st, err := graph.Open(ctx, filepath.Join(t.TempDir(), "g"), &graph.Options{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if !bolt.Indexed(st) {
		t.Fatal("a new bolt store has no read index")
	}
	docs := indexCorpus(t)
	// Two batches, so that ties and names span transactions.
	half := len(docs) / 2
	for _, b := range [][]*schema.Result{docs[:half], docs[half:]} {
		if _, err := st.WriteBatch(ctx, b); err != nil {
			t.Fatal(err)
		}
	}
	opt := graphtest.AskOptions{Docs: docs}
	if ents, err := st.Entities(ctx, ""); err != nil || len(ents) < 100 {
		t.Fatalf("%d entities (%v): the corpus is too small to test the index", len(ents), err)
	}
	bolt.ReadQuads(st, true)
	want := graphtest.Ask(t, st, opt)
	bolt.ReadQuads(st, false)
	got := graphtest.Ask(t, st, opt)
	graphtest.Diff(t, "quads", "index", want, got)
	// The acronym written before its expansion's tie still folds in.
	fsb, err := st.Find(ctx, "FSB")
	if err != nil || fsb[0].ID != graphtest.FSB {
		t.Errorf("Find FSB = %v, %v; want %s", fsb, err, graphtest.FSB)
	}
}

// TestIndexSettlesCrash writes a document's index entries without its
// quads, as a crash between the two would, and checks that reopening the
// store drops them and that writing the document again stores it whole.
func TestIndexSettlesCrash(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "g")
	st, err := graph.Open(ctx, dir, &graph.Options{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	docs := graphtest.Docs(t)
	if _, err := st.WriteBatch(ctx, docs[:2]); err != nil {
		t.Fatal(err)
	}
	before, err := st.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if err := bolt.IndexOnly(st, docs[2]); err != nil {
		t.Fatal(err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	if st, err = graph.Open(ctx, dir, nil); err != nil {
		t.Fatal(err)
	}
	after, err := st.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if after != before {
		t.Errorf("after reopening: %+v, want %+v (the half-written document's entries must go)", after, before)
	}
	if cs, err := st.Claims(ctx, graph.ClaimFilter{By: graphtest.NSA}); err != nil || len(cs) != 0 {
		t.Errorf("claims by the NSA after reopening = %d, %v; want none", len(cs), err)
	}
	if n, err := st.WriteBatch(ctx, docs); err != nil || n != 1 {
		t.Fatalf("writing all again stored %d, %v; want 1", n, err)
	}
	if cs, err := st.Claims(ctx, graph.ClaimFilter{By: graphtest.NSA}); err != nil || len(cs) != 1 {
		t.Errorf("claims by the NSA after writing again = %d, %v; want 1", len(cs), err)
	}
	bolt.ReadQuads(st, true)
	want, _ := st.Stats(ctx)
	bolt.ReadQuads(st, false)
	if got, _ := st.Stats(ctx); got != want {
		t.Errorf("stats: index %+v, quads %+v", got, want)
	}
	st.Close()

	// A crash just after a batch, then a reader that only opens and
	// closes the store: the index settles and stays in use afterwards.
	st, err = graph.Open(ctx, dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	if n, err := st.WriteBatch(ctx, graphtest.Corpus(t, 2)); err != nil || n != 2 {
		t.Fatalf("write: %d, %v", n, err)
	}
	if err := bolt.Crash(st); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 2; i++ {
		if st, err = graph.Open(ctx, dir, nil); err != nil {
			t.Fatal(err)
		}
		if !bolt.Indexed(st) {
			t.Errorf("open %d after the crash: the read index is no longer used", i+1)
		}
		st.Close()
	}
}

// TestIndexMarksCleared checks that, written through Cayley, a batch's
// pending marks go with the next batch, and the last batch's when the
// store closes; dossier's own writer, which writes index and quads in one
// transaction, leaves none.
func TestIndexMarksCleared(t *testing.T) {
	for _, cayley := range []bool{true, false} {
		t.Run(map[bool]string{true: "cayley", false: "kv"}[cayley], func(t *testing.T) {
			testIndexMarksCleared(t, cayley)
		})
	}
}

func testIndexMarksCleared(t *testing.T, cayley bool) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "g")
	st, err := graph.Open(ctx, dir, &graph.Options{Create: true, CayleyWriter: cayley})
	if err != nil {
		t.Fatal(err)
	}
	docs := graphtest.Corpus(t, 30)
	for i, b := range [][]*schema.Result{docs[:10], docs[10:25], docs[25:]} {
		if _, err := st.WriteBatch(ctx, b); err != nil {
			t.Fatal(err)
		}
		want := len(b)
		if !cayley {
			want = 0
		}
		if n, err := bolt.PendingMarks(st); err != nil || n != want {
			t.Errorf("after batch %d: %d pending marks, %v; want %d", i, n, err, want)
		}
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	if st, err = graph.Open(ctx, dir, nil); err != nil {
		t.Fatal(err)
	}
	if !bolt.Indexed(st) {
		t.Fatal("a store closed cleanly lost its read index")
	}
	if n, err := bolt.PendingMarks(st); err != nil || n != 0 {
		t.Errorf("after close: %d pending marks, %v; want 0", n, err)
	}
	if s, err := st.Stats(ctx); err != nil || s.Documents != 30 {
		t.Errorf("stats: %+v, %v", s, err)
	}
	// Quads written without the index (by a build that does not keep
	// one) make it stale: the store is then read through its quads.
	if err := bolt.QuadsOnly(st, graphtest.Docs(t)[0]); err != nil {
		t.Fatal(err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	if st, err = graph.Open(ctx, dir, nil); err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if bolt.Indexed(st) {
		t.Error("a store written without its index is still read through it")
	}
	if s, err := st.Stats(ctx); err != nil || s.Documents != 31 {
		t.Errorf("stats through the quads: %+v, %v; want 31 documents", s, err)
	}
}

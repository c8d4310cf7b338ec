package bolt_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	gcmp "github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	boltdb "github.com/boltdb/bolt"
	"github.com/cayleygraph/quad"

	"github.com/dossier-project/dossier/graph"
	"github.com/dossier-project/dossier/graph/bolt"
	"github.com/dossier-project/dossier/graph/graphtest"
	"github.com/dossier-project/dossier/schema"
)

// refStore returns the test corpus and a store it was written into batch
// by batch (batch documents a transaction), to compare bulk loads with.
func refStore(t *testing.T, batch int) ([]*schema.Result, *graph.Store) {
	t.Helper()
	docs := kvCorpus(t)
	ref := openWith(t, false)
	writeIn(t, ref, docs, batch)
	return docs, ref
}

// openBulk opens a new bolt store at dir in bulk mode.
func openBulk(t *testing.T, dir string, opt *graph.Options) *graph.Store {
	t.Helper()
	st, err := graph.Open(context.Background(), dir, opt)
	if err != nil {
		t.Fatal(err)
	}
	ok, err := st.BeginBulk()
	if err != nil || !ok {
		t.Fatalf("BeginBulk on a new store: %v, %v", ok, err)
	}
	return st
}

// stage stages docs (batch at a time) in a new bolt store at a temporary
// folder, in bulk mode, closes it, and returns the folder and its
// journal's path and bytes.
func stage(t *testing.T, docs []*schema.Result, batch int) (dir, journal string, data []byte) {
	t.Helper()
	dir = filepath.Join(t.TempDir(), "g")
	journal = filepath.Join(dir, "bulk.journal")
	st := openBulk(t, dir, &graph.Options{Create: true})
	writeIn(t, st, docs, batch)
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(journal)
	if err != nil {
		t.Fatal(err)
	}
	return dir, journal, data
}

// sameGraph checks that st holds what ref holds, read through Cayley (quads,
// nodes, exact reference counts) and through the read index.
func sameGraph(t *testing.T, ref, st *graph.Store) {
	t.Helper()
	ctx := context.Background()
	wantQuads, wantNodes := storedQuads(t, ref), storedNodes(t, ref)
	if got := storedQuads(t, st); !slices.Equal(got, wantQuads) {
		t.Fatalf("quads differ: %d bulk loaded, %d written in batches", len(got), len(wantQuads))
	}
	if got := storedNodes(t, st); !slices.Equal(got, wantNodes) {
		t.Fatalf("nodes differ: %d bulk loaded, %d written in batches", len(got), len(wantNodes))
	}
	checkRefCounts(t, st)
	for _, dir := range []quad.Direction{quad.Subject, quad.Object} {
		if got := quadsByNode(t, st, dir); !slices.Equal(got, wantQuads) {
			t.Fatalf("quads found by %v through Cayley's index lists: %d, want %d", dir, len(got), len(wantQuads))
		}
	}
	if !bolt.Indexed(st) || !bolt.UsesKVWriter(st) {
		t.Fatalf("bulk-loaded store: indexed %v, dossier's writer %v", bolt.Indexed(st), bolt.UsesKVWriter(st))
	}
	opts := gcmp.Options{cmpopts.EquateEmpty()}
	for _, read := range []struct {
		name string
		fn   func(*graph.Store) (any, error)
	}{
		{"Stats", func(s *graph.Store) (any, error) { return s.Stats(ctx) }},
		{"Entities", func(s *graph.Store) (any, error) { return s.Entities(ctx, "") }},
		{"Claims", func(s *graph.Store) (any, error) { return s.Claims(ctx, graph.ClaimFilter{}) }},
		{"Relations", func(s *graph.Store) (any, error) { return s.Relations(ctx, "") }},
		{"Documents", func(s *graph.Store) (any, error) { return s.Documents(ctx, "") }},
		{"Allegations", func(s *graph.Store) (any, error) { return s.Allegations(ctx, "") }},
	} {
		want, werr := read.fn(ref)
		got, gerr := read.fn(st)
		if werr != nil || gerr != nil {
			t.Fatalf("%s: %v, %v", read.name, werr, gerr)
		}
		if d := gcmp.Diff(want, got, opts); d != "" {
			t.Errorf("%s differs (-batches +bulk):\n%s", read.name, d)
		}
	}
}

// quadsByNode finds every quad through Cayley's index lists, as its
// queries do: the quads of each stored node in direction dir (subject: the
// "sp" lists, object: the "ops" lists).
func quadsByNode(t *testing.T, st *graph.Store, dir quad.Direction) []string {
	t.Helper()
	ctx := context.Background()
	qs := st.QuadStore()
	var out []string
	nodes := qs.NodesAllIterator().Iterate()
	defer nodes.Close()
	for nodes.Next(ctx) {
		it := qs.QuadIterator(dir, nodes.Result()).Iterate()
		for it.Next(ctx) {
			q, err := qs.Quad(it.Result())
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, graphtest.QuadKey(q))
		}
		if err := it.Err(); err != nil {
			t.Fatal(err)
		}
		it.Close()
	}
	if err := nodes.Err(); err != nil {
		t.Fatal(err)
	}
	slices.Sort(out)
	return out
}

// TestBulkMatchesBatches bulk loads a corpus, staged over a Close and an
// Open, and checks that the store equals one written batch by batch, and
// that it goes on taking batches, forgets and rewrites like one.
func TestBulkMatchesBatches(t *testing.T) {
	for _, runs := range []bool{false, true} {
		name := "in-memory"
		if runs {
			name = "in-runs"
		}
		t.Run(name, func(t *testing.T) {
			if runs {
				// The read index's entries and the index lists spill
				// into many runs.
				defer bolt.SetIndexRunBytes(4096)()
				defer bolt.SetListRunLen(500)()
			}
			testBulkMatchesBatches(t)
		})
	}
}

func testBulkMatchesBatches(t *testing.T) {
	ctx := context.Background()
	docs, ref := refStore(t, 7)

	dir := filepath.Join(t.TempDir(), "g")
	st := openBulk(t, dir, &graph.Options{Create: true})
	writeIn(t, st, docs[:30], 7)
	if s, err := st.Stats(ctx); err != nil || s.Documents != 0 || s.Staged != 30 {
		t.Fatalf("while staging: %+v, %v; want nothing stored and 30 staged", s, err)
	}
	if ok, err := st.Has(ctx, docs[3].Document.Hash); err != nil || !ok {
		t.Fatalf("Has(staged document) = %v, %v", ok, err)
	}
	if _, err := st.Forget(ctx, docs[3].Document.Hash); !errors.Is(err, graph.ErrBulk) {
		t.Fatalf("Forget while staging: %v, want ErrBulk", err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	// Reopened, the store is still in bulk mode with what was staged.
	st, err := graph.Open(ctx, dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if n, ok := st.Bulk(); !ok || n != 30 {
		t.Fatalf("reopened: bulk %v with %d staged, want 30", ok, n)
	}
	writeIn(t, st, docs, 9) // the first 30 again: skipped
	if err := st.FinishBulk(ctx); err != nil {
		t.Fatal(err)
	}
	if _, ok := st.Bulk(); ok {
		t.Fatal("still in bulk mode after FinishBulk")
	}
	if _, err := os.Stat(filepath.Join(dir, "bulk.journal")); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("journal after the build: %v", err)
	}
	sameGraph(t, ref, st)
	// The read index holds the same entries, byte for byte, but for the
	// journal's ID.
	want, err := bolt.IndexEntries(ref, "bulk")
	if err != nil {
		t.Fatal(err)
	}
	got, err := bolt.IndexEntries(st, "bulk")
	if err != nil {
		t.Fatal(err)
	}
	if d := gcmp.Diff(want, got); d != "" {
		t.Fatalf("read index, bulk loaded (+) and written in batches (-):\n%.3000s", d)
	}

	// The file written page by page passes bolt's own check, and takes
	// the writes below through bolt.
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	db, err := boltdb.Open(filepath.Join(dir, "indexes.bolt"), 0o644, &boltdb.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	err = db.View(func(tx *boltdb.Tx) error {
		for err := range tx.Check() {
			t.Error("bolt check:", err)
		}
		return nil
	})
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	if st, err = graph.Open(ctx, dir, nil); err != nil {
		t.Fatal(err)
	}

	// After the build the store is written batch by batch.
	if ok, err := st.BeginBulk(); err != nil || ok {
		t.Fatalf("BeginBulk on a built store: %v, %v; want false", ok, err)
	}
	for _, s := range []*graph.Store{ref, st} {
		for _, i := range []int{2, 50} {
			if _, err := s.Forget(ctx, docs[i].Document.Hash); err != nil {
				t.Fatal(err)
			}
		}
		writeIn(t, s, []*schema.Result{docs[50]}, 1)
	}
	sameGraph(t, ref, st)
}

// TestBulkBuildsMidRun sets the staging limit low: the store is built when
// the limit is reached and the rest written batch by batch.
func TestBulkBuildsMidRun(t *testing.T) {
	ctx := context.Background()
	docs, ref := refStore(t, 5)
	quads := 0
	for _, r := range docs[:20] {
		quads += len(graph.Quads(r))
	}
	st := openBulk(t, filepath.Join(t.TempDir(), "g"), &graph.Options{Create: true, BulkQuads: quads})
	t.Cleanup(func() { st.Close() })
	writeIn(t, st, docs[:20], 5)
	if _, ok := st.Bulk(); ok {
		t.Fatal("still staging after the limit was reached")
	}
	if s, err := st.Stats(ctx); err != nil || s.Documents != 20 {
		t.Fatalf("after the limit: %+v, %v; want 20 documents stored", s, err)
	}
	writeIn(t, st, docs[20:], 5)
	if err := st.FinishBulk(ctx); err != nil { // nothing left to build
		t.Fatal(err)
	}
	sameGraph(t, ref, st)
}

// TestBulkConcurrentWriters writes half the corpus from each of two
// goroutines while a low staging limit makes one of them build the store
// in the middle: the result is the same graph.
func TestBulkConcurrentWriters(t *testing.T) {
	docs, ref := refStore(t, 5)
	quads := 0
	for _, r := range docs[:25] {
		quads += len(graph.Quads(r))
	}
	st := openBulk(t, filepath.Join(t.TempDir(), "g"), &graph.Options{Create: true, BulkQuads: quads})
	t.Cleanup(func() { st.Close() })
	var wg sync.WaitGroup
	errs := make(chan error, 2)
	for half := range 2 {
		wg.Go(func() {
			for i := half * 5; i < len(docs); i += 10 {
				if _, err := st.WriteBatch(context.Background(), docs[i:min(i+5, len(docs))]); err != nil {
					errs <- err
					return
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	if err := st.FinishBulk(context.Background()); err != nil {
		t.Fatal(err)
	}
	sameGraph(t, ref, st)
}

// TestBulkCrash checks what a crash leaves at each step of a bulk load: a
// torn journal frame is cut off and its documents staged again, a partial
// build is thrown away, and a journal left after its build was renamed in
// is removed without touching the store.
func TestBulkCrash(t *testing.T) {
	ctx := context.Background()
	docs, ref := refStore(t, 8)
	dir, journal, whole := stage(t, docs[:40], 8)
	// A crash in the middle of the last frame, and a build killed half
	// way.
	before := len(whole)
	st := openBulk(t, dir, nil)
	writeIn(t, st, docs[40:48], 8)
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	grown, err := os.ReadFile(journal)
	if err != nil {
		t.Fatal(err)
	}
	torn := before + (len(grown)-before)/2
	if err := os.WriteFile(journal, grown[:torn], 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(dir, "bulk.build"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "bulk.build", "indexes.bolt"), []byte("half a build"), 0o644); err != nil {
		t.Fatal(err)
	}

	st, err = graph.Open(ctx, dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	if n, ok := st.Bulk(); !ok || n != 40 {
		t.Fatalf("after a torn frame: bulk %v with %d staged, want the 40 before it", ok, n)
	}
	if _, err := os.Stat(filepath.Join(dir, "bulk.build")); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("partial build left in place: %v", err)
	}
	writeIn(t, st, docs, 8)
	spent, err := os.ReadFile(journal)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.FinishBulk(ctx); err != nil {
		t.Fatal(err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}

	// Killed after the rename, before the journal was removed.
	if err := os.WriteFile(journal, spent, 0o644); err != nil {
		t.Fatal(err)
	}
	st, err = graph.Open(ctx, dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if _, ok := st.Bulk(); ok {
		t.Fatal("a spent journal put the built store back in bulk mode")
	}
	if _, err := os.Stat(journal); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("spent journal not removed: %v", err)
	}
	sameGraph(t, ref, st)
}

// TestBulkJournalDamage checks that zeros at the end of the journal (a
// file whose size reached the disk before its data) read as a torn end,
// and that a damaged frame with frames after it stops Open rather than
// dropping what follows it.
func TestBulkJournalDamage(t *testing.T) {
	ctx := context.Background()
	dir, journal, good := stage(t, kvCorpus(t)[:30], 10)
	if err := os.WriteFile(journal, append(slices.Clone(good), make([]byte, 4096)...), 0o644); err != nil {
		t.Fatal(err)
	}
	st, err := graph.Open(ctx, dir, nil)
	if err != nil {
		t.Fatalf("journal ending in zeros: %v", err)
	}
	if n, ok := st.Bulk(); !ok || n != 30 {
		t.Fatalf("journal ending in zeros: bulk %v with %d staged, want 30", ok, n)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}

	// One byte changed inside the first frame's results.
	bad := slices.Clone(good)
	bad[len(good)/4] ^= 0xff
	if err := os.WriteFile(journal, bad, 0o644); err != nil {
		t.Fatal(err)
	}
	if st, err := graph.Open(ctx, dir, nil); err == nil {
		st.Close()
		t.Fatal("a damaged journal opened")
	} else if !strings.Contains(err.Error(), "damaged") {
		t.Errorf("damaged journal: %v", err)
	}
	if got, err := os.ReadFile(journal); err != nil || len(got) != len(bad) {
		t.Fatalf("the damaged journal was changed: %d bytes, %v; want %d", len(got), err, len(bad))
	}
}

// TestBulkRefused checks that only a new bolt store can be bulk loaded, and
// that a journal found beside a store it did not build is reported rather
// than removed.
func TestBulkRefused(t *testing.T) {
	ctx := context.Background()
	docs := kvCorpus(t)
	st := openWith(t, false)
	writeIn(t, st, docs[:3], 3)
	if ok, err := st.BeginBulk(); err != nil || ok {
		t.Fatalf("BeginBulk on a store with documents: %v, %v; want false", ok, err)
	}
	mem, err := graph.Open(ctx, "memory", nil)
	if err != nil {
		t.Fatal(err)
	}
	if ok, err := mem.BeginBulk(); err != nil || ok {
		t.Fatalf("BeginBulk on memory: %v, %v; want false", ok, err)
	}

	// A journal of another load beside a store with documents.
	dir := filepath.Join(t.TempDir(), "other")
	other := openBulk(t, dir, &graph.Options{Create: true})
	writeIn(t, other, docs[:2], 2)
	if err := other.Close(); err != nil {
		t.Fatal(err)
	}
	full := filepath.Join(t.TempDir(), "full")
	fs, err := graph.Open(ctx, full, &graph.Options{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	writeIn(t, fs, docs[:3], 3)
	if err := fs.Close(); err != nil {
		t.Fatal(err)
	}
	j, err := os.ReadFile(filepath.Join(dir, "bulk.journal"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(full, "bulk.journal"), j, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := graph.Open(ctx, full, nil); err == nil {
		t.Fatal("a store opened with a journal it was not built from")
	}
	if _, err := os.Stat(filepath.Join(full, "bulk.journal")); err != nil {
		t.Fatalf("the foreign journal was removed: %v", err)
	}
}

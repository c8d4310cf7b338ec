package bolt_test

import (
	"context"
	"errors"
	"path/filepath"
	"slices"
	"testing"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/refs"
	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/pquads"

	"github.com/dossier-project/dossier/graph"
	"github.com/dossier-project/dossier/graph/bolt"
	"github.com/dossier-project/dossier/graph/graphtest"
	"github.com/dossier-project/dossier/schema"
)

// TestPrepareKVHashes checks that the writer hashes and encodes every value
// of a result as Cayley does.
func TestPrepareKVHashes(t *testing.T) {
	for _, r := range graphtest.Docs(t) {
		byHash, err := bolt.PreparedValues(r)
		if err != nil {
			t.Fatal(err)
		}
		for _, q := range graph.Quads(r) {
			for _, dir := range quad.Directions {
				v := q.Get(dir)
				if v == nil {
					continue
				}
				enc, ok := byHash[refs.HashOf(v)]
				if !ok {
					t.Fatalf("value %v: not prepared under Cayley's hash", v)
				}
				got, err := pquads.UnmarshalValue(enc)
				if err != nil || got.String() != v.String() {
					t.Fatalf("value %v: encoded as %v, %v", v, got, err)
				}
			}
		}
	}
}

// kvCorpus is the fixtures and 60 generated documents.
func kvCorpus(t *testing.T) []*schema.Result {
	return append(graphtest.Docs(t), graphtest.Corpus(t, 60)...)
}

func openWith(t *testing.T, cayley bool) *graph.Store {
	t.Helper()
	st, err := graph.Open(context.Background(), filepath.Join(t.TempDir(), "g"), &graph.Options{Create: true, CayleyWriter: cayley})
	if err != nil {
		t.Fatal(err)
	}
	if bolt.UsesKVWriter(st) == cayley {
		t.Fatalf("CayleyWriter %v: store writes with dossier's writer: %v", cayley, !cayley)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func writeIn(t *testing.T, st *graph.Store, docs []*schema.Result, batch int) {
	t.Helper()
	for i := 0; i < len(docs); i += batch {
		if _, err := st.WriteBatch(context.Background(), docs[i:min(i+batch, len(docs))]); err != nil {
			t.Fatal(err)
		}
	}
}

// storedQuads and storedNodes read the store through Cayley.
func storedQuads(t *testing.T, st *graph.Store) []string {
	t.Helper()
	var out []string
	if err := st.EachQuad(context.Background(), func(q quad.Quad) error {
		out = append(out, graphtest.QuadKey(q))
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	slices.Sort(out)
	return out
}

func storedNodes(t *testing.T, st *graph.Store) []string {
	t.Helper()
	ctx := context.Background()
	qs := st.QuadStore()
	it := qs.NodesAllIterator().Iterate()
	defer it.Close()
	var out []string
	for it.Next(ctx) {
		v, err := qs.NameOf(it.Result())
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, quad.StringOf(v))
	}
	if err := it.Err(); err != nil {
		t.Fatal(err)
	}
	slices.Sort(out)
	return out
}

// checkRefCounts checks that every stored value's reference count is the
// number of stored quads that use it, and that no value is stored that no
// quad uses.
func checkRefCounts(t *testing.T, st *graph.Store) {
	t.Helper()
	want := map[refs.ValueHash]uint64{}
	if err := st.EachQuad(context.Background(), func(q quad.Quad) error {
		for _, dir := range quad.Directions {
			if v := q.Get(dir); v != nil {
				want[refs.HashOf(v)]++
			}
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	got, err := bolt.RefCounts(st)
	if err != nil {
		t.Fatal(err)
	}
	for h, n := range want {
		if got[h] != n {
			t.Errorf("value %x: %d references stored, %d quads use it", h[:4], got[h], n)
		}
	}
	for h, n := range got {
		if want[h] == 0 {
			t.Errorf("value %x: %d references stored, no quad uses it", h[:4], n)
		}
	}
}

// TestKVWriterMatchesCayley writes the same documents through dossier's
// writer and through Cayley's, and checks that Cayley reads the same
// graph from both, finds the writer's quads as its own (duplicates,
// deletes), and that reference counts stay exact through forget and
// rewrite.
func TestKVWriterMatchesCayley(t *testing.T) {
	ctx := context.Background()
	docs := kvCorpus(t)
	ref := openWith(t, true)
	st := openWith(t, false)
	writeIn(t, ref, docs, 7)
	writeIn(t, st, docs, 7)
	// A batch of documents already stored adds nothing.
	if n, err := st.WriteBatch(ctx, docs[:5]); err != nil || n != 0 {
		t.Fatalf("rewrite: %d, %v; want 0", n, err)
	}

	wantQuads, wantNodes := storedQuads(t, ref), storedNodes(t, ref)
	if got := storedQuads(t, st); !slices.Equal(got, wantQuads) {
		t.Fatalf("quads differ: %d written by dossier, %d by Cayley", len(got), len(wantQuads))
	}
	if got := storedNodes(t, st); !slices.Equal(got, wantNodes) {
		t.Fatalf("nodes differ: %d written by dossier, %d by Cayley", len(got), len(wantNodes))
	}
	for _, s := range []*graph.Store{ref, st} {
		n, err := s.Stats(ctx)
		if err != nil || n.Quads != int64(len(wantQuads)) {
			t.Fatalf("quad count %d, %v; want %d", n.Quads, err, len(wantQuads))
		}
	}
	checkRefCounts(t, st)

	// Cayley's own duplicate check finds the written quads through the
	// index lists and the log.
	var deltas []cgraph.Delta
	for _, q := range graph.Quads(docs[3]) {
		deltas = append(deltas, cgraph.Delta{Quad: q, Action: cgraph.Add})
	}
	err := st.QuadStore().ApplyDeltas(deltas[:1], cgraph.IgnoreOpts{})
	var de *cgraph.DeltaError
	if !errors.As(err, &de) || !errors.Is(de.Err, cgraph.ErrQuadExists) {
		t.Fatalf("Cayley adding a stored quad: %v, want ErrQuadExists", err)
	}

	// Forget (Cayley's deletes) leaves no value behind that only the
	// forgotten document used; writing it again restores the graph.
	for _, i := range []int{1, 10, 40} {
		if _, err := st.Forget(ctx, docs[i].Document.Hash); err != nil {
			t.Fatal(err)
		}
	}
	checkRefCounts(t, st)
	used := map[string]bool{}
	if err := st.EachQuad(ctx, func(q quad.Quad) error {
		for _, dir := range quad.Directions {
			if v := q.Get(dir); v != nil {
				used[v.String()] = true
			}
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if nodes := storedNodes(t, st); len(nodes) != len(used) {
		t.Errorf("after forget: %d nodes stored, %d used by quads", len(nodes), len(used))
	}
	writeIn(t, st, []*schema.Result{docs[40], docs[1], docs[10]}, 2)
	if got := storedQuads(t, st); !slices.Equal(got, wantQuads) {
		t.Fatalf("after forget and rewrite: %d quads, want %d", len(got), len(wantQuads))
	}
	checkRefCounts(t, st)
	if got := storedNodes(t, st); !slices.Equal(got, wantNodes) {
		t.Fatalf("after forget and rewrite: %d nodes, want %d", len(got), len(wantNodes))
	}

	// Quads Cayley writes into a store dossier wrote extend the same
	// index lists.
	extra := quad.Make(quad.IRI(schema.EntityIRI("x")), quad.IRI(schema.PredName), quad.String("X"), nil)
	if err := st.QuadStore().ApplyDeltas([]cgraph.Delta{{Quad: extra, Action: cgraph.Add}}, cgraph.IgnoreOpts{}); err != nil {
		t.Fatal(err)
	}
	if got := storedQuads(t, st); len(got) != len(wantQuads)+1 || !slices.Contains(got, graphtest.QuadKey(extra)) {
		t.Fatalf("after Cayley's write: %d quads, want %d with %v", len(got), len(wantQuads)+1, extra)
	}
}

// TestKVWriterExistingNodes writes a document some of whose quads, and all
// of whose values, are already stored (written through Cayley): the
// writer must find those quads through the index lists and the log, skip
// them, and count only what it adds.
func TestKVWriterExistingNodes(t *testing.T) {
	ctx := context.Background()
	docs := graphtest.Docs(t)
	st := openWith(t, false)
	writeIn(t, st, docs[1:], 5)
	r := docs[0]
	qs := graph.Quads(r)
	// Every value of r, each in some quad, and three of r's own quads.
	var deltas []cgraph.Delta
	seen := map[string]bool{}
	for i, q := range qs {
		if i < 3 {
			deltas = append(deltas, cgraph.Delta{Quad: q, Action: cgraph.Add})
			continue
		}
		for _, dir := range quad.Directions {
			v := q.Get(dir)
			if v == nil || seen[v.String()] {
				continue
			}
			seen[v.String()] = true
			deltas = append(deltas, cgraph.Delta{Action: cgraph.Add,
				Quad: quad.Make(quad.IRI("urn:x:holder"), quad.IRI("urn:x:has"), v, nil)})
		}
	}
	if err := st.QuadStore().ApplyDeltas(deltas, cgraph.IgnoreOpts{IgnoreDup: true}); err != nil {
		t.Fatal(err)
	}
	before, err := st.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if n, err := st.WriteBatch(ctx, []*schema.Result{r}); err != nil || n != 1 {
		t.Fatalf("write: %d, %v", n, err)
	}
	after, err := st.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	distinct := map[string]bool{}
	for _, q := range qs {
		distinct[graphtest.QuadKey(q)] = true
	}
	if got, want := after.Quads-before.Quads, int64(len(distinct)-3); got != want {
		t.Errorf("the write added %d quads, want %d (3 were stored already)", got, want)
	}
	got := map[string]bool{}
	for _, k := range storedQuads(t, st) {
		got[k] = true
	}
	for k := range distinct {
		if !got[k] {
			t.Errorf("missing after the write: %s", k)
		}
	}
	checkRefCounts(t, st)
}

// TestKVLayoutChecked checks that a store whose quad indexes are not
// Cayley's default is written through Cayley.
func TestKVLayoutChecked(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "g")
	st, err := graph.Open(ctx, dir, &graph.Options{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	if err := bolt.SetQuadIndexes(st, `[{"dirs":[1],"unique":false},{"dirs":[3],"unique":false}]`); err != nil {
		t.Fatal(err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	st, err = graph.Open(ctx, dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if bolt.UsesKVWriter(st) {
		t.Fatal("a store with other quad indexes is written by dossier's writer")
	}
}

// TestKVWriterChunks writes documents larger than one transaction's worth
// of quads (the limit lowered to 7) into a store that holds data, and
// checks that Cayley reads the same quads and nodes as from a store that
// wrote them whole, with exact reference counts; and that a write stopped
// after its chunks (a kill before the last transaction) leaves the
// document unknown, and writing it again gives the same graph.
func TestKVWriterChunks(t *testing.T) {
	docs := kvCorpus(t)
	whole := openWith(t, false)
	writeIn(t, whole, docs, 1)
	defer bolt.SetMaxTxQuads(7)()
	chunked := openWith(t, false)
	writeIn(t, chunked, docs[:3], 1)
	for _, r := range docs[3:6] {
		if err := bolt.WriteChunksOnly(chunked, r); err != nil {
			t.Fatal(err)
		}
		if ok, err := chunked.Has(context.Background(), r.Document.Hash); err != nil || ok {
			t.Fatalf("after its chunks alone, document %s is stored: %v %v", r.Document.ID, ok, err)
		}
	}
	writeIn(t, chunked, docs[3:], 1)
	if a, b := storedQuads(t, whole), storedQuads(t, chunked); !slices.Equal(a, b) {
		t.Errorf("%d quads stored in chunks, %d written whole", len(b), len(a))
	}
	if a, b := storedNodes(t, whole), storedNodes(t, chunked); !slices.Equal(a, b) {
		t.Errorf("%d nodes stored in chunks, %d written whole", len(b), len(a))
	}
	checkRefCounts(t, chunked)
	a, _ := whole.Stats(context.Background())
	b, _ := chunked.Stats(context.Background())
	if a != b {
		t.Errorf("stats %+v, written whole %+v", b, a)
	}
}

package bolt_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/dossier-project/dossier/extract"
	"github.com/dossier-project/dossier/extract/source"
	"github.com/dossier-project/dossier/graph"
	"github.com/dossier-project/dossier/graph/bolt"
	"github.com/dossier-project/dossier/graph/graphtest"
	"github.com/dossier-project/dossier/schema"
)

// indexCorpus returns real extractions (the example article, and the first
// 150 Reuters-21578 stories when ../shared is present) and the fixtures.
func indexCorpus(t *testing.T) []*schema.Result {
	t.Helper()
	ctx := context.Background()
	x, err := extract.New(extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var inputs [][2]string
	_, file, _, _ := runtime.Caller(0)
	root := filepath.Join(filepath.Dir(file), "..", "..")
	art := filepath.Join(root, "examples", "kaspersky-2017-10-24.txt")
	data, err := os.ReadFile(art)
	if err != nil {
		t.Fatal(err)
	}
	inputs = append(inputs, [2]string{art, string(data)})
	reuters := filepath.Join(root, "..", "shared", "data", "news", "reuters21578.jsonl")
	if f, err := os.Open(reuters); err == nil {
		defer f.Close()
		var b bytes.Buffer
		sc := bufio.NewScanner(f)
		sc.Buffer(nil, 1<<20)
		for i := 0; i < 150 && sc.Scan(); i++ {
			b.Write(sc.Bytes())
			b.WriteByte('\n')
		}
		inputs = append(inputs, [2]string{reuters, b.String()})
	} else {
		t.Logf("no %s (%v): the example article and fixtures only", reuters, err)
	}
	var out []*schema.Result
	for _, in := range inputs {
		docs, errs := source.Parse(in[0], []byte(in[1]))
		if len(errs) > 0 {
			t.Fatal(errs[0])
		}
		for _, d := range docs {
			r, err := x.Extract(ctx, d)
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, r)
		}
	}
	out = append(out, graphtest.Docs(t)...)
	return append(out, graphtest.Corpus(t, 60)...)
}

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
	opts := cmp.Options{cmpopts.EquateEmpty()}
	both := func(name string, read func() (any, error)) {
		t.Helper()
		bolt.ReadQuads(st, true)
		want, werr := read()
		bolt.ReadQuads(st, false)
		got, gerr := read()
		if (werr == nil) != (gerr == nil) {
			t.Fatalf("%s: quads error %v, index error %v", name, werr, gerr)
		}
		if d := cmp.Diff(want, got, opts); d != "" {
			t.Errorf("%s: index differs from quads (-quads +index):\n%s", name, d)
		}
	}
	both("Stats", func() (any, error) { return st.Stats(ctx) })
	both("Entities", func() (any, error) { return st.Entities(ctx, "") })
	both("Entities ORG", func() (any, error) { return st.Entities(ctx, schema.Organization) })
	both("Claims", func() (any, error) { return st.Claims(ctx, graph.ClaimFilter{}) })
	both("Claims deny", func() (any, error) { return st.Claims(ctx, graph.ClaimFilter{Stance: "deny"}) })
	both("Relations", func() (any, error) { return st.Relations(ctx, "") })
	both("Documents", func() (any, error) { return st.Documents(ctx, "") })
	both("Allegations", func() (any, error) { return st.Allegations(ctx, "") })
	both("Mentions nobody", func() (any, error) { return st.Mentions(ctx, "org/no-such-entity") })
	both("Has", func() (any, error) {
		var got []bool
		for _, r := range docs {
			ok, err := st.Has(ctx, r.Document.Hash)
			if err != nil {
				return nil, err
			}
			got = append(got, ok)
		}
		ok, err := st.Has(ctx, strings.Repeat("0", 64))
		return append(got, ok), err
	})
	collect := func(each func(func(any) error) error) func() (any, error) {
		return func() (any, error) {
			var out []string
			err := each(func(x any) error {
				b, err := json.Marshal(x)
				out = append(out, string(b))
				return err
			})
			sort.Strings(out)
			return out, err
		}
	}
	both("EachEntity", collect(func(fn func(any) error) error {
		return st.EachEntity(ctx, "", func(e graph.EntityInfo) error { return fn(e) })
	}))
	both("EachEntity Person", collect(func(fn func(any) error) error {
		return st.EachEntity(ctx, schema.Person, func(e graph.EntityInfo) error { return fn(e) })
	}))
	both("EachClaim", collect(func(fn func(any) error) error {
		return st.EachClaim(ctx, graph.ClaimFilter{}, func(c graph.ClaimInfo) error { return fn(c) })
	}))
	both("EachClaim allege since 1987-03", collect(func(fn func(any) error) error {
		return st.EachClaim(ctx, graph.ClaimFilter{Stance: "allege", Since: "1987-03"}, func(c graph.ClaimInfo) error { return fn(c) })
	}))
	both("EachRelation", collect(func(fn func(any) error) error {
		return st.EachRelation(ctx, func(r graph.RelationInfo) error { return fn(r) })
	}))
	both("Find nobody", func() (any, error) { return st.Find(ctx, "No Such Entity Anywhere") })
	ents, err := st.Entities(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	if len(ents) < 100 {
		t.Fatalf("only %d entities: the corpus is too small to test the index", len(ents))
	}
	for _, e := range ents {
		both("Find "+e.Name, func() (any, error) { return st.Find(ctx, e.Name) })
		both("Find "+e.ID, func() (any, error) { return st.Find(ctx, e.ID) })
		for _, a := range e.Aliases {
			both("Find alias "+a, func() (any, error) { return st.Find(ctx, a) })
		}
		both("Claims by "+e.ID, func() (any, error) { return st.Claims(ctx, graph.ClaimFilter{By: e.ID}) })
		both("Claims about "+e.ID, func() (any, error) { return st.Claims(ctx, graph.ClaimFilter{About: e.ID}) })
		both("Relations "+e.ID, func() (any, error) { return st.Relations(ctx, e.ID) })
		both("Documents "+e.ID, func() (any, error) { return st.Documents(ctx, e.ID) })
		both("Allegations about "+e.ID, func() (any, error) { return st.Allegations(ctx, e.ID) })
		both("Mentions "+e.ID, func() (any, error) { return st.Mentions(ctx, e.ID) })
	}
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

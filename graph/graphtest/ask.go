package graphtest

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
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
	"github.com/dossier-project/dossier/schema"
)

// IndexCorpus returns real extractions (the example article, and the
// first n Reuters-21578 stories when ../shared is present) and the
// fixtures (Docs, and Corpus(60)): what a read index is checked on.
func IndexCorpus(t testing.TB, n int) []*schema.Result {
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
		for i := 0; i < n && sc.Scan(); i++ {
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
	out = append(out, Docs(t)...)
	return append(out, Corpus(t, 60)...)
}

// Answer is one question asked of a store and what it answered.
type Answer struct {
	Name  string
	Value any
	Err   error
}

// AskOptions choose the questions Ask asks.
type AskOptions struct {
	// IDs are the entities asked about one by one; nil means every
	// entity the store lists.
	IDs []string
	// Graph adds the questions read from the graph's links (Neighbours,
	// Between, Path, Entity, Count, Directory).
	Graph bool
	// Ordered keeps the order in which the streams (EachEntity,
	// EachClaim, EachRelation) give their items, rather than sorting
	// them: two stores of one backend kind give the same order.
	Ordered bool
	// Docs are the documents whose Has is asked.
	Docs []*schema.Result
}

// Ask asks st every question a Store answers, about the whole store and
// about each entity of opt.IDs, and returns the answers in a fixed order.
func Ask(t testing.TB, st *graph.Store, opt AskOptions) []Answer {
	t.Helper()
	ctx := context.Background()
	var out []Answer
	ask := func(name string, read func() (any, error)) {
		v, err := read()
		out = append(out, Answer{Name: name, Value: v, Err: err})
	}
	collect := func(each func(func(any) error) error) func() (any, error) {
		return func() (any, error) {
			var items []string
			err := each(func(x any) error {
				b, err := json.Marshal(x)
				items = append(items, string(b))
				return err
			})
			if !opt.Ordered {
				sort.Strings(items)
			}
			return items, err
		}
	}
	ask("Stats", func() (any, error) { return st.Stats(ctx) })
	ask("Entities", func() (any, error) { return st.Entities(ctx, "") })
	ask("Entities ORG", func() (any, error) { return st.Entities(ctx, schema.Organization) })
	ask("Claims", func() (any, error) { return st.Claims(ctx, graph.ClaimFilter{}) })
	ask("Claims deny", func() (any, error) { return st.Claims(ctx, graph.ClaimFilter{Stance: "deny"}) })
	ask("Relations", func() (any, error) { return st.Relations(ctx, "") })
	ask("Documents", func() (any, error) { return st.Documents(ctx, "") })
	ask("Allegations", func() (any, error) { return st.Allegations(ctx, "") })
	ask("Mentions nobody", func() (any, error) { return st.Mentions(ctx, "org/no-such-entity") })
	ask("Find nobody", func() (any, error) { return st.Find(ctx, "No Such Entity Anywhere") })
	ask("Has", func() (any, error) {
		var got []bool
		for _, r := range opt.Docs {
			ok, err := st.Has(ctx, r.Document.Hash)
			if err != nil {
				return nil, err
			}
			got = append(got, ok)
		}
		ok, err := st.Has(ctx, strings.Repeat("0", 64))
		return append(got, ok), err
	})
	ask("EachEntity", collect(func(fn func(any) error) error {
		return st.EachEntity(ctx, "", func(e graph.EntityInfo) error { return fn(e) })
	}))
	ask("EachEntity Person", collect(func(fn func(any) error) error {
		return st.EachEntity(ctx, schema.Person, func(e graph.EntityInfo) error { return fn(e) })
	}))
	ask("EachClaim", collect(func(fn func(any) error) error {
		return st.EachClaim(ctx, graph.ClaimFilter{}, func(c graph.ClaimInfo) error { return fn(c) })
	}))
	ask("EachClaim allege since 1987-03", collect(func(fn func(any) error) error {
		return st.EachClaim(ctx, graph.ClaimFilter{Stance: "allege", Since: "1987-03"}, func(c graph.ClaimInfo) error { return fn(c) })
	}))
	ask("EachRelation", collect(func(fn func(any) error) error {
		return st.EachRelation(ctx, func(r graph.RelationInfo) error { return fn(r) })
	}))
	if opt.Graph {
		// In the store's order, which differs by backend: compared by ID.
		ask("Directory", func() (any, error) {
			es, err := st.Directory(ctx)
			sort.SliceStable(es, func(i, j int) bool { return es[i].ID < es[j].ID })
			return es, err
		})
	}
	ents, err := st.Entities(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	ids := opt.IDs
	if ids == nil {
		for _, e := range ents {
			ids = append(ids, e.ID)
		}
	}
	byID := make(map[string]graph.EntityInfo, len(ents))
	for _, e := range ents {
		byID[e.ID] = e
	}
	for i, id := range ids {
		e := byID[id]
		ask("Find "+e.Name, func() (any, error) { return st.Find(ctx, e.Name) })
		ask("Find "+id, func() (any, error) { return st.Find(ctx, id) })
		for _, a := range e.Aliases {
			ask("Find alias "+a, func() (any, error) { return st.Find(ctx, a) })
		}
		ask("Claims by "+id, func() (any, error) { return st.Claims(ctx, graph.ClaimFilter{By: id}) })
		ask("Claims about "+id, func() (any, error) { return st.Claims(ctx, graph.ClaimFilter{About: id}) })
		ask("Relations "+id, func() (any, error) { return st.Relations(ctx, id) })
		ask("Documents "+id, func() (any, error) { return st.Documents(ctx, id) })
		ask("Allegations about "+id, func() (any, error) { return st.Allegations(ctx, id) })
		ask("Mentions "+id, func() (any, error) { return st.Mentions(ctx, id) })
		if opt.Graph {
			ask("Entity "+id, func() (any, error) { return st.Entity(ctx, id) })
			ask("Count "+id, func() (any, error) { return st.Count(ctx, id) })
			ask("Neighbours 1 "+id, func() (any, error) { return st.Neighbours(ctx, id, 1, 50) })
			ask("Neighbours 2 "+id, func() (any, error) { return st.Neighbours(ctx, id, 2, 30) })
			if i > 0 {
				prev := ids[i-1]
				ask("Between "+prev+" "+id, func() (any, error) { return st.Between(ctx, prev, id) })
				ask("Path "+prev+" "+id, func() (any, error) { return st.Path(ctx, prev, id, 3) })
			}
		}
	}
	return out
}

// Diff reports, as test errors, every answer that differs between want
// and got (asked with the same options): values compared with empty and
// nil lists equal, errors by whether there is one and whether it is
// graph.ErrNotFound.
func Diff(t testing.TB, wantName, gotName string, want, got []Answer) {
	t.Helper()
	if len(want) != len(got) {
		t.Fatalf("%d answers from %s, %d from %s", len(want), wantName, len(got), gotName)
	}
	opts := cmp.Options{cmpopts.EquateEmpty()}
	bad := 0
	for i, w := range want {
		g := got[i]
		if w.Name != g.Name {
			t.Fatalf("answer %d: %q from %s, %q from %s", i, w.Name, wantName, g.Name, gotName)
		}
		if (w.Err == nil) != (g.Err == nil) || errors.Is(w.Err, graph.ErrNotFound) != errors.Is(g.Err, graph.ErrNotFound) {
			t.Errorf("%s: %s error %v, %s error %v", w.Name, wantName, w.Err, gotName, g.Err)
			bad++
		} else if d := cmp.Diff(w.Value, g.Value, opts); d != "" {
			t.Errorf("%s: %s differs from %s (-%s +%s):\n%s", w.Name, gotName, wantName, wantName, gotName, d)
			bad++
		}
		if bad >= 20 {
			t.Fatalf("stopping after %d differences", bad)
		}
	}
}

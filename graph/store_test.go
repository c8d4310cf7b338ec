package graph_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dossier-project/dossier/graph"
	"github.com/dossier-project/dossier/graph/graphtest"
	"github.com/dossier-project/dossier/schema"
)

func TestOpenBadStores(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	file := filepath.Join(dir, "file")
	os.WriteFile(file, []byte("hello"), 0o644)
	other := filepath.Join(dir, "other")
	os.MkdirAll(other, 0o755)
	os.WriteFile(filepath.Join(other, "x.txt"), []byte("x"), 0o644)
	corrupt := filepath.Join(dir, "corrupt")
	os.MkdirAll(corrupt, 0o755)
	os.WriteFile(filepath.Join(corrupt, "indexes.bolt"), []byte(strings.Repeat("garbage!", 1000)), 0o644)
	for _, tc := range []struct {
		path   string
		create bool
		want   error
	}{
		{file, true, graph.ErrNotStore},
		{other, true, graph.ErrNotStore},
		{corrupt, false, graph.ErrNotStore},
		{filepath.Join(dir, "missing"), false, graph.ErrNoStore},
	} {
		st, err := graph.Open(ctx, tc.path, &graph.Options{Create: tc.create})
		if !errors.Is(err, tc.want) {
			if st != nil {
				st.Close()
			}
			t.Errorf("graph.Open(%s): %v, want %v", tc.path, err, tc.want)
		}
		if err != nil && !strings.Contains(err.Error(), tc.path) {
			t.Errorf("error %q does not name the path", err)
		}
	}
	// Corrupt data was not overwritten.
	b, _ := os.ReadFile(filepath.Join(corrupt, "indexes.bolt"))
	if !strings.HasPrefix(string(b), "garbage!") {
		t.Error("corrupt store was modified")
	}
}

func TestOpenLocked(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "g.db")
	st, err := graph.Open(ctx, path, &graph.Options{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	_, err = graph.Open(ctx, path, nil)
	if !errors.Is(err, graph.ErrLocked) {
		t.Fatalf("second open: %v, want graph.ErrLocked", err)
	}
}

func TestQuery(t *testing.T) {
	ctx := context.Background()
	st, _ := graph.Open(ctx, "memory", nil)
	defer st.Close()
	r := result(t, "The FSB said nothing.", map[string][2]string{"FSB": {schema.Organization, ""}}, nil)
	if _, err := st.Write(ctx, r); err != nil {
		t.Fatal(err)
	}
	res, err := st.Query(ctx, "gizmo", `g.V().Has("<http://schema.org/name>", "FSB").All()`, graph.QueryOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res) != 1 {
		t.Fatalf("gizmo: %v", res)
	}
	if _, err := st.Query(ctx, "gizmo", `g.V(.All()`, graph.QueryOptions{}); err == nil {
		t.Fatal("malformed query: no error")
	}
	if _, err := st.Query(ctx, "sparql", `x`, graph.QueryOptions{}); err == nil {
		t.Fatal("unknown language: no error")
	}
}

// An acronym and its expansion are one entity once any document ties
// them, whichever order the documents arrive in.
func TestAcronymTiedAcrossDocuments(t *testing.T) {
	ctx := context.Background()
	org := func() [2]string { return [2]string{schema.Organization, ""} }
	alone := result(t, "The FSB said nothing.", map[string][2]string{"FSB": org()}, nil)
	def := result(t, "The Federal Security Service (FSB) is Russian.", map[string][2]string{"Federal Security Service": org()}, nil)
	// The defining document's entity carries the acronym as a merged alias.
	e := &def.Entities[0]
	runes := []rune(def.Document.Text)
	e.Aliases = []string{"FSB"}
	e.Mentions = append(e.Mentions, schema.Mention{Span: schema.MakeSpan(runes, 31, 34)})
	e.Merges = []schema.Merge{{Alias: "FSB", Rule: "acronym-definition", Evidence: schema.MakeSpan(runes, 4, 35)}}
	later := result(t, "Critics say the FSB lies.", map[string][2]string{"FSB": org()}, nil)
	for name, st := range openAll(t) {
		t.Run(name, func(t *testing.T) {
			for _, r := range []*schema.Result{alone, def, later} {
				if _, err := st.Write(ctx, r); err != nil {
					t.Fatal(err)
				}
			}
			es, err := st.Find(ctx, "FSB")
			if err != nil {
				t.Fatal(err)
			}
			if len(es) != 1 || es[0].ID != "org/federal-security-service" || es[0].Documents != 3 || es[0].Mentions != 4 {
				t.Fatalf("FSB: %+v", es)
			}
			st1, _ := st.Stats(ctx)
			if st1.Entities != 1 {
				t.Fatalf("entities %d, want 1", st1.Entities)
			}
			docs, _ := st.Documents(ctx, "org/federal-security-service")
			if len(docs) != 3 {
				t.Fatalf("documents: %d", len(docs))
			}
		})
	}
}

// result is graphtest.Result, the hand-built extraction result.
var result = graphtest.Result

// openAll opens an empty memory store and an empty bolt store.
func openAll(t *testing.T) map[string]*graph.Store {
	t.Helper()
	return map[string]*graph.Store{"memory": openMemory(t), "bolt": openBolt(t)}
}

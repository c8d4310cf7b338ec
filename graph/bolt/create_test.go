package bolt_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/dossier-project/dossier/graph"
	"github.com/dossier-project/dossier/graph/graphtest"
)

// A store is created whole or not at all: made beside its folder and
// renamed into place, into an empty folder too, over what a killed
// creation left beside it.
func TestCreateWhole(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty")
	if err := os.Mkdir(empty, 0o755); err != nil {
		t.Fatal(err)
	}
	// What a creation killed half-way leaves: a half-made folder beside.
	left := filepath.Join(dir, "new.creating")
	if err := os.MkdirAll(left, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(left, "indexes.bolt"), []byte("half"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := graph.Open(ctx, filepath.Join(dir, "new"), nil); !errors.Is(err, graph.ErrNoStore) {
		t.Errorf("open without create beside a half-made store: %v, want ErrNoStore", err)
	}
	for _, path := range []string{empty, filepath.Join(dir, "new")} {
		st, err := graph.Open(ctx, path, &graph.Options{Create: true})
		if err != nil {
			t.Fatalf("create %s: %v", path, err)
		}
		if _, err := st.Write(ctx, graphtest.Docs(t)[0]); err != nil {
			t.Fatal(err)
		}
		st.Close()
		if _, err := os.Stat(path + ".creating"); !os.IsNotExist(err) {
			t.Errorf("%s.creating left behind: %v", path, err)
		}
		st, err = graph.Open(ctx, path, nil)
		if err != nil {
			t.Fatalf("reopen %s: %v", path, err)
		}
		if s, err := st.Stats(ctx); err != nil || s.Documents != 1 {
			t.Errorf("%s: %+v, %v", path, s, err)
		}
		st.Close()
	}
}

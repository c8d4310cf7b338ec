package graph_test

import (
	"context"
	"errors"
	"path/filepath"
	"testing"
	"time"

	"github.com/dossier-project/dossier/graph"
	"github.com/dossier-project/dossier/graph/graphtest"
)

// A runaway query stops at its timeout with ErrTimeout, the store keeps
// answering, and closing it afterwards does not pull the backend from
// under the query still running inside Cayley.
func TestQueryTimeout(t *testing.T) {
	ctx := context.Background()
	st, err := graph.Open(ctx, filepath.Join(t.TempDir(), "g.db"), &graph.Options{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range graphtest.Docs(t) {
		if _, err := st.Write(ctx, r); err != nil {
			t.Fatal(err)
		}
	}
	start := time.Now()
	_, err = st.Query(ctx, "gizmo", `while(true){}`, graph.QueryOptions{Timeout: 200 * time.Millisecond})
	if !errors.Is(err, graph.ErrTimeout) {
		t.Fatalf("runaway query: %v", err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Fatalf("runaway query took %v", d)
	}
	if _, err := st.Stats(ctx); err != nil {
		t.Fatalf("store after the timeout: %v", err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
}

package graph_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/dossier-project/dossier/graph"
	_ "github.com/dossier-project/dossier/graph/bolt" // registers the bolt backend
	"github.com/dossier-project/dossier/graph/graphtest"
	_ "github.com/dossier-project/dossier/graph/postgres" // registers the PostgreSQL backend
)

func openMemory(t *testing.T) *graph.Store {
	st, err := graph.Open(context.Background(), "memory", nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func openBolt(t *testing.T) *graph.Store {
	st, err := graph.Open(context.Background(), filepath.Join(t.TempDir(), "g.db"), &graph.Options{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func postgresURL(t testing.TB) string { return graphtest.PostgresURL(t) }

func freshPostgres(t testing.TB) string { return graphtest.FreshPostgres(t) }

func openPostgres(t *testing.T) *graph.Store {
	st, err := graph.Open(context.Background(), freshPostgres(t), &graph.Options{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func TestConformanceMemory(t *testing.T) { graphtest.TestAll(t, openMemory) }

func TestConformanceBolt(t *testing.T) { graphtest.TestAll(t, openBolt) }

// TestConformanceBoltCayleyWriter runs the suite on a bolt store written
// through Cayley's ApplyDeltas rather than dossier's writer.
func TestConformanceBoltCayleyWriter(t *testing.T) {
	graphtest.TestAll(t, func(t *testing.T) *graph.Store {
		st, err := graph.Open(context.Background(), filepath.Join(t.TempDir(), "g.db"), &graph.Options{Create: true, CayleyWriter: true})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { st.Close() })
		return st
	})
}

func TestConformancePostgres(t *testing.T) {
	postgresURL(t)
	graphtest.TestAll(t, openPostgres)
}

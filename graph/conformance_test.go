package graph_test

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"sync/atomic"
	"testing"

	"github.com/dossier-project/dossier/graph"
	"github.com/dossier-project/dossier/graph/graphtest"
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

// postgresEnv names the variable that holds the test server's URL.
const postgresEnv = "DOSSIER_TEST_POSTGRES"

// postgresURL returns the test server's URL or skips the test.
func postgresURL(t testing.TB) string {
	u := os.Getenv(postgresEnv)
	if u == "" {
		t.Skip(postgresEnv + " is not set to a PostgreSQL URL; .ci/postgres.sh starts a server and sets it")
	}
	return u
}

var schemas atomic.Int64

// freshPostgres creates an empty schema in the test database, dropped when
// the test ends, and returns a URL whose search path is that schema: each
// test gets a store of its own.
func freshPostgres(t testing.TB) string {
	t.Helper()
	base := postgresURL(t)
	db, err := sql.Open("postgres", base)
	if err != nil {
		t.Fatal(err)
	}
	name := fmt.Sprintf("dossier_test_%d_%d", os.Getpid(), schemas.Add(1))
	if _, err := db.Exec(`DROP SCHEMA IF EXISTS ` + name + ` CASCADE; CREATE SCHEMA ` + name); err != nil {
		db.Close()
		t.Fatalf("create schema: %v", err)
	}
	t.Cleanup(func() {
		db.Exec(`DROP SCHEMA ` + name + ` CASCADE`)
		db.Close()
	})
	u, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	q := u.Query()
	q.Set("search_path", name)
	u.RawQuery = q.Encode()
	return u.String()
}

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

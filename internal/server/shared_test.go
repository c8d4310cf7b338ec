package server

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"testing"
	"time"

	"github.com/dossier-project/dossier/graph"
	"github.com/dossier-project/dossier/graph/graphtest"
	_ "github.com/dossier-project/dossier/graph/postgres" // registers the PostgreSQL backend
)

// A server over a store that another process writes (PostgreSQL) forgets
// its cached answers once the store has changed: here a second Store
// stands for the other process.
func TestSharedStoreCache(t *testing.T) {
	if os.Getenv(graphtest.PostgresEnv) == "" {
		t.Skip(graphtest.PostgresEnv + " is not set")
	}
	ctx := context.Background()
	spec := graphtest.FreshPostgres(t)
	open := func() *graph.Store {
		st, err := graph.Open(ctx, spec, &graph.Options{Create: true})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { st.Close() })
		return st
	}
	served, other := open(), open()
	docs := graphtest.Docs(t)
	if _, err := other.WriteBatch(ctx, docs[:1]); err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(New(served, nil))
	defer ts.Close()
	documents := func() int {
		resp, err := http.Get(ts.URL + "/api/stats")
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var st graph.Stats
		if err := json.NewDecoder(resp.Body).Decode(&st); err != nil {
			t.Fatal(err)
		}
		return st.Documents
	}
	if n := documents(); n != 1 {
		t.Fatalf("documents before: %d, want 1", n)
	}
	if _, err := other.WriteBatch(ctx, docs[1:]); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(10 * time.Second)
	for documents() != len(docs) {
		if time.Now().After(deadline) {
			t.Fatalf("the served stats still say %d documents after the other writer stored %d", documents(), len(docs))
		}
		time.Sleep(200 * time.Millisecond)
	}
}

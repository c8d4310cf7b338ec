package postgres_test

import (
	"context"
	"database/sql"
	"slices"
	"sort"
	"testing"

	"github.com/dossier-project/dossier/graph"
	"github.com/dossier-project/dossier/graph/graphtest"
)

// quadIndexes returns the quads table's index definitions.
func quadIndexes(t *testing.T, spec string) []string {
	t.Helper()
	db, err := sql.Open("postgres", spec)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.Query(`SELECT indexdef FROM pg_indexes WHERE schemaname = current_schema() AND tablename = 'quads'`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var d string
		if err := rows.Scan(&d); err != nil {
			t.Fatal(err)
		}
		out = append(out, d)
	}
	sort.Strings(out)
	return out
}

// A bulk load drops the quads' secondary indexes, takes batches (and
// another writer's) as they come, readable at once, and builds the same
// indexes again; the graph is the memory store's.
func TestPostgresBulk(t *testing.T) {
	ctx := context.Background()
	spec := freshPostgres(t)
	st := open(t, spec)
	want := quadIndexes(t, spec)
	if len(want) != 7 {
		t.Fatalf("quads indexes of a new store: %v", want)
	}
	ok, err := st.BeginBulk()
	if err != nil || !ok {
		t.Fatalf("BeginBulk on an empty store: %v, %v", ok, err)
	}
	if got := quadIndexes(t, spec); len(got) != 1 {
		t.Errorf("indexes while loading: %v, want the primary key only", got)
	}
	docs := graphtest.Corpus(t, 120)
	other := open(t, spec)
	if ok, err := other.BeginBulk(); err != nil || ok {
		t.Errorf("a second BeginBulk: %v, %v; want false", ok, err)
	}
	for i := 0; i < len(docs); i += 20 {
		w := st
		if i/20%2 == 1 {
			w = other // another process writes meanwhile
		}
		if _, err := w.WriteBatch(ctx, docs[i:i+20]); err != nil {
			t.Fatal(err)
		}
		if cs, err := st.Claims(ctx, graph.ClaimFilter{}); err != nil || len(cs) == 0 {
			t.Fatalf("claims while loading: %d, %v", len(cs), err)
		}
	}
	if err := st.FinishBulk(ctx); err != nil {
		t.Fatal(err)
	}
	if got := quadIndexes(t, spec); !slices.Equal(got, want) {
		t.Errorf("indexes after the load:\n%v\nwant\n%v", got, want)
	}
	checkSameAsMemory(t, st, spec, docs)
	// A store that holds documents is not bulk loaded.
	if ok, err := st.BeginBulk(); err != nil || ok {
		t.Errorf("BeginBulk on a store with documents: %v, %v", ok, err)
	}
}

// A bulk load whose process ends before FinishBulk leaves its indexes to
// the next open, which builds them.
func TestPostgresBulkInterrupted(t *testing.T) {
	ctx := context.Background()
	spec := freshPostgres(t)
	st, err := graph.Open(ctx, spec, &graph.Options{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	want := quadIndexes(t, spec)
	if ok, err := st.BeginBulk(); err != nil || !ok {
		t.Fatalf("BeginBulk: %v, %v", ok, err)
	}
	docs := graphtest.Corpus(t, 40)
	if _, err := st.WriteBatch(ctx, docs); err != nil {
		t.Fatal(err)
	}
	st.Close() // no FinishBulk: the load was interrupted
	if got := quadIndexes(t, spec); len(got) != 1 {
		t.Fatalf("indexes after the interrupted load: %v", got)
	}
	st2 := open(t, spec)
	if got := quadIndexes(t, spec); !slices.Equal(got, want) {
		t.Errorf("indexes after reopening:\n%v\nwant\n%v", got, want)
	}
	checkSameAsMemory(t, st2, spec, docs)
}

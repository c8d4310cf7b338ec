package postgres_test

import (
	"context"
	"database/sql"
	"net/url"
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

// readOnlyRole creates a role that may only read the store at spec (the
// deployment's analysts' role: USAGE on its schema, SELECT on its tables),
// dropped when the test ends, and returns spec with that role as its user.
func readOnlyRole(t *testing.T, spec string) string {
	t.Helper()
	u, err := url.Parse(spec)
	if err != nil {
		t.Fatal(err)
	}
	schema := u.Query().Get("search_path")
	db, err := sql.Open("postgres", spec)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	role := "reader_" + schema
	if _, err := db.Exec(`CREATE ROLE ` + role + ` LOGIN`); err != nil {
		t.Fatalf("create a role (the test's user must be allowed to): %v", err)
	}
	t.Cleanup(func() {
		if db, err := sql.Open("postgres", spec); err == nil {
			db.Exec(`DROP OWNED BY ` + role)
			db.Exec(`DROP ROLE ` + role)
			db.Close()
		}
	})
	if _, err := db.Exec(`GRANT USAGE ON SCHEMA ` + schema + ` TO ` + role + `; GRANT SELECT ON ALL TABLES IN SCHEMA ` + schema + ` TO ` + role); err != nil {
		t.Fatal(err)
	}
	u.User = url.User(role)
	return u.String()
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
// the next open, which builds them; a role that may only read opens and
// reads the store meanwhile, and leaves them to the owner.
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
	// A role that may only read opens the store and reads it, the
	// indexes left to the owner.
	reader := readOnlyRole(t, spec)
	rst, err := graph.Open(ctx, reader, &graph.Options{})
	if err != nil {
		t.Fatalf("open as a role that may only read: %v", err)
	}
	if cs, err := rst.Claims(ctx, graph.ClaimFilter{}); err != nil || len(cs) == 0 {
		t.Errorf("claims as a role that may only read: %d, %v", len(cs), err)
	}
	if _, err := rst.WriteBatch(ctx, graphtest.Corpus(t, 41)[40:]); err == nil {
		t.Error("a role that may only read wrote a document")
	}
	rst.Close()
	if got := quadIndexes(t, spec); len(got) != 1 {
		t.Fatalf("indexes after a reader's open: %v", got)
	}
	st2 := open(t, spec)
	if got := quadIndexes(t, spec); !slices.Equal(got, want) {
		t.Errorf("indexes after reopening:\n%v\nwant\n%v", got, want)
	}
	checkSameAsMemory(t, st2, spec, docs)
}

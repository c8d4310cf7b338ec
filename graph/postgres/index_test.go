package postgres_test

import (
	"context"
	"database/sql"
	"path/filepath"
	"slices"
	"testing"

	"github.com/dossier-project/dossier/graph"
	_ "github.com/dossier-project/dossier/graph/bolt" // the store compared with
	"github.com/dossier-project/dossier/graph/graphtest"
	"github.com/dossier-project/dossier/schema"
)

// writeHalves writes docs into st in two batches, so that ties and names
// span transactions.
func writeHalves(t *testing.T, st *graph.Store, docs []*schema.Result) {
	t.Helper()
	half := len(docs) / 2
	for _, b := range [][]*schema.Result{docs[:half], docs[half:]} {
		if _, err := st.WriteBatch(context.Background(), b); err != nil {
			t.Fatal(err)
		}
	}
}

// TestPostgresIndexMatchesQuads checks that every question answered from
// dossier's tables gives what reading the quads through Cayley gives, on
// the same store: for the whole store, and for every fifth entity. The
// quads are slow to read through Cayley's SQL iterators, so the corpus is
// smaller than TestPostgresMatchesBolt's, which compares the index with
// bolt's (and TestIndexMatchesQuads bolt's index with its quads).
func TestPostgresIndexMatchesQuads(t *testing.T) {
	st := openPostgres(t)
	docs := graphtest.IndexCorpus(t, 40)
	writeHalves(t, st, docs)
	ents, err := st.Entities(context.Background(), "")
	if err != nil || len(ents) < 50 {
		t.Fatalf("%d entities (%v): the corpus is too small to test the index", len(ents), err)
	}
	var ids []string
	for i, e := range ents {
		if i%5 == 0 {
			ids = append(ids, e.ID)
		}
	}
	opt := graphtest.AskOptions{Docs: docs, IDs: ids}
	st.UseIndex(false)
	want := graphtest.Ask(t, st, opt)
	st.UseIndex(true)
	got := graphtest.Ask(t, st, opt)
	graphtest.Diff(t, "quads", "index", want, got)
}

// TestPostgresMatchesBolt writes the same documents in the same batches
// into PostgreSQL and bolt and checks that every question, the graph
// questions (neighbours, paths) and the order of the streams the exports
// read included, gets the same answer from both.
func TestPostgresMatchesBolt(t *testing.T) {
	pg := openPostgres(t)
	bolt := open(t, filepath.Join(t.TempDir(), "g.db"))
	docs := graphtest.IndexCorpus(t, 150)
	writeHalves(t, pg, docs)
	writeHalves(t, bolt, docs)
	opt := graphtest.AskOptions{Docs: docs, Graph: true, Ordered: true}
	graphtest.Diff(t, "bolt", "postgres", graphtest.Ask(t, bolt, opt), graphtest.Ask(t, pg, opt))
}

// A store written before dossier kept its read index in PostgreSQL (the
// quads and nodes only) gets the index built from its quads when it is
// next opened, and then answers every question as a bolt store of the
// same documents does.
func TestPostgresUpgradeFromQuads(t *testing.T) {
	ctx := context.Background()
	spec := freshPostgres(t)
	docs := graphtest.IndexCorpus(t, 60)
	st, err := graph.Open(ctx, spec, &graph.Options{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	writeHalves(t, st, docs)
	st.Close()
	// What an older dossier left: Cayley's tables, no dossier_ ones.
	db, err := sql.Open("postgres", spec)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(`DO $$ DECLARE t text; BEGIN
		FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename LIKE 'dossier\_%' LOOP
			EXECUTE 'DROP TABLE ' || quote_ident(t) || ' CASCADE';
		END LOOP; END $$`); err != nil {
		t.Fatal(err)
	}
	pg := open(t, spec)
	bolt := open(t, filepath.Join(t.TempDir(), "g.db"))
	writeHalves(t, bolt, docs)
	opt := graphtest.AskOptions{Docs: docs, Graph: true, Ordered: true}
	graphtest.Diff(t, "bolt", "upgraded postgres", graphtest.Ask(t, bolt, opt), graphtest.Ask(t, pg, opt))
}

// A store of schema version 1 (claims without the links column) is
// upgraded in place when next opened: its claims read as before, without
// stored links (the ledger scores those when it reads them), and a claim
// written after the upgrade keeps its links' scores and reasons.
func TestPostgresUpgradeFromVersion1(t *testing.T) {
	ctx := context.Background()
	spec := freshPostgres(t)
	docs := graphtest.Docs(t)
	st, err := graph.Open(ctx, spec, &graph.Options{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.WriteBatch(ctx, docs[:1]); err != nil {
		t.Fatal(err)
	}
	st.Close()
	db, err := sql.Open("postgres", spec)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(`ALTER TABLE dossier_claims DROP COLUMN links; UPDATE dossier_state SET version = 1`); err != nil {
		t.Fatal(err)
	}
	pg := open(t, spec)
	var v int
	if err := db.QueryRow(`SELECT version FROM dossier_state`).Scan(&v); err != nil || v < 2 {
		t.Fatalf("version after the upgrade: %d, %v; want 2 or more", v, err)
	}
	stored := func() (n int, reasons []string) {
		ts, err := pg.Threads(ctx, graph.ThreadFilter{})
		if err != nil {
			t.Fatal(err)
		}
		for _, th := range ts {
			for _, a := range th.Answers {
				n += len(a.Links)
				reasons = append(reasons, a.Reason)
			}
		}
		return n, reasons
	}
	if n, reasons := stored(); n != 0 || len(reasons) == 0 || slices.Contains(reasons, "") {
		t.Fatalf("the older claims: %d stored links, reasons %q; want none stored, every answer with a reason", n, reasons)
	}
	if _, err := pg.WriteBatch(ctx, docs[1:]); err != nil {
		t.Fatal(err)
	}
	if n, _ := stored(); n == 0 {
		t.Fatal("claims written after the upgrade keep no links")
	}
}

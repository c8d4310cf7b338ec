package bolt_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"

	boltdb "github.com/boltdb/bolt"

	"github.com/dossier-project/dossier/graph"
	"github.com/dossier-project/dossier/graph/graphtest"
)

// TestCreateInterrupted opens a store whose creation was killed after bolt
// made the file and before Cayley wrote its metadata: a read finds no store,
// an ingest creates it and writes, and a bolt file holding data of its own
// is still refused as not a store.
func TestCreateInterrupted(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "g")
	os.MkdirAll(dir, 0o755)
	db, err := boltdb.Open(filepath.Join(dir, "indexes.bolt"), 0o644, nil)
	if err != nil {
		t.Fatal(err)
	}
	db.Close()

	if _, err := graph.Open(ctx, dir, nil); !errors.Is(err, graph.ErrNoStore) {
		t.Fatalf("open to read: %v, want graph.ErrNoStore", err)
	}
	st, err := graph.Open(ctx, dir, &graph.Options{Create: true})
	if err != nil {
		t.Fatalf("open to write: %v", err)
	}
	docs := graphtest.Docs(t)
	if _, err := st.WriteBatch(ctx, docs); err != nil {
		t.Fatal(err)
	}
	stats, err := st.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if stats.Documents != len(docs) {
		t.Errorf("%d documents stored, want %d", stats.Documents, len(docs))
	}
	st.Close()

	other := filepath.Join(t.TempDir(), "other")
	os.MkdirAll(other, 0o755)
	db, err = boltdb.Open(filepath.Join(other, "indexes.bolt"), 0o644, nil)
	if err != nil {
		t.Fatal(err)
	}
	db.Update(func(tx *boltdb.Tx) error { _, err := tx.CreateBucket([]byte("mine")); return err })
	db.Close()
	if st, err := graph.Open(ctx, other, &graph.Options{Create: true}); err == nil {
		st.Close()
		t.Fatal("a bolt file with a bucket of its own was taken as a store being created")
	}
}

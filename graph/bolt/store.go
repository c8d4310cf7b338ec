// Package bolt is dossier's embedded store: a folder holding one bolt
// file with the graph's quads in Cayley's key-value layout and a read
// index beside them. It needs no server and takes one process at a time.
//
// Importing it registers the backend with package graph, which then opens
// every store spec that is not a URL as a bolt store folder:
//
//	import _ "github.com/dossier-project/dossier/graph/bolt"
//
//	st, err := graph.Open(ctx, "dossier.db", &graph.Options{Create: true})
//
// It holds the whole embedded engine: the writer of Cayley's layout
// (kvwrite.go), the read index (index.go, indexview.go), bulk loading
// (bulk.go: the journal, the build written page by page by boltfile.go,
// with the sorted runs of runs.go, indexruns.go and listruns.go), the
// file lock and the release of mapped pages. graph/README.md describes
// them.
package bolt

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"

	boltdb "github.com/boltdb/bolt"
	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/kv"
	_ "github.com/cayleygraph/cayley/graph/kv/bolt" // registers Cayley's bolt backend
	hbolt "github.com/hidal-go/hidalgo/kv/bolt"

	"github.com/dossier-project/dossier/graph"
	"github.com/dossier-project/dossier/schema"
)

// initialMmap is the address space bolt maps for the store file from the
// start. Bolt maps the file anew each time a transaction grows it past
// the mapping and then copies every page the transaction holds out of the
// old map: a transaction of one very large document (800,000 quads) spent
// most of its time doing that. Mapping 1 GiB at once costs address space,
// not memory: pages are read in as they are touched.
const initialMmap = 1 << 30

func init() {
	graph.Register(graph.Driver{
		Name:  graph.BackendBolt,
		Match: func(spec string) bool { return !strings.Contains(spec, "://") },
		Open: func(_ context.Context, spec string, opt *graph.Options, h *graph.Host) (graph.Backend, error) {
			return open(spec, opt, h)
		},
		Usage: "a folder path for bolt",
	})
}

// store is one bolt store folder, open.
type store struct {
	h    *graph.Host
	qs   cgraph.QuadStore
	spec string // the folder's path, as given
	w    batchWriter
	// idx is the read index (index.go); nil on stores written before it
	// existed.
	idx *readIndex
	// mapFile is the bolt file's absolute path, whose memory map a write
	// releases (releaseMapped).
	mapFile string
	// prepared holds what Prepare did for a result (*schema.Result ->
	// *kvDoc) until WriteBatch writes it.
	prepared sync.Map
	// bulk is the journal of a bulk load in progress (bulk.go).
	bulk *journal
	// bulkQuads is how many quads a bulk load stages before it builds.
	bulkQuads int
	// mode tells Prepare, which runs without the lock, which writer s.w
	// is: modeKV, modeBulk or modeOther.
	mode atomic.Int32
}

// store.mode values.
const (
	modeOther = iota
	modeKV
	modeBulk
)

// batchWriter is how the store writes a batch of documents: each new
// document completely or not at all, and a document already stored never
// twice.
type batchWriter interface {
	// writeBatch stores the documents of rs (distinct, each with a hash)
	// that are not stored yet, and returns how many it stored.
	writeBatch(ctx context.Context, rs []*schema.Result) (int, error)
}

// boltFile is the file Cayley's bolt backend keeps inside the store folder.
const boltFile = "indexes.bolt"

// open opens (or creates) a bolt store folder.
func open(spec string, opt *graph.Options, h *graph.Host) (*store, error) {
	path := strings.TrimPrefix(spec, "bolt:")
	if path == "" {
		return nil, fmt.Errorf("store: empty path")
	}
	fi, err := os.Stat(path)
	switch {
	case err == nil && !fi.IsDir():
		return nil, fmt.Errorf("store %s: %w (it is a file; a store is a folder)", path, graph.ErrNotStore)
	case err == nil:
		if _, err := os.Stat(filepath.Join(path, boltFile)); err != nil {
			ents, _ := os.ReadDir(path)
			if len(ents) > 0 {
				return nil, fmt.Errorf("store %s: %w (the folder has no %s)", path, graph.ErrNotStore, boltFile)
			}
			if !opt.Create {
				return nil, fmt.Errorf("store %s: %w", path, graph.ErrNoStore)
			}
			if err := create(path); err != nil {
				return nil, fmt.Errorf("store %s: create: %w", path, boltErr(err))
			}
		}
	case errors.Is(err, os.ErrNotExist):
		if !opt.Create {
			return nil, fmt.Errorf("store %s: %w", path, graph.ErrNoStore)
		}
		if err := create(path); err != nil {
			return nil, fmt.Errorf("store %s: create: %w", path, boltErr(err))
		}
	default:
		return nil, fmt.Errorf("store %s: %w", path, err)
	}
	if err := checkUnlocked(filepath.Join(path, boltFile)); err != nil {
		return nil, fmt.Errorf("store %s: %w", path, err)
	}
	s := &store{h: h, spec: path, bulkQuads: cmp.Or(opt.BulkQuads, graph.DefaultBulkQuads)}
	if err := s.attach(path, opt); err != nil {
		return nil, err
	}
	if err := s.openJournal(path); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

// create makes a new store folder at path (absent, or an empty folder) in
// one step: Cayley makes its bolt file, in two transactions, in a folder
// beside it (path.creating), which is then renamed to path. A process
// killed meanwhile leaves no store rather than one whose metadata was
// never written.
func create(path string) error {
	tmp := filepath.Clean(path) + ".creating"
	if err := os.RemoveAll(tmp); err != nil {
		return err
	}
	err := cgraph.InitQuadStore("bolt", tmp, nil)
	if err == nil {
		// An empty folder gives way (os.Rename does not replace one).
		if rerr := os.Remove(path); rerr != nil && !errors.Is(rerr, os.ErrNotExist) {
			err = rerr
		}
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		os.RemoveAll(tmp)
		return err
	}
	return syncDir(filepath.Dir(filepath.Clean(path)))
}

// attach opens the bolt file of the store folder path into s: Cayley's
// quad store over it, the read index and the writer.
func (s *store) attach(path string, opt *graph.Options) error {
	// Cayley builds a bloom filter of every quad when it opens a
	// key-value store (a scan of the whole store) and sizes its filters for
	// 100 million entries (hundreds of MB). Without them the same graph is
	// written as fast (4,000 Reuters articles: 16.0 s against 15.8 s, peak
	// RSS 492 MB against 957 MB, in one run; see BENCHMARKS.md), so dossier
	// never builds them.
	qopt := cgraph.Options{"no_bloom": true}
	// The bolt file is opened here rather than by Cayley's registry so that
	// the read index can live in the same file.
	db, err := hbolt.Open(filepath.Join(path, boltFile), &boltdb.Options{InitialMmapSize: initialMmap})
	if err != nil {
		return fmt.Errorf("store %s: %w", path, boltErr(err))
	}
	qs, err := kv.New(db, qopt)
	if errors.Is(err, cgraph.ErrNotInitialized) && bucketless(db.DB()) {
		// The process that created the store was killed between bolt
		// creating the file and Cayley writing its metadata: nothing was
		// stored, so the store is created again (or reported absent).
		db.Close()
		if !opt.Create {
			return fmt.Errorf("store %s: %w (its creation was interrupted)", path, graph.ErrNoStore)
		}
		if err := cgraph.InitQuadStore("bolt", path, nil); err != nil {
			return fmt.Errorf("store %s: create: %w", path, boltErr(err))
		}
		return s.attach(path, opt)
	}
	if err != nil {
		db.Close()
		return fmt.Errorf("store %s: %w", path, boltErr(err))
	}
	s.qs, s.idx = qs, nil
	s.w = cayleyWriter{s}
	s.mode.Store(modeOther)
	if abs, err := filepath.Abs(filepath.Join(path, boltFile)); err == nil {
		if real, err := filepath.EvalSymlinks(abs); err == nil {
			s.mapFile = real
		}
	}
	ctx := context.Background()
	n, err := s.QuadCount(ctx)
	if err == nil {
		s.idx, err = openIndex(db.DB(), n == 0)
	}
	if err == nil && s.idx != nil {
		// A store written by a build without the index has quads the
		// index does not know: read it through the quads, as a store
		// without an index.
		var stale bool
		if stale, err = s.idx.stale(n); stale {
			s.idx = nil
		}
	}
	if err == nil && s.idx != nil {
		err = s.idx.settle(func(h string) (bool, error) { return graph.HasQuads(ctx, s.qs, h) }, n)
	}
	if err != nil {
		qs.Close()
		return fmt.Errorf("store %s: read index: %w", path, err)
	}
	if s.idx != nil && !opt.CayleyWriter {
		ok, err := kvLayoutOK(db.DB())
		if err != nil {
			qs.Close()
			return fmt.Errorf("store %s: %w", path, err)
		}
		if ok {
			s.w = kvWriter{s: s, db: db.DB()}
			s.mode.Store(modeKV)
		}
	}
	return nil
}

// bucketless reports whether db holds no bucket at all: a bolt file that
// was created and never written.
func bucketless(db *boltdb.DB) bool {
	empty := false
	db.View(func(tx *boltdb.Tx) error {
		empty = tx.ForEach(func([]byte, *boltdb.Bucket) error { return errBucket }) == nil
		return nil
	})
	return empty
}

// errBucket stops bucketless at the first bucket.
var errBucket = errors.New("a bucket")

// boltErr turns bolt's errors into the ones a user can act on.
func boltErr(err error) error {
	msg := err.Error()
	switch {
	case strings.Contains(msg, "timeout"):
		return graph.ErrLocked
	case strings.Contains(msg, "invalid database"), strings.Contains(msg, "version mismatch"),
		strings.Contains(msg, "file size too small"), strings.Contains(msg, "checksum"):
		return fmt.Errorf("%w: %v", graph.ErrNotStore, err)
	}
	return err
}

// Close closes the store: a bulk build in progress is dropped (its journal
// stays), the index's last marks are written.
func (s *store) Close() error {
	s.prepared.Clear()
	var err error
	if s.bulk != nil {
		s.dropBuild()
		err = s.bulk.f.Close()
	}
	if s.idx != nil {
		if ferr := s.idx.flush(); err == nil {
			err = ferr
		}
	}
	if cerr := s.qs.Close(); err == nil {
		err = cerr
	}
	return err
}

// String returns the store folder's path.
func (s *store) String() string { return s.spec }

// QuadStore returns Cayley's quad store over the bolt file.
func (s *store) QuadStore() cgraph.QuadStore { return s.qs }

// Index returns the read index, or nil for a store written without one.
func (s *store) Index() graph.Index {
	if s.idx == nil {
		return nil
	}
	return s.idx
}

// QuadCount returns the number of quads stored: 0 for an empty store,
// whose Cayley statistics fail until the first write.
func (s *store) QuadCount(ctx context.Context) (int64, error) {
	n, err := graph.QuadCount(ctx, s.qs)
	if errors.Is(err, kv.ErrNoBucket) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("store %s: %w", s.spec, err)
	}
	return n, nil
}

// Has reports whether a document is stored completely: staged by a bulk
// load, or known to the read index, or (for a document the index has
// pending, or without an index) found among the quads.
func (s *store) Has(ctx context.Context, hash string) (bool, error) {
	if s.bulk != nil && s.bulk.hashes[hash] {
		return true, nil
	}
	if s.idx != nil {
		// The read index knows the documents stored: one lookup in one
		// small bucket, where the quads take several all over the file
		// (a resumed ingest checks every document of its corpus). A
		// pending document is decided by its quads.
		known, pending, err := s.idx.docState(hash)
		if err != nil || !pending {
			return known, err
		}
	}
	return graph.HasQuads(ctx, s.qs, hash)
}

// WriteBatch writes through the store's writer: dossier's writer of
// Cayley's layout, the bulk load's journal, or Cayley's ApplyDeltas.
func (s *store) WriteBatch(ctx context.Context, rs []*schema.Result) (int, error) {
	// A bulk load changes the writer (BeginBulk, FinishBulk).
	s.h.RLock()
	w := s.w
	s.h.RUnlock()
	return w.writeBatch(ctx, rs)
}

// Forget deletes a document's quads through Cayley, which reads this
// layout as its own, and its index entries. The entries are marked
// pending first: a crash before the quads go leaves the entries (the
// document is still stored); after, they are dropped when the store is
// next opened.
func (s *store) Forget(ctx context.Context, hash string) error {
	quads, err := graph.DocQuads(ctx, s.qs, hash)
	if err != nil {
		return err
	}
	if s.idx != nil {
		if err := s.idx.mark(hash); err != nil {
			return err
		}
	}
	if err := s.qs.ApplyDeltas(graph.DeleteDeltas(quads), cgraph.IgnoreOpts{IgnoreMissing: true}); err != nil {
		return err
	}
	if s.idx != nil {
		q, err := s.QuadCount(ctx)
		if err != nil {
			return err
		}
		return s.idx.remove(hash, q)
	}
	return nil
}

// cayleyWriter writes through Cayley's ApplyDeltas, one transaction per
// batch, holding the store's write lock (bolt cannot deadlock with a
// reader then, Cayley issue 712). The read index's entries go in a
// transaction of their own before, marked pending until the quads are
// stored.
type cayleyWriter struct{ s *store }

func (w cayleyWriter) writeBatch(ctx context.Context, rs []*schema.Result) (int, error) {
	s := w.s
	s.h.Lock()
	defer s.h.Unlock()
	deltas, fresh, err := graph.NewDeltas(ctx, rs, s.Has)
	if err != nil {
		return 0, fmt.Errorf("store %s: write: %w", s.spec, err)
	}
	if len(deltas) == 0 {
		return 0, nil
	}
	if s.idx != nil {
		if err := s.idx.add(fresh); err != nil {
			return 0, fmt.Errorf("store %s: write: %w", s.spec, err)
		}
	}
	if err := s.qs.ApplyDeltas(deltas, cgraph.IgnoreOpts{IgnoreDup: true}); err != nil {
		if s.idx != nil {
			// What is left pending here is settled when the store is
			// next opened.
			_ = s.idx.rollback(fresh)
		}
		return 0, fmt.Errorf("store %s: write: %w", s.spec, err)
	}
	if s.idx != nil {
		q, err := s.QuadCount(ctx)
		if err != nil {
			return 0, fmt.Errorf("store %s: write: %w", s.spec, err)
		}
		s.idx.clear(fresh, q)
	}
	if s.mapFile != "" {
		releaseMapped(s.mapFile)
	}
	return len(fresh), nil
}

// Unprepare drops what Prepare kept for a result that will not be
// written.
func (s *store) Unprepare(r *schema.Result) { s.prepared.Delete(r) }

var (
	_ graph.Backend    = (*store)(nil)
	_ graph.Preparer   = (*store)(nil)
	_ graph.BulkLoader = (*store)(nil)
)

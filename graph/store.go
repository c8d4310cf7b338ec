package graph

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

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/kv"
	_ "github.com/cayleygraph/cayley/graph/kv/bolt" // registers the bolt backend
	"github.com/cayleygraph/cayley/graph/memstore"
	"github.com/cayleygraph/quad"
	hbolt "github.com/hidal-go/hidalgo/kv/bolt"

	"github.com/dossier-project/dossier/schema"
)

// Errors that Open returns, wrapped with the store's name.
var (
	// ErrLocked means another process has the store open for writing.
	ErrLocked = errors.New("store is locked by another process")
	// ErrNotStore means the path exists but does not hold a dossier store.
	ErrNotStore = errors.New("not a dossier store")
	// ErrNoStore means the store does not exist and Options.Create was false.
	ErrNoStore = errors.New("no store here")
)

// Options configure Open. A nil *Options means the zero value.
type Options struct {
	// Create makes a new store when none exists: the bolt folder, or
	// Cayley's tables in an existing PostgreSQL database.
	Create bool
	// AsyncCommit turns off synchronous_commit for the store's write
	// transactions (PostgreSQL only). A crash of the database server may
	// then lose the last few batches committed, never part of one; other
	// backends ignore it.
	AsyncCommit bool
	// CayleyWriter makes a bolt store write through Cayley's ApplyDeltas
	// rather than dossier's own writer of the same layout (kvwrite.go):
	// slower, kept to compare the two.
	CayleyWriter bool
	// BulkQuads is how many quads a bulk load (Store.BeginBulk) stages
	// before it builds them into the store and goes on batch by batch;
	// 0 means DefaultBulkQuads.
	BulkQuads int
}

// Backends that Store.Backend reports.
const (
	BackendMemory   = "memory"
	BackendBolt     = "bolt"
	BackendPostgres = "postgres"
)

// Store is a dossier graph in a Cayley quad store. Its methods are safe for
// concurrent use. On memory and bolt, writes are serialised and exclude
// readers, which keeps bolt clear of its writer-with-readers deadlock
// (Cayley issue 712) and the memory store clear of data races. On
// PostgreSQL, the database isolates writers and readers, across processes
// too.
type Store struct {
	qs      cgraph.QuadStore
	spec    string // the store's name in messages: a path, "memory" or a URL without its password
	backend string
	w       batchWriter
	mu      sync.RWMutex
	ties    tieCache
	// idx is a bolt store's read index (index.go); nil on other
	// backends and on bolt stores written before it existed.
	idx *readIndex
	// noIndex makes reads go through the quads even when idx is set
	// (tests compare the two).
	noIndex bool
	// mapFile is the bolt file's absolute path, whose memory map a write
	// releases (releaseMapped); empty on other backends.
	mapFile string
	// abandoned is set when a query timed out while Cayley may still be
	// running it.
	abandoned atomic.Bool
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

// Store.mode values.
const (
	modeOther = iota
	modeKV
	modeBulk
)

// batchWriter is how one backend stores a batch of documents: each new
// document completely or not at all, and a document already stored never
// twice.
type batchWriter interface {
	// writeBatch stores the documents of rs (distinct, each with a hash)
	// that are not stored yet, and returns how many it stored.
	writeBatch(ctx context.Context, rs []*schema.Result) (int, error)
	// close releases what the writer holds beyond the quad store.
	close() error
}

// boltFile is the file Cayley's bolt backend keeps inside the store folder.
const boltFile = "indexes.bolt"

// Open opens the store named by spec:
//
//   - "memory" (or "memory:"): a new, empty in-memory store;
//   - "postgres://user@host:port/db?sslmode=disable" (or "postgresql://"):
//     Cayley's tables in a PostgreSQL database, created when opt.Create;
//   - anything else: a path to a bolt store folder ("bolt:" prefix optional).
//
// Errors wrap ErrNoStore, ErrNotStore or ErrLocked where they apply and
// name the store; a URL's password is never shown.
func Open(ctx context.Context, spec string, opt *Options) (*Store, error) {
	if opt == nil {
		opt = &Options{}
	}
	switch {
	case spec == "memory" || spec == "memory:":
		s := &Store{qs: memstore.New(), spec: "memory", backend: BackendMemory}
		s.w = cayleyWriter{s}
		return s, nil
	case strings.HasPrefix(spec, "postgres://") || strings.HasPrefix(spec, "postgresql://"):
		return openPostgres(ctx, spec, opt)
	case strings.Contains(spec, "://"):
		return nil, fmt.Errorf("store %s: unsupported backend (use a folder path for bolt, postgres://... or \"memory\")", redact(spec))
	}
	return openBolt(spec, opt)
}

// openBolt opens (or creates) a bolt store folder.
func openBolt(spec string, opt *Options) (*Store, error) {
	path := strings.TrimPrefix(spec, "bolt:")
	if path == "" {
		return nil, fmt.Errorf("store: empty path")
	}
	fi, err := os.Stat(path)
	switch {
	case err == nil && !fi.IsDir():
		return nil, fmt.Errorf("store %s: %w (it is a file; a store is a folder)", path, ErrNotStore)
	case err == nil:
		if _, err := os.Stat(filepath.Join(path, boltFile)); err != nil {
			ents, _ := os.ReadDir(path)
			if len(ents) > 0 {
				return nil, fmt.Errorf("store %s: %w (the folder has no %s)", path, ErrNotStore, boltFile)
			}
			if !opt.Create {
				return nil, fmt.Errorf("store %s: %w", path, ErrNoStore)
			}
			if err := cgraph.InitQuadStore("bolt", path, nil); err != nil {
				return nil, fmt.Errorf("store %s: create: %w", path, boltErr(err))
			}
		}
	case errors.Is(err, os.ErrNotExist):
		if !opt.Create {
			return nil, fmt.Errorf("store %s: %w", path, ErrNoStore)
		}
		if err := cgraph.InitQuadStore("bolt", path, nil); err != nil {
			return nil, fmt.Errorf("store %s: create: %w", path, boltErr(err))
		}
	default:
		return nil, fmt.Errorf("store %s: %w", path, err)
	}
	if err := checkUnlocked(filepath.Join(path, boltFile)); err != nil {
		return nil, fmt.Errorf("store %s: %w", path, err)
	}
	s := &Store{spec: path, backend: BackendBolt, bulkQuads: cmp.Or(opt.BulkQuads, DefaultBulkQuads)}
	if err := s.attachBolt(path, opt); err != nil {
		return nil, err
	}
	if err := s.openJournal(path); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

// attachBolt opens the bolt file of the store folder path into s: Cayley's
// quad store over it, the read index and the writer.
func (s *Store) attachBolt(path string, opt *Options) error {
	// Cayley builds a bloom filter of every quad when it opens a
	// key-value store (a scan of the whole store) and sizes its filters for
	// 100 million entries (hundreds of MB). Without them the same graph is
	// written as fast (4,000 Reuters articles: 16.0 s against 15.8 s, peak
	// RSS 492 MB against 957 MB, in one run; see BENCHMARKS.md), so dossier
	// never builds them.
	qopt := cgraph.Options{"no_bloom": true}
	// The bolt file is opened here rather than by Cayley's registry so that
	// the read index can live in the same file.
	db, err := hbolt.Open(filepath.Join(path, boltFile), nil)
	if err != nil {
		return fmt.Errorf("store %s: %w", path, boltErr(err))
	}
	qs, err := kv.New(db, qopt)
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
	n, err := s.quadCount(ctx)
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
		err = s.idx.settle(func(h string) (bool, error) { return s.hasQuads(ctx, h) }, n)
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

// boltErr turns bolt's errors into the ones a user can act on.
func boltErr(err error) error {
	msg := err.Error()
	switch {
	case strings.Contains(msg, "timeout"):
		return ErrLocked
	case strings.Contains(msg, "invalid database"), strings.Contains(msg, "version mismatch"),
		strings.Contains(msg, "file size too small"), strings.Contains(msg, "checksum"):
		return fmt.Errorf("%w: %v", ErrNotStore, err)
	}
	return err
}

// Close closes the store.
//
// A query that timed out may still be running inside Cayley (a native
// step such as Count cannot be interrupted); closing the backend under it
// would crash the process. After such a query Close leaves the backend to
// the process's exit, which releases it: every write is already committed.
func (s *Store) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.prepared.Clear()
	if s.abandoned.Load() {
		return nil
	}
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
	if werr := s.w.close(); err == nil {
		err = werr
	}
	return err
}

// String returns the store's path, "memory", or its URL without the
// password.
func (s *Store) String() string { return s.spec }

// Backend returns the kind of store: BackendMemory, BackendBolt or
// BackendPostgres.
func (s *Store) Backend() string { return s.backend }

// QuadStore exposes the underlying Cayley store for the query languages.
// Callers must not write through it.
func (s *Store) QuadStore() cgraph.QuadStore { return s.qs }

// quadCount returns the number of quads stored, exactly and fresh: 0 for
// an empty bolt store (whose Cayley Stats fail until the first write), a
// COUNT on PostgreSQL (whose Cayley Stats estimate, or cache a count that
// other processes' writes make stale). The caller holds s.mu.
func (s *Store) quadCount(ctx context.Context) (int64, error) {
	if w, ok := s.w.(*pgWriter); ok {
		return w.count(ctx)
	}
	st, err := s.qs.Stats(ctx, false)
	if errors.Is(err, kv.ErrNoBucket) || notFound(err) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("store %s: count quads: %w", s.spec, err)
	}
	return st.Quads.Value, nil
}

// Has reports whether a document with this content hash is stored
// completely.
func (s *Store) Has(ctx context.Context, hash string) (bool, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.has(ctx, hash)
}

func (s *Store) has(ctx context.Context, hash string) (bool, error) {
	if s.bulk != nil && s.bulk.hashes[hash] {
		return true, nil
	}
	if w, ok := s.w.(*pgWriter); ok {
		return w.has(ctx, hash)
	}
	if s.idx != nil && !s.noIndex {
		// The read index knows the documents stored: one lookup in one
		// small bucket, where the quads take several all over the file
		// (a resumed ingest checks every document of its corpus). A
		// pending document is decided by its quads.
		known, pending, err := s.idx.docState(hash)
		if err != nil || !pending {
			return known, err
		}
	}
	return s.hasQuads(ctx, hash)
}

// hasQuads reports whether a document's complete marker is among the
// quads, the source of truth when the read index itself is in question.
func (s *Store) hasQuads(ctx context.Context, hash string) (bool, error) {
	doc := quad.IRI(schema.DocIRI(hash))
	vals, err := s.objects(ctx, doc, schema.PredComplete)
	return len(vals) > 0, err
}

// Write stores one extraction result in a single transaction and reports
// whether anything was written: a document already stored is skipped.
func (s *Store) Write(ctx context.Context, r *schema.Result) (bool, error) {
	n, err := s.WriteBatch(ctx, []*schema.Result{r})
	return n > 0, err
}

// WriteBatch stores several results in one transaction, skipping those
// already stored, and returns how many it wrote. Either all of the batch's
// new documents are stored or none is. On PostgreSQL, several processes
// may write the same documents at once: each document is stored once and
// counted by exactly one of them.
func (s *Store) WriteBatch(ctx context.Context, rs []*schema.Result) (int, error) {
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	var batch []*schema.Result
	seen := make(map[string]bool)
	for _, r := range rs {
		if r == nil {
			return 0, fmt.Errorf("store %s: write: nil result", s.spec)
		}
		h := r.Document.Hash
		if h == "" {
			return 0, fmt.Errorf("document %s: no content hash", r.Document.Path)
		}
		if !seen[h] {
			seen[h] = true
			batch = append(batch, r)
		} else {
			s.prepared.Delete(r) // a second copy of the same text
		}
	}
	if len(batch) == 0 {
		return 0, nil
	}
	defer s.ties.reset()
	// A bulk load changes the writer (BeginBulk, FinishBulk).
	s.mu.RLock()
	w := s.w
	s.mu.RUnlock()
	return w.writeBatch(ctx, batch)
}

// cayleyWriter writes through Cayley's ApplyDeltas, one transaction per
// batch, holding the store's write lock: for memory and bolt, whose
// transactions do not isolate a writer from readers in the same process.
type cayleyWriter struct{ s *Store }

func (w cayleyWriter) writeBatch(ctx context.Context, rs []*schema.Result) (int, error) {
	s := w.s
	s.mu.Lock()
	defer s.mu.Unlock()
	var deltas []cgraph.Delta
	var fresh []*schema.Result
	n := 0
	for _, r := range rs {
		ok, err := s.has(ctx, r.Document.Hash)
		if err != nil {
			return 0, fmt.Errorf("store %s: write: %w", s.spec, err)
		}
		if ok {
			continue
		}
		for _, q := range Quads(r) {
			deltas = append(deltas, cgraph.Delta{Quad: q, Action: cgraph.Add})
		}
		fresh = append(fresh, r)
		n++
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
		q, err := s.quadCount(ctx)
		if err != nil {
			return 0, fmt.Errorf("store %s: write: %w", s.spec, err)
		}
		s.idx.clear(fresh, q)
	}
	if s.mapFile != "" {
		releaseMapped(s.mapFile)
	}
	return n, nil
}

func (cayleyWriter) close() error { return nil }

package graph

import (
	"context"
	"errors"
	"fmt"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

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
	// ErrBulk means an operation needs the store built and a bulk load
	// is staged in it: run the ingest again to finish it.
	ErrBulk = errors.New("a bulk load is in progress: run dossier ingest again to finish it")
)

// DefaultBulkQuads is how many quads a bulk load stages before it builds
// them (Options.BulkQuads); the rest of a larger corpus is written batch
// by batch, which is much slower on a large store and maps more of it
// (four times Reuters-21578, 13.3M quads: 275.6 s and 2.37 GB resident
// with a limit of 8M, 77.0 s and 429 MB bulk loaded whole; BENCHMARKS.md).
// What a build holds in memory grows only with the corpus's distinct
// values (about one to 4.5 quads), its other entries going to runs on
// disk; this bounds it.
const DefaultBulkQuads = 16_000_000

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
	// rather than dossier's own writer of the same layout (graph/bolt):
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
	b Backend
	// h is the lock readers hold shared, which backends take to write
	// (Host).
	h       Host
	backend string // the driver's name
	shared  bool   // the driver's Shared
	ties    tieCache
	// noIndex makes reads go through the quads even when the backend
	// keeps a read index (UseIndex).
	noIndex bool
}

// Open opens the store named by spec:
//
//   - "memory" (or "memory:"): a new, empty in-memory store;
//   - "postgres://user@host:port/db?sslmode=disable" (or "postgresql://"):
//     Cayley's tables in a PostgreSQL database, created when opt.Create
//     (package graph/postgres);
//   - anything else: a path to a bolt store folder ("bolt:" prefix
//     optional; package graph/bolt).
//
// Backends other than memory are packages of their own that register
// themselves (Register): a program imports the ones it offers, for their
// side effect, as database/sql drivers are imported.
//
// Errors wrap ErrNoStore, ErrNotStore or ErrLocked where they apply and
// name the store; a URL's password is never shown.
func Open(ctx context.Context, spec string, opt *Options) (*Store, error) {
	if opt == nil {
		opt = &Options{}
	}
	if spec == "memory" || spec == "memory:" {
		s := &Store{backend: BackendMemory}
		s.b = newMemory(&s.h)
		return s, nil
	}
	d, ok := driverFor(spec)
	if !ok {
		return nil, unsupported(spec)
	}
	s := &Store{backend: d.Name, shared: d.Shared}
	b, err := d.Open(ctx, spec, opt, &s.h)
	if err != nil {
		return nil, err
	}
	s.b = b
	return s, nil
}

// Close closes the store.
//
// A query that timed out may still be running inside Cayley (a native
// step such as Count cannot be interrupted); closing the backend under it
// would crash the process. After such a query Close leaves the backend to
// the process's exit, which releases it: every write is already committed.
func (s *Store) Close() error {
	s.h.Lock()
	defer s.h.Unlock()
	if s.h.Abandoned() {
		return nil
	}
	return s.b.Close()
}

// String returns the store's path, "memory", or its URL without the
// password.
func (s *Store) String() string { return s.b.String() }

// Backend returns the kind of store: BackendMemory, BackendBolt,
// BackendPostgres, or the name another registered backend gives.
func (s *Store) Backend() string { return s.backend }

// Inner returns the backend the store runs on, for the backend's own
// package (and its tests) to reach what only it knows.
func (s *Store) Inner() Backend { return s.b }

// QuadStore exposes the underlying Cayley store for the query languages.
// Callers must not write through it.
func (s *Store) QuadStore() cgraph.QuadStore { return s.b.QuadStore() }

// Version returns a number that changes whenever the store is written, and
// ok true, for a store that other processes write to (PostgreSQL): a
// server that caches answers asks it to know when they went stale. For a
// store only this process writes, ok is false: its writes go through this
// Store.
func (s *Store) Version(ctx context.Context) (v int64, ok bool, err error) {
	if !s.shared {
		return 0, false, nil
	}
	vi, isV := s.b.Index().(VersionedIndex)
	if !isV {
		return 0, false, nil
	}
	v, err = vi.Version(ctx)
	return v, err == nil, err
}

// UseIndex sets whether the store answers from its backend's read index
// (the default, when it keeps one) or reads every answer from the quads,
// as a store without an index does: the two must agree, and tests and
// checks compare them.
func (s *Store) UseIndex(on bool) {
	s.h.Lock()
	s.noIndex = !on
	s.h.Unlock()
	s.ties.reset()
}

// Has reports whether a document with this content hash is stored
// completely.
func (s *Store) Has(ctx context.Context, hash string) (bool, error) {
	s.h.RLock()
	defer s.h.RUnlock()
	return s.b.Has(ctx, hash)
}

// HasQuads reports whether a document's complete marker is among the
// quads of qs: the source of truth for whether it is stored.
func HasQuads(ctx context.Context, qs cgraph.QuadStore, hash string) (bool, error) {
	vals, err := objects(ctx, qs, quad.IRI(schema.DocIRI(hash)), schema.PredComplete)
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
			return 0, fmt.Errorf("store %s: write: nil result", s)
		}
		h := r.Document.Hash
		if h == "" {
			return 0, fmt.Errorf("document %s: no content hash", r.Document.Path)
		}
		if !seen[h] {
			seen[h] = true
			batch = append(batch, r)
		} else if p, ok := s.b.(Preparer); ok {
			p.Unprepare(r) // a second copy of the same text
		}
	}
	if len(batch) == 0 {
		return 0, nil
	}
	defer s.ties.reset()
	return s.b.WriteBatch(ctx, batch)
}

// Prepare does ahead of WriteBatch the part of writing r that needs
// nothing from the store, and returns how many quads r stores. On bolt
// that part is listing, hashing and encoding r's quads; ingest workers
// call Prepare as they finish each document, in parallel, and WriteBatch
// then finds the work done for the same *schema.Result. A prepared result
// that is never written is dropped when the store closes. Prepare is safe
// for concurrent use.
func (s *Store) Prepare(r *schema.Result) (int, error) {
	if p, ok := s.b.(Preparer); ok {
		return p.Prepare(r)
	}
	return len(Quads(r)), nil
}

// BeginBulk puts the store in bulk mode, if its backend can bulk load and
// it holds nothing yet (a bolt store written by dossier's own writer). It
// reports whether the store is in bulk mode, which it stays in (across
// Close and Open) until FinishBulk. A store already in bulk mode (a load
// interrupted before it was built) reports true.
func (s *Store) BeginBulk() (bool, error) {
	bl, ok := s.b.(BulkLoader)
	if !ok {
		return false, nil
	}
	s.h.Lock()
	defer s.h.Unlock()
	return bl.BeginBulk()
}

// FinishBulk builds the store from what a bulk load staged and leaves bulk
// mode; the store then holds every staged document, exactly as if each
// had been written by WriteBatch. It does nothing outside bulk mode. If
// it fails or is interrupted, the store stays empty and in bulk mode, and
// a later FinishBulk builds it again.
func (s *Store) FinishBulk(ctx context.Context) error {
	bl, ok := s.b.(BulkLoader)
	if !ok {
		return nil
	}
	s.h.Lock()
	defer s.h.Unlock()
	defer s.ties.reset()
	return bl.FinishBulk(ctx)
}

// Bulk reports whether the store is in bulk mode and how many documents
// are staged.
func (s *Store) Bulk() (staged int, ok bool) {
	bl, isBulk := s.b.(BulkLoader)
	if !isBulk {
		return 0, false
	}
	s.h.RLock()
	defer s.h.RUnlock()
	return bl.Bulk()
}

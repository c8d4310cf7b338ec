package graph

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"

	cgraph "github.com/cayleygraph/cayley/graph"
	_ "github.com/cayleygraph/cayley/graph/kv/bolt" // registers the bolt backend
	"github.com/cayleygraph/cayley/graph/memstore"
	"github.com/cayleygraph/quad"

	"github.com/dossier-project/dossier/schema"
)

// Errors that Open returns, wrapped with the store's path.
var (
	// ErrLocked means another process has the store open for writing.
	ErrLocked = errors.New("store is locked by another process")
	// ErrNotStore means the path exists but does not hold a dossier store.
	ErrNotStore = errors.New("not a dossier store")
	// ErrNoStore means the store does not exist and Options.Create was false.
	ErrNoStore = errors.New("no store here")
)

// Options configure Open.
type Options struct {
	// Create makes a new store when none exists at the path.
	Create bool
}

// Store is a dossier graph in a Cayley quad store. Its methods are safe for
// concurrent use: writes are serialised and exclude readers, which keeps
// bolt clear of its writer-with-readers deadlock (Cayley issue 712).
type Store struct {
	qs   cgraph.QuadStore
	spec string
	mu   sync.RWMutex
}

// boltFile is the file Cayley's bolt backend keeps inside the store folder.
const boltFile = "indexes.bolt"

// Open opens the store named by spec: "memory" (or "memory:") for an
// in-memory store, otherwise a path to a bolt store folder ("bolt:" prefix
// optional).
func Open(ctx context.Context, spec string, opt *Options) (*Store, error) {
	if opt == nil {
		opt = &Options{}
	}
	switch {
	case spec == "memory" || spec == "memory:":
		return &Store{qs: memstore.New(), spec: spec}, nil
	case strings.Contains(spec, "://"):
		return nil, fmt.Errorf("store %s: unsupported backend (use a folder path for bolt, or \"memory\")", spec)
	}
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
	qs, err := cgraph.NewQuadStore("bolt", path, nil)
	if err != nil {
		return nil, fmt.Errorf("store %s: %w", path, boltErr(err))
	}
	return &Store{qs: qs, spec: path}, nil
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
func (s *Store) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.qs.Close()
}

// String returns the store's path or "memory".
func (s *Store) String() string { return s.spec }

// QuadStore exposes the underlying Cayley store for the query languages.
// Callers must not write through it.
func (s *Store) QuadStore() cgraph.QuadStore { return s.qs }

// Has reports whether a document with this content hash is stored
// completely.
func (s *Store) Has(ctx context.Context, hash string) (bool, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.has(ctx, hash)
}

func (s *Store) has(ctx context.Context, hash string) (bool, error) {
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
// new documents are stored or none is.
func (s *Store) WriteBatch(ctx context.Context, rs []*schema.Result) (int, error) {
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	var deltas []cgraph.Delta
	n := 0
	seen := make(map[string]bool)
	for _, r := range rs {
		h := r.Document.Hash
		if h == "" {
			return 0, fmt.Errorf("document %s: no content hash", r.Document.Path)
		}
		if seen[h] {
			continue
		}
		seen[h] = true
		ok, err := s.has(ctx, h)
		if err != nil {
			return 0, err
		}
		if ok {
			continue
		}
		for _, q := range Quads(r) {
			deltas = append(deltas, cgraph.Delta{Quad: q, Action: cgraph.Add})
		}
		n++
	}
	if len(deltas) == 0 {
		return 0, nil
	}
	if err := s.qs.ApplyDeltas(deltas, cgraph.IgnoreOpts{IgnoreDup: true}); err != nil {
		return 0, fmt.Errorf("store %s: write: %w", s.spec, err)
	}
	return n, nil
}

package graph

import (
	"context"
	"fmt"
	"net/url"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/dossier-project/dossier/schema"
)

// Backends.
//
// A Store keeps its graph in a Backend: the quads, in a Cayley quad store,
// and optionally a read index beside them (Index). The questions (Stats,
// Find, Claims, Neighbours, the ledger, the exports...) are written once,
// here, against two things: Cayley's QuadStore, which every backend has,
// and the small Index interface, which a backend that keeps records of its
// own implements. A backend is a package of its own that registers itself
// as database/sql drivers do (graph/bolt, graph/postgres); "memory" is
// built in. A new backend is a new package that calls Register and passes
// the conformance suite (graph/graphtest); nothing here changes.

// Backend is one kind of storage for a Store.
type Backend interface {
	// String names the store in messages: a path, or a URL without its
	// password.
	String() string
	// QuadStore returns the Cayley quad store that holds the graph's
	// quads. It may change between writes (a bolt bulk load swaps its
	// file in); the Store asks for it under its read lock every time.
	QuadStore() cgraph.QuadStore
	// Index returns the backend's read index, or nil when it keeps none:
	// the Store then answers every question from the quads. Called under
	// the Store's read lock.
	Index() Index
	// WriteBatch stores the documents of rs (distinct, each with a content
	// hash) that are not stored yet, each completely or not at all, and
	// returns how many it stored. It is called without the Store's lock:
	// a backend whose storage does not isolate a writer from readers in
	// the same process takes Host.Lock itself while it writes.
	WriteBatch(ctx context.Context, rs []*schema.Result) (int, error)
	// Has reports whether a document is stored completely. Called under
	// the Store's read lock.
	Has(ctx context.Context, hash string) (bool, error)
	// QuadCount returns the number of quads stored, exactly and fresh.
	// Called under the Store's read lock.
	QuadCount(ctx context.Context) (int64, error)
	// Forget deletes one stored document: every quad labelled with it
	// (DocQuads finds them through Cayley), and its index records, and
	// the values no quad uses any more. Called under the Store's write
	// lock.
	Forget(ctx context.Context, hash string) error
	// Close releases the backend. Called under the Store's write lock.
	Close() error
}

// Preparer is a Backend that can do part of a write ahead of WriteBatch,
// in the caller's goroutine, for a result that WriteBatch later receives
// (Store.Prepare).
type Preparer interface {
	// Prepare readies r and returns how many quads it stores. It is safe
	// for concurrent use and called without the Store's lock.
	Prepare(r *schema.Result) (int, error)
	// Unprepare drops what Prepare kept for r, which will not be
	// written.
	Unprepare(r *schema.Result)
}

// BulkLoader is a Backend that can load a corpus into an empty store
// faster than batch by batch (Store.BeginBulk). Its methods are called
// under the Store's lock: BeginBulk and FinishBulk under the write lock,
// Bulk under the read lock.
type BulkLoader interface {
	// BeginBulk starts a bulk load if the store can take one, and reports
	// whether one is under way.
	BeginBulk() (bool, error)
	// FinishBulk ends the bulk load: what it wrote is then stored and
	// read as if written batch by batch.
	FinishBulk(ctx context.Context) error
	// Bulk reports whether documents are staged that readers do not see
	// yet (bolt stages them in a journal until FinishBulk), and how many.
	Bulk() (staged int, ok bool)
}

// QuadLister is a Backend that lists its quads faster than Cayley's
// iterator over its QuadStore does (Store.EachQuad). EachQuad is called
// under the Store's read lock and gives every quad once, in the store's
// order.
type QuadLister interface {
	EachQuad(ctx context.Context, fn func(quad.Quad) error) error
}

// Host is what a Store shares with its backend: its lock, which readers
// hold shared, and whether a query was abandoned to a timeout.
type Host struct {
	sync.RWMutex
	abandoned atomic.Bool
}

// Abandoned reports whether a query timed out while Cayley may still be
// running it: the backend must then not close or replace what it reads.
func (h *Host) Abandoned() bool { return h.abandoned.Load() }

// Driver opens the stores of one backend.
type Driver struct {
	// Name is the backend's kind, as Store.Backend reports it.
	Name string
	// Match reports whether a store spec (as given to Open) names a
	// store of this backend.
	Match func(spec string) bool
	// Open opens (or, with opt.Create, creates) the store spec names;
	// h is the Store's Host. Errors name the store.
	Open func(ctx context.Context, spec string, opt *Options, h *Host) (Backend, error)
	// Shared is true when other processes may write the store while it
	// is open: nothing read from it is cached between questions.
	Shared bool
	// Usage says how to name its stores, for the error about a spec that
	// no backend takes ("a folder path for bolt").
	Usage string
}

var (
	driversMu sync.RWMutex
	drivers   []Driver
)

// Register makes a backend available to Open. It is called from the
// init function of the backend's package; registering a name twice
// panics.
func Register(d Driver) {
	driversMu.Lock()
	defer driversMu.Unlock()
	if d.Name == "" || d.Match == nil || d.Open == nil {
		panic("graph: Register of an incomplete driver")
	}
	for _, x := range drivers {
		if x.Name == d.Name {
			panic("graph: Register called twice for backend " + d.Name)
		}
	}
	drivers = append(drivers, d)
	sort.Slice(drivers, func(i, j int) bool { return drivers[i].Name < drivers[j].Name })
}

// driverFor returns the registered driver whose Match takes spec.
func driverFor(spec string) (Driver, bool) {
	driversMu.RLock()
	defer driversMu.RUnlock()
	for _, d := range drivers {
		if d.Match(spec) {
			return d, true
		}
	}
	return Driver{}, false
}

// unsupported is the error for a spec that no registered backend takes.
func unsupported(spec string) error {
	driversMu.RLock()
	var uses []string
	for _, d := range drivers {
		if d.Usage != "" {
			uses = append(uses, d.Usage)
		}
	}
	driversMu.RUnlock()
	uses = append(uses, `"memory"`)
	list := strings.Join(uses[:len(uses)-1], ", ")
	if len(uses) > 1 {
		list += " or "
	}
	list += uses[len(uses)-1]
	if !strings.Contains(spec, "://") {
		return fmt.Errorf("store %s: no backend for store folders is compiled in (import github.com/dossier-project/dossier/graph/bolt)", spec)
	}
	return fmt.Errorf("store %s: unsupported backend (use %s)", Redact(spec), list)
}

// Redact returns a store spec fit for messages: a URL's password is
// replaced by "xxxxx", and a URL that does not parse is cut after its
// scheme (it may hold a password).
func Redact(spec string) string {
	u, err := url.Parse(spec)
	if err != nil {
		if i := strings.Index(spec, "://"); i >= 0 {
			return spec[:i+3] + "..."
		}
		return spec
	}
	return u.Redacted()
}

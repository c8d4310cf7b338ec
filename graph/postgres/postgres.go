// Package postgres keeps a dossier graph in PostgreSQL: Cayley's quads
// and nodes tables, written by dossier's own writer (many rows per
// statement, one transaction per batch, advisory locks per document), so
// that several processes on several machines can ingest into one graph.
//
// Importing it registers the backend with package graph, which then opens
// postgres:// and postgresql:// URLs:
//
//	import _ "github.com/dossier-project/dossier/graph/postgres"
//
//	st, err := graph.Open(ctx, "postgres://dossier@db:5432/news?sslmode=disable",
//		&graph.Options{Create: true})
//
// graph/README.md describes the tables, the guarantees and a deployment.
package postgres

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"sync"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/sql/postgres" // registers the postgres backend and the lib/pq driver
	"github.com/lib/pq"

	"github.com/dossier-project/dossier/graph"
	"github.com/dossier-project/dossier/schema"
)

func init() {
	graph.Register(graph.Driver{
		Name: graph.BackendPostgres,
		Match: func(spec string) bool {
			return strings.HasPrefix(spec, "postgres://") || strings.HasPrefix(spec, "postgresql://")
		},
		Open: func(ctx context.Context, spec string, opt *graph.Options, _ *graph.Host) (graph.Backend, error) {
			return open(ctx, spec, opt)
		},
		Shared: true,
		Usage:  "postgres://...",
	})
}

// open opens Cayley's SQL quad store in a PostgreSQL database,
// creating its tables when opt.Create. The database itself must exist.
func open(ctx context.Context, spec string, opt *graph.Options) (*store, error) {
	name := graph.Redact(spec)
	if _, err := url.Parse(spec); err != nil {
		return nil, fmt.Errorf("store %s: malformed URL", name)
	}
	db, err := sql.Open("postgres", spec)
	if err != nil {
		return nil, fmt.Errorf("store %s: %w", name, pgErr(err))
	}
	fail := func(err error) (*store, error) {
		db.Close()
		return nil, fmt.Errorf("store %s: %w", name, err)
	}
	// Connect here, before Cayley does: Cayley logs failed addresses with
	// their password.
	pctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	if err := db.PingContext(pctx); err != nil {
		return fail(pgErr(err))
	}
	var standby bool
	if err := db.QueryRowContext(pctx, `SELECT pg_is_in_recovery()`).Scan(&standby); err != nil {
		return fail(pgErr(err))
	}
	state, err := pgSchema(pctx, db)
	if err != nil {
		return fail(pgErr(err))
	}
	if state == pgNone {
		if !opt.Create {
			return fail(fmt.Errorf("%w (the database has no quads and nodes tables)", graph.ErrNoStore))
		}
		if standby {
			return fail(fmt.Errorf("%w (the database has no quads and nodes tables, and it is a read-only standby: create the store on the primary)", graph.ErrNoStore))
		}
		if state, err = pgCreate(pctx, db, spec); err != nil {
			return fail(fmt.Errorf("create: %w", pgErr(err)))
		}
	}
	if state == pgOther {
		return fail(fmt.Errorf("%w (the database's quads or nodes table is not Cayley's)", graph.ErrNotStore))
	}
	if err := openTables(pctx, db, standby); err != nil {
		return fail(pgErr(err))
	}
	return &store{spec: spec, db: db, w: &pgWriter{db: db, spec: name, async: opt.AsyncCommit}, standby: standby}, nil
}

// openTables checks dossier's tables: on a server that takes writes it
// brings them to schemaVersion (upgrade); on a standby, which takes
// none, they must be at it already.
func openTables(ctx context.Context, db *sql.DB, standby bool) error {
	if !standby {
		if err := upgrade(ctx, db); err != nil {
			return err
		}
		return finishAbandoned(ctx, db)
	}
	v, err := storeVersion(ctx, db)
	if err != nil || v == schemaVersion {
		return err
	}
	return fmt.Errorf("%w %d on a standby (this dossier reads version %d): open the primary once with this dossier to upgrade it", ErrVersion, v, schemaVersion)
}

// store is a PostgreSQL store, open: Cayley's quad store for the query
// languages, dossier's writer, and the read index in dossier's tables.
type store struct {
	// qs is Cayley's quad store, opened on first use (QuadStore): every
	// question but the query languages and the nquads export answers from
	// the read index, and opening it costs a connection of its own.
	qsOnce sync.Once
	qs     cgraph.QuadStore
	spec   string
	db     *sql.DB
	w      *pgWriter
	// bulk is the connection that holds bulkLock while a bulk load runs
	// (bulk.go).
	bulk *sql.Conn
	// standby is set when the server is a read-only standby (a streaming
	// replica): the store answers questions and refuses writes.
	standby bool
	// prepared holds what Prepare made of each result (a *pgDoc) until
	// the write that takes it.
	prepared sync.Map
}

// ErrStandby means a write was asked of a store on a read-only standby.
var ErrStandby = errors.New("the server is a read-only standby (a replica): write to the primary")

func (s *store) String() string { return s.w.spec }

// QuadStore opens Cayley's quad store the first time it is asked for. If
// that fails, the store it returns reports the error on every call.
func (s *store) QuadStore() cgraph.QuadStore {
	s.qsOnce.Do(func() {
		// Connect first with dossier's own pool: Cayley logs an address it
		// fails to reach with its password.
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		err := s.db.PingContext(ctx)
		if err == nil {
			s.qs, err = cgraph.NewQuadStore(postgres.Type, s.spec, nil)
		}
		if err != nil {
			s.qs = failedQuads{fmt.Errorf("store %s: open the quads: %w", s.w.spec, pgErr(err))}
		}
	})
	return s.qs
}
func (s *store) Index() graph.Index { return index{s.db} }
func (s *store) WriteBatch(ctx context.Context, rs []*schema.Result) (int, error) {
	if s.standby {
		return 0, fmt.Errorf("store %s: write: %w", s.w.spec, ErrStandby)
	}
	return s.w.writeBatch(ctx, rs, &s.prepared)
}

// Prepare lists r's quads, hashes their values and encodes the rows they
// are copied in as, and makes r's read-index records, ahead of the write
// that takes r: the ingest workers call it, in parallel, so that the one
// writer only sends.
func (s *store) Prepare(r *schema.Result) (int, error) {
	d, err := prepareDoc(r)
	if err != nil {
		return 0, err
	}
	s.prepared.Store(r, d)
	return d.nquads, nil
}

// Unprepare drops what Prepare kept for a result that will not be
// written.
func (s *store) Unprepare(r *schema.Result) { s.prepared.Delete(r) }

// QuadCount reads the count that every write keeps.
func (s *store) QuadCount(ctx context.Context) (int64, error) {
	var n int64
	if err := s.db.QueryRowContext(ctx, `SELECT quads FROM dossier_state`).Scan(&n); err != nil {
		return 0, fmt.Errorf("store %s: count quads: %w", s.w.spec, err)
	}
	return n, nil
}

// Has looks the document up in dossier_docs, whose row is written in the
// transaction that writes the document's quads.
func (s *store) Has(ctx context.Context, hash string) (bool, error) {
	var ok bool
	if err := s.db.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM dossier_docs WHERE hash = $1)`, hash).Scan(&ok); err != nil {
		return false, fmt.Errorf("store %s: %w", s.w.spec, err)
	}
	return ok, nil
}

func (s *store) Forget(ctx context.Context, hash string) error {
	if s.standby {
		return ErrStandby
	}
	return s.w.forget(ctx, hash)
}

func (s *store) Close() error {
	if s.bulk != nil {
		// Interrupted: the next open builds the indexes.
		s.bulk.Close()
	}
	var err error
	s.qsOnce.Do(func() {}) // never opened: nothing to close
	if s.qs != nil {
		err = s.qs.Close()
	}
	if werr := s.db.Close(); err == nil {
		err = werr
	}
	return err
}

var (
	_ graph.Backend    = (*store)(nil)
	_ graph.BulkLoader = (*store)(nil)
	_ graph.Preparer   = (*store)(nil)
)

// Schema states of a PostgreSQL database.
const (
	pgNone  = iota // neither of Cayley's tables
	pgStore        // Cayley's tables
	pgOther        // a quads or nodes table that is not Cayley's
)

// pgSchema reports whether the database (its search path) holds Cayley's
// quads and nodes tables.
func pgSchema(ctx context.Context, db *sql.DB) (int, error) {
	// The catalog itself, not information_schema.columns: on a new
	// connection, as every command opens, that view took 9.3 ms in the
	// server (median of 15) and this query 1.9 ms, the same rows.
	rows, err := db.QueryContext(ctx, `SELECT c.relname, a.attname
		FROM pg_catalog.pg_class c JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid
		WHERE c.relnamespace = (SELECT oid FROM pg_catalog.pg_namespace WHERE nspname = current_schema()) AND c.relname IN ('quads', 'nodes')
			AND c.relkind IN ('r', 'p', 'v', 'f', 'm') AND a.attnum > 0 AND NOT a.attisdropped`)
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	cols := map[string]map[string]bool{}
	for rows.Next() {
		var t, c string
		if err := rows.Scan(&t, &c); err != nil {
			return 0, err
		}
		if cols[t] == nil {
			cols[t] = map[string]bool{}
		}
		cols[t][c] = true
	}
	if err := rows.Err(); err != nil {
		return 0, err
	}
	if len(cols) == 0 {
		return pgNone, nil
	}
	want := map[string][]string{
		"quads": {"subject_hash", "predicate_hash", "object_hash", "label_hash", "horizon"},
		"nodes": {"hash", "refs", "value", "value_string", "iri", "value_int"},
	}
	for t, cs := range want {
		for _, c := range cs {
			if !cols[t][c] {
				return pgOther, nil
			}
		}
	}
	return pgStore, nil
}

// pgCreateLock is the advisory lock key under which processes create the
// tables, so that two creating at once do not collide.
const pgCreateLock = 0x646f737369657201 // "dossier" 1

// pgCreate creates Cayley's tables unless another process did first.
func pgCreate(ctx context.Context, db *sql.DB, spec string) (int, error) {
	conn, err := db.Conn(ctx)
	if err != nil {
		return 0, err
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, `SELECT pg_advisory_lock($1)`, int64(pgCreateLock)); err != nil {
		return 0, err
	}
	defer conn.ExecContext(context.Background(), `SELECT pg_advisory_unlock($1)`, int64(pgCreateLock))
	state, err := pgSchema(ctx, db)
	if err != nil || state != pgNone {
		return state, err
	}
	if err := cgraph.InitQuadStore(postgres.Type, spec, nil); err != nil {
		return 0, err
	}
	return pgSchema(ctx, db)
}

// pgErr makes lib/pq's errors say what to do.
func pgErr(err error) error {
	var pe *pq.Error
	if !errors.As(err, &pe) {
		return err
	}
	switch pe.Code {
	case "3D000": // invalid_catalog_name
		return fmt.Errorf("%w: %s (create the database first, e.g. createdb)", graph.ErrNoStore, pe.Message)
	case "28P01", "28000": // invalid_password, invalid_authorization_specification
		return fmt.Errorf("authentication failed: %s", pe.Message)
	}
	return err
}

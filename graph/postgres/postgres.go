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
	"bytes"
	"context"
	"database/sql"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	csql "github.com/cayleygraph/cayley/graph/sql"
	"github.com/cayleygraph/cayley/graph/sql/postgres" // registers the postgres backend and the lib/pq driver
	"github.com/cayleygraph/quad"
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
	state, err := pgSchema(pctx, db)
	if err != nil {
		return fail(pgErr(err))
	}
	if state == pgNone {
		if !opt.Create {
			return fail(fmt.Errorf("%w (the database has no quads and nodes tables)", graph.ErrNoStore))
		}
		if state, err = pgCreate(pctx, db, spec); err != nil {
			return fail(fmt.Errorf("create: %w", pgErr(err)))
		}
	}
	if state == pgOther {
		return fail(fmt.Errorf("%w (the database's quads or nodes table is not Cayley's)", graph.ErrNotStore))
	}
	qs, err := cgraph.NewQuadStore(postgres.Type, spec, nil)
	if err != nil {
		return fail(pgErr(err))
	}
	return &store{qs: qs, w: &pgWriter{db: db, spec: name, async: opt.AsyncCommit}}, nil
}

// store is a PostgreSQL store, open: Cayley's quad store for reading and
// dossier's writer.
type store struct {
	qs cgraph.QuadStore
	w  *pgWriter
}

func (s *store) String() string                                     { return s.w.spec }
func (s *store) QuadStore() cgraph.QuadStore                        { return s.qs }
func (s *store) Index() graph.Index                                 { return nil }
func (s *store) QuadCount(ctx context.Context) (int64, error)       { return s.w.count(ctx) }
func (s *store) Has(ctx context.Context, hash string) (bool, error) { return s.w.has(ctx, hash) }

func (s *store) WriteBatch(ctx context.Context, rs []*schema.Result) (int, error) {
	return s.w.writeBatch(ctx, rs)
}

// Forget deletes a document's quads through Cayley.
func (s *store) Forget(ctx context.Context, hash string, quads []quad.Quad) error {
	return s.qs.ApplyDeltas(graph.DeleteDeltas(quads), cgraph.IgnoreOpts{IgnoreMissing: true})
}

func (s *store) Close() error {
	err := s.qs.Close()
	if werr := s.w.db.Close(); err == nil {
		err = werr
	}
	return err
}

var _ graph.Backend = (*store)(nil)

// Schema states of a PostgreSQL database.
const (
	pgNone  = iota // neither of Cayley's tables
	pgStore        // Cayley's tables
	pgOther        // a quads or nodes table that is not Cayley's
)

// pgSchema reports whether the database (its search path) holds Cayley's
// quads and nodes tables.
func pgSchema(ctx context.Context, db *sql.DB) (int, error) {
	rows, err := db.QueryContext(ctx, `SELECT table_name, column_name FROM information_schema.columns
		WHERE table_schema = current_schema() AND table_name IN ('quads', 'nodes')`)
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

// pgWriter writes batches into Cayley's tables directly, many rows per
// statement, in one transaction per batch. The rows are exactly those
// Cayley's own writer makes (its hashes, value columns and reference
// counts), so Cayley reads them back; Cayley's writer sends one INSERT
// per node and per quad.
//
// Several processes may write at once. Each batch takes a transaction
// advisory lock per document hash (in hash order, so two batches never
// wait on each other in a cycle), then checks which documents are
// complete, then inserts the rest: a document is written by one process
// only, and reported as written by that one. Nodes are upserted in hash
// order for the same reason; deadlocks and serialisation failures the
// server reports anyway are retried.
type pgWriter struct {
	db    *sql.DB
	spec  string
	async bool
}

// pgMaxParams is PostgreSQL's limit on bind parameters in one statement.
const pgMaxParams = 65535

// nodeColumns are the columns of Cayley's nodes table that hold a value,
// in the order pgWriter sends them.
var nodeColumns = []string{"value", "value_string", "datatype", "language", "iri", "bnode",
	"value_int", "value_bool", "value_float", "value_time"}

// pgNode is one row for the nodes table.
type pgNode struct {
	hash []byte
	refs int
	vals [10]any // nodeColumns
}

// count returns the number of quads stored.
func (w *pgWriter) count(ctx context.Context) (int64, error) {
	var n int64
	if err := w.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM quads`).Scan(&n); err != nil {
		return 0, fmt.Errorf("store %s: count quads: %w", w.spec, err)
	}
	return n, nil
}

// has reports whether the document's complete marker is stored: one
// indexed lookup.
func (w *pgWriter) has(ctx context.Context, hash string) (bool, error) {
	var one int
	err := w.db.QueryRowContext(ctx, `SELECT 1 FROM quads WHERE subject_hash = $1 AND predicate_hash = $2 LIMIT 1`,
		nodeHash(quad.IRI(schema.DocIRI(hash))), nodeHash(quad.IRI(schema.PredComplete))).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("store %s: %w", w.spec, err)
	}
	return true, nil
}

func (w *pgWriter) writeBatch(ctx context.Context, rs []*schema.Result) (int, error) {
	var err error
	for attempt := 0; attempt < 8; attempt++ {
		var n int
		n, err = w.try(ctx, rs)
		var pe *pq.Error
		if errors.As(err, &pe) && (pe.Code == "40P01" || pe.Code == "40001") && ctx.Err() == nil {
			// deadlock_detected, serialization_failure: try again.
			time.Sleep(time.Duration(attempt+1) * 10 * time.Millisecond)
			continue
		}
		if err != nil {
			return 0, fmt.Errorf("store %s: write: %w", w.spec, err)
		}
		return n, nil
	}
	return 0, fmt.Errorf("store %s: write: %w", w.spec, err)
}

// try writes the batch in one transaction.
func (w *pgWriter) try(ctx context.Context, rs []*schema.Result) (int, error) {
	tx, err := w.db.BeginTx(ctx, nil)
	if err != nil {
		return 0, err
	}
	defer tx.Rollback()
	if w.async {
		if _, err := tx.ExecContext(ctx, `SET LOCAL synchronous_commit = off`); err != nil {
			return 0, err
		}
	}
	// Lock the documents, in key order.
	keys := make([]int64, 0, len(rs))
	for _, r := range rs {
		keys = append(keys, docLockKey(r.Document.Hash))
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	if _, err := tx.ExecContext(ctx, `SELECT count(pg_advisory_xact_lock(k))
		FROM (SELECT k FROM unnest($1::bigint[]) AS k ORDER BY k) AS keys`, pq.Array(keys)); err != nil {
		return 0, err
	}
	// Skip the documents already complete.
	docHashes := make([][]byte, 0, len(rs))
	for _, r := range rs {
		docHashes = append(docHashes, nodeHash(quad.IRI(schema.DocIRI(r.Document.Hash))))
	}
	rows, err := tx.QueryContext(ctx, `SELECT subject_hash FROM quads WHERE subject_hash = ANY($1) AND predicate_hash = $2`,
		pq.ByteaArray(docHashes), nodeHash(quad.IRI(schema.PredComplete)))
	if err != nil {
		return 0, err
	}
	done := map[string]bool{}
	for rows.Next() {
		var h []byte
		if err := rows.Scan(&h); err != nil {
			rows.Close()
			return 0, err
		}
		done[string(h)] = true
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return 0, err
	}
	// Rows for the rest.
	nodes := map[string]*pgNode{}
	var quads [][4][]byte
	n := 0
	for i, r := range rs {
		if done[string(docHashes[i])] {
			continue
		}
		n++
		for _, q := range graph.Quads(r) {
			var row [4][]byte
			for d, v := range []quad.Value{q.Subject, q.Predicate, q.Object, q.Label} {
				if v == nil {
					continue
				}
				h := csql.HashOf(v)
				row[d] = h.ValueHash[:]
				if nd := nodes[string(row[d])]; nd != nil {
					nd.refs++
					continue
				}
				nd, err := newPgNode(h, v)
				if err != nil {
					return 0, err
				}
				nodes[string(row[d])] = nd
			}
			quads = append(quads, row)
		}
	}
	if n == 0 {
		return 0, nil
	}
	if err := insertNodes(ctx, tx, nodes); err != nil {
		return 0, err
	}
	if err := insertQuads(ctx, tx, quads); err != nil {
		return 0, err
	}
	return n, tx.Commit()
}

// docLockKey is the advisory lock key of a document: the first 8 bytes of
// its content hash (hex), or of the hash of the string when it is not hex.
func docLockKey(hash string) int64 {
	b, err := hex.DecodeString(hash)
	if err != nil || len(b) < 8 {
		h := csql.HashOf(quad.String(hash))
		b = h.ValueHash[:]
	}
	return int64(binary.BigEndian.Uint64(b[:8]))
}

// nodeHash is the nodes table's key of a value.
func nodeHash(v quad.Value) []byte {
	h := csql.HashOf(v)
	return h.ValueHash[:]
}

// newPgNode makes the nodes row of v as Cayley's writer does.
func newPgNode(h csql.NodeHash, v quad.Value) (*pgNode, error) {
	typ, vals, err := csql.NodeValues(h, v)
	if err != nil {
		return nil, err
	}
	nd := &pgNode{hash: h.ValueHash[:], refs: 1}
	for i, c := range typ.Columns() {
		for j, name := range nodeColumns {
			if name == c {
				nd.vals[j] = vals[i+1] // vals[0] is the hash
			}
		}
	}
	return nd, nil
}

// insertNodes upserts the nodes in hash order, adding to the reference
// counts of those already stored.
func insertNodes(ctx context.Context, tx *sql.Tx, nodes map[string]*pgNode) error {
	list := make([]*pgNode, 0, len(nodes))
	for _, nd := range nodes {
		list = append(list, nd)
	}
	sort.Slice(list, func(i, j int) bool { return bytes.Compare(list[i].hash, list[j].hash) < 0 })
	const width = 2 + 10
	head := `INSERT INTO nodes (hash, refs, ` + strings.Join(nodeColumns, ", ") + `) VALUES `
	tail := ` ON CONFLICT (hash) DO UPDATE SET refs = nodes.refs + EXCLUDED.refs`
	return chunks(len(list), width, func(lo, hi int) error {
		args := make([]any, 0, (hi-lo)*width)
		for _, nd := range list[lo:hi] {
			args = append(args, nd.hash, nd.refs)
			args = append(args, nd.vals[:]...)
		}
		_, err := tx.ExecContext(ctx, head+placeholders(hi-lo, width, "")+tail, args...)
		return err
	})
}

// insertQuads inserts the quads, ignoring any already stored.
func insertQuads(ctx context.Context, tx *sql.Tx, quads [][4][]byte) error {
	const width = 4
	head := `INSERT INTO quads (subject_hash, predicate_hash, object_hash, label_hash, ts) VALUES `
	return chunks(len(quads), width, func(lo, hi int) error {
		args := make([]any, 0, (hi-lo)*width)
		for _, q := range quads[lo:hi] {
			for _, h := range q {
				if h == nil {
					args = append(args, nil)
				} else {
					args = append(args, h)
				}
			}
		}
		_, err := tx.ExecContext(ctx, head+placeholders(hi-lo, width, "now()")+` ON CONFLICT DO NOTHING`, args...)
		return err
	})
}

// chunks calls fn for consecutive ranges of n rows of width parameters,
// each within PostgreSQL's parameter limit.
func chunks(n, width int, fn func(lo, hi int) error) error {
	per := pgMaxParams / width
	for lo := 0; lo < n; lo += per {
		if err := fn(lo, min(lo+per, n)); err != nil {
			return err
		}
	}
	return nil
}

// placeholders returns "($1, $2), ($3, $4)" for rows of width parameters,
// with extra appended to each row when not empty.
func placeholders(rows, width int, extra string) string {
	var b strings.Builder
	b.Grow(rows * width * 7)
	p := 1
	for r := 0; r < rows; r++ {
		if r > 0 {
			b.WriteString(", ")
		}
		b.WriteByte('(')
		for c := 0; c < width; c++ {
			if c > 0 {
				b.WriteString(", ")
			}
			b.WriteByte('$')
			b.WriteString(strconv.Itoa(p))
			p++
		}
		if extra != "" {
			b.WriteString(", ")
			b.WriteString(extra)
		}
		b.WriteByte(')')
	}
	return b.String()
}

package postgres

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sync/atomic"

	"github.com/lib/pq"
)

// Bulk loading.
//
// A batch copied into quads costs one insertion into each of Cayley's six
// secondary indexes, at random places of ever larger trees. Into an empty
// store, a bulk load (graph.Store.BeginBulk, which dossier ingest does)
// drops those indexes first, copies the corpus in batch by batch exactly
// as otherwise, and builds them again, each in one sorted pass, when the
// corpus is read (FinishBulk). The definitions of the indexes dropped are
// kept in dossier_bulk until each is built again, in the transaction that
// builds it.
//
// Everything stays correct meanwhile: documents are readable as soon as
// their batch commits, and the read index's tables keep their indexes, so
// every question but the query languages (Gizmo, GraphQL, the nquads
// export, which read the quads) answers as fast as ever; other processes
// may write too. The loader holds a session advisory lock while it loads;
// a store opened with indexes in dossier_bulk and nobody holding that lock
// (the loader died) gets them built again then.

// bulkLock is the session advisory lock a bulk load holds.
const bulkLock = 0x646f737369657202 // "dossier" 2

// maintenanceMem is the sort memory an index build asks for: Cayley's
// indexes of Reuters-21578 (3.3M quads) sort in it without spilling.
const maintenanceMem = "256MB"

// BeginBulk drops the quads table's secondary indexes when the store is
// empty and no other process is bulk loading it, and reports whether it
// did. Called under the Store's write lock.
func (s *store) BeginBulk() (bool, error) {
	if s.bulk != nil {
		return true, nil
	}
	if s.standby {
		return false, nil
	}
	ctx := context.Background()
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return false, err
	}
	ok, err := s.beginBulk(ctx, conn)
	if err != nil || !ok {
		conn.ExecContext(ctx, `SELECT pg_advisory_unlock($1)`, int64(bulkLock))
		conn.Close()
		if err != nil {
			return false, fmt.Errorf("store %s: bulk: %w", s.w.spec, err)
		}
		return false, nil
	}
	s.bulk = conn
	return true, nil
}

func (s *store) beginBulk(ctx context.Context, conn *sql.Conn) (bool, error) {
	var got bool
	if err := conn.QueryRowContext(ctx, `SELECT pg_try_advisory_lock($1)`, int64(bulkLock)).Scan(&got); err != nil || !got {
		return false, err
	}
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return false, err
	}
	defer tx.Rollback()
	// The state row, as a write takes it: nobody writes meanwhile.
	var docs, quads int64
	if err := tx.QueryRowContext(ctx, `SELECT documents, quads FROM dossier_state FOR UPDATE`).Scan(&docs, &quads); err != nil {
		return false, err
	}
	var pending bool
	if err := tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM dossier_bulk)`).Scan(&pending); err != nil {
		return false, err
	}
	if docs > 0 || quads > 0 || pending {
		return false, nil
	}
	rows, err := tx.QueryContext(ctx, `SELECT indexname, indexdef FROM pg_indexes
		WHERE schemaname = current_schema() AND tablename = 'quads' AND indexname <> 'quads_pkey' ORDER BY indexname`)
	if err != nil {
		return false, err
	}
	var names, defs []string
	for rows.Next() {
		var n, d string
		if err := rows.Scan(&n, &d); err != nil {
			rows.Close()
			return false, err
		}
		names, defs = append(names, n), append(defs, d)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return false, err
	}
	for i, n := range names {
		if _, err := tx.ExecContext(ctx, `INSERT INTO dossier_bulk (name, def) VALUES ($1, $2)`, n, defs[i]); err != nil {
			return false, err
		}
		if _, err := tx.ExecContext(ctx, `DROP INDEX `+pq.QuoteIdentifier(n)); err != nil {
			return false, err
		}
	}
	return true, tx.Commit()
}

// FinishBulk builds the indexes the load dropped and ends it. Called under
// the Store's write lock.
func (s *store) FinishBulk(ctx context.Context) error {
	if s.bulk == nil {
		return nil
	}
	err := rebuild(ctx, s.db, s.bulk)
	if err != nil {
		// The definitions stay in dossier_bulk: the next open builds
		// what is missing.
		err = fmt.Errorf("store %s: bulk: build the quads' indexes: %w", s.w.spec, err)
	}
	s.bulk.ExecContext(context.Background(), `SELECT pg_advisory_unlock($1)`, int64(bulkLock))
	s.bulk.Close()
	s.bulk = nil
	return err
}

// Bulk reports no documents staged: a PostgreSQL bulk load stores each
// batch as it comes.
func (s *store) Bulk() (int, bool) { return 0, false }

// rebuildConns is how many indexes are built at once. PostgreSQL builds
// each of these btrees with one process (a parallel build did not start
// here: the same time with max_parallel_maintenance_workers 0 and 2), so a
// second connection puts a second core to work on the next index.
const rebuildConns = 2

// rebuild builds the indexes listed in dossier_bulk, each in the
// transaction that removes it from the list, rebuildConns at once (conn
// and connections of db), and updates the planner's statistics of what
// was loaded.
func rebuild(ctx context.Context, db *sql.DB, conn *sql.Conn) error {
	rows, err := conn.QueryContext(ctx, `SELECT name, def FROM dossier_bulk ORDER BY name`)
	if err != nil {
		return err
	}
	var names, defs []string
	for rows.Next() {
		var n, d string
		if err := rows.Scan(&n, &d); err != nil {
			rows.Close()
			return err
		}
		names, defs = append(names, n), append(defs, d)
	}
	rows.Close()
	if err := rows.Err(); err != nil || len(names) == 0 {
		return err
	}
	conns := []*sql.Conn{conn}
	for len(conns) < rebuildConns && len(conns) < len(names) {
		c, err := db.Conn(ctx)
		if err != nil {
			break // one connection builds them all
		}
		defer c.Close()
		conns = append(conns, c)
	}
	build := func(c *sql.Conn, i int) error {
		tx, err := c.BeginTx(ctx, nil)
		if err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `SET LOCAL maintenance_work_mem = '`+maintenanceMem+`'`)
		if err == nil {
			_, err = tx.ExecContext(ctx, defs[i])
		}
		if err == nil {
			_, err = tx.ExecContext(ctx, `DELETE FROM dossier_bulk WHERE name = $1`, names[i])
		}
		if err == nil {
			err = tx.Commit()
		}
		if err != nil {
			tx.Rollback()
			return fmt.Errorf("%s: %w", names[i], err)
		}
		return nil
	}
	tables := []string{"quads", "nodes", "dossier_docs", "dossier_records", "dossier_entities", "dossier_names",
		"dossier_sentences", "dossier_claims", "dossier_relations", "dossier_links", "dossier_ties"}
	analyze := func(c *sql.Conn, i int) error {
		_, err := c.ExecContext(ctx, `ANALYZE `+tables[i])
		return err
	}
	if err := spread(conns, len(names), build); err != nil {
		return err
	}
	return spread(conns, len(tables), analyze)
}

// spread runs do(c, i) for every i below n, each connection of conns
// taking the next i as it is free, and returns the first error (the
// others stop taking work).
func spread(conns []*sql.Conn, n int, do func(c *sql.Conn, i int) error) error {
	next := make(chan int, n)
	for i := 0; i < n; i++ {
		next <- i
	}
	close(next)
	errs := make(chan error, len(conns))
	var failed atomic.Bool
	for _, c := range conns {
		go func() {
			for i := range next {
				if failed.Load() {
					break
				}
				if err := do(c, i); err != nil {
					failed.Store(true)
					errs <- err
					return
				}
			}
			errs <- nil
		}()
	}
	var first error
	for range conns {
		if err := <-errs; err != nil && first == nil {
			first = err
		}
	}
	return first
}

// finishAbandoned builds the indexes of a bulk load whose loader is gone:
// one whose definitions are in dossier_bulk while nobody holds bulkLock.
func finishAbandoned(ctx context.Context, db *sql.DB) error {
	var pending bool
	if err := db.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM dossier_bulk)`).Scan(&pending); err != nil || !pending {
		return err
	}
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	var got bool
	if err := conn.QueryRowContext(ctx, `SELECT pg_try_advisory_lock($1)`, int64(bulkLock)).Scan(&got); err != nil || !got {
		return err // a loader is at work: it builds them when it is done
	}
	defer conn.ExecContext(context.Background(), `SELECT pg_advisory_unlock($1)`, int64(bulkLock))
	if err := rebuild(ctx, db, conn); err != nil {
		var pe *pq.Error
		if errors.As(err, &pe) && pe.Code == "42501" {
			// A role that may only read (an analyst's, on the primary)
			// may not build indexes on tables it does not own: it reads
			// without them (the read index's tables keep theirs; only
			// the query languages are slower), and the next open by the
			// tables' owner builds them.
			return nil
		}
		return fmt.Errorf("build the indexes of an interrupted bulk load: %w", err)
	}
	return nil
}

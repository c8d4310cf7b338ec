package postgres

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
)

// dossier's own tables.
//
// Beside Cayley's quads and nodes, a store keeps the read index as
// ordinary tables, written in the same transaction as the quads (write.go)
// and read by the questions (view.go). Keys are text in the "C" collation,
// so that they sort bytewise as the bolt index's keys do, whatever the
// database's locale. The store's version, counters and write sequence are
// one row of dossier_state; its version says which of these tables a
// dossier may read (schemaVersion).

// schemaVersion is the version of dossier's tables this build writes and
// reads. A store of an older version is upgraded in place when it is
// opened (migrations); one of a newer version is refused.
const schemaVersion = 2

// ddl creates dossier's tables at schemaVersion.
var ddl = []string{
	`CREATE TABLE dossier_state (
		one boolean PRIMARY KEY DEFAULT true CHECK (one),
		version integer NOT NULL,
		seq bigint NOT NULL DEFAULT 0,
		documents bigint NOT NULL DEFAULT 0,
		claims bigint NOT NULL DEFAULT 0,
		relations bigint NOT NULL DEFAULT 0,
		entities bigint NOT NULL DEFAULT 0,
		quads bigint NOT NULL DEFAULT 0)`,
	`CREATE TABLE dossier_docs (
		hash text COLLATE "C" PRIMARY KEY,
		seq bigint NOT NULL,
		id text NOT NULL, title text NOT NULL, date text NOT NULL,
		source text NOT NULL, url text NOT NULL, path text NOT NULL)`,
	`CREATE INDEX dossier_docs_id ON dossier_docs (id)`,
	`CREATE INDEX dossier_docs_path ON dossier_docs (path)`,
	`CREATE TABLE dossier_records (
		id text COLLATE "C" NOT NULL,
		seq bigint NOT NULL,
		hash text COLLATE "C" NOT NULL,
		name text NOT NULL, type text NOT NULL, kind text NOT NULL, kind_reason text NOT NULL,
		aliases text[] NOT NULL, merges text[] NOT NULL,
		m_sentence integer[] NOT NULL, m_text text[] NOT NULL,
		m_start integer[] NOT NULL, m_end integer[] NOT NULL,
		PRIMARY KEY (id, seq))`,
	`CREATE INDEX dossier_records_hash ON dossier_records (hash)`,
	`CREATE TABLE dossier_entities (
		id text COLLATE "C" PRIMARY KEY,
		seq bigint NOT NULL,
		name text NOT NULL, type text NOT NULL, kind text NOT NULL, kind_reason text NOT NULL,
		names text[] NOT NULL, aliases text[] NOT NULL, merges text[] NOT NULL,
		mentions bigint NOT NULL, documents integer NOT NULL)`,
	`CREATE TABLE dossier_names (
		slug text COLLATE "C" NOT NULL, id text COLLATE "C" NOT NULL,
		hash text COLLATE "C" NOT NULL, name text NOT NULL,
		PRIMARY KEY (slug, id, hash, name))`,
	`CREATE INDEX dossier_names_hash ON dossier_names (hash)`,
	`CREATE TABLE dossier_sentences (
		hash text COLLATE "C" NOT NULL, n integer NOT NULL,
		text text NOT NULL, start integer NOT NULL, "end" integer NOT NULL,
		PRIMARY KEY (hash, n))`,
	`CREATE TABLE dossier_claims (
		hash text COLLATE "C" NOT NULL, claim_id text COLLATE "C" NOT NULL,
		seq bigint NOT NULL,
		claimant text, claimant_text text NOT NULL, stance text NOT NULL,
		cue text NOT NULL, cue_start integer NOT NULL, cue_end integer NOT NULL,
		source text NOT NULL,
		content text NOT NULL, content_start integer NOT NULL, content_end integer NOT NULL,
		about text[] NOT NULL, target text, channel text, channel_text text NOT NULL,
		hedges text[] NOT NULL, date text NOT NULL, responds_to text[] NOT NULL, status text NOT NULL,
		evidence text NOT NULL, evidence_start integer NOT NULL, evidence_end integer NOT NULL,
		links text[] NOT NULL DEFAULT '{}',
		PRIMARY KEY (hash, claim_id))`,
	`CREATE INDEX dossier_claims_stance ON dossier_claims (stance)`,
	`CREATE TABLE dossier_relations (
		hash text COLLATE "C" NOT NULL, n integer NOT NULL,
		seq bigint NOT NULL,
		subject text NOT NULL, predicate text NOT NULL, object text NOT NULL,
		evidence text NOT NULL, evidence_start integer NOT NULL, evidence_end integer NOT NULL,
		PRIMARY KEY (hash, n))`,
	// What leads from an entity to a claim or relation: role b (claimant),
	// a (about), t (target), c (channel), s (subject), o (object); part is
	// the claim's ID or the relation's "r<n>".
	`CREATE TABLE dossier_links (
		entity text COLLATE "C" NOT NULL, role "char" NOT NULL,
		hash text COLLATE "C" NOT NULL, part text COLLATE "C" NOT NULL,
		seq bigint NOT NULL,
		PRIMARY KEY (entity, role, hash, part))`,
	`CREATE INDEX dossier_links_hash ON dossier_links (hash)`,
	`CREATE TABLE dossier_ties (
		from_id text COLLATE "C" NOT NULL, seq bigint NOT NULL,
		hash text COLLATE "C" NOT NULL, to_id text COLLATE "C" NOT NULL,
		PRIMARY KEY (from_id, seq))`,
	`CREATE INDEX dossier_ties_hash ON dossier_ties (hash)`,
	// The quads indexes a bulk load dropped, to build again when it ends.
	`CREATE TABLE dossier_bulk (name text PRIMARY KEY, def text NOT NULL)`,
}

// ErrVersion means the store's tables are of a version this dossier cannot
// read or write: the error says what to run.
var ErrVersion = errors.New("store schema version")

// storeVersion returns the version of dossier's tables, or 0 when there
// are none (a store written before dossier kept its read index in
// PostgreSQL, or one just created by Cayley).
func storeVersion(ctx context.Context, q querier) (int, error) {
	var ok bool
	if err := q.QueryRowContext(ctx, `SELECT to_regclass('dossier_state') IS NOT NULL`).Scan(&ok); err != nil {
		return 0, err
	}
	if !ok {
		return 0, nil
	}
	var v int
	err := q.QueryRowContext(ctx, `SELECT version FROM dossier_state`).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, fmt.Errorf("%w: dossier_state has no row", ErrVersion)
	}
	return v, err
}

// querier is a *sql.DB, *sql.Conn or *sql.Tx.
type querier interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// migrations[v] upgrades dossier's tables from version v to v+1, in place,
// inside one transaction. Version 0 is a store without them (one written
// before dossier kept its read index in PostgreSQL): it gets them, built
// from its quads.
var migrations = map[int]func(ctx context.Context, tx *wtx) error{
	0: func(ctx context.Context, tx *wtx) error {
		if err := createTables(ctx, tx.Tx); err != nil {
			return err
		}
		return reindex(ctx, tx)
	},
	// Version 2 keeps the score and reason of each answer's links
	// (schema.Link literals); a store's older claims have none, and the
	// ledger scores those when it reads them.
	1: func(ctx context.Context, tx *wtx) error {
		_, err := tx.ExecContext(ctx, `ALTER TABLE dossier_claims ADD COLUMN IF NOT EXISTS links text[] NOT NULL DEFAULT '{}'`)
		return err
	},
}

// cayleyForeignKeys are the constraints Cayley's schema ties every quad's
// values to the nodes table with. dossier drops them: it writes a quad's
// values in the transaction that writes the quad, and deletes a value
// only when no quad uses it, so they checked nothing it does not
// guarantee, and each check locked the value's row (FOR KEY SHARE) and
// doubled the cost of copying a quad in (170,000 quads: 14.4 s with them,
// 7.3 s without; BENCHMARKS.md).
var cayleyForeignKeys = []string{"subject_hash_fk", "predicate_hash_fk", "object_hash_fk", "label_hash_fk"}

// createTables creates dossier's tables, empty, counts what Cayley's
// tables already hold, and drops Cayley's foreign keys.
func createTables(ctx context.Context, tx *sql.Tx) error {
	for _, fk := range cayleyForeignKeys {
		if _, err := tx.ExecContext(ctx, `ALTER TABLE quads DROP CONSTRAINT IF EXISTS `+fk); err != nil {
			return err
		}
	}
	for _, s := range ddl {
		if _, err := tx.ExecContext(ctx, s); err != nil {
			return fmt.Errorf("%s: %w", firstLine(s), err)
		}
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO dossier_state (version, quads) SELECT $1, count(*) FROM quads`, schemaVersion)
	return err
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	return strings.TrimSpace(strings.TrimSuffix(s, "("))
}

// upgrade brings dossier's tables to schemaVersion, under the advisory
// lock that creating the store takes. A store of a newer version is
// refused.
func upgrade(ctx context.Context, db *sql.DB) error {
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, `SELECT pg_advisory_lock($1)`, int64(pgCreateLock)); err != nil {
		return err
	}
	defer conn.ExecContext(context.Background(), `SELECT pg_advisory_unlock($1)`, int64(pgCreateLock))
	for {
		v, err := storeVersion(ctx, conn)
		if err != nil {
			return err
		}
		switch {
		case v == schemaVersion:
			return nil
		case v > schemaVersion:
			return fmt.Errorf("%w %d: written by a newer dossier (this one reads version %d): use that dossier or a newer one", ErrVersion, v, schemaVersion)
		}
		tx, err := conn.BeginTx(ctx, nil)
		if err != nil {
			return err
		}
		if err := migrations[v](ctx, &wtx{Tx: tx, conn: conn}); err != nil {
			tx.Rollback()
			return fmt.Errorf("upgrade from schema version %d: %w", v, err)
		}
		if v > 0 {
			if _, err := tx.ExecContext(ctx, `UPDATE dossier_state SET version = $1`, v+1); err != nil {
				tx.Rollback()
				return err
			}
		}
		if err := tx.Commit(); err != nil {
			return err
		}
	}
}

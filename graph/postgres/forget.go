package postgres

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/cayleygraph/quad"
	"github.com/lib/pq"

	"github.com/dossier-project/dossier/graph"
	"github.com/dossier-project/dossier/schema"
)

// forget removes one document in one transaction: the quads labelled with
// it, the values no quad uses any more, and its index rows; the merged
// records of the entities it mentioned are made again from the records
// that are left, and the counters lowered by what went.
func (w *pgWriter) forget(ctx context.Context, hash string) error {
	tx, err := begin(ctx, w.db)
	if err != nil {
		return err
	}
	defer tx.end()
	if _, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock($1)`, docLockKey(hash)); err != nil {
		return err
	}
	// The state row first, as a write takes it after its documents'
	// locks: forgets and writes go one at a time from here.
	if _, err := tx.ExecContext(ctx, `SELECT 1 FROM dossier_state FOR UPDATE`); err != nil {
		return err
	}
	nq, err := forgetQuads(ctx, tx.Tx, hash)
	if err != nil {
		return err
	}
	var ids []string
	if err := scanAll(ctx, tx.Tx, `SELECT DISTINCT id FROM dossier_records WHERE hash = $1`, []any{hash}, func(r *sql.Rows) error {
		var id string
		err := r.Scan(&id)
		ids = append(ids, id)
		return err
	}); err != nil {
		return err
	}
	counts := map[string]int64{}
	for _, t := range []string{"dossier_docs", "dossier_records", "dossier_sentences", "dossier_names", "dossier_claims",
		"dossier_relations", "dossier_links", "dossier_ties"} {
		res, err := tx.ExecContext(ctx, `DELETE FROM `+t+` WHERE hash = $1`, hash)
		if err != nil {
			return fmt.Errorf("%s: %w", t, err)
		}
		counts[t], _ = res.RowsAffected()
	}
	gone, err := remerge(ctx, tx, ids)
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `UPDATE dossier_state SET seq = seq + 1, documents = documents - $1, claims = claims - $2,
		relations = relations - $3, entities = entities - $4, quads = quads - $5`,
		counts["dossier_docs"], counts["dossier_claims"], counts["dossier_relations"], gone, nq)
	if err != nil {
		return err
	}
	return tx.Commit()
}

// forgetQuads deletes the quads labelled with the document and lowers the
// reference counts of their values, deleting the values left unused, and
// returns how many quads went. The quads are found as graph.DocQuads
// finds them, from the nodes the document wrote, through the quads'
// indexes: the document, its parts (sentences, claims, relations), the
// mentions in its sentences, the subjects of its relations, the entities
// it mentions, the ties node and the nodes its ties start from.
func forgetQuads(ctx context.Context, tx *sql.Tx, hash string) (int64, error) {
	h := func(iri string) []byte { return nodeHash(quad.IRI(iri)) }
	doc := h(schema.DocIRI(hash))
	type row struct{ s, p, o, l []byte }
	var rows []row
	err := scanAll(ctx, tx, `WITH parts AS (
			SELECT subject_hash AS h FROM quads WHERE object_hash = $1 AND predicate_hash = $2),
		nodes AS (
			SELECT $1::bytea AS h UNION SELECT $3::bytea UNION SELECT h FROM parts
			UNION SELECT subject_hash FROM quads WHERE object_hash IN (SELECT h FROM parts) AND predicate_hash = $4
			UNION SELECT object_hash FROM quads WHERE subject_hash IN (SELECT h FROM parts) AND predicate_hash = $5
			UNION SELECT subject_hash FROM quads WHERE object_hash = $1 AND predicate_hash = $6
			UNION SELECT object_hash FROM quads WHERE subject_hash = $3 AND predicate_hash = $7 AND label_hash = $1)
		DELETE FROM quads WHERE label_hash = $1 AND subject_hash IN (SELECT h FROM nodes)
		RETURNING subject_hash, predicate_hash, object_hash, label_hash`,
		[]any{doc, h(schema.PredInDocument), h(schema.TiesIRI), h(schema.PredSentence), h(schema.PredSubject),
			h(schema.PredMentionedIn), h(schema.PredTie)},
		func(r *sql.Rows) error {
			var x row
			err := r.Scan(&x.s, &x.p, &x.o, &x.l)
			rows = append(rows, x)
			return err
		})
	if err != nil {
		return 0, err
	}
	uses := map[string]int{}
	for _, x := range rows {
		for _, v := range [][]byte{x.s, x.p, x.o, x.l} {
			if v != nil {
				uses[string(v)]++
			}
		}
	}
	hs := make([][]byte, 0, len(uses))
	ds := make([]int64, 0, len(uses))
	for k, d := range uses {
		hs = append(hs, []byte(k))
		ds = append(ds, int64(d))
	}
	if _, err := tx.ExecContext(ctx, `UPDATE nodes n SET refs = n.refs - u.d
		FROM unnest($1::bytea[], $2::bigint[]) AS u(h, d) WHERE n.hash = u.h`, pq.ByteaArray(hs), pq.Array(ds)); err != nil {
		return 0, err
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM nodes WHERE hash = ANY($1) AND refs <= 0`, pq.ByteaArray(hs)); err != nil {
		return 0, err
	}
	return int64(len(rows)), nil
}

// remerge makes the merged records of ids again from their records, and
// returns how many of them no record is left of.
func remerge(ctx context.Context, tx *wtx, ids []string) (int, error) {
	if len(ids) == 0 {
		return 0, nil
	}
	merged := map[string]*entRow{}
	var order []string
	err := scanAll(ctx, tx.Tx, `SELECT id, seq, hash, name, type, kind, kind_reason, aliases, merges, m_sentence FROM dossier_records
		WHERE id = ANY($1) ORDER BY id, seq`, []any{pq.Array(ids)}, func(r *sql.Rows) error {
		var e graph.DocEntity
		var seq int64
		var hash string
		var ms []int64
		if err := r.Scan(&e.ID, &seq, &hash, &e.Name, &e.Type, &e.Kind, &e.KindReason, (*pq.StringArray)(&e.Aliases),
			(*pq.StringArray)(&e.Merges), (*pq.Int64Array)(&ms)); err != nil {
			return err
		}
		e.Mentions = make([]graph.DocMention, len(ms))
		m := merged[e.ID]
		if m == nil {
			m = &entRow{id: e.ID, seq: seq, name: e.Name, typ: e.Type, docs: map[string]bool{}}
			merged[e.ID] = m
			order = append(order, e.ID)
		}
		m.add(e)
		if !m.docs[hash] {
			m.docs[hash] = true
			m.documents++
		}
		return nil
	})
	if err != nil {
		return 0, err
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM dossier_entities WHERE id = ANY($1)`, pq.Array(ids)); err != nil {
		return 0, err
	}
	if err := copyEntities(ctx, tx, order, merged); err != nil {
		return 0, err
	}
	return len(ids) - len(order), nil
}

// scanAll runs query in tx and calls fn for each row.
func scanAll(ctx context.Context, tx *sql.Tx, query string, args []any, fn func(*sql.Rows) error) error {
	rows, err := tx.QueryContext(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := fn(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}

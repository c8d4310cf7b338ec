package postgres

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"io"
	"strings"
	"syscall"

	"github.com/lib/pq"

	"github.com/dossier-project/dossier/graph"
	"github.com/dossier-project/dossier/schema"
)

// Reading the index: graph.IndexView over dossier's tables, in one
// read-only transaction (REPEATABLE READ: every query of a question sees
// the same committed batches). Long results are read through a cursor, a
// page at a time, so that a stream (an export of every claim) holds one
// page in memory and its callback may ask the view more between pages.

// index is the store's read index.
type index struct{ db *sql.DB }

// View runs fn in one read-only transaction.
func (x index) View(ctx context.Context, fn func(graph.IndexView) error) error {
	tx, err := x.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true, Isolation: sql.LevelRepeatableRead})
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := fn(&view{ctx: ctx, tx: tx}); err != nil {
		return err
	}
	return tx.Commit()
}

// Version is the store's write sequence, which every write and forget
// raises.
func (x index) Version(ctx context.Context) (int64, error) {
	var v int64
	err := x.db.QueryRowContext(ctx, `SELECT seq FROM dossier_state`).Scan(&v)
	return v, err
}

// Transient reports whether a read failed in passing: cancelled by a
// standby to replay its primary's writes (a conflict with recovery,
// SQLSTATE 40001), or by a deadlock, or on a connection the server ended
// (a standby ends some of them for the same reason). Read again, it
// succeeds.
func (x index) Transient(err error) bool {
	var pe *pq.Error
	if errors.As(err, &pe) {
		return pe.Code == "40001" || pe.Code == "40P01" || pe.Code.Class() == "08"
	}
	return errors.Is(err, driver.ErrBadConn) || errors.Is(err, syscall.ECONNRESET) || errors.Is(err, io.ErrUnexpectedEOF)
}

// view is graph.IndexView over one transaction.
type view struct {
	ctx     context.Context
	tx      *sql.Tx
	cursors int
}

// pageRows is how many rows a cursor fetches at a time.
const pageRows = 2000

// each runs query and calls fn with every row, a page at a time: the rows
// of a page are scanned (scan must copy what it keeps) before fn sees any
// of them, so fn may query the view.
func each[T any](v *view, query string, args []any, scan func(*sql.Rows) (T, error), fn func(T) error) error {
	v.cursors++
	name := fmt.Sprintf("dossier_c%d", v.cursors)
	if _, err := v.tx.ExecContext(v.ctx, `DECLARE `+name+` NO SCROLL CURSOR FOR `+query, args...); err != nil {
		return err
	}
	defer v.tx.ExecContext(context.Background(), `CLOSE `+name)
	page := make([]T, 0, pageRows)
	for {
		page = page[:0]
		rows, err := v.tx.QueryContext(v.ctx, fmt.Sprintf(`FETCH %d FROM %s`, pageRows, name))
		if err != nil {
			return err
		}
		for rows.Next() {
			x, err := scan(rows)
			if err != nil {
				rows.Close()
				return err
			}
			page = append(page, x)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		for _, x := range page {
			if err := fn(x); err != nil {
				return err
			}
		}
		if len(page) < pageRows {
			return nil
		}
	}
}

// all runs query and returns every row scanned.
func all[T any](v *view, query string, args []any, scan func(*sql.Rows) (T, error)) ([]T, error) {
	rows, err := v.tx.QueryContext(v.ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []T
	for rows.Next() {
		x, err := scan(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, x)
	}
	return out, rows.Err()
}

func (v *view) Counts() (graph.IndexCounts, error) {
	var n graph.IndexCounts
	err := v.tx.QueryRowContext(v.ctx, `SELECT documents, claims, relations, entities FROM dossier_state`).
		Scan(&n.Documents, &n.Claims, &n.Relations, &n.Entities)
	return n, err
}

func (v *view) Ties() (map[string]map[string]int, error) {
	type tie struct {
		from, to string
		docs     int
	}
	ts, err := all(v, `SELECT from_id, to_id, count(*) FROM dossier_ties GROUP BY from_id, to_id`, nil,
		func(r *sql.Rows) (tie, error) {
			var t tie
			err := r.Scan(&t.from, &t.to, &t.docs)
			return t, err
		})
	docs := make(map[string]map[string]int, len(ts))
	for _, t := range ts {
		if docs[t.from] == nil {
			docs[t.from] = make(map[string]int)
		}
		docs[t.from][t.to] += t.docs
	}
	return docs, err
}

const entityCols = `id, name, type, kind, kind_reason, names, aliases, merges, mentions, documents`

func scanEntity(r *sql.Rows) (graph.EntityRecord, error) {
	var e graph.EntityRecord
	err := r.Scan(&e.ID, &e.Name, &e.Type, &e.Kind, &e.KindReason, (*pq.StringArray)(&e.Names), (*pq.StringArray)(&e.Aliases),
		(*pq.StringArray)(&e.Merges), &e.Mentions, &e.Documents)
	return e, err
}

func (v *view) Entities(ids []string) (map[string]graph.EntityRecord, error) {
	es, err := all(v, `SELECT `+entityCols+` FROM dossier_entities WHERE id = ANY($1)`, []any{pq.Array(ids)}, scanEntity)
	out := make(map[string]graph.EntityRecord, len(es))
	for _, e := range es {
		out[e.ID] = e
	}
	return out, err
}

func (v *view) EachEntity(fn func(graph.EntityRecord) error) error {
	return each(v, `SELECT `+entityCols+` FROM dossier_entities ORDER BY id`, nil, scanEntity, fn)
}

func (v *view) EntityNames(ids []string) (map[string]graph.EntityRef, error) {
	out := make(map[string]graph.EntityRef, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	refs, err := all(v, `SELECT id, name, type FROM dossier_entities WHERE id = ANY($1)`, []any{pq.Array(ids)},
		func(r *sql.Rows) (graph.EntityRef, error) {
			var e graph.EntityRef
			err := r.Scan(&e.ID, &e.Name, &e.Type)
			return e, err
		})
	for _, e := range refs {
		out[e.ID] = e
	}
	return out, err
}

const docCols = `d.hash, d.id, d.title, d.date, d.source, d.url, d.path`

func scanDoc(r *sql.Rows) (graph.DocInfo, error) {
	var d graph.DocInfo
	err := r.Scan(&d.Hash, &d.ID, &d.Title, &d.Date, &d.Source, &d.URL, &d.Path)
	return d, err
}

func (v *view) EntityDocs(ids []string) ([]graph.DocInfo, error) {
	return all(v, `SELECT `+docCols+` FROM dossier_docs d
		WHERE d.hash IN (SELECT hash FROM dossier_records WHERE id = ANY($1))`, []any{pq.Array(ids)}, scanDoc)
}

func (v *view) DocumentCounts(groups [][]string) ([]int, error) {
	var ids []string
	var gs []int64
	for i, g := range groups {
		for _, id := range g {
			ids = append(ids, id)
			gs = append(gs, int64(i))
		}
	}
	out := make([]int, len(groups))
	if len(ids) == 0 {
		return out, nil
	}
	type count struct{ g, n int }
	cs, err := all(v, `SELECT w.g, count(DISTINCT r.hash) FROM unnest($1::text[], $2::integer[]) AS w(id, g)
		JOIN dossier_records r ON r.id = w.id GROUP BY w.g`, []any{pq.Array(ids), pq.Array(gs)},
		func(r *sql.Rows) (count, error) {
			var c count
			err := r.Scan(&c.g, &c.n)
			return c, err
		})
	for _, c := range cs {
		out[c.g] = c.n
	}
	return out, err
}

func (v *view) Names(slug string, fn func(id, name string) error) error {
	type hit struct{ id, name string }
	hs, err := all(v, `SELECT id, name FROM dossier_names WHERE slug = $1`, []any{slug}, func(r *sql.Rows) (hit, error) {
		var h hit
		err := r.Scan(&h.id, &h.name)
		return h, err
	})
	for _, h := range hs {
		if err := fn(h.id, h.name); err != nil {
			return err
		}
	}
	return err
}

const claimCols = `c.hash, c.claim_id, c.claimant, c.claimant_text, c.stance, c.cue, c.cue_start, c.cue_end, c.source,
	c.content, c.content_start, c.content_end, c.about, c.target, c.channel, c.channel_text, c.hedges, c.date,
	c.responds_to, c.status, c.evidence, c.evidence_start, c.evidence_end, c.links, ` + docCols

func scanClaim(r *sql.Rows) (graph.ClaimInfo, error) {
	var c graph.ClaimInfo
	var hash string
	var claimant, target, channel sql.NullString
	var about, links []string
	err := r.Scan(&hash, &c.ID, &claimant, &c.ClaimantText, &c.Stance, &c.Cue.Text, &c.Cue.Start, &c.Cue.End, &c.Source,
		&c.Content.Text, &c.Content.Start, &c.Content.End, (*pq.StringArray)(&about), &target, &channel, &c.ChannelText,
		(*pq.StringArray)(&c.Hedges), &c.Date, (*pq.StringArray)(&c.RespondsTo), &c.Status,
		&c.Evidence.Text, &c.Evidence.Start, &c.Evidence.End, (*pq.StringArray)(&links),
		&c.Document.Hash, &c.Document.ID, &c.Document.Title, &c.Document.Date, &c.Document.Source, &c.Document.URL, &c.Document.Path)
	c.IRI = schema.PartIRI(hash, c.ID)
	c.Claimant, c.Target, c.Channel = ref(claimant), ref(target), ref(channel)
	c.About = make([]graph.EntityRef, len(about))
	for i, a := range about {
		c.About[i].ID = a
	}
	if len(c.Hedges) == 0 {
		c.Hedges = nil
	}
	if len(c.RespondsTo) == 0 {
		c.RespondsTo = nil
	}
	for _, s := range links {
		if l, ok := schema.ParseLink(s); ok {
			c.Links = append(c.Links, l)
		}
	}
	return c, err
}

func ref(s sql.NullString) *graph.EntityRef {
	if !s.Valid {
		return nil
	}
	return &graph.EntityRef{ID: s.String}
}

// Claims reads dossier_claims: through dossier_links for claimants and
// what claims are about, by document hash otherwise, and every claim in
// (document hash, claim ID) order, as the bolt index keeps them.
func (v *view) Claims(q graph.ClaimQuery, fn func(graph.ClaimInfo) error) error {
	var where []string
	var args []any
	arg := func(x any) string {
		args = append(args, x)
		return fmt.Sprintf("$%d", len(args))
	}
	switch {
	case q.By != nil:
		where = append(where, `(c.hash, c.claim_id) IN (SELECT hash, part FROM dossier_links WHERE entity = ANY(`+arg(pq.Array(q.By))+`) AND role = 'b')`)
	case q.About != nil:
		where = append(where, `(c.hash, c.claim_id) IN (SELECT hash, part FROM dossier_links WHERE entity = ANY(`+arg(pq.Array(q.About))+`) AND role IN ('a', 't'))`)
	case q.Doc != "":
		where = append(where, `c.hash = `+arg(q.Doc))
	}
	if q.Stance != "" {
		where = append(where, `c.stance = `+arg(q.Stance))
	}
	query := `SELECT ` + claimCols + ` FROM dossier_claims c JOIN dossier_docs d ON d.hash = c.hash`
	if len(where) > 0 {
		query += ` WHERE ` + strings.Join(where, " AND ")
	}
	if q.By == nil && q.About == nil && q.Doc == "" {
		return each(v, query+` ORDER BY c.hash, c.claim_id`, args, scanClaim, fn)
	}
	cs, err := all(v, query, args, scanClaim)
	if err != nil {
		return err
	}
	for _, c := range cs {
		if err := fn(c); err != nil {
			return err
		}
	}
	return nil
}

const relCols = `r.hash, r.n, r.subject, r.predicate, r.object, r.evidence, r.evidence_start, r.evidence_end, ` + docCols

func scanRel(r *sql.Rows) (graph.RelationInfo, error) {
	var x graph.RelationInfo
	var hash string
	var n int
	err := r.Scan(&hash, &n, &x.Subject.ID, &x.Predicate, &x.Object.ID, &x.Evidence.Text, &x.Evidence.Start, &x.Evidence.End,
		&x.Document.Hash, &x.Document.ID, &x.Document.Title, &x.Document.Date, &x.Document.Source, &x.Document.URL, &x.Document.Path)
	x.IRI = schema.PartIRI(hash, fmt.Sprintf("r%d", n))
	return x, err
}

// Relations reads dossier_relations through the subject and object links,
// in (entity, document hash, number as text) order, as the bolt index
// keeps them.
func (v *view) Relations(ids []string, fn func(graph.RelationInfo) error) error {
	query := `SELECT ` + relCols + ` FROM dossier_links l
		JOIN dossier_relations r ON r.hash = l.hash AND l.part = 'r' || r.n
		JOIN dossier_docs d ON d.hash = r.hash
		WHERE l.role IN ('s', 'o')`
	if ids == nil {
		return each(v, query+` ORDER BY l.entity, l.hash, l.part`, nil, scanRel, fn)
	}
	rs, err := all(v, query+` AND l.entity = ANY($1)`, []any{pq.Array(ids)}, scanRel)
	if err != nil {
		return err
	}
	for _, r := range rs {
		if err := fn(r); err != nil {
			return err
		}
	}
	return nil
}

func (v *view) Documents(fn func(graph.DocInfo) error) error {
	return each(v, `SELECT `+docCols+` FROM dossier_docs d`, nil, scanDoc, fn)
}

// Mentions reads the entity's records in write order, and the sentences
// they point at in one more query.
func (v *view) Mentions(id string, fn func(graph.MentionRecord) error) error {
	type rec struct {
		doc          graph.DocInfo
		sent, m0, m1 []int64
		text         []string
	}
	recs, err := all(v, `SELECT `+docCols+`, r.m_sentence, r.m_text, r.m_start, r.m_end
		FROM dossier_records r JOIN dossier_docs d ON d.hash = r.hash WHERE r.id = $1 ORDER BY r.seq`, []any{id},
		func(r *sql.Rows) (rec, error) {
			var x rec
			err := r.Scan(&x.doc.Hash, &x.doc.ID, &x.doc.Title, &x.doc.Date, &x.doc.Source, &x.doc.URL, &x.doc.Path,
				(*pq.Int64Array)(&x.sent), (*pq.StringArray)(&x.text), (*pq.Int64Array)(&x.m0), (*pq.Int64Array)(&x.m1))
			return x, err
		})
	if err != nil {
		return err
	}
	type key struct {
		hash string
		n    int
	}
	var hs []string
	var ns []int64
	for _, r := range recs {
		for _, n := range r.sent {
			hs = append(hs, r.doc.Hash)
			ns = append(ns, n)
		}
	}
	type sent struct {
		k    key
		span schema.Span
	}
	ss, err := all(v, `SELECT s.hash, s.n, s.text, s.start, s."end" FROM dossier_sentences s
		JOIN (SELECT DISTINCT * FROM unnest($1::text[], $2::integer[]) AS w(hash, n)) w ON s.hash = w.hash AND s.n = w.n`,
		[]any{pq.Array(hs), pq.Array(ns)}, func(r *sql.Rows) (sent, error) {
			var s sent
			err := r.Scan(&s.k.hash, &s.k.n, &s.span.Text, &s.span.Start, &s.span.End)
			return s, err
		})
	if err != nil {
		return err
	}
	spans := make(map[key]*schema.Span, len(ss))
	for i := range ss {
		spans[ss[i].k] = &ss[i].span
	}
	for _, r := range recs {
		if len(r.text) != len(r.sent) || len(r.m0) != len(r.sent) || len(r.m1) != len(r.sent) {
			return fmt.Errorf("index: mentions of %s in %s: arrays of different lengths", id, r.doc.Hash)
		}
		for i, n := range r.sent {
			m := graph.MentionRecord{Document: r.doc, Sentence: int(n), Text: spans[key{r.doc.Hash, int(n)}],
				Mention: schema.Span{Text: r.text[i], Start: int(r.m0[i]), End: int(r.m1[i])}}
			if err := fn(m); err != nil {
				return err
			}
		}
	}
	return nil
}

// Links reads what links an entity: the claims it is about, made to it as
// a channel, or made by it; the relations it is object, then subject of;
// the claims targeting it: by role in the order of their predicates' IRIs
// and in write order within one, as the quads' (object, predicate) index
// lists them. Hubs stop early: a page at a time.
func (v *view) Links(id string, fn func(graph.Link) error) error {
	claims := func(roles string) error {
		return each(v, `SELECT `+claimCols+` FROM dossier_links l
			JOIN dossier_claims c ON c.hash = l.hash AND c.claim_id = l.part
			JOIN dossier_docs d ON d.hash = c.hash
			WHERE l.entity = $1 AND l.role = ANY($2::"char"[])
			ORDER BY array_position($2::"char"[], l.role), l.seq`, []any{id, roles}, scanClaim,
			func(c graph.ClaimInfo) error { return fn(graph.Link{Claim: &c}) })
	}
	if err := claims("{a,c,b}"); err != nil {
		return err
	}
	err := each(v, `SELECT `+relCols+` FROM dossier_links l
		JOIN dossier_relations r ON r.hash = l.hash AND l.part = 'r' || r.n
		JOIN dossier_docs d ON d.hash = r.hash
		WHERE l.entity = $1 AND l.role IN ('o', 's')
		ORDER BY l.role, l.seq`, []any{id}, scanRel,
		func(r graph.RelationInfo) error { return fn(graph.Link{Relation: &r}) })
	if err != nil {
		return err
	}
	return claims("{t}")
}

// LinkCounts counts an entity's links in one query.
func (v *view) LinkCounts(id string) (graph.Counts, error) {
	var c graph.Counts
	err := v.tx.QueryRowContext(v.ctx, `SELECT
			count(DISTINCT l.hash || '/' || l.part) FILTER (WHERE l.role = 'b'),
			count(DISTINCT l.hash || '/' || l.part) FILTER (WHERE l.role IN ('a', 't')),
			count(DISTINCT l.hash || '/' || l.part) FILTER (WHERE l.role IN ('a', 't') AND c.stance = 'allege'),
			count(DISTINCT l.hash || '/' || l.part) FILTER (WHERE l.role IN ('s', 'o'))
		FROM dossier_links l LEFT JOIN dossier_claims c ON c.hash = l.hash AND c.claim_id = l.part AND l.role IN ('a', 't')
		WHERE l.entity = $1`, id).Scan(&c.ClaimsBy, &c.ClaimsAbout, &c.Allegations, &c.Relations)
	return c, err
}

var (
	_ graph.LinkView       = (*view)(nil)
	_ graph.TransientIndex = index{}
	_ graph.VersionedIndex = index{}
)

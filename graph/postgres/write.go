package postgres

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"sync"
	"time"

	csql "github.com/cayleygraph/cayley/graph/sql"
	"github.com/cayleygraph/quad"
	"github.com/lib/pq"

	"github.com/dossier-project/dossier/graph"
	"github.com/dossier-project/dossier/schema"
)

// pgWriter writes a batch of documents in one transaction: their quads
// into Cayley's tables (exactly the rows Cayley's own writer makes: its
// hashes, value columns and reference counts, so Cayley reads them back)
// and their read-index rows into dossier's, every table by COPY.
//
// Several processes may write at once, and a batch goes in three steps:
//
//  1. It takes a transaction advisory lock per document (in key order, so
//     two batches never wait on each other in a cycle) and skips the
//     documents already stored: a document is written by one process
//     only, and reported as written by that one.
//  2. It inserts the values that are new (ON CONFLICT DO NOTHING, in hash
//     order) and copies the quads in. This is most of the work, and
//     batches do it side by side: quads of two documents never collide.
//  3. It takes the row of dossier_state, which orders the batches: the
//     counters and the write sequence are there. Holding it, the batch
//     adds to the reference counts of the values that were stored
//     already, merges its entity records into dossier_entities and copies
//     the rest of its index rows. Everything that two batches could both
//     change is changed here, one batch at a time, so index rows are
//     numbered in commit order and no two batches deadlock.
//
// A deadlock or serialisation failure the server reports anyway is
// retried.
type pgWriter struct {
	db    *sql.DB
	spec  string
	async bool
}

// nodeColumns are the columns of Cayley's nodes table that hold a value,
// in the order pgWriter sends them.
var nodeColumns = []string{"value", "value_string", "datatype", "language", "iri", "bnode",
	"value_int", "value_bool", "value_float", "value_time"}

// pgNode is one value for the nodes table.
type pgNode struct {
	hash []byte
	// refs counts the quads of a document that use it.
	refs int
	// row is its row's value columns (nodeColumns) in COPY's text format,
	// each after a tab, and the newline: the hash and reference count go
	// in front.
	row []byte
}

func (w *pgWriter) writeBatch(ctx context.Context, rs []*schema.Result, prepared *sync.Map) (int, error) {
	docs := make(map[*schema.Result]*pgDoc, len(rs))
	for _, r := range rs {
		if d, ok := prepared.LoadAndDelete(r); ok {
			docs[r] = d.(*pgDoc)
			continue
		}
		d, err := prepareDoc(r)
		if err != nil {
			return 0, fmt.Errorf("store %s: write: %w", w.spec, err)
		}
		docs[r] = d
	}
	var err error
	for attempt := 0; attempt < 8; attempt++ {
		var n int
		n, err = w.try(ctx, rs, docs)
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
func (w *pgWriter) try(ctx context.Context, rs []*schema.Result, docs map[*schema.Result]*pgDoc) (int, error) {
	tx, err := begin(ctx, w.db)
	if err != nil {
		return 0, err
	}
	defer tx.end()
	if w.async {
		if _, err := tx.ExecContext(ctx, `SET LOCAL synchronous_commit = off`); err != nil {
			return 0, err
		}
	}
	fresh, err := lockDocs(ctx, tx.Tx, rs)
	if err != nil || len(fresh) == 0 {
		return 0, err
	}
	b := newBatch(fresh, docs)
	if err := b.writeQuads(ctx, tx); err != nil {
		return 0, err
	}
	if err := b.writeIndex(ctx, tx); err != nil {
		return 0, err
	}
	return len(fresh), tx.Commit()
}

// lockDocs takes the documents' advisory locks, in key order, and returns
// those of rs not stored yet.
func lockDocs(ctx context.Context, tx *sql.Tx, rs []*schema.Result) ([]*schema.Result, error) {
	keys := make([]int64, 0, len(rs))
	hashes := make([]string, 0, len(rs))
	for _, r := range rs {
		keys = append(keys, docLockKey(r.Document.Hash))
		hashes = append(hashes, r.Document.Hash)
	}
	slices.Sort(keys)
	if _, err := tx.ExecContext(ctx, `SELECT count(pg_advisory_xact_lock(k))
		FROM (SELECT k FROM unnest($1::bigint[]) AS k ORDER BY k) AS keys`, pq.Array(keys)); err != nil {
		return nil, err
	}
	rows, err := tx.QueryContext(ctx, `SELECT hash FROM dossier_docs WHERE hash = ANY($1)`, pq.Array(hashes))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	done := map[string]bool{}
	for rows.Next() {
		var h string
		if err := rows.Scan(&h); err != nil {
			return nil, err
		}
		done[h] = true
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	var fresh []*schema.Result
	for _, r := range rs {
		if !done[r.Document.Hash] {
			fresh = append(fresh, r)
		}
	}
	return fresh, nil
}

// batch is what one transaction writes: the documents' quads as rows of
// hashes, the values they use, and their read-index records.
type batch struct {
	rs   []*schema.Result
	docs []*pgDoc
	recs []*graph.DocRecords
	// quads, claims and relations counted.
	quads, claims, relations int
}

func newBatch(rs []*schema.Result, docs map[*schema.Result]*pgDoc) *batch {
	b := &batch{rs: rs}
	for _, r := range rs {
		d := docs[r]
		b.docs = append(b.docs, d)
		b.recs = append(b.recs, d.rec)
		b.quads += d.nquads
		b.claims += len(d.rec.Claims)
		b.relations += len(d.rec.Relations)
	}
	return b
}

// pgDoc is one document's share of a write, made ahead of it (Prepare,
// in an ingest worker): its quads' rows, the values they use, and its
// read-index records.
type pgDoc struct {
	// quads are the rows of the quads table in COPY's text format, each
	// a tab, the subject's, predicate's, object's and label's hashes and
	// a newline: the write time goes in front.
	quads  []byte
	nquads int
	// nodes are the values the quads use, each once, counted by the
	// quads that use it.
	nodes []*pgNode
	rec   *graph.DocRecords
}

// prepareDoc lists r's quads, hashes their values and encodes their rows.
func prepareDoc(r *schema.Result) (*pgDoc, error) {
	d := &pgDoc{rec: graph.Records(r)}
	at := map[string]int{}
	seen := map[[4]string]bool{}
	for _, q := range graph.Quads(r) {
		vals := [4]quad.Value{q.Subject, q.Predicate, q.Object, q.Label}
		var hs [4]csql.NodeHash
		var key [4]string
		for i, v := range vals {
			if v != nil {
				hs[i] = csql.HashOf(v)
				key[i] = string(hs[i].ValueHash[:])
			}
		}
		// Two values of one string form (a typed literal and a
		// number) are one value to Cayley.
		if seen[key] {
			continue
		}
		seen[key] = true
		for i, v := range vals {
			if v == nil {
				continue
			}
			if j, ok := at[key[i]]; ok {
				d.nodes[j].refs++
				continue
			}
			nd, err := newPgNode(hs[i], v)
			if err != nil {
				return nil, err
			}
			at[key[i]] = len(d.nodes)
			d.nodes = append(d.nodes, nd)
		}
		for i := range hs {
			d.quads = append(d.quads, '\t')
			if vals[i] == nil {
				d.quads = append(d.quads, `\N`...)
			} else {
				d.quads = appendBytea(d.quads, hs[i].ValueHash[:])
			}
		}
		d.quads = append(d.quads, '\n')
		d.nquads++
	}
	return d, nil
}

// tmpNodes is the transaction's staging table for the batch's values.
const tmpNodes = `CREATE TEMP TABLE IF NOT EXISTS dossier_tmp_nodes (
	hash bytea PRIMARY KEY, refs integer NOT NULL, value bytea, value_string text, datatype text, language text,
	iri boolean, bnode boolean, value_int bigint, value_bool boolean, value_float double precision,
	value_time timestamp with time zone) ON COMMIT DELETE ROWS`

// writeQuads inserts the values not stored yet and copies the quads in:
// step 2. What is left in dossier_tmp_nodes is the values stored
// already, whose reference counts step 3 raises.
func (b *batch) writeQuads(ctx context.Context, tx *wtx) error {
	if _, err := tx.ExecContext(ctx, tmpNodes); err != nil {
		return err
	}
	type use struct {
		nd   *pgNode
		refs int
	}
	uses := map[string]*use{}
	for _, d := range b.docs {
		for _, nd := range d.nodes {
			if u := uses[string(nd.hash)]; u != nil {
				u.refs += nd.refs
			} else {
				uses[string(nd.hash)] = &use{nd, nd.refs}
			}
		}
	}
	list := make([]*use, 0, len(uses))
	for _, u := range uses {
		list = append(list, u)
	}
	sort.Slice(list, func(i, j int) bool { return bytes.Compare(list[i].nd.hash, list[j].nd.hash) < 0 })
	err := tx.copyIn(ctx, "dossier_tmp_nodes", append([]string{"hash", "refs"}, nodeColumns...),
		func(buf []byte, flush func([]byte) ([]byte, error)) ([]byte, error) {
			var err error
			for _, u := range list {
				buf = appendBytea(buf, u.nd.hash)
				buf = append(buf, '\t')
				buf = strconv.AppendInt(buf, int64(u.refs), 10)
				buf = append(buf, u.nd.row...)
				if buf, err = flush(buf); err != nil {
					return buf, err
				}
			}
			return buf, nil
		})
	if err != nil {
		return err
	}
	cols := "hash, refs, " + joinCols(nodeColumns)
	if _, err := tx.ExecContext(ctx, `WITH ins AS (
			INSERT INTO nodes (`+cols+`) SELECT `+cols+` FROM dossier_tmp_nodes ORDER BY hash
			ON CONFLICT (hash) DO NOTHING RETURNING hash)
		DELETE FROM dossier_tmp_nodes t USING ins WHERE t.hash = ins.hash`); err != nil {
		return err
	}
	// The write time, formatted once: every row of the batch has it.
	now := pq.FormatTimestamp(time.Now())
	return tx.copyIn(ctx, "quads", []string{"ts", "subject_hash", "predicate_hash", "object_hash", "label_hash"},
		func(buf []byte, flush func([]byte) ([]byte, error)) ([]byte, error) {
			var err error
			for _, d := range b.docs {
				rows := d.quads
				for len(rows) > 0 {
					n := bytes.IndexByte(rows, '\n') + 1
					buf = append(buf, now...)
					buf = append(buf, rows[:n]...)
					rows = rows[n:]
				}
				if buf, err = flush(buf); err != nil {
					return buf, err
				}
			}
			return buf, nil
		})
}

// seqShift leaves room in a write sequence number for the position of a
// row within its batch.
const seqShift = 20

// writeIndex is step 3: under the dossier_state row, the reference counts
// of the values stored already, and every read-index row.
func (b *batch) writeIndex(ctx context.Context, tx *wtx) error {
	var seq int64
	err := tx.QueryRowContext(ctx, `UPDATE dossier_state SET seq = seq + 1, documents = documents + $1,
		claims = claims + $2, relations = relations + $3, quads = quads + $4 RETURNING seq`,
		len(b.rs), b.claims, b.relations, b.quads).Scan(&seq)
	if err != nil {
		return err
	}
	base := seq << seqShift
	if _, err := tx.ExecContext(ctx, `UPDATE nodes n SET refs = n.refs + t.refs FROM dossier_tmp_nodes t WHERE n.hash = t.hash`); err != nil {
		return err
	}
	var docs, recs, sents, claims, rels, links, names, ties [][]any
	pos, part := 0, 0
	type sentKey struct {
		hash string
		n    int
	}
	for i, rec := range b.recs {
		d := rec.Doc
		h := d.Hash
		docs = append(docs, []any{h, base | int64(i), d.ID, d.Title, string(d.Date), d.Source, d.URL, d.Path})
		seenSent := map[sentKey]bool{}
		seenName := map[[2]string]bool{}
		for _, e := range rec.Entities {
			var ms []int64
			var mt []string
			var m0, m1 []int64
			for _, m := range e.Mentions {
				ms = append(ms, int64(m.Sentence))
				mt = append(mt, m.Span.Text)
				m0 = append(m0, int64(m.Span.Start))
				m1 = append(m1, int64(m.Span.End))
				if m.Text != nil && !seenSent[sentKey{h, m.Sentence}] {
					seenSent[sentKey{h, m.Sentence}] = true
					sents = append(sents, []any{h, m.Sentence, m.Text.Text, m.Text.Start, m.Text.End})
				}
			}
			recs = append(recs, []any{e.ID, base | int64(pos), h, e.Name, e.Type, e.Kind, e.KindReason, strArray(e.Aliases), strArray(e.Merges),
				pq.Int64Array(orEmpty(ms)), strArray(mt), pq.Int64Array(orEmpty(m0)), pq.Int64Array(orEmpty(m1))})
			pos++
			for _, n := range append([]string{e.Name}, e.Aliases...) {
				k := [2]string{e.ID, n}
				if !seenName[k] {
					seenName[k] = true
					names = append(names, []any{schema.Slug(n), e.ID, h, graph.KeyName(n)})
				}
			}
		}
		for _, c := range lastOfEach(rec.Claims) {
			s := base | int64(part)
			part++
			var about []string
			for _, a := range c.About {
				about = append(about, a.ID)
			}
			claims = append(claims, []any{h, c.ID, s, refID(c.Claimant), c.ClaimantText, c.Stance,
				c.Cue.Text, c.Cue.Start, c.Cue.End, c.Source, c.Content.Text, c.Content.Start, c.Content.End,
				strArray(about), refID(c.Target), refID(c.Channel), c.ChannelText, strArray(c.Hedges), string(c.Date),
				strArray(c.RespondsTo), c.Status, c.Evidence.Text, c.Evidence.Start, c.Evidence.End, strArray(linkLiterals(c.Links))})
			seen := map[[2]string]bool{}
			link := func(id, role string) {
				if id != "" && !seen[[2]string{id, role}] {
					seen[[2]string{id, role}] = true
					links = append(links, []any{id, role, h, c.ID, s})
				}
			}
			if c.Claimant != nil {
				link(c.Claimant.ID, "b")
			}
			for _, a := range about {
				link(a, "a")
			}
			if c.Target != nil {
				link(c.Target.ID, "t")
			}
			if c.Channel != nil {
				link(c.Channel.ID, "c")
			}
		}
		for j, r := range rec.Relations {
			s := base | int64(part)
			part++
			n := j + 1
			rels = append(rels, []any{h, n, s, r.Subject.ID, r.Predicate, r.Object.ID, r.Evidence.Text, r.Evidence.Start, r.Evidence.End})
			p := fmt.Sprintf("r%d", n)
			links = append(links, []any{r.Subject.ID, "s", h, p, s}, []any{r.Object.ID, "o", h, p, s})
		}
		for _, t := range rec.Ties {
			ties = append(ties, []any{t.From, base | int64(i), h, t.To})
		}
	}
	for _, t := range []struct {
		table string
		cols  []string
		rows  [][]any
	}{
		{"dossier_docs", []string{"hash", "seq", "id", "title", "date", "source", "url", "path"}, docs},
		{"dossier_records", []string{"id", "seq", "hash", "name", "type", "kind", "kind_reason", "aliases", "merges", "m_sentence", "m_text", "m_start", "m_end"}, recs},
		{"dossier_sentences", []string{"hash", "n", "text", "start", "end"}, sents},
		{"dossier_names", []string{"slug", "id", "hash", "name"}, names},
		{"dossier_claims", []string{"hash", "claim_id", "seq", "claimant", "claimant_text", "stance", "cue", "cue_start", "cue_end",
			"source", "content", "content_start", "content_end", "about", "target", "channel", "channel_text", "hedges", "date",
			"responds_to", "status", "evidence", "evidence_start", "evidence_end", "links"}, claims},
		{"dossier_relations", []string{"hash", "n", "seq", "subject", "predicate", "object", "evidence", "evidence_start", "evidence_end"}, rels},
		{"dossier_links", []string{"entity", "role", "hash", "part", "seq"}, links},
		{"dossier_ties", []string{"from_id", "seq", "hash", "to_id"}, ties},
	} {
		err := copyRows(ctx, tx, t.table, t.cols, len(t.rows), func(i int, row []any) { copy(row, t.rows[i]) })
		if err != nil {
			return fmt.Errorf("%s: %w", t.table, err)
		}
	}
	return b.mergeEntities(ctx, tx, base)
}

// mergeEntities folds the batch's entity records into dossier_entities,
// the merged record of each ID that the questions read: the best of the
// names (graph.BetterName), the type of the oldest record, the best kind
// (graph.BetterKind), the names, aliases and merges
// each once in order, the mentions summed and the documents counted. It
// runs under the dossier_state row, so records merge in commit order.
func (b *batch) mergeEntities(ctx context.Context, tx *wtx, base int64) error {
	ids := map[string]bool{}
	for _, rec := range b.recs {
		for _, e := range rec.Entities {
			ids[e.ID] = true
		}
	}
	list := make([]string, 0, len(ids))
	for id := range ids {
		list = append(list, id)
	}
	slices.Sort(list)
	rows, err := tx.QueryContext(ctx, `SELECT id, seq, name, type, kind, kind_reason, names, aliases, merges, mentions, documents
		FROM dossier_entities WHERE id = ANY($1)`, pq.Array(list))
	if err != nil {
		return err
	}
	have := map[string]*entRow{}
	for rows.Next() {
		e := &entRow{}
		if err := rows.Scan(&e.id, &e.seq, &e.name, &e.typ, &e.kind, &e.kindReason, (*pq.StringArray)(&e.names), (*pq.StringArray)(&e.aliases),
			(*pq.StringArray)(&e.merges), &e.mentions, &e.documents); err != nil {
			rows.Close()
			return err
		}
		have[e.id] = e
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	old := len(have)
	pos := 0
	for _, rec := range b.recs {
		inDoc := map[string]bool{}
		for _, e := range rec.Entities {
			m := have[e.ID]
			if m == nil {
				m = &entRow{id: e.ID, seq: base | int64(pos), name: e.Name, typ: e.Type}
				have[e.ID] = m
			}
			pos++
			m.add(e)
			if !inDoc[e.ID] {
				inDoc[e.ID] = true
				m.documents++
			}
		}
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM dossier_entities WHERE id = ANY($1)`, pq.Array(list)); err != nil {
		return err
	}
	if err := copyEntities(ctx, tx, list, have); err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `UPDATE dossier_state SET entities = entities + $1`, len(list)-old)
	return err
}

// copyEntities copies the merged records of ids in.
func copyEntities(ctx context.Context, tx *wtx, ids []string, rows map[string]*entRow) error {
	err := copyRows(ctx, tx, "dossier_entities", []string{"id", "seq", "name", "type", "kind", "kind_reason", "names", "aliases", "merges",
		"mentions", "documents"}, len(ids), func(i int, row []any) {
		e := rows[ids[i]]
		row[0], row[1], row[2], row[3], row[4], row[5] = e.id, e.seq, e.name, e.typ, e.kind, e.kindReason
		row[6], row[7], row[8], row[9], row[10] = strArray(e.names), strArray(e.aliases), strArray(e.merges), e.mentions, e.documents
	})
	if err != nil {
		return fmt.Errorf("dossier_entities: %w", err)
	}
	return nil
}

// entRow is a row of dossier_entities.
type entRow struct {
	id                          string
	seq                         int64
	name, typ, kind, kindReason string
	names, aliases, merges      []string
	mentions                    int64
	documents                   int
	// docs is what remerge counts documents with.
	docs map[string]bool
}

// add folds one more record in, as the bolt index merges an ID's records.
func (m *entRow) add(e graph.DocEntity) {
	if graph.BetterName(e.Name, m.name) {
		m.name = e.Name
	}
	if graph.BetterKind(e.Kind, e.KindReason, m.kind, m.kindReason) {
		m.kind, m.kindReason = e.Kind, e.KindReason
	}
	m.names = appendNew(m.names, e.Name)
	for _, a := range e.Aliases {
		m.aliases = appendNew(m.aliases, a)
	}
	for _, x := range e.Merges {
		m.merges = appendNew(m.merges, x)
	}
	m.mentions += int64(len(e.Mentions))
}

func appendNew(ss []string, s string) []string {
	if slices.Contains(ss, s) {
		return ss
	}
	return append(ss, s)
}

// lastOfEach returns the claims with one per ID, the last, as the bolt
// index keeps them (a later write of a key replaces the earlier).
func lastOfEach(cs []graph.ClaimInfo) []graph.ClaimInfo {
	at := make(map[string]int, len(cs))
	out := make([]graph.ClaimInfo, 0, len(cs))
	for _, c := range cs {
		if i, ok := at[c.ID]; ok {
			out[i] = c
			continue
		}
		at[c.ID] = len(out)
		out = append(out, c)
	}
	return out
}

func refID(r *graph.EntityRef) any {
	if r == nil {
		return nil
	}
	return r.ID
}

// strArray is a text[] value; nil is the empty array, never NULL.
func strArray(ss []string) pq.StringArray {
	if ss == nil {
		return pq.StringArray{}
	}
	return pq.StringArray(ss)
}

func orEmpty(xs []int64) []int64 {
	if xs == nil {
		return []int64{}
	}
	return xs
}

func joinCols(cs []string) string {
	out := ""
	for i, c := range cs {
		if i > 0 {
			out += ", "
		}
		out += c
	}
	return out
}

// nodeHash is the nodes table's key of a value.
func nodeHash(v quad.Value) []byte {
	h := csql.HashOf(v)
	return h.ValueHash[:]
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

// newPgNode makes the nodes row of v as Cayley's writer does.
func newPgNode(h csql.NodeHash, v quad.Value) (*pgNode, error) {
	typ, vals, err := csql.NodeValues(h, v)
	if err != nil {
		return nil, err
	}
	cols := make([]any, len(nodeColumns))
	for i, c := range typ.Columns() {
		for j, name := range nodeColumns {
			if name == c {
				cols[j] = vals[i+1] // vals[0] is the hash
			}
		}
	}
	nd := &pgNode{hash: h.ValueHash[:], refs: 1}
	for _, c := range cols {
		nd.row = append(nd.row, '\t')
		if nd.row, err = appendField(nd.row, c); err != nil {
			return nil, fmt.Errorf("value %v: %w", v, err)
		}
	}
	nd.row = append(nd.row, '\n')
	return nd, nil
}

// linkLiterals are a claim's links as the links column keeps them.
func linkLiterals(ls []schema.Link) []string {
	out := make([]string, 0, len(ls))
	for _, l := range ls {
		out = append(out, l.Literal())
	}
	return out
}

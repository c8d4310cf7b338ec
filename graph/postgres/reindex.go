package postgres

import (
	"context"
	"strings"

	"github.com/cayleygraph/quad"

	"github.com/dossier-project/dossier/graph"
	"github.com/dossier-project/dossier/schema"
)

// reindexBatch is how many documents an upgrade indexes at a time.
const reindexBatch = 200

// reindex builds the read index of a store written without one, in tx:
// every document's quads are read back (in the order the documents were
// written: by their first quad) into the extraction result they came from
// (graph.ResultFromQuads), whose index rows are written as a batch's are.
// The quads themselves and their values are left as they are. Quads that
// are not a complete document's are not indexed.
func reindex(ctx context.Context, tx *wtx) error {
	if _, err := tx.ExecContext(ctx, tmpNodes); err != nil {
		return err
	}
	v := &view{ctx: ctx, tx: tx.Tx}
	var docQuads []quad.Quad
	var label string
	var rs []*schema.Result
	flush := func() error {
		if len(rs) == 0 {
			return nil
		}
		b := &batch{rs: rs}
		for _, r := range rs {
			rec := graph.Records(r)
			b.recs = append(b.recs, rec)
			b.claims += len(rec.Claims)
			b.relations += len(rec.Relations)
		}
		rs = rs[:0]
		return b.writeIndex(ctx, tx)
	}
	done := func() error {
		qs := docQuads
		docQuads = nil
		if len(qs) == 0 || !complete(qs) {
			return nil
		}
		r, err := graph.ResultFromQuads(qs)
		if err != nil {
			return err
		}
		if rs = append(rs, r); len(rs) >= reindexBatch {
			return flush()
		}
		return nil
	}
	prefix := schema.NSID + "doc/"
	err := each(v, `SELECT `+nodeCols("s")+`, `+nodeCols("p")+`, `+nodeCols("o")+`, `+nodeCols("l")+`
		FROM (SELECT *, min(horizon) OVER (PARTITION BY label_hash) AS first FROM quads) q
		JOIN nodes s ON s.hash = q.subject_hash JOIN nodes p ON p.hash = q.predicate_hash
		JOIN nodes o ON o.hash = q.object_hash JOIN nodes l ON l.hash = q.label_hash
		ORDER BY q.first, q.horizon`, nil, scanQuad, func(q quad.Quad) error {
		l, _ := q.Label.(quad.IRI)
		if string(l) != label {
			if err := done(); err != nil {
				return err
			}
			label = string(l)
		}
		if rest, ok := strings.CutPrefix(label, prefix); ok && rest != "" && !strings.Contains(rest, "/") {
			docQuads = append(docQuads, q)
		}
		return nil
	})
	if err == nil {
		err = done()
	}
	if err == nil {
		err = flush()
	}
	return err
}

// complete reports whether a document's quads end with its complete
// marker, as a document written whole does.
func complete(qs []quad.Quad) bool {
	for _, q := range qs {
		if p, ok := q.Predicate.(quad.IRI); ok && string(p) == schema.PredComplete {
			return true
		}
	}
	return false
}

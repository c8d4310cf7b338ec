package postgres

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/pquads"

	"github.com/dossier-project/dossier/graph"
)

// EachQuad streams every quad in write order, its four values read with
// it in one query (through a cursor, a page at a time): Cayley's iterator
// looks each value up by a query of its own.
func (s *store) EachQuad(ctx context.Context, fn func(quad.Quad) error) error {
	query := `SELECT ` + nodeCols("s") + `, ` + nodeCols("p") + `, ` + nodeCols("o") + `, ` + nodeCols("l") + ` FROM quads q
		JOIN nodes s ON s.hash = q.subject_hash JOIN nodes p ON p.hash = q.predicate_hash
		JOIN nodes o ON o.hash = q.object_hash LEFT JOIN nodes l ON l.hash = q.label_hash
		ORDER BY q.horizon`
	return index{s.db}.View(ctx, func(v graph.IndexView) error {
		return each(v.(*view), query, nil, scanQuad, fn)
	})
}

// nodeCols lists a node's columns, of the nodes table aliased t, as
// nodeRow scans them.
func nodeCols(t string) string {
	var b strings.Builder
	for i, c := range append([]string{"hash"}, nodeColumns...) {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(t + "." + c)
	}
	return b.String()
}

// nodeRow is one node's columns as a query returns them.
type nodeRow struct {
	hash   []byte
	data   []byte
	str    sql.NullString
	typ    sql.NullString
	lang   sql.NullString
	iri    sql.NullBool
	bnode  sql.NullBool
	vint   sql.NullInt64
	vbool  sql.NullBool
	vfloat sql.NullFloat64
	vtime  sql.NullTime
}

func (n *nodeRow) dests() []any {
	return []any{&n.hash, &n.data, &n.str, &n.typ, &n.lang, &n.iri, &n.bnode, &n.vint, &n.vbool, &n.vfloat, &n.vtime}
}

// value decodes a node as Cayley's SQL backend does (QuadStore.NameOf);
// nil for a missing node (an absent label).
func (n *nodeRow) value() (quad.Value, error) {
	switch {
	case n.hash == nil:
		return nil, nil
	case n.str.Valid:
		s := strings.ReplaceAll(n.str.String, `\x00`, "\u0000")
		switch {
		case n.iri.Bool:
			return quad.IRI(n.str.String), nil
		case n.bnode.Bool:
			return quad.BNode(n.str.String), nil
		case n.lang.Valid:
			return quad.LangString{Value: quad.String(s), Lang: n.lang.String}, nil
		case n.typ.Valid:
			return quad.TypedString{Value: quad.String(s), Type: quad.IRI(n.typ.String)}, nil
		}
		return quad.String(s), nil
	case n.vint.Valid:
		return quad.Int(n.vint.Int64), nil
	case n.vbool.Valid:
		return quad.Bool(n.vbool.Bool), nil
	case n.vfloat.Valid:
		return quad.Float(n.vfloat.Float64), nil
	case n.vtime.Valid:
		return quad.Time(n.vtime.Time.UTC()), nil
	}
	v, err := pquads.UnmarshalValue(n.data)
	if err != nil {
		return nil, fmt.Errorf("node %x: %w", n.hash, err)
	}
	return v, nil
}

func scanQuad(r *sql.Rows) (quad.Quad, error) {
	var ns [4]nodeRow
	var dests []any
	for i := range ns {
		dests = append(dests, ns[i].dests()...)
	}
	if err := r.Scan(dests...); err != nil {
		return quad.Quad{}, err
	}
	var vs [4]quad.Value
	for i := range ns {
		v, err := ns[i].value()
		if err != nil {
			return quad.Quad{}, err
		}
		vs[i] = v
	}
	return quad.Quad{Subject: vs[0], Predicate: vs[1], Object: vs[2], Label: vs[3]}, nil
}

var _ graph.QuadLister = (*store)(nil)

package server

import (
	"bytes"
	"context"
	"fmt"
	"html"
	"math"
	"net/http"
	"sort"
	"strings"

	"github.com/dossier-project/dossier/graph"
	"github.com/dossier-project/dossier/schema"
)

// Colours: node fill by entity type, edge stroke by stance. The legend in
// static/index.html shows the same ones.
var (
	typeColour = map[string]string{
		schema.Person: "#4e79a7", schema.Organization: "#f28e2b", schema.Place: "#59a14f",
	}
	stanceColour = map[string]string{
		"allege": "#d62728", "deny": "#7b4ea3", "acknowledge": "#1a9e77", "confirm": "#1a9e77",
		"criticise": "#b5651d", "warn": "#c9a227", "say": "#8c8c8c", "report": "#8c8c8c",
		"demand": "#e377c2", "promise": "#17becf", "intend": "#1f77b4", "believe": "#bcbd22",
		"question": "#8c564b", "praise": "#2ca02c",
	}
)

const (
	miscColour     = "#9c9c9c"
	relationColour = "#4d4d4d"
	maxExpand      = 20 // expanded nodes in one picture
	pxPerUnit      = 70.0
)

func nodeColour(typ string) string {
	if c, ok := typeColour[typ]; ok {
		return c
	}
	return miscColour
}

func edgeColour(e *graph.Edge) string {
	if e.Kind == graph.EdgeRelation {
		return relationColour
	}
	if c, ok := stanceColour[e.Label]; ok {
		return c
	}
	return stanceColour["say"]
}

// view is what one picture shows: the centre's neighbourhood and those of
// the expanded nodes.
type view struct {
	center    string
	nodes     []graph.Node
	index     map[string]int
	edges     []graph.Edge
	expanded  map[string]bool
	truncated bool
}

// edgeKey identifies an edge so that the same claim seen from two
// neighbourhoods is drawn once.
func edgeKey(e *graph.Edge) string {
	return strings.Join([]string{e.Kind, e.Claim, e.From.ID, e.To.ID, e.Role, e.Label, e.Document.Hash,
		fmt.Sprint(e.Evidence.Start)}, "\x00")
}

// buildView merges the neighbourhood of the centre (depth hops) with the
// one-hop neighbourhoods of the expanded entities, at most viewMaxNodes
// nodes.
func (s *Server) buildView(ctx context.Context, center string, expand []string, depth, limit int) (*view, error) {
	v := &view{center: center, index: make(map[string]int), expanded: map[string]bool{center: true}}
	seen := make(map[string]bool)
	var edges []graph.Edge
	add := func(nb *graph.Neighbourhood, base int) {
		v.truncated = v.truncated || nb.Truncated
		for _, n := range nb.Nodes {
			if i, ok := v.index[n.ID]; ok {
				v.nodes[i].Depth = min(v.nodes[i].Depth, base+n.Depth)
				continue
			}
			if len(v.nodes) >= viewMaxNodes {
				v.truncated = true
				continue
			}
			n.Depth += base
			v.index[n.ID] = len(v.nodes)
			v.nodes = append(v.nodes, n)
		}
		for _, e := range nb.Edges {
			if k := edgeKey(&e); !seen[k] {
				seen[k] = true
				edges = append(edges, e)
			}
		}
	}
	nb, err := s.st.Neighbours(ctx, center, depth, limit)
	if err != nil {
		return nil, err
	}
	add(nb, 0)
	for _, id := range expand {
		if v.expanded[id] {
			continue
		}
		i, ok := v.index[id]
		if !ok {
			continue // not in the picture (any more): nothing to expand
		}
		v.expanded[id] = true
		nb, err := s.st.Neighbours(ctx, id, 1, limit)
		if err != nil {
			return nil, err
		}
		add(nb, v.nodes[i].Depth)
	}
	for _, e := range edges {
		_, okf := v.index[e.From.ID]
		_, okt := v.index[e.To.ID]
		if okf && okt {
			v.edges = append(v.edges, e)
		}
	}
	return v, nil
}

// graphSVG draws an entity's neighbourhood: GET /view/graph.svg?name=X
// [&depth=1][&limit=30][&expand=ID,ID...].
func (s *Server) graphSVG(w http.ResponseWriter, r *http.Request) {
	s.respond(w, r, true, s.opt.Timeout, func(ctx context.Context) (answer, error) {
		depth, err := intParam(r, "depth", 1, 1, 2)
		if err != nil {
			return answer{}, err
		}
		limit, err := intParam(r, "limit", 30, 1, viewMaxNodes)
		if err != nil {
			return answer{}, err
		}
		e, err := s.entityParam(ctx, r, "name")
		if err != nil {
			return answer{}, err
		}
		var expand []string
		for _, id := range strings.Split(r.URL.Query().Get("expand"), ",") {
			if id = strings.TrimSpace(id); id != "" {
				expand = append(expand, id)
			}
		}
		if len(expand) > maxExpand {
			return answer{}, badRequest("expand: at most %d entities", maxExpand)
		}
		v, err := s.buildView(ctx, e.ID, expand, depth, limit)
		if err != nil {
			return answer{}, err
		}
		var buf bytes.Buffer
		renderSVG(&buf, v)
		return answer{"image/svg+xml; charset=utf-8", buf.Bytes()}, nil
	})
}

// esc escapes text for XML content and attribute values.
func esc(s string) string { return html.EscapeString(s) }

func nodeRadius(mentions int) float64 {
	return math.Min(26, 9+4*math.Log2(1+float64(mentions)))
}

func shortLabel(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// edgeGroup is the edges drawn as one line: same ends, kind, label and
// whether the end is a channel.
type edgeGroup struct {
	from, to int
	first    *graph.Edge
	count    int
	channel  bool
}

// renderSVG writes the picture: edges as lines (curved when two entities
// share several), coloured by stance with a handle at the middle to click,
// and nodes as circles coloured by type with their names.
func renderSVG(b *bytes.Buffer, v *view) {
	n := len(v.nodes)
	var pairs [][2]int
	paired := make(map[[2]int]bool)
	groups := make(map[string]*edgeGroup)
	var order []string
	for i := range v.edges {
		e := &v.edges[i]
		f, t := v.index[e.From.ID], v.index[e.To.ID]
		ch := e.Role == graph.RoleChannel
		k := fmt.Sprintf("%d>%d|%s|%s|%v", f, t, e.Kind, e.Label, ch)
		g, ok := groups[k]
		if !ok {
			g = &edgeGroup{from: f, to: t, first: e, channel: ch}
			groups[k] = g
			order = append(order, k)
			p := [2]int{min(f, t), max(f, t)}
			if !paired[p] {
				paired[p] = true
				pairs = append(pairs, p)
			}
		}
		g.count++
	}
	ring := make([]int, n)
	for i, nd := range v.nodes {
		ring[i] = nd.Depth
	}
	pos := layout(n, pairs, ring, 400)
	for i := range pos {
		pos[i].X *= pxPerUnit
		pos[i].Y *= pxPerUnit
	}
	radius := make([]float64, n)
	for i, nd := range v.nodes {
		radius[i] = nodeRadius(nd.Mentions)
	}

	// Lines between the same two entities fan out around the straight one.
	byPair := make(map[[2]int][]string)
	for _, k := range order {
		g := groups[k]
		p := [2]int{min(g.from, g.to), max(g.from, g.to)}
		byPair[p] = append(byPair[p], k)
	}
	offset := make(map[string]float64)
	for p, ks := range byPair {
		sort.Strings(ks)
		for i, k := range ks {
			o := (float64(i) - float64(len(ks)-1)/2) * 22
			if g := groups[k]; g.from != p[0] {
				o = -o // the normal is flipped for the reverse direction
			}
			offset[k] = o
		}
	}

	minX, minY, maxX, maxY := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for i, p := range pos {
		r := radius[i]
		minX, maxX = math.Min(minX, p.X-r-70), math.Max(maxX, p.X+r+70)
		minY, maxY = math.Min(minY, p.Y-r-10), math.Max(maxY, p.Y+r+28)
	}
	if n == 0 {
		minX, minY, maxX, maxY = -100, -100, 100, 100
	}
	fmt.Fprintf(b, `<svg xmlns="http://www.w3.org/2000/svg" class="graph" viewBox="%.0f %.0f %.0f %.0f" width="%.0f" height="%.0f" data-center="%s" data-truncated="%v" font-family="system-ui, sans-serif" font-size="12">`+"\n",
		minX, minY, maxX-minX, maxY-minY, maxX-minX, maxY-minY, esc(v.center), v.truncated)
	b.WriteString("<defs>")
	colours := map[string]bool{relationColour: true}
	for _, c := range stanceColour {
		colours[c] = true
	}
	cs := make([]string, 0, len(colours))
	for c := range colours {
		cs = append(cs, c)
	}
	sort.Strings(cs)
	for _, c := range cs {
		fmt.Fprintf(b, `<marker id="arrow-%s" viewBox="0 0 10 10" refX="9" refY="5" markerUnits="userSpaceOnUse" markerWidth="9" markerHeight="9" orient="auto"><path d="M0,1 L9,5 L0,9 z" fill="%s"/></marker>`,
			c[1:], c)
	}
	b.WriteString("</defs>\n<g class=\"edges\">\n")
	for _, k := range order {
		g := groups[k]
		e := g.first
		p0, p2 := pos[g.from], pos[g.to]
		dx, dy := p2.X-p0.X, p2.Y-p0.Y
		d := math.Hypot(dx, dy)
		if d < 1 {
			d = 1
		}
		nx, ny := -dy/d, dx/d
		o := offset[k]
		mid := point{(p0.X + p2.X) / 2, (p0.Y + p2.Y) / 2}
		c := point{mid.X + nx*2*o, mid.Y + ny*2*o}
		// Trim the ends to the circles' rims, towards the control point.
		trim := func(p point, r float64) point {
			vx, vy := c.X-p.X, c.Y-p.Y
			l := math.Hypot(vx, vy)
			if l < 1e-6 {
				return p
			}
			return point{p.X + vx/l*r, p.Y + vy/l*r}
		}
		a, z := trim(p0, radius[g.from]+1), trim(p2, radius[g.to]+3)
		handle := point{0.25*a.X + 0.5*c.X + 0.25*z.X, 0.25*a.Y + 0.5*c.Y + 0.25*z.Y}
		col := edgeColour(e)
		dash := ""
		switch {
		case e.Kind == graph.EdgeRelation:
			dash = ` stroke-dasharray="6 4"`
		case g.channel:
			dash = ` stroke-dasharray="2 4"`
		}
		path := fmt.Sprintf("M%.1f,%.1f Q%.1f,%.1f %.1f,%.1f", a.X, a.Y, c.X, c.Y, z.X, z.Y)
		label := e.Label
		if g.channel {
			label += " (to)"
		}
		what := e.Label
		if e.Kind == graph.EdgeClaim {
			what = fmt.Sprintf("%s (%d %s)", e.Label, g.count, plural(g.count, "claim"))
			if g.channel {
				what = fmt.Sprintf("%s, to %s (%d)", e.Label, e.To.Name, g.count)
			}
		}
		width := math.Min(1.5+0.75*float64(g.count-1), 5)
		fmt.Fprintf(b, `<g class="edge" data-a="%s" data-b="%s" data-kind="%s" data-label="%s" data-channel="%v" tabindex="0">`,
			esc(e.From.ID), esc(e.To.ID), esc(e.Kind), esc(e.Label), g.channel)
		fmt.Fprintf(b, `<title>%s — %s → %s</title>`, esc(what), esc(e.From.Name), esc(e.To.Name))
		fmt.Fprintf(b, `<path class="hit" d="%s" fill="none" stroke="transparent" stroke-width="14"/>`, path)
		fmt.Fprintf(b, `<path class="line" d="%s" fill="none" stroke="%s" stroke-width="%.2f"%s marker-end="url(#arrow-%s)"/>`,
			path, col, width, dash, col[1:])
		fmt.Fprintf(b, `<circle class="handle" cx="%.1f" cy="%.1f" r="6" fill="#fff" stroke="%s" stroke-width="2"><title>%s</title></circle>`,
			handle.X, handle.Y, col, esc(label))
		b.WriteString("</g>\n")
	}
	b.WriteString("</g>\n<g class=\"nodes\">\n")
	for i, nd := range v.nodes {
		cls := "node"
		if v.expanded[nd.ID] {
			cls += " expanded"
		}
		if nd.ID == v.center {
			cls += " center"
		}
		kind := nd.Type
		if nd.Kind != "" {
			kind += ", " + nd.Kind
		}
		stroke, sw := "#ffffff", 2.0
		if v.expanded[nd.ID] {
			stroke, sw = "#222222", 2.5
		}
		fmt.Fprintf(b, `<g class="%s" data-id="%s" data-name="%s" transform="translate(%.1f,%.1f)" tabindex="0">`,
			cls, esc(nd.ID), esc(nd.Name), pos[i].X, pos[i].Y)
		fmt.Fprintf(b, `<title>%s (%s): %d %s in %d %s</title>`, esc(nd.Name), esc(kind), nd.Mentions,
			plural(nd.Mentions, "mention"), nd.Documents, plural(nd.Documents, "document"))
		fmt.Fprintf(b, `<circle r="%.1f" fill="%s" stroke="%s" stroke-width="%.1f"/>`, radius[i], nodeColour(nd.Type), stroke, sw)
		fmt.Fprintf(b, `<text class="label" y="%.1f" text-anchor="middle" stroke="#fff" stroke-width="3" paint-order="stroke" fill="#222">%s</text>`,
			radius[i]+14, esc(shortLabel(nd.Name, 30)))
		b.WriteString("</g>\n")
	}
	b.WriteString("</g>\n</svg>\n")
}

// plural returns word, with an s when n is not 1.
func plural(n int, word string) string {
	if n == 1 {
		return word
	}
	return word + "s"
}

package export

import (
	"context"
	"io"
	"strconv"
)

// The JSON graph formats are written by hand, element by element, with the
// keys in a fixed order; strings go through appendJSON.

// jsonNodeFields appends the node's properties as JSON members, each
// preceded by a comma. typeKey names the entity type member: sigma.js
// reserves "type" for its node programs.
func jsonNodeFields(b []byte, n *Node, typeKey string) []byte {
	b = append(b, `,"label":`...)
	b = appendJSON(b, n.label())
	if n.Type != "" {
		b = append(b, `,"`+typeKey+`":`...)
		b = appendJSON(b, n.Type)
	}
	if n.Kind != "" {
		b = append(b, `,"kind":`...)
		b = appendJSON(b, n.Kind)
	}
	if len(n.Aliases) > 0 {
		b = append(b, `,"aliases":`...)
		b = appendJSONList(b, n.Aliases)
	}
	b = append(b, `,"mentions":`...)
	b = strconv.AppendInt(b, int64(n.Mentions), 10)
	b = append(b, `,"documents":`...)
	b = strconv.AppendInt(b, int64(n.Documents), 10)
	return b
}

// jsonEdgeFields appends the edge's non-empty properties as JSON members,
// each preceded by a comma.
func jsonEdgeFields(b []byte, e *Edge) []byte {
	for _, f := range edgeFields {
		v := f.get(e)
		if v == "" {
			continue
		}
		b = append(b, ',', '"')
		b = append(b, f.name...)
		b = append(b, '"', ':')
		b = appendJSON(b, v)
	}
	if e.Confidence > 0 {
		b = append(b, `,"confidence":`...)
		b = strconv.AppendFloat(b, e.Confidence, 'g', 3, 64)
	}
	return b
}

// jsonGraph drives the two passes for the JSON formats: head, then each
// node through node() with the separator between elements, then mid, each
// edge, then tail.
func jsonGraph(ctx context.Context, out io.Writer, g Graph, head, mid, tail string,
	node func(b []byte, n *Node, i int) []byte, edge func(b []byte, e *Edge) []byte) error {
	w := newBuf(out)
	w.WriteString(head)
	seen := newIDs()
	var b []byte
	i := 0
	err := g.Nodes(ctx, func(n Node) error {
		if err := seen.node(ctx, &n); err != nil {
			return err
		}
		b = b[:0]
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, "\n    "...)
		b = node(b, &n, i)
		i++
		_, err := w.Write(b)
		return err
	})
	if err != nil {
		return err
	}
	w.WriteString(mid)
	first := true
	err = g.Edges(ctx, func(e Edge) error {
		if err := seen.edge(ctx, &e); err != nil {
			return err
		}
		b = b[:0]
		if !first {
			b = append(b, ',')
		}
		first = false
		b = append(b, "\n    "...)
		b = edge(b, &e)
		_, err := w.Write(b)
		return err
	})
	if err != nil {
		return err
	}
	w.WriteString(tail)
	return w.Flush()
}

// Cytoscape.js elements JSON, in the shape Cytoscape desktop's .cyjs reader
// also needs: a root "data" object and "elements" with "nodes" and "edges"
// arrays; IDs are strings; no edge data member is called source or target
// other than the endpoints.
func writeCyJS(ctx context.Context, w io.Writer, g Graph, opt Options) error {
	return jsonGraph(ctx, w, g,
		`{"format_version":"1.0","generated_by":"dossier","target_cytoscapejs_version":"~3","data":{"name":"dossier"},"elements":{"nodes":[`,
		"\n  ],\"edges\":[",
		"\n  ]}}\n",
		func(b []byte, n *Node, i int) []byte {
			b = append(b, `{"data":{"id":`...)
			b = appendJSON(b, n.ID)
			b = jsonNodeFields(b, n, "type")
			b = append(b, `},"position":{"x":`...)
			x, y := position(i)
			b = appendFloat(b, x)
			b = append(b, `,"y":`...)
			b = appendFloat(b, y)
			return append(b, "}}"...)
		},
		func(b []byte, e *Edge) []byte {
			b = append(b, `{"data":{"id":`...)
			b = appendJSON(b, e.ID)
			b = append(b, `,"source":`...)
			b = appendJSON(b, e.Source)
			b = append(b, `,"target":`...)
			b = appendJSON(b, e.Target)
			b = jsonEdgeFields(b, e)
			return append(b, "}}"...)
		})
}

// graphology's serialised format (https://graphology.github.io/serialization.html):
// a directed multigraph. Nodes carry what sigma.js needs to draw them at once
// (x, y, size, color, label); the entity type is "entity_type" and the edge
// label "label", because sigma.js reads "type" as the name of a rendering
// program.
func writeGraphology(ctx context.Context, w io.Writer, g Graph, opt Options) error {
	return jsonGraph(ctx, w, g,
		`{"attributes":{"name":"dossier"},"options":{"type":"directed","multi":true,"allowSelfLoops":true},"nodes":[`,
		"\n  ],\"edges\":[",
		"\n  ]}\n",
		func(b []byte, n *Node, i int) []byte {
			b = append(b, `{"key":`...)
			b = appendJSON(b, n.ID)
			b = append(b, `,"attributes":{"x":`...)
			x, y := position(i)
			b = appendFloat(b, x)
			b = append(b, `,"y":`...)
			b = appendFloat(b, y)
			b = append(b, `,"size":`...)
			b = appendFloat(b, size(n.Mentions))
			hex, _, _, _ := color(n.Type)
			b = append(b, `,"color":"`+hex+`"`...)
			b = jsonNodeFields(b, n, "entity_type")
			return append(b, "}}"...)
		},
		func(b []byte, e *Edge) []byte {
			b = append(b, `{"key":`...)
			b = appendJSON(b, e.ID)
			b = append(b, `,"source":`...)
			b = appendJSON(b, e.Source)
			b = append(b, `,"target":`...)
			b = appendJSON(b, e.Target)
			b = append(b, `,"attributes":{"color":"`+edgeColor(e)+`"`...)
			b = jsonEdgeFields(b, e)
			return append(b, "}}"...)
		})
}

// D3 node-link JSON: {"nodes":[{"id",...}],"links":[{"source","target",...}]}
// with string IDs on both sides, plus the "directed" and "multigraph" flags
// that networkx.node_link_graph reads so that parallel links stay.
func writeD3(ctx context.Context, w io.Writer, g Graph, opt Options) error {
	return jsonGraph(ctx, w, g,
		`{"directed":true,"multigraph":true,"graph":{"name":"dossier"},"nodes":[`,
		"\n  ],\"links\":[",
		"\n  ]}\n",
		func(b []byte, n *Node, i int) []byte {
			b = append(b, `{"id":`...)
			b = appendJSON(b, n.ID)
			b = jsonNodeFields(b, n, "type")
			return append(b, '}')
		},
		func(b []byte, e *Edge) []byte {
			b = append(b, `{"id":`...)
			b = appendJSON(b, e.ID)
			b = append(b, `,"source":`...)
			b = appendJSON(b, e.Source)
			b = append(b, `,"target":`...)
			b = appendJSON(b, e.Target)
			b = jsonEdgeFields(b, e)
			return append(b, '}')
		})
}

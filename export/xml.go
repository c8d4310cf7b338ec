package export

import (
	"context"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"
)

// GraphML (http://graphml.graphdrawing.org/): every <key> is declared before
// the <graph>, since streaming readers such as Gephi drop data for keys they
// meet late. Node and edge IDs are XML NMTOKENs (see nmtoken); the original
// ID is kept in the entity_id / edge_id data. Parallel edges are plain
// GraphML: networkx reads a MultiDiGraph.

func writeGraphML(ctx context.Context, w io.Writer, g Graph, opt Options) error {
	return graphML(ctx, w, g, opt.YEd)
}

func writeYEd(ctx context.Context, w io.Writer, g Graph, opt Options) error {
	return graphML(ctx, w, g, true)
}

func graphML(ctx context.Context, out io.Writer, g Graph, yed bool) error {
	w := newBuf(out)
	w.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	if yed {
		w.WriteString(`<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:y="http://www.yworks.com/xml/graphml" xmlns:yed="http://www.yworks.com/xml/yed/3" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://www.yworks.com/xml/schema/graphml/1.1/ygraphml.xsd">` + "\n")
	} else {
		w.WriteString(`<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.1/graphml.xsd">` + "\n")
	}
	w.WriteString(`  <key id="n_label" for="node" attr.name="label" attr.type="string"/>
  <key id="n_entity_id" for="node" attr.name="entity_id" attr.type="string"/>
  <key id="n_type" for="node" attr.name="type" attr.type="string"/>
  <key id="n_kind" for="node" attr.name="kind" attr.type="string"/>
  <key id="n_aliases" for="node" attr.name="aliases" attr.type="string"/>
  <key id="n_mentions" for="node" attr.name="mentions" attr.type="int"/>
  <key id="n_documents" for="node" attr.name="documents" attr.type="int"/>
  <key id="e_edge_id" for="edge" attr.name="edge_id" attr.type="string"/>
`)
	for _, f := range edgeFields {
		w.WriteString(`  <key id="e_` + f.name + `" for="edge" attr.name="` + f.name + `" attr.type="string"/>` + "\n")
	}
	if yed {
		w.WriteString(`  <key id="n_graphics" for="node" yfiles.type="nodegraphics"/>
  <key id="e_graphics" for="edge" yfiles.type="edgegraphics"/>
`)
	}
	w.WriteString(`  <graph id="dossier" edgedefault="directed">` + "\n")
	seen := newIDs()
	i := 0
	err := g.Nodes(ctx, func(n Node) error {
		if err := seen.node(ctx, &n); err != nil {
			return err
		}
		w.WriteString(`    <node id="`)
		writeNMToken(w, n.ID)
		w.WriteString("\">\n")
		xmlData(w, "n_label", n.label())
		xmlData(w, "n_entity_id", n.ID)
		xmlData(w, "n_type", n.Type)
		xmlData(w, "n_kind", n.Kind)
		xmlData(w, "n_aliases", strings.Join(n.Aliases, "; "))
		xmlData(w, "n_mentions", strconv.Itoa(n.Mentions))
		xmlData(w, "n_documents", strconv.Itoa(n.Documents))
		if yed {
			yedNode(w, &n, i)
		}
		w.WriteString("    </node>\n")
		i++
		return w.err()
	})
	if err != nil {
		return err
	}
	err = g.Edges(ctx, func(e Edge) error {
		if err := seen.edge(ctx, &e); err != nil {
			return err
		}
		w.WriteString(`    <edge id="`)
		writeNMToken(w, e.ID)
		w.WriteString(`" source="`)
		writeNMToken(w, e.Source)
		w.WriteString(`" target="`)
		writeNMToken(w, e.Target)
		w.WriteString("\">\n")
		xmlData(w, "e_edge_id", e.ID)
		for _, f := range edgeFields {
			xmlData(w, f.key, f.get(&e))
		}
		if yed {
			yedEdge(w, &e)
		}
		w.WriteString("    </edge>\n")
		return w.err()
	})
	if err != nil {
		return err
	}
	w.WriteString("  </graph>\n</graphml>\n")
	return w.Flush()
}

// xmlData writes <data key="key">value</data>, or nothing when value is "".
func xmlData(w errWriter, key, value string) {
	if value == "" {
		return
	}
	w.WriteString(`      <data key="`)
	w.WriteString(key)
	w.WriteString(`">`)
	writeXML(w, value)
	w.WriteString("</data>\n")
}

func yedNode(w errWriter, n *Node, i int) {
	x, y := position(i)
	hex, _, _, _ := color(n.Type)
	width := 30 + 7*utf8.RuneCountInString(n.label())
	if width > 300 {
		width = 300
	}
	shape := "roundrectangle"
	switch n.Type {
	case "Person":
		shape = "ellipse"
	case "Claim":
		shape = "hexagon"
	}
	w.WriteString(`      <data key="n_graphics">
        <y:ShapeNode>
          <y:Geometry x="`)
	w.WriteString(strconv.FormatFloat(x*3, 'f', -1, 64))
	w.WriteString(`" y="`)
	w.WriteString(strconv.FormatFloat(y*3, 'f', -1, 64))
	w.WriteString(`" width="`)
	w.WriteString(strconv.Itoa(width))
	w.WriteString(`.0" height="30.0"/>
          <y:Fill color="`)
	w.WriteString(hex)
	w.WriteString(`" transparent="false"/>
          <y:BorderStyle color="#000000" type="line" width="1.0"/>
          <y:NodeLabel alignment="center" autoSizePolicy="content" fontFamily="Dialog" fontSize="12" textColor="#000000" visible="true">`)
	writeXML(w, n.label())
	w.WriteString(`</y:NodeLabel>
          <y:Shape type="`)
	w.WriteString(shape)
	w.WriteString(`"/>
        </y:ShapeNode>
      </data>
`)
}

func yedEdge(w errWriter, e *Edge) {
	c := edgeColor(e)
	style := "line"
	if e.Stance == "deny" {
		style = "dashed"
	}
	w.WriteString(`      <data key="e_graphics">
        <y:PolyLineEdge>
          <y:LineStyle color="`)
	w.WriteString(c)
	w.WriteString(`" type="`)
	w.WriteString(style)
	w.WriteString(`" width="1.0"/>
          <y:Arrows source="none" target="standard"/>
          <y:EdgeLabel alignment="center" fontFamily="Dialog" fontSize="11" textColor="`)
	w.WriteString(c)
	w.WriteString(`" visible="true">`)
	writeXML(w, e.label())
	w.WriteString(`</y:EdgeLabel>
        </y:PolyLineEdge>
      </data>
`)
}

// GEXF 1.3 (https://gexf.net/): attributes are declared with GEXF types
// (dates are strings: "date" is not a GEXF 1.3 attribute type), node IDs are
// kept as they are (GEXF IDs are xs:string), and each edge's kind is its
// label (stance or predicate) so that Gephi separates parallel edges of
// different kinds. Node colour and size go in the viz namespace.

func writeGEXF(ctx context.Context, out io.Writer, g Graph, opt Options) error {
	w := newBuf(out)
	w.WriteString(`<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">
  <meta>
    <creator>dossier</creator>
    <description>Entities and the claims and relations between them, extracted from news text</description>
  </meta>
  <graph mode="static" defaultedgetype="directed" idtype="string">
    <attributes class="node">
      <attribute id="type" title="type" type="string"/>
      <attribute id="kind" title="kind" type="string"/>
      <attribute id="aliases" title="aliases" type="string"/>
      <attribute id="mentions" title="mentions" type="integer"/>
      <attribute id="documents" title="documents" type="integer"/>
    </attributes>
    <attributes class="edge">
`)
	for _, f := range edgeFields {
		w.WriteString(`      <attribute id="` + f.name + `" title="` + f.name + `" type="string"/>` + "\n")
	}
	w.WriteString("    </attributes>\n    <nodes>\n")
	seen := newIDs()
	err := g.Nodes(ctx, func(n Node) error {
		if err := seen.node(ctx, &n); err != nil {
			return err
		}
		w.WriteString(`      <node id="`)
		writeXML(w, n.ID)
		w.WriteString(`" label="`)
		writeXML(w, n.label())
		w.WriteString("\">\n        <attvalues>\n")
		gexfValue(w, "type", n.Type)
		gexfValue(w, "kind", n.Kind)
		gexfValue(w, "aliases", strings.Join(n.Aliases, "; "))
		gexfValue(w, "mentions", strconv.Itoa(n.Mentions))
		gexfValue(w, "documents", strconv.Itoa(n.Documents))
		w.WriteString("        </attvalues>\n")
		_, r, gr, b := color(n.Type)
		w.WriteString(`        <viz:color r="` + strconv.Itoa(int(r)) + `" g="` + strconv.Itoa(int(gr)) + `" b="` + strconv.Itoa(int(b)) + `"/>` + "\n")
		w.WriteString(`        <viz:size value="` + strconv.FormatFloat(size(n.Mentions), 'f', -1, 64) + `"/>` + "\n")
		w.WriteString("      </node>\n")
		return w.err()
	})
	if err != nil {
		return err
	}
	w.WriteString("    </nodes>\n    <edges>\n")
	err = g.Edges(ctx, func(e Edge) error {
		if err := seen.edge(ctx, &e); err != nil {
			return err
		}
		w.WriteString(`      <edge id="`)
		writeXML(w, e.ID)
		w.WriteString(`" source="`)
		writeXML(w, e.Source)
		w.WriteString(`" target="`)
		writeXML(w, e.Target)
		if l := e.label(); l != "" {
			w.WriteString(`" label="`)
			writeXML(w, l)
			w.WriteString(`" kind="`)
			writeXML(w, l)
		}
		w.WriteString("\">\n        <attvalues>\n")
		for _, f := range edgeFields {
			gexfValue(w, f.name, f.get(&e))
		}
		w.WriteString("        </attvalues>\n      </edge>\n")
		return w.err()
	})
	if err != nil {
		return err
	}
	w.WriteString("    </edges>\n  </graph>\n</gexf>\n")
	return w.Flush()
}

func gexfValue(w errWriter, id, value string) {
	if value == "" {
		return
	}
	w.WriteString(`          <attvalue for="`)
	w.WriteString(id)
	w.WriteString(`" value="`)
	writeXML(w, value)
	w.WriteString("\"/>\n")
}

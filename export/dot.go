package export

import (
	"context"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"
)

// DOT (https://graphviz.org/doc/info/lang.html): a non-strict digraph, so
// parallel edges stay. Every ID and attribute value is double-quoted, with
// '"' and '\' escaped and line breaks written as \n; every node is declared
// with a label before any edge uses it, so a wrong ID cannot silently
// create a new node.

func writeDOT(ctx context.Context, out io.Writer, g Graph, opt Options) error {
	w := newBuf(out)
	w.WriteString(`digraph "dossier" {
  graph [charset="UTF-8", rankdir=LR, overlap=false, fontname="DejaVu Sans"];
  node [shape=box, style="rounded,filled", fontname="DejaVu Sans", fontsize=11];
  edge [fontname="DejaVu Sans", fontsize=9];
`)
	seen := newIDs()
	err := g.Nodes(ctx, func(n Node) error {
		if err := seen.node(ctx, &n); err != nil {
			return err
		}
		w.WriteString("  ")
		dotQuote(w, n.ID)
		w.WriteString(" [label=")
		dotQuote(w, n.label())
		hex, _, _, _ := color(n.Type)
		w.WriteString(`, fillcolor="` + hex + `", fontcolor="white"`)
		switch n.Type {
		case "Person":
			w.WriteString(", shape=ellipse")
		case "Claim":
			w.WriteString(", shape=note")
		}
		dotAttr(w, "type", n.Type)
		dotAttr(w, "kind", n.Kind)
		dotAttr(w, "aliases", strings.Join(n.Aliases, "; "))
		w.WriteString(", mentions=" + strconv.Itoa(n.Mentions) + ", documents=" + strconv.Itoa(n.Documents))
		w.WriteString("];\n")
		return w.err()
	})
	if err != nil {
		return err
	}
	err = g.Edges(ctx, func(e Edge) error {
		if err := seen.edge(ctx, &e); err != nil {
			return err
		}
		w.WriteString("  ")
		dotQuote(w, e.Source)
		w.WriteString(" -> ")
		dotQuote(w, e.Target)
		w.WriteString(" [id=")
		dotQuote(w, e.ID)
		w.WriteString(`, color="` + edgeColor(&e) + `"`)
		if e.Stance == "deny" {
			w.WriteString(", style=dashed")
		}
		if l := e.label(); l != "" {
			w.WriteString(", label=")
			dotQuote(w, l)
		}
		if e.Evidence != "" {
			// tooltip shows in SVG output
			w.WriteString(", tooltip=")
			dotQuote(w, e.Evidence)
		}
		for _, f := range edgeFields {
			dotAttr(w, f.name, f.get(&e))
		}
		w.WriteString("];\n")
		return w.err()
	})
	if err != nil {
		return err
	}
	w.WriteString("}\n")
	return w.Flush()
}

// dotAttr writes `, name="value"`, or nothing when value is "". Names are
// fixed identifiers; the ones that Graphviz itself knows (label, id) are
// written apart.
func dotAttr(w errWriter, name, value string) {
	if value == "" || name == "label" {
		return
	}
	w.WriteString(", ")
	w.WriteString(name)
	w.WriteString("=")
	dotQuote(w, value)
}

// dotQuote writes s as a DOT double-quoted string: '"' and '\' are
// backslash-escaped (so that a backslash shows as itself in labels and a
// trailing one cannot escape the closing quote), line breaks become \n,
// other control characters and invalid UTF-8 become U+FFFD.
func dotQuote(w errWriter, s string) {
	w.WriteByte('"')
	last := 0
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		var esc string
		switch {
		case r == '"':
			esc = `\"`
		case r == '\\':
			esc = `\\`
		case r == '\n':
			esc = `\n`
		case r == '\r':
			if i+1 < len(s) && s[i+1] == '\n' {
				esc = ""
			} else {
				esc = `\n`
			}
		case r == '\t':
			esc = " "
		case r == utf8.RuneError && size == 1, r < 0x20, r == 0x7F:
			esc = "\uFFFD"
		default:
			i += size
			continue
		}
		w.WriteString(s[last:i])
		w.WriteString(esc)
		i += size
		last = i
	}
	w.WriteString(s[last:])
	w.WriteByte('"')
}

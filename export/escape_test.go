package export

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/nquads"
)

// replaceRunes returns s with every invalid byte and every rune for which
// bad is true replaced by U+FFFD, one for one.
func replaceRunes(s string, bad func(rune) bool) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 || bad(r) {
			b.WriteRune(utf8.RuneError)
		} else {
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// FuzzEscape checks that every escaper produces text its format's parser
// reads back as the original string (up to the documented replacements).
func FuzzEscape(f *testing.F) {
	for _, s := range []string{"", oddLabel, evSay, evBSI, "a\x00b\x1fc\x7f", "\xff\xfe", "\u2028\u2029", "\r\n\t", `\`, `"`, "'", "]]>", "&#xA;"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		// JSON
		b := appendJSON(nil, s)
		var back string
		if err := json.Unmarshal(b, &back); err != nil {
			t.Fatalf("appendJSON(%q) = %s: %v", s, b, err)
		}
		if want := replaceRunes(s, func(rune) bool { return false }); back != want {
			t.Errorf("JSON round trip %q -> %q", s, back)
		}

		// XML text and attribute value
		var buf bytes.Buffer
		w := errWriter{bufio.NewWriter(&buf)}
		w.WriteString(`<a x="`)
		writeXML(w, s)
		w.WriteString(`">`)
		writeXML(w, s)
		w.WriteString(`</a>`)
		w.Flush()
		var doc struct {
			X    string `xml:"x,attr"`
			Text string `xml:",chardata"`
		}
		if err := xml.Unmarshal(buf.Bytes(), &doc); err != nil {
			t.Fatalf("writeXML(%q): %v\n%s", s, err, buf.Bytes())
		}
		wantXML := replaceRunes(s, func(r rune) bool {
			return r < 0x20 && r != '\t' && r != '\n' && r != '\r' || r == 0xFFFE || r == 0xFFFF
		})
		if doc.X != wantXML || doc.Text != wantXML {
			t.Errorf("XML round trip %q -> attr %q, text %q", s, doc.X, doc.Text)
		}

		// N-Quads literal, read back by Cayley's parser
		line := append([]byte("<http://a/s> <http://a/p> "), appendNQString(nil, valid(s))...)
		line = append(line, " .\n"...)
		q, err := nquads.NewReader(bytes.NewReader(line), false).ReadQuad()
		if err != nil {
			t.Fatalf("N-Quads %q: %v\n%s", s, err, line)
		}
		if q.Object != quad.String(valid(s)) {
			t.Errorf("N-Quads round trip %q -> %#v", s, q.Object)
		}

		// Cypher literal: one string, no raw line break, reads back
		c := string(appendCypher(nil, s))
		if strings.ContainsAny(c, "\n\r") {
			t.Errorf("Cypher literal with a raw line break: %q", c)
		}
		if got := cypherStrings(t, c); len(got) != 1 {
			t.Errorf("Cypher literal %s is %d strings", c, len(got))
		} else if want := replaceRunes(s, func(r rune) bool { return r < 0x20 && r != '\t' && r != '\n' && r != '\r' || r == 0x7F }); !strings.ContainsRune(s, 0) && !hasCtl(s) && got[0] != want {
			t.Errorf("Cypher round trip %q -> %q", s, got[0])
		}

		// DOT: one quoted string, no raw line break
		buf.Reset()
		w = errWriter{bufio.NewWriter(&buf)}
		dotQuote(w, s)
		w.Flush()
		d := buf.String()
		if strings.ContainsAny(d, "\n\r") {
			t.Errorf("DOT string with a raw line break: %q", d)
		}
		if got := dotStrings(t, d); len(got) != 1 {
			t.Errorf("DOT string %s is %d strings", d, len(got))
		}
	})
}

// hasCtl reports control characters that appendCypher writes as \uXXXX,
// which the test's unescaper does not decode.
func hasCtl(s string) bool {
	for _, r := range s {
		if r < 0x20 && r != '\t' && r != '\n' && r != '\r' || r == 0x7F {
			return true
		}
	}
	return false
}

// FuzzGraphWriters feeds arbitrary IDs, labels and evidence to every graph
// writer and checks that the output still parses as its format.
func FuzzGraphWriters(f *testing.F) {
	f.Add(idOdd, oddLabel, evBSI, "deny")
	f.Add("a", "", "", "")
	f.Add("\xff/\x00", "]]>", "\r\n", "chief executive of")
	f.Fuzz(func(t *testing.T, id, label, evidence, predicate string) {
		g := &memGraph{
			nodes: []Node{{ID: id, Label: label, Type: label, Aliases: []string{label, evidence}}, {ID: id + "2", Label: evidence}},
			edges: []Edge{{ID: id + "e", Source: id, Target: id + "2", Label: predicate, Evidence: evidence, DocURL: label}},
		}
		for _, fm := range Formats() {
			if fm.Quads || fm.Dir {
				continue
			}
			var buf bytes.Buffer
			err := fm.Write(context.Background(), &buf, g, Options{})
			if checkID(id) != nil {
				if err == nil {
					t.Errorf("%s: id %q accepted", fm.Name, id)
				}
				continue
			}
			if err != nil {
				t.Fatalf("%s: %v", fm.Name, err)
			}
			out := buf.Bytes()
			if !utf8.Valid(out) {
				t.Errorf("%s: output is not UTF-8", fm.Name)
			}
			switch fm.Name {
			case "graphml", "yed":
				var doc xGraphML
				if err := xml.Unmarshal(out, &doc); err != nil || len(doc.Graph.Nodes) != 2 || len(doc.Graph.Edges) != 1 {
					t.Errorf("%s: %v, %d nodes\n%s", fm.Name, err, len(doc.Graph.Nodes), out)
				}
			case "gexf":
				var doc xGEXF
				if err := xml.Unmarshal(out, &doc); err != nil || len(doc.Graph.Nodes) != 2 || doc.Graph.Nodes[0].ID != id {
					t.Errorf("gexf: %v\n%s", err, out)
				}
			case "cyjs", "graphology", "d3":
				if !json.Valid(out) {
					t.Errorf("%s: invalid JSON\n%s", fm.Name, out)
				}
			case "dot":
				lines := strings.Split(strings.TrimSpace(string(out)), "\n")
				if n := len(lines); n != 4+3+1 {
					t.Errorf("dot: %d lines (a raw line break?)\n%s", n, out)
				}
				for _, l := range lines[4:7] {
					dotStrings(t, l)
				}
			case "cypher":
				for _, l := range strings.Split(strings.TrimSpace(string(out)), "\n")[1:] {
					if !strings.HasSuffix(l, ";") {
						t.Errorf("cypher: statement split over lines\n%s", out)
					}
					cypherStrings(t, l)
				}
			}
		}
	})
}

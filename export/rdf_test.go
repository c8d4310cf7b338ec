package export

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/nquads"
	"github.com/dossier-project/dossier/schema"
	"github.com/google/go-cmp/cmp"
)

var nqLine = regexp.MustCompile(`^(<[^<>"{}|^` + "`" + `\\\x00-\x20]+>|_:[A-Za-z0-9_]+) <[^<>"{}|^` + "`" + `\\\x00-\x20]+> (<[^>]+>|_:[A-Za-z0-9_]+|"([^"\\\n\r]|\\.)*"(@[a-zA-Z]+(-[a-zA-Z0-9]+)*|\^\^<[^>]+>)?)( <[^>]+>| _:[A-Za-z0-9_]+)? \.$`)

func TestNQuads(t *testing.T) {
	g := fixture()
	out := write(t, "nquads", g, Options{})
	lines := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
	if len(lines) != len(g.quads) {
		t.Fatalf("%d lines for %d quads", len(lines), len(g.quads))
	}
	for _, l := range lines {
		if !nqLine.MatchString(l) {
			t.Errorf("not an N-Quads line: %s", l)
		}
	}

	// Read it back with Cayley's N-Quads parser, keeping typed literals as written.
	defer func(v bool) { nquads.AutoConvertTypedString = v }(nquads.AutoConvertTypedString)
	nquads.AutoConvertTypedString = false
	r := nquads.NewReader(bytes.NewReader(out), false)
	var got []quad.Quad
	for {
		q, err := r.ReadQuad()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("parse back: %v", err)
		}
		got = append(got, q)
	}
	if len(got) != len(g.quads) {
		t.Fatalf("parsed %d quads", len(got))
	}
	doc := quad.IRI(schema.NSID + docID)
	for i, q := range got {
		in := g.quads[i]
		if (in.Label == nil) != (q.Label == nil) || in.Label != nil && q.Label != in.Label {
			t.Errorf("quad %d: label %v, want %v", i, q.Label, in.Label)
		}
		if s, ok := in.Object.(quad.String); ok && q.Object != s {
			t.Errorf("quad %d: object %#v, want %#v", i, q.Object, s)
		}
		if ls, ok := in.Object.(quad.LangString); ok && q.Object != ls {
			t.Errorf("quad %d: object %#v, want %#v", i, q.Object, ls)
		}
	}
	want := map[int]quad.Value{
		2:  quad.TypedString{Value: "2017-10-24", Type: "http://www.w3.org/2001/XMLSchema#date"},
		7:  quad.TypedString{Value: "9", Type: "http://www.w3.org/2001/XMLSchema#integer"},
		14: quad.TypedString{Value: "8.0E-1", Type: "http://www.w3.org/2001/XMLSchema#double"},
		15: quad.TypedString{Value: "false", Type: "http://www.w3.org/2001/XMLSchema#boolean"},
	}
	for i, v := range want {
		if got[i].Object != v {
			t.Errorf("quad %d: object %#v, want %#v", i, got[i].Object, v)
		}
	}
	if got[9].Subject != quad.BNode("claim_201_2Fa") || got[19].Subject != quad.IRI("https://example.org/a%20b") {
		t.Errorf("subjects %v, %v", got[9].Subject, got[19].Subject)
	}
	if got[18].Subject != quad.IRI(schema.NSID+"misc/odd%20name%20with%20spaces%20&%20%3Cbrackets%3E") || got[18].Label != doc {
		t.Errorf("odd subject %v in %v", got[18].Subject, got[18].Label)
	}
}

func TestCanonicalDouble(t *testing.T) {
	for f, want := range map[float64]string{0.8: "8.0E-1", 1.5: "1.5E0", 0: "0.0E0", -1234.5: "-1.2345E3", 1e-300: "1.0E-300", 6.02e23: "6.02E23"} {
		got := canonicalDouble(f)
		if got != want || !lexical[xsdNS+"double"].MatchString(got) {
			t.Errorf("canonicalDouble(%v) = %q, want %q", f, got, want)
		}
	}
}

func TestRDFErrors(t *testing.T) {
	s := quad.IRI("https://example.org/s")
	p := quad.IRI("https://example.org/p")
	for _, tc := range []struct {
		q    quad.Quad
		want string
	}{
		{quad.Quad{Subject: quad.String("lit"), Predicate: p, Object: s}, "subject is a literal"},
		{quad.Quad{Subject: s, Predicate: quad.BNode("b"), Object: s}, "predicate is a blank node"},
		{quad.Quad{Subject: s, Predicate: p, Object: nil}, "object is missing"},
		{quad.Quad{Subject: s, Predicate: p, Object: s, Label: quad.String("doc")}, "label is a literal"},
		{quad.Quad{Subject: s, Predicate: p, Object: quad.TypedString{Value: "2017-07-32", Type: "xsd:date"}}, "ill-typed literal"},
		{quad.Quad{Subject: s, Predicate: p, Object: quad.TypedString{Value: "high", Type: "xsd:double"}}, "ill-typed literal"},
		{quad.Quad{Subject: s, Predicate: p, Object: quad.LangString{Value: "x", Lang: "en us"}}, "language tag"},
		{quad.Quad{Subject: quad.IRI(""), Predicate: p, Object: s}, "empty IRI"},
		{quad.Quad{Subject: quad.BNode(""), Predicate: p, Object: s}, "empty blank node"},
	} {
		g := &memGraph{quads: []quad.Quad{{Subject: s, Predicate: p, Object: quad.String("ok")}, tc.q}}
		for _, name := range []string{"nquads", "jsonld"} {
			f, _ := Lookup(name)
			err := f.Write(context.Background(), io.Discard, g, Options{})
			if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), "quad 2") {
				t.Errorf("%s %v: error %v, want %q", name, tc.q, err, tc.want)
			}
		}
	}
	// A Graph that is not a QuadSource, and no Options.Quads.
	f, _ := Lookup("nquads")
	if err := f.Write(context.Background(), io.Discard, nodesOnly{}, Options{}); !errors.Is(err, ErrNoQuads) {
		t.Errorf("no quad source: %v", err)
	}
	var buf bytes.Buffer
	if err := f.Write(context.Background(), &buf, nodesOnly{}, Options{Quads: fixture()}); err != nil || buf.Len() == 0 {
		t.Errorf("Options.Quads: %v, %d bytes", err, buf.Len())
	}
}

type nodesOnly struct{}

func (nodesOnly) Nodes(context.Context, func(Node) error) error { return nil }
func (nodesOnly) Edges(context.Context, func(Edge) error) error { return nil }

// jsonldToNQuads expands the JSON-LD that WriteJSONLD writes (top-level
// node objects and named graphs of node objects; prefixes and @base in the
// context) back to sorted N-Quads lines.
func jsonldToNQuads(t *testing.T, data []byte) []string {
	t.Helper()
	var doc struct {
		Context map[string]any   `json:"@context"`
		Graph   []map[string]any `json:"@graph"`
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatalf("not JSON: %v", err)
	}
	prefixes := map[string]string{}
	for k, v := range doc.Context {
		switch v := v.(type) {
		case string:
			prefixes[k] = v
		case map[string]any:
			prefixes[k] = v["@id"].(string)
		}
	}
	expand := func(s string, base bool) string {
		if strings.HasPrefix(s, "_:") {
			return s
		}
		if i := strings.IndexByte(s, ':'); i > 0 {
			if p, ok := prefixes[s[:i]]; ok && !strings.HasPrefix(s[i+1:], "//") {
				return "<" + p + s[i+1:] + ">"
			}
			if hasScheme(s) {
				return "<" + s + ">"
			}
		}
		if !base {
			t.Errorf("relative IRI %q where the base does not apply", s)
		}
		return "<" + prefixes["@base"] + s + ">"
	}
	var lines []string
	var node func(n map[string]any, graph string)
	node = func(n map[string]any, graph string) {
		subj := expand(n["@id"].(string), true)
		for k, vs := range n {
			if k == "@id" {
				continue
			}
			pred := "<" + schema.NSRDF + "type>"
			if k != "@type" {
				pred = expand(k, false)
			}
			for _, v := range vs.([]any) {
				var obj string
				switch v := v.(type) {
				case string:
					if k == "@type" {
						obj = expand(v, false)
					} else {
						obj = string(appendNQString(nil, v))
					}
				case map[string]any:
					switch {
					case v["@id"] != nil:
						obj = expand(v["@id"].(string), true)
					case v["@language"] != nil:
						obj = string(appendNQString(nil, v["@value"].(string))) + "@" + v["@language"].(string)
					default:
						obj = string(appendNQString(nil, v["@value"].(string))) + "^^" + expand(v["@type"].(string), false)
					}
				}
				lines = append(lines, subj+" "+pred+" "+obj+graph+" .")
			}
		}
	}
	for _, top := range doc.Graph {
		if inner, ok := top["@graph"].([]any); ok {
			label := " " + expand(top["@id"].(string), true)
			for _, n := range inner {
				node(n.(map[string]any), label)
			}
			continue
		}
		node(top, "")
	}
	sort.Strings(lines)
	return lines
}

// duplicateKeys reports object members that occur twice in one JSON object:
// JSON-LD processors keep only the last.
func duplicateKeys(t *testing.T, data []byte) {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(data))
	type frame struct {
		obj  bool
		keys map[string]bool
		key  bool // next string token is a key
	}
	var stack []*frame
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return
		}
		if err != nil {
			t.Fatal(err)
		}
		var top *frame
		if len(stack) > 0 {
			top = stack[len(stack)-1]
		}
		switch v := tok.(type) {
		case json.Delim:
			switch v {
			case '{', '[':
				if top != nil && top.obj {
					top.key = true
				}
				stack = append(stack, &frame{obj: v == '{', keys: map[string]bool{}, key: v == '{'})
			default:
				stack = stack[:len(stack)-1]
			}
			continue
		case string:
			if top != nil && top.obj && top.key {
				if top.keys[v] {
					t.Errorf("duplicate key %q in one object", v)
				}
				top.keys[v] = true
				top.key = false
				continue
			}
		}
		if top != nil && top.obj {
			top.key = true
		}
	}
}

func TestJSONLD(t *testing.T) {
	g := fixture()
	out := write(t, "jsonld", g, Options{Context: map[string]string{"ex": "https://example.org/"}})
	duplicateKeys(t, out)
	var doc map[string]any
	if err := json.Unmarshal(out, &doc); err != nil {
		t.Fatal(err)
	}
	c := doc["@context"].(map[string]any)
	for k, v := range map[string]string{"schema": schema.NSSchema, "dossier": schema.NSDossier, "@base": schema.NSID, "ex": "https://example.org/"} {
		if c[k] != v {
			t.Errorf("@context[%q] = %v, want %s", k, c[k], v)
		}
	}
	// Named graphs: the first document, the second, the first again (a
	// separate object with the same @id, which processors merge).
	var graphs []string
	for _, e := range doc["@graph"].([]any) {
		if m := e.(map[string]any); m["@graph"] != nil {
			graphs = append(graphs, m["@id"].(string))
		}
	}
	if diff := cmp.Diff([]string{docID, "doc/reuters-2017-10", docID}, graphs); diff != "" {
		t.Errorf("named graphs (-want +got):\n%s", diff)
	}
	// Lossless: expanding the JSON-LD gives exactly the N-Quads output.
	nq := sortedLines(write(t, "nquads", g, Options{}))
	if diff := cmp.Diff(nq, jsonldToNQuads(t, out)); diff != "" {
		t.Errorf("JSON-LD expands to other quads than N-Quads (-nquads +jsonld):\n%s", diff)
	}
	if !bytes.Contains(out, []byte(`"@id": "per/eugene-kaspersky"`)) || !bytes.Contains(out, []byte(`"@type": ["schema:Person"]`)) {
		t.Errorf("entity not written compactly:\n%s", out)
	}
}

func TestJSONLDContext(t *testing.T) {
	for _, bad := range []map[string]string{
		{"ex": ""}, {"": "https://example.org/"}, {"a:b": "https://example.org/"}, {"@language": "en"}, {"@base": "relative/"},
	} {
		if err := WriteJSONLD(context.Background(), io.Discard, fixture(), bad); err == nil {
			t.Errorf("context %v accepted", bad)
		}
	}
	// Without a base every entity IRI is written in full, and still lossless.
	var buf bytes.Buffer
	if err := WriteJSONLD(context.Background(), &buf, fixture(), map[string]string{"@base": ""}); err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(buf.Bytes(), []byte(`"@base"`)) || !bytes.Contains(buf.Bytes(), []byte(`"@id": "https://dossier-project.github.io/id/per/eugene-kaspersky"`)) {
		t.Errorf("@base not turned off:\n%s", buf.Bytes())
	}
	if diff := cmp.Diff(sortedLines(write(t, "nquads", fixture(), Options{})), jsonldToNQuads(t, buf.Bytes())); diff != "" {
		t.Errorf("without @base (-nquads +jsonld):\n%s", diff)
	}
}

func TestJSONLDEmpty(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteJSONLD(context.Background(), &buf, &memGraph{}, nil); err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatalf("%v\n%s", err, buf.String())
	}
}

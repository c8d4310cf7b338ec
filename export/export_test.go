package export

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"errors"
	"io"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// write runs the named format on g and returns its output.
func write(t *testing.T, name string, g Graph, opt Options) []byte {
	t.Helper()
	f, ok := Lookup(name)
	if !ok {
		t.Fatalf("Lookup(%q) failed", name)
	}
	var buf bytes.Buffer
	if err := f.Write(context.Background(), &buf, g, opt); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if !bytes.Contains(buf.Bytes(), []byte("\n")) {
		t.Fatalf("%s: output has no line break: %q", name, buf.String())
	}
	return buf.Bytes()
}

func TestLookup(t *testing.T) {
	for _, tc := range []struct{ path, want string }{
		{"out.graphml", "graphml"},
		{"out.yed.graphml", "yed"},
		{"OUT.GEXF", "gexf"},
		{"a/b/graph.gv", "dot"},
		{"graph.graphology.json", "graphology"},
		{"graph.d3.json", "d3"},
		{"graph.cyjs", "cyjs"},
		{"graph.nq", "nquads"},
		{"graph.jsonld", "jsonld"},
		{"graph.cql", "cypher"},
		{"graph.json", ""},
		{".gexf", ""},
		{"graph.txt", ""},
	} {
		f, ok := ByExtension(tc.path)
		got := ""
		if ok {
			got = f.Name
		}
		if got != tc.want {
			t.Errorf("ByExtension(%q) = %q, want %q", tc.path, got, tc.want)
		}
	}
	names := map[string]bool{}
	for _, f := range Formats() {
		if names[f.Name] {
			t.Errorf("format %q listed twice", f.Name)
		}
		names[f.Name] = true
		if f.Doc == "" || f.Write == nil || f.Dir != (f.WriteDir != nil) {
			t.Errorf("format %q is incomplete: %+v", f.Name, f)
		}
		if g, ok := Lookup(strings.ToUpper(f.Name)); !ok || g != f {
			t.Errorf("Lookup(%q) did not find it", f.Name)
		}
	}
	for _, n := range []string{"graphml", "yed", "gexf", "dot", "cyjs", "graphology", "d3", "neo4j-csv", "cypher", "nquads", "jsonld"} {
		if !names[n] {
			t.Errorf("format %q missing", n)
		}
	}
	if _, ok := Lookup("kumu"); ok {
		t.Error("Lookup(kumu) found a format that does not exist")
	}
}

// --- GraphML -------------------------------------------------------------

type xGraphML struct {
	XMLName xml.Name `xml:"graphml"`
	Keys    []struct {
		ID    string `xml:"id,attr"`
		For   string `xml:"for,attr"`
		Name  string `xml:"attr.name,attr"`
		Type  string `xml:"attr.type,attr"`
		YType string `xml:"yfiles.type,attr"`
	} `xml:"key"`
	Graph struct {
		EdgeDefault string `xml:"edgedefault,attr"`
		Nodes       []struct {
			ID   string  `xml:"id,attr"`
			Data []xData `xml:"data"`
		} `xml:"node"`
		Edges []struct {
			ID     string  `xml:"id,attr"`
			Source string  `xml:"source,attr"`
			Target string  `xml:"target,attr"`
			Data   []xData `xml:"data"`
		} `xml:"edge"`
	} `xml:"graph"`
}

type xData struct {
	Key   string `xml:"key,attr"`
	Text  string `xml:",chardata"`
	Shape *struct {
		Label string `xml:"NodeLabel"`
	} `xml:"http://www.yworks.com/xml/graphml ShapeNode"`
	Line *struct {
		Label string `xml:"EdgeLabel"`
	} `xml:"http://www.yworks.com/xml/graphml PolyLineEdge"`
}

func dataMap(ds []xData) map[string]string {
	m := map[string]string{}
	for _, d := range ds {
		m[d.Key] = d.Text
	}
	return m
}

var nmtokenRE = regexp.MustCompile(`^[A-Za-z0-9._:-]+$`)

func TestGraphML(t *testing.T) {
	g := fixture()
	for _, yed := range []bool{false, true} {
		out := write(t, "graphml", g, Options{YEd: yed})
		var doc xGraphML
		if err := xml.Unmarshal(out, &doc); err != nil {
			t.Fatalf("yed=%v: not XML: %v", yed, err)
		}
		// every key is declared before <graph>
		if k, gr := bytes.LastIndex(out, []byte("<key ")), bytes.Index(out, []byte("<graph ")); k > gr {
			t.Errorf("yed=%v: a <key> comes after <graph>", yed)
		}
		keys := map[string]string{}
		for _, k := range doc.Keys {
			keys[k.ID] = k.Type
			if k.YType == "" && (!nmtokenRE.MatchString(k.Name) || !(k.Type == "string" || k.Type == "int")) {
				t.Errorf("key %+v: bad name or type", k)
			}
		}
		if keys["n_mentions"] != "int" || keys["e_evidence"] != "string" {
			t.Errorf("key types: %v", keys)
		}
		if _, ok := keys["n_graphics"]; ok != yed {
			t.Errorf("yed=%v: nodegraphics key present=%v", yed, ok)
		}
		if got := bytes.Contains(out, []byte("yworks")); got != yed {
			t.Errorf("yed=%v: yFiles namespace present=%v", yed, got)
		}
		if doc.Graph.EdgeDefault != "directed" || len(doc.Graph.Nodes) != len(g.nodes) || len(doc.Graph.Edges) != len(g.edges) {
			t.Fatalf("yed=%v: %s graph with %d nodes, %d edges", yed, doc.Graph.EdgeDefault, len(doc.Graph.Nodes), len(doc.Graph.Edges))
		}
		byID := map[string]map[string]string{}
		for i, n := range doc.Graph.Nodes {
			if !nmtokenRE.MatchString(n.ID) {
				t.Errorf("node id %q is not an NMTOKEN", n.ID)
			}
			d := dataMap(n.Data)
			for k := range d {
				if _, ok := keys[k]; !ok {
					t.Errorf("node %s: undeclared key %q", n.ID, k)
				}
			}
			want := g.nodes[i]
			if d["n_entity_id"] != want.ID || d["n_label"] != want.Label || d["n_type"] != want.Type {
				t.Errorf("node %d: data %v, want %+v", i, d, want)
			}
			byID[n.ID] = d
			if yed {
				var label string
				for _, x := range n.Data {
					if x.Shape != nil {
						label = x.Shape.Label
					}
				}
				if label != want.Label {
					t.Errorf("yEd NodeLabel %q, want %q", label, want.Label)
				}
			}
		}
		if got := byID["org.kaspersky-lab"]["n_aliases"]; got != "Kaspersky; Лаборатория Касперского; Kaspersky" {
			t.Errorf("aliases %q", got)
		}
		parallel := 0
		for i, e := range doc.Graph.Edges {
			want := g.edges[i]
			if byID[e.Source] == nil || byID[e.Target] == nil {
				t.Errorf("edge %s: dangling %s -> %s", e.ID, e.Source, e.Target)
				continue
			}
			if byID[e.Source]["n_entity_id"] != want.Source || byID[e.Target]["n_entity_id"] != want.Target {
				t.Errorf("edge %s goes %s -> %s", e.ID, e.Source, e.Target)
			}
			d := dataMap(e.Data)
			if d["e_evidence"] != want.Evidence || d["e_edge_id"] != want.ID || d["e_date"] != want.Date {
				t.Errorf("edge %d: evidence %q id %q date %q, want %+v", i, d["e_evidence"], d["e_edge_id"], d["e_date"], want)
			}
			if want.Source == idKaspersky && want.Target == idFSB {
				parallel++
			}
		}
		if parallel != 2 {
			t.Errorf("%d edges Kaspersky -> FSB, want 2", parallel)
		}
	}
}

func TestNMToken(t *testing.T) {
	seen := map[string]string{}
	for _, id := range []string{"org/kaspersky-lab", "org.kaspersky-lab", "org_2Fkaspersky-lab", "org_kaspersky-lab", "a b", "a_20b", "Zürich", "", "x:y"} {
		tok := nmtoken(id)
		if id != "" && !nmtokenRE.MatchString(tok) {
			t.Errorf("nmtoken(%q) = %q: not an NMTOKEN", id, tok)
		}
		if prev, dup := seen[tok]; dup {
			t.Errorf("nmtoken(%q) = nmtoken(%q) = %q", id, prev, tok)
		}
		seen[tok] = id
	}
	if got := nmtoken("org/kaspersky-lab"); got != "org.kaspersky-lab" {
		t.Errorf("nmtoken = %q", got)
	}
}

// --- GEXF ----------------------------------------------------------------

type xGEXF struct {
	XMLName xml.Name `xml:"http://gexf.net/1.3 gexf"`
	Version string   `xml:"version,attr"`
	Graph   struct {
		DefaultEdgeType string `xml:"defaultedgetype,attr"`
		Attributes      []struct {
			Class string `xml:"class,attr"`
			Attr  []struct {
				ID    string `xml:"id,attr"`
				Title string `xml:"title,attr"`
				Type  string `xml:"type,attr"`
			} `xml:"attribute"`
		} `xml:"attributes"`
		Nodes []struct {
			ID     string   `xml:"id,attr"`
			Label  string   `xml:"label,attr"`
			Values []xValue `xml:"attvalues>attvalue"`
			Color  struct {
				R string `xml:"r,attr"`
			} `xml:"http://gexf.net/1.3/viz color"`
		} `xml:"nodes>node"`
		Edges []struct {
			ID     string   `xml:"id,attr"`
			Source string   `xml:"source,attr"`
			Target string   `xml:"target,attr"`
			Label  string   `xml:"label,attr"`
			Kind   string   `xml:"kind,attr"`
			Values []xValue `xml:"attvalues>attvalue"`
		} `xml:"edges>edge"`
	} `xml:"graph"`
}

type xValue struct {
	For   string `xml:"for,attr"`
	Value string `xml:"value,attr"`
}

func TestGEXF(t *testing.T) {
	g := fixture()
	out := write(t, "gexf", g, Options{})
	var doc xGEXF
	if err := xml.Unmarshal(out, &doc); err != nil {
		t.Fatalf("not GEXF 1.3 XML: %v", err)
	}
	if doc.Version != "1.3" || doc.Graph.DefaultEdgeType != "directed" {
		t.Errorf("version %q, edge type %q", doc.Version, doc.Graph.DefaultEdgeType)
	}
	declared := map[string]map[string]string{}
	for _, a := range doc.Graph.Attributes {
		declared[a.Class] = map[string]string{}
		for _, x := range a.Attr {
			declared[a.Class][x.ID] = x.Type
		}
	}
	if declared["node"]["mentions"] != "integer" || declared["node"]["type"] != "string" || declared["edge"]["date"] != "string" || declared["edge"]["evidence"] != "string" {
		t.Errorf("declared attributes: %v", declared)
	}
	if len(doc.Graph.Nodes) != len(g.nodes) || len(doc.Graph.Edges) != len(g.edges) {
		t.Fatalf("%d nodes, %d edges", len(doc.Graph.Nodes), len(doc.Graph.Edges))
	}
	nodes := map[string]bool{}
	for i, n := range doc.Graph.Nodes {
		nodes[n.ID] = true
		if n.ID != g.nodes[i].ID || n.Label != g.nodes[i].Label || n.Color.R == "" {
			t.Errorf("node %d: %q %q color %q, want %+v", i, n.ID, n.Label, n.Color.R, g.nodes[i])
		}
		for _, v := range n.Values {
			if _, ok := declared["node"][v.For]; !ok {
				t.Errorf("node %s: attvalue for undeclared %q", n.ID, v.For)
			}
		}
	}
	for i, e := range doc.Graph.Edges {
		want := g.edges[i]
		if !nodes[e.Source] || !nodes[e.Target] || e.Source != want.Source || e.Target != want.Target {
			t.Errorf("edge %s: %s -> %s", e.ID, e.Source, e.Target)
		}
		if e.Label != want.Label || e.Kind != want.Label {
			t.Errorf("edge %s: label %q kind %q", e.ID, e.Label, e.Kind)
		}
		vals := map[string]string{}
		for _, v := range e.Values {
			if _, ok := declared["edge"][v.For]; !ok {
				t.Errorf("edge %s: attvalue for undeclared %q", e.ID, v.For)
			}
			vals[v.For] = v.Value
		}
		// attribute values keep quotes, <>, & and the line break exactly
		if vals["evidence"] != want.Evidence || vals["stance"] != want.Stance || vals["doc_url"] != want.DocURL {
			t.Errorf("edge %s: values %v, want %+v", e.ID, vals, want)
		}
	}
	if !bytes.Contains(out, []byte("&#xA;(second line)")) {
		t.Error("line break in an attribute value not written as a character reference")
	}
}

// --- DOT -----------------------------------------------------------------

// dotStrings returns the double-quoted strings on a DOT line, unescaped the
// way Graphviz reads labels (\" -> ", \\ -> \, \n -> line break).
func dotStrings(t *testing.T, line string) []string {
	t.Helper()
	var out []string
	for i := 0; i < len(line); i++ {
		if line[i] != '"' {
			continue
		}
		var b strings.Builder
		i++
		for ; i < len(line) && line[i] != '"'; i++ {
			if line[i] == '\\' && i+1 < len(line) {
				i++
				switch line[i] {
				case 'n':
					b.WriteByte('\n')
				default:
					b.WriteByte(line[i])
				}
				continue
			}
			b.WriteByte(line[i])
		}
		if i == len(line) {
			t.Fatalf("unterminated string on line %q", line)
		}
		out = append(out, b.String())
	}
	return out
}

func TestDOT(t *testing.T) {
	g := fixture()
	out := string(write(t, "dot", g, Options{}))
	if !strings.HasPrefix(out, `digraph "dossier" {`) || !strings.HasSuffix(out, "}\n") {
		t.Fatalf("not a digraph:\n%s", out)
	}
	if strings.Contains(out, "strict") {
		t.Error("strict digraph would merge parallel edges")
	}
	declared := map[string]bool{}
	var labels []string
	edges := 0
	for _, line := range strings.Split(out, "\n") {
		line = strings.TrimSpace(line)
		if !strings.HasPrefix(line, `"`) {
			continue
		}
		if !strings.HasSuffix(line, "];") {
			t.Errorf("statement does not end with ]; : %q", line)
		}
		s := dotStrings(t, line)
		if strings.Contains(line, `" -> "`) {
			edges++
			if !declared[s[0]] || !declared[s[1]] {
				t.Errorf("edge uses undeclared node: %q", line)
			}
			continue
		}
		declared[s[0]] = true
		labels = append(labels, s[1])
	}
	var want []string
	for _, n := range g.nodes {
		want = append(want, n.Label)
	}
	if diff := cmp.Diff(want, labels); diff != "" {
		t.Errorf("node labels (-want +got):\n%s", diff)
	}
	if edges != len(g.edges) {
		t.Errorf("%d edges, want %d", edges, len(g.edges))
	}
	if !strings.Contains(out, `label="O'Brien & \"Sons\" <R&D> \\ Zürich — Лаборатория\\"`) {
		t.Error("odd label not escaped as expected")
	}
}

// --- JSON formats ----------------------------------------------------------

func TestCyJS(t *testing.T) {
	g := fixture()
	out := write(t, "cyjs", g, Options{})
	var doc struct {
		Data     map[string]any `json:"data"`
		Elements struct {
			Nodes []struct {
				Data     map[string]any `json:"data"`
				Position struct{ X, Y *float64 }
			} `json:"nodes"`
			Edges []struct {
				Data map[string]any `json:"data"`
			} `json:"edges"`
		} `json:"elements"`
	}
	if err := json.Unmarshal(out, &doc); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if doc.Data == nil {
		t.Error("no root data object (Cytoscape desktop needs it)")
	}
	if len(doc.Elements.Nodes) != len(g.nodes) || len(doc.Elements.Edges) != len(g.edges) {
		t.Fatalf("%d nodes, %d edges", len(doc.Elements.Nodes), len(doc.Elements.Edges))
	}
	ids := map[any]bool{}
	for i, n := range doc.Elements.Nodes {
		want := g.nodes[i]
		if n.Data["id"] != want.ID || n.Data["label"] != want.Label || n.Data["mentions"] != float64(want.Mentions) || n.Position.X == nil {
			t.Errorf("node %d: %v", i, n.Data)
		}
		ids[n.Data["id"]] = true
	}
	for i, e := range doc.Elements.Edges {
		want := g.edges[i]
		if ids[e.Data["id"]] {
			t.Errorf("edge id %v clashes with a node id", e.Data["id"])
		}
		ids[e.Data["id"]] = true
		if e.Data["source"] != want.Source || e.Data["target"] != want.Target || e.Data["evidence"] != want.Evidence || str(e.Data["doc_url"]) != want.DocURL {
			t.Errorf("edge %d: %v", i, e.Data)
		}
	}
}

func TestGraphology(t *testing.T) {
	g := fixture()
	out := write(t, "graphology", g, Options{})
	var doc struct {
		Options struct {
			Type  string
			Multi bool
		}
		Nodes []struct {
			Key        string
			Attributes map[string]any
		}
		Edges []struct {
			Key, Source, Target string
			Attributes          map[string]any
		}
	}
	if err := json.Unmarshal(out, &doc); err != nil {
		t.Fatalf("not JSON: %v", err)
	}
	if doc.Options.Type != "directed" || !doc.Options.Multi {
		t.Errorf("options %+v: want a directed multigraph", doc.Options)
	}
	if len(doc.Nodes) != len(g.nodes) || len(doc.Edges) != len(g.edges) {
		t.Fatalf("%d nodes, %d edges", len(doc.Nodes), len(doc.Edges))
	}
	pos := map[[2]float64]bool{}
	for i, n := range doc.Nodes {
		a := n.Attributes
		x, okx := a["x"].(float64)
		y, oky := a["y"].(float64)
		if !okx || !oky || math.IsNaN(x) || math.IsNaN(y) {
			t.Errorf("node %s: no numeric x/y (sigma.js refuses it)", n.Key)
		}
		if pos[[2]float64{x, y}] {
			t.Errorf("node %s: same position as another node", n.Key)
		}
		pos[[2]float64{x, y}] = true
		if _, clash := a["type"]; clash {
			t.Errorf("node %s: attribute \"type\" is sigma.js's program name", n.Key)
		}
		if n.Key != g.nodes[i].ID || a["label"] != g.nodes[i].Label || a["entity_type"] != g.nodes[i].Type {
			t.Errorf("node %d: %s %v", i, n.Key, a)
		}
	}
	for i, e := range doc.Edges {
		want := g.edges[i]
		if e.Key != want.ID || e.Source != want.Source || e.Target != want.Target || e.Attributes["evidence"] != want.Evidence {
			t.Errorf("edge %d: %+v", i, e)
		}
	}
}

func TestD3(t *testing.T) {
	g := fixture()
	out := write(t, "d3", g, Options{})
	var doc struct {
		Directed, Multigraph bool
		Nodes                []map[string]any
		Links                []map[string]any
	}
	if err := json.Unmarshal(out, &doc); err != nil {
		t.Fatalf("not JSON: %v", err)
	}
	if !doc.Directed || !doc.Multigraph {
		t.Error("not flagged as a directed multigraph (networkx would merge parallel links)")
	}
	if len(doc.Nodes) != len(g.nodes) || len(doc.Links) != len(g.edges) {
		t.Fatalf("%d nodes, %d links", len(doc.Nodes), len(doc.Links))
	}
	ids := map[string]bool{}
	for _, n := range doc.Nodes {
		id, ok := n["id"].(string)
		if !ok {
			t.Fatalf("node id %v is not a string", n["id"])
		}
		ids[id] = true
	}
	for i, l := range doc.Links {
		s, _ := l["source"].(string)
		tg, _ := l["target"].(string)
		if !ids[s] || !ids[tg] || l["evidence"] != g.edges[i].Evidence || l["label"] != g.edges[i].Label {
			t.Errorf("link %d: %v", i, l)
		}
	}
}

// --- Neo4j -----------------------------------------------------------------

func readCSV(t *testing.T, path string) [][]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return rows
}

func TestNeo4jCSV(t *testing.T) {
	g := fixture()
	dir := filepath.Join(t.TempDir(), "neo4j")
	f, _ := Lookup("neo4j-csv")
	if err := f.Write(context.Background(), io.Discard, g, Options{}); !errors.Is(err, ErrDirFormat) {
		t.Errorf("Write on a directory format: %v, want ErrDirFormat", err)
	}
	if err := WriteFile(context.Background(), dir, f, g, Options{}); err != nil {
		t.Fatal(err)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	want := []string{"import.sh", "nodes_ArmedGroup.csv", "nodes_Organization.csv", "nodes_Person.csv",
		"relationships_ALLEGE.csv", "relationships_CHIEF_EXECUTIVE_OF.csv", "relationships_DENY.csv",
		"relationships_RELATION.csv", "relationships_SAY.csv"}
	if diff := cmp.Diff(want, names); diff != "" {
		t.Fatalf("files (-want +got):\n%s", diff)
	}
	script, _ := os.ReadFile(filepath.Join(dir, "import.sh"))
	for _, n := range names[1:] {
		if !bytes.Contains(script, []byte("="+n+" \\\n")) {
			t.Errorf("import.sh does not import %s:\n%s", n, script)
		}
	}
	if !bytes.Contains(script, []byte("neo4j-admin database import full")) {
		t.Errorf("import.sh:\n%s", script)
	}

	people := readCSV(t, filepath.Join(dir, "nodes_Person.csv"))
	if diff := cmp.Diff([][]string{
		{"id:ID", "name", ":LABEL", "type", "kind", "aliases:string[]", "mentions:long", "documents:long"},
		{idKaspersky, "Eugene Kaspersky", "Entity;Person", "Person", "", "Mr Kaspersky;Евгений Касперский", "9", "1"},
	}, people); diff != "" {
		t.Errorf("nodes_Person.csv (-want +got):\n%s", diff)
	}
	orgs := readCSV(t, filepath.Join(dir, "nodes_Organization.csv"))
	if len(orgs) != 7 || orgs[1][5] != "Kaspersky;Лаборатория Касперского, Kaspersky" {
		t.Errorf("nodes_Organization.csv: %d rows, aliases %q", len(orgs), orgs[1][5])
	}
	odd := readCSV(t, filepath.Join(dir, "nodes_ArmedGroup.csv"))
	// The label ends with a backslash and is quoted: a space keeps the
	// backslash off the closing quote.
	if odd[1][1] != oddLabel+" " {
		t.Errorf("odd label %q", odd[1][1])
	}
	for _, n := range names {
		if b, _ := os.ReadFile(filepath.Join(dir, n)); bytes.Contains(b, []byte(`\"`)) {
			t.Errorf("%s contains a backslash before a quote", n)
		}
	}
	deny := readCSV(t, filepath.Join(dir, "relationships_DENY.csv"))
	say := readCSV(t, filepath.Join(dir, "relationships_SAY.csv"))
	if deny[0][0] != ":START_ID" || deny[0][1] != ":END_ID" || deny[0][2] != ":TYPE" {
		t.Errorf("relationship header %v", deny[0])
	}
	if len(deny) != 2 || len(say) != 3 {
		t.Fatalf("%d DENY rows, %d SAY rows", len(deny)-1, len(say)-1)
	}
	col := map[string]int{}
	for i, h := range say[0] {
		col[h] = i
	}
	if say[1][col["evidence"]] != evSay || say[1][0] != idKaspersky || say[1][1] != idFSB {
		t.Errorf("SAY row 1: %v", say[1])
	}
	if got := say[2][col["evidence"]]; got != strings.ReplaceAll(evBSI, "\n", " ") {
		t.Errorf("line break not flattened: %q", got)
	}
	rel := readCSV(t, filepath.Join(dir, "relationships_RELATION.csv"))
	if rel[1][2] != "RELATION" || rel[1][col["label"]] != "заявил" {
		t.Errorf("non-ASCII predicate row: %v", rel[1])
	}
}

func TestIdentifier(t *testing.T) {
	for _, tc := range []struct {
		in          string
		upper, want string
	}{
		{"chief executive of", "CHIEF_EXECUTIVE_OF", "ChiefExecutiveOf"},
		{"deny", "DENY", "Deny"},
		{"Person", "PERSON", "Person"},
		{"government agency", "GOVERNMENT_AGENCY", "GovernmentAgency"},
		{"  based-in  ", "BASED_IN", "BasedIn"},
		{"9/11 attack", "_9_11_ATTACK", "_911Attack"},
		{"заявил", "", ""},
		{"", "", ""},
	} {
		if got := identifier(tc.in, true); got != tc.upper {
			t.Errorf("identifier(%q, upper) = %q, want %q", tc.in, got, tc.upper)
		}
		if got := identifier(tc.in, false); got != tc.want {
			t.Errorf("identifier(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// cypherStrings returns the single-quoted literals of a Cypher statement,
// unescaped.
func cypherStrings(t *testing.T, s string) []string {
	t.Helper()
	var out []string
	for i := 0; i < len(s); i++ {
		if s[i] != '\'' {
			continue
		}
		var b strings.Builder
		for i++; i < len(s) && s[i] != '\''; i++ {
			if s[i] == '\\' {
				i++
				switch s[i] {
				case 'n':
					b.WriteByte('\n')
				case 't':
					b.WriteByte('\t')
				case 'r':
					b.WriteByte('\r')
				default:
					b.WriteByte(s[i])
				}
				continue
			}
			b.WriteByte(s[i])
		}
		if i >= len(s) {
			t.Fatalf("unterminated string in %q", s)
		}
		out = append(out, b.String())
	}
	return out
}

func TestCypher(t *testing.T) {
	g := fixture()
	out := string(write(t, "cypher", g, Options{}))
	var stmts []string
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		if strings.HasPrefix(line, "//") {
			continue
		}
		if !strings.HasSuffix(line, ";") {
			t.Errorf("statement without ;: %q", line)
		}
		stmts = append(stmts, line)
	}
	if len(stmts) != 1+len(g.nodes)+len(g.edges) {
		t.Fatalf("%d statements", len(stmts))
	}
	if !strings.HasPrefix(stmts[0], "CREATE CONSTRAINT") {
		t.Errorf("first statement %q", stmts[0])
	}
	odd := stmts[len(g.nodes)]
	if s := cypherStrings(t, odd); s[0] != idOdd || s[1] != oddLabel {
		t.Errorf("odd node strings %q", s)
	}
	if !strings.Contains(odd, "SET n:ArmedGroup, n.name = ") {
		t.Errorf("odd node: %s", odd)
	}
	e := stmts[1+len(g.nodes)+2] // claim/3, evidence with a line break
	if !strings.Contains(e, "MERGE (a)-[r:SAY {id: 'claim/3'}]->(b)") || strings.Count(e, "\n") != 0 {
		t.Errorf("edge statement %q", e)
	}
	found := false
	for _, s := range cypherStrings(t, e) {
		found = found || s == evBSI
	}
	if !found {
		t.Errorf("evidence not recovered from %q", e)
	}
}

// --- errors and atomic files ---------------------------------------------------

func TestBadGraphs(t *testing.T) {
	for _, tc := range []struct {
		name string
		edit func(g *memGraph)
		want string
	}{
		{"dangling target", func(g *memGraph) { g.edges[0].Target = "org/nobody" }, `target "org/nobody" is not a node`},
		{"duplicate node", func(g *memGraph) { g.nodes[1].ID = g.nodes[0].ID }, "duplicate id"},
		{"duplicate edge", func(g *memGraph) { g.edges[1].ID = g.edges[0].ID }, "duplicate id"},
		{"edge id is a node id", func(g *memGraph) { g.edges[1].ID = idLab }, "also a node id"},
		{"empty node id", func(g *memGraph) { g.nodes[2].ID = "" }, "empty id"},
		{"empty edge id", func(g *memGraph) { g.edges[2].ID = "" }, "empty id"},
		{"control character in id", func(g *memGraph) { g.nodes[3].ID = "org/a\x00b" }, "control character"},
		{"invalid UTF-8 in id", func(g *memGraph) { g.edges[3].ID = "claim/\xff" }, "not valid UTF-8"},
		{"store fails", func(g *memGraph) { g.failAt = 3 }, "store went away"},
	} {
		for _, f := range Formats() {
			if f.Quads {
				continue
			}
			g := fixture()
			tc.edit(g)
			var err error
			if f.Dir {
				err = f.WriteDir(context.Background(), t.TempDir(), g, Options{})
			} else {
				err = f.Write(context.Background(), io.Discard, g, Options{})
			}
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("%s, %s: error %v, want %q", tc.name, f.Name, err, tc.want)
			}
		}
	}
}

func TestCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	for _, f := range Formats() {
		if f.Dir || f.Quads {
			continue
		}
		if err := f.Write(ctx, io.Discard, fixture(), Options{}); !errors.Is(err, context.Canceled) {
			t.Errorf("%s: %v, want context.Canceled", f.Name, err)
		}
	}
}

func TestWriteFile(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	gexf, _ := Lookup("gexf")
	path := filepath.Join(dir, "graph.gexf")
	if err := WriteFile(ctx, path, gexf, fixture(), Options{}); err != nil {
		t.Fatal(err)
	}
	good, err := os.ReadFile(path)
	if err != nil || !bytes.HasSuffix(good, []byte("</gexf>\n")) {
		t.Fatalf("read back: %v", err)
	}
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o644 {
		t.Errorf("mode %v", fi.Mode())
	}

	// A failing export leaves the previous file as it was, and no temporary file.
	bad := fixture()
	bad.failAt = 2
	if err := WriteFile(ctx, path, gexf, bad, Options{}); err == nil || !strings.Contains(err.Error(), path) {
		t.Errorf("failing export: %v, want an error naming %s", err, path)
	}
	if now, _ := os.ReadFile(path); !bytes.Equal(now, good) {
		t.Error("failed export changed the existing file")
	}
	if err := WriteFile(ctx, filepath.Join(dir, "new.gexf"), gexf, bad, Options{}); err == nil {
		t.Error("failing export succeeded")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("directory holds %v, want only graph.gexf", names)
	}

	// Unwritable destination: the error names the path.
	missing := filepath.Join(dir, "no", "such", "dir", "graph.gexf")
	if err := WriteFile(ctx, missing, gexf, fixture(), Options{}); err == nil || !strings.Contains(err.Error(), missing) {
		t.Errorf("missing directory: %v", err)
	}

	// A directory format replaces a previous export and cleans up on failure.
	neo, _ := Lookup("neo4j-csv")
	out := filepath.Join(dir, "neo4j")
	for i := 0; i < 2; i++ {
		if err := WriteFile(ctx, out, neo, fixture(), Options{}); err != nil {
			t.Fatalf("run %d: %v", i, err)
		}
	}
	if err := WriteFile(ctx, out, neo, bad, Options{}); err == nil {
		t.Error("failing neo4j export succeeded")
	}
	if _, err := os.Stat(filepath.Join(out, "relationships_DENY.csv")); err != nil {
		t.Errorf("previous neo4j export damaged: %v", err)
	}
	entries, _ = os.ReadDir(dir)
	if len(entries) != 2 {
		t.Errorf("%d entries left in %s, want 2", len(entries), dir)
	}
	if err := WriteFile(ctx, path, neo, fixture(), Options{}); err == nil {
		t.Error("neo4j-csv over a file succeeded")
	}
}

func TestDeterministic(t *testing.T) {
	for _, f := range Formats() {
		if f.Dir {
			continue
		}
		a := write(t, f.Name, fixture(), Options{})
		b := write(t, f.Name, fixture(), Options{})
		if !bytes.Equal(a, b) {
			t.Errorf("%s: two runs differ", f.Name)
		}
	}
}

func sortedLines(b []byte) []string {
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	sort.Strings(lines)
	return lines
}

// str returns v if it is a string, else "".
func str(v any) string {
	s, _ := v.(string)
	return s
}

// More relationship types than files kept open: files are closed and
// reopened for appending, each keeps one header and all its rows.
func TestNeo4jManyTypes(t *testing.T) {
	g := &memGraph{nodes: []Node{{ID: "a", Type: "Person"}, {ID: "b", Type: "Place"}}}
	const types, rounds = maxOpen + 8, 3
	for r := 0; r < rounds; r++ {
		for i := 0; i < types; i++ {
			g.edges = append(g.edges, Edge{ID: "e" + strconv.Itoa(r*types+i), Source: "a", Target: "b", Kind: "relation", Label: "pred " + strconv.Itoa(i)})
		}
	}
	dir := t.TempDir()
	f, _ := Lookup("neo4j-csv")
	if err := f.WriteDir(context.Background(), dir, g, Options{}); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < types; i++ {
		rows := readCSV(t, filepath.Join(dir, "relationships_PRED_"+strconv.Itoa(i)+".csv"))
		if len(rows) != 1+rounds || rows[0][0] != ":START_ID" || rows[1][2] != "PRED_"+strconv.Itoa(i) {
			t.Errorf("type %d: %d rows: %v", i, len(rows), rows)
		}
	}
}

func TestNilGraph(t *testing.T) {
	for _, f := range Formats() {
		var err error
		if f.Dir {
			err = f.WriteDir(context.Background(), t.TempDir(), nil, Options{})
		} else {
			err = f.Write(context.Background(), io.Discard, nil, Options{})
		}
		if err == nil {
			t.Errorf("%s: nil graph accepted", f.Name)
		}
	}
}

// With claims shown as nodes, claims are Claim nodes linked to their
// claimant, what they are about and their channel.
func TestClaimNodes(t *testing.T) {
	g := &memGraph{
		nodes: []Node{
			{ID: idKaspersky, Label: "Eugene Kaspersky", Type: "Person"},
			{ID: idFSB, Label: "FSB", Type: "Organization"},
			{ID: idSky, Label: "Sky News", Type: "Organization"},
			{ID: "claim/c1", Label: "Eugene Kaspersky denies: his business helped the FSB", Type: "Claim"},
		},
		edges: []Edge{
			{ID: "claim/c1/claimant", Source: "claim/c1", Target: idKaspersky, Kind: "claimant"},
			{ID: "claim/c1/about", Source: "claim/c1", Target: idFSB, Kind: "about"},
			{ID: "claim/c1/channel", Source: "claim/c1", Target: idSky, Kind: "channel"},
		},
	}
	out := string(write(t, "cypher", g, Options{}))
	for _, want := range []string{"SET n:Claim, n.name = 'Eugene Kaspersky denies: his business helped the FSB'",
		"[r:CLAIMANT {id: 'claim/c1/claimant'}]", "[r:ABOUT {id: 'claim/c1/about'}]", "[r:CHANNEL {id: 'claim/c1/channel'}]"} {
		if !strings.Contains(out, want) {
			t.Errorf("cypher lacks %q:\n%s", want, out)
		}
	}
	dot := string(write(t, "dot", g, Options{}))
	if !strings.Contains(dot, `label="claimant"`) || !strings.Contains(dot, "shape=note") {
		t.Errorf("dot:\n%s", dot)
	}
}

// The RDF formats need no Graph when Options.Quads is set.
func TestWriteFileQuads(t *testing.T) {
	path := filepath.Join(t.TempDir(), "g.nq")
	f, _ := ByExtension(path)
	if err := WriteFile(context.Background(), path, f, nil, Options{Quads: fixture()}); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(path)
	if n := bytes.Count(b, []byte(" .\n")); n != len(fixture().quads) {
		t.Errorf("%d quads written", n)
	}
}

package export

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"
)

// Node is an entity in the graph view. With claims shown as nodes, a claim
// is a Node too: Type "Claim", Label a short readable text such as
// "Eugene Kaspersky denies: ...".
type Node struct {
	ID        string // stable entity id, e.g. "org/kaspersky-lab"; must be unique and non-empty
	Label     string // readable name; writers fall back to ID when it is empty
	Type      string // Person, Organization, Place, ..., or Claim
	Kind      string // company, government agency, media, country, ...
	Aliases   []string
	Mentions  int // number of mentions
	Documents int // number of documents mentioning it
}

// Edge is a relation or a claim between two nodes. Several claims between
// the same two nodes stay several edges: every writer declares a multigraph.
type Edge struct {
	ID             string // stable; must be unique among nodes and edges, and non-empty
	Source, Target string // node IDs; both must have been passed as nodes
	// Kind is "claim" or "relation", or with claims as nodes "claimant",
	// "about" or "channel".
	Kind string
	// Label is the stance ("deny") or the predicate ("chief executive of").
	Label       string
	Stance, Cue string
	// Status is the allegation status: alleged, denied, contested,
	// acknowledged, or "" if the edge is not an allegation.
	Status string
	// Thread is the allegations-ledger thread of an allegation or of an
	// answer linked to one ("t" and 12 hex digits), or "".
	Thread string
	// Answers is, for an answer linked to an allegation, the allegation's
	// claim IRI, and AnswerLink the link's score and reason ("0.95: the
	// accused answers; the act meets: helped, steal"); "" otherwise.
	Answers, AnswerLink string
	Evidence            string // the evidence sentence
	Content             string // what is claimed
	DocID               string
	DocTitle            string
	DocURL              string
	Date                string // YYYY-MM-DD, YYYY-MM, YYYY or ""
	ClaimID             string
	// Confidence is how plainly the text states the edge: 1 for a
	// relation or an unhedged claim, lower for a hedged one ("reportedly",
	// "no evidence"); 0 means not given and is not written. The JSON
	// formats carry it as a number, which renderers map to edge width.
	Confidence float64
}

// Graph is what the graph writers read: two passes, nodes first then edges,
// each streamed through a callback so that a large graph is never held in
// memory. An error returned by fn must stop the pass and be returned.
type Graph interface {
	Nodes(ctx context.Context, fn func(Node) error) error
	Edges(ctx context.Context, fn func(Edge) error) error
}

// Options tune the writers. The zero value is the default.
type Options struct {
	// YEd adds yEd's graphics (y:ShapeNode with a label, y:PolyLineEdge
	// with an edge label) to GraphML; the "yed" format sets it.
	YEd bool
	// Quads is the source the RDF formats (nquads, jsonld) read. When nil,
	// they use the Graph if it implements QuadSource.
	Quads QuadSource
	// Context adds prefixes (term -> absolute IRI) to the JSON-LD
	// @context, and may set "@vocab" or "@base" ("" turns the base off);
	// see WriteJSONLD.
	Context map[string]string
}

// Format is one output format, looked up by name or file extension.
type Format struct {
	Name string   // short name, e.g. "graphml"
	Ext  []string // file extensions with the dot, longest first, e.g. ".graphology.json"
	Doc  string   // the tools that open it, one line
	// Write streams the format to w. For a format with Dir set it returns
	// ErrDirFormat: use WriteDir or WriteFile.
	Write func(ctx context.Context, w io.Writer, g Graph, opt Options) error
	// Dir is set when the format is a directory of files (neo4j-csv).
	Dir bool
	// WriteDir writes a Dir format into an existing, empty directory.
	WriteDir func(ctx context.Context, dir string, g Graph, opt Options) error
	// Quads is set when the format reads a QuadSource (Options.Quads, or
	// the Graph if it implements QuadSource) rather than nodes and edges.
	Quads bool
}

// ErrDirFormat is returned by Format.Write for a format that writes a
// directory: call WriteDir or WriteFile instead.
var ErrDirFormat = errors.New("format writes a directory, not a stream")

// ErrNoQuads is returned by the RDF formats when neither Options.Quads nor
// the Graph provides a QuadSource.
var ErrNoQuads = errors.New("no quad source: set Options.Quads or pass a Graph that implements QuadSource")

var formats = []*Format{
	{Name: "graphml", Ext: []string{".graphml"}, Doc: "GraphML: Gephi, Cytoscape desktop, networkx, igraph, graphology", Write: needGraph(writeGraphML)},
	{Name: "yed", Ext: []string{".yed.graphml"}, Doc: "GraphML with yEd labels and shapes: yEd, yEd Live (and everything that reads GraphML)", Write: needGraph(writeYEd)},
	{Name: "gexf", Ext: []string{".gexf"}, Doc: "GEXF 1.3: Gephi, Gephi Lite, networkx, graphology-gexf", Write: needGraph(writeGEXF)},
	{Name: "dot", Ext: []string{".dot", ".gv"}, Doc: "Graphviz DOT: dot, sfdp, xdot, Gephi", Write: needGraph(writeDOT)},
	{Name: "cyjs", Ext: []string{".cyjs"}, Doc: "Cytoscape.js elements JSON: cytoscape.js, Cytoscape desktop (File > Import > Network from File)", Write: needGraph(writeCyJS)},
	{Name: "graphology", Ext: []string{".graphology.json"}, Doc: "graphology serialised graph with positions: sigma.js, Gephi Lite", Write: needGraph(writeGraphology)},
	{Name: "d3", Ext: []string{".d3.json"}, Doc: "D3 node-link JSON {nodes, links}: d3-force, networkx.node_link_graph, Observable", Write: needGraph(writeD3)},
	{Name: "neo4j-csv", Doc: "directory of neo4j-admin database import CSV files with import.sh", Dir: true, Write: writeDirStream, WriteDir: needGraphDir(writeNeo4jCSV)},
	{Name: "cypher", Ext: []string{".cypher", ".cql"}, Doc: "Cypher MERGE script: cypher-shell -f, Neo4j Browser, Memgraph", Write: needGraph(writeCypher)},
	{Name: "nquads", Ext: []string{".nq", ".nquads"}, Doc: "RDF N-Quads with one named graph per document: rapper, rdflib, Jena, Oxigraph, Cayley", Write: writeNQuadsFormat, Quads: true},
	{Name: "jsonld", Ext: []string{".jsonld"}, Doc: "RDF JSON-LD with inline @context and one named graph per document: jsonld.js, rdflib, Jena", Write: writeJSONLDFormat, Quads: true},
}

// Lookup returns the format with the given name (case-insensitive).
// The returned Format is shared: do not modify it.
func Lookup(name string) (*Format, bool) {
	name = strings.ToLower(strings.TrimSpace(name))
	for _, f := range formats {
		if f.Name == name {
			return f, true
		}
	}
	return nil, false
}

// ByExtension returns the format whose extension ends path, preferring the
// longest match (".graphology.json" over ".json"). Plain ".json" matches
// nothing, because several formats are JSON.
func ByExtension(path string) (*Format, bool) {
	base := strings.ToLower(filepath.Base(path))
	var best *Format
	n := 0
	for _, f := range formats {
		for _, ext := range f.Ext {
			if len(ext) > n && strings.HasSuffix(base, ext) && len(base) > len(ext) {
				best, n = f, len(ext)
			}
		}
	}
	return best, best != nil
}

// Formats returns every format in a fixed order. The Formats are shared:
// do not modify them.
func Formats() []*Format {
	return append([]*Format(nil), formats...)
}

func writeDirStream(context.Context, io.Writer, Graph, Options) error { return ErrDirFormat }

// errNoGraph is returned by the graph formats for a nil Graph.
var errNoGraph = errors.New("no graph")

func needGraph(fn func(context.Context, io.Writer, Graph, Options) error) func(context.Context, io.Writer, Graph, Options) error {
	return func(ctx context.Context, w io.Writer, g Graph, opt Options) error {
		if g == nil {
			return errNoGraph
		}
		return fn(ctx, w, g, opt)
	}
}

func needGraphDir(fn func(context.Context, string, Graph, Options) error) func(context.Context, string, Graph, Options) error {
	return func(ctx context.Context, dir string, g Graph, opt Options) error {
		if g == nil {
			return errNoGraph
		}
		return fn(ctx, dir, g, opt)
	}
}

// WriteFile writes g to path in format f, atomically: the output goes to a
// temporary file (a temporary directory for Dir formats) in the same
// directory, which is renamed to path only when the whole export succeeded.
// A failed or cancelled export leaves nothing behind. For a Dir format an
// existing directory at path is replaced.
func WriteFile(ctx context.Context, path string, f *Format, g Graph, opt Options) error {
	if f == nil {
		return fmt.Errorf("export %s: no format", path)
	}
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	if base == "" {
		return fmt.Errorf("export %s: path names a directory, not a file", path)
	}
	if f.Dir {
		return writeDirFile(ctx, path, dir, base, f, g, opt)
	}
	tmp, err := os.CreateTemp(dir, "."+base+".tmp-*")
	if err != nil {
		return fmt.Errorf("export %s: cannot create a file there: %w", path, err)
	}
	ok := false
	defer func() {
		if !ok {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	bw := bufio.NewWriterSize(tmp, 64<<10)
	if err := f.Write(ctx, bw, g, opt); err != nil {
		return fmt.Errorf("export %s as %s: %w", path, f.Name, err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("export %s: write: %w", path, err)
	}
	// CreateTemp makes the file 0600; an export is an ordinary document.
	if err := tmp.Chmod(0o644); err != nil {
		return fmt.Errorf("export %s: %w", path, err)
	}
	if err := tmp.Sync(); err != nil {
		return fmt.Errorf("export %s: sync: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("export %s: close: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("export %s: %w", path, err)
	}
	ok = true
	return nil
}

func writeDirFile(ctx context.Context, path, dir, base string, f *Format, g Graph, opt Options) error {
	if fi, err := os.Stat(path); err == nil && !fi.IsDir() {
		return fmt.Errorf("export %s: %s writes a directory and a file is in the way", path, f.Name)
	}
	tmp, err := os.MkdirTemp(dir, "."+base+".tmp-*")
	if err != nil {
		return fmt.Errorf("export %s: cannot create a directory there: %w", path, err)
	}
	ok := false
	defer func() {
		if !ok {
			os.RemoveAll(tmp)
		}
	}()
	if err := os.Chmod(tmp, 0o755); err != nil {
		return fmt.Errorf("export %s: %w", path, err)
	}
	if err := f.WriteDir(ctx, tmp, g, opt); err != nil {
		return fmt.Errorf("export %s as %s: %w", path, f.Name, err)
	}
	// Move an existing export aside, put the new one in place, then remove
	// the old one: at every moment path is either the old or the new export.
	var old string
	if _, err := os.Stat(path); err == nil {
		old = tmp + ".old"
		if err := os.Rename(path, old); err != nil {
			return fmt.Errorf("export %s: move the previous export aside: %w", path, err)
		}
	}
	if err := os.Rename(tmp, path); err != nil {
		if old != "" {
			os.Rename(old, path)
		}
		return fmt.Errorf("export %s: %w", path, err)
	}
	ok = true
	if old != "" {
		if err := os.RemoveAll(old); err != nil {
			return fmt.Errorf("export %s: remove the previous export %s: %w", path, old, err)
		}
	}
	return nil
}

// ids tracks the node and edge IDs a writer has seen, to reject duplicates
// and edges whose endpoints are not nodes. It is the only state kept across
// elements: about 50 bytes per element, ID text included.
type ids struct {
	seen map[string]bool // id -> is a node
	n    int
}

func newIDs() *ids {
	return &ids{seen: make(map[string]bool)}
}

// node checks a node and records its ID. It also checks for cancellation
// every 1024 elements.
func (s *ids) node(ctx context.Context, n *Node) error {
	if err := s.tick(ctx); err != nil {
		return err
	}
	if err := checkID(n.ID); err != nil {
		return fmt.Errorf("node %q: %w", n.Label, err)
	}
	if _, dup := s.seen[n.ID]; dup {
		return fmt.Errorf("node %q: duplicate id", n.ID)
	}
	s.seen[n.ID] = true
	return nil
}

// edge checks an edge: non-empty unique ID, distinct from every node ID,
// and both endpoints already passed as nodes.
func (s *ids) edge(ctx context.Context, e *Edge) error {
	if err := s.tick(ctx); err != nil {
		return err
	}
	if err := checkID(e.ID); err != nil {
		return fmt.Errorf("edge %q -> %q: %w", e.Source, e.Target, err)
	}
	if isNode, dup := s.seen[e.ID]; dup {
		if isNode {
			return fmt.Errorf("edge %q: id is also a node id", e.ID)
		}
		return fmt.Errorf("edge %q: duplicate id", e.ID)
	}
	if !s.seen[e.Source] {
		return fmt.Errorf("edge %q: source %q is not a node", e.ID, e.Source)
	}
	if !s.seen[e.Target] {
		return fmt.Errorf("edge %q: target %q is not a node", e.ID, e.Target)
	}
	s.seen[e.ID] = false
	return nil
}

// checkID rejects IDs that some format could not write unchanged: empty,
// invalid UTF-8, or holding control characters (which XML cannot carry),
// so that two distinct IDs never become one in the output.
func checkID(id string) error {
	if id == "" {
		return errors.New("empty id")
	}
	if !utf8.ValidString(id) {
		return fmt.Errorf("id %q is not valid UTF-8", id)
	}
	for _, r := range id {
		if r < 0x20 || r == 0x7F || r == 0xFFFE || r == 0xFFFF {
			return fmt.Errorf("id %q holds a control character", id)
		}
	}
	return nil
}

func (s *ids) tick(ctx context.Context) error {
	s.n++
	if s.n&1023 == 1 {
		return ctx.Err()
	}
	return nil
}

// label is what a node shows: its Label, else its ID.
func (n *Node) label() string {
	if n.Label != "" {
		return n.Label
	}
	return n.ID
}

// label is what an edge shows: its Label, else its Kind.
func (e *Edge) label() string {
	if e.Label != "" {
		return e.Label
	}
	return e.Kind
}

// edgeField is one string property of an edge, in the fixed order every
// writer uses. Names are NMTOKEN-safe snake_case and avoid the names that
// consumers reserve (source, target, id, type).
type edgeField struct {
	name string
	get  func(*Edge) string
	key  string // GraphML key id: "e_" + name
}

func ef(name string, get func(*Edge) string) edgeField {
	return edgeField{name: name, get: get, key: "e_" + name}
}

var edgeFields = []edgeField{
	ef("kind", func(e *Edge) string { return e.Kind }),
	ef("label", func(e *Edge) string { return e.Label }),
	ef("stance", func(e *Edge) string { return e.Stance }),
	ef("cue", func(e *Edge) string { return e.Cue }),
	ef("status", func(e *Edge) string { return e.Status }),
	ef("thread", func(e *Edge) string { return e.Thread }),
	ef("answers", func(e *Edge) string { return e.Answers }),
	ef("answer_link", func(e *Edge) string { return e.AnswerLink }),
	ef("evidence", func(e *Edge) string { return e.Evidence }),
	ef("content", func(e *Edge) string { return e.Content }),
	ef("doc_id", func(e *Edge) string { return e.DocID }),
	ef("doc_title", func(e *Edge) string { return e.DocTitle }),
	ef("doc_url", func(e *Edge) string { return e.DocURL }),
	ef("date", func(e *Edge) string { return e.Date }),
	ef("claim_id", func(e *Edge) string { return e.ClaimID }),
}

// valid returns s with invalid UTF-8 replaced by U+FFFD: every format here
// is UTF-8, and several consumers reject or silently mangle bad bytes.
func valid(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	return strings.ToValidUTF8(s, "\uFFFD")
}

// errWriter wraps a bufio.Writer and remembers the first error, so that
// writers can emit many small pieces and check once per element.
type errWriter struct {
	*bufio.Writer
}

func newBuf(w io.Writer) errWriter {
	if bw, ok := w.(*bufio.Writer); ok && bw.Size() >= 32<<10 {
		return errWriter{bw}
	}
	return errWriter{bufio.NewWriterSize(w, 64<<10)}
}

// err returns the first write error, if any, without flushing.
func (w errWriter) err() error {
	_, err := w.Write(nil)
	return err
}

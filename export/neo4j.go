package export

import (
	"bufio"
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Every node in Neo4j carries the label Entity (claims shown as nodes too)
// plus a label made from its Type, so that one uniqueness constraint on
// Entity.id covers all of them. Relationship types are the edge label in
// UPPER_SNAKE_CASE (DENY, CHIEF_EXECUTIVE_OF), so no Cypher query needs
// backticks.
const baseLabel = "Entity"

// nodeLabel returns the Neo4j label for a node type, or "" for none.
func nodeLabel(typ string) string {
	l := identifier(typ, false)
	if l == baseLabel {
		return ""
	}
	return l
}

// relType returns the Neo4j relationship type of an edge.
func relType(e *Edge) string {
	if t := identifier(e.Label, true); t != "" {
		return t
	}
	if t := identifier(e.Kind, true); t != "" {
		return t
	}
	return "RELATED_TO"
}

// neo4j-admin import (Neo4j 5, "database import full"), with the importer's
// defaults: ',' delimiter, ';' array delimiter, '"' quotes doubled inside
// fields, no multi-line fields (line breaks in values become spaces, and ';'
// inside an alias becomes ','), one global ID space.

var neo4jNodeHeader = []string{"id:ID", "name", ":LABEL", "type", "kind", "aliases:string[]", "mentions:long", "documents:long"}

func neo4jRelHeader() []string {
	h := []string{":START_ID", ":END_ID", ":TYPE", "id"}
	for _, f := range edgeFields {
		h = append(h, f.name)
	}
	return h
}

// csvFiles keeps one CSV file per label or type. At most maxOpen are open
// at a time: the least recently written one is flushed and closed to make
// room, and reopened for appending when next written to.
type csvFiles struct {
	dir    string
	header []string
	files  map[string]*csvFile // by file name
	open   int
	clock  int
}

const maxOpen = 32

type csvFile struct {
	f    *os.File
	bw   *bufio.Writer
	cw   *csv.Writer
	used int // clock at the last write
}

func (c *csvFiles) writer(name string) (*csv.Writer, error) {
	c.clock++
	cf, known := c.files[name]
	if known && cf.f != nil {
		cf.used = c.clock
		return cf.cw, nil
	}
	if c.open >= maxOpen {
		var lru *csvFile
		for _, o := range c.files {
			if o.f != nil && (lru == nil || o.used < lru.used) {
				lru = o
			}
		}
		if err := c.close(lru); err != nil {
			return nil, err
		}
	}
	path := filepath.Join(c.dir, name)
	flag := os.O_WRONLY | os.O_CREATE | os.O_EXCL
	if known {
		flag = os.O_WRONLY | os.O_APPEND
	}
	f, err := os.OpenFile(path, flag, 0o644)
	if err != nil {
		return nil, err
	}
	bw := bufio.NewWriterSize(f, 32<<10)
	cf = &csvFile{f: f, bw: bw, cw: csv.NewWriter(bw), used: c.clock}
	c.files[name] = cf
	c.open++
	if !known {
		if err := cf.cw.Write(c.header); err != nil {
			return nil, err
		}
	}
	return cf.cw, nil
}

// close flushes and closes one open file.
func (c *csvFiles) close(cf *csvFile) error {
	cf.cw.Flush()
	err := cf.cw.Error()
	if err == nil {
		err = cf.bw.Flush()
	}
	if cerr := cf.f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		err = fmt.Errorf("%s: %w", filepath.Base(cf.f.Name()), err)
	}
	cf.f, cf.bw, cf.cw = nil, nil, nil
	c.open--
	return err
}

func (c *csvFiles) closeAll() error {
	var first error
	for _, cf := range c.files {
		if cf.f == nil {
			continue
		}
		if err := c.close(cf); err != nil && first == nil {
			first = err
		}
	}
	return first
}

func (c *csvFiles) names() []string {
	var names []string
	for n := range c.files {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// csvValue makes s safe for neo4j-admin without --multiline-fields: valid
// UTF-8, line breaks as spaces. A backslash is never written right before
// a quote character, where neo4j-admin with --legacy-style-quoting (and
// other CSV readers) would take it for an escape: one space goes between
// them.
func csvValue(s string) string {
	s = valid(s)
	if strings.ContainsAny(s, "\r\n") {
		s = strings.Join(strings.FieldsFunc(s, func(r rune) bool { return r == '\r' || r == '\n' }), " ")
	}
	if strings.Contains(s, `\"`) {
		s = strings.ReplaceAll(s, `\"`, `\ "`)
	}
	if strings.HasSuffix(s, `\`) && (strings.ContainsAny(s, `,"`) || s[0] == ' ' || s[0] == '\t') {
		s += " " // the field is quoted: keep its final backslash off the closing quote
	}
	return s
}

func writeNeo4jCSV(ctx context.Context, dir string, g Graph, opt Options) error {
	nodes := &csvFiles{dir: dir, header: neo4jNodeHeader, files: map[string]*csvFile{}}
	rels := &csvFiles{dir: dir, header: neo4jRelHeader(), files: map[string]*csvFile{}}
	defer nodes.closeAll()
	defer rels.closeAll()
	seen := newIDs()
	row := make([]string, 0, 16)
	err := g.Nodes(ctx, func(n Node) error {
		if err := seen.node(ctx, &n); err != nil {
			return err
		}
		label := nodeLabel(n.Type)
		labels := baseLabel
		file := "nodes_" + baseLabel + ".csv"
		if label != "" {
			labels += ";" + label
			file = "nodes_" + label + ".csv"
		}
		aliases := make([]string, 0, len(n.Aliases))
		for _, a := range n.Aliases {
			if a = strings.ReplaceAll(csvValue(a), ";", ","); a != "" {
				aliases = append(aliases, a)
			}
		}
		row = append(row[:0], csvValue(n.ID), csvValue(n.label()), labels, csvValue(n.Type), csvValue(n.Kind),
			strings.Join(aliases, ";"), strconv.Itoa(n.Mentions), strconv.Itoa(n.Documents))
		cw, err := nodes.writer(file)
		if err != nil {
			return err
		}
		return cw.Write(row)
	})
	if err != nil {
		return err
	}
	if err := nodes.closeAll(); err != nil {
		return err
	}
	err = g.Edges(ctx, func(e Edge) error {
		if err := seen.edge(ctx, &e); err != nil {
			return err
		}
		typ := relType(&e)
		row = append(row[:0], csvValue(e.Source), csvValue(e.Target), typ, csvValue(e.ID))
		for _, f := range edgeFields {
			row = append(row, csvValue(f.get(&e)))
		}
		cw, err := rels.writer("relationships_" + typ + ".csv")
		if err != nil {
			return err
		}
		return cw.Write(row)
	})
	if err != nil {
		return err
	}
	if err := rels.closeAll(); err != nil {
		return err
	}
	return writeImportScript(dir, nodes.names(), rels.names())
}

func writeImportScript(dir string, nodes, rels []string) error {
	var b strings.Builder
	b.WriteString(`#!/bin/sh
# Import this directory into a new Neo4j 5 database with neo4j-admin.
# Stop the database first; add --overwrite-destination to replace one.
#   ./import.sh [DATABASE]        (default: neo4j)
# Then in Cypher: CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;
set -e
cd "$(dirname "$0")"
exec neo4j-admin database import full --id-type=string --array-delimiter=';' \
`)
	for _, n := range nodes {
		b.WriteString("  --nodes=" + n + " \\\n")
	}
	for _, r := range rels {
		b.WriteString("  --relationships=" + r + " \\\n")
	}
	b.WriteString("  \"${1:-neo4j}\"\n")
	if err := os.WriteFile(filepath.Join(dir, "import.sh"), []byte(b.String()), 0o755); err != nil {
		return err
	}
	return nil
}

// Cypher: one statement per element, idempotent (MERGE on the stable id),
// strings single-quoted with \ and ' backslash-escaped.

func writeCypher(ctx context.Context, out io.Writer, g Graph, opt Options) error {
	w := newBuf(out)
	w.WriteString("// dossier graph: run with cypher-shell -f FILE (Neo4j 5). Idempotent: MERGE on stable ids.\n")
	w.WriteString("CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;\n")
	seen := newIDs()
	var b []byte
	err := g.Nodes(ctx, func(n Node) error {
		if err := seen.node(ctx, &n); err != nil {
			return err
		}
		b = append(b[:0], "MERGE (n:Entity {id: "...)
		b = appendCypher(b, n.ID)
		b = append(b, "}) SET "...)
		if l := nodeLabel(n.Type); l != "" {
			b = append(b, "n:"...)
			b = append(b, l...)
			b = append(b, ", "...)
		}
		b = append(b, "n.name = "...)
		b = appendCypher(b, n.label())
		b = cypherProp(b, "n", "type", n.Type)
		b = cypherProp(b, "n", "kind", n.Kind)
		if len(n.Aliases) > 0 {
			b = append(b, ", n.aliases = ["...)
			for i, a := range n.Aliases {
				if i > 0 {
					b = append(b, ", "...)
				}
				b = appendCypher(b, a)
			}
			b = append(b, ']')
		}
		b = append(b, ", n.mentions = "...)
		b = strconv.AppendInt(b, int64(n.Mentions), 10)
		b = append(b, ", n.documents = "...)
		b = strconv.AppendInt(b, int64(n.Documents), 10)
		b = append(b, ";\n"...)
		_, err := w.Write(b)
		return err
	})
	if err != nil {
		return err
	}
	err = g.Edges(ctx, func(e Edge) error {
		if err := seen.edge(ctx, &e); err != nil {
			return err
		}
		b = append(b[:0], "MATCH (a:Entity {id: "...)
		b = appendCypher(b, e.Source)
		b = append(b, "}) MATCH (b:Entity {id: "...)
		b = appendCypher(b, e.Target)
		b = append(b, "}) MERGE (a)-[r:"...)
		b = append(b, relType(&e)...)
		b = append(b, " {id: "...)
		b = appendCypher(b, e.ID)
		b = append(b, "}]->(b)"...)
		sep := " SET "
		for _, f := range edgeFields {
			v := f.get(&e)
			if v == "" {
				continue
			}
			b = append(b, sep...)
			sep = ", "
			b = append(b, "r."...)
			b = append(b, f.name...)
			b = append(b, " = "...)
			b = appendCypher(b, v)
		}
		b = append(b, ";\n"...)
		_, err := w.Write(b)
		return err
	})
	if err != nil {
		return err
	}
	return w.Flush()
}

func cypherProp(b []byte, v, name, value string) []byte {
	if value == "" {
		return b
	}
	b = append(b, ", "...)
	b = append(b, v...)
	b = append(b, '.')
	b = append(b, name...)
	b = append(b, " = "...)
	return appendCypher(b, value)
}

// appendCypher appends s as a single-quoted Cypher string literal.
func appendCypher(b []byte, s string) []byte {
	const hex = "0123456789ABCDEF"
	b = append(b, '\'')
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == '\'':
			b = append(b, `\'`...)
		case r == '\\':
			b = append(b, `\\`...)
		case r == '\n':
			b = append(b, `\n`...)
		case r == '\r':
			b = append(b, `\r`...)
		case r == '\t':
			b = append(b, `\t`...)
		case r == utf8.RuneError && size == 1:
			b = append(b, "\uFFFD"...)
		case r < 0x20 || r == 0x7F:
			b = append(b, '\\', 'u', '0', '0', hex[r>>4], hex[r&0xF])
		default:
			b = append(b, s[i:i+size]...)
		}
		i += size
	}
	return append(b, '\'')
}

package export

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/cayleygraph/quad"
	"github.com/dossier-project/dossier/schema"
)

// synthGraph generates a graph of n nodes and m edges on the fly, so that
// the benchmark measures the writer and not a fixture in memory. Edges
// cycle through three stances and carry an evidence sentence of about 150
// bytes with quotes, an ampersand and non-ASCII text.
type synthGraph struct{ n, m int }

var stances = [...]string{"deny", "say", "allege"}

func (g synthGraph) Nodes(ctx context.Context, fn func(Node) error) error {
	types := [...]string{schema.Person, schema.Organization, schema.Place}
	for i := 0; i < g.n; i++ {
		s := strconv.Itoa(i)
		if err := fn(Node{ID: "org/entity-" + s, Label: "Entity " + s, Type: types[i%3], Kind: "company",
			Aliases: []string{"E" + s, "Энтити " + s}, Mentions: i%50 + 1, Documents: i%7 + 1}); err != nil {
			return err
		}
	}
	return nil
}

func (g synthGraph) Edges(ctx context.Context, fn func(Edge) error) error {
	for i := 0; i < g.m; i++ {
		s := strconv.Itoa(i)
		st := stances[i%3]
		e := Edge{ID: "claim/" + s, Source: "org/entity-" + strconv.Itoa(i%g.n), Target: "org/entity-" + strconv.Itoa((i*7+1)%g.n),
			Kind: "claim", Label: st, Stance: st, Cue: st + "s", Status: "alleged",
			Evidence: `Entity ` + s + ` "strongly" ` + st + `s that it helped the agency & its partners steal <tools> — заявил the spokesman in a statement.`,
			Content:  "it helped the agency", DocID: "doc/" + strconv.Itoa(i%1000), DocTitle: "A news story",
			DocURL: "https://example.org/news/" + strconv.Itoa(i%1000) + "?a=1&b=2", Date: "2017-10-24", ClaimID: "c" + s}
		if err := fn(e); err != nil {
			return err
		}
	}
	return nil
}

// Quads: per node a type, a name and an alias; per edge a claimant, a
// stance and the evidence; each labelled with one of 1000 document IRIs.
func (g synthGraph) Quads(ctx context.Context, fn func(quad.Quad) error) error {
	docs := make([]quad.IRI, 1000)
	for i := range docs {
		docs[i] = quad.IRI(schema.NSID + "doc/" + strconv.Itoa(i))
	}
	typ := quad.IRI(schema.NSRDF + "type")
	name := quad.IRI(schema.NSSchema + "name")
	alt := quad.IRI(schema.NSSchema + "alternateName")
	claimant := quad.IRI(schema.NSDossier + "claimant")
	stance := quad.IRI(schema.NSDossier + "stance")
	evidence := quad.IRI(schema.NSDossier + "evidence")
	err := g.Nodes(ctx, func(n Node) error {
		s := quad.IRI(schema.NSID + n.ID)
		l := docs[n.Mentions%1000]
		for _, q := range []quad.Quad{
			{Subject: s, Predicate: typ, Object: quad.IRI(schema.NSSchema + n.Type), Label: l},
			{Subject: s, Predicate: name, Object: quad.String(n.Label), Label: l},
			{Subject: s, Predicate: alt, Object: quad.LangString{Value: quad.String(n.Aliases[1]), Lang: "ru"}, Label: l},
		} {
			if err := fn(q); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	return g.Edges(ctx, func(e Edge) error {
		s := quad.IRI(schema.NSID + e.ID)
		l := quad.IRI(schema.NSID + e.DocID)
		for _, q := range []quad.Quad{
			{Subject: s, Predicate: claimant, Object: quad.IRI(schema.NSID + e.Source), Label: l},
			{Subject: s, Predicate: stance, Object: quad.String(e.Stance), Label: l},
			{Subject: s, Predicate: evidence, Object: quad.String(e.Evidence), Label: l},
		} {
			if err := fn(q); err != nil {
				return err
			}
		}
		return nil
	})
}

type countWriter struct{ n int64 }

func (c *countWriter) Write(p []byte) (int, error) { c.n += int64(len(p)); return len(p), nil }

// BenchmarkWrite writes a synthetic graph of 100,000 nodes and 300,000
// edges (1.2 million quads for the RDF formats) per format; MB/s is output
// bytes per second.
//
//	go test ./export -run '^$' -bench Write -benchtime 3x -benchmem
func BenchmarkWrite(b *testing.B) {
	g := synthGraph{n: 100_000, m: 300_000}
	ctx := context.Background()
	// The cost of generating the input, to subtract from the formats below.
	b.Run("source-graph", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			g.Nodes(ctx, func(Node) error { return nil })
			g.Edges(ctx, func(Edge) error { return nil })
		}
	})
	b.Run("source-quads", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			g.Quads(ctx, func(quad.Quad) error { return nil })
		}
	})
	for _, f := range Formats() {
		b.Run(f.Name, func(b *testing.B) {
			if f.Dir {
				dir := b.TempDir()
				var size int64
				for i := 0; i < b.N; i++ {
					out := filepath.Join(dir, strconv.Itoa(i))
					if err := os.Mkdir(out, 0o755); err != nil {
						b.Fatal(err)
					}
					if err := f.WriteDir(ctx, out, g, Options{}); err != nil {
						b.Fatal(err)
					}
					if i == 0 {
						entries, _ := os.ReadDir(out)
						for _, e := range entries {
							fi, _ := e.Info()
							size += fi.Size()
						}
						b.SetBytes(size)
					}
					os.RemoveAll(out)
				}
				return
			}
			var cw countWriter
			if err := f.Write(ctx, &cw, g, Options{}); err != nil {
				b.Fatal(err)
			}
			b.SetBytes(cw.n)
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if err := f.Write(ctx, io.Discard, g, Options{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkTimeline writes 100,000 events per format.
func BenchmarkTimeline(b *testing.B) {
	events := make([]Event, 100_000)
	for i := range events {
		events[i] = Event{Date: "2017-10-24", Entity: "Entity " + strconv.Itoa(i%500), EntityID: "org/e-" + strconv.Itoa(i%500),
			What: "Entity denies: it helped the agency & its partners", Kind: "claim", Stance: "deny",
			Evidence: `"We never helped them," the <spokesman> said — заявил.`, DocID: "doc/1", DocTitle: "A news story", DocURL: "https://example.org/1"}
	}
	for _, format := range TimelineFormats {
		b.Run(format, func(b *testing.B) {
			var cw countWriter
			if err := WriteTimeline(&cw, format, events); err != nil {
				b.Fatal(err)
			}
			b.SetBytes(cw.n)
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if err := WriteTimeline(io.Discard, format, events); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

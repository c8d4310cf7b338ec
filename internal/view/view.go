// Package view presents the stored graph as the exporters see it: one
// node per entity and one edge per relation or claim (claimant to each
// entity the claim is about), or with claims as nodes of their own,
// streamed from the store and filtered.
package view

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/cayleygraph/quad"

	"github.com/dossier-project/dossier/export"
	"github.com/dossier-project/dossier/graph"
	"github.com/dossier-project/dossier/schema"
)

// Filter selects part of the graph. The zero Filter selects everything.
type Filter struct {
	// Entity, with Depth, keeps the neighbourhood of one entity (an ID):
	// the entities within Depth edges of it.
	Entity string
	Depth  int
	// Since and Until keep the claims and relations dated within them
	// (inclusive, at the precision given).
	Since, Until schema.Date
	// Stance keeps only claims of this stance (and no relations).
	Stance string
	// Type keeps only entities of this type.
	Type string
	// MinMentions keeps only entities mentioned at least this often.
	MinMentions int
	// ClaimsAsNodes makes each claim a node, linked to its claimant, the
	// entities it is about and its channel.
	ClaimsAsNodes bool
}

// Graph adapts a store to export.Graph and export.QuadSource.
type Graph struct {
	St     *graph.Store
	Filter Filter

	keep map[string]bool // the neighbourhood, when Filter.Entity is set
	// written is the set of entity IDs the Nodes pass wrote, so that the
	// Edges pass that follows need not read every entity again.
	written map[string]bool
}

var (
	_ export.Graph      = (*Graph)(nil)
	_ export.QuadSource = (*Graph)(nil)
)

// New returns the filtered view of st. With an entity filter it first
// walks the neighbourhood, which must exist.
func New(ctx context.Context, st *graph.Store, f Filter) (*Graph, error) {
	g := &Graph{St: st, Filter: f}
	if f.Entity != "" {
		keep, err := neighbourhood(ctx, st, f.Entity, f.Depth)
		if err != nil {
			return nil, err
		}
		g.keep = keep
	}
	return g, nil
}

// neighbourhood is the set of entity IDs within depth edges of id.
func neighbourhood(ctx context.Context, st *graph.Store, id string, depth int) (map[string]bool, error) {
	keep := map[string]bool{id: true}
	frontier := []string{id}
	for d := 0; d < depth && len(frontier) > 0; d++ {
		var next []string
		add := func(e *graph.EntityRef) {
			if e != nil && e.ID != "" && !keep[e.ID] {
				keep[e.ID] = true
				next = append(next, e.ID)
			}
		}
		for _, n := range frontier {
			for _, f := range []graph.ClaimFilter{{By: n}, {About: n}} {
				cs, err := st.Claims(ctx, f)
				if err != nil {
					return nil, err
				}
				for _, c := range cs {
					add(c.Claimant)
					add(c.Channel)
					for i := range c.About {
						add(&c.About[i])
					}
				}
			}
			rs, err := st.Relations(ctx, n)
			if err != nil {
				return nil, err
			}
			for _, r := range rs {
				add(&r.Subject)
				add(&r.Object)
			}
		}
		frontier = next
	}
	return keep, nil
}

func (g *Graph) entityOK(id string) bool { return g.keep == nil || g.keep[id] }

// dated reports whether a date passes Since and Until; an undated edge
// passes only when neither is set.
func (g *Graph) dated(d schema.Date) bool {
	f := g.Filter
	if f.Since == "" && f.Until == "" {
		return true
	}
	if d == "" {
		return false
	}
	cut := func(a, b schema.Date) (string, string) {
		n := min(len(a), len(b))
		return string(a)[:n], string(b)[:n]
	}
	if f.Since != "" {
		if a, b := cut(d, f.Since); a < b {
			return false
		}
	}
	if f.Until != "" {
		if a, b := cut(d, f.Until); a > b {
			return false
		}
	}
	return true
}

// Nodes streams the entities that pass the filter, then, with claims as
// nodes, the claims.
func (g *Graph) Nodes(ctx context.Context, fn func(export.Node) error) error {
	ok := make(map[string]bool)
	err := g.St.EachEntity(ctx, g.Filter.Type, func(e graph.EntityInfo) error {
		if !g.entityOK(e.ID) || e.Mentions < g.Filter.MinMentions {
			return nil
		}
		ok[e.ID] = true
		return fn(export.Node{ID: e.ID, Label: e.Name, Type: e.Type, Kind: e.Kind, Aliases: e.Aliases,
			Mentions: e.Mentions, Documents: e.Documents})
	})
	if err != nil {
		return err
	}
	g.written = ok
	if !g.Filter.ClaimsAsNodes {
		return nil
	}
	// Claims become nodes when at least one entity they link passes.
	return g.St.EachClaim(ctx, graph.ClaimFilter{Stance: g.Filter.Stance}, func(c graph.ClaimInfo) error {
		if !g.dated(c.Date) || len(claimLinks(c, ok)) == 0 {
			return nil
		}
		return fn(export.Node{ID: claimID(c), Label: claimLabel(c), Type: "Claim", Kind: c.Stance})
	})
}

// nodeSet lists the entity IDs that pass the node filters, so that edges
// only join nodes that were written: those of the Nodes pass when it ran,
// else read anew. It holds one string per entity.
func (g *Graph) nodeSet(ctx context.Context) (map[string]bool, error) {
	if g.written != nil {
		return g.written, nil
	}
	ok := make(map[string]bool)
	err := g.St.EachEntity(ctx, g.Filter.Type, func(e graph.EntityInfo) error {
		if g.entityOK(e.ID) && e.Mentions >= g.Filter.MinMentions {
			ok[e.ID] = true
		}
		return nil
	})
	return ok, err
}

// Edges streams relations and claims whose ends both passed.
func (g *Graph) Edges(ctx context.Context, fn func(export.Edge) error) error {
	ok, err := g.nodeSet(ctx)
	if err != nil {
		return err
	}
	if g.Filter.Stance == "" {
		err := g.St.EachRelation(ctx, func(r graph.RelationInfo) error {
			if !ok[r.Subject.ID] || !ok[r.Object.ID] || !g.dated(r.Document.Date) {
				return nil
			}
			return fn(export.Edge{
				ID: "rel:" + localID(r.IRI), Source: r.Subject.ID, Target: r.Object.ID,
				Kind: "relation", Label: r.Predicate, Evidence: r.Evidence.Text, Confidence: 1,
				DocID: r.Document.ID, DocTitle: r.Document.Title, DocURL: r.Document.URL, Date: string(r.Document.Date),
			})
		})
		if err != nil {
			return err
		}
	}
	threads, err := g.St.Threads(ctx, graph.ThreadFilter{})
	if err != nil {
		return err
	}
	// The thread of each allegation and linked answer, and the thread's
	// status for its allegations.
	threadOf := make(map[string]*graph.Thread)
	answerOf := make(map[string]*graph.ThreadAnswer)
	for i := range threads {
		t := &threads[i]
		for _, r := range t.Reports {
			threadOf[r.IRI] = t
		}
		for j := range t.Answers {
			a := &t.Answers[j]
			threadOf[a.IRI] = t
			if answerOf[a.IRI] == nil {
				answerOf[a.IRI] = a
			}
		}
	}
	return g.St.EachClaim(ctx, graph.ClaimFilter{Stance: g.Filter.Stance}, func(c graph.ClaimInfo) error {
		if !g.dated(c.Date) {
			return nil
		}
		thread := ""
		if t := threadOf[c.IRI]; t != nil {
			thread = t.ID
			if graph.IsAllegation(c.Stance) {
				c.Status = t.Status
			}
		}
		base := export.Edge{Stance: c.Stance, Cue: c.Cue.Text, Status: c.Status, Thread: thread,
			Evidence: c.Evidence.Text, Content: c.Content.Text,
			DocID: c.Document.ID, DocTitle: c.Document.Title, DocURL: c.Document.URL, Date: string(c.Date),
			ClaimID: c.IRI, Confidence: confidence(c)}
		if a := answerOf[c.IRI]; a != nil {
			base.Answers, base.AnswerLink = a.Allegation, fmt.Sprintf("%.2f: %s", a.Score, a.Reason)
		}
		if g.Filter.ClaimsAsNodes {
			for i, l := range claimLinks(c, ok) {
				e := base
				e.ID = claimID(c) + ":" + l.kind + ":" + strconv.Itoa(i)
				e.Kind, e.Label = l.kind, l.kind
				e.Source, e.Target = claimID(c), l.id
				if l.kind == "claimant" {
					e.Source, e.Target = l.id, claimID(c)
				}
				if err := fn(e); err != nil {
					return err
				}
			}
			return nil
		}
		if c.Claimant == nil || !ok[c.Claimant.ID] {
			return nil
		}
		for _, a := range c.About {
			if a.ID == c.Claimant.ID || !ok[a.ID] {
				continue
			}
			e := base
			e.ID = claimID(c) + ":" + a.ID
			e.Source, e.Target = c.Claimant.ID, a.ID
			e.Kind, e.Label = "claim", c.Stance
			if err := fn(e); err != nil {
				return err
			}
		}
		return nil
	})
}

// confidence is how plainly the text makes a claim: 1, or 0.5 when it
// is hedged ("reportedly", "allegedly", "no evidence").
func confidence(c graph.ClaimInfo) float64 {
	if len(c.Hedges) > 0 {
		return 0.5
	}
	return 1
}

type link struct{ kind, id string }

// claimLinks are the edges of a claim shown as a node, to entities in ok.
func claimLinks(c graph.ClaimInfo, ok map[string]bool) []link {
	var out []link
	if c.Claimant != nil && ok[c.Claimant.ID] {
		out = append(out, link{"claimant", c.Claimant.ID})
	}
	for _, a := range c.About {
		if ok[a.ID] {
			out = append(out, link{"about", a.ID})
		}
	}
	if c.Channel != nil && ok[c.Channel.ID] {
		out = append(out, link{"channel", c.Channel.ID})
	}
	return out
}

// claimID is a claim's stable node ID: "claim:" and the document hash's
// first 16 digits and the claim's number in it.
func claimID(c graph.ClaimInfo) string { return "claim:" + localID(c.IRI) }

// localID shortens a part IRI (".../doc/HASH/c3") to "HASH16/c3".
func localID(iri string) string {
	rest := strings.TrimPrefix(iri, schema.NSID+"doc/")
	hash, part, _ := strings.Cut(rest, "/")
	if len(hash) > 16 {
		hash = hash[:16]
	}
	return hash + "/" + part
}

// claimLabel is a claim's readable label: "Eugene Kaspersky denies: ...".
func claimLabel(c graph.ClaimInfo) string {
	who := c.ClaimantText
	if c.Claimant != nil {
		who = c.Claimant.Name
	}
	content := []rune(strings.Join(strings.Fields(c.Content.Text), " "))
	if len(content) > 80 {
		content = append(content[:79], '…')
	}
	return fmt.Sprintf("%s %s: %s", who, c.Cue.Text, string(content))
}

// Quads streams every stored quad, for the RDF formats. Filters do not
// apply: the RDF export is the lossless one.
func (g *Graph) Quads(ctx context.Context, fn func(quad.Quad) error) error {
	return g.St.EachQuad(ctx, fn)
}

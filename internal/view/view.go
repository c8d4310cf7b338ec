// Package view presents the stored graph as the exporters see it: one
// node per entity and one edge per relation or claim (claimant to each
// entity the claim is about), streamed from the store.
package view

import (
	"context"
	"strconv"

	"github.com/cayleygraph/quad"

	"github.com/dossier-project/dossier/export"
	"github.com/dossier-project/dossier/graph"
)

// Graph adapts a store to export.Graph and export.QuadSource.
type Graph struct {
	St *graph.Store
}

var (
	_ export.Graph      = (*Graph)(nil)
	_ export.QuadSource = (*Graph)(nil)
)

// Nodes streams every entity.
func (g *Graph) Nodes(ctx context.Context, fn func(export.Node) error) error {
	return g.St.EachEntity(ctx, "", func(e graph.EntityInfo) error {
		return fn(export.Node{ID: e.ID, Label: e.Name, Type: e.Type, Kind: e.Kind, Aliases: e.Aliases,
			Mentions: e.Mentions, Documents: e.Documents})
	})
}

// Edges streams every relation, then every claim as one edge from its
// claimant to each entity it is about.
func (g *Graph) Edges(ctx context.Context, fn func(export.Edge) error) error {
	rels, err := g.St.Relations(ctx, "")
	if err != nil {
		return err
	}
	for i, r := range rels {
		if r.Subject.ID == "" || r.Object.ID == "" {
			continue
		}
		err := fn(export.Edge{
			ID: "r:" + r.Document.Hash[:16] + ":" + strconv.Itoa(i), Source: r.Subject.ID, Target: r.Object.ID,
			Kind: "relation", Label: r.Predicate, Evidence: r.Evidence.Text,
			DocID: r.Document.ID, DocTitle: r.Document.Title, DocURL: r.Document.URL, Date: string(r.Document.Date),
		})
		if err != nil {
			return err
		}
	}
	status, err := g.St.Statuses(ctx)
	if err != nil {
		return err
	}
	return g.St.EachClaim(ctx, graph.ClaimFilter{}, func(c graph.ClaimInfo) error {
		if c.Claimant == nil {
			return nil
		}
		for _, a := range c.About {
			if a.ID == c.Claimant.ID {
				continue
			}
			err := fn(export.Edge{
				ID: "c:" + c.Document.Hash[:16] + ":" + c.ID + ":" + a.ID, Source: c.Claimant.ID, Target: a.ID,
				Kind: "claim", Label: c.Stance, Stance: c.Stance, Cue: c.Cue.Text, Status: status[c.IRI],
				Evidence: c.Evidence.Text, Content: c.Content.Text,
				DocID: c.Document.ID, DocTitle: c.Document.Title, DocURL: c.Document.URL, Date: string(c.Date),
				ClaimID: c.IRI,
			})
			if err != nil {
				return err
			}
		}
		return nil
	})
}

// Quads streams every stored quad, for the RDF formats.
func (g *Graph) Quads(ctx context.Context, fn func(quad.Quad) error) error {
	return g.St.EachQuad(ctx, fn)
}

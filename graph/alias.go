package graph

import (
	"context"
	"sync"

	"github.com/cayleygraph/quad"

	"github.com/dossier-project/dossier/schema"
)

// Cross-document resolution of acronyms.
//
// A document that defines an acronym ("Federal Security Service (FSB)")
// ties the acronym's own ID (org/fsb) to the expansion's
// (org/federal-security-service) with a dossier:sameAs quad. From then on
// a document that only says "FSB" is written under the expansion's ID, and
// an org/fsb node written before the tie is folded into the expansion when
// read: Find, show, claims and exports see one entity.

// sameAsQuads returns the ties an extraction result states: each acronym
// merged by definition points at its entity.
func sameAsQuads(r *schema.Result, label quad.Value) []quad.Quad {
	var out []quad.Quad
	seen := make(map[string]bool)
	for _, e := range r.Entities {
		for _, m := range e.Merges {
			if m.Rule != "acronym-definition" {
				continue
			}
			from := schema.Key(e.Type, m.Alias)
			if from == e.ID || seen[from] {
				continue
			}
			seen[from] = true
			out = append(out, quad.Quad{Subject: quad.IRI(schema.EntityIRI(from)), Predicate: quad.IRI(schema.PredSameAs),
				Object: quad.IRI(schema.EntityIRI(e.ID)), Label: label},
				quad.Quad{Subject: quad.IRI(schema.TiesIRI), Predicate: quad.IRI(schema.PredTie),
					Object: quad.IRI(schema.EntityIRI(from)), Label: label})
		}
	}
	return out
}

// canonicalIDs rewrites the entity IDs of r that an earlier document tied
// to another entity (or that pending, ties made earlier in the same batch,
// does), and records r's own ties in pending (and the names of their
// targets in pendingNames). It returns r unchanged when
// nothing is tied, else a copy.
func (s *Store) canonicalIDs(ctx context.Context, r *schema.Result, pending, pendingNames map[string]string) (*schema.Result, error) {
	mapping := make(map[string]string)
	names := make(map[string]string)
	for _, e := range r.Entities {
		to, ok := pending[e.ID]
		if ok {
			names[to] = pendingNames[to]
		} else {
			vs, err := s.objects(ctx, quad.IRI(schema.EntityIRI(e.ID)), schema.PredSameAs)
			if err != nil {
				return nil, err
			}
			if len(vs) > 0 {
				to, _ = schema.EntityIDOf(iriString(vs[0]))
				ns, err := s.objects(ctx, vs[0], schema.PredName)
				if err != nil {
					return nil, err
				}
				names[to] = first(ns)
			}
		}
		if to != "" && to != e.ID {
			mapping[e.ID] = to
		}
	}
	for _, e := range r.Entities {
		for _, m := range e.Merges {
			if m.Rule == "acronym-definition" {
				if from := schema.Key(e.Type, m.Alias); from != e.ID {
					pending[from] = e.ID
					pendingNames[e.ID] = e.Name
				}
			}
		}
	}
	if len(mapping) == 0 {
		return r, nil
	}
	out := *r
	out.Entities = make([]schema.Entity, 0, len(r.Entities))
	index := make(map[string]int)
	for _, e := range r.Entities {
		// Only the ID and name change: the document's quads are as many
		// whichever order the documents arrive in, so parallel ingests
		// give the same graph as a sequential one.
		if to, ok := mapping[e.ID]; ok {
			e.ID = to
			if names[to] != "" {
				e.Name = names[to]
			}
		}
		if i, ok := index[e.ID]; ok {
			out.Entities[i].Mentions = append(out.Entities[i].Mentions, e.Mentions...)
			out.Entities[i].Aliases = append(out.Entities[i].Aliases, e.Aliases...)
			continue
		}
		index[e.ID] = len(out.Entities)
		out.Entities = append(out.Entities, e)
	}
	m := func(id string) string {
		if to, ok := mapping[id]; ok {
			return to
		}
		return id
	}
	out.Claims = make([]schema.Claim, len(r.Claims))
	for i, c := range r.Claims {
		c.Claimant = schema.Ref(m(string(c.Claimant)))
		c.Channel = schema.Ref(m(string(c.Channel)))
		c.Target = schema.Ref(m(string(c.Target)))
		about := make([]string, len(c.About))
		for j, a := range c.About {
			about[j] = m(a)
		}
		c.About = about
		out.Claims[i] = c
	}
	out.Relations = make([]schema.Relation, len(r.Relations))
	for i, rel := range r.Relations {
		rel.Subject, rel.Object = m(rel.Subject), m(rel.Object)
		out.Relations[i] = rel
	}
	return &out, nil
}

// tieCache holds the store's sameAs ties in memory: they are few, and
// asking the store for them node by node costs a scan of each node's quads.
// It is dropped after every write; PostgreSQL, which other processes
// write to, is never cached.
type tieCache struct {
	mu   sync.Mutex
	ok   bool
	to   map[string]quad.Value   // node -> the entity it is tied to
	from map[string][]quad.Value // entity -> the nodes tied to it
}

func (c *tieCache) reset() {
	c.mu.Lock()
	c.ok = false
	c.mu.Unlock()
}

// loadTies returns the ties, reading them from the store when needed.
func (s *Store) loadTies(ctx context.Context) (map[string]quad.Value, map[string][]quad.Value, error) {
	c := &s.ties
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.ok && s.backend != BackendPostgres {
		return c.to, c.from, nil
	}
	to := make(map[string]quad.Value)
	from := make(map[string][]quad.Value)
	tied, err := s.objects(ctx, quad.IRI(schema.TiesIRI), schema.PredTie)
	if err != nil {
		return nil, nil, err
	}
	for _, n := range tied {
		vs, err := s.objects(ctx, n, schema.PredSameAs)
		if err != nil {
			return nil, nil, err
		}
		if len(vs) > 0 {
			to[n.String()] = vs[0]
			from[vs[0].String()] = append(from[vs[0].String()], n)
		}
	}
	c.to, c.from, c.ok = to, from, true
	return to, from, nil
}

// canonical returns the entity a node was tied to, or v itself.
func (s *Store) canonical(ctx context.Context, v quad.Value) (quad.Value, error) {
	to, _, err := s.loadTies(ctx)
	if err != nil {
		return v, err
	}
	if c, ok := to[v.String()]; ok {
		return c, nil
	}
	return v, nil
}

// tiedTo returns the nodes tied to v (their mentions and claims are v's).
func (s *Store) tiedTo(ctx context.Context, v quad.Value) ([]quad.Value, error) {
	_, from, err := s.loadTies(ctx)
	return from[v.String()], err
}

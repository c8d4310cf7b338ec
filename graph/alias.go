package graph

import (
	"context"
	"fmt"
	"sort"
	"sync"

	"github.com/cayleygraph/quad"

	"github.com/dossier-project/dossier/schema"
)

// Cross-document resolution of acronyms.
//
// A document that defines an acronym ("Federal Security Service (FSB)")
// ties the acronym's own ID (org/fsb) to the expansion's
// (org/federal-security-service) with a dossier:sameAs quad, listed on the
// ties node. Every document is written as extracted; the ties are applied
// when reading: Find, show, claims and exports fold a tied node into the
// entity it is tied to, whether it was written before or after the tie. So
// the graph never depends on the order documents arrive in.

// sameAsQuads returns the ties an extraction result states: each acronym
// merged by definition points at its entity, each organisation named with
// a legal form at its name without (legal.go), each ticker written after
// an organisation's name at that organisation (ticker.go), each short name
// merged into an organisation at that organisation (shortname.go).
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
			out = append(out, tieQuads(from, e.ID, label)...)
		}
	}
	out = append(out, legalQuads(r, label)...)
	out = append(out, tickerQuads(r, label)...)
	return append(out, shortQuads(r, label)...)
}

// tieQuads returns the quads by which a document ties the node of ID from
// to the entity of ID to: the dossier:sameAs statement, and from's place
// on the ties node, which lets the ties be read without a scan.
func tieQuads(from, to string, label quad.Value) []quad.Quad {
	return []quad.Quad{
		{Subject: quad.IRI(schema.EntityIRI(from)), Predicate: quad.IRI(schema.PredSameAs), Object: quad.IRI(schema.EntityIRI(to)), Label: label},
		{Subject: quad.IRI(schema.TiesIRI), Predicate: quad.IRI(schema.PredTie), Object: quad.IRI(schema.EntityIRI(from)), Label: label},
	}
}

// tieCache holds the store's sameAs ties in memory: they are few, and
// asking the store for them node by node costs a scan of each node's quads.
// It is dropped after every write; a shared store (PostgreSQL), which
// other processes write to, keeps it only while the store's version is
// the one it was read at (Store.fresh).
type tieCache struct {
	mu   sync.Mutex
	ok   bool
	to   map[string]quad.Value   // node -> the entity it is tied to
	from map[string][]quad.Value // entity -> the nodes tied to it
	// surnames caches surname links (surname.go) by surname and sex.
	surnames map[string]surnameLink
	// tiedBySurname, when set, lists for every full-name person the
	// surname-only IDs read as it (prefetchSurnames).
	tiedBySurname map[string][]string
	// version is the shared store's version the cache was read at, when
	// versioned (see Store.fresh).
	version   int64
	versioned bool
}

// valid reports whether what the cache holds may be used: always on a
// store only this process writes, and on a shared one while its version
// is the one the cache was read at.
func (c *tieCache) valid(shared bool) bool { return !shared || c.versioned }

func (c *tieCache) reset() {
	c.mu.Lock()
	c.ok = false
	c.surnames, c.tiedBySurname = nil, nil
	c.mu.Unlock()
}

// loadTies returns the ties, reading them from the store when needed.
func (s *Store) loadTies(ctx context.Context) (map[string]quad.Value, map[string][]quad.Value, error) {
	c := &s.ties
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.ok && c.valid(s.shared) {
		return c.to, c.from, nil
	}
	to := make(map[string]quad.Value)
	from := make(map[string][]quad.Value)
	var votes map[string]map[string]int // tied ID -> the IDs documents tie it to -> documents
	if idx := s.index(); idx != nil {
		err := s.indexView(ctx, idx, func(v IndexView) error {
			var err error
			votes, err = v.Ties()
			return err
		})
		if err != nil {
			return nil, nil, err
		}
	} else {
		tied, err := s.objects(ctx, quad.IRI(schema.TiesIRI), schema.PredTie)
		if err != nil {
			return nil, nil, err
		}
		votes = make(map[string]map[string]int, len(tied))
		for _, n := range tied {
			nid, ok := schema.EntityIDOf(iriString(n))
			if !ok {
				continue
			}
			// The documents (labels) that tie n to each entity.
			docs := make(map[string]int)
			seen := make(map[[2]string]bool)
			err := each(ctx, s.QuadStore(), quad.Subject, n, func(q quad.Quad) error {
				id, ok := schema.EntityIDOf(iriString(q.Object))
				k := [2]string{id, fmt.Sprint(q.Label)}
				if ok && iriIs(q.Predicate, schema.PredSameAs) && !seen[k] {
					seen[k] = true
					docs[id]++
				}
				return nil
			})
			if err != nil {
				return nil, nil, err
			}
			if len(docs) > 0 {
				votes[nid] = docs
			}
		}
	}
	tickers := make(map[string]map[string]int)
	shorts := make(map[string]map[string]int)
	for n, docs := range votes {
		if isTickerNode(n) {
			tickers[n] = docs
			continue
		}
		if isShortNode(n) {
			shorts[n] = docs
			continue
		}
		to[tieKey(n)] = quad.IRI(schema.EntityIRI(BestTie(docs)))
	}
	if err := s.finishTies(ctx, to, from, tickers, shorts); err != nil {
		return nil, nil, err
	}
	c.to, c.from, c.ok = to, from, true
	return to, from, nil
}

// finishTies resolves the legal-form ties among the ties read (foldLegal),
// then the tickers' (foldTickers), then the short names' (foldShort) and
// chains of ties, then fills from, the nodes tied to each entity.
func (s *Store) finishTies(ctx context.Context, to map[string]quad.Value, from map[string][]quad.Value,
	tickers, shorts map[string]map[string]int) error {
	sets := tickerSets(tickers)
	if err := s.foldLegal(ctx, to, sets); err != nil {
		return err
	}
	resolveChains(to)
	if err := s.foldTickers(ctx, to, tickers); err != nil {
		return err
	}
	resolveChains(to)
	if err := s.foldShort(ctx, to, shorts, sets); err != nil {
		return err
	}
	resolveChains(to)
	for n, v := range to {
		from[v.String()] = append(from[v.String()], iriOfKey(n))
	}
	sortTies(from)
	return nil
}

// BestTie returns, of the entities that documents tie one node to (an
// acronym to its expansion) with the number of documents that give each,
// the one the most documents give, then the smallest ID: the expansion
// the stories agree on ("Organization of Petroleum Exporting Countries")
// over one story's misspelling, whatever order they were written in.
func BestTie(docs map[string]int) string {
	best, n := "", 0
	for id, d := range docs {
		if d > n || d == n && id < best {
			best, n = id, d
		}
	}
	return best
}

// sortTies orders the nodes tied to each entity by IRI, so that what they
// add to it comes in the same order from any backend.
func sortTies(from map[string][]quad.Value) {
	for _, vs := range from {
		sort.Slice(vs, func(i, j int) bool { return vs[i].String() < vs[j].String() })
	}
}

// canonical returns the entity a node was tied to (by an acronym, or as a
// surname-only person read as a full name: surname.go), or v itself.
func (s *Store) canonical(ctx context.Context, v quad.Value) (quad.Value, error) {
	to, _, err := s.loadTies(ctx)
	if err != nil {
		return v, err
	}
	if c, ok := to[v.String()]; ok {
		return c, nil
	}
	if id, ok := schema.EntityIDOf(iriString(v)); ok {
		if t, err := s.surnameTarget(ctx, id); err != nil {
			return v, err
		} else if t != "" {
			return quad.IRI(schema.EntityIRI(t)), nil
		}
	}
	return v, nil
}

// tiedTo returns the nodes tied to v (their mentions and claims are v's):
// acronyms, then surname-only persons read as v.
func (s *Store) tiedTo(ctx context.Context, v quad.Value) ([]quad.Value, error) {
	_, from, err := s.loadTies(ctx)
	if err != nil {
		return nil, err
	}
	out := from[v.String()]
	if id, ok := schema.EntityIDOf(iriString(v)); ok && fullPerson(id) {
		bare, err := s.surnameTied(ctx, id)
		if err != nil {
			return nil, err
		}
		if len(bare) > 0 {
			out = append([]quad.Value(nil), out...)
			for _, b := range bare {
				out = append(out, quad.IRI(schema.EntityIRI(b)))
			}
		}
	}
	return out, nil
}

// canonicalID returns the entity ID an ID was tied to, or id itself.
func (s *Store) canonicalID(ctx context.Context, id string) (string, error) {
	c, err := s.canonical(ctx, quad.IRI(schema.EntityIRI(id)))
	if err != nil {
		return id, err
	}
	if cid, ok := schema.EntityIDOf(iriString(c)); ok {
		return cid, nil
	}
	return id, nil
}

// tiedIDs returns the IDs tied to an entity ID.
func (s *Store) tiedIDs(ctx context.Context, id string) ([]string, error) {
	vs, err := s.tiedTo(ctx, quad.IRI(schema.EntityIRI(id)))
	out := make([]string, 0, len(vs))
	for _, v := range vs {
		if tid, ok := schema.EntityIDOf(iriString(v)); ok {
			out = append(out, tid)
		}
	}
	return out, err
}

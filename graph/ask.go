package graph

import (
	"context"
	"errors"
	"fmt"
	"sort"

	"github.com/cayleygraph/quad"

	"github.com/dossier-project/dossier/schema"
)

// ErrInvalid means a question was asked with a bad parameter: a depth or
// hop count out of range, a path from an entity to itself.
var ErrInvalid = errors.New("invalid argument")

// Bounds on the graph questions. A question outside them is ErrInvalid.
const (
	// MaxDepth is the deepest neighbourhood Neighbours returns.
	MaxDepth = 4
	// MaxHops is the longest path Path looks for.
	MaxHops = 10
	// MaxNodes is the largest neighbourhood Neighbours returns.
	MaxNodes = 1000
	// MaxPaths is how many shortest paths Path returns at most.
	MaxPaths = 5
	// maxLinksPerEntity bounds the claims and relations read for one
	// entity: a hub mentioned in every article does not read the store
	// whole. A neighbourhood that hit it is marked Truncated.
	maxLinksPerEntity = 5000
)

// Edge kinds and claim roles.
const (
	EdgeRelation = "relation"
	EdgeClaim    = "claim"

	RoleAbout   = "about"
	RoleTarget  = "target"
	RoleChannel = "channel"
)

// Edge is one connection between two entities with the evidence for it: a
// structural relation (From is the subject, To the object), or a claim
// (From is the claimant, To an entity the claim is about, targets, or the
// outlet it was made to).
type Edge struct {
	From EntityRef `json:"from"`
	To   EntityRef `json:"to"`
	// Kind is EdgeRelation or EdgeClaim.
	Kind string `json:"kind"`
	// Label is the relation's predicate or the claim's stance.
	Label string `json:"label"`
	// Role says how To figures in a claim: RoleAbout, RoleTarget or
	// RoleChannel.
	Role string `json:"role,omitempty"`
	// Cue is the claim's attribution words ("denies", "told"); zero for a
	// relation.
	Cue     schema.Span `json:"cue"`
	Content string      `json:"content,omitempty"`
	Hedges  []string    `json:"hedges,omitempty"`
	// Claim is the claim's IRI; empty for a relation.
	Claim    string      `json:"claim,omitempty"`
	Date     schema.Date `json:"date,omitempty"`
	Evidence schema.Span `json:"evidence"`
	Document DocInfo     `json:"document"`
}

// Node is an entity in a neighbourhood, with its distance from the centre.
type Node struct {
	EntityInfo
	Depth int `json:"depth"`
}

// Neighbourhood is an entity, the entities within some hops of it, and
// the edges between them.
type Neighbourhood struct {
	Center string `json:"center"`
	Depth  int    `json:"depth"`
	// Nodes lists the centre first, then by depth, the most connected
	// first within a depth.
	Nodes []Node `json:"nodes"`
	Edges []Edge `json:"edges"`
	// Truncated is true when the node limit (or the per-entity bound on
	// claims and relations read) left some neighbours out.
	Truncated bool `json:"truncated"`
}

// Hop is one step of a path: two entities and every edge between them.
type Hop struct {
	From  EntityRef `json:"from"`
	To    EntityRef `json:"to"`
	Edges []Edge    `json:"edges"`
}

// Path is a chain of hops from one entity to another.
type Path struct {
	Hops []Hop `json:"hops"`
}

// MentionSentence is a sentence that mentions an entity, with the words
// that do.
type MentionSentence struct {
	Index    int           `json:"index"`
	Sentence schema.Span   `json:"sentence"`
	Mentions []schema.Span `json:"mentions"`
}

// MentionDoc is a document that mentions an entity, with the sentences.
type MentionDoc struct {
	Document  DocInfo           `json:"document"`
	Sentences []MentionSentence `json:"sentences"`
}

// link is a claim or relation node read once: its properties, from which
// its edges are built.
type link struct {
	iri   string
	props map[string][]quad.Value
}

// end is one edge of a link before its evidence is read.
type end struct {
	from, to string // entity IRIs
	role     string
}

// ends returns the edges a link makes, without self-loops or duplicates.
func (l *link) ends() []end {
	p := l.props
	if first(p[schema.PredType]) == schema.ClassRelation {
		s, o := iriString(one(p[schema.PredSubject])), iriString(one(p[schema.PredObject]))
		if s == "" || o == "" || s == o {
			return nil
		}
		return []end{{from: s, to: o}}
	}
	c := iriString(one(p[schema.PredClaimant]))
	if c == "" {
		return nil
	}
	var out []end
	seen := map[string]bool{c: true}
	add := func(pred, role string) {
		for _, v := range p[pred] {
			if t := iriString(v); t != "" && !seen[t] {
				seen[t] = true
				out = append(out, end{from: c, to: t, role: role})
			}
		}
	}
	add(schema.PredTarget, RoleTarget)
	add(schema.PredAbout, RoleAbout)
	add(schema.PredChannel, RoleChannel)
	return out
}

func one(vs []quad.Value) quad.Value {
	if len(vs) == 0 {
		return nil
	}
	return vs[0]
}

// linkPreds are the predicates by which a claim or relation points at an
// entity.
var linkPreds = map[string]bool{
	schema.PredClaimant: true, schema.PredAbout: true, schema.PredTarget: true, schema.PredChannel: true,
	schema.PredSubject: true, schema.PredObject: true,
}

// asker answers one question: it caches the links read and the names and
// documents resolved, under the store's read lock.
type asker struct {
	s     *Store
	links map[string]*link   // by node IRI
	of    map[string][]*link // by entity IRI
	full  map[string]bool    // entities whose links hit maxLinksPerEntity
	names map[string]string
	docs  map[string]DocInfo
}

func (s *Store) asker() *asker {
	return &asker{s: s, links: make(map[string]*link), of: make(map[string][]*link), full: make(map[string]bool),
		names: make(map[string]string), docs: make(map[string]DocInfo)}
}

var errEnough = errors.New("enough")

// linksOf returns the claims and relations that point at the entity.
func (a *asker) linksOf(ctx context.Context, ent string) ([]*link, error) {
	if ls, ok := a.of[ent]; ok {
		return ls, nil
	}
	var ls []*link
	seen := make(map[string]bool)
	err := a.s.each(ctx, quad.Object, quad.IRI(ent), func(q quad.Quad) error {
		if !linkPreds[iriString(q.Predicate)] {
			return nil
		}
		iri := iriString(q.Subject)
		if iri == "" || seen[iri] {
			return nil
		}
		if len(ls) >= maxLinksPerEntity {
			a.full[ent] = true
			return errEnough
		}
		seen[iri] = true
		l, ok := a.links[iri]
		if !ok {
			p, err := a.s.props(ctx, q.Subject)
			if err != nil {
				return err
			}
			l = &link{iri: iri, props: p}
			a.links[iri] = l
		}
		ls = append(ls, l)
		return nil
	})
	if err != nil && !errors.Is(err, errEnough) {
		return nil, err
	}
	sort.Slice(ls, func(i, j int) bool { return ls[i].iri < ls[j].iri })
	a.of[ent] = ls
	return ls, nil
}

// adjacent returns the entities one edge away from ent, each with how
// many edges join them, the most joined first.
func (a *asker) adjacent(ctx context.Context, ent string) ([]string, error) {
	ls, err := a.linksOf(ctx, ent)
	if err != nil {
		return nil, err
	}
	count := make(map[string]int)
	for _, l := range ls {
		for _, e := range l.ends() {
			switch ent {
			case e.from:
				count[e.to]++
			case e.to:
				count[e.from]++
			}
		}
	}
	out := make([]string, 0, len(count))
	for k := range count {
		out = append(out, k)
	}
	sort.Slice(out, func(i, j int) bool {
		if count[out[i]] != count[out[j]] {
			return count[out[i]] > count[out[j]]
		}
		return out[i] < out[j]
	})
	return out, nil
}

// edge reads the evidence of one end of a link.
func (a *asker) edge(ctx context.Context, l *link, e end) (Edge, error) {
	p := l.props
	from, err := a.s.entityRef(ctx, quad.IRI(e.from), a.names)
	if err != nil {
		return Edge{}, err
	}
	to, err := a.s.entityRef(ctx, quad.IRI(e.to), a.names)
	if err != nil {
		return Edge{}, err
	}
	out := Edge{From: *from, To: *to, Role: e.role, Date: schema.Date(first(p[schema.PredDate]))}
	if first(p[schema.PredType]) == schema.ClassRelation {
		out.Kind, out.Label = EdgeRelation, first(p[schema.PredPredicate])
		out.Evidence = schema.Span{Text: first(p[schema.PredText]), Start: valueInt(p[schema.PredStart]), End: valueInt(p[schema.PredEnd])}
	} else {
		out.Kind, out.Label, out.Claim = EdgeClaim, first(p[schema.PredStance]), l.iri
		out.Cue = schema.Span{Text: first(p[schema.PredCue]), Start: valueInt(p[schema.PredCueStart]), End: valueInt(p[schema.PredCueEnd])}
		out.Content, out.Hedges = first(p[schema.PredContent]), strs(p[schema.PredHedge])
		if ev := one(p[schema.PredEvidence]); ev != nil {
			if out.Evidence, err = a.s.sentence(ctx, ev); err != nil {
				return Edge{}, err
			}
		}
	}
	if d := one(p[schema.PredInDocument]); d != nil {
		if out.Document, err = a.s.doc(ctx, d, a.docs); err != nil {
			return Edge{}, err
		}
	}
	return out, nil
}

// between returns every edge joining two entities (IRIs), in either
// direction, in document and text order.
func (a *asker) between(ctx context.Context, x, y string) ([]Edge, error) {
	ls, err := a.linksOf(ctx, x)
	if err != nil {
		return nil, err
	}
	var out []Edge
	for _, l := range ls {
		for _, e := range l.ends() {
			if (e.from == x && e.to == y) || (e.from == y && e.to == x) {
				ed, err := a.edge(ctx, l, e)
				if err != nil {
					return nil, err
				}
				out = append(out, ed)
			}
		}
	}
	sortEdges(out)
	return out, nil
}

func sortEdges(es []Edge) {
	sort.SliceStable(es, func(i, j int) bool {
		a, b := es[i], es[j]
		if a.Document.Date != b.Document.Date {
			return a.Document.Date < b.Document.Date
		}
		if a.Document.Hash != b.Document.Hash {
			return a.Document.Hash < b.Document.Hash
		}
		if a.Evidence.Start != b.Evidence.Start {
			return a.Evidence.Start < b.Evidence.Start
		}
		if a.Claim != b.Claim {
			return a.Claim < b.Claim
		}
		return a.To.ID < b.To.ID
	})
}

// entityIRI checks that id names a stored entity and returns its IRI.
func (s *Store) entityIRI(ctx context.Context, id string) (string, error) {
	iri := schema.EntityIRI(id)
	vs, err := s.objects(ctx, quad.IRI(iri), schema.PredType)
	if err != nil {
		return "", err
	}
	if len(vs) == 0 {
		return "", fmt.Errorf("entity %q: %w", id, ErrNotFound)
	}
	return iri, nil
}

// Neighbours returns the entities within depth hops (1 to MaxDepth) of the
// entity with this ID, at most limit of them besides the centre (1 to
// MaxNodes; the most connected are kept), and every edge between them
// found on the way, each with its evidence sentence and document.
func (s *Store) Neighbours(ctx context.Context, id string, depth, limit int) (*Neighbourhood, error) {
	if depth < 1 || depth > MaxDepth {
		return nil, fmt.Errorf("depth %d: %w: want 1 to %d", depth, ErrInvalid, MaxDepth)
	}
	if limit < 1 || limit > MaxNodes {
		return nil, fmt.Errorf("limit %d: %w: want 1 to %d", limit, ErrInvalid, MaxNodes)
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	center, err := s.entityIRI(ctx, id)
	if err != nil {
		return nil, err
	}
	a := s.asker()
	nb := &Neighbourhood{Center: id, Depth: depth}
	depthOf := map[string]int{center: 0}
	order := []string{center}
	frontier := []string{center}
	for d := 1; d <= depth && len(frontier) > 0; d++ {
		var next []string
		for _, x := range frontier {
			adj, err := a.adjacent(ctx, x)
			if err != nil {
				return nil, err
			}
			for _, y := range adj {
				if _, ok := depthOf[y]; ok {
					continue
				}
				if len(order) > limit {
					nb.Truncated = true
					break
				}
				depthOf[y] = d
				order = append(order, y)
				next = append(next, y)
			}
		}
		frontier = next
	}
	if len(a.full) > 0 {
		nb.Truncated = true
	}
	for _, iri := range order {
		e, err := s.entity(ctx, quad.IRI(iri))
		if err != nil {
			return nil, err
		}
		nb.Nodes = append(nb.Nodes, Node{EntityInfo: e, Depth: depthOf[iri]})
	}
	iris := make([]string, 0, len(a.links))
	for iri := range a.links {
		iris = append(iris, iri)
	}
	sort.Strings(iris)
	nb.Edges = []Edge{}
	for _, iri := range iris {
		l := a.links[iri]
		for _, e := range l.ends() {
			_, okf := depthOf[e.from]
			_, okt := depthOf[e.to]
			if !okf || !okt {
				continue
			}
			ed, err := a.edge(ctx, l, e)
			if err != nil {
				return nil, err
			}
			nb.Edges = append(nb.Edges, ed)
		}
	}
	sortEdges(nb.Edges)
	return nb, nil
}

// Between returns every edge joining two entities (by ID), in either
// direction, each with its evidence sentence and document.
func (s *Store) Between(ctx context.Context, a, b string) ([]Edge, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	x, err := s.entityIRI(ctx, a)
	if err != nil {
		return nil, err
	}
	y, err := s.entityIRI(ctx, b)
	if err != nil {
		return nil, err
	}
	return s.asker().between(ctx, x, y)
}

// Path returns the shortest chains of edges from one entity to another
// (by ID), at most maxHops long (1 to MaxHops) and at most MaxPaths of
// them, each hop with every edge between its two entities. When no chain
// is that short the error is ErrNotFound.
func (s *Store) Path(ctx context.Context, fromID, toID string, maxHops int) ([]Path, error) {
	if maxHops < 1 || maxHops > MaxHops {
		return nil, fmt.Errorf("hops %d: %w: want 1 to %d", maxHops, ErrInvalid, MaxHops)
	}
	if fromID == toID {
		return nil, fmt.Errorf("path from %q to itself: %w", fromID, ErrInvalid)
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	from, err := s.entityIRI(ctx, fromID)
	if err != nil {
		return nil, err
	}
	to, err := s.entityIRI(ctx, toID)
	if err != nil {
		return nil, err
	}
	a := s.asker()
	// Breadth first from the start, level by level, keeping every parent
	// at the previous level so that all shortest paths can be rebuilt.
	parents := map[string][]string{from: nil}
	frontier := []string{from}
	found := false
	for hop := 1; hop <= maxHops && len(frontier) > 0 && !found; hop++ {
		level := make(map[string][]string)
		var next []string
		for _, x := range frontier {
			adj, err := a.adjacent(ctx, x)
			if err != nil {
				return nil, err
			}
			for _, y := range adj {
				if _, done := parents[y]; done {
					continue
				}
				if _, ok := level[y]; !ok {
					next = append(next, y)
				}
				level[y] = append(level[y], x)
			}
		}
		for y, ps := range level {
			parents[y] = ps
		}
		_, found = level[to]
		sort.Strings(next)
		frontier = next
	}
	if !found {
		return nil, fmt.Errorf("no path from %s to %s within %d hops: %w", fromID, toID, maxHops, ErrNotFound)
	}
	var chains [][]string
	var walk func(at string, tail []string)
	walk = func(at string, tail []string) {
		if len(chains) >= MaxPaths {
			return
		}
		tail = append([]string{at}, tail...)
		if at == from {
			chains = append(chains, tail)
			return
		}
		ps := append([]string(nil), parents[at]...)
		sort.Strings(ps)
		for _, p := range ps {
			walk(p, tail)
		}
	}
	walk(to, nil)
	out := make([]Path, 0, len(chains))
	for _, c := range chains {
		var p Path
		for i := 0; i+1 < len(c); i++ {
			es, err := a.between(ctx, c[i], c[i+1])
			if err != nil {
				return nil, err
			}
			x, err := s.entityRef(ctx, quad.IRI(c[i]), a.names)
			if err != nil {
				return nil, err
			}
			y, err := s.entityRef(ctx, quad.IRI(c[i+1]), a.names)
			if err != nil {
				return nil, err
			}
			p.Hops = append(p.Hops, Hop{From: *x, To: *y, Edges: es})
		}
		out = append(out, p)
	}
	return out, nil
}

// Mentions returns the documents that mention the entity (by ID), oldest
// first, each with the sentences that do and the words in them that name
// it, in text order.
func (s *Store) Mentions(ctx context.Context, id string) ([]MentionDoc, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	iri, err := s.entityIRI(ctx, id)
	if err != nil {
		return nil, err
	}
	ms, err := s.subjects(ctx, schema.PredMentionOf, quad.IRI(iri))
	if err != nil {
		return nil, err
	}
	type sent struct {
		doc string
		ms  MentionSentence
	}
	sents := make(map[string]*sent)
	docs := make(map[string]DocInfo)
	for _, m := range ms {
		p, err := s.props(ctx, m)
		if err != nil {
			return nil, err
		}
		sv := one(p[schema.PredSentence])
		if sv == nil {
			continue
		}
		key := iriString(sv)
		st, ok := sents[key]
		if !ok {
			sp, err := s.props(ctx, sv)
			if err != nil {
				return nil, err
			}
			st = &sent{doc: iriString(one(sp[schema.PredInDocument])), ms: MentionSentence{Index: valueInt(sp[schema.PredIndex]),
				Sentence: schema.Span{Text: first(sp[schema.PredText]), Start: valueInt(sp[schema.PredStart]), End: valueInt(sp[schema.PredEnd])}}}
			sents[key] = st
		}
		st.ms.Mentions = append(st.ms.Mentions, schema.Span{Text: first(p[schema.PredText]), Start: valueInt(p[schema.PredStart]), End: valueInt(p[schema.PredEnd])})
	}
	byDoc := make(map[string]*MentionDoc)
	for _, st := range sents {
		md, ok := byDoc[st.doc]
		if !ok {
			d, err := s.doc(ctx, quad.IRI(st.doc), docs)
			if err != nil {
				return nil, err
			}
			md = &MentionDoc{Document: d}
			byDoc[st.doc] = md
		}
		sort.Slice(st.ms.Mentions, func(i, j int) bool { return st.ms.Mentions[i].Start < st.ms.Mentions[j].Start })
		md.Sentences = append(md.Sentences, st.ms)
	}
	out := make([]MentionDoc, 0, len(byDoc))
	for _, md := range byDoc {
		sort.Slice(md.Sentences, func(i, j int) bool { return md.Sentences[i].Sentence.Start < md.Sentences[j].Sentence.Start })
		out = append(out, *md)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Document.Date != out[j].Document.Date {
			return out[i].Document.Date < out[j].Document.Date
		}
		return out[i].Document.Hash < out[j].Document.Hash
	})
	return out, nil
}

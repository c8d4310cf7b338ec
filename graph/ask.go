package graph

import (
	"context"
	"errors"
	"fmt"
	"sort"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/iterator"
	"github.com/cayleygraph/cayley/graph/kv"
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
	maxLinksPerEntity = 2000
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
	// Capped is true when the entity is so often mentioned that counting
	// stopped: Mentions and Documents are then at least CountCap, and
	// Aliases may be incomplete. The centre is always counted in full.
	Capped bool `json:"capped,omitempty"`
}

// CountCap is where counting the mentions and documents of a neighbour
// stops: a neighbourhood of hubs does not read every mention of each.
const CountCap = 1000

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
	iri string
	ref cgraph.Ref
	// head holds only the type and the predicates that point at entities,
	// which is all that finding neighbours needs; props, read when an edge
	// of the link is shown, holds everything.
	head  map[string][]quad.Value
	props map[string][]quad.Value
	// rec is the claim or relation, when read from a read index instead
	// (askindex.go).
	rec *Link
}

// end is one edge of a link before its evidence is read.
type end struct {
	from, to string // entity IRIs
	role     string
}

// ends returns the edges a link makes, without self-loops or duplicates.
func (l *link) ends() []end {
	if l.rec != nil {
		return l.recEnds()
	}
	p := l.head
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

// asker answers one question: it caches the links read and the names,
// values and documents resolved, under the store's read lock. It reads
// the store by reference: a quad's predicate and ends are compared as
// references, and only the values it needs are read, which on the
// key-value backends is several times cheaper than reading whole quads.
type asker struct {
	s  *Store
	qs cgraph.QuadStore
	// lv, when set, is the read index the asker reads instead of the
	// quads (askindex.go).
	lv     LinkView
	links  map[string]*link   // by node IRI
	of     map[string][]*link // by entity IRI
	full   map[string]bool    // entities whose links hit maxLinksPerEntity
	names  map[string]string  // entity IRI -> name
	docs   map[string]DocInfo // document IRI -> document
	values map[any]quad.Value // reference key -> value
	preds  map[string]any     // predicate IRI -> reference key
	// predRefs maps a predicate's reference key back to the reference.
	predRefs map[any]cgraph.Ref
	// noMentions makes entity leave mentions uncounted.
	noMentions bool
}

func (s *Store) asker() *asker {
	return &asker{s: s, qs: s.QuadStore(), links: make(map[string]*link), of: make(map[string][]*link), full: make(map[string]bool),
		names: make(map[string]string), docs: make(map[string]DocInfo), values: make(map[any]quad.Value),
		preds: make(map[string]any), predRefs: make(map[any]cgraph.Ref)}
}

var errEnough = errors.New("enough")

// noKey is the key of a predicate the store does not hold: it matches no
// reference.
type noKey struct{ iri string }

// pred returns the reference key of a predicate IRI.
func (a *asker) pred(iri string) (any, error) {
	if k, ok := a.preds[iri]; ok {
		return k, nil
	}
	r, err := a.s.ref(quad.IRI(iri))
	if err != nil {
		return nil, err
	}
	var k any = noKey{iri}
	if r != nil {
		k = r.Key()
		a.values[k] = quad.IRI(iri)
		a.predRefs[k] = r
	}
	a.preds[iri] = k
	return k, nil
}

// predRef returns the reference of a predicate key from pred.
func (a *asker) predRef(k any) cgraph.Ref { return a.predRefs[k] }

// value reads the value a reference stands for, once.
func (a *asker) value(r cgraph.Ref) (quad.Value, error) {
	if r == nil {
		return nil, nil
	}
	k := r.Key()
	if v, ok := a.values[k]; ok {
		return v, nil
	}
	v, err := a.qs.NameOf(r)
	if err != nil {
		return nil, err
	}
	a.values[k] = v
	return v, nil
}

// scan calls fn with the predicate and the other end (the object when d is
// quad.Subject, else the subject) of every quad whose direction d is r,
// as references, without reading their values. fn may return errEnough to
// stop early.
func (a *asker) scan(ctx context.Context, d quad.Direction, r cgraph.Ref, fn func(pred, other cgraph.Ref) error) error {
	if r == nil {
		return nil
	}
	other := quad.Object
	if d == quad.Object {
		other = quad.Subject
	}
	it := a.qs.QuadIterator(d, r).Iterate()
	defer it.Close()
	for it.Next(ctx) {
		q := it.Result()
		p, err := a.qs.QuadDirection(q, quad.Predicate)
		if err != nil {
			return err
		}
		o, err := a.qs.QuadDirection(q, other)
		if err != nil {
			return err
		}
		if p == nil || o == nil {
			continue
		}
		if err := fn(p, o); err != nil {
			if errors.Is(err, errEnough) {
				return nil
			}
			return err
		}
	}
	if err := it.Err(); err != nil {
		return err
	}
	return ctx.Err()
}

// props reads the distinct (predicate -> objects) of the node r, like
// Store.props: the same statement made by several documents is one. With
// want, only the predicates whose reference keys it holds are read.
func (a *asker) props(ctx context.Context, r cgraph.Ref, want map[any]bool) (map[string][]quad.Value, error) {
	out := make(map[string][]quad.Value)
	seen := make(map[[2]any]bool)
	err := a.scan(ctx, quad.Subject, r, func(p, o cgraph.Ref) error {
		k := [2]any{p.Key(), o.Key()}
		if seen[k] || (want != nil && !want[k[0]]) {
			return nil
		}
		seen[k] = true
		pv, err := a.value(p)
		if err != nil {
			return err
		}
		ov, err := a.value(o)
		if err != nil {
			return err
		}
		out[iriString(pv)] = append(out[iriString(pv)], ov)
		return nil
	})
	return out, err
}

// propsOf reads the properties of the node with this IRI.
func (a *asker) propsOf(ctx context.Context, iri string) (map[string][]quad.Value, error) {
	r, err := a.s.ref(quad.IRI(iri))
	if err != nil || r == nil {
		return map[string][]quad.Value{}, err
	}
	return a.props(ctx, r, nil)
}

// name returns an entity's name, reading only its name.
func (a *asker) name(ctx context.Context, iri string) (EntityRef, error) {
	if a.lv != nil {
		return a.ixName(iri)
	}
	id, _ := schema.EntityIDOf(iri)
	if n, ok := a.names[iri]; ok {
		return EntityRef{ID: id, Name: n}, nil
	}
	r, err := a.s.ref(quad.IRI(iri))
	if err != nil {
		return EntityRef{}, err
	}
	pk, err := a.pred(schema.PredName)
	if err != nil {
		return EntityRef{}, err
	}
	// Every document states the name it writes: the one shown is the best
	// of them (BetterName), as the read index shows it, not the first
	// stored ("IVACO INC" of a headline before "Ivaco Inc").
	name := ""
	err = a.scan(ctx, quad.Subject, r, func(p, o cgraph.Ref) error {
		if p.Key() != pk {
			return nil
		}
		v, err := a.value(o)
		if n := valueString(v); err == nil && (name == "" || BetterName(n, name)) {
			name = n
		}
		return err
	})
	if err != nil {
		return EntityRef{}, err
	}
	a.names[iri] = name
	return EntityRef{ID: id, Name: name}, nil
}

// byPred returns the quads whose direction d (quad.Subject or
// quad.Object) is r and whose predicate is the predicate with key pk,
// through the key-value backends' (subject, predicate) and (object,
// predicate, subject) indexes; ok is false on other backends.
func (a *asker) byPred(d quad.Direction, r cgraph.Ref, pk any) (it iterator.Shape, ok bool) {
	kqs, ok := a.qs.(*kv.QuadStore)
	if !ok {
		return nil, false
	}
	rv, ok1 := r.(kv.Int64Value)
	pv, ok2 := pk.(kv.Int64Value)
	if !ok1 || !ok2 {
		return nil, false
	}
	dirs := []quad.Direction{quad.Subject, quad.Predicate}
	if d == quad.Object {
		dirs = []quad.Direction{quad.Object, quad.Predicate, quad.Subject}
	}
	return kv.IndexScan{Index: kv.QuadIndex{Dirs: dirs}, Values: []uint64{uint64(rv), uint64(pv)}}.BuildIterator(kqs), true
}

// eachOf calls fn with the other end of every quad it yields (the object
// when d is quad.Subject, else the subject), at most max of them when max
// > 0; capped says whether it stopped there.
func (a *asker) eachOf(ctx context.Context, it iterator.Shape, d quad.Direction, max int, fn func(cgraph.Ref) error) (capped bool, err error) {
	other := quad.Object
	if d == quad.Object {
		other = quad.Subject
	}
	sc := it.Iterate()
	defer sc.Close()
	n := 0
	for sc.Next(ctx) {
		if max > 0 && n >= max {
			return true, nil
		}
		n++
		o, err := a.qs.QuadDirection(sc.Result(), other)
		if err != nil {
			return false, err
		}
		if o == nil {
			continue
		}
		if err := fn(o); err != nil {
			if errors.Is(err, errEnough) {
				return false, nil
			}
			return false, err
		}
	}
	if err := sc.Err(); err != nil {
		return false, err
	}
	return false, ctx.Err()
}

// entity reads an entity as Store.entity does (names, type, kind, merges,
// and counts of mentions and documents), counting by reference instead of
// reading every mention. With limit > 0 it reads at most limit statements
// of each kind, and capped says whether it stopped short: the counts are
// then lower bounds and the aliases may be incomplete. On the key-value
// backends it reads each predicate through the store's indexes, so that an
// entity mentioned in thousands of documents costs little more than one
// mentioned once.
func (a *asker) entity(ctx context.Context, iri string, limit int) (e EntityInfo, capped bool, err error) {
	if a.lv != nil {
		return a.ixEntity(iri, limit)
	}
	id, _ := schema.EntityIDOf(iri)
	e = EntityInfo{ID: id, Aliases: []string{}}
	r, err := a.s.ref(quad.IRI(iri))
	if err != nil || r == nil {
		return e, false, err
	}
	preds := []string{schema.PredName, schema.PredAlternateName, schema.PredType, schema.PredKind, schema.PredMentionedIn, schema.PredMerge}
	keys := make(map[string]any)
	for _, p := range preds {
		if keys[p], err = a.pred(p); err != nil {
			return e, false, err
		}
	}
	vals := make(map[string][]quad.Value)
	counts := make(map[string]int)
	take := func(pred string, o cgraph.Ref, seen map[any]bool) error {
		if seen[o.Key()] {
			return nil
		}
		seen[o.Key()] = true
		counts[pred]++
		if pred == schema.PredMentionedIn {
			return nil
		}
		v, err := a.value(o)
		if err != nil {
			return err
		}
		vals[pred] = append(vals[pred], v)
		if pred == schema.PredType || pred == schema.PredKind && valueString(v) != schema.KindOther {
			return errEnough // one is enough ("other" gives way to a later kind)
		}
		return nil
	}
	if _, ok := a.byPred(quad.Subject, r, keys[schema.PredName]); ok {
		for _, pred := range preds {
			it, ok := a.byPred(quad.Subject, r, keys[pred])
			if !ok {
				continue // the store has no such predicate
			}
			if pred == schema.PredMentionedIn {
				// One statement per document: the index knows how many.
				if st, err := it.Stats(ctx); err == nil && st.Size.Exact {
					counts[pred] = int(st.Size.Value)
					continue
				}
			}
			seen := make(map[any]bool)
			c, err := a.eachOf(ctx, it, quad.Subject, limit, func(o cgraph.Ref) error { return take(pred, o, seen) })
			if err != nil {
				return e, false, err
			}
			capped = capped || c
		}
	} else {
		want := make(map[any]string)
		for p, k := range keys {
			want[k] = p
		}
		seen := make(map[[2]any]bool)
		err = a.scan(ctx, quad.Subject, r, func(p, o cgraph.Ref) error {
			pred, ok := want[p.Key()]
			k := [2]any{p.Key(), o.Key()}
			if !ok || seen[k] || (pred == schema.PredType && counts[pred] > 0) || (pred == schema.PredKind && kindOf(vals[pred]) != "" && kindOf(vals[pred]) != schema.KindOther) {
				return nil
			}
			seen[k] = true
			counts[pred]++
			if pred != schema.PredMentionedIn {
				v, err := a.value(o)
				if err != nil {
					return err
				}
				vals[pred] = append(vals[pred], v)
			}
			return nil
		})
		if err != nil {
			return e, false, err
		}
	}
	names := strs(vals[schema.PredName])
	e.Name = BestName(names)
	for _, n := range append(strs(vals[schema.PredAlternateName]), names...) {
		if n != e.Name {
			e.Aliases = append(e.Aliases, n)
		}
	}
	sort.Strings(e.Aliases)
	e.Type = schema.TypeOfClass(first(vals[schema.PredType]))
	// The kind is the best any document gives with its reason, as the
	// read index has it (BetterKind): that reads the node's statements.
	if e.Kind, _, err = a.s.kind(ctx, quad.IRI(iri)); err != nil {
		return e, false, err
	}
	for _, m := range strs(vals[schema.PredMerge]) {
		e.Merges = append(e.Merges, ParseMergeText(m))
	}
	e.Documents = counts[schema.PredMentionedIn]

	if a.noMentions {
		a.names[iri] = e.Name
		return e, capped, nil
	}
	mk, err := a.pred(schema.PredMentionOf)
	if err != nil {
		return e, false, err
	}
	ms := make(map[any]bool)
	count := func(o cgraph.Ref) error {
		ms[o.Key()] = true
		return nil
	}
	if it, ok := a.byPred(quad.Object, r, mk); ok {
		c, err := a.eachOf(ctx, it, quad.Object, limit, count)
		if err != nil {
			return e, false, err
		}
		capped = capped || c
	} else {
		err = a.scan(ctx, quad.Object, r, func(p, o cgraph.Ref) error {
			if p.Key() == mk {
				return count(o)
			}
			return nil
		})
		if err != nil {
			return e, false, err
		}
	}
	e.Mentions = len(ms)
	a.names[iri] = e.Name
	return e, capped, nil
}

// kindOf returns the first of an entity's kinds other than "other", else
// the first, as the read index merges them.
func kindOf(vs []quad.Value) string {
	for _, v := range vs {
		if k := valueString(v); k != schema.KindOther {
			return k
		}
	}
	return first(vs)
}

// exists checks that id names a stored entity and returns its IRI.
func (a *asker) exists(ctx context.Context, id string) (string, error) {
	if a.lv != nil {
		return a.ixExists(id)
	}
	iri := schema.EntityIRI(id)
	r, err := a.s.ref(quad.IRI(iri))
	if err != nil {
		return "", err
	}
	tk, err := a.pred(schema.PredType)
	if err != nil {
		return "", err
	}
	found := false
	err = a.scan(ctx, quad.Subject, r, func(p, _ cgraph.Ref) error {
		if p.Key() == tk {
			found = true
			return errEnough
		}
		return nil
	})
	if err != nil {
		return "", err
	}
	if !found {
		return "", fmt.Errorf("entity %q: %w", id, ErrNotFound)
	}
	return iri, nil
}

// doc reads a document's metadata, once.
func (a *asker) doc(ctx context.Context, v quad.Value) (DocInfo, error) {
	iri := iriString(v)
	if d, ok := a.docs[iri]; ok {
		return d, nil
	}
	p, err := a.propsOf(ctx, iri)
	if err != nil {
		return DocInfo{}, err
	}
	d := DocInfo{Hash: first(p[schema.PredHash]), ID: first(p[schema.PredIdentifier]),
		Title: first(p[schema.PredHeadline]), Date: schema.Date(first(p[schema.PredDatePublished])),
		Source: first(p[schema.PredPublisher]), URL: first(p[schema.PredURL]), Path: first(p[schema.PredPath])}
	a.docs[iri] = d
	return d, nil
}

// linksOf returns the claims and relations that point at the entity.
func (a *asker) linksOf(ctx context.Context, ent string) ([]*link, error) {
	if ls, ok := a.of[ent]; ok {
		return ls, nil
	}
	if a.lv != nil {
		return a.ixLinksOf(ent)
	}
	r, err := a.s.ref(quad.IRI(ent))
	if err != nil {
		return nil, err
	}
	isLink := make(map[any]bool)
	head := make(map[any]bool)
	for p := range linkPreds {
		k, err := a.pred(p)
		if err != nil {
			return nil, err
		}
		isLink[k] = true
		head[k] = true
	}
	tk, err := a.pred(schema.PredType)
	if err != nil {
		return nil, err
	}
	head[tk] = true
	var ls []*link
	seen := make(map[any]bool)
	add := func(p, subj cgraph.Ref) error {
		if !isLink[p.Key()] || seen[subj.Key()] {
			return nil
		}
		if len(ls) >= maxLinksPerEntity {
			a.full[ent] = true
			return errEnough
		}
		seen[subj.Key()] = true
		sv, err := a.value(subj)
		if err != nil {
			return err
		}
		iri := iriString(sv)
		l, ok := a.links[iri]
		if !ok {
			h, err := a.props(ctx, subj, head)
			if err != nil {
				return err
			}
			l = &link{iri: iri, ref: subj, head: h}
			a.links[iri] = l
		}
		ls = append(ls, l)
		return nil
	}
	if _, ok := a.byPred(quad.Object, r, tk); ok {
		// Through the (object, predicate) index, one linking predicate at
		// a time: the entity's many mentions are never visited.
		ps := make([]string, 0, len(linkPreds))
		for p := range linkPreds {
			ps = append(ps, p)
		}
		sort.Strings(ps)
		for _, p := range ps {
			pk, _ := a.pred(p)
			it, ok := a.byPred(quad.Object, r, pk)
			if !ok {
				continue
			}
			pr := a.predRef(pk)
			_, err = a.eachOf(ctx, it, quad.Object, 0, func(subj cgraph.Ref) error { return add(pr, subj) })
			if err != nil {
				break
			}
		}
	} else {
		err = a.scan(ctx, quad.Object, r, add)
	}
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
	if l.rec != nil {
		return a.recEdge(l, e)
	}
	if l.props == nil {
		p, err := a.props(ctx, l.ref, nil)
		if err != nil {
			return Edge{}, err
		}
		l.props = p
	}
	p := l.props
	from, err := a.name(ctx, e.from)
	if err != nil {
		return Edge{}, err
	}
	to, err := a.name(ctx, e.to)
	if err != nil {
		return Edge{}, err
	}
	out := Edge{From: from, To: to, Role: e.role, Date: schema.Date(first(p[schema.PredDate]))}
	if first(p[schema.PredType]) == schema.ClassRelation {
		out.Kind, out.Label = EdgeRelation, first(p[schema.PredPredicate])
		out.Evidence = schema.Span{Text: first(p[schema.PredText]), Start: valueInt(p[schema.PredStart]), End: valueInt(p[schema.PredEnd])}
	} else {
		out.Kind, out.Label, out.Claim = EdgeClaim, first(p[schema.PredStance]), l.iri
		out.Cue = schema.Span{Text: first(p[schema.PredCue]), Start: valueInt(p[schema.PredCueStart]), End: valueInt(p[schema.PredCueEnd])}
		out.Content, out.Hedges = first(p[schema.PredContent]), strs(p[schema.PredHedge])
		if ev := one(p[schema.PredEvidence]); ev != nil {
			sp, err := a.propsOf(ctx, iriString(ev))
			if err != nil {
				return Edge{}, err
			}
			out.Evidence = schema.Span{Text: first(sp[schema.PredText]), Start: valueInt(sp[schema.PredStart]), End: valueInt(sp[schema.PredEnd])}
		}
	}
	if d := one(p[schema.PredInDocument]); d != nil {
		if out.Document, err = a.doc(ctx, d); err != nil {
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

// Entity returns the entity with this ID, as Find would, or ErrNotFound.
// It reads only what it returns, so it stays quick for an entity with
// thousands of mentions.
func (s *Store) Entity(ctx context.Context, id string) (EntityInfo, error) {
	s.h.RLock()
	defer s.h.RUnlock()
	var out EntityInfo
	err := s.ask(ctx, func(a *asker) (err error) {
		out, err = a.entityByID(ctx, id)
		return err
	})
	return out, err
}

func (a *asker) entityByID(ctx context.Context, id string) (EntityInfo, error) {
	iri, err := a.exists(ctx, id)
	if err != nil {
		return EntityInfo{}, err
	}
	e, _, err := a.entity(ctx, iri, 0)
	return e, err
}

// Counts counts the claims and relations an entity takes part in.
type Counts struct {
	ClaimsBy    int `json:"claims_by"`
	ClaimsAbout int `json:"claims_about"`
	// Allegations counts the claims about (or targeting) the entity that
	// are allegations.
	Allegations int `json:"allegations"`
	Relations   int `json:"relations"`
}

// Count counts the claims the entity (by ID) made, the claims about or
// targeting it and the allegations among them, and the relations it is
// in, reading references only: it stays quick for an entity in thousands
// of documents.
func (s *Store) Count(ctx context.Context, id string) (Counts, error) {
	s.h.RLock()
	defer s.h.RUnlock()
	var out Counts
	err := s.ask(ctx, func(a *asker) (err error) {
		out, err = a.count(ctx, id)
		return err
	})
	return out, err
}

func (a *asker) count(ctx context.Context, id string) (Counts, error) {
	iri, err := a.exists(ctx, id)
	if err != nil {
		return Counts{}, err
	}
	if a.lv != nil {
		return a.lv.LinkCounts(id)
	}
	r, err := a.s.ref(quad.IRI(iri))
	if err != nil {
		return Counts{}, err
	}
	sets := map[string]map[any]cgraph.Ref{}
	for _, p := range []string{schema.PredClaimant, schema.PredAbout, schema.PredTarget, schema.PredSubject, schema.PredObject} {
		sets[p] = make(map[any]cgraph.Ref)
	}
	keyOf := make(map[any]string)
	for p := range sets {
		k, err := a.pred(p)
		if err != nil {
			return Counts{}, err
		}
		keyOf[k] = p
	}
	err = a.scan(ctx, quad.Object, r, func(p, subj cgraph.Ref) error {
		if pred, ok := keyOf[p.Key()]; ok {
			sets[pred][subj.Key()] = subj
		}
		return nil
	})
	if err != nil {
		return Counts{}, err
	}
	about := sets[schema.PredAbout]
	for k, v := range sets[schema.PredTarget] {
		about[k] = v
	}
	rels := sets[schema.PredSubject]
	for k, v := range sets[schema.PredObject] {
		rels[k] = v
	}
	c := Counts{ClaimsBy: len(sets[schema.PredClaimant]), ClaimsAbout: len(about), Relations: len(rels)}
	sk, err := a.pred(schema.PredStance)
	if err != nil {
		return c, err
	}
	for _, claim := range about {
		err := a.scan(ctx, quad.Subject, claim, func(p, o cgraph.Ref) error {
			if p.Key() != sk {
				return nil
			}
			v, err := a.value(o)
			if err == nil && IsAllegation(valueString(v)) {
				c.Allegations++
			}
			if err == nil {
				err = errEnough
			}
			return err
		})
		if err != nil {
			return c, err
		}
	}
	return c, nil
}

// Directory lists every stored entity with its name, aliases (at most 50),
// type, kind, merges and number of documents, for a search box over a
// large store: it reads through the store's indexes and does not count
// mentions (Mentions is 0).
func (s *Store) Directory(ctx context.Context) ([]EntityInfo, error) {
	s.h.RLock()
	defer s.h.RUnlock()
	var out []EntityInfo
	err := s.ask(ctx, func(a *asker) (err error) {
		out, err = a.directory(ctx)
		return err
	})
	return out, err
}

func (a *asker) directory(ctx context.Context) ([]EntityInfo, error) {
	a.noMentions = true
	if a.lv != nil {
		return a.ixDirectory()
	}
	tk, err := a.pred(schema.PredType)
	if err != nil {
		return nil, err
	}
	var out []EntityInfo
	seen := make(map[any]bool)
	for _, class := range []string{schema.ClassPerson, schema.ClassOrg, schema.ClassPlace, schema.ClassThing} {
		cr, err := a.s.ref(quad.IRI(class))
		if err != nil {
			return nil, err
		}
		if cr == nil {
			continue
		}
		var ents []cgraph.Ref
		add := func(subj cgraph.Ref) error {
			if !seen[subj.Key()] {
				seen[subj.Key()] = true
				ents = append(ents, subj)
			}
			return nil
		}
		if it, ok := a.byPred(quad.Object, cr, tk); ok {
			_, err = a.eachOf(ctx, it, quad.Object, 0, add)
		} else {
			err = a.scan(ctx, quad.Object, cr, func(p, subj cgraph.Ref) error {
				if p.Key() == tk {
					return add(subj)
				}
				return nil
			})
		}
		if err != nil {
			return nil, err
		}
		for _, r := range ents {
			v, err := a.value(r)
			if err != nil {
				return nil, err
			}
			e, _, err := a.entity(ctx, iriString(v), 50)
			if err != nil {
				return nil, err
			}
			out = append(out, e)
		}
	}
	return out, nil
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
	s.h.RLock()
	defer s.h.RUnlock()
	var out *Neighbourhood
	err := s.ask(ctx, func(a *asker) (err error) {
		out, err = a.neighbours(ctx, id, depth, limit)
		return err
	})
	return out, err
}

func (a *asker) neighbours(ctx context.Context, id string, depth, limit int) (*Neighbourhood, error) {
	center, err := a.exists(ctx, id)
	if err != nil {
		return nil, err
	}
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
		limit := CountCap
		if iri == center {
			limit = 0
		}
		e, capped, err := a.entity(ctx, iri, limit)
		if err != nil {
			return nil, err
		}
		nb.Nodes = append(nb.Nodes, Node{EntityInfo: e, Depth: depthOf[iri], Capped: capped})
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
	s.h.RLock()
	defer s.h.RUnlock()
	var out []Edge
	err := s.ask(ctx, func(ak *asker) (err error) {
		out, err = ak.betweenIDs(ctx, a, b)
		return err
	})
	return out, err
}

func (ak *asker) betweenIDs(ctx context.Context, a, b string) ([]Edge, error) {
	x, err := ak.exists(ctx, a)
	if err != nil {
		return nil, err
	}
	y, err := ak.exists(ctx, b)
	if err != nil {
		return nil, err
	}
	return ak.between(ctx, x, y)
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
	s.h.RLock()
	defer s.h.RUnlock()
	var out []Path
	err := s.ask(ctx, func(a *asker) (err error) {
		out, err = a.path(ctx, fromID, toID, maxHops)
		return err
	})
	return out, err
}

func (a *asker) path(ctx context.Context, fromID, toID string, maxHops int) ([]Path, error) {
	from, err := a.exists(ctx, fromID)
	if err != nil {
		return nil, err
	}
	to, err := a.exists(ctx, toID)
	if err != nil {
		return nil, err
	}
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
			x, err := a.name(ctx, c[i])
			if err != nil {
				return nil, err
			}
			y, err := a.name(ctx, c[i+1])
			if err != nil {
				return nil, err
			}
			p.Hops = append(p.Hops, Hop{From: x, To: y, Edges: es})
		}
		out = append(out, p)
	}
	return out, nil
}

// Mentions returns the documents that mention the entity (by ID), oldest
// first, each with the sentences that do and the words in them that name
// it, in text order.
func (s *Store) Mentions(ctx context.Context, id string) ([]MentionDoc, error) {
	s.h.RLock()
	defer s.h.RUnlock()
	if s.indexed() {
		return s.idxMentions(ctx, id)
	}
	iri, err := s.asker().exists(ctx, id)
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

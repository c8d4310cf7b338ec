package graph

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/iterator"
	"github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/quad"

	"github.com/dossier-project/dossier/schema"
)

// ErrNotFound means no entity, document or claim matched.
var ErrNotFound = errors.New("not found")

// notFound reports whether err is a key-value backend's "not found", which
// Cayley returns for values that were never stored, or "no bucket", which
// it returns from a store nothing was written to yet.
func notFound(err error) bool {
	return err != nil && (strings.Contains(err.Error(), "not found") || strings.Contains(err.Error(), "no bucket"))
}

// ref returns the store's reference for v, or nil when v is not stored.
func (s *Store) ref(v quad.Value) (cgraph.Ref, error) { return refOf(s.QuadStore(), v) }

func refOf(qs cgraph.QuadStore, v quad.Value) (cgraph.Ref, error) {
	r, err := qs.ValueOf(v)
	if notFound(err) {
		return nil, nil
	}
	return r, err
}

// each calls fn for every quad whose direction d is v.
func (s *Store) each(ctx context.Context, d quad.Direction, v quad.Value, fn func(quad.Quad) error) error {
	return each(ctx, s.QuadStore(), d, v, fn)
}

func each(ctx context.Context, qs cgraph.QuadStore, d quad.Direction, v quad.Value, fn func(quad.Quad) error) error {
	r, err := refOf(qs, v)
	if err != nil || r == nil {
		return err
	}
	return iterate(ctx, qs, qs.QuadIterator(d, r), fn)
}

// iterate calls fn for every quad of an iterator shape.
func iterate(ctx context.Context, qs cgraph.QuadStore, shape iterator.Shape, fn func(quad.Quad) error) error {
	it := shape.Iterate()
	defer it.Close()
	for it.Next(ctx) {
		q, err := qs.Quad(it.Result())
		if err != nil {
			return err
		}
		if err := fn(q); err != nil {
			return err
		}
	}
	if err := it.Err(); err != nil {
		return err
	}
	return ctx.Err()
}

// objects returns the distinct objects of (subj, pred, *), in store order.
func (s *Store) objects(ctx context.Context, subj quad.Value, pred string) ([]quad.Value, error) {
	return objects(ctx, s.QuadStore(), subj, pred)
}

func objects(ctx context.Context, qs cgraph.QuadStore, subj quad.Value, pred string) ([]quad.Value, error) {
	if kqs, ok := qs.(*kv.QuadStore); ok {
		return kvScan(ctx, kqs, subjectPredicate, subj, pred, quad.Object)
	}
	var out []quad.Value
	seen := make(map[string]bool)
	err := each(ctx, qs, quad.Subject, subj, func(q quad.Quad) error {
		if iriIs(q.Predicate, pred) && !seen[q.Object.String()] {
			seen[q.Object.String()] = true
			out = append(out, q.Object)
		}
		return nil
	})
	return out, err
}

// subjects returns the distinct subjects of (*, pred, obj).
func (s *Store) subjects(ctx context.Context, pred string, obj quad.Value) ([]quad.Value, error) {
	return subjects(ctx, s.QuadStore(), pred, obj)
}

func subjects(ctx context.Context, qs cgraph.QuadStore, pred string, obj quad.Value) ([]quad.Value, error) {
	if kqs, ok := qs.(*kv.QuadStore); ok {
		return kvScan(ctx, kqs, objectPredicate, obj, pred, quad.Subject)
	}
	var out []quad.Value
	seen := make(map[string]bool)
	err := each(ctx, qs, quad.Object, obj, func(q quad.Quad) error {
		if iriIs(q.Predicate, pred) && !seen[q.Subject.String()] {
			seen[q.Subject.String()] = true
			out = append(out, q.Subject)
		}
		return nil
	})
	return out, err
}

// The key-value backend's two quad indexes (Cayley's defaults, which
// dossier creates its stores with): by subject and predicate, and by
// object, predicate and subject.
var (
	subjectPredicate = kv.QuadIndex{Dirs: []quad.Direction{quad.Subject, quad.Predicate}}
	objectPredicate  = kv.QuadIndex{Dirs: []quad.Direction{quad.Object, quad.Predicate, quad.Subject}}
)

// kvScan returns the distinct values in direction want of the quads whose
// first two directions of index ind are node and pred: a prefix scan of
// the index that visits only the matching quads and reads one value of
// each, where iterating all of node's quads would decode four values of
// every one (a node mentioned in thousands of documents has tens of
// thousands).
func kvScan(ctx context.Context, kqs *kv.QuadStore, ind kv.QuadIndex, node quad.Value, pred string, want quad.Direction) ([]quad.Value, error) {
	nr, err := refOf(kqs, node)
	if err != nil || nr == nil {
		return nil, err
	}
	pr, err := refOf(kqs, quad.IRI(pred))
	if err != nil || pr == nil {
		return nil, err
	}
	nv, ok1 := nr.(kv.Int64Value)
	pv, ok2 := pr.(kv.Int64Value)
	if !ok1 || !ok2 {
		return nil, fmt.Errorf("unexpected value references %T, %T", nr, pr)
	}
	it := kv.IndexScan{Index: ind, Values: []uint64{uint64(nv), uint64(pv)}}.BuildIterator(kqs).Iterate()
	defer it.Close()
	var refs []cgraph.Ref
	seen := make(map[cgraph.Ref]bool)
	for it.Next(ctx) {
		r, err := kqs.QuadDirection(it.Result(), want)
		if err != nil {
			return nil, err
		}
		if !seen[r] {
			seen[r] = true
			refs = append(refs, r)
		}
	}
	if err := it.Err(); err != nil {
		return nil, err
	}
	if len(refs) == 0 {
		return nil, ctx.Err()
	}
	vals, err := kqs.ValuesOf(ctx, refs)
	if err != nil {
		return nil, err
	}
	return vals, ctx.Err()
}

// props returns all (predicate -> objects) of a subject.
func (s *Store) props(ctx context.Context, subj quad.Value) (map[string][]quad.Value, error) {
	out := make(map[string][]quad.Value)
	seen := make(map[[2]string]bool)
	err := s.each(ctx, quad.Subject, subj, func(q quad.Quad) error {
		p := iriString(q.Predicate)
		k := [2]string{p, q.Object.String()}
		if !seen[k] {
			seen[k] = true
			out[p] = append(out[p], q.Object)
		}
		return nil
	})
	return out, err
}

func iriIs(v quad.Value, iri string) bool {
	i, ok := v.(quad.IRI)
	return ok && string(i) == iri
}

func iriString(v quad.Value) string {
	if i, ok := v.(quad.IRI); ok {
		return string(i)
	}
	return ""
}

func first(vs []quad.Value) string {
	if len(vs) == 0 {
		return ""
	}
	return valueString(vs[0])
}

func valueString(v quad.Value) string {
	switch v := v.(type) {
	case quad.String:
		return string(v)
	case quad.IRI:
		return string(v)
	case nil:
		return ""
	}
	return fmt.Sprint(quad.NativeOf(v))
}

func valueInt(vs []quad.Value) int {
	if len(vs) == 0 {
		return 0
	}
	if i, ok := vs[0].(quad.Int); ok {
		return int(i)
	}
	return 0
}

func strs(vs []quad.Value) []string {
	out := make([]string, 0, len(vs))
	for _, v := range vs {
		out = append(out, valueString(v))
	}
	return out
}

// Stats counts what the store holds.
type Stats struct {
	Documents int   `json:"documents"`
	Entities  int   `json:"entities"`
	Claims    int   `json:"claims"`
	Relations int   `json:"relations"`
	Quads     int64 `json:"quads"`
	// Staged is the number of documents a bulk load in progress has
	// staged and not stored yet (Store.BeginBulk).
	Staged int `json:"staged,omitempty"`
}

// Stats counts documents, entities, claims, relations and quads, and the
// documents staged by a bulk load in progress.
func (s *Store) Stats(ctx context.Context) (Stats, error) {
	s.h.RLock()
	defer s.h.RUnlock()
	st, err := s.stats(ctx)
	if bl, ok := s.b.(BulkLoader); ok {
		st.Staged, _ = bl.Bulk()
	}
	return st, err
}

func (s *Store) stats(ctx context.Context) (Stats, error) {
	if s.indexed() {
		return s.idxStats(ctx)
	}
	var st Stats
	count := func(class string) (int, error) {
		vs, err := s.subjects(ctx, schema.PredType, quad.IRI(class))
		return len(vs), err
	}
	var err error
	if st.Documents, err = count(schema.ClassArticle); err != nil {
		return st, err
	}
	ents, err := s.entityIRIs(ctx, "")
	if err != nil {
		return st, err
	}
	st.Entities = len(ents)
	if st.Claims, err = count(schema.ClassClaim); err != nil {
		return st, err
	}
	if st.Relations, err = count(schema.ClassRelation); err != nil {
		return st, err
	}
	if st.Quads, err = s.b.QuadCount(ctx); err != nil {
		return st, err
	}
	return st, nil
}

// EntityInfo is an entity as stored, merged over every document.
type EntityInfo struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	Type string `json:"type"`
	Kind string `json:"kind,omitempty"`
	// KindReason is the evidence that decided Kind.
	KindReason string         `json:"kind_reason,omitempty"`
	Aliases    []string       `json:"aliases"`
	Merges     []schema.Merge `json:"merges,omitempty"`
	Mentions   int            `json:"mentions"`
	Documents  int            `json:"documents"`
}

// entityIRIs lists every entity node, optionally of one type.
func (s *Store) entityIRIs(ctx context.Context, typ string) ([]quad.Value, error) {
	classes := []string{schema.ClassPerson, schema.ClassOrg, schema.ClassPlace, schema.ClassThing}
	if typ != "" {
		classes = []string{schema.ClassOf(typ)}
	}
	var out []quad.Value
	for _, c := range classes {
		vs, err := s.subjects(ctx, schema.PredType, quad.IRI(c))
		if err != nil {
			return nil, err
		}
		for _, v := range vs {
			// A node tied to another entity is read as part of it.
			if to, err := s.canonical(ctx, v); err != nil {
				return nil, err
			} else if to.String() != v.String() {
				continue
			}
			out = append(out, v)
		}
	}
	return out, nil
}

// Entities lists the stored entities, optionally of one type, most
// mentioned first.
func (s *Store) Entities(ctx context.Context, typ string) ([]EntityInfo, error) {
	s.h.RLock()
	defer s.h.RUnlock()
	if s.indexed() {
		return s.idxEntities(ctx, typ)
	}
	iris, err := s.entityIRIs(ctx, typ)
	if err != nil {
		return nil, err
	}
	out := make([]EntityInfo, 0, len(iris))
	for _, v := range iris {
		e, err := s.entity(ctx, v)
		if err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	sortEntities(out)
	return out, nil
}

// kind returns an entity node's kind as the read index gives it: the best
// (BetterKind) of the kinds its documents give, each with the reason the
// same document gives.
func (s *Store) kind(ctx context.Context, v quad.Value) (kind, reason string, err error) {
	kinds := make(map[string]string)   // document label -> kind
	reasons := make(map[string]string) // document label -> reason
	err = s.each(ctx, quad.Subject, v, func(q quad.Quad) error {
		l := fmt.Sprint(q.Label)
		switch iriString(q.Predicate) {
		case schema.PredKind:
			if _, ok := kinds[l]; !ok {
				kinds[l] = valueString(q.Object)
			}
		case schema.PredKindReason:
			if _, ok := reasons[l]; !ok {
				reasons[l] = valueString(q.Object)
			}
		}
		return nil
	})
	first := true
	for l, k := range kinds {
		if r := reasons[l]; first || BetterKind(k, r, kind, reason) {
			kind, reason, first = k, r, false
		}
	}
	return kind, reason, err
}

func (s *Store) entity(ctx context.Context, v quad.Value) (EntityInfo, error) {
	p, err := s.props(ctx, v)
	if err != nil {
		return EntityInfo{}, err
	}
	id, _ := schema.EntityIDOf(iriString(v))
	e := EntityInfo{ID: id, Name: BestName(strs(p[schema.PredName])), Type: schema.TypeOfClass(first(p[schema.PredType])),
		Aliases: strs(p[schema.PredAlternateName])}
	if e.Kind, e.KindReason, err = s.kind(ctx, v); err != nil {
		return EntityInfo{}, err
	}
	for _, n := range strs(p[schema.PredName]) {
		if n != e.Name && !contains(e.Aliases, n) {
			e.Aliases = append(e.Aliases, n)
		}
	}
	for _, m := range strs(p[schema.PredMerge]) {
		e.Merges = append(e.Merges, ParseMergeText(m))
	}
	docs := make(map[string]bool)
	for _, d := range p[schema.PredMentionedIn] {
		docs[d.String()] = true
	}
	ms, err := s.subjects(ctx, schema.PredMentionOf, v)
	if err != nil {
		return EntityInfo{}, err
	}
	e.Mentions = len(ms)
	tied, err := s.tiedTo(ctx, v)
	if err != nil {
		return EntityInfo{}, err
	}
	for _, t := range tied {
		tp, err := s.props(ctx, t)
		if err != nil {
			return EntityInfo{}, err
		}
		for _, n := range strs(tp[schema.PredName]) {
			if n != e.Name && !contains(e.Aliases, n) {
				e.Aliases = append(e.Aliases, n)
			}
		}
		for _, d := range tp[schema.PredMentionedIn] {
			docs[d.String()] = true
		}
		for _, m := range strs(tp[schema.PredMerge]) {
			e.Merges = append(e.Merges, ParseMergeText(m))
		}
		tm, err := s.subjects(ctx, schema.PredMentionOf, t)
		if err != nil {
			return EntityInfo{}, err
		}
		e.Mentions += len(tm)
	}
	var tiedIDs []string
	for _, t := range tied {
		if tid, ok := schema.EntityIDOf(iriString(t)); ok {
			tiedIDs = append(tiedIDs, tid)
		}
	}
	if err := s.addSurnameMerges(ctx, &e, tiedIDs); err != nil {
		return EntityInfo{}, err
	}
	sort.Strings(e.Aliases)
	e.Documents = len(docs)
	return e, nil
}

// Find returns the entities whose name or alias is name (case-insensitive),
// most mentioned first, or ErrNotFound.
func (s *Store) Find(ctx context.Context, name string) ([]EntityInfo, error) {
	s.h.RLock()
	defer s.h.RUnlock()
	return s.find(ctx, name)
}

func (s *Store) find(ctx context.Context, name string) ([]EntityInfo, error) {
	name = strings.TrimSpace(name)
	if s.indexed() {
		return s.idxFind(ctx, name)
	}
	seen := make(map[string]bool)
	var hits []quad.Value
	add := func(vs []quad.Value) {
		for _, v := range vs {
			if !seen[v.String()] {
				seen[v.String()] = true
				hits = append(hits, v)
			}
		}
	}
	// An entity ID ("org/kaspersky-lab") names its node directly.
	if vs, err := s.objects(ctx, quad.IRI(schema.EntityIRI(name)), schema.PredType); err == nil && len(vs) > 0 {
		add([]quad.Value{quad.IRI(schema.EntityIRI(name))})
	}
	for _, p := range []string{schema.PredName, schema.PredAlternateName} {
		vs, err := s.subjects(ctx, p, quad.String(name))
		if err != nil {
			return nil, err
		}
		add(vs)
	}
	if len(hits) == 0 {
		// Fall back to a case-insensitive scan of names and aliases.
		iris, err := s.entityIRIs(ctx, "")
		if err != nil {
			return nil, err
		}
		want := schema.Slug(name)
		for _, v := range iris {
			p, err := s.props(ctx, v)
			if err != nil {
				return nil, err
			}
			for _, n := range append(strs(p[schema.PredName]), strs(p[schema.PredAlternateName])...) {
				if schema.Slug(n) == want {
					add([]quad.Value{v})
					break
				}
			}
		}
	}
	if len(hits) == 0 {
		return nil, fmt.Errorf("entity %q: %w", name, ErrNotFound)
	}
	// A hit on a node tied to another entity is a hit on that entity.
	canon := hits[:0]
	seen = make(map[string]bool)
	for _, v := range hits {
		c, err := s.canonical(ctx, v)
		if err != nil {
			return nil, err
		}
		if !seen[c.String()] {
			seen[c.String()] = true
			canon = append(canon, c)
		}
	}
	hits = canon
	out := make([]EntityInfo, 0, len(hits))
	for _, v := range hits {
		e, err := s.entity(ctx, v)
		if err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	sortEntities(out)
	return out, nil
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// withTied returns the node of an entity ID and the nodes tied to it.
func (s *Store) withTied(ctx context.Context, id string) ([]quad.Value, error) {
	v := quad.IRI(schema.EntityIRI(id))
	tied, err := s.tiedTo(ctx, v)
	return append([]quad.Value{v}, tied...), err
}

// subjectsOfAny returns the distinct subjects of (*, pred, o) for any o.
func (s *Store) subjectsOfAny(ctx context.Context, pred string, objs []quad.Value) ([]quad.Value, error) {
	var out []quad.Value
	for _, o := range objs {
		vs, err := s.subjects(ctx, pred, o)
		if err != nil {
			return nil, err
		}
		out = appendNew(out, vs)
	}
	return out, nil
}

package graph

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync/atomic"
	"time"

	"github.com/dossier-project/dossier/schema"
)

// Reads answered by a backend's read index (readindex.go). Each returns what
// the quad-reading method it stands for returns on the same store; a test
// compares the two on every backend that keeps an index.

// index returns the read index the Store answers from, or nil. The caller
// holds s.h's read lock.
func (s *Store) index() Index {
	if s.noIndex {
		return nil
	}
	return s.b.Index()
}

// indexed reports whether reads go through a read index.
func (s *Store) indexed() bool { return s.index() != nil }

// stream wraps a stream's callback so that the read knows once it has
// passed something on.
func stream[T any](t *ixRead, fn func(T) error) func(T) error {
	return func(x T) error {
		t.streamed = true
		return fn(x)
	}
}

// namesChunk is how many claims or relations a stream collects before it
// looks up the names they refer to, in one call.
const namesChunk = 512

// ixRead is one question answered from a read index: a view and the names
// it has resolved so far.
type ixRead struct {
	ctx   context.Context
	s     *Store
	v     IndexView
	names map[string]EntityRef // by the ID as referred to
	// streamed is set once a stream has passed an item to its caller:
	// the read cannot be made again then.
	streamed bool
}

// fresh keeps the tie cache of a shared store (one other processes write)
// only while the store's version is the one it was read at: each question
// asks for the version once, and the ties and surname links are read
// again only after a write.
func (s *Store) fresh(ctx context.Context) error {
	if !s.shared {
		return nil
	}
	vi, ok := s.b.Index().(VersionedIndex)
	if !ok {
		return nil
	}
	v, err := vi.Version(ctx)
	if err != nil {
		return err
	}
	c := &s.ties
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.versioned || c.version != v {
		c.ok, c.surnames, c.tiedBySurname = false, nil, nil
		c.version, c.versioned = v, true
	}
	return nil
}

// openView is the read of the index a question is answered in, left in
// its context (ixRead.ctx) so that what the question looks up on the way
// (the acronym ties, surname links) is read in the same transaction, not
// in one of its own each: show on all of Reuters-21578 opened 34 reads
// on PostgreSQL, 29 of them for surnames.
type openView struct {
	s    *Store
	v    IndexView
	done atomic.Bool
}

// openViewKey is the context key of an openView.
type openViewKey struct{}

// indexView runs fn in the read of idx that ctx's question is answered in
// while it is open, or else in a read of its own.
func (s *Store) indexView(ctx context.Context, idx Index, fn func(IndexView) error) error {
	if ov, ok := ctx.Value(openViewKey{}).(*openView); ok && ov.s == s && !ov.done.Load() {
		return fn(ov.v)
	}
	return idx.View(ctx, fn)
}

// view runs fn in one read of the index. When the read fails in a way the
// backend says is passing (a replica cancelled it to replay its primary's
// writes), it is run again, at most viewAttempts times in all, unless fn
// has already streamed something to its caller (ixRead.streamed): fn
// starts its answer afresh each time.
func (s *Store) view(ctx context.Context, fn func(t *ixRead) error) error {
	if err := s.fresh(ctx); err != nil {
		return err
	}
	idx := s.index()
	var err error
	for attempt := 1; ; attempt++ {
		var t *ixRead
		err = idx.View(ctx, func(v IndexView) error {
			ov := &openView{s: s, v: v}
			defer ov.done.Store(true)
			t = &ixRead{ctx: context.WithValue(ctx, openViewKey{}, ov), s: s, v: v, names: make(map[string]EntityRef)}
			return fn(t)
		})
		if !s.retry(ctx, idx, err, attempt) || (t != nil && t.streamed) {
			return err
		}
	}
}

// viewAttempts is how many times a read that fails in passing is made.
const viewAttempts = 4

// retry reports whether a read that failed with err (its attempt-th try)
// should be made again, and waits a little before it is.
func (s *Store) retry(ctx context.Context, idx Index, err error, attempt int) bool {
	tr, ok := idx.(TransientIndex)
	if err == nil || !ok || !tr.Transient(err) || attempt >= viewAttempts || ctx.Err() != nil {
		return false
	}
	select {
	case <-ctx.Done():
		return false
	case <-time.After(time.Duration(attempt) * 100 * time.Millisecond):
	}
	return true
}

// resolve looks up, in one call, the names of the IDs not resolved yet:
// each is folded into the entity it is tied to and named as that entity
// is shown (the best of its records' names, BetterName).
func (t *ixRead) resolve(ids []string) error {
	canon := make(map[string]string)
	var want []string
	for _, id := range ids {
		if _, ok := t.names[id]; ok || canon[id] != "" {
			continue
		}
		c, err := t.s.canonicalID(t.ctx, id)
		if err != nil {
			return err
		}
		canon[id] = c
		want = append(want, c)
	}
	if len(want) == 0 {
		return nil
	}
	found, err := t.v.EntityNames(distinct(want))
	if err != nil {
		return err
	}
	for id, c := range canon {
		r := found[c]
		r.ID = c
		t.names[id] = r
	}
	return nil
}

// ref returns an entity's ID, name and type, after folding a tied ID into
// the entity it is tied to; its name and type are those of its oldest
// record, as in the quads.
func (t *ixRead) ref(id string) (EntityRef, error) {
	if err := t.resolve([]string{id}); err != nil {
		return EntityRef{}, err
	}
	return t.names[id], nil
}

// folding holds what folding entities needs beyond their own records,
// read in two calls: the records of the IDs tied to them, and the number
// of documents that mention an entity or any ID tied to it.
type folding struct {
	tied map[string]EntityRecord
	docs map[string]int
}

// prefetch reads what folding ids needs.
func (t *ixRead) prefetch(ids []string) (*folding, error) {
	f := &folding{docs: make(map[string]int)}
	var all []string
	var groups [][]string
	var with []string
	for _, id := range ids {
		tied, err := t.s.tiedIDs(t.ctx, id)
		if err != nil {
			return nil, err
		}
		if len(tied) > 0 {
			all = append(all, tied...)
			groups = append(groups, append([]string{id}, tied...))
			with = append(with, id)
		}
	}
	if len(groups) == 0 {
		return f, nil
	}
	var err error
	if f.tied, err = t.v.Entities(distinct(all)); err != nil {
		return nil, err
	}
	counts, err := t.v.DocumentCounts(groups)
	if err != nil {
		return nil, err
	}
	for i, id := range with {
		f.docs[id] = counts[i]
	}
	return f, nil
}

// entity merges the records of an entity ID and of the IDs tied to it.
func (t *ixRead) entity(id string) (EntityInfo, error) {
	own, err := t.v.Entities([]string{id})
	if err != nil {
		return EntityInfo{}, err
	}
	f, err := t.prefetch([]string{id})
	if err != nil {
		return EntityInfo{}, err
	}
	r, ok := own[id]
	return t.fold(id, r, ok, f)
}

// fold merges own, the records of entity ID id (ok when there are any),
// with those of the IDs tied to it (from f): own records bring their
// aliases and kind; a tied ID's records bring only their names, as in the
// quads.
func (t *ixRead) fold(id string, own EntityRecord, ok bool, f *folding) (EntityInfo, error) {
	e := EntityInfo{ID: id, Aliases: []string{}}
	if ok {
		e.Name, e.Type, e.Kind, e.KindReason = own.Name, own.Type, own.Kind, own.KindReason
		for _, a := range own.Aliases {
			e.Aliases = appendDistinct(e.Aliases, a)
		}
		for _, n := range own.Names {
			if n != e.Name {
				e.Aliases = appendDistinct(e.Aliases, n)
			}
		}
		for _, m := range own.Merges {
			e.Merges = append(e.Merges, ParseMergeText(m))
		}
		e.Mentions, e.Documents = own.Mentions, own.Documents
	}
	tied, err := t.s.tiedIDs(t.ctx, id)
	if err != nil {
		return e, err
	}
	if len(tied) > 0 {
		if _, ok := f.docs[id]; !ok {
			// Tied otherwise than prefetch foresaw (a surname link).
			more, err := t.prefetch([]string{id})
			if err != nil {
				return e, err
			}
			f.docs[id] = more.docs[id]
			if f.tied == nil {
				f.tied = make(map[string]EntityRecord)
			}
			for k, v := range more.tied {
				f.tied[k] = v
			}
		}
		for _, tid := range tied {
			r, ok := f.tied[tid]
			if !ok {
				continue
			}
			for _, n := range r.Names {
				if n != e.Name {
					e.Aliases = appendDistinct(e.Aliases, n)
				}
			}
			for _, m := range r.Merges {
				e.Merges = append(e.Merges, ParseMergeText(m))
			}
			e.Mentions += r.Mentions
		}
		e.Documents = f.docs[id]
		if err := t.s.addSurnameMerges(t.ctx, &e, tied); err != nil {
			return e, err
		}
	}
	sort.Strings(e.Aliases)
	return e, nil
}

func appendDistinct(ss []string, s string) []string {
	if contains(ss, s) {
		return ss
	}
	return append(ss, s)
}

// claimRefs returns the IDs a claim refers to.
func claimRefs(ids []string, c *ClaimInfo) []string {
	for _, r := range []*EntityRef{c.Claimant, c.Target, c.Channel} {
		if r != nil {
			ids = append(ids, r.ID)
		}
	}
	for _, a := range c.About {
		ids = append(ids, a.ID)
	}
	return ids
}

// fillNames fills in the names of the entities a claim from the index
// refers to (claimant, target, channel, about), each folded into the
// entity it is tied to; resolve has looked them up.
func (t *ixRead) fillNames(c *ClaimInfo) error {
	var err error
	fill := func(r *EntityRef) (*EntityRef, error) {
		if r == nil {
			return nil, nil
		}
		x, err := t.ref(r.ID)
		return &x, err
	}
	if c.Claimant, err = fill(c.Claimant); err != nil {
		return err
	}
	if c.Target, err = fill(c.Target); err != nil {
		return err
	}
	if c.Channel, err = fill(c.Channel); err != nil {
		return err
	}
	about := make([]EntityRef, 0, len(c.About))
	for _, a := range c.About {
		r, err := t.ref(a.ID)
		if err != nil {
			return err
		}
		dup := false
		for _, x := range about {
			dup = dup || x.ID == r.ID
		}
		if !dup {
			about = append(about, r)
		}
	}
	c.About = about
	// As read from the quads: lists are empty, not absent.
	if c.RespondsTo == nil {
		c.RespondsTo = []string{}
	}
	if c.Hedges == nil {
		c.Hedges = []string{}
	}
	return nil
}

// named fills in the names of claims, looked up together, and passes
// those that f matches to fn in their order.
func (t *ixRead) named(cs []ClaimInfo, f *ClaimFilter, fn func(ClaimInfo) error) error {
	var ids []string
	for i := range cs {
		ids = claimRefs(ids, &cs[i])
	}
	if err := t.resolve(ids); err != nil {
		return err
	}
	for _, c := range cs {
		if err := t.fillNames(&c); err != nil {
			return err
		}
		if f.match(&c) {
			if err := fn(c); err != nil {
				return err
			}
		}
	}
	return nil
}

// relNamed fills in the names of relations from the index, looked up
// together.
func (t *ixRead) relNamed(rs []RelationInfo, fn func(RelationInfo) error) error {
	var ids []string
	for _, r := range rs {
		ids = append(ids, r.Subject.ID, r.Object.ID)
	}
	if err := t.resolve(ids); err != nil {
		return err
	}
	for _, r := range rs {
		var err error
		if r.Subject, err = t.ref(r.Subject.ID); err != nil {
			return err
		}
		if r.Object, err = t.ref(r.Object.ID); err != nil {
			return err
		}
		if err := fn(r); err != nil {
			return err
		}
	}
	return nil
}

// sortEntities orders entities most mentioned first, then by name and ID.
func sortEntities(out []EntityInfo) {
	sortStable(out, func(a, b *EntityInfo) int {
		if c := cmp.Compare(b.Mentions, a.Mentions); c != 0 {
			return c
		}
		if c := cmp.Compare(a.Name, b.Name); c != 0 {
			return c
		}
		return cmp.Compare(a.ID, b.ID)
	})
}

// find returns the IDs whose entity ID, name or alias is name: exact
// matches when there are any, else matches of the name's slug.
func (t *ixRead) find(name string) ([]string, error) {
	var exact, loose []string
	known, err := t.v.EntityNames([]string{name})
	if err != nil {
		return nil, err
	}
	if _, ok := known[name]; ok {
		exact = append(exact, name)
	}
	err = t.v.Names(schema.Slug(name), func(id, n string) error {
		if n == name {
			exact = appendDistinct(exact, id)
		}
		loose = appendDistinct(loose, id)
		return nil
	})
	if len(exact) > 0 {
		return exact, err
	}
	return loose, err
}

func (s *Store) idxFind(ctx context.Context, name string) ([]EntityInfo, error) {
	var out []EntityInfo
	err := s.view(ctx, func(t *ixRead) error {
		out = nil
		ids, err := t.find(name)
		if err != nil {
			return err
		}
		seen := make(map[string]bool)
		for _, id := range ids {
			c, err := s.canonicalID(t.ctx, id)
			if err != nil {
				return err
			}
			if seen[c] {
				continue
			}
			seen[c] = true
			e, err := t.entity(c)
			if err != nil {
				return err
			}
			out = append(out, e)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("entity %q: %w", name, ErrNotFound)
	}
	sortEntities(out)
	return out, nil
}

// eachEntity calls fn for every entity (not tied to another), of one type
// or all, in ID order. It reads every entity's records first, so that the
// surname links and acronym ties are worked out once, from them, rather
// than looked up entity by entity.
func (t *ixRead) eachEntity(typ string, fn func(EntityInfo) error) error {
	var recs []EntityRecord
	if err := t.v.EachEntity(func(r EntityRecord) error {
		recs = append(recs, r)
		return nil
	}); err != nil {
		return err
	}
	t.s.prefetchSurnames(recs)
	to, _, err := t.s.loadTies(t.ctx)
	if err != nil {
		return err
	}
	var tiedTo []string
	for _, v := range to {
		if id, ok := schema.EntityIDOf(iriString(v)); ok {
			tiedTo = append(tiedTo, id)
		}
	}
	f, err := t.prefetch(distinct(tiedTo))
	if err != nil {
		return err
	}
	for _, r := range recs {
		if c, err := t.s.canonicalID(t.ctx, r.ID); err != nil {
			return err
		} else if c != r.ID {
			continue
		}
		if typ != "" && r.Type != typ {
			continue
		}
		e, err := t.fold(r.ID, r, true, f)
		if err != nil {
			return err
		}
		if err := fn(e); err != nil {
			return err
		}
	}
	return nil
}

// prefetchSurnames works out every surname link of the store at once from
// every entity's records (recs, in ID order), as surnameLinkOf and
// surnameTied would one by one from the index, and caches them.
func (s *Store) prefetchSurnames(recs []EntityRecord) {
	// The full-name persons by the slug of each of their names and
	// aliases, in ID order: surnameCandidates.
	bySlug := make(map[string][]surnameCandidate)
	for _, r := range recs {
		if !fullPerson(r.ID) {
			continue
		}
		cd := surnameCandidate{id: r.ID, name: r.Name, docs: r.Documents, sex: aliasSex(r.Aliases)}
		seen := make(map[string]bool)
		for _, n := range append(slices.Clone(r.Names), r.Aliases...) {
			// "Mr Kaspersky" makes the person a candidate for
			// "kaspersky" as "Kaspersky" does (surnameSlugs).
			sl := honorificFree(schema.Slug(n))
			if !seen[sl] {
				seen[sl] = true
				bySlug[sl] = append(bySlug[sl], cd)
			}
		}
	}
	links := make(map[string]surnameLink)
	tied := make(map[string][]string)
	for _, r := range recs {
		sur, sex, ok := bareSurname(r.ID)
		if !ok {
			continue
		}
		key := surnameKey(sur, sex)
		l, done := links[key]
		if !done {
			l = linkFrom(bySlug[schema.Slug(sur)], sur, sex)
			links[key] = l
		}
		if l.to != "" {
			tied[l.to] = append(tied[l.to], r.ID)
		}
	}
	for _, ids := range tied {
		sort.Strings(ids)
	}
	c := &s.ties
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.surnames == nil {
		c.surnames = make(map[string]surnameLink)
	}
	for k, l := range links {
		c.surnames[k] = l
	}
	c.tiedBySurname = tied
}

func (s *Store) idxEntities(ctx context.Context, typ string) ([]EntityInfo, error) {
	var out []EntityInfo
	err := s.view(ctx, func(t *ixRead) error {
		out = nil
		return t.eachEntity(typ, func(e EntityInfo) error {
			out = append(out, e)
			return nil
		})
	})
	sortEntities(out)
	return out, err
}

// idxEachEntity is EachEntity through the read index, in ID order.
func (s *Store) idxEachEntity(ctx context.Context, typ string, fn func(EntityInfo) error) error {
	return s.view(ctx, func(t *ixRead) error { return t.eachEntity(typ, stream(t, fn)) })
}

func (s *Store) idxStats(ctx context.Context) (Stats, error) {
	var st Stats
	if err := s.fresh(ctx); err != nil {
		return st, err
	}
	_, tied, err := s.loadTies(ctx)
	if err != nil {
		return st, err
	}
	err = s.view(ctx, func(t *ixRead) error {
		n, err := t.v.Counts()
		if err != nil {
			return err
		}
		st.Documents, st.Claims, st.Relations = n.Documents, n.Claims, n.Relations
		// An ID tied to another entity is part of it, not one more.
		var ids []string
		for _, vs := range tied {
			for _, v := range vs {
				if id, ok := schema.EntityIDOf(iriString(v)); ok {
					ids = append(ids, id)
				}
			}
		}
		known, err := t.v.EntityNames(distinct(ids))
		st.Entities = n.Entities - len(known)
		return err
	})
	if err != nil {
		return st, err
	}
	st.Quads, err = s.b.QuadCount(ctx)
	return st, err
}

// claims calls fn with the claims of q that f matches, each once, names
// filled in, in the order the index gives them.
func (t *ixRead) claims(q ClaimQuery, f *ClaimFilter, fn func(ClaimInfo) error) error {
	n := 0
	seen := make(map[string]bool)
	var batch []ClaimInfo
	err := t.v.Claims(q, func(c ClaimInfo) error {
		if n++; n%256 == 0 {
			if err := t.ctx.Err(); err != nil {
				return err
			}
		}
		// Names are looked up only for claims that pass the rest.
		if seen[c.IRI] || !f.matchFields(&c) {
			return nil
		}
		seen[c.IRI] = true
		batch = append(batch, c)
		if len(batch) < namesChunk {
			return nil
		}
		err := t.named(batch, f, fn)
		batch = batch[:0]
		return err
	})
	if err != nil {
		return err
	}
	return t.named(batch, f, fn)
}

func (s *Store) idxClaims(ctx context.Context, f ClaimFilter) ([]ClaimInfo, error) {
	var out []ClaimInfo
	err := s.view(ctx, func(t *ixRead) error {
		out = nil
		q := ClaimQuery{Stance: f.Stance}
		if f.By != "" || f.About != "" {
			id := cmp.Or(f.By, f.About)
			tied, err := s.tiedIDs(ctx, id)
			if err != nil {
				return err
			}
			ids := append([]string{id}, tied...)
			if f.By != "" {
				q.By = ids
			} else {
				q.About = ids
			}
		}
		return t.claims(q, &f, func(c ClaimInfo) error {
			out = append(out, c)
			return nil
		})
	})
	sortClaims(out)
	return out, err
}

// idxEachClaim is EachClaim through the read index, in document hash and
// claim ID order.
func (s *Store) idxEachClaim(ctx context.Context, f ClaimFilter, fn func(ClaimInfo) error) error {
	return s.view(ctx, func(t *ixRead) error {
		return t.claims(ClaimQuery{Stance: f.Stance}, &f, stream(t, fn))
	})
}

// relations calls fn with the relations of ids (every relation when ids
// is nil), each once, names filled in, in the index's order.
func (t *ixRead) relations(ids []string, fn func(RelationInfo) error) error {
	seen := make(map[string]bool)
	var batch []RelationInfo
	err := t.v.Relations(ids, func(r RelationInfo) error {
		if seen[r.IRI] {
			return nil
		}
		seen[r.IRI] = true
		batch = append(batch, r)
		if len(batch) < namesChunk {
			return nil
		}
		err := t.relNamed(batch, fn)
		batch = batch[:0]
		return err
	})
	if err != nil {
		return err
	}
	return t.relNamed(batch, fn)
}

func (s *Store) idxRelations(ctx context.Context, id string) ([]RelationInfo, error) {
	var out []RelationInfo
	err := s.view(ctx, func(t *ixRead) error {
		out = nil
		var ids []string
		if id != "" {
			tied, err := s.tiedIDs(ctx, id)
			if err != nil {
				return err
			}
			ids = append([]string{id}, tied...)
		}
		return t.relations(ids, func(r RelationInfo) error {
			out = append(out, r)
			return nil
		})
	})
	sortRelations(out)
	return out, err
}

// idxEachRelation is EachRelation through the read index: each relation
// once, though it is listed under its subject and its object.
func (s *Store) idxEachRelation(ctx context.Context, fn func(RelationInfo) error) error {
	return s.view(ctx, func(t *ixRead) error { return t.relations(nil, stream(t, fn)) })
}

// sortRelations orders relations by document, place in text and IRI.
func sortRelations(out []RelationInfo) {
	sortStable(out, func(a, b *RelationInfo) int {
		if c := cmp.Compare(a.Document.Hash, b.Document.Hash); c != 0 {
			return c
		}
		if c := cmp.Compare(a.Evidence.Start, b.Evidence.Start); c != 0 {
			return c
		}
		return cmp.Compare(a.IRI, b.IRI)
	})
}

func (s *Store) idxDocuments(ctx context.Context, id string) ([]DocInfo, error) {
	out := []DocInfo{}
	err := s.view(ctx, func(t *ixRead) error {
		out = out[:0]
		if id == "" {
			return t.v.Documents(func(d DocInfo) error {
				out = append(out, d)
				return nil
			})
		}
		tied, err := s.tiedIDs(ctx, id)
		if err != nil {
			return err
		}
		ds, err := t.v.EntityDocs(append([]string{id}, tied...))
		out = append(out, ds...)
		return err
	})
	sortDocs(out)
	return out, err
}

// sortDocs orders documents oldest first, then by hash.
func sortDocs(out []DocInfo) {
	sortStable(out, func(a, b *DocInfo) int {
		if c := cmp.Compare(a.Date, b.Date); c != 0 {
			return c
		}
		return cmp.Compare(a.Hash, b.Hash)
	})
}

// idxRespondents reads the claims of an allegation's document that answer
// it (responds-to links never leave a document).
func (s *Store) idxRespondents(ctx context.Context, iri string) ([]ClaimInfo, error) {
	hash, _, ok := strings.Cut(strings.TrimPrefix(iri, schema.NSID+"doc/"), "/")
	if !ok {
		return nil, nil
	}
	var out []ClaimInfo
	err := s.view(ctx, func(t *ixRead) error {
		out = nil
		var cs []ClaimInfo
		err := t.v.Claims(ClaimQuery{Doc: hash}, func(c ClaimInfo) error {
			if slices.Contains(c.RespondsTo, iri) {
				cs = append(cs, c)
			}
			return nil
		})
		if err != nil {
			return err
		}
		return t.named(cs, &ClaimFilter{}, func(c ClaimInfo) error {
			out = append(out, c)
			return nil
		})
	})
	sortClaims(out)
	return out, err
}

// idxMentions is Mentions through the read index.
func (s *Store) idxMentions(ctx context.Context, id string) ([]MentionDoc, error) {
	var out []MentionDoc
	err := s.view(ctx, func(t *ixRead) error {
		out = nil
		known, err := t.v.EntityNames([]string{id})
		if err != nil {
			return err
		}
		if _, ok := known[id]; !ok {
			return fmt.Errorf("entity %q: %w", id, ErrNotFound)
		}
		byDoc := make(map[string]int) // hash -> index in out
		return t.v.Mentions(id, func(m MentionRecord) error {
			if m.Text == nil {
				return nil // as in the quads: a mention without its sentence is left out
			}
			// A document is listed only for a mention: an entity a
			// demonym made has a record but no mention.
			h := m.Document.Hash
			di, ok := byDoc[h]
			if !ok {
				di = len(out)
				byDoc[h] = di
				out = append(out, MentionDoc{Document: m.Document})
			}
			md := &out[di]
			j := slices.IndexFunc(md.Sentences, func(x MentionSentence) bool { return x.Index == m.Sentence })
			if j < 0 {
				md.Sentences = append(md.Sentences, MentionSentence{Index: m.Sentence, Sentence: *m.Text})
				j = len(md.Sentences) - 1
			}
			md.Sentences[j].Mentions = append(md.Sentences[j].Mentions, m.Mention)
			return nil
		})
	})
	if err != nil {
		return nil, err
	}
	for i := range out {
		for j := range out[i].Sentences {
			ms := out[i].Sentences[j].Mentions
			slices.SortStableFunc(ms, func(a, b schema.Span) int { return cmp.Compare(a.Start, b.Start) })
		}
		slices.SortStableFunc(out[i].Sentences, func(a, b MentionSentence) int { return cmp.Compare(a.Sentence.Start, b.Sentence.Start) })
	}
	sortStable(out, func(a, b *MentionDoc) int {
		if c := cmp.Compare(a.Document.Date, b.Document.Date); c != 0 {
			return c
		}
		return cmp.Compare(a.Document.Hash, b.Document.Hash)
	})
	return out, nil
}

package graph

import (
	"context"
	"fmt"
	"sort"

	"github.com/dossier-project/dossier/schema"
)

// The graph questions answered from a read index that offers links
// (LinkView): the same answers as from the quads (ask.go), read from the
// backend's records. Counts are capped as reading quads caps them, so
// that a neighbourhood reads the same from either.

// ask runs fn with an asker: over one view of the read index when the
// backend's offers links, else over the quads. The caller holds the read
// lock.
func (s *Store) ask(ctx context.Context, fn func(a *asker) error) error {
	if err := s.fresh(ctx); err != nil {
		return err
	}
	idx := s.index()
	if idx == nil {
		return fn(s.asker())
	}
	for attempt := 1; ; attempt++ {
		err := idx.View(ctx, func(v IndexView) error {
			a := s.asker()
			if lv, ok := v.(LinkView); ok {
				a.lv = lv
			}
			return fn(a)
		})
		if !s.retry(ctx, idx, err, attempt) {
			return err
		}
	}
}

// ixExists is exists from the index: the entity ID has a record.
func (a *asker) ixExists(id string) (string, error) {
	known, err := a.lv.EntityNames([]string{id})
	if err != nil {
		return "", err
	}
	r, ok := known[id]
	if !ok {
		return "", fmt.Errorf("entity %q: %w", id, ErrNotFound)
	}
	iri := schema.EntityIRI(id)
	a.names[iri] = r.Name
	return iri, nil
}

// ixName is name from the index: the name the ID is shown by (BestName).
func (a *asker) ixName(iri string) (EntityRef, error) {
	id, _ := schema.EntityIDOf(iri)
	if n, ok := a.names[iri]; ok {
		return EntityRef{ID: id, Name: n}, nil
	}
	known, err := a.lv.EntityNames([]string{id})
	if err != nil {
		return EntityRef{}, err
	}
	a.names[iri] = known[id].Name
	return EntityRef{ID: id, Name: known[id].Name}, nil
}

// ixEntity is entity from the index: the ID's merged records, not folded
// with the IDs tied to it. Reading quads, at most limit statements of
// each kind are read (limit > 0); here the lists are cut at limit and the
// mentions counted to it, and capped says whether anything was cut.
func (a *asker) ixEntity(iri string, limit int) (EntityInfo, bool, error) {
	id, _ := schema.EntityIDOf(iri)
	rs, err := a.lv.Entities([]string{id})
	r, ok := rs[id]
	if err != nil || !ok {
		return EntityInfo{ID: id, Aliases: []string{}}, false, err
	}
	e, capped := a.recEntity(r, limit)
	return e, capped, nil
}

// recEntity is ixEntity for a record read.
func (a *asker) recEntity(r EntityRecord, limit int) (EntityInfo, bool) {
	e := EntityInfo{ID: r.ID, Aliases: []string{}}
	iri := schema.EntityIRI(r.ID)
	capped := false
	cut := func(ss []string) []string {
		if limit > 0 && len(ss) > limit {
			capped = true
			return ss[:limit]
		}
		return ss
	}
	names := cut(r.Names)
	e.Name, e.Type, e.Kind = r.Name, r.Type, r.Kind
	for _, x := range cut(r.Aliases) {
		if x != e.Name {
			e.Aliases = append(e.Aliases, x)
		}
	}
	for _, n := range names {
		if n != e.Name {
			e.Aliases = append(e.Aliases, n)
		}
	}
	sort.Strings(e.Aliases)
	for _, m := range cut(r.Merges) {
		e.Merges = append(e.Merges, ParseMergeText(m))
	}
	e.Documents = r.Documents
	if limit > 0 && r.Documents > limit {
		// One name statement a document: reading them stops here.
		capped = true
	}
	a.names[iri] = e.Name
	if a.noMentions {
		return e, capped
	}
	e.Mentions = r.Mentions
	if limit > 0 && e.Mentions > limit {
		e.Mentions, capped = limit, true
	}
	return e, capped
}

// ixLinksOf is linksOf from the index.
func (a *asker) ixLinksOf(ent string) ([]*link, error) {
	id, _ := schema.EntityIDOf(ent)
	var ls []*link
	seen := make(map[string]bool)
	err := a.lv.Links(id, func(x Link) error {
		iri := ""
		if x.Claim != nil {
			iri = x.Claim.IRI
		} else if x.Relation != nil {
			iri = x.Relation.IRI
		}
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
			l = &link{iri: iri, rec: &x}
			a.links[iri] = l
		}
		ls = append(ls, l)
		return nil
	})
	if err != nil && err != errEnough {
		return nil, err
	}
	sort.Slice(ls, func(i, j int) bool { return ls[i].iri < ls[j].iri })
	a.of[ent] = ls
	return ls, nil
}

// recEnds is ends for a link from the index.
func (l *link) recEnds() []end {
	if r := l.rec.Relation; r != nil {
		if r.Subject.ID == "" || r.Object.ID == "" || r.Subject.ID == r.Object.ID {
			return nil
		}
		return []end{{from: schema.EntityIRI(r.Subject.ID), to: schema.EntityIRI(r.Object.ID)}}
	}
	c := l.rec.Claim
	if c == nil || c.Claimant == nil {
		return nil
	}
	from := schema.EntityIRI(c.Claimant.ID)
	var out []end
	seen := map[string]bool{from: true}
	add := func(id, role string) {
		if t := schema.EntityIRI(id); id != "" && !seen[t] {
			seen[t] = true
			out = append(out, end{from: from, to: t, role: role})
		}
	}
	if c.Target != nil {
		add(c.Target.ID, RoleTarget)
	}
	for _, x := range c.About {
		add(x.ID, RoleAbout)
	}
	if c.Channel != nil {
		add(c.Channel.ID, RoleChannel)
	}
	return out
}

// recEdge is edge for a link from the index.
func (a *asker) recEdge(l *link, e end) (Edge, error) {
	from, err := a.ixName(e.from)
	if err != nil {
		return Edge{}, err
	}
	to, err := a.ixName(e.to)
	if err != nil {
		return Edge{}, err
	}
	out := Edge{From: from, To: to, Role: e.role}
	if r := l.rec.Relation; r != nil {
		out.Kind, out.Label, out.Date = EdgeRelation, r.Predicate, r.Document.Date
		out.Evidence, out.Document = r.Evidence, r.Document
		return out, nil
	}
	c := l.rec.Claim
	out.Kind, out.Label, out.Claim, out.Date = EdgeClaim, c.Stance, c.IRI, c.Date
	out.Cue, out.Content, out.Hedges = c.Cue, c.Content.Text, c.Hedges
	if out.Hedges == nil {
		out.Hedges = []string{}
	}
	out.Evidence, out.Document = c.Evidence, c.Document
	return out, nil
}

// ixDirectory is directory from the index: every entity ID, by class
// (people, organisations, places, the rest), in ID order within one.
func (a *asker) ixDirectory() ([]EntityInfo, error) {
	order := map[string]int{schema.Person: 0, schema.Organization: 1, schema.Place: 2, schema.Misc: 3}
	byClass := make([][]EntityInfo, len(order))
	err := a.lv.EachEntity(func(r EntityRecord) error {
		c, ok := order[r.Type]
		if !ok {
			return nil
		}
		e, _ := a.recEntity(r, 50)
		byClass[c] = append(byClass[c], e)
		return nil
	})
	var out []EntityInfo
	for _, es := range byClass {
		out = append(out, es...)
	}
	return out, err
}

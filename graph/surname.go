package graph

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/cayleygraph/quad"

	"github.com/dossier-project/dossier/extract/ner"
	"github.com/dossier-project/dossier/schema"
)

// Cross-document surname links.
//
// A person that a document names only by surname ("Mr Blair", "Blair") has
// an ID of that document's own (per/mr-blair@1a2b3c4d): the same surname in
// two unrelated articles is not one person by itself. Across the corpus it
// often is: where the full-name persons of that surname are almost all one
// person ("Tony Blair" in 45 of the 47 documents that name a Blair in full),
// the surname-only person is read as that person, like an acronym tie, with
// the rule "corpus-surname" and a confidence (the share) that show prints.
// An honorific's sex must fit the full name's given name (a "Mrs Blair" is
// never read as Tony Blair). Where no full name dominates, or fewer than
// minSurnameDocs documents support it, the person stays on its own, unless
// it has an honorific and the store names only one person of that surname
// (and of a sex that does not conflict with the honorific's) in full: then
// it is read as that person with the confidence uniqueSurnameConfidence
// ("Mr Kaspersky" of a second story is the Eugene Kaspersky of the
// first; two Kennedys of one document each leave "Mr Kennedy" alone).
//
// The links are worked out when read, from the names the store holds, so
// they never depend on the order documents arrive in; they are cached with
// the acronym ties until the next write.

const (
	// minSurnameShare is the share of the surname's full-name documents
	// the linked person must have.
	minSurnameShare = 0.75
	// minSurnameDocs is the fewest documents that must name the linked
	// person in full.
	minSurnameDocs = 2
)

// uniqueSurnameConfidence is the confidence of a link to the one
// full-name person of a surname (and sex) that the store holds when fewer
// than minSurnameDocs documents name that person in full: "Mr Kaspersky"
// of a second story read as the Eugene Kaspersky of the first. It is less
// than any rule within a document, so that `dossier entities --suspect`
// shows such links among the first to review.
const uniqueSurnameConfidence = 0.6

// surnameLink is what the corpus says of one surname and sex.
type surnameLink struct {
	to          string // the full-name person ID, "" when none dominates
	name        string // its name
	docs, total int    // its documents, and those of every full-name person of the surname
	// unique marks a link made because the person is the only one of the
	// surname and sex named in full, with too few documents to dominate.
	unique bool
}

// confidence is the share of the surname's documents the linked person
// has, or uniqueSurnameConfidence for a link to the only such person
// with too few documents to dominate.
func (l surnameLink) confidence() float64 {
	if l.total == 0 {
		return 0
	}
	if l.unique {
		return uniqueSurnameConfidence
	}
	return float64(l.docs) / float64(l.total)
}

// evidence says why a surname was read as l.name.
func (l surnameLink) evidence(surname string) string {
	if l.unique {
		d := "documents"
		if l.docs == 1 {
			d = "document"
		}
		return fmt.Sprintf("%s is the only %s named in full (%d %s)", l.name, surname, l.docs, d)
	}
	return fmt.Sprintf("%s in %d of the %d documents that name a %s in full", l.name, l.docs, l.total, surname)
}

// bareSurname returns the surname and the honorific's sex of a person ID
// that a document scoped to itself ("per/mr-blair@1a2b3c4d": "blair", 'M');
// ok is false for any other ID.
func bareSurname(id string) (surname string, sex byte, ok bool) {
	rest, found := strings.CutPrefix(id, "per/")
	if !found {
		return "", 0, false
	}
	base, _, scoped := strings.Cut(rest, "@")
	if !scoped || base == "" {
		return "", 0, false
	}
	parts := strings.Split(base, "-")
	switch {
	case len(parts) == 1:
		return parts[0], 0, true
	case len(parts) == 2 && ner.HonorificSex(parts[0]) != 0:
		return parts[1], ner.HonorificSex(parts[0]), true
	}
	return "", 0, false
}

// fullPerson reports whether id is a person named in full (not scoped to
// one document).
func fullPerson(id string) bool {
	return strings.HasPrefix(id, "per/") && !strings.Contains(id, "@")
}

// surnameCandidate is a full-name person of a surname.
type surnameCandidate struct {
	id, name string
	docs     int
	sex      byte // what its honorific aliases say ("Mr Blair"): 'M', 'F', or 0
}

// aliasSex is the sex the honorific aliases of a person say, or 0 when
// they say none or both.
func aliasSex(aliases []string) byte {
	var sex byte
	for _, a := range aliases {
		f := strings.Fields(a)
		if len(f) != 2 {
			continue
		}
		switch x := ner.HonorificSex(f[0]); {
		case x == 0:
		case sex == 0:
			sex = x
		case sex != x:
			return 0
		}
	}
	return sex
}

// surnameCandidates returns the full-name persons the store knows by a
// surname: those that some document also named by the surname alone or
// after an honorific that says a sex ("Kaspersky", "Mr Kaspersky": the
// names and aliases whose slug is the surname's, or an honorific's and
// the surname's), with their documents.
func (s *Store) surnameCandidates(ctx context.Context, surname string) ([]surnameCandidate, error) {
	var out []surnameCandidate
	if idx := s.index(); idx != nil {
		err := s.indexView(ctx, idx, func(v IndexView) error {
			seen := map[string]bool{}
			var ids []string
			for _, f := range surnameSlugs(surname) {
				if err := v.Names(f, func(id, _ string) error {
					if fullPerson(id) && !seen[id] {
						seen[id] = true
						ids = append(ids, id)
					}
					return nil
				}); err != nil {
					return err
				}
			}
			sort.Strings(ids)
			rs, err := v.Entities(ids)
			if err != nil {
				return err
			}
			for _, id := range ids {
				if r, ok := rs[id]; ok {
					out = append(out, surnameCandidate{id: id, name: r.Name, docs: r.Documents, sex: aliasSex(r.Aliases)})
				}
			}
			return nil
		})
		return out, err
	}
	seen := map[string]bool{}
	written := []string{surname, strings.ToUpper(surname[:1]) + surname[1:]}
	for _, h := range ner.SexHonorifics {
		written = append(written, h+" "+written[1])
	}
	for _, form := range written {
		for _, p := range []string{schema.PredAlternateName, schema.PredName} {
			vs, err := s.subjects(ctx, p, quad.String(form))
			if err != nil {
				return nil, err
			}
			for _, v := range vs {
				id, ok := schema.EntityIDOf(iriString(v))
				if !ok || !fullPerson(id) || seen[id] {
					continue
				}
				seen[id] = true
				p, err := s.props(ctx, v)
				if err != nil {
					return nil, err
				}
				out = append(out, surnameCandidate{id: id, name: BestName(strs(p[schema.PredName])), docs: len(p[schema.PredMentionedIn]),
					sex: aliasSex(strs(p[schema.PredAlternateName]))})
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].id < out[j].id })
	return out, nil
}

// surnameSlugs are the slugs of the names that make a full-name person a
// candidate for a surname: the surname, and each honorific of
// ner.SexHonorifics with it ("mr-kaspersky").
func surnameSlugs(surname string) []string {
	out := []string{schema.Slug(surname)}
	for _, h := range ner.SexHonorifics {
		out = append(out, schema.Slug(h)+"-"+schema.Slug(surname))
	}
	return out
}

// honorificFree returns a slug less the honorific of ner.SexHonorifics it
// starts with, when one word is left ("mr-kaspersky" is "kaspersky"), or
// the slug.
func honorificFree(slug string) string {
	h, rest, ok := strings.Cut(slug, "-")
	if !ok || rest == "" || strings.Contains(rest, "-") {
		return slug
	}
	for _, x := range ner.SexHonorifics {
		if schema.Slug(x) == h {
			return rest
		}
	}
	return slug
}

// surnameLinkOf works out (and caches) which full-name person, if any, a
// surname with an honorific of sex sex (0 for none) stands for.
func (s *Store) surnameLinkOf(ctx context.Context, surname string, sex byte) (surnameLink, error) {
	key := surnameKey(surname, sex)
	c := &s.ties
	c.mu.Lock()
	if l, ok := c.surnames[key]; ok && c.valid(s.shared) {
		c.mu.Unlock()
		return l, nil
	}
	c.mu.Unlock()
	cands, err := s.surnameCandidates(ctx, surname)
	if err != nil {
		return surnameLink{}, err
	}
	// The candidates are the surname's whatever the honorific: the link
	// of each sex is made from them at once.
	c.mu.Lock()
	if c.surnames == nil {
		c.surnames = make(map[string]surnameLink)
	}
	for _, x := range []byte{0, 'M', 'F'} {
		c.surnames[surnameKey(surname, x)] = linkFrom(cands, surname, x)
	}
	c.surnames[key] = linkFrom(cands, surname, sex)
	l := c.surnames[key]
	c.mu.Unlock()
	return l, nil
}

// surnameKey is the cache key of a surname and sex.
func surnameKey(surname string, sex byte) string { return surname + "\x00" + string(rune(sex)) }

// linkFrom picks, among the full-name persons of a surname (in ID order),
// the one a bare surname with an honorific of sex sex stands for: the one
// that dominates the surname's documents, or else the only one there is
// when the surname has an honorific whose sex does not conflict. A bare
// surname is not read so: on 1,500 Reuters-21578 stories 4 of the 9 it
// would link were companies and places the recogniser made persons
// ("Howard, Weil, Labouisse" read as John Howard, the town of Scranton as
// Everett Scranton).
func linkFrom(cands []surnameCandidate, surname string, sex byte) surnameLink {
	var l surnameLink
	var best surnameCandidate
	tie := false
	n := 0
	for _, cd := range cands {
		w := strings.Fields(cd.name)
		if len(w) < 2 || !strings.EqualFold(schema.Slug(w[len(w)-1]), surname) {
			continue
		}
		if g := ner.GivenNameSex(w[0]); sex != 0 && (g != 0 && g != sex || cd.sex != 0 && cd.sex != sex) {
			continue
		}
		l.total += cd.docs
		n++
		switch {
		case cd.docs > best.docs:
			best, tie = cd, false
		case cd.docs == best.docs:
			tie = true
		}
	}
	if !tie && best.docs >= minSurnameDocs && float64(best.docs) >= minSurnameShare*float64(l.total) {
		l.to, l.name, l.docs = best.id, best.name, best.docs
	} else if n == 1 && best.docs > 0 && sex != 0 {
		l.to, l.name, l.docs, l.unique = best.id, best.name, best.docs, true
	}
	return l
}

// surnameTarget returns the full-name person a scoped surname-only ID is
// read as, or "".
func (s *Store) surnameTarget(ctx context.Context, id string) (string, error) {
	sur, sex, ok := bareSurname(id)
	if !ok {
		return "", nil
	}
	l, err := s.surnameLinkOf(ctx, sur, sex)
	return l.to, err
}

// surnameTied returns the scoped surname-only IDs read as the full-name
// person id, in ID order.
func (s *Store) surnameTied(ctx context.Context, id string) ([]string, error) {
	if !fullPerson(id) {
		return nil, nil
	}
	c := &s.ties
	c.mu.Lock()
	if c.tiedBySurname != nil && c.valid(s.shared) {
		// Worked out for the whole store at once (prefetchSurnames).
		out := c.tiedBySurname[id]
		c.mu.Unlock()
		return out, nil
	}
	c.mu.Unlock()
	base := strings.TrimPrefix(id, "per/")
	sur := base[strings.LastIndexByte(base, '-')+1:]
	if sur == base {
		return nil, nil // one word: not a full name
	}
	forms := []string{sur}
	for _, h := range ner.SexHonorifics {
		forms = append(forms, schema.Slug(h)+"-"+sur)
	}
	var out []string
	seen := map[string]bool{}
	add := func(bid string) error {
		if seen[bid] {
			return nil
		}
		seen[bid] = true
		if t, err := s.surnameTarget(ctx, bid); err != nil || t != id {
			return err
		}
		out = append(out, bid)
		return nil
	}
	if idx := s.index(); idx != nil {
		var bare []string
		err := s.indexView(ctx, idx, func(v IndexView) error {
			for _, f := range forms {
				if err := v.Names(f, func(bid, _ string) error {
					if _, _, ok := bareSurname(bid); ok {
						bare = append(bare, bid)
					}
					return nil
				}); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
		for _, b := range bare {
			if err := add(b); err != nil {
				return nil, err
			}
		}
	} else {
		name, err := s.objects(ctx, quad.IRI(schema.EntityIRI(id)), schema.PredName)
		if err != nil || len(name) == 0 {
			return nil, err
		}
		w := strings.Fields(valueString(name[0]))
		last := w[len(w)-1]
		written := []string{last}
		for _, h := range ner.SexHonorifics {
			written = append(written, h+" "+last)
		}
		for _, f := range written {
			vs, err := s.subjects(ctx, schema.PredName, quad.String(f))
			if err != nil {
				return nil, err
			}
			for _, v := range vs {
				if bid, ok := schema.EntityIDOf(iriString(v)); ok {
					if _, _, ok := bareSurname(bid); ok {
						if err := add(bid); err != nil {
							return nil, err
						}
					}
				}
			}
		}
	}
	sort.Strings(out)
	return out, nil
}

// addSurnameMerges records on a full-name person the surname-only names
// read as it, once per name, with the rule "corpus-surname", the share as
// confidence and the count as evidence.
func (s *Store) addSurnameMerges(ctx context.Context, e *EntityInfo, tied []string) error {
	done := map[string]bool{}
	for _, bid := range tied {
		sur, sex, ok := bareSurname(bid)
		if !ok {
			continue
		}
		l, err := s.surnameLinkOf(ctx, sur, sex)
		if err != nil {
			return err
		}
		if l.to != e.ID {
			continue
		}
		alias := strings.TrimSuffix(strings.TrimPrefix(bid, "per/"), bid[strings.IndexByte(bid, '@'):])
		if done[alias] {
			continue
		}
		done[alias] = true
		e.Merges = append(e.Merges, schema.Merge{Alias: aliasOfSlug(alias, e.Name), Rule: "corpus-surname",
			Confidence: float64(int(l.confidence()*100+0.5)) / 100,
			Evidence:   schema.Span{Text: l.evidence(lastWordOf(e.Name))}})
	}
	return nil
}

// aliasOfSlug writes a surname-only ID's slug ("mr-blair") as the name
// of the full-name person writes the surname ("Mr Blair").
func aliasOfSlug(slug, full string) string {
	last := lastWordOf(full)
	h, _, ok := strings.Cut(slug, "-")
	if !ok {
		return last
	}
	for _, x := range ner.SexHonorifics {
		if schema.Slug(x) == h {
			return x + " " + last
		}
	}
	return last
}

func lastWordOf(s string) string {
	w := strings.Fields(s)
	if len(w) == 0 {
		return ""
	}
	return w[len(w)-1]
}

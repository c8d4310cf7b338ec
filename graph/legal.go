package graph

import (
	"context"
	"sort"
	"strings"
	"unicode"

	"github.com/cayleygraph/quad"

	"github.com/dossier-project/dossier/ledger"
	"github.com/dossier-project/dossier/schema"
)

// Cross-document resolution of legal forms.
//
// An organisation's ID is the slug of the name a story gives it, so the
// same company has one ID in a story that writes "General Motors Corp"
// (org/general-motors-corp) and another in one that writes "General
// Motors" (org/general-motors). Within a story the extractor folds the two
// already; across stories each document writes, for every organisation
// whose ID ends in a legal form, a dossier:sameAs tie from that ID to the
// ID without the form (its legal base, LegalBase), as it ties an acronym to
// its expansion. The base need not exist: the ties are resolved when read
// (foldLegal), from every document's, so the graph never depends on the
// order documents arrive in:
//
//   - The IDs tied to one base are grouped by the family of their form:
//     American ("Inc", "Corp", "Co"), British and Commonwealth ("Plc",
//     "Ltd") and Continental ("AG", "SA", "NV"); "Co Ltd" goes with the
//     American or British family, whichever is read ("Honda Motor Co Ltd"
//     and "Honda Motor Co"; "Plessey Co Ltd" and "Plessey Co Plc"). Two forms of one family
//     name one company ("Plessey Co Plc", "Plessey Co Ltd"); two families
//     may name two ("General Electric Co" of the United States and the
//     British "General Electric Co Plc"; "BASF AG" and its American
//     "BASF Corp"), so they are not joined to each other.
//   - The base itself, when some document names it, is read as the family
//     with the most documents. The entity is the ID most documents give,
//     the base on a tie: "General Motors" with "General Motors Corp" as an
//     alias, "Texaco Inc" with one story's "TExaco"; a base written only
//     in capitals ("AMOCO" of a headline) never names it. A base written before one stock ticker is not
//     read as a name written before others only ("COASTAL <CSBK>", a
//     savings bank, and "Coastal Corp <CGP>"). A one-word base must
//     not be a place the store knows ("Chicago" and the "Chicago Corp" of a
//     cut "First Chicago Corp"), and must carry a ticker or be no common word
//     (minCapsIDF): a headline's "AMOCO" is Amoco Corp, its "COMPUTER" no
//     "Computer Inc", and "Industries" or "Systems" of a name cut short is
//     no "Industries Inc". A base written before the
//     same ticker as a name with a form is that company whatever the
//     word ("GILLETTE <GS>", "Gillette Co <GS>").
//   - Without the base, the forms of one family are read as the one of
//     them most documents name.
//
// Only the legal form at the end of the ID is dropped, never another word:
// "Chevron Co" and "Chevron Chemical Co" stay two companies.

// Families of legal forms.
const (
	famNone  = iota // no legal form: the base itself
	famUS           // Inc, Corp, Co, Company, Corporation, Incorporated
	famGB           // Plc, Ltd, Limited
	famEU           // AG, SA, NV, SpA, GmbH, BV, AB
	famCoLtd        // Ltd after Co or Corp: American or British, as the others say
)

// legalSlugs are the slug words of legal forms a company name may end in,
// with their family.
var legalSlugs = map[string]int{
	"inc": famUS, "incorporated": famUS, "corp": famUS, "corporation": famUS,
	"co": famUS, "company": famUS, "cos": famUS, "companies": famUS,
	"ltd": famGB, "limited": famGB, "plc": famGB,
	"ag": famEU, "sa": famEU, "nv": famEU, "spa": famEU, "gmbh": famEU, "bv": famEU, "ab": famEU,
}

// legalPairs are legal forms written with dots ("N.V.", "S.A."), whose
// slug is two one-letter words.
var legalPairs = map[[2]string]int{
	{"n", "v"}: famEU, {"s", "a"}: famEU, {"a", "g"}: famEU, {"b", "v"}: famEU,
}

// LegalBase returns the ID of an organisation less the legal forms its
// name ends in ("org/general-motors" of "org/general-motors-corp",
// "org/merrill-lynch" of "org/merrill-lynch-and-co-inc", "org/akzo" of
// "org/akzo-n-v", "org/boeing" of "org/the-boeing-company",
// "org/merck-and-co" of "org/merck-and-co-inc"), and the family of the
// last form; ok is false for
// another ID, or one with no legal form after a word of its own.
func LegalBase(id string) (base string, family int, ok bool) {
	slug, found := strings.CutPrefix(id, "org/")
	if !found || strings.Contains(slug, "@") {
		return "", 0, false
	}
	w := strings.Split(slug, "-")
	n := len(w)
	least := 1 // the fewest words left: a name, after "the" if it starts so
	if w[0] == "the" {
		least = 2
	}
	for n > least {
		if f, isForm := legalSlugs[w[n-1]]; isForm {
			switch {
			case family == famNone:
				family = f
			case family == famGB && f == famUS && w[len(w)-1] != "plc":
				// "Ltd" after "Co" or "Corp" ("Honda Motor Co Ltd",
				// as Japanese and Canadian companies write it, and
				// "Plessey Co Ltd" of a British one); "Plc" stays
				// British ("General Electric Co Plc").
				family = famCoLtd
			}
			n--
			continue
		}
		if n > least+1 {
			if f, isForm := legalPairs[[2]string{w[n-2], w[n-1]}]; isForm {
				if family == famNone {
					family = f
				}
				n -= 2
				continue
			}
		}
		break
	}
	if n == len(w) {
		return "", 0, false
	}
	if n > least+1 && w[n-1] == "and" {
		n-- // "Merrill Lynch and Co"
	}
	if w[n-1] == "and" {
		// "Merrill and Co Inc" is "Merrill and Co"'s, as one word and
		// "and" are no company's name; "Merrill and Co" is its own base.
		if n+1 == len(w) || n-least+1 < 2 || w[least-1] == "and" {
			return "", 0, false
		}
		n++
	}
	start := least - 1 // "The Boeing Company" is Boeing's
	if _, isForm := legalSlugs[w[start]]; isForm && n-start == 1 {
		return "", 0, false // "The Limited Inc"
	}
	return "org/" + strings.Join(w[start:n], "-"), family, true
}

// legalQuads returns the ties of a result's organisations to their legal
// bases.
func legalQuads(r *schema.Result, label quad.Value) []quad.Quad {
	var out []quad.Quad
	seen := make(map[string]bool)
	for _, e := range r.Entities {
		if e.Type != schema.Organization || seen[e.ID] {
			continue
		}
		base, _, ok := LegalBase(e.ID)
		if !ok {
			continue
		}
		seen[e.ID] = true
		out = append(out, tieQuads(e.ID, base, label)...)
	}
	return out
}

// orgFacts is what foldLegal reads of one organisation ID.
type orgFacts struct {
	docs int
	// lower is set when a name or alias is written with a lower-case
	// letter; ticker when a ticker was merged into it.
	lower, ticker bool
}

// factsOf returns the facts of those of ids that some document mentions.
func (s *Store) factsOf(ctx context.Context, ids []string) (map[string]orgFacts, error) {
	out := make(map[string]orgFacts, len(ids))
	fill := func(id string, docs int, names, merges []string) {
		f := orgFacts{docs: docs}
		for _, n := range names {
			f.lower = f.lower || strings.IndexFunc(n, unicode.IsLower) >= 0
		}
		for _, m := range merges {
			f.ticker = f.ticker || ParseMergeText(m).Rule == "ticker"
		}
		out[id] = f
	}
	if idx := s.index(); idx != nil {
		err := s.indexView(ctx, idx, func(v IndexView) error {
			rs, err := v.Entities(ids)
			for id, r := range rs {
				fill(id, r.Documents, append(append([]string(nil), r.Names...), r.Aliases...), r.Merges)
			}
			return err
		})
		return out, err
	}
	for _, id := range ids {
		p, err := s.props(ctx, quad.IRI(schema.EntityIRI(id)))
		if err != nil {
			return nil, err
		}
		if len(p[schema.PredType]) == 0 {
			continue
		}
		fill(id, len(p[schema.PredMentionedIn]), append(strs(p[schema.PredName]), strs(p[schema.PredAlternateName])...),
			strs(p[schema.PredMerge]))
	}
	return out, nil
}

// foldLegal resolves the legal-form ties among the ties read (node ->
// entity, by IRI), in place: each tie from an ID to its legal base is
// replaced by a tie to the entity the base's IDs are read as, or dropped.
func (s *Store) foldLegal(ctx context.Context, to map[string]quad.Value, tickers map[string]map[string]bool) error {
	groups := make(map[string][]string) // base -> the IDs tied to it
	for n, t := range to {
		id, ok1 := schema.EntityIDOf(iriString(iriOfKey(n)))
		tid, ok2 := schema.EntityIDOf(iriString(t))
		if !ok1 || !ok2 {
			continue
		}
		if base, _, ok := LegalBase(id); ok && base == tid {
			groups[base] = append(groups[base], id)
			delete(to, n)
		}
	}
	if len(groups) == 0 {
		return nil
	}
	var ids []string
	for b, srcs := range groups {
		ids = append(ids, b)
		ids = append(ids, srcs...)
		if w := strings.TrimPrefix(b, "org/"); !strings.Contains(w, "-") {
			// Is the word a place or a people the store knows?
			ids = append(ids, "loc/"+w, "nat/"+w)
		}
	}
	sort.Strings(ids)
	facts, err := s.factsOf(ctx, ids)
	if err != nil {
		return err
	}
	for b, srcs := range groups {
		if _, tied := to[tieKey(b)]; tied {
			// The base is an acronym tied to another name: it is
			// not read as these.
			delete(facts, b)
		}
		for from, canon := range legalGroup(b, srcs, facts, tickers) {
			to[tieKey(from)] = quad.IRI(schema.EntityIRI(canon))
		}
	}
	return nil
}

// legalGroup decides, for the IDs tied to one legal base, which entity
// each is read as (the IDs read as themselves are left out).
func legalGroup(base string, srcs []string, facts map[string]orgFacts, tickers map[string]map[string]bool) map[string]string {
	byFam := make(map[int][]string)
	famDocs := make(map[int]int)
	for _, id := range srcs {
		f, ok := facts[id]
		if !ok {
			continue
		}
		_, fam, _ := LegalBase(id)
		byFam[fam] = append(byFam[fam], id)
		famDocs[fam] += f.docs
	}
	win := famNone
	for _, fam := range []int{famUS, famGB, famEU} {
		if len(byFam[fam]) > 0 && (win == famNone || famDocs[fam] > famDocs[win]) {
			win = fam
		}
	}
	if co := byFam[famCoLtd]; len(co) > 0 {
		switch win {
		case famUS, famGB:
			// "Nissan Motor Co Ltd" with "Nissan Motor Corp",
			// "Plessey Co Ltd" with "Plessey Co Plc".
			byFam[win] = append(byFam[win], co...)
			delete(byFam, famCoLtd)
		case famNone:
			win = famCoLtd
		}
	}
	out := make(map[string]string)
	for fam, ids := range byFam {
		_, baseKnown := facts[base]
		withBase := fam == win && baseKnown && !otherTickers(base, ids, tickers) &&
			(baseReadable(base, facts) || tickerAgrees(base, ids, tickers))
		// The entity is read as the ID most documents give: the base
		// when as many give it (written in lower case somewhere), else
		// the name with its form ("Texaco Inc" of many stories over one
		// story's "TExaco"; "Amoco Corp" over a headline's "AMOCO").
		canon := ""
		if withBase && facts[base].lower {
			canon = base
		}
		for _, id := range ids {
			if canon == "" || facts[id].docs > facts[canon].docs || facts[id].docs == facts[canon].docs && canon != base && id < canon {
				canon = id
			}
		}
		if withBase && canon != base {
			out[base] = canon
		}
		for _, id := range ids {
			if id != canon {
				out[id] = canon
			}
		}
	}
	return out
}

// otherTickers reports whether the base and one of ids are written before
// stock tickers of which none may be the other's (sameTicker): two
// companies ("COASTAL <CSBK>" of a headline, a savings bank, and "Coastal
// Corp <CGP>").
func otherTickers(base string, ids []string, tickers map[string]map[string]bool) bool {
	tb := tickers[base]
	if len(tb) == 0 {
		return false
	}
	for _, id := range ids {
		ti := tickers[id]
		if len(ti) == 0 {
			continue
		}
		if !shareTicker(tb, ti) {
			return true
		}
	}
	return false
}

// shareTicker reports whether a ticker of a may be one of b's.
func shareTicker(a, b map[string]bool) bool {
	for x := range a {
		for y := range b {
			if sameTicker(x, y) {
				return true
			}
		}
	}
	return false
}

// tickerAgrees reports whether the base is written before the same
// ticker as one of ids ("GILLETTE <GS>" and "Gillette Co <GS>"): the
// same company, whatever else its name is (Gillette is a town too).
func tickerAgrees(base string, ids []string, tickers map[string]map[string]bool) bool {
	tb := tickers[base]
	for _, id := range ids {
		for t := range tickers[id] {
			if tb[t] {
				return true
			}
		}
	}
	return false
}

// baseReadable reports whether the IDs of a legal base may be read as the
// base: some document names it, and a one-word base is no place or
// people the store knows (loc/chicago, nat/american) and carries a ticker
// or is no common word.
func baseReadable(base string, facts map[string]orgFacts) bool {
	f, ok := facts[base]
	if !ok {
		return false
	}
	word := strings.TrimPrefix(base, "org/")
	if strings.Contains(word, "-") {
		return true
	}
	return !placeOrPeople(word, facts) && (f.ticker || ledger.IDF(ledger.Stem(word)) >= minCapsIDF)
}

// placeOrPeople reports whether the store knows a slug word as a place or
// a people (loc/chicago, nat/american) among the facts read.
func placeOrPeople(word string, facts map[string]orgFacts) bool {
	_, place := facts["loc/"+word]
	_, people := facts["nat/"+word]
	return place || people
}

// minCapsIDF is the least IDF (ledger.IDF) of a one-word base: a word of
// about 100 Reuters stories in 19,043 or more is a word of the language
// before a company's name ("COMPUTER" of "COMPAQ COMPUTER", "GO" of "STARS
// TO GO", "Industries" of a name cut short), not the name ("AMOCO",
// "Boeing", "SUN").
const minCapsIDF = 5.2

// resolveChains makes every tie lead to an entity not tied itself (an
// acronym tied to a name with a legal form, which is tied to its base);
// a cycle is left as it was read.
func resolveChains(to map[string]quad.Value) {
	for n, t := range to {
		seen := map[string]bool{n: true}
		cur := t
		for {
			next, ok := to[cur.String()]
			if !ok || seen[cur.String()] {
				break
			}
			seen[cur.String()] = true
			cur = next
		}
		if _, tied := to[cur.String()]; !tied {
			to[n] = cur
		}
	}
}

// iriOfKey returns the IRI whose String is key ("<...>"), the form the tie
// maps are keyed by.
func iriOfKey(key string) quad.Value {
	return quad.IRI(strings.TrimSuffix(strings.TrimPrefix(key, "<"), ">"))
}

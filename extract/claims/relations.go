package claims

import (
	"context"
	"sort"
	"strings"

	"github.com/dossier-project/dossier/schema"
)

// countryAbbrev maps abbreviations and short names to the country name of
// the demonym table.
var countryAbbrev = map[string]string{
	"us": "United States", "u.s.": "United States", "usa": "United States", "u.s.a.": "United States",
	"america": "United States", "uk": "United Kingdom", "u.k.": "United Kingdom", "britain": "United Kingdom",
	"great britain": "United Kingdom", "eu": "European Union",
}

// partNouns introduce a part-of relation: "X, a unit of Y".
var partNouns = set("unit", "subsidiary", "division", "arm", "branch", "part", "wing", "affiliate", "department")

// structural finds the relations stated by the shape of names: "based in"
// from a country modifier ("Germany's Federal Office", "Russian Federal
// Security Service", "US National Security Agency"), roles in apposition
// ("Eugene Kaspersky, chief executive of Kaspersky Lab"; "Kaspersky Lab
// chief executive Eugene Kaspersky") and "part of" ("X, a unit of Y").
func (x *extractor) structural(ctx context.Context) error {
	for si := range x.in.Sentences {
		if si%checkEvery == 0 && ctx.Err() != nil {
			return ctx.Err()
		}
		s := x.in.Sentences[si]
		if s.Start < 0 || s.End > len(x.runes) || s.Start >= s.End {
			continue
		}
		ts := x.toks(si)
		ms := x.mentionsIn(s.Start, s.End)
		for mi, m := range ms {
			if m.e.typ == schema.Organization {
				x.basedIn(si, ts, m)
			}
			if m.e.typ == schema.Person {
				x.roleAround(si, ts, ms, mi)
			}
			if m.e.typ == schema.Organization {
				x.partOf(si, ts, ms, mi)
			}
		}
	}
	return nil
}

// tokIndex returns the index of the token that starts at or after p.
func tokIndex(ts []tok, p int) int {
	for k, t := range ts {
		if t.start >= p {
			return k
		}
	}
	return len(ts)
}

// country returns the country entity named by a modifier word ("Germany",
// "US", "Russian"), which must be among the entities.
func (x *extractor) country(words string, at int) *entInfo {
	// A place mention exactly there.
	for _, m := range x.mentionsIn(at, at+len([]rune(words))) {
		if m.e.typ == schema.Place {
			return m.e
		}
	}
	low := strings.ToLower(words)
	name := ""
	if c, ok := demonymCountry[words]; ok {
		name = strings.ToLower(c)
	} else if c, ok := countryAbbrev[low]; ok {
		name = strings.ToLower(c)
	}
	// The first place, in entity order, with either name: looked up in an
	// index rather than by a pass over the entities, which made a
	// document's relation search grow with the square of its names.
	if x.placeNames == nil {
		x.placeNames = map[string]int{}
		for i, e := range x.ents {
			if e.typ != schema.Place {
				continue
			}
			for n := range e.names {
				if _, ok := x.placeNames[n]; !ok {
					x.placeNames[n] = i
				}
			}
		}
	}
	best := -1
	if i, ok := x.placeNames[low]; ok {
		best = i
	}
	if i, ok := x.placeNames[name]; ok && name != "" && (best < 0 || i < best) {
		best = i
	}
	if best < 0 {
		return nil
	}
	return x.ents[best]
}

func (x *extractor) basedIn(si int, ts []tok, m mref) {
	k := tokIndex(ts, m.start)
	if k >= len(ts) {
		return
	}
	end := m.end
	// Take in an acronym in brackets: "(BSI)".
	if j := tokIndex(ts, m.end); j+2 < len(ts) && ts[j].low == "(" && ts[j+2].low == ")" {
		end = ts[j+2].end
	}
	var place *entInfo
	start := m.start
	// The mention's own first word: "US National Security Agency".
	if ts[k].capital && ts[k].end < m.end {
		place = x.country(ts[k].text, ts[k].start)
	}
	// The words before it: "Germany's", "Russian", "the US".
	if place == nil && k > 0 {
		switch {
		case k > 1 && (ts[k-1].low == "'s" || ts[k-1].low == "'"):
			place = x.country(ts[k-2].text, ts[k-2].start)
			start = ts[k-2].start
		case ts[k-1].capital:
			place = x.country(ts[k-1].text, ts[k-1].start)
			start = ts[k-1].start
		}
	}
	if place == nil || place.id == m.e.id {
		return
	}
	if m.e.kind == schema.KindMedia {
		return
	}
	x.addRelation(si, m.e.id, schema.BasedIn, place.id, x.span(start, end))
}

// roleAround finds "Person, (the) role of Org", "Org's role(,) Person" and
// "Org role Person" around a person mention.
func (x *extractor) roleAround(si int, ts []tok, ms []mref, mi int) {
	m := ms[mi]
	k := tokIndex(ts, m.start)
	j := tokIndex(ts, m.end)
	// After: ", (the|a) chief executive of Org".
	if j < len(ts) && ts[j].low == "," {
		r := j + 1
		if r < len(ts) && (ts[r].low == "the" || ts[r].low == "a" || ts[r].low == "an") {
			r++
		}
		_, pred, e := x.roleWords(ts, r)
		if pred != "" && e < len(ts) && (ts[e].low == "of" || ts[e].low == "at" || ts[e].low == "for") {
			found := false
			for _, o := range ms[mi+1:] {
				if o.start == ts[min(e+1, len(ts)-1)].start || (e+2 < len(ts) && o.start == ts[e+2].start) {
					if o.e.typ == schema.Organization {
						x.addRelation(si, m.e.id, pred, o.e.id, x.span(m.start, o.end))
					}
					found = true
					break
				}
			}
			if !found {
				// The role with its organisation may have been read as a
				// description of the person ("Robert Conway, managing
				// director of Goldman Sachs International Corp said"),
				// which hides the organisation's own mention.
				for _, p := range []int{e + 1, e + 2} {
					if o, ok := x.orgNamedAt(ts, p); ok {
						x.addRelation(si, m.e.id, pred, o.e.id, x.span(m.start, o.end))
						break
					}
				}
			}
		}
		// ", Org's chief executive", ", a Texaco lawyer", ", a Goldman
		// spokesman".
		for _, o := range ms[mi+1:] {
			if o.start == ts[min(r, len(ts)-1)].start && o.e.typ == schema.Organization {
				q := tokIndex(ts, o.end)
				poss := q < len(ts) && ts[q].low == "'s"
				if poss {
					q++
				}
				if _, pred, e := x.roleWords(ts, q); pred != "" && (poss || e >= len(ts) || ts[e].low != "of" && ts[e].low != "at") {
					// Without "'s", not ", the Texaco director of X": the
					// role is of what follows.
					x.addRelation(si, m.e.id, pred, o.e.id, x.span(m.start, ts[e-1].end))
				}
			}
		}
	}
	// Before: "Org('s) chief executive(,) Person".
	b := k
	if b > 0 && ts[b-1].low == "," {
		b--
	}
	for a := b - 1; a >= 0 && b-a <= 3; a-- {
		_, pred, e := x.roleWords(ts, a)
		if pred == "" || e != b {
			continue
		}
		q := a
		if q > 0 && ts[q-1].low == "'s" {
			q--
		}
		for _, o := range ms[:mi] {
			if o.end == ts[max(q-1, 0)].end && o.e.typ == schema.Organization {
				x.addRelation(si, m.e.id, pred, o.e.id, x.span(o.start, m.end))
			}
		}
	}
}

// orgNamedAt returns the organisation mention of the document's entities
// (not a description) that starts at token p, if any.
func (x *extractor) orgNamedAt(ts []tok, p int) (mref, bool) {
	if p >= len(ts) {
		return mref{}, false
	}
	at := ts[p].start
	k := sort.Search(len(x.static), func(k int) bool { return x.static[k].start >= at })
	for ; k < len(x.static) && x.static[k].start == at; k++ {
		if x.static[k].e.typ == schema.Organization {
			return x.static[k], true
		}
	}
	return mref{}, false
}

// roleWords reads a role at ts[a:]: "chief executive", "founder",
// "spokesman"; it returns the role, its predicate and the end.
func (x *extractor) roleWords(ts []tok, a int) (string, string, int) {
	if a >= len(ts) {
		return "", "", a
	}
	switch ts[a].low {
	case "chief":
		if a+1 < len(ts) && (ts[a+1].low == "executive" || ts[a+1].low == "executive officer") {
			e := a + 2
			if e < len(ts) && ts[e].low == "officer" {
				e++
			}
			return "chief executive", schema.ChiefExecutiveOf, e
		}
	case "ceo", "boss":
		return ts[a].low, schema.ChiefExecutiveOf, a + 1
	case "founder", "co-founder", "cofounder":
		return ts[a].low, schema.FounderOf, a + 1
	case "spokesman", "spokeswoman", "spokesperson":
		return ts[a].low, schema.SpokespersonFor, a + 1
	case "chairman", "chairwoman", "president", "director", "head", "secretary", "minister", "leader",
		"administrator", "commissioner", "governor", "vice-president", "vice-chairman":
		return ts[a].low, schema.RoleOf, a + 1
	case "executive", "managing", "vice", "deputy", "general":
		// "executive director of", "managing director of", "vice
		// president of", "deputy director", "general counsel".
		if a+1 < len(ts) {
			if r, pred, e := x.roleWords(ts, a+1); pred != "" && r != "executive" {
				return ts[a].low + " " + r, pred, e
			}
			if ts[a+1].low == "counsel" {
				return ts[a].low + " counsel", schema.RoleOf, a + 2
			}
		}
	case "lawyer", "lawyers", "attorney", "attorneys", "counsel":
		// "X, a lawyer for Y": the lawyer speaks for the client.
		return ts[a].low, schema.RoleOf, a + 1
	case "member":
		return ts[a].low, schema.MemberOf, a + 1
	}
	return "", "", a
}

// partOf finds "Org, (a|the) unit of Org2".
func (x *extractor) partOf(si int, ts []tok, ms []mref, mi int) {
	m := ms[mi]
	j := tokIndex(ts, m.end)
	if j+3 >= len(ts) || ts[j].low != "," {
		return
	}
	r := j + 1
	if ts[r].low == "a" || ts[r].low == "the" || ts[r].low == "an" {
		r++
	}
	if r+1 >= len(ts) || !partNouns[ts[r].low] || ts[r+1].low != "of" {
		return
	}
	for _, o := range ms[mi+1:] {
		if o.start >= ts[r+1].end && o.start <= ts[min(r+3, len(ts)-1)].start && o.e.typ == schema.Organization {
			x.addRelation(si, m.e.id, schema.PartOf, o.e.id, x.span(m.start, o.end))
			return
		}
	}
}

package claims

import (
	"sort"
	"strings"

	"github.com/dossier-project/dossier/extract/ner"
	"github.com/dossier-project/dossier/schema"
)

// Sides. A claim made by a spokesman, an official, a ministry or a lawyer
// answers for someone else: the organisation the person speaks for, the
// country of a government body. An allegation against Japan is answered
// by "a spokesman for the Trade Ministry" in a story filed from Tokyo, and
// "Japanese officials" speak for Japan. The sides come from what the
// extraction already knows: the relations of the document (spokesperson
// for, chief executive of, part of, based in), the kinds of its entities,
// the nationality or country in the words that name the claimant, and the
// place of the story's dateline.

// speakerRoles are the relations by which a person speaks for an
// organisation.
var speakerRoles = map[string]bool{
	schema.SpokespersonFor: true, schema.ChiefExecutiveOf: true, schema.FounderOf: true,
	schema.RoleOf: true, schema.MemberOf: true,
}

// governmental reports whether an organisation of this kind speaks for
// its country.
func governmental(kind string) bool {
	switch kind {
	case schema.KindGovernment, schema.KindAgency, schema.KindIntelligence, schema.KindCourt:
		return true
	}
	return false
}

// officialWords name a government's people or bodies in the words of a
// source: "Japanese officials", "a French government spokesman", "U.S.
// Agriculture Secretary Richard Lyng".
var officialWords = set("official", "officials", "government", "ministry", "minister", "ministers", "diplomat",
	"diplomats", "embassy", "authorities", "administration", "cabinet", "envoy", "ambassador", "negotiator",
	"negotiators", "delegation", "delegate", "delegates", "spokesman", "spokeswoman", "spokesperson",
	"secretary", "chancellor")

// governmentWords in an organisation's name make it a government body
// whatever kind the recogniser gave it ("Industry Ministry").
var governmentWords = set("ministry", "government", "cabinet", "department", "embassy", "parliament", "senate",
	"congress", "council", "commission", "administration", "agency", "office", "bureau")

// sides returns the entities the claimant of d answers for, found once,
// when first asked for: only answers and statements of a wrong need them.
func (x *extractor) sides(d *draft) []*entInfo {
	if !d.sidesDone {
		d.sides, d.sidesDone = x.sidesOf(d), true
	}
	return d.sides
}

// sidesOf returns the entities the claimant of d answers for besides
// itself, in the order found, at most maxSides.
func (x *extractor) sidesOf(d *draft) []*entInfo {
	var out []*entInfo
	add := func(e *entInfo) {
		if e == nil || e == d.claimant || len(out) == maxSides {
			return
		}
		for _, o := range out {
			if o == e {
				return
			}
		}
		out = append(out, e)
	}
	c := d.claimant
	orgs := []*entInfo{}
	if c != nil {
		if c.typ == schema.Person {
			for _, r := range x.rels {
				if r.Subject == c.id && speakerRoles[r.Predicate] {
					if o := x.byID[r.Object]; o != nil {
						add(o)
						orgs = append(orgs, o)
					}
				}
			}
		} else {
			orgs = append(orgs, c)
		}
	}
	gov := false
	for _, o := range orgs {
		for _, r := range x.rels {
			if r.Subject == o.id && r.Predicate == schema.PartOf {
				add(x.byID[r.Object])
			}
		}
		if x.isGovernment(o) {
			gov = true
			add(x.countryOf(o))
		}
	}
	// The words that name the claimant: "Japanese officials", "a U.S.
	// government spokesman", "a spokesman for the Trade Ministry".
	if !gov && (c == nil || c.kind == "" || c.kind == schema.KindOther) {
		for _, w := range strings.Fields(strings.ToLower(d.claimantText)) {
			if governmentWords[strings.Trim(w, ",.;:'\"()")] {
				gov = true
				if c != nil && c.typ == schema.Organization {
					add(x.countryOf(c))
				}
				break
			}
		}
	}
	if c == nil || gov || c.typ == schema.Person && len(orgs) == 0 {
		var words []string
		official := gov
		for _, w := range strings.Fields(d.claimantText) {
			w = strings.Trim(w, ",;:'\"()")
			if strings.Count(w, ".") == 1 || !strings.HasSuffix(w, ".") {
				// A full stop ends a word; "U.S." keeps its own.
				w = strings.TrimRight(w, ".")
			}
			lw := strings.ToLower(w)
			official = official || officialWords[lw]
			words = append(words, w)
		}
		if official {
			for _, w := range words {
				add(x.countryNamed(w))
			}
			if len(out) == 0 && (c == nil || gov) {
				add(x.datelineCountry())
			}
		}
	}
	if c != nil && c.typ == schema.Person && len(orgs) == 0 {
		// "TransCanada chief financial officer H. Neil Nichols", "Texaco
		// chairman Alfred DeCrane": the company whose officer the
		// document titles the person.
		add(x.titleOrg(c))
	}
	if c != nil && c.typ == schema.Person && len(out) == 0 {
		// "He denied ...", "Sheikh Ali said ...": the title the document
		// gives the person elsewhere ("Iranian Oil Minister Gholamreza
		// Aqazadeh") tells whose government it speaks for.
		add(x.titleCountry(c))
	}
	if c != nil && c.typ == schema.Organization {
		// An organisation answers for its founder and its officers
		// ("Lotus founder Mitchell D. Kapor"): the charge against them is
		// the charge against how it is run.
		for _, r := range x.rels {
			if r.Object == c.id && officerRoles[r.Predicate] {
				if p := x.byID[r.Subject]; p != nil && p.typ == schema.Person {
					add(p)
				}
			}
		}
	}
	return out
}

// officerTitles are the words of a company officer's title before the
// person's name: "chief financial officer", "chairman", "spokesman".
var officerTitles = set("chairman", "chairwoman", "president", "chief", "executive", "financial", "operating",
	"officer", "spokesman", "spokeswoman", "spokesperson", "vice", "director", "managing", "general", "counsel",
	"treasurer", "founder", "head", "senior", "deputy", "lawyer", "attorney", "partner", "secretary")

// titleOrg returns the organisation whose officer's title stands right
// before a mention of person p anywhere in the document: "TransCanada
// chief financial officer H. Neil Nichols", "Texaco's chairman Alfred
// DeCrane" (up to five words of officerTitles between the organisation's
// mention and the name, a "chief" or a word of one's office among them);
// nil when no mention has one.
func (x *extractor) titleOrg(p *entInfo) *entInfo {
	return x.atMentions(p, func(ts []tok, k int) *entInfo {
		j := k - 1
		for j >= 0 && j >= k-5 && officerTitles[ts[j].low] {
			j--
		}
		if j == k-1 || j < 0 {
			return nil
		}
		if ts[j].low == "'s" || ts[j].low == "’s" {
			j--
		}
		if j < 0 {
			return nil
		}
		for _, o := range x.mentionsIn(ts[max(0, j-5)].start, ts[j].end) {
			if o.end == ts[j].end && o.e.typ == schema.Organization && o.e != p {
				return o.e
			}
		}
		return nil
	})
}

// atMentions calls f with the tokens of the sentence of each mention of p
// in the document and the index of the mention's first token, in order,
// and returns the first entity f returns (nil when none does).
func (x *extractor) atMentions(p *entInfo, f func(ts []tok, k int) *entInfo) *entInfo {
	for _, m := range x.static {
		if m.e != p {
			continue
		}
		si := sort.Search(len(x.in.Sentences), func(i int) bool { return x.in.Sentences[i].End > m.start })
		if si >= len(x.in.Sentences) || x.in.Sentences[si].Start > m.start {
			continue
		}
		ts := x.toks(si)
		if e := f(ts, tokIndex(ts, m.start)); e != nil {
			return e
		}
	}
	return nil
}

// titleCountry returns the country of the official title that stands
// right before a mention of person p anywhere in the document: "Iranian
// Oil Minister Gholamreza Aqazadeh", "Kuwaiti oil minister Sheikh Ali",
// "U.S. Agriculture Secretary Richard Lyng" (a word of officialWords among
// up to four words before the name, with a country or nationality among
// them, and nothing else between them and the name); nil when no mention
// has one.
func (x *extractor) titleCountry(p *entInfo) *entInfo {
	return x.atMentions(p, func(ts []tok, k int) *entInfo {
		official := false
		var words []string
		for j := k - 1; j >= 0 && j >= k-4; j-- {
			t := ts[j]
			if !t.capital && !officialWords[t.low] && t.low != "oil" && t.low != "foreign" && t.low != "trade" && t.low != "finance" {
				break
			}
			if len(x.mentionsIn(t.start, t.end)) > 0 && !demonymWord(t.text) {
				break // another name: "Reagan told Nakasone"
			}
			official = official || officialWords[t.low]
			words = append(words, t.text)
		}
		if !official {
			return nil
		}
		for _, w := range words {
			if c := x.countryNamed(w); c != nil {
				return c
			}
		}
		return nil
	})
}

// demonymWord reports whether a word is a nationality ("Iranian").
func demonymWord(w string) bool {
	_, ok := demonymCountry[w]
	return ok
}

// officerRoles are the relations by which a person runs an organisation,
// which then answers for them.
var officerRoles = map[string]bool{schema.FounderOf: true, schema.ChiefExecutiveOf: true}

// maxSides bounds the entities a claimant answers for.
const maxSides = 4

// isGovernment reports whether an organisation is a government body: by
// its kind, or by a word of its name.
func (x *extractor) isGovernment(o *entInfo) bool {
	if o.typ != schema.Organization {
		return false
	}
	if governmental(o.kind) {
		return true
	}
	if o.kind != "" && o.kind != schema.KindOther {
		return false
	}
	for w := range o.words {
		if governmentWords[w] {
			return true
		}
	}
	return false
}

// countryOf returns the country a government body belongs to: the place
// it is based in, the country or nationality its name holds, else the
// country of the story's dateline.
func (x *extractor) countryOf(o *entInfo) *entInfo {
	for _, r := range x.rels {
		if r.Subject == o.id && r.Predicate == schema.BasedIn {
			if p := x.byID[r.Object]; p != nil && p.typ == schema.Place {
				if p.kind == schema.KindCountry {
					return p
				}
				if c := x.countryNamed(p.name); c != nil {
					return c
				}
			}
		}
	}
	for _, w := range strings.Fields(o.name) {
		if c := x.countryNamed(w); c != nil {
			return c
		}
	}
	return x.datelineCountry()
}

// datelineCountry returns the country entity of the place a story was
// filed from (its dateline: "TOKYO, March 13 -"), or nil.
func (x *extractor) datelineCountry() *entInfo {
	if x.in.Doc == nil || x.in.Doc.Dateline == "" {
		return nil
	}
	place, _, _ := strings.Cut(x.in.Doc.Dateline, ",")
	place = strings.TrimSpace(strings.TrimRight(strings.TrimSpace(place), "-"))
	if place == "" {
		return nil
	}
	return x.countryNamed(place)
}

// countryNamed returns the country entity of the document that a word or
// name names: the country itself ("Japan", "U.S."), its people
// ("Japanese"), or a city of it ("Tokyo"); nil when the document names no
// such country.
func (x *extractor) countryNamed(name string) *entInfo {
	low := strings.ToLower(strings.TrimSpace(name))
	if low == "" {
		return nil
	}
	country := cityCountries[low]
	if c, ok := countryAbbrev[low]; ok && country == "" {
		country = c
	}
	if g, err := ner.DefaultGazetteer(); err == nil && country == "" {
		for _, cat := range []string{"country", "demonym", "city"} {
			if v, ok := g.Lookup(cat, low); ok && v != "" {
				country = v
				break
			}
			if cat == "country" && g.Has(cat, low) {
				country = name
				break
			}
		}
	}
	if country == "" {
		for adj, c := range demonymCountry {
			if strings.EqualFold(adj, name) {
				country = c
				break
			}
		}
	}
	if country == "" {
		return nil
	}
	lc := strings.ToLower(country)
	var best *entInfo
	for _, e := range x.ents {
		if e.typ == schema.Place && (e.names[lc] || e.names[low] && e.kind == schema.KindCountry) && (best == nil || e.count > best.count) {
			best = e
		}
	}
	return best
}

// cityCountries are the countries of news datelines that the gazetteer
// reads as a smaller place of the same name (Washington, England; Los
// Angeles, Chile) or does not hold.
var cityCountries = map[string]string{
	"washington": "United States", "new york": "United States", "los angeles": "United States",
	"san francisco": "United States", "boston": "United States", "peking": "China", "frankfurt": "Germany",
	"zurich": "Switzerland", "brasilia": "Brazil", "montreal": "Canada", "bogota": "Colombia",
}

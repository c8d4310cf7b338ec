package ner

import (
	"strings"
	"unicode"
)

// Kinds returned by [Kind]. Organisations get one of the first thirteen;
// places get "country" or "city".
const (
	KindCompany       = "company"
	KindAgency        = "government agency"
	KindIntelligence  = "intelligence agency"
	KindMedia         = "media"
	KindParty         = "political party"
	KindInternational = "international organisation"
	KindArmedGroup    = "armed group"
	KindGovernment    = "government"
	KindSportsTeam    = "sports team"
	KindCourt         = "court"
	KindUniversity    = "university"
	KindNGO           = "NGO"
	KindOther         = "other"
	KindCountry       = "country"
	KindCity          = "city"
)

// Kind returns the kind of a named organisation or place using the embedded
// gazetteer; see [Gazetteer.Kind].
func Kind(name, typ string) string {
	k, _ := KindReason(name, typ)
	return k
}

// KindReason is [Kind] with the evidence that decided it (see
// [Gazetteer.KindReason]).
func KindReason(name, typ string) (kind, reason string) {
	g, err := DefaultGazetteer()
	if err != nil {
		g = NewGazetteer()
	}
	return g.KindReason(name, typ)
}

// Kind returns the kind of an organisation or a place; see
// [Gazetteer.KindReason].
func (g *Gazetteer) Kind(name, typ string) string {
	k, _ := g.KindReason(name, typ)
	return k
}

// curatedKinds are organisations whose kind the lists get wrong because
// they sit in several (the BBC is both a public body and a broadcaster,
// Apple both a company and a minor party), and well-known NGOs.
var curatedKinds = map[string]string{
	"bbc": KindMedia, "bbc news": KindMedia, "itv": KindMedia, "channel 4": KindMedia, "sky": KindMedia,
	"reuters": KindMedia, "associated press": KindMedia, "ap": KindMedia, "afp": KindMedia,
	"apple": KindCompany, "google": KindCompany, "microsoft": KindCompany, "yukos": KindCompany, "gazprom": KindCompany,
	"amazon": KindCompany, "facebook": KindCompany, "twitter": KindCompany, "ibm": KindCompany,
	"amnesty international": KindNGO, "amnesty": KindNGO, "greenpeace": KindNGO, "oxfam": KindNGO,
	"human rights watch": KindNGO, "red cross": KindNGO, "international committee of the red cross": KindNGO,
	"medecins sans frontieres": KindNGO, "médecins sans frontières": KindNGO, "save the children": KindNGO,
	"wwf": KindNGO, "transparency international": KindNGO, "reporters without borders": KindNGO,
	"house of commons": KindGovernment, "commons": KindGovernment, "house of lords": KindGovernment,
	"lords": KindGovernment, "cabinet": KindGovernment,
	"federal reserve": KindAgency, "fed": KindAgency, "federal reserve board": KindAgency,
	"bundesbank": KindAgency, "treasury": KindAgency, "european central bank": KindAgency, "ecb": KindAgency,
	"european community": KindInternational, "ec": KindInternational, "european union": KindInternational,
	"eu": KindInternational, "european commission": KindInternational, "opec": KindInternational,
	"organization of petroleum exporting countries": KindInternational, "gatt": KindInternational,
	"general agreement on tariffs and trade": KindInternational, "senate": KindGovernment,
	"high court": KindCourt, "supreme court": KindCourt, "court of appeal": KindCourt, "old bailey": KindCourt,
	"european court of justice": KindCourt, "international criminal court": KindCourt,
	"european court of human rights": KindCourt, "international court of justice": KindCourt,
}

// headKinds are name heads of the kinds the compiled lists have no word for.
var headKinds = map[string]string{
	"court": KindCourt, "tribunal": KindCourt, "courts": KindCourt,
	"university": KindUniversity, "college": KindUniversity, "polytechnic": KindUniversity, "univ.": KindUniversity,
	"fc": KindSportsTeam, "f.c.": KindSportsTeam, "afc": KindSportsTeam, "rovers": KindSportsTeam, "wanderers": KindSportsTeam,
	"albion": KindSportsTeam, "hotspur": KindSportsTeam, "athletic": KindSportsTeam, "rangers": KindSportsTeam,
	"foundation": KindNGO, "charity": KindNGO,
}

// listNames names the compiled lists in reasons.
var listNames = map[string]string{
	CatGovt: "seats of government", CatSecurity: "intelligence and security agencies", CatAgency: "government agencies",
	CatMedia: "news outlets", CatIntl: "international organisations", CatParty: "political parties",
	CatCompany: "companies", CatSports: "football clubs",
}

// KindReason returns the kind of an organisation (typ "ORG",
// "Organization" or "Organisation") or a place (typ "LOC", "GPE", "Place"
// or "Location"), and the evidence that decided it, for an analyst to check:
// "curated list", "head word “Court”", "list: news outlets", "no evidence".
//
// Organisations, by the first evidence found: a curated kind for names the
// lists disagree on (the BBC is media, Apple a company); a name head of a
// kind the lists lack ("... Court" court, "... University" university,
// "... FC" sports team, "... Foundation" NGO); a listed name (with or
// without a leading "The", a trailing "'s" or a leading country or
// nationality such as "US" or "Russian"): seats of government used for the
// government ("Kremlin") "government", intelligence and security services
// and other government agencies "government agency", news outlets "media",
// international bodies "international organisation", clubs "sports team",
// and for a name in several lists the most specific one (media, then
// sports team, company, international organisation, party, agency);
// then the last name head that signals a kind ("Lab", "Ltd", "Bank" →
// company; "Agency", "Ministry" → government agency; "Times", "News" →
// media; "Party" → political party; "Brigade", "Militia" → armed group).
// Anything else is "other", with the reason "no evidence". [KindIntelligence]
// is never returned; it is reserved for callers that want a finer kind.
//
// Places: "country" for countries and their aliases, "city" for cities;
// other places and other types give "".
func (g *Gazetteer) KindReason(name, typ string) (kind, reason string) {
	name = strings.TrimSpace(name)
	switch strings.ToLower(typ) {
	case "loc", "gpe", "place", "location":
		if _, ok := g.CountryName(name); ok {
			return KindCountry, "list: countries"
		}
		if g.Has(CatCity, name) {
			return KindCity, "list: cities"
		}
		return "", ""
	case "org", "organization", "organisation":
	default:
		return "", ""
	}
	name = strings.TrimSuffix(strings.TrimSuffix(name, "'s"), "’s")
	toks := splitName(name)
	if len(toks) == 0 {
		return "", ""
	}
	cands := [][]string{toks}
	if toks[0] == "the" && len(toks) > 1 {
		cands = append(cands, toks[1:])
	}
	for _, c := range cands {
		if len(c) > 1 {
			first := c[0]
			if g.Has(CatCountry, first) || g.Has(CatDemonym, first) {
				cands = append(cands, c[1:])
			}
		}
	}
	for _, c := range cands {
		if k, ok := curatedKinds[strings.Join(c, " ")]; ok {
			return k, "curated list"
		}
	}
	if len(toks) > 2 && toks[0] == "bank" && toks[1] == "of" && g.Has(CatCountry, strings.Join(toks[2:], " ")) {
		// "Bank of England", "Bank of Japan": a central bank.
		return KindAgency, "central bank of a country"
	}
	if len(toks) > 1 {
		if k, ok := headKinds[toks[len(toks)-1]]; ok {
			return k, "head word “" + lastWord(name) + "”"
		}
		if toks[0] == "university" || toks[0] == "univ." {
			return KindUniversity, "head word “" + strings.Fields(name)[0] + "”"
		}
	}
	for _, c := range cands {
		n := strings.Join(c, " ")
		k, list := g.listKind(n)
		if k == "" && strings.Contains(n, "organisation") {
			// The lists spell it the American way.
			k, list = g.listKind(strings.ReplaceAll(n, "organisation", "organization"))
		}
		if k != "" {
			return k, "list: " + list
		}
	}
	words := strings.Fields(name)
	for i := len(toks) - 1; i >= 0; i-- {
		if k, ok := g.Lookup(CatOrgWord, toks[i]); ok && k != "" && k != KindOther {
			w := toks[i]
			if len(words) == len(toks) {
				w = words[i]
			}
			return k, "head word “" + w + "”"
		}
	}
	return KindOther, "no evidence"
}

func lastWord(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return ""
	}
	return f[len(f)-1]
}

// listKind returns the kind of a name from the lists that hold it, and the
// list's name. A name in several lists takes the most specific: a news
// outlet or a company that shares its name with a minor party or a public
// body is the outlet or the company.
func (g *Gazetteer) listKind(name string) (string, string) {
	switch {
	case g.Has(CatGovt, name):
		return KindGovernment, listNames[CatGovt]
	case g.Has(CatSecurity, name):
		return KindAgency, listNames[CatSecurity]
	case g.Has(CatMedia, name):
		return KindMedia, listNames[CatMedia]
	case g.Has(CatSports, name):
		return KindSportsTeam, listNames[CatSports]
	case g.Has(CatCompany, name) && !g.Has(CatIntl, name):
		return KindCompany, listNames[CatCompany]
	case g.Has(CatIntl, name):
		return KindInternational, listNames[CatIntl]
	case g.Has(CatParty, name):
		return KindParty, listNames[CatParty]
	case g.Has(CatAgency, name):
		return KindAgency, listNames[CatAgency]
	}
	if k, ok := g.Lookup(CatOrgWord, name); ok && strings.Contains(name, " ") {
		return k, "organisation keywords"
	}
	return "", ""
}

// Demonym returns the country of a nationality adjective or plural
// ("Russian" and "Russians" → "Russia") using the embedded gazetteer.
func Demonym(word string) (country string, ok bool) {
	g, err := DefaultGazetteer()
	if err != nil {
		return "", false
	}
	return g.Demonym(word)
}

// Demonym returns the country of a nationality adjective or plural. The word
// must be capitalised ("russian" is not a demonym).
func (g *Gazetteer) Demonym(word string) (string, bool) {
	word = strings.TrimSpace(word)
	r := []rune(word)
	if len(r) == 0 || !unicode.IsUpper(r[0]) {
		return "", false
	}
	return g.Lookup(CatDemonym, word)
}

// CountryName canonicalises a country name or alias using the embedded
// gazetteer: "US", "U.S.", "USA", "United States", "America" → "United
// States"; "UK", "U.K.", "United Kingdom", "Britain" → "United Kingdom".
func CountryName(alias string) (canonical string, ok bool) {
	g, err := DefaultGazetteer()
	if err != nil {
		return "", false
	}
	return g.CountryName(alias)
}

// CountryName canonicalises a country name or alias. Matching ignores case,
// except that short aliases of three letters or fewer ("US", "UK", "UAE")
// must be written in capitals, so that "us" is not the United States.
func (g *Gazetteer) CountryName(alias string) (string, bool) {
	alias = strings.TrimSpace(alias)
	letters := 0
	upper := true
	for _, r := range alias {
		if unicode.IsLetter(r) {
			letters++
			if !unicode.IsUpper(r) {
				upper = false
			}
		}
	}
	if letters == 0 || (letters <= 3 && !upper) {
		return "", false
	}
	v, ok := g.Lookup(CatCountry, alias)
	if !ok && strings.HasPrefix(strings.ToLower(alias), "the ") {
		v, ok = g.Lookup(CatCountry, alias[4:])
	}
	return v, ok
}

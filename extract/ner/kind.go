package ner

import (
	"strings"
	"unicode"
)

// Kinds returned by [Kind]. Organisations get one of the first nine; places
// get "country" or "city".
const (
	KindCompany       = "company"
	KindAgency        = "government agency"
	KindIntelligence  = "intelligence agency"
	KindMedia         = "media"
	KindParty         = "political party"
	KindInternational = "international organisation"
	KindArmedGroup    = "armed group"
	KindGovernment    = "government"
	KindOther         = "other"
	KindCountry       = "country"
	KindCity          = "city"
)

// Kind returns the kind of a named organisation or place using the embedded
// gazetteer; see [Gazetteer.Kind].
func Kind(name, typ string) string {
	g, err := DefaultGazetteer()
	if err != nil {
		g = NewGazetteer()
	}
	return g.Kind(name, typ)
}

// Kind returns the kind of an organisation (typ "ORG", "Organization" or
// "Organisation") or a place (typ "LOC", "GPE", "Place" or "Location").
//
// Organisations: a listed name (with or without a leading "The", a trailing
// "'s" or a leading country or nationality such as "US" or "Russian") gives
// the kind of its list: intelligence and security services (FSB, NSA, BSI,
// NCSC) and other government agencies are "government agency"; news outlets
// "media"; parties "political party"; international bodies "international
// organisation"; companies "company"; seats of government used for the
// government ("Kremlin", "White House") "government". Otherwise the last
// name head that signals a kind decides ("Lab", "Ltd", "Bank" → company;
// "Agency", "Office", "Ministry", "Service" → government agency; "Times",
// "News" → media; "Party" → political party; "Brigade", "Militia" → armed
// group). Anything else is "other". [KindIntelligence] is never returned by
// this function; it is reserved for callers that want a finer kind.
//
// Places: "country" for countries and their aliases, "city" for cities;
// other places and other types give "".
func (g *Gazetteer) Kind(name, typ string) string {
	name = strings.TrimSpace(name)
	switch strings.ToLower(typ) {
	case "loc", "gpe", "place", "location":
		if _, ok := g.CountryName(name); ok {
			return KindCountry
		}
		if g.Has(CatCity, name) {
			return KindCity
		}
		return ""
	case "org", "organization", "organisation":
	default:
		return ""
	}
	name = strings.TrimSuffix(strings.TrimSuffix(name, "'s"), "’s")
	toks := splitName(name)
	if len(toks) == 0 {
		return ""
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
		if k := g.listKind(strings.Join(c, " ")); k != "" {
			return k
		}
	}
	for i := len(toks) - 1; i >= 0; i-- {
		if k, ok := g.Lookup(CatOrgWord, toks[i]); ok && k != "" {
			return k
		}
	}
	return KindOther
}

func (g *Gazetteer) listKind(name string) string {
	switch {
	case g.Has(CatGovt, name):
		return KindGovernment
	case g.Has(CatSecurity, name), g.Has(CatAgency, name):
		return KindAgency
	case g.Has(CatMedia, name):
		return KindMedia
	case g.Has(CatIntl, name):
		return KindInternational
	case g.Has(CatParty, name):
		return KindParty
	case g.Has(CatCompany, name):
		return KindCompany
	}
	if k, ok := g.Lookup(CatOrgWord, name); ok && strings.Contains(name, " ") {
		return k
	}
	return ""
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

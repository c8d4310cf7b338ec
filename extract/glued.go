package extract

import (
	"strings"
	"unicode"

	"github.com/dossier-project/dossier/extract/ner"
	"github.com/dossier-project/dossier/schema"
)

// regionAdjectives name a region, not a country: a company is seldom
// named with one ("European Facebook users", "the European Airbus
// consortium"), while "American Honda" and "British Airways" are names.
var regionAdjectives = map[string]bool{"European": true, "Asian": true, "African": true, "Nordic": true,
	"Scandinavian": true, "Western": true, "Eastern": true}

// userNouns after a company's name say that a nationality before it is
// the phrase's: "Russian Facebook users", "British Uber drivers".
var userNouns = map[string]bool{"users": true, "customers": true, "subscribers": true, "accounts": true,
	"employees": true, "workers": true, "staff": true, "fans": true, "members": true, "viewers": true,
	"readers": true, "clients": true, "passengers": true, "drivers": true, "advertisers": true, "shoppers": true}

// gluedAdjective returns where the name of the organisation mention m
// starts when the recogniser glued an adjective of a region or a
// nationality to it: the rest is a name the story gives alone as an
// organisation, or a company of the gazetteer, it is not a public body
// ("European Commission", "U.S. Senate" stay), the whole is in no list,
// and a nationality (not a region) needs a noun of users after the name
// ("Russian Facebook users", not "American Honda president"). It returns
// m.Start when none.
func gluedAdjective(runes []rune, m *mention, ms []*mention) int {
	words := strings.Fields(m.Text)
	if len(words) < 2 {
		return m.Start
	}
	region := regionAdjectives[words[0]]
	if !region {
		if _, ok := demonymCountry(words[0]); !ok {
			return m.Start
		}
		if next := strings.ToLower(wordAfter(runes, m.End)); !userNouns[next] {
			return m.Start
		}
	}
	rest := strings.Join(words[1:], " ")
	if !startsUpper(rest) || publicBody(rest) || listedOrg(m.Text) {
		return m.Start
	}
	// The whole may be a body whose name holds the adjective ("European
	// Community", "Asian Development Bank", "African Union").
	switch k, _ := kindOf(m.Text, schema.Organization, nil); k {
	case "", schema.KindCompany, schema.KindOther:
	default:
		return m.Start
	}
	alone := listedCompany(rest)
	for _, o := range ms {
		if o != m && o.Type == m.Type && (o.End <= m.Start || o.Start >= m.End) && strings.Join(strings.Fields(o.Text), " ") == rest {
			alone = true
			break
		}
	}
	if !alone {
		return m.Start
	}
	i := m.Start + len([]rune(words[0]))
	for i < m.End && unicode.IsSpace(runes[i]) {
		i++
	}
	return i
}

// listedCompany reports whether name is a company of the gazetteer.
func listedCompany(name string) bool {
	g, err := ner.DefaultGazetteer()
	return err == nil && g.Has(ner.CatCompany, name)
}

// listedOrg reports whether name is an organisation of any list of the
// gazetteer.
func listedOrg(name string) bool {
	g, err := ner.DefaultGazetteer()
	if err != nil {
		return false
	}
	for _, c := range []string{ner.CatCompany, ner.CatMedia, ner.CatAgency, ner.CatSecurity, ner.CatParty, ner.CatIntl, ner.CatSports} {
		if g.Has(c, name) {
			return true
		}
	}
	return false
}

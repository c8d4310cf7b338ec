package graph

import (
	"slices"
	"strings"
	"unicode"

	"github.com/dossier-project/dossier/schema"
)

// An entity ID is its type and the slug of a name (schema.Key), so the
// documents that mention one entity may each write its name differently:
// "Reuters" and a headline's "REUTERS", "New York" and a story's "New
// yOrk", "Texaco Inc" and "Texaco Inc.", "European Community" and "The
// European Community". The name an entity is shown by is chosen among
// them by BetterName, an order over the names themselves: it depends on
// which names the documents give, never on the order in which the
// documents were written, so two ingests of the same documents, in any
// order, with any number of workers, on any backend, show the same name.

// BetterName reports whether name a reads better than name b as an
// entity's display name: an acronym that the lists of public bodies and
// international organisations give in capitals ("OPEC", "NATO", "FBI")
// over any other form ("Opec", as some stories write it), then one with
// lower-case letters over one in capitals
// only (a headline's "TEXACO INC"), fewer words that start in lower case
// ("New York" over "New york"), fewer capitals ("European Community" over
// "The European Community", "New York" over "New YOrk"), fewer stray
// characters (brackets, hyphens: "Alan) Greenspan", "West-Germany"), the
// fuller punctuation ("Calif." over "Calif", "U.S." over "US"), and at
// last the smaller string, so that it is a total order: of any two
// different names exactly one is better.
func BetterName(a, b string) bool {
	if a == b {
		return false
	}
	fa, fb := nameForm(a), nameForm(b)
	switch {
	case fa.listed != fb.listed:
		return fa.listed
	case fa.lower != fb.lower:
		return fa.lower
	case fa.lowWords != fb.lowWords:
		return fa.lowWords < fb.lowWords
	case fa.upper != fb.upper:
		return fa.upper < fb.upper
	case fa.stray != fb.stray:
		return fa.stray < fb.stray
	case len(a) != len(b):
		return len(a) > len(b)
	}
	return a < b
}

// BestName returns the best of names by BetterName ("" for none).
func BestName(names []string) string {
	best := ""
	for i, n := range names {
		if i == 0 || BetterName(n, best) {
			best = n
		}
	}
	return best
}

// form is what BetterName compares of a name.
type form struct {
	listed          bool // a listed acronym, as listed (listedAcronyms)
	lower           bool // any lower-case letter
	lowWords, upper int  // words starting with a lower-case letter; capitals
	stray           int  // characters other than letters, digits, spaces and . , & ' ’
}

func nameForm(s string) form {
	f := form{listed: listedAcronyms[s]}
	start := true
	for _, r := range s {
		switch {
		case unicode.IsLower(r):
			f.lower = true
			if start {
				f.lowWords++
			}
		case unicode.IsUpper(r):
			f.upper++
		case unicode.IsLetter(r), unicode.IsDigit(r), unicode.IsSpace(r), strings.ContainsRune(".,&'’", r):
		default:
			f.stray++
		}
		start = unicode.IsSpace(r)
	}
	return f
}

// The documents that mention one entity may also give it different kinds
// ("company" by "GenCorp shareholders" in one story, "media" by "STATION
// Gencorp" in another). BetterKind chooses among them as BetterName
// chooses among names: by the kinds and reasons themselves, so the kind
// shown does not depend on the order the documents were written in.

// kindOrder ranks the kinds for BetterKind: public bodies before
// companies, companies before the kinds that a verb or a sports page
// suggests ("reported": media; "manager": sports team) when the evidence
// is as strong.
var kindOrder = []string{schema.KindGovernment, schema.KindAgency, schema.KindIntelligence, schema.KindInternational,
	schema.KindCourt, schema.KindUniversity, schema.KindParty, schema.KindCompany, schema.KindMedia, schema.KindSportsTeam,
	schema.KindNGO, schema.KindArmedGroup, schema.KindCountry, schema.KindCity}

// evidenceRank ranks a kind's reason: a list, a head word or a rule of
// the name (0) over the words around one mention ("context: ...", 1),
// over none (2).
func evidenceRank(kind, reason string) int {
	switch {
	case kind == "" || kind == schema.KindOther:
		return 2
	case strings.HasPrefix(reason, "context"):
		return 1
	}
	return 0
}

// BetterKind reports whether kind a, with the reason a document gives for
// it, should be shown for an entity rather than kind b with its reason:
// any kind over "other" (and "" below all), evidence from the name over
// evidence from one context, then the kind that comes first in kindOrder
// (other kinds after them, in byte order), then the smaller reason. It is
// a total order on (kind, reason) pairs.
func BetterKind(a, ra, b, rb string) bool {
	if (a == "") != (b == "") {
		return b == ""
	}
	if ea, eb := evidenceRank(a, ra), evidenceRank(b, rb); ea != eb {
		return ea < eb
	}
	if a != b {
		ia, ib := slices.Index(kindOrder, a), slices.Index(kindOrder, b)
		if ia < 0 {
			ia = len(kindOrder)
		}
		if ib < 0 {
			ib = len(kindOrder)
		}
		if ia != ib {
			return ia < ib
		}
		return a < b
	}
	return ra < rb
}

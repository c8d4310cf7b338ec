package ledger

import (
	"slices"
	"strings"
)

// Listed returns the indices of the names of others that an allegation's
// content joins with its target's name in one list of parties: "Kuwait and
// the United Arab Emirates, along with the much smaller producer Ecuador"
// (among those producing above quota), "Zentor, Vortex and Acme were
// charged". Such parties are accused with the target, as the extraction's
// CoAccused are inside an article; across articles, where only the claim's
// target and the entities it is about are stored, Listed finds them again
// in its words. A party named elsewhere in the content (a victim, a partner
// after "with", one in another clause) is not listed.
func Listed(content, target string, others []string) []int {
	toks := listTokens(content)
	type span struct{ start, end, who int } // who: -1 the target, else an index of others
	var spans []span
	add := func(name string, who int) {
		for _, s := range nameSpans(toks, name) {
			if !slices.ContainsFunc(spans, func(o span) bool { return o.start < s[1] && s[0] < o.end }) {
				spans = append(spans, span{s[0], s[1], who})
			}
		}
	}
	add(target, -1)
	if len(spans) == 0 {
		return nil
	}
	for i, o := range others {
		add(o, i)
	}
	slices.SortFunc(spans, func(a, b span) int { return a.start - b.start })
	// The join between each name and the next; a comma joins only in a
	// list that goes on to "and" ("Zentor, Vortex and Acme"), not before
	// an apposition ("Kuwait, OPEC's fourth producer").
	joins := make([]join, len(spans))
	for j := 1; j < len(spans); j++ {
		joins[j] = joinOf(toks[spans[j-1].end:spans[j].start])
	}
	closed := false
	for j := len(spans) - 1; j >= 1; j-- {
		switch joins[j] {
		case joinAnd:
			closed = true
		case joinComma:
			if !closed {
				joins[j] = joinNone
			}
		default:
			closed = false
		}
	}
	var out []int
	for ti, t := range spans {
		if t.who != -1 {
			continue
		}
		first := ti
		for first > 0 && joins[first] != joinNone {
			first--
		}
		if k := spans[first].start - 1; k >= 0 && otherRole[strings.ToLower(toks[k])] {
			// "talks between Ankara and Athens", "the pact with Japan
			// and the United States": a list of another role.
			continue
		}
		for j := ti + 1; j < len(spans) && joins[j] != joinNone; j++ {
			if w := spans[j].who; w >= 0 && !slices.Contains(out, w) {
				out = append(out, w)
			}
		}
		for j := ti - 1; j >= 0 && joins[j+1] != joinNone; j-- {
			if w := spans[j].who; w >= 0 && !slices.Contains(out, w) {
				out = append(out, w)
			}
		}
	}
	slices.Sort(out)
	return out
}

// listTokens splits text into words as written and commas: names are
// matched by their words, lists by "and" and commas.
func listTokens(text string) []string {
	var out []string
	for _, f := range strings.Fields(text) {
		f = strings.Trim(f, "\"'()[]")
		comma := strings.HasSuffix(f, ",") || strings.HasSuffix(f, ";")
		f = strings.TrimRight(f, ",;.:")
		if f != "" {
			out = append(out, f)
		}
		if comma {
			out = append(out, ",")
		}
	}
	return out
}

// nameSpans returns where a name's words stand in toks, as [start, end)
// token ranges, matched without case; a name of one word is matched only
// as a capitalised word. Its legal form may be left out ("Coastal" for
// "Coastal Corp").
func nameSpans(toks []string, name string) [][2]int {
	var ws []string
	for _, w := range strings.Fields(name) {
		w = strings.TrimRight(w, ",.")
		if w != "" {
			ws = append(ws, w)
		}
	}
	for len(ws) > 1 && legalForms[strings.ToLower(ws[len(ws)-1])] {
		ws = ws[:len(ws)-1]
	}
	var out [][2]int
	if len(ws) == 0 {
		return nil
	}
	for k := 0; k+len(ws) <= len(toks); k++ {
		ok := true
		for i, w := range ws {
			t := strings.TrimSuffix(strings.TrimSuffix(toks[k+i], "'s"), "’s")
			if !strings.EqualFold(t, w) || i == 0 && !startsUpper(t) {
				ok = false
				break
			}
		}
		if ok {
			e := k + len(ws)
			for e < len(toks) && legalForms[strings.ToLower(toks[e])] && strings.ToLower(toks[e]) != "the" {
				e++ // "Vortex Corp" named "Vortex Corp" or "Vortex"
			}
			out = append(out, [2]int{k, e})
		}
	}
	return out
}

// otherRole are the prepositions before a list of parties that give them
// another role than the accused's ("between", "with", "to"); "against"
// and "by" ("charges against Zentor and Vortex", "overproduction by the
// United Arab Emirates and Kuwait") keep them accused.
var otherRole = map[string]bool{"between": true, "with": true, "to": true, "for": true, "from": true, "of": true,
	"on": true, "in": true, "at": true, "among": true, "into": true, "over": true, "toward": true, "towards": true}

// notDescribing are words that end a description of a party after "along
// with": a verb, a preposition or a clause of another role.
var notDescribing = map[string]bool{"to": true, "of": true, "in": true, "on": true, "by": true, "for": true, "from": true,
	"against": true, "at": true, "that": true, "which": true, "who": true, "was": true, "were": true, "is": true,
	"are": true, "has": true, "have": true, "had": true, "said": true, "with": true, ",": true, "and": true, "or": true}

// possessive are the words by which "and its chairman" names a party by
// its place in the one before.
var possessive = map[string]bool{"its": true, "his": true, "her": true, "their": true}

// A join is how the words between two names join them.
type join int

const (
	joinNone  join = iota
	joinAnd        // "and", ", and", "along with the much smaller producer"
	joinComma      // a comma alone
)

// ListJoin reads the lower-case words between two names of one list of
// parties, after any comma and before a comma that closes them: "and"
// (and "the") joins them; "along with", "together with" and "as well as"
// join them with at most four words that may describe the next party
// ("along with the much smaller producer"), and "and its" (his, her,
// their) with at most three that name its place in the first ("and its
// chairman"), returned as rest for the caller to judge; anything else
// does not.
func ListJoin(low []string) (rest []string, ok bool) {
	switch {
	case len(low) == 1 && low[0] == "and", len(low) == 2 && low[0] == "and" && low[1] == "the":
		return nil, true
	case len(low) >= 2 && (low[0] == "along" || low[0] == "together") && low[1] == "with":
		rest = low[2:]
	case len(low) >= 3 && low[0] == "as" && low[1] == "well" && low[2] == "as":
		rest = low[3:]
	case len(low) >= 3 && low[0] == "and" && possessive[low[1]]:
		// "Coastal and its chairman, Oscar S. Wyatt Jr": the next party
		// is named by its place in the first, in at most three words.
		rest = low[2:]
		return rest, len(rest) <= 3
	default:
		return nil, false
	}
	return rest, len(rest) <= 4
}

// joinOf reads the words between two names: "and" (and "the"), a comma
// (and "and"), "along with", "together with" or "as well as" with at most
// four words that describe the next party ("along with the much smaller
// producer"), "and its" with at most three ("and its chairman,") join
// them in one list; anything else does not.
func joinOf(bt []string) join {
	low := make([]string, len(bt))
	for i, w := range bt {
		low[i] = strings.ToLower(w)
	}
	if len(low) > 0 && low[0] == "," {
		low = low[1:]
		if len(low) == 0 {
			return joinComma
		}
	}
	if len(low) > 1 && low[len(low)-1] == "," {
		// The comma that closes a description of the next party ("and
		// its chairman, Oscar S. Wyatt Jr").
		low = low[:len(low)-1]
	}
	rest, ok := ListJoin(low)
	if !ok {
		return joinNone
	}
	for _, w := range rest {
		if notDescribing[w] {
			return joinNone
		}
	}
	return joinAnd
}

package claims

import (
	"strings"
	"unicode"

	"github.com/dossier-project/dossier/extract/attrib"
	"github.com/dossier-project/dossier/schema"
)

// leftNP returns the first token of the noun phrase that ends before end.
func leftNP(ts []tok, end int) int {
	a, _ := leftNPEnd(ts, end)
	return a
}

// leftNPEnd returns the noun phrase [a, b) before end, without trailing
// adverbials of time.
func leftNPEnd(ts []tok, end int) (int, int) {
	if end <= 0 {
		return end, end
	}
	if _, ok := pronouns[ts[end-1].low]; ok {
		return end - 1, end
	}
	a := end
	for j := end - 1; j >= 0 && end-j <= 16; j-- {
		t := ts[j]
		if t.qopen || t.qclose || t.inQ || t.cue {
			break
		}
		if npStops[t.low] {
			if t.low == "and" && j > 0 && j+1 < end && (ts[j-1].capital && ts[j+1].capital || personRoles[ts[j-1].low] != "" || orgRoles[ts[j-1].low]) {
				a = j
				continue
			}
			break
		}
		if _, ok := pronouns[t.low]; ok {
			if a == j+1 && a < end-1 && !ts[a].capital {
				a++ // "they fear regulators": the verb after the pronoun
			}
			break
		}
		if (auxiliaries[t.low] && t.low != "to") || t.low == "said" {
			break
		}
		a = j
	}
	// Trailing adverbials are not part of it either: "Serbia on Thursday
	// flatly", "Yasser Arafat Wednesday", "Beirut again".
	b := end
	for b > a {
		l := ts[b-1].low
		if isAdverb(ts[b-1]) || l == "outright" || (timeWords[l] && l != "this" && l != "in" && l != "at") || weekdays[l] || isNumber(l) {
			b--
			continue
		}
		break
	}
	if b > a && b < end {
		// Keep the phrase only if it still ends in a word, not "on".
		for b > a && (ts[b-1].low == "on" || ts[b-1].low == "last" || ts[b-1].low == "this" || ts[b-1].low == ",") {
			b--
		}
		if b > a {
			end = b
		}
	}
	// Leading adverbials are not part of the source: "In October Germany's".
	for a < end && (timeWords[ts[a].low] || seasons[ts[a].low] && a > 0 && timeWords[ts[a-1].low] || isNumber(ts[a].low)) && a+1 < end {
		a++
	}
	for a < end && (ts[a].low == "and" || ts[a].low == "but" || ts[a].low == "(" || ts[a].low == ")") {
		a++
	}
	return a, end
}

// rightNP returns the end of the noun phrase that starts at a.
func rightNP(ts []tok, a int) int {
	b := a
	for b < len(ts) && b-a < 12 {
		t := ts[b]
		if t.low == "and" && b > a && ts[b-1].capital && b+1 < len(ts) && ts[b+1].capital {
			b++ // "Wertheim and Co"
			continue
		}
		if t.qopen || t.qclose || t.cue || npStops[t.low] || t.low == "." || t.low == "!" || t.low == "?" {
			break
		}
		if auxiliaries[t.low] && t.low != "to" {
			break
		}
		b++
	}
	return b
}

func isNumber(s string) bool {
	for _, r := range s {
		if !unicode.IsDigit(r) && r != ',' && r != '.' {
			return false
		}
	}
	return s != ""
}

func isEnd(t tok) bool { return t.low == "." || t.low == "!" || t.low == "?" || t.low == ";" }

func stopRight(t tok) bool {
	switch t.low {
	case "that", ":", ",", ".", ";", "about", "of", "on", "in", "at", "during", "after", "last",
		"yesterday", "today", "this", "earlier", "by", "for", "with", "because", "when", "before", "if", "it", "he", "she", "they", "we", "i":
		return true
	}
	return t.qopen || t.qclose || t.cue || isEnd(t)
}

func stopObj(t tok) bool {
	switch t.low {
	case "of", "for", "over", "as", ",", "that", "after", "in", "on", "because", "to", "with":
		return true
	}
	return t.qopen || t.cue || isEnd(t)
}

// addresseeEnd returns the end of the hearer of "told": an entity mention
// ("Sky News", "Reuters"), or a short common noun phrase ("reporters",
// "the newspaper", "Hungarian economists").
func (x *extractor) addresseeEnd(ts []tok, r int) int {
	n := len(ts)
	if ms := x.mentionsIn(ts[r].start, ts[n-1].end); len(ms) > 0 && ms[0].start == ts[r].start {
		e := r
		for e < n && ts[e].end <= ms[0].end {
			e++
		}
		if t := ms[0].e.typ; t != schema.Place && t != schema.Nationality {
			return e
		}
		r = e // "Hungarian economists": the place is a modifier
	}
	e := r
	if e < n && determiners[ts[e].low] {
		e++
	}
	for e < n && e-r < 4 && !stopRight(ts[e]) && !auxiliaries[ts[e].low] && !(e > r && determiners[ts[e].low]) {
		if _, ok := pronouns[ts[e].low]; ok {
			break
		}
		e++
	}
	return e
}

// timePhrase returns the end of a short time phrase at r ("last year",
// "on Tuesday", "today"), or r when there is none.
func timePhrase(ts []tok, r int) int {
	n := len(ts)
	if r >= n {
		return r
	}
	switch l := ts[r].low; {
	case weekdays[l] && l != "again" && l != "once" && l != "twice":
		return r + 1
	case (l == "last" || l == "this" || l == "next" || l == "on" || l == "late" || l == "early") && r+1 < n &&
		(weekdays[ts[r+1].low] || timeWords[ts[r+1].low] && ts[r+1].low != "in" && ts[r+1].low != "on"):
		return r + 2
	}
	return r
}

// datelineEnd returns the index of the first token after a dateline that
// opens a story's first sentence ("WASHINGTON (Reuters) -", "TOKYO, March 13
// -"): a place in capitals, then up to ten tokens and a dash; 0 when there
// is none.
func datelineEnd(ts []tok, limit int) int {
	if len(ts) < 3 || !allCaps(ts[0].text) {
		return 0
	}
	for k := 1; k < limit && k < 12; k++ {
		switch ts[k].text {
		case "-", "--", "–", "—", "―":
			return k + 1
		}
	}
	return 0
}

// openers are the prepositions and subordinators that open a phrase
// before a sentence's subject ("Beyond the footage, the affidavit said").
var openers = set("as", "beyond", "since", "despite", "after", "before", "while", "although", "though", "because",
	"if", "when", "unlike", "like", "amid", "following", "during", "under", "from", "among", "through",
	"throughout", "within", "without", "upon", "across", "in", "on", "at", "with", "for", "over", "about",
	"against", "until", "once", "whether", "behind", "besides", "given", "to")

// storyDateline returns the index of the first token after a story's
// dateline, as datelineEnd, but only for the shape of one: a place in
// capitals followed at once by a comma, a bracket or a dash ("WASHINGTON,
// March 3 -", "RIO DE JANEIRO, March 18 -", "LONDON (Reuters) -"), with
// the story's words after it; 0 when there is none. "MEDIQ Inc said its
// MEDIQ Imaging Partners - I LP has signed" has no dateline.
func storyDateline(ts []tok) int {
	a := datelineEnd(ts, len(ts))
	if a == 0 || a >= len(ts) {
		return 0
	}
	k := 0
	for k < a && allCaps(ts[k].text) {
		k++
	}
	switch ts[k].text {
	case ",", "(", "-", "--", "–", "—":
	default:
		return 0
	}
	for _, t := range ts[a:] {
		if t.text != strings.ToUpper(t.text) {
			return a
		}
	}
	return 0
}

// allCaps reports whether a word has two or more letters, all capitals.
func allCaps(w string) bool {
	n := 0
	for _, r := range w {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsUpper(r) {
			n++
		}
	}
	return n >= 2
}

// sentenceSubject returns the noun phrase that opens a sentence, after a
// leading adverbial ("Yesterday, the Stock Exchange decided ..."), when it
// ends before limit: names, determiners, "of", "and" between names, and
// role nouns ("A Rossignol spokesman").
func sentenceSubject(m *attrib.Model, ts []tok, limit int) (int, int) {
	d := datelineEnd(ts, limit)
	a := d
	for k := a; k < limit && k < a+8; k++ {
		if ts[k].low == "," {
			if f := ts[a]; timeWords[f.low] || weekdays[f.low] || isAdverb(f) || prepositions[f.low] || f.low == "to" || f.low == "but" || f.low == "however" {
				a = k + 1
			}
			break
		}
	}
	// A longer opening phrase, opened by a preposition or a subordinator
	// ("Beyond the security-camera footage,", "On the eve of his election
	// to a fourth term in March,", "Since Clinton's op-ed in May,"): the
	// subject after its comma, where one is read there ("As is the
	// custom, the brief order gave": not "As").
	if d < limit && openers[ts[d].low] {
		for k := d; k < limit && k < d+30; k++ {
			if ts[k].qopen || ts[k].qclose || ts[k].inQ {
				break
			}
			if ts[k].low == "," {
				if k+1 > a {
					if a1, b1 := subjectAt(ts, k+1, limit); b1 > a1 {
						return a1, b1
					}
					if a1, b1 := nounPhraseAt(m, ts, k+1, limit); b1 > a1 {
						return a1, b1
					}
				}
				break
			}
		}
	}
	return subjectAt(ts, a, limit)
}

// nounPhraseAt returns the noun phrase that starts at token a and ends
// before a verb by the model's part-of-speech classes ("the affidavit"
// cited, "some senators" vented), at most 8 tokens, or a == b (also
// without a model).
func nounPhraseAt(m *attrib.Model, ts []tok, a, limit int) (int, int) {
	if m == nil {
		return a, a
	}
	for b := a; b < limit && b < a+8; b++ {
		t := ts[b]
		if t.qopen || t.qclose || t.inQ || t.cue || !isWord(t.low) && t.low != "'s" && t.low != "’s" {
			return a, a
		}
		if b > a && (verbish(m, t.low) || auxiliaries[t.low] || isAdverb(t)) {
			if determiners[ts[b-1].low] {
				return a, a
			}
			return a, b
		}
	}
	return a, a
}

// subjectAt returns the subject of sentenceSubject read from token a.
func subjectAt(ts []tok, a, limit int) (int, int) {
	if a < limit {
		if _, ok := pronouns[ts[a].low]; ok && ts[a].low != "who" {
			return a, a + 1
		}
	}
	b := a
	for b < limit && b-a < 10 {
		t := ts[b]
		switch {
		case t.capital || determiners[t.low] || t.low == "of" || t.low == "and" && b > a && ts[b-1].capital || t.low == "&":
		case orgRoles[t.low] || personRoles[t.low] != "" || descriptors[t.low] != nil || t.low == "analyst" || t.low == "analysts":
		default:
			if b == a || t.qopen || t.qclose || t.inQ {
				return a, a
			}
			for b > a && (ts[b-1].low == "and" || ts[b-1].low == "of" || determiners[ts[b-1].low]) {
				b--
			}
			return a, b
		}
		b++
	}
	return a, a
}

// appositionStart finds the subject before an apposition or relative
// clause that ends with the comma at p: the comma c0 after the subject and
// the subject's start a0, or c0 = -1. The subject that opens the sentence
// is preferred ("Unicorp, a holding company controlled by its chairman,
// George Mann, said": Unicorp).
func (x *extractor) appositionStart(ts []tok, p int) (int, int) {
	best, bestA := -1, -1
	for c := p - 1; c > 0 && p-c < 40; c-- {
		t := ts[c]
		if t.qopen || t.qclose || t.cue || t.inQ {
			break
		}
		if t.low != "," || c == p-1 {
			continue
		}
		a0 := leftNP(ts, c)
		if a0 >= c {
			continue
		}
		if best < 0 {
			best, bestA = c, a0
		}
		if a0 == 0 || ts[a0-1].low == "," && a0-1 == leadingComma(ts) {
			return c, a0
		}
	}
	return best, bestA
}

// leadingComma returns the index of the comma that ends a leading adverbial
// ("In October, ..."), or -1.
func leadingComma(ts []tok) int {
	for k := 0; k < len(ts) && k < 8; k++ {
		if ts[k].low == "," {
			if timeWords[ts[0].low] || weekdays[ts[0].low] || isAdverb(ts[0]) || prepositions[ts[0].low] || ts[0].low == "to" || ts[0].low == "however" {
				return k
			}
			return -1
		}
	}
	return -1
}

// apposed reports whether the comma at p closes an apposition after the
// subject that opens the sentence ("Wayne Jones, vice president at
// Outboard, said"): then the source is on the left, not inverted.
func (x *extractor) apposed(ts []tok, p int) bool {
	if ts[p].low != "," {
		return false
	}
	c0, a0 := x.appositionStart(ts, p)
	return c0 > 0 && (a0 == 0 || a0-1 == leadingComma(ts))
}

// antecedent returns the noun phrase [a, b) that the relative pronoun at
// token w stands for ("the splinter group, which said"), or a == b: the
// name the clause hangs on when the phrase ends in one ("Profits rose at
// Acme Corp, which said": Acme Corp).
func (x *extractor) antecedent(ts []tok, w int) (a, b int) {
	if w > 0 && ts[w-1].low == "," {
		w--
	}
	a0 := leftNP(ts, w)
	if a0 >= w {
		return w, w
	}
	// The phrase the pronoun follows, not the clause it ends: "came under
	// fire from critics who claimed", "reacting to comments by local
	// economists who said", "defended the accord against critics who
	// said": the noun phrase after the last preposition (but "of": "a
	// group of asbestos victims") or verb.
	for k := w - 1; k >= a0; k-- {
		if relPhraseStops[ts[k].low] && !ts[k].capital && !(k > 0 && ts[k-1].capital && k+1 < w && ts[k+1].capital) || verbBefore(ts, k) {
			// (Not a preposition inside a name: "the National
			// Commission on Agricultural Export Policy, which".)
			a0 = k + 1
			break
		}
	}
	for a0 < w && (ts[a0].low == "at" || ts[a0].low == "in" || ts[a0].low == "of") {
		a0++ // "aimed at investors who": no head before the preposition
	}
	if a0 >= w {
		return w, w
	}
	a = a0
	if ms := x.mentionsIn(ts[a0].start, ts[w-1].end); len(ms) > 0 && ms[len(ms)-1].end == ts[w-1].end {
		k := tokIndex(ts, ms[len(ms)-1].start)
		if k > a0 && determiners[ts[k-1].low] {
			k--
		}
		a = k
	}
	return a, w
}

// relPhraseStops are the prepositions after a verb that end a clause
// before the noun phrase a relative pronoun stands for ("came under fire
// from critics who", "comments by local economists who"); "of", "in" and
// "at" are left inside the phrase, whose head the pronoun may stand for
// ("a group of victims who", "an analyst at a Wall Street firm who").
var relPhraseStops = set("by", "from", "to", "against", "with", "for", "on", "toward", "towards", "via")

// verbBefore reports whether token k is a verb before a noun phrase: a
// lower-case word in -ed or -ing after no determiner, past adverbs
// ("satisfying overseas critics who", "was opposed ... investors who"),
// unlike "the leading economists" or "the recently passed bill".
func verbBefore(ts []tok, k int) bool {
	t := ts[k]
	if t.capital || t.cue || len(t.low) <= 4 || !isWord(t.low) || !strings.HasSuffix(t.low, "ed") && !strings.HasSuffix(t.low, "ing") {
		return false
	}
	p := k - 1
	for p >= 0 && isAdverb(ts[p]) {
		p--
	}
	return p < 0 || !determiners[ts[p].low] && !ts[p].capital
}

package claims

// Estimates and lists of wrongdoers. Observers who put a figure on a
// wrong, or name who commits it, allege it though no verb of speech cues
// it: "Traders and analysts in international oil markets estimate OPEC is
// producing up to one mln bpd above a ceiling of 15.8 mln bpd", "They
// named Kuwait and the United Arab Emirates ... among those producing above
// quota". The claimant is the verb's subject; the wrong must be in the
// clause after the verb, not negated, questioned or conditional, so that
// "analysts estimate profits at 2.5 mln dlrs" or "named a new chairman"
// allege nothing.

// estimating are the verbs of an estimate whose clause may state a wrong.
var estimating = set("estimate", "estimates", "estimated", "reckon", "reckons", "reckoned", "calculate", "calculates", "calculated")

// namingWrongdoers are the verbs that name parties "among" or "as" those who do a
// wrong.
var namingWrongdoers = set("named", "names", "name", "listed", "lists", "identified", "identifies", "cited", "cites")

// estimateAt returns the first token of the clause an estimating or naming
// verb at i governs when that clause holds a wrong, or -1: "estimate OPEC
// is producing ... above a ceiling", "estimated that", "named Kuwait ...
// among those producing above quota". The verb must be finite, with a
// subject before it ("the estimated losses", "was estimated at" are none).
func (x *extractor) estimateAt(ts []tok, i int) int {
	n := len(ts)
	if i == 0 || i+2 >= n {
		return -1
	}
	p := ts[i-1].low
	if beForms[p] || p == "to" || p == "the" || p == "an" || p == "a" || p == "been" || p == "not" || p == "n't" || p == "," || determiners[p] {
		return -1
	}
	end := i + 1
	for end < n && end-i <= 30 && !isEnd(ts[end]) && ts[end].low != ";" && !ts[end].cue {
		end++
	}
	a := i + 1
	if ts[a].low == "that" {
		a++
	}
	if namingWrongdoers[ts[i].low] {
		// "named X ... among those producing above quota": the wrong
		// after "among those" or "as".
		for k := a; k < end; k++ {
			if ts[k].low == "among" || ts[k].low == "as" {
				if w := wrongIn(ts, k+1, end); w >= 0 && !conditional(ts, a, end, w) && !question(ts, a, end) {
					return a
				}
				return -1
			}
		}
		return -1
	}
	if !x.clauseAt(ts, a, true) && !(a < n && (ts[a].capital || determiners[ts[a].low])) {
		return -1
	}
	if w := wrongIn(ts, a, end); w >= 0 && !conditional(ts, a, end, w) && !question(ts, a, end) {
		return a
	}
	return -1
}

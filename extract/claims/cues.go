package claims

import (
	"sort"
	"strings"
	"unicode"

	"github.com/dossier-project/dossier/extract/text"
	"github.com/dossier-project/dossier/schema"
)

// quoteKind tells whether a token opens or closes a quotation (both for
// a straight quote that its neighbours leave ambiguous).
func quoteKind(runes []rune, t text.Token) (open, close bool) {
	switch t.Text {
	case "“", "«", "„", "``":
		return true, false
	case "”", "»":
		return false, true
	case "''":
		// The New York Times opens and closes its quotations with the
		// same mark ("''I told you earlier ...''"): read by its
		// neighbours, as a straight quote; a PTB closing mark after
		// "``" has a word before it.
		before := t.Start == 0 || text.IsSpace(runes[t.Start-1]) || strings.ContainsRune("([{—–-", runes[t.Start-1])
		after := t.End >= len(runes) || text.IsSpace(runes[t.End]) || strings.ContainsRune(".,;:!?)]}—–-", runes[t.End])
		if before && !after {
			return true, false
		}
		return false, true
	case "`": // the halves of a PTB "``"
		return true, false
	case "'":
		first := t.End < len(runes) && runes[t.End] == '\''
		second := t.Start > 0 && runes[t.Start-1] == '\''
		if first || second {
			// The halves of "''": a PTB closing mark, or the New York
			// Times' mark that opens ("''I told you earlier ...") and
			// closes its quotations, read by its neighbours as a
			// straight quote.
			a, b := t.Start, t.End
			if first {
				b++
			} else {
				a--
			}
			before := a == 0 || text.IsSpace(runes[a-1]) || strings.ContainsRune("([{—–-", runes[a-1])
			after := b >= len(runes) || text.IsSpace(runes[b]) || strings.ContainsRune(".,;:!?)]}—–-", runes[b])
			if before && !after {
				return first, false // the first half opens
			}
			return false, true
		}
	case "\"":
		if apostrophe(runes, t) {
			return false, false
		}
		before := t.Start == 0 || text.IsSpace(runes[t.Start-1]) || strings.ContainsRune("([{—–-", runes[t.Start-1])
		after := t.End >= len(runes) || text.IsSpace(runes[t.End]) || strings.ContainsRune(".,;:!?)]}—–-", runes[t.End])
		switch {
		case before && !after:
			return true, false
		case after && !before:
			return false, true
		case before && after:
			return true, true // ambiguous, resolved by pairing
		}
		return true, true
	}
	return false, false
}

// apostrophe reports whether a straight double quote stands for an
// apostrophe inside a word, as in the Reuters corpus of 1987 ("Iran"s
// inability", "don"t"): a letter before it and a contraction's tail after
// ("s", "t", "re", "ve", "ll", "d", "m") that ends the word. Read as a
// quotation mark it opened a quotation that ran to the next blank line,
// and every claim in it was lost.
func apostrophe(runes []rune, t text.Token) bool {
	if t.Start == 0 || !unicode.IsLetter(runes[t.Start-1]) {
		return false
	}
	e := t.End
	for e < len(runes) && unicode.IsLetter(runes[e]) && e-t.End <= 2 {
		e++
	}
	if e < len(runes) && unicode.IsLetter(runes[e]) {
		return false
	}
	switch strings.ToLower(string(runes[t.End:e])) {
	case "s", "t", "re", "ve", "ll", "d", "m":
		return true
	}
	return false
}

// findQuotes pairs quotation marks over the whole document; a quotation
// still open at a paragraph break (a blank line) ends there.
func (x *extractor) findQuotes() {
	open := -1
	lastEnd := 0
	for si := range x.in.Sentences {
		for _, t := range x.tokensOf(si) {
			if open >= 0 && t.Start > lastEnd && text.ParagraphBreak(x.runes[lastEnd:t.Start]) {
				x.quotes = append(x.quotes, [2]int{open, lastEnd})
				open = -1
			}
			o, c := quoteKind(x.runes, t)
			switch {
			case o && c:
				if open >= 0 {
					x.quotes = append(x.quotes, [2]int{open, t.End})
					open = -1
				} else {
					open = t.Start
				}
			case c:
				if open >= 0 {
					x.quotes = append(x.quotes, [2]int{open, t.End})
					open = -1
				}
			case o:
				open = t.Start
			}
			lastEnd = t.End
		}
	}
	if open >= 0 {
		x.quotes = append(x.quotes, [2]int{open, lastEnd})
	}
}

// quoteAt returns the quotation that contains offset p, if any.
func (x *extractor) quoteAt(p int) ([2]int, bool) {
	k := sort.Search(len(x.quotes), func(k int) bool { return x.quotes[k][1] > p })
	if k < len(x.quotes) && x.quotes[k][0] <= p {
		return x.quotes[k], true
	}
	return [2]int{}, false
}

// isAdverb reports whether a lower-case token is an adverb that may stand
// between an auxiliary and its verb.
func isAdverb(t tok) bool {
	if t.capital {
		return false
	}
	return adverbs[t.low] || (len(t.low) > 4 && strings.HasSuffix(t.low, "ly") && isWord(t.low) && !lyNouns[t.low] && forms[t.low].v == nil)
}

// pleaIntents are the verbs by which an accused settles on a plea to come:
// "intends to plead guilty", "agreed to plead guilty".
var pleaIntents = set("intends", "intend", "intended", "agreed", "agrees", "agree", "decided", "decides", "plans",
	"planned", "plan")

// findCues returns the cues of a sentence in text order.
func (x *extractor) findCues(ts []tok) []*draft {
	var ds []*draft
	n := len(ts)
	for i := 0; i < n; i++ {
		t := ts[i]
		if t.inQ || t.qopen || t.qclose {
			continue
		}
		if t.low == "according" && i+1 < n && ts[i+1].low == "to" {
			ds = append(ds, &draft{kind: accordingCue, vi: i, cs: i, ce: i + 2})
			ts[i].cue, ts[i+1].cue = true, true
			i++
			continue
		}
		f, ok := forms[t.low]
		if g, ok2 := stanceForms[t.low]; !ok && ok2 && g.v.lemma == "accept" && i+1 < n && (owned(ts[i+1].low) || i+2 < n && ownedHow[ts[i+1].low] && owned(ts[i+2].low)) {
			// "accepted responsibility for the spill": an admission, a
			// cue of the rules though "accept" alone is not.
			f, ok = g, true
		}
		if g, ok2 := stanceForms[t.low]; !ok && ok2 && g.v.lemma == "defend" && g.m == third && i > 0 && (ts[i-1].capital || ts[i-1].text == ">" && i > 2) && shouting(ts) {
			// "LYNG DEFENDS U.S. MEAT INSPECTION SYSTEM", "KRAFT <KRA>
			// DEFENDS CHEESE ADVERTISING" (a ticker after the name): a
			// wire headline's defence is the speaker's; in prose
			// "defend" is left to the trained model.
			f, ok = g, true
		}
		if g, ok2 := stanceForms["intends"]; !ok && ok2 && t.low == "to" && i > 0 && i+1 < n && vowVerbs[ts[i+1].low] &&
			(ts[i-1].capital || ts[i-1].text == ">" && i > 2) && shouting(ts) && vowsToFight(ts, i+1, n, true) {
			// "REYNOLDS AND REYNOLDS <REYNA> TO FIGHT SUIT", "TEXACO TO
			// APPEAL RULING": a wire headline's "X TO <verb>" a charge, a
			// suit or a ruling is X's vow, as "X DEFENDS Y" is X's
			// defence; "USDA PROGRAM TO FIGHT SCREWWORMS" or "ASKS REAGAN
			// TO FIGHT STOCK FALL" vows nothing and is no cue.
			f, ok = g, true
		}
		plea := false
		if g, ok2 := stanceForms[t.low]; !ok && ok2 && g.v.lemma == "plead" && i+1 < n &&
			(ts[i+1].low == "guilty" || ts[i+1].low == "innocent" || ts[i+1].low == "not" && i+2 < n && ts[i+2].low == "guilty") {
			// "pleaded guilty to two felony counts", "intends to plead
			// guilty", "CHAIRMAN PLEADING GUILTY": a plea in court, a cue
			// of the rules though "plead" alone is not.
			f, ok, plea = g, true, true
			for k := 0; k < i-3; k++ {
				// (Not the plea's own "intends to", "will also", marked
				// by an earlier reading of the sentence.)
				if ts[k].cue {
					// "The company said Boyd Jefferies will also plead
					// guilty": the plea is the content of the cue before.
					ok, plea = false, false
				}
			}
		}
		if !ok {
			continue
		}
		ce := i + 1
		if plea {
			// "pleaded guilty to fraud": the plea in the cue, what it is to
			// in the content; a bare "PLEADS GUILTY" keeps its plea as
			// content.
			e := i + 2
			if ts[i+1].low == "not" {
				e = i + 3
			}
			if e < n && isWordTok(ts[e].low) {
				ce = e
			}
		}
		if f.v.lemma == "throw" {
			// "the judge threw out the charges": a court's finding for
			// the accused; nothing else thrown is a cue.
			if i+1 >= n || ts[i+1].low != "out" || !dismissesCase(ts, i+2, n) {
				continue
			}
			ce = i + 2
		}
		if f.v.lemma == "point" {
			if i+1 >= n || ts[i+1].low != "out" {
				continue
			}
			ce = i + 2
		}
		if t.capital && i > 0 && !ts[i-1].qopen && !ts[i-1].qclose && !shouting(ts) {
			continue // "United States", "Report"
		}
		// Walk back over adverbs and auxiliaries.
		cs, j := i, i-1
		hasAux, passive, negated := false, false, false
		for j >= 0 {
			l := ts[j].low
			if auxiliaries[l] && !ts[j].capital || (auxiliaries[l] && j == 0) {
				hasAux = true
				if beForms[l] && f.m == past {
					passive = true
				}
				if negations[l] {
					negated = true
				}
				cs = j
				j--
				continue
			}
			if isAdverb(ts[j]) {
				j--
				continue
			}
			break
		}
		if !hasAux {
			cs = i
			if f.m == past && f.v.flags&target != 0 && headlinePassive(ts, i, ce) {
				// "JAPAN CRITICISED FOR "DUMPING" OF BANK SERVICES",
				// "EXECUTIVE ACCUSED OF FRAUD": a wire headline drops the
				// "was" of a passive; its subject is the one criticised.
				passive = true
			}
		}
		if plea && hasAux && ts[cs].low == "to" && cs+1 == i && cs > 0 && pleaIntents[ts[cs-1].low] {
			// "intends to plead guilty", "agreed to plead guilty": a plea
			// the accused has settled on.
			cs--
		} else if hasAux && ts[cs].low == "to" && cs+1 == i {
			// An infinitive is a cue only after a verb of going on:
			// "continued to insist that", "went on to say".
			g := cs - 1
			if g >= 0 && ts[g].low == "on" {
				g--
			}
			if g < 0 || !governing[ts[g].low] {
				continue
			}
			cs = g
		}
		// prev is the word before the verb, skipping adverbs.
		p := i - 1
		for p >= 0 && isAdverb(ts[p]) {
			p--
		}
		var prev tok
		if p >= 0 {
			prev = ts[p]
		}
		det := p >= 0 && determiners[prev.low]
		if det && (prev.low == "'s" || prev.low == "’s") && p > 0 && ts[p-1].capital {
			det = false // "Moody's said", "McDonald's said"
		}
		next := tok{}
		if ce < n {
			next = ts[ce]
		}
		nextThat := next.low == "that" || next.low == ":" || next.qopen
		_, prevPron := pronouns[prev.low]
		ok = false
		switch {
		case hasAux:
			ok = !(det && !auxiliaries[prev.low])
			if !plea && ts[cs].low == "to" && cs > 0 && (ts[cs-1].low == "plans" || ts[cs-1].low == "plan") {
				ok = false
			}
		case f.m == ing:
			ok = plea && shouting(ts) || p < 0 || prev.low == "," || prev.low == "after" || prev.low == "before" || prev.low == "while" || prev.low == "without" || prev.low == "by" || prev.low == "when"
		case f.m == past:
			ok = !det
		case f.m == third:
			if f.v.flags&nounlike != 0 {
				ok = !det && (prevPron || prev.capital || prev.text == ")" || prev.qclose || nextThat)
			} else {
				ok = !det
			}
		case f.m == base:
			plural := prev.low == "they" || prev.low == "we" || prev.low == "i" || prev.low == "you" ||
				(!det && strings.HasSuffix(prev.low, "s") && len(prev.low) > 3 && isWord(prev.low))
			ok = !det && (plural || nextThat) && (f.v.flags&nounlike == 0 || prevPron || nextThat)
		}
		if !ok {
			continue
		}
		if f.v.flags&weak != 0 && !x.weakOK(ts, i, ce, f.v) {
			continue
		}
		for k := cs; k < ce; k++ {
			ts[k].cue = true
		}
		ds = append(ds, &draft{kind: verbCue, v: f.v, m: f.m, vi: i, cs: cs, ce: ce, passive: passive, negated: negated})
	}
	return ds
}

// weakOK reports whether a weak verb at i is used as a reporting verb.
func (x *extractor) weakOK(ts []tok, i, ce int, v *verb) bool {
	n := len(ts)
	if i > 0 && (ts[i-1].qclose || ts[i-1].low == ",") {
		return true
	}
	r := ce
	if v.flags&addressee != 0 {
		for r < n && r-ce < 6 && ts[r].low != "that" && ts[r].low != ":" && ts[r].low != "," && !ts[r].qopen {
			r++
		}
	}
	if r >= n {
		return true
	}
	if (v.lemma == "dismiss" || v.lemma == "throw") && dismissesCase(ts, ce, n) {
		return true // "dismissed six of the nine actions": a ruling for the accused
	}
	switch l := ts[r].low; {
	case l == "that" || l == ":" || l == "," || l == "." || l == "!" || l == "?" || l == ";" || ts[r].qopen:
		return true
	}
	if i > 0 {
		if _, ok := pronouns[ts[i-1].low]; ok && i > 1 && (ts[i-2].low == "," || ts[i-2].qclose) {
			return true
		}
	}
	if v.stance == schema.Say && v.flags&(belief|addressee) == 0 && i > 0 && ts[i-1].low != "and" && ts[i-1].low != "but" &&
		clauseOpens(ts, r) {
		// "Greece declared it considers the accord inoperative", "he
		// repeated they had": a clause without its "that", opened by a
		// pronoun and its own verb; not "declared it a success" or
		// "added it to the list". A verb coordinated with another ("said
		// ... and added it is confident") is left to the trained model,
		// which gives it the subject of the first.
		return true
	}
	if v.flags&belief != 0 {
		if r < n && ts[r].low == "to" {
			return false // "believed to have been": not a speaker's belief
		}
		// "believe the FSB had compromised": a clause with its own verb.
		for k := r; k < n && k < r+7; k++ {
			if ts[k].low == "," || ts[k].qopen || ts[k].qclose || isEnd(ts[k]) {
				break
			}
			if auxiliaries[ts[k].low] && ts[k].low != "to" && ts[k].low != "not" && ts[k].low != "n't" {
				return k > r
			}
		}
		return false
	}
	for k := r; k < n && k < r+4; k++ {
		if allegationWords[ts[k].low] || speechNouns[ts[k].low] || ts[k].low == "as" {
			return true
		}
	}
	return false
}

// clauseSubjects are the pronouns that open a clause reported without
// its "that".
var clauseSubjects = set("he", "she", "it", "they", "we")

// clauseOpens reports whether a clause opens at r: a subject pronoun and
// its finite verb, an auxiliary other than "to" or a verb of the third
// person in the present ("it considers", "he had", "they would").
func clauseOpens(ts []tok, r int) bool {
	if r+1 >= len(ts) || !clauseSubjects[ts[r].low] {
		return false
	}
	l := ts[r+1].low
	if auxiliaries[l] {
		return l != "to" && l != "not" && l != "n't" && l != "be" && l != "been" && l != "being"
	}
	return ts[r].low != "we" && ts[r].low != "they" && len(l) > 3 && strings.HasSuffix(l, "s") &&
		!strings.HasSuffix(l, "ss") && !strings.HasSuffix(l, "us") && !strings.HasSuffix(l, "'s")
}

// headlinePassive reports whether the past form of a verb at i (its cue
// ending at ce) is a passive without its "was", as a wire headline in
// capitals writes one: the verb is the headline's first, right after its
// subject (a name or a ticker), and no object follows it but a
// preposition or the headline's end ("TAIWAN CRITICISED FOR AMOUNT OF
// DOLLAR HOLDINGS", "SMUGGLING BLAMED FOR CLOSURE", "X ACCUSED BY Y").
// A headline's active verbs are in the present ("EC CRITICISES JAPAN").
func headlinePassive(ts []tok, i, ce int) bool {
	if i == 0 || !shouting(ts) || !(ts[i-1].capital || ts[i-1].text == ">") || ts[i-1].inQ || ts[i-1].qclose {
		return false
	}
	for k := 0; k < i; k++ {
		if ts[k].cue || isEnd(ts[k]) || ts[k].low == "," || ts[k].low == ":" {
			return false
		}
	}
	if ce >= len(ts) || isEnd(ts[ce]) {
		return true
	}
	switch ts[ce].low {
	case "by", "for", "of", "over", "in", "on", "as", "after", "amid", "at", "with":
		return true
	}
	return false
}

// headlineSubject reports whether token p ends the subject of a wire
// headline in capitals that a verb after it takes: a name or a ticker,
// with no cue or clause break before it ("JEFFERIES <JEFG> CHAIRMAN
// PLEADING GUILTY").
func headlineSubject(ts []tok, p int) bool {
	if p < 0 || p >= len(ts) || !shouting(ts) || !(ts[p].capital || ts[p].text == ">") || ts[p].inQ || ts[p].qclose {
		return false
	}
	for k := 0; k <= p; k++ {
		if ts[k].cue || isEnd(ts[k]) || ts[k].low == "," || ts[k].low == ":" {
			return false
		}
	}
	return true
}

// shouting reports whether a sentence is written in capitals (a wire
// headline: "SYRIA SAYS ISRAEL BLOCKS CITRUS EXPORT").
func shouting(ts []tok) bool {
	up, low := 0, 0
	for _, t := range ts {
		for _, r := range t.text {
			if unicode.IsUpper(r) {
				up++
			} else if unicode.IsLower(r) {
				low++
			}
		}
	}
	return up > 8 && low*4 < up
}

// owned are what "accept" owns to: "accepted responsibility", "accepts
// sole blame".
func owned(w string) bool { return w == "responsibility" || w == "blame" }

// ownedHow qualify what is owned to: "full", "sole", "total".
var ownedHow = set("full", "sole", "total", "complete", "all", "the", "some", "partial", "overall", "moral", "political")

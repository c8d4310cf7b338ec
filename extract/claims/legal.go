package claims

import (
	"strings"

	"github.com/dossier-project/dossier/ledger"
	"github.com/dossier-project/dossier/schema"
)

// Legal steps. A lawsuit, a complaint or an indictment is an allegation of
// whoever brings it against whoever it is brought against, whatever words
// it uses for the wrong (the annotation guide: "legal steps are
// allegations of the claimant, as an indictment is"): "Spencer sued two
// Chase Manhattan units for forcing ...", "Mellon Bank was sued by a
// shareholder", "filed a class action complaint against the company",
// "the suit charges Young and Rubicam with misrepresenting ...", "the
// suit claimed that Boesky bought ...", "in the nine-count complaint,
// Spencer contends that ...". A threatened or possible suit ("could sue",
// "threatened to sue") is none.

// legalNouns name a legal step that makes allegations.
var legalNouns = set("suit", "suits", "lawsuit", "lawsuits", "complaint", "complaints", "indictment", "indictments",
	"counterclaim", "counterclaims", "countersuit", "counter-suit")

// filers are the verbs that bring a legal step: "filed a suit against".
var filers = set("filed", "files", "file", "filing", "brought", "brings", "bring", "bringing", "lodged", "instituted",
	"launched", "initiated", "amended")

// legalSpeech are the verbs by which a party states what its legal step
// alleges.
var legalSpeech = set("say", "contend", "claim", "charge", "allege", "assert", "argue", "state", "maintain", "accuse")

// legalSource reports whether a claim's source is a legal step ("the suit
// claimed", "Advanced's suit charges") or the claim is made in one ("In an
// administrative complaint, the SEC said").
func legalSource(ts []tok, d *draft) bool {
	if d.srcB > d.srcA && d.srcB <= len(ts) {
		for k := d.srcA; k < d.srcB; k++ {
			if legalNouns[ts[k].low] {
				return true
			}
		}
	}
	// "In the nine-count complaint, Spencer contends": an opening "in"
	// phrase that ends in a legal noun before a verb of speech ("In the
	// suit, Pennzoil has been awarded" is no allegation).
	if d.v == nil || !legalSpeech[d.v.lemma] {
		return false
	}
	for k := 0; k < len(ts) && k < 10; k++ {
		if ts[k].low != "in" {
			continue
		}
		for j := k + 1; j < len(ts) && j < k+7 && j < d.cs; j++ {
			if ts[j].low == "," || isEnd(ts[j]) {
				return j > k+1 && legalNouns[ts[j-1].low]
			}
		}
		return false
	}
	return false
}

// sued reads "X sued Y (for ...)", "Y was sued by X", "SCIMED BEING SUED
// FOR PATENT INFRINGEMENT": an allegation of the plaintiff against the
// defendant. A threat or a possibility ("threatened to sue", "could sue")
// is none, nor a suit without its defendant ("Pennzoil sued, arguing
// ..."); a headline that names no act ("MELLON SUED BY SHAREHOLDER") is
// read here and set aside by unvoiced (stepOnly).
func (x *extractor) sued(si int, ts []tok, i int) *draft {
	n := len(ts)
	if i > 0 && (ts[i-1].low == "to" || ts[i-1].low == "not" || ts[i-1].low == "n't") || mayBe(ts, i) {
		return nil
	}
	passive := i > 0 && (beForms[ts[i-1].low] || i+1 < n && ts[i+1].low == "by" && !isEnd(ts[i-1]) && ts[i-1].low != ",")
	if passive {
		end := i - 1
		if !beForms[ts[end].low] {
			end = i
		}
		for end > 0 && (auxiliaries[ts[end-1].low] || isAdverb(ts[end-1])) {
			end--
		}
		subj := leftNP(ts, end)
		if subj >= end {
			return nil
		}
		var target *entInfo
		for _, m := range x.mentionsIn(ts[subj].start, ts[end-1].end) {
			if m.e.typ == schema.Person || m.e.typ == schema.Organization {
				target = m.e
				break
			}
		}
		if target == nil {
			return nil
		}
		d := x.draftAgainst(si, ts, i, i+1, i+1, target)
		if d == nil {
			return nil
		}
		d.passive = true
		if sa, sb := byAgent(ts, i+1); sa >= 0 {
			x.source(si, ts, d, sa, sb)
		}
		// Without a "by", who sued is not in the sentence: the verb is no
		// claimant ("SCIMED <SMLS> BEING SUED FOR PATENT INFRINGEMENT").
		return d
	}
	// Active: the defendant is named right after the verb.
	k := i + 1
	if k < n && (ts[k].low == "the" || ts[k].low == "two" || ts[k].low == "three" || ts[k].low == "its") {
		k++
	}
	if k < n && ts[k].low == "<" {
		k++ // "sued <Donaldson Lufkin and Jenrette Inc>": a company unlisted
	}
	_, e := x.nameAt(ts, k)
	if e == nil || e.typ != schema.Person && e.typ != schema.Organization {
		return nil
	}
	d := x.draftAgainst(si, ts, i, i+1, i+1, e)
	if d == nil {
		return nil
	}
	p := i - 1
	for p >= 0 && (auxiliaries[ts[p].low] || isAdverb(ts[p])) {
		p--
	}
	if src := leftNP(ts, p+1); src <= p {
		x.source(si, ts, d, src, p+1)
	}
	if d.claimant == nil && d.claimantText == "" {
		if a0, b0 := sentenceSubject(x.in.Model, ts, i); b0 > a0 {
			x.source(si, ts, d, a0, b0)
		}
	}
	return d
}

// filedAgainst reads a legal step brought against a named party: "filed a
// class action complaint against the company", "the EPA's suit against a
// Browning-Ferris unit". The claimant is who filed it (the subject before
// the filing verb) or who the noun names as its maker.
func (x *extractor) filedAgainst(si int, ts []tok, i, a int) *draft {
	d := x.nounDraft(si, ts, i, a)
	if d == nil {
		return nil
	}
	if ts[a-1].low == "over" {
		// "LAWSUITS OVER U.S. RAID": the act is named, its doer is found
		// in it as any content's.
	} else if _, e := x.nameAt(ts, a); e != nil {
		d.target = e
	} else if ms := x.mentionsIn(ts[a].start, ts[min(len(ts), a+3)-1].end); len(ms) > 0 {
		d.target = ms[0].e
	}
	if d.target != nil {
		d.about = append(d.about, d.target.id)
	}
	if d.claimant != nil {
		return d
	}
	for f := i - 1; f >= 0 && f >= i-6; f-- {
		if isEnd(ts[f]) || ts[f].low == "," {
			break
		}
		if !filers[ts[f].low] {
			continue
		}
		p := f - 1
		for p >= 0 && (auxiliaries[ts[p].low] || isAdverb(ts[p])) {
			p--
		}
		if src := leftNP(ts, p+1); src <= p {
			x.source(si, ts, d, src, p+1)
		}
		break
	}
	return d
}

// legalStepAt returns where the defendant or the act of a legal step at i
// is named, or -1. The step is a suit, complaint or indictment, or a
// "court action" or "legal action"; the defendant is named after
// "against" a few words on ("a lawsuit it filed today against Coastal",
// "COURT ACTION AGAINST SAUNDERS") or after "from" with the damages sought
// ("the lawsuit seeks one billion dlrs in actual damages ... from
// Coastal"); the act after "over" right after a suit ("LAWSUITS OVER U.S.
// RAID"). An action needs "against". An injunction is no step of its own
// (the guide: a request for one restates the suit; "COURT BLOCKS
// INJUNCTION SOUGHT AGAINST COASTAL" alleges nothing new).
func (x *extractor) legalStepAt(ts []tok, i int) int {
	n := len(ts)
	l := ts[i].low
	action := (l == "action" || l == "actions") && i > 0 && (ts[i-1].low == "court" || ts[i-1].low == "legal")
	if !legalNouns[l] && !action || threatened(ts, i) {
		return -1
	}
	named := func(a int) bool {
		return a < n && len(x.mentionsIn(ts[a].start, ts[min(n, a+3)-1].end)) > 0
	}
	if legalNouns[l] && i+2 < n && ts[i+1].low == "over" && !isEnd(ts[i+2]) && !isNumber(ts[i+2].low) {
		return i + 2
	}
	if legalNouns[l] && i+3 < n && ts[i+1].low == "to" && blockers[ts[i+2].low] && named(i+3) {
		// "filed the lawsuit to block Coastal from taking control": the
		// suit's purpose names its defendant.
		return i + 3
	}
	if action && i+3 < n && ts[i+1].low == "to" && (ts[i+2].low == "recover" || ts[i+2].low == "recoup") {
		// "it planned to take legal action to recover the funds": an
		// action for what the other side owes.
		return i + 1
	}
	sought := false
	seeking := false
	for j := i + 1; j < n && j <= i+16; j++ {
		t := ts[j]
		if isEnd(t) || t.low == "," || t.low == ";" || t.low == "that" || t.cue || legalNouns[t.low] {
			return -1
		}
		switch t.low {
		case "seeking", "seeks", "seek":
			seeking = true
		case "damages", "compensation", "restitution":
			sought = true
			if seeking && legalNouns[l] {
				// "lawsuits in which survivors of 77 of the victims are
				// seeking millions of dollars in compensation": damages
				// sought for a wrong, the defendant named elsewhere.
				return i + 1
			}
		case "against":
			if j > i+6 || !named(j+1) {
				return -1
			}
			return j + 1
		case "from":
			if sought && legalNouns[l] && named(j+1) {
				return j + 1
			}
		}
	}
	return -1
}

// blockers are the verbs of a suit's purpose that name its defendant
// after them: "a suit to block Coastal from taking control".
var blockers = set("block", "stop", "prevent", "bar", "halt", "enjoin", "force", "compel")

// threatened reports whether a legal step at i is only threatened or
// weighed, within the four words before it: "shelved threatened legal
// action against", "hints at legal action against", "is considering a
// suit against".
func threatened(ts []tok, i int) bool {
	for k := max(0, i-4); k < i; k++ {
		for _, p := range []string{"threat", "hint", "consider", "contemplat", "possib", "potential", "weigh"} {
			if strings.HasPrefix(ts[k].low, p) {
				return true
			}
		}
	}
	return false
}

// allegingVerb reads an allegation verb that no reporting cue of the
// sentence took: "sued Genentech alleging its product infringed on
// Hoffman's patent", "filed a lawsuit ... and alleging, among other
// things, that the offer violates federal securities laws", "lawsuits
// were brought against Revlon alleging the original offer was too low".
// What is alleged follows the verb; the claimant is the sentence's
// subject.
func (x *extractor) allegingVerb(si int, ts []tok, i int) *draft {
	n := len(ts)
	a := i + 1
	if a < n && ts[a].low == "," {
		// ", among other things,"
		for j := a + 1; j < n && j <= a+6; j++ {
			if ts[j].low == "," {
				a = j + 1
				break
			}
		}
	}
	if a < n && ts[a].low == "that" {
		a++
	}
	if a >= n || isEnd(ts[a]) {
		return nil
	}
	d := x.newDraft(si, ts, i, i+1, a)
	if d == nil {
		return nil
	}
	if by, against := x.suitParties(ts, i); by > 0 {
		// "a suit filed against it by <Advanced Voice Technologies>
		// alleging misappropriation": the suit's maker alleges, against
		// whom it was filed.
		x.source(si, ts, d, by, i)
		d.target = against
	} else if a0, b0 := sentenceSubject(x.in.Model, ts, i); b0 > a0 {
		x.source(si, ts, d, a0, b0)
	}
	if d.claimant == nil && d.claimantText == "" {
		d.claimantText = ts[i].text
	}
	return d
}

// suitParties reads the parties of a legal step named just before an
// alleging verb at i: "a suit filed against it by Advanced Voice
// Technologies alleging", "a complaint brought by the SEC alleging". It
// returns the first token of the maker after "by" (0 when there is none)
// and the party after "against", named or a pronoun (nil when there is
// none).
func (x *extractor) suitParties(ts []tok, i int) (int, *entInfo) {
	by := -1
	for k := i - 1; k > 0 && k >= i-8; k-- {
		if ts[k].low == "," || ts[k].cue || isEnd(ts[k]) {
			return 0, nil
		}
		if ts[k].low == "by" {
			by = k
			break
		}
	}
	if by < 0 || by+1 >= i || len(x.mentionsIn(ts[by+1].start, ts[i-1].end)) == 0 {
		return 0, nil
	}
	legal, against := false, (*entInfo)(nil)
	for k := by - 1; k >= 0 && k >= by-8; k-- {
		l := ts[k].low
		if l == "," || ts[k].cue || isEnd(ts[k]) {
			break
		}
		if l == "against" && k+1 < by && against == nil {
			if ms := x.mentionsIn(ts[k+1].start, ts[by-1].end); len(ms) > 0 {
				against = ms[0].e
			} else if pronouns[ts[k+1].low] != "" {
				against = x.resolvePronoun(ts[k+1].low, ts[k+1].start)
			}
		}
		if legalNouns[l] {
			legal = true
			break
		}
	}
	if !legal {
		return 0, nil
	}
	return by + 1, against
}

// chargesWith reports whether "charges" or "charged" at i is a verb with
// its accused and "with" after it: "the suit charges Young and Rubicam
// with misrepresenting", "the FTC charged the Glenview, Ill., food and
// consumer products company with claiming": the accused named or a
// definite description, "with" within 18 tokens, no sentence end or cue
// between.
func (x *extractor) chargesWith(ts []tok, i int) bool {
	n := len(ts)
	if i+2 >= n {
		return false
	}
	if _, e := x.nameAt(ts, i+1); e == nil && !determiners[ts[i+1].low] {
		return false
	}
	for j := i + 2; j < n && j <= i+18; j++ {
		if ts[j].low == "with" {
			return true
		}
		if isEnd(ts[j]) || ts[j].cue || ts[j].low == "for" || ts[j].low == "to" {
			return false
		}
	}
	return false
}

// wrongAfter reports whether a wrong of the lexicon starts within three
// tokens after i: "an alleged fraud", "alleged insider trading", whatever
// hedges the sentence has before ("investigating an alleged fraud").
func wrongAfter(ts []tok, i int) bool {
	end := min(len(ts), i+6)
	if i+1 >= end {
		return false
	}
	k, _ := ledger.WrongAt(lows(ts[i+1 : end]))
	return k >= 0 && k <= 2
}

// remedies are the verbs of what a plaintiff asks for.
var remedies = set("seek", "seeks", "seeking", "sought", "ask", "asks", "asking", "asked", "request", "requests",
	"requesting", "requested", "demand", "demands", "demanding", "demanded", "want", "wants", "wanted", "urge",
	"urges", "urging", "urged")

// remedyOnly reports whether the content ts[a:b] of a legal step only
// tells what is asked for, its first verb one of asking or seeking: "The
// suit seeks compensatory and punitive damages", "Multifoods is asking
// Bregman's group to divest its shares, according to the suit". The
// guide leaves demands without an assertion out; the caller keeps the
// ones that name a wrong ("seeks to halt the ongoing misuse ...").
func remedyOnly(ts []tok, a, b int) bool {
	for k := a; k < b && k < a+4; k++ {
		if ts[k].low == "," && (ts[a].low == "in" || ts[a].low == "also" || ts[a].low == "further") {
			a = k + 1 // "In addition, Multifoods is seeking to stop ..."
			break
		}
	}
	for k := a; k < b && k < a+8; k++ {
		l := ts[k].low
		if remedies[l] {
			return true
		}
		if isEnd(ts[k]) || l == "that" || l == "," {
			return false
		}
		if (beForms[l] || l == "has" || l == "have" || l == "had") && k+1 < b && !remedies[ts[k+1].low] && !strings.HasSuffix(ts[k+1].low, "ly") {
			return false // "Boesky was ...", "Chase had seized ..."
		}
	}
	return false
}

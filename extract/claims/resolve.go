package claims

import (
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/dossier-project/dossier/ledger"
	"github.com/dossier-project/dossier/schema"
)

// suitNouns name a legal document that alleges.
var suitNouns = set("suit", "lawsuit", "complaint", "indictment", "countersuit", "counterclaim", "petition")

// suitBefore reports whether the sentence before si opens with a suit as
// its subject ("The suit, which sought one mln dlrs in damages, was
// originally filed ..."): an "It" that opens sentence si is the suit.
func (x *extractor) suitBefore(si int) bool {
	if si == 0 {
		return false
	}
	ts := x.toks(si - 1)
	k := 0
	for k < len(ts) && k < 3 && (determiners[ts[k].low] || ts[k].low == "original" || ts[k].low == "civil") {
		k++
	}
	return k < len(ts) && suitNouns[ts[k].low]
}

// isPossessor reports whether the mention is followed by "'s".
func (x *extractor) isPossessor(ts []tok, m mref) bool {
	for k, t := range ts {
		if t.start >= m.end {
			return t.low == "'s" || t.low == "'" || (t.low == "s" && k > 0 && ts[k-1].low == "'")
		}
	}
	return false
}

// resolveSource resolves the source noun phrase ts[a:b] to an entity; the
// text is the phrase itself.
func (x *extractor) resolveSource(si int, ts []tok, a, b int) (*entInfo, string) {
	sp := x.span(ts[a].start, ts[b-1].end)
	txt := sp.Text
	if b-a == 1 {
		if _, ok := pronouns[ts[a].low]; ok {
			if a == 0 && ts[a].low == "it" && x.suitBefore(si) {
				// "The suit ... was filed in August 1986. It alleged
				// that ...": the suit speaks, whoever filed it.
				return nil, txt
			}
			e := x.resolvePronoun(ts[a].low, ts[a].start)
			x.addExtra(si, sp.Start, sp.End, e)
			return e, txt
		}
	}
	// An apposition: the head before the first comma names the speaker
	// ("Unicorp, a holding company controlled by its chairman, George
	// Mann").
	for k := a + 1; k < b; k++ {
		if ts[k].low == "," {
			if e, _ := x.resolveSource(si, ts, a, k); e != nil {
				return e, txt
			}
			break
		}
	}
	ms := x.mentionsIn(sp.Start, sp.End)
	if len(x.pluralAt) > 0 {
		// "The two companies said": no one of them speaks alone.
		ms = slices.DeleteFunc(slices.Clone(ms), func(m mref) bool { return x.pluralAt[m.start] })
	}
	// A person named in the phrase speaks: "Kaspersky Lab chief executive
	// Eugene Kaspersky", "Eugene Kaspersky, the firm's founder".
	for _, m := range ms {
		if m.e.typ == schema.Person && !x.isPossessor(ts, m) {
			// "Cybersecurity firm Kaspersky": a firm, not the person,
			// even when the recogniser took the name for him.
			if k := tokIndex(ts, m.start); k > a && descriptors[ts[k-1].low] != nil {
				if o := x.orgNamed(m.e); o != nil {
					x.addExtra(si, sp.Start, sp.End, o)
					return o, txt
				}
			}
			return m.e, txt
		}
	}
	// A role: the last role word outside mentions.
	role, roleIdx := "", -1
	for k := b - 1; k >= a; k-- {
		if inMention(ms, ts[k]) {
			continue
		}
		if orgRoles[ts[k].low] || personRoles[ts[k].low] != "" {
			role, roleIdx = ts[k].low, k
			break
		}
	}
	var org *entInfo
	for _, m := range ms {
		if m.e.typ == schema.Organization {
			org = m.e
			if x.isPossessor(ts, m) || m.start > ts[max(roleIdx, a)].start {
				break
			}
		}
	}
	if org == nil {
		for _, m := range ms {
			if m.e.typ != schema.Person {
				org = m.e
				break
			}
		}
	}
	if roleIdx >= 0 {
		if orgRoles[role] {
			if org != nil {
				return org, txt
			}
			return nil, txt
		}
		if pred := personRoles[role]; pred != "" && org != nil {
			if role == "executive" && roleIdx > a && ts[roleIdx-1].low != "chief" {
				pred = schema.RoleOf
			}
			per, sure := x.personFor(org)
			if per != nil {
				if sure {
					x.addRelation(si, per.id, pred, org.id, sp)
				}
				x.addExtra(si, sp.Start, sp.End, per)
				return per, txt
			}
			return nil, txt
		}
	}
	if len(ms) > 0 {
		best := ms[len(ms)-1]
		for _, m := range ms {
			if !x.isPossessor(ts, m) && (m.end-m.start) >= (best.end-best.start) {
				best = m
			}
		}
		if len(ms) == 1 && best.start == sp.Start && best.end == sp.End {
			if c := x.capitalFor(best.e); c != nil {
				x.addExtra(si, sp.Start, sp.End, c)
				return c, txt
			}
		}
		return best.e, txt
	}
	// No mention: "Cybersecurity firm Kaspersky" names an entity by a word
	// of its name.
	var want string
	for k := a; k < b; k++ {
		if descriptors[ts[k].low] != nil {
			want = schema.Organization
		}
	}
	for k := b - 1; k >= a; k-- {
		if !ts[k].capital || len(ts[k].low) < 3 {
			continue
		}
		var best *entInfo
		for _, e := range x.ents {
			if e.words[ts[k].low] && (want == "" || e.typ == want) && (best == nil || e.count > best.count) {
				best = e
			}
		}
		if best != nil {
			for k := a; k < b; k++ {
				x.remember(ts[k].low, best)
			}
			x.addExtra(si, sp.Start, sp.End, best)
			return best, txt
		}
	}
	return nil, txt
}

func inMention(ms []mref, t tok) bool {
	for _, m := range ms {
		if t.start >= m.start && t.end <= m.end {
			return true
		}
	}
	return false
}

// personFor returns the person who holds a role at org: the person whose
// name shares a word with the organisation's ("Eugene Kaspersky" of
// "Kaspersky Lab"), sure; else the only person of the document, not sure.
func (x *extractor) personFor(org *entInfo) (*entInfo, bool) {
	var best *entInfo
	var persons []*entInfo
	for _, e := range x.ents {
		if e.typ != schema.Person {
			continue
		}
		persons = append(persons, e)
		for w := range e.words {
			if org.words[w] && (best == nil || e.count > best.count) {
				best = e
			}
		}
	}
	for _, r := range x.rels {
		if r.Object == org.id && r.Predicate != schema.BasedIn && r.Predicate != schema.PartOf {
			if p := x.byID[r.Subject]; p != nil && p.typ == schema.Person {
				return p, true
			}
		}
	}
	if best != nil {
		return best, true
	}
	if len(persons) == 1 {
		return persons[0], false
	}
	return nil, false
}

func (x *extractor) addRelation(si int, subj, pred, obj string, ev schema.Span) {
	if subj == obj || subj == "" || obj == "" {
		return
	}
	key := subj + "\x00" + pred + "\x00" + obj
	if x.relSeen[key] {
		return
	}
	x.relSeen[key] = true
	x.rels = append(x.rels, schema.Relation{Subject: subj, Predicate: pred, Object: obj, Sentence: si, Evidence: ev})
}

// finishDraft sets the stance, hedges and the entities a claim is about.
func (x *extractor) finishDraft(ts []tok, d *draft) {
	d.cueSpan = x.span(ts[d.cs].start, ts[d.ce-1].end)
	for d.srcB > d.srcA && (ts[d.srcB-1].low == "," || ts[d.srcB-1].low == "--") {
		d.srcB--
	}
	if d.ce == d.cs+1 && hedgeCue(ts[d.cs].low) && d.srcB > d.srcA && d.srcB <= d.cs && phraseEnd(ts[d.srcB-1].low) {
		// "sanctions imposed against Japan for alleged violations",
		// "protested to the United Nations over alleged airspace
		// violations": words that end in a preposition are the phrase
		// the hedge stands in, not who alleges, and a party named in
		// them is none of its claimant.
		for _, m := range x.mentionsIn(ts[d.srcA].start, ts[d.srcB-1].end) {
			if m.e == d.claimant {
				d.claimant, d.claimantText = nil, ts[d.cs].text
				break
			}
		}
		d.srcA, d.srcB = 0, 0
	}
	if d.srcB > d.srcA {
		d.srcSpan = x.span(ts[d.srcA].start, ts[d.srcB-1].end)
		if d.rel > 0 {
			d.srcSpan = x.span(ts[d.rel-1].start, ts[d.rel-1].end)
		}
	}
	c0, c1 := d.cont[0], d.cont[1]
	ka, kb := len(ts), 0
	for k, t := range ts {
		if t.start >= c0 && t.end <= c1 {
			ka, kb = min(ka, k), k+1
		}
	}
	var ct []tok
	if ka < kb {
		ct = ts[ka:kb]
	}
	// Stance. A negated cue ("did not confirm") is say, but a negated
	// belief or intention ("did not believe", "does not plan to") is still
	// one.
	if d.negated && d.stance != schema.Say && d.stance != schema.Believe && d.stance != schema.Intend {
		d.stance = schema.Say
	}
	denial, weak := x.deniesWrongdoing(ct)
	for k, t := range ct {
		if allegationWords[t.low] && !ledger.CreditorClaim(lows(ct), k) {
			d.refersBack = true
		}
	}
	for k := range ct {
		if groundsForThis(ct, k) {
			d.refersBack = true // "no evidence to substantiate this"
		}
	}
	if len(ct) > 0 && len(ct) <= 5 && (ct[0].low == "that" || ct[0].low == "this") && dismissals[ct[len(ct)-1].low] {
		// "That is utterly ridiculous": what was just said.
		d.refersBack = true
	}
	switch d.stance {
	case schema.Say, schema.Report, schema.Confirm:
		if denial {
			d.undenied, d.weakDenial = d.stance, weak
			d.stance = schema.Deny
		}
	}
	// Hedges: in the content and around the cue.
	// Hedges: in the content, or between the source and the cue
	// ("reportedly said").
	lo := d.cs
	if d.srcB > d.srcA && d.srcA < lo && d.srcB <= d.cs {
		lo = d.srcA
	}
	for k := 0; k < len(ts); k++ {
		t := ts[k]
		if !(t.start >= c0 && t.end <= c1) && !(k >= lo && k < d.ce) {
			continue
		}
		switch {
		case t.low == "no" && k+1 < len(ts) && (ts[k+1].low == "evidence" || ts[k+1].low == "proof" || ts[k+1].low == "indication"):
			d.hedges = append(d.hedges, x.span(t.start, ts[k+1].end))
			d.noEvidence = true
			k++
		case t.low == "scenario" || t.low == "possibility":
			a := k
			for a > 0 && k-a < 3 && (ts[a-1].low == "possible" || ts[a-1].low == "very" || ts[a-1].low == "a" || ts[a-1].low == "real" || ts[a-1].low == "distinct") {
				a--
			}
			if a < k {
				d.hedges = append(d.hedges, x.span(ts[a].start, t.end))
			}
		case hedgeWords[t.low] && !t.capital:
			d.hedges = append(d.hedges, x.span(t.start, t.end))
		}
	}
	// About: the entities in the content and the object.
	seen := map[string]bool{}
	if d.claimant != nil {
		seen[d.claimant.id] = true
	}
	if d.channel != nil {
		seen[d.channel.id] = true
	}
	add := func(e *entInfo) {
		if e != nil && !seen[e.id] && len(d.about) < maxAbout {
			seen[e.id] = true
			d.about = append(d.about, e.id)
		}
	}
	if d.v != nil && d.v.flags&target != 0 || d.passive {
		for _, e := range d.objEnts {
			if d.target == nil && e.typ != schema.Place && (d.claimant == nil || e.id != d.claimant.id) {
				d.target = e
			}
		}
		if d.target == nil && len(d.objEnts) > 0 && (d.claimant == nil || d.objEnts[0].id != d.claimant.id) {
			d.target = d.objEnts[0]
		}
		if d.v == nil || d.v.flags&target == 0 {
			if d.stance != schema.Allege && d.stance != schema.Criticise {
				d.target = nil
			}
		}
		for _, e := range d.objEnts {
			add(e)
		}
	}
	for _, m := range x.mentionsIn(c0, c1) {
		add(m.e)
	}
}

// blameStem is the weak denial of a harm blamed on a party (see
// extractor.alleges).
const blameStem = "\x00blame"

// deniesWrongdoing reports whether content tokens deny misconduct: a
// negation before a word of wrongdoing, "nothing wrong", "no wrongdoing",
// or "no evidence" for an allegation. weak is set, and the denial is only
// one if the document alleges it, when all it negates is a future or
// conditional act that is no wrong in itself ("would not help", "will not
// commit"): the stem of that word.
func (x *extractor) deniesWrongdoing(ct []tok) (deny bool, weak string) {
	for k, t := range ct {
		switch {
		case k >= 1 && k <= 3 && (pronouns[ct[0].low] != "" || ct[0].low == "we" || ct[0].low == "i") && deniesVerb(t) &&
			ct[k-1].low != "not" && ct[k-1].low != "n't" && ct[k-1].low != "never" && deniedWrong(ct, k+1) && !withholds(ct, k+1, len(ct)):
			// "the company said it denies that ...", "he said he rejected
			// the allegations": the speaker's own denial, reported.
			return true, ""
		case t.low == "nor" && k > 1 && slices.Contains(lows(ct[:k]), "neither") && !subordinate(lows(ct[:k])) &&
			wrongIn(ct, k+1, min(len(ct), k+10)) >= 0 && !future(ct, k):
			// "neither Boyd Jefferies nor the company ever engaged in
			// insider trading": the wrong denied of both.
			return true, ""
		case (t.low == "not" || t.low == "n't" || t.low == "never") && (wishNot(ct, k) || doubtsAnother(ct, k)):
			// "we do not want a trade war", "they did not think Japan
			// would retaliate": no act of the speaker's is denied.
		case (t.low == "not" || t.low == "n't" || t.low == "never") && !subordinate(lows(ct[:k])) && !groundsNegation(ct, k):
			for j := k + 1; j < len(ct) && j <= k+6; j++ {
				if ct[j].low == "," || ct[j].low == "but" {
					break
				}
				if ledger.IsWrong(ct[j].low) || ct[j].low == "lie" || ct[j].low == "wrong" {
					return true, ""
				}
				if causeWords[ct[j].low] || ct[j].low == "due" && j+1 < len(ct) && ct[j+1].low == "to" || ct[j].low == "source" {
					// "was not due to central bank policy", "is neither
					// the major source nor the cause": a denial of a
					// harm blamed, if the document blames one.
					if weak == "" {
						weak = blameStem
					}
					continue
				}
				if s := wrongdoingStem(ct[j].low); s != "" {
					if !future(ct, k) {
						return true, "" // "we never helped the FSB"
					}
					if weak == "" {
						weak = s // "he would not help the campaign"
					}
				}
			}
		case t.low == "nothing" && k+1 < len(ct) && ct[k+1].low == "wrong":
			return true, ""
		case t.low == "blame" && (k > 0 && (ct[k-1].low == "no" || ct[k-1].low == "little") || k+2 < len(ct) && ct[k+2].low == "misplaced"):
			// "deserve almost no blame", "the blame is misplaced".
			if weak == "" {
				weak = blameStem
			}
		case dismissals[t.low] && t.low != "wrong" && t.low != "speculation" && k <= 3 && k >= len(ct)-2 &&
			(ct[0].low == "that" || ct[0].low == "this" || ct[0].low == "it"):
			// "That is utterly ridiculous": what the speaker calls what
			// was said.
			return true, ""
		case t.low == "nothing" && k+3 < len(ct) && ct[k+1].low == "to" && ct[k+2].low == "do" && ct[k+3].low == "with",
			t.low == "no" && k+2 < len(ct) && (ct[k+1].low == "part" || ct[k+1].low == "role") && ct[k+2].low == "in":
			// "Moscow had nothing to do with the reports", "played no
			// role in the hacking": a denial of a wrong or an allegation.
			for j := k + 2; j < len(ct) && j <= k+9; j++ {
				if allegationWords[ct[j].low] || ledger.IsWrong(ct[j].low) || wrongdoingStem(ct[j].low) != "" {
					return true, ""
				}
			}
		case t.low == "no" && k+1 < len(ct) && (ct[k+1].low == "wrongdoing" || ct[k+1].low == "involvement"):
			return true, ""
		case t.low == "no" && k+1 < len(ct) && ct[k+1].low == "knowledge" && wrongIn(ct, k+2, len(ct)) >= 0:
			// "had no knowledge ... that any of these transactions were
			// based on the improper use of inside information".
			return true, ""
		case knowsNoWrong(ct, k):
			// "neither company is aware of any unlawful conduct", "the firm
			// knows of no wrong doing": the speaker knows of no wrong.
			return true, ""
		case t.low == "no" && k+1 < len(ct) && groundsOf[ct[k+1].low]:
			// "no evidence for the allegations", "no truth to those
			// rumours", "no bases of truth to ... the accusation".
			for j := k + 2; j < len(ct) && j <= k+8; j++ {
				if allegationWords[ct[j].low] {
					return true, ""
				}
			}
			if groundsForThis(ct, k) {
				// "found no evidence to substantiate this": what was
				// just alleged.
				return true, ""
			}
			if k <= 4 && noSignOfWrong(ct, k) {
				return true, ""
			}
		case k <= 4 && noSignOfWrong(ct, k):
			// Only what the content opens with ("there were no concrete
			// signs that ..."), not a reason given for something else:
			// "There are no plans to warn against ... since the BSI has no
			// evidence for misconduct".
			return true, ""
		case dismissals[t.low] && t.low != "wrong" && t.low != "speculation" || t.low == "motivated" && k > 0 && ct[k-1].low == "politically":
			// "the rumours are not true", "described the rumours as
			// absolute rubbish", "called the charges politically
			// motivated": what the speaker calls the allegation.
			for j := max(0, k-4); j < k; j++ {
				if allegationWords[ct[j].low] {
					return true, ""
				}
			}
			if insertedAfterAllegation(ct, k) {
				return true, ""
			}
		}
	}
	return weak != "", weak
}

// insertedAfterAllegation reports whether the dismissal at k is said of
// an allegation named before a clause set off by commas: "the
// allegations, made by a group of shareholders, are false", "the suit,
// which was filed in March, is groundless". The dismissal follows a form
// of "be" (past adverbs) that follows the closing comma, and the word
// before the opening comma names an allegation.
func insertedAfterAllegation(ct []tok, k int) bool {
	i := k - 1
	for i > 0 && isAdverb(ct[i]) {
		i--
	}
	if i < 2 || !beForms[ct[i].low] || ct[i-1].low != "," {
		return false
	}
	for c := i - 2; c > 0 && c >= i-30; c-- {
		switch ct[c].low {
		case ",":
			return allegationWords[ct[c-1].low]
		case ";", ":", "that", "\"":
			return false
		}
	}
	return false
}

// wrongWithin reports whether a wrong opens within n words after k
// (lower-case tokens ct), "wrong doing" among them.
func wrongWithin(ct []tok, k, n int) bool {
	end := min(len(ct), k+n)
	if k >= end {
		return false
	}
	ws := lows(ct[k:end])
	if i, _ := ledger.WrongAt(ws); i >= 0 {
		return true
	}
	for i, w := range ws {
		if w == "wrong" && i+1 < len(ws) && ws[i+1] == "doing" || w == "wrongdoing" {
			return true
		}
	}
	return false
}

// knowsNoWrong reports whether the word at k says that its subject knows
// of no wrong: "is not aware of any unlawful conduct", "neither company
// is aware of any", "knows of no wrong doing", "was unaware of any
// irregularities". The knowing verb, negated before it or followed by
// "of no", then "of any" or "of no" and a wrong within a few words.
func knowsNoWrong(ct []tok, k int) bool {
	switch ct[k].low {
	case "aware", "know", "knows", "knew", "unaware":
	default:
		return false
	}
	if k+2 >= len(ct) || ct[k+1].low != "of" || ct[k+2].low != "any" && ct[k+2].low != "no" {
		// Not "he was unaware of the funds diversion": knowing of a
		// wrong named as a fact grants it.
		return false
	}
	negated := ct[k].low == "unaware" || k+2 < len(ct) && ct[k+2].low == "no"
	for j := max(0, k-3); j < k && !negated; j++ {
		switch ct[j].low {
		case "not", "n't", "neither", "never", "nor":
			negated = true
		}
	}
	return negated && wrongWithin(ct, k+2, 6)
}

// noSignOfWrong reports whether the word at k opens a finding of no wrong:
// "no evidence rules were broken", "no concrete signs that the
// regulations had been broken", "no indication of any wrongdoing". "no",
// at most one word of degree ("concrete", "clear"), a word of evidence or
// of signs, then within the clause (up to a comma, "but" or ten words) a
// wrong of the ledger's list or rules said to be broken. Not "no sign of
// a recovery": no wrong follows.
func noSignOfWrong(ct []tok, k int) bool {
	if ct[k].low != "no" {
		return false
	}
	g := k + 1
	if g < len(ct) && signDegree[ct[g].low] {
		g++
	}
	if g >= len(ct) || !groundsOf[ct[g].low] && !signsOf[ct[g].low] {
		return false
	}
	end := g + 1
	for end < len(ct) && end <= g+10 && ct[end].low != "," && ct[end].low != "but" && ct[end].low != ";" {
		end++
	}
	if wrongWithin(ct[:end], g+1, end-g-1) {
		return true
	}
	for j := g + 1; j+1 < end; j++ {
		if !ruleNouns[ct[j].low] {
			continue
		}
		for i := j + 1; i < end && i <= j+4; i++ {
			if brokenWords[ct[i].low] {
				return true
			}
		}
	}
	return false
}

// signsOf are the words of a sign found or not ("no signs that", "no
// indication of"), beside groundsOf, for a finding of no wrong.
var signsOf = set("sign", "signs", "indication", "indications", "suggestion", "hint", "trace")

// signDegree are the words of degree between "no" and a word of evidence
// ("no concrete signs", "no clear evidence").
var signDegree = set("concrete", "clear", "hard", "firm", "real", "direct", "conclusive", "solid")

// brokenWords say that rules were broken ("had been broken", "were
// breached").
var brokenWords = set("broken", "broke", "breached", "violated", "infringed", "flouted", "contravened")

// groundsOf are what "no" denies an allegation ("no evidence for the
// charges", "no truth to those rumours", "no foundation in fact"): the
// CAMEO verb dictionary's deny-responsibility patterns (code 016) and the
// denials of the ledger's annotation guide.
var groundsOf = set("evidence", "proof", "basis", "bases", "truth", "foundation", "substance", "merit", "grounds")

// deniesVerb reports whether t is a finite form of a verb of denial that
// is not weak ("denies", "rejected"; not "dismissed", not "denying").
func deniesVerb(t tok) bool {
	f, ok := stanceForms[t.low]
	return ok && f.v.stance == schema.Deny && f.v.flags&(weak|nounlike) == 0 && f.m != ing
}

// deniedWrong reports whether what follows a verb of denial at ct[k:] is
// an allegation or a wrong ("that it committed violations", "the
// allegations"), not a refusal ("him bail").
func deniedWrong(ct []tok, k int) bool {
	if k < len(ct) && ct[k].low == "that" {
		return true
	}
	for j := k; j < len(ct); j++ {
		if allegationWords[ct[j].low] {
			return true
		}
	}
	return wrongIn(ct, k, len(ct)) >= 0
}

// groundsNegation reports whether the negation at k names the grounds of
// blame or praise rather than denies: "for not doing enough to help",
// "accused of not disclosing", "criticised for never having paid".
func groundsNegation(ct []tok, k int) bool {
	return k > 0 && (ct[k-1].low == "for" || ct[k-1].low == "of")
}

// future reports whether the negation at k is of a future or a
// conditional act ("will not", "would never", "won't"): a refusal or an
// intention, not a denial of what was done.
func future(ct []tok, k int) bool {
	for j := max(0, k-2); j <= k && j < len(ct); j++ {
		switch ct[j].low {
		case "will", "would", "wo", "shall", "'ll", "going", "won't", "wouldn't":
			return true
		}
	}
	return false
}

// wishNot reports whether the negation at k negates a wish: "we do not
// want a trade war", "I don't want to be obstructive".
func wishNot(ct []tok, k int) bool {
	return k+1 < len(ct) && wishes[ct[k+1].low]
}

// wishes are verbs of wanting.
var wishes = set("want", "wish", "like", "hope", "intend", "desire")

// doubtsAnother reports whether the negation at k negates a belief in a
// future act ("did not think Japan would retaliate", "does not expect
// that they will sue"): a forecast of another's act, not a denial of one's
// own.
func doubtsAnother(ct []tok, k int) bool {
	if k+1 >= len(ct) || !doubts[ct[k+1].low] {
		return false
	}
	for j := k + 2; j < len(ct) && j <= k+8; j++ {
		switch ct[j].low {
		case "would", "will", "could", "might", "may", "wo", "'ll":
			return true
		case ",", ";":
			return false
		}
	}
	return false
}

// doubts are verbs of belief or expectation.
var doubts = set("think", "believe", "expect", "anticipate", "foresee")

// wrongdoingStem returns the stem of the wider wrongdoing list of denials
// that a word starts with ("helped": "help"), or "".
func wrongdoingStem(w string) string {
	for _, s := range wrongdoing {
		if strings.HasPrefix(w, s) {
			return s
		}
	}
	return ""
}

// link sets RespondsTo: a denial, an acknowledgement, a confirmation that
// names a wrong, or a statement of "no evidence" answers the allegations
// of the document (before or after it in the text) that it matches by
// proposition (ledger.Answers: the accused answers or is named, and the
// act's words meet, or it names the allegations); a denial that holds the
// allegation in its own words ("denied a report that ...") answers it.
// No match, no link. At most maxResponds of the linkWindow claims on
// either side are linked, so linking stays linear in the number of claims.
func (x *extractor) link() {
	x.deniedOfSpeaker()
	for _, d := range x.drafts {
		if d.stance == schema.Deny || d.stance == schema.Acknowledge {
			if e := x.pronounSubject(d); e != nil && !containsID(d.about, e.id) && len(d.about) < maxAbout {
				d.about = append(d.about, e.id)
			}
		}
	}
	props := make(map[*draft]*ledger.Prop, len(x.drafts))
	prop := func(d *draft) *ledger.Prop {
		if p := props[d]; p != nil {
			return p
		}
		p := &ledger.Prop{Stance: string(d.stance), About: d.about, RefersBack: d.refersBack, ClaimantText: d.claimantText,
			Explicit:   d.stance == schema.Deny && d.v != nil && explicitDenial[d.v.lemma],
			Concedes:   d.stance == schema.Acknowledge && !x.answers(d),
			Defends:    d.stance == schema.Deny && strings.HasPrefix(strings.ToLower(d.cueSpan.Text), "defend"),
			NoEvidence: x.findsNoWrong(d) || d.clears,
			Clears:     d.clears,
			Universal:  d.stance == schema.Deny && x.universal(d)}
		if p.Concedes && !ledger.Concession(d.cueSpan.Text, x.contentText(d)) {
			p.Concedes = false // and it links nothing (link)
		}
		if d.claimant != nil {
			p.Claimant = d.claimant.id
		}
		if d.target != nil {
			p.Target = d.target.id
			if d.stance == schema.Allege {
				for _, e := range x.coAccused(d) {
					p.CoAccused = append(p.CoAccused, e.id)
				}
			}
		}
		if d.stance != schema.Allege {
			// Only an answer's side counts (ledger.Answers).
			for _, e := range x.sides(d) {
				p.SpeaksFor = append(p.SpeaksFor, e.id)
			}
		}
		if d.cont[1] > d.cont[0] {
			p.Content = string(x.runes[d.cont[0]:d.cont[1]])
		}
		props[d] = p
		return p
	}
	for i, d := range x.drafts {
		concedes := !x.answers(d)
		if concedes && (d.stance != schema.Acknowledge || len(d.hedges) > 0 || !ledger.Concession(d.cueSpan.Text, x.contentText(d))) {
			// Nor a hedged one ("acknowledged that it was "technically,
			// a very possible scenario" his company's anti-virus had
			// detected the NSA hacking tools").
			continue
		}
		// An acknowledgement that names no wrong may still answer the
		// allegation against its claimant in its words (Concedes), by
		// ledger.Answers alone: holding an allegation ("agreed that
		// much of the blame lay with Baker who had criticised West
		// Germany") is not answering it.
		d.responds = append(d.responds, d.opposes...)
		window := x.drafts[max(0, i-linkWindow):min(len(x.drafts), i+linkWindow)]
		var held []*draft // the allegations the answer holds in its own words
		for _, a := range window {
			if a != d && a.stance == schema.Allege && !concedes && x.holds(d, a) {
				held = append(held, a)
			}
		}
		for _, a := range window {
			if a == d || a.stance != schema.Allege || slices.ContainsFunc(d.opposes, func(o answered) bool { return o.a == a }) {
				continue
			}
			if d.stance != schema.Deny && a.sent == d.sent && d.cueSpan.Start >= a.cont[0] && d.cueSpan.End <= a.cont[1] && a.cueSpan.End <= d.cueSpan.Start {
				// An acknowledgement told inside the allegation ("The
				// complaint alleges ... that the company and its board
				// agreed to pay First Boston an illegal ... fee") is part
				// of what is alleged, not an answer to it. (A denial
				// inside an allegation's content is kept: such contents
				// run over the answer that follows them, "criticism of
				// U.S. meat inspection, defended the program".)
				continue
			}
			if !concedes && x.holds(d, a) {
				// "denied a report that ...": the answer holds the
				// allegation in its own words. One that holds a hedged
				// act ("said it was not involved in the alleged
				// transfer") denies a part in it, which answers the
				// allegation only from the accused.
				if !hedgeCue(a.cueSpan.Text) {
					d.responds = append(d.responds, answered{a, 1, "the answer quotes the allegation"})
				} else if d.claimant != nil && a.target != nil && d.claimant == a.target {
					d.responds = append(d.responds, answered{a, 1, "the accused denies its part in the act"})
				}
				continue
			}
			if len(held) > 0 && !slices.ContainsFunc(held, func(h *draft) bool { return x.sameAccused(h, a) }) {
				// "denounced press reports that his wife, Nancy, is running
				// the government": the answer answers the report it holds
				// (against Nancy), not another allegation of the article,
				// against another party, that shares a word with it ("his
				// wife had had a role in the departure", against Reagan).
				continue
			}
			if s, why := ledger.Answers(prop(a), prop(d), x.entName); s >= ledger.MinAnswer {
				d.responds = append(d.responds, answered{a, s, why})
			}
		}
		if len(d.responds) == 0 && d.stance == schema.Deny {
			if a := x.answeredBefore(i, d); a != nil {
				d.responds = append(d.responds, answered{a, ledger.MinAnswer, "answers the allegation just before it"})
			}
		}
		if len(d.responds) == 0 && !concedes {
			if a, who := x.onlyAgainst(i, d, prop); a != nil {
				d.responds = append(d.responds, answered{a, ledger.MinAnswer, who + "; the one allegation against it in the article"})
			}
		}
		if len(d.responds) == 0 && d.stance == schema.Deny && len(d.about) == 0 && prop(d).NoEvidence && ledger.AnyWrong(prop(d).Content) {
			for _, a := range x.clearsTheOneAccused(i, d) {
				d.responds = append(d.responds, answered{a, ledger.MinAnswer, "finds no wrongdoing in the article's one accused"})
			}
		}
		if len(d.responds) == 0 && d.stance == schema.Deny {
			if p := x.goesOnFrom(i, d); p != nil {
				for _, r := range p.responds {
					d.responds = append(d.responds, answered{r.a, ledger.MinAnswer, "goes on from its denial in the sentence before"})
				}
			}
		}
		if n := len(d.responds); n > maxResponds {
			d.responds = d.responds[n-maxResponds:]
		}
		if d.stance == schema.Confirm && !d.negated && slices.ContainsFunc(d.responds, func(r answered) bool {
			_, ok := ledger.ByAccused(prop(r.a), prop(d), x.entName)
			return ok
		}) {
			// "A Zentor spokesman confirmed the company had bribed
			// customs officials": the accused, or its side, confirming
			// the act alleged against it owns to it (the annotation
			// guide's "confirm the act"); a confirmation by another
			// stays one.
			d.stance = schema.Acknowledge
		}
	}
}

// clearsTheOneAccused returns the allegations a finding of no wrongdoing
// that names no one answers ("The SEC said it found no evidence of
// wrongdoing", "prosecutors found no evidence of wrongdoing"): those told
// up to nearSents sentences before it, by others, when they all accuse
// one party; none when they accuse several (whom it clears is then not
// known) or none.
func (x *extractor) clearsTheOneAccused(i int, d *draft) []*draft {
	var out []*draft
	for _, a := range x.drafts[max(0, i-linkWindow):i] {
		if a.stance != schema.Allege || a.sent < d.sent-nearSents || a.sent > d.sent {
			continue
		}
		if a.target == nil || a.claimant != nil && a.claimant == d.claimant {
			continue
		}
		if len(out) > 0 && !x.sameAccused(out[0], a) {
			return nil
		}
		out = append(out, a)
	}
	if len(out) > maxResponds {
		out = out[len(out)-maxResponds:]
	}
	return out
}

// deniedOfSpeaker makes the denier the target of a charge its denial
// holds whose content opens with a pronoun that agrees with it: "Reagan
// called charges that he ransomed hostages ... "utterly false"", "Acme
// denied reports that it had hidden losses" accuse the one who denies
// them, not a party named further on ("the U.S. war on terrorism").
func (x *extractor) deniedOfSpeaker() {
	for _, d := range x.drafts {
		if d.stance != schema.Deny || d.claimant == nil {
			continue
		}
		for _, a := range x.drafts {
			if a.stance != schema.Allege || a.sent != d.sent || a == d || !x.holds(d, a) || a.target == d.claimant {
				continue
			}
			ts := x.toks(a.sent)
			ka, kb := contentToks(ts, a)
			if ka < kb && ts[ka].low == "that" {
				ka++
			}
			if ka >= kb || ts[ka].inQ || ts[ka].low != "he" && ts[ka].low != "she" && ts[ka].low != "it" || !pronounAgrees(ts[ka].low, d.claimant) {
				continue
			}
			a.target = d.claimant
			if !containsID(a.about, d.claimant.id) {
				a.about = append(a.about, d.claimant.id)
			}
		}
	}
}

// maxThatClause is how many words into an answer's content a clause
// whose subject is "he" or "she" ("... to believe that he did not act
// illegally") may start for pronounSubject.
const maxThatClause = 16

// pronounSubject returns the person an answer's content opens with as
// "he" or "she", or whom a clause of its first words has as its subject
// ("we continue to believe in him and to believe that he did not act
// illegally"), when it is not the claimant ("Goldman said it continues to
// believe that he did not act illegally": Robert Freeman, named before),
// the latest person named before the pronoun; else nil, and nil when an
// unnamed speaker may be the "he" ("a foreign lawyer said he believed"). The answer is
// then about that person, as it would be had it named him.
func (x *extractor) pronounSubject(d *draft) *entInfo {
	ts := x.toks(d.sent)
	ka, kb := contentToks(ts, d)
	k := ka
	if k < kb && ts[k].low == "that" {
		k++
	}
	clause := false
	if k < kb && ts[k].low != "he" && ts[k].low != "she" {
		// The subject of a clause the content goes on to: "Based on all
		// we now know, we continue to believe in him and to believe that
		// he did not act illegally" (Goldman's word on Freeman). In a
		// quotation too: its speaker is "I" or "we" there, never "he".
		for j := ka + 1; j+1 < kb && j <= ka+maxThatClause; j++ {
			if ts[j].low == "that" && (ts[j+1].low == "he" || ts[j+1].low == "she") {
				k, clause = j+1, true
				break
			}
		}
	}
	if k >= kb || ts[k].low != "he" && ts[k].low != "she" || ts[k].inQ && !clause {
		return nil
	}
	if d.claimant == nil && !pluralSpeaker(d.claimantText) {
		return nil // "A foreign lawyer said he believed ...": the speaker himself
	}
	e := x.resolvePronoun(ts[k].low, ts[k].start)
	if e == nil || e == d.claimant || e.typ != schema.Person {
		return nil
	}
	return e
}

// goesOnFrom returns the denial that a denial with no link of its own
// goes on from: the last claim before it, a denial by the same claimant in
// the sentence just before, linked to what it answers ("We categorically
// deny that the United States is selling weapons to Iran", then "She
// added that Washington was not doing anything ... not consistent with
// U.S. laws"); nil when the two are further apart, by others, or the
// denial tells what it answers or refuses an act to come.
func (x *extractor) goesOnFrom(i int, d *draft) *draft {
	if i == 0 || d.claimant == nil || x.tellsItsObject(d) {
		return nil
	}
	p := x.drafts[i-1]
	if p.stance != schema.Deny || p.claimant != d.claimant || p.sent != d.sent-1 || len(p.responds) == 0 {
		return nil
	}
	ts := x.toks(d.sent)
	ka, kb := contentToks(ts, d)
	for k := ka; k < kb; k++ {
		if negations[ts[k].low] && future(ts[ka:kb], k-ka) {
			return nil
		}
	}
	return p
}

// sameAccused reports whether two allegations may accuse the same party:
// one has no target, or the target of one is the other's target, holds
// its name, or is a party it makes a partner of the act ("Freeman exchanged inside
// information with Martin Siegel" and "charges he participated in the
// conspiracy", against Siegel).
func (x *extractor) sameAccused(a, b *draft) bool {
	if a.target == nil || b.target == nil || a.target == b.target {
		return true
	}
	if ledger.NameHolds(a.target.name, b.target.name) || ledger.SameName(a.target.name, b.target.name) {
		return true // "Goldman Sachs" and "Goldman Sachs International Corp"
	}
	return slices.Contains(x.coAccused(a), b.target) || slices.Contains(x.coAccused(b), a.target)
}

// groupNouns name the parties of a group a universal answer is said of.
var groupNouns = set("member", "members", "state", "states", "country", "countries", "nation", "nations", "producer",
	"producers", "company", "companies", "firm", "firms", "bank", "banks", "exporter", "exporters", "government", "governments")

// universal reports whether an answer's content opens with a quantifier
// over a group ("no OPEC member was exceeding ... quotas", "All OPEC states,
// without exception, are producing within the quotas"): said of every
// party of the group.
func (x *extractor) universal(d *draft) bool {
	ts := x.toks(d.sent)
	ka, kb := contentToks(ts, d)
	for k := ka; k < kb && k < ka+4; k++ {
		switch ts[k].low {
		case "no", "none", "all", "every":
			for j := k + 1; j < kb && j <= k+3; j++ {
				if groupNouns[ts[j].low] {
					return true
				}
			}
		}
	}
	return false
}

// findsNoWrong reports whether a denial is a finding of no wrong:
// "finding no evidence that Farris was biased", "there were no concrete
// signs that the regulations had been broken" (noSignOfWrong, from its
// cue to the first words of its content).
func (x *extractor) findsNoWrong(d *draft) bool {
	if d.stance != schema.Deny {
		return false
	}
	ts := x.toks(d.sent)
	ka, kb := contentToks(ts, d)
	if ka >= kb {
		return false
	}
	for k := min(d.ce, ka); k < kb && k <= ka+4; k++ {
		if noSignOfWrong(ts[:kb], k) {
			return true
		}
	}
	return false
}

// holds reports whether answer d holds allegation a in its own words: a
// denial of the report ("denied a report that ..."), the allegation told
// inside the answer's content, or the object of its denial.
func (x *extractor) holds(d, a *draft) bool {
	return a.deniedBy == d || a.sent == d.sent && a.cueSpan.Start >= d.cont[0] && a.cueSpan.End <= d.cont[1] ||
		d.stance == schema.Deny && a.sent == d.sent && x.objectOf(d, a)
}

// onlyAgainst returns the allegation an answer by the accused answers
// when their acts share no word: the one allegation of the article (in
// the link window) that the answer's claimant answers as the accused or
// for its side, told at most nearSents sentences away ("a report that the United States was continuing to ship
// arms ... to Iran" and "The Defence Department also denied any military
// supplies had been sent to Iran"), with who answers; nil when the
// accused faces none or several (which one it answers is then not
// known).
func (x *extractor) onlyAgainst(i int, d *draft, prop func(*draft) *ledger.Prop) (*draft, string) {
	if x.tellsItsObject(d) {
		return nil, "" // "denied market rumours that it had asked banks to arrange a rights issue"
	}
	ts := x.toks(d.sent)
	ka, kb := contentToks(ts, d)
	for k := ka; k < kb; k++ {
		if negations[ts[k].low] && future(ts[ka:kb], k-ka) {
			// "U.S. SAYS IT WON'T YIELD": a refusal or an intention
			// answers no allegation by being near it.
			return nil, ""
		}
	}
	var only *draft
	who := ""
	for _, a := range x.drafts[max(0, i-linkWindow):min(len(x.drafts), i+linkWindow)] {
		if a == d || a.stance != schema.Allege {
			continue
		}
		if a.sent == d.sent && d.cueSpan.Start >= a.cont[0] && d.cueSpan.End <= a.cont[1] {
			continue // told inside the allegation (link)
		}
		w, ok := ledger.ByAccused(prop(a), prop(d), x.entName)
		if !ok || x.answeredInItsWords(a, d) {
			continue
		}
		if only != nil {
			return nil, ""
		}
		only, who = a, w
	}
	if only != nil && (only.sent < d.sent-nearSents || only.sent > d.sent+nearSents) {
		// Far from the allegation, the accused may be answering another
		// (one the extraction did not find): "he was not dealing
		// directly with the kidnappers", nine sentences after "No,
		// that is not true" to reports that he had been told of the
		// diversion.
		return nil, ""
	}
	return only, who
}

// answeredInItsWords reports whether another answer by d's claimant holds
// allegation a in its own words ("Reagan flatly denied that his wife had
// had a role in the departure ..., as has been widely reported"): the
// claimant answered a there, and its other statements nearby ("That is
// fiction and I think it is despicable fiction") answer something else.
func (x *extractor) answeredInItsWords(a, d *draft) bool {
	if d.claimant == nil {
		return false
	}
	for _, h := range x.drafts {
		if h != d && h.claimant == d.claimant && (h.stance == schema.Deny || h.stance == schema.Acknowledge) && x.holds(h, a) {
			return true
		}
	}
	return false
}

// nearSents is how many sentences before or after an answer by the
// accused the one allegation against it may be told for onlyAgainst to
// link them.
const nearSents = 4

// tellsItsObject reports whether an answer tells what it answers, in a
// clause after a word of allegation, from its cue on ("denied market rumors that British
// Printing had approached British institutions"): it answers that, not an
// allegation told elsewhere in the article.
func (x *extractor) tellsItsObject(d *draft) bool {
	ts := x.toks(d.sent)
	ka, kb := contentToks(ts, d)
	for k := min(ka, d.ce); k+1 < kb; k++ {
		if allegationWords[ts[k].low] && ts[k+1].low == "that" {
			return true
		}
	}
	return false
}

// answeredBefore returns the allegation a denial that names no act of its
// own answers: a denial that refers back ("dismissed the charges", "That
// is utterly ridiculous") answers the nearest allegation before it, in its
// sentence or the two before, made by someone else; nil when there is
// none. (A defence, "defended the program", was tried too: it answers the
// criticism of the program, not the last allegation told.)
func (x *extractor) answeredBefore(i int, d *draft) *draft {
	if !d.refersBack {
		return nil
	}
	if x.tellsItsObject(d) {
		return nil
	}
	for j := i - 1; j >= 0 && j >= i-linkWindow; j-- {
		a := x.drafts[j]
		if a.sent < d.sent-2 {
			return nil
		}
		if a.stance != schema.Allege || a.claimant != nil && a.claimant == d.claimant {
			continue
		}
		return a
	}
	return nil
}

// explicitDenial are the verbs that deny in so many words.
var explicitDenial = set("deny", "reject", "refute", "dispute", "rebuff")

// phraseEnd reports whether a word that ends a source span makes it a
// phrase cut off before its noun ("imposed against Japan for"), not the
// noun phrase of a speaker: a preposition.
func phraseEnd(w string) bool {
	return prepositions[w] || w == "to" || w == "from" || w == "by" || w == "into"
}

// hedgeCue reports whether an allegation's cue is a hedge ("alleged",
// "suspected").
func hedgeCue(cue string) bool {
	switch strings.ToLower(cue) {
	case "alleged", "allegedly", "suspected", "suspicion":
		return true
	}
	return false
}

// answered is an allegation an answer is linked to, with the score and
// reason of the match (stored on the link: schema.Link).
type answered struct {
	a      *draft
	score  float64
	reason string
}

// Bounds of link: the claims before a denial that are looked at, and the
// allegations it keeps.
const (
	linkWindow  = 128
	maxResponds = 16
)

// entName returns the name of an entity of the document.
func (x *extractor) entName(id string) string {
	if e := x.byID[id]; e != nil {
		return e.name
	}
	return ""
}

// answers reports whether a claim may answer an allegation: a denial, a
// statement of "no evidence", or an acknowledgement or confirmation that
// names a wrong ("admitted the operation wound up as an arms-for-hostages
// deal"; not "acknowledged it was a possible scenario", nor "admitting the
// company expected the allegations to hurt").
func (x *extractor) answers(d *draft) bool {
	switch d.stance {
	case schema.Deny:
		return true
	case schema.Acknowledge, schema.Confirm:
		if d.takesBlame {
			return true // "he took full responsibility for his own actions"
		}
		ts := x.toks(d.sent)
		ka, kb := contentToks(ts, d)
		if ka < kb && d.stance == schema.Acknowledge && d.v != nil && (d.v.lemma == "apologise" || d.v.lemma == "apologize" ||
			d.v.lemma == "accept" && (owned(ts[ka].low) || ka+1 < kb && ownedHow[ts[ka].low] && owned(ts[ka+1].low))) {
			// An apology, or accepted responsibility or blame, owns to
			// what it is for, whatever its words: "apologised for the
			// overbooking", "accepts sole responsibility for the leak".
			return true
		}
		return ka < kb && wrongIn(ts, ka, kb) >= 0
	}
	return d.noEvidence
}

// maxAbout bounds the entities a claim is about, the first found: a news
// claim names a few (at most 10 in the first 3,000 Reuters-21578 stories;
// the store's index keeps a copy of the claim for each), while a content span of a list of names would make
// every claim of a sentence about all of them.
const maxAbout = 12

func (x *extractor) isPlace(id string) bool {
	e := x.byID[id]
	return e != nil && e.typ == schema.Place
}

// finish numbers the claims in text order and builds the output.
func (x *extractor) finish() Output {
	sort.SliceStable(x.drafts, func(i, j int) bool {
		a, b := x.drafts[i], x.drafts[j]
		if a.sent != b.sent {
			return a.sent < b.sent
		}
		return a.cs < b.cs
	})
	for i, d := range x.drafts {
		d.id = "c" + strconv.Itoa(i+1)
	}
	for _, d := range x.drafts {
		c := schema.Claim{
			ID:           d.id,
			ClaimantText: d.claimantText,
			Stance:       d.stance,
			Cue:          d.cueSpan,
			Content:      x.span(d.cont[0], d.cont[1]),
			About:        append([]string{}, d.about...),
			ChannelText:  d.channelText,
			RespondsTo:   []string{},
			Hedges:       d.hedges,
			Sentence:     d.sent,
			Evidence:     d.evidence,
		}
		if d.claimant != nil {
			c.Claimant = schema.Ref(d.claimant.id)
			if c.ClaimantText == "" {
				c.ClaimantText = d.claimant.name
			}
		}
		c.Source = d.srcSpan
		if d.target != nil {
			c.Target = schema.Ref(d.target.id)
		}
		if d.channel != nil {
			c.Channel = schema.Ref(d.channel.id)
		}
		for _, r := range d.responds {
			c.RespondsTo = append(c.RespondsTo, r.a.id)
			// Three decimals: the score is a ranking, not a measurement.
			c.Links = append(c.Links, schema.Link{To: r.a.id, Score: math.Round(min(1, r.score)*1000) / 1000, Reason: r.reason})
		}
		if x.answers(d) {
			// An answer is about the side it answers for ("a spokesman for
			// the Trade Ministry" answers for Japan): stored so that the
			// ledger links it across articles as it did here.
			for _, e := range x.sides(d) {
				if len(c.About) < maxAbout && !slices.Contains(c.About, e.id) && (d.claimant == nil || e != d.claimant) {
					c.About = append(c.About, e.id)
				}
			}
		}
		x.out.Claims = append(x.out.Claims, c)
	}
	x.out.Relations = x.rels
	return x.out
}

// orgNamed returns the organisation that shares a name word with a person
// ("Kaspersky Lab" for "Eugene Kaspersky"), the most mentioned one.
func (x *extractor) orgNamed(p *entInfo) *entInfo {
	var best *entInfo
	for _, e := range x.ents {
		if e.typ != schema.Organization {
			continue
		}
		for w := range p.words {
			if e.words[w] && (best == nil || e.count > best.count) {
				best = e
			}
		}
	}
	return best
}

// capitalFor returns the country a national capital speaks for when it is
// the whole source of a claim ("Moscow denied", "Beijing rejected the
// accusation", "Bonn said": the government, named by its seat) and the
// document names that country; nil otherwise, and for every other place.
func (x *extractor) capitalFor(e *entInfo) *entInfo {
	if e.typ != schema.Place || e.kind != schema.KindCity {
		return nil
	}
	low := strings.ToLower(e.name)
	country := capitalCountry[low]
	if country == "" {
		country = formerCapitals[low]
	}
	if country == "" {
		return nil
	}
	if c := x.countryNamed(country); c != nil && c != e {
		return c
	}
	return nil
}

// formerCapitals are the seats of government under the names news used
// before the list's ("Peking", "Kiev"), and of the states of 1987's news
// ("Bonn": West Germany).
var formerCapitals = map[string]string{
	"peking": "China", "kiev": "Ukraine", "bonn": "West Germany", "rangoon": "Burma",
}

// contentText returns the words of a claim's content.
func (x *extractor) contentText(d *draft) string {
	if d.cont[1] > d.cont[0] {
		return string(x.runes[d.cont[0]:d.cont[1]])
	}
	return ""
}

// objectOf reports whether allegation a is named by the object of denial
// d: its cue, a noun of allegation, follows d's verb with at most three
// lower-case words between ("The White House denied a report that the
// United States was continuing to ship arms", "denied the press charges
// that"), whatever span the denial's content was given.
func (x *extractor) objectOf(d, a *draft) bool {
	if !allegationWords[strings.ToLower(a.cueSpan.Text)] || a.cueSpan.Start < d.cueSpan.End {
		return false
	}
	ts := x.toks(d.sent)
	k := tokIndex(ts, d.cueSpan.End)
	for n := 0; k < len(ts) && n <= 3; k, n = k+1, n+1 {
		if ts[k].start == a.cueSpan.Start {
			return true
		}
		if ts[k].capital || !isWordTok(ts[k].low) {
			return false
		}
	}
	return false
}

// isWordTok reports whether a lower-cased token is a word, not
// punctuation.
func isWordTok(w string) bool {
	for _, r := range w {
		if r >= 'a' && r <= 'z' {
			return true
		}
	}
	return false
}

// substantiates are the verbs of grounds that bear an allegation out ("no
// evidence to substantiate this").
var substantiates = set("substantiate", "support", "back", "confirm", "prove", "justify", "corroborate", "bear")

// thisWords name what was just said.
var thisWords = set("this", "it", "that", "these", "them", "those")

// groundsForThis reports whether the word at k opens "no evidence to
// substantiate this" (grounds for what was just said, "this" closing
// its clause): not "no basis to justify this increase".
func groundsForThis(ct []tok, k int) bool {
	if k+4 >= len(ct) || ct[k].low != "no" || !groundsOf[ct[k+1].low] || ct[k+2].low != "to" || !substantiates[ct[k+3].low] {
		return false
	}
	j := k + 4
	if !thisWords[ct[j].low] {
		return false
	}
	if j+1 < len(ct) {
		switch ct[j+1].low {
		case ".", ",", ";", "and", "but", "up", "out", "\"":
		default:
			return false
		}
	}
	return true
}

package claims

import (
	"slices"
	"strings"

	"github.com/dossier-project/dossier/schema"
)

// Praise of one's own record. The accused often answers a charge that its
// system fails, not by denying it, but by praising that system: "the
// United States has the best inspection system in the world", "USDA
// makes every effort to minimize the levels of salmonella". The
// annotation guide of the ledger counts such praise as a denial
// (d10-meat: "the finest meat and poultry inspection system in the
// world"). Like a justification it denies only what the document alleges
// against the speaker's side, and only when it speaks of the alleged act
// (their act words meet): the same words from a third party, or with
// nothing alleged, stay statements.

// recordPraise are the phrases by which a party praises its record, its
// system or its efforts, best of all or unstintingly.
var recordPraise = []string{"the best", "the finest", "the safest", "the most respected", "the most effective",
	"the most thorough", "the most rigorous", "the strictest", "the toughest", "second to none", "every effort",
	"every possible effort", "every precaution", "highest standards", "an excellent record", "a good record",
	"an exemplary record", "a fine record", "a sound record", "a strong record", "always been committed to",
	"always been dedicated to"}

// praisesRecord reports whether content praises a record with one of the
// phrases of recordPraise that no negation, question or condition just
// before takes back ("is not the best", "whether it has the best").
func praisesRecord(ts []tok, a, b int) bool {
	low := " " + strings.Join(lows(ts[a:b]), " ") + " "
	for _, p := range recordPraise {
		k := strings.Index(low, " "+p+" ")
		if k < 0 {
			continue
		}
		before := strings.Fields(low[:k])
		neg := false
		for _, w := range before[max(0, len(before)-3):] {
			if negations[w] || w == "no" || w == "n't" || w == "never" || w == "if" || w == "whether" || w == "than" {
				neg = true
			}
		}
		if !neg {
			return true
		}
	}
	return false
}

// firstPerson reports whether content speaks as "we" or "our": a
// claimant who has defended the accused speaks for it so.
func firstPerson(ts []tok, a, b int) bool {
	for k := a; k < b; k++ {
		switch ts[k].low {
		case "we", "our", "us":
			return true
		}
	}
	return false
}

// Owning to the act by agreeing with a finding. The accused that agrees
// with a report or finding against it acknowledges what it finds: "it
// had agreed with an earlier draft report that the accident was caused by
// incorrect repairs" (Boeing, after "faulty repairs ... by Boeing ...
// caused the 1985 crash"). Like praise of a record it answers only an
// allegation against the speaker's side whose act words the finding
// repeats; a third party's agreement ("agreed that much of the blame lay
// with Baker") holds an allegation and answers nothing.

// agreedFinding returns the index of the first token of what content
// agrees with a report or finding about ("agreed with an earlier draft
// report that THE ACCIDENT ..."), or -1. Not an agreement to do something
// ("agreed to stop") nor with a party on a plan ("agreed with Japan on
// ..."), nor one negated ("did not agree with the report").
func agreedFinding(ts []tok, a, b int) int {
	for k := a; k+2 < b; k++ {
		if !strings.HasPrefix(ts[k].low, "agree") || ts[k+1].low != "with" {
			continue
		}
		neg := false
		for j := max(a, k-3); j < k; j++ {
			neg = neg || negations[ts[j].low] || ts[j].low == "n't" || ts[j].low == "never"
		}
		if neg {
			continue
		}
		for j := k + 2; j+1 < b && j <= k+7; j++ {
			if findingNouns[ts[j].low] && ts[j+1].low == "that" {
				return j + 2
			}
		}
	}
	return -1
}

// The statement's speaker. A quotation given to "the statement" speaks
// for who issued the statement a sentence or three before ("The Boeing
// statement after the crash said: ...", "Boeing issued an official
// statement", then "“... during repairs which Boeing made ...,” the
// statement said"), as a reader resolves it.

// statementWords name a statement as the source of a claim.
var statementWords = set("statement", "announcement", "communique", "release")

// statementSpeakers gives a claim whose source is only "the statement" the
// party named just before "statement" in one of the three sentences
// before it ("The Boeing statement", "Boeing's statement", "Boeing issued
// an official statement").
func (x *extractor) statementSpeakers() {
	for _, d := range x.drafts {
		if d.claimant != nil || d.srcB-d.srcA != 2 {
			continue
		}
		ts := x.toks(d.sent)
		if d.srcB > len(ts) || !statementWords[ts[d.srcB-1].low] || ts[d.srcA].low != "the" {
			continue
		}
	sentences:
		for si := d.sent - 1; si >= 0 && si >= d.sent-3; si-- {
			st := x.toks(si)
			for k := len(st) - 1; k >= 0; k-- {
				if !statementWords[st[k].low] {
					continue
				}
				j := k
				for j > 0 && j > k-5 && st[j-1].low != "," && !isEnd(st[j-1]) {
					j--
				}
				if j == k {
					continue
				}
				if ms := x.mentionsIn(st[j].start, st[k].start); len(ms) > 0 {
					if e := ms[len(ms)-1].e; e.typ == schema.Organization || e.typ == schema.Person {
						d.claimant = e
					}
					break sentences
				}
			}
		}
	}
}

// namesOwnFault reports whether content finds fault with an act that it
// names as the claimant's own by name: "was not correctly assembled
// during repairs which Boeing made" in Boeing's statement. The claimant's
// pronouns are read by ownFault.
func (x *extractor) namesOwnFault(ts []tok, d *draft, a, b int) bool {
	if d.claimant == nil {
		return false
	}
	f := -1
	for k := a; k < b; k++ {
		if faultWords[ts[k].low] || k > a && ts[k-1].low == "not" && (ts[k].low == "correctly" || ts[k].low == "properly") {
			f = k
			break
		}
	}
	if f < 0 {
		return false
	}
	for j := max(a, f-3); j < f; j++ {
		if negations[ts[j].low] && !(j == f-1 && ts[j].low == "not" && !faultWords[ts[f].low]) {
			return false // "were not faulty"
		}
	}
	for _, m := range x.mentionsIn(ts[a].start, ts[b-1].end) {
		if sameParty(m.e, d.claimant) {
			return true
		}
	}
	return false
}

// doers returns the entities an allegation's content names as the doers
// of its act after "by" ("faulty repair work by The Boeing Company"),
// which may not be its target.
func (x *extractor) doers(a *draft) []*entInfo {
	ts := x.toks(a.sent)
	ka, kb := contentToks(ts, a)
	var out []*entInfo
	for k := ka; k+1 < kb; k++ {
		if ts[k].low != "by" {
			continue
		}
		j := k + 1
		if ts[j].low == "the" && j+1 < kb {
			j++
		}
		if ms := x.mentionsIn(ts[j].start, ts[j].end); len(ms) > 0 && ms[0].e.typ != schema.Place && !slices.Contains(out, ms[0].e) {
			out = append(out, ms[0].e)
		}
	}
	return out
}

// reportsBefore reports whether the object of a criticism, between its cue
// and its content, is reports or charges: "denounced press reports that
// his wife, Nancy, is running the government", "DENOUNCES REPORTS OF
// WIFE'S ROLE". Denouncing them denies them, as "attacked what he called
// biased reports" does; a plural only (a "report" may be a study the
// speaker criticises), and no verb between.
func reportsBefore(ts []tok, ce, ka int) bool {
	if ce >= ka || ka-ce > 4 || ka > len(ts) {
		return false
	}
	for k := ce; k < ka; k++ {
		switch l := ts[k].low; l {
		case "reports", "charges", "allegations", "accusations", "rumours", "rumors", "claims", "suggestions":
			return k+1 == ka || ts[k+1].low == "that" || ts[k+1].low == "of" || ts[k+1].low == "about"
		case "press", "media", "newspaper", "news", "the", "these", "those", "such", "recent", "published", "latest":
		default:
			return false
		}
	}
	return false
}

// takingVerbs are the verbs by which a party owns to responsibility or
// blame ("took full responsibility", "accepts the blame", "assumed
// responsibility", "shouldered the blame").
var takingVerbs = set("take", "takes", "took", "taken", "taking", "accept", "accepts", "accepted", "accepting",
	"assume", "assumes", "assumed", "assuming", "bear", "bears", "bore", "borne", "shoulder", "shoulders", "shouldered")

// takesBlame reports whether a content says that its subject takes
// responsibility or blame: "he took full responsibility for his own
// actions", reported by "He said". Not one to come or asked for ("would
// take responsibility", "should accept the blame"), nor a negated one.
func takesBlame(ts []tok, a, b int) bool {
	for k := a; k < b && k < a+6; k++ {
		l := ts[k].low
		switch {
		case negations[l] || l == "n't" || l == "never" || l == "no" || l == "will" || l == "would" || l == "should" ||
			l == "must" || l == "shall" || l == "to" || l == "if" || l == "whether" || l == "ought" || l == "might" || l == "could":
			return false
		case takingVerbs[l]:
			j := k + 1
			for j < b && j < k+4 && ownedHow[ts[j].low] {
				j++
			}
			return j < b && owned(ts[j].low)
		}
	}
	return false
}

// passiveDenial reports whether a content says that the allegations it
// names are denied, without a denier of its own: "the rumors affected the
// company's stock and are "unequivocally denied."" (Salomon said). The
// claimant denies them. Not "were denied by X" (X's denial, reported),
// nor a negated or hypothetical one, nor a claim or a suggestion refused.
func passiveDenial(ts []tok, a, b int) bool {
	named := false
	for k := a; k < b; k++ {
		l := ts[k].low
		if allegationNouns[l] && !strings.HasPrefix(l, "claim") && !proposals[l] || rumourNouns[l] {
			// Not "the claim for damages was denied": a request refused.
			named = true
			continue
		}
		if !named || l != "denied" && l != "rejected" && l != "refuted" {
			continue
		}
		if k+1 < b && ts[k+1].low == "by" {
			return false
		}
		for j := k - 1; j >= a && j >= k-4; j-- {
			lj := ts[j].low
			switch {
			case beForms[lj]:
				for i := max(a, j-2); i < j; i++ {
					if negations[ts[i].low] || ts[i].low == "would" || ts[i].low == "could" || ts[i].low == "if" || ts[i].low == "will" {
						return false
					}
				}
				return true
			case negations[lj] || lj == "n't" || lj == "never":
				return false
			case ts[j].qopen || ts[j].qclose || isAdverb(ts[j]):
			default:
				return false
			}
		}
	}
	return false
}

// noGroundsBefore reports whether the object of a cue, between the cue
// and its content, is "no evidence that", "no proof of", "no basis for":
// "refused to grant Texaco a new trial, finding no evidence that Farris
// was biased". What follows is the wrong found unproven, a denial, not an
// allegation.
func noGroundsBefore(ts []tok, ce, ka int) bool {
	if ce < 0 || ka > len(ts) || ka-ce < 2 || ka-ce > 4 {
		return false
	}
	for k := ce; k+1 < ka; k++ {
		if (ts[k].low == "no" || ts[k].low == "insufficient" || ts[k].low == "little") && groundsOf[ts[k+1].low] {
			return true
		}
	}
	return false
}

// Settlements. A party that settles charges, or consents to an order,
// "without admitting or denying" them neither acknowledges nor denies
// them (the annotation guide: settlements are no answers); an agreement to
// settle or to pay is an undertaking, not an admission ("agreed to settle
// charges stemming from misleading financial statements"); an agreement to
// plead guilty stays one.

// withoutCue reports whether a cue of admission or denial is governed by
// "without": "without admitting or denying the allegations", "without
// admitting wrongdoing".
func withoutCue(ts []tok, d *draft) bool {
	k := d.cs - 1
	if k >= 1 && ts[k].low == "or" {
		k -= 2 // "without admitting or denying"
	}
	return k >= 0 && k < len(ts) && (ts[k].low == "without" || ts[k].low == "neither")
}

// settles reports whether an assent's object is to settle or to pay:
// "agreed to settle the charges", "agreed to pay a record 100 mln dlrs in
// penalties", not "agreed to plead guilty".
func settles(ts []tok, d *draft) bool {
	if d.v == nil || d.v.lemma != "agree" && d.v.lemma != "consent" {
		return false
	}
	for k := d.ce; k+1 < len(ts) && k <= d.ce+2; k++ {
		if ts[k].low == "to" {
			switch ts[k+1].low {
			case "settle", "pay", "repay", "refund", "compensate", "reimburse", "forfeit", "disgorge", "cooperate":
				return true
			}
			return false
		}
	}
	return false
}

// againstRules are the words by which a content says an act breaks a
// rule: "not consistent with U.S. laws", "contrary to the agreement".
var againstRules = []string{"not consistent with", "inconsistent with", "contrary to", "in violation of", "in breach of",
	"in conflict with", "at odds with"}

// ruleNouns are the rules an act may break.
var ruleNouns = set("law", "laws", "rules", "rule", "regulations", "regulation", "policy", "policies", "agreement",
	"agreements", "accord", "treaty", "pact", "constitution", "code", "guidelines", "obligations")

// nothingAgainstRules reports whether content says that nothing done
// breaks a rule: Washington was "not doing anything in connection with the
// government of Iran which is not consistent with U.S. Laws or trade
// policy", "has done nothing contrary to the agreement": an assertion of
// compliance, a denial.
func nothingAgainstRules(ts []tok, a, b int) bool {
	for k := a; k < b; k++ {
		l := ts[k].low
		nothing := l == "nothing" || (l == "anything" && slices.ContainsFunc(ts[max(a, k-4):k], func(t tok) bool {
			return negations[t.low] || t.low == "n't" || t.low == "never"
		}))
		if !nothing {
			continue
		}
		low := " " + strings.Join(lows(ts[k+1:min(b, k+16)]), " ") + " "
		for _, p := range againstRules {
			i := strings.Index(low, " "+p+" ")
			if i < 0 {
				continue
			}
			after := strings.Fields(low[i+len(p)+1:])
			for _, w := range after[:min(4, len(after))] {
				if ruleNouns[w] {
					return true
				}
			}
		}
	}
	return false
}

// Compliance with a quota or a rule. What the accused's side says back to
// a charge of breaking a quota or an agreement is often a plain statement
// that it keeps to it: "OPEC output was well below the ceiling", "all
// OPEC states are producing within the quotas allocated to them", "member
// countries are strictly adhering to the official selling price", "no
// OPEC member was exceeding production quotas".

// limitNouns are the limits a party keeps within or below.
var limitNouns = set("quota", "quotas", "ceiling", "ceilings", "limit", "limits")

// keptRules are what a party adheres to in compliance: a limit, a rule or
// an agreement, an official price; not a policy or a stance of its own
// ("adhered to a tight fiscal policy").
var keptRules = set("quota", "quotas", "ceiling", "ceilings", "limit", "limits", "agreement", "agreements", "accord",
	"accords", "pact", "treaty", "rules", "regulations", "law", "laws", "guidelines", "obligations", "commitments",
	"price", "prices")

// complies reports whether content says that a party keeps within a limit
// or adheres to a rule: "within its agreed output ceiling", "below the
// 15.8 mln bpd quota", "under its ceiling", "strictly adhering to their
// quotas", "no OPEC member was exceeding oil production quotas". Not a
// compliance to come, asked for or conditional ("must adhere to", "by
// adhering to accords", "beginning to adhere"), nor a limit of another
// sort ("under the quota system", "lending under its credit quota" names
// no keeping).
func complies(ts []tok, a, b int) bool {
	for k := a; k < b; k++ {
		l := ts[k].low
		var lim int
		switch {
		case l == "within" || l == "below" || l == "under" && k+1 < b && ts[k+1].low != "the":
			lim = limitAfter(ts, k+1, b, limitNouns, 6)
		case l == "adhering" || l == "adhered" || l == "adheres" || l == "adhere":
			if k+1 < b && ts[k+1].low == "to" {
				lim = limitAfter(ts, k+2, b, keptRules, 6)
			} else {
				lim = -1
			}
		case l == "exceeding" || l == "exceeded" || l == "violating" || l == "breaking" || l == "overproducing":
			// "no OPEC member was exceeding quotas": a wrong denied of
			// every party.
			if !noneBefore(ts, a, k) {
				continue
			}
			lim = limitAfter(ts, k+1, b, keptRules, 5)
			if lim < 0 && l == "violating" {
				lim = k
			}
		default:
			continue
		}
		if lim < 0 || lim == k+1 || lim+1 < b && ts[lim+1].low == "system" {
			// Not a bare "within limits", nor "under the quota system".
			continue
		}
		if !compliesAsserted(ts, a, k) {
			continue
		}
		return true
	}
	return false
}

// limitAfter returns the first of nouns among the n words from k, before
// a clause ends, or -1.
func limitAfter(ts []tok, k, b int, nouns map[string]bool, n int) int {
	for j := k; j < b && j < k+n; j++ {
		if nouns[ts[j].low] {
			return j
		}
		switch ts[j].low {
		case ",", ";", "and", "but", "which", "that", "than":
			return -1
		}
	}
	return -1
}

// noneBefore reports whether the subject before k opens with "no" or "none
// of" ("no OPEC member was exceeding", "NO OPEC MEMBER VIOLATING").
func noneBefore(ts []tok, a, k int) bool {
	for j := max(a, k-6); j < k; j++ {
		if ts[j].low == "no" || ts[j].low == "none" {
			return j == a || ts[j-1].low == "that" || ts[j-1].low == ","
		}
	}
	return false
}

// compliesAsserted reports whether the words before a compliance at k
// assert it rather than ask for it, forecast it, doubt it or subordinate
// it: not "must adhere", "will probably ... within", "by adhering", "beginning to adhere", "if it stays
// within", "not within", "failed to keep below".
func compliesAsserted(ts []tok, a, k int) bool {
	before := lows(ts[a:k])
	if subordinate(before) {
		return false
	}
	for _, w := range before {
		switch w {
		case "will", "would", "could", "may", "might", "must", "should", "shall", "can", "probably":
			// "will probably follow the Saudi wants within limits": a
			// forecast.
			return false
		}
	}
	for j := max(0, len(before)-4); j < len(before); j++ {
		switch before[j] {
		case "not", "n't", "never", "to", "by", "must", "should", "would", "could", "will", "may", "might", "if",
			"whether", "fail", "failed", "failing", "unless", "urged", "asked", "called", "keep", "kept", "bring", "brought":
			return false
		}
	}
	return true
}

// dataCue reports whether a claim is what figures, a survey or an
// estimate show rather than what a party says ("a Reuter survey shows
// OPEC output ... well below the ceiling"): a measure, not an answer.
func dataCue(d *draft) bool {
	if d.v == nil {
		return false
	}
	switch d.v.lemma {
	case "show", "reveal", "indicate", "suggest", "estimate", "calculate", "find", "put":
		return true
	}
	return false
}

// Defences of one's record. Besides praise, the accused defends its
// record by saying that its policy works ("the program is working well",
// "deregulation has worked") or that it acts with diligence ("has
// vigorously enforced the antitrust laws", "we are appropriately
// enforcing the law"). The annotation guide counts these as denials of a
// charge that the speaker fails at that task (t5's judgement calls:
// "defence of one's own record denies"). Like praise, they answer only
// an allegation against the speaker whose act words they share.

// recordWorks are the phrases by which a party says its policy works.
var recordWorks = []string{"is working", "are working", "has worked", "have worked", "worked well", "working well",
	"works well", "has been working", "have been working", "has been effective", "have been effective",
	"has been successful", "have been successful"}

// diligence are the adverbs by which a party says it acts with care or
// vigour: "has vigorously enforced", "are appropriately enforcing".
var diligence = set("vigorously", "aggressively", "diligently", "rigorously", "appropriately", "effectively",
	"strictly", "actively", "energetically", "scrupulously", "carefully", "thoroughly", "consistently")

// defendsRecord reports whether content (tokens a to b) defends a record:
// a phrase of recordWorks, or an adverb of diligence beside a verb of the
// present or past ("has vigorously enforced", "enforced the laws
// vigorously"); not negated, questioned, conditional nor to come ("will
// vigorously defend", "must strictly enforce", "is not working").
func defendsRecord(ts []tok, a, b int) bool {
	low := lows(ts[a:b])
	line := " " + strings.Join(low, " ") + " "
	for _, p := range recordWorks {
		k := strings.Index(line, " "+p+" ")
		if k < 0 {
			continue
		}
		if !takenBack(strings.Fields(line[:k])) {
			return true
		}
	}
	for i, w := range low {
		if !diligence[w] || i == 0 {
			continue
		}
		// "has vigorously enforced": an auxiliary before, a verb after;
		// "enforced the laws vigorously": a past verb some words before.
		prev := low[i-1]
		verbAfter := i+1 < len(low) && (strings.HasSuffix(low[i+1], "ed") || strings.HasSuffix(low[i+1], "ing"))
		if (prev == "has" || prev == "have" || prev == "had" || prev == "is" || prev == "are" || prev == "was" || prev == "were" || prev == "been") && verbAfter ||
			prev != "to" && strings.HasSuffix(prev, "ed") && i+1 < len(low) && !(strings.HasSuffix(low[i+1], "ed") || strings.HasSuffix(low[i+1], "ing")) {
			if !takenBack(low[:i]) {
				return true
			}
		}
	}
	return false
}

// takenBack reports whether the words before a defence take it back: a
// negation, a question, a condition or a future among the last four ("is
// not working", "whether it has worked", "will vigorously defend").
func takenBack(before []string) bool {
	if subordinate(before) {
		return true
	}
	for _, w := range before[max(0, len(before)-4):] {
		switch {
		case negations[w], w == "no", w == "n't", w == "never", w == "if", w == "whether", w == "will", w == "would",
			w == "should", w == "must", w == "to", w == "could", w == "may", w == "might", w == "shall", w == "'ll":
			return true
		}
	}
	return false
}

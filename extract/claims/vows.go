package claims

import (
	"slices"

	"github.com/dossier-project/dossier/schema"
)

// Vows to fight a charge. The accused often answers a charge, a suit or a
// ruling not by denying it but by saying it will fight it: "will
// vigorously defend itself against the charges", "intends to contest the
// suit", "will fight the suit", "plans to appeal the ruling". The
// annotation guide of the ledger counts such a vow as a denial (the
// accused rejects the charges, as a plea of not guilty does). Like a
// justification it denies only what the document alleges against the
// one who vows: "the Pentagon will appeal Commerce's approval" or "will
// fight tax increases", with nothing alleged against the speaker, stay
// statements.

// vowVerbs are the verbs of fighting a charge in law.
var vowVerbs = set("defend", "contest", "fight", "oppose", "appeal", "challenge")

// vowObjects are what a vow fights: the accused itself, or the charge,
// suit or ruling (foughtNouns and a few more), or a pronoun that points
// back to one.
var vowObjects = setWith(foughtNouns, "itself", "himself", "herself", "themselves", "ourselves", "myself", "claim",
	"claims", "conviction", "order", "matter", "proceeding", "proceedings", "petition", "it", "them")

// vowIntents are the words before a vow's verb that make it a vow of the
// speaker's own: a future ("will", "would") or a plan ("intends to",
// "plans to").
var vowIntents = set("will", "would", "'ll", "shall", "intends", "intend", "intended", "intending", "plans", "plan",
	"planned", "planning", "expects", "expect", "expected", "prepared", "going", "determined", "vowed", "vows")

// vowSkip are words that may stand between a vow's verb and its object:
// adverbs of vigour, determiners, and "against" ("defend itself against
// the charges", "defend against the charges", "contest all three points").
var vowSkip = set("vigorously", "strongly", "actively", "aggressively", "fully", "firmly", "the", "a", "an", "all",
	"any", "each", "every", "these", "those", "this", "that", "its", "their", "his", "her", "our", "such",
	"against", "shareholder", "shareholders", "class", "federal", "civil", "criminal", "court", "court's", "jury",
	"jury's", "judge's", "lower", "district", "legal", "two", "three", "four", "new", "latest", "antitrust")

// vowsToFight reports whether content (tokens a to b) vows to fight a
// charge, a suit or a ruling in law ("it will vigorously defend itself
// against the charges", "to contest the suit" of an "intends" cue), not
// negated ("will not contest"), questioned ("whether it will appeal") nor
// said of a thing that is no charge ("will fight tax increases", "will
// appeal to its aid donors"). bare says that the content is an infinitive
// whose cue gives the intent ("intends", "vowed"), or the bare verb after
// a headline's "TO" ("REYNOLDS AND REYNOLDS TO FIGHT SUIT").
func vowsToFight(ts []tok, a, b int, bare bool) bool {
	for k := a; k < b; k++ {
		caseTo := (ts[k].low == "take" || ts[k].low == "carry") && caseToCourt(ts, k+1, b)
		if !vowVerbs[ts[k].low] && !caseTo {
			continue
		}
		// The intent: a future or a plan just before the verb, past
		// adverbs and "to" ("would vigorously defend", "intends to
		// contest"), or the content's own "to" after an intent cue.
		j := k - 1
		for j >= a && (ts[j].low == "vigorously" || ts[j].low == "strongly" || ts[j].low == "to" || ts[j].low == "also" || ts[j].low == "actively" || ts[j].low == "be" || ts[j].low == "able") {
			j--
		}
		intent := j >= a && vowIntents[ts[j].low] || bare && j < a && k > a && ts[a].low == "to" ||
			bare && k == a && a > 0 && ts[a-1].low == "to"
		if !intent {
			continue
		}
		// Nothing takes the vow back before it: "will not contest", "has
		// not decided whether it will appeal", "if".
		back := false
		for i := a; i <= max(a, j); i++ {
			switch ts[i].low {
			case "not", "n't", "never", "whether", "if", "unless", "no", "wo", "won't", "wouldn't":
				back = true
			}
		}
		if back {
			continue
		}
		if caseTo {
			return true // "will take the case to the federal appeals court"
		}
		// The object: a charge, suit or ruling, past adverbs and
		// determiners ("defend the action vigorously", "appeal the
		// conviction", "would vigorously defend itself").
		for e := k + 1; e < b && e <= k+5; e++ {
			l := ts[e].low
			if vowObjects[l] {
				return true
			}
			if !vowSkip[l] {
				break
			}
		}
	}
	return false
}

// caseToCourt reports whether the words from k take a case to a higher
// court: "the case to the federal appeals court", "its case to the U.S.
// Supreme Court" (a case or an appeal, "to", and a court within six
// words).
func caseToCourt(ts []tok, k, b int) bool {
	for k < b && (determiners[ts[k].low] || ts[k].low == "its" || ts[k].low == "their") {
		k++
	}
	if k+1 >= b || ts[k].low != "case" && ts[k].low != "appeal" && ts[k].low != "fight" || ts[k+1].low != "to" {
		return false
	}
	for e := k + 2; e < b && e <= k+8; e++ {
		if ts[e].low == "court" || ts[e].low == "courts" {
			return true
		}
		if ts[e].low == "," || ts[e].low == "that" || isEnd(ts[e]) {
			return false
		}
	}
	return false
}

// vower adds to the speakers of a vow the party named as its subject, who
// fights the charge whoever reports it ("The company said Alexander plans
// to appeal the conviction"); a pronoun's party is the claimant's, already
// among them.
func (x *extractor) vower(ts []tok, d *draft, ka, kb int, speakers []*entInfo) []*entInfo {
	ka = pastConjunction(ts, ka, kb)
	if ka >= kb || pronouns[ts[ka].low] != "" || ts[ka].low == "to" {
		return speakers
	}
	if e := x.subjectEnd(ts, ka, kb); e > ka {
		if ms := x.mentionsIn(ts[ka].start, ts[e-1].end); len(ms) > 0 && ms[0].e.typ != schema.Place && !slices.Contains(speakers, ms[0].e) {
			return append(slices.Clone(speakers), ms[0].e)
		}
	}
	return speakers
}

// fightsCharge reports whether tokens a to w vow to fight a legal step or
// a charge named before the wrong at w ("will fight a suit filed against
// it by Advanced Voice Technologies alleging misappropriation"): the wrong
// is the charge's. A vow that names the wrong itself ("We'll challenge it
// as a bad faith filing") is the speaker's charge.
func fightsCharge(ts []tok, a, w int) bool {
	if !vowsToFight(ts, a, w, false) {
		return false
	}
	for k := a; k < w; k++ {
		if legalNouns[ts[k].low] || allegationNouns[ts[k].low] {
			return true
		}
	}
	return false
}

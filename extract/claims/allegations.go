package claims

import (
	"slices"
	"sort"
	"strings"

	"github.com/dossier-project/dossier/ledger"
	"github.com/dossier-project/dossier/schema"
)

// Allegations. An allegation asserts wrongdoing, or a damaging and
// disputed fact, about a target. The stance of the verb is a first guess:
//   - a claim whose content names a wrong ("said Japan has not lived up to
//     the pact") alleges it, whatever its reporting verb;
//   - "claim" and "blame" allege only when the content names a wrong
//     ("claimed the gap was narrow" is a statement);
//   - allegations without a reporting verb are found by their words: a
//     charge ("was charged with", "the SEC charged", "indicted"), a hedge
//     on a wrong ("Japan's alleged violations", "for allegedly failing to
//     live up"), a sanction for a wrong ("retaliate against Japan for
//     violating the agreement"), an allegation noun with its content
//     ("reports that", "allegations of chip dumping", "insider trading
//     charges") that names a wrong or that a denial in the sentence
//     rejects ("denied a report that ..."). The words that are themselves
//     the mark of an allegation need no wrong named: a suspicion ("arrested
//     on suspicion of", "is suspected of", "is alleged to have"), a hedged act ("Toshiba
//     Machine's alleged sale to Moscow"), an accusation against a named
//     target ("made accusations against the Soviet Union").
// Answers: a rejected offer, vote or proposal is not a denial, and a
// denunciation of reports or claims ("denounced press reports that ...")
// is one.

// notAllegations are objects whose rejection is no denial.
var notAllegations = set("offer", "offers", "proposal", "proposals", "plan", "plans", "bid", "bids",
	"motion", "motions", "vote", "votes", "bill", "bills", "request", "requests", "demand", "demands",
	"call", "calls", "appeal", "appeals", "application", "amendment", "amendments", "resolution",
	"objection", "objections", "idea", "terms", "deal", "settlement", "invitation", "ultimatum",
	"compromise", "measure", "measures", "legislation", "nomination", "candidate", "candidacy",
	"takeover", "merger", "price", "prices", "increase", "cut", "cuts", "quota", "quotas", "budget",
	"policy", "policies", "idea", "ideas", "pact", "agreement", "treaty", "accord", "talks", "tender",
	"approach", "overtures", "suggestions", "advice", "pressure", "pressures", "calls", "moves")

// allegationNouns name an allegation as a thing.
var allegationNouns = set("allegation", "allegations", "accusation", "accusations", "charge", "charges",
	"report", "reports", "claim", "claims", "suggestion", "suggestions", "rumour", "rumours", "rumor", "rumors")

// proposals are allegation nouns that may name a proposal instead ("a
// suggestion that his country seek IMF help"): allegations only when
// they name a wrong.
var proposals = set("suggestion", "suggestions")

// namesProposalOnly reports whether the only allegation words of a
// content are proposals ("a U.K. suggestion that his country seek IMF
// help").
func namesProposalOnly(ts []tok, a, b int) bool {
	any := false
	for k := a; k < b; k++ {
		if l := ts[k].low; allegationWords[l] || allegationNouns[l] {
			if !proposals[l] {
				return false
			}
			any = true
		}
	}
	return any
}

// accusationNouns name an accusation, which "against" gives its target:
// "made accusations against the Soviet Union", "the charges against
// him". A report or a claim against someone is not one ("claims against
// the estate").
var accusationNouns = set("allegation", "allegations", "accusation", "accusations", "charge", "charges")

// hedgedAct reports whether "alleged" at i is an adjective before the act
// it hedges, with a determiner or a possessor before it: "the alleged
// sale of milling machines", "Toshiba Machine's alleged sale". The hedge
// makes it an allegation whatever the act's words.
func hedgedAct(ts []tok, i int) bool {
	if ts[i].low != "alleged" || i == 0 || i+1 >= len(ts) || !(determiners[ts[i-1].low] || ts[i-1].low == "'s" || ts[i-1].low == "'") {
		return false
	}
	for k := i + 1; k < len(ts) && k <= i+4 && !isEnd(ts[k]) && ts[k].low != "," && ts[k].low != "of"; k++ {
		if actNoun(ts[k].low) {
			return true
		}
	}
	return false
}

// mayBe reports whether a modal comes shortly before token i: "could
// include felony charges against ..." is a forecast, not an allegation.
func mayBe(ts []tok, i int) bool {
	for k := i - 1; k >= 0 && k >= i-6; k-- {
		switch ts[k].low {
		case "could", "would", "might", "may":
			return true
		case ",", ";":
			return false
		}
	}
	return false
}

// characterOnly reports whether what an accusation at [ce, kb) accuses
// its object of is being something ("of being irrational", "of being
// soft in the face of"), with no wrong named (the caller checks) and no
// act after "being" ("of being involved in", "of being behind").
func characterOnly(ts []tok, ce, kb int) bool {
	for k := ce; k+1 < kb && k < ce+8; k++ {
		if ts[k].low == "of" && ts[k+1].low == "being" {
			if k+2 < kb {
				l := ts[k+2].low
				if strings.HasSuffix(l, "ed") || l == "behind" || l == "part" || l == "responsible" || l == "party" || l == "a" || l == "an" {
					return false // "of being involved", "of being behind the attack", "of being a spy"
				}
			}
			return true
		}
	}
	return false
}

// negatedStep reports whether the cue of an allegation made without a verb
// of speech at i is negated: in its verb group ("it was not charged in
// Alexander's indictment"), by "no" before the noun ("no additional
// charges will be brought against it"), or by a subject that names no one
// ("no governmental authority has ever alleged any such activity"); "no
// doubt" negates nothing. Negation elsewhere in the clause is another verb's or noun's: "was not
// involved in the alleged transfer", "gave no details ... against claims".
func negatedStep(ts []tok, i int) bool {
	k := i - 1
	for k >= 0 && (auxiliaries[ts[k].low] || isAdverb(ts[k]) || negations[ts[k].low] || ts[k].low == "ever") && ts[k].low != "to" {
		if negations[ts[k].low] {
			return true // the verb group's own negation
		}
		k--
	}
	if k >= 0 && k < i-1 {
		// A verb group: its subject's negation.
		for j := k; j >= 0 && j >= k-3; j-- {
			switch ts[j].low {
			case "no", "nobody", "none", "neither":
				return true
			}
			if isEnd(ts[j]) || ts[j].low == "," || ts[j].cue {
				break
			}
		}
		return false
	}
	// A noun: "no charges", "no additional charges".
	for j := i - 1; j >= 0 && j >= i-2; j-- {
		if ts[j].low == "no" && ts[j+1].low != "doubt" {
			return true
		}
	}
	return false
}

// allegedTo reports whether "alleged" at i is a passive with what is
// alleged after it: "the embassy, which is alleged to have been
// penetrated by Soviet agents".
func allegedTo(ts []tok, i int) bool {
	return ts[i].low == "alleged" && i > 0 && beForms[ts[i-1].low] && i+2 < len(ts) && ts[i+1].low == "to"
}

// actNoun reports whether a word is a noun of an act: a few common ones
// ("sale", "transfer", "role") and the English suffixes that make nouns of
// verbs ("shipment", "violation", "involvement", "dumping", "failure",
// "interference", "approval"), not "the alleged contract" or "the alleged
// victim".
func actNoun(w string) bool {
	if actNouns[w] {
		return true
	}
	w = strings.TrimSuffix(w, "s")
	for _, suf := range []string{"tion", "sion", "ment", "ing", "ance", "ence", "ure", "al"} {
		if len(w) > len(suf)+2 && strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

var actNouns = set("sale", "sales", "transfer", "transfers", "role", "use", "attack", "attacks", "raid", "raids",
	"plot", "plots", "scheme", "schemes", "deal", "deals", "link", "links", "ties", "sabotage", "theft", "abuse",
	"breach", "breaches", "leak", "leaks", "shipments", "export", "exports", "subsidy", "subsidies", "aid")

// rulings are findings of a court or an authority: "ruling that Texaco
// unlawfully interfered".
var rulings = set("ruled", "ruling", "rules", "found", "finding", "concluded", "determined", "held")

// rulingContent returns the first token of what a ruling or finding at
// i holds, or -1: right after "that" ("ruling that"), after "that" past a
// time or its maker ("the ruling earlier today by the Canadian Import
// Tribunal that"), or after a verb of ruling and a time word without
// "that" ("ruled today subsidized U.S. corn imports were ...").
func rulingContent(ts []tok, i int) int {
	n := len(ts)
	for j := i + 1; j < n && j <= i+9; j++ {
		l := ts[j].low
		if l == "that" {
			return j + 1
		}
		if l == "no" || l == "not" || l == "n't" || l == "without" || l == "whether" || l == "if" {
			// "finding no evidence that Farris was biased", "its final
			// ruling whether U.S. corn exports ... have injured": no
			// finding of a wrong.
			return -1
		}
		if isEnd(ts[j]) || l == "," || ts[j].cue || l == "to" || l == "in" && j == i+1 {
			break
		}
	}
	if l := ts[i].low; (l == "ruled" || l == "found") && i+2 < n && rulingTimes[ts[i+1].low] && !isEnd(ts[i+2]) {
		return i + 2
	}
	return -1
}

// rulingTimes are the words of time that may stand between a verb of ruling
// and its clause ("ruled today subsidized ... imports were ...").
var rulingTimes = set("today", "yesterday", "tonight", "earlier", "recently", "formally", "unanimously")

// rejecters scorn an allegation named as a thing: "bristle at the
// suggestion that ...".
var rejecters = set("bristle", "bristled", "bristles", "scoff", "scoffed", "scoffs", "ridiculed", "ridicule", "balked", "laughed")

// speakerDenies reports whether a statement is the speaker's own denial:
// "We categorically deny that the United States is selling weapons",
// "I deny any wrongdoing".
func speakerDenies(ts []tok, a, b int) bool {
	if a >= b || ts[a].low != "we" && ts[a].low != "i" {
		return false
	}
	for k := a + 1; k < b && k <= a+3; k++ {
		switch ts[k].low {
		case "deny", "denied", "refute", "strongly", "categorically", "flatly", "totally", "completely", "emphatically", "absolutely", "firmly", "vigorously", "again", "also":
			if ts[k].low == "deny" || ts[k].low == "denied" || ts[k].low == "refute" {
				return k+1 < b && (ts[k+1].low == "that" || ts[k+1].low == "any" || ts[k+1].low == "all" || ts[k+1].low == "the" || ts[k+1].low == "these" || ts[k+1].low == "this" || ts[k+1].low == "it" || ts[k+1].low == "them")
			}
		default:
			return false
		}
	}
	return false
}

// callers name what they call an allegation: "called the charges false".
var callers = set("called", "calls", "call", "calling", "branded", "brands", "termed", "terms", "labelled", "labeled")

// dismissedAfter reports whether a word that calls a thing false follows
// token i in its sentence ("utterly false", "baseless").
func dismissedAfter(ts []tok, i int) bool {
	for k := i + 1; k < len(ts); k++ {
		if dismissals[ts[k].low] {
			return true
		}
	}
	return false
}

// punitive words before "for" + a wrong: "retaliate against Japan for
// violating the agreement".
var punitive = []string{"retaliat", "sanction", "penal", "punish", "tariff", "dut", "action against", "sue", "suit", "fine", "indict", "arrest", "expel", "boycott", "condemn", "censur"}

// lows returns the lower-case words of tokens.
func lows(ts []tok) []string {
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = t.low
	}
	return out
}

// wrongIn returns the first token of a wrong in ts[a:b] that is not
// negated, questioned or conditional, or -1.
func wrongIn(ts []tok, a, b int) int {
	if a < 0 {
		a = 0
	}
	if b > len(ts) {
		b = len(ts)
	}
	for a < b {
		i, n := ledger.WrongAt(lows(ts[a:b]))
		if i < 0 {
			return -1
		}
		k := a + i
		hedged := false
		for j := max(a, k-10); j < k-6; j++ {
			// "its final ruling whether U.S. corn exports to Canada have
			// injured": an open question reaches further than a hedge.
			hedged = hedged || ts[j].low == "whether"
		}
		for j := max(a, k-6); j < k; j++ {
			switch ts[j].low {
			case "whether", "if", "never", "nothing", "without", "not", "n't", "against", "avoid", "prevent", "stop", "barring",
				"halt", "halting", "curb", "combat", "fight", "resist", "determination", "investigate", "investigating", "probe",
				"avoiding", "preventing", "stopping", "curbing", "combating", "combatting", "fighting", "resisting", "deter",
				"deterring", "detect", "detecting", "define", "defining":
				hedged = true
			case "no":
				hedged = j+1 < len(ts) && ts[j+1].low != "doubt"
			}
		}
		if !hedged && !inName(ts, k, n) && !(k+n < b && lineOfBusiness[ts[k+n].low]) && !actorless(ts, k) && !noKilling(ts, k) && !wrongAsTopic(ts, k) {
			return k
		}
		a = k + n
	}
	return -1
}

// topicNouns name a wrong as a matter of rules or talk, not as done:
// "a definition of insider trading", "avoidance of predatory ... practices",
// "a ban on insider trading".
var topicNouns = set("definition", "definitions", "avoidance", "ban", "bans", "prohibition", "prohibitions",
	"crackdown", "curbs", "penalties", "penalty", "fines", "deterrent", "deterrence")

// genericDoers are antecedents that make "who violate" a rule's case, not
// a charge: "fines ... for merchants who violate the price control
// measure", "anyone who breaks the law".
var genericDoers = set("anyone", "anybody", "those", "whoever", "merchants", "companies", "firms", "people",
	"persons", "individuals", "traders", "employers", "producers", "exporters", "importers", "dealers", "investors")

// preventers keep a party from a wrong: "preventing large investors from
// manipulating the Seoul exchange".
var preventers = []string{"prevent", "bar", "stop", "prohibit", "deter", "discourag", "keep", "restrain", "forbid", "ban"}

// rapeCrop are the words beside "rape" in a crop report: "rape nil",
// "winter rape plantings", "rape products".
var rapeCrop = set("nil", "seed", "oil", "meal", "products", "plantings", "crop", "crops", "harvest", "exports",
	"imports", "prices", "winter", "spring", "summer", "oilseed", "(")

// illegalPeople are nouns of people after "illegal" that name no act of
// a party: "illegal aliens", "illegal immigrants".
var illegalPeople = set("aliens", "alien", "immigrants", "immigrant", "migrants", "migrant", "workers", "residents")

// wrongAsTopic reports whether the wrong at k is spoken of as a topic, a
// rule's case or a crop, not as done by anyone: after a topic noun and
// "of" or "on", after "who" or "that" with a generic antecedent, after a
// verb of preventing and "from", or "rape" the oilseed.
func wrongAsTopic(ts []tok, k int) bool {
	if k >= 2 && (ts[k-1].low == "of" || ts[k-1].low == "on") && topicNouns[ts[k-2].low] {
		return true
	}
	if k >= 2 && (ts[k-1].low == "who" || ts[k-1].low == "that") && genericDoers[ts[k-2].low] {
		return true
	}
	if k >= 1 && ts[k-1].low == "from" {
		for m := max(0, k-6); m < k-1; m++ {
			for _, p := range preventers {
				if strings.HasPrefix(ts[m].low, p) {
					return true
				}
			}
		}
	}
	// "an injunction barring Vaskevitch and other defendants in the case
	// from committing further violations": "from", a gerund and its
	// words before the wrong, a preventer before "from".
	for f := k - 2; f >= 0 && f >= k-4; f-- {
		if ts[f].low != "from" {
			continue
		}
		if !strings.HasSuffix(ts[f+1].low, "ing") {
			break
		}
		for m := max(0, f-12); m < f; m++ {
			for _, p := range preventers {
				if strings.HasPrefix(ts[m].low, p) {
					return true
				}
			}
			if ts[m].low == "enjoining" || ts[m].low == "enjoined" || ts[m].low == "injunction" {
				return true
			}
		}
		break
	}
	if ts[k].low == "rape" && (k+1 < len(ts) && (rapeCrop[ts[k+1].low] || isNumber(ts[k+1].low)) || k > 0 && rapeCrop[ts[k-1].low]) {
		return true
	}
	if k+1 < len(ts) && (ts[k].low == "poison" && (ts[k+1].low == "pill" || ts[k+1].low == "pills") ||
		(ts[k].low == "illegal" || ts[k].low == "illicit") && illegalPeople[ts[k+1].low]) {
		// "poison pill takeover protection plans": a takeover defence;
		// "amnesty to illegal aliens": people, no act of a party.
		return true
	}
	return false
}

// forceNouns are a side's fighting men and arms.
var forceNouns = set("forces", "troops", "soldiers", "army", "armies", "units", "guerrillas", "fighters", "aircraft",
	"planes", "jets", "warplanes", "warships", "gunners", "navy", "artillery", "militia", "militiamen", "men")

// ownForces reports whether the killing at ts[w] is told of the speaker's
// own side: "its forces", "our troops", "their guerrillas" among the words
// of the content before it.
func ownForces(ts []tok, a, w int) bool {
	for k := a; k+1 < w; k++ {
		if l := ts[k].low; l == "its" || l == "their" || l == "our" {
			if forceNouns[ts[k+1].low] || k+2 < w && forceNouns[ts[k+2].low] {
				return true
			}
		}
	}
	return false
}

// killWords are the forms of "kill" the misconduct lexicon reads as a
// wrong.
var killWords = set("kill", "killed", "killing", "killings", "kills")

// disasters are events that kill without a doer: "a fire that trapped 44
// miners and killed at least one", "the 1985 crash of a Boeing 747 which
// killed 520 people".
var disasters = set("fire", "fires", "blaze", "explosion", "explosions", "blast", "crash", "crashes", "accident",
	"accidents", "fall", "quake", "earthquake", "storm", "storms", "flood", "floods", "flooding", "avalanche",
	"collapse", "derailment", "gas", "cloud", "disease", "epidemic", "747", "airliner", "plane", "disaster")

// killedThings are objects of "kill" that are no lives: "will try to kill
// the amendment", "ozone can kill viruses", "virtually killed the plan".
var killedThings = set("amendment", "amendments", "bill", "bills", "plan", "plans", "proposal", "proposals", "deal",
	"deals", "measure", "measures", "idea", "legislation", "talks", "project", "viruses", "virus", "bacteria",
	"germs", "insects", "pests", "weeds", "off")

// noKilling reports whether "kill" at k names no killing by a party: a
// disaster's toll ("a fire that ... killed one miner", "which killed 520
// people"), victims counted in the passive with no doer ("Six workers were
// killed and four injured in a rock fall", "2,413 people were killed ...
// when a cloud of gas ..."), or no life taken ("kill the amendment", "kill
// viruses").
func noKilling(ts []tok, k int) bool {
	if !killWords[ts[k].low] {
		return false
	}
	n := len(ts)
	// The object: a thing, after an optional determiner.
	j := k + 1
	if j < n && determiners[ts[j].low] {
		j++
	}
	for m := j; m < n && m <= j+2; m++ {
		if killedThings[ts[m].low] {
			return true
		}
	}
	// A disaster in the four words before, as subject or antecedent.
	for m := max(0, k-6); m < k; m++ {
		if disasters[ts[m].low] {
			return true
		}
	}
	// The passive with no doer after it.
	if k > 0 && (beForms[ts[k-1].low] || ts[k-1].low == "been") {
		for m := k + 1; m < n && m <= k+10 && !isEnd(ts[m]); m++ {
			if ts[m].low == "by" {
				return false
			}
		}
		return true
	}
	return false
}

// attackWords are the nouns of an attack the misconduct lexicon reads as
// a wrong when it strikes those who are no party to a fight.
var attackWords = set("attack", "attacks", "raid", "raids", "strike", "strikes")

// actorless reports whether the wrong at k is an attack told as an event
// with no doer: "after the missile attack on a U.S.-flagged tanker",
// "following the attack on a Kuwaiti ship" (a determiner, no name or
// people's adjective before the noun, no "by" after it). "An Iranian
// attack", "Friday's missile attack", "small-boat attacks", "the attack
// ... was almost certainly by an Iran Silkworm missile" name or imply one.
func actorless(ts []tok, k int) bool {
	if !attackWords[ts[k].low] {
		return false
	}
	j := k - 1
	for j >= 0 && !determiners[ts[j].low] {
		if ts[j].capital || ts[j].low == "'s" || ts[j].low == "'" || isEnd(ts[j]) || ts[j].low == "," || k-j > 3 {
			return false
		}
		j--
	}
	if j < 0 {
		return false
	}
	for m := k + 1; m < len(ts) && m <= k+14; m++ {
		if ts[m].low == "by" {
			return false
		}
		if isEnd(ts[m]) || ts[m].low == "and" || ts[m].low == "," {
			break // "the attack on a Kuwaiti ship ... and comments by American officials"
		}
	}
	return true
}

// inName reports whether the wrong at ts[k:k+n] is words of a name: in
// capitals inside a sentence in lower case, beside another word in
// capitals ("Crime Control Inc", "the Insider Trading Sanctions Act"). A
// sentence's first word, and a headline in capitals, are no names by
// their case.
func inName(ts []tok, k, n int) bool {
	if k == 0 || !ts[k].capital {
		return false
	}
	lower := false
	for _, t := range ts {
		lower = lower || t.text == t.low && isWordTok(t.low)
	}
	if !lower {
		return false
	}
	return k+n < len(ts) && ts[k+n].capital && isWordTok(ts[k+n].low) || ts[k-1].capital && isWordTok(ts[k-1].low) && k-1 > 0
}

// contentToks returns the tokens of a draft's content.
func contentToks(ts []tok, d *draft) (int, int) {
	ka, kb := len(ts), 0
	for k, t := range ts {
		if t.start >= d.cont[0] && t.end <= d.cont[1] {
			ka, kb = min(ka, k), k+1
		}
	}
	if kb == 0 {
		return 0, 0 // a content outside the sentence: a quotation before it
	}
	return ka, kb
}

// allegations settles which claims are allegations and adds the ones no
// reporting verb introduces. It runs after every sentence is read.
func (x *extractor) allegations() {
	x.statementSpeakers()
	bySent := make(map[int][]*draft)
	for _, d := range x.drafts {
		bySent[d.sent] = append(bySent[d.sent], d)
	}
	for _, d := range x.drafts {
		ts := x.toks(d.sent)
		ka, kb := contentToks(ts, d)
		w := -1
		if ka < kb {
			w = wrongIn(ts, ka, kb)
		}
		if w >= 0 && toldInRelative(ts, bySent[d.sent], d, w) {
			// "SciMed said the suit, which alleges that SciMed infringed
			// on its patents, is without merit": the wrong is the suit's,
			// told in a clause of its own inside the content.
			w = wrongIn(ts, relativeEnd(ts, bySent[d.sent], d, w), kb)
		}
		if st, ok := plea(ts, d, ka, kb); ok {
			d.stance = st
			continue
		}
		switch d.stance {
		case schema.Allege:
			if d.v != nil && !d.negated && negatedStep(ts, d.cs) {
				// "no governmental authority has ever alleged any such
				// activity": the allegation's act negated by its subject.
				d.stance = schema.Say
				continue
			}
			if w < 0 && d.v != nil && d.v.lemma == "accuse" && characterOnly(ts, d.ce, kb) {
				// "He accused the U.S. of being irrational", "accusing the
				// government of being soft": a characterisation, no act.
				d.stance = schema.Criticise
				continue
			}
			if w < 0 && d.v != nil && (d.v.lemma == "claim" || d.v.lemma == "blame") && !anyWrongdoing(ts[ka:kb]) && !legalSource(ts, d) {
				if x.blameIn(ts, ka, kb) >= 0 {
					// "critics who claimed he helped to precipitate the
					// crisis": a harm blamed on a party.
					d.blamed = true
				} else if e := x.blamedParty(ts, d, ka, kb); e != nil && d.v.lemma == "blame" {
					// "The commission blamed the airline's previous board
					// for the losses": the party blamed for a harm.
					d.blamed = true
					d.target = e
				} else {
					d.stance = schema.Say
				}
			}
		case schema.Say, schema.Report, schema.Criticise:
			if d.stance != schema.Criticise && ka < kb && !d.negated && takesBlame(ts, ka, kb) {
				// "He said he took full responsibility for his own
				// actions": an admission, whatever it is for.
				d.stance = schema.Acknowledge
				d.takesBlame = true
				continue
			}
			if d.stance != schema.Criticise && ka < kb && !d.negated && w >= 0 && noGroundsBefore(ts, d.ce, ka) {
				// "finding no evidence that Farris was biased": the wrong
				// found unproven.
				d.stance = schema.Deny
				continue
			}
			if d.stance != schema.Criticise && ka < kb && !d.negated && passiveDenial(ts, ka, kb) {
				// "Salomon said the rumors ... are "unequivocally
				// denied."": the claimant denies what it names.
				d.stance = schema.Deny
				d.refersBack = true
				continue
			}
			if ka < kb && !d.negated && legalSource(ts, d) && !question(ts, ka, kb) && !(w < 0 && !anyWrongdoing(ts[ka:kb]) && remedyOnly(ts, ka, kb)) {
				// "The suit claimed that Boesky bought ...", "In an
				// administrative complaint, the SEC said ...": what a legal
				// step says it alleges.
				d.stance = schema.Allege
				break
			}
			// A claim that names a wrong alleges it; a denunciation of
			// reports denies them.
			if d.stance == schema.Criticise && ka < kb && (x.namesAllegation(ts, ka) || criticismCue(d) && (calledReports(ts, ka) || reportsBefore(ts, d.ce, ka) && !shouting(ts))) {
				d.stance = schema.Deny
				d.refersBack = true
				continue
			}
			if d.stance == schema.Criticise && ka < kb && !d.negated && !question(ts, ka, kb) {
				// "criticised West Germany for raising interest rates":
				// criticism that names the party of an act alleges it.
				if e := x.criticised(ts, d, ka, kb); e != nil {
					d.stance = schema.Allege
					if d.target == nil {
						d.target = e
					}
					break
				}
			}
			if w < 0 && ka < kb && !d.negated && !conditional(ts, ka, kb, ka) {
				// "faulty repairs by Boeing caused the crash": a harm
				// blamed on a party.
				if w = x.blameIn(ts, ka, kb); w >= 0 {
					d.blamed = true
				}
			}
			// A vow to fight a charge ("said it will fight a suit filed
			// against it by <Advanced Voice Technologies> alleging
			// misappropriation") names the wrong of the charge it fights,
			// not one the speaker alleges (fightsCharge).
			if w >= 0 && !d.blamed && killWords[ts[w].low] && ownForces(ts, ka, w) {
				// "Baghdad said its forces had repulsed the attack, killing
				// thousands of Iranians": a side's claim of its own
				// fighting, neither an allegation nor an admission.
				w = -1
			}
			for w >= 0 && !d.blamed && d.stance != schema.Criticise && kindOfConduct(ts, ka, w) {
				// "Shad said insider trading makes up only a tiny fraction
				// of trading": a category of conduct, no one's act.
				w = wrongIn(ts, w+1, kb)
			}
			if deny, _ := x.deniesWrongdoing(ts[ka:kb]); w >= 0 && !d.negated && !deny && !question(ts, ka, kb) && !conditional(ts, ka, kb, w) &&
				!aboutAllegations(ts, ka, w) && !stopped(ts, ka, w) && !fightsCharge(ts, ka, w) && !x.lawCase(ts, w) && !negatedFrame(ts, ka, w) {
				if x.ownAct(ts, d, ka, w) {
					// "The spokesman said some Japanese companies were
					// selling below stipulated prices": the accused's side
					// owns to the wrong.
					d.stance = schema.Acknowledge
				} else {
					d.stance = schema.Allege
				}
			}
			if d.stance == schema.Say && ka < kb && !d.negated && !question(ts, ka, kb) && ownFault(ts, d, ka, kb) {
				// "Boeing issued an official statement saying that
				// repairs it had undertaken ... were faulty": the
				// claimant owns to a fault of its own act, though no
				// word of wrongdoing names it.
				d.stance = schema.Acknowledge
			}
		case schema.Acknowledge:
			if impliesNot(ts, d.cs) {
				// "the offer did not imply Lloyd's accepted
				// responsibility for the affair": what is said not to
				// follow is not owned to.
				d.stance = schema.Say
				continue
			}
			if ka < kb && (w < 0 || x.undertakes(ts, d, ka)) && x.assent(ts, d, ka, kb) {
				d.stance = schema.Say
			} else if settles(ts, d) || withoutCue(ts, d) {
				// "agreed to settle the charges without admitting or
				// denying them": a settlement, not an admission.
				d.stance = schema.Say
			}
		case schema.Deny:
			if withoutCue(ts, d) {
				d.stance = schema.Say // "without admitting or denying the allegations"
				continue
			}
			// "rejected the offer", "denied him bail": no denial.
			if ka < kb && (!d.refersBack || namesProposalOnly(ts, ka, kb)) && (w < 0 || refusedFirst(ts, ka, kb)) && (d.v == nil && rejectsProposal(ts, ka, kb) || x.refusal(ts, d, ka, kb)) {
				d.stance = schema.Say
			}
		}
		if d.stance == schema.Allege && d.v != nil && d.v.lemma == "allege" && d.cs == d.vi && d.vi > 0 && d.m == past &&
			(ts[d.vi-1].low == "'s" || ts[d.vi-1].low == "'" || determiners[ts[d.vi-1].low]) {
			// "Japan's alleged violations": an adjective; the possessor is
			// the accused, the claimant is not named.
			d.claimant, d.claimantText, d.srcA, d.srcB, d.srcSpan = nil, ts[d.vi].text, 0, 0, schema.Span{}
			d.target = nil
			if d.vi >= 2 {
				if ms := x.mentionsIn(ts[d.vi-2].start, ts[d.vi-2].end); len(ms) > 0 {
					d.target = ms[0].e
				}
			}
		}
		if d.stance == schema.Believe && d.v != nil && believing[d.v.lemma] && d.rel == 0 && ka < kb && !d.negated && !question(ts, ka, kb) && x.rebuts(ts, ka, kb) {
			// "officers named as defendants believe it to be totally
			// without merit": a belief that the charge is baseless
			// denies it, as saying so does.
			d.stance = schema.Deny
		}
		if d.stance == schema.Say && ka < kb && !d.negated && (x.rebuts(ts, ka, kb) || nothingAgainstRules(ts, ka, kb) ||
			d.claimant != nil && !dataCue(d) && !question(ts, ka, kb) && complies(ts, ka, kb)) {
			d.stance = schema.Deny
		}
		if (d.stance == schema.Say || d.stance == schema.Deny) && !d.negated && d.v != nil && d.v.lemma == "find" && verdictFor(ts, ka, kb) {
			// "a federal judge found Zentor not guilty", "the jury found
			// the company not liable": a finding that clears the party.
			d.stance, d.clears = schema.Deny, true
		}
		if d.stance == schema.Allege {
			x.passiveAccused(ts, d)
		}
		if d.stance == schema.Allege && d.target == nil {
			d.target = x.accusedIn(ts, d, ka, kb)
			if d.target != nil && !containsID(d.about, d.target.id) {
				d.about = append(d.about, d.target.id)
			}
		}
		if d.stance == schema.Allege && d.target != nil {
			d.target = x.asCountry(d.target)
		}
	}
	// "did not help", "was not involved": a denial only of what the
	// document alleges.
	for _, d := range x.drafts {
		if d.stance == schema.Deny && d.weakDenial != "" && !x.alleges(d.weakDenial) {
			d.stance = d.undenied
		}
	}
	for si := range x.in.Sentences[:x.upTo] {
		s := x.in.Sentences[si]
		if s.Start < 0 || s.End > len(x.runes) || s.Start >= s.End {
			continue
		}
		x.unvoiced(si, bySent[si])
	}
	x.learnedAllegations()
	x.mainAccused()
	x.namedLater()
	// After the allegations without a reporting verb, so that a defence
	// answers the criticism named in its own sentence ("reacting to recent
	// criticism of U.S. meat inspection, defended the program").
	for _, d := range x.drafts {
		if (d.stance == schema.Praise || d.stance == schema.Say) && strings.HasPrefix(strings.ToLower(d.cueSpan.Text), "defend") && !d.negated && x.defendsAccused(d) {
			// "Lyng defended the program", "defended its sales of
			// stockpiled tin": the accused's side defends what the
			// document alleges against it.
			d.stance = schema.Deny
			if d.claimant != nil {
				if x.defenders == nil {
					x.defenders = make(map[*entInfo]bool)
				}
				x.defenders[d.claimant] = true
			}
		}
	}
	// A charge that a denial holds and that accuses the denier by a
	// pronoun ("Acme called charges that it dumped waste and cheated
	// Carlton "utterly false"") is against the denier before the
	// statements of the accused are read against the charges ("it did
	// not dump waste", said elsewhere in the story, states its opposite).
	x.deniedOfSpeaker()
	x.quotedAnswers()
	x.opposition()
	x.dropStepsOnly()
	sort.SliceStable(x.drafts, func(i, j int) bool {
		a, b := x.drafts[i], x.drafts[j]
		if a.sent != b.sent {
			return a.sent < b.sent
		}
		return a.cs < b.cs
	})
}

func containsID(ids []string, id string) bool {
	for _, x := range ids {
		if x == id {
			return true
		}
	}
	return false
}

// subordinators open a clause of time, condition or reason whose verb the
// speaker does not assert: "the tariffs would remain in force until Japan
// abided by the agreement", "would lift tariffs as soon as Tokyo complied",
// "imposed the sanctions because Japan did not honor an agreement".
var subordinators = set("until", "till", "unless", "if", "once", "when", "whenever", "because", "provided")

// subordinate reports whether the word after words (the lower-case words
// of a content before it) lies in a clause opened by a subordinator, or by
// "as soon as" or "as long as": it is not what the speaker asserts. The
// clause runs back to the nearest comma, semicolon or dash.
func subordinate(words []string) bool {
	for j := len(words) - 1; j >= 0; j-- {
		switch w := words[j]; {
		case w == "," || w == ";" || w == "--" || w == ":":
			return false
		case subordinators[w]:
			return true
		case (w == "soon" || w == "long") && j > 0 && words[j-1] == "as" && j+1 < len(words) && words[j+1] == "as":
			return true
		}
	}
	return false
}

// question reports whether content is a question or a conditional.
func question(ts []tok, a, b int) bool {
	if a < b && (ts[a].low == "whether" || ts[a].low == "if") {
		return true
	}
	return b > a && ts[b-1].low == "?"
}

// anyWrongdoing reports whether tokens hold a word of the wider wrongdoing
// list of denials ("helped", "assisted").
func anyWrongdoing(ts []tok) bool {
	for _, t := range ts {
		if wrongdoingStem(t.low) != "" || ledger.IsWrong(t.low) {
			return true
		}
	}
	return false
}

// conditional reports whether the wrong at w is hypothetical: "if" or
// "unless" before it, "would" or "could" after it ("spying for the Kremlin
// would kill our business"), "will" just before it ("will exceed its
// quota": an act to come).
func conditional(ts []tok, a, b, w int) bool {
	for k := a; k < b; k++ {
		switch ts[k].low {
		case "if", "unless":
			if k < w {
				return true
			}
		case "would", "could", "might":
			if k > w && !relClauseBetween(ts, w, k) && !coordinated(ts, k) && !newClauseBetween(ts, w, k) || k < w && w-k <= 4 {
				return true
			}
			if k < w && modalFrame(ts, k, w) {
				// "hoped GATT would find the U.S. retaliation had
				// violated the regulations": a finding to come.
				return true
			}
		case "any":
			// "Any Iranian attack on Soviet ships will bring a forceful
			// response": a wrong supposed, not said to be done.
			if k < w && w-k <= 3 {
				return true
			}
		case "should":
			// "to show cause why it should not honour its contract": what
			// ought to be, not a wrong done.
			if k < w && w-k <= 3 {
				return true
			}
		case "will", "'ll":
			// "Ecuador will exceed its OPEC quota": an act to come, a
			// forecast or a plan, not a wrong done.
			if k == w-1 {
				return true
			}
		}
	}
	return false
}

// coordinated reports whether a modal at k opens a verb phrase of its own
// after "and", "but" or "or": "the proposal discriminated against imports
// and would damage the Philippines" asserts the first verb; the modal is
// the second's.
func coordinated(ts []tok, k int) bool {
	return k > 0 && (ts[k-1].low == "and" || ts[k-1].low == "but" || ts[k-1].low == "or")
}

// newClauseBetween reports whether a clause of its own opens between tokens w
// and k: a conjunction after a comma or before a subject of its own
// ("Japan has failed to live up to its semiconductor agreement with the
// U.S. and there was little that could be done now to avert the tariffs"
// asserts the failure; the modal is the second clause's), or a semicolon.
func newClauseBetween(ts []tok, w, k int) bool {
	for j := w + 1; j < k-1; j++ {
		switch ts[j].low {
		case ";":
			return true
		case "and", "but", "while", "whereas":
			if ts[j-1].low == "," || newSubjects[ts[j+1].low] {
				return true
			}
		}
	}
	return false
}

// newSubjects open a clause's subject after a conjunction: "there",
// personal pronouns and determiners.
var newSubjects = set("there", "it", "he", "she", "they", "we", "i", "you", "the", "this", "these", "those", "its", "their", "his", "her")

// relClauseBetween reports whether a relative pronoun lies between tokens
// w and k: "violated regulations on the amount of money which could be
// loaned" asserts the violation, the modal is the relative clause's.
func relClauseBetween(ts []tok, w, k int) bool {
	for j := w + 1; j < k; j++ {
		switch ts[j].low {
		case "which", "who", "whom", "where":
			return true
		}
	}
	return false
}

// aboutAllegations reports whether the wrong at w is the matter of an
// allegation the content talks about ("the claims of his company's
// involvement"), not one it makes: an allegation noun in the ten words
// before it, or one whose "that" clause holds it ("the charges by the ASA
// that palm oil consumption increases blood cholesterol and contributes to
// heart disease are untrue").
func aboutAllegations(ts []tok, a, w int) bool {
	for k := max(a, 0); k < w; k++ {
		if !allegationNouns[ts[k].low] {
			continue
		}
		if w-k <= 10 {
			return true
		}
		for j := k + 1; j < w && j <= k+6; j++ {
			if ts[j].low == "that" {
				return true
			}
			if isEnd(ts[j]) || ts[j].low == "," || ts[j].cue {
				break
			}
		}
	}
	return false
}

// toldInRelative reports whether the wrong at w lies in a relative
// clause set off by commas inside d's content whose own cue (one of
// sent, the drafts of d's sentence) tells it (parentheticalRelative).
func toldInRelative(ts []tok, sent []*draft, d *draft, w int) bool {
	return relativeEnd(ts, sent, d, w) > w
}

// relativeEnd returns the token after the comma that closes the relative
// clause holding the wrong at w (see toldInRelative), or w when there is
// none.
func relativeEnd(ts []tok, sent []*draft, d *draft, w int) int {
	for _, e := range sent {
		if e == d || e.cs >= w || e.cs < d.ce || !parentheticalRelative(ts, e) {
			continue
		}
		for k := e.ce; k < len(ts); k++ {
			if ts[k].low == "," {
				if k > w {
					return k + 1
				}
				break
			}
		}
	}
	return w
}

// rejectsProposal reports whether a denial's object is an offer, a vote
// or a proposal ("rejected the offer"), not an act ("denied breaking a
// pact").
func rejectsProposal(ts []tok, a, b int) bool {
	for k := a; k < b && k < a+4; k++ {
		switch l := ts[k].low; {
		case l == "that" || l == "," || l == ":" || ts[k].qopen || strings.HasSuffix(l, "ing") || auxiliaries[l] || pronouns[l] != "":
			return false
		case notAllegations[l]:
			return true
		}
	}
	return false
}

// imputations are what a denial may deny as a thing: "denied any
// involvement", "rejected responsibility".
var imputations = set("involvement", "role", "part", "responsibility", "wrongdoing", "knowledge", "link", "links",
	"ties", "connection", "connections", "contact", "contacts", "complicity", "guilt", "blame", "liability",
	"criticism", "criticisms", "finding", "findings", "assertion", "assertions", "speculation", "account",
	"version", "characterisation", "characterization", "interpretation", "conclusion", "conclusions")

// dismissals are what a denial calls what it denies: "dismissed the
// story as nonsense".
var dismissals = set("nonsense", "untrue", "false", "baseless", "groundless", "unfounded", "ridiculous", "absurd",
	"lies", "rubbish", "fiction", "fabrication", "fabricated", "propaganda", "smear", "slander", "libel",
	"defamatory", "inaccurate", "misleading", "wrong", "incorrect", "speculation", "fantasy", "invention")

// refusal reports whether a denial verb refuses something rather than
// denies what was said: "denied him bail", "denied entry"; "reject",
// "dismiss" and "dispute" when their object is no proposition (see
// noProposition): "rejected the motion", "rejected immigration quotas".
func (x *extractor) refusal(ts []tok, d *draft, ka, kb int) bool {
	if d.v == nil {
		return false
	}
	switch d.v.lemma {
	case "deny":
		// "deny" denies, unless it withholds: "denied him bail",
		// "denied entry to reporters".
		if ts[ka].low == "him" || ts[ka].low == "her" || ts[ka].low == "them" || ts[ka].low == "us" || ts[ka].low == "me" {
			return true
		}
		return withholds(ts, ka, kb)
	case "reject", "dismiss", "dispute", "rebuff":
		if d.v.lemma == "dismiss" && !d.passive && dismissesCase(ts, ka, kb) {
			return false
		}
		return x.noProposition(ts, d, ka, kb)
	}
	return false
}

// dismissedCases are the legal steps whose dismissal clears the party
// they were brought against: "the court dismissed six of the nine actions",
// "dismissed the suit". An appeal or a motion dismissed is the mover's loss,
// not a finding for it, and stays a refusal.
var dismissedCases = set("suit", "suits", "lawsuit", "lawsuits", "action", "actions", "case", "cases", "complaint",
	"complaints", "indictment", "indictments", "count", "counts", "charge", "charges", "claims", "litigation")

// dismissesCase reports whether the object of "dismiss" (tokens a to b)
// is a suit, an action or a charge, named within its first words past
// numbers, determiners and "of" ("six of the nine actions", "the
// antitrust suit").
func dismissesCase(ts []tok, a, b int) bool {
	for k := a; k < b && k < a+6; k++ {
		l := ts[k].low
		if dismissedCases[l] {
			return true
		}
		if l == "appeal" || l == "appeals" || l == "motion" || l == "motions" || l == "petition" || l == "petitions" ||
			l == "," || l == "that" || auxiliaries[l] && l != "to" {
			return false
		}
	}
	return false
}

// withheld are what "deny" withholds rather than denies.
var withheld = set("entry", "access", "bail", "permission", "visa", "visas", "request", "requests", "application",
	"applications", "appeal", "appeals", "licence", "license", "licences", "licenses", "passage", "asylum", "admission",
	"admittance", "approval", "funding", "benefits", "treatment", "chance", "opportunity", "citizenship", "parole",
	"clearance", "credit", "landing", "membership", "recognition", "service", "services", "boarding",
	"motion", "motions", "petition", "petitions", "waiver", "waivers", "exemption", "exemptions", "extension",
	"extensions", "injunction", "rehearing")

// objectEnds end the head of a denied object: what follows them says whose
// or what the thing is ("a request by Wheeling-Pittsburgh that it be
// allowed", "all post-trial motions by Occidental's ...").
var objectEnds = set("by", "from", "for", "that", "to", "of", "on", "in", "which", "who", ",", ";", "and", "but")

// withholds reports whether the object of "deny" at ts[ka:kb] is a thing
// withheld, not a proposition: its head, the last word before the first
// preposition, "that", comma or participle or the end of the content, is a
// word of withheld ("denied bail", "denied a Northrop appeal challenging", "denied all post-trial motions by Occidental",
// "EPA DENIES WHEELING-PITTSBURGH REQUEST"); not "denies his business
// helped the Russian Federal Security Service (FSB)".
func withholds(ts []tok, ka, kb int) bool {
	for k := ka; k < kb && k < ka+8; k++ {
		if objectEnds[ts[k].low] || ts[k].cue {
			return false
		}
		if withheld[ts[k].low] && (k+1 == kb || objectEnds[ts[k+1].low] || isEnd(ts[k+1]) || strings.HasSuffix(ts[k+1].low, "ing")) {
			return true
		}
	}
	return false
}

// assent reports whether an acknowledgement ("agree", "accept",
// "concede") assents to a thing rather than owns to a wrong or a claim:
// "accepted the offer", "agreed to hold talks", "conceded defeat", not
// "accepted responsibility", "conceded that the rules were broken".
func (x *extractor) assent(ts []tok, d *draft, ka, kb int) bool {
	if d.v == nil {
		return false
	}
	switch d.v.lemma {
	case "agree", "accept", "concede":
	default:
		return false
	}
	return x.noProposition(ts, d, ka, kb)
}

// undertakes reports whether an assent is to do something ("agreed to
// stop selling below cost"): an undertaking, not an admission, whatever
// wrong it names.
func (x *extractor) undertakes(ts []tok, d *draft, ka int) bool {
	for k := d.ce; k <= ka && k < len(ts); k++ {
		if ts[k].low == "to" {
			return k+1 < len(ts) && !determiners[ts[k+1].low] && !ts[k+1].capital
		}
	}
	return false
}

// noProposition reports whether the object of a cue is a thing, not a
// proposition someone made: neither a clause, a gerund, an allegation or
// imputation named as a thing, nor something called untrue.
func (x *extractor) noProposition(ts []tok, d *draft, ka, kb int) bool {
	for k := d.ce; k < ka && k < len(ts); k++ {
		if ts[k].low == "that" || ts[k].low == ":" || ts[k].qopen {
			return false
		}
	}
	if d.passive || ka > d.cs {
		// "The motion was rejected", "the US claim that ... was
		// rejected by Russia": what is rejected is the subject.
		var lw []string
		for k := 0; k < d.cs; k++ {
			if l := ts[k].low; l == "that" || (allegationNouns[l] || allegationWords[l]) && !creditorClaimAt(ts, k, &lw) || imputations[l] {
				return false
			}
		}
		if d.passive {
			return true
		}
	}
	if ts[ka].qopen || ts[ka].inQ || pronouns[ts[ka].low] != "" || ts[ka].low == "we" || ts[ka].low == "i" || ts[ka].low == "that" {
		return false
	}
	for k := ka; k < kb && k < ka+2; k++ {
		if strings.HasSuffix(ts[k].low, "ing") && !ts[k].capital {
			return false // "denied helping", "denied ever having"
		}
	}
	for k := ka; k < kb; k++ {
		l := ts[k].low
		if auxiliaries[l] && l != "to" && !negations[l] || (allegationNouns[l] || allegationWords[l]) && !proposals[l] || imputations[l] || dismissals[l] && k > ka && ts[k-1].low == "as" {
			// (A suggestion that names no wrong is a proposal: "rejected
			// a U.K. suggestion that his country seek IMF help".)
			return false
		}
	}
	return true
}

// creditorClaimAt reports whether token k is a claim for money
// (ledger.CreditorClaim: "unsecured claims totaling 700,000 dlrs which are
// disputed by Transamerican" disputes a debt, not an allegation); lw holds
// the lower-case tokens, made when first needed.
func creditorClaimAt(ts []tok, k int, lw *[]string) bool {
	if *lw == nil {
		*lw = lows(ts)
	}
	return ledger.CreditorClaim(*lw, k)
}

// asCountry returns the country a place entity named by its people stands
// for ("West German" for West Germany, "Japanese" for Japan) when the
// document names the country, else the entity itself: the accused of
// "criticism of West German monetary policy" is West Germany, who answers
// for it.
func (x *extractor) asCountry(e *entInfo) *entInfo {
	if e.typ != schema.Place || e.kind == schema.KindCountry {
		return e
	}
	if _, ok := demonymCountry[e.name]; !ok && !strings.HasPrefix(e.name, "West ") && !strings.HasPrefix(e.name, "East ") {
		return e
	}
	if c := x.countryNamed(e.name); c != nil && c != e {
		return c
	}
	if i := strings.IndexByte(e.name, ' '); i > 0 {
		if c, ok := demonymCountry[e.name[i+1:]]; ok {
			// "West German": West Germany, when the document names it.
			want := strings.ToLower(e.name[:i+1] + c)
			for _, o := range x.ents {
				if o != e && o.typ == schema.Place && o.names[want] {
					return o
				}
			}
		}
	}
	return e
}

// calledReports reports whether an attack's object is allegations the
// speaker calls names: "attacked what he called recent \"terribly
// biased\" press reports": "what ... called" and an allegation noun within
// the next ten words of the sentence (the content may stop at the quote).
func calledReports(ts []tok, ka int) bool {
	if ts[ka].low != "what" {
		return false
	}
	for k := ka + 1; k < len(ts) && k < ka+10 && !isEnd(ts[k]); k++ {
		if allegationNouns[ts[k].low] {
			return true
		}
	}
	return false
}

// defendsAccused reports whether a defence ("defended the program") is
// made by or for a party the document accuses: the target of one of its
// allegations is the defender, a party the defender answers for, or named
// in what it defends.
func (x *extractor) defendsAccused(d *draft) bool {
	if d.cont[1] <= d.cont[0] {
		return false
	}
	named := x.mentionsIn(d.cont[0], d.cont[1])
	for _, a := range x.drafts {
		if a.stance != schema.Allege || a.target == nil || a.claimant != nil && a.claimant == d.claimant {
			continue
		}
		if a.target == d.claimant || d.claimant != nil && sameParty(d.claimant, a.target) || slices.Contains(x.sides(d), a.target) ||
			slices.ContainsFunc(named, func(m mref) bool { return m.e == a.target }) {
			return true
		}
	}
	return false
}

// alleges reports whether an allegation of the document has a word that
// starts with stem in its content.
func (x *extractor) alleges(stem string) bool {
	if stem == blameStem {
		return slices.ContainsFunc(x.drafts, func(a *draft) bool { return a.stance == schema.Allege && a.blamed })
	}
	for _, a := range x.drafts {
		if a.stance != schema.Allege || a.cont[1] <= a.cont[0] {
			continue
		}
		ts := x.toks(a.sent)
		ka, kb := contentToks(ts, a)
		for k := ka; k < kb; k++ {
			if strings.HasPrefix(ts[k].low, stem) {
				return true
			}
		}
	}
	return false
}

// perceivers are words by which a speaker perceives an act, whose doer
// is then named after them: "we are aware of the forces trying to".
var perceivers = set("aware", "saw", "seen", "noticed", "watched", "heard", "learned", "suspect", "suspected")

// observers are the heads of an unnamed source who watches a market or a
// story rather than acts in it: "one Japanese trader", "analysts".
var observers = set("trader", "traders", "analyst", "analysts", "dealer", "dealers", "economist", "economists",
	"diplomat", "diplomats", "observer", "observers", "expert", "experts", "broker", "brokers", "source", "sources")

// observerText reports whether a claimant's words end in an observer:
// "one Japanese trader", "oil industry sources".
func observerText(text string) bool {
	f := strings.Fields(strings.ToLower(text))
	return len(f) > 0 && observers[f[len(f)-1]]
}

// quotaPreps open a wrong of a quota exceeded ("was over its quota",
// "is above its ceiling"): after a form of "be" it is a state of the
// subject's own, no passive.
var quotaPreps = set("over", "above", "beyond", "more")

// ownAct reports whether the wrong at w is the act of the claimant or of
// its side, told by the claimant: the content's subject is the claimant
// ("we broke the rules", "the company said it had violated"), or one it
// answers for ("some Japanese companies" told by a Japanese ministry), and
// the wrong is not done to it ("he was tortured"). It is no allegation
// against oneself: it owns to the wrong.
func (x *extractor) ownAct(ts []tok, d *draft, ka, w int) bool {
	if ka >= w || d.v != nil && d.v.stance == schema.Allege {
		return false
	}
	for k := d.cs; k < d.ce; k++ {
		for _, p := range accusing {
			if strings.HasPrefix(ts[k].low, p) {
				return false // "charging they swapped inside information"
			}
		}
	}
	if k := w - 1; k > ka && !quotaPreps[ts[w].low] && (beForms[ts[k].low] || k-1 > ka && beForms[ts[k-1].low] && isAdverb(ts[k])) {
		return false // "he was tortured", "they were brutally beaten"; not "it was over its quota"
	}
	if k := w - 1; k-1 > ka && ts[k].low == "by" && strings.HasSuffix(ts[k-1].low, "ed") {
		return false // "we cannot allow it to be jeopardized by unfair trading practices"
	}
	// The subject must be the wrong's own: in the same clause, and not
	// the maker of a charge ("it charged a director with insider
	// trading", "we accused them of fraud").
	if w-ka > 12 {
		return false
	}
	for k := ka + 1; k < w; k++ {
		l := ts[k].low
		if l == "that" || l == "who" || l == "which" || l == "whether" || l == "because" || l == ";" || ts[k].cue {
			return false
		}
		for _, p := range accusing {
			if strings.HasPrefix(l, p) {
				return false
			}
		}
		for _, p := range punitive {
			if strings.HasPrefix(l, p) && !strings.Contains(p, " ") {
				// "he would veto a trade bill requiring mandatory
				// retaliation for unfair trade": the wrong is another's.
				return false
			}
		}
		if l == "will" || l == "would" || l == "shall" || l == "'ll" {
			return false // an act to come owns to nothing done
		}
		if perceivers[l] {
			// "We are aware of the negative forces trying to manipulate
			// the market": the act perceived is another's.
			return false
		}
	}
	if w+1 < len(ts) && legalSteps[ts[w+1].low] {
		// "they began a criminal investigation of R.J. Reynolds": the
		// wrong is the matter of a legal step against another.
		return false
	}
	subj := ka
	first := ts[ka]
	switch first.low {
	case "we", "i":
		return true
	case "he", "she":
		// The speaker, when the pronoun agrees with it: "the company
		// said it had", "Smith said he had".
		return d.claimant == nil || d.claimant.typ == schema.Person
	case "it":
		if d.claimant == nil && observerText(d.claimantText) {
			// "'It's just disguised cheating,' one Japanese trader said":
			// an observer's "it" is what it observes.
			return false
		}
		if pluralSpeaker(d.claimantText) && !endsInName(d.claimantText, d.claimant) {
			// "criticism from Malaysian miners who have said it violated
			// an agreement": a group does not call itself "it" (though
			// "the United States" does).
			return false
		}
		return d.claimant == nil || d.claimant.typ != schema.Person
	case "they":
		// "Officials said they had": a plural source, named by no entity;
		// "Wedtech executives have said they paid bribes": the people of
		// a company, speaking of themselves.
		if d.claimant != nil && d.claimant.typ == schema.Organization && pluralSpeaker(d.claimantText) && !endsInName(d.claimantText, d.claimant) {
			return true
		}
		return d.claimant == nil && strings.HasSuffix(strings.ToLower(strings.TrimSpace(d.claimantText)), "s")
	}
	// A name in the first words: "Acme", "some Japanese companies".
	mine := func(e *entInfo) bool {
		if e == nil {
			return false
		}
		if e == d.claimant {
			return true
		}
		for _, s := range x.sides(d) {
			if s == e {
				return true
			}
		}
		return false
	}
	last := ts[min(subj, ka+2, w-1)]
	if ms := x.mentionsIn(first.start, last.end); len(ms) > 0 && mine(ms[0].e) {
		if ms[0].e == d.claimant && describedOnly(d.claimantText) {
			// "The company said that Medi-Rx violated terms of the
			// contract": a speaker told as "the company" that names
			// the wrongdoer by name is another party; a company owning
			// to its act says "it".
			return false
		}
		return true
	}
	for k := ka; k <= min(ka+2, w-1); k++ {
		if ts[k].capital && len(x.sides(d)) > 0 && mine(x.countryNamed(ts[k].text)) {
			return true
		}
	}
	return false
}

// pluralSpeaker reports whether an unresolved speaker's words end in a
// plural noun ("Malaysian miners", "some traders"), which "it" cannot
// stand for.
func pluralSpeaker(text string) bool {
	w := lastWord(text)
	return len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "'s") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is")
}

// endsInName reports whether text ends in a name or an alias of e, or
// in a word of one: "The United States", not "... Malaysian miners".
func endsInName(text string, e *entInfo) bool {
	if e == nil {
		return false
	}
	l := strings.ToLower(strings.TrimSpace(text))
	for n := range e.names {
		if n != "" && strings.HasSuffix(l, n) {
			return true
		}
	}
	if e.name != "" && strings.HasSuffix(l, strings.ToLower(e.name)) {
		return true
	}
	return e.words[lastWord(text)]
}

// lastWord returns the last word of text in lower case, without
// punctuation around it.
func lastWord(text string) string {
	f := strings.Fields(strings.ToLower(text))
	if len(f) == 0 {
		return ""
	}
	return strings.Trim(f[len(f)-1], ",.;:\"'()")
}

// implying are verbs by which a thing is said to follow from another.
var implying = set("imply", "implies", "implied", "mean", "means", "meant", "indicate", "indicates", "signify",
	"signifies", "constitute", "constitutes", "suggest", "suggests")

// impliesNot reports whether a negated verb of implying governs the cue at
// cs, within the six words before it ("did not imply Lloyd's accepted",
// "does not mean the company admits").
func impliesNot(ts []tok, cs int) bool {
	for k := max(0, cs-6); k < cs; k++ {
		if !implying[ts[k].low] {
			continue
		}
		for j := max(0, k-3); j < k; j++ {
			if l := ts[j].low; l == "not" || l == "n't" || l == "never" || l == "no" {
				return true
			}
		}
	}
	return false
}

// lineOfBusiness are nouns that make a word of wrongdoing before them the
// name of an insurer's line or a market ("medical malpractice coverage",
// "the malpractice book of business", "fraud insurance"), not a wrong.
var lineOfBusiness = set("insurance", "insurer", "insurers", "coverage", "book", "business", "policy", "policies",
	"premiums", "underwriting", "underwriter", "underwriters", "carrier", "carriers")

// guardedAgainst reports whether a hedge at i is the object of acting
// against a wrong in the four words before it: "to prevent possible
// fraud", "to avoid possible violations", "safeguards against possible
// abuse".
func guardedAgainst(ts []tok, i int) bool {
	for k := max(0, i-4); k < i; k++ {
		if l := ts[k].low; stoppers[l] || l == "avoid" || l == "avoiding" || l == "guard" || l == "safeguard" || l == "safeguards" ||
			l == "protect" || l == "protection" || l == "deter" || l == "detect" || l == "detecting" {
			return true
		}
	}
	return false
}

// stoppers are words of acting against a wrong that follows them ("an
// agreement to end dumping", "measures to curb insider trading").
var stoppers = set("end", "ending", "ended", "stop", "stopping", "halt", "halting", "prevent", "preventing", "curb",
	"curbing", "against", "combat", "combating", "fight", "fighting", "eliminate", "eliminating", "eradicate", "deter", "deterring")

// stopped reports whether the wrong at w is what an act in the content is
// against: a word of stoppers just before it ("Japan had been fully
// implementing the pact to end dumping semiconductors", "seek Syrian help
// in preventing a total Arab breach with Tehran"). It neither alleges nor
// owns to the wrong.
func stopped(ts []tok, ka, w int) bool {
	if !(w-1 >= ka && stoppers[ts[w-1].low] || w-2 >= ka && stoppers[ts[w-2].low] && (determiners[ts[w-1].low] || isAdverb(ts[w-1]) || ts[w-1].capital)) {
		return false
	}
	for k := ka; k < w; k++ {
		// "Japan failed to keep an agreement to end dumping", "Japan's
		// failure to end its unfair practices": a failure to stop the
		// wrong alleges it.
		if l := ts[k].low; strings.HasPrefix(l, "fail") || strings.HasPrefix(l, "refus") || l == "not" || l == "n't" || l == "never" {
			return false
		}
	}
	return true
}

// legalSteps are nouns of a legal step that a word of wrongdoing before
// them qualifies ("a criminal investigation", "fraud charges").
var legalSteps = set("investigation", "investigations", "inquiry", "inquiries", "probe", "probes", "charge", "charges",
	"case", "cases", "suit", "suits", "lawsuit", "complaint", "complaints", "prosecution", "proceedings", "indictment")

// accusing are stems of verbs whose subject charges or punishes another
// for a wrong.
var accusing = []string{"accus", "charg", "sue", "sued", "suing", "fine", "fined", "indict", "arrest", "blam", "investigat",
	"prosecut", "convict", "sentenc", "punish", "sanction", "condemn", "criticis", "criticiz", "alleg", "expel", "jail", "ban"}

// passiveAccused reads an allegation made in the passive without its
// maker ("Humberside Police have been accused of failing to act"): the
// subject is the accused, not the claimant, and the claimant is unnamed.
func (x *extractor) passiveAccused(ts []tok, d *draft) {
	if d.cs >= d.ce || d.ce > len(ts) || d.claimant == nil || d.srcA >= d.srcB || d.srcB > d.cs {
		return
	}
	vi := -1
	for k := d.cs; k < d.ce; k++ {
		switch ts[k].low {
		case "accused", "charged", "blamed", "suspected", "implicated", "alleged", "indicted":
			vi = k
		}
	}
	if vi <= 0 || !beForms[ts[vi-1].low] && !(vi >= 2 && beForms[ts[vi-2].low] && isAdverb(ts[vi-1])) {
		return
	}
	if a, _ := byAgent(ts, vi+1); a >= 0 {
		return
	}
	d.target = d.claimant
	if !containsID(d.about, d.target.id) {
		d.about = append(d.about, d.target.id)
	}
	d.claimant, d.claimantText, d.srcSpan = nil, "", schema.Span{}
}

// plea reads a plea in court: "pleaded guilty to fraud" acknowledges the
// charge, "pleaded not guilty", "pleads innocent" deny it. The cue is the
// verb, the content what was pleaded.
func plea(ts []tok, d *draft, ka, kb int) (schema.Stance, bool) {
	p := -1
	for k := d.cs; k < d.ce && k < len(ts); k++ {
		switch ts[k].low {
		case "plead", "pleads", "pleaded", "pled", "pleading":
			p = k
		}
	}
	// What was pleaded: the words after the verb, in the cue ("has
	// pleaded guilty") or opening the content.
	next := func(k int) string {
		if k < len(ts) && (k < d.ce || k >= ka && k < kb) {
			return ts[k].low
		}
		return ""
	}
	if p >= 0 && d.negated {
		return "", false // "did not plead guilty", "will not plead guilty"
	}
	if p < 0 && (d.stance == schema.Say || d.stance == schema.Report || d.stance == schema.Acknowledge) && !d.negated {
		p = pleaInContent(ts, ka, kb)
	}
	if p < 0 || next(p+1) == "" {
		return "", false
	}
	switch {
	case next(p+1) == "guilty":
		return schema.Acknowledge, true
	case next(p+1) == "not" && next(p+2) == "guilty", next(p+1) == "innocent":
		return schema.Deny, true
	}
	return "", false
}

// guiltyTo reports whether "guilty to" stands within the five words
// before the counts or charges at i: "plead guilty to two felony counts".
func guiltyTo(ts []tok, i int) bool {
	for k := max(1, i-5); k < i; k++ {
		if ts[k].low == "to" && ts[k-1].low == "guilty" {
			return true
		}
	}
	return false
}

// pleaInContent returns the plea verb opening a content, or -1: "said he
// would plead guilty", "agreed to plead guilty", "said it intends to plead
// guilty" (a plea to come, announced by the accused's side, owns to the
// charge). Not a negated, conditional or questioned one ("would not plead
// guilty", "whether he would plead guilty", "if he pleads guilty"), nor one
// refused or asked for ("refused to plead guilty", "urged him to plead").
//
// The plea may follow its subject and another verb of the same clause
// ("said founder and chairman Boyd L. Jefferies has resigned and intends
// to plead guilty"), up to pleaWindow words in, but not past a clause
// boundary or a verb that makes another party ask for or expect it
// ("allowed him to plead guilty", "expects them to plead guilty").
func pleaInContent(ts []tok, ka, kb int) int {
	for k := ka; k < kb && k < ka+pleaWindow; k++ {
		switch ts[k].low {
		case "plead", "pleads", "pleaded", "pled", "pleading":
			return k
		case "not", "n't", "never", "no", "if", "whether", "unless", "refused", "refuses", "declined", "urged", "asked",
			"wants", "want", "wanted", "should", "could", "might", "may", "?":
			return -1
		}
		if k >= ka+6 && pleaBounds[ts[k].low] {
			return -1
		}
	}
	return -1
}

// clearedOf returns the token after "of" in "cleared X of blame" at i
// (a wrong, blame, charges or allegations within a few words of the
// party cleared), else -1. Not "cleared the way", "cleared for takeoff",
// "cleared customs".
func clearedOf(ts []tok, i int) int {
	from := i + 2
	if passiveAt(ts, i) {
		from = i + 1 // "was cleared of the charges", "were acquitted on all counts"
	}
	for k := from; k+1 < len(ts) && k <= i+8; k++ {
		if ts[k].low == "," || ts[k].low == "for" || isEnd(ts[k]) {
			return -1
		}
		if ts[k].low != "of" && ts[k].low != "from" && ts[k].low != "on" {
			continue
		}
		j := k + 1
		for j < len(ts) && (determiners[ts[j].low] || ts[j].low == "all" || ts[j].low == "any") {
			j++
		}
		if j < len(ts) && (clearedOfWhat[ts[j].low] || wrongIn(ts, j, min(len(ts), j+3)) >= 0) {
			return k + 1
		}
	}
	return -1
}

// verdictFor reports whether a content (tokens a to b) is a party and a
// verdict that clears it: "Zentor not guilty", "the company not liable",
// "him innocent of the charges".
func verdictFor(ts []tok, a, b int) bool {
	for k := a + 1; k < b && k <= a+6; k++ {
		l := ts[k].low
		if l == "not" && k+1 < b && (ts[k+1].low == "guilty" || ts[k+1].low == "liable") || l == "innocent" {
			return true
		}
		if l == "," || l == "that" || auxiliaries[l] || ts[k].cue {
			return false
		}
	}
	return false
}

// passiveAt reports whether the verb at i is a passive participle: a form
// of "be" before it, past adverbs ("was largely cleared").
func passiveAt(ts []tok, i int) bool {
	p := i - 1
	for p >= 0 && isAdverb(ts[p]) {
		p--
	}
	return p >= 0 && beForms[ts[p].low] && strings.HasSuffix(ts[i].low, "ed")
}

// clearings are the verbs by which an authority clears a party of a
// charge or a wrong (clearedOf): "cleared him of all charges",
// "acquitted Zentor of fraud", "was exonerated from blame".
var clearings = set("cleared", "clears", "clearing", "acquitted", "acquits", "acquit", "acquitting", "exonerated",
	"exonerates", "exonerating")

// clearedOfWhat are what a party is cleared of besides a named wrong.
var clearedOfWhat = set("blame", "charges", "charge", "allegations", "allegation", "accusations", "wrongdoing",
	"responsibility", "liability", "guilt", "suspicion", "counts")

// pleaWindow bounds how far into a content a plea to come is read.
const pleaWindow = 14

// pleaBounds end the clause a plea to come may be read in, past its first
// six words.
var pleaBounds = set(",", ";", ":", "that", "which", "who", "whom", "because", "after", "before", "when", "while",
	"ask", "asks", "urge", "urges", "let", "lets", "allow", "allows", "allowed", "persuade", "persuaded", "expect",
	"expects", "expected", "force", "forced", "told", "tell", "tells", "would", "will")

// namesAllegation reports whether the words at k name an allegation as a
// thing ("press reports that", "the claims", "the allegations").
func (x *extractor) namesAllegation(ts []tok, k int) bool {
	for j := k; j < len(ts) && j < k+4; j++ {
		if allegationNouns[ts[j].low] {
			return true
		}
		if ts[j].low == "that" || ts[j].low == "," {
			return false
		}
	}
	return false
}

// believing are the verbs of belief whose content, when it rebuts a
// charge, is the believer's denial ("believe it to be totally without
// merit"); not "know" ("false statements which the stations knew were
// untrue" is part of what a complaint alleges).
var believing = set("believe", "think", "feel", "consider")

// rebuttals are words by which a statement asserts compliance or
// innocence ("we are faithfully abiding by the agreement", "have complied
// with", "they were honoring the pact", "that is fiction"); failures
// ("failed to live up", "failure to honor") are not.
var rebuttals = []string{"abiding", "abide by", "abided", "complied", "complying with", "lived up", "living up",
	"honoring the", "honouring the", "honoring its", "honouring its", "honoring their", "honouring their",
	"in good faith", "innocen", "not true", "untrue", "fiction", "nothing to that", "no foundation",
	"every right", "acted properly", "acted legally", "did nothing wrong", "done nothing wrong", "not guilty",
	"not run counter", "not violate", "no basis", "baseless", "groundless", "pact working", "pact is working",
	"frivolous", "without merit", "no merit", "meritless", "without foundation", "no legal basis", "no factual basis",
	"no legal merit"}

// continuing are the verbs before a rebuttal's "to" by which compliance
// goes on: "has continued to abide by", "continues to honor".
var continuing = set("continued", "continues", "continue", "continuing")

// rebuts reports whether content asserts compliance or innocence. An
// infinitive content ("agreed to cut output and abide by fixed prices")
// asserts nothing: it is an act to come.
func (x *extractor) rebuts(ts []tok, a, b int) bool {
	if a < b && ts[a].low == "to" {
		return false
	}
	if speakerDenies(ts, a, b) {
		return true
	}
	low := " " + strings.Join(lows(ts[a:b]), " ") + " "
	for _, r := range rebuttals {
		k := strings.Index(low, " "+r)
		if k < 0 {
			continue
		}
		before := strings.Fields(low[:k])
		failed := subordinate(before)
		for j := max(0, len(before)-3); j < len(before); j++ {
			switch before[j] {
			case "fail", "failed", "failing", "failure", "unwilling", "must", "should", "will", "to", "never", "has", "have":
				if before[j] == "to" && j+1 < len(before) && before[j+1] == "be" && j > 0 && pronouns[before[j-1]] != "" {
					// "believe it to be totally without merit": a
					// belief's small clause, no act to come.
					continue
				}
				if before[j] == "to" && j == len(before)-1 && j > 0 && continuing[before[j-1]] {
					// "has continued to abide by the memorandum": the
					// speaker's compliance goes on, no act to come ("will
					// continue to" stays one by its "will").
					continue
				}
				if !(before[j] == "has" || before[j] == "have") || j+1 < len(before) && before[j+1] == "not" {
					failed = true
				}
			case "not", "n't", "no":
				failed = !strings.HasPrefix(r, "not") && !strings.HasPrefix(r, "no ")
			}
		}
		if !failed {
			return true
		}
	}
	return false
}

// accusedIn returns the entity an allegation accuses: the first person or
// organisation named in its content, else any entity of the content, else
// the nearest entity named before the cue ("retaliate against Japan for
// violating the agreement").
func (x *extractor) accusedIn(ts []tok, d *draft, ka, kb int) *entInfo {
	if ka >= kb {
		return nil
	}
	if e := x.punishedParty(ts, d, ka, kb); e != nil {
		return e
	}
	if e := x.agentOf(ts, d, ka, kb); e != nil {
		return e
	}
	if e := x.accusedAmong(d, x.mentionsIn(ts[ka].start, ts[kb-1].end)); e != nil {
		return e
	}
	// "accuses Chinese hackers of breaching a network": a nationality
	// opening the accused names the country behind them.
	for k := ka; k < kb && k < ka+3; k++ {
		if determiners[ts[k].low] {
			continue
		}
		if ts[k].capital && k+1 < kb && !ts[k+1].capital {
			if _, ok := demonymCountry[ts[k].text]; ok {
				if c := x.countryNamed(ts[k].text); c != nil && (d.claimant == nil || c.id != d.claimant.id) {
					return c
				}
			}
		}
		break
	}
	if a := datelineEnd(ts, d.cs); d.cs > a {
		// Not the dateline's place or outlet: "LONDON (Example Times) -".
		ms := x.mentionsIn(ts[a].start, ts[d.cs-1].end)
		for k := len(ms) - 1; k >= 0; k-- {
			j := tokIndex(ts, ms[k].start)
			if ms[k].e.typ == schema.Place && placeModifier(ts, j, tokIndex(ts, ms[k].end)) {
				continue // "Rolf Amsel, a 43-year-old Boston investor, was indicted"
			}
			if d.claimant != nil && x.inApposition(ts, d, j) {
				// "Steve Chang, Professor of Food Science at Rutgers
				// University, said": the claimant's own side, named
				// with it before the cue.
				continue
			}
			if e := x.accusedAmong(d, ms[k:k+1]); e != nil {
				return e
			}
		}
	}
	return nil
}

// mainAccused gives the allegations that name no accused the party the
// document's other allegations accuse in the main: the one target of at
// least two of them and of more than half of those with a target ("The
// suit was filed in New York because trading allegedly took place here",
// in a story of the SEC's charges against Vaskevitch). Not when that
// party is the claimant, its channel or a side the claimant speaks for
// ("OPEC PRESIDENT SAYS OIL MARKET BEING MANIPULATED" accuses no one of
// OPEC).
func (x *extractor) mainAccused() {
	count := make(map[*entInfo]int)
	n := 0
	for _, d := range x.drafts {
		if d.stance == schema.Allege && d.target != nil {
			count[d.target]++
			n++
		}
	}
	var main *entInfo
	for e, c := range count {
		if main == nil || c > count[main] || c == count[main] && e.id < main.id {
			main = e
		}
	}
	if main == nil || count[main] < 2 || 2*count[main] <= n {
		return
	}
	for _, d := range x.drafts {
		if d.stance != schema.Allege || d.target != nil || d.claimant == main || d.channel == main || slices.Contains(x.sides(d), main) {
			continue
		}
		d.target = main
		if !containsID(d.about, main.id) {
			d.about = append(d.about, main.id)
		}
	}
}

// punishedParty returns the party a punishment for the wrong falls on:
// "sanctions imposed against Japan for alleged violations", "tariffs on
// Japanese electronic goods for alleged dumping", "a penalty from
// Continental Grain Co of the United States for alleged breach". The
// wrong (or the cue "alleged") follows "for" within four words, a
// punishment comes before "for" (punished), and the party is the first
// named after the nearest "against", "on" or "from" before it, or the
// country of a nationality within three words of that preposition; nil
// when there is none.
func (x *extractor) punishedParty(ts []tok, d *draft, ka, kb int) *entInfo {
	w := wrongIn(ts, ka, kb)
	if w < 0 {
		return nil
	}
	at := min(w, d.cs) // the cue may be the "for" itself
	f := -1
	for k := at; k >= 0 && k >= at-4; k-- {
		if ts[k].low == "for" {
			f = k
			break
		}
		if ts[k].low == "," || ts[k].low == ";" || ts[k].qopen || ts[k].qclose {
			break
		}
	}
	if f < 1 || !x.punished(ts, f) {
		return nil
	}
	other := func(e *entInfo) bool {
		return (d.claimant == nil || e.id != d.claimant.id) && (d.channel == nil || e.id != d.channel.id)
	}
	for j := f - 1; j >= 0 && j >= f-12; j-- {
		switch ts[j].low {
		case ",", ";", "for":
			return nil
		case "against", "on", "from":
		default:
			continue
		}
		if j+1 >= f {
			return nil
		}
		for _, m := range x.mentionsIn(ts[j+1].start, ts[f-1].end) {
			if m.e.typ != schema.Misc && !placeOnly(m.e) && other(m.e) {
				return x.government(m.e)
			}
		}
		for k := j + 1; k < f && k <= j+3; k++ {
			if _, ok := demonymCountry[ts[k].text]; ok && ts[k].capital {
				if c := x.countryNamed(ts[k].text); c != nil && other(c) {
					return c
				}
			}
		}
		return nil
	}
	return nil
}

// affiliates are the words that open what a claimant's apposition says
// of it: "Steve Chang, Professor at Rutgers University", "Dr Edward
// Mortimer of Case Western Reserve University".
var affiliates = set(",", "of", "at", "from", "for", "with")

// inApposition reports whether token j lies in the claimant's apposition
// or affiliation, within its source words before the cue ("Kenneth
// Morrison, staff associate at the Government Accountability Project,
// said", "Jake Garn, a Utah Republican, said", "Dr Edward Mortimer of
// Case Western Reserve University said"): after the claimant's name,
// which a comma or a preposition of affiliation (affiliates) follows.
// Such a name is the claimant's side, not the accused.
func (x *extractor) inApposition(ts []tok, d *draft, j int) bool {
	if d.claimant == nil || d.srcA >= d.srcB || d.srcB > d.cs || j < d.srcA || j >= d.srcB {
		return false
	}
	for _, m := range x.mentionsIn(ts[d.srcA].start, ts[d.srcB-1].end) {
		if m.e != d.claimant {
			continue
		}
		k := tokIndex(ts, m.end)
		return k < j && affiliates[ts[k].low]
	}
	return false
}

// agentOf returns the doer of the first wrong of the content: the agent
// after it ("violations by Japan"), else the nearest name before it in
// the sentence ("Japan's alleged violations", "the SEC said Vaskevitch
// leaked information"), not the claimant, the channel, nor a name after
// "by" (the maker of a charge: "the complaint filed by the SEC"). A city
// stands for its country's government when the document names the
// country ("Tokyo's alleged failure").
func (x *extractor) agentOf(ts []tok, d *draft, ka, kb int) *entInfo {
	w := wrongIn(ts, ka, kb)
	if w < 0 {
		return nil
	}
	skip := func(e *entInfo) bool {
		return d.claimant != nil && e.id == d.claimant.id || d.channel != nil && e.id == d.channel.id
	}
	if e := x.relativeDoer(ts, w, kb); e != nil && !skip(e) {
		// "the payoffs the company allegedly made": the subject of a
		// relative clause on the wrong did it.
		return e
	}
	if c := x.demonymBefore(ts, w); c != nil && !skip(c) {
		// "an Iranian attack against American ships": the nationality
		// that qualifies the wrong names its doer.
		return c
	}
	for k := w + 1; k < kb && k <= w+4; k++ {
		if ts[k].low == "by" && k+1 < kb {
			if ms := x.mentionsIn(ts[k+1].start, ts[min(kb, k+4)-1].end); len(ms) > 0 && !skip(ms[0].e) {
				return x.government(ms[0].e)
			}
			break
		}
	}
	ms := x.mentionsIn(ts[datelineEnd(ts, w)].start, ts[w].start)
	for i := len(ms) - 1; i >= 0; i-- {
		m := ms[i]
		if skip(m.e) || m.e.typ == schema.Misc || placeOnly(m.e) {
			continue
		}
		k := tokIndex(ts, m.start)
		if m.e.typ == schema.Place && placeModifier(ts, k, tokIndex(ts, m.end)) {
			continue // "a New York investor", "an investment firm in Naples"
		}
		p := k - 1
		for p >= 0 && determiners[ts[p].low] {
			p--
		}
		if p >= 0 && (ts[p].low == "by" || ts[p].low == "to" || ts[p].low == "with") {
			continue // "charges filed by the SEC"
		}
		if k < ka && k < d.ce && k >= d.cs-8 && d.cs > 0 {
			break // a name before the cue is the claimant's side of it
		}
		return x.government(m.e)
	}
	return nil
}

// doneVerbs are the verbs of a relative clause on a wrong whose subject
// did the wrong: "the payoffs the company allegedly made", "the fraud
// which he committed".
var doneVerbs = set("made", "paid", "committed", "perpetrated", "carried", "ran", "took", "received", "gave", "offered",
	"arranged", "orchestrated", "engineered", "did")

// relativeDoer returns the person or organisation that is the subject of
// a relative clause right after the wrong at w ("the payoffs the company
// allegedly made to win contracts", "the bribes that Acme paid"), with a
// verb of doing (doneVerbs); else nil.
func (x *extractor) relativeDoer(ts []tok, w, kb int) *entInfo {
	k := w + 1
	if k < kb && (ts[k].low == "that" || ts[k].low == "which") {
		k++
	}
	if k >= kb {
		return nil
	}
	ms := x.mentionsIn(ts[k].start, ts[min(kb, k+6)-1].end)
	if len(ms) == 0 || ms[0].start != ts[k].start || ms[0].e.typ != schema.Person && ms[0].e.typ != schema.Organization {
		return nil
	}
	j := tokIndex(ts, ms[0].end)
	for n := 0; n < 2 && j < kb; n++ {
		switch ts[j].low {
		case "allegedly", "reportedly", "had", "has", "have", "apparently":
			j++
			continue
		}
		break
	}
	if j < kb && doneVerbs[ts[j].low] {
		return ms[0].e
	}
	return nil
}

// demonymBefore returns the country of a nationality that qualifies the
// wrong at w ("an Iranian attack", "Japanese dumping", "the alleged Iraqi
// violations": the word right before it, or before an adjective of
// allegation), when the document names that country; else nil.
func (x *extractor) demonymBefore(ts []tok, w int) *entInfo {
	k := w - 1
	if k >= 0 && (ts[k].low == "alleged" || ts[k].low == "suspected" || ts[k].low == "reported") {
		k--
	}
	// One or two nouns may stand between: "the Iraqi missile attack",
	// "an Iranian Silkworm missile strike".
	for n := 0; n < 2 && k > 0 && !ts[k].capital && isWord(ts[k].low) && !stop(ts[k].low) && ts[k-1].capital; n++ {
		k--
	}
	for n := 0; n < 2 && k > 0 && ts[k].capital && !ts[k].qclose; n++ {
		if _, ok := demonymCountry[ts[k].text]; ok {
			break
		}
		if _, ok := demonymCountry[ts[k-1].text+" "+ts[k].text]; ok {
			break // "West German"
		}
		if n == 1 || len(x.mentionsIn(ts[k].start, ts[k].end)) > 0 {
			return nil
		}
		k-- // a name of the weapon: "Silkworm"
	}
	if k < 0 || !ts[k].capital || ts[k].qclose {
		return nil
	}
	if k > 0 {
		if _, ok := demonymCountry[ts[k-1].text+" "+ts[k].text]; ok {
			return x.countryNamed(ts[k-1].text + " " + ts[k].text)
		}
	}
	if _, ok := demonymCountry[ts[k].text]; !ok {
		return nil
	}
	return x.countryNamed(ts[k].text)
}

// stop reports whether a word is a function word, which no noun between a
// nationality and a wrong is.
func stop(w string) bool {
	return determiners[w] || auxiliaries[w] || pronouns[w] != "" || negations[w] || w == "and" || w == "or" || w == "of" || w == "to" || w == "in" || w == "on" || w == "for" || w == "by" || w == "with"
}

// placeOnly reports whether an entity is a place that is neither a
// country nor a city: a region, a state, a sea or a district ("in the
// Gulf", "its Murdochville, Quebec copper mine", "officials in Maine"),
// where a wrong is done, not who does it.
func placeOnly(e *entInfo) bool {
	return e.typ == schema.Place && e.kind != schema.KindCountry && e.kind != schema.KindCity
}

// placeModifiers are the words before a place that make it a modifier
// of a party's kind, not the party: "a New York investor", "his Los
// Angeles brokerage firm", "an Ohio company".
var placeModifiers = set("a", "an", "his", "her", "its", "their", "our", "my", "your")

// placeModifier reports whether the place whose mention spans tokens
// [k, e) qualifies the accused rather than being the accused: the word
// before it (or before an adjective of a number or a hyphen, "a
// 43-year-old New York investor") is an indefinite article or a
// possessive (placeModifiers), or "based" follows it ("the Houston based
// gas company"). "the United States violated" and "Japan's violations"
// are parties still; so is a place after a preposition, which may be where
// the wrong was done or the party that did it ("imports of U.S. corn
// gluten feed").
func placeModifier(ts []tok, k, e int) bool {
	if e < len(ts) && (ts[e].low == "based" || ts[e].low == "-" && e+1 < len(ts) && ts[e+1].low == "based") {
		return true
	}
	p := k - 1
	if p > 0 && !ts[p].capital && (strings.Contains(ts[p].low, "-") || isNumber(ts[p].low)) {
		p--
	}
	return p >= 0 && placeModifiers[ts[p].low]
}

// government returns the country a city stands for ("Tokyo's alleged
// failure": Japan) when the document names it, else the entity itself.
func (x *extractor) government(e *entInfo) *entInfo {
	if e.typ == schema.Place && e.kind == schema.KindCity {
		if c := x.countryNamed(e.name); c != nil && c != e {
			return c
		}
	}
	return e
}

// accusedAmong returns the first person or organisation of ms that is not
// the claimant or channel, else the first place or nationality. A plural
// description ("the firms") is none: named anywhere in the content, it
// need not be the wrong's doer ("cut abuse by contractors but dictated
// that the firms assume more risk").
func (x *extractor) accusedAmong(d *draft, ms []mref) *entInfo {
	var place *entInfo
	for _, m := range ms {
		if d.claimant != nil && m.e.id == d.claimant.id || d.channel != nil && m.e.id == d.channel.id || x.pluralAt[m.start] {
			continue
		}
		switch m.e.typ {
		case schema.Person, schema.Organization:
			return m.e
		default:
			if place == nil && !placeOnly(m.e) {
				place = m.e
			}
		}
	}
	return place
}

// covered reports whether token k lies in an allegation draft's cue or
// content.
func covered(ts []tok, ds []*draft, k int) bool {
	for _, d := range ds {
		if d.stance != schema.Allege {
			continue
		}
		if ts[k].start >= d.cont[0] && ts[k].end <= d.cont[1] || k >= d.cs && k < d.ce {
			return true
		}
	}
	return false
}

// unvoiced adds the allegations of sentence si that no reporting verb
// introduces.
func (x *extractor) unvoiced(si int, ds []*draft) {
	ts := x.toks(si)
	n := len(ts)
	for i := 0; i < n; i++ {
		t := ts[i]
		if t.inQ || t.qopen || t.qclose || covered(ts, ds, i) {
			continue
		}
		var d *draft
		switch {
		case t.low == "charged" || t.low == "charging" || t.low == "indicted" || (t.low == "charges" || t.low == "charge") && i+1 < n && (ts[i+1].low == "that" || x.clauseAt(ts, i+1, false)) ||
			(t.low == "charges" || t.low == "charge") && i > 0 && !determiners[ts[i-1].low] && !nounBefore[ts[i-1].low] && !isNumber(ts[i-1].low) && x.chargesWith(ts, i):
			if !mayBe(ts, i) {
				// "could now charge that U.S. farm programs create an
				// unfair subsidy": a charge that may come.
				d = x.charge(si, ts, i)
			}
		case t.low == "convicted" && convictionForWrong(ts, i):
			// "was convicted of seven counts of mail and wire fraud", "TWO
			// CONVICTED OF SECURITIES FRAUD": a conviction for a wrong is
			// the court's allegation, the convicted its accused, as an
			// indictment is.
			d = x.charge(si, ts, i)
		case t.low == "alleging" || t.low == "alleges" || t.low == "allege" || t.low == "alleged" && i > 0 && i+1 < n && (ts[i+1].low == "that" || ts[i+1].low == ",") && !beForms[ts[i-1].low]:
			// "sued Genentech alleging its product infringed", "the suit
			// alleges that": the verb marks an allegation whatever it
			// alleges.
			if i > 0 && (ts[i-1].low == "to" || ts[i-1].low == "not" || ts[i-1].low == "n't") || mayBe(ts, i) {
				break
			}
			d = x.allegingVerb(si, ts, i)
		case t.low == "alleged" || t.low == "allegedly" || t.low == "alledged":
			// "allegedly faked", "an alleged fraud": the reporter's hedge
			// marks an allegation, even inside an investigation of it.
			if w := wrongIn(ts, i-6, min(n, i+10)); w >= 0 || t.low == "allegedly" || wrongAfter(ts, i) || hedgedAct(ts, i) || allegedTo(ts, i) {
				d = x.hedged(si, ts, i)
			}
		case (t.low == "suspected" || t.low == "possible" || t.low == "apparent") && wrongAfter(ts, i) && !guardedAgainst(ts, i):
			// "a suspected currency swindle", "an investigation into
			// possible violations of securities laws": the reporter's
			// hedge on a wrong, as "alleged" is, even inside an
			// investigation of it.
			d = x.hedged(si, ts, i)
		case (t.low == "count" || t.low == "counts" || t.low == "charge" || t.low == "charges") && i+2 < n && (ts[i+1].low == "of" || ts[i+1].low == "for") &&
			guiltyTo(ts, i) && wrongIn(ts, i+2, min(n, i+9)) >= 0:
			// "agreed to plead guilty to two felony counts of securities
			// violations": the counts are the prosecution's allegation,
			// which the plea acknowledges.
			d = x.nounDraft(si, ts, i, i+2)
		case (t.low == "count" || t.low == "counts" || t.low == "charge" || t.low == "charges") && i > 0 && guiltyTo(ts, i) && wrongIn(ts, max(0, i-2), i) >= 0:
			// "intends to plead guilty to two felony counts.": the
			// wrong before the counts.
			d = x.nounDraft(si, ts, i, max(0, i-2))
		case t.low == "under" && i+2 < n && (ts[i+1].low == "fire" || ts[i+1].low == "attack" || ts[i+1].low == "criticism"):
			// "BAKER UNDER FIRE FOR WALL STREET DROP", "is now under
			// attack for alleged cut-throat selling", "came under fire in
			// Congress for its plans": criticism of the subject for an
			// act.
			d = x.underFire(si, ts, i)
		case t.low == "sued" || t.low == "sues" || t.low == "suing":
			d = x.sued(si, ts, i)
			if d == nil {
				d = x.suedSpeaker(si, ts, ds, i)
			}
		case t.low == "investigating" || t.low == "under" || probeNouns[t.low]:
			// "are investigating Occidental", "are under investigation",
			// "an FBI criminal investigation into Morton Thiokol".
			d = x.investigation(si, ts, i)
		case (estimating[t.low] || namingWrongdoers[t.low]) && x.estimateAt(ts, i) >= 0:
			// "Traders ... estimate OPEC is producing ... above a
			// ceiling", "They named Kuwait ... among those producing above
			// quota".
			d = x.subjectDraft(si, ts, i, i+1, x.estimateAt(ts, i), n)
		case x.legalStepAt(ts, i) >= 0 && !mayBe(ts, i):
			// "filed a class action complaint against the company", "a
			// lawsuit it filed today against Coastal", "the lawsuit seeks
			// ... damages from Coastal", "LAWSUITS OVER U.S. RAID".
			d = x.filedAgainst(si, ts, i, x.legalStepAt(ts, i))
		case (t.low == "suspicion" || t.low == "suspected") && i+1 < n && ts[i+1].low == "of" && i+2 < n:
			// "arrested on suspicion of espionage", "is suspected of
			// making false statements": the hedge names the act, whatever
			// its words.
			d = x.hedged(si, ts, i)
		case t.low == "for" && i+1 < n:
			if w := wrongIn(ts, i+1, min(n, i+8)); w >= 0 && x.punished(ts, i) && !x.lawCase(ts, w) {
				d = x.subjectDraft(si, ts, i, i+1, i+1, n)
			}
		case allegationNouns[t.low] && i+1 < n && (ts[i+1].low == "that" || ts[i+1].low == "of" || x.clauseAt(ts, i+1, true) && x.deniedIn(ds, t) != nil):
			// The clause may follow without its "that" when the noun is
			// denied: "dismissed allegations he ordered the shredding of
			// documents as completely untrue".
			ca := i + 2
			if ts[i+1].low != "that" && ts[i+1].low != "of" {
				ca = i + 1
			}
			wrong := wrongIn(ts, ca, min(n, i+16)) >= 0
			if proposals[t.low] && !wrong && !scornedHere(ts, i) {
				// "rejected a U.K. suggestion that his country seek IMF
				// help": a proposal, whose rejection denies nothing; one
				// that is scorned is damaging ("bristle at the suggestion
				// that the company entered bankruptcy to spite Pennzoil").
				break
			}
			// "allegations of misconduct", "accusations that the vessels
			// were undertaking espionage", "charges that": the noun marks
			// an allegation whatever its words.
			marks := (t.low == "allegation" || t.low == "allegations" || t.low == "accusation" || t.low == "accusations" ||
				(t.low == "charges" || t.low == "charge") && ts[i+1].low == "that") && !mayBe(ts, i)
			den := x.deniedIn(ds, t)
			if !marks && !wrong && (dealOnly(ts, ca) || plannedOnly(ts, ca)) {
				// "denied a report that it is interested in acquiring
				// International Minerals": a deal, no wrong or damage;
				// "denied a report that Japan will end its semiconductor
				// agreement": a plan.
				break
			}
			if den != nil || scornedHere(ts, i) || (!inContent(ds, t) || x.possessed(ts, i)) && wrong || marks {
				d = x.nounDraft(si, ts, i, ca)
				if d != nil && den != nil && den.cont[0] > t.end {
					// "denounced press reports that his wife is running
					// the government": the denial answers the reports
					// it names before its content.
					d.deniedBy = den
				}
			}
		case accusationNouns[t.low] && i+2 < n && ts[i+1].low == "by" && x.deniedHere(ds, t):
			// "have said the charges by the ASA that palm oil consumption
			// increases blood cholesterol ... are untrue": a denied charge
			// with its maker between it and what it says.
			if a := madeThat(ts, i); a > 0 {
				d = x.nounDraft(si, ts, i, a)
			}
		case deniedNouns[t.low] && !mayBe(ts, i) && x.deniedIn(ds, t) != nil && (ownWordsBefore(ts, x.deniedIn(ds, t), i) || i+2 < n && ts[i+1].low == "of"):
			// "SAUNDERS DENIES "PAPER SHREDDING" ALLEGATIONS", "rejected
			// Sonat's counterclaim of fraud", "rebuffed recent U.S.
			// criticism of West Germany": a denial of an allegation named
			// with its matter reports that allegation, against the
			// denier. A bare "the charges" names none of its own, nor
			// does one named by its maker only ("denied Botha's
			// charges": makerOnly).
			den := x.deniedIn(ds, t)
			if t.low == "criticism" || t.low == "criticisms" {
				if d = x.criticismNoun(si, ts, i); d != nil {
					d.deniedBy = den
				}
				break
			}
			a, b := i+2, n
			if i+1 >= n || ts[i+1].low != "of" {
				// The noun's own words before it are its matter.
				a, b = i, i+1
				for a > 0 && ts[a-1].end > den.cueSpan.End && ts[a-1].start >= den.cont[0] && !determiners[ts[a-1].low] &&
					!(bareModifiers[ts[a-1].low] && isWordTok(ts[a-1].low)) {
					a--
				}
				kb := i + 1
				for kb < n && ts[kb].end <= den.cont[1] {
					kb++
				}
				if wrongIn(ts, i+1, kb) >= 0 {
					// "refute U.S. charges Japan has violated a pact": the
					// wrong the noun's clause names, and its doer.
					b = kb
				}
				if b == i+1 && x.makerOnly(ts, a, i) {
					// "denied Botha's charges", "disputed Keating's
					// allegations": the noun names who made the
					// allegation and nothing of what it says, which the
					// story tells in a sentence of its own. The denial
					// answers it; it reports nothing (the guide: an
					// answer span only).
					break
				}
			}
			if d = x.nounDraft(si, ts, i, a); d != nil {
				if c := x.trim(ts, a, b); c[1] > c[0] && c[1] <= den.cont[1] {
					d.cont = c
				} else if c[1] > den.cont[1] && den.cont[1] > d.cont[0] {
					d.cont[1] = den.cont[1]
				}
				d.denier, d.deniedBy = den.claimant, den
				if d.claimant == nil {
					d.claimantText = ts[i].text
				}
			}
		case rumourNouns[t.low] && i+1 < n && !alleged(ds, t):
			// "market rumours that Hutton could be in financial
			// difficulties", "rumours in London financial markets that
			// the firm was in financial trouble", "RUMOURED SOLVENCY
			// PROBLEMS": a rumour the document denies is an allegation
			// of a damaging, disputed fact, whatever its words; its
			// target, unless it names one, is who denies it.
			a := rumourContent(ts, i)
			if a < 0 || dealOnly(ts, a) || plannedOnly(ts, a) && wrongIn(ts, a, n) < 0 {
				break
			}
			if by, in := x.rumourDenier(ds, t); by != nil {
				d = x.nounDraft(si, ts, i, a)
				if d != nil {
					d.denier, d.deniedBy = by, in
				}
			}
		case (t.low == "criticism" || t.low == "criticisms") && i+2 < n && (ts[i+1].low == "of" || ts[i+1].low == "by") && !inContent(ds, t) && !mayBe(ts, i):
			// "reacting to recent criticism of U.S. meat inspection",
			// "criticism by Baker of the tightening in West German
			// monetary policy": criticism of a named party's act.
			d = x.criticismNoun(si, ts, i)
		case accusationNouns[t.low] && i+2 < n && ts[i+1].low == "against" && len(x.mentionsIn(ts[i+2].start, ts[min(n, i+5)-1].end)) > 0 &&
			!mayBe(ts, i):
			// "accusations against the Soviet Union": an accusation of a
			// named target, whatever it accuses it of. Its maker is
			// named before the noun or after "by", else not at all: the
			// sentence's subject may be the one who answers it
			// ("Petrovsky said ... Washington had chosen this time to
			// make accusations against the Soviet Union").
			d = x.nounDraft(si, ts, i, i+2)
		case allegationNouns[t.low] && i > 0 && !inContent(ds, t) && wrongIn(ts, max(0, i-3), i) >= 0:
			// "insider trading charges filed by the SEC".
			d = x.nounDraft(si, ts, i, max(0, i-3))
		case rulings[t.low] && rulingContent(ts, i) > 0:
			// "ruling that Texaco unlawfully interfered", "ruled today
			// subsidized U.S. corn imports were injurious to Canadian
			// growers", "the ruling earlier today by the tribunal that
			// ...": a finding of a wrong by an authority.
			if a := rulingContent(ts, i); wrongIn(ts, a, n) >= 0 {
				d = x.subjectDraft(si, ts, i, i+1, a, n)
				if d == nil && (ts[i].low == "ruling" || ts[i].low == "finding") {
					// "the ruling ... by the Canadian Import Tribunal that":
					// the maker after "by".
					d = x.nounDraft(si, ts, i, a)
				} else if d == nil && i > 0 {
					// "The Canadian Import Tribunal ruled today ...": the
					// noun phrase before the verb.
					p := i - 1
					for p >= 0 && (auxiliaries[ts[p].low] || isAdverb(ts[p])) {
						p--
					}
					if src := leftNP(ts, p+1); src <= p {
						if d = x.newDraft(si, ts, i, i+1, a); d != nil {
							x.source(si, ts, d, src, p+1)
							if d.claimant == nil && d.claimantText == "" {
								d = nil
							}
						}
					}
				}
			}
		case clearings[t.low] && i > 0 && clearedOf(ts, i) > 0 && passiveAt(ts, i):
			// "Zentor was cleared of the charges by a federal jury",
			// "was acquitted on all counts": the subject is the party
			// cleared, the agent after "by" (if any) clears it.
			if d = x.newDraft(si, ts, i, i+1, i+1); d != nil {
				if a, b := byAgent(ts, i+1); b > a {
					x.source(si, ts, d, a, b)
				}
				p := i - 1
				for p > 0 && (isAdverb(ts[p]) || auxiliaries[ts[p].low]) {
					p--
				}
				for _, m := range x.mentionsIn(ts[leftNP(ts, p+1)].start, ts[p].end) {
					if !containsID(d.about, m.e.id) {
						d.about = append(d.about, m.e.id)
					}
				}
				if len(d.about) == 0 {
					d = nil
				} else {
					d.nominalDenial, d.clears = true, true
				}
			}
		case clearings[t.low] && i > 0 && clearedOf(ts, i) > 0:
			// "the auditors' report largely cleared the management of
			// Volkswagen of blame", "a court cleared him of all charges",
			// "a jury acquitted him of fraud": a finding of no wrong by
			// whoever clears.
			if d = x.newDraft(si, ts, i, i+1, i+1); d != nil {
				d.clears = true
				a, b := sentenceSubject(x.in.Model, ts, i)
				if b <= a {
					p := i
					for p > 0 && isAdverb(ts[p-1]) {
						p--
					}
					a, b = leftNP(ts, p), p
					if p > 0 && ts[p-1].low == "," {
						// "An auditors' report on the affair, prepared in
						// time for the meeting, largely cleared".
						if c0, a0 := x.appositionStart(ts, p-1); c0 > 0 {
							a, b = a0, c0
						}
					}
				}
				x.source(si, ts, d, a, b)
				if d.claimant == nil && d.claimantText == "" {
					d = nil
				} else {
					d.nominalDenial = true
				}
			}
		case (t.low == "denial" || t.low == "denials") && i > 1 && i+2 < n && ts[i+1].low == "that" && (ts[i-1].low == "'s" || ts[i-1].low == "'"):
			// "OPEC members' denials that they are producing over their
			// quotas": the possessor's denial of what follows.
			if a := leftNP(ts, i-1); a < i-1 {
				if d = x.newDraft(si, ts, i, i+1, i+2); d != nil {
					x.source(si, ts, d, a, i-1)
					if d.claimant == nil && d.claimantText == "" {
						d = nil
					} else {
						d.nominalDenial = true
					}
				}
			}
		case (t.low == "reported" || t.low == "described") && i > 0 && (beForms[ts[i-1].low] || ts[i-1].low == "widely"):
			if wrongIn(ts, i+1, n) >= 0 || x.deniedHere(ds, t) {
				d = x.passiveReport(si, ts, i)
			}
		}
		if d == nil || !d.nominalDenial && d.deniedBy == nil && negatedStep(ts, d.cs) {
			continue
		}
		if !d.nominalDenial && suitWords[t.low] && x.headline(si) && shouting(ts) && !stepActNamed(ts, i) {
			// "MELLON <MEC> SUED BY SHAREHOLDER", "<SPENCER COS> SUES
			// CHASE MANHATTAN", "COURT DISMISSES FMC SUIT AGAINST
			// BOESKY": a headline that names a suit and no act is no
			// allegation (the guide, t4, d6, d12); the accused's vow to
			// fight it still answers it (dropStepsOnly).
			d.stepOnly = true
		}
		// A cue of the trained model on the same words ("The
		// indictment charged [say] ...") gives way to the charge.
		model := func(o *draft) bool { return o.sent == si && o.kind == modelCue && o.cs < d.ce && d.cs < o.ce }
		x.drafts = slices.DeleteFunc(x.drafts, model)
		ds = slices.DeleteFunc(ds, model)
		if dd := x.scorned(si, ts, i, d); dd != nil {
			// The cue's own reading ("Reagan called [say]: charges ...")
			// gives way to the denial it makes.
			same := func(o *draft) bool { return o.sent == si && o.cs == dd.cs && o.stance != schema.Deny }
			x.drafts = slices.DeleteFunc(x.drafts, same)
			ds = slices.DeleteFunc(ds, same)
			x.drafts = append(x.drafts, dd)
			ds = append(ds, dd)
		}
		s := x.in.Sentences[si]
		d.evidence = x.span(s.Start, s.End)
		x.finishDraft(ts, d)
		if d.nominalDenial {
			d.stance = schema.Deny
			x.drafts = append(x.drafts, d)
			ds = append(ds, d)
			i = d.ce - 1
			continue
		}
		d.stance = schema.Allege
		ka, kb := contentToks(ts, d)
		if d.target == nil {
			d.target = x.accusedIn(ts, d, ka, kb)
			if d.target == nil {
				d.target = d.denier
			}
			if d.target != nil && !containsID(d.about, d.target.id) {
				d.about = append(d.about, d.target.id)
			}
		}
		x.drafts = append(x.drafts, d)
		ds = append(ds, d)
		i = d.ce - 1
	}
}

// deniedNouns name an allegation that a denial may name as its object.
var deniedNouns = set("allegation", "allegations", "accusation", "accusations", "charges", "claims", "counterclaim",
	"counterclaims", "criticism", "criticisms")

// bareModifiers are words before an allegation noun that name neither
// its maker nor its matter: "all the charges", "recent allegations".
var bareModifiers = set("all", "any", "such", "these", "those", "recent", "new", "latest", "similar", "earlier",
	"previous", "further", "other", "fresh", "renewed", "repeated", "various", "many", "several", "both", "\"", "'")

// ownWordsBefore reports whether the allegation noun at i, inside the
// content of the denial den, has words of its own before it: its maker or
// its matter ("Botha's charges", ""PAPER SHREDDING" ALLEGATIONS", "the
// Lyon Foods claims"), not only determiners and bare modifiers ("the
// charges", "all allegations").
func ownWordsBefore(ts []tok, den *draft, i int) bool {
	own := false
	for k := i - 1; k >= 0 && ts[k].end > den.cueSpan.End && ts[k].start >= den.cont[0]; k-- {
		if i-k > 5 || isEnd(ts[k]) || ts[k].low == "," || npBreaks[ts[k].low] || ts[k].cue {
			// Not the noun's own phrase: "no evidence for the
			// allegations".
			return false
		}
		if !determiners[ts[k].low] && !bareModifiers[ts[k].low] && isWordTok(ts[k].low) || ts[k].low == "'s" || ts[k].low == "'" {
			own = true
		}
	}
	return own
}

// makerOnly reports whether the words ts[a:i] that an allegation noun at
// i keeps before it name only who made it: none at all past a possessive
// determiner ("Botha's charges", "Keating's allegations"), or names and
// possessive marks ("LYON FOODS CLAIMS"), nothing of what it alleges
// ("PAPER SHREDDING ALLEGATIONS", "CHIP MARKET DOMINATION CHARGES").
func (x *extractor) makerOnly(ts []tok, a, i int) bool {
	if a >= i {
		return true
	}
	ms := x.mentionsIn(ts[a].start, ts[i-1].end)
	for k := a; k < i; k++ {
		if ts[k].low == "'s" || ts[k].low == "'" {
			continue
		}
		named := false
		for _, m := range ms {
			if m.start <= ts[k].start && ts[k].end <= m.end {
				named = true
				break
			}
		}
		if !named {
			return false
		}
	}
	return true
}

// npBreaks are words that end a noun phrase read leftward from its noun:
// prepositions, verbs of being and negations.
var npBreaks = set("for", "of", "in", "on", "at", "to", "from", "with", "about", "by", "over", "against", "into", "that",
	"which", "who", "there", "is", "was", "were", "are", "be", "been", "being", "has", "have", "had", "no", "not", "n't",
	"nor", "or", "if", "whether", "than", "as")

// madeThat returns the first token of what an allegation noun at i says
// after its maker ("the charges by the ASA that ..."), or -1.
func madeThat(ts []tok, i int) int {
	for k := i + 2; k < len(ts) && k <= i+9; k++ {
		switch {
		case ts[k].low == "that":
			return k + 1
		case isEnd(ts[k]) || ts[k].low == "," || ts[k].cue:
			return -1
		}
	}
	return -1
}

// rumourNouns name a rumour: what is said without a source that answers
// for it.
var rumourNouns = set("rumour", "rumours", "rumor", "rumors", "rumoured", "rumored", "speculation")

// rumourContent returns the first token of what the rumour at i says, or
// -1: "rumours that ...", "rumours of ...", "rumours in London financial
// markets that ...", "rumoured solvency problems".
// plans are the words after a subject that make what follows a plan or
// an intention: "will", "would", "intends to", "plans to", "is to".
var plans = set("will", "would", "'ll", "intends", "intended", "intend", "plans", "planned", "plan", "planning",
	"aims", "aimed", "wants", "wanted", "is", "was", "were", "are")

// plannedOnly reports whether the content at ts[a:] tells only a plan or
// an intention of its subject (its first verb "will", "would", "intends
// to", "plans to", "is to" and a verb other than "be"): "a local news
// agency report that Japan will end its semiconductor agreement", "a
// published report that it would announce a startup decision", "rumours
// that it intends to impose foreign exchange controls". A rumour that a
// party could be in trouble, or did something, is no plan.
func plannedOnly(ts []tok, a int) bool {
	for k := a; k < len(ts) && k <= a+8 && !isEnd(ts[k]) && ts[k].low != ","; k++ {
		l := ts[k].low
		if !plans[l] {
			continue
		}
		v := k + 1
		if l != "will" && l != "would" && l != "'ll" {
			if beForms[l] && (v >= len(ts) || ts[v].low != "to") && ts[v].low != "planning" && ts[v].low != "going" {
				return false // "was in trouble", "is insolvent"
			}
			for v < len(ts) && v <= k+3 && ts[v].low != "to" {
				v++
			}
			v++
		}
		return v < len(ts) && !beForms[ts[v].low] && ts[v].low != "have" && lowerWord(ts[v].low)
	}
	return false
}

func rumourContent(ts []tok, i int) int {
	if l := ts[i].low; l == "rumoured" || l == "rumored" {
		if i+1 < len(ts) && !isEnd(ts[i+1]) && ts[i+1].low != "to" && ts[i+1].low != "that" {
			return i + 1 // "rumoured heavy losses"; not "was rumoured to"
		}
		return -1
	}
	if ts[i+1].low == "the" || ts[i+1].low == "a" {
		// "rumors the Wall Street firm suffered bond trading losses".
		for k := i + 2; k < len(ts) && k <= i+7 && !isEnd(ts[k]) && ts[k].low != ","; k++ {
			if l := ts[k].low; len(l) > 4 && strings.HasSuffix(l, "ed") && !ts[k].capital || l == "had" || l == "was" || l == "were" {
				return i + 1
			}
		}
	}
	for k := i + 1; k < len(ts) && k <= i+6; k++ {
		switch l := ts[k].low; {
		case l == "that" || l == "of" && k == i+1:
			return k + 1
		case isEnd(ts[k]) || l == "," || ts[k].cue || l == "had" || l == "have" || l == "has" || beForms[l]:
			return -1
		}
	}
	return -1
}

// describedOnly reports whether a claimant's words are only a description
// ("the company", "The firm"), no name of its own.
func describedOnly(text string) bool {
	f := strings.Fields(strings.ToLower(text))
	return len(f) == 2 && (f[0] == "the" || f[0] == "this") && (f[1] == "company" || f[1] == "firm" || f[1] == "group" || f[1] == "bank")
}

// dealWords name a deal a company may be rumoured to be making: a bid, a
// takeover, a stake, a purchase, a rights issue.
var dealWords = set("takeover", "takeovers", "bid", "bids", "bidder", "offer", "offers", "acquire", "acquiring",
	"acquired", "acquisition", "stake", "merger", "merge", "buy", "buying", "buyer", "purchase", "purchasing",
	"approach", "approached", "interested", "raid", "predator", "suitor", "issue")

// damageWords name a harm a report may tell of, which makes it an
// allegation of a damaging fact whatever its words of wrongdoing ("rumours
// that Hutton could be in financial difficulties", "bond trading losses").
var damageWords = set("loss", "losses", "lost", "problem", "problems", "difficulty", "difficulties", "trouble",
	"troubles", "insolvency", "insolvent", "liquidity", "bankruptcy", "bankrupt", "debt", "debts", "default", "failure",
	"failed", "collapse", "collapsed", "crisis", "riot", "riots", "scandal", "shortfall", "layoffs", "closure",
	"resign", "resigned", "resignation", "fired", "ousted", "probe", "investigation", "illness", "ill", "dead", "death",
	"damage", "damaged", "weak", "weakness", "brink", "downgrade", "suspended", "halt", "halted")

// dealOnly reports whether what a report or rumour from token a says names
// a deal and neither a wrong nor a harm ("reports that Deutsche was
// planning a takeover of Lloyds Bank", "rumours that it was the target of
// a takeover bid"): market news, not an allegation of wrongdoing or of a
// damaging, disputed fact, so its denial answers no allegation.
func dealOnly(ts []tok, a int) bool {
	b := a
	for b < len(ts) && b < a+25 && !isEnd(ts[b]) {
		b++
	}
	if a >= b || wrongIn(ts, a, b) >= 0 {
		return false
	}
	deal := false
	for _, t := range ts[a:b] {
		if damageWords[t.low] {
			return false
		}
		deal = deal || dealWords[t.low]
	}
	return deal
}

// alleged reports whether a token lies in the content of an allegation
// of the sentence.
func alleged(ds []*draft, t tok) bool {
	for _, d := range ds {
		if d.stance == schema.Allege && t.start >= d.cont[0] && t.end <= d.cont[1] {
			return true
		}
	}
	return false
}

// rumourDenier returns the party that denies a rumour: the claimant (or
// the organisation it answers for) of a denial in the sentence whose
// content holds the rumour ("DENIES RUMOURS OF SOLVENCY PROBLEM"), else
// of a denial of the document that names rumours or reports ("There is
// absolutely no truth to those rumours"); nil when nobody denies it. in is
// the denial of the sentence, if it is one.
func (x *extractor) rumourDenier(ds []*draft, t tok) (by *entInfo, in *draft) {
	party := func(d *draft) *entInfo {
		for _, e := range x.sides(d) {
			if e.typ == schema.Organization {
				return e
			}
		}
		if d.claimant != nil {
			return d.claimant
		}
		if ss := x.sides(d); len(ss) > 0 {
			return ss[0]
		}
		return nil
	}
	for _, d := range ds {
		if d.stance == schema.Deny && t.start >= min(d.cont[0], d.cueSpan.End) && t.end <= d.cont[1] {
			if e := party(d); e != nil {
				return e, d
			}
		}
	}
	for _, d := range x.drafts {
		if d.stance == schema.Deny && (d.refersBack || slices.ContainsFunc(x.drafts, func(a *draft) bool { return a.deniedBy == d })) {
			// A denial that names rumours or reports, or that denies a
			// rumour in its own sentence ("DENIES RUMOURED SOLVENCY
			// PROBLEMS").
			if e := party(d); e != nil {
				return e, nil
			}
		}
	}
	return nil, nil
}

// deniedHere reports whether a denial of the sentence has this token in
// its content ("denied a report that ...").
func (x *extractor) deniedHere(ds []*draft, t tok) bool {
	return x.deniedIn(ds, t) != nil
}

// deniedIn returns the denial of the sentence whose object or content
// holds the allegation noun t ("denounced press reports that ..."), or nil.
func (x *extractor) deniedIn(ds []*draft, t tok) *draft {
	for _, d := range ds {
		if d.stance == schema.Deny && t.start >= min(d.cont[0], d.cueSpan.End) && t.end <= d.cont[1] {
			return d
		}
	}
	return nil
}

// scornedHere reports whether a rejecter scorns the allegation noun at i
// ("bristle at the suggestion that").
func scornedHere(ts []tok, i int) bool {
	for k := i - 1; k >= 0 && k >= i-4; k-- {
		if rejecters[ts[k].low] {
			return true
		}
	}
	return false
}

// possessed reports whether an allegation noun at i has an entity as its
// possessor: "Washington's allegations".
func (x *extractor) possessed(ts []tok, i int) bool {
	return i >= 2 && (ts[i-1].low == "'s" || ts[i-1].low == "'") && len(x.mentionsIn(ts[i-2].start, ts[i-2].end)) > 0
}

// inContent reports whether a token lies in the content of a claim.
func inContent(ds []*draft, t tok) bool {
	for _, d := range ds {
		if t.start >= d.cont[0] && t.end <= d.cont[1] {
			return true
		}
	}
	return false
}

// punished reports whether a punishment comes before "for" at i.
func (x *extractor) punished(ts []tok, i int) bool {
	low := strings.Join(lows(ts[max(0, i-12):i]), " ")
	for _, p := range punitive {
		if strings.Contains(low, p) {
			return true
		}
	}
	return false
}

// draftAgainst starts an allegation draft like newDraft, made against
// target (its target and about); nil when newDraft gives none.
func (x *extractor) draftAgainst(si int, ts []tok, cs, ce, a int, target *entInfo) *draft {
	d := x.newDraft(si, ts, cs, ce, a)
	if d == nil {
		return nil
	}
	d.target = target
	d.about = append(d.about, target.id)
	return d
}

// newDraft starts an allegation draft with cue tokens [cs, ce) and the
// content from token a to the end of the clause.
func (x *extractor) newDraft(si int, ts []tok, cs, ce, a int) *draft {
	b := a
	for b < len(ts) && b-a < 30 && !isEnd(ts[b]) && !(ts[b].low == ";") {
		if ts[b].low == "," && b+1 < len(ts) && ts[b+1].cue {
			break // "charged Huawei with fraud, accusing it of ...": the next claim's
		}
		b++
	}
	d := &draft{sent: si, kind: verbCue, cs: cs, ce: ce, vi: cs, rightStart: a, stance: schema.Allege}
	d.cont = x.trim(ts, a, b)
	if d.cont[1] <= d.cont[0] {
		return nil
	}
	return d
}

// source sets a draft's source to the noun phrase [a, b).
func (x *extractor) source(si int, ts []tok, d *draft, a, b int) {
	if a < 0 || b > len(ts) || a >= b {
		return
	}
	d.srcA, d.srcB = a, b
	d.claimant, d.claimantText = x.resolveSource(si, ts, a, b)
}

// byAgent returns the noun phrase after "by" within a few tokens of k.
func byAgent(ts []tok, k int) (int, int) {
	for j := k; j < len(ts) && j < k+5; j++ {
		if ts[j].low == "by" {
			return j + 1, rightNP(ts, j+1)
		}
		if ts[j].low == "," || isEnd(ts[j]) {
			break
		}
	}
	return -1, -1
}

// charge reads "X charged Y with Z", "Y was charged with Z by X", "..., the
// SEC charged.", "indicted X, charging that".
func (x *extractor) charge(si int, ts []tok, i int) *draft {
	n := len(ts)
	// "charged 5 dlrs", "charged a fee": prices, not charges.
	forWrong := i+1 < n && ts[i+1].low == "for" && wrongIn(ts, i+2, min(n, i+8)) >= 0
	if i+1 < n && (isNumber(ts[i+1].low) && !isEnd(ts[i+1]) && ts[i+1].low != "," || ts[i+1].low == "a" || ts[i+1].low == "fees" || ts[i+1].low == "for" && !forWrong || ts[i+1].low == "$") {
		return nil
	}
	if !forWrong && ts[i].low != "indicted" {
		// "was charging its official price", "charges customers an
		// annual fee": a price in the three words after the verb.
		for j := i + 1; j < n && j <= i+3 && !isEnd(ts[j]); j++ {
			if priceNouns[ts[j].low] {
				return nil
			}
			if ts[j].low == "with" || ts[j].low == "that" || ts[j].low == "," {
				break
			}
		}
	}
	// A participle without its "was", as in a headline: "THREE TRADERS
	// INDICTED FOR INSIDER TRADING", "EXECUTIVE CHARGED BY SEC". Prices
	// are charged by sellers: "prices charged by EC producers".
	reduced := i > 0 && (forWrong || i+1 < n && ts[i+1].low == "by" && !priceNouns[ts[i-1].low]) &&
		!isEnd(ts[i-1]) && ts[i-1].low != "," && !beForms[ts[i-1].low] && (ts[i-1].capital || forWrong)
	// A wire headline's participle after its subject is a passive whatever
	// follows it: "SIMON INDICTED IN WEDTECH <WDT> CASE" (its active verbs
	// are in the present: "SEC CHARGES ..."). One that ends the headline
	// ("TOP EXECUTIVE OF PAN OCEAN SHIPPING CHARGED") names a charge and
	// no act, which the annotation guide leaves out.
	headlinePart := (ts[i].low == "charged" || ts[i].low == "indicted") && i+1 < n && !isEnd(ts[i+1]) && headlinePassive(ts, i, i+1)
	reduced = reduced || headlinePart
	with := -1
	lim0 := i + 8
	if x.chargesWith(ts, i) {
		// "charged the Glenview, Ill., food and consumer products
		// company with claiming".
		lim0 = i + 19
	}
	for j, lim := i+1, lim0; j < n && j < lim; j++ {
		if ts[j].low == "with" || ts[j].low == "that" || ts[j].low == "in" && j == i+1 || ts[i].low == "convicted" && j == convictedOf(ts, i) {
			with = j
			break
		}
		if isEnd(ts[j]) || ts[j].low == ";" {
			break
		}
		if ts[j].low == "," && j > i+1 && j == x.afterName(ts, i+1) {
			// "charged Nahum Vaskevitch, a managing director of Merrill
			// Lynch, Pierce, Fenner and Smith Ltd, with": an apposition
			// after the accused's name.
			lim = max(lim, min(i+30, j+20))
		}
	}
	if with < 0 && x.clauseAt(ts, i+1, ts[i].low == "charged" || ts[i].low == "charging") {
		// "The indictment charged Siegel passed on ...", "charges he
		// participated": the clause without its "that".
		with = i
	}
	// The verb's auxiliaries and adverbs: "has charged", "had earlier
	// charged", "was also charged". A form of "be" among them makes the
	// verb passive; without one the word before them ends its subject,
	// the one who charges ("The European Community Commission has
	// charged the United States with", "The 12-nation Community also
	// charged the agreement gave ...").
	subjEnd, passive := i, false
	for subjEnd > 0 && (auxiliaries[ts[subjEnd-1].low] && ts[subjEnd-1].low != "to" || isAdverb(ts[subjEnd-1])) {
		subjEnd--
		if beForms[ts[subjEnd].low] {
			passive = true
		}
	}
	if i+1 < n && beForms[ts[i+1].low] && (subjEnd == 0 || subjEnd == 1 && ts[0].low == "also") {
		// "Also charged were David Sofer, an Israeli, and two firms":
		// the passive inverted, its subject after the verb.
		passive = true
	}
	passive = passive || reduced
	if ts[i].low == "convicted" && convictedOf(ts, i) == i+1 && !passive {
		// "TWO CONVICTED OF SECURITIES FRAUD", "who were convicted
		// following ...": the participle without its "was" is passive, the
		// convicted its subject.
		passive, reduced = true, !(i > 0 && (beForms[ts[i-1].low] || ts[i-1].low == "been"))
	}
	final := i+1 >= n || isEnd(ts[i+1])
	indict := ts[i].low == "indicted" || ts[i].low == "convicted"
	if with < 0 && !passive && !final && !indict && ts[i].low != "charging" {
		return nil
	}
	if i > 0 && (beForms[ts[i-1].low] || ts[i-1].low == "been") && !forWrong && i+1 < n &&
		(bookedTo[ts[i+1].low] || ts[i+1].low == "the" && i+2 < n && ts[i+2].low == "same") {
		// "were charged against operations in the first quarter", "the
		// amount to be charged to prior periods", "interest would be
		// charged at a maximum nine pct", "calls would be charged the
		// same": a cost booked or a price asked, not a charge.
		return nil
	}
	if with > i && with+1 < n && ts[with].low == "with" && (tasks[ts[with+1].low] || with+2 < n && ts[with+1].low == "the" && tasks[ts[with+2].low]) {
		// "enterprises charged with developing their own plans",
		// "charged with responsibility for": a task given, not a charge.
		return nil
	}
	a := i + 1
	if with >= 0 {
		a = with + 1
	} else if forWrong {
		a = i + 2 // "INDICTED FOR INSIDER TRADING": the wrong
	}
	if final {
		a = 0
	}
	var d *draft
	if final {
		// "..., the SEC charged.": what precedes is the charge.
		p := i
		src := leftNP(ts, p)
		b := src
		for b > 0 && ts[b-1].low == "," {
			b--
		}
		d = &draft{sent: si, kind: verbCue, cs: i, ce: i + 1, vi: i, rightStart: -1, stance: schema.Allege}
		d.cont = x.trim(ts, 0, b)
		if d.cont[1] <= d.cont[0] {
			return nil
		}
		x.source(si, ts, d, src, i)
		return d
	}
	d = x.newDraft(si, ts, i, i+1, a)
	if d == nil {
		return nil
	}
	if !passive && with > i+1 {
		// "charged Nahum Vaskevitch, a managing director of ..., with":
		// the accused is the object, not a name of its apposition.
		if _, e := x.nameAt(ts, i+1); e != nil && (e.typ == schema.Person || e.typ == schema.Organization) {
			d.target = e
			d.about = append(d.about, e.id)
		}
	}
	if passive {
		if sa, sb := byAgent(ts, i+1); sa >= 0 {
			x.source(si, ts, d, sa, sb)
		}
		// The accused is the subject: "Vaskevitch ... was charged".
		end := i - 1 // the "was"
		if reduced {
			end = i
		}
		if end > 1 && ts[end-1].low == "," {
			// "Nahum Vaskevitch, the managing director of ..., was
			// charged": the subject before its apposition.
			for j := end - 2; j > 0 && j >= end-25 && !isEnd(ts[j]); j-- {
				if ts[j].low == "," {
					end = j
					break
				}
			}
		}
		if subj := leftNP(ts, max(0, end)); subj < end {
			for _, m := range x.mentionsIn(ts[subj].start, ts[end-1].end) {
				if m.e.typ == schema.Place && placeModifier(ts, tokIndex(ts, m.start), tokIndex(ts, m.end)) {
					continue // "a 43-year-old Boston investor was indicted"
				}
				d.objEnts = append(d.objEnts, m.e)
			}
			d.passive = true
			if reduced && with < 0 && !forWrong {
				// "EXECUTIVE CHARGED BY SEC": no wrong named, the
				// charge is against the subject.
				d.cont = x.trim(ts, subj, i)
			}
		}
	} else if ts[i].low == "charging" && i > 0 && ts[i-1].low == "," {
		// "A Grand Jury indicted three arbitrageurs, charging they ...":
		// the subject of the sentence.
		if a0, b0 := sentenceSubject(x.in.Model, ts, i); b0 > a0 {
			x.source(si, ts, d, a0, b0)
		}
	} else if !(ts[i].low == "charges" || ts[i].low == "charge") || i > 0 && with != i && !nounBefore[ts[i-1].low] && !determiners[ts[i-1].low] {
		if src := leftNP(ts, subjEnd); src < subjEnd {
			x.source(si, ts, d, src, subjEnd)
		}
	}
	return d
}

// convictedOf returns the "of", "on" or "for" after "convicted" at i that
// opens what the conviction was for, within twelve words and the clause
// ("convicted of fraud", "convicted Smith on two counts of", "convicted
// in the United States District Court in Tulsa of"), or -1.
func convictedOf(ts []tok, i int) int {
	for j := i + 1; j < len(ts) && j <= i+12; j++ {
		switch ts[j].low {
		case "of", "on", "for":
			return j
		case ",", ";", "that", "and", "but":
			return -1
		}
		if isEnd(ts[j]) {
			return -1
		}
	}
	return -1
}

// convictionForWrong reports whether "convicted" at i is a conviction
// that took place for a wrong the lexicon names within ten words of what
// it was for: not one that may come ("could be convicted", "If
// convicted").
func convictionForWrong(ts []tok, i int) bool {
	of := convictedOf(ts, i)
	return of > i && wrongIn(ts, of, min(len(ts), of+10)) >= 0 && !mayBe(ts, i) && !ifConvicted(ts, i)
}

// ifConvicted reports whether "convicted" at i is a conviction that may
// come: "If convicted of fraud, he could be sentenced", "unless
// convicted".
func ifConvicted(ts []tok, i int) bool {
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		switch ts[k].low {
		case "if", "unless", "whether", "once", "until", "when":
			return true
		}
	}
	return false
}

// priceNouns are what is charged when a price is: "prices charged by".
// bookedTo are the words after a passive "charged" that book a cost or
// ask a price.
var bookedTo = set("against", "to", "at", "off", "as", "per")

// tasks are what one is "charged with" when one is given work to do.
var tasks = set("responsibility", "responsibilities", "task", "tasks", "duty", "duties", "job", "mission",
	"developing", "overseeing", "running", "managing", "drafting", "preparing", "coordinating", "implementing",
	"supervising", "monitoring", "reviewing", "studying", "finding", "carrying", "drawing", "setting", "making",
	"organising", "organizing", "administering", "enforcing", "investigating")

var priceNouns = set("price", "prices", "fee", "fees", "rate", "rates", "interest", "amount", "amounts", "tax", "taxes",
	"premium", "premiums", "commission", "commissions", "tariff", "tariffs", "cost", "costs", "sum", "sums")

// nounBefore are words after which "charges" is a noun, not a verb
// ("pleaded guilty to charges he ...").
var nounBefore = set("to", "of", "on", "against", "denied", "denies", "deny", "faces", "face", "facing", "over", "new", "criminal")

// clauseAt reports whether a clause starts at token k: a person ("he",
// "Siegel") or, after a verb, an organisation, followed by a verb in the
// past ("Siegel passed", "he participated"), as after a "charged" or
// "charges" that drops its "that". After the noun only a person's clause
// counts: "the restructuring charge it took" is an accountant's charge.
func (x *extractor) clauseAt(ts []tok, k int, verb bool) bool {
	if k >= len(ts) {
		return false
	}
	v := k + 1
	switch ts[k].low {
	case "he", "she", "they":
	case "it":
		if !verb {
			return false
		}
	default:
		var e *entInfo
		v, e = x.nameAt(ts, k)
		if e == nil && verb && ts[k].low == "the" {
			// "also charged the agreement gave Japanese firms an unfair
			// advantage": a noun phrase of one to three words for
			// subject, after a verb of charging.
			for j := k + 1; j < len(ts) && j <= k+3; j++ {
				if !isWord(ts[j].low) || stop(ts[j].low) {
					return false
				}
				if j > k+1 && finiteAct(ts[j]) {
					return true
				}
			}
			return false
		}
		if e == nil {
			return false
		}
		if e.typ != schema.Person && (!verb || e.typ != schema.Organization) {
			return false
		}
	}
	if v >= len(ts) {
		return false
	}
	return finiteAct(ts[v])
}

// finiteAct reports whether t is a verb in the past that opens what a
// clause's subject did: "had", "was", "paid", "gave", "violated".
func finiteAct(t tok) bool {
	l := t.low
	return l == "had" || l == "was" || l == "were" || l == "knew" || l == "paid" || l == "sold" || l == "gave" ||
		l == "stole" || l == "lied" || len(l) > 4 && strings.HasSuffix(l, "ed") && !t.capital && l != "recorded" && l != "reported"
}

// afterName returns the index of the token after a name of the document
// that starts at token k, or -1 when none starts there.
func (x *extractor) afterName(ts []tok, k int) int {
	v, _ := x.nameAt(ts, k)
	return v
}

// nameAt returns the entity of a name that starts at token k and the
// index of the token after it, or -1 and nil when none starts there.
func (x *extractor) nameAt(ts []tok, k int) (int, *entInfo) {
	if k >= len(ts) {
		return -1, nil
	}
	ms := x.mentionsIn(ts[k].start, ts[min(len(ts), k+6)-1].end)
	if len(ms) == 0 || ms[0].start != ts[k].start {
		return -1, nil
	}
	return tokIndex(ts, ms[0].end), ms[0].e
}

// hedged reads a wrong hedged by "alleged" or "allegedly": "Japan's alleged
// violations", "the scheme allegedly involved ...", "an insider profit was
// alleged". The claimant is the agent after "by", the possessor before an
// allegation noun, or unnamed.
func (x *extractor) hedged(si int, ts []tok, i int) *draft {
	// The clause around the hedge.
	a := i
	for a > 0 && i-a < 12 && ts[a-1].low != "," && ts[a-1].low != ";" && !ts[a-1].cue && !ts[a-1].qclose {
		a--
	}
	d := x.newDraft(si, ts, i, i+1, a)
	if d == nil {
		return nil
	}
	if sa, sb := byAgent(ts, i+1); sa >= 0 {
		x.source(si, ts, d, sa, sb)
	}
	if d.claimant == nil && d.claimantText == "" {
		d.claimantText = ts[i].text
	}
	return d
}

// subjectDraft is an allegation made by the subject of the sentence:
// "The Senate voted ... in retaliation for Japan's violations".
func (x *extractor) subjectDraft(si int, ts []tok, cs, ce, a, b int) *draft {
	d := x.newDraft(si, ts, cs, ce, a)
	if d == nil {
		return nil
	}
	if a0, b0 := sentenceSubject(x.in.Model, ts, cs); b0 > a0 {
		x.source(si, ts, d, a0, b0)
	}
	if d.claimant == nil && d.claimantText == "" {
		return nil
	}
	return d
}

// nounDraft reads an allegation noun with its content: "Washington's
// allegations of chip dumping", "press reports that his wife ...",
// "insider trading charges filed yesterday by the SEC". The claimant is
// the agent after "by", else the words before the noun.
func (x *extractor) nounDraft(si int, ts []tok, i, a int) *draft {
	d := x.newDraft(si, ts, i, i+1, a)
	if d == nil {
		return nil
	}
	if sa, sb := byAgent(ts, i+1); sa >= 0 {
		for j := sa; j < sb; j++ {
			if ts[j].low == "against" {
				// "a suit by FMC Corp against Ivan Boesky": who is sued
				// is no part of who sues.
				sb = j
				break
			}
		}
		x.source(si, ts, d, sa, sb)
	} else {
		// "press reports", "Washington's allegations", "the NBC report".
		k := i
		for k > 0 && i-k < 4 && (ts[k-1].capital || ts[k-1].low == "'s" || ts[k-1].low == "'" || determiners[ts[k-1].low] ||
			ts[k-1].low == "press" || ts[k-1].low == "media" || ts[k-1].low == "news" || ts[k-1].low == "newspaper") && !ts[k-1].cue {
			k--
		}
		if t := tickerBefore(ts, i); t < i && k == i {
			// "COURT DISMISSES FMC <FMC> SUIT AGAINST BOESKY": the
			// company before its ticker brought the suit.
			k = t
			for k > 0 && t-k < 4 && ts[k-1].capital && !ts[k-1].cue {
				k--
			}
		}
		if k < i {
			if ms := x.mentionsIn(ts[k].start, ts[i-1].end); len(ms) > 0 {
				d.claimant = ms[0].e
			}
			d.srcA, d.srcB = k, i+1
		}
		d.claimantText = x.span(ts[k].start, ts[i].end).Text
		// "the US claim", "Washington's allegations": the claimant is the
		// US, not "US claim".
		a, e := k, i
		for e > a && (ts[e-1].low == "'s" || ts[e-1].low == "'") {
			e--
		}
		for a < e && determiners[ts[a].low] {
			a++
		}
		if d.claimant != nil && a < e {
			d.srcA, d.srcB = a, e
			d.claimantText = x.span(ts[a].start, ts[e-1].end).Text
		}
	}
	if d.claimant == nil && d.claimantText == "" {
		d.claimantText = ts[i].text
	}
	return d
}

// tickerBefore returns the index of the "<" of a ticker in angle brackets
// that ends just before token i ("FMC <FMC> SUIT"), or i when none does.
func tickerBefore(ts []tok, i int) int {
	if i >= 3 && ts[i-1].text == ">" && ts[i-3].text == "<" && ts[i-2].capital {
		return i - 3
	}
	return i
}

// passiveReport reads "has been reported to be holding hostages", "as has
// been widely reported", "was described as ransom by X".
func (x *extractor) passiveReport(si int, ts []tok, i int) *draft {
	a := i + 1
	if a < len(ts) && (ts[a].low == "to" || ts[a].low == "as") {
		a++
	}
	if a >= len(ts) || isEnd(ts[a]) {
		// "as has been widely reported": the clause before.
		d := &draft{sent: si, kind: verbCue, cs: i, ce: i + 1, vi: i, rightStart: -1, stance: schema.Allege, claimantText: "reports"}
		b := i
		for b > 0 && !(ts[b-1].low == ",") {
			b--
		}
		for b > 0 && ts[b-1].low == "," {
			b--
		}
		d.cont = x.trim(ts, 0, b)
		if d.cont[1] <= d.cont[0] {
			return nil
		}
		return d
	}
	d := x.newDraft(si, ts, i, i+1, a)
	if d == nil {
		return nil
	}
	if sa, sb := byAgent(ts, a); sa >= 0 {
		x.source(si, ts, d, sa, sb)
	}
	if d.claimant == nil && d.claimantText == "" {
		d.claimantText = "reports"
	}
	if subj := leftNP(ts, max(0, i-1)); subj < i {
		for _, m := range x.mentionsIn(ts[subj].start, ts[max(subj, i-1)].end) {
			d.objEnts = append(d.objEnts, m.e)
		}
		d.passive = true
	}
	return d
}

// scorned returns the denial of an allegation noun that a rejecter scorns
// ("Texaco lawyers bristle at the suggestion that ..."), or nil.
func (x *extractor) scorned(si int, ts []tok, i int, a *draft) *draft {
	if !allegationNouns[ts[i].low] {
		return nil
	}
	for k := i - 1; k >= 0 && k >= i-4; k-- {
		if !rejecters[ts[k].low] && !(callers[ts[k].low] && dismissedAfter(ts, i)) {
			continue
		}
		if a.srcA <= k {
			// "Reagan called charges he ransomed hostages utterly
			// false": the scorner is not the allegation's maker.
			a.claimant, a.claimantText, a.srcA, a.srcB = nil, "", 0, 0
		}
		d := &draft{sent: si, kind: verbCue, cs: k, ce: k + 1, vi: k, rightStart: i, stance: schema.Deny, refersBack: true}
		d.cont = a.cont
		d.cont[0] = ts[max(k+1, a.srcA)].start
		if src := leftNP(ts, k); src < k {
			x.source(si, ts, d, src, k)
		}
		if d.claimant == nil && d.claimantText == "" {
			return nil
		}
		s := x.in.Sentences[si]
		d.evidence = x.span(s.Start, s.End)
		x.finishDraft(ts, d)
		d.stance = schema.Deny
		return d
	}
	return nil
}

// faultWords say that a thing done was done badly.
var faultWords = set("faulty", "defective", "flawed", "incorrect", "improper", "inadequate", "wrong", "mistaken",
	"erroneous", "deficient", "substandard")

// ownFault reports whether a content says that a thing the claimant did
// was faulty: "repairs it had undertaken ... were faulty", "its
// inspections were inadequate", "the work we did was not correctly
// done". The subject, before "was" or "were", holds the claimant's own
// pronoun (it, its, we, our; he, his for a person) and no word that
// names an allegation or a report ("its report was wrong" is no
// concession); the fault follows the verb at once, or after "not
// correctly" or "not properly".
func ownFault(ts []tok, d *draft, ka, kb int) bool {
	if d.claimant == nil {
		return false
	}
	own := set("it", "its", "we", "our")
	if d.claimant.typ == schema.Person {
		own = set("he", "his", "she", "her", "i", "my", "we", "our")
	}
	if agreesWithFinding(ts, own, ka, kb) {
		return true
	}
	for k := ka + 1; k < kb-1; k++ {
		if ts[k].low != "was" && ts[k].low != "were" {
			continue
		}
		self := false
		for j := ka; j < k; j++ {
			if allegationWords[ts[j].low] || ts[j].low == "not" || ts[j].low == "that" && j > ka {
				return false
			}
			self = self || own[ts[j].low]
		}
		if !self || own[ts[ka].low] && k == ka+1 {
			// "it was wrong to ...": an opinion of its own, not a
			// fault of a thing it did.
			return false
		}
		n := k + 1
		if n+1 < kb && ts[n].low == "not" && (ts[n+1].low == "correctly" || ts[n+1].low == "properly") {
			return true
		}
		return faultWords[ts[n].low]
	}
	return false
}

// findingNouns name what an inquiry found.
var findingNouns = set("report", "finding", "findings", "conclusion", "conclusions", "assessment")

// agreesWithFinding reports whether a content says that the claimant
// agreed with a report's finding of a fault: "it had agreed with an
// earlier draft report that the accident was caused by incorrect
// repairs". The claimant's own pronoun opens it, "agreed with" and a
// report or finding follow within a few words, and a fault is named after
// "that".
func agreesWithFinding(ts []tok, own map[string]bool, ka, kb int) bool {
	k := ka
	if k >= kb || !own[ts[k].low] {
		return false
	}
	k++
	if k < kb && (ts[k].low == "had" || ts[k].low == "has" || ts[k].low == "have") {
		k++
	}
	if k+1 >= kb || (ts[k].low != "agreed" && ts[k].low != "agrees" && ts[k].low != "agree") || ts[k+1].low != "with" {
		return false
	}
	for j := k + 2; j < kb && j <= k+7; j++ {
		if !findingNouns[ts[j].low] {
			continue
		}
		if j+1 >= kb || ts[j+1].low != "that" {
			return false
		}
		for f := j + 2; f < kb; f++ {
			if faultWords[ts[f].low] || ts[f].low == "not" {
				return faultWords[ts[f].low]
			}
		}
		return false
	}
	return false
}

// refusedFirst reports whether a denial's object is headed by a thing
// withheld (withholds: "denied a request by Wheeling-Pittsburgh Steel Corp that it be
// allowed to continue to operate ... while court-ordered pollution control
// equipment is installed"): a refusal, whatever wrong the request's own
// words name.
func refusedFirst(ts []tok, ka, kb int) bool {
	return withholds(ts, ka, kb)
}

// suitWords name a civil legal step: a suit, a complaint or a court
// action. A charge or an indictment ("EXECUTIVE CHARGED BY SEC") is an
// accusation in its own word, which the guide lists among the cues.
var suitWords = set("sued", "sues", "suing", "suit", "suits", "lawsuit", "lawsuits", "complaint", "complaints",
	"counterclaim", "counterclaims", "countersuit", "counter-suit", "action", "actions")

// stepActNamed reports whether a legal step at i in a headline names the
// act it is brought for: a wrong anywhere in the headline, or a phrase
// after the step that names its matter ("SUES LOTUS OVER COPYRIGHT",
// "SUES TO FORCE HUGHES MERGER", "BEING SUED FOR PATENT INFRINGEMENT"),
// not only its parties or the relief ("SUED BY SWISS FIRM", "SUES CHASE
// MANHATTAN", "SUED FOR 65 MLN DLRS").
func stepActNamed(ts []tok, i int) bool {
	n := len(ts)
	if wrongIn(ts, 0, n) >= 0 {
		return true
	}
	for k := i + 1; k+1 < n; k++ {
		switch ts[k].low {
		case "over", "for", "alleging", "charging", "with", "to", "of":
			if !isNumber(ts[k+1].low) && !isEnd(ts[k+1]) {
				return true
			}
		}
	}
	return false
}

// dropStepsOnly takes out the headlines' legal steps that name no act
// (stepOnly), once the answers have been read against them, and the
// answers' ties to them.
func (x *extractor) dropStepsOnly() {
	only := func(d *draft) bool { return d.stepOnly }
	if !slices.ContainsFunc(x.drafts, only) {
		return
	}
	x.drafts = slices.DeleteFunc(x.drafts, only)
	for _, d := range x.drafts {
		d.opposes = slices.DeleteFunc(d.opposes, func(o answered) bool { return o.a.stepOnly })
		d.responds = slices.DeleteFunc(d.responds, func(o answered) bool { return o.a.stepOnly })
	}
}

// lawNouns name a law or a bill, whose purpose names the kind of conduct
// it deals with, no party's act.
var lawNouns = set("bill", "bills", "legislation", "law", "laws", "amendment", "amendments", "measure", "measures")

// lawCase reports whether the wrong at w is the case a law deals with:
// a bill, a law or legislation shortly before it, whose purpose ("to",
// "requiring", "that", "which") runs to the wrong with no party named
// between ("a trade bill to force the president to retaliate in certain
// cases of unfair trade practices", "legislation to penalize nations with
// large deficits and which are guilty of unfair trade practices", "a trade
// bill requiring mandatory retaliation for "unfair trade"", "a new law to
// make insider trading in shares a criminal offence").
func (x *extractor) lawCase(ts []tok, w int) bool {
	for k := w - 1; k >= 0 && k >= w-16; k-- {
		if isEnd(ts[k]) || ts[k].low == ";" {
			return false
		}
		if lawNouns[ts[k].low] {
			if k+1 < w && (ts[k+1].low == "to" || ts[k+1].low == "requiring" || ts[k+1].low == "that" || ts[k+1].low == "which") {
				return len(x.mentionsIn(ts[k].start, ts[w].start)) == 0
			}
			return false
		}
	}
	return false
}

// negatedFrame reports whether the wrong at w lies in a clause that a
// negated verb or noun of the content governs: "he does not believe that
// any other employees will be cited for wrongdoing", "had not made a final
// determination that Japanese companies had dumped", "had no information
// to suggest ... because of the illegal exports", "there was no sign that
// Drexel had lost any customers owing to the insider trading cases". A negated denial or doubt ("did not deny that", "there is
// no doubt that") asserts what follows, and is left alone.
func negatedFrame(ts []tok, a, w int) bool {
	for k := a; k < w; k++ {
		if !negations[ts[k].low] && ts[k].low != "no" {
			continue
		}
		for j := k + 1; j < w && j <= k+6; j++ {
			l := ts[j].low
			if isEnd(ts[j]) || l == "," || l == ";" || l == "but" {
				break
			}
			if negatedAsserts(l) {
				break
			}
			if l == "that" || l == "whether" || l == "suggest" || l == "show" || l == "indicate" || l == "prove" {
				return true
			}
		}
	}
	return false
}

// negatedAsserts reports whether a word, negated, asserts what follows it:
// "did not deny that", "no doubt that", "no secret that".
func negatedAsserts(l string) bool {
	for _, p := range []string{"den", "disput", "doubt", "secret", "question", "contest", "reject", "refut", "only", "surpris"} {
		if strings.HasPrefix(l, p) {
			return true
		}
	}
	return false
}

// findingVerbs are verbs of finding, ruling or charging whose clause a
// modal before them leaves unasserted: "hoped GATT would find the U.S.
// retaliation had violated the regulations", "could now charge that U.S.
// farm programs create an unfair subsidy".
var findingVerbs = set("find", "rule", "show", "prove", "determine", "conclude", "decide", "establish", "judge",
	"declare", "charge", "claim", "allege", "argue", "contend", "accuse", "say")

// modalFrame reports whether the modal at k governs a verb of finding or
// charging whose clause holds the wrong at w, in one clause.
func modalFrame(ts []tok, k, w int) bool {
	j := k + 1
	for j < w && isAdverb(ts[j]) {
		j++
	}
	return j < w && findingVerbs[ts[j].low] && !newClauseBetween(ts, j, w) && !relClauseBetween(ts, j, w)
}

package claims

// kindWrongs are the first words of wrongs that news also names as a
// matter of policy, a category of conduct that laws, bills and agencies
// deal with: "insider trading", "insider dealing", "unfair trade
// practices" ("We cannot allow it to be jeopardized by unfair trading
// practices", "the administration's tools for dealing with unfair trade
// practices"). The last, tried in an earlier session, took a right
// allegation of a validation set then; in session 17 it takes none.
var kindWrongs = map[string][]string{
	"insider": {"trading", "dealing"},
	"unfair":  {"trade", "trading"},
}

// caseNouns after a category of conduct make it one case: "insider trading
// charges", "the insider trading scandal", "an insider trading scheme".
var caseNouns = set("charge", "charges", "case", "cases", "scandal", "scandals", "scheme", "schemes", "probe",
	"probes", "investigation", "investigations", "conviction", "convictions", "suit", "suits", "allegations",
	"allegation", "ring", "affair", "violations", "violation", "count", "counts", "indictment", "indictments")

// kindStarters are the prepositions before a bare noun phrase that make
// it the name of a kind of act ("a pact to limit insider dealing",
// "fears about insider trading").
var kindStarters = set("of", "for", "with", "by", "on", "in", "against", "about", "into", "to")

// kindOfConduct reports whether the wrong at ts[k] inside a content that
// starts at a is a category of conduct named as a matter of policy, not as
// an act of a party: "insider trading" with no article, possessive, name
// or number before it and no case noun or doer after it, at the content's
// start ("Insider trading makes up only a tiny fraction of one pct of
// trading"), after a preposition ("a pact to limit insider dealing",
// "fears about insider trading") or as the object of a verb after "to"
// ("a law to make insider trading a criminal offence"). "Boesky's insider
// trading", "insider trading charges", "the insider trading scandal",
// "insider trading by Boesky", "suspicions of insider trading", "engaged
// in insider trading" are cases.
func kindOfConduct(ts []tok, a, k int) bool {
	nexts, ok := kindWrongs[ts[k].low]
	if !ok || k+1 >= len(ts) {
		return false
	}
	e := -1
	for _, w := range nexts {
		if ts[k+1].low == w {
			e = k + 2
		}
	}
	if e < 0 {
		return false
	}
	for e < len(ts) && ts[e].low == "stock" {
		e++ // "insider trading stock scandals"
	}
	if e < len(ts) && (caseNouns[ts[e].low] || ts[e].low == "by" || ts[e].low == "of") {
		// "insider trading charges"; "insider trading by Boesky": its
		// doer named after it.
		return false
	}
	j, open := k-1, 0
	for j >= a {
		t := ts[j]
		if t.qopen || t.qclose || t.low == "\"" {
			j--
			continue
		}
		if open < 2 && !t.capital && lowerWord(t.low) && !determiners[t.low] && !kindStarters[t.low] && !auxiliaries[t.low] &&
			!possessives[t.low] {
			open++
			j--
			continue
		}
		break
	}
	if j < a {
		// "THREE TRADERS INDICTED FOR INSIDER TRADING": the cue before
		// the content may charge it.
		return !chargedNear(ts, a)
	}
	switch t := ts[j].low; {
	case kindStarters[t] && chargedNear(ts, j):
		// "it charged a director with insider trading".
		return false
	case kindStarters[t]:
		// "Levine's conviction for insider trading", "its investigation
		// of insider trading": a case, named by the noun before.
		// "he engaged in insider trading": a party's act, named by the
		// verb before.
		// "action against Boesky for insider trading": the party named
		// before the preposition did it.
		return open > 0 || j == 0 || !ts[j-1].capital && !caseNouns[ts[j-1].low] && !penalties[ts[j-1].low] && !engaging[ts[j-1].low] ||
			ts[j-1].low == "cases" || ts[j-1].low == "case"
	case open > 0 && t == "to":
		// "a law to make insider trading a criminal offence"; not "he
		// has admitted insider trading", whose subject is the doer.
		return true
	}
	return false
}

// penalties are the words of a sanction, a charge or a suspicion that
// name a case after a preposition: "penalties for insider trading" imposed
// on someone, "amid suspicions of insider trading".
var penalties = set("penalty", "penalties", "sanction", "sanctions", "fine", "fines", "sentence", "arrest", "arrests",
	"indicted", "convicted", "charged", "accused", "suspected", "guilty", "suspicion", "suspicions", "rumours",
	"rumors", "rumour", "rumor", "reports", "report", "evidence", "accusations", "accusation", "claims", "signs",
	"inquiry", "inquiries", "alleged", "allegedly", "complaint", "complaints", "complained", "complain",
	"complaining", "complains", "protested", "protests", "protesting", "retaliation", "retaliate", "retaliating",
	"blamed", "blame", "victim", "victims", "injured", "hurt", "harmed", "damaged", "criticised", "criticized",
	"criticism", "attacked", "petition", "petitions", "action", "actions")

// engaging are the words before a preposition that make what follows a
// party's own conduct: "engaged in", "involved in", "resorted to".
var engaging = set("engaged", "engaging", "engage", "engages", "involved", "involvement", "participated",
	"participating", "participation", "resorted", "resorting", "resort", "indulged", "indulging", "committing",
	"committed", "responsible", "culpable", "part", "role", "persisted", "persisting", "continued", "continuing",
	"profited", "profiting", "benefited", "benefiting", "benefitted", "practised", "practiced", "implicated")

// chargedNear reports whether a word of a charge, a suspicion or a
// sanction is among the six words before ts[j].
func chargedNear(ts []tok, j int) bool {
	for m := max(0, j-6); m < j; m++ {
		if penalties[ts[m].low] || caseNouns[ts[m].low] && ts[m].low != "cases" && ts[m].low != "case" {
			return true
		}
	}
	return false
}

// possessives are pronouns that own what follows.
var possessives = set("his", "her", "its", "their", "our", "my", "your", "whose")

// lowerWord reports whether w is made of lower-case letters and hyphens.
func lowerWord(w string) bool {
	if w == "" {
		return false
	}
	for _, r := range w {
		if (r < 'a' || r > 'z') && r != '-' {
			return false
		}
	}
	return true
}

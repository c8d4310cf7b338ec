package claims

import "slices"

// Answers that contest a charge or a ruling. Besides denying, the accused
// says it won the case brought against it ("it won litigation brought
// against it by Coldwell Banker"), that a ruling against it is wrong ("the
// ruling by the three-judge panel was incorrect"), or that it disagrees
// with the complaint. The annotation guide of the ledger counts each as a denial. Like a
// justification it denies only what the document alleges against the one
// who says it: "won a judgment against Texaco", or any of these from a
// party nothing is alleged against, stays a statement. ("Has no
// liability" was read too, and dropped: its one answer found on a
// development set linked to the wrong allegation.)

// foughtNouns are the charges, suits and rulings an accused fights or
// contests ("will contest the suit", "won the litigation", "the ruling
// ... was incorrect"): the words vowObjects and contestedNouns share.
var foughtNouns = set("suit", "suits", "lawsuit", "lawsuits", "litigation", "case", "cases", "action", "actions",
	"charge", "charges", "allegation", "allegations", "accusation", "accusations", "complaint", "complaints",
	"ruling", "rulings", "decision", "judgment", "judgement", "verdict", "indictment")

// contestedNouns are what an answer of this file contests: a charge, a
// suit, a ruling or a finding.
var contestedNouns = setWith(foughtNouns, "finding", "findings")

// wrongWords call a ruling or a charge wrong.
var wrongWords = set("incorrect", "wrong", "erroneous", "mistaken", "unjustified", "unwarranted", "flawed", "unjust",
	"unfair", "unreasonable", "invalid", "improper", "unconstitutional")

// defenceNouns are the defences an accused says it has against a
// charge.
var defenceNouns = set("defense", "defenses", "defence", "defences")

// goodDefence are the words by which an accused calls its defences
// sound: "meritorious defenses", "substantial defences".
var goodDefence = set("meritorious", "valid", "substantial", "good", "strong", "adequate", "complete", "sound", "solid")

// hasGoodDefences reports whether the defence noun at k is one the
// speaker says it has, called sound: "has good and meritorious defenses",
// "have substantial defences" (a word of goodDefence within three words
// before the noun, and "has", "have" or "had" before that).
func hasGoodDefences(ts []tok, a, k int) bool {
	good := -1
	for j := k - 1; j >= a && j >= k-3; j-- {
		if goodDefence[ts[j].low] {
			good = j
		}
	}
	if good < 0 {
		return false
	}
	for j := good - 1; j >= a && j >= good-3; j-- {
		switch ts[j].low {
		case "has", "have", "had", "possesses":
			return true
		}
	}
	return false
}

// dismissalSeekers are the verbs and nouns by which a party asks a court
// to dismiss a charge: "ask the court to dismiss", "seek dismissal",
// "moved to dismiss", "a motion to dismiss".
var dismissalSeekers = set("ask", "asks", "asked", "asking", "seek", "seeks", "sought", "seeking", "move", "moves",
	"moved", "moving", "motion", "motions", "petition", "petitioned", "request", "requested", "requests", "urge", "urged")

// seeksDismissal reports whether "dismiss" or "dismissal" at k is a
// dismissal the speaker seeks of a charge, a suit or a ruling: a
// seeking word within four words before it ("will ask the court to
// dismiss"), and the charge within four after it ("dismissal of the
// antitrust suit").
func seeksDismissal(ts []tok, a, b, k int) bool {
	seek := false
	for j := k - 1; j >= a && j >= k-4; j-- {
		if dismissalSeekers[ts[j].low] {
			seek = true
		}
		if ts[j].low == "," || ts[j].low == "that" {
			break
		}
	}
	if !seek {
		return false
	}
	for e := k + 1; e < b && e <= k+4; e++ {
		if contestedNouns[ts[e].low] {
			return true
		}
		if !contestSkip[ts[e].low] && ts[e].low != "of" && ts[e].low != "it" {
			return false
		}
		if ts[e].low == "it" {
			return true // "will ask the court to dismiss it"
		}
	}
	return false
}

// callsWrong reports whether the words from h call what comes before them
// wrong: a word of wrongWords past adverbs ("totally unjustified"), or
// "in error".
func callsWrong(ts []tok, h, b int) bool {
	for h < b && isAdverb(ts[h]) {
		h++
	}
	return h < b && (wrongWords[ts[h].low] || ts[h].low == "in" && h+1 < b && ts[h+1].low == "error")
}

// contestSkip are the words that may stand between a verb and the charge
// it contests: determiners and the kinds of a suit ("won the antitrust
// litigation", "disagreed with the agency's complaint").
var contestSkip = set("the", "a", "an", "its", "their", "his", "her", "this", "that", "these", "those", "all",
	"antitrust", "civil", "federal", "patent", "class", "action", "agency's", "commission's", "court's", "jury's",
	"judge's", "government's", "lower", "district")

// contestsCharge reports whether content (tokens a to b) contests a
// charge or a ruling, and how: the speaker won the case against it,
// disagrees with the charge, or calls the ruling wrong. It returns "" when the content does none of these, or when a
// negation, a condition or a question takes it back ("did not win the
// case", "whether the ruling was wrong"), or the case won is one brought
// against another ("won a judgment against Texaco").
func contestsCharge(ts []tok, a, b int) string {
	takenBack := func(k int) bool {
		for i := max(a, k-3); i < k; i++ {
			switch ts[i].low {
			case "not", "n't", "never", "no", "if", "whether", "unless":
				return true
			}
		}
		return false
	}
	// noun returns the index of the charge after tokens k, past
	// determiners and kinds of suit, or -1.
	noun := func(k int) int {
		for e := k; e < b && e <= k+4; e++ {
			if contestedNouns[ts[e].low] && (e+1 >= b || !contestedNouns[ts[e+1].low]) {
				return e
			}
			if !contestSkip[ts[e].low] && !contestedNouns[ts[e].low] {
				return -1
			}
		}
		return -1
	}
	for k := a; k < b; k++ {
		l := ts[k].low
		switch {
		case (l == "won" || l == "wins" || l == "win") && !takenBack(k):
			e := noun(k + 1)
			if e < 0 {
				continue
			}
			// "against" must point back at the speaker: "brought against
			// it", not "a judgment against Texaco".
			other := false
			for g := e + 1; g < b && g <= e+4; g++ {
				if ts[g].low == "against" {
					other = g+1 >= b || !slices.Contains([]string{"it", "him", "her", "them", "us", "me"}, ts[g+1].low)
				}
			}
			if !other {
				return "the accused won the case against it"
			}
		case (l == "disagreed" || l == "disagrees" || l == "disagree") && k+1 < b && ts[k+1].low == "with" && !takenBack(k):
			if noun(k+2) >= 0 {
				return "the accused disagrees with the charge"
			}
		case defenceNouns[l] && hasGoodDefences(ts, a, k) && !takenBack(k):
			// "believes it has good and meritorious defenses to any
			// possible claim": the accused contests the claims.
			return "the accused has defences against the charge"
		case (l == "dismiss" || l == "dismissal") && seeksDismissal(ts, a, b, k) && !takenBack(k):
			// "will ask the court to dismiss the suit", "will seek
			// dismissal of the charges", "moved to dismiss the suit".
			return "the accused seeks the charge's dismissal"
		case contestedNouns[l] && !contestedNouns[ts[min(k+1, b-1)].low]:
			// "it considers the judgment unjustified": the noun's
			// small clause.
			if callsWrong(ts, k+1, b) && !takenBack(k) {
				return "the accused calls the charge or ruling wrong"
			}
			// "the ruling by the three-judge panel ... was incorrect",
			// "the verdict is in error".
			for g := k + 1; g < b && g <= k+12; g++ {
				if ts[g].low == "," || ts[g].low == ";" || ts[g].low == "that" {
					break
				}
				if beForms[ts[g].low] && !takenBack(g+1) {
					if callsWrong(ts, g+1, b) {
						return "the accused calls the charge or ruling wrong"
					}
					break
				}
			}
		}
	}
	return ""
}

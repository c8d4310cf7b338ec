package ledger

import (
	"strings"
	"unicode"
)

// wrongStems are stems of words that name misconduct or a damaging act:
// "violated", "dumping", "insider trading", "bias", "bribes". A word
// starting with one of them names a wrong.
var wrongStems = []string{
	"violat", "breach", "dump", "brib", "fraud", "insider", "illegal", "illicit", "unlawful",
	"improper", "bias", "conspir", "launder", "smuggl", "steal", "stole", "theft", "corrupt",
	"kickback", "cheat", "lied", "mislead", "misled", "manipulat", "extort", "ransom", "divert",
	"diversion", "collu", "espionage", "spied", "spying", "spies", "spy", "abus", "unfair", "leak", "irresponsib",
	"animosity", "wrongdo", "misconduct", "negligen", "deceiv", "decept", "cover-up", "obstruct",
	"tamper", "harass", "discriminat", "evad", "evasion", "embezzl", "misappropriat", "price-fix",
	"cartel", "infring", "pirac", "counterfeit", "forged", "forgery", "plagiar", "perjur",
	"defraud", "swindl", "racketeer", "predatory", "ransomed", "hostage", "murder", "kill",
	"tortur", "massacr", "assassinat", "terroris", "sabotag", "subvers", "looted", "looting",
	"overcharg", "undercut", "genocid", "atrocit", "war crime", "interfer", "wrest", "spite",
	"scheme", "contravene", "flout", "defy", "defied", "renege", "dishonest", "bad faith",
	"extortion", "guilty", "culpab", "scandal", "pollut", "poison", "falsif", "doctored",
}

// wrongPhrases are wrongs of several words, matched on lower-case text
// with single spaces.
var wrongPhrases = []string{
	"failed to live up", "failing to live up", "failure to live up", "not lived up", "not living up",
	"failed to comply", "failing to comply", "failure to comply", "not complied", "not comply",
	"below cost", "below production cost", "below stipulated", "below fair", "inside information",
	"bad faith", "arms for hostages", "arms-for-hostages", "out of reach", "unwillingness",
	"failed to honour", "failed to honor", "failure to honour", "failure to honor", "did not honour",
	"failed to deliver", "failure to deliver", "not abide", "failed to disclose", "failure to disclose",
	"running the government", "ship arms", "shipping weapons", "sell arms", "sale of arms",
	"arms sales", "supplied arms", "supply of missiles", "sale of anti-aircraft",
}

// wrongPhraseWords are the words of each of wrongPhrases, split once
// rather than for every word WrongAt looks at.
var wrongPhraseWords = func() [][]string {
	out := make([][]string, len(wrongPhrases))
	for i, p := range wrongPhrases {
		out[i] = strings.Fields(p)
	}
	return out
}()

// IsWrong reports whether a lower-case word names a wrong.
func IsWrong(w string) bool {
	for _, s := range wrongStems {
		if strings.HasPrefix(w, s) {
			return true
		}
	}
	return false
}

// WrongAt returns the index of the first wrong in words (lower-case
// tokens) and how many words it spans, or -1.
func WrongAt(words []string) (int, int) {
	for i, w := range words {
		for _, ps := range wrongPhraseWords {
			if i+len(ps) <= len(words) && ps[0] == w {
				ok := true
				for k := 1; k < len(ps); k++ {
					ok = ok && words[i+k] == ps[k]
				}
				if ok {
					return i, len(ps)
				}
			}
		}
		if IsWrong(w) && !(w == "leak" || w == "leaks") {
			return i, 1
		}
	}
	return -1, 0
}

// concepts map words of one side or the other of an allegation to one
// key: a denial says "abiding by the agreement" where the allegation said
// "violating the agreement", "did not know" where it said "was told".
var concepts = map[string][]string{
	"compliance": {"violat", "breach", "break", "broke", "abid", "compl", "honour", "honor", "live up", "lived up", "living up", "faithful", "commitment", "obey", "contravene", "flout", "renege", "counter to"},
	"dumping":    {"dump", "below cost", "below production", "below stipulated", "cut-price", "knock-down", "cheap", "predatory", "below fair"},
	"insider":    {"insider", "inside information", "non-public", "leak"},
	"legality":   {"illegal", "unlawful", "legal", "illicit", "innocen", "guilty", "wrongdo", "improper"},
	"knowledge":  {"knew", "know", "knowledge", "told", "aware", "unaware", "inform"},
	"bias":       {"bias", "animosity", "impartial", "prejudic", "fair trial"},
	"bribery":    {"brib", "kickback", "payoff", "corrupt"},
	"fraud":      {"fraud", "defraud", "deceiv", "decept", "mislead", "misled", "falsif", "lied", "lie ", "truth", "honest"},
	"hostages":   {"hostage", "ransom", "kidnap"},
	"arms":       {"arms", "weapon", "missile", "munitions", "military supplies", "military equipment", "blowpipe"},
	"diversion":  {"divert", "diversion", "proceeds", "funds", "profits went"},
	"espionage":  {"spy", "spied", "spying", "espionage", "steal", "stole", "hack"},
	"bankruptcy": {"bankrupt", "chapter 11", "creditors", "protection from"},
	"assets":     {"asset", "transfer", "subsidiar", "out of reach"},
	"government": {"running the government", "governmental decisions", "role in"},
}

// Concepts returns the concept keys that lower-case text touches.
func Concepts(low string) []string {
	var out []string
	for k, ws := range concepts {
		for _, w := range ws {
			if strings.Contains(low, w) {
				out = append(out, k)
				break
			}
		}
	}
	return out
}

// stop lists words too common to tell two acts apart.
var stop = func() map[string]bool {
	m := make(map[string]bool)
	for _, w := range strings.Fields(`a an the of to in on at by for with from and or but not no nor
		that this these those it its it's he she they them their his her him we us our you your i me my
		is are was were be been being has have had do does did will would shall should can could may might
		must said say says told tell also as than then there here which who whom whose what when where why
		how all any some such only very more most other into over under about after before against between
		during without within upon out up down off again further once new last first two three one year
		years month months week mr mrs ms company government officials official spokesman statement
		reuters dlrs dlr mln billion pct percent today yesterday monday tuesday wednesday thursday friday
		saturday sunday january february march april may june july august september october november december`) {
		m[w] = true
	}
	return m
}()

// Tokens splits text into lower-case words (letters, digits, inner
// hyphens and apostrophes).
func Tokens(text string) []string {
	var out []string
	var b strings.Builder
	flush := func() {
		if b.Len() > 0 {
			out = append(out, strings.Trim(b.String(), "-'"))
			b.Reset()
		}
	}
	for _, r := range text {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(unicode.ToLower(r))
		case (r == '-' || r == '\'' || r == '’') && b.Len() > 0:
			b.WriteRune(r)
		default:
			flush()
		}
	}
	flush()
	return out
}

// Stem cuts common English suffixes so that "violating", "violations" and
// "violated" meet.
func Stem(w string) string {
	for _, suf := range []string{"ations", "ation", "ings", "ing", "ions", "ion", "ments", "ment", "ers", "ed", "es", "er", "ly", "s"} {
		if len(w) > len(suf)+3 && strings.HasSuffix(w, suf) {
			return w[:len(w)-len(suf)]
		}
	}
	return w
}

// ActWords returns the stems of the content words of text, without stop
// words and names (capitalised words, unless the text is in capitals), in
// order, each once.
func ActWords(text string) []string {
	var out []string
	seen := make(map[string]bool)
	caps := shouting(text)
	for _, raw := range strings.Fields(text) {
		if !caps && startsUpper(raw) {
			continue
		}
		for _, w := range Tokens(raw) {
			if len(w) < 3 || stop[w] || isNum(w) {
				continue
			}
			s := Stem(w)
			if !seen[s] {
				seen[s] = true
				out = append(out, s)
			}
		}
	}
	return out
}

func startsUpper(w string) bool {
	for _, r := range w {
		if unicode.IsLetter(r) {
			return unicode.IsUpper(r)
		}
	}
	return false
}

// shouting reports whether text is mostly capitals (a wire headline).
func shouting(text string) bool {
	up, low := 0, 0
	for _, r := range text {
		if unicode.IsUpper(r) {
			up++
		} else if unicode.IsLower(r) {
			low++
		}
	}
	return up > 4 && low*4 < up
}

func isNum(w string) bool {
	for _, r := range w {
		if !unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

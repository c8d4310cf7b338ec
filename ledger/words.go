package ledger

import (
	"strings"
	"unicode"
)

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
		saturday sunday january february march april may june july august september october november december
		go goes going went gone come comes came make makes made take takes took taken get gets got give gives gave
		put puts`) {
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

// Stem cuts common English suffixes so that the forms of a word meet:
// "violate", "violated", "violating", "violation" and "violations" are
// all "violat"; "comply", "complied" and "complies" are "compli". A stem
// keeps at least four letters.
func Stem(w string) string {
	for _, r := range []struct{ suf, rep string }{
		{"ations", "at"}, {"ation", "at"}, {"ings", ""}, {"ing", ""}, {"ions", ""}, {"ion", ""},
		{"ments", ""}, {"ment", ""}, {"ies", "i"}, {"ied", "i"}, {"ers", ""}, {"ed", ""}, {"es", ""},
		{"er", ""}, {"ly", ""}, {"s", ""}, {"y", "i"}, {"e", ""},
	} {
		least := 4
		if r.suf == "ly" {
			least = 5 // "allegedly", not "comply"
		}
		if len(w)-len(r.suf)+len(r.rep) >= least && strings.HasSuffix(w, r.suf) {
			return w[:len(w)-len(r.suf)] + r.rep
		}
	}
	return w
}

// ActWords returns the stems of the content words of text, and of the
// parts of its hyphenated words, without stop words and names
// (capitalised words, unless the text is in capitals), in order, each
// once.
func ActWords(text string) []string {
	var out []string
	seen := make(map[string]bool)
	caps := shouting(text)
	for _, raw := range strings.Fields(text) {
		if !caps && startsUpper(raw) {
			continue
		}
		for _, w := range Tokens(raw) {
			ws := []string{w}
			if strings.Contains(w, "-") {
				// "weapons-related" meets "weapons", "anti-dumping"
				// meets "dumping".
				ws = append(ws, strings.Split(w, "-")...)
			}
			for _, w := range ws {
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

// AllegationWords are the words by which a statement names allegations
// ("denied the reports", "no evidence for the allegations"): an answer
// that uses one refers back to them.
var AllegationWords = func() map[string]bool {
	m := make(map[string]bool)
	for _, w := range strings.Fields(`allegation allegations claim claims report reports accusation accusations
		charge charges rumour rumours rumor rumors suggestion suggestions story stories suit suits lawsuit
		lawsuits complaint complaints criticism criticisms`) {
		m[w] = true
	}
	return m
}()

// RefersBack reports whether a statement names allegations (see
// AllegationWords). The extraction marks its claims so; a claim read back
// from the store is marked by this.
func RefersBack(content string) bool {
	toks := Tokens(content)
	for i, w := range toks {
		if AllegationWords[w] && !CreditorClaim(toks, i) {
			return true
		}
	}
	return false
}

// creditorWords make a claim a demand for money, not an allegation:
// "unsecured claims totaling 700,000 dlrs", "insurance claims".
var creditorWords = map[string]bool{"unsecured": true, "secured": true, "creditor": true, "creditors": true,
	"insurance": true, "tax": true, "priority": true, "warranty": true, "pending": true, "outstanding": true,
	"totaling": true, "totalling": true, "amounting": true, "worth": true}

// CreditorClaim reports whether the word at i of lower-case tokens toks
// is "claim" or "claims" in the sense of a demand for money ("various
// Coastal subsidiaries have made unsecured claims totaling 700,000 dlrs
// which are disputed"): a word of money before or after it. Such a claim
// names no allegation.
func CreditorClaim(toks []string, i int) bool {
	if toks[i] != "claim" && toks[i] != "claims" {
		return false
	}
	return i > 0 && creditorWords[toks[i-1]] || i+1 < len(toks) && creditorWords[toks[i+1]]
}

// irregular puts the stems (Stem) of the irregular forms of a verb and of
// its nouns under one key, so that the forms of one act meet though no
// suffix rule joins them: "hid", "hidden" and "hiding" are "hide"; "sold"
// and "sale" are "sell"; "paid" and "payment" are "pay"; "stole" and
// "theft" are "steal". Only verbs of acts that allegations name are kept:
// a table of every irregular verb would join words that say little
// ("lost" and "loss" are in nearly every company story).
var irregular = func() map[string]string {
	m := make(map[string]string)
	for _, g := range []string{
		"hide: hid hide hiding hidden",
		"sell: sold sell sale selling",
		"buy: bought buy buys buying",
		"pay: paid pay pays paying payment",
		"lie: lied lie lies lying",
		"steal: stol stolen steal theft thief thiev",
		"know: knew know known knowing",
		"mislead: misl mislead",
		"flee: fled flee",
		"bribe: brib briberi",
		"forge: forg forgeri",
		"conspire: conspir conspiraci",
		"deceive: deceiv decept deceit",
		"falsify: falsifi falsificat",
		"seek: sought seek",
		"break: brok broken break",
		"strike: struck strik",
		"shoot: shot shoot",
		"throw: threw thrown throw",
		"overproduce: overproduc overproduct over-produc",
	} {
		key, forms, _ := strings.Cut(g, ":")
		for _, f := range strings.Fields(forms) {
			m[f] = key
		}
	}
	return m
}()

// sameAct reports whether two stems are forms of one word: equal, or
// joined by the irregular table.
func sameAct(a, b string) bool {
	if a == b {
		return true
	}
	ka, ok := irregular[a]
	return ok && ka == irregular[b]
}

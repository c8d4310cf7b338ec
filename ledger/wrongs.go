package ledger

import (
	"sort"
	"strings"
)

// The misconduct lexicon: the words by which news names a wrong, in kinds
// (breaking a rule or an agreement, crime, fraud, corruption, violence,
// abuse, negligence, espionage, market abuse, impropriety), and for each
// kind the words by which an answer says the opposite ("abiding by the
// agreement" answers "violated the agreement"). It names no story: no
// country, product, weapon or event, so that it reads any news alike.
//
// A pattern is words separated by spaces. A word is one or more forms
// separated by "|"; a form ending in "*" is a prefix ("violat*" matches
// "violated", "violations"), one starting with "*" a suffix ("*n't"); "~" skips up to two words ("broke ~ law"
// matches "broke the law" and "broken its own law").
var wrongKinds = []struct {
	kind    string
	wrongs  []string
	answers []string
}{
	{"rules", []string{
		"violat*", "breach*", "infring*", "contraven*", "flout*", "renege", "reneged", "reneges", "reneging", "circumvent*",
		"non-complian*", "noncomplian*", "defied", "defy", "defying", "defies",
		"break|breaks|breaking|broke|broken ~ law|laws|rule|rules|regulation|regulations|agreement|agreements|pact|accord|treaty|promise|promises|pledge|pledges|ceasefire|cease-fire|truce|embargo|sanctions|contract|code|undertaking|commitment|commitments",
		// Passive: "the regulations had been broken".
		"law|laws|rule|rules|regulation|regulations|agreement|agreements|pact|accord|treaty|contract|code ~ broken",
		"fail|fails|failed|failing|failure ~ to comply|honour|honor|abide|adhere|fulfil|fulfill|observe|respect",
		"fail|fails|failed|failing|failure ~ to live up",
		// A rule not followed or a deed contrary to one, the rule named:
		// "failed to follow consultation procedures laid down in the Lome
		// Convention", "was contrary to the spirit of the General
		// Agreement"; not "failed to follow through", "contrary to
		// expectations".
		"fail|fails|failed|failing|failure to follow|observe|obey ~ procedure|procedures|rule|rules|regulation|regulations|law|laws|agreement|agreements|provisions|requirements|guidelines|code|convention",
		"contrary to ~ law|laws|rule|rules|regulation|regulations|agreement|agreements|pact|accord|treaty|spirit|provisions|principles|convention|constitution|charter|undertaking|commitments",
		"not|*n't|never ~ complied|comply|complying|abide|abided|abiding|honour|honor|honoured|honored|honouring|honoring",
		"not|*n't|never ~ lived|living|live up",
		// A quota or a ceiling exceeded: "producing above quota", "pumping
		// up to one million bpd over its self-imposed limits", "exceeded its
		// quota". Overproduction alone is no wrong: it is said of farm
		// surpluses.
		"above|exceed|exceeds|exceeded|exceeding|beyond ~ quota|quotas|ceiling|ceilings|allotment|allotments|allocation|allocations",
		// With a possessive and two words of its own: "exceeding its
		// agreed production ceiling".
		"above|exceed|exceeds|exceeded|exceeding|beyond its|their|the ~ quota|quotas|ceiling|ceilings|allotment|allotments|allocation|allocations",
		"over its|their|his|her ~ quota|quotas|ceiling|ceilings|allotment|allotments|allocation|allocations|limit|limits",
		"more than its|their ~ quota|quotas|allotted|allotment|allocation",
	}, []string{
		"abid*", "complied", "comply", "complying", "compliance", "honour*", "honor*", "faithful*", "adher*",
		"obey*", "observe", "observed", "observing", "observes", "lived up", "living up", "live up",
		"in line with", "counter to",
		"within ~ quota|quotas|ceiling|ceilings|limit|limits|allotment|allotments|allocation|allocations",
		"within its|their|the ~ quota|quotas|ceiling|ceilings|limit|limits|allotment|allotments|allocation|allocations",
	}},
	{"crime", []string{
		"crime", "crimes", "criminal*", "illegal*", "illicit*", "unlawful*", "wrongdo*", "misconduct",
		"smuggl*", "traffick*", "launder*", "extort*", "blackmail*", "racketeer*", "counterfeit*",
		"abet", "abets", "abetted", "abetting", "drug dealing", "drug-dealing", "forgery", "forgeries", "forged", "burglar*", "robbery", "robberies", "robbed", "theft", "thefts", "steal",
		"steals", "stealing", "stole", "stolen", "looted", "looting", "arson", "guilty", "culpab*",
		"offence", "offences", "offense", "offenses", "felony", "felonies",
	}, []string{
		"legal", "legally", "lawful*", "innocen*", "nothing wrong", "within the law", "proper", "properly",
	}},
	{"fraud", []string{
		"fraud*", "defraud*", "swindl*", "deceiv*", "decepti*", "falsif*", "perjur*", "plagiar*",
		"mislead*", "misled", "misrepresent*", "cheat", "cheated", "cheating", "cheats", "lied", "lying about",
		"faked", "faking", "defam*", "bid-rigging",
		"cover-up", "cover-ups", "covered up", "cover up", "covering up", "doctored", "rigged",
		"rigging", "vote-rigging", "ballot stuffing", "lying to", "lie to", "lies to",
		"false|misleading ~ statement|statements|information|accounts|account|declaration|declarations|advertising|advertisements|advertisement",
		// Deceit and evasion named without the words above: "a phony
		// invoice", "trying to evade the liability question", "tax
		// evasion", "a smear campaign"; not "evade new dividend pressure",
		// nor figures that give "a false impression".
		"phony", "phoney", "bogus",
		"evade|evades|evaded|evading ~ justice|tax|taxes|duty|duties|liability|arrest|sanctions|law|laws|regulations|controls|payment|responsibility",
		"tax|duty evasion", "smear|smears campaign|campaigns",
	}, []string{
		"truth*", "true", "honest*", "accurat*",
	}},
	{"corruption", []string{
		"brib*", "kickback*", "corrupt*", "embezzl*", "misappropriat*", "misappl*", "nepotis*", "cronyis*", "favoritism", "favouritism",
		"graft", "payoff", "payoffs", "abuse|abused|abusing of|his|her|its|their power|office|position",
		"conflict|conflicts of interest", "slush fund*", "misus*", "siphon*",
		"divert|diverted|diverting|diversion ~ funds|money|aid|proceeds|profits|cash",
		"funds|money|aid|cash diversion",
	}, nil},
	{"violence", []string{
		"murder*", "massacr*", "assassinat*", "tortur*", "genocid*", "atrocit*", "terrorism",
		"abduct*", "kidnap*", "sabotag*", "behead*", "war crime*", "crimes against humanity",
		"ethnic cleansing", "human shield*", "rape", "raped", "raping", "rapes", "blew up", "blown up",
		"set fire to", "set on fire", "kill", "killed", "killing", "killings", "kills", "shot dead",
		"beat up", "beaten up", "beating up", "took|taken|taking|holding|held ~ hostage|hostages",
		"hostage-taking",
		// Aggression, and attacks on those who are no party to a fight
		// ("attacks on neutral shipping", "a missile attack on a U.S.-flag
		// tanker"); fighting between armed forces is no wrong of this kind.
		"aggression",
		"attack|attacks|raid|raids|strike|strikes on|against ~ ship|ships|shipping|tanker|tankers|vessel|vessels|civilian|civilians|convoy|convoys|airliner|airliners|villages",
		// A ship named by its flag takes more words than the gap allows:
		// "a missile attack on a U.S. flag tanker", "an attack on the
		// American-flagged Kuwaiti tanker", "a strike against the
		// United States-flag ship".
		"attack|attacks|raid|raids|strike|strikes on|against ~ flag|flagged|*-flag|*-flagged ~ ship|ships|tanker|tankers|vessel|vessels|convoy|convoys",
	}, nil},
	{"abuse", []string{
		"abus*", "harass*", "discriminat*", "persecut*", "intimidat*", "mistreat*", "maltreat*",
		"ill-treat*", "repress*", "oppress*", "censor*", "bully", "bullied", "bullying", "enslav*",
		"forced labour", "forced labor", "child labour", "child labor",
	}, []string{
		"humane*", "treated well",
	}},
	{"negligence", []string{
		"negligen*", "reckless*", "pollut*", "contaminat*", "poison*", "endanger*", "mismanag*",
		"fail|fails|failed|failing|failure ~ to protect|prevent|warn|disclose|declare|report|investigate",
		// A danger to health or safety said of a product, a plant or a
		// practice: "can be hazardous to consumers", "it's a health risk",
		// "can contribute to heart disease", "unsafe and unsound
		// practices"; not a test "for 55 major health risks".
		"hazardous to", "unsafe", "carcinogen*",
		"a|poses|pose|posed|posing|serious health risk|risks|hazard|hazards",
		"cause|causes|caused|causing|contribute|contributes|contributed|contributing to ~ heart disease|cancer|cancers|illness|illnesses",
		"bad|harmful|dangerous for|to ~ health|heart",
		"not good for ~ health",
		"dangerous levels",
	}, []string{
		"precaution*", "safe", "safely", "disclosed",
	}},
	{"espionage", []string{
		"espionage", "spied", "spying", "hacked", "hack|hacks|hacking into|of",
		"spy|spies for", "wiretap*", "bugged", "bugging", "eavesdrop*",
	}, nil},
	{"market", []string{
		"price-fix*", "price fixing", "cartel*", "collu*", "manipulat*", "predatory",
		"anti-competitive", "anticompetitive", "insider trading", "insider dealing", "inside information", "insider information", "non-public information", "dumping",
		"restrictive ~ practices|practice",
		"leak|leaks|leaked|leaking ~ information|secrets|confidential|classified",
		"below ~ cost|costs|stipulated|agreed|minimum|floor|fixed", "below fair value", "unfair ~ practices|practice|trade|trading|competition|advantage",
		"unfairly",
		"price gouging",
		// Trade injury, the ground of a duty: "subsidized U.S. corn imports
		// were injurious to Canadian growers", "U.S. corn has injured
		// Ontario corn growers"; a worker injured in a blast is none.
		"import|imports ~ injur*",
		"injured|injures|injuring|injure ~ growers|producers|industry|industries|manufacturers|farmers|interests",
		"injurious|injury to ~ growers|producers|industry|industries|manufacturers|farmers|interests",
	}, []string{
		"fair value", "market price*", "above cost",
	}},
	{"impropriety", []string{
		"improper*", "impropriet*", "unethical*", "irregularit*", "wrongful*", "dishonest*",
		"malpractic*", "malfeasan*", "obstruct*", "tamper*", "conspir*", "interfer*", "meddl*",
		"bad faith", "biased", "bias|prejudice against|towards|toward|in favour|in favor",
	}, []string{
		"impartial*", "fair", "fairly", "good faith", "proper", "properly",
	}},
}

// knowledge is a side of an act of its own: an answer says "did not know"
// where the allegation said "was told" or "knew".
var knowledge = []string{"knew", "know", "knows", "knowing", "knowledge", "aware", "unaware", "told", "informed"}

// pattern is a compiled pattern of the lexicon.
type pattern struct {
	kind  string
	words [][]string // forms of each word; "~" is a gap
}

var wrongPatterns, answerPatterns = func() ([]pattern, []pattern) {
	comp := func(kind, p string) pattern {
		var ws [][]string
		for _, w := range strings.Fields(p) {
			ws = append(ws, strings.Split(w, "|"))
		}
		return pattern{kind, ws}
	}
	var wp, ap []pattern
	for _, k := range wrongKinds {
		for _, p := range k.wrongs {
			wp = append(wp, comp(k.kind, p))
		}
		for _, p := range k.answers {
			ap = append(ap, comp(k.kind, p))
		}
	}
	for _, w := range knowledge {
		ap = append(ap, comp("knowledge", w))
	}
	return wp, ap
}()

// formMatch reports whether a lower-case word is one of the forms.
func formMatch(forms []string, w string) bool {
	for _, f := range forms {
		if len(f) > 1 && f[0] == '*' {
			if strings.HasSuffix(w, f[1:]) {
				return true
			}
		} else if n := len(f) - 1; n > 0 && f[n] == '*' {
			if strings.HasPrefix(w, f[:n]) {
				return true
			}
		} else if w == f {
			return true
		}
	}
	return false
}

// matchAt returns the number of words the pattern spans at words[i], or 0.
func (p pattern) matchAt(words []string, i int) int {
	j := i
	for k, forms := range p.words {
		if len(forms) == 1 && forms[0] == "~" {
			continue
		}
		if k > 0 && len(p.words[k-1]) == 1 && p.words[k-1][0] == "~" {
			// A gap: the next word within two.
			found := false
			for g := 0; g <= 2 && j+g < len(words); g++ {
				if formMatch(forms, words[j+g]) {
					j += g + 1
					found = true
					break
				}
			}
			if !found {
				return 0
			}
			continue
		}
		if j >= len(words) || !formMatch(forms, words[j]) {
			return 0
		}
		j++
	}
	return j - i
}

// IsWrong reports whether a lower-case word alone names a wrong
// ("violated", "bribes"); a wrong of several words ("broke the law") is
// found by WrongAt.
func IsWrong(w string) bool {
	for _, p := range wrongPatterns {
		if len(p.words) == 1 && formMatch(p.words[0], w) {
			return true
		}
	}
	return false
}

// WrongAt returns the index of the first wrong in words (lower-case
// tokens) and how many words it spans, or -1. Where several patterns match
// at that word, the first in the lexicon's order decides the span.
func WrongAt(words []string) (int, int) {
	var buf [64]int
	for i, w := range words {
		for _, k := range wrongIndex.candidates(w, buf[:0]) {
			if n := wrongPatterns[k].matchAt(words, i); n > 0 {
				return i, n
			}
		}
	}
	return -1, 0
}

// patternIndex finds, for a word, the patterns whose first word it may be,
// so that a search tries a handful of patterns at each word rather than
// the whole lexicon. It may offer patterns that do not match (matchAt
// decides); it never leaves out one that does.
type patternIndex struct {
	exact  map[string][]int // a pattern's exact first forms
	prefix map[string][]int // its prefix forms, by their first prefixKey bytes
	always []int            // suffix forms, short prefixes, a leading gap
}

// prefixKey is how many leading bytes of a prefix form index it.
const prefixKey = 3

// wrongIndex indexes wrongPatterns.
var wrongIndex = newPatternIndex(wrongPatterns)

// newPatternIndex indexes patterns by their first word's forms.
func newPatternIndex(ps []pattern) *patternIndex {
	x := &patternIndex{exact: map[string][]int{}, prefix: map[string][]int{}}
	add := func(m map[string][]int, key string, k int) {
		if l := m[key]; len(l) == 0 || l[len(l)-1] != k {
			m[key] = append(l, k)
		}
	}
	for k, p := range ps {
		if len(p.words) == 0 || (len(p.words[0]) == 1 && p.words[0][0] == "~") {
			x.always = append(x.always, k)
			continue
		}
		always := false
		for _, f := range p.words[0] {
			switch n := len(f) - 1; {
			case len(f) > 1 && f[0] == '*':
				always = true
			case n > 0 && f[n] == '*':
				if n < prefixKey {
					always = true
				} else {
					add(x.prefix, f[:prefixKey], k)
				}
			default:
				add(x.exact, f, k)
			}
		}
		if always {
			x.always = append(x.always, k)
		}
	}
	return x
}

// candidates appends to buf, in the lexicon's order and each once, the
// patterns that may start at word w.
func (x *patternIndex) candidates(w string, buf []int) []int {
	buf = append(buf, x.always...)
	buf = append(buf, x.exact[w]...)
	if len(w) >= prefixKey {
		buf = append(buf, x.prefix[w[:prefixKey]]...)
	}
	if len(buf) < 2 {
		return buf
	}
	sort.Ints(buf)
	out := buf[:1]
	for _, k := range buf[1:] {
		if k != out[len(out)-1] {
			out = append(out, k)
		}
	}
	return out
}

// Kinds returns the kinds of wrong that lower-case words name or answer
// (and "knowledge"), each once, in the lexicon's order.
func Kinds(words []string) []string {
	var out []string
	add := func(k string) {
		for _, o := range out {
			if o == k {
				return
			}
		}
		out = append(out, k)
	}
	for _, ps := range [][]pattern{wrongPatterns, answerPatterns} {
		for _, p := range ps {
			for i := range words {
				if p.matchAt(words, i) > 0 {
					add(p.kind)
					break
				}
			}
		}
	}
	return out
}

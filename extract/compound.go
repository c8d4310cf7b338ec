package extract

import (
	"regexp"
	"strings"
	"unicode"

	"github.com/dossier-project/dossier/extract/text"
	"github.com/dossier-project/dossier/schema"
)

// reCompound is a name joined by a hyphen to a participle of support,
// control or origin: "China-backed hackers", "Kremlin-linked media",
// "Iran-sponsored militias", "Moscow-based company".
var reCompound = regexp.MustCompile(`(\p{Lu}[\p{L}.']*(?: \p{Lu}[\p{L}.']*)?)-(?:backed|linked|sponsored|led|funded|owned|controlled|allied|affiliated|aligned|supported|run|financed|directed|friendly|based)\b`)

// compoundParticiples are the words after the hyphen of reCompound.
var compoundParticiples = []string{"backed", "linked", "sponsored", "led", "funded", "owned", "controlled",
	"allied", "affiliated", "aligned", "supported", "run", "financed", "directed", "friendly", "based"}

// hasCompound reports whether runes may hold a match of reCompound: a
// letter, a full stop or an apostrophe ("U.S.-backed"), a hyphen and one of
// compoundParticiples.
func hasCompound(runes []rune) bool {
	for i := 1; i+3 < len(runes); i++ {
		if runes[i] != '-' || !unicode.IsLetter(runes[i-1]) && runes[i-1] != '.' && runes[i-1] != '\'' {
			continue
		}
		for _, p := range compoundParticiples {
			if hasWordAt(runes, i+1, p) {
				return true
			}
		}
	}
	return false
}

// hasWordAt reports whether the ASCII word w is written at runes[i:].
func hasWordAt(runes []rune, i int, w string) bool {
	if i+len(w) > len(runes) {
		return false
	}
	for k := 0; k < len(w); k++ {
		if runes[i+k] != rune(w[k]) {
			return false
		}
	}
	return true
}

// compoundMentions adds the name in a hyphenated compound ("China" in
// "China-backed hackers") as a mention of its own when it names a country
// (or a nationality: "Russian-backed") or an entity the document names
// elsewhere: the hackers' backer is then an entity the sentence is about,
// as when the text says "backed by China". A span the recogniser tagged
// over the whole compound is replaced; a name it already tagged is kept.
func compoundMentions(runes []rune, sents []text.Sentence, ms []*mention) []*mention {
	if !hasCompound(runes) {
		return ms // most stories: no regular expression over the text
	}
	s := string(runes)
	locs := reCompound.FindAllStringSubmatchIndex(s, -1)
	if len(locs) == 0 {
		return ms
	}
	at := text.CodePoints(s) // byte offsets in s to code points
	// The names the document tags elsewhere, each with the type most of
	// its mentions have (an added mention never turns the vote).
	votes := map[string]map[string]int{}
	for _, m := range ms {
		if !m.derived && m.Type != schema.Misc {
			if votes[m.Text] == nil {
				votes[m.Text] = map[string]int{}
			}
			votes[m.Text][m.Type]++
			// "Carl Icahn" ... "the Icahn-led group": a person's surname.
			if w := strings.Fields(m.Text); m.Type == schema.Person && len(w) > 1 {
				last := w[len(w)-1]
				if votes[last] == nil {
					votes[last] = map[string]int{}
				}
				votes[last][m.Type]++
			}
		}
	}
	known := func(name string) string {
		best, n := "", 0
		for t, c := range votes[name] {
			if c > n || c == n && t < best {
				best, n = t, c
			}
		}
		return best
	}
	for _, l := range locs {
		ns, ne, ce := at[l[2]], at[l[3]], at[l[1]]
		if ns > 0 && (runes[ns-1] == '-' || isWordRune(runes[ns-1])) {
			continue // "Sino-Soviet-backed": not a name at the start
		}
		name := string(runes[ns:ne])
		if i := strings.IndexByte(name, ' '); i > 0 && stopNames[strings.ToLower(name[:i])] {
			// "The Bermuda-based fund": the name after the article.
			ns += len([]rune(name[:i+1]))
			name = name[i+1:]
		}
		typ, canon, derived := "", "", false
		if t := known(name); t != "" {
			typ = t
		} else if c, ok := countryName(name); ok {
			typ, canon = schema.Place, c
		} else if c, ok := demonymCountry(name); ok && !strings.Contains(name, " ") {
			// "Japanese-owned": the nationality names its country, as
			// "Japanese" alone does.
			typ, canon, derived = schema.Place, c, true
		} else {
			continue
		}
		si := sentenceAt(sents, ns)
		if si < 0 {
			continue
		}
		// A span the recogniser tagged inside the compound ("China-backed"
		// as MISC) gives way; one that runs past it ("Moscow-based Acme
		// Corp") or is the name itself stays, and nothing is added.
		clash := false
		for _, m := range ms {
			if m.Start < ce && m.End > ns && (m.Start < ns || m.End > ce || m.Start == ns && m.End == ne && !m.derived) {
				clash = true
				break
			}
		}
		if clash {
			continue
		}
		keep := ms[:0]
		for _, m := range ms {
			if !(m.Start >= ns && m.End <= ce) {
				keep = append(keep, m)
			}
		}
		ms = keep
		m := &mention{Found: Found{Span: schema.MakeSpan(runes, ns, ne), Sentence: si, Type: typ, Sure: true}, canon: canon}
		if derived {
			m.rule, m.why, m.derived = "demonym", schema.MakeSpan(runes, ns, ce), true
		}
		ms = append(ms, m)
	}
	return ms
}

// isWordRune reports a letter or digit.
func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// sentenceAt returns the index of the sentence holding code point p, or -1.
func sentenceAt(sents []text.Sentence, p int) int {
	for i, s := range sents {
		if s.Start <= p && p < s.End {
			return i
		}
	}
	return -1
}

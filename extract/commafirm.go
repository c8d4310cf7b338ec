package extract

import (
	"strings"
	"unicode"

	"github.com/dossier-project/dossier/schema"
)

// commaFirms joins the first name of a firm named "X, Y and Co" to the
// rest: the recogniser cuts "Goldman, Sachs and Co", "Kidder, Peabody and
// Co Inc", "Bear, Stearns and Co" or "Dillon, Read and Co" at the comma,
// into a person or no name ("Goldman") and a firm of the second name
// ("Sachs and Co", org/sachs-and-co), an entity no other story has. An
// organisation found as one capitalised word, "and" or "&", and "Co" (and
// what follows) is extended over the capitalised word and comma right
// before it, and what was found of that word is dropped, unless the word
// ends a longer name ("Merrill Lynch, Needham and Co" lists two firms) or
// is a word that starts a sentence ("Yesterday, ...") rather than a name
// (commaFirmStop).
func commaFirms(runes []rune, found []Found) []Found {
	drop := make(map[int]bool)
	out := make([]Found, len(found))
	copy(out, found)
	for i, f := range out {
		if f.Type != schema.Organization || !oneWordAndCo(runes, f.Start, f.End) {
			continue
		}
		// ", " right before the firm's name, a capitalised word before it.
		c := f.Start - 1
		for c >= 0 && runes[c] == ' ' {
			c--
		}
		if c < 1 || runes[c] != ',' || c == f.Start-1 {
			continue
		}
		we := c
		ws := we
		for ws > 0 && unicode.IsLetter(runes[ws-1]) {
			ws--
		}
		if we-ws < 2 || !unicode.IsUpper(runes[ws]) || !allLower(runes[ws+1:we]) || commaFirmStop[string(runes[ws:we])] {
			continue
		}
		// The word must start the name: no capitalised word before it on
		// its line ("Merrill Lynch, Needham and Co").
		p := ws - 1
		for p >= 0 && runes[p] == ' ' {
			p--
		}
		if p >= 0 && (unicode.IsLetter(runes[p]) || unicode.IsDigit(runes[p])) {
			q := p
			for q > 0 && unicode.IsLetter(runes[q-1]) {
				q--
			}
			if unicode.IsUpper(runes[q]) {
				continue
			}
		}
		// What was found of the word goes into the firm.
		ok := true
		for j, o := range out {
			if j != i && o.End > ws && o.Start < we {
				if o.Start < ws || o.End > we {
					ok = false // a name across the word's ends
					break
				}
			}
		}
		if !ok {
			continue
		}
		for j, o := range out {
			if j != i && o.End > ws && o.Start < we {
				drop[j] = true
			}
		}
		out[i].Span = schema.MakeSpan(runes, ws, f.End)
	}
	if len(drop) == 0 {
		return out
	}
	kept := out[:0]
	for j, o := range out {
		if !drop[j] {
			kept = append(kept, o)
		}
	}
	return kept
}

// oneWordAndCo reports whether runes[s:e] is a capitalised word, "and" or
// "&", and "Co" with what may follow it ("Sachs and Co", "Peabody and Co
// Inc", "Stearns & Co.").
func oneWordAndCo(runes []rune, s, e int) bool {
	k := s
	if k >= e || !unicode.IsUpper(runes[k]) {
		return false
	}
	for k < e && unicode.IsLetter(runes[k]) {
		k++
	}
	if k-s < 2 || k >= e || runes[k] != ' ' {
		return false
	}
	rest := string(runes[k+1 : e])
	for _, p := range []string{"and Co", "& Co"} {
		after, ok := strings.CutPrefix(rest, p)
		if !ok {
			continue
		}
		if after == "" || strings.HasPrefix(after, "mpany") || !unicode.IsLetter([]rune(after)[0]) {
			return true
		}
	}
	return false
}

// allLower reports whether every rune is a lower-case letter.
func allLower(rs []rune) bool {
	for _, r := range rs {
		if !unicode.IsLower(r) {
			return false
		}
	}
	return true
}

// commaFirmStop are capitalised words that open a sentence before a comma
// and a firm's name ("Yesterday, Eli Lilly and Co said") rather than name
// its first partner.
var commaFirmStop = setOf("Yesterday", "Today", "Tomorrow", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
	"Saturday", "Sunday", "January", "February", "March", "April", "May", "June", "July", "August", "September",
	"October", "November", "December", "Also", "However", "Meanwhile", "Separately", "Earlier", "Later", "Instead",
	"Besides", "Moreover", "Furthermore", "Nevertheless", "Still", "Then", "Now", "Here", "There", "Thus", "Hence",
	"Otherwise", "Similarly", "Likewise", "Indeed", "Finally", "Last", "First", "Second", "Third", "Analysts",
	"Underwriters", "Managers", "Co-managers", "Inc", "Ltd", "Corp", "Co", "Plc", "Bros", "Brothers", "Sons")

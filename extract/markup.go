package extract

import (
	"strings"
	"unicode"

	"github.com/dossier-project/dossier/extract/text"
	"github.com/dossier-project/dossier/schema"
)

// Newswire markup of companies. Reuters stories put a company that has no
// exchange listing, or a ticker, in angle brackets ("<Bell Resources Ltd>",
// "FORD <F> NEARS GM <GM>") and some tickers in square brackets
// ("[BTOM.MI]"). What the brackets hold is an organisation.

// maxMarkup is the longest bracketed name taken (in code points).
const maxMarkup = 80

// markupNames returns the names newswire brackets mark as companies.
func markupNames(runes []rune) []schema.Span {
	var out []schema.Span
	for i := 0; i < len(runes); i++ {
		open := runes[i]
		if open != '<' && open != '[' {
			continue
		}
		close := '>'
		if open == '[' {
			close = ']'
		}
		j := i + 1
		for j < len(runes) && j-i <= maxMarkup && runes[j] != close && runes[j] != '<' && runes[j] != '[' {
			j++
		}
		if j >= len(runes) || runes[j] != close {
			continue
		}
		s, e := i+1, j
		for s < e && unicode.IsSpace(runes[s]) {
			s++
		}
		for e > s && unicode.IsSpace(runes[e-1]) {
			e--
		}
		if s < e && companyMarkup(string(runes[s:e]), open) {
			out = append(out, schema.MakeSpan(runes, s, e))
		}
		i = j
	}
	return out
}

// companyMarkup reports whether bracketed text looks like a company name or
// ticker: it starts with a capital or a digit, has a capital letter, and
// (in square brackets) is a ticker with an exchange suffix ("BTOM.MI").
func companyMarkup(s string, open rune) bool {
	first := []rune(s)[0]
	if !unicode.IsUpper(first) && !unicode.IsDigit(first) {
		return false
	}
	upper := false
	for _, r := range s {
		upper = upper || unicode.IsUpper(r)
	}
	if !upper {
		return false
	}
	if open == '[' {
		dot := strings.LastIndexByte(s, '.')
		if dot <= 0 || len(s)-dot-1 < 1 || len(s)-dot-1 > 2 || strings.ContainsAny(s, " \n") {
			return false
		}
	}
	return len(strings.Fields(s)) <= 8
}

// applyMarkup makes the names that newswire brackets mark organisations,
// replacing whatever the recogniser found over them.
func applyMarkup(runes []rune, sents []text.Sentence, found []Found) []Found {
	return override(sents, found, markupNames(runes), schema.Organization)
}

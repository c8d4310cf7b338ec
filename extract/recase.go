package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dossier-project/dossier/extract/ner"
	"github.com/dossier-project/dossier/schema"
)

// A name in capitals comes from a headline or a dateline ("REAGAN SAYS
// ...", "WASHINGTON, March 3 -"). When it is the name an entity is shown
// by, the story usually spells it as well in the normal way, in a form
// that did not get to name the entity (a titled "President Reagan", a
// short form joined to it): then the entity is shown by that spelling.
// A place of the gazetteer named only in capitals is shown in title case
// ("TORONTO" is Toronto); other names only in capitals stay as written,
// since an organisation's may be an acronym ("NASDAQ", "CERADYNE INC").

// recased returns the display name for name, a name in capitals, from the
// spellings of the group's mentions: a mention that spells the whole name
// with lower-case letters ("Reagan" of "President Reagan" for "REAGAN");
// else the name with each word spelled as a mention spells it
// ("Consolidated Natural Gas" from "Consolidated" and "Natural Gas"),
// when every word of two letters or more has such a spelling; else, for a
// place of the gazetteer in a headline or a dateline, the name in title
// case; else name.
func recased(name, typ string, ms []*mention) string {
	if !isCaps(name) {
		return name
	}
	words := map[string]string{} // lower-case word -> its spelling with a capital and lower-case letters
	for _, m := range ms {
		text := strings.Join(strings.Fields(m.Text), " ")
		if !isCaps(text) && strings.EqualFold(text, name) {
			return text
		}
		for _, w := range strings.Fields(text) {
			if isCaps(w) || !startsUpper(w) {
				continue
			}
			if _, ok := words[strings.ToLower(w)]; !ok {
				words[strings.ToLower(w)] = w
			}
		}
	}
	f := strings.Fields(name)
	all := true
	for i, w := range f {
		if s, ok := words[strings.ToLower(w)]; ok {
			f[i] = s
		} else if utf8.RuneCountInString(w) > 1 {
			all = false
			break
		}
	}
	if all {
		return strings.Join(f, " ")
	}
	if typ == schema.Place && gazetteerPlace(name) {
		for _, m := range ms {
			if m.capsLine {
				return titleCase(name)
			}
		}
	}
	return name
}

// gazetteerPlace reports whether name is a city or a country of the
// gazetteer.
func gazetteerPlace(name string) bool {
	g, err := ner.DefaultGazetteer()
	if err != nil {
		return false
	}
	return g.Has(ner.CatCity, name) || g.Has(ner.CatCountry, name)
}

// smallWords stay in lower case inside a place's name in title case
// ("Isle of Man", "Rio de Janeiro", "Stratford-upon-Avon").
var smallWords = map[string]bool{"of": true, "the": true, "de": true, "da": true, "do": true, "del": true,
	"la": true, "le": true, "on": true, "upon": true, "en": true, "and": true, "am": true, "im": true}

// titleCase writes a name in capitals in title case: each word, and each
// part of a hyphenated word, with a capital and lower-case letters, the
// small words of smallWords in lower case but at the start.
func titleCase(name string) string {
	var b strings.Builder
	start := 0 // byte offset of the current part
	rs := []rune(strings.ToLower(name))
	for i := 0; i <= len(rs); i++ {
		if i < len(rs) && (unicode.IsLetter(rs[i]) || rs[i] == '\'' || rs[i] == '’' || rs[i] == '.') {
			continue
		}
		part := string(rs[start:i])
		if part != "" {
			if !(smallWords[part] && b.Len() > 0) {
				r, n := utf8.DecodeRuneInString(part)
				part = string(unicode.ToUpper(r)) + part[n:]
			}
			b.WriteString(part)
		}
		if i < len(rs) {
			b.WriteRune(rs[i])
		}
		start = i + 1
	}
	return b.String()
}

// markCapsLines marks the mentions in capitals that their line writes so:
// next to another word in capitals (a headline), or opening a line before
// a comma or a bracket (a dateline).
func markCapsLines(runes []rune, ms []*mention) {
	for _, m := range ms {
		if m.Start < 0 || m.End > len(runes) || !isCaps(m.Text) {
			continue
		}
		if capsWord(runes, m.Start, -1) || capsWord(runes, m.End, 1) {
			m.capsLine = true
			continue
		}
		i := m.Start - 1
		for i >= 0 && (runes[i] == ' ' || runes[i] == '\t') {
			i--
		}
		j := m.End
		for j < len(runes) && runes[j] == ' ' {
			j++
		}
		if (i < 0 || runes[i] == '\n') && j < len(runes) && (runes[j] == ',' || runes[j] == '(') {
			m.capsLine = true
		}
	}
}

// capsWord reports whether the word next to offset p, before it (dir -1)
// or after it (dir 1), past spaces and punctuation on the same line, is
// in capitals with two letters or more.
func capsWord(runes []rune, p, dir int) bool {
	i := p
	if dir < 0 {
		i--
	}
	for i >= 0 && i < len(runes) && !unicode.IsLetter(runes[i]) && !unicode.IsDigit(runes[i]) {
		if runes[i] == '\n' {
			return false
		}
		i += dir
	}
	a := i
	for i >= 0 && i < len(runes) && (unicode.IsLetter(runes[i]) || runes[i] == '.' || runes[i] == '-') {
		i += dir
	}
	if a < 0 || a >= len(runes) {
		return false
	}
	lo, hi := a, i
	if dir < 0 {
		lo, hi = i+1, a+1
	}
	w := string(runes[lo:hi])
	return utf8.RuneCountInString(w) >= 2 && isCaps(w)
}

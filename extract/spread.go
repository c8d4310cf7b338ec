package extract

import (
	"strings"
	"unicode"

	"github.com/dossier-project/dossier/extract/ner"
	"github.com/dossier-project/dossier/extract/text"
	"github.com/dossier-project/dossier/schema"
)

// spreadOrgs gives an organisation that the document names on evidence its
// other mentions there that the recogniser missed or mistyped. The
// evidence is the name's own, not the model's: it ends in a legal form
// ("Ernst & Young LLP"), it is an acronym defined in parentheses ("(EY)")
// after a name that is no plural of things ("Institution Bonds (BIFS)"), or
// a list of companies, media, public bodies or international organisations
// holds it; and it is no country, city or nationality. Another occurrence of the same
// words, written the same way, becomes a mention of the organisation where
// no other mention covers any of it, it stands in a mixed-case sentence
// (an all-capital headline is left to the recogniser's document rules) and
// it is a whole name: no untagged capitalised word runs on before or after
// it. A mention of the same words that the recogniser typed otherwise
// becomes an organisation too, unless a rule of its own typed it (a title
// before it, a dateline). Names the model alone calls organisations do
// not spread: that repeated its mistypes ("GNP", "Class A").
func spreadOrgs(runes []rune, sents []text.Sentence, ms []*mention) []*mention {
	sure := map[string]bool{}
	listed := map[string]bool{} // orgEvidence by the name alone, once per name
	for _, m := range ms {
		if m.Type != schema.Organization || sure[m.Text] {
			continue
		}
		if m.rule == "acronym-definition" {
			sure[m.Text] = orgEvidence(m)
			continue
		}
		ev, seen := listed[m.Text]
		if !seen {
			ev = orgEvidence(m)
			listed[m.Text] = ev
		}
		sure[m.Text] = ev
	}
	for name, ok := range sure {
		if !ok {
			delete(sure, name)
		}
	}
	if len(sure) == 0 {
		return ms
	}
	for _, m := range ms {
		if m.Type != schema.Organization && sure[m.Text] && !m.titled && !m.fixed && !m.Sure && m.rule == "" && m.canon == "" {
			m.Type = schema.Organization
			m.fixed = true
		}
	}
	covered := func(s, e int) bool {
		for _, m := range ms {
			if m.Start < e && s < m.End {
				return true
			}
		}
		return false
	}
	// The names by their first word, so that the document is read once.
	byFirst := map[string][][]string{}
	for name := range sure {
		w := strings.Fields(name)
		byFirst[w[0]] = append(byFirst[w[0]], w)
	}
	var added []*mention
	for si, s := range sents {
		if capsSentence(runes, s) {
			continue
		}
		for i := 0; i < len(s.Tokens); i++ {
			for _, words := range byFirst[s.Tokens[i].Text] {
				if i+len(words) > len(s.Tokens) {
					continue
				}
				match := true
				for k, w := range words {
					if s.Tokens[i+k].Text != w {
						match = false
						break
					}
				}
				if !match {
					continue
				}
				st, en := s.Tokens[i].Start, s.Tokens[i+len(words)-1].End
				if covered(st, en) || startsUpper(wordBefore(runes, st)) || startsUpper(wordAfter(runes, en)) {
					continue // taken, or part of a longer name
				}
				added = append(added, &mention{Found: Found{Span: schema.MakeSpan(runes, st, en), Sentence: si, Type: schema.Organization}, fixed: true})
				i += len(words) - 1
				break
			}
		}
	}
	return append(ms, added...)
}

// orgEvidence reports whether an organisation's mention says by itself
// that it is one: a legal form ends it, it is an acronym defined in
// parentheses or the name it defines, or a list of organisations holds it.
func orgEvidence(m *mention) bool {
	g, err := ner.DefaultGazetteer()
	if err != nil {
		return false
	}
	w := strings.Fields(m.Text)
	if _, ok := countryName(m.Text); ok || g.Has(ner.CatCity, m.Text) {
		return false
	}
	if _, ok := demonymCountry(m.Text); ok {
		return false // "Australian" is a newspaper on one list and a nationality in most news
	}
	if m.rule == "acronym-definition" {
		// What the acronym stands for must name a body, not a thing:
		// "Specialised Financial Institution Bonds (BIFS)" defines no
		// organisation whatever the model made of it.
		long := strings.Fields(strings.TrimPrefix(m.canon, "="))
		if len(long) == 0 {
			return false
		}
		last := long[len(long)-1]
		return !strings.HasSuffix(last, "s") || g.Has(ner.CatOrgWord, strings.ToLower(last))
	}
	if len(w) > 1 && legalForm(w[len(w)-1]) {
		return true
	}
	for _, c := range []string{ner.CatCompany, ner.CatMedia, ner.CatAgency, ner.CatSecurity, ner.CatIntl} {
		if g.Has(c, m.Text) {
			return true
		}
	}
	return false
}

// capsSentence reports whether a sentence is set in capitals (a headline).
func capsSentence(runes []rune, s text.Sentence) bool {
	letters, lower := 0, 0
	for _, r := range runes[s.Start:s.End] {
		if unicode.IsLetter(r) {
			letters++
			if unicode.IsLower(r) {
				lower++
			}
		}
	}
	return letters > 0 && lower*10 < letters
}

package extract

import (
	"slices"
	"sort"
	"strings"
	"unicode"

	"github.com/dossier-project/dossier/extract/text"
	"github.com/dossier-project/dossier/schema"
)

// Company names joined by "and" before a stock ticker. Reuters writes a
// listed company with its ticker in angle brackets, in the headline in
// capitals ("GULF AND WESTERN <GW> RESPONDS TO VALVE SUIT") and in the
// body as spelled ("Gulf and Western Inc <GW> said"). A recogniser reads
// such a name as two ("Gulf" a place, "Western Inc" a company), so the
// headline's company and the body's are three entities and no answer of
// the company is linked to what is said of it. The words before a ticker
// joined by "and" or "&" are one company's name: in the body the run of
// capitalised words up to the ticker; in a headline in capitals (where
// the run may start with other words: "BASS GROUP HAS STAKE IN BELL AND
// HOWELL <BHW>") its longest tail that the story also spells in mixed
// case. Every spelling of the name in the story, and of the name without
// its legal form ("Gulf and Western" of "Gulf and Western Inc"), is then
// that company.

// maxTickerName is the most words a name before a ticker is given.
const maxTickerName = 8

// tickerNames returns the spans of company names joined by "and" that a
// ticker in angle brackets marks, and of every other spelling of them in
// the story.
func tickerNames(runes []rune, sents []text.Sentence) []schema.Span {
	var names [][]string // each a name as its lower-case words
	for i := 0; i < len(runes); i++ {
		if bracketTicker(runes, i, len(runes)) < 0 {
			continue
		}
		words := wordsBefore(runes, sents, i)
		if len(words) == 0 {
			continue
		}
		if caps := isCaps(wordText(runes, words)); caps {
			words = spelledTail(runes, words)
		} else if strings.EqualFold(string(runes[words[0].Start:words[0].End]), "the") {
			words = words[1:]
		}
		if !joinedName(runes, words) {
			continue
		}
		names = append(names, lowerWords(runes, words))
		if last := words[len(words)-1]; legalForm(string(runes[last.Start:last.End])) && joinedName(runes, words[:len(words)-1]) {
			// "Gulf and Western" of "Gulf and Western Inc" (but not
			// "Merrill Lynch and" of "Merrill Lynch and Co").
			names = append(names, lowerWords(runes, words[:len(words)-1]))
		} else if n := len(words); n >= 4 && legalForm(string(runes[words[n-1].Start:words[n-1].End])) &&
			connective(string(runes[words[n-2].Start:words[n-2].End])) {
			// "Merrill Lynch" of "Merrill Lynch and Co".
			names = append(names, lowerWords(runes, words[:n-2]))
		}
	}
	if len(names) == 0 {
		return nil
	}
	// The longest names first, so that "Gulf and Western Inc" is taken
	// whole before "Gulf and Western".
	sort.SliceStable(names, func(a, b int) bool { return len(names[a]) > len(names[b]) })
	words := allWords(runes)
	var out []schema.Span
	taken := make([]bool, len(words))
	for _, n := range names {
		for k := 0; k+len(n) <= len(words); k++ {
			if !matchWords(runes, words[k:k+len(n)], n, taken[k:k+len(n)]) {
				continue
			}
			if wordGap(runes, words[k:k+len(n)]) || nameGoesOn(runes, words, k+len(n)) {
				continue
			}
			end := k + len(n)
			// "Bell and Howell Co" where the headline has "BELL AND HOWELL".
			if end < len(words) && !taken[end] && legalForm(string(runes[words[end].Start:words[end].End])) &&
				!wordGap(runes, words[end-1:end+1]) {
				end++
			}
			for m := k; m < end; m++ {
				taken[m] = true
			}
			out = append(out, schema.MakeSpan(runes, words[k].Start, words[end-1].End))
		}
	}
	sort.Slice(out, func(a, b int) bool { return out[a].Start < out[b].Start })
	return out
}

// applyTickerNames makes the names joined by "and" that a ticker marks
// organisations, replacing whatever the recogniser found over them.
func applyTickerNames(runes []rune, sents []text.Sentence, found []Found) []Found {
	return override(sents, found, tickerNames(runes, sents), schema.Organization)
}

// bracketTicker returns the position of the ">" that closes a ticker in
// angle brackets opening at i ("<VOWG.F>"), before end, or -1.
func bracketTicker(runes []rune, i, end int) int {
	if i >= end || runes[i] != '<' {
		return -1
	}
	j := i + 1
	for j < end && j-i <= 10 && tickerRune(runes[j]) {
		j++
	}
	if j == i+1 || j >= end || runes[j] != '>' {
		return -1
	}
	return j
}

// tickerRune reports whether r may be part of a ticker ("GW", "JNSV.O").
func tickerRune(r rune) bool {
	return (r >= 'A' && r <= 'Z') || (r >= '0' && r <= '9') || r == '.'
}

// wordsBefore returns the words, as spans of runes, of the run of
// capitalised words and "and"/"&" that ends just before position i, within
// i's sentence and not across a blank line or a punctuation mark; nil
// when a capitalised word with a comma ends the run.
func wordsBefore(runes []rune, sents []text.Sentence, i int) []schema.Span {
	lo := 0
	for _, s := range sents {
		if s.Start <= i && i <= s.End {
			lo = s.Start
			break
		}
	}
	var out []schema.Span
	e := i
	for len(out) < maxTickerName {
		nl := 0
		for e > lo && unicode.IsSpace(runes[e-1]) {
			if runes[e-1] == '\n' {
				nl++
			}
			e--
		}
		if nl > 1 || e <= lo {
			break
		}
		s := e
		for s > lo && !unicode.IsSpace(runes[s-1]) {
			s--
		}
		w := string(runes[s:e])
		if !nameWord(w) {
			if c := strings.TrimRight(w, ","); c != w && nameWord(c) && !connective(c) {
				// "Sears, Roebuck and Co": the name goes on before a
				// comma, and where it starts is not known.
				return nil
			}
			break
		}
		out = append(out, schema.Span{Start: s, End: e})
		e = s
	}
	for a, b := 0, len(out)-1; a < b; a, b = a+1, b-1 {
		out[a], out[b] = out[b], out[a]
	}
	// "Texaco Inc and Pennzoil Co <PZL>": a legal form before "and" ends
	// the name of another company.
	for k := len(out) - 1; k > 0; k-- {
		if connective(string(runes[out[k].Start:out[k].End])) && legalForm(string(runes[out[k-1].Start:out[k-1].End])) {
			out = out[k+1:]
			break
		}
	}
	// "Britain's Cable and Wireless PLC <CAWL.L>": a possessive before
	// the name is no part of it.
	for len(out) > 0 && (connective(string(runes[out[0].Start:out[0].End])) || possessive(string(runes[out[0].Start:out[0].End]))) {
		out = out[1:]
	}
	return out
}

// nameWord reports whether w can be a word of a company's name before a
// ticker: "and" or "&", or a word that starts with a capital or a digit
// and has no punctuation but inner dots, hyphens and apostrophes.
func nameWord(w string) bool {
	if connective(w) {
		return true
	}
	rs := []rune(w)
	if len(rs) == 0 || !unicode.IsUpper(rs[0]) && !unicode.IsDigit(rs[0]) {
		return false
	}
	for _, r := range rs {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '.' && r != '-' && r != '\'' {
			return false
		}
	}
	return true
}

// connective reports whether w joins the parts of a company's name.
func connective(w string) bool {
	return w == "&" || strings.EqualFold(w, "and")
}

// joinedName reports whether words are a name whose parts "and" or "&"
// joins: it has one inside, between two capitalised words.
func joinedName(runes []rune, words []schema.Span) bool {
	if len(words) < 3 || connective(string(runes[words[len(words)-1].Start:words[len(words)-1].End])) {
		return false
	}
	for k := 1; k < len(words)-1; k++ {
		if connective(string(runes[words[k].Start:words[k].End])) {
			return true
		}
	}
	return false
}

// spelledTail returns the longest tail of words, a run in capitals, that
// the story spells with lower-case letters too and that is a name joined
// by "and"; nil when there is none.
func spelledTail(runes []rune, words []schema.Span) []schema.Span {
	all := allWords(runes)
	for k := 0; k+3 <= len(words); k++ {
		tail := words[k:]
		if connective(string(runes[tail[0].Start:tail[0].End])) || !joinedName(runes, tail) {
			continue
		}
		n := lowerWords(runes, tail)
		for m := 0; m+len(n) <= len(all); m++ {
			if matchWords(runes, all[m:m+len(n)], n, nil) && !wordGap(runes, all[m:m+len(n)]) && !isCaps(wordText(runes, all[m:m+len(n)])) &&
				!nameGoesOn(runes, all, m+len(n)) {
				return tail
			}
		}
	}
	return nil
}

// allWords returns the whitespace-separated words of runes, with the
// punctuation at their ends left out of each.
func allWords(runes []rune) []schema.Span {
	var out []schema.Span
	for i := 0; i < len(runes); {
		for i < len(runes) && unicode.IsSpace(runes[i]) {
			i++
		}
		s := i
		for i < len(runes) && !unicode.IsSpace(runes[i]) {
			i++
		}
		a, b := s, i
		for a < b && strings.ContainsRune("\"'(<[", runes[a]) {
			a++
		}
		for b > a && strings.ContainsRune("\"'),;:>]", runes[b-1]) {
			b--
		}
		// A last dot is a full stop unless the word is an abbreviation.
		if b > a && runes[b-1] == '.' && !abbrevEnd(runes[a:b]) {
			b--
		}
		if a < b {
			out = append(out, schema.Span{Start: a, End: b})
		}
	}
	return out
}

// matchWords reports whether words spell name (its lower-case words),
// leaving out any word already taken.
func matchWords(runes []rune, words []schema.Span, name []string, taken []bool) bool {
	for k, w := range words {
		if (taken != nil && taken[k]) || strings.ToLower(string(runes[w.Start:w.End])) != name[k] {
			return false
		}
	}
	return true
}

// wordGap reports whether anything but one run of whitespace (at most one
// line break) separates two of words: then they are not one name.
func wordGap(runes []rune, words []schema.Span) bool {
	for k := 1; k < len(words); k++ {
		nl := 0
		for p := words[k-1].End; p < words[k].Start; p++ {
			if !unicode.IsSpace(runes[p]) {
				return true
			}
			if runes[p] == '\n' {
				nl++
			}
		}
		if nl > 1 {
			return true
		}
	}
	return false
}

func lowerWords(runes []rune, words []schema.Span) []string {
	out := make([]string, len(words))
	for k, w := range words {
		out[k] = strings.ToLower(string(runes[w.Start:w.End]))
	}
	return out
}

func wordText(runes []rune, words []schema.Span) string {
	if len(words) == 0 {
		return ""
	}
	return string(runes[words[0].Start:words[len(words)-1].End])
}

// possessive reports whether w ends in "'s".
func possessive(w string) bool {
	return strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s")
}

// nameGoesOn reports whether the word after words, in mixed case, goes on
// with the name ("Central and South West Corp" after "Central and South"):
// a capitalised word that is not a legal form, in text not in capitals.
func nameGoesOn(runes []rune, all []schema.Span, end int) bool {
	if end >= len(all) || wordGap(runes, all[end-1:end+1]) {
		return false
	}
	w := string(runes[all[end].Start:all[end].End])
	return startsUpper(w) && !isCaps(w) && !legalForm(w)
}

// addTickers makes a stock ticker in angle brackets right after a
// company's name in a headline ("BAUSCH AND LOMB <BOL> ANNOUNCES NEW
// PRODUCTS") a mention of that company, merged by the rule "ticker", as a
// defined acronym is; the ticker's other mentions in the story follow it.
// The tie holds in the document only: a ticker is not tied to the name
// across documents. In the body only a ticker with an exchange's suffix
// joins the company's name in mixed case before it ("Volkswagen AG
// <VOWG.F> said", "Guinness Plc <GUIN.L>": a listing abroad, see
// exchangeTicker), or the ticker stood as a company of its own, often the
// target of the company's own statements. A home ticker in the body
// ("Jefferies Group Inc <JEFG>") is left alone: the name before it there
// is often in an apposition ("Boyd Jefferies, former chairman of Jefferies
// Group Inc <JEFG>, is cooperating"), and joining such tickers too (tried)
// made the ledger link answers to allegations against the person (tune
// cross-document link precision 20/22 -> 16/22).
func addTickers(runes []rune, ms []*mention) []*mention {
	byEnd := make(map[int]*mention)
	for _, m := range ms {
		if m.Type == schema.Organization {
			byEnd[m.End] = m
		}
	}
	for _, a := range ms {
		if a.rule != "" || a.Start < 2 || a.End >= len(runes) || runes[a.Start-1] != '<' || runes[a.End] != '>' || !ticker(a.Text) {
			continue
		}
		i := a.Start - 1
		for i > 0 && (runes[i-1] == ' ' || runes[i-1] == '\n') && a.Start-1-i < 3 {
			i--
		}
		m := byEnd[i]
		if m == nil || m == a || m.rule != "" && m.rule != ruleTickerName || m.rule != ruleTickerName && ticker(m.Text) {
			continue
		}
		headline := isCaps(m.Text) && capsWord(runes, a.End+1, 1) // "BAUSCH AND LOMB <BOL> ANNOUNCES"
		if !headline && (isCaps(m.Text) || !exchangeTicker(a.Text)) {
			// The body's home tickers follow a headline's by their text.
			continue
		}
		a.Type = schema.Organization
		a.of = m // joins the group of the name
		a.rule = "ticker"
		a.why = schema.MakeSpan(runes, m.Start, a.End+1)
	}
	return ms
}

// exchangeTicker reports whether a ticker ends in an exchange's code
// after a dot, as Reuters writes a listing abroad ("VOWG.F" of Frankfurt,
// "GUIN.L" of London, "AKZO.AS", "BA.N", "TSBA.T"): one to three capitals.
func exchangeTicker(s string) bool {
	i := strings.LastIndexByte(s, '.')
	if i <= 0 || len(s)-i-1 < 1 || len(s)-i-1 > 3 {
		return false
	}
	for _, r := range s[i+1:] {
		if r < 'A' || r > 'Z' {
			return false
		}
	}
	return true
}

// ticker reports whether s is written as a stock ticker: capitals, digits
// and dots, with a letter.
func ticker(s string) bool {
	letter := false
	for _, r := range s {
		if !tickerRune(r) {
			return false
		}
		letter = letter || (r >= 'A' && r <= 'Z')
	}
	return letter && len(s) <= 10
}

// A wire headline names a listed company in capitals and short before its
// ticker ("MELLON <MEC> SUED BY SHAREHOLDER", "KENNER PARKER <KPT>
// CONCLUDES TWO SUITS"), and the story's first lines name it in full
// ("Mellon Bank Corp said", "Kenner Parker Toys Inc's Parker Brothers").
// A recogniser reads the capitals poorly (MELLON a place, KENNER a company
// and PARKER a person), so the ticker went to no company, and the
// headline's company was not the body's. The words before a headline's
// ticker that start an organisation's name in the story's text in mixed
// case are that company: the longest tail of the run of words before the
// ticker whose words are the first words of such a name (the last one may
// be the start of a hyphenated word: "ARCHER-DANIELS" of
// "Archer-Daniels-Midland Co"), or, failing a longer one, the whole name.
// Unless the recogniser found them as an organisation already (whose
// groups' rules join it to the story's), they become a mention of it,
// merged by the rule "ticker-name" with the body's name as evidence; so
// do the story's other mentions of the same words that the recogniser
// typed otherwise ("Mellon said", typed a place), and the ticker follows
// the name (rule "ticker"). The company keeps the body's name and ID.

// ruleTickerName is the merge rule of a headline's company name before
// its ticker, and of the story's other mentions of those words, to the
// name the story spells in full.
const ruleTickerName = "ticker-name"

// headlineTickerNames makes the company name before each ticker of a
// headline in capitals a mention of the organisation the story names in
// full with those first words (see above).
func headlineTickerNames(runes []rune, sents []text.Sentence, ms []*mention) []*mention {
	if len(sents) == 0 {
		return ms
	}
	h := sents[0]
	if h.End > len(runes) || !isCaps(string(runes[h.Start:h.End])) {
		return ms
	}
	for i := h.Start; i < h.End; i++ {
		if bracketTicker(runes, i, h.End) < 0 {
			continue
		}
		words := wordsBefore(runes, sents, i)
		full, tail := bodyName(runes, h, ms, words)
		if full == nil || orgAt(ms, tail[0].Start, tail[len(tail)-1].End) {
			continue
		}
		ms = nameTail(runes, h, ms, full, tail)
	}
	return ms
}

// bodyName returns the first organisation's mention outside the headline
// h, in mixed case and with no rule of its own yet, whose first words are
// the longest tail of words (as nameStarts compares them), and that tail;
// nil when there is none. A longer name goes before the tail itself
// ("Mellon Bank Corp" before "Mellon"); a name with a possessive inside
// ("Kroger Co's King Soopers Supermarkets") is another's.
func bodyName(runes []rune, h text.Sentence, ms []*mention, words []schema.Span) (*mention, []schema.Span) {
	for k := 0; k < len(words); k++ {
		tail := words[k:]
		first := string(runes[tail[0].Start:tail[0].End])
		if connective(first) || possessive(first) || strings.EqualFold(first, "the") {
			continue
		}
		low := lowerWords(runes, tail)
		var same *mention
		for _, m := range ms {
			if m.Start < h.End || m.Type != schema.Organization || isCaps(m.Text) || m.rule != "" || m.canon != "" || m.split {
				continue
			}
			name := strings.Fields(strings.ToLower(m.Text))
			if slices.Equal(name, low) {
				if same == nil {
					same = m
				}
				continue
			}
			if nameStarts(name, low) && !slices.ContainsFunc(name, possessive) {
				return m, tail
			}
		}
		if same != nil {
			return same, tail
		}
	}
	return nil, nil
}

// orgAt reports whether a mention of an organisation spans [s, e)
// exactly: the headline's name is read already, and its groups' rules
// join it to the story's.
func orgAt(ms []*mention, s, e int) bool {
	for _, m := range ms {
		if m.Start == s && m.End == e && m.Type == schema.Organization {
			return true
		}
	}
	return false
}

// nameStarts reports whether a name's lower-case words start with the
// words of short, the last of which may be the start of a hyphenated word
// ("archer-daniels" of "archer-daniels-midland").
func nameStarts(name, short []string) bool {
	if len(name) < len(short) || len(short) == 0 {
		return false
	}
	n := len(short)
	for k := 0; k < n-1; k++ {
		if name[k] != short[k] {
			return false
		}
	}
	return name[n-1] == short[n-1] || strings.HasPrefix(name[n-1], short[n-1]+"-")
}

// nameTail makes the headline's words tail a mention of the organisation
// full names, replacing the mentions that overlap them, and ties to it
// the story's other mentions of the same words (in any case) that the
// recogniser typed otherwise and no title, layout or rule typed.
func nameTail(runes []rune, h text.Sentence, ms []*mention, full *mention, tail []schema.Span) []*mention {
	s, e := tail[0].Start, tail[len(tail)-1].End
	canon := full.canonical()
	out := ms[:0]
	for _, m := range ms {
		if m.Start < e && s < m.End {
			continue // a mention over the name: replaced
		}
		out = append(out, m)
	}
	ms = out
	head := &mention{Found: Found{Span: schema.MakeSpan(runes, s, e), Type: schema.Organization}}
	head.fixed, head.canon, head.rule, head.why = true, canon, ruleTickerName, full.Span
	ms = append(ms, head)
	short := strings.ToLower(strings.Join(strings.Fields(head.Text), " "))
	for _, m := range ms {
		if m == head || m == full || m.Start < h.End || m.Type == schema.Organization || m.titled || m.Sure ||
			m.rule != "" || m.canon != "" || m.split || strings.ToLower(strings.Join(strings.Fields(m.Text), " ")) != short {
			continue
		}
		m.Type, m.fixed, m.canon, m.rule, m.why = schema.Organization, true, canon, ruleTickerName, full.Span
	}
	sort.SliceStable(ms, func(a, b int) bool { return ms[a].Start < ms[b].Start })
	return ms
}

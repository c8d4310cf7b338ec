package extract

import (
	"sort"
	"strings"
	"unicode"

	"github.com/dossier-project/dossier/extract/ner"
	"github.com/dossier-project/dossier/extract/text"
	"github.com/dossier-project/dossier/schema"
)

// mention is a Found being resolved: cleaned, typed and grouped.
type mention struct {
	Found
	titled bool   // follows an honorific ("Mr Kaspersky")
	title  string // the title before the name ("Mr", "President"), when titled
	tform  string // the name with its honorific, "Mr Kaspersky": an alias, not the span
	prefix string // the name with a nationality written before it ("Russian ...")
	// derived marks a nationality adjective that stands for its country
	// ("Russian"): it makes the country an entity and gives it an alias,
	// but it is not a mention of the country's name.
	derived bool
	fixed   bool   // typed by its context ("firm Kaspersky"): not put to the vote
	split   bool   // a correction says no rule may merge it into another entity
	canon   string // the canonical name this mention stands for
	group   int    // index of its entity group
	rule    string // why it joined its group, when not by its own name
	why     schema.Span
	// capsLine marks a name in capitals written so by its line, a
	// headline's or a dateline's ("REAGAN SAYS", "WASHINGTON, March 3 -"),
	// not by itself (an acronym in a sentence: "a MORI poll").
	capsLine bool
	// of is, for a ticker merged by the rule "ticker", the company's name
	// it follows ("Bausch and Lomb" of "Bausch and Lomb <BOL>").
	of *mention
}

// Resolve turns the names a recogniser found into entities: it cleans
// spans (quotes, possessives), drops what is not a name (months, titles
// alone), adds acronyms defined in parentheses and the countries of
// nationality adjectives, and merges the mentions that name the same
// entity within the document. Every merge is recorded with its rule.
func Resolve(runes []rune, sents []text.Sentence, found []Found) []schema.Entity {
	return ResolveWith(runes, sents, found, nil)
}

// ResolveWith is Resolve with an analyst's corrections (may be nil).
func ResolveWith(runes []rune, sents []text.Sentence, found []Found, corr *Corrections) []schema.Entity {
	ms := cleanMentions(runes, sents, found)
	ms = corr.applyToMentions(ms)
	ms = addAcronyms(runes, ms)
	ms = headlineTickerNames(runes, sents, ms)
	ms = addTickers(runes, ms)
	ms = spreadOrgs(runes, sents, ms)
	ms = splitDemonyms(runes, ms)
	ms = compoundMentions(runes, sents, ms)
	sort.SliceStable(ms, func(i, j int) bool { return ms[i].Start < ms[j].Start })
	ms = dedupe(ms)
	teams := sportsTeams(runes, sents, ms)
	voteTypes(ms)
	shortOrgForms(ms)
	countryPersons(ms)
	markCapsLines(runes, ms)
	ents := group(ms)
	kindsFromContext(runes, ents, teams)
	corr.applyToEntities(ents)
	return ents
}

// cleanMentions trims each found span to the name itself and drops spans
// that are not names.
func cleanMentions(runes []rune, sents []text.Sentence, found []Found) []*mention {
	var out []*mention
	for _, f := range splitLegalOf(runes, extendOrgTail(runes, commaFirms(runes, found))) {
		s, e := f.Start, f.End
		// Trim quotes, brackets, punctuation and possessives at the ends.
		for s < e && (unicode.IsSpace(runes[s]) || strings.ContainsRune(`"'“”‘’(),.;:!?-–—#@`, runes[s])) {
			s++
		}
		for e > s {
			switch {
			case unicode.IsSpace(runes[e-1]) || strings.ContainsRune(`"“”‘’(),;:!?-–—`, runes[e-1]):
				e--
				continue
			case e-s > 2 && (runes[e-1] == 's' || runes[e-1] == 'S') && (runes[e-2] == '\'' || runes[e-2] == '’'):
				e -= 2
				continue
			case runes[e-1] == '.' && !abbrevEnd(runes[s:e]):
				e--
				continue
			}
			break
		}
		s = afterCapsLine(runes, s, e)
		if f.Type == schema.Person || f.Type == schema.Place {
			e = beforeFigures(runes, s, e)
		}
		s = afterCompass(runes, s, e)
		if s >= e {
			continue
		}
		m := &mention{Found: Found{Span: schema.MakeSpan(runes, s, e), Sentence: f.Sentence, Type: f.Type, Sure: f.Sure}}
		words := strings.Fields(m.Text)
		// "Mr Kaspersky": the span is the name; the form with an honorific
		// is kept as an alias. An office is not ("Minister Tony Blair" is a
		// fragment of "Prime Minister Tony Blair").
		if len(words) > 1 && isTitle(words[0]) && personTitle(words[0], m.Type) {
			m.title = words[0]
			if honorifics[strings.ToLower(words[0])] {
				m.tform = m.Text
			}
			ns := s + len([]rune(words[0]))
			for ns < e && unicode.IsSpace(runes[ns]) {
				ns++
			}
			m.Span = schema.MakeSpan(runes, ns, e)
			m.titled = true
			m.Type = schema.Person
			words = strings.Fields(m.Text)
		} else if t, ts := titleBefore(runes, s); t && personTitle(string(runes[ts:s]), m.Type) {
			m.title = strings.TrimSpace(string(runes[ts:s]))
			if honorifics[strings.ToLower(m.title)] {
				m.tform = string(runes[ts:e])
			}
			m.titled = true
			m.Type = schema.Person
		}
		if notName(words) {
			continue
		}
		if len(words) > 1 && !m.titled && (m.Type == schema.Person || m.Type == schema.Place) && legalForm(words[len(words)-1]) {
			// "Terumo Corp", "Siemens A.G.", "Lockheed Corp": a legal
			// form ends a company's name, whatever the recogniser said.
			m.Type, m.fixed = schema.Organization, true
		}
		if len(words) > 1 && !m.titled && m.Type == schema.Person && acronymEnd(words) {
			// "Thorn EMI", "Thomson CSF": a person's name does not end
			// in an acronym.
			m.Type, m.fixed = schema.Organization, true
		}
		if k, ok := metonyms[strings.ToLower(m.Text)]; ok {
			m.Type = schema.Organization
			m.canon = k
		}
		if len(words) > 1 && !m.titled && legalPrefixes[words[0]] && startsUpper(words[1]) && !legalForm(words[len(words)-1]) {
			// "AO Kaspersky Lab", "PJSC Gazprom": a legal form before the
			// name; the company is named without it, and the full form
			// is its alias, so that it is one entity with "Kaspersky Lab"
			// across documents. A name that ends in a legal form of its
			// own ("AO Smith Corp") keeps its first word.
			m.Type, m.fixed = schema.Organization, true
			m.canon = strings.Join(words[1:], " ")
			m.rule, m.why = "legal-form", m.Span
		}
		if !m.titled && m.Type != schema.Person {
			if c, ok := partyAdjectives[strings.ToLower(m.Text)]; ok {
				// "Tory leader": an alias of the party, not a mention.
				m.Type, m.canon, m.rule, m.why, m.derived = schema.Organization, c, "party-adjective", m.Span, true
			} else if c, ok := partyName(m.Text); ok {
				m.Type, m.canon = schema.Organization, c
				if c != m.Text {
					m.rule, m.why = "party-name", m.Span
				}
			}
		}
		if !m.titled && m.Type == schema.Organization && m.canon == "" {
			// "the US said": a country named as an actor is the country,
			// never an organisation called "US".
			if _, ok := countryName(m.Text); ok {
				m.Type = schema.Place
			}
		}
		if len(words) == 1 && !m.titled {
			if _, country := countryName(m.Text); orgContext(runes, s, e) && !country {
				m.Type, m.fixed = schema.Organization, true
			} else if m.Type == schema.Place || m.Type == schema.Misc || m.Type == schema.Nationality {
				// "Russian intelligence": a nationality adjective names
				// its country.
				if c, ok := demonymCountry(m.Text); ok {
					if _, isCountry := countryName(m.Text); !isCountry {
						m.Type, m.canon, m.rule, m.why, m.derived = schema.Place, c, "demonym", m.Span, true
					}
				}
			}
		}
		out = append(out, m)
	}
	return out
}

// beforeFigures returns where a person's or place's name found over
// [s, e) ends once figures the recogniser ran into at its end are left
// out: a results table's "Paul Casey 69" or "Shoaib Akhtar 25-3-89-2" is
// the name and a score. A name is never all figures: then e is returned.
func beforeFigures(runes []rune, s, e int) int {
	for e > s {
		j := e
		for j > s && !unicode.IsSpace(runes[j-1]) {
			j--
		}
		if j == s || j == e || !figures(runes[j:e]) {
			return e
		}
		e = j
		for e > s && unicode.IsSpace(runes[e-1]) {
			e--
		}
	}
	return e
}

// figures reports whether a word is a number or a score: digits with
// dashes, periods, colons or slashes ("69", "25-3-89-2", "1:50.574").
func figures(w []rune) bool {
	digit := false
	for _, r := range w {
		switch {
		case r >= '0' && r <= '9':
			digit = true
		case r == '-' || r == '.' || r == ':' || r == '/' || r == ',':
		default:
			return false
		}
	}
	return digit
}

// acronymEnd reports whether a name in mixed case ends in an acronym: a
// word of two to five capitals ("Thorn EMI"), not a roman numeral ("John
// Paul II").
func acronymEnd(words []string) bool {
	last := words[len(words)-1]
	if isCaps(words[0]) || len(last) < 2 || len(last) > 5 || strings.Trim(last, "IVX") == "" {
		return false
	}
	for _, r := range last {
		if r < 'A' || r > 'Z' {
			return false
		}
	}
	return true
}

// splitLegalOf cuts a name that runs from a company's legal form into
// the place the company is from: "TAG Group S.A. of Luxembourg" is the
// company "TAG Group S.A." of the place "Luxembourg" (Reuters writes
// "Terumo Corp of Tokyo", "Sedio N.V. of Lugano").
func splitLegalOf(runes []rune, found []Found) []Found {
	var out []Found
	for i, f := range found {
		if f.Type == schema.Person || f.End-f.Start < 8 {
			if out != nil {
				out = append(out, f)
			}
			continue
		}
		cut := -1
		var ws [][2]int // word offsets within the name
		for k := f.Start; k < f.End; {
			for k < f.End && unicode.IsSpace(runes[k]) {
				k++
			}
			j := k
			for j < f.End && !unicode.IsSpace(runes[j]) {
				j++
			}
			if j > k {
				ws = append(ws, [2]int{k, j})
			}
			k = j
		}
		for w := 1; w+2 < len(ws); w++ {
			if string(runes[ws[w+1][0]:ws[w+1][1]]) == "of" && legalForm(string(runes[ws[w][0]:ws[w][1]])) && startsUpper(string(runes[ws[w+2][0]:ws[w+2][1]])) {
				cut = w
				break
			}
		}
		if cut < 0 {
			if out != nil {
				out = append(out, f)
			}
			continue
		}
		if out == nil {
			out = append(make([]Found, 0, len(found)+1), found[:i]...)
		}
		org, place := f, f
		org.Span = schema.MakeSpan(runes, f.Start, ws[cut][1])
		org.Type = schema.Organization
		place.Span = schema.MakeSpan(runes, ws[cut+2][0], f.End)
		place.Type, place.Sure = schema.Place, false
		out = append(out, org, place)
	}
	if out == nil {
		return found
	}
	return out
}

// orgHeads are the last words of organisations whose names go on with
// "of" and what they are of: "Chicago Board of Trade", "Bank of England",
// "Ministry of International Trade and Industry".
var orgHeads = setOf("Board", "Bank", "Department", "Ministry", "Council", "Commission", "Institute", "University",
	"Association", "Federation", "Chamber", "Office", "Bureau", "Court", "Academy", "Society", "Agency", "Authority",
	"Exchange", "Fund", "Organisation", "Organization", "Corporation", "Secretary")

// extendOrgTail extends an organisation's name over what the recogniser
// left of it: a legal form that follows it ("Prudential Corp" + "PLC"),
// and after a head word "of" and a run of capitalised words ("Chicago
// Board" + "of Trade", "Bank" + "of England"), taking in a name found
// there ("England"). A two-word organisation "of" one country keeps them
// apart ("Finance Ministry of Japan"). Nothing crosses a blank line or a
// sentence's end; a line break inside a wrapped sentence is crossed.
func extendOrgTail(runes []rune, found []Found) []Found {
	word := func(k int) (int, int) { // the word that starts at k
		j := k
		for j < len(runes) && (unicode.IsLetter(runes[j]) || unicode.IsDigit(runes[j]) || runes[j] == '.' || runes[j] == '&' || runes[j] == '-') {
			j++
		}
		for j > k+1 && runes[j-1] == '.' && !legalForm(string(runes[k:j])) {
			j--
		}
		return k, j
	}
	gap := func(k int) int { // after the spaces at k, one line break among them at most; -1 for none
		j, lines := k, 0
		for j < len(runes) && unicode.IsSpace(runes[j]) {
			if runes[j] == '\n' {
				lines++
			}
			j++
		}
		if j == k || lines > 1 || j == len(runes) {
			return -1
		}
		return j
	}
	var out []Found
	for i := 0; i < len(found); i++ {
		f := found[i]
		at := gap(f.End)
		if f.Type != schema.Organization || at < 0 {
			out = append(out, f)
			continue
		}
		next := len(runes)
		if i+1 < len(found) {
			next = found[i+1].Start
		}
		if ws, we := word(at); we > ws && we <= next && legalForm(string(runes[ws:we])) {
			f.Span = schema.MakeSpan(runes, f.Start, we)
			out = append(out, f)
			continue
		}
		words := strings.Fields(f.Text)
		if len(words) == 0 || !orgHeads[words[len(words)-1]] {
			out = append(out, f)
			continue
		}
		ws, we := word(at)
		k := gap(we)
		if string(runes[ws:we]) != "of" || k < 0 {
			out = append(out, f)
			continue
		}
		// The capitalised run after "of", with "and" or "for" inside it.
		end, tailStart := -1, k
		for n := 0; n < 6; n++ {
			s, e := word(k)
			if e == s {
				break
			}
			w := string(runes[s:e])
			if startsUpper(w) {
				end = e
			} else if w != "and" && w != "for" || end < 0 {
				break
			}
			if k = gap(e); k < 0 {
				break
			}
		}
		if end < 0 {
			out = append(out, f)
			continue
		}
		tail := strings.Join(strings.Fields(string(runes[tailStart:end])), " ")
		if _, country := countryName(tail); country && len(words) >= 2 {
			out = append(out, f)
			continue
		}
		// Names found inside the tail join the organisation; one that
		// runs past it stops the extension.
		j := i + 1
		for j < len(found) && found[j].End <= end {
			j++
		}
		if j < len(found) && found[j].Start < end {
			out = append(out, f)
			continue
		}
		f.Span = schema.MakeSpan(runes, f.Start, end)
		out = append(out, f)
		i = j - 1
	}
	return out
}

// compass are lower-case words of direction that a recogniser sometimes
// takes into a place's name ("eastern Nebraska"): they are not part of it.
var compass = setOf("eastern", "western", "northern", "southern", "central", "north", "south", "east", "west",
	"northeastern", "northwestern", "southeastern", "southwestern", "north-east", "north-west", "south-east",
	"south-west", "northeast", "northwest", "southeast", "southwest")

// afterCompass returns where a name found over [s, e) starts once a
// leading lower-case word of direction is left out, or s.
func afterCompass(runes []rune, s, e int) int {
	j := s
	for j < e && !unicode.IsSpace(runes[j]) {
		j++
	}
	if j >= e || !compass[string(runes[s:j])] {
		return s
	}
	for j < e && unicode.IsSpace(runes[j]) {
		j++
	}
	return j
}

// afterCapsLine returns where a name found over [s, e) really starts when
// it runs from the end of an all-capital line into mixed-case text
// ("INDONESIA\nWorld Bank" from a headline and the story's first line): at
// the mixed-case part. Otherwise it returns s.
func afterCapsLine(runes []rune, s, e int) int {
	nl := -1
	for i := s; i < e; i++ {
		if runes[i] == '\n' {
			nl = i
			break
		}
	}
	if nl < 0 {
		return s
	}
	head, tail := string(runes[s:nl]), string(runes[nl:e])
	if strings.ToUpper(head) != head || strings.ToLower(head) == head || strings.ToUpper(tail) == tail {
		return s
	}
	for nl < e && unicode.IsSpace(runes[nl]) {
		nl++
	}
	return nl
}

// legalPrefixes are legal forms written before a company's name (Russian,
// Ukrainian, Kazakh and Indonesian companies; Swedish "AB"), as they
// appear in English news: "OAO Gazprom", "PT Bank Mandiri", "AB Volvo".
var legalPrefixes = map[string]bool{
	"AO": true, "OAO": true, "ZAO": true, "PAO": true, "OOO": true, "JSC": true, "OJSC": true,
	"CJSC": true, "PJSC": true, "PrJSC": true, "TOO": true, "PT": true, "AB": true,
}

// legalForm reports whether a word, as written, is a company's legal form
// ("Corp", "Inc.", "Ltd", "A.G.", "plc").
func legalForm(w string) bool {
	if !startsUpper(w) && w != "plc" {
		return false
	}
	g, err := ner.DefaultGazetteer()
	return err == nil && g.Has(ner.CatLegal, w)
}

// personTitle reports whether a title before or at the start of a name of
// type typ makes it a person: an honorific always does ("Mr", "Dr"); an
// office ("General", "President", "Secretary") only when the recogniser did
// not call the name an organisation or a place: "General Motors Corp" is a
// company, "Secretary of State" an office.
func personTitle(t, typ string) bool {
	if honorifics[strings.ToLower(strings.TrimSpace(t))] {
		return true
	}
	return typ != schema.Organization && typ != schema.Place
}

// orgContext reports whether the words around a one-word name say it is
// an organisation: "firm Kaspersky", "Kaspersky products".
func orgContext(runes []rune, s, e int) bool {
	b := strings.ToLower(wordBefore(runes, s))
	if b == "in" {
		// "shares in Corus", "a stake in Yukos".
		bb := strings.ToLower(wordBefore(runes, s-len("in")-1))
		return bb == "shares" || bb == "stake" || bb == "stakes" || bb == "shareholding"
	}
	return orgBefore[b] || orgAfter[strings.ToLower(wordAfter(runes, e))]
}

func wordBefore(runes []rune, s int) string {
	i := s - 1
	for i >= 0 && unicode.IsSpace(runes[i]) {
		i--
	}
	j := i
	for j >= 0 && (unicode.IsLetter(runes[j]) || runes[j] == '-') {
		j--
	}
	return string(runes[j+1 : i+1])
}

func wordAfter(runes []rune, e int) string {
	i := e
	for i < len(runes) && unicode.IsSpace(runes[i]) {
		i++
	}
	j := i
	for j < len(runes) && (unicode.IsLetter(runes[j]) || runes[j] == '-') {
		j++
	}
	return string(runes[i:j])
}

// abbrevEnd reports whether a name ending in "." keeps it ("U.S.", "Inc.").
func abbrevEnd(w []rune) bool {
	s := string(w)
	if strings.Count(s, ".") >= 2 {
		return true
	}
	last := s
	if i := strings.LastIndexAny(s, " \u00a0"); i >= 0 {
		last = s[i+1:]
	}
	switch strings.ToLower(last) {
	case "inc.", "corp.", "ltd.", "co.", "jr.", "sr.", "bros.", "plc.":
		return true
	}
	return placeAbbrevs[last]
}

// placeAbbrevs are abbreviated US states and Canadian provinces as
// newswire writes them after a city ("Fremont, Calif."): the period is part
// of the name, also at the end of a sentence.
var placeAbbrevs = setOf("Ala.", "Ariz.", "Ark.", "Calif.", "Colo.", "Conn.", "Del.", "Fla.", "Ga.", "Ill.", "Ind.",
	"Kan.", "Kans.", "Ky.", "La.", "Md.", "Mass.", "Mich.", "Minn.", "Miss.", "Mo.", "Mont.", "Neb.", "Nebr.", "Nev.",
	"Okla.", "Ore.", "Oreg.", "Pa.", "Penn.", "Tenn.", "Tex.", "Va.", "Vt.", "Wash.", "Wis.", "Wisc.", "Wyo.",
	"Alta.", "Ont.", "Que.", "Sask.", "Man.")

// titleBefore reports whether an honorific stands right before offset s,
// and where it starts.
func titleBefore(runes []rune, s int) (bool, int) {
	i := s - 1
	for i >= 0 && (runes[i] == ' ' || runes[i] == '\u00a0') {
		i--
	}
	if i == s-1 || i < 0 {
		return false, 0
	}
	j := i
	for j >= 0 && (unicode.IsLetter(runes[j]) || runes[j] == '.') {
		j--
	}
	w := string(runes[j+1 : i+1])
	if isTitle(w) && (j < 0 || !unicode.IsLetter(runes[j])) {
		return true, j + 1
	}
	return false, 0
}

// notName reports whether words are something a recogniser should not have
// called a name: a month, a weekday, an honorific alone, a pronoun, a
// scraped-page label, a number.
func notName(words []string) bool {
	if len(words) == 0 {
		return true
	}
	all := strings.ToLower(strings.Join(words, " "))
	if stopNames[all] {
		return true
	}
	if len(words) == 1 {
		w := strings.Trim(words[0], ".")
		if isTitle(w) || w == "" {
			return true
		}
		hasUpper := false
		for _, r := range w {
			if unicode.IsUpper(r) {
				hasUpper = true
			}
		}
		if !hasUpper {
			return true
		}
	}
	letters := 0
	for _, r := range all {
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters == 0
}

// addAcronyms finds "Long Name (LN)" and adds the acronym as a mention of
// the long name's entity when the recogniser missed it, recording why.
// After a company's stock ticker ("Volkswagen AG <VOWG.F> (VW)", "Japan
// Air Lines Co <JAPN.T> (JAL)", "Broken Hill Proprietary Co Ltd <BRKN.S>
// (BHP)") the acronym in brackets is the short name the story goes on to
// use, though it need not be the name's initials: Reuters writes it there
// for that.
func addAcronyms(runes []rune, ms []*mention) []*mention {
	byStart := make(map[int]*mention)
	for _, m := range ms {
		byStart[m.Start] = m
	}
	var added []*mention
	for _, m := range ms {
		i := m.End
		for i < len(runes) && runes[i] == ' ' {
			i++
		}
		listed := false // a ticker stands between: "Volkswagen AG <VOWG.F> (VW)"
		if m.Type == schema.Organization {
			if k := tickerAfter(runes, m.End); k > m.End {
				i, listed = k, true
			}
		}
		if i >= len(runes) || runes[i] != '(' {
			continue
		}
		j := i + 1
		for j < len(runes) && j-i < 12 && runes[j] != ')' {
			j++
		}
		if j >= len(runes) || runes[j] != ')' {
			continue
		}
		acr := strings.TrimSpace(string(runes[i+1 : j]))
		if !isAcronym(acr) || !listed && !acronymOf(acr, m.Text) {
			continue
		}
		as := i + 1
		for runes[as] == ' ' {
			as++
		}
		a := byStart[as]
		if a == nil {
			a = &mention{Found: Found{Span: schema.MakeSpan(runes, as, as+len([]rune(acr))), Sentence: m.Sentence, Type: m.Type}}
			added = append(added, a)
			byStart[as] = a
		}
		a.Type = m.Type
		a.canon = "=" + m.Text // joins the group of the long name
		a.rule = "acronym-definition"
		a.why = schema.MakeSpan(runes, m.Start, j+1)
	}
	return append(ms, added...)
}

// isAcronym reports whether s looks like an acronym: 2 to 8 characters,
// mostly upper-case letters.
func isAcronym(s string) bool {
	if len(s) < 2 || len(s) > 8 {
		return false
	}
	up := 0
	for _, r := range s {
		switch {
		case unicode.IsUpper(r) || unicode.IsDigit(r):
			up++
		case r == '&' || r == '.' || unicode.IsLower(r):
		default:
			return false
		}
	}
	return up >= 2
}

// acronymOf reports whether acr can stand for name: its capitals are the
// initials of the name's words, in order, allowing function words ("for",
// "of") and a leading nationality to be skipped, and allowing the acronym
// to come from another language (BSI for Bundesamt für Sicherheit...) when
// the name has at least three capitalised words and the first letters agree
// in part.
func acronymOf(acr, name string) bool {
	var caps []rune
	for _, r := range acr {
		if unicode.IsUpper(r) {
			caps = append(caps, r)
		}
	}
	initials := initialsOf(name)
	// Subsequence match of caps in initials, anchored at the end.
	if subseq(caps, initials) {
		return true
	}
	// Foreign-language acronyms (BSI, BND): accept when the name is long
	// and shares at least one initial with the acronym.
	if len(initials) >= 3 {
		for _, c := range caps {
			for _, i := range initials {
				if c == i {
					return true
				}
			}
		}
	}
	return false
}

// initialsOf returns the first letters of name's capitalised words
// ("FBI" of "Federal Bureau of Investigation").
func initialsOf(name string) []rune {
	var initials []rune
	for _, w := range strings.Fields(name) {
		if r := []rune(w)[0]; unicode.IsUpper(r) {
			initials = append(initials, r)
		}
	}
	return initials
}

// acrossLines reports whether the word before the name m (spaces apart)
// stands on another line than m in a way no sentence does: a blank line
// between them, or the word at the end of an all-capital line (a
// headline) and m in mixed case.
func acrossLines(runes []rune, m *mention) bool {
	end, newlines := m.Start, 0
	for end > 0 && unicode.IsSpace(runes[end-1]) {
		end--
		if runes[end] == '\n' {
			newlines++
		}
	}
	switch {
	case newlines == 0:
		return false
	case newlines > 1:
		return true
	}
	ls := end
	for ls > 0 && runes[ls-1] != '\n' {
		ls--
	}
	line := string(runes[ls:end])
	return strings.ToUpper(line) == line && strings.ToUpper(m.Text) != m.Text
}

func subseq(needle, hay []rune) bool {
	if len(needle) == 0 {
		return false
	}
	j := 0
	for _, r := range hay {
		if j < len(needle) && r == needle[j] {
			j++
		}
	}
	return j == len(needle)
}

// splitDemonyms handles "Russian Federal Security Service" and "US
// National Security Agency": the organisation's canonical name drops the
// nationality, and the nationality becomes a mention of its country.
func splitDemonyms(runes []rune, ms []*mention) []*mention {
	var added []*mention
	byStart := make(map[int]*mention)
	for _, m := range ms {
		byStart[m.Start] = m
	}
	for _, m := range ms {
		if m.Type != schema.Organization {
			continue
		}
		// "Russian" tagged apart from "Federal Security Service", not
		// a country that ends a headline ("... WITH HUNGARY\n\nEuropean
		// Community foreign ministers").
		if w := wordBefore(runes, m.Start); w != "" && len(strings.Fields(m.Text)) >= 2 && startsUpper(w) && !acrossLines(runes, m) {
			if country, ok := demonymCountry(w); ok {
				end := m.Start
				for end > 0 && unicode.IsSpace(runes[end-1]) {
					end--
				}
				ws := end - len([]rune(w))
				full := schema.MakeSpan(runes, ws, m.End)
				m.prefix = full.Text
				if d := byStart[ws]; d != nil {
					d.Type, d.canon, d.rule, d.why, d.derived = schema.Place, country, "demonym", full, true
				} else {
					added = append(added, &mention{Found: Found{Span: schema.MakeSpan(runes, ws, end), Sentence: m.Sentence, Type: schema.Place},
						canon: country, rule: "demonym", why: full, derived: true})
				}
				continue
			}
		}
		if rs := gluedAdjective(runes, m, ms); rs > m.Start {
			// "European Facebook users": the adjective is the phrase's,
			// not the company's.
			full := m.Span
			w := strings.Fields(m.Text)[0]
			m.Span = schema.MakeSpan(runes, rs, m.End)
			if country, ok := demonymCountry(w); ok {
				added = append(added, &mention{Found: Found{Span: schema.MakeSpan(runes, full.Start, full.Start+len([]rune(w))), Sentence: m.Sentence, Type: schema.Place},
					canon: country, rule: "demonym", why: full, derived: true})
			}
			continue
		}
		words := strings.Fields(m.Text)
		if len(words) < 3 {
			continue
		}
		country, ok := demonymCountry(words[0])
		if !ok {
			continue
		}
		rest := strings.Join(words[1:], " ")
		if !startsUpper(rest) || !publicBody(rest) {
			continue
		}
		if m.canon == "" {
			m.canon = rest
		}
		ws := m.Start
		we := ws + len([]rune(words[0]))
		added = append(added, &mention{Found: Found{Span: schema.MakeSpan(runes, ws, we), Sentence: m.Sentence, Type: schema.Place},
			canon: country, rule: "demonym", why: m.Span, derived: true})
	}
	return append(ms, added...)
}

// publicBody reports whether an organisation name is a state body, whose
// nationality is a qualifier ("Russian Federal Security Service") rather
// than part of its name ("American Enterprise Institute", "British
// Airways").
func publicBody(name string) bool {
	switch k, _ := kindOf(name, schema.Organization, nil); k {
	case schema.KindAgency, schema.KindIntelligence, schema.KindGovernment:
		return true
	}
	return false
}

func startsUpper(s string) bool {
	for _, r := range s {
		return unicode.IsUpper(r)
	}
	return false
}

// dedupe removes mentions with identical spans, keeping the one with the
// most information (an explicit canonical name).
func dedupe(ms []*mention) []*mention {
	out := ms[:0]
	for _, m := range ms {
		if n := len(out); n > 0 && out[n-1].Start == m.Start && out[n-1].End == m.End {
			if out[n-1].canon == "" {
				out[n-1] = m
			}
			continue
		}
		out = append(out, m)
	}
	return out
}

// voteTypes makes the type of a name consistent through the document: the
// same text gets the type most of its mentions have (a recogniser often
// types one of several mentions differently). Titled mentions, metonyms and
// demonyms keep the type their rule gave them.
func voteTypes(ms []*mention) {
	votes := make(map[string]map[string]int)
	for _, m := range ms {
		k := strings.ToLower(m.Text)
		if votes[k] == nil {
			votes[k] = make(map[string]int)
		}
		votes[k][m.Type]++
		if m.Sure {
			votes[k][m.Type]++
		}
	}
	for _, m := range ms {
		if m.titled || m.fixed || m.Sure || m.canon != "" || m.rule != "" {
			continue
		}
		best, n := m.Type, 0
		for _, t := range []string{schema.Organization, schema.Person, schema.Place, schema.Nationality, schema.Misc} {
			if c := votes[strings.ToLower(m.Text)][t]; c > n {
				best, n = t, c
			}
		}
		m.Type = best
	}
}

// shortOrgForms makes a one-word name that the recogniser took for a
// person an organisation when it is the first word of an organisation
// named in full in the same document and no person there bears it:
// "Ford" after "Ford Motor Co", "Terumo" after "Terumo Corp". (A company
// named after its founder is an organisation in the text that names it so.)
func shortOrgForms(ms []*mention) {
	orgFirst := make(map[string]bool)
	personWord := make(map[string]bool)
	for _, m := range ms {
		w := strings.Fields(m.Text)
		switch {
		case m.Type == schema.Organization && len(w) > 1:
			orgFirst[strings.ToLower(w[0])] = true
		case m.Type == schema.Person && (len(w) > 1 || m.titled):
			for _, x := range w {
				personWord[strings.ToLower(x)] = true
			}
		}
	}
	if len(orgFirst) == 0 {
		return
	}
	for _, m := range ms {
		if m.Type != schema.Person || m.titled || m.fixed || m.rule != "" || strings.Contains(m.Text, " ") {
			continue
		}
		if k := strings.ToLower(m.Text); orgFirst[k] && !personWord[k] {
			m.Type = schema.Organization
		}
	}
}

// countryPersons makes a one-word "person" that is a country's name
// ("England", "Wales") the country, unless it is a given name or the
// surname of a person named in full in the document ("Jordan" after
// "Michael Jordan").
func countryPersons(ms []*mention) {
	surname := make(map[string]bool)
	for _, m := range ms {
		if w := strings.Fields(m.Text); m.Type == schema.Person && len(w) > 1 {
			surname[strings.ToLower(w[len(w)-1])] = true
		}
	}
	for _, m := range ms {
		if m.Type != schema.Person || m.titled || strings.Contains(m.Text, " ") || surname[strings.ToLower(m.Text)] || givenNameSex(m.Text) != 0 {
			continue
		}
		if _, ok := countryName(m.Text); ok {
			m.Type = schema.Place
		}
	}
}

// tickerAfter returns the position after a stock ticker in angle brackets
// that follows position p, across spaces and line breaks, and the
// spaces after it ("Volkswagen AG\n<VOWG.F> (VW)": the position of the
// bracket); p when none follows.
func tickerAfter(runes []rune, p int) int {
	i := p
	for i < len(runes) && (runes[i] == ' ' || runes[i] == '\n') && i-p < 8 {
		i++
	}
	j := bracketTicker(runes, i, len(runes))
	if j < 0 || !ticker(string(runes[i+1:j])) {
		return p
	}
	j++
	for j < len(runes) && (runes[j] == ' ' || runes[j] == '\n') && j-i < 20 {
		j++
	}
	return j
}

package ner

import (
	"context"
	"strings"
	"unicode"
)

// TagDocument tags the sentences of one document and then makes the tags
// consistent across it: a name tagged with one type in most of its
// mentions gets that type everywhere, including mentions the sentence-level
// pass missed (for example in an all-caps headline), provided the missed
// mention is capitalised; and a capitalised word left untagged that is the
// last word of a person's full name elsewhere in the document ("Kaspersky"
// after "Eugene Kaspersky") is tagged PER. Sentences are tagged as by
// [Model.Tag]; the result has one tag slice per sentence.
func (m *Model) TagDocument(sents [][]string) [][]string {
	out, _ := m.TagDocumentContext(context.Background(), sents)
	return out
}

// TagDocumentContext is TagDocument that stops when ctx is cancelled,
// every 64 sentences, and then returns ctx's error.
func (m *Model) TagDocumentContext(ctx context.Context, sents [][]string) ([][]string, error) {
	out := make([][]string, len(sents))
	for i, s := range sents {
		if i%64 == 0 && ctx.Err() != nil {
			return nil, ctx.Err()
		}
		out[i] = m.Tag(s)
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	harmonise(sents, out, m.gaz)
	return out, nil
}

// harmonise applies the document-level consistency rules of
// [Model.TagDocument] to tags in place; gaz (may be nil) tells titles.
func harmonise(sents, out [][]string, gaz *Gazetteer) {
	title := func(t string) bool { return gaz != nil && gaz.Has(CatHonorific, t) }
	// acting are the names that "said it had ..." makes organisations
	// (companyContext): they are, wherever they stand.
	acting := map[string]bool{}
	// The surnames of the persons the first pass named in full: "Gurria
	// said it would resume" is Angel Gurria's.
	fullNames := map[string]bool{}
	for i, s := range sents {
		for _, sp := range Spans(out[i]) {
			if sp.Type == "PER" && sp.End-sp.Start >= 2 {
				fullNames[strings.ToLower(s[sp.End-1])] = true
			}
		}
	}
	for i, s := range sents {
		if !capsLine(s) {
			legalRuns(s, out[i], title)
			for _, k := range companyContext(s, out[i], gaz, title, fullNames) {
				acting[k] = true
			}
			cityBodies(s, out[i], gaz)
			dropThe(s, out[i], gaz)
		}
	}
	votes := map[string]map[string]int{}
	maxLen := 0
	for i, s := range sents {
		for _, sp := range Spans(out[i]) {
			key := spanKey(s[sp.Start:sp.End])
			if votes[key] == nil {
				votes[key] = map[string]int{}
			}
			votes[key][sp.Type]++
			maxLen = max(maxLen, sp.End-sp.Start)
		}
	}
	surnames := map[string]bool{}
	for i, s := range sents {
		for _, sp := range Spans(out[i]) {
			if sp.Type == "PER" && sp.End-sp.Start >= 2 && capitalised(s[sp.End-1]) {
				surnames[strings.ToLower(s[sp.End-1])] = true
			}
		}
	}
	// Names as the document's mixed-case sentences tag them (all-capital
	// lines are tagged with little evidence), and the names of companies
	// without their legal form ("Getty Petroleum" of "Getty Petroleum
	// Corp"), which are the company wherever they stand alone.
	bodyVotes := map[string]map[string]int{}
	companies := map[string]bool{}
	for k := range acting {
		companies[k] = true
	}
	maxBody := 0
	for i, s := range sents {
		if capsLine(s) {
			continue
		}
		for _, sp := range Spans(out[i]) {
			key := spanKey(s[sp.Start:sp.End])
			if bodyVotes[key] == nil {
				bodyVotes[key] = map[string]int{}
			}
			bodyVotes[key][sp.Type]++
			maxBody = max(maxBody, sp.End-sp.Start)
			if sp.Type != "ORG" {
				continue
			}
			if e := companyStem(s[sp.Start:sp.End]); e > 0 {
				stem := spanKey(s[sp.Start : sp.Start+e])
				if !placeName(gaz, stem) {
					companies[stem] = true
				}
			}
		}
	}
	heads := companyHeads(sents, companies, gaz)
	bodyType := func(key string) string {
		if companies[key] {
			return "ORG"
		}
		best, n := "", 0
		for t, c := range bodyVotes[key] {
			if c > n || (c == n && t < best) {
				best, n = t, c
			}
		}
		return best
	}
	majority := func(key string) (string, int, int) {
		best, n, total := "", 0, 0
		for t, c := range votes[key] {
			total += c
			if c > n || (c == n && t < best) {
				best, n = t, c
			}
		}
		return best, n, total
	}
	for i, s := range sents {
		tags := out[i]
		// Retype spans whose type disagrees with a clear majority, and a
		// company's name without its legal form.
		for _, sp := range Spans(tags) {
			key := spanKey(s[sp.Start:sp.End])
			if companies[key] && sp.Type != "ORG" {
				setSpan(tags, sp.Start, sp.End, "ORG")
				continue
			}
			typ, n, total := majority(key)
			if typ != sp.Type && n*2 > total && n >= 2 {
				setSpan(tags, sp.Start, sp.End, typ)
			}
		}
		// An all-capital line (a headline) names what the story names:
		// the longest run of its words that the mixed-case text tags as
		// a name, or that names a company without its legal form, takes
		// that type, over whatever the line's own tags said.
		if capsLine(s) {
			capsFromBody(s, tags, maxBody, bodyType)
		}
		// A company's name without its legal form that the first pass
		// tagged only in part ("EMI" of "Thorn EMI shares rose" after
		// "Thorn EMI Plc") is the company.
		if !capsLine(s) {
			fillCompanies(s, tags, companies, maxBody)
			fillHeads(s, tags, heads)
		}
		// A surname alone refers to the person named in full elsewhere.
		for j, t := range s {
			if tags[j] == "B-LOC" && (j+1 == len(s) || tags[j+1] != "I-LOC") && surnames[strings.ToLower(t)] && j+1 < len(s) && speaks[strings.ToLower(s[j+1])] {
				// "Houston said", "Houston conceded" after "Donald
				// Houston, administrator of ...": a place does not speak;
				// the surname of the person named in full does.
				tags[j] = "B-PER"
				continue
			}
			if tags[j] != "O" || !capitalised(t) || !surnames[strings.ToLower(t)] {
				continue
			}
			if (j > 1 && tags[j-1] == "O" && capitalised(s[j-1]) && !title(s[j-1])) || (j+1 < len(s) && tags[j+1] == "O" && capitalised(s[j+1])) {
				continue // part of a longer untagged name
			}
			if _, _, total := majority(strings.ToLower(t)); total > 0 {
				continue // tagged on its own elsewhere: the rule below decides
			}
			tags[j] = "B-PER"
		}
		// Tag capitalised mentions the first pass left untagged.
		for j := 0; j < len(s); j++ {
			if tags[j] != "O" || !capitalised(s[j]) {
				continue
			}
			for n := min(maxLen, len(s)-j); n >= 1; n-- {
				if tags[j+n-1] != "O" || (j+n < len(s) && strings.HasPrefix(tags[j+n], "I-")) {
					continue
				}
				clean := true
				for k := j; k < j+n; k++ {
					if tags[k] != "O" {
						clean = false
					}
				}
				if !clean {
					continue
				}
				typ, c, total := majority(spanKey(s[j : j+n]))
				if typ != "" && c*2 > total && c >= 2 {
					setSpan(tags, j, j+n, typ)
					j += n - 1
					break
				}
			}
		}
	}
}

// legalRuns tags as one ORG each run of capitalised words that ends in a
// capitalised legal form ("Digital Equipment Corp", "Thorn EMI Plc") where
// the first pass left the whole run untagged: a legal form after a name
// says company whatever the model made of the words. The run starts after
// a title or a function word ("The Company said", "Mr Smith Ltd" are not
// taken from "The" or "Mr") and must hold a word that is not itself a
// legal form.
func legalRuns(s, tags []string, title func(string) bool) {
	for j := 1; j < len(s); j++ {
		if tags[j] != "O" || !capitalised(s[j]) || !legalForms[strings.ToLower(s[j])] {
			continue
		}
		e := j + 1
		for e < len(s) && tags[e] == "O" && capitalised(s[e]) && legalForms[strings.ToLower(s[e])] {
			e++ // "Co Inc", "Pty Ltd"
		}
		a := j
		for a > 0 && tags[a-1] == "O" && (capitalised(s[a-1]) || s[a-1] == "&") && !legalForms[strings.ToLower(s[a-1])] &&
			!title(s[a-1]) && !functionWords[strings.ToLower(s[a-1])] {
			a--
		}
		for a < j && s[a] == "&" {
			a++
		}
		if a < j && (a == 0 || !strings.HasPrefix(tags[a-1], "I-")) && (e == len(s) || !strings.HasPrefix(tags[e], "I-")) {
			setSpan(tags, a, e, "ORG")
		}
		j = e - 1
	}
}

// Words that say what kind of organisation the name beside them is: "the
// computer maker Apricot", "Kemira, the Finnish group", "its rival Tesco".
var orgNouns = map[string]bool{
	"maker": true, "makers": true, "rival": true, "rivals": true, "subsidiary": true, "auditor": true,
	"broadcaster": true, "regulator": true, "airline": true, "insurer": true, "lender": true,
	"retailer": true, "conglomerate": true, "watchdog": true, "firm": true, "company": true, "group": true,
	"bank": true, "producer": true, "manufacturer": true, "concern": true, "brokerage": true, "utility": true,
	"agency": true, "unit": true, "supplier": true, "distributor": true, "operator": true,
}

// Words after which the next capitalised name is a company's: "shares of
// Terumo", "a unit of Kemira", "a stake in Hanson", "shareholders of
// Wirecard".
var companyOf = map[string]bool{"shares": true, "unit": true, "subsidiary": true, "division": true, "stake": true,
	"shareholders": true, "stockholders": true}

// companyAfter are nouns after a name that make it a company's.
var companyAfter = map[string]bool{"company": true, "companies": true, "shares": true, "stock": true,
	"subsidiary": true, "subsidiaries": true, "unit": true, "units": true, "shareholders": true}

// companyContext makes ORG a name that its context calls an organisation
// where the first pass left it untagged or tagged it a lone person or
// place word that no list names a place or given name: after "shares of",
// "unit of", "stake in" or a noun of organisations ("the computer maker
// Apricot", "its rival Tesco", "the auditor EY"), before "said its" or
// "reported its" ("Tandem said its profits rose"; a person says "his" or
// "her"), and before an apposition of such a noun (", the Finnish group",
// ", a computer maker"). A lone name before "said it" and an act ("Meta
// said it had fixed the flaw", "Minorco said it expects", "Alitalia said
// it had cancelled 96 flights"; not the "it" of "Seidman said it was too
// early") is an organisation, unless it is the surname of a person the
// document names in full (fullNames, lower case: "Gurria said it would
// resume" after "Angel Gurria"), and so are two names joined by "and"
// there ("Duff and Phelps said it lowered"); companyContext returns those names
// (their spanKey), which are organisations in the whole document.
func companyContext(s, tags []string, gaz *Gazetteer, title func(string) bool, fullNames map[string]bool) []string {
	var acting []string
	low := func(k int) string {
		if k < 0 || k >= len(s) {
			return ""
		}
		return strings.ToLower(s[k])
	}
	// name reports the extent of the name at [a, b) that may be retyped:
	// a lone PER or LOC token, or a run of untagged capitalised words.
	retype := func(a, b int) {
		if a >= b {
			return
		}
		setSpan(tags, a, b, "ORG")
	}
	// A name the model made a person before a noun that only companies
	// take ("two Shearson Lehman companies", "Walt Disney shares").
	for _, sp := range Spans(tags) {
		if sp.Type == "PER" && sp.End < len(s) && companyAfter[low(sp.End)] && (sp.Start == 0 || !title(s[sp.Start-1])) {
			setSpan(tags, sp.Start, sp.End, "ORG")
		}
	}
	lone := func(k int) bool {
		if k < 0 || k >= len(s) || !strings.HasPrefix(tags[k], "B-") || (k+1 < len(s) && strings.HasPrefix(tags[k+1], "I-")) {
			return false
		}
		t, key := tags[k][2:], strings.ToLower(s[k])
		if t != "PER" && t != "LOC" || !capitalised(s[k]) {
			return false
		}
		return gaz == nil || !placeName(gaz, key) && !gaz.Has(CatFirstName, key) && !gaz.Has(CatDemonym, key) && !gaz.Has(CatHonorific, key)
	}
	// lonePerson: a lone PER token, a given name or not ("Meta" is one),
	// that no list names a place, nationality or title.
	lonePerson := func(k int) bool {
		if k < 0 || k >= len(s) || tags[k] != "B-PER" || (k+1 < len(s) && strings.HasPrefix(tags[k+1], "I-")) || !capitalised(s[k]) {
			return false
		}
		key := strings.ToLower(s[k])
		return gaz == nil || !placeName(gaz, key) && !gaz.Has(CatDemonym, key) && !gaz.Has(CatHonorific, key)
	}
	// pairName: "A and B" ending at k, two capitalised words each a name
	// of one word or untagged, no place, nationality or title, and no
	// capitalised word before ("Duff and Phelps", "Cross and Trecker").
	pairName := func(k int) bool {
		if k < 2 || low(k-1) != "and" && s[k-1] != "&" || k >= 3 && capitalised(s[k-3]) {
			return false
		}
		for _, i := range []int{k - 2, k} {
			if !capitalised(s[i]) || strings.HasPrefix(tags[i], "I-") || i+1 < len(s) && strings.HasPrefix(tags[i+1], "I-") && i+1 != k-1 {
				return false
			}
			key := strings.ToLower(s[i])
			if gaz != nil && (placeName(gaz, key) || gaz.Has(CatDemonym, key) || gaz.Has(CatHonorific, key)) || title(s[i]) {
				return false
			}
		}
		return true
	}
	free := func(k int) bool {
		return k >= 0 && k < len(s) && tags[k] == "O" && capitalised(s[k]) && len([]rune(s[k])) >= 2 &&
			!strings.HasSuffix(s[k], ".") && !capsPlural(s[k]) && !legalForms[strings.ToLower(s[k])] && !calendarWords[strings.ToLower(s[k])] &&
			!title(s[k]) && !functionWords[strings.ToLower(s[k])] && !pronouns[strings.ToLower(s[k])] &&
			(gaz == nil || !placeName(gaz, strings.ToLower(s[k])) && !gaz.Has(CatDemonym, strings.ToLower(s[k])))
	}
	// after: the name starting at k.
	after := func(k int) {
		if lone(k) {
			retype(k, k+1)
			return
		}
		e := k
		for e < len(s) && e-k < 5 && free(e) {
			e++
		}
		if e < len(s) && tags[e] != "O" {
			return // the name goes on into another
		}
		retype(k, e)
	}
	// before: the name ending at k (inclusive); not a run that starts the
	// sentence, which may be any capitalised word ("Meanwhile, the group"),
	// unless it is an acronym ("RT, the Russian broadcaster,").
	before := func(k int, initialOK bool) {
		if lone(k) {
			retype(k, k+1)
			return
		}
		a := k + 1
		for a > 0 && k+1-a < 5 && free(a-1) {
			a--
		}
		acronym := a == k && capsWord(s[k]) && len([]rune(s[k])) >= 2 && len([]rune(s[k])) <= 5
		if a > k || a == 0 && !initialOK && !acronym || a > 0 && (tags[a-1] != "O" || s[a-1] == "&" || strings.EqualFold(s[a-1], "and") && !acronym) {
			return // the name may start further back
		}
		retype(a, k+1)
	}
	for j := 0; j < len(s); j++ {
		w := low(j)
		switch {
		case (w == "of" || w == "in") && companyOf[low(j-1)] && (w == "of") != (low(j-1) == "stake"):
			after(j + 1)
		case orgNouns[w] && (j == 0 || !capitalised(s[j])) && j+1 < len(s) && low(j+2) != "'s":
			after(j + 1)
		case (w == "said" || w == "reported") && low(j+1) == "its" && j > 0:
			before(j-1, true)
		case (w == "said" || w == "says") && low(j+1) == "it" && itActs(low(j+2), low(j+3)) && pairName(j-1):
			// "Duff and Phelps said it lowered its ratings": one firm.
			retype(j-3, j)
			acting = append(acting, spanKey(s[j-3:j]))
		case (w == "said" || w == "says") && low(j+1) == "it" && itActs(low(j+2), low(j+3)) && lonePerson(j-1) && !(j > 1 && title(s[j-2])) && !fullNames[low(j-1)]:
			retype(j-1, j)
			acting = append(acting, spanKey(s[j-1:j]))
		case w == "," && (low(j+1) == "the" || low(j+1) == "a" || low(j+1) == "an") && j > 0:
			for k := j + 2; k < len(s) && k <= j+5; k++ {
				if orgNouns[low(k)] && !capitalised(s[k]) {
					// An apposition ends at a comma or the sentence's
					// end; "X, the company said" reports what it said.
					if n := low(k + 1); n == "," || n == "." || n == "" || n == "that" || n == "which" {
						before(j-1, false)
					}
					break
				}
				if !hasLetter(s[k]) {
					break
				}
			}
		}
	}
	return acting
}

// itActs reports whether the words a, b after "said it" are an act of
// "it", as an organisation's ("had fixed", "expects", "will issue", "is
// upgrading"), rather than the "it" of an opinion ("was too early", "would
// be difficult", "is possible").
func itActs(a, b string) bool {
	switch a {
	case "expects", "plans", "agreed", "intends", "bought", "sold", "acquired", "filed", "signed", "completed",
		"received", "raised", "lowered", "cut", "reached", "won", "purchased", "issued", "approved":
		return true
	case "had", "has":
		return pastParticiple(b)
	case "will", "would", "could", "may", "might", "can":
		switch b {
		case "", "be", "have", "not", "only", "also", "probably", "still", "never", "likely", "soon", "take", "make", "depend", "seem":
			return false
		}
		return isWordOnly(b)
	case "is", "was":
		return strings.HasSuffix(b, "ing") && b != "going" && len(b) > 5
	}
	return false
}

// pastParticiple reports whether w looks like a past participle of an act
// ("fixed", "bought"), not "been" or a noun.
func pastParticiple(w string) bool {
	switch w {
	case "bought", "sold", "made", "won", "taken", "given", "paid", "begun", "set", "cut", "put", "held", "sent", "written", "lost":
		return true
	}
	return len(w) > 4 && strings.HasSuffix(w, "ed") && w != "need"
}

// isWordOnly reports whether w is a word of letters only.
func isWordOnly(w string) bool {
	for _, r := range w {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return w != ""
}

// capsPlural reports a plural of capitals ("FRNs", "CDs"): a thing, not a
// name.
func capsPlural(t string) bool {
	n := len(t)
	return n >= 3 && t[n-1] == 's' && capsWord(t[:n-1])
}

// calendarWords are capitalised and no names ("in January, the agency").
var calendarWords = map[string]bool{
	"january": true, "february": true, "march": true, "april": true, "may": true, "june": true, "july": true,
	"august": true, "september": true, "october": true, "november": true, "december": true, "monday": true,
	"tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true, "sunday": true,
}

// pronouns are capitalised at the start of a sentence and are no names.
var pronouns = map[string]bool{"it": true, "he": true, "she": true, "they": true, "we": true, "i": true, "you": true, "who": true, "which": true}

// functionWords are capitalised at the start of a sentence but never start
// a company's name before its legal form.
var functionWords = map[string]bool{
	"the": true, "a": true, "an": true, "this": true, "that": true, "these": true, "those": true, "its": true,
	"his": true, "her": true, "their": true, "our": true, "in": true, "for": true, "of": true, "and": true,
	"but": true, "by": true, "with": true, "at": true, "on": true, "to": true, "from": true, "as": true,
	"both": true, "each": true, "all": true,
}

// companyHeads returns the first words of the document's companies of two
// words or more (companies: names without their legal form) that may
// stand for the company alone ("Digital" of "Digital Equipment Corp",
// "Total" of "Total Petroleum Corp"): capitalised, three letters or more,
// no title, function word, place, nationality, given name or head word of
// organisations ("General", "Bank"), and never written in lower case in
// the document ("total" as a word would make "Total" ambiguous).
func companyHeads(sents [][]string, companies map[string]bool, gaz *Gazetteer) map[string]bool {
	heads := map[string]bool{}
	for c := range companies {
		w := strings.Fields(c)
		if len(w) < 2 || len([]rune(w[0])) < 3 || functionWords[w[0]] || calendarWords[w[0]] || legalForms[w[0]] {
			continue
		}
		if gaz != nil && (placeName(gaz, w[0]) || gaz.Has(CatDemonym, w[0]) || gaz.Has(CatFirstName, w[0]) ||
			gaz.Has(CatHonorific, w[0]) || gaz.Has(CatOrgWord, w[0])) {
			continue
		}
		heads[w[0]] = true
	}
	if len(heads) == 0 {
		return heads
	}
	for _, s := range sents {
		for _, t := range s {
			if heads[t] {
				delete(heads, t) // written in lower case
			}
		}
	}
	return heads
}

// fillHeads tags as ORG each untagged capitalised word of s that heads
// lists (companyHeads) and that stands alone: no capitalised word right
// before it (but at the sentence's start) or after it.
func fillHeads(s, tags []string, heads map[string]bool) {
	if len(heads) == 0 {
		return
	}
	for j, t := range s {
		if tags[j] != "O" || !capitalised(t) || !heads[strings.ToLower(t)] {
			continue
		}
		if j > 0 && capitalised(s[j-1]) || j+1 < len(s) && capitalised(s[j+1]) {
			continue
		}
		tags[j] = "B-ORG"
	}
}

// cityBodies joins a city tagged LOC to an organisation of two words or
// more tagged right after it: "London Metal Exchange", where the model
// tagged the city a place and the rest an organisation. A country stays
// apart ("Japan Finance Ministry" is the ministry of a country).
func cityBodies(s, tags []string, gaz *Gazetteer) {
	if gaz == nil {
		return
	}
	adjacent := false
	for j := 1; j < len(tags) && !adjacent; j++ {
		adjacent = tags[j] == "B-ORG" && (tags[j-1] == "B-LOC" || tags[j-1] == "I-LOC")
	}
	if !adjacent {
		return
	}
	spans := Spans(tags)
	for k := 0; k+1 < len(spans); k++ {
		a, b := spans[k], spans[k+1]
		if a.Type != "LOC" || b.Type != "ORG" || a.End != b.Start {
			continue
		}
		key := spanKey(s[a.Start:a.End])
		if !gaz.Has(CatCity, key) || gaz.Has(CatCountry, key) {
			continue
		}
		if b.End-b.Start < 2 {
			continue // "Paris Bourse": perhaps the city's, perhaps a name
		}
		setSpan(tags, a.Start, b.End, "ORG")
		k++
	}
}

// dropThe takes the "The" that starts a sentence out of the organisation
// the model began with it ("The Interior Ministry in Moscow said"), as
// CoNLL-2003 leaves it out; a newspaper keeps it ("The Times"), and so
// does a "The" inside a sentence, which is mostly written as part of the
// name ("bought The Arizona Bank", "a bid for The Herald and Weekly Times
// Ltd").
func dropThe(s, tags []string, gaz *Gazetteer) {
	if len(s) < 2 || s[0] != "The" || tags[0] != "B-ORG" {
		return
	}
	for _, sp := range Spans(tags[:1+runOf(tags, 0)]) {
		if sp.Start > 0 || sp.Type != "ORG" || sp.End-sp.Start < 2 || s[0] != "The" || !capitalised(s[1]) {
			continue
		}
		if gaz != nil && gaz.Has(CatMedia, spanKey(s[sp.Start+1:sp.End])) {
			continue
		}
		tags[sp.Start] = "O"
		setSpan(tags, sp.Start+1, sp.End, "ORG")
	}
}

// runOf returns how many I- tags follow the B- tag at j.
func runOf(tags []string, j int) int {
	n := 0
	for k := j + 1; k < len(tags) && strings.HasPrefix(tags[k], "I-"); k++ {
		n++
	}
	return n
}

// fillCompanies tags as one ORG each run of two or more words of s that
// names a company without its legal form (a key of companies) where no
// name the tags give crosses the run's edges; runs of at most maxLen
// words, the longest first.
func fillCompanies(s, tags []string, companies map[string]bool, maxLen int) {
	for j := 0; j < len(s); j++ {
		if !capitalised(s[j]) || strings.HasPrefix(tags[j], "I-") {
			continue
		}
		for n := min(maxLen, len(s)-j); n >= 2; n-- {
			if !companies[spanKey(s[j:j+n])] || (j+n < len(s) && strings.HasPrefix(tags[j+n], "I-")) {
				continue
			}
			setSpan(tags, j, j+n, "ORG")
			j += n - 1
			break
		}
	}
}

func spanKey(toks []string) string { return strings.ToLower(strings.Join(toks, " ")) }

func setSpan(tags []string, start, end int, typ string) {
	for k := start; k < end; k++ {
		if k == start {
			tags[k] = "B-" + typ
		} else {
			tags[k] = "I-" + typ
		}
	}
}

func capitalised(t string) bool {
	for _, r := range t {
		return unicode.IsUpper(r)
	}
	return false
}

// capsLine reports whether a sentence is set in capitals: at least two
// words with letters, three in four of them without a lower-case letter
// (a headline, or a dateline and headline the splitter joined: "CLEVELAND
// , Feb 26 - STANDARD OIL TO FORM FINANCIAL UNIT").
func capsLine(s []string) bool {
	words, caps := 0, 0
	for _, t := range s {
		letters, lower := false, false
		for _, r := range t {
			if unicode.IsLetter(r) {
				letters = true
				if unicode.IsLower(r) {
					lower = true
				}
			}
		}
		if letters {
			words++
			if !lower {
				caps++
			}
		}
	}
	return words >= 2 && caps*4 >= words*3
}

// capsWord reports whether a token is a word in capitals ("GETTY", "U.S.").
func capsWord(t string) bool {
	letters := false
	for _, r := range t {
		if unicode.IsLower(r) {
			return false
		}
		letters = letters || unicode.IsLetter(r)
	}
	return letters
}

// capsFromBody retags the words of an all-capital line that the rest of
// the document names: from left to right, the longest run of capital
// words (at most maxLen) whose lower-cased text bodyType knows takes that
// type; tags overlapping it are cleared first.
func capsFromBody(s, tags []string, maxLen int, bodyType func(string) string) {
	for j := 0; j < len(s); j++ {
		if !capsWord(s[j]) {
			continue
		}
		for n := min(maxLen, len(s)-j); n >= 1; n-- {
			if !capsWord(s[j+n-1]) {
				continue
			}
			typ := bodyType(spanKey(s[j : j+n]))
			if typ == "" {
				continue
			}
			// Clear the spans the match overlaps, whole.
			a, b := j, j+n
			for a > 0 && strings.HasPrefix(tags[a], "I-") {
				a--
			}
			for b < len(s) && strings.HasPrefix(tags[b], "I-") {
				b++
			}
			for k := a; k < b; k++ {
				tags[k] = "O"
			}
			setSpan(tags, j, j+n, typ)
			j += n - 1
			break
		}
	}
}

// legalForms end a company's name ("Getty Petroleum Corp").
var legalForms = map[string]bool{
	"corp": true, "corp.": true, "corporation": true, "inc": true, "inc.": true, "incorporated": true,
	"co": true, "co.": true, "company": true, "ltd": true, "ltd.": true, "limited": true, "plc": true,
	"llc": true, "l.p.": true, "lp": true, "n.v.": true, "nv": true, "s.a.": true, "sa": true, "ag": true,
	"a.g.": true, "gmbh": true, "b.v.": true, "bv": true, "s.p.a.": true, "spa": true, "pty": true,
	"bhd": true, "k.k.": true, "oy": true, "oyj": true, "asa": true,
}

// companyStem returns the length of a company's name without its legal
// forms ("Dow Jones and Co Inc" → 2, "Dow Jones"), or 0 when it does not
// end in one or nothing capitalised is left.
func companyStem(toks []string) int {
	e := len(toks)
	for e > 0 && legalForms[strings.ToLower(toks[e-1])] {
		e--
	}
	if e == len(toks) {
		return 0
	}
	for e > 0 && (toks[e-1] == "&" || strings.EqualFold(toks[e-1], "and") || toks[e-1] == ",") {
		e--
	}
	if e == 0 || !capitalised(toks[0]) {
		return 0
	}
	return e
}

// placeName reports whether a lower-cased name is a country or city in
// gaz (nil: none): "Boston" of "Boston Co" stays a place.
func placeName(gaz *Gazetteer, key string) bool {
	return gaz != nil && (gaz.Has(CatCountry, key) || gaz.Has(CatCity, key))
}

// speaks are verbs of speech that, right after a surname of a person the
// document names in full, make the surname that person rather than a
// place of the same name ("Houston said").
var speaks = map[string]bool{"said": true, "says": true, "told": true, "added": true, "conceded": true,
	"denied": true, "argued": true, "insisted": true, "acknowledged": true, "admitted": true, "stated": true}

package claims

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dossier-project/dossier/extract/text"
	"github.com/dossier-project/dossier/schema"
)

// Input is one document with its sentences and resolved entities.
type Input struct {
	Doc       *schema.Document
	Runes     []rune          // []rune(Doc.Text)
	Sentences []text.Sentence // from text.Split
	Entities  []schema.Entity // resolved entities with their mentions
}

// Output is what Extract finds in one document.
type Output struct {
	Claims    []schema.Claim
	Relations []schema.Relation
	// Mentions are the pronouns and descriptions that Extract resolved to
	// an entity; they are not in Input.Entities.
	Mentions []ExtraMention
}

// ExtraMention is an additional mention the claim resolver found — a
// pronoun or definite description such as "He", "The company", "Kaspersky
// Lab's chief executive" or "the agency" — pointing at an entity ID, so
// that the entity's mentions can include it.
type ExtraMention struct {
	schema.Span
	Sentence int    // index in Input.Sentences
	Entity   string // entity ID
}

// entInfo is what the rules need to know about one entity.
type entInfo struct {
	id, name, typ, kind string
	words               map[string]bool // lower-case words of the name and aliases
	names               map[string]bool // lower-case name and aliases
	count               int             // number of mentions
}

// mref is a mention of an entity: static (from Input) or found here.
type mref struct {
	start, end int
	e          *entInfo
}

// tok is a token with what the rules need about it.
type tok struct {
	text, low     string
	start, end    int
	capital       bool // starts with an upper-case letter
	qopen, qclose bool // an opening or closing quotation mark
	inQ           bool // inside a quotation
	cue           bool // accepted as a cue word
}

// cue kinds.
const (
	verbCue = iota
	accordingCue
	colonCue
)

// draft is a claim being built.
type draft struct {
	sent          int
	kind          int
	v             *verb
	m             morph
	vi            int // verb token index
	cs, ce        int // cue tokens [cs, ce)
	passive       bool
	negated       bool
	srcA, srcB    int // source tokens [srcA, srcB); srcA == srcB: none
	claimant      *entInfo
	claimantText  string
	leftEdge      int // first token of this attribution's own material
	rightStart    int // first token of right-hand content, -1 if none
	contentLeft   bool
	cont          [2]int // content rune offsets
	target        *entInfo
	objEnts       []*entInfo
	about         []string
	channel       *entInfo
	channelText   string
	stance        schema.Stance
	hedges        []schema.Span
	noEvidence    bool
	refersBack    bool // the content names "the allegations", "the reports"
	responds      []*draft
	evidence      schema.Span
	inheritedFrom *draft
	id            string
	cueSpan       schema.Span
	srcSpan       schema.Span
}

// extractor holds the state of one Extract call.
type extractor struct {
	in       Input
	runes    []rune
	ents     []*entInfo
	byID     map[string]*entInfo
	static   []mref // sorted by start
	extras   []mref // in text order
	quotes   [][2]int
	drafts   []*draft
	rels     []schema.Relation
	relSeen  map[string]bool
	out      Output
	extraSet map[[2]int]bool
	tokCache [][]tok
	descHist map[string]*entInfo // the latest entity a descriptor family named
	channels map[string]bool     // entities that served as a channel
}

// Extract finds the claims and structural relations of a document. Claim
// IDs are "c1", "c2"... in text order; RespondsTo links a denial or
// rebuttal to the allegations it answers in the same document. Spans that
// lie outside the text are ignored, never trusted.
func Extract(in Input) Output {
	x := &extractor{in: in, runes: in.Runes, byID: map[string]*entInfo{}, relSeen: map[string]bool{}, extraSet: map[[2]int]bool{},
		descHist: map[string]*entInfo{}, channels: map[string]bool{}}
	if x.runes == nil && in.Doc != nil {
		x.runes = []rune(in.Doc.Text)
	}
	x.indexEntities()
	x.findQuotes()
	for si := range in.Sentences {
		s := in.Sentences[si]
		if s.Start < 0 || s.End > len(x.runes) || s.Start >= s.End {
			continue
		}
		x.sentence(si)
	}
	x.link()
	x.structural()
	return x.finish()
}

func (x *extractor) indexEntities() {
	for i := range x.in.Entities {
		e := &x.in.Entities[i]
		if e.ID == "" || x.byID[e.ID] != nil {
			continue
		}
		info := &entInfo{id: e.ID, name: e.Name, typ: e.Type, kind: e.Kind, words: map[string]bool{}, names: map[string]bool{}}
		for _, n := range append([]string{e.Name}, e.Aliases...) {
			low := strings.ToLower(n)
			info.names[low] = true
			for _, w := range strings.FieldsFunc(low, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
				if len(w) > 2 && !stopName[w] {
					info.words[w] = true
				}
			}
		}
		x.byID[e.ID] = info
		x.ents = append(x.ents, info)
		for _, m := range e.Mentions {
			if m.Start < 0 || m.End > len(x.runes) || m.Start >= m.End {
				continue
			}
			info.count++
			x.static = append(x.static, mref{m.Start, m.End, info})
		}
	}
	sort.SliceStable(x.static, func(i, j int) bool {
		if x.static[i].start != x.static[j].start {
			return x.static[i].start < x.static[j].start
		}
		return x.static[i].end > x.static[j].end
	})
}

// stopName lists words that do not identify an entity.
var stopName = set("the", "and", "for", "of", "lab", "inc", "ltd", "plc", "corp", "group", "company", "news", "times", "office", "service", "agency", "national", "federal", "security", "information", "street", "journal", "new", "york", "united", "states")

// isOpenQuote and isCloseQuote classify quotation-mark tokens.
func quoteKind(runes []rune, t text.Token) (open, close bool) {
	switch t.Text {
	case "“", "«", "„", "``":
		return true, false
	case "”", "»", "''":
		return false, true
	case "`": // the halves of a PTB "``"
		return true, false
	case "'":
		if (t.End < len(runes) && runes[t.End] == '\'') || (t.Start > 0 && runes[t.Start-1] == '\'') {
			return false, true // the halves of a PTB "''"
		}
	case "\"":
		before := t.Start == 0 || text.IsSpace(runes[t.Start-1]) || strings.ContainsRune("([{—–-", runes[t.Start-1])
		after := t.End >= len(runes) || text.IsSpace(runes[t.End]) || strings.ContainsRune(".,;:!?)]}—–-", runes[t.End])
		switch {
		case before && !after:
			return true, false
		case after && !before:
			return false, true
		case before && after:
			return true, true // ambiguous, resolved by pairing
		}
		return true, true
	}
	return false, false
}

// findQuotes pairs quotation marks over the whole document; a quotation
// still open at a paragraph break (a blank line) ends there.
func (x *extractor) findQuotes() {
	open := -1
	lastEnd := 0
	for si := range x.in.Sentences {
		s := x.in.Sentences[si]
		for _, t := range x.tokensOf(si) {
			if open >= 0 && t.Start > lastEnd && paragraphBreak(x.runes[lastEnd:t.Start]) {
				x.quotes = append(x.quotes, [2]int{open, lastEnd})
				open = -1
			}
			o, c := quoteKind(x.runes, t)
			switch {
			case o && c:
				if open >= 0 {
					x.quotes = append(x.quotes, [2]int{open, t.End})
					open = -1
				} else {
					open = t.Start
				}
			case c:
				if open >= 0 {
					x.quotes = append(x.quotes, [2]int{open, t.End})
					open = -1
				}
			case o:
				open = t.Start
			}
			lastEnd = t.End
		}
		_ = s
	}
	if open >= 0 {
		x.quotes = append(x.quotes, [2]int{open, lastEnd})
	}
}

// quoteAt returns the quotation that contains offset p, if any.
func (x *extractor) quoteAt(p int) ([2]int, bool) {
	k := sort.Search(len(x.quotes), func(k int) bool { return x.quotes[k][1] > p })
	if k < len(x.quotes) && x.quotes[k][0] <= p {
		return x.quotes[k], true
	}
	return [2]int{}, false
}

// tokensOf returns the tokens of sentence si that lie inside the text.
func (x *extractor) tokensOf(si int) []text.Token {
	s := x.in.Sentences[si]
	ts := s.Tokens
	if ts == nil {
		ts = text.Tokenize(x.runes, s.Start, s.End)
	}
	ok := true
	for _, t := range ts {
		if t.Start < 0 || t.End > len(x.runes) || t.Start >= t.End {
			ok = false
			break
		}
	}
	if !ok {
		ts = text.Tokenize(x.runes, s.Start, s.End)
	}
	return ts
}

// toks returns the tokens of sentence si, computed once.
func (x *extractor) toks(si int) []tok {
	if x.tokCache == nil {
		x.tokCache = make([][]tok, len(x.in.Sentences))
	}
	if x.tokCache[si] == nil {
		x.tokCache[si] = x.makeToks(si)
	}
	return x.tokCache[si]
}

func (x *extractor) makeToks(si int) []tok {
	ts := x.tokensOf(si)
	out := make([]tok, len(ts))
	for i, t := range ts {
		low := lower(t.Text)
		if strings.Contains(low, "’") {
			low = strings.ReplaceAll(low, "’", "'")
		}
		r0, _ := utf8.DecodeRuneInString(t.Text)
		o, c := quoteKind(x.runes, t)
		tt := tok{text: t.Text, low: low, start: t.Start, end: t.End, capital: unicode.IsUpper(r0)}
		if q, ok := x.quoteAt(t.Start); ok {
			switch {
			case t.Start == q[0]:
				tt.qopen = true
			case t.End == q[1] && (c || o):
				tt.qclose = true
			default:
				tt.inQ = true
			}
		} else if o || c {
			tt.qopen, tt.qclose = o && !c, c && !o
		}
		out[i] = tt
	}
	return out
}

// span returns the Span of runes[a:b].
func (x *extractor) span(a, b int) schema.Span { return schema.MakeSpan(x.runes, a, b) }

// mentionsIn returns the mentions inside [a, b): static and found here, the
// longer first where they overlap, in text order.
func (x *extractor) mentionsIn(a, b int) []mref {
	var out []mref
	k := sort.Search(len(x.static), func(k int) bool { return x.static[k].start >= a })
	for ; k < len(x.static) && x.static[k].start < b; k++ {
		if m := x.static[k]; m.end <= b {
			out = append(out, m)
		}
	}
	for _, m := range x.extras {
		if m.start >= a && m.end <= b {
			out = append(out, m)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].start != out[j].start {
			return out[i].start < out[j].start
		}
		return out[i].end > out[j].end
	})
	res := out[:0]
	end := -1
	for _, m := range out {
		if m.start >= end {
			res = append(res, m)
			end = m.end
		}
	}
	return res
}

// recent returns the entity of the latest mention that ends at or before p
// and satisfies ok.
func (x *extractor) recent(p int, ok func(*entInfo) bool) *entInfo {
	var best *entInfo
	bestStart := -1
	k := sort.Search(len(x.static), func(k int) bool { return x.static[k].start >= p })
	for k--; k >= 0; k-- {
		m := x.static[k]
		if m.end <= p && ok(m.e) {
			best, bestStart = m.e, m.start
			break
		}
	}
	for i := len(x.extras) - 1; i >= 0; i-- {
		m := x.extras[i]
		if m.end <= p && ok(m.e) {
			if m.start > bestStart {
				best = m.e
			}
			break
		}
	}
	return best
}

func (x *extractor) addExtra(si, a, b int, e *entInfo) {
	if e == nil || a >= b {
		return
	}
	key := [2]int{a, b}
	if x.extraSet[key] {
		return
	}
	for _, m := range x.mentionsIn(a, b) {
		if m.start == a && m.end == b {
			return
		}
	}
	x.extraSet[key] = true
	x.extras = append(x.extras, mref{a, b, e})
	x.out.Mentions = append(x.out.Mentions, ExtraMention{Span: x.span(a, b), Sentence: si, Entity: e.id})
}

func hasKind(e *entInfo, kinds []string) bool {
	for _, k := range kinds {
		if e.kind == k {
			return true
		}
	}
	return false
}

// resolveDescriptor resolves "the company", "the agency" to the latest
// organisation of a fitting kind before p; when no entity has a kind at all
// (an untyped recogniser), to the latest organisation.
//
// Without kinds, an organisation already called by a noun of the same
// family ("Cybersecurity firm Kaspersky", an earlier "the company") is
// preferred, and one that served as a channel ("told Sky News") is not
// taken for a company or an agency.
func (x *extractor) resolveDescriptor(noun string, p int) *entInfo {
	kinds := descriptors[noun]
	if e := x.recent(p, func(e *entInfo) bool { return e.typ == schema.Organization && hasKind(e, kinds) }); e != nil {
		return e
	}
	if len(kinds) > 0 {
		if e := x.descHist[kinds[0]]; e != nil && (e.kind == "" || e.kind == schema.KindOther) {
			return e
		}
	}
	return x.recent(p, func(e *entInfo) bool {
		if e.typ != schema.Organization || (e.kind != "" && e.kind != schema.KindOther) {
			return false
		}
		if x.channels[e.id] && !hasKind(&entInfo{kind: schema.KindMedia}, kinds) {
			return false
		}
		for fam, o := range x.descHist {
			if o == e && (len(kinds) == 0 || fam != kinds[0]) {
				return false // "the company" is not "the agency"
			}
		}
		return true
	})
}

// remember notes that e was called by a descriptor noun.
func (x *extractor) remember(noun string, e *entInfo) {
	if k := descriptors[noun]; len(k) > 0 && e != nil {
		x.descHist[k[0]] = e
	}
}

// resolvePronoun resolves a subject pronoun to the latest compatible entity.
func (x *extractor) resolvePronoun(low string, p int) *entInfo {
	switch pronouns[low] {
	case schema.Person:
		return x.recent(p, func(e *entInfo) bool { return e.typ == schema.Person })
	case schema.Organization:
		if e := x.recent(p, func(e *entInfo) bool { return e.typ == schema.Organization && e.kind != schema.KindMedia }); e != nil {
			return e
		}
		return x.recent(p, func(e *entInfo) bool { return e.typ == schema.Organization || e.typ == schema.Place })
	}
	return nil
}

// descriptions resolves the definite descriptions of a sentence ("the
// company", "his business", "the agency") to entities, as extra mentions.
func (x *extractor) descriptions(si int, ts []tok) {
	for i := 0; i+1 < len(ts); i++ {
		d := ts[i].low
		if d != "the" && d != "his" && d != "her" && d != "its" && d != "their" {
			continue
		}
		j := i + 1
		if j+1 < len(ts) && !ts[j].capital && descriptors[ts[j].low] == nil && descriptors[ts[j+1].low] != nil && isWord(ts[j].low) && !ts[j+1].capital {
			j++ // one adjective: "the Russian agency", "the cybersecurity firm"
		}
		n := ts[j]
		if n.capital || descriptors[n.low] == nil {
			continue
		}
		if j+1 < len(ts) && ts[j+1].capital {
			continue // "the company Kaspersky Lab": the name follows
		}
		if len(x.mentionsIn(ts[i].start, n.end)) > 0 {
			continue
		}
		var e *entInfo
		if (d == "his" || d == "her") && n.low == "office" {
			// "his office said": the person speaks through it.
			e = x.recent(ts[i].start, func(e *entInfo) bool { return e.typ == schema.Person })
			x.addExtra(si, ts[i].start, n.end, e)
			continue
		}
		if d != "the" {
			e = x.ownedBy(d, n.low, ts[i].start)
		}
		if e == nil {
			e = x.resolveDescriptor(n.low, ts[i].start)
		}
		x.remember(n.low, e)
		x.addExtra(si, ts[i].start, n.end, e)
	}
}

// ownedBy resolves "his company": the organisation the latest person holds
// a role at, when a relation says so.
func (x *extractor) ownedBy(det, noun string, p int) *entInfo {
	if det != "his" && det != "her" {
		return nil
	}
	per := x.recent(p, func(e *entInfo) bool { return e.typ == schema.Person })
	if per == nil {
		return nil
	}
	for _, r := range x.rels {
		if r.Subject == per.id && r.Predicate != schema.BasedIn {
			if o := x.byID[r.Object]; o != nil && hasKind(o, descriptors[noun]) {
				return o
			}
		}
	}
	return nil
}

func isWord(s string) bool {
	for _, r := range s {
		if !unicode.IsLetter(r) && r != '-' {
			return false
		}
	}
	return s != ""
}

// isAdverb reports whether a lower-case token is an adverb that may stand
// between an auxiliary and its verb.
func isAdverb(t tok) bool {
	if t.capital {
		return false
	}
	return adverbs[t.low] || (len(t.low) > 4 && strings.HasSuffix(t.low, "ly") && isWord(t.low) && !lyNouns[t.low] && forms[t.low].v == nil)
}

// findCues returns the cues of a sentence in text order.
func (x *extractor) findCues(ts []tok) []*draft {
	var ds []*draft
	n := len(ts)
	for i := 0; i < n; i++ {
		t := ts[i]
		if t.inQ || t.qopen || t.qclose {
			continue
		}
		if t.low == "according" && i+1 < n && ts[i+1].low == "to" {
			ds = append(ds, &draft{kind: accordingCue, vi: i, cs: i, ce: i + 2})
			ts[i].cue, ts[i+1].cue = true, true
			i++
			continue
		}
		f, ok := forms[t.low]
		if !ok {
			continue
		}
		ce := i + 1
		if f.v.lemma == "point" {
			if i+1 >= n || ts[i+1].low != "out" {
				continue
			}
			ce = i + 2
		}
		if t.capital && i > 0 && !ts[i-1].qopen && !ts[i-1].qclose && !shouting(ts) {
			continue // "United States", "Report"
		}
		// Walk back over adverbs and auxiliaries.
		cs, j := i, i-1
		hasAux, passive, negated := false, false, false
		for j >= 0 {
			l := ts[j].low
			if auxiliaries[l] && !ts[j].capital || (auxiliaries[l] && j == 0) {
				hasAux = true
				if beForms[l] && f.m == past {
					passive = true
				}
				if negations[l] {
					negated = true
				}
				cs = j
				j--
				continue
			}
			if isAdverb(ts[j]) {
				j--
				continue
			}
			break
		}
		if !hasAux {
			cs = i
		}
		if hasAux && ts[cs].low == "to" && cs+1 == i {
			// An infinitive is a cue only after a verb of going on:
			// "continued to insist that", "went on to say".
			g := cs - 1
			if g >= 0 && ts[g].low == "on" {
				g--
			}
			if g < 0 || !governing[ts[g].low] {
				continue
			}
			cs = g
		}
		// prev is the word before the verb, skipping adverbs.
		p := i - 1
		for p >= 0 && isAdverb(ts[p]) {
			p--
		}
		var prev tok
		if p >= 0 {
			prev = ts[p]
		}
		det := p >= 0 && determiners[prev.low]
		if det && (prev.low == "'s" || prev.low == "’s") && p > 0 && ts[p-1].capital {
			det = false // "Moody's said", "McDonald's said"
		}
		next := tok{}
		if ce < n {
			next = ts[ce]
		}
		nextThat := next.low == "that" || next.low == ":" || next.qopen
		_, prevPron := pronouns[prev.low]
		ok = false
		switch {
		case hasAux:
			ok = !(det && !auxiliaries[prev.low])
			if ts[cs].low == "to" && cs > 0 && (ts[cs-1].low == "plans" || ts[cs-1].low == "plan") {
				ok = false
			}
		case f.m == ing:
			ok = p < 0 || prev.low == "," || prev.low == "after" || prev.low == "before" || prev.low == "while" || prev.low == "without" || prev.low == "by" || prev.low == "when"
		case f.m == past:
			ok = !det
		case f.m == third:
			if f.v.flags&nounlike != 0 {
				ok = !det && (prevPron || prev.capital || prev.text == ")" || prev.qclose || nextThat)
			} else {
				ok = !det
			}
		case f.m == base:
			plural := prev.low == "they" || prev.low == "we" || prev.low == "i" || prev.low == "you" ||
				(!det && strings.HasSuffix(prev.low, "s") && len(prev.low) > 3 && isWord(prev.low))
			ok = !det && (plural || nextThat) && (f.v.flags&nounlike == 0 || prevPron || nextThat)
		}
		if !ok {
			continue
		}
		if f.v.flags&weak != 0 && !x.weakOK(ts, i, ce, f.v) {
			continue
		}
		for k := cs; k < ce; k++ {
			ts[k].cue = true
		}
		ds = append(ds, &draft{kind: verbCue, v: f.v, m: f.m, vi: i, cs: cs, ce: ce, passive: passive, negated: negated})
	}
	return ds
}

// weakOK reports whether a weak verb at i is used as a reporting verb.
func (x *extractor) weakOK(ts []tok, i, ce int, v *verb) bool {
	n := len(ts)
	if i > 0 && (ts[i-1].qclose || ts[i-1].low == ",") {
		return true
	}
	r := ce
	if v.flags&addressee != 0 {
		for r < n && r-ce < 6 && ts[r].low != "that" && ts[r].low != ":" && ts[r].low != "," && !ts[r].qopen {
			r++
		}
	}
	if r >= n {
		return true
	}
	switch l := ts[r].low; {
	case l == "that" || l == ":" || l == "," || l == "." || l == "!" || l == "?" || l == ";" || ts[r].qopen:
		return true
	}
	if i > 0 {
		if _, ok := pronouns[ts[i-1].low]; ok && i > 1 && (ts[i-2].low == "," || ts[i-2].qclose) {
			return true
		}
	}
	if v.flags&belief != 0 {
		if r < n && ts[r].low == "to" {
			return false // "believed to have been": not a speaker's belief
		}
		// "believe the FSB had compromised": a clause with its own verb.
		for k := r; k < n && k < r+7; k++ {
			if ts[k].low == "," || ts[k].qopen || ts[k].qclose || isEnd(ts[k]) {
				break
			}
			if auxiliaries[ts[k].low] && ts[k].low != "to" && ts[k].low != "not" && ts[k].low != "n't" {
				return k > r
			}
		}
		return false
	}
	for k := r; k < n && k < r+4; k++ {
		if allegationWords[ts[k].low] || speechNouns[ts[k].low] || ts[k].low == "as" {
			return true
		}
	}
	return false
}

// leftNP returns the first token of the noun phrase that ends before end.
func leftNP(ts []tok, end int) int {
	a, _ := leftNPEnd(ts, end)
	return a
}

// leftNPEnd returns the noun phrase [a, b) before end, without trailing
// adverbials of time.
func leftNPEnd(ts []tok, end int) (int, int) {
	if end <= 0 {
		return end, end
	}
	if _, ok := pronouns[ts[end-1].low]; ok {
		return end - 1, end
	}
	a := end
	for j := end - 1; j >= 0 && end-j <= 16; j-- {
		t := ts[j]
		if t.qopen || t.qclose || t.inQ || t.cue {
			break
		}
		if npStops[t.low] {
			if t.low == "and" && j > 0 && j+1 < end && (ts[j-1].capital && ts[j+1].capital || personRoles[ts[j-1].low] != "" || orgRoles[ts[j-1].low]) {
				a = j
				continue
			}
			break
		}
		if _, ok := pronouns[t.low]; ok {
			if a == j+1 && a < end-1 && !ts[a].capital {
				a++ // "they fear regulators": the verb after the pronoun
			}
			break
		}
		if (auxiliaries[t.low] && t.low != "to") || t.low == "said" {
			break
		}
		a = j
	}
	// Trailing adverbials are not part of it either: "Serbia on Thursday
	// flatly", "Yasser Arafat Wednesday", "Beirut again".
	b := end
	for b > a {
		l := ts[b-1].low
		if isAdverb(ts[b-1]) || l == "outright" || (timeWords[l] && l != "this" && l != "in" && l != "at") || weekdays[l] || isNumber(l) {
			b--
			continue
		}
		break
	}
	if b > a && b < end {
		// Keep the phrase only if it still ends in a word, not "on".
		for b > a && (ts[b-1].low == "on" || ts[b-1].low == "last" || ts[b-1].low == "this" || ts[b-1].low == ",") {
			b--
		}
		if b > a {
			end = b
		}
	}
	// Leading adverbials are not part of the source: "In October Germany's".
	for a < end && (timeWords[ts[a].low] || seasons[ts[a].low] && a > 0 && timeWords[ts[a-1].low] || isNumber(ts[a].low)) && a+1 < end {
		a++
	}
	for a < end && (ts[a].low == "and" || ts[a].low == "but" || ts[a].low == "(" || ts[a].low == ")") {
		a++
	}
	return a, end
}

// rightNP returns the end of the noun phrase that starts at a.
func rightNP(ts []tok, a int) int {
	b := a
	for b < len(ts) && b-a < 12 {
		t := ts[b]
		if t.low == "and" && b > a && ts[b-1].capital && b+1 < len(ts) && ts[b+1].capital {
			b++ // "Wertheim and Co"
			continue
		}
		if t.qopen || t.qclose || t.cue || npStops[t.low] || t.low == "." || t.low == "!" || t.low == "?" {
			break
		}
		if auxiliaries[t.low] && t.low != "to" {
			break
		}
		b++
	}
	return b
}

func isNumber(s string) bool {
	for _, r := range s {
		if !unicode.IsDigit(r) && r != ',' && r != '.' {
			return false
		}
	}
	return s != ""
}

func isEnd(t tok) bool { return t.low == "." || t.low == "!" || t.low == "?" || t.low == ";" }

// sentence extracts the claims of sentence si.
func (x *extractor) sentence(si int) {
	s := x.in.Sentences[si]
	ts := x.toks(si)
	if len(ts) == 0 {
		return
	}
	x.descriptions(si, ts)
	ds := x.findCues(ts)
	n := len(ts)
	var kept []*draft
	for _, d := range ds {
		d.sent = si
		d.rightStart = -1
		d.stance = schema.Say
		if d.v != nil {
			d.stance = d.v.stance
		}
		if d.kind == accordingCue {
			if !x.according(ts, d) {
				continue
			}
			kept = append(kept, d)
			continue
		}
		var prevD *draft
		if len(kept) > 0 {
			prevD = kept[len(kept)-1]
		}
		p := d.cs - 1
		for p >= 0 && isAdverb(ts[p]) {
			p--
		}
		switch {
		case d.passive:
			d.srcA, d.srcB = d.ce, d.ce
			for k := d.ce; k < n && !ts[k].cue; k++ {
				if ts[k].low == "by" && (k < d.ce+4 || ts[k-1].low == ",") {
					d.srcA, d.srcB = k+1, rightNP(ts, k+1)
					// "by Amnesty International of misusing funds"
					for j := d.srcA + 1; j+1 < d.srcB; j++ {
						if prepositions[ts[j].low] && !ts[j+1].capital && !determiners[ts[j+1].low] {
							d.srcB = j
							break
						}
					}
					break
				}
			}
			subj := leftNP(ts, d.cs)
			if d.srcA == d.srcB && !(d.ce < n && ts[d.ce].low == "that") {
				continue // "he was implicated in a scandal": no speaker
			}
			d.leftEdge = subj
			if subj < d.cs {
				for _, m := range x.mentionsIn(ts[subj].start, ts[d.cs-1].end) {
					d.objEnts = append(d.objEnts, m.e)
				}
			}
		case d.m == ing && p >= 0 && ts[p].low != ",":
			// "by insisting that", "after denying": the subject is not at
			// hand; the cue before in the sentence has it, if any.
			if prevD == nil {
				continue
			}
			d.inheritedFrom = prevD
			d.leftEdge = d.cs
		case d.m == ing && p >= 0 && ts[p].low == "," && prevD != nil:
			d.inheritedFrom = prevD
			d.leftEdge = p
		case p >= 0 && (ts[p].low == "and" || ts[p].low == "but") && prevD != nil && leftNP(ts, d.cs) == d.cs:
			d.inheritedFrom = prevD
			d.leftEdge = p
		case p >= 0 && (ts[p].qclose || ts[p].low == ",") && !x.apposed(ts, p) && x.inverted(ts, d):
			d.leftEdge = d.cs
		default:
			a := leftNP(ts, p+1) // "It also reported": past the adverbs
			srcEnd := p + 1
			switch {
			case a == p+1 && p > 0 && relatives[ts[p].low] && ts[p-1].low == ",",
				p+1-a == 1 && relatives[ts[a].low] && a > 0 && ts[a-1].low == ",":
				// "the splinter group, which said": the antecedent.
				w := min(a, p)
				if a0 := leftNP(ts, w-1); a0 < w-1 {
					a, srcEnd = a0, w-1
					// "Profits rose at Acme Corp, which said": the
					// antecedent is the name the clause hangs on.
					if ms := x.mentionsIn(ts[a0].start, ts[w-2].end); len(ms) > 0 && ms[len(ms)-1].end == ts[w-2].end {
						k := tokIndex(ts, ms[len(ms)-1].start)
						if k > a0 && determiners[ts[k-1].low] {
							k--
						}
						a = k
					}
				}
			case a == p+1 && p >= 0 && ts[p].low == ",":
				// Apposition or relative clause between commas: "Eugene
				// Kaspersky, the firm's founder, said", "Mercer, who plans
				// to testify, said".
				if c0, a0 := x.appositionStart(ts, p); c0 > 0 {
					a = a0
					if relatives[ts[c0+1].low] || p-c0 > 16 {
						srcEnd = c0
					} else {
						srcEnd = p
					}
				}
			case a == p+1 && p >= 0 && (ts[p].low == "and" || ts[p].low == "but") && prevD == nil:
				// "AMR agreed to buy 15 planes ... but said": the subject
				// of the sentence.
				if a0, b0 := sentenceSubject(ts, p); b0 > a0 {
					a, srcEnd = a0, b0
				}
			}
			if a == p+1 {
				if prevD != nil {
					d.inheritedFrom = prevD
					d.leftEdge = d.cs
					break
				}
				if d.m == ing {
					continue
				}
			}
			if srcEnd-a == 1 && relatives[ts[a].low] || (d.v.flags&belief != 0 && srcEnd-a == 1 && pronouns[ts[a].low] == "" && ts[a].low != "i" && ts[a].low != "we" && ts[a].low != "you" && !ts[a].capital && len(x.mentionsIn(ts[a].start, ts[a].end)) == 0 && ts[a].low != "they") {
				continue // "those who believe": the speaker is outside the clause
			}
			d.srcA, d.srcB = a, srcEnd
			if a0, b0 := leftNPEnd(ts, p+1); srcEnd == p+1 && a0 == a && b0 > a {
				d.srcB = b0
			}
			d.leftEdge = a
			if srcEnd != d.cs && ts[p].low != "," {
				d.leftEdge = p // the content of "and said" starts after it
			}
		}
		x.right(ts, d)
		kept = append(kept, d)
	}
	if len(kept) == 0 {
		if d := x.colon(ts); d != nil {
			d.sent = si
			kept = append(kept, d)
		}
	}
	// Markers that carry the statement: "reports citing Sky News".
	markers, chans := x.channelMarkers(ts)
	// Content ends.
	for k, d := range kept {
		if d.contentLeft || d.rightStart == -2 {
			continue
		}
		if d.rightStart < 0 {
			d.contentLeft = true
			continue
		}
		endTok := n
		for _, e := range kept[k+1:] {
			if e.leftEdge > d.rightStart && e.leftEdge < endTok && !nested(ts, e) {
				endTok = e.leftEdge
			}
		}
		for _, mk := range markers {
			if mk > d.rightStart && mk < endTok {
				endTok = mk
			}
		}
		d.cont = x.trim(ts, d.rightStart, endTok)
		// A split quote: `"We are growing," he said, "and we will hire."`
		// gives one content from the first quote to the last.
		if ts[d.rightStart].qopen && d.cont[1] > d.cont[0] {
			e := d.leftEdge
			for e > 0 && ts[e-1].low == "," {
				e--
			}
			if e > 0 && ts[e-1].qclose {
				if q, ok := x.quoteAt(ts[e-1].start); ok && q[0] < ts[e-1].start && q[0] >= s.Start {
					d.cont[0] = q[0] + 1
				}
			}
		}
	}
	for k, d := range kept {
		if !d.contentLeft {
			continue
		}
		edge := d.leftEdge
		if d.srcB > d.srcA && d.srcA < edge {
			edge = d.srcA
		}
		// What precedes, including an earlier attribution of the same
		// sentence ("X accused Y of Z, a member of the team said").
		start := 0
		if k > 0 && kept[k-1].contentLeft {
			start = kept[k-1].ce
		}
		d.cont = x.leftContent(ts, start, edge)
		// A parenthetical cue ("Instead, he argues, banks should ...")
		// leaves little on the left: the content is on the right.
		if c := d.ce; c < n && ts[c].low == "," && c+1 < n && !isEnd(ts[c+1]) && countTokens(ts, d.cont) < 3 && d.kind == verbCue {
			d.cont = x.trim(ts, c+1, n)
		}
	}
	// Resolve sources, then the rest.
	for _, d := range kept {
		if d.inheritedFrom != nil {
			d.srcA, d.srcB = d.inheritedFrom.srcA, d.inheritedFrom.srcB
			d.claimant, d.claimantText = d.inheritedFrom.claimant, d.inheritedFrom.claimantText
		} else if d.srcB > d.srcA {
			d.claimant, d.claimantText = x.resolveSource(si, ts, d.srcA, d.srcB)
		}
		if d.cont[1] <= d.cont[0] || onlyTime(ts, d.cont) {
			continue // "a buyback program announced yesterday"
		}
		if d.claimant == nil && d.claimantText == "" && !d.passive {
			continue
		}
		if d.channel == nil && d.channelText == "" {
			d.channel, d.channelText = chans.e, chans.text
		}
		if s.End-s.Start == utf8.RuneCountInString(s.Text) && s.Text != "" {
			d.evidence = s.Span // the splitter's span: exact, no copy
		} else {
			d.evidence = x.span(s.Start, s.End)
		}
		x.finishDraft(ts, d)
		x.drafts = append(x.drafts, d)
	}
}

// channelInfo is an outlet that carries the statements of a sentence.
type channelInfo struct {
	e    *entInfo
	text string
}

// channelMarkers finds "reports citing X", "citing X", "in an interview
// with X", "speaking to X": the token indices where a marker that ends a
// content starts, and the channel.
func (x *extractor) channelMarkers(ts []tok) ([]int, channelInfo) {
	var marks []int
	var ch channelInfo
	n := len(ts)
	for i := 0; i < n; i++ {
		t := ts[i]
		if t.inQ || t.qopen || t.qclose {
			continue
		}
		var a int
		switch {
		case t.low == "citing":
			a = i + 1
			m := i
			for m > 0 && (ts[m-1].low == "reports" || ts[m-1].low == "report" || ts[m-1].low == "media" || ts[m-1].low == "a" || ts[m-1].low == "news") {
				m--
			}
			if m > 0 && ts[m-1].low == "," {
				m--
			}
			marks = append(marks, m)
		case t.low == "interview" && i+1 < n && (ts[i+1].low == "with" || ts[i+1].low == "to"):
			a = i + 2
		case (t.low == "speaking" || t.low == "talking") && i+1 < n && (ts[i+1].low == "to" || ts[i+1].low == "with"):
			a = i + 2
		default:
			continue
		}
		b := rightNP(ts, a)
		if b <= a {
			continue
		}
		if e, txt := x.channelOf(ts, a, b); e != nil || txt != "" {
			if ch.e == nil && ch.text == "" {
				ch = channelInfo{e, txt}
			}
		}
	}
	return marks, ch
}

// channelOf resolves an addressee or carrier noun phrase to a channel: a
// news organisation (or an organisation of unknown kind), or an unnamed
// outlet ("reporters"). A recogniser that could not tell the kind of an
// organisation leaves it empty or "other": those count as outlets too.
func (x *extractor) channelOf(ts []tok, a, b int) (*entInfo, string) {
	if a >= b {
		return nil, ""
	}
	txt := x.span(ts[a].start, ts[b-1].end).Text
	for _, m := range x.mentionsIn(ts[a].start, ts[b-1].end) {
		if m.e.typ == schema.Organization && (m.e.kind == schema.KindMedia || m.e.kind == "" || m.e.kind == schema.KindOther) {
			x.channels[m.e.id] = true
			return m.e, txt
		}
	}
	for k := a; k < b; k++ {
		if mediaNouns[ts[k].low] {
			return nil, txt
		}
	}
	return nil, ""
}

// inverted handles `"...," said the agency`: the source follows the cue.
func (x *extractor) inverted(ts []tok, d *draft) bool {
	n := len(ts)
	if d.ce >= n || ts[d.ce].low == "that" || ts[d.ce].low == ":" || isEnd(ts[d.ce]) || ts[d.ce].qopen {
		return false
	}
	b := rightNP(ts, d.ce)
	for k := d.ce + 1; k < b; k++ {
		if relatives[ts[k].low] {
			b = k // "says an official close to the case who asked not to be named"
			break
		}
	}
	afterQuote := d.cs > 0 && (ts[d.cs-1].qclose || ts[d.cs-1].low == "," && d.cs > 1 && ts[d.cs-2].qclose)
	if b == d.ce || (b < n && !isEnd(ts[b]) && ts[b].low != "," && !relatives[ts[b].low] && !ts[b].qopen && !afterQuote) {
		return false
	}
	d.srcA, d.srcB = d.ce, b
	d.contentLeft = true
	return true
}

// according handles "according to X".
func (x *extractor) according(ts []tok, d *draft) bool {
	n := len(ts)
	d.stance = schema.Say
	d.srcA, d.srcB = d.ce, rightNP(ts, d.ce)
	if d.srcB == d.srcA {
		return false
	}
	first := 0
	for first < n && (ts[first].qopen || ts[first].low == "but" || ts[first].low == "and") {
		first++
	}
	if d.cs <= first {
		k := d.srcB
		if k < n && ts[k].low == "," {
			k++
		}
		d.rightStart = k
		d.leftEdge = d.cs
		return k < n
	}
	d.leftEdge = d.cs
	if d.cs > 0 && ts[d.cs-1].low == "," {
		d.leftEdge = d.cs - 1
	}
	d.contentLeft = true
	return true
}

// colon handles a named source, a colon and a quote with no verb:
// `Kaspersky: "We never helped the FSB"`.
func (x *extractor) colon(ts []tok) *draft {
	for i := 1; i+1 < len(ts) && i < 10; i++ {
		if ts[i].low != ":" || !ts[i+1].qopen || ts[i].inQ {
			continue
		}
		a := leftNP(ts, i)
		if a == i || len(x.mentionsIn(ts[a].start, ts[i-1].end)) == 0 {
			return nil
		}
		return &draft{kind: colonCue, cs: i, ce: i + 1, vi: i, srcA: a, srcB: i, leftEdge: a, rightStart: i + 1, stance: schema.Say}
	}
	return nil
}

// right parses what follows a verb cue: addressee, "that", a colon, a
// quote, or the object.
func (x *extractor) right(ts []tok, d *draft) {
	n := len(ts)
	r := d.ce
	if d.passive {
		if d.srcB > d.srcA {
			r = d.srcB
		} else if r < n && ts[r].low == "by" {
			r++
		}
		if r < n && ts[r].low == "that" {
			r++
		}
		if r < n && !isEnd(ts[r]) && ts[r].low != "," {
			d.rightStart = r
		} else if d.leftEdge < d.cs {
			// "The allegation was denied by the company": the subject.
			d.cont = [2]int{ts[d.leftEdge].start, ts[d.cs-1].end}
			d.rightStart = -2
		}
		return
	}
	if d.contentLeft {
		return
	}
	if d.v.flags&addressee != 0 && r < n && !isEnd(ts[r]) && ts[r].low != "that" && ts[r].low != ":" && ts[r].low != "," && !ts[r].qopen {
		e := x.addresseeEnd(ts, r)
		if e > r && (d.v.lemma != "warn" || (e < n && ts[e].low == "that")) {
			d.channel, d.channelText = x.channelOf(ts, r, e)
			if d.channel == nil && d.channelText == "" {
				for _, m := range x.mentionsIn(ts[r].start, ts[e-1].end) {
					d.objEnts = append(d.objEnts, m.e)
				}
			}
			r = e
		}
	}
	// A short time phrase before the content: "told Reuters last year he".
	if k := timePhrase(ts, r); k > r && k < n && !isEnd(ts[k]) && ts[k].low != "," && ts[k].low != "that" {
		r = k
	}
	// Adverbials before "that": "said on Tuesday that", "said in a statement that".
	if r < n && ts[r].low != "that" && (timeWords[ts[r].low] || ts[r].low == "in" || ts[r].low == "on") {
		for k := r; k < n && k-r < 10; k++ {
			if ts[k].low == "," || ts[k].qopen || ts[k].cue || isEnd(ts[k]) {
				break
			}
			if ts[k].low == "that" || ts[k].low == ":" {
				if !adverbial(ts[r:k]) {
					break // "insist on an agreement that is impossible"
				}
				if d.channel == nil {
					if e, txt := x.channelOf(ts, r, k); e != nil {
						d.channel, d.channelText = e, txt
					}
				}
				r = k
				break
			}
		}
	}
	if r >= n || isEnd(ts[r]) {
		d.contentLeft = true
		return
	}
	switch {
	case ts[r].low == "that" || ts[r].low == ":":
		d.rightStart = r + 1
	case ts[r].low == ",":
		if r+1 < n && ts[r+1].qopen {
			d.rightStart = r + 1
		} else {
			d.contentLeft = true
		}
	default:
		// "said on Tuesday." is nothing to the right.
		if timeWords[ts[r].low] {
			k := r
			for k < n && k-r < 4 && !isEnd(ts[k]) && ts[k].low != "," {
				k++
			}
			if k >= n || isEnd(ts[k]) || ts[k].low == "," && (k+1 >= n || ts[k+1].cue || forms[ts[k+1].low].v != nil) {
				d.contentLeft = true
				return
			}
		}
		d.rightStart = r
	}
	if d.rightStart >= n {
		d.rightStart = -1
		d.contentLeft = true
		return
	}
	if d.v.flags&target != 0 && d.rightStart >= 0 {
		e := d.rightStart
		for e < n && !stopObj(ts[e]) && e-d.rightStart < 12 {
			e++
		}
		if e > d.rightStart {
			for _, m := range x.mentionsIn(ts[d.rightStart].start, ts[e-1].end) {
				d.objEnts = append(d.objEnts, m.e)
			}
		}
	}
}

func stopRight(t tok) bool {
	switch t.low {
	case "that", ":", ",", ".", ";", "about", "of", "on", "in", "at", "during", "after", "last",
		"yesterday", "today", "this", "earlier", "by", "for", "with", "because", "when", "before", "if", "it", "he", "she", "they", "we", "i":
		return true
	}
	return t.qopen || t.qclose || t.cue || isEnd(t)
}

func stopObj(t tok) bool {
	switch t.low {
	case "of", "for", "over", "as", ",", "that", "after", "in", "on", "because", "to", "with":
		return true
	}
	return t.qopen || t.cue || isEnd(t)
}

// trim returns the rune range of tokens [a, b) without surrounding
// punctuation, and without the quotation marks of a direct quote.
func (x *extractor) trim(ts []tok, a, b int) [2]int {
	for b > a && (isEnd(ts[b-1]) || ts[b-1].low == "," || ts[b-1].low == "and" || ts[b-1].low == "but" || ts[b-1].low == ":" || ts[b-1].low == "--" || ts[b-1].low == "—") {
		b--
	}
	if a >= b {
		return [2]int{}
	}
	// A direct quote: strip its marks and the comma or stop inside them.
	if ts[a].qopen && ts[b-1].qclose {
		if q, ok := x.quoteAt(ts[a].start); ok && q[1] == ts[b-1].end {
			a++
			b--
			for b > a && (isEnd(ts[b-1]) || ts[b-1].low == ",") {
				b--
			}
		}
	}
	if a >= b {
		return [2]int{}
	}
	return [2]int{ts[a].start, ts[b-1].end}
}

// leftContent returns the content before a source that ends a sentence:
// the quote before it (which may have opened in an earlier sentence), or
// the text from start to the edge.
func (x *extractor) leftContent(ts []tok, start, edge int) [2]int {
	e := edge
	for e > start && (ts[e-1].low == "," || ts[e-1].low == "--" || ts[e-1].low == "—") {
		e--
	}
	if e > 0 && ts[e-1].qclose {
		if q, ok := x.quoteAt(ts[e-1].start); ok && q[0] < ts[e-1].start {
			a := q[0] + 1
			b := ts[e-1].start
			for b > a && (x.runes[b-1] == ',' || x.runes[b-1] == '.' || text.IsSpace(x.runes[b-1])) {
				b--
			}
			for a < b && text.IsSpace(x.runes[a]) {
				a++
			}
			// Only when the quote begins the sentence part: else keep
			// the whole part ("How damaging ... "depends on the country"").
			if q[0] <= ts[start].start || !x.textBetween(ts, start, q[0]) {
				return [2]int{a, b}
			}
		}
	}
	return x.trim(ts, start, e)
}

// textBetween reports whether tokens from start hold words before offset p.
func (x *extractor) textBetween(ts []tok, start, p int) bool {
	for k := start; k < len(ts) && ts[k].start < p; k++ {
		if !ts[k].qopen && !ts[k].qclose {
			return true
		}
	}
	return false
}

// lower is strings.ToLower without an allocation for words that are
// already lower-case ASCII.
func lower(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 0x80 || ('A' <= c && c <= 'Z') {
			return strings.ToLower(s)
		}
	}
	return s
}

// nested reports whether an attribution lies inside the content of the one
// before it ("stated that he did not believe ...", "said Y denied Z"),
// rather than after it ("..., and Eugene Kaspersky told", "and criticised").
func nested(ts []tok, e *draft) bool {
	if e.inheritedFrom != nil || e.kind == accordingCue || e.contentLeft || e.leftEdge == 0 {
		return false
	}
	p := ts[e.leftEdge-1]
	switch p.low {
	case ",", "and", "but", ";", ":", "while", "whereas", "although", "though":
		return false
	}
	return !p.qclose
}

// paragraphBreak reports whether white space holds a blank line.
func paragraphBreak(ws []rune) bool {
	nl := 0
	for _, r := range ws {
		if r == '\n' {
			nl++
		}
	}
	return nl >= 2
}

// addresseeEnd returns the end of the hearer of "told": an entity mention
// ("Sky News", "Reuters"), or a short common noun phrase ("reporters",
// "the newspaper", "Hungarian economists").
func (x *extractor) addresseeEnd(ts []tok, r int) int {
	n := len(ts)
	if ms := x.mentionsIn(ts[r].start, ts[n-1].end); len(ms) > 0 && ms[0].start == ts[r].start {
		e := r
		for e < n && ts[e].end <= ms[0].end {
			e++
		}
		if t := ms[0].e.typ; t != schema.Place && t != schema.Nationality {
			return e
		}
		r = e // "Hungarian economists": the place is a modifier
	}
	e := r
	if e < n && determiners[ts[e].low] {
		e++
	}
	for e < n && e-r < 4 && !stopRight(ts[e]) && !auxiliaries[ts[e].low] && !(e > r && determiners[ts[e].low]) {
		if _, ok := pronouns[ts[e].low]; ok {
			break
		}
		e++
	}
	return e
}

// timePhrase returns the end of a short time phrase at r ("last year",
// "on Tuesday", "today"), or r when there is none.
func timePhrase(ts []tok, r int) int {
	n := len(ts)
	if r >= n {
		return r
	}
	switch l := ts[r].low; {
	case weekdays[l] && l != "again" && l != "once" && l != "twice":
		return r + 1
	case (l == "last" || l == "this" || l == "next" || l == "on" || l == "late" || l == "early") && r+1 < n &&
		(weekdays[ts[r+1].low] || timeWords[ts[r+1].low] && ts[r+1].low != "in" && ts[r+1].low != "on"):
		return r + 2
	}
	return r
}

// sentenceSubject returns the noun phrase that opens a sentence, after a
// leading adverbial ("Yesterday, the Stock Exchange decided ..."), when it
// ends before limit: names, determiners, "of", "and" between names, and
// role nouns ("A Rossignol spokesman").
func sentenceSubject(ts []tok, limit int) (int, int) {
	a := 0
	for k := 0; k < limit && k < 8; k++ {
		if ts[k].low == "," {
			if timeWords[ts[0].low] || weekdays[ts[0].low] || isAdverb(ts[0]) || prepositions[ts[0].low] || ts[0].low == "to" || ts[0].low == "but" || ts[0].low == "however" {
				a = k + 1
			}
			break
		}
	}
	if a < limit {
		if _, ok := pronouns[ts[a].low]; ok && ts[a].low != "who" {
			return a, a + 1
		}
	}
	b := a
	for b < limit && b-a < 10 {
		t := ts[b]
		switch {
		case t.capital || determiners[t.low] || t.low == "of" || t.low == "and" && b > a && ts[b-1].capital || t.low == "&":
		case orgRoles[t.low] || personRoles[t.low] != "" || descriptors[t.low] != nil || t.low == "analyst" || t.low == "analysts":
		default:
			if b == a || t.qopen || t.qclose || t.inQ {
				return a, a
			}
			for b > a && (ts[b-1].low == "and" || ts[b-1].low == "of" || determiners[ts[b-1].low]) {
				b--
			}
			return a, b
		}
		b++
	}
	return a, a
}

// shouting reports whether a sentence is written in capitals (a wire
// headline: "SYRIA SAYS ISRAEL BLOCKS CITRUS EXPORT").
func shouting(ts []tok) bool {
	up, low := 0, 0
	for _, t := range ts {
		for _, r := range t.text {
			if unicode.IsUpper(r) {
				up++
			} else if unicode.IsLower(r) {
				low++
			}
		}
	}
	return up > 8 && low*4 < up
}

// countTokens counts the tokens inside a rune range.
func countTokens(ts []tok, r [2]int) int {
	n := 0
	for _, t := range ts {
		if t.start >= r[0] && t.end <= r[1] {
			n++
		}
	}
	return n
}

// onlyTime reports whether a content holds nothing but time words.
func onlyTime(ts []tok, r [2]int) bool {
	for _, t := range ts {
		if t.start >= r[0] && t.end <= r[1] && !weekdays[t.low] && !timeWords[t.low] && !isNumber(t.low) {
			return false
		}
	}
	return true
}

// appositionStart finds the subject before an apposition or relative
// clause that ends with the comma at p: the comma c0 after the subject and
// the subject's start a0, or c0 = -1. The subject that opens the sentence
// is preferred ("Unicorp, a holding company controlled by its chairman,
// George Mann, said": Unicorp).
func (x *extractor) appositionStart(ts []tok, p int) (int, int) {
	best, bestA := -1, -1
	for c := p - 1; c > 0 && p-c < 40; c-- {
		t := ts[c]
		if t.qopen || t.qclose || t.cue || t.inQ {
			break
		}
		if t.low != "," || c == p-1 {
			continue
		}
		a0 := leftNP(ts, c)
		if a0 >= c {
			continue
		}
		if best < 0 {
			best, bestA = c, a0
		}
		if a0 == 0 || ts[a0-1].low == "," && a0-1 == leadingComma(ts) {
			return c, a0
		}
	}
	return best, bestA
}

// leadingComma returns the index of the comma that ends a leading adverbial
// ("In October, ..."), or -1.
func leadingComma(ts []tok) int {
	for k := 0; k < len(ts) && k < 8; k++ {
		if ts[k].low == "," {
			if timeWords[ts[0].low] || weekdays[ts[0].low] || isAdverb(ts[0]) || prepositions[ts[0].low] || ts[0].low == "to" || ts[0].low == "however" {
				return k
			}
			return -1
		}
	}
	return -1
}

// apposed reports whether the comma at p closes an apposition after the
// subject that opens the sentence ("Wayne Jones, vice president at
// Outboard, said"): then the source is on the left, not inverted.
func (x *extractor) apposed(ts []tok, p int) bool {
	if ts[p].low != "," {
		return false
	}
	c0, a0 := x.appositionStart(ts, p)
	return c0 > 0 && (a0 == 0 || a0-1 == leadingComma(ts))
}

// adverbial reports whether tokens between a cue and "that" are a time or
// a setting of speech ("on Tuesday", "in a statement", "in an interview
// with Reuters"), not an object ("on an agreement").
func adverbial(ts []tok) bool {
	for _, t := range ts {
		if weekdays[t.low] || timeWords[t.low] && t.low != "in" && t.low != "on" && t.low != "at" || speechSettings[t.low] || isNumber(t.low) {
			return true
		}
	}
	return false
}

package claims

import (
	"strings"
	"unicode/utf8"

	"github.com/dossier-project/dossier/extract/attrib"
	"github.com/dossier-project/dossier/extract/text"
	"github.com/dossier-project/dossier/schema"
)

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
	if d.m == ing || d.ce >= n || ts[d.ce].low == "that" || ts[d.ce].low == ":" || isEnd(ts[d.ce]) || ts[d.ce].qopen {
		// A participle never inverts: in "charged Huawei with fraud,
		// accusing the company of helping Iran" the noun phrase after
		// the cue is what is alleged, not who alleges it.
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

// dashColon handles a name after a dash, a colon and a quote, anywhere
// in a sentence ("... for Republican contests - Philip Bump: “Two weeks
// ago ...”"), where the sentence splitter has joined a heading to the
// quotation: in PolNeAR's training split, every name before a colon and
// an opening quotation mark is a source. The name is capitalised words;
// nothing the rules found may overlap it.
func (x *extractor) dashColon(ts []tok, kept []*draft) *draft {
	for i := 2; i+1 < len(ts); i++ {
		if ts[i].low != ":" || !ts[i+1].qopen || ts[i].inQ {
			continue
		}
		a := leftNP(ts, i)
		if a == i || a == 0 || i-a > 6 {
			continue
		}
		switch ts[a-1].low {
		case "-", "--", "—", "–":
		default:
			continue
		}
		name := true
		for _, t := range ts[a:i] {
			if !t.capital && t.low != "and" {
				name = false
			}
		}
		if !name {
			continue
		}
		for _, d := range kept {
			if d.cs <= i && a < d.ce || d.srcB > a && d.srcA < i {
				return nil
			}
		}
		return &draft{kind: colonCue, cs: i, ce: i + 1, vi: i, srcA: a, srcB: i, leftEdge: a, rightStart: i + 1, stance: schema.Say}
	}
	return nil
}

// headlineColon reads a headline "Name: statement" ("Bill Clinton:
// Hillary thinks feds require too many tests at school", "Mark Cuban: A
// businessman can run this country"): the person or organisation before
// the colon says what follows it, as PolNeAR annotates 79 of the 136
// colons in its training split's headlines. The name is all that stands
// before the colon (after a dash: "EXCLUSIVE – Roger Stone:"), one
// mention of a person or an organisation ("Carly Fiorina Endorses Ted
// Cruz:", "The Latest:" are none). The headline is the document's first
// sentence when it is a line of its own.
func (x *extractor) headlineColon(si int, ts []tok) *draft {
	if !x.headline(si) {
		return nil
	}
	for i := 1; i+1 < len(ts) && i < 8; i++ {
		if ts[i].low != ":" || ts[i].inQ || ts[i].qopen {
			continue
		}
		a := 0
		for k := 0; k < i; k++ {
			switch ts[k].low {
			case "-", "--", "—", "–":
				a = k + 1
			}
		}
		if i-a < 1 || i-a > 5 || ts[a].low == "the" || isEnd(ts[i+1]) {
			return nil
		}
		named := false
		for _, m := range x.mentionsIn(ts[a].start, ts[i-1].end) {
			if m.start == ts[a].start && m.end == ts[i-1].end && (m.e.typ == schema.Person || m.e.typ == schema.Organization) {
				named = true
			}
		}
		if !named {
			return nil
		}
		return &draft{kind: colonCue, cs: i, ce: i + 1, vi: i, srcA: a, srcB: i, leftEdge: a, rightStart: i + 1, stance: schema.Say}
	}
	return nil
}

// headline reports whether sentence si is the document's headline: marked
// so, or the first sentence when it is a line of its own.
func (x *extractor) headline(si int) bool {
	s := x.in.Sentences[si]
	if s.Headline {
		return true
	}
	if si != 0 {
		return false
	}
	for k := 0; k < s.Start && k < len(x.runes); k++ {
		if !text.IsSpace(x.runes[k]) {
			return false
		}
	}
	for k := s.End; k < len(x.runes); k++ {
		if x.runes[k] == '\n' {
			return true
		}
		if !text.IsSpace(x.runes[k]) {
			return false
		}
	}
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
	// What was said went before the source, and an adverbial follows the
	// cue: "“...,” she said over breakfast across the street", "...,
	// former President Bill Clinton said this week at an event in
	// Wyoming", "..., Martha Raddatz said to Christie".
	if d.v != nil && sayingVerbs[d.v.lemma] && d.leftEdge > 0 && d.leftEdge <= d.cs && (ts[d.leftEdge-1].low == "," || ts[d.leftEdge-1].qclose) {
		e := r
		for e < n && !isEnd(ts[e]) && ts[e].low != "," && ts[e].low != "—" && ts[e].low != "--" {
			e++
		}
		if adverbialAt(ts, r, e) && !cueIn(ts, r, e) {
			d.contentLeft = true
			return
		}
		if sayingParticiple(ts, r, r+1) && ts[d.leftEdge-1].qclose {
			// "“There is no truth to those rumours,” he said noting that
			// ...": a participle of saying right after the cue says the
			// rest, as it does after a comma; the quotation is the cue's.
			d.contentLeft = true
			return
		}
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

// trim returns the rune range of tokens [a, b) without surrounding
// punctuation, and without the quotation marks of a direct quote.
func (x *extractor) trim(ts []tok, a, b int) [2]int {
	for b > a && (isEnd(ts[b-1]) || ts[b-1].low == "," || ts[b-1].low == "and" || ts[b-1].low == "but" || ts[b-1].low == ":" || ts[b-1].low == "--" || ts[b-1].low == "—") {
		b--
	}
	if a >= b {
		return [2]int{}
	}
	// A quote that runs on past the sentence: the content is all of it
	// (`He said: "We are sure. We are."`).
	if ts[a].qopen && b == len(ts) || ts[a].qopen && b == len(ts)-1 && isEnd(ts[b]) {
		if q, ok := x.quoteAt(ts[a].start); ok && q[1] > ts[len(ts)-1].end {
			e := q[1]
			if c := x.runes[e-1]; c == '"' || c == '”' || c == '»' || c == '\'' {
				e--
			}
			for e > ts[a].end && (text.IsSpace(x.runes[e-1]) || x.runes[e-1] == ',' || x.runes[e-1] == '\'' || x.runes[e-1] == '.') {
				e--
			}
			s := ts[a].end
			if a+1 < len(ts) && halfMark(ts[a], ts[a+1]) {
				s = ts[a+1].end // the second half of "''"
			}
			return [2]int{s, e}
		}
	}
	// A direct quote: strip its marks and the comma or stop inside them.
	if ts[a].qopen && ts[b-1].qclose {
		if q, ok := x.quoteAt(ts[a].start); ok && q[1] == ts[b-1].end {
			if a+1 < b && halfMark(ts[a], ts[a+1]) {
				a++ // the second half of "''"
			}
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

// halfMark reports whether t and u are the two apostrophes of a doubled
// quotation mark (the New York Times' and PTB's).
func halfMark(t, u tok) bool {
	return t.low == "'" && u.low == "'" && t.end == u.start
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

// coordinated ends a content after the cue where a verb coordinated with
// the cue starts ("denied the charges and counter-accused her of
// battery", "called him divisive and accused him of ...", "has not
// endorsed Mr. Trump and has been a pointed critic"): the content is the
// cue's object, a phrase without a finite verb of its own, and the verb
// after "and" or "but" shares the cue's subject. A content that is a
// clause ("said the company has debt and has no cash") keeps its "and".
// Finite verbs are read off the trained model's part-of-speech classes,
// so the rules alone (no model) keep their contents as they are.
func (x *extractor) coordinated(ts []tok, d *draft) {
	m := x.in.Model
	if m == nil || d.cont[0] < ts[min(d.ce, len(ts)-1)].start || d.ce >= len(ts) {
		return
	}
	ka, kb := tokRange(ts, d.cont[0], d.cont[1])
	participle := false
	for k := ka; k < kb-1; k++ {
		t := ts[k]
		if t.qopen || t.inQ {
			return // a quotation is the speaker's words, whatever they hold
		}
		if t.low == "," && k > ka+1 && relatives[ts[k+1].low] {
			// A relative clause on the object ends it ("referring to his
			// daughter, who converted"), unless it is one on a subject
			// that a verb follows ("suggested the billionaire, who is
			// now the nominee, would unite Britain") or quotes.
			for j := k + 2; j < kb; j++ {
				if ts[j].qopen || ts[j].inQ || opensQuote(ts, j) || ts[j].low == "," && j+1 < kb && (verbish(m, ts[j+1].low) || opensQuote(ts, j+1)) {
					return
				}
			}
			if c := x.trim(ts, ka, k); c[1] > c[0] {
				d.cont = c
			}
			return
		}
		if k > ka && (t.low == "and" || t.low == "but") && !participle {
			j := k + 1
			for j < kb-1 && (isAdverb(ts[j]) || ts[j].low == "then" || ts[j].low == "later" || ts[j].low == "also") {
				j++
			}
			if finite(m, ts[j].low) {
				e := k
				if ts[e-1].low == "," {
					e--
				}
				if c := x.trim(ts, ka, e); c[1] > c[0] {
					d.cont = c
				}
				return
			}
			continue
		}
		// A word after a determiner is a noun unless it is only a verb
		// ("denied the charges and counter-accused her").
		if verbish(m, t.low) && !(k > ka && determiners[ts[k-1].low] && !finite(m, t.low)) {
			return // a clause: "said she admires him and ...", "said the plan calls for ..."
		}
		if k > ka && m.Tags(t.low) == "VBN" {
			participle = true // "said its directors reviewed a proposal but took no action": a clause
		}
	}
}

// finite reports whether w is a finite verb that is seldom anything else,
// by the part-of-speech tags it took in the model's treebank: a past or
// present tense form, not a noun or adjective besides ("accused", "has";
// not "cut", "related"). A hyphenated word the treebank lacks is read by
// its last part ("counter-accused", not "deep-seated"), and any other
// word it lacks that ends in "ed" counts ("signaled").
func finite(m *attrib.Model, w string) bool {
	tags := m.Tags(w)
	if tags == "" {
		if i := strings.LastIndexByte(w, '-'); i >= 0 && i+1 < len(w) {
			w = w[i+1:]
			tags = m.Tags(w)
		}
	}
	if tags == "" {
		return strings.HasSuffix(w, "ed") && len(w) > 4
	}
	if !strings.Contains(tags, "VBD") && !strings.Contains(tags, "VBZ") && !strings.Contains(tags, "VBP") && tags != "MD" {
		return false
	}
	return !strings.Contains(tags, "NN") && !strings.Contains(tags, "JJ")
}

// endBeforeOwnCues ends a content before a later cue of the same speaker
// that it holds: a participle or a coordinated verb that shares the
// cue's source ("“...,” Ramos said, referring to the Hispanic community",
// "rejected both objections, ruled Cruz eligible and ordered that ...",
// "conceded that he had touched her but implied that ..."). The corpus
// annotates such cues as attributions of their own, and the content of
// the first would otherwise hold them (nested, they are not counted).
// A content that starts before its cue keeps only that part.
func (x *extractor) endBeforeOwnCues(ts []tok, kept []*draft) {
	for _, d := range kept {
		if d.cont[1] <= d.cont[0] || d.srcB <= d.srcA || d.cont[1] > ts[len(ts)-1].end {
			continue // a quotation that runs on is left whole
		}
		cut := -1
		for _, e := range kept {
			if e == d || e.cs < d.ce || ts[e.cs].start < d.cont[0] || ts[e.ce-1].end > d.cont[1] || ts[e.cs].inQ || quoted(ts, d.cs, e.cs) {
				continue
			}
			if e.inheritedFrom != d && (e.srcA != d.srcA || e.srcB != d.srcB) {
				continue
			}
			// Only after a comma (a participle), "and" or "but".
			p := before(ts, e.cs)
			if p < 0 || !(ts[p].low == "," && participle(ts[e.cs:e.ce]) || ts[p].low == "and" || ts[p].low == "but" || ts[p].low == "then") {
				continue
			}
			if cut < 0 || e.cs < cut {
				cut = e.cs
			}
		}
		if cut < 0 {
			continue
		}
		b := cut
		for b > 0 && (isAdverb(ts[b-1]) || ts[b-1].low == "then" || ts[b-1].low == "and" || ts[b-1].low == "but" || ts[b-1].low == ",") {
			b--
		}
		if b > d.cs && d.cont[0] < ts[d.cs].start {
			// "“A,” she said, adding that ...": the quotation before.
			b = d.cs
			if d.srcA < b {
				b = d.srcA
			}
			for b > 0 && (ts[b-1].low == "," || ts[b-1].qclose || ts[b-1].low == "”" || ts[b-1].low == "'") {
				b--
			}
		}
		if b <= 0 || ts[b-1].end <= d.cont[0] {
			continue
		}
		d.cont[1] = min(d.cont[1], ts[b-1].end)
	}
}

// quoted reports whether an odd number of quotation marks stands between
// tokens a and k (a doubled "”" counts once): token k is then inside a
// quotation opened after a, the marks unpaired or not.
func quoted(ts []tok, a, k int) bool {
	n := 0
	for j := a; j < k; j++ {
		switch ts[j].low {
		case "“", "”", "\"", "«", "»", "``":
			n++
		case "'":
			if j+1 < k && ts[j+1].low == "'" {
				n++
				j++
			}
		}
	}
	return n%2 == 1
}

// continuedQuote extends a content that is a quotation before its cue,
// in a sentence that ends with the cue's clause (`”A,” he said.`, or
// its source with an apposition: `”A,” said X, the minister.`), over the
// next sentence when that one is a quotation of its own (`”B.”`), or
// over the sentences of the paragraph to the one that closes it (`”B.
// C.”`), as the corpus's guidelines have it; an attribution inside the
// quotation is nested in it, as the corpus leaves it out. The model does
// this itself for the quotation marks it pairs; this is for the doubled
// apostrophes of the New York Times (” ... ”), which its quotation
// features do not know.
func (x *extractor) continuedQuote(si int, ts []tok, d *draft) {
	if x.found == nil || si+1 >= len(x.in.Sentences) || d.cont[1] > ts[len(ts)-1].end || d.cont[1] > ts[d.cs].start {
		return
	}
	// The quotation closes right after the content, and nothing but the
	// source, the cue and a time or place follows it in the sentence.
	k := tokIndex(ts, d.cont[1])
	if !closesDoubled(ts, k) && !(k >= 2 && closesDoubled(ts, k-2)) {
		return
	}
	rest := 0
	for j := d.ce; j < len(ts); j++ {
		if !isEnd(ts[j]) {
			rest++
		}
	}
	if rest > 3 && !(d.srcB > d.srcA && d.srcA >= d.ce && d.srcA <= d.ce+1 && d.rel == 0) {
		// More than a time or place after the cue, unless it is the
		// source with its apposition: "''A,'' said Mary Polak, the
		// province's environment minister. ''B.''"
		return
	}
	nx := x.in.Sentences[si+1]
	r := x.runes[nx.Start:nx.End]
	a, b := spaceTrimmed(r)
	if b-a < 6 || string(r[a:a+2]) != "''" || strings.Contains(string(r[a+2:b-2]), "''") {
		return
	}
	if string(r[b-2:b]) != "''" {
		// The quotation goes on over the next sentences (`''B. C.''`):
		// to the one that closes it, in the same paragraph, none
		// holding an attribution of the model nor another mark.
		if strings.Contains(string(r[a+2:b]), "''") {
			return
		}
		prevEnd := nx.End
		for sj := si + 2; sj < len(x.in.Sentences) && sj <= si+1+maxQuoteSentences; sj++ {
			ns := x.in.Sentences[sj]
			if ns.Start < prevEnd || strings.ContainsRune(string(x.runes[prevEnd:ns.Start]), '\n') {
				return
			}
			t := strings.TrimRightFunc(string(x.runes[ns.Start:ns.End]), text.IsSpace)
			if k := strings.Index(t, "''"); k >= 0 && k < len(t)-2 {
				return
			}
			if strings.HasSuffix(t, "''") {
				e := ns.Start + utf8.RuneCountInString(t) - 2
				for e > ns.Start && (x.runes[e-1] == ',' || text.IsSpace(x.runes[e-1])) {
					e--
				}
				d.cont[1] = e
				return
			}
			prevEnd = ns.End
		}
		return
	}
	e := nx.Start + b - 2
	for e > nx.Start+a+2 && (r[e-nx.Start-1] == ',' || text.IsSpace(r[e-nx.Start-1])) {
		e--
	}
	d.cont[1] = e
}

// quoteBefore gives a cue that opens its sentence with its source
// (`LeVell declared, a point he likes to make ...`, `Trump told Britain's
// ITV television station in an interview`, `Lichtman said about McCain's
// effort`) the quotation that makes up the sentence before it, when that
// one ends in a question or an exclamation mark inside the quotation
// (`"And I'm not being paid!" LeVell declared`): the splitter ends a
// sentence there, the writer did not, and what follows the cue is no
// statement of its own. Not a clause introduced by "that", nor a
// quotation of several sentences or with marks inside.
func (x *extractor) quoteBefore(si int, ts []tok, d *draft) {
	if si == 0 || d.srcB <= d.srcA || d.srcA != 0 || d.srcB > d.cs || !adjacent(ts, d.srcB, d.cs) || d.ce >= len(ts) || ts[d.ce].low == "that" {
		return
	}
	if d.cont[1] > d.cont[0] && d.cont[0] < ts[d.ce-1].end {
		return // a content before the cue already
	}
	ps, cur := x.in.Sentences[si-1], x.in.Sentences[si]
	if ps.End > cur.Start || strings.ContainsRune(string(x.runes[ps.End:cur.Start]), '\n') {
		return
	}
	r := x.runes[ps.Start:ps.End]
	a, b := spaceTrimmed(r)
	if b-a < 4 || !isOpenMark(r[a]) || !isCloseMark(r[b-1]) || r[b-2] != '?' && r[b-2] != '!' {
		return
	}
	for _, c := range r[a+1 : b-1] {
		if isOpenMark(c) || isCloseMark(c) {
			return
		}
	}
	d.cont = [2]int{ps.Start + a + 1, ps.Start + b - 1}
}

// quoteOpenedBefore starts a content that is a quotation before its cue at
// the quotation's opening mark when that stands in an earlier sentence of
// the paragraph (`GOP nominees McCain and Romney “were stiff. They
// weren't fun. There was no joy” in comparison to Obama, Gingrich said.`:
// all three sentences, not the last), as the corpus's guidelines have it;
// not when an attribution of those sentences stands inside the quotation.
func (x *extractor) quoteOpenedBefore(si int, ts []tok, d *draft) {
	if d.cont[1] <= d.cont[0] || d.cont[1] > ts[d.cs].start {
		return
	}
	q, ok := x.quoteAt(d.cont[0])
	s := x.in.Sentences[si]
	if !ok || q[0] >= s.Start || q[1] > ts[d.cs].start {
		return
	}
	if strings.ContainsRune(string(x.runes[q[0]:s.Start]), '\n') {
		return
	}
	for _, e := range x.drafts {
		if e.sent < si && x.toks(e.sent)[e.cs].start >= q[0] {
			return
		}
	}
	d.cont[0] = q[0] + 1
}

// examplesAfter extends a content that ends right before a comma and a
// phrase of examples ("had sparred over a range of issues, including
// immigration and surveillance", "906 attacks on asylum seeker homes,
// ranging from arson to physical assaults") over that phrase, to the end
// of the clause: a stop, a colon, a semicolon, a dash, a bracket or a
// quotation mark, not past a cue. PolNeAR's training split holds 131
// such phrases after ", including" inside a content and ends 14 contents
// before one.
func (x *extractor) examplesAfter(si int, ts []tok, d *draft) {
	if d.cont[1] <= d.cont[0] {
		return
	}
	k := tokIndex(ts, d.cont[1])
	if k+2 >= len(ts) || ts[k].low != "," || ts[k].start < d.cont[1] {
		return
	}
	switch w := ts[k+1].low; {
	case w == "including" || w == "like" || w == "especially" || w == "particularly" || w == "ranging":
	case w == "such" && ts[k+2].low == "as":
	default:
		return
	}
	e := k + 1
	for e < len(ts) && !isEnd(ts[e]) && !ts[e].cue && !x.modelCueAt(si, ts[e]) && !ts[e].qopen && !ts[e].qclose && !clauseStops[ts[e].low] {
		e++
	}
	for e > k+2 && (ts[e-1].low == "," || ts[e-1].low == "and" || ts[e-1].low == "but") {
		e--
	}
	if e > k+2 {
		d.cont[1] = ts[e-1].end
	}
}

// clauseStops end a phrase of examples.
var clauseStops = set(":", ";", "-", "--", "—", "–", "(", ")")

// modelCueAt reports whether token t is part of a cue the model found in
// sentence si.
func (x *extractor) modelCueAt(si int, t tok) bool {
	for _, f := range x.found[si] {
		if t.start < f.Cue[1] && f.Cue[0] < t.end {
			return true
		}
	}
	return false
}

func isOpenMark(c rune) bool  { return c == '"' || c == '“' }
func isCloseMark(c rune) bool { return c == '"' || c == '”' }

// maxQuoteSentences bounds the sentences a doubled-apostrophe quotation
// is followed over.
const maxQuoteSentences = 6

// closesDoubled reports whether tokens k and k+1 (after a comma, if any)
// are the two apostrophes that close a quotation (”).
func closesDoubled(ts []tok, k int) bool {
	if k < len(ts) && ts[k].low == "," {
		k++
	}
	return k+1 < len(ts) && ts[k].low == "'" && ts[k+1].low == "'" && ts[k].end == ts[k+1].start
}

// verbish reports whether w may be a finite verb, even if it may be
// something else too ("calls", "cut"), or is a word the treebank lacks
// that ends like one ("assures", "signaled"): what tells a clause from a
// noun phrase, where finite asks for a word that is seldom anything else.
func verbish(m *attrib.Model, w string) bool {
	tags := m.Tags(w)
	if tags == "" {
		return len(w) > 3 && (strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "es") || strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss"))
	}
	return strings.Contains(tags, "VBD") || strings.Contains(tags, "VBZ") || strings.Contains(tags, "VBP") || strings.Contains(tags, "MD")
}

// cueIn reports whether a token of [a, b) is part of a cue of the rules.
func cueIn(ts []tok, a, b int) bool {
	for _, t := range ts[a:b] {
		if t.cue {
			return true
		}
	}
	return false
}

// sayingVerbs are the verbs whose content may go before their source and
// an adverbial after them ("“...,” she said over breakfast"); not those
// of an infinitive ("At rally after rally, he vows to impose").
var sayingVerbs = set("say", "tell", "add", "write", "declare", "state", "explain", "note", "recall", "insist", "argue",
	"remark", "reply", "acknowledge", "concede", "announce", "observe", "comment", "quip", "joke", "shout", "tweet")

// sayingParticiple reports whether a participle of a verb of saying
// ("noting", "adding") is among ts[a:b].
func sayingParticiple(ts []tok, a, b int) bool {
	for k := max(0, a); k < b && k < len(ts); k++ {
		if f, ok := forms[ts[k].low]; ok && f.m == ing && f.v != nil && sayingVerbs[f.v.lemma] {
			return true
		}
	}
	return false
}

// spaceTrimmed returns the bounds of r without its leading and trailing
// white space.
func spaceTrimmed(r []rune) (a, b int) {
	a, b = 0, len(r)
	for a < b && text.IsSpace(r[a]) {
		a++
	}
	for b > a && text.IsSpace(r[b-1]) {
		b--
	}
	return a, b
}

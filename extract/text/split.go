package text

import (
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/dossier-project/dossier/schema"
)

// Sentence is one sentence: its span (schema.Span, exact) and its tokens.
type Sentence struct {
	schema.Span
	Tokens   []Token
	Headline bool // the document's headline/title line, which has no full stop
	// Cut is set when the sentence was cut off at MaxSentenceTokens tokens
	// from a longer one (the text had no sentence boundary there).
	Cut bool
	// CutTokens is how many of Tokens are MaxTokenRunes long and were cut
	// from a longer run of letters or marks.
	CutTokens int
}

// MaxSentenceTokens is the most tokens a sentence may have. A longer
// stretch without a sentence boundary (a table, a list run together, a
// scraper's output without full stops, a hostile input) is cut into pieces
// of at most this many tokens, at a line break, semicolon, colon or comma
// in the second half of the piece when there is one: every later stage
// (the recogniser, claims, relations) then works on bounded sentences,
// and its cost grows with the length of the document, not with the square
// of a sentence's. News sentences are far shorter: of the 145,149
// sentences of Reuters-21578, 3 have more than 250 tokens (the longest
// 505, a table).
const MaxSentenceTokens = 256

// TokenIndexAt returns the index in s.Tokens of the token that contains
// code-point offset, or -1 when no token does (the offset is outside the
// sentence or on white space). It takes O(log n) time.
func (s Sentence) TokenIndexAt(offset int) int {
	k := sort.Search(len(s.Tokens), func(k int) bool { return s.Tokens[k].End > offset })
	if k < len(s.Tokens) && s.Tokens[k].Start <= offset {
		return k
	}
	return -1
}

// SentenceIndexAt returns the index in ss of the sentence that contains
// code-point offset, or -1 when none does; ss must be in text order, as
// Split returns it. It takes O(log n) time.
func SentenceIndexAt(ss []Sentence, offset int) int {
	k := sort.Search(len(ss), func(k int) bool { return ss[k].End > offset })
	if k < len(ss) && ss[k].Start <= offset {
		return k
	}
	return -1
}

// Split splits a document into sentences: only within doc.Body when it is
// non-nil (else all of doc.Text); doc.Headline, when non-zero, is a sentence
// of its own with Headline=true. runes must be []rune(doc.Text); when it is
// nil it is computed. Sentences come in text order, do not overlap, and are
// trimmed of white space; spans outside runes are clamped.
//
// A sentence ends:
//   - at every Body span boundary and at every blank line (two line breaks,
//     possibly with spaces between);
//   - after ".", "!" or "?", and any closing quotes or brackets after them,
//     when white space follows and the next token starts with an upper-case
//     letter, a digit, or an opening quote or bracket; a full stop glued to
//     a capitalised word ("business.The") also ends a sentence when the word
//     before it is lower-case;
//   - after an abbreviation ("U.S.", "Inc.", "J."), or an ellipsis, only when
//     the next word is one that typically starts a sentence ("The", "He",
//     "But"...), starts an indented line or follows two spaces, and never
//     after a title ("Mr.", "Dr.", "Gen."), nor after an initialism
//     ("U.S.", not "Inc.") before "And", "Or", "Nor", "On" or "For" that
//     starts no indented line ("the U.S. And Japan");
//   - at the end of a short line (under 12 tokens) that is a sentence of its
//     own so far, starts with a capital or digit, does not end with
//     punctuation, a function word or a past tense ("-ed"), and is followed
//     by a line that starts with a capital or digit: a heading, date line or
//     title. Not in hard-wrapped text (where some line break falls inside a
//     sentence, after a comma or function word or before a lower-case
//     word), whose lines end anywhere; nor after a line of prose (two words
//     in lower case) when another paragraph of the body is hard-wrapped,
//     unless its own columns are set apart by runs of spaces (a table);
//   - before a bulleted line ("•", "*", "-" and dashes, followed by space).
//
// A quotation that ends with a comma and is followed by its attribution
// (`"We are sure. We are right," he said.`, `..., Eugene Kaspersky told
// Sky News.`: a lower-case word, or a name and a verb of saying within four
// words) is not split, so the attribution stays in the sentence of the
// quote; such a quotation is at most 150 tokens long.
//
// A sentence, the headline included, has at most MaxSentenceTokens tokens:
// a longer one is cut into pieces marked Cut.
func Split(doc *schema.Document, runes []rune) []Sentence {
	if doc == nil {
		return nil
	}
	if runes == nil && doc.Text != "" {
		runes = []rune(doc.Text)
	}
	n := len(runes)
	str := doc.Text
	if !sameText(str, runes) {
		str = string(runes)
	}

	// The regions to split, in text order and disjoint: the Body spans (or
	// the whole text) less the headline, and the headline itself.
	type region struct {
		start, end int
		headline   bool
		tokA, tokB int // the region's tokens in all
	}
	var body [][2]int
	if doc.Body == nil {
		body = [][2]int{{0, n}}
	} else {
		body = make([][2]int, 0, len(doc.Body))
		for _, sp := range doc.Body {
			if a, b := clamp(sp.Start, sp.End, n); a < b {
				body = append(body, [2]int{a, b})
			}
		}
		sort.SliceStable(body, func(i, j int) bool { return body[i][0] < body[j][0] })
		last := 0
		for i := range body {
			if body[i][0] < last {
				body[i][0] = last
			}
			if body[i][1] < body[i][0] {
				body[i][1] = body[i][0]
			}
			last = body[i][1]
		}
	}
	hs, he := -1, -1
	if !doc.Headline.IsZero() {
		if a, b := clamp(doc.Headline.Start, doc.Headline.End, n); a < b {
			hs, he = a, b
		}
	}
	regions := make([]region, 0, len(body)+2)
	headDone := hs < 0
	floor := 0 // regions after the headline start after it
	for _, b := range body {
		a, z := max(b[0], floor), b[1]
		if !headDone && he <= a {
			regions = append(regions, region{start: hs, end: he, headline: true})
			headDone = true
		}
		if !headDone && hs < z { // the headline cuts this region
			if a < hs {
				regions = append(regions, region{start: a, end: hs})
			}
			regions = append(regions, region{start: hs, end: he, headline: true})
			headDone = true
			floor = he
			a = max(a, he)
		}
		if a < z {
			regions = append(regions, region{start: a, end: z})
		}
	}
	if !headDone {
		regions = append(regions, region{start: hs, end: he, headline: true})
	}

	// Tokenize every region into one slice, with the byte offset of each
	// token in str.
	all := make([]Token, 0, n/6+1)
	offs := make([]int, 0, n/6+1)
	pos, bpos := 0, 0
	for i := range regions {
		r := &regions[i]
		for ; pos < r.start; pos++ {
			bpos += runeLen(runes[pos])
		}
		r.tokA = len(all)
		all, offs = tokenizeInto(all, offs, true, runes, str, r.start, r.end, bpos)
		r.tokB = len(all)
	}
	all = shrink(all)

	var out []Sentence
	var flags []uint8
	emit1 := func(a, b int, headline, cut bool) {
		first, last := all[a], all[b-1]
		s := Sentence{
			Span:     schema.Span{Text: str[offs[a] : offs[b-1]+len(last.Text)], Start: first.Start, End: last.End},
			Tokens:   all[a:b:b],
			Headline: headline,
			Cut:      cut,
		}
		for _, t := range s.Tokens {
			if t.End-t.Start == MaxTokenRunes {
				s.CutTokens++
			}
		}
		out = append(out, s)
	}
	// emit adds the sentence of tokens all[a:b], cut into pieces of at
	// most MaxSentenceTokens tokens; flags, when not nil, are the flags of
	// the region's tokens from index base.
	emit := func(a, b int, headline bool, flags []uint8, base int) {
		for b-a > MaxSentenceTokens {
			k := cutAt(all, flags, base, a, a+MaxSentenceTokens)
			emit1(a, k, headline, true)
			a = k
		}
		if a < b {
			emit1(a, b, headline, false)
		}
	}
	// Hard wrapping is the document's, not a paragraph's: a paragraph of
	// two lines whose one break falls before a capital ("... oil markets
	// estimate\nOPEC is producing ...") is wrapped when another paragraph
	// of the text shows a break inside a sentence. A table, whose columns
	// are set apart by runs of spaces, keeps its lines.
	docWrapped := false
	for _, r := range regions {
		if !r.headline && !docWrapped {
			flags, docWrapped = markTokens(flags[:0], runes, all[r.tokA:r.tokB])
		}
	}
	for _, r := range regions {
		if r.headline {
			emit(r.tokA, r.tokB, true, nil, 0)
			continue
		}
		toks := all[r.tokA:r.tokB]
		var wrapped bool
		flags, wrapped = markTokens(flags[:0], runes, toks)
		start := 0
		for _, b := range boundaries(toks, flags, wrapped, docWrapped && !tabular(flags)) {
			emit(r.tokA+start, r.tokA+b, false, flags, r.tokA)
			start = b
		}
		emit(r.tokA+start, r.tokB, false, flags, r.tokA)
	}
	return out
}

// proseLine reports whether a line's tokens hold two words that start in
// lower case: prose, not a list's label or a line of figures.
func proseLine(toks []Token) bool {
	n := 0
	for _, t := range toks {
		if startsLower(t) {
			n++
		}
	}
	return n >= 2
}

// tabular reports whether a region's tokens, by their flags, lie in
// columns: a token inside a line that follows two or more spaces.
func tabular(flags []uint8) bool {
	for _, f := range flags {
		if f&flagIndented != 0 && f&flagLines == 0 {
			return true
		}
	}
	return false
}

// cutAt returns where to cut a sentence that starts at all[a] and runs past
// limit: before the last token in the second half of all[a:limit] that
// follows a line break, else after the last semicolon or colon, else after
// the last comma, else at limit. flags, when not nil, are the flags of the
// tokens from all[base].
func cutAt(all []Token, flags []uint8, base, a, limit int) int {
	comma, colon := -1, -1
	for k := limit; k > a+(limit-a)/2; k-- {
		if flags != nil && flags[k-base]&flagLines != 0 {
			return k
		}
		switch all[k-1].Text {
		case ";", ":":
			if colon < 0 {
				colon = k
			}
		case ",":
			if comma < 0 {
				comma = k
			}
		}
	}
	switch {
	case colon >= 0:
		return colon
	case comma >= 0:
		return comma
	}
	return limit
}

// sameText reports whether runes is exactly []rune(s), so that s can be
// sliced for token texts.
func sameText(s string, runes []rune) bool {
	k := 0
	for i, r := range s {
		if k >= len(runes) || runes[k] != r {
			return false
		}
		if r == utf8.RuneError {
			if _, size := utf8.DecodeRuneInString(s[i:]); size != 3 {
				return false // an invalid byte, which string(runes) encodes in three
			}
		}
		k++
	}
	return k == len(runes)
}

// Token flags computed before splitting.
const (
	flagLines    = 3 // mask: line breaks before the token, at most 2
	flagInQuote  = 4 // no sentence boundary before this token: it is inside a quotation closed by `," said`
	flagIndented = 8 // the token starts an indented line (a line break, then two or more spaces), or follows two spaces
	flagParaBrk  = 2 // value of flagLines for a blank line
	flagLineBrk  = 1 // value of flagLines for one line break
	maxHeadToks  = 12
	quoteNone    = 0
	quoteOpening = 1
	quoteClosing = 2
)

// markTokens returns, for each token of toks, the number of line breaks
// before it (capped at 2), whether it starts an indented line or follows
// two or more spaces, and whether it
// lies inside a quotation that must not be split. It also reports whether
// the text is hard-wrapped: whether a line break falls inside a sentence,
// after a comma or function word or before a lower-case word.
func markTokens(flags []uint8, runes []rune, toks []Token) ([]uint8, bool) {
	wrapped := false
	for k := range toks {
		var f uint8
		if k > 0 {
			nl, indent := 0, 0 // line breaks, and spaces after the last one
			gap := runes[toks[k-1].End:toks[k].Start]
			for g, r := range gap {
				switch r {
				case '\r':
					if g+1 < len(gap) && gap[g+1] == '\n' {
						continue // "\r\n" is one line break
					}
					nl++
					indent = 0
				case '\n', '\v', 0x85, 0x2028:
					nl++
					indent = 0
				case '\f', 0x2029:
					nl += 2
					indent = 0
				default:
					indent++
				}
			}
			f = uint8(min(nl, 2))
			if indent >= 2 {
				f |= flagIndented // a new paragraph, or two spaces after a sentence
			}
			if nl == 1 && !wrapped {
				// A sentence runs on across the line break: the line ends
				// in a comma or function word, or the next starts in lower
				// case after no sentence punctuation.
				switch prev := toks[k-1].Text; prev {
				case ".", "!", "?", ":", ";", "...", "…":
				default:
					wrapped = prev == "," || isFunctionWord(prev) || startsLower(toks[k])
				}
			}
		}
		flags = append(flags, f)
	}
	open := -1
	for k := range toks {
		if flags[k]&flagLines >= flagParaBrk {
			open = -1
		}
		switch quoteKind(toks, k) {
		case quoteOpening:
			if open < 0 {
				open = k
			}
		case quoteClosing:
			if open >= 0 && k > open+1 && k-open <= maxQuoteToks && toks[k-1].Text == "," &&
				attribution(toks, flags, k+1) {
				for q := open + 1; q <= k; q++ {
					flags[q] |= flagInQuote
				}
			}
			open = -1
		}
	}
	return flags, wrapped
}

// maxQuoteToks bounds a quotation kept in one sentence, so that a stray
// quote mark cannot merge a whole paragraph.
const maxQuoteToks = 150

// attribution reports whether toks[k], after a quotation that ends in a
// comma, starts its attribution in the same paragraph: a lower-case word
// ("he said", "the agency said") or a name followed closely by a verb of
// saying ("Eugene Kaspersky told Sky News").
func attribution(toks []Token, flags []uint8, k int) bool {
	if k >= len(toks) || flags[k]&flagLines >= flagParaBrk {
		return false
	}
	if startsLower(toks[k]) {
		return true
	}
	for q := k + 1; q < len(toks) && q <= k+4; q++ {
		if flags[q]&flagLines >= flagParaBrk {
			return false
		}
		if sayVerbs[toks[q].Text] {
			return true
		}
	}
	return false
}

// sayVerbs are the verbs of saying that follow a quotation and its
// speaker's name.
var sayVerbs = map[string]bool{
	"said": true, "says": true, "told": true, "tells": true, "added": true, "adds": true,
	"asked": true, "asks": true, "stated": true, "states": true, "wrote": true, "writes": true,
	"explained": true, "noted": true, "insisted": true, "argued": true, "continued": true,
	"replied": true, "warned": true, "claimed": true, "claims": true, "denied": true,
	"denies": true, "alleged": true, "alleges": true, "admitted": true, "acknowledged": true,
	"confirmed": true, "reported": true, "reports": true, "declared": true, "commented": true,
	"stressed": true, "suggested": true, "concluded": true, "recalled": true,
}

// quoteKind tells whether toks[k] opens or closes a double quotation. A
// straight quote opens when it is glued to the next token but not to the
// one before, and closes when it is glued to the one before.
func quoteKind(toks []Token, k int) int {
	switch toks[k].Text {
	case "“", "«", "„":
		return quoteOpening
	case "”", "»":
		return quoteClosing
	case `"`:
		gluedBefore := k > 0 && toks[k-1].End == toks[k].Start
		gluedAfter := k+1 < len(toks) && toks[k+1].Start == toks[k].End
		switch {
		case gluedBefore && !isOpener(toks[k-1].Text):
			return quoteClosing
		case gluedAfter:
			return quoteOpening
		}
	}
	return quoteNone
}

// boundaries returns the indexes k of toks before which a sentence starts,
// in increasing order. In wrapped text a line break alone ends no heading.
//
// docWrapped says that another region of the document is hard-wrapped: a
// line of prose (two words in lower case) then runs on across its break
// as well; a list or a line of figures keeps its lines.
func boundaries(toks []Token, flags []uint8, wrapped, docWrapped bool) []int {
	var out []int
	sentStart, lineStart := 0, 0
	for k := 1; k < len(toks); k++ {
		lines := flags[k] & flagLines
		brk := lines >= flagParaBrk
		if !brk && flags[k]&flagInQuote == 0 {
			brk = punctBoundary(toks, flags, k, sentStart) ||
				lines == flagLineBrk && (!wrapped && !(docWrapped && proseLine(toks[lineStart:k])) && headingBoundary(toks, k, sentStart, lineStart) ||
					isBullet(toks, k, lineStart))
		}
		if brk {
			out = append(out, k)
			sentStart = k
		}
		if lines > 0 {
			lineStart = k
		}
	}
	return out
}

// punctBoundary reports whether punctuation ends a sentence before toks[k].
func punctBoundary(toks []Token, flags []uint8, k, sentStart int) bool {
	next := toks[k]
	if toks[k-1].End == next.Start {
		// "business.The": a full stop between a lower-case word and a
		// capitalised one, with no space, as scraped pages glue paragraphs.
		if k-2 >= sentStart && toks[k-1].Text == "." && toks[k-2].End == toks[k-1].Start {
			w, nw := toks[k-2].Text, next.Text
			w0, ws := utf8.DecodeRuneInString(w)
			wl, _ := utf8.DecodeLastRuneInString(w)
			r0, s0 := utf8.DecodeRuneInString(nw)
			r1, _ := utf8.DecodeRuneInString(nw[s0:])
			return len(w) > ws && isLower(w0) && isLower(wl) && isUpper(r0) && isLower(r1)
		}
		return false
	}
	// Step back over closing quotes and brackets glued to the terminal.
	p := k - 1
	for p > sentStart && isCloser(toks[p].Text) && toks[p-1].End == toks[p].Start {
		p--
	}
	t := toks[p].Text
	switch t {
	case ".", "!", "?", "！", "？", "‼", "⁇", "⁈", "⁉", "。":
		if p == sentStart && t == "." {
			return false // a lone full stop, not a sentence
		}
		return startsSentence(next.Text)
	case "…":
		return isStarter(next.Text) || flags[k]&flagIndented != 0 && startsSentence(next.Text)
	}
	if len(t) >= 2 && t[len(t)-1] == '.' {
		if t[len(t)-2] != '.' && titles[t[:len(t)-1]] {
			return false
		}
		// "U.S.", "Inc.", "J." or an ellipsis "...", before a word that
		// starts sentences, a new indented line or after two spaces. Not
		// an initialism ("U.S.", "U.K.", not "Inc.") before a capitalised
		// conjunction or preposition that runs the sentence on, as
		// Reuters' case conversion writes them: "trade talks between the U.S. And Japan", "visits the U.S.
		// On April 19", "exports to the U.S. For growth".
		if t[len(t)-2] != '.' && strings.Count(t, ".") >= 2 && runOns[next.Text] && flags[k]&flagIndented == 0 {
			return false
		}
		return isStarter(next.Text) || flags[k]&flagIndented != 0 && startsSentence(next.Text)
	}
	return false
}

// headingBoundary reports whether the line break before toks[k] ends a
// heading: a short line that is a sentence of its own so far, starts with a
// capital or digit, does not end with punctuation or a function word, and
// is followed by a line that starts with a capital or digit.
func headingBoundary(toks []Token, k, sentStart, lineStart int) bool {
	if sentStart != lineStart || k-lineStart >= maxHeadToks {
		return false
	}
	first, last := toks[lineStart].Text, toks[k-1].Text
	r0, _ := utf8.DecodeRuneInString(first)
	if !isUpper(r0) && !isDigit(r0) && !isOpener(first) && r0 != '#' {
		return false
	}
	rl, _ := utf8.DecodeLastRuneInString(last)
	if !isAlnum(rl) && !isCloser(last) {
		return false
	}
	if isFunctionWord(last) || len(last) > 3 && last[len(last)-2:] == "ed" && startsLower(toks[k-1]) {
		return false // "of", "said", "acquired": a sentence that runs on
	}
	rn, _ := utf8.DecodeRuneInString(toks[k].Text)
	return isUpper(rn) || isDigit(rn) || isOpener(toks[k].Text)
}

// isBullet reports whether toks[k], at the start of a line, is a list
// bullet followed by space. A hyphen or dash is one only after a line that
// ends in punctuation or itself starts with a bullet, since wrapped text
// also starts lines with a dash ("gearing\n- debt to equity -").
func isBullet(toks []Token, k, lineStart int) bool {
	if k+1 >= len(toks) || toks[k+1].Start == toks[k].End {
		return false
	}
	switch toks[k].Text {
	case "•", "*", "·", "▪", "►", "‣", "◦":
		return true
	case "-", "–", "—":
		rl, _ := utf8.DecodeLastRuneInString(toks[k-1].Text)
		if !isAlnum(rl) && rl != ',' {
			return true
		}
		switch toks[lineStart].Text {
		case "•", "*", "·", "▪", "►", "‣", "◦", "-", "–", "—":
			return lineStart+1 < k && toks[lineStart+1].Start > toks[lineStart].End
		}
	}
	return false
}

// startsSentence reports whether a token can start a sentence after a full
// stop: an upper-case letter, a digit, an opening quote or bracket, or a
// brand name such as "iPhone" or "eBay".
func startsSentence(t string) bool {
	r, size := utf8.DecodeRuneInString(t)
	if isLower(r) {
		r1, _ := utf8.DecodeRuneInString(t[size:])
		return isUpper(r1)
	}
	return isUpper(r) || isDigit(r) || isOpener(t) || r == '¿' || r == '¡'
}

// startsLower reports whether tok starts with a lower-case letter.
func startsLower(tok Token) bool {
	r, _ := utf8.DecodeRuneInString(tok.Text)
	return isLower(r)
}

// isOpener reports whether t is an opening quote or bracket.
func isOpener(t string) bool {
	switch t {
	case `"`, "'", "“", "‘", "«", "„", "‚", "(", "[", "{", "‹":
		return true
	}
	return false
}

// isCloser reports whether t is a closing quote or bracket.
func isCloser(t string) bool {
	switch t {
	case `"`, "'", "”", "’", "»", ")", "]", "}", "›":
		return true
	}
	return false
}

// runOns are starters that, capitalised after an abbreviation, run its
// sentence on rather than start one: news written in capitals and turned
// to lower case keeps the capital after "U.S." ("the U.S. And Japan").
var runOns = map[string]bool{"And": true, "Or": true, "Nor": true, "On": true, "For": true}

// starters are capitalised words that typically start a sentence; after an
// abbreviation or ellipsis, only they end the sentence.
var starters = map[string]bool{
	"The": true, "A": true, "An": true, "He": true, "She": true, "It": true, "They": true,
	"We": true, "I": true, "You": true, "But": true, "And": true, "Or": true, "So": true,
	"In": true, "On": true, "At": true, "For": true, "This": true, "That": true,
	"These": true, "Those": true, "There": true, "Their": true, "His": true, "Her": true,
	"Its": true, "Our": true, "My": true, "However": true, "Meanwhile": true, "Also": true,
	"After": true, "Before": true, "When": true, "While": true, "If": true, "As": true,
	"Some": true, "Many": true, "Most": true, "According": true, "Last": true,
	"Earlier": true, "Later": true, "Now": true, "Yet": true, "Still": true, "Then": true,
	"Thus": true, "Such": true, "What": true, "Who": true, "Why": true, "How": true,
	"Where": true, "Mr": true, "Mrs": true, "Ms": true, "Dr": true, "Mr.": true,
	"Mrs.": true, "Ms.": true, "Dr.": true, "No": true, "Not": true, "Both": true,
	"Other": true, "Another": true, "Since": true, "Although": true, "Despite": true,
	"During": true, "Under": true, "With": true, "Without": true, "By": true, "From": true,
}

// isStarter reports whether t is one of starters.
func isStarter(t string) bool { return starters[t] }

// functionWords end no heading: a line ending in one of them runs on.
var functionWords = map[string]bool{
	"the": true, "a": true, "an": true, "of": true, "to": true, "in": true, "and": true,
	"or": true, "but": true, "for": true, "with": true, "by": true, "from": true, "at": true,
	"on": true, "as": true, "that": true, "which": true, "who": true, "this": true,
	"its": true, "his": true, "her": true, "their": true, "our": true, "into": true,
	"than": true, "said": true, "says": true, "told": true, "is": true, "are": true,
	"was": true, "were": true, "be": true, "been": true, "has": true, "have": true,
	"had": true, "will": true, "would": true, "could": true, "should": true, "may": true,
	"might": true, "can": true, "must": true, "do": true, "does": true, "did": true,
	"not": true, "no": true, "if": true, "about": true, "over": true, "after": true,
	"before": true, "since": true, "under": true, "between": true, "against": true,
	"per": true, "mln": true, "billion": true, "million": true, "pct": true,
}

// isFunctionWord reports whether t is one of functionWords (t must be lower
// case: a capitalised last word is a name, which headings often end with).
func isFunctionWord(t string) bool { return functionWords[t] }

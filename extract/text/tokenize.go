// Package text splits English news text into tokens and sentences with
// exact code-point offsets.
//
// Every Token and Sentence points into the document's runes: for a token t,
// string(runes[t.Start:t.End]) == t.Text, and a Sentence's Span is valid in
// the sense of schema.Span.Valid. Nothing is dropped or rewritten: every
// rune that is not white space (see IsSpace) belongs to exactly one token.
//
// The tokenizer follows Penn Treebank conventions where they matter for
// entity and claim extraction: clitics are split off ("Lab's" is "Lab",
// "'s"; "don't" is "do", "n't"), brackets and quotes are tokens of their
// own, while abbreviations ("U.S.", "Mr.", "Inc."), hyphenated words
// ("Jean-Claude", "24-hour"), names with an apostrophe ("O'Reilly"),
// numbers ("1,000.50", "2017-10-24"), URLs, e-mail addresses, #hashtags and
// @handles stay whole.
//
// Both Tokenize and Split run in time linear in the length of their input
// and never panic, whatever the runes (invalid UTF-8 decoded as U+FFFD,
// surrogates, negative values). So that no later stage meets an input
// shape whose cost grows faster than its length, a token is at most
// MaxTokenRunes code points (a longer run of letters, or a letter under a
// hundred thousand combining marks, is cut into tokens of that length) and
// Split cuts a sentence longer than MaxSentenceTokens tokens into pieces
// (Sentence.Cut, Sentence.CutTokens).
package text

import (
	"unicode"
	"unicode/utf8"
)

// MaxTokenRunes is the longest token, in code points: no word, number, URL
// or run of punctuation in news comes near it (the longest token in all of
// Reuters-21578 has 42), and a longer run is cut into tokens of this length.
const MaxTokenRunes = 256

// Token is a word, number or punctuation mark with exact code-point offsets
// into the document text.
type Token struct {
	Text       string // exactly string(runes[Start:End])
	Start, End int    // code-point offsets, End exclusive
}

// Tokenize splits runes[start:end] into tokens; offsets are absolute (into
// runes). Out-of-range bounds are clamped; an empty range gives nil.
func Tokenize(runes []rune, start, end int) []Token {
	start, end = clamp(start, end, len(runes))
	if start >= end {
		return nil
	}
	toks, _ := tokenizeInto(make([]Token, 0, (end-start)/6+1), nil, false, runes, string(runes[start:end]), start, end, 0)
	return shrink(toks)
}

// shrink returns toks, copied to a smaller array when most of its capacity
// is unused (white-space-heavy text).
func shrink(toks []Token) []Token {
	if cap(toks) > 2*len(toks)+64 {
		return append([]Token(nil), toks...)
	}
	return toks
}

// clamp limits [start, end) to [0, n), with start <= end.
func clamp(start, end, n int) (int, int) {
	start = max(0, min(start, n))
	end = max(0, min(end, n))
	if start > end {
		start = end
	}
	return start, end
}

// tokenizeInto appends the tokens of runes[start:end] to dst and, when
// withOffs is set, the byte offset in str of each token to offs. str is a
// string whose byte offset bstart is the encoding of rune start, such that
// string(runes[a:b]) is a substring of str for start <= a <= b <= end; token
// texts are substrings of str, so tokenizing allocates only to grow dst.
func tokenizeInto(dst []Token, offs []int, withOffs bool, runes []rune, str string, start, end, bstart int) ([]Token, []int) {
	pos, bpos := start, bstart // rune index and its byte offset in str
	for i := start; i < end; {
		if IsSpace(runes[i]) {
			i++
			continue
		}
		j := scan(runes, i, min(end, i+MaxTokenRunes))
		for ; pos < i; pos++ {
			bpos += runeLen(runes[pos])
		}
		b := bpos
		for ; pos < j; pos++ {
			bpos += runeLen(runes[pos])
		}
		dst = append(dst, Token{Text: str[b:bpos], Start: i, End: j})
		if withOffs {
			offs = append(offs, b)
		}
		i = j
	}
	return dst, offs
}

// runeLen is the number of bytes rune r takes in string([]rune{r}): invalid
// runes become U+FFFD, three bytes.
func runeLen(r rune) int {
	switch {
	case r < 0:
		return 3
	case r < 0x80:
		return 1
	case r < 0x800:
		return 2
	case r < 0x10000:
		return 3 // surrogates are encoded as U+FFFD, also three bytes
	case r <= unicode.MaxRune:
		return 4
	}
	return 3
}

// norm maps runes that cannot be encoded to U+FFFD, as a string conversion
// does.
func norm(r rune) rune {
	if r < 0 || r > unicode.MaxRune || (r >= 0xD800 && r <= 0xDFFF) {
		return utf8.RuneError
	}
	return r
}

// IsSpace reports whether r separates tokens: Unicode white space
// (including the no-break space U+00A0 and the other Zs spaces, line and
// paragraph separators) and the invisible zero-width spaces U+200B, U+2060,
// U+FEFF and U+180E that scraped pages carry.
func IsSpace(r rune) bool {
	if r < 0x80 {
		return r == ' ' || (r >= '\t' && r <= '\r')
	}
	switch r {
	case 0x200B, 0x2060, 0xFEFF, 0x180E:
		return true
	}
	return r <= unicode.MaxRune && unicode.IsSpace(r)
}

// isAlnum reports whether r is part of a word: a letter, digit or combining
// mark, or U+FFFD (an undecodable byte is most likely a letter of a word in
// another encoding).
func isAlnum(r rune) bool {
	if r < 0x80 {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	r = norm(r)
	return r == utf8.RuneError || unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

func isDigit(r rune) bool {
	if r < 0x80 {
		return '0' <= r && r <= '9'
	}
	return unicode.IsDigit(norm(r))
}

func isLower(r rune) bool {
	if r < 0x80 {
		return 'a' <= r && r <= 'z'
	}
	return unicode.IsLower(norm(r))
}

func isUpper(r rune) bool {
	if r < 0x80 {
		return 'A' <= r && r <= 'Z'
	}
	r = norm(r)
	return unicode.IsUpper(r) || unicode.IsTitle(r)
}

func isApostrophe(r rune) bool { return r == '\'' || r == '’' }

// isHyphen reports whether r joins the parts of a hyphenated word.
func isHyphen(r rune) bool { return r == '-' || r == '‐' || r == '‑' || r == 0xAD }

// scan returns the end of the token that starts at runes[i], which is not
// space; the token is never empty. Look-ahead is bounded except where the
// runes looked at become part of the token, so tokenizing is linear.
// Combining marks, variation selectors and emoji modifiers stay with the
// rune before them, and emoji joined by U+200D stay together.
func scan(runes []rune, i, end int) int {
	j := scanBase(runes, i, end)
	for j < end && isExtender(runes[j]) {
		j++
		if runes[j-1] == 0x200D && j < end && unicode.Is(unicode.So, norm(runes[j])) {
			j++ // the next emoji of a sequence
		}
	}
	return j
}

// isExtender reports whether r extends the rune before it: a combining
// mark, a zero-width joiner, a variation selector or an emoji modifier.
func isExtender(r rune) bool {
	if r < 0x300 {
		return false
	}
	r = norm(r)
	return r == 0x200D || 0xFE00 <= r && r <= 0xFE0F || 0x1F3FB <= r && r <= 0x1F3FF ||
		0xE0100 <= r && r <= 0xE01EF || unicode.In(r, unicode.Mn, unicode.Me)
}

// scanBase is scan without the extenders.
func scanBase(runes []rune, i, end int) int {
	r := runes[i]
	switch {
	case isAlnum(r):
		if j := clitic(runes, i, end); j > i {
			return j
		}
		if j := url(runes, i, end); j > i {
			return j
		}
		return word(runes, i, end)
	case r == '.' || r == '-' || r == '—' || r == '–' || r == '―' || r == '…':
		j := i + 1
		for j < end && runes[j] == r {
			j++
		}
		return j
	case r == '#' || r == '@':
		j := i + 1
		for j < end && (isAlnum(runes[j]) || runes[j] == '_') {
			j++
		}
		return j
	case isApostrophe(r):
		if j := clitic(runes, i, end); j > i {
			return j
		}
		// "'80s", "’90s"
		if i+2 < end && isDigit(runes[i+1]) && isDigit(runes[i+2]) {
			j := i + 3
			if j < end && runes[j] == 's' {
				j++
			}
			if j >= end || !isAlnum(runes[j]) {
				return j
			}
		}
	}
	return i + 1
}

// clitic returns the end of the clitic that starts at runes[i] ("'s", "'re",
// "'ve", "'ll", "'d", "'m", "n't", with ’ as well as '), or i when there is
// none. A clitic must not be followed by a letter or digit.
func clitic(runes []rune, i, end int) int {
	j := i
	if r := runes[j]; r == 'n' || r == 'N' {
		if j+2 < end && isApostrophe(runes[j+1]) && (runes[j+2] == 't' || runes[j+2] == 'T') {
			j += 3
		} else {
			return i
		}
	} else if isApostrophe(r) {
		j = i + 1
		n := 0
		for j < end && n < 3 && isAlnum(runes[j]) {
			j++
			n++
		}
		if !isClitic(runes[i+1 : j]) {
			return i
		}
	} else {
		return i
	}
	if j < end && isAlnum(runes[j]) {
		return i
	}
	return j
}

// isClitic reports whether s is s, re, ve, ll, d or m in either case.
func isClitic(s []rune) bool {
	lower := func(r rune) rune {
		if 'A' <= r && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	}
	switch len(s) {
	case 1:
		r := lower(s[0])
		return r == 's' || r == 'd' || r == 'm'
	case 2:
		a, b := lower(s[0]), lower(s[1])
		return a == 'r' && b == 'e' || a == 'v' && b == 'e' || a == 'l' && b == 'l'
	}
	return false
}

// url returns the end of the URL that starts at runes[i] ("http://",
// "https://", "ftp://" or "www."), without the punctuation that follows it
// in running text, or i when there is none.
func url(runes []rune, i, end int) int {
	switch runes[i] {
	case 'h', 'H', 'f', 'F', 'w', 'W':
	default:
		return i
	}
	if !hasPrefixFold(runes[i:end], "http://") && !hasPrefixFold(runes[i:end], "https://") &&
		!hasPrefixFold(runes[i:end], "ftp://") && !hasPrefixFold(runes[i:end], "www.") {
		return i
	}
	j := i
	open := 0 // balance of ( and ), so that Wikipedia-style URLs keep theirs
	for j < end && !IsSpace(runes[j]) {
		switch runes[j] {
		case '(':
			open++
		case ')':
			open--
		}
		j++
	}
trim:
	for j > i+4 {
		switch runes[j-1] {
		case '.', ',', ';', ':', '!', '?', '"', '\'', '“', '”', '‘', '’', ']', '>', '»':
			j--
			continue
		case ')':
			if open < 0 {
				open++
				j--
				continue
			}
		}
		break trim
	}
	return j
}

// isWordAt reports whether the ASCII word w, in any case, stands at
// runes[k], not followed by a letter or digit.
func isWordAt(runes []rune, k, end int, w string) bool {
	return hasPrefixFold(runes[k:end], w) && (k+len(w) == end || !isAlnum(runes[k+len(w)]))
}

// hasPrefixFold reports whether s starts with the ASCII prefix p, ignoring
// case.
func hasPrefixFold(s []rune, p string) bool {
	if len(s) < len(p) {
		return false
	}
	for k := 0; k < len(p); k++ {
		r := s[k]
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		if r != rune(p[k]) {
			return false
		}
	}
	return true
}

// word returns the end of the word that starts at runes[i], a letter or
// digit. Letters and digits are joined by hyphens ("anti-virus"),
// underscores, slashes ("24/7"), ampersands ("AT&T"), at signs (e-mail
// addresses), apostrophes that do not start a clitic ("O'Reilly"), commas
// and colons between digits ("1,000", "10:30") and full stops between digits,
// before a lower-case letter ("example.com") or after a single letter
// ("U.S"). A final full stop is kept when the word is an abbreviation.
func word(runes []rune, i, end int) int {
	for {
		j := wordPart(runes, i, end)
		// "U.S.-based", "H.I.V./AIDS": an abbreviation joined by a hyphen
		// or slash to what follows.
		if j > i && runes[j-1] == '.' && j+1 < end && (isHyphen(runes[j]) || runes[j] == '/') && isAlnum(runes[j+1]) {
			i = j + 1
			continue
		}
		// "oil- and gas-producing": a suspended hyphen.
		if j < end && isHyphen(runes[j]) && j+1 < end && runes[j+1] == ' ' &&
			(isWordAt(runes, j+2, end, "and") || isWordAt(runes, j+2, end, "or") || isWordAt(runes, j+2, end, "to")) {
			return j + 1
		}
		return j
	}
}

// wordPart is word without the hyphen after an abbreviation.
func wordPart(runes []rune, i, end int) int {
	j := i
	part := i       // start of the part after the last hyphen
	seg := 0        // letters and digits since the last full stop
	maxSeg := 0     // longest segment between full stops
	dotted := false // the word has an inner full stop
	digits := false // the word has a digit
	for {
		for j < end && isAlnum(runes[j]) {
			if !digits && isDigit(runes[j]) {
				digits = true
			}
			j++
			seg++
		}
		if seg > maxSeg {
			maxSeg = seg
		}
		if j+1 >= end || !isAlnum(runes[j+1]) {
			break
		}
		c, next := runes[j], runes[j+1]
		join := false
		switch {
		case isHyphen(c) || c == '_' || c == '/' || c == '&' || c == '@' || c == 0x200C || c == 0x200D:
			join = true
			// "anti-U.S.": the abbreviation is the last part.
			part, seg, maxSeg, dotted, digits = j+1, 0, 0, false, false
		case c == ',' || c == ':':
			join = isDigit(runes[j-1]) && isDigit(next)
		case c == '.':
			join = isDigit(runes[j-1]) && isDigit(next) || isLower(next) || isDigit(next) || seg == 1
			if join {
				dotted = true
				seg = 0
			}
		case isApostrophe(c):
			if clitic(runes, j, end) > j {
				return j // "Lab" + "'s"
			}
			if (next == 't' || next == 'T') && clitic(runes, j-1, end) > j-1 && j-1 > i {
				return j - 1 // "do" + "n't"
			}
			join = true
		}
		if !join {
			break
		}
		j++
	}
	if j < end && runes[j] == '.' && (j+1 >= end || runes[j+1] != '.') {
		// "anti-U.S." is an abbreviation; "Group-A." and "06-Feb." are not.
		abbr := dotted && !digits && maxSeg <= 2 ||
			part == i && (j-i == 1 && isUpper(runes[i]) || isAbbrev(runes[i:j]))
		if abbr {
			j++
		}
	}
	return j
}

// titles are abbreviations that stand before a name and so never end a
// sentence.
var titles = map[string]bool{
	"Mr": true, "Mrs": true, "Ms": true, "Mssrs": true, "Messrs": true, "Dr": true, "Prof": true,
	"Gen": true, "Sen": true, "Rep": true, "Gov": true, "St": true, "Sgt": true, "Col": true,
	"Lt": true, "Capt": true, "Maj": true, "Rev": true, "Hon": true, "Pres": true, "Supt": true,
	"Cmdr": true, "Adm": true, "Brig": true, "Cpl": true, "Pvt": true, "Amb": true, "Fr": true,
	"Mt": true, "Ft": true, "Cong": true, "Sens": true, "Reps": true, "Govs": true,
	"Gens": true, "Insp": true, "Det": true, "Cdr": true, "Msgr": true,
}

// abbrevs are other abbreviations that keep their full stop. They end a
// sentence only before a word that typically starts one (see starters).
var abbrevs = map[string]bool{
	"Jan": true, "Feb": true, "Mar": true, "Apr": true, "Jun": true, "Jul": true, "Aug": true,
	"Sep": true, "Sept": true, "Oct": true, "Nov": true, "Dec": true,
	"Inc": true, "Corp": true, "Ltd": true, "Co": true, "Cos": true, "Bros": true, "Plc": true,
	"Jr": true, "Sr": true, "vs": true, "etc": true, "al": true, "approx": true, "Ave": true,
	"Blvd": true, "Rd": true, "Dept": true, "Univ": true, "est": true, "Fig": true, "No": true,
	"Nos": true, "Vol": true, "pp": true, "cf": true, "ca": true,
	// US states, as news datelines write them ("Rockford, Ill.").
	"Ala": true, "Ariz": true, "Ark": true, "Calif": true, "Colo": true, "Conn": true, "Del": true,
	"Fla": true, "Ga": true, "Ill": true, "Ind": true, "Kan": true, "Kans": true, "Ky": true,
	"La": true, "Md": true, "Mich": true, "Minn": true, "Miss": true, "Mo": true,
	"Mont": true, "Neb": true, "Nev": true, "Okla": true, "Ore": true, "Pa": true, "Tenn": true,
	"Tex": true, "Va": true, "Vt": true, "Wash": true, "Wis": true, "Wyo": true,
}

// isAbbrev reports whether w is one of titles or abbrevs.
func isAbbrev(w []rune) bool {
	var buf [8]byte
	if len(w) > len(buf) {
		return false
	}
	for k, r := range w {
		if r >= 0x80 || r < 0 {
			return false
		}
		buf[k] = byte(r)
	}
	return titles[string(buf[:len(w)])] || abbrevs[string(buf[:len(w)])]
}

// ParagraphBreak reports whether the white space between two tokens holds
// a blank line (two line breaks): quotation and attribution scopes end there.
func ParagraphBreak(ws []rune) bool {
	nl := 0
	for _, r := range ws {
		if r == '\n' {
			nl++
		}
	}
	return nl >= 2
}

package source

import (
	"bytes"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dossier-project/dossier/extract/dates"
	"github.com/dossier-project/dossier/schema"
)

// parseText reads a plain text file, recognising a header block of
// labelled lines ("Title: ...") or a scraped page.
func (o Options) parseText(name string, data []byte) (*schema.Document, error) {
	data, warn, err := decodeText(bytes.TrimPrefix(data, bom), o.Encoding)
	if err != nil {
		return nil, err
	}
	if len(bytes.TrimFunc(data, isSpace)) == 0 {
		return nil, ErrEmpty
	}
	doc := newDocument(string(data), name)
	doc.Warnings = o.warnings(warn)
	if !header(doc) {
		layout(doc)
	}
	if doc.Date == "" {
		doc.Date = datelineDate(doc)
	}
	return doc, nil
}

// reDatelineHead is how a story's dateline opens: a place in capitals
// ("GENEVA", "NEW YORK", "ROCKY MOUNT, N.C.").
var reDatelineHead = regexp.MustCompile(`^\p{Lu}{2}[\p{Lu}.'\-]*(?:\s+\p{Lu}[\p{Lu}.'\-]+){0,3}\s*[,(]?\s`)

// datelineDate returns the full date of a dateline among the first lines
// of doc's body ("GENEVA, Sept 23, 2019 -- The agency said ..."), for a
// text that gives no date of its own; "" if there is none. Only what stands
// before the dateline's dash or bracket counts, and only a date with its
// year and day: "WASHINGTON, July 12 -" leaves the date unknown.
func datelineDate(doc *schema.Document) schema.Date {
	runes := []rune(doc.Text)
	from := 0
	if len(doc.Body) > 0 {
		from = doc.Body[0].Start
	}
	seen := 0
	for _, l := range splitLines(runes) {
		if l.start < from || l.end == l.start {
			continue
		}
		if seen++; seen > 3 || l.start-from > 600 {
			break
		}
		if !reDatelineHead.MatchString(l.text) {
			continue
		}
		head := []rune(l.text)
		cut := -1
		for _, sep := range []string{" -- ", " - ", " — ", " – ", " (", " —", "--"} {
			if k := strings.Index(l.text, sep); k > 0 && (cut < 0 || k < cut) {
				cut = k
			}
		}
		if cut < 0 || len([]rune(l.text[:cut])) > 80 {
			continue
		}
		head = []rune(l.text[:cut])
		for _, f := range dates.Find(head, 0, len(head), "") {
			if f.Date.Precision() == schema.Day {
				return f.Date
			}
		}
	}
	return ""
}

// isSpace reports white space, including the non-breaking spaces that
// scraped pages are full of.
func isSpace(r rune) bool {
	return unicode.IsSpace(r) || r == '\u00a0' || r == '\u202f' || r == '\u2007' || r == '\ufeff' || r == '\u200b'
}

// line is one line of a text: code-point offsets of its content without
// surrounding white space (start == end for a blank line).
type line struct {
	start, end int
	text       string // the trimmed content
	indented   bool   // starts with two spaces or a tab
}

// splitLines cuts runes into lines at "\n".
func splitLines(runes []rune) []line {
	var ls []line
	for i := 0; i <= len(runes); {
		j := i
		for j < len(runes) && runes[j] != '\n' {
			j++
		}
		s, e := i, j
		for s < e && isSpace(runes[s]) {
			s++
		}
		for e > s && isSpace(runes[e-1]) {
			e--
		}
		ind := j > i && (runes[i] == '\t' || (j-i > 1 && runes[i] == ' ' && runes[i+1] == ' '))
		ls = append(ls, line{start: s, end: e, text: string(runes[s:e]), indented: ind})
		i = j + 1
	}
	return ls
}

var (
	// A label of a scraped page's date line: "Read: 2462", "Published:".
	reMetaLabel = regexp.MustCompile(`(?i)\b(?:read|reads|views?|published|posted|updated|modified|comments?|date|time|reading time)\s*:`)
	// A byline: "By John Smith".
	reByline = regexp.MustCompile(`^(?:By|BY)\s+\p{Lu}[\p{L}.'\-]*(?:\s+\p{Lu}[\p{L}.'\-]*){0,3}(?:\s*,.*)?$`)
	// A page footer that lists tags: "More about: #Kaspersky #Russia".
	reFooter = regexp.MustCompile(`(?i)^(?:more about|more on|tags?|tagged|topics?|related topics|filed under|categories|keywords)\s*:\s*(.*)$`)
	// Letters, for counting what a date line holds besides its date.
	reLetters = regexp.MustCompile(`\p{L}+`)
)

// metaDate tells whether l is a line of page metadata (a date line, a
// labelled line such as "Read: 2462" or a byline) and returns the date it
// gives, if any.
func metaDate(l line) (bool, schema.Date) {
	n := l.end - l.start
	if n == 0 || n > 200 {
		return false, ""
	}
	runes := []rune(l.text)
	var date schema.Date
	rest := l.text
	for _, f := range dates.Find(runes, 0, len(runes), "") {
		if f.Date.Precision() >= schema.Month {
			if date == "" {
				date = f.Date
			}
			rest = strings.Replace(rest, f.Text, " ", 1)
		}
	}
	labelled := reMetaLabel.MatchString(l.text)
	if labelled {
		rest = reMetaLabel.ReplaceAllString(rest, " ")
	}
	letters := len(strings.Join(reLetters.FindAllString(rest, -1), ""))
	switch {
	case date != "" && (labelled || letters <= 20):
		return true, date
	case labelled && letters <= 30:
		return true, ""
	case reByline.MatchString(l.text) && n <= 60:
		return true, ""
	}
	return false, ""
}

// footerTags returns the tags of a footer line and whether l is one.
func footerTags(l line) ([]string, bool) {
	m := reFooter.FindStringSubmatch(l.text)
	if m == nil {
		return nil, false
	}
	sep := func(r rune) bool { return r == '#' }
	if !strings.Contains(m[1], "#") {
		sep = func(r rune) bool { return r == ',' || r == ';' || r == '|' }
	}
	var tags []string
	for _, t := range strings.FieldsFunc(m[1], sep) {
		if t = strings.TrimFunc(t, func(r rune) bool { return isSpace(r) || r == ',' }); t != "" {
			tags = append(tags, t)
		}
	}
	return tags, true
}

// layout recognises a scraped page, or a text that opens with the title
// already known for it (doc.Title), and fills in doc's Title, Date, Tags,
// Headline and Body from it. A text that is neither is left as it is, with
// Body nil (all of it is prose).
//
// A scraped page is a title line followed, within its first lines, by a
// date or metadata line ("24 October 2017  Read: 2462"), the title
// repeated, or both; or a text that ends with a tag footer ("More about:
// #Kaspersky #Russia"). Its Headline is the first title line, its Body the
// paragraphs between the header and the footer: the date line, the repeated
// title and the footer are left out. Fields already set on doc are kept.
func layout(doc *schema.Document) {
	runes := []rune(doc.Text)
	ls := splitLines(runes)
	first := -1
	for i, l := range ls {
		if l.end > l.start {
			first = i
			break
		}
	}
	if first < 0 {
		return
	}
	title := ls[first]
	known := doc.Title != "" && normTitle(title.text) == normTitle(doc.Title)
	page := false
	var date schema.Date

	// The header: the title line, then blank lines, metadata lines and the
	// title repeated, up to where the body starts.
	body := first + 1
	seen := 0
	for i := first + 1; i < len(ls) && seen < 6; i++ {
		l := ls[i]
		if l.end == l.start {
			body = i + 1
			continue
		}
		seen++
		if normTitle(l.text) == normTitle(title.text) {
			page = true
			body = i + 1
			continue
		}
		if meta, d := metaDate(l); meta {
			if d != "" || reByline.MatchString(l.text) && headline(title.text) {
				page = true
				if date == "" {
					date = d
				}
			}
			body = i + 1
			continue
		}
		break
	}
	// The footer: tag lines at the end, below the body.
	foot := len(ls)
	var tags []string
	for i := len(ls) - 1; i >= body; i-- {
		l := ls[i]
		if l.end == l.start {
			continue
		}
		t, ok := footerTags(l)
		if !ok {
			break
		}
		page = true
		tags = append(t, tags...)
		foot = i
	}
	if !page && !known {
		return
	}
	if title.end-title.start > 300 {
		return // a paragraph, not a title
	}
	if doc.Title == "" {
		doc.Title = strings.Join(strings.FieldsFunc(title.text, isSpace), " ")
	}
	if doc.Date == "" {
		doc.Date = date
	}
	if len(doc.Tags) == 0 {
		doc.Tags = tags
	}
	doc.Headline = schema.MakeSpan(runes, title.start, title.end)
	doc.Body = paragraphs(runes, ls[min(body, foot):foot])
}

// headline reports whether a first line reads as a headline rather than a
// sentence of the story: short, and not ended by a full stop.
func headline(s string) bool {
	s = strings.TrimFunc(s, isSpace)
	return s != "" && len(strings.Fields(s)) <= 25 && !strings.HasSuffix(s, ".")
}

// normTitle folds a title for comparison: case and runs of white space.
func normTitle(s string) string {
	return strings.ToLower(strings.Join(strings.FieldsFunc(s, isSpace), " "))
}

// paragraphs returns the spans of the paragraphs of ls (never nil). A
// paragraph ends at a blank line, and also at the end of a line that is
// long (a page's paragraph per line) or ends a sentence, unless the next
// line goes on in lower case; an indented line starts a new one. So the
// lines of a hard-wrapped paragraph stay together.
func paragraphs(runes []rune, ls []line) []schema.Span {
	spans := []schema.Span{}
	open := -1 // index in ls of the first line of the paragraph being read
	closeAt := func(i int) {
		if open >= 0 {
			spans = append(spans, schema.MakeSpan(runes, ls[open].start, ls[i].end))
			open = -1
		}
	}
	for i, l := range ls {
		if l.end == l.start {
			continue
		}
		if open >= 0 {
			prev := ls[i-1]
			if prev.end == prev.start || l.indented || endsParagraph(prev, l) {
				closeAt(lastNonBlank(ls, i))
			}
		}
		if open < 0 {
			open = i
		}
	}
	if open >= 0 {
		closeAt(lastNonBlank(ls, len(ls)))
	}
	return spans
}

// lastNonBlank returns the index of the last non-blank line before i.
func lastNonBlank(ls []line, i int) int {
	for i--; i > 0 && ls[i].end == ls[i].start; i-- {
	}
	return i
}

// endsParagraph reports whether a paragraph ends after line prev, which is
// followed directly by line next.
func endsParagraph(prev, next line) bool {
	if utf8.RuneCountInString(prev.text) > 100 {
		return true
	}
	last, _ := utf8.DecodeLastRuneInString(prev.text)
	firstNext, _ := utf8.DecodeRuneInString(next.text)
	if unicode.IsLower(firstNext) {
		return false
	}
	if last == '.' && abbreviated(prev.text) {
		return false
	}
	return strings.ContainsRune(`.!?:"'”’»)`, last)
}

// abbreviations end with a full stop without ending a sentence.
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "st": true, "gen": true,
	"sen": true, "rep": true, "gov": true, "col": true, "lt": true, "sgt": true, "rev": true,
	"inc": true, "corp": true, "co": true, "ltd": true, "no": true, "vs": true, "approx": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true,
	"sep": true, "sept": true, "oct": true, "nov": true, "dec": true,
}

// abbreviated reports whether line ends with an abbreviation and its full
// stop ("Mr.", "U.S.", "J."), so that the next line goes on the sentence.
func abbreviated(line string) bool {
	i := strings.LastIndexFunc(line[:len(line)-1], func(r rune) bool { return !unicode.IsLetter(r) && r != '.' })
	word := line[i+1 : len(line)-1]
	if abbreviations[strings.ToLower(word)] {
		return true
	}
	// Initials and dotted acronyms: "J.", "U.S.", "U.N."
	if word == "" {
		return false
	}
	for _, part := range strings.Split(word, ".") {
		if utf8.RuneCountInString(part) != 1 || !unicode.IsUpper([]rune(part)[0]) {
			return false
		}
	}
	return true
}

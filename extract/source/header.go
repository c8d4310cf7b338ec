package source

import (
	"regexp"
	"strings"

	"github.com/dossier-project/dossier/extract/dates"
	"github.com/dossier-project/dossier/schema"
)

// reField is a line of a header block: "Title: ...", "URL: ...".
var reField = regexp.MustCompile(`(?i)^(title|headline|date|published|source|publisher|outlet|site|url|link|author|authors|by|byline)\s*:\s*(.*)$`)

// header reads a block of labelled lines that opens a text, the way people
// save an article with what they know of it:
//
//	Title: EU accuses Russian state media of spreading disinformation
//	Date: 2021-03-11
//	Source: Example News
//	URL: https://example.com/eu-disinformation
//
// or the same lines between two "---" lines (a Markdown page's front
// matter, whose values may be quoted). The block ends at a blank line or
// at the closing "---"; every line of it must be a field, and it must name
// a title, a source or a URL, so that a scraped page's "Published: ..."
// line is left to layout. Title, Date, Source and URL are filled in (fields
// already set on doc are kept), the title's value becomes the Headline, and
// Body is what follows the block. It reports whether there was a block.
func header(doc *schema.Document) bool {
	runes := []rune(doc.Text)
	ls := splitLines(runes)
	i := 0
	for i < len(ls) && ls[i].end == ls[i].start {
		i++
	}
	fenced := i < len(ls) && ls[i].text == "---"
	if fenced {
		i++
	}
	type field struct {
		key        string
		start, end int // the value's code points
	}
	var fs []field
	body := -1
	for ; i < len(ls); i++ {
		l := ls[i]
		if fenced && l.text == "---" || !fenced && l.end == l.start {
			body = i + 1
			break
		}
		if fenced && l.end == l.start {
			continue
		}
		m := reField.FindStringSubmatchIndex(l.text)
		if m == nil {
			return false
		}
		// The value's offsets in code points from the line's start.
		vs := l.start + len([]rune(l.text[:m[4]]))
		ve := vs + len([]rune(l.text[m[4]:m[5]]))
		if ve-vs >= 2 && (runes[vs] == '"' && runes[ve-1] == '"' || runes[vs] == '\'' && runes[ve-1] == '\'') {
			vs, ve = vs+1, ve-1
		}
		fs = append(fs, field{strings.ToLower(l.text[m[2]:m[3]]), vs, ve})
	}
	if body < 0 || len(fs) == 0 {
		return false
	}
	named := false
	for _, f := range fs {
		switch f.key {
		case "title", "headline", "source", "publisher", "outlet", "site", "url", "link":
			named = true
		}
	}
	if !named {
		return false
	}
	for _, f := range fs {
		v := strings.Join(strings.FieldsFunc(string(runes[f.start:f.end]), isSpace), " ")
		if v == "" {
			continue
		}
		switch f.key {
		case "title", "headline":
			if doc.Title == "" {
				doc.Title = v
			}
			if doc.Headline.End == doc.Headline.Start {
				doc.Headline = schema.MakeSpan(runes, f.start, f.end)
			}
		case "date", "published":
			if doc.Date == "" {
				for _, d := range dates.Find(runes, f.start, f.end, "") {
					if d.Date.Precision() >= schema.Day {
						doc.Date = d.Date
						break
					}
				}
			}
		case "source", "publisher", "outlet", "site":
			if doc.Source == "" {
				doc.Source = v
			}
		case "url", "link":
			if doc.URL == "" {
				doc.URL = v
			}
		}
	}
	if body > len(ls) {
		body = len(ls)
	}
	doc.Body = paragraphs(runes, ls[body:])
	return true
}

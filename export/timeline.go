package export

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"html"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/dossier-project/dossier/schema"
)

// Event is one entry of a timeline: a claim, relation or mention of an
// entity, with the date the text gives for it.
type Event struct {
	// Date is YYYY-MM-DD, YYYY-MM, YYYY, or "" when the text gives no date.
	Date string
	// Precision is "day", "month" or "year"; when empty it follows from
	// the length of Date.
	Precision string
	Entity    string // entity label, for grouping
	EntityID  string
	What      string // readable: "Eugene Kaspersky denies: his business helped the ..."
	Kind      string // claim, relation, mention, thread
	Stance    string
	// Thread is the allegations-ledger thread of a claim, or of a "thread"
	// event (an allegation the entity is in, dated at its first report).
	Thread   string
	Evidence string
	DocID    string
	DocTitle string
	DocURL   string
}

// TimelineFormats lists the formats WriteTimeline accepts.
var TimelineFormats = []string{"text", "json", "csv", "timelinejs", "vis-timeline"}

// ErrNoDatedEvents is returned for the timelinejs format when no event has
// a date: TimelineJS refuses a timeline without events.
var ErrNoDatedEvents = errors.New("no dated events")

// WriteTimeline writes events, which the caller has sorted, in one of
// TimelineFormats:
//
//   - text: one block per event (date, what; "> " evidence; document
//     title and URL), the undated ones in a final "Undated" section.
//   - json: {"events": [...], "undated": [...]}, members named as the
//     Event fields in snake_case.
//   - csv: TimelineJS's spreadsheet columns (Year ... Background) followed
//     by dossier's own (date, precision, entity, ...), which TimelineJS
//     ignores. TimelineJS needs a Year, so undated events are left out.
//   - timelinejs: TimelineJS3 JSON; start_date carries only the parts the
//     precision gives ({year, month} for a month). Undated events are left
//     out.
//   - vis-timeline: {"items": [...], "groups": [...]}, one group per
//     entity, in order of first appearance; month and year dates start on
//     their first day, with the precision in the item's title and
//     className ("precision-month"). Undated events are left out.
//
// An event with a malformed date is an error; no event is ever given a date
// it does not have.
func WriteTimeline(w io.Writer, format string, events []Event) error {
	dated := make([]datedEvent, 0, len(events))
	var undated []Event
	for i, e := range events {
		if e.Date == "" {
			undated = append(undated, e)
			continue
		}
		d, err := parseEventDate(e)
		if err != nil {
			return fmt.Errorf("timeline event %d (%q): %w", i+1, e.What, err)
		}
		dated = append(dated, d)
	}
	bw := bufio.NewWriter(w)
	var err error
	switch format {
	case "text":
		err = timelineText(bw, dated, undated)
	case "json":
		err = timelineJSON(bw, dated, undated)
	case "csv":
		err = timelineCSV(bw, dated)
	case "timelinejs":
		if len(dated) == 0 {
			return fmt.Errorf("timelinejs: %w (TimelineJS needs at least one)", ErrNoDatedEvents)
		}
		err = timelineJS(bw, dated)
	case "vis-timeline", "vis":
		err = timelineVis(bw, dated)
	default:
		return fmt.Errorf("timeline format %q: want one of %s", format, strings.Join(TimelineFormats, ", "))
	}
	if err != nil {
		return err
	}
	return bw.Flush()
}

type datedEvent struct {
	Event
	year, month, day int    // month and day 0 when not given
	prec             string // day, month, year
}

func parseEventDate(e Event) (datedEvent, error) {
	d, err := schema.ParseDate(e.Date)
	if err != nil {
		return datedEvent{}, err
	}
	t, _ := d.Time()
	de := datedEvent{Event: e, year: t.Year()}
	switch d.Precision() {
	case schema.Day:
		de.prec, de.month, de.day = "day", int(t.Month()), t.Day()
	case schema.Month:
		de.prec, de.month = "month", int(t.Month())
	default:
		de.prec = "year"
	}
	if e.Precision != "" && e.Precision != de.prec {
		return datedEvent{}, fmt.Errorf("date %q has %s precision, not %s", e.Date, de.prec, e.Precision)
	}
	return de, nil
}

func timelineText(w *bufio.Writer, dated []datedEvent, undated []Event) error {
	block := func(date string, e Event) {
		fmt.Fprintf(w, "%-10s  %s\n", date, oneLine(e.What))
		if e.Evidence != "" {
			fmt.Fprintf(w, "%-10s  > %s\n", "", oneLine(e.Evidence))
		}
		if src := source(e); src != "" {
			fmt.Fprintf(w, "%-10s  %s\n", "", src)
		}
	}
	for _, e := range dated {
		block(e.Date, e.Event)
	}
	if len(undated) > 0 {
		if len(dated) > 0 {
			w.WriteString("\n")
		}
		w.WriteString("Undated\n")
		for _, e := range undated {
			block("", e)
		}
	}
	return nil
}

// source is "title <url>", or whichever of the document's title, URL and
// ID is known.
func source(e Event) string {
	title := oneLine(e.DocTitle)
	if title == "" {
		title = e.DocID
	}
	switch {
	case title != "" && e.DocURL != "":
		return title + " <" + e.DocURL + ">"
	case e.DocURL != "":
		return "<" + e.DocURL + ">"
	}
	return title
}

func oneLine(s string) string { return OneLine(s) }

// OneLine returns s as valid UTF-8 on one line: runs of white space
// (newlines included) become one space, and leading and trailing space
// goes. It is strings.Join(strings.Fields(s), " ") in one pass, without
// allocating when s is already so.
func OneLine(s string) string {
	s = valid(s)
	if isOneLine(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	pending := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			pending = b.Len() > 0
			continue
		}
		if pending {
			b.WriteByte(' ')
			pending = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// isOneLine reports whether OneLine would return s unchanged: no white
// space but single spaces between words.
func isOneLine(s string) bool {
	prevSpace := true // a leading space is not clean
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			r, n := utf8.DecodeRuneInString(s[i:])
			if unicode.IsSpace(r) {
				return false
			}
			prevSpace = false
			i += n - 1
			continue
		}
		switch c {
		case ' ':
			if prevSpace {
				return false
			}
			prevSpace = true
		case '\t', '\n', '\v', '\f', '\r':
			return false
		default:
			prevSpace = false
		}
	}
	return !prevSpace || s == ""
}

func appendEventJSON(b []byte, e Event, prec string) []byte {
	b = append(b, `{"date":`...)
	b = appendJSON(b, e.Date)
	b = append(b, `,"precision":`...)
	b = appendJSON(b, prec)
	for _, f := range [...]struct{ k, v string }{
		{"entity", e.Entity}, {"entity_id", e.EntityID}, {"what", e.What}, {"kind", e.Kind},
		{"stance", e.Stance}, {"thread", e.Thread}, {"evidence", e.Evidence}, {"doc_id", e.DocID},
		{"doc_title", e.DocTitle}, {"doc_url", e.DocURL},
	} {
		b = append(b, ',', '"')
		b = append(b, f.k...)
		b = append(b, '"', ':')
		b = appendJSON(b, f.v)
	}
	return append(b, '}')
}

func timelineJSON(w *bufio.Writer, dated []datedEvent, undated []Event) error {
	b := []byte(`{"events":[`)
	for i, e := range dated {
		b = chunk(w, b)
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, "\n  "...)
		b = appendEventJSON(b, e.Event, e.prec)
	}
	b = append(b, "],\n\"undated\":["...)
	for i, e := range undated {
		b = chunk(w, b)
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, "\n  "...)
		b = appendEventJSON(b, e, "")
	}
	b = append(b, "]}\n"...)
	_, err := w.Write(b)
	return err
}

// eventHTML is the body TimelineJS shows: the evidence as a quotation and
// a link to the document, all escaped.
func eventHTML(e Event) string {
	var b strings.Builder
	if e.Evidence != "" {
		b.WriteString("<blockquote>" + html.EscapeString(valid(e.Evidence)) + "</blockquote>")
	}
	title := e.DocTitle
	if title == "" {
		title = e.DocID
	}
	switch {
	case e.DocURL != "":
		if title == "" {
			title = e.DocURL
		}
		b.WriteString(`<p><a href="` + html.EscapeString(valid(e.DocURL)) + `">` + html.EscapeString(valid(title)) + "</a></p>")
	case title != "":
		b.WriteString("<p>" + html.EscapeString(valid(title)) + "</p>")
	}
	return b.String()
}

func timelineCSV(w *bufio.Writer, dated []datedEvent) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"Year", "Month", "Day", "Time", "End Year", "End Month", "End Day", "End Time",
		"Display Date", "Headline", "Text", "Media", "Media Credit", "Media Caption", "Media Thumbnail",
		"Type", "Group", "Background",
		"date", "precision", "entity", "entity_id", "kind", "stance", "thread", "what", "evidence", "doc_id", "doc_title", "doc_url"})
	num := func(n int) string {
		if n == 0 {
			return ""
		}
		return strconv.Itoa(n)
	}
	for _, e := range dated {
		cw.Write([]string{strconv.Itoa(e.year), num(e.month), num(e.day), "", "", "", "", "",
			"", html.EscapeString(valid(e.What)), eventHTML(e.Event), "", "", "", "",
			"", valid(e.Entity), "",
			e.Date, e.prec, valid(e.Entity), valid(e.EntityID), valid(e.Kind), valid(e.Stance), valid(e.Thread), valid(e.What),
			valid(e.Evidence), valid(e.DocID), valid(e.DocTitle), valid(e.DocURL)})
	}
	cw.Flush()
	return cw.Error()
}

func timelineJS(w *bufio.Writer, dated []datedEvent) error {
	b := []byte(`{"events":[`)
	for i, e := range dated {
		b = chunk(w, b)
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, "\n  {\"unique_id\":"...)
		b = appendJSON(b, "event-"+strconv.Itoa(i+1))
		b = append(b, `,"start_date":{"year":`...)
		b = strconv.AppendInt(b, int64(e.year), 10)
		if e.month != 0 {
			b = append(b, `,"month":`...)
			b = strconv.AppendInt(b, int64(e.month), 10)
		}
		if e.day != 0 {
			b = append(b, `,"day":`...)
			b = strconv.AppendInt(b, int64(e.day), 10)
		}
		b = append(b, `},"text":{"headline":`...)
		b = appendJSON(b, html.EscapeString(valid(e.What)))
		b = append(b, `,"text":`...)
		b = appendJSON(b, eventHTML(e.Event))
		b = append(b, '}')
		if e.Entity != "" {
			b = append(b, `,"group":`...)
			b = appendJSON(b, e.Entity)
		}
		b = append(b, `,"autolink":false}`...)
	}
	b = append(b, "\n]}\n"...)
	_, err := w.Write(b)
	return err
}

func timelineVis(w *bufio.Writer, dated []datedEvent) error {
	type group struct{ id, content string }
	var groups []group
	known := map[string]bool{}
	b := []byte(`{"items":[`)
	for i, e := range dated {
		b = chunk(w, b)
		gid := e.EntityID
		if gid == "" {
			gid = e.Entity
		}
		if gid == "" {
			gid = "-"
		}
		if !known[gid] {
			known[gid] = true
			content := e.Entity
			if content == "" {
				content = "(no entity)"
			}
			groups = append(groups, group{gid, content})
		}
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, "\n  {\"id\":"...)
		b = appendJSON(b, "event-"+strconv.Itoa(i+1))
		b = append(b, `,"type":"point","start":`...)
		month, day := max(e.month, 1), max(e.day, 1)
		b = appendJSON(b, time.Date(e.year, time.Month(month), day, 0, 0, 0, 0, time.UTC).Format("2006-01-02"))
		b = append(b, `,"group":`...)
		b = appendJSON(b, gid)
		b = append(b, `,"content":`...)
		b = appendJSON(b, html.EscapeString(valid(e.What)))
		title := e.Date
		if e.prec != "day" {
			title += " (" + e.prec + " precision)"
		}
		if e.Evidence != "" {
			title += ": " + e.Evidence
		}
		if src := source(e.Event); src != "" {
			title += " — " + src
		}
		b = append(b, `,"title":`...)
		b = appendJSON(b, html.EscapeString(valid(title)))
		b = append(b, `,"className":`...)
		b = appendJSON(b, "precision-"+e.prec)
		b = append(b, `,"kind":`...)
		b = appendJSON(b, e.Kind)
		b = append(b, `,"date":`...)
		b = appendJSON(b, e.Date)
		b = append(b, '}')
	}
	b = append(b, "\n],\n\"groups\":["...)
	for i, g := range groups {
		b = chunk(w, b)
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, "\n  {\"id\":"...)
		b = appendJSON(b, g.id)
		b = append(b, `,"content":`...)
		b = appendJSON(b, html.EscapeString(valid(g.content)))
		b = append(b, '}')
	}
	b = append(b, "\n]}\n"...)
	_, err := w.Write(b)
	return err
}

// chunk hands b to w once it holds 32 KiB and returns it emptied, so that
// the JSON timelines are built piecewise; write errors surface at Flush.
func chunk(w *bufio.Writer, b []byte) []byte {
	if len(b) < 32<<10 {
		return b
	}
	w.Write(b)
	return b[:0]
}

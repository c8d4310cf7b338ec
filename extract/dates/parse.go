// Package dates reads the dates of news documents and finds the date
// expressions in their text.
//
// Parse reads one date as written in a document's metadata (a JSON Lines
// "date" field, an HTML meta tag, the date line of a scraped page) and keeps
// its precision: "2017-10-24" is a day, "October 2017" a month, "2017" a
// year.
//
// Find scans text for date expressions and resolves the relative ones
// ("yesterday", "in October", "last year") against the document date. A
// relative expression whose reference is unknown, or not precise enough, is
// left out rather than given a made-up date.
//
// # Spans
//
// Following the TimeML convention, a span covers the date expression
// without its preposition: in "In October, the BSI told Reuters" the span is
// "October", and in "since 2016" it is "2016". Words that change the date
// are part of the span: "last October", "next Tuesday", "earlier this
// month", "mid-2016", "October last year".
package dates

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/dossier-project/dossier/schema"
)

// ErrAmbiguous is returned (wrapped) by Parse for a numeric date such as
// "04/05/2017" that reads as a valid date both day-first and month-first.
var ErrAmbiguous = errors.New("ambiguous date: day and month could be either way round")

// ErrUnrecognised is returned (wrapped) by Parse for a string that holds no
// date in any form it knows.
var ErrUnrecognised = errors.New("unrecognised date")

// Layouts of the standard library that Parse tries whole, before its own
// forms; the date is taken as written, in the zone the string gives.
var stdLayouts = []string{
	time.RFC3339Nano, time.RFC1123, time.RFC1123Z, time.RFC850,
	time.RFC822, time.RFC822Z, time.ANSIC, time.UnixDate, time.RubyDate,
}

var (
	reYear      = regexp.MustCompile(`^(\d{4})$`)
	reYearMonth = regexp.MustCompile(`^(\d{4})-(\d{1,2})$`)
	// ISO 8601 date, alone or followed by a time ("2017-10-24T10:00:00Z",
	// "2017-10-24 10:00"); also with slashes or dots ("2017/10/24").
	reISO = regexp.MustCompile(`^(\d{4})([-/.])(\d{1,2})([-/.])(\d{1,2})(?:$|[T\s_]\d)`)
	// Compact ISO 8601: 20171024, alone or with a time.
	reCompact = regexp.MustCompile(`^(\d{4})(\d{2})(\d{2})(?:$|T\d)`)
	// Numeric day and month before the year: 24/10/2017, 24.10.2017.
	reNumeric = regexp.MustCompile(`^(\d{1,2})([/.\-])(\d{1,2})([/.\-])(\d{4})(?:$|[T\s,])`)
	// Reuters-21578: 26-FEB-1987 15:01:01.79, with or without a time,
	// whatever codes follow the time ("00:02:59.13RM", "03:48:23.00F RM").
	reDashed = regexp.MustCompile(`^(\d{1,2})-(\p{L}{3,9})\.?-(\d{4})(?:$|\s+\d+:\d{2}[^\n]*$)`)
	// A label before the date: "Published: ", "Updated on ".
	reLabel = regexp.MustCompile(`^(?i:(?:\p{L}+\s+){0,3}\p{L}+\s*:|(?:published|updated|posted)(?:\s+on)?\b|on\b)\s*`)
	// What may stand around a written date in a metadata string: times,
	// zones, separators.
	reNoiseTime = regexp.MustCompile(`(?i)\b(?:at\s+)?\d{1,2}[:.]\d{2}(?:[:.]\d{2}(?:\.\d+)?)?\s*(?:[ap]\.?m\.?)?`)
	reNoiseZone = regexp.MustCompile(`(?:\b(?:UTC|GMT|Z|[A-Z]{2,4}T)\b|[+\-−]\d{2}:?\d{2}\b|\b(?i:at|on)\b)`)
	reNoiseRest = regexp.MustCompile(`^[\s\p{Z},.;|/()\[\]\-–—]*$`)
)

// Parse reads a document date in any of the common forms and returns it
// with the precision it was written with:
//
//	2017-10-24, 2017-10-24T10:00:00Z, 2017/10/24, 20171024  day
//	Tue, 24 Oct 2017 10:00:00 GMT (RFC 1123) and other RFC forms  day
//	24 October 2017, October 24, 2017, Oct. 24, 2017, 24th of October 2017  day
//	26-FEB-1987 15:01:01.79 (Reuters-21578)  day
//	24/10/2017, 10/24/2017, 24.10.2017  day
//	October 2017, 2017-10  month
//	2017  year
//
// A date with a time is the calendar day as written, in the zone written
// with it (2017-10-24T23:30:00-05:00 is 2017-10-24). Times, zones, a weekday
// and a label such as "Published:" may stand around a written date. A
// numeric date with slashes is read day-first or month-first only when just
// one of the two is a valid date (or both give the same date); otherwise
// Parse returns an error wrapping ErrAmbiguous. Dots are read day-first
// (24.10.2017), as in the countries that write them. Two-digit years are not
// accepted.
func Parse(s string) (schema.Date, error) {
	s = strings.TrimFunc(s, isSpace)
	if s == "" {
		return "", fmt.Errorf("empty date: %w", ErrUnrecognised)
	}
	for _, layout := range stdLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return schema.DayDate(t), nil
		}
	}
	if m := reYear.FindStringSubmatch(s); m != nil {
		return schema.YearDate(atoi(m[1])), nil
	}
	if m := reYearMonth.FindStringSubmatch(s); m != nil {
		y, mo := atoi(m[1]), atoi(m[2])
		if mo < 1 || mo > 12 {
			return "", fmt.Errorf("date %q: month %d out of range", s, mo)
		}
		return schema.MonthDate(y, time.Month(mo)), nil
	}
	if m := reISO.FindStringSubmatch(s); m != nil && m[2] == m[4] {
		return dayDate(s, atoi(m[1]), atoi(m[3]), atoi(m[5]))
	}
	if m := reCompact.FindStringSubmatch(s); m != nil {
		return dayDate(s, atoi(m[1]), atoi(m[2]), atoi(m[3]))
	}
	if m := reNumeric.FindStringSubmatch(s); m != nil && m[2] == m[4] {
		a, b, y := atoi(m[1]), atoi(m[3]), atoi(m[5])
		if m[2] == "." {
			return dayDate(s, y, b, a)
		}
		return numericDate(s, a, b, y)
	}
	if m := reDashed.FindStringSubmatch(s); m != nil {
		if mo, ok := months[strings.ToLower(m[2])]; ok {
			return dayDate(s, atoi(m[3]), int(mo), atoi(m[1]))
		}
	}
	return parseWritten(s)
}

// numericDate resolves a/b/y where either a or b may be the day.
func numericDate(s string, a, b, y int) (schema.Date, error) {
	dayFirst, err1 := dayDate(s, y, b, a)
	monthFirst, err2 := dayDate(s, y, a, b)
	switch {
	case err1 == nil && err2 == nil && dayFirst != monthFirst:
		return "", fmt.Errorf("date %q: %w", s, ErrAmbiguous)
	case err1 == nil:
		return dayFirst, nil
	case err2 == nil:
		return monthFirst, nil
	}
	return "", err1
}

// parseWritten reads a date written with a month name, with any label,
// weekday, time or zone around it.
func parseWritten(s string) (schema.Date, error) {
	rest := reLabel.ReplaceAllString(s, "")
	ms := absolute(rest, false, kindAll)
	if len(ms) == 0 {
		return "", fmt.Errorf("date %q: %w", s, ErrUnrecognised)
	}
	m := ms[0]
	if m.err != nil {
		return "", fmt.Errorf("date %q: %w", s, m.err)
	}
	left := rest[:m.start] + " " + rest[m.end:]
	left = reNoiseTime.ReplaceAllString(left, " ")
	left = reNoiseZone.ReplaceAllString(left, " ")
	// A year after a month and day with a time in between: ANSIC-like
	// "Tue Oct 24 10:00:00 2017".
	if m.yearless {
		if y := reLoneYear.FindStringSubmatchIndex(left); y != nil {
			d, err := dayDate(s, atoi(left[y[2]:y[3]]), m.month, m.day)
			if err != nil {
				return "", err
			}
			left = left[:y[0]] + left[y[1]:]
			m.date, m.yearless = d, false
		}
	}
	if m.yearless {
		return "", fmt.Errorf("date %q: no year", s)
	}
	if !reNoiseRest.MatchString(left) {
		return "", fmt.Errorf("date %q: %w", s, ErrUnrecognised)
	}
	return m.date, nil
}

var reLoneYear = regexp.MustCompile(`\b(\d{4})\b`)

// dayDate checks y-mo-d and returns it as a day Date.
func dayDate(s string, y, mo, d int) (schema.Date, error) {
	if y < 1 || y > 9999 || mo < 1 || mo > 12 || d < 1 || d > 31 {
		return "", fmt.Errorf("date %q: no such day", s)
	}
	t := time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d {
		return "", fmt.Errorf("date %q: no such day", s)
	}
	return schema.DayDate(t), nil
}

// atoi converts digits matched by a regular expression; they are at most a
// few digits long, so it cannot fail.
func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

// isSpace reports white space, including the non-breaking spaces of scraped
// pages.
func isSpace(r rune) bool {
	return unicode.IsSpace(r) || r == '\u00a0' || r == '\u202f' || r == '\ufeff'
}

package dates

import (
	"math/bits"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/dossier-project/dossier/extract/text"
	"github.com/dossier-project/dossier/schema"
)

// Found is a date expression found in a text: its span, and the date it
// stands for with the precision the text gives ("in October" is a month).
type Found struct {
	schema.Span
	Date schema.Date `json:"date"`
}

const (
	monthRE   = `(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)(?:\.|\b)`
	weekdayRE = `(?:(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tues|Tue|Wed|Thurs|Thur|Thu|Fri|Sat|Sun)(?:\.|\b),?\s+(?:the\s+)?)?`
	dayRE     = `(\d{1,2})(?:st|nd|rd|th)?`
)

var (
	// 24 October 2017, Tuesday 24th of October, 26-FEB-1987.
	reDMY = regexp.MustCompile(`(?i)\b` + weekdayRE + dayRE + `(?:\s+of)?(?:\s+|-)` + monthRE + `(?:,?(?:\s+|-)(\d{4})\b)?`)
	// October 24, 2017; Oct. 24; Tuesday, October 24th.
	reMDY = regexp.MustCompile(`(?i)\b` + weekdayRE + monthRE + `\s*` + dayRE + `\b(?:,?\s+(\d{4})\b)?`)
	// October 2017, Oct. 2017, October of 2017.
	reMY = regexp.MustCompile(`(?i)\b` + monthRE + `,?(?:\s+of)?\s+(\d{4})\b`)
	// 2017-10-24 in running text.
	reISOText = regexp.MustCompile(`\b(\d{4})-(\d{2})-(\d{2})`)
	// 24/10/2017, 24.10.2017 in running text.
	reNumText = regexp.MustCompile(`\b(\d{1,2})([/.])(\d{1,2})([/.])(\d{4})\b`)

	// in October, since mid-October, last October, October last year.
	reMonthOnly = regexp.MustCompile(`(?i)\b(?:(in|since|until|till|by|during|from|through|throughout|before|after|of|between|around|for)\s+)?` +
		`(?:(last|next|this|early|late|mid|earlier in|later in)(?:\s+|-))?` +
		`(January|February|March|April|May|June|July|August|September|October|November|December)\b` +
		`(?:,?(?:\s+of)?\s+(last|this|next)\s+year\b)?`)
	// in 2016, since 2014, mid-2016.
	reYearOnly = regexp.MustCompile(`(?i)\b(?:(in|since|until|till|by|during|from|through|throughout|before|after|between|around|of)\s+)?` +
		`(?:(early|late|mid)(?:\s+|-))?(\d{4})\b`)
	// The rest of a pair of years after the first: " and 2016", "-2017".
	reYearPair = regexp.MustCompile(`^(?:\s*[-–/]\s*|\s+(?:and|or|to|until|till|through)\s+)(\d{4})\b`)
	// yesterday, last night, earlier today.
	reRelDay = regexp.MustCompile(`(?i)\b(yesterday|today|tomorrow|tonight|last night|this morning|this afternoon|this evening|earlier today|later today)\b`)
	// last year, earlier this month, next week.
	reRelPeriod = regexp.MustCompile(`(?i)\b(?:(earlier|later)\s+)?(this|last|next)\s+(week|month|year)\b`)
	// two days ago, a year ago.
	reAgo = regexp.MustCompile(`(?i)\b(an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,3})\s+(day|week|month|year)s?\s+ago\b`)
	// on Tuesday, last Friday, Monday night.
	reWeekday = regexp.MustCompile(`(?i)\b(?:(on|since|until|till|by|from|before|after)\s+)?(?:(last|next|this|early|late)\s+)?` +
		`(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b(?:\s+(morning|afternoon|evening|night))?`)
)

var months = map[string]time.Month{
	"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
	"july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
	"sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}

var weekdays = map[string]time.Weekday{
	"sunday": time.Sunday, "monday": time.Monday, "tuesday": time.Tuesday, "wednesday": time.Wednesday,
	"thursday": time.Thursday, "friday": time.Friday, "saturday": time.Saturday,
}

var numbers = map[string]int{
	"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
	"seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}

// match is a date expression found in a string: byte offsets of its span,
// and its date. A written day without a year (October 24) is yearless, with
// month and day set and date empty.
type match struct {
	start, end int
	date       schema.Date
	err        error
	yearless   bool
	month, day int
}

// capital reports whether s starts with an upper-case letter.
func capital(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// group returns the text of submatch i of m in s, or "".
func group(s string, m []int, i int) string {
	if m[2*i] < 0 {
		return ""
	}
	return s[m[2*i]:m[2*i+1]]
}

// absolute finds the dates written with a year, month and day or with a
// month name in s, earliest first and without overlap. When strict is set
// (running text), month and weekday names must be capitalised, so that
// "may" and "march" the words are not read as months.
func absolute(s string, strict bool, kinds int) []match {
	var ms []match
	add := func(m match) { ms = append(ms, m) }
	for _, g := range all(reDMY, s, kinds&kindMonth) {
		if strict && (!capital(group(s, g, 3)) || (g[2] >= 0 && !capital(group(s, g, 1)))) {
			continue
		}
		add(written(s, g, group(s, g, 2), group(s, g, 3), group(s, g, 4)))
	}
	for _, g := range all(reMDY, s, kinds&kindMonth) {
		if strict && (!capital(group(s, g, 2)) || (g[2] >= 0 && !capital(group(s, g, 1)))) {
			continue
		}
		add(written(s, g, group(s, g, 3), group(s, g, 2), group(s, g, 4)))
	}
	for _, g := range all(reMY, s, kinds&kindMonth) {
		if strict && !capital(group(s, g, 1)) {
			continue
		}
		y := atoi(group(s, g, 2))
		if y < 1 {
			continue
		}
		add(match{start: g[0], end: g[1], date: schema.MonthDate(y, months[strings.ToLower(group(s, g, 1))])})
	}
	for _, g := range all(reISOText, s, kinds&kindYear) {
		if g[1] < len(s) && s[g[1]] >= '0' && s[g[1]] <= '9' {
			continue
		}
		d, err := dayDate(s[g[0]:g[1]], atoi(group(s, g, 1)), atoi(group(s, g, 2)), atoi(group(s, g, 3)))
		if err == nil {
			add(match{start: g[0], end: g[1], date: d})
		}
	}
	for _, g := range all(reNumText, s, kinds&kindYear) {
		if group(s, g, 2) != group(s, g, 4) {
			continue
		}
		a, b, y := atoi(group(s, g, 1)), atoi(group(s, g, 3)), atoi(group(s, g, 5))
		var d schema.Date
		var err error
		if group(s, g, 2) == "." {
			d, err = dayDate(s, y, b, a)
		} else {
			d, err = numericDate(s, a, b, y)
		}
		if err == nil {
			add(match{start: g[0], end: g[1], date: d})
		}
	}
	return ms
}

// all returns the submatch indexes of every match of re in s, or none when
// s holds no trigger of the kind re needs (need is 0).
func all(re *regexp.Regexp, s string, need int) [][]int {
	if need == 0 {
		return nil
	}
	return re.FindAllStringSubmatchIndex(s, -1)
}

// written builds the match of a written day, month and optional year.
func written(s string, g []int, day, month, year string) match {
	m := match{start: g[0], end: g[1], month: int(months[strings.ToLower(month)]), day: atoi(day)}
	if rest := s[g[1]:]; year == "" && len(rest) > 1 && (rest[0] == '.' || rest[0] == ',') && rest[1] >= '0' && rest[1] <= '9' {
		m.err = ErrUnrecognised // "Jun 10.0": a figure in a table, not a day
		return m
	}
	if year == "" {
		m.yearless = true
		if m.day < 1 || m.day > 31 {
			m.err = ErrUnrecognised
		}
		return m
	}
	m.date, m.err = dayDate(s[g[0]:g[1]], atoi(year), m.month, m.day)
	return m
}

// anchor is a document date ready for resolving relative expressions.
type anchor struct {
	t    time.Time
	prec int
}

// day returns t as a day Date.
func day(t time.Time) schema.Date { return schema.DayDate(t) }

// monday returns the Monday of the week (Monday to Sunday) of t.
func monday(t time.Time) time.Time {
	back := (int(t.Weekday()) + 6) % 7
	return t.AddDate(0, 0, -back)
}

// Find finds the date expressions in runes[start:end] and resolves them
// against the document date ref. Offsets are code points into runes, so
// string(runes[f.Start:f.End]) == f.Text. Results are in text order and do
// not overlap; where two readings overlap, a written date wins over a
// relative expression and then the longer wins ("24 October 2017" over
// "October").
//
// Absolute dates ("24 October 2017", "October 2017", "2017-10-24") are
// returned whatever ref is. Relative ones are resolved as follows and left
// out when ref is empty or less precise than they need:
//
//	October 24, 24 October     from 6 months before ref to 6 months after (ref month)
//	in October                 the latest October not after ref's month (ref month)
//	until/till/by October      the first October not before ref's month (ref month)
//	last/next October          the latest before / first after ref's month
//	this October, October last year   ref's year, the year before ref's (ref year)
//	in 2016, mid-2016          the year (no ref needed)
//	between 2014 and 2016      both years (no ref needed)
//	yesterday, today, tomorrow, last night, this morning   a day (ref day)
//	on Tuesday, Tuesday        the latest Tuesday on or before ref (ref day)
//	until/till/by Tuesday      the first Tuesday on or after ref (ref day)
//	last/next Tuesday          the latest before / first after ref (ref day)
//	this Tuesday               the Tuesday of ref's week (ref day)
//	this/last/next week        the Monday of that week, day precision (ref day)
//	this/last/next month       the month (ref month); "earlier this month" too
//	this/last/next year        the year (ref year); "earlier this year" too
//	N days/weeks ago           ref minus N days or N weeks (ref day)
//	N months/years ago         that month / year (ref month / year)
//
// A week is a span of days that a Date cannot hold: it is given as the day
// of its Monday, weeks running Monday to Sunday.
func Find(runes []rune, start, end int, ref schema.Date) []Found {
	start = max(start, 0)
	end = min(end, len(runes))
	if start >= end {
		return nil
	}
	s := string(runes[start:end])
	at := text.CodePoints(s) // byte offsets in s to code points

	var r anchor
	if d, err := schema.ParseDate(string(ref)); err == nil {
		r.t, _ = d.Time()
		r.prec = d.Precision()
	}
	var ms, rel []match
	for _, w := range windows(s) {
		sub := s[w.start:w.end]
		for _, m := range absolute(sub, true, w.kinds) {
			if m.err != nil {
				continue
			}
			if m.yearless {
				m.date = r.nearest(time.Month(m.month), m.day)
			}
			if _, err := schema.ParseDate(string(m.date)); err == nil {
				m.start, m.end = m.start+w.start, m.end+w.start
				ms = append(ms, m)
			}
		}
		for _, m := range relative(sub, r, w.kinds) {
			m.start, m.end = m.start+w.start, m.end+w.start
			rel = append(rel, m)
		}
	}
	// Written dates are chosen first, longest first, then relative
	// expressions where they do not overlap a chosen one.
	var chosen []match
	taken := make([]bool, len(s)) // bytes covered by a chosen match
	pick := func(cands []match) {
		slices.SortStableFunc(cands, func(a, b match) int {
			if la, lb := a.end-a.start, b.end-b.start; la != lb {
				return lb - la
			}
			return a.start - b.start
		})
		for _, c := range cands {
			if slices.Contains(taken[c.start:c.end], true) {
				continue
			}
			for i := c.start; i < c.end; i++ {
				taken[i] = true
			}
			chosen = append(chosen, c)
		}
	}
	pick(ms)
	pick(rel)
	slices.SortFunc(chosen, func(a, b match) int { return a.start - b.start })
	if len(chosen) == 0 {
		return nil
	}
	out := make([]Found, 0, len(chosen))
	for _, m := range chosen {
		out = append(out, Found{Span: schema.MakeSpan(runes, start+at[m.start], start+at[m.end]), Date: m.date})
	}
	return out
}

// Kinds of trigger word, as bits: a pattern runs only on a stretch of text
// that holds a trigger of its kind.
const (
	kindMonth   = 1 << iota // a month name or abbreviation
	kindWeekday             // a weekday name
	kindDay                 // yesterday, today, tonight, morning...
	kindPeriod              // week, month, year
	kindAgo                 // ago
	kindYear                // a four-digit number
	kindAll     = 1<<iota - 1
)

// triggers maps the words (lower-cased) that every date expression holds
// at least one of to their kind; a four-digit number is the other trigger.
var triggers = map[string]int{
	"yesterday": kindDay, "today": kindDay, "tomorrow": kindDay, "tonight": kindDay, "night": kindDay,
	"morning": kindDay, "afternoon": kindDay, "evening": kindDay,
	"week": kindPeriod, "month": kindPeriod, "year": kindPeriod, "ago": kindAgo,
}

func init() {
	for k := range months {
		triggers[k] = kindMonth
	}
	for k := range weekdays {
		triggers[k] = kindWeekday
	}
}

// reach is how far (in bytes) a date expression may run on either side of
// its trigger word: "Wednesday, the 24th of " before a month is 23 bytes,
// "throughout earlier in " 22, ", of last year" after it 14.
const reach = 40

// maxWindow bounds a stretch of merged windows, so that the patterns run
// on short inputs, where Go's regular expressions backtrack fast.
const maxWindow = 256

// window is a stretch of text to scan: byte offsets and the kind of
// trigger it was opened for (one of the kind bits).
type window struct {
	start, end, kinds int
}

// windows returns the stretches of s that may hold a date expression, each
// with one kind of trigger: the trigger word with reach bytes either side,
// widened to white space, and merged with the stretch of the same kind
// before it while that stays under maxWindow. Stretches of different kinds
// may overlap; Find keeps one of any overlapping matches. The patterns of a
// kind then run only on its short stretches rather than on the whole text,
// which keeps Find fast (Go's regular expressions backtrack quickly on
// short inputs) without changing what it finds.
func windows(s string) []window {
	var ws []window
	var last [6]int // per kind, the index in ws of its last window
	for k := range last {
		last[k] = -1
	}
	for i := 0; i < len(s); {
		c := s[i]
		isLetter := c|0x20 >= 'a' && c|0x20 <= 'z'
		isDigit := c >= '0' && c <= '9'
		if !isLetter && !isDigit {
			i++
			continue
		}
		j := i
		for j < len(s) && ((isLetter && s[j]|0x20 >= 'a' && s[j]|0x20 <= 'z') || (isDigit && s[j] >= '0' && s[j] <= '9')) {
			j++
		}
		word := s[i:j]
		kind := 0
		if isDigit {
			if len(word) == 4 {
				kind = kindYear
			}
		} else if len(word) >= 3 && len(word) <= 9 {
			kind = triggers[strings.ToLower(word)]
		}
		if kind != 0 {
			a, b := max(i-reach, 0), min(j+reach, len(s))
			for a > 0 && !isBreak(s[a-1]) {
				a--
			}
			for b < len(s) && !isBreak(s[b]) {
				b++
			}
			k := bits.TrailingZeros(uint(kind))
			if w := last[k]; w >= 0 && a <= ws[w].end && b-ws[w].start <= maxWindow {
				ws[w].end = max(ws[w].end, b)
			} else {
				last[k] = len(ws)
				ws = append(ws, window{a, b, kind})
			}
		}
		i = j
	}
	return ws
}

// isBreak reports an ASCII space or line break, where a window may end.
func isBreak(c byte) bool { return c == ' ' || c == '\n' || c == '\t' || c == '\r' }

// nearest returns the date of month mo, day d nearest r: from six months
// before it to six months after (the year is left out of dates near the
// article's, past or coming), or "" when r has no month or the day does not
// exist in that year.
func (r anchor) nearest(mo time.Month, d int) schema.Date {
	if r.prec < schema.Month {
		return ""
	}
	from, to := r.t.AddDate(0, -6, 0), r.t.AddDate(0, 6, 0)
	for _, y := range []int{r.t.Year() - 1, r.t.Year(), r.t.Year() + 1} {
		t := time.Date(y, mo, d, 0, 0, 0, 0, time.UTC)
		if t.Day() == d && !t.Before(from) && t.Before(to) {
			return day(t)
		}
	}
	return ""
}

// relative finds the expressions of s that need the document date r.
func relative(s string, r anchor, kinds int) []match {
	var ms []match
	add := func(start, end int, d schema.Date) {
		if _, err := schema.ParseDate(string(d)); err == nil {
			ms = append(ms, match{start: start, end: end, date: d})
		}
	}
	refY, refM := r.t.Year(), r.t.Month()

	for _, g := range all(reMonthOnly, s, kinds&kindMonth) {
		prep, mod, name, yrel := strings.ToLower(group(s, g, 1)), strings.ToLower(group(s, g, 2)), group(s, g, 3), strings.ToLower(group(s, g, 4))
		if !capital(name) || (prep == "" && mod == "" && yrel == "") {
			continue
		}
		mo := months[strings.ToLower(name)]
		if mo == time.May {
			// "by May", "from May", "May's": the politician more often than the month.
			if rest := s[g[1]:]; strings.HasPrefix(rest, "'s") || strings.HasPrefix(rest, "’s") {
				continue
			}
			switch prep {
			case "in", "since", "until", "till", "during", "throughout":
			default:
				if mod == "" && yrel == "" {
					continue
				}
			}
		}
		start := g[6]
		if g[4] >= 0 {
			start = g[4]
		}
		var y int
		switch {
		case yrel != "":
			if r.prec < schema.Year {
				continue
			}
			y = refY + map[string]int{"last": -1, "this": 0, "next": 1}[yrel]
		case mod == "this":
			if r.prec < schema.Year {
				continue
			}
			y = refY
		case r.prec < schema.Month:
			continue
		case mod == "last":
			y = refY
			if mo >= refM {
				y--
			}
		case mod == "next":
			y = refY
			if mo <= refM {
				y++
			}
		case prep == "until" || prep == "till" || prep == "by":
			// A deadline: the first such month not before ref's.
			y = refY
			if mo < refM {
				y++
			}
		default:
			y = refY
			if mo > refM {
				y--
			}
		}
		add(start, g[1], schema.MonthDate(y, mo))
	}

	for _, g := range all(reYearOnly, s, kinds&kindYear) {
		if g[2] < 0 && g[4] < 0 {
			continue
		}
		y := atoi(group(s, g, 3))
		if y < 1800 || y > 2199 {
			continue
		}
		// "in 2016.5", "in 2016,000": a number, not a year.
		if rest := s[g[1]:]; len(rest) > 1 && (rest[0] == '.' || rest[0] == ',') && rest[1] >= '0' && rest[1] <= '9' {
			continue
		}
		start := g[6]
		if g[4] >= 0 {
			start = g[4]
		}
		add(start, g[1], schema.YearDate(y))
		// The second year of a range or pair: "between 2014 and 2016",
		// "in 2016-2017", "in 2015 or 2016".
		if p := reYearPair.FindStringSubmatchIndex(s[g[1]:]); p != nil {
			if y2 := atoi(s[g[1]+p[2] : g[1]+p[3]]); y2 >= 1800 && y2 <= 2199 {
				add(g[1]+p[2], g[1]+p[3], schema.YearDate(y2))
			}
		}
	}

	if r.prec >= schema.Day {
		for _, g := range all(reRelDay, s, kinds&kindDay) {
			var t time.Time
			switch strings.ToLower(group(s, g, 1)) {
			case "yesterday", "last night":
				t = r.t.AddDate(0, 0, -1)
			case "tomorrow":
				t = r.t.AddDate(0, 0, 1)
			default:
				t = r.t
			}
			add(g[0], g[1], day(t))
		}
		for _, g := range all(reWeekday, s, kinds&kindWeekday) {
			name := group(s, g, 3)
			if !capital(name) {
				continue
			}
			wd := weekdays[strings.ToLower(name)]
			back := (int(r.t.Weekday()) - int(wd) + 7) % 7 // days back to the latest wd on or before ref
			var t time.Time
			switch strings.ToLower(group(s, g, 2)) {
			case "last":
				if back == 0 {
					back = 7
				}
				t = r.t.AddDate(0, 0, -back)
			case "next":
				t = r.t.AddDate(0, 0, 7-back)
			case "this":
				t = monday(r.t).AddDate(0, 0, (int(wd)+6)%7)
			default:
				switch strings.ToLower(group(s, g, 1)) {
				case "until", "till", "by":
					// A deadline: the first such day on or after ref.
					t = r.t.AddDate(0, 0, (7-back)%7)
				default:
					t = r.t.AddDate(0, 0, -back)
				}
			}
			start := g[6]
			if g[4] >= 0 {
				start = g[4]
			}
			add(start, g[1], day(t))
		}
	}

	for _, g := range all(reRelPeriod, s, kinds&kindPeriod) {
		off := map[string]int{"last": -1, "this": 0, "next": 1}[strings.ToLower(group(s, g, 2))]
		switch strings.ToLower(group(s, g, 3)) {
		case "week":
			if r.prec >= schema.Day {
				add(g[0], g[1], day(monday(r.t).AddDate(0, 0, 7*off)))
			}
		case "month":
			if r.prec >= schema.Month {
				t := time.Date(refY, refM+time.Month(off), 1, 0, 0, 0, 0, time.UTC)
				add(g[0], g[1], schema.MonthDate(t.Year(), t.Month()))
			}
		case "year":
			if r.prec >= schema.Year {
				add(g[0], g[1], schema.YearDate(refY+off))
			}
		}
	}

	for _, g := range all(reAgo, s, kinds&kindAgo) {
		if g[0] > 1 && (s[g[0]-1] == ',' || s[g[0]-1] == '.') && s[g[0]-2] >= '0' && s[g[0]-2] <= '9' {
			continue // "12,000 week ago": the end of a figure, not a count
		}
		w := strings.ToLower(group(s, g, 1))
		n, ok := numbers[w]
		if !ok {
			n = atoi(w)
		}
		switch strings.ToLower(group(s, g, 2)) {
		case "day":
			if r.prec >= schema.Day {
				add(g[0], g[1], day(r.t.AddDate(0, 0, -n)))
			}
		case "week":
			if r.prec >= schema.Day {
				add(g[0], g[1], day(r.t.AddDate(0, 0, -7*n)))
			}
		case "month":
			if r.prec >= schema.Month {
				t := time.Date(refY, refM-time.Month(n), 1, 0, 0, 0, 0, time.UTC)
				add(g[0], g[1], schema.MonthDate(t.Year(), t.Month()))
			}
		case "year":
			if r.prec >= schema.Year && refY-n >= 1 {
				add(g[0], g[1], schema.YearDate(refY-n))
			}
		}
	}
	return ms
}

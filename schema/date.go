package schema

import (
	"fmt"
	"strings"
	"time"
)

// Date is a calendar date that keeps its precision: "2017-10-24" (day),
// "2017-10" (month) or "2017" (year). The empty Date is unknown.
type Date string

// Precision of a Date.
const (
	Unknown = iota
	Year
	Month
	Day
)

// Precision returns Day, Month, Year or Unknown.
func (d Date) Precision() int {
	switch len(d) {
	case 10:
		return Day
	case 7:
		return Month
	case 4:
		return Year
	}
	return Unknown
}

// DayDate returns the day-precision Date of t.
func DayDate(t time.Time) Date { return Date(t.Format("2006-01-02")) }

// MonthDate returns the month-precision Date of year y and month m.
func MonthDate(y int, m time.Month) Date { return Date(fmt.Sprintf("%04d-%02d", y, int(m))) }

// YearDate returns the year-precision Date of y.
func YearDate(y int) Date { return Date(fmt.Sprintf("%04d", y)) }

// ParseDate reads a Date in one of its three forms and checks it.
func ParseDate(s string) (Date, error) {
	s = strings.TrimSpace(s)
	var layout string
	switch len(s) {
	case 10:
		layout = "2006-01-02"
	case 7:
		layout = "2006-01"
	case 4:
		layout = "2006"
	default:
		return "", fmt.Errorf("date %q: want YYYY-MM-DD, YYYY-MM or YYYY", s)
	}
	if _, err := time.Parse(layout, s); err != nil {
		return "", fmt.Errorf("date %q: %w", s, err)
	}
	return Date(s), nil
}

// Time returns the first instant of d in UTC, and false if d is unknown.
func (d Date) Time() (time.Time, bool) {
	var layout string
	switch d.Precision() {
	case Day:
		layout = "2006-01-02"
	case Month:
		layout = "2006-01"
	case Year:
		layout = "2006"
	default:
		return time.Time{}, false
	}
	t, err := time.Parse(layout, string(d))
	return t, err == nil
}

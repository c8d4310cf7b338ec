package dates

import (
	"errors"
	"testing"

	"github.com/dossier-project/dossier/schema"
)

func TestParse(t *testing.T) {
	tests := []struct {
		in   string
		want schema.Date
	}{
		// ISO 8601 and RFC 3339.
		{"2017-10-24", "2017-10-24"},
		{" 2017-10-24\n", "2017-10-24"},
		{"2017-10-24T10:00:00Z", "2017-10-24"},
		{"2017-10-24T10:00:00.123+03:00", "2017-10-24"},
		{"2017-10-24T23:30:00-05:00", "2017-10-24"}, // the day as written, not in UTC
		{"2017-10-24 10:00", "2017-10-24"},
		{"2017/10/24", "2017-10-24"},
		{"20171024", "2017-10-24"},
		// RFC 1123, 822, 850, ANSIC.
		{"Tue, 24 Oct 2017 10:00:00 GMT", "2017-10-24"},
		{"Tue, 24 Oct 2017 10:00:00 +0300", "2017-10-24"},
		{"24 Oct 17 10:00 UTC", "2017-10-24"},
		{"Tuesday, 24-Oct-17 10:00:00 UTC", "2017-10-24"},
		{"Tue Oct 24 10:00:00 2017", "2017-10-24"},
		{"Tuesday, Oct 24 10:00 2017", "2017-10-24"}, // the year after the time
		// Written forms.
		{"24 October 2017", "2017-10-24"},
		{"24th October 2017", "2017-10-24"},
		{"24th of October, 2017", "2017-10-24"},
		{"October 24, 2017", "2017-10-24"},
		{"October 24th 2017", "2017-10-24"},
		{"Oct. 24, 2017", "2017-10-24"},
		{"Oct 24 2017", "2017-10-24"},
		{"Sept. 5, 2017", "2017-09-05"},
		{"24 october 2017", "2017-10-24"},
		{"Tuesday, 24 October 2017 10:00 GMT", "2017-10-24"},
		{"Tuesday, October 24, 2017 at 10:00 a.m.", "2017-10-24"},
		{"Published: 24 October 2017", "2017-10-24"},
		{"Updated on Oct 24, 2017 10:30 EDT", "2017-10-24"},
		{"\u00a0 24 October 2017\u00a0", "2017-10-24"},
		// Reuters-21578.
		{"26-FEB-1987 15:01:01.79", "1987-02-26"},
		{"3-MAR-1987 09:18:21.26", "1987-03-03"},
		{"27-MAR-1987 00:02:59.13RM", "1987-03-27"},
		{"27-MAR-1987 03:48:23.00F RM", "1987-03-27"},
		{"26-FEB-1987", "1987-02-26"},
		// Numeric day and month.
		{"24/10/2017", "2017-10-24"},   // only day-first is a date
		{"10/24/2017", "2017-10-24"},   // only month-first is a date
		{"05/05/2017", "2017-05-05"},   // either way the same
		{"24.10.2017", "2017-10-24"},   // dots are day-first
		{"04.05.2017", "2017-05-04"},   // dots are day-first
		{"24-10-2017", "2017-10-24"},   // hyphens too, when unambiguous
		{"29/02/2016", "2016-02-29"},   // leap day
		{"October 2017", "2017-10"},    // month precision
		{"Oct. 2017", "2017-10"},       //
		{"October of 2017", "2017-10"}, //
		{"2017-10", "2017-10"},         //
		{"2017", "2017"},               // year precision
	}
	for _, tt := range tests {
		got, err := Parse(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("Parse(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		in   string
		want error // nil: any error
	}{
		{"", ErrUnrecognised},
		{"   ", ErrUnrecognised},
		{"yesterday", ErrUnrecognised},
		{"Read: 2462", ErrUnrecognised},
		{"24 October 2017 Read: 2462", ErrUnrecognised}, // more than a date: Find's job
		{"Kaspersky says", ErrUnrecognised},
		{"04/05/2017", ErrAmbiguous},
		{"11/12/2017", ErrAmbiguous},
		{"24/10/17", nil},         // two-digit year
		{"2017-13-01", nil},       // no month 13
		{"2017-02-30", nil},       // no 30 February
		{"31 April 2017", nil},    // no 31 April
		{"30/02/2017", nil},       // neither way a date
		{"2017-13", nil},          // no month 13
		{"October 24", nil},       // no year
		{"Blursday, 24 Oct", nil}, // no year, unknown weekday
		{"99999", nil},
		{"31-FEB-1987 10:00:00.00", nil}, // no 31 February
		{"26-FOO-1987 10:00:00.00", nil}, // no month FOO
	}
	for _, tt := range tests {
		got, err := Parse(tt.in)
		if err == nil {
			t.Errorf("Parse(%q) = %q, want an error", tt.in, got)
			continue
		}
		if tt.want != nil && !errors.Is(err, tt.want) {
			t.Errorf("Parse(%q) error %v, want %v", tt.in, err, tt.want)
		}
	}
}

// Every date Parse returns is a valid schema.Date.
func FuzzParse(f *testing.F) {
	for _, s := range []string{"2017-10-24", "26-FEB-1987 15:01:01.79", "Oct. 24, 2017", "24/10/2017",
		"Tue, 24 Oct 2017 10:00:00 GMT", "October 2017", "0000-00-00", "Tue Oct 24 10:00:00 2017"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := Parse(s)
		if err != nil {
			return
		}
		if _, err := schema.ParseDate(string(d)); err != nil {
			t.Fatalf("Parse(%q) = %q, not a valid Date: %v", s, d, err)
		}
	})
}

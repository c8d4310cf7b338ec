package dates

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/dossier-project/dossier/schema"
)

// hit is a found expression as the tests write it: its text and date.
type hit struct {
	Text string
	Date schema.Date
}

// find runs Find over all of text and checks every span against it.
func find(t *testing.T, text string, ref schema.Date) []hit {
	t.Helper()
	runes := []rune(text)
	var hits []hit
	last := 0
	for _, f := range Find(runes, 0, len(runes), ref) {
		if !f.Valid(runes) {
			t.Errorf("Find(%q): span %+v is not the text at its offsets", text, f.Span)
		}
		if f.Start < last {
			t.Errorf("Find(%q): span %+v overlaps or precedes the one before", text, f.Span)
		}
		last = f.End
		hits = append(hits, hit{f.Text, f.Date})
	}
	return hits
}

func TestFind(t *testing.T) {
	const ref = "2017-10-24" // a Tuesday
	tests := []struct {
		text string
		ref  schema.Date
		want []hit
	}{
		// The model article: "In October" is the month of the article, and
		// the span leaves out the preposition.
		{"In October, Germany's Federal Office for Information Security (BSI) told Reuters", ref, []hit{{"October", "2017-10"}}},
		{"in October", "2017-09-30", []hit{{"October", "2016-10"}}},
		{"last October", ref, []hit{{"last October", "2016-10"}}},
		{"last October", "2017-12-01", []hit{{"last October", "2017-10"}}},
		{"next October", ref, []hit{{"next October", "2018-10"}}},
		{"this March", ref, []hit{{"this March", "2017-03"}}},
		{"since mid-October", ref, []hit{{"mid-October", "2017-10"}}},
		{"in early March", ref, []hit{{"early March", "2017-03"}}},
		{"In October last year", ref, []hit{{"October last year", "2016-10"}}},
		{"in March of next year", ref, []hit{{"March of next year", "2018-03"}}},
		// Written dates, with or without a year.
		{"On 24 October 2017 he said", "", []hit{{"24 October 2017", "2017-10-24"}}},
		{"on October 24, 2017,", "", []hit{{"October 24, 2017", "2017-10-24"}}},
		{"Oct. 24, 2017", "", []hit{{"Oct. 24, 2017", "2017-10-24"}}},
		{"Tuesday, October 24, 2017", "", []hit{{"Tuesday, October 24, 2017", "2017-10-24"}}},
		{"the 24th of October 2017", "", []hit{{"24th of October 2017", "2017-10-24"}}},
		{"SALVADOR, Feb 26 - Showers", "1987-02-26", []hit{{"Feb 26", "1987-02-26"}}},
		{"on October 24", ref, []hit{{"October 24", "2017-10-24"}}},
		{"on 3 November", ref, []hit{{"3 November", "2017-11-03"}}},            // nearer than 2016
		{"on December 28", "2018-01-05", []hit{{"December 28", "2017-12-28"}}}, // the year before
		{"on May 5", ref, []hit{{"May 5", "2017-05-05"}}},                      // five months before
		{"payable March 5", ref, []hit{{"March 5", "2018-03-05"}}},             // four months ahead
		{"Jun 10.0, Jul 7.0", ref, nil},                                        // figures in a table
		{"on October 24", "", nil},                                             // no year, no reference
		{"on February 29", ref, nil},                                           // no such day near 2017
		{"March 2015 and Oct. 2016", "", []hit{{"March 2015", "2015-03"}, {"Oct. 2016", "2016-10"}}},
		{"filed 2017-10-24, heard 24/10/2017", "", []hit{{"2017-10-24", "2017-10-24"}, {"24/10/2017", "2017-10-24"}}},
		{"on 04/05/2017", "", nil}, // ambiguous
		// Years.
		{"in 2016", "", []hit{{"2016", "2016"}}},
		{"since 2014, and by mid-2016", "", []hit{{"2014", "2014"}, {"mid-2016", "2016"}}},
		{"between 2014 and 2016", "", []hit{{"2014", "2014"}, {"2016", "2016"}}},
		{"in 2016-2017, and in 2015 or 2016", "", []hit{{"2016", "2016"}, {"2017", "2017"}, {"2015", "2015"}, {"2016", "2016"}}},
		{"in 2016 and 5000 more", "", []hit{{"2016", "2016"}}},
		{"2462 people read it", "", nil},
		{"Read: 2462", "", nil},
		{"in 2016.5 cases", "", nil},
		// Relative to the document date.
		{"yesterday", ref, []hit{{"yesterday", "2017-10-23"}}},
		{"Today and tomorrow", ref, []hit{{"Today", "2017-10-24"}, {"tomorrow", "2017-10-25"}}},
		{"last night", ref, []hit{{"last night", "2017-10-23"}}},
		{"he said on Tuesday", ref, []hit{{"Tuesday", "2017-10-24"}}},
		{"he said on Monday", ref, []hit{{"Monday", "2017-10-23"}}},
		{"he said Wednesday", ref, []hit{{"Wednesday", "2017-10-18"}}},
		{"by Friday", ref, []hit{{"Friday", "2017-10-27"}}},
		{"until Tuesday", ref, []hit{{"Tuesday", "2017-10-24"}}},
		{"until March", ref, []hit{{"March", "2018-03"}}},
		{"by October", ref, []hit{{"October", "2017-10"}}},
		{"last Tuesday", ref, []hit{{"last Tuesday", "2017-10-17"}}},
		{"next Tuesday", ref, []hit{{"next Tuesday", "2017-10-31"}}},
		{"next Friday", ref, []hit{{"next Friday", "2017-10-27"}}},
		{"this Friday", ref, []hit{{"this Friday", "2017-10-27"}}},
		{"on Sunday night", ref, []hit{{"Sunday night", "2017-10-22"}}},
		{"last year", ref, []hit{{"last year", "2016"}}},
		{"this year", ref, []hit{{"this year", "2017"}}},
		{"earlier this year", ref, []hit{{"earlier this year", "2017"}}},
		{"earlier this month", ref, []hit{{"earlier this month", "2017-10"}}},
		{"last month", "2017-01-10", []hit{{"last month", "2016-12"}}},
		{"last week", ref, []hit{{"last week", "2017-10-16"}}}, // the Monday of that week
		{"this week", "2017-10-29", []hit{{"this week", "2017-10-23"}}},
		{"next week", ref, []hit{{"next week", "2017-10-30"}}},
		{"two days ago", ref, []hit{{"two days ago", "2017-10-22"}}},
		{"3 weeks ago", ref, []hit{{"3 weeks ago", "2017-10-03"}}},
		{"a year ago", ref, []hit{{"a year ago", "2016"}}},
		{"12,000 week ago", ref, nil},
		{"six months ago", ref, []hit{{"six months ago", "2017-04"}}},
		// Relative dates need a reference precise enough.
		{"yesterday, last year, in October, on Tuesday, last week", "", nil},
		{"yesterday, in October, on Tuesday", "2017", nil},
		{"yesterday, but last year", "2017", []hit{{"last year", "2016"}}},
		{"in October", "2017-10", []hit{{"October", "2017-10"}}},
		{"yesterday", "not a date", nil},
		// Words that only look like months or weekdays.
		{"Theresa May said", ref, nil},
		{"a letter from May", ref, nil},
		{"in May's government", ref, nil},
		{"in May", ref, []hit{{"May", "2017-05"}}},
		{"you may march in october", ref, nil},
		{"October", ref, nil}, // a bare month names no time
		{"the Mondays", ref, nil},
	}
	for _, tt := range tests {
		t.Run(tt.text+"|"+string(tt.ref), func(t *testing.T) {
			got := find(t, tt.text, tt.ref)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Find(%q, ref %q) (-want +got):\n%s", tt.text, tt.ref, diff)
			}
		})
	}
}

// Offsets are code points into the whole text, also with a window that
// starts past multi-byte characters.
func TestFindOffsets(t *testing.T) {
	text := "Préambule — «\u00a0Überwachung\u00a0» : In October, Kaspersky’s chief said on Tuesday that 24 October 2017 was fine. Ignored: last year"
	runes := []rune(text)
	start := strings.Index(text, "In October")
	start = len([]rune(text[:start]))
	end := len([]rune(text[:strings.Index(text, "Ignored")]))
	got := Find(runes, start, end, "2017-10-24")
	want := []string{"October", "Tuesday", "24 October 2017"}
	if len(got) != len(want) {
		t.Fatalf("Find found %v, want %v", got, want)
	}
	for i, f := range got {
		if f.Text != want[i] || string(runes[f.Start:f.End]) != f.Text || !f.Valid(runes) {
			t.Errorf("found %+v, want text %q at its own offsets", f.Span, want[i])
		}
		if f.Start < start || f.End > end {
			t.Errorf("found %+v outside the window [%d,%d)", f.Span, start, end)
		}
	}
	// Windows out of range are clamped, never a panic.
	for _, w := range [][2]int{{-5, 3}, {10, 1 << 20}, {50, 10}, {0, 0}} {
		for _, f := range Find(runes, w[0], w[1], "2017-10-24") {
			if !f.Valid(runes) {
				t.Errorf("window %v: bad span %+v", w, f.Span)
			}
		}
	}
}

// The model article: every date expression in it, resolved against the
// date on its date line.
func TestFindModelArticle(t *testing.T) {
	text := "Cybersecurity firm Kaspersky says spying for Kremlin would kill our business\n\n" +
		"\u00a0 24 October 2017\u00a0 \u00a0 \u00a0  Read: 2462\n" +
		"In October, Germany's Federal Office for Information Security (BSI) told Reuters that it had no evidence."
	got := find(t, text, "2017-10-24")
	want := []hit{{"24 October 2017", "2017-10-24"}, {"October", "2017-10"}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func ExampleFind() {
	text := []rune("In October, the BSI told Reuters it had no evidence; last year it said so on Tuesday.")
	for _, f := range Find(text, 0, len(text), "2017-10-24") {
		fmt.Printf("%q [%d,%d) %s\n", f.Text, f.Start, f.End, f.Date)
	}
	// Output:
	// "October" [3,10) 2017-10
	// "last year" [53,62) 2016
	// "Tuesday" [77,84) 2017-10-24
}

// Find never panics, and its spans are always the text at their offsets,
// in order and without overlap.
func FuzzFind(f *testing.F) {
	for _, s := range []string{"In October, last year, on Tuesday", "24 October 2017", "Oct. 24, 2017 and 2017-10-24",
		"3 weeks ago in mid-2016", "\xff\xfe October 5", "May 5"} {
		f.Add(s, 0, 100, "2017-10-24")
	}
	f.Fuzz(func(t *testing.T, s string, start, end int, ref string) {
		runes := []rune(s)
		last := 0
		for _, fd := range Find(runes, start, end, schema.Date(ref)) {
			if !fd.Valid(runes) || fd.Start < last || fd.Start < start || fd.End > end {
				t.Fatalf("Find(%q, %d, %d, %q): bad span %+v", s, start, end, ref, fd.Span)
			}
			last = fd.End
			if _, err := schema.ParseDate(string(fd.Date)); err != nil {
				t.Fatalf("Find(%q): date %q: %v", s, fd.Date, err)
			}
		}
	})
}

func BenchmarkFind(b *testing.B) {
	text := []rune(strings.Repeat("In October, Germany's Federal Office for Information Security (BSI) told Reuters on Tuesday that it had no evidence to support the US media reports of last year. ", 20))
	b.SetBytes(int64(len(string(text))))
	for b.Loop() {
		Find(text, 0, len(text), "2017-10-24")
	}
}

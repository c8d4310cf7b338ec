package extract

import (
	"strings"
	"testing"

	"github.com/dossier-project/dossier/schema"
)

// TestCommaFirms checks that a firm named "X, Y and Co" that the
// recogniser cut at the comma is one name again, and that two firms of a
// list and a sentence's opening word are left as found.
func TestCommaFirms(t *testing.T) {
	for _, c := range []struct {
		text  string
		found []string // the names found, each "Type:Text", in order
		want  []string
	}{
		{"Underwriters are Zelkin, Marrow and Co Inc and others.",
			[]string{"Person:Zelkin", "Organization:Marrow and Co Inc"},
			[]string{"Organization:Zelkin, Marrow and Co Inc"}},
		{"It hired Tarvell, Quist & Co.",
			[]string{"Organization:Quist & Co"},
			[]string{"Organization:Tarvell, Quist & Co"}},
		// Two firms in a list.
		{"Managers are Orrin Tesk, Marrow and Co.",
			[]string{"Organization:Orrin Tesk", "Organization:Marrow and Co"},
			[]string{"Organization:Orrin Tesk", "Organization:Marrow and Co"}},
		// A sentence's opening word.
		{"Yesterday, Marrow and Co said so.",
			[]string{"Organization:Marrow and Co"},
			[]string{"Organization:Marrow and Co"}},
		// Two words before "and Co": a name of its own.
		{"He said, Zelkin Marrow and Co rose.",
			[]string{"Organization:Zelkin Marrow and Co"},
			[]string{"Organization:Zelkin Marrow and Co"}},
	} {
		runes := []rune(c.text)
		var found []Found
		from := 0
		for _, f := range c.found {
			typ, name, _ := strings.Cut(f, ":")
			i := strings.Index(c.text[from:], name)
			if i < 0 {
				t.Fatalf("%q not in %q", name, c.text)
			}
			start := len([]rune(c.text[:from+i]))
			found = append(found, Found{Span: schema.MakeSpan(runes, start, start+len([]rune(name))), Type: typ})
			from += i + len(name)
		}
		var got []string
		for _, f := range commaFirms(runes, found) {
			got = append(got, f.Type+":"+f.Text)
		}
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("%q: %q, want %q", c.text, got, c.want)
		}
	}
}

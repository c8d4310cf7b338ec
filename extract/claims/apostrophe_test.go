package claims

import (
	"testing"

	"github.com/dossier-project/dossier/extract/text"
	"github.com/dossier-project/dossier/schema"
)

// TestStraightQuoteApostrophe: the Reuters corpus writes an apostrophe as
// a straight double quote ("Iran"s inability"); read as a quotation mark
// it opened a quotation to the next blank line and the denial after it
// was lost. A real quotation still is one.
func TestStraightQuoteApostrophe(t *testing.T) {
	kuwait := [3]string{"Kuwait", schema.Place, schema.KindCountry}
	iran := [3]string{"Iran", schema.Place, schema.KindCountry}
	story := "Saudi output fell, given Iran\"s inability to export its quota.\n" +
		"    Kuwait, which has consistently denied quota violations, was estimated to be pumping 1.4 mln bpd."
	_, cs := allegationsOf(story, kuwait, iran)
	found := false
	for _, c := range cs {
		if c.Stance == schema.Deny && c.Cue.Text == "has consistently denied" {
			found = true
		}
	}
	if !found {
		t.Errorf("no denial after Iran\"s: %+v", cs)
	}
	for _, tc := range []struct {
		text string
		at   int
		want bool
	}{
		{"Iran\"s inability", 4, true},
		{"I don\"t think", 5, true},
		{"they\"re here", 4, true},
		{"said \"We deny it\"", 5, false},
		{"the word\"ends\" here", 8, false},
	} {
		rs := []rune(tc.text)
		tok := text.Token{Text: string(rs[tc.at]), Start: tc.at, End: tc.at + 1}
		if got := apostrophe(rs, tok); got != tc.want {
			t.Errorf("apostrophe(%q at %d) = %v, want %v", tc.text, tc.at, got, tc.want)
		}
	}
}

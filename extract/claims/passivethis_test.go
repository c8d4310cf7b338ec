package claims

import (
	"strings"
	"testing"

	"github.com/dossier-project/dossier/schema"
)

// TestPassiveThisDenied: "This was denied ... by X" after a report is X's
// denial of what "this" stands for ("this" is a pronoun there, not a
// time); "this was rejected by" a party refuses a proposal, no denial.
func TestPassiveThisDenied(t *testing.T) {
	hahn := [3]string{"Carl Hahn", schema.Person, ""}
	vw := [3]string{"Volkswagen", schema.Organization, schema.KindCompany}
	us := [3]string{"U.S.", schema.Place, ""}
	tests := []struct {
		name, text string
		ents       [][3]string
		deny       bool
	}{
		{"this was denied by", "Newspapers reported that Volkswagen lost money on hedging deals. This was denied at the time by Volkswagen chairman Carl Hahn.", [][3]string{vw, hahn}, true},
		{"this was rejected by", "The sources said the EC offered a compromise in last week's talks but that this was rejected by the U.S.", [][3]string{us}, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, cs := allegationsOf(tc.text, tc.ents...)
			got := false
			for _, c := range cs {
				if c.Stance == schema.Deny && strings.Contains(c.Cue.Text, "denied") && strings.EqualFold(c.Content.Text, "this") {
					got = true
				}
				if c.Stance == schema.Deny && strings.Contains(c.Cue.Text, "rejected") {
					got = true
				}
			}
			if got != tc.deny {
				t.Errorf("%q: deny of this = %v, want %v (claims %+v)", tc.text, got, tc.deny, cs)
			}
		})
	}
}

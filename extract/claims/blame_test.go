package claims

import (
	"testing"

	"github.com/dossier-project/dossier/schema"
)

// TestCriticismAndBlame: criticism that names the party of an act, and a
// harm blamed on a named party, allege; criticism of no party's act and a
// fall of prices explained do not.
func TestCriticismAndBlame(t *testing.T) {
	bonn := [3]string{"Bonn", schema.Place, schema.KindCity}
	baker := [3]string{"James Baker", schema.Person, ""}
	boeing := [3]string{"Boeing Co", schema.Organization, schema.KindCompany}
	tests := []struct {
		name, text string
		ents       [][3]string
		alleges    bool
	}{
		{"criticised X for an act", "The institutes criticised Bonn for increasing subsidies.", [][3]string{bonn}, true},
		{"criticised a party's act", "James Baker criticized Bonn's interest rate increases.", [][3]string{baker, bonn}, true},
		{"criticism of no party's act", "James Baker criticised the move as encouraging imports.", [][3]string{baker}, false},
		{"a harm caused by a named party", "The team said faulty repairs by Boeing Co caused the crash.", [][3]string{boeing}, true},
		{"a harm not caused", "The team said repairs by Boeing Co did not cause the crash.", [][3]string{boeing}, false},
		{"a fall of prices explained", "Dealers said selling by Boeing Co caused the fall in prices.", [][3]string{boeing}, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, cs := allegationsOf(tc.text, tc.ents...)
			got := false
			for _, c := range cs {
				got = got || c.Stance == schema.Allege
			}
			if got != tc.alleges {
				t.Errorf("%s\n allegation %v, want %v: %+v", tc.text, got, tc.alleges, cs)
			}
		})
	}
}

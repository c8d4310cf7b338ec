package claims

import (
	"testing"

	"github.com/dossier-project/dossier/schema"
)

// TestPeoplesPolicyCriticisedAndObservedActs: criticism of a people's
// policy or move ("criticised West German moves to raise rates") alleges
// it against the country the document names, but criticism of a proposal
// is an opinion; a speaker aware of others' wrongs, or an observer's "it",
// owns to nothing; forgeries are a wrong.
func TestPeoplesPolicyCriticisedAndObservedActs(t *testing.T) {
	baker := [3]string{"Baker", schema.Person, ""}
	wg := [3]string{"West Germany", schema.Place, schema.KindCountry}
	oz := [3]string{"Australia", schema.Place, schema.KindCountry}
	lukman := [3]string{"Lukman", schema.Person, ""}
	tests := []struct {
		name, text string
		ents       [][3]string
		alleges    bool
	}{
		{"a people's moves", "West Germany raised rates. Baker strongly criticised West German moves to raise key interest rates.", [][3]string{baker, wg}, true},
		{"a people's proposal", "Australia made a proposal. Baker criticized the Australian proposal on farm trade.", [][3]string{baker, oz}, false},
		{"aware of others' wrongs", "\"We are aware of the negative forces trying to manipulate the market,\" Lukman said.", [][3]string{lukman}, true},
		{"an observer's it", "\"It's just disguised cheating,\" one Japanese trader said.", nil, true},
		{"forgeries", "Lukman said the supposed contracts were forgeries.", [][3]string{lukman}, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			checkAlleges(t, tc.text, tc.alleges, tc.ents...)
		})
	}
}

// TestDeceitAndEvasionAllege: a phony document, evading justice, a tax or
// a liability, and a smear campaign are wrongs; evading market pressure
// is none.
func TestDeceitAndEvasionAllege(t *testing.T) {
	sec := [3]string{"the agency", schema.Organization, ""}
	tests := []struct {
		name, text string
		alleges    bool
	}{
		{"a phony invoice", "The agency said the firm billed the buyer in a phony invoice.", true},
		{"evading liability", "The agency said the two companies were trying to evade the liability question.", true},
		{"a smear campaign", "The agency said the union was conducting a smear campaign against the firm.", true},
		{"evading pressure", "The agency said many firms borrow so that they can evade new dividend pressure.", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			checkAlleges(t, tc.text, tc.alleges, sec)
		})
	}
}

package claims

import (
	"testing"

	"github.com/dossier-project/dossier/schema"
)

func TestInvestigationsOfANamedParty(t *testing.T) {
	biaggi := [3]string{"Mario Biaggi", schema.Person, ""}
	garcia := [3]string{"Robert Garcia", schema.Person, ""}
	oxy := [3]string{"Occidental", schema.Organization, ""}
	thiokol := [3]string{"Morton Thiokol", schema.Organization, ""}
	cia := [3]string{"CIA", schema.Organization, ""}
	vw := [3]string{"Volkswagen", schema.Organization, ""}
	ents := [][3]string{biaggi, garcia, oxy, thiokol, cia, vw}
	tests := []struct {
		text, target string
	}{
		{"Law enforcement sources say two Bronx congressmen, Mario Biaggi and Robert Garcia, are under investigation.", "Mario Biaggi"},
		{"Colombian tax authorities are investigating Occidental, a U.S.-owned firm.", "Occidental"},
		{"An FBI criminal investigation into Morton Thiokol began in late January.", "Morton Thiokol"},
		// A thing investigated, questions asked, a denied or possible
		// investigation: no one suspected.
		{"Noranda said the police are each conducting an investigation into the fire.", ""},
		{"He said he made public statements after making inquiries of the CIA.", ""},
		{"The Bundesbank sent an expert to help investigations into activities involving Volkswagen's dealing room.", ""},
		{"Occidental denied that it was under investigation.", ""},
		{"Regulators are considering an investigation of Occidental.", ""},
	}
	for _, tc := range tests {
		var sel [][3]string
		for _, e := range ents {
			sel = append(sel, e)
		}
		_, cs := allegationsOf(tc.text, sel...)
		got := ""
		for _, c := range cs {
			if c.Stance == schema.Allege && got == "" {
				got = "?"
				for _, e := range ents {
					if string(c.Target) == schema.Key(e[1], e[0]) {
						got = e[0]
					}
				}
			}
		}
		if got != tc.target {
			t.Errorf("%s\n allegation against %q, want %q: %+v", tc.text, got, tc.target, cs)
		}
	}
}

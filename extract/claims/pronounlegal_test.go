package claims

import (
	"testing"

	"github.com/dossier-project/dossier/schema"
)

func TestSuitsAgainstTheSpeakerAndUnlistedCompanies(t *testing.T) {
	iroq := [3]string{"Iroquois Brands Ltd", schema.Organization, ""}
	lyon := [3]string{"Lyon Food Cos Inc", schema.Organization, ""}
	am := [3]string{"Associated Metals", schema.Organization, ""}
	dlj := [3]string{"Donaldson Lufkin and Jenrette Inc", schema.Organization, ""}
	smith := [3]string{"John Smith", schema.Person, ""}
	tests := []struct {
		text   string
		ents   [][3]string
		target string
	}{
		{"Iroquois Brands Ltd said it has been sued by Lyon Food Cos Inc which is seeking 2.3 mln dlrs in damages.", [][3]string{iroq, lyon}, "Iroquois Brands Ltd"},
		{"Associated Metals said it sued <Donaldson Lufkin and Jenrette Inc>, the New York investment bank, for 65 mln dlrs.", [][3]string{am, dlj}, "Donaldson Lufkin and Jenrette Inc"},
		// "he" is no company's; a suit that may come is none.
		{"Iroquois Brands Ltd said he has been sued by Lyon Food Cos Inc.", [][3]string{iroq, lyon}, ""},
		{"John Smith said he could be sued by Lyon Food Cos Inc.", [][3]string{smith, lyon}, ""},
	}
	for _, tc := range tests {
		_, cs := allegationsOf(tc.text, tc.ents...)
		got := ""
		for _, c := range cs {
			if c.Stance == schema.Allege && got == "" {
				got = "?"
				for _, e := range tc.ents {
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

package claims

import (
	"testing"

	"github.com/dossier-project/dossier/schema"
)

// TestTheCompanyThatSpoke: "the company" that speaks is the company that
// spoke before it, not the latest company named; one that never spoke
// before a descriptor keeps the latest company.
func TestTheCompanyThatSpoke(t *testing.T) {
	atlas := [3]string{"Atlas Inc", schema.Organization, schema.KindCompany}
	boreal := [3]string{"Boreal Corp", schema.Organization, schema.KindCompany}
	tests := []struct {
		name, text string
		want       string // the claimant of the second sentence's claim
	}{
		{"the company that spoke", "Atlas Inc said a court reinstated a verdict against it and in favor of Boreal Corp. The company said it will challenge the ruling.", "org/atlas-inc"},
		{"no company spoke before", "A court reinstated a verdict against Atlas Inc and in favor of Boreal Corp. The company said it was pleased.", "org/boreal-corp"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, cs := allegationsOf(tc.text, atlas, boreal)
			got := ""
			for _, c := range cs {
				if c.Sentence == 1 && c.Cue.Text == "said" {
					got = string(c.Claimant)
				}
			}
			if got != tc.want {
				t.Errorf("claimant %q, want %q: %+v", got, tc.want, cs)
			}
		})
	}
}

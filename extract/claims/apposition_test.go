package claims

import (
	"testing"

	"github.com/dossier-project/dossier/schema"
)

// TestClaimantsAffiliationIsNoTarget: the body a claimant is named with
// before the cue ("Professor at Rutgers", "staff associate at the
// Project", "of Case Western Reserve University") is the claimant's side,
// never the accused, even when the allegation names no party.
func TestClaimantsAffiliationIsNoTarget(t *testing.T) {
	chang := [3]string{"Steve Chang", schema.Person, ""}
	rutgers := [3]string{"Rutgers University", schema.Organization, schema.KindUniversity}
	morrison := [3]string{"Kenneth Morrison", schema.Person, ""}
	gap := [3]string{"Government Accountability Project", schema.Organization, schema.KindNGO}
	for _, tc := range []struct {
		text string
		ents [][3]string
	}{
		{`But Steve Chang, Professor of Food Science at Rutgers University, said, "Palm oil is definitely not good for human health."`,
			[][3]string{chang, rutgers}},
		{"Kenneth Morrison, staff associate at the Government Accountability Project, said inspectors consistently disclose violations of federal law.",
			[][3]string{morrison, gap}},
		{"Steve Chang of Rutgers University said some aspirin makers misled physicians.",
			[][3]string{chang, rutgers}},
	} {
		_, cs := allegationsOf(tc.text, tc.ents...)
		n := 0
		for _, c := range cs {
			if c.Stance != schema.Allege {
				continue
			}
			n++
			if e := string(c.Target); e == "org/rutgers-university" || e == "org/government-accountability-project" {
				t.Errorf("%s\n target %s: the claimant's own body", tc.text, e)
			}
		}
		if n == 0 {
			t.Errorf("%s\n no allegation", tc.text)
		}
	}
}

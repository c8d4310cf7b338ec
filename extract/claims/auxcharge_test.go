package claims

import (
	"strings"
	"testing"

	"github.com/dossier-project/dossier/schema"
)

// TestChargeAfterAuxiliary holds that the one who charges is the subject
// before the verb's auxiliaries and adverbs ("has charged", "had earlier
// charged", "also charged"), and that the verb is passive only after a
// form of "be" among them ("was also charged") or when inverted ("Also
// charged were ..."). Sentences written for the test in the style of
// Reuters-21578 stories whose charges had lost their claimant, or been
// read as passives against the one who charges.
func TestChargeAfterAuxiliary(t *testing.T) {
	for _, tc := range []struct {
		name, text    string
		ents          [][3]string
		claimant, obj string // the claimant's entity or words; an accused subject
	}{
		{"has charged", "The Bolivian government has charged that the strike by the miners union is part of a destabilisation plan.",
			nil, "The Bolivian government", ""},
		{"had earlier charged", "Acme Corp had earlier charged that Brown received confidential information from a banker.",
			[][3]string{{"Acme Corp", schema.Organization, schema.KindCompany}, {"Brown", schema.Person, ""}}, "org/acme-corp", ""},
		{"also charged", "The 12-nation Community also charged that Japan had dumped computer chips in third countries.",
			nil, "The 12-nation Community", ""},
		{"was also charged", "Brown was also charged with securities and wire fraud.",
			[][3]string{{"Brown", schema.Person, ""}}, "", "per/brown"},
		{"inverted", "Also charged were Brown, an Israeli, and two firms he used.",
			[][3]string{{"Brown", schema.Person, ""}}, "", "per/brown"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := sentenceInput(tc.text, tc.ents...)
			out := Extract(in)
			checkOutput(t, in, out)
			var c *schema.Claim
			for i := range out.Claims {
				if strings.Contains(out.Claims[i].Cue.Text, "charged") {
					c = &out.Claims[i]
				}
			}
			if c == nil {
				t.Fatalf("no claim cued by charged in %+v", out.Claims)
			}
			if c.Stance != schema.Allege {
				t.Errorf("stance %s, want allege", c.Stance)
			}
			got := c.ClaimantText
			if c.Claimant != "" {
				got = string(c.Claimant)
			}
			if got != tc.claimant {
				t.Errorf("claimant %q, want %q", got, tc.claimant)
			}
			if tc.obj != "" && string(c.Target) != tc.obj {
				t.Errorf("target %v, want %s", c.Target, tc.obj)
			}
		})
	}
}

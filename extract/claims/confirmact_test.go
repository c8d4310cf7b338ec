package claims

import (
	"testing"

	"github.com/dossier-project/dossier/schema"
)

// TestAccusedConfirmsTheAct: the accused, or one who speaks for it,
// confirming the act alleged against it acknowledges it (the annotation
// guide's "confirm the act"); an authority confirming the act, or the
// accused confirming something else, stays a confirmation.
func TestAccusedConfirmsTheAct(t *testing.T) {
	carlton := [3]string{"Carlton Inc", schema.Organization, schema.KindCompany}
	sec := [3]string{"SEC", schema.Organization, schema.KindAgency}
	const accused = "Prosecutors accused Carlton Inc of bribing customs officials in Nigeria. "
	for _, tc := range []struct {
		name, text string
		want       schema.Stance
	}{
		{"the accused", accused + "Carlton Inc confirmed that it had bribed customs officials.", schema.Acknowledge},
		{"its spokesman", accused + "A Carlton Inc spokesman confirmed the company had bribed customs officials.", schema.Acknowledge},
		{"an authority", accused + "The SEC confirmed that Carlton Inc had bribed customs officials.", schema.Confirm},
		{"something else", accused + "Carlton Inc confirmed that it had received a takeover offer.", schema.Confirm},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, cs := allegationsOf(tc.text, carlton, sec)
			var c *schema.Claim
			for i := range cs {
				if cs[i].Cue.Text == "confirmed" {
					c = &cs[i]
				}
			}
			if c == nil {
				t.Fatalf("no claim cued \"confirmed\": %+v", cs)
			}
			if c.Stance != tc.want {
				t.Errorf("stance %s, want %s: %+v", c.Stance, tc.want, cs)
			}
		})
	}
}

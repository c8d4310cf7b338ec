package claims

import (
	"testing"

	"github.com/dossier-project/dossier/schema"
)

// TestNegatedFrame: a wrong in the clause of a negated belief, finding or
// suggestion is not asserted, nor is an allegation whose subject negates
// it; a negated doubt asserts what follows.
func TestNegatedFrame(t *testing.T) {
	baxter := [3]string{"Baxter", schema.Person, ""}
	jefferies := [3]string{"Boyd Jefferies", schema.Person, ""}
	japan := [3]string{"Japan", schema.Place, schema.KindCountry}
	tests := []struct {
		name, text string
		alleges    bool
	}{
		{"a negated belief", "Baxter also said he does not believe that any other Jefferies employees will be cited for wrongdoing.", false},
		{"a finding not made", "Baxter said the administration had not made a final determination that Japanese companies had dumped semiconductors.", false},
		{"no information to suggest", "Baxter said he had no information to suggest the Pentagon had broken off talks with Boyd Jefferies because of the illegal exports by Japan.", false},
		{"no one alleged", "Baxter said no governmental authority has ever alleged any such activity on Boyd Jefferies' part.", false},
		{"no doubt", `Baxter said, "There is no doubt Japan is dumping chips."`, true},
		{"an allegation not negated", "Baxter said Japan had dumped semiconductors below cost.", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			checkAlleges(t, tc.text, tc.alleges, baxter, jefferies, japan)
		})
	}
}

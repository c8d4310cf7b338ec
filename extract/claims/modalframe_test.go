package claims

import (
	"testing"

	"github.com/dossier-project/dossier/schema"
)

// TestModalFrame: a modal on the verb that would charge or find leaves
// its clause unasserted ("could now charge that", "would find ... had
// violated"); the charge or finding made asserts it.
func TestModalFrame(t *testing.T) {
	hall := [3]string{"Hall", schema.Person, ""}
	gatt := [3]string{"GATT", schema.Organization, schema.KindInternational}
	us := [3]string{"U.S.", schema.Place, schema.KindCountry}
	tests := []struct {
		name, text string
		alleges    bool
	}{
		{"a charge that could come", "The French corn growers could now charge that U.S. farm programs create an unfair subsidy for corn gluten feed, Hall said.", false},
		{"a finding hoped for", "It said it hoped GATT would find the U.S. retaliation had violated the regulations of the global trading group.", false},
		{"a charge made", "The French corn growers charged that U.S. farm programs create an unfair subsidy for corn gluten feed, Hall said.", true},
		{"a finding made", "It said GATT found the U.S. retaliation had violated the regulations of the global trading group.", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			checkAlleges(t, tc.text, tc.alleges, hall, gatt, us)
		})
	}
}

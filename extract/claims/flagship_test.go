package claims

import (
	"testing"

	"github.com/dossier-project/dossier/schema"
)

// An attack on a ship named by its flag is a wrong however many words
// the flag takes; an attack no one is said to have made stays none.
func TestAttackOnFlaggedShip(t *testing.T) {
	us := [3]string{"United States", schema.Place, schema.KindCountry}
	iran := [3]string{"Iran", schema.Place, schema.KindCountry}
	for _, c := range []struct {
		text string
		want bool
	}{
		{"The United States said the raid answered an Iranian missile attack on the American-flagged Kuwaiti tanker last Friday.", true},
		{"The United States said the raid answered Friday's Iranian missile attack on a U.S. flag tanker.", true},
		{"The United States said the raid answered an Iranian missile strike against the United States-flag ship.", true},
		{"The United States said the raid answered an Iranian attack on a Kuwaiti tanker.", true},
		{"The United States said the raid answered Iran's capture of a Kuwaiti tanker.", false},
	} {
		checkAlleges(t, c.text, c.want, us, iran)
	}
}

package claims

import (
	"testing"

	"github.com/dossier-project/dossier/schema"
)

// A side's claim of the killing its own forces did in a war is no
// allegation; the killing it tells of another's forces is.
func TestOwnForcesKilling(t *testing.T) {
	iraq := [3]string{"Iraq", schema.Place, schema.KindCountry}
	iran := [3]string{"Iran", schema.Place, schema.KindCountry}
	for _, c := range []struct {
		text string
		want bool
	}{
		{"Iraq said today its troops had killed thousands of Iranians in checking a new offensive.", false},
		{"Iraq said its forces had repulsed the attack, killing thousands of Iranians.", false},
		{"Iran said its troops had killed or wounded more than 4,000 Iraqis.", false},
		{"Iraq said Iranian troops had killed hundreds of civilians in the border town.", true},
	} {
		checkAlleges(t, c.text, c.want, iraq, iran)
	}
}

package claims

import (
	"testing"

	"github.com/dossier-project/dossier/schema"
)

// TestComplianceWithALimitDenies: a party's statement that it keeps within
// or below a quota or ceiling, adheres to it, or that no member exceeds
// it, denies a charge of breaking it; a forecast, a compliance asked for
// or to come, a bare "within limits" and a quota system do not.
func TestComplianceWithALimitDenies(t *testing.T) {
	subroto := [3]string{"Subroto", schema.Person, ""}
	tests := []struct {
		name, text string
		deny       bool
	}{
		{"below the quota", "Subroto said OPEC production was below the 15.8 mln bpd quota.", true},
		{"within the quotas", "Subroto said all OPEC states are producing within the quotas allocated to them.", true},
		{"adhering to quotas", "Subroto said all countries are strictly adhering to their quotas.", true},
		{"no member exceeding", "Subroto said no OPEC member was exceeding oil production quotas.", true},
		{"a forecast within limits", "Subroto said the companies will probably follow the Saudi wants within limits.", false},
		{"adherence asked for", "Subroto said OPEC members must adhere to their quotas.", false},
		{"by adhering", "Subroto said prices can be stabilised by adhering to the accords.", false},
		{"a quota system", "Subroto said exports are sold under the quota system.", false},
		{"a policy of its own", "Subroto said the government has adhered to a tight fiscal policy.", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, cs := allegationsOf(tc.text, subroto)
			deny := false
			for _, c := range cs {
				deny = deny || c.Stance == schema.Deny
			}
			if deny != tc.deny {
				t.Errorf("%s\n denial %v, want %v: %+v", tc.text, deny, tc.deny, cs)
			}
		})
	}
}

// TestDataCueIsNoAnswer: what figures or a survey show ("a Reuter survey
// shows OPEC output ... well below the ceiling") is a measure, not a
// party's answer, so compliance it states denies nothing; what a party
// says does.
func TestDataCueIsNoAnswer(t *testing.T) {
	for _, tc := range []struct {
		lemma string
		data  bool
	}{{"show", true}, {"reveal", true}, {"estimate", true}, {"say", false}, {"tell", false}} {
		if got := dataCue(&draft{v: &verb{lemma: tc.lemma}}); got != tc.data {
			t.Errorf("dataCue(%q) = %v, want %v", tc.lemma, got, tc.data)
		}
	}
	if dataCue(&draft{}) {
		t.Error("a claim without a cue verb taken for figures")
	}
}

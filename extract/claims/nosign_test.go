package claims

import (
	"testing"

	"github.com/dossier-project/dossier/schema"
)

// TestNoSignOfWrong: a content that opens with a finding of no wrong ("no
// concrete signs that the regulations had been broken", "no evidence rules
// were broken") denies; no sign of something that is no wrong, and a
// finding given as the reason for something else, do not.
func TestNoSignOfWrong(t *testing.T) {
	bank := [3]string{"Hesse central bank", schema.Organization, schema.KindGovernment}
	tests := []struct {
		name, text string
		deny       bool
	}{
		{"no concrete signs rules broken", "The Hesse central bank said there were no concrete signs that the regulations had been broken.", true},
		{"no evidence rules were broken", "The Hesse central bank said there is no evidence rules were broken.", true},
		{"no indication of fraud", "The Hesse central bank said it had found no indication of fraud.", true},
		{"no sign of a recovery", "The Hesse central bank said there were no signs of a recovery in lending.", false},
		{"a reason for something else", "The Hesse central bank said there are no plans to act against the firm since it has no evidence that rules were broken.", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, cs := allegationsOf(tc.text, bank)
			got := false
			for _, c := range cs {
				if c.Cue.Text == "said" && c.Stance == schema.Deny {
					got = true
				}
			}
			if got != tc.deny {
				t.Errorf("%q: deny = %v, want %v (claims %+v)", tc.text, got, tc.deny, cs)
			}
		})
	}
}

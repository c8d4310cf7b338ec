package claims

import (
	"testing"

	"github.com/dossier-project/dossier/schema"
)

// TestQuotaExceededAlleges: a party said to produce or sell above its
// quota or ceiling is alleged to break it, whatever the reporting verb;
// the party's own statement that it was over its quota owns to it, and
// one that it will exceed it, or a farm surplus called overproduction,
// alleges nothing.
func TestQuotaExceededAlleges(t *testing.T) {
	traders := [3]string{"the traders", schema.Person, ""}
	acme := [3]string{"Acmeland", schema.Place, ""}
	tests := []struct {
		name, text string
		ents       [][3]string
		stance     schema.Stance // the stance of the claim, "" for no allegation or answer
	}{
		{"above its quota", "The traders said Acmeland was pumping well above its quota in May.", [][3]string{traders, acme}, schema.Allege},
		{"over its limits", "The traders said Acmeland was producing 200,000 bpd over its self-imposed limits.", [][3]string{traders, acme}, schema.Allege},
		{"exceeded the ceiling", "The traders said Acmeland exceeded the ceiling agreed in March.", [][3]string{traders, acme}, schema.Allege},
		{"own statement", "Acmeland said it was over its quota in May.", [][3]string{acme}, schema.Acknowledge},
		{"an act to come", "Acmeland said it will exceed its quota to pay its debts.", [][3]string{acme}, ""},
		{"a farm surplus", "The traders said overproduction had driven prices down.", [][3]string{traders}, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, cs := allegationsOf(tc.text, tc.ents...)
			var got schema.Stance
			for _, c := range cs {
				if c.Stance == schema.Allege || c.Stance == schema.Acknowledge || c.Stance == schema.Deny {
					got = c.Stance
				}
			}
			if got != tc.stance {
				t.Errorf("%s\n stance %q, want %q: %+v", tc.text, got, tc.stance, cs)
			}
		})
	}
}

// TestCoordinatedModalAsserts: a modal that opens a second verb phrase
// after "and" ("discriminated against imports and would damage ...") is
// that phrase's; the wrong before it is asserted. A modal after the wrong
// in its own phrase still makes it hypothetical.
func TestCoordinatedModalAsserts(t *testing.T) {
	opp := [3]string{"Opponents of the bill", schema.Person, ""}
	tests := []struct {
		name, text string
		alleges    bool
	}{
		{"and would", "Opponents of the bill said the proposal discriminated against imports and would damage exporters.", true},
		{"would after the wrong", "Opponents of the bill said discriminating against imports would damage exporters.", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			checkAlleges(t, tc.text, tc.alleges, opp)
		})
	}
}

package claims

import (
	"testing"

	"github.com/dossier-project/dossier/schema"
)

// TestSuspectedOrPossibleWrongAlleges: "suspected" or "possible" before a
// wrong hedges it as "alleged" does, even inside an investigation of it;
// guarding against a possible wrong, or a possible deal, alleges nothing.
func TestSuspectedOrPossibleWrongAlleges(t *testing.T) {
	acme := [3]string{"Acme", schema.Organization, schema.KindCompany}
	tests := []struct {
		name, text string
		alleges    bool
	}{
		{"a suspected swindle", "Acme fired its treasurer after news emerged of the suspected currency swindle.", true},
		{"a possible fraud", "The possible fraud resulted in a management shake-up at Acme.", true},
		{"an investigation into possible violations", "The agency opened an investigation into possible violations of securities laws by Acme.", true},
		{"guarding against a possible wrong", "Acme adopted rules to prevent possible fraud in its branches.", false},
		{"a possible deal", "Acme is studying a possible merger with a rival.", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			checkAlleges(t, tc.text, tc.alleges, acme)
		})
	}
}

package claims

import (
	"testing"

	"github.com/dossier-project/dossier/schema"
)

// TestTradeInjuryRulings: an authority's ruling or finding that imports
// injure an industry alleges it, with "that" after a time or the ruling's
// maker, or without "that" after "ruled today"; an open ruling
// ("whether"), a finding of no evidence and workers injured in a blast do
// not.
func TestTradeInjuryRulings(t *testing.T) {
	tribunal := [3]string{"Ruritanian Import Tribunal", schema.Organization, ""}
	tests := []struct {
		name, text string
		alleges    bool
	}{
		{"ruled today, no that", "The Ruritanian Import Tribunal ruled today subsidized corn imports were injurious to local growers and upheld a duty.", true},
		{"the ruling by X that", "Farmers reacted to the ruling earlier today by the Ruritanian Import Tribunal that subsidized corn imports were injurious to local growers.", true},
		{"found that imports injured", "The Ruritanian Import Tribunal found that orange juice imports have injured local producers.", true},
		{"a finding that", "The minister is disappointed by a finding that foreign corn has injured local corn growers.", true},
		{"a ruling whether", "The Ruritanian Import Tribunal will announce its final ruling whether corn exports to the region have injured local corn growers.", false},
		{"no evidence", "The Ruritanian Import Tribunal ruled against a new trial, finding no evidence that the judge was biased.", false},
		{"workers injured", "The Ruritanian Import Tribunal said two workers were injured in a blast at the plant.", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			checkAlleges(t, tc.text, tc.alleges, tribunal)
		})
	}
}

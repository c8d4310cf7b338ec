package claims

import (
	"testing"

	"github.com/dossier-project/dossier/schema"
)

// TestDismissalPastAnInsertedClause: the accused's word that a suit or
// the allegations are without merit or false holds when a clause set off
// by commas stands between the noun and its predicate ("the suit, which
// alleges that Carlton infringed ..., is without merit", "the
// allegations, made by a group of shareholders, are false"); the wrong
// told in the relative clause is the suit's, not one the speaker alleges.
func TestDismissalPastAnInsertedClause(t *testing.T) {
	baxter := [3]string{"Baxter Industries", schema.Organization, schema.KindCompany}
	carlton := [3]string{"Carlton Inc", schema.Organization, schema.KindCompany}
	ents := [][3]string{baxter, carlton}
	for _, tc := range []struct {
		name, text string
		want       schema.Stance
		linked     bool
	}{
		{"a relative clause with its own cue", "Baxter Industries sued Carlton Inc in federal court. Carlton said the suit, which alleges that Carlton infringed on Baxter patents, is without merit.",
			schema.Deny, true},
		{"a participle clause", "Baxter Industries accused Carlton Inc of misleading investors. Carlton said the allegations, made by a group of shareholders, are false.",
			schema.Deny, true},
		{"no allegation named before the clause", "Baxter Industries accused Carlton Inc of misleading investors. Carlton said the figures, made public on Monday, are false.",
			schema.Say, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			checkSecondSentence(t, tc.text, ents, "said", tc.want, tc.linked, "")
		})
	}
}

package claims

import (
	"testing"

	"github.com/dossier-project/dossier/schema"
)

// TestNoneOfItsPeopleDenies: the accused's word that none of its people
// did the act ("no member of its board was involved in hiding the
// losses"), that it knew nothing of it, or that it had nothing to do with
// it states the opposite of what is alleged, in its words; a quantifier
// over things ("no decision was made") or a nothing that shares no word
// with the allegation answers nothing.
func TestNoneOfItsPeopleDenies(t *testing.T) {
	carlton := [3]string{"Carlton Inc", schema.Organization, schema.KindCompany}
	const accused = "Shareholders accused Carlton Inc of hiding losses from investors last year. "
	for _, tc := range []struct {
		name, text string
		want       schema.Stance
		linked     bool
	}{
		{"no member of its board", accused + "Carlton said no member of its board was involved in hiding the losses.", schema.Deny, true},
		{"none of its officers", accused + "Carlton said none of its officers had hidden any losses.", schema.Deny, true},
		{"knew nothing about", accused + "Carlton said it knew nothing about the hidden losses.", schema.Deny, true},
		{"nothing to do with", accused + "Carlton said it had nothing to do with the losses.", schema.Deny, true},
		{"no decision", accused + "Carlton said no decision had been made on its dividend.", schema.Say, false},
		{"nothing to add", accused + "Carlton said it had nothing to add.", schema.Say, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			checkSecondSentence(t, tc.text, [][3]string{carlton}, "said", tc.want, tc.linked, "states the opposite")
		})
	}
}

package claims

import (
	"testing"

	"github.com/dossier-project/dossier/schema"
)

// TestOfficerTitleSpeaksForItsCompany: a person the document titles an
// officer of a company right before the name ("Carlton chief financial
// officer John Smith", "Carlton's chairman John Smith") answers for the
// company: his "We have done nothing wrong" answers the one allegation
// against it. A person titled an officer of no company in the document
// answers for none.
func TestOfficerTitleSpeaksForItsCompany(t *testing.T) {
	carlton := [3]string{"Carlton Inc", schema.Organization, schema.KindCompany}
	smith := [3]string{"John Smith", schema.Person, ""}
	const accused = "Shareholders accused Carlton Inc of hiding losses from investors last year. "
	for _, tc := range []struct {
		name, text string
		linked     bool
	}{
		{"a prenominal title", accused + `Carlton Inc chief financial officer John Smith said: "We have done nothing wrong."`, true},
		{"a possessive title", accused + `Carlton Inc's chairman John Smith said: "We have done nothing wrong."`, true},
		{"a title of no company", accused + `Senior economist John Smith said: "We have done nothing wrong."`, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			checkSecondSentence(t, tc.text, [][3]string{carlton, smith}, "said", schema.Deny, tc.linked, "answers for Carlton")
		})
	}
}

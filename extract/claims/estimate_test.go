package claims

import (
	"testing"

	"github.com/dossier-project/dossier/schema"
)

func TestEstimatesAndNamesOfWrongdoers(t *testing.T) {
	opec := [3]string{"OPEC", schema.Organization, ""}
	kuwait := [3]string{"Kuwait", schema.Place, schema.KindCountry}
	uae := [3]string{"United Arab Emirates", schema.Place, schema.KindCountry}
	acme := [3]string{"Acme Corp", schema.Organization, ""}
	tests := []struct {
		text string
		want bool
	}{
		{"Traders and analysts in international oil markets estimate OPEC is producing up to one mln bpd above a ceiling of 15.8 mln bpd agreed in Geneva last December.", true},
		{"They named Kuwait and the United Arab Emirates, along with the much smaller producer Ecuador, among those producing above quota.", true},
		// An estimate of no wrong, a name given to no wrongdoer.
		{"Analysts estimate Acme Corp will earn 2.5 mln dlrs this year.", false},
		{"Acme Corp named a new chairman and listed its assets as 40 mln dlrs.", false},
		// The estimate's own figure, or a question, alleges nothing.
		{"The losses were estimated at 40 mln dlrs by Acme Corp.", false},
		{"Traders estimate whether OPEC is producing above its ceiling.", false},
	}
	for _, tc := range tests {
		checkAlleges(t, tc.text, tc.want, opec, kuwait, uae, acme)
	}
}

func TestAGroupDoesNotCallItselfIt(t *testing.T) {
	us := [3]string{"United States", schema.Place, schema.KindCountry}
	// "it" after a plural speaker is another party: the group alleges.
	_, cs := allegationsOf("The United States defended its sales of stockpiled tin in reaction to criticism from Malaysian miners who have said it violated an agreement with southeast Asian producers.", us)
	alleged, owned := false, false
	for _, c := range cs {
		alleged = alleged || c.Stance == schema.Allege && c.Cue.Text == "have said"
		owned = owned || c.Stance == schema.Acknowledge
	}
	if !alleged || owned {
		t.Errorf("miners who said it violated: allegation %v, acknowledgement %v, want true, false: %+v", alleged, owned, cs)
	}
	// A company's "it" is still its own.
	acme := [3]string{"Acme Corp", schema.Organization, ""}
	_, cs = allegationsOf("Acme Corp said it violated the agreement.", acme)
	owned = false
	for _, c := range cs {
		owned = owned || c.Stance == schema.Acknowledge
	}
	if !owned {
		t.Errorf("Acme said it violated: want an acknowledgement: %+v", cs)
	}
	_, cs = allegationsOf("The United States said it violated the agreement.", us)
	owned = false
	for _, c := range cs {
		owned = owned || c.Stance == schema.Acknowledge
	}
	if !owned {
		t.Errorf("the United States said it violated: want an acknowledgement: %+v", cs)
	}
	if !pluralSpeaker("some Malaysian miners") || pluralSpeaker("the business") || pluralSpeaker("Reuters's") || pluralSpeaker("") {
		t.Errorf("pluralSpeaker misreads a speaker")
	}
}

func TestACompanysPeopleSpeakOfThemselves(t *testing.T) {
	wedtech := [3]string{"Wedtech", schema.Organization, ""}
	_, cs := allegationsOf("Wedtech executives have said they paid bribes to about 20 government officials.", wedtech)
	owned, alleged := false, false
	for _, c := range cs {
		owned = owned || c.Stance == schema.Acknowledge
		alleged = alleged || c.Stance == schema.Allege
	}
	if !owned || alleged {
		t.Errorf("Wedtech executives said they paid bribes: acknowledgement %v, allegation %v, want true, false: %+v", owned, alleged, cs)
	}
}

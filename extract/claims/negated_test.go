package claims

import (
	"testing"

	"github.com/dossier-project/dossier/schema"
)

func TestANegatedChargeAllegesNothing(t *testing.T) {
	acme := [3]string{"Acme Corp", schema.Organization, ""}
	alex := [3]string{"John Alexander", schema.Person, ""}
	tests := []struct {
		text string
		want bool
	}{
		{"Acme Corp said it was not charged in John Alexander's indictment.", false},
		{"Acme Corp has never been charged with fraud.", false},
		{"The bank will continue its policy of not charging any annual fee to card holders.", false},
		{"No one has charged Acme Corp with fraud.", false},
		// The negation of another verb leaves the charge alone.
		{"Acme Corp was charged with fraud.", true},
		{"John Alexander was not involved in the alleged fraud at Acme Corp.", true},
	}
	for _, tc := range tests {
		checkAlleges(t, tc.text, tc.want, acme, alex)
	}
	if negatedStep(tokensForTest("no doubt charged"), 2) {
		t.Errorf("'no doubt' negates nothing")
	}
}

// tokensForTest lower-cases the words of s as tokens.
func tokensForTest(s string) []tok {
	var ts []tok
	start := 0
	for _, w := range splitWords(s) {
		ts = append(ts, tok{text: w, low: w, start: start, end: start + len(w)})
		start += len(w) + 1
	}
	return ts
}

func splitWords(s string) []string {
	var out []string
	w := ""
	for _, r := range s {
		if r == ' ' {
			if w != "" {
				out = append(out, w)
			}
			w = ""
			continue
		}
		w += string(r)
	}
	if w != "" {
		out = append(out, w)
	}
	return out
}

func TestCriticismOfADecisionAllegesNothing(t *testing.T) {
	canada := [3]string{"Canada", schema.Place, schema.KindCountry}
	guinness := [3]string{"Guinness", schema.Organization, ""}
	ward := [3]string{"Thomas Ward", schema.Person, ""}
	tests := []struct {
		text string
		want bool
	}{
		{"U.S. corn growers criticised Canada's corn ruling.", false},
		{"Thomas Ward criticised Guinness's fee complaint.", false},
		// A party criticised for an act, or its practices, is alleged against.
		{"Thomas Ward criticised Guinness for concealing the fee.", true},
		{"U.S. corn growers criticised Canada's unfair trade practices.", true},
	}
	for _, tc := range tests {
		checkAlleges(t, tc.text, tc.want, canada, guinness, ward)
	}
}

func TestAccusedOfBeingSomethingIsACharacterisation(t *testing.T) {
	us := [3]string{"United States", schema.Place, schema.KindCountry}
	tests := []struct {
		text string
		want bool
	}{
		{"He accused the United States of being irrational.", false},
		{"Right-wingers are accusing the United States of being soft in the face of the offensive.", false},
		// Being party to an act, or a wrong named, is an allegation.
		{"He accused the United States of being involved in the raid.", true},
		{"He accused the United States of being behind the attack on the tanker.", true},
		{"He accused the United States of being dishonest.", true},
	}
	for _, tc := range tests {
		checkAlleges(t, tc.text, tc.want, us)
	}
}

func TestAWrongBarredByAnInjunctionIsNoneDone(t *testing.T) {
	barred := tokensForTest("sweet issued a preliminary injunction barring vaskevitch and other defendants in the case from committing further violations of securities laws")
	if w := wrongIn(barred, 0, len(barred)); w >= 0 {
		t.Errorf("a wrong barred by an injunction read as done at %d (%s)", w, barred[w].low)
	}
	done := tokensForTest("vaskevitch and other defendants in the case were committing further violations of securities laws")
	if w := wrongIn(done, 0, len(done)); w < 0 {
		t.Errorf("a wrong done not read")
	}
}

func TestAPriceChargedIsNoCharge(t *testing.T) {
	kuwait := [3]string{"Kuwait", schema.Place, schema.KindCountry}
	acme := [3]string{"Acme Corp", schema.Organization, ""}
	tests := []struct {
		text string
		want bool
	}{
		{"Because Kuwait was charging its official price, it had lost custom.", false},
		{"Acme Corp has had to start charging interest expenses against income.", false},
		{"Acme Corp was charged with fraud.", true},
	}
	for _, tc := range tests {
		checkAlleges(t, tc.text, tc.want, kuwait, acme)
	}
}

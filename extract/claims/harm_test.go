package claims

import (
	"testing"

	"github.com/dossier-project/dossier/schema"
)

// TestAttacksAndHealthHazardsAllege: aggression, an attack with a doer on
// those who are no party to a fight, and a danger to health said of a
// product allege; an attack told as an event with no doer, a supposed one
// ("any attack ... will"), a danger guarded against and charges the
// content calls untrue do not.
func TestAttacksAndHealthHazardsAllege(t *testing.T) {
	ruritania := [3]string{"Ruritania", schema.Place, ""}
	officials := [3]string{"the officials", schema.Person, ""}
	scientists := [3]string{"the scientists", schema.Person, ""}
	growers := [3]string{"Acme Growers", schema.Organization, schema.KindCompany}
	tests := []struct {
		name, text string
		ents       [][3]string
		stance     schema.Stance // a stance one claim must have; "" for no allegation or answer at all
	}{
		{"aggression", "The officials said Ruritania had undertaken an act of armed aggression.", [][3]string{officials, ruritania}, schema.Allege},
		{"attacks on shipping", "The officials said the rigs were used to launch speedboat attacks on neutral shipping.", [][3]string{officials}, schema.Allege},
		{"a named attacker", "The officials said the raid was a response to a Ruritanian missile attack on a tanker.", [][3]string{officials}, schema.Allege},
		{"an attack with no doer", "The officials said the threat had increased after the missile attack on a tanker.", [][3]string{officials}, ""},
		{"a supposed attack", "The officials said any Ruritanian violation of the accord will bring a forceful response.", [][3]string{officials}, ""},
		{"hazardous to consumers", "The scientists said some tropical oils can be hazardous to consumers.", [][3]string{scientists}, schema.Allege},
		{"a health risk", "The scientists said more saturated fat is a health risk.", [][3]string{scientists}, schema.Allege},
		{"contributes to heart disease", "The scientists said palm oil contributes to heart disease.", [][3]string{scientists}, schema.Allege},
		{"a test for risks", "The scientists said the booths test for 55 major health risks.", [][3]string{scientists}, ""},
		{"charges called untrue", "Acme Growers said the charges by the scientists that palm oil consumption increases blood cholesterol levels and contributes to heart disease are untrue.",
			[][3]string{growers, scientists}, schema.Deny},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, cs := allegationsOf(tc.text, tc.ents...)
			found, any := false, false
			for _, c := range cs {
				found = found || c.Stance == tc.stance
				any = any || c.Stance == schema.Allege || c.Stance == schema.Acknowledge || c.Stance == schema.Deny
			}
			if tc.stance == "" && any || tc.stance != "" && !found {
				t.Errorf("%s\n want %q: %+v", tc.text, tc.stance, cs)
			}
		})
	}
}

// TestKillingByNoParty: "kill" names a wrong only when a party takes
// lives: a disaster's toll, victims counted in the passive with no doer,
// and a plan or viruses "killed" are none.
func TestKillingByNoParty(t *testing.T) {
	police := [3]string{"the police", schema.Person, ""}
	acme := [3]string{"Acme", schema.Organization, schema.KindCompany}
	tests := []struct {
		name, text string
		alleges    bool
	}{
		{"a party kills", "The police said the gunmen killed two villagers.", true},
		{"a passive with its doer", "The police said two villagers were killed by the gunmen.", true},
		{"a fire's toll", "Acme said the mine was shut by a fire that trapped 44 miners and killed one.", false},
		{"a crash's toll", "The police said the 1985 crash of a Boeing 747 which killed 520 people was caused by a storm.", false},
		{"victims with no doer", "Six workers were killed and four injured in a rock fall at the mine, Acme said.", false},
		{"a plan killed", "Acme said the committee will try to kill the amendment.", false},
		{"viruses killed", "Acme said ozone can kill viruses in waste water.", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			checkAlleges(t, tc.text, tc.alleges, police, acme)
		})
	}
}

// TestWrongAsTopic: a wrong named as a matter of rules or talk ("a
// definition of insider trading", "fines for merchants who violate the
// measure", "preventing investors from manipulating"), or "rape" the
// oilseed, is no allegation; the same wrong done by a party is.
func TestWrongAsTopic(t *testing.T) {
	cox := [3]string{"Cox", schema.Person, ""}
	tests := []struct {
		name, text string
		alleges    bool
	}{
		{"done", "Cox said the brokers engaged in insider trading.", true},
		{"a definition", "Cox said a definition of insider trading is desirable.", false},
		{"avoidance", "Cox called for avoidance of predatory trade practices.", false},
		{"a generic doer", "Cox said the decree sets fines for merchants who violate the price controls.", false},
		{"a named doer", "Cox said Acme violated the price controls.", true},
		{"prevented", "Cox said the order aims at preventing large investors from manipulating the exchange.", false},
		{"rape the crop", "Cox said winter rape plantings were forecast at 627,000 hectares.", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			checkAlleges(t, tc.text, tc.alleges, cox)
		})
	}
}

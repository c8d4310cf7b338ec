package claims

import (
	"testing"

	"github.com/dossier-project/dossier/schema"
)

// A passive "charged" that books a cost, asks a price or gives a task is no
// charge; one "with" a wrong still is.
func TestChargedBookedOrTasked(t *testing.T) {
	ge := [3]string{"General Electric", schema.Organization, schema.KindCompany}
	for _, c := range []struct {
		text string
		want bool
	}{
		{"General Electric said restructuring provisions of 308 mln dlrs were charged against operations in the first quarter.", false},
		{"The expenses will be charged against fourth quarter results, it said.", false},
		{"The company said the amount to be charged to prior periods had not been determined.", false},
		{"Subsequently, interest would be charged at a maximum nine pct for personal loans, he said.", false},
		{"He said central plans would be abandoned and enterprises charged with developing their own plans.", false},
		{"A manager was charged with the task of reviewing the accounts, General Electric said.", false},
		{"A General Electric manager was charged with fraud, prosecutors said.", true},
		{"A General Electric manager was charged with the theft of 5 mln dlrs, prosecutors said.", true},
	} {
		checkAlleges(t, c.text, c.want, ge)
	}
}

// "also charged" is the active verb of a charge, whatever follows it.
func TestAlsoChargedTheAgreement(t *testing.T) {
	ec := [3]string{"Community", schema.Organization, schema.KindGovernment}
	checkAlleges(t, "The 12-nation Community also charged the agreement gave Japanese firms an unfair advantage.", true, ec)
}

// "illegal aliens" are people and a "poison pill" a takeover defence: no
// wrong of a party; an illegal sale still is one.
func TestIllegalAliensAndPoisonPills(t *testing.T) {
	usda := [3]string{"USDA", schema.Organization, schema.KindGovernment}
	for _, c := range []struct {
		text string
		want bool
	}{
		{"USDA said the rules would offer amnesty to illegal aliens who worked on farms.", false},
		{"USDA said producers fear they will be unable to retain the many illegal aliens who work there.", false},
		{"USDA said the bill would cover defensive mechanisms such as poison pills.", false},
		{"USDA said the company made illegal sales of grain to Iran.", true},
	} {
		checkAlleges(t, c.text, c.want, usda)
	}
}

package claims

import (
	"testing"

	"github.com/dossier-project/dossier/schema"
)

// TestLawCase: a wrong that a bill's or a law's purpose names is the kind
// of conduct the law deals with, no party's act; one that the law aims at
// a party named before it stays an allegation.
func TestLawCase(t *testing.T) {
	gephardt := [3]string{"Richard Gephardt", schema.Person, ""}
	reagan := [3]string{"Ronald Reagan", schema.Person, ""}
	toshiba := [3]string{"Toshiba Machine", schema.Organization, schema.KindCompany}
	tests := []struct {
		name, text string
		ents       [][3]string
		alleges    bool
	}{
		{"legislation to penalize a class", "Richard Gephardt is sponsoring legislation to penalize nations with large deficits and which are guilty of unfair trade practices.",
			[][3]string{gephardt}, false},
		{"a bill to retaliate in cases", "Congress is weighing a trade bill to force the president to retaliate in certain cases of unfair trade practices.",
			nil, false},
		{"a bill requiring retaliation", `Ronald Reagan said he would veto a House-passed trade bill requiring mandatory retaliation for "unfair trade" if it reached his desk.`,
			[][3]string{reagan}, false},
		{"a bill against a named party", "The Senate passed a bill to penalize Toshiba Machine for its illegal exports to the Soviet Union.",
			[][3]string{toshiba}, true},
		{"a law broken", "Ronald Reagan said Toshiba Machine violated the law to win Soviet orders.",
			[][3]string{reagan, toshiba}, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			checkAlleges(t, tc.text, tc.alleges, tc.ents...)
		})
	}
}

package claims

import (
	"testing"

	"github.com/dossier-project/dossier/schema"
)

// Insider trading and unfair trade practices named as a matter of policy
// allege nothing; named as a party's act, or as a case, they do. Verbs of preventing in any form
// keep the wrong they govern from being alleged.
func TestKindOfConductAndPreventing(t *testing.T) {
	shad := [3]string{"Shad", schema.Person, ""}
	boesky := [3]string{"Boesky", schema.Person, ""}
	for _, c := range []struct {
		text string
		want bool
	}{
		{`"Insider trading makes up only a tiny fraction of one pct of daily securities trading," Shad said.`, false},
		{"Shad said insider trading accounted for only 11 percent of the agency's enforcement activities.", false},
		{"Shad said talks were aimed at reaching a pact to limit insider dealing.", false},
		{"Shad said the group acted out of investor fears about insider trading and fairness in the marketplace.", false},
		{"Shad said the equipment is able to detect illegal drugs in cargo.", false},
		{"Shad said the rules were aimed at preventing unfair use of inside information.", false},
		{"Shad said Boesky engaged in insider trading.", true},
		{"Shad said Boesky's insider trading cost investors millions.", true},
		{"Shad said the exchange began an inquiry amid suspicions of insider trading by Boesky.", true},
		{"Shad said Boesky profited from insider trading in Cadbury shares.", true},
		{`"We cannot allow it to be jeopardized by unfair trading practices," Shad added in the statement.`, false},
		{"Shad said the administration's tools for dealing with unfair trade practices met the need for firmness.", false},
		{"Shad said Boesky's unfair trade practices had hurt American exporters.", true},
		{"Shad said Boesky engaged in unfair trade practices.", true},
	} {
		checkAlleges(t, c.text, c.want, shad, boesky)
	}
}

package claims

import (
	"strings"
	"testing"

	"github.com/dossier-project/dossier/schema"
)

// TestConvictionAlleges: a conviction for a wrong is the court's
// allegation against the convicted, as an indictment is ("convicted of
// seven counts of mail and wire fraud"), passive, active or a headline's
// participle; a conviction that may come ("If convicted") and one for no
// wrong the lexicon names are none.
func TestConvictionAlleges(t *testing.T) {
	alexander := [3]string{"Donald Alexander", schema.Person, ""}
	levine := [3]string{"Dennis Levine", schema.Person, ""}
	deaver := [3]string{"Michael Deaver", schema.Person, ""}
	tests := []struct {
		name, text string
		ents       [][3]string
		target     string // "" when no allegation is wanted
	}{
		{"passive, with counts", "Donald Alexander was convicted in the United States District Court in Tulsa of seven counts of mail and wire fraud.",
			[][3]string{alexander}, "Donald Alexander"},
		{"active, the jury convicts", "A federal jury convicted Donald Alexander of mail fraud on Friday.",
			[][3]string{alexander}, "Donald Alexander"},
		{"on charges", "Dennis Levine was convicted on insider trading charges last year.",
			[][3]string{levine}, "Dennis Levine"},
		{"in a relative clause", "Dennis Levine, who was convicted of securities fraud last year, will testify.",
			[][3]string{levine}, "Dennis Levine"},
		{"a conviction that may come", "If convicted of perjury, Michael Deaver faces a maximum penalty of 25 years in prison.",
			[][3]string{deaver}, ""},
		{"no wrong named", "Dennis Levine was convicted on February 12 in a scheme involving soft drinks.",
			[][3]string{levine}, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, cs := allegationsOf(tc.text, tc.ents...)
			var got *schema.Claim
			for i := range cs {
				if cs[i].Stance == schema.Allege {
					got = &cs[i]
					break
				}
			}
			switch {
			case tc.target == "" && got != nil:
				t.Errorf("%s\n allegation %+v, want none", tc.text, *got)
			case tc.target != "" && got == nil:
				t.Errorf("%s\n no allegation: %+v", tc.text, cs)
			case tc.target != "" && !strings.HasSuffix(string(got.Target), slug(tc.target)):
				t.Errorf("%s\n target %q, want %s", tc.text, got.Target, tc.target)
			}
		})
	}
}

package claims

import (
	"testing"

	"github.com/dossier-project/dossier/schema"
)

// TestPleaToCountsAlleges: the counts or charges a party pleads guilty to
// are the prosecution's allegation, beside the plea's acknowledgement;
// counts of nothing wrong, or counts not pleaded to, are none.
func TestPleaToCountsAlleges(t *testing.T) {
	smith := [3]string{"John Smith", schema.Person, ""}
	tests := []struct {
		name, text string
		alleges    bool
	}{
		{"counts of violations", "John Smith said he agreed to plead guilty to two felony counts of securities violations.", true},
		{"charges for fraud", "John Smith said he would plead guilty to charges for mail fraud.", true},
		{"counts of nothing wrong", "John Smith said he would plead guilty to two counts of the indictment.", false},
		{"a vote count", "John Smith said the count of votes for the merger was delayed.", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, cs := allegationsOf(tc.text, smith)
			alleged, acknowledged := false, false
			for _, c := range cs {
				alleged = alleged || c.Stance == schema.Allege
				acknowledged = acknowledged || c.Stance == schema.Acknowledge
			}
			if alleged != tc.alleges {
				t.Errorf("%s\n allegation %v, want %v: %+v", tc.text, alleged, tc.alleges, cs)
			}
			if tc.alleges && !acknowledged {
				t.Errorf("%s\n the plea should still acknowledge: %+v", tc.text, cs)
			}
		})
	}
}

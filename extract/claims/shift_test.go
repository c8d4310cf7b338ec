package claims

import (
	"testing"

	"github.com/dossier-project/dossier/schema"
)

// TestShiftingTheBlame: the accused's word that what it is charged with
// was caused by another party or by circumstances denies the charge and
// answers it; a cause that is its own, a result that is no harm, a cause
// named of a noun, a condition, or the same words with nothing alleged do
// not.
func TestShiftingTheBlame(t *testing.T) {
	lockwood := [3]string{"Lockwood Corp", schema.Organization, schema.KindCompany}
	grain := [3]string{"Continental Grain", schema.Organization, schema.KindCompany}
	tests := []struct {
		name, text string
		ents       [][3]string
		cue        string
		want       schema.Stance
	}{
		{"delayed due to bad weather", "A daily reported that Continental Grain faces a penalty for its alleged failure to maintain the shipment schedule. Continental Grain said the shipment was delayed due to bad weather at the port.",
			[][3]string{grain}, "said", schema.Deny},
		{"caused by the union's strike", "The Teamsters accused Acme Corp of causing the delays in the plant's construction. Acme Corp said the delays were caused by the strike.",
			[][3]string{union, acme}, "said", schema.Deny},
		{"blamed the delays on another", "The Teamsters accused Lockwood Corp of delays in the frigate program. Lockwood blamed the delays on the Navy.",
			[][3]string{union, lockwood}, "blamed", schema.Deny},
		{"a cause of its own", "The Teamsters accused Acme Corp of causing the delays in the plant's construction. Acme Corp said the delays were caused by its own engineering errors.",
			[][3]string{union, acme}, "said", schema.Say},
		{"a result that is no harm", "The Teamsters accused Acme Corp of causing the delays in the plant's construction. Acme Corp said its construction profits were higher due to strong demand.",
			[][3]string{union, acme}, "said", schema.Say},
		{"a cause named of a noun", "The Teamsters accused Acme Corp of causing the delays in the plant's construction. Acme Corp said it repaired construction delays caused by the strike.",
			[][3]string{union, acme}, "said", schema.Say},
		{"a condition", "The Teamsters accused Acme Corp of causing the delays in the plant's construction. Acme Corp said it would pay if the delays were caused by the strike.",
			[][3]string{union, acme}, "said", schema.Say},
		{"nothing alleged", "Acme Corp opened a plant on Monday. Acme Corp said the delays were caused by the strike.",
			[][3]string{acme}, "said", schema.Say},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			want := tc.want == schema.Deny
			reason := ""
			if want {
				reason = "lays the cause elsewhere"
			}
			checkSecondSentence(t, tc.text, tc.ents, tc.cue, tc.want, want, reason)
		})
	}
}

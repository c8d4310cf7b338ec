package claims

import (
	"testing"

	"github.com/dossier-project/dossier/schema"
)

// TestContestsCharge: the accused's word that it won the case brought
// against it, that a ruling against it is wrong, or that it disagrees with the complaint denies what is
// alleged against it and answers it; the same words with nothing alleged,
// from the accuser, negated, or about a case won against another stay
// statements.
func TestContestsCharge(t *testing.T) {
	baxter := [3]string{"Baxter Industries", schema.Organization, schema.KindCompany}
	carlton := [3]string{"Carlton Inc", schema.Organization, schema.KindCompany}
	tests := []struct {
		name, text string
		ents       [][3]string
		want       schema.Stance
		linked     bool
		reason     string
	}{
		{"won the suit brought against it", "Baxter Industries filed a suit alleging that Carlton Inc misled investors. Carlton said it won the suit brought against it by Baxter.",
			[][3]string{baxter, carlton}, schema.Deny, true, "won the case"},
		{"the ruling was incorrect", "A federal judge ruled that Carlton Inc violated the antitrust laws. Carlton said the ruling by the judge was incorrect.",
			[][3]string{carlton}, schema.Deny, true, "wrong"},
		{"disagreed with the complaint", "Baxter Industries filed a suit alleging that Carlton Inc misled investors. Carlton said it disagreed with the complaint.",
			[][3]string{baxter, carlton}, schema.Deny, true, "disagrees"},
		{"a judgment won against another", "Baxter Industries filed a suit alleging that Carlton Inc misled investors. Carlton said it won a judgment against Baxter Industries in another case.",
			[][3]string{baxter, carlton}, schema.Say, false, ""},
		{"did not win", "Baxter Industries filed a suit alleging that Carlton Inc misled investors. Carlton said it did not win the case.",
			[][3]string{baxter, carlton}, schema.Say, false, ""},
		{"considers the judgment unjustified", "A jury found that Carlton Inc breached its supply contract with Baxter Industries. Carlton said it considers the judgment unjustified and will seek to have it overturned.",
			[][3]string{baxter, carlton}, schema.Deny, true, "wrong"},
		{"the verdict was unfair", "A jury found that Carlton Inc breached its supply contract with Baxter Industries. Carlton said the verdict was unfair.",
			[][3]string{baxter, carlton}, schema.Deny, true, "wrong"},
		{"the ruling is in error", "A federal judge ruled that Carlton Inc violated the antitrust laws. Carlton said the ruling is in error.",
			[][3]string{carlton}, schema.Deny, true, "wrong"},
		{"has meritorious defenses", "Baxter Industries filed a suit alleging that Carlton Inc misled investors. Carlton said it believes it has good and meritorious defenses to the suit.",
			[][3]string{baxter, carlton}, schema.Deny, true, "defences"},
		{"will ask the court to dismiss the suit", "Baxter Industries filed a suit alleging that Carlton Inc misled investors. Carlton said it will ask the court to dismiss the suit.",
			[][3]string{baxter, carlton}, schema.Deny, true, "dismissal"},
		{"will seek dismissal of the charges", "Baxter Industries filed a suit alleging that Carlton Inc misled investors. Carlton said it would seek dismissal of the charges.",
			[][3]string{baxter, carlton}, schema.Deny, true, "dismissal"},
		{"no legal basis", "Baxter Industries filed a suit alleging that Carlton Inc misled investors. Carlton said the suit had no legal basis.",
			[][3]string{baxter, carlton}, schema.Deny, true, ""},
		{"defences of another kind", "Baxter Industries filed a suit alleging that Carlton Inc misled investors. Carlton said its takeover defenses were strong.",
			[][3]string{baxter, carlton}, schema.Say, false, ""},
		{"a verdict not called unfair", "A federal judge ruled that Carlton Inc violated the antitrust laws. Carlton said the verdict was not unfair.",
			[][3]string{carlton}, schema.Say, false, ""},
		{"nothing alleged", "Carlton Inc met its bankers on Monday. Carlton said the ruling was incorrect.",
			[][3]string{carlton}, schema.Say, false, ""},
		{"the accuser's word", "Baxter Industries filed a suit alleging that Carlton Inc misled investors. Baxter said the ruling was incorrect.",
			[][3]string{baxter, carlton}, schema.Say, false, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			checkSecondSentence(t, tc.text, tc.ents, "said", tc.want, tc.linked, tc.reason)
		})
	}
}

// TestDismissedCase: a suit, an action or a charge dismissed is a finding
// for the party it was brought against, a denial of what it alleged,
// however the object is counted ("six of the nine actions"), and so is one
// thrown out; an appeal or a motion dismissed, or a thing thrown out that is
// no charge, is no denial.
func TestDismissedCase(t *testing.T) {
	carlton := [3]string{"Carlton Inc", schema.Organization, schema.KindCompany}
	for _, tc := range []struct {
		text string
		want bool
	}{
		{"Shareholders filed a suit alleging that Carlton Inc misled investors. A federal judge dismissed six of the nine actions involving punitive damages.", true},
		{"Shareholders filed a suit alleging that Carlton Inc misled investors. A federal judge dismissed the actions on Monday.", true},
		{"Shareholders filed a suit alleging that Carlton Inc misled investors. A federal judge dismissed the appeal by Carlton on Monday.", false},
		{"Shareholders filed a suit alleging that Carlton Inc misled investors. A federal judge threw out the suit on Monday.", true},
		{"Shareholders filed a suit alleging that Carlton Inc misled investors. Carlton threw out the old equipment on Monday.", false},
	} {
		_, cs := allegationsOf(tc.text, carlton)
		got := false
		for _, c := range cs {
			if (c.Cue.Text == "dismissed" || c.Cue.Text == "threw out") && c.Stance == schema.Deny {
				got = true
			}
		}
		if got != tc.want {
			t.Errorf("%q: a denial %v, want %v: %+v", tc.text, got, tc.want, cs)
		}
	}
}

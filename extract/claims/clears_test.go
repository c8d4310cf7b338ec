package claims

import (
	"testing"

	"github.com/dossier-project/dossier/extract/attrib"
	"github.com/dossier-project/dossier/schema"
)

// TestAuthorityClears: an authority's finding for the accused answers
// what is alleged against it, whatever the act's words: an acquittal, a
// party cleared of the charges (in the passive too), a verdict of not
// guilty, and a finding of no wrongdoing that names no one when the
// article accuses one party. "Cleared the way" and "votes exonerating the
// management" clear no one, and a finding of no wrongdoing near
// allegations against two parties answers neither.
func TestAuthorityClears(t *testing.T) {
	zentor := [3]string{"Zentor Corp", schema.Organization, schema.KindCompany}
	velka := [3]string{"Velka Bank", schema.Organization, schema.KindCompany}
	sec := [3]string{"SEC", schema.Organization, schema.KindAgency}
	const accused = "Shareholders accused Zentor Corp of hiding losses from investors last year. "
	m, err := attrib.Default()
	if err != nil {
		t.Fatal(err)
	}
	// With the trained model, as dossier runs: it finds "found" as a cue.
	claimsOf := func(text string, ents ...[3]string) []schema.Claim {
		in := sentenceInput(text, ents...)
		in.Model = m
		return Extract(in).Claims
	}
	for _, tc := range []struct {
		name, text, cue string
		want            schema.Stance
		linked          bool
	}{
		{"an acquittal", accused + "A federal jury acquitted Zentor Corp of fraud on Monday.", "acquitted", schema.Deny, true},
		{"cleared in the passive", accused + "Zentor Corp was cleared of the charges by a federal jury.", "cleared", schema.Deny, true},
		{"a verdict of not guilty", accused + "A federal judge found Zentor Corp not guilty.", "found", schema.Deny, true},
		{"no wrongdoing found, no one named", accused + "The SEC said it found no evidence of wrongdoing.", "said", schema.Deny, true},
		{"no wrongdoing found, two accused", "Shareholders accused Zentor Corp of hiding losses. Traders accused Velka Bank of rigging prices. The SEC said it found no evidence of wrongdoing.",
			"said", schema.Deny, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cs := claimsOf(tc.text, zentor, velka, sec)
			var c *schema.Claim
			for i := range cs {
				if cs[i].Cue.Text == tc.cue && cs[i].Stance != schema.Allege {
					c = &cs[i]
				}
			}
			if c == nil {
				t.Fatalf("no claim cued %q: %+v", tc.cue, cs)
			}
			if c.Stance != tc.want {
				t.Errorf("stance %s, want %s: %+v", c.Stance, tc.want, cs)
			}
			if got := len(c.RespondsTo) > 0; got != tc.linked {
				t.Errorf("linked %v, want %v: %+v", got, tc.linked, cs)
			}
		})
	}
	for _, text := range []string{
		accused + "The ruling cleared the way for the merger of Zentor Corp and Velka Bank.",
		accused + "Velka Bank said it would abstain in votes exonerating the Zentor Corp management.",
	} {
		cs := claimsOf(text, zentor, velka)
		for _, c := range cs {
			if c.Stance == schema.Deny {
				t.Errorf("%s\n a denial: %q %q", text, c.Cue.Text, c.Content.Text)
			}
		}
	}
}

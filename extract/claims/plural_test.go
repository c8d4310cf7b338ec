package claims

import (
	"testing"

	"github.com/dossier-project/dossier/schema"
)

// TestPluralDescriptionAccused: a plural description ("both men", "the two
// companies") accused of a wrong stands for the latest pair of parties of
// its kind joined by "and" before it, so the allegation has a target; it
// speaks for no one ("The companies said" keeps no claimant), and one named
// anywhere in the content but not as the wrong's doer is not the accused.
func TestPluralDescriptionAccused(t *testing.T) {
	guinness := [3]string{"Guinness", schema.Organization, schema.KindCompany}
	saunders := [3]string{"Ernest Saunders", schema.Person, ""}
	ward := [3]string{"Thomas Ward", schema.Person, ""}
	boeing := [3]string{"Boeing Co", schema.Organization, schema.KindCompany}
	seattle := [3]string{"Seattle", schema.Place, schema.KindCity}
	revlon := [3]string{"Revlon Group Inc", schema.Organization, schema.KindCompany}
	macandrews := [3]string{"MacAndrews", schema.Organization, schema.KindCompany}
	northrop := [3]string{"Northrop Corp", schema.Organization, schema.KindCompany}
	lockheed := [3]string{"Lockheed Corp", schema.Organization, schema.KindCompany}
	tests := []struct {
		name, text string
		ents       [][3]string
		target     string // the target of the allegation, "" for none
		claimant   string // the claimant of the last claim, "" for none
	}{
		{"both men", "Guinness said it has started court proceedings against former chairman Ernest Saunders and non-executive director Thomas Ward. " +
			"Guinness has said that both men breached their fiduciary duty in authorising the payment.",
			[][3]string{guinness, saunders, ward}, "Thomas Ward", "Guinness"},
		{"a pair of a description and a name", "Lawyers for both the airline and the Seattle-based Boeing Co argued that the suits should be handled in a Japanese court. " +
			"But lawyers for the victims' survivors said the two companies were trying to evade the liability question.",
			[][3]string{boeing, seattle}, "Boeing Co", ""},
		{"the companies say", "MacAndrews and Revlon Group Inc said they have entered into a definitive merger agreement. " +
			"The companies said the tender offer will expire on Tuesday.",
			[][3]string{macandrews, revlon}, "", ""},
		{"the firms, not the doer", "Northrop Corp and Lockheed Corp won the contracts. " +
			"The moves have helped cut waste and abuse by contractors but have also dictated that the firms assume much more risk, analysts said.",
			[][3]string{northrop, lockheed}, "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			in := sentenceInput(tc.text, tc.ents...)
			out := Extract(in)
			checkOutput(t, in, out)
			name := func(id string) string {
				for _, e := range in.Entities {
					if e.ID == id {
						return e.Name
					}
				}
				return id
			}
			target, alleged := "", false
			for _, c := range out.Claims {
				if c.Stance == schema.Allege {
					alleged = true
					if c.Target != "" {
						target = name(string(c.Target))
					}
				}
			}
			if tc.target != "" && !alleged {
				t.Fatalf("no allegation: %+v", out.Claims)
			}
			if target != tc.target {
				t.Errorf("target %q, want %q: %+v", target, tc.target, out.Claims)
			}
			last := out.Claims[len(out.Claims)-1]
			if got := name(string(last.Claimant)); last.Claimant == "" && tc.claimant != "" || last.Claimant != "" && got != tc.claimant {
				t.Errorf("claimant of %q: %q, want %q", last.Content.Text, got, tc.claimant)
			}
		})
	}
}

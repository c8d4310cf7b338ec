package claims

import (
	"testing"

	"github.com/dossier-project/dossier/extract/attrib"
	"github.com/dossier-project/dossier/schema"
)

// TestBeliefThatTheChargeIsBaseless: a belief that a charge is without
// merit denies it, as saying so does ("officers named as defendants
// believe it to be totally without merit"); what a complaint says its
// target knew ("statements which the station knew were untrue") is part
// of the allegation, no denial. And a vow to take the case to a higher
// court fights the ruling, as a vow to appeal it does.
func TestBeliefThatTheChargeIsBaseless(t *testing.T) {
	baxter := [3]string{"Baxter Industries", schema.Organization, schema.KindCompany}
	carlton := [3]string{"Carlton Inc", schema.Organization, schema.KindCompany}
	ents := [][3]string{baxter, carlton}
	m, err := attrib.Default()
	if err != nil {
		t.Fatal(err)
	}
	// With the trained model, as dossier runs: it finds "knew" as a cue.
	stanceOf := func(text, cue string) schema.Stance {
		in := sentenceInput(text, ents...)
		in.Model = m
		cs := Extract(in).Claims
		for _, c := range cs {
			if c.Cue.Text == cue {
				return c.Stance
			}
		}
		return ""
	}
	if got := stanceOf("Baxter Industries filed a suit alleging that Carlton Inc misled investors. Carlton officers believe it to be totally without merit.", "believe"); got != schema.Deny {
		t.Errorf("a belief that the suit is without merit: %s, want deny", got)
	}
	if got := stanceOf("Carlton Inc said it sued Baxter Industries for damages. The suit alleges that the reports contained false statements which the stations knew were untrue.", "knew"); got == schema.Deny {
		t.Errorf("what the suit says the stations knew is a denial")
	}
	checkSecondSentence(t, "A federal jury found that Carlton Inc violated the antitrust laws. Carlton said it will take the case to the federal appeals court.",
		ents, "said", schema.Deny, true, "vows to fight")
}

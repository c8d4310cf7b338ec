package claims

import (
	"testing"

	"github.com/dossier-project/dossier/schema"
)

// TestRelativeSourceIsThePhraseBefore holds that the speaker of "who
// said", "which said" is the noun phrase the pronoun follows, not the
// clause that phrase ends: after a preposition that follows a verb ("came
// under fire from critics who claimed", "comments by local economists
// who said") or after a verb ("satisfying overseas critics who charged");
// "at", "in" and "of" stay inside the phrase ("an economist at a German
// bank, who"). Sentences written for the test in the style of Reuters-21578
// stories whose claimants ran back across the clause.
func TestRelativeSourceIsThePhraseBefore(t *testing.T) {
	smith := [3]string{"John Smith", schema.Person, ""}
	for _, tc := range []struct {
		name, text, cue string
		ents            [][3]string
		source          string
		claimant        string
	}{
		{"from", "Treasury Secretary John Smith came under fire from critics who claimed he helped to precipitate the crisis.",
			"claimed", [][3]string{smith}, "critics", ""},
		{"by", "He was reacting to comments by local economists who said the debt accord was no better than Mexico's.",
			"said", nil, "local economists", ""},
		{"against", "The minister defended the accord against critics who said it merely deferred the payments.",
			"said", nil, "critics", ""},
		{"verb", "The ministry has clarified its rules, satisfying overseas critics who said the rules were too tight.",
			"said", nil, "overseas critics", ""},
		{"at stays", "The price will rise, said an analyst at a major Wall Street firm who asked not to be named.",
			"said", nil, "an analyst at a major Wall Street firm", ""},
		{"the noun", "He criticised the report, which said he was now targeting sterling.",
			"said", nil, "the report", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := sentenceInput(tc.text, tc.ents...)
			out := Extract(in)
			checkOutput(t, in, out)
			var c *schema.Claim
			for i := range out.Claims {
				if out.Claims[i].Cue.Text == tc.cue {
					c = &out.Claims[i]
				}
			}
			if c == nil {
				t.Fatalf("no claim cued by %q in %+v", tc.cue, out.Claims)
			}
			if c.ClaimantText != tc.source {
				t.Errorf("claimant text %q, want %q", c.ClaimantText, tc.source)
			}
			if c.Claimant != schema.Ref(tc.claimant) {
				t.Errorf("claimant %q, want %q", c.Claimant, tc.claimant)
			}
		})
	}
}

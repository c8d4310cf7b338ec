package claims

import (
	"strings"
	"testing"

	"github.com/dossier-project/dossier/extract/attrib"
	"github.com/dossier-project/dossier/schema"
)

// TestOnlyAllegationAgainst: an answer by the accused whose words meet
// nothing of the allegation still answers it when it is the one
// allegation against the accused in the article, told within two
// sentences; not when two allegations are against it, when it is told
// far away, or when the answer is a refusal of what is to come.
func TestOnlyAllegationAgainst(t *testing.T) {
	zentor := [3]string{"Zentor Corp", schema.Organization, schema.KindCompany}
	critics := [3]string{"Greenwatch", schema.Organization, schema.KindOther}
	m, err := attrib.Default()
	if err != nil {
		t.Fatal(err)
	}
	const charge = "Greenwatch accused Zentor Corp of dumping toxic waste into the Velka river. "
	const filler = "The river runs through three towns. Fishing there is popular in summer. The towns hold a fair each June. "
	tests := []struct {
		name, text, answer string
		linked             bool
	}{
		{"the next sentence", charge + "Zentor Corp denied that its trucks had ever visited the site.", "trucks", true},
		{"the sentence before", "Zentor Corp denied that its trucks had ever visited the site. " + charge, "trucks", true},
		{"far away", charge + filler + "Zentor Corp denied that its trucks had ever visited the site.", "trucks", false},
		{"two allegations against it", charge + "Greenwatch also accused Zentor Corp of bribing the mayor. Zentor Corp denied that its trucks had ever visited the site.", "trucks", false},
		{"a refusal to come", charge + "Zentor Corp said it would not yield to blackmail by its trucks.", "trucks", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			in := sentenceInput(tc.text, zentor, critics)
			in.Model = m
			out := Extract(in)
			checkOutput(t, in, out)
			byID := map[string]schema.Claim{}
			for _, c := range out.Claims {
				byID[c.ID] = c
			}
			linked := false
			for _, c := range out.Claims {
				if c.Stance == schema.Allege || !strings.Contains(c.Content.Text, tc.answer) {
					continue
				}
				for _, r := range c.RespondsTo {
					linked = linked || strings.Contains(byID[r].Content.Text, "dumping")
				}
			}
			if linked != tc.linked {
				t.Errorf("%s\n answer linked to the dumping charge %v, want %v: %+v", tc.text, linked, tc.linked, out.Claims)
			}
		})
	}
}

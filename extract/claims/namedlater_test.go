package claims

import (
	"testing"

	"github.com/dossier-project/dossier/schema"
)

// TestNamedLater: a lede that describes the accused person without naming
// him ("charged a managing director of ... in London") takes as its target
// the person the next sentence's allegation accuses, in place of the
// place it found; a lede whose accused is a named organisation keeps it
// (its answers come from the organisation).
func TestNamedLater(t *testing.T) {
	sec := [3]string{"Securities and Exchange Commission", schema.Organization, schema.KindAgency}
	merrill := [3]string{"Merrill Lynch", schema.Organization, schema.KindCompany}
	london := [3]string{"London", schema.Place, schema.KindCity}
	vask := [3]string{"Nahum Vaskevitch", schema.Person, ""}
	panocean := [3]string{"Pan Ocean Shipping Company", schema.Organization, schema.KindCompany}
	hahn := [3]string{"Hahn Sang-yon", schema.Person, ""}
	tests := []struct {
		name, text string
		ents       [][3]string
		target     string // the target of the first allegation
	}{
		{"a managing director, named next", "The Securities and Exchange Commission said it charged a managing director in London with masterminding a massive insider trading scheme. " +
			"Nahum Vaskevitch, the managing director of the mergers department of Merrill Lynch's London office, was charged in a civil complaint by the Securities and Exchange Commission.",
			[][3]string{sec, merrill, london, vask}, "Nahum Vaskevitch"},
		{"the company's chief executive keeps the company", "South Korean prosecutors formally charged the chief executive of Pan Ocean Shipping Company, the country's largest shipping firm, with alleged financial offences. " +
			"A statement from the prosecutors' office said charges of illegal capital movement, violation of foreign exchange laws and tax evasion were laid against Hahn Sang-yon, president of the hugely indebted company.",
			[][3]string{panocean, hahn}, "Pan Ocean Shipping Company"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			in := sentenceInput(tc.text, tc.ents...)
			out := Extract(in)
			checkOutput(t, in, out)
			for _, c := range out.Claims {
				if c.Stance != schema.Allege {
					continue
				}
				got := ""
				for _, e := range in.Entities {
					if e.ID == string(c.Target) {
						got = e.Name
					}
				}
				if got != tc.target {
					t.Errorf("target %q, want %q: %+v", got, tc.target, out.Claims)
				}
				return
			}
			t.Fatalf("no allegation: %+v", out.Claims)
		})
	}
}

package claims

import (
	"testing"

	"github.com/dossier-project/dossier/extract/text"
	"github.com/dossier-project/dossier/schema"
)

// TestHeadlineSuitNamesNoAct: a wire headline that names a suit and its
// parties but no act ("MELLON <MEC> SUED BY SHAREHOLDER") is no
// allegation, as the gold's guide has it; the accused's vow to fight the
// suit in the body is still its answer.
func TestHeadlineSuitNamesNoAct(t *testing.T) {
	s := "MELLON <MEC> SUED BY SHAREHOLDER\n\nMellon Bank Corp said it will vigorously defend itself against the suit."
	runes := []rune(s)
	doc := &schema.Document{Text: s}
	sents := text.Split(doc, runes)
	es := []schema.Entity{{ID: schema.Key(schema.Organization, "Mellon Bank Corp"), Name: "Mellon Bank Corp", Type: schema.Organization,
		Kind: schema.KindCompany, Aliases: []string{"MELLON"}}}
	addMentions(runes, sents, es, []nameOf{{"Mellon Bank Corp", 0}, {"MELLON", 0}})
	out := Extract(Input{Doc: doc, Runes: runes, Sentences: sents, Entities: es})
	deny := false
	for _, c := range out.Claims {
		if c.Stance == schema.Allege {
			t.Errorf("allegation %q, want none: %+v", c.Evidence.Text, out.Claims)
		}
		deny = deny || c.Stance == schema.Deny && c.Sentence == 1
	}
	if !deny {
		t.Errorf("no denial in the body: %+v", out.Claims)
	}
}

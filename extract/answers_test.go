package extract

import (
	"strings"
	"testing"

	"github.com/dossier-project/dossier/schema"
)

// TestAnswerForms checks, through the whole pass (rules and model), forms
// by which the accused answers an allegation: a plea in court, a denial
// reported by the speaker, "nothing to do with".
func TestAnswerForms(t *testing.T) {
	x := newExtractor(t)
	for _, c := range []struct {
		text, cue string // cue: how the claim's cue starts
		want      schema.Stance
	}{
		{"John Smith pleaded guilty to two counts of fraud in federal court.", "pleaded", schema.Acknowledge},
		{"John Smith pleaded not guilty to the charges.", "pleaded", schema.Deny},
		{"Acme Corp has pleaded guilty to bribery, prosecutors said.", "has pleaded", schema.Acknowledge},
		{`Acme Corp said it "denies that it committed any of the asserted violations".`, "said", schema.Deny},
		{"Dmitry Peskov said Moscow had nothing to do with the hacking.", "said", schema.Deny},
		{"Acme Corp said the lawsuit was frivolous and without merit.", "said", schema.Deny},
	} {
		res := extractText(t, x, c.text)
		found := false
		for _, cl := range res.Claims {
			if !strings.HasPrefix(cl.Cue.Text, c.cue) {
				continue
			}
			found = true
			if cl.Stance != c.want {
				t.Errorf("%q: %q is %s, want %s", c.text, c.cue, cl.Stance, c.want)
			}
		}
		if !found {
			var cues []string
			for _, cl := range res.Claims {
				cues = append(cues, cl.Cue.Text)
			}
			t.Errorf("%q: no claim cued by %q (cues %q)", c.text, c.cue, cues)
		}
	}
}

package claims

import (
	"strings"
	"testing"

	"github.com/dossier-project/dossier/schema"
)

// A denial of an allegation named with its matter reports that
// allegation, against the denier; a denial of "the charges" alone, or of
// an allegation named by its maker only ("denied Botha's charges",
// "REBUFFS LYON FOODS CLAIMS"), names none of its own: the story tells the
// charge in a sentence of its own, and the denial is an answer only.
func TestDeniedAllegationNoun(t *testing.T) {
	acme := [3]string{"Acme Corp", schema.Organization, ""}
	jones := [3]string{"Robert Jones", schema.Person, ""}
	germany := [3]string{"West Germany", schema.Place, schema.KindCountry}
	for _, c := range []struct {
		text   string
		want   bool
		target string
	}{
		{`ACME DENIES "PRICE RIGGING" ALLEGATIONS`, true, "acme-corp"},
		{"Acme Corp denied Robert Jones's charges and said they were a pretext.", false, ""},
		{"Acme Corp disputed Robert Jones's allegations.", false, ""},
		{"ACME CORP REBUFFS ROBERT JONES CLAIMS", false, ""},
		{"Acme Corp said the jury rejected Robert Jones's counterclaim of breach of contract.", true, ""},
		{"The Bundesbank chief rebuffed recent criticism of West Germany, saying it had helped.", true, "west-germany"},
		{"Robert Jones denied Acme Corp's charges West Germany had violated the pact.", true, "west-germany"},
		{"Acme Corp has denied the charges.", false, ""},
		{"Acme Corp said there was no evidence for the allegations.", false, ""},
		{"Acme Corp rejected all the allegations.", false, ""},
	} {
		_, cs := allegationsOf(c.text, acme, jones, germany)
		got := false
		for _, cl := range cs {
			if cl.Stance == schema.Allege && (c.target == "" || strings.HasSuffix(string(cl.Target), c.target)) {
				got = true
			}
		}
		if got != c.want {
			t.Errorf("%s\n allegation (target %q) %v, want %v: %+v", c.text, c.target, got, c.want, cs)
		}
	}
}

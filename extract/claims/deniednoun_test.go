package claims

import (
	"strings"
	"testing"

	"github.com/dossier-project/dossier/schema"
)

// A denial of an allegation named with its maker or its matter reports
// that allegation, against the denier; a denial of "the charges" alone
// names none of its own.
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
		{"Acme Corp denied Robert Jones's charges and said they were a pretext.", true, "acme-corp"},
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

package claims

import (
	"strings"
	"testing"

	"github.com/dossier-project/dossier/schema"
)

// TestPlaceModifierIsNoTarget: a city or country that says where the
// accused is or what kind of party it is ("a Boston investor", "his Boston
// brokerage firm", "a Naples investment firm", "the Boston based firm")
// is not the accused; the named party
// is.
func TestPlaceModifierIsNoTarget(t *testing.T) {
	boston := [3]string{"Boston", schema.Place, schema.KindCity}
	naples := [3]string{"Naples", schema.Place, schema.KindCity}
	zeta := [3]string{"Zeta Partners", schema.Organization, schema.KindCompany}
	rolf := [3]string{"Rolf Amsel", schema.Person, ""}
	regs := [3]string{"Federal regulators", schema.Organization, schema.KindAgency}
	for _, tc := range []struct {
		text   string
		ents   [][3]string
		target string
	}{
		{"Federal regulators said Rolf Amsel, who resigned as head of his Boston brokerage firm, took part in schemes to manipulate the price of a stock.",
			[][3]string{regs, rolf, boston}, "per/rolf-amsel"},
		{"Rolf Amsel, a 43-year-old Boston investor was indicted for allegedly plotting to manipulate the price of three stocks.",
			[][3]string{rolf, boston}, "per/rolf-amsel"},
		{"The judge ruled that Rolf Amsel could pursue his lawsuit against Zeta Partners that alleges the Boston based firm is attempting to unlawfully take control of his company.",
			[][3]string{rolf, zeta, boston}, "org/zeta-partners"},
		{"The SEC had Zeta Partners, a Naples investment firm, shut down, accusing it of defrauding investors and misusing funds.",
			[][3]string{sec, zeta, naples}, "org/zeta-partners"},
	} {
		_, cs := allegationsOf(tc.text, tc.ents...)
		var got []string
		for _, c := range cs {
			if c.Stance == schema.Allege {
				got = append(got, string(c.Target))
			}
		}
		if len(got) == 0 || !strings.HasSuffix(got[0], tc.target) {
			t.Errorf("%s\n targets %q, want %s first", tc.text, got, tc.target)
		}
		for _, g := range got {
			if strings.HasPrefix(g, "loc/") {
				t.Errorf("%s\n targets %q: a place", tc.text, got)
				break
			}
		}
	}
}

package claims

import (
	"testing"

	"github.com/dossier-project/dossier/schema"
)

// A denied report of a plan or an intention is no allegation; a denied
// report of what a party did, or that it could be in trouble, is.
func TestDeniedReportOfAPlan(t *testing.T) {
	miti := [3]string{"MITI", schema.Organization, schema.KindGovernment}
	for _, c := range []struct {
		text string
		want bool
	}{
		{"A MITI official denied a local news agency report that Japan will end its semiconductor agreement with the U.S.", false},
		{"MITI denied a published report that it would announce a startup decision this year.", false},
		{"MITI has denied rumours that it intends to impose foreign exchange controls.", false},
		{"MITI denied a report that Japan was shipping chips below cost.", true},
		{"MITI denied a report that it had asked investors to sell their dollars.", true},
		{"MITI denied market rumours that Japan could be in financial difficulties.", true},
	} {
		checkAlleges(t, c.text, c.want, miti, japan)
	}
}

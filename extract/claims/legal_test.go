package claims

import (
	"strings"
	"testing"

	"github.com/dossier-project/dossier/schema"
)

// TestLegalSteps: a lawsuit, a complaint or a charge brought against a
// party is an allegation whatever words it uses for the wrong; a
// threatened suit is none; the defendant's "the suit is without merit"
// answers it.
func TestLegalSteps(t *testing.T) {
	spencer := [3]string{"Spencer Cos Inc", schema.Organization, schema.KindCompany}
	chase := [3]string{"Chase Manhattan Bank", schema.Organization, schema.KindCompany}
	yr := [3]string{"Young and Rubicam", schema.Organization, schema.KindCompany}
	tests := []struct {
		name, text string
		ents       [][3]string
		alleges    bool
		target     string
	}{
		{"sued for", "Spencer Cos Inc sued Chase Manhattan Bank for forcing it into bankruptcy.", [][3]string{spencer, chase}, true, "Chase Manhattan Bank"},
		{"sued by", "Chase Manhattan Bank was sued by Spencer Cos Inc.", [][3]string{spencer, chase}, true, "Chase Manhattan Bank"},
		{"a threat to sue", "Spencer Cos Inc threatened to sue Chase Manhattan Bank.", [][3]string{spencer, chase}, false, ""},
		{"a suit that could come", "Spencer Cos Inc said it could sue Chase Manhattan Bank.", [][3]string{spencer, chase}, false, ""},
		{"the suit charges X with", "The suit charges Young and Rubicam with misrepresenting the service.", [][3]string{yr}, true, "Young and Rubicam"},
		{"the suit claimed", "The suit claimed that Chase Manhattan Bank bought the shares.", [][3]string{chase}, true, ""},
		{"in the complaint, X contends", "In the nine-count complaint, Spencer Cos Inc contends that Chase Manhattan Bank seized its funds.",
			[][3]string{spencer, chase}, true, ""},
		{"alleging after a suit", "Spencer Cos Inc sued in federal court alleging its product infringed a patent.", [][3]string{spencer}, true, ""},
		{"a complaint against", "Shareholders have filed a class action complaint against Chase Manhattan Bank.", [][3]string{chase}, true, "Chase Manhattan Bank"},
		{"allegations of, whatever the act", "The premier resigned after allegations of a dirty tricks campaign.", nil, true, ""},
		{"allegedly, whatever the act", "The scandal, in which documents were allegedly faked, hit profits.", nil, true, ""},
		{"a suit settled is no new charge", "Spencer Cos Inc settled the suit last year.", [][3]string{spencer}, false, ""},
		{"a lawsuit it filed against", "Spencer Cos Inc said it is seeking damages in a lawsuit it filed today against Chase Manhattan Bank.",
			[][3]string{spencer, chase}, true, "Chase Manhattan Bank"},
		{"damages from", "The lawsuit seeks one billion dlrs in actual damages and one billion in punitive damages from Chase Manhattan Bank.",
			[][3]string{chase}, true, "Chase Manhattan Bank"},
		{"court action against, a headline", "SPENCER STARTS COURT ACTION AGAINST CHASE OVER LOAN FRAUD",
			[][3]string{{"CHASE", schema.Organization, schema.KindCompany}}, true, ""},
		{"a headline suit that names no act", "SPENCER STARTS COURT ACTION AGAINST CHASE",
			[][3]string{{"CHASE", schema.Organization, schema.KindCompany}}, false, ""},
		{"a headline suit by its parties only", "MELLON <MEC> SUED BY SHAREHOLDER",
			[][3]string{{"MELLON", schema.Organization, schema.KindCompany}}, false, ""},
		{"a headline suit and its relief", "DONALDSON LUFKIN SUED BY SWISS FIRM FOR 65 MLN DLRS",
			[][3]string{{"DONALDSON LUFKIN", schema.Organization, schema.KindCompany}}, false, ""},
		{"a headline suit over an act", "NEC SUES SEIKO EPSON OVER COPYRIGHT INFRINGEMENT",
			[][3]string{{"NEC", schema.Organization, schema.KindCompany}, {"SEIKO EPSON", schema.Organization, schema.KindCompany}}, true, "SEIKO EPSON"},
		{"lawsuits over an act, a headline", "SPENCER PLANS TO FILE LAWSUITS OVER BANK RAID", nil, true, ""},
		{"legal action threatened", "Spencer Cos Inc shelved threatened legal action against Chase Manhattan Bank.", [][3]string{spencer, chase}, false, ""},
		{"legal action hinted", "The letter hints at legal action against Chase Manhattan Bank unless it pays.", [][3]string{chase}, false, ""},
		{"an injunction restates a suit", "COURT BLOCKS INJUNCTION SOUGHT AGAINST CHASE",
			[][3]string{{"CHASE", schema.Organization, schema.KindCompany}}, false, ""},
		{"a suit for its amount", "The lawsuit over 20 mln dlrs was settled.", nil, false, ""},
		{"a suit to block", "Spencer Cos Inc filed the lawsuit to block Chase Manhattan Bank from taking control.",
			[][3]string{spencer, chase}, true, "Chase Manhattan Bank"},
		{"a suit to block nobody named", "Spencer Cos Inc filed the lawsuit to block the sale.", [][3]string{spencer}, false, ""},
		{"damages sought", "The ruling came in a hearing on lawsuits in which survivors of 77 of the victims are seeking millions of dollars in compensation.",
			nil, true, ""},
		{"legal action to recover", "Spencer Cos Inc said it planned to take legal action to recover the funds.", [][3]string{spencer}, true, ""},
		{"legal action to appeal", "Spencer Cos Inc said it planned to take legal action to appeal the ruling.", [][3]string{spencer}, false, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, cs := allegationsOf(tc.text, tc.ents...)
			var a *schema.Claim
			for i := range cs {
				if cs[i].Stance == schema.Allege {
					a = &cs[i]
					break
				}
			}
			if (a != nil) != tc.alleges {
				t.Fatalf("%s\n allegation %v, want %v: %+v", tc.text, a != nil, tc.alleges, cs)
			}
			if tc.target != "" && !strings.HasSuffix(string(a.Target), slug(tc.target)) {
				t.Errorf("target %q, want %s", a.Target, tc.target)
			}
		})
	}
	text := "Spencer Cos Inc sued Chase Manhattan Bank for forcing it into bankruptcy. Chase Manhattan Bank said the suit is without merit."
	_, cs := allegationsOf(text, spencer, chase)
	alleg, deny := lastAllegationAndDenial(cs)
	if alleg == nil || deny == nil {
		t.Fatalf("want the suit and its denial: %+v", cs)
	}
	if len(deny.RespondsTo) != 1 || deny.RespondsTo[0] != alleg.ID {
		t.Errorf("the defendant's denial should answer the suit %s: %v", alleg.ID, deny.RespondsTo)
	}
}

// What a suit asks for is no allegation unless it names a wrong.
func TestSuitRemedyOnly(t *testing.T) {
	mf := [3]string{"Multifoods", schema.Organization, schema.KindCompany}
	br := [3]string{"Bregman Partners", schema.Organization, schema.KindCompany}
	for _, c := range []struct {
		text string
		want bool
	}{
		{"Multifoods is asking Bregman's group to divest its shares in open market sales, according to the suit.", false},
		{"In addition, Multifoods is seeking to stop Bregman Partners from acquiring any more stock, the suit said.", false},
		{"Multifoods is seeking to halt the misappropriation of its secrets by Bregman Partners, the suit said.", true},
		{"Bregman Partners bought shares without disclosing its plans, the suit said.", true},
	} {
		checkAlleges(t, c.text, c.want, mf, br)
	}
}

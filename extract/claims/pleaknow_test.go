package claims

import (
	"strings"
	"testing"

	"github.com/dossier-project/dossier/schema"
)

// TestPleaToComeAndNoKnowledgeOfWrong: a plea of guilty announced by the
// accused's side ("said he would plead guilty", "agreed to plead guilty")
// acknowledges the charge, one refused or in doubt does not; a speaker who
// knows of no wrong ("is not aware of any unlawful conduct", "knows of no
// wrong doing") denies it, one unaware of a wrong named as a fact does
// not.
func TestPleaToComeAndNoKnowledgeOfWrong(t *testing.T) {
	boyd := [3]string{"Boyd Jefferies", schema.Person, ""}
	amex := [3]string{"American Express", schema.Organization, schema.KindCompany}
	tests := []struct {
		name, text string
		ents       [][3]string
		cue        string
		want       schema.Stance // "" for neither acknowledge nor deny; "not" for no acknowledgement
	}{
		{"would plead guilty", "Boyd Jefferies said he would plead guilty to two felony counts.", [][3]string{boyd}, "said", schema.Acknowledge},
		{"intends to plead guilty", "Boyd Jefferies said he intends to plead guilty to two felony counts.", [][3]string{boyd}, "said", schema.Acknowledge},
		{"will not plead guilty", "Boyd Jefferies said he will not plead guilty to the charges.", [][3]string{boyd}, "said", "not"},
		{"whether he would plead", "Boyd Jefferies said he had not decided whether he would plead guilty.", [][3]string{boyd}, "said", "not"},
		{"not aware of any unlawful conduct", "American Express said neither company is aware of any unlawful conduct.", [][3]string{amex}, "said", schema.Deny},
		{"knows of no wrong doing", "American Express said the firm knows of no wrong doing by anyone at the firm.", [][3]string{amex}, "said", schema.Deny},
		{"unaware of a wrong named as a fact", "American Express said he was unaware of the illegal diversion.", [][3]string{amex}, "said", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, cs := allegationsOf(tc.text, tc.ents...)
			var got schema.Stance
			for _, c := range cs {
				if c.Cue.Text == tc.cue {
					got = c.Stance
				}
			}
			if tc.want == "not" {
				if got == schema.Acknowledge {
					t.Errorf("%s\n stance %q, want no acknowledgement: %+v", tc.text, got, cs)
				}
				return
			}
			if tc.want == "" {
				if got == schema.Acknowledge || got == schema.Deny {
					t.Errorf("%s\n stance %q, want neither acknowledge nor deny: %+v", tc.text, got, cs)
				}
				return
			}
			if got != tc.want {
				t.Errorf("%s\n stance %q, want %q: %+v", tc.text, got, tc.want, cs)
			}
		})
	}
}

// TestPleaWithoutAReportingVerb: a plea of guilty told without a reporting
// verb ("intends to plead guilty", "will plead guilty", a headline "OFFICIAL
// PLEADS GUILTY") is the accused's acknowledgement; one the accused will not
// make is none, and a plea inside the content of an earlier cue stays that
// cue's ("The company said Boyd Jefferies will also plead guilty").
func TestPleaWithoutAReportingVerb(t *testing.T) {
	boyd := [3]string{"Boyd Jefferies", schema.Person, ""}
	group := [3]string{"Jefferies Group", schema.Organization, schema.KindCompany}
	tests := []struct {
		name, text string
		want       []string // "stance cue" of every claim
	}{
		{"intends to plead", "Boyd Jefferies has resigned and intends to plead guilty to two felony counts.", []string{"acknowledge intends to plead guilty"}},
		{"will plead", "Boyd Jefferies will plead guilty to two felony counts.", []string{"acknowledge will plead guilty"}},
		{"a headline", "BOYD JEFFERIES PLEADS GUILTY", []string{"acknowledge PLEADS"}},
		{"will not plead", "Boyd Jefferies will not plead guilty to the charges.", nil},
		{"inside an earlier cue", "Jefferies Group said Boyd Jefferies will also plead guilty to a margin violation.", []string{"acknowledge said"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, cs := allegationsOf(tc.text, boyd, group)
			var acks []string
			for _, g := range got {
				if strings.HasPrefix(g, "acknowledge ") {
					acks = append(acks, g)
				}
			}
			if strings.Join(acks, "|") != strings.Join(tc.want, "|") {
				t.Errorf("%s\n acknowledgements %q, want %q: %+v", tc.text, acks, tc.want, cs)
			}
		})
	}
}

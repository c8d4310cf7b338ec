package claims

import (
	"testing"

	"github.com/dossier-project/dossier/schema"
)

// TestHeadlinePassives: a wire headline in capitals drops the "was" of a
// passive ("X CRITICISED FOR", "X INDICTED IN", "X BEING SUED FOR"): its
// subject is the one accused, and no verb is its accuser; its present
// tense is active ("EC CRITICISES JAPAN").
func TestHeadlinePassives(t *testing.T) {
	acme := [3]string{"ACME", schema.Organization, schema.KindCompany}
	brown := [3]string{"BROWN", schema.Person, ""}
	ec := [3]string{"EC", schema.Organization, schema.KindGovernment}
	tests := []struct {
		name, text, cue string
		ents            [][3]string
		claimant        string // the claimant's entity name, "" for none
		target          string
	}{
		{"criticised for", "ACME CRITICISED FOR DUMPING OF STEEL", "CRITICISED", [][3]string{acme}, "", "ACME"},
		{"indicted in a case", "BROWN INDICTED IN ACME <ACM> CASE", "INDICTED", [][3]string{brown, acme}, "", "BROWN"},
		{"being sued", "ACME <ACM> BEING SUED FOR PATENT INFRINGEMENT", "SUED", [][3]string{acme}, "", "ACME"},
		{"criticised by", "ACME CRITICISED BY EC OVER STEEL SUBSIDIES", "CRITICISED", [][3]string{acme, ec}, "EC", "ACME"},
		{"the present is active", "EC CRITICISES ACME OVER STEEL SUBSIDIES", "CRITICISES", [][3]string{ec, acme}, "EC", "ACME"},
	}
	for _, tc := range tests {
		in := sentenceInput(tc.text, tc.ents...)
		out := Extract(in)
		checkOutput(t, in, out)
		var c *schema.Claim
		for k := range out.Claims {
			if out.Claims[k].Cue.Text == tc.cue {
				c = &out.Claims[k]
			}
		}
		if c == nil {
			t.Errorf("%s: %q: no claim cued by %s: %+v", tc.name, tc.text, tc.cue, out.Claims)
			continue
		}
		name := func(id schema.Ref) string {
			for _, e := range in.Entities {
				if schema.Ref(e.ID) == id {
					return e.Name
				}
			}
			return string(id)
		}
		if got := name(c.Claimant); got != tc.claimant {
			t.Errorf("%s: %q: claimant %q, want %q", tc.name, tc.text, got, tc.claimant)
		}
		if tc.claimant == "" && c.ClaimantText != "" {
			t.Errorf("%s: %q: claimant text %q, want none", tc.name, tc.text, c.ClaimantText)
		}
		if got := name(c.Target); got != tc.target {
			t.Errorf("%s: %q: target %q, want %q", tc.name, tc.text, got, tc.target)
		}
	}
}

// TestSuitBringer: who brings a suit is the company before its ticker
// ("FMC <FMC> SUIT AGAINST BOESKY OVER ..."), and the agent of "a suit by X
// against Y" is X alone, not "X against Y".
func TestSuitBringer(t *testing.T) {
	acme := [3]string{"ACME", schema.Organization, schema.KindCompany}
	acmeCorp := [3]string{"Acme Corp", schema.Organization, schema.KindCompany}
	brown := [3]string{"BROWN", schema.Person, ""}
	jbrown := [3]string{"John Brown", schema.Person, ""}
	for _, tc := range []struct {
		text, cue        string
		ents             [][3]string
		claimant, target string
	}{
		{"COURT DISMISSES ACME <ACM> SUIT AGAINST BROWN OVER STOCK TRADING", "SUIT", [][3]string{acme, brown}, "ACME", "BROWN"},
		{"A judge dismissed a suit by Acme Corp against John Brown.", "suit", [][3]string{acmeCorp, jbrown}, "Acme Corp", "John Brown"},
	} {
		in := sentenceInput(tc.text, tc.ents...)
		out := Extract(in)
		checkOutput(t, in, out)
		name := func(id schema.Ref) string {
			for _, e := range in.Entities {
				if schema.Ref(e.ID) == id {
					return e.Name
				}
			}
			return string(id)
		}
		found := false
		for _, c := range out.Claims {
			if c.Cue.Text != tc.cue || c.Stance != schema.Allege {
				continue
			}
			found = true
			if got := name(c.Claimant); got != tc.claimant {
				t.Errorf("%q: claimant %q (%q), want %q", tc.text, got, c.ClaimantText, tc.claimant)
			}
			if got := name(c.Target); got != tc.target {
				t.Errorf("%q: target %q, want %q", tc.text, got, tc.target)
			}
		}
		if !found {
			t.Errorf("%q: no allegation cued by %s: %+v", tc.text, tc.cue, out.Claims)
		}
	}
}

// TestHeadlinePleading: a headline's participle cue takes the subject
// before it ("X CHAIRMAN PLEADING GUILTY"), where in prose ("by insisting
// that") the subject is not at hand.
func TestHeadlinePleading(t *testing.T) {
	acme := [3]string{"ACME", schema.Organization, schema.KindCompany}
	in := sentenceInput("ACME <ACM> CHAIRMAN PLEADING GUILTY, QUITS", acme)
	out := Extract(in)
	checkOutput(t, in, out)
	for _, c := range out.Claims {
		if c.Cue.Text == "PLEADING" && c.Stance == schema.Acknowledge && c.ClaimantText == "ACME <ACM> CHAIRMAN" {
			return
		}
	}
	t.Errorf("no acknowledgement by ACME <ACM> CHAIRMAN cued by PLEADING: %+v", out.Claims)
}

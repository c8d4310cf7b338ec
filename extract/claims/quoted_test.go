package claims

import (
	"strings"
	"testing"

	"github.com/dossier-project/dossier/extract/attrib"
	"github.com/dossier-project/dossier/schema"
)

// TestQuotedAnswers: a denial or an admission in a later sentence of a
// quotation that runs over several sentences is a claim of its own, by
// the quotation's speaker, with that sentence for evidence; the other
// sentences of the quotation, and words of compliance that name no
// innocence, give none. The quotation's first sentence may allege (a
// speaker who says who did the wrong before denying his own part).
func TestQuotedAnswers(t *testing.T) {
	smith := [3]string{"John Smith", schema.Person, ""}
	carlton := [3]string{"Carlton Inc", schema.Organization, schema.KindCompany}
	tests := []struct {
		name, text string
		want       schema.Stance // of a claim whose evidence is the last sentence; "" for none
	}{
		{"the speaker's own denial", `Acme Corp was accused of fraud. John Smith told reporters, "Our accounts were audited. We deny any kind of misconduct on our part."`, schema.Deny},
		{"called fiction", `Acme Corp was accused of fraud. John Smith said: "I think this is being spread by rivals. That is fiction and I think it is despicable fiction."`, schema.Deny},
		{"responsibility taken", `Acme Corp was accused of fraud. John Smith said: "I have resigned. I fully accept sole responsibility for these transactions."`, schema.Acknowledge},
		{"the speaker's own denial after an allegation of its own", `Acme Corp was accused of fraud. John Smith said, "Fraudulent contracts were forged by Carlton Inc traders in the name of Acme Corp. We deny any kind of misconduct on our part."`, schema.Deny},
		{"an allegation of its own, then a plain statement", `Acme Corp was accused of fraud. John Smith said, "Fraudulent contracts were forged by Carlton Inc traders in the name of Acme Corp. We will hire more staff next year."`, ""},
		{"a plain statement", `Acme Corp was accused of fraud. John Smith said: "Our accounts were audited. We will hire more staff next year."`, ""},
		{"compliance words that name no innocence", `Acme Corp was accused of fraud. John Smith said: "Our accounts were audited. Debt is an abiding problem for the poorest countries."`, ""},
		{"innocence taken back", `Acme Corp was accused of fraud. John Smith said: "Our accounts were audited. It is not fiction that we lost money."`, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			in := sentenceInput(tc.text, acme, smith, carlton)
			last := in.Sentences[len(in.Sentences)-1]
			var got schema.Stance
			for _, c := range Extract(in).Claims {
				if c.Evidence.Start == last.Start {
					got = c.Stance
					if c.ClaimantText != "John Smith" {
						t.Errorf("claimant %q, want John Smith", c.ClaimantText)
					}
				}
			}
			if got != tc.want {
				t.Errorf("stance of the last sentence %q, want %q", got, tc.want)
			}
		})
	}
}

// TestSaidNotingThat: in `"Q," he said noting that R` the participle of
// saying, without its comma, says R; the quotation is the cue's, so a
// denial in it is read (the rules and the trained model alike).
func TestSaidNotingThat(t *testing.T) {
	m, err := attrib.Default()
	if err != nil {
		t.Fatal(err)
	}
	text := `Acme Corp was accused of fraud. "There is no truth to those rumours," John Smith said noting that rumours like this are bound to surface.`
	smith := [3]string{"John Smith", schema.Person, ""}
	for _, model := range []*attrib.Model{nil, m} {
		in := sentenceInput(text, acme, smith)
		in.Model = model
		var got []string
		ok := false
		for _, c := range Extract(in).Claims {
			if c.Cue.Text == "said" {
				got = append(got, string(c.Stance)+": "+c.Content.Text)
				ok = ok || c.Stance == schema.Deny && c.Content.Text == "There is no truth to those rumours"
			}
		}
		if !ok {
			t.Errorf("model %v: said gives %q, want a denial with the quotation for content", model != nil, got)
		}
	}
}

// TestQuotedAsSaying: in "X quoted Y as saying ..." Y speaks and X is the
// channel; what Y said follows "saying" or, with nothing after it, goes
// before X; a hearer after "telling" is no content (the rules and the
// trained model alike).
func TestQuotedAsSaying(t *testing.T) {
	m, err := attrib.Default()
	if err != nil {
		t.Fatal(err)
	}
	smith := [3]string{"John Smith", schema.Person, ""}
	tests := []struct {
		text, claimant, content string
		stance                  schema.Stance
	}{
		{`The company quoted John Smith as saying, "I fully accept sole responsibility for these transactions."`, "John Smith", "I fully accept sole responsibility for these transactions", schema.Acknowledge},
		{`All countries are strictly adhering to their quotas, the news agency quoted an official as saying.`, "an official", "All countries are strictly adhering to their quotas", ""},
		{`The newspaper quoted John Smith as telling reporters that the firm had done nothing wrong.`, "John Smith", "the firm had done nothing wrong", schema.Deny},
	}
	for _, tc := range tests {
		for _, model := range []*attrib.Model{nil, m} {
			in := sentenceInput(tc.text, acme, smith)
			in.Model = model
			var got []string
			ok := false
			for _, c := range Extract(in).Claims {
				got = append(got, c.ClaimantText+" | "+c.Content.Text+" | "+string(c.Stance))
				if c.Cue.Text == "quoted" && c.ClaimantText == tc.claimant && c.Content.Text == tc.content && (tc.stance == "" || c.Stance == tc.stance) {
					ok = true
				}
			}
			if !ok {
				t.Errorf("%q (model %v): claims %q, want %s saying %q", tc.text, model != nil, got, tc.claimant, tc.content)
			}
		}
	}
}

// TestPleaAfterAnotherVerb: a plea to come announced by the accused's
// side acknowledges also after its subject and another verb of the clause,
// and the counts keep their allegation; not past a verb that makes
// another party expect it. "neither X nor Y ever" denies a wrong.
func TestPleaAfterAnotherVerb(t *testing.T) {
	smith := [3]string{"John Smith", schema.Person, ""}
	tests := []struct {
		text string
		want []string // "stance cue" of every claim, in order
	}{
		{"Acme Corp said founder and chairman John Smith has resigned and intends to plead guilty to two felony counts.",
			[]string{"acknowledge said", "allege counts"}},
		{"Acme Corp said the lawyers for its former chairman John Smith now expect him to plead guilty.",
			[]string{"allege said"}}, // not an acknowledgement: another party expects the plea
		{"Acme Corp said neither John Smith nor the company ever engaged in insider trading.",
			[]string{"deny said"}},
	}
	for _, tc := range tests {
		got, _ := allegationsOf(tc.text, acme, smith)
		if strings.Join(got, ", ") != strings.Join(tc.want, ", ") {
			t.Errorf("%q: %q, want %q", tc.text, got, tc.want)
		}
	}
}

// TestNominalDenial: "X's denials that ..." is X's denial, with no verb
// to cue it; a denial with no possessor, or of a thing, is none.
func TestNominalDenial(t *testing.T) {
	tests := []struct {
		text string
		want []string // "stance cue" of every claim, in order
	}{
		{"Acme Corp's denials that it sold below cost sparked buying.", []string{"deny denials"}},
		{"The denials that it sold below cost sparked buying.", nil},
		{"Acme Corp's denial of the request sparked buying.", nil},
	}
	for _, tc := range tests {
		got, _ := allegationsOf(tc.text, acme)
		if strings.Join(got, ", ") != strings.Join(tc.want, ", ") {
			t.Errorf("%q: %q, want %q", tc.text, got, tc.want)
		}
	}
}

// TestClearedOf: a party cleared of blame or charges is a finding of no
// wrong by whoever clears it; "cleared the way" is none.
func TestClearedOf(t *testing.T) {
	smith := [3]string{"John Smith", schema.Person, ""}
	tests := []struct {
		text string
		want []string // "stance cue" of every claim, in order
	}{
		{"A court cleared John Smith of all charges.", []string{"deny cleared"}},
		{"The auditors' report, published on Monday, largely cleared the management of Acme Corp of blame.", []string{"deny cleared"}},
		{"The board cleared the way for the merger of Acme Corp.", nil},
	}
	for _, tc := range tests {
		got, _ := allegationsOf(tc.text, acme, smith)
		if strings.Join(got, ", ") != strings.Join(tc.want, ", ") {
			t.Errorf("%q: %q, want %q", tc.text, got, tc.want)
		}
	}
}

// TestWishesAndDoubtsDenyNothing: a negated wish ("we do not want a trade
// war") or a negated belief in another's future act ("did not think Japan
// would retaliate") states no opposite of what the accused is charged
// with; a negated act still does.
func TestWishesAndDoubtsDenyNothing(t *testing.T) {
	japan := [3]string{"Japan", schema.Place, schema.KindCountry}
	charge := "Japan accused Acme Corp of starting a trade war and of retaliating against its rivals. "
	tests := []struct {
		text string
		want schema.Stance // of the second sentence's "said"
	}{
		{charge + `Acme Corp said, "We do not want a trade war."`, schema.Say},
		{charge + "Acme Corp said it did not think its rivals would retaliate against Japan.", schema.Say},
		{charge + "Acme Corp said it did not start a trade war.", schema.Deny},
	}
	for _, tc := range tests {
		_, cs := allegationsOf(tc.text, acme, japan)
		var got schema.Stance
		for _, c := range cs {
			if c.Sentence == 1 && c.Cue.Text == "said" {
				got = c.Stance
			}
		}
		if got != tc.want {
			t.Errorf("%q: %q, want %q", tc.text, got, tc.want)
		}
	}
}

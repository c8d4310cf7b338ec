package claims

import (
	"slices"
	"strings"
	"testing"

	"github.com/dossier-project/dossier/schema"
)

var (
	greece    = [3]string{"Greece", schema.Place, schema.KindCountry}
	turkey    = [3]string{"Turkey", schema.Place, schema.KindCountry}
	union     = [3]string{"Teamsters", schema.Organization, schema.KindOther}
	hutton    = [3]string{"E.F. Hutton Group Inc", schema.Organization, schema.KindCompany}
	huttn     = [3]string{"Hutton", schema.Organization, schema.KindCompany}
	romney    = [3]string{"Harry Romney", schema.Person, ""}
	kelly     = [3]string{"Geoffrey Kelly", schema.Person, ""}
	bzw       = [3]string{"BZW", schema.Organization, schema.KindCompany}
	analys    = [3]string{"Gerald Treece", schema.Person, ""}
	argentina = [3]string{"Argentina", schema.Place, schema.KindCountry}
	wgermany  = [3]string{"West Germany", schema.Place, schema.KindCountry}
)

// linked returns the first claim with the stance and cue.
func linked(cs []schema.Claim, stance schema.Stance, cue string) *schema.Claim {
	for i := range cs {
		if cs[i].Stance == stance && cs[i].Cue.Text == cue {
			return &cs[i]
		}
	}
	return nil
}

// TestAnswersThatNameNoDenial: the accused answers by stating the opposite
// of what is alleged, by asserting its right or by calling the agreement
// it is said to break void, and the same words from a
// party nobody accuses, or with nothing alleged, stay statements.
func TestAnswersThatNameNoDenial(t *testing.T) {
	tests := []struct {
		name, text string
		ents       [][3]string
		cue        string // the answer's cue
		want       schema.Stance
		reason     string // in the answer's link, "" for no link
	}{
		{"the accused asserts its right", "Turkey accused Greece of violating the 1976 Berne accord by drilling in the Aegean. Greece said it has the right to decide where to drill.",
			[][3]string{turkey, greece}, "said", schema.Deny, "asserts its right"},
		{"the accused calls the agreement void", "Turkey accused Greece of violating the 1976 Berne accord by drilling in the Aegean. Greece said it considers the accord inactive.",
			[][3]string{turkey, greece}, "said", schema.Deny, "calls the agreement void"},
		{"an agreement no longer valid", "Turkey accused Greece of breaking the Berne pact. Greece said the pact is no longer valid.",
			[][3]string{turkey, greece}, "said", schema.Deny, "calls the agreement void"},
		{"an agreement called void when no breach of one is alleged is a statement", "Turkey accused Greece of drilling in disputed waters. Greece said the pact is no longer valid.",
			[][3]string{turkey, greece}, "said", schema.Say, ""},
		{"an agreement the accuser calls void is no answer", "Turkey accused Greece of breaking the Berne pact. Turkey said the pact is no longer valid.",
			[][3]string{turkey, greece}, "said", schema.Say, ""},
		{"an agreement void only if is no answer", "Turkey accused Greece of breaking the Berne pact. Greece said the pact would be void if Turkey drilled.",
			[][3]string{turkey, greece}, "said", schema.Say, ""},
		{"an agreement not invalid is no answer", "Turkey accused Greece of breaking the Berne pact. Greece said the pact was not invalid.",
			[][3]string{turkey, greece}, "said", schema.Say, ""},
		{"the accused acted within the law", "The Teamsters accused Acme Corp of illegally dumping toxic waste. Acme Corp said it acted within the law.",
			[][3]string{union, acme}, "said", schema.Deny, "asserts its right"},
		{"a right asserted with nothing alleged is a statement", "Acme Corp met on Monday. Acme Corp said it has the right to redeem the shares.",
			[][3]string{acme}, "said", schema.Say, ""},
		{"another party's right is no answer", "The Teamsters accused Acme Corp of illegally dumping toxic waste. Acme Corp said the plaintiff has the right to appeal.",
			[][3]string{union, acme}, "said", schema.Say, ""},
		{"a right the accuser asserts is no answer", "The Teamsters accused Acme Corp of illegally dumping toxic waste. The Teamsters said they have the right to strike.",
			[][3]string{union, acme}, "said", schema.Say, ""},
		{"the opposite of a charge that a denial holds against the denier", `Acme Corp called charges that it dumped toxic waste and cheated Carlton Inc "utterly false." Acme Corp said it did not dump toxic waste in the river.`,
			[][3]string{acme, {"Carlton Inc", schema.Organization, schema.KindCompany}}, "said", schema.Deny, "the accused states the opposite (dump toxic wast)"},
		{"the accused states the opposite of a rumour", "E.F. HUTTON DENIES RUMOURED SOLVENCY PROBLEMS. Brokerage firm E.F. Hutton Group Inc is not facing liquidity problems, London joint managing director Harry Romney said.",
			[][3]string{huttn, hutton, romney}, "said", schema.Deny, "the accused states the opposite (problem)"},
		{"a ticker after the accused's name", "E.F. HUTTON DENIES RUMOURED SOLVENCY PROBLEMS. Brokerage firm E.F. Hutton Group Inc <EFH> is not facing liquidity problems, London joint managing director Harry Romney said.",
			[][3]string{huttn, hutton, romney}, "said", schema.Deny, "the accused states the opposite (problem)"},
		{"the accused's own negation later in a quotation kept whole", `ACME CORP DENIES RUMOURED SOLVENCY PROBLEMS. "You cannot trade in these markets and not see some losses. But we are not facing any solvency problems," Acme Corp said.`,
			[][3]string{acme}, "said", schema.Deny, "the accused states the opposite"},
		{"but did not elaborate is no opposite", "ACME CORP DENIES RUMOURED SOLVENCY PROBLEMS. Acme Corp had lost custom, its chairman said but did not elaborate.",
			[][3]string{acme}, "said", schema.Say, ""},
		{"what the accused could not do is no opposite", "The processors charged that Argentina's differential export taxes subsidize exports. The Argentine officials said they could not narrow the differential further.",
			[][3]string{argentina}, "said", schema.Say, ""},
		{"what could not be seen as a breach is denied", "Baker said West Germany was breaching the accord. West German officials said rising rates could not be seen as a breach of the accord.",
			[][3]string{wgermany}, "said", schema.Deny, "breach"},
		{"a third party's negation inside its own forecast is no answer", "Market rumours said Acme Corp had liquidity problems. Gerald Treece said the Teamsters were unlikely to prove Acme Corp is not facing liquidity problems.",
			[][3]string{acme, union, analys}, "said", schema.Say, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, cs := allegationsOf(tc.text, tc.ents...)
			var c *schema.Claim
			for i := range cs {
				if cs[i].Cue.Text == tc.cue && cs[i].Sentence == 1 {
					c = &cs[i]
				}
			}
			if c == nil {
				t.Fatalf("no claim cued %q in the second sentence: %+v", tc.cue, cs)
			}
			if c.Stance != tc.want {
				t.Errorf("stance %s, want %s: %+v", c.Stance, tc.want, cs)
			}
			var why []string
			for _, l := range c.Links {
				why = append(why, l.Reason)
			}
			if got := strings.Join(why, " | "); tc.reason == "" && got != "" || !strings.Contains(got, tc.reason) {
				t.Errorf("links %q, want %q", got, tc.reason)
			}
		})
	}
}

// TestRumoursTheTargetDenies: a rumour the document denies is an
// allegation against who denies it, and the words that call it untrue
// ("absolute rubbish", "no truth to those rumours") deny it.
func TestRumoursTheTargetDenies(t *testing.T) {
	text := "Rumours of heavy trading losses at BZW are not true, the firm said. BZW spokesman Geoffrey Kelly said the rumours were absolute rubbish."
	_, cs := allegationsOf(text, bzw, kelly)
	alleg := linked(cs, schema.Allege, "Rumours")
	if alleg == nil {
		t.Fatalf("the denied rumour should be an allegation: %+v", cs)
	}
	var deny *schema.Claim
	for i := range cs {
		if cs[i].Sentence == 1 && cs[i].Stance == schema.Deny {
			deny = &cs[i]
		}
	}
	if deny == nil || len(deny.RespondsTo) != 1 || deny.RespondsTo[0] != alleg.ID {
		t.Errorf("'the rumours were absolute rubbish' should deny them and answer %s: %+v", alleg.ID, cs)
	}
	// A rumour nobody denies is only reported.
	_, cs = allegationsOf("Rumours of heavy trading losses at BZW circulated in London.", bzw)
	if a := linked(cs, schema.Allege, "Rumours"); a != nil {
		t.Errorf("an undenied rumour is no allegation: %+v", cs)
	}
	// "no truth to those rumours" denies; "will not comment on rumors and
	// speculation" does not.
	_, cs = allegationsOf("Rumours said BZW had heavy trading losses. \"There is absolutely no truth to those rumours,\" Geoffrey Kelly said.", bzw, kelly)
	if d := linked(cs, schema.Deny, "said"); d == nil {
		t.Errorf("'no truth to those rumours' should deny: %+v", cs)
	}
	_, cs = allegationsOf("BZW said it will not comment on rumors and speculation.", bzw)
	if d := linked(cs, schema.Deny, "said"); d != nil {
		t.Errorf("no comment is no denial: %+v", cs)
	}
}

// TestCoAccusedAnswer: a party the allegation joins to the target's act
// ("exchanged inside information with Martin Siegel") answers it; one it
// only names elsewhere does not.
func TestCoAccusedAnswer(t *testing.T) {
	freeman := [3]string{"Robert Freeman", schema.Person, ""}
	siegel := [3]string{"Martin Siegel", schema.Person, ""}
	text := "The SEC charged that Robert Freeman exchanged inside information with Martin Siegel. " +
		"Martin Siegel admitted he exchanged inside information."
	_, cs := allegationsOf(text, sec, freeman, siegel)
	var ack *schema.Claim
	for i := range cs {
		if cs[i].Sentence == 1 && cs[i].Stance == schema.Acknowledge {
			ack = &cs[i]
		}
	}
	if ack == nil || len(ack.Links) == 0 || !strings.Contains(ack.Links[0].Reason, "Martin Siegel, the accused, answers") {
		t.Errorf("Siegel's admission should answer the charge as a party to the act: %+v", cs)
	}
}

// TestDeniedChargeWithItsMaker: "the charges by the ASA that ..." inside a
// denial is an allegation of the ASA, and the denial answers it.
func TestDeniedChargeWithItsMaker(t *testing.T) {
	asa := [3]string{"American Soybean Association", schema.Organization, schema.KindOther}
	mopgc := [3]string{"Malaysian Oil Palm Growers Council", schema.Organization, schema.KindOther}
	text := "The Malaysian Oil Palm Growers Council has said the charges by the American Soybean Association that palm oil raises blood cholesterol are untrue."
	_, cs := allegationsOf(text, asa, mopgc)
	alleg := linked(cs, schema.Allege, "charges")
	if alleg == nil || string(alleg.Claimant) != schema.Key(asa[1], asa[0]) {
		t.Fatalf("the charges should be an allegation by the ASA: %+v", cs)
	}
	var deny *schema.Claim
	for i := range cs {
		if cs[i].Stance == schema.Deny {
			deny = &cs[i]
		}
	}
	if deny == nil || len(deny.RespondsTo) != 1 || deny.RespondsTo[0] != alleg.ID {
		t.Errorf("the growers' denial should answer the charges: %+v", cs)
	}
}

// TestApologyAndResponsibilityAnswer: an apology, or accepted (sole)
// responsibility, owns to what it is for, whatever its words, and answers
// the allegation of that act; an apology for nothing alleged links nothing.
func TestApologyAndResponsibilityAnswer(t *testing.T) {
	panam := [3]string{"Pan Am", schema.Organization, schema.KindCompany}
	carbide := [3]string{"Union Carbide", schema.Organization, schema.KindCompany}
	officials := [3]string{"Indian officials", schema.Organization, schema.KindGovernment}
	tests := []struct {
		name, text string
		ents       [][3]string
		cue        string
		link       bool
	}{
		{"an apology", "Teamsters accused Pan Am of illegally overbooking flights. Pan Am apologised for the overbooking.", [][3]string{union, panam}, "apologised", true},
		{"sole responsibility", "Indian officials accused Union Carbide of negligence in the gas leak. Union Carbide accepts sole responsibility for the leak.", [][3]string{officials, carbide}, "accepts", true},
		{"an apology for nothing alleged", "Pan Am met on Monday. Pan Am apologised for the delay.", [][3]string{panam}, "apologised", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, cs := allegationsOf(tc.text, tc.ents...)
			c := linked(cs, schema.Acknowledge, tc.cue)
			if c == nil {
				t.Fatalf("no acknowledgement cued %q: %+v", tc.cue, cs)
			}
			if (len(c.RespondsTo) > 0) != tc.link {
				t.Errorf("linked %v, want %v: %+v", c.RespondsTo, tc.link, cs)
			}
		})
	}
}

// TestSubordinateClauseAssertsNothing: compliance, a right or a negated
// wrong inside a clause of time, condition or reason ("until Japan abided",
// "as soon as Tokyo complied", "because Japan did not honor") is not what
// the speaker asserts, so it denies nothing; the same words in the main
// clause still do.
func TestSubordinateClauseAssertsNothing(t *testing.T) {
	usa := [3]string{"Washington", schema.Place, schema.KindCity}
	reagan := [3]string{"Reagan", schema.Person, ""}
	alleged := "Washington accused Japan of failing to abide by the semiconductor pact and of dumping chips. "
	tests := []struct {
		name, text string
		want       schema.Stance
	}{
		{"until", "Reagan said the tariffs would remain in force until Japan abided by the agreement.", schema.Say},
		{"as soon as", "Reagan said he would lift the tariffs as soon as Japan complied with the pact.", schema.Say},
		// The reason given for a sanction is the speaker's charge, not a
		// denial: the ledger gold marks "because Japan did not honor an
		// agreement to end dumping" as Reagan's allegation.
		{"because", "Reagan said he imposed the sanctions because Japan did not honor an agreement to end dumping semiconductors.", schema.Allege},
		{"a right until", "Japan accused Washington of illegally imposing sanctions. Washington said the sanctions stay in force until Japan is in full compliance with the pact.", schema.Say},
		{"the main clause still denies", "Japan said it has complied with the pact.", schema.Deny},
		{"a negated wrong in the main clause still denies", "Japan said it did not violate the pact.", schema.Deny},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			text, si := alleged+tc.text, 1
			if strings.Count(tc.text, ". ") > 0 {
				text, si = tc.text, 1
			}
			_, cs := allegationsOf(text, usa, japan, reagan)
			var c *schema.Claim
			for i := range cs {
				if cs[i].Cue.Text == "said" && cs[i].Sentence == si {
					c = &cs[i]
				}
			}
			if c == nil {
				t.Fatalf("no claim cued said in the second sentence: %+v", cs)
			}
			if c.Stance != tc.want {
				t.Errorf("stance %s, want %s", c.Stance, tc.want)
			}
		})
	}
}

// TestListedCountriesAnswer: the countries of the list that holds the
// target ("Norway and the Netherlands, along with the smaller producer
// Ecuador") are parties to the act, so a denial of it whose subject is one
// of them answers it; a country only named as the partner of a pact
// ("broke the pact with Norway") is none.
func TestListedCountriesAnswer(t *testing.T) {
	norway := [3]string{"Norway", schema.Place, schema.KindCountry}
	dutch := [3]string{"Netherlands", schema.Place, schema.KindCountry}
	ecuador := [3]string{"Ecuador", schema.Place, schema.KindCountry}
	hansen := [3]string{"Erik Hansen", schema.Person, ""}
	tests := []struct {
		name, text string
		link       bool
	}{
		{"listed with the target", "Oil traders named Norway and the Netherlands, along with the smaller producer Ecuador, among those producing above quota. " +
			"Erik Hansen denied that Norway was producing above its quota.", true},
		{"a partner of the pact", "Oil traders said Ecuador broke its quota pact with Norway. " +
			"Erik Hansen denied that Norway was producing above its quota.", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, cs := allegationsOf(tc.text, norway, dutch, ecuador, hansen)
			var deny *schema.Claim
			for i := range cs {
				if cs[i].Stance == schema.Deny && cs[i].Sentence == 1 {
					deny = &cs[i]
				}
			}
			if deny == nil {
				t.Fatalf("no denial in the second sentence: %+v", cs)
			}
			if (len(deny.RespondsTo) > 0) != tc.link {
				t.Errorf("linked %v, want %v: %+v", deny.RespondsTo, tc.link, cs)
			}
		})
	}
}

// TestCompanyAnswersForItsFounder: a company's denial of a suit answers the
// suit's charge against its founder ("Acme founder John Doe breached a
// confidentiality agreement"), as it answers the charge against itself.
func TestCompanyAnswersForItsFounder(t *testing.T) {
	zentor := [3]string{"Zentor Inc", schema.Organization, schema.KindCompany}
	acme := [3]string{"Acme Corp", schema.Organization, schema.KindCompany}
	doe := [3]string{"John Doe", schema.Person, ""}
	text := "Zentor Inc said it has filed suit against Acme Corp, alleging the infringement of a copyright. " +
		"The suit also alleges that Acme Corp founder John Doe breached a confidentiality agreement with the plaintiff. " +
		"Acme Corp said it feels the suit is without merit."
	_, cs := allegationsOf(text, zentor, acme, doe)
	var deny *schema.Claim
	founder := ""
	for i := range cs {
		if cs[i].Stance == schema.Deny && cs[i].Sentence == 2 {
			deny = &cs[i]
		}
		if cs[i].Stance == schema.Allege && cs[i].Sentence == 1 {
			founder = cs[i].ID
		}
	}
	if deny == nil || founder == "" {
		t.Fatalf("no denial in the third sentence or no allegation in the second: %+v", cs)
	}
	if !slices.Contains(deny.RespondsTo, founder) {
		t.Errorf("Acme's denial should answer the charge against its founder: %+v", cs)
	}
}

// TestCoAccusedByPlace: a party named by its place in the target
// ("Coastal and its chairman, Oscar Wyatt, unlawfully interfered") is a
// party to the act and answers it as the accused.
func TestCoAccusedByPlace(t *testing.T) {
	transam := [3]string{"TransAmerican", schema.Organization, schema.KindCompany}
	coastal := [3]string{"Coastal Corp", schema.Organization, schema.KindCompany}
	wyatt := [3]string{"Oscar Wyatt", schema.Person, ""}
	text := "TransAmerican said its suit alleges that Coastal Corp and its chairman, Oscar Wyatt, unlawfully interfered with its agreements with creditors. " +
		"Oscar Wyatt denied that he interfered with the agreements. Coastal Corp denied that it interfered with the agreements."
	_, cs := allegationsOf(text, transam, coastal, wyatt)
	for i := range cs {
		if cs[i].Stance == schema.Deny {
			if len(cs[i].Links) == 0 || !strings.Contains(cs[i].Links[0].Reason, "the accused, answers") {
				t.Errorf("sentence %d's denial should answer the suit as the accused: %+v", cs[i].Sentence, cs[i].Links)
			}
		}
	}
}

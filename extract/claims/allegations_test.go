package claims

import (
	"slices"
	"strings"
	"testing"

	"github.com/dossier-project/dossier/extract/attrib"
	"github.com/dossier-project/dossier/schema"
)

var (
	japan   = [3]string{"Japan", schema.Place, schema.KindCountry}
	senate  = [3]string{"Senate", schema.Organization, schema.KindGovernment}
	sec     = [3]string{"SEC", schema.Organization, schema.KindAgency}
	vask    = [3]string{"Nahum Vaskevitch", schema.Person, ""}
	texaco  = [3]string{"Texaco", schema.Organization, schema.KindCompany}
	pennz   = [3]string{"Pennzoil", schema.Organization, schema.KindCompany}
	nbc     = [3]string{"NBC", schema.Organization, schema.KindMedia}
	whHouse = [3]string{"White House", schema.Organization, schema.KindGovernment}
)

// allegationsOf returns "stance cue" of each claim of a text, and the
// claims.
func allegationsOf(text string, ents ...[3]string) ([]string, []schema.Claim) {
	in := sentenceInput(text, ents...)
	out := Extract(in)
	var got []string
	for _, c := range out.Claims {
		got = append(got, string(c.Stance)+" "+c.Cue.Text)
	}
	return got, out.Claims
}

// checkAlleges fails t unless the claims found in text, with these
// entities, hold an allegation exactly when want is true.
func checkAlleges(t *testing.T, text string, want bool, ents ...[3]string) {
	t.Helper()
	_, cs := allegationsOf(text, ents...)
	got := false
	for _, c := range cs {
		got = got || c.Stance == schema.Allege
	}
	if got != want {
		t.Errorf("%s\n allegation %v, want %v: %+v", text, got, want, cs)
	}
}

func TestAllegationsByWhatTheyAssert(t *testing.T) {
	tests := []struct {
		name, text string
		ents       [][3]string
		want       []string // "stance cue" of every claim, in order
		target     string   // the target of the first allegation, if any
	}{
		{"a statement that names a wrong alleges it", "The Senate said Japan has violated the pact.", [][3]string{senate, japan},
			[]string{"allege said"}, "Japan"},
		{"claim without a wrong is a statement", "The Senate claimed the gap was narrow.", [][3]string{senate},
			[]string{"say claimed"}, ""},
		{"a forecast is no allegation", "The Senate said sanctions were likely.", [][3]string{senate},
			[]string{"say said"}, ""},
		{"a hypothetical wrong is no allegation", "Pennzoil said spying for Texaco would kill the company.", [][3]string{pennz, texaco},
			[]string{"say said"}, ""},
		{"a modal of a later clause leaves the wrong asserted", "U.S. officials have said Japan has failed to live up to its semiconductor agreement with the U.S. and there was little that could be done now to avert the tariffs.",
			[][3]string{japan, usa}, []string{"allege have said"}, "Japan"},
		{"a harm blamed on a party", "The government has blamed a spate of limpet mine blasts in South African cities in recent months on the outlawed African National Congress.",
			[][3]string{{"African National Congress", schema.Organization, schema.KindParty}}, []string{"allege has blamed"}, "African National Congress"},
		{"a party blamed for a harm", "The protesters blamed Finance Minister Lesly Delatour for the closure, saying his policies have hurt Haitian businesses.",
			[][3]string{{"Lesly Delatour", schema.Person, ""}}, []string{"allege blamed", "say saying"}, "Lesly Delatour"},
		{"a harm blamed on a circumstance names no party", "The company blamed the delays on the strike.", nil,
			[]string{"say blamed"}, ""},
		{"a character blamed is no act", "Japanese officials blamed U.S. industry for being uncompetitive.", [][3]string{usa},
			[]string{"say blamed"}, ""},
		{"an agreement not honored", "The Senate said the tariffs were imposed because Japan did not honor an agreement to end dumping semiconductors.",
			[][3]string{senate, japan}, []string{"allege said"}, "Japan"},
		{"what ought to be is no wrong done", "The Senate said the judge ordered Texaco to show cause why it should not honour its contract.",
			[][3]string{senate, texaco}, []string{"say said"}, ""},
		{"a procedure of a convention not followed", "The Senate said the EC failed to follow consultation procedures laid down in the Lome Convention.",
			[][3]string{senate, {"EC", schema.Organization, schema.KindInternational}}, []string{"allege said"}, "EC"},
		{"a deed contrary to an agreement", "The Senate said the tax was contrary to the spirit of the General Agreement on Tariffs and Trade.",
			[][3]string{senate}, []string{"allege said"}, ""},
		{"contrary to expectations names no rule", "The Senate said prices rose, contrary to expectations.",
			[][3]string{senate}, []string{"say said"}, ""},
		{"an open question is no allegation", "Pennzoil said it will ask whether Texaco improperly transferred assets.", [][3]string{pennz, texaco},
			[]string{"say said"}, ""},
		{"a charge with no reporting verb", "Nahum Vaskevitch was charged with insider trading by the SEC.", [][3]string{vask, sec},
			[]string{"allege charged"}, "Nahum Vaskevitch"},
		{"a sentence-final charge", "Vaskevitch leaked inside information about 12 companies, the SEC charged.", [][3]string{vask, sec},
			[]string{"allege charged"}, ""},
		{"a hedged wrong", "Officials met to discuss Japan's alleged violations of the agreement.", [][3]string{japan},
			[]string{"allege alleged"}, "Japan"},
		{"a sanction for a wrong", "The Senate called for retaliation against Japan for violating the agreement.", [][3]string{senate, japan},
			[]string{"allege for"}, "Japan"},
		{"a nationality opening the accused names its country", "China sent no reply. Dutch intelligence accuses Chinese hackers of breaching a defence network.",
			[][3]string{{"China", schema.Place, schema.KindCountry}}, []string{"allege accuses"}, "China"},
		{"a rejected offer is no denial", "Texaco rejected the offer.", [][3]string{texaco},
			[]string{"say rejected"}, ""},
		{"a denied report is an allegation and its denial", "The White House denied a report that the United States was shipping arms to Iran.", [][3]string{whHouse, usa},
			[]string{"deny denied", "allege report"}, ""},
		{"admitting a wrong acknowledges it", "Texaco admitted it had violated the rule.", [][3]string{texaco},
			[]string{"acknowledge admitted"}, ""},
		{"a suspicion names the act, whatever its words", "The SEC arrested Nahum Vaskevitch on suspicion of lying to investigators.", [][3]string{sec, vask},
			[]string{"allege suspicion"}, ""},
		{"suspected of", "Nahum Vaskevitch is suspected of failure to report his accounts.", [][3]string{vask},
			[]string{"allege suspected"}, "Nahum Vaskevitch"},
		{"a hedged act", "Texaco stopped business with Pennzoil after Pennzoil's alleged sale of the milling machines.", [][3]string{texaco, pennz},
			[]string{"allege alleged"}, ""},
		{"a hedged thing is no allegation", "Texaco said the alleged contract was void.", [][3]string{texaco},
			[]string{"say said"}, ""},
		{"accusations against a named target", "The Senate chose this week to make accusations against Japan.", [][3]string{senate, japan},
			[]string{"allege accusations"}, "Japan"},
		{"charges against a named target", "The SEC agreed to defer all charges against Nahum Vaskevitch.", [][3]string{sec, vask},
			[]string{"allege charges"}, "Nahum Vaskevitch"},
		{"charges that could come are a forecast", "The inquiry could bring charges against Nahum Vaskevitch.", [][3]string{vask},
			nil, ""},
		{"a rejected suggestion to act is no denial", "Texaco rejected a Pennzoil suggestion that it seek new financing.", [][3]string{texaco, pennz},
			[]string{"say rejected"}, ""},
		{"a modal of a relative clause leaves the wrong asserted", "The SEC said Texaco violated rules on the money which could be loaned.", [][3]string{sec, texaco},
			[]string{"allege said"}, "Texaco"},
		{"an unfair act is a wrong", "The Senate said Japan was unfairly protecting its industry.", [][3]string{senate, japan},
			[]string{"allege said"}, "Japan"},
		{"asserting compliance denies", `"We are faithfully abiding by the agreement," Japan said.`, [][3]string{japan},
			[]string{"deny said"}, ""},
		{"a weak verb of saying with a clause that lacks its that", "Turkey accused Greece of breaking the Berne pact. Greece earlier this month declared it considers the pact inoperative.", [][3]string{turkey, greece},
			[]string{"allege accused", "deny declared"}, "Greece"},
		{"a weak verb whose pronoun opens no clause", "Acme Corp declared it a success and added it to the list.", [][3]string{acme},
			nil, ""},
		{"compliance to come is no denial", `"We will continue to abide by the agreement," Japan said.`, [][3]string{japan},
			[]string{"say said"}, ""},
		{"compliance agreed to is no denial", `Japan said it agreed to continue to abide by the agreement.`, [][3]string{japan},
			[]string{"say said"}, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, cs := allegationsOf(tc.text, tc.ents...)
			if strings.Join(got, "; ") != strings.Join(tc.want, "; ") {
				t.Fatalf("%s\n got  %q\n want %q", tc.text, got, tc.want)
			}
			if tc.target != "" {
				for _, c := range cs {
					if c.Stance == schema.Allege {
						if want := "/" + strings.ToLower(strings.ReplaceAll(tc.target, " ", "-")); !strings.HasSuffix(string(c.Target), want) {
							t.Errorf("target %q, want %s", c.Target, tc.target)
						}
						break
					}
				}
			}
		})
	}
}

func TestAnswersLinkedByProposition(t *testing.T) {
	// A denial by the accused of the act alleged is linked; a denial of
	// something else by someone else is not, even though it shares an
	// entity with the allegation.
	text := "The Senate said Japan violated the semiconductor pact. " +
		"Japan denied breaking the pact. " +
		"Texaco denied that Pennzoil had won the Senate vote."
	_, cs := allegationsOf(text, senate, japan, texaco, pennz)
	var alleg, deny, other *schema.Claim
	for i := range cs {
		switch {
		case cs[i].Stance == schema.Allege:
			alleg = &cs[i]
		case cs[i].Stance == schema.Deny && strings.HasPrefix(cs[i].Evidence.Text, "Japan"):
			deny = &cs[i]
		case cs[i].Stance == schema.Deny:
			other = &cs[i]
		}
	}
	if alleg == nil || deny == nil || other == nil {
		t.Fatalf("want an allegation and two denials: %+v", cs)
	}
	if len(deny.RespondsTo) != 1 || deny.RespondsTo[0] != alleg.ID {
		t.Errorf("Japan's denial should answer %s: %v", alleg.ID, deny.RespondsTo)
	}
	// The link carries its score and reason: Japan, the accused, answers
	// and the act's words meet.
	if l, ok := schema.LinkTo(deny.Links, alleg.ID); !ok || l.Score < 0.5 || l.Score > 1 ||
		!strings.Contains(l.Reason, "Japan") || !strings.Contains(l.Reason, "pact") {
		t.Errorf("Japan's denial's link to %s: %+v", alleg.ID, deny.Links)
	}
	if len(other.RespondsTo) != 0 || len(other.Links) != 0 {
		t.Errorf("Texaco's denial answers nothing alleged: %v %v", other.RespondsTo, other.Links)
	}
}

// TestOwnersFailureKinds holds the kinds of error a user met on British
// news of 2004-2005 (issue 17), in sentences written for the test, run as
// the product runs (with the trained attribution model): a vote or
// motion rejected is no denial, a confirmation is none either, the source
// of a passive accusation is not its target, "the US claim" is made by
// the US, and one's own past is no allegation against oneself.
func TestOwnersFailureKinds(t *testing.T) {
	m, err := attrib.Default()
	if err != nil {
		t.Fatal(err)
	}
	var (
		labour   = [3]string{"Labour", schema.Organization, schema.KindParty}
		brown    = [3]string{"Gordon Brown", schema.Person, ""}
		humber   = [3]string{"Humberside Police", schema.Organization, schema.KindAgency}
		iran     = [3]string{"Iran", schema.Place, schema.KindCountry}
		tehran   = [3]string{"Tehran", schema.Place, schema.KindCity}
		denmark  = [3]string{"Denmark", schema.Place, schema.KindCountry}
		smith    = [3]string{"John Smith", schema.Person, ""}
		acmeCorp = [3]string{"Acme", schema.Organization, schema.KindCompany}
	)
	tests := []struct {
		name, text string
		ents       [][3]string
		want       []string // "stance cue" of every claim, in order
		claimant   string   // the claimant of the first allegation: "-" for none
		target     string   // the target of the first allegation
	}{
		{"a motion rejected is no denial", "MPs narrowly rejected the motion.", nil,
			[]string{"say rejected"}, "", ""},
		{"a motion rejected in the passive is no denial", "The motion was narrowly rejected by MPs.", nil,
			[]string{"say was narrowly rejected"}, "", ""},
		{"a policy rejected is no denial", "Labour have rejected immigration quotas.", [][3]string{labour},
			[]string{"say have rejected"}, "", ""},
		{"what deny withholds is no denial", "The court denied him bail.", nil,
			[]string{"say denied"}, "", ""},
		{"a confirmation is no denial", "Gordon Brown confirmed he would not help the campaign.", [][3]string{brown},
			[]string{"confirm confirmed"}, "", ""},
		{"a charge rejected is a denial of it", "Labour rejected charges that it had broken the law.", [][3]string{labour},
			[]string{"deny rejected", "allege charges"}, "-", "Labour"},
		{"the accused of a passive accusation is no claimant", "Humberside Police have been accused of failing to act on warnings.", [][3]string{humber},
			[]string{"allege have been accused of"}, "-", "Humberside Police"},
		{"the US claim is the US's", "The United States claim that Iran had violated the treaty was rejected by Tehran.", [][3]string{usa, iran, tehran},
			[]string{"allege claim", "deny was rejected"}, "United States", "Iran"},
		{"one's own wrong is no allegation: it is owned to", "The company said it had violated the rules.", nil,
			[]string{"acknowledge said"}, "", ""},
		{"a charge told by its maker is no admission", "The SEC said it charged a director with insider trading.", [][3]string{sec},
			[]string{"allege said"}, "SEC", ""},
		{"a wrong done to the speaker is one", "John Smith said he was beaten up by Acme guards.", [][3]string{smith, acmeCorp},
			[]string{"allege said"}, "John Smith", "Acme"},
		{"a charge over an apposition", "The SEC charged Nahum Vaskevitch, a managing director of Merrill Lynch, Pierce, Fenner and Smith Ltd, with profiting from inside information.",
			[][3]string{sec, {"Nahum Vaskevitch", schema.Person, ""}, {"Merrill Lynch, Pierce, Fenner and Smith Ltd", schema.Organization, schema.KindCompany}},
			[]string{"allege charged"}, "SEC", "Nahum Vaskevitch"},
		{"a charge without its that", "The indictment charged Martin Siegel passed on information.", [][3]string{{"Martin Siegel", schema.Person, ""}},
			[]string{"allege charged"}, "", "Martin Siegel"},
		{"charges without their that, and the plea owns to them", "Martin Siegel pleaded guilty to charges he participated in the conspiracy.", [][3]string{{"Martin Siegel", schema.Person, ""}},
			[]string{"acknowledge pleaded guilty", "allege charges"}, "-", ""},
		{"charges called false are denied", `Reagan called charges he ransomed hostages "utterly false."`, [][3]string{{"Reagan", schema.Person, ""}},
			[]string{"deny called", "allege charges"}, "-", ""},
		{"charges that he did it, called false, accuse the one who calls them so", `Reagan called charges that he ransomed hostages and undercut the U.S. war on terrorism "utterly false."`, [][3]string{{"Reagan", schema.Person, ""}, {"U.S.", schema.Place, schema.KindCountry}},
			[]string{"deny called", "allege charges"}, "-", "Reagan"},
		{"charges called serious are not", "Reagan called the charges serious.", [][3]string{{"Reagan", schema.Person, ""}},
			[]string{"say called"}, "", ""},
		{"the speaker's own denial", `Sondra McCarty said: "We categorically deny that the United States is selling weapons to Iran."`, [][3]string{{"Sondra McCarty", schema.Person, ""}, usa, iran},
			[]string{"deny said"}, "", ""},
		{"entry denied is no denial", `The minister said: "We deny him entry."`, nil,
			[]string{"say said"}, "", ""},
		{"no knowledge of a wrong denies it", `Russo said it "had no knowledge or reason to believe that any of these transactions were based on the improper use of inside information."`, [][3]string{{"Russo", schema.Person, ""}},
			[]string{"deny said"}, "", ""},
		{"no knowledge of a plan is no denial", "The minister said he had no knowledge of the plan.", nil,
			[]string{"say said"}, "", ""},
		{"a headline's charge without its was", "MERRILL LYNCH EXECUTIVE CHARGED BY SEC", [][3]string{sec},
			[]string{"allege CHARGED"}, "SEC", ""},
		{"a headline's indictment for a wrong", "THREE TRADERS INDICTED FOR INSIDER TRADING", nil,
			[]string{"allege INDICTED FOR"}, "-", ""},
		{"an offer accepted is no acknowledgement", "Denmark accepted a formula for ending the dispute.", [][3]string{denmark},
			[]string{"say accepted"}, "", ""},
		{"responsibility accepted is one", "Acme accepted responsibility for the spill.", [][3]string{acmeCorp},
			[]string{"acknowledge accepted"}, "", ""},
		{"responsibility said not to follow is not owned to", "Miller said the offer did not imply Acme accepted responsibility for the spill.", [][3]string{acmeCorp},
			[]string{"say said", "say accepted"}, "", ""},
		{"an act against a wrong owns to nothing", "The embassy said Japan had been fully implementing the pact to end dumping semiconductors.", [][3]string{japan},
			[]string{"say said"}, "", ""},
		{"a failure to end a wrong alleges it", "The senators said Japan failed to keep an agreement to end dumping semiconductors.", [][3]string{japan},
			[]string{"allege said"}, "", "Japan"},
		{"a legal step's wrong is another's", "Federal authorities said they began a criminal investigation of Acme after the company exported tainted cigarettes.", [][3]string{acmeCorp},
			[]string{"allege said"}, "", "Acme"},
		{"a company told as the company that names the wrongdoer is another", "<Forber and Platel Inc> said it filed a demand for arbitration against Medi-Rx America Inc. The company said it signed a contract with Medi-Rx to sell prescription services for Medi-Rx. The company said that Medi-Rx violated terms of the contract.",
			[][3]string{{"Forber and Platel Inc", schema.Organization, schema.KindCompany}, {"Medi-Rx America Inc", schema.Organization, schema.KindCompany}, {"Medi-Rx", schema.Organization, schema.KindCompany}},
			[]string{"say said", "say said", "allege said"}, "", ""},
		{"the grounds of criticism deny nothing", "Conable said the Bank had come under fire from the poorest countries for not doing enough to help.", [][3]string{{"Conable", schema.Person, ""}, {"Bank", schema.Organization, schema.KindOther}},
			[]string{"say said", "allege under fire"}, "-", ""},
		{"an insurer's line of business is no wrong", "Frontier Insurance Group Inc said it acquired the malpractice book of business of Medical Quadrangle Inc.", [][3]string{{"Frontier Insurance Group Inc", schema.Organization, schema.KindCompany}, {"Medical Quadrangle Inc", schema.Organization, schema.KindCompany}},
			[]string{"say said"}, "", ""},
		{"a wrong done to what the speaker defends is not owned to, nor alleged of a kind", `"We cannot allow it to be jeopardized by unfair trading practices," Reagan said.`, [][3]string{{"Reagan", schema.Person, ""}},
			[]string{"say said"}, "", ""},
		{"a nationality that qualifies the wrong names its doer", "Walters told Iran's envoy that the United States acted in response to an Iranian attack against American ships.", [][3]string{{"Walters", schema.Person, ""}, usa, iran},
			[]string{"allege told"}, "Walters", "Iran"},
		{"a nationality before the nouns of the wrong names its doer", "The senators said the evidence of Japanese microchip dumping in Asia was conclusive.", [][3]string{japan, {"Asia", schema.Place, ""}},
			[]string{"allege said"}, "", "Japan"},
		{"a nationality before a weapon's name and noun names the doer", "Walters told Iran's envoy that the United States acted in response to an Iranian Silkworm missile attack against American ships.", [][3]string{{"Walters", schema.Person, ""}, usa, iran},
			[]string{"allege told"}, "Walters", "Iran"},
		{"a region where the wrong was done does not do it", "Regulators said the Acme plant in the Gulf region of Ohio had violated pollution rules.", [][3]string{acmeCorp, {"Ohio", schema.Place, ""}, {"Gulf", schema.Place, ""}},
			[]string{"allege said"}, "", "Acme"},
		{"a veto of a bill's retaliation for a wrong owns to nothing, nor alleges", "President Reagan said he would veto a trade bill requiring mandatory retaliation for unfair trade.", [][3]string{{"Reagan", schema.Person, ""}},
			[]string{"say said"}, "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			in := sentenceInput(tc.text, tc.ents...)
			in.Model = m
			out := Extract(in)
			var got []string
			for _, c := range out.Claims {
				got = append(got, string(c.Stance)+" "+c.Cue.Text)
			}
			if strings.Join(got, "; ") != strings.Join(tc.want, "; ") {
				t.Fatalf("%s\n got  %q\n want %q", tc.text, got, tc.want)
			}
			for _, c := range out.Claims {
				if c.Stance != schema.Allege {
					continue
				}
				if tc.claimant == "-" && c.Claimant != "" || tc.claimant != "-" && tc.claimant != "" && !strings.HasSuffix(string(c.Claimant), slug(tc.claimant)) {
					t.Errorf("claimant %q (%q), want %s", c.Claimant, c.ClaimantText, tc.claimant)
				}
				if c.ClaimantText != "" && strings.Contains(c.ClaimantText, c.Cue.Text) {
					t.Errorf("claimant text %q holds the cue %q", c.ClaimantText, c.Cue.Text)
				}
				if tc.target != "" && !strings.HasSuffix(string(c.Target), slug(tc.target)) {
					t.Errorf("target %q, want %s", c.Target, tc.target)
				}
				break
			}
		})
	}
}

func slug(name string) string { return "/" + strings.ToLower(strings.ReplaceAll(name, " ", "-")) }

// TestMinistryAnswersForItsCountry: a spokesman for a ministry in a story
// filed from Tokyo answers for Japan, and "Japanese officials" do too.
func TestMinistryAnswersForItsCountry(t *testing.T) {
	ministry := [3]string{"Trade Ministry", schema.Organization, schema.KindAgency}
	for _, tc := range []struct{ name, text, dateline string }{
		{"by the dateline", `The Senate accused Japan of violating the pact. "We are faithfully abiding by the pact," a spokesman for the Trade Ministry said.`, "TOKYO, March 13 -"},
		{"by the source's words", `The Senate accused Japan of violating the pact. Japanese officials said they were faithfully abiding by the pact.`, ""},
		{"honoring the pact", `The Senate accused Japan of violating the pact. Japanese officials told reporters they were honoring the pact.`, ""},
		{"compliance that goes on", `The Senate accused Japan of violating the pact. "Japan has continued to abide by the pact," a spokesman for the Trade Ministry said.`, "TOKYO, March 13 -"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := sentenceInput(tc.text, senate, japan, ministry)
			in.Doc.Dateline = tc.dateline
			cs := Extract(in).Claims
			if len(cs) != 2 || cs[0].Stance != schema.Allege || cs[1].Stance != schema.Deny {
				t.Fatalf("want an allegation and a denial: %+v", cs)
			}
			if len(cs[1].RespondsTo) != 1 || cs[1].RespondsTo[0] != cs[0].ID {
				t.Errorf("the denial answers %v, want %s", cs[1].RespondsTo, cs[0].ID)
			}
		})
	}
	// Without the dateline, nothing says whose ministry it is.
	in := sentenceInput(`The Senate accused Japan of violating the pact. "We are faithfully abiding by the pact," a spokesman for the Trade Ministry said.`, senate, japan, ministry)
	if cs := Extract(in).Claims; len(cs) == 2 && len(cs[1].RespondsTo) != 0 {
		t.Errorf("a ministry of no known country answers for Japan: %v", cs[1].RespondsTo)
	}
}

// TestChargesThatAreNone: an accountant's charge and prices charged
// accuse nobody.
func TestChargesThatAreNone(t *testing.T) {
	for _, text := range []string{
		"Profit was cut by the restructuring charge it took in the fourth quarter.",
		"The mercury was sold 40 pct below prices charged by EC producers, forcing them to cut prices to levels that no longer covered costs.",
	} {
		for _, c := range Extract(sentenceInput(text)).Claims {
			if c.Stance == schema.Allege {
				t.Errorf("%s\n an allegation: %q %q", text, c.Cue.Text, c.Content.Text)
			}
		}
	}
}

// TestPassiveChargeOverApposition: the accused of a passive charge is the
// subject before its apposition, not a name of the apposition or the
// charge's maker.
func TestPassiveChargeOverApposition(t *testing.T) {
	text := "Nahum Vaskevitch, the managing director of the London office, was charged in a civil complaint filed in Manhattan Federal Court by the SEC."
	n := 0
	for _, c := range Extract(sentenceInput(text, sec, [3]string{"Nahum Vaskevitch", schema.Person, ""})).Claims {
		if c.Stance != schema.Allege {
			continue
		}
		n++
		if !strings.HasSuffix(string(c.Target), slug("Nahum Vaskevitch")) {
			t.Errorf("target %q, want Nahum Vaskevitch", c.Target)
		}
	}
	if n != 1 {
		t.Errorf("%d allegations, want 1", n)
	}
}

// TestDenialOfAPartInAHedgedAct: a denial that holds a hedged act ("was
// not involved in the alleged transfer") denies a part in it; it answers
// the allegation only from the accused.
func TestDenialOfAPartInAHedgedAct(t *testing.T) {
	for _, tc := range []struct {
		text string
		link bool
	}{
		{"Pennzoil said Texaco was not involved in the alleged transfer of Nahum Vaskevitch's shares.", false},
		{"Texaco denied any involvement in Texaco's alleged transfer of the shares.", true},
	} {
		_, cs := allegationsOf(tc.text, texaco, pennz, vask)
		alleg, deny := lastAllegationAndDenial(cs)
		if alleg == nil || deny == nil {
			t.Errorf("%s: want an allegation and a denial: %+v", tc.text, cs)
			continue
		}
		if got := len(deny.RespondsTo) > 0; got != tc.link {
			t.Errorf("%s: linked %v (%+v), want %v", tc.text, got, deny.Links, tc.link)
		}
	}
}

// TestTitledMinisterAnswersForItsCountry: a minister the document
// introduces with his country's title ("Iranian Oil Minister Gholamreza
// Aqazadeh") answers for that country when he is later "he" or his
// surname ("He said there were no weapons on the oil platforms" then
// denies what the United States alleges against Iran); a title of no
// country, or none at all, makes him answer for nobody.
func TestTitledMinisterAnswersForItsCountry(t *testing.T) {
	iran := [3]string{"Iran", schema.Place, schema.KindCountry}
	aqazadeh := [3]string{"Gholamreza Aqazadeh", schema.Person, ""}
	const rest = ` The United States said Iran used the oil platforms to launch attacks on neutral shipping. He said there were no weapons on the oil platforms.`
	for _, tc := range []struct {
		name, opening string
		answers       bool
	}{
		{"a nationality in the title", "Iranian Oil Minister Gholamreza Aqazadeh spoke on Monday.", true},
		{"a title of no country", "Oil Minister Gholamreza Aqazadeh spoke on Monday.", false},
		{"no title", "Gholamreza Aqazadeh spoke on Monday.", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cs := Extract(sentenceInput(tc.opening+rest, usa, iran, aqazadeh)).Claims
			alleg, deny := lastAllegationAndDenial(cs)
			if alleg == nil {
				t.Fatalf("want an allegation: %+v", cs)
			}
			// Only the accused's side denies by stating the opposite
			// (opposition.go): from anyone else it is a statement.
			if got := deny != nil && slices.Contains(deny.RespondsTo, alleg.ID); got != tc.answers {
				t.Errorf("the minister answers the allegation: %v, want %v (%+v)", got, tc.answers, cs)
			}
		})
	}
}

// TestSecretarySpeaksForHisMinistry: a secretary who answers for his
// country (by his title) still speaks for a ministry of it that is the
// subject of what he says ("USDA makes every effort to minimize the
// levels of salmonella", against reports critical of USDA poultry
// inspection).
func TestSecretarySpeaksForHisMinistry(t *testing.T) {
	usda := [3]string{"USDA", schema.Organization, schema.KindAgency}
	lyng := [3]string{"Richard Lyng", schema.Person, ""}
	text := `U.S. Agriculture Secretary Richard Lyng spoke in Washington. Press reports have accused USDA of negligence in its poultry inspection. Lyng said USDA makes every effort to minimize the levels of salmonella in poultry inspection.`
	in := sentenceInput(text, usa, usda, lyng)
	in.Doc.Dateline = "WASHINGTON, March 13 -" // USDA is the United States'
	cs := Extract(in).Claims
	alleg, deny := lastAllegationAndDenial(cs)
	if alleg == nil || deny == nil || !slices.Contains(deny.RespondsTo, alleg.ID) {
		t.Errorf("want Lyng's statement to answer the reports: %+v", cs)
	}
}

// TestCapitalAfterUS: Reuters-21578 capitalises the word after "U.S."
// ("The U.S. Has accused Japan"); an auxiliary so written still opens the
// verb group of the cue.
func TestCapitalAfterUS(t *testing.T) {
	us := [3]string{"U.S.", schema.Place, schema.KindCountry}
	for _, text := range []string{
		"The U.S. has accused Japan of dumping chips below cost.",
		"The U.S. Has accused Japan of dumping chips below cost.",
	} {
		got, _ := allegationsOf(text, us, japan)
		if len(got) != 1 || !strings.HasPrefix(got[0], "allege") {
			t.Errorf("%s: claims %q, want one allegation", text, got)
		}
	}
}

// TestDoerOfARelativeOnTheWrong: the subject of a relative clause on the
// wrong did it ("the payoffs the company allegedly made"), not the last
// name before the wrong (the office of the official who speaks).
func TestDoerOfARelativeOnTheWrong(t *testing.T) {
	acme := [3]string{"Acme Corp", schema.Organization, schema.KindCompany}
	scheer := [3]string{"Thomas Scheer", schema.Person, ""}
	ny := [3]string{"New York", schema.Place, schema.KindCity}
	for _, text := range []string{
		`Acme Corp won 250 mln dlrs of contracts. "The company was manipulated," Thomas Scheer, the head of the FBI's New York office, said of the payoffs the company allegedly made to win contracts.`,
		`Acme Corp won 250 mln dlrs of contracts. Thomas Scheer of the FBI's New York office said of the bribes that Acme Corp paid to win contracts that they were the largest he had seen.`,
	} {
		cs := Extract(sentenceInput(text, acme, scheer, ny, usa)).Claims
		found := false
		for _, c := range cs {
			if c.Stance == schema.Allege && strings.HasSuffix(string(c.Target), slug("Acme Corp")) {
				found = true
			}
		}
		if !found {
			t.Errorf("%s\n no allegation against Acme Corp: %+v", text, cs)
		}
	}
}

// TestAnswerAboutItsHe: an answer whose content opens with "he" of a
// person named before, not its claimant, is about that person; an unnamed
// speaker's "he" may be the speaker himself, and stays unresolved.
func TestAnswerAboutItsHe(t *testing.T) {
	smith := [3]string{"John Smith", schema.Person, ""}
	sec2 := [3]string{"SEC", schema.Organization, schema.KindAgency}
	acme := [3]string{"Acme Corp", schema.Organization, schema.KindCompany}
	for _, tc := range []struct {
		name, text string
		about      bool
	}{
		{"a named company's he", "The SEC accused John Smith of fraud. The SEC said he had hidden losses. Acme Corp denied that he had hidden any losses.", true},
		{"an unnamed speaker's he", "The SEC accused John Smith of fraud. The SEC said he had hidden losses. A lawyer denied that he had hidden any losses.", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cs := Extract(sentenceInput(tc.text, smith, sec2, acme)).Claims
			var deny *schema.Claim
			for i := range cs {
				if cs[i].Stance == schema.Deny {
					deny = &cs[i]
				}
			}
			if deny == nil {
				t.Fatalf("no denial: %+v", cs)
			}
			if got := slices.ContainsFunc(deny.About, func(id string) bool { return strings.HasSuffix(id, slug("John Smith")) }); got != tc.about {
				t.Errorf("the denial is about John Smith: %v, want %v (%v)", got, tc.about, deny.About)
			}
		})
	}
}

// TestTheSuitsIt: "It" that opens a sentence after one whose subject is a
// suit is the suit ("The suit ... was filed in August. It alleged that
// ..."), not the company last named: the company is then the accused, and
// its "the suit was without merit" answers the allegation.
func TestTheSuitsIt(t *testing.T) {
	acme := [3]string{"Acme Corp", schema.Organization, schema.KindCompany}
	text := `Acme Corp said a wrongful death suit against it was dismissed. The suit, which sought one mln dlrs in damages, was filed in August. It alleged that the defective performance of an Acme Corp monitor resulted in the death of an infant. Acme Corp said the dismissal supports its contention that the suit was without merit.`
	cs := Extract(sentenceInput(text, acme)).Claims
	var alleg *schema.Claim
	for i := range cs {
		if cs[i].Stance == schema.Allege && cs[i].Cue.Text == "alleged" {
			alleg = &cs[i]
		}
	}
	if alleg == nil {
		t.Fatalf("no allegation by the suit: %+v", cs)
	}
	if alleg.Claimant != "" || !strings.HasSuffix(string(alleg.Target), slug("Acme Corp")) {
		t.Errorf("claimant %q, target %q; want none and Acme Corp", alleg.Claimant, alleg.Target)
	}
	answered := false
	for _, c := range cs {
		if c.Stance == schema.Deny && slices.Contains(c.RespondsTo, alleg.ID) {
			answered = true
		}
	}
	if !answered {
		t.Errorf("Acme's denial does not answer the suit: %+v", cs)
	}
}

// TestDisputedDebtIsNoDenial: claims for money "disputed by" a company are
// a debt it contests, no allegation it denies, though the story alleges
// against it.
func TestDisputedDebtIsNoDenial(t *testing.T) {
	ents := [][3]string{{"TransAmerican Natural Gas Corp", schema.Organization, schema.KindCompany},
		{"Coastal Corp", schema.Organization, schema.KindCompany}, {"Transamerican", schema.Organization, schema.KindCompany}}
	const opening = "In a statement, TransAmerican Natural Gas Corp said Coastal Corp claimed its rights to file a reorganization plan had been affirmed by the court. "
	for _, tc := range []struct {
		text string
		deny bool
	}{
		{"The company said various Coastal subsidiaries have made unsecured claims totaling 700,000 dlrs which are disputed by Transamerican.", false},
	} {
		got := false
		for _, c := range Extract(sentenceInput(opening+tc.text, ents...)).Claims {
			got = got || c.Stance == schema.Deny && strings.Contains(c.Content.Text, "claims")
		}
		if got != tc.deny {
			t.Errorf("%s\n a denial: %v, want %v", tc.text, got, tc.deny)
		}
	}
}

// lastAllegationAndDenial returns the last allegation and the last denial
// among cs (nil when there is none).
func lastAllegationAndDenial(cs []schema.Claim) (alleg, deny *schema.Claim) {
	for i := range cs {
		switch cs[i].Stance {
		case schema.Allege:
			alleg = &cs[i]
		case schema.Deny:
			deny = &cs[i]
		}
	}
	return alleg, deny
}

// TestPronounSubjectOfAClause: an answer whose content goes on to a
// clause with "he" as its subject ("we continue to believe in him and to
// believe that he did not act illegally"), in a quotation too, is about
// the man last named, and so answers the charge against him.
func TestPronounSubjectOfAClause(t *testing.T) {
	zentor := [3]string{"Zentor Securities", schema.Organization, schema.KindCompany}
	brandt := [3]string{"Carl Brandt", schema.Person, ""}
	const opening = "A federal grand jury indicted Carl Brandt on charges of illegally trading on inside information. "
	for _, tc := range []struct {
		text  string
		about bool
	}{
		{`"After all we have learned, we continue to support him and to believe that he did not act illegally," Zentor Securities said.`, true},
		{`Zentor Securities said that after a long review it remains convinced that he did not act illegally.`, true},
	} {
		var deny *schema.Claim
		cs := Extract(sentenceInput(opening+tc.text, zentor, brandt)).Claims
		for i := range cs {
			if cs[i].Stance == schema.Deny {
				deny = &cs[i]
			}
		}
		if deny == nil {
			t.Errorf("%s: no denial: %+v", tc.text, cs)
			continue
		}
		got := slices.Contains(deny.About, "per/carl-brandt") && len(deny.RespondsTo) > 0
		if got != tc.about {
			t.Errorf("%s: about Brandt and linked %v (about %v, links %+v), want %v", tc.text, got, deny.About, deny.Links, tc.about)
		}
	}
}

// TestMainAccused: an allegation that names no accused is against the
// party the document's other allegations accuse in the main, at least two
// of them; one other allegation is too little to go on.
func TestMainAccused(t *testing.T) {
	tests := []struct {
		name, text string
		want       string // the target of the last allegation
	}{
		{"two allegations against one party", "The SEC charged Nahum Vaskevitch with masterminding a massive insider trading scheme. " +
			"The SEC said Nahum Vaskevitch leaked inside information about 12 companies. " +
			"The suit was filed in New York because trading allegedly took place there.", "per/nahum-vaskevitch"},
		{"one other allegation", "The SEC charged Nahum Vaskevitch with masterminding a massive insider trading scheme. " +
			"The suit was filed in New York because trading allegedly took place there.", ""},
	}
	for _, tc := range tests {
		_, cs := allegationsOf(tc.text, sec, vask)
		var last *schema.Claim
		for i := range cs {
			if cs[i].Stance == schema.Allege {
				last = &cs[i]
			}
		}
		if last == nil || last.Cue.Text != "allegedly" {
			t.Errorf("%s: last allegation %+v, want the one cued by \"allegedly\"", tc.name, last)
			continue
		}
		if string(last.Target) != tc.want {
			t.Errorf("%s: target %q, want %q", tc.name, last.Target, tc.want)
		}
	}
}

// TestHedgeInAPhrase: the words before an attributive "alleged" that end
// in a preposition are the phrase it stands in, not its claimant; the
// party named there may be the accused.
func TestHedgeInAPhrase(t *testing.T) {
	text := "He also told reporters he hopes the U.S. will soon be able to lift sanctions imposed against Japan for alleged violations of an accord on semiconductors."
	_, cs := allegationsOf(text, japan, [3]string{"U.S.", schema.Place, schema.KindCountry})
	found := false
	for _, c := range cs {
		if c.Cue.Text != "alleged" {
			continue
		}
		found = true
		if c.Claimant != "" || c.Source.Text != "" {
			t.Errorf("claimant %q, source %q, want none", c.Claimant, c.Source.Text)
		}
		if c.Target != "loc/japan" {
			t.Errorf("target %q, want loc/japan", c.Target)
		}
	}
	if !found {
		t.Errorf("no claim cued by \"alleged\": %+v", cs)
	}
}

// TestPunishedParty: the party a punishment for a wrong falls on is
// accused of it, not the country named after it.
func TestPunishedParty(t *testing.T) {
	text := "Bangladesh is keeping its options open on whether to seek a penalty from Continental Grain Co of the United States for alleged breach of a wheat shipment contract."
	_, cs := allegationsOf(text, [3]string{"Bangladesh", schema.Place, schema.KindCountry},
		[3]string{"Continental Grain Co", schema.Organization, schema.KindCompany}, usa)
	found := false
	for _, c := range cs {
		if c.Stance != schema.Allege {
			continue
		}
		found = true
		if c.Target != "org/continental-grain-co" {
			t.Errorf("%q: target %q, want org/continental-grain-co", c.Cue.Text, c.Target)
		}
	}
	if !found {
		t.Errorf("no allegation: %+v", cs)
	}
}

package claims

import (
	"strings"
	"testing"

	"github.com/dossier-project/dossier/extract/attrib"
	"github.com/dossier-project/dossier/schema"
)

// TestPraiseOfOwnRecord: the accused's praise of the system or record the
// document criticises denies the criticism; the same praise with nothing
// alleged, from the critic, or about something else does not. A defence in
// the sentence that names the criticism ("reacting to criticism of U.S.
// meat inspection, defended the program") denies it.
func TestPraiseOfOwnRecord(t *testing.T) {
	usda := [3]string{"USDA", schema.Organization, schema.KindAgency}
	haas := [3]string{"Ellen Haas", schema.Person, ""}
	lyng := [3]string{"Richard Lyng", schema.Person, ""}
	us := [3]string{"United States", schema.Place, schema.KindCountry}
	tests := []struct {
		name, text string
		ents       [][3]string
		denies     int
	}{
		{"the accused praises the criticised system", "Ellen Haas criticized USDA's poultry inspection. Richard Lyng said USDA has the finest poultry inspection system in the world.",
			[][3]string{haas, usda, lyng}, 1},
		{"unstinting effort of the accused", "Ellen Haas criticized USDA's poultry inspection. Richard Lyng said USDA makes every effort to keep poultry safe.",
			[][3]string{haas, usda, lyng}, 1},
		{"a defender speaks as we", "Ellen Haas criticized USDA's poultry inspection. Richard Lyng defended USDA. \"We have the finest poultry inspection system in the world,\" Richard Lyng said.",
			[][3]string{haas, usda, lyng}, 2},
		{"a defence in the sentence of the criticism", "Richard Lyng, reacting to recent criticism of United States meat inspection, defended the program saying the United States has the best inspection system in the world.",
			[][3]string{lyng, us}, 1},
		{"praise with nothing alleged", "Richard Lyng said USDA has the finest poultry inspection system in the world.", [][3]string{usda, lyng}, 0},
		{"praise of something else", "Ellen Haas criticized USDA's poultry inspection. Richard Lyng said USDA has the best economists in the world.",
			[][3]string{haas, usda, lyng}, 0},
		{"the critic's own praise", "Ellen Haas criticized USDA's poultry inspection. Ellen Haas said Canada has the finest poultry inspection system in the world.",
			[][3]string{haas, usda, lyng}, 0},
	}
	m, err := attrib.Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			in := sentenceInput(tc.text, tc.ents...)
			in.Model = m
			got := 0
			for _, c := range Extract(in).Claims {
				if c.Stance == schema.Deny {
					got++
				}
			}
			if got != tc.denies {
				t.Errorf("%s\n %d denials, want %d: %+v", tc.text, got, tc.denies, Extract(in).Claims)
			}
		})
	}
}

// TestOwningToTheAct: the accused that agrees with a finding against it,
// or whose statement finds fault with an act it names as its own,
// acknowledges the allegation whose act words it repeats; a third party's
// agreement, a negated one, and an agreement on something the document
// does not allege do not.
func TestOwningToTheAct(t *testing.T) {
	boeing := [3]string{"Boeing Co", schema.Organization, schema.KindCompany}
	team := [3]string{"Transport Ministry", schema.Organization, schema.KindGovernment}
	jal := [3]string{"Japan Air Lines", schema.Organization, schema.KindCompany}
	report := "The Transport Ministry said faulty repairs by Boeing Co caused the crash. "
	tests := []struct {
		name, text string
		ack        bool
	}{
		{"agreed with the report", report + "Boeing Co said it had agreed with an earlier draft report that the crash was caused by incorrect repairs.", true},
		{"a third party agrees", report + "Japan Air Lines said it had agreed with an earlier draft report that the crash was caused by incorrect repairs.", false},
		{"did not agree", report + "Boeing Co said it did not agree with the report that the crash was caused by incorrect repairs.", false},
		{"agreed on something else", report + "Boeing Co said it had agreed with the report that pilots need more training.", false},
		{"the statement's own fault", "The Transport Ministry said faulty repairs by Boeing Co caused the crash. Boeing Co issued a statement. " +
			`"A small section was not correctly assembled during repairs which Boeing Co made," the statement said.`, true},
		{"nothing alleged", "Boeing Co said it had agreed with an earlier draft report that the crash was caused by incorrect repairs.", false},
	}
	m, err := attrib.Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			in := sentenceInput(tc.text, boeing, team, jal)
			in.Model = m
			cs := Extract(in).Claims
			got := false
			for _, c := range cs {
				if c.Stance == schema.Acknowledge && len(c.RespondsTo) > 0 {
					got = true
				}
			}
			if got != tc.ack {
				t.Errorf("%s\n linked acknowledgement %v, want %v: %+v", tc.text, got, tc.ack, cs)
			}
		})
	}
}

// TestHeadlineDefence: a wire headline "X DEFENDS Y" is X's claim, a
// denial when the story criticises Y of X's side, praise otherwise; in
// prose "defends" stays a cue of the trained model only.
func TestHeadlineDefence(t *testing.T) {
	lyng := [3]string{"Richard Lyng", schema.Person, ""}
	haas := [3]string{"Ellen Haas", schema.Person, ""}
	usda := [3]string{"USDA", schema.Organization, schema.KindAgency}
	tests := []struct {
		name, text string
		stance     schema.Stance // of the claim cued by "DEFENDS"; "" for none
	}{
		{"a criticised system defended", "LYNG DEFENDS USDA MEAT INSPECTION\n\nEllen Haas criticized USDA meat inspection.", schema.Deny},
		{"nothing alleged", "LYNG DEFENDS USDA MEAT INSPECTION\n\nThe system inspects meat.", schema.Praise},
		{"prose", "Richard Lyng defends the system.", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			in := sentenceInput(tc.text, lyng, haas, usda)
			cs := Extract(in).Claims
			var got schema.Stance
			for _, c := range cs {
				if strings.EqualFold(c.Cue.Text, "defends") {
					got = c.Stance
				}
			}
			if got != tc.stance {
				t.Errorf("%s\n stance %q, want %q: %+v", tc.text, got, tc.stance, cs)
			}
		})
	}
}

// TestTakesBlameAndDenouncedReports: a statement that its subject took
// responsibility acknowledges; one to come or asked for does not. A
// denunciation of the reports it names denies them and answers them.
func TestTakesBlameAndDenouncedReports(t *testing.T) {
	reagan := [3]string{"Ronald Reagan", schema.Person, ""}
	tests := []struct {
		name, text string
		stance     schema.Stance
		linked     bool
	}{
		{"took responsibility", "Ronald Reagan said he took full responsibility for his own actions.", schema.Acknowledge, false},
		{"would take responsibility", "Ronald Reagan said he would take full responsibility for the decision.", schema.Say, false},
		{"did not accept the blame", "Ronald Reagan said he did not accept the blame.", schema.Say, false},
		{"denounced reports", "Ronald Reagan denounced press reports that his wife is running the government.", schema.Deny, true},
		{"denounced a study", "Ronald Reagan denounced the study that his wife commissioned.", schema.Criticise, false},
	}
	m, err := attrib.Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			// As the product runs: the model's content of "denounced"
			// starts after "press reports that".
			in := sentenceInput(tc.text, reagan)
			in.Model = m
			cs := Extract(in).Claims
			var got *schema.Claim
			for i := range cs {
				if cs[i].Claimant == "per/ronald-reagan" {
					got = &cs[i]
					break
				}
			}
			if got == nil || got.Stance != tc.stance || (len(got.RespondsTo) > 0) != tc.linked {
				t.Errorf("%s\n want stance %s, linked %v: %+v", tc.text, tc.stance, tc.linked, cs)
			}
		})
	}
}

// TestPassiveDenial: a statement that the rumours it names are denied is
// its claimant's denial; one denied by another, or not denied, is not.
func TestPassiveDenial(t *testing.T) {
	salomon := [3]string{"Salomon Inc", schema.Organization, schema.KindCompany}
	tests := []struct {
		name, text string
		deny       bool
	}{
		{"unequivocally denied", `Salomon Inc said the rumors affected the company's stock and are "unequivocally denied."`, true},
		{"denied by another", "Salomon Inc said the rumors were denied by the exchange.", false},
		{"not denied", "Salomon Inc said the rumors were not denied.", false},
		{"a claim refused", "Salomon Inc said the claim for damages was denied.", false},
		{"charges rejected", "Salomon Inc said the charges are rejected.", true},
		{"bail denied", "Salomon Inc said its trader was denied bail.", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			cs := Extract(sentenceInput(tc.text, salomon)).Claims
			got := false
			for _, c := range cs {
				got = got || c.Stance == schema.Deny && c.Claimant == "org/salomon-inc"
			}
			if got != tc.deny {
				t.Errorf("%s\n Salomon's denial %v, want %v: %+v", tc.text, got, tc.deny, cs)
			}
		})
	}
}

// TestNoGroundsFound: a finding of no evidence for a wrong denies it and
// alleges nothing; evidence found alleges.
func TestNoGroundsFound(t *testing.T) {
	court := [3]string{"Texas Appellate Court", schema.Organization, schema.KindGovernment}
	farris := [3]string{"Farris", schema.Person, ""}
	m, err := attrib.Default()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, text string
		stance     schema.Stance
	}{
		{"no evidence", "The Texas Appellate Court refused to grant a new trial, finding no evidence that Farris was biased.", schema.Deny},
		{"evidence", "The Texas Appellate Court ordered a new trial, finding evidence that Farris was biased.", schema.Allege},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			in := sentenceInput(tc.text, court, farris)
			in.Model = m
			cs := Extract(in).Claims
			var got schema.Stance
			for _, c := range cs {
				if strings.HasPrefix(c.Cue.Text, "finding") {
					got = c.Stance
				}
			}
			if got != tc.stance {
				t.Errorf("%s\n stance %q, want %q: %+v", tc.text, got, tc.stance, cs)
			}
		})
	}
}

// TestSettlementsAreNoAdmission: consenting "without admitting or denying"
// and agreeing to settle or to pay neither acknowledge nor deny; admitting
// and agreeing to plead guilty still acknowledge.
func TestSettlementsAreNoAdmission(t *testing.T) {
	davidoff := [3]string{"Davidoff", schema.Person, ""}
	sec := [3]string{"SEC", schema.Organization, schema.KindAgency}
	m, err := attrib.Default()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, text string
		answers    bool
	}{
		{"without admitting or denying", "The SEC said Davidoff consented to its order without admitting or denying the allegations that he aided and abetted violations.", false},
		{"agreed to settle", "Davidoff agreed to settle charges stemming from misleading financial statements.", false},
		{"agreed to pay penalties", "Davidoff agreed to pay 100 mln dlrs in penalties and illegal profits after being charged with insider trading.", false},
		{"admitted", "Davidoff admitted he aided and abetted violations of securities laws.", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			in := sentenceInput(tc.text, davidoff, sec)
			in.Model = m
			cs := Extract(in).Claims
			got := false
			for _, c := range cs {
				got = got || c.Stance == schema.Acknowledge || c.Stance == schema.Deny
			}
			if got != tc.answers {
				t.Errorf("%s\n an answer %v, want %v: %+v", tc.text, got, tc.answers, cs)
			}
		})
	}
}

// TestNothingAgainstRules: saying that nothing done breaks a rule is a
// denial; saying that something does is not.
func TestNothingAgainstRules(t *testing.T) {
	us := [3]string{"Washington", schema.Place, schema.KindCity}
	tests := []struct {
		name, text string
		deny       bool
	}{
		{"nothing against the laws", `She said Washington was "not doing anything in connection with Iran which is not consistent with U.S. laws or trade policy."`, true},
		{"done nothing contrary", "She said Washington has done nothing contrary to the agreement.", true},
		{"something against the laws", "She said the sales were not consistent with U.S. laws.", false},
		{"nothing else", "She said Washington was not doing anything about the dollar.", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			cs := Extract(sentenceInput(tc.text, us)).Claims
			got := false
			for _, c := range cs {
				got = got || c.Stance == schema.Deny
			}
			if got != tc.deny {
				t.Errorf("%s\n denial %v, want %v: %+v", tc.text, got, tc.deny, cs)
			}
		})
	}
}

// TestJustificationsAndDefencesOfRecord: the accused's word that it did
// nothing improper, acted properly or that the price was fair justifies
// the act, and its word that its policy works or that it acts with
// diligence defends its record: each denies what the document alleges
// against it when it speaks of that act, and nothing otherwise.
func TestJustificationsAndDefencesOfRecord(t *testing.T) {
	jones := [3]string{"Mayor Jones", schema.Person, ""}
	teller := [3]string{"Teller Co", schema.Organization, schema.KindCompany}
	justice := [3]string{"Justice Department", schema.Organization, schema.KindAgency}
	metz := [3]string{"Howard Metz", schema.Person, ""}
	tests := []struct {
		name, text string
		ents       [][3]string
		want       schema.Stance
		reason     string // of the answer's link, "" for none
	}{
		{"nothing improper", "The newspaper alleged that Mayor Jones took bribes. Jones said he had done nothing improper.",
			[][3]string{jones}, schema.Deny, "asserts its right"},
		{"the price was fair", "The union accused Teller Co of underpaying for the plant. Teller said the price was fair.",
			[][3]string{union, teller}, schema.Deny, "asserts its right"},
		{"acted appropriately", "The union accused Teller Co of breaking the contract. Teller said it acted appropriately.",
			[][3]string{union, teller}, schema.Deny, "asserts its right"},
		{"fair to assume is no justification", "The union accused Teller Co of underpaying for the plant. Teller said it was fair to assume prices would rise.",
			[][3]string{union, teller}, schema.Say, ""},
		{"a fair price with nothing alleged", "Teller Co bought the plant on Monday. Teller said the price was fair.",
			[][3]string{teller}, schema.Say, ""},
		{"has vigorously enforced", "Howard Metz charged that the Justice Department has abandoned antitrust enforcement. The department said it has vigorously enforced the antitrust laws.",
			[][3]string{metz, justice}, schema.Deny, "praises its record (antitrust"},
		{"the enforcement is working", "Howard Metz charged that the Justice Department has abandoned antitrust enforcement. The department said its antitrust enforcement is working.",
			[][3]string{metz, justice}, schema.Deny, "praises its record (antitrust"},
		{"meets those criteria", "The Teamsters accused Teller Co of false advertising. Teller said its campaign clearly meets those criteria.",
			[][3]string{union, teller}, schema.Deny, "asserts its right"},
		{"always been committed to", "The Teamsters accused Teller Co of false advertising. Teller said it has always been committed to truthful advertising.",
			[][3]string{union, teller}, schema.Deny, "praises its record (advertis"},
		{"a vow to enforce is no record", "Howard Metz charged that the Justice Department has abandoned antitrust enforcement. The department said it will vigorously enforce the antitrust laws.",
			[][3]string{metz, justice}, schema.Say, ""},
		{"not working", "Howard Metz charged that the Justice Department has abandoned antitrust enforcement. The department said its antitrust enforcement is not working.",
			[][3]string{metz, justice}, schema.Say, ""},
		{"diligence in another task", "Howard Metz charged that the Justice Department has abandoned antitrust enforcement. The department said it has vigorously promoted exports.",
			[][3]string{metz, justice}, schema.Say, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			checkSecondSentence(t, tc.text, tc.ents, "said", tc.want, tc.reason != "", tc.reason)
		})
	}
}

// TestHeadlineDefenceAfterATicker: a wire headline's "X <TICKER> DEFENDS
// Y" is X's defence, as "X DEFENDS Y" is, and answers what the story
// alleges against X, named in capitals or not.
func TestHeadlineDefenceAfterATicker(t *testing.T) {
	teller := [3]string{"Teller Co", schema.Organization, schema.KindCompany}
	tellerCaps := [3]string{"TELLER", schema.Organization, schema.KindCompany}
	text := "TELLER <TLR> DEFENDS CHEESE ADVERTISING\n\nThe Teamsters charged Teller Co with false advertising of its cheese."
	_, cs := allegationsOf(text, tellerCaps, teller, union)
	var def *schema.Claim
	for i := range cs {
		if cs[i].Cue.Text == "DEFENDS" {
			def = &cs[i]
		}
	}
	if def == nil || def.Stance != schema.Deny || len(def.RespondsTo) == 0 {
		t.Errorf("the headline's defence should deny and answer the charge: %+v", cs)
	}
}

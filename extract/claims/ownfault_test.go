package claims

import (
	"strings"
	"testing"

	"github.com/dossier-project/dossier/extract/attrib"
	"github.com/dossier-project/dossier/schema"
)

// TestOwnFault: a party that says a thing it did was faulty acknowledges
// it, and the acknowledgement answers the allegation against the party
// in its words; an opinion of its own, a report called wrong, or a
// fault of another's act is no acknowledgement.
func TestOwnFault(t *testing.T) {
	boeing := [3]string{"Boeing Co", schema.Organization, schema.KindCompany}
	team := [3]string{"Transport Ministry", schema.Organization, schema.KindGovernment}
	m, err := attrib.Default()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, text string
		ack, links bool
	}{
		{"its repairs were faulty", "On September 6, 1985, Boeing Co issued a statement saying that repairs it had undertaken in 1978 were faulty.", true, false},
		{"answers the report", "The Transport Ministry said faulty repairs by Boeing Co caused the crash. Boeing Co said the 1978 repairs it had carried out were faulty.", true, true},
		{"not correctly assembled", "Boeing Co said a section it had repaired was not correctly assembled.", true, false},
		{"an opinion of its own", "Boeing Co said it was wrong to blame the crew.", false, false},
		{"a report called wrong", "Boeing Co said its report on the crash was wrong.", false, false},
		{"another's act", "Boeing Co said the repairs the airline made were faulty.", false, false},
		{"agreed with the report's finding", "Boeing Co said it had agreed with an earlier draft report that the accident was caused by incorrect repairs.", true, false},
		{"agreed with a finding of no fault", "Boeing Co said it agreed with the report that the repairs were not faulty.", false, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			in := sentenceInput(tc.text, boeing, team)
			in.Model = m
			out := Extract(in)
			checkOutput(t, in, out)
			ack, links := false, false
			for _, c := range out.Claims {
				if c.Stance == schema.Acknowledge && strings.Contains(c.Content.Text, "repair") {
					ack = true
					links = links || len(c.RespondsTo) > 0
				}
			}
			if ack != tc.ack || links != tc.links {
				t.Errorf("%s\n acknowledges %v (want %v), linked %v (want %v): %+v", tc.text, ack, tc.ack, links, tc.links, out.Claims)
			}
		})
	}
}

// TestRoleAppositions: an administrator, an executive director, a vice
// president and a lawyer named in apposition hold a role of the
// organisation after "of" or "for", so that they answer for it.
func TestRoleAppositions(t *testing.T) {
	for _, tc := range []struct{ text, person, org string }{
		{"Donald Houston, administrator of the Food Safety and Inspection Service, defended the program.", "Donald Houston", "Food Safety and Inspection Service"},
		{"Rodney Leonard, executive director of the Community Nutrition Institute, said the plan was poor.", "Rodney Leonard", "Community Nutrition Institute"},
		{"Paul Low, a vice president of Acme Corp, said sales rose.", "Paul Low", "Acme Corp"},
		{"John Smith, a lawyer for Acme Corp, said the suit had no merit.", "John Smith", "Acme Corp"},
		{"Gibson Gayle, a Texaco lawyer, said the company had every right to seek protection.", "Gibson Gayle", "Texaco"},
		{"We have recognized there are other alternatives, John Jeffers, the Pennzoil attorney, said.", "John Jeffers", "Pennzoil"},
		// No comma before the cue: the role and its organisation read as
		// a description of the person still name the organisation.
		{"Acme Corp is not facing problems, Robert Conway, managing director of Goldman Sachs International Corp said.", "Robert Conway", "Goldman Sachs International Corp"},
	} {
		in := sentenceInput(tc.text, [3]string{tc.person, schema.Person, ""}, [3]string{tc.org, schema.Organization, schema.KindOther})
		out := Extract(in)
		checkOutput(t, in, out)
		found := false
		for _, r := range out.Relations {
			found = found || r.Predicate == schema.RoleOf && r.Subject == schema.Key(schema.Person, tc.person) && r.Object == schema.Key(schema.Organization, tc.org)
		}
		if !found {
			t.Errorf("%s\n no role of %s: %+v", tc.text, tc.org, out.Relations)
		}
	}
}

// TestDefenceOfCriticisedAct: "reacting to recent criticism of U.S. meat
// inspection, defended the program" defends what the noun alleges, and a
// cabinet secretary of a country answers for it.
func TestDefenceOfCriticisedAct(t *testing.T) {
	m, err := attrib.Default()
	if err != nil {
		t.Fatal(err)
	}
	text := "U.S. Agriculture Secretary Richard Lyng, reacting to recent criticism of U.S. meat inspection, defended the program saying the United States has the best inspection system in the world."
	in := sentenceInput(text, [3]string{"Richard Lyng", schema.Person, ""}, [3]string{"U.S.", schema.Place, schema.KindCountry})
	in.Model = m
	out := Extract(in)
	checkOutput(t, in, out)
	ok := false
	for _, c := range out.Claims {
		ok = ok || c.Stance == schema.Deny && strings.HasPrefix(c.Cue.Text, "defended") && len(c.RespondsTo) > 0
	}
	if !ok {
		t.Errorf("no linked defence: %+v", out.Claims)
	}
}

// TestDeniedReportIsAnswered: a denial whose object is a noun of
// allegation ("denied a report that ...") answers the allegation that noun
// opens, whatever span its own content was given.
func TestDeniedReportIsAnswered(t *testing.T) {
	m, err := attrib.Default()
	if err != nil {
		t.Fatal(err)
	}
	text := "WHITE HOUSE DENIES ANY FURTHER ARMS SALES TO IRAN\n\nThe White House denied a report that the United States was continuing to ship arms or weapons-related equipment to Iran, but an administration official said there had been non-weapons sales to Tehran through commercial channels."
	in := sentenceInput(text, [3]string{"White House", schema.Organization, schema.KindGovernment}, [3]string{"United States", schema.Place, schema.KindCountry},
		[3]string{"Iran", schema.Place, schema.KindCountry}, [3]string{"Tehran", schema.Place, schema.KindCity})
	in.Model = m
	out := Extract(in)
	checkOutput(t, in, out)
	ok := false
	for _, c := range out.Claims {
		ok = ok || c.Stance == schema.Deny && c.Cue.Text == "denied" && len(c.RespondsTo) > 0
	}
	if !ok {
		t.Errorf("the denial answers nothing: %+v", out.Claims)
	}
}

// TestDeniedAllegationsWithoutThat: a denial of allegations whose clause
// follows without "that" answers them ("dismissed allegations he ordered
// the shredding of documents as completely untrue"); the same words not
// denied make no allegation of their own.
func TestDeniedAllegationsWithoutThat(t *testing.T) {
	m, err := attrib.Default()
	if err != nil {
		t.Fatal(err)
	}
	saunders := [3]string{"Ernest Saunders", schema.Person, ""}
	for _, tc := range []struct {
		text    string
		alleged bool
	}{
		{`Former chairman Ernest Saunders dismissed allegations he ordered the shredding of documents as "completely untrue."`, true},
		{"Former chairman Ernest Saunders said the allegations he answered were many.", false},
	} {
		in := sentenceInput(tc.text, saunders)
		in.Model = m
		out := Extract(in)
		checkOutput(t, in, out)
		alleged, answered := false, false
		for _, c := range out.Claims {
			alleged = alleged || c.Stance == schema.Allege && strings.HasSuffix(string(c.Target), "/ernest-saunders")
			answered = answered || c.Stance == schema.Deny && len(c.RespondsTo) > 0
		}
		if alleged != tc.alleged || answered != tc.alleged {
			t.Errorf("%q: allegation against Saunders %v, denial linked %v, want %v: %+v", tc.text, alleged, answered, tc.alleged, out.Claims)
		}
	}
}

// TestDeniedDealReportIsNoAllegation: a report or rumour of a deal (a
// takeover, a bid, an acquisition) names neither a wrong nor a damaging
// fact, so its denial stays a denial that answers no allegation; a denied
// rumour of losses or of a wrong is still an allegation it answers.
func TestDeniedDealReportIsNoAllegation(t *testing.T) {
	m, err := attrib.Default()
	if err != nil {
		t.Fatal(err)
	}
	adm := [3]string{"Archer-Daniels-Midland Co", schema.Organization, schema.KindCompany}
	imc := [3]string{"International Minerals and Chemical Corp", schema.Organization, schema.KindCompany}
	for _, tc := range []struct {
		text    string
		alleged bool
	}{
		{"Archer-Daniels-Midland Co denied a report that it is interested in acquiring International Minerals and Chemical Corp.", false},
		{"Archer-Daniels-Midland Co denied rumours that it was the target of a takeover bid.", false},
		{"Archer-Daniels-Midland Co denied rumours that it had suffered heavy trading losses.", true},
		{"Archer-Daniels-Midland Co denied a report that it had illegally acquired shares of International Minerals and Chemical Corp.", true},
	} {
		in := sentenceInput(tc.text, adm, imc)
		in.Model = m
		out := Extract(in)
		checkOutput(t, in, out)
		alleged, denied := false, false
		for _, c := range out.Claims {
			alleged = alleged || c.Stance == schema.Allege
			denied = denied || c.Stance == schema.Deny
		}
		if alleged != tc.alleged || !denied {
			t.Errorf("%q: allegation %v, want %v; denial %v: %+v", tc.text, alleged, tc.alleged, denied, out.Claims)
		}
	}
}

// TestAcknowledgementInsideAllegation: an agreement told inside what a
// complaint alleges is part of the allegation, not an answer to it.
func TestAcknowledgementInsideAllegation(t *testing.T) {
	m, err := attrib.Default()
	if err != nil {
		t.Fatal(err)
	}
	text := "The complaint alleges, among other things, that the company and its board agreed to pay First Boston an illegal seven mln dlr topping fee if it received a higher offer."
	in := sentenceInput(text, [3]string{"First Boston", schema.Organization, schema.KindCompany})
	in.Model = m
	out := Extract(in)
	checkOutput(t, in, out)
	alleged := false
	for _, c := range out.Claims {
		alleged = alleged || c.Stance == schema.Allege
		if c.Stance != schema.Allege && len(c.RespondsTo) > 0 {
			t.Errorf("%s %q answers %v", c.Stance, c.Cue.Text, c.RespondsTo)
		}
	}
	if !alleged {
		t.Errorf("no allegation: %+v", out.Claims)
	}
}

// TestRefusedRequestIsNoDenial: "denied a request" withholds, whatever
// wrong the request's own words name, and so do a request or motion named
// after a quantifier, a name or an adjective ("denied all post-trial
// motions by", "DENIES WHEELING-PITTSBURGH REQUEST") and a speaker's own
// refusal reported ("the agency said it denied a request"); a denial of
// what a request alleges is still one.
func TestRefusedRequestIsNoDenial(t *testing.T) {
	m, err := attrib.Default()
	if err != nil {
		t.Fatal(err)
	}
	wp := [3]string{"Wheeling-Pittsburgh Steel Corp", schema.Organization, schema.KindCompany}
	ngpl := [3]string{"Natural Gas Pipeline Co", schema.Organization, schema.KindCompany}
	for _, tc := range []struct {
		text string
		deny bool
	}{
		{"The agency denied a request by Wheeling-Pittsburgh Steel Corp that it be allowed to operate the plant while court-ordered pollution control equipment is installed.", false},
		{"The agency said it denied a request by Wheeling-Pittsburgh Steel Corp that it be allowed to operate the plant while court-ordered pollution control equipment is installed.", false},
		{"Judge Brimmer denied all post-trial motions by Natural Gas Pipeline Co but did eliminate part of the damages for interference with a contract.", false},
		{"Natural Gas Pipeline Co denied charges of interference with a contract.", true},
	} {
		in := sentenceInput(tc.text, wp, ngpl)
		in.Model = m
		out := Extract(in)
		checkOutput(t, in, out)
		deny := false
		for _, c := range out.Claims {
			deny = deny || c.Stance == schema.Deny
		}
		if deny != tc.deny {
			t.Errorf("%q: denial %v, want %v: %+v", tc.text, deny, tc.deny, out.Claims)
		}
	}
}

// TestUndecidedIsNoOpposite: "has not yet decided whether to pursue" an
// act negates no act words, so it states nothing opposite to an
// allegation that names them; "has not pursued its case" does.
func TestUndecidedIsNoOpposite(t *testing.T) {
	toks := func(s string) []tok {
		var ts []tok
		for _, w := range strings.Fields(s) {
			ts = append(ts, tok{text: w, low: strings.ToLower(w)})
		}
		return ts
	}
	for _, tc := range []struct {
		text string
		want bool
	}{
		{"the company has not yet decided whether to pursue its case against Belcher Oil", false},
		{"he did not say if the firm would pursue the claims", false},
		{"the company has not pursued its case against Belcher Oil", true},
	} {
		ts := toks(tc.text)
		if got := len(negatedWords(ts, 0, len(ts))) > 0; got != tc.want {
			t.Errorf("%q: negates act words %v, want %v", tc.text, got, tc.want)
		}
	}
}

// TestWrongInNameIsNoWrong: a word of wrongdoing inside a name in
// capitals ("Crime Control Inc", "Cartel Security Consultants") names no
// wrong; the same word in lower case, or opening a headline in capitals,
// does.
func TestWrongInNameIsNoWrong(t *testing.T) {
	toks := func(s string) []tok {
		var ts []tok
		for _, w := range strings.Fields(s) {
			ts = append(ts, tok{text: w, low: strings.ToLower(w), capital: w[0] >= 'A' && w[0] <= 'Z'})
		}
		return ts
	}
	for _, tc := range []struct {
		text string
		want bool
	}{
		{"It said that Crime Control reported operating profit of 4.0 mln dlrs", false},
		{"It acquired guard companies from Cartel Security Consultants Inc", false},
		{"The police said the gang ran a cartel that fixed prices", true},
		{"OPEC CARTEL ACCUSED OF FIXING PRICES", true},
	} {
		ts := toks(tc.text)
		if got := wrongIn(ts, 0, len(ts)) >= 0; got != tc.want {
			t.Errorf("%q: names a wrong %v, want %v", tc.text, got, tc.want)
		}
	}
}

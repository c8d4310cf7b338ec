package claims

import (
	"strings"
	"testing"

	"github.com/dossier-project/dossier/extract/attrib"
	"github.com/dossier-project/dossier/schema"
)

// TestOnlyAllegationAgainst: an answer by the accused whose words meet
// nothing of the allegation still answers it when it is the one
// allegation against the accused in the article, told within four
// sentences; not when two allegations are against it, when it is told
// far away, or when the answer is a refusal of what is to come.
func TestOnlyAllegationAgainst(t *testing.T) {
	zentor := [3]string{"Zentor Corp", schema.Organization, schema.KindCompany}
	critics := [3]string{"Greenwatch", schema.Organization, schema.KindOther}
	m, err := attrib.Default()
	if err != nil {
		t.Fatal(err)
	}
	const charge = "Greenwatch accused Zentor Corp of dumping toxic waste into the Velka river. "
	const filler = "The river runs through three towns. Fishing there is popular in summer. The towns hold a fair each June. "
	const more = "The fair draws many visitors. Most of them come by train. "
	tests := []struct {
		name, text, answer string
		linked             bool
	}{
		{"the next sentence", charge + "Zentor Corp denied that its trucks had ever visited the site.", "trucks", true},
		{"the sentence before", "Zentor Corp denied that its trucks had ever visited the site. " + charge, "trucks", true},
		{"four sentences away", charge + filler + "Zentor Corp denied that its trucks had ever visited the site.", "trucks", true},
		{"far away", charge + filler + more + "Zentor Corp denied that its trucks had ever visited the site.", "trucks", false},
		{"two allegations against it", charge + "Greenwatch also accused Zentor Corp of bribing the mayor. Zentor Corp denied that its trucks had ever visited the site.", "trucks", false},
		{"a refusal to come", charge + "Zentor Corp said it would not yield to blackmail by its trucks.", "trucks", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			in := sentenceInput(tc.text, zentor, critics)
			in.Model = m
			out := Extract(in)
			checkOutput(t, in, out)
			byID := map[string]schema.Claim{}
			for _, c := range out.Claims {
				byID[c.ID] = c
			}
			linked := false
			for _, c := range out.Claims {
				if c.Stance == schema.Allege || !strings.Contains(c.Content.Text, tc.answer) {
					continue
				}
				for _, r := range c.RespondsTo {
					linked = linked || strings.Contains(byID[r].Content.Text, "dumping")
				}
			}
			if linked != tc.linked {
				t.Errorf("%s\n answer linked to the dumping charge %v, want %v: %+v", tc.text, linked, tc.linked, out.Claims)
			}
		})
	}
}

// TestHeldAllegationOnly: a denial that holds an allegation in its own
// words ("denounced press reports that his wife ... is running the
// state") answers that one, not another allegation of the article against
// another party that shares a word with it ("his wife had had a role in
// the departure", against the governor); an allegation against the same
// party stays linked.
func TestHeldAllegationOnly(t *testing.T) {
	brandt := [3]string{"Lev Brandt", schema.Person, ""}
	mira := [3]string{"Mira Brandt", schema.Person, ""}
	m, err := attrib.Default()
	if err != nil {
		t.Fatal(err)
	}
	in := sentenceInput("Governor Lev Brandt angrily denounced press reports that his wife, Mira Brandt, is running the state as fiction. "+
		"Lev Brandt flatly denied that his wife had had a role in the departure of his chief of staff, as has been widely reported.", brandt, mira)
	in.Model = m
	out := Extract(in)
	checkOutput(t, in, out)
	byID := map[string]schema.Claim{}
	for _, c := range out.Claims {
		byID[c.ID] = c
	}
	for _, c := range out.Claims {
		if c.Stance != schema.Deny {
			continue
		}
		own := "running the state" // what the answer holds
		if strings.Contains(c.Content.Text, "departure") {
			own = "departure"
		}
		if len(c.RespondsTo) == 0 {
			t.Errorf("%q answers nothing, want the report it holds", c.Evidence.Text)
		}
		for _, r := range c.RespondsTo {
			if !strings.Contains(byID[r].Content.Text, own) {
				t.Errorf("%q answers %q, want only the report it holds (%q)", c.Evidence.Text, byID[r].Content.Text, own)
			}
		}
	}
}

// TestFindingOfNoWrong: a finding of no evidence or no sign of a wrong
// answers, in its article, the allegation of the act it finds unproven,
// whoever makes it (an authority's finding); not the statement of its own
// maker's side.
func TestFindingOfNoWrong(t *testing.T) {
	brandt := [3]string{"Lev Brandt", schema.Person, ""}
	zentor := [3]string{"Zentor Corp", schema.Organization, schema.KindCompany}
	velka := [3]string{"Velka", schema.Organization, schema.KindOther}
	vcb := [3]string{"VCB", schema.Organization, schema.KindOther}
	m, err := attrib.Default()
	if err != nil {
		t.Fatal(err)
	}
	const parked = "several banks had parked currency positions with Zentor Corp to circumvent regulations. Zentor Corp shares fell three pct on the news. "
	tests := []struct {
		name, text, answer string
		ents               [][3]string
		linked             bool
	}{
		{"no evidence that the judge was biased", "Greenwatch alleged bias by Judge Lev Brandt against the company in the river case. " +
			"The appeals court refused a retrial, finding no evidence that Lev Brandt was biased.", "biased", [][3]string{brandt}, true},
		{"no signs that the regulations had been broken", "Press reports said " + parked +
			"The Velka central bank said there were no concrete signs that the regulations had been broken.", "signs", [][3]string{zentor, velka}, true},
		{"its own side's statement", "A spokesman for the Velka central bank, VCB, said " + parked +
			"The VCB said there were no concrete signs that the regulations had been broken.", "signs", [][3]string{velka, vcb, zentor}, false},
		{"no evidence of wrongdoing by the accused", "Shareholders accused Zentor Corp of hiding losses from investors last year. " +
			"The prosecutor said he found no evidence of wrongdoing by Zentor Corp.", "wrongdoing", [][3]string{zentor}, true},
		{"no evidence of wrongdoing by another", "Shareholders accused Zentor Corp of hiding losses from investors last year. " +
			"The prosecutor said he found no evidence of wrongdoing by Velka.", "wrongdoing", [][3]string{zentor, velka}, false},
		{"no evidence to substantiate this", "Traders have alleged a squeeze of the market but Velka pointed out that an inquiry found no evidence to substantiate this.",
			"substantiate", [][3]string{velka}, true},
		{"no basis to justify this increase", "Traders have alleged a squeeze of the market. Velka said there was no basis to justify this increase in fees.",
			"justify", [][3]string{velka}, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			checkDenialLinked(t, m, tc.text, tc.answer, "finding ", tc.linked, tc.ents...)
		})
	}
}

// TestAnswerOfAnotherSubject: a denial whose subject is another party than
// the accused ("denied that Velka was pumping above its Zentoria quota")
// does not answer the allegation against the party it only names
// ("Zentoria was pumping well above its ceiling"); with the accused for
// subject it does.
func TestAnswerOfAnotherSubject(t *testing.T) {
	zentoria := [3]string{"Zentoria", schema.Organization, ""}
	velka := [3]string{"Velka", schema.Place, schema.KindCountry}
	m, err := attrib.Default()
	if err != nil {
		t.Fatal(err)
	}
	const charge = "Traders said Zentoria was pumping well above its ceiling last month. "
	for _, tc := range []struct {
		text   string
		linked bool
	}{
		{charge + "Its oil minister denied that Velka was pumping above its Zentoria quota.", false},
		{charge + "Its oil minister denied that Zentoria was pumping above its ceiling.", true},
	} {
		checkDenialLinked(t, m, tc.text, "", "denial ", tc.linked, zentoria, velka)
	}
}

// TestUndertakingIsNoDenial: what a party agreed to do ("agreed ... to cut
// output and abide by fixed prices") asserts no compliance: no denial.
func TestUndertakingIsNoDenial(t *testing.T) {
	zentoria := [3]string{"Zentoria", schema.Organization, ""}
	m, err := attrib.Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, text := range []string{
		"Zentoria agreed in December to cut output and abide by fixed prices.",
		"Zentoria agreed to cut overall output by seven pct and abide by fixed prices around 18 dlrs.",
	} {
		in := sentenceInput(text, zentoria)
		in.Model = m
		out := Extract(in)
		checkOutput(t, in, out)
		for _, c := range out.Claims {
			if c.Stance == schema.Deny {
				t.Errorf("%s\n denial %q %q", text, c.Cue.Text, c.Content.Text)
			}
		}
	}
}

// TestAnswerTellsItsObject: a denial that tells what it denies ("denied
// market rumours that Zentor Corp had asked banks to arrange a rights
// issue") answers no other allegation of the article, not even the one
// allegation against its speaker's side.
func TestAnswerTellsItsObject(t *testing.T) {
	zentor := [3]string{"Zentor Corp", schema.Organization, schema.KindCompany}
	brandt := [3]string{"Lev Brandt", schema.Person, ""}
	m, err := attrib.Default()
	if err != nil {
		t.Fatal(err)
	}
	text := "Greenwatch accused Zentor Corp of dumping waste in the river. " +
		"Zentor Corp chairman Lev Brandt denied market rumours that Zentor Corp had asked banks to arrange a rights issue."
	in := sentenceInput(text, zentor, brandt)
	in.Model = m
	out := Extract(in)
	checkOutput(t, in, out)
	for _, c := range out.Claims {
		if c.Stance == schema.Deny && len(c.RespondsTo) > 0 {
			t.Errorf("%s\n %q answers %v", text, c.Content.Text, c.Links)
		}
	}
}

// TestAllegationAnsweredInItsWords: an allegation the accused has denied in
// its own words ("flatly denied that his wife had had a role in the
// departure ..., as has been widely reported") is not the one allegation
// that its other statements nearby answer ("That is fiction", said of
// another report).
func TestAllegationAnsweredInItsWords(t *testing.T) {
	mira := [3]string{"Mira Brandt", schema.Person, ""}
	brandt := [3]string{"Lev Brandt", schema.Person, ""}
	m, err := attrib.Default()
	if err != nil {
		t.Fatal(err)
	}
	text := "Press reports said that Mira Brandt is running the state. Governor Lev Brandt spoke to reporters at the airport on Monday. " +
		"\"That is fiction and I think it is despicable fiction,\" Lev Brandt said. " +
		"Lev Brandt flatly denied that his wife had had a role in the departure of his chief of staff, as has been widely reported."
	in := sentenceInput(text, mira, brandt)
	in.Model = m
	out := Extract(in)
	checkOutput(t, in, out)
	held := false
	for _, c := range out.Claims {
		if c.Stance != schema.Deny {
			continue
		}
		if strings.Contains(c.Content.Text, "fiction") && len(c.RespondsTo) > 0 {
			t.Errorf("%q answers %v", c.Content.Text, c.Links)
		}
		held = held || strings.Contains(c.Content.Text, "departure") && len(c.RespondsTo) > 0
	}
	if !held {
		t.Errorf("the denial of the departure report answers nothing: %+v", out.Claims)
	}
}

// TestUniversalAnswer: a denial said of every party of a group ("no member
// of the group was exceeding its production quota", "all member states,
// without exception, are producing within the quotas") answers, in its
// article, the allegation of its act against any party; one said of a
// single other party does not.
func TestUniversalAnswer(t *testing.T) {
	velka := [3]string{"Velka", schema.Place, schema.KindCountry}
	zentoria := [3]string{"Zentoria", schema.Place, schema.KindCountry}
	ali := [3]string{"Ali Sabah", schema.Person, ""}
	m, err := attrib.Default()
	if err != nil {
		t.Fatal(err)
	}
	const charge = "Oil traders said Velka was still pumping more than its allotted quota. "
	for _, tc := range []struct {
		text   string
		linked bool
	}{
		{charge + "Zentoria oil minister Ali Sabah said no member of the group was exceeding its production quota.", true},
		{charge + "Zentoria oil minister Ali Sabah said all member states, without exception, are producing within the quotas allocated to them.", true},
		{charge + "Zentoria oil minister Ali Sabah said Zentoria was producing within the quota allocated to it.", false},
	} {
		checkDenialLinked(t, m, tc.text, "", "", tc.linked, velka, zentoria, ali)
	}
}

// TestChargedAlongWith: those charged along with the target of a hedged
// act ("Lev Brandt was named ... along with two other traders, Mira Holt
// and Ivo Penn, for allegedly swapping inside information") are parties to
// it, so an answer about one of them answers it.
func TestChargedAlongWith(t *testing.T) {
	brandt := [3]string{"Lev Brandt", schema.Person, ""}
	holt := [3]string{"Mira Holt", schema.Person, ""}
	penn := [3]string{"Ivo Penn", schema.Person, ""}
	zentor := [3]string{"Zentor Corp", schema.Organization, schema.KindCompany}
	m, err := attrib.Default()
	if err != nil {
		t.Fatal(err)
	}
	text := "Lev Brandt was named by a federal grand jury along with two other traders, Mira Holt and Ivo Penn, for allegedly swapping inside information in a scheme that produced illegal profits. " +
		"Zentor Corp said it based its belief in Lev Brandt's innocence on an investigation by its outside counsel."
	in := sentenceInput(text, brandt, holt, penn, zentor)
	in.Model = m
	out := Extract(in)
	checkOutput(t, in, out)
	linked := false
	for _, c := range out.Claims {
		if c.Stance == schema.Deny && strings.Contains(c.Content.Text, "innocence") {
			linked = len(c.RespondsTo) > 0
		}
	}
	if !linked {
		t.Errorf("%s\n the belief in Lev Brandt's innocence answers nothing: %+v", text, out.Claims)
	}
}

// checkDenialLinked extracts text with the model m and these entities and
// fails t unless a denial whose evidence holds answer ("" for any denial)
// responds to an allegation exactly when want is true; what names the
// denial in the message.
func checkDenialLinked(t *testing.T, m *attrib.Model, text, answer, what string, want bool, ents ...[3]string) {
	t.Helper()
	in := sentenceInput(text, ents...)
	in.Model = m
	out := Extract(in)
	checkOutput(t, in, out)
	linked := false
	for _, c := range out.Claims {
		if c.Stance == schema.Deny && strings.Contains(c.Evidence.Text, answer) {
			linked = linked || len(c.RespondsTo) > 0
		}
	}
	if linked != want {
		t.Errorf("%s\n %slinked %v, want %v: %+v", text, what, linked, want, out.Claims)
	}
}

// TestGoesOnFromItsDenial: a denial with no link of its own, by the same
// claimant in the sentence right after a linked denial, answers what that
// one answers, however far the allegation is; not when another speaks
// between.
func TestGoesOnFromItsDenial(t *testing.T) {
	m, err := attrib.Default()
	if err != nil {
		t.Fatal(err)
	}
	acme := [3]string{"Acme Corp", schema.Organization, schema.KindCompany}
	lee := [3]string{"Ann Lee", schema.Person, ""}
	union := [3]string{"Rivers Union", schema.Organization, schema.KindOther}
	filler := "The plant employs 400 people. It opened in 1971. Its output rose last year. The river is 40 miles long. "
	alleged := "The Rivers Union accused Acme Corp of dumping toxic waste into the river. " + filler
	first := "Acme Corp denied that it had dumped toxic waste into the river. "
	second := "It added that it had done nothing which was inconsistent with state laws."
	checkDenialLinked(t, m, alleged+first+second, "inconsistent", "the denial that goes on from the first ", true, acme, lee, union)
	checkDenialLinked(t, m, alleged+first+"Ann Lee said the plant was safe. "+second, "inconsistent", "the denial after another's statement ", false, acme, lee, union)
}

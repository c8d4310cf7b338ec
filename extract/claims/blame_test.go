package claims

import (
	"slices"
	"strings"
	"testing"

	"github.com/dossier-project/dossier/extract/attrib"
	"github.com/dossier-project/dossier/schema"
)

// TestCriticismAndBlame: criticism that names the party of an act, and a
// harm blamed on a named party, allege; criticism of no party's act and a
// fall of prices explained do not.
func TestCriticismAndBlame(t *testing.T) {
	bonn := [3]string{"Bonn", schema.Place, schema.KindCity}
	baker := [3]string{"James Baker", schema.Person, ""}
	boeing := [3]string{"Boeing Co", schema.Organization, schema.KindCompany}
	tests := []struct {
		name, text string
		ents       [][3]string
		alleges    bool
	}{
		{"criticised X for an act", "The institutes criticised Bonn for increasing subsidies.", [][3]string{bonn}, true},
		{"criticised a party's act", "James Baker criticized Bonn's interest rate increases.", [][3]string{baker, bonn}, true},
		{"criticism of no party's act", "James Baker criticised the move as encouraging imports.", [][3]string{baker}, false},
		{"a harm caused by a named party", "The team said faulty repairs by Boeing Co caused the crash.", [][3]string{boeing}, true},
		{"a harm not caused", "The team said repairs by Boeing Co did not cause the crash.", [][3]string{boeing}, false},
		{"a fall of prices explained", "Dealers said selling by Boeing Co caused the fall in prices.", [][3]string{boeing}, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			checkAlleges(t, tc.text, tc.alleges, tc.ents...)
		})
	}
}

// TestAnswersToBlameAndCriticism: a defence of what the document alleges
// against the defender's side, a denial that a harm was caused by what it
// is blamed on, "That is utterly ridiculous" and a rebuffed claim deny; a
// defence of what nobody accuses, or a negated cause with no blame in the
// document, does not.
func TestAnswersToBlameAndCriticism(t *testing.T) {
	usda := [3]string{"USDA", schema.Organization, schema.KindAgency}
	critics := [3]string{"Ellen Haas", schema.Person, ""}
	lyng := [3]string{"Richard Lyng", schema.Person, ""}
	tests := []struct {
		name, text string
		ents       [][3]string
		denies     bool
	}{
		{"a defence of the accused's program", "Ellen Haas criticized USDA's inspection program. A USDA spokesman defended the program.",
			[][3]string{critics, usda, lyng}, true},
		{"a defence with nothing alleged", "A USDA spokesman defended the program.", [][3]string{usda}, false},
		{"a harm not due to what is blamed", "Ellen Haas said selling by USDA caused the crash. Richard Lyng said the crash was not due to USDA selling.",
			[][3]string{critics, usda, lyng}, true},
		{"a cause denied with no blame", "Richard Lyng said the rise was not due to USDA policy.", [][3]string{usda, lyng}, false},
		{"ridiculous", `"That is utterly ridiculous," Richard Lyng told reporters.`, [][3]string{lyng}, true},
		{"rebuffed claims", "USDA rebuffed the claims.", [][3]string{usda}, true},
	}
	m, err := attrib.Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			// As the product runs: "defended" is a cue of the trained
			// model.
			in := sentenceInput(tc.text, tc.ents...)
			in.Model = m
			cs := Extract(in).Claims
			got := false
			for _, c := range cs {
				got = got || c.Stance == schema.Deny
			}
			if got != tc.denies {
				t.Errorf("%s\n denial %v, want %v: %+v", tc.text, got, tc.denies, cs)
			}
		})
	}
}

// TestDismissalAnswersTheAllegationBefore: "That is utterly ridiculous"
// right after a charge answers it, though it names neither the act nor
// the accused.
func TestDismissalAnswersTheAllegationBefore(t *testing.T) {
	wright := [3]string{"Jim Wright", schema.Person, ""}
	baker := [3]string{"James Baker", schema.Person, ""}
	text := `James Baker charged that the trade bill contributed to the crash. "That is utterly ridiculous," Jim Wright said.`
	_, cs := allegationsOf(text, wright, baker)
	alleg, deny := lastAllegationAndDenial(cs)
	if alleg == nil || deny == nil {
		t.Fatalf("want the charge and its dismissal: %+v", cs)
	}
	if len(deny.RespondsTo) != 1 || deny.RespondsTo[0] != alleg.ID {
		t.Errorf("the dismissal should answer %s: %v", alleg.ID, deny.RespondsTo)
	}
}

// TestPeopleStandForTheirCountry: the accused named by its people ("West
// German monetary policy") is the country the document names, and a
// rebuff of the criticism about that country answers it.
func TestPeopleStandForTheirCountry(t *testing.T) {
	baker := [3]string{"James Baker", schema.Person, ""}
	poehl := [3]string{"Karl Otto Poehl", schema.Person, ""}
	wg := [3]string{"West Germany", schema.Place, schema.KindCountry}
	wgn := [3]string{"West German", schema.Place, ""}
	text := "James Baker criticised West German monetary policy. Karl Otto Poehl rebuffed the criticism of West Germany."
	_, cs := allegationsOf(text, baker, poehl, wg, wgn)
	alleg, deny := lastAllegationAndDenial(cs)
	if alleg == nil || deny == nil {
		t.Fatalf("want the criticism and its rebuff: %+v", cs)
	}
	if !strings.HasSuffix(string(alleg.Target), "/west-germany") {
		t.Errorf("target %q, want West Germany", alleg.Target)
	}
	// The rebuff answers Baker's criticism; the criticism it names in its
	// own sentence is that allegation reported, against West Germany too.
	var baker1 *schema.Claim
	for i := range cs {
		if cs[i].Stance == schema.Allege && cs[i].Sentence == 0 {
			baker1 = &cs[i]
		}
	}
	if baker1 == nil || !slices.Contains(deny.RespondsTo, baker1.ID) {
		t.Errorf("the rebuff should answer Baker's criticism: %v, %+v", deny.RespondsTo, cs)
	}
	for _, id := range deny.RespondsTo {
		for _, c := range cs {
			if c.ID == id && !strings.HasSuffix(string(c.Target), "/west-germany") {
				t.Errorf("the rebuff answers %s, against %q", id, c.Target)
			}
		}
	}
}

// TestAttackOnReportsDenies: an attack on what the speaker calls biased
// reports denies them, though the content stops at the quote.
func TestAttackOnReportsDenies(t *testing.T) {
	lyng := [3]string{"Richard Lyng", schema.Person, ""}
	usda := [3]string{"USDA", schema.Organization, schema.KindAgency}
	text := `Richard Lyng attacked what he called recent "terribly biased" press reports critical of USDA poultry inspection.`
	m, err := attrib.Default()
	if err != nil {
		t.Fatal(err)
	}
	in := sentenceInput(text, lyng, usda)
	in.Model = m
	found := false
	for _, c := range Extract(in).Claims {
		if c.Cue.Text == "attacked" {
			found = true
			if c.Stance != schema.Deny {
				t.Errorf("the attack on reports is %s, want deny", c.Stance)
			}
		}
	}
	if !found {
		t.Errorf("no claim for the attack")
	}
}

// TestCriticismNounAndClaimedBlame: "criticism of" a named party's act,
// and a claim that blames a harm on a party, allege; criticism of an
// unnamed thing does not.
func TestCriticismNounAndClaimedBlame(t *testing.T) {
	lyng := [3]string{"Richard Lyng", schema.Person, ""}
	us := [3]string{"U.S.", schema.Place, schema.KindCountry}
	baker := [3]string{"James Baker", schema.Person, ""}
	tests := []struct {
		name, text string
		ents       [][3]string
		alleges    bool
	}{
		{"criticism of a party's act", "Richard Lyng, reacting to recent criticism of U.S. meat inspection, spoke today.", [][3]string{lyng, us}, true},
		{"criticism of a thing", "Richard Lyng, reacting to recent criticism of the plan, spoke today.", [][3]string{lyng}, false},
		{"a claim that blames a harm", "Critics claimed James Baker helped to precipitate the crisis.", [][3]string{baker}, true},
		{"a claim that blames nothing", "Critics claimed James Baker spoke too soon.", [][3]string{baker}, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			checkAlleges(t, tc.text, tc.alleges, tc.ents...)
		})
	}
}

// TestUnderFire: a party "under fire for" an act is accused of it; a ship
// that "came under fire off the coast" is not.
func TestUnderFire(t *testing.T) {
	baker := [3]string{"Baker", schema.Person, ""}
	stena := [3]string{"Stena Concordia", schema.Organization, ""}
	tests := []struct {
		text    string
		ents    [][3]string
		alleges bool
	}{
		{"TREASURY'S BAKER UNDER FIRE FOR WALL STREET DROP", [][3]string{{"BAKER", schema.Person, ""}}, true},
		{"Baker came under fire in Congress for his plans to flag the tankers.", [][3]string{baker}, true},
		{"The Stena Concordia came under fire off the Saudi Arabian coastline.", [][3]string{stena}, false},
	}
	for _, tc := range tests {
		checkAlleges(t, tc.text, tc.alleges, tc.ents...)
	}
}

// TestCauseNamedAfterTheCopula: "the cause of the crash was faulty repair
// work by Boeing" blames the party named after the copula; a cause that
// names no party ("an electrical fault") blames nobody.
func TestCauseNamedAfterTheCopula(t *testing.T) {
	boeing := [3]string{"Boeing Co", schema.Organization, schema.KindCompany}
	takeda := [3]string{"Shun Takeda", schema.Person, ""}
	tests := []struct {
		name, text string
		alleges    bool
	}{
		{"a party after was", "The clear cause of the crash was faulty repair work by the Boeing Co, said Shun Takeda.", true},
		{"no party", "The clear cause of the crash was an electrical fault in the tail, said Shun Takeda.", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			checkAlleges(t, tc.text, tc.alleges, boeing, takeda)
		})
	}
}

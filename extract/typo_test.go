package extract

import (
	"testing"

	"github.com/dossier-project/dossier/schema"
)

func TestSwappedWord(t *testing.T) {
	for _, c := range []struct {
		x, y string
		want bool
	}{
		{"Coastla", "Coastal", true},
		{"BRACLAYS", "Barclays", true},
		{"Yuetter", "Yeutter", true},
		{"Coastal", "Coastal", false}, // the same word
		{"Regan", "Reagan", false},    // a letter less
		{"Greene", "Grenee", true},
		{"Amca", "Maca", false},       // too short
		{"Coastal", "Caostla", false}, // two swaps
		{"Hodlings", "Holdings", true},
		{"Holdings", "Holdnigs", true},
		{"Selowsky", "Selowksy", true},
		{"Ab12cd", "Ab21cd", false}, // digits are no word's letters
	} {
		if got := swappedWord(c.x, c.y); got != c.want {
			t.Errorf("swappedWord(%q, %q) = %v, want %v", c.x, c.y, got, c.want)
		}
	}
}

// TestTypoJoinsName checks that a name a story misspells by two swapped
// letters is the name it misspells, named as the news spells it, and
// that a letter more or less, or a swap in a short word, is not read so.
func TestTypoJoinsName(t *testing.T) {
	x := newExtractor(t)
	res := extractText(t, x, "Quandrel Holdings Corp said its profit rose.\n"+
		"    Analysts said Quandrel Hodlings Corp would sell its unit.\n"+
		"    Donald Regan met Ronald Reagan on Tuesday.\n")
	q := mentionEntity(res, "Quandrel Holdings Corp")
	if q == nil || q.Type != schema.Organization {
		t.Fatalf("Quandrel Holdings Corp: got %+v, want an organisation", q)
	}
	if typo := mentionEntity(res, "Quandrel Hodlings Corp"); typo == nil || typo.ID != q.ID {
		t.Fatalf("the misspelling is %+v, want %s", typo, q.ID)
	}
	if q.Name != "Quandrel Holdings Corp" {
		t.Errorf("the company is named %q, want the news's spelling", q.Name)
	}
	rule := ""
	for _, m := range q.Merges {
		if m.Alias == "Quandrel Hodlings Corp" {
			rule = m.Rule
		}
	}
	if rule != "typo" {
		t.Errorf("the misspelling merged by %q, want typo: %+v", rule, q.Merges)
	}
	if a, b := mentionEntity(res, "Donald Regan"), mentionEntity(res, "Ronald Reagan"); a == nil || b == nil || a.ID == b.ID {
		t.Errorf("Donald Regan %+v and Ronald Reagan %+v: want two persons", a, b)
	}
}

func TestDroppedLetter(t *testing.T) {
	for _, c := range []struct {
		x, y string
		want bool
	}{
		{"Vocker", "Volcker", true},
		{"Volkwagen", "Volkswagen", true},
		{"Misssissippi", "Mississippi", true},
		{"Volcker", "Volcker", false},   // the same word
		{"Regan", "Reagan", false},      // too short
		{"B-plus", "BB-plus", false},    // not letters only
		{"Volcker", "Volckers", true},   // a letter added at the end
		{"Vocker", "Valcker", false},    // a letter dropped and one changed
		{"Markets", "Marketing", false}, // two letters
	} {
		if got := droppedLetter(c.x, c.y); got != c.want {
			t.Errorf("droppedLetter(%q, %q) = %v, want %v", c.x, c.y, got, c.want)
		}
	}
}

// TestDroppedLetterJoinsName checks that a name a story misspells by a
// letter dropped is the name it misspells when that is a word of the news
// and the misspelling is not, and that two names of the news a letter
// apart stay two.
func TestDroppedLetterJoinsName(t *testing.T) {
	x := newExtractor(t)
	res := extractText(t, x, "Paul Volcker said rates would hold.\n"+
		"    Later Paul Vocker told reporters the dollar was stable.\n"+
		"    Donald Regan met Ronald Reagan on Tuesday, and Reagan spoke.\n")
	v := mentionEntity(res, "Paul Volcker")
	if v == nil {
		t.Fatalf("Paul Volcker not found: %+v", res.Entities)
	}
	if typo := mentionEntity(res, "Paul Vocker"); typo == nil || typo.ID != v.ID {
		t.Fatalf("the misspelling is %+v, want %s", typo, v.ID)
	}
	if v.Name != "Paul Volcker" {
		t.Errorf("the person is named %q, want the news's spelling", v.Name)
	}
	if a, b := mentionEntity(res, "Donald Regan"), mentionEntity(res, "Ronald Reagan"); a == nil || b == nil || a.ID == b.ID {
		t.Errorf("Donald Regan %+v and Ronald Reagan %+v: want two persons", a, b)
	}
	// Two words of the news a letter apart are two words.
	if misspelt("Markets", "Market") || misspelt("Market", "Markets") {
		t.Errorf("Markets and Market read as misspelt")
	}
	if !misspelt("Volkwagen", "Volkswagen") {
		t.Errorf("Volkwagen not read as misspelling Volkswagen")
	}
}

func TestChangedSurname(t *testing.T) {
	for _, c := range []struct {
		x, y string
		want bool
	}{
		{"Korczag", "Karczag", true},
		{"Makulic", "Mikulic", true},
		{"Hansen", "Jansen", false},      // too short
		{"Karczag", "Karczag", false},    // the same word
		{"Korczeg", "Karczag", false},    // two letters
		{"Jeffries", "Jefferies", false}, // not one letter changed
	} {
		if got := changedSurname(c.x, c.y); got != c.want {
			t.Errorf("changedSurname(%q, %q) = %v, want %v", c.x, c.y, got, c.want)
		}
	}
}

// TestChangedSurnameJoinsPerson checks that a surname a story writes with
// one letter changed is the person the story names in full.
func TestChangedSurnameJoinsPerson(t *testing.T) {
	x := newExtractor(t)
	res := extractText(t, x, "Managing director Laszlo Vortczag told Reuters the bank had no dealings.\n"+
		"    Vortczag said the bank was in contact with the police.\n"+
		"    Reading a statement, Vartczag said the contracts were forged.\n")
	p := mentionEntity(res, "Laszlo Vortczag")
	if p == nil {
		t.Fatalf("Laszlo Vortczag not found: %+v", res.Entities)
	}
	if typo := mentionEntity(res, "Vartczag"); typo == nil || typo.ID != p.ID {
		t.Fatalf("the misspelling is %+v, want %s", typo, p.ID)
	}
}

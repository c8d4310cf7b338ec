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

package extract

import (
	"testing"

	"github.com/dossier-project/dossier/schema"
)

// TestCompoundNames checks the names inside hyphenated compounds: a
// country, or an entity the document names elsewhere, is a mention of its
// own; a nationality names its country without being a mention; a
// compound inside a longer name, or of an unknown word, adds nothing.
func TestCompoundNames(t *testing.T) {
	x := newExtractor(t)
	for _, c := range []struct {
		text    string
		mention map[string]string // mention text -> the name of its entity ("" for none)
	}{
		{"Microsoft says China-backed hackers breached the email of US government agencies.",
			map[string]string{"China": "China"}},
		{"The U.S.-backed rebels attacked the town, the army said.",
			map[string]string{"U.S.": "United States"}},
		{"The Bermuda-based fund bought shares of the company, it said.",
			map[string]string{"Bermuda": "Bermuda"}},
		{"Carl Icahn said on Monday he would sell. The Icahn-led group owns 15 pct of TWA.",
			map[string]string{"Icahn": "Carl Icahn"}},
		{"Sales of Japanese-owned plants rose, the department said.",
			map[string]string{"Japanese": ""}},
		{"The Widget-backed bonds were sold in New York.",
			map[string]string{"Widget": ""}},
	} {
		res := extractText(t, x, c.text)
		for text, want := range c.mention {
			e := mentionEntity(res, text)
			switch {
			case want == "" && e != nil:
				t.Errorf("%q: %q is a mention of %s", c.text, text, e.Name)
			case want != "" && (e == nil || e.Name != want):
				t.Errorf("%q: %q mentions %v, want %s", c.text, text, e, want)
			}
		}
	}
	// The nationality still makes its country an entity, named as such.
	res := extractText(t, x, "Sales of Japanese-owned plants rose, the department said.")
	found := false
	for _, e := range res.Entities {
		found = found || e.Name == "Japan" && e.Type == schema.Place
	}
	if !found {
		t.Errorf("no Japan for 'Japanese-owned': %+v", res.Entities)
	}
}

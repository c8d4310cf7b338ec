package extract

import (
	"strings"
	"testing"

	"github.com/dossier-project/dossier/extract/text"
	"github.com/dossier-project/dossier/schema"
)

// TestSpreadOrgs: an organisation named on evidence (an acronym defined in
// parentheses, a legal form) takes its other mentions that the recogniser
// missed or typed otherwise; one the model alone found does not spread,
// nor does an acronym that defines a thing, nor a mention that is part of
// a longer name. The recogniser's names are given, so that the test does
// not hang on what one model tags.
func TestSpreadOrgs(t *testing.T) {
	const doc = "Ernst & Young (EY) resigned as auditor of the bank. EY said it had warned the board. " +
		"The bank's shares fell after EY quit, and EY Global declined to comment. " +
		"Weyerhaeuser Co said so. Weyerhaeuser Co reported a profit. " +
		"GNP rose 2 pct. The Bank of Japan expects GNP to rise. " +
		"It sold Specialised Financial Institution Bonds (BIFS). BIFS are popular.\n"
	found := []struct {
		typ, text string
		nth       int
	}{
		{"ORG", "Ernst & Young", 0},
		{"LOC", "EY", 2}, // mistyped by the recogniser
		{"ORG", "Weyerhaeuser Co", 0},
		{"ORG", "GNP", 0}, // the model's own mistype: no evidence
		{"ORG", "Bank of Japan", 0},
		{"ORG", "Specialised Financial Institution Bonds", 0},
	}
	runes := []rune(doc)
	d := &schema.Document{Text: doc}
	sents := text.Split(d, runes)
	var fs []Found
	for _, f := range found {
		at := -1
		for k := 0; k <= f.nth; k++ {
			at = strings.Index(doc[at+1:], f.text) + at + 1
		}
		s := len([]rune(doc[:at]))
		sp := schema.MakeSpan(runes, s, s+len([]rune(f.text)))
		si := 0
		for i, st := range sents {
			if st.Start <= s && s < st.End {
				si = i
			}
		}
		fs = append(fs, Found{Span: sp, Sentence: si, Type: map[string]string{"ORG": schema.Organization, "LOC": schema.Place}[f.typ]})
	}
	ents := Resolve(runes, sents, fs)
	count := func(name, typ string) int {
		n := 0
		for _, e := range ents {
			for _, m := range e.Mentions {
				if m.Text == name && e.Type == typ {
					n++
				}
			}
		}
		return n
	}
	for _, c := range []struct {
		name, typ string
		want      int
	}{
		{"EY", schema.Organization, 3},              // defined, missed once, mistyped once; not "EY Global"
		{"EY", schema.Place, 0},                     //
		{"Weyerhaeuser Co", schema.Organization, 2}, // found once, missed once
		{"GNP", schema.Organization, 1},             // not spread
		{"BIFS", schema.Organization, 1},            // the definition only: a bond is no body
	} {
		if got := count(c.name, c.typ); got != c.want {
			t.Errorf("%s as %s: %d mentions, want %d", c.name, c.typ, got, c.want)
		}
	}
	for _, e := range ents {
		if e.Type == schema.Organization && e.Name == "EY" {
			t.Errorf("EY is an entity of its own, not Ernst & Young's alias: %+v", e)
		}
	}
}

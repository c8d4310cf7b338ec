package extract

import (
	"strings"

	"github.com/dossier-project/dossier/extract/ner"
	"github.com/dossier-project/dossier/schema"
)

// personCompanies folds a single word the recogniser made a person into
// the company of the story whose name starts with it: "MOODY'S SAYS LOWER
// RATINGS" of a headline, or "Moody's said", beside Moody's Investors
// Service Inc; "Merrill" beside Merrill Lynch Capital Markets. The word
// (less a possessive) must be the first word of the company's name (less
// its possessive), the company a company by its name (ner.KindReason: not
// "Reagan Administration", a government's), and no person of the story,
// nor an honorific or title before the word, say it is a person's surname
// (those join their person first). When several companies fit, they share
// the word, and the one with the most mentions takes it, by the rule
// "short-name" as a bare word of a company's name does.
func (g *grouper) personCompanies() {
	for _, gr := range g.groups {
		if len(gr.ms) == 0 || gr.typ != schema.Person || gr.sex != 0 || !plainGroup(gr) {
			continue
		}
		w := strings.Fields(gr.name)
		if len(w) != 1 {
			continue
		}
		titled := false
		for _, m := range gr.ms {
			titled = titled || m.titled
		}
		word := unpossessive(w[0])
		if titled || len([]rune(word)) < 3 {
			continue
		}
		target := -1
		for j, o := range g.groups {
			if len(o.ms) == 0 || o.typ != schema.Organization {
				continue
			}
			ow := strings.Fields(stripThe(o.name))
			if len(ow) < 2 || !strings.EqualFold(unpossessive(ow[0]), word) {
				continue
			}
			if k, _ := ner.KindReason(o.name, schema.Organization); k != "company" {
				continue
			}
			if target < 0 || len(o.ms) > len(g.groups[target].ms) {
				target = j
			}
		}
		if target < 0 {
			continue
		}
		g.absorb(gr, target, "short-name")
	}
}

// unpossessive returns a word less a trailing possessive ("Moody" of
// "Moody's", "MOODY" of "MOODY'S").
func unpossessive(w string) string {
	for _, s := range []string{"'s", "'S", "’s", "’S", "'", "’"} {
		if t, ok := strings.CutSuffix(w, s); ok && t != "" {
			return t
		}
	}
	return w
}

package main

import (
	"strings"

	"github.com/dossier-project/dossier/extract/ner"
)

// fixCountries relabels the names of countries that stand alone (not
// inside a longer name) as one place, LOC, as CoNLL-2003 and the pipeline
// take them: the GMB annotation often splits or mistypes them ("Sri" O
// "Lanka" LOC 44 times, "Czech" MISC "Republic" LOC 41 times, "Saudi
// Arabia" PER, a country as an actor ORG in about 7% of its mentions).
// Names must be capitalised and in the gazetteer's country list; the
// longest one at a token wins. It returns how many spans it changed.
func fixCountries(ss []ner.Sentence, gaz *ner.Gazetteer, maxLen int) int {
	changed := 0
	for si := range ss {
		ss[si].Tags = ner.ToIOB2(ss[si].Tags)
		toks, tags := ss[si].Tokens, ss[si].Tags
		for i := 0; i < len(toks); i++ {
			if !capitalisedWord(toks[i]) || strings.HasPrefix(tags[i], "I-") {
				continue
			}
			for n := min(maxLen, len(toks)-i); n >= 1; n-- {
				if !capitalisedWord(toks[i+n-1]) || !gaz.Has(ner.CatCountry, strings.Join(toks[i:i+n], " ")) {
					continue
				}
				if i+n < len(toks) && strings.HasPrefix(tags[i+n], "I-") {
					break // part of a longer name: "United States Congress"
				}
				diff := false
				for k := i; k < i+n; k++ {
					want := "I-LOC"
					if k == i {
						want = "B-LOC"
					}
					if tags[k] != want {
						diff = true
						tags[k] = want
					}
				}
				if diff {
					changed++
				}
				i += n - 1
				break
			}
		}
	}
	return changed
}

func capitalisedWord(t string) bool {
	return t != "" && t[0] >= 'A' && t[0] <= 'Z'
}

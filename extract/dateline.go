package extract

import (
	"regexp"
	"sort"

	"github.com/dossier-project/dossier/extract/text"
	"github.com/dossier-project/dossier/schema"
)

// A newswire dateline opens a story with the place it was filed from, in
// capitals, then the date: "LONDON 1996-08-30", "AL-AIN , United Arab
// Emirates 1996-12-06", "ROCKY MOUNT, N.C., March 31 -". The place is a
// Place whatever the recogniser made of the capitals (it often takes a
// capitalised city for an organisation).
var datelineRe = regexp.MustCompile(`^[ \t]*([A-Z][A-Z.'-]*(?: [A-Z][A-Z.'-]*){0,3})` +
	`(?:[ \t]*,[ \t]*([A-Z][A-Za-z.'-]*(?: [A-Z][A-Za-z.'-]*){0,3}))?` +
	`(?:[ \t]*,[ \t]*([A-Z][A-Za-z.'-]*(?: [A-Z][A-Za-z.'-]*){0,3}))?` +
	`[ \t]*,?[ \t]+(?:\d{4}-\d\d-\d\d|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?[ \t]+\d{1,2})(?:[ \t]+-|[ \t]*$)`)

// datelineWindow is how far into a document a dateline is looked for (in
// code points): the first lines, after a headline.
const datelineWindow = 400

// maxDateline is the longest line taken for a dateline (in code points).
const maxDateline = 120

// datelinePlaces returns the places named by a dateline among the first
// lines of the text, as code-point spans.
func datelinePlaces(runes []rune) []schema.Span {
	n := min(len(runes), datelineWindow)
	var out []schema.Span
	for start := 0; start < n; {
		end := start
		for end < len(runes) && runes[end] != '\n' {
			end++
		}
		if end-start > maxDateline {
			start = end + 1
			continue // a dateline is short; a long line is prose
		}
		line := string(runes[start:end])
		if m := datelineRe.FindStringSubmatchIndex(line); m != nil {
			// Byte offsets in line to code points.
			for g := 1; g <= 3; g++ {
				if m[2*g] < 0 {
					continue
				}
				s := start + len([]rune(line[:m[2*g]]))
				e := s + len([]rune(line[m[2*g]:m[2*g+1]]))
				out = append(out, schema.MakeSpan(runes, s, e))
			}
			break // one dateline per story
		}
		start = end + 1
	}
	return out
}

// applyDateline makes the places of a dateline Places: a name the
// recogniser found over them is replaced.
func applyDateline(runes []rune, sents []text.Sentence, found []Found) []Found {
	return override(sents, found, datelinePlaces(runes), schema.Place)
}

// override replaces the names found over any of spans by the spans, of
// type typ and sure; spans outside every sentence are left out.
func override(sents []text.Sentence, found []Found, spans []schema.Span, typ string) []Found {
	if len(spans) == 0 {
		return found
	}
	out := found[:0:0]
	for _, f := range found {
		over := false
		for _, p := range spans {
			if f.Overlaps(p) {
				over = true
				break
			}
		}
		if !over {
			out = append(out, f)
		}
	}
	for _, p := range spans {
		si := sort.Search(len(sents), func(i int) bool { return sents[i].End > p.Start })
		if si == len(sents) || sents[si].Start > p.Start {
			continue // not inside an analysed sentence
		}
		out = append(out, Found{Span: p, Sentence: si, Type: typ, Sure: true})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out
}

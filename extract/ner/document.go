package ner

import (
	"context"
	"strings"
	"unicode"
)

// TagDocument tags the sentences of one document and then makes the tags
// consistent across it: a name tagged with one type in most of its
// mentions gets that type everywhere, including mentions the sentence-level
// pass missed (for example in an all-caps headline), provided the missed
// mention is capitalised; and a capitalised word left untagged that is the
// last word of a person's full name elsewhere in the document ("Kaspersky"
// after "Eugene Kaspersky") is tagged PER. Sentences are tagged as by
// [Model.Tag]; the result has one tag slice per sentence.
func (m *Model) TagDocument(sents [][]string) [][]string {
	out, _ := m.TagDocumentContext(context.Background(), sents)
	return out
}

// TagDocumentContext is TagDocument that stops when ctx is cancelled,
// every 64 sentences, and then returns ctx's error.
func (m *Model) TagDocumentContext(ctx context.Context, sents [][]string) ([][]string, error) {
	out := make([][]string, len(sents))
	for i, s := range sents {
		if i%64 == 0 && ctx.Err() != nil {
			return nil, ctx.Err()
		}
		out[i] = m.Tag(s)
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	harmonise(sents, out, m.gaz)
	return out, nil
}

// harmonise applies the document-level consistency rules of
// [Model.TagDocument] to tags in place; gaz (may be nil) tells titles.
func harmonise(sents, out [][]string, gaz *Gazetteer) {
	title := func(t string) bool { return gaz != nil && gaz.Has(CatHonorific, t) }
	votes := map[string]map[string]int{}
	maxLen := 0
	for i, s := range sents {
		for _, sp := range Spans(out[i]) {
			key := spanKey(s[sp.Start:sp.End])
			if votes[key] == nil {
				votes[key] = map[string]int{}
			}
			votes[key][sp.Type]++
			maxLen = max(maxLen, sp.End-sp.Start)
		}
	}
	surnames := map[string]bool{}
	for i, s := range sents {
		for _, sp := range Spans(out[i]) {
			if sp.Type == "PER" && sp.End-sp.Start >= 2 && capitalised(s[sp.End-1]) {
				surnames[strings.ToLower(s[sp.End-1])] = true
			}
		}
	}
	majority := func(key string) (string, int, int) {
		best, n, total := "", 0, 0
		for t, c := range votes[key] {
			total += c
			if c > n || (c == n && t < best) {
				best, n = t, c
			}
		}
		return best, n, total
	}
	for i, s := range sents {
		tags := out[i]
		// Retype spans whose type disagrees with a clear majority.
		for _, sp := range Spans(tags) {
			typ, n, total := majority(spanKey(s[sp.Start:sp.End]))
			if typ != sp.Type && n*2 > total && n >= 2 {
				setSpan(tags, sp.Start, sp.End, typ)
			}
		}
		// A surname alone refers to the person named in full elsewhere.
		for j, t := range s {
			if tags[j] != "O" || !capitalised(t) || !surnames[strings.ToLower(t)] {
				continue
			}
			if (j > 1 && tags[j-1] == "O" && capitalised(s[j-1]) && !title(s[j-1])) || (j+1 < len(s) && tags[j+1] == "O" && capitalised(s[j+1])) {
				continue // part of a longer untagged name
			}
			if _, _, total := majority(strings.ToLower(t)); total > 0 {
				continue // tagged on its own elsewhere: the rule below decides
			}
			tags[j] = "B-PER"
		}
		// Tag capitalised mentions the first pass left untagged.
		for j := 0; j < len(s); j++ {
			if tags[j] != "O" || !capitalised(s[j]) {
				continue
			}
			for n := min(maxLen, len(s)-j); n >= 1; n-- {
				if tags[j+n-1] != "O" || (j+n < len(s) && strings.HasPrefix(tags[j+n], "I-")) {
					continue
				}
				clean := true
				for k := j; k < j+n; k++ {
					if tags[k] != "O" {
						clean = false
					}
				}
				if !clean {
					continue
				}
				typ, c, total := majority(spanKey(s[j : j+n]))
				if typ != "" && c*2 > total && c >= 2 {
					setSpan(tags, j, j+n, typ)
					j += n - 1
					break
				}
			}
		}
	}
}

func spanKey(toks []string) string { return strings.ToLower(strings.Join(toks, " ")) }

func setSpan(tags []string, start, end int, typ string) {
	for k := start; k < end; k++ {
		if k == start {
			tags[k] = "B-" + typ
		} else {
			tags[k] = "I-" + typ
		}
	}
}

func capitalised(t string) bool {
	for _, r := range t {
		return unicode.IsUpper(r)
	}
	return false
}

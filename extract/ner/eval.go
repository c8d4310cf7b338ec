package ner

import (
	"fmt"
	"io"
	"sort"
)

// PRF holds counts and scores for one entity type or for all types.
type PRF struct {
	Gold, Predicted, Correct int
	Precision, Recall, F1    float64
}

func (p *PRF) finish() {
	if p.Predicted > 0 {
		p.Precision = float64(p.Correct) / float64(p.Predicted)
	}
	if p.Gold > 0 {
		p.Recall = float64(p.Correct) / float64(p.Gold)
	}
	if p.Precision+p.Recall > 0 {
		p.F1 = 2 * p.Precision * p.Recall / (p.Precision + p.Recall)
	}
}

// Scores are entity-level exact-match scores: an entity counts as correct
// when its start, end and type all equal a gold entity's.
type Scores struct {
	// Overall is the micro-average over all types.
	Overall PRF
	// ByType maps an entity type ("PER", "ORG", ...) to its scores.
	ByType map[string]PRF
}

// Evaluate tags every gold sentence's tokens with tagger and scores the
// predicted entities against the gold ones. Gold and predicted tags may be
// IOB1 or IOB2; fine organisation kinds ("ORG-party") count as ORG. A tagger
// that returns the wrong number of tags has the missing tags read as "O".
func Evaluate(gold []Sentence, tagger func([]string) []string) Scores {
	golds := make([][]Span, len(gold))
	preds := make([][]Span, len(gold))
	for k, s := range gold {
		pred := tagger(s.Tokens)
		pt := make([]string, len(s.Tokens))
		gt := make([]string, len(s.Tokens))
		for i := range s.Tokens {
			pt[i], gt[i] = "O", "O"
			if i < len(pred) {
				pt[i] = orgCoarse(pred[i])
			}
			if i < len(s.Tags) {
				gt[i] = orgCoarse(s.Tags[i])
			}
		}
		golds[k], preds[k] = Spans(gt), Spans(pt)
	}
	return EvaluateSpans(golds, preds)
}

// Only returns the scores of the given types, with Overall the
// micro-average over them alone: the figure of a test that scores, say,
// PER, ORG and LOC and leaves MISC out. Types with no gold and no
// predicted entity are left out.
func (s Scores) Only(types ...string) Scores {
	out := Scores{ByType: map[string]PRF{}}
	var all PRF
	for _, t := range types {
		p, ok := s.ByType[t]
		if !ok {
			continue
		}
		out.ByType[t] = p
		all.Gold += p.Gold
		all.Predicted += p.Predicted
		all.Correct += p.Correct
	}
	all.finish()
	out.Overall = all
	return out
}

// orgCoarse turns "B-ORG-party" into "B-ORG" and keeps every other tag.
func orgCoarse(tag string) string {
	if len(tag) > 6 && tag[1] == '-' && tag[2:6] == "ORG-" {
		return tag[:5]
	}
	return tag
}

// WriteTable writes the scores as a Markdown table, one row per type
// (sorted) and a final row for all types.
func (s Scores) WriteTable(w io.Writer) error {
	types := make([]string, 0, len(s.ByType))
	for t := range s.ByType {
		types = append(types, t)
	}
	sort.Strings(types)
	if _, err := fmt.Fprintf(w, "| type | gold | P | R | F1 |\n|---|---|---|---|---|\n"); err != nil {
		return fmt.Errorf("write scores: %w", err)
	}
	row := func(name string, p PRF) error {
		_, err := fmt.Fprintf(w, "| %s | %d | %.3f | %.3f | %.3f |\n", name, p.Gold, p.Precision, p.Recall, p.F1)
		return err
	}
	for _, t := range types {
		if err := row(t, s.ByType[t]); err != nil {
			return fmt.Errorf("write scores: %w", err)
		}
	}
	if err := row("all", s.Overall); err != nil {
		return fmt.Errorf("write scores: %w", err)
	}
	return nil
}

// EvaluateDocuments is [Evaluate] for a document-level tagger such as
// [Model.TagDocument]: consecutive gold sentences with the same Doc number
// are tagged together.
func EvaluateDocuments(gold []Sentence, tagger func([][]string) [][]string) Scores {
	pred := make([][]string, 0, len(gold))
	for i := 0; i < len(gold); {
		j := i
		var doc [][]string
		for j < len(gold) && gold[j].Doc == gold[i].Doc {
			doc = append(doc, gold[j].Tokens)
			j++
		}
		tags := tagger(doc)
		for k := range doc {
			var t []string
			if k < len(tags) {
				t = tags[k]
			}
			pred = append(pred, t)
		}
		i = j
	}
	next := 0
	return Evaluate(gold, func([]string) []string {
		t := pred[next]
		next++
		return t
	})
}

// EvaluateSpans scores predicted entities against gold ones given as
// spans of any unit (tokens or characters), one slice per document:
// entity-level exact match on start, end and type, as [Evaluate]. Fine
// organisation kinds ("ORG-party") count as ORG.
func EvaluateSpans(gold, pred [][]Span) Scores {
	by := map[string]*PRF{}
	get := func(t string) *PRF {
		p := by[t]
		if p == nil {
			p = &PRF{}
			by[t] = p
		}
		return p
	}
	coarse := func(s Span) Span {
		if len(s.Type) > 4 && s.Type[:4] == "ORG-" {
			s.Type = "ORG"
		}
		return s
	}
	var all PRF
	for d := range gold {
		seen := make(map[Span]bool, len(gold[d]))
		for _, g := range gold[d] {
			g = coarse(g)
			if seen[g] {
				continue
			}
			seen[g] = true
			get(g.Type).Gold++
			all.Gold++
		}
		if d >= len(pred) {
			continue
		}
		done := make(map[Span]bool, len(pred[d]))
		for _, p := range pred[d] {
			p = coarse(p)
			if done[p] {
				continue
			}
			done[p] = true
			get(p.Type).Predicted++
			all.Predicted++
			if seen[p] {
				get(p.Type).Correct++
				all.Correct++
			}
		}
	}
	out := Scores{ByType: map[string]PRF{}}
	for t, p := range by {
		p.finish()
		out.ByType[t] = *p
	}
	all.finish()
	out.Overall = all
	return out
}

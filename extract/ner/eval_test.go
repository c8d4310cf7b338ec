package ner

import (
	"math"
	"strings"
	"testing"
)

// A hand-made snippet: gold has 4 entities (PER, ORG, LOC, ORG), the
// predictions below find PER exactly, ORG with a wrong boundary, LOC
// exactly, miss the second ORG and invent a MISC.
const goldIOB2 = `-DOCSTART-	O

Eugene	B-PER
Kaspersky	I-PER
runs	O
Kaspersky	B-ORG
Lab	I-ORG
in	O
Moscow	B-LOC
.	O

Reuters	B-ORG
reported	O
it	O
.	O
`

// The same gold in IOB1 (I- everywhere, B- only between adjacent entities).
const goldIOB1 = `Eugene	I-PER
Kaspersky	I-PER
runs	O
Kaspersky	I-ORG
Lab	I-ORG
in	O
Moscow	I-LOC
.	O

Reuters	I-ORG
reported	O
it	O
.	O
`

var predicted = map[string][]string{
	"Eugene Kaspersky runs Kaspersky Lab in Moscow .": {"B-PER", "I-PER", "O", "B-ORG", "O", "O", "B-LOC", "B-MISC"},
	"Reuters reported it .":                           {"O", "O", "O", "O"},
}

func fakeTagger(tokens []string) []string { return predicted[strings.Join(tokens, " ")] }

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestEvaluate(t *testing.T) {
	for name, in := range map[string]string{"IOB2": goldIOB2, "IOB1": goldIOB1} {
		t.Run(name, func(t *testing.T) {
			gold, err := ReadCoNLL(strings.NewReader(in))
			if err != nil {
				t.Fatal(err)
			}
			s := Evaluate(gold, fakeTagger)
			// 2 correct of 4 predicted and 4 gold.
			if o := s.Overall; o.Gold != 4 || o.Predicted != 4 || o.Correct != 2 || !near(o.Precision, 0.5) || !near(o.Recall, 0.5) || !near(o.F1, 0.5) {
				t.Errorf("overall = %+v, want 4 gold, 4 predicted, 2 correct, P=R=F1=0.5", o)
			}
			if p := s.ByType["PER"]; !near(p.F1, 1) {
				t.Errorf("PER = %+v, want F1 1", p)
			}
			if p := s.ByType["ORG"]; p.Gold != 2 || p.Predicted != 1 || p.Correct != 0 || p.F1 != 0 {
				t.Errorf("ORG = %+v, want 2 gold, 1 predicted, 0 correct", p)
			}
			if p := s.ByType["MISC"]; p.Gold != 0 || p.Predicted != 1 || p.Precision != 0 {
				t.Errorf("MISC = %+v, want 1 false positive", p)
			}
			if p := s.ByType["LOC"]; !near(p.Precision, 1) || !near(p.Recall, 1) {
				t.Errorf("LOC = %+v, want P=R=1", p)
			}
			// Without MISC, its false positive no longer counts: 2 of 3.
			o := s.Only("PER", "ORG", "LOC")
			if a := o.Overall; a.Gold != 4 || a.Predicted != 3 || a.Correct != 2 || !near(a.Precision, 2.0/3) || !near(a.Recall, 0.5) {
				t.Errorf("PER, ORG, LOC only = %+v, want 4 gold, 3 predicted, 2 correct", a)
			}
			if _, ok := o.ByType["MISC"]; ok || len(o.ByType) != 3 {
				t.Errorf("PER, ORG, LOC only: types %v", o.ByType)
			}
		})
	}
}

func TestEvaluatePartialMatchAndShortTagger(t *testing.T) {
	gold := []Sentence{{Tokens: []string{"New", "York", "Times"}, Tags: []string{"B-ORG-media", "I-ORG-media", "I-ORG-media"}}}
	// A tagger returning too few tags: the rest count as O.
	s := Evaluate(gold, func([]string) []string { return []string{"B-ORG"} })
	o := s.Overall
	if o.Gold != 1 || o.Predicted != 1 || o.Correct != 0 {
		t.Errorf("overall = %+v, want 1 gold, 1 predicted (wrong span), 0 correct", o)
	}
	s = Evaluate(gold, func([]string) []string { return []string{"B-ORG", "I-ORG", "I-ORG"} })
	if !near(s.Overall.F1, 1) {
		t.Errorf("fine ORG kinds must score as ORG: %+v", s.Overall)
	}
}

func TestEvaluateSpans(t *testing.T) {
	gold := [][]Span{{{0, 6, "LOC"}, {10, 14, "ORG-party"}, {20, 25, "PER"}}, {{3, 5, "PER"}}}
	pred := [][]Span{{{0, 6, "LOC"}, {10, 14, "ORG"}, {20, 24, "PER"}, {20, 24, "PER"}}, {}}
	s := EvaluateSpans(gold, pred)
	if s.Overall.Gold != 4 || s.Overall.Predicted != 3 || s.Overall.Correct != 2 {
		t.Fatalf("overall %+v", s.Overall)
	}
	if p := s.ByType["PER"]; p.Gold != 2 || p.Correct != 0 || p.Predicted != 1 {
		t.Errorf("PER %+v", p)
	}
	if p := s.ByType["ORG"]; p.Correct != 1 || p.F1 != 1 {
		t.Errorf("ORG-party against ORG %+v", p)
	}
}

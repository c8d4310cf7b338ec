package attrib

import (
	"bytes"
	"os"
	"testing"
)

// TestGBDTConjunction checks that the trees learn a conjunction (label
// when feature 0 and feature 1 are both high, whatever feature 2), which
// no single threshold gives, and that training is deterministic.
func TestGBDTConjunction(t *testing.T) {
	var X [][]float32
	var y []bool
	for i := 0; i < 400; i++ {
		a, b, c := float32(i%7), float32((i/7)%5), float32(i%3)
		X = append(X, []float32{a, b, c})
		y = append(y, a >= 4 && b >= 3)
	}
	o := gbdtOptions{Trees: 60, Depth: 3, Rate: 0.3, Lambda: 1, MinHess: 0.5, Bins: 16}
	g := trainGBDT(X, y, 3, o)
	for i, x := range X {
		if p := g.prob(x); (p >= 0.5) != y[i] {
			t.Fatalf("row %v: probability %.3f, label %v", x, p, y[i])
		}
	}
	g2 := trainGBDT(X, y, 3, o)
	for i, x := range X {
		if g.score(x) != g2.score(x) {
			t.Fatalf("row %d: two trainings give %v and %v", i, g.score(x), g2.score(x))
		}
	}
	if e := trainGBDT(nil, nil, 3, o); len(e.trees) != 0 {
		t.Errorf("no rows gave %d trees", len(e.trees))
	}
}

// TestTrainStack trains the second stage on hand-made documents: the
// model still learns them, and a stacked model saves and loads to the
// same bytes and the same attributions.
func TestTrainStack(t *testing.T) {
	docs := saidDocs()
	opts := TrainOptions{Epochs: 3, Seed: 1, CueBits: 12, RoleBits: 12, RoleCues: RolePredicted, Folds: 2,
		Stack: true, StackBias: -2, StackMinMargin: -10, StackAdd: 0.5, StackDrop: 0.3, StackTrees: 20, StackDepth: 3}
	m := Train(docs, opts)
	if !m.Stacked() {
		t.Fatal("no second stage trained")
	}
	if s := m.Evaluate(docs); s.Relaxed.F1 < 0.99 {
		t.Errorf("stacked: relaxed F1 %.3f on the training documents", s.Relaxed.F1)
	}
	// Dropping every cue (no probability reaches 2) finds nothing.
	if s := m.WithStack(2, 2).Evaluate(docs); s.Cue.R != 0 {
		t.Errorf("stage dropping every cue: cue recall %.3f", s.Cue.R)
	}
	var a, b bytes.Buffer
	if err := m.Save(&a); err != nil {
		t.Fatal(err)
	}
	m2, err := Load(bytes.NewReader(a.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if !m2.Stacked() {
		t.Fatal("the loaded model lost its second stage")
	}
	if err := m2.Save(&b); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("saving a loaded stacked model gives other bytes")
	}
	if s := m2.Evaluate(docs); s.Relaxed.F1 < 0.99 {
		t.Errorf("loaded stacked model: relaxed F1 %.3f", s.Relaxed.F1)
	}
	if _, err := Load(bytes.NewReader(a.Bytes()[:len(a.Bytes())-40])); err == nil {
		t.Error("a cut stacked model file loaded")
	}
}

// TestPackedScore checks that the packed trees score every row exactly as
// the trees walked one by one, a node that does not split included.
func TestPackedScore(t *testing.T) {
	var X [][]float32
	var y []bool
	for i := 0; i < 300; i++ {
		a, b, c := float32(i%11), float32((i/11)%4), float32(i%5)
		X = append(X, []float32{a, b, c})
		y = append(y, a >= 6 && b >= 2 || c == 4)
	}
	g := trainGBDT(X, y, 3, gbdtOptions{Trees: 40, Depth: 3, Rate: 0.3, Lambda: 1, MinHess: 0.5, Bins: 16})
	if g.inner != 7 {
		t.Fatalf("packed %d inner nodes a tree, want 7", g.inner)
	}
	g.trees[0].feat[6] = -1
	g.pack()
	walked := &gbdt{base: g.base, trees: g.trees}
	for _, x := range append(X, []float32{100, 100, 100}, []float32{-100, -100, -100}) {
		if a, b := g.score(x), walked.score(x); a != b {
			t.Fatalf("row %v: packed %v, walked %v", x, a, b)
		}
	}
}

// TestSentFigures checks the features' figures of the whole sentence (the
// cue and candidate counts, the best margin away from the token) against
// a plain count over the example article.
func TestSentFigures(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if m.stack == nil {
		t.Skip("the default model has no second stage")
	}
	raw, err := os.ReadFile("../../examples/kaspersky-2017-10-24.txt")
	if err != nil {
		t.Fatal(err)
	}
	runes, sents := docSentences(string(raw))
	ps := m.prepare(runes, sents)
	var w work
	m.stackedCues(&w, ps)
	ss, d := w.stack.ss, newDocStats(w.stack.ss)
	checked := 0
	for si := range ss {
		s := &ss[si]
		if s.s == nil {
			continue
		}
		for i := range s.s.toks {
			f := m.stack.features(ss, si, i, d, m.stack.counts, nil)
			nCue, nCand, other := 0, 0, float32(-100)
			for k := range s.s.toks {
				if s.tags[k] != cueO {
					nCue++
				}
				if m.stack.candidate(s, k) {
					nCand++
				}
				if (k < i-1 || k > i+1) && s.marg[k] > other {
					other = s.marg[k]
				}
			}
			if got := f[35:38]; got[0] != float32(nCue) || got[1] != float32(nCand) || got[2] != other {
				t.Fatalf("sentence %d token %d: figures %v, counted %v %v %v", si, i, got, nCue, nCand, other)
			}
			checked++
		}
	}
	if checked < 100 {
		t.Fatalf("only %d tokens checked", checked)
	}
}

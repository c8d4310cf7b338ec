package attrib

import (
	"bytes"
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

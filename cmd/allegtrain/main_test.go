package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// toy builds a data set of three clusters: a claim with the feature "good"
// is an allegation, one with "bad" is not; the rules found one.
func toy() *data {
	d := &data{clusters: []string{"a", "b", "c"}, docs: map[string]int{"d1": 0, "d2": 1, "d3": 2}, spans: map[string][][2]int{}}
	for c, doc := range []string{"d1", "d2", "d3"} {
		for i := 0; i < 6; i++ {
			sent := [2]int{i * 10, i*10 + 9}
			pos := i%2 == 0
			f := []string{"bad"}
			if pos {
				f = []string{"good"}
				d.spans[doc] = append(d.spans[doc], [2]int{sent[0] + 1, sent[0] + 3})
			}
			d.ex = append(d.ex, example{cluster: c, doc: doc, sent: sent, rule: i == 0, label: pos, features: f})
		}
	}
	return d
}

func TestScoreBySentence(t *testing.T) {
	d := toy()
	rules := d.score(nil, 0, 0)
	if rules != (score{sys: 3, right: 3, gold: 9, found: 3}) {
		t.Errorf("rules %+v", rules)
	}
	probs := make([]float64, len(d.ex))
	for i, e := range d.ex {
		if e.features[0] == "good" {
			probs[i] = 0.9
		} else {
			probs[i] = 0.6
		}
	}
	if s := d.score(probs, 0.7, 0); s != (score{sys: 9, right: 9, gold: 9, found: 9}) {
		t.Errorf("add 0.7: %+v", s)
	}
	if s := d.score(probs, 0.5, 0); s.sys != 18 || s.right != 9 || s.p() != 0.5 {
		t.Errorf("add 0.5: %+v", s)
	}
	if s := d.scoreOf(probs, 0.7, 0, 1); s != (score{sys: 3, right: 3, gold: 3, found: 3}) {
		t.Errorf("cluster b: %+v", s)
	}
}

func TestTrainLOCOAndDeterminism(t *testing.T) {
	d := toy()
	cfg := defaultConfig()
	cfg.minClusters = 2
	cfg.l2 = 0.1
	probs := d.loco(cfg)
	for i, e := range d.ex {
		if e.rule {
			continue
		}
		if e.label != (probs[i] > 0.5) {
			t.Errorf("example %d (%v): LOCO probability %.2f", i, e.features, probs[i])
		}
	}
	var a, b bytes.Buffer
	for _, w := range []*bytes.Buffer{&a, &b} {
		if _, err := train(d.ex, cfg).WriteTo(w); err != nil {
			t.Fatal(err)
		}
	}
	if a.String() != b.String() || !strings.Contains(a.String(), "f\tgood\t") {
		t.Errorf("two trainings differ or lack the feature:\n%s\n%s", a.String(), b.String())
	}
	// A feature of one cluster only gets no weight under minClusters 2.
	d.ex[1].features = append(d.ex[1].features, "topic")
	if m := train(d.ex, cfg); m.W["topic"] != 0 {
		t.Errorf("a one-cluster feature got weight %v", m.W["topic"])
	}
}

func TestReadGoldRefusesHeldOut(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "g.json")
	g := `{"clusters":[{"id":"x","split":"test","docs":[{"id":"d1","sha256":"00"}]}],"threads":[],"allegations":[],"answers":[]}`
	if err := os.WriteFile(p, []byte(g), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := readGold(p); err == nil || !strings.Contains(err.Error(), "held out") {
		t.Errorf("err = %v, want a refusal of the held-out cluster", err)
	}
	if err := os.WriteFile(p, []byte(strings.Replace(g, `"test"`, `"dev"`, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := readGold(p); err != nil {
		t.Errorf("dev: %v", err)
	}
}

// Command allegtrain trains dossier's learned allegation detector
// (extract/claims/allegmodel.tsv) on the ledger gold's dev story clusters
// and measures it leave-one-cluster-out (LOCO): for each cluster, a model
// trained on the others scores its claims; the figures are summed over
// the clusters, by sentence, as `dossier eval ledger` counts allegations.
// The thresholds are chosen on those LOCO figures, then the model is
// trained on every cluster and written with them.
//
// From the repository root:
//
//	go run ./cmd/allegtrain -out extract/claims/allegmodel.tsv
//
// A gold file with a cluster of the test split is refused: held-out sets
// are never trained or chosen on. -unseen N prints the allegations the
// model adds in the first N corpus stories with IDs from 12000 that no
// gold file of -gold names, for reading.
package main

import (
	"context"
	"flag"
	"fmt"
	"math"
	"os"
	"slices"
	"sort"
	"strings"

	"github.com/dossier-project/dossier/extract"
	"github.com/dossier-project/dossier/extract/claims"
	"github.com/dossier-project/dossier/extract/source"
	"github.com/dossier-project/dossier/internal/gold"
	"github.com/dossier-project/dossier/schema"
)

func main() {
	golds := flag.String("gold", "internal/gold/ledger/reuters21578.json,internal/gold/ledger/reuters21578-test.json,internal/gold/ledger/reuters21578-test2.json,internal/gold/ledger/reuters21578-dev6.json,internal/gold/ledger/reuters21578-dev7.json,internal/gold/ledger/reuters21578-dev11.json,internal/gold/ledger/reuters21578-dev12.json", "ledger gold files to train on (comma-separated; dev splits only)")
	corpus := flag.String("corpus", "../shared/data/news/reuters21578.jsonl", "the corpus that holds the gold's documents")
	out := flag.String("out", "", "write the model trained on every cluster here (e.g. extract/claims/allegmodel.tsv)")
	cfg := defaultConfig()
	flag.Float64Var(&cfg.l2, "l2", cfg.l2, "L2 penalty per example")
	flag.IntVar(&cfg.epochs, "epochs", cfg.epochs, "full-batch training epochs")
	flag.IntVar(&cfg.minClusters, "min-clusters", cfg.minClusters, "story clusters a feature must occur in, among the training clusters, to get a weight")
	minP := flag.Float64("min-precision", 0.80, "the thresholds chosen maximise LOCO F1 among those with at least this LOCO precision")
	drop := flag.String("drop", "", "leave out features with these prefixes (comma-separated), to measure what they are worth")
	sentLabel := flag.Bool("sentence-label", false, "label a claim positive when a gold span overlaps its sentence, not its own words")
	cfgAll := flag.Bool("all-claims", false, "train on every claim, not only on those the model may make allegations (neither the rules' allegations nor answers)")
	dump := flag.Bool("dump", false, "print each claim the model may make an allegation with its LOCO probability and label")
	allow := flag.String("allow", "", "let the model promote claims barred for these reasons (comma-separated), to measure what a bar costs")
	fresh := flag.Bool("fresh", false, "leave out of training the claims of sentences the rules already allege in")
	quiet := flag.Bool("quiet", false, "print the chosen thresholds' figures only")
	unseen := flag.Int("unseen", 0, "print the allegations the model adds in this many unseen stories (IDs from 12000, in no gold file)")
	flag.Parse()
	cfg.onlyPromotable = !*cfgAll
	cfg.fresh = *fresh
	ctx := context.Background()

	var g []*gold.Ledger
	for _, p := range strings.Split(*golds, ",") {
		l, err := readGold(p)
		if err != nil {
			fail(err)
		}
		g = append(g, l)
	}
	ds, err := dataset(ctx, g, *corpus, *sentLabel)
	if err != nil {
		fail(err)
	}
	if *allow != "" {
		for i, e := range ds.ex {
			if e.barred && slices.Contains(strings.Split(*allow, ","), e.bar) {
				ds.ex[i].barred = false
			}
		}
	}
	if *drop != "" {
		ds.drop(strings.Split(*drop, ","))
	}
	fmt.Printf("%d clusters, %d documents, %d claims (%d positive), %d gold allegation spans\n",
		len(ds.clusters), len(ds.docs), len(ds.ex), ds.positives(), ds.goldSpans())

	rules := ds.score(nil, 0, 0)
	fmt.Printf("rules alone:      P %s  R %s  F1 %.3f\n", frac(rules.right, rules.sys), frac(rules.found, rules.gold), rules.f1())

	probs := ds.loco(cfg)
	if *dump {
		for i, e := range ds.ex {
			if !e.rule && !e.barred {
				fmt.Printf("DUMP %.2f %v %s %s | %s\n", probs[i], e.label, ds.clusters[e.cluster], strings.Join(strings.Fields(e.text), " "), strings.Join(e.features, " "))
			}
		}
	}
	best, bestAdd, bestVeto := score{}, 1.0, 0.0
	fmt.Println("LOCO, rules + model (add: probability from which a claim becomes an allegation; veto: under which a rule's is dropped)")
	for _, veto := range []float64{0, 0.05, 0.1, 0.2} {
		for add := 0.10; add < 0.96; add += 0.025 {
			s := ds.score(probs, add, veto)
			mark := ""
			if s.p() >= *minP && s.f1() > best.f1() {
				best, bestAdd, bestVeto = s, add, veto
				mark = " *"
			}
			if *quiet {
				continue
			}
			fmt.Printf("  veto %.2f add %.2f  P %s  R %s  F1 %.3f%s\n", veto, add, frac(s.right, s.sys), frac(s.found, s.gold), s.f1(), mark)
		}
	}
	if best.sys == 0 {
		fail(fmt.Errorf("no threshold reaches LOCO precision %.2f", *minP))
	}
	fmt.Printf("chosen: add %.2f veto %.2f: LOCO P %s R %s F1 %.3f (rules alone P %s R %s F1 %.3f)\n", bestAdd, bestVeto,
		frac(best.right, best.sys), frac(best.found, best.gold), best.f1(), frac(rules.right, rules.sys), frac(rules.found, rules.gold), rules.f1())
	if !*quiet {
		perCluster(ds, probs, bestAdd, bestVeto)
	}

	m := train(ds.ex, cfg)
	m.Add, m.Veto = round2(bestAdd), round2(bestVeto)
	in := ds.score(ds.predict(m), m.Add, m.Veto)
	fmt.Printf("in-sample (every cluster, not an estimate): P %s R %s; %d weights\n", frac(in.right, in.sys), frac(in.found, in.gold), len(m.W))
	if *out != "" {
		f, err := os.Create(*out)
		if err != nil {
			fail(err)
		}
		if _, err := m.WriteTo(f); err != nil {
			fail(err)
		}
		if err := f.Close(); err != nil {
			fail(err)
		}
	}
	if *unseen > 0 {
		if err := showUnseen(ctx, m, g, *corpus, *unseen); err != nil {
			fail(err)
		}
	}
}

func round2(v float64) float64 { return math.Round(v*100) / 100 }

func fail(err error) {
	fmt.Fprintln(os.Stderr, "allegtrain:", err)
	os.Exit(1)
}

func frac(a, b int) string {
	if b == 0 {
		return "- (0/0)"
	}
	return fmt.Sprintf("%.2f (%d/%d)", float64(a)/float64(b), a, b)
}

func readGold(path string) (*gold.Ledger, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	g, err := gold.ReadLedger(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	for _, c := range g.Clusters {
		if c.Split == gold.TestSplit {
			return nil, fmt.Errorf("%s: cluster %s is held out (split %q): never trained on", path, c.ID, c.Split)
		}
	}
	return g, nil
}

// example is one claim of a gold document.
type example struct {
	cluster int
	doc     string
	sent    [2]int // the evidence sentence
	rule    bool
	barred  bool
	bar     string
	// covered: a claim of the rules alleges in the same sentence.
	covered  bool
	label    bool
	features []string
	text     string
}

type data struct {
	clusters []string
	docs     map[string]int // document -> cluster
	spans    map[string][][2]int
	ex       []example
}

func (d *data) positives() int {
	n := 0
	for _, e := range d.ex {
		if e.label {
			n++
		}
	}
	return n
}

func (d *data) goldSpans() int {
	n := 0
	for _, s := range d.spans {
		n += len(s)
	}
	return n
}

func overlaps(a0, a1, b0, b1 int) bool { return a0 < b1 && b0 < a1 }

// dataset extracts the gold's documents with the rules alone and labels
// each claim: positive when a gold allegation span overlaps its own words
// (source, cue, content).
func dataset(ctx context.Context, gs []*gold.Ledger, corpus string, sentLabel bool) (*data, error) {
	d := &data{docs: map[string]int{}, spans: map[string][][2]int{}}
	want := map[string]string{}
	for _, g := range gs {
		for _, c := range g.Clusters {
			d.clusters = append(d.clusters, c.ID)
			for _, doc := range c.Docs {
				d.docs[doc.ID] = len(d.clusters) - 1
				want[doc.ID] = doc.SHA256
			}
		}
		for _, a := range g.Allegations {
			d.spans[a.Doc] = append(d.spans[a.Doc], [2]int{a.Start, a.End})
		}
	}
	cands := map[string][]claims.AllegCandidate{}
	x, err := extract.New(extract.Options{AllegTrace: func(doc *schema.Document, c []claims.AllegCandidate) {
		cands[doc.ID] = c
	}})
	if err != nil {
		return nil, err
	}
	var order []string
	err = gold.ReadCorpusDocs(ctx, corpus, nil, want, func(doc *schema.Document) error {
		order = append(order, doc.ID)
		_, err := x.Extract(ctx, doc)
		return err
	})
	if err != nil {
		return nil, err
	}
	for _, id := range order {
		alleged := map[[2]int]bool{}
		for _, c := range cands[id] {
			if c.Rule {
				alleged[[2]int{c.Evidence.Start, c.Evidence.End}] = true
			}
		}
		for _, c := range cands[id] {
			e := example{cluster: d.docs[id], doc: id, sent: [2]int{c.Evidence.Start, c.Evidence.End}, rule: c.Rule, barred: c.Barred, bar: c.Bar, features: c.Features, text: c.Evidence.Text}
			for _, s := range d.spans[id] {
				if (sentLabel || overlaps(s[0], s[1], c.Start, c.End)) && overlaps(s[0], s[1], c.Evidence.Start, c.Evidence.End) {
					e.label = true
				}
			}
			e.covered = !c.Rule && alleged[e.sent]
			d.ex = append(d.ex, e)
		}
	}
	return d, nil
}

// drop removes the features with these prefixes.
func (d *data) drop(prefixes []string) {
	for i := range d.ex {
		var keep []string
		for _, f := range d.ex[i].features {
			out := false
			for _, p := range prefixes {
				out = out || strings.HasPrefix(f, p)
			}
			if !out {
				keep = append(keep, f)
			}
		}
		d.ex[i].features = keep
	}
}

// score counts allegations by sentence as gold.ScoreLedger does: a
// sentence the system alleges in is right when a gold span overlaps it; a
// gold span is found when an alleged sentence overlaps it. With probs nil
// the rules alone decide.
type score struct{ sys, right, gold, found int }

func (s score) p() float64 { return ratio(s.right, s.sys) }
func (s score) r() float64 { return ratio(s.found, s.gold) }
func (s score) f1() float64 {
	if s.p()+s.r() == 0 {
		return 0
	}
	return 2 * s.p() * s.r() / (s.p() + s.r())
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func alleged(e example, p, add, veto float64, model bool) bool {
	if !model {
		return e.rule
	}
	if e.rule {
		return p >= veto
	}
	return !e.barred && p >= add
}

func (d *data) scoreOf(probs []float64, add, veto float64, cluster int) score {
	type key struct {
		doc  string
		sent [2]int
	}
	sents := map[key]bool{}
	for i, e := range d.ex {
		if cluster >= 0 && e.cluster != cluster {
			continue
		}
		p := 0.0
		if probs != nil {
			p = probs[i]
		}
		if alleged(e, p, add, veto, probs != nil) {
			sents[key{e.doc, e.sent}] = true
		}
	}
	var s score
	for k := range sents {
		s.sys++
		for _, g := range d.spans[k.doc] {
			if overlaps(g[0], g[1], k.sent[0], k.sent[1]) {
				s.right++
				break
			}
		}
	}
	for doc, gs := range d.spans {
		if cluster >= 0 && d.docs[doc] != cluster {
			continue
		}
		for _, g := range gs {
			s.gold++
			for k := range sents {
				if k.doc == doc && overlaps(g[0], g[1], k.sent[0], k.sent[1]) {
					s.found++
					break
				}
			}
		}
	}
	return s
}

func (d *data) score(probs []float64, add, veto float64) score {
	return d.scoreOf(probs, add, veto, -1)
}

func perCluster(d *data, probs []float64, add, veto float64) {
	fmt.Println("per cluster (rules alone -> rules + model, LOCO):")
	for c, id := range d.clusters {
		r, m := d.scoreOf(nil, 0, 0, c), d.scoreOf(probs, add, veto, c)
		fmt.Printf("  %-14s P %s -> %s   R %s -> %s\n", id, frac(r.right, r.sys), frac(m.right, m.sys), frac(r.found, r.gold), frac(m.found, m.gold))
	}
}

// config is the training's settings.
type config struct {
	l2          float64
	epochs      int
	minClusters int
	rate        float64
	// onlyPromotable trains on the claims the model may turn into
	// allegations alone.
	onlyPromotable bool
	// fresh leaves out the claims of sentences the rules already allege
	// in: promoting them changes no sentence.
	fresh bool
}

func defaultConfig() config { return config{l2: 10, epochs: 300, minClusters: 3, rate: 0.5} }

// loco returns each example's probability from the model trained on the
// other clusters.
func (d *data) loco(cfg config) []float64 {
	probs := make([]float64, len(d.ex))
	for c := range d.clusters {
		var tr []example
		for _, e := range d.ex {
			if e.cluster != c {
				tr = append(tr, e)
			}
		}
		m := train(tr, cfg)
		for i, e := range d.ex {
			if e.cluster == c {
				probs[i] = m.Prob(e.features)
			}
		}
	}
	return probs
}

func (d *data) predict(m *claims.AllegModel) []float64 {
	probs := make([]float64, len(d.ex))
	for i, e := range d.ex {
		probs[i] = m.Prob(e.features)
	}
	return probs
}

// train fits an L2-regularised logistic regression by full-batch
// gradient descent with AdaGrad steps, over the features that occur in at
// least cfg.minClusters story clusters of ex. It is deterministic: the
// same examples give the same weights.
func train(all []example, cfg config) *claims.AllegModel {
	ex := all
	if cfg.onlyPromotable {
		ex = nil
		for _, e := range all {
			if !e.rule && !e.barred && !(cfg.fresh && e.covered) {
				ex = append(ex, e)
			}
		}
	}
	clusters := map[string]map[int]bool{}
	for _, e := range ex {
		for _, f := range e.features {
			if clusters[f] == nil {
				clusters[f] = map[int]bool{}
			}
			clusters[f][e.cluster] = true
		}
	}
	var vocab []string
	for f, cs := range clusters {
		if len(cs) >= cfg.minClusters {
			vocab = append(vocab, f)
		}
	}
	sort.Strings(vocab)
	index := make(map[string]int, len(vocab))
	for i, f := range vocab {
		index[f] = i
	}
	xs := make([][]int, len(ex))
	ys := make([]float64, len(ex))
	for i, e := range ex {
		for _, f := range e.features {
			if k, ok := index[f]; ok {
				xs[i] = append(xs[i], k)
			}
		}
		if e.label {
			ys[i] = 1
		}
	}
	n := float64(len(ex))
	w := make([]float64, len(vocab))
	gw := make([]float64, len(vocab))
	hw := make([]float64, len(vocab))
	var b, hb float64
	for ep := 0; ep < cfg.epochs; ep++ {
		for k := range gw {
			gw[k] = cfg.l2 * w[k] / n
		}
		gb := 0.0
		for i, x := range xs {
			s := b
			for _, k := range x {
				s += w[k]
			}
			g := (1/(1+math.Exp(-s)) - ys[i]) / n
			gb += g
			for _, k := range x {
				gw[k] += g
			}
		}
		hb += gb * gb
		b -= cfg.rate * gb / (math.Sqrt(hb) + 1e-8)
		for k := range w {
			hw[k] += gw[k] * gw[k]
			w[k] -= cfg.rate * gw[k] / (math.Sqrt(hw[k]) + 1e-8)
		}
	}
	m := &claims.AllegModel{Bias: b, W: make(map[string]float64, len(vocab))}
	for k, f := range vocab {
		m.W[f] = w[k]
	}
	return m
}

// showUnseen prints the allegations the model adds in stories the gold
// does not name.
func showUnseen(ctx context.Context, m *claims.AllegModel, gs []*gold.Ledger, corpus string, n int) error {
	named := map[string]bool{}
	for _, g := range gs {
		for _, c := range g.Clusters {
			for _, d := range c.Docs {
				named[d.ID] = true
			}
		}
	}
	var added []string
	x, err := extract.New(extract.Options{Alleg: m, AllegTrace: func(doc *schema.Document, cs []claims.AllegCandidate) {
		for _, c := range cs {
			if c.Alleged && !c.Rule {
				added = append(added, fmt.Sprintf("%s %d %.2f: %s", doc.ID, c.Evidence.Start, c.Prob, strings.Join(strings.Fields(c.Evidence.Text), " ")))
			}
		}
	}})
	if err != nil {
		return err
	}
	seen := 0
	for it := range source.Read(ctx, []string{corpus}, nil) {
		if it.Err != nil {
			return it.Err
		}
		var num int
		if _, err := fmt.Sscanf(strings.TrimPrefix(it.Doc.ID, "reuters21578/"), "%d", &num); err != nil || num < 12000 || named[it.Doc.ID] {
			continue
		}
		if _, err := x.Extract(ctx, it.Doc); err != nil {
			return fmt.Errorf("%s: %w", it.Doc.ID, err)
		}
		if seen++; seen >= n {
			break
		}
	}
	fmt.Printf("\n%d allegations the model adds in %d unseen stories:\n", len(added), seen)
	for _, a := range added {
		fmt.Println(a)
	}
	return nil
}

package attrib

import (
	"fmt"
	"io"
	"math/rand/v2"
	"runtime"
	"slices"
	"sync"
	"time"

	"github.com/dossier-project/dossier/extract/text"
	"github.com/dossier-project/dossier/schema"
)

// TrainOptions configures Train. The zero value gives the defaults noted
// on each field.
type TrainOptions struct {
	// Epochs over the training data; 0 means 10.
	Epochs int
	// Seed for shuffling; the same data and options give the same model.
	Seed uint64
	// CueBits and RoleBits are the log2 of the number of weight rows of
	// the two taggers; 0 means 17 and 18.
	CueBits, RoleBits uint
	// Lexicon maps lower-case words to a reporting-verb class, used as a
	// feature; nil means none.
	Lexicon map[string]string
	// Classes maps lower-case words to their ambiguity class (the
	// part-of-speech tags they take, "NN|VB"), used as a feature: a cheap
	// stand-in for a tagger; nil means none.
	Classes map[string]string
	// Clusters maps lower-case words (as Norm gives them) to a
	// distributional cluster, used as cue features of the word and its
	// neighbours; nil means none.
	Clusters map[string]string
	// CueShare is the share of its occurrences a word must have had in
	// cues to be in the cue vocabulary (with at least two cues it anchors,
	// see cueVocabulary): sentences without such a word are not tagged. 0
	// means 0.05; below 0, no vocabulary (every sentence is tagged).
	CueShare float64
	// Log receives progress lines when not nil.
	Log io.Writer
	// Dev, when not empty, is scored after every epoch (for the log only).
	Dev []Document
	// RoleCues chooses the cues the role tagger is trained on: RoleGold
	// (the zero value) the annotated cues; RolePredicted the cue tagger's
	// own (jackknifed over Folds folds of the training documents) where one
	// overlaps an annotated cue, the annotated one elsewhere; RoleBoth the
	// annotated cues and, besides, each predicted cue that differs from
	// the annotated one it overlaps.
	RoleCues RoleCues
	// Folds for RolePredicted and RoleBoth; 0 means 8.
	Folds int
	// PredBias is the O bias with which the jackknifed cue taggers predict
	// (the bias the saved model will run with).
	PredBias float32
	// CueMiss and CueFalse are the cue tagger's training margins: the
	// cost added in training to the score of a wrong tag where the token
	// is in a cue and where it is not, so that an example is learnt from
	// until gold wins by that much (loss-augmented decoding). A larger
	// CueMiss buys recall. The jackknifed cue taggers of RolePredicted stay
	// plain perceptrons (their cues gave the role tagger worse examples
	// with margins). Zero: the plain perceptron.
	CueMiss, CueFalse float32
	// Stack trains a second stage for the cue tagger: gradient-boosted
	// trees (StackTrees of depth StackDepth) that re-decide the candidate
	// cue words from dense evidence, trained on the margins of the
	// jackknifed cue taggers (Folds) at the O bias StackBias (the bias the
	// saved model will run with), with word counts that leave each
	// document's fold out. StackAdd and StackDrop are the thresholds the
	// model runs with (Model.WithStack).
	Stack                     bool
	StackBias, StackMinMargin float32
	StackAdd, StackDrop       float32
	StackTrees, StackDepth    int
}

// RoleCues chooses the cues the role tagger is trained on (TrainOptions).
type RoleCues int

// The cues the role tagger can be trained on.
const (
	RoleGold RoleCues = iota
	RolePredicted
	RoleBoth
)

// cueExample is one sentence for the cue tagger.
type cueExample struct {
	feats []uint64
	offs  []int32
	gold  []int
	si    int  // the sentence's index in its document
	cand  bool // the sentence holds a word of the cue vocabulary
	s     *sent
	sides []uint8
}

// roleExample is one cue of a sentence for the role tagger.
type roleExample struct {
	feats  []uint64
	offs   []int32
	gold   []int
	forbid []bool
}

// docSentences splits a document's text as the pipeline does.
func docSentences(txt string) ([]rune, []text.Sentence) {
	runes := []rune(txt)
	return runes, text.Split(&schema.Document{Text: txt}, runes)
}

// tokensIn returns the tokens of s that overlap the fragments.
func tokensIn(s *sent, fs Fragments) []bool {
	in := make([]bool, len(s.toks))
	for _, f := range fs {
		for i, t := range s.toks {
			if t.start < f[1] && f[0] < t.end {
				in[i] = true
			}
		}
	}
	return in
}

// examples builds the training examples of one document. When pred is
// not nil (predicted cue spans by sentence index, from a cue tagger that
// did not see the document), the role examples are built on those cues
// as mode says.
func (m *Model) examples(d *Document, pred map[int][][2]int, mode RoleCues) ([]cueExample, []roleExample) {
	runes, sents := docSentences(d.Text)
	ps := m.prepare(runes, sents)
	var ces []cueExample
	var res []roleExample
	for si := range ps {
		s := &ps[si]
		n := len(s.toks)
		if n == 0 || n > MaxTokens {
			continue
		}
		gold := make([]int, n)
		var cues [][2]int
		var owners []int
		for ai := range d.Attributions {
			a := &d.Attributions[ai]
			in := tokensIn(s, a.CueFragments)
			lo, hi := -1, -1
			for i, ok := range in {
				if ok {
					if lo < 0 {
						lo = i
					}
					hi = i + 1
				}
			}
			if lo < 0 {
				continue
			}
			for i := lo; i < hi; i++ {
				if gold[i] == cueO {
					gold[i] = cueI
				}
			}
			gold[lo] = cueB
			cues = append(cues, [2]int{lo, hi})
			owners = append(owners, ai)
		}
		var feats []uint64
		offs := make([]int32, 0, n+1)
		sides := s.lexSides(nil)
		for i := 0; i < n; i++ {
			offs = append(offs, int32(len(feats)))
			feats = s.cueFeatures(i, sides[i], feats)
		}
		offs = append(offs, int32(len(feats)))
		ces = append(ces, cueExample{feats, offs, gold, si, s.cand, s, sides})
		type roleCue struct {
			c, gold [2]int
			owner   int
			others  [][2]int
		}
		var rcs []roleCue
		if pred == nil || mode == RoleGold {
			for k, c := range cues {
				rcs = append(rcs, roleCue{c, c, owners[k], cues})
			}
		} else {
			ps := pred[si]
			for k, c := range cues {
				best, bo := -1, 0
				for j, p := range ps {
					if o := min(p[1], c[1]) - max(p[0], c[0]); o > bo {
						best, bo = j, o
					}
				}
				switch {
				case best < 0:
					rcs = append(rcs, roleCue{c, c, owners[k], cues})
				case mode == RolePredicted:
					rcs = append(rcs, roleCue{ps[best], c, owners[k], ps})
				default: // RoleBoth
					rcs = append(rcs, roleCue{c, c, owners[k], cues})
					if ps[best] != c {
						rcs = append(rcs, roleCue{ps[best], c, owners[k], ps})
					}
				}
			}
		}
		for _, r := range rcs {
			c, cues := r.c, r.others
			a := &d.Attributions[r.owner]
			src, con := tokensIn(s, a.SourceFragments), tokensIn(s, a.ContentFragments)
			rg := make([]int, n)
			for i := 0; i < n; i++ {
				if i >= c[0] && i < c[1] || i >= r.gold[0] && i < r.gold[1] {
					continue
				}
				switch {
				case src[i]:
					rg[i] = roleIS
					if i == 0 || rg[i-1] != roleBS && rg[i-1] != roleIS {
						rg[i] = roleBS
					}
				case con[i]:
					rg[i] = roleIC
					if i == 0 || rg[i-1] != roleBC && rg[i-1] != roleIC {
						rg[i] = roleBC
					}
				}
			}
			var rc roleCtx
			rc.reset(s, c, cues)
			var rf []uint64
			roffs := make([]int32, 0, n+1)
			for i := 0; i < n; i++ {
				roffs = append(roffs, int32(len(rf)))
				rf = s.roleFeatures(i, &rc, rf)
			}
			roffs = append(roffs, int32(len(rf)))
			res = append(res, roleExample{rf, roffs, rg, forbidCue(nil, n, c)})
		}
	}
	return ces, res
}

// Train trains a model on annotated documents.
func Train(docs []Document, opts TrainOptions) *Model {
	if opts.Epochs <= 0 {
		opts.Epochs = 10
	}
	if opts.CueBits == 0 {
		opts.CueBits = 17
	}
	if opts.RoleBits == 0 {
		opts.RoleBits = 18
	}
	m := &Model{
		cue:      newTagger(nCueTags, opts.CueBits, cueAllowed()),
		role:     newTagger(nRoleTags, opts.RoleBits, roleAllowed()),
		lexicon:  opts.Lexicon,
		classes:  opts.Classes,
		clusters: opts.Clusters,
	}
	if opts.CueShare == 0 {
		opts.CueShare = 0.05
	}
	if opts.CueShare > 0 {
		m.vocab = cueVocabulary(docs, opts.CueShare)
	}
	m.index()
	logf := func(format string, args ...any) {
		if opts.Log != nil {
			fmt.Fprintf(opts.Log, format+"\n", args...)
		}
	}
	t0 := time.Now()
	// Features in parallel, kept in document order.
	ces := make([][]cueExample, len(docs))
	res := make([][]roleExample, len(docs))
	parallel(len(docs), func(i int) { ces[i], res[i] = m.examples(&docs[i], nil, RoleGold) })
	if opts.RoleCues != RoleGold || opts.Stack {
		preds := m.jackknife(ces, opts)
		parallel(len(docs), func(i int) { _, res[i] = m.examples(&docs[i], preds[i], opts.RoleCues) })
		logf("role examples on jackknifed cues in %v", time.Since(t0).Round(time.Millisecond))
	}
	var cue []cueExample
	var role []roleExample
	for i := range docs {
		cue = append(cue, ces[i]...)
		role = append(role, res[i]...)
	}
	logf("features: %d sentences, %d cues in %v; cue vocabulary %d words", len(cue), len(role), time.Since(t0).Round(time.Millisecond), len(m.vocab))
	rng := rand.New(rand.NewPCG(opts.Seed, 0xa77))
	// The roles shuffle with a generator of their own, so that the cue
	// tagger does not change with the number of role examples.
	rrng := rand.New(rand.NewPCG(opts.Seed, 0xa78))
	ct, rt := newTraining(m.cue), newTraining(m.role)
	ct.missCost, ct.falseCost = opts.CueMiss, opts.CueFalse
	for ep := 1; ep <= opts.Epochs; ep++ {
		rng.Shuffle(len(cue), func(i, j int) { cue[i], cue[j] = cue[j], cue[i] })
		rrng.Shuffle(len(role), func(i, j int) { role[i], role[j] = role[j], role[i] })
		cw, rw := 0, 0
		for _, e := range cue {
			cw += ct.learn(e.feats, e.offs, e.gold, nil)
		}
		for _, e := range role {
			rw += rt.learn(e.feats, e.offs, e.gold, e.forbid)
		}
		logf("epoch %d: %d cue and %d role tokens wrong (%v)", ep, cw, rw, time.Since(t0).Round(time.Second))
		if len(opts.Dev) > 0 && (ep == opts.Epochs || ep%2 == 0) {
			snap := m.averagedCopy(ct, rt)
			s := snap.Evaluate(opts.Dev)
			logf("  dev: cue P/R/F1 %.3f/%.3f/%.3f, relaxed %.3f/%.3f/%.3f, source ok %.3f, content ok %.3f",
				s.Cue.P, s.Cue.R, s.Cue.F1, s.Relaxed.P, s.Relaxed.R, s.Relaxed.F1,
				float64(s.SourceOK)/float64(max(s.Matched, 1)), float64(s.ContentOK)/float64(max(s.Matched, 1)))
		}
	}
	ct.average()
	rt.average()
	return m
}

// jackknife predicts the cues of each document's sentences with a cue
// tagger trained, as Train trains it, on the documents of the other folds
// (document i is in fold i mod Folds): the cues the role tagger meets at
// run time, misses and all. It returns the predicted spans of each
// document by sentence index.
func (m *Model) jackknife(ces [][]cueExample, opts TrainOptions) []map[int][][2]int {
	k := opts.Folds
	if k == 0 {
		k = 8
	}
	k = max(k, 2)
	preds := make([]map[int][][2]int, len(ces))
	var st *stacker
	var X [][]float32
	var y []bool
	if opts.Stack {
		st = &stacker{amb: ambBits(m.classes), add: opts.StackAdd, drop: opts.StackDrop, minMarg: opts.StackMinMargin, counts: newCounts()}
		for i := range ces {
			wordCounts(ces[i], st.counts, 1)
		}
		st.counts.prune()
	}
	for f := 0; f < k; f++ {
		var cue []cueExample
		for i := range ces {
			if i%k != f {
				cue = append(cue, ces[i]...)
			}
		}
		rng := rand.New(rand.NewPCG(opts.Seed, 0xa77+uint64(f)+1))
		ct := newTraining(newTagger(nCueTags, opts.CueBits, cueAllowed()))
		for ep := 1; ep <= opts.Epochs; ep++ {
			rng.Shuffle(len(cue), func(i, j int) { cue[i], cue[j] = cue[j], cue[i] })
			for _, e := range cue {
				ct.learn(e.feats, e.offs, e.gold, nil)
			}
		}
		ct.average()
		var dec decoder
		for i := f; i < len(ces); i += k {
			preds[i] = map[int][][2]int{}
			for _, e := range ces[i] {
				if !e.cand {
					continue
				}
				if sp := spansOf(ct.t.decode(&dec, e.feats, e.offs, nil, opts.PredBias), nil); len(sp) > 0 {
					preds[i][e.si] = sp
				}
			}
		}
		if st != nil {
			// The fold's word counts: all less the fold's documents.
			fc := st.counts.clone()
			for i := f; i < len(ces); i += k {
				wordCounts(ces[i], fc, -1)
			}
			for i := f; i < len(ces); i += k {
				X, y = st.stackRows(ct.t, ces[i], opts.StackBias, fc, X, y)
			}
		}
	}
	if st != nil {
		gold := 0
		for i := range ces {
			for _, e := range ces[i] {
				for _, g := range e.gold {
					if e.cand && g != cueO {
						gold++
					}
				}
			}
		}
		if opts.Log != nil {
			fmt.Fprintf(opts.Log, "stack: %d cue tokens in tagged sentences\n", gold)
		}
		pos := 0
		for _, l := range y {
			if l {
				pos++
			}
		}
		t0 := time.Now()
		st.trees = trainGBDT(X, y, nStackFeats, gbdtOptions{Trees: max(opts.StackTrees, 1), Depth: max(opts.StackDepth, 1), Rate: 0.1, Lambda: 1, MinHess: 1, Bins: 64})
		m.stack = st
		if opts.Log != nil {
			fmt.Fprintf(opts.Log, "stack: %d candidates (%d in cues), %d trees in %v\n", len(X), pos, len(st.trees.trees), time.Since(t0).Round(time.Millisecond))
		}
	}
	return preds
}

// cueVocabulary returns the words (normalised, sorted) that anchored a cue
// at least twice: the word of each cue that is most often part of a cue
// over all its occurrences ("said" in "has said", "support" in "support
// for"), when that share reaches share.
func cueVocabulary(docs []Document, share float64) []string {
	in, all := map[string]int{}, map[string]int{}
	type cueToks struct{ words []string }
	var cues []cueToks
	for _, d := range docs {
		runes := []rune(d.Text)
		mark := make([]bool, len(runes)+1)
		for _, a := range d.Attributions {
			var c cueToks
			for _, f := range a.CueFragments {
				for i := max(f[0], 0); i < f[1] && i < len(runes); i++ {
					mark[i] = true
				}
				for _, t := range text.Tokenize(runes, max(f[0], 0), min(f[1], len(runes))) {
					c.words = append(c.words, normWord(t.Text))
				}
			}
			cues = append(cues, c)
		}
		for _, t := range text.Tokenize(runes, 0, len(runes)) {
			n := normWord(t.Text)
			all[n]++
			if mark[t.Start] {
				in[n]++
			}
		}
	}
	anchors := map[string]int{}
	for _, c := range cues {
		best, bp := "", -1.0
		for _, w := range c.words {
			if all[w] == 0 {
				continue
			}
			if p := float64(in[w]) / float64(all[w]); p > bp {
				best, bp = w, p
			}
		}
		if best != "" && bp >= share {
			anchors[best]++
		}
	}
	var out []string
	for w, k := range anchors {
		if k >= 2 {
			out = append(out, w)
		}
	}
	slices.Sort(out)
	return out
}

// averagedCopy returns a model with the averages of the weights so far.
func (m *Model) averagedCopy(ct, rt *training) *Model {
	return &Model{cue: ct.averaged(), role: rt.averaged(), lexicon: m.lexicon, classes: m.classes, vocab: m.vocab, clusters: m.clusters, words: m.words}
}

// Evaluate annotates the documents' texts and scores the result against
// their attributions.
func (m *Model) Evaluate(docs []Document) Scores {
	pred := make([]Document, len(docs))
	parallel(len(docs), func(i int) {
		pred[i] = Document{DocID: docs[i].DocID, Attributions: m.Annotate(docs[i].Text)}
	})
	return Score(docs, pred)
}

// parallel calls fn(i) for i in [0, n) on GOMAXPROCS goroutines.
func parallel(n int, fn func(i int)) {
	var wg sync.WaitGroup
	workers := runtime.GOMAXPROCS(0)
	for wk := 0; wk < workers; wk++ {
		wg.Add(1)
		go func(wk int) {
			defer wg.Done()
			for i := wk; i < n; i += workers {
				fn(i)
			}
		}(wk)
	}
	wg.Wait()
}

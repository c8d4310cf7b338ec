package ner

import (
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"runtime"
	"slices"
	"strings"
	"sync"
	"unicode"
)

// TrainOptions configures [Train]. The zero value gives the defaults noted
// on each field.
type TrainOptions struct {
	// Epochs over the training data; 0 means 8.
	Epochs int
	// Seed for shuffling and for choosing upper-cased copies; runs with the
	// same data, gazetteer and options give the same model.
	Seed uint64
	// MinCount drops features seen fewer times in training; 0 means 2.
	MinCount int
	// UpperFraction of sentences is added again in upper case, so that
	// headlines and all-caps text are tagged; 0 means none.
	UpperFraction float64
	// Weights multiplies the update of each training sentence by
	// Weights[i] when set (len(sents)); 0 weights mean 1.
	Weights []float64
	// Prune drops averaged weights whose magnitude is below this value
	// (features left with no weight are removed); 0 keeps all.
	Prune float64
	// Clusters maps lower-cased words to distributional clusters (from
	// unlabelled text) used as features; nil means none.
	Clusters map[string]uint16
	// Log receives one progress line per epoch when not nil.
	Log io.Writer
	// Dev, when not empty, is scored after every epoch (for the log only).
	Dev []Sentence
}

type trainSent struct {
	gold   []int
	feats  []int32 // concatenated feature rows of all tokens
	offs   []int32 // token i's features are feats[offs[i]:offs[i+1]]
	pfeats []int32 // the same for pair features
	poffs  []int32
	weight float32
}

// Train trains a model from sentences with gold IOB1 or IOB2 tags (fine tags
// are collapsed with [CoarseTag]) using gaz for gazetteer features (nil
// means none). Tags outside the model's tag set train as "O".
func Train(sents []Sentence, gaz *Gazetteer, opts TrainOptions) *Model {
	if opts.Epochs <= 0 {
		opts.Epochs = 8
	}
	if opts.MinCount <= 0 {
		opts.MinCount = 2
	}
	if gaz == nil {
		gaz = NewGazetteer()
	}
	m := &Model{tags: slices.Clone(DefaultTags), gaz: gaz}
	nt := len(m.tags)
	tagIdx := map[string]int{}
	for i, t := range m.tags {
		tagIdx[t] = i
	}
	m.allowed = transitionsAllowed(m.tags)
	m.lx = lexicon{caps: capTable(sents), clusters: opts.Clusters}

	rng := rand.New(rand.NewPCG(opts.Seed, 0x5eed))
	type item struct {
		s Sentence
		w float32
	}
	items := make([]item, 0, len(sents)+int(float64(len(sents))*opts.UpperFraction)+1)
	for i, s := range sents {
		w := float32(1)
		if i < len(opts.Weights) && opts.Weights[i] > 0 {
			w = float32(opts.Weights[i])
		}
		tags := ToIOB2(s.Tags)
		for j := range tags {
			tags[j] = CoarseTag(tags[j])
		}
		s.Tags = tags
		items = append(items, item{s, w})
		if opts.UpperFraction > 0 && rng.Float64() < opts.UpperFraction {
			up := make([]string, len(s.Tokens))
			for j, t := range s.Tokens {
				up[j] = strings.ToUpper(t)
			}
			items = append(items, item{Sentence{Tokens: up, Tags: tags, Doc: s.Doc}, w})
		}
	}

	// Extract hashed features in parallel, then count them.
	hashes := make([][]uint64, len(items))
	offsets := make([][]int32, len(items))
	phashes := make([][]uint64, len(items))
	poffsets := make([][]int32, len(items))
	var wg sync.WaitGroup
	workers := runtime.GOMAXPROCS(0)
	for wk := 0; wk < workers; wk++ {
		wg.Add(1)
		go func(wk int) {
			defer wg.Done()
			var s sentence
			for i := wk; i < len(items); i += workers {
				toks := items[i].s.Tokens
				s.prepare(toks, gaz)
				var hs, ps []uint64
				offs := make([]int32, 0, len(toks)+1)
				poffs := make([]int32, 0, len(toks)+1)
				for j := range toks {
					offs = append(offs, int32(len(hs)))
					hs = s.features(j, &m.lx, hs)
					poffs = append(poffs, int32(len(ps)))
					ps = s.pairFeatures(j, &m.lx, ps)
				}
				offs = append(offs, int32(len(hs)))
				poffs = append(poffs, int32(len(ps)))
				hashes[i], offsets[i] = hs, offs
				phashes[i], poffsets[i] = ps, poffs
			}
		}(wk)
	}
	wg.Wait()
	counts := map[uint64]int32{}
	for _, hs := range hashes {
		for _, h := range hs {
			counts[h]++
		}
	}
	index := map[uint64]int32{}
	keys := []uint64{}
	for h, c := range counts {
		if int(c) >= opts.MinCount {
			index[h] = 0
			keys = append(keys, h)
		}
	}
	counts = nil
	slices.Sort(keys)
	for i, k := range keys {
		index[k] = int32(i)
	}
	pindex, pkeys := indexHashes(phashes, opts.MinCount)
	data := make([]trainSent, len(items))
	for i, it := range items {
		ts := trainSent{weight: it.w, gold: make([]int, len(it.s.Tokens))}
		for j, t := range it.s.Tags {
			if j < len(ts.gold) {
				ts.gold[j] = tagIdx[t] // unknown tags are 0 ("O")
			}
		}
		fixIOB2(ts.gold, m.tags)
		hs, offs := hashes[i], offsets[i]
		ts.offs = make([]int32, 0, len(offs))
		for j := 0; j+1 < len(offs); j++ {
			ts.offs = append(ts.offs, int32(len(ts.feats)))
			for _, h := range hs[offs[j]:offs[j+1]] {
				if r, ok := index[h]; ok {
					ts.feats = append(ts.feats, r)
				}
			}
		}
		ts.offs = append(ts.offs, int32(len(ts.feats)))
		ps, poffs := phashes[i], poffsets[i]
		ts.poffs = make([]int32, 0, len(poffs))
		for j := 0; j+1 < len(poffs); j++ {
			ts.poffs = append(ts.poffs, int32(len(ts.pfeats)))
			for _, h := range ps[poffs[j]:poffs[j+1]] {
				if r, ok := pindex[h]; ok {
					ts.pfeats = append(ts.pfeats, r)
				}
			}
		}
		ts.poffs = append(ts.poffs, int32(len(ts.pfeats)))
		hashes[i], offsets[i], phashes[i], poffsets[i] = nil, nil, nil, nil
		data[i] = ts
	}

	nf := len(keys)
	w := make([]float32, nf*nt)
	u := make([]float64, nf*nt)
	m.trans = make([]float32, (nt+1)*nt)
	ut := make([]float64, (nt+1)*nt)
	P := (nt + 1) * nt
	pw := make([]float32, len(pkeys)*P)
	pu := make([]float64, len(pkeys)*P)
	c := 1.0
	st := &tagState{}
	order := make([]int, len(data))
	for i := range order {
		order[i] = i
	}
	for ep := 0; ep < opts.Epochs; ep++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		errs, toks := 0, 0
		for _, si := range order {
			ts := &data[si]
			n := len(ts.gold)
			if n == 0 {
				continue
			}
			st.emit = growF(st.emit, n*nt)
			for i := 0; i < n; i++ {
				row := st.emit[i*nt : (i+1)*nt]
				clear(row)
				for _, f := range ts.feats[ts.offs[i]:ts.offs[i+1]] {
					ws := w[int(f)*nt : int(f)*nt+nt]
					for k, v := range ws {
						row[k] += v
					}
				}
			}
			st.pairs = growF(st.pairs, n*P)
			for i := 0; i < n; i++ {
				row := st.pairs[i*P : (i+1)*P]
				copy(row, m.trans)
				for _, f := range ts.pfeats[ts.poffs[i]:ts.poffs[i+1]] {
					ws := pw[int(f)*P : int(f)*P+P]
					for k, v := range ws {
						row[k] += v
					}
				}
			}
			pred := viterbi(n, nt, st.emit, st.pairs, m.allowed, st)
			toks += n
			step := float64(ts.weight)
			for i := 0; i < n; i++ {
				g, p := ts.gold[i], pred[i]
				gp, pp := nt, nt
				if i > 0 {
					gp, pp = ts.gold[i-1], pred[i-1]
				}
				if g != p {
					errs++
					for _, f := range ts.feats[ts.offs[i]:ts.offs[i+1]] {
						b := int(f) * nt
						w[b+g] += float32(step)
						u[b+g] += c * step
						w[b+p] -= float32(step)
						u[b+p] -= c * step
					}
				}
				if g != p || gp != pp {
					m.trans[gp*nt+g] += float32(step)
					ut[gp*nt+g] += c * step
					m.trans[pp*nt+p] -= float32(step)
					ut[pp*nt+p] -= c * step
					for _, f := range ts.pfeats[ts.poffs[i]:ts.poffs[i+1]] {
						b := int(f) * P
						pw[b+gp*nt+g] += float32(step)
						pu[b+gp*nt+g] += c * step
						pw[b+pp*nt+p] -= float32(step)
						pu[b+pp*nt+p] -= c * step
					}
				}
			}
			c++
		}
		if opts.Log != nil {
			fmt.Fprintf(opts.Log, "epoch %d: %d/%d token errors (%.2f%%)", ep+1, errs, toks, 100*float64(errs)/float64(max(toks, 1)))
			if len(opts.Dev) > 0 {
				avg := m.averaged(keys, w, u, ut, c, 0)
				avg.setPairs(pkeys, pw, pu, c, 0)
				sc := Evaluate(opts.Dev, avg.Tag)
				fmt.Fprintf(opts.Log, "; dev F1 %.4f", sc.Overall.F1)
			}
			fmt.Fprintln(opts.Log)
		}
	}
	out := m.averaged(keys, w, u, ut, c, opts.Prune)
	out.setPairs(pkeys, pw, pu, c, opts.Prune)
	return out
}

// indexHashes numbers, in sorted order, the hashes seen at least minCount
// times.
func indexHashes(hashes [][]uint64, minCount int) (map[uint64]int32, []uint64) {
	counts := map[uint64]int32{}
	for _, hs := range hashes {
		for _, h := range hs {
			counts[h]++
		}
	}
	var keys []uint64
	for h, c := range counts {
		if int(c) >= minCount {
			keys = append(keys, h)
		}
	}
	slices.Sort(keys)
	index := make(map[uint64]int32, len(keys))
	for i, k := range keys {
		index[k] = int32(i)
	}
	return index, keys
}

// setPairs stores the averaged pair-feature weights, dropping rows with no
// weight of magnitude prune or more.
func (m *Model) setPairs(keys []uint64, pw []float32, pu []float64, c, prune float64) {
	P := (len(m.tags) + 1) * len(m.tags)
	m.pindex = map[uint64]int32{}
	m.pw = nil
	row := make([]float32, P)
	for r, k := range keys {
		keep := false
		for j := 0; j < P; j++ {
			v := float64(pw[r*P+j]) - pu[r*P+j]/c
			if math.Abs(v) < prune || math.Abs(v) < 1e-9 {
				v = 0
			} else {
				keep = true
			}
			row[j] = float32(v)
		}
		if keep {
			m.pindex[k] = int32(len(m.pw) / P)
			m.pw = append(m.pw, row...)
		}
	}
}

// averaged returns a copy of m with averaged weights, dropping weights of
// magnitude below prune and features with no weight left.
func (m *Model) averaged(keys []uint64, w []float32, u []float64, ut []float64, c float64, prune float64) *Model {
	nt := len(m.tags)
	out := &Model{tags: m.tags, allowed: m.allowed, lx: m.lx, gaz: m.gaz, index: map[uint64]int32{}}
	out.trans = make([]float32, len(m.trans))
	for i := range m.trans {
		out.trans[i] = float32(float64(m.trans[i]) - ut[i]/c)
	}
	row := make([]float32, nt)
	for r, k := range keys {
		keep := false
		for j := 0; j < nt; j++ {
			v := float64(w[r*nt+j]) - u[r*nt+j]/c
			if math.Abs(v) < prune || math.Abs(v) < 1e-9 {
				v = 0
			} else {
				keep = true
			}
			row[j] = float32(v)
		}
		if keep {
			out.index[k] = int32(len(out.w) / nt)
			out.w = append(out.w, row...)
		}
	}
	return out
}

// fixIOB2 turns an I-X that does not continue an X entity into B-X, so that
// gold paths obey the decoder's constraints.
func fixIOB2(gold []int, tags []string) {
	for i, g := range gold {
		t := tags[g]
		if !strings.HasPrefix(t, "I-") {
			continue
		}
		if i == 0 || tags[gold[i-1]] == "O" || tags[gold[i-1]][2:] != t[2:] {
			for k, b := range tags {
				if b == "B-"+t[2:] {
					gold[i] = k
				}
			}
		}
	}
}

// capTable buckets, for words seen at least twice away from the start of a
// sentence in mixed-case text, how often they are capitalised: 0 never, 1
// rarely (<10%), 2 sometimes (<50%), 3 mostly (<90%), 4 almost always.
func capTable(sents []Sentence) map[string]uint8 {
	type cnt struct{ all, cap int32 }
	counts := map[string]*cnt{}
	for _, s := range sents {
		anyLower := false
		for _, t := range s.Tokens {
			for _, r := range t {
				if unicode.IsLower(r) {
					anyLower = true
					break
				}
			}
			if anyLower {
				break
			}
		}
		if !anyLower {
			continue
		}
		for i, t := range s.Tokens {
			if i == 0 {
				continue
			}
			l := strings.ToLower(t)
			if l == t && !hasLetter(t) {
				continue
			}
			c := counts[l]
			if c == nil {
				c = &cnt{}
				counts[l] = c
			}
			c.all++
			for _, r := range t {
				if unicode.IsUpper(r) {
					c.cap++
				}
				break
			}
		}
	}
	out := make(map[string]uint8, len(counts)/4)
	for l, c := range counts {
		if c.all < 2 {
			continue
		}
		f := float64(c.cap) / float64(c.all)
		var b uint8
		switch {
		case c.cap == 0:
			b = 0
		case f < 0.1:
			b = 1
		case f < 0.5:
			b = 2
		case f < 0.9:
			b = 3
		default:
			b = 4
		}
		out[l] = b
	}
	return out
}

func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

package attrib

import (
	"bufio"
	"encoding/binary"
	"fmt"
	"io"
	"maps"
	"math"
	"math/bits"
	"slices"
	"strings"

	"github.com/dossier-project/dossier/extract/internal/hashperc"
)

// stacker is the second stage of the cue tagger (TrainOptions.Stack):
// gradient-boosted trees that re-decide the candidate cue words of a
// sentence from dense evidence (the perceptron's margins, the word's and
// stem's cue rates in training, the quotation state, what stands around
// the word, the other candidates of the sentence and of the document).
// A candidate the trees find likely becomes a cue where Viterbi tagged it
// O; a cue of Viterbi none of whose words the trees find likely is
// dropped; the sentence is then decoded again under those constraints.
type stacker struct {
	trees *gbdt
	counts
	amb       map[uint64]uint8 // ambiguity-class hash: ambVerb|ambNoun|ambPrep|... bits
	add, drop float32          // probability thresholds
	minMarg   float32          // a token is a candidate when its margin reaches this
}

// counts holds, by word, by stem and by pair of neighbouring words (the
// hashperc.Mix of their hashes), the occurrences in cues and all
// occurrences in the training documents. Pairs seen fewer than minPair
// times in all the training documents are left out.
type counts struct {
	words, stems, pairs map[uint64][2]int32
}

// minPair is the fewest occurrences of a pair of words that counts keeps.
const minPair = 5

func newCounts() counts {
	return counts{map[uint64][2]int32{}, map[uint64][2]int32{}, map[uint64][2]int32{}}
}

func (c counts) clone() counts {
	return counts{maps.Clone(c.words), maps.Clone(c.stems), maps.Clone(c.pairs)}
}

// prune drops the pairs seen fewer than minPair times.
func (c counts) prune() {
	maps.DeleteFunc(c.pairs, func(_ uint64, v [2]int32) bool { return v[1] < minPair })
}

// pair returns the key of the pair of words a, b.
func pair(a, b uint64) uint64 { return hashperc.Mix(a, b) }

// Bits of an ambiguity class (stacker.amb).
const (
	ambVerb = 1 << iota
	ambNoun
	ambPrep
	ambAdj
	ambPunct
)

// ambBits returns the stacker's bits of each ambiguity class.
func ambBits(classes map[string]string) map[uint64]uint8 {
	out := map[uint64]uint8{}
	for _, c := range classes {
		h := hashStr(c)
		if _, ok := out[h]; ok {
			continue
		}
		var b uint8
		for _, t := range strings.Split(c, "|") {
			switch {
			case strings.HasPrefix(t, "VB") || t == "MD":
				b |= ambVerb
			case strings.HasPrefix(t, "NN"):
				b |= ambNoun
			case t == "IN" || t == "TO":
				b |= ambPrep
			case strings.HasPrefix(t, "JJ") || strings.HasPrefix(t, "RB"):
				b |= ambAdj
			case t == "," || t == ":" || t == "." || t == "``" || t == "''" || t == "HYPH" || t == "NFP":
				b |= ambPunct
			}
		}
		out[h] = b
	}
	return out
}

// sentScores is a tagged sentence as the stacker sees it.
type sentScores struct {
	s     *sent
	sides []uint8
	marg  []float32 // best cue tag's emission less O's (with the O bias)
	tags  []int     // Viterbi's tags
}

// nStackFeats is the number of dense features of a candidate.
const nStackFeats = 40

var pronouns = map[string]bool{"he": true, "she": true, "they": true, "i": true, "we": true, "it": true, "you": true, "who": true, "officials": true, "spokesman": true, "spokeswoman": true}

// docStats holds what the features need of the whole document: for each
// stem, its best margin and that margin's sentence, and the best margin
// in another sentence; and how many Viterbi cue tokens the stem has.
type docStats struct {
	best, second map[uint64]float32
	bestSent     map[uint64]int
	cues         map[uint64]int
}

func newDocStats(ss []sentScores) *docStats {
	d := &docStats{best: map[uint64]float32{}, second: map[uint64]float32{}, bestSent: map[uint64]int{}, cues: map[uint64]int{}}
	for si := range ss {
		s := &ss[si]
		if s.s == nil {
			continue
		}
		for i, t := range s.s.toks {
			m := s.marg[i]
			if s.tags[i] != cueO {
				d.cues[t.stem]++
			}
			b, ok := d.best[t.stem]
			switch {
			case !ok:
				d.best[t.stem], d.bestSent[t.stem] = m, si
				d.second[t.stem] = -100
			case m > b:
				if d.bestSent[t.stem] != si {
					d.second[t.stem] = b
				}
				d.best[t.stem], d.bestSent[t.stem] = m, si
			case d.bestSent[t.stem] != si && m > d.second[t.stem]:
				d.second[t.stem] = m
			}
		}
	}
	return d
}

// elsewhere is the stem's best margin in a sentence other than si.
func (d *docStats) elsewhere(stem uint64, si int) float32 {
	if d.bestSent[stem] != si {
		return d.best[stem]
	}
	return d.second[stem]
}

func rate(c [2]int32) (float32, float32) {
	return (float32(c[0]) + 0.1) / (float32(c[1]) + 1), float32(math.Log1p(float64(c[1])))
}

// candidate reports whether token i of s is one the stacker re-decides.
func (st *stacker) candidate(s *sentScores, i int) bool {
	return s.tags[i] != cueO || s.marg[i] >= st.minMarg || s.s.toks[i].cue
}

// features appends the dense features of token i of sentence si.
func (st *stacker) features(ss []sentScores, si, i int, d *docStats, c counts, dst []float32) []float32 {
	s := &ss[si]
	toks := s.s.toks
	n := len(toks)
	t := &toks[i]
	at := func(k int) float32 {
		if k < 0 || k >= n {
			return -100
		}
		return s.marg[k]
	}
	wr, wc := rate(c.words[t.w])
	sr, sc := rate(c.stems[t.stem])
	// A pair the training documents hold fewer than minPair times in all
	// counts as unseen, in training as at run time.
	pr := func(k uint64) (float32, float32) {
		if _, ok := st.pairs[k]; !ok {
			return rate([2]int32{})
		}
		return rate(c.pairs[k])
	}
	var nr, nc float32
	ar, ac := pr(pair(s.s.w(i), s.s.w(i+1)))
	br, bc := pr(pair(s.s.w(i-1), s.s.w(i)))
	if i+1 < n {
		nr, nc = rate(c.words[toks[i+1].w])
	}
	ab := st.amb[t.amb]
	sd := s.sides[i]
	// Distance to the nearest quotation mark before and after.
	qb, qa := 40, 40
	for k := i - 1; k >= 0; k-- {
		if q := toks[k].q; q == qOpen || q == qClose {
			qb = i - k
			break
		}
	}
	for k := i + 1; k < n; k++ {
		if q := toks[k].q; q == qOpen || q == qClose {
			qa = k - i
			break
		}
	}
	subj := func(k int) (pron, cap float32) {
		if k < 0 {
			return 0, 0
		}
		if pronouns[toks[k].norm] {
			pron = 1
		}
		if sh := toks[k].shape; sh == shCap || sh == shUpper {
			cap = 1
		}
		return
	}
	p1, c1 := subj(i - 1)
	p2, c2 := subj(i - 2)
	nCue, nCand := 0, 0
	other := float32(-100)
	for k := 0; k < n; k++ {
		if s.tags[k] != cueO {
			nCue++
		}
		if st.candidate(s, k) {
			nCand++
		}
		if (k < i-1 || k > i+1) && s.marg[k] > other {
			other = s.marg[k]
		}
	}
	inCue := float32(0)
	if s.tags[i] != cueO {
		inCue = 1
		if s.tags[i] == cueI {
			inCue = 2
		}
	}
	var lex float32
	if t.lex != 0 {
		lex = 1
	}
	return append(dst,
		s.marg[i], at(i-1), at(i+1), at(i-2), at(i+2), inCue,
		wr, wc, sr, sc, nr, nc, ar, ac, br, bc,
		bit(ab&ambVerb), bit(ab&ambNoun), bit(ab&ambPrep), bit(ab&ambAdj), bit(ab&ambPunct), lex,
		bit(sd&ctxLexBefore), bit(sd&ctxLexAfter), bit(sd&ctxQuoted), bit(sd&ctxThat), bit(sd&ctxColon),
		float32(t.q), float32(qb), float32(qa),
		p1, c1, p2+c2*2,
		float32(n), float32(i)/float32(n),
		float32(nCue), float32(nCand), other,
		d.elsewhere(t.stem, si), float32(d.cues[t.stem]),
	)
}

func bit[T uint8 | int](b T) float32 {
	if b != 0 {
		return 1
	}
	return 0
}

// score tags the sentence with the cue tagger at bias and fills ss's
// margins and tags; feats and offs are the sentence's cue features.
func (t *tagger) scoreSentence(dec *decoder, s *sent, sides []uint8, feats []uint64, offs []int32, bias float32) sentScores {
	tags := t.decode(dec, feats, offs, nil, bias)
	n := len(s.toks)
	ss := sentScores{s: s, sides: sides, marg: make([]float32, n), tags: append([]int(nil), tags...)}
	for i := 0; i < n; i++ {
		e := dec.emit[i*t.nt : i*t.nt+t.nt]
		ss.marg[i] = max(e[cueB], e[cueI]) - e[cueO]
	}
	return ss
}

// constraints returns the forbid mask (n × nCueTags) that the trees'
// decisions put on the sentence, or nil when they change nothing.
func (st *stacker) constraints(ss []sentScores, si int, d *docStats, buf []float32) []bool {
	s := &ss[si]
	n := len(s.s.toks)
	p := make([]float32, n)
	for i := 0; i < n; i++ {
		p[i] = -1
		if st.candidate(s, i) {
			buf = st.features(ss, si, i, d, st.counts, buf[:0])
			p[i] = st.trees.prob(buf)
		}
	}
	var forbid []bool
	set := func(i, k int) {
		if forbid == nil {
			forbid = make([]bool, n*nCueTags)
		}
		forbid[i*nCueTags+k] = true
	}
	for _, c := range spansOf(s.tags, nil) {
		keep := false
		for i := c[0]; i < c[1]; i++ {
			keep = keep || p[i] >= st.drop
		}
		if !keep {
			for i := c[0]; i < c[1]; i++ {
				set(i, cueB)
				set(i, cueI)
			}
		}
	}
	for i := 0; i < n; i++ {
		if s.tags[i] == cueO && p[i] >= st.add {
			set(i, cueO)
		}
	}
	return forbid
}

// stackedCues returns the cue spans of each sentence of ps (by index) as
// the cue tagger and its second stage find them.
func (m *Model) stackedCues(w *work, ps []sent) [][][2]int {
	ss := make([]sentScores, len(ps))
	feats := make([][]uint64, len(ps))
	offs := make([][]int32, len(ps))
	for si := range ps {
		s := &ps[si]
		n := len(s.toks)
		if n == 0 || n > MaxTokens || !s.cand {
			continue
		}
		sides := s.lexSides(nil)
		var f []uint64
		o := make([]int32, 0, n+1)
		for i := 0; i < n; i++ {
			o = append(o, int32(len(f)))
			f = s.cueFeatures(i, sides[i], f)
		}
		o = append(o, int32(len(f)))
		feats[si], offs[si] = f, o
		ss[si] = m.cue.scoreSentence(&w.dec, s, sides, f, o, m.oBias)
	}
	d := newDocStats(ss)
	out := make([][][2]int, len(ps))
	buf := make([]float32, 0, nStackFeats)
	for si := range ss {
		if ss[si].s == nil {
			continue
		}
		tags := ss[si].tags
		if forbid := m.stack.constraints(ss, si, d, buf); forbid != nil {
			tags = m.cue.decode(&w.dec, feats[si], offs[si], forbid, m.oBias)
		}
		out[si] = spansOf(tags, nil)
	}
	return out
}

// wordCounts adds the cue and all occurrences of each word and stem of a
// document's examples to words and stems (sign -1: takes them away).
func wordCounts(es []cueExample, c counts, sign int32) {
	add := func(mp map[uint64][2]int32, k uint64, in int32) {
		v := mp[k]
		mp[k] = [2]int32{v[0] + in, v[1] + sign}
	}
	for _, e := range es {
		for i, t := range e.s.toks {
			in := int32(0)
			if e.gold[i] != cueO {
				in = sign
			}
			add(c.words, t.w, in)
			add(c.stems, t.stem, in)
			add(c.pairs, pair(e.s.w(i), e.s.w(i+1)), in)
			if i == 0 {
				add(c.pairs, pair(boundary, t.w), in)
			}
		}
	}
}

// stackRows appends the stacker's training rows of one document's
// examples, tagged by a cue tagger that did not see the document, with
// word counts that leave the document's fold out.
func (st *stacker) stackRows(t *tagger, es []cueExample, bias float32, c counts, X [][]float32, y []bool) ([][]float32, []bool) {
	ss := make([]sentScores, len(es))
	var dec decoder
	for k, e := range es {
		if !e.cand {
			continue
		}
		ss[k] = t.scoreSentence(&dec, e.s, e.sides, e.feats, e.offs, bias)
	}
	d := newDocStats(ss)
	for k, e := range es {
		if !e.cand {
			continue
		}
		for i := range e.s.toks {
			if !st.candidate(&ss[k], i) {
				continue
			}
			X = append(X, st.features(ss, k, i, d, c, make([]float32, 0, nStackFeats)))
			y = append(y, e.gold[i] != cueO)
		}
	}
	return X, y
}

// write appends the stage to a model file: its thresholds, the word and
// stem counts and the ambiguity bits (sorted by hash), and the trees.
func (st *stacker) write(bw *bufio.Writer) {
	var buf [binary.MaxVarintLen64]byte
	putN := func(n uint64) { bw.Write(buf[:binary.PutUvarint(buf[:], n)]) }
	putF := func(f float32) {
		binary.LittleEndian.PutUint32(buf[:4], math.Float32bits(f))
		bw.Write(buf[:4])
	}
	putF(st.add)
	putF(st.drop)
	putF(st.minMarg)
	for _, mp := range []map[uint64][2]int32{st.words, st.stems, st.pairs} {
		keys := slices.Sorted(maps.Keys(mp))
		putN(uint64(len(keys)))
		for _, k := range keys {
			putN(k)
			putN(uint64(mp[k][0]))
			putN(uint64(mp[k][1]))
		}
	}
	keys := slices.Sorted(maps.Keys(st.amb))
	putN(uint64(len(keys)))
	for _, k := range keys {
		putN(k)
		putN(uint64(st.amb[k]))
	}
	putF(st.trees.base)
	putN(uint64(len(st.trees.trees)))
	depth := 0
	if len(st.trees.trees) > 0 {
		depth = bits.Len(uint(len(st.trees.trees[0].leaf))) - 1
	}
	putN(uint64(depth))
	for _, t := range st.trees.trees {
		for k := range t.feat {
			putN(uint64(t.feat[k] + 1))
			putF(t.thr[k])
		}
		for _, v := range t.leaf {
			putF(v)
		}
	}
}

// readStacker reads what write wrote.
func readStacker(br *bufio.Reader) (*stacker, error) {
	var err error
	getN := func(limit uint64) uint64 {
		if err != nil {
			return 0
		}
		var n uint64
		n, err = binary.ReadUvarint(br)
		if err == nil && n > limit {
			err = fmt.Errorf("stack: count %d over %d", n, limit)
		}
		return n
	}
	getF := func() float32 {
		var b [4]byte
		if err == nil {
			_, err = io.ReadFull(br, b[:])
		}
		return math.Float32frombits(binary.LittleEndian.Uint32(b[:]))
	}
	st := &stacker{}
	st.add, st.drop, st.minMarg = getF(), getF(), getF()
	var cs [3]map[uint64][2]int32
	for c := range cs {
		n := getN(1 << 22)
		cs[c] = make(map[uint64][2]int32, n)
		for i := uint64(0); i < n && err == nil; i++ {
			k := getN(math.MaxUint64)
			a, b := getN(math.MaxInt32), getN(math.MaxInt32)
			cs[c][k] = [2]int32{int32(a), int32(b)}
		}
	}
	st.counts = counts{cs[0], cs[1], cs[2]}
	n := getN(1 << 22)
	st.amb = make(map[uint64]uint8, n)
	for i := uint64(0); i < n && err == nil; i++ {
		k := getN(math.MaxUint64)
		st.amb[k] = uint8(getN(255))
	}
	g := &gbdt{base: getF()}
	nt := getN(1 << 14)
	depth := int(getN(8))
	for i := uint64(0); i < nt && err == nil; i++ {
		t := tree{feat: make([]int16, 1<<depth-1), thr: make([]float32, 1<<depth-1), leaf: make([]float32, 1<<depth)}
		for k := range t.feat {
			t.feat[k] = int16(getN(nStackFeats)) - 1
			t.thr[k] = getF()
		}
		for l := range t.leaf {
			t.leaf[l] = getF()
		}
		g.trees = append(g.trees, t)
	}
	if err != nil {
		return nil, fmt.Errorf("stack: %w", err)
	}
	st.trees = g
	return st, nil
}

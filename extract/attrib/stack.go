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
	// What features needs of the whole sentence, set by sentFigures: the
	// Viterbi cue tokens, the candidates, and the tokens of the four best
	// margins, best first (-1: none).
	figured     bool
	nCue, nCand int
	top         [4]int
}

// sentFigures sets s's figures of the whole sentence once.
func (st *stacker) sentFigures(s *sentScores) {
	if s.figured {
		return
	}
	s.figured = true
	s.nCue, s.nCand = 0, 0
	s.top = [4]int{-1, -1, -1, -1}
	for k := range s.s.toks {
		if s.tags[k] != cueO {
			s.nCue++
		}
		if st.candidate(s, k) {
			s.nCand++
		}
		v := s.marg[k]
		if v != v {
			continue // NaN: never the best
		}
		j := len(s.top)
		for j > 0 && (s.top[j-1] < 0 || v > s.marg[s.top[j-1]]) {
			j--
		}
		if j < len(s.top) {
			copy(s.top[j+1:], s.top[j:len(s.top)-1])
			s.top[j] = k
		}
	}
}

// nStackFeats is the number of dense features of a candidate.
const nStackFeats = 40

var pronouns = map[string]bool{"he": true, "she": true, "they": true, "i": true, "we": true, "it": true, "you": true, "who": true, "officials": true, "spokesman": true, "spokeswoman": true}

// docStats holds what the features need of the whole document: for each
// stem, its best margin and that margin's sentence, and the best margin
// in another sentence; and how many Viterbi cue tokens the stem has.
type docStats struct {
	stems map[uint64]stemStats
}

// stemStats is what docStats holds of one stem.
type stemStats struct {
	best, second float32
	bestSent     int
	cues         int
}

func newDocStats(ss []sentScores) *docStats {
	n := 0
	for si := range ss {
		if ss[si].s != nil {
			n += len(ss[si].s.toks)
		}
	}
	d := &docStats{stems: make(map[uint64]stemStats, n)}
	for si := range ss {
		s := &ss[si]
		if s.s == nil {
			continue
		}
		for i, t := range s.s.toks {
			m := s.marg[i]
			st, ok := d.stems[t.stem]
			if s.tags[i] != cueO {
				st.cues++
			}
			switch {
			case !ok:
				st.best, st.bestSent = m, si
				st.second = -100
			case m > st.best:
				if st.bestSent != si {
					st.second = st.best
				}
				st.best, st.bestSent = m, si
			case st.bestSent != si && m > st.second:
				st.second = m
			}
			d.stems[t.stem] = st
		}
	}
	return d
}

// elsewhere is the stem's best margin in a sentence other than si.
func (d *docStats) elsewhere(stem uint64, si int) float32 {
	st := d.stems[stem]
	if st.bestSent != si {
		return st.best
	}
	return st.second
}

// cues is the number of the stem's Viterbi cue tokens in the document.
func (d *docStats) cues(stem uint64) int { return d.stems[stem].cues }

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
	// The best margin of the sentence outside tokens i-1 to i+1: the
	// first of its four best there.
	st.sentFigures(s)
	nCue, nCand := s.nCue, s.nCand
	other := float32(-100)
	for _, k := range s.top {
		if k < 0 {
			break
		}
		if k < i-1 || k > i+1 {
			other = max(other, s.marg[k])
			break
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
		d.elsewhere(t.stem, si), float32(d.cues(t.stem)),
	)
}

func bit[T uint8 | int](b T) float32 {
	if b != 0 {
		return 1
	}
	return 0
}

// score tags the sentence with the cue tagger at bias and fills ss's
// margins and tags; feats and offs are the sentence's cue features. The
// margins and tags are appended to marg and tags (which may be nil).
func (t *tagger) scoreSentence(dec *decoder, s *sent, sides []uint8, feats []uint64, offs []int32, bias float32, marg []float32, tags []int) sentScores {
	vt := t.decode(dec, feats, offs, nil, bias)
	n := len(s.toks)
	ss := sentScores{s: s, sides: sides, tags: append(tags[len(tags):], vt...)}
	ss.marg = marg[len(marg):]
	for i := 0; i < n; i++ {
		e := dec.emit[i*t.nt : i*t.nt+t.nt]
		ss.marg = append(ss.marg, max(e[cueB], e[cueI])-e[cueO])
	}
	return ss
}

// constraints returns the forbid mask (n × nCueTags) that the trees'
// decisions put on the sentence, or nil when they change nothing.
func (st *stacker) constraints(ss []sentScores, si int, d *docStats, buf, p []float32) []bool {
	s := &ss[si]
	n := len(s.s.toks)
	p = p[:n]
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

// stackWork is the second stage's scratch space in a work.
type stackWork struct {
	feats []uint64
	offs  []int32
	sides []uint8
	marg  []float32
	tags  []int
	p     []float32
	buf   []float32
	ss    []sentScores
	fr    [][2]int // by sentence: where its features and offsets start
	out   [][][2]int
	spans [][2]int
}

// stackedCues returns the cue spans of each sentence of ps (by index) as
// the cue tagger and its second stage find them. What it returns lives in
// w's buffers until the next call.
func (m *Model) stackedCues(w *work, ps []sent) [][][2]int {
	sw := &w.stack
	// The document's features, offsets, sides, margins and tags go one
	// sentence after the other in sw's buffers; a sentence keeps its
	// ranges (or the slices of an older array when a buffer grew, which
	// nothing writes to again).
	ntok := 0
	for si := range ps {
		if n := len(ps[si].toks); n > 0 && n <= MaxTokens && ps[si].cand {
			ntok += n
		}
	}
	sw.sides = slices.Grow(sw.sides[:0], ntok)
	sw.marg = slices.Grow(sw.marg[:0], ntok)
	sw.tags = slices.Grow(sw.tags[:0], ntok)
	sw.offs = slices.Grow(sw.offs[:0], ntok+len(ps))
	sw.feats = sw.feats[:0]
	sw.p = slices.Grow(sw.p[:0], MaxTokens)
	sw.buf = slices.Grow(sw.buf[:0], nStackFeats)
	ss := slices.Grow(sw.ss[:0], len(ps))[:len(ps)]
	clear(ss)
	sw.ss = ss
	fr := slices.Grow(sw.fr[:0], len(ps))[:len(ps)]
	for si := range ps {
		s := &ps[si]
		n := len(s.toks)
		if n == 0 || n > MaxTokens || !s.cand {
			continue
		}
		ns := len(sw.sides)
		sw.sides = append(sw.sides, s.lexSides(sw.sides[ns:])...)
		sides := sw.sides[ns:len(sw.sides):len(sw.sides)]
		f0, o0 := len(sw.feats), len(sw.offs)
		for i := 0; i < n; i++ {
			sw.offs = append(sw.offs, int32(len(sw.feats)-f0))
			sw.feats = s.cueFeatures(i, sides[i], sw.feats)
		}
		sw.offs = append(sw.offs, int32(len(sw.feats)-f0))
		fr[si] = [2]int{f0, o0}
		f, o := sw.feats[f0:], sw.offs[o0:]
		ss[si] = m.cue.scoreSentence(&w.dec, s, sides, f, o, m.oBias, sw.marg, sw.tags)
		sw.marg = append(sw.marg, ss[si].marg...)
		sw.tags = append(sw.tags, ss[si].tags...)
	}
	sw.fr = fr
	d := newDocStats(ss)
	out := slices.Grow(sw.out[:0], len(ps))[:len(ps)]
	clear(out)
	sw.out = out
	sw.spans = sw.spans[:0]
	for si := range ss {
		if ss[si].s == nil {
			continue
		}
		tags := ss[si].tags
		if forbid := m.stack.constraints(ss, si, d, sw.buf[:0], sw.p); forbid != nil {
			n := len(ss[si].s.toks)
			f0, o0 := fr[si][0], fr[si][1]
			tags = m.cue.decode(&w.dec, sw.feats[f0:], sw.offs[o0:o0+n+1], forbid, m.oBias)
		}
		k := len(sw.spans)
		sw.spans = spansOf(tags, sw.spans)
		out[si] = sw.spans[k:len(sw.spans):len(sw.spans)]
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
		ss[k] = t.scoreSentence(&dec, e.s, e.sides, e.feats, e.offs, bias, nil, nil)
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
	g.pack()
	st.trees = g
	return st, nil
}

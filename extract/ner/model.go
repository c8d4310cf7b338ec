package ner

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"sort"
	"strings"
	"sync"
)

// DefaultTags are the IOB2 tags the embedded model predicts.
var DefaultTags = []string{"O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC"}

// Model is a trained recogniser: an averaged perceptron over hashed token
// features with first-order tag transitions (whose weights also depend on a
// few token features), decoded with Viterbi under IOB2 constraints. It is
// safe for concurrent use after loading.
type Model struct {
	tags    []string
	index   map[uint64]int32 // feature hash -> row in w
	w       []float32        // len(index) rows of len(tags) weights
	trans   []float32        // (len(tags)+1) x len(tags); the last row scores the first tag
	pindex  map[uint64]int32 // pair feature hash -> row in pw
	pw      []float32        // len(pindex) rows shaped like trans
	allowed []bool           // same shape as trans: IOB2-valid transitions
	lx      lexicon
	gaz     *Gazetteer
	oBias   float32   // added to the score of "O" at every token
	pool    sync.Pool // *tagState
	dense   denseOnce // index/w and pindex/pw as decoding tables, built at the first decode
}

// denseOnce builds the decoding tables of a model once.
type denseOnce struct {
	once  sync.Once
	w, pw *denseTable
}

// tables returns the decoding tables of m's weights (see [denseTable]),
// building them at the first call: the weights must not change after a
// model's first decode (training builds a new Model for its averaged
// weights, see [Model.averaged]).
func (m *Model) tables() (w, pw *denseTable) {
	m.dense.once.Do(func() {
		nt := len(m.tags)
		m.dense.w = newDenseTable(m.index, m.w, nt)
		m.dense.pw = newDenseTable(m.pindex, m.pw, (nt+1)*nt)
	})
	return m.dense.w, m.dense.pw
}

// OBias returns the constant added to the score of tag "O" at every token
// (see [Model.WithOBias]).
func (m *Model) OBias() float32 { return m.oBias }

// WithOBias returns a copy of m that adds b to the score of tag "O" at every
// token: a negative b trades precision for recall of entities. The copy
// shares the weights with m; it is saved with the model.
func (m *Model) WithOBias(b float32) *Model {
	out := &Model{tags: m.tags, index: m.index, w: m.w, trans: m.trans, pindex: m.pindex, pw: m.pw, allowed: m.allowed, lx: m.lx, gaz: m.gaz, oBias: b}
	w, pw := m.tables()
	out.dense.once.Do(func() { out.dense.w, out.dense.pw = w, pw })
	return out
}

type tagState struct {
	s     sentence
	feats []uint64
	emit  []float32
	pairs []float32 // per token: transition scores, (nt+1) x nt
	back  []int32
	score []float32
	path  []int
}

// Tags returns the tags the model predicts, "O" first.
func (m *Model) Tags() []string { return slices.Clone(m.tags) }

// Gazetteer returns the gazetteer the model's features use.
func (m *Model) Gazetteer() *Gazetteer { return m.gaz }

// NumFeatures returns the number of weighted features kept in the model.
func (m *Model) NumFeatures() int { return len(m.index) }

// Tag returns one IOB2 tag per token: "O", "B-PER", "I-ORG", ... with types
// PER, ORG, LOC and MISC (MISC includes nationalities such as "Russian").
// An empty input gives an empty, non-nil slice.
func (m *Model) Tag(tokens []string) []string {
	out := make([]string, len(tokens))
	if len(tokens) == 0 {
		return out
	}
	st, _ := m.pool.Get().(*tagState)
	if st == nil {
		st = &tagState{}
	}
	path := m.decode(st, tokens)
	for i, t := range path {
		out[i] = m.tags[t]
	}
	m.pool.Put(st)
	m.stripTitles(tokens, out)
	return out
}

// notTitle lists honorifics that stay inside a person's name.
var notTitle = map[string]bool{"saint": true, "st.": true, "jr.": true, "sr.": true, "ii": true, "iii": true}

// stripTitles removes leading titles ("Mr", "President") from person
// entities, as CoNLL-2003 annotates them: "Mr Kaspersky" → "Kaspersky".
func (m *Model) stripTitles(tokens, tags []string) {
	if m.gaz == nil {
		return
	}
	for i := 0; i+1 < len(tags); i++ {
		if tags[i] != "B-PER" || tags[i+1] != "I-PER" {
			continue
		}
		l := strings.ToLower(tokens[i])
		if notTitle[l] || !m.gaz.Has(CatHonorific, l) {
			continue
		}
		tags[i], tags[i+1] = "O", "B-PER"
	}
}

// decode scores every token and returns the best tag indices (valid until
// st is reused).
func (m *Model) decode(st *tagState, tokens []string) []int {
	nt := len(m.tags)
	n := len(tokens)
	wt, pwt := m.tables()
	st.s.prepare(tokens, m.gaz)
	st.emit = growF(st.emit, n*nt)
	for i := 0; i < n; i++ {
		st.feats = st.s.features(i, &m.lx, st.feats[:0])
		row := st.emit[i*nt : (i+1)*nt]
		clear(row)
		row[0] = m.oBias
		wt.add(st.feats, row)
	}
	P := (nt + 1) * nt
	st.pairs = growF(st.pairs, n*P)
	for i := 0; i < n; i++ {
		row := st.pairs[i*P : (i+1)*P]
		copy(row, m.trans)
		if len(m.pindex) == 0 {
			continue
		}
		st.feats = st.s.pairFeatures(i, &m.lx, st.feats[:0])
		pwt.add(st.feats, row)
	}
	st.path = viterbi(n, nt, st.emit, st.pairs, m.allowed, st)
	return st.path
}

func growF(b []float32, n int) []float32 {
	if cap(b) < n {
		return make([]float32, n)
	}
	return b[:n]
}

// viterbi finds the highest-scoring tag sequence. emit is n x nt; pairs
// holds n transition matrices, one per token, each (nt+1) x nt with the
// start row last, like allowed.
func viterbi(n, nt int, emit, pairs []float32, allowed []bool, st *tagState) []int {
	P := (nt + 1) * nt
	st.score = growF(st.score, n*nt)
	if cap(st.back) < n*nt {
		st.back = make([]int32, n*nt)
	}
	back := st.back[:n*nt]
	score := st.score
	negInf := float32(math.Inf(-1))
	for k := 0; k < nt; k++ {
		if allowed[nt*nt+k] {
			score[k] = pairs[nt*nt+k] + emit[k]
		} else {
			score[k] = negInf
		}
	}
	for i := 1; i < n; i++ {
		trans := pairs[i*P : (i+1)*P]
		for k := 0; k < nt; k++ {
			best, arg := negInf, int32(0)
			for p := 0; p < nt; p++ {
				if !allowed[p*nt+k] {
					continue
				}
				if v := score[(i-1)*nt+p] + trans[p*nt+k]; v > best {
					best, arg = v, int32(p)
				}
			}
			score[i*nt+k] = best + emit[i*nt+k]
			back[i*nt+k] = arg
		}
	}
	if cap(st.path) < n {
		st.path = make([]int, n)
	}
	path := st.path[:n]
	best, arg := negInf, 0
	for k := 0; k < nt; k++ {
		if v := score[(n-1)*nt+k]; v > best {
			best, arg = v, k
		}
	}
	path[n-1] = arg
	for i := n - 1; i > 0; i-- {
		path[i-1] = int(back[i*nt+path[i]])
	}
	return path
}

// transitionsAllowed builds the IOB2 constraint table: I-X only after B-X or
// I-X, never first.
func transitionsAllowed(tags []string) []bool {
	nt := len(tags)
	a := make([]bool, (nt+1)*nt)
	for p := 0; p <= nt; p++ {
		for k, t := range tags {
			ok := true
			if strings.HasPrefix(t, "I-") {
				ok = p < nt && len(tags[p]) > 2 && tags[p][2:] == t[2:]
			}
			a[p*nt+k] = ok
		}
	}
	return a
}

const modelMagic = "dossier-ner 4\n"

// Save writes the model (weights, transitions, capitalisation table and its
// gazetteer) in a compact gzip-compressed binary form that [Load] reads.
// Weights are quantised to 16 bits.
func (m *Model) Save(w io.Writer) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return fmt.Errorf("save model: %w", err)
	}
	bw := bufio.NewWriter(zw)
	var buf [binary.MaxVarintLen64]byte
	putU := func(v uint64) { bw.Write(buf[:binary.PutUvarint(buf[:], v)]) }
	putI := func(v int64) { bw.Write(buf[:binary.PutVarint(buf[:], v)]) }
	putS := func(s string) { putU(uint64(len(s))); bw.WriteString(s) }
	putF := func(f float32) { binary.Write(bw, binary.LittleEndian, math.Float32bits(f)) }

	bw.WriteString(modelMagic)
	nt := len(m.tags)
	putU(uint64(nt))
	for _, t := range m.tags {
		putS(t)
	}
	for _, v := range m.trans {
		putF(v)
	}
	putF(m.oBias)
	words := make([]string, 0, len(m.lx.caps))
	for wd := range m.lx.caps {
		words = append(words, wd)
	}
	sort.Strings(words)
	putU(uint64(len(words)))
	for _, wd := range words {
		putS(wd)
		bw.WriteByte(m.lx.caps[wd])
	}
	words = words[:0]
	for wd := range m.lx.clusters {
		words = append(words, wd)
	}
	sort.Strings(words)
	putU(uint64(len(words)))
	for _, wd := range words {
		putS(wd)
		putU(uint64(m.lx.clusters[wd]))
	}
	var gb bytes.Buffer
	if m.gaz != nil {
		if err := m.gaz.Save(&gb); err != nil {
			return fmt.Errorf("save model: %w", err)
		}
	}
	putS(gb.String())

	keys := make([]uint64, 0, len(m.index))
	var maxAbs float32
	for k, r := range m.index {
		keys = append(keys, k)
		for _, v := range m.w[int(r)*nt : int(r)*nt+nt] {
			maxAbs = max(maxAbs, float32(math.Abs(float64(v))))
		}
	}
	slices.Sort(keys)
	scale := maxAbs / 32767
	if scale == 0 {
		scale = 1
	}
	putF(scale)
	putU(uint64(len(keys)))
	prev := uint64(0)
	for _, k := range keys {
		putU(k - prev)
		prev = k
		r := int(m.index[k])
		var mask uint64
		q := make([]int64, nt)
		for j, v := range m.w[r*nt : r*nt+nt] {
			q[j] = int64(math.Round(float64(v / scale)))
			if q[j] != 0 {
				mask |= 1 << j
			}
		}
		putU(mask)
		for j := range q {
			if q[j] != 0 {
				putI(q[j])
			}
		}
	}
	// Pair features: rows of (nt+1) x nt weights, stored sparsely.
	P := (nt + 1) * nt
	keys = keys[:0]
	var pmax float32
	for k, r := range m.pindex {
		keys = append(keys, k)
		for _, v := range m.pw[int(r)*P : int(r)*P+P] {
			pmax = max(pmax, float32(math.Abs(float64(v))))
		}
	}
	slices.Sort(keys)
	pscale := pmax / 32767
	if pscale == 0 {
		pscale = 1
	}
	putF(pscale)
	putU(uint64(len(keys)))
	prev = 0
	for _, k := range keys {
		putU(k - prev)
		prev = k
		r := int(m.pindex[k])
		var nz []int
		var qs []int64
		for j, v := range m.pw[r*P : r*P+P] {
			if q := int64(math.Round(float64(v / pscale))); q != 0 {
				nz = append(nz, j)
				qs = append(qs, q)
			}
		}
		putU(uint64(len(nz)))
		for x, j := range nz {
			putU(uint64(j))
			putI(qs[x])
		}
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("save model: %w", err)
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("save model: %w", err)
	}
	return nil
}

// errModel reports a model file that is not one Save wrote.
var errModel = errors.New("not a dossier NER model")

// Load reads a model written by [Model.Save].
func Load(r io.Reader) (*Model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("load model: %w: %w", errModel, err)
	}
	br := bufio.NewReaderSize(zr, 1<<16)
	magic := make([]byte, len(modelMagic))
	if _, err := io.ReadFull(br, magic); err != nil || string(magic) != modelMagic {
		return nil, fmt.Errorf("load model: %w", errModel)
	}
	var rerr error
	getU := func() uint64 {
		v, err := binary.ReadUvarint(br)
		if err != nil && rerr == nil {
			rerr = err
		}
		return v
	}
	getI := func() int64 {
		v, err := binary.ReadVarint(br)
		if err != nil && rerr == nil {
			rerr = err
		}
		return v
	}
	getS := func(limit uint64) string {
		n := getU()
		if rerr != nil {
			return ""
		}
		if n > limit {
			rerr = fmt.Errorf("string of %d bytes exceeds %d", n, limit)
			return ""
		}
		b := make([]byte, n)
		if _, err := io.ReadFull(br, b); err != nil && rerr == nil {
			rerr = err
		}
		return string(b)
	}
	getF := func() float32 {
		var b [4]byte
		if _, err := io.ReadFull(br, b[:]); err != nil && rerr == nil {
			rerr = err
		}
		return math.Float32frombits(binary.LittleEndian.Uint32(b[:]))
	}
	m := &Model{}
	nt := int(getU())
	if rerr != nil || nt < 1 || nt > 64 {
		return nil, fmt.Errorf("load model: %w: bad tag count", errModel)
	}
	for range nt {
		m.tags = append(m.tags, getS(64))
	}
	if rerr == nil {
		for i, t := range m.tags {
			if (i == 0) != (t == "O") || (i > 0 && !validTag(t)) {
				rerr = fmt.Errorf("bad tag %q at %d", t, i)
			}
		}
	}
	m.trans = make([]float32, (nt+1)*nt)
	for i := range m.trans {
		m.trans[i] = getF()
	}
	m.oBias = getF()
	if rerr == nil && (math.IsNaN(float64(m.oBias)) || math.IsInf(float64(m.oBias), 0)) {
		rerr = fmt.Errorf("bad O bias %v", m.oBias)
	}
	nw := getU()
	if rerr == nil && nw > 1<<24 {
		rerr = fmt.Errorf("capitalisation table of %d words", nw)
	}
	m.lx.caps = make(map[string]uint8, nw)
	for i := uint64(0); i < nw && rerr == nil; i++ {
		wd := getS(1 << 10)
		b, err := br.ReadByte()
		if err != nil {
			rerr = err
		}
		m.lx.caps[wd] = b
	}
	nc := getU()
	if rerr == nil && nc > 1<<24 {
		rerr = fmt.Errorf("cluster table of %d words", nc)
	}
	if nc > 0 {
		m.lx.clusters = make(map[string]uint16, nc)
	}
	for i := uint64(0); i < nc && rerr == nil; i++ {
		wd := getS(1 << 10)
		m.lx.clusters[wd] = uint16(getU())
	}
	gazText := getS(1 << 28)
	if rerr == nil {
		g, err := loadGazetteerText(gazText)
		if err != nil {
			rerr = err
		}
		m.gaz = g
	}
	scale := getF()
	nf := getU()
	if rerr == nil && nf > 1<<28 {
		rerr = fmt.Errorf("%d features", nf)
	}
	if rerr != nil {
		return nil, fmt.Errorf("load model: %w: %w", errModel, rerr)
	}
	// Size hints are capped: a corrupt count must not allocate gigabytes
	// before the data runs out.
	m.index = make(map[uint64]int32, min(nf, 1<<22))
	m.w = make([]float32, 0, int(min(nf, 1<<22))*nt)
	prev := uint64(0)
	for i := uint64(0); i < nf && rerr == nil; i++ {
		k := prev + getU()
		prev = k
		mask := getU()
		m.index[k] = int32(i)
		for j := 0; j < nt; j++ {
			var v float32
			if mask&(1<<j) != 0 {
				v = float32(getI()) * scale
			}
			m.w = append(m.w, v)
		}
	}
	P := (nt + 1) * nt
	pscale := getF()
	np := getU()
	if rerr == nil && np > 1<<24 {
		rerr = fmt.Errorf("%d pair features", np)
	}
	m.pindex = make(map[uint64]int32, min(np, 1<<16))
	prev = 0
	for i := uint64(0); i < np && rerr == nil; i++ {
		k := prev + getU()
		prev = k
		m.pindex[k] = int32(i)
		row := make([]float32, P)
		nz := getU()
		for x := uint64(0); x < nz && rerr == nil; x++ {
			j := getU()
			q := getI()
			if j >= uint64(P) {
				rerr = fmt.Errorf("pair weight index %d out of range", j)
				break
			}
			row[j] = float32(q) * pscale
		}
		m.pw = append(m.pw, row...)
	}
	if rerr != nil {
		return nil, fmt.Errorf("load model: %w: %w", errModel, rerr)
	}
	m.allowed = transitionsAllowed(m.tags)
	return m, nil
}

//go:embed model.bin
var modelBin []byte

var (
	defaultOnce  sync.Once
	defaultModel *Model
	defaultErr   error
)

// Default returns the model embedded in the binary, trained by cmd/nertrain
// (see the package README for data and scores). It is loaded once; later
// calls return the same model.
func Default() (*Model, error) {
	defaultOnce.Do(func() {
		defaultModel, defaultErr = Load(bytes.NewReader(modelBin))
		if defaultErr != nil {
			defaultErr = fmt.Errorf("load embedded model: %w", defaultErr)
		}
	})
	return defaultModel, defaultErr
}

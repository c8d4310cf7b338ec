package ner

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Feature template identifiers; they are hashed with the feature's strings,
// so changing one invalidates trained models.
const (
	fBias = iota + 1
	fWord
	fLower
	fPrefix
	fSuffix
	fShape
	fShort
	fFlags
	fPrev1
	fPrev2
	fNext1
	fNext2
	fPrevShape
	fNextShape
	fPrevBigram
	fNextBigram
	fInitCap
	fHeadline
	fGaz
	fGazPrev
	fGazNext
	fCapRatio
	fShapeTri
	fPrevWordShape
	fNextWordShape
	_ // reserved (was an unused template; kept so later identifiers keep their values)
	fLen
	fGazNone
	_ // reserved
	fCluster
	fClusterPrev
	fClusterNext
	fRunPos
	fRunHead
	fRunFirst
	fRunHeadGaz
	fPairShape
	fPairGaz
	fPairCluster
)

// connectors may sit inside a run of capitalised words that names one thing
// ("Federal Office for Information Security", "Bank of England").
var connectors = map[string]bool{"of": true, "for": true, "and": true, "the": true, "de": true, "&": true, "on": true, "du": true, "la": true, "del": true, "von": true, "van": true}

// lexicon holds the word tables features look up.
type lexicon struct {
	caps     map[string]uint8  // capitalisation bucket of frequent words
	clusters map[string]uint16 // distributional word cluster
}

const noCluster = 0xffff

func (lx *lexicon) cluster(w string) uint16 {
	if c, ok := lx.clusters[w]; ok {
		return c
	}
	return noCluster
}

// tokInfo is per-token information shared by the feature templates.
type tokInfo struct {
	lower string
	shape string // X, x, d for letters and digits, others kept; at most 10 runes
	short string // shape with repeats collapsed
	flags uint8
}

const (
	flCap uint8 = 1 << iota
	flAllCap
	flDigit
	flHyphen
	flPeriod
	flAlpha
	flLowerAny
)

// sentence holds a sentence prepared for feature extraction.
type sentence struct {
	toks     []string
	info     []tokInfo
	marks    gazMarks
	headline bool    // no lower-case letter anywhere: all-caps headline or table
	runStart []int32 // per token: first token of its capitalised run, -1 outside runs
	runEnd   []int32 // per token: one past the last token of its run
}

// punctNorm maps typographic punctuation to the ASCII forms the training
// corpora use.
var punctNorm = strings.NewReplacer("\u2019", "'", "\u2018", "'", "\u201c", "\"", "\u201d", "\"", "\u2013", "-", "\u2014", "-", "\u00a0", " ")

// normToken is the form of a token the features see: typographic quotes
// and dashes made ASCII, and a possessive 's dropped from a capitalised
// word ("Lab's" → "Lab"), for tokenisers that keep it attached.
func normToken(t string) string {
	for i := 0; i < len(t); i++ {
		if t[i] >= utf8.RuneSelf {
			t = punctNorm.Replace(t)
			break
		}
	}
	if n := len(t); n > 3 && t[n-2] == '\'' && (t[n-1] == 's' || t[n-1] == 'S') {
		if r, _ := utf8.DecodeRuneInString(t); unicode.IsUpper(r) {
			t = t[:n-2]
		}
	}
	return t
}

func (s *sentence) prepare(tokens []string, gaz *Gazetteer) {
	if cap(s.toks) < len(tokens) {
		s.toks = make([]string, len(tokens))
	}
	s.toks = s.toks[:len(tokens)]
	for i, t := range tokens {
		s.toks[i] = normToken(t)
	}
	tokens = s.toks
	if cap(s.info) < len(tokens) {
		s.info = make([]tokInfo, len(tokens))
		s.marks = make(gazMarks, len(tokens))
	}
	s.info = s.info[:len(tokens)]
	s.marks = s.marks[:len(tokens)]
	lower := make([]string, len(tokens))
	anyLower, anyUpper := false, false
	for i, t := range tokens {
		in := &s.info[i]
		in.lower = strings.ToLower(t)
		lower[i] = in.lower
		in.shape, in.short, in.flags = shapeOf(t)
		if in.flags&flLowerAny != 0 {
			anyLower = true
		}
		if in.flags&flCap != 0 {
			anyUpper = true
		}
	}
	s.headline = anyUpper && !anyLower
	gaz.mark(lower, s.marks)
	s.runs()
}

// runs finds maximal runs of capitalised tokens, allowing lower-case
// connectors between two capitalised tokens.
func (s *sentence) runs() {
	n := len(s.toks)
	if cap(s.runStart) < n {
		s.runStart = make([]int32, n)
		s.runEnd = make([]int32, n)
	}
	s.runStart, s.runEnd = s.runStart[:n], s.runEnd[:n]
	for i := range s.runStart {
		s.runStart[i], s.runEnd[i] = -1, -1
	}
	if s.headline {
		return
	}
	for i := 0; i < n; {
		if s.info[i].flags&flCap == 0 {
			i++
			continue
		}
		j := i + 1
		for j < n {
			if s.info[j].flags&flCap != 0 {
				j++
				continue
			}
			if connectors[s.info[j].lower] && j+1 < n && s.info[j+1].flags&flCap != 0 {
				j += 2
				continue
			}
			break
		}
		for k := i; k < j; k++ {
			s.runStart[k], s.runEnd[k] = int32(i), int32(j)
		}
		i = j
	}
}

func shapeOf(t string) (shape, short string, flags uint8) {
	var b, sb []byte
	var last byte
	n, nUpper, nLetter := 0, 0, 0
	for i, r := range t {
		var c byte
		switch {
		case unicode.IsUpper(r):
			c = 'X'
			nUpper++
			nLetter++
			if i == 0 {
				flags |= flCap
			}
		case unicode.IsLetter(r):
			c = 'x'
			nLetter++
			flags |= flLowerAny
		case unicode.IsDigit(r):
			c = 'd'
			flags |= flDigit
		case r == '-':
			c = '-'
			flags |= flHyphen
		case r == '.':
			c = '.'
			flags |= flPeriod
		case r < utf8.RuneSelf:
			c = byte(r)
		default:
			c = '*'
		}
		if n < 10 {
			b = append(b, c)
		}
		n++
		if c != last {
			sb = append(sb, c)
			last = c
		}
	}
	if nLetter > 0 {
		flags |= flAlpha
		if nUpper == nLetter {
			flags |= flAllCap
		}
	}
	return string(b), string(sb), flags
}

// featHash starts a feature hash for template t.
func featHash(t int) uint64 {
	h := hashInit
	h ^= uint64(t)
	h *= hashPrime
	return h
}

func hashStr(h uint64, s string) uint64 { return hashToken(h, s) }

func hashByte(h uint64, b byte) uint64 {
	h ^= uint64(b)
	h *= hashPrime
	return h
}

// capRatio buckets: how often a word is capitalised when not sentence-initial
// in the training text.
const capUnknown = 5

// features appends the feature hashes of token i to dst.
func (s *sentence) features(i int, lx *lexicon, dst []uint64) []uint64 {
	in := &s.info[i]
	n := len(s.toks)
	w := s.toks[i]
	word := func(j int) string {
		switch {
		case j < 0:
			return "<s>"
		case j >= n:
			return "</s>"
		}
		return s.info[j].lower
	}
	shape := func(j int) string {
		switch {
		case j < 0:
			return "<s>"
		case j >= n:
			return "</s>"
		}
		return s.info[j].short
	}
	hl := byte('0')
	if s.headline {
		hl = '1'
	}
	dst = append(dst, featHash(fBias))
	if !s.headline {
		dst = append(dst, hashStr(featHash(fWord), w))
	}
	dst = append(dst, hashStr(featHash(fLower), in.lower))
	lw := in.lower
	for k := 1; k <= 4 && k < len(lw); k++ {
		dst = append(dst, hashStr(hashByte(featHash(fPrefix), byte(k)), lw[:k]))
		dst = append(dst, hashStr(hashByte(featHash(fSuffix), byte(k)), lw[len(lw)-k:]))
	}
	dst = append(dst, hashStr(hashByte(featHash(fShape), hl), in.shape))
	dst = append(dst, hashStr(hashByte(featHash(fShort), hl), in.short))
	dst = append(dst, hashByte(hashByte(featHash(fFlags), in.flags), hl))
	l := len(lw)
	if l > 12 {
		l = 12
	}
	dst = append(dst, hashByte(featHash(fLen), byte(l)))
	dst = append(dst, hashStr(featHash(fPrev1), word(i-1)))
	dst = append(dst, hashStr(featHash(fPrev2), word(i-2)))
	dst = append(dst, hashStr(featHash(fNext1), word(i+1)))
	dst = append(dst, hashStr(featHash(fNext2), word(i+2)))
	dst = append(dst, hashStr(hashByte(featHash(fPrevShape), hl), shape(i-1)))
	dst = append(dst, hashStr(hashByte(featHash(fNextShape), hl), shape(i+1)))
	dst = append(dst, hashStr(hashStr(featHash(fPrevBigram), word(i-1)), lw))
	dst = append(dst, hashStr(hashStr(featHash(fNextBigram), lw), word(i+1)))
	dst = append(dst, hashStr(hashStr(hashStr(featHash(fShapeTri), shape(i-1)), in.short), shape(i+1)))
	dst = append(dst, hashStr(hashStr(featHash(fPrevWordShape), word(i-1)), in.short))
	dst = append(dst, hashStr(hashStr(featHash(fNextWordShape), in.short), word(i+1)))
	if i == 0 {
		dst = append(dst, hashByte(hashByte(featHash(fInitCap), in.flags&flCap), hl))
	}
	if s.headline {
		dst = append(dst, featHash(fHeadline))
	}
	cr, ok := lx.caps[lw]
	if !ok {
		cr = capUnknown
	}
	pos := byte('m')
	if i == 0 {
		pos = 'f'
	}
	dst = append(dst, hashByte(hashByte(hashByte(hashByte(featHash(fCapRatio), cr), hl), pos), in.flags&flCap))
	if len(lx.clusters) > 0 {
		c := lx.cluster(lw)
		dst = append(dst, hashByte(hashByte(hashByte(featHash(fCluster), byte(c)), byte(c>>8)), in.flags&flCap|hl))
		dst = append(dst, hashByte(hashByte(featHash(fCluster), byte(c)), byte(c>>8)))
		if i > 0 {
			c := lx.cluster(s.info[i-1].lower)
			dst = append(dst, hashByte(hashByte(featHash(fClusterPrev), byte(c)), byte(c>>8)))
		}
		if i+1 < n {
			c := lx.cluster(s.info[i+1].lower)
			dst = append(dst, hashByte(hashByte(featHash(fClusterNext), byte(c)), byte(c>>8)))
		}
	}
	if rs := s.runStart[i]; rs >= 0 {
		re := int(s.runEnd[i])
		pos := byte('I')
		switch {
		case re-int(rs) == 1:
			pos = 'S'
		case i == int(rs):
			pos = 'B'
		case i == re-1:
			pos = 'E'
		}
		ln := byte(min(re-int(rs), 4))
		head := s.info[re-1].lower
		dst = append(dst, hashByte(hashByte(featHash(fRunPos), pos), ln))
		dst = append(dst, hashStr(hashByte(featHash(fRunHead), pos), head))
		dst = append(dst, hashStr(hashByte(featHash(fRunFirst), pos), s.info[rs].lower))
		hm := s.marks[re-1]
		for c := 0; c < len(categories); c++ {
			if hm&(1<<c) != 0 {
				dst = append(dst, hashByte(hashByte(featHash(fRunHeadGaz), pos), byte(c)))
			}
		}
	}
	// Gazetteer matches of this token and its neighbours.
	m := s.marks[i]
	if m == 0 {
		dst = append(dst, hashByte(featHash(fGazNone), in.flags&flCap))
	}
	for c := 0; c < len(categories); c++ {
		bi := byte(0)
		switch {
		case m&(1<<c) != 0:
			bi = 'B'
		case m&(1<<(c+32)) != 0:
			bi = 'I'
		default:
			continue
		}
		end := byte('e')
		if i+1 < n && s.marks[i+1]&(1<<(c+32)) != 0 {
			end = 'c'
		}
		dst = append(dst, hashByte(hashByte(hashByte(hashByte(featHash(fGaz), byte(c)), bi), end), in.flags&(flCap|flAllCap)|hl))
		dst = append(dst, hashByte(hashByte(featHash(fGaz), byte(c)), bi))
	}
	if i > 0 {
		pm := s.marks[i-1]
		for c := 0; c < len(categories); c++ {
			if pm&(1<<c|1<<(c+32)) != 0 {
				dst = append(dst, hashByte(featHash(fGazPrev), byte(c)))
			}
		}
	}
	if i+1 < n {
		nm := s.marks[i+1]
		for c := 0; c < len(categories); c++ {
			if nm&(1<<c) != 0 {
				dst = append(dst, hashByte(featHash(fGazNext), byte(c)))
			}
		}
	}
	return dst
}

// pairFeatures appends the hashes of token i's features that are weighted
// per pair (previous tag, tag) rather than per tag: its collapsed shape, its
// gazetteer lists and its word cluster. They let the decoder learn, for
// example, that a capitalised word after B-ORG continues the organisation
// while one after O starts a new name.
func (s *sentence) pairFeatures(i int, lx *lexicon, dst []uint64) []uint64 {
	in := &s.info[i]
	hl := byte('0')
	if s.headline {
		hl = '1'
	}
	dst = append(dst, hashStr(hashByte(featHash(fPairShape), hl), in.short))
	m := s.marks[i]
	for c := 0; c < len(categories); c++ {
		switch {
		case m&(1<<c) != 0:
			dst = append(dst, hashByte(hashByte(featHash(fPairGaz), byte(c)), 'B'))
		case m&(1<<(c+32)) != 0:
			dst = append(dst, hashByte(hashByte(featHash(fPairGaz), byte(c)), 'I'))
		}
	}
	if len(lx.clusters) > 0 {
		c := lx.cluster(in.lower)
		dst = append(dst, hashByte(hashByte(featHash(fPairCluster), byte(c)), byte(c>>8)))
	}
	return dst
}

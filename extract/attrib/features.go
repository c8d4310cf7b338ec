package attrib

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dossier-project/dossier/extract/internal/hashperc"
	"github.com/dossier-project/dossier/extract/text"
)

// tok is a token with what the features need.
type tok struct {
	start, end int    // code-point offsets
	norm       string // lower case, typographic quotes and dashes made ASCII
	w          uint64 // hash of norm
	stem       uint64 // hash of norm without a verb ending
	suf2, suf3 uint64
	shape      uint8
	q          uint8 // quote state, see below
	info             // what the model's word lists say of norm
}

// info is what the model's word lists hold for a word (see Model.words).
type info struct {
	lex uint64 // hash of its reporting-verb class, 0 when none
	amb uint64 // hash of its ambiguity class (the tags it took in a treebank), 0 unknown
	cue bool   // it anchors cues (the cue vocabulary)
	clu uint64 // hash of its distributional cluster, 0 unknown
}

// Quote states of a token.
const (
	qNone  = iota
	qIn    // inside a quotation
	qOpen  // an opening quotation mark
	qClose // a closing quotation mark
)

// Word shapes.
const (
	shLower = iota
	shCap
	shUpper
	shDigit
	shPunct
	shMixed
)

// sent is a prepared sentence.
type sent struct {
	toks []tok
	cand bool // holds a word of the cue vocabulary: worth tagging
	clu  bool // the model has word clusters: the cluster features are on
}

var (
	hashStr = hashperc.Hash
	f1      = hashperc.F1
	f2      = hashperc.F2
	f3      = hashperc.F3
)

// Norm is the form in which the model's word lists (the lexicon, the
// ambiguity classes) hold a word: lower case, with typographic quotes,
// apostrophes and dashes made ASCII.
func Norm(word string) string { return normWord(word) }

// normWord is Norm.
func normWord(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 0x80 || ('A' <= c && c <= 'Z') {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '“', '”', '„', '«', '»', '″':
			r = '"'
		case '‘', '’', '‚', '′':
			r = '\''
		case '—', '–', '―':
			b.WriteString("--")
			continue
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

func shapeOf(s string) uint8 {
	var up, low, dig int
	for _, r := range s {
		switch {
		case unicode.IsUpper(r):
			up++
		case unicode.IsLower(r):
			low++
		case unicode.IsDigit(r):
			dig++
		}
	}
	r0, _ := utf8.DecodeRuneInString(s)
	switch {
	case up+low+dig == 0:
		return shPunct
	case dig > 0 && up+low == 0:
		return shDigit
	case up > 0 && low == 0:
		return shUpper
	case unicode.IsUpper(r0) && dig == 0:
		return shCap
	case up == 0 && dig == 0:
		return shLower
	}
	return shMixed
}

// stemOf strips a verb or plural ending: "said" stays, "claimed" →
// "claim", "saying" → "say", "says" → "say".
func stemOf(w string) string {
	n := len(w)
	switch {
	case n > 5 && strings.HasSuffix(w, "ing"):
		return w[:n-3]
	case n > 4 && strings.HasSuffix(w, "ied"):
		return w[:n-3] + "y"
	case n > 4 && strings.HasSuffix(w, "ed"):
		return w[:n-2]
	case n > 4 && strings.HasSuffix(w, "ies"):
		return w[:n-3] + "y"
	case n > 3 && strings.HasSuffix(w, "es") && (strings.HasSuffix(w, "ses") || strings.HasSuffix(w, "shes") || strings.HasSuffix(w, "ches")):
		return w[:n-2]
	case n > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss"):
		return w[:n-1]
	}
	return w
}

func suffix(w string, k int) string {
	if len(w) <= k {
		return w
	}
	return w[len(w)-k:]
}

// quoteMark classifies quotation marks; a straight quote is both and is
// resolved by pairing.
func quoteMark(s string) (open, close bool) {
	switch s {
	case "“", "«", "„", "``", "‘":
		return true, false
	case "”", "»", "''":
		return false, true
	case "\"":
		return true, true
	}
	return false, false
}

// prepare turns a document's sentences into prepared sentences. Quotation
// marks are paired over the whole document; a quotation still open at a
// blank line ends there.
func (m *Model) prepare(runes []rune, sents []text.Sentence) []sent {
	out := make([]sent, len(sents))
	open := false
	lastEnd := -1
	for si, s := range sents {
		ts := s.Tokens
		if ts == nil {
			ts = text.Tokenize(runes, s.Start, s.End)
		}
		toks := make([]tok, len(ts))
		cand := len(m.vocab) == 0
		for i, t := range ts {
			if lastEnd >= 0 && t.Start > lastEnd && t.Start <= len(runes) && text.ParagraphBreak(runes[lastEnd:t.Start]) {
				open = false
			}
			lastEnd = t.End
			n := normWord(t.Text)
			tk := tok{start: t.Start, end: t.End, norm: n, w: hashStr(n), shape: shapeOf(t.Text)}
			tk.stem = hashStr(stemOf(n))
			tk.suf2 = hashStr(suffix(n, 2))
			tk.suf3 = hashStr(suffix(n, 3))
			tk.info = m.words[tk.w]
			cand = cand || tk.cue
			o, c := quoteMark(t.Text)
			switch {
			case o && c:
				if open {
					tk.q, open = qClose, false
				} else {
					tk.q, open = qOpen, true
				}
			case o:
				tk.q, open = qOpen, true
			case c:
				tk.q, open = qClose, false
			case open:
				tk.q = qIn
			}
			toks[i] = tk
		}
		out[si] = sent{toks: toks, cand: cand, clu: len(m.clusters) > 0}
	}
	return out
}

// Cue feature templates. Each feature hash mixes its template number with
// its values, so that the same word in two templates gives two features.
const (
	fBias = iota + 1
	fW0
	fWm1
	fWp1
	fWm2
	fWp2
	fWm1W0
	fW0Wp1
	fWm1Wp1
	fSuf2
	fSuf3
	fStem
	fShape
	fLex
	fQuote
	fFirst
	fWQuote
	fLexAround
	fAmb
	fAmb2
	fAmb3
	fAmbW
	fWQuoted
	fWThat
	fShWQ
	fAmbQ
	fW3
	fAmbShapes
	fClu
	fCluPair
	fCluQ
	fCluThat
)

var boundary = hashStr("<s>")

func (s *sent) w(i int) uint64 {
	if i < 0 || i >= len(s.toks) {
		return boundary
	}
	return s.toks[i].w
}

// shapeAt and qAt are the shape and quote state of token i, 9 outside
// the sentence.
func (s *sent) shapeAt(i int) uint64 {
	if i < 0 || i >= len(s.toks) {
		return 9
	}
	return uint64(s.toks[i].shape)
}

func (s *sent) qAt(i int) uint64 {
	if i < 0 || i >= len(s.toks) {
		return 9
	}
	return uint64(s.toks[i].q)
}

func (s *sent) ambAt(i int) uint64 {
	if i < 0 || i >= len(s.toks) {
		return boundary
	}
	return s.toks[i].amb
}

func (s *sent) cluAt(i int) uint64 {
	if i < 0 || i >= len(s.toks) {
		return boundary
	}
	return s.toks[i].clu
}

func b2u(b bool) uint64 {
	if b {
		return 1
	}
	return 0
}

// Bits of the sentence context of a token (lexSides).
const (
	ctxLexBefore = 1 << iota // a reporting verb of the lexicon stands before it
	ctxLexAfter              // and after it
	ctxQuoted                // the sentence holds a quotation mark
	ctxThat                  // "that" within the next three tokens
	ctxColon                 // ":" within the next three tokens (wins over ctxThat)
)

var (
	hThat  = hashStr("that")
	hColon = hashStr(":")
)

// lexSides tells, for each token, what of the sentence around it the cue
// features use (the ctx bits): whether a reporting verb of the lexicon
// stands before it and after it, whether the sentence holds a quotation
// mark, and whether "that" or ":" follows within three tokens.
func (s *sent) lexSides(dst []uint8) []uint8 {
	dst = dst[:0]
	first, last := -1, -1
	quoted := false
	for i, t := range s.toks {
		if t.lex != 0 {
			if first < 0 {
				first = i
			}
			last = i
		}
		if t.q == qOpen || t.q == qClose {
			quoted = true
		}
	}
	for i := range s.toks {
		var b uint8
		if first >= 0 && first < i {
			b |= ctxLexBefore
		}
		if last > i {
			b |= ctxLexAfter
		}
		if quoted {
			b |= ctxQuoted
		}
		for j := i + 1; j <= i+3 && j < len(s.toks); j++ {
			switch s.toks[j].w {
			case hThat:
				b |= ctxThat
			case hColon:
				b |= ctxColon
			}
		}
		if b&ctxColon != 0 {
			b &^= ctxThat
		}
		dst = append(dst, b)
	}
	return dst
}

// cueFeatures appends the features of token i for the cue tagger; sides
// is what lexSides gave for token i (its ctx bits).
func (s *sent) cueFeatures(i int, sides uint8, dst []uint64) []uint64 {
	t := &s.toks[i]
	dst = append(dst,
		f1(fBias, 0),
		f1(fW0, t.w),
		f1(fWm1, s.w(i-1)),
		f1(fWp1, s.w(i+1)),
		f1(fWm2, s.w(i-2)),
		f1(fWp2, s.w(i+2)),
		f2(fWm1W0, s.w(i-1), t.w),
		f2(fW0Wp1, t.w, s.w(i+1)),
		f2(fWm1Wp1, s.w(i-1), s.w(i+1)),
		f1(fSuf2, t.suf2),
		f1(fSuf3, t.suf3),
		f1(fStem, t.stem),
		f2(fShape, uint64(t.shape), b2u(i == 0)),
		f1(fLex, t.lex),
		f1(fQuote, uint64(t.q)),
		f2(fWQuote, t.w, uint64(t.q)),
		f3(fLexAround, t.stem, b2u(sides&ctxLexBefore != 0), b2u(sides&ctxLexAfter != 0)),
		f1(fAmb, t.amb),
		f2(fAmb2, s.ambAt(i-1), t.amb),
		f2(fAmb2, t.amb, s.ambAt(i+1)+1<<21),
		f3(fAmb3, s.ambAt(i-1), t.amb, s.ambAt(i+1)),
		f2(fAmbW, t.amb, s.w(i+1)),
		f2(fAmbW, s.w(i-1), t.amb+1<<21),
		// Wider context (session 8; together +0.007 to +0.013 cue F1 and
		// +0.009 to +0.011 relaxed F1 on the tune split over three seeds).
		f2(fWQuoted, t.stem, uint64(sides&ctxQuoted)),
		f2(fWThat, t.stem, uint64(sides&(ctxThat|ctxColon))),
		f3(fShWQ, s.shapeAt(i-1), t.w, s.qAt(i+1)),
		f3(fAmbQ, t.amb, uint64(t.q), s.qAt(i-1)),
		f1(fW3, s.w(i-3)),
		f2(fW3, s.w(i+3), 1),
		f3(fAmbShapes, t.amb, s.shapeAt(i-1), s.shapeAt(i-2)),
	)
	if s.clu {
		// Distributional clusters (TrainOptions.Clusters): an unseen cue
		// word shares the weights of the seen words of its cluster.
		dst = append(dst,
			f1(fClu, t.clu),
			f2(fCluPair, s.cluAt(i-1), t.clu),
			f2(fCluPair, t.clu, s.cluAt(i+1)+1<<21),
			f1(fClu, s.cluAt(i-1)+1<<22),
			f1(fClu, s.cluAt(i+1)+1<<23),
			f2(fCluQ, t.clu, uint64(t.q)),
			f2(fCluThat, t.clu, uint64(sides&(ctxThat|ctxColon))),
		)
	}
	if i == 0 {
		dst = append(dst, f1(fFirst, t.w))
	}
	return dst
}

// Role feature templates.
const (
	rBias = iota + 100
	rW0
	rW0Dist
	rShape
	rWm1
	rWp1
	rQuote
	rCommas
	rQuoteBetween
	rCueBetween
	rCueHead
	rCueFirst
	rAfterCue
	rBeforeCue
	rAround
	rStem
	rLex
	rEdge
	rHeadAfter
	rHeadBefore
	rAmb
)

// roleCtx is what the role features need to know about the cue; its
// slices are reused from cue to cue.
type roleCtx struct {
	c      [2]int
	head   uint64 // last word of the cue
	first  uint64 // first word of the cue
	after  uint64 // word after the cue
	before uint64 // word before the cue
	commas []int  // commas[i]: commas among tokens [0, i)
	quotes []int  // quote marks among tokens [0, i)
	cueTok []int  // tokens of other cues among [0, i)
	n      int
}

// reset fills rc for cue c of s; cues are all the cues of the sentence.
func (rc *roleCtx) reset(s *sent, c [2]int, cues [][2]int) {
	n := len(s.toks)
	*rc = roleCtx{c: c, n: n, head: s.toks[c[1]-1].w, first: s.toks[c[0]].w, after: s.w(c[1]), before: s.w(c[0] - 1),
		commas: growInts(rc.commas, n+1), quotes: growInts(rc.quotes, n+1), cueTok: growInts(rc.cueTok, n+1)}
	for i, t := range s.toks {
		rc.commas[i+1] = rc.commas[i]
		rc.quotes[i+1] = rc.quotes[i]
		rc.cueTok[i+1] = rc.cueTok[i]
		if t.norm == "," || t.norm == ";" || t.norm == "--" {
			rc.commas[i+1]++
		}
		if t.q == qOpen || t.q == qClose {
			rc.quotes[i+1]++
		}
		for _, o := range cues {
			if o != c && i >= o[0] && i < o[1] {
				rc.cueTok[i+1]++
			}
		}
	}
}

func growInts(s []int, n int) []int {
	if cap(s) < n {
		return make([]int, n)
	}
	s = s[:n]
	s[0] = 0
	return s
}

func bucket(d int) uint64 {
	switch {
	case d <= 3:
		return uint64(d)
	case d <= 5:
		return 4
	case d <= 8:
		return 5
	case d <= 12:
		return 6
	case d <= 20:
		return 7
	}
	return 8
}

func coarse(d int) uint64 {
	switch {
	case d <= 1:
		return 0
	case d <= 4:
		return 1
	case d <= 10:
		return 2
	}
	return 3
}

func cap3(n int) uint64 { return uint64(min(n, 3)) }

// roleFeatures appends the features of token i for the role tagger of the
// cue in rc.
func (s *sent) roleFeatures(i int, rc *roleCtx, dst []uint64) []uint64 {
	t := &s.toks[i]
	c := rc.c
	var dir uint64
	var d, lo, hi int
	switch {
	case i < c[0]:
		dir, d, lo, hi = 0, c[0]-i, i+1, c[0]
	case i >= c[1]:
		dir, d, lo, hi = 2, i-c[1]+1, c[1], i
	default:
		dir, d, lo, hi = 1, 0, i, i
	}
	commas := rc.commas[hi] - rc.commas[lo]
	quotes := rc.quotes[hi] - rc.quotes[lo]
	others := rc.cueTok[hi] - rc.cueTok[lo]
	db, dc := bucket(d), coarse(d)
	edge := uint64(0)
	if i == 0 {
		edge = 1
	} else if i == rc.n-1 {
		edge = 2
	}
	return append(dst,
		f2(rBias, dir, db),
		f2(rW0, dir, t.w),
		f3(rW0Dist, dir, dc, t.w),
		f3(rShape, dir, db, uint64(t.shape)),
		f2(rWm1, dir, s.w(i-1)),
		f2(rWp1, dir, s.w(i+1)),
		f3(rQuote, dir, dc, uint64(t.q)),
		f3(rCommas, dir, dc, cap3(commas)),
		f3(rQuoteBetween, dir, cap3(quotes), cap3(commas)),
		f2(rCueBetween, dir, cap3(others)),
		f3(rCueHead, dir, dc, rc.head),
		f2(rCueFirst, dir, rc.first),
		f3(rAfterCue, dir, dc, rc.after),
		f3(rBeforeCue, dir, dc, rc.before),
		f3(rAround, dir, rc.before, rc.after),
		f2(rStem, dir, t.stem),
		f2(rLex, dir, t.lex),
		f3(rEdge, dir, edge, uint64(t.shape)),
		f3(rHeadAfter, rc.head, rc.after, dir),
		f3(rHeadBefore, rc.head, rc.before, dir),
		f3(rAmb, dir, dc, t.amb),
	)
}

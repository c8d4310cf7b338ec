package attrib

import (
	"sync"

	"github.com/dossier-project/dossier/extract/text"
	"github.com/dossier-project/dossier/schema"
)

// Cue tags.
const (
	cueO = iota
	cueB
	cueI
	nCueTags
)

// Role tags: the source and content of one cue.
const (
	roleO = iota
	roleBS
	roleIS
	roleBC
	roleIC
	nRoleTags
)

// Model is a trained attribution model: a cue tagger (B/I/O over the
// tokens of a sentence) and, for each cue found, a role tagger that labels
// the tokens of the sentence as its source, its content or neither. It is
// safe for concurrent use.
type Model struct {
	cue  *tagger
	role *tagger
	// lexicon maps words to a reporting-verb class; classes maps words to
	// their ambiguity class (the part-of-speech tags they took in a
	// treebank, "NN|VB"); vocab lists the words that anchor cues: a
	// sentence without one is not tagged (empty: every sentence is).
	lexicon map[string]string
	classes map[string]string
	vocab   []string
	// clusters maps words to a distributional cluster (words of
	// unlabelled news seen in the same contexts, see TrainOptions).
	clusters map[string]string
	words    map[uint64]info // the four lists by word hash
	oBias    float32         // added to the score of cue tag O at every token
	stack    *stacker        // the cue tagger's second stage, nil: none
	pool     sync.Pool       // *work
}

// WithOBias returns a copy of m that adds b to the score of "no cue" at
// every token: a negative b finds more cues (recall) at the cost of
// precision. The copy shares the weights.
func (m *Model) WithOBias(b float32) *Model {
	return &Model{cue: m.cue, role: m.role, lexicon: m.lexicon, classes: m.classes, vocab: m.vocab, clusters: m.clusters, words: m.words, oBias: b, stack: m.stack}
}

// Stacked reports whether m has a second stage for its cue tagger
// (TrainOptions.Stack).
func (m *Model) Stacked() bool { return m.stack != nil }

// WithStack returns a copy of m whose second stage (TrainOptions.Stack)
// adds a cue where its probability reaches add and drops one where no
// word of it reaches drop; add < 0 turns the stage off. The copy shares
// the weights.
func (m *Model) WithStack(add, drop float32) *Model {
	c := m.WithOBias(m.oBias)
	if add < 0 || m.stack == nil {
		c.stack = nil
		return c
	}
	st := *m.stack
	st.add, st.drop = add, drop
	c.stack = &st
	return c
}

// index builds the word table from the word lists.
func (m *Model) index() {
	m.words = make(map[uint64]info, len(m.lexicon)+len(m.classes))
	for w, c := range m.lexicon {
		in := m.words[hashStr(w)]
		in.lex = hashStr(c)
		m.words[hashStr(w)] = in
	}
	for w, c := range m.classes {
		in := m.words[hashStr(w)]
		in.amb = hashStr(c)
		m.words[hashStr(w)] = in
	}
	for _, w := range m.vocab {
		in := m.words[hashStr(w)]
		in.cue = true
		m.words[hashStr(w)] = in
	}
	for w, c := range m.clusters {
		in := m.words[hashStr(w)]
		in.clu = hashStr(c)
		m.words[hashStr(w)] = in
	}
}

// Found is one attribution found in a sentence: code-point ranges [start,
// end) of the cue, the source (Source[0] == Source[1]: none) and the
// content fragments, in text order.
type Found struct {
	Sentence int
	Cue      [2]int
	Source   [2]int
	Content  [][2]int
}

// work is the scratch space of one Find call.
type work struct {
	feats []uint64
	offs  []int32
	dec   decoder
	forb  []bool
	cues  [][2]int
	sides []uint8
	rc    roleCtx
	stack stackWork
}

func cueAllowed() []bool {
	nt := nCueTags
	a := make([]bool, (nt+1)*nt)
	for p := 0; p <= nt; p++ {
		for k := 0; k < nt; k++ {
			a[p*nt+k] = k != cueI || p == cueB || p == cueI
		}
	}
	return a
}

func roleAllowed() []bool {
	nt := nRoleTags
	a := make([]bool, (nt+1)*nt)
	for p := 0; p <= nt; p++ {
		for k := 0; k < nt; k++ {
			switch k {
			case roleIS:
				a[p*nt+k] = p == roleBS || p == roleIS
			case roleIC:
				a[p*nt+k] = p == roleBC || p == roleIC
			default:
				a[p*nt+k] = true
			}
		}
	}
	return a
}

// MaxTokens is the longest sentence the model tags; longer sentences are
// left to the rules.
const MaxTokens = 200

// Find returns the attributions of a document's sentences (from
// text.Split; runes is the document's text). Sentences longer than
// MaxTokens are skipped.
func (m *Model) Find(runes []rune, sents []text.Sentence) []Found {
	w, _ := m.pool.Get().(*work)
	if w == nil {
		w = &work{}
	}
	defer m.pool.Put(w)
	ps := m.prepare(runes, sents)
	var stacked [][][2]int
	if m.stack != nil {
		stacked = m.stackedCues(w, ps)
	}
	var out []Found
	for si := range ps {
		s := &ps[si]
		n := len(s.toks)
		if n == 0 || n > MaxTokens || !s.cand {
			continue
		}
		if stacked != nil {
			w.cues = append(w.cues[:0], stacked[si]...)
		} else {
			w.feats, w.offs = w.feats[:0], w.offs[:0]
			w.sides = s.lexSides(w.sides)
			for i := 0; i < n; i++ {
				w.offs = append(w.offs, int32(len(w.feats)))
				w.feats = s.cueFeatures(i, w.sides[i], w.feats)
			}
			w.offs = append(w.offs, int32(len(w.feats)))
			tags := m.cue.decode(&w.dec, w.feats, w.offs, nil, m.oBias)
			w.cues = spansOf(tags, w.cues[:0])
		}
		if len(w.cues) == 0 {
			continue
		}
		cues := append([][2]int(nil), w.cues...)
		for _, c := range cues {
			f := Found{Sentence: si, Cue: [2]int{s.toks[c[0]].start, s.toks[c[1]-1].end}}
			src, con := m.roles(w, s, c, cues)
			if src[1] > src[0] {
				f.Source = [2]int{s.toks[src[0]].start, s.toks[src[1]-1].end}
			}
			for _, r := range con {
				f.Content = append(f.Content, [2]int{s.toks[r[0]].start, s.toks[r[1]-1].end})
			}
			if k := len(con); k > 0 {
				if end := runOn(ps, si, con[k-1][1]-1); end > 0 {
					f.Content[k-1][1] = end
				}
			}
			out = append(out, f)
		}
	}
	continuations(ps, out)
	return out
}

// continuations adds to an attribution whose content is a quotation
// before its cue (`“A,” she said.`) the quotation that makes up the next
// sentence, when nothing is attributed in that one (`“B.”`): the corpus's
// guidelines take such a continuation as part of the same content, even
// across a paragraph break.
func continuations(ps []sent, fs []Found) {
	// The first cue found in each sentence: a cue inside the quotation that
	// opens the next sentence (`“A,” she said. “I will say B.”`) is nested
	// in the continuation, as the corpus has it; one after it is not.
	first := make(map[int]int, len(fs))
	last := make(map[int]int, len(fs))
	for _, f := range fs {
		if c, ok := first[f.Sentence]; !ok || f.Cue[0] < c {
			first[f.Sentence] = f.Cue[0]
		}
		last[f.Sentence] = max(last[f.Sentence], f.Cue[0])
	}
	for i := range fs {
		f := &fs[i]
		sj := f.Sentence + 1
		if len(f.Content) == 0 || f.Content[0][0] >= f.Cue[0] || sj >= len(ps) {
			continue
		}
		// The content before the cue is a quotation that closed.
		toks := ps[f.Sentence].toks
		closed := false
		for k, t := range toks {
			if t.start >= f.Content[0][0] && t.end <= f.Cue[0] && (t.q == qClose || doubled(toks, k)) {
				closed = true
			}
		}
		next := ps[sj].toks
		if !closed || len(next) == 0 {
			continue
		}
		end := 0
		switch {
		case next[0].q == qOpen:
			for _, t := range next[1:] {
				if t.q == qClose {
					end = t.end
				}
				if t.q == qNone || t.q == qOpen {
					break
				}
			}
			if end == 0 {
				end = runOn(ps, sj, len(next)-1)
			}
		case doubled(next, 0) && last[f.Sentence] == f.Cue[0]:
			// (Not when another cue follows in the sentence: `''A,'' she
			// said, referring to B. ''C.''`.)
			// The New York Times' doubled apostrophes (two tokens) open a
			// quotation as well as close one (`''A,'' he said. ''B.''`):
			// the quotation ends at the next pair in the sentence.
			for k := 2; k < len(next); k++ {
				if doubled(next, k) {
					end = next[k+1].end
					break
				}
			}
		default:
			continue
		}
		if c, ok := first[sj]; ok && (end == 0 || c < next[0].start || last[sj] >= end) {
			continue // a cue of the next sentence outside the quotation
		}
		if end > next[0].start {
			f.Content = append(f.Content, [2]int{next[0].start, end})
		}
	}
}

// doubled reports whether tokens k and k+1 are two apostrophes with
// nothing between them: the New York Times' doubled-apostrophe quotation
// mark.
func doubled(toks []tok, k int) bool {
	return k+1 < len(toks) && toks[k].norm == "'" && toks[k+1].norm == "'" && toks[k].end == toks[k+1].start
}

// maxRunOn bounds how many sentences a quotation may run on for.
const maxRunOn = 20

// runOn returns the end of the quotation that token k of sentence si is
// in when the quotation runs on past that sentence ("He said: “We are
// sure. We are right.”"), with its closing mark, or 0 when it closes in
// the sentence or token k is not quoted. A quotation still open at a blank
// line ends there (the quote states of prepare).
func runOn(ps []sent, si, k int) int {
	toks := ps[si].toks
	if q := toks[k].q; q != qIn && q != qOpen {
		return 0
	}
	for _, t := range toks[k+1:] {
		if t.q == qClose || t.q == qNone {
			return 0
		}
	}
	end := 0
	for sj := si + 1; sj < len(ps) && sj <= si+maxRunOn; sj++ {
		for _, t := range ps[sj].toks {
			switch t.q {
			case qClose:
				return t.end
			case qNone, qOpen:
				return end
			}
			end = t.end
		}
	}
	return end
}

// spansOf returns the B/I runs of a cue tag sequence as token ranges.
func spansOf(tags []int, dst [][2]int) [][2]int {
	for i := 0; i < len(tags); i++ {
		if tags[i] == cueO {
			continue
		}
		j := i + 1
		for j < len(tags) && tags[j] == cueI {
			j++
		}
		dst = append(dst, [2]int{i, j})
		i = j - 1
	}
	return dst
}

// roles tags the source and content of cue c in s: the source is the run
// of source tokens nearest the cue, the content every run of content
// tokens.
func (m *Model) roles(w *work, s *sent, c [2]int, cues [][2]int) (src [2]int, con [][2]int) {
	n := len(s.toks)
	w.feats, w.offs = w.feats[:0], w.offs[:0]
	w.rc.reset(s, c, cues)
	for i := 0; i < n; i++ {
		w.offs = append(w.offs, int32(len(w.feats)))
		w.feats = s.roleFeatures(i, &w.rc, w.feats)
	}
	w.offs = append(w.offs, int32(len(w.feats)))
	w.forb = forbidCue(w.forb, n, c)
	tags := m.role.decode(&w.dec, w.feats, w.offs, w.forb, 0)
	if a, b := bracketAfterContent(s, tags); a >= 0 {
		// A bracket opened right after content belongs to it ("helped
		// the Federal Security Service (FSB) steal"): decode again with
		// the bracket forced into the content, the rest free (neutral
		// on the tune split, +0.0002 relaxed F1; the model article's
		// denial kept its whole content and its link to the allegation).
		for i := a; i < b; i++ {
			for k := 0; k < nRoleTags; k++ {
				w.forb[i*nRoleTags+k] = k != roleIC
			}
		}
		// The lower-case word right after the bracket goes with it: the
		// bracket stood inside the content, not at its end (the model
		// trained on predicted cues stopped at "(FSB)" in "helped the
		// Federal Security Service (FSB) steal files"; on the tune split
		// no change to four decimals).
		if b < n && s.toks[b].shape == shLower {
			for k := 0; k < nRoleTags; k++ {
				w.forb[b*nRoleTags+k] = k != roleIC
			}
		}
		tags = m.role.decode(&w.dec, w.feats, w.offs, w.forb, 0)
	}
	best := -1
	for i := 0; i < n; i++ {
		switch tags[i] {
		case roleBS:
			j := i + 1
			for j < n && tags[j] == roleIS {
				j++
			}
			d := dist(c, i, j)
			if best < 0 || d < best {
				best, src = d, [2]int{i, j}
			}
			i = j - 1
		case roleBC, roleIC:
			j := i + 1
			for j < n && tags[j] == roleIC {
				j++
			}
			con = append(con, [2]int{i, j})
			i = j - 1
		}
	}
	return src, con
}

// maxBracket bounds the tokens of a bracket that bracketAfterContent
// takes into a content.
const maxBracket = 8

// bracketAfterContent returns the tokens [a, b) of the first bracket that
// opens right after a content token and is tagged outside it, through its
// closing bracket (at most maxBracket tokens), or a == -1.
func bracketAfterContent(s *sent, tags []int) (a, b int) {
	for i := 1; i < len(tags); i++ {
		if s.toks[i].norm != "(" || tags[i] != roleO || (tags[i-1] != roleBC && tags[i-1] != roleIC) {
			continue
		}
		for j := i + 1; j < len(tags) && j <= i+maxBracket; j++ {
			if s.toks[j].norm == ")" {
				return i, j + 1
			}
		}
	}
	return -1, -1
}

// forbidCue marks the cue's tokens as unable to be source or content.
func forbidCue(f []bool, n int, c [2]int) []bool {
	f = f[:0]
	for i := 0; i < n; i++ {
		for k := 0; k < nRoleTags; k++ {
			f = append(f, i >= c[0] && i < c[1] && k != roleO)
		}
	}
	return f
}

// dist is the number of tokens between the span [a, b) and the cue.
func dist(c [2]int, a, b int) int {
	if b <= c[0] {
		return c[0] - b
	}
	return a - c[1]
}

// Annotate finds the attributions of a text, as the JSON Lines format has
// them (what Find returns, in code-point fragments), leaving out those
// nested in the content of another, as the corpus does.
func (m *Model) Annotate(txt string) []Attribution {
	runes := []rune(txt)
	sents := text.Split(&schema.Document{Text: txt}, runes)
	var out []Attribution
	fs := m.Find(runes, sents)
	for i, f := range fs {
		if nestedIn(f, fs, i) {
			continue
		}
		a := Attribution{CueFragments: Fragments{f.Cue}}
		if f.Source[1] > f.Source[0] {
			a.SourceFragments = Fragments{f.Source}
		}
		for _, c := range f.Content {
			a.ContentFragments = append(a.ContentFragments, c)
		}
		out = append(out, a)
	}
	return out
}

// nestedIn reports whether the cue of fs[i] lies inside the content of
// another attribution whose content does not hold that one's cue.
func nestedIn(f Found, fs []Found, i int) bool {
	inside := func(c [2]int, con [][2]int) bool {
		for _, r := range con {
			if r[0] <= c[0] && c[1] <= r[1] {
				return true
			}
		}
		return false
	}
	for j, o := range fs {
		if j != i && inside(f.Cue, o.Content) && !inside(o.Cue, f.Content) {
			return true
		}
	}
	return false
}

// Tags returns the part-of-speech tags that word took in the treebank of
// the model's ambiguity classes ("VBD|VBN" for "accused"), or "" when the
// treebank did not hold it.
func (m *Model) Tags(word string) string { return m.classes[normWord(word)] }

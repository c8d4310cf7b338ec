package main

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/dossier-project/dossier/extract/attrib"
	"github.com/dossier-project/dossier/extract/text"
)

// Sentence is a tokenised sentence of a treebank with its tags and tree:
// Heads[i] is the index of token i's head, -1 for the root; Labels[i] the
// relation to it.
type Sentence struct {
	Words  []string
	Tags   []string
	Heads  []int
	Labels []string
}

// conllWord is one syntactic word of a CoNLL-U sentence.
type conllWord struct {
	form, xpos, rel string
	head            int // 1-based, 0 root
	start, end      int // code points in the sentence text
}

// ReadCoNLLU reads a CoNLL-U treebank and re-tokenises each sentence with
// dossier's tokenizer (package text), so that a model trained on it sees
// the tokens it will be given: syntactic words that the tokenizer keeps
// together ("Al-Zaman", "gonna") become one token, with the tag, head and
// relation of the word whose head lies outside the group. Sentences that
// cannot be aligned (a word split by the tokenizer, text that does not
// match the words) are skipped; skipped counts them.
func ReadCoNLLU(r io.Reader) (sents []Sentence, skipped int, err error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<16), 1<<22)
	var words []conllWord
	var mwt [][3]int // range start, end (1-based ids), index into surfaces
	var surfaces []string
	var txt string
	flush := func() {
		if len(words) > 0 {
			if s, ok := align(txt, words, mwt, surfaces); ok {
				sents = append(sents, s)
			} else {
				skipped++
			}
		}
		words, mwt, surfaces, txt = words[:0], mwt[:0], surfaces[:0], ""
	}
	line := 0
	for sc.Scan() {
		line++
		l := sc.Text()
		switch {
		case l == "":
			flush()
			continue
		case strings.HasPrefix(l, "# text = "):
			txt = strings.TrimPrefix(l, "# text = ")
			continue
		case strings.HasPrefix(l, "#"):
			continue
		}
		f := strings.Split(l, "\t")
		if len(f) < 8 {
			return nil, 0, fmt.Errorf("line %d: %d columns, want 10", line, len(f))
		}
		if strings.Contains(f[0], ".") {
			continue // an empty node of the enhanced graph
		}
		if a, b, ok := strings.Cut(f[0], "-"); ok {
			x, err1 := strconv.Atoi(a)
			y, err2 := strconv.Atoi(b)
			if err1 != nil || err2 != nil {
				return nil, 0, fmt.Errorf("line %d: bad range %q", line, f[0])
			}
			mwt = append(mwt, [3]int{x, y, len(surfaces)})
			surfaces = append(surfaces, f[1])
			continue
		}
		h, err := strconv.Atoi(f[6])
		if err != nil {
			return nil, 0, fmt.Errorf("line %d: bad head %q", line, f[6])
		}
		words = append(words, conllWord{form: f[1], xpos: f[4], rel: f[7], head: h})
	}
	if err := sc.Err(); err != nil {
		return nil, 0, err
	}
	flush()
	return sents, skipped, nil
}

// align finds each word's offsets in the sentence text, re-tokenises the
// text and maps the tree onto the new tokens.
func align(txt string, words []conllWord, mwt [][3]int, surfaces []string) (Sentence, bool) {
	runes := []rune(txt)
	pos := 0
	skipSpace := func() {
		for pos < len(runes) && text.IsSpace(runes[pos]) {
			pos++
		}
	}
	match := func(s string) (int, int, bool) {
		skipSpace()
		n := utf8.RuneCountInString(s)
		if pos+n > len(runes) || string(runes[pos:pos+n]) != s {
			return 0, 0, false
		}
		a := pos
		pos += n
		return a, pos, true
	}
	k := 0 // next MWT
	for i := 0; i < len(words); {
		if k < len(mwt) && mwt[k][0] == i+1 {
			a, b, ok := match(surfaces[mwt[k][2]])
			if !ok {
				return Sentence{}, false
			}
			// Split the surface among its words when they spell it.
			joined := ""
			for j := mwt[k][0] - 1; j < mwt[k][1] && j < len(words); j++ {
				joined += words[j].form
			}
			off := a
			for j := mwt[k][0] - 1; j < mwt[k][1] && j < len(words); j++ {
				if strings.EqualFold(joined, string(runes[a:b])) {
					n := utf8.RuneCountInString(words[j].form)
					words[j].start, words[j].end = off, off+n
					off += n
				} else {
					words[j].start, words[j].end = a, b
				}
			}
			i = mwt[k][1]
			k++
			continue
		}
		a, b, ok := match(words[i].form)
		if !ok {
			return Sentence{}, false
		}
		words[i].start, words[i].end = a, b
		i++
	}
	toks := text.Tokenize(runes, 0, len(runes))
	owner := make([]int, len(words)) // token of each word
	for j := range owner {
		owner[j] = -1
	}
	for ti, t := range toks {
		for j, w := range words {
			if w.start < t.End && t.Start < w.end {
				if w.start < t.Start || w.end > t.End || owner[j] >= 0 {
					return Sentence{}, false // the tokenizer splits the word
				}
				owner[j] = ti
			}
		}
	}
	for _, o := range owner {
		if o < 0 {
			return Sentence{}, false
		}
	}
	s := Sentence{Words: make([]string, len(toks)), Tags: make([]string, len(toks)), Heads: make([]int, len(toks)), Labels: make([]string, len(toks))}
	rep := make([]int, len(toks)) // the word that speaks for each token
	for i := range rep {
		rep[i] = -1
	}
	for j, w := range words {
		o := owner[j]
		outside := w.head == 0 || owner[w.head-1] != o
		if rep[o] < 0 || outside && !(words[rep[o]].head == 0 || owner[words[rep[o]].head-1] != o) {
			rep[o] = j
		}
	}
	for i, t := range toks {
		w := words[rep[i]]
		s.Words[i] = t.Text
		s.Tags[i] = w.xpos
		s.Labels[i] = w.rel
		if w.head == 0 {
			s.Heads[i] = -1
		} else {
			s.Heads[i] = owner[w.head-1]
		}
		if s.Heads[i] == i {
			return Sentence{}, false
		}
	}
	return s, true
}

// CoarseTag maps a Penn Treebank tag to the tag set of the ambiguity
// classes: the verb forms, nouns, pronouns and function words that
// attribution cares about keep their tag; degrees of adjectives and
// adverbs, proper noun number, wh-words, brackets, quotes and symbols are
// merged.
func CoarseTag(t string) string {
	switch t {
	case "NNP", "NNPS":
		return "NNP"
	case "JJ", "JJR", "JJS":
		return "JJ"
	case "RB", "RBR", "RBS":
		return "RB"
	case "WDT", "WP", "WP$", "WRB":
		return "WH"
	case "DT", "PDT":
		return "DT"
	case "``", "''":
		return "QUOTE"
	case "-LRB-", "-RRB-":
		return "BR"
	case "$", "#", "SYM", "NFP", "HYPH", "AFX":
		return "SYM"
	case "NN", "NNS", "PRP", "PRP$", "VB", "VBD", "VBG", "VBN", "VBP", "VBZ", "MD", "RP", "IN", "TO", "CC", "CD", "POS", "EX", ",", ".", ":":
		return t
	}
	return "X"
}

// AmbiguityClasses returns, for each word (in attrib.Norm form) seen at
// least twice, the coarse tags it took in at least a tenth of its
// occurrences, joined by "|" ("support": "NN|VB").
func AmbiguityClasses(sents []Sentence) map[string]string {
	counts := map[string]map[string]int{}
	for _, s := range sents {
		for i, w := range s.Words {
			l := attrib.Norm(w)
			if counts[l] == nil {
				counts[l] = map[string]int{}
			}
			counts[l][CoarseTag(s.Tags[i])]++
		}
	}
	out := map[string]string{}
	for w, tags := range counts {
		total := 0
		for _, k := range tags {
			total += k
		}
		if total < 2 {
			continue
		}
		var keep []string
		for t, k := range tags {
			if k*10 >= total {
				keep = append(keep, t)
			}
		}
		slices.Sort(keep)
		out[w] = strings.Join(keep, "|")
	}
	return out
}

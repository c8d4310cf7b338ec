// Package prosener adapts prose v2's named-entity recogniser to dossier's
// offset-exact pipeline. It is the only package that imports prose.
//
// prose is kept for comparison (extract.ner: prose): on newswire it scores
// F1 0.47 and finds almost no organisations. Its tokenizer rewrites text
// ("O'Reilly" becomes "O") and it panics on some invalid input, so this
// adapter re-anchors every prose token in the original sentence by search,
// skips tokens it cannot find, and turns a panic into an error.
package prosener

import (
	"fmt"
	"strings"
	"sync"

	"github.com/jdkato/prose/v2"
)

// Entity is a name prose found, with code-point offsets relative to the
// start of the text given to Recognize.
type Entity struct {
	Text       string
	Start, End int
	// Label is prose's label: PERSON, GPE or ORG.
	Label string
}

var (
	once  sync.Once
	model *prose.Model
	err   error
)

// Model returns prose's default model, loaded once for the whole process
// (prose reloads it on every document otherwise: 0.3 s and 100 MB each).
func Model() (*prose.Model, error) {
	once.Do(func() {
		var d *prose.Document
		d, err = safeDoc("Model loading.", nil)
		if err == nil {
			model = d.Model
		}
	})
	return model, err
}

func safeDoc(s string, m *prose.Model) (d *prose.Document, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("prose panicked: %v", r)
		}
	}()
	opts := []prose.DocOpt{prose.WithSegmentation(false)}
	if m != nil {
		opts = append(opts, prose.UsingModel(m))
	}
	return prose.NewDocument(s, opts...)
}

// Recognize runs prose's tagger and entity chunker over one sentence and
// returns the entities it finds, anchored in sentence.
func Recognize(sentence string) ([]Entity, error) {
	m, err := Model()
	if err != nil {
		return nil, err
	}
	d, err := safeDoc(sentence, m)
	if err != nil {
		return nil, err
	}
	// Anchor each prose token in the sentence, in order.
	runes := []rune(sentence)
	type anchored struct {
		start, end int
		label      string
	}
	var toks []anchored
	pos := 0
	for _, t := range d.Tokens() {
		if t.Text == "" {
			continue
		}
		i := indexRunes(runes, []rune(t.Text), pos)
		if i < 0 {
			continue // prose rewrote this token; it cannot carry an offset
		}
		end := i + len([]rune(t.Text))
		toks = append(toks, anchored{i, end, t.Label})
		pos = end
	}
	var out []Entity
	for i := 0; i < len(toks); i++ {
		lab := toks[i].label
		if !strings.HasPrefix(lab, "B-") {
			continue
		}
		typ := lab[2:]
		j := i + 1
		for j < len(toks) && toks[j].label == "I-"+typ {
			j++
		}
		s, e := toks[i].start, toks[j-1].end
		out = append(out, Entity{Text: string(runes[s:e]), Start: s, End: e, Label: typ})
		i = j - 1
	}
	return out, nil
}

// indexRunes finds needle in hay at or after from; -1 if absent.
func indexRunes(hay, needle []rune, from int) int {
	if len(needle) == 0 {
		return -1
	}
outer:
	for i := from; i+len(needle) <= len(hay); i++ {
		for j, r := range needle {
			if hay[i+j] != r {
				continue outer
			}
		}
		return i
	}
	return -1
}

// Pipeline runs prose's own full pipeline (sentence segmentation,
// tokenisation, part-of-speech tagging and entity chunking) over text with
// the shared model and returns the number of tokens and entities. It is
// the baseline dossier's benchmarks compare against.
func Pipeline(text string) (tokens, entities int, err error) {
	m, err := Model()
	if err != nil {
		return 0, 0, err
	}
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("prose panicked: %v", r)
		}
	}()
	d, err := prose.NewDocument(text, prose.UsingModel(m))
	if err != nil {
		return 0, 0, err
	}
	return len(d.Tokens()), len(d.Entities()), nil
}

package extract

import (
	"context"
	"strings"

	"github.com/dossier-project/dossier/extract/ner"
	"github.com/dossier-project/dossier/extract/text"
	"github.com/dossier-project/dossier/schema"
)

func init() {
	recognizers["dossier"] = func() (Recognizer, error) {
		m, err := ner.Default()
		if err != nil {
			return nil, err
		}
		return &modelRecognizer{m: m}, nil
	}
}

// ModelRecognizer returns a recogniser that runs m as the "dossier"
// recogniser runs the embedded model: for a model being trained or
// compared (cmd/nertrain tags unlabelled news with it).
func ModelRecognizer(m *ner.Model) ContextRecognizer { return &modelRecognizer{m: m} }

// modelRecognizer runs the project's trained tagger (extract/ner) over the
// offset-exact tokens of each sentence, so every name it finds maps back to
// its exact span.
type modelRecognizer struct{ m *ner.Model }

func (r *modelRecognizer) Name() string { return "dossier" }

func (r *modelRecognizer) Recognize(runes []rune, sents []text.Sentence) ([]Found, error) {
	return r.RecognizeContext(context.Background(), runes, sents)
}

// RecognizeContext is Recognize that stops when ctx is cancelled.
func (r *modelRecognizer) RecognizeContext(ctx context.Context, runes []rune, sents []text.Sentence) ([]Found, error) {
	// The whole document is tagged at once, so that a name tagged in a
	// clear context keeps its type through the article.
	doc := make([][]string, len(sents))
	for si, s := range sents {
		words := make([]string, len(s.Tokens))
		for i, t := range s.Tokens {
			words[i] = t.Text
		}
		doc[si] = words
	}
	all, err := r.m.TagDocumentContext(ctx, doc)
	if err != nil {
		return nil, err
	}
	var out []Found
	for si, s := range sents {
		tags := all[si]
		for i := 0; i < len(tags); i++ {
			if !strings.HasPrefix(tags[i], "B-") {
				continue
			}
			typ := tags[i][2:]
			j := i + 1
			for j < len(tags) && tags[j] == "I-"+typ {
				j++
			}
			out = append(out, Found{
				Span:     schema.MakeSpan(runes, s.Tokens[i].Start, s.Tokens[j-1].End),
				Sentence: si,
				Type:     typeOfTag(typ),
			})
			i = j - 1
		}
	}
	return out, nil
}

// TagType maps a schema entity type to the tagger's (CoNLL's): PER, ORG,
// LOC, and MISC for the rest. It is how the pass's entities are scored
// against, and taught to, the tagger.
func TagType(t string) string {
	switch t {
	case schema.Person:
		return "PER"
	case schema.Organization:
		return "ORG"
	case schema.Place:
		return "LOC"
	}
	return "MISC"
}

// typeOfTag maps the tagger's types to schema types.
func typeOfTag(t string) string {
	switch t {
	case "PER":
		return schema.Person
	case "ORG":
		return schema.Organization
	case "LOC", "GPE":
		return schema.Place
	case "NORP", "NAT":
		return schema.Nationality
	}
	return schema.Misc
}

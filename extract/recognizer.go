package extract

import (
	"fmt"
	"sort"
	"strings"
	"sync"

	"github.com/dossier-project/dossier/extract/prosener"
	"github.com/dossier-project/dossier/extract/text"
	"github.com/dossier-project/dossier/schema"
)

var (
	recMu       sync.Mutex
	recognizers = map[string]func() (Recognizer, error){
		"prose": func() (Recognizer, error) {
			if _, err := prosener.Model(); err != nil {
				return nil, err
			}
			return proseRecognizer{}, nil
		},
	}
)

// NewRecognizer returns the recogniser registered under name: "dossier"
// (the project's trained model, the default) or "prose".
func NewRecognizer(name string) (Recognizer, error) {
	recMu.Lock()
	f, ok := recognizers[name]
	recMu.Unlock()
	if !ok {
		return nil, fmt.Errorf("unknown recogniser %q (known: %s)", name, strings.Join(RecognizerNames(), ", "))
	}
	return f()
}

// RecognizerNames lists the registered recognisers.
func RecognizerNames() []string {
	recMu.Lock()
	defer recMu.Unlock()
	var out []string
	for n := range recognizers {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// proseRecognizer runs prose v2 sentence by sentence.
type proseRecognizer struct{}

func (proseRecognizer) Name() string { return "prose" }

func (proseRecognizer) Recognize(runes []rune, sents []text.Sentence) ([]Found, error) {
	var out []Found
	for i, s := range sents {
		ents, err := prosener.Recognize(s.Text)
		if err != nil {
			return nil, fmt.Errorf("sentence at %d: %w", s.Start, err)
		}
		for _, e := range ents {
			typ := ""
			switch e.Label {
			case "PERSON":
				typ = schema.Person
			case "GPE":
				typ = schema.Place
			case "ORG":
				typ = schema.Organization
			default:
				typ = schema.Misc
			}
			out = append(out, Found{Span: schema.MakeSpan(runes, s.Start+e.Start, s.Start+e.End), Sentence: i, Type: typ})
		}
	}
	return out, nil
}

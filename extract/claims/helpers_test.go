package claims

import (
	"os"
	"sort"
	"strings"
	"testing"
	"unicode"

	"github.com/dossier-project/dossier/extract/text"
	"github.com/dossier-project/dossier/internal/gold"
	"github.com/dossier-project/dossier/schema"
)

// goldFile is the gold annotation of the model article, in the format
// package gold reads.
type goldFile = gold.Gold

func loadGold(t testing.TB) goldFile {
	t.Helper()
	f, err := os.Open("testdata/kaspersky-2017-10-24.json")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	g, err := gold.Read(f)
	if err != nil {
		t.Fatal(err)
	}
	return *g
}

// articleInput builds the input for the model article: the document with
// its headline and body as the reader marks them, the sentences of package
// text, and the gold entities with mentions found by exact, whole-word
// string search of their names and aliases (longest first, no overlaps).
func articleInput(t testing.TB) (Input, goldFile) {
	t.Helper()
	b, err := os.ReadFile("testdata/kaspersky-2017-10-24.txt")
	if err != nil {
		t.Fatal(err)
	}
	txt := string(b)
	runes := []rune(txt)
	find := func(s string) int {
		i := strings.Index(txt, s)
		if i < 0 {
			t.Fatalf("%q not in the article", s)
		}
		return len([]rune(txt[:i]))
	}
	title := "Cybersecurity firm Kaspersky says spying for Kremlin would kill our business"
	doc := &schema.Document{
		Text:     txt,
		Headline: schema.MakeSpan(runes, 0, len([]rune(title))),
		Body:     []schema.Span{schema.MakeSpan(runes, find("Kaspersky Lab's chief executive has told"), find("More about:"))},
	}
	g := loadGold(t)
	var names []nameOf
	var ents []schema.Entity
	for _, e := range g.Entities {
		id := schema.Key(e.Type, e.Name)
		ents = append(ents, schema.Entity{ID: id, Name: e.Name, Type: e.Type, Kind: e.Kind, Aliases: e.Aliases})
		for _, n := range append([]string{e.Name}, e.Aliases...) {
			names = append(names, nameOf{n, len(ents) - 1})
		}
	}
	sents := text.Split(doc, runes)
	addMentions(runes, sents, ents, names)
	return Input{Doc: doc, Runes: runes, Sentences: sents, Entities: ents}, g
}

type nameOf struct {
	name string
	ent  int
}

// addMentions adds to ents the whole-word occurrences of names inside the
// sentences, longest names first, without overlaps.
func addMentions(runes []rune, sents []text.Sentence, ents []schema.Entity, names []nameOf) {
	sort.SliceStable(names, func(i, j int) bool { return len([]rune(names[i].name)) > len([]rune(names[j].name)) })
	taken := make([]bool, len(runes))
	isW := func(i int) bool {
		return i >= 0 && i < len(runes) && (unicode.IsLetter(runes[i]) || unicode.IsDigit(runes[i]))
	}
	for _, n := range names {
		nr := []rune(n.name)
		for si, s := range sents {
			for i := s.Start; i+len(nr) <= s.End; i++ {
				if string(runes[i:i+len(nr)]) != n.name || isW(i-1) || isW(i+len(nr)) {
					continue
				}
				free := true
				for k := i; k < i+len(nr); k++ {
					free = free && !taken[k]
				}
				if !free {
					continue
				}
				for k := i; k < i+len(nr); k++ {
					taken[k] = true
				}
				ents[n.ent].Mentions = append(ents[n.ent].Mentions, schema.Mention{Span: schema.MakeSpan(runes, i, i+len(nr)), Sentence: si})
			}
		}
	}
	for i := range ents {
		sort.Slice(ents[i].Mentions, func(a, b int) bool { return ents[i].Mentions[a].Start < ents[i].Mentions[b].Start })
	}
}

// sentenceInput builds the input for one sentence with the given entities
// (name, type, kind triples, found by string search).
func sentenceInput(s string, ents ...[3]string) Input {
	runes := []rune(s)
	doc := &schema.Document{Text: s}
	sents := text.Split(doc, runes)
	var es []schema.Entity
	var names []nameOf
	for _, e := range ents {
		es = append(es, schema.Entity{ID: schema.Key(e[1], e[0]), Name: e[0], Type: e[1], Kind: e[2]})
		names = append(names, nameOf{e[0], len(es) - 1})
	}
	addMentions(runes, sents, es, names)
	return Input{Doc: doc, Runes: runes, Sentences: sents, Entities: es}
}

// checkOutput verifies that every span of the output is exact and every
// reference resolves, through schema.Result.Check.
func checkOutput(t testing.TB, in Input, out Output) {
	t.Helper()
	r := schema.Result{Document: *in.Doc, Entities: in.Entities, Claims: out.Claims, Relations: out.Relations}
	if err := r.Check(); err != nil {
		t.Errorf("output invalid: %v", err)
	}
	for _, m := range out.Mentions {
		if !m.Valid(in.Runes) {
			t.Errorf("extra mention %+v invalid", m)
		}
	}
}

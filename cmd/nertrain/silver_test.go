package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dossier-project/dossier/extract/ner"
	"github.com/google/go-cmp/cmp"
)

func tagged(s ner.Sentence) string {
	var b []string
	for i, t := range s.Tokens {
		if s.Tags[i] != "O" {
			t += "/" + s.Tags[i]
		}
		b = append(b, t)
	}
	return strings.Join(b, " ")
}

func TestDropMarkup(t *testing.T) {
	cases := []struct{ in, tags, want string }{
		{"FORD < F > NEARS GM < GM > DEAL", "B-ORG O B-ORG O O B-ORG O B-ORG O O",
			"FORD/B-ORG NEARS GM/B-ORG DEAL"},
		{"stake in < Bell Resources Ltd > .", "O O O B-ORG I-ORG I-ORG O O",
			"stake in Bell/B-ORG Resources/I-ORG Ltd/I-ORG ."},
		{"shares [ BTOM.MI ] rose", "O O B-ORG O O", "shares rose"},
		{"a < b", "O O O", "a < b"},
	}
	for _, c := range cases {
		toks, tags := dropMarkup(strings.Fields(c.in), strings.Fields(c.tags))
		if got := tagged(ner.Sentence{Tokens: toks, Tags: tags}); got != c.want {
			t.Errorf("dropMarkup(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestFixCountries(t *testing.T) {
	g := ner.NewGazetteer()
	for _, n := range []string{"Sri Lanka", "Czech Republic", "United States", "Israel"} {
		g.Add(ner.CatCountry, n, n)
	}
	in := []ner.Sentence{
		{Tokens: strings.Fields("Sri Lanka beat Israel in the Czech Republic"), Tags: strings.Fields("O B-LOC O B-ORG O O B-MISC B-LOC")},
		{Tokens: strings.Fields("the United States Congress met"), Tags: strings.Fields("O B-ORG I-ORG I-ORG O")},
		{Tokens: strings.Fields("United States"), Tags: strings.Fields("B-LOC I-LOC")},
	}
	n := fixCountries(in, g, 5)
	want := []string{
		"Sri/B-LOC Lanka/I-LOC beat Israel/B-LOC in the Czech/B-LOC Republic/I-LOC",
		"the United/B-ORG States/I-ORG Congress/I-ORG met", // inside a longer name
		"United/B-LOC States/I-LOC",                        // already right: not counted
	}
	var got []string
	for _, s := range in {
		got = append(got, tagged(s))
	}
	if diff := cmp.Diff(want, got); diff != "" || n != 3 {
		t.Errorf("fixCountries changed %d (want 3):\n%s", n, diff)
	}
}

// TestSilverSentences tags a story with the embedded model inside the
// extraction pass: the company Reuters brackets is an organisation, the
// brackets and the ticker are gone from the silver text, and evaluation
// stories are left out.
func TestSilverSentences(t *testing.T) {
	m, err := ner.Default()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	news := filepath.Join(t.TempDir(), "news.jsonl")
	os.WriteFile(news, []byte(`{"id": "r/1", "dateline": "SYDNEY, March 3 -", "text": "BELL <BLL> SELLS STAKE\n\nBell Group Ltd <BLL> said it sold its stake in\n<Zqxwv Mining Co> to a unit of the company.\n Reuter"}
{"id": "r/2", "dateline": "LONDON, March 3 -", "text": "Held out.\n Reuter"}
`), 0o644)
	os.WriteFile(filepath.Join(dir, "dev.jsonl"), []byte(`{"id": "r/2", "entities": []}`+"\n"), 0o644)
	ex, err := evalIDs(dir)
	if err != nil || !ex["r/2"] {
		t.Fatalf("evalIDs = %v, %v", ex, err)
	}
	stories, err := readStories(news, ex)
	if err != nil || len(stories) != 1 {
		t.Fatalf("readStories: %d stories, %v", len(stories), err)
	}
	if got := storyText(stories[0]); !strings.HasPrefix(got, "SYDNEY, March 3 -\nBELL <BLL>") || strings.Contains(got, "Reuter") {
		t.Errorf("storyText = %q", got)
	}
	ss, err := silverSentences(m, stories, silverOptions{noCaps: true})
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, s := range ss {
		lines = append(lines, tagged(s))
		if strings.ContainsAny(strings.Join(s.Tokens, ""), "<>") {
			t.Errorf("markup left in %q", s.Tokens)
		}
	}
	all := strings.Join(lines, "\n")
	if !strings.Contains(all, "Zqxwv/B-ORG Mining/I-ORG Co/I-ORG") {
		t.Errorf("bracketed company not tagged ORG:\n%s", all)
	}
	if _, err := readStories(filepath.Join(dir, "missing.jsonl"), nil); err == nil {
		t.Error("missing file: no error")
	}
}

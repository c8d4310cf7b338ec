package ner

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"
)

// Sentences of the model article (corpus/kaspersky-2017-10-24.txt),
// tokenised by hand.
var articleSentences = []string{
	"Kaspersky Lab 's chief executive has told that allowing the company 's software to be used by the Kremlin to conduct espionage \" would simply kill our business \" , reports citing Sky News .",
	"In his first interview since media reports claimed his company 's anti-virus software was used by Russian intelligence to steal cyberweapons from America , Eugene Kaspersky said the claims confused him .",
	"Mr Kaspersky denies his business helped the Russian Federal Security Service ( FSB ) steal sophisticated malware developed by the US National Security Agency ( NSA ) .",
	"The claims in the US have not been shared by the cybersecurity agencies in the UK and Germany .",
	"In October , Germany 's Federal Office for Information Security ( BSI ) told Reuters that it had no evidence to support the US media reports .",
}

// entityTypes returns, for every entity span, its text and type.
func entityTypes(tokens, tags []string) map[string]string {
	out := map[string]string{}
	for _, sp := range Spans(tags) {
		out[strings.Join(tokens[sp.Start:sp.End], " ")] = sp.Type
	}
	return out
}

// covered reports whether the token sequence name occurs in tokens with
// every token inside one entity of type typ.
func covered(tokens, tags []string, name, typ string) bool {
	nt := strings.Fields(name)
	for i := 0; i+len(nt) <= len(tokens); i++ {
		if !slices.Equal(tokens[i:i+len(nt)], nt) {
			continue
		}
		for _, sp := range Spans(tags) {
			if sp.Type == typ && sp.Start <= i && i+len(nt) <= sp.End {
				return true
			}
		}
	}
	return false
}

func TestDefaultModelArticle(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	want := []struct{ name, typ string }{
		{"Eugene Kaspersky", "PER"},
		{"Kaspersky Lab", "ORG"},
		{"Federal Security Service", "ORG"},
		{"National Security Agency", "ORG"},
		{"Sky News", "ORG"},
		{"Reuters", "ORG"},
		{"Germany", "LOC"},
		{"FSB", "ORG"},
		{"NSA", "ORG"},
		{"BSI", "ORG"},
		{"Kremlin", "ORG"},
	}
	var toks, tags []string
	for _, s := range articleSentences {
		tk := strings.Fields(s)
		tg := m.Tag(tk)
		t.Logf("%v", entityTypes(tk, tg))
		toks = append(append(toks, tk...), "<sep>")
		tags = append(append(tags, tg...), "O")
	}
	for _, w := range want {
		if !covered(toks, tags, w.name, w.typ) {
			t.Errorf("%q not tagged %s", w.name, w.typ)
		}
	}
	// Exact spans where the article leaves no doubt.
	got := map[string]string{}
	for _, s := range articleSentences {
		tk := strings.Fields(s)
		for k, v := range entityTypes(tk, m.Tag(tk)) {
			got[k] = v
		}
	}
	for _, name := range []string{"Eugene Kaspersky", "Kaspersky Lab", "Sky News", "Reuters", "Germany"} {
		if got[name] == "" {
			t.Errorf("no entity spanning exactly %q; got %v", name, got)
		}
	}
}

func TestTagEdgeCases(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if got := m.Tag(nil); got == nil || len(got) != 0 {
		t.Errorf("Tag(nil) = %#v, want empty non-nil", got)
	}
	for _, toks := range [][]string{{""}, {"\xff\xfe"}, {"A"}, {strings.Repeat("x", 10000)}, {".", ".", "."}} {
		if got := m.Tag(toks); len(got) != len(toks) || !validIOB2(got) {
			t.Errorf("Tag(%q) = %v", toks, got)
		}
	}
}

func validIOB2(tags []string) bool {
	prev := "O"
	for _, t := range tags {
		switch {
		case t == "O":
		case strings.HasPrefix(t, "B-") && len(t) > 2:
		case strings.HasPrefix(t, "I-") && len(t) > 2:
			if prev == "O" || prev[2:] != t[2:] {
				return false
			}
		default:
			return false
		}
		prev = t
	}
	return true
}

func TestSaveLoadRoundTrip(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := m.Save(&buf); err != nil {
		t.Fatal(err)
	}
	m2, err := Load(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if m2.NumFeatures() != m.NumFeatures() {
		t.Errorf("features: %d after load, %d before", m2.NumFeatures(), m.NumFeatures())
	}
	for _, s := range append(articleSentences, "SOCCER - JAPAN GET LUCKY WIN , CHINA IN SURPRISE DEFEAT .") {
		tk := strings.Fields(s)
		if a, b := m.Tag(tk), m2.Tag(tk); !slices.Equal(a, b) {
			t.Errorf("tags differ after Save/Load:\n%v\n%v", a, b)
		}
	}
}

func TestLoadRejectsGarbage(t *testing.T) {
	var good bytes.Buffer
	m := Train([]Sentence{{Tokens: []string{"Acme", "won"}, Tags: []string{"B-ORG", "O"}}}, nil, TrainOptions{MinCount: 1})
	if err := m.Save(&good); err != nil {
		t.Fatal(err)
	}
	inputs := map[string][]byte{
		"empty":      nil,
		"text":       []byte("hello world"),
		"truncated":  good.Bytes()[:good.Len()/2],
		"bad magic":  gzipped([]byte("dossier-ner 9\n")),
		"huge count": gzipped(append([]byte(modelMagic), 0xff, 0xff, 0xff, 0xff, 0x0f)),
	}
	if _, err := Load(bytes.NewReader(good.Bytes())); err != nil {
		t.Fatalf("Load of a saved model: %v", err)
	}
	for name, in := range inputs {
		if _, err := Load(bytes.NewReader(in)); err == nil {
			t.Errorf("%s: Load succeeded, want error", name)
		}
	}
}

func gzipped(b []byte) []byte {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write(b)
	zw.Close()
	return buf.Bytes()
}

// TestTrainLearns trains on a tiny corpus and checks the model tags an
// unseen sentence with the same pattern.
func TestTrainLearns(t *testing.T) {
	g := NewGazetteer()
	g.Add(CatCity, "Paris", "France")
	var sents []Sentence
	names := []string{"Alice", "Bob", "Carol", "Dave", "Erin", "Frank"}
	cities := []string{"Paris", "Rome", "Oslo", "Lima", "Bern", "Kiev"}
	for i := range names {
		for j := range cities {
			sents = append(sents, Sentence{
				Tokens: []string{names[i], "Smith", "flew", "to", cities[j], "with", "Acme", "Corp", "."},
				Tags:   []string{"B-PER", "I-PER", "O", "O", "B-LOC", "O", "B-ORG-company", "I-ORG-company", "O"},
			})
		}
	}
	m := Train(sents, g, TrainOptions{Epochs: 3, Seed: 7, MinCount: 1, UpperFraction: 0.2})
	toks := []string{"Grace", "Smith", "flew", "to", "Paris", "with", "Acme", "Corp", "."}
	got := m.Tag(toks)
	want := []string{"B-PER", "I-PER", "O", "O", "B-LOC", "O", "B-ORG", "I-ORG", "O"}
	if !slices.Equal(got, want) {
		t.Errorf("Tag = %v, want %v", got, want)
	}
	// Same seed, same model.
	m2 := Train(sents, g, TrainOptions{Epochs: 3, Seed: 7, MinCount: 1, UpperFraction: 0.2})
	var a, b bytes.Buffer
	if err := m.Save(&a); err != nil {
		t.Fatal(err)
	}
	if err := m2.Save(&b); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two trainings with the same seed gave different models")
	}
}

func FuzzTag(f *testing.F) {
	m, err := Default()
	if err != nil {
		f.Fatal(err)
	}
	f.Add("Eugene Kaspersky told Sky News in Moscow .")
	f.Add("I-PER B- \x00 \xff ( ) ''")
	f.Add("")
	f.Fuzz(func(t *testing.T, s string) {
		toks := strings.Split(s, " ")
		if len(toks) > 0 && !utf8.ValidString(s) {
			toks = append(toks, "\xc3")
		}
		tags := m.Tag(toks)
		if len(tags) != len(toks) {
			t.Fatalf("%d tags for %d tokens", len(tags), len(toks))
		}
		if !validIOB2(tags) {
			t.Fatalf("invalid IOB2: %v", tags)
		}
	})
}

func BenchmarkTag(b *testing.B) {
	m, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	var sents [][]string
	n := 0
	for _, s := range articleSentences {
		tk := strings.Fields(s)
		sents = append(sents, tk)
		n += len(tk)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, s := range sents {
			m.Tag(s)
		}
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

func TestNormToken(t *testing.T) {
	for in, want := range map[string]string{
		"Lab's": "Lab", "Lab’s": "Lab", "it's": "it's", "'s": "'s", "“": "\"", "—": "-", "Kaspersky": "Kaspersky", "\xff": "\xff",
	} {
		if got := normToken(in); got != want {
			t.Errorf("normToken(%q) = %q, want %q", in, got, want)
		}
	}
}

// Tokenisers that keep the possessive attached or keep typographic quotes
// get the same entities.
func TestTagAttachedPossessive(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	toks := strings.Fields("Kaspersky Lab’s chief executive said the FSB had not compromised Kaspersky Lab's network .")
	tags := m.Tag(toks)
	got := entityTypes(toks, tags)
	for _, name := range []string{"Kaspersky Lab’s", "Kaspersky Lab's", "FSB"} {
		if got[name] != "ORG" {
			t.Errorf("%q not tagged ORG; entities %v", name, got)
		}
	}
}

func TestWithOBias(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	toks := strings.Fields(articleSentences[3]) // no titles, which Tag strips
	for _, tag := range m.WithOBias(1e6).Tag(toks) {
		if tag != "O" {
			t.Fatalf("with a huge O bias every tag must be O, got %q", tag)
		}
	}
	all := m.WithOBias(-1e6).Tag(toks)
	if !validIOB2(all) {
		t.Fatalf("invalid IOB2 %v", all)
	}
	for _, tag := range all {
		if tag == "O" {
			t.Fatalf("with a huge negative O bias no tag may be O: %v", all)
		}
	}
	var buf bytes.Buffer
	if err := m.WithOBias(-1.5).Save(&buf); err != nil {
		t.Fatal(err)
	}
	m2, err := Load(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if m2.OBias() != -1.5 {
		t.Errorf("OBias after Save/Load = %v, want -1.5", m2.OBias())
	}
}

// Tag is safe for concurrent use: goroutines tagging at once get the same
// tags as one tagging alone.
func TestTagConcurrent(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	want := make([][]string, len(articleSentences))
	for i, s := range articleSentences {
		want[i] = m.Tag(strings.Fields(s))
	}
	errs := make(chan string, 8*len(articleSentences))
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for r := 0; r < 20; r++ {
				for i, s := range articleSentences {
					if got := m.Tag(strings.Fields(s)); !slices.Equal(got, want[i]) {
						errs <- fmt.Sprintf("sentence %d: %v, want %v", i, got, want[i])
						return
					}
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

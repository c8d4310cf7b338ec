package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dossier-project/dossier/extract/ner"
)

func TestCompanyName(t *testing.T) {
	for in, want := range map[string]string{
		"MICROSOFT CORP":       "MICROSOFT",
		"Apple Inc.":           "Apple",
		"ALPHABET INC /DE/":    "ALPHABET",
		"Berkshire Hathaway":   "Berkshire Hathaway",
		"Marks, Spencer & Co.": "Marks , Spencer",
		"Corp":                 "Corp",
	} {
		if got := companyName(in); got != want {
			t.Errorf("companyName(%q) = %q, want %q", in, got, want)
		}
	}
}

func validIOB2(tags []string) bool {
	prev := "O"
	for _, t := range tags {
		if strings.HasPrefix(t, "I-") && (prev == "O" || prev[2:] != t[2:]) {
			return false
		}
		if t != "O" && !strings.HasPrefix(t, "B-") && !strings.HasPrefix(t, "I-") {
			return false
		}
		prev = t
	}
	return true
}

func TestSportsSentences(t *testing.T) {
	l := &sportsLists{
		clubs:     [][]string{{"Leeds"}, {"Real", "Madrid"}, {"FC", "Porto"}},
		countries: [][]string{{"Japan"}, {"South", "Africa"}},
		cities:    [][]string{{"London"}, {"Leeds"}},
		first:     []string{"Pete", "Ernie"},
		last:      []string{"Sampras", "Els", "Waugh"},
	}
	a := sportsSentences(l, 300, 1)
	b := sportsSentences(l, 300, 1)
	if len(a) != 300 {
		t.Fatalf("%d sentences, want 300", len(a))
	}
	types := map[string]bool{}
	for i, s := range a {
		if len(s.Tokens) == 0 || len(s.Tokens) != len(s.Tags) || !validIOB2(s.Tags) {
			t.Fatalf("sentence %d: %v %v", i, s.Tokens, s.Tags)
		}
		if strings.Join(s.Tokens, " ") != strings.Join(b[i].Tokens, " ") || strings.Join(s.Tags, " ") != strings.Join(b[i].Tags, " ") {
			t.Fatalf("sentence %d differs between runs with the same seed", i)
		}
		for _, sp := range ner.Spans(s.Tags) {
			types[sp.Type] = true
			name := strings.ToLower(strings.Join(s.Tokens[sp.Start:sp.End], " "))
			if sp.Type == "LOC" && name == "real madrid" {
				t.Errorf("club tagged LOC in %v", s.Tokens)
			}
		}
	}
	for _, typ := range []string{"PER", "ORG", "LOC", "MISC"} {
		if !types[typ] {
			t.Errorf("no %s entity generated", typ)
		}
	}
}

func TestWordClusters(t *testing.T) {
	var text [][]string
	for i := 0; i < 20; i++ {
		text = append(text,
			strings.Fields("we met on Monday morning"),
			strings.Fields("we met on Tuesday morning"),
			strings.Fields("the cat sat down"),
			strings.Fields("the dog sat down"))
	}
	c := wordClusters(text, 6, 3, 10, 1)
	if c["monday"] != c["tuesday"] || c["cat"] != c["dog"] {
		t.Errorf("words in the same contexts split: %v", c)
	}
	if c["monday"] == c["cat"] {
		t.Errorf("words in different contexts merged: %v", c)
	}
	if _, ok := c["Monday"]; ok {
		t.Error("clusters must be keyed by lower-cased words")
	}
}

// writeCorpus writes sentences "<name> <i>" as CoNLL, one document per
// docSize sentences (0: no -DOCSTART-).
func writeCorpus(t *testing.T, path, name string, n, docSize int) {
	t.Helper()
	var b strings.Builder
	for i := 0; i < n; i++ {
		if docSize > 0 && i%docSize == 0 {
			b.WriteString("-DOCSTART-\tO\n\n")
		}
		fmt.Fprintf(&b, "%s\tB-ORG\ns%d\tO\n\n", name, i)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestSplitsDisjoint checks on a made-up data folder that no dev or test
// sentence is trained on, and that the documented shares hold.
func TestSplitsDisjoint(t *testing.T) {
	dir := t.TempDir()
	writeCorpus(t, filepath.Join(dir, "wikigold", "wikigold.conll"), "wg", 146*2, 2)
	writeCorpus(t, filepath.Join(dir, "re3d", "re3d-open.conll"), "re", 88, 1)
	writeCorpus(t, filepath.Join(dir, "gmb", "gmb.conll"), "gmb", 1000, 0)
	for _, d := range []string{"ai", "literature", "music", "politics", "science"} {
		for _, part := range []string{"train", "dev", "test"} {
			writeCorpus(t, filepath.Join(dir, "crossner", d+"-"+part+".conll"), "cn-"+d+"-"+part, 5, 0)
		}
	}
	writeCorpus(t, filepath.Join(dir, "btc", "btc.conll"), "btc", 5, 0)
	for _, part := range []string{"train", "dev", "test"} {
		writeCorpus(t, filepath.Join(dir, "wnut17", part+".conll"), "wnut-"+part, 5, 0)
	}
	for _, part := range []string{"dev", "test"} {
		writeCorpus(t, filepath.Join(dir, "uner-en-ewt", part+".conll"), "uner-"+part, 5, 0)
	}
	train, weights, dev, test, unlabelled, err := loadSplits(dir, 0.5, 1)
	if err != nil {
		t.Fatal(err)
	}
	if len(weights) != len(train) {
		t.Fatalf("%d weights for %d sentences", len(weights), len(train))
	}
	key := func(s ner.Sentence) string { return strings.Join(s.Tokens, " ") }
	trained := map[string]bool{}
	for _, s := range train {
		trained[key(s)] = true
	}
	for _, u := range unlabelled {
		trained[strings.Join(u, " ")] = true
	}
	held := 0
	for _, sp := range append(dev, test...) {
		for _, s := range sp.sents {
			held++
			if trained[key(s)] {
				t.Errorf("%s: %q is also trained on", sp.name, key(s))
			}
		}
	}
	count := func(prefix string, ss []ner.Sentence) int {
		n := 0
		for _, s := range ss {
			if strings.HasPrefix(key(s), prefix+" ") {
				n++
			}
		}
		return n
	}
	var testAll []ner.Sentence
	for _, sp := range test {
		testAll = append(testAll, sp.sents...)
	}
	for _, c := range []struct {
		prefix string
		want   int
	}{
		{"wg", 29 * 2}, {"re", 17}, {"gmb", 50}, {"cn-ai-test", 5}, {"wnut-test", 5}, {"uner-test", 5},
	} {
		if got := count(c.prefix, testAll); got != c.want {
			t.Errorf("test sentences of %s: %d, want %d", c.prefix, got, c.want)
		}
	}
	if got := count("gmb", train); got != 450 {
		t.Errorf("GMB training sentences: %d, want every 2nd of the first 900 = 450", got)
	}
	if count("cn-ai-dev", train) != 5 || count("wnut-dev", train) != 5 || count("btc", train) != 5 {
		t.Error("CrossNER dev, WNUT17 dev and BTC must be trained on")
	}
}

func TestRunMissingData(t *testing.T) {
	var out, errb strings.Builder
	err := run([]string{"-data", filepath.Join(t.TempDir(), "none"), "-out", filepath.Join(t.TempDir(), "m.bin")}, &out, &errb)
	if err == nil {
		t.Fatal("run with a missing data folder succeeded")
	}
}

// TestWordClustersUsesAllClusters guards against the start that picked
// words without a frequent neighbour (zero vectors) as centres and left
// most clusters empty: with 8 groups of words in distinct contexts and
// words that have no frequent neighbour, and more clusters than distinct
// context vectors, each group gets a cluster of its own and the
// context-less words are left out.
func TestWordClustersUsesAllClusters(t *testing.T) {
	var text [][]string
	for g := 0; g < 8; g++ {
		for w := 0; w < 5; w++ {
			for r := 0; r < 30; r++ {
				text = append(text, []string{fmt.Sprintf("left%d", g), fmt.Sprintf("w%d_%d", g, w), fmt.Sprintf("right%d", g)})
			}
		}
	}
	// Words seen 40 times (more often than the group words, so they come
	// first in frequency order), each time between two words seen once:
	// they have no context vector.
	var filler [][]string
	for i := 0; i < 20; i++ {
		for r := 0; r < 40; r++ {
			filler = append(filler, []string{"x", fmt.Sprintf("p%d_%d", i, r), fmt.Sprintf("b%d", i), fmt.Sprintf("q%d_%d", i, r), "x"})
		}
	}
	c := wordClusters(append(text, filler...), 30, 3, 10, 1)
	used := map[uint16]bool{}
	for g := 0; g < 8; g++ {
		first := c[fmt.Sprintf("w%d_0", g)]
		for w := 1; w < 5; w++ {
			if got := c[fmt.Sprintf("w%d_%d", g, w)]; got != first {
				t.Errorf("group %d split: w%d_%d in %d, w%d_0 in %d", g, g, w, got, g, first)
			}
		}
		used[first] = true
	}
	if len(used) != 8 {
		t.Errorf("8 groups in %d clusters, want 8 distinct ones", len(used))
	}
	if _, ok := c["b19"]; ok {
		t.Error("a word without frequent neighbours got a cluster")
	}
}

func TestParseNews(t *testing.T) {
	in := `{"id": "r/1", "title": "BP <BP> TO FORM UNIT", "text": "BP <BP> TO FORM UNIT\n\nBP North America is a subsidiary of British Petroleum Co\nPlc <BP>, which also owns a stake in\n<Fiat Aviazione>.\n    The unit will trade bonds.\n\n Reuter"}
{"id": "r/2", "text": "SHR 1.20 DLRS VS 1.10 DLRS\n Reuter"}

`
	got, err := parseNews(strings.NewReader(in), nil)
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, s := range got {
		lines = append(lines, strings.Join(s, " "))
	}
	want := []string{
		"BP North America is a subsidiary of British Petroleum Co Plc , which also owns a stake in Fiat Aviazione .",
		"The unit will trade bonds .",
	}
	if strings.Join(lines, "\n") != strings.Join(want, "\n") {
		t.Errorf("parseNews:\n%s\nwant\n%s", strings.Join(lines, "\n"), strings.Join(want, "\n"))
	}
	if got, err := parseNews(strings.NewReader(in), map[string]bool{"r/1": true}); err != nil || len(got) != 0 {
		t.Errorf("parseNews with r/1 excluded: %d sentences, %v; want none", len(got), err)
	}
	if _, err := parseNews(strings.NewReader("{\"text\": 3}\n"), nil); err == nil {
		t.Error("bad JSON: no error")
	}
	if _, err := readNews(filepath.Join(t.TempDir(), "missing.jsonl"), nil); err == nil {
		t.Error("missing file: no error")
	}
}

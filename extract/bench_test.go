package extract

import (
	"bufio"
	"context"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/dossier-project/dossier/extract/prosener"
	"github.com/dossier-project/dossier/extract/text"
	"github.com/dossier-project/dossier/schema"
)

// benchCorpus is the text the extraction benchmarks run on: the first 200
// Reuters-21578 stories when ../shared is present, else the example article
// repeated. It reports which in the benchmark name's log.
func benchCorpus(b *testing.B) ([]string, string) {
	b.Helper()
	if f, err := os.Open("../../shared/data/news/reuters21578.jsonl"); err == nil {
		defer f.Close()
		var out []string
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 1<<20), 1<<22)
		for sc.Scan() && len(out) < 200 {
			var rec struct{ Text string }
			if json.Unmarshal(sc.Bytes(), &rec) == nil && rec.Text != "" {
				out = append(out, rec.Text)
			}
		}
		return out, "reuters21578[:200]"
	}
	raw, err := os.ReadFile("../examples/kaspersky-2017-10-24.txt")
	if err != nil {
		b.Fatal(err)
	}
	out := make([]string, 20)
	for i := range out {
		out[i] = string(raw)
	}
	return out, "example article x20"
}

// tokensIn counts the corpus's tokens with dossier's tokenizer, so every
// benchmark reports tokens/s on the same count.
func tokensIn(texts []string) int {
	n := 0
	for _, t := range texts {
		r := []rune(t)
		n += len(text.Tokenize(r, 0, len(r)))
	}
	return n
}

func benchExtract(b *testing.B, opt Options) {
	texts, name := benchCorpus(b)
	x, err := New(opt)
	if err != nil {
		b.Fatal(err)
	}
	docs := make([]*schema.Document, len(texts))
	for i, t := range texts {
		docs[i] = doc(t)
	}
	ntok := tokensIn(texts)
	b.Logf("corpus: %s, %d tokens", name, ntok)
	// Load what loads lazily (gazetteers) before timing.
	if _, err := x.Extract(context.Background(), docs[0]); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, d := range docs {
			if _, err := x.Extract(context.Background(), d); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(ntok)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

// BenchmarkExtract is dossier's whole pass with the default recogniser.
func BenchmarkExtract(b *testing.B) { benchExtract(b, Options{}) }

// BenchmarkExtractRules is the pass with claims from the rules alone,
// without the trained attribution model: the difference to
// BenchmarkExtract is what the model costs.
func BenchmarkExtractRules(b *testing.B) { benchExtract(b, Options{NoModel: true}) }

// BenchmarkExtractNoClaims is the same pass without claims and relations:
// the difference is what claim extraction costs.
func BenchmarkExtractNoClaims(b *testing.B) { benchExtract(b, Options{NoClaims: true}) }

// BenchmarkExtractProseNER is dossier's pass with prose's recogniser.
func BenchmarkExtractProseNER(b *testing.B) {
	r, err := NewRecognizer("prose")
	if err != nil {
		b.Fatal(err)
	}
	benchExtract(b, Options{NER: r})
}

// BenchmarkProsePipeline is the baseline: prose's own pipeline over the
// same texts with its model loaded once.
func BenchmarkProsePipeline(b *testing.B) {
	texts, name := benchCorpus(b)
	ntok := tokensIn(texts)
	b.Logf("corpus: %s, %d tokens", name, ntok)
	if _, _, err := prosener.Pipeline("Warm up."); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, t := range texts {
			if _, _, err := prosener.Pipeline(strings.ToValidUTF8(t, "\uFFFD")); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(ntok)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

// BenchmarkResolve is entity resolution alone (Resolve: cleaning, acronyms,
// demonyms, parties, sports context, grouping, kinds) over the corpus, the
// recogniser's names found once before timing: the per-document share of
// resolving a corpus. It reports documents/s besides tokens/s.
func BenchmarkResolve(b *testing.B) {
	texts, name := benchCorpus(b)
	rec, err := NewRecognizer("dossier")
	if err != nil {
		b.Fatal(err)
	}
	type input struct {
		runes []rune
		sents []text.Sentence
		found []Found
	}
	in := make([]input, len(texts))
	for i, t := range texts {
		d := doc(t)
		runes := []rune(d.Text)
		sents := text.Split(d, runes)
		found, err := rec.Recognize(runes, sents)
		if err != nil {
			b.Fatal(err)
		}
		in[i] = input{runes, sents, applyMarkup(runes, sents, applyDateline(runes, sents, found))}
	}
	ntok := tokensIn(texts)
	b.Logf("corpus: %s, %d tokens", name, ntok)
	Resolve(in[0].runes, in[0].sents, in[0].found) // lazy gazetteer loads
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, x := range in {
			Resolve(x.runes, x.sents, x.found)
		}
	}
	b.ReportMetric(float64(ntok)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
	b.ReportMetric(float64(len(in))*float64(b.N)/b.Elapsed().Seconds(), "docs/s")
}

package attrib

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"testing"

	"github.com/dossier-project/dossier/extract/text"
)

// BenchmarkFind is the model alone (Find) over the first 200 stories of
// Reuters-21578 when ../shared is present, else the example article 20
// times, with sentences split beforehand.
func BenchmarkFind(b *testing.B) {
	var texts []string
	if f, err := os.Open("../../../shared/data/news/reuters21578.jsonl"); err == nil {
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 1<<20), 1<<22)
		for sc.Scan() && len(texts) < 200 {
			var rec struct{ Text string }
			if json.Unmarshal(sc.Bytes(), &rec) == nil && rec.Text != "" {
				texts = append(texts, rec.Text)
			}
		}
		f.Close()
	} else {
		raw, err := os.ReadFile("../../examples/kaspersky-2017-10-24.txt")
		if err != nil {
			b.Fatal(err)
		}
		for i := 0; i < 20; i++ {
			texts = append(texts, string(raw))
		}
	}
	m, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	type doc struct {
		runes []rune
		sents []text.Sentence
	}
	var docs []doc
	ntok := 0
	for _, t := range texts {
		r, s := docSentences(t)
		docs = append(docs, doc{r, s})
		for _, x := range s {
			ntok += len(x.Tokens)
		}
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, d := range docs {
			m.Find(d.runes, d.sents)
		}
	}
	b.ReportMetric(float64(ntok)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

// BenchmarkLoad is reading the embedded model (model.bin): what the first
// extraction with the model pays once.
func BenchmarkLoad(b *testing.B) {
	for i := 0; i < b.N; i++ {
		if _, err := Load(bytes.NewReader(embedded)); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(embedded)), "file-bytes")
}

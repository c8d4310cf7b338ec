package claims

import (
	"testing"

	"github.com/dossier-project/dossier/extract/text"
)

// BenchmarkExtract measures Extract on the model article, with sentences
// and entities prepared once; it reports tokens per second.
func BenchmarkExtract(b *testing.B) {
	in, _ := articleInput(b)
	tokens := 0
	for _, s := range in.Sentences {
		tokens += len(s.Tokens)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		Extract(in)
	}
	b.ReportMetric(float64(tokens)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

// BenchmarkSplit measures text.Split on the same article, as a yardstick
// for the cost of Extract relative to the rest of the pipeline.
func BenchmarkSplit(b *testing.B) {
	in, _ := articleInput(b)
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		text.Split(in.Doc, in.Runes)
	}
}

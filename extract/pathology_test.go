package extract

import (
	"context"
	"flag"
	"fmt"
	"testing"
	"unicode/utf8"

	"github.com/dossier-project/dossier/internal/pathology"
)

var pathologyKB = flag.Int("pathology.kb", 256, "BenchmarkPathology: input size in KB of the kinds that scale")

// BenchmarkPathology extracts each text kind of internal/pathology at
// -pathology.kb kilobytes and reports seconds per megabyte, for profiling
// the pass on hostile shapes (bench/pathology measures the binary):
//
//	go test ./extract -run XXX -bench Pathology/long-sentence -pathology.kb 1024 -cpuprofile /tmp/p.prof
func BenchmarkPathology(b *testing.B) {
	x, err := New(Options{})
	if err != nil {
		b.Fatal(err)
	}
	for _, k := range pathology.Kinds() {
		if !k.Scales || k.Fails || k.File[len(k.File)-4:] != ".txt" {
			continue
		}
		data := k.Gen(*pathologyKB << 10)
		if !utf8.Valid(data) {
			continue
		}
		d := doc(string(data))
		b.Run(k.Name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				if _, err := x.Extract(context.Background(), d); err != nil {
					b.Fatal(err)
				}
			}
			mb := float64(len(data)) / (1 << 20)
			b.ReportMetric(b.Elapsed().Seconds()/float64(b.N)/mb, "s/MB")
			b.Log(fmt.Sprintf("%.2f MB", mb))
		})
	}
}

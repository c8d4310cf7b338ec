package extract

import (
	"context"
	"errors"
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
			cpu0 := cpuTime()
			for i := 0; i < b.N; i++ {
				if _, err := x.Extract(context.Background(), d); err != nil {
					b.Fatal(err)
				}
			}
			mb := float64(len(data)) / (1 << 20)
			b.ReportMetric(b.Elapsed().Seconds()/float64(b.N)/mb, "s/MB")
			// CPU time holds on a shared machine, where wall time does not.
			b.ReportMetric((cpuTime()-cpu0).Seconds()/float64(b.N)/mb, "cpu-s/MB")
			b.Log(fmt.Sprintf("%.2f MB", mb))
		})
	}
}

// countingCtx is a context whose Err reports cancellation from its
// cancelAt-th call on (never when cancelAt is 0), and counts the calls.
type countingCtx struct {
	context.Context
	calls, cancelAt int
}

func (c *countingCtx) Err() error {
	c.calls++
	if c.cancelAt > 0 && c.calls >= c.cancelAt {
		return context.Canceled
	}
	return nil
}

// TestExtractCancelMidDocument checks that cancellation reaches the
// extraction loops: on a document of 3,000 sentences the pass looks at its
// context many times, not just at the start, and a cancellation at any of
// those points ends it with context.Canceled, not a result or a
// per-document error.
func TestExtractCancelMidDocument(t *testing.T) {
	x, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	d := doc(string(pathology.ClaimSentences(3000 * 52)))
	count := &countingCtx{Context: context.Background()}
	if _, err := x.Extract(count, d); err != nil {
		t.Fatal(err)
	}
	if count.calls < 3*3000/64 {
		t.Fatalf("the pass looked at its context %d times over 3,000 sentences", count.calls)
	}
	for _, at := range []int{1, 2, count.calls / 4, count.calls / 2, count.calls - 1, count.calls} {
		_, err := x.Extract(&countingCtx{Context: context.Background(), cancelAt: at}, d)
		if !errors.Is(err, context.Canceled) {
			t.Errorf("cancelled at look %d of %d: error %v, want context.Canceled", at, count.calls, err)
		}
		var de *DocError
		if errors.As(err, &de) {
			t.Errorf("cancelled at look %d: a document error %v", at, err)
		}
	}
}

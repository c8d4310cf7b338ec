package pipeline

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/dossier-project/dossier/extract"
	"github.com/dossier-project/dossier/extract/source"
	"github.com/dossier-project/dossier/graph"
	_ "github.com/dossier-project/dossier/graph/bolt"     // registers the bolt backend
	_ "github.com/dossier-project/dossier/graph/postgres" // registers the PostgreSQL backend
	"github.com/dossier-project/dossier/schema"
)

// reuters is the shared benchmark corpus, when present.
const reuters = "../../../shared/data/news/reuters21578.jsonl"

// firstDocs reads the first n documents of the Reuters corpus, or skips.
func firstDocs(b *testing.B, n int) []*schema.Document {
	b.Helper()
	f, err := os.Open(reuters)
	if err != nil {
		b.Skipf("no benchmark corpus: %v", err)
	}
	defer f.Close()
	var docs []*schema.Document
	for it := range source.Items(reuters, f) {
		if it.Doc != nil {
			docs = append(docs, it.Doc)
		}
		if len(docs) == n {
			break
		}
	}
	return docs
}

func sliceReader(docs []*schema.Document) Reader {
	return func(ctx context.Context) <-chan source.Item {
		ch := make(chan source.Item)
		go func() {
			defer close(ch)
			for _, d := range docs {
				select {
				case ch <- source.Item{Doc: d}:
				case <-ctx.Done():
					return
				}
			}
		}()
		return ch
	}
}

// BenchmarkIngest ingests the first 500 Reuters articles into a fresh bolt
// store with 1 and 2 workers; it reports documents, tokens and quads per
// second and the share of time spent writing.
func BenchmarkIngest(b *testing.B) {
	perWorkers(b, 500, func(b *testing.B, x *extract.Extractor, docs []*schema.Document, w int) {
		var c Counts
		for i := 0; b.Loop(); i++ {
			ctx := context.Background()
			b.StopTimer()
			st, err := graph.Open(ctx, filepath.Join(b.TempDir(), "s"), &graph.Options{Create: true})
			if err != nil {
				b.Fatal(err)
			}
			b.StartTimer()
			p, err := New(Config{Extractor: x, Store: st, Workers: w})
			if err != nil {
				b.Fatal(err)
			}
			if err := p.Run(ctx, sliceReader(docs)); err != nil {
				b.Fatal(err)
			}
			b.StopTimer()
			st.Close()
			b.StartTimer()
			c = p.Counts()
		}
		s := b.Elapsed().Seconds() / float64(b.N)
		b.ReportMetric(float64(c.Written)/s, "docs/s")
		b.ReportMetric(float64(c.Tokens)/s, "tokens/s")
		b.ReportMetric(float64(c.Quads)/s, "quads/s")
		b.ReportMetric(c.WriteTime.Seconds()/s, "write-share")
	})
}

// BenchmarkExtract runs the first 2,000 Reuters articles through the
// pipeline without a store, with 1 and 2 workers: how extraction alone
// scales with workers, against which BenchmarkIngest's figures show the
// writer's share.
func BenchmarkExtract(b *testing.B) {
	perWorkers(b, 2000, func(b *testing.B, x *extract.Extractor, docs []*schema.Document, w int) {
		var c Counts
		for b.Loop() {
			p, err := New(Config{Extractor: x, Workers: w})
			if err != nil {
				b.Fatal(err)
			}
			if err := p.Run(context.Background(), sliceReader(docs)); err != nil {
				b.Fatal(err)
			}
			c = p.Counts()
		}
		s := b.Elapsed().Seconds() / float64(b.N)
		b.ReportMetric(float64(c.Extracted)/s, "docs/s")
		b.ReportMetric(float64(c.Tokens)/s, "tokens/s")
	})
}

// perWorkers runs fn as a sub-benchmark for 1 and 2 workers, over the
// first n Reuters articles.
func perWorkers(b *testing.B, n int, fn func(b *testing.B, x *extract.Extractor, docs []*schema.Document, workers int)) {
	docs := firstDocs(b, n)
	x, err := extract.New(extract.Options{})
	if err != nil {
		b.Fatal(err)
	}
	for _, w := range []int{1, 2} {
		b.Run(fmt.Sprintf("workers=%d", w), func(b *testing.B) { fn(b, x, docs, w) })
	}
}

package graph_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"

	"github.com/dossier-project/dossier/extract"
	"github.com/dossier-project/dossier/extract/source"
	"github.com/dossier-project/dossier/graph"
	"github.com/dossier-project/dossier/graph/graphtest"
	"github.com/dossier-project/dossier/schema"
)

var (
	benchOnce sync.Once
	benchDocs []*schema.Result
)

// benchCorpus is 2,000 small documents (graphtest.Corpus).
func benchCorpus(b *testing.B) []*schema.Result {
	benchOnce.Do(func() { benchDocs = graphtest.Corpus(b, 2000) })
	return benchDocs
}

// benchWrite times writing the corpus into a new store per iteration, in
// batches, and reports quads and documents per second.
func benchWrite(b *testing.B, open func(b *testing.B) *graph.Store, batch int, write func(*graph.Store, []*schema.Result) error) {
	docs := benchCorpus(b)
	quads := 0
	for _, r := range docs {
		quads += len(graph.Quads(r))
	}
	var elapsed time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		st := open(b)
		b.StartTimer()
		start := time.Now()
		for j := 0; j < len(docs); j += batch {
			if err := write(st, docs[j:min(j+batch, len(docs))]); err != nil {
				b.Fatal(err)
			}
		}
		elapsed += time.Since(start)
		b.StopTimer()
		st.Close()
	}
	b.ReportMetric(float64(quads*b.N)/elapsed.Seconds(), "quads/s")
	b.ReportMetric(float64(len(docs)*b.N)/elapsed.Seconds(), "docs/s")
}

// writeBatch writes through Store.WriteBatch.
func writeBatch(st *graph.Store, docs []*schema.Result) error {
	_, err := st.WriteBatch(context.Background(), docs)
	return err
}

// writeCayley writes through Cayley's own ApplyDeltas, one transaction
// per batch, as the store did before it had a writer of its own.
func writeCayley(st *graph.Store, docs []*schema.Result) error {
	var deltas []cgraph.Delta
	for _, r := range docs {
		for _, q := range graph.Quads(r) {
			deltas = append(deltas, cgraph.Delta{Quad: q, Action: cgraph.Add})
		}
	}
	return st.QuadStore().ApplyDeltas(deltas, cgraph.IgnoreOpts{IgnoreDup: true})
}

func benchOpen(spec func(b *testing.B) string, opt graph.Options) func(b *testing.B) *graph.Store {
	return func(b *testing.B) *graph.Store {
		opt.Create = true
		st, err := graph.Open(context.Background(), spec(b), &opt)
		if err != nil {
			b.Fatal(err)
		}
		return st
	}
}

func boltSpec(b *testing.B) string { return filepath.Join(b.TempDir(), "g.db") }

func postgresSpec(b *testing.B) string { return freshPostgres(b) }

var benchBatches = []int{1, 10, 100}

func BenchmarkWriteMemory(b *testing.B) {
	for _, n := range benchBatches {
		b.Run(fmt.Sprintf("batch=%d", n), func(b *testing.B) {
			benchWrite(b, benchOpen(func(*testing.B) string { return "memory" }, graph.Options{}), n, writeBatch)
		})
	}
}

func BenchmarkWriteBolt(b *testing.B) {
	for _, n := range benchBatches {
		b.Run(fmt.Sprintf("batch=%d", n), func(b *testing.B) {
			benchWrite(b, benchOpen(boltSpec, graph.Options{}), n, writeBatch)
		})
		// The same store written through Cayley's ApplyDeltas.
		b.Run(fmt.Sprintf("cayley/batch=%d", n), func(b *testing.B) {
			benchWrite(b, benchOpen(boltSpec, graph.Options{CayleyWriter: true}), n, writeBatch)
		})
	}
}

func BenchmarkWritePostgres(b *testing.B) {
	postgresURL(b)
	for _, n := range benchBatches {
		b.Run(fmt.Sprintf("batch=%d", n), func(b *testing.B) {
			benchWrite(b, benchOpen(postgresSpec, graph.Options{}), n, writeBatch)
		})
		b.Run(fmt.Sprintf("async/batch=%d", n), func(b *testing.B) {
			benchWrite(b, benchOpen(postgresSpec, graph.Options{AsyncCommit: true}), n, writeBatch)
		})
		// Cayley's SQL writer: one INSERT per node and per quad.
		b.Run(fmt.Sprintf("cayley/batch=%d", n), func(b *testing.B) {
			benchWrite(b, benchOpen(postgresSpec, graph.Options{}), n, writeCayley)
		})
	}
}

var (
	reutersOnce sync.Once
	reutersDocs []*schema.Result
)

// reutersResults extracts the first 2,000 Reuters-21578 articles, or skips
// when the shared corpus is absent.
func reutersResults(b *testing.B) []*schema.Result {
	const corpus = "../../shared/data/news/reuters21578.jsonl"
	f, err := os.Open(corpus)
	if err != nil {
		b.Skipf("no benchmark corpus: %v", err)
	}
	defer f.Close()
	reutersOnce.Do(func() {
		x, err := extract.New(extract.Options{})
		if err != nil {
			b.Fatal(err)
		}
		for it := range source.Items(corpus, f) {
			if it.Doc == nil {
				continue
			}
			r, err := x.Extract(context.Background(), it.Doc)
			if err != nil {
				continue
			}
			reutersDocs = append(reutersDocs, r)
			if len(reutersDocs) == 2000 {
				break
			}
		}
	})
	return reutersDocs
}

// BenchmarkWriteReuters writes the extraction results of 2,000 Reuters
// articles into a new bolt store in the pipeline's default batches (256
// documents or 20,000 quads): through dossier's writer, through Cayley's,
// and bulk loaded (staged, then FinishBulk, timed together).
func BenchmarkWriteReuters(b *testing.B) {
	docs := reutersResults(b)
	var batches [][]*schema.Result
	quads, n := 0, 0
	start := 0
	for i, r := range docs {
		q := len(graph.Quads(r))
		quads += q
		n += q
		if i+1-start >= 256 || n >= 20000 || i == len(docs)-1 {
			batches = append(batches, docs[start:i+1])
			start, n = i+1, 0
		}
	}
	for _, writer := range []string{"dossier", "cayley", "bulk"} {
		b.Run("writer="+writer, func(b *testing.B) {
			ctx := context.Background()
			var elapsed time.Duration
			for b.Loop() {
				b.StopTimer()
				st := benchOpen(boltSpec, graph.Options{CayleyWriter: writer == "cayley"})(b)
				if writer == "bulk" {
					if ok, err := st.BeginBulk(); err != nil || !ok {
						b.Fatalf("BeginBulk: %v, %v", ok, err)
					}
				}
				b.StartTimer()
				t := time.Now()
				for _, batch := range batches {
					if _, err := st.WriteBatch(ctx, batch); err != nil {
						b.Fatal(err)
					}
				}
				// Bulk: staged and half built; the rest of the build.
				if err := st.FinishBulk(ctx); err != nil {
					b.Fatal(err)
				}
				elapsed += time.Since(t)
				b.StopTimer()
				st.Close()
				b.StartTimer()
			}
			b.ReportMetric(float64(quads*b.N)/elapsed.Seconds(), "quads/s")
			b.ReportMetric(float64(len(docs)*b.N)/elapsed.Seconds(), "docs/s")
		})
	}
}

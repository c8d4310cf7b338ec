// Command ingestprof runs dossier's ingest pipeline in process on a corpus,
// into a new bolt store, and prints what it took; with -cpuprofile it
// writes a CPU profile of the whole run. It is for finding where ingest
// spends its time (bench/ingestbench measures the dossier binary against
// its baselines):
//
//	go run ./bench/ingestprof -cpuprofile /tmp/ingest.prof ../shared/data/news/reuters21578.jsonl
//	go tool pprof -top -cum /tmp/ingest.prof
//
// -cayley-writer writes through Cayley's ApplyDeltas instead of dossier's
// own writer, for comparison; -batch-quads sets the batch size.
package main

import (
	"cmp"
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime/pprof"
	"time"

	"github.com/dossier-project/dossier/extract"
	"github.com/dossier-project/dossier/graph"
	_ "github.com/dossier-project/dossier/graph/bolt"     // registers the bolt backend
	_ "github.com/dossier-project/dossier/graph/postgres" // registers the PostgreSQL backend
	"github.com/dossier-project/dossier/internal/pipeline"
)

func main() {
	var (
		store, cpuprofile string
		workers, batchQ   int
		bulkQ             int
		cayley, bulk      bool
	)
	flag.StringVar(&store, "store", "", "bolt store to create (default: a new temporary folder, removed at the end)")
	flag.StringVar(&cpuprofile, "cpuprofile", "", "write a CPU profile of the run to this file")
	flag.IntVar(&workers, "workers", 2, "extraction workers")
	flag.IntVar(&batchQ, "batch-quads", pipeline.DefaultBatchQuads, "quads per write transaction")
	flag.BoolVar(&cayley, "cayley-writer", false, "write through Cayley's ApplyDeltas")
	flag.IntVar(&bulkQ, "bulk-quads", graph.DefaultBulkQuads, "with -bulk: quads staged before the store is built (then batch by batch)")
	flag.BoolVar(&bulk, "bulk", false, "stage the corpus and build the store at the end (Store.BeginBulk), as dossier ingest does")
	flag.Usage = func() {
		fmt.Fprintln(flag.CommandLine.Output(), "usage: go run ./bench/ingestprof [flags] CORPUS...")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() == 0 {
		flag.Usage()
		os.Exit(2)
	}
	if err := run(flag.Args(), store, cpuprofile, workers, batchQ, bulkQ, cayley, bulk); err != nil {
		fmt.Fprintln(os.Stderr, "ingestprof:", err)
		os.Exit(1)
	}
}

func run(paths []string, store, cpuprofile string, workers, batchQ, bulkQ int, cayley, bulk bool) error {
	ctx := context.Background()
	if store == "" {
		dir, err := os.MkdirTemp("", "ingestprof")
		if err != nil {
			return err
		}
		defer os.RemoveAll(dir)
		store = filepath.Join(dir, "store")
	} else if _, err := os.Stat(store); err == nil {
		return fmt.Errorf("store %s exists: give a new path", store)
	}
	x, err := extract.New(extract.Options{})
	if err != nil {
		return err
	}
	st, err := graph.Open(ctx, store, &graph.Options{Create: true, CayleyWriter: cayley, BulkQuads: bulkQ})
	if err != nil {
		return err
	}
	if bulk {
		if ok, err := st.BeginBulk(); err != nil || !ok {
			st.Close()
			return cmp.Or(err, errors.New("the store cannot be bulk loaded"))
		}
	}
	if cpuprofile != "" {
		f, err := os.Create(cpuprofile)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}
	start := time.Now()
	p, err := pipeline.New(pipeline.Config{Extractor: x, Store: st, Workers: workers, BatchQuads: batchQ,
		OnError: func(err error) { fmt.Fprintln(os.Stderr, "ingestprof:", err) }})
	if err != nil {
		return err
	}
	// The run stages, then builds (in bulk mode): note when the build
	// starts.
	var staged time.Duration
	stop, stopped := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(stopped)
		t := time.NewTicker(20 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-stop:
				return
			case <-t.C:
				if staged == 0 && p.Counts().Building {
					staged = time.Since(start)
				}
			}
		}
	}()
	err = p.Run(ctx, pipeline.Paths(paths, nil))
	close(stop)
	<-stopped
	if err != nil {
		st.Close()
		return err
	}
	if err := st.Close(); err != nil {
		return err
	}
	el := time.Since(start).Seconds()
	c := p.Counts()
	fmt.Printf("%d documents, %d quads in %.1f s: %.1f docs/s; writing %.1f s (%.0f quads/s); %d failed\n",
		c.Written, c.Quads, el, float64(c.Written)/el, c.WriteTime.Seconds(), float64(c.Quads)/c.WriteTime.Seconds(), c.Failed)
	if bulk {
		fmt.Printf("bulk: staged in %.1f s, built in %.1f s\n", staged.Seconds(), el-staged.Seconds())
	}
	return nil
}

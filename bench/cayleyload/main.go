// Command cayleyload is the Cayley baseline of dossier's ingest benchmark:
// it bulk-loads an N-Quads file into a fresh bolt store with Cayley's own
// quad writer (qs.NewQuadWriter, WriteQuads in batches of 10,000) and
// prints one JSON object: {"quads", "seconds", "quads_per_s", "upfront"}.
//
// It imports Cayley directly, which dossier's house style reserves for
// the graph package: it is a benchmark tool that measures Cayley itself,
// not part of dossier.
//
//	go run ./bench/cayleyload -store /tmp/load.db graph.nq
package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	_ "github.com/cayleygraph/cayley/graph/kv/bolt" // registers the bolt backend
	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/nquads"
)

// batch is how many quads go to each WriteQuads call.
const batch = 10000

func main() {
	store := flag.String("store", "", "bolt store folder to create (must not exist)")
	upfront := flag.Bool("upfront", false, `create the store with Cayley's "upfront" option (all value buckets made at init)`)
	flag.Usage = func() {
		fmt.Fprintln(flag.CommandLine.Output(), "usage: cayleyload -store DIR [-upfront] FILE.nq")
		flag.PrintDefaults()
	}
	flag.Parse()
	if *store == "" || flag.NArg() != 1 {
		flag.Usage()
		os.Exit(2)
	}
	if err := run(*store, flag.Arg(0), *upfront); err != nil {
		fmt.Fprintln(os.Stderr, "cayleyload:", err)
		os.Exit(1)
	}
}

// run loads file into a new bolt store at dir and prints the figures. The
// time counted is store creation excluded, reading, writing and the final
// commit included.
func run(dir, file string, upfront bool) error {
	if _, err := os.Stat(dir); err == nil {
		return fmt.Errorf("store %s exists", dir)
	}
	if err := cgraph.InitQuadStore("bolt", dir, cgraph.Options{"upfront": upfront}); err != nil {
		return fmt.Errorf("create %s: %w", dir, err)
	}
	qs, err := cgraph.NewQuadStore("bolt", dir, nil)
	if err != nil {
		return fmt.Errorf("open %s: %w", dir, err)
	}
	defer qs.Close()
	f, err := os.Open(file)
	if err != nil {
		return err
	}
	defer f.Close()
	r := nquads.NewReader(bufio.NewReaderSize(f, 1<<20), false)
	w, err := qs.NewQuadWriter()
	if err != nil {
		return err
	}
	start := time.Now()
	buf := make([]quad.Quad, 0, batch)
	n := 0
	for {
		q, err := r.ReadQuad()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return fmt.Errorf("read %s: %w", file, err)
		}
		buf = append(buf, q)
		if len(buf) == batch {
			if _, err := w.WriteQuads(buf); err != nil {
				return fmt.Errorf("write: %w", err)
			}
			n += len(buf)
			buf = buf[:0]
		}
	}
	if len(buf) > 0 {
		if _, err := w.WriteQuads(buf); err != nil {
			return fmt.Errorf("write: %w", err)
		}
		n += len(buf)
	}
	if err := w.Close(); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	sec := time.Since(start).Seconds()
	st, err := qs.Stats(context.Background(), true)
	if err != nil {
		return fmt.Errorf("stats: %w", err)
	}
	return json.NewEncoder(os.Stdout).Encode(map[string]any{
		"quads_read": n, "quads": st.Quads.Value, "seconds": sec, "quads_per_s": float64(n) / sec, "upfront": upfront,
	})
}

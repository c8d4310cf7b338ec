// Command prosebaseline is the prose baseline of dossier's ingest
// benchmark: it runs prose v2's own pipeline (tokenisation, sentence
// segmentation, part-of-speech tagging and named-entity chunking, with one
// model loaded once and shared by every document) over the "text" of each
// record of a JSON Lines file, on one core (GOMAXPROCS=1), and prints one
// JSON object: {"docs", "words", "tokens", "entities", "seconds",
// "docs_per_s", "words_per_s"}. Words are counted as dossier's ingest
// counts them (pipeline.Words), so the rates compare.
//
// It imports prose directly, which dossier's house style reserves for
// extract/prosener: it is a benchmark tool that measures prose itself, not
// part of dossier.
//
//	go run ./bench/prosebaseline [-n 2000] reuters21578.jsonl
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"runtime"
	"time"

	"github.com/jdkato/prose/v2"

	"github.com/dossier-project/dossier/internal/pipeline"
)

func main() {
	n := flag.Int("n", 0, "stop after this many records (0: all)")
	flag.Usage = func() {
		fmt.Fprintln(flag.CommandLine.Output(), "usage: prosebaseline [-n N] FILE.jsonl")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() != 1 {
		flag.Usage()
		os.Exit(2)
	}
	runtime.GOMAXPROCS(1)
	if err := run(flag.Arg(0), *n); err != nil {
		fmt.Fprintln(os.Stderr, "prosebaseline:", err)
		os.Exit(1)
	}
}

// doc runs prose over text, turning a panic (prose has some) into an error.
func doc(text string, opts ...prose.DocOpt) (d *prose.Document, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("prose panicked: %v", r)
		}
	}()
	return prose.NewDocument(text, opts...)
}

// run reads the records of file and runs prose over each text. Model
// loading is done before the clock starts.
func run(file string, limit int) error {
	warm, err := doc("Model loading.")
	if err != nil {
		return err
	}
	model := warm.Model
	f, err := os.Open(file)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	var docs, words, tokens, ents, failed int
	var busy time.Duration
	for sc.Scan() && (limit == 0 || docs < limit) {
		var rec struct {
			Text string `json:"text"`
		}
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil || rec.Text == "" {
			continue
		}
		start := time.Now()
		d, err := doc(rec.Text, prose.UsingModel(model))
		busy += time.Since(start)
		docs++
		words += pipeline.Words(rec.Text)
		if err != nil {
			failed++
			continue
		}
		tokens += len(d.Tokens())
		ents += len(d.Entities())
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("read %s: %w", file, err)
	}
	sec := busy.Seconds()
	return json.NewEncoder(os.Stdout).Encode(map[string]any{
		"docs": docs, "failed": failed, "words": words, "tokens": tokens, "entities": ents,
		"seconds": sec, "docs_per_s": float64(docs) / sec, "words_per_s": float64(words) / sec,
	})
}

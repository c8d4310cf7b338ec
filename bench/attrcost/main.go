// Command attrcost measures what claims and the trained attribution model
// cost in dossier's extraction pass, on a machine shared with other work:
// it runs the pass over the first N stories of a JSON Lines file on one
// core (GOMAXPROCS=1) in several configurations, round after round in
// turn, and reports for each the least CPU time (user and system) any
// round took, which other processes' load disturbs far less than wall
// time. Configurations: the default pass (rules and model), the rules
// alone, no claims at all, and prose v2's own pipeline (the baseline of
// BENCHMARKS.md, with -prose).
//
//	go run ./bench/attrcost [-n 200] [-rounds 7] [-prose] ../shared/data/news/reuters21578.jsonl
package main

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
	"strings"
	"syscall"
	"time"

	"github.com/dossier-project/dossier/extract"
	"github.com/dossier-project/dossier/extract/prosener"
	"github.com/dossier-project/dossier/extract/text"
	"github.com/dossier-project/dossier/schema"
)

func cpu() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func main() {
	n := flag.Int("n", 200, "stories to read")
	rounds := flag.Int("rounds", 7, "rounds over the stories per configuration")
	withProse := flag.Bool("prose", false, "also run prose v2's pipeline (slow)")
	profile := flag.String("cpuprofile", "", "write a CPU profile of the default configuration's rounds to this file")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: attrcost [-n N] [-rounds R] [-prose] FILE.jsonl")
		os.Exit(2)
	}
	runtime.GOMAXPROCS(1)
	f, err := os.Open(flag.Arg(0))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<22)
	var docs []*schema.Document
	tokens := 0
	for sc.Scan() && len(docs) < *n {
		var rec struct{ Text string }
		if json.Unmarshal(sc.Bytes(), &rec) != nil || rec.Text == "" {
			continue
		}
		sum := sha256.Sum256([]byte(rec.Text))
		docs = append(docs, &schema.Document{Text: rec.Text, Hash: hex.EncodeToString(sum[:])})
		r := []rune(rec.Text)
		tokens += len(text.Tokenize(r, 0, len(r)))
	}
	f.Close()
	type config struct {
		name string
		run  func()
	}
	var cfgs []config
	for _, c := range []struct {
		name string
		opt  extract.Options
	}{{"model (default)", extract.Options{}}, {"rules alone", extract.Options{NoModel: true}}, {"no claims", extract.Options{NoClaims: true}}} {
		x, err := extract.New(c.opt)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		run := func() {
			for _, d := range docs {
				if _, err := x.Extract(context.Background(), d); err != nil {
					fmt.Fprintln(os.Stderr, err)
					os.Exit(1)
				}
			}
		}
		run() // load what loads lazily
		cfgs = append(cfgs, config{c.name, run})
	}
	if *withProse {
		if _, _, err := prosener.Pipeline("Warm up."); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		cfgs = append(cfgs, config{"prose pipeline", func() {
			for _, d := range docs {
				prosener.Pipeline(strings.ToValidUTF8(d.Text, "\uFFFD"))
			}
		}})
	}
	if *profile != "" {
		pf, err := os.Create(*profile)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		pprof.StartCPUProfile(pf)
		for r := 0; r < *rounds; r++ {
			cfgs[0].run()
		}
		pprof.StopCPUProfile()
		pf.Close()
	}
	best := make([]time.Duration, len(cfgs))
	for r := 0; r < *rounds; r++ {
		for i, c := range cfgs {
			t0 := cpu()
			c.run()
			if d := cpu() - t0; best[i] == 0 || d < best[i] {
				best[i] = d
			}
		}
	}
	fmt.Printf("%d stories, %d tokens; least CPU time of %d rounds, one core\n", len(docs), tokens, *rounds)
	for i, c := range cfgs {
		fmt.Printf("%-16s %8.1f ms  %9.0f tokens/s  %.3f× the rules alone\n", c.name, best[i].Seconds()*1000,
			float64(tokens)/best[i].Seconds(), float64(best[i])/float64(best[1]))
	}
	if *withProse {
		p := best[len(best)-1]
		fmt.Printf("against prose: model %.1f×, rules alone %.1f×\n", float64(p)/float64(best[0]), float64(p)/float64(best[1]))
	}
}

// Command querybench measures how fast dossier answers the common
// questions about one entity on an existing store: show, claims --about and
// timeline, each run as the dossier command itself (cobra, opening the
// store, the reads, formatting the output into a discarded writer), inside
// this process, so the figure is the command's work without the operating
// system's process start (which `dossier version` measures at about 10 ms).
// It prints the median, minimum and maximum of -n runs of each, with the
// output's size, as a Markdown table.
//
//	go run ./bench/querybench -store /tmp/reuters.db -entity "United States"
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/pprof"
	"slices"
	"time"

	"github.com/dossier-project/dossier/internal/cli"
)

// counter counts the bytes written to it.
type counter struct{ n int }

// Write counts p and discards it.
func (c *counter) Write(p []byte) (int, error) {
	c.n += len(p)
	return len(p), nil
}

func main() {
	store := flag.String("store", "", "the store to query (required)")
	entity := flag.String("entity", "United States", "the entity asked about")
	n := flag.Int("n", 21, "runs of each query")
	only := flag.String("only", "", "run only the query whose command is this (show, claims, timeline, stats)")
	prof := flag.String("cpuprofile", "", "write a CPU profile of all the runs to this file")
	flag.Parse()
	if *store == "" {
		fmt.Fprintln(os.Stderr, "usage: go run ./bench/querybench -store PATH [-entity NAME] [-n RUNS]")
		os.Exit(2)
	}
	if _, err := os.Stat(*store); err != nil {
		fmt.Fprintf(os.Stderr, "querybench: store %s: %v\n", *store, err)
		os.Exit(1)
	}
	ctx := context.Background()
	if *prof != "" {
		f, err := os.Create(*prof)
		if err != nil {
			fmt.Fprintf(os.Stderr, "querybench: %v\n", err)
			os.Exit(1)
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			fmt.Fprintf(os.Stderr, "querybench: %v\n", err)
			os.Exit(1)
		}
		defer pprof.StopCPUProfile()
	}
	fmt.Printf("| query | median ms | min ms | max ms | output bytes |\n|---|---|---|---|---|\n")
	for _, q := range [][]string{
		{"show", *entity},
		{"claims", "--about", *entity},
		{"timeline", *entity},
		{"mentions", *entity},
		{"stats"},
		{"entities"},
		{"allegations"},
	} {
		if *only != "" && q[0] != *only {
			continue
		}
		var ds []time.Duration
		out := 0
		for range *n {
			var c counter
			root := cli.New(nil, &c, io.Discard)
			root.SetArgs(append([]string{"--store", *store}, q...))
			t0 := time.Now()
			if err := root.ExecuteContext(ctx); err != nil {
				fmt.Fprintf(os.Stderr, "querybench: %v: %v\n", q, err)
				return
			}
			ds = append(ds, time.Since(t0))
			out = c.n
		}
		slices.Sort(ds)
		ms := func(d time.Duration) string { return fmt.Sprintf("%.1f", float64(d.Microseconds())/1000) }
		fmt.Printf("| `dossier %s` | %s | %s | %s | %d |\n", join(q), ms(ds[len(ds)/2]), ms(ds[0]), ms(ds[len(ds)-1]), out)
	}
}

func join(q []string) string {
	s := ""
	for i, a := range q {
		if i > 0 {
			s += " "
		}
		if len(a) > 0 && a[0] != '-' && i > 0 {
			a = fmt.Sprintf("%q", a)
		}
		s += a
	}
	return s
}

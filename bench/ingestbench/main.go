// Command ingestbench measures dossier's ingest on a JSON Lines corpus and
// compares it with two baselines, in one run:
//
//   - dossier ingest into a fresh bolt store with 1 and 2 workers (each
//     -runs times), and with -one-core 1 worker with GOMAXPROCS=1 (the
//     whole ingest on one core): documents/s, tokens (words)/s, quads/s
//     end to end, the write path's quads/s (quads over the pipeline's
//     write time: WriteBatch and a bulk load's FinishBulk), CPU time and
//     peak RSS (getrusage of the child);
//   - prose's own pipeline over the same text on one core
//     (bench/prosebaseline, over the first -prose-docs records);
//   - Cayley's own bulk load of the same quads (dossier export --format
//     nquads, then bench/cayleyload: Cayley's quad writer, batches of
//     10,000) into a fresh bolt store, created as dossier creates its
//     stores and with Cayley's "upfront" option;
//   - query latency on the full graph: the median wall time of dossier
//     show, claims --about and timeline for -entity (process start
//     included).
//
// It builds the binaries it runs into a temporary folder, never writes
// into the repository, and prints a Markdown report on stdout (progress on
// stderr). Run it from the module root:
//
//	go run ./bench/ingestbench ../shared/data/news/reuters21578.jsonl
package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"syscall"
	"time"
)

// options are the command-line flags.
type options struct {
	runs      int
	workers   []int
	proseDocs int
	entity    string
	queries   int
	timeout   time.Duration
	upfront   bool
	oneCore   bool
	work      string
	keep      bool
}

func main() {
	var o options
	var workers string
	flag.IntVar(&o.runs, "runs", 2, "runs of each measurement")
	flag.StringVar(&workers, "workers", "1,2", "worker counts to measure, comma-separated")
	flag.IntVar(&o.proseDocs, "prose-docs", 3000, "records for the prose baseline (0: all)")
	flag.StringVar(&o.entity, "entity", "United States", "entity for the query latency")
	flag.IntVar(&o.queries, "queries", 11, "runs of each query")
	flag.DurationVar(&o.timeout, "query-timeout", time.Minute, "a query taking longer is stopped and reported as slower than this")
	flag.BoolVar(&o.upfront, "upfront", true, `also measure Cayley's bulk load into a store made with the "upfront" option`)
	flag.BoolVar(&o.oneCore, "one-core", true, "also run 1 worker with GOMAXPROCS=1 (the whole ingest on one core), to measure the speedup from one core to two")
	flag.StringVar(&o.work, "work", "", "folder for binaries and stores (default: a new temporary folder)")
	flag.BoolVar(&o.keep, "keep", false, "keep the work folder")
	flag.Usage = func() {
		fmt.Fprintln(flag.CommandLine.Output(), "usage: go run ./bench/ingestbench [flags] CORPUS.jsonl")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() != 1 {
		flag.Usage()
		os.Exit(2)
	}
	for _, w := range strings.Split(workers, ",") {
		var n int
		if _, err := fmt.Sscan(strings.TrimSpace(w), &n); err != nil || n < 1 {
			fmt.Fprintf(os.Stderr, "ingestbench: -workers: bad count %q\n", w)
			os.Exit(2)
		}
		o.workers = append(o.workers, n)
	}
	if err := run(flag.Arg(0), o); err != nil {
		fmt.Fprintln(os.Stderr, "ingestbench:", err)
		os.Exit(1)
	}
}

// measure is one child process's resource use.
type measure struct {
	wall, user, sys time.Duration
	maxRSS          int64 // bytes, from getrusage
	// maxAnon and maxFile are the largest anonymous (heap) and file-backed
	// (bolt's memory map) resident sizes seen in /proc/PID/status, sampled
	// every 100 ms.
	maxAnon, maxFile int64
}

// sample polls /proc/pid/status until done is closed, keeping the largest
// RssAnon and RssFile in m.
func sample(pid int, m *measure, done <-chan struct{}) {
	t := time.NewTicker(100 * time.Millisecond)
	defer t.Stop()
	for {
		b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
		if err == nil {
			for _, l := range strings.Split(string(b), "\n") {
				var kb int64
				if k, v, ok := strings.Cut(l, ":"); ok {
					fmt.Sscan(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), &kb)
					switch k {
					case "RssAnon":
						m.maxAnon = max(m.maxAnon, kb*1024)
					case "RssFile":
						m.maxFile = max(m.maxFile, kb*1024)
					}
				}
			}
		}
		select {
		case <-done:
			return
		case <-t.C:
		}
	}
}

func (m measure) cpu() time.Duration { return m.user + m.sys }

// runCmd runs name with args (and extra environment), returning its stdout,
// stderr and resource use; a non-zero exit is an error carrying stderr.
func runCmd(env []string, name string, args ...string) ([]byte, []byte, measure, error) {
	return runCmdTimeout(0, env, name, args...)
}

// runCmdTimeout is runCmd that kills the child after timeout (0: never).
func runCmdTimeout(timeout time.Duration, env []string, name string, args ...string) ([]byte, []byte, measure, error) {
	ctx := context.Background()
	if timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, timeout)
		defer cancel()
	}
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Env = append(os.Environ(), env...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	start := time.Now()
	var m measure
	err := cmd.Start()
	if err == nil {
		done, sampled := make(chan struct{}), make(chan struct{})
		go func() { sample(cmd.Process.Pid, &m, done); close(sampled) }()
		err = cmd.Wait()
		close(done)
		<-sampled
	}
	m.wall = time.Since(start)
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok && ru != nil {
		m.user = time.Duration(ru.Utime.Nano())
		m.sys = time.Duration(ru.Stime.Nano())
		m.maxRSS = ru.Maxrss * 1024 // kilobytes on Linux
	}
	if err != nil {
		return out.Bytes(), errb.Bytes(), m, fmt.Errorf("%s %s: %w: %s", filepath.Base(name), strings.Join(args, " "), err, lastLines(errb.String(), 5))
	}
	return out.Bytes(), errb.Bytes(), m, nil
}

func lastLines(s string, n int) string {
	ls := strings.Split(strings.TrimSpace(s), "\n")
	if len(ls) > n {
		ls = ls[len(ls)-n:]
	}
	return strings.Join(ls, "\n")
}

func logf(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "%s "+format+"\n", append([]any{time.Now().Format("15:04:05")}, args...)...)
}

// event is the final --progress=json event of dossier ingest.
type event struct {
	Written int64   `json:"written"`
	Failed  int64   `json:"failed"`
	Tokens  int64   `json:"tokens"`
	Quads   int64   `json:"quads"`
	Write   float64 `json:"write_s"`
	Done    bool    `json:"done"`
}

// stats is dossier stats --json.
type stats struct {
	Documents, Entities, Claims, Relations int
	Quads                                  int64
}

// ingestRun is one measured ingest.
type ingestRun struct {
	workers int
	procs   int // GOMAXPROCS, 0 for the default (every core)
	m       measure
	ev      event
	st      stats
	store   string
}

func run(corpus string, o options) error {
	corpus, err := filepath.Abs(corpus)
	if err != nil {
		return err
	}
	if _, err := os.Stat(corpus); err != nil {
		return err
	}
	work := o.work
	if work == "" {
		if work, err = os.MkdirTemp("", "ingestbench"); err != nil {
			return err
		}
	}
	if !o.keep {
		defer os.RemoveAll(work)
	}
	bin := func(name string) string { return filepath.Join(work, name) }
	logf("building into %s", work)
	for name, pkg := range map[string]string{
		"dossier":       "./cmd/dossier",
		"prosebaseline": "./bench/prosebaseline",
		"cayleyload":    "./bench/cayleyload",
	} {
		if _, stderr, _, err := runCmd(nil, "go", "build", "-o", bin(name), pkg); err != nil {
			return fmt.Errorf("build %s: %w %s", pkg, err, stderr)
		}
	}

	r := &report{corpus: corpus, o: o}
	r.machine()

	// dossier ingest, 1 and 2 workers, and 1 worker on one core.
	type config struct{ workers, procs int }
	var configs []config
	for _, w := range o.workers {
		configs = append(configs, config{w, 0})
	}
	if o.oneCore {
		configs = append([]config{{1, 1}}, configs...)
	}
	for _, c := range configs {
		w := c.workers
		for i := range o.runs {
			store := filepath.Join(work, fmt.Sprintf("ingest-w%d-p%d-r%d.db", w, c.procs, i))
			logf("ingest: %d workers, GOMAXPROCS %d (0: default), run %d", w, c.procs, i+1)
			var env []string
			if c.procs > 0 {
				env = []string{fmt.Sprintf("GOMAXPROCS=%d", c.procs)}
			}
			_, stderr, m, err := runCmd(env, bin("dossier"), "--store", store, "ingest", "--workers", fmt.Sprint(w), "--progress=json", corpus)
			var pe *exec.ExitError
			if err != nil && !(errors.As(err, &pe) && pe.ExitCode() == 3) { // 3: some records failed
				return err
			}
			ir := ingestRun{workers: w, procs: c.procs, m: m, store: store}
			if ir.ev, err = lastEvent(stderr); err != nil {
				return err
			}
			out, _, _, err := runCmd(nil, bin("dossier"), "--store", store, "stats", "--json")
			if err != nil {
				return err
			}
			if err := json.Unmarshal(out, &ir.st); err != nil {
				return fmt.Errorf("stats: %w", err)
			}
			r.ingest = append(r.ingest, ir)
			logf("  %.1f s (CPU %.1f s), %d docs, %d tokens, %d quads, write %.1f s, peak RSS %d MB (anonymous %d MB, file-backed %d MB)",
				m.wall.Seconds(), m.cpu().Seconds(), ir.st.Documents, ir.ev.Tokens, ir.st.Quads, ir.ev.Write, m.maxRSS>>20, m.maxAnon>>20, m.maxFile>>20)
			// Keep the last store of the most workers for the later steps.
			if i < o.runs-1 || w != slices.Max(o.workers) || c.procs > 0 {
				os.RemoveAll(store)
			} else {
				r.store = store
			}
		}
	}

	// prose on one core.
	for i := range o.runs {
		logf("prose baseline, run %d (%d records)", i+1, o.proseDocs)
		out, _, m, err := runCmd([]string{"GOMAXPROCS=1"}, bin("prosebaseline"), "-n", fmt.Sprint(o.proseDocs), corpus)
		if err != nil {
			return err
		}
		var p proseRun
		if err := json.Unmarshal(out, &p); err != nil {
			return fmt.Errorf("prosebaseline: %w", err)
		}
		p.m = m
		r.prose = append(r.prose, p)
		logf("  %.1f docs/s", p.DocsPerS)
	}

	// Cayley's bulk load of the same quads.
	nq := filepath.Join(work, "graph.nq")
	logf("export N-Quads")
	if _, _, _, err := runCmd(nil, bin("dossier"), "--store", r.store, "export", "--format", "nquads", "-o", nq); err != nil {
		return err
	}
	upfronts := []bool{false}
	if o.upfront {
		upfronts = append(upfronts, true)
	}
	for _, upfront := range upfronts {
		for i := range o.runs {
			dir := filepath.Join(work, fmt.Sprintf("cayley-%v-%d.db", upfront, i))
			logf("cayley load (upfront %v), run %d", upfront, i+1)
			out, _, m, err := runCmd(nil, bin("cayleyload"), "-store", dir, fmt.Sprintf("-upfront=%v", upfront), nq)
			if err != nil {
				return err
			}
			var c cayleyRun
			if err := json.Unmarshal(out, &c); err != nil {
				return fmt.Errorf("cayleyload: %w", err)
			}
			c.m = m
			r.cayley = append(r.cayley, c)
			os.RemoveAll(dir)
			logf("  %d quads in %.1f s: %.0f quads/s (CPU %.1f s, peak RSS %d MB)", c.Quads, c.Seconds, c.QuadsPerS, c.m.cpu().Seconds(), m.maxRSS>>20)
		}
	}

	// Query latency.
	for _, q := range [][]string{{"show", o.entity}, {"claims", "--about", o.entity}, {"timeline", o.entity}} {
	runs:
		for range o.runs {
			var ds []time.Duration
			for range o.queries {
				args := append([]string{"--store", r.store}, q...)
				_, _, m, err := runCmdTimeout(o.timeout, nil, bin("dossier"), args...)
				if err != nil && m.wall >= o.timeout {
					logf("%s: stopped after %v", strings.Join(q, " "), m.wall.Round(time.Second))
					r.queries = append(r.queries, queryRun{args: q, timedOut: true, min: m.wall})
					break runs
				}
				if err != nil {
					return err
				}
				ds = append(ds, m.wall)
			}
			slices.Sort(ds)
			r.queries = append(r.queries, queryRun{args: q, median: ds[len(ds)/2], min: ds[0], max: ds[len(ds)-1]})
			logf("%s: median %v", strings.Join(q, " "), ds[len(ds)/2])
		}
	}
	// Process start, store open and stats, for reference.
	var ds []time.Duration
	for range o.queries {
		_, _, m, err := runCmdTimeout(o.timeout, nil, bin("dossier"), "--store", r.store, "stats")
		if err != nil {
			logf("stats: %v", err)
			break
		}
		ds = append(ds, m.wall)
	}
	if len(ds) > 0 {
		slices.Sort(ds)
		r.statsMedian = ds[len(ds)/2]
	}
	r.print(os.Stdout)
	return nil
}

// lastEvent finds the final progress event in ingest's stderr.
func lastEvent(stderr []byte) (event, error) {
	var last event
	found := false
	sc := bufio.NewScanner(bytes.NewReader(stderr))
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for sc.Scan() {
		var e event
		if json.Unmarshal(sc.Bytes(), &e) == nil && e.Done {
			last, found = e, true
		}
	}
	if !found {
		return last, fmt.Errorf("no final progress event in ingest's stderr: %s", lastLines(string(stderr), 5))
	}
	return last, nil
}

type proseRun struct {
	Docs     int     `json:"docs"`
	Words    int     `json:"words"`
	Seconds  float64 `json:"seconds"`
	DocsPerS float64 `json:"docs_per_s"`
	WordsPS  float64 `json:"words_per_s"`
	m        measure
}

type cayleyRun struct {
	Quads     int64   `json:"quads_read"`
	Seconds   float64 `json:"seconds"`
	QuadsPerS float64 `json:"quads_per_s"`
	Upfront   bool    `json:"upfront"`
	m         measure
}

type queryRun struct {
	args             []string
	median, min, max time.Duration
	timedOut         bool // stopped after min
}

// report collects the figures and prints them as Markdown.
type report struct {
	corpus      string
	o           options
	cpu, mem    string
	nproc       int
	ingest      []ingestRun
	prose       []proseRun
	cayley      []cayleyRun
	queries     []queryRun
	statsMedian time.Duration
	store       string
}

func (r *report) machine() {
	r.nproc = runtime.NumCPU()
	if b, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		for _, l := range strings.Split(string(b), "\n") {
			if k, v, ok := strings.Cut(l, ":"); ok && strings.TrimSpace(k) == "model name" {
				r.cpu = strings.TrimSpace(v)
				break
			}
		}
	}
	if b, err := os.ReadFile("/proc/meminfo"); err == nil {
		for _, l := range strings.Split(string(b), "\n") {
			if strings.HasPrefix(l, "MemTotal:") {
				var kb int64
				fmt.Sscan(strings.TrimSpace(strings.TrimPrefix(l, "MemTotal:")), &kb)
				r.mem = fmt.Sprintf("%.1f GiB", float64(kb)/(1<<20))
			}
		}
	}
}

func (r *report) print(w io.Writer) {
	load, _ := os.ReadFile("/proc/loadavg")
	fmt.Fprintf(w, "Machine: %d cores (%s), %s RAM, %s. Load average at the end: %s.\n",
		r.nproc, r.cpu, r.mem, runtime.Version(), strings.Join(strings.Fields(string(load))[:3], " "))
	fmt.Fprintf(w, "Corpus: %s.\n\n", r.corpus)
	fmt.Fprintln(w, "| measurement | run | wall s | CPU s | docs/s | tokens/s | quads/s | write-path quads/s | peak RSS MB (anonymous + file-backed) |")
	fmt.Fprintln(w, "|---|---|---|---|---|---|---|---|---|")
	best := map[int]float64{}
	var bestWrite, bestOneCore float64
	for i, ir := range r.ingest {
		s := ir.m.wall.Seconds()
		dps := float64(ir.st.Documents) / s
		wq := float64(ir.ev.Quads) / ir.ev.Write
		what := fmt.Sprintf("%d worker(s)", ir.workers)
		if ir.procs > 0 {
			what += fmt.Sprintf(", GOMAXPROCS=%d", ir.procs)
			bestOneCore = max(bestOneCore, dps)
		} else {
			best[ir.workers] = max(best[ir.workers], dps)
			bestWrite = max(bestWrite, wq)
		}
		fmt.Fprintf(w, "| dossier ingest, %s: %d docs, %d quads | %d | %.1f | %.1f | %.1f | %.0f | %.0f | %.0f | %s |\n",
			what, ir.st.Documents, ir.st.Quads, i%r.o.runs+1, s, ir.m.cpu().Seconds(), dps,
			float64(ir.ev.Tokens)/s, float64(ir.st.Quads)/s, wq, rss(ir.m))
	}
	var bestProse float64
	for i, p := range r.prose {
		bestProse = max(bestProse, p.DocsPerS)
		fmt.Fprintf(w, "| prose v2 pipeline, 1 core: %d docs | %d | %.1f | %.1f | %.1f | %.0f | | | %s |\n",
			p.Docs, i+1, p.Seconds, p.m.cpu().Seconds(), p.DocsPerS, p.WordsPS, rss(p.m))
	}
	bestCayley := map[bool]float64{}
	for i, c := range r.cayley {
		bestCayley[c.Upfront] = max(bestCayley[c.Upfront], c.QuadsPerS)
		opt := "default options (as dossier creates its store)"
		if c.Upfront {
			opt = `"upfront" option`
		}
		fmt.Fprintf(w, "| Cayley bulk load, %s: %d quads | %d | %.1f | %.1f | | | %.0f | | %s |\n",
			opt, c.Quads, i%r.o.runs+1, c.Seconds, c.m.cpu().Seconds(), c.QuadsPerS, rss(c.m))
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "| query (process start included) | median ms | min ms | max ms |")
	fmt.Fprintln(w, "|---|---|---|---|")
	for _, q := range r.queries {
		if q.timedOut {
			fmt.Fprintf(w, "| `dossier %s` | stopped after %.0f (one run) | | |\n", quote(q.args), ms(q.min))
			continue
		}
		fmt.Fprintf(w, "| `dossier %s` | %.0f | %.0f | %.0f |\n", quote(q.args), ms(q.median), ms(q.min), ms(q.max))
	}
	fmt.Fprintf(w, "| `dossier stats` (process start, store open and the counts) | %.0f | | |\n\n", ms(r.statsMedian))
	ws := slices.Sorted(func(yield func(int) bool) {
		for k := range best {
			if !yield(k) {
				return
			}
		}
	})
	if len(ws) > 0 && bestProse > 0 {
		top := ws[len(ws)-1]
		fmt.Fprintf(w, "Best of runs: %d workers / prose on one core = %.1f× (target ≥ 10×).", top, best[top]/bestProse)
		if len(ws) > 1 {
			fmt.Fprintf(w, " %d workers / %d worker = %.2f× (target ≥ 1.7×).", top, ws[0], best[top]/best[ws[0]])
		}
		if bestOneCore > 0 {
			fmt.Fprintf(w, " %d workers / 1 worker on one core (GOMAXPROCS=1) = %.2f×.", top, best[top]/bestOneCore)
		}
		if bestCayley[false] > 0 {
			fmt.Fprintf(w, " Write path / Cayley bulk load = %.0f%% with the same store options (target ≥ 80%%).", 100*bestWrite/bestCayley[false])
		}
		if bestCayley[true] > 0 {
			fmt.Fprintf(w, " Against \"upfront\": %.0f%%.", 100*bestWrite/bestCayley[true])
		}
		fmt.Fprintln(w)
	}
}

// rss writes peak RSS and, in parentheses, the peaks of its parts.
func rss(m measure) string {
	return fmt.Sprintf("%d (%d + %d)", m.maxRSS>>20, m.maxAnon>>20, m.maxFile>>20)
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

func quote(args []string) string {
	out := make([]string, len(args))
	for i, a := range args {
		if strings.ContainsAny(a, " \t") {
			a = `"` + a + `"`
		}
		out[i] = a
	}
	return strings.Join(out, " ")
}

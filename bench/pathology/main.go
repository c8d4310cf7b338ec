// Command pathology writes the hostile and odd inputs of
// internal/pathology to a folder and measures dossier ingest on each: wall
// time, CPU time, peak RSS (getrusage of the child, so the loaded models are
// included), both per megabyte of input, the exit status, whether it
// panicked, and the first lines it wrote to stderr. With -baseline it runs
// a second binary (main's, say) on the same files in the same run, each
// kind back to back.
//
// Each input is ingested into a fresh store that already holds the example
// article (as a user's second ingest would be; -seed=false for an empty
// store, which bulk loads). A run past -timeout is killed and reported as
// such.
//
// With -signal it measures interrupts instead: for each kind, it starts an
// ingest, sends SIGTERM (or -sig INT) after each of -after ("write" in
// -after: once the progress shows a document extracted and not yet
// written, so during its write), and reports the time from the signal to
// the process's exit; then it runs the same ingest again to completion and
// checks that the graph (every quad, `dossier export --format nquads`,
// sorted) equals that of an uninterrupted ingest into a store seeded the
// same way.
//
// Run it from the module root:
//
//	go run ./bench/pathology -mb 10 -baseline /tmp/dossier-main
//	go run ./bench/pathology -signal -kinds long-sentence,claim-sentences -mb 10
//	go run ./bench/pathology -gen -dir /tmp/hostile -mb 10    # only write the inputs
//
// It prints a Markdown report on stdout and progress on stderr.
package main

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"time"

	"github.com/dossier-project/dossier/internal/pathology"
)

// options are the command-line flags.
type options struct {
	bin, baseline string
	dir           string
	mb            float64
	kinds         map[string]bool
	timeout       time.Duration
	baseTimeout   time.Duration
	seed          bool
	signal        bool
	sig           syscall.Signal
	after         []time.Duration // a negative delay: during the write
	workers       int
	keep          bool
	genOnly       bool
	corpus        string
}

func main() {
	var o options
	var kinds, after, sig string
	flag.StringVar(&o.bin, "bin", "", "dossier binary to measure (default: build ./cmd/dossier)")
	flag.StringVar(&o.baseline, "baseline", "", "a second dossier binary to measure beside it (e.g. main's)")
	flag.StringVar(&o.dir, "dir", "", "folder for the inputs and stores (default: a new temporary folder)")
	flag.Float64Var(&o.mb, "mb", 0, "make every kind that scales this many megabytes (0: the size the issue reported)")
	flag.StringVar(&kinds, "kinds", "", "comma-separated kinds to run (default: all)")
	flag.DurationVar(&o.timeout, "timeout", 2*time.Minute, "kill an ingest that runs longer")
	flag.DurationVar(&o.baseTimeout, "baseline-timeout", 0, "kill the baseline's ingest after this long (0: -timeout)")
	flag.BoolVar(&o.seed, "seed", true, "ingest the example article into each store first")
	flag.BoolVar(&o.signal, "signal", false, "measure the time from a signal to exit, and the resumed ingest")
	flag.StringVar(&sig, "sig", "TERM", "with -signal: TERM or INT")
	flag.StringVar(&after, "after", "1s,3s", `with -signal: comma-separated delays before the signal, or "write": once a document is extracted and not yet written`)
	flag.IntVar(&o.workers, "workers", 2, "ingest --workers")
	flag.BoolVar(&o.keep, "keep", false, "keep the folder")
	flag.StringVar(&o.corpus, "corpus", "", "with -signal: also interrupt an ingest of this corpus (a file or folder of ordinary news)")
	flag.BoolVar(&o.genOnly, "gen", false, "only write the inputs into -dir/inputs (kept), and measure nothing")
	flag.Parse()
	o.kinds = map[string]bool{}
	for _, k := range strings.Split(kinds, ",") {
		if k != "" {
			if _, ok := pathology.Find(k); !ok {
				fatal(fmt.Errorf("unknown kind %q", k))
			}
			o.kinds[k] = true
		}
	}
	for _, a := range strings.Split(after, ",") {
		if a == "write" {
			o.after = append(o.after, atWrite)
			continue
		}
		d, err := time.ParseDuration(a)
		if err != nil {
			fatal(err)
		}
		o.after = append(o.after, d)
	}
	switch sig {
	case "TERM":
		o.sig = syscall.SIGTERM
	case "INT":
		o.sig = syscall.SIGINT
	default:
		fatal(fmt.Errorf("-sig %q: TERM or INT", sig))
	}
	if err := run(&o); err != nil {
		fatal(err)
	}
}

func fatal(err error) {
	fmt.Fprintln(os.Stderr, "pathology:", err)
	os.Exit(1)
}

func run(o *options) error {
	if o.dir == "" {
		d, err := os.MkdirTemp("", "pathology-")
		if err != nil {
			return err
		}
		o.dir = d
	}
	if !o.keep && !o.genOnly {
		defer os.RemoveAll(o.dir)
	}
	if o.bin == "" && !o.genOnly {
		o.bin = filepath.Join(o.dir, "dossier")
		fmt.Fprintln(os.Stderr, "building", o.bin)
		if out, err := exec.Command("go", "build", "-o", o.bin, "./cmd/dossier").CombinedOutput(); err != nil {
			return fmt.Errorf("build: %v\n%s", err, out)
		}
	}
	inputs := filepath.Join(o.dir, "inputs")
	if err := os.MkdirAll(inputs, 0o755); err != nil {
		return err
	}
	var kinds []pathology.Kind
	for _, k := range pathology.Kinds() {
		if len(o.kinds) > 0 && !o.kinds[k.Name] {
			continue
		}
		size := k.Size
		if k.Scales && o.mb > 0 {
			size = int(o.mb * (1 << 20))
		}
		data := k.Gen(size)
		if err := os.WriteFile(filepath.Join(inputs, k.File), data, 0o644); err != nil {
			return err
		}
		kinds = append(kinds, k)
	}
	if o.genOnly {
		fmt.Println("inputs written to", inputs)
		return nil
	}
	host, _ := os.Hostname()
	load, _ := os.ReadFile("/proc/loadavg")
	fmt.Printf("pathology: %s, %s, load %s, -mb %g, -timeout %s, seeded %v, workers %d\n\n",
		host, time.Now().Format("2006-01-02 15:04"), strings.Join(strings.Fields(string(load))[:3], " "), o.mb, o.timeout, o.seed, o.workers)
	if o.signal {
		return runSignals(o, kinds, inputs)
	}
	bins := []string{o.bin}
	if o.baseline != "" {
		bins = append(bins, o.baseline)
	}
	fmt.Println("| kind | binary | input MB | exit | wall s | CPU s | peak RSS MB | store MB | s/MB | RSS MB/MB | panic | stderr (first line) |")
	fmt.Println("|---|---|---|---|---|---|---|---|---|---|---|---|")
	for _, k := range kinds {
		path := filepath.Join(inputs, k.File)
		st, err := os.Stat(path)
		if err != nil {
			return err
		}
		mb := float64(st.Size()) / (1 << 20)
		for bi, bin := range bins {
			fmt.Fprintf(os.Stderr, "%s with %s ...\n", k.Name, bin)
			store := filepath.Join(o.dir, fmt.Sprintf("store-%s-%d", k.Name, bi))
			if o.seed {
				if err := seed(bin, store); err != nil {
					return err
				}
			}
			limit := o.timeout
			if bi > 0 && o.baseTimeout > 0 {
				limit = o.baseTimeout
			}
			m := ingest(bin, store, path, o.workers, limit, 0, 0)
			storeMB := float64(dirSize(store)) / (1 << 20)
			os.RemoveAll(store)
			name := "this"
			if bi > 0 {
				name = "baseline"
			}
			exit := fmt.Sprint(m.exit)
			if m.killed {
				exit = "killed (timeout)"
			}
			perMB := func(v float64) string {
				if mb < 0.01 {
					return "–"
				}
				return fmt.Sprintf("%.2f", v/mb)
			}
			fmt.Printf("| %s | %s | %.2f | %s | %.1f | %.1f | %.0f | %.0f | %s | %s | %v | %s |\n", k.Name, name, mb, exit,
				m.wall.Seconds(), m.cpu.Seconds(), m.rssMB, storeMB, perMB(m.wall.Seconds()), perMB(m.rssMB), m.panicked, firstLine(m.stderr))
		}
	}
	return nil
}

// dirSize returns the bytes of the files under dir (the store: bolt maps
// its file 1 GiB at a time but writes only what it uses, so this is the
// space the file really takes on disk).
func dirSize(dir string) int64 {
	var n int64
	filepath.Walk(dir, func(_ string, fi os.FileInfo, err error) error {
		if err == nil && !fi.IsDir() {
			if st, ok := fi.Sys().(*syscall.Stat_t); ok {
				n += st.Blocks * 512
			} else {
				n += fi.Size()
			}
		}
		return nil
	})
	return n
}

// seed ingests the example article into a new store.
func seed(bin, store string) error {
	cmd := exec.Command(bin, "--store", store, "ingest", "--progress=none", "examples/kaspersky-2017-10-24.txt")
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("seed %s: %v\n%s", store, err, out)
	}
	return nil
}

// measurement is one ingest's outcome.
type measurement struct {
	exit     int
	killed   bool
	wall     time.Duration
	cpu      time.Duration // user + system
	rssMB    float64
	panicked bool
	stderr   string
	toExit   time.Duration // from the signal to exit, when one was sent
	signaled bool          // the signal was sent before the process ended
}

// atWrite, as a delay in options.after, sends the signal once the
// progress shows a document extracted and not yet written.
const atWrite time.Duration = -1

// ingest runs bin ingest on path into store; with after > 0 it sends sig
// after that long (with after == atWrite, once a document waits for or is
// in its write) and measures the time to exit.
func ingest(bin, store, path string, workers int, timeout, after time.Duration, sig syscall.Signal) measurement {
	progress := "none"
	if after == atWrite {
		progress = "json"
	}
	cmd := exec.Command(bin, "--store", store, "ingest", "--progress="+progress, fmt.Sprintf("--workers=%d", workers), path)
	var stderr bytes.Buffer
	cmd.Stdout = io.Discard
	writing := make(chan struct{})
	var scanned chan struct{}
	if after == atWrite {
		pr, pw := io.Pipe()
		cmd.Stderr = pw
		scanned = make(chan struct{})
		go func() {
			defer close(scanned)
			sc := bufio.NewScanner(pr)
			sc.Buffer(make([]byte, 64<<10), 1<<20)
			sent := false
			for sc.Scan() {
				var c struct{ Extracted, Written, Duplicates int64 }
				if line := sc.Bytes(); json.Unmarshal(line, &c) != nil {
					stderr.Write(line)
					stderr.WriteByte('\n')
				} else if !sent && c.Extracted > c.Written+c.Duplicates {
					sent = true
					close(writing)
				}
			}
			io.Copy(io.Discard, pr)
		}()
		defer pw.Close()
	} else {
		cmd.Stderr = &stderr
	}
	var m measurement
	start := time.Now()
	if err := cmd.Start(); err != nil {
		return measurement{exit: -1, stderr: err.Error()}
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	var err error
	var sent time.Time
	var sigC <-chan time.Time
	var writeC <-chan struct{}
	if after > 0 {
		sigC = time.After(after)
	} else if after == atWrite {
		writeC = writing
	}
	signal := func() {
		sent = time.Now()
		m.signaled = true
		cmd.Process.Signal(sig)
	}
	kill := time.After(timeout)
wait:
	for {
		select {
		case err = <-done:
			break wait
		case <-sigC:
			signal()
		case <-writeC:
			writeC = nil
			signal()
		case <-kill:
			m.killed = true
			cmd.Process.Kill()
			err = <-done
			break wait
		}
	}
	end := time.Now()
	if scanned != nil {
		cmd.Stderr.(*io.PipeWriter).Close()
		<-scanned
	}
	m.wall = end.Sub(start)
	if !sent.IsZero() {
		m.toExit = end.Sub(sent)
	}
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		m.exit = ee.ExitCode()
	} else if err != nil {
		m.exit = -1
	}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok && ru != nil {
		m.rssMB = float64(ru.Maxrss) / 1024 // kilobytes on Linux
		m.cpu = time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
	}
	m.stderr = stderr.String()
	m.panicked = strings.Contains(m.stderr, "panic:") || strings.Contains(m.stderr, "goroutine ")
	return m
}

// firstLine returns the first line of s, shortened, with pipes escaped,
// and how many more lines there were.
func firstLine(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return ""
	}
	lines := strings.Split(s, "\n")
	l := lines[0]
	if len(l) > 140 {
		l = l[:140] + "…"
	}
	l = strings.ReplaceAll(l, "|", `\|`)
	if len(lines) > 1 {
		l += fmt.Sprintf(" (+%d lines)", len(lines)-1)
	}
	return l
}

// runSignals measures the time from a signal to exit for each kind and
// delay, then resumes and compares the graph with an uninterrupted run.
func runSignals(o *options, kinds []pathology.Kind, inputs string) error {
	if len(o.kinds) == 0 {
		kinds = nil // only the kinds asked for, and the corpus
		for _, k := range pathology.Kinds() {
			if k.Name == "long-sentence" || k.Name == "claim-sentences" {
				kinds = append(kinds, k)
			}
		}
	}
	fmt.Println("| kind | signal after | exit | signal to exit s | resumed exit | resumed graph equals uninterrupted |")
	fmt.Println("|---|---|---|---|---|---|")
	type input struct{ name, path string }
	var ins []input
	for _, k := range kinds {
		ins = append(ins, input{k.Name, filepath.Join(inputs, k.File)})
	}
	if o.corpus != "" {
		ins = append(ins, input{"corpus " + filepath.Base(o.corpus), o.corpus})
	}
	for _, k := range ins {
		path := k.path
		ref := filepath.Join(o.dir, "ref-"+strings.ReplaceAll(k.name, " ", "-"))
		if o.seed {
			if err := seed(o.bin, ref); err != nil {
				return err
			}
		}
		fmt.Fprintf(os.Stderr, "%s: uninterrupted ...\n", k.name)
		rm := ingest(o.bin, ref, path, o.workers, o.timeout, 0, 0)
		want, werr := graph(o.bin, ref)
		os.RemoveAll(ref)
		for _, d := range o.after {
			store := filepath.Join(o.dir, "sig-"+strings.ReplaceAll(k.name, " ", "-"))
			if o.seed {
				if err := seed(o.bin, store); err != nil {
					return err
				}
			}
			at := d.String()
			if d == atWrite {
				at = "during the write"
			}
			fmt.Fprintf(os.Stderr, "%s: signal %s ...\n", k.name, at)
			m := ingest(o.bin, store, path, o.workers, o.timeout, d, o.sig)
			toExit := "(finished first)"
			if m.signaled {
				toExit = fmt.Sprintf("%.2f", m.toExit.Seconds())
			}
			if m.killed {
				toExit = "killed (timeout)"
			}
			r := ingest(o.bin, store, path, o.workers, o.timeout, 0, 0)
			got, gerr := graph(o.bin, store)
			os.RemoveAll(store)
			same := "yes: " + want
			switch {
			case werr != nil || rm.killed:
				same = fmt.Sprintf("no reference (exit %d, %v)", rm.exit, werr)
			case gerr != nil:
				same = "export: " + gerr.Error()
			case got != want:
				same = fmt.Sprintf("NO: %s vs %s", got, want)
			}
			fmt.Printf("| %s | %s | %d | %s | %d | %s |\n", k.name, at, m.exit, toExit, r.exit, same)
		}
	}
	return nil
}

// graph returns how many quads store holds and the SHA-256 of its quads
// (dossier export --format nquads), sorted.
func graph(bin, store string) (string, error) {
	out, err := exec.Command(bin, "--store", store, "export", "--format", "nquads").Output()
	if err != nil {
		return "", err
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	sort.Strings(lines)
	sum := sha256.Sum256([]byte(strings.Join(lines, "\n")))
	return fmt.Sprintf("%d quads, %x", len(lines), sum[:6]), nil
}

package pipeline

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/schollz/progressbar/v3"

	"github.com/dossier-project/dossier/extract/source"
)

// ErrUnknownTotal means the number of documents cannot be told without
// reading them: standard input, or a JSON file holding an array.
var ErrUnknownTotal = errors.New("number of documents unknown")

// Count tells cheaply how many items reading paths will give, for an ETA:
// one per file, one per non-blank line of a JSON Lines file (decompressed
// when gzipped), one for a folder holding no file. It follows source.Read's
// rules for folders (hidden names skipped). It returns ErrUnknownTotal for
// standard input and JSON files that are not JSON Lines.
func Count(ctx context.Context, paths []string) (int64, error) {
	var total int64
	for _, p := range paths {
		if p == "-" {
			return 0, ErrUnknownTotal
		}
		info, err := os.Stat(p)
		if err != nil {
			total++ // one error item
			continue
		}
		if !info.IsDir() {
			n, err := countFile(p)
			if err != nil {
				return 0, err
			}
			total += n
			continue
		}
		var files int64
		err = source.WalkFiles(ctx, p, func(q string, err error) error {
			if err != nil {
				total++ // one error item
				return nil
			}
			n, err := countFile(q)
			if err != nil {
				return err
			}
			files += n
			return nil
		})
		if err != nil {
			return 0, err
		}
		if files == 0 {
			files = 1
		}
		total += files
	}
	return total, nil
}

// countFile counts the items of one file: its non-blank lines when it is
// JSON Lines, else 1.
func countFile(path string) (int64, error) {
	name := strings.ToLower(path)
	gz := strings.HasSuffix(name, ".gz")
	name = strings.TrimSuffix(name, ".gz")
	switch filepath.Ext(name) {
	case ".jsonl", ".ndjson":
	case ".json":
		return 0, ErrUnknownTotal
	case ".txt", ".html", ".htm":
		return 1, nil
	default:
		if !gz {
			return countSniffed(path)
		}
	}
	f, err := os.Open(path)
	if err != nil {
		return 1, nil
	}
	defer f.Close()
	var r io.Reader = f
	if gz {
		zr, err := gzip.NewReader(f)
		if err != nil {
			return 1, nil
		}
		defer zr.Close()
		r = zr
	}
	return countLines(r), nil
}

// countSniffed counts a file without a known extension: JSON Lines when it
// starts with "{", unknown when with "[", else one document.
func countSniffed(path string) (int64, error) {
	f, err := os.Open(path)
	if err != nil {
		return 1, nil
	}
	defer f.Close()
	br := bufio.NewReader(f)
	head, _ := br.Peek(512)
	head = bytes.TrimLeft(head, " \t\r\n\ufeff")
	switch {
	case len(head) > 0 && head[0] == '{':
		return countLines(br), nil
	case len(head) > 0 && head[0] == '[':
		return 0, ErrUnknownTotal
	}
	return 1, nil
}

// countLines counts the lines of r holding more than white space; 1 when
// there is none (the error item of an empty file).
func countLines(r io.Reader) int64 {
	var n int64
	br := bufio.NewReaderSize(r, 256<<10)
	blank := true
	for {
		b, err := br.ReadSlice('\n')
		if len(bytes.TrimSpace(b)) > 0 {
			blank = false
		}
		if err != bufio.ErrBufferFull {
			if !blank {
				n++
			}
			blank = true
		}
		if err != nil && err != bufio.ErrBufferFull {
			break
		}
	}
	if n == 0 {
		return 1
	}
	return n
}

// Format is how progress is shown.
type Format int

// Progress formats.
const (
	// None shows nothing.
	None Format = iota
	// Bar draws a progress bar, redrawn in place (for a terminal).
	Bar
	// JSON writes one Event a line, every Interval and once at the end.
	JSON
)

// Interval is how often progress is shown.
const Interval = time.Second

// Event is one JSON progress event; the last one has Done set.
type Event struct {
	Counts
	// Elapsed is the time since the run started, in seconds.
	Elapsed float64 `json:"elapsed"`
	// DocsPerSecond and TokensPerSecond are the extracted documents and
	// their words per second of Elapsed.
	DocsPerSecond   float64 `json:"docs_per_s"`
	TokensPerSecond float64 `json:"tokens_per_s"`
	// WriteSeconds is the time spent writing to the store.
	WriteSeconds float64 `json:"write_s"`
	// Total is the number of items expected, when known.
	Total *int64 `json:"total,omitempty"`
	// ETA is the estimated time left in seconds, when the total is known.
	ETA *float64 `json:"eta,omitempty"`
	// Done marks the final event.
	Done bool `json:"done"`
}

// Progress shows a running pipeline's progress on a writer (stderr).
type Progress struct {
	w      io.Writer
	format Format
	p      *Pipeline
	start  time.Time

	mu      sync.Mutex
	total   int64 // -1: unknown
	stopped bool
	bar     *progressbar.ProgressBar
	stop    chan struct{}
	done    chan struct{}
}

// NewProgress shows p's progress on w in format, from now on, once a
// second until Stop.
func NewProgress(w io.Writer, format Format, p *Pipeline) *Progress {
	pr := &Progress{w: w, format: format, p: p, start: time.Now(), total: -1,
		stop: make(chan struct{}), done: make(chan struct{})}
	if format == Bar {
		pr.bar = progressbar.NewOptions64(-1,
			progressbar.OptionSetWriter(w),
			progressbar.OptionSetDescription("ingest"),
			progressbar.OptionShowCount(),
			progressbar.OptionSetItsString("docs"),
			progressbar.OptionSetElapsedTime(true),
			progressbar.OptionSetPredictTime(true),
			progressbar.OptionSetWidth(24),
			progressbar.OptionThrottle(200*time.Millisecond),
			progressbar.OptionSpinnerType(14),
		)
	}
	go pr.loop()
	return pr
}

// SetTotal sets the number of items expected, which gives an ETA. It may
// be called from any goroutine; after Stop it does nothing.
func (pr *Progress) SetTotal(n int64) {
	pr.mu.Lock()
	defer pr.mu.Unlock()
	if pr.stopped {
		return
	}
	pr.total = n
	if pr.bar != nil {
		pr.bar.ChangeMax64(n)
	}
}

// Println writes a line (an error) to the writer, clearing the bar first
// so that the two do not mix.
func (pr *Progress) Println(line string) {
	pr.mu.Lock()
	defer pr.mu.Unlock()
	if pr.bar != nil {
		pr.bar.Clear()
	}
	fmt.Fprintln(pr.w, line)
}

func (pr *Progress) loop() {
	defer close(pr.done)
	t := time.NewTicker(Interval)
	defer t.Stop()
	if pr.bar != nil {
		// The bar is redrawn more often than events are written.
		t.Reset(Interval / 4)
	}
	for {
		select {
		case <-pr.stop:
			return
		case <-t.C:
			pr.show(false)
		}
	}
}

// Event returns the progress so far as an event.
func (pr *Progress) Event() Event {
	pr.mu.Lock()
	total := pr.total
	pr.mu.Unlock()
	c := pr.p.Counts()
	el := time.Since(pr.start).Seconds()
	e := Event{Counts: c, Elapsed: el, WriteSeconds: c.WriteTime.Seconds()}
	if el > 0 {
		e.DocsPerSecond = float64(c.Extracted) / el
		e.TokensPerSecond = float64(c.Tokens) / el
	}
	if total >= 0 {
		e.Total = &total
		if done := c.Handled(); done > 0 {
			eta := el * float64(max(total-done, 0)) / float64(done)
			e.ETA = &eta
		}
	}
	return e
}

func (pr *Progress) show(final bool) {
	e := pr.Event()
	e.Done = final
	switch pr.format {
	case JSON:
		b, _ := json.Marshal(e)
		pr.mu.Lock()
		pr.w.Write(append(b, '\n'))
		pr.mu.Unlock()
	case Bar:
		pr.mu.Lock()
		defer pr.mu.Unlock()
		desc := fmt.Sprintf("ingest %s docs/s %s tokens/s", human(e.DocsPerSecond), human(e.TokensPerSecond))
		if e.Failed > 0 {
			desc += fmt.Sprintf(", %d failed", e.Failed)
		}
		if stored := e.Skipped + e.Duplicates; stored > 0 {
			desc += fmt.Sprintf(", %d already stored", stored)
		}
		if e.Building {
			desc += ", building the store"
		}
		pr.bar.Describe(desc)
		pr.bar.Set64(e.Handled())
		if final {
			pr.bar.Clear()
			fmt.Fprintf(pr.w, "%s in %s\n", desc, time.Duration(e.Elapsed*float64(time.Second)).Round(100*time.Millisecond))
		}
	}
}

// Stop shows the final progress and stops; call it once.
func (pr *Progress) Stop() {
	close(pr.stop)
	<-pr.done
	pr.show(true)
	pr.mu.Lock()
	pr.stopped = true
	pr.mu.Unlock()
}

// human writes a rate briefly: 12.3, 456, 78.9k, 1.23M.
func human(f float64) string {
	switch {
	case f >= 1e6:
		return fmt.Sprintf("%.2fM", f/1e6)
	case f >= 1e4:
		return fmt.Sprintf("%.1fk", f/1e3)
	case f >= 100:
		return fmt.Sprintf("%.0f", f)
	}
	return fmt.Sprintf("%.1f", f)
}

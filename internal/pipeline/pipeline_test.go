package pipeline

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/dossier-project/dossier/extract"
	"github.com/dossier-project/dossier/extract/source"
	"github.com/dossier-project/dossier/schema"
)

// fakeExtractor returns a minimal result per document and fails documents
// whose text contains "FAIL".
type fakeExtractor struct{ calls atomic.Int64 }

func (x *fakeExtractor) Extract(ctx context.Context, d *schema.Document) (*schema.Result, error) {
	x.calls.Add(1)
	if strings.Contains(d.Text, "FAIL") {
		return nil, &extract.DocError{Doc: d.Path, Err: errors.New("cannot extract")}
	}
	return &schema.Result{Document: *d}, nil
}

// memStore is a Store in a map whose batches are atomic; it records the
// size of each batch. before, when set, runs at the start of each
// WriteBatch and can fail or block it.
type memStore struct {
	mu      sync.Mutex
	docs    map[string]bool
	batches []int
	before  func(ctx context.Context, batch int) error
}

func newMemStore() *memStore { return &memStore{docs: make(map[string]bool)} }

func (s *memStore) Has(_ context.Context, hash string) (bool, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.docs[hash], nil
}

func (s *memStore) WriteBatch(ctx context.Context, rs []*schema.Result) (int, error) {
	if s.before != nil {
		s.mu.Lock()
		n := len(s.batches)
		s.mu.Unlock()
		if err := s.before(ctx, n); err != nil {
			return 0, err
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	for _, r := range rs {
		if !s.docs[r.Document.Hash] {
			s.docs[r.Document.Hash] = true
			n++
		}
	}
	s.batches = append(s.batches, len(rs))
	return n, nil
}

func (s *memStore) len() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.docs)
}

// items returns a Reader of the given texts (a text "ERR" becomes an input
// error), each a document named doc-N.
func items(texts ...string) Reader {
	return func(ctx context.Context) <-chan source.Item {
		ch := make(chan source.Item)
		go func() {
			defer close(ch)
			for i, t := range texts {
				name := fmt.Sprintf("doc-%d", i)
				it := source.Item{Doc: &schema.Document{ID: name, Path: name, Hash: fmt.Sprintf("h-%s", t), Text: t}}
				if t == "ERR" {
					it = source.Item{Err: &source.InputError{Path: name, Err: source.ErrEmpty}}
				}
				select {
				case ch <- it:
				case <-ctx.Done():
					return
				}
			}
		}()
		return ch
	}
}

func texts(n int) []string {
	var ts []string
	for i := range n {
		ts = append(ts, fmt.Sprintf("Document number %d says hello.", i))
	}
	return ts
}

func TestRunCountsSkipsAndNamesFailures(t *testing.T) {
	in := append(texts(20), "ERR", "this one should FAIL", "Document number 3 says hello.")
	st := newMemStore()
	x := &fakeExtractor{}
	var errs []string
	p, err := New(Config{Extractor: x, Store: st, Workers: 3, BatchDocs: 7,
		OnError: func(err error) { errs = append(errs, err.Error()) }})
	if err != nil {
		t.Fatal(err)
	}
	if err := p.Run(context.Background(), items(in...)); err != nil {
		t.Fatal(err)
	}
	c := p.Counts()
	// 20 distinct documents; document 3 comes twice and is stored once:
	// its copy is skipped before extraction.
	if c.Items != 23 || c.Written != 20 || c.Failed != 2 || c.Skipped+c.Duplicates != 1 ||
		c.Extracted != 20+c.Duplicates || c.Handled() != 23 {
		t.Errorf("counts %+v", c)
	}
	if st.len() != 20 {
		t.Errorf("stored %d documents, want 20", st.len())
	}
	if c.Tokens != 5*c.Extracted {
		t.Errorf("tokens %d, want %d", c.Tokens, 5*c.Extracted)
	}
	slices.Sort(errs)
	want := []string{"doc-20: empty document", "doc-21: cannot extract"}
	if !slices.Equal(errs, want) {
		t.Errorf("errors %q, want %q", errs, want)
	}
	for _, n := range st.batches {
		if n > 7 {
			t.Errorf("batch of %d documents, want at most 7", n)
		}
	}

	// A second run skips every stored document before extraction.
	x2 := &fakeExtractor{}
	p2, _ := New(Config{Extractor: x2, Store: st, Workers: 2})
	if err := p2.Run(context.Background(), items(texts(20)...)); err != nil {
		t.Fatal(err)
	}
	if c := p2.Counts(); c.Skipped != 20 || c.Written != 0 || x2.calls.Load() != 0 {
		t.Errorf("second run: counts %+v, %d extractions", c, x2.calls.Load())
	}
}

func TestBatchLimits(t *testing.T) {
	for _, tc := range []struct {
		name        string
		docs, quads int
		want        []int
	}{
		{"documents", 10, 0, []int{10, 10, 10, 5}},
		// Each fake result is 5 quads (type, hash, identifier, path,
		// complete): a batch of 3 reaches 14.
		{"quads", 100, 14, []int{3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 2}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			st := newMemStore()
			// One worker keeps the order, so the batches are exact.
			p, _ := New(Config{Extractor: &fakeExtractor{}, Store: st, Workers: 1, BatchDocs: tc.docs, BatchQuads: tc.quads})
			if err := p.Run(context.Background(), items(texts(35)...)); err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(st.batches, tc.want) {
				t.Errorf("batches %v, want %v", st.batches, tc.want)
			}
			if c := p.Counts(); c.Batches != int64(len(tc.want)) || c.Quads != 35*5 {
				t.Errorf("counts %+v", c)
			}
		})
	}
}

func TestMaxDelayWritesAPartialBatch(t *testing.T) {
	st := newMemStore()
	p, _ := New(Config{Extractor: &fakeExtractor{}, Store: st, Workers: 1, MaxDelay: 20 * time.Millisecond})
	release := make(chan struct{})
	read := func(ctx context.Context) <-chan source.Item {
		ch := make(chan source.Item)
		go func() {
			defer close(ch)
			for _, it := range []string{"one", "two"} {
				ch <- source.Item{Doc: &schema.Document{ID: it, Hash: it, Text: it}}
			}
			<-release // the corpus stalls; the two documents must not wait
		}()
		return ch
	}
	done := make(chan error)
	go func() { done <- p.Run(context.Background(), read) }()
	deadline := time.Now().Add(10 * time.Second)
	for st.len() < 2 && time.Now().Before(deadline) {
		time.Sleep(5 * time.Millisecond)
	}
	if st.len() != 2 {
		t.Errorf("stored %d documents while the input stalled, want 2", st.len())
	}
	close(release)
	if err := <-done; err != nil {
		t.Fatal(err)
	}
}

func TestCancelStopsBeforeTheNextBatch(t *testing.T) {
	st := newMemStore()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	st.before = func(_ context.Context, n int) error {
		if n == 1 {
			cancel() // interrupted while the second batch is being written
		}
		return nil
	}
	p, _ := New(Config{Extractor: &fakeExtractor{}, Store: st, Workers: 2, BatchDocs: 5})
	err := p.Run(ctx, items(texts(100)...))
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("Run: %v, want context.Canceled", err)
	}
	// The batch being written lands whole; no batch is written after.
	if len(st.batches) != 2 || st.len() != 10 || p.Counts().Written != 10 {
		t.Errorf("batches %v, %d stored, counts %+v", st.batches, st.len(), p.Counts())
	}
}

func TestStoreErrorStopsTheRun(t *testing.T) {
	st := newMemStore()
	boom := errors.New("disk full")
	st.before = func(context.Context, int) error { return boom }
	p, _ := New(Config{Extractor: &fakeExtractor{}, Store: st, Workers: 2, BatchDocs: 3})
	if err := p.Run(context.Background(), items(texts(1000)...)); !errors.Is(err, boom) {
		t.Fatalf("Run: %v, want %v", err, boom)
	}
	if c := p.Counts(); c.Items >= 1000 || c.Written != 0 {
		t.Errorf("the run went on after the store failed: %+v", c)
	}
	// The error names the inputs: the document whose hash the store's
	// error gives, else the batch's documents.
	st.before = func(_ context.Context, _ int) error {
		return fmt.Errorf("index: document h-%s: key too large", texts(5)[4])
	}
	p, _ = New(Config{Extractor: &fakeExtractor{}, Store: st, Workers: 1, BatchDocs: 10})
	if err := p.Run(context.Background(), items(texts(5)...)); err == nil || !strings.HasPrefix(err.Error(), "doc-4: index: document") {
		t.Errorf("Run: %v, want it to name doc-4", err)
	}
	p, _ = New(Config{Extractor: &fakeExtractor{}, Store: st, Workers: 1, BatchDocs: 10})
	st.before = func(context.Context, int) error { return boom }
	if err := p.Run(context.Background(), items(texts(5)...)); err == nil || !strings.Contains(err.Error(), "writing doc-") || !strings.Contains(err.Error(), "and 2 more: disk full") {
		t.Errorf("Run: %v, want it to name the batch", err)
	}
}

// TestBackPressure feeds an endless corpus to a store that never finishes
// a write: the pipeline must stop reading once its bounded buffers are
// full, rather than read the corpus into memory.
func TestBackPressure(t *testing.T) {
	st := newMemStore()
	st.before = func(ctx context.Context, _ int) error { <-ctx.Done(); return ctx.Err() }
	const workers, batch = 2, 4
	p, _ := New(Config{Extractor: &fakeExtractor{}, Store: st, Workers: workers, BatchDocs: batch})
	ctx, cancel := context.WithCancel(context.Background())
	endless := func(ctx context.Context) <-chan source.Item {
		ch := make(chan source.Item)
		go func() {
			defer close(ch)
			for i := 0; ; i++ {
				h := fmt.Sprint(i)
				select {
				case ch <- source.Item{Doc: &schema.Document{ID: h, Hash: h, Text: "endless words"}}:
				case <-ctx.Done():
					return
				}
			}
		}()
		return ch
	}
	done := make(chan error)
	go func() { done <- p.Run(ctx, endless) }()
	// Wait until reading stops (nothing read for 200 ms) or 5 s pass.
	var n int64
	for still, start := 0, time.Now(); still < 10 && time.Since(start) < 5*time.Second; {
		time.Sleep(20 * time.Millisecond)
		if m := p.Counts().Items; m == n {
			still++
		} else {
			n, still = m, 0
		}
	}
	// docs buffer 8w, results buffer batch+w, one batch in the writer,
	// one document in each worker and in the reader.
	bound := int64(8*workers + batch + workers + batch + workers + 1)
	if n := p.Counts().Items; n > bound || n <= batch {
		t.Errorf("read %d documents with the store blocked; want more than one batch (%d) and at most %d", n, batch, bound)
	}
	cancel()
	if err := <-done; !errors.Is(err, context.Canceled) {
		t.Errorf("Run: %v", err)
	}
}

func TestNoStoreHandsEveryResultOver(t *testing.T) {
	var mu sync.Mutex
	var got []string
	p, _ := New(Config{Extractor: &fakeExtractor{}, Workers: 4, OnResult: func(r *schema.Result) error {
		mu.Lock()
		defer mu.Unlock()
		got = append(got, r.Document.Text)
		return nil
	}})
	in := texts(50)
	if err := p.Run(context.Background(), items(in...)); err != nil {
		t.Fatal(err)
	}
	slices.Sort(got)
	slices.Sort(in)
	if !slices.Equal(got, in) {
		t.Errorf("got %d results, want %d", len(got), len(in))
	}
}

func TestNewRejectsBadConfig(t *testing.T) {
	if _, err := New(Config{}); err == nil {
		t.Error("no extractor: no error")
	}
	if _, err := New(Config{Extractor: &fakeExtractor{}, Workers: -1}); err == nil {
		t.Error("negative workers: no error")
	}
	p, _ := New(Config{Extractor: &fakeExtractor{}})
	if err := p.Run(context.Background(), items()); err != nil {
		t.Fatal(err)
	}
	if err := p.Run(context.Background(), items()); err == nil {
		t.Error("second Run: no error")
	}
}

func TestWords(t *testing.T) {
	for s, want := range map[string]int{
		"":                      0,
		"  ":                    0,
		"Kaspersky Lab denies.": 3,
		"U.S. GDP rose 2.5%":    6,
		"naïve café, Zürich":    3,
		"東京 and Москва":         3,
	} {
		if got := Words(s); got != want {
			t.Errorf("Words(%q) = %d, want %d", s, got, want)
		}
	}
}

func writeFile(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestCountMatchesRead checks Count against the items source.Read gives
// for the same inputs.
func TestCountMatchesRead(t *testing.T) {
	dir := t.TempDir()
	jsonl := "{\"text\": \"One.\"}\n\n{\"text\": \"Two.\"}\n{bad\n{\"text\": \"Three.\"}"
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte(jsonl + "\n"))
	zw.Close()
	writeFile(t, filepath.Join(dir, "corpus", "a.txt"), []byte("A text."))
	writeFile(t, filepath.Join(dir, "corpus", "b.html"), []byte("<html><body><p>A page.</p></body></html>"))
	writeFile(t, filepath.Join(dir, "corpus", "sub", "c.jsonl"), []byte(jsonl))
	writeFile(t, filepath.Join(dir, "corpus", "sub", "d.jsonl.gz"), gz.Bytes())
	writeFile(t, filepath.Join(dir, "corpus", "sub", "records"), []byte(jsonl))
	writeFile(t, filepath.Join(dir, "corpus", ".hidden.txt"), []byte("Hidden."))
	writeFile(t, filepath.Join(dir, "corpus", "empty.txt"), nil)
	writeFile(t, filepath.Join(dir, "one.txt"), []byte("Alone."))
	if err := os.MkdirAll(filepath.Join(dir, "nothing"), 0o755); err != nil {
		t.Fatal(err)
	}
	paths := []string{filepath.Join(dir, "corpus"), filepath.Join(dir, "one.txt"), filepath.Join(dir, "nothing"), filepath.Join(dir, "missing.txt")}
	got, err := Count(context.Background(), paths)
	if err != nil {
		t.Fatal(err)
	}
	want := 0
	for range source.Read(context.Background(), paths, nil) {
		want++
	}
	if got != int64(want) || want != 18 {
		t.Errorf("Count = %d, source.Read gave %d items (want 18)", got, want)
	}
	for _, p := range []string{"-", filepath.Join(dir, "x.json")} {
		writeFile(t, filepath.Join(dir, "x.json"), []byte(`[{"text": "A."}]`))
		if _, err := Count(context.Background(), []string{p}); !errors.Is(err, ErrUnknownTotal) {
			t.Errorf("Count(%s): %v, want ErrUnknownTotal", p, err)
		}
	}
}

func TestProgressJSON(t *testing.T) {
	var buf syncBuffer
	p, _ := New(Config{Extractor: &fakeExtractor{}, Store: newMemStore(), Workers: 2})
	pr := NewProgress(&buf, JSON, p)
	pr.SetTotal(31)
	if err := p.Run(context.Background(), items(append(texts(30), "ERR")...)); err != nil {
		t.Fatal(err)
	}
	pr.Stop()
	lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
	var e struct {
		Items, Written, Failed, Tokens, Total int64
		ETA                                   *float64
		Done                                  bool
	}
	if err := json.Unmarshal([]byte(lines[len(lines)-1]), &e); err != nil {
		t.Fatalf("last line %q: %v", lines[len(lines)-1], err)
	}
	if !e.Done || e.Items != 31 || e.Written != 30 || e.Failed != 1 || e.Tokens != 150 || e.Total != 31 || e.ETA == nil || *e.ETA != 0 {
		t.Errorf("final event %s", lines[len(lines)-1])
	}
}

// syncBuffer is a bytes.Buffer safe for the progress goroutine.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.String()
}

// slowFirst extracts like fakeExtractor but holds back the document named
// doc-1, so that a later copy of its text would finish first.
type slowFirst struct{ fakeExtractor }

func (x *slowFirst) Extract(ctx context.Context, d *schema.Document) (*schema.Result, error) {
	if d.ID == "doc-1" {
		time.Sleep(50 * time.Millisecond)
	}
	return x.fakeExtractor.Extract(ctx, d)
}

// idStore records the ID each content hash was first written with.
type idStore struct {
	mu  sync.Mutex
	ids map[string]string
}

func (s *idStore) Has(_ context.Context, hash string) (bool, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	_, ok := s.ids[hash]
	return ok, nil
}

func (s *idStore) WriteBatch(_ context.Context, rs []*schema.Result) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	for _, r := range rs {
		if _, ok := s.ids[r.Document.Hash]; !ok {
			s.ids[r.Document.Hash] = r.Document.ID
			n++
		}
	}
	return n, nil
}

// TestFirstCopyWins checks that of two documents with the same text the
// one read first is stored, whichever worker finishes first: a corpus that
// holds one story under two IDs gives the same graph on every run.
func TestFirstCopyWins(t *testing.T) {
	in := []string{"Alpha.", "Same story.", "Beta.", "Gamma.", "Same story.", "Delta."}
	st := &idStore{ids: make(map[string]string)}
	p, err := New(Config{Extractor: &slowFirst{}, Store: st, Workers: 4, BatchDocs: 1})
	if err != nil {
		t.Fatal(err)
	}
	if err := p.Run(context.Background(), items(in...)); err != nil {
		t.Fatal(err)
	}
	if got := st.ids["h-Same story."]; got != "doc-1" {
		t.Errorf("stored the copy %q of the twice-read text, want doc-1 (the first read)", got)
	}
	if c := p.Counts(); c.Skipped != 1 || c.Written != 5 || c.Handled() != 6 {
		t.Errorf("counts %+v, want 1 skipped, 5 written, 6 handled", c)
	}
}

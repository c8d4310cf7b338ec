// Package pipeline runs dossier's corpus-scale ingest: a bounded pipeline of
// one reader, N extraction workers and one batching writer.
//
// The shape is restic's ParallelList: an errgroup with a context, a producer
// that closes its channel, workers, and cancellation of everything on the
// first error or when the caller's context is cancelled (SIGINT, SIGTERM).
//
//		reader ──docs──▶ N workers ──results──▶ writer ──WriteBatch──▶ store
//
//	  - The reader takes documents from the source and skips those the store
//	    already holds (by content hash) before they are extracted, so a rerun
//	    of an interrupted ingest costs one lookup per stored document.
//	  - Workers extract documents in parallel; a document that fails is
//	    reported through Config.OnError, naming its input, and the run goes on.
//	  - The writer collects results into batches (Config.BatchDocs documents
//	    or Config.BatchQuads quads, whichever comes first, or whatever has
//	    waited Config.MaxDelay) and writes each batch in one transaction.
//
// Every channel is bounded, so a slow store holds the workers back and a
// slow extraction holds the reader back: memory stays flat on any corpus.
// When the context is cancelled the writer stops before its next batch; a
// batch being written is one transaction and either lands whole or not at
// all, so a run that is interrupted (or killed) leaves no half-written
// document, and running it again completes the corpus.
package pipeline

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/sync/errgroup"

	"github.com/dossier-project/dossier/extract/source"
	"github.com/dossier-project/dossier/graph"
	"github.com/dossier-project/dossier/schema"
)

// Store is where the pipeline writes. *graph.Store satisfies it.
type Store interface {
	// Has reports whether the document with this content hash is stored.
	Has(ctx context.Context, hash string) (bool, error)
	// WriteBatch writes results in one transaction, skipping documents
	// already stored, and returns how many it wrote.
	WriteBatch(ctx context.Context, rs []*schema.Result) (int, error)
}

var _ Store = (*graph.Store)(nil)

// Preparer is a Store that can do part of a write in the workers, in
// parallel: Prepare readies one result for WriteBatch and returns how
// many quads it stores. *graph.Store satisfies it.
type Preparer interface {
	Prepare(r *schema.Result) (int, error)
}

var _ Preparer = (*graph.Store)(nil)

// Finisher is a Store that stages what it is given and stores it at the
// end of the run: a bolt store bulk loading (graph.Store.BeginBulk).
// The pipeline calls FinishBulk once every batch is written, unless the
// run was cancelled, and counts its time as write time.
type Finisher interface {
	FinishBulk(ctx context.Context) error
}

var _ Finisher = (*graph.Store)(nil)

// Extractor extracts one document. It must be safe for concurrent use;
// *extract.Extractor is.
type Extractor interface {
	Extract(ctx context.Context, doc *schema.Document) (*schema.Result, error)
}

// Reader starts reading the corpus and returns its items; it must close
// the channel when done and stop early when ctx is cancelled, as
// source.Read does.
type Reader func(ctx context.Context) <-chan source.Item

// Paths returns the Reader of source.Read over paths ("-" reads stdin).
func Paths(paths []string, stdin io.Reader) Reader { return PathsWith(source.Options{}, paths, stdin) }

// PathsWith is Paths reading with options (a forced encoding).
func PathsWith(o source.Options, paths []string, stdin io.Reader) Reader {
	return func(ctx context.Context) <-chan source.Item { return o.Read(ctx, paths, stdin) }
}

// Defaults of Config's zero values.
const (
	DefaultBatchDocs  = 256
	DefaultBatchQuads = 20000
	DefaultMaxDelay   = 5 * time.Second
)

// Config configures a Pipeline. Zero values mean the defaults.
type Config struct {
	// Extractor extracts each document; required.
	Extractor Extractor
	// Store receives the results; nil means results only go to OnResult.
	Store Store
	// Workers is the number of extraction workers (default
	// runtime.NumCPU()).
	Workers int
	// BatchDocs and BatchQuads bound a write transaction: a batch is
	// written when it holds BatchDocs documents or BatchQuads quads
	// (defaults DefaultBatchDocs, DefaultBatchQuads).
	BatchDocs, BatchQuads int
	// MaxDelay is the longest a result waits for its batch to fill before
	// the batch is written anyway (default DefaultMaxDelay), which bounds
	// the work a killed run loses.
	MaxDelay time.Duration
	// OnResult, when set, is called for each result from the writer
	// goroutine (one call at a time, in no particular order), after the
	// batch holding it was written. An error stops the run.
	OnResult func(*schema.Result) error
	// OnError, when set, is called for each input or document that failed
	// (an *source.InputError or *extract.DocError, both naming the input),
	// one call at a time. The run goes on.
	OnError func(error)
	// OnWarning, when set, is called for each warning of a document that
	// was extracted (schema.Result.Warnings: the encoding assumed, bytes
	// replaced, a sentence cut), with the document's name (its path, and
	// "#N" for the Nth line of a JSON Lines file), one call at a time.
	OnWarning func(doc, warning string)
}

// Counts are a run's counters. Once every item has been handled, Items =
// Skipped + Extracted + Failed and Extracted = Written + Duplicates.
type Counts struct {
	// Items is how many items the source gave: documents and failed inputs.
	Items int64 `json:"items"`
	// Skipped documents were not extracted: stored already, or a later
	// copy of a text the run had read already.
	Skipped int64 `json:"skipped"`
	// Duplicates were extracted but found stored by WriteBatch: written
	// meanwhile by another process.
	Duplicates int64 `json:"duplicates"`
	// Extracted documents went through extraction without error.
	Extracted int64 `json:"extracted"`
	// Written documents are stored.
	Written int64 `json:"written"`
	// Failed inputs and documents were reported to OnError.
	Failed int64 `json:"failed"`
	// Tokens is the number of words (runs of letters or digits) in the
	// extracted documents.
	Tokens int64 `json:"tokens"`
	// Quads is the number of quads written.
	Quads int64 `json:"quads"`
	// Batches is the number of write transactions.
	Batches int64 `json:"batches"`
	// WriteTime is the time spent in Store.WriteBatch and FinishBulk.
	WriteTime time.Duration `json:"-"`
	// Building is set while a bulk-loading store builds itself from what
	// it staged (Finisher).
	Building bool `json:"building,omitempty"`
}

// Handled is the number of items handled so far.
func (c Counts) Handled() int64 { return c.Skipped + c.Extracted + c.Failed }

// Pipeline is one ingest run. Its counters can be read while it runs.
type Pipeline struct {
	cfg                                                                 Config
	items, skipped, dups, extracted, written, failed, tokens, quads, nb atomic.Int64
	writeTime                                                           atomic.Int64
	building                                                            atomic.Bool
	errMu                                                               sync.Mutex
	ran                                                                 atomic.Bool
}

// New checks cfg and returns a Pipeline.
func New(cfg Config) (*Pipeline, error) {
	if cfg.Extractor == nil {
		return nil, errors.New("pipeline: no extractor")
	}
	if cfg.Workers < 0 || cfg.BatchDocs < 0 || cfg.BatchQuads < 0 || cfg.MaxDelay < 0 {
		return nil, errors.New("pipeline: negative workers, batch size or delay")
	}
	if cfg.Workers == 0 {
		cfg.Workers = runtime.NumCPU()
	}
	if cfg.BatchDocs == 0 {
		cfg.BatchDocs = DefaultBatchDocs
	}
	if cfg.BatchQuads == 0 {
		cfg.BatchQuads = DefaultBatchQuads
	}
	if cfg.MaxDelay == 0 {
		cfg.MaxDelay = DefaultMaxDelay
	}
	return &Pipeline{cfg: cfg}, nil
}

// Counts returns a snapshot of the counters; it is safe to call while Run
// runs.
func (p *Pipeline) Counts() Counts {
	return Counts{
		Items: p.items.Load(), Skipped: p.skipped.Load(), Duplicates: p.dups.Load(), Extracted: p.extracted.Load(),
		Written: p.written.Load(), Failed: p.failed.Load(), Tokens: p.tokens.Load(),
		Quads: p.quads.Load(), Batches: p.nb.Load(), WriteTime: time.Duration(p.writeTime.Load()), Building: p.building.Load(),
	}
}

// result is an extracted document on its way to the writer.
type result struct {
	res   *schema.Result
	quads int
}

// Run reads the corpus from read and runs it through the pipeline until
// the corpus is done, ctx is cancelled or a fatal error happens (a store
// or OnResult error; a failed document is not fatal). It returns ctx's
// error when cancelled. A Pipeline runs once.
func (p *Pipeline) Run(ctx context.Context, read Reader) error {
	if p.ran.Swap(true) {
		return errors.New("pipeline: Run called twice")
	}
	cfg := p.cfg
	g, ctx := errgroup.WithContext(ctx)
	items := read(ctx)
	// The reader checks each document against the store, and a write
	// holds the store's lock for its whole transaction: the documents
	// read ahead are what the workers extract meanwhile. Two batches'
	// worth keeps them busy through a write.
	docs := make(chan *schema.Document, max(8*cfg.Workers, 2*cfg.BatchDocs))
	results := make(chan result, cfg.BatchDocs+cfg.Workers)

	// Reader: count, report failed inputs, skip stored documents and the
	// later copies of a text the run has read already: the first in input
	// order is the one stored, with its own ID, path and metadata, however
	// the workers happen to finish (a corpus may hold the same story twice
	// under two IDs).
	g.Go(func() error {
		defer close(docs)
		seen := make(map[[16]byte]struct{})
		for it := range items {
			p.items.Add(1)
			if it.Err != nil {
				p.fail(it.Err)
				continue
			}
			if cfg.Store != nil {
				sum := sha256.Sum256([]byte(it.Doc.Hash))
				k := [16]byte(sum[:16])
				if _, dup := seen[k]; dup {
					p.skipped.Add(1)
					continue
				}
				seen[k] = struct{}{}
				ok, err := cfg.Store.Has(ctx, it.Doc.Hash)
				if err != nil {
					return fmt.Errorf("check %s: %w", docName(it.Doc), err)
				}
				if ok {
					p.skipped.Add(1)
					continue
				}
			}
			select {
			case docs <- it.Doc:
			case <-ctx.Done():
				return ctx.Err()
			}
		}
		return ctx.Err()
	})

	// Workers: extract.
	var live atomic.Int32
	live.Store(int32(cfg.Workers))
	for range cfg.Workers {
		g.Go(func() error {
			defer func() {
				if live.Add(-1) == 0 {
					close(results)
				}
			}()
			for doc := range docs {
				res, err := cfg.Extractor.Extract(ctx, doc)
				if err != nil {
					if ctx.Err() != nil {
						return ctx.Err()
					}
					p.fail(err)
					continue
				}
				if cfg.OnWarning != nil && len(res.Warnings) > 0 {
					p.errMu.Lock()
					for _, w := range res.Warnings {
						cfg.OnWarning(docName(doc), w)
					}
					p.errMu.Unlock()
				}
				r := result{res: res}
				if pr, ok := cfg.Store.(Preparer); ok {
					if r.quads, err = pr.Prepare(res); err != nil {
						p.fail(fmt.Errorf("%s: %w", docName(doc), err))
						continue
					}
				} else if cfg.Store != nil {
					r.quads = len(graph.Quads(res))
				}
				p.extracted.Add(1)
				p.tokens.Add(int64(Words(doc.Text)))
				select {
				case results <- r:
				case <-ctx.Done():
					return ctx.Err()
				}
			}
			return nil
		})
	}

	// Writer: batch and write.
	g.Go(func() error { return p.write(ctx, results) })
	return g.Wait()
}

// write collects results into batches and writes them until results is
// closed or ctx is cancelled; a cancelled run writes no further batch.
func (p *Pipeline) write(ctx context.Context, results <-chan result) error {
	cfg := p.cfg
	var batch []*schema.Result
	quads := 0
	timer := time.NewTimer(cfg.MaxDelay)
	timer.Stop()
	defer timer.Stop()
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		if cfg.Store != nil {
			start := time.Now()
			n, err := cfg.Store.WriteBatch(ctx, batch)
			p.writeTime.Add(int64(time.Since(start)))
			if err != nil {
				return batchError(batch, err)
			}
			p.nb.Add(1)
			p.written.Add(int64(n))
			p.dups.Add(int64(len(batch) - n))
			if n == len(batch) {
				p.quads.Add(int64(quads))
			} else {
				// The same text twice in a run, or stored meanwhile by
				// another process: which ones WriteBatch skipped is not
				// known, so count the written share.
				p.quads.Add(int64(quads * n / len(batch)))
			}
		}
		if cfg.OnResult != nil {
			for _, r := range batch {
				if err := cfg.OnResult(r); err != nil {
					return err
				}
			}
		}
		clear(batch)
		batch, quads = batch[:0], 0
		return nil
	}
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-timer.C:
			if err := flush(); err != nil {
				return err
			}
		case r, ok := <-results:
			if !ok {
				if err := flush(); err != nil {
					return err
				}
				return p.finish(ctx)
			}
			if len(batch) == 0 {
				timer.Reset(cfg.MaxDelay)
			}
			batch = append(batch, r.res)
			quads += r.quads
			if cfg.Store == nil || len(batch) >= cfg.BatchDocs || quads >= cfg.BatchQuads {
				timer.Stop()
				if err := flush(); err != nil {
					return err
				}
			}
		}
	}
}

// finish has a bulk-loading store build what it staged.
func (p *Pipeline) finish(ctx context.Context) error {
	f, ok := p.cfg.Store.(Finisher)
	if !ok {
		return nil
	}
	p.building.Store(true)
	defer p.building.Store(false)
	start := time.Now()
	err := f.FinishBulk(ctx)
	p.writeTime.Add(int64(time.Since(start)))
	return err
}

// fail counts a failed input or document and reports it.
func (p *Pipeline) fail(err error) {
	p.failed.Add(1)
	if p.cfg.OnError != nil {
		p.errMu.Lock()
		defer p.errMu.Unlock()
		p.cfg.OnError(err)
	}
}

// batchError names the inputs of a batch that could not be written: the
// document the store's error names by its hash when there is one, else
// the batch's documents (the first few).
func batchError(batch []*schema.Result, err error) error {
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	msg := err.Error()
	for _, r := range batch {
		if h := r.Document.Hash; h != "" && strings.Contains(msg, h) {
			return fmt.Errorf("%s: %w", docName(&r.Document), err)
		}
	}
	names := make([]string, 0, 3)
	for _, r := range batch[:min(len(batch), 3)] {
		names = append(names, docName(&r.Document))
	}
	if len(batch) > 3 {
		names = append(names, fmt.Sprintf("and %d more", len(batch)-3))
	}
	return fmt.Errorf("writing %s: %w", strings.Join(names, ", "), err)
}

// docName names a document in errors: its path, else its ID.
func docName(d *schema.Document) string {
	if d.Path != "" {
		return d.Path
	}
	return d.ID
}

// Words counts the words of s: maximal runs of letters, digits and marks.
// It is the token count the pipeline reports.
func Words(s string) int {
	n, in := 0, false
	for i := 0; i < len(s); {
		c := s[i]
		var word bool
		if c < utf8.RuneSelf {
			word = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
			i++
		} else {
			r, size := utf8.DecodeRuneInString(s[i:])
			word = unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
			i += size
		}
		if word && !in {
			n++
		}
		in = word
	}
	return n
}

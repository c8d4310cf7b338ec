package cli

import (
	"context"
	"fmt"
	"os"
	"runtime/debug"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/dossier-project/dossier/config"
	"github.com/dossier-project/dossier/internal/pipeline"
)

// progressFormats are the values of ingest --progress.
var progressFormats = map[string]bool{"auto": true, "bar": true, "json": true, "none": true}

func (a *app) ingestCmd() *cobra.Command {
	var show, bulk bool
	var progress string
	var batch, batchQuads int
	cmd := &cobra.Command{
		Use:   "ingest PATH...",
		Short: "Extract documents and store them in the graph",
		Long: `ingest reads each PATH like extract does and writes what it finds into the store
(--store, default ./dossier.db, created if missing).

Documents are extracted in parallel by --workers workers (default: the number of
cores; DOSSIER_WORKERS or "workers:" in the config file) and written in batches of
--batch documents or --batch-quads quads, whichever comes first, each batch in one
transaction. A document is identified by the SHA-256 of its text: one
already stored is skipped before extraction, so ingesting the same text again changes
nothing. An interrupted ingest (Ctrl-C, SIGTERM, even kill -9) leaves no half-written
document; run the same command again to finish the corpus.

Into a new bolt store, ingest bulk loads (--bulk, on by default): the batches are staged
in bulk.journal in the store folder, and once the corpus is read the store is built from
them in key order (all of Reuters-21578: about 17 s this way on 2 cores, 73 s batch by batch;
BENCHMARKS.md). Until then the store reads as empty ("dossier stats" shows how many
documents are staged); an interrupted bulk load carries on where it stopped when the same
command is run again (with or without --bulk). After 16 million staged quads the store is
built and the rest is written batch by batch. --bulk=false writes a new store batch by
batch from the start.

Progress goes to stderr: --progress=auto (the default) draws a bar with documents/s,
tokens (words)/s, failures so far and, when the number of documents can be counted
up front (files, folders, JSON Lines), the ETA; it shows nothing when stderr is not
a terminal or with --quiet. --progress=json writes one JSON object a line, once a
second and once at the end (with "done": true):
  {"items","skipped","duplicates","extracted","written","failed","tokens","quads","batches",
   "building","elapsed","docs_per_s","tokens_per_s","write_s","total","eta","done"}
"building" is true while a bulk load builds the store.
"total" and "eta" are absent when the total is unknown (standard input, .json arrays).

ingest keeps the Go heap under a soft limit of 400 MiB so that peak memory stays
flat on a large corpus; set GOMEMLIMIT to choose another.

A document that cannot be read or extracted gets one line on stderr naming its input
(and its line, for JSON Lines); the others are still ingested and the exit status is 3.
A document read with a warning (not UTF-8, so read as Windows-1252 or Latin-1; bad bytes
replaced; a stretch of over 256 tokens with no sentence boundary, cut) gets a line
"PATH: warning: ..." on stderr (not with --quiet) and is ingested. --encoding forces
the character encoding of every input.

SIGINT or SIGTERM stops an ingest within a second or two, mid-document too: no further
batch is written, the store stays consistent, and the same command run again finishes
the corpus. A second signal ends the process at once. At the end ingest prints
"ingested N documents into STORE (M already stored)" on stdout, or, when a bulk load
was interrupted before its build, how many documents it staged.`,
		Example: `  dossier ingest --show examples/kaspersky-2017-10-24.txt
  dossier --store /data/news.db ingest corpus/
  dossier ingest --workers 2 --progress=json reuters21578.jsonl 2> progress.jsonl`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, paths []string) error {
			if !progressFormats[progress] {
				return &UsageError{fmt.Errorf("--progress: %q is not auto, bar, json or none", progress)}
			}
			if batch < 1 || batchQuads < 1 {
				return &UsageError{fmt.Errorf("--batch %d, --batch-quads %d: both must be positive", batch, batchQuads)}
			}
			return a.ingest(cmd.Context(), paths, show, bulk, progress, batch, batchQuads)
		},
	}
	cmd.Flags().BoolVar(&show, "show", false, "also print what was found in each new document")
	cmd.Flags().Int("workers", config.Default().Workers, "extraction workers (one per core unless set)")
	cmd.Flags().IntVar(&batch, "batch", pipeline.DefaultBatchDocs, "documents per write transaction, at most")
	cmd.Flags().IntVar(&batchQuads, "batch-quads", pipeline.DefaultBatchQuads, "quads per write transaction: a batch ends when it reaches this many")
	cmd.Flags().BoolVar(&bulk, "bulk", true, "build a new, empty bolt store in key order once the corpus is read, rather than batch by batch")
	cmd.Flags().StringVar(&progress, "progress", "auto", "progress on stderr: auto (a bar on a terminal), bar, json or none")
	return cmd
}

// memoryLimit is ingest's soft limit on the Go heap when GOMEMLIMIT is
// not set. A write keeps some 200 MB live at its peak (bolt's pages for
// the batch and its page pool, the NER model); with the default GOGC the
// heap would grow to twice that before each collection, and the pages of
// the store file that a batch maps take the process past 1 GB resident.
// Measured on all of Reuters-21578 (BENCHMARKS.md, "Dossier's own
// writer"): peak RSS 1,030 MB with 768 MiB, 958 MB with this limit.
const memoryLimit = 400 << 20

func (a *app) ingest(ctx context.Context, paths []string, show, bulk bool, progress string, batch, batchQuads int) error {
	if os.Getenv("GOMEMLIMIT") == "" {
		defer debug.SetMemoryLimit(debug.SetMemoryLimit(memoryLimit))
	}
	x, err := a.extractorContext(ctx)
	if err != nil {
		return err
	}
	st, err := a.openStore(ctx, true)
	if err != nil {
		return err
	}
	defer st.Close()
	if bulk {
		if _, err := st.BeginBulk(); err != nil {
			return err
		}
	}

	var pr *pipeline.Progress
	report := func(err error) { a.errorf("%v", err) }
	warn := func(doc, w string) { a.warnf("%s: warning: %s", doc, w) }
	cfg := pipeline.Config{Extractor: x, Store: st, Workers: a.cfg.Workers, BatchDocs: batch, BatchQuads: batchQuads,
		OnError: func(err error) { report(err) }, OnWarning: func(doc, w string) { warn(doc, w) }}
	if show {
		cfg.OnResult = a.printResult
	}
	p, err := pipeline.New(cfg)
	if err != nil {
		return err
	}
	if f := a.progressFormat(progress); f != pipeline.None {
		pr = pipeline.NewProgress(a.stderr, f, p)
		report = func(err error) { pr.Println("dossier: " + err.Error()) }
		if !a.cfg.Quiet {
			warn = func(doc, w string) { pr.Println("dossier: " + doc + ": warning: " + w) }
		}
		countCtx, cancel := context.WithCancel(ctx)
		defer cancel()
		go func() {
			if n, err := pipeline.Count(countCtx, paths); err == nil {
				pr.SetTotal(n)
			}
		}()
	}
	runErr := p.Run(ctx, pipeline.PathsWith(a.read, paths, a.stdin))
	if pr != nil {
		pr.Stop()
	}
	c := p.Counts()
	if staged, ok := st.Bulk(); ok {
		// Interrupted before the build: nothing is readable yet.
		fmt.Fprintf(a.stdout, "staged %s for %s (%d staged before), not built yet: run the same command again to finish the bulk load\n",
			plural(int(c.Written), "document"), st, staged-int(c.Written))
	} else {
		fmt.Fprintf(a.stdout, "ingested %s into %s (%d already stored)\n", plural(int(c.Written), "document"), st, c.Skipped+c.Duplicates)
	}
	if runErr == nil && c.Failed > 0 {
		runErr = &PartialError{Failed: int(c.Failed), Total: int(c.Items)}
	}
	return runErr
}

// progressFormat resolves --progress: auto is a bar when stderr is a
// terminal and --quiet is off. An explicit bar or json is honoured.
func (a *app) progressFormat(flag string) pipeline.Format {
	switch flag {
	case "json":
		return pipeline.JSON
	case "bar":
		return pipeline.Bar
	case "auto":
		if f, ok := a.stderr.(*os.File); ok && !a.cfg.Quiet && term.IsTerminal(int(f.Fd())) {
			return pipeline.Bar
		}
	}
	return pipeline.None
}

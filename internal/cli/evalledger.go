package cli

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"os"
	"runtime"
	"slices"
	"strings"

	"golang.org/x/sync/errgroup"

	"github.com/spf13/cobra"

	"github.com/dossier-project/dossier/extract"
	"github.com/dossier-project/dossier/graph"
	"github.com/dossier-project/dossier/internal/gold"
	"github.com/dossier-project/dossier/schema"
)

func (a *app) evalLedgerCmd() *cobra.Command {
	var corpus, split string
	var background string
	var clusters []string
	var errs, threads, rules bool
	cmd := &cobra.Command{
		Use:   "ledger GOLD.json [GOLD.json...] --corpus FILE",
		Short: "Score the allegations ledger against story clusters annotated by hand",
		Long: `eval ledger reads the articles of GOLD.json (the format of
internal/gold/ledger/) from the corpus FILE, extracts them, stores them in a
store in memory, builds the allegations ledger and scores it against the gold,
for each split of the gold's story clusters (dev, test...) and for all of them.
Several gold files (of different clusters) are extracted into one store and
scored together, as one would a corpus:

  allegation precision and recall  sentences that carry an allegation
  answers found as claims          denials and acknowledgements found at all
  answer-link precision and recall links from an answer to an allegation of a
                                   thread it answers, within and across articles
  cross-document link precision    the same, for links between two articles
  answers linked                   gold answers with at least one right link
  found, not linked                the answers found but linked to nothing they
                                   answer, by where an allegation of their thread
                                   was found: nowhere, only in other articles, or
                                   in their own article (then the linker missed
                                   it); and how many are linked to something else
  allegation target accuracy       of the allegations whose sentence holds a gold
                                   allegation, those whose target is one of its
                                   gold targets by name: the target entity's name
                                   or an alias, case-folded, without a legal suffix
                                   (Inc, Corp, Co...), equal to a gold name or
                                   standing in it as whole words ("Toshiba" in
                                   "Toshiba Machine employees"); a country's people
                                   word opening it ("Japan": "Japanese chip
                                   makers"); an acronym of either name equal to
                                   the other or standing in it ("NIOC", "EC
                                   officials"). An allegation without a target is
                                   wrong; --errors lists the wrong ones
  thread pair precision and recall pairs of allegations put in one thread

The gold holds document IDs and offsets only: the text is read from FILE, and
each document must have the SHA-256 the gold records. --errors lists every
miss and false alarm of the split chosen with --split (an unlinked answer
with where its thread was found, in brackets), and --threads the
threads made of its documents, each allegation with the gold threads of
its span in braces ({-}: none): tune on dev only. A split named "test" is
scored as figures only: its errors and threads are never listed. --rules
lists, for each rule of the linker (the first clause of a link's reason,
without its names), its links and how many are right: figures, so on any
split, to see which rules hold on stories they were not written on. --cluster
scores the named story clusters alone (their articles only are extracted and
threaded), one cluster's figures or a group's.

--background FILE stores the other documents of FILE (a file or folder of any
input ingest reads; the gold's own documents are skipped) beside the gold's,
unscored: threads, links and entity ties then meet the other stories a user's
store holds, as the annotated clusters alone never do: threads that grow
through a hub (a country accused of many things) show only there. A link to
an allegation of such a document is neither right nor wrong by the gold: it
is counted on a line of its own.`,
		Example: `  dossier eval ledger internal/gold/ledger/reuters21578.json --corpus ../shared/data/news/reuters21578.jsonl
  dossier eval ledger internal/gold/ledger/reuters21578.json --corpus reuters21578.jsonl --split dev --errors
  dossier eval ledger internal/gold/ledger/reuters21578.json --corpus reuters21578.jsonl --cluster marines,toshiba
  dossier eval ledger internal/gold/ledger/reuters21578.json internal/gold/ledger/reuters21578-test.json --corpus reuters21578.jsonl
  dossier eval ledger internal/gold/ledger/reuters21578.json --corpus reuters21578.jsonl --background others.jsonl`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			if corpus == "" {
				return &UsageError{fmt.Errorf("eval ledger: --corpus FILE is required")}
			}
			var gs []*gold.Ledger
			for _, name := range args {
				fh, err := os.Open(name)
				if err != nil {
					return err
				}
				g, err := gold.ReadLedger(fh)
				fh.Close()
				if err != nil {
					return fmt.Errorf("%s: %w", name, err)
				}
				gs = append(gs, g)
			}
			g, err := gold.MergeLedgers(args, gs)
			if err != nil {
				return &UsageError{fmt.Errorf("eval ledger: %w", err)}
			}
			name := strings.Join(args, ", ")
			if len(clusters) > 0 {
				if g, err = g.Only(clusters); err != nil {
					return &UsageError{fmt.Errorf("eval ledger: %s: %w", name, err)}
				}
			}
			sys, err := a.ledgerSystem(ctx, g, corpus, background)
			if err != nil {
				return err
			}
			splits := g.Splits()
			if split != "" && !slices.Contains(splits, split) {
				return &UsageError{fmt.Errorf("eval ledger: %s has no split %q (it has %s)", name, split, strings.Join(splits, ", "))}
			}
			if (errs || threads) && (split == "" && slices.Contains(splits, gold.TestSplit) || split == gold.TestSplit) {
				return &UsageError{fmt.Errorf("eval ledger: the %s split is scored as figures only; --errors and --threads need --split with another split", gold.TestSplit)}
			}
			if len(splits) > 1 {
				splits = append(splits, "")
			}
			var scores []gold.LedgerScore
			for _, s := range splits {
				if split != "" && s != split {
					continue
				}
				scores = append(scores, gold.ScoreLedger(g, sys, s))
			}
			gold.WriteLedgerScores(a.stdout, scores)
			if rules {
				gold.WriteLedgerRules(a.stdout, scores)
			}
			if threads {
				splits := g.DocSplits()
				for _, t := range sys.Threads {
					// A thread is listed when one of its reports is in
					// the split's documents; a report of a document
					// outside the gold (--background) is marked {bg}.
					listed := false
					for _, k := range t {
						s, ok := splits[sys.Claims[k].Doc]
						listed = listed || ok && (split == "" || s == split)
					}
					if !listed {
						continue
					}
					fmt.Fprintf(a.stdout, "\nthread %s\n", sys.Claims[t[0]].Thread)
					for _, k := range t {
						c := sys.Claims[k]
						gt := strings.Join(g.ThreadsAt(c.Doc, c.Start, c.End), ",")
						if _, ok := splits[c.Doc]; !ok {
							gt = "bg"
						} else if gt == "" {
							gt = "-"
						}
						fmt.Fprintf(a.stdout, "  %s %d-%d {%s} [%s -> %s] %s\n", c.Doc, c.Start, c.End, gt, c.Claimant, c.Target, shorten(c.Text, 140))
					}
				}
			}
			if errs {
				for _, s := range scores {
					fmt.Fprintf(a.stdout, "\n%s: %d errors\n", s.Split, len(s.Errors))
					for _, e := range s.Errors {
						fmt.Fprintln(a.stdout, e)
					}
				}
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&corpus, "corpus", "", "the corpus that holds the gold's documents (JSON Lines)")
	cmd.Flags().StringVar(&split, "split", "", "score one split only (dev, test...)")
	cmd.Flags().StringSliceVar(&clusters, "cluster", nil, "score these story clusters alone (IDs, comma-separated)")
	cmd.Flags().BoolVar(&errs, "errors", false, "list every miss and false alarm")
	cmd.Flags().BoolVar(&rules, "rules", false, "list the links each rule made and how many are right (figures: any split)")
	cmd.Flags().BoolVar(&threads, "threads", false, "list the threads the ledger made of the chosen split's documents")
	cmd.Flags().StringVar(&background, "background", "", "also store the documents of this file or folder (those not in the gold), unscored, as a user's store holds other stories beside the ones annotated")
	return cmd
}

// ledgerSystem extracts the gold's documents from the corpus into a store
// in memory and reads back the allegations ledger. With a background file
// or folder it then stores the documents there that are not the gold's,
// so that threads, links and entity ties meet the other stories a user's
// store holds; they are not scored.
func (a *app) ledgerSystem(ctx context.Context, g *gold.Ledger, corpus, background string) (*gold.LedgerSystem, error) {
	want := make(map[string]string) // document ID -> SHA-256
	for _, c := range g.Clusters {
		for _, d := range c.Docs {
			want[d.ID] = d.SHA256
		}
	}
	x, err := a.extractor()
	if err != nil {
		return nil, err
	}
	st, err := graph.Open(ctx, "memory", &graph.Options{Create: true})
	if err != nil {
		return nil, err
	}
	defer st.Close()
	others := maps.Clone(want)
	var rs []*schema.Result
	err = gold.ReadCorpusDocs(ctx, corpus, a.stdin, want, func(doc *schema.Document) error {
		res, err := x.Extract(ctx, doc)
		rs = append(rs, res)
		return err
	})
	if err != nil {
		return nil, err
	}
	if _, err := st.WriteBatch(ctx, rs); err != nil {
		return nil, err
	}
	// The gold's documents go first: a copy of one under another ID is
	// then the one skipped as already stored.
	if background != "" {
		if err := storeOthers(ctx, x, st, background, others); err != nil {
			return nil, fmt.Errorf("eval ledger: --background %s: %w", background, err)
		}
	}
	return readLedgerSystem(ctx, st)
}

// storeOthers extracts the documents of path whose IDs are not keys of
// skip on one worker a core and stores them in the order read, a batch at
// a time.
func storeOthers(ctx context.Context, x *extract.Extractor, st *graph.Store, path string, skip map[string]string) error {
	const batch = 256
	var docs []*schema.Document
	flush := func() error {
		rs := make([]*schema.Result, len(docs))
		g, gctx := errgroup.WithContext(ctx)
		g.SetLimit(runtime.GOMAXPROCS(0))
		for i, d := range docs {
			g.Go(func() error {
				r, err := x.Extract(gctx, d)
				if err != nil {
					return fmt.Errorf("%s: %w", d.ID, err)
				}
				rs[i] = r
				return nil
			})
		}
		if err := g.Wait(); err != nil {
			return err
		}
		docs = docs[:0]
		_, err := st.WriteBatch(ctx, rs)
		return err
	}
	err := gold.ReadOthers(ctx, path, skip, func(d *schema.Document) error {
		docs = append(docs, d)
		if len(docs) == batch {
			return flush()
		}
		return nil
	})
	if err != nil {
		return err
	}
	return flush()
}

// readLedgerSystem reads the ledger of a store as the scorer sees it.
func readLedgerSystem(ctx context.Context, st *graph.Store) (*gold.LedgerSystem, error) {
	sys := &gold.LedgerSystem{Claims: make(map[string]gold.SysClaim)}
	add := func(c graph.ClaimInfo, thread string) {
		who := c.ClaimantText
		if c.Claimant != nil {
			who = c.Claimant.Name
		}
		if old, ok := sys.Claims[c.IRI]; ok && thread == "" {
			thread = old.Thread
		}
		sys.Claims[c.IRI] = gold.SysClaim{Doc: c.Document.ID, Start: c.Evidence.Start, End: c.Evidence.End,
			Stance: c.Stance, Thread: thread, Text: c.Evidence.Text, Claimant: who}
	}
	cs, err := st.Claims(ctx, graph.ClaimFilter{})
	if err != nil {
		return nil, err
	}
	for _, c := range cs {
		add(c, "")
		switch c.Stance {
		case "deny", "acknowledge":
			sys.Answers = append(sys.Answers, c.IRI)
		}
	}
	ts, err := st.Threads(ctx, graph.ThreadFilter{})
	if err != nil {
		return nil, err
	}
	// The names of each target, its aliases too, read once an entity.
	names := make(map[string][]string)
	targetNames := func(e *graph.EntityRef) ([]string, error) {
		if ns, ok := names[e.ID]; ok {
			return ns, nil
		}
		ns := []string{e.Name}
		info, err := st.Entity(ctx, e.ID)
		if err != nil && !errors.Is(err, graph.ErrNotFound) {
			return nil, err
		}
		for _, a := range info.Aliases {
			if !slices.Contains(ns, a) {
				ns = append(ns, a)
			}
		}
		names[e.ID] = ns
		return ns, nil
	}
	for _, t := range ts {
		var keys []string
		for _, r := range t.Reports {
			add(r, t.ID)
			c := sys.Claims[r.IRI]
			if r.Target != nil {
				c.Target = r.Target.Name
				if c.TargetNames, err = targetNames(r.Target); err != nil {
					return nil, err
				}
			}
			sys.Claims[r.IRI] = c
			sys.Allegations = append(sys.Allegations, r.IRI)
			keys = append(keys, r.IRI)
		}
		sys.Threads = append(sys.Threads, keys)
		for _, l := range t.Answers {
			sys.Links = append(sys.Links, gold.SysLink{From: l.IRI, To: l.Allegation, Score: l.Score, Reason: l.Reason})
		}
	}
	return sys, nil
}

package cli

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/dossier-project/dossier/schema"
)

// batchSize is how many documents go into one store transaction.
const batchSize = 64

func (a *app) ingestCmd() *cobra.Command {
	var show bool
	cmd := &cobra.Command{
		Use:   "ingest PATH...",
		Short: "Extract documents and store them in the graph",
		Long: `ingest reads each PATH like extract does and writes what it finds into the store
(--store, default ./dossier.db, created if missing). A document is identified by
its content: ingesting the same text again changes nothing. Each batch of documents
is written in one transaction, so an interrupted ingest leaves no half-written
document; run the same command again to finish.`,
		Example: `  dossier ingest --show examples/kaspersky-2017-10-24.txt
  dossier --store /data/news.db ingest corpus/`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, paths []string) error {
			ctx := cmd.Context()
			st, err := a.openStore(ctx, true)
			if err != nil {
				return err
			}
			defer st.Close()
			var batch []*schema.Result
			written, seen := 0, 0
			flush := func() error {
				n, err := st.WriteBatch(ctx, batch)
				written += n
				batch = batch[:0]
				return err
			}
			_, runErr := a.each(ctx, paths, func(r *schema.Result) error {
				seen++
				if show {
					if err := a.printResult(r); err != nil {
						return err
					}
				}
				batch = append(batch, r)
				if len(batch) >= batchSize {
					return flush()
				}
				return nil
			})
			if err := flush(); err != nil && runErr == nil {
				runErr = err
			}
			fmt.Fprintf(a.stdout, "ingested %s into %s (%d already stored)\n", plural(written, "document"), st, seen-written)
			return runErr
		},
	}
	cmd.Flags().BoolVar(&show, "show", false, "also print what was found in each document")
	return cmd
}

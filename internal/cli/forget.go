package cli

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/dossier-project/dossier/graph"
)

func (a *app) forgetCmd() *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "forget DOC... [--json]",
		Short: "Remove documents and every fact they alone supported",
		Long: `forget removes each named document (its ID, the path it was read from, its
content hash, or a hash prefix of
at least 6 characters, as "dossier claims --doc" and exports print them) from the
store: its sentences, mentions, claims, relations and acronym ties. An entity
that only these documents mentioned goes with them; one that other documents
mention keeps what those said. Ingesting the document again restores it.`,
		Example: `  dossier forget reuters21578/42
  dossier forget 3fa2c81b9d0e`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			st, err := a.openStore(ctx, false)
			if err != nil {
				return err
			}
			defer st.Close()
			var gone []graph.DocInfo
			for _, ref := range args {
				d, err := st.Forget(ctx, ref)
				if err != nil {
					return err
				}
				gone = append(gone, d)
				if !asJSON {
					fmt.Fprintf(a.stdout, "forgot %s  %s  %s\n", d.ID, d.Hash[:12], d.Title)
				}
			}
			if asJSON {
				return a.writeJSON(gone)
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the removed documents as JSON")
	return cmd
}

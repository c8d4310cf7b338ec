package cli

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/dossier-project/dossier/graph"
)

func (a *app) allegationsCmd() *cobra.Command {
	var about string
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "allegations [--about NAME] [--json]",
		Short: "The allegations ledger: each allegation, who made and carried it, who denied it",
		Long: `allegations lists every allegation with who made it, the outlet that carried it,
its status and every claim that answers it (denials, acknowledgements), each with
its evidence sentence. The status (alleged, denied, contested, acknowledged) is
derived from the answers when asked: a denial never erases an allegation.`,
		Example: `  dossier allegations
  dossier allegations --about "Kaspersky Lab" --json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			return a.withStore(ctx, func(st *graph.Store) error {
				id := ""
				if about != "" {
					e, err := resolve(ctx, st, about)
					if err != nil {
						return err
					}
					id = e.ID
				}
				as, err := st.Allegations(ctx, id)
				if err != nil {
					return err
				}
				if asJSON {
					if as == nil {
						as = []graph.Allegation{}
					}
					return a.writeJSON(as)
				}
				if len(as) == 0 {
					fmt.Fprintln(a.stdout, "no allegations")
				}
				for i, al := range as {
					who := al.ClaimantText
					if al.Claimant != nil {
						who = al.Claimant.Name
					}
					fmt.Fprintf(a.stdout, "%d. [%s] %s %s: %s\n", i+1, strings.ToUpper(al.Status), orDash(who), al.Cue.Text, shorten(al.Content.Text, 160))
					if al.Channel != nil {
						fmt.Fprintf(a.stdout, "   carried by %s\n", al.Channel.Name)
					}
					fmt.Fprintf(a.stdout, "   “%s”\n   %s, %s\n", shorten(al.Evidence.Text, 300), orDash(string(al.Date)), al.Document.ID)
					for _, r := range al.Responses {
						rw := r.ClaimantText
						if r.Claimant != nil {
							rw = r.Claimant.Name
						}
						fmt.Fprintf(a.stdout, "   answered: [%s] %s %s", r.Stance, orDash(rw), r.Cue.Text)
						if r.Channel != nil {
							fmt.Fprintf(a.stdout, " (to %s)", r.Channel.Name)
						}
						fmt.Fprintf(a.stdout, "\n     “%s”\n", shorten(r.Evidence.Text, 300))
					}
					fmt.Fprintln(a.stdout)
				}
				return nil
			})
		},
	}
	cmd.Flags().StringVar(&about, "about", "", "only allegations about this entity")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}

package cli

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/dossier-project/dossier/graph"
)

func (a *app) queryCmd() *cobra.Command {
	var lang string
	var limit int
	var timeout time.Duration
	cmd := &cobra.Command{
		Use:   "query [--lang gizmo|graphql|mql] QUERY",
		Short: "Run a query in one of Cayley's languages over the store",
		Long: `query runs QUERY (or standard input when QUERY is -) in Gizmo (JavaScript-like,
the default), GraphQL or MQL and prints the results as JSON. Node IRIs and
predicates are those documented in the README, e.g. <http://schema.org/name>.`,
		Example: `  dossier query 'g.V().Has("<http://schema.org/name>", "Eugene Kaspersky").In("<https://dossier-project.github.io/ns#claimant>").Out("<https://dossier-project.github.io/ns#stance>").All()'
  dossier query --lang graphql '{ nodes(<http://schema.org/name>: "FSB") { id } }'`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			q := args[0]
			if q == "-" {
				b, err := io.ReadAll(io.LimitReader(a.stdin, 1<<20))
				if err != nil {
					return fmt.Errorf("reading query from stdin: %w", err)
				}
				q = string(b)
			}
			if strings.TrimSpace(q) == "" {
				return &UsageError{fmt.Errorf("empty query")}
			}
			return a.withStore(cmd.Context(), func(st *graph.Store) error {
				res, err := st.Query(cmd.Context(), lang, q, graph.QueryOptions{Limit: limit, Timeout: timeout})
				if err != nil {
					return err
				}
				return a.writeJSON(res)
			})
		},
	}
	cmd.Flags().StringVar(&lang, "lang", "gizmo", "query language: gizmo, graphql or mql")
	cmd.Flags().IntVar(&limit, "limit", 1000, "most results to print")
	cmd.Flags().DurationVar(&timeout, "timeout", 30*time.Second, "stop the query after this long")
	return cmd
}

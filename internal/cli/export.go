package cli

import (
	"fmt"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/dossier-project/dossier/export"
	"github.com/dossier-project/dossier/graph"
	"github.com/dossier-project/dossier/internal/view"
)

func formatNames() string {
	var ns []string
	for _, f := range export.Formats() {
		ns = append(ns, f.Name)
	}
	return strings.Join(ns, ", ")
}

func (a *app) exportCmd() *cobra.Command {
	var format, out string
	cmd := &cobra.Command{
		Use:   "export [--format F] [-o FILE]",
		Short: "Export the graph for Gephi, Cytoscape, yEd, Graphviz, Neo4j, sigma.js, D3 or RDF tools",
		Long: `export writes the stored graph: one node per entity, one edge per relation and per
claim (from the claimant to each entity the claim is about) with the stance, cue,
evidence sentence, document and allegation status on it. nquads and jsonld write
every stored quad, with the document each came from as its graph label.

Formats: ` + formatNames() + `.
Without --format the format is taken from the extension of -o. Without -o the
export goes to standard output (not for neo4j-csv, which writes a folder). A file
is written to a temporary name and renamed when complete, so a failed export
leaves nothing half-written.`,
		Example: `  dossier export -o graph.graphml
  dossier export --format dot | dot -Tsvg > graph.svg
  dossier export --format neo4j-csv -o neo4j-import/`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			var f *export.Format
			var ok bool
			switch {
			case format != "":
				if f, ok = export.Lookup(format); !ok {
					return &UsageError{fmt.Errorf("--format %q: unknown (known: %s)", format, formatNames())}
				}
			case out != "":
				if f, ok = export.ByExtension(out); !ok {
					return &UsageError{fmt.Errorf("-o %s: cannot tell the format from the extension; give --format (%s)", out, formatNames())}
				}
			default:
				return &UsageError{fmt.Errorf("give --format or -o FILE with a known extension")}
			}
			if f.Dir && out == "" {
				return &UsageError{fmt.Errorf("--format %s writes a folder: give -o DIR", f.Name)}
			}
			ctx := cmd.Context()
			return a.withStore(ctx, func(st *graph.Store) error {
				g := &view.Graph{St: st}
				if out == "" || out == "-" {
					return f.Write(ctx, a.stdout, g, export.Options{})
				}
				if err := export.WriteFile(ctx, out, f, g, export.Options{}); err != nil {
					return err
				}
				if fi, err := os.Stat(out); err == nil && !fi.IsDir() {
					a.warnf("wrote %s (%s, %d bytes)", out, f.Name, fi.Size())
				}
				return nil
			})
		},
	}
	cmd.Flags().StringVar(&format, "format", "", "output format: "+formatNames())
	cmd.Flags().StringVarP(&out, "output", "o", "", "output file (folder for neo4j-csv); default standard output")
	return cmd
}

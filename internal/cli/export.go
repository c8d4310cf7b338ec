package cli

import (
	"fmt"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/dossier-project/dossier/export"
	"github.com/dossier-project/dossier/graph"
	"github.com/dossier-project/dossier/internal/view"
	"github.com/dossier-project/dossier/schema"
)

func formatNames() string {
	var ns []string
	for _, f := range export.Formats() {
		ns = append(ns, f.Name)
	}
	return strings.Join(ns, ", ")
}

func (a *app) exportCmd() *cobra.Command {
	var format, out, entity, since, until, stance, typ, claimsAs string
	var depth, minMentions int
	cmd := &cobra.Command{
		Use:   "export [--format F] [-o FILE]",
		Short: "Export the graph for Gephi, Cytoscape, yEd, Graphviz, Neo4j, sigma.js, D3 or RDF tools",
		Long: `export writes the stored graph: one node per entity, one edge per relation and per
claim (from the claimant to each entity the claim is about) with the stance, cue,
evidence sentence, document and allegation status on it. nquads and jsonld write
every stored quad, with the document each came from as its graph label.

Formats: ` + formatNames() + `.

Filters (all formats but nquads and jsonld, which are always the whole store):
--entity NAME --depth N keeps a neighbourhood; --since/--until keep claims and
relations dated within them; --stance keeps claims of one stance; --type keeps
entities of one type; --min-mentions drops rarely named entities. --claims nodes
makes every claim a node linked to its claimant, what it is about and its channel.
Without --format the format is taken from the extension of -o. Without -o the
export goes to standard output (not for neo4j-csv, which writes a folder). A file
is written to a temporary name and renamed when complete, so a failed export
leaves nothing half-written.`,
		Example: `  dossier export -o graph.graphml
  dossier export --format dot | dot -Tsvg > graph.svg
  dossier export --format neo4j-csv -o neo4j-import/
  dossier export -o kaspersky.gexf --entity "Eugene Kaspersky" --depth 2
  dossier export --format cyjs --claims nodes --stance deny > denials.cyjs`,
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
			vf := view.Filter{Depth: depth, Stance: stance, Type: typ, MinMentions: minMentions}
			switch claimsAs {
			case "edges":
			case "nodes":
				vf.ClaimsAsNodes = true
			default:
				return &UsageError{fmt.Errorf("--claims %q: want edges or nodes", claimsAs)}
			}
			if stance != "" && !schema.Stance(stance).Valid() {
				return &UsageError{fmt.Errorf("--stance %q: want one of %s", stance, schema.StanceList())}
			}
			switch typ {
			case "", schema.Person, schema.Organization, schema.Place, schema.Misc:
			default:
				return &UsageError{fmt.Errorf("--type %q: want Person, Organization, Place or Misc", typ)}
			}
			if depth < 0 || depth > 10 {
				return &UsageError{fmt.Errorf("--depth %d: want 0 to 10", depth)}
			}
			for _, d := range []struct {
				flag, val string
				dst       *schema.Date
			}{{"since", since, &vf.Since}, {"until", until, &vf.Until}} {
				if d.val == "" {
					continue
				}
				v, err := schema.ParseDate(d.val)
				if err != nil {
					return &UsageError{fmt.Errorf("--%s: %w", d.flag, err)}
				}
				*d.dst = v
			}
			ctx := cmd.Context()
			return a.withStore(ctx, func(st *graph.Store) error {
				if entity != "" {
					e, err := resolve(ctx, st, entity)
					if err != nil {
						return err
					}
					vf.Entity = e.ID
				}
				g, err := view.New(ctx, st, vf)
				if err != nil {
					return err
				}
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
	fl := cmd.Flags()
	fl.StringVarP(&out, "output", "o", "", "output file (folder for neo4j-csv); default standard output")
	fl.StringVar(&entity, "entity", "", "only the neighbourhood of this entity")
	fl.IntVar(&depth, "depth", 1, "with --entity: how many edges away from it")
	fl.StringVar(&since, "since", "", "only claims and relations dated on or after (YYYY, YYYY-MM or YYYY-MM-DD)")
	fl.StringVar(&until, "until", "", "only claims and relations dated on or before")
	fl.StringVar(&stance, "stance", "", "only claims of this stance ("+schema.StanceList()+")")
	fl.StringVar(&typ, "type", "", "only entities of this type")
	fl.IntVar(&minMentions, "min-mentions", 0, "only entities mentioned at least this often")
	fl.StringVar(&claimsAs, "claims", "edges", "claims as edges (claimant to what it is about) or as nodes")
	return cmd
}

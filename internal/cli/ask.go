package cli

import (
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/dossier-project/dossier/graph"
	"github.com/dossier-project/dossier/schema"
)

// edgeWords describes an edge in a few words: "denies (about)", "based in".
func edgeWords(e graph.Edge) string {
	if e.Kind == graph.EdgeRelation {
		return e.Label
	}
	w := e.Label
	if e.Cue.Text != "" {
		w = e.Cue.Text + " [" + e.Label + "]"
	}
	if e.Role != "" {
		w += " (" + e.Role + ")"
	}
	return w
}

func (a *app) neighboursCmd() *cobra.Command {
	var asJSON bool
	var depth, limit int
	cmd := &cobra.Command{
		Use:     "neighbours NAME [--depth N] [--limit N] [--json]",
		Aliases: []string{"neighbors"},
		Short:   "List the entities connected to one, with the claim or relation on each edge",
		Long: `neighbours finds an entity by name, alias or ID and lists the entities within
--depth hops of it (1 to 4), the most connected first, at most --limit of them, and
every edge between them: a relation ("based in") or a claim (its claimant to each
entity it is about, targets, or was made to), each with its evidence sentence and
document. A claim about several entities is an edge to each of them.

--json prints {center, depth, nodes: [entity + depth], edges: [{from, to, kind,
label, role, cue, content, hedges, claim, date, evidence, document}], truncated}.`,
		Example: `  dossier neighbours "Eugene Kaspersky"
  dossier neighbours FSB --depth 2 --json`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if depth < 1 || depth > graph.MaxDepth {
				return &UsageError{fmt.Errorf("--depth %d: want 1 to %d", depth, graph.MaxDepth)}
			}
			if limit < 1 || limit > graph.MaxNodes {
				return &UsageError{fmt.Errorf("--limit %d: want 1 to %d", limit, graph.MaxNodes)}
			}
			ctx := cmd.Context()
			return a.withStore(ctx, func(st *graph.Store) error {
				e, err := resolve(ctx, st, args[0])
				if err != nil {
					return err
				}
				nb, err := st.Neighbours(ctx, e.ID, depth, limit)
				if err != nil {
					return err
				}
				if asJSON {
					return a.writeJSON(nb)
				}
				return a.printNeighbours(nb)
			})
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	cmd.Flags().IntVar(&depth, "depth", 1, "hops from the entity (1 to 4)")
	cmd.Flags().IntVar(&limit, "limit", 50, "most neighbours to list")
	return cmd
}

func (a *app) printNeighbours(nb *graph.Neighbourhood) error {
	w := a.stdout
	c := nb.Nodes[0]
	fmt.Fprintf(w, "%s (%s)  %s within %s\n\n", c.Name, c.Type, plural(len(nb.Nodes)-1, "neighbour"), plural(nb.Depth, "hop"))
	tw := tabwriter.NewWriter(w, 2, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "NEIGHBOUR\tTYPE\tHOPS\tEDGES")
	count := make(map[string]int)
	for _, e := range nb.Edges {
		count[e.From.ID]++
		count[e.To.ID]++
	}
	for _, n := range nb.Nodes[1:] {
		fmt.Fprintf(tw, "%s\t%s\t%d\t%d\n", n.Name, n.Type, n.Depth, count[n.ID])
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if len(nb.Edges) > 0 {
		fmt.Fprintln(w, "\nEdges")
	}
	for _, e := range nb.Edges {
		fmt.Fprintf(w, "  %s —%s→ %s\n    “%s”\n    %s, %s\n", e.From.Name, edgeWords(e), e.To.Name,
			shorten(e.Evidence.Text, 300), orDash(string(e.Date)), e.Document.ID)
	}
	if nb.Truncated {
		fmt.Fprintln(w, "\n(more neighbours than --limit; the most connected are listed)")
	}
	return nil
}

func (a *app) pathCmd() *cobra.Command {
	var asJSON bool
	var hops int
	cmd := &cobra.Command{
		Use:   "path A B [--hops N] [--json]",
		Short: "Show how two entities are connected: the shortest chains, each hop with its evidence",
		Long: `path finds the shortest chains of claims and relations joining entity A to entity
B (by name, alias or ID), at most --hops long (1 to 10), at most 5 chains, and
prints each hop with every edge between its two entities and the evidence sentence.
The exit status is 4 when no chain is that short.

--json prints {from, to, paths: [{hops: [{from, to, edges: [...]}]}]}, with edges
as in neighbours --json.`,
		Example: `  dossier path "Eugene Kaspersky" NSA
  dossier path BSI FSB --hops 3 --json`,
		Args: cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			if hops < 1 || hops > graph.MaxHops {
				return &UsageError{fmt.Errorf("--hops %d: want 1 to %d", hops, graph.MaxHops)}
			}
			ctx := cmd.Context()
			return a.withStore(ctx, func(st *graph.Store) error {
				from, err := resolve(ctx, st, args[0])
				if err != nil {
					return err
				}
				to, err := resolve(ctx, st, args[1])
				if err != nil {
					return err
				}
				if from.ID == to.ID {
					return &UsageError{fmt.Errorf("%q and %q are the same entity (%s)", args[0], args[1], from.ID)}
				}
				ps, err := st.Path(ctx, from.ID, to.ID, hops)
				if err != nil {
					return err
				}
				if asJSON {
					return a.writeJSON(struct {
						From  graph.EntityRef `json:"from"`
						To    graph.EntityRef `json:"to"`
						Paths []graph.Path    `json:"paths"`
					}{graph.EntityRef{ID: from.ID, Name: from.Name}, graph.EntityRef{ID: to.ID, Name: to.Name}, ps})
				}
				for i, p := range ps {
					names := []string{p.Hops[0].From.Name}
					for _, h := range p.Hops {
						names = append(names, h.To.Name)
					}
					fmt.Fprintf(a.stdout, "%d. %s\n", i+1, strings.Join(names, " — "))
					for _, h := range p.Hops {
						fmt.Fprintf(a.stdout, "   %s — %s\n", h.From.Name, h.To.Name)
						for _, e := range h.Edges {
							fmt.Fprintf(a.stdout, "     %s —%s→ %s: “%s” (%s, %s)\n", e.From.Name, edgeWords(e), e.To.Name,
								shorten(e.Evidence.Text, 200), orDash(string(e.Date)), e.Document.ID)
						}
					}
				}
				return nil
			})
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	cmd.Flags().IntVar(&hops, "hops", 4, "longest chain to look for (1 to 10)")
	return cmd
}

func (a *app) mentionsCmd() *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "mentions NAME [--json]",
		Short: "List the documents and sentences that mention an entity",
		Long: `mentions finds an entity by name, alias or ID and prints every document that
mentions it, oldest first, with each sentence that does and the words naming it
(any alias) marked with [brackets].

--json prints [{document, sentences: [{index, sentence, mentions: [{text, start,
end}]}]}]; offsets are code points into the document text.`,
		Example: `  dossier mentions FSB
  dossier mentions "Kaspersky Lab" --json`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			return a.withStore(ctx, func(st *graph.Store) error {
				e, err := resolve(ctx, st, args[0])
				if err != nil {
					return err
				}
				ms, err := st.Mentions(ctx, e.ID)
				if err != nil {
					return err
				}
				if asJSON {
					return a.writeJSON(ms)
				}
				n := 0
				for _, md := range ms {
					n += len(md.Sentences)
				}
				fmt.Fprintf(a.stdout, "%s: %s in %s\n", e.Name, plural(n, "sentence"), plural(len(ms), "document"))
				for _, md := range ms {
					d := md.Document
					fmt.Fprintf(a.stdout, "\n%s  %s  %s\n", orDash(string(d.Date)), d.ID, d.Title)
					for _, s := range md.Sentences {
						fmt.Fprintf(a.stdout, "  %d: %s\n", s.Index, markSpans(s.Sentence, s.Mentions))
					}
				}
				return nil
			})
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}

// markSpans brackets the spans (code-point offsets into the document)
// inside a sentence; spans outside it or overlapping are left unmarked.
func markSpans(sent schema.Span, spans []schema.Span) string {
	r := []rune(sent.Text)
	var b strings.Builder
	at := 0
	for _, m := range spans {
		s, e := m.Start-sent.Start, m.End-sent.Start
		if s < at || e > len(r) || s > e {
			continue
		}
		b.WriteString(string(r[at:s]))
		b.WriteString("[" + string(r[s:e]) + "]")
		at = e
	}
	b.WriteString(string(r[at:]))
	return b.String()
}

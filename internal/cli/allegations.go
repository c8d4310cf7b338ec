package cli

import (
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/dossier-project/dossier/graph"
)

func (a *app) allegationsCmd() *cobra.Command {
	var about, thread string
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "allegations [--about NAME] [--thread ID] [--json]",
		Short: "The allegations ledger: each allegation as a thread across articles, who made it, who answered",
		Long: `allegations lists the allegations ledger as threads. A thread is one allegation
(the same act of the same target) followed across articles and outlets: its first
report (date, claimant, article), every repetition, every answer (denials,
acknowledgements), and where it stands now: alleged, denied, contested (denied and
acknowledged), acknowledged, or withdrawn (denied by one who made it). The status
is derived when asked; a denial never erases an allegation.

An answer is linked to an allegation only when they match by proposition: the
accused answers (or the answer names the accused) and the act's words meet. Each
link carries its score (0 to 1) and the reason. An answer that matches nothing is
not linked: it stays a denial of its own (dossier claims --stance deny).

--thread ID shows one thread (by its ID, or the IRI of any of its claims) with
every report and answer in time order, the status after each, and the sentence
that says so. Thread IDs are derived from the first report: a thread keeps its
ID while no earlier report of it is added, and --thread finds it by the IRI of
any of its claims.`,
		Example: `  dossier allegations
  dossier allegations --about "Kaspersky Lab"
  dossier allegations --thread t589e8905c7d5
  dossier allegations --json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			return a.withStore(ctx, func(st *graph.Store) error {
				f := graph.ThreadFilter{ID: thread}
				if about != "" {
					e, err := resolve(ctx, st, about)
					if err != nil {
						return err
					}
					f.About = e.ID
				}
				ts, err := st.Threads(ctx, f)
				if err != nil {
					return err
				}
				if thread != "" && len(ts) == 0 {
					return fmt.Errorf("allegations: no thread %q: %w", thread, graph.ErrNotFound)
				}
				if asJSON {
					if ts == nil {
						ts = []graph.Thread{}
					}
					return a.writeJSON(ts)
				}
				if len(ts) == 0 {
					fmt.Fprintln(a.stdout, "no allegations")
				}
				for i, t := range ts {
					if thread != "" {
						writeThread(a.stdout, t)
						continue
					}
					writeThreadLine(a.stdout, i+1, t)
				}
				return nil
			})
		},
	}
	cmd.Flags().StringVar(&about, "about", "", "only threads with a report or answer by, about or against this entity")
	cmd.Flags().StringVar(&thread, "thread", "", "show one thread, by ID or by the IRI of one of its claims, with its evidence")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}

// claimant names who made a claim.
func claimant(c *graph.ClaimInfo) string {
	if c.Claimant != nil {
		return c.Claimant.Name
	}
	return orDash(c.ClaimantText)
}

func claimDoc(c *graph.ClaimInfo) string {
	if c.Document.Source != "" {
		return c.Document.ID + ", " + c.Document.Source
	}
	return c.Document.ID
}

// writeThreadLine prints a thread in the list: status, target and act, the
// first report, and how many reports and answers.
func writeThreadLine(w io.Writer, n int, t graph.Thread) {
	first := &t.Reports[0]
	target := "-"
	if t.Target != nil {
		target = t.Target.Name
	}
	fmt.Fprintf(w, "%d. %s [%s] %s: %s\n", n, t.ID, strings.ToUpper(t.Status), target, shorten(t.Act, 140))
	fmt.Fprintf(w, "   first reported %s by %s %s (%s)", orDash(string(first.Date)), claimant(first), first.Cue.Text, claimDoc(first))
	if first.Channel != nil {
		fmt.Fprintf(w, ", carried by %s", first.Channel.Name)
	}
	fmt.Fprintln(w)
	docs := make(map[string]bool)
	for _, r := range t.Reports {
		docs[r.Document.Hash] = true
	}
	fmt.Fprintf(w, "   “%s”\n", shorten(first.Evidence.Text, 300))
	fmt.Fprintf(w, "   %d report(s) in %d article(s), %d answer(s)\n", len(t.Reports), len(docs), len(t.Answers))
	for _, ans := range t.Answers {
		fmt.Fprintf(w, "   answered %s: [%s] %s %s (%.2f: %s)\n", orDash(string(ans.Date)), ans.Stance, claimant(&ans.ClaimInfo), ans.Cue.Text, ans.Score, ans.Reason)
		fmt.Fprintf(w, "     “%s”\n", shorten(ans.Evidence.Text, 300))
	}
	fmt.Fprintln(w)
}

// writeThread prints one thread with every event and its evidence.
func writeThread(w io.Writer, t graph.Thread) {
	target := "-"
	if t.Target != nil {
		target = t.Target.Name
	}
	fmt.Fprintf(w, "thread %s [%s]\n  target %s\n  act    %s\n\n", t.ID, strings.ToUpper(t.Status), target, t.Act)
	claims := make(map[string]*graph.ClaimInfo)
	for i := range t.Reports {
		claims[t.Reports[i].IRI] = &t.Reports[i]
	}
	links := make(map[string]*graph.ThreadAnswer)
	for i := range t.Answers {
		claims[t.Answers[i].IRI] = &t.Answers[i].ClaimInfo
		links[t.Answers[i].IRI] = &t.Answers[i]
	}
	for _, e := range t.Events {
		c := claims[e.Claim]
		fmt.Fprintf(w, "%-10s  %-12s  [%s] %s %s: %s\n", orDash(string(e.Date)), e.Kind, e.Stance, claimant(c), c.Cue.Text, shorten(c.Content.Text, 160))
		if l := links[e.Claim]; l != nil {
			fmt.Fprintf(w, "            answers %s (%.2f: %s)\n", l.Allegation, l.Score, l.Reason)
		}
		if r := c.Repeats; r != nil {
			fmt.Fprintf(w, "            %.2f: %s\n", r.Score, r.Reason)
		}
		if c.Channel != nil {
			fmt.Fprintf(w, "            carried by %s\n", c.Channel.Name)
		}
		fmt.Fprintf(w, "            “%s”\n            %s, chars %d-%d; status now %s\n\n", shorten(c.Evidence.Text, 400), claimDoc(c), c.Evidence.Start, c.Evidence.End, e.Status)
	}
}

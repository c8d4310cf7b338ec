package cli

import (
	"fmt"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/dossier-project/dossier/export"
	"github.com/dossier-project/dossier/graph"
)

func (a *app) timelineCmd() *cobra.Command {
	var format string
	var noMentions bool
	cmd := &cobra.Command{
		Use:   "timeline NAME... [--format text|json|csv|timelinejs|vis-timeline]",
		Short: "An entity's timeline: its claims, the claims about it, its relations and the documents naming it",
		Long: `timeline lists, in time order, every claim made by or about each entity named,
every relation it is in and every document that mentions it, each with its date,
what happened, the evidence sentence and the source document.

Dates are those the text gives, resolved against the document date ("In October"
in an article of 24 October 2017 is 2017-10) and kept at their precision (day,
month or year); otherwise the document's date. Events without any date are listed
apart, never given one.

Formats: text (default), json, csv (TimelineJS spreadsheet columns), timelinejs
(TimelineJS 3 JSON) and vis-timeline ({items, groups}, one group per entity).`,
		Example: `  dossier timeline "Eugene Kaspersky"
  dossier timeline BSI FSB --format vis-timeline > timeline.json`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, names []string) error {
			ok := false
			for _, f := range export.TimelineFormats {
				ok = ok || f == format
			}
			if !ok {
				return &UsageError{fmt.Errorf("--format %q: want one of %s", format, strings.Join(export.TimelineFormats, ", "))}
			}
			ctx := cmd.Context()
			return a.withStore(ctx, func(st *graph.Store) error {
				var events []export.Event
				for _, n := range names {
					e, err := resolve(ctx, st, n)
					if err != nil {
						return err
					}
					ev, err := timelineOf(cmd, st, e, !noMentions)
					if err != nil {
						return err
					}
					events = append(events, ev...)
				}
				// Dated events first, oldest first; undated ones after. The
				// sort moves indexes, not the events, which are large.
				perm := make([]int, len(events))
				for i := range perm {
					perm[i] = i
				}
				slices.SortStableFunc(perm, func(i, j int) int {
					a, b := events[i].Date, events[j].Date
					if (a == "") != (b == "") {
						if a == "" {
							return 1
						}
						return -1
					}
					return strings.Compare(a, b)
				})
				sorted := make([]export.Event, len(events))
				for i, p := range perm {
					sorted[i] = events[p]
				}
				events = sorted
				return export.WriteTimeline(a.stdout, format, events)
			})
		},
	}
	cmd.Flags().StringVar(&format, "format", "text", "text, json, csv, timelinejs or vis-timeline")
	cmd.Flags().BoolVar(&noMentions, "no-mentions", false, "leave out documents that only mention the entity")
	return cmd
}

// timelineOf gathers one entity's events.
func timelineOf(cmd *cobra.Command, st *graph.Store, e graph.EntityInfo, mentions bool) ([]export.Event, error) {
	ctx := cmd.Context()
	var out []export.Event
	seen := make(map[string]bool)
	// The threads the entity is in: one event each at its first report,
	// and each claim of a thread tagged with it.
	ts, err := st.Threads(ctx, graph.ThreadFilter{About: e.ID})
	if err != nil {
		return nil, err
	}
	threadOf := make(map[string]string)
	for _, t := range ts {
		for _, r := range t.Reports {
			threadOf[r.IRI] = t.ID
		}
		for _, a := range t.Answers {
			threadOf[a.IRI] = t.ID
		}
		first := &t.Reports[0]
		target := "-"
		if t.Target != nil {
			target = t.Target.Name
		}
		out = append(out, export.Event{Date: string(first.Date), Entity: e.Name, EntityID: e.ID, Kind: "thread", Thread: t.ID,
			What: fmt.Sprintf("thread %s [%s] %s: %s (first reported by %s; %d report(s), %d answer(s))",
				t.ID, t.Status, target, shorten(t.Act, 120), claimant(first), len(t.Reports), len(t.Answers)),
			Evidence: first.Evidence.Text, DocID: first.Document.ID, DocTitle: first.Document.Title, DocURL: first.Document.URL})
	}
	addClaims := func(f graph.ClaimFilter) error {
		cs, err := st.Claims(ctx, f)
		if err != nil {
			return err
		}
		for _, c := range cs {
			if seen[c.IRI] {
				continue
			}
			seen[c.IRI] = true
			who := c.ClaimantText
			if c.Claimant != nil {
				who = c.Claimant.Name
			}
			what := fmt.Sprintf("%s %s", orDash(who), c.Cue.Text)
			if c.Channel != nil {
				what += " (to " + c.Channel.Name + ")"
			}
			if c.Content.Text != "" {
				what += ": " + shorten(c.Content.Text, 160)
			}
			out = append(out, export.Event{Date: string(c.Date), Entity: e.Name, EntityID: e.ID, What: what,
				Kind: "claim", Stance: c.Stance, Thread: threadOf[c.IRI], Evidence: c.Evidence.Text,
				DocID: c.Document.ID, DocTitle: c.Document.Title, DocURL: c.Document.URL})
		}
		return nil
	}
	var rels []graph.RelationInfo
	if err := addClaims(graph.ClaimFilter{By: e.ID}); err != nil {
		return nil, err
	}
	if err := addClaims(graph.ClaimFilter{About: e.ID}); err != nil {
		return nil, err
	}
	rels, err = st.Relations(ctx, e.ID)
	if err != nil {
		return nil, err
	}
	for _, r := range rels {
		out = append(out, export.Event{Date: string(r.Document.Date), Entity: e.Name, EntityID: e.ID,
			What: r.Subject.Name + " " + r.Predicate + " " + r.Object.Name, Kind: "relation", Evidence: r.Evidence.Text,
			DocID: r.Document.ID, DocTitle: r.Document.Title, DocURL: r.Document.URL})
	}
	if mentions {
		docs, err := st.Documents(ctx, e.ID)
		if err != nil {
			return nil, err
		}
		for _, d := range docs {
			title := d.Title
			if title == "" {
				title = d.ID
			}
			out = append(out, export.Event{Date: string(d.Date), Entity: e.Name, EntityID: e.ID,
				What: e.Name + " is named in “" + title + "”", Kind: "mention",
				DocID: d.ID, DocTitle: d.Title, DocURL: d.URL})
		}
	}
	return out, nil
}

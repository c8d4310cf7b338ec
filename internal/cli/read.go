package cli

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"runtime/debug"
	"sort"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/dossier-project/dossier/graph"
	"github.com/dossier-project/dossier/schema"
)

func (a *app) writeJSON(v any) error {
	enc := json.NewEncoder(a.stdout)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// withStore opens the store read-only for fn; a missing store is an error.
func (a *app) withStore(ctx context.Context, fn func(*graph.Store) error) error {
	// A read is short-lived and allocates many small records: collecting
	// garbage less eagerly (as GOGC=400) answers the big questions (every
	// claim about the United States on the full Reuters-21578 graph) about
	// a quarter faster for some tens of MB more heap; see BENCHMARKS.md.
	// GOGC set by the user wins.
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	st, err := a.openStore(ctx, false)
	if err != nil {
		return err
	}
	defer st.Close()
	// The answer goes out through a buffer: printed line by line, show's
	// answer on a large store took thousands of system calls.
	out := a.stdout
	buf := bufio.NewWriterSize(out, 64<<10)
	a.stdout = buf
	defer func() { a.stdout = out }()
	err = fn(st)
	if ferr := buf.Flush(); err == nil {
		err = ferr
	}
	return err
}

func (a *app) statsCmd() *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "stats [--json]",
		Short: "Count documents, entities, claims, relations and quads in the store",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return a.withStore(cmd.Context(), func(st *graph.Store) error {
				s, err := st.Stats(cmd.Context())
				if err != nil {
					return err
				}
				if asJSON {
					return a.writeJSON(s)
				}
				_, err = fmt.Fprintf(a.stdout, "documents  %d\nentities   %d\nclaims     %d\nrelations  %d\nquads      %d\n",
					s.Documents, s.Entities, s.Claims, s.Relations, s.Quads)
				if err == nil && s.Staged > 0 {
					_, err = fmt.Fprintf(a.stdout, "staged     %d (%v)\n", s.Staged, graph.ErrBulk)
				}
				return err
			})
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}

func (a *app) entitiesCmd() *cobra.Command {
	var asJSON, suspect bool
	var typ string
	var limit int
	cmd := &cobra.Command{
		Use:   "entities [--type T] [--suspect [--limit N]] [--json]",
		Short: "List the stored entities, most mentioned first, or the least certain first",
		Long: `entities lists the stored entities with their type, kind, mentions, documents and
aliases, most mentioned first.

With --suspect it lists instead the entities whose merges or kind the resolver was
least sure of, least sure first (and the most mentioned first among equals), with
the doubt: the merge rule and its confidence, or the evidence for the kind ("no
evidence" when nothing said what an organisation is). An analyst reviews these
first and writes what they decide into a corrections file (--corrections; see the
README), which every later ingest applies.`,
		Example: `  dossier entities --type Organization
  dossier entities --suspect --limit 20`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			switch typ {
			case "", schema.Person, schema.Organization, schema.Place, schema.Misc:
			default:
				return &UsageError{fmt.Errorf("--type %q: want Person, Organization, Place or Misc", typ)}
			}
			return a.withStore(cmd.Context(), func(st *graph.Store) error {
				es, err := st.Entities(cmd.Context(), typ)
				if err != nil {
					return err
				}
				if suspect {
					return a.printSuspects(es, limit, asJSON)
				}
				if asJSON {
					if es == nil {
						es = []graph.EntityInfo{}
					}
					return a.writeJSON(es)
				}
				tw := tabwriter.NewWriter(a.stdout, 2, 4, 2, ' ', 0)
				fmt.Fprintln(tw, "NAME\tTYPE\tKIND\tMENTIONS\tDOCS\tALIASES")
				for _, e := range es {
					fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%d\t%s\n", e.Name, e.Type, e.Kind, e.Mentions, e.Documents, strings.Join(e.Aliases, "; "))
				}
				return tw.Flush()
			})
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	cmd.Flags().StringVar(&typ, "type", "", "only entities of this type (Person, Organization, Place, Misc)")
	cmd.Flags().BoolVar(&suspect, "suspect", false, "list the merges and kinds the resolver was least sure of, least sure first")
	cmd.Flags().IntVar(&limit, "limit", 50, "with --suspect, list at most this many entities (0: all)")
	return cmd
}

// suspectEntity is an entity with the doubt that makes it worth a review.
type suspectEntity struct {
	graph.EntityInfo
	// Confidence is the least confidence of its merges and its kind.
	Confidence float64 `json:"confidence"`
	// Doubt says what is least certain: a merge and its rule, or the kind
	// and its evidence.
	Doubt string `json:"doubt"`
}

// kindConfidence is how sure a kind is, by the evidence that decided it.
func kindConfidence(e graph.EntityInfo) float64 {
	r := e.KindReason
	switch {
	case e.Kind == "":
		return 1
	case r == "correction":
		return 1
	case r == "" || r == "no evidence":
		if e.Type == schema.Organization {
			return 0.3
		}
		return 1
	case strings.HasPrefix(r, "context:"):
		return 0.6
	case strings.Contains(r, "(alias "):
		return 0.7
	case strings.HasPrefix(r, "list:") && e.Type == schema.Place:
		return 0.95
	case strings.HasPrefix(r, "list:"):
		return 0.8
	case strings.HasPrefix(r, "head word"):
		return 0.85
	}
	return 0.9
}

// suspects returns the entities whose least sure merge or kind is below
// certainty, least sure first, the most mentioned first among equals.
func suspects(es []graph.EntityInfo) []suspectEntity {
	var out []suspectEntity
	for _, e := range es {
		s := suspectEntity{EntityInfo: e, Confidence: 1}
		if c := kindConfidence(e); c < s.Confidence {
			reason := e.KindReason
			if reason == "" {
				reason = "no evidence"
			}
			s.Confidence, s.Doubt = c, fmt.Sprintf("kind %s by %s", e.Kind, reason)
		}
		for _, m := range e.Merges {
			c := m.Confidence
			if c == 0 {
				c = schema.RuleConfidence(m.Rule)
			}
			if c < s.Confidence {
				s.Confidence, s.Doubt = c, fmt.Sprintf("“%s” merged by %s", m.Alias, m.Rule)
			}
		}
		if s.Confidence < 1 {
			out = append(out, s)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Confidence != out[j].Confidence {
			return out[i].Confidence < out[j].Confidence
		}
		return out[i].Mentions > out[j].Mentions
	})
	return out
}

func (a *app) printSuspects(es []graph.EntityInfo, limit int, asJSON bool) error {
	out := suspects(es)
	if limit > 0 && len(out) > limit {
		out = out[:limit]
	}
	if asJSON {
		if out == nil {
			out = []suspectEntity{}
		}
		return a.writeJSON(out)
	}
	tw := tabwriter.NewWriter(a.stdout, 2, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "CONFIDENCE\tNAME\tTYPE\tKIND\tMENTIONS\tDOUBT")
	for _, s := range out {
		fmt.Fprintf(tw, "%.2f\t%s\t%s\t%s\t%d\t%s\n", s.Confidence, s.Name, s.Type, s.Kind, s.Mentions, s.Doubt)
	}
	return tw.Flush()
}

// entityDetail is what show prints.
type entityDetail struct {
	graph.EntityInfo
	Relations []graph.RelationInfo `json:"relations"`
	ClaimsBy  []graph.ClaimInfo    `json:"claims_by"`
	ClaimsAbt []graph.ClaimInfo    `json:"claims_about"`
	DocList   []graph.DocInfo      `json:"document_list"`
}

// resolve finds the one entity a user named, or explains the ambiguity.
func resolve(ctx context.Context, st *graph.Store, name string) (graph.EntityInfo, error) {
	es, err := st.Find(ctx, name)
	if err != nil {
		return graph.EntityInfo{}, err
	}
	return es[0], nil
}

func (a *app) showCmd() *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "show NAME [--json]",
		Short: "Show an entity: aliases and why they merged, relations, claims by and about it",
		Long: `show finds an entity by name, alias or ID (case-insensitive) and prints its
aliases with the rule that merged each, its relations, the claims it made and the
claims about it, each with the evidence sentence and the document.`,
		Example: `  dossier show "Eugene Kaspersky"
  dossier show FSB --json`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			return a.withStore(ctx, func(st *graph.Store) error {
				e, err := resolve(ctx, st, args[0])
				if err != nil {
					return err
				}
				d := entityDetail{EntityInfo: e}
				if d.Relations, err = st.Relations(ctx, e.ID); err != nil {
					return err
				}
				if d.ClaimsBy, err = st.Claims(ctx, graph.ClaimFilter{By: e.ID}); err != nil {
					return err
				}
				if d.ClaimsAbt, err = st.Claims(ctx, graph.ClaimFilter{About: e.ID}); err != nil {
					return err
				}
				if d.DocList, err = st.Documents(ctx, e.ID); err != nil {
					return err
				}
				if asJSON {
					return a.writeJSON(d)
				}
				return a.printEntity(d)
			})
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}

func (a *app) printEntity(d entityDetail) error {
	w := a.stdout
	kind := d.Type
	if d.Kind != "" {
		kind += ", " + d.Kind
	}
	fmt.Fprintf(w, "%s (%s)  id %s\n", d.Name, kind, d.ID)
	fmt.Fprintf(w, "  %s in %s\n", plural(d.Mentions, "mention"), plural(d.Documents, "document"))
	if d.KindReason != "" {
		fmt.Fprintf(w, "  kind %s by %s\n", d.Kind, d.KindReason)
	}
	if len(d.Aliases) > 0 {
		fmt.Fprintf(w, "  aliases: %s\n", strings.Join(d.Aliases, "; "))
	}
	for _, m := range d.Merges {
		conf := ""
		if m.Confidence > 0 {
			conf = fmt.Sprintf(" (confidence %.2f)", m.Confidence)
		}
		fmt.Fprintf(w, "    %s  merged by %s%s: “%s”\n", m.Alias, m.Rule, conf, m.Evidence.Text)
	}
	if len(d.Relations) > 0 {
		fmt.Fprintln(w, "\nRelations")
		for _, r := range d.Relations {
			fmt.Fprintf(w, "  %s %s %s\n    “%s”\n", r.Subject.Name, r.Predicate, r.Object.Name, r.Evidence.Text)
		}
	}
	for _, sec := range []struct {
		title  string
		claims []graph.ClaimInfo
	}{{"Claims by " + d.Name, d.ClaimsBy}, {"Claims about " + d.Name, d.ClaimsAbt}} {
		if len(sec.claims) == 0 {
			continue
		}
		fmt.Fprintf(w, "\n%s\n", sec.title)
		for _, c := range sec.claims {
			a.printClaim(c)
		}
	}
	if len(d.DocList) > 0 {
		fmt.Fprintln(w, "\nDocuments")
		for _, doc := range d.DocList {
			fmt.Fprintf(w, "  %s  %s  %s\n", orDash(string(doc.Date)), doc.ID, doc.Title)
		}
	}
	return nil
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// printClaim writes one claim: who, cue, stance, to whom, about whom, and
// the evidence sentence with its document.
func (a *app) printClaim(c graph.ClaimInfo) {
	w := a.stdout
	who := c.ClaimantText
	if c.Claimant != nil {
		who = c.Claimant.Name
	}
	line := fmt.Sprintf("  [%s] %s %s", c.Stance, orDash(who), c.Cue.Text)
	if c.Channel != nil {
		line += " (to " + c.Channel.Name + ")"
	}
	var about []string
	for _, e := range c.About {
		about = append(about, e.Name)
	}
	if len(about) > 0 {
		line += "  about " + strings.Join(about, ", ")
	}
	if len(c.Hedges) > 0 {
		line += "  hedged: " + strings.Join(c.Hedges, ", ")
	}
	fmt.Fprintln(w, line)
	fmt.Fprintf(w, "    “%s”\n", shorten(c.Evidence.Text, 300))
	fmt.Fprintf(w, "    %s, %s, chars %d-%d\n", orDash(string(c.Date)), c.Document.ID, c.Cue.Start, c.Cue.End)
}

func (a *app) claimsCmd() *cobra.Command {
	var asJSON bool
	var by, about, stance, doc, since, until string
	cmd := &cobra.Command{
		Use:   "claims [--by NAME] [--about NAME] [--stance S] [--doc ID] [--since D] [--until D] [--json]",
		Short: "List claims: who said, alleged, denied... what, about whom",
		Example: `  dossier claims --stance deny
  dossier claims --by "Eugene Kaspersky" --json
  dossier claims --about FSB --since 2017-10`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			f := graph.ClaimFilter{Stance: stance, Doc: doc}
			if stance != "" && !schema.Stance(stance).Valid() {
				return &UsageError{fmt.Errorf("--stance %q: want one of %s", stance, schema.StanceList())}
			}
			for _, d := range []struct {
				flag string
				val  string
				dst  *schema.Date
			}{{"since", since, &f.Since}, {"until", until, &f.Until}} {
				if d.val == "" {
					continue
				}
				v, err := schema.ParseDate(d.val)
				if err != nil {
					return &UsageError{fmt.Errorf("--%s: %w", d.flag, err)}
				}
				*d.dst = v
			}
			return a.withStore(ctx, func(st *graph.Store) error {
				for _, x := range []struct {
					name string
					dst  *string
				}{{by, &f.By}, {about, &f.About}} {
					if x.name == "" {
						continue
					}
					e, err := resolve(ctx, st, x.name)
					if err != nil {
						return err
					}
					*x.dst = e.ID
				}
				cs, err := st.Claims(ctx, f)
				if err != nil {
					return err
				}
				if asJSON {
					if cs == nil {
						cs = []graph.ClaimInfo{}
					}
					return a.writeJSON(cs)
				}
				for _, c := range cs {
					a.printClaim(c)
				}
				if len(cs) == 0 {
					fmt.Fprintln(a.stdout, "no claims match")
				}
				return nil
			})
		},
	}
	fl := cmd.Flags()
	fl.BoolVar(&asJSON, "json", false, "print JSON")
	fl.StringVar(&by, "by", "", "only claims made by this entity")
	fl.StringVar(&about, "about", "", "only claims about (or targeting) this entity")
	fl.StringVar(&stance, "stance", "", "only claims of this stance ("+schema.StanceList()+")")
	fl.StringVar(&doc, "doc", "", "only claims from this document (ID or hash prefix)")
	fl.StringVar(&since, "since", "", "only claims dated on or after (YYYY, YYYY-MM or YYYY-MM-DD)")
	fl.StringVar(&until, "until", "", "only claims dated on or before")
	return cmd
}

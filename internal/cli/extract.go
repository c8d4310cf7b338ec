package cli

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/spf13/cobra"

	"github.com/dossier-project/dossier/export"
	"github.com/dossier-project/dossier/extract"
	"github.com/dossier-project/dossier/extract/claims"
	"github.com/dossier-project/dossier/schema"
)

// extractor builds the configured extraction pass.
func (a *app) extractor() (*extract.Extractor, error) {
	r, err := extract.NewRecognizer(a.cfg.Extract.NER)
	if err != nil {
		return nil, &UsageError{err}
	}
	var corr *extract.Corrections
	if a.cfg.Extract.Corrections != "" {
		if corr, err = extract.ReadCorrections(a.cfg.Extract.Corrections); err != nil {
			return nil, &UsageError{err}
		}
	}
	var alleg *claims.AllegModel
	if a.cfg.Extract.Allegations == "model" {
		if alleg, err = claims.DefaultAllegModel(); err != nil {
			return nil, err
		}
	}
	return extract.New(extract.Options{NER: r, NoClaims: !a.cfg.Extract.Claims, Corrections: corr, NoModel: a.cfg.Extract.Attribution == "rules", Alleg: alleg})
}

// loadExtractor builds the extraction pass (app.extractor); a variable so
// that a test can stand in a load that does not end.
var loadExtractor = (*app).extractor

// extractorContext is extractor that returns ctx's error as soon as ctx is
// done: loading the models takes a second or more (several on a loaded
// machine), and an interrupt during it should not wait for it. The load
// then goes on in the background until the process exits.
func (a *app) extractorContext(ctx context.Context) (*extract.Extractor, error) {
	type loaded struct {
		x   *extract.Extractor
		err error
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	c := make(chan loaded, 1)
	go func() {
		x, err := loadExtractor(a)
		c <- loaded{x, err}
	}()
	select {
	case l := <-c:
		return l.x, l.err
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// each reads every input, extracts each document and hands the result to
// fn. A bad input or a document that fails extraction is reported on
// stderr (one line naming it) and counted; the others go on. It returns a
// *PartialError when some failed, or fn's first error.
func (a *app) each(ctx context.Context, paths []string, fn func(*schema.Result) error) (int, error) {
	x, err := a.extractorContext(ctx)
	if err != nil {
		return 0, err
	}
	failed, total := 0, 0
	for it := range a.read.Read(ctx, paths, a.stdin) {
		total++
		if it.Err != nil {
			failed++
			a.errorf("%v", it.Err)
			continue
		}
		res, err := x.Extract(ctx, it.Doc)
		if err != nil {
			if errors.Is(err, context.Canceled) {
				return total, err
			}
			failed++
			a.errorf("%v", err)
			continue
		}
		for _, w := range res.Warnings {
			a.warnf("%s: warning: %s", docName(it.Doc), w)
		}
		if err := fn(res); err != nil {
			return total, err
		}
	}
	if err := ctx.Err(); err != nil {
		return total, err
	}
	if failed > 0 {
		return total, &PartialError{Failed: failed, Total: total}
	}
	return total, nil
}

func (a *app) extractCmd() *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "extract [--json] PATH...",
		Short: "Extract entities, claims and relations without storing them",
		Long: `extract reads each PATH (a text file, a scraped page, JSON Lines, HTML, a folder
read recursively, a .gz of any of these, or - for standard input) and prints what it
finds. With --json it prints one JSON object per document (JSON Lines); the shape
is documented in the README. Offsets are Unicode code points into the document text.`,
		Example: `  dossier extract examples/kaspersky-2017-10-24.txt
  dossier extract --json articles.jsonl > extracted.jsonl
  cat article.txt | dossier extract --json -`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, paths []string) error {
			enc := json.NewEncoder(a.stdout)
			enc.SetEscapeHTML(false)
			_, err := a.each(cmd.Context(), paths, func(r *schema.Result) error {
				if asJSON {
					return enc.Encode(jsonResult(r))
				}
				return a.printResult(r)
			})
			return err
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON Lines, one object per document")
	return cmd
}

// resultJSON is the documented --json shape: schema.Result with the
// document's fields spelled out.
type resultJSON struct {
	Document  docJSON           `json:"document"`
	Entities  []schema.Entity   `json:"entities"`
	Claims    []schema.Claim    `json:"claims"`
	Relations []schema.Relation `json:"relations"`
	Times     []schema.TimeExpr `json:"times,omitempty"`
	Sentences []schema.Span     `json:"sentences"`
}

type docJSON struct {
	ID     string      `json:"id"`
	Title  string      `json:"title"`
	Date   schema.Date `json:"date"`
	Source string      `json:"source"`
	URL    string      `json:"url"`
	Path   string      `json:"path,omitempty"`
	Hash   string      `json:"hash"`
	Tags   []string    `json:"tags,omitempty"`
}

func jsonResult(r *schema.Result) resultJSON {
	d := r.Document
	return resultJSON{
		Document: docJSON{ID: d.ID, Title: d.Title, Date: d.Date, Source: d.Source, URL: d.URL, Path: d.Path, Hash: d.Hash, Tags: d.Tags},
		Entities: r.Entities, Claims: r.Claims, Relations: r.Relations, Times: r.Times, Sentences: r.Sentences,
	}
}

// printResult writes a readable summary of one document's extraction.
func (a *app) printResult(r *schema.Result) error {
	w := a.stdout
	d := r.Document
	title := d.Title
	if title == "" {
		title = d.Path
	}
	fmt.Fprintf(w, "%s\n", title)
	if d.Date != "" {
		fmt.Fprintf(w, "  date: %s\n", d.Date)
	}
	fmt.Fprintf(w, "  %d sentences, %d entities, %d claims, %d relations\n\n",
		len(r.Sentences), len(r.Entities), len(r.Claims), len(r.Relations))
	names := make(map[string]string)
	fmt.Fprintln(w, "Entities")
	for _, e := range r.Entities {
		names[e.ID] = e.Name
		kind := e.Type
		if e.Kind != "" {
			kind += ", " + e.Kind
		}
		count, aliases := plural(len(e.Mentions), "mention"), e.Aliases
		if len(e.Mentions) == 0 && len(e.Merges) > 0 {
			// A country that only its adjective names ("Russian
			// intelligence"): the adjective is what the text says.
			var as []string
			for _, m := range e.Merges {
				if !slices.Contains(as, m.Alias) {
					as = append(as, m.Alias)
				}
			}
			count = "named as " + strings.Join(as, ", ")
			aliases = slices.DeleteFunc(slices.Clone(aliases), func(a string) bool { return slices.Contains(as, a) })
		}
		line := fmt.Sprintf("  %-40s %-34s %s", e.Name, kind, count)
		if len(aliases) > 0 {
			line += "  aka " + strings.Join(aliases, "; ")
		}
		fmt.Fprintln(w, line)
	}
	if len(r.Claims) > 0 {
		fmt.Fprintln(w, "\nClaims")
	}
	for _, c := range r.Claims {
		who := names[string(c.Claimant)]
		if who == "" {
			who = c.ClaimantText
		}
		line := fmt.Sprintf("  %s %s [%s]", who, c.Cue.Text, c.Stance)
		if c.Channel != "" {
			line += " to " + names[string(c.Channel)]
		}
		if !c.Content.IsZero() {
			line += ": " + shorten(c.Content.Text, 100)
		}
		fmt.Fprintln(w, line)
	}
	if len(r.Relations) > 0 {
		fmt.Fprintln(w, "\nRelations")
	}
	for _, rel := range r.Relations {
		fmt.Fprintf(w, "  %s  %s  %s\n", names[rel.Subject], rel.Predicate, names[rel.Object])
	}
	_, err := fmt.Fprintln(w)
	return err
}

// plural writes "1 mention", "2 mentions".
func plural(n int, noun string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, noun)
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

func shorten(s string, n int) string {
	s = export.OneLine(s)
	if len(s) <= n || utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}

// docName names a document in messages: its path ("#N" for a JSON Lines
// record), else its ID.
func docName(d *schema.Document) string {
	if d.Path != "" {
		return d.Path
	}
	return d.ID
}

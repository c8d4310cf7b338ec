package cli

import (
	"fmt"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/dossier-project/dossier/extract"
	"github.com/dossier-project/dossier/extract/ner"
	"github.com/dossier-project/dossier/extract/text"
	"github.com/dossier-project/dossier/internal/gold"
	"github.com/dossier-project/dossier/schema"
)

func (a *app) evalCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "eval",
		Short: "Score the extractor against annotated data",
	}
	cmd.AddCommand(a.evalNERCmd(), a.evalGoldCmd())
	return cmd
}

func (a *app) evalNERCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "ner FILE...",
		Short: "Score the entity recogniser on CoNLL-format files",
		Long: `eval ner reads CoNLL-format files (token in the first column, tag in the last,
IOB1 or IOB2, blank lines between sentences) and scores the configured recogniser
(--ner) with entity-level exact match: precision, recall and F1 per type and
overall. Fine organisation tags (ORG-party) count as ORG; DATE is ignored.`,
		Example: `  dossier eval ner testdata/conll/test.txt
  dossier --ner prose eval ner testdata/conll/test.txt`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, files []string) error {
			rec, err := extract.NewRecognizer(a.cfg.Extract.NER)
			if err != nil {
				return &UsageError{err}
			}
			var sents []ner.Sentence
			for _, f := range files {
				fh, err := os.Open(f)
				if err != nil {
					return err
				}
				s, err := ner.ReadCoNLL(fh)
				fh.Close()
				if err != nil {
					return fmt.Errorf("%s: %w", f, err)
				}
				sents = append(sents, s...)
			}
			for i := range sents {
				for j, t := range sents[i].Tags {
					if strings.HasSuffix(t, "-DATE") {
						sents[i].Tags[j] = "O"
					}
				}
			}
			scores := ner.Evaluate(sents, func(tokens []string) []string { return tagTokens(rec, tokens) })
			fmt.Fprintf(a.stdout, "recogniser %s, %d sentences\n", rec.Name(), len(sents))
			return scores.WriteTable(a.stdout)
		},
	}
}

// tagTokens runs a Recognizer over pre-tokenised text and returns IOB2
// tags, so every recogniser is scored through the same interface the
// pipeline uses.
func tagTokens(rec extract.Recognizer, tokens []string) []string {
	var b strings.Builder
	s := text.Sentence{}
	off := 0
	for i, t := range tokens {
		if i > 0 {
			b.WriteByte(' ')
			off++
		}
		n := len([]rune(t))
		s.Tokens = append(s.Tokens, text.Token{Text: t, Start: off, End: off + n})
		b.WriteString(t)
		off += n
	}
	runes := []rune(b.String())
	s.Span = schema.MakeSpan(runes, 0, len(runes))
	tags := make([]string, len(tokens))
	for i := range tags {
		tags[i] = "O"
	}
	found, err := rec.Recognize(runes, []text.Sentence{s})
	if err != nil {
		return tags
	}
	for _, f := range found {
		first := true
		for i, t := range s.Tokens {
			if t.Start >= f.Start && t.End <= f.End {
				p := "I-"
				if first {
					p, first = "B-", false
				}
				tags[i] = p + conllType(f.Type)
			}
		}
	}
	return tags
}

func conllType(t string) string {
	switch t {
	case schema.Person:
		return "PER"
	case schema.Organization:
		return "ORG"
	case schema.Place:
		return "LOC"
	}
	return "MISC"
}

func (a *app) evalGoldCmd() *cobra.Command {
	var minClaims int
	return func() *cobra.Command {
		cmd := &cobra.Command{
			Use:   "gold GOLD.json DOCUMENT",
			Short: "Score extraction of one document against a hand-made gold annotation",
			Long: `eval gold extracts DOCUMENT and compares it with GOLD.json (the format of
examples/kaspersky-2017-10-24.gold.json): entities, types, kinds, merged aliases,
names that must not be entities, claims (claimant and stance), channels,
relations, denial-to-allegation links and timeline dates. It exits 1 when any
entity, alias group, relation, link or channel is missed, a not-entity leaks, or
fewer than --min-claims claims are right.`,
			Example: `  dossier eval gold examples/kaspersky-2017-10-24.gold.json examples/kaspersky-2017-10-24.txt`,
			Args:    cobra.ExactArgs(2),
			RunE: func(cmd *cobra.Command, args []string) error {
				fh, err := os.Open(args[0])
				if err != nil {
					return err
				}
				g, err := gold.Read(fh)
				fh.Close()
				if err != nil {
					return fmt.Errorf("%s: %w", args[0], err)
				}
				var res *schema.Result
				if _, err := a.each(cmd.Context(), args[1:], func(r *schema.Result) error {
					if res == nil {
						res = r
					}
					return nil
				}); err != nil {
					return err
				}
				if res == nil {
					return fmt.Errorf("%s: no document", args[1])
				}
				rep := gold.Score(res, g)
				rep.WriteTo(a.stdout)
				if rep.EntitiesFound < rep.EntitiesTotal || rep.GroupsMerged < rep.EntitiesTotal ||
					len(rep.NotEntitiesLeaked) > 0 || rep.ClaimsRight < minClaims ||
					rep.RelationsFound < rep.RelationsTotal || rep.LinksFound < rep.LinksTotal ||
					rep.ChannelsRight < rep.ChannelsTotal {
					return fmt.Errorf("%s: extraction falls short of the gold in %s", args[1], args[0])
				}
				return nil
			},
		}
		cmd.Flags().IntVar(&minClaims, "min-claims", 17, "fewest claims that must be right")
		return cmd
	}()
}

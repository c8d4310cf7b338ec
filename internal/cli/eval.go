package cli

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
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
	cmd.AddCommand(a.evalNERCmd(), a.evalGoldCmd(), a.evalAttributionCmd(), a.evalLedgerCmd(), a.evalAllegationsCmd())
	return cmd
}

func (a *app) evalNERCmd() *cobra.Command {
	var pipeline bool
	var types []string
	var textsPath, errPath string
	cmd := &cobra.Command{
		Use:   "ner FILE...",
		Short: "Score the entity recogniser on CoNLL-format files",
		Long: `eval ner reads CoNLL-format files (token in the first column, tag in the last,
IOB1 or IOB2, blank lines between sentences) and scores the configured recogniser
(--ner) with entity-level exact match: precision, recall and F1 per type and
overall. Fine organisation tags (ORG-party) count as ORG; DATE is ignored.

With --pipeline the whole extraction pass runs instead (each document's tokens
joined by spaces, sentences by newlines) and the entity mentions that
"extract --json" would print are scored: this includes alias resolution, which
drops what is not a name and adds acronyms it defines. The pass's bounds on a
document's names and entities are lifted here: a CoNLL file without -DOCSTART-
lines is one document, often with more names than a stored document may keep.

Files ending in .jsonl hold raw text with entities as code-point spans, one
document a line: {"id", "text", "entities": [[start, end, "TYPE"], ...]}. A
record without "text" takes it from the corpus named by --texts (a
Reuters-21578 record is its dateline, a newline and its text without the
closing "Reuter" line), so annotations of a corpus that may not be copied are
stored as record IDs and offsets (extract/ner/newswire/). --errors FILE lists
each document's missed and spurious entities.`,
		Example: `  dossier eval ner testdata/conll/test.txt
  dossier --ner prose eval ner testdata/conll/test.txt
  dossier eval ner --pipeline --types PER,ORG,LOC extract/ner/newswire/written-dev.jsonl
  dossier eval ner --pipeline --texts ../shared/data/news/reuters21578.jsonl extract/ner/newswire/reuters-dev.jsonl`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, files []string) error {
			rec, err := extract.NewRecognizer(a.cfg.Extract.NER)
			if err != nil {
				return &UsageError{err}
			}
			if strings.HasSuffix(files[0], ".jsonl") {
				return a.evalSpans(cmd.Context(), rec, files, pipeline, types, textsPath, errPath)
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
			tagger := func(doc [][]string) [][]string { return tagDocument(rec, doc) }
			if pipeline {
				x, err := extract.New(extract.Options{NER: rec, NoClaims: true, NoEntityBounds: true})
				if err != nil {
					return err
				}
				tagger = func(doc [][]string) [][]string { return extractDocument(cmd.Context(), x, doc) }
			}
			scores := ner.EvaluateDocuments(sents, tagger)
			if len(types) > 0 {
				scores = scores.Only(types...)
			}
			how := "recogniser"
			if pipeline {
				how = "extraction pass with recogniser"
			}
			fmt.Fprintf(a.stdout, "%s %s, %d sentences\n", how, rec.Name(), len(sents))
			return scores.WriteTable(a.stdout)
		},
	}
	cmd.Flags().BoolVar(&pipeline, "pipeline", false, "score the mentions of the whole extraction pass, not the bare recogniser")
	cmd.Flags().StringSliceVar(&types, "types", nil, "score only these types (e.g. PER,ORG,LOC); \"all\" is then the micro-average over them")
	cmd.Flags().StringVar(&textsPath, "texts", "", "JSON Lines corpus that holds the text of .jsonl gold records without their own")
	cmd.Flags().StringVar(&errPath, "errors", "", "write each .jsonl document's missed and spurious entities to this file")
	return cmd
}

// evalSpans scores span-annotated gold files (.jsonl).
func (a *app) evalSpans(ctx context.Context, rec extract.Recognizer, files []string, pipeline bool, types []string, textsPath, errPath string) error {
	var texts map[string]string
	if textsPath != "" {
		var err error
		if texts, err = readCorpusTexts(textsPath); err != nil {
			return err
		}
	}
	var gold []spanGold
	for _, f := range files {
		if !strings.HasSuffix(f, ".jsonl") {
			return &UsageError{fmt.Errorf("%s: mix of .jsonl and CoNLL files; score them separately", f)}
		}
		g, err := readSpanGold(f, texts)
		if err != nil {
			return err
		}
		gold = append(gold, g...)
	}
	var x *extract.Extractor
	if pipeline {
		var err error
		if x, err = extract.New(extract.Options{NER: rec, NoClaims: true, NoEntityBounds: true}); err != nil {
			return err
		}
	}
	golds := make([][]ner.Span, len(gold))
	preds := make([][]ner.Span, len(gold))
	for i, g := range gold {
		p, err := predictSpans(ctx, rec, x, g.Text)
		if err != nil {
			return fmt.Errorf("%s: %w", g.ID, err)
		}
		golds[i], preds[i] = g.Entities, p
	}
	scores := ner.EvaluateSpans(golds, preds)
	if len(types) > 0 {
		scores = scores.Only(types...)
	}
	if errPath != "" {
		f, err := os.Create(errPath)
		if err != nil {
			return err
		}
		err = writeSpanErrors(f, gold, preds, types)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return fmt.Errorf("%s: %w", errPath, err)
		}
	}
	how := "recogniser"
	if pipeline {
		how = "extraction pass with recogniser"
	}
	fmt.Fprintf(a.stdout, "%s %s, %d documents\n", how, rec.Name(), len(gold))
	return scores.WriteTable(a.stdout)
}

// tagDocument runs a Recognizer over one pre-tokenised document (tokens
// joined by spaces, sentences by newlines) and returns IOB2 tags, so every
// recogniser is scored through the interface the pipeline uses.
func tagDocument(rec extract.Recognizer, doc [][]string) [][]string {
	txt, offs := joinDocument(doc)
	runes := []rune(txt)
	tags := blankTags(doc)
	sents := make([]text.Sentence, len(doc))
	for si := range doc {
		for i, o := range offs[si] {
			sents[si].Tokens = append(sents[si].Tokens, text.Token{Text: doc[si][i], Start: o[0], End: o[1]})
		}
		if n := len(offs[si]); n > 0 {
			sents[si].Span = schema.MakeSpan(runes, offs[si][0][0], offs[si][n-1][1])
		}
	}
	found, err := rec.Recognize(runes, sents)
	if err != nil {
		return tags
	}
	for _, f := range found {
		markSpan(tags, offs, f.Start, f.End, f.Type)
	}
	return tags
}

// joinDocument lays out pre-tokenised sentences as text: tokens joined by
// spaces, sentences by newlines. It returns the text and each token's
// offsets.
func joinDocument(doc [][]string) (string, [][][2]int) {
	var b strings.Builder
	offs := make([][][2]int, len(doc))
	off := 0
	for si, tokens := range doc {
		if si > 0 {
			b.WriteByte('\n')
			off++
		}
		for i, t := range tokens {
			if i > 0 {
				b.WriteByte(' ')
				off++
			}
			n := len([]rune(t))
			offs[si] = append(offs[si], [2]int{off, off + n})
			b.WriteString(t)
			off += n
		}
	}
	return b.String(), offs
}

// blankTags returns an "O" for every token of doc.
func blankTags(doc [][]string) [][]string {
	tags := make([][]string, len(doc))
	for si := range doc {
		tags[si] = make([]string, len(doc[si]))
		for i := range tags[si] {
			tags[si][i] = "O"
		}
	}
	return tags
}

// markSpan tags the tokens inside [start, end) as one entity of type typ
// (IOB2).
func markSpan(tags [][]string, offs [][][2]int, start, end int, typ string) {
	p := "B-"
	for si := range offs {
		for i, o := range offs[si] {
			if o[0] >= start && o[1] <= end {
				tags[si][i] = p + extract.TagType(typ)
				p = "I-"
			}
		}
	}
}

// extractDocument runs the whole extraction pass over one pre-tokenised
// document and tags each token with the type of the entity mention that
// covers it.
func extractDocument(ctx context.Context, x *extract.Extractor, doc [][]string) [][]string {
	txt, offs := joinDocument(doc)
	tags := blankTags(doc)
	sum := sha256.Sum256([]byte(txt))
	res, err := x.Extract(ctx, &schema.Document{Text: txt, Hash: hex.EncodeToString(sum[:])})
	if err != nil {
		return tags
	}
	for _, e := range res.Entities {
		for _, m := range e.Mentions {
			markSpan(tags, offs, m.Start, m.End, e.Type)
		}
	}
	return tags
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

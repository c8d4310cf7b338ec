package cli

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"github.com/dossier-project/dossier/extract"
	"github.com/dossier-project/dossier/extract/attrib"
	"github.com/dossier-project/dossier/schema"
)

func (a *app) evalAttributionCmd() *cobra.Command {
	var split, predictions, modelFile string
	var asJSON bool
	var minCue, minRelaxed float64
	cmd := &cobra.Command{
		Use:   "attribution FILE.jsonl",
		Short: "Score the claims pass on annotated attributions (PolNeAR's JSON Lines format)",
		Long: `eval attribution reads annotated documents in the JSON Lines format of the PolNeAR
corpus (one {doc_id, text, attributions: [{source_fragments, cue_fragments,
content_fragments}]} object a line, code-point offsets, .gz accepted), extracts
each text with the configured pass and scores its claims as attributions, the
way the corpus's score_attributions.py does:

  cue        attributions matched one to one by overlapping cues
  relaxed    a cue match whose sources overlap (or both have none) and whose
             contents reach a character F1 of 0.5
  exact      a cue match with identical spans in all three roles
  chars ROLE characters of source, cue and content shared with the gold

Like the corpus, which annotates only the outermost attribution, a claim whose
cue lies inside another claim's content is not counted. --split dev scores only
the development split dossier carves out of a corpus (15% of each publisher's
documents, by a hash of doc_id: the documents its model was not trained on);
--split train the rest; --split tune the 15% of the train split (carved the
same way) on which cmd/attrtrain -tune chooses options; --split foldI/K fold I
of K of the train split (attrib.Fold), what cmd/attrtrain -fold I/K leaves out. It exits 1 when cue or
relaxed F1 falls under --min-cue or --min-relaxed. --predictions writes what was predicted in the same
format, so that score_attributions.py can score it too.`,
		Example: `  dossier eval attribution ../shared/data/attribution/polnear-train/train.jsonl.gz --split dev
  dossier eval attribution annotated.jsonl --predictions predicted.jsonl --json`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			var fi, fk int
			isFold := false
			if _, err := fmt.Sscanf(split, "fold%d/%d", &fi, &fk); err == nil && fmt.Sprintf("fold%d/%d", fi, fk) == split {
				if fk < 2 || fi < 0 || fi >= fk {
					return &UsageError{fmt.Errorf("--split %s: want foldI/K with 0 <= I < K and K >= 2", split)}
				}
				isFold = true
			} else if split != "all" && split != "dev" && split != "train" && split != "tune" {
				return &UsageError{fmt.Errorf("--split must be all, dev, train, tune or foldI/K, not %q", split)}
			}
			gold, err := attrib.ReadFile(args[0])
			if err != nil {
				return err
			}
			if len(gold) == 0 {
				return fmt.Errorf("%s: no documents", args[0])
			}
			if split != "all" {
				train, dev := attrib.DevSplit(gold)
				gold = dev
				switch split {
				case "train":
					gold = train
				case "tune":
					_, gold = attrib.DevSplit(train)
				}
				if isFold {
					if _, gold, err = attrib.Fold(train, fi, fk); err != nil {
						return err
					}
				}
			}
			x, err := a.extractor()
			if err != nil {
				return err
			}
			if modelFile != "" {
				f, err := os.Open(modelFile)
				if err != nil {
					return err
				}
				m, err := attrib.Load(f)
				f.Close()
				if err != nil {
					return fmt.Errorf("%s: %w", modelFile, err)
				}
				r, err := extract.NewRecognizer(a.cfg.Extract.NER)
				if err != nil {
					return &UsageError{err}
				}
				if x, err = extract.New(extract.Options{NER: r, Attrib: m}); err != nil {
					return err
				}
			}
			pred := make([]attrib.Document, 0, len(gold))
			seen := map[string]bool{}
			for _, g := range gold {
				if seen[g.DocID] {
					continue // another annotator's version of the same text
				}
				seen[g.DocID] = true
				if g.Text == "" {
					return fmt.Errorf("%s: document %s has no text", args[0], g.DocID)
				}
				sum := sha256.Sum256([]byte(g.Text))
				doc := &schema.Document{ID: g.DocID, Hash: hex.EncodeToString(sum[:]), Title: g.Title, Source: g.Publisher, Text: g.Text}
				if d, err := schema.ParseDate(g.Date); err == nil {
					doc.Date = d
				}
				res, err := x.Extract(cmd.Context(), doc)
				if err != nil {
					if errors.Is(err, cmd.Context().Err()) && cmd.Context().Err() != nil {
						return err
					}
					return fmt.Errorf("%s: document %s: %w", args[0], g.DocID, err)
				}
				pred = append(pred, attrib.Document{DocID: g.DocID, Publisher: g.Publisher, Attributions: attrib.FromClaims(res.Claims)})
			}
			if predictions != "" {
				f, err := os.Create(predictions)
				if err != nil {
					return err
				}
				err = attrib.Write(f, pred)
				if cerr := f.Close(); err == nil {
					err = cerr
				}
				if err != nil {
					return fmt.Errorf("%s: %w", predictions, err)
				}
			}
			s := attrib.Score(gold, pred)
			if asJSON {
				b, err := json.MarshalIndent(s, "", "  ")
				if err != nil {
					return err
				}
				if _, err = fmt.Fprintf(a.stdout, "%s\n", b); err != nil {
					return err
				}
			} else {
				fmt.Fprintf(a.stdout, "%s: %d documents (split %s)\n", args[0], len(pred), split)
				if err := s.WriteTable(a.stdout); err != nil {
					return err
				}
			}
			if s.Cue.F1 < minCue || s.Relaxed.F1 < minRelaxed {
				return fmt.Errorf("%s: cue F1 %.4f, relaxed F1 %.4f: under --min-cue %.4f or --min-relaxed %.4f", args[0], s.Cue.F1, s.Relaxed.F1, minCue, minRelaxed)
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&split, "split", "all", "score all documents, or only the dev, train or tune split dossier carves out of them, or fold I of K of the train split (foldI/K)")
	cmd.Flags().StringVar(&predictions, "predictions", "", "write the predicted attributions to this JSON Lines file")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the scores as JSON, in the shape score_attributions.py prints")
	cmd.Flags().Float64Var(&minCue, "min-cue", 0, "exit 1 when cue F1 is below this")
	cmd.Flags().Float64Var(&minRelaxed, "min-relaxed", 0, "exit 1 when relaxed F1 is below this")
	cmd.Flags().StringVar(&modelFile, "model", "", "use this attribution model file instead of the embedded one (cmd/attrtrain writes them)")
	return cmd
}

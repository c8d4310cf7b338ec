package cli

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"strconv"

	"github.com/spf13/cobra"

	"github.com/dossier-project/dossier/internal/gold"
	"github.com/dossier-project/dossier/schema"
)

func (a *app) evalAllegationsCmd() *cobra.Command {
	var corpus string
	cmd := &cobra.Command{
		Use:   "allegations GOLD.json --corpus FILE",
		Short: "Score allegations and denials sentence by sentence against a labelled corpus",
		Long: `eval allegations extracts each line of the corpus FILE (JSON Lines, one
sentence a record with "id" and "text", such as PLOVER's gold-standard
records) as a document of its own and scores, by sentence, the allegations,
denials and acknowledgements found against GOLD.json (the format of
internal/gold/ledger/plover.json, which lists the lines that hold one):

  allegation precision and recall    sentences with an allegation
  found, with the claimant / target  of the allegations found, those whose
                                     claimant (source words or entity) and
                                     target entity name the gold's actors
  denial, acknowledgement            precision and recall by sentence

The corpus must be the file the gold was made on (its SHA-256 is checked).`,
		Example: `  dossier eval allegations internal/gold/ledger/plover.json --corpus ../shared/data/attribution/plover_gsr/plover_gsr.jsonl`,
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			if corpus == "" {
				return &UsageError{fmt.Errorf("eval allegations: --corpus FILE is required")}
			}
			fh, err := os.Open(args[0])
			if err != nil {
				return err
			}
			g, err := gold.ReadSentences(fh)
			fh.Close()
			if err != nil {
				return fmt.Errorf("%s: %w", args[0], err)
			}
			raw, err := os.ReadFile(corpus)
			if err != nil {
				return err
			}
			if sum := sha256.Sum256(raw); g.CorpusSHA256 != "" && hex.EncodeToString(sum[:]) != g.CorpusSHA256 {
				return fmt.Errorf("%s: not the corpus %s was made on (SHA-256 %x, want %s)", corpus, args[0], sum, g.CorpusSHA256)
			}
			x, err := a.extractor()
			if err != nil {
				return err
			}
			var sys [][]gold.SentenceClaim
			sc := bufio.NewScanner(bytes.NewReader(raw))
			sc.Buffer(nil, 1<<24)
			for line := 1; sc.Scan(); line++ {
				var r struct{ ID, Text string }
				if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
					return fmt.Errorf("%s:%d: %w", corpus, line, err)
				}
				sum := sha256.Sum256([]byte(r.Text))
				h := hex.EncodeToString(sum[:])
				res, err := x.Extract(ctx, &schema.Document{ID: "line" + strconv.Itoa(line), Hash: h, Text: r.Text})
				if err != nil {
					return fmt.Errorf("%s:%d (%s): %w", corpus, line, r.ID, err)
				}
				sys = append(sys, sentenceClaims(res))
			}
			if err := sc.Err(); err != nil {
				return fmt.Errorf("%s: %w", corpus, err)
			}
			for _, s := range g.Sentences {
				if s.Line > len(sys) {
					return fmt.Errorf("%s: line %d (%s) is past the end of %s", args[0], s.Line, s.ID, corpus)
				}
			}
			gold.WriteSentenceScore(a.stdout, gold.ScoreSentences(g, sys))
			return nil
		},
	}
	cmd.Flags().StringVar(&corpus, "corpus", "", "the labelled corpus (JSON Lines, one sentence a record)")
	return cmd
}

// sentenceClaims returns a result's claims as the sentence scorer sees
// them: the words that name each claim's claimant and target.
func sentenceClaims(res *schema.Result) []gold.SentenceClaim {
	words := make(map[string][]string)
	for _, e := range res.Entities {
		ws := []string{e.Name}
		for _, m := range e.Mentions {
			ws = append(ws, m.Text)
		}
		words[e.ID] = ws
	}
	var out []gold.SentenceClaim
	for _, c := range res.Claims {
		sc := gold.SentenceClaim{Stance: string(c.Stance)}
		sc.Claimant = append(sc.Claimant, c.Source.Text, c.ClaimantText)
		if c.Claimant != "" {
			sc.Claimant = append(sc.Claimant, words[string(c.Claimant)]...)
		}
		if c.Target != "" {
			sc.Target = words[string(c.Target)]
		}
		out = append(out, sc)
	}
	return out
}

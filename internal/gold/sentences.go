package gold

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"unicode"
)

// Sentences is a sentence-level gold of allegations and answers over a
// corpus of one sentence a line (JSON Lines with "id" and "text", such as
// PLOVER's gold-standard records): every line of the corpus is annotated,
// and the lines that hold no allegation and no answer are not listed.
type Sentences struct {
	Corpus       string             `json:"corpus"`
	CorpusSHA256 string             `json:"corpus_sha256"`
	Licence      string             `json:"licence"`
	Sentences    []LabelledSentence `json:"sentences"`
}

// LabelledSentence is the labels of one line of the corpus.
type LabelledSentence struct {
	Line        int              `json:"line"` // 1-based line of the corpus
	ID          string           `json:"id"`
	Allegations []SentenceAct    `json:"allegations,omitempty"`
	Answers     []SentenceAnswer `json:"answers,omitempty"`
}

// SentenceAct is an allegation: the words that name who makes it and who
// is accused ("" when the sentence names nobody).
type SentenceAct struct {
	Claimant string `json:"claimant"`
	Target   string `json:"target"`
}

// SentenceAnswer is a denial or an acknowledgement.
type SentenceAnswer struct {
	Stance   string `json:"stance"`
	Claimant string `json:"claimant"`
	Target   string `json:"target"`
}

// ReadSentences decodes a sentence-level gold.
func ReadSentences(r io.Reader) (*Sentences, error) {
	var g Sentences
	if err := json.NewDecoder(r).Decode(&g); err != nil {
		return nil, fmt.Errorf("sentence gold: %w", err)
	}
	for i, s := range g.Sentences {
		if s.Line < 1 || s.ID == "" {
			return nil, fmt.Errorf("sentence gold: entry %d: no line or id", i)
		}
		for _, a := range s.Answers {
			if a.Stance != "deny" && a.Stance != "acknowledge" {
				return nil, fmt.Errorf("sentence gold: line %d: answer stance %q is not deny or acknowledge", s.Line, a.Stance)
			}
		}
	}
	return &g, nil
}

// SentenceClaim is a claim of the system on one sentence: its stance and
// the words that name its claimant and its target (the source span, the
// claimant's name; the target's name and mentions).
type SentenceClaim struct {
	Stance   string
	Claimant []string
	Target   []string
}

// SentenceScore is the score of a system on a sentence-level gold.
type SentenceScore struct {
	Sentences int
	// Allegations by sentence: sentences where the system found one, of
	// them right; gold sentences, of them found; of the found, those
	// where an allegation of the system names the gold claimant, the
	// gold target (when the gold names one), and both.
	AllegSys, AllegRight, AllegGold, AllegFound int
	ClaimantRight, TargetGold, TargetRight      int
	BothRight                                   int
	// Answers of each stance by sentence, as for allegations.
	DenySys, DenyRight, DenyGold, DenyFound int
	AckSys, AckRight, AckGold, AckFound     int
}

// ScoreSentences scores the system's claims, one list a corpus line (index
// 0 is line 1), against the gold.
func ScoreSentences(g *Sentences, sys [][]SentenceClaim) SentenceScore {
	sc := SentenceScore{Sentences: len(sys)}
	labels := make(map[int]LabelledSentence, len(g.Sentences))
	for _, s := range g.Sentences {
		labels[s.Line] = s
	}
	for i, cs := range sys {
		gs := labels[i+1]
		var allegs []SentenceClaim
		deny, ack := false, false
		for _, c := range cs {
			switch c.Stance {
			case "allege":
				allegs = append(allegs, c)
			case "deny":
				deny = true
			case "acknowledge":
				ack = true
			}
		}
		goldDeny, goldAck := false, false
		for _, a := range gs.Answers {
			goldDeny = goldDeny || a.Stance == "deny"
			goldAck = goldAck || a.Stance == "acknowledge"
		}
		count := func(sys, gold bool, nSys, nRight, nGold, nFound *int) {
			if sys {
				*nSys++
				if gold {
					*nRight++
				}
			}
			if gold {
				*nGold++
				if sys {
					*nFound++
				}
			}
		}
		count(deny, goldDeny, &sc.DenySys, &sc.DenyRight, &sc.DenyGold, &sc.DenyFound)
		count(ack, goldAck, &sc.AckSys, &sc.AckRight, &sc.AckGold, &sc.AckFound)
		count(len(allegs) > 0, len(gs.Allegations) > 0, &sc.AllegSys, &sc.AllegRight, &sc.AllegGold, &sc.AllegFound)
		if len(allegs) == 0 || len(gs.Allegations) == 0 {
			continue
		}
		claimant, target, both, hasTarget := false, false, false, false
		for _, ga := range gs.Allegations {
			hasTarget = hasTarget || ga.Target != ""
			for _, c := range allegs {
				cr := NamesMatch(ga.Claimant, c.Claimant)
				tr := ga.Target != "" && NamesMatch(ga.Target, c.Target)
				claimant = claimant || cr
				target = target || tr
				both = both || cr && (tr || ga.Target == "")
			}
		}
		if claimant {
			sc.ClaimantRight++
		}
		if hasTarget {
			sc.TargetGold++
			if target {
				sc.TargetRight++
			}
		}
		if both {
			sc.BothRight++
		}
	}
	return sc
}

// NamesMatch reports whether the system's words for an actor name the gold
// actor: a word of four letters or more that one starts with the other
// ("Israel" and "Israeli"), or the same short word ("US", "UN").
func NamesMatch(gold string, sys []string) bool {
	gw := nameWords(gold)
	for _, s := range sys {
		for _, w := range nameWords(s) {
			for _, g := range gw {
				if w == g || len(w) >= 4 && len(g) >= 4 && (strings.HasPrefix(w, g) || strings.HasPrefix(g, w)) {
					return true
				}
			}
		}
	}
	return false
}

// nameWords returns the lower-case words of a name without the words that
// name no one in particular.
func nameWords(s string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		switch w {
		case "the", "a", "an", "of", "and", "s", "in", "on", "for", "its", "his", "her", "their", "to", "at", "by",
			"officials", "official", "sources", "source", "group", "members", "forces", "government", "president", "minister":
			continue
		}
		out = append(out, w)
	}
	return out
}

// WriteSentenceScore prints the score as a table.
func WriteSentenceScore(w io.Writer, s SentenceScore) {
	frac := func(a, b int) string { return fmt.Sprintf("%s (%d/%d)", ratio(a, b), a, b) }
	row := func(name, v string) { fmt.Fprintf(w, "%-38s  %16s\n", name, v) }
	row("sentences", fmt.Sprint(s.Sentences))
	row("allegation precision (sentences)", frac(s.AllegRight, s.AllegSys))
	row("allegation recall", frac(s.AllegFound, s.AllegGold))
	row("  found, with the claimant", frac(s.ClaimantRight, s.AllegFound))
	row("  found, with the target", frac(s.TargetRight, s.TargetGold))
	row("  found, with claimant and target", frac(s.BothRight, s.AllegFound))
	row("denial precision (sentences)", frac(s.DenyRight, s.DenySys))
	row("denial recall", frac(s.DenyFound, s.DenyGold))
	row("acknowledgement precision", frac(s.AckRight, s.AckSys))
	row("acknowledgement recall", frac(s.AckFound, s.AckGold))
}

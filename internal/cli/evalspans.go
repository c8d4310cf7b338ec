package cli

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"regexp"
	"sort"
	"strings"

	"github.com/dossier-project/dossier/extract"
	"github.com/dossier-project/dossier/extract/ner"
	"github.com/dossier-project/dossier/extract/text"
	"github.com/dossier-project/dossier/schema"
)

// Span-annotated gold (JSON Lines), for text that is not pre-tokenised:
//
//	{"id": "written/rugby-1", "text": "...", "entities": [[0, 5, "LOC"], ...]}
//	{"id": "reuters21578/8766", "entities": [[0, 6, "LOC"], ...]}
//
// Offsets are Unicode code points, end exclusive. A record without "text"
// takes it from the corpus given with --texts: a Reuters-21578 record is the
// document dateline + "\n" + text, without the closing "Reuter" line, so
// that annotations can be shared as record IDs and offsets without copying
// the corpus.

// spanGold is one annotated document.
type spanGold struct {
	ID       string
	Text     string
	Entities []ner.Span
}

// goldRecord is a line of a span-annotated gold file as read.
type goldRecord struct {
	ID       string            `json:"id"`
	Text     *string           `json:"text"`
	Entities []json.RawMessage `json:"entities"`
}

// readSpanGold reads a span-annotated gold file; texts supplies the text of
// records that do not carry their own.
func readSpanGold(path string, texts map[string]string) ([]spanGold, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []spanGold
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for line := 1; sc.Scan(); line++ {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var r goldRecord
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", path, line, err)
		}
		g := spanGold{ID: r.ID}
		if r.Text != nil {
			g.Text = *r.Text
		} else if t, ok := texts[r.ID]; ok {
			g.Text = t
		} else {
			return nil, fmt.Errorf("%s:%d: record %q has no text and --texts does not hold it", path, line, r.ID)
		}
		n := len([]rune(g.Text))
		for _, raw := range r.Entities {
			var e [3]any
			if err := json.Unmarshal(raw, &e); err != nil {
				return nil, fmt.Errorf("%s:%d: entity %s: want [start, end, \"TYPE\"]", path, line, raw)
			}
			s, ok1 := e[0].(float64)
			t, ok2 := e[1].(float64)
			typ, ok3 := e[2].(string)
			if !ok1 || !ok2 || !ok3 || s < 0 || t <= s || int(t) > n {
				return nil, fmt.Errorf("%s:%d: entity %s: want [start, end, \"TYPE\"] within the text's %d code points", path, line, raw, n)
			}
			g.Entities = append(g.Entities, ner.Span{Start: int(s), End: int(t), Type: typ})
		}
		out = append(out, g)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return out, nil
}

// reuterSig is the signature line that closes a Reuters-21578 story.
var reuterSig = regexp.MustCompile(`(?i)\s*\n\s*reuter\s*$`)

// readCorpusTexts reads a JSON Lines corpus ({id, dateline, text}) into the
// documents span-annotated gold refers to: dateline + "\n" + text, the
// closing "Reuter" line dropped.
func readCorpusTexts(path string) (map[string]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	out := make(map[string]string)
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for line := 1; sc.Scan(); line++ {
		var r struct {
			ID       string `json:"id"`
			Dateline string `json:"dateline"`
			Text     string `json:"text"`
		}
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", path, line, err)
		}
		out[r.ID] = r.Dateline + "\n" + reuterSig.ReplaceAllString(r.Text, "")
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return out, nil
}

// predictSpans finds the entities of one text: with the whole extraction
// pass (the mentions "extract --json" prints) or with the bare recogniser.
func predictSpans(ctx context.Context, rec extract.Recognizer, x *extract.Extractor, txt string) ([]ner.Span, error) {
	var out []ner.Span
	sum := sha256.Sum256([]byte(txt))
	doc := &schema.Document{Text: txt, Hash: hex.EncodeToString(sum[:])}
	if x != nil {
		res, err := x.Extract(ctx, doc)
		if err != nil {
			return nil, err
		}
		for _, e := range res.Entities {
			for _, m := range e.Mentions {
				out = append(out, ner.Span{Start: m.Start, End: m.End, Type: extract.TagType(e.Type)})
			}
		}
		return out, nil
	}
	runes := []rune(txt)
	found, err := rec.Recognize(runes, text.Split(doc, runes))
	if err != nil {
		return nil, err
	}
	for _, f := range found {
		out = append(out, ner.Span{Start: f.Start, End: f.End, Type: extract.TagType(f.Type)})
	}
	return out, nil
}

// writeSpanErrors lists, per document, the gold entities missed and the
// predicted ones that are wrong, with their text.
func writeSpanErrors(w io.Writer, gold []spanGold, pred [][]ner.Span, types []string) error {
	keep := func(t string) bool {
		if len(types) == 0 {
			return true
		}
		for _, x := range types {
			if x == t {
				return true
			}
		}
		return false
	}
	for d, g := range gold {
		runes := []rune(g.Text)
		gs := make(map[ner.Span]bool)
		for _, s := range g.Entities {
			gs[s] = true
		}
		ps := make(map[ner.Span]bool)
		for _, s := range pred[d] {
			ps[s] = true
		}
		var lines []string
		show := func(s ner.Span) string {
			return strings.ReplaceAll(string(runes[s.Start:s.End]), "\n", " ")
		}
		for _, s := range g.Entities {
			if !ps[s] && keep(s.Type) {
				lines = append(lines, fmt.Sprintf("%6d  missed    %-4s %s", s.Start, s.Type, show(s)))
			}
		}
		for _, s := range pred[d] {
			if !gs[s] && keep(s.Type) {
				lines = append(lines, fmt.Sprintf("%6d  spurious  %-4s %s", s.Start, s.Type, show(s)))
			}
		}
		if len(lines) == 0 {
			continue
		}
		sort.Strings(lines)
		if _, err := fmt.Fprintf(w, "== %s\n%s\n", g.ID, strings.Join(lines, "\n")); err != nil {
			return err
		}
	}
	return nil
}

package wordclust

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
	"unicode"

	"github.com/dossier-project/dossier/extract/text"
	"github.com/dossier-project/dossier/schema"
)

// ReadNews reads unlabelled newswire for the word clusters: a JSON Lines
// file of stories with a "text" field (shared/data/news/reuters21578.jsonl),
// tokenised and split into sentences with package extract/text, as the
// pipeline does. Lines without a lower-case letter (all-caps headlines,
// tables), the closing "Reuter" line and ticker symbols in angle brackets
// ("<BP>") are left out, and so are the stories whose IDs are in exclude
// (the evaluation stories).
func ReadNews(path string, exclude map[string]bool) ([][]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read news: %w", err)
	}
	defer f.Close()
	return ParseNews(f, exclude)
}

// ParseNews is ReadNews on a reader.
func ParseNews(r io.Reader, exclude map[string]bool) ([][]string, error) {
	var out [][]string
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	line := 0
	for sc.Scan() {
		line++
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var story struct {
			ID   string `json:"id"`
			Text string `json:"text"`
		}
		if err := json.Unmarshal(sc.Bytes(), &story); err != nil {
			return nil, fmt.Errorf("read news: line %d: %w", line, err)
		}
		if exclude[story.ID] {
			continue
		}
		body := cleanNews(story.Text)
		if body == "" {
			continue
		}
		doc := &schema.Document{Text: body}
		runes := []rune(body)
		for _, s := range text.Split(doc, runes) {
			toks := make([]string, 0, len(s.Tokens))
			for _, t := range s.Tokens {
				toks = append(toks, t.Text)
			}
			if len(toks) > 1 && HasLowerLetter(strings.Join(toks, " ")) {
				out = append(out, toks)
			}
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read news: %w", err)
	}
	return out, nil
}

// cleanNews drops the lines of a story that carry no running text: those
// without a lower-case letter and the "Reuter" sign-off; they become blank
// lines, so sentences do not run across them; see dropTickers for angle
// brackets.
func cleanNews(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		t := strings.TrimSpace(l)
		if t == "Reuter" || t == "REUTER" || !HasLowerLetter(t) {
			lines[i] = ""
			continue
		}
		lines[i] = dropTickers(l)
	}
	return strings.Join(lines, "\n")
}

// dropTickers removes ticker symbols in angle brackets ("<BP>": no
// lower-case letter, at most 12 bytes) and the brackets around the names
// Reuters marks the same way ("<Fiat Aviazione>" becomes "Fiat Aviazione").
func dropTickers(l string) string {
	if !strings.Contains(l, "<") {
		return l
	}
	var b strings.Builder
	for {
		i := strings.IndexByte(l, '<')
		if i < 0 {
			break
		}
		j := strings.IndexByte(l[i:], '>')
		if j < 0 {
			break
		}
		b.WriteString(l[:i])
		b.WriteByte(' ')
		if in := l[i+1 : i+j]; HasLowerLetter(in) || len(in) > 12 {
			b.WriteString(in)
			b.WriteByte(' ')
		}
		l = l[i+j+1:]
	}
	b.WriteString(l)
	return b.String()
}

// HasLowerLetter tells whether s holds a lower-case letter.
func HasLowerLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLower(r) {
			return true
		}
	}
	return false
}

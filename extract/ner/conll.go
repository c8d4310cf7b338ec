package ner

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// Sentence is one tokenised sentence with one IOB2 tag per token.
//
// Tags may carry fine organisation kinds as in the project's training
// corpora ("B-ORG-party"); [CoarseTag] collapses them to the four CoNLL types.
type Sentence struct {
	Tokens []string
	Tags   []string
	// Doc numbers the document the sentence belongs to, counting from 0 in
	// the order documents appear in the file (-DOCSTART- lines start a new
	// document). Files without -DOCSTART- lines put every sentence in doc 0.
	Doc int
}

// ReadCoNLL reads a CoNLL-format file: token in the first column, tag in the
// last column (columns separated by tabs or spaces), IOB1 or IOB2 tags, blank
// lines between sentences, -DOCSTART- lines skipped. Tags are returned in
// IOB2. A line with fewer than two columns or a tag that is not "O", "B-X" or
// "I-X" is an error.
func ReadCoNLL(r io.Reader) ([]Sentence, error) {
	var (
		out     []Sentence
		cur     Sentence
		doc     int
		docUsed bool
		lineNo  int
	)
	flush := func() {
		if len(cur.Tokens) > 0 {
			cur.Tags = ToIOB2(cur.Tags)
			cur.Doc = doc
			out = append(out, cur)
			docUsed = true
		}
		cur = Sentence{}
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 4*1024*1024)
	for sc.Scan() {
		lineNo++
		line := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(line) == "" {
			flush()
			continue
		}
		fields := strings.Fields(line)
		if strings.Contains(line, "\t") {
			fields = strings.Split(line, "\t")
		}
		if fields[0] == "-DOCSTART-" {
			flush()
			if docUsed {
				doc++
				docUsed = false
			}
			continue
		}
		if len(fields) < 2 {
			return nil, fmt.Errorf("read conll line %d: want token and tag columns, got %q", lineNo, line)
		}
		tok, tag := fields[0], strings.TrimSpace(fields[len(fields)-1])
		if tok == "" {
			return nil, fmt.Errorf("read conll line %d: empty token", lineNo)
		}
		if !validTag(tag) {
			return nil, fmt.Errorf("read conll line %d: invalid tag %q", lineNo, tag)
		}
		cur.Tokens = append(cur.Tokens, tok)
		cur.Tags = append(cur.Tags, tag)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read conll line %d: %w", lineNo+1, err)
	}
	flush()
	return out, nil
}

// WriteCoNLL writes sentences as token<TAB>tag lines with blank lines
// between sentences and a -DOCSTART- line before each new document.
func WriteCoNLL(w io.Writer, sents []Sentence) error {
	bw := bufio.NewWriter(w)
	prevDoc := -1
	for _, s := range sents {
		if s.Doc != prevDoc {
			fmt.Fprintf(bw, "-DOCSTART-\tO\n\n")
			prevDoc = s.Doc
		}
		for i, t := range s.Tokens {
			tag := "O"
			if i < len(s.Tags) {
				tag = s.Tags[i]
			}
			fmt.Fprintf(bw, "%s\t%s\n", t, tag)
		}
		bw.WriteString("\n")
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write conll: %w", err)
	}
	return nil
}

func validTag(tag string) bool {
	if tag == "O" {
		return true
	}
	return len(tag) > 2 && (tag[0] == 'B' || tag[0] == 'I') && tag[1] == '-'
}

// ToIOB2 converts IOB1 or IOB2 tags to IOB2: an "I-X" that does not continue
// an entity of type X becomes "B-X". IOB2 input is returned unchanged.
func ToIOB2(tags []string) []string {
	out := make([]string, len(tags))
	prev := "O"
	for i, t := range tags {
		if strings.HasPrefix(t, "I-") && (prev == "O" || prev[2:] != t[2:]) {
			t = "B-" + t[2:]
		}
		out[i] = t
		prev = t
		if !validTag(prev) {
			prev = "O"
		}
	}
	return out
}

// CoarseTag maps a fine tag to the CoNLL-2003 tag set: "B-ORG-party" becomes
// "B-ORG"; DATE and any type other than PER, ORG, LOC and MISC become "O".
func CoarseTag(tag string) string {
	if len(tag) < 3 || tag[1] != '-' {
		return "O"
	}
	typ := tag[2:]
	if strings.HasPrefix(typ, "ORG-") {
		typ = "ORG"
	}
	switch typ {
	case "PER", "ORG", "LOC", "MISC":
		return tag[:2] + typ
	}
	return "O"
}

// Span is an entity found in a tag sequence: tokens [Start, End) of type Type.
type Span struct {
	Start, End int
	Type       string
}

// Spans returns the entities encoded by IOB1 or IOB2 tags. An "I-X" that
// does not follow a B-X or I-X starts a new entity, so malformed sequences
// are read leniently.
func Spans(tags []string) []Span {
	var out []Span
	open := -1
	typ := ""
	for i, t := range tags {
		var p byte = 'O'
		cur := ""
		if validTag(t) && t != "O" {
			p, cur = t[0], t[2:]
		}
		if open >= 0 && (p == 'O' || p == 'B' || cur != typ) {
			out = append(out, Span{open, i, typ})
			open = -1
		}
		if p != 'O' && open < 0 {
			open, typ = i, cur
		}
	}
	if open >= 0 {
		out = append(out, Span{open, len(tags), typ})
	}
	return out
}

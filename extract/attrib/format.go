package attrib

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
)

// Document is one annotated (or predicted) document of the JSON Lines
// format: the fields of PolNeAR's train.jsonl.gz that this package reads
// and writes. Offsets are Unicode code-point offsets into Text, end
// exclusive.
type Document struct {
	DocID        string        `json:"doc_id"`
	Split        string        `json:"split,omitempty"`
	Annotator    string        `json:"annotator,omitempty"`
	Publisher    string        `json:"publisher,omitempty"`
	Date         string        `json:"date,omitempty"`
	Title        string        `json:"title,omitempty"`
	Text         string        `json:"text,omitempty"`
	Attributions []Attribution `json:"attributions"`
}

// Attribution is one attribution: the fragments of each role. A role with
// no fragments (a source the text does not name) is null in JSON.
type Attribution struct {
	ID               string    `json:"id,omitempty"`
	Stance           string    `json:"stance,omitempty"` // dossier's stance, in predictions only
	SourceText       string    `json:"source_text,omitempty"`
	SourceFragments  Fragments `json:"source_fragments"`
	CueText          string    `json:"cue_text,omitempty"`
	CueFragments     Fragments `json:"cue_fragments"`
	ContentText      string    `json:"content_text,omitempty"`
	ContentFragments Fragments `json:"content_fragments"`
}

// Fragments are [start, end) code-point ranges; nil is written as null.
type Fragments [][2]int

// Read reads documents in the JSON Lines format from r; name is used in
// errors. Blank lines are skipped. A line that is not a JSON object of the
// format, or whose fragments lie outside its text, is an error naming the
// line.
func Read(r io.Reader, name string) ([]Document, error) {
	br := bufio.NewReaderSize(r, 1<<16)
	var docs []Document
	for line := 1; ; line++ {
		b, err := br.ReadBytes('\n')
		if len(strings.TrimSpace(string(b))) > 0 {
			var d Document
			if jerr := json.Unmarshal(b, &d); jerr != nil {
				return nil, fmt.Errorf("%s:%d: %v", name, line, jerr)
			}
			if d.DocID == "" {
				return nil, fmt.Errorf("%s:%d: no doc_id", name, line)
			}
			if err := d.check(); err != nil {
				return nil, fmt.Errorf("%s:%d: document %s: %v", name, line, d.DocID, err)
			}
			docs = append(docs, d)
		}
		if err == io.EOF {
			return docs, nil
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
	}
}

// check verifies that every fragment is a range inside the text (when the
// document has a text: a prediction file may leave it out).
func (d *Document) check() error {
	n := -1
	if d.Text != "" {
		n = len([]rune(d.Text))
	}
	for _, a := range d.Attributions {
		for _, fs := range []Fragments{a.SourceFragments, a.CueFragments, a.ContentFragments} {
			for _, f := range fs {
				if f[0] < 0 || f[1] < f[0] || (n >= 0 && f[1] > n) {
					return fmt.Errorf("attribution %q: fragment [%d, %d) outside the text", a.ID, f[0], f[1])
				}
			}
		}
	}
	return nil
}

// ReadFile reads a JSON Lines file, gzip-compressed when its name ends in
// ".gz".
func ReadFile(path string) ([]Document, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var r io.Reader = f
	if strings.HasSuffix(path, ".gz") {
		zr, err := gzip.NewReader(f)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		defer zr.Close()
		r = zr
	}
	return Read(r, path)
}

// Write writes documents as JSON Lines; a document without attributions
// has an empty list.
func Write(w io.Writer, docs []Document) error {
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	for i := range docs {
		d := docs[i]
		if d.Attributions == nil {
			d.Attributions = []Attribution{} // [], not null: readers take its len
		}
		if err := enc.Encode(&d); err != nil {
			return err
		}
	}
	return bw.Flush()
}

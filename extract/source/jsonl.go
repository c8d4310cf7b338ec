package source

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/dossier-project/dossier/schema"
)

// record is one JSON Lines record. Fields other than Text are read
// loosely: a number where a string was expected is taken as its digits,
// anything else is ignored.
type record struct {
	ID        json.RawMessage `json:"id"`
	Title     json.RawMessage `json:"title"`
	Headline  json.RawMessage `json:"headline"`
	Date      json.RawMessage `json:"date"`
	Source    json.RawMessage `json:"source"`
	Publisher json.RawMessage `json:"publisher"`
	URL       json.RawMessage `json:"url"`
	Link      json.RawMessage `json:"link"`
	Dateline  json.RawMessage `json:"dateline"`
	Text      json.RawMessage `json:"text"`
}

// str returns a JSON string or number as a string, and "" for anything
// else.
func str(raw json.RawMessage) string {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 {
		return ""
	}
	if raw[0] == '"' {
		var s string
		if json.Unmarshal(raw, &s) == nil {
			return strings.TrimSpace(s)
		}
		return ""
	}
	if _, err := strconv.ParseFloat(string(raw), 64); err == nil {
		return string(raw)
	}
	return ""
}

// readJSON reads a JSON Lines input line by line or, when it is a JSON
// array or its first line is not a whole JSON value (objects spread over
// lines), as a stream of JSON values.
func (o Options) readJSON(name string, br *bufio.Reader, head []byte, whole bool, yield func(Item) bool) {
	t := bytes.TrimLeft(bytes.TrimPrefix(head, bom), " \t\r\n")
	if len(t) > 0 && t[0] == '[' {
		o.readJSONStream(name, br, true, yield)
		return
	}
	if i := bytes.IndexByte(t, '\n'); i >= 0 {
		first := bytes.TrimSpace(t[:i])
		if !json.Valid(first) && (string(first) == "{" || (whole && json.Valid(bytes.TrimSpace(t)))) {
			o.readJSONStream(name, br, false, yield)
			return
		}
	}
	o.readJSONLines(name, br, yield)
}

// maxBadLead is how many records may fail, before any is read, until a
// JSON Lines input is given up as not JSON Lines at all (a binary file
// named .jsonl), rather than reported line by line.
const maxBadLead = 100

// readJSONLines reads one record a line. Each line fails or succeeds
// alone, whatever its bytes.
func (o Options) readJSONLines(name string, br *bufio.Reader, yield func(Item) bool) {
	n, items, good := 0, 0, 0
	for {
		b, tooLong, err := readLine(br, MaxDocumentSize)
		if len(b) == 0 && tooLong == 0 && err != nil {
			if !errors.Is(err, io.EOF) {
				yield(failed(name, n+1, fmt.Errorf("read: %w", err)))
				return
			}
			break
		}
		n++
		if n == 1 {
			b = bytes.TrimPrefix(b, bom)
		}
		if tooLong > 0 {
			items++
			if !yield(failed(name, n, fmt.Errorf("record %w", ErrTooLarge))) {
				return
			}
			continue
		}
		b = bytes.TrimSpace(b)
		if len(b) == 0 {
			continue
		}
		items++
		doc, rerr := o.parseRecord(b, fmt.Sprintf("%s#%d", name, n))
		var it Item
		if rerr != nil {
			it = failed(name, n, rerr)
		} else {
			it = Item{Doc: doc}
			good++
		}
		if !yield(it) {
			return
		}
		if good == 0 && items == maxBadLead {
			yield(failed(name, 0, fmt.Errorf("%w: none of the first %d lines is a JSON Lines record; stopped", ErrMalformed, maxBadLead)))
			return
		}
		if err != nil {
			if !errors.Is(err, io.EOF) {
				yield(failed(name, n+1, fmt.Errorf("read: %w", err)))
			}
			return
		}
	}
	if items == 0 {
		yield(failed(name, 0, ErrEmpty))
	}
}

// readLine reads one line without its "\n". A line longer than limit
// bytes is skipped: readLine returns its length in tooLong and no bytes. err is io.EOF at the end of the input, possibly with a last
// line that had no "\n".
func readLine(br *bufio.Reader, limit int) (b []byte, tooLong int, err error) {
	for {
		frag, e := br.ReadSlice('\n')
		if tooLong > 0 {
			tooLong += len(frag)
		} else if len(b)+len(frag) > limit+1 {
			tooLong = len(b) + len(frag)
			b = nil
		} else {
			b = append(b, frag...)
		}
		switch {
		case e == nil:
			return bytes.TrimSuffix(b, []byte("\n")), tooLong, nil
		case errors.Is(e, bufio.ErrBufferFull):
			continue
		default:
			return b, tooLong, e
		}
	}
}

// readJSONStream reads a JSON array of records (array set), or JSON
// values one after another, numbering the records from 1. A syntax error
// stops the input, since what follows it cannot be told apart.
func (o Options) readJSONStream(name string, br *bufio.Reader, array bool, yield func(Item) bool) {
	if b, _ := br.Peek(len(bom)); bytes.Equal(b, bom) {
		br.Discard(len(bom))
	}
	dec := json.NewDecoder(br)
	if array {
		if _, err := dec.Token(); err != nil {
			yield(failed(name, 0, fmt.Errorf("%w: %w", ErrMalformed, err)))
			return
		}
	}
	n := 0
	for !array || dec.More() {
		var raw json.RawMessage
		err := dec.Decode(&raw)
		if errors.Is(err, io.EOF) && !array {
			break
		}
		n++
		if err != nil {
			yield(failed(name, 0, fmt.Errorf("record %d: %w: %w", n, ErrMalformed, err)))
			return
		}
		doc, rerr := o.parseRecord(raw, fmt.Sprintf("%s#%d", name, n))
		it := Item{Doc: doc}
		if rerr != nil {
			it = failed(name, 0, fmt.Errorf("record %d: %w", n, rerr))
		}
		if !yield(it) {
			return
		}
	}
	if n == 0 {
		yield(failed(name, 0, ErrEmpty))
	}
}

// parseRecord reads one JSON record into a Document read from path. A
// record that is not UTF-8 is transcoded or its bad bytes replaced, as a
// text file's would be, with a warning; one of control bytes is malformed.
func (o Options) parseRecord(b []byte, path string) (*schema.Document, error) {
	if i := bytes.IndexFunc(b, func(r rune) bool { return r < 0x20 && r != '\t' && r != '\n' && r != '\r' }); i >= 0 {
		return nil, fmt.Errorf("%w: control character %U at byte %d (not allowed in JSON)", ErrMalformed, b[i], i)
	}
	b, warn, err := decodeText(b, o.Encoding)
	if err != nil {
		return nil, err
	}
	if t := bytes.TrimSpace(b); len(t) == 0 || t[0] != '{' {
		if !json.Valid(t) {
			var v any
			return nil, fmt.Errorf("%w: %w", ErrMalformed, json.Unmarshal(t, &v))
		}
		return nil, fmt.Errorf("%w: not a JSON object", ErrMalformed)
	}
	var r record
	if err := json.Unmarshal(b, &r); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrMalformed, err)
	}
	var text string
	if t := bytes.TrimSpace(r.Text); len(t) > 0 && t[0] == '"' {
		if err := json.Unmarshal(t, &text); err != nil {
			return nil, fmt.Errorf("%w: %w", ErrMalformed, err)
		}
	}
	if strings.TrimFunc(text, isSpace) == "" {
		return nil, ErrNoText
	}
	doc := newDocument(text, path)
	doc.Warnings = o.warnings(warn)
	if id := str(r.ID); id != "" {
		doc.ID = id
	}
	doc.Title = first(str(r.Title), str(r.Headline))
	doc.Source = first(str(r.Source), str(r.Publisher))
	doc.URL = first(str(r.URL), str(r.Link))
	doc.Date = parseDate(str(r.Date))
	doc.Dateline = str(r.Dateline)
	layout(doc)
	return doc, nil
}

// first returns the first of ss that is not empty.
func first(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}

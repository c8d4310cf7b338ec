// Package source reads articles into schema.Document values: plain text
// files, scraped pages, JSON Lines (or JSON) files of records, HTML pages,
// gzip-compressed copies of any of these, folders of them and standard
// input.
//
// Reading streams: Read hands documents over a channel one at a time and a
// JSON Lines file is read a line at a time, so a corpus of any size flows
// through in constant memory (one document, or one HTML page or text file,
// at a time).
//
// # Formats
//
// The format is chosen by the file name's extension (.txt, .jsonl, .ndjson,
// .json, .html, .htm, .gz), and otherwise, for names without a known
// extension and for standard input, by sniffing the content: gzip's magic
// number, a leading "{" or "[" (JSON), HTML markup, or else text.
//
//   - Text: Document.Text is the whole file. A scraped page (a title line,
//     a date line such as "24 October 2017  Read: 2462", the title
//     repeated, the body, a "More about: #tag #tag" footer) is recognised
//     and gives Title, Date, Tags, Headline and Body; Text stays the whole
//     file so that offsets point into it.
//   - JSON Lines: one object a line with "text" and optional "id", "title"
//     (or "headline"), "date", "source" (or "publisher"), "url" (or
//     "link"). Text is the "text" field. A bad line is an error of its own;
//     the other lines are still read. A .json file holding one JSON array,
//     or objects spread over several lines, is read as a stream of JSON
//     values instead, its records numbered from 1.
//   - HTML: the paragraphs of the page's <article> or <main> (else its
//     <body>), joined by blank lines; title, date, source and URL from its
//     meta tags.
//
// # Encodings
//
// Text is UTF-8 unless the input says otherwise or is not valid UTF-8:
//
//   - a UTF-16 byte order mark (little- or big-endian) is honoured, and a
//     UTF-8 one dropped;
//   - an HTML page's declared charset (<meta charset> or http-equiv) is
//     honoured, unless the page is valid UTF-8 with characters beyond
//     ASCII, a mislabelled page, which is read as UTF-8 with a warning;
//   - a text, page or JSON Lines record that is not valid UTF-8 is read as
//     Windows-1252, or as Latin-1 when none of its bytes is in 0x80-0x9F;
//     but one that also holds valid multi-byte UTF-8 is UTF-8 with damaged
//     bytes, each replaced by U+FFFD;
//   - Options.Encoding (--encoding) forces one encoding on every input.
//
// What was assumed or replaced is said in Document.Warnings: the document
// is read rather than lost.
//
// # Errors
//
// Each input that cannot be read (a missing path, an empty or binary file,
// a malformed record) gives an Item whose Err is an *InputError naming it;
// reading goes on with the other inputs. A JSON Lines record is the unit
// of failure: a bad line, whatever its bytes, fails alone, named by its
// line number. The sentinel errors below can be tested with errors.Is.
package source

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"iter"
	"os"
	"path/filepath"
	"strings"

	"github.com/dossier-project/dossier/extract/dates"
	"github.com/dossier-project/dossier/schema"
)

// MaxDocumentSize is the largest text or HTML document, or JSON Lines
// record, that is read (after decompression); a larger one is an error
// wrapping ErrTooLarge.
const MaxDocumentSize = 64 << 20

// Errors that an InputError may wrap.
var (
	// ErrEmpty: the input holds no text.
	ErrEmpty = errors.New("empty document")
	// ErrBinary: the input is not text (it holds NUL bytes or mostly
	// control characters, or is a known binary format).
	ErrBinary = errors.New("binary file, not a text document")
	// ErrMalformed: a JSON Lines record is not a JSON object.
	ErrMalformed = errors.New("malformed JSON Lines record")
	// ErrNoText: a JSON Lines record has no "text", or an empty one.
	ErrNoText = errors.New(`record has no "text"`)
	// ErrTooLarge: a document or record is larger than MaxDocumentSize.
	ErrTooLarge = fmt.Errorf("larger than %d MiB", MaxDocumentSize>>20)
	// ErrNoDocuments: a folder holds no document that could be read.
	ErrNoDocuments = errors.New("folder holds no readable document")
)

// Item is one document read, or the error that stopped one input (a file, a
// JSON Lines record) from being read. Exactly one of Doc and Err is set;
// Err is always an *InputError.
type Item struct {
	Doc *schema.Document
	Err error
}

// InputError names the input that could not be read and what is wrong with
// it. Line is the line of a JSON Lines file (from 1), or 0.
type InputError struct {
	Path string
	Line int
	Err  error
}

// Error reads like "kaspersky.jsonl:3: malformed JSON Lines record:
// unexpected end of JSON input".
func (e *InputError) Error() string {
	switch {
	case e.Line > 0:
		return fmt.Sprintf("%s:%d: %v", e.Path, e.Line, e.Err)
	case e.Path != "":
		return fmt.Sprintf("%s: %v", e.Path, e.Err)
	}
	return e.Err.Error()
}

// Unwrap returns the underlying error.
func (e *InputError) Unwrap() error { return e.Err }

// Read reads every path (a file, a folder read recursively in lexical
// order, or "-" for stdin) and sends one Item per document or per failed
// input on the returned channel, closing it when done or when ctx is
// cancelled. In a folder, hidden files and folders (names starting with
// ".") are skipped, as are symbolic links to folders; a folder in which no
// document could be read gives an error wrapping ErrNoDocuments as well as
// the errors of its files. stdin is the reader used for "-".
//
// The caller must drain the channel or cancel ctx, or Read's goroutine
// blocks.
func Read(ctx context.Context, paths []string, stdin io.Reader) <-chan Item {
	return Options{}.Read(ctx, paths, stdin)
}

// Options choose how inputs are read. The zero value detects each input's
// format and character encoding, as the package documentation says.
type Options struct {
	// Encoding, when set, is the character encoding of every input
	// (dossier's --encoding); the zero value detects it.
	Encoding Encoding

	streamed bool   // the input is being transcoded from UTF-16 as it is read
	note     string // a warning for every document of the input
}

// Read is the package's Read with these options.
func (o Options) Read(ctx context.Context, paths []string, stdin io.Reader) <-chan Item {
	ch := make(chan Item, 8)
	go func() {
		defer close(ch)
		send := func(it Item) bool {
			if ctx.Err() != nil {
				return false
			}
			select {
			case ch <- it:
				return true
			case <-ctx.Done():
				return false
			}
		}
		for _, p := range paths {
			if p == "-" {
				if stdin == nil {
					if !send(failed("-", 0, errors.New("no standard input"))) {
						return
					}
					continue
				}
				for it := range o.Items("-", stdin) {
					if !send(it) {
						return
					}
				}
				continue
			}
			if !o.readPath(ctx, p, send) {
				return
			}
		}
	}()
	return ch
}

// readPath reads a file or a folder; it returns false when send refused an
// item (ctx was cancelled).
func (o Options) readPath(ctx context.Context, path string, send func(Item) bool) bool {
	info, err := os.Stat(path)
	if err != nil {
		return send(failed(path, 0, err))
	}
	if !info.IsDir() {
		_, ok := o.readFile(path, send)
		return ok
	}
	docs, ok := 0, true
	werr := WalkFiles(ctx, path, func(p string, err error) error {
		if err != nil {
			if !send(failed(p, 0, err)) {
				ok = false
				return fs.SkipAll
			}
			return nil
		}
		n, sent := o.readFile(p, send)
		docs += n
		if !sent {
			ok = false
			return fs.SkipAll
		}
		return nil
	})
	if werr != nil || !ok {
		return false
	}
	if docs == 0 {
		return send(failed(path, 0, ErrNoDocuments))
	}
	return true
}

// WalkFiles calls fn for every file that Read reads in the folder root, in
// lexical order: regular files and links to regular files, at any depth,
// skipping hidden names (a leading dot) and links to folders. A file or
// folder that cannot be read is passed with its error. A root given as a
// link to a folder is followed. fn may return fs.SkipAll to stop; other
// errors stop the walk and are returned.
func WalkFiles(ctx context.Context, root string, fn func(path string, err error) error) error {
	walkRoot := root
	if li, err := os.Lstat(root); err == nil && li.Mode()&fs.ModeSymlink != 0 {
		walkRoot = root + string(filepath.Separator) // WalkDir follows a link given with a trailing separator
	}
	return filepath.WalkDir(walkRoot, func(p string, d fs.DirEntry, err error) error {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if err != nil {
			return fn(p, err)
		}
		if p != walkRoot && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		if !d.Type().IsRegular() {
			st, err := os.Stat(p)
			if err != nil {
				return fn(p, err)
			}
			if st.IsDir() || !st.Mode().IsRegular() {
				return nil // a link to a folder (not followed) or a device
			}
		}
		return fn(p, nil)
	})
}

// readFile reads one file, returning how many documents it held and false
// when send refused an item.
func (o Options) readFile(path string, send func(Item) bool) (int, bool) {
	f, err := os.Open(path)
	if err != nil {
		return 0, send(failed(path, 0, err))
	}
	defer f.Close()
	n := 0
	for it := range o.Items(path, f) {
		if it.Doc != nil {
			n++
		}
		if !send(it) {
			return n, false
		}
	}
	return n, true
}

// Items reads the documents of one input called name (a file name, whose
// extension chooses the format, or "-") from r. It yields one Item per
// document or per failure, reading r as it goes: a JSON Lines input is read
// one line at a time.
func Items(name string, r io.Reader) iter.Seq[Item] { return Options{}.Items(name, r) }

// Items is the package's Items with these options.
func (o Options) Items(name string, r io.Reader) iter.Seq[Item] {
	return func(yield func(Item) bool) {
		o.readInput(name, name, bufio.NewReaderSize(r, 64<<10), 0, yield)
	}
}

// Parse reads the documents of one input called name from data, whose
// format its name or content says (see the package documentation). It
// returns the documents read and the errors (each an *InputError) of the
// parts that could not be; one bad JSON Lines record does not stop the
// others. It is Items over data, for inputs already in memory.
func Parse(name string, data []byte) ([]*schema.Document, []error) {
	var docs []*schema.Document
	var errs []error
	for it := range Items(name, bytes.NewReader(data)) {
		if it.Err != nil {
			errs = append(errs, it.Err)
		} else {
			docs = append(docs, it.Doc)
		}
	}
	return docs, errs
}

// failed returns the Item of an error in input path (at line, or 0). An
// *fs.PathError is unwrapped, since the InputError names the path already.
func failed(path string, line int, err error) Item {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return Item{Err: &InputError{Path: path, Line: line, Err: err}}
}

// newDocument returns the Document of text read from path, identified by
// the hash of its text (ID is the first 16 hex digits of Hash).
func newDocument(text, path string) *schema.Document {
	sum := sha256.Sum256([]byte(text))
	h := hex.EncodeToString(sum[:])
	return &schema.Document{ID: h[:16], Hash: h, Path: path, Text: text}
}

// parseDate reads a metadata date, leaving it empty when it cannot be read:
// an unreadable date does not stop a document.
func parseDate(s string) schema.Date {
	d, err := dates.Parse(s)
	if err != nil {
		return ""
	}
	return d
}

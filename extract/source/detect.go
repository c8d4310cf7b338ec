package source

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// format is the kind of an input.
type format int

const (
	formatUnknown format = iota
	formatText
	formatJSON
	formatHTML
	formatGzip
)

// sniffSize is how much of an input is looked at to tell its format.
const sniffSize = 8 << 10

// formatOf returns the format an input's name says, or formatUnknown.
func formatOf(name string) format {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".txt", ".text":
		return formatText
	case ".jsonl", ".ndjson", ".json":
		return formatJSON
	case ".html", ".htm", ".xhtml":
		return formatHTML
	case ".gz", ".gzip":
		return formatGzip
	}
	return formatUnknown
}

// Signatures of binary formats that may hold no NUL byte early on.
var binaryMagic = [][]byte{
	[]byte("%PDF-"), []byte("PK\x03\x04"), []byte("\x89PNG"), []byte("GIF8"),
	[]byte("\xff\xd8\xff"), []byte("\x7fELF"), []byte("BZh"), []byte("\xfd7zXZ"),
	[]byte("Rar!"), []byte("7z\xbc\xaf"), []byte("\x28\xb5\x2f\xfd"),
}

// sniff tells the format of an input from its first bytes.
func sniff(head []byte) format {
	if bytes.HasPrefix(head, []byte{0x1f, 0x8b}) {
		return formatGzip
	}
	t := bytes.TrimLeft(bytes.TrimPrefix(head, bom), " \t\r\n")
	if len(t) > 0 && (t[0] == '{' || t[0] == '[') {
		return formatJSON
	}
	if len(t) > 0 && t[0] == '<' {
		l := bytes.ToLower(t[:min(len(t), 1024)])
		for _, tag := range []string{"<!doctype html", "<html", "<head", "<body", "<article", "<p>", "<p ", "<div", "<meta", "<title", "<!--"} {
			if bytes.Contains(l, []byte(tag)) {
				return formatHTML
			}
		}
	}
	return formatText
}

// bom is the UTF-8 byte-order mark, dropped from the start of a text.
var bom = []byte("\ufeff")

// isBinary reports whether head looks like the start of a binary file: a
// known binary signature, a NUL byte, or more than one byte in ten that is
// a control character. Bytes that are not UTF-8 do not count: a text in a
// legacy encoding is transcoded (see decodeText).
func isBinary(head []byte) bool {
	for _, m := range binaryMagic {
		if bytes.HasPrefix(head, m) {
			return true
		}
	}
	if bytes.IndexByte(head, 0) >= 0 {
		return true
	}
	odd := 0
	for _, c := range head {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' && c != 0x1b || c == 0x7f {
			odd++
		}
	}
	return odd*10 > len(head)
}

// binaryError is the error of a binary input, with a hint when its head
// looks like UTF-16 without a byte order mark (a NUL in every other byte).
func binaryError(head []byte) error {
	even, odd := 0, 0
	for i, c := range head {
		if c == 0 {
			if i%2 == 0 {
				even++
			} else {
				odd++
			}
		}
	}
	switch n := len(head) / 2; {
	case n > 8 && odd*10 > n*8:
		return fmt.Errorf("%w (it looks like UTF-16 without a byte order mark: try --encoding utf-16le)", ErrBinary)
	case n > 8 && even*10 > n*8:
		return fmt.Errorf("%w (it looks like UTF-16 without a byte order mark: try --encoding utf-16be)", ErrBinary)
	}
	return ErrBinary
}

// readAll reads a whole document of at most MaxDocumentSize bytes.
func readAll(r io.Reader) ([]byte, error) {
	b, err := io.ReadAll(io.LimitReader(r, MaxDocumentSize+1))
	if err != nil {
		return nil, fmt.Errorf("read: %w", err)
	}
	if len(b) > MaxDocumentSize {
		return nil, ErrTooLarge
	}
	return b, nil
}

// peekHead returns the first bytes of br, without consuming them, to tell
// its format: up to sniffSize bytes, or, for what may be JSON Lines, as soon
// as its first line is there, so that a stream of records is not held up
// waiting for more input. whole reports that head is all of the input.
func peekHead(br *bufio.Reader) (head []byte, whole bool, err error) {
	for n := 1; ; n = max(n+1, br.Buffered()) {
		head, err = br.Peek(min(n, sniffSize))
		if errors.Is(err, io.EOF) {
			return head, true, nil
		}
		if err != nil {
			return nil, false, err
		}
		if len(head) >= sniffSize {
			return head, false, nil
		}
		t := bytes.TrimLeft(bytes.TrimPrefix(head, bom), " \t\r\n")
		if len(t) == 0 {
			continue
		}
		if t[0] != '{' {
			// Not JSON Lines: the input is read whole anyway.
			head, err = br.Peek(sniffSize)
			if errors.Is(err, io.EOF) {
				return head, true, nil
			}
			if errors.Is(err, bufio.ErrBufferFull) {
				err = nil
			}
			return head, false, err
		}
		if bytes.IndexByte(t, '\n') >= 0 {
			return head, false, nil
		}
	}
}

// readInput reads the input name from br, choosing its format by fname
// (name, less any compression suffix) or by its content, and yields its
// items. depth counts the layers of compression or re-encoding undone.
func (o Options) readInput(name, fname string, br *bufio.Reader, depth int, yield func(Item) bool) {
	head, whole, err := peekHead(br)
	if err != nil {
		yield(failed(name, 0, fmt.Errorf("read: %w", err)))
		return
	}
	if len(head) == 0 {
		yield(failed(name, 0, ErrEmpty))
		return
	}
	f := formatOf(fname)
	if f == formatUnknown {
		f = sniff(head)
	}
	// Compressed content is decompressed whatever its name says.
	if f == formatGzip || bytes.HasPrefix(head, []byte{0x1f, 0x8b}) {
		if depth > 2 {
			yield(failed(name, 0, errors.New("compressed more than three times")))
			return
		}
		zr, err := gzip.NewReader(br)
		if err != nil {
			yield(failed(name, 0, fmt.Errorf("gzip: %w", err)))
			return
		}
		defer zr.Close()
		inner := fname
		if formatOf(fname) == formatGzip {
			inner = strings.TrimSuffix(fname, filepath.Ext(fname))
		}
		o.readInput(name, inner, bufio.NewReaderSize(zr, 64<<10), depth+1, yield)
		return
	}
	// UTF-16, by its byte order mark or as --encoding says, is turned into
	// UTF-8 as it streams; every other encoding is undone a document (or a
	// JSON Lines record) at a time.
	le, be := bytes.HasPrefix(head, []byte{0xff, 0xfe}), bytes.HasPrefix(head, []byte{0xfe, 0xff})
	if utf16 := o.Encoding.utf16(); !o.streamed && (utf16 != nil || le || be) {
		dec := unicode.BOMOverride(unicode.UTF8.NewDecoder())
		inner := o
		switch {
		case utf16 != nil:
			dec = unicode.BOMOverride(utf16.NewDecoder())
		case le:
			inner.note = "read as UTF-16LE (byte order mark)"
		default:
			inner.note = "read as UTF-16BE (byte order mark)"
		}
		inner.Encoding, inner.streamed = Encoding{}, true
		inner.readInput(name, fname, bufio.NewReaderSize(transform.NewReader(br, dec), 64<<10), depth+1, yield)
		return
	}
	// A JSON Lines file is not judged by its head: a line of control
	// bytes fails alone (see readJSONLines).
	if f != formatJSON && isBinary(head) {
		yield(failed(name, 0, binaryError(head)))
		return
	}
	switch f {
	case formatJSON:
		o.readJSON(name, br, head, whole, yield)
	case formatHTML:
		data, err := readAll(br)
		if err != nil {
			yield(failed(name, 0, err))
			return
		}
		doc, err := o.parseHTML(name, data)
		if err != nil {
			yield(failed(name, 0, err))
			return
		}
		yield(Item{Doc: doc})
	default:
		data, err := readAll(br)
		if err != nil {
			yield(failed(name, 0, err))
			return
		}
		doc, err := o.parseText(name, data)
		if err != nil {
			yield(failed(name, 0, err))
			return
		}
		yield(Item{Doc: doc})
	}
}

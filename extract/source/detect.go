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
	"unicode/utf8"

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
// a control character or not UTF-8.
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
	for i := 0; i < len(head); {
		r, size := utf8.DecodeRune(head[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			if !utf8.FullRune(head[i:]) {
				i = len(head) // a character cut at the end of the window
				continue
			}
			odd++
		case r < 0x20 && r != '\t' && r != '\n' && r != '\r' && r != '\f' && r != '\v' && r != 0x1b, r == 0x7f:
			odd++
		}
		i += size
	}
	return odd*10 > len(head)
}

// checkUTF8 returns an error wrapping ErrInvalidUTF8 that gives the offset
// of the first byte of b that is not UTF-8, or nil.
func checkUTF8(b []byte) error {
	if utf8.Valid(b) {
		return nil
	}
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			return fmt.Errorf("%w at byte %d", ErrInvalidUTF8, i)
		}
		i += size
	}
	return nil
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
func readInput(name, fname string, br *bufio.Reader, depth int, yield func(Item) bool) {
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
		readInput(name, inner, bufio.NewReaderSize(zr, 64<<10), depth+1, yield)
		return
	}
	if (bytes.HasPrefix(head, []byte{0xff, 0xfe}) || bytes.HasPrefix(head, []byte{0xfe, 0xff})) && depth <= 2 {
		dec := unicode.BOMOverride(unicode.UTF8.NewDecoder())
		readInput(name, fname, bufio.NewReaderSize(transform.NewReader(br, dec), 64<<10), depth+1, yield)
		return
	}
	if isBinary(head) {
		yield(failed(name, 0, ErrBinary))
		return
	}
	switch f {
	case formatJSON:
		readJSON(name, br, head, whole, yield)
	case formatHTML:
		data, err := readAll(br)
		if err != nil {
			yield(failed(name, 0, err))
			return
		}
		doc, err := parseHTML(name, data)
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
		doc, err := parseText(name, data)
		if err != nil {
			yield(failed(name, 0, err))
			return
		}
		yield(Item{Doc: doc})
	}
}

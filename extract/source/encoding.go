package source

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
)

// Encoding is a character encoding to read inputs in, as --encoding names
// it. The zero value detects: UTF-8, else Windows-1252 or Latin-1 (see
// Decode).
type Encoding struct {
	name string // canonical name (WHATWG), "" to detect
	enc  encoding.Encoding
}

// LookupEncoding returns the encoding a name or label stands for, as the
// WHATWG Encoding Standard lists them: "utf-8", "utf-16le", "utf-16be",
// "windows-1252" (also "latin1" and "iso-8859-1", as browsers read them),
// "iso-8859-2", "koi8-r", "shift_jis", "gb18030"... "auto" or "" means
// detection.
func LookupEncoding(label string) (Encoding, error) {
	label = strings.TrimSpace(label)
	if label == "" || strings.EqualFold(label, "auto") {
		return Encoding{}, nil
	}
	enc, name := charset.Lookup(label)
	if enc == nil || name == "replacement" {
		return Encoding{}, fmt.Errorf("unknown encoding %q (try utf-8, utf-16le, utf-16be, windows-1252, latin1, iso-8859-2, koi8-r, shift_jis)", label)
	}
	return Encoding{name: name, enc: enc}, nil
}

// String returns the encoding's name, or "auto".
func (e Encoding) String() string {
	if e.name == "" {
		return "auto"
	}
	return e.name
}

// utf16 returns the encoding when it is UTF-16, else nil.
func (e Encoding) utf16() encoding.Encoding {
	if e.name == "utf-16le" || e.name == "utf-16be" {
		return e.enc
	}
	return nil
}

// decodeText turns the bytes of a document (a whole text or HTML file, or
// one JSON Lines record) into UTF-8 and says what it assumed, in words for
// Document.Warnings ("" when the bytes were valid UTF-8 and nothing was
// assumed).
//
// A forced encoding (e.name set) is applied as it is; forced UTF-8 replaces
// invalid bytes. Otherwise valid UTF-8 is taken as it is; bytes that are
// not UTF-8 are read as Windows-1252 when none of them is a valid UTF-8
// sequence of two or more bytes (a legacy file), as Latin-1 (ISO 8859-1)
// when moreover none is in 0x80-0x9F (where the two differ); and when the
// text also holds valid multi-byte UTF-8, it is UTF-8 with damaged bytes,
// each replaced by U+FFFD.
func decodeText(b []byte, e Encoding) ([]byte, string, error) {
	if e.enc != nil {
		if e.name == "utf-8" {
			if utf8.Valid(b) {
				return b, "", nil
			}
			out, n := replaceInvalid(b)
			return out, fmt.Sprintf("%d bytes that are not UTF-8 replaced by U+FFFD", n), nil
		}
		out, err := e.enc.NewDecoder().Bytes(b)
		if err != nil {
			return nil, "", fmt.Errorf("decode %s: %w", e.name, err)
		}
		return out, "", nil
	}
	if utf8.Valid(b) {
		return b, "", nil
	}
	invalid, multi, c1, first := 0, 0, 0, -1
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			invalid++
			if first < 0 {
				first = i
			}
			if b[i] >= 0x80 && b[i] <= 0x9f {
				c1++
			}
		case size > 1:
			multi++
		}
		i += size
	}
	if multi > 0 && multi >= invalid {
		out, n := replaceInvalid(b)
		return out, fmt.Sprintf("not valid UTF-8 (first at byte %d): %d bytes replaced by U+FFFD", first, n), nil
	}
	cm, name := charmap.Windows1252, "Windows-1252"
	if c1 == 0 {
		cm, name = charmap.ISO8859_1, "Latin-1 (ISO 8859-1)"
	}
	out, err := cm.NewDecoder().Bytes(b)
	if err != nil {
		return nil, "", fmt.Errorf("decode %s: %w", name, err)
	}
	return out, fmt.Sprintf("not UTF-8 (first at byte %d): read as %s; --encoding chooses another", first, name), nil
}

// replaceInvalid replaces each byte of b that is not part of valid UTF-8
// by U+FFFD and returns how many it replaced.
func replaceInvalid(b []byte) ([]byte, int) {
	var out bytes.Buffer
	out.Grow(len(b) + 16)
	n := 0
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			out.WriteRune(utf8.RuneError)
			n++
		} else {
			out.Write(b[i : i+size])
		}
		i += size
	}
	return out.Bytes(), n
}

// warnings returns the warnings of a document of the input: the input's
// note and w, those that are not empty.
func (o Options) warnings(w ...string) []string {
	var out []string
	for _, s := range append([]string{o.note}, w...) {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

// hasMultibyte reports whether b holds a byte beyond ASCII.
func hasMultibyte(b []byte) bool {
	for _, c := range b {
		if c >= 0x80 {
			return true
		}
	}
	return false
}

package source

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"

	"github.com/dossier-project/dossier/internal/pathology"
	"github.com/dossier-project/dossier/schema"
)

// readWith reads paths with options and returns the documents and errors.
func readWith(t *testing.T, o Options, paths ...string) ([]*schema.Document, []error) {
	t.Helper()
	var docs []*schema.Document
	var errs []error
	for it := range o.Read(context.Background(), paths, nil) {
		if it.Err != nil {
			errs = append(errs, it.Err)
		} else {
			docs = append(docs, it.Doc)
		}
	}
	return docs, errs
}

func encode(t *testing.T, cm *charmap.Charmap, s string) []byte {
	t.Helper()
	b, err := cm.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func utf16With(t *testing.T, e unicode.Endianness, s string) []byte {
	t.Helper()
	b, err := unicode.UTF16(e, unicode.UseBOM).NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestEncodings checks that text in a legacy encoding, UTF-16 with a byte
// order mark, HTML with a declared charset and damaged UTF-8 are read, not
// rejected, with the text right and a warning that says what was assumed.
func TestEncodings(t *testing.T) {
	const latin = "Société Générale's chief executive, Frédéric Oudéa, said the bank did nothing wrong."
	const curly = "“We did nothing wrong,” said Eugene Kaspersky – the company’s chief."
	const page = `<html><head><meta charset="%s"><title>T</title></head><body><p>%s</p></body></html>`
	tests := []struct {
		name, file string
		data       []byte
		text, warn string // the document's text and (a part of) its warning, "" for none
	}{
		{"latin1", "a.txt", encode(t, charmap.ISO8859_1, latin), latin, "read as Latin-1 (ISO 8859-1)"},
		{"cp1252", "a.txt", encode(t, charmap.Windows1252, curly), curly, "read as Windows-1252"},
		{"utf16le", "a.txt", utf16With(t, unicode.LittleEndian, curly), curly, "read as UTF-16LE (byte order mark)"},
		{"utf16be", "a.txt", utf16With(t, unicode.BigEndian, latin), latin, "read as UTF-16BE (byte order mark)"},
		{"utf16 jsonl", "a.jsonl", utf16With(t, unicode.LittleEndian, `{"text": "`+curly+`"}`+"\n"), curly, "read as UTF-16LE"},
		{"damaged utf8", "a.txt", []byte("Café \xff crème brûlée."), "Café \uFFFD crème brûlée.", "1 bytes replaced by U+FFFD"},
		{"utf8", "a.txt", []byte(curly), curly, ""},
		{"html declared", "a.html", encode(t, charmap.Windows1252, strings.ReplaceAll(page, "%s", "windows-1252")[:0]+
			strings.Replace(strings.Replace(page, "%s", "windows-1252", 1), "%s", curly, 1)), curly, ""},
		{"html iso-8859-1", "a.html", encode(t, charmap.Windows1252, strings.Replace(strings.Replace(page, "%s", "iso-8859-1", 1), "%s", curly, 1)), curly, ""},
		{"html mislabelled", "a.html", []byte(strings.Replace(strings.Replace(page, "%s", "iso-8859-1", 1), "%s", curly, 1)), curly,
			"declares charset windows-1252 but is valid UTF-8"},
		{"html undeclared", "a.html", encode(t, charmap.Windows1252, strings.Replace(strings.Replace(page, `<meta charset="%s">`, "", 1), "%s", curly, 1)), curly,
			"read as Windows-1252"},
		{"jsonl latin1 line", "a.jsonl", append([]byte(`{"text": "`), append(encode(t, charmap.ISO8859_1, latin), "\"}\n"...)...), latin, "read as Latin-1"},
	}
	dir := t.TempDir()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := filepath.Join(dir, strings.ReplaceAll(tt.name, " ", "-")+"-"+tt.file)
			if err := os.WriteFile(p, tt.data, 0o644); err != nil {
				t.Fatal(err)
			}
			docs, errs := readWith(t, Options{}, p)
			if len(errs) > 0 || len(docs) != 1 {
				t.Fatalf("%d documents, errors %v", len(docs), errs)
			}
			d := docs[0]
			if d.Text != tt.text {
				t.Errorf("text %q, want %q", d.Text, tt.text)
			}
			w := strings.Join(d.Warnings, "; ")
			if tt.warn == "" && w != "" || !strings.Contains(w, tt.warn) {
				t.Errorf("warnings %q, want %q", w, tt.warn)
			}
		})
	}
}

// TestForcedEncoding checks --encoding: KOI8-R, which detection would take
// for Windows-1252, UTF-16 without a byte order mark, and UTF-8 whose bad
// bytes are replaced rather than transcoded.
func TestForcedEncoding(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	const russian = "Лаборатория Касперского отрицает обвинения."
	koi := write("koi8.txt", encode(t, charmap.KOI8R, russian))
	le, _ := unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM).NewEncoder().Bytes([]byte("No BOM here, said Mr Smith."))
	u16 := write("nobom.txt", le)
	latin := write("latin.txt", []byte("Caf\xe9 au lait"))
	for _, tt := range []struct {
		enc, path, text, warn string
	}{
		{"koi8-r", koi, russian, ""},
		{"utf-16le", u16, "No BOM here, said Mr Smith.", ""},
		{"utf-8", latin, "Caf\uFFFD au lait", "1 bytes that are not UTF-8 replaced"},
		{"latin1", latin, "Café au lait", ""},
	} {
		e, err := LookupEncoding(tt.enc)
		if err != nil {
			t.Fatal(err)
		}
		docs, errs := readWith(t, Options{Encoding: e}, tt.path)
		if len(errs) > 0 || len(docs) != 1 {
			t.Fatalf("%s: %d documents, errors %v", tt.enc, len(docs), errs)
		}
		if docs[0].Text != tt.text || !strings.Contains(strings.Join(docs[0].Warnings, ";"), tt.warn) {
			t.Errorf("%s: text %q warnings %q, want %q and %q", tt.enc, docs[0].Text, docs[0].Warnings, tt.text, tt.warn)
		}
	}
	if _, err := LookupEncoding("klingon"); err == nil || !strings.Contains(err.Error(), `unknown encoding "klingon"`) {
		t.Errorf("LookupEncoding(klingon) = %v", err)
	}
	if e, err := LookupEncoding("auto"); err != nil || e.String() != "auto" {
		t.Errorf("LookupEncoding(auto) = %v, %v", e, err)
	}
}

// TestJSONLinesUnitOfFailure checks that a bad line, whatever its bytes,
// fails alone and names its line, and that a file that is not JSON Lines
// at all stops with one more error after maxBadLead lines.
func TestJSONLinesUnitOfFailure(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "control.jsonl")
	if err := os.WriteFile(p, pathology.JSONLControl(0), 0o644); err != nil {
		t.Fatal(err)
	}
	docs, errs := readWith(t, Options{}, p)
	if len(docs) != 5 || len(errs) != 1 {
		t.Fatalf("%d documents and %d errors (%v), want 5 and 1", len(docs), len(errs), errs)
	}
	var ie *InputError
	if !errors.As(errs[0], &ie) || ie.Line != 3 || !errors.Is(errs[0], ErrMalformed) {
		t.Errorf("error %v, want line 3, malformed", errs[0])
	}
	p = filepath.Join(dir, "binary.jsonl")
	if err := os.WriteFile(p, bytes.Repeat([]byte("\x00\x01\x02garbage\n"), 500), 0o644); err != nil {
		t.Fatal(err)
	}
	docs, errs = readWith(t, Options{}, p)
	if len(docs) != 0 || len(errs) != maxBadLead+1 || !strings.Contains(errs[len(errs)-1].Error(), "none of the first 100 lines") {
		t.Errorf("%d documents and %d errors, last %v", len(docs), len(errs), errs[len(errs)-1])
	}
}

// FuzzEncodings reads any bytes under each kind of name with every way of
// choosing an encoding (detection, forced Windows-1252, UTF-16 and UTF-8):
// documents must hold valid UTF-8 with their offsets in range, and every
// failure must be an *InputError.
func FuzzEncodings(f *testing.F) {
	for _, k := range []string{"latin1", "cp1252", "utf16-bom", "jsonl-control", "html-charset", "malformed-jsonl"} {
		kind, _ := pathology.Find(k)
		f.Add(kind.File, kind.Gen(0))
	}
	f.Add("a.jsonl", []byte("{\"text\": \"Caf\xe9\"}\n\x00\x01\n{\"text\": \"ok\"}"))
	f.Add("a.html", []byte(`<meta charset="koi8-r"><p>`+"\xf0\xf2\xe9\xf7\xe5\xf4"+`</p>`))
	encs := []Options{{}}
	for _, name := range []string{"windows-1252", "utf-16le", "utf-8"} {
		e, err := LookupEncoding(name)
		if err != nil {
			f.Fatal(err)
		}
		encs = append(encs, Options{Encoding: e})
	}
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		if fuzzTooBig(data, 0) {
			t.Skip("input or its decompressed content over the fuzzing bound")
		}
		for _, o := range encs {
			for it := range o.Items(name, bytes.NewReader(data)) {
				if it.Err != nil {
					var ie *InputError
					if !errors.As(it.Err, &ie) {
						t.Fatalf("error %v is a %T", it.Err, it.Err)
					}
					continue
				}
				checkDoc(t, it.Doc)
				if !utf8.ValidString(it.Doc.Text) {
					t.Fatalf("%s: text is not valid UTF-8 (%s)", it.Doc.Path, o.Encoding)
				}
			}
		}
	})
}

// Bounds of what FuzzEncodings reads: a mutated gzip input can decompress
// to the reader's 64 MB limit, read four times an input, which makes a
// short fuzzing run spend its time on one input. The limit itself is
// tested with a real gzip bomb (TestGzipBomb, and the pathology suite).
const (
	fuzzMaxInput        = 1 << 20
	fuzzMaxDecompressed = 4 << 20
)

// fuzzTooBig reports whether data, or what it decompresses to (through
// the three layers of gzip the reader undoes), is over the fuzzing bounds.
func fuzzTooBig(data []byte, depth int) bool {
	if len(data) > fuzzMaxInput && depth == 0 || len(data) > fuzzMaxDecompressed {
		return true
	}
	if depth > 2 || !bytes.HasPrefix(data, []byte{0x1f, 0x8b}) {
		return false
	}
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return false
	}
	inner, _ := io.ReadAll(io.LimitReader(zr, fuzzMaxDecompressed+1))
	return fuzzTooBig(inner, depth+1)
}

// TestGzipBomb: a small gzip file that decompresses past MaxDocumentSize is
// refused as too large, naming the file, without reading it all.
func TestGzipBomb(t *testing.T) {
	data := pathology.GzipBomb(MaxDocumentSize + 1<<20)
	_, errs := Parse("bomb.txt.gz", data)
	if len(errs) != 1 || !errors.Is(errs[0], ErrTooLarge) || !strings.Contains(errs[0].Error(), "bomb.txt.gz") {
		t.Fatalf("errors %v, want one ErrTooLarge naming the file", errs)
	}
}

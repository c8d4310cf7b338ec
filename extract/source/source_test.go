package source

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/dossier-project/dossier/schema"
)

// jsonlFixture is a hand-written JSON Lines file: good records in the
// accepted spellings, and bad lines among them.
const jsonlFixture = `{"id": "k1", "title": "Kaspersky denies", "date": "2017-10-24", "source": "Sky News", "url": "https://example.org/k1", "text": "Mr Kaspersky denies his business helped the FSB."}

{"headline": "BSI has no evidence", "publisher": "Reuters", "link": "https://example.org/b", "date": "26-FEB-1987 15:01:01.79", "text": "In October, the BSI told Reuters it had no evidence.", "extra": [1, 2]}
{"id": 42, "date": "sometime", "text": "A record whose date cannot be read."}
{"text": "unterminated
{"title": "no text here"}
{"text": ""}
["not", "an", "object"]
{"title": "BAHIA COCOA REVIEW", "text": "BAHIA COCOA REVIEW\n\nShowers continued throughout the week in\nthe Bahia cocoa zone.\n    Arrivals were late."}
`

func TestJSONLines(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "news.jsonl")
	if err := os.WriteFile(path, []byte(jsonlFixture), 0o644); err != nil {
		t.Fatal(err)
	}
	docs, errs := readAllItems(t, []string{path}, "")
	type doc struct {
		ID, Path, Title, Source, URL, Text, Headline string
		Date                                         schema.Date
		Body                                         int
	}
	var got []doc
	for _, d := range docs {
		got = append(got, doc{d.ID, d.Path, d.Title, d.Source, d.URL, d.Text, d.Headline.Text, d.Date, len(d.Body)})
	}
	want := []doc{
		{"k1", path + "#1", "Kaspersky denies", "Sky News", "https://example.org/k1", "Mr Kaspersky denies his business helped the FSB.", "", "2017-10-24", 0},
		{docs[1].Hash[:16], path + "#3", "BSI has no evidence", "Reuters", "https://example.org/b", "In October, the BSI told Reuters it had no evidence.", "", "1987-02-26", 0},
		{"42", path + "#4", "", "", "", "A record whose date cannot be read.", "", "", 0},
		// The title opens the text: it is the headline, the rest the body.
		{docs[3].Hash[:16], path + "#9", "BAHIA COCOA REVIEW", "", "", "BAHIA COCOA REVIEW\n\nShowers continued throughout the week in\nthe Bahia cocoa zone.\n    Arrivals were late.", "BAHIA COCOA REVIEW", "", 2},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("documents (-want +got):\n%s", diff)
	}
	wantErrs := []string{
		path + ":5: malformed JSON Lines record: unexpected end of JSON input",
		path + `:6: record has no "text"`,
		path + `:7: record has no "text"`,
		path + ":8: malformed JSON Lines record: not a JSON object",
	}
	var gotErrs []string
	for _, e := range errs {
		gotErrs = append(gotErrs, e.Error())
	}
	if diff := cmp.Diff(wantErrs, gotErrs); diff != "" {
		t.Errorf("errors (-want +got):\n%s", diff)
	}
	if !errors.Is(errs[0], ErrMalformed) || !errors.Is(errs[1], ErrNoText) {
		t.Errorf("errors do not wrap ErrMalformed and ErrNoText: %v", errs)
	}
	if ie := errs[0].(*InputError); ie.Path != path || ie.Line != 5 {
		t.Errorf("InputError %+v, want path %s line 5", ie, path)
	}
}

func TestJSONStreams(t *testing.T) {
	tests := []struct {
		name, data string
		texts      []string
		errs       []string
	}{
		{"array", `[{"text": "one"}, {"text": "two", "id": "x"}]`, []string{"one", "two"}, nil},
		{"array with a bad record", `[{"text": "one"}, {"title": "t"}, {"text": "three"}]`, []string{"one", "three"}, []string{`a.json: record 2: record has no "text"`}},
		{"pretty objects", "{\n  \"text\": \"one\"\n}\n{\n  \"text\": \"two\"\n}\n", []string{"one", "two"}, nil},
		{"broken array", `[{"text": "one"}, {"text": `, []string{"one"}, []string{"a.json: record 2: malformed JSON Lines record: unexpected EOF"}},
		{"empty array", `[]`, nil, []string{"a.json: empty document"}},
		{"lines", "{\"text\": \"one\"}\n{\"text\": \"two\"}", []string{"one", "two"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs, errs := Parse("a.json", []byte(tt.data))
			var texts, msgs []string
			for _, d := range docs {
				checkDoc(t, d)
				texts = append(texts, d.Text)
			}
			for _, e := range errs {
				msgs = append(msgs, e.Error())
			}
			if diff := cmp.Diff(tt.texts, texts); diff != "" {
				t.Errorf("texts (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.errs, msgs); diff != "" {
				t.Errorf("errors (-want +got):\n%s", diff)
			}
		})
	}
}

// htmlFixture is a hand-written news page with the clutter real pages have.
const htmlFixture = `<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Kaspersky denies spying | Example News</title>
<meta property="og:title" content="Kaspersky denies spying for the Kremlin">
<meta property="og:site_name" content="Example News">
<meta property="og:url" content="https://example.org/kaspersky">
<meta property="article:published_time" content="2017-10-24T09:30:00+01:00">
<meta property="article:tag" content="Kaspersky">
<meta property="article:tag" content="Russia">
<link rel="canonical" href="https://example.org/canonical">
<style>p { color: red }</style>
<script>var p = "<p>not text</p>";</script>
</head><body>
<header><nav><p>Home</p><p>World</p></nav></header>
<aside><p>Most read: something else</p></aside>
<article>
  <h1>Kaspersky denies spying</h1>
  <p>Kaspersky Lab&#39;s chief executive   has told
     Sky News that spying &ldquo;would kill our business&rdquo;.</p>
  <figure><img src="x.jpg"><figcaption>Eugene Kaspersky in Moscow</figcaption></figure>
  <p>Mr Kaspersky denies his business helped the <b>FSB</b>.<br>He said so twice.</p>
  <p>   </p>
  <script>track();</script>
  <p>In&nbsp;October, the BSI told Reuters it had no evidence.</p>
  <footer><p>Share this article</p></footer>
</article>
<article><p>Related: another story.</p></article>
<footer><p>Copyright</p></footer>
</body></html>`

func TestHTML(t *testing.T) {
	docs, errs := Parse("page.html", []byte(htmlFixture))
	if len(errs) != 0 || len(docs) != 1 {
		t.Fatalf("got %d documents, errors %v", len(docs), errs)
	}
	d := docs[0]
	checkDoc(t, d)
	wantText := "Kaspersky Lab's chief executive has told Sky News that spying \u201cwould kill our business\u201d.\n\n" +
		"Mr Kaspersky denies his business helped the FSB. He said so twice.\n\n" +
		"In\u00a0October, the BSI told Reuters it had no evidence."
	if d.Text != wantText {
		t.Errorf("Text:\n%q\nwant\n%q", d.Text, wantText)
	}
	got := []string{d.Title, string(d.Date), d.Source, d.URL, strings.Join(d.Tags, ",")}
	want := []string{"Kaspersky denies spying for the Kremlin", "2017-10-24", "Example News", "https://example.org/kaspersky", "Kaspersky,Russia"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("metadata (-want +got):\n%s", diff)
	}
	if d.Body != nil || !d.Headline.IsZero() {
		t.Errorf("Body %v Headline %v: want all of Text as prose", d.Body, d.Headline)
	}
}

func TestHTMLVariants(t *testing.T) {
	tests := []struct {
		name, file, data       string
		text, title, date, url string
	}{
		{"no article: body paragraphs", "a.htm",
			`<html><head><title>T</title><meta name="date" content="24 October 2017"></head><body><nav><p>menu</p></nav><p>One.</p><div><p>Two.</p></div></body></html>`,
			"One.\n\nTwo.", "T", "2017-10-24", ""},
		{"main, h1 title, time element, canonical", "b.html",
			`<body><main><h1>Head</h1><p>Inside.</p></main><p>Outside.</p><time datetime="2016-03-03">3 March</time><link rel="canonical" href="https://x.org/c"></body>`,
			"Inside.", "Head", "2016-03-03", "https://x.org/c"},
		{"no p elements: blocks", "c.html",
			`<html><body><article><div>First block</div><div>Second <i>block</i></div><ul><li>item</li></ul></article></body></html>`,
			"First block\n\nSecond block\n\nitem", "", "", ""},
		{"sniffed without extension", "page",
			"  <!doctype html><html><body><p>Sniffed.</p></body></html>", "Sniffed.", "", "", ""},
		{"declared windows-1252", "d.html",
			"<html><head><meta charset=\"windows-1252\"></head><body><p>Caf\xe9 \x93quoted\x94</p></body></html>",
			"Café \u201cquoted\u201d", "", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs, errs := Parse(tt.file, []byte(tt.data))
			if len(errs) != 0 || len(docs) != 1 {
				t.Fatalf("got %d documents, errors %v", len(docs), errs)
			}
			d := docs[0]
			checkDoc(t, d)
			got := []string{d.Text, d.Title, string(d.Date), d.URL}
			if diff := cmp.Diff([]string{tt.text, tt.title, tt.date, tt.url}, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// gz compresses b.
func gz(t *testing.T, b []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	w := gzip.NewWriter(&buf)
	if _, err := w.Write(b); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestGzip(t *testing.T) {
	model, err := os.ReadFile(modelPath)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		data  []byte
		texts []string
		title string
	}{
		{"a.txt.gz", gz(t, model), []string{string(model)}, "Cybersecurity firm Kaspersky says spying for Kremlin would kill our business"},
		{"a.jsonl.gz", gz(t, []byte("{\"text\": \"one\"}\n{\"text\": \"two\"}\n")), []string{"one", "two"}, ""},
		{"a.html.gz", gz(t, []byte(htmlFixture)), []string{"Kaspersky Lab's chief executive has told Sky News that spying \u201cwould kill our business\u201d.\n\nMr Kaspersky denies his business helped the FSB. He said so twice.\n\nIn\u00a0October, the BSI told Reuters it had no evidence."}, "Kaspersky denies spying for the Kremlin"},
		{"no-extension", gz(t, []byte("{\"text\": \"sniffed\"}\n")), []string{"sniffed"}, ""},
		{"a.gz", gz(t, []byte("plain words")), []string{"plain words"}, ""},
		{"twice.txt.gz.gz", gz(t, gz(t, []byte("twice"))), []string{"twice"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs, errs := Parse(tt.name, tt.data)
			if len(errs) != 0 {
				t.Fatalf("errors %v", errs)
			}
			var texts []string
			for _, d := range docs {
				checkDoc(t, d)
				texts = append(texts, d.Text)
			}
			if diff := cmp.Diff(tt.texts, texts); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
			if docs[0].Title != tt.title || !strings.HasPrefix(docs[0].Path, tt.name) {
				t.Errorf("Title %q Path %q", docs[0].Title, docs[0].Path)
			}
		})
	}
}

func TestBadInput(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	missing := filepath.Join(dir, "missing.txt")
	tests := []struct {
		path string
		is   error
		msg  string
	}{
		{missing, fs.ErrNotExist, missing + ": no such file or directory"},
		{write("empty.txt", nil), ErrEmpty, "empty.txt: empty document"},
		{write("blank.txt", []byte(" \n\u00a0\n\t")), ErrEmpty, "blank.txt: empty document"},
		{write("empty.jsonl", []byte("\n\n")), ErrEmpty, "empty.jsonl: empty document"},
		{write("nul.txt", []byte("text\x00more")), ErrBinary, "nul.txt: binary file, not a text document"},
		{write("image.png", []byte("\x89PNG\r\n\x1a\nrest")), ErrBinary, "image.png: binary file, not a text document"},
		{write("noise.bin", bytes.Repeat([]byte{0xc3, 0x28, 0x01, 'a'}, 50)), ErrBinary, "noise.bin: binary file, not a text document"},
		{write("broken.jsonl", []byte("{\"text\": \"ok\"}\n{\"text\": \n")), ErrMalformed, "broken.jsonl:2: malformed JSON Lines record: unexpected end of JSON input"},
		{write("control.jsonl", []byte("{\"text\": \"ok\"}\n\x01\x02\x00\x1f\n{\"text\": \"ok too\"}\n")), ErrMalformed, "control.jsonl:2: malformed JSON Lines record: control character U+0001 at byte 0"},
		{write("utf16.txt", []byte("A\x00 \x00t\x00e\x00x\x00t\x00 \x00i\x00n\x00 \x00U\x00T\x00F\x00-\x001\x006\x00")), ErrBinary, "utf16.txt: binary file, not a text document (it looks like UTF-16 without a byte order mark: try --encoding utf-16le)"},
		{write("bad.gz", []byte("\x1f\x8bnot really gzip")), nil, "bad.gz: gzip: "},
		{write("nopara.html", []byte("<html><body><script>x()</script></body></html>")), ErrEmpty, "nopara.html: empty document: no paragraphs of text in the page"},
	}
	for _, tt := range tests {
		t.Run(filepath.Base(tt.path), func(t *testing.T) {
			_, errs := readAllItems(t, []string{tt.path}, "")
			if len(errs) != 1 {
				t.Fatalf("errors %v, want one", errs)
			}
			err := errs[0]
			if tt.is != nil && !errors.Is(err, tt.is) {
				t.Errorf("error %v does not wrap %v", err, tt.is)
			}
			msg := strings.TrimPrefix(err.Error(), dir+string(filepath.Separator))
			if tt.path == missing {
				msg = err.Error()
			}
			if !strings.HasPrefix(msg, tt.msg) {
				t.Errorf("error %q, want %q", msg, tt.msg)
			}
		})
	}
	// The other inputs are still read.
	good := write("good.txt", []byte("Good text."))
	docs, errs := readAllItems(t, []string{missing, filepath.Join(dir, "nul.txt"), good}, "")
	if len(docs) != 1 || len(errs) != 2 || docs[0].Text != "Good text." {
		t.Errorf("read %d documents and %d errors, want the good one and 2", len(docs), len(errs))
	}
}

func TestFolder(t *testing.T) {
	dir := t.TempDir()
	files := map[string][]byte{
		"b/2.txt":         []byte("second"),
		"b/1.txt":         []byte("first"),
		"a.jsonl":         []byte("{\"text\": \"zero one\"}\n{\"text\": \"zero two\"}\n"),
		"c/photo.jpg":     []byte("\xff\xd8\xff\xe0\x00\x10JFIF"),
		"c/d/deep.txt.gz": gz(t, []byte("deep")),
		".hidden.txt":     []byte("hidden"),
		".git/config":     []byte("hidden too"),
		"empty/.keep":     []byte("hidden"),
		"only-bad/x.bin":  {0, 1, 2},
	}
	for name, b := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	docs, errs := readAllItems(t, []string{dir}, "")
	var texts, paths, msgs []string
	for _, d := range docs {
		texts = append(texts, d.Text)
		paths = append(paths, strings.TrimPrefix(d.Path, dir))
	}
	for _, e := range errs {
		msgs = append(msgs, strings.TrimPrefix(e.Error(), dir))
	}
	if diff := cmp.Diff([]string{"zero one", "zero two", "first", "second", "deep"}, texts); diff != "" {
		t.Errorf("texts in lexical order (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"/a.jsonl#1", "/a.jsonl#2", "/b/1.txt", "/b/2.txt", "/c/d/deep.txt.gz"}, paths); diff != "" {
		t.Errorf("paths (-want +got):\n%s", diff)
	}
	wantMsgs := []string{"/c/photo.jpg: binary file, not a text document", "/only-bad/x.bin: binary file, not a text document"}
	if diff := cmp.Diff(wantMsgs, msgs); diff != "" {
		t.Errorf("errors (-want +got):\n%s", diff)
	}

	// A link to a folder, given as a path, is followed.
	link := filepath.Join(t.TempDir(), "link")
	if err := os.Symlink(filepath.Join(dir, "b"), link); err != nil {
		t.Fatal(err)
	}
	docs, errs = readAllItems(t, []string{link}, "")
	if len(docs) != 2 || len(errs) != 0 || docs[0].Path != filepath.Join(link, "1.txt") {
		t.Errorf("through a link: %d documents (%v), errors %v", len(docs), docs, errs)
	}

	// A folder with nothing readable is an error naming it.
	for _, sub := range []string{"empty", "only-bad"} {
		p := filepath.Join(dir, sub)
		_, errs := readAllItems(t, []string{p}, "")
		if len(errs) == 0 || !errors.Is(errs[len(errs)-1], ErrNoDocuments) || errs[len(errs)-1].(*InputError).Path != p {
			t.Errorf("folder %s: errors %v, want the last to name it with ErrNoDocuments", sub, errs)
		}
	}
}

func TestStdin(t *testing.T) {
	tests := []struct {
		stdin string
		texts []string
	}{
		{"{\"text\": \"from\"}\n{\"text\": \"stdin\"}\n", []string{"from", "stdin"}},
		{"Just some text.", []string{"Just some text."}},
		{"<html><body><p>Para.</p></body></html>", []string{"Para."}},
	}
	for _, tt := range tests {
		docs, errs := readAllItems(t, []string{"-"}, tt.stdin)
		var texts []string
		for _, d := range docs {
			texts = append(texts, d.Text)
			if !strings.HasPrefix(d.Path, "-") {
				t.Errorf("Path %q, want -", d.Path)
			}
		}
		if len(errs) != 0 || !cmp.Equal(tt.texts, texts) {
			t.Errorf("stdin %q: texts %q errors %v", tt.stdin, texts, errs)
		}
	}
	var got []Item
	for it := range Read(context.Background(), []string{"-"}, nil) {
		got = append(got, it)
	}
	if len(got) != 1 || got[0].Err == nil {
		t.Errorf("no stdin: got %v, want one error", got)
	}
}

// UTF-16 with a byte-order mark is decoded, not refused as binary.
func TestUTF16(t *testing.T) {
	le := []byte{0xff, 0xfe}
	for _, r := range "Héllo" {
		le = append(le, byte(r), byte(r>>8))
	}
	docs, errs := Parse("u.txt", le)
	if len(errs) != 0 || len(docs) != 1 || docs[0].Text != "Héllo" {
		t.Errorf("got %v %v", docs, errs)
	}
}

// Cancelling the context stops reading and closes the channel.
func TestReadCancel(t *testing.T) {
	dir := t.TempDir()
	for i := range 50 {
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("%02d.txt", i)), []byte(fmt.Sprint("text ", i)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	n := 0
	for range Read(ctx, []string{dir}, nil) {
		n++
		if n == 3 {
			cancel()
		}
	}
	if n >= 50 {
		t.Errorf("read %d documents after cancelling at 3", n)
	}
	cancel()
}

// A JSON Lines stream is read record by record: Items yields the first
// document before the input is all there.
func TestItemsStreams(t *testing.T) {
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	go func() {
		fmt.Fprintln(w, `{"text": "first"}`)
		// The writer stays open until the reader has seen the first record.
	}()
	for it := range Items("pipe.jsonl", r) {
		if it.Doc == nil || it.Doc.Text != "first" {
			t.Errorf("got %+v", it)
		}
		w.Close()
		break
	}
}

func FuzzParse(f *testing.F) {
	model, err := os.ReadFile(modelPath)
	if err != nil {
		f.Fatal(err)
	}
	f.Add("a.txt", model)
	f.Add("a.jsonl", []byte(jsonlFixture))
	f.Add("a.json", []byte(`[{"text": "x"}]`))
	f.Add("a.html", []byte(htmlFixture))
	f.Add("a", []byte("{\n\"text\": \"x\"\n}"))
	f.Add("a.gz", []byte("\x1f\x8b\x08"))
	f.Add("a.md", []byte("---\ntitle: \"x\"\nsource: y\n---\nBody.\n"))
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		for _, n := range []string{name, "f.txt", "f.jsonl", "f.html", "f"} {
			docs, errs := Parse(n, data)
			for _, d := range docs {
				checkDoc(t, d)
			}
			for _, e := range errs {
				if _, ok := e.(*InputError); !ok {
					t.Fatalf("error %v is a %T", e, e)
				}
			}
		}
	})
}

func BenchmarkReadJSONLines(b *testing.B) {
	model, err := os.ReadFile(modelPath)
	if err != nil {
		b.Fatal(err)
	}
	text, err := json.Marshal(string(model))
	if err != nil {
		b.Fatal(err)
	}
	var buf bytes.Buffer
	for i := range 1000 {
		fmt.Fprintf(&buf, "{\"id\": \"%d\", \"date\": \"2017-10-24\", \"text\": %s}\n", i, text)
	}
	b.SetBytes(int64(buf.Len()))
	for b.Loop() {
		n := 0
		for it := range Items("bench.jsonl", bytes.NewReader(buf.Bytes())) {
			if it.Err != nil {
				b.Fatal(it.Err)
			}
			n++
		}
		if n != 1000 {
			b.Fatalf("read %d documents", n)
		}
	}
}

func BenchmarkParseText(b *testing.B) {
	model, err := os.ReadFile(modelPath)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(model)))
	for b.Loop() {
		Parse("a.txt", model)
	}
}

func TestReadLine(t *testing.T) {
	// A reader with a 16-byte buffer, so that lines span several reads.
	br := bufio.NewReaderSize(strings.NewReader("short\n"+strings.Repeat("x", 40)+"\nmedium line here\nlast"), 16)
	type line struct {
		Text    string
		TooLong int
		Err     error
	}
	var got []line
	for {
		b, n, err := readLine(br, 20)
		got = append(got, line{string(b), n, err})
		if err != nil {
			break
		}
	}
	want := []line{{"short", 0, nil}, {"", 41, nil}, {"medium line here", 0, nil}, {"last", 0, io.EOF}}
	if diff := cmp.Diff(want, got, cmp.Comparer(func(a, b error) bool { return a == b })); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

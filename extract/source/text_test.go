package source

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/dossier-project/dossier/schema"
)

const modelPath = "testdata/kaspersky-2017-10-24.txt"

// checkDoc verifies the invariants every Document read must hold.
func checkDoc(t *testing.T, d *schema.Document) {
	t.Helper()
	sum := sha256.Sum256([]byte(d.Text))
	if h := hex.EncodeToString(sum[:]); d.Hash != h {
		t.Errorf("%s: Hash %q, want %q", d.Path, d.Hash, h)
	}
	if d.ID == "" {
		t.Errorf("%s: empty ID", d.Path)
	}
	runes := []rune(d.Text)
	if !d.Headline.IsZero() && !d.Headline.Valid(runes) {
		t.Errorf("%s: Headline %+v is not the text at its offsets", d.Path, d.Headline)
	}
	last := 0
	for _, b := range d.Body {
		if !b.Valid(runes) || b.Start < last || b.Start == b.End {
			t.Errorf("%s: Body span %+v is empty, out of order or not the text at its offsets", d.Path, b)
		}
		if d.Headline.Overlaps(b) {
			t.Errorf("%s: Body span %+v overlaps the headline", d.Path, b)
		}
		last = b.End
	}
	if d.Date != "" {
		if _, err := schema.ParseDate(string(d.Date)); err != nil {
			t.Errorf("%s: bad date: %v", d.Path, err)
		}
	}
}

// readAllItems reads paths with Read and returns its documents and errors.
func readAllItems(t *testing.T, paths []string, stdin string) ([]*schema.Document, []error) {
	t.Helper()
	var docs []*schema.Document
	var errs []error
	for it := range Read(context.Background(), paths, strings.NewReader(stdin)) {
		if (it.Doc == nil) == (it.Err == nil) {
			t.Fatalf("item %+v: want exactly one of Doc and Err", it)
		}
		if it.Err != nil {
			if _, ok := it.Err.(*InputError); !ok {
				t.Errorf("error %v is a %T, want *InputError", it.Err, it.Err)
			}
			errs = append(errs, it.Err)
			continue
		}
		checkDoc(t, it.Doc)
		docs = append(docs, it.Doc)
	}
	return docs, errs
}

func TestModelArticle(t *testing.T) {
	data, err := os.ReadFile(modelPath)
	if err != nil {
		t.Fatal(err)
	}
	docs, errs := readAllItems(t, []string{modelPath}, "")
	if len(errs) != 0 || len(docs) != 1 {
		t.Fatalf("read %d documents and errors %v, want 1 document", len(docs), errs)
	}
	d := docs[0]
	const title = "Cybersecurity firm Kaspersky says spying for Kremlin would kill our business"
	if d.Text != string(data) {
		t.Errorf("Text is not the whole file")
	}
	if d.Path != modelPath || d.ID != d.Hash[:16] {
		t.Errorf("Path %q ID %q, want %q and the hash's first 16 digits", d.Path, d.ID, modelPath)
	}
	if d.Title != title || d.Date != "2017-10-24" {
		t.Errorf("Title %q Date %q", d.Title, d.Date)
	}
	if diff := cmp.Diff([]string{"Kaspersky", "Russia", "cybersecurity"}, d.Tags); diff != "" {
		t.Errorf("Tags (-want +got):\n%s", diff)
	}
	if want := (schema.Span{Text: title, Start: 0, End: 76}); d.Headline != want {
		t.Errorf("Headline %+v, want %+v", d.Headline, want)
	}
	// One span a paragraph: the 16 lines of prose, not the date line, the
	// repeated title or the footer.
	if len(d.Body) != 16 {
		t.Errorf("Body has %d paragraphs, want 16", len(d.Body))
	}
	for _, b := range d.Body {
		for _, bad := range []string{"Read: 2462", "More about", "#Russia", title, "\n"} {
			if strings.Contains(b.Text, bad) {
				t.Errorf("Body span %q holds %q", b.Text, bad)
			}
		}
	}
	if !strings.HasPrefix(d.Body[0].Text, "Kaspersky Lab's chief executive has told") {
		t.Errorf("first paragraph %.40q", d.Body[0].Text)
	}
	if got := d.Body[len(d.Body)-1].Text; !strings.HasSuffix(got, `the vendor comes from."`) {
		t.Errorf("last paragraph ends %q", got[max(0, len(got)-40):])
	}
	runes := []rune(d.Text)
	if got := string(runes[d.Body[0].Start:d.Body[0].End]); got != d.Body[0].Text {
		t.Errorf("Body offsets are not into the whole file")
	}
}

func TestText(t *testing.T) {
	type want struct {
		Title, Source, URL string
		Date               schema.Date
		Tags               []string
		Headline           string
		Body               []string // nil: Body must be nil
	}
	tests := []struct {
		name, text string
		want       want
	}{
		{"plain", "Mr Kaspersky denies it.\nHe said so.\n", want{}},
		{"one line", "Hello", want{}},
		{"headline-like first line, nothing else", "Title\n\nBody text.\n", want{}},
		{"published label", "A headline\n\nPublished: 3 March 2016 | By Jane Doe\n\nFirst paragraph.\n\nSecond one.\n",
			want{Title: "A headline", Date: "2016-03-03", Headline: "A headline", Body: []string{"First paragraph.", "Second one."}}},
		{"bare date line and byline", "A headline\nOctober 24, 2017 10:30 GMT\nBy John Smith\nBody.\n",
			want{Title: "A headline", Date: "2017-10-24", Headline: "A headline", Body: []string{"Body."}}},
		{"title repeated only", "Big news\n\nBig news\nIt happened.\n",
			want{Title: "Big news", Headline: "Big news", Body: []string{"It happened."}}},
		{"title repeated with other spacing", "Big  news\n\nBig\u00a0news \nIt happened.\n",
			want{Title: "Big news", Headline: "Big  news", Body: []string{"It happened."}}},
		{"tags footer with commas", "Big news\n\nIt happened.\n\nTags: Russia, FSB; NSA\n",
			want{Title: "Big news", Tags: []string{"Russia", "FSB", "NSA"}, Headline: "Big news", Body: []string{"It happened."}}},
		{"CRLF and hard-wrapped paragraphs", "Big news\r\n\r\n24 October 2017  Views: 10\r\nThe first paragraph is\r\nwrapped over lines.\r\n    An indented one.\r\nA short one.\r\nAnd the last.\r\n",
			want{Title: "Big news", Date: "2017-10-24", Headline: "Big news",
				Body: []string{"The first paragraph is\r\nwrapped over lines.", "An indented one.", "A short one.", "And the last."}}},
		{"abbreviations do not end a wrapped paragraph", "Big news\n\nBig news\nThe report by Mr.\nSmith reached the U.S.\nTreasury on Monday.\nA new one.\n",
			want{Title: "Big news", Headline: "Big news", Body: []string{"The report by Mr.\nSmith reached the U.S.\nTreasury on Monday.", "A new one."}}},
		{"date in a sentence is no date line", "Big news\nOn 24 October 2017 the company said it would publish its source code.\n", want{}},
		// A header block of labelled lines, or Markdown front matter.
		{"labelled lines", "Title: EU accuses RT\nDate: 11 March 2021\nSource: Example News\nURL: https://example.com/a\n\nThe EU said so.\n\nRT denied it.\n",
			want{Title: "EU accuses RT", Source: "Example News", URL: "https://example.com/a", Date: "2021-03-11", Headline: "EU accuses RT",
				Body: []string{"The EU said so.", "RT denied it."}}},
		{"front matter, quoted, any case", "---\ntitle: \"EU accuses RT\"\nPublished: 2021-03-11\nauthor: Jane Doe\nlink: 'https://example.com/a'\n---\nThe EU said so.\n",
			want{Title: "EU accuses RT", URL: "https://example.com/a", Date: "2021-03-11", Headline: "EU accuses RT", Body: []string{"The EU said so."}}},
		{"a source and a byline, no title", "Source: Reuters\nBy: John Smith\n\nThe EU said so.\n",
			want{Source: "Reuters", Body: []string{"The EU said so."}}},
		{"one title line", "Title: Big news\n\nIt happened.\n", want{Title: "Big news", Headline: "Big news", Body: []string{"It happened."}}},
		{"a byline alone is no header", "By: John Smith\n\nIt happened.\n", want{}},
		{"a line that is no field: no header", "Title: Big news\nSource: Reuters\nIt happened on Monday.\n", want{}},
		{"unclosed front matter", "---\ntitle: Big news\nsource: Reuters\n", want{}},
		// A headline and a byline, then the story's dateline: its date.
		{"headline, byline, dateline", "WADA accuses Russia\n\nBy Anna Keller\n\nGENEVA, Sept 23, 2019 -- The agency said so.\n\nRussia denied it.\n",
			want{Title: "WADA accuses Russia", Date: "2019-09-23", Headline: "WADA accuses Russia",
				Body: []string{"GENEVA, Sept 23, 2019 -- The agency said so.", "Russia denied it."}}},
		{"dateline of a plain text", "NEW YORK, March 3, 2021 (Example) - Shares fell.\n", want{Date: "2021-03-03"}},
		{"dateline without a year gives no date", "WASHINGTON, July 12 (Example Wire) - Microsoft said so.\n", want{}},
		{"a date after the dateline's dash is the story's", "LONDON - The company said on March 3, 2021 that it would close.\n", want{}},
		{"a byline under a sentence is no header", "The agency said so.\nBy John Smith\n\nIt happened.\n", want{}},
		{"UTF-8 BOM dropped", "\ufeffBig news\n\nBig news\nIt happened.\n",
			want{Title: "Big news", Headline: "Big news", Body: []string{"It happened."}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs, errs := Parse("a.txt", []byte(tt.text))
			if len(errs) != 0 || len(docs) != 1 {
				t.Fatalf("got %d documents, errors %v", len(docs), errs)
			}
			d := docs[0]
			checkDoc(t, d)
			if d.Text != strings.TrimPrefix(tt.text, "\ufeff") {
				t.Errorf("Text %q is not the whole input", d.Text)
			}
			got := want{Title: d.Title, Source: d.Source, URL: d.URL, Date: d.Date, Tags: d.Tags, Headline: d.Headline.Text}
			if d.Body != nil {
				got.Body = []string{}
				for _, b := range d.Body {
					got.Body = append(got.Body, b.Text)
				}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// The model article as shared keeps reading the same way as the copy in
// testdata.
func TestSharedCorpus(t *testing.T) {
	const shared = "../../../shared/corpus/kaspersky-2017-10-24.txt"
	if _, err := os.Stat(shared); err != nil {
		t.Skip("shared corpus not present:", err)
	}
	a, _ := readAllItems(t, []string{shared}, "")
	b, _ := readAllItems(t, []string{modelPath}, "")
	if len(a) != 1 || len(b) != 1 || a[0].Hash != b[0].Hash || !cmp.Equal(a[0].Body, b[0].Body) {
		t.Errorf("the shared article and the testdata copy read differently")
	}
}

package source

import (
	"testing"

	"github.com/dossier-project/dossier/schema"
)

func TestTextHeader(t *testing.T) {
	type want struct {
		Title, Source, URL string
		Date               schema.Date
		Headline           string
		Body               []string // nil: Body must be nil
	}
	tests := []struct {
		name, text string
		want       want
	}{
		{"labelled lines", "Title: EU accuses RT\nDate: 11 March 2021\nSource: Example News\nURL: https://example.com/a\n\nThe EU said so.\n\nRT denied it.\n",
			want{Title: "EU accuses RT", Source: "Example News", URL: "https://example.com/a", Date: "2021-03-11", Headline: "EU accuses RT",
				Body: []string{"The EU said so.", "RT denied it."}}},
		{"front matter, quoted, any case", "---\ntitle: \"EU accuses RT\"\nPublished: 2021-03-11\nauthor: Jane Doe\nlink: 'https://example.com/a'\n---\nThe EU said so.\n",
			want{Title: "EU accuses RT", URL: "https://example.com/a", Date: "2021-03-11", Headline: "EU accuses RT", Body: []string{"The EU said so."}}},
		{"a source and a byline, no title", "Source: Reuters\nBy: John Smith\n\nThe EU said so.\n",
			want{Source: "Reuters", Body: []string{"The EU said so."}}},
		{"one title line", "Title: Big news\n\nIt happened.\n", want{Title: "Big news", Headline: "Big news", Body: []string{"It happened."}}},
		{"a byline alone is no header", "By: John Smith\n\nIt happened.\n", want{}},
		{"a line that is no field ends nothing: no header", "Title: Big news\nSource: Reuters\nIt happened on Monday.\n", want{}},
		{"scraped page's metadata is left to layout", "A headline\n\nPublished: 3 March 2016 | By Jane Doe\n\nFirst paragraph.\n",
			want{Title: "A headline", Date: "2016-03-03", Headline: "A headline", Body: []string{"First paragraph."}}},
		{"unclosed front matter", "---\ntitle: Big news\nsource: Reuters\n", want{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs, errs := Parse("a.txt", []byte(tt.text))
			if len(errs) != 0 || len(docs) != 1 {
				t.Fatalf("got %d documents, errors %v", len(docs), errs)
			}
			d := docs[0]
			got := want{Title: d.Title, Source: d.Source, URL: d.URL, Date: d.Date, Headline: d.Headline.Text}
			if d.Body != nil {
				got.Body = []string{}
				for _, b := range d.Body {
					got.Body = append(got.Body, b.Text)
				}
			}
			if got.Title != tt.want.Title || got.Source != tt.want.Source || got.URL != tt.want.URL || got.Date != tt.want.Date ||
				got.Headline != tt.want.Headline || len(got.Body) != len(tt.want.Body) || (got.Body == nil) != (tt.want.Body == nil) {
				t.Fatalf("got %+v, want %+v", got, tt.want)
			}
			for i := range got.Body {
				if got.Body[i] != tt.want.Body[i] {
					t.Errorf("body %d = %q, want %q", i, got.Body[i], tt.want.Body[i])
				}
			}
			// Offsets point into the text.
			r := []rune(d.Text)
			if h := d.Headline; h.End > h.Start && string(r[h.Start:h.End]) != h.Text {
				t.Errorf("headline span %d-%d is %q, not %q", h.Start, h.End, string(r[h.Start:h.End]), h.Text)
			}
		})
	}
}

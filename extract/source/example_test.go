package source_test

import (
	"fmt"

	"github.com/dossier-project/dossier/extract/source"
)

func ExampleParse() {
	data := []byte(`{"id": "k1", "publisher": "Sky News", "date": "24 October 2017", "text": "Mr Kaspersky denies it."}
{"title": "no text"}
`)
	docs, errs := source.Parse("news.jsonl", data)
	for _, d := range docs {
		fmt.Println(d.ID, d.Path, d.Source, d.Date, d.Text)
	}
	for _, err := range errs {
		fmt.Println(err)
	}
	// Output:
	// k1 news.jsonl#1 Sky News 2017-10-24 Mr Kaspersky denies it.
	// news.jsonl:2: record has no "text"
}

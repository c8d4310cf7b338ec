package main

import (
	"os"
	"path/filepath"
	"testing"
)

// TestStoryIDs checks that the evaluation stories are found in both gold
// layouts (the ledger's "doc" fields, the newswire sets' "id" lines) and
// that a folder without such files is an error, not an empty exclusion.
func TestStoryIDs(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "ledger.json"), []byte(`{"spans": [{"doc": "reuters21578/236"}, {"doc": "reuters21578/248"}]}`), 0o644)
	os.WriteFile(filepath.Join(dir, "news.jsonl"), []byte("{\"id\": \"reuters21578/17\", \"text\": \"reuters21578/99 in text\"}\n"), 0o644)
	ids, err := storyIDs([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"reuters21578/236", "reuters21578/248", "reuters21578/17"} {
		if !ids[id] {
			t.Errorf("%s not found in %v", id, ids)
		}
	}
	if ids["reuters21578/99"] {
		t.Error("an ID inside running text taken for a story ID")
	}
	if _, err := storyIDs([]string{t.TempDir()}); err == nil {
		t.Error("a folder without gold files gave no error")
	}
}

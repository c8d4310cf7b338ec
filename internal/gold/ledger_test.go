package gold

import (
	"strings"
	"testing"
)

func TestLedgerOnly(t *testing.T) {
	g, err := ReadLedger(strings.NewReader(`{"corpus": "c.jsonl",
		"clusters": [{"id": "a", "split": "dev", "docs": [{"id": "d1", "sha256": "x"}]},
		             {"id": "b", "split": "dev", "docs": [{"id": "d2", "sha256": "y"}]}],
		"threads": [{"id": "ta", "cluster": "a", "target": ["A"], "act": "lied"},
		            {"id": "tb", "cluster": "b", "target": ["B"], "act": "cheated"}],
		"allegations": [{"doc": "d1", "start": 0, "end": 4, "thread": "ta"},
		                {"doc": "d2", "start": 0, "end": 4, "thread": "tb"}],
		"answers": [{"doc": "d2", "start": 5, "end": 9, "stance": "deny", "answers": ["tb"]}]}`))
	if err != nil {
		t.Fatal(err)
	}
	b, err := g.Only([]string{"b"})
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Clusters) != 1 || b.Clusters[0].ID != "b" || len(b.Threads) != 1 || b.Threads[0].ID != "tb" ||
		len(b.Allegations) != 1 || b.Allegations[0].Doc != "d2" || len(b.Answers) != 1 || b.Corpus != "c.jsonl" {
		t.Errorf("cluster b alone: %+v", b)
	}
	if _, err := g.Only([]string{"b", "z"}); err == nil || !strings.Contains(err.Error(), `"z"`) || !strings.Contains(err.Error(), "a, b") {
		t.Errorf("an unknown cluster: %v", err)
	}
}

func TestLedgerThreadsAt(t *testing.T) {
	g, err := ReadLedger(strings.NewReader(`{"corpus": "c.jsonl",
		"clusters": [{"id": "a", "split": "dev", "docs": [{"id": "d1", "sha256": "x"}]}],
		"threads": [{"id": "ta", "cluster": "a", "target": ["A"], "act": "lied"},
		            {"id": "tb", "cluster": "a", "target": ["A"], "act": "cheated"}],
		"allegations": [{"doc": "d1", "start": 0, "end": 10, "thread": "ta"},
		                {"doc": "d1", "start": 0, "end": 10, "thread": "tb"},
		                {"doc": "d1", "start": 5, "end": 8, "thread": "ta"},
		                {"doc": "d1", "start": 20, "end": 30, "thread": "tb"}]}`))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		doc        string
		start, end int
		want       string
	}{
		{"d1", 0, 12, "ta,tb"}, // each thread once, in the gold's order
		{"d1", 25, 40, "tb"},
		{"d1", 12, 20, ""}, // touching a span's end is no overlap
		{"d2", 0, 10, ""},
	} {
		if got := strings.Join(g.ThreadsAt(tc.doc, tc.start, tc.end), ","); got != tc.want {
			t.Errorf("ThreadsAt(%s, %d, %d) = %q, want %q", tc.doc, tc.start, tc.end, got, tc.want)
		}
	}
}

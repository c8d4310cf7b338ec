package cli

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestEvalLedgerSplits scores a gold of two splits, one of them test: both
// are scored, and the test split's errors and threads are never listed.
func TestEvalLedgerSplits(t *testing.T) {
	dir := t.TempDir()
	texts := []string{
		"The Senate accused Japan of violating the semiconductor pact. Japan denied violating the pact.",
		"Prosecutors charged Acme Corp with fraud. Acme denied the charges.",
	}
	var corpus strings.Builder
	type doc struct {
		ID     string `json:"id"`
		SHA256 string `json:"sha256"`
	}
	var docs []doc
	for i, tx := range texts {
		id := []string{"d/1", "d/2"}[i]
		b, _ := json.Marshal(map[string]string{"id": id, "text": tx})
		corpus.Write(append(b, '\n'))
		h := sha256.Sum256([]byte(tx))
		docs = append(docs, doc{id, hex.EncodeToString(h[:])})
	}
	g := map[string]any{
		"clusters": []map[string]any{
			{"id": "chips", "split": "dev", "docs": docs[:1]},
			{"id": "acme", "split": "test", "docs": docs[1:]},
		},
		"threads": []map[string]any{
			{"id": "t1", "cluster": "chips", "target": []string{"Japan"}, "act": "violated the pact"},
			{"id": "t2", "cluster": "acme", "target": []string{"Acme"}, "act": "fraud"},
		},
		"allegations": []map[string]any{
			{"doc": "d/1", "start": 4, "end": 40, "thread": "t1"},
			{"doc": "d/2", "start": 12, "end": 40, "thread": "t2"},
		},
		"answers": []map[string]any{
			{"doc": "d/1", "start": 68, "end": 74, "stance": "deny", "answers": []string{"t1"}},
			{"doc": "d/2", "start": 47, "end": 53, "stance": "deny", "answers": []string{"t2"}},
		},
	}
	gb, _ := json.Marshal(g)
	gpath, cpath := filepath.Join(dir, "gold.json"), filepath.Join(dir, "corpus.jsonl")
	if err := os.WriteFile(gpath, gb, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(cpath, []byte(corpus.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	out, stderr, code := run(t, "", "eval", "ledger", gpath, "--corpus", cpath)
	if code != 0 {
		t.Fatalf("%d %s", code, stderr)
	}
	head := strings.Fields(strings.SplitN(out, "\n", 2)[0])
	if strings.Join(head, " ") != "dev test all" {
		t.Errorf("columns %q, want dev test all:\n%s", head, out)
	}
	if !strings.Contains(out, "allegation recall") {

		t.Errorf("no allegation recall:\n%s", out)
	}
	for _, args := range [][]string{{"--errors"}, {"--threads"}, {"--errors", "--split", "test"}} {
		_, stderr, code := run(t, "", append([]string{"eval", "ledger", gpath, "--corpus", cpath}, args...)...)
		if code == 0 || !strings.Contains(stderr, "figures only") {
			t.Errorf("%v listed the test split: %d %s", args, code, stderr)
		}
	}
	out, stderr, code = run(t, "", "eval", "ledger", gpath, "--corpus", cpath, "--split", "dev", "--errors")
	if code != 0 || strings.Contains(out, "d/2") || strings.Contains(out, " test ") {
		t.Errorf("--split dev --errors: %d %s\n%s", code, stderr, out)
	}
	// The threads of the dev split, each allegation with its gold threads.
	out, stderr, code = run(t, "", "eval", "ledger", gpath, "--corpus", cpath, "--split", "dev", "--threads")
	if code != 0 || !strings.Contains(out, "d/1 ") || !strings.Contains(out, " {t1} [") || strings.Contains(out, "d/2") {
		t.Errorf("--split dev --threads: %d %s\n%s", code, stderr, out)
	}
	_, stderr, code = run(t, "", "eval", "ledger", gpath, "--corpus", cpath, "--split", "heldout")
	if code == 0 || !strings.Contains(stderr, "no split") {
		t.Errorf("unknown split: %d %s", code, stderr)
	}
}

// TestEvalLedgerBackground stores other stories beside the gold's with
// --background: they are threaded with the gold's allegations but not
// scored, a copy of a gold document under another ID does not take its
// place, and standard input is refused.
func TestEvalLedgerBackground(t *testing.T) {
	dir := t.TempDir()
	text := "The Senate accused Japan of violating the semiconductor pact. Japan denied violating the pact."
	h := sha256.Sum256([]byte(text))
	line := func(id, tx string) string {
		b, _ := json.Marshal(map[string]string{"id": id, "text": tx})
		return string(b) + "\n"
	}
	g := map[string]any{
		"clusters": []map[string]any{{"id": "chips", "split": "dev",
			"docs": []map[string]string{{"id": "d/1", "sha256": hex.EncodeToString(h[:])}}}},
		"threads":     []map[string]any{{"id": "t1", "cluster": "chips", "target": []string{"Japan"}, "act": "violated the pact"}},
		"allegations": []map[string]any{{"doc": "d/1", "start": 4, "end": 40, "thread": "t1"}},
		"answers":     []map[string]any{{"doc": "d/1", "start": 68, "end": 74, "stance": "deny", "answers": []string{"t1"}}},
	}
	gb, _ := json.Marshal(g)
	gpath, cpath, bpath := filepath.Join(dir, "gold.json"), filepath.Join(dir, "corpus.jsonl"), filepath.Join(dir, "bg.jsonl")
	bg := line("d/1", text) + line("bg/copy", text) +
		line("bg/2", "Lawmakers accused Japan of violating the semiconductor pact again on Monday.")
	for p, s := range map[string]string{gpath: string(gb), cpath: line("d/1", text), bpath: bg} {
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	alone, stderr, code := run(t, "", "eval", "ledger", gpath, "--corpus", cpath)
	if code != 0 {
		t.Fatalf("%d %s", code, stderr)
	}
	with, stderr, code := run(t, "", "eval", "ledger", gpath, "--corpus", cpath, "--background", bpath)
	if code != 0 {
		t.Fatalf("--background: %d %s", code, stderr)
	}
	if with != alone {
		t.Errorf("the background changed the gold's figures:\n%s\nwant\n%s", with, alone)
	}
	out, stderr, code := run(t, "", "eval", "ledger", gpath, "--corpus", cpath, "--background", bpath, "--threads")
	if code != 0 || !strings.Contains(out, "d/1 0-") || !strings.Contains(out, "bg/2 ") || !strings.Contains(out, "{bg}") {
		t.Errorf("--threads with a background: %d %s\n%s", code, stderr, out)
	}
	if strings.Contains(out, "bg/copy") {
		t.Errorf("a copy of a gold document took its place:\n%s", out)
	}
	_, stderr, code = run(t, "", "eval", "ledger", gpath, "--corpus", cpath, "--background", "-")
	if code == 0 || !strings.Contains(stderr, "--background -") || !strings.Contains(stderr, "standard input") {
		t.Errorf("--background -: %d %s", code, stderr)
	}
}

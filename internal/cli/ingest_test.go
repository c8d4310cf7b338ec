package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dossier-project/dossier/graph"
)

// newsFolder writes n short articles into a folder, plus one bad file.
func newsFolder(t *testing.T, n int) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "news")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for i := range n {
		text := fmt.Sprintf("Siemens said on Monday it would build %d trains in Germany, a spokesman told Reuters.\n", i+1)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("a%02d.txt", i)), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "bad.txt"), []byte{0, 1, 2, 3}, 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestIngestJSONProgressAndWorkers(t *testing.T) {
	dir := newsFolder(t, 12)
	store := filepath.Join(t.TempDir(), "s.db")
	out, stderr, code := run(t, "", "--store", store, "ingest", "--workers", "3", "--batch", "5", "--progress=json", dir)
	if code != ExitPartial {
		t.Fatalf("exit %d, want %d (one bad file)\n%s", code, ExitPartial, stderr)
	}
	if !strings.Contains(out, "ingested 12 documents into "+store+" (0 already stored)") {
		t.Errorf("stdout %q", out)
	}
	if !strings.Contains(stderr, "bad.txt: binary file") {
		t.Errorf("stderr does not name the bad file:\n%s", stderr)
	}
	var final map[string]any
	for _, l := range strings.Split(stderr, "\n") {
		var e map[string]any
		if json.Unmarshal([]byte(l), &e) == nil && e["done"] == true {
			final = e
		}
	}
	if final == nil {
		t.Fatalf("no final JSON progress event in stderr:\n%s", stderr)
	}
	for k, want := range map[string]float64{"items": 13, "written": 12, "failed": 1, "total": 13, "eta": 0, "batches": 3} {
		if final[k] != want {
			t.Errorf("final event %s = %v, want %v", k, final[k], want)
		}
	}
	if final["tokens"].(float64) < 12*14 {
		t.Errorf("final event tokens = %v", final["tokens"])
	}

	// Again: everything is skipped before extraction.
	out, _, code = run(t, "", "--store", store, "ingest", "--progress=none", dir)
	if code != ExitPartial || !strings.Contains(out, "ingested 0 documents into "+store+" (12 already stored)") {
		t.Errorf("second ingest: exit %d, %q", code, out)
	}
}

func TestIngestProgressQuietWhenNotATerminal(t *testing.T) {
	store := filepath.Join(t.TempDir(), "s.db")
	_, stderr, code := run(t, "", "--store", store, "ingest", article)
	if code != 0 || stderr != "" {
		t.Errorf("exit %d, stderr %q: want no progress when stderr is not a terminal", code, stderr)
	}
}

func TestIngestBadFlags(t *testing.T) {
	store := filepath.Join(t.TempDir(), "s.db")
	for _, args := range [][]string{
		{"ingest", "--progress=loud", article},
		{"ingest", "--workers", "0", article},
		{"ingest", "--batch", "0", article},
		{"--encoding", "klingon", "ingest", article},
	} {
		_, stderr, code := run(t, "", append([]string{"--store", store}, args...)...)
		if code != ExitUsage {
			t.Errorf("%v: exit %d, want %d\n%s", args, code, ExitUsage, stderr)
		}
	}
}

func TestIngestInterrupted(t *testing.T) {
	dir := newsFolder(t, 5)
	store := filepath.Join(t.TempDir(), "s.db")
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var out, errb bytes.Buffer
	root := New(strings.NewReader(""), &out, &errb)
	root.SetArgs([]string{"--store", store, "ingest", dir})
	err := root.ExecuteContext(ctx)
	if ExitCode(err) != ExitInterrupted {
		t.Fatalf("exit %d (%v), want %d", ExitCode(err), err, ExitInterrupted)
	}
	// Interrupted before the models are loaded, ingest creates no store.
	if _, err := graph.Open(context.Background(), store, nil); !errors.Is(err, graph.ErrNoStore) {
		t.Errorf("interrupted before the start, the store was opened or created: %v", err)
	}
}

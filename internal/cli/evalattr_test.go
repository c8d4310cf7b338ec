package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dossier-project/dossier/extract/attrib"
)

// annotated writes a small annotated file in PolNeAR's format: one
// attribution the claims pass finds, one it cannot (there is no cue).
func annotated(t *testing.T) string {
	t.Helper()
	txt := "Maria Lopez said that the bridge would reopen in May. The river rose again."
	//       0         1         2         3         4         5
	doc := attrib.Document{DocID: "d1", Publisher: "p", Text: txt, Attributions: []attrib.Attribution{
		{SourceFragments: attrib.Fragments{{0, 11}}, CueFragments: attrib.Fragments{{12, 16}}, ContentFragments: attrib.Fragments{{17, 52}}},
		{SourceFragments: attrib.Fragments{{54, 63}}, CueFragments: attrib.Fragments{{64, 68}}, ContentFragments: attrib.Fragments{{69, 74}}},
	}}
	p := filepath.Join(t.TempDir(), "gold.jsonl")
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	if err := attrib.Write(f, []attrib.Document{doc}); err != nil {
		t.Fatal(err)
	}
	f.Close()
	return p
}

func TestEvalAttribution(t *testing.T) {
	gold := annotated(t)
	pred := filepath.Join(t.TempDir(), "pred.jsonl")
	out, stderr, code := run(t, "", "eval", "attribution", "--json", "--predictions", pred, gold)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var s struct {
		Gold, Pred int
		Cue        struct{ P, R float64 } `json:"cue_detect"`
		Relaxed    struct{ P, R float64 } `json:"relaxed"`
	}
	if err := json.Unmarshal([]byte(out), &s); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	if s.Gold != 2 || s.Pred != 1 || s.Cue.P != 1 || s.Cue.R != 0.5 || s.Relaxed.R != 0.5 {
		t.Errorf("scores %+v, want the said-claim found and right:\n%s", s, out)
	}
	docs, err := attrib.ReadFile(pred)
	if err != nil || len(docs) != 1 || len(docs[0].Attributions) != 1 {
		t.Fatalf("predictions %+v, %v", docs, err)
	}
	a := docs[0].Attributions[0]
	if a.CueText != "said" || a.SourceText != "Maria Lopez" || !strings.HasPrefix(a.ContentText, "the bridge would reopen") || a.Stance != "say" {
		t.Errorf("prediction %+v", a)
	}
	out, _, code = run(t, "", "eval", "attribution", gold)
	if code != 0 || !strings.Contains(out, "relaxed           1.0000  0.5000  0.6667") {
		t.Errorf("table:\n%s", out)
	}
	// The split of one document puts it in train (15% of one rounds to 0).
	out, _, code = run(t, "", "eval", "attribution", "--split", "dev", gold)
	if code != 0 || !strings.Contains(out, "0 documents (split dev)") {
		t.Errorf("dev split of one document:\n%s", out)
	}
	// Its one training document is the first of its publisher: fold 0.
	out, _, code = run(t, "", "eval", "attribution", "--split", "fold0/2", gold)
	if code != 0 || !strings.Contains(out, "1 documents (split fold0/2)") {
		t.Errorf("fold 0 of 2:\n%s", out)
	}
	out, _, code = run(t, "", "eval", "attribution", "--split", "fold1/2", gold)
	if code != 0 || !strings.Contains(out, "0 documents (split fold1/2)") {
		t.Errorf("fold 1 of 2:\n%s", out)
	}
	for _, bad := range []string{"fold2/2", "fold0/1", "fold1/2x"} {
		if _, stderr, code := run(t, "", "eval", "attribution", "--split", bad, gold); code != ExitUsage || !strings.Contains(stderr, "--split") {
			t.Errorf("--split %s: exit %d, %s", bad, code, stderr)
		}
	}
	_, stderr, code = run(t, "", "eval", "attribution", "--min-relaxed", "0.7", gold)
	if code != ExitError || !strings.Contains(stderr, "relaxed F1 0.6667") {
		t.Errorf("--min-relaxed 0.7 on relaxed F1 0.667: exit %d, %s", code, stderr)
	}
	if _, _, code = run(t, "", "eval", "attribution", "--min-relaxed", "0.6", "--min-cue", "0.6", gold); code != 0 {
		t.Errorf("--min-relaxed 0.6 on relaxed F1 0.667: exit %d", code)
	}
	_, stderr, code = run(t, "", "eval", "attribution", "--split", "test", gold)
	if code != ExitUsage || !strings.Contains(stderr, "--split") {
		t.Errorf("bad split: %d %s", code, stderr)
	}
	bad := filepath.Join(t.TempDir(), "bad.jsonl")
	os.WriteFile(bad, []byte(`{"doc_id": "x", "text": "ab", "attributions": [{"cue_fragments": [[0, 5]]}]}`+"\n"), 0o644)
	_, stderr, code = run(t, "", "eval", "attribution", bad)
	if code != ExitError || !strings.Contains(stderr, "bad.jsonl:1: document x") {
		t.Errorf("bad file: %d %s", code, stderr)
	}
}

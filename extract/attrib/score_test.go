package attrib

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func att(src, cue, con Fragments) Attribution {
	return Attribution{SourceFragments: src, CueFragments: cue, ContentFragments: con}
}

func f(a, b int) Fragments { return Fragments{{a, b}} }

func TestScoreCases(t *testing.T) {
	// "Lowell said that he doesn't like pickles." Source 0-6, cue 7-11,
	// content 12-40.
	gold := []Attribution{att(f(0, 6), f(7, 11), f(12, 40))}
	cases := []struct {
		name                  string
		pred                  []Attribution
		cue, relaxed, exact   int
		srcOK, contOK, nMatch int
	}{
		{"exact", []Attribution{att(f(0, 6), f(7, 11), f(12, 40))}, 1, 1, 1, 1, 1, 1},
		{"source overlaps, content close", []Attribution{att(f(3, 6), f(7, 11), f(17, 40))}, 1, 1, 0, 1, 1, 1},
		{"source misses", []Attribution{att(f(20, 22), f(7, 11), f(12, 40))}, 1, 0, 0, 0, 1, 1},
		{"predicted no source", []Attribution{att(nil, f(7, 11), f(12, 40))}, 1, 0, 0, 0, 1, 1},
		{"content too short", []Attribution{att(f(0, 6), f(7, 11), f(12, 18))}, 1, 0, 0, 1, 0, 1},
		{"cue elsewhere", []Attribution{att(f(0, 6), f(12, 16), f(12, 40))}, 0, 0, 0, 0, 0, 0},
		{"two predictions, one match", []Attribution{att(f(0, 6), f(7, 9), f(12, 40)), att(f(0, 6), f(9, 11), f(12, 40))}, 1, 1, 0, 1, 1, 1},
		{"no cue, content overlap", []Attribution{att(f(0, 6), nil, f(12, 40))}, 1, 1, 0, 1, 1, 1},
	}
	for _, c := range cases {
		var s Scorer
		s.Add(gold, c.pred)
		sc := s.Scores()
		if got := []int{sc.Matched, s.tp[1], s.tp[2], sc.SourceOK, sc.ContentOK}; got[0] != c.cue || got[1] != c.relaxed || got[2] != c.exact || got[3] != c.srcOK || got[4] != c.contOK {
			t.Errorf("%s: matched, relaxed, exact, source ok, content ok = %v, want %v", c.name, got, []int{c.cue, c.relaxed, c.exact, c.srcOK, c.contOK})
		}
		if sc.Gold != 1 || sc.Pred != len(c.pred) {
			t.Errorf("%s: counts %d/%d", c.name, sc.Gold, sc.Pred)
		}
	}
}

func TestScoreBothSourceless(t *testing.T) {
	var s Scorer
	// "It is said that it will rain": no source on either side.
	s.Add([]Attribution{att(nil, f(3, 10), f(11, 28))}, []Attribution{att(nil, f(6, 10), f(11, 28))})
	if sc := s.Scores(); sc.Relaxed.F1 != 1 || sc.Exact.F1 != 0 {
		t.Errorf("relaxed %v exact %v, want 1 and 0", sc.Relaxed, sc.Exact)
	}
}

func TestScoreTokens(t *testing.T) {
	var s Scorer
	// Two gold contents 0-10 and 20-30; predicted 5-25: overlap 5+5.
	s.Add([]Attribution{att(nil, f(40, 44), f(0, 10)), att(nil, f(50, 54), f(20, 30))},
		[]Attribution{att(nil, f(60, 64), f(5, 25))})
	tok := s.Scores().Token["content"]
	if tok.P != 0.5 || tok.R != 0.5 {
		t.Errorf("content chars %+v, want P=R=0.5", tok)
	}
}

func TestScoreMissingDocument(t *testing.T) {
	gold := []Document{{DocID: "a", Attributions: []Attribution{att(f(0, 1), f(2, 3), f(4, 9))}}, {DocID: "b", Attributions: []Attribution{att(f(0, 1), f(2, 3), f(4, 9))}}}
	pred := []Document{{DocID: "a", Attributions: []Attribution{att(f(0, 1), f(2, 3), f(4, 9))}}, {DocID: "z", Attributions: []Attribution{att(f(0, 1), f(2, 3), f(4, 9))}}}
	s := Score(gold, pred)
	if s.Gold != 2 || s.Pred != 1 || s.Cue.P != 1 || s.Cue.R != 0.5 {
		t.Errorf("got %+v", s)
	}
}

// randomDocs makes documents with random, often overlapping attributions,
// some without a source or cue, some with several fragments.
func randomDocs(r *rand.Rand, n int) []Document {
	frags := func(none bool) Fragments {
		if none && r.Intn(6) == 0 {
			return nil
		}
		var fs Fragments
		for k := 0; k < 1+r.Intn(2); k++ {
			a := r.Intn(200)
			fs = append(fs, [2]int{a, a + 1 + r.Intn(40)})
		}
		return fs
	}
	docs := make([]Document, n)
	for i := range docs {
		docs[i].DocID = "d" + string(rune('a'+i%26)) + strings.Repeat("x", i/26)
		for k := 0; k < r.Intn(8); k++ {
			docs[i].Attributions = append(docs[i].Attributions, att(frags(true), frags(r.Intn(20) == 0), frags(false)))
		}
	}
	return docs
}

// TestScoreMatchesPython checks the scorer against the corpus's own
// score_attributions.py on random documents, when python3 and the shared
// data are present.
func TestScoreMatchesPython(t *testing.T) {
	script := "../../../shared/data/attribution/polnear-train/score_attributions.py"
	if _, err := os.Stat(script); err != nil {
		t.Skipf("shared scorer not available: %v", err)
	}
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 not installed")
	}
	r := rand.New(rand.NewSource(7))
	for round := 0; round < 3; round++ {
		gold, pred := randomDocs(r, 60), randomDocs(r, 50)
		// Exact matches too: copy some gold attributions.
		for i := range pred {
			if i < len(gold) && len(gold[i].Attributions) > 0 && r.Intn(2) == 0 {
				pred[i].Attributions = append(pred[i].Attributions, gold[i].Attributions[0])
			}
		}
		dir := t.TempDir()
		gp, pp := filepath.Join(dir, "gold.jsonl"), filepath.Join(dir, "pred.jsonl")
		for path, docs := range map[string][]Document{gp: gold, pp: pred} {
			var b bytes.Buffer
			if err := Write(&b, docs); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		cmd := exec.Command(py, script, gp, pp)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("python scorer: %v\n%s", err, stderr.String())
		}
		var want map[string]any
		if err := json.Unmarshal(out, &want); err != nil {
			t.Fatal(err)
		}
		b, err := json.Marshal(Score(gold, pred))
		if err != nil {
			t.Fatal(err)
		}
		var got map[string]any
		if err := json.Unmarshal(b, &got); err != nil {
			t.Fatal(err)
		}
		for k, v := range want {
			gb, _ := json.Marshal(got[k])
			wb, _ := json.Marshal(v)
			if string(gb) != string(wb) {
				t.Errorf("round %d: %s = %s, python %s", round, k, gb, wb)
			}
		}
	}
}

func TestDevSplit(t *testing.T) {
	var docs []Document
	for _, p := range []string{"a", "b"} {
		for i := 0; i < 40; i++ {
			docs = append(docs, Document{DocID: p + string(rune('A'+i%26)) + strings.Repeat("z", i/26), Publisher: p})
		}
	}
	train, dev := DevSplit(docs)
	if len(dev) != 12 || len(train) != 68 {
		t.Fatalf("dev %d train %d, want 12 and 68", len(dev), len(train))
	}
	per := map[string]int{}
	for _, d := range dev {
		per[d.Publisher]++
	}
	if per["a"] != 6 || per["b"] != 6 {
		t.Errorf("dev per publisher %v, want 6 each", per)
	}
	// Deterministic and independent of input order.
	rev := make([]Document, len(docs))
	for i := range docs {
		rev[len(docs)-1-i] = docs[i]
	}
	_, dev2 := DevSplit(rev)
	in := map[string]bool{}
	for _, d := range dev {
		in[d.DocID] = true
	}
	for _, d := range dev2 {
		if !in[d.DocID] {
			t.Errorf("%s in dev only when the input is reversed", d.DocID)
		}
	}
}

func TestFold(t *testing.T) {
	var docs []Document
	for _, p := range []string{"a", "b", "c"} {
		for i := 0; i < 11; i++ {
			docs = append(docs, Document{DocID: fmt.Sprintf("%s%d", p, i), Publisher: p})
		}
	}
	docs = append(docs, Document{DocID: "a3", Publisher: "a"}) // a second annotator's version
	seen := map[string]int{}
	for i := 0; i < 4; i++ {
		rest, fold, err := Fold(docs, i, 4)
		if err != nil {
			t.Fatal(err)
		}
		if len(rest)+len(fold) != len(docs) {
			t.Errorf("fold %d: %d + %d documents, want %d", i, len(rest), len(fold), len(docs))
		}
		per := map[string]int{}
		in := map[string]bool{}
		for _, d := range fold {
			seen[d.DocID]++
			per[d.Publisher]++
			in[d.DocID] = true
		}
		for _, d := range rest {
			if in[d.DocID] {
				t.Errorf("fold %d: %s both in and out", i, d.DocID)
			}
		}
		// 11 documents of a publisher: folds of 3, 3, 3 and 2.
		for _, p := range []string{"b", "c"} {
			if want := 3 - i/3; per[p] != want {
				t.Errorf("fold %d: %d documents of %s, want %d", i, per[p], p, want)
			}
		}
	}
	if len(seen) != 33 || seen["a3"] != 2 {
		t.Errorf("%d documents in some fold (a3 %d times), want 33 (a3 twice, both versions)", len(seen), seen["a3"])
	}
	for _, c := range [][2]int{{4, 4}, {-1, 4}, {0, 1}} {
		if _, _, err := Fold(docs, c[0], c[1]); err == nil {
			t.Errorf("Fold(%d, %d): no error", c[0], c[1])
		}
	}
}

func TestReadErrors(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{`{"doc_id": "a", "text": "abc", "attributions": [{"cue_fragments": [[1, 9]]}]}`, "x.jsonl:1: document a: attribution \"\": fragment [1, 9) outside the text"},
		{"\n{\"text\": \"abc\"}", "x.jsonl:2: no doc_id"},
		{`{"doc_id": 3}`, "x.jsonl:1: json: cannot unmarshal number"},
	} {
		_, err := Read(strings.NewReader(c.in), "x.jsonl")
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("Read(%q) = %v, want %q", c.in, err, c.want)
		}
	}
	docs, err := Read(strings.NewReader(`{"doc_id": "a", "text": "Lowell said it.", "attributions": [{"source_fragments": null, "cue_fragments": [[7, 11]], "content_fragments": [[12, 14]]}]}`+"\n\n"), "x.jsonl")
	if err != nil || len(docs) != 1 || docs[0].Attributions[0].SourceFragments != nil {
		t.Errorf("Read = %+v, %v", docs, err)
	}
}

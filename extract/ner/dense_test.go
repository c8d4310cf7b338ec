package ner

import (
	"bufio"
	"encoding/json"
	"math"
	"os"
	"strings"
	"testing"

	"github.com/dossier-project/dossier/extract/text"
	"github.com/dossier-project/dossier/schema"
)

// mapScores is how the model scored tokens before its decoding tables: a
// map lookup per feature, rows added in the order of the features.
func (m *Model) mapScores(tokens []string) (emit, pairs []float32) {
	nt := len(m.tags)
	P := (nt + 1) * nt
	var s sentence
	s.prepare(tokens, m.gaz)
	var feats []uint64
	for i := range tokens {
		row := make([]float32, nt)
		row[0] = m.oBias
		feats = s.features(i, &m.lx, feats[:0])
		for _, f := range feats {
			if r, ok := m.index[f]; ok {
				for k, v := range m.w[int(r)*nt : int(r)*nt+nt] {
					row[k] += v
				}
			}
		}
		emit = append(emit, row...)
		prow := append([]float32(nil), m.trans...)
		feats = s.pairFeatures(i, &m.lx, feats[:0])
		for _, f := range feats {
			if r, ok := m.pindex[f]; ok {
				for k, v := range m.pw[int(r)*P : int(r)*P+P] {
					prow[k] += v
				}
			}
		}
		pairs = append(pairs, prow...)
	}
	return emit, pairs
}

// denseDocs is how many Reuters-21578 stories TestDenseTablesMatchMap scores.
var denseDocs = 150

// denseCorpus returns tokenised sentences to compare the two forms on: the
// model article's, and the first stories of Reuters-21578 when ../shared
// is present.
func denseCorpus(t *testing.T) [][]string {
	var out [][]string
	for _, s := range articleSentences {
		out = append(out, strings.Fields(s))
	}
	f, err := os.Open("../../../shared/data/news/reuters21578.jsonl")
	if err != nil {
		t.Log("../shared absent: the model article's sentences only")
		return out
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<22)
	for docs := 0; sc.Scan() && docs < denseDocs; docs++ {
		var rec struct{ Text string }
		if json.Unmarshal(sc.Bytes(), &rec) != nil {
			continue
		}
		runes := []rune(rec.Text)
		for _, st := range text.Split(&schema.Document{Text: rec.Text}, runes) {
			var toks []string
			for _, tk := range text.Tokenize(runes, st.Start, st.End) {
				toks = append(toks, tk.Text)
			}
			if len(toks) > 0 {
				out = append(out, toks)
			}
		}
	}
	return out
}

// TestDenseTablesMatchMap checks that the decoding tables give every token
// the very scores the map of features gave it, bit for bit, so that the
// tags cannot differ.
func TestDenseTablesMatchMap(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	m = m.WithOBias(m.OBias() - 0.5) // the tables of a copy are the original's
	nt := len(m.tags)
	P := (nt + 1) * nt
	st := &tagState{}
	sents := denseCorpus(t)
	for _, toks := range sents {
		m.decode(st, toks)
		emit, pairs := m.mapScores(toks)
		for i := range emit {
			if math.Float32bits(emit[i]) != math.Float32bits(st.emit[i]) {
				t.Fatalf("%q: token %d tag %d: dense %v, map %v", toks, i/nt, i%nt, st.emit[i], emit[i])
			}
		}
		for i := range pairs {
			if math.Float32bits(pairs[i]) != math.Float32bits(st.pairs[i]) {
				t.Fatalf("%q: token %d pair %d: dense %v, map %v", toks, i/P, i%P, st.pairs[i], pairs[i])
			}
		}
	}
	t.Logf("%d sentences scored alike", len(sents))
}

// TestDenseTableKeys covers what the model's own keys may not: the key 0,
// keys that collide on a slot, and a lookup that wraps round the table.
func TestDenseTableKeys(t *testing.T) {
	index := map[uint64]int32{0: 0}
	var w []float32 = []float32{1, 2}
	for k := uint64(1); k <= 5; k++ {
		index[k<<40] = int32(k) // keys that differ only in high bits
		w = append(w, float32(k), -float32(k))
	}
	tb := newDenseTable(index, w, 2)
	for k, r := range index {
		got := tb.row(k)
		if len(got) != 2 || got[0] != w[r*2] || got[1] != w[r*2+1] {
			t.Errorf("key %#x: row %v, want %v", k, got, w[r*2:r*2+2])
		}
	}
	for _, k := range []uint64{7, 6 << 40, math.MaxUint64} {
		if _, ok := index[k]; !ok && tb.row(k) != nil {
			t.Errorf("key %#x: a row for a key never stored", k)
		}
	}
	scores := []float32{0.5, 0.5}
	tb.add([]uint64{0, 3 << 40, 99, 3 << 40}, scores)
	if scores[0] != 0.5+1+3+3 || scores[1] != 0.5+2-3-3 {
		t.Errorf("add: %v", scores)
	}
	if e := newDenseTable(nil, nil, 3); e.row(1) != nil || e.row(0) != nil {
		t.Error("an empty table has rows")
	}
}

// row returns the weights of feature k, nil when it has none: a lookup
// the tests check the table by (decoding adds rows with add).
func (t *denseTable) row(k uint64) []float32 {
	if k == 0 {
		return t.zero
	}
	mask := len(t.keys) - 1
	for i := t.slot(k); ; i = (i + 1) & mask {
		switch t.keys[i] {
		case k:
			return t.w[i*t.n : i*t.n+t.n]
		case 0:
			return nil
		}
	}
}

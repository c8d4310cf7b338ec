package attrib

import (
	"bytes"
	"math/rand"
	"slices"
	"strings"
	"testing"
)

func embeddedModel(t testing.TB) *Model {
	t.Helper()
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestFindSentences(t *testing.T) {
	m := embeddedModel(t)
	for _, c := range []struct {
		text, cue, source, content string
	}{
		{"Maria Lopez said that the bridge would reopen in May.", "said", "Maria Lopez", "the bridge would reopen in May"},
		{`"We will not raise taxes," the governor told reporters on Friday.`, "told", "the governor", "We will not raise taxes"},
		{"The company denied that it had broken any law.", "denied", "The company", "it had broken any law"},
		{"The senator believes the bill will fail in the House.", "believes", "The senator", "the bill will fail in the House"},
	} {
		as := m.Annotate(c.text)
		if len(as) != 1 {
			t.Errorf("%q: %d attributions, want 1: %+v", c.text, len(as), as)
			continue
		}
		a := as[0]
		r := []rune(c.text)
		get := func(fs Fragments) string {
			var parts []string
			for _, f := range fs {
				parts = append(parts, string(r[f[0]:f[1]]))
			}
			return strings.Join(parts, " ")
		}
		if got := get(a.CueFragments); !strings.Contains(got, c.cue) {
			t.Errorf("%q: cue %q, want %q", c.text, got, c.cue)
		}
		if got := get(a.SourceFragments); !strings.Contains(got, c.source) {
			t.Errorf("%q: source %q, want %q", c.text, got, c.source)
		}
		if got := get(a.ContentFragments); !strings.Contains(got, c.content) {
			t.Errorf("%q: content %q, want it to hold %q", c.text, got, c.content)
		}
	}
	if as := m.Annotate("The river rose again after the storm."); len(as) != 0 {
		t.Errorf("attribution in a sentence without one: %+v", as)
	}
}

// TestFindOddText feeds text of odd shapes: nothing may panic, fragments
// stay inside the text, and a sentence over MaxTokens is skipped.
func TestFindOddText(t *testing.T) {
	m := embeddedModel(t)
	long := strings.Repeat("Mr Smith said Mr Jones said ", 300) + "it rained."
	r := rand.New(rand.NewSource(3))
	var noise strings.Builder
	for i := 0; i < 3000; i++ {
		noise.WriteRune(rune(r.Intn(0x3000)))
	}
	for _, txt := range []string{
		"", " ", ".", "\"\"\"\"", `"“”" "said" ' : —`,
		strings.Repeat("“Yes.” ", 200),
		strings.Repeat("word ", 190) + "he said.",
		long, noise.String(),
		"SAID SAID SAID: “ ” according to according to",
	} {
		for _, a := range m.Annotate(txt) {
			n := len([]rune(txt))
			for _, fs := range []Fragments{a.CueFragments, a.SourceFragments, a.ContentFragments} {
				for _, f := range fs {
					if f[0] < 0 || f[1] > n || f[0] >= f[1] {
						t.Errorf("fragment %v outside text of %d runes", f, n)
					}
				}
			}
		}
	}
	runes, sents := docSentences(long)
	for _, f := range m.Find(runes, sents) {
		if len(sents[f.Sentence].Tokens) > MaxTokens {
			t.Errorf("attribution found in a sentence of %d tokens", len(sents[f.Sentence].Tokens))
		}
	}
}

func TestSaveLoad(t *testing.T) {
	m := embeddedModel(t)
	var a, b bytes.Buffer
	if err := m.Save(&a); err != nil {
		t.Fatal(err)
	}
	m2, err := Load(bytes.NewReader(a.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if err := m2.Save(&b); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("saving a loaded model gives other bytes")
	}
	if !bytes.Equal(a.Bytes(), embedded) {
		t.Error("saving the embedded model gives other bytes than model.bin")
	}
	for _, bad := range [][]byte{nil, []byte("nonsense"), a.Bytes()[:len(a.Bytes())/2]} {
		if _, err := Load(bytes.NewReader(bad)); err == nil {
			t.Errorf("Load of %d bad bytes succeeded", len(bad))
		}
	}
}

// saidDocs returns 40 hand-made documents of one attribution each: "X
// said Y. The river rose again."
func saidDocs() []Document {
	var docs []Document
	names := []string{"Maria Lopez", "The mayor", "John Smith", "A spokeswoman", "Officials"}
	claims := []string{"the bridge would reopen", "taxes will rise", "the plan failed", "talks had stalled", "the vote was fair"}
	for i := 0; i < 40; i++ {
		src := names[i%len(names)]
		con := claims[(i/5)%len(claims)]
		txt := src + " said " + con + ". The river rose again."
		s := len([]rune(src))
		docs = append(docs, Document{DocID: string(rune('a' + i)), Text: txt, Attributions: []Attribution{{
			SourceFragments:  Fragments{{0, s}},
			CueFragments:     Fragments{{s + 1, s + 5}},
			ContentFragments: Fragments{{s + 6, s + 6 + len([]rune(con))}},
		}}})
	}
	return docs
}

// TestTrainSmall trains on a few hand-made documents and checks that the
// model learns them.
func TestTrainSmall(t *testing.T) {
	docs := saidDocs()
	m := Train(docs, TrainOptions{Epochs: 3, Seed: 1, CueBits: 12, RoleBits: 12})
	s := m.Evaluate(docs)
	if s.Relaxed.F1 < 0.99 {
		t.Errorf("relaxed F1 %.3f on the training documents", s.Relaxed.F1)
	}
	// The same data and seed give the same model.
	m2 := Train(docs, TrainOptions{Epochs: 3, Seed: 1, CueBits: 12, RoleBits: 12})
	var a, b bytes.Buffer
	m.Save(&a)
	m2.Save(&b)
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("training twice gives two models")
	}
	// Without a cue vocabulary every sentence is tagged, word lists or not
	// (a model with a lexicon once tagged none).
	m3 := Train(docs, TrainOptions{Epochs: 3, Seed: 1, CueBits: 12, RoleBits: 12, CueShare: -1, Lexicon: map[string]string{"said": "quote"}})
	if len(m3.vocab) != 0 {
		t.Fatalf("cue vocabulary %v with CueShare -1", m3.vocab)
	}
	if s := m3.Evaluate(docs); s.Relaxed.F1 < 0.99 {
		t.Errorf("no cue vocabulary: relaxed F1 %.3f on the training documents", s.Relaxed.F1)
	}
	// Roles trained on jackknifed predicted cues learn the same.
	m4 := Train(docs, TrainOptions{Epochs: 3, Seed: 1, CueBits: 12, RoleBits: 12, RoleCues: RolePredicted, Folds: 2})
	if s := m4.Evaluate(docs); s.Relaxed.F1 < 0.99 {
		t.Errorf("roles on predicted cues: relaxed F1 %.3f on the training documents", s.Relaxed.F1)
	}
}

// FuzzFind feeds arbitrary text to the model: it never panics and every
// fragment lies inside the text, in text order within an attribution.
func FuzzFind(f *testing.F) {
	for _, s := range []string{
		`"We are sure," he said. "We are right."`,
		"According to officials, the plan failed; she said: “No.”",
		"“ ” “ “ ” said said said according to",
		"\u2028\u00a0\"\"",
	} {
		f.Add(s)
	}
	m, err := Default()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := len([]rune(s))
		for _, a := range m.Annotate(s) {
			for _, fs := range []Fragments{a.CueFragments, a.SourceFragments, a.ContentFragments} {
				last := 0
				for _, fr := range fs {
					if fr[0] < last || fr[0] >= fr[1] || fr[1] > n {
						t.Fatalf("fragment %v of %v outside the text of %d runes or out of order", fr, fs, n)
					}
					last = fr[1]
				}
			}
		}
	})
}

func TestBracketAfterContent(t *testing.T) {
	// 0 he, 1 denies, 2-5 the Federal Security Service, 6-8 ( FSB ),
	// 9-10 stole files, 11-14 ( in 2015 ), 15 so
	words := strings.Fields("he denies the Federal Security Service ( FSB ) stole files ( in 2015 ) so")
	s := &sent{}
	for _, w := range words {
		s.toks = append(s.toks, tok{norm: w})
	}
	O, BC, IC, BS, IS := roleO, roleBC, roleIC, roleBS, roleIS
	for _, c := range []struct {
		name string
		tags []int
		a, b int
	}{
		{"content up to the bracket, the bracket outside", []int{BS, O, BC, IC, IC, IC, O, O, O, O, O, O, O, O, O, O}, 6, 9},
		{"the first bracket in the content, the second after it", []int{BS, O, BC, IC, IC, IC, IC, IC, IC, IC, IC, O, O, O, O, O}, 11, 15},
		{"both brackets in the content", []int{BS, O, BC, IC, IC, IC, IC, IC, IC, IC, IC, IC, IC, IC, IC, IC}, -1, -1},
		{"brackets after no content", []int{BS, O, O, O, O, O, O, O, O, BC, O, O, O, O, O, O}, -1, -1},
		{"a bracket after a source", []int{O, O, BS, IS, IS, IS, O, O, O, O, O, O, O, O, O, O}, -1, -1},
	} {
		if a, b := bracketAfterContent(s, c.tags); a != c.a || b != c.b {
			t.Errorf("%s: [%d, %d), want [%d, %d)", c.name, a, b, c.a, c.b)
		}
	}
	// A bracket that does not close within the sentence.
	short := &sent{toks: s.toks[:13]}
	tags := []int{BS, O, BC, IC, IC, IC, IC, IC, IC, IC, IC, O, O}
	if a, b := bracketAfterContent(short, tags); a != -1 || b != -1 {
		t.Errorf("an unclosed bracket: [%d, %d), want none", a, b)
	}
}

func TestFindBracketInContent(t *testing.T) {
	m := embeddedModel(t)
	txt := "Mr Petrov denies his company helped the Russian Federal Security Service (FSB) steal files from the agency."
	r := []rune(txt)
	for _, a := range m.Annotate(txt) {
		if string(r[a.CueFragments[0][0]:a.CueFragments[0][1]]) != "denies" {
			continue
		}
		var con string
		for _, f := range a.ContentFragments {
			con += string(r[f[0]:f[1]])
		}
		if !strings.Contains(con, "(FSB) steal") {
			t.Errorf("content %q does not run on through the bracket", con)
		}
		return
	}
	t.Errorf("no attribution with the cue denies in %q", txt)
}

// TestRoleCueExamples checks the role examples built on predicted cues: a
// predicted cue shorter than the annotated one ("denied" for "denied a
// report") is trained on with the annotated cue's other words outside
// both roles; RoleBoth keeps the annotated cue's example beside it.
func TestRoleCueExamples(t *testing.T) {
	txt := "Kaspersky denied a report that it helped spies."
	at := func(s string) int { return len([]rune(txt[:strings.Index(txt, s)])) }
	d := Document{DocID: "k", Text: txt, Attributions: []Attribution{{
		SourceFragments:  Fragments{{0, at(" denied")}},
		CueFragments:     Fragments{{at("denied"), at(" that")}},
		ContentFragments: Fragments{{at("that"), at(".")}},
	}}}
	m := &Model{cue: newTagger(nCueTags, 10, cueAllowed()), role: newTagger(nRoleTags, 10, roleAllowed())}
	m.index()
	pred := map[int][][2]int{0: {{1, 2}}} // "denied"
	_, gold := m.examples(&d, nil, RoleGold)
	_, p := m.examples(&d, pred, RolePredicted)
	_, both := m.examples(&d, pred, RoleBoth)
	if len(gold) != 1 || len(p) != 1 || len(both) != 2 {
		t.Fatalf("role examples: gold %d, predicted %d, both %d; want 1, 1, 2", len(gold), len(p), len(both))
	}
	want := []int{roleBS, roleO, roleO, roleO, roleBC, roleIC, roleIC, roleIC, roleO}
	if !slices.Equal(p[0].gold, want) {
		t.Errorf("predicted cue's roles %v, want %v", p[0].gold, want)
	}
	if !slices.Equal(both[0].gold, gold[0].gold) || !slices.Equal(both[1].gold, want) {
		t.Errorf("both: roles %v and %v, want %v and %v", both[0].gold, both[1].gold, gold[0].gold, want)
	}
	forbidden := func(e roleExample, i int) bool { return e.forbid[i*nRoleTags+roleBC] }
	if !forbidden(p[0], 1) || forbidden(p[0], 2) || !forbidden(gold[0], 2) {
		t.Errorf("forbidden tokens: predicted %v, gold %v", p[0].forbid, gold[0].forbid)
	}
	// A predicted cue that overlaps no annotated one adds nothing; an
	// annotated cue no prediction overlaps keeps its own example.
	_, p = m.examples(&d, map[int][][2]int{0: {{6, 7}}}, RolePredicted)
	if len(p) != 1 || !slices.Equal(p[0].gold, gold[0].gold) {
		t.Errorf("unmatched cues: %d examples, roles %v", len(p), p)
	}
}

// TestTrainClusters checks that a word never seen in training is tagged a
// cue through its cluster: "stated", unseen, shares the cluster of "said".
func TestTrainClusters(t *testing.T) {
	docs := saidDocs()
	unseen := "Zed Quux stated frobs grew."
	cues := func(m *Model) []string {
		var out []string
		for _, a := range m.Annotate(unseen) {
			for _, f := range a.CueFragments {
				out = append(out, string([]rune(unseen)[f[0]:f[1]]))
			}
		}
		return out
	}
	opts := TrainOptions{Epochs: 3, Seed: 1, CueBits: 12, RoleBits: 12, CueShare: -1}
	if got := cues(Train(docs, opts)); len(got) != 0 {
		t.Errorf("without clusters, cues %q in %q", got, unseen)
	}
	opts.Clusters = map[string]string{"said": "c1", "stated": "c1", "rose": "c2", "grew": "c2"}
	m := Train(docs, opts)
	if got := cues(m); len(got) != 1 || got[0] != "stated" {
		t.Errorf("with clusters, cues %q in %q, want [stated]", got, unseen)
	}
	// The clusters are saved with the model.
	var a bytes.Buffer
	if err := m.Save(&a); err != nil {
		t.Fatal(err)
	}
	m2, err := Load(&a)
	if err != nil {
		t.Fatal(err)
	}
	if got := cues(m2); len(got) != 1 || got[0] != "stated" {
		t.Errorf("loaded: cues %q in %q, want [stated]", got, unseen)
	}
}

// TestLearnMargin checks loss-augmented training: once gold decodes, the
// plain perceptron stops updating, while with a margin the example is
// learnt from until gold wins by the margin.
func TestLearnMargin(t *testing.T) {
	feats := []uint64{11, 22, 33}
	offs := []int32{0, 1, 2, 3}
	gold := []int{cueO, cueB, cueO}
	run := func(miss, fls float32) (updates int, margin float32) {
		tr := newTraining(newTagger(nCueTags, 8, cueAllowed()))
		tr.missCost, tr.falseCost = miss, fls
		for range 50 {
			if tr.learn(feats, offs, gold, nil) > 0 {
				updates++
			}
		}
		// The cue token's score for B against O, without the transitions.
		em := make([]float32, 3*nCueTags)
		tr.t.emissions(feats, offs, em)
		return updates, em[1*nCueTags+cueB] - em[1*nCueTags+cueO]
	}
	plainN, plainM := run(0, 0)
	marN, marM := run(20, 4)
	if plainN == 0 || plainN > 3 {
		t.Errorf("plain perceptron updated on %d of 50 passes, want 1 to 3", plainN)
	}
	if marN <= plainN {
		t.Errorf("with a margin %d updates, want more than the plain perceptron's %d", marN, plainN)
	}
	if marM <= plainM || marM < 10 {
		t.Errorf("cue token's B-O score %g with a margin, %g without: want the margin's larger and >= 10", marM, plainM)
	}
}

// TestContinuationDoubledApostrophes holds that a quotation in the New
// York Times' doubled apostrophes before its cue takes the quotation that
// makes up the next sentence, as one in typographic marks does, and not
// when another cue follows in the cue's sentence or one stands outside the
// next quotation.
func TestContinuationDoubledApostrophes(t *testing.T) {
	m := embeddedModel(t)
	contents := func(txt, cue string) []string {
		r := []rune(txt)
		for _, a := range m.Annotate(txt) {
			if string(r[a.CueFragments[0][0]:a.CueFragments[0][1]]) != cue {
				continue
			}
			var out []string
			for _, f := range a.ContentFragments {
				out = append(out, string(r[f[0]:f[1]]))
			}
			return out
		}
		t.Errorf("no attribution with the cue %q in %q", cue, txt)
		return nil
	}
	const next = "''The plane is very much an extension of the Trump brand.''"
	for _, c := range []struct {
		text string
		want bool
	}{
		{"''It's like a new plane,'' Mr. Trump said in a documentary that showed off some of the renovations. " + next, true},
		{"“It's like a new plane,” Mr. Trump said in a documentary that showed off some of the renovations. “The plane is very much an extension of the Trump brand.”", true},
		{"''It's like a new plane,'' Mr. Trump said. ''The plane is an extension of the brand,'' Mr. Kushner said.", false},
	} {
		got := contents(c.text, "said")
		has := len(got) > 1 && strings.Contains(got[len(got)-1], "extension of the")
		if has != c.want {
			t.Errorf("%q: content %q, continued %v, want %v", c.text, got, has, c.want)
		}
	}
}

package ledger

import (
	"math/rand"
	"strings"
	"testing"
)

// wrongAtEvery is WrongAt without the index: every pattern at every word.
func wrongAtEvery(words []string) (int, int) {
	for i := range words {
		for _, p := range wrongPatterns {
			if n := p.matchAt(words, i); n > 0 {
				return i, n
			}
		}
	}
	return -1, 0
}

// lexiconWords returns words that the lexicon's forms match (a prefix or
// suffix form completed) and words that nearly do, plus ordinary news words.
func lexiconWords() []string {
	out := strings.Fields("the a said he she it was of to in law agreement funds not never " +
		"didn't won't company minister officials police on for with by vi vio ab")
	for _, ps := range [][]pattern{wrongPatterns, answerPatterns} {
		for _, p := range ps {
			for _, forms := range p.words {
				for _, f := range forms {
					switch n := len(f) - 1; {
					case f == "~":
					case len(f) > 1 && f[0] == '*':
						out = append(out, "is"+f[1:], f[1:], "x"+f[1:n+1])
					case n > 0 && f[n] == '*':
						out = append(out, f[:n], f[:n]+"ed", f[:n]+"ions", f[:n-1])
					default:
						out = append(out, f, f+"s", "un"+f)
					}
				}
			}
		}
	}
	return out
}

// TestWrongAtIndex checks that the indexed search finds what trying every
// pattern at every word finds, word and span, on random sequences of the
// lexicon's own words and near misses, and on news sentences.
func TestWrongAtIndex(t *testing.T) {
	sentences := []string{
		"the ministry said the company had violated the agreement and broke its own law",
		"he denied that he failed to comply with the rules",
		"officials said it was not complied with",
		"they accused him of abuse of his power and of diverting the aid funds",
		"the report said nothing about the weather",
		"", "violat", "breaches", "didn't",
	}
	for _, s := range sentences {
		w := strings.Fields(s)
		gi, gn := WrongAt(w)
		wi, wn := wrongAtEvery(w)
		if gi != wi || gn != wn {
			t.Errorf("WrongAt(%q) = %d, %d; every pattern gives %d, %d", s, gi, gn, wi, wn)
		}
	}
	vocab := lexiconWords()
	r := rand.New(rand.NewSource(1))
	found := 0
	for n := 0; n < 20000; n++ {
		w := make([]string, 1+r.Intn(8))
		for i := range w {
			w[i] = vocab[r.Intn(len(vocab))]
		}
		gi, gn := WrongAt(w)
		wi, wn := wrongAtEvery(w)
		if gi != wi || gn != wn {
			t.Fatalf("WrongAt(%q) = %d, %d; every pattern gives %d, %d", w, gi, gn, wi, wn)
		}
		if wi >= 0 {
			found++
		}
	}
	if found < 1000 {
		t.Fatalf("only %d of 20,000 sequences hold a wrong: the test does not exercise the lexicon", found)
	}
}

// BenchmarkWrongAt searches a news sentence without a wrong, the common case.
func BenchmarkWrongAt(b *testing.B) {
	w := strings.Fields("the company said on Tuesday that its first quarter profits rose sharply on higher sales of its products in Europe and Asia")
	for i := 0; i < b.N; i++ {
		WrongAt(w)
	}
}

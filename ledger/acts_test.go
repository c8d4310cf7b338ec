package ledger

import (
	"os"
	"reflect"
	"strconv"
	"strings"
	"testing"
)

// learnedRow is a row of acts.tsv.
type learnedRow struct {
	stem          string
	frame, docs   int
	word          string
	frameStrength float64
}

// readActs reads acts.tsv: its rows, and the numbers of its head.
func readActs(t *testing.T) ([]learnedRow, map[string]int) {
	t.Helper()
	b, err := os.ReadFile("acts.tsv")
	if err != nil {
		t.Fatal(err)
	}
	var rows []learnedRow
	head := map[string]int{}
	for i, line := range strings.Split(strings.TrimRight(string(b), "\n"), "\n") {
		fs := strings.Split(line, "\t")
		if strings.HasPrefix(line, "#") {
			if len(fs) == 2 {
				n, err := strconv.Atoi(fs[1])
				if err != nil {
					t.Fatalf("acts.tsv:%d: %q", i+1, line)
				}
				head[strings.TrimPrefix(fs[0], "# ")] = n
			}
			continue
		}
		if len(fs) != 4 {
			t.Fatalf("acts.tsv:%d: %q is not stem, frame stories, stories, word", i+1, line)
		}
		f, err1 := strconv.Atoi(fs[1])
		n, err2 := strconv.Atoi(fs[2])
		if err1 != nil || err2 != nil || f < 2 || n < f || Stem(fs[3]) != fs[0] {
			t.Fatalf("acts.tsv:%d: %q", i+1, line)
		}
		rows = append(rows, learnedRow{fs[0], f, n, fs[3], float64(f) / float64(n+5)})
	}
	return rows, head
}

// framedAlone says, for the strongly learned acts (acts.tsv) that the
// misconduct lexicon does not name as a single word, the phrase in which
// it must name them, or "" for a word that names no wrong by itself.
var framedAlone = map[string]string{
	"abide":   "failed to abide by the agreement", // an answer's word ("abiding by the pact")
	"honor":   "the failure to honor the pact",    // likewise
	"failure": "its failure to comply with the rules",
	"false":   "made false statements",
	"lying":   "lying about his contacts",
	"unfair":  "unfair trade practices",
	"aiding":  "aiding and abetting the scheme",
	// "non-public" is read with what it qualifies.
	"non-public": "trading on non-public information",
	// The frames' own nouns ("alleged acts", "criminal acts"): the wrong
	// is the word beside them.
	"acts": "",
	// Words of the stories the frames come from, no wrong.
	"foreign-exchange": "", "supervisors": "",
	// A failing of character is criticism, not an allegation of a wrong,
	// as the claims package reads "accused of being intransigent"
	// (characterOnly); it still reads the noun, "accused of
	// intransigence", as an allegation by its cue.
	"intransigence": "", "ingratitude": "",
}

// TestLearnedActsNamed audits the misconduct lexicon by the corpus: each
// act the allegation frames of Reuters-21578 name strongly (in at least
// one of ten of the stories that use it) is a wrong of the lexicon, alone
// or in the phrase framedAlone gives, or is said there to be none. A new
// acts.tsv with an act nobody has judged fails here.
func TestLearnedActsNamed(t *testing.T) {
	rows, head := readActs(t)
	if head["stories"] < 1000 || head["frames"] < 100 || head["frames the misconduct lexicon names a wrong in"] > head["frames"] {
		t.Fatalf("acts.tsv head: %v", head)
	}
	strong := 0
	for _, r := range rows {
		if r.frameStrength < 0.1 {
			continue
		}
		strong++
		phrase, judged := framedAlone[r.word]
		switch {
		case judged && phrase == "":
		case judged:
			if i, _ := WrongAt(Tokens(phrase)); i < 0 {
				t.Errorf("learned act %q (%d of %d stories): the lexicon names no wrong in %q", r.word, r.frame, r.docs, phrase)
			}
		default:
			if i, _ := WrongAt([]string{r.word}); i < 0 {
				t.Errorf("learned act %q (%d of %d stories) is no wrong of the lexicon, and framedAlone does not judge it", r.word, r.frame, r.docs)
			}
		}
	}
	if strong < 10 {
		t.Errorf("only %d strongly learned acts in acts.tsv", strong)
	}
}

func TestFrameActs(t *testing.T) {
	for _, c := range []struct {
		text string
		want [][]string
	}{
		{"The SEC accused Acme Corp of manipulating the price of its stock.", [][]string{{"manipulat", "pric"}}},
		{"He was charged with insider trading, the prosecutor said.", [][]string{{"insid", "trad"}}},
		{"Acme allegedly faked forward contracts.", [][]string{{"faked", "forward", "contract"}}},
		{"It sold the shares in violation of the rules.", [][]string{{"shar", "sold"}}},
		{"The suit alleges that the company misled investors.", [][]string{{"misl", "investor"}}},
		// Names are no acts; a frame's own words and hedges are skipped.
		{"It called for retaliation against Japan for what it sees as Japan's unfair practices.", [][]string{{"unfair", "practic"}}},
		// A headline in capitals gives nothing.
		{"ACME ACCUSED OF FRAUD", nil},
		{"The company said profits rose.", nil},
	} {
		if got := FrameActs(c.text); !reflect.DeepEqual(got, c.want) {
			t.Errorf("FrameActs(%q) = %q, want %q", c.text, got, c.want)
		}
	}
}

func TestLowerStems(t *testing.T) {
	got := LowerStems("Acme Corp said it violated the rules, and violations continued in 1987.")
	want := []string{"violat", "rule", "continu"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("LowerStems = %q, want %q", got, want)
	}
}

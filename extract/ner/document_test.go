package ner

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestHarmonise(t *testing.T) {
	doc := []string{
		"Acme beat Zenith Rovers",
		"Acme won again",
		"ACME SHARES RISE",
		"Zenith Rovers lost in Zenith",
		"acme is a word here",
		"Zenith went on",
	}
	tags := [][]string{
		{"B-ORG", "O", "B-ORG", "I-ORG"},
		{"B-ORG", "O", "O"},
		{"O", "O", "O"},
		{"B-LOC", "I-LOC", "O", "O", "B-LOC"},
		{"O", "O", "O", "O", "O"},
		{"O", "O", "O"},
	}
	want := [][]string{
		{"B-ORG", "O", "B-ORG", "I-ORG"},
		{"B-ORG", "O", "O"},
		{"B-ORG", "O", "O"},                   // capitalised mention gets the majority type
		{"B-LOC", "I-LOC", "O", "O", "B-LOC"}, // 1 ORG vs 1 LOC: no majority, unchanged
		{"O", "O", "O", "O", "O"},             // lower-case mention stays O
		{"O", "O", "O"},                       // "Zenith" alone was tagged only once: no change
	}
	sents := make([][]string, len(doc))
	for i, d := range doc {
		sents[i] = strings.Fields(d)
	}
	harmonise(sents, tags, nil)
	if diff := cmp.Diff(want, tags); diff != "" {
		t.Errorf("harmonise (-want +got):\n%s", diff)
	}
}

func TestTagDocument(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	var sents [][]string
	for _, s := range articleSentences {
		sents = append(sents, strings.Fields(s))
	}
	got := m.TagDocument(sents)
	if len(got) != len(sents) {
		t.Fatalf("%d tag slices for %d sentences", len(got), len(sents))
	}
	for i := range got {
		if len(got[i]) != len(sents[i]) || !validIOB2(got[i]) {
			t.Errorf("sentence %d: tags %v", i, got[i])
		}
	}
}

func TestEvaluateDocuments(t *testing.T) {
	gold := []Sentence{
		{Tokens: []string{"Acme", "won"}, Tags: []string{"B-ORG", "O"}, Doc: 0},
		{Tokens: []string{"ACME", "wins"}, Tags: []string{"B-ORG", "O"}, Doc: 0},
		{Tokens: []string{"Acme", "lost"}, Tags: []string{"B-PER", "O"}, Doc: 1},
	}
	calls := 0
	s := EvaluateDocuments(gold, func(doc [][]string) [][]string {
		calls++
		out := make([][]string, len(doc))
		for i, d := range doc {
			out[i] = make([]string, len(d))
			for j := range d {
				out[i][j] = "O"
			}
			out[i][0] = "B-ORG"
		}
		return out
	})
	if calls != 2 {
		t.Errorf("tagger called %d times, want once per document (2)", calls)
	}
	if o := s.Overall; o.Gold != 3 || o.Predicted != 3 || o.Correct != 2 {
		t.Errorf("overall = %+v, want 3 gold, 3 predicted, 2 correct", o)
	}
}

func TestHarmoniseHeadlineAndCompanies(t *testing.T) {
	doc := []string{
		"ROCKY MOUNT , N.C. , March 31 - ROCKY MOUNT UNDERGARMENT SEES LOSS",
		"Rocky Mount Undergarment Co Inc said it expects a loss .",
		"The company , based in Rocky Mount , makes underwear .",
		"BankAmerica Corp said BankAmerica will wait .",
		"TEXAS BANK TO BUY BANKAMERICA UNIT",
	}
	tags := [][]string{
		{"B-LOC", "I-LOC", "O", "B-LOC", "O", "O", "O", "O", "B-LOC", "I-LOC", "O", "O", "O"},
		{"B-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG", "O", "O", "O", "O", "O", "O"},
		{"O", "O", "O", "O", "O", "B-LOC", "I-LOC", "O", "O", "O", "O"},
		{"B-ORG", "I-ORG", "O", "B-LOC", "O", "O", "O"},
		{"B-LOC", "O", "O", "O", "B-PER", "O"},
	}
	want := [][]string{
		// The dateline's place stays; the headline's company is the one
		// the story names with its legal form.
		{"B-LOC", "I-LOC", "O", "B-LOC", "O", "O", "O", "O", "B-ORG", "I-ORG", "I-ORG", "O", "O"},
		{"B-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG", "O", "O", "O", "O", "O", "O"},
		{"O", "O", "O", "O", "O", "B-LOC", "I-LOC", "O", "O", "O", "O"},
		// A company's name without its legal form is the company.
		{"B-ORG", "I-ORG", "O", "B-ORG", "O", "O", "O"},
		// "TEXAS" is not named in the story's mixed-case text: unchanged.
		{"B-LOC", "O", "O", "O", "B-ORG", "O"},
	}
	sents := make([][]string, len(doc))
	for i, d := range doc {
		sents[i] = strings.Fields(d)
	}
	harmonise(sents, tags, nil)
	if diff := cmp.Diff(want, tags); diff != "" {
		t.Errorf("harmonise (-want +got):\n%s", diff)
	}
	for _, c := range []struct {
		s    string
		caps bool
	}{
		{"GETTY PETROLEUM <GTY> YEAR NET", true},
		{"CLEVELAND , Feb 26 - STANDARD OIL TO FORM FINANCIAL UNIT", true},
		{"Getty Petroleum said its net rose", false},
		{"LONDON", false},
	} {
		if got := capsLine(strings.Fields(c.s)); got != c.caps {
			t.Errorf("capsLine(%q) = %v, want %v", c.s, got, c.caps)
		}
	}
	for in, want := range map[string]int{"Dow Jones and Co Inc": 2, "Getty Petroleum Corp": 2, "Reuters": 0, "Co Inc": 0} {
		if got := companyStem(strings.Fields(in)); got != want {
			t.Errorf("companyStem(%q) = %d, want %d", in, got, want)
		}
	}
}

// TestFillCompanies: a company's name without its legal form, tagged in
// part or not at all, becomes one ORG; a longer name that crosses it, a
// single word and a lower-case run stay as they are.
func TestFillCompanies(t *testing.T) {
	companies := map[string]bool{"thorn emi": true, "bankamerica": true}
	for _, c := range []struct{ toks, tags, want string }{
		{"Thorn EMI shares rose", "O B-ORG O O", "B-ORG I-ORG O O"},
		{"Thorn EMI shares rose", "B-PER O O O", "B-ORG I-ORG O O"},
		{"Thorn EMI shares rose", "O O O O", "B-ORG I-ORG O O"},
		{"The Thorn EMI Foundation said", "O B-ORG I-ORG I-ORG O", "O B-ORG I-ORG I-ORG O"},
		{"Mr Thorn EMI Trust said", "O B-ORG I-ORG I-ORG O", "O B-ORG I-ORG I-ORG O"},
		{"BankAmerica said", "O O", "O O"},
		{"thorn emi said", "O O O", "O O O"},
	} {
		toks, tags := strings.Fields(c.toks), strings.Fields(c.tags)
		fillCompanies(toks, tags, companies, 4)
		if got := strings.Join(tags, " "); got != c.want {
			t.Errorf("%q: %s, want %s", c.toks, got, c.want)
		}
	}
}

// TestCompanyEvidence checks the rules that make a name an organisation by
// a legal form after it or by what its context calls it, on tags given to
// them (not on what a model tags), and the cases they must leave alone.
func TestCompanyEvidence(t *testing.T) {
	gaz := NewGazetteer()
	gaz.Add(CatCountry, "japan", "Japan")
	gaz.Add(CatFirstName, "steven", "")
	gaz.Add(CatHonorific, "mr", "")
	gaz.Add(CatCity, "london", "United Kingdom")
	gaz.Add(CatCity, "paris", "France")
	gaz.Add(CatMedia, "times", "")
	cases := []struct{ sent, tags, want string }{
		// "The" that starts a sentence is no part of an organisation's name
		// but a newspaper's; inside a sentence it is left as the model had it.
		{"The Interior Ministry said", "B-ORG I-ORG I-ORG O", "O B-ORG I-ORG O"},
		{"The Times said", "B-ORG I-ORG O", "B-ORG I-ORG O"},
		{"It bought The Arizona Bank", "O O B-ORG I-ORG I-ORG", "O O B-ORG I-ORG I-ORG"},
		// A city the model made a place before an organisation it found.
		{"against the London Metal Exchange today", "O O B-LOC B-ORG I-ORG O", "O O B-ORG I-ORG I-ORG O"},
		{"the Paris Bourse rose", "O B-LOC B-ORG O", "O B-LOC B-ORG O"},                       // one word: perhaps the city's
		{"the Japan Finance Ministry said", "O B-LOC B-ORG I-ORG O", "O B-LOC B-ORG I-ORG O"}, // a country's body
		// A legal form after untagged capitalised words.
		{"Digital Equipment Corp said it would", "O O O O O O", "B-ORG I-ORG I-ORG O O O"},
		{"Ford Motor Co Inc rose", "O O O O O", "B-ORG I-ORG I-ORG I-ORG O"},
		{"The Company said", "O O O", "O O O"},                              // no name before the legal form
		{"Mr Smith Ltd said", "O O O O", "O B-ORG I-ORG O"},                 // the title stays out
		{"Getty Petroleum Corp said", "B-ORG I-ORG O O", "B-ORG I-ORG O O"}, // tagged in part: left to other rules
		// Context that says company.
		{"Shares of Terumo rose", "O O B-PER O", "O O B-ORG O"},
		{"a unit of Kemira rose", "O O O B-LOC O", "O O O B-ORG O"},
		{"It took a stake in Hanson .", "O O O O O O O", "O O O O O B-ORG O"},
		{"Volvo said its sales rose", "B-PER O O O O", "B-ORG O O O O"},
		{"Japan said its exports rose", "B-LOC O O O O", "B-LOC O O O O"}, // a listed country
		{"the auditor EY resigned", "O O B-LOC O", "O O B-ORG O"},
		{"EY , the auditor , quit", "B-LOC O O O O O", "B-ORG O O O O O"},
		{"RT , the Russian broadcaster , said", "O O O B-MISC O O O", "B-ORG O O B-MISC O O O"}, // an acronym may start the sentence
		{"Meanwhile , the group said .", "O O O O O O", "O O O O O O"},
		{"BaFin and RT , the Russian broadcaster , said", "B-ORG O O O O B-MISC O O O", "B-ORG O B-ORG O O B-MISC O O O"},
		{"Shareholders of Wirecard sued", "O O B-LOC O", "O O B-ORG O"},
		{"two Shearson Lehman companies sued", "O B-PER I-PER O O", "O B-ORG I-ORG O O"},       // a noun only companies take
		{"Mr Smith shares the view", "O B-PER O O O", "O B-PER O O O"},                         // a title makes a person
		{"the film maker Steven Spielberg said", "O O O B-PER I-PER O", "O O O B-PER I-PER O"}, // a person's full name
		{"Strevig and Associates , a Houston firm", "O O O O O O O O", "O O O O O O O O"},      // the name starts further back
		{"in Monday , the company said", "O O O O O O", "O O O O O O"},                         // a report, no apposition
		{"in group C , the group that", "O O O O O O O", "O O O O O O O"},                      // one letter
		{"the bank FRNs , along", "O O O O O", "O O O O O"},                                    // a plural of capitals
	}
	for _, c := range cases {
		s := strings.Fields(c.sent)
		tags := strings.Fields(c.tags)
		harmonise([][]string{s}, [][]string{tags}, gaz)
		if got := strings.Join(tags, " "); got != c.want {
			t.Errorf("%q: got %s, want %s", c.sent, got, c.want)
		}
	}
}

// TestCompanyHeads: the first word of a company's name stands for it alone
// where it is never a lower-case word of the document, is no place, given
// name or head word, and runs into no other capitalised word.
func TestCompanyHeads(t *testing.T) {
	gaz := NewGazetteer()
	gaz.Add(CatCity, "boston", "United States")
	gaz.Add(CatOrgWord, "general", "")
	doc := []struct{ sent, tags, want string }{
		{"Digital Equipment Corp said it would", "B-ORG I-ORG I-ORG O O O", "B-ORG I-ORG I-ORG O O O"},
		{"Digital president Kenneth Olsen said", "O O B-PER I-PER O", "B-ORG O B-PER I-PER O"},
		{"Boston Scientific Corp rose", "B-ORG I-ORG I-ORG O", "B-ORG I-ORG I-ORG O"},
		{"Boston fell", "O O", "O O"}, // a city
		{"Total Petroleum Corp shut lines", "B-ORG I-ORG I-ORG O O", "B-ORG I-ORG I-ORG O O"},
		{"Total shut a line", "O O O O", "O O O O"}, // "total" is a word below
		{"the total was 5", "O O O O", "O O O O"},
		{"General Motors Corp said", "B-ORG I-ORG I-ORG O", "B-ORG I-ORG I-ORG O"},
		{"General output rose", "O O O", "O O O"},   // a head word
		{"Digital Research rose", "O O O", "O O O"}, // runs into another capitalised word
	}
	var sents, tags [][]string
	for _, d := range doc {
		sents = append(sents, strings.Fields(d.sent))
		tags = append(tags, strings.Fields(d.tags))
	}
	harmonise(sents, tags, gaz)
	for i, d := range doc {
		if got := strings.Join(tags[i], " "); got != d.want {
			t.Errorf("%q: got %s, want %s", d.sent, got, d.want)
		}
	}
}

// TestSpeakingSurnameIsPerson: a surname of a person the document names
// in full, tagged a place, is the person when a verb of speech follows
// ("Houston said" after "Donald Houston"); the place elsewhere stays.
func TestSpeakingSurnameIsPerson(t *testing.T) {
	doc := []string{
		"Donald Houston defended the program",
		"Houston said inspection programs have kept pace",
		"Prices rose in Houston on Monday",
	}
	tags := [][]string{
		{"B-PER", "I-PER", "O", "O", "O"},
		{"B-LOC", "O", "O", "O", "O", "O", "O"},
		{"O", "O", "O", "B-LOC", "O", "O"},
	}
	sents := make([][]string, len(doc))
	for i, d := range doc {
		sents[i] = strings.Fields(d)
	}
	harmonise(sents, tags, nil)
	if tags[1][0] != "B-PER" {
		t.Errorf("Houston said: %s, want B-PER", tags[1][0])
	}
	if tags[2][3] != "B-LOC" {
		t.Errorf("in Houston: %s, want B-LOC", tags[2][3])
	}
}

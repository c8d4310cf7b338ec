package text

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/dossier-project/dossier/schema"
	"github.com/google/go-cmp/cmp"
)

// sentenceTexts returns the texts of ss.
func sentenceTexts(ss []Sentence) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = s.Text
	}
	return out
}

// checkSentences fails t unless every sentence is an exact, trimmed span,
// its tokens are exact and lie inside it, and sentences are in order
// without overlap.
func checkSentences(t testing.TB, runes []rune, ss []Sentence) {
	t.Helper()
	prev := 0
	for i, s := range ss {
		if !s.Valid(runes) {
			t.Fatalf("sentence %d [%d,%d) %q is not the text at its offsets", i, s.Start, s.End, s.Text)
		}
		if s.Start < prev || s.Start >= s.End {
			t.Fatalf("sentence %d [%d,%d) empty, out of order or overlapping (previous end %d)", i, s.Start, s.End, prev)
		}
		if IsSpace(runes[s.Start]) || IsSpace(runes[s.End-1]) {
			t.Fatalf("sentence %d %q not trimmed", i, s.Text)
		}
		if len(s.Tokens) == 0 || s.Tokens[0].Start != s.Start || s.Tokens[len(s.Tokens)-1].End != s.End {
			t.Fatalf("sentence %d %q: tokens do not span it", i, s.Text)
		}
		checkTokens(t, runes, s.Start, s.End, s.Tokens)
		prev = s.End
	}
}

// kasperskySentences are the sentences of testdata/kaspersky.txt when the
// whole text is split (Body nil).
var kasperskySentences = []string{
	"Cybersecurity firm Kaspersky says spying for Kremlin would kill our business",
	"24 October 2017\u00a0\u00a0\u00a0 Read: 2462",
	"Cybersecurity firm Kaspersky says spying for Kremlin would kill our business",
	`Kaspersky Lab's chief executive has told that allowing the company's software to be used by the Kremlin to conduct espionage "would simply kill our business", reports citing Sky News.`,
	"In his first interview since media reports claimed his company's anti-virus software was used by Russian intelligence to steal cyberweapons from America, Eugene Kaspersky said the claims confused him.",
	"Mr Kaspersky denies his business helped the Russian Federal Security Service (FSB) steal sophisticated malware developed by the US National Security Agency (NSA).",
	`He acknowledged that it was "technically, a very possible scenario" his company's anti-virus had detected the NSA hacking tools after an employee stashed them on his home computer.`,
	"However, Mr Kaspersky stated that his company did not assist the FSB with espionage activities and that he did not believe the FSB had compromised Kaspersky Lab's network.",
	"Kaspersky Lab's chief executive said he did not understand where the allegations could have originated from and criticised The Wall Street Journal and The New York Times for a lack of evidence in their reporting.",
	`He added that the claims of his company's involvement with espionage had harmed his business in America, and that the company had issued legal warnings to media organisations outside of the US regarding the "false allegations".`,
	`How damaging the reports have been for Kaspersky "depends on the country", he told Sky News, admitting the company was "expecting the allegations to have a negative impact on the United States".`,
	`"It's not too much but unfortunately after all these stories we'll have negative growth in the United States. But in many other nations our business is growing," he added.`,
	"The company has denied that it is actively colluding with the FSB, and Eugene Kaspersky told Sky News that annual security audits at the company have found no breach of its network that would allow Kremlin operatives illicit access.",
	`"We are absolutely sure that there's nothing wrong," he said, repeating that there was no evidence for the allegations at all.`,
	"The company has now announced a global transparency initiative in response to the allegations, aiming to win back the trust of those who believe it may pose a security risk to them.",
	"The claims in the US have not been shared by the cybersecurity agencies in the UK and Germany.",
	"In October, Germany's Federal Office for Information Security (BSI) told Reuters that it had no evidence to support the US media reports.",
	`"There are no plans to warn against the use of Kaspersky products since the BSI has no evidence for misconduct by the company or weaknesses in its software," the agency said.`,
	`A spokesperson for the NCSC told Sky News: "Supply chain security is a complex problem and our advice is much more detailed than noting the name on the product or the country the vendor comes from."`,
	"More about: #Kaspersky \u00a0 #Russia \u00a0 #cybersecurity",
}

func TestSplitArticle(t *testing.T) {
	doc := &schema.Document{Text: article(t)}
	runes := []rune(doc.Text)
	ss := Split(doc, runes)
	checkSentences(t, runes, ss)
	if diff := cmp.Diff(kasperskySentences, sentenceTexts(ss)); diff != "" {
		t.Errorf("sentences (-want +got):\n%s", diff)
	}
	for i, s := range ss {
		if s.Headline {
			t.Errorf("sentence %d %q marked as headline without a Headline span", i, s.Text)
		}
	}
	// Mr Kaspersky's denial, token by token.
	want := strings.Fields("Mr Kaspersky denies his business helped the Russian Federal Security Service ( FSB ) steal sophisticated malware developed by the US National Security Agency ( NSA ) .")
	if diff := cmp.Diff(want, texts(ss[5].Tokens)); diff != "" {
		t.Errorf("tokens of sentence 5 (-want +got):\n%s", diff)
	}
}

// TestSplitArticleBody splits the article as the reader hands it over: the
// headline as a span of its own and a Body without the date line, the
// repeated title and the "More about:" footer.
func TestSplitArticleBody(t *testing.T) {
	text := article(t)
	runes := []rune(text)
	find := func(s string) int {
		i := strings.Index(text, s)
		if i < 0 {
			t.Fatalf("%q not in the article", s)
		}
		return len([]rune(text[:i]))
	}
	title := "Cybersecurity firm Kaspersky says spying for Kremlin would kill our business"
	bodyStart, bodyEnd := find("Kaspersky Lab's chief executive has told"), find("More about:")
	doc := &schema.Document{
		Text:     text,
		Headline: schema.MakeSpan(runes, 0, len([]rune(title))),
		Body:     []schema.Span{schema.MakeSpan(runes, bodyStart, bodyEnd)},
	}
	ss := Split(doc, runes)
	checkSentences(t, runes, ss)
	want := append([]string{title}, kasperskySentences[3:len(kasperskySentences)-1]...)
	if diff := cmp.Diff(want, sentenceTexts(ss)); diff != "" {
		t.Errorf("sentences (-want +got):\n%s", diff)
	}
	if !ss[0].Headline || ss[1].Headline {
		t.Errorf("Headline flags = %v, %v; want true, false", ss[0].Headline, ss[1].Headline)
	}

	// Nil runes are computed from the text.
	if diff := cmp.Diff(ss, Split(doc, nil)); diff != "" {
		t.Errorf("Split(doc, nil) differs (-runes +nil):\n%s", diff)
	}
}

func TestSplit(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"plain", "The firm denied it. Officials disagreed! Why? Nobody knows.",
			[]string{"The firm denied it.", "Officials disagreed!", "Why?", "Nobody knows."}},
		{"quote with comma and attribution", `"We are sure. We are right," he said. Then he left.`,
			[]string{`"We are sure. We are right," he said.`, "Then he left."}},
		{"curly quote with attribution", "“We are sure. We are right,” the agency said. It left.",
			[]string{"“We are sure. We are right,” the agency said.", "It left."}},
		{"quote with comma and named speaker", `"We are sure. We are right," Eugene Kaspersky told Sky News. Then he left.`,
			[]string{`"We are sure. We are right," Eugene Kaspersky told Sky News.`, "Then he left."}},
		{"quote with comma and no attribution", `"We are sure. We are right," Kaspersky Lab's chief executive officer Eugene Kaspersky. Then he left.`,
			[]string{`"We are sure.`, `We are right," Kaspersky Lab's chief executive officer Eugene Kaspersky.`, "Then he left."}},
		{"quote after colon", `He said: "We are sure." Then he left.`,
			[]string{`He said: "We are sure."`, "Then he left."}},
		{"quote closes after full stop", `She called it "false." The firm agreed.`,
			[]string{`She called it "false."`, "The firm agreed."}},
		{"quoted sentences without attribution", `"We are sure. We are right." He left.`,
			[]string{`"We are sure.`, `We are right."`, "He left."}},
		{"question in quote", `"Are we sure?" he asked. Nobody answered.`,
			[]string{`"Are we sure?" he asked.`, "Nobody answered."}},
		{"titles", "Mr. Smith met Dr. Jones and Gen. Petraeus. They talked.",
			[]string{"Mr. Smith met Dr. Jones and Gen. Petraeus.", "They talked."}},
		{"abbreviations inside", "The U.S. Government and Acme Inc. agreed on Jan. 5 with J. Smith.",
			[]string{"The U.S. Government and Acme Inc. agreed on Jan. 5 with J. Smith."}},
		{"abbreviation ends sentence", "He left the U.S. The firm stayed in the U.K. But not for long.",
			[]string{"He left the U.S.", "The firm stayed in the U.K.", "But not for long."}},
		{"e.g. and etc.", "Tools, e.g. Regin, etc. were used. It worked.",
			[]string{"Tools, e.g. Regin, etc. were used.", "It worked."}},
		{"brackets", "The agency (NSA). The bureau (see above.) Then more.",
			[]string{"The agency (NSA).", "The bureau (see above.)", "Then more."}},
		{"brand name starts sentence", "Sales fell. iPhone demand rose. eBay fell. e-mail is old.",
			[]string{"Sales fell.", "iPhone demand rose.", "eBay fell. e-mail is old."}},
		{"digit starts sentence", "Sales fell. 2017 was worse.",
			[]string{"Sales fell.", "2017 was worse."}},
		{"lower case after full stop", "It grew 5 pct. in May.", []string{"It grew 5 pct. in May."}},
		{"decimal and number", "It grew 5.5 pct to 1,000.50 dollars.", []string{"It grew 5.5 pct to 1,000.50 dollars."}},
		{"ellipsis", "He paused... Then he left. We will ... Continue later.",
			[]string{"He paused...", "Then he left.", "We will ... Continue later."}},
		{"glued paragraphs", "kill our business.The company said so.",
			[]string{"kill our business.", "The company said so."}},
		{"blank line", "No stop here\n\nsecond part", []string{"No stop here", "second part"}},
		{"blank line with spaces", "No stop here\n \t\u00a0\r\n  second part", []string{"No stop here", "second part"}},
		{"paragraph separator", "One\u2029two", []string{"One", "two"}},
		{"heading", "Kaspersky denies spying claims\nThe company said on Tuesday it had no ties.",
			[]string{"Kaspersky denies spying claims", "The company said on Tuesday it had no ties."}},
		{"date line", "  24 October 2017    Read: 2462\nCybersecurity firm Kaspersky denies spying\nKaspersky Lab's chief said so.",
			[]string{"24 October 2017    Read: 2462", "Cybersecurity firm Kaspersky denies spying", "Kaspersky Lab's chief said so."}},
		{"wrapped line ending in function word", "The company, which was founded in\nMoscow in 1997, said it.",
			[]string{"The company, which was founded in\nMoscow in 1997, said it."}},
		{"wrapped line of a running sentence", "He left. The company founded by\nEugene Kaspersky said\nThe Times lied.",
			[]string{"He left.", "The company founded by\nEugene Kaspersky said\nThe Times lied."}},
		{"long wrapped line", "Showers continued throughout the week in the Bahia cocoa zone alleviating drought\nComissaria Smith said.",
			[]string{"Showers continued throughout the week in the Bahia cocoa zone alleviating drought\nComissaria Smith said."}},
		{"hard-wrapped text", "The report may also undermine the standing of Defense\nSecretary Caspar Weinberger. He was\nsaid to be angry.",
			[]string{"The report may also undermine the standing of Defense\nSecretary Caspar Weinberger.", "He was\nsaid to be angry."}},
		{"abbreviation before an indented paragraph", "Receivables through Salomon Brothers Inc.\n    Upcoming issues include\nnotes.",
			[]string{"Receivables through Salomon Brothers Inc.", "Upcoming issues include\nnotes."}},
		{"two spaces after an abbreviation", "It rated Atlantic City Electric Co.  About 500 mln dlrs rose. Mr.  Smith left.",
			[]string{"It rated Atlantic City Electric Co.", "About 500 mln dlrs rose.", "Mr.  Smith left."}},
		{"abbreviation at a wrapped line end", "Receivables through the U.S.\nAgriculture Department rose.",
			[]string{"Receivables through the U.S.\nAgriculture Department rose."}},
		{"dash at a wrapped line start", "Fitzgerald added that while gearing\n- debt to equity plus debt - rose.",
			[]string{"Fitzgerald added that while gearing\n- debt to equity plus debt - rose."}},
		{"line ending in a past tense", "Ryder System Inc said it has acquired\nCaledonian Airmotive Ltd.",
			[]string{"Ryder System Inc said it has acquired\nCaledonian Airmotive Ltd."}},
		{"bullets", "Key points:\n• First point\n- Second point\n- Third point",
			[]string{"Key points:", "• First point", "- Second point", "- Third point"}},
		{"no space after quote", `It was "false".Then`, []string{`It was "false".Then`}},
		{"only punctuation", ". . !", []string{". . !"}},
		{"empty", "", nil},
		{"only space", " \n\n\u00a0 ", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := &schema.Document{Text: tt.in}
			runes := []rune(tt.in)
			ss := Split(doc, runes)
			checkSentences(t, runes, ss)
			if diff := cmp.Diff(tt.want, sentenceTexts(ss), cmp.Comparer(func(a, b []string) bool {
				return len(a) == 0 && len(b) == 0 || cmp.Equal(a, b)
			})); diff != "" {
				t.Errorf("Split(%q) (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}

func TestSplitBodyAndHeadline(t *testing.T) {
	text := "Title line here\nFirst body. Second body.\nNot body.\nThird body. Fourth"
	runes := []rune(text)
	span := func(s string) schema.Span {
		i := strings.Index(text, s)
		return schema.MakeSpan(runes, len([]rune(text[:i])), len([]rune(text[:i+len(s)])))
	}
	tests := []struct {
		name     string
		body     []schema.Span
		headline schema.Span
		want     []string
	}{
		{"body spans are boundaries", []schema.Span{span("First body. Second"), span("body.\nNot")},
			schema.Span{}, []string{"First body.", "Second", "body.", "Not"}},
		{"headline outside body", []schema.Span{span("Third body. Fourth")}, span("Title line here"),
			[]string{"Title line here", "Third body.", "Fourth"}},
		{"headline inside the whole text", nil, span("Title line"),
			[]string{"Title line", "here\nFirst body.", "Second body.", "Not body.", "Third body.", "Fourth"}},
		{"headline cutting a body span", []schema.Span{span("Title line here\nFirst body.")}, span("line here\nFirst"),
			[]string{"Title", "line here\nFirst", "body."}},
		{"unsorted and overlapping body", []schema.Span{span("Third body."), span("First body. Second body."), span("body. Second")},
			schema.Span{}, []string{"First body.", "Second body.", "Third body."}},
		{"body out of range", []schema.Span{{Start: -10, End: 6}, {Start: 63, End: 1000}, {Start: 30, End: 20}},
			schema.Span{Start: 900, End: 1000}, []string{"Title", "Fourth"}},
		{"empty body", []schema.Span{}, schema.Span{}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := &schema.Document{Text: text, Body: tt.body, Headline: tt.headline}
			ss := Split(doc, runes)
			checkSentences(t, runes, ss)
			if diff := cmp.Diff(tt.want, sentenceTexts(ss), cmp.Comparer(func(a, b []string) bool {
				return len(a) == 0 && len(b) == 0 || cmp.Equal(a, b)
			})); diff != "" {
				t.Errorf("sentences (-want +got):\n%s", diff)
			}
			for _, s := range ss {
				if s.Headline != (s.Span == tt.headline) {
					t.Errorf("sentence %q: Headline = %v", s.Text, s.Headline)
				}
			}
		})
	}
	if ss := Split(nil, nil); ss != nil {
		t.Errorf("Split(nil, nil) = %v, want nil", ss)
	}
}

func TestSplitInvalidUTF8(t *testing.T) {
	// The document text holds invalid bytes; runes hold U+FFFD for them, so
	// texts must come from the runes, not from slicing doc.Text.
	doc := &schema.Document{Text: "Caf\xe9's owner left. M\xfcller's firm \xff\xfe stayed."}
	runes := []rune(doc.Text)
	ss := Split(doc, runes)
	checkSentences(t, runes, ss)
	want := []string{"Caf\uFFFD's owner left.", "M\uFFFDller's firm \uFFFD\uFFFD stayed."}
	if diff := cmp.Diff(want, sentenceTexts(ss)); diff != "" {
		t.Errorf("sentences (-want +got):\n%s", diff)
	}
	// Runes that do not match the text are trusted over it.
	runes[0] = 'K'
	ss = Split(doc, runes)
	checkSentences(t, runes, ss)
	if !strings.HasPrefix(ss[0].Text, "Kaf") {
		t.Errorf("first sentence %q, want it read from runes", ss[0].Text)
	}
}

func TestSplitPathological(t *testing.T) {
	for name, runes := range pathological() {
		t.Run(name, func(t *testing.T) {
			doc := &schema.Document{Text: string(runes)}
			ss := Split(doc, runes)
			checkSentences(t, runes, ss)
			var nt, ns int
			for _, s := range ss {
				nt += len(s.Tokens)
			}
			for _, r := range runes {
				if !IsSpace(r) {
					ns++
				}
			}
			if nt > ns || (ns > 0 && nt == 0) {
				t.Errorf("%d tokens in sentences for %d non-space runes", nt, ns)
			}
		})
	}
	runes := pathological()["300KB whitespace"]
	got := sentenceTexts(Split(&schema.Document{Text: string(runes)}, runes))
	if diff := cmp.Diff([]string{"Start.", "End."}, got); diff != "" {
		t.Errorf("whitespace sentences (-want +got):\n%s", diff)
	}
}

func TestTokenIndexAt(t *testing.T) {
	text := "Mr Kaspersky denies it. He said (FSB) lied."
	runes := []rune(text)
	ss := Split(&schema.Document{Text: text}, runes)
	if len(ss) != 2 {
		t.Fatalf("got %d sentences, want 2", len(ss))
	}
	s := ss[1] // "He said (FSB) lied." at offset 24
	tests := []struct {
		offset, want int
	}{
		{24, 0}, {25, 0}, {26, -1}, {27, 1}, {32, 2}, {33, 3}, {35, 3}, {36, 4}, {42, 6}, {43, -1}, {0, -1}, {-5, -1}, {1000, -1},
	}
	for _, tt := range tests {
		if got := s.TokenIndexAt(tt.offset); got != tt.want {
			t.Errorf("TokenIndexAt(%d) = %d, want %d", tt.offset, got, tt.want)
		}
	}
	if got := (Sentence{}).TokenIndexAt(0); got != -1 {
		t.Errorf("empty sentence TokenIndexAt(0) = %d, want -1", got)
	}
	for _, tt := range []struct{ offset, want int }{{0, 0}, {22, 0}, {23, -1}, {24, 1}, {42, 1}, {43, -1}, {-1, -1}} {
		if got := SentenceIndexAt(ss, tt.offset); got != tt.want {
			t.Errorf("SentenceIndexAt(%d) = %d, want %d", tt.offset, got, tt.want)
		}
	}
}

func TestTokensDoNotAlias(t *testing.T) {
	runes := []rune("One two. Three four.")
	ss := Split(&schema.Document{Text: string(runes)}, runes)
	_ = append(ss[0].Tokens, Token{Text: "x"})
	if ss[1].Tokens[0].Text != "Three" {
		t.Errorf("appending to one sentence's tokens changed the next: %q", ss[1].Tokens[0].Text)
	}
}

func FuzzSplit(f *testing.F) {
	f.Add("Title\n\n  24 October 2017  Read: 2462\nKaspersky Lab's chief said \"no. We are,\" he added. Mr. X left the U.S. The end...", 0, 40, 5, 60)
	f.Add("\"a.\n\"b,\" c\r\n\r\n• d\xe9's", -1, 3, 2, 9)
	f.Fuzz(func(t *testing.T, s string, b0, b1, h0, h1 int) {
		runes := []rune(s)
		doc := &schema.Document{Text: s, Headline: schema.Span{Start: h0, End: h1}}
		if b0 != b1 {
			doc.Body = []schema.Span{{Start: b0, End: b1}, {Start: b1, End: b1 + 7}}
		}
		checkSentences(t, runes, Split(doc, runes))
		checkSentences(t, runes, Split(&schema.Document{Text: s}, runes))
	})
}

func BenchmarkSplit(b *testing.B) {
	text := strings.Repeat(article(b)+"\n\n", 20)
	runes := []rune(text)
	doc := &schema.Document{Text: text}
	n := 0
	for _, s := range Split(doc, runes) {
		n += len(s.Tokens)
	}
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		Split(doc, runes)
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

func ExampleSplit() {
	text := `Mr Kaspersky denies it. "We are sure. We are right," he said.`
	for _, s := range Split(&schema.Document{Text: text}, []rune(text)) {
		fmt.Printf("[%d,%d) %s\n", s.Start, s.End, s.Text)
	}
	// Output:
	// [0,23) Mr Kaspersky denies it.
	// [24,61) "We are sure. We are right," he said.
}

func ExampleTokenize() {
	runes := []rune("Kaspersky Lab's anti-virus (FSB) don't")
	for _, t := range Tokenize(runes, 0, len(runes)) {
		fmt.Printf("%q ", t.Text)
	}
	fmt.Println()
	// Output:
	// "Kaspersky" "Lab" "'s" "anti-virus" "(" "FSB" ")" "do" "n't"
}

// TestSplitReuters splits hard-wrapped Reuters newswire from the shared
// benchmark corpus: every sentence must be exact, the first story must come
// out as written, and almost no sentence may start in lower case (the few
// that do start so in the source text).
func TestSplitReuters(t *testing.T) {
	const path = "../../../shared/data/news/reuters21578.jsonl"
	f, err := os.Open(path)
	if err != nil {
		t.Skipf("Reuters corpus not available: %v", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<22)
	docs, sentences, lower := 0, 0, 0
	for docs < 2000 && sc.Scan() {
		var rec struct{ Text string }
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			t.Fatalf("%s line %d: %v", path, docs+1, err)
		}
		docs++
		runes := []rune(rec.Text)
		ss := Split(&schema.Document{Text: rec.Text}, runes)
		checkSentences(t, runes, ss)
		sentences += len(ss)
		for _, s := range ss {
			if startsLower(s.Tokens[0]) {
				lower++
			}
		}
		if docs == 1 {
			want := []string{
				"BAHIA COCOA REVIEW",
				"Showers continued throughout the week in\nthe Bahia cocoa zone, alleviating the drought since early\nJanuary and improving prospects for the coming temporao,\nalthough normal humidity levels have not been restored,\nComissaria Smith said in its weekly review.",
				"The dry period means the temporao will be late this year.",
				"Arrivals for the week ended February 22 were 155,221 bags\nof 60 kilos making a cumulative total for the season of 5.93\nmln against 5.81 at the same stage last year.",
				"Again it seems\nthat cocoa delivered earlier on consignment was included in the\narrivals figures.",
			}
			if diff := cmp.Diff(want, sentenceTexts(ss[:len(want)])); diff != "" {
				t.Errorf("first story (-want +got):\n%s", diff)
			}
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("read %s: %v", path, err)
	}
	t.Logf("%d stories, %d sentences, %d starting in lower case", docs, sentences, lower)
	if lower*500 > sentences {
		t.Errorf("%d of %d sentences start in lower case, want under 0.2%%", lower, sentences)
	}
}

// TestPlover runs the PLOVER gold-standard news sentences of the shared
// corpus: each must come out as one sentence (they are full of "U.S." and
// "U.N."), and every annotated actor and event span must start and end on
// token boundaries, except inside hyphenated words ("US-led"), which stay
// one token, and spans whose gold text carries white space.
func TestPlover(t *testing.T) {
	const path = "../../../shared/data/attribution/plover_gsr/plover_gsr.jsonl"
	f, err := os.Open(path)
	if err != nil {
		t.Skipf("PLOVER sentences not available: %v", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<22)
	records, spans := 0, 0
	for sc.Scan() {
		var rec struct {
			ID    string
			Text  string
			Spans []schema.Span
		}
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			t.Fatalf("%s line %d: %v", path, records+1, err)
		}
		records++
		runes := []rune(rec.Text)
		ss := Split(&schema.Document{Text: rec.Text}, runes)
		checkSentences(t, runes, ss)
		if len(ss) != 1 {
			t.Errorf("%s: %d sentences, want 1: %q", rec.ID, len(ss), sentenceTexts(ss))
			continue
		}
		s := ss[0]
		for _, sp := range rec.Spans {
			spans++
			if strings.TrimSpace(sp.Text) != sp.Text {
				continue
			}
			for _, off := range []int{sp.Start, sp.End - 1} {
				k := s.TokenIndexAt(off)
				if k < 0 {
					t.Errorf("%s: span %q [%d,%d): no token at %d", rec.ID, sp.Text, sp.Start, sp.End, off)
					continue
				}
				tok := s.Tokens[k]
				aligned := off == sp.Start && tok.Start == off || off == sp.End-1 && tok.End == sp.End
				if !aligned && !strings.Contains(tok.Text, "-") {
					t.Errorf("%s: span %q [%d,%d) cuts token %q [%d,%d)", rec.ID, sp.Text, sp.Start, sp.End, tok.Text, tok.Start, tok.End)
				}
			}
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("read %s: %v", path, err)
	}
	if records < 300 || spans < 1000 {
		t.Errorf("read %d records with %d spans, want the 322 records of the corpus", records, spans)
	}
}

// TestGMB measures sentence boundaries and tokens against the Groningen
// Meaning Bank (Voice of America news, silver tokens and sentences) of the
// shared corpus. Its sentences are detokenized and joined 20 at a time into
// running text; the splitter must find the gold boundaries, and the
// tokenizer the gold tokens, with few exceptions (the gold has its own
// errors: captions run into sentences, split quotations).
func TestGMB(t *testing.T) {
	const path = "../../../shared/data/ner-train/gmb/gmb.conll"
	f, err := os.Open(path)
	if err != nil {
		t.Skipf("GMB corpus not available: %v", err)
	}
	defer f.Close()
	var sents [][]string
	var cur []string
	sc := bufio.NewScanner(f)
	for sc.Scan() && len(sents) < 20000 {
		tok, _, _ := strings.Cut(sc.Text(), "\t")
		if tok == "" {
			if len(cur) > 0 {
				sents = append(sents, cur)
			}
			cur = nil
			continue
		}
		cur = append(cur, tok)
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("read %s: %v", path, err)
	}
	var tp, fp, fn, tokOK, tokAll int
	for g := 0; g+20 <= len(sents); g += 20 {
		text, starts, toks := detokenize(sents[g : g+20])
		runes := []rune(text)
		ss := Split(&schema.Document{Text: text}, runes)
		checkSentences(t, runes, ss)
		got := map[int]bool{}
		ours := map[[2]int]bool{}
		for _, s := range ss {
			got[s.Start] = true
			for _, tok := range s.Tokens {
				ours[[2]int{tok.Start, tok.End}] = true
			}
		}
		for _, o := range starts {
			if got[o] {
				tp++
				delete(got, o)
			} else {
				fn++
			}
		}
		fp += len(got)
		for _, tok := range toks {
			tokAll++
			if ours[tok] {
				tokOK++
			}
		}
	}
	p, r := float64(tp)/float64(tp+fp), float64(tp)/float64(tp+fn)
	agree := float64(tokOK) / float64(tokAll)
	t.Logf("%d sentences: boundary precision %.4f, recall %.4f; %d of %d gold tokens found (%.4f)", len(sents), p, r, tokOK, tokAll, agree)
	if p < 0.99 || r < 0.99 || agree < 0.999 {
		t.Errorf("precision %.4f, recall %.4f, token agreement %.4f; want at least 0.99, 0.99, 0.999", p, r, agree)
	}
}

// detokenize joins tokenized sentences into running text the way news is
// written, and returns the text, the offset of each sentence and the span
// of each token.
func detokenize(sents [][]string) (string, []int, [][2]int) {
	var b strings.Builder
	var starts []int
	var toks [][2]int
	pos := 0
	for _, s := range sents {
		if pos > 0 {
			b.WriteByte(' ')
			pos++
		}
		starts = append(starts, pos)
		inQuote := false
		for i, tok := range s {
			space := i > 0
			switch tok {
			case ".", ",", "'s", "’s", ")", "]", "%", ";", ":", "?", "!", "'m", "'ll", "'re", "'ve", "'d", "n't":
				space = false
			case `"`:
				if inQuote {
					space = false
				}
				inQuote = !inQuote
			}
			if i > 0 {
				switch prev := s[i-1]; {
				case prev == "(" || prev == "$" || prev == "[":
					space = false
				case prev == `"` && inQuote && tok != `"`:
					space = false
				}
			}
			if space {
				b.WriteByte(' ')
				pos++
			}
			n := utf8.RuneCountInString(tok)
			toks = append(toks, [2]int{pos, pos + n})
			b.WriteString(tok)
			pos += n
		}
	}
	return b.String(), starts, toks
}

// TestSplitCap checks that a stretch without a sentence boundary is cut
// into sentences of at most MaxSentenceTokens tokens, marked Cut, at a
// comma or line break in the second half of a piece when there is one, and
// that a sentence of news length is left alone.
func TestSplitCap(t *testing.T) {
	var b strings.Builder
	for i := range 2000 {
		fmt.Fprintf(&b, "Mr%d Corp said ", i)
	}
	long := b.String() + "the end."
	headline := strings.Repeat("WORD ", 1000)
	for name, doc := range map[string]*schema.Document{
		"one line":  {Text: long},
		"headline":  {Text: headline + "\n\n" + long, Headline: schema.Span{Start: 0, End: len(headline) - 1}},
		"commas":    {Text: strings.Repeat("one two three four five six seven, ", 300) + "end."},
		"one token": {Text: strings.Repeat("x", 300000)},
	} {
		runes := []rune(doc.Text)
		ss := Split(doc, runes)
		checkSentences(t, runes, ss)
		cut := 0
		for i, s := range ss {
			if len(s.Tokens) > MaxSentenceTokens {
				t.Errorf("%s: sentence %d has %d tokens", name, i, len(s.Tokens))
			}
			if s.Cut {
				cut++
				if len(s.Tokens) <= MaxSentenceTokens/2 {
					t.Errorf("%s: sentence %d was cut at only %d tokens", name, i, len(s.Tokens))
				}
			}
		}
		if cut == 0 {
			t.Errorf("%s: no sentence marked Cut", name)
		}
		if name == "commas" {
			for _, s := range ss[:len(ss)-1] {
				if last := s.Tokens[len(s.Tokens)-1].Text; last != "," {
					t.Errorf("commas: a piece ends in %q, not at a comma", last)
					break
				}
			}
		}
		if name == "one token" && ss[0].CutTokens != MaxSentenceTokens {
			t.Errorf("one token: CutTokens = %d, want %d", ss[0].CutTokens, MaxSentenceTokens)
		}
	}
	// Ordinary sentences are not cut.
	runes := []rune(article(t))
	for _, s := range Split(&schema.Document{Text: string(runes)}, runes) {
		if s.Cut || s.CutTokens > 0 {
			t.Errorf("the example article's sentence %q is marked cut", s.Text)
		}
	}
}

// TestSplitWrappedAcrossParagraphs: hard wrapping is the document's. A
// paragraph of two lines whose one break falls before a capital is not a
// heading and its sentence when another paragraph of the body shows a
// break inside a sentence; in a text with no such break it still is.
func TestSplitWrappedAcrossParagraphs(t *testing.T) {
	text := "The minister said\nin remarks published today there were no plans.\n" +
		"Traders in the markets estimate\nOPEC is producing above its ceiling."
	runes := []rune(text)
	span := func(s string) schema.Span {
		i := strings.Index(text, s)
		return schema.MakeSpan(runes, len([]rune(text[:i])), len([]rune(text[:i+len(s)])))
	}
	doc := &schema.Document{Text: text, Body: []schema.Span{span("The minister said\nin remarks published today there were no plans."),
		span("Traders in the markets estimate\nOPEC is producing above its ceiling.")}}
	want := []string{"The minister said\nin remarks published today there were no plans.",
		"Traders in the markets estimate\nOPEC is producing above its ceiling."}
	if diff := cmp.Diff(want, sentenceTexts(Split(doc, runes))); diff != "" {
		t.Errorf("sentences (-want +got):\n%s", diff)
	}
	alone := "Market Report\nOPEC is producing above its ceiling."
	ar := []rune(alone)
	if got := sentenceTexts(Split(&schema.Document{Text: alone}, ar)); len(got) != 2 {
		t.Errorf("a heading line in unwrapped text: %q, want two sentences", got)
	}
}

// TestSplitAbbreviationRunOn: a capitalised "And", "Or", "On" or "For"
// after an abbreviation runs the sentence on, as news turned from
// capitals to lower case writes it; "The" after it still starts one.
func TestSplitAbbreviationRunOn(t *testing.T) {
	text := "Trade talks between the U.S. And Japan resumed. Imports to the U.S.\nOn a range of farm products were cut. Sales rose in the U.S. The company said so."
	runes := []rune(text)
	want := []string{"Trade talks between the U.S. And Japan resumed.", "Imports to the U.S.\nOn a range of farm products were cut.",
		"Sales rose in the U.S.", "The company said so."}
	if diff := cmp.Diff(want, sentenceTexts(Split(&schema.Document{Text: text}, runes))); diff != "" {
		t.Errorf("sentences (-want +got):\n%s", diff)
	}
}

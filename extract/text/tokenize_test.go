package text

import (
	"math/rand"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// texts returns the token texts of s.
func texts(toks []Token) []string {
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = t.Text
	}
	return out
}

// checkTokens fails t unless toks are exact, ordered, non-empty and cover
// every non-space rune of runes[start:end] exactly once.
func checkTokens(t testing.TB, runes []rune, start, end int, toks []Token) {
	t.Helper()
	pos := start
	for i, tok := range toks {
		if tok.Start < pos || tok.End <= tok.Start || tok.End > end {
			t.Fatalf("token %d %q [%d,%d) out of order or empty (previous end %d, range end %d)", i, tok.Text, tok.Start, tok.End, pos, end)
		}
		if got := string(runes[tok.Start:tok.End]); got != tok.Text {
			t.Fatalf("token %d [%d,%d) has text %q, runes say %q", i, tok.Start, tok.End, tok.Text, got)
		}
		for k := pos; k < tok.Start; k++ {
			if !IsSpace(runes[k]) {
				t.Fatalf("rune %d %q dropped between tokens", k, runes[k])
			}
		}
		for k := tok.Start; k < tok.End; k++ {
			if IsSpace(runes[k]) {
				t.Fatalf("token %d %q contains space at %d", i, tok.Text, k)
			}
		}
		pos = tok.End
	}
	for k := pos; k < end; k++ {
		if !IsSpace(runes[k]) {
			t.Fatalf("rune %d %q dropped after the last token", k, runes[k])
		}
	}
}

func TestTokenize(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Kaspersky Lab's chief", []string{"Kaspersky", "Lab", "'s", "chief"}},
		{"Kaspersky Lab’s chief", []string{"Kaspersky", "Lab", "’s", "chief"}},
		{"Service (FSB) steal", []string{"Service", "(", "FSB", ")", "steal"}},
		{"Agency (NSA).", []string{"Agency", "(", "NSA", ")", "."}},
		{"the U.S. and the U.K. agreed", []string{"the", "U.S.", "and", "the", "U.K.", "agreed"}},
		{"Mr. Smith of Acme Inc. said", []string{"Mr.", "Smith", "of", "Acme", "Inc.", "said"}},
		{"tools, e.g. malware", []string{"tools", ",", "e.g.", "malware"}},
		{"Jean-Claude Juncker's anti-virus", []string{"Jean-Claude", "Juncker", "'s", "anti-virus"}},
		{"Tim O'Reilly wrote", []string{"Tim", "O'Reilly", "wrote"}},
		{"O’Reilly", []string{"O’Reilly"}},
		{"I don't know, can't say, won’t", []string{"I", "do", "n't", "know", ",", "ca", "n't", "say", ",", "wo", "n’t"}},
		{"we'll they're I've I'm he'd", []string{"we", "'ll", "they", "'re", "I", "'ve", "I", "'m", "he", "'d"}},
		{"$1,000.50 in 24-hour cycles on 2017-10-24", []string{"$", "1,000.50", "in", "24-hour", "cycles", "on", "2017-10-24"}},
		{"at 10:30 or 24/7, 3.5% up", []string{"at", "10:30", "or", "24/7", ",", "3.5", "%", "up"}},
		{"see https://example.com/a_b?x=1&y=(2). Next", []string{"see", "https://example.com/a_b?x=1&y=(2)", ".", "Next"}},
		{"(www.kaspersky.com)", []string{"(", "www.kaspersky.com", ")"}},
		{"mail press@kaspersky.com, now", []string{"mail", "press@kaspersky.com", ",", "now"}},
		{"#Kaspersky #Russia @SkyNews", []string{"#Kaspersky", "#Russia", "@SkyNews"}},
		{"but ... growing… yes", []string{"but", "...", "growing", "…", "yes"}},
		{"war -- peace—love – hate", []string{"war", "--", "peace", "—", "love", "–", "hate"}},
		{`"would simply kill our business", reports`, []string{`"`, "would", "simply", "kill", "our", "business", `"`, ",", "reports"}},
		{"“We are sure,” he said.", []string{"“", "We", "are", "sure", ",", "”", "he", "said", "."}},
		{"J. K. Rowling", []string{"J.", "K.", "Rowling"}},
		{"U.S.-based firms", []string{"U.S.-based", "firms"}},
		{"the companies' software", []string{"the", "companies", "'", "software"}},
		{"24\u00a0October\u00a02017\u2003Read:\u200b2462", []string{"24", "October", "2017", "Read", ":", "2462"}},
		{"AT&T and R&D", []string{"AT&T", "and", "R&D"}},
		{"Zürich-based Société Générale's", []string{"Zürich-based", "Société", "Générale", "'s"}},
		{"end.", []string{"end", "."}},
		{"Really?! Yes!", []string{"Really", "?", "!", "Yes", "!"}},
		{"'s", []string{"'s"}},
		{"n't", []string{"n't"}},
		{"the 'quote'", []string{"the", "'", "quote", "'"}},
		{"v2.0 of example.com.", []string{"v2.0", "of", "example.com", "."}},
		{"Ph.D. student", []string{"Ph", ".", "D.", "student"}},
		{"O'Neill's KASPERSKY'S U.S.'s Inc.'s", []string{"O'Neill", "'s", "KASPERSKY", "'S", "U.S.", "'s", "Inc.", "'s"}},
		{"No. 10 at 10:30am, F-35s and U.S.-China Ltd.-run", []string{"No.", "10", "at", "10:30am", ",", "F-35s", "and", "U.S.-China", "Ltd.-run"}},
		{"Касперский 卡巴斯基 e\u0301te\u0301", []string{"Касперский", "卡巴斯基", "e\u0301te\u0301"}},
		{"love ❤️ family 👨\u200d👩\u200d👧 ok👍🏽", []string{"love", "❤️", "family", "👨\u200d👩\u200d👧", "ok", "👍🏽"}},
		{"\u0301lone mark", []string{"\u0301lone", "mark"}},
		{"anti-U.S. slogans on H.I.V./AIDS in the '80s and ’90s", []string{"anti-U.S.", "slogans", "on", "H.I.V./AIDS", "in", "the", "'80s", "and", "’90s"}},
		{"oil- and gas-producing, 10- to 15-year, pro- or", []string{"oil-", "and", "gas-producing", ",", "10-", "to", "15-year", ",", "pro-", "or"}},
		{"Rockford, Ill., maker; Jackson, Miss. and Cong. Meek", []string{"Rockford", ",", "Ill.", ",", "maker", ";", "Jackson", ",", "Miss.", "and", "Cong.", "Meek"}},
		{"'8 '800s '80x", []string{"'", "8", "'", "800s", "'", "80x"}},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			runes := []rune(tt.in)
			toks := Tokenize(runes, 0, len(runes))
			checkTokens(t, runes, 0, len(runes), toks)
			if diff := cmp.Diff(tt.want, texts(toks)); diff != "" {
				t.Errorf("Tokenize(%q) (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}

func TestTokenizeRange(t *testing.T) {
	runes := []rune("Zürich, Mr. Kaspersky's home")
	toks := Tokenize(runes, 8, 23) // "Mr. Kaspersky's"
	want := []Token{{"Mr.", 8, 11}, {"Kaspersky", 12, 21}, {"'s", 21, 23}}
	if diff := cmp.Diff(want, toks); diff != "" {
		t.Errorf("Tokenize(runes, 8, 23) (-want +got):\n%s", diff)
	}
	for _, r := range [][2]int{{-5, 3}, {20, 1000}, {10, 5}, {-1, -1}, {1000, 2000}} {
		toks := Tokenize(runes, r[0], r[1])
		a, b := clamp(r[0], r[1], len(runes))
		checkTokens(t, runes, a, b, toks)
	}
	if toks := Tokenize(nil, 0, 10); toks != nil {
		t.Errorf("Tokenize(nil) = %v, want nil", toks)
	}
}

// pathological returns inputs that break naive tokenizers, by name.
var pathological = sync.OnceValue(func() map[string][]rune {
	rng := rand.New(rand.NewSource(1))
	random := make([]byte, 1<<20)
	rng.Read(random)
	return map[string][]rune{
		"10000 dots":          []rune("A word " + strings.Repeat(".", 10000) + " and more."),
		"dotted word":         []rune(strings.Repeat("a.", 5000) + " U." + strings.Repeat("S.-", 3000)),
		"300KB whitespace":    []rune("Start." + strings.Repeat(" \u00a0\t", 100000) + "End." + strings.Repeat("\n", 1000)),
		"1MB random bytes":    []rune(string(random)),
		"latin1 before 's":    []rune("Caf\xe9's owner and Nestl\xe9\u2019s chief. M\xfcller's"),
		"invalid runes":       {-1, 'a', 0xD800, '\'', 's', 0x110000, ' ', 'x', 0x7FFFFFFF, '.', ' ', 'Y'},
		"apostrophes":         []rune(strings.Repeat("'", 5000) + strings.Repeat("n'", 5000) + strings.Repeat("’s", 3000)),
		"hyphens and quotes":  []rune(strings.Repeat("a-", 5000) + strings.Repeat(`"`, 5000) + strings.Repeat(",\" he", 2000)),
		"url without end":     []rune("http://" + strings.Repeat("a(", 5000) + strings.Repeat(")", 7000) + "."),
		"long word":           []rune(strings.Repeat("x", 100000)),
		"digits and commas":   []rune(strings.Repeat("1,", 10000) + strings.Repeat("1.", 10000)),
		"newlines and quotes": []rune(strings.Repeat("\"A.\n", 5000) + strings.Repeat("Head\n", 5000)),
		"bullets":             []rune(strings.Repeat("- a\n", 5000) + strings.Repeat("\n\n\r\n \u2029", 5000)),
	}
})

func TestTokenizePathological(t *testing.T) {
	for name, runes := range pathological() {
		t.Run(name, func(t *testing.T) {
			toks := Tokenize(runes, 0, len(runes))
			checkTokens(t, runes, 0, len(runes), toks)
		})
	}
	runes := pathological()["latin1 before 's"]
	got := texts(Tokenize(runes, 0, len(runes)))
	want := []string{"Caf\uFFFD", "'s", "owner", "and", "Nestl\uFFFD", "\u2019s", "chief", ".", "M\uFFFDller", "'s"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("latin1 tokens (-want +got):\n%s", diff)
	}
	runes = pathological()["10000 dots"]
	got = texts(Tokenize(runes, 0, len(runes)))
	// A run of 10,000 dots is cut into tokens of MaxTokenRunes.
	want = []string{"A", "word"}
	for n := 10000; n > 0; n -= MaxTokenRunes {
		want = append(want, strings.Repeat(".", min(n, MaxTokenRunes)))
	}
	want = append(want, "and", "more", ".")
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("dots tokens (-want +got):\n%s", diff)
	}
}

// TestTokenCap checks that no token is longer than MaxTokenRunes, whatever
// the run: a word, a letter under 100,000 combining marks, a URL, and that
// the pieces still cover every rune.
func TestTokenCap(t *testing.T) {
	zalgo := []rune("Zalgo")
	for range 100000 {
		zalgo = append(zalgo, 0x301)
	}
	zalgo = append(zalgo, []rune(" Holdings")...)
	for name, runes := range map[string][]rune{
		"combining": zalgo,
		"long word": pathological()["long word"],
		"url":       []rune("see https://example.com/" + strings.Repeat("a", 1000) + " now"),
	} {
		toks := Tokenize(runes, 0, len(runes))
		checkTokens(t, runes, 0, len(runes), toks)
		long := 0
		for _, tk := range toks {
			if n := tk.End - tk.Start; n > MaxTokenRunes {
				t.Errorf("%s: token of %d runes", name, n)
			} else if n == MaxTokenRunes {
				long++
			}
		}
		if long == 0 {
			t.Errorf("%s: no token was cut at MaxTokenRunes", name)
		}
	}
	// Ordinary tokens are not touched.
	runes := []rune("Mr. Kaspersky's U.S.-based firm, https://www.kaspersky.com/about, said.")
	got := texts(Tokenize(runes, 0, len(runes)))
	want := []string{"Mr.", "Kaspersky", "'s", "U.S.-based", "firm", ",", "https://www.kaspersky.com/about", ",", "said", "."}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("tokens (-want +got):\n%s", diff)
	}
}

func FuzzTokenize(f *testing.F) {
	f.Add("Kaspersky Lab's chief (FSB) U.S. don't O'Reilly 1,000.50 http://x.com/a). #tag ...", 0, 1000)
	f.Add("Caf\xe9's \u00a0 “quoted,” he said. -- — e.g. J. ", 3, 20)
	f.Add("\xff\xfe'\xe9n't'", -2, 5)
	f.Fuzz(func(t *testing.T, s string, start, end int) {
		runes := []rune(s)
		toks := Tokenize(runes, start, end)
		a, b := clamp(start, end, len(runes))
		checkTokens(t, runes, a, b, toks)
	})
}

// article returns the example article from testdata.
func article(tb testing.TB) string {
	tb.Helper()
	b, err := os.ReadFile("testdata/kaspersky.txt")
	if err != nil {
		tb.Fatalf("read example article: %v", err)
	}
	return string(b)
}

func BenchmarkTokenize(b *testing.B) {
	runes := []rune(strings.Repeat(article(b)+"\n\n", 20))
	n := len(Tokenize(runes, 0, len(runes)))
	b.SetBytes(int64(len(string(runes))))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		Tokenize(runes, 0, len(runes))
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

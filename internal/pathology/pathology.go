// Package pathology generates the hostile and odd inputs that scrapers and
// careless exports really produce: one "sentence" of 150,000 tokens, a
// sentence in capitals, tens of thousands of short claim sentences,
// right-to-left text with direction marks, a word carrying 100,000
// combining marks, Latin-1, Windows-1252 and UTF-16 articles, a JSON Lines
// file with a line of control bytes, and the inputs that already held
// (random bytes, empty files, deep HTML, unclosed script tags, broken and
// truncated gzip, a gzip bomb, malformed JSON lines).
//
// Every generator is deterministic (seeded) and takes a size in bytes, so
// that the same kind can be made at the size an issue reports and scaled
// up to 10 MB. bench/pathology writes them to a folder and measures
// dossier ingest on each; the tests of extract and extract/source use
// small ones.
package pathology

import (
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"fmt"
	"math/rand/v2"
	"strings"
	"unicode/utf16"

	"golang.org/x/text/encoding/charmap"
)

// Kind is one kind of pathological input.
type Kind struct {
	// Name identifies the kind; File is the name of the file it is
	// written to (its extension chooses the reader).
	Name, File string
	// What describes it in a sentence.
	What string
	// Size is the size in bytes the issue reported it at (the default).
	Size int
	// Scales reports whether the kind grows with the size asked for; the
	// others have a fixed shape (an empty file, a truncated gzip).
	Scales bool
	// Gen makes the input at about size bytes.
	Gen func(size int) []byte
	// Fails reports whether dossier is expected to reject the input as a
	// whole, with an error naming it (empty, binary, broken gzip), rather
	// than store a document from it.
	Fails bool
}

// Kinds lists every kind, the new ones of issue 19 first, then those that
// already held.
func Kinds() []Kind {
	return []Kind{
		{Name: "long-sentence", File: "long-sentence.txt", Size: 650 << 10, Scales: true, Gen: LongSentence,
			What: `one "sentence" of about 150,000 tokens: "Mr1 Corp said Mr2 Corp said ..."`},
		{Name: "caps-sentence", File: "caps-sentence.txt", Size: 90 << 10, Scales: true, Gen: CapsSentence,
			What: "one sentence of about 15,000 tokens, all in capitals"},
		{Name: "claim-sentences", File: "claim-sentences.txt", Size: 2600 << 10, Scales: true, Gen: ClaimSentences,
			What: "about 50,000 short claim sentences in one document"},
		{Name: "rtl-marks", File: "rtl-marks.txt", Size: 200 << 10, Scales: true, Gen: RTL,
			What: "2,000 lines of right-to-left text with direction marks"},
		{Name: "rtl-claims", File: "rtl-claims.txt", Size: 370 << 10, Scales: true, Gen: RTLClaims,
			What: "2,000 lines of Arabic and Hebrew with direction marks and Latin names that say and deny, no full stop"},
		{Name: "combining", File: "combining.txt", Size: 200 << 10, Scales: true, Gen: Combining,
			What: "one word carrying 100,000 combining marks, in an ordinary sentence"},
		{Name: "long-name", File: "long-name.txt", Size: 100 << 10, Scales: true, Gen: LongName,
			What: "an organisation whose name is tens of thousands of capitalised words"},
		{Name: "latin1", File: "latin1.txt", Size: 2 << 10, Gen: Latin1,
			What: `a Latin-1 article ("Société Générale's chief executive, Frédéric Oudéa, said ...")`},
		{Name: "cp1252", File: "cp1252.txt", Size: 2 << 10, Gen: Windows1252,
			What: "a Windows-1252 article with curly quotes and a dash"},
		{Name: "utf16-bom", File: "utf16-bom.txt", Size: 4 << 10, Gen: UTF16,
			What: "a UTF-16 (little-endian) article with a byte order mark"},
		{Name: "jsonl-control", File: "jsonl-control.jsonl", Size: 4 << 10, Gen: JSONLControl,
			What: "JSON Lines: good records and one line of control bytes"},
		{Name: "html-charset", File: "html-charset.html", Size: 2 << 10, Gen: HTMLCharset,
			What: "an HTML page in Windows-1252 that declares its charset"},
		// The kinds that already held.
		{Name: "random-bytes", File: "random-bytes.txt", Size: 1 << 20, Scales: true, Gen: RandomBytes, Fails: true,
			What: "random bytes"},
		{Name: "empty", File: "empty.txt", Gen: func(int) []byte { return nil }, Fails: true,
			What: "an empty file"},
		{Name: "whitespace", File: "whitespace.txt", Size: 64 << 10, Scales: true, Gen: Whitespace, Fails: true,
			What: "white space only"},
		{Name: "nested-html", File: "nested-html.html", Size: 1 << 20, Scales: true, Gen: NestedHTML,
			What: "100,000 nested HTML elements around a paragraph"},
		{Name: "unclosed-script", File: "unclosed-script.html", Size: 256 << 10, Scales: true, Gen: UnclosedScript,
			What: "a page with a paragraph and an unclosed script tag"},
		{Name: "unbalanced-quotes", File: "unbalanced-quotes.txt", Size: 256 << 10, Scales: true, Gen: UnbalancedQuotes,
			What: "an article full of quotation marks that never close"},
		{Name: "broken-gzip", File: "broken-gzip.txt.gz", Size: 64 << 10, Gen: BrokenGzip, Fails: true,
			What: "a gzip stream with corrupted bytes in the middle"},
		{Name: "truncated-gzip", File: "truncated-gzip.txt.gz", Size: 64 << 10, Gen: TruncatedGzip, Fails: true,
			What: "a gzip stream cut off half way"},
		{Name: "gzip-bomb", File: "gzip-bomb.txt.gz", Size: 1 << 30, Gen: GzipBomb, Fails: true,
			What: "a gzip file that expands to 1 GB of one letter"},
		{Name: "malformed-jsonl", File: "malformed-jsonl.jsonl", Size: 8 << 10, Gen: MalformedJSONL,
			What: "JSON Lines: malformed lines beside good ones"},
	}
}

// Find returns the kind called name.
func Find(name string) (Kind, bool) {
	for _, k := range Kinds() {
		if k.Name == name {
			return k, true
		}
	}
	return Kind{}, false
}

// repeatTo repeats what piece(i) returns, for i = 0, 1, ..., until the
// result holds size bytes.
func repeatTo(size int, piece func(i int) string) []byte {
	var b bytes.Buffer
	b.Grow(size + 64)
	for i := 0; b.Len() < size; i++ {
		b.WriteString(piece(i))
	}
	return b.Bytes()
}

// LongSentence is one "sentence" with no full stop: "Mr1 Corp said Mr2
// Corp said ...", about 4.4 bytes a token, which is 150,000 tokens at
// 650 KB.
func LongSentence(size int) []byte {
	b := repeatTo(size, func(i int) string { return fmt.Sprintf("Mr%d Corp said ", i%100000) })
	return append(b, '\n')
}

// capsWords are the words of the capitals sentence: names, cues and
// function words, so that every stage has something to chew on.
var capsWords = strings.Fields(`THE KASPERSKY LAB SAID FSB AGENTS DENIED THAT NSA TOOLS WERE STOLEN BY RUSSIAN
	INTELLIGENCE OFFICERS ACCORDING TO REUTERS AND EUGENE KASPERSKY TOLD SKY NEWS ON TUESDAY THE
	GERMAN BSI HAS NO EVIDENCE OF MISCONDUCT WHILE US MEDIA REPORTS ALLEGED IN OCTOBER 2017`)

// CapsSentence is one sentence in capitals without a full stop: about six
// bytes a token, 15,000 tokens at 90 KB.
func CapsSentence(size int) []byte {
	r := rand.New(rand.NewPCG(1, 2))
	b := repeatTo(size, func(int) string { return capsWords[r.IntN(len(capsWords))] + " " })
	return append(b, '\n')
}

// Names and cues of the claim sentences.
var (
	claimants = []string{"Acme Corp", "John Smith", "the ministry", "Reuters", "Mr Jones", "Globex Inc",
		"Maria Lopez", "the FSB", "Kaspersky Lab", "the agency", "Initech", "Anna Berg"}
	claimCues  = []string{"said", "denied", "alleged", "claimed", "told Reuters", "acknowledged", "reported", "criticised"}
	claimStuff = []string{"the deal was illegal", "it had no evidence", "the report was false",
		"profits rose", "the vote was rigged", "Initech lied", "Acme Corp paid bribes", "nothing was stolen"}
)

// ClaimSentences is one document of short claim sentences ("Acme Corp said
// the deal was illegal."), about 52 bytes each: 50,000 at 2.6 MB.
func ClaimSentences(size int) []byte {
	r := rand.New(rand.NewPCG(3, 4))
	return repeatTo(size, func(i int) string {
		s := fmt.Sprintf("%s %s %s.", claimants[r.IntN(len(claimants))], claimCues[r.IntN(len(claimCues))],
			claimStuff[r.IntN(len(claimStuff))])
		if i%20 == 19 {
			return s + "\n\n"
		}
		return s + " "
	})
}

// rtlWords are Arabic and Hebrew words.
var rtlWords = strings.Fields(`قال المتحدث باسم الوزارة إن الشركة نفت الاتهامات الموجهة إليها في تقرير رويترز
	אמר דובר המשרד כי החברה הכחישה את ההאשמות בדו"ח`)

// RTL is lines of right-to-left words wrapped in direction marks (RLM,
// RLE/PDF, RLI/PDI, ALM) with Latin names between them: about 100 bytes a
// line, 2,000 lines at 200 KB.
func RTL(size int) []byte {
	r := rand.New(rand.NewPCG(5, 6))
	marks := []string{"\u200f", "\u202b", "\u202c", "\u2067", "\u2069", "\u061c", "\u200e"}
	return repeatTo(size, func(i int) string {
		var b strings.Builder
		for w := 0; w < 6; w++ {
			b.WriteString(marks[r.IntN(len(marks))])
			b.WriteString(rtlWords[r.IntN(len(rtlWords))])
			if w == 2 {
				b.WriteString(" \u202aKaspersky Lab\u202c")
			}
			b.WriteByte(' ')
		}
		b.WriteString("\u200f\n")
		return b.String()
	})
}

// rtlNames are the Latin names RTLClaims puts between right-to-left words.
var rtlNames = []string{"Kaspersky Lab", "Eugene Kaspersky", "FSB", "NSA", "Reuters", "BSI", "Sky News", "Wall Street Journal"}

// RTLClaims is lines of Arabic and Hebrew words, each with a direction
// mark before it, ending with a right-to-left mark and Latin names that say
// and deny ("Reuters said BSI denied"): no line ends a sentence, so 2,000
// lines (370 KB) are one sentence of 30,000 tokens with 2,000 claims. It
// reproduces the right-to-left row: the session's starting build
// took 76 s and 2.2 GB on it.
func RTLClaims(size int) []byte {
	r := rand.New(rand.NewPCG(7, 8))
	marks := []string{"\u200f", "\u202b", "\u202c", "\u2067", "\u2069", "\u061c", "\u200e", "\u202e", "\u2066", "\u2068"}
	return repeatTo(size, func(int) string {
		var b strings.Builder
		for w := 0; w < 12; w++ {
			if w > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(marks[r.IntN(len(marks))])
			b.WriteString(rtlWords[r.IntN(len(rtlWords))])
		}
		fmt.Fprintf(&b, " %s said %s denied\u200f\n", rtlNames[r.IntN(len(rtlNames))], rtlNames[r.IntN(len(rtlNames))])
		return b.String()
	})
}

// Combining is an ordinary sentence in which one word carries as many
// combining marks as fit in size (two bytes each: 100,000 at 200 KB).
func Combining(size int) []byte {
	head := "Acme Corp said the deal with Zalgo"
	tail := " Holdings was illegal, Mr Smith told Reuters.\n"
	n := max(0, (size-len(head)-len(tail))/2)
	var b bytes.Buffer
	b.Grow(len(head) + 2*n + len(tail))
	b.WriteString(head)
	marks := []rune{0x301, 0x300, 0x308, 0x327, 0x35c, 0x36f}
	for i := 0; i < n; i++ {
		b.WriteRune(marks[i%len(marks)])
	}
	b.WriteString(tail)
	return b.Bytes()
}

// LongName is a sentence in which an organisation's name is one run of
// capitalised words filling size ("Acme Alpha Beta ... Holdings said ...").
func LongName(size int) []byte {
	words := []string{"Alpha", "Beta", "Gamma", "Delta", "Omega", "Royal", "United", "National", "General"}
	b := []byte("The chairman of ")
	b = append(b, repeatTo(size, func(i int) string { return words[i%len(words)] + " " })...)
	b = append(b, "Holdings said the company denied the report.\n"...)
	return b
}

// latin1Text is an article that Latin-1 can encode.
const latin1Text = `Société Générale's chief executive, Frédéric Oudéa, said on Tuesday that the bank had ` +
	`no evidence of wrongdoing by its traders in Zürich. The Autorité des marchés financiers ` +
	`alleged that the bank's São Paulo office broke the rules, according to Le Monde.

Mr Oudéa denied the allegation. "We have always respected the rules," he told Reuters. ` +
	`The regulator's spokesman, José Müller, declined to comment.
`

// Latin1 is latin1Text encoded in ISO 8859-1.
func Latin1(int) []byte {
	b, err := charmap.ISO8859_1.NewEncoder().Bytes([]byte(latin1Text))
	if err != nil {
		panic(err)
	}
	return b
}

// cp1252Text is an article with Windows-1252's curly quotes and dashes.
const cp1252Text = `“We did nothing wrong,” said Eugene Kaspersky – the company’s chief executive – ` +
	`in an interview with Sky News on Tuesday. He denied that Kaspersky Lab helped the FSB steal ` +
	`tools from the NSA… The German agency BSI said it had “no evidence” of misconduct.

Media reports alleged that Russian intelligence used the company’s anti-virus software — ` +
	`a claim the firm called “ludicrous”.
`

// Windows1252 is cp1252Text encoded in Windows-1252.
func Windows1252(int) []byte {
	b, err := charmap.Windows1252.NewEncoder().Bytes([]byte(cp1252Text))
	if err != nil {
		panic(err)
	}
	return b
}

// UTF16 is cp1252Text and latin1Text in UTF-16, little-endian, with a byte
// order mark.
func UTF16(int) []byte {
	u := utf16.Encode([]rune("\ufeff" + cp1252Text + "\n" + latin1Text))
	b := make([]byte, 2*len(u))
	for i, c := range u {
		binary.LittleEndian.PutUint16(b[2*i:], c)
	}
	return b
}

// HTMLCharset is an HTML page in Windows-1252 that declares it in a meta
// tag.
func HTMLCharset(int) []byte {
	page := `<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252">` +
		`<title>Kaspersky denies – again</title></head><body><article><p>` + strings.ReplaceAll(cp1252Text, "\n\n", "</p><p>") +
		`</p></article></body></html>`
	b, err := charmap.Windows1252.NewEncoder().Bytes([]byte(page))
	if err != nil {
		panic(err)
	}
	return b
}

// jsonRecord is one good JSON Lines record.
func jsonRecord(i int) string {
	return fmt.Sprintf(`{"id":"good-%d","title":"Record %d","date":"2017-10-24","text":"Acme Corp said on Tuesday that record %d was true. Mr Smith denied it, Reuters reported."}`, i, i, i)
}

// JSONLControl is JSON Lines with good records and, third, one line of
// control bytes (NUL included).
func JSONLControl(int) []byte {
	var b bytes.Buffer
	for i := 1; i <= 5; i++ {
		if i == 3 {
			for c := 0; c < 200; c++ {
				if c%32 != '\n' {
					b.WriteByte(byte(c % 32))
				}
			}
			b.WriteByte('\n')
		}
		b.WriteString(jsonRecord(i) + "\n")
	}
	return b.Bytes()
}

// MalformedJSONL is JSON Lines with good records between malformed ones.
func MalformedJSONL(int) []byte {
	bad := []string{`{"text": "unterminated`, `not json at all`, `[1, 2, 3]`, `{"title": "no text"}`,
		`{"text": 42}`, `{"text": "ok"` + "\xff\xfe" + `"}`, `{}`, `{"text": ""}`}
	var b bytes.Buffer
	for i, l := range bad {
		b.WriteString(jsonRecord(i+1) + "\n")
		b.WriteString(l + "\n")
	}
	return b.Bytes()
}

// RandomBytes is size random bytes.
func RandomBytes(size int) []byte {
	r := rand.New(rand.NewPCG(7, 8))
	b := make([]byte, size)
	for i := range b {
		b[i] = byte(r.Uint32())
	}
	return b
}

// Whitespace is size bytes of spaces, tabs, line breaks and no-break
// spaces.
func Whitespace(size int) []byte {
	return repeatTo(size, func(int) string { return " \t\n\u00a0\r\n  " })
}

// NestedHTML is a paragraph inside as many nested <div> elements as fit
// in size (11 bytes each: about 100,000 at 1 MB).
func NestedHTML(size int) []byte {
	n := max(1, (size-200)/11)
	var b bytes.Buffer
	b.WriteString("<!DOCTYPE html><html><body>")
	for i := 0; i < n/2; i++ {
		b.WriteString("<div>")
	}
	b.WriteString("<p>Acme Corp said the report was false, Reuters reported.</p>")
	for i := 0; i < n/2; i++ {
		b.WriteString("</div>")
	}
	b.WriteString("</body></html>")
	return b.Bytes()
}

// UnclosedScript is a page with one paragraph and then a script tag that
// never closes, filled with text.
func UnclosedScript(size int) []byte {
	var b bytes.Buffer
	b.WriteString("<!DOCTYPE html><html><body><p>Acme Corp said the report was false, Reuters reported.</p><script>")
	b.Write(repeatTo(size, func(i int) string { return fmt.Sprintf("var x%d = '<p>not text</p>';\n", i) }))
	return b.Bytes()
}

// UnbalancedQuotes is sentences in which quotation marks open and never
// close.
func UnbalancedQuotes(size int) []byte {
	r := rand.New(rand.NewPCG(9, 10))
	opens := []string{`"`, "“", "«", "„", "'", "‘"}
	return repeatTo(size, func(int) string {
		return fmt.Sprintf(`%s%s %s %s, `, opens[r.IntN(len(opens))], claimants[r.IntN(len(claimants))],
			claimCues[r.IntN(len(claimCues))], claimStuff[r.IntN(len(claimStuff))])
	})
}

// gzipped compresses b.
func gzipped(b []byte) []byte {
	var z bytes.Buffer
	w, _ := gzip.NewWriterLevel(&z, gzip.BestCompression)
	w.Write(b)
	w.Close()
	return z.Bytes()
}

// BrokenGzip is a gzip stream of an article with bytes in its middle
// overwritten.
func BrokenGzip(size int) []byte {
	z := gzipped(ClaimSentences(size))
	for i := len(z) / 2; i < len(z)/2+64 && i < len(z); i++ {
		z[i] ^= 0x5a
	}
	return z
}

// TruncatedGzip is a gzip stream of an article cut off half way.
func TruncatedGzip(size int) []byte {
	z := gzipped(ClaimSentences(size))
	return z[:len(z)/2]
}

// GzipBomb is a small gzip file that expands to size bytes of one letter.
func GzipBomb(size int) []byte {
	var z bytes.Buffer
	w, _ := gzip.NewWriterLevel(&z, gzip.BestCompression)
	chunk := bytes.Repeat([]byte("a"), 1<<20)
	for n := 0; n < size; n += len(chunk) {
		w.Write(chunk)
	}
	w.Close()
	return z.Bytes()
}

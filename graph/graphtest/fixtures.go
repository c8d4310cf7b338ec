// Package graphtest is the conformance suite every graph store backend
// must pass, and the hand-built extraction results it writes: TestAll runs
// the same questions (counts, entities, claims, relations, documents,
// allegations, quads, Gizmo) against a backend and checks each answer
// against what the fixtures say, so memory, bolt and PostgreSQL are held
// to one behaviour.
package graphtest

import (
	"crypto/sha256"
	"encoding/hex"
	"sort"
	"strings"
	"testing"

	"github.com/dossier-project/dossier/schema"
)

// Result builds a small extraction result by hand: text, one sentence per
// line, and for each entity name (mapped to its type and kind) one mention
// at the name's first occurrence, entities in name order. The document's hash is the SHA-256 of
// text, its ID the hash's first 16 digits, its date 2017-10-24. It fails
// the test when a name is not in the text or the result is inconsistent.
func Result(t testing.TB, text string, ents map[string][2]string, claims []schema.Claim) *schema.Result {
	t.Helper()
	sum := sha256.Sum256([]byte(text))
	h := hex.EncodeToString(sum[:])
	r := &schema.Result{Document: schema.Document{ID: h[:16], Hash: h, Text: text, Title: "T " + h[:4], Date: "2017-10-24"}}
	runes := []rune(text)
	off := 0
	for _, line := range strings.Split(text, "\n") {
		n := len([]rune(line))
		r.Sentences = append(r.Sentences, schema.MakeSpan(runes, off, off+n))
		off += n + 1
	}
	names := make([]string, 0, len(ents))
	for name := range ents {
		names = append(names, name)
	}
	sort.Strings(names) // entity order numbers the mentions: keep it fixed
	for _, name := range names {
		tk := ents[name]
		e := schema.Entity{ID: schema.Key(tk[0], name), Name: name, Type: tk[0], Kind: tk[1], Aliases: []string{}}
		s := SpanOf(t, text, name)
		e.Mentions = append(e.Mentions, schema.Mention{Span: s, Sentence: SentenceOf(r, s.Start)})
		r.Entities = append(r.Entities, e)
	}
	r.Claims = claims
	if err := r.Check(); err != nil {
		t.Fatal(err)
	}
	return r
}

// SpanOf returns the span of the first occurrence of sub in text, in code
// points, or fails the test.
func SpanOf(t testing.TB, text, sub string) schema.Span {
	t.Helper()
	i := strings.Index(text, sub)
	if i < 0 || sub == "" {
		t.Fatalf("%q not in text", sub)
	}
	start := len([]rune(text[:i]))
	return schema.MakeSpan([]rune(text), start, start+len([]rune(sub)))
}

// SentenceOf returns the index of the sentence of r that holds the code
// point at offset p (0 when none does).
func SentenceOf(r *schema.Result, p int) int {
	for i, s := range r.Sentences {
		if p >= s.Start && p < s.End {
			return i
		}
	}
	return 0
}

// Entity IDs of the fixtures.
var (
	KasperskyLab = schema.Key(schema.Organization, "Kaspersky Lab")
	FSB          = schema.Key(schema.Organization, "Federal Security Service")
	Moscow       = schema.Key(schema.Place, "Moscow")
	Eugene       = schema.Key(schema.Person, "Eugene Kaspersky")
	BSI          = schema.Key(schema.Organization, "BSI")
	Reuters      = schema.Key(schema.Organization, "Reuters")
	NSA          = schema.Key(schema.Organization, "NSA")
	Herald       = schema.Key(schema.Organization, "Herald")
)

// Docs returns three related documents, oldest first:
//
//  0. 2017-10-24: media reports allege Kaspersky Lab helped the Federal
//     Security Service ("FSB", an alias with its merge record); Eugene
//     Kaspersky denies it (a response to the allegation); Kaspersky Lab
//     is based in Moscow (a relation).
//  1. 2017-11-02: the Federal Security Service said nothing; the BSI told
//     Reuters (a channel) it had no evidence (a hedge) against Kaspersky
//     Lab, a claim dated 2017-10.
//  2. 2018-01-05: Reuters reported that the NSA alleged the Herald (its
//     target) was compromised; the Herald acknowledged a breach and
//     denied wrongdoing (so the allegation is contested).
//
// Across them: 3 documents, 8 entities, 6 claims, 1 relation. No claim of
// one document answers an allegation of another.
func Docs(t testing.TB) []*schema.Result {
	t.Helper()
	org := func(kind string) [2]string { return [2]string{schema.Organization, kind} }

	t0 := "US media reports allege Kaspersky Lab helped the Federal Security Service (FSB).\n" +
		"Eugene Kaspersky denies helping the FSB.\n" +
		"Kaspersky Lab is based in Moscow."
	d0 := Result(t, t0, map[string][2]string{
		"Kaspersky Lab": org("company"), "Federal Security Service": org("government agency"),
		"Eugene Kaspersky": {schema.Person, ""}, "Moscow": {schema.Place, "city"},
	}, []schema.Claim{
		{ID: "c1", ClaimantText: "US media reports", Stance: schema.Allege, Cue: SpanOf(t, t0, "allege"),
			Source:     SpanOf(t, t0, "US media reports"),
			Content:    SpanOf(t, t0, "Kaspersky Lab helped the Federal Security Service (FSB)"),
			About:      []string{KasperskyLab, FSB},
			RespondsTo: []string{}, Sentence: 0, Evidence: sentence(t, t0, 0)},
		{ID: "c2", Claimant: schema.Ref(Eugene), ClaimantText: "Eugene Kaspersky", Stance: schema.Deny,
			Cue: SpanOf(t, t0, "denies"), Source: SpanOf(t, t0, "Eugene Kaspersky"),
			Content: SpanOf(t, t0, "helping the FSB"), About: []string{FSB},
			RespondsTo: []string{"c1"}, Sentence: 1, Evidence: sentence(t, t0, 1),
			Links: []schema.Link{{To: "c1", Score: 0.875, Reason: "about Federal Security Service; words fsb, helping"}}},
	})
	d0.Document.Title = "Kaspersky denies FSB links"
	d0.Document.Source = "Example News"
	d0.Document.URL = "https://example.com/kaspersky"
	for i := range d0.Entities {
		if d0.Entities[i].ID == FSB {
			d0.Entities[i].Aliases = []string{"FSB"}
			d0.Entities[i].Merges = []schema.Merge{{Alias: "FSB", Rule: "acronym-definition",
				Evidence: SpanOf(t, t0, "Federal Security Service (FSB)")}}
			d0.Entities[i].Mentions = append(d0.Entities[i].Mentions,
				schema.Mention{Span: SpanOf(t, t0, "FSB"), Sentence: 0})
		}
	}
	d0.Relations = []schema.Relation{{Subject: KasperskyLab, Predicate: schema.BasedIn, Object: Moscow,
		Sentence: 2, Evidence: sentence(t, t0, 2)}}

	t1 := "The Federal Security Service said nothing.\n" +
		"The BSI told Reuters it had no evidence against Kaspersky Lab."
	d1 := Result(t, t1, map[string][2]string{
		"Federal Security Service": org("government agency"), "BSI": org("government agency"),
		"Reuters": org("media"), "Kaspersky Lab": org("company"),
	}, []schema.Claim{
		{ID: "c1", Claimant: schema.Ref(BSI), ClaimantText: "The BSI", Stance: schema.Say,
			Cue: SpanOf(t, t1, "told"), Source: SpanOf(t, t1, "The BSI"),
			Content: SpanOf(t, t1, "it had no evidence against Kaspersky Lab"), About: []string{KasperskyLab},
			Channel: schema.Ref(Reuters), ChannelText: "Reuters", RespondsTo: []string{},
			Hedges: []schema.Span{SpanOf(t, t1, "no evidence")}, Date: "2017-10",
			Sentence: 1, Evidence: sentence(t, t1, 1)},
	})
	d1.Document.Date = "2017-11-02"

	t2 := "Reuters reported that the NSA alleged the Herald was compromised.\n" +
		"The Herald acknowledged a breach but denied wrongdoing."
	d2 := Result(t, t2, map[string][2]string{
		"Reuters": org("media"), "NSA": org("intelligence agency"), "Herald": org("media"),
	}, []schema.Claim{
		{ID: "c1", Claimant: schema.Ref(NSA), ClaimantText: "the NSA", Stance: schema.Allege,
			Cue: SpanOf(t, t2, "alleged"), Source: SpanOf(t, t2, "the NSA"),
			Content: SpanOf(t, t2, "the Herald was compromised"), About: []string{},
			Target: schema.Ref(Herald), RespondsTo: []string{}, Sentence: 0, Evidence: sentence(t, t2, 0)},
		{ID: "c2", Claimant: schema.Ref(Herald), ClaimantText: "The Herald", Stance: schema.Acknowledge,
			Cue: SpanOf(t, t2, "acknowledged"), Content: SpanOf(t, t2, "a breach"), About: []string{},
			RespondsTo: []string{"c1"}, Sentence: 1, Evidence: sentence(t, t2, 1)},
		{ID: "c3", Claimant: schema.Ref(Herald), ClaimantText: "The Herald", Stance: schema.Deny,
			Cue: SpanOf(t, t2, "denied"), Content: SpanOf(t, t2, "wrongdoing"), About: []string{},
			RespondsTo: []string{"c1"}, Sentence: 1, Evidence: sentence(t, t2, 1),
			Links: []schema.Link{{To: "c1", Score: 0.5, Reason: "The Herald, the accused, answers"}}},
	})
	d2.Document.Date = "2018-01-05"
	for _, r := range []*schema.Result{d0, d1, d2} {
		if err := r.Check(); err != nil {
			t.Fatal(err)
		}
	}
	return []*schema.Result{d0, d1, d2}
}

// sentence returns the span of line i of text.
func sentence(t testing.TB, text string, i int) schema.Span {
	t.Helper()
	lines := strings.Split(text, "\n")
	if i >= len(lines) {
		t.Fatalf("no line %d", i)
	}
	return SpanOf(t, text, lines[i])
}

// Corpus returns n distinct documents with overlapping entities, for
// benchmarks and concurrency tests: document i mentions Organisation
// (i mod 50) and Person (i mod 200), and one claim links them.
func Corpus(t testing.TB, n int) []*schema.Result {
	t.Helper()
	out := make([]*schema.Result, 0, n)
	for i := 0; i < n; i++ {
		org := "Orgname" + alpha(i%50) + " Holdings"
		per := "Person " + alpha(i%200)
		text := "Report number " + alpha(i) + " was filed today.\n" +
			per + " denied that " + org + " paid bribes.\n" + org + " declined to comment."
		r := Result(t, text, map[string][2]string{
			org: {schema.Organization, "company"}, per: {schema.Person, ""},
		}, []schema.Claim{{ID: "c1", Claimant: schema.Ref(schema.Key(schema.Person, per)), ClaimantText: per,
			Stance: schema.Deny, Cue: SpanOf(t, text, "denied"), Content: SpanOf(t, text, org+" paid bribes"),
			About: []string{schema.Key(schema.Organization, org)}, RespondsTo: []string{}, Sentence: 1,
			Evidence: sentence(t, text, 1)}})
		out = append(out, r)
	}
	return out
}

// alpha spells i in letters ("a", "b", ... "ba"), so names stay names.
func alpha(i int) string {
	s := ""
	for {
		s = string(rune('a'+i%26)) + s
		i /= 26
		if i == 0 {
			return s
		}
	}
}

package graph

import (
	"math/rand/v2"
	"testing"
)

func TestBestName(t *testing.T) {
	for _, c := range []struct {
		names []string
		want  string
	}{
		// Variants the Reuters-21578 stories give for one entity ID each.
		{[]string{"REUTERS", "Reuters"}, "Reuters"},
		{[]string{"NEW YORK", "New york", "new york", "New yOrk", "New York"}, "New York"},
		{[]string{"The European Community", "European Community"}, "European Community"},
		{[]string{"Securities and Exchange COmmission", "Securities and Exchange commission", "Securities and Exchange Commission"},
			"Securities and Exchange Commission"},
		{[]string{"West-Germany", "WEST GERMANY", "West Germany"}, "West Germany"},
		{[]string{"bank of England", "BANK OF ENGLAND", "The Bank of England", "Bank of England"}, "Bank of England"},
		{[]string{"TEXACO INC", "Texaco INC", "Texaco Inc", "Texaco Inc."}, "Texaco Inc."},
		{[]string{"International Monetary) Fund", "International Monetary Fund"}, "International Monetary Fund"},
		{[]string{"Calif", "Calif."}, "Calif."},
		{[]string{"CITICORP", "CitiCorp", "Citicorp"}, "Citicorp"},
		{[]string{"Kaspersky Lab"}, "Kaspersky Lab"},
		// A listed acronym as the lists write it, over the title case some
		// stories give it; an unlisted word in capitals (a headline's) still
		// gives way, and so does a listed one written otherwise.
		{[]string{"Opec", "OPEC", "opec"}, "OPEC"},
		{[]string{"Nato", "NATO"}, "NATO"},
		{[]string{"TEXACO", "Texaco"}, "Texaco"},
		{[]string{"Nasdaq", "NASDAQ"}, "Nasdaq"},
		{[]string{"OPEC)", "Opec"}, "Opec"},
		{nil, ""},
	} {
		if got := BestName(c.names); got != c.want {
			t.Errorf("BestName(%q) = %q, want %q", c.names, got, c.want)
		}
		// Any order of the same names gives the same one.
		for range 5 {
			p := append([]string(nil), c.names...)
			rand.Shuffle(len(p), func(i, j int) { p[i], p[j] = p[j], p[i] })
			if got := BestName(p); got != c.want {
				t.Errorf("BestName(%q) = %q, want %q", p, got, c.want)
			}
		}
	}
}

// TestBetterNameOrder checks that BetterName is a strict total order on
// names that share a slug: irreflexive, exactly one of two different names
// is better, and transitive.
func TestBetterNameOrder(t *testing.T) {
	names := []string{"OPEC", "Opec", "opec", "O.P.E.C.", "GenCorp", "Gencorp", "GENCORP", "gencorp", "Gen-Corp", "U.S.", "US", "u.s.", "U.S", "New York", "new York", "NEW YORK"}
	for _, a := range names {
		if BetterName(a, a) {
			t.Errorf("BetterName(%q, %q)", a, a)
		}
		for _, b := range names {
			if a != b && BetterName(a, b) == BetterName(b, a) {
				t.Errorf("BetterName(%q, %q) = BetterName(%q, %q)", a, b, b, a)
			}
			for _, c := range names {
				if BetterName(a, b) && BetterName(b, c) && !BetterName(a, c) {
					t.Errorf("not transitive: %q > %q > %q", a, b, c)
				}
			}
		}
	}
}

// TestBetterKind checks the kinds that two ingests of Reuters-21578 in
// opposite orders showed differently before, and that BetterKind is a
// strict total order.
func TestBetterKind(t *testing.T) {
	for _, c := range []struct{ a, ra, b, rb string }{
		{"company", "context: “GenCorp shareholders”", "media", "context: “STATION Gencorp”"},
		{"company", "context: “group Siemens”", "media", "context: “Siemens reported”"},
		{"company", "context: “firm Cable and Wireless”", "sports team", "context: “Cable and Wireless manager”"},
		{"government agency", "central bank of a country", "company", "context: “Bank of Japan shares”"},
		{"media", "list: media", "company", "context: “Reuters shareholders”"},
		{"company", "head word “Inc”", "other", "no evidence"},
		{"other", "no evidence", "", ""},
	} {
		if !BetterKind(c.a, c.ra, c.b, c.rb) || BetterKind(c.b, c.rb, c.a, c.ra) {
			t.Errorf("want %s (%s) over %s (%s)", c.a, c.ra, c.b, c.rb)
		}
	}
	pairs := [][2]string{{"company", "list: companies"}, {"company", "context: x"}, {"media", "list: media"}, {"media", "context: y"},
		{"other", "no evidence"}, {"", ""}, {"zoo", "list: z"}, {"government", "seat of government named for it"}, {"company", "head word “Co”"}}
	for _, a := range pairs {
		for _, b := range pairs {
			if a != b && BetterKind(a[0], a[1], b[0], b[1]) == BetterKind(b[0], b[1], a[0], a[1]) {
				t.Errorf("%q and %q: neither or both better", a, b)
			}
			for _, c := range pairs {
				if BetterKind(a[0], a[1], b[0], b[1]) && BetterKind(b[0], b[1], c[0], c[1]) && !BetterKind(a[0], a[1], c[0], c[1]) {
					t.Errorf("not transitive: %q > %q > %q", a, b, c)
				}
			}
		}
	}
}

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

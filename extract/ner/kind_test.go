package ner

import (
	"slices"
	"strings"
	"testing"
)

func TestKind(t *testing.T) {
	tests := []struct{ name, typ, want string }{
		{"FSB", "ORG", KindAgency},
		{"NSA", "ORG", KindAgency},
		{"BSI", "ORG", KindAgency},
		{"NCSC", "ORG", KindAgency},
		{"Federal Security Service", "ORG", KindAgency},
		{"Russian Federal Security Service", "ORG", KindAgency},
		{"US National Security Agency", "ORG", KindAgency},
		{"Federal Office for Information Security", "ORG", KindAgency},
		{"Sky News", "ORG", KindMedia},
		{"Reuters", "ORG", KindMedia},
		{"The Wall Street Journal", "ORG", KindMedia},
		{"The New York Times", "ORG", KindMedia},
		{"Kaspersky Lab", "ORG", KindCompany},
		{"Kaspersky Lab's", "Organization", KindCompany},
		{"Acme Widgets Ltd", "ORG", KindCompany},
		{"Kremlin", "ORG", KindGovernment},
		{"Ministry of Defence of Ruritania", "ORG", KindAgency},
		{"Ruritanian People's Party", "ORG", KindParty},
		{"NATO", "ORG", KindInternational},
		{"Free Ruritania Brigade", "ORG", KindArmedGroup},
		{"Zqxw", "ORG", KindOther},
		{"BBC", "ORG", KindMedia},
		{"Apple", "ORG", KindCompany},
		{"Labour Party", "ORG", KindParty},
		{"Manchester United", "ORG", KindSportsTeam},
		{"Arsenal", "ORG", KindSportsTeam},
		{"High Court", "ORG", KindCourt},
		{"Crown Court", "ORG", KindCourt},
		{"Oxford University", "ORG", KindUniversity},
		{"University of London", "ORG", KindUniversity},
		{"Greenpeace", "ORG", KindNGO},
		{"World Trade Organisation", "ORG", KindInternational},
		{"European Community", "ORG", KindInternational},
		{"OPEC", "ORG", KindInternational},
		{"Bank of Japan", "ORG", KindAgency},
		{"Bank of England", "ORG", KindAgency},
		{"Deutsche Bank", "ORG", KindCompany},
		{"US", "LOC", KindCountry},
		{"Russia", "LOC", KindCountry},
		{"Germany", "Place", KindCountry},
		{"UK", "LOC", KindCountry},
		{"Moscow", "LOC", KindCity},
		{"Zqxw", "LOC", ""},
		{"Germany", "PER", ""},
		{"", "ORG", ""},
	}
	for _, tc := range tests {
		if got := Kind(tc.name, tc.typ); got != tc.want {
			t.Errorf("Kind(%q, %q) = %q, want %q", tc.name, tc.typ, got, tc.want)
		}
	}
}

func TestKindReason(t *testing.T) {
	for _, tc := range []struct{ name, kind, reason string }{
		{"BBC", KindMedia, "curated list"},
		{"Crown Court", KindCourt, "head word “Court”"},
		{"Sky News", KindMedia, "list: news outlets"},
		{"Kaspersky Lab", KindCompany, "head word “Lab”"},
		{"Zqxw", KindOther, "no evidence"},
	} {
		if k, r := KindReason(tc.name, "ORG"); k != tc.kind || r != tc.reason {
			t.Errorf("KindReason(%q) = %q, %q; want %q, %q", tc.name, k, r, tc.kind, tc.reason)
		}
	}
}

func TestCountryName(t *testing.T) {
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"US", "United States", true},
		{"U.S.", "United States", true},
		{"USA", "United States", true},
		{"United States", "United States", true},
		{"the United States", "United States", true},
		{"America", "United States", true},
		{"UK", "United Kingdom", true},
		{"U.K.", "United Kingdom", true},
		{"United Kingdom", "United Kingdom", true},
		{"Britain", "United Kingdom", true},
		{"Russia", "Russia", true},
		{"Russian Federation", "Russia", true},
		{"Germany", "Germany", true},
		{"us", "", false},
		{"Gotham", "", false},
		{"", "", false},
	}
	for _, tc := range tests {
		got, ok := CountryName(tc.in)
		if got != tc.want || ok != tc.ok {
			t.Errorf("CountryName(%q) = %q, %v; want %q, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}

func TestDemonym(t *testing.T) {
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"Russian", "Russia", true},
		{"Russians", "Russia", true},
		{"German", "Germany", true},
		{"American", "United States", true},
		{"British", "United Kingdom", true},
		{"russian", "", false},
		{"Kaspersky", "", false},
	}
	for _, tc := range tests {
		got, ok := Demonym(tc.in)
		if got != tc.want || ok != tc.ok {
			t.Errorf("Demonym(%q) = %q, %v; want %q, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}

func TestGazetteerMark(t *testing.T) {
	g := NewGazetteer()
	g.Add(CatCity, "New York", "United States")
	g.Add(CatCity, "York", "United Kingdom")
	g.Add(CatMedia, "The New York Times", "")
	g.Add(CatMedia, "New York Times", "")
	toks := strings.Fields("the new york times and york")
	marks := make(gazMarks, len(toks))
	g.mark(toks, marks)
	city, media := catIndex[CatCity], catIndex[CatMedia]
	bits := func(c int) []string {
		var out []string
		for _, m := range marks {
			switch {
			case m&(1<<c) != 0:
				out = append(out, "B")
			case m&(1<<(c+32)) != 0:
				out = append(out, "I")
			default:
				out = append(out, "O")
			}
		}
		return out
	}
	if got, want := bits(media), []string{"B", "I", "I", "I", "O", "O"}; !slices.Equal(got, want) {
		t.Errorf("media marks %v, want %v", got, want)
	}
	if got, want := bits(city), []string{"O", "B", "I", "O", "O", "B"}; !slices.Equal(got, want) {
		t.Errorf("city marks %v, want %v", got, want)
	}
}

func TestGazetteerSaveLoad(t *testing.T) {
	g := NewGazetteer()
	g.Add(CatCountry, "United States", "United States")
	g.Add(CatCountry, "U.S.", "United States")
	g.Add("nonsense", "x", "")
	var sb strings.Builder
	if err := g.Save(&sb); err != nil {
		t.Fatal(err)
	}
	g2, err := LoadGazetteer(strings.NewReader(sb.String()))
	if err != nil {
		t.Fatal(err)
	}
	if g2.Len() != 2 {
		t.Errorf("Len = %d, want 2", g2.Len())
	}
	if v, ok := g2.CountryName("U.S."); !ok || v != "United States" {
		t.Errorf("CountryName(U.S.) = %q, %v", v, ok)
	}
	if _, err := LoadGazetteer(strings.NewReader("no tab here\n")); err == nil {
		t.Error("LoadGazetteer accepted a line without a tab")
	}
}

package main

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"unicode"

	"github.com/dossier-project/dossier/extract/ner"
)

// readTSV reads a TSV file with a header line and calls fn with each row as
// a map from column name to value.
func readTSV(path string, fn func(row map[string]string)) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("read gazetteer list: %w", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 1<<16), 1<<22)
	var header []string
	for sc.Scan() {
		cols := strings.Split(sc.Text(), "\t")
		if header == nil {
			header = cols
			continue
		}
		row := map[string]string{}
		for i, h := range header {
			if i < len(cols) {
				row[h] = strings.TrimSpace(cols[i])
			}
		}
		fn(row)
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("read %s: %w", path, err)
	}
	return nil
}

var legalSuffix = map[string]bool{
	"inc": true, "inc.": true, "corp": true, "corp.": true, "co": true, "co.": true, "ltd": true, "ltd.": true,
	"plc": true, "llc": true, "lp": true, "l.p.": true, "n.v.": true, "nv": true, "s.a.": true, "sa": true, "ag": true,
	"se": true, "incorporated": true, "corporation": true, "limited": true, "company": true, "/de/": true, "/md/": true,
	"/new/": true, "/ny/": true, "/pa/": true, "/ca/": true, "/nv/": true, "/mn/": true, "/ma/": true, "trust": true,
	"holdings": true, "group": true, "&": true, ",": true, "the": true, "a/s": true, "asa": true, "ab": true, "oyj": true,
}

// companyName strips trailing legal forms and state markers from a registrant
// name ("MICROSOFT CORP" → "MICROSOFT", "Apple Inc." → "Apple").
func companyName(name string) string {
	f := strings.Fields(strings.ReplaceAll(name, ",", " , "))
	for len(f) > 1 && legalSuffix[strings.ToLower(f[len(f)-1])] {
		f = f[:len(f)-1]
	}
	return strings.Join(f, " ")
}

// latin reports whether s is written in Latin script (names in other scripts
// never match English news tokens).
func latin(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) && !unicode.Is(unicode.Latin, r) {
			return false
		}
	}
	return true
}

var bracketTag = regexp.MustCompile(`\s*\[[a-z]{2}\]$`)

// orgWordKind maps the org-keywords list's kinds and notes to [ner.Kind]
// values.
func orgWordKind(kind, note string) string {
	switch kind {
	case "ORG-company":
		return ner.KindCompany
	case "ORG-government":
		switch {
		case strings.Contains(note, "legislature"), strings.Contains(note, "executive"), strings.Contains(note, "metonym"):
			return ner.KindGovernment
		}
		return ner.KindAgency
	case "ORG-party":
		return ner.KindParty
	case "ORG-media":
		return ner.KindMedia
	}
	return ner.KindOther
}

// compileGazetteer builds the gazetteer from the lists under dir (the
// shared data/gazetteers folder).
func compileGazetteer(dir string) (*ner.Gazetteer, error) {
	g := ner.NewGazetteer()
	p := func(parts ...string) string { return filepath.Join(append([]string{dir}, parts...)...) }
	iso := map[string]string{} // iso2 -> canonical country name
	steps := []struct {
		file string
		fn   func(map[string]string)
	}{
		{p("countries", "countries-mit.tsv"), func(r map[string]string) {
			iso[r["iso2"]] = r["name"]
			g.Add(ner.CatCountry, r["name"], r["name"])
			if r["capital"] != "" {
				g.Add(ner.CatCity, r["capital"], r["name"])
			}
		}},
		{p("countries", "countries-odbl.tsv"), func(r map[string]string) {
			canon := iso[r["iso2"]]
			if canon == "" {
				canon = r["name_common"]
			}
			g.Add(ner.CatCountry, r["name_common"], canon)
			g.Add(ner.CatCountry, r["name_official"], canon)
			for _, a := range strings.Split(r["alt_spellings"], "|") {
				if latin(a) && (len(a) > 3 || strings.ToUpper(a) == a && len(a) == 3) {
					g.Add(ner.CatCountry, a, canon)
				}
			}
		}},
		{p("countries", "demonyms.tsv"), func(r map[string]string) {
			country := r["country"]
			if r["form"] == "U.S." || r["form"] == "U.S.s" {
				// i18n-nationality gives the U.S. Virgin Islands the
				// nationality "Virgin Islands, U.S.", split into "U.S.":
				// in news "U.S." is the United States ("U.S. officials").
				country = "United States"
			}
			if _, ok := g.Lookup(ner.CatDemonym, r["form"]); !ok {
				g.Add(ner.CatDemonym, r["form"], country)
			}
		}},
		{p("cities", "world-cities.tsv"), func(r map[string]string) {
			if latin(r["name"]) && len(r["name"]) > 2 {
				g.Add(ner.CatCity, r["name"], r["country"])
			}
		}},
		{p("person-names", "first-names-en-moby.tsv"), func(r map[string]string) { g.Add(ner.CatFirstName, r["name"], "") }},
		{p("person-names", "cspell-people-names.tsv"), func(r map[string]string) { g.Add(ner.CatNamePart, r["name_part"], "") }},
		{p("companies", "sec-company-tickers.tsv"), func(r map[string]string) {
			if n := companyName(r["name"]); len(n) > 2 {
				g.Add(ner.CatCompany, n, "")
			}
		}},
		{p("companies", "sp500-constituents.tsv"), func(r map[string]string) {
			g.Add(ner.CatCompany, r["name"], "")
			if n := companyName(r["name"]); len(n) > 2 {
				g.Add(ner.CatCompany, n, "")
			}
		}},
		{p("news-media", "fundus-publishers.tsv"), func(r map[string]string) { g.Add(ner.CatMedia, r["name"], "") }},
		{p("news-media", "curated-news-media.tsv"), func(r map[string]string) {
			g.Add(ner.CatMedia, r["name"], "")
			if r["alias"] != "" {
				g.Add(ner.CatMedia, r["alias"], "")
			}
			if rest, ok := strings.CutPrefix(r["name"], "The "); ok {
				g.Add(ner.CatMedia, rest, "")
			}
		}},
		{p("government-agencies", "us-federal-agencies.tsv"), func(r map[string]string) {
			g.Add(ner.CatAgency, r["name"], "")
			if a := r["acronym"]; len(a) >= 2 && strings.ToUpper(a) == a {
				g.Add(ner.CatAgency, a, "")
			}
		}},
		{p("government-agencies", "uk-government-organisations.tsv"), func(r map[string]string) {
			g.Add(ner.CatAgency, r["name"], "")
			if a := r["abbreviation"]; len(a) >= 3 && strings.ToUpper(a) == a {
				g.Add(ner.CatAgency, a, "")
			}
		}},
		{p("intelligence-agencies", "intelligence-agencies.tsv"), func(r map[string]string) {
			g.Add(ner.CatSecurity, r["name"], "")
			if a := r["acronym"]; len(a) >= 2 {
				g.Add(ner.CatSecurity, a, "")
			}
		}},
		{p("curated", "security-agencies.tsv"), func(r map[string]string) {
			g.Add(ner.CatSecurity, r["name"], "")
			if a := r["acronym"]; a != "" {
				g.Add(ner.CatSecurity, a, "")
			}
		}},
		{p("political-parties", "partyfacts-core-parties.tsv"), func(r map[string]string) {
			for _, n := range strings.Split(r["name_english"], " / ") {
				if latin(n) {
					g.Add(ner.CatParty, n, "")
				}
			}
			if latin(r["name"]) {
				g.Add(ner.CatParty, r["name"], "")
			}
			if s := r["name_short"]; len(s) >= 3 && strings.ToUpper(s) == s && latin(s) {
				g.Add(ner.CatParty, s, "")
			}
		}},
		{p("curated", "international-organisations.tsv"), func(r map[string]string) {
			g.Add(ner.CatIntl, r["name"], "")
			if a := r["acronym"]; a != "" {
				g.Add(ner.CatIntl, a, "")
			}
		}},
		{p("sports-clubs", "football-clubs.tsv"), func(r map[string]string) {
			g.Add(ner.CatSports, r["name"], "")
			for _, a := range strings.Split(r["aliases"], "|") {
				if a = bracketTag.ReplaceAllString(a, ""); a != "" && latin(a) {
					g.Add(ner.CatSports, a, "")
				}
			}
		}},
		{p("curated", "org-keywords.tsv"), func(r map[string]string) {
			k := orgWordKind(r["kind"], r["note"])
			if strings.Contains(r["note"], "armed forces") {
				k = ner.KindAgency
			}
			if strings.Contains(r["note"], "metonym") {
				g.Add(ner.CatGovt, r["keyword"], "")
			}
			g.Add(ner.CatOrgWord, r["keyword"], k)
		}},
		{p("curated", "honorifics.tsv"), func(r map[string]string) { g.Add(ner.CatHonorific, r["title"], "") }},
		{p("legal-forms", "gleif-elf-abbreviations.tsv"), func(r map[string]string) {
			if a := r["abbreviation"]; len(a) >= 2 && latin(a) {
				g.Add(ner.CatLegal, a, "")
			}
		}},
	}
	for _, s := range steps {
		if err := readTSV(s.file, s.fn); err != nil {
			return nil, err
		}
	}
	// Aliases news writers use that the lists lack (written for this
	// project, CC0), and kinds the lists do not cover.
	for _, a := range [][2]string{
		{"US", "United States"}, {"U.S.", "United States"}, {"USA", "United States"}, {"U.S.A.", "United States"},
		{"America", "United States"}, {"United States of America", "United States"},
		{"UK", "United Kingdom"}, {"U.K.", "United Kingdom"}, {"Britain", "United Kingdom"},
		{"Great Britain", "United Kingdom"}, {"Russian Federation", "Russia"},
	} {
		g.Add(ner.CatCountry, a[0], a[1])
	}
	for _, s := range []string{"Kremlin", "White House", "Pentagon", "Downing Street", "Elysee", "Élysée", "Whitehall", "Zhongnanhai", "Blue House"} {
		g.Add(ner.CatGovt, s, "")
		g.Add(ner.CatOrgWord, s, ner.KindGovernment)
	}
	for _, s := range []string{"Government", "Ministry", "Cabinet"} {
		g.Add(ner.CatOrgWord, s, map[string]string{"Government": ner.KindGovernment, "Ministry": ner.KindAgency, "Cabinet": ner.KindGovernment}[s])
	}
	for _, s := range []string{"Brigade", "Brigades", "Militia", "Militias", "Mujahideen", "Taliban", "Hezbollah", "Hamas",
		"al-Qaeda", "Al-Qaeda", "al Qaeda", "Islamic State", "ISIS", "ISIL", "Daesh", "Boko Haram", "al-Shabab", "Al-Shabaab"} {
		g.Add(ner.CatOrgWord, s, ner.KindArmedGroup)
	}
	for _, s := range []string{"Ltd", "Inc", "GmbH", "PLC", "LLC", "Corp", "AG", "S.A.", "N.V.", "Oyj", "PJSC"} {
		g.Add(ner.CatLegal, s, "")
	}
	return g, nil
}

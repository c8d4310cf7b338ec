//go:build ignore

// gen_capitals writes capitals.go: each country's capital from the
// gazetteer's countries-mit.tsv, in lower case, also without "D.C.";
// where two countries share a capital's name, the UN member's
// (un_member of countries-odbl.tsv). Run from extract/claims with the
// shared data beside the repository:
//
//	go run gen_capitals.go -data ../../../shared/data/gazetteers/countries
package main

import (
	"bytes"
	"encoding/csv"
	"flag"
	"fmt"
	"go/format"
	"io"
	"log"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

func main() {
	data := flag.String("data", "../../../shared/data/gazetteers/countries", "the countries folder of the shared gazetteers")
	out := flag.String("out", "capitals.go", "file to write")
	flag.Parse()
	member := map[string]bool{} // iso2 -> UN member
	for _, r := range read(filepath.Join(*data, "countries-odbl.tsv")) {
		member[r["iso2"]] = r["un_member"] == "true"
	}
	country := map[string]string{}
	iso := map[string]string{}
	for _, r := range read(filepath.Join(*data, "countries-mit.tsv")) {
		capital := strings.ToLower(strings.TrimSpace(r["capital"]))
		if capital == "" {
			continue
		}
		names := []string{capital}
		if c, ok := strings.CutSuffix(capital, " d.c."); ok {
			names = append(names, c)
		}
		for _, n := range names {
			if prev, ok := iso[n]; ok && (member[prev] || !member[r["iso2"]]) {
				continue
			}
			country[n], iso[n] = r["name"], r["iso2"]
		}
	}
	var b bytes.Buffer
	b.WriteString(header)
	keys := make([]string, 0, len(country))
	for k := range country {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		fmt.Fprintf(&b, "\t%q: %q,\n", k, country[k])
	}
	b.WriteString("}\n")
	src, err := format.Source(b.Bytes())
	if err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(*out, src, 0o644); err != nil {
		log.Fatal(err)
	}
}

// read returns the rows of a tab-separated file with a header line.
func read(path string) []map[string]string {
	f, err := os.Open(path)
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.Comma, r.LazyQuotes, r.FieldsPerRecord = '\t', true, -1
	head, err := r.Read()
	if err != nil {
		log.Fatal(path, ": ", err)
	}
	var rows []map[string]string
	for {
		rec, err := r.Read()
		if err == io.EOF {
			return rows
		}
		if err != nil {
			log.Fatal(path, ": ", err)
		}
		row := map[string]string{}
		for i, h := range head {
			if i < len(rec) {
				row[h] = rec[i]
			}
		}
		rows = append(rows, row)
	}
}

const header = `// Code generated from countries-mit.tsv of the dossier gazetteers (npm
// countries-list 3.4.1, MIT; see demonyms_LICENSE.txt): each country's
// capital, also without "D.C."; where two share a name, the UN member's
// (un_member of countries-odbl.tsv), by gen_capitals.go. DO NOT EDIT: regenerate;
// the older names news still uses are in formerCapitals (resolve.go).

package claims

// capitalCountry maps a national capital, in lower case ("moscow"), to the
// English name of its country ("Russia").
var capitalCountry = map[string]string{
`

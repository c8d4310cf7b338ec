//go:build ignore

// gen_idf writes idf.tsv: the number of Reuters-21578 stories each act
// word (a Stem of a lower-case Token) appears in, for the words that
// appear in 20 stories or more. Run from the repository root:
//
//	go run ledger/gen_idf.go ../shared/data/news/reuters21578.jsonl > ledger/idf.tsv
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"log"
	"os"
	"sort"

	"github.com/dossier-project/dossier/ledger"
)

func main() {
	if len(os.Args) != 2 {
		log.Fatal("usage: go run ledger/gen_idf.go CORPUS.jsonl > ledger/idf.tsv")
	}
	f, err := os.Open(os.Args[1])
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<24)
	df := map[string]int{}
	n := 0
	for sc.Scan() {
		var r struct{ Text string }
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			log.Fatalf("%s: record %d: %v", os.Args[1], n+1, err)
		}
		n++
		seen := map[string]bool{}
		for _, w := range ledger.Tokens(r.Text) {
			if s := ledger.Stem(w); !seen[s] {
				seen[s] = true
				df[s]++
			}
		}
	}
	if err := sc.Err(); err != nil {
		log.Fatal(err)
	}
	var ks []string
	for k, v := range df {
		if v >= 20 {
			ks = append(ks, k)
		}
	}
	sort.Strings(ks)
	fmt.Printf("# documents\t%d\n", n)
	for _, k := range ks {
		fmt.Printf("%s\t%d\n", k, df[k])
	}
}

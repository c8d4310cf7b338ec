// Command docmax reads `dossier extract --json` output on standard input
// and prints, for each count that the per-document bounds of package
// extract limit (and a few more), the largest value one document reaches
// and which document: how far real news is from the bounds.
//
//	dossier extract --json -q ../shared/data/news/reuters21578.jsonl | go run ./bench/docmax
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"

	"github.com/dossier-project/dossier/graph"
	"github.com/dossier-project/dossier/schema"
)

// mx is the largest value seen and its document.
type mx struct {
	v   int
	doc string
}

func (m *mx) see(v int, doc string) {
	if v > m.v {
		m.v, m.doc = v, doc
	}
}

func main() {
	sc := bufio.NewScanner(os.Stdin)
	sc.Buffer(make([]byte, 1<<20), 1<<30)
	names := []string{"claims", "entities", "mentions", "mentionsPerEntity", "relations", "quads", "times", "aliases", "merges", "claimsPerSentence", "aboutPerClaim", "respondsPerClaim", "sentences"}
	m := map[string]*mx{}
	for _, n := range names {
		m[n] = &mx{}
	}
	n := 0
	for sc.Scan() {
		var r schema.Result
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			fmt.Fprintln(os.Stderr, err)
			continue
		}
		n++
		d := r.Document.ID
		m["claims"].see(len(r.Claims), d)
		m["entities"].see(len(r.Entities), d)
		men, al, mg := 0, 0, 0
		for _, e := range r.Entities {
			men += len(e.Mentions)
			al += len(e.Aliases)
			mg += len(e.Merges)
			m["mentionsPerEntity"].see(len(e.Mentions), d)
		}
		m["mentions"].see(men, d)
		m["aliases"].see(al, d)
		m["merges"].see(mg, d)
		m["relations"].see(len(r.Relations), d)
		m["times"].see(len(r.Times), d)
		per := map[int]int{}
		for _, c := range r.Claims {
			per[c.Sentence]++
			m["aboutPerClaim"].see(len(c.About), d)
			m["respondsPerClaim"].see(len(c.RespondsTo), d)
		}
		for _, v := range per {
			m["claimsPerSentence"].see(v, d)
		}
		m["sentences"].see(len(r.Sentences), d)
		m["quads"].see(len(graph.Quads(&r)), d)
	}
	fmt.Println("documents", n)
	for _, k := range names {
		fmt.Printf("%-20s %6d  %s\n", k, m[k].v, m[k].doc)
	}
}

package ledger

import (
	_ "embed"
	"math"
	"strconv"
	"strings"
	"sync"
)

// idfTable is the number of Reuters-21578 stories (1987 newswire; research
// use only, so only these counts are kept) each act word appears in, for
// the words of 20 stories or more; gen_idf.go writes it.
//
//go:embed idf.tsv
var idfTable string

var (
	idfOnce sync.Once
	idfDF   map[string]int
	idfN    float64
)

func loadIDF() {
	idfDF = make(map[string]int, 6000)
	idfN = 1
	for _, line := range strings.Split(idfTable, "\n") {
		w, n, ok := strings.Cut(line, "\t")
		if !ok {
			continue
		}
		c, err := strconv.Atoi(n)
		if err != nil {
			continue
		}
		if w == "# documents" {
			idfN = float64(c)
			continue
		}
		idfDF[w] = c
	}
}

// IDF returns how rare an act word (a Stem) is in news: the log of the
// number of stories over the number that use it. A word of fewer than 20
// stories in the table counts as one of 10.
func IDF(stem string) float64 {
	idfOnce.Do(loadIDF)
	df, ok := idfDF[stem]
	if !ok {
		df = 10
	}
	return math.Log(idfN / float64(df))
}

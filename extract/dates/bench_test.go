package dates

import (
	"bufio"
	"encoding/json"
	"os"
	"testing"
)

// BenchmarkFindReuters runs Find over the first 500 stories of the shared
// Reuters-21578 corpus, when it is present.
func BenchmarkFindReuters(b *testing.B) {
	f, err := os.Open("../../../shared/data/news/reuters21578.jsonl")
	if err != nil {
		b.Skip("shared Reuters corpus not present:", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	var texts [][]rune
	n := 0
	for sc.Scan() && len(texts) < 500 {
		var r struct{ Text string }
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			b.Fatal(err)
		}
		texts = append(texts, []rune(r.Text))
		n += len(r.Text)
	}
	b.SetBytes(int64(n))
	for b.Loop() {
		for _, t := range texts {
			Find(t, 0, len(t), "1987-02-26")
		}
	}
}

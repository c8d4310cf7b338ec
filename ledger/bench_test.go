package ledger

import (
	"fmt"
	"testing"
)

// corpus makes n allegations about 20 targets with 10 acts, and n/2
// denials, dated over a year. Every target has far more than
// MaxCandidates allegations, so the blocks are full from the start and the
// time per allegation shows whether the work is linear.
func corpus(n int) ([]*Prop, []*Prop) {
	acts := []string{"violated the trade pact", "dumped chips below cost", "paid bribes to officials", "traded on inside information",
		"rigged the auction", "hid losses from investors", "broke the arms embargo", "leaked the merger plans", "evaded taxes", "misled regulators"}
	var allegs, answers []*Prop
	for i := range n {
		t := fmt.Sprintf("org/t%03d", i%20)
		allegs = append(allegs, &Prop{Key: fmt.Sprintf("a%06d", i), Doc: fmt.Sprint("d", i), Date: fmt.Sprintf("1987-%02d-%02d", 1+i%12, 1+i%28),
			Claimant: fmt.Sprintf("org/c%03d", i%97), Target: t, Content: fmt.Sprintf("the company %s in case %d", acts[(i/20)%len(acts)], i%20)})
		if i%2 == 0 {
			answers = append(answers, &Prop{Key: fmt.Sprintf("r%06d", i), Doc: fmt.Sprint("e", i), Date: fmt.Sprintf("1987-%02d-%02d", 1+i%12, 1+i%28),
				Claimant: t, Stance: "deny", Content: "it did not " + acts[(i/20)%len(acts)]})
		}
	}
	return allegs, answers
}

// BenchmarkBuild threads n allegations and n/2 answers; with blocking the
// time per allegation stays flat as n grows.
func BenchmarkBuild(b *testing.B) {
	for _, n := range []int{2000, 4000, 8000, 16000} {
		allegs, answers := corpus(n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for b.Loop() {
				for _, p := range allegs {
					p.words = nil
				}
				Build(allegs, answers, nil, nil)
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/allegation")
		})
	}
}

package server

import (
	"math"
	"reflect"
	"testing"
)

func TestLayout(t *testing.T) {
	// A star of 12 around node 0, a chain hanging off node 1, and one
	// node joined to nothing.
	n := 20
	var edges [][2]int
	ring := make([]int, n)
	for i := 1; i <= 12; i++ {
		edges = append(edges, [2]int{0, i})
		ring[i] = 1
	}
	for i := 13; i < 19; i++ {
		edges = append(edges, [2]int{i - 1, i})
		ring[i] = 2
	}
	ring[19] = 1
	pos := layout(n, edges, ring, 300)
	if pos[0] != (point{}) {
		t.Errorf("node 0 moved to %v", pos[0])
	}
	for i, p := range pos {
		if math.IsNaN(p.X) || math.IsNaN(p.Y) || math.IsInf(p.X, 0) || math.IsInf(p.Y, 0) {
			t.Fatalf("node %d at %v", i, p)
		}
		if d := math.Hypot(p.X, p.Y); d > 4*math.Sqrt(float64(n))*2.2 {
			t.Errorf("node %d flew off to distance %.1f", i, d)
		}
		for j := i + 1; j < n; j++ {
			if d := math.Hypot(p.X-pos[j].X, p.Y-pos[j].Y); d < minGap*0.99 {
				t.Errorf("nodes %d and %d only %.2f apart", i, j, d)
			}
		}
	}
	// Joined nodes end up nearer each other than the average pair.
	var joined, all float64
	for _, e := range edges {
		joined += math.Hypot(pos[e[0]].X-pos[e[1]].X, pos[e[0]].Y-pos[e[1]].Y)
	}
	joined /= float64(len(edges))
	pairs := 0
	for i := range pos {
		for j := i + 1; j < n; j++ {
			all += math.Hypot(pos[i].X-pos[j].X, pos[i].Y-pos[j].Y)
			pairs++
		}
	}
	all /= float64(pairs)
	if joined >= all {
		t.Errorf("mean edge length %.2f, mean distance %.2f: edges do not pull", joined, all)
	}
	if again := layout(n, edges, ring, 300); !reflect.DeepEqual(again, pos) {
		t.Error("the same graph was laid out differently")
	}
	for _, m := range []int{0, 1} {
		if got := layout(m, nil, nil, 10); len(got) != m {
			t.Errorf("layout of %d nodes: %v", m, got)
		}
	}
	// Bad edges are ignored, not a panic.
	layout(3, [][2]int{{0, 7}, {-1, 2}, {1, 1}}, nil, 10)
}

func BenchmarkLayout150(b *testing.B) {
	n := 150
	var edges [][2]int
	for i := 1; i < n; i++ {
		edges = append(edges, [2]int{(i - 1) / 4, i})
	}
	for range b.N {
		layout(n, edges, nil, 400)
	}
}

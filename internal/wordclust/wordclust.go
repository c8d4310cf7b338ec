// Package wordclust groups the words of unlabelled text by the words
// around them (spherical k-means over context vectors), for taggers that
// use a word's cluster as a feature: the recogniser (cmd/nertrain) and the
// attribution model (cmd/attrtrain). It also reads the unlabelled
// newswire they cluster.
package wordclust

import (
	"math"
	"math/rand/v2"
	"runtime"
	"sort"
	"strings"
	"sync"
)

// Clusters groups the words of unlabelled text by the words around
// them: each word seen at least minCount times is a vector of its left and
// right neighbours (among the most frequent words), and spherical k-means
// puts similar vectors together. Words in the same cluster tend to share a
// role ("Monday" with "Tuesday", company names with company names), which
// lets the tagger generalise to words it saw rarely in labelled data. The
// result maps a lower-cased word to its cluster, 0..k-1; words none of
// whose neighbours are frequent words are left out.
func Clusters(sents [][]string, k, minCount, iters int, seed uint64) map[string]uint16 {
	words, vecs := contextVectors(sents, minCount)
	rng := rand.New(rand.NewPCG(seed, 0xc1))
	live := liveWords(vecs)
	assign := kmeans(vecs, live, k, iters, rng)
	out := make(map[string]uint16, len(live))
	for j, i := range live {
		out[words[i]] = uint16(assign[j])
	}
	return out
}

type sparse struct {
	idx []int32
	val []float32
}

// liveWords lists the words with a non-zero context vector.
func liveWords(vecs []sparse) []int {
	var live []int
	for i, v := range vecs {
		if len(v.idx) > 0 {
			live = append(live, i)
		}
	}
	return live
}

// contextVectors returns the words seen at least minCount times (lower
// case, most frequent first) and for each the unit vector of the square
// roots of its left and right neighbour counts among the 1,000 most
// frequent words and the sentence boundaries.
func contextVectors(sents [][]string, minCount int) ([]string, []sparse) {
	freq := map[string]int{}
	for _, s := range sents {
		for _, t := range s {
			freq[strings.ToLower(t)]++
		}
	}
	words := make([]string, 0, len(freq))
	for w, c := range freq {
		if c >= minCount {
			words = append(words, w)
		}
	}
	sort.Slice(words, func(i, j int) bool {
		if freq[words[i]] != freq[words[j]] {
			return freq[words[i]] > freq[words[j]]
		}
		return words[i] < words[j]
	})
	const nctx = 1000
	ctxIdx := map[string]int{"<s>": 0, "</s>": 1}
	for _, w := range words {
		if len(ctxIdx) >= nctx {
			break
		}
		ctxIdx[w] = len(ctxIdx)
	}
	wordIdx := make(map[string]int, len(words))
	for i, w := range words {
		wordIdx[w] = i
	}
	counts := make([]map[int32]float32, len(words))
	for i := range counts {
		counts[i] = map[int32]float32{}
	}
	for _, s := range sents {
		low := make([]string, len(s))
		for i, t := range s {
			low[i] = strings.ToLower(t)
		}
		for i, w := range low {
			wi, ok := wordIdx[w]
			if !ok {
				continue
			}
			left, right := "<s>", "</s>"
			if i > 0 {
				left = low[i-1]
			}
			if i+1 < len(low) {
				right = low[i+1]
			}
			if c, ok := ctxIdx[left]; ok {
				counts[wi][int32(c)]++
			}
			if c, ok := ctxIdx[right]; ok {
				counts[wi][int32(nctx+c)]++
			}
		}
	}
	vecs := make([]sparse, len(words))
	for i, m := range counts {
		var v sparse
		var norm float64
		keys := make([]int32, 0, len(m))
		for c := range m {
			keys = append(keys, c)
		}
		sort.Slice(keys, func(a, b int) bool { return keys[a] < keys[b] })
		for _, c := range keys {
			x := float32(math.Sqrt(float64(m[c])))
			v.idx = append(v.idx, c)
			v.val = append(v.val, x)
			norm += float64(x * x)
		}
		if norm > 0 {
			inv := float32(1 / math.Sqrt(norm))
			for j := range v.val {
				v.val[j] *= inv
			}
		}
		vecs[i] = v
	}
	return words, vecs
}

// kmeans runs spherical k-means on the vectors vecs[i] for i in members,
// with a k-means++ start, and returns each member's cluster, 0..k-1.
func kmeans(vecs []sparse, members []int, k, iters int, rng *rand.Rand) []int {
	// k-means++: a random first centre, then each next centre is drawn
	// with probability proportional to 1 - (similarity to the closest
	// centre so far), the squared distance between unit vectors up to a
	// factor 2. (An earlier farthest-first start kept choosing words
	// without context, zero vectors, and left all but 8 of 256 clusters
	// empty.)
	assign := make([]int, len(members))
	k = min(k, len(members))
	if k <= 1 {
		return assign
	}
	dim := 0
	for _, i := range members {
		for _, x := range vecs[i].idx {
			dim = max(dim, int(x)+1)
		}
	}
	cent := make([]float32, k*dim)
	sim := func(v sparse, c int) float32 {
		row := cent[c*dim : (c+1)*dim]
		var s float32
		for j, x := range v.idx {
			s += row[x] * v.val[j]
		}
		return s
	}
	closest := make([]float32, len(members))
	for j := range closest {
		closest[j] = -1
	}
	next := members[rng.IntN(len(members))]
	for c := 0; c < k; c++ {
		v := vecs[next]
		for j, x := range v.idx {
			cent[c*dim+int(x)] = v.val[j]
		}
		parallel(len(members), func(lo, hi int) {
			for j := lo; j < hi; j++ {
				if s := sim(vecs[members[j]], c); s > closest[j] {
					closest[j] = s
				}
			}
		})
		var total float64
		for j := range members {
			total += float64(max(1-closest[j], 0))
		}
		r := rng.Float64() * total
		for j, i := range members {
			r -= float64(max(1-closest[j], 0))
			next = i
			if r <= 0 {
				break
			}
		}
	}
	size := make([]int, k)
	for it := 0; it < iters; it++ {
		clear(size)
		// Each member's closest centre, in parallel: the result does not
		// depend on the number of workers.
		parallel(len(members), func(lo, hi int) {
			for j := lo; j < hi; j++ {
				best, arg := float32(-1), 0
				for c := 0; c < k; c++ {
					if s := sim(vecs[members[j]], c); s > best {
						best, arg = s, c
					}
				}
				assign[j] = arg
			}
		})
		for _, a := range assign {
			size[a]++
		}
		// New centres; a cluster left empty keeps its old centre.
		for c := 0; c < k; c++ {
			if size[c] > 0 {
				clear(cent[c*dim : (c+1)*dim])
			}
		}
		for j, i := range members {
			v := vecs[i]
			row := cent[assign[j]*dim : (assign[j]+1)*dim]
			for jj, x := range v.idx {
				row[x] += v.val[jj]
			}
		}
		for c := 0; c < k; c++ {
			row := cent[c*dim : (c+1)*dim]
			var n float64
			for _, x := range row {
				n += float64(x * x)
			}
			if n > 0 {
				inv := float32(1 / math.Sqrt(n))
				for j := range row {
					row[j] *= inv
				}
			}
		}
	}
	return assign
}

// parallel calls fn on consecutive parts [lo, hi) of [0, n), one a CPU.
func parallel(n int, fn func(lo, hi int)) {
	w := min(runtime.GOMAXPROCS(0), n)
	if w <= 1 {
		fn(0, n)
		return
	}
	var wg sync.WaitGroup
	for p := 0; p < w; p++ {
		wg.Add(1)
		go func(lo, hi int) {
			defer wg.Done()
			fn(lo, hi)
		}(n*p/w, n*(p+1)/w)
	}
	wg.Wait()
}

package main

import (
	"math"
	"math/rand/v2"
	"sort"
	"strings"
)

// wordClusters groups the words of unlabelled text by the words around
// them: each word seen at least minCount times is a vector of its left and
// right neighbours (among the most frequent words), and spherical k-means
// puts similar vectors together. Words in the same cluster tend to share a
// role ("Monday" with "Tuesday", company names with company names), which
// lets the tagger generalise to words it saw rarely in labelled data. The
// result maps a lower-cased word to its cluster, 0..k-1.
func wordClusters(sents [][]string, k, minCount, iters int, seed uint64) map[string]uint16 {
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
	dim := 2 * nctx
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
	type sparse struct {
		idx []int32
		val []float32
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
	// Farthest-first initialisation: a random first centre, then each next
	// centre is the word least similar to every centre so far, so that no
	// group of words starts without a centre near it.
	rng := rand.New(rand.NewPCG(seed, 0xc1))
	cent := make([]float32, k*dim)
	sim := func(v sparse, c int) float32 {
		row := cent[c*dim : (c+1)*dim]
		var s float32
		for j, x := range v.idx {
			s += row[x] * v.val[j]
		}
		return s
	}
	closest := make([]float32, len(words))
	for i := range closest {
		closest[i] = -1
	}
	next := rng.IntN(max(len(words), 1))
	for c := 0; c < k && c < len(words); c++ {
		v := vecs[next]
		for j, x := range v.idx {
			cent[c*dim+int(x)] = v.val[j]
		}
		far, arg := float32(2), 0
		for i, w := range vecs {
			if s := sim(w, c); s > closest[i] {
				closest[i] = s
			}
			if closest[i] < far {
				far, arg = closest[i], i
			}
		}
		next = arg
	}
	assign := make([]int, len(words))
	for it := 0; it < iters; it++ {
		for i, v := range vecs {
			best, arg := float32(-1), 0
			for c := 0; c < k; c++ {
				if s := sim(v, c); s > best {
					best, arg = s, c
				}
			}
			assign[i] = arg
		}
		clear(cent)
		for i, v := range vecs {
			row := cent[assign[i]*dim : (assign[i]+1)*dim]
			for j, x := range v.idx {
				row[x] += v.val[j]
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
	out := make(map[string]uint16, len(words))
	for i, w := range words {
		out[w] = uint16(assign[i])
	}
	return out
}

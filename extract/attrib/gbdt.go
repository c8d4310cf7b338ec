package attrib

import (
	"math"
	"slices"
)

// gbdt is a binary classifier: gradient-boosted regression trees of fixed
// depth on dense float features, trained on the logistic loss with Newton
// leaves over quantile bins of each feature. Training is deterministic
// (no sampling) and single-threaded.
type gbdt struct {
	base  float32 // the initial log-odds
	trees []tree
	// The trees packed for score (pack): all trees' inner nodes one after
	// the other, inner a tree, then all their leaves, inner+1 a tree.
	nodes  []gnode
	leaves []float32
	inner  int
}

// gnode is an inner node of a packed tree: x[f] > thr goes right. A node
// that does not split has f 0 and thr +Inf, so every x goes left.
type gnode struct {
	f   int32
	thr float32
}

// pack lays the trees out for score. All trees must have the same depth.
func (g *gbdt) pack() {
	g.nodes, g.leaves, g.inner = nil, nil, 0
	if len(g.trees) == 0 {
		return
	}
	g.inner = len(g.trees[0].feat)
	for _, t := range g.trees {
		if len(t.feat) != g.inner || len(t.leaf) != g.inner+1 {
			g.nodes, g.leaves, g.inner = nil, nil, 0
			return
		}
		for k, f := range t.feat {
			if f < 0 {
				g.nodes = append(g.nodes, gnode{0, float32(math.Inf(1))})
			} else {
				g.nodes = append(g.nodes, gnode{int32(f), t.thr[k]})
			}
		}
		g.leaves = append(g.leaves, t.leaf...)
	}
}

// tree is a complete binary tree of depth d: node k (from 0) splits on
// feat[k] at thr[k] (x <= thr goes left, to 2k+1), the 2^d leaves hold
// the values.
type tree struct {
	feat []int16
	thr  []float32
	leaf []float32
}

// gbdtOptions are the training settings of trainGBDT.
type gbdtOptions struct {
	Trees, Depth int
	Rate         float32 // shrinkage
	Lambda       float64 // L2 on the leaf values
	MinHess      float64 // smallest hessian of a child
	Bins         int     // quantile bins a feature
}

// score returns the log-odds of x.
func (g *gbdt) score(x []float32) float32 {
	s := g.base
	if ni := g.inner; ni > 0 {
		// The packed trees, in the same order, so the sum is the same.
		nodes, leaves := g.nodes, g.leaves
		for len(nodes) >= ni && len(leaves) > ni {
			k := 0
			for k < ni {
				if n := nodes[k]; x[n.f] > n.thr {
					k = 2*k + 2
				} else {
					k = 2*k + 1
				}
			}
			s += leaves[k-ni]
			nodes, leaves = nodes[ni:], leaves[ni+1:]
		}
		return s
	}
	for i := range g.trees {
		t := &g.trees[i]
		k := 0
		for k < len(t.feat) {
			if f := t.feat[k]; f >= 0 && x[f] > t.thr[k] {
				k = 2*k + 2
			} else {
				k = 2*k + 1
			}
		}
		s += t.leaf[k-len(t.feat)]
	}
	return s
}

// prob is the probability of x.
func (g *gbdt) prob(x []float32) float32 {
	return float32(1 / (1 + math.Exp(-float64(g.score(x)))))
}

// trainGBDT trains on rows X (each of nf features) with labels y.
func trainGBDT(X [][]float32, y []bool, nf int, o gbdtOptions) *gbdt {
	n := len(X)
	g := &gbdt{}
	if n == 0 {
		return g
	}
	// Bin edges: up to o.Bins quantiles of each feature's distinct values.
	edges := make([][]float32, nf)
	bins := make([][]uint8, nf) // bins[f][i]
	vals := make([]float32, n)
	for f := 0; f < nf; f++ {
		for i := range X {
			vals[i] = X[i][f]
		}
		s := slices.Clone(vals)
		slices.Sort(s)
		var e []float32
		for b := 1; b < o.Bins; b++ {
			v := s[b*n/o.Bins]
			if len(e) == 0 || v > e[len(e)-1] {
				e = append(e, v)
			}
		}
		if len(e) > 0 && e[len(e)-1] >= s[n-1] {
			e = e[:len(e)-1]
		}
		edges[f] = e
		bf := make([]uint8, n)
		for i, v := range vals {
			// bin = number of edges strictly below v; x <= e[b] is bin <= b.
			k, _ := slices.BinarySearch(e, v)
			bf[i] = uint8(k)
		}
		bins[f] = bf
	}
	pos := 0
	for _, l := range y {
		if l {
			pos++
		}
	}
	p0 := (float64(pos) + 1) / (float64(n) + 2)
	g.base = float32(math.Log(p0 / (1 - p0)))
	F := make([]float32, n)
	for i := range F {
		F[i] = g.base
	}
	grad := make([]float64, n)
	hess := make([]float64, n)
	node := make([]int32, n)
	nInner := 1<<o.Depth - 1
	nb := o.Bins + 1
	hg := make([]float64, nf*nb)
	hh := make([]float64, nf*nb)
	for t := 0; t < o.Trees; t++ {
		for i := range F {
			p := 1 / (1 + math.Exp(-float64(F[i])))
			l := 0.0
			if y[i] {
				l = 1
			}
			grad[i] = p - l
			hess[i] = max(p*(1-p), 1e-6)
			node[i] = 0
		}
		tr := tree{feat: make([]int16, nInner), thr: make([]float32, nInner), leaf: make([]float32, 1<<o.Depth)}
		for d := 0; d < o.Depth; d++ {
			lo, hi := 1<<d-1, 1<<(d+1)-1
			for k := lo; k < hi; k++ {
				tr.feat[k] = -1
			}
			// One histogram pass a node of the level.
			for k := lo; k < hi; k++ {
				clear(hg)
				clear(hh)
				var G, H float64
				any := false
				for i := 0; i < n; i++ {
					if int(node[i]) != k {
						continue
					}
					any = true
					G += grad[i]
					H += hess[i]
					for f := 0; f < nf; f++ {
						b := f*nb + int(bins[f][i])
						hg[b] += grad[i]
						hh[b] += hess[i]
					}
				}
				if !any {
					continue
				}
				parent := G * G / (H + o.Lambda)
				bestGain, bestF, bestB := 1e-9, -1, 0
				for f := 0; f < nf; f++ {
					var gl, hl float64
					for b := 0; b < len(edges[f]); b++ {
						gl += hg[f*nb+b]
						hl += hh[f*nb+b]
						gr, hr := G-gl, H-hl
						if hl < o.MinHess || hr < o.MinHess {
							continue
						}
						if gain := gl*gl/(hl+o.Lambda) + gr*gr/(hr+o.Lambda) - parent; gain > bestGain {
							bestGain, bestF, bestB = gain, f, b
						}
					}
				}
				if bestF >= 0 {
					tr.feat[k] = int16(bestF)
					tr.thr[k] = edges[bestF][bestB]
				}
			}
			for i := 0; i < n; i++ {
				k := int(node[i])
				if f := tr.feat[k]; f >= 0 && X[i][f] > tr.thr[k] {
					node[i] = int32(2*k + 2)
				} else {
					node[i] = int32(2*k + 1)
				}
			}
		}
		lg := make([]float64, len(tr.leaf))
		lh := make([]float64, len(tr.leaf))
		for i := 0; i < n; i++ {
			l := int(node[i]) - nInner
			lg[l] += grad[i]
			lh[l] += hess[i]
		}
		for l := range tr.leaf {
			tr.leaf[l] = o.Rate * float32(-lg[l]/(lh[l]+o.Lambda))
		}
		for i := 0; i < n; i++ {
			F[i] += tr.leaf[int(node[i])-nInner]
		}
		g.trees = append(g.trees, tr)
	}
	g.pack()
	return g
}

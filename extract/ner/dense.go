package ner

import "math/bits"

// denseTable is the decoding form of a weight table kept as a map from
// feature hash to row ([Model.index] and [Model.w]): an open-addressing
// hash table, linear probing, whose slot i holds a key in keys[i] and its
// row of weights in w[i*n:(i+1)*n]. A lookup reads the 8-byte keys of
// neighbouring slots (one cache line, mostly) and then the row, where a Go
// map hashes the key again and goes through its own groups first. It holds
// the same float32 weights as the map, so decoding adds them in the same
// order and gives the same scores to the bit.
type denseTable struct {
	n     int      // weights per row
	shift uint     // 64 - log2(len(keys))
	keys  []uint64 // 0: empty slot
	w     []float32
	// zero is the row of the key 0, which an empty slot cannot hold.
	zero []float32
}

// maxLoad bounds the share of slots in use: a lookup that misses reads
// about (1 + 1/(1-a)²)/2 slots at load a (3.6 at 0.6), most in one line.
const maxLoad = 0.7

// newDenseTable builds the table of the rows of index (row r is
// w[r*n:(r+1)*n]).
func newDenseTable(index map[uint64]int32, w []float32, n int) *denseTable {
	size := 8
	for float64(len(index)) > maxLoad*float64(size) {
		size *= 2
	}
	t := &denseTable{n: n, shift: uint(64 - bits.TrailingZeros(uint(size))), keys: make([]uint64, size), w: make([]float32, size*n)}
	for k, r := range index {
		row := w[int(r)*n : int(r)*n+n]
		if k == 0 {
			t.zero = row
			continue
		}
		i := t.slot(k)
		for t.keys[i] != 0 {
			i = (i + 1) & (len(t.keys) - 1)
		}
		t.keys[i] = k
		copy(t.w[i*n:i*n+n], row)
	}
	return t
}

// slot is the first slot a key is looked for in: the top bits of a
// multiplicative hash, so that every bit of the key counts.
func (t *denseTable) slot(k uint64) int {
	return int((k ^ k>>29) * 0x9e3779b97f4a7c15 >> t.shift)
}

// add adds the weights of feats to scores, in the order of feats.
func (t *denseTable) add(feats []uint64, scores []float32) {
	n := t.n
	scores = scores[:n]
	keys := t.keys
	mask := len(keys) - 1
	for _, k := range feats {
		if k == 0 {
			for j, v := range t.zero {
				scores[j] += v
			}
			continue
		}
		for i := t.slot(k); ; i = (i + 1) & mask {
			kk := keys[i]
			if kk == k {
				ws := t.w[i*n : i*n+n]
				for j, v := range ws {
					scores[j] += v
				}
				break
			}
			if kk == 0 {
				break
			}
		}
	}
}

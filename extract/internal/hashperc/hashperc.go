// Package hashperc is the averaged perceptron of dossier's attribution
// taggers (extract/attrib), kept apart so that another trained tagger or a
// parser can share it: a dense table of weights indexed by the low
// bits of 64-bit feature hashes (the hashing trick: colliding features
// share a row, and training learns around it), one weight per class in
// each row; averaging by the trick of Daumé (each update δ at step c also
// adds c·δ to a sum, and the average is w − sum/c); and a compact,
// deterministic file form that keeps only the rows that are not zero.
package hashperc

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
)

// Scorer adds the weights of features to class scores: a Table while
// training, a Packed table when decoding.
type Scorer interface {
	Add(feats []uint64, scores []float32)
}

// Table holds the weights: 1<<Bits rows of N classes.
type Table struct {
	N    int
	Bits uint
	W    []float32
}

// New returns a zero table of 1<<bits rows of n classes.
func New(n int, bits uint) *Table {
	return &Table{N: n, Bits: bits, W: make([]float32, (1<<bits)*n)}
}

// Row returns the index in W of the first weight of feature h's row.
func (t *Table) Row(h uint64) int { return int(h&(1<<t.Bits-1)) * t.N }

// Add adds the weights of feats to scores (len N).
func (t *Table) Add(feats []uint64, scores []float32) {
	n := t.N
	scores = scores[:n]
	for _, f := range feats {
		r := t.Row(f)
		ws := t.W[r : r+n]
		for k := range scores {
			scores[k] += ws[k]
		}
	}
}

// Trainer updates a table and keeps the sums for averaging.
type Trainer struct {
	T   *Table
	acc []float64
	c   float64
}

// NewTrainer returns a trainer of t.
func NewTrainer(t *Table) *Trainer {
	return &Trainer{T: t, acc: make([]float64, len(t.W)), c: 1}
}

// Update adds delta to the weight of class k in the rows of feats.
func (tr *Trainer) Update(feats []uint64, k int, delta float32) {
	d := float64(delta) * tr.c
	for _, f := range feats {
		i := tr.T.Row(f) + k
		tr.T.W[i] += delta
		tr.acc[i] += d
	}
}

// UpdateAt adds delta to weight i of the table (a row addressed directly,
// such as a transition matrix).
func (tr *Trainer) UpdateAt(i int, delta float32) {
	tr.T.W[i] += delta
	tr.acc[i] += float64(delta) * tr.c
}

// Tick ends one training step (one example).
func (tr *Trainer) Tick() { tr.c++ }

// Average replaces the weights by their average over all steps so far.
func (tr *Trainer) Average() {
	for i := range tr.T.W {
		tr.T.W[i] = float32(float64(tr.T.W[i]) - tr.acc[i]/tr.c)
	}
}

// Averaged returns a copy of the table with the averaged weights, leaving
// the trainer as it is.
func (tr *Trainer) Averaged() *Table {
	t := &Table{N: tr.T.N, Bits: tr.T.Bits, W: make([]float32, len(tr.T.W))}
	for i := range t.W {
		t.W[i] = float32(float64(tr.T.W[i]) - tr.acc[i]/tr.c)
	}
	return t
}

// NonZero returns the number of rows with a weight that is not zero.
func (t *Table) NonZero() int {
	nz := 0
	for r := 0; r < len(t.W); r += t.N {
		for _, w := range t.W[r : r+t.N] {
			if w != 0 {
				nz++
				break
			}
		}
	}
	return nz
}

// Write writes the table: its shape and a scale, then each row that is not
// zero as the gap from the previous one and its weights, quantised to 16
// bits (weight = q × scale, scale = the largest magnitude / 32767).
func (t *Table) Write(w io.Writer) error {
	bw := bufio.NewWriter(w)
	var buf [binary.MaxVarintLen64]byte
	put := func(v uint64) {
		n := binary.PutUvarint(buf[:], v)
		bw.Write(buf[:n])
	}
	put(uint64(t.N))
	put(uint64(t.Bits))
	var top float32
	for _, x := range t.W {
		top = max(top, x, -x)
	}
	scale := top / 32767
	if scale == 0 {
		scale = 1
	}
	binary.LittleEndian.PutUint32(buf[:4], math.Float32bits(scale))
	bw.Write(buf[:4])
	q := func(x float32) int16 { return int16(math.Round(float64(x / scale))) }
	nz := 0
	for r := 0; r < len(t.W); r += t.N {
		for _, x := range t.W[r : r+t.N] {
			if q(x) != 0 {
				nz++
				break
			}
		}
	}
	put(uint64(nz))
	prev := -1
	for r := 0; r < len(t.W)/t.N; r++ {
		ws := t.W[r*t.N : r*t.N+t.N]
		zero := true
		for _, x := range ws {
			if q(x) != 0 {
				zero = false
				break
			}
		}
		if zero {
			continue
		}
		put(uint64(r - prev))
		prev = r
		for _, x := range ws {
			binary.LittleEndian.PutUint16(buf[:2], uint16(q(x)))
			bw.Write(buf[:2])
		}
	}
	return bw.Flush()
}

// maxBits bounds the tables Read accepts (1<<26 rows).
const maxBits = 26

// Read reads a table written by Write.
func Read(r io.ByteReader) (*Table, error) {
	get := func() (uint64, error) { return binary.ReadUvarint(r) }
	n, err := get()
	if err != nil {
		return nil, err
	}
	bits, err := get()
	if err != nil {
		return nil, err
	}
	if n == 0 || n > 1024 || bits > maxBits {
		return nil, fmt.Errorf("bad table shape %d × 2^%d", n, bits)
	}
	t := New(int(n), uint(bits))
	var b [4]byte
	for i := range b {
		if b[i], err = r.ReadByte(); err != nil {
			return nil, err
		}
	}
	scale := math.Float32frombits(binary.LittleEndian.Uint32(b[:]))
	if !(scale > 0) || math.IsInf(float64(scale), 0) {
		return nil, errors.New("bad table scale")
	}
	rows, err := get()
	if err != nil {
		return nil, err
	}
	r0 := -1
	for k := uint64(0); k < rows; k++ {
		gap, err := get()
		if err != nil {
			return nil, err
		}
		r0 += int(gap)
		if gap == 0 || r0 >= 1<<bits {
			return nil, errors.New("bad row index")
		}
		for j := 0; j < int(n); j++ {
			for i := 0; i < 2; i++ {
				if b[i], err = r.ReadByte(); err != nil {
					return nil, err
				}
			}
			t.W[r0*int(n)+j] = float32(int16(binary.LittleEndian.Uint16(b[:2]))) * scale
		}
	}
	return t, nil
}

// Hash is FNV-1a over the bytes of s.
func Hash(s string) uint64 {
	h := uint64(0xcbf29ce484222325)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 0x100000001b3
	}
	return h
}

// Mix combines two hashes into one (a splitmix64 finaliser).
func Mix(a, b uint64) uint64 {
	return fin(a ^ (b + 0x9e3779b97f4a7c15 + (a << 6) + (a >> 2)))
}

// fin is the splitmix64 finaliser.
func fin(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

// F1 is the hash of a feature of template t with one value.
func F1(t int, a uint64) uint64 { return fin(uint64(t)*0x9e3779b97f4a7c15 ^ a) }

// F2 is the hash of a feature of template t with two values: one
// finalisation over odd-multiplier products, cheaper than mixing twice.
func F2(t int, a, b uint64) uint64 {
	return fin(uint64(t)*0x9e3779b97f4a7c15 ^ a ^ b*0xc2b2ae3d27d4eb4f)
}

// F3 is the hash of a feature of template t with three values.
func F3(t int, a, b, c uint64) uint64 {
	return fin(uint64(t)*0x9e3779b97f4a7c15 ^ a ^ b*0xc2b2ae3d27d4eb4f ^ c*0x165667b19e3779f9)
}

// Packed is a read-only table for decoding: 16-bit weights (the values a
// saved table keeps), each row padded to a power of two of classes so that
// a row of up to 32 classes is one aligned 64-byte cache line. It adds a
// row with one memory access where a float table of many classes needs
// several.
type Packed struct {
	N     int
	Bits  uint
	shift uint // log2 of the row stride
	scale float32
	W     []int16
}

// Pack returns the packed form of t, quantised as Write quantises.
func (t *Table) Pack() *Packed {
	shift := uint(0)
	for 1<<shift < t.N {
		shift++
	}
	rows := len(t.W) / t.N
	p := &Packed{N: t.N, Bits: t.Bits, shift: shift, W: make([]int16, rows<<shift)}
	var top float32
	for _, x := range t.W {
		top = max(top, x, -x)
	}
	p.scale = top / 32767
	if p.scale == 0 {
		p.scale = 1
	}
	for r := 0; r < rows; r++ {
		for k, x := range t.W[r*t.N : r*t.N+t.N] {
			p.W[r<<shift+k] = int16(math.Round(float64(x / p.scale)))
		}
	}
	return p
}

// Add adds the weights of feats to scores (len N).
func (p *Packed) Add(feats []uint64, scores []float32) {
	var acc [64]int32
	n := p.N
	if n > len(acc) {
		panic("hashperc: Packed table of more than 64 classes")
	}
	mask := uint64(1)<<p.Bits - 1
	for _, f := range feats {
		r := int(f&mask) << p.shift
		row := p.W[r : r+n]
		for k, w := range row {
			acc[k] += int32(w)
		}
	}
	for k := range scores[:n] {
		scores[k] += float32(acc[k]) * p.scale
	}
}

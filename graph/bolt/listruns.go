package bolt

// The index lists of a bulk build.
//
// Every quad a build stages adds an entry to each of Cayley's two index
// lists (sp, ops), 28 bytes between them, which the build can only write
// once it has them all, in key order. Held in memory, they grew the
// build's heap with the corpus, and the garbage collector worked the
// harder under ingest's heap limit (twice Reuters-21578, 6.6M quads: 53.5
// s at a 400 MiB limit, 37.6 s at 800 MiB). A build therefore holds
// listRunLen entries of each list at most: when that many are collected
// they are sorted and written to a run file in the build's folder, and
// FinishBulk merges the runs as it writes the lists.

import (
	"bufio"
	"encoding/binary"
	"io"
	"slices"
)

// listRunLen is how many entries of each list a build holds before it
// writes them to a run (a variable for tests).
var listRunLen = 1 << 20

// listEntry is an index entry of the build, spEntry or opsEntry: the
// node IDs of its key and the ID of its quad.
type listEntry[E any] interface {
	appendKey(b []byte) []byte
	sameKey(o E) bool
	quad() uint64
	// compare orders entries by key, then quad.
	compare(o E) int
	// encode appends the entry's fixed-size encoding; decode reads one.
	encode(b []byte) []byte
	decode(b []byte) E
	width() int
}

func (e spEntry) appendKey(b []byte) []byte {
	return binary.BigEndian.AppendUint64(binary.BigEndian.AppendUint64(b, uint64(e.s)), uint64(e.p))
}
func (e spEntry) sameKey(o spEntry) bool { return e.s == o.s && e.p == o.p }
func (e spEntry) quad() uint64           { return uint64(e.q) }
func (e spEntry) compare(o spEntry) int {
	return cmpUint32s(e.s, o.s, e.p, o.p, e.q, o.q)
}
func (e spEntry) encode(b []byte) []byte {
	return binary.LittleEndian.AppendUint32(binary.LittleEndian.AppendUint32(binary.LittleEndian.AppendUint32(b, e.s), e.p), e.q)
}
func (spEntry) decode(b []byte) spEntry {
	return spEntry{binary.LittleEndian.Uint32(b), binary.LittleEndian.Uint32(b[4:]), binary.LittleEndian.Uint32(b[8:])}
}
func (spEntry) width() int { return 12 }

func (e opsEntry) appendKey(b []byte) []byte {
	b = binary.BigEndian.AppendUint64(b, uint64(e.o))
	return binary.BigEndian.AppendUint64(binary.BigEndian.AppendUint64(b, uint64(e.p)), uint64(e.s))
}
func (e opsEntry) sameKey(o opsEntry) bool { return e.o == o.o && e.p == o.p && e.s == o.s }
func (e opsEntry) quad() uint64            { return uint64(e.q) }
func (e opsEntry) compare(o opsEntry) int {
	return cmpUint32s(e.o, o.o, e.p, o.p, e.s, o.s, e.q, o.q)
}
func (e opsEntry) encode(b []byte) []byte {
	b = binary.LittleEndian.AppendUint32(binary.LittleEndian.AppendUint32(b, e.o), e.p)
	return binary.LittleEndian.AppendUint32(binary.LittleEndian.AppendUint32(b, e.s), e.q)
}
func (opsEntry) decode(b []byte) opsEntry {
	return opsEntry{binary.LittleEndian.Uint32(b), binary.LittleEndian.Uint32(b[4:]), binary.LittleEndian.Uint32(b[8:]), binary.LittleEndian.Uint32(b[12:])}
}
func (opsEntry) width() int { return 16 }

// cmpUint32s compares pairs of numbers in turn: a, b, then c, d, and so on.
func cmpUint32s(x ...uint32) int {
	for i := 0; i < len(x); i += 2 {
		if x[i] != x[i+1] {
			if x[i] < x[i+1] {
				return -1
			}
			return 1
		}
	}
	return 0
}

// listRuns collects the entries of one index list.
type listRuns[E listEntry[E]] struct {
	buf  []E
	runs runFiles
}

// add collects an entry.
func (x *listRuns[E]) add(e E) error {
	if x.buf == nil {
		x.buf = make([]E, 0, listRunLen)
	}
	x.buf = append(x.buf, e)
	if len(x.buf) >= listRunLen {
		return x.spill()
	}
	return nil
}

// sort sorts the entries in memory.
func (x *listRuns[E]) sort() { slices.SortFunc(x.buf, func(a, b E) int { return a.compare(b) }) }

// spill writes the entries in memory to a new run, sorted.
func (x *listRuns[E]) spill() error {
	x.sort()
	err := x.runs.write(func(w *bufio.Writer) {
		var b []byte
		for _, e := range x.buf {
			b = e.encode(b[:0])
			w.Write(b)
		}
	})
	if err != nil {
		return err
	}
	x.buf = x.buf[:0]
	return nil
}

// merge returns the entries of the runs and those in memory, in order.
func (x *listRuns[E]) merge() (*listMerge[E], error) {
	x.sort()
	m := &listMerge[E]{runMergeOf[*listSource[E]]{
		less: func(a, b *listSource[E]) bool { return a.e.compare(b.e) < 0 },
		next: (*listSource[E]).next,
	}}
	var z E
	err := openRuns(&x.runs, &m.runMergeOf, func(_ int, r *bufio.Reader) *listSource[E] {
		return &listSource[E]{r: r, rec: make([]byte, z.width())}
	})
	if err != nil {
		return nil, err
	}
	if err := m.push(&listSource[E]{mem: x.buf}); err != nil {
		m.close()
		return nil, err
	}
	return m, nil
}

// listSource is a run being merged, or the entries in memory.
type listSource[E listEntry[E]] struct {
	r   *bufio.Reader
	rec []byte
	mem []E
	e   E
}

// next reads the source's next entry; it returns io.EOF at its end.
func (s *listSource[E]) next() error {
	if s.r == nil {
		if len(s.mem) == 0 {
			return io.EOF
		}
		s.e, s.mem = s.mem[0], s.mem[1:]
		return nil
	}
	if _, err := io.ReadFull(s.r, s.rec); err != nil {
		return err // io.EOF at the end; a torn record is io.ErrUnexpectedEOF
	}
	s.e = s.e.decode(s.rec)
	return nil
}

// listMerge merges the sources of a list in entry order.
type listMerge[E listEntry[E]] struct {
	runMergeOf[*listSource[E]]
}

// head returns the least entry left, and false when none is.
func (m *listMerge[E]) head() (E, bool) {
	if len(m.h) == 0 {
		var z E
		return z, false
	}
	return m.h[0].e, true
}

package bolt

// The read index of a bulk build.
//
// Written through bolt, the read index cost a bulk load of Reuters-21578
// about 9.6 s of its 44.5 s on one core: its keys (entity IDs, hashes)
// land at random in 14 buckets, so each transaction searches, splits and
// rewrites pages all over them, and maps hundreds of megabytes of them
// while it does. A bulk build knows that nothing is deleted and that every
// document is new, so it instead collects the entries in memory, sorts
// them when they reach runBytes and writes them to a run file in the
// build's folder; the counters that a transaction would read and update
// (documents per entity, documents, claims, relations) are kept in
// memory. When the build finishes, the runs are merged into the index
// buckets of the store's file, in key order, as the other buckets are
// written. A key put twice keeps its last value, as bolt's Put does.

import (
	"bufio"
	"bytes"
	"cmp"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"

	"github.com/dossier-project/dossier/graph"
	"github.com/dossier-project/dossier/schema"
)

// runBytes is how many bytes of entries a build holds before it writes
// them to a run (a variable for tests).
var runBytes = 32 << 20

// indexRuns collects a bulk build's read-index entries.
type indexRuns struct {
	dir    string
	buf    []byte     // keys and values
	ents   []runEntry // in the order put
	runs   runFiles
	seq    uint64 // the index's entity-record sequence
	entn   map[string]*entityDocs
	counts map[string]int // meta counters
}

// runEntry is an entry held in memory: its bucket's code and where its key
// and value are in buf.
type runEntry struct {
	code       uint8
	off        uint32
	klen, vlen uint32
}

// entityDocs is an entity's document count, the best of its records'
// names (graph.BetterName) and its oldest record's type: its entry in
// bktEntN.
type entityDocs struct {
	n         int
	name, typ string
}

// idxCodes numbers the index buckets in their order in the index's root.
var idxCodes = func() map[string]uint8 {
	names := slices.Clone(idxBuckets)
	slices.SortFunc(names, bytes.Compare)
	m := make(map[string]uint8, len(names))
	for i, n := range names {
		m[string(n)] = uint8(i)
	}
	return m
}()

func newIndexRuns(dir string) *indexRuns {
	return &indexRuns{dir: dir, runs: runFiles{dir: dir, name: "index"}, entn: make(map[string]*entityDocs), counts: make(map[string]int)}
}

// add collects the entries of new documents.
func (x *indexRuns) add(rs []*schema.Result) error {
	for _, r := range rs {
		var err error
		if x.seq, err = addDoc(x, r, x.seq, false); err != nil {
			return fmt.Errorf("index: document %s: %w", r.Document.Hash, err)
		}
	}
	return nil
}

func (x *indexRuns) put(b, k, v []byte) error {
	code, ok := idxCodes[string(b)]
	if !ok || string(b) == string(bktMeta) {
		return fmt.Errorf("index: no bucket %q in a bulk build", b)
	}
	if len(x.buf)+len(k)+len(v) > math.MaxUint32 {
		return errors.New("index: entry too large")
	}
	x.ents = append(x.ents, runEntry{code: code, off: uint32(len(x.buf)), klen: uint32(len(k)), vlen: uint32(len(v))})
	x.buf = append(append(x.buf, k...), v...)
	if len(x.buf) >= runBytes {
		return x.spill()
	}
	return nil
}

func (x *indexRuns) entityDoc(id, name, typ string) error {
	if e := x.entn[id]; e != nil {
		e.n++
		if graph.BetterName(name, e.name) {
			e.name = name
		}
	} else {
		x.entn[id] = &entityDocs{n: 1, name: name, typ: typ}
	}
	return nil
}

func (x *indexRuns) count(key []byte, d int) error {
	x.counts[string(key)] += d
	return nil
}

func (x *indexRuns) key(e runEntry) []byte { return x.buf[e.off : e.off+e.klen] }
func (x *indexRuns) val(e runEntry) []byte {
	return x.buf[e.off+e.klen : e.off+e.klen+e.vlen]
}

// sorted sorts the entries in memory by bucket and key, keeping the order
// they were put in among equal keys.
func (x *indexRuns) sorted() {
	slices.SortStableFunc(x.ents, func(a, b runEntry) int {
		return cmp.Or(cmp.Compare(a.code, b.code), bytes.Compare(x.key(a), x.key(b)))
	})
}

// spill writes the entries in memory to a new run, sorted.
func (x *indexRuns) spill() error {
	x.sorted()
	err := x.runs.write(func(w *bufio.Writer) {
		var hdr []byte
		for _, e := range x.ents {
			hdr = append(hdr[:0], e.code)
			hdr = binary.AppendUvarint(hdr, uint64(e.klen))
			hdr = binary.AppendUvarint(hdr, uint64(e.vlen))
			w.Write(hdr)
			w.Write(x.buf[e.off : e.off+e.klen+e.vlen])
		}
	})
	if err != nil {
		return fmt.Errorf("index: %w", err)
	}
	x.buf, x.ents = x.buf[:0], x.ents[:0]
	return nil
}

// finish adds the per-entity counts to the entries and returns what
// merges all entries in order; meta receives the counters of the meta
// bucket.
func (x *indexRuns) finish(meta func(key []byte, n uint64) error) (*runMerge, error) {
	ids := make([]string, 0, len(x.entn))
	for id := range x.entn {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for _, id := range ids {
		e := x.entn[id]
		v := encoder{b: binary.BigEndian.AppendUint64(nil, uint64(e.n))}
		v.str(e.name)
		v.str(e.typ)
		if err := x.put(bktEntN, []byte(id), v.b); err != nil {
			return nil, err
		}
	}
	// The counters a transaction would have written: none before the
	// first document, the entity count from the first entity on.
	if len(x.entn) > 0 {
		x.counts[string(keyEntities)] = len(x.entn)
	}
	x.entn = nil
	if len(x.counts) > 0 {
		x.counts[string(keySeq)] = int(x.seq)
	}
	for k, n := range x.counts {
		if err := meta([]byte(k), uint64(max(n, 0))); err != nil {
			return nil, err
		}
	}
	x.sorted()
	m := &runMerge{runMergeOf[*runSource]{
		less: func(a, b *runSource) bool {
			return cmp.Or(cmp.Compare(a.code, b.code), bytes.Compare(a.k, b.k), cmp.Compare(a.age, b.age)) < 0
		},
		next: (*runSource).next,
	}}
	err := openRuns(&x.runs, &m.runMergeOf, func(i int, r *bufio.Reader) *runSource { return &runSource{age: i, r: r} })
	if err != nil {
		return nil, fmt.Errorf("index: %w", err)
	}
	if len(x.ents) > 0 {
		if err := m.push(&runSource{age: len(x.runs.paths), mem: x}); err != nil {
			m.close()
			return nil, err
		}
	}
	return m, nil
}

// runSource is a run being merged, or the entries still in memory.
type runSource struct {
	age  int // later sources win among equal keys
	r    *bufio.Reader
	mem  *indexRuns
	i    int
	code uint8
	k, v []byte
}

// next reads the source's next entry; it returns io.EOF at its end.
func (s *runSource) next() error {
	if s.mem != nil {
		if s.i == len(s.mem.ents) {
			return io.EOF
		}
		e := s.mem.ents[s.i]
		s.i++
		s.code, s.k, s.v = e.code, s.mem.key(e), s.mem.val(e)
		return nil
	}
	code, err := s.r.ReadByte()
	if err != nil {
		return err
	}
	kl, err := binary.ReadUvarint(s.r)
	if err != nil {
		return noEOF(err)
	}
	vl, err := binary.ReadUvarint(s.r)
	if err != nil {
		return noEOF(err)
	}
	if kl+vl > math.MaxUint32 {
		return errors.New("damaged run")
	}
	s.code = code
	s.k = slices.Grow(s.k[:0], int(kl))[:kl]
	s.v = slices.Grow(s.v[:0], int(vl))[:vl]
	if _, err := io.ReadFull(s.r, s.k); err != nil {
		return noEOF(err)
	}
	if _, err := io.ReadFull(s.r, s.v); err != nil {
		return noEOF(err)
	}
	return nil
}

// noEOF turns an end of file inside an entry into an error.
func noEOF(err error) error {
	if err == io.EOF {
		return io.ErrUnexpectedEOF
	}
	return err
}

// runMerge merges the runs and the entries in memory in bucket and key
// order, the later source first among equal keys.
type runMerge struct{ runMergeOf[*runSource] }

// bucket passes the entries of the bucket numbered code to put, in key
// order; it must be called for each bucket in order. A key met more than
// once keeps its last value.
func (m *runMerge) bucket(code uint8, put func(k, v []byte) error) error {
	var k, v []byte
	have := false
	for len(m.h) > 0 && m.h[0].code == code {
		s := m.h[0]
		if have && !bytes.Equal(s.k, k) {
			if err := put(k, v); err != nil {
				return err
			}
		}
		k, v, have = append(k[:0], s.k...), append(v[:0], s.v...), true
		if err := m.advance(); err != nil {
			return err
		}
	}
	if have {
		return put(k, v)
	}
	return nil
}

// done reports an error if entries are left: of a bucket not written.
func (m *runMerge) done() error {
	if len(m.h) > 0 {
		return fmt.Errorf("index: entries left in bucket %d", m.h[0].code)
	}
	return nil
}

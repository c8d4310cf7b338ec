package bolt

import (
	"context"
	"encoding/binary"
	"fmt"
	"slices"

	boltdb "github.com/boltdb/bolt"
	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/refs"

	"github.com/dossier-project/dossier/graph"
	"github.com/dossier-project/dossier/schema"
)

// ReadQuads makes st answer reads from its quads even when it has a read
// index, so that tests can compare the two.
func ReadQuads(st *graph.Store, on bool) { st.UseIndex(!on) }

// backend returns the bolt store under st.
func backend(st *graph.Store) *store { return st.Inner().(*store) }

// Indexed reports whether st has a read index.
func Indexed(st *graph.Store) bool { return backend(st).idx != nil }

// IndexOnly writes r's read-index entries, still pending, without its
// quads: what a crash between the two leaves behind.
func IndexOnly(st *graph.Store, r *schema.Result) error {
	return backend(st).idx.add([]*schema.Result{r})
}

// PendingMarks returns how many documents the read index has marked
// pending.
func PendingMarks(st *graph.Store) (int, error) {
	hs, err := backend(st).idx.pending()
	return len(hs), err
}

// QuadsOnly writes r's quads without its read-index entries: what a build
// without the index does to a store that has one.
func QuadsOnly(st *graph.Store, r *schema.Result) error {
	var deltas []cgraph.Delta
	for _, q := range graph.Quads(r) {
		deltas = append(deltas, cgraph.Delta{Quad: q, Action: cgraph.Add})
	}
	return backend(st).qs.ApplyDeltas(deltas, cgraph.IgnoreOpts{IgnoreDup: true})
}

// Crash closes st's files without what Close does first, as a process
// killed after a write would leave them.
func Crash(st *graph.Store) error { return backend(st).qs.Close() }

// UsesKVWriter reports whether st writes through dossier's own writer of
// Cayley's layout (kvwrite.go).
func UsesKVWriter(st *graph.Store) bool {
	_, ok := backend(st).w.(kvWriter)
	return ok
}

// RefCounts returns the reference count that a store written by kvWriter
// keeps for each value.
func RefCounts(st *graph.Store) (map[refs.ValueHash]uint64, error) {
	got := map[refs.ValueHash]uint64{}
	err := backend(st).w.(kvWriter).db.View(func(tx *boltdb.Tx) error {
		return tx.ForEach(func(name []byte, b *boltdb.Bucket) error {
			if len(name) != 3 || name[0] != 'n' {
				return nil
			}
			return b.ForEach(func(k, v []byte) error {
				n, _ := binary.Uvarint(v)
				got[refs.ValueHash(k)] = n
				return nil
			})
		})
	})
	return got, err
}

// PreparedValues returns the values kvWriter would write for r: the
// encoded value under its hash.
func PreparedValues(r *schema.Result) (map[refs.ValueHash][]byte, error) {
	d, err := prepareKV(r)
	if err != nil {
		return nil, err
	}
	out := map[refs.ValueHash][]byte{}
	for _, v := range d.vals {
		out[v.hash] = v.enc
	}
	return out, nil
}

// SetQuadIndexes replaces the quad-index list a store records, as a store
// created with other indexes would have it.
func SetQuadIndexes(st *graph.Store, js string) error {
	return backend(st).w.(kvWriter).db.Update(func(tx *boltdb.Tx) error {
		return tx.Bucket(kvMeta).Put(kvIndexes, []byte(js))
	})
}

// IndexEntries lists every entry of st's read index, bucket by bucket,
// as "bucket/key=value" in hex, leaving out the meta keys named in skip.
func IndexEntries(st *graph.Store, skip ...string) ([]string, error) {
	var out []string
	err := backend(st).idx.db.View(func(tx *boltdb.Tx) error {
		return tx.Bucket(idxRoot).ForEach(func(name, _ []byte) error {
			b := tx.Bucket(idxRoot).Bucket(name)
			out = append(out, fmt.Sprintf("%s seq=%d", name, b.Sequence()))
			return b.ForEach(func(k, v []byte) error {
				if string(name) == string(bktMeta) && slices.Contains(skip, string(k)) {
					return nil
				}
				out = append(out, fmt.Sprintf("%s/%x=%x", name, k, v))
				return nil
			})
		})
	})
	return out, err
}

// SetIndexRunBytes sets how many bytes of read-index entries a bulk build
// holds before it writes a run, and returns a function that restores it.
func SetIndexRunBytes(n int) (restore func()) {
	old := runBytes
	runBytes = n
	return func() { runBytes = old }
}

// SetListRunLen sets how many entries of each index list a bulk build
// holds before it writes a run, and returns a function that restores it.
func SetListRunLen(n int) (restore func()) {
	old := listRunLen
	listRunLen = n
	return func() { listRunLen = old }
}

// SetMaxTxQuads sets the most quads of one document written in one
// transaction, and returns a function that restores it.
func SetMaxTxQuads(n int) func() {
	old := maxTxQuads
	maxTxQuads = n
	return func() { maxTxQuads = old }
}

// WriteChunksOnly writes all but the last chunk of r's quads, as an
// interrupted write of a large document leaves them.
func WriteChunksOnly(st *graph.Store, r *schema.Result) error {
	s := backend(st)
	d, err := prepareKV(r)
	if err != nil {
		return err
	}
	w, ok := s.w.(kvWriter)
	if !ok {
		return fmt.Errorf("store does not write with dossier's writer")
	}
	return w.writeChunks(context.Background(), d)
}

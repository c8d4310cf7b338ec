package bolt

import (
	"bytes"
	"cmp"
	"context"
	"crypto/sha1"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"runtime"
	"slices"
	"sync"
	"time"

	boltdb "github.com/boltdb/bolt"
	"github.com/cayleygraph/cayley/graph/kv"
	cproto "github.com/cayleygraph/cayley/graph/proto"
	"github.com/cayleygraph/cayley/graph/refs"
	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/pquads"
	"google.golang.org/protobuf/proto"

	"github.com/dossier-project/dossier/graph"
	"github.com/dossier-project/dossier/schema"
)

// The bolt writer.
//
// Cayley's ApplyDeltas writes a batch through its generic key-value layer:
// every key is a lookup of its bucket (created if missing) in the root of
// the bolt file, every value and quad a protobuf marshalled by reflection,
// every index list read back before it is extended, and dossier's read
// index goes in a second transaction. On the Reuters-21578 corpus that made
// the single writer the bottleneck of ingest (90 of 100 seconds).
//
// kvWriter writes the same bytes under the same keys (Cayley's layout at
// the pinned commit, graph/kv/indexing.go) directly through bolt:
//
//   - "v" h0 h1 / value hash      -> uvarint node ID
//   - "n" h0 h1 / value hash      -> uvarint reference count
//   - "log" / big-endian ID       -> protobuf Primitive (a node's value, or a quad's four IDs)
//   - "sp" / S P, "ops" / O P S   -> uvarint list of quad IDs, ascending
//   - "meta" / "horizon", "size"  -> little-endian last ID, quad count
//
// Listing, hashing and encoding each document's quads is done before the
// transaction, in parallel: by the ingest workers (Store.Prepare) or by
// WriteBatch itself. The transaction visits each bucket once, in key
// order, and holds dossier's read-index entries too, so a batch is one
// commit and the index can never disagree with the quads it indexes.
//
// Reference counts are the number of stored quads that use a value (Cayley
// also counts the duplicates it skips, so a value of a skipped duplicate
// could never be deleted). Deletes (dossier forget) still go through
// Cayley, which reads this layout as its own. A store whose index list is
// not Cayley's default, or that has no read index, is written through
// Cayley as before.

// Cayley's bucket and key names.
var (
	kvMeta       = []byte("meta")
	kvLog        = []byte("log")
	kvHorizon    = []byte("horizon")
	kvSize       = []byte("size")
	kvIndexes    = []byte("indexes")
	kvIndexSP    = []byte("sp")
	kvIndexOPS   = []byte("ops")
	errKVLayout  = errors.New("store layout is not Cayley's default")
	kvPrepCPUs   = runtime.GOMAXPROCS(0)
	kvFillAppend = 0.95 // bolt's fill for buckets written in key order
)

// kvDoc is one document made ready for the writer: its distinct values,
// hashed and encoded, and its distinct quads as indexes into them.
type kvDoc struct {
	r     *schema.Result
	vals  []kvVal
	quads [][4]int32 // subject, predicate, object, label; -1 for none
}

// kvVal is a value as Cayley stores it.
type kvVal struct {
	hash refs.ValueHash
	enc  []byte // pquads.MarshalValue
}

// prepareKV hashes and encodes one result's quads.
func prepareKV(r *schema.Result) (*kvDoc, error) {
	qs := graph.Quads(r)
	d := &kvDoc{r: r, vals: make([]kvVal, 0, len(qs)), quads: make([][4]int32, 0, len(qs))}
	// Values met before, by value: the label and most subjects recur in
	// every quad of a document, and v.String() allocates.
	at := make(map[quad.Value]int32, len(qs))
	// Values by Cayley's hash, so that each is listed once even when two
	// values have one string form (a typed literal and a number).
	byHash := make(map[refs.ValueHash]int32, len(qs))
	seen := make(map[[4]int32]bool, len(qs))
	for _, q := range qs {
		var k [4]int32
		for i, dir := range quad.Directions {
			v := q.Get(dir)
			if v == nil {
				k[i] = -1
				continue
			}
			j, ok := at[v]
			if !ok {
				// Cayley's value hash is the SHA-1 of the value's string
				// form (quad.HashTo).
				h := refs.ValueHash(sha1.Sum([]byte(v.String())))
				if j, ok = byHash[h]; !ok {
					enc, err := pquads.MarshalValue(v)
					if err != nil {
						return nil, fmt.Errorf("document %s: value %v: %w", r.Document.Hash, v, err)
					}
					j = int32(len(d.vals))
					d.vals = append(d.vals, kvVal{hash: h, enc: enc})
					byHash[h] = j
				}
				at[v] = j
			}
			k[i] = j
		}
		if !seen[k] {
			seen[k] = true
			d.quads = append(d.quads, k)
		}
	}
	return d, nil
}

// Prepare does ahead of WriteBatch the part of writing r that needs
// nothing from the store, and returns how many quads r stores. On bolt
// that part is listing, hashing and encoding r's quads; ingest workers
// call Prepare as they finish each document, in parallel, and WriteBatch
// then finds the work done for the same *schema.Result. A prepared result
// that is never written is dropped when the store closes. Prepare is safe
// for concurrent use.
func (s *store) Prepare(r *schema.Result) (int, error) {
	if m := s.mode.Load(); m != modeKV && m != modeBulk {
		return len(graph.Quads(r)), nil
	}
	d, err := prepareKV(r)
	if err != nil {
		return 0, err
	}
	s.prepared.Store(r, d)
	return len(d.quads), nil
}

// prepareAll returns the prepared form of each of rs: what Prepare left,
// or prepareKV run on every CPU.
func (s *store) prepareAll(rs []*schema.Result) ([]*kvDoc, error) {
	return prepareKVs(rs, &s.prepared)
}

// prepareKVs returns the prepared form of each of rs: what is cached in
// prepared (when not nil), or prepareKV run on every CPU.
func prepareKVs(rs []*schema.Result, prepared *sync.Map) ([]*kvDoc, error) {
	out := make([]*kvDoc, len(rs))
	errs := make([]error, len(rs))
	var todo []int
	for i, r := range rs {
		if prepared == nil {
			todo = append(todo, i)
		} else if d, ok := prepared.LoadAndDelete(r); ok {
			out[i] = d.(*kvDoc)
		} else {
			todo = append(todo, i)
		}
	}
	var wg sync.WaitGroup
	next := make(chan int)
	for range min(kvPrepCPUs, len(todo)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				out[i], errs[i] = prepareKV(rs[i])
			}
		}()
	}
	for _, i := range todo {
		next <- i
	}
	close(next)
	wg.Wait()
	return out, errors.Join(errs...)
}

// kvLayoutOK reports whether the bolt file's quad indexes are Cayley's
// default ones, the layout kvWriter writes.
func kvLayoutOK(db *boltdb.DB) (bool, error) {
	var ok bool
	err := db.View(func(tx *boltdb.Tx) error {
		m := tx.Bucket(kvMeta)
		if m == nil {
			return nil
		}
		v := m.Get(kvIndexes)
		if v == nil {
			return nil
		}
		var got []kv.QuadIndex
		if err := json.Unmarshal(v, &got); err != nil {
			return nil
		}
		ok = reflect.DeepEqual(got, kv.DefaultQuadIndexes) &&
			string(got[0].Key(nil)[0]) == string(kvIndexSP) && string(got[1].Key(nil)[0]) == string(kvIndexOPS)
		return nil
	})
	return ok, err
}

// kvNode is one distinct value of a batch.
type kvNode struct {
	val  *kvVal
	id   uint64
	new  bool
	refs uint64 // quads of the batch that use it
}

// kvQuad is one quad of a batch, by node IDs.
type kvQuad struct {
	id  uint64
	ids [4]uint64 // S, P, O, L; 0 for none
}

// writeKV writes the quads of docs into tx in Cayley's layout and returns
// the store's quad count afterwards. Quads already stored are skipped, as
// Cayley's IgnoreDup does.
func writeKV(tx *boltdb.Tx, docs []*kvDoc) (int64, error) {
	meta := tx.Bucket(kvMeta)
	if meta == nil {
		return 0, errKVLayout
	}
	horizon := uint64(metaInt(meta, kvHorizon))
	base := horizon // IDs above it are this batch's
	size := metaInt(meta, kvSize)

	// The batch's distinct values, in hash order.
	byHash := make(map[refs.ValueHash]int32)
	var nodes []kvNode
	docNode := make([][]int32, len(docs))
	for i, d := range docs {
		m := make([]int32, len(d.vals))
		for j := range d.vals {
			v := &d.vals[j]
			n, ok := byHash[v.hash]
			if !ok {
				n = int32(len(nodes))
				nodes = append(nodes, kvNode{val: v})
				byHash[v.hash] = n
			}
			m[j] = n
		}
		docNode[i] = m
	}
	order := make([]int32, len(nodes))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(a, b int32) int {
		return bytes.Compare(nodes[a].val.hash[:], nodes[b].val.hash[:])
	})

	// Resolve the values already stored; number the new ones, in hash
	// order, as Cayley does.
	vb := bucketCache{tx: tx}
	for _, n := range order {
		nd := &nodes[n]
		b := vb.get('v', nd.val.hash)
		var v []byte
		if b != nil {
			v = b.Get(nd.val.hash[:])
		}
		if len(v) > 0 {
			nd.id, _ = binary.Uvarint(v)
		}
		if nd.id == 0 {
			horizon++
			nd.id, nd.new = horizon, true
		}
	}

	// The batch's new quads, numbered after its new values.
	var quads []kvQuad
	seen := make(map[[4]uint64]bool)
	for i, d := range docs {
		for _, q := range d.quads {
			var kq kvQuad
			fresh := false
			for k, j := range q {
				if j < 0 {
					continue
				}
				nd := &nodes[docNode[i][j]]
				kq.ids[k] = nd.id
				fresh = fresh || nd.new
			}
			if seen[kq.ids] {
				continue
			}
			seen[kq.ids] = true
			if !fresh {
				ok, err := hasQuad(tx, kq.ids)
				if err != nil {
					return 0, err
				}
				if ok {
					continue
				}
			}
			for _, j := range q {
				if j >= 0 {
					nodes[docNode[i][j]].refs++
				}
			}
			quads = append(quads, kq)
		}
	}
	for i := range quads {
		horizon++
		quads[i].id = horizon
	}
	now := time.Now().UnixNano()

	// Values: their IDs, reference counts and log entries.
	var buf []byte
	for _, n := range order {
		nd := &nodes[n]
		if !nd.new {
			continue
		}
		b, err := vb.create('v', nd.val.hash)
		if err != nil {
			return 0, err
		}
		if err := b.Put(nd.val.hash[:], binary.AppendUvarint(nil, nd.id)); err != nil {
			return 0, err
		}
	}
	nb := bucketCache{tx: tx}
	for _, n := range order {
		nd := &nodes[n]
		if nd.refs == 0 {
			continue
		}
		b, err := nb.create('n', nd.val.hash)
		if err != nil {
			return 0, err
		}
		c := nd.refs
		if !nd.new {
			if v := b.Get(nd.val.hash[:]); len(v) > 0 {
				old, _ := binary.Uvarint(v)
				c += old
			}
		}
		if err := b.Put(nd.val.hash[:], binary.AppendUvarint(nil, c)); err != nil {
			return 0, err
		}
	}
	lg, err := tx.CreateBucketIfNotExists(kvLog)
	if err != nil {
		return 0, err
	}
	lg.FillPercent = kvFillAppend
	fresh := make([]int32, 0, len(order))
	for _, n := range order {
		if nodes[n].new {
			fresh = append(fresh, n)
		}
	}
	slices.SortFunc(fresh, func(a, b int32) int { return cmp.Compare(nodes[a].id, nodes[b].id) })
	for _, n := range fresh {
		nd := &nodes[n]
		buf = appendPrimitive(buf[:0], nd.id, [4]uint64{}, now, nd.val.enc, false)
		if err := lg.Put(be64(nd.id), slices.Clone(buf)); err != nil {
			return 0, err
		}
	}
	for _, q := range quads {
		buf = appendPrimitive(buf[:0], q.id, q.ids, now, nil, false)
		if err := lg.Put(be64(q.id), slices.Clone(buf)); err != nil {
			return 0, err
		}
	}

	// Index lists.
	isNew := func(id uint64) bool { return id > base }
	if err := writeIndex(tx, kvIndexSP, quads, []int{0, 1}, isNew); err != nil {
		return 0, err
	}
	if err := writeIndex(tx, kvIndexOPS, quads, []int{2, 1, 0}, isNew); err != nil {
		return 0, err
	}

	size += int64(len(quads))
	if err := meta.Put(kvHorizon, le64(horizon)); err != nil {
		return 0, err
	}
	if err := meta.Put(kvSize, le64(uint64(size))); err != nil {
		return 0, err
	}
	return size, nil
}

// writeIndex appends the IDs of quads to the index bucket name, keyed by
// the node IDs of dirs (positions in kvQuad.ids). A key none of whose
// nodes is new may already hold a list, which is extended.
func writeIndex(tx *boltdb.Tx, name []byte, quads []kvQuad, dirs []int, isNew func(uint64) bool) error {
	b, err := tx.CreateBucketIfNotExists(name)
	if err != nil {
		return err
	}
	type entry struct {
		key []byte
		ids []uint64
		old bool
	}
	at := make(map[string]int, len(quads))
	var ents []entry
	for _, q := range quads {
		key := make([]byte, 0, 8*len(dirs))
		old := true
		for _, d := range dirs {
			key = binary.BigEndian.AppendUint64(key, q.ids[d])
			old = old && !isNew(q.ids[d])
		}
		i, ok := at[string(key)]
		if !ok {
			i = len(ents)
			ents = append(ents, entry{key: key, old: old})
			at[string(key)] = i
		}
		ents[i].ids = append(ents[i].ids, q.id)
	}
	slices.SortFunc(ents, func(a, b entry) int { return bytes.Compare(a.key, b.key) })
	for _, e := range ents {
		var v []byte
		if e.old {
			v = slices.Clone(b.Get(e.key))
		}
		for _, id := range e.ids {
			v = binary.AppendUvarint(v, id)
		}
		if err := b.Put(e.key, v); err != nil {
			return err
		}
	}
	return nil
}

// hasQuad reports whether a quad with these node IDs is stored and not
// deleted, as Cayley's hasPrimitive finds it: the intersection of its two
// index lists, then the log.
func hasQuad(tx *boltdb.Tx, ids [4]uint64) (bool, error) {
	list := func(name []byte, dirs ...int) ([]uint64, error) {
		b := tx.Bucket(name)
		if b == nil {
			return nil, nil
		}
		var key []byte
		for _, d := range dirs {
			key = binary.BigEndian.AppendUint64(key, ids[d])
		}
		v := b.Get(key)
		var out []uint64
		for len(v) > 0 {
			x, n := binary.Uvarint(v)
			if n <= 0 {
				return nil, fmt.Errorf("index %s: corrupt list", name)
			}
			out = append(out, x)
			v = v[n:]
		}
		return out, nil
	}
	sp, err := list(kvIndexSP, 0, 1)
	if err != nil || len(sp) == 0 {
		return false, err
	}
	ops, err := list(kvIndexOPS, 2, 1, 0)
	if err != nil {
		return false, err
	}
	lg := tx.Bucket(kvLog)
	for _, id := range sp {
		if _, ok := slices.BinarySearch(ops, id); !ok || lg == nil {
			continue
		}
		var p cproto.Primitive
		if err := proto.Unmarshal(lg.Get(be64(id)), &p); err != nil {
			return false, fmt.Errorf("log entry %d: %w", id, err)
		}
		if !p.Deleted && p.Subject == ids[0] && p.Predicate == ids[1] && p.Object == ids[2] && p.Label == ids[3] {
			return true, nil
		}
	}
	return false, nil
}

// bucketCache opens Cayley's per-hash-prefix value buckets ("v" or "n"
// and two hash bytes), remembering the last one: values are visited in
// hash order, so consecutive values mostly share it.
type bucketCache struct {
	tx   *boltdb.Tx
	name [3]byte
	b    *boltdb.Bucket
	ok   bool
}

// get returns the bucket for h, or nil when it does not exist.
func (c *bucketCache) get(kind byte, h refs.ValueHash) *boltdb.Bucket {
	name := [3]byte{kind, h[0], h[1]}
	if !c.ok || name != c.name {
		c.name, c.b, c.ok = name, c.tx.Bucket(name[:]), true
	}
	return c.b
}

// create returns the bucket for h, creating it if needed.
func (c *bucketCache) create(kind byte, h refs.ValueHash) (*boltdb.Bucket, error) {
	if b := c.get(kind, h); b != nil {
		return b, nil
	}
	b, err := c.tx.CreateBucket(c.name[:])
	if err != nil {
		return nil, err
	}
	c.b = b
	return b, nil
}

// appendPrimitive appends the protobuf encoding of a Cayley Primitive, as
// proto.Marshal writes it (fields in order, zero values left out).
func appendPrimitive(b []byte, id uint64, ids [4]uint64, ts int64, value []byte, deleted bool) []byte {
	field := func(tag byte, v uint64) {
		if v != 0 {
			b = append(b, tag)
			b = binary.AppendUvarint(b, v)
		}
	}
	field(1<<3, id)
	field(2<<3, ids[0])
	field(3<<3, ids[1])
	field(4<<3, ids[2])
	field(5<<3, ids[3])
	field(7<<3, uint64(ts))
	if len(value) > 0 {
		b = append(b, 8<<3|2)
		b = binary.AppendUvarint(b, uint64(len(value)))
		b = append(b, value...)
	}
	if deleted {
		b = append(b, 9<<3, 1)
	}
	return b
}

func metaInt(b *boltdb.Bucket, key []byte) int64 {
	v := b.Get(key)
	if len(v) != 8 {
		return 0
	}
	return int64(binary.LittleEndian.Uint64(v))
}

func le64(x uint64) []byte { return binary.LittleEndian.AppendUint64(nil, x) }
func be64(x uint64) []byte { return binary.BigEndian.AppendUint64(nil, x) }

// kvWriter is the bolt store's batch writer: quads in Cayley's layout and
// read-index entries, one bolt transaction per batch.
type kvWriter struct {
	s  *store
	db *boltdb.DB
}

func (w kvWriter) writeBatch(ctx context.Context, rs []*schema.Result) (int, error) {
	s := w.s
	// Hashing and encoding need nothing from the store: done before the
	// lock (or earlier, by Prepare).
	docs, err := s.prepareAll(rs)
	if err != nil {
		return 0, fmt.Errorf("store %s: write: %w", s.spec, err)
	}
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	s.h.Lock()
	defer s.h.Unlock()
	// One very large document is written a chunk of its quads at a time,
	// in transactions of their own, before the transaction that writes its
	// last chunk with its index entries (see writeChunks).
	if len(docs) == 1 && len(docs[0].quads) > maxTxQuads {
		if err := w.writeChunks(ctx, docs[0]); err != nil {
			return 0, fmt.Errorf("store %s: write: %w", s.spec, err)
		}
		if err := ctx.Err(); err != nil {
			return 0, err
		}
		docs[0] = lastChunk(docs[0])
	}
	n := 0
	err = w.db.Update(func(tx *boltdb.Tx) error {
		// A document the index knows is stored: index and quads are
		// written in one transaction.
		known := bucket(tx, bktDoc)
		fresh := docs[:0]
		var results []*schema.Result
		for _, d := range docs {
			if known.Get([]byte(d.r.Document.Hash)) == nil {
				fresh = append(fresh, d)
				results = append(results, d.r)
			}
		}
		if len(fresh) == 0 {
			return nil
		}
		size, err := writeKV(tx, fresh)
		if err != nil {
			return err
		}
		if err := s.idx.addTx(tx, results, size); err != nil {
			return err
		}
		n = len(fresh)
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("store %s: write: %w", s.spec, err)
	}
	if n > 0 && s.mapFile != "" {
		releaseMapped(s.mapFile)
	}
	return n, nil
}

// maxTxQuads is the most quads of one document written in one bolt
// transaction. Bolt splits the pages a transaction fills only when it
// commits, so a transaction's inserts cost more the more it holds: one
// document of 838,000 quads took 78 s to write whole, and many documents
// of the same size in batches a few seconds. A variable for tests.
var maxTxQuads = 50000

// writeChunks writes all but the last maxTxQuads quads of a document that
// the index does not know yet, in transactions of maxTxQuads quads each.
// Its last chunk and its index entries follow in one transaction, and only
// then is the document stored: until that commits, a reader of the index
// does not see it, and an interrupted write leaves quads that the same
// document written again finds stored (writeKV skips them, counting each
// value's references once). It stops between chunks when ctx is
// cancelled.
func (w kvWriter) writeChunks(ctx context.Context, d *kvDoc) error {
	var known bool
	if err := w.db.View(func(tx *boltdb.Tx) error {
		known = bucket(tx, bktDoc).Get([]byte(d.r.Document.Hash)) != nil
		return nil
	}); err != nil || known {
		return err
	}
	for a := 0; a+maxTxQuads < len(d.quads); a += maxTxQuads {
		if err := ctx.Err(); err != nil {
			return err // an interrupt stops between chunks
		}
		c := chunk(d, a, a+maxTxQuads)
		if err := w.db.Update(func(tx *boltdb.Tx) error {
			_, err := writeKV(tx, []*kvDoc{c})
			return err
		}); err != nil {
			return err
		}
	}
	return nil
}

// lastChunk is the part of d that writeChunks leaves to the final
// transaction.
func lastChunk(d *kvDoc) *kvDoc {
	last := (len(d.quads) - 1) / maxTxQuads * maxTxQuads
	return chunk(d, last, len(d.quads))
}

// chunk returns the quads d.quads[a:b] as a document of their own, with
// only the values they use.
func chunk(d *kvDoc, a, b int) *kvDoc {
	c := &kvDoc{r: d.r, quads: make([][4]int32, 0, b-a)}
	at := make(map[int32]int32)
	for _, q := range d.quads[a:b] {
		for k, j := range q {
			if j < 0 {
				continue
			}
			n, ok := at[j]
			if !ok {
				n = int32(len(c.vals))
				c.vals = append(c.vals, d.vals[j])
				at[j] = n
			}
			q[k] = n
		}
		c.quads = append(c.quads, q)
	}
	return c
}

package bolt

import (
	"bufio"
	"bytes"
	"context"
	"crypto/rand"
	"encoding/binary"
	"encoding/gob"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"
	"time"

	boltdb "github.com/boltdb/bolt"
	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/refs"

	"github.com/dossier-project/dossier/graph"
	"github.com/dossier-project/dossier/schema"
)

// Bulk loading.
//
// A batch written into a bolt store that already holds a corpus lands at
// random all over Cayley's layout: its values in 131,072 hash-prefix
// buckets, its index entries beside those of every quad that shares an
// object (an offset, a class, an entity). Each batch therefore rewrites
// thousands of pages, and that caps dossier's writer near 50,000 quads/s
// (BENCHMARKS.md). A new store has nothing to land among, so it can be
// built instead: each bucket written once, in key order.
//
// BeginBulk puts an empty bolt store into bulk mode. WriteBatch then
// appends each batch to a journal in the store folder (bulk.journal, one
// frame per batch: its length, a CRC-32C, its quad count and the batch's
// results in gob, synced before WriteBatch returns), and adds it to a
// build of the store in a bolt file of its own (bulk.build/): the log and
// the read index as batches come, the value and index buckets collected
// in memory. Has answers from the journal too. FinishBulk writes those
// buckets in key order, syncs the build, renames it over the store's file
// and removes the journal.
//
// Nothing is half-written at any moment:
//   - killed while staging, the store is still empty and the journal ends
//     with at most one torn frame, which the next open cuts off; the
//     store reopens in bulk mode and the same ingest carries on;
//   - killed while building (the build is never synced before it is
//     finished), the store is still empty: the next open removes the
//     partial build, and the next write builds again from the journal;
//   - killed after the rename, the built store records the journal's ID
//     (keyBulk in the index), so the next open knows the journal is spent
//     and removes it.
//
// While staging, the store's readers see an empty graph, and Forget
// refuses: nothing is stored until FinishBulk.

// File names in the store folder.
const (
	journalFile = "bulk.journal"
	buildDir    = "bulk.build"
	builtFile   = "built.bolt" // in buildDir: the store's file, renamed in when complete
)

var (
	journalMagic = []byte("dossier bulk journal 1\n")
	crcTable     = crc32.MakeTable(crc32.Castagnoli)
	// keyBulk, in the index's meta bucket, is the ID of the journal a
	// store was built from.
	keyBulk = []byte("bulk")

	errBulkSize = errors.New("too many values and quads for one bulk build (IDs beyond 32 bits)")
)

// journal is a bulk load's staging file.
type journal struct {
	path   string
	f      *os.File // open for appending
	id     [16]byte
	hashes map[string]bool // documents staged
	quads  int             // quads staged
	end    int64           // where the complete frames end
	broken error           // set when a failed append could not be undone
	build  *bulkBuild      // made when first needed (Store.bulkBuild)
}

// openJournal finds the store folder's journal: it removes a spent one and
// a partial build, and puts the store in bulk mode when a load is staged.
// The caller has just attached the bolt file.
func (s *store) openJournal(dir string) error {
	path := filepath.Join(dir, journalFile)
	j, err := readJournal(path)
	// The journal is locked from here on: no other process is building.
	// What is in bulk.build is a build killed before its rename.
	if err == nil || errors.Is(err, os.ErrNotExist) {
		_ = os.RemoveAll(filepath.Join(dir, buildDir))
	}
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("store %s: %w", dir, err)
	}
	if built, err := s.builtFrom(); err != nil {
		j.f.Close()
		return fmt.Errorf("store %s: %w", dir, err)
	} else if built == j.id {
		// Built and renamed in; killed before the journal went.
		j.f.Close()
		if err := os.Remove(path); err != nil {
			return fmt.Errorf("store %s: remove spent journal: %w", dir, err)
		}
		return nil
	}
	if empty, err := s.empty(); err != nil || !empty {
		j.f.Close()
		if err == nil {
			err = fmt.Errorf("%s holds a bulk load that this store was not built from, and the store is not empty: move one of them away", journalFile)
		}
		return fmt.Errorf("store %s: %w", dir, err)
	}
	if err := j.adopt(); err != nil {
		j.f.Close()
		return fmt.Errorf("store %s: %s: %w", dir, journalFile, err)
	}
	s.bulk, s.w = j, bulkWriter{s}
	s.mode.Store(modeBulk)
	return nil
}

// builtFrom returns the ID of the journal the store was built from (zero
// when none).
func (s *store) builtFrom() (id [16]byte, err error) {
	if s.idx == nil {
		return id, nil
	}
	err = s.idx.db.View(func(tx *boltdb.Tx) error {
		copy(id[:], bucket(tx, bktMeta).Get(keyBulk))
		return nil
	})
	return id, err
}

// empty reports whether the store holds no quads and no indexed document.
func (s *store) empty() (bool, error) {
	n, err := s.QuadCount(context.Background())
	if err != nil || n > 0 {
		return false, err
	}
	if s.idx == nil {
		return true, nil
	}
	var docs int
	err = s.idx.db.View(func(tx *boltdb.Tx) error {
		docs = count(tx, keyDocs)
		return nil
	})
	return docs == 0, err
}

// BeginBulk puts the store in bulk mode, if it can be bulk loaded: a bolt
// store, written by dossier's own writer, that holds nothing yet. It
// reports whether the store is in bulk mode, which it stays in (across
// Close and Open) until FinishBulk. A store already in bulk mode (a load
// interrupted before it was built) reports true.
func (s *store) BeginBulk() (bool, error) {
	if s.bulk != nil {
		return true, nil
	}
	if _, ok := s.w.(kvWriter); !ok {
		return false, nil
	}
	if empty, err := s.empty(); err != nil || !empty {
		return false, err
	}
	j := &journal{path: filepath.Join(s.spec, journalFile), hashes: make(map[string]bool)}
	if _, err := rand.Read(j.id[:]); err != nil {
		return false, err
	}
	tmp := j.path + ".new"
	f, err := os.OpenFile(tmp, os.O_CREATE|os.O_TRUNC|os.O_WRONLY, 0o644)
	if err != nil {
		return false, fmt.Errorf("store %s: bulk: %w", s.spec, err)
	}
	_, err = f.Write(append(slices.Clone(journalMagic), j.id[:]...))
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, j.path)
	}
	if err == nil {
		err = syncDir(s.spec)
	}
	if err == nil {
		j.f, err = os.OpenFile(j.path, os.O_WRONLY|os.O_APPEND, 0)
	}
	if err == nil {
		if err = lockFile(j.f); err != nil {
			j.f.Close()
		}
	}
	if err != nil {
		os.Remove(tmp)
		return false, fmt.Errorf("store %s: bulk: %w", s.spec, err)
	}
	j.end = int64(len(journalMagic) + len(j.id))
	s.bulk, s.w = j, bulkWriter{s}
	s.mode.Store(modeBulk)
	return true, nil
}

// Bulk reports whether the store is in bulk mode and how many documents
// are staged.
func (s *store) Bulk() (staged int, ok bool) {
	if s.bulk == nil {
		return 0, false
	}
	return len(s.bulk.hashes), true
}

// readJournal opens a journal, locks it (ErrLocked when another process
// holds it), and reads the hashes of the documents it stages and where
// its complete frames end.
func readJournal(path string) (*journal, error) {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return nil, err
	}
	if err := lockFile(f); err != nil {
		f.Close()
		return nil, err
	}
	j := &journal{path: path, f: f, hashes: make(map[string]bool)}
	j.end, err = eachFrame(f, &j.id, func(rs []*schema.Result, quads int) error {
		for _, r := range rs {
			j.hashes[r.Document.Hash] = true
		}
		j.quads += quads
		return nil
	})
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("%s: %w", journalFile, err)
	}
	return j, nil
}

// adopt cuts off what follows the journal's complete frames (a frame torn
// by a crash: its documents are staged again) and readies it for
// appending.
func (j *journal) adopt() error {
	if err := j.f.Truncate(j.end); err != nil {
		return err
	}
	_, err := j.f.Seek(j.end, io.SeekStart)
	return err
}

// eachFrame reads the journal in f from its start: its ID into id, then
// each complete frame's results and quad count, passed to fn. It returns
// the offset where the complete frames end.
func eachFrame(f *os.File, id *[16]byte, fn func(rs []*schema.Result, quads int) error) (int64, error) {
	fi, err := f.Stat()
	if err != nil {
		return 0, err
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return 0, err
	}
	r := bufio.NewReaderSize(f, 1<<20)
	head := make([]byte, len(journalMagic)+len(id))
	if _, err := io.ReadFull(r, head); err != nil || !bytes.Equal(head[:len(journalMagic)], journalMagic) {
		return 0, errors.New("not a dossier bulk journal")
	}
	copy(id[:], head[len(journalMagic):])
	end := int64(len(head))
	var hdr [8]byte
	var buf []byte
	// A frame that does not check out is the torn end of the journal
	// when it runs past the end of the file or nothing but zeros follow
	// (a crash in the middle of an append, or a file whose size reached
	// the disk before its data). Anything else is damage: the frames
	// after it cannot be found, and dropping them would lose documents
	// the journal acknowledged.
	bad := func(what string) (int64, error) {
		if zero, err := zeroFrom(f, end); err != nil || zero {
			return end, err
		}
		return 0, fmt.Errorf("frame at byte %d: %s, and data follows: the journal is damaged", end, what)
	}
	for {
		if _, err := io.ReadFull(r, hdr[:]); err != nil {
			return end, nil // the end, or a header cut short
		}
		n := binary.BigEndian.Uint32(hdr[:4])
		if end+int64(len(hdr))+int64(n) > fi.Size() {
			return end, nil // cut short
		}
		if n == 0 {
			return bad("empty")
		}
		buf = slices.Grow(buf[:0], int(n))[:n]
		if _, err := io.ReadFull(r, buf); err != nil {
			return end, nil
		}
		if crc32.Checksum(buf, crcTable) != binary.BigEndian.Uint32(hdr[4:]) {
			return bad("checksum mismatch")
		}
		quads, k := binary.Uvarint(buf)
		var rs []*schema.Result
		if k <= 0 {
			return bad("no quad count")
		}
		if err := gob.NewDecoder(bytes.NewReader(buf[k:])).Decode(&rs); err != nil {
			return 0, fmt.Errorf("frame at byte %d: %w", end, err)
		}
		if err := fn(rs, int(quads)); err != nil {
			return 0, err
		}
		end += int64(len(hdr)) + int64(n)
	}
}

// append stages a batch of results that store quads quads: one frame,
// synced.
func (j *journal) append(rs []*schema.Result, quads int) error {
	var b bytes.Buffer
	b.Write(make([]byte, 8))
	b.Write(binary.AppendUvarint(nil, uint64(quads)))
	if err := gob.NewEncoder(&b).Encode(rs); err != nil {
		return err
	}
	frame := b.Bytes()
	binary.BigEndian.PutUint32(frame[:4], uint32(len(frame)-8))
	binary.BigEndian.PutUint32(frame[4:8], crc32.Checksum(frame[8:], crcTable))
	if j.broken != nil {
		return j.broken
	}
	_, err := j.f.Write(frame)
	if err == nil {
		err = j.f.Sync()
	}
	if err != nil {
		// Take back what was written of the frame, or the frames
		// appended after it could not be read back.
		if terr := j.f.Truncate(j.end); terr != nil {
			j.broken = fmt.Errorf("a failed append could not be undone (%v): no more batches can be staged", terr)
		} else if _, serr := j.f.Seek(j.end, io.SeekStart); serr != nil {
			j.broken = serr
		}
		return err
	}
	j.end += int64(len(frame))
	return nil
}

// zeroFrom reports whether f holds only zero bytes from offset off on.
func zeroFrom(f *os.File, off int64) (bool, error) {
	buf := make([]byte, 64<<10)
	for {
		n, err := f.ReadAt(buf, off)
		for _, c := range buf[:n] {
			if c != 0 {
				return false, nil
			}
		}
		off += int64(n)
		if err == io.EOF {
			return true, nil
		}
		if err != nil {
			return false, err
		}
	}
}

// bulkWriter stages batches in the journal and adds them to the build.
type bulkWriter struct{ s *store }

func (w bulkWriter) writeBatch(ctx context.Context, rs []*schema.Result) (int, error) {
	s := w.s
	// What Prepare left for documents that turn out to be staged already
	// is dropped; the others' is taken by prepareAll.
	defer func() {
		for _, r := range rs {
			s.prepared.Delete(r)
		}
	}()
	var fresh []*schema.Result
	s.h.RLock()
	for _, r := range rs {
		if s.bulk == nil || !s.bulk.hashes[r.Document.Hash] {
			fresh = append(fresh, r)
		}
	}
	s.h.RUnlock()
	if len(fresh) == 0 {
		return 0, nil
	}
	// What Prepare did in the workers, or done here before the lock.
	docs, err := s.prepareAll(fresh)
	if err != nil {
		return 0, fmt.Errorf("store %s: write: %w", s.spec, err)
	}
	s.h.Lock()
	if s.bulk == nil {
		// Built meanwhile (FinishBulk in another goroutine): written
		// batch by batch now.
		w := s.w
		s.h.Unlock()
		return w.writeBatch(ctx, fresh)
	}
	defer s.h.Unlock()
	keep := docs[:0]
	quads := 0
	for _, d := range docs {
		if !s.bulk.hashes[d.r.Document.Hash] {
			keep = append(keep, d)
			quads += len(d.quads)
		}
	}
	if len(keep) == 0 {
		return 0, nil
	}
	fresh = fresh[:0]
	for _, d := range keep {
		fresh = append(fresh, d.r)
	}
	b, err := s.bulkBuild(ctx)
	if err != nil {
		return 0, err
	}
	if err := s.bulk.append(fresh, quads); err != nil {
		return 0, fmt.Errorf("store %s: bulk: %s: %w", s.spec, journalFile, err)
	}
	for _, r := range fresh {
		s.bulk.hashes[r.Document.Hash] = true
	}
	s.bulk.quads += quads
	if err := b.add(keep); err != nil {
		// The batch is staged; the build is dropped and made again
		// from the journal when next needed.
		s.dropBuild()
		return 0, fmt.Errorf("store %s: bulk build: %w", s.spec, err)
	}
	if s.bulk.quads >= s.bulkQuads {
		// Enough to build: the build's memory grows with what is
		// staged. The rest of the corpus is written batch by batch.
		if err := s.finishBulk(ctx); err != nil {
			return 0, err
		}
	}
	return len(fresh), nil
}

// bulkBuild returns the build of the staged journal, making it (from what
// the journal holds) when there is none: after Open, or after a failure.
// The caller holds s.mu.
func (s *store) bulkBuild(ctx context.Context) (*bulkBuild, error) {
	if s.bulk.build != nil {
		return s.bulk.build, nil
	}
	b, err := newBulkBuild(filepath.Join(s.spec, buildDir), s.bulk.id, s.bulk.quads)
	if err == nil {
		err = readGroups(ctx, s.bulk, func(rs []*schema.Result) error {
			docs, err := prepareKVs(rs, nil)
			if err != nil {
				return err
			}
			return b.add(docs)
		})
		if err != nil {
			b.abandon()
		}
	}
	if err != nil {
		return nil, fmt.Errorf("store %s: bulk build: %w", s.spec, err)
	}
	s.bulk.build = b
	return b, nil
}

// dropBuild abandons the build; the journal stays.
func (s *store) dropBuild() {
	if s.bulk != nil && s.bulk.build != nil {
		s.bulk.build.abandon()
		s.bulk.build = nil
	}
}

// FinishBulk builds the store from the staged journal and leaves bulk
// mode (graph.Store.FinishBulk, which holds the lock).
func (s *store) FinishBulk(ctx context.Context) error { return s.finishBulk(ctx) }

// finishBulk is FinishBulk under the store's lock.
func (s *store) finishBulk(ctx context.Context) error {
	if s.bulk == nil {
		return nil
	}
	if s.h.Abandoned() {
		// A timed-out query may still be reading the file that the
		// build would replace (see Close).
		return fmt.Errorf("store %s: bulk: a query that timed out is still running; run the ingest again to build", s.spec)
	}
	b, err := s.bulkBuild(ctx)
	if err != nil {
		return err
	}
	s.bulk.build = nil // finished or abandoned below
	if err := b.finish(ctx); err != nil {
		b.abandon()
		return fmt.Errorf("store %s: bulk build: %w", s.spec, err)
	}
	// Swap the built file in. From the rename on, the journal is spent:
	// the built store records its ID.
	if s.idx != nil {
		if err := s.idx.flush(); err != nil {
			return fmt.Errorf("store %s: bulk: %w", s.spec, err)
		}
	}
	if err := s.qs.Close(); err != nil {
		return fmt.Errorf("store %s: bulk: %w", s.spec, err)
	}
	// A crash leaves either name durable, and Open handles both, so the
	// folder's sync is a courtesy.
	err = os.Rename(filepath.Join(b.dir, builtFile), filepath.Join(s.spec, boltFile))
	if err == nil {
		_ = syncDir(s.spec)
	}
	aerr := s.attach(s.spec, &graph.Options{})
	if err != nil {
		// The empty store is back, and still in bulk mode.
		os.RemoveAll(b.dir)
		if aerr == nil {
			s.w = bulkWriter{s}
			s.mode.Store(modeBulk)
		}
		return fmt.Errorf("store %s: bulk: %w", s.spec, err)
	}
	// Renamed in: the journal is spent, whether or not the store
	// reopens.
	s.bulk.f.Close()
	s.bulk = nil
	os.Remove(filepath.Join(s.spec, journalFile))
	os.RemoveAll(b.dir)
	if aerr != nil {
		return fmt.Errorf("store %s: bulk: built, but reopening failed: %w", s.spec, aerr)
	}
	if s.mapFile != "" {
		releaseMapped(s.mapFile)
	}
	return nil
}

// syncDir makes a rename in dir durable.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	if err := d.Sync(); err != nil && !errors.Is(err, os.ErrInvalid) {
		return err
	}
	return nil
}

// Building.

// bulkVal is a value of the build: its hash, ID and reference count.
type bulkVal struct {
	hash refs.ValueHash
	id   uint32
	refs uint32
}

// spEntry and opsEntry are index entries of the build: a quad's ID under
// the node IDs of Cayley's two default indexes. IDs are held in 32 bits
// to halve the build's memory; a build that would need more fails.
type (
	spEntry  struct{ s, p, q uint32 }
	opsEntry struct{ o, p, s, q uint32 }
)

// bulkGroup is how many documents the first pass takes at a time (and a
// journal replay reads at a time).
const bulkGroup = 100

// bulkBuild is the store a bulk load builds, in a folder of its own
// (bulk.build/), in two passes. The first runs as batches are staged:
// each group of documents' values and quads go into the log bucket of the
// store's new file (builtFile), written page by page (boltfile.go) and
// numbered in the order met; their read-index entries are collected, and
// written to sorted runs when they grow (indexruns.go), as are the
// index-list entries (listruns.go); and the value table (with each
// value's reference count) is kept in memory. The second pass (finish)
// sorts the values, merges the runs and writes the rest of the file in
// key order: the read index, the metadata copied from a
// bolt store of the build's (indexes.bolt, made as Open makes one), the
// "v", "n", "sp" and "ops" buckets, and the root.
type bulkBuild struct {
	dir, mapped string
	db          *boltdb.DB // the build's bolt store: Cayley's metadata and the read index's meta bucket
	out         *pageFile  // the store's file being written: builtFile
	log         *boltTree  // its log bucket, written as batches come
	prim        []byte     // scratch for a log entry
	key         [8]byte    // and its key
	ix          *indexRuns // the read index's entries
	jid         [16]byte
	at          map[refs.ValueHash]int32 // value -> index in vals
	vals        []bulkVal
	sp          *listRuns[spEntry]
	ops         *listRuns[opsEntry]
	horizon     uint64
	size        int64
	now         int64
	pending     []*kvDoc
}

// newBulkBuild makes a new, empty build in dir (removing what is there),
// for journal jid; quads is how many quads it expects, to size its
// buffers.
func newBulkBuild(dir string, jid [16]byte, quads int) (*bulkBuild, error) {
	if err := os.RemoveAll(dir); err != nil {
		return nil, err
	}
	if err := cgraph.InitQuadStore("bolt", dir, nil); err != nil {
		return nil, err
	}
	file := filepath.Join(dir, boltFile)
	db, err := boltdb.Open(file, 0o644, nil)
	if err != nil {
		return nil, err
	}
	// The build is not the store until it is renamed in: a crash before
	// that throws it away, so its commits need not reach the disk one by
	// one. One sync at the end makes it durable before the rename.
	db.NoSync = true
	b := &bulkBuild{dir: dir, db: db, jid: jid, now: time.Now().UnixNano(),
		// News has about one value to four quads (Reuters-21578:
		// 739,940 values, 3,320,768 quads).
		at:   make(map[refs.ValueHash]int32, quads/4),
		vals: make([]bulkVal, 0, quads/4),
		sp:   &listRuns[spEntry]{runs: runFiles{dir: dir, name: "sp"}},
		ops:  &listRuns[opsEntry]{runs: runFiles{dir: dir, name: "ops"}},
	}
	if abs, err := filepath.Abs(file); err == nil {
		b.mapped, _ = filepath.EvalSymlinks(abs)
	}
	ok, err := kvLayoutOK(db)
	if err == nil && !ok {
		err = errKVLayout
	}
	if err == nil {
		// The read index's buckets and version; its entries come from
		// b.ix.
		var idx *readIndex
		idx, err = openIndex(db, true)
		if err == nil && idx == nil {
			err = errors.New("read index not created")
		}
	}
	if err == nil {
		// The journal it is built from, even if that stages nothing.
		err = db.Update(func(tx *boltdb.Tx) error { return bucket(tx, bktMeta).Put(keyBulk, jid[:]) })
	}
	if err == nil {
		b.out, err = newPageFile(filepath.Join(dir, builtFile), db.Info().PageSize)
	}
	if err != nil {
		b.abandon()
		return nil, err
	}
	b.out.release = func() { releaseMapped(b.mapped) }
	b.ix = newIndexRuns(dir)
	b.log = b.out.newTree()
	return b, nil
}

// abandon closes the build's files and removes them.
func (b *bulkBuild) abandon() {
	b.db.Close()
	if b.out != nil {
		b.out.abandon()
	}
	os.RemoveAll(b.dir)
}

// add adds prepared documents to the build, writing them in groups.
func (b *bulkBuild) add(docs []*kvDoc) error {
	b.pending = append(b.pending, docs...)
	if len(b.pending) < bulkGroup {
		return nil
	}
	return b.flush()
}

// flush writes the pending documents: the first pass.
func (b *bulkBuild) flush() error {
	if len(b.pending) == 0 {
		return nil
	}
	rs := make([]*schema.Result, len(b.pending))
	var err error
	for i, d := range b.pending {
		rs[i] = d.r
		if err = b.addDoc(d); err != nil {
			break
		}
	}
	if err == nil {
		err = b.ix.add(rs)
	}
	clear(b.pending)
	b.pending = b.pending[:0]
	return err
}

// addDoc writes one document's new values and its quads into the log and
// collects its other entries.
func (b *bulkBuild) addDoc(d *kvDoc) error {
	ids := make([]uint64, len(d.vals))
	n := uses(d)
	for i := range d.vals {
		v := &d.vals[i]
		k, ok := b.at[v.hash]
		if !ok {
			if b.horizon++; b.horizon > math.MaxUint32 {
				return errBulkSize
			}
			id := b.horizon
			k = int32(len(b.vals))
			b.vals = append(b.vals, bulkVal{hash: v.hash, id: uint32(id)})
			b.at[v.hash] = k
			b.prim = appendPrimitive(b.prim[:0], id, [4]uint64{}, b.now, v.enc, false)
			if err := b.log.put(binary.BigEndian.AppendUint64(b.key[:0], id), b.prim, 0); err != nil {
				return err
			}
		}
		ids[i] = uint64(b.vals[k].id)
		b.vals[k].refs += n[i]
	}
	for _, q := range d.quads {
		if b.horizon++; b.horizon > math.MaxUint32 {
			return errBulkSize
		}
		id := b.horizon
		var qi [4]uint64
		for k, j := range q {
			if j >= 0 {
				qi[k] = ids[j]
			}
		}
		b.prim = appendPrimitive(b.prim[:0], id, qi, b.now, nil, false)
		if err := b.log.put(binary.BigEndian.AppendUint64(b.key[:0], id), b.prim, 0); err != nil {
			return err
		}
		if err := b.sp.add(spEntry{uint32(qi[0]), uint32(qi[1]), uint32(id)}); err != nil {
			return err
		}
		if err := b.ops.add(opsEntry{uint32(qi[2]), uint32(qi[1]), uint32(qi[0]), uint32(id)}); err != nil {
			return err
		}
	}
	b.size += int64(len(d.quads))
	return nil
}

// finish runs the second pass, which writes the rest of the store's file
// (builtFile) and syncs it; the file is then ready to be renamed in.
func (b *bulkBuild) finish(ctx context.Context) error {
	if err := b.flush(); err != nil {
		return err
	}
	clear(b.at)
	b.at = nil
	vals := b.vals
	b.vals = nil

	// The lists' runs are opened, and what is left of them in memory
	// sorted, on another core while the values are sorted.
	var (
		spM          *listMerge[spEntry]
		opsM         *listMerge[opsEntry]
		spErr, opErr error
	)
	merged := make(chan struct{})
	go func() {
		defer close(merged)
		if opsM, opErr = b.ops.merge(); opErr == nil {
			spM, spErr = b.sp.merge()
		}
	}()
	defer func() {
		<-merged
		if opsM != nil {
			opsM.close()
		}
		if spM != nil {
			spM.close()
		}
	}()

	var merge *runMerge
	defer func() {
		if merge != nil {
			merge.close()
		}
	}()
	err := b.db.Update(func(tx *boltdb.Tx) error {
		meta := tx.Bucket(kvMeta)
		if err := meta.Put(kvHorizon, le64(b.horizon)); err != nil {
			return err
		}
		if err := meta.Put(kvSize, le64(uint64(b.size))); err != nil {
			return err
		}
		im := bucket(tx, bktMeta)
		var err error
		merge, err = b.ix.finish(func(k []byte, n uint64) error { return im.Put(k, binary.BigEndian.AppendUint64(nil, n)) })
		if err != nil || b.size == 0 {
			return err
		}
		return im.Put(keyQuads, binary.BigEndian.AppendUint64(nil, uint64(b.size)))
	})
	if err != nil {
		return err
	}

	// Cayley keeps values in buckets named by kind ('v': the value's ID,
	// 'n': its reference count) and the hash's first two bytes, each
	// bucket keyed by hash.
	slices.SortFunc(vals, func(a, b bulkVal) int { return bytes.Compare(a.hash[:], b.hash[:]) })
	extra := []topBucket{
		{name: idxRoot, merge: func(t *boltTree, src *boltdb.Bucket) error { return writeReadIndex(t, src, merge) }},
		{name: kvLog, tree: b.log},
		{name: kvIndexOPS, write: func(t *boltTree) error {
			if <-merged; opErr != nil {
				return opErr
			}
			return writeList(ctx, t, opsM)
		}},
		{name: kvIndexSP, write: func(t *boltTree) error {
			if <-merged; spErr != nil {
				return spErr
			}
			return writeList(ctx, t, spM)
		}},
	}
	for lo := 0; lo < len(vals); {
		h := vals[lo].hash
		hi := lo + 1
		for hi < len(vals) && vals[hi].hash[0] == h[0] && vals[hi].hash[1] == h[1] {
			hi++
		}
		first, end := lo, hi // lo moves on below
		for _, kind := range []byte{'v', 'n'} {
			extra = append(extra, topBucket{name: []byte{kind, h[0], h[1]}, write: func(t *boltTree) error {
				var buf [binary.MaxVarintLen64]byte
				for k := first; k < end; k++ {
					x := uint64(vals[k].id)
					if kind == 'n' {
						x = uint64(vals[k].refs)
					}
					if err := t.put(vals[k].hash[:], binary.AppendUvarint(buf[:0], x), 0); err != nil {
						return err
					}
				}
				return nil
			}})
		}
		lo = hi
	}
	err = b.out.finish(b.db, extra)
	b.out = nil
	if cerr := b.db.Close(); err == nil {
		err = cerr
	}
	return err
}

// writeReadIndex writes the read index into t: the meta bucket copied from
// src, the build's, and the other buckets from merge.
func writeReadIndex(t *boltTree, src *boltdb.Bucket, merge *runMerge) error {
	if src == nil {
		return errors.New("index: no read index in the build")
	}
	t.seq = src.Sequence()
	names := slices.Clone(idxBuckets)
	slices.SortFunc(names, bytes.Compare)
	for _, name := range names {
		sb := src.Bucket(name)
		if sb == nil {
			return fmt.Errorf("index: no bucket %q in the build", name)
		}
		child := t.bf.newTree()
		child.seq = sb.Sequence()
		var err error
		if string(name) == string(bktMeta) {
			err = copyBucket(child, sb)
		} else if k, _ := sb.Cursor().First(); k != nil {
			err = fmt.Errorf("index: bucket %q written in the build", name)
		} else {
			err = merge.bucket(idxCodes[string(name)], func(k, v []byte) error { return child.put(k, v, 0) })
		}
		if err == nil {
			err = t.putBucket(name, child)
		}
		if err != nil {
			return err
		}
	}
	return merge.done()
}

// uses returns how many of d's quads use each of its values: a value's
// reference count is the number of stored quads that use it, once per
// direction.
func uses(d *kvDoc) []uint32 {
	n := make([]uint32, len(d.vals))
	for _, q := range d.quads {
		for _, j := range q {
			if j >= 0 {
				n[j]++
			}
		}
	}
	return n
}

// writeList writes the index entries of m, in order, into an index
// bucket: one key per run of entries with the same key, its value the
// run's quad IDs as uvarints.
func writeList[E listEntry[E]](ctx context.Context, t *boltTree, m *listMerge[E]) error {
	var key, list []byte
	for n := 0; ; n++ {
		first, ok := m.head()
		if !ok {
			return nil
		}
		if n%100_000 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		key = first.appendKey(key[:0])
		list = list[:0]
		for e, ok := first, true; ok && e.sameKey(first); e, ok = m.head() {
			list = binary.AppendUvarint(list, e.quad())
			if err := m.advance(); err != nil {
				return err
			}
		}
		if err := t.put(key, list, 0); err != nil {
			return err
		}
	}
}

// readGroups reads the journal's documents, each once, and passes them to
// fn in groups of bulkGroup.
func readGroups(ctx context.Context, j *journal, fn func([]*schema.Result) error) error {
	f, err := os.Open(j.path)
	if err != nil {
		return err
	}
	defer f.Close()
	seen := make(map[string]bool)
	var group []*schema.Result
	var id [16]byte
	_, err = eachFrame(f, &id, func(rs []*schema.Result, _ int) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		if id != j.id {
			return errors.New("the journal changed during the build")
		}
		for _, r := range rs {
			if !seen[r.Document.Hash] {
				seen[r.Document.Hash] = true
				group = append(group, r)
			}
		}
		if len(group) < bulkGroup {
			return nil
		}
		err := fn(group)
		group = nil
		return err
	})
	if err == nil && len(group) > 0 {
		err = fn(group)
	}
	return err
}

package bolt

// Writing a bolt file directly.
//
// A bulk build knows every key of the store before it writes any, and can
// hand them over in key order. Bolt's Put cannot use that: each one
// searches the tree from its root, and each commit splits and rewrites
// the nodes it touched. On Reuters-21578 that was about half the store's
// time. A pageFile instead lays out the pages of a new bolt file the way
// bolt itself would have written them, one after the other: leaf pages
// packed in key order as keys come, the branch pages above them when a
// bucket ends, small buckets inline in their parent, and last the root
// bucket, an empty freelist and the two meta pages. The result is an
// ordinary bolt file; bolt's consistency check passes on it (see
// TestBoltFile), and later writes go through bolt as usual.
//
// The layout is bolt v1.3.1's (page.go, bucket.go, db.go in
// github.com/boltdb/bolt), whose structs are read in the machine's byte
// order.

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/fnv"
	"os"
	"slices"

	boltdb "github.com/boltdb/bolt"
)

// Bolt's on-disk constants.
const (
	boltMagic          = 0xED0CDAED
	boltVersion        = 2
	boltPageHeader     = 16 // id, flags, count, overflow
	boltElement        = 16 // a leaf or branch page element
	boltBucketHeader   = 16 // root page, sequence
	boltBranchFlag     = 0x01
	boltLeafFlag       = 0x02
	boltMetaFlag       = 0x04
	boltFreelistFlag   = 0x10
	boltBucketLeafFlag = 0x01
	boltMaxCount       = 0xFFFE // elements a page may hold (bolt's node.write refuses 0xFFFF)
)

// zeros pads pages.
var zeros [4096]byte

// pageFile writes a new bolt file, page by page, in order.
type pageFile struct {
	f        *os.File
	w        *bufio.Writer
	name     string
	pageSize int
	next     uint64 // the next page ID
	page     []byte // scratch for one page (or run of pages)
	err      error
	// release, when set, is called after every releaseEvery pages written
	// (see bulkBuild: it lets go of the mapped pages copied from).
	release    func()
	unreleased int
}

// releaseEvery is how many pages a pageFile writes between calls of its
// release function: 8 MiB of 4 KiB pages. Copying the read index of a
// build's bolt store into the file maps about six times as many of that
// store's pages as it writes (measured on Reuters-21578: 420 MB mapped
// per 64 MB written), the store's pages of a bucket being scattered and
// the kernel mapping their neighbours with them.
const releaseEvery = 2048

// newPageFile creates the file name (replacing what is there), with room
// for its meta and freelist pages, which close writes.
func newPageFile(name string, pageSize int) (*pageFile, error) {
	f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_TRUNC, 0o644) // as bolt creates its files
	if err != nil {
		return nil, err
	}
	bf := &pageFile{f: f, name: name, pageSize: pageSize, next: 3}
	// Pages 0-2 (two metas and the freelist) are written last, in place.
	if _, err := f.Seek(int64(3*pageSize), 0); err != nil {
		f.Close()
		return nil, err
	}
	bf.w = bufio.NewWriterSize(f, 1<<20)
	return bf, nil
}

// writePage writes a page of the given flags holding count elements whose
// bytes (elements and data, after the header) are body; it returns the
// page's ID. A body longer than a page takes as many pages as it needs.
func (bf *pageFile) writePage(flags uint16, count int, body []byte) uint64 {
	if bf.err != nil {
		return 0
	}
	size := boltPageHeader + len(body)
	n := (size + bf.pageSize - 1) / bf.pageSize
	id := bf.next
	bf.next += uint64(n)
	p := bf.page[:0]
	p = binary.NativeEndian.AppendUint64(p, id)
	p = binary.NativeEndian.AppendUint16(p, flags)
	p = binary.NativeEndian.AppendUint16(p, uint16(count))
	p = binary.NativeEndian.AppendUint32(p, uint32(n-1))
	p = append(p, body...)
	for len(p) < n*bf.pageSize {
		p = append(p, zeros[:min(len(zeros), n*bf.pageSize-len(p))]...)
	}
	bf.page = p[:0]
	_, bf.err = bf.w.Write(p)
	if bf.unreleased += n; bf.unreleased >= releaseEvery && bf.release != nil {
		bf.unreleased = 0
		bf.release()
	}
	return id
}

// close writes the root bucket's page ID into the meta pages, with an
// empty freelist, syncs the file and closes it.
func (bf *pageFile) close(root uint64) error {
	defer bf.f.Close()
	if bf.err != nil {
		return bf.err
	}
	if err := bf.w.Flush(); err != nil {
		return err
	}
	head := make([]byte, 3*bf.pageSize)
	for i := range 2 {
		p := head[i*bf.pageSize:]
		binary.NativeEndian.PutUint64(p, uint64(i))
		binary.NativeEndian.PutUint16(p[8:], boltMetaFlag)
		m := p[boltPageHeader:]
		binary.NativeEndian.PutUint32(m[0:], boltMagic)
		binary.NativeEndian.PutUint32(m[4:], boltVersion)
		binary.NativeEndian.PutUint32(m[8:], uint32(bf.pageSize))
		binary.NativeEndian.PutUint64(m[16:], root) // root bucket: page, sequence 0
		binary.NativeEndian.PutUint64(m[32:], 2)    // freelist page
		binary.NativeEndian.PutUint64(m[40:], bf.next)
		binary.NativeEndian.PutUint64(m[48:], uint64(i)) // transaction ID
		h := fnv.New64a()
		h.Write(m[:56])
		binary.NativeEndian.PutUint64(m[56:], h.Sum64())
	}
	fl := head[2*bf.pageSize:]
	binary.NativeEndian.PutUint64(fl, 2)
	binary.NativeEndian.PutUint16(fl[8:], boltFreelistFlag)
	if _, err := bf.f.WriteAt(head, 0); err != nil {
		return err
	}
	if err := bf.f.Sync(); err != nil {
		return err
	}
	return bf.f.Close()
}

// boltTree writes one bucket: its keys, given in ascending order, and the
// buckets nested in it.
type boltTree struct {
	bf       *pageFile
	seq      uint64 // the bucket's sequence
	count    int    // elements on the current page
	elems    []byte // their elements, positions relative to data
	data     []byte // their keys and values
	first    []byte // the current page's first key
	last     []byte // the last key added
	nested   bool   // a bucket was nested in this one
	spilled  bool   // a page has been written
	children []boltChild
}

// boltChild is a written page of the level below: its first key and ID.
type boltChild struct {
	key []byte
	id  uint64
}

// newTree starts a bucket in bf.
func (bf *pageFile) newTree() *boltTree { return &boltTree{bf: bf} }

// size is the current page's size as written.
func (t *boltTree) size() int { return boltPageHeader + len(t.elems) + len(t.data) }

// put adds a key, greater than the last, and its value; flags is
// boltBucketLeafFlag when the value is a nested bucket's header.
func (t *boltTree) put(k, v []byte, flags uint32) error {
	if len(k) == 0 {
		return errors.New("bolt file: empty key")
	}
	if t.last != nil && string(k) <= string(t.last) {
		return fmt.Errorf("bolt file: key %q after %q", k, t.last)
	}
	if t.count > 0 && (t.size()+boltElement+len(k)+len(v) > t.bf.pageSize || t.count == boltMaxCount) {
		t.flush()
	}
	if t.count == 0 {
		t.first = append(t.first[:0], k...)
	}
	// pos is from the element to its key: the elements not yet added
	// come between, and are counted when the page is written.
	t.elems = binary.NativeEndian.AppendUint32(t.elems, flags)
	t.elems = binary.NativeEndian.AppendUint32(t.elems, uint32(len(t.data)))
	t.elems = binary.NativeEndian.AppendUint32(t.elems, uint32(len(k)))
	t.elems = binary.NativeEndian.AppendUint32(t.elems, uint32(len(v)))
	t.data = append(append(t.data, k...), v...)
	t.last = append(t.last[:0], k...)
	t.count++
	if flags&boltBucketLeafFlag != 0 {
		t.nested = true
	}
	return t.bf.err
}

// body returns the current page's elements and data, positions fixed.
func (t *boltTree) body() []byte {
	for i := range t.count {
		e := t.elems[i*boltElement:]
		off := binary.NativeEndian.Uint32(e[4:])
		binary.NativeEndian.PutUint32(e[4:], uint32((t.count-i)*boltElement)+off)
	}
	return append(t.elems, t.data...)
}

// flush writes the current page as a leaf.
func (t *boltTree) flush() {
	id := t.bf.writePage(boltLeafFlag, t.count, t.body())
	t.children = append(t.children, boltChild{key: append([]byte(nil), t.first...), id: id})
	t.spilled = true
	t.count, t.elems, t.data = 0, t.elems[:0], t.data[:0]
}

// finish writes what remains of the bucket and returns its value in the
// parent: a bucket header, followed by the bucket's page when it is small
// enough to be inline, as bolt keeps it.
func (t *boltTree) finish() ([]byte, error) {
	if !t.spilled && !t.nested && t.size() <= t.bf.pageSize/4 {
		v := binary.NativeEndian.AppendUint64(nil, 0)
		v = binary.NativeEndian.AppendUint64(v, t.seq)
		v = append(v, make([]byte, 8)...) // page ID 0
		v = binary.NativeEndian.AppendUint16(v, boltLeafFlag)
		v = binary.NativeEndian.AppendUint16(v, uint16(t.count))
		v = append(v, 0, 0, 0, 0) // no overflow
		return append(v, t.body()...), t.bf.err
	}
	root, err := t.root()
	v := binary.NativeEndian.AppendUint64(nil, root)
	return binary.NativeEndian.AppendUint64(v, t.seq), err
}

// root writes what remains of the bucket as pages and returns the ID of
// its root page.
func (t *boltTree) root() (uint64, error) {
	if t.count > 0 || !t.spilled {
		t.flush()
	}
	level := t.children
	for len(level) > 1 {
		var up []boltChild
		var elems, data []byte
		n := 0
		var first []byte
		write := func() {
			for i := range n {
				e := elems[i*boltElement:]
				off := binary.NativeEndian.Uint32(e)
				binary.NativeEndian.PutUint32(e, uint32((n-i)*boltElement)+off)
			}
			id := t.bf.writePage(boltBranchFlag, n, append(elems, data...))
			up = append(up, boltChild{key: first, id: id})
			elems, data, n = elems[:0], data[:0], 0
		}
		for _, c := range level {
			if n > 0 && (boltPageHeader+len(elems)+len(data)+boltElement+len(c.key) > t.bf.pageSize || n == boltMaxCount) {
				write()
			}
			if n == 0 {
				first = c.key
			}
			elems = binary.NativeEndian.AppendUint32(elems, uint32(len(data)))
			elems = binary.NativeEndian.AppendUint32(elems, uint32(len(c.key)))
			elems = binary.NativeEndian.AppendUint64(elems, c.id)
			data = append(data, c.key...)
			n++
		}
		write()
		level = up
	}
	return level[0].id, t.bf.err
}

// copyBucket adds the keys of b, and the buckets nested in it, to t.
func copyBucket(t *boltTree, b *boltdb.Bucket) error {
	c := b.Cursor()
	for k, v := c.First(); k != nil; k, v = c.Next() {
		if v != nil {
			if err := t.put(k, v, 0); err != nil {
				return err
			}
			continue
		}
		nb := b.Bucket(k)
		if nb == nil {
			return fmt.Errorf("bolt file: %q is neither a key nor a bucket", k)
		}
		child := t.bf.newTree()
		child.seq = nb.Sequence()
		if err := copyBucket(child, nb); err != nil {
			return err
		}
		if err := t.putBucket(k, child); err != nil {
			return err
		}
	}
	return nil
}

// putBucket finishes child and adds it to t as the bucket name.
func (t *boltTree) putBucket(name []byte, child *boltTree) error {
	hdr, err := child.finish()
	if err != nil {
		return err
	}
	return t.put(name, hdr, boltBucketLeafFlag)
}

// topBucket is a bucket of a bolt file's root: its name, and the tree its
// keys were written to, or what writes them, or what writes them from the
// source's bucket of the same name (nil if it has none).
type topBucket struct {
	name  []byte
	tree  *boltTree
	write func(t *boltTree) error
	merge func(t *boltTree, src *boltdb.Bucket) error
}

// finish writes the rest of the file: the buckets of extra, and those of
// src not in extra (a bucket in both must be empty in src), then the
// root, freelist and meta pages. It syncs and closes the file.
func (bf *pageFile) finish(src *boltdb.DB, extra []topBucket) error {
	err := src.View(func(tx *boltdb.Tx) error {
		tops := slices.Clone(extra)
		ours := make(map[string]bool, len(extra))
		for _, e := range extra {
			ours[string(e.name)] = e.merge == nil
		}
		err := tx.ForEach(func(name []byte, b *boltdb.Bucket) error {
			if empty, ok := ours[string(name)]; ok {
				if k, _ := b.Cursor().First(); k != nil && empty {
					return fmt.Errorf("bolt file: bucket %q is written twice", name)
				}
				return nil
			}
			tops = append(tops, topBucket{name: name, write: func(t *boltTree) error {
				t.seq = b.Sequence()
				return copyBucket(t, b)
			}})
			return nil
		})
		if err != nil {
			return err
		}
		slices.SortFunc(tops, func(a, b topBucket) int { return bytes.Compare(a.name, b.name) })
		root := bf.newTree()
		for _, top := range tops {
			t := top.tree
			if t == nil {
				t = bf.newTree()
				var err error
				if top.merge != nil {
					err = top.merge(t, tx.Bucket(top.name))
				} else {
					err = top.write(t)
				}
				if err != nil {
					return err
				}
			}
			if sb := tx.Bucket(top.name); sb != nil && top.merge == nil {
				t.seq = sb.Sequence() // the keys are extra's, the bucket the source's
			}
			if err := root.putBucket(top.name, t); err != nil {
				return err
			}
		}
		id, err := root.root()
		if err != nil {
			return err
		}
		return bf.close(id)
	})
	if err != nil {
		bf.f.Close()
		return fmt.Errorf("%s: %w", bf.name, err)
	}
	return nil
}

// abandon closes the file, which the caller removes.
func (bf *pageFile) abandon() { bf.f.Close() }

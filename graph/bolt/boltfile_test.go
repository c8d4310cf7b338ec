package bolt

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"testing"

	boltdb "github.com/boltdb/bolt"
)

// TestBoltFile checks that a bolt file written page by page holds what
// the bolt file it copies holds, passes bolt's consistency check, and
// takes later writes through bolt as the original does. The source has
// inline and paged buckets, buckets nested three deep, sequences, empty
// buckets, values over a page (overflow pages) and enough keys for three
// levels of branch pages.
func TestBoltFile(t *testing.T) {
	dir := t.TempDir()
	src := openTestBolt(t, filepath.Join(dir, "src.bolt"))
	rnd := rand.New(rand.NewPCG(1, 2))
	val := func(n int) []byte {
		b := make([]byte, n)
		for i := range b {
			b[i] = byte(rnd.IntN(256))
		}
		return b
	}
	err := src.Update(func(tx *boltdb.Tx) error {
		big, err := tx.CreateBucket([]byte("big"))
		if err != nil {
			return err
		}
		for i := range 200_000 {
			if err := big.Put(binary.BigEndian.AppendUint64(nil, uint64(i)*7), val(rnd.IntN(40))); err != nil {
				return err
			}
		}
		for i := range 300 { // many small buckets, inline in the root
			b, err := tx.CreateBucket([]byte{'v', byte(i >> 8), byte(i)})
			if err != nil {
				return err
			}
			for j := range rnd.IntN(12) {
				if err := b.Put(fmt.Appendf(nil, "key%02d", j), val(3)); err != nil {
					return err
				}
			}
		}
		if _, err := tx.CreateBucket([]byte("empty")); err != nil {
			return err
		}
		huge, err := tx.CreateBucket([]byte("huge"))
		if err != nil {
			return err
		}
		huge.SetSequence(42)
		for i, n := range []int{10, 5000, 4090, 4096 - 32, 70_000, 3, 200_000} {
			if err := huge.Put([]byte{byte('a' + i)}, val(n)); err != nil {
				return err
			}
		}
		nest, err := tx.CreateBucket([]byte("nest"))
		if err != nil {
			return err
		}
		for i := range 40 {
			b, err := nest.CreateBucket(fmt.Appendf(nil, "child%02d", i))
			if err != nil {
				return err
			}
			b.SetSequence(uint64(i))
			for j := range i * 50 {
				if err := b.Put(fmt.Appendf(nil, "k%05d", j), val(rnd.IntN(100))); err != nil {
					return err
				}
			}
			if i%5 == 0 {
				g, err := b.CreateBucket([]byte("grandchild"))
				if err != nil {
					return err
				}
				if err := g.Put([]byte("x"), []byte("y")); err != nil {
					return err
				}
			}
			if err := nest.Put(fmt.Appendf(nil, "child%02d.key", i), val(5)); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}

	// "extra" replaces the empty bucket "big2" of the source.
	if err := src.Update(func(tx *boltdb.Tx) error { _, err := tx.CreateBucket([]byte("big2")); return err }); err != nil {
		t.Fatal(err)
	}
	fill := func(put func(k, v []byte) error) error {
		for i := range 50_000 {
			if err := put(binary.BigEndian.AppendUint32(nil, uint32(i)), []byte(strings.Repeat("z", i%300))); err != nil {
				return err
			}
		}
		return nil
	}
	extra := []topBucket{{name: []byte("big2"), write: func(t *boltTree) error {
		return fill(func(k, v []byte) error { return t.put(k, v, 0) })
	}}}
	out := filepath.Join(dir, "out.bolt")
	if err := writeBoltFile(out, src, extra); err != nil {
		t.Fatal(err)
	}
	// The source gets big2's keys through bolt, to compare.
	if err := src.Update(func(tx *boltdb.Tx) error { return fill(tx.Bucket([]byte("big2")).Put) }); err != nil {
		t.Fatal(err)
	}
	dst := openTestBolt(t, out)
	checkBolt(t, dst)
	sameBolt(t, src, dst)

	// Later writes: the same changes to both, through bolt.
	change := func(db *boltdb.DB) error {
		r := rand.New(rand.NewPCG(3, 4))
		return db.Update(func(tx *boltdb.Tx) error {
			big := tx.Bucket([]byte("big"))
			for range 20_000 {
				k := binary.BigEndian.AppendUint64(nil, uint64(r.IntN(200_000*7)))
				if r.IntN(2) == 0 {
					if err := big.Delete(k); err != nil {
						return err
					}
				} else if err := big.Put(k, []byte("new")); err != nil {
					return err
				}
			}
			if err := tx.Bucket([]byte("huge")).Delete([]byte("e")); err != nil {
				return err
			}
			b, err := tx.Bucket([]byte("nest")).CreateBucket([]byte("child99"))
			if err != nil {
				return err
			}
			if err := b.Put([]byte("k"), []byte("v")); err != nil {
				return err
			}
			return tx.DeleteBucket([]byte("v\x00\x07"))
		})
	}
	if err := change(src); err != nil {
		t.Fatal(err)
	}
	if err := change(dst); err != nil {
		t.Fatal(err)
	}
	checkBolt(t, dst)
	sameBolt(t, src, dst)
}

// TestBoltFileOrder checks that keys out of order are refused.
func TestBoltFileOrder(t *testing.T) {
	src := openTestBolt(t, filepath.Join(t.TempDir(), "src.bolt"))
	err := writeBoltFile(filepath.Join(t.TempDir(), "out.bolt"), src, []topBucket{{name: []byte("b"), write: func(t *boltTree) error {
		if err := t.put([]byte("b"), nil, 0); err != nil {
			return err
		}
		return t.put([]byte("a"), nil, 0)
	}}})
	if err == nil || !strings.Contains(err.Error(), `key "a" after "b"`) {
		t.Fatalf("keys out of order: got %v", err)
	}
}

func openTestBolt(t *testing.T, name string) *boltdb.DB {
	t.Helper()
	db, err := boltdb.Open(name, 0o644, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// checkBolt runs bolt's consistency check.
func checkBolt(t *testing.T, db *boltdb.DB) {
	t.Helper()
	err := db.View(func(tx *boltdb.Tx) error {
		for err := range tx.Check() {
			t.Error("bolt check:", err)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// sameBolt checks that two bolt files hold the same buckets, keys,
// values and sequences.
func sameBolt(t *testing.T, a, b *boltdb.DB) {
	t.Helper()
	dump := func(db *boltdb.DB) []string {
		var out []string
		var walk func(path string, bk *boltdb.Bucket)
		walk = func(path string, bk *boltdb.Bucket) {
			out = append(out, fmt.Sprintf("%s seq=%d", path, bk.Sequence()))
			bk.ForEach(func(k, v []byte) error {
				if v == nil {
					walk(fmt.Sprintf("%s/%x", path, k), bk.Bucket(k))
				} else {
					out = append(out, fmt.Sprintf("%s/%x=%x", path, k, v))
				}
				return nil
			})
		}
		db.View(func(tx *boltdb.Tx) error {
			return tx.ForEach(func(name []byte, bk *boltdb.Bucket) error {
				walk(fmt.Sprintf("%x", name), bk)
				return nil
			})
		})
		return out
	}
	da, db := dump(a), dump(b)
	if len(da) != len(db) {
		t.Fatalf("%d entries, want %d", len(db), len(da))
	}
	for i := range da {
		if !bytes.Equal([]byte(da[i]), []byte(db[i])) {
			t.Fatalf("entry %d: %.200s, want %.200s", i, db[i], da[i])
		}
	}
}

// writeBoltFile writes a new bolt file at name: see pageFile.finish.
func writeBoltFile(name string, src *boltdb.DB, extra []topBucket) error {
	bf, err := newPageFile(name, src.Info().PageSize)
	if err != nil {
		return err
	}
	return bf.finish(src, extra)
}

package bolt

import (
	"encoding/binary"
	"fmt"
	"slices"
	"testing"

	boltdb "github.com/boltdb/bolt"
)

// TestIndexRunsMerge checks the merge of a bulk build's read-index runs:
// buckets in order, keys in order within each, and a key put more than
// once (within a run, across runs, and in memory) keeping its last value,
// as bolt's Put would.
func TestIndexRunsMerge(t *testing.T) {
	defer func(n int) { runBytes = n }(runBytes)
	runBytes = 64
	x := newIndexRuns(t.TempDir())
	want := map[string]map[string]string{}
	put := func(b []byte, k, v string) {
		t.Helper()
		if err := x.put(b, []byte(k), []byte(v)); err != nil {
			t.Fatal(err)
		}
		if want[string(b)] == nil {
			want[string(b)] = map[string]string{}
		}
		want[string(b)][k] = v
	}
	for i := range 200 {
		b := [][]byte{bktName, bktDoc, bktTie, bktAbout}[i%4]
		put(b, fmt.Sprintf("key%03d", (i*37)%101), fmt.Sprintf("value %d", i))
		if i%50 == 0 {
			// The same key in each of several runs.
			put(bktDoc, "dup", fmt.Sprintf("dup %d", i))
		}
	}
	put(bktDoc, "dup", "last") // in memory
	put(bktTie, "key001", "first")
	put(bktTie, "key001", "second") // in the same run
	if len(x.runs.paths) < 5 {
		t.Fatalf("%d runs, want several", len(x.runs.paths))
	}
	if err := x.put(bktMeta, []byte("k"), nil); err == nil {
		t.Fatal("a meta entry was collected")
	}
	meta := map[string]uint64{}
	m, err := x.finish(func(k []byte, n uint64) error { meta[string(k)] = n; return nil })
	if err != nil {
		t.Fatal(err)
	}
	defer m.close()
	names := slices.Clone(idxBuckets)
	slices.SortFunc(names, func(a, b []byte) int { return slices.Compare(a, b) })
	for _, name := range names {
		var keys []string
		got := map[string]string{}
		err := m.bucket(idxCodes[string(name)], func(k, v []byte) error {
			keys = append(keys, string(k))
			got[string(k)] = string(v)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if !slices.IsSorted(keys) || len(keys) != len(got) {
			t.Errorf("%s: keys out of order or repeated: %q", name, keys)
		}
		w := want[string(name)]
		if len(got) != len(w) {
			t.Errorf("%s: %d keys, want %d", name, len(got), len(w))
		}
		for k, v := range w {
			if got[k] != v {
				t.Errorf("%s/%s = %q, want %q", name, k, got[k], v)
			}
		}
	}
	if err := m.done(); err != nil {
		t.Fatal(err)
	}
}

// TestIndexRunsLastWins puts one key many times among others, all in
// memory: the sort must keep the order they were put in, so that the last
// value wins.
func TestIndexRunsLastWins(t *testing.T) {
	x := newIndexRuns(t.TempDir())
	for i := range 200 {
		k := fmt.Sprintf("other%03d", (i*7)%200)
		if i%2 == 0 {
			k = "same"
		}
		if err := x.put(bktClaim, []byte(k), fmt.Appendf(nil, "v%d", i)); err != nil {
			t.Fatal(err)
		}
	}
	m, err := x.finish(func([]byte, uint64) error { return nil })
	if err != nil {
		t.Fatal(err)
	}
	defer m.close()
	var got string
	err = m.bucket(idxCodes[string(bktClaim)], func(k, v []byte) error {
		if string(k) == "same" {
			got = string(v)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if got != "v198" {
		t.Fatalf("same = %q, want the last value put, v198", got)
	}
}

// TestIndexRunsCounters checks that a bulk build's counters and
// per-entity records are what addDocs writes through a transaction: an
// entity keeps the name and type of the first document that mentions it.
func TestIndexRunsCounters(t *testing.T) {
	calls := func(w indexWriter) error {
		for _, c := range []struct{ id, name, typ string }{
			{"e1", "Alpha", "ORG"}, {"e2", "Beta", "PER"}, {"e1", "Alpha Inc", "GPE"}, {"e1", "A", "ORG"},
		} {
			if err := w.entityDoc(c.id, c.name, c.typ); err != nil {
				return err
			}
		}
		for _, c := range []struct {
			key []byte
			d   int
		}{{keyDocs, 1}, {keyClaims, 3}, {keyRelations, 0}, {keyDocs, 1}, {keyClaims, 0}, {keyRelations, 2}} {
			if err := w.count(c.key, c.d); err != nil {
				return err
			}
		}
		return nil
	}
	db := openTestBolt(t, t.TempDir()+"/idx.bolt")
	if _, err := openIndex(db, true); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{}
	err := db.Update(func(tx *boltdb.Tx) error {
		if err := calls(txIndex{tx}); err != nil {
			return err
		}
		for _, b := range [][]byte{bktEntN, bktMeta} {
			bucket(tx, b).ForEach(func(k, v []byte) error {
				want[string(b)+"/"+string(k)] = fmt.Sprintf("%x", v)
				return nil
			})
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	delete(want, string(bktMeta)+"/"+string(keyVersion))

	x := newIndexRuns(t.TempDir())
	if err := calls(x); err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	m, err := x.finish(func(k []byte, n uint64) error {
		got[string(bktMeta)+"/"+string(k)] = fmt.Sprintf("%x", binary.BigEndian.AppendUint64(nil, n))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	defer m.close()
	err = m.bucket(idxCodes[string(bktEntN)], func(k, v []byte) error {
		got[string(bktEntN)+"/"+string(k)] = fmt.Sprintf("%x", v)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	delete(got, string(bktMeta)+"/"+string(keySeq)) // addDocs writes it, not these calls
	if len(got) != len(want) {
		t.Errorf("%d entries, want %d:\n got %v\nwant %v", len(got), len(want), got, want)
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s = %s, want %s", k, got[k], v)
		}
	}
}

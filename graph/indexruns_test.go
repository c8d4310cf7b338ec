package graph

import (
	"fmt"
	"slices"
	"testing"
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
	if len(x.runs) < 5 {
		t.Fatalf("%d runs, want several", len(x.runs))
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

package graph

import (
	cgraph "github.com/cayleygraph/cayley/graph"

	"github.com/dossier-project/dossier/schema"
)

// ReadQuads makes st answer reads from its quads even when it has a read
// index, so that tests can compare the two.
func ReadQuads(st *Store, on bool) {
	st.noIndex = on
	st.ties.reset()
}

// Indexed reports whether st has a read index.
func Indexed(st *Store) bool { return st.idx != nil }

// IndexOnly writes r's read-index entries, still pending, without its
// quads: what a crash between the two leaves behind.
func IndexOnly(st *Store, r *schema.Result) error { return st.idx.add([]*schema.Result{r}) }

// PendingMarks returns how many documents the read index has marked
// pending.
func PendingMarks(st *Store) (int, error) {
	hs, err := st.idx.pending()
	return len(hs), err
}

// QuadsOnly writes r's quads without its read-index entries: what a build
// without the index does to a store that has one.
func QuadsOnly(st *Store, r *schema.Result) error {
	var deltas []cgraph.Delta
	for _, q := range Quads(r) {
		deltas = append(deltas, cgraph.Delta{Quad: q, Action: cgraph.Add})
	}
	return st.qs.ApplyDeltas(deltas, cgraph.IgnoreOpts{IgnoreDup: true})
}

// Crash closes st's files without what Close does first, as a process
// killed after a write would leave them.
func Crash(st *Store) error { return st.qs.Close() }

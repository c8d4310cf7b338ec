package graph

import "github.com/dossier-project/dossier/schema"

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

package postgres

import (
	"strings"
	"testing"

	"github.com/lib/pq"
)

func TestDocLockKey(t *testing.T) {
	h := strings.Repeat("ab", 32)
	if docLockKey(h) != docLockKey(h) || docLockKey(h) == docLockKey(strings.Repeat("cd", 32)) {
		t.Error("lock keys: not a function of the hash")
	}
	// Not hex: still a key, not a panic.
	if docLockKey("xyz") == docLockKey("xyw") {
		t.Error("non-hex hashes share a key")
	}
}

// appendRow writes COPY's text format as lib/pq's CopyIn does: the
// escapes, NULL, bytea in hex, arrays through their driver values.
func TestAppendRow(t *testing.T) {
	got, err := appendRow(nil, []any{"a\tb\nc\\d\re", nil, []byte{0, 0xab, '\t'}, int64(-7), 3, true, 2.5,
		strArray([]string{"x y", `q"uote`}), pq.Int64Array{1, 2}})
	if err != nil {
		t.Fatal(err)
	}
	want := `a\tb\nc\\d\re` + "\t" + `\N` + "\t" + `\\x00ab09` + "\t-7\t3\ttrue\t2.5\t" + `{"x y","q\\"uote"}` + "\t{1,2}\n"
	if string(got) != want {
		t.Errorf("row:\n got %q\nwant %q", got, want)
	}
	if _, err := appendRow(nil, []any{struct{}{}}); err == nil {
		t.Error("a value COPY cannot take was encoded")
	}
}

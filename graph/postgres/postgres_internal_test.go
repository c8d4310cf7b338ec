package postgres

import (
	"strings"
	"testing"
)

func TestPlaceholders(t *testing.T) {
	if got := placeholders(2, 3, "now()"); got != "($1, $2, $3, now()), ($4, $5, $6, now())" {
		t.Errorf("placeholders: %s", got)
	}
	if got := placeholders(1, 2, ""); got != "($1, $2)" {
		t.Errorf("placeholders: %s", got)
	}
}

// Rows are split so that no statement has more than 65,535 parameters,
// and every row is in exactly one statement.
func TestChunks(t *testing.T) {
	for _, tc := range []struct{ n, width int }{{0, 4}, {1, 12}, {16383, 4}, {16384, 4}, {40000, 4}, {5462, 12}} {
		next := 0
		err := chunks(tc.n, tc.width, func(lo, hi int) error {
			if lo != next || hi <= lo || (hi-lo)*tc.width > pgMaxParams {
				t.Errorf("n=%d width=%d: chunk [%d,%d) after %d", tc.n, tc.width, lo, hi, next)
			}
			next = hi
			return nil
		})
		if err != nil || next != tc.n {
			t.Errorf("n=%d width=%d: covered %d rows, %v", tc.n, tc.width, next, err)
		}
	}
}

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

package postgres

import (
	"strings"
	"testing"
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

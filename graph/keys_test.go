package graph

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestKeyName(t *testing.T) {
	if got := KeyName("Kaspersky Lab"); got != "Kaspersky Lab" {
		t.Errorf("short name changed: %q", got)
	}
	// Two-byte characters put byte MaxKeyName inside one when the name
	// starts with an odd number of one-byte characters.
	long := "x" + strings.Repeat("é", MaxKeyName)
	got := KeyName(long)
	if len(got) > MaxKeyName || !utf8.ValidString(got) || !strings.HasPrefix(long, got) || len(got) < MaxKeyName-1 {
		t.Errorf("KeyName of %d bytes: %d bytes, valid %v", len(long), len(got), utf8.ValidString(got))
	}
}

package cli

import (
	"strings"
	"testing"

	"github.com/dossier-project/dossier/schema"
)

// TestStanceFlags fails when a stance is missing from the help or the
// error of a --stance flag.
func TestStanceFlags(t *testing.T) {
	for _, cmd := range []string{"claims", "export"} {
		help, _, code := run(t, "", cmd, "--help")
		if code != 0 {
			t.Fatalf("%s --help: exit %d", cmd, code)
		}
		_, stderr, code := run(t, "", cmd, "--format", "graphml", "--stance", "shout")
		if cmd == "claims" {
			_, stderr, code = run(t, "", cmd, "--stance", "shout")
		}
		if code != ExitUsage {
			t.Errorf("%s --stance shout: exit %d, want %d", cmd, code, ExitUsage)
		}
		for _, s := range schema.Stances {
			if !strings.Contains(help, string(s)) {
				t.Errorf("%s --help does not name stance %q", cmd, s)
			}
			if !strings.Contains(stderr, string(s)) {
				t.Errorf("%s --stance shout does not name stance %q: %s", cmd, s, stderr)
			}
		}
	}
	// A new stance is accepted (no store here: the error is about that).
	_, stderr, _ := run(t, "", "--store", t.TempDir()+"/none.db", "claims", "--stance", "promise")
	if strings.Contains(stderr, "--stance") {
		t.Errorf("--stance promise refused: %s", stderr)
	}
}

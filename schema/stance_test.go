package schema

import (
	"os"
	"strings"
	"testing"
)

// TestStancesDocumented fails when a stance is missing from the README's
// description of extract --json, or from StanceList.
func TestStancesDocumented(t *testing.T) {
	b, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	readme := string(b)
	i := strings.Index(readme, "- `stance` is one of")
	if i < 0 {
		t.Fatal("README.md has no line describing the stances")
	}
	line := readme[i:]
	if j := strings.Index(line, "\n- "); j > 0 {
		line = line[:j]
	}
	list := StanceList()
	for _, s := range Stances {
		if !strings.Contains(line, "`"+string(s)+"`") {
			t.Errorf("stance %q missing from README.md: %q", s, line)
		}
		if !strings.Contains(list, string(s)) {
			t.Errorf("stance %q missing from StanceList", s)
		}
		if !s.Valid() {
			t.Errorf("%q not valid", s)
		}
	}
	if Stance("shout").Valid() {
		t.Error("unknown stance valid")
	}
}

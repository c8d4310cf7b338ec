package extract

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dossier-project/dossier/schema"
)

func TestCorrections(t *testing.T) {
	path := filepath.Join(t.TempDir(), "corrections.yaml")
	if err := os.WriteFile(path, []byte(`
merge:
  "Mr Blair": "Tony Blair"
  "Labour": "New Labour Movement"
split:
  - "Mr Howard"
kind:
  "Liberal Democrats": NGO
type:
  "Folkestone": Organization
never:
  - "Ian McCartney"
`), 0o644); err != nil {
		t.Fatal(err)
	}
	corr, err := ReadCorrections(path)
	if err != nil {
		t.Fatal(err)
	}
	x, err := New(Options{Corrections: corr})
	if err != nil {
		t.Fatal(err)
	}
	res := extractText(t, x, ukPolitics1)
	byName := map[string]*schema.Entity{}
	for i := range res.Entities {
		byName[res.Entities[i].Name] = &res.Entities[i]
	}
	if e := byName["Tony Blair"]; e == nil || len(e.Merges) == 0 || e.Merges[0].Rule != "correction" || e.Merges[0].Confidence != 1 {
		t.Errorf("merge Mr Blair: %+v", e)
	}
	if e := byName["New Labour Movement"]; e == nil || e.ID != "org/new-labour-movement" || byName["Labour Party"] != nil && contains(byName["Labour Party"].Aliases, "Labour") {
		t.Errorf("merge Labour: %+v", e)
	}
	if e := byName["Michael Howard"]; e == nil || contains(e.Aliases, "Mr Howard") {
		t.Errorf("split Mr Howard: %+v", e)
	}
	if e := byName["Mr Howard"]; e == nil || !strings.HasPrefix(e.ID, "per/mr-howard@") {
		t.Errorf("Mr Howard on his own: %+v", e)
	}
	if e := byName["Liberal Democrats"]; e == nil || e.Kind != schema.KindNGO || e.KindReason != "correction" {
		t.Errorf("kind: %+v", e)
	}
	if e := byName["Folkestone"]; e == nil || e.Type != schema.Organization {
		t.Errorf("type: %+v", e)
	}
	if byName["Ian McCartney"] != nil {
		t.Errorf("never: Ian McCartney is an entity")
	}
	// Without corrections, the same text gives the rules' answers.
	res = extractText(t, newExtractor(t), ukPolitics1)
	if e := mentionEntity(res, "Ian McCartney"); e == nil {
		t.Errorf("Ian McCartney missing without corrections")
	}
	for _, bad := range []string{"kind:\n  BBC: broadcaster\n", "type:\n  X: Thing\n", "merge:\n  X: \"\"\n", "nonsense: 1\n", "merge: [\n"} {
		p := filepath.Join(t.TempDir(), "bad.yaml")
		if err := os.WriteFile(p, []byte(bad), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := ReadCorrections(p); err == nil || !strings.Contains(err.Error(), p) {
			t.Errorf("%q: error %v, want one naming the file", bad, err)
		}
	}
	if _, err := ReadCorrections(filepath.Join(t.TempDir(), "none.yaml")); err == nil {
		t.Error("missing file accepted")
	}
}

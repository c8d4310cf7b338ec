package extract

import (
	"testing"

	"github.com/dossier-project/dossier/schema"
)

// TestTagType checks that the tagger's types and the schema's map onto
// each other, and that what the tagger has no type for is MISC.
func TestTagType(t *testing.T) {
	for _, typ := range []string{schema.Person, schema.Organization, schema.Place} {
		if back := typeOfTag(TagType(typ)); back != typ {
			t.Errorf("typeOfTag(TagType(%q)) = %q", typ, back)
		}
	}
	if got := TagType(schema.Nationality); got != "MISC" {
		t.Errorf("TagType(%q) = %q, want MISC", schema.Nationality, got)
	}
}

package extract

import (
	"strings"

	"github.com/dossier-project/dossier/extract/ner"
)

// givenNameSex and honorificSex: see ner.GivenNameSex and ner.HonorificSex.
func givenNameSex(name string) byte { return ner.GivenNameSex(name) }

func honorificSex(t string) byte { return ner.HonorificSex(t) }

// sexConflict reports whether a titled short form ("Mrs Howard") cannot
// name the person of a group: the group's given name or another honorific
// of it says the other sex (Mrs Howard is not Michael Howard, nor the "Mr
// Howard" of the same article).
func sexConflict(m *mention, gr *grp) bool {
	want := mentionSex(m)
	if want == 0 {
		return false
	}
	if w := strings.Fields(gr.name); len(w) > 1 {
		if s := givenNameSex(w[0]); s != 0 && s != want {
			return true
		}
	}
	return gr.sex != 0 && gr.sex != want
}

// mentionSex is the sex the title before a mention says, or 0.
func mentionSex(m *mention) byte { return honorificSex(m.title) }

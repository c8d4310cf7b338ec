package extract

import (
	_ "embed"
	"strings"
	"sync"
)

//go:embed firstnames.tsv
var firstNamesTSV string

var (
	sexOnce sync.Once
	sexOf   map[string]byte // lower-case given name -> 'M' or 'F'
)

// givenNameSex returns 'M' or 'F' for a given name that is listed with one
// sex only, and 0 otherwise.
func givenNameSex(name string) byte {
	sexOnce.Do(func() {
		sexOf = make(map[string]byte, 8000)
		for _, line := range strings.Split(firstNamesTSV, "\n") {
			n, s, ok := strings.Cut(line, "\t")
			if ok && !strings.HasPrefix(n, "#") && s != "" {
				sexOf[strings.ToLower(n)] = s[0]
			}
		}
	})
	return sexOf[strings.ToLower(name)]
}

// honorificSex returns 'M' or 'F' for an honorific that says it ("Mrs",
// "Sir") and 0 for one that does not ("Dr", "President").
func honorificSex(t string) byte {
	switch strings.ToLower(strings.TrimSuffix(t, ".")) {
	case "mr", "sir", "lord", "baron", "king", "prince", "earl", "duke", "father", "brother":
		return 'M'
	case "mrs", "ms", "miss", "madam", "madame", "lady", "dame", "baroness", "queen", "princess", "countess",
		"duchess", "sister":
		return 'F'
	}
	return 0
}

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

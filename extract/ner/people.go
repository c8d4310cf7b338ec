package ner

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

// GivenNameSex returns 'M' or 'F' for a given name that the embedded list
// (firstnames.tsv: Moby Word II's given names, public domain) holds with one
// sex only, and 0 otherwise ("Tony" is listed with both).
func GivenNameSex(name string) byte {
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

// HonorificSex returns 'M' or 'F' for an honorific that says it ("Mrs",
// "Sir") and 0 for one that does not ("Dr", "President").
func HonorificSex(t string) byte {
	switch strings.ToLower(strings.TrimSuffix(t, ".")) {
	case "mr", "sir", "lord", "baron", "king", "prince", "earl", "duke", "father", "brother":
		return 'M'
	case "mrs", "ms", "miss", "madam", "madame", "lady", "dame", "baroness", "queen", "princess", "countess",
		"duchess", "sister":
		return 'F'
	}
	return 0
}

// SexHonorifics are the honorifics HonorificSex knows, as newswire writes
// them before a surname.
var SexHonorifics = []string{"Mr", "Mrs", "Ms", "Miss", "Sir", "Lord", "Lady", "Dame", "Baroness", "Baron"}

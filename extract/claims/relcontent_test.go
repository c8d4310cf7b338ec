package claims

import (
	"testing"

	"github.com/dossier-project/dossier/schema"
)

// TestRelativeClauseContentEnd: the content of a cue in a relative clause
// set off by commas ends at the comma that closes the clause ("Kuwait,
// which has consistently denied quota violations, was estimated ..."),
// but not at a comma that closes a subordinate clause inside the content.
func TestRelativeClauseContentEnd(t *testing.T) {
	kuwait := [3]string{"Kuwait", schema.Place, schema.KindCountry}
	spiegel := [3]string{"Der Spiegel", schema.Organization, schema.KindMedia}
	tests := []struct {
		name, text, cue, want string
		ents                  [][3]string
	}{
		{"relative closed by a comma", "Kuwait, which has consistently denied quota violations, was estimated to be pumping 1.4 mln bpd in February.",
			"has consistently denied", "quota violations", [][3]string{kuwait}},
		{"comma of a subordinate clause", "Officials did not comment on the report in Der Spiegel, which said that because Poehl is a member of the party, Kohl had not taken the decision lightly.",
			"said", "because Poehl is a member of the party, Kohl had not taken the decision lightly", [][3]string{spiegel}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, cs := allegationsOf(tc.text, tc.ents...)
			got := "<no claim>"
			for _, c := range cs {
				if c.Cue.Text == tc.cue {
					got = c.Content.Text
				}
			}
			if got != tc.want {
				t.Errorf("content of %q = %q, want %q", tc.cue, got, tc.want)
			}
		})
	}
}

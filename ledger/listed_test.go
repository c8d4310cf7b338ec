package ledger

import (
	"slices"
	"testing"
)

func TestListed(t *testing.T) {
	for _, tc := range []struct {
		content, target string
		others          []string
		want            []int
	}{
		{"Kuwait and the United Arab Emirates, along with the much smaller producer Ecuador, among those producing above quota",
			"Ecuador", []string{"Kuwait", "United Arab Emirates", "OPEC"}, []int{0, 1}},
		{"Zentor, Vortex Corp and Acme rigged the bids", "Acme", []string{"Zentor", "Vortex Corp"}, []int{0, 1}},
		// A party named by its place in the one before it ("Coastal and
		// its chairman, Oscar S. Wyatt Jr, unlawfully interfered").
		{"Zentor Inc and its chairman, Carl Brandt, rigged the bids", "Zentor Inc", []string{"Carl Brandt"}, []int{0}},
		{"Zentor Inc and its chairman Carl Brandt rigged the bids", "Carl Brandt", []string{"Zentor Inc"}, []int{0}},
		{"Zentor Inc and its chairman said Carl Brandt rigged the bids", "Carl Brandt", []string{"Zentor Inc"}, nil},
		{"Zentor and Vortex were charged with fraud", "Vortex", []string{"Zentor"}, []int{0}},
		// An apposition, a partner after "with", a victim: not listed.
		{"Kuwait, OPEC's fourth producer, was pumping above its quota", "Kuwait", []string{"OPEC"}, nil},
		{"Zentor exchanged inside information with Vortex", "Zentor", []string{"Vortex"}, nil},
		{"Zentor defrauded Vortex and Acme", "Zentor", []string{"Vortex", "Acme"}, nil},
		{"the pact was broken", "Japan", []string{"United States"}, nil},
		{"Greek drilling broke the accord on talks between Ankara and Athens", "Ankara", []string{"Athens"}, nil},
		{"fraud charges against Zentor and Vortex", "Zentor", []string{"Vortex"}, []int{0}},
	} {
		if got := Listed(tc.content, tc.target, tc.others); !slices.Equal(got, tc.want) {
			t.Errorf("Listed(%q, %q) = %v, want %v", tc.content, tc.target, got, tc.want)
		}
	}
}

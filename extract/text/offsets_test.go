package text

import (
	"slices"
	"testing"
)

func TestCodePoints(t *testing.T) {
	// "é" and "€" take 2 and 3 bytes.
	got := CodePoints("aé€b")
	want := []int{0, 1, 0, 2, 0, 0, 3, 4}
	if !slices.Equal(got, want) {
		t.Errorf("CodePoints = %v, want %v", got, want)
	}
	if got := CodePoints(""); !slices.Equal(got, []int{0}) {
		t.Errorf("CodePoints(\"\") = %v", got)
	}
}

package text

import "testing"

func TestParagraphBreak(t *testing.T) {
	for _, c := range []struct {
		ws   string
		want bool
	}{
		{" ", false}, {"\n", false}, {" \r\n  ", false},
		{"\n\n", true}, {"\n \t\u00a0\r\n", true}, {"\n\n\n", true},
	} {
		if got := ParagraphBreak([]rune(c.ws)); got != c.want {
			t.Errorf("ParagraphBreak(%q) = %v, want %v", c.ws, got, c.want)
		}
	}
}

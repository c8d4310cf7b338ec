package prosener

import "testing"

func TestRecognizeOffsets(t *testing.T) {
	s := "Mr Kaspersky denies his business helped the Russian Federal Security Service (FSB) steal malware from O'Reilly."
	ents, err := Recognize(s)
	if err != nil {
		t.Fatal(err)
	}
	runes := []rune(s)
	found := map[string]bool{}
	for _, e := range ents {
		if string(runes[e.Start:e.End]) != e.Text {
			t.Errorf("entity %q at [%d,%d) is %q", e.Text, e.Start, e.End, string(runes[e.Start:e.End]))
		}
		found[e.Text] = true
	}
	if len(ents) == 0 {
		t.Fatalf("prose found nothing in %q", s)
	}
}

func TestRecognizeSurvivesBadInput(t *testing.T) {
	for _, s := range []string{"", "\xff\xfe's", "...........", "\x00\x01"} {
		if _, err := Recognize(s); err != nil {
			t.Logf("%q: %v (an error, not a panic)", s, err)
		}
	}
}

package gold

import (
	"strings"
	"testing"
)

func TestScoreSentences(t *testing.T) {
	g, err := ReadSentences(strings.NewReader(`{"sentences": [
		{"line": 1, "id": "a", "allegations": [{"claimant": "Amnesty International", "target": "the United States"}]},
		{"line": 2, "id": "b", "allegations": [{"claimant": "police", "target": "Irish guerrillas"}]},
		{"line": 3, "id": "c", "answers": [{"stance": "deny", "claimant": "a special court", "target": "Papandreou"}]}]}`))
	if err != nil {
		t.Fatal(err)
	}
	sys := [][]SentenceClaim{
		{{Stance: "allege", Claimant: []string{"Amnesty"}, Target: []string{"United States", "US"}}},
		{{Stance: "allege", Claimant: []string{"police"}, Target: []string{"Britain"}}},
		{{Stance: "say"}},
		{{Stance: "deny", Claimant: []string{"Yemen"}}, {Stance: "allege"}},
	}
	s := ScoreSentences(g, sys)
	want := SentenceScore{Sentences: 4, AllegSys: 3, AllegRight: 2, AllegGold: 2, AllegFound: 2,
		ClaimantRight: 2, TargetGold: 2, TargetRight: 1, BothRight: 1, DenySys: 1, DenyGold: 1}
	if s != want {
		t.Errorf("score\n got  %+v\n want %+v", s, want)
	}
	for _, bad := range []string{`{"sentences": [{"line": 0, "id": "a"}]}`, `{"sentences": [{"line": 1, "id": "a", "answers": [{"stance": "say"}]}]}`} {
		if _, err := ReadSentences(strings.NewReader(bad)); err == nil {
			t.Errorf("%s: no error", bad)
		}
	}
}

func TestNamesMatch(t *testing.T) {
	for _, tc := range []struct {
		gold string
		sys  []string
		want bool
	}{
		{"Israeli", []string{"Israel"}, true},
		{"the U.N. war crimes court", []string{"UN"}, false},
		{"the US government", []string{"US"}, true},
		{"Human Rights Watch", []string{"HRW", "Human Rights Watch (HWR)"}, true},
		{"police sources", []string{"sources"}, false},
	} {
		if got := NamesMatch(tc.gold, tc.sys); got != tc.want {
			t.Errorf("NamesMatch(%q, %q) = %v", tc.gold, tc.sys, got)
		}
	}
}

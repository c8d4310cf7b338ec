package ledger

import (
	"strings"
	"testing"
)

// TestConcedes: an acknowledgement that names no wrong answers the
// allegation against its claimant, or one it speaks for, in the
// allegation's rare words; from a third party, or in other words, it
// answers nothing.
func TestConcedes(t *testing.T) {
	nm := Names(func(id string) string {
		return map[string]string{"org/boeing-co": "Boeing Co", "org/boeing-company": "The Boeing Company", "org/team": "Transport Ministry", "org/jal": "Japan Air Lines"}[id]
	})
	alleg := &Prop{Key: "a", Doc: "d1", Claimant: "org/team", Target: "org/boeing-co", Content: "faulty repairs by Boeing Co caused the worst single plane crash in history"}
	tests := []struct {
		name string
		ans  *Prop
		link bool
		why  string
	}{
		{"the accused concedes in the allegation's words", &Prop{Key: "b", Doc: "d2", Claimant: "org/boeing-co", Concedes: true, Content: "the 1978 repairs it had carried out were faulty"}, true, "the accused, answers"},
		{"the accused under another legal form", &Prop{Key: "b", Doc: "d2", Claimant: "org/boeing-company", Concedes: true, Content: "the 1978 repairs it had undertaken were faulty"}, true, "the accused (Boeing Co), answers"},
		{"a third party concedes", &Prop{Key: "b", Doc: "d1", Claimant: "org/jal", About: []string{"org/boeing-co"}, Concedes: true, Content: "faulty repairs by Boeing caused the crash"}, false, ""},
		{"the accused concedes something else", &Prop{Key: "b", Doc: "d1", Claimant: "org/boeing-co", Concedes: true, Content: "its deliveries this year have fallen"}, false, ""},
		{"its side concedes", &Prop{Key: "b", Doc: "d1", Claimant: "per/x", SpeaksFor: []string{"org/boeing-co"}, Concedes: true, Content: "the repairs were faulty"}, true, "answers for Boeing Co"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s, why := Answers(alleg, tc.ans, nm)
			if (s >= MinAnswer) != tc.link || !strings.Contains(why, tc.why) {
				t.Errorf("score %.2f (%s), want link %v with %q", s, why, tc.link, tc.why)
			}
		})
	}
}

func TestSameName(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want bool
	}{
		{"The Boeing Company", "Boeing Co", true},
		{"Texaco Inc", "Texaco", true},
		{"Times Co", "Times", false}, // a common word is no name
		{"Boeing Co", "Boeing Commercial Airplane Co", false},
	} {
		if got := SameName(tc.a, tc.b); got != tc.want {
			t.Errorf("SameName(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
	}
}

func TestConcession(t *testing.T) {
	for _, tc := range []struct {
		cue, content string
		want         bool
	}{
		{"conceded", "the danger of chemical residues has increased", true},
		{"agreed", "Saudi Arabia will act as swing producer", false},
		{"acknowledged", "output would fall", false},
	} {
		if got := Concession(tc.cue, tc.content); got != tc.want {
			t.Errorf("Concession(%q, %q) = %v, want %v", tc.cue, tc.content, got, tc.want)
		}
	}
}

// TestBuildPublished: an answer made before an allegation it answers
// ("Boeing issued a statement on September 6, 1985") links to it across
// articles when its own article was published after the allegation; an
// answer published before the allegation does not.
func TestBuildPublished(t *testing.T) {
	nm := Names(func(id string) string {
		return map[string]string{"org/boeing-co": "Boeing Co", "org/team": "Transport Ministry"}[id]
	})
	for _, tc := range []struct {
		published string
		want      int
	}{{"1987-06-19", 1}, {"1987-03-01", 0}} {
		alleg := &Prop{Key: "a", Doc: "d1", Date: "1987-04-10", Claimant: "org/team", Target: "org/boeing-co", Content: "faulty repairs by Boeing Co caused the worst single plane crash in history"}
		ans := &Prop{Key: "b", Doc: "d2", Date: "1985-09-06", Published: tc.published, Claimant: "org/boeing-co", Stance: "acknowledge", Concedes: true, Content: "the 1978 repairs it had carried out were faulty"}
		got := 0
		for _, th := range Build([]*Prop{alleg}, []*Prop{ans}, nil, nm) {
			got += len(th.Answers)
		}
		if got != tc.want {
			t.Errorf("published %s: %d links, want %d", tc.published, got, tc.want)
		}
	}
}

// TestDefenceAndRestatement: in its own article a defence by the accused's
// side answers an allegation that shares one word with what it defends,
// and an explicit denial whose words are nearly all the allegation's
// restates it; neither holds across articles or from a stranger.
func TestDefenceAndRestatement(t *testing.T) {
	nm := Names(func(id string) string {
		return map[string]string{"loc/us": "United States", "org/house": "House", "org/congress": "Congress", "per/houston": "Donald Houston", "org/texaco": "Texaco"}[id]
	})
	inspection := &Prop{Key: "a", Doc: "d1", Target: "loc/us", Content: "The U.S. meat and poultry inspection programs are incapable of protecting consumers from contaminated products"}
	bill := &Prop{Key: "a", Doc: "d1", Target: "org/congress", Content: "the trade bill before Congress contributed to the fall in stock prices on Wall Street"}
	tests := []struct {
		name  string
		alleg *Prop
		ans   *Prop
		link  bool
	}{
		{"the accused's side defends", inspection, &Prop{Key: "b", Doc: "d1", Claimant: "per/houston", SpeaksFor: []string{"loc/us"}, Defends: true, Content: "the government's program"}, true},
		{"the same words, no defence", inspection, &Prop{Key: "b", Doc: "d1", Claimant: "per/houston", SpeaksFor: []string{"loc/us"}, Content: "the government's program"}, false},
		{"a defence in another article", inspection, &Prop{Key: "b", Doc: "d2", Claimant: "per/houston", SpeaksFor: []string{"loc/us"}, Defends: true, Content: "the government's program"}, false},
		{"a stranger defends", inspection, &Prop{Key: "b", Doc: "d1", Claimant: "org/texaco", Defends: true, Content: "the government's program"}, false},
		{"a headline restates the act", bill, &Prop{Key: "b", Doc: "d1", Claimant: "org/house", Explicit: true, Content: "TRADE BILL HURT STOCKS"}, true},
		{"the same headline in another article", bill, &Prop{Key: "b", Doc: "d2", Claimant: "org/house", Explicit: true, Content: "TRADE BILL HURT STOCKS"}, false},
		{"half its words", bill, &Prop{Key: "b", Doc: "d1", Claimant: "org/house", Explicit: true, Content: "TRADE BILL WILL NOT SLOW IMPORTS OF CARS"}, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := *tc.alleg
			s, why := Answers(&a, tc.ans, nm)
			if (s >= MinAnswer) != tc.link {
				t.Errorf("score %.2f (%s), want link %v", s, why, tc.link)
			}
		})
	}
}

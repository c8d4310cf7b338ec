package gold

import (
	"slices"
	"strings"
	"testing"
)

func TestLedgerOnly(t *testing.T) {
	g, err := ReadLedger(strings.NewReader(`{"corpus": "c.jsonl",
		"clusters": [{"id": "a", "split": "dev", "docs": [{"id": "d1", "sha256": "x"}]},
		             {"id": "b", "split": "dev", "docs": [{"id": "d2", "sha256": "y"}]}],
		"threads": [{"id": "ta", "cluster": "a", "target": ["A"], "act": "lied"},
		            {"id": "tb", "cluster": "b", "target": ["B"], "act": "cheated"}],
		"allegations": [{"doc": "d1", "start": 0, "end": 4, "thread": "ta"},
		                {"doc": "d2", "start": 0, "end": 4, "thread": "tb"}],
		"answers": [{"doc": "d2", "start": 5, "end": 9, "stance": "deny", "answers": ["tb"]}]}`))
	if err != nil {
		t.Fatal(err)
	}
	b, err := g.Only([]string{"b"})
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Clusters) != 1 || b.Clusters[0].ID != "b" || len(b.Threads) != 1 || b.Threads[0].ID != "tb" ||
		len(b.Allegations) != 1 || b.Allegations[0].Doc != "d2" || len(b.Answers) != 1 || b.Corpus != "c.jsonl" {
		t.Errorf("cluster b alone: %+v", b)
	}
	if _, err := g.Only([]string{"b", "z"}); err == nil || !strings.Contains(err.Error(), `"z"`) || !strings.Contains(err.Error(), "a, b") {
		t.Errorf("an unknown cluster: %v", err)
	}
}

func TestLedgerThreadsAt(t *testing.T) {
	g, err := ReadLedger(strings.NewReader(`{"corpus": "c.jsonl",
		"clusters": [{"id": "a", "split": "dev", "docs": [{"id": "d1", "sha256": "x"}]}],
		"threads": [{"id": "ta", "cluster": "a", "target": ["A"], "act": "lied"},
		            {"id": "tb", "cluster": "a", "target": ["A"], "act": "cheated"}],
		"allegations": [{"doc": "d1", "start": 0, "end": 10, "thread": "ta"},
		                {"doc": "d1", "start": 0, "end": 10, "thread": "tb"},
		                {"doc": "d1", "start": 5, "end": 8, "thread": "ta"},
		                {"doc": "d1", "start": 20, "end": 30, "thread": "tb"}]}`))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		doc        string
		start, end int
		want       string
	}{
		{"d1", 0, 12, "ta,tb"}, // each thread once, in the gold's order
		{"d1", 25, 40, "tb"},
		{"d1", 12, 20, ""}, // touching a span's end is no overlap
		{"d2", 0, 10, ""},
	} {
		if got := strings.Join(g.ThreadsAt(tc.doc, tc.start, tc.end), ","); got != tc.want {
			t.Errorf("ThreadsAt(%s, %d, %d) = %q, want %q", tc.doc, tc.start, tc.end, got, tc.want)
		}
	}
}

func TestMergeLedgers(t *testing.T) {
	read := func(s string) *Ledger {
		t.Helper()
		g, err := ReadLedger(strings.NewReader(s))
		if err != nil {
			t.Fatal(err)
		}
		return g
	}
	a := read(`{"corpus": "c.jsonl",
		"clusters": [{"id": "a", "split": "dev", "docs": [{"id": "d1", "sha256": "x"}]}],
		"threads": [{"id": "ta", "cluster": "a", "target": ["A"], "act": "lied"}],
		"allegations": [{"doc": "d1", "start": 0, "end": 4, "thread": "ta"}]}`)
	b := read(`{"corpus": "c.jsonl",
		"clusters": [{"id": "b", "split": "test", "docs": [{"id": "d2", "sha256": "y"}]}],
		"threads": [{"id": "tb", "cluster": "b", "target": ["B"], "act": "cheated"}],
		"allegations": [{"doc": "d2", "start": 0, "end": 4, "thread": "tb"}],
		"answers": [{"doc": "d2", "start": 5, "end": 9, "stance": "deny", "answers": ["tb"]}]}`)
	m, err := MergeLedgers([]string{"a.json", "b.json"}, []*Ledger{a, b})
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Clusters) != 2 || len(m.Threads) != 2 || len(m.Allegations) != 2 || len(m.Answers) != 1 ||
		m.Corpus != "c.jsonl" || strings.Join(m.Splits(), ",") != "dev,test" {
		t.Errorf("merged: %+v", m)
	}
	// The same document in two files, a thread ID used twice, another corpus: each is an error that names the files.
	again := read(`{"corpus": "c.jsonl",
		"clusters": [{"id": "c", "split": "dev", "docs": [{"id": "d1", "sha256": "x"}]}],
		"threads": [{"id": "tc", "cluster": "c", "target": ["A"], "act": "lied"}],
		"allegations": [{"doc": "d1", "start": 0, "end": 4, "thread": "tc"}]}`)
	if _, err := MergeLedgers([]string{"a.json", "c.json"}, []*Ledger{a, again}); err == nil || !strings.Contains(err.Error(), `c.json: document "d1" is in a.json`) {
		t.Errorf("a document in two files: %v", err)
	}
	thread := read(`{"clusters": [{"id": "d", "split": "dev", "docs": [{"id": "d3", "sha256": "z"}]}],
		"threads": [{"id": "ta", "cluster": "d", "target": ["A"], "act": "lied"}],
		"allegations": [{"doc": "d3", "start": 0, "end": 4, "thread": "ta"}]}`)
	if _, err := MergeLedgers([]string{"a.json", "d.json"}, []*Ledger{a, thread}); err == nil || !strings.Contains(err.Error(), `d.json: thread "ta" is in a.json`) {
		t.Errorf("a thread in two files: %v", err)
	}
	other := read(`{"corpus": "other.jsonl", "clusters": [{"id": "e", "split": "dev", "docs": [{"id": "d4", "sha256": "z"}]}]}`)
	if _, err := MergeLedgers([]string{"a.json", "e.json"}, []*Ledger{a, other}); err == nil || !strings.Contains(err.Error(), `e.json: corpus "other.jsonl"`) {
		t.Errorf("another corpus: %v", err)
	}
}

// TestUnlinkedWhy: a gold answer found but linked to nothing it answers
// is counted by where the system found an allegation of its thread: in
// its article, only in another, or nowhere; and whether it is linked to
// something else. A linked or unfound answer is in none of them.
func TestUnlinkedWhy(t *testing.T) {
	g, err := ReadLedger(strings.NewReader(`{"corpus": "c.jsonl",
		"clusters": [{"id": "a", "split": "dev", "docs": [{"id": "d1", "sha256": "x"}, {"id": "d2", "sha256": "y"}]}],
		"threads": [{"id": "ta", "cluster": "a", "target": ["A"], "act": "lied"},
		            {"id": "tb", "cluster": "a", "target": ["B"], "act": "cheated"},
		            {"id": "tc", "cluster": "a", "target": ["C"], "act": "stole"}],
		"allegations": [{"doc": "d1", "start": 0, "end": 10, "thread": "ta"},
		                {"doc": "d2", "start": 0, "end": 10, "thread": "tb"},
		                {"doc": "d1", "start": 100, "end": 110, "thread": "tc"}],
		"answers": [{"doc": "d1", "start": 20, "end": 30, "stance": "deny", "answers": ["ta"]},
		            {"doc": "d1", "start": 40, "end": 50, "stance": "deny", "answers": ["tb"]},
		            {"doc": "d1", "start": 60, "end": 70, "stance": "deny", "answers": ["tc"]},
		            {"doc": "d1", "start": 80, "end": 90, "stance": "deny", "answers": ["ta"]},
		            {"doc": "d2", "start": 20, "end": 30, "stance": "deny", "answers": ["ta"]},
		            {"doc": "d2", "start": 40, "end": 50, "stance": "deny", "answers": ["tb"]}]}`))
	if err != nil {
		t.Fatal(err)
	}
	claim := func(doc string, start int, stance string) SysClaim {
		return SysClaim{Doc: doc, Start: start, End: start + 10, Stance: stance}
	}
	sys := &LedgerSystem{
		Claims: map[string]SysClaim{
			"A": claim("d1", 0, "allege"), "B": claim("d2", 0, "allege"),
			"x1": claim("d1", 20, "deny"), "x2": claim("d1", 40, "deny"), "x3": claim("d1", 60, "deny"),
			"x4": claim("d1", 80, "deny"), "x5": claim("d2", 20, "deny"),
		},
		Allegations: []string{"A", "B"},
		Answers:     []string{"x1", "x2", "x3", "x4", "x5"}, // d2's second answer is not found
		Links:       []SysLink{{From: "x4", To: "B"}, {From: "x5", To: "A"}},
	}
	sc := ScoreLedger(g, sys, "")
	if sc.AnsFound != 5 || sc.AnsLinked != 1 {
		t.Fatalf("found %d, linked %d; want 5, 1", sc.AnsFound, sc.AnsLinked)
	}
	got := []int{sc.UnlinkedInDoc, sc.UnlinkedOtherDocs, sc.UnlinkedNoThread, sc.UnlinkedLinkedWrong}
	if want := []int{2, 1, 1, 1}; !slices.Equal(got, want) {
		t.Errorf("unlinked in its article, only in others, nowhere, linked to something else = %v, want %v", got, want)
	}
	causes := strings.Join(sc.Errors, "\n")
	for _, want := range []string{"d1 20-30 (deny by ) to ta [its thread found in its article]", "d1 40-50 (deny by ) to tb [its thread found only in other articles]",
		"d1 60-70 (deny by ) to tc [its thread not found]", "d2 40-50 (deny by ) to tb [not found as a claim]"} {
		if !strings.Contains(causes, want) {
			t.Errorf("errors lack %q:\n%s", want, causes)
		}
	}
	var b strings.Builder
	WriteLedgerScores(&b, []LedgerScore{sc})
	if !strings.Contains(b.String(), "thread found in the answer's article") || !strings.Contains(b.String(), "0.50 (2/4)") {
		t.Errorf("the table lacks the unlinked answers' figures:\n%s", b.String())
	}
}

// TestLinkRule: a link's reason names its rule without the names in it,
// so that the links of one rule count together across stories.
func TestLinkRule(t *testing.T) {
	for _, tc := range []struct {
		reason string
		cross  bool
		want   string
	}{
		{"in the article: Japan, the accused, answers; act rules; words pact", false, "the accused answers +act"},
		{"in the article: Acme Corp, the accused, answers; names the allegations", false, "the accused answers"},
		{"Acme Corp, the accused (Acme Co), answers; words dumping", true, "across: the accused answers +act"},
		{"in the article: Lev Brandt answers for Zentor Corp; the one allegation against it in the article", false, "its side answers, the one allegation against it"},
		{"in the article: Zentor officials speak for Zentor Corp; act crime", false, "its people answer +act"},
		{"its subject is OPEC; act rules; words quota", true, "across: its subject is the accused +act"},
		{"in the article: about Velka Oil; names the allegations", false, "about the accused"},
		{"in the article: names Velka Oil; words suit", false, "names the accused +act"},
		{"in the article: names the allegation's maker; names the allegations", false, "names the allegation's maker"},
		{"in the article: Zentor Corp Inc is Zentor Corp by name; names the allegations", false, "the accused by name"},
		{"in the article: the accused states the opposite (corn)", false, "the accused states the opposite"},
		{"in the article: the answer quotes the allegation", false, "the answer quotes the allegation"},
		{"", false, "(no reason)"},
	} {
		if got := LinkRule(tc.reason, tc.cross); got != tc.want {
			t.Errorf("LinkRule(%q, %v) = %q, want %q", tc.reason, tc.cross, got, tc.want)
		}
	}
}

// TestLinksByRule: the scores count each rule's links and right ones, and
// the table lists the rules with the most links first.
func TestLinksByRule(t *testing.T) {
	g, err := ReadLedger(strings.NewReader(`{"corpus": "c.jsonl",
		"clusters": [{"id": "a", "split": "dev", "docs": [{"id": "d1", "sha256": "x"}]}],
		"threads": [{"id": "ta", "cluster": "a", "target": ["A"], "act": "lied"}],
		"allegations": [{"doc": "d1", "start": 0, "end": 10, "thread": "ta"}],
		"answers": [{"doc": "d1", "start": 20, "end": 30, "stance": "deny", "answers": ["ta"]}]}`))
	if err != nil {
		t.Fatal(err)
	}
	sys := &LedgerSystem{
		Claims: map[string]SysClaim{"A": {Doc: "d1", Start: 0, End: 10, Stance: "allege"}, "B": {Doc: "d1", Start: 40, End: 50, Stance: "allege"},
			"x": {Doc: "d1", Start: 20, End: 30, Stance: "deny"}, "y": {Doc: "d1", Start: 60, End: 70, Stance: "deny"}},
		Allegations: []string{"A", "B"},
		Answers:     []string{"x", "y"},
		Links: []SysLink{{From: "x", To: "A", Reason: "in the article: Acme, the accused, answers; names the allegations"},
			{From: "y", To: "B", Reason: "in the article: Zeta, the accused, answers; names the allegations"},
			{From: "x", To: "B", Reason: "in the article: the answer quotes the allegation"}},
	}
	sc := ScoreLedger(g, sys, "")
	if got := sc.ByRule["the accused answers"]; got != (RuleCount{Links: 2, Right: 1}) {
		t.Errorf("the accused answers: %+v, want 1 right of 2", got)
	}
	if got := sc.ByRule["the answer quotes the allegation"]; got != (RuleCount{Links: 1}) {
		t.Errorf("the answer quotes the allegation: %+v, want 0 right of 1", got)
	}
	var b strings.Builder
	WriteLedgerRules(&b, []LedgerScore{sc})
	out := b.String()
	if i, j := strings.Index(out, "the accused answers   "), strings.Index(out, "the answer quotes"); i < 0 || j < 0 || i > j || !strings.Contains(out, "1/2") {
		t.Errorf("the table:\n%s", out)
	}
}

func TestTargetMatches(t *testing.T) {
	for _, tc := range []struct {
		names []string
		gold  string
		want  bool
	}{
		{[]string{"Toshiba Machine Co Ltd"}, "Toshiba Machine", true}, // legal suffixes
		{[]string{"Toshiba"}, "Toshiba Machine employees", true},      // whole words in it
		{[]string{"Volkswagen AG", "VW"}, "VW foreign exchange staff", true},
		{[]string{"Volkswagen AG"}, "VW's foreign exchange department", false},
		{[]string{"VW"}, "VW's foreign exchange department", true}, // a possessive
		{[]string{"Japan"}, "Japanese chip makers", true},          // its people word
		{[]string{"Turkey"}, "Turkish warplanes", true},
		{[]string{"Iran"}, "National Iranian Oil Company", false}, // not the opening word
		{[]string{"NIOC"}, "National Iranian Oil Company", true},  // the gold's initials
		{[]string{"European Community"}, "EC officials", true},    // the name's initials
		{[]string{"Boyd L. Jefferies"}, "Boyd Jefferies", true},   // a middle initial
		{[]string{"the Boeing Company"}, "Boeing", true},
		{[]string{"Pennzoil Co"}, "Texaco", false},
		{[]string{"United States", "U.S."}, "Japan", false},
		{[]string{"Japan"}, "Japan Air Lines", true},
		{[]string{"Jap"}, "Japanese chip makers", false}, // not a word of it
		{[]string{"Japan"}, "japanned tin", false},       // no people word
		{nil, "Japan", false},
		{[]string{""}, "", false},
	} {
		if got := TargetMatches(tc.names, tc.gold); got != tc.want {
			t.Errorf("TargetMatches(%q, %q) = %v, want %v", tc.names, tc.gold, got, tc.want)
		}
	}
}

func TestTargetAccuracy(t *testing.T) {
	g, err := ReadLedger(strings.NewReader(`{"corpus": "c.jsonl",
		"clusters": [{"id": "a", "split": "dev", "docs": [{"id": "d1", "sha256": "x"}]}],
		"threads": [{"id": "ta", "cluster": "a", "target": ["Japan"], "act": "dumped chips"}],
		"allegations": [{"doc": "d1", "start": 0, "end": 10, "thread": "ta", "target": ["Japanese chip makers"]},
		                {"doc": "d1", "start": 20, "end": 30, "thread": "ta", "target": ["Japan"]},
		                {"doc": "d1", "start": 40, "end": 50, "thread": "ta", "target": ["Japan"]}]}`))
	if err != nil {
		t.Fatal(err)
	}
	sys := &LedgerSystem{Claims: map[string]SysClaim{
		"c1": {Doc: "d1", Start: 0, End: 12, Target: "Japan", TargetNames: []string{"Japan", "Tokyo"}},
		"c2": {Doc: "d1", Start: 18, End: 32, Target: "United States", Text: "U.S. says Japan dumps"},
		"c3": {Doc: "d1", Start: 40, End: 50},                  // no target
		"c4": {Doc: "d1", Start: 60, End: 70, Target: "Japan"}, // no gold allegation: not counted
	}, Allegations: []string{"c1", "c2", "c3", "c4"}}
	sc := ScoreLedger(g, sys, "")
	if sc.TargetSys != 3 || sc.TargetRight != 1 {
		t.Errorf("targets right %d of %d, want 1 of 3", sc.TargetRight, sc.TargetSys)
	}
	var wrong []string
	for _, e := range sc.Errors {
		if strings.HasPrefix(e, "wrong target") {
			wrong = append(wrong, e)
		}
	}
	if len(wrong) != 2 || !strings.Contains(wrong[0], "United States, gold Japan (claimant -): U.S. says") || !strings.Contains(wrong[1], "(none), gold Japan") {
		t.Errorf("wrong targets listed: %q", wrong)
	}
	var b strings.Builder
	WriteLedgerScores(&b, []LedgerScore{sc})
	if !strings.Contains(b.String(), "allegation target accuracy") || !strings.Contains(b.String(), "0.33 (1/3)") {
		t.Errorf("the table has no target accuracy:\n%s", b.String())
	}
}

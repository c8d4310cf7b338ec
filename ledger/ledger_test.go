package ledger

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

var names = Names(func(id string) string {
	return map[string]string{"loc/japan": "Japan", "org/texaco": "Texaco", "org/pennzoil": "Pennzoil", "org/senate": "Senate", "org/sia": "Semiconductor Industry Association"}[id]
})

func TestAnswersNeedPeopleAndAct(t *testing.T) {
	alleg := &Prop{Key: "a", Doc: "d1", Claimant: "org/senate", Target: "loc/japan", Content: "Japan violated the semiconductor pact by dumping chips"}
	tests := []struct {
		name string
		ans  *Prop
		link bool
		why  string
	}{
		{"the accused denies the act", &Prop{Key: "b", Doc: "d2", Claimant: "loc/japan", Content: "it is faithfully abiding by the pact"}, true, "Japan, the accused, answers; act rules"},
		{"a people of the accused denies", &Prop{Key: "b", Doc: "d2", ClaimantText: "Japanese officials", Content: "they have lived up to the pact"}, true, "Japanese officials speak for Japan"},
		{"the accused denies something else", &Prop{Key: "b", Doc: "d2", Claimant: "loc/japan", Content: "the yen will not rise"}, false, ""},
		{"a stranger denies the act", &Prop{Key: "b", Doc: "d2", Claimant: "org/texaco", Content: "it did not violate the rule"}, false, ""},
		{"the accuser is no answer to itself", &Prop{Key: "b", Doc: "d2", Claimant: "org/senate", About: []string{"loc/japan"}, Content: "Japan did not violate the pact"}, false, ""},
		{"across articles, naming the allegations is not enough", &Prop{Key: "b", Doc: "d2", Claimant: "loc/japan", Content: "the reports were wrong"}, false, ""},
		{"inside the article, it is", &Prop{Key: "b", Doc: "d1", Claimant: "loc/japan", Content: "the reports were wrong"}, true, "names the allegations"},
		{"an explicit denial restating the act in its article", &Prop{Key: "b", Doc: "d1", Claimant: "org/texaco", Explicit: true, Content: "the semiconductor pact was violated by dumping chips"}, true, "denies the act in its words"},
		{"the same denial in another article", &Prop{Key: "b", Doc: "d2", Claimant: "org/texaco", Explicit: true, Content: "the semiconductor pact was violated by dumping chips"}, false, ""},
		{"an explicit denial of other words", &Prop{Key: "b", Doc: "d1", Claimant: "org/texaco", Explicit: true, Content: "the yen will rise"}, false, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s, why := Answers(alleg, tc.ans, names)
			if (s >= MinAnswer) != tc.link || !strings.Contains(why, tc.why) {
				t.Errorf("score %.2f (%s), want link %v with %q", s, why, tc.link, tc.why)
			}
		})
	}
}

// TestOnlyTheAccusedAnswer: a party the allegation only mentions does not
// answer it as the accused; one it makes a party to the act with the
// target (CoAccused) does.
func TestOnlyTheAccusedAnswer(t *testing.T) {
	alleg := &Prop{Key: "a", Doc: "d1", Claimant: "org/senate", Target: "loc/japan", About: []string{"loc/japan", "org/texaco"},
		CoAccused: []string{"org/pennzoil"}, Content: "Japan violated the semiconductor pact with Pennzoil, to the cost of Texaco"}
	third := &Prop{Key: "b", Doc: "d1", Claimant: "org/texaco", Content: "it did not violate the semiconductor pact"}
	if s, why := Answers(alleg, third, names); s >= MinAnswer {
		t.Errorf("Texaco, only mentioned, answers as the accused: %.2f (%s)", s, why)
	}
	co := &Prop{Key: "c", Doc: "d1", Claimant: "org/pennzoil", Content: "it did not violate the semiconductor pact"}
	if s, why := Answers(alleg, co, names); s < MinAnswer || !strings.Contains(why, "Pennzoil, the accused, answers") {
		t.Errorf("Pennzoil, a party to the act, should answer: %.2f (%s)", s, why)
	}
	// With no target, the entities the allegation is about are the accused.
	untargeted := &Prop{Key: "a", Doc: "d1", Claimant: "org/senate", About: []string{"org/texaco"}, Content: "Texaco violated the semiconductor pact"}
	if s, why := Answers(untargeted, third, names); s < MinAnswer {
		t.Errorf("without a target, Texaco is the accused: %.2f (%s)", s, why)
	}
}

// TestAnswersByName: a claimant whose name holds the accused's answers for
// it; one that only shares a first name does not; an answer that names the
// allegation's maker answers it in its article whoever gives it; an
// accuser under a longer name does not answer itself.
func TestAnswersByName(t *testing.T) {
	nm := Names(func(id string) string {
		return map[string]string{"org/hutton": "Hutton", "org/efh": "E.F. Hutton Group Inc", "per/rs": "Robert Salomon",
			"per/rf": "Robert Freeman", "org/bsi": "Federal Office for Information Security", "org/gs": "Goldman Sachs", "org/gsco": "Goldman Sachs and Co"}[id]
	})
	rumour := &Prop{Key: "a", Doc: "d1", ClaimantText: "rumours", Target: "org/hutton", Content: "Hutton had solvency problems"}
	if s, why := Answers(rumour, &Prop{Key: "b", Doc: "d2", Claimant: "org/efh", Content: "it has no solvency problems"}, nm); s < MinAnswer || !strings.Contains(why, "by name") {
		t.Errorf("E.F. Hutton Group Inc should answer for Hutton: %.2f (%s)", s, why)
	}
	insider := &Prop{Key: "a", Doc: "d1", ClaimantText: "the SEC", Target: "per/rf", Content: "Freeman traded on inside information"}
	if s, why := Answers(insider, &Prop{Key: "b", Doc: "d2", Claimant: "per/rs", ClaimantText: "Robert Salomon, managing director", Content: "he did not trade on inside information"}, nm); s >= MinAnswer {
		t.Errorf("Robert Salomon does not speak for Robert Freeman: %.2f (%s)", s, why)
	}
	reports := &Prop{Key: "a", Doc: "d1", ClaimantText: "media reports", Target: "org/hutton", Content: "Hutton helped the spies"}
	bsi := &Prop{Key: "b", Doc: "d1", Claimant: "org/bsi", Content: "it had no evidence to support the US media reports"}
	if s, why := Answers(reports, bsi, nm); s < MinAnswer || !strings.Contains(why, "names the allegation's maker") {
		t.Errorf("'no evidence to support the US media reports' should answer them: %.2f (%s)", s, why)
	}
	bsi.Doc = "d2"
	if s, why := Answers(reports, bsi, nm); s >= MinAnswer {
		t.Errorf("across articles naming the maker is not enough: %.2f (%s)", s, why)
	}
	// The party a lawsuit is against is not the maker of its allegations:
	// Reynolds's denial of "Advanced's March lawsuit against Reynolds"
	// does not answer Reynolds's own countersuit.
	counter := &Prop{Key: "a", Doc: "d1", Claimant: "org/rr", Content: "Advanced used its proprietary information contrary to an agreement"}
	avt := &Prop{Key: "b", Doc: "d1", Claimant: "org/avt", Content: "it denied all allegations in Advanced's March lawsuit against Reynolds"}
	nm2 := Names(func(id string) string {
		return map[string]string{"org/rr": "Reynolds", "org/avt": "Advanced Voice Technologies"}[id]
	})
	if s, why := Answers(counter, avt, nm2); s >= MinAnswer {
		t.Errorf("a lawsuit against Reynolds is not Reynolds's: %.2f (%s)", s, why)
	}
	avt.Content = "it denied all allegations in the March lawsuit by Reynolds"
	if s, why := Answers(counter, avt, nm2); s < MinAnswer || !strings.Contains(why, "names the allegation's maker") {
		t.Errorf("a lawsuit by Reynolds is Reynolds's: %.2f (%s)", s, why)
	}
	own := &Prop{Key: "a", Doc: "d1", Claimant: "org/gs", Target: "org/hutton", Content: "Hutton paid the kidnappers"}
	if s, why := Answers(own, &Prop{Key: "b", Doc: "d1", Claimant: "org/gsco", About: []string{"org/hutton"}, Content: "the reports of payments are not true"}, nm); s >= MinAnswer {
		t.Errorf("Goldman Sachs does not answer itself as Goldman Sachs and Co: %.2f (%s)", s, why)
	}
}

func TestNameHolds(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want bool
	}{
		{"Hutton", "E.F. Hutton Group Inc", true},
		{"Goldman Sachs", "Goldman Sachs and Co", true},
		{"Robert Salomon", "Robert Freeman", false},
		{"Times", "New York Times", false},
		{"Japan", "Japan Airlines", false},
	} {
		if got := NameHolds(tc.a, tc.b); got != tc.want {
			t.Errorf("NameHolds(%q, %q) = %v", tc.a, tc.b, got)
		}
	}
}

func TestSame(t *testing.T) {
	a := &Prop{Key: "a", Doc: "d1", Claimant: "org/senate", Target: "loc/japan", Content: "Japan violated the semiconductor pact"}
	b := &Prop{Key: "b", Doc: "d2", Claimant: "org/sia", Target: "loc/japan", Content: "Japan has not lived up to the agreement on semiconductors"}
	c := &Prop{Key: "c", Doc: "d3", Claimant: "org/sia", Target: "loc/japan", Content: "Japan rigged its rice auction"}
	if s, why := Same(a, b, names); s < MinSame {
		t.Errorf("two reports of Japan breaking the pact: %.2f %s", s, why)
	}
	if s, why := Same(a, c, names); s >= MinSame {
		t.Errorf("another act of the same target is another thread: %.2f %s", s, why)
	}
}

func TestBuild(t *testing.T) {
	allegs := []*Prop{
		{Key: "a2", Doc: "d2", Date: "1987-03-20", Claimant: "org/sia", Target: "loc/japan", Content: "Japan has not lived up to the semiconductor pact"},
		{Key: "a1", Doc: "d1", Date: "1987-03-13", Claimant: "org/senate", Target: "loc/japan", Content: "Japan violated the semiconductor pact"},
		{Key: "a3", Doc: "d3", Date: "1987-03-23", Claimant: "org/pennzoil", Target: "org/texaco", Content: "Texaco filed for bankruptcy in bad faith"},
	}
	answers := []*Prop{
		{Key: "r1", Doc: "d4", Date: "1987-03-25", Claimant: "loc/japan", Stance: "deny", Content: "it has complied with the semiconductor pact"},
		{Key: "r2", Doc: "d5", Date: "1987-03-01", Claimant: "org/texaco", Stance: "deny", Content: "its bankruptcy filing was in good faith"},
		{Key: "r3", Doc: "d3", Date: "1987-03-23", Claimant: "org/texaco", Stance: "deny", Content: "the company had every right to seek protection"},
	}
	ts := Build(allegs, answers, []Link{{Answer: "r3", Allegation: "a3"}}, names)
	var got []string
	for _, th := range ts {
		var ks []string
		for _, a := range th.Allegations {
			ks = append(ks, a.Key)
		}
		for _, l := range th.Answers {
			ks = append(ks, fmt.Sprintf("%s>%s across=%v", l.Answer, l.Allegation, l.Across))
		}
		got = append(got, th.ID+" "+strings.Join(ks, ","))
	}
	want := []string{
		ThreadID("a1") + " a1,a2,r1>a2 across=true", // the first report founds the thread
		ThreadID("a3") + " a3,r3>a3 across=false",   // r2 is older than the allegation
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("threads\n got  %q\n want %q", got, want)
	}
}

// TestBuildIsBlocked checks that an allegation is compared with at most
// MaxCandidates others per entity: with many allegations about one target,
// the work grows linearly.
func TestBuildIsBlocked(t *testing.T) {
	var allegs []*Prop
	for i := range 10 * MaxCandidates {
		allegs = append(allegs, &Prop{Key: fmt.Sprintf("a%04d", i), Doc: fmt.Sprint("d", i), Date: "1987-03-01",
			Claimant: "org/senate", Target: "loc/japan", Content: fmt.Sprintf("Japan violated the pact number%d", i)})
	}
	ts := Build(allegs, nil, nil, names)
	if len(ts) != 1 || len(ts[0].Allegations) != len(allegs) {
		t.Fatalf("one thread of %d, got %d threads", len(allegs), len(ts))
	}
	calls := 0
	counted := func(id string) string { calls++; return names(id) }
	Build(allegs, nil, nil, counted)
	if max := 2 * len(allegs) * MaxCandidates; calls > max {
		t.Errorf("%d comparisons' name look-ups for %d allegations: more than %d", calls, len(allegs), max)
	}
}

func TestStep(t *testing.T) {
	tests := []struct {
		steps []string // stance, "accuser" marks the claimant of the allegation
		want  Status
	}{
		{nil, Alleged},
		{[]string{"deny"}, Denied},
		{[]string{"deny", "acknowledge"}, Contested},
		{[]string{"confirm"}, Acknowledged},
		{[]string{"deny accuser"}, Withdrawn},
		{[]string{"say"}, Alleged},
	}
	for _, tc := range tests {
		s := Alleged
		for _, st := range tc.steps {
			stance, by, _ := strings.Cut(st, " ")
			s = Step(s, stance, by == "accuser")
		}
		if s != tc.want {
			t.Errorf("%v: %s, want %s", tc.steps, s, tc.want)
		}
	}
}

func TestWrongAt(t *testing.T) {
	for text, want := range map[string]int{
		"japan has not lived up to the pact":                2,
		"they dumped chips below cost":                      3,
		"the weather was fine":                              -1,
		"he leaked the memo":                                -1,
		"the minister broke his own pledge":                 2,
		"the company failed to comply with the rules":       2,
		"they took 12 people hostage":                       1,
		"japan hasn't complied":                             1,
		"officials accepted bribes":                         2,
		"the board's decisions":                             -1,
		"the group was exceeding its agreed output ceiling": 3,
		"prices rose above their highs":                     -1,
	} {
		if got, _ := WrongAt(Tokens(text)); got != want {
			t.Errorf("WrongAt(%q) = %d, want %d", text, got, want)
		}
	}
}

// TestBuildByName links an answer that names the accused only in its words
// ("Japanese manufacturers") to the allegations against Japan in other
// articles: names are blocking keys too.
func TestBuildByName(t *testing.T) {
	allegs := []*Prop{{Key: "a1", Doc: "d1", Date: "1987-03-13", Claimant: "org/senate", Target: "loc/japan", Content: "Japan violated the semiconductor agreement"}}
	answers := []*Prop{{Key: "r1", Doc: "d2", Date: "1987-03-29", Claimant: "per/saba", Stance: "deny", Content: "Japanese semiconductor manufacturers have complied with the agreement"}}
	ts := Build(allegs, answers, nil, names)
	if len(ts) != 1 || len(ts[0].Answers) != 1 || !strings.Contains(ts[0].Answers[0].Reason, "its subject is Japan") {
		t.Fatalf("want the answer linked by name: %+v", ts)
	}
}

func TestStem(t *testing.T) {
	for _, group := range [][]string{
		{"violate", "violated", "violating", "violation", "violations", "violates"},
		{"comply", "complied", "complies"},
		{"dumping", "dumped", "dumps", "dump"},
		{"charge", "charged", "charges", "charging"},
	} {
		for _, w := range group[1:] {
			if Stem(w) != Stem(group[0]) {
				t.Errorf("Stem(%q) = %q, Stem(%q) = %q", w, Stem(w), group[0], Stem(group[0]))
			}
		}
	}
	if Stem("arms") == Stem("army") {
		t.Errorf("arms and army meet: %q", Stem("arms"))
	}
}

// TestBuildKeepsStoriesApart: an allegation that accuses two targets does
// not join a thread about one to a thread about the other.
func TestBuildKeepsStoriesApart(t *testing.T) {
	names := func(id string) string { return map[string]string{"japan": "Japan", "ws": "Wall Street"}[id] }
	allegs := []*Prop{
		{Key: "a1", Doc: "d1", Date: "1987-03-01", Target: "japan", About: []string{"japan"}, Content: "Japan dumped semiconductors below cost"},
		{Key: "a2", Doc: "d2", Date: "1987-03-02", Target: "ws", About: []string{"ws"}, Content: "Wall Street arbitrageurs used inside information in insider trading"},
		{Key: "a3", Doc: "d3", Date: "1987-03-03", Target: "japan", About: []string{"japan", "ws"}, Content: "Japan dumped semiconductors below cost while Wall Street arbitrageurs used inside information in insider trading"},
	}
	ts := Build(allegs, nil, nil, names)
	for _, th := range ts {
		var keys []string
		for _, a := range th.Allegations {
			keys = append(keys, a.Key)
		}
		if slices.Contains(keys, "a1") && slices.Contains(keys, "a2") {
			t.Fatalf("one thread holds both stories: %v", keys)
		}
	}
}

// TestBuildNoHubThroughMentions: two threads become one only when their
// first reports accuse one party, not when one only mentions the other's
// accused: a report that accuses the United States (wrongly, of Japan's
// breach) and matches both a thread accusing Japan (which mentions the
// United States) and one accusing the United States of subsidising corn
// must not join the two.
func TestBuildNoHubThroughMentions(t *testing.T) {
	names := func(id string) string {
		return map[string]string{"japan": "Japan", "us": "United States", "canada": "Canada"}[id]
	}
	allegs := []*Prop{
		{Key: "a1", Doc: "d1", Date: "1987-03-01", Target: "japan", About: []string{"japan", "us"}, Content: "Japan violated its semiconductor pact with the United States by dumping microchips"},
		{Key: "a2", Doc: "d2", Date: "1987-03-02", Target: "us", About: []string{"us", "canada"}, Content: "subsidized United States corn imports injured Canadian growers in violation of trade rules"},
		{Key: "a3", Doc: "d3", Date: "1987-03-03", Target: "us", About: []string{"us", "japan"}, Content: "Japan violated its semiconductor pact by dumping microchips, and subsidized corn imports injured Canadian growers in violation of trade rules"},
	}
	for _, th := range Build(allegs, nil, nil, names) {
		var keys []string
		for _, a := range th.Allegations {
			keys = append(keys, a.Key)
		}
		if slices.Contains(keys, "a1") && slices.Contains(keys, "a2") {
			t.Fatalf("one thread holds the chip pact and the corn subsidies: %v", keys)
		}
	}
}

// TestUnnamedMakerDoesNotAnswerItself: an allegation by unnamed makers
// ("Police") is not answered by the same makers under a longer name
// ("Malaysian police"); words that many makers share ("sources") do not
// make two makers one.
func TestUnnamedMakerDoesNotAnswerItself(t *testing.T) {
	alleg := &Prop{Key: "a", Doc: "d1", ClaimantText: "Police", Content: "the man, armed with a rifle, killed one Malay and injured another"}
	ans := &Prop{Key: "b", Doc: "d1", ClaimantText: "Malaysian police", Explicit: true, Content: "rumours of race riots after an armed man killed one person and injured two others"}
	if s, why := Answers(alleg, ans, nil); s >= MinAnswer {
		t.Errorf("the police answer their own account: %.2f (%s)", s, why)
	}
	alleg.ClaimantText = "industry sources"
	ans.ClaimantText = "company sources"
	if s, why := Answers(alleg, ans, nil); s < MinAnswer {
		t.Errorf("company sources are not the industry sources: %.2f (%s)", s, why)
	}
}

// TestMakerNamedIsNotAccused: an answer that names a party as the maker of
// what it answers, after "by" ("dismissing a suit by Velka Oil against
// Zentor Corp"), does not answer an allegation against that party by
// naming it; it still names the party the suit is against.
func TestMakerNamedIsNotAccused(t *testing.T) {
	nm := Names(func(id string) string {
		return map[string]string{"org/velka": "Velka Oil", "org/zentor": "Zentor Corp", "org/court": "Appeals Court"}[id]
	})
	dismissal := &Prop{Key: "b", Doc: "d1", Claimant: "org/court", Stance: "deny", RefersBack: true,
		Content: "a lower court decision dismissing a suit by Velka Oil against Zentor Corp and several oil companies"}
	counterclaim := &Prop{Key: "a1", Doc: "d1", ClaimantText: "a counterclaim", Target: "org/velka", Content: "Velka Oil, seeking 15 mln dlrs in punitive damages"}
	if s, why := Answers(counterclaim, dismissal, nm); s >= MinAnswer {
		t.Errorf("the dismissal of Velka Oil's suit answers the counterclaim against Velka Oil: %.2f (%s)", s, why)
	}
	suit := &Prop{Key: "a2", Doc: "d1", ClaimantText: "the suit", Target: "org/zentor", Content: "Zentor Corp and several oil companies"}
	if s, why := Answers(suit, dismissal, nm); s < MinAnswer || !strings.Contains(why, "names Zentor Corp") {
		t.Errorf("the dismissal does not answer the suit against Zentor Corp by name: %.2f (%s)", s, why)
	}
}

// TestMakerAboutIsNotAccused: an answer about a party only as the maker of
// what it answers (the extraction puts the party named after "by" among
// what the answer is about) is not about it as the accused: the dismissal
// of Velka Oil's suit does not answer the counterclaim against Velka Oil,
// in its article or across; the accused, when it answers, still does.
func TestMakerAboutIsNotAccused(t *testing.T) {
	nm := Names(func(id string) string {
		return map[string]string{"org/velka": "Velka Oil", "org/zentor": "Zentor Corp", "org/court": "Appeals Court"}[id]
	})
	counterclaim := &Prop{Key: "a1", Doc: "d1", ClaimantText: "a counterclaim", Target: "org/velka", Content: "Velka Oil, seeking 15 mln dlrs in punitive damages over its suit"}
	for _, doc := range []string{"d1", "d2"} {
		dismissal := &Prop{Key: "b", Doc: doc, Claimant: "org/court", Stance: "deny", RefersBack: true, About: []string{"org/velka", "org/zentor"},
			Content: "a lower court decision dismissing a suit by Velka Oil against Zentor Corp and several oil companies"}
		if s, why := Answers(counterclaim, dismissal, nm); s >= MinAnswer {
			t.Errorf("%s: the dismissal of Velka Oil's suit answers the counterclaim against Velka Oil: %.2f (%s)", doc, s, why)
		}
	}
	// About a party it names as the accused, not only after "by": still
	// about it.
	ruling := &Prop{Key: "c", Doc: "d1", Claimant: "org/court", Stance: "deny", RefersBack: true, About: []string{"org/velka"},
		Content: "Velka Oil owes no punitive damages over the suit brought by Zentor Corp"}
	if s, why := Answers(counterclaim, ruling, nm); s < MinAnswer || !strings.Contains(why, "about Velka Oil") {
		t.Errorf("a ruling about Velka Oil as the accused does not answer the counterclaim: %.2f (%s)", s, why)
	}
}

func TestSameFrameWordsAcross(t *testing.T) {
	nm := Names(func(id string) string {
		return map[string]string{"org/acme": "Acme Trading Co", "per/acme": "Walter Acme", "loc/gulf": "Gulf", "loc/ruritania": "Ruritania"}[id]
	})
	tests := []struct {
		name string
		a, b *Prop
		same bool
	}{
		// A firm and its founder (names that share a word), in two
		// articles: only the words of the case are shared.
		{"a firm's civil charges and its founder's felony counts",
			&Prop{Key: "a", Doc: "d1", Target: "org/acme", Content: "it violated securities laws, including rigging the bond auction"},
			&Prop{Key: "b", Doc: "d2", Target: "per/acme", Content: "two felony counts of violating federal securities laws"}, false},
		{"a party's attacks on shipping and on tankers elsewhere",
			&Prop{Key: "a", Doc: "d1", Target: "loc/gulf", About: []string{"loc/ruritania"}, Content: "Ruritania used the rigs to launch attacks on merchant shipping"},
			&Prop{Key: "b", Doc: "d2", Target: "loc/ruritania", Content: "Ruritania's attacks on tankers off the northern coast"}, false},
		// The same entity accused in both: the frame words still count.
		{"one target, the same violation",
			&Prop{Key: "a", Doc: "d1", Target: "per/acme", Content: "Walter Acme violated securities laws"},
			&Prop{Key: "b", Doc: "d2", Target: "per/acme", Content: "two felony counts of violating federal securities laws"}, true},
		// In one article, they count too.
		{"the firm and its founder in one article",
			&Prop{Key: "a", Doc: "d1", Target: "org/acme", Content: "it violated securities laws"},
			&Prop{Key: "b", Doc: "d1", Target: "per/acme", Content: "he violated securities laws"}, true},
		// Across articles, the act's own words still join related parties.
		{"a firm and its founder, the same act in its words",
			&Prop{Key: "a", Doc: "d1", Target: "org/acme", Content: "it violated securities laws by rigging the bond auction"},
			&Prop{Key: "b", Doc: "d2", Target: "per/acme", Content: "he was charged with rigging the bond auction"}, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if s, why := Same(tc.a, tc.b, nm); (s >= MinSame) != tc.same {
				t.Errorf("Same %.2f (%s), want one thread %v", s, why, tc.same)
			}
		})
	}
}

// TestSubjectOfTheAnswer: across articles, an answer whose subject is the
// accused answers an allegation of the same kind of wrong (it need not be
// the accused's own word); sharing words alone, as a denial of another act
// of the accused does, is not enough.
func TestSubjectOfTheAnswer(t *testing.T) {
	nm := Names(func(id string) string {
		return map[string]string{"org/opec": "OPEC", "per/min": "Ahmed Zaki", "loc/japan": "Japan", "per/sec": "John Smith"}[id]
	})
	over := &Prop{Key: "a", Doc: "d1", ClaimantText: "industry reports", Target: "org/opec", About: []string{"org/opec"},
		Content: "the group was producing well above its output ceiling in May"}
	within := &Prop{Key: "b", Doc: "d2", Claimant: "per/min", About: []string{"org/opec"}, Content: "OPEC is within its output ceiling"}
	if s, why := Answers(over, within, nm); s < MinAnswer || !strings.Contains(why, "its subject is OPEC") {
		t.Errorf("a denial whose subject is OPEC should answer the ceiling exceeded: %.2f (%s)", s, why)
	}
	pact := &Prop{Key: "a", Doc: "d1", ClaimantText: "officials", Target: "loc/japan", About: []string{"loc/japan"},
		Content: "tariffs to retaliate for the failure of Japan to honor a semiconductor accord on American products"}
	other := &Prop{Key: "b", Doc: "d2", Claimant: "per/sec", About: []string{"loc/japan"}, Content: "Japan might retaliate against American products in the semiconductor dispute"}
	if s, why := Answers(pact, other, nm); s >= MinAnswer {
		t.Errorf("a denial of another act of Japan that shares words answers the accord's breach: %.2f (%s)", s, why)
	}
}

// TestQuotaWithTwoWords: a quota or ceiling with a possessive and two words
// of its own ("its agreed output ceiling") is exceeded or kept as one
// without them is, so a denial that the accused is within it answers, in
// another article, the report that it produced above its ceiling.
func TestQuotaWithTwoWords(t *testing.T) {
	nm := Names(func(id string) string { return map[string]string{"org/opec": "OPEC", "per/min": "Ahmed Zaki"}[id] })
	over := &Prop{Key: "a", Doc: "d1", ClaimantText: "industry reports", Target: "org/opec", About: []string{"org/opec"},
		Content: "the group was producing well above its ceiling in May"}
	for _, content := range []string{"OPEC was exceeding its agreed output ceiling", "OPEC remains within its agreed output ceiling"} {
		ans := &Prop{Key: "b", Doc: "d2", Claimant: "per/min", About: []string{"org/opec"}, Content: content}
		if s, why := Answers(over, ans, nm); s < MinAnswer || !strings.Contains(why, "act rules") {
			t.Errorf("%q should answer the ceiling exceeded: %.2f (%s)", content, s, why)
		}
	}
}

// TestPlaceInABodysName: a body whose name holds a place of common words
// ("New York Supreme Court") is not that place by name, so its ruling does
// not answer, in another article, an allegation whose target was read as
// the place; a firm's name that holds a rare one-word "place" (a firm the
// recogniser typed as a place) still names the firm.
func TestPlaceInABodysName(t *testing.T) {
	nm := Names(func(id string) string {
		return map[string]string{"loc/new-york": "New York", "org/nysc": "New York Supreme Court", "loc/mellon": "Mellon", "org/mbc": "Mellon Bank Corp"}[id]
	})
	suit := &Prop{Key: "a", Doc: "d1", ClaimantText: "the suit", Target: "loc/new-york", Content: "the suit was filed in New York because trading allegedly took place here"}
	court := &Prop{Key: "b", Doc: "d2", Claimant: "org/nysc", RefersBack: true, Content: "it dismissed the actions in a suit filed by a band"}
	if s, why := Answers(suit, court, nm); s >= MinAnswer {
		t.Errorf("the New York Supreme Court answers as New York: %.2f (%s)", s, why)
	}
	fraud := &Prop{Key: "a", Doc: "d1", ClaimantText: "a shareholder", Target: "loc/mellon", Content: "Mellon failed to disclose its true financial condition"}
	bank := &Prop{Key: "b", Doc: "d1", Claimant: "org/mbc", RefersBack: true, Content: "the suit was totally without merit"}
	if s, why := Answers(fraud, bank, nm); s < MinAnswer || !strings.Contains(why, "by name") {
		t.Errorf("Mellon Bank Corp should answer for Mellon by name: %.2f (%s)", s, why)
	}
}

// TestKindWordIsNoThread: across articles, two allegations against one
// target whose acts share only the word of the wrong ("dumping" of
// microchips, "dumping" of bank services), each with words of its own,
// are two threads; sharing the object too ("dumping microchips"), one.
func TestKindWordIsNoThread(t *testing.T) {
	chips := &Prop{Key: "a", Doc: "d1", Date: "1987-03-01", Claimant: "org/senate", Target: "loc/japan",
		Content: "Japan continued dumping microchips in third countries"}
	banks := &Prop{Key: "b", Doc: "d2", Date: "1987-06-01", Target: "loc/japan", Content: "DUMPING OF BANK SERVICES"}
	again := &Prop{Key: "c", Doc: "d3", Date: "1987-04-01", Claimant: "org/sia", Target: "loc/japan",
		Content: "Japanese makers kept dumping microchips below cost"}
	if s, why := Same(chips, banks, names); s >= MinSame {
		t.Errorf("dumping of chips and of bank services are one act: %.2f (%s)", s, why)
	}
	if s, why := Same(chips, again, names); s < MinSame {
		t.Errorf("dumping microchips in two articles should be one act: %.2f (%s)", s, why)
	}
	ts := Build([]*Prop{chips, banks, again}, nil, nil, names)
	if len(ts) != 2 {
		t.Errorf("%d threads, want 2 (chips, banks)", len(ts))
	}
}

// TestCreditorClaims: a claim for money names no allegation ("unsecured
// claims totaling 700,000 dlrs which are disputed"), a claim of a wrong
// does.
func TestCreditorClaims(t *testing.T) {
	for _, tc := range []struct {
		content string
		refers  bool
	}{
		{"various Coastal subsidiaries have made unsecured claims totaling 700,000 dlrs which", false},
		{"insurance claims of policyholders", false},
		{"the claims were false", true},
		{"the claims of fraud by its managers", true},
	} {
		if got := RefersBack(tc.content); got != tc.refers {
			t.Errorf("RefersBack(%q) = %v, want %v", tc.content, got, tc.refers)
		}
		p := &Prop{Content: tc.content}
		p.prep(nil)
		if p.RefersBack != tc.refers {
			t.Errorf("prep(%q).RefersBack = %v, want %v", tc.content, p.RefersBack, tc.refers)
		}
	}
}

// TestOneMakerOneArticle: in one article, one maker's allegations against
// one target in other words are one thread (the counts of one complaint),
// unless they name two kinds of wrong; another maker's, or the same
// maker's in another article, are not joined by it.
func TestOneMakerOneArticle(t *testing.T) {
	names := Names(func(id string) string {
		return map[string]string{"org/coastal": "Coastal", "org/transam": "TransAmerican", "org/sec": "SEC"}[id]
	})
	p := func(key, doc, claimant, content string) *Prop {
		return &Prop{Key: key, Doc: doc, Date: "1987-03-01", Claimant: claimant, Target: "org/coastal", Content: content}
	}
	interfered := p("a", "d1", "org/transam", "Coastal unlawfully interfered with agreements it reached with its creditors")
	takeover := p("b", "d1", "org/transam", "Coastal has used the bankruptcy proceedings to engineer a hostile takeover attempt")
	if s, why := Same(interfered, takeover, names); s < MinSame || !strings.Contains(why, "one maker in one article") {
		t.Errorf("one maker's counts in one article: %.2f (%s)", s, why)
	}
	for _, tc := range []struct {
		name string
		b    *Prop
	}{
		{"another maker", p("c", "d1", "org/sec", "Coastal has used the bankruptcy proceedings to engineer a hostile takeover attempt")},
		{"another article", p("d", "d2", "org/transam", "Coastal has used the bankruptcy proceedings to engineer a hostile takeover attempt")},
		{"another kind of wrong", p("e", "d1", "org/transam", "Coastal bribed the judge with a hostile takeover fee")},
	} {
		if s, why := Same(interfered, tc.b, names); s >= MinSame {
			t.Errorf("%s: %.2f (%s)", tc.name, s, why)
		}
	}
}

// TestSuitByItsMakerAcross: the accused that calls "the suit by X"
// frivolous answers X's allegations against it in other articles, though
// it names no act; not when X is named inside a told allegation ("the
// suggestion that the company entered bankruptcy to spite X"), nor when
// a third party says so.
func TestSuitByItsMakerAcross(t *testing.T) {
	names := Names(func(id string) string {
		return map[string]string{"org/ta": "TransAmerican Natural Gas Corp", "org/coastal": "Coastal Corp", "org/other": "Acme Corp"}[id]
	})
	alleg := &Prop{Key: "a", Doc: "d1", Date: "1987-03-16", Claimant: "org/ta", Target: "org/coastal", About: []string{"org/coastal"},
		Stance: "allege", Content: "Coastal has used TransAmerican's bankruptcy proceedings to engineer a hostile takeover attempt"}
	for _, tc := range []struct {
		claimant, content string
		want              bool
	}{
		{"org/coastal", "the two billion dlr suit against it by TransAmerican Natural Gas Corp in Texas state court is frivolous and without merit", true},
		{"org/coastal", "TRANSAMERICAN SUIT FRIVOLOUS", true},
		{"org/coastal", "the suggestion that the company acted to spite TransAmerican", false},
		{"org/other", "the two billion dlr suit against Coastal by TransAmerican Natural Gas Corp is frivolous", false},
	} {
		b := &Prop{Key: "b", Doc: "d2", Date: "1987-03-18", Claimant: tc.claimant, Stance: "deny", Content: tc.content, RefersBack: true}
		if s, why := Answers(alleg, b, names); (s >= MinAnswer) != tc.want {
			t.Errorf("%s by %s: score %.2f (%s), want a link %v", tc.content, tc.claimant, s, why, tc.want)
		}
	}
}

// TestStemE: "settlement" (stem "settle") and "settled" (stem "settl") are
// one word of the act, as "infringement" and "infringed" are.
func TestStemE(t *testing.T) {
	a := &Prop{Key: "a", Doc: "d1", Date: "1987-03-01", Claimant: "org/senate", Target: "org/texaco", Content: "Texaco violated the settlement"}
	b := &Prop{Key: "b", Doc: "d2", Date: "1987-03-02", Claimant: "org/pennzoil", Target: "org/texaco", Content: "Texaco broke the contract it settled"}
	if s, why := Same(a, b, names); s < MinSame || !strings.Contains(why, "settle") {
		t.Errorf("settlement and settled: %.2f (%s)", s, why)
	}
	if !sameStem("infringe", []string{"infring"}, false) || !sameStem("infring", []string{"patent", "infringe"}, false) || sameStem("patent", []string{"infring"}, false) {
		t.Errorf("sameStem")
	}
}

// TestActWithoutAccusedJoinsItsArticle: an allegation that names no
// accused ("The violations of the pact were worth 100 mln dlrs") joins the
// thread of the report of its article it matches, though that thread's
// first report tells another side of the act; and it joins one thread,
// never bridging two.
func TestActWithoutAccusedJoinsItsArticle(t *testing.T) {
	p := func(key, target, content string) *Prop {
		return &Prop{Key: key, Doc: "d1", Date: "1987-03-01", Claimant: "org/senate", Target: target, Content: content}
	}
	allegs := []*Prop{
		p("a1", "loc/japan", "Japan dumped microchips in third countries"),
		p("a2", "loc/japan", "Japan dumped microchips and violated the semiconductor pact"),
		p("a3", "", "The violations of the semiconductor pact were worth 100 mln dlrs"),
		p("a4", "org/texaco", "Texaco violated the semiconductor pact with Pennzoil"),
	}
	threads := func(allegs []*Prop) map[string]int {
		out := map[string]int{}
		for i, th := range Build(allegs, nil, nil, names) {
			for _, a := range th.Allegations {
				out[a.Key] = i
			}
		}
		return out
	}
	threadOf := threads(allegs[:3])
	if threadOf["a1"] != threadOf["a2"] || threadOf["a3"] != threadOf["a2"] {
		t.Errorf("the act without its accused should join a2's thread of its article: %v", threadOf)
	}
	threadOf = threads(allegs)
	if threadOf["a2"] == threadOf["a4"] {
		t.Errorf("the act without its accused bridged Japan's and Texaco's threads: %v", threadOf)
	}
}

// TestIrregularForms: across articles the accused's denial meets the
// allegation in another form of its verb, though no suffix rule joins the
// two ("hid" and "hiding", "stole" and "theft", "bribed" and "bribery");
// words of no such pair still do not meet.
func TestIrregularForms(t *testing.T) {
	for _, tc := range []struct{ alleg, ans string }{
		{"Texaco hid the write-downs from its auditors", "it was not hiding anything"},
		{"Texaco bribed the inspectors", "there was no bribery"},
		{"Texaco stole the drilling data", "there was no theft"},
		{"Texaco lied to the regulators", "it was not lying"},
	} {
		a := &Prop{Key: "a", Doc: "d1", Claimant: "org/pennzoil", Target: "org/texaco", Content: tc.alleg}
		b := &Prop{Key: "b", Doc: "d2", Claimant: "org/texaco", Content: tc.ans}
		if s, why := Answers(a, b, names); s < MinAnswer {
			t.Errorf("%q does not answer %q: %.2f (%s)", tc.ans, tc.alleg, s, why)
		}
	}
	a := &Prop{Key: "a", Doc: "d1", Claimant: "org/pennzoil", Target: "org/texaco", Content: "Texaco hid the write-downs from its auditors"}
	b := &Prop{Key: "b", Doc: "d2", Claimant: "org/texaco", Content: "it was not selling anything"}
	if s, why := Answers(a, b, names); s >= MinAnswer {
		t.Errorf("selling answers hiding: %.2f (%s)", s, why)
	}
	// Common verbs meet too, though alone they weigh too little to link.
	if !sameStem(Stem("sold"), []string{Stem("sale")}, true) || !sameStem(Stem("paid"), []string{Stem("payments")}, true) || sameStem(Stem("sold"), []string{Stem("paid")}, true) {
		t.Errorf("sameStem of irregular forms")
	}
	// Goods are no act: "products" does not meet "producing".
	if sameStem(Stem("products"), []string{Stem("producing")}, true) {
		t.Errorf("products meets producing")
	}
}

// TestOneComplaintJoinsItsThread: a count of one complaint (one maker, one
// target, one article) joins the thread of the count it goes with, though
// that thread was founded in another article and shares no word with it.
func TestOneComplaintJoinsItsThread(t *testing.T) {
	names := Names(func(id string) string {
		return map[string]string{"org/coastal": "Coastal Corp", "org/transam": "TransAmerican"}[id]
	})
	allegs := []*Prop{
		{Key: "a", Doc: "d1", Date: "1987-03-02", Claimant: "org/transam", Target: "org/coastal",
			Content: "Coastal attempted to unlawfully gain control of TransAmerican's Texas natural gas reserves and pipeline system"},
		{Key: "b", Doc: "d2", Date: "1987-03-05", Claimant: "org/transam", Target: "org/coastal",
			Content: "the Houston based gas company is attempting to unlawfully gain control of TransAmerican's Texas gas reserves and pipeline system"},
		{Key: "c", Doc: "d2", Date: "1987-03-05", Claimant: "org/transam", Target: "org/coastal",
			Content: "Coastal has used TransAmerican's bankruptcy proceedings to engineer a hostile takeover attempt"},
	}
	ts := Build(allegs, nil, nil, names)
	if len(ts) != 1 {
		var ks [][]string
		for _, th := range ts {
			var k []string
			for _, a := range th.Allegations {
				k = append(k, a.Key)
			}
			ks = append(ks, k)
		}
		t.Errorf("threads %v, want one", ks)
	}
}

// TestBigThreadNeedsItsFirstReport: a report of another act against Japan
// (farm import quotas) does not join the big chip-pact thread through one
// report that names both disputes, though it fits the thread's profile,
// which holds the words of both: it must match three of its reports or
// its first report.
func TestBigThreadNeedsItsFirstReport(t *testing.T) {
	names := func(id string) string {
		return map[string]string{"japan": "Japan", "us": "United States"}[id]
	}
	var allegs []*Prop
	for i := range bigThread {
		allegs = append(allegs, &Prop{Key: fmt.Sprintf("c%02d", i), Doc: fmt.Sprintf("chip%02d", i), Date: fmt.Sprintf("1987-03-%02d", 1+i%28), Target: "japan", About: []string{"japan"},
			Content: "Japan failed to honor its semiconductor pact and kept dumping microchips below cost in third country markets"})
	}
	allegs = append(allegs,
		&Prop{Key: "m", Doc: "mixed", Date: "1987-04-01", Target: "japan", About: []string{"japan"},
			Content: "Japan kept dumping semiconductors in violation of the pact and its farm import quotas on beef and citrus violate GATT rules"},
		&Prop{Key: "f", Doc: "farm", Date: "1987-04-02", Target: "japan", About: []string{"japan"},
			Content: "Japan's import quotas on beef and citrus violate GATT rules"})
	for _, th := range Build(allegs, nil, nil, names) {
		var keys []string
		for _, a := range th.Allegations {
			keys = append(keys, a.Key)
		}
		if slices.Contains(keys, "c00") && slices.Contains(keys, "f") {
			t.Fatalf("the chip-pact thread holds the farm quotas: %v", keys)
		}
	}
}

package ledger

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"
)

// Repeat is a statement found to repeat an allegation: the allegation's
// source goes on about it, naming its target and asserting its act in
// other words, with no cue of its own ("the SEC said Jefferies agreed
// with an unidentified person to have his firm buy up a large chunk of
// stock" after the SEC's charge that Jefferies parked stock; "Kuwait, they
// said, was pumping 1.2 mln bpd" after traders named Kuwait among those
// producing above quota). It is an allegation of the same thread, less
// sure than one a cue or a wrong marks.
type Repeat struct {
	Claim      string  // key of the repeating statement
	Allegation string  // key of the allegation it repeats
	Score      float64 // in [0, MaxRepeat]
	Reason     string
}

// MaxRepeat is the highest score of a repeat: below an explicit
// allegation's certainty.
const MaxRepeat = 0.8

// minRepeatWords is the weight of act words (IDF over wordScale) a
// statement must share with an allegation to repeat it: two words of one
// story in 30 or so ("above quota"), or one rarer.
const minRepeatWords = 0.15

// minRepeatAcross is the same across articles, where a shared name is
// weaker evidence that the statement is about the same act.
const minRepeatAcross = 0.25

// Repeats finds, among statements (cands: attributed statements that are
// no allegation or answer), those that repeat an allegation of allegs: the
// statement asserts (no question, forecast, wish or negation), comes from
// the allegation's source (sameSource) or, in its article, names the act
// in two words of the clause of its wrong (actCore), is not made by the
// accused or its side, names the allegation's target, and shares two of
// its act words at least, weighed by rarity, but for the words most
// statements of its article use (the story's topic); across articles,
// more of them, within maxRepeatDays.
// Each statement is compared only with the allegations of its article and
// with the latest that share an act word with it (an index of act words
// rarer than minIndexIDF, at most MaxCandidates allegations per word), so
// the cost is O(n·MaxCandidates). A statement repeats the allegation it
// matches best.
func Repeats(allegs, cands []*Prop, names Names) []Repeat {
	idx := make(map[string][]int)
	order := make([]int, len(allegs))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(i, j int) bool { return less(allegs[order[i]], allegs[order[j]]) })
	for _, i := range order {
		a := allegs[i]
		a.prepWords(names)
		if len(a.words) == 0 || len(a.accused()) == 0 {
			continue
		}
		for _, k := range indexKeys(a) {
			bl := append(idx[k], i)
			if len(bl) > MaxCandidates {
				bl = bl[1:]
			}
			idx[k] = bl
		}
	}
	// The words of each article's statements, counted: a word most of
	// them use is the story's topic ("barrel", "output" in a story of
	// OPEC's output), not the act.
	topic := make(map[string]map[string]int)
	stmts := make(map[string]int)
	for _, ps := range [][]*Prop{allegs, cands} {
		for _, p := range ps {
			p.prepWords(names)
			m := topic[p.Doc]
			if m == nil {
				m = make(map[string]int)
				topic[p.Doc] = m
			}
			stmts[p.Doc]++
			for _, w := range p.words {
				m[w]++
			}
		}
	}
	common := func(doc, w string) bool {
		n := topic[doc][w]
		return n >= 3 && 2*n > stmts[doc]
	}
	nk := make(map[string][]string)
	keysOf := func(id string) []string {
		ks, ok := nk[id]
		if !ok {
			ks = nameKeys(names.name(id))
			nk[id] = ks
		}
		return ks
	}
	var out []Repeat
	for _, b := range cands {
		if !assertive(b.Content) {
			continue
		}
		b.prepWords(names)
		if len(b.words) == 0 {
			continue
		}
		keys := indexKeys(b)
		seen := make(map[int]bool)
		best := Repeat{}
		for _, k := range keys {
			for _, j := range idx[k] {
				if seen[j] {
					continue
				}
				seen[j] = true
				if s, why := repeats(allegs[j], b, names, common, keysOf); s > best.Score {
					best = Repeat{Claim: b.Key, Allegation: allegs[j].Key, Score: s, Reason: why}
				}
			}
		}
		if best.Score > 0 {
			out = append(out, best)
		}
	}
	return out
}

// minIndexIDF is how rare in news an act word must be to index the
// allegations that use it (one story in 7 or fewer): "said" and "trade"
// would put every allegation under one key.
const minIndexIDF = 2

// indexKeys returns the keys under which Repeats finds a claim's
// allegations: its article, and its act words rare enough.
func indexKeys(p *Prop) []string {
	keys := []string{"doc:" + p.Doc}
	for _, w := range p.words {
		if IDF(w) >= minIndexIDF {
			keys = append(keys, "w:"+w)
		}
	}
	return keys
}

// repeats scores whether statement b repeats allegation a (0 when it does
// not) and says why. keysOf returns the blocking keys of an entity's name
// (nameKeys), computed once each.
func repeats(a, b *Prop, names Names, common func(doc, w string) bool, keysOf func(string) []string) (float64, string) {
	if a.Key == b.Key {
		return 0, ""
	}
	// The act: the allegation's words, by rarity, but for the story's
	// topic words.
	same := a.Doc != "" && a.Doc == b.Doc
	var words []string
	for _, w := range a.words {
		if slices.Contains(b.words, w) && !common(b.Doc, w) && !common(a.Doc, w) {
			words = append(words, w)
		}
	}
	weight := weigh(words)
	need := minRepeatWords
	if !same {
		need = minRepeatAcross
	}
	// One word, however rare ("amnesty", "peasants"), is the story's
	// subject as often as its act.
	if weight < need || distinctWords(words) < 2 {
		return 0, ""
	}
	// Across articles, the same story: reported within maxRepeatDays of
	// the allegation.
	if !same && !near(cmpOr(a.Published, a.Date), cmpOr(b.Published, b.Date)) {
		return 0, ""
	}
	acc := a.answerable()
	// The accused's own account is no repetition of the charge.
	if b.Claimant != "" && (slices.Contains(acc, b.Claimant) || slices.Contains(b.SpeaksFor, a.Target) && a.Target != "") {
		return 0, ""
	}
	for _, x := range acc {
		if b.ClaimantText != "" && speaksFor(b.ClaimantText, names.name(x)) ||
			b.Claimant != "" && (speaksFor(names.name(b.Claimant), names.name(x)) || NameHolds(names.name(b.Claimant), names.name(x))) {
			return 0, ""
		}
	}
	// The allegation's own source, going on about the act: a statement
	// of another source that shares the story's words is most often the
	// story's news, not the charge ("Japan is attempting to cut back
	// semiconductor production", "talks on a possible merger").
	other := false
	if !sameSource(a, b, same) {
		// Another source, in the allegation's article only: two words
		// at least of the act itself, the clause of the allegation's
		// wrong ("a plot by China to downgrade Taiwan's status in the
		// organisation" after China's attempt to downgrade Taiwan in the
		// organisation), not of the story it is told in.
		if !same {
			return 0, ""
		}
		core := actCore(a.Content)
		var cws []string
		for _, w := range words {
			if slices.Contains(core, w) {
				cws = append(cws, w)
			}
		}
		if distinctWords(cws) < 2 || weigh(cws) < minRepeatWords {
			return 0, ""
		}
		other = true
	}
	// The statement names the accused: as its target, an entity it is
	// about, or by name in its words.
	who := ""
	var bk []string
	for _, x := range acc {
		if x == b.Target || slices.Contains(b.About, x) {
			who = names.name(x)
			break
		}
		if bk == nil {
			bk = nameKeys(b.Content)
		}
		if meets(keysOf(x), bk) {
			who = names.name(x)
			break
		}
	}
	if who == "" {
		return 0, ""
	}
	s := min(MaxRepeat, 0.4+weight)
	if other {
		s -= 0.1
	}
	where := "in the article"
	if !same {
		where = "in document " + a.Doc[:min(len(a.Doc), 12)]
		s -= 0.1
	}
	return s, fmt.Sprintf("repeats the allegation against %s %s (%s): words %s (%d of its %d)", who, where, a.Key,
		strings.Join(words[:min(len(words), 5)], " "), len(words), len(a.words))
}

// sameSource reports whether statement b comes from the source of
// allegation a: the same entity, or, in a's article, the same words naming
// it ("the report", "traders") or a pronoun ("It also said"). Across
// articles, "officials" or "the report" are not the same source.
func sameSource(a, b *Prop, sameDoc bool) bool {
	if a.Claimant != "" && a.Claimant == b.Claimant {
		return true
	}
	if !sameDoc {
		return false
	}
	at, bt := sourceWords(a.ClaimantText), sourceWords(b.ClaimantText)
	if at != "" && at == bt {
		return true
	}
	if b.Claimant == "" {
		switch bt {
		case "it", "he", "she", "they":
			return true
		}
	}
	return false
}

// sourceWords returns the words that name a source, lower-case, without
// a leading article.
func sourceWords(s string) string {
	ts := Tokens(s)
	if len(ts) > 1 && (ts[0] == "the" || ts[0] == "a" || ts[0] == "an") {
		ts = ts[1:]
	}
	return strings.Join(ts, " ")
}

// distinctWords counts act words, a hyphenated word and its parts
// ("short-term", "short", "term") as one.
func distinctWords(ws []string) int {
	n := 0
	for _, w := range ws {
		part := false
		for _, v := range ws {
			if v != w && strings.Contains(v, "-") && slices.Contains(strings.Split(v, "-"), w) {
				part = true
				break
			}
		}
		if !part {
			n++
		}
	}
	return n
}

// weigh is the weight of act words: their IDF over wordScale.
func weigh(ws []string) float64 {
	x := 0.0
	for _, w := range ws {
		x += IDF(w) / wordScale
	}
	return x
}

// actCore returns the act words of the clause of a content's first wrong
// (from the wrong to a comma or semicolon, 16 words at most), or of the
// whole content when it names no wrong.
func actCore(content string) []string {
	ws := strings.Fields(content)
	low := make([]string, len(ws))
	for i, w := range ws {
		if t := Tokens(w); len(t) > 0 {
			low[i] = t[0]
		}
	}
	i, _ := WrongAt(low)
	if i < 0 {
		return ActWords(content)
	}
	j := i
	for j < len(ws) && j-i < 16 {
		j++
		if strings.HasSuffix(ws[j-1], ",") || strings.HasSuffix(ws[j-1], ";") {
			break
		}
	}
	return ActWords(strings.Join(ws[i:j], " "))
}

// maxRepeatDays is how far apart in time an allegation and a statement of
// another article that repeats it may be: the days of one story.
const maxRepeatDays = 30

// near reports whether two dates (ISO, a day at least) are at most
// maxRepeatDays apart; a date unknown or less precise than a day is not.
func near(a, b string) bool {
	ta, err1 := time.Parse("2006-01-02", a[:min(len(a), 10)])
	tb, err2 := time.Parse("2006-01-02", b[:min(len(b), 10)])
	if err1 != nil || err2 != nil {
		return false
	}
	d := ta.Sub(tb)
	return d <= maxRepeatDays*24*time.Hour && d >= -maxRepeatDays*24*time.Hour
}

// assertive reports whether a statement's content asserts a fact: not a
// question, a forecast or a condition ("will", "would", "could", "may",
// "might", "if", "unless", "whether", "likely", "expects"), a wish
// ("wanted", "hopes") or a negation ("did not remember", "neither ...
// nor", "unable to check"), which is how the accused and their side
// account for an act.
func assertive(content string) bool {
	if strings.Contains(content, "?") {
		return false
	}
	for _, w := range Tokens(content) {
		switch w {
		case "will", "would", "could", "might", "may", "if", "unless", "whether", "likely", "unlikely",
			"expect", "expects", "expected", "should", "shall", "forecast", "predicted", "predicts",
			"want", "wants", "wanted", "hope", "hopes", "hoped", "plan", "plans", "planned",
			"not", "no", "never", "neither", "nor", "unable", "cannot", "can't", "didn't", "don't", "doesn't",
			"isn't", "wasn't", "aren't", "weren't", "hasn't", "haven't", "hadn't", "won't", "wouldn't":
			return false
		}
	}
	return true
}

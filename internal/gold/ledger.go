package gold

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"
)

// Ledger is a gold annotation of allegations and their answers across the
// articles of some story clusters (the format of internal/gold/ledger/).
// It holds document IDs, code-point offsets and labels, never the text:
// the corpus is read from where it lies.
type Ledger struct {
	Corpus      string             `json:"corpus"`
	Clusters    []LedgerCluster    `json:"clusters"`
	Threads     []LedgerThread     `json:"threads"`
	Allegations []LedgerAllegation `json:"allegations"`
	Answers     []LedgerAnswer     `json:"answers"`
}

// LedgerCluster is one story: its articles and the split it belongs to
// ("dev" to tune on, "test" to measure).
type LedgerCluster struct {
	ID    string `json:"id"`
	Split string `json:"split"`
	Docs  []struct {
		ID     string `json:"id"`
		SHA256 string `json:"sha256"`
	} `json:"docs"`
}

// LedgerThread is one allegation as a proposition: who is accused of what.
type LedgerThread struct {
	ID      string   `json:"id"`
	Cluster string   `json:"cluster"`
	Target  []string `json:"target"`
	Act     string   `json:"act"`
}

// LedgerAllegation is one place where an allegation is made or reported:
// a span of a document (the words that carry it) and its thread.
type LedgerAllegation struct {
	Doc      string   `json:"doc"`
	Start    int      `json:"start"`
	End      int      `json:"end"`
	Thread   string   `json:"thread"`
	Claimant string   `json:"claimant"`
	Target   []string `json:"target"`
}

// LedgerAnswer is one denial or acknowledgement and the threads it
// answers.
type LedgerAnswer struct {
	Doc      string   `json:"doc"`
	Start    int      `json:"start"`
	End      int      `json:"end"`
	Stance   string   `json:"stance"`
	Answers  []string `json:"answers"`
	Claimant string   `json:"claimant"`
}

// ReadLedger decodes a ledger gold file and checks that every reference
// in it resolves.
func ReadLedger(r io.Reader) (*Ledger, error) {
	var g Ledger
	if err := json.NewDecoder(r).Decode(&g); err != nil {
		return nil, fmt.Errorf("ledger gold: %w", err)
	}
	docs := make(map[string]bool)
	for _, c := range g.Clusters {
		for _, d := range c.Docs {
			docs[d.ID] = true
		}
	}
	threads := make(map[string]bool)
	for _, t := range g.Threads {
		threads[t.ID] = true
	}
	for i, a := range g.Allegations {
		if !docs[a.Doc] || !threads[a.Thread] || a.Start >= a.End {
			return nil, fmt.Errorf("ledger gold: allegation %d: unknown document %q or thread %q, or empty span", i, a.Doc, a.Thread)
		}
	}
	for i, a := range g.Answers {
		if !docs[a.Doc] || a.Start >= a.End || len(a.Answers) == 0 {
			return nil, fmt.Errorf("ledger gold: answer %d: unknown document %q, empty span or no thread", i, a.Doc)
		}
		for _, t := range a.Answers {
			if !threads[t] {
				return nil, fmt.Errorf("ledger gold: answer %d: unknown thread %q", i, t)
			}
		}
	}
	return &g, nil
}

// MergeLedgers joins gold files of different story clusters into one, so
// that they are extracted into one store and scored together. Each file
// is named by names[i] in errors. The files must name the same corpus (or
// none) and share no cluster, thread or document.
func MergeLedgers(names []string, gs []*Ledger) (*Ledger, error) {
	if len(gs) == 1 {
		return gs[0], nil
	}
	out := &Ledger{}
	clusters := make(map[string]string) // ID -> the file that holds it
	threads := make(map[string]string)
	docs := make(map[string]string)
	for i, g := range gs {
		if g.Corpus != "" {
			if out.Corpus != "" && out.Corpus != g.Corpus {
				return nil, fmt.Errorf("%s: corpus %q, but an earlier file's is %q", names[i], g.Corpus, out.Corpus)
			}
			out.Corpus = g.Corpus
		}
		for _, c := range g.Clusters {
			if f, ok := clusters[c.ID]; ok {
				return nil, fmt.Errorf("%s: cluster %q is in %s too", names[i], c.ID, f)
			}
			clusters[c.ID] = names[i]
			for _, d := range c.Docs {
				if f, ok := docs[d.ID]; ok {
					return nil, fmt.Errorf("%s: document %q is in %s too", names[i], d.ID, f)
				}
				docs[d.ID] = names[i]
			}
		}
		for _, t := range g.Threads {
			if f, ok := threads[t.ID]; ok {
				return nil, fmt.Errorf("%s: thread %q is in %s too", names[i], t.ID, f)
			}
			threads[t.ID] = names[i]
		}
		out.Clusters = append(out.Clusters, g.Clusters...)
		out.Threads = append(out.Threads, g.Threads...)
		out.Allegations = append(out.Allegations, g.Allegations...)
		out.Answers = append(out.Answers, g.Answers...)
	}
	return out, nil
}

// TestSplit is the split that is measured, never tuned on: its errors
// are not listed.
const TestSplit = "test"

// Splits returns the splits of the gold's clusters, each once, in the
// order the clusters give them.
func (g *Ledger) Splits() []string {
	var out []string
	for _, c := range g.Clusters {
		if !slices.Contains(out, c.Split) {
			out = append(out, c.Split)
		}
	}
	return out
}

// Only returns the gold of the named clusters alone: their clusters,
// threads, and the allegations and answers of their documents. A name
// the gold lacks is an error that lists the ones it has.
func (g *Ledger) Only(clusters []string) (*Ledger, error) {
	out := &Ledger{Corpus: g.Corpus}
	docs := make(map[string]bool)
	var have []string
	for _, c := range g.Clusters {
		have = append(have, c.ID)
		if slices.Contains(clusters, c.ID) {
			out.Clusters = append(out.Clusters, c)
			for _, d := range c.Docs {
				docs[d.ID] = true
			}
		}
	}
	for _, id := range clusters {
		if !slices.Contains(have, id) {
			return nil, fmt.Errorf("no cluster %q (there are %s)", id, strings.Join(have, ", "))
		}
	}
	for _, t := range g.Threads {
		if slices.Contains(clusters, t.Cluster) {
			out.Threads = append(out.Threads, t)
		}
	}
	for _, a := range g.Allegations {
		if docs[a.Doc] {
			out.Allegations = append(out.Allegations, a)
		}
	}
	for _, a := range g.Answers {
		if docs[a.Doc] {
			out.Answers = append(out.Answers, a)
		}
	}
	return out, nil
}

// DocSplits maps each document ID to its cluster's split.
func (g *Ledger) DocSplits() map[string]string {
	m := make(map[string]string)
	for _, c := range g.Clusters {
		for _, d := range c.Docs {
			m[d.ID] = c.Split
		}
	}
	return m
}

// SysClaim is a claim as the system stored it: its document, the sentence
// that supports it and, for an allegation, its thread.
type SysClaim struct {
	Doc      string
	Start    int // the evidence sentence, code points
	End      int
	Stance   string
	Thread   string
	Text     string // the evidence, for error listings
	Claimant string
	Target   string
	// TargetNames are the target entity's name and aliases, for matching
	// the gold's target names (Target alone when empty).
	TargetNames []string
}

// SysLink is an answer linked to an allegation, by claim key.
type SysLink struct {
	From, To string
	Score    float64
	Reason   string
}

// LedgerSystem is what the system made of the gold's documents: its
// claims by key, which of them are allegations and answers, and the links.
type LedgerSystem struct {
	Claims      map[string]SysClaim
	Allegations []string
	Answers     []string
	Links       []SysLink
	// Threads lists the allegations of each thread, by claim key.
	Threads [][]string
}

// LedgerScore is the ledger's score on one split.
type LedgerScore struct {
	Split string
	Docs  int
	// Allegation detection, by sentence: a system allegation is right when
	// its sentence holds a gold allegation; a gold allegation is found
	// when a system allegation's sentence holds it.
	AllegSys, AllegSysRight   int
	AllegGold, AllegGoldFound int
	// Answers found as claims of an answering stance.
	AnsGold, AnsFound int
	// Links from answers to allegations.
	Links, LinksRight int
	// ByRule counts the links and the right ones by the rule that made
	// them (LinkRule of their reason).
	ByRule                      map[string]RuleCount
	CrossLinks, CrossLinksRight int
	// LinksOutside counts the links from the split's answers to
	// allegations of documents the gold does not hold (a store with
	// other stories): they are in no other figure.
	LinksOutside int
	// Gold (answer, thread) pairs with a right link to an allegation of
	// the thread, and gold answers with at least one right link.
	Pairs, PairsFound int
	AnsLinked         int
	// The gold answers found but linked to nothing they answer, by where
	// the system found an allegation of a thread they answer: nowhere
	// (NoThread), only in other articles (OtherDocs), or in the answer's
	// own article (InDoc); and how many of them are linked to something
	// else (LinkedWrong). Figures of where the links are lost: an answer
	// whose allegation was never found cannot be linked by any linker.
	UnlinkedNoThread, UnlinkedOtherDocs, UnlinkedInDoc, UnlinkedLinkedWrong int
	// Threads, pairwise over system allegations matched to gold ones:
	// pairs the system put in one thread, and how many of them are in one
	// gold thread; pairs the gold puts in one thread, and how many the
	// system put together.
	SysSame, SysSameRight   int
	GoldSame, GoldSameFound int
	// Targets: system allegations whose sentence holds a gold allegation,
	// and how many of them have a target that is one of the gold
	// allegations' targets by name (TargetMatches).
	TargetSys, TargetRight int
	// Errors lists the misses and false alarms, one line each.
	Errors []string
}

func overlaps(a0, a1, b0, b1 int) bool { return a0 < b1 && b0 < a1 }

// ThreadsAt returns the gold threads of the allegations that overlap a
// span of a document (as the scores match a system allegation), each
// once, in the gold's order; none when the span holds no gold
// allegation.
func (g *Ledger) ThreadsAt(doc string, start, end int) []string {
	var out []string
	for _, a := range g.Allegations {
		if a.Doc == doc && overlaps(a.Start, a.End, start, end) && !slices.Contains(out, a.Thread) {
			out = append(out, a.Thread)
		}
	}
	return out
}

// ScoreLedger scores sys against g on the documents of one split ("" for
// all of them).
func ScoreLedger(g *Ledger, sys *LedgerSystem, split string) LedgerScore {
	splits := g.DocSplits()
	in := func(doc string) bool { s, ok := splits[doc]; return ok && (split == "" || s == split) }
	sc := LedgerScore{Split: split, ByRule: make(map[string]RuleCount)}
	if sc.Split == "" {
		sc.Split = "all"
	}
	for d := range splits {
		if in(d) {
			sc.Docs++
		}
	}
	errf := func(format string, args ...any) { sc.Errors = append(sc.Errors, fmt.Sprintf(format, args...)) }
	// Gold items of a system claim.
	allegOf := func(c SysClaim) []int {
		var out []int
		for i, a := range g.Allegations {
			if a.Doc == c.Doc && overlaps(a.Start, a.End, c.Start, c.End) {
				out = append(out, i)
			}
		}
		return out
	}
	ansOf := func(c SysClaim) []int {
		var out []int
		for i, a := range g.Answers {
			if a.Doc == c.Doc && overlaps(a.Start, a.End, c.Start, c.End) {
				out = append(out, i)
			}
		}
		return out
	}
	// Allegations by sentence.
	type sentKey struct {
		doc        string
		start, end int
	}
	sysSents := make(map[sentKey]SysClaim)
	for _, k := range sys.Allegations {
		c := sys.Claims[k]
		if in(c.Doc) {
			sysSents[sentKey{c.Doc, c.Start, c.End}] = c
		}
	}
	keys := make([]sentKey, 0, len(sysSents))
	for k := range sysSents {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].doc != keys[j].doc {
			return keys[i].doc < keys[j].doc
		}
		return keys[i].start < keys[j].start
	})
	for _, k := range keys {
		sc.AllegSys++
		if len(allegOf(sysSents[k])) > 0 {
			sc.AllegSysRight++
		} else {
			c := sysSents[k]
			errf("false allegation  %s %d: %s", c.Doc, c.Start, oneLine(c.Text))
		}
	}
	for _, a := range g.Allegations {
		if !in(a.Doc) {
			continue
		}
		sc.AllegGold++
		found := false
		for _, k := range keys {
			if k.doc == a.Doc && overlaps(a.Start, a.End, k.start, k.end) {
				found = true
			}
		}
		if found {
			sc.AllegGoldFound++
		} else {
			errf("missed allegation %s %d-%d (%s, by %s)", a.Doc, a.Start, a.End, a.Thread, a.Claimant)
		}
	}
	// Targets, one system allegation at a time.
	for _, k := range sys.Allegations {
		c := sys.Claims[k]
		if !in(c.Doc) {
			continue
		}
		gis := allegOf(c)
		if len(gis) == 0 {
			continue
		}
		sc.TargetSys++
		names := c.TargetNames
		if len(names) == 0 && c.Target != "" {
			names = []string{c.Target}
		}
		var golds []string
		right := false
		for _, gi := range gis {
			for _, t := range g.Allegations[gi].Target {
				if !slices.Contains(golds, t) {
					golds = append(golds, t)
				}
				right = right || TargetMatches(names, t)
			}
		}
		if right {
			sc.TargetRight++
		} else {
			who := c.Target
			if who == "" {
				who = "(none)"
			}
			by := c.Claimant
			if by == "" {
				by = "-"
			}
			errf("wrong target      %s %d: %s, gold %s (claimant %s): %s", c.Doc, c.Start, who, strings.Join(golds, " / "), by, oneLine(c.Text))
		}
	}
	// Answers.
	ansFound := make(map[int]bool) // gold answers found as claims
	for ai, a := range g.Answers {
		if !in(a.Doc) {
			continue
		}
		sc.AnsGold++
		found := slices.ContainsFunc(sys.Answers, func(k string) bool {
			c := sys.Claims[k]
			return c.Doc == a.Doc && overlaps(a.Start, a.End, c.Start, c.End)
		})
		ansFound[ai] = found
		if found {
			sc.AnsFound++
		} else {
			errf("missed answer     %s %d-%d (%s of %s, by %s)", a.Doc, a.Start, a.End, a.Stance, strings.Join(a.Answers, " "), a.Claimant)
		}
	}
	// Links.
	type pair struct {
		ans    int
		thread string
	}
	pairsFound := make(map[pair]bool)
	ansLinked := make(map[int]bool)
	for _, l := range sys.Links {
		from, to := sys.Claims[l.From], sys.Claims[l.To]
		if !in(from.Doc) {
			continue
		}
		if _, ok := splits[to.Doc]; !ok {
			// A link to a story the gold does not hold (a store with
			// other documents): neither right nor wrong by the gold.
			sc.LinksOutside++
			continue
		}
		sc.Links++
		cross := from.Doc != to.Doc
		if cross {
			sc.CrossLinks++
		}
		right := false
		for _, ai := range ansOf(from) {
			for _, gi := range allegOf(to) {
				t := g.Allegations[gi].Thread
				if slices.Contains(g.Answers[ai].Answers, t) {
					right = true
					pairsFound[pair{ai, t}] = true
					ansLinked[ai] = true
				}
			}
		}
		rule := LinkRule(l.Reason, cross)
		rc := sc.ByRule[rule]
		rc.Links++
		if right {
			rc.Right++
		}
		sc.ByRule[rule] = rc
		if right {
			sc.LinksRight++
			if cross {
				sc.CrossLinksRight++
			}
		} else {
			errf("wrong link        %s %d: %s\n                  -> %s %d: %s\n                  (score %.2f: %s)",
				from.Doc, from.Start, oneLine(from.Text), to.Doc, to.Start, oneLine(to.Text), l.Score, l.Reason)
		}
	}
	// Where the system found each gold thread's allegations: the
	// documents of its system allegations that hold a gold allegation of
	// it (any split: an answer may answer a report of another cluster's
	// document only if the gold says so, and it never does across
	// splits).
	threadDocs := make(map[string]map[string]bool)
	for _, k := range sys.Allegations {
		c := sys.Claims[k]
		for _, gi := range allegOf(c) {
			t := g.Allegations[gi].Thread
			if threadDocs[t] == nil {
				threadDocs[t] = make(map[string]bool)
			}
			threadDocs[t][c.Doc] = true
		}
	}
	// where says where the allegations of thread t were found, seen from
	// document doc.
	where := func(doc, t string) string {
		switch {
		case threadDocs[t][doc]:
			return "its thread found in its article"
		case len(threadDocs[t]) > 0:
			return "its thread found only in other articles"
		}
		return "its thread not found"
	}
	linkedFrom := make(map[int]bool) // gold answers with any link
	for _, l := range sys.Links {
		for _, ai := range ansOf(sys.Claims[l.From]) {
			linkedFrom[ai] = true
		}
	}
	for ai, a := range g.Answers {
		if !in(a.Doc) {
			continue
		}
		found := ansFound[ai]
		for _, t := range a.Answers {
			sc.Pairs++
			if pairsFound[pair{ai, t}] {
				sc.PairsFound++
			} else {
				cause := "not found as a claim"
				if found {
					cause = where(a.Doc, t)
				}
				errf("unlinked answer   %s %d-%d (%s by %s) to %s [%s]", a.Doc, a.Start, a.End, a.Stance, a.Claimant, t, cause)
			}
		}
		if ansLinked[ai] {
			sc.AnsLinked++
			continue
		}
		if !found {
			continue
		}
		// The best place any of its threads was found.
		inDoc, other := false, false
		for _, t := range a.Answers {
			inDoc = inDoc || threadDocs[t][a.Doc]
			other = other || len(threadDocs[t]) > 0
		}
		switch {
		case inDoc:
			sc.UnlinkedInDoc++
		case other:
			sc.UnlinkedOtherDocs++
		default:
			sc.UnlinkedNoThread++
		}
		if linkedFrom[ai] {
			sc.UnlinkedLinkedWrong++
		}
	}
	// Threads, pairwise.
	type member struct {
		thread  string
		threads []string
	}
	var ms []member
	for _, k := range sys.Allegations {
		c := sys.Claims[k]
		if !in(c.Doc) {
			continue
		}
		var ts []string
		for _, gi := range allegOf(c) {
			ts = append(ts, g.Allegations[gi].Thread)
		}
		if len(ts) > 0 {
			ms = append(ms, member{c.Thread, ts})
		}
	}
	for i := range ms {
		for j := i + 1; j < len(ms); j++ {
			sysSame := ms[i].thread != "" && ms[i].thread == ms[j].thread
			goldSame := false
			for _, t := range ms[i].threads {
				goldSame = goldSame || slices.Contains(ms[j].threads, t)
			}
			if sysSame {
				sc.SysSame++
				if goldSame {
					sc.SysSameRight++
				}
			}
			if goldSame {
				sc.GoldSame++
				if sysSame {
					sc.GoldSameFound++
				}
			}
		}
	}
	return sc
}

// TargetMatches says whether a system target, given by its names (the
// entity's name and aliases), is the gold target named gold. Names are
// case-folded, possessives, punctuation, middle initials, a leading "the"
// and a company's legal suffixes (Inc, Corp, Co, Ltd...) dropped. A name matches when it
// equals the gold name or stands in it as whole words ("Toshiba" in
// "Toshiba Machine employees", "VW" in "VW foreign exchange staff"); when
// the gold name opens with the name's people word ("Japan" for "Japanese
// chip makers", "Turkey" for "Turkish jets": the name with -ese, -ian,
// -an, -n, -i or -ish, a final y or ey dropped); when the initials of the gold
// name's capitalised words are the name ("NIOC" for "National Iranian Oil
// Company"); or when the name's initials stand in the gold name as a word
// ("European Community" for "EC officials").
func TargetMatches(names []string, gold string) bool {
	gf := targetFold(gold)
	if gf == "" {
		return false
	}
	gAcr := strings.ToLower(initials(gold))
	first, _, _ := strings.Cut(gf, " ")
	for _, n := range names {
		nf := targetFold(n)
		if nf == "" {
			continue
		}
		if nf == gf || containsWords(gf, nf) {
			return true
		}
		if !strings.Contains(nf, " ") && len(nf) >= 4 {
			for _, stem := range []string{nf, strings.TrimSuffix(nf, "y"), strings.TrimSuffix(nf, "ey")} {
				if rest, ok := strings.CutPrefix(first, stem); ok && slices.Contains([]string{"ese", "ian", "an", "n", "i", "ish"}, rest) {
					return true
				}
			}
		}
		if len(gAcr) >= 2 && strings.ReplaceAll(nf, ".", "") == gAcr {
			return true
		}
		if a := strings.ToLower(initials(n)); len(a) >= 2 && containsWords(gf, a) {
			return true
		}
	}
	return false
}

// legalSuffixes are the words a company's name may end with that the gold
// may leave out.
var legalSuffixes = map[string]bool{"inc": true, "corp": true, "co": true, "ltd": true, "plc": true, "ag": true,
	"sa": true, "nv": true, "llc": true, "lp": true, "corporation": true, "company": true, "incorporated": true,
	"limited": true, "group": true, "holdings": true}

// targetFold case-folds a name into its words without punctuation, drops
// middle initials, a leading "the" and trailing legal suffixes (keeping one word at least).
func targetFold(s string) string {
	s = strings.ToLower(s)
	s = strings.NewReplacer("'s ", " ", "\u2019s ", " ").Replace(s + " ")
	s = strings.Map(func(r rune) rune {
		switch r {
		case ',', '(', ')', '"', '’':
			return ' '
		case '\'':
			return -1
		}
		return r
	}, s)
	ws := strings.Fields(s)
	// A middle initial ("Boyd L. Jefferies") is dropped.
	for i := len(ws) - 2; i > 0; i-- {
		if w := []rune(ws[i]); len(w) == 2 && w[1] == '.' {
			ws = slices.Delete(ws, i, i+1)
		}
	}
	if len(ws) > 1 && ws[0] == "the" {
		ws = ws[1:]
	}
	for len(ws) > 1 && legalSuffixes[strings.TrimSuffix(ws[len(ws)-1], ".")] {
		ws = ws[:len(ws)-1]
	}
	return strings.Join(ws, " ")
}

// containsWords says whether the words of sub stand together in s.
func containsWords(s, sub string) bool {
	return strings.Contains(" "+s+" ", " "+sub+" ")
}

// initials returns the initials of a name's capitalised words, or "" for
// a name of one word.
func initials(s string) string {
	ws := strings.Fields(s)
	if len(ws) < 2 {
		return ""
	}
	var b strings.Builder
	for _, w := range ws {
		r := []rune(w)
		if len(r) > 0 && r[0] >= 'A' && r[0] <= 'Z' {
			b.WriteRune(r[0])
		}
	}
	return b.String()
}

func oneLine(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > 200 {
		s = string(r[:200]) + "…"
	}
	return s
}

func ratio(a, b int) string {
	if b == 0 {
		return "   -"
	}
	return fmt.Sprintf("%.2f", float64(a)/float64(b))
}

// WriteLedgerScores prints the scores as a table, one column a split.
func WriteLedgerScores(w io.Writer, scores []LedgerScore) {
	row := func(name string, f func(s LedgerScore) string) {
		fmt.Fprintf(w, "%-34s", name)
		for _, s := range scores {
			fmt.Fprintf(w, "  %16s", f(s))
		}
		fmt.Fprintln(w)
	}
	frac := func(a, b int) string { return fmt.Sprintf("%s (%d/%d)", ratio(a, b), a, b) }
	row("", func(s LedgerScore) string { return s.Split })
	row("documents", func(s LedgerScore) string { return fmt.Sprint(s.Docs) })
	row("allegation precision (sentences)", func(s LedgerScore) string { return frac(s.AllegSysRight, s.AllegSys) })
	row("allegation recall", func(s LedgerScore) string { return frac(s.AllegGoldFound, s.AllegGold) })
	row("answers found as claims", func(s LedgerScore) string { return frac(s.AnsFound, s.AnsGold) })
	row("answer-link precision", func(s LedgerScore) string { return frac(s.LinksRight, s.Links) })
	row("answer-link recall (answer,thread)", func(s LedgerScore) string { return frac(s.PairsFound, s.Pairs) })
	row("cross-document link precision", func(s LedgerScore) string { return frac(s.CrossLinksRight, s.CrossLinks) })
	row("answers linked to what they answer", func(s LedgerScore) string { return frac(s.AnsLinked, s.AnsGold) })
	unlinked := func(s LedgerScore) int { return s.UnlinkedNoThread + s.UnlinkedOtherDocs + s.UnlinkedInDoc }
	row("found, not linked: thread not found", func(s LedgerScore) string { return frac(s.UnlinkedNoThread, unlinked(s)) })
	row("  thread found only in other articles", func(s LedgerScore) string { return frac(s.UnlinkedOtherDocs, unlinked(s)) })
	row("  thread found in the answer's article", func(s LedgerScore) string { return frac(s.UnlinkedInDoc, unlinked(s)) })
	row("  linked to something else", func(s LedgerScore) string { return frac(s.UnlinkedLinkedWrong, unlinked(s)) })
	row("allegation target accuracy", func(s LedgerScore) string { return frac(s.TargetRight, s.TargetSys) })
	row("thread pair precision", func(s LedgerScore) string { return frac(s.SysSameRight, s.SysSame) })
	row("thread pair recall", func(s LedgerScore) string { return frac(s.GoldSameFound, s.GoldSame) })
	outside := false
	for _, s := range scores {
		outside = outside || s.LinksOutside > 0
	}
	if outside {
		row("links to documents outside the gold", func(s LedgerScore) string { return fmt.Sprint(s.LinksOutside) })
	}
}

// RuleCount is how many links a rule made and how many are right.
type RuleCount struct{ Links, Right int }

// LinkRule names the rule that made a link from the link's reason, without
// the names in it, so that links of one rule count together: the first
// clause of the reason ("Japan, the accused, answers; act rules; words
// pact" is "the accused answers"), "across: " before it for a link
// between two articles, and "+act" after it when the act's kinds or words
// met too.
func LinkRule(reason string, cross bool) string {
	r := strings.TrimPrefix(reason, "in the article: ")
	first, rest, _ := strings.Cut(r, "; ")
	var rule string
	switch {
	case strings.Contains(first, ", the accused"):
		rule = "the accused answers"
	case strings.Contains(first, " answers for "):
		rule = "its side answers"
	case strings.Contains(first, " speak for "):
		rule = "its people answer"
	case strings.HasPrefix(first, "its subject is "):
		rule = "its subject is the accused"
	case strings.HasPrefix(first, "about "):
		rule = "about the accused"
	case strings.HasPrefix(first, "names ") && !strings.HasPrefix(first, "names the allegation"):
		rule = "names the accused"
	case strings.HasSuffix(first, " by name"):
		rule = "the accused by name"
	case strings.HasPrefix(first, "finds no wrongdoing by "):
		rule = "finds no wrongdoing by the accused"
	case first == "":
		rule = "(no reason)"
	default:
		rule = first
		if i := strings.Index(rule, " ("); i > 0 && strings.HasSuffix(rule, ")") {
			rule = rule[:i] // "the accused states the opposite (corn)": the story's words
		}
	}
	if strings.Contains(rest, "the one allegation against it") {
		rule += ", the one allegation against it"
	}
	if rest != "" && (strings.Contains(rest, "act ") || strings.Contains(rest, "words ")) {
		rule += " +act"
	}
	if cross {
		rule = "across: " + rule
	}
	return rule
}

// WriteLedgerRules prints the links of each rule and how many are right,
// one row a rule (the most links first), one column a split.
func WriteLedgerRules(w io.Writer, scores []LedgerScore) {
	total := make(map[string]int)
	for _, s := range scores {
		for r, c := range s.ByRule {
			total[r] += c.Links
		}
	}
	rules := make([]string, 0, len(total))
	for r := range total {
		rules = append(rules, r)
	}
	sort.Slice(rules, func(i, j int) bool {
		if total[rules[i]] != total[rules[j]] {
			return total[rules[i]] > total[rules[j]]
		}
		return rules[i] < rules[j]
	})
	fmt.Fprintf(w, "\n%-56s", "links by rule: right/links")
	for _, s := range scores {
		fmt.Fprintf(w, "  %9s", s.Split)
	}
	fmt.Fprintln(w)
	for _, r := range rules {
		fmt.Fprintf(w, "%-56s", r)
		for _, s := range scores {
			c := s.ByRule[r]
			fmt.Fprintf(w, "  %9s", fmt.Sprintf("%d/%d", c.Right, c.Links))
		}
		fmt.Fprintln(w)
	}
}

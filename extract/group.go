package extract

import (
	"sort"
	"strings"

	"github.com/dossier-project/dossier/schema"
)

// grp is an entity being assembled from mentions.
type grp struct {
	typ  string
	name string // the best full name so far
	ms   []*mention
	sex  byte // what honorifics of its mentions say: 'M', 'F', 'X' for both, 0 for none
}

// grouper assigns mentions to groups by key.
type grouper struct {
	groups []*grp
	byKey  map[string]int
	byWord map[wordKey][]int // see findWord
}

func (g *grouper) join(m *mention, i int) {
	m.group = i
	gr := g.groups[i]
	gr.ms = append(gr.ms, m)
	if x := mentionSex(m); x != 0 && gr.sex != x {
		if gr.sex == 0 {
			gr.sex = x
		} else {
			gr.sex = 'X'
		}
	}
	if m.rule == "" && (!m.titled || len(strings.Fields(m.Text)) > 1) {
		if c := m.canonical(); betterName(c, gr.name) {
			gr.name = c
		}
	}
}

// absorb moves every mention of group gr into group target, merged by
// rule, with the target's first mention as the evidence and the target's
// type, and leaves gr empty.
func (g *grouper) absorb(gr *grp, target int, rule string) {
	why := g.groups[target].ms[0].Span
	for _, m := range gr.ms {
		m.rule, m.why, m.Type = rule, why, g.groups[target].typ
		g.join(m, target)
	}
	gr.ms = nil
}

func (g *grouper) open(m *mention, key string) {
	if i, ok := g.byKey[key]; ok {
		g.join(m, i)
		return
	}
	g.groups = append(g.groups, &grp{typ: m.Type})
	g.byKey[key] = len(g.groups) - 1
	g.join(m, len(g.groups)-1)
}

// findWord returns the first group of type typ whose name (less a leading
// "The") has two words or more and whose first word, or with last its last
// word, is word in any case, and that ok accepts (nil accepts any); or -1.
// It looks the word up in an index made at the first call, so that
// resolving a document's short forms takes time linear in its names rather
// than their square: the short forms that group joins or opens meanwhile
// never give a group such a name. At most maxWordGroups groups are kept per
// word.
func (g *grouper) findWord(typ, word string, last bool, ok func(*grp) bool) int {
	if g.byWord == nil {
		g.byWord = map[wordKey][]int{}
		for i, gr := range g.groups {
			w := strings.Fields(stripThe(gr.name))
			if len(gr.ms) == 0 || len(w) < 2 {
				continue
			}
			for _, k := range []wordKey{{gr.typ, strings.ToLower(w[0]), false}, {gr.typ, strings.ToLower(w[len(w)-1]), true}} {
				if l := g.byWord[k]; len(l) < maxWordGroups {
					g.byWord[k] = append(l, i)
				}
			}
		}
	}
	for _, i := range g.byWord[wordKey{typ, strings.ToLower(word), last}] {
		if ok == nil || ok(g.groups[i]) {
			return i
		}
	}
	return -1
}

// maxWordGroups bounds the groups findWord considers for one word.
const maxWordGroups = 16

// wordKey is a key of grouper.byWord: a type, a lower-case word, and
// whether it is the last word of the name or the first.
type wordKey struct {
	typ, word string
	last      bool
}

// betterName reports whether name c should replace the group's name so
// far: the longer name wins, and at equal length one that is not in
// capitals ("Reagan" over a headline's "REAGAN").
func betterName(c, cur string) bool {
	switch {
	case cur == "":
		return true
	case len(c) != len(cur):
		return len(c) > len(cur)
	}
	return isCaps(cur) && !isCaps(c)
}

func isCaps(s string) bool { return strings.ToUpper(s) == s && strings.ToLower(s) != s }

// canonical is the name a mention stands for, with white space folded
// ("George\nShultz" in a hard-wrapped story is "George Shultz").
func (m *mention) canonical() string {
	if m.canon != "" && m.canon[0] != '=' {
		return m.canon
	}
	name := strings.Join(strings.Fields(m.Text), " ")
	if m.Type == schema.Place {
		if c, ok := countryName(name); ok {
			return c
		}
	}
	return name
}

func keyOf(typ, name string) string {
	if typ != schema.Person && typ != schema.Place {
		name = stripThe(name)
	}
	return schema.Key(typ, name)
}

// group merges mentions into entities. Full names go first; then acronym
// definitions join their expansion (and the acronym becomes a key of the
// group, so that its bare mentions follow); then short forms (a title with
// a surname, a bare surname, a company's first word) join the full name
// they abbreviate.
func group(ms []*mention) []schema.Entity {
	g := &grouper{byKey: make(map[string]int)}
	var acronyms, short, tickers []*mention
	for _, m := range ms {
		m.group = -1
		nw := len(strings.Fields(m.Text))
		switch {
		case m.rule == "ticker":
			tickers = append(tickers, m)
		case m.rule == "acronym-definition":
			acronyms = append(acronyms, m)
		case m.rule == "correction":
			g.open(m, keyOf(m.Type, m.canonical()))
		case m.split:
			g.open(m, keyOf(m.Type, bareName(m)))
		case m.titled && nw == 1, m.Type == schema.Person && nw == 1,
			m.Type == schema.Organization && nw == 1 && !isAcronym(m.Text) && m.canon == "":
			short = append(short, m)
		default:
			g.open(m, keyOf(m.Type, m.canonical()))
		}
	}
	byText := map[string][]*mention{} // the mentions of each text, in order
	if len(acronyms) > 0 {
		for _, o := range ms {
			byText[o.Text] = append(byText[o.Text], o)
		}
	}
	for _, m := range acronyms {
		long := m.canon[1:]
		target := -1
		for _, o := range byText[long] {
			if o != m && o.group >= 0 {
				target = o.group
				break
			}
		}
		if target < 0 {
			g.open(m, keyOf(m.Type, m.Text))
			continue
		}
		key := keyOf(m.Type, m.Text)
		if old, ok := g.byKey[key]; ok && old != target {
			// The acronym was seen alone too: fold that group in.
			for _, o := range g.groups[old].ms {
				o.rule, o.why = "acronym-definition", m.why
				g.join(o, target)
			}
			g.groups[old].ms = nil
		}
		g.join(m, target)
		g.byKey[key] = target
	}
	for _, m := range short {
		f := strings.Fields(m.Text)
		word := f[len(f)-1]
		target := -1
		switch m.Type {
		case schema.Person:
			// A surname, with or without a title, joins the person whose
			// full name ends with it.
			target = g.findWord(schema.Person, word, true, func(gr *grp) bool { return !sexConflict(m, gr) })
			if target >= 0 {
				m.rule = "surname"
				if m.titled {
					m.rule = "title-surname"
				}
			}
		case schema.Organization:
			// A bare word joins the organisation whose name starts with it
			// ("Kaspersky" for "Kaspersky Lab").
			target = g.findWord(schema.Organization, word, false, nil)
			if target >= 0 {
				m.rule = "short-name"
			}
		}
		if target >= 0 {
			// The evidence of the merge is the full name it was matched to.
			m.why = m.Span
			for _, o := range g.groups[target].ms {
				if o.rule == "" {
					m.why = o.Span
					break
				}
			}
			g.join(m, target)
			continue
		}
		g.open(m, keyOf(m.Type, bareName(m)))
	}

	g.legalForms()
	g.tickers(tickers)
	g.initials()
	g.typos()
	g.personCompanies()

	var out []schema.Entity
	byID := make(map[string]int)
	for _, gr := range g.groups {
		if len(gr.ms) == 0 {
			continue
		}
		e := buildEntity(gr)
		if i, ok := byID[e.ID]; ok {
			out[i] = foldEntities(out[i], e)
			continue
		}
		byID[e.ID] = len(out)
		out = append(out, e)
	}
	sort.SliceStable(out, func(i, j int) bool { return firstPos(out[i]) < firstPos(out[j]) })
	return out
}

// firstPos is where an entity first appears: its first mention, or for an
// entity known only through a nationality adjective, that adjective.
func firstPos(e schema.Entity) int {
	if len(e.Mentions) > 0 {
		return e.Mentions[0].Start
	}
	if len(e.Merges) > 0 {
		return e.Merges[0].Evidence.Start
	}
	return 0
}

// buildEntity makes the entity of a group: its name, ID, kind, aliases,
// mentions in text order and the record of every merge.
func buildEntity(gr *grp) schema.Entity {
	sort.SliceStable(gr.ms, func(i, j int) bool { return gr.ms[i].Start < gr.ms[j].Start })
	name := gr.name
	if name == "" {
		// Only short forms: "Mr Kaspersky" alone names a person Kaspersky,
		// "Mrs Howard" a person Mrs Howard (not the Mr Howard beside her).
		name = bareName(gr.ms[0])
	}
	name = recased(name, gr.typ, gr.ms)
	e := schema.Entity{ID: keyOf(gr.typ, name), Name: name, Type: gr.typ, Aliases: []string{}, Mentions: []schema.Mention{}}
	seen := map[string]bool{name: true}
	merged := make(map[string]bool)
	alias := func(a string) {
		a = strings.Join(strings.Fields(a), " ")
		if !seen[a] {
			seen[a] = true
			e.Aliases = append(e.Aliases, a)
		}
	}
	for _, m := range gr.ms {
		if m.derived {
			alias(m.Text)
			if !merged[m.Text+"\x00"+m.rule] {
				merged[m.Text+"\x00"+m.rule] = true
				e.Merges = append(e.Merges, schema.Merge{Alias: m.Text, Rule: m.rule, Evidence: m.why})
			}
			continue
		}
		e.Mentions = append(e.Mentions, schema.Mention{Span: m.Span, Sentence: m.Sentence})
		alias(m.Text)
		if m.tform != "" {
			alias(m.tform)
		}
		if m.prefix != "" && !seen[m.prefix] {
			alias(m.prefix)
			e.Merges = append(e.Merges, schema.Merge{Alias: m.prefix, Rule: "nationality-prefix", Evidence: m.Span})
		}
		if m.rule != "" {
			a := m.Text
			if m.tform != "" {
				a = m.tform
			}
			if !merged[a+"\x00"+m.rule] {
				merged[a+"\x00"+m.rule] = true
				e.Merges = append(e.Merges, schema.Merge{Alias: a, Rule: m.rule, Evidence: m.why})
			}
		} else if m.canon != "" && m.canon != m.Text && m.Type == schema.Organization {
			e.Merges = append(e.Merges, schema.Merge{Alias: m.Text, Rule: "nationality-prefix", Evidence: m.Span})
		} else if m.Type == schema.Place && m.canonical() != m.Text && !merged[m.Text+"\x00country-alias"] {
			merged[m.Text+"\x00country-alias"] = true
			e.Merges = append(e.Merges, schema.Merge{Alias: m.Text, Rule: "country-alias", Evidence: m.Span})
		}
	}
	if s := stripThe(name); s != name {
		alias(s)
	}
	for i := range e.Merges {
		e.Merges[i].Alias = strings.Join(strings.Fields(e.Merges[i].Alias), " ")
		if e.Merges[i].Confidence == 0 {
			e.Merges[i].Confidence = schema.RuleConfidence(e.Merges[i].Rule)
		}
	}
	e.Kind, e.KindReason = kindOf(name, gr.typ, e.Aliases)
	return e
}

// foldEntities merges b into a (same ID from two groups).
func foldEntities(a, b schema.Entity) schema.Entity {
	seen := map[string]bool{a.Name: true}
	for _, x := range a.Aliases {
		seen[x] = true
	}
	for _, x := range append([]string{b.Name}, b.Aliases...) {
		x = strings.Join(strings.Fields(x), " ")
		if !seen[x] {
			seen[x] = true
			a.Aliases = append(a.Aliases, x)
		}
	}
	a.Mentions = append(a.Mentions, b.Mentions...)
	sort.SliceStable(a.Mentions, func(i, j int) bool { return a.Mentions[i].Start < a.Mentions[j].Start })
	a.Merges = append(a.Merges, b.Merges...)
	if a.Kind == "" || a.Kind == schema.KindOther && b.Kind != "" && b.Kind != schema.KindOther {
		a.Kind, a.KindReason = b.Kind, b.KindReason
	}
	return a
}

// bareName is the name of an entity known only by a short form: the
// surname of "Mr Kaspersky" ("Kaspersky"), but with an honorific that says
// the person's sex kept ("Mrs Howard"), so that Mr and Mrs Howard of one
// article are two people.
func bareName(m *mention) string {
	if !m.titled {
		return m.canonical()
	}
	f := strings.Fields(m.Text)
	word := f[len(f)-1]
	if honorificSex(m.title) != 0 {
		return strings.TrimSuffix(m.title, ".") + " " + word
	}
	return word
}

// stripThe drops a leading "The " from a name.
func stripThe(s string) string {
	if len(s) > 4 && (strings.HasPrefix(s, "The ") || strings.HasPrefix(s, "the ")) {
		return s[4:]
	}
	return s
}

// initials folds an organisation named only by an acronym into the one
// organisation of the document whose name it spells ("EU" and "European
// Union", "IMF" and "International Monetary Fund") when no parenthesis
// defined it: the acronym's letters must be exactly the initials of the
// name's capitalised words, and exactly one group may match.
func (g *grouper) initials() {
	for i, gr := range g.groups {
		if gr.typ != schema.Organization || len(gr.ms) == 0 {
			continue
		}
		acr := ""
		for _, m := range gr.ms {
			if m.rule != "" || m.canon != "" || !isAcronym(m.Text) || strings.ContainsAny(m.Text, " .&-") {
				acr = ""
				break
			}
			if acr == "" {
				acr = strings.ToUpper(m.Text)
			} else if strings.ToUpper(m.Text) != acr {
				acr = ""
				break
			}
		}
		if acr == "" {
			continue
		}
		target := -1
		for j, o := range g.groups {
			if j == i || o.typ != schema.Organization || len(o.ms) == 0 || !spellsGroup(acr, o) {
				continue
			}
			if target >= 0 {
				target = -2 // two names fit: say nothing
				break
			}
			target = j
		}
		if target < 0 {
			continue
		}
		why := g.groups[target].ms[0].Span
		for _, m := range gr.ms {
			m.rule, m.why = "acronym-initials", why
			g.join(m, target)
		}
		gr.ms = nil
	}
}

// spells reports whether acr is exactly the initials of name's capitalised
// words, in order ("FBI", "Federal Bureau of Investigation"), for a name of
// two words or more.
func spells(acr, name string) bool {
	initials := initialsOf(name)
	return len(initials) >= 2 && string(initials) == acr
}

// legalForms folds an organisation named with its legal form into the one
// named without it ("Gulf and Western Inc" into "Gulf and Western",
// "General Motors Corp" into "General Motors", "Merrill Lynch and Co" into
// "Merrill Lynch"): a story names a company in full once and then without
// the form. The name without the form must have two words or more
// (a single word joins as a short form already).
func (g *grouper) legalForms() {
	for i, gr := range g.groups {
		if gr.typ != schema.Organization || len(gr.ms) == 0 {
			continue
		}
		w := strings.Fields(stripThe(gr.name))
		if len(w) < 3 || !legalForm(w[len(w)-1]) {
			continue
		}
		base := w[:len(w)-1]
		if n := len(base); n > 2 && (base[n-1] == "&" || strings.EqualFold(base[n-1], "and")) {
			base = base[:n-1] // "Merrill Lynch and Co"
		}
		if len(base) < 2 {
			continue
		}
		j, ok := g.byKey[keyOf(schema.Organization, strings.Join(base, " "))]
		if !ok || j == i || g.groups[j].typ != schema.Organization || len(g.groups[j].ms) == 0 {
			continue
		}
		// The entity keeps the name without the form, the one it has in
		// the stories that never give the form; the full name is an
		// alias, its mentions merged by the rule "legal-form".
		for _, m := range gr.ms {
			if m.rule == "" {
				m.rule, m.why = "legal-form", m.Span
			}
			g.join(m, j)
		}
		gr.ms = nil
		if b := strings.Join(base, " "); isCaps(g.groups[j].name) && !isCaps(b) {
			// "REYNOLDS AND REYNOLDS" of a headline is shown as the
			// story spells it, "Reynolds and Reynolds" of "Reynolds and
			// Reynolds Co".
			g.groups[j].name = b
		}
	}
}

// spellsGroup reports whether acr spells the group's name or the full
// name, with its legal form, that legalForms folded into it ("WCI" for
// "Warner Communications Inc").
func spellsGroup(acr string, gr *grp) bool {
	if spells(acr, gr.name) {
		return true
	}
	for _, m := range gr.ms {
		if m.rule == "legal-form" && spells(acr, m.canonical()) {
			return true
		}
	}
	return false
}

// tickers joins each ticker to the group of the company's name it follows
// (after legalForms, so that "Gulf and Western Inc <GW>" and "GULF AND
// WESTERN <GW>" name one group). A group of the ticker alone elsewhere in
// the story ("GW said") is folded in with it.
func (g *grouper) tickers(ts []*mention) {
	for _, a := range ts {
		target := -1
		if a.of != nil {
			target = a.of.group
		}
		key := keyOf(schema.Organization, a.Text)
		if target < 0 || len(g.groups[target].ms) == 0 {
			a.rule = ""
			g.open(a, key)
			continue
		}
		if old, ok := g.byKey[key]; ok && old != target && len(g.groups[old].ms) > 0 {
			alone := true
			for _, o := range g.groups[old].ms {
				alone = alone && strings.EqualFold(o.Text, a.Text)
			}
			if alone {
				for _, o := range g.groups[old].ms {
					o.rule, o.why = a.rule, a.why
					g.join(o, target)
				}
				g.groups[old].ms = nil
			}
		}
		g.join(a, target)
		if _, ok := g.byKey[key]; !ok || len(g.groups[g.byKey[key]].ms) == 0 {
			g.byKey[key] = target
		}
	}
}

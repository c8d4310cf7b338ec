package claims

import (
	"strings"

	"github.com/dossier-project/dossier/schema"
)

// Criticism and blame. The annotation guide counts criticism that asserts
// a wrongful act ("criticised West Germany for raising its interest
// rates", "criticised the World Bank for making Peru pay more", "Baker's
// criticism of West German monetary policy") and a party's claim that
// another caused a harm ("faulty repairs by Boeing caused the crash",
// "Baker helped to precipitate the crisis") as allegations, whatever words
// name the act; a characterisation with no act ("criticised the move as
// encouraging imports", "criticised media coverage") does not.

// criticismCues are the stems of the cues of criticism that may allege:
// not "complain", "oppose" or "object", which take proposals as often as
// acts.
var criticismCues = []string{"critic", "condemn", "denounc", "decr", "lambast", "assail", "rebuk", "castigat", "deplor",
	"slam", "blast", "attack", "under fire", "fault"}

// criticismCue reports whether a claim's cue criticises.
func criticismCue(d *draft) bool {
	cue := strings.ToLower(d.cueSpan.Text)
	if d.v != nil && d.v.lemma != "" {
		cue = d.v.lemma + " " + cue
	}
	for _, c := range criticismCues {
		if strings.Contains(cue, c) {
			return true
		}
	}
	return false
}

// decisionWords are the decisions and legal steps whose criticism
// alleges nothing of their maker.
var decisionWords = set("ruling", "rulings", "decision", "decisions", "verdict", "verdicts", "judgment", "judgments",
	"judgement", "judgements", "complaint", "complaints", "suit", "suits", "lawsuit", "lawsuits", "finding", "findings",
	"determination", "determinations")

// criticised returns the party a criticism accuses of an act, or nil: the
// party named before "for" and an act ("criticised the Grain Products
// Ministry for failing to ensure proper storage"), else a party named in
// the thing criticised ("criticized Dome's acceptance of a takeover bid",
// "criticism of West German economic policies"), not the claimant.
func (x *extractor) criticised(ts []tok, d *draft, ka, kb int) *entInfo {
	if !criticismCue(d) {
		return nil
	}
	end := ka
	for end < kb && end < ka+14 {
		l := ts[end].low
		if l == "for" || l == "as" || l == "," || l == "and" || l == "saying" || l == "because" || l == "but" || isEnd(ts[end]) || ts[end].qopen {
			break
		}
		end++
	}
	if end <= ka {
		return nil
	}
	// "for" and an act: a gerund ("for increasing subsidies", "for
	// failing to ensure"), not a thing ("for its reporting", "for a lack
	// of evidence").
	forAct := end+1 < kb && ts[end].low == "for" && (strings.HasSuffix(ts[end+1].low, "ing") && len(ts[end+1].low) > 5 || ts[end+1].low == "having")
	if !forAct && decisionWords[ts[end-1].low] {
		// "U.S. CORN GROWERS BLAST CANADA CORN RULING", "WARD CRITICISES
		// GUINNESS'S FEE COMPLAINT": a decision or a legal step
		// criticised, an opinion on it, not a wrong its maker did.
		return nil
	}
	for _, m := range x.mentionsIn(ts[ka].start, ts[end-1].end) {
		if m.e == d.claimant || m.e.typ != schema.Person && m.e.typ != schema.Organization && m.e.typ != schema.Place {
			continue
		}
		if forAct {
			return m.e
		}
		// A party's act or policy named by its words after the party
		// ("Bonn's interest rate increases", "IMF policies"), not the
		// party alone ("criticised The Wall Street Journal").
		if m.end < ts[end-1].start {
			return m.e
		}
	}
	if forAct && d.target != nil && d.target != d.claimant {
		return d.target
	}
	// "criticised West German economic policies", "criticized Japanese
	// trade practices": a people's adjective before the act stands for its
	// country, when the document names the country. Not before a proposal
	// ("criticized the Australian proposal"): an opinion on a plan.
	for k := ka; k < end; k++ {
		if proposalWords[ts[k].low] {
			return nil
		}
	}
	for k := ka; k < end-1 && k < ka+3; k++ {
		if !ts[k].capital {
			continue
		}
		name := ts[k].text
		if k+1 < end-1 && ts[k+1].capital {
			name += " " + ts[k+1].text // "West German"
		}
		for _, cand := range []string{name, ts[k].text} {
			if e := x.peopleCountry(cand); e != nil && e != d.claimant {
				return e
			}
		}
	}
	return nil
}

// causeWords say that something caused a harm: "caused the crash",
// "contributed to the turmoil", "helped to precipitate the crisis", "was
// responsible for the disaster".
var causeWords = set("caused", "cause", "causes", "factor", "contributed", "contributing", "triggered", "trigger", "triggering",
	"precipitated", "precipitate", "precipitating", "sparked", "spark", "fueled", "fuelled", "spurred", "spur",
	"responsible", "blame", "blamed")

// harms are the harms whose cause is a damaging fact about who caused
// them; a fall of prices is not one (markets fall for many reasons that
// wrong nobody).
var harms = set("crash", "crashes", "accident", "accidents", "disaster", "disasters", "collapse", "deaths", "explosion",
	"explosions", "spill", "outbreak", "outbreaks", "poisoning", "poisonings", "injuries", "casualties", "crisis",
	"turmoil", "panic", "blaze", "fire", "fires", "bankruptcy", "failure")

// blameIn returns the first token of a harm caused by a named party in
// ts[a:b] ("faulty repairs by Boeing caused the worst plane crash", "Baker
// helped to precipitate the crisis"; "the crash was caused by faulty
// repairs by Boeing"), or -1. The party is a person, an organisation or a
// place named within eight tokens on the side of the cause.
func (x *extractor) blameIn(ts []tok, a, b int) int {
	named := func(p, q int) bool {
		p, q = max(p, a), min(q, b)
		if p >= q {
			return false
		}
		return x.partyIn(ts[p].start, ts[q-1].end) != nil
	}
	for k := a; k < b; k++ {
		if !causeWords[ts[k].low] {
			continue
		}
		// The harm within six tokens after the cause word ("caused the
		// worst single plane crash"), or before it in the passive ("the
		// crash was caused by").
		harmAfter, harmBefore := -1, -1
		for j := k + 1; j < b && j <= k+7 && !isEnd(ts[j]); j++ {
			if harms[ts[j].low] {
				harmAfter = j
				break
			}
		}
		for j := k - 1; j >= a && j >= k-5; j-- {
			if harms[ts[j].low] {
				harmBefore = j
				break
			}
		}
		switch {
		case harmAfter >= 0 && named(k-8, k):
			for j := max(a, k-4); j < k; j++ {
				if ts[j].low == "not" || ts[j].low == "n't" || ts[j].low == "no" || ts[j].low == "whether" || ts[j].low == "if" ||
					ts[j].low == "less" || ts[j].low == "neither" || ts[j].low == "rarely" {
					return -1
				}
			}
			return k
		case harmBefore >= 0 && k+1 < b && (ts[k+1].low == "by" || ts[k+1].low == "on") && named(k+1, k+9):
			return k
		case harmAfter >= 0 && (ts[k].low == "cause" || ts[k].low == "causes" || ts[k].low == "factor") && k > 0 && !beForms[ts[k-1].low]:
			// "The clear cause of the crash was faulty repair work by the
			// Boeing Co": the cause named after the copula.
			for j := harmAfter + 1; j < b && j <= harmAfter+4 && !isEnd(ts[j]); j++ {
				if beForms[ts[j].low] && named(j+1, j+10) {
					return k
				}
			}
		}
	}
	return -1
}

// criticismNoun reads "criticism of X's act" and "criticism by Y of X's
// act" as an allegation of the critic (after "by", else unnamed) against
// the party the criticised thing names; nil when it names none ("criticism
// of the plan").
func (x *extractor) criticismNoun(si int, ts []tok, i int) *draft {
	n := len(ts)
	of := i + 1
	if ts[of].low == "by" {
		for of = i + 2; of < n && of < i+8 && ts[of].low != "of"; of++ {
			if isEnd(ts[of]) || ts[of].low == "," {
				return nil
			}
		}
	}
	if of >= n-1 || ts[of].low != "of" {
		return nil
	}
	end := of + 1
	for end < n && end < of+9 && !isEnd(ts[end]) && ts[end].low != "," && ts[end].low != "and" && !ts[end].cue {
		end++
	}
	target := x.partyIn(ts[of+1].start, ts[end-1].end)
	if target == nil {
		return nil
	}
	d := x.draftAgainst(si, ts, i, i+1, of+1, target)
	if d == nil {
		return nil
	}
	if ts[i+1].low == "by" {
		x.source(si, ts, d, i+2, of)
	}
	if d.claimant == nil && d.claimantText == "" {
		d.claimantText = ts[i].text
	}
	return d
}

// underFire reads "X (came) under fire (from Y) (in Z) for|over W": an
// allegation of Y (else unnamed) against the subject X. A party fired on
// ("the tanker came under fire off the Saudi coast") has no "for".
func (x *extractor) underFire(si int, ts []tok, i int) *draft {
	n := len(ts)
	f := -1
	for k := i + 2; k < n && k <= i+8 && !isEnd(ts[k]) && ts[k].low != ","; k++ {
		if ts[k].low == "for" || ts[k].low == "over" {
			f = k
			break
		}
	}
	if f < 0 || f+1 >= n || isEnd(ts[f+1]) {
		return nil
	}
	end := i
	for end > 0 && (auxiliaries[ts[end-1].low] || isAdverb(ts[end-1]) || ts[end-1].low == "come" || ts[end-1].low == "came" ||
		ts[end-1].low == "comes" || ts[end-1].low == "coming" || ts[end-1].low == "to" || ts[end-1].low == "continued" || ts[end-1].low == "now") {
		end--
	}
	if end == 0 {
		// "Because it is under fire": no subject before the cue.
		return nil
	}
	subj := leftNP(ts, end)
	var target *entInfo
	if subj < end {
		target = x.partyIn(ts[subj].start, ts[end-1].end)
	}
	if target == nil {
		return nil
	}
	d := x.draftAgainst(si, ts, i, i+2, f+1, target)
	if d == nil {
		return nil
	}
	if ts[i+2].low == "from" {
		b := i + 3
		for b < f && ts[b].low != "in" && ts[b].low != "," {
			b++
		}
		if b > i+3 {
			x.source(si, ts, d, i+3, b)
		}
	}
	if d.claimant == nil && d.claimantText == "" {
		d.claimantText = "critics"
	}
	return d
}

// partyIn returns the first person, organisation or place mentioned between
// the code-point offsets start and end, or nil: the party a blame or a
// criticism names.
func (x *extractor) partyIn(start, end int) *entInfo {
	for _, m := range x.mentionsIn(start, end) {
		if m.e.typ == schema.Person || m.e.typ == schema.Organization || m.e.typ == schema.Place {
			return m.e
		}
	}
	return nil
}

// peopleCountry returns the country the document names that a people's
// adjective stands for ("Japanese": Japan; "West German": West Germany),
// or nil.
func (x *extractor) peopleCountry(adj string) *entInfo {
	if _, ok := demonymCountry[adj]; !ok && !strings.HasPrefix(adj, "West ") && !strings.HasPrefix(adj, "East ") {
		return nil
	}
	if c := x.countryNamed(adj); c != nil {
		return c
	}
	if i := strings.IndexByte(adj, ' '); i > 0 {
		if c, ok := demonymCountry[adj[i+1:]]; ok {
			want := strings.ToLower(adj[:i+1] + c)
			for _, o := range x.ents {
				if o.typ == schema.Place && o.names[want] {
					return o
				}
			}
		}
	}
	return nil
}

// proposalWords name a plan or an offer, whose criticism is an opinion,
// not an allegation of an act.
var proposalWords = set("proposal", "proposals", "plan", "plans", "offer", "offers", "bill", "bills", "idea", "ideas",
	"suggestion", "suggestions", "draft", "resolution", "initiative", "scheme")

// blamedParty returns the party a cue of blame lays a harm on, or nil: the
// object named at the content's start before "for" and what it is blamed
// for ("blamed Finance Minister Lesly Delatour for the closure", "blamed
// the airline's previous board for the losses"), or the party named right
// after "on" ("blamed a spate of limpet mine blasts in South African cities
// in recent months on the outlawed African National Congress"); not the
// claimant, and not a thing or a
// circumstance ("blamed a rise in real wages for", "blamed the delays on
// the strike"), which names no party.
func (x *extractor) blamedParty(ts []tok, d *draft, ka, kb int) *entInfo {
	party := func(p, q int) *entInfo {
		for _, m := range x.mentionsIn(ts[p].start, ts[q-1].end) {
			if m.e == d.claimant || m.e.typ != schema.Person && m.e.typ != schema.Organization && m.e.typ != schema.Place {
				continue
			}
			if k := tokIndex(ts, m.start); k >= 0 && k <= p+3 {
				return m.e
			}
		}
		return nil
	}
	for k := ka + 1; k < kb && k < ka+16; k++ {
		if isEnd(ts[k]) || ts[k].low == ";" {
			break
		}
		switch ts[k].low {
		case "for":
			if k+1 < kb && !isEnd(ts[k+1]) && ts[k+1].low != "being" {
				// Not "blame U.S. industry for being uncompetitive": a
				// character, no act.
				return party(ka, k)
			}
			return nil
		case "on":
			if k > ka && k+1 < kb {
				return party(k+1, min(kb, k+8))
			}
			return nil
		}
	}
	return nil
}

package claims

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/dossier-project/dossier/schema"
)

// Answers inside a quotation that runs over several sentences. A cue
// gives one claim whose content is the whole quotation (`Smith said,
// "Our accounts were audited. We deny any kind of misconduct."`), and
// its stance is read from the cue's own sentence, so a denial or an
// admission in a later sentence of the quotation was found nowhere: its
// sentence has no cue of its own. quotedAnswers gives such a sentence a
// claim of its own, by the quotation's speaker, when its words deny or
// acknowledge by the rules a cue's content is read by: the speaker's own
// denial ("We deny any kind of misconduct"), words of innocence or
// compliance ("That is fiction", "without merit"), a denial of wrongdoing
// ("we did nothing wrong", "There is no truth to the reports"), or
// responsibility taken ("I fully accept sole responsibility"). A sentence
// of the quotation that states anything else stays part of the one claim.
// The cue's claim may itself allege: a speaker who says who did the wrong
// before denying his own part (`Smith said, "The contracts were forged by
// Carlton traders in our name. We deny any misconduct on our part."`)
// still denies it.

// quotedAnswers adds the answers of later sentences of multi-sentence
// quotations (see above). It runs once the allegations of the document
// are settled, before the statements of the accused are read against
// them (opposition), and it is linear in the number of claims and
// sentences.
func (x *extractor) quotedAnswers() {
	has := make(map[int]bool, len(x.drafts))
	for _, d := range x.drafts {
		has[d.sent] = true
	}
	var add []*draft
	for _, d := range x.drafts {
		if d.noClaim || d.negated || d.cont[1] <= d.cont[0] || d.claimant == nil && d.claimantText == "" {
			continue
		}
		switch d.stance {
		case schema.Say, schema.Report, schema.Deny, schema.Acknowledge, schema.Allege:
		default:
			continue
		}
		if d.sent >= len(x.in.Sentences) || d.cont[1] <= x.in.Sentences[d.sent].End {
			continue
		}
		for sj := d.sent + 1; sj < x.upTo && sj < len(x.in.Sentences) && x.in.Sentences[sj].Start < d.cont[1]; sj++ {
			if has[sj] {
				continue
			}
			if nd := x.quotedAnswer(d, sj); nd != nil {
				add = append(add, nd)
				has[sj] = true
			}
		}
	}
	x.drafts = append(x.drafts, add...)
}

// quotedAnswer returns the answer that sentence sj, a later sentence of
// the quotation that is d's content, gives by d's speaker, or nil.
func (x *extractor) quotedAnswer(d *draft, sj int) *draft {
	s := x.in.Sentences[sj]
	if s.Start < 0 || s.End > len(x.runes) || s.Start >= s.End {
		return nil
	}
	ts := x.toks(sj)
	ka, kb := contentToks(ts, d)
	for ka < kb && (ts[ka].qopen || ts[ka].qclose) {
		ka++
	}
	for kb > ka && (ts[kb-1].qopen || ts[kb-1].qclose) {
		kb--
	}
	if ka >= kb || question(ts, ka, kb) {
		return nil
	}
	for kb > ka && isEnd(ts[kb-1]) {
		kb--
	}
	if ka >= kb {
		return nil
	}
	ct := ts[ka:kb]
	var st schema.Stance
	refersBack := false
	for _, t := range ct {
		if allegationWords[t.low] {
			refersBack = true
		}
	}
	if len(ct) <= 5 && (ct[0].low == "that" || ct[0].low == "this") && dismissals[ct[len(ct)-1].low] {
		refersBack = true // "That is utterly ridiculous": what was just said
	}
	deny, weak := x.deniesWrongdoing(ct)
	switch {
	case takesBlame(ts, ka, kb):
		st = schema.Acknowledge
	case speakerDenies(ts, ka, kb), innocence(ct), deny && weak == "" && refersBack:
		st = schema.Deny
	default:
		return nil
	}
	nd := &draft{sent: sj, kind: d.kind, v: d.v, m: d.m, rightStart: ka, claimant: d.claimant,
		claimantText: d.claimantText, channel: d.channel, channelText: d.channelText, stance: st,
		refersBack: refersBack, takesBlame: st == schema.Acknowledge, cueSpan: d.cueSpan, srcSpan: d.srcSpan,
		sides: x.sides(d), sidesDone: true}
	nd.cont = [2]int{ts[ka].start, ts[kb-1].end}
	if s.End-s.Start == utf8.RuneCountInString(s.Text) && s.Text != "" {
		nd.evidence = s.Span
	} else {
		nd.evidence = x.span(s.Start, s.End)
	}
	seen := map[string]bool{}
	if d.claimant != nil {
		seen[d.claimant.id] = true
	}
	for _, m := range x.mentionsIn(nd.cont[0], nd.cont[1]) {
		if !seen[m.e.id] && len(nd.about) < maxAbout {
			seen[m.e.id] = true
			nd.about = append(nd.about, m.e.id)
		}
	}
	return nd
}

// innocenceWords call what was said untrue or the speaker innocent:
// the rebuttals that need no allegation in the sentence to deny
// ("That is fiction", "The suit is without merit"), not those of
// compliance ("an abiding problem", "complied with").
var innocenceWords = []string{"not true", "untrue", "fiction", "nothing to that", "no foundation", "did nothing wrong",
	"done nothing wrong", "not guilty", "baseless", "groundless", "frivolous", "without merit", "no merit",
	"meritless", "without foundation", "no truth"}

// innocence reports whether ct holds a word of innocenceWords that no
// negation or failure before it takes back ("it is not fiction").
func innocence(ct []tok) bool {
	ls := lows(ct)
	low := " " + strings.Join(ls, " ") + " "
	for _, w := range innocenceWords {
		k := strings.Index(low, " "+w+" ")
		if k < 0 {
			continue
		}
		before := strings.Fields(low[:k])
		if subordinate(before) {
			continue
		}
		ok := true
		for j := max(0, len(before)-3); j < len(before); j++ {
			switch before[j] {
			case "not", "n't", "no", "never", "if", "whether", "fail", "failed", "unless":
				ok = strings.HasPrefix(w, "not") || strings.HasPrefix(w, "no ")
			}
		}
		if ok {
			return true
		}
	}
	return false
}

// quotedAsVerbs follow "as" after the one quoted: "quoted an official as
// saying".
var quotedAsVerbs = set("saying", "telling", "stating", "declaring")

// quotedAs reads "X quoted Y as saying ...": Y is the speaker and X, the
// outlet or party that quotes, the channel; what Y said is what follows
// "saying" ("The company quoted Boyd Jefferies as saying, "I fully
// accept sole responsibility ..."") or, when nothing does, what went
// before X ("OPEC output in February was well below the ceiling, the
// news agency Opecna quoted an OPEC secretariat official as saying").
// The cue was read with X for its source and "Y as saying" for its
// content.
func (x *extractor) quotedAs(si int, ts []tok, d *draft) {
	if d.passive || d.cs >= d.ce || d.ce > len(ts) || d.inheritedFrom != nil || d.rel > 0 {
		return
	}
	switch ts[d.ce-1].low {
	case "quoted", "quotes", "quoting":
	default:
		return
	}
	n := len(ts)
	as := -1
	for k := d.ce + 1; k+1 < n && k < d.ce+10; k++ {
		if ts[k].low == "as" && quotedAsVerbs[ts[k+1].low] {
			as = k
			break
		}
		if isEnd(ts[k]) || ts[k].low == "," || ts[k].low == "that" || ts[k].cue || ts[k].qopen {
			return
		}
	}
	if as <= d.ce {
		return
	}
	edge := d.cs
	if d.srcB > d.srcA {
		if d.srcB <= d.cs {
			edge = min(edge, d.srcA)
		}
		d.channel, d.channelText = x.resolveSource(si, ts, d.srcA, d.srcB)
	}
	r := as + 2
	if ts[as+1].low == "telling" {
		// "as telling reporters that ...": the hearer is no content.
		for k := r; k < n && k < r+5; k++ {
			if ts[k].low == "that" || ts[k].low == "," || ts[k].qopen || isEnd(ts[k]) {
				r = k
				break
			}
		}
	}
	for r < n && (ts[r].low == "," || ts[r].low == "that" || ts[r].low == ":") {
		r++
	}
	e := r
	for e < n && !isEnd(ts[e]) {
		e++
	}
	var cont [2]int
	if r < n && !isEnd(ts[r]) && !(ts[as+1].low == "telling" && (ts[r-1].low != "that" && !ts[r].qopen)) && !adverbialAt(ts, r, e) {
		cont = x.trim(ts, r, n)
	} else {
		cont = x.leftContent(ts, 0, edge)
	}
	if cont[1] <= cont[0] {
		return
	}
	d.srcA, d.srcB = d.ce, as
	d.claimant, d.claimantText = x.resolveSource(si, ts, d.srcA, d.srcB)
	d.cont = cont
	d.objEnts = nil
	d.target = nil
}

// quotedCues returns the cues "X quoted Y as saying" of sentence si that
// neither the rules nor the model found ("The company quoted Boyd
// Jefferies as saying, "I fully accept sole responsibility ...""), read
// as quotedAs reads them. "quoted" alone is no cue of the lexicon: a
// price or a share is quoted too.
func (x *extractor) quotedCues(si int, ts []tok, kept []*draft) []*draft {
	var out []*draft
	say := forms["said"].v
	for k := 1; k+3 < len(ts); k++ {
		if ts[k].low != "quoted" && ts[k].low != "quotes" || ts[k-1].low == "was" || ts[k-1].low == "were" || ts[k-1].low == "is" || ts[k-1].low == "be" {
			continue
		}
		if slices.ContainsFunc(kept, func(d *draft) bool { return d.cs <= k && k < d.ce }) {
			continue
		}
		a := leftNP(ts, k)
		if a >= k || say == nil {
			continue
		}
		d := &draft{sent: si, kind: verbCue, v: say, m: past, vi: k, cs: k, ce: k + 1, srcA: a, srcB: k, leftEdge: a,
			rightStart: -2, stance: schema.Say}
		x.quotedAs(si, ts, d)
		if d.srcA == k+1 && d.cont[1] > d.cont[0] {
			out = append(out, d)
		}
	}
	return out
}

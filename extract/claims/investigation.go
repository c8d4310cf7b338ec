package claims

import "github.com/dossier-project/dossier/schema"

// Investigations of a named party. An authority that investigates a
// named person or company holds it suspect of a wrong, as the annotation
// guide's "report that suspects" does, whether or not the wrong is named:
// "two Bronx congressmen, Mario Biaggi and Robert Garcia, are under
// investigation", "Colombian tax authorities are investigating Occidental",
// "An FBI criminal investigation into Morton Thiokol began in late
// January". An investigation of a thing ("an investigation into the
// fire", "its investigation of the problem", "a probe into its foreign
// currency activities") suspects no one, nor does a denied, questioned or
// possible one ("denied that it was under investigation").

// probeNouns are the nouns of an investigation.
var probeNouns = set("investigation", "investigations", "probe", "probes", "inquiry", "inquiries")

// suspectParty returns the person or company named as the one
// investigated at ts[a:], or nil: a name that starts at a, after "the"
// if any ("investigations into activities involving Volkswagen's dealing
// room" investigate activities, not Volkswagen).
func (x *extractor) suspectParty(ts []tok, a, b int) *entInfo {
	if a >= b || a >= len(ts) {
		return nil
	}
	if determiners[ts[a].low] && ts[a].low != "the" {
		return nil // "its foreign currency activities", "this matter"
	}
	if ts[a].low == "the" {
		a++
	}
	if _, e := x.nameAt(ts, a); e != nil && (e.typ == schema.Person || e.typ == schema.Organization) {
		return e
	}
	return nil
}

// investigation reads an investigation of a named party at token i:
// "investigating X", "an investigation of / into X", "X is/are under
// investigation". The target is the party; the claimant the
// investigator (the subject, or the words before the noun), else the
// noun alone.
func (x *extractor) investigation(si int, ts []tok, i int) *draft {
	n := len(ts)
	for k := max(0, i-5); k < i; k++ {
		switch ts[k].low {
		case "not", "n't", "no", "never", "if", "whether", "denied", "denies", "deny", "without":
			return nil
		}
	}
	if mayBe(ts, i) || threatened(ts, i) {
		return nil
	}
	l := ts[i].low
	switch {
	case l == "investigating" && i > 0 && auxiliaries[ts[i-1].low] && i+1 < n:
		// "tax authorities are investigating Occidental".
		_, e := x.nameAt(ts, i+1)
		if e == nil || e.typ != schema.Person && e.typ != schema.Organization {
			return nil
		}
		d := x.subjectDraft(si, ts, i, i+1, i+1, n)
		if d == nil || d.claimant == e {
			return nil
		}
		d.target = e
		d.about = append(d.about, e.id)
		return d
	case probeNouns[l] && i+2 < n && (ts[i+1].low == "into" || ts[i+1].low == "of" && l != "inquiry" && l != "inquiries"):
		// ("making inquiries of the CIA" asks it questions.)
		// "a criminal investigation of Reynolds", "An FBI criminal
		// investigation into Morton Thiokol".
		e := x.suspectParty(ts, i+2, n)
		if e == nil {
			return nil
		}
		d := x.nounDraft(si, ts, i, i+2)
		if d == nil || d.claimant == e {
			return nil
		}
		d.target = e
		d.about = append(d.about, e.id)
		return d
	case l == "under" && i+1 < n && i > 1 && (probeNouns[ts[i+1].low] || i+2 < n && probeNouns[ts[i+2].low] && !isEnd(ts[i+1])) && beForms[ts[i-1].low]:
		// "Mario Biaggi and Robert Garcia are under investigation": the
		// subject before the verb.
		end := i - 1
		for end > 0 && (auxiliaries[ts[end-1].low] || isAdverb(ts[end-1])) {
			end--
		}
		for end > 0 && ts[end-1].low == "," {
			end-- // "Mario Biaggi and Robert Garcia, are"
		}
		subj := leftNP(ts, end)
		var e *entInfo
		if subj < end {
			for _, m := range x.mentionsIn(ts[subj].start, ts[end-1].end) {
				if m.e.typ == schema.Person || m.e.typ == schema.Organization {
					e = m.e
					break
				}
			}
		}
		if e == nil {
			return nil
		}
		ce := i + 2
		if !probeNouns[ts[i+1].low] {
			ce = i + 3
		}
		d := x.newDraft(si, ts, i, ce, subj)
		if d == nil {
			return nil
		}
		d.cont[0] = ts[subj].start
		d.target = e
		d.about = append(d.about, e.id)
		d.claimantText = ts[ce-1].text
		if sa, sb := byAgent(ts, ce); sa >= 0 {
			x.source(si, ts, d, sa, sb)
		}
		return d
	}
	return nil
}

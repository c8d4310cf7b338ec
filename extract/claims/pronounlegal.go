package claims

import "github.com/dossier-project/dossier/schema"

// Suits against a speaker told by pronoun: "Iroquois Brands Ltd said it
// has been sued by Lyon Food Cos Inc". The pronoun is the speaker of the
// statement that holds it: a company's "it", a person's "he" or "she".
// (A suit "against it" named as a noun, "Coastal Corp said it believes the
// two billion dlr suit against it ... is frivolous", is how the accused
// names what it answers, and the annotation guide's readers did not mark
// it an allegation: three false ones on the tune clusters.)

// speakerPronouns are the pronouns that may stand for the speaker.
var speakerPronouns = set("it", "he", "she", "him", "her")

// speakerOf returns the claimant of the statement whose content holds
// token i of the sentence, or nil.
func (x *extractor) speakerOf(ts []tok, ds []*draft, i int) *entInfo {
	for _, o := range ds {
		if o.claimant == nil || o.cs >= i {
			continue
		}
		if o.cont[0] <= ts[i].start && ts[i].end <= o.cont[1] {
			return o.claimant
		}
	}
	return nil
}

// pronounAgrees reports whether a pronoun can stand for e: "it" for what
// is no person, "he", "she", "him", "her" for a person.
func pronounAgrees(p string, e *entInfo) bool {
	if p == "it" {
		return e.typ != schema.Person
	}
	return e.typ == schema.Person
}

// suedSpeaker reads "it has been sued by X" at token i ("sued") inside a
// statement of the one the pronoun stands for.
func (x *extractor) suedSpeaker(si int, ts []tok, ds []*draft, i int) *draft {
	if mayBe(ts, i) || threatened(ts, i) || negatedStep(ts, i) || i < 2 || ts[i].low != "sued" || !beForms[ts[i-1].low] {
		return nil
	}
	p := -1
	k := i - 1
	for k >= 0 && (auxiliaries[ts[k].low] || isAdverb(ts[k])) {
		k--
	}
	if k >= 0 && speakerPronouns[ts[k].low] {
		p = k
	}
	if p < 0 {
		return nil
	}
	who := x.speakerOf(ts, ds, p)
	if who == nil || !pronounAgrees(ts[p].low, who) {
		return nil
	}
	d := x.draftAgainst(si, ts, i, i+1, i+1, who)
	if d == nil {
		return nil
	}
	if sa, sb := byAgent(ts, i+1); sa >= 0 {
		x.source(si, ts, d, sa, sb)
	}
	if d.claimant == who {
		return nil
	}
	if d.claimant == nil && d.claimantText == "" {
		d.claimantText = ts[i].text
	}
	return d
}

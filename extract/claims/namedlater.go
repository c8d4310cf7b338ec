package claims

import (
	"slices"

	"github.com/dossier-project/dossier/schema"
)

// personNouns are the head nouns that describe an accused person without
// naming him: "a managing director of Merrill Lynch", "three
// arbitrageurs", "A third Marine", "the chief executive of Pan Ocean".
var personNouns = set("executive", "executives", "director", "directors", "head", "chief", "official", "officer",
	"officers", "employee", "employees", "trader", "traders", "arbitrageur", "arbitrageurs", "marine", "marines",
	"man", "men", "woman", "women", "manager", "managers", "president", "chairman", "partner", "partners",
	"broker", "brokers", "individual", "individuals", "investor", "investors", "banker", "bankers", "aide", "aides",
	"guard", "guards", "worker", "workers", "employe", "clerk", "accountant", "lawyer")

// personOpeners open a description of a person: an article, a count, an
// ordinal ("a second U.S. Marine", "three arbitrageurs").
var personOpeners = set("a", "an", "the", "two", "three", "four", "five", "six", "second", "third", "fourth")

// namedLater gives an allegation whose accused the sentence only describes
// as a person ("The Securities and Exchange Commission said it charged a
// managing director of Merrill Lynch in London with masterminding ...",
// "A Grand Jury ... indicted three arbitrageurs", the headline "THREE
// TRADERS INDICTED") the person whom an allegation of the next two
// sentences accuses ("Nahum Vaskevitch ... was charged in a civil
// complaint by the SEC"): the lede describes, the next sentence names.
// Only when the sentence names no person but the claimant and the
// allegation has no target or a place ("in London"): a named
// organisation ("the chief executive of Pan Ocean Shipping Company")
// stays the accused, since the answers to the charge come from it and
// the ledger links an answer only to allegations against its answerer.
// Later sentences first, so that a headline takes what its lede was
// given.
func (x *extractor) namedLater() {
	bySent := make(map[int][]*draft)
	for _, d := range x.drafts {
		if d.stance == schema.Allege {
			bySent[d.sent] = append(bySent[d.sent], d)
		}
	}
	sents := make([]int, 0, len(bySent))
	for si := range bySent {
		sents = append(sents, si)
	}
	slices.Sort(sents)
	for i := len(sents) - 1; i >= 0; i-- {
		si := sents[i]
		for _, d := range bySent[si] {
			if d.target != nil && d.target.typ != schema.Place || !x.describesPerson(si, d) {
				continue
			}
			var named *entInfo
			for s := si + 1; s <= si+2 && named == nil; s++ {
				for _, o := range bySent[s] {
					if o.target != nil && o.target.typ == schema.Person && o.target != d.claimant {
						named = o.target
						break
					}
				}
			}
			if named == nil {
				continue
			}
			d.target = named
			if !containsID(d.about, named.id) {
				d.about = append(d.about, named.id)
			}
		}
	}
}

// describesPerson reports whether sentence si holds, outside d's source,
// a description of a person (personOpeners, up to three words, a
// personNouns head) and names no person but d's claimant.
func (x *extractor) describesPerson(si int, d *draft) bool {
	ts := x.toks(si)
	if len(ts) == 0 {
		return false
	}
	for _, m := range x.mentionsIn(ts[0].start, ts[len(ts)-1].end) {
		if m.e.typ == schema.Person && m.e != d.claimant {
			return false
		}
	}
	for k, t := range ts {
		if !personNouns[t.low] || k >= d.srcA && k < d.srcB {
			continue
		}
		for j := k - 1; j >= 0 && j >= k-4; j-- {
			if personOpeners[ts[j].low] {
				return true
			}
			if !isWord(ts[j].low) && ts[j].low != "u.s." {
				break
			}
		}
	}
	return false
}

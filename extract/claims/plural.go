package claims

import "github.com/dossier-project/dossier/schema"

// pluralHeads are the head nouns of plural descriptions of parties ("the
// two companies", "both men") and the type of entity each stands for.
var pluralHeads = map[string]string{
	"companies": schema.Organization, "firms": schema.Organization, "banks": schema.Organization,
	"corporations": schema.Organization, "brokerages": schema.Organization,
	"men": schema.Person, "women": schema.Person, "executives": schema.Person, "brothers": schema.Person,
}

// pluralCounts are the words of number a plural description may hold
// after "the": "the two companies".
var pluralCounts = set("two", "three", "four", "both")

// pluralBack is how many sentences before its own a plural description's
// antecedent may lie.
const pluralBack = 3

// plurals resolves the plural descriptions of a sentence ("both men", "the
// two companies", "the record companies") to the parties they stand for,
// as extra mentions: one party of the latest pair of parties of the
// head's type joined by "and" before it, the nearer when both are named
// ("Ernest Saunders and Thomas Ward": Thomas Ward, "Capital Records Inc and
// EMI Records Ltd": EMI Records Ltd), else the named one ("both the
// airline and the Seattle-based Boeing Co": Boeing Co), in its sentence or the
// pluralBack before. A description the parties' names follow ("the
// companies, Apple Records Inc and Apple Corps Ltd") names them itself,
// and one with no such pair before it is left alone.
func (x *extractor) plurals(si int, ts []tok) {
	for i := 0; i+1 < len(ts); i++ {
		if ts[i].low != "the" && ts[i].low != "both" {
			continue
		}
		j := i + 1
		if ts[i].low == "the" && pluralCounts[ts[j].low] && j+1 < len(ts) {
			j++ // "the two companies"
		}
		if pluralHeads[ts[j].low] == "" && j+1 < len(ts) && !ts[j].capital && isWord(ts[j].low) && !stop(ts[j].low) {
			j++ // one modifier: "the record companies"
		}
		want := pluralHeads[ts[j].low]
		if want == "" || ts[j].capital {
			continue
		}
		if j+1 < len(ts) && (ts[j+1].capital || ts[j+1].low == "," && j+2 < len(ts) && (ts[j+2].capital || ts[j+2].low == "<")) {
			continue // "the companies, <Apple Records Inc>": the names follow
		}
		if len(x.mentionsIn(ts[i].start, ts[j].end)) > 0 {
			continue
		}
		if e := x.pairBefore(si, i, want); e != nil {
			if x.pluralAt == nil {
				x.pluralAt = make(map[int]bool)
			}
			x.pluralAt[ts[i].start] = true
			x.addExtra(si, ts[i].start, ts[j].end, e)
		}
		i = j
	}
}

// pairBefore returns a party of type want of the latest pair joined by
// "and" before token i of sentence si (the one after "and" when both
// sides are named, else the named side), in it or in the
// pluralBack sentences before: a mention of that type right before "and"
// (or before a comma before it), or within five words after it with no
// punctuation between. The other side must be of that type too, or name
// no entity at all ("both the airline and the Seattle-based Boeing Co").
func (x *extractor) pairBefore(si, i int, want string) *entInfo {
	fits := func(e *entInfo) bool {
		// "the companies" are no agency or government: a kind known
		// must be a company's.
		return e.typ == want && (want != schema.Organization || e.kind == "" || e.kind == schema.KindCompany || e.kind == schema.KindOther)
	}
	for s := si; s >= 0 && s >= si-pluralBack; s-- {
		ts := x.toks(s)
		end := len(ts)
		if s == si {
			end = i
		}
		for k := end - 1; k > 0; k-- {
			if ts[k].low != "and" || k+1 >= end || x.insideName(ts[k]) || bracketed(ts, k) {
				continue // "MacAndrews and Forbes Group", "<MacAndrews and Forbes Group>"
			}
			l := k - 1
			if (ts[l].low == "," || ts[l].low == ">") && l > 0 {
				l-- // "<Apple Corps Ltd>, and"
			}
			var left, right *entInfo
			leftNamed := false
			if ms := x.mentionsIn(ts[max(0, l-8)].start, ts[l].end); len(ms) > 0 && ms[len(ms)-1].end == ts[l].end {
				leftNamed = true
				if fits(ms[len(ms)-1].e) {
					left = ms[len(ms)-1].e
				}
			}
			rightNamed := false
			stopAt := k + 1
			for stopAt < end && stopAt <= k+5 && ts[stopAt].low != "," && ts[stopAt].low != ";" && ts[stopAt].low != "and" && ts[stopAt].low != "or" {
				stopAt++
			}
			if stopAt > k+1 {
				for _, m := range x.mentionsIn(ts[k+1].start, ts[min(end, stopAt+6)-1].end) {
					if m.start >= ts[stopAt-1].end {
						break // it opens after the fifth word or a comma
					}
					if m.e.typ == schema.Place && want != schema.Place {
						continue // "the Seattle-based Boeing Co"
					}
					rightNamed = true
					if fits(m.e) {
						right = m.e
					}
					break
				}
			}
			switch {
			case left != nil && right != nil && left != right:
				return right
			case left != nil && !rightNamed && describes(ts, k+1, min(end, k+3)):
				return left
			case left != nil && !rightNamed && want == schema.Person && surnameOnly(ts, k+1, end):
				return left // "Hahn and Park illegally sent abroad"
			case right != nil && !leftNamed && (describes(ts, l-1, l+1) || l >= 2 && describes(ts, l-2, l+1)):
				return right
			}
		}
	}
	return nil
}

// describes reports whether tokens [a, b) open with a definite determiner
// and hold only lower-case words: a description such as "the airline",
// "its parent", the other side of a pair whose one side is named.
func describes(ts []tok, a, b int) bool {
	if a < 0 || a >= b || b > len(ts) || !definite[ts[a].low] {
		return false
	}
	for k := a + 1; k < b; k++ {
		if ts[k].capital || !isWord(ts[k].low) {
			return false
		}
	}
	return b-a >= 2
}

// definite are the determiners that open a description of a party.
var definite = set("the", "its", "his", "her", "their")

// surnameOnly reports whether token k is a lone capitalised word that no
// other capitalised word follows: a person's surname the recogniser did
// not take ("Hahn and Park illegally sent").
func surnameOnly(ts []tok, k, end int) bool {
	return k < end && ts[k].capital && isWord(ts[k].low) && (k+1 >= end || !ts[k+1].capital)
}

// insideName reports whether token t lies inside a mention that goes on
// past it: the "and" of "MacAndrews and Forbes Group" or "Federal Savings
// and Loan Insurance Corp".
func (x *extractor) insideName(t tok) bool {
	for _, m := range x.mentionsIn(t.start-200, t.end+200) {
		if m.start < t.start && m.end > t.end {
			return true
		}
	}
	return false
}

// bracketed reports whether token k lies inside the angle brackets Reuters
// sets a company's name in ("<MacAndrews and Forbes Group>").
func bracketed(ts []tok, k int) bool {
	for j := k - 1; j >= 0 && j >= k-8; j-- {
		switch ts[j].low {
		case ">":
			return false
		case "<":
			return true
		}
	}
	return false
}

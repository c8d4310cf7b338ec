package extract

import (
	"strings"
	"unicode"

	"github.com/dossier-project/dossier/ledger"
	"github.com/dossier-project/dossier/schema"
)

// typos folds a name that a story misspells into the name it misspells:
// newswire copy swaps two letters ("Coastla" for Coastal Corp, "Braclays"
// for Barclays, "Yuetter" for Clayton Yeutter, "Ogelbay" for Oglebay
// Norton Co), and the misspelling would otherwise be an entity of its own,
// its claims another target's. Two groups are one when their names are
// word for word the same but for one word, in which two adjacent letters
// are swapped, or when one is a single word that is, so swapped, the
// other's first word (an organisation) or last word (a person); the word
// must have minTypoLetters letters or more. The groups are of one type, or
// the misspelling is a single word the recogniser made a person ("Coastla
// attempted to gain control", beside Coastal Corp). The misspelling is the
// word that is not a word of the news (ledger.IDF's table of the words of
// 20 Reuters stories or more) when the other is; else the group with fewer
// mentions (at equal counts, the later). It joins the other by the rule
// "typo"; when several fit, they must share the word, and the one with the
// most mentions takes it. A letter dropped or added ("Paul Vocker" for
// Paul Volcker, "Volkwagen", "PainWebber") is read so only when the
// word is a word of the news and the misspelling is not, both of
// minDropLetters letters or more (misspelt): a letter more or less
// between two names of the news is as often another name ("Regan" and
// "Reagan", "Greene" and "Green"). A person's surname may also be
// misspelt by one letter changed ("Korczag" beside Laszlo Karczag,
// changedSurname).
func (g *grouper) typos() {
	for i, gr := range g.groups {
		if len(gr.ms) == 0 || gr.typ != schema.Organization && gr.typ != schema.Person || !plainGroup(gr) {
			continue
		}
		target, word := -1, ""
		for j, o := range g.groups {
			if j == i || len(o.ms) == 0 {
				continue
			}
			x, y, ok := typoWords(gr, o)
			if !ok {
				continue
			}
			if kx, ky := newsWord(x), newsWord(y); kx != ky {
				if kx {
					continue // o is the misspelling
				}
			} else if len(o.ms) < len(gr.ms) || len(o.ms) == len(gr.ms) && o.ms[0].Start > gr.ms[0].Start {
				continue // o is the misspelling, if either is
			}
			switch {
			case target == -2:
			case target >= 0 && !strings.EqualFold(word, y):
				target = -2 // two names fit: say nothing
			case target < 0 || len(o.ms) > len(g.groups[target].ms):
				target, word = j, y
			}
		}
		if target < 0 {
			continue
		}
		g.absorb(gr, target, "typo")
	}
}

// newsWord reports whether a word is one of the words of the news that
// ledger.IDF counts (in 20 Reuters stories or more).
func newsWord(w string) bool {
	return ledger.IDF(ledger.Stem(strings.ToLower(w))) < ledger.IDF("\x00")
}

// typoWords returns the word of group a's name and the word of group b's
// that a misspells by a swap (typoOf), when a may be a misspelling of b:
// of one type, or a single word made a person beside an organisation.
func typoWords(a, b *grp) (x, y string, ok bool) {
	switch {
	case a.typ == b.typ:
		return typoOf(a.name, b.name, a.typ)
	case a.typ == schema.Person && b.typ == schema.Organization && len(strings.Fields(a.name)) == 1:
		return typoOf(a.name, b.name, schema.Organization)
	}
	return "", "", false
}

// minTypoLetters is the fewest letters of a word read as misspelt by a
// swap: in shorter words a swap is as often another name ("Amca", "Maca").
const minTypoLetters = 5

// plainGroup reports whether every mention of a group was grouped by its
// own name (no rule merged it, no correction named it).
func plainGroup(gr *grp) bool {
	for _, m := range gr.ms {
		if m.rule != "" || m.canon != "" || m.split {
			return false
		}
	}
	return true
}

// typoOf returns the word of name a and the word of name b that a
// misspells by a swap of two adjacent letters (swappedWord), when the
// names are otherwise the same word for word, or a is a single word and
// b's first word (an organisation) or last word (a person).
func typoOf(a, b, typ string) (x, y string, ok bool) {
	wa, wb := strings.Fields(a), strings.Fields(b)
	if len(wa) == 0 || len(wb) == 0 {
		return "", "", false
	}
	if len(wa) == 1 && len(wb) > 1 {
		y = wb[0]
		if typ == schema.Person {
			y = wb[len(wb)-1]
			return wa[0], y, misspelt(wa[0], y) || changedSurname(wa[0], y)
		}
		return wa[0], y, misspelt(wa[0], y)
	}
	if len(wa) != len(wb) {
		return "", "", false
	}
	for k := range wa {
		if strings.EqualFold(wa[k], wb[k]) {
			continue
		}
		ok := misspelt(wa[k], wb[k])
		if typ == schema.Person && len(wa) > 1 {
			ok = ok || k == len(wa)-1 && changedSurname(wa[k], wb[k])
		}
		if x != "" || !ok {
			return "", "", false
		}
		x, y = wa[k], wb[k]
	}
	return x, y, x != ""
}

// misspelt reports whether word x misspells word y: by a swap of two
// adjacent letters (swappedWord), or by a letter dropped or added
// (droppedLetter) when y is a word of the news and x is not ("Vocker" for
// Volcker, "Volkwagen" for Volkswagen, "Consituent"): a letter more or
// less between two names of the news is as often another name ("Regan"
// and "Reagan", "Greene" and "Green").
func misspelt(x, y string) bool {
	return swappedWord(x, y) || droppedLetter(x, y) && !newsWord(x) && newsWord(y)
}

// minChangedLetters is the fewest letters of a surname read as misspelt
// by one letter changed.
const minChangedLetters = 7

// changedSurname reports whether surname x misspells surname y by one
// letter changed ("Korczag" beside Laszlo Karczag), both of letters only
// and minChangedLetters or more, x no word of the news: two persons of
// one story whose surnames differ so are rare, as in "Jansen" and
// "Hansen" they are shorter.
func changedSurname(x, y string) bool {
	a, b := []rune(strings.ToLower(x)), []rune(strings.ToLower(y))
	if len(a) != len(b) || len(a) < minChangedLetters || newsWord(x) {
		return false
	}
	diff := 0
	for k := range a {
		if !unicode.IsLetter(a[k]) || !unicode.IsLetter(b[k]) {
			return false
		}
		if a[k] != b[k] {
			diff++
		}
	}
	return diff == 1
}

// minDropLetters is the fewest letters of the shorter word of two read as
// one misspelt by a letter dropped or added.
const minDropLetters = 6

// droppedLetter reports whether words x and y, of letters only, are the
// same but for one letter that one of them has and the other lacks, in
// any case, the shorter of minDropLetters letters or more ("Vocker",
// "Volcker").
func droppedLetter(x, y string) bool {
	a, b := []rune(strings.ToLower(x)), []rune(strings.ToLower(y))
	if len(a) > len(b) {
		a, b = b, a
	}
	if len(b) != len(a)+1 || len(a) < minDropLetters {
		return false
	}
	for _, r := range b {
		if !unicode.IsLetter(r) {
			return false // not "B-plus" and "BB-plus", two ratings
		}
	}
	k := 0
	for k < len(a) && a[k] == b[k] {
		k++
	}
	return string(a[k:]) == string(b[k+1:])
}

// swappedWord reports whether words x and y, of minTypoLetters letters or
// more, are the same but for two adjacent letters swapped, in any case
// ("Coastla", "Coastal"; "BRACLAYS", "Barclays").
func swappedWord(x, y string) bool {
	a, b := []rune(strings.ToLower(x)), []rune(strings.ToLower(y))
	if len(a) != len(b) || len(a) < minTypoLetters {
		return false
	}
	for _, r := range a {
		if !unicode.IsLetter(r) && r != '-' {
			return false
		}
	}
	k := 0
	for k < len(a) && a[k] == b[k] {
		k++
	}
	if k+1 >= len(a) || a[k] != b[k+1] || a[k+1] != b[k] || a[k] == a[k+1] {
		return false
	}
	return string(a[k+2:]) == string(b[k+2:])
}

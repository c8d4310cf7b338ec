package claims

import (
	"slices"
	"strings"

	"github.com/dossier-project/dossier/ledger"
	"github.com/dossier-project/dossier/schema"
)

// Answers that name no denial. Much of what the accused says back is a
// plain statement, not a denial by its words: it states the opposite of
// what is alleged ("E.F. Hutton is not facing liquidity problems", after
// rumours of solvency problems) or asserts that it was within its rights
// ("it has the right to decide where to drill", "acted within the law").
// Such a statement is a denial only when the document alleges something
// against its speaker: the same words from anyone else, or with nothing
// alleged, stay statements. Its denial answers the allegations it
// opposes (schema.Link: "the accused states the opposite").

// justifications are words by which a party asserts that what it did was
// its right or lawful: the justification and legality defences of the
// ledger's annotation guide ("saying the disputed act was proper is a
// denial"). Unlike rebuttals they deny only what the document alleges
// against the speaker: "the company said it has the right to redeem the
// shares" answers nothing.
var justifications = []string{"the right to", "its right", "their right", "our right", "within its rights",
	"within their rights", "within our rights", "within the law", "entitled to", "acted lawfully",
	"acted legitimately", "acted responsibly", "perfectly legal", "entirely legal", "completely legal",
	"legal and proper", "proper and legal", "in accordance with the law", "in full compliance",
	"fully complied", "was legal", "is legal", "were legal", "are legal", "was legitimate", "is legitimate",
	"were legitimate", "was justified", "is justified", "were justified", "self-defence", "self-defense",
	"self defence", "self defense", "nothing improper", "nothing illegal", "nothing unlawful", "nothing unethical",
	"nothing wrong", "no wrongdoing", "acted properly", "acted appropriately", "acted correctly", "acted in good faith",
	"acted reasonably", "behaved properly", "was proper", "were proper", "is proper", "are proper", "was appropriate",
	"is appropriate", "was fair", "is fair", "were fair", "are fair", "fair and reasonable", "fair and equitable",
	"a fair price", "was reasonable", "is reasonable", "were reasonable", "are reasonable", "fully justified",
	"meets those criteria", "meets these criteria", "meets the criteria", "meets all the criteria", "meets the requirements",
	"meets all requirements", "meets all the requirements", "meets the standards", "meets all standards",
	"met all requirements", "met the requirements", "met all the requirements"}

// notJustifying are the words after a justification that make it the
// speaker's manner of speaking, not a judgement of the act: "it was fair
// to assume", "it is reasonable to expect".
var notJustifying = set("assume", "say", "expect", "conclude", "suggest", "believe", "think", "ask", "predict", "argue")

// opposeWindow bounds how far after a negation the words it negates run.
const opposeWindow = 10

// opposition turns into denials the statements of an accused that
// contradict or justify themselves against an allegation of the
// document, and records which. It runs once the document's allegations
// are settled; it compares each statement with the allegations of the
// document, at most linkWindow on either side, so it stays linear in the
// number of claims.
func (x *extractor) opposition() {
	for i, d := range x.drafts {
		intent := d.stance == schema.Intend || d.stance == schema.Promise
		if d.stance != schema.Say && d.stance != schema.Report && !intent || d.negated || d.cont[1] <= d.cont[0] {
			continue
		}
		ts := x.toks(d.sent)
		ka, kb := contentToks(ts, d)
		if ka >= kb || question(ts, ka, kb) {
			continue
		}
		vow := vowsToFight(ts, ka, kb, intent)
		if intent && !vow {
			continue
		}
		just := !intent && justifies(ts, ka, kb)
		contest := ""
		if !intent {
			contest = contestsCharge(ts, ka, kb)
		}
		var negated []string
		mainNeg := false
		if subj := x.subjectEnd(ts, ka, kb); subj > ka && mainNegation(ts, subj, kb) || noneOfItsPeople(ts, ka, kb) {
			negated = negatedWords(ts, ka, kb)
			mainNeg = true
		}
		if k := laterOwnNegation(ts, ka, kb); k > ka {
			for _, w := range negatedWords(ts, k, kb) {
				if !slices.Contains(negated, w) {
					negated = append(negated, w)
				}
			}
			mainNeg = true
		}
		praise := !mainNeg && (praisesRecord(ts, ka, kb) || defendsRecord(ts, ka, kb))
		voids := !intent && !mainNeg && callsPactVoid(ts, ka, kb)
		// What the statement owns to: a finding it agrees with, or a
		// fault it finds with an act it names as its own.
		var owned []string
		if k := agreedFinding(ts, ka, kb); k >= 0 && !mainNeg {
			owned = ledger.ActWords(x.span(ts[k].start, ts[kb-1].end).Text)
		} else if x.namesOwnFault(ts, d, ka, kb) {
			// "was not correctly assembled": the negation is the fault,
			// not a denial.
			owned = slices.DeleteFunc(ledger.ActWords(x.span(ts[ka].start, ts[kb-1].end).Text), func(w string) bool {
				return faultWords[w] || w == ledger.Stem("correctly") || w == ledger.Stem("properly")
			})
			negated = nil
		}
		if intent {
			negated, praise, owned = nil, false, nil
		}
		// A shift of blame is the claimant's own (or its side's), not
		// that of a party the content reports on ("The lawyers said
		// Boeing had showed it believed the crash was due to design
		// defects").
		var shifted []string
		var shifters []*entInfo
		if !intent && !mainNeg && len(owned) == 0 && d.claimant != nil {
			shifters = append([]*entInfo{d.claimant}, x.sides(d)...)
			shifted = x.shiftedCause(ts, d, ka, kb, shifters)
		}
		if !just && !vow && contest == "" && len(negated) == 0 && !praise && len(owned) == 0 && len(shifted) == 0 && !voids {
			continue
		}
		// A claimant who has defended the accused and speaks as "we"
		// speaks for it ("I know we have the finest meat and poultry
		// inspection system in the world", after "Lyng defended the
		// program").
		ours := praise && d.claimant != nil && x.defenders[d.claimant] && firstPerson(ts, ka, kb)
		var said []string
		if praise {
			said = ledger.ActWords(x.span(ts[ka].start, ts[kb-1].end).Text)
		}
		var speaker []*entInfo
		var ops []answered
		for _, a := range x.drafts[max(0, i-linkWindow):min(len(x.drafts), i+linkWindow)] {
			if a == d || a.stance != schema.Allege || a.claimant != nil && a.claimant == d.claimant {
				continue
			}
			if speaker == nil {
				speaker = x.speakers(ts, d, ka)
				if vow {
					speaker = x.vower(ts, d, ka, kb, speaker)
				}
			}
			acc := x.accusedOf(a)
			if len(owned) > 0 {
				// "faulty repair work by The Boeing Company": who did
				// the act owns to it.
				acc = append(acc, x.doers(a)...)
			}
			if !ours && !slices.ContainsFunc(speaker, func(e *entInfo) bool {
				return slices.ContainsFunc(acc, func(o *entInfo) bool { return sameParty(e, o) })
			}) {
				continue
			}
			at := x.toks(a.sent)
			aa, ab := contentToks(at, a)
			if aa >= ab {
				continue
			}
			alleged := ledger.ActWords(x.span(at[aa].start, at[ab-1].end).Text)
			var shared []string
			for _, w := range negated {
				if slices.Contains(alleged, w) && !slices.Contains(shared, w) {
					shared = append(shared, w)
				}
			}
			var praised []string
			for _, w := range said {
				if slices.Contains(alleged, w) && !slices.Contains(praised, w) {
					praised = append(praised, w)
				}
			}
			var owns []string
			for _, w := range owned {
				if slices.Contains(alleged, w) && !slices.Contains(owns, w) {
					owns = append(owns, w)
				}
			}
			var moved []string
			for _, w := range shifted {
				if !slices.ContainsFunc(shifters, func(e *entInfo) bool {
					return slices.ContainsFunc(acc, func(o *entInfo) bool { return sameParty(e, o) })
				}) {
					break
				}
				if slices.Contains(alleged, w) && !slices.Contains(moved, w) {
					moved = append(moved, w)
				}
			}
			switch {
			case voids && namesPact(at, aa, ab) && len(owns) == 0:
				ops = append(ops, answered{a, 0.8, "the accused calls the agreement void"})
			case len(owns) > 0 && len(shared) == 0:
				ops = append(ops, answered{a, 0.8, "the accused owns to the act (" + strings.Join(owns[:min(3, len(owns))], " ") + ")"})
			case len(shared) > 0:
				ops = append(ops, answered{a, 0.8, "the accused states the opposite (" + strings.Join(shared[:min(3, len(shared))], " ") + ")"})
			case len(moved) > 0:
				ops = append(ops, shiftAnswer(a, moved))
			case len(praised) > 0:
				ops = append(ops, answered{a, 0.8, "the accused praises its record (" + strings.Join(praised[:min(3, len(praised))], " ") + ")"})
			case just:
				ops = append(ops, answered{a, 0.7, "the accused asserts its right"})
			case vow:
				ops = append(ops, answered{a, 0.7, "the accused vows to fight it"})
			case contest != "":
				ops = append(ops, answered{a, 0.7, contest})
			}
		}
		if len(ops) == 0 {
			continue
		}
		if (just || vow || contest != "") && !slices.ContainsFunc(ops, func(o answered) bool { return o.score > 0.75 }) {
			// A justification or a vow answers the latest allegation
			// against its speaker before it, or the first after it.
			k := slices.IndexFunc(ops, func(o answered) bool { return o.a.sent > d.sent })
			switch {
			case k > 0:
				ops = ops[k-1 : k]
			case k < 0:
				ops = ops[len(ops)-1:]
			default:
				ops = ops[:1]
			}
		} else {
			ops = slices.DeleteFunc(ops, func(o answered) bool { return o.score < 0.75 })
		}
		d.undenied = d.stance
		d.stance = schema.Deny
		if slices.ContainsFunc(ops, func(o answered) bool { return strings.HasPrefix(o.reason, "the accused owns") }) {
			ops = slices.DeleteFunc(ops, func(o answered) bool { return !strings.HasPrefix(o.reason, "the accused owns") })
			d.stance = schema.Acknowledge
		}
		d.opposes = ops
	}
}

// pactNouns name an agreement a party may be accused of breaking.
var pactNouns = set("accord", "accords", "agreement", "agreements", "pact", "pacts", "treaty", "treaties", "protocol",
	"protocols", "convention", "memorandum", "understanding")

// voidWords say that an agreement binds no one: "inactive",
// "inoperative", "null and void".
var voidWords = set("inactive", "inoperative", "invalid", "void", "null", "defunct", "obsolete", "lapsed", "dead")

// namesPact reports whether ts[a:b] names an agreement.
func namesPact(ts []tok, a, b int) bool {
	for k := a; k < b; k++ {
		if pactNouns[ts[k].low] {
			return true
		}
	}
	return false
}

// callsPactVoid reports whether content says that an agreement it names
// binds no one: "it considers the accord inactive", "the 1986 protocol
// is inoperative", "the pact is no longer valid", "is not binding": the
// annotation guide's dismissal of an allegation's basis, when the one
// accused of breaking an agreement says so (opposition). Not a
// conditional or a forecast ("if the rule applied, the contract would be
// void"), nor a void word taken back ("is not invalid").
func callsPactVoid(ts []tok, a, b int) bool {
	for k := a; k < b; k++ {
		if !pactNouns[ts[k].low] {
			continue
		}
		for j := k + 1; j < b && j <= k+6; j++ {
			l := ts[j].low
			if l == "," || l == "that" || l == "which" || l == "if" || isEnd(ts[j]) || ts[j].cue {
				break
			}
			prev := ""
			if j > k+1 {
				prev = ts[j-1].low
			}
			switch {
			case voidWords[l] && prev != "not" && prev != "n't" && prev != "never":
			case l == "binding" && (prev == "not" || prev == "n't"):
			case (l == "valid" || l == "binding") && prev == "longer" && j >= k+3 && ts[j-2].low == "no":
			default:
				continue
			}
			for i := a; i < j; i++ {
				switch ts[i].low {
				case "if", "whether", "unless", "would", "could", "might", "may", "will":
					return false
				}
			}
			return true
		}
	}
	return false
}

// justifies reports whether content asserts a right or lawfulness that a
// negation does not take back ("has the right to", not "had no right to").
func justifies(ts []tok, a, b int) bool {
	low := " " + strings.Join(lows(ts[a:b]), " ") + " "
	for _, j := range justifications {
		k := strings.Index(low, " "+j+" ")
		if k < 0 {
			continue
		}
		before := strings.Fields(low[:k])
		neg := subordinate(before)
		for _, w := range before[max(0, len(before)-3):] {
			if negations[w] || w == "no" || w == "not" || w == "n't" || w == "never" || w == "if" || w == "whether" {
				neg = true
			}
		}
		if after := strings.Fields(low[k+len(j)+1:]); len(after) >= 2 && after[0] == "to" && notJustifying[after[1]] {
			neg = true
		}
		if !neg && !otherHolder(before) {
			return true
		}
	}
	return false
}

// parties are nouns that name a party to a dispute other than the one
// who speaks of it: "the plaintiff has the right to appeal" is not the
// speaker's right.
var parties = set("plaintiff", "plaintiffs", "defendant", "defendants", "petitioner", "petitioners", "shareholders",
	"shareholder", "stockholders", "stockholder", "holders", "holder", "bidder", "bidders", "buyer", "buyers", "seller",
	"sellers", "creditors", "creditor", "lenders", "customers", "union", "employees", "workers", "investors", "bondholders")

// otherHolder reports whether the words before a justification make
// another party its holder: the subject just before its verb ("the
// plaintiff has the right to", "shareholders are entitled to").
func otherHolder(before []string) bool {
	n := len(before)
	if n >= 2 && auxiliaries[before[n-1]] {
		return parties[before[n-2]]
	}
	return false
}

// negatedWords returns the act words (ledger.ActWords stems) that a
// negation of the content denies: "is not facing liquidity problems",
// "nor is the firm on the brink of insolvency", "has not filed for
// protection"; none for a future or conditional ("will not") or a
// question.
func negatedWords(ts []tok, a, b int) []string {
	var out []string
	for k := a; k < b; k++ {
		l := ts[k].low
		if l != "not" && l != "n't" && l != "never" && l != "nor" && l != "no" && l != "nothing" && l != "none" {
			continue
		}
		if l == "no" && k+1 < b && (ts[k+1].low == "doubt" || ts[k+1].low == "comment") {
			continue
		}
		ct := ts[a:b]
		if future(ct, k-a) || wishNot(ct, k-a) || doubtsAnother(ct, k-a) || k > a && (ts[k-1].low == "if" || ts[k-1].low == "whether") || undecided(ts, k, b) || subordinate(lows(ts[a:k])) || unable(ts, k, b) || groundsNegation(ts[a:b], k-a) {
			continue
		}
		e := k + 1
		for e < b && e <= k+opposeWindow && ts[e].low != "," && ts[e].low != "but" && ts[e].low != ";" && !isEnd(ts[e]) {
			e++
		}
		if e > k+1 {
			for _, w := range ledger.ActWords(strings.Join(lows(ts[k+1:e]), " ")) {
				if !slices.Contains(out, w) {
					out = append(out, w)
				}
			}
		}
	}
	return out
}

// unable reports whether the negation at k says that something could not
// be done ("the Argentine officials said they could not narrow the
// differential further", "cannot agree"): an inability, not the opposite of
// an act alleged. "could not be seen as a breach" still denies.
func unable(ts []tok, k, b int) bool {
	if k == 0 || ts[k-1].low != "could" && ts[k-1].low != "can" && ts[k-1].low != "ca" {
		return false
	}
	return k+1 < b && ts[k+1].low != "be" && ts[k+1].low != "have"
}

// speakers returns who a statement speaks as: its claimant, the entities
// the claimant answers for, and the subject of its content when the
// content starts with a name or a pronoun of the claimant's ("Brokerage
// firm E.F. Hutton Group Inc is not facing ...", "it has the right to").
func (x *extractor) speakers(ts []tok, d *draft, ka int) []*entInfo {
	out := []*entInfo{}
	if d.claimant != nil {
		out = append(out, d.claimant)
	}
	out = append(out, x.sides(d)...)
	ka = pastConjunction(ts, ka, len(ts))
	if ka < len(ts) && (pronouns[ts[ka].low] != "" || ts[ka].low == "we" || ts[ka].low == "i") {
		return out // the claimant's own "it", "we"
	}
	// The subject of the content speaks through the claimant when the
	// claimant is a person who answers for nobody else: "Brokerage firm
	// E.F. Hutton Group Inc is not ..., London joint managing director
	// Harry Romney said".
	if d.claimant != nil && d.claimant.typ != schema.Person {
		return out
	}
	if e := x.subjectEnd(ts, ka, len(ts)); e > ka {
		if ms := x.mentionsIn(ts[ka].start, ts[e-1].end); len(ms) > 0 && ms[0].e.typ != schema.Place &&
			!slices.ContainsFunc(x.sides(d), func(o *entInfo) bool { return !sameParty(o, ms[0].e) && !x.governmentOf(ms[0].e, o) }) && !slices.Contains(out, ms[0].e) {
			out = append(out, ms[0].e)
		}
	}
	return out
}

// governmentOf reports whether organisation o is a government body of
// country c ("USDA" of the United States): a secretary who speaks for his
// country speaks for its ministries too.
func (x *extractor) governmentOf(o, c *entInfo) bool {
	return o.typ == schema.Organization && c.typ == schema.Place && x.isGovernment(o) && x.countryOf(o) == c
}

// accusedOf returns the entities an allegation accuses: its target and,
// without a target, the people and organisations it is about.
func (x *extractor) accusedOf(a *draft) []*entInfo {
	if a.target != nil {
		return []*entInfo{a.target}
	}
	var out []*entInfo
	for _, id := range a.about {
		if e := x.byID[id]; e != nil && e != a.claimant && e.typ != schema.Place {
			out = append(out, e)
		}
	}
	return out
}

// sameParty reports whether two entities of a document are one party: the
// same entity, or organisations one of whose names holds the other's
// words in order ("Hutton" and "E.F. Hutton Group Inc", "Goldman Sachs" and
// its unit "Goldman Sachs International Corp"): a company and its parent
// or unit answer for each other.
func sameParty(a, b *entInfo) bool {
	if a == b {
		return true
	}
	if a.typ != schema.Organization && b.typ != schema.Organization {
		return false
	}
	return ledger.NameHolds(a.name, b.name)
}

// subjectEnd returns the end of the content's subject: a pronoun, or the
// words before its first auxiliary or negation when a name is among them
// ("Brokerage firm E.F. Hutton Group Inc" before "is not facing"); ka when
// there is none.
func (x *extractor) subjectEnd(ts []tok, ka, kb int) int {
	if ka >= kb {
		return ka
	}
	// A failed search returns where the content starts, not the word
	// after an opening "but": "but did not elaborate" has no subject.
	fail := ka
	ka = pastConjunction(ts, ka, kb)
	if fail == ka {
		fail = -1
	}
	if ka+1 < kb && leadIns[ts[ka].low] {
		// "To the best of our knowledge, there have been no ...".
		for k := ka + 1; k < kb && k < ka+8; k++ {
			if ts[k].low == "," {
				ka = k + 1
				break
			}
		}
	}
	if ka < kb && (pronouns[ts[ka].low] != "" || ts[ka].low == "we" || ts[ka].low == "i" || ts[ka].low == "there") {
		return ka + 1
	}
	e, words := ka, 0
	for e < kb && words < 8 && !auxiliaries[ts[e].low] && !negations[ts[e].low] && ts[e].low != "," && !ts[e].cue {
		if k := tickerEnd(ts, e, kb); k > e {
			// "E.F. Hutton Group Inc <EFH> is not facing": a wire's
			// ticker after the name is no word of the subject.
			e = k
			continue
		}
		e++
		words++
	}
	if e == ka || e == kb || len(x.mentionsIn(ts[ka].start, ts[e-1].end)) == 0 {
		if fail >= 0 {
			return fail
		}
		return ka
	}
	return e
}

// tickerEnd returns the end of a stock ticker in angle brackets that
// opens at token k ("<EFH>", "<VOWG.F>"), else k.
func tickerEnd(ts []tok, k, kb int) int {
	if k >= kb || !strings.HasPrefix(ts[k].text, "<") {
		return k
	}
	for j := k; j < kb && j < k+6; j++ {
		if strings.HasSuffix(ts[j].text, ">") {
			return j + 1
		}
	}
	return k
}

// mainNegation reports whether the content's own verb is negated right
// after its subject ("is not facing", "has not filed", "are not in any
// kind of financial problem"), not a verb of a clause inside it ("was
// unlikely to prove Texaco is not qualified").
func mainNegation(ts []tok, subj, kb int) bool {
	if subj+1 < kb && ts[subj+1].low == "nothing" && !negations[ts[subj].low] {
		// "they knew nothing of the transaction", "it had nothing to do
		// with the losses".
		return true
	}
	for k := subj; k < kb && k <= subj+3; k++ {
		switch l := ts[k].low; {
		case negations[l] || l == "no" || l == "nothing":
			return true
		case auxiliaries[l] || l == "do" || l == "does" || l == "did" || l == "certainly" || l == "absolutely" || l == "definitely":
		default:
			return false
		}
	}
	return false
}

// peopleNouns are the people of a party that a denial may say none of
// did an act: "no member of its board", "none of its officers", "no
// company employee", "no member bank of the Federation".
var peopleNouns = set("member", "members", "employee", "employees", "official", "officials", "officer", "officers",
	"executive", "executives", "director", "directors", "manager", "managers", "staff", "trader", "traders",
	"dealer", "dealers", "bank", "banks", "company", "companies", "firm", "firms", "one", "partner", "partners")

// noneOfItsPeople reports whether a content opens with a subject that
// says no one of a party's people ("no member of its board was involved
// in", "none of its officers had any part in"): its verb, negated by the
// subject, is the content's own (negatedWords reads what it denies).
func noneOfItsPeople(ts []tok, ka, kb int) bool {
	k := pastConjunction(ts, ka, kb)
	if k+2 >= kb {
		return false
	}
	j := k + 1
	switch ts[k].low {
	case "no":
	case "none":
		if ts[j].low != "of" {
			return false
		}
		j++
	default:
		return false
	}
	for e := j; e < kb && e <= j+3; e++ {
		if peopleNouns[ts[e].low] {
			for v := e + 1; v < kb && v <= e+6; v++ {
				if auxiliaries[ts[v].low] || ts[v].low == "had" || ts[v].low == "knew" {
					return true
				}
				if ts[v].low == "," || ts[v].low == "that" || ts[v].cue {
					return false
				}
			}
			return false
		}
	}
	return false
}

// laterOwnNegation returns the start of a later sentence of the content
// ts[ka:kb] (one quotation the splitter kept whole) whose subject is the
// speaker's own "we" or "I" and whose own verb is negated: "You can't be in
// the equity market ... and not experience some problems. But we are not
// facing any severe financial problems"; -1 when there is none.
func laterOwnNegation(ts []tok, ka, kb int) int {
	for j := ka + 1; j+2 < kb; j++ {
		if !isEnd(ts[j]) {
			continue
		}
		k := pastConjunction(ts, j+1, kb)
		if k+1 < kb && (ts[k].low == "we" || ts[k].low == "i") && mainNegation(ts, k+1, kb) {
			return k
		}
	}
	return -1
}

// conjunctions open a sentence that goes on from the one before: "But we
// are not facing any severe financial problems".
var conjunctions = set("but", "and", "yet", "however", "still", "so", "indeed", "nevertheless")

// pastConjunction returns the first token after the conjunction that opens
// ts[ka:kb] (and its comma: "However, we are not ..."), else ka.
func pastConjunction(ts []tok, ka, kb int) int {
	if ka+1 < kb && conjunctions[ts[ka].low] {
		ka++
		if ka+1 < kb && ts[ka].low == "," {
			ka++
		}
	}
	return ka
}

// leadIns open a phrase before a content's subject.
var leadIns = set("to", "in", "as", "for", "at", "by", "from", "after", "since", "under", "according")

// coAccused returns the people and organisations an allegation's content
// makes parties to the act with its target: joined to the target by "and"
// ("Goldman Sachs and Freeman made money on the scheme"), or the partner
// of its act by "with" in the target's clause ("Freeman exchanged inside
// information with Martin Siegel"). Others the content names (a victim,
// a place, a third party) are not.
func (x *extractor) coAccused(d *draft) []*entInfo {
	ts := x.toks(d.sent)
	ka, kb := contentToks(ts, d)
	if ka >= kb || d.target == nil {
		return nil
	}
	ms := x.mentionsIn(ts[ka].start, ts[kb-1].end)
	ti := slices.IndexFunc(ms, func(m mref) bool { return m.e == d.target })
	if ti < 0 {
		return x.chargedAlongWith(ts, d, ka)
	}
	party := func(e *entInfo) bool {
		return e != d.target && e != d.claimant && (e.typ == schema.Person || e.typ == schema.Organization)
	}
	between := func(a, b int) []tok { // the tokens between two offsets
		var out []tok
		for k := ka; k < kb; k++ {
			if ts[k].start >= a && ts[k].end <= b {
				out = append(out, ts[k])
			}
		}
		return out
	}
	var out []*entInfo
	add := func(e *entInfo) {
		if party(e) && !slices.Contains(out, e) {
			out = append(out, e)
		}
	}
	// The list that holds the target: "Kuwait and the United Arab
	// Emirates, along with the much smaller producer Ecuador" makes all
	// three parties to the act, countries as the target's peers.
	listed := func(e *entInfo) {
		if party(e) || e != d.target && e != d.claimant && d.target.typ == schema.Place && d.target.kind == schema.KindCountry &&
			e.typ == schema.Place && e.kind == schema.KindCountry {
			if !slices.Contains(out, e) {
				out = append(out, e)
			}
		}
	}
	for j := ti + 1; j < len(ms) && joinedInList(between(ms[j-1].end, ms[j].start)); j++ {
		listed(ms[j].e)
	}
	for j := ti - 1; j >= 0 && joinedInList(between(ms[j].end, ms[j+1].start)); j-- {
		listed(ms[j].e)
	}
	for _, m := range ms[ti+1:] {
		bt := between(ms[ti].end, m.start)
		if len(bt) == 0 || len(bt) > 10 || bt[len(bt)-1].low != "with" {
			continue
		}
		if slices.ContainsFunc(bt, func(t tok) bool {
			return t.low == "," || t.low == "that" || t.low == "who" || t.low == "which" || isEnd(t)
		}) {
			continue
		}
		add(m.e)
	}
	return out
}

// joinedInList reports whether the words between two names join them in
// one list of parties: "and" (and "the"), "along with", "together with", "as well as"
// (after a comma or not), the last three with a few words that describe
// the next party ("along with the much smaller producer"), "and its" with
// a few that name its place in the first ("and its chairman,"), but no
// verb, clause or preposition of another role.
func joinedInList(bt []tok) bool {
	if len(bt) > 0 && bt[0].low == "," {
		bt = bt[1:]
	}
	if len(bt) > 1 && bt[len(bt)-1].low == "," {
		bt = bt[:len(bt)-1] // "and its chairman, Oscar S. Wyatt Jr"
	}
	low := make([]string, len(bt))
	for i, t := range bt {
		low[i] = t.low
	}
	rest, ok := ledger.ListJoin(low)
	if !ok {
		return false
	}
	for _, t := range bt[len(bt)-len(rest):] {
		if t.capital || !isWord(t.low) || listBreaks[t.low] {
			return false
		}
	}
	return true
}

// listBreaks are words that end a list of parties: a clause, a verb of
// being or having, a preposition of another role.
var listBreaks = set("that", "who", "which", "whose", "said", "says", "is", "are", "was", "were", "has", "have", "had",
	"to", "in", "of", "for", "on", "by", "from", "against", "at", "into", "over")

// chargedAlongWith returns, for an allegation whose content follows its
// target ("... along with two other top Wall Street executives, Richard
// Wigton and Timothy Tabor, for allegedly swapping insider information"),
// the parties charged with the target: the people and organisations of the
// list after "along with" or "together with" that holds the target, and
// the first one named before it in the sentence ("Freeman was indicted by
// a federal grand jury along with ..."). Nil when the target is not in
// such a list.
func (x *extractor) chargedAlongWith(ts []tok, d *draft, ka int) []*entInfo {
	k := -1
	for j := 0; j+1 < ka; j++ {
		if (ts[j].low == "along" || ts[j].low == "together") && ts[j+1].low == "with" {
			k = j
		}
	}
	if k < 0 {
		return nil
	}
	party := func(e *entInfo) bool {
		return e != d.target && e != d.claimant && (e.typ == schema.Person || e.typ == schema.Organization)
	}
	list := x.mentionsIn(ts[k].start, ts[ka-1].end)
	if !slices.ContainsFunc(list, func(m mref) bool { return m.e == d.target }) {
		return nil
	}
	var out []*entInfo
	for _, m := range x.mentionsIn(ts[0].start, ts[k].start) {
		if party(m.e) {
			out = append(out, m.e) // the subject the list is charged with
			break
		}
	}
	for _, m := range list {
		if party(m.e) && !slices.Contains(out, m.e) {
			out = append(out, m.e)
		}
	}
	return out
}

// undecidedWords say that what follows is not settled.
var undecidedWords = set("decided", "determined", "sure", "certain", "clear", "known", "settled", "say", "said")

// undecided reports whether the negation at k leaves a question open ("has
// not yet decided whether to pursue its case", "is not sure if", "did not
// say whether"): it states nothing opposite to an allegation.
func undecided(ts []tok, k, b int) bool {
	for j := k + 1; j < b && j <= k+3; j++ {
		if !undecidedWords[ts[j].low] {
			continue
		}
		for q := j + 1; q < b && q <= j+2; q++ {
			if ts[q].low == "whether" || ts[q].low == "if" {
				return true
			}
		}
	}
	return false
}

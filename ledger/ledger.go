// Package ledger follows allegations across articles: it compares
// allegations and answers by proposition (who is accused, of what), links
// an answer to the allegations it answers with a score and the reason,
// and groups the reports of one allegation into a thread whose status
// moves with its answers over time.
//
// Two claims are compared on the people in their roles (the accused, the
// claimant, who the claim is about) and on the words of the act: content
// stems, and concept keys that put both sides of an act under one name
// ("violated the agreement" and "abiding by the agreement" are both
// compliance). No match, no link: an answer that matches no allegation well
// enough stays unlinked, and an allegation that matches no other is a
// thread of its own.
//
// Threads are built by blocking: each allegation is compared only with
// the latest allegations that share an entity with it (at most
// MaxCandidates per entity), so building the ledger of n claims costs
// O(n·MaxCandidates), never O(n²).
package ledger

import (
	"crypto/sha1"
	"encoding/hex"
	"fmt"
	"slices"
	"sort"
	"strings"
)

// Prop is a claim as the ledger compares it: an allegation or an answer.
type Prop struct {
	Key  string // the claim's IRI (or ID within one document)
	Doc  string // document hash
	Date string // ISO date, any precision; "" unknown
	// Published is the date of the claim's article, when it differs from
	// Date: "Boeing issued an official statement on September 6, 1985"
	// (Date 1985-09-06) in a story of June 1987 answers what was
	// alleged up to June 1987.
	Published string
	Claimant  string // entity ID; "" when unnamed
	// ClaimantText is the words that name the claimant ("Japanese
	// officials"), matched against the accused's name when the claimant is
	// not an entity of its own.
	ClaimantText string
	// SpeaksFor are the entities the claimant answers for besides itself
	// (entity IDs): the organisation of a spokesman, the country of a
	// ministry.
	SpeaksFor []string
	Target    string // entity ID of the accused; "" when none
	// CoAccused are the entities an allegation makes parties to the act
	// with its target ("Freeman exchanged inside information with Martin
	// Siegel", "Goldman Sachs and Freeman made money"): they answer it as
	// the accused do. Set by the extraction within a document.
	CoAccused []string
	About     []string
	Stance    string
	Content   string
	// RefersBack marks an answer that names the allegations ("denied the
	// reports", "dismissed the claims").
	RefersBack bool
	// Explicit marks an answer whose verb denies ("denies", "rejected",
	// "disputed"): in its own article it answers an allegation whose rare
	// words it repeats, whoever makes it ("HOUSE SPEAKER DENIES TRADE
	// BILL HURT STOCKS" after "the trade bill before Congress contributed
	// to the fall in stock prices"). Set by the extraction.
	Explicit bool
	// Concedes marks an acknowledgement that names no wrong ("the 1978
	// repairs it had undertaken were faulty", "the danger of chemical
	// residues ... has increased"): it answers only an allegation against
	// its claimant or one it speaks for, whose rare words it repeats.
	Concedes bool
	// Defends marks a defence ("defended the government's program"): its
	// content is the thing defended, so in its own article one word of
	// the allegation's act is enough when the accused or its side
	// defends.
	Defends bool
	// NoEvidence marks a finding of no evidence ("finding no evidence
	// that Farris was biased", "no concrete signs that the regulations
	// had been broken"): in its own article it answers the allegation
	// whose act it finds unproven, whoever makes it (an authority's
	// finding is an answer), and names it as an answer that names the
	// allegations does. Set by the extraction.
	NoEvidence bool
	// Clears marks an authority's finding that clears a party ("a jury
	// acquitted Zentor of fraud", "Zentor was cleared of the charges",
	// "the judge found him not guilty"): in its own article it answers
	// whatever is alleged against the party it clears, as a finding of
	// no wrongdoing of any kind by it does. Set by the extraction.
	Clears bool
	// Universal marks an answer said of every party of a group ("no OPEC
	// member was exceeding oil production quotas", "All OPEC states,
	// without exception, are producing within the quotas"): in its own
	// article it answers the allegation of its act against any party.
	// Set by the extraction.
	Universal bool
	// Repeats is the key of the allegation this one repeats (see
	// Repeats): Build puts it in that allegation's thread and compares it
	// with no other.
	Repeats string

	words     []string
	kinds     []bool // of words: a word of a kind of wrong or of a case (kindMarks)
	concepts  []string
	kindsDone bool
	// The words of ClaimantText and Content that speaksFor compares, cut
	// once (an answer is compared with up to 256 allegations).
	claimantLong, contentLong, subjectLong []string
	longDone                               bool
}

// long returns the words of ClaimantText and Content that speaksFor
// compares.
func (p *Prop) long() (claimant, content []string) {
	if !p.longDone {
		p.claimantLong, p.contentLong, p.longDone = longWords(p.ClaimantText), longWords(p.Content), true
		ts := Tokens(p.Content)
		p.subjectLong = longWords(strings.Join(ts[:min(len(ts), 3)], " "))
	}
	return p.claimantLong, p.contentLong
}

func (p *Prop) prep(names Names) {
	p.prepWords(names)
	if !p.kindsDone {
		p.kindsDone = true
		toks := Tokens(p.Content)
		low := " " + strings.Join(toks, " ") + " "
		p.concepts = Kinds(toks)
		if !p.RefersBack {
			for _, w := range []string{" allegation", " accusation", " charges", " claims", " reports", " report ", " suggestion"} {
				p.RefersBack = p.RefersBack || strings.Contains(low, w) && (w != " claims" || !creditorOnly(toks))
			}
		}
	}
}

// prepWords computes a claim's act words only (Repeats reads no kinds of
// wrong from the statements it compares).
func (p *Prop) prepWords(names Names) {
	if p.words == nil {
		p.kinds = nil
		p.words = ActWords(p.Content)
		if shouting(p.Content) {
			// A headline in capitals: its names are not told apart by
			// case, so the words of the claim's entities' names go.
			var nw []string
			for _, id := range p.parties() {
				nw = append(nw, longWords(names.name(id))...)
			}
			p.words = slices.DeleteFunc(p.words, func(w string) bool { return wordsMeet([]string{w}, nw) })
		}
		if p.words == nil {
			p.words = []string{}
		}
	}
}

// creditorOnly reports whether every "claims" of toks is a demand for
// money (CreditorClaim).
func creditorOnly(toks []string) bool {
	for i, w := range toks {
		if w == "claims" && !CreditorClaim(toks, i) {
			return false
		}
	}
	return true
}

// accused returns the entities an allegation is about, the target first,
// without its claimant.
func (p *Prop) accused() []string {
	var out []string
	if p.Target != "" {
		out = append(out, p.Target)
	}
	for _, a := range p.About {
		if a != p.Claimant && !slices.Contains(out, a) {
			out = append(out, a)
		}
	}
	return out
}

// answerable returns who may answer an allegation as the accused: its
// target and those its content makes parties to the act with the target
// (CoAccused), else, with no target, the entities it is about. A third
// party the allegation only mentions ("accused Japan of breaking the pact
// with the United States") is none of them.
func (p *Prop) answerable() []string {
	if p.Target == "" {
		return p.accused()
	}
	out := []string{p.Target}
	for _, c := range p.CoAccused {
		if c != p.Claimant && !slices.Contains(out, c) {
			out = append(out, c)
		}
	}
	return out
}

// parties returns every entity of an answer: claimant, target, about.
func (p *Prop) parties() []string {
	var out []string
	for _, a := range append(append([]string{p.Claimant, p.Target}, p.SpeaksFor...), p.About...) {
		if a != "" && !slices.Contains(out, a) {
			out = append(out, a)
		}
	}
	return out
}

// Names resolves entity IDs to names for reasons; nil prints IDs.
type Names func(id string) string

func (n Names) name(id string) string {
	if n != nil {
		if s := n(id); s != "" {
			return s
		}
	}
	return id
}

// actMatch scores the overlap of two acts: shared concepts and shared
// content stems, and says which.
func actMatch(a, b *Prop, names Names) (float64, string) {
	s, why, _, _ := actMatchN(a, b, names)
	return s, why
}

// actMatchN is actMatch with the number of shared kinds and the weight of
// the shared words. The act scores 0.3 for a kind of wrong both name or
// answer (rules, fraud, knowledge...), and the words both use weighted by
// how rare they are in news (IDF): a word of one story in 110 counts
// 0.1, "said" nothing, at most 0.3 in all.
func actMatchN(a, b *Prop, names Names) (float64, string, int, float64) {
	return actMatchSkip(a, b, names, nil, true)
}

// actMatchSkip is actMatchN without the shared words skip reports; with
// irregular, the forms of the table of irregular forms meet (sameStem),
// else a word meets only its stem but for a final "e".
func actMatchSkip(a, b *Prop, names Names, skip map[string]bool, irregular bool) (float64, string, int, float64) {
	a.prep(names)
	b.prep(names)
	var shared []string
	for _, c := range a.concepts {
		if slices.Contains(b.concepts, c) {
			shared = append(shared, c)
		}
	}
	var words []string
	for _, w := range a.words {
		if (slices.Contains(b.words, w) || sameStem(w, b.words, irregular)) && !skip[w] {
			words = append(words, w)
		}
	}
	weight := weigh(words)
	s := 0.0
	if len(shared) > 0 {
		s += 0.3
	}
	weight = min(0.3, weight)
	s += weight
	var why []string
	if len(shared) > 0 {
		why = append(why, "act "+strings.Join(shared, ", "))
	}
	if len(words) > 0 {
		why = append(why, "words "+strings.Join(words[:min(len(words), 5)], " "))
	}
	return s, strings.Join(why, "; "), len(shared), weight
}

// sameStem reports whether a stem is one of ws but for a final "e", which
// Stem keeps after "-ment" ("infringement" is "infringe", "infringed" is
// "infring"; "agreement" and "agreed"), or, with irr, another form of it
// in the table of irregular forms ("hid" and "hiding", "sold" and "sale").
func sameStem(w string, ws []string, irr bool) bool {
	if strings.HasSuffix(w, "e") && slices.Contains(ws, w[:len(w)-1]) || slices.Contains(ws, w+"e") {
		return true
	}
	if _, ok := irregular[w]; ok && irr {
		return slices.ContainsFunc(ws, func(x string) bool { return sameAct(w, x) })
	}
	return false
}

// wordScale turns a word's IDF into its share of the act score: a word
// used by one story in 110 ("semiconductor": IDF 4.7) counts 0.1.
const wordScale = 47

// minAct is the least act score that may link an answer: one kind of
// wrong, or words as rare as one of one story in 110.
const minAct = 0.1

// minRestated is the weight of shared act words by which an explicit
// denial restates an allegation of its article: two words of one story in
// 30 or so ("trade bill": 0.16), not one common word.
const minRestated = 0.15

// MinAnswer is the score an answer needs to be linked to an allegation.
const MinAnswer = 0.5

// Answers scores how well answer b answers allegation a, in [0, 1], and
// says why. It is 0 unless both the people and the act match: the accused
// answers, or the answer is about the accused; and the act's words or
// concepts meet, or the answer names the allegations.
func Answers(a, b *Prop, names Names) (float64, string) {
	acc := a.answerable()
	// The act's match is needed up to three times below; it is computed
	// once, when first asked for (it preps both claims).
	var (
		mAct, mWeight float64
		mWhy          string
		mKinds        int
		matched       bool
	)
	match := func() (float64, string, float64) {
		if !matched {
			mAct, mWhy, mKinds, mWeight = actMatchN(a, b, names)
			matched = true
		}
		return mAct, mWhy, mWeight
	}
	ent, who := 0.0, ""
	if w := accusedAnswers(acc, b, names); w != "" {
		ent, who = 0.45, w
	} else if x := subjectIs(acc, b, names); x != "" && func() bool { match(); return mKinds > 0 }() {
		// "OPEC WITHIN OUTPUT CEILING" against "the organization was
		// producing up to one mln bpd above its ceiling": the accused is
		// the subject of what is denied and the two name one kind of
		// wrong, more than an answer that only names the accused.
		ent, who = 0.35, "its subject is "+names.name(x)
	} else if !otherSubject(acc, b, names) {
		for _, p := range b.parties() {
			if slices.Contains(acc, p) && !namedAsMaker(p, b, names) {
				ent, who = 0.3, "about "+names.name(p)
				break
			}
		}
	}
	if b.Concedes {
		// A concession that names no wrong answers the allegation only
		// from the accused or its side, in the allegation's own words.
		if ent < 0.45 {
			return 0, ""
		}
		if _, _, w := match(); w < minRestated {
			return 0, ""
		}
	}
	if ent == 0 {
		claimant, _ := b.long()
		own := ""
		if b.Claimant != "" {
			// The words of the claimant's own name say nothing of whom it
			// speaks for ("Robert Salomon, managing director of Salomon
			// Inc" does not speak for Robert Stufflebeam), unless the name
			// holds the accused's or the accused's holds it ("Goldman
			// Sachs" and "Goldman Sachs and Co").
			own = names.name(b.Claimant)
			ow := longWords(own)
			claimant = slices.DeleteFunc(slices.Clone(claimant), func(w string) bool { return slices.Contains(ow, w) })
		}
		for _, x := range acc {
			name := distinctive(longWords(names.name(x)))
			if own != "" && !commonPlace(x, names) && NameHolds(own, names.name(x)) {
				ent, who = 0.35, names.name(b.Claimant)+" is "+names.name(x)+" by name"
				break
			}
			if wordsMeet(claimant, name) {
				ent, who = 0.35, strings.Join(strings.Fields(b.ClaimantText), " ")+" speak for "+names.name(x)
				break
			}
			if wordsMeet(b.subjectLong, name) {
				// "Japanese manufacturers have complied": the accused's
				// people are the subject of the answer.
				ent, who = 0.35, "its subject is "+names.name(x)
				break
			}
			if wordsMeet(namedNotBy(b.Content), name) && !otherSubject(acc, b, names) {
				ent, who = 0.3, "names "+names.name(x)
				break
			}
		}
	}
	if ent == 0 && a.Doc == b.Doc {
		b.prep(names)
	}
	if ent == 0 && b.Explicit && a.Doc == b.Doc && !otherSubject(acc, b, names) {
		if _, _, w := match(); w >= minRestated {
			ent, who = 0.35, "denies the act in its words"
		} else if restates(a, b) {
			// Nearly all its words are the allegation's: a headline's
			// denial of the act its story tells.
			ent, who = 0.4, "denies the act in its words"
		}
	}
	if ent == 0 && b.Universal && a.Doc == b.Doc {
		if _, _, nc, w := actMatchN(a, b, names); nc > 0 && w > 0 {
			ent, who = 0.3, "denies it of every party"
		}
	}
	if ent == 0 && b.NoEvidence && a.Doc == b.Doc {
		if act, _, _ := match(); act >= minAct {
			ent, who = 0.3, "finds no evidence of the act"
		}
	}
	// A finding of no evidence of wrong of any kind by the accused it
	// names ("the prosecutor said he found no evidence of wrongdoing by
	// Acme") answers, in its own article, whatever act is alleged against
	// it: the kind of wrong it clears is every kind.
	cleared := ""
	if b.NoEvidence && a.Doc == b.Doc && (anyWrong(b.Content) || b.Clears) {
		cw := longWords(b.Content)
		for _, x := range acc {
			if name := distinctive(longWords(names.name(x))); wordsMeet(cw, name) || b.Clears && slices.Contains(b.About, x) {
				cleared = names.name(x)
				break
			}
		}
	}
	if ent == 0 && cleared != "" {
		ent, who = 0.3, "finds no wrongdoing by "+cleared
	}
	if ent == 0 && b.RefersBack && a.Doc == b.Doc {
		// "had no evidence to support the US media reports": the answer
		// names the allegation by its maker, whoever answers (an
		// authority's finding of no evidence is an answer).
		_, content := b.long()
		var maker []string
		for _, w := range append(longWords(a.ClaimantText), longWords(names.name(a.Claimant))...) {
			if !AllegationWords[w] && !slices.Contains(maker, w) {
				maker = append(maker, w)
			}
		}
		if a.Claimant == "" && len(maker) > 0 && wordsMeet(content, maker) || a.Claimant != "" && wordsMeet(namedNotAgainst(b.Content), longWords(names.name(a.Claimant))) {
			ent, who = 0.3, "names the allegation's maker"
		}
	}
	if ent == 0 {
		return 0, ""
	}
	if a.Claimant != "" && b.Claimant != "" && (a.Claimant == b.Claimant || NameHolds(names.name(a.Claimant), names.name(b.Claimant))) {
		return 0, "" // one's own allegation is not answered by oneself ("Times", "New York Times")
	}
	if a.Claimant == "" && sameMaker(a.ClaimantText, b.ClaimantText+" "+names.name(b.Claimant)) {
		return 0, "" // "Police said ..." is not answered by "Malaysian police denied ..."
	}
	if b.Claimant != "" && a.Claimant != b.Claimant && NameHolds(a.ClaimantText, names.name(b.Claimant)) {
		// "a spokesman for the Hesse regional state central bank, LZB"
		// said it, and the LZB answers: its own side's statement.
		return 0, ""
	}
	act, why, weight := match()
	defence := b.Defends && a.Doc == b.Doc && ent >= 0.45 && weight > 0
	if defence && act < minAct {
		why += "; defends it"
	}
	if act < minAct && cleared != "" {
		act, why = minAct, "no wrong of any kind by the accused"
	}
	suitOf := ""
	if a.Doc != b.Doc && ent >= 0.45 && b.RefersBack && a.Claimant != "" && act < minAct {
		// "Coastal said it believes the two billion dlr suit against it by
		// TransAmerican ... is frivolous": the accused answers the
		// allegations it names by their maker, across articles too, though
		// it names no act.
		if mk := distinctive(longWords(names.name(a.Claimant))); len(mk) > 0 && namesMaker(b.Content, mk) {
			suitOf = names.name(a.Claimant)
		}
	}
	if suitOf != "" {
		act, why = minAct, "names the allegations by their maker, "+suitOf
	} else if act < minAct && !defence || a.Doc != b.Doc && weight == 0 {
		// Across articles a kind of wrong alone is no proposition ("did
		// not violate GATT trade rules" and "breach of a wheat shipment
		// contract" are both rules): the act's words must meet too.
		act, why = 0, ""
	}
	if b.NoEvidence && !b.RefersBack && act > 0 && a.Doc == b.Doc {
		// "no evidence that Farris was biased" holds the act it finds
		// unproven, as "denied the reports" names the allegations.
		act += 0.2
		why += "; finds it unproven"
	}
	if b.RefersBack && (act > 0 || a.Doc == b.Doc) {
		// "denied the reports" names the allegations of its own
		// article; across articles it must also share the act.
		act += 0.2
		if why != "" {
			why += "; "
		}
		why += "names the allegations"
	}
	if act == 0 {
		return 0, ""
	}
	if a.Doc != b.Doc && ent < 0.35 && act < 0.5 {
		// Across articles, an answer that is only about the accused (a
		// third party's denial, a word of its name) must meet the act
		// well: sharing an entity is not sharing a proposition.
		return 0, ""
	}
	return min(1, ent+act), who + "; " + why
}

// accusedAnswers says who answers when answer b is made by one of the
// accused acc or by its side ("Sondra McCarty answers for United States"),
// else "".
func accusedAnswers(acc []string, b *Prop, names Names) string {
	if b.Claimant != "" && slices.Contains(acc, b.Claimant) {
		return names.name(b.Claimant) + ", the accused, answers"
	}
	if b.Claimant != "" {
		for _, x := range acc {
			if SameName(names.name(b.Claimant), names.name(x)) {
				// "The Boeing Company" of one article is "Boeing Co" of
				// another.
				return names.name(b.Claimant) + ", the accused (" + names.name(x) + "), answers"
			}
		}
	}
	for _, x := range b.SpeaksFor {
		if slices.Contains(acc, x) {
			return cmpOr(names.name(b.Claimant), strings.Join(strings.Fields(b.ClaimantText), " ")) + " answers for " + names.name(x)
		}
	}
	return ""
}

// ByAccused reports whether answer b is made by the accused of allegation
// a or by its side (the claimant is the target or a party the allegation
// makes a partner of the act, has its name but for the legal form, or
// speaks for it), and not by the allegation's own maker; and says who.
// It weighs no act: in its own article, an answer by the accused that
// shares no word with the one allegation against it still answers it
// (claims.link).
func ByAccused(a, b *Prop, names Names) (string, bool) {
	who := accusedAnswers(a.answerable(), b, names)
	if who == "" || a.Claimant != "" && b.Claimant != "" && (a.Claimant == b.Claimant || NameHolds(names.name(a.Claimant), names.name(b.Claimant))) {
		return "", false
	}
	return who, true
}

// anyone are words that name makers of many kinds, so that sharing them
// does not make two makers one ("sources", "company sources").
var anyone = map[string]bool{"sources": true, "source": true, "officials": true, "official": true, "reports": true,
	"report": true, "analysts": true, "analyst": true, "traders": true, "dealers": true, "diplomats": true,
	"rumours": true, "rumors": true, "press": true, "people": true, "spokesman": true, "spokeswoman": true, "other": true,
	"others": true, "some": true, "they": true, "said": true}

// sameMaker reports whether an unnamed allegation's maker, by its words
// ("Police"), is the answer's (the words of "Malaysian police" and its
// entity's name): every distinctive word of the one is in the other.
func sameMaker(alleger, answerer string) bool {
	var ws []string
	for _, w := range longWords(alleger) {
		if !anyone[w] && !AllegationWords[w] {
			ws = append(ws, w)
		}
	}
	if len(ws) == 0 {
		return false
	}
	bs := longWords(answerer)
	for _, w := range ws {
		if !slices.Contains(bs, w) {
			return false
		}
	}
	return true
}

// namedNotBy returns the long words of content but the name right after
// "by" (and "the"): the maker of what an answer is about ("dismissing a
// suit by Apex Oil Co against the New York Mercantile Exchange" names
// Apex as the suit's maker, not as one the answer speaks of as accused).
func namedNotBy(content string) []string {
	var out []string
	fields := strings.Fields(content)
	skip := false
	for i, f := range fields {
		if i > 0 && strings.EqualFold(fields[i-1], "by") {
			skip = true
		}
		if skip && (strings.EqualFold(f, "the") || startsUpper(f) || strings.HasPrefix(f, "<")) {
			continue
		}
		skip = false
		out = append(out, longWords(f)...)
	}
	return out
}

// namedAsMaker reports whether an answer is about party p only as the
// maker of what it answers, named after "by" ("upheld a lower court
// decision dismissing a suit by Apex Oil Co against the New York
// Mercantile Exchange"): p is not the one who answers, nor its side, nor
// the answer's target, and its name's words are in the content only
// after "by". Such an answer is about Apex's suit, not about an
// allegation against Apex (the exchange's counterclaim).
func namedAsMaker(p string, b *Prop, names Names) bool {
	if p == b.Claimant || p == b.Target || slices.Contains(b.SpeaksFor, p) {
		return false
	}
	name := distinctive(longWords(names.name(p)))
	if len(name) == 0 {
		return false
	}
	_, content := b.long()
	return wordsMeet(content, name) && !wordsMeet(namedNotBy(b.Content), name)
}

// commonPlace reports whether an entity is a place named by words common
// in news ("New York", "Texas"): in the name of a body ("New York Supreme
// Court", "Texas Railroad Commission") it says where the body is, so the
// body is not the place by name. Places are the IDs of schema.Key with
// "loc/"; a one-word "place" of a rare name ("Mellon") is more often a
// firm the recogniser typed wrong, and keeps its name.
func commonPlace(id string, names Names) bool {
	if !strings.HasPrefix(id, "loc/") {
		return false
	}
	for _, w := range Tokens(names.name(id)) {
		if IDF(Stem(w)) >= minNameIDF {
			return false
		}
	}
	return true
}

// subjectIs returns the accused that an answer's subject (its content's
// first words) names, "" when none: "He denied Kuwait was pumping above
// its quota", "Japanese manufacturers have complied".
func subjectIs(acc []string, b *Prop, names Names) string {
	b.long()
	for _, x := range acc {
		if wordsMeet(b.subjectLong, distinctive(longWords(names.name(x)))) {
			return x
		}
	}
	return ""
}

// otherSubject reports whether an answer's subject (its content's first
// words) names a party of the answer that is none of the accused, and no
// accused: "He denied that Kuwait was pumping above its OPEC quota" is
// about Kuwait's output, not OPEC's, though it names OPEC, so it answers
// an allegation against OPEC neither by naming it, nor by being about it,
// nor by denying the act in its words.
func otherSubject(acc []string, b *Prop, names Names) bool {
	b.long()
	if len(b.subjectLong) == 0 {
		return false
	}
	for _, x := range acc {
		if wordsMeet(b.subjectLong, distinctive(longWords(names.name(x)))) {
			return false
		}
	}
	for _, p := range append([]string{b.Target}, b.About...) {
		if p != "" && !slices.Contains(acc, p) && wordsMeet(b.subjectLong, distinctive(longWords(names.name(p)))) {
			return true
		}
	}
	return false
}

// namesMaker reports whether content names allegations by their maker,
// whose distinctive name words are mk: the maker right before a word of
// allegation ("TRANSAMERICAN SUIT FRIVOLOUS", "Advanced's lawsuit") or
// after "by" a few words on ("the suit against it by TransAmerican"); not
// an allegation told in a clause ("the suggestion that the company
// entered bankruptcy to spite Pennzoil" names Pennzoil in the act).
func namesMaker(content string, mk []string) bool {
	toks := Tokens(content)
	for i, w := range toks {
		if !AllegationWords[w] || CreditorClaim(toks, i) || i+1 < len(toks) && toks[i+1] == "that" {
			continue
		}
		var near []string
		for j := max(0, i-2); j < i; j++ {
			near = append(near, strings.TrimSuffix(toks[j], "'s"))
		}
		for j := i + 1; j < len(toks) && j <= i+4; j++ {
			if toks[j] == "by" {
				near = append(near, toks[j+1:min(len(toks), j+4)]...)
				break
			}
		}
		if wordsMeet(longWords(strings.Join(near, " ")), mk) {
			return true
		}
	}
	return false
}

// namedNotAgainst returns the long words of content but those right after
// "against": the party a suit or charge is against is not its maker ("it
// denied all allegations in Advanced's March lawsuit against Reynolds"
// names Advanced as the allegations' maker, not Reynolds).
func namedNotAgainst(content string) []string {
	toks := Tokens(content)
	var out []string
	for i, w := range toks {
		if len(w) >= 4 && (i == 0 || toks[i-1] != "against") {
			out = append(out, w)
		}
	}
	return out
}

// MinSame is the score two allegations need to be one thread.
const MinSame = 0.6

// Same scores whether allegations a and b allege the same act of the same
// target, in [0, 1], and says why; 0 unless both the people and the act
// match.
func Same(a, b *Prop, names Names) (float64, string) {
	aa, ba := a.accused(), b.accused()
	ent, who := 0.0, ""
	switch {
	case a.Target != "" && a.Target == b.Target:
		ent, who = 0.4, "same target "+names.name(a.Target)
	case a.Target != "" && slices.Contains(ba, a.Target) || b.Target != "" && slices.Contains(aa, b.Target):
		ent, who = 0.35, "target "+names.name(cmpOr(a.Target, b.Target))
	case a.Doc != "" && a.Doc == b.Doc:
		// Within one article, sharing an entity is enough.
		for _, x := range aa {
			if slices.Contains(ba, x) {
				ent, who = 0.25, "about "+names.name(x)
				break
			}
		}
	}
	if ent == 0 && a.Doc != "" && a.Doc == b.Doc && (len(aa) == 0 || len(ba) == 0) {
		// "The violations were worth 100 mln dlrs": an act without its
		// target, in the article that names it.
		ent, who = 0.3, "same article"
	}
	if ent == 0 && a.Target != "" && b.Target != "" && speaksFor(names.name(a.Target), names.name(b.Target)) {
		ent, who = 0.3, "targets "+names.name(a.Target)+" and "+names.name(b.Target)
	}
	if ent == 0 {
		return 0, ""
	}
	// The act must share words, not only a kind: "violations" of a patent
	// and of a trade pact are both rules broken.
	// Across articles, unless both accuse one and the same entity, the
	// words that only say that a wrong was done or a case brought (frame:
	// "violated", "charges", "securities laws", "attacks") count for
	// nothing: the kind of wrong says as much already, and a firm that
	// "violated securities laws" and its founder's "felony counts of
	// violating federal securities laws" are two cases.
	var skip map[string]bool
	if ent < 0.4 && a.Doc != b.Doc {
		skip = frame
	}
	// Threads join acts by their stems only: the irregular forms link an
	// answer to its allegation (Answers), not two reports into one.
	act, why, nc, nw := actMatchSkip(a, b, names, skip, false)
	if oneComplaint(a, b) {
		return min(1, ent+max(act, 0.2)), who + "; one maker in one article"
	}
	if nc > 0 && nw < minAct/2 || nc == 0 && nw < 2*minAct {
		return 0, ""
	}
	if a.Doc != b.Doc && onlyKindShared(a, b) {
		// "dumping" of microchips and of bank services, "unfair" trade
		// and an "unfair advantage" of banks: across articles, two acts
		// whose shared words only name the kind of wrong, each with
		// words of its own, are two acts.
		return 0, ""
	}
	return min(1, ent+act), who + "; " + why
}

// bigThread is the number of reports from which a thread's profile no
// longer says what it alleges: a thread of 32 reports against Japan holds
// the words of the chip pact and of every other dispute its reports name
// in passing (farm quotas, beef, the yen), so that a report of another act
// against Japan fits it through one report that mentions both. A report
// joins a thread that big only when it matches three of its reports or
// its first report (Build).
const bigThread = 32

// minBigMatches is how many reports of a big thread a report must match
// to join it without matching its first report.
const minBigMatches = 3

// oneComplaint reports whether two allegations are one maker's against
// one target in one article: the counts of one complaint ("its suit
// alleges that Coastal ... unlawfully interfered with agreements",
// "Coastal has used TransAmerica's bankruptcy proceedings to engineer a
// hostile takeover attempt"), told in other words, unless they name two
// kinds of wrong. Both claims are prepared (Same).
func oneComplaint(a, b *Prop) bool {
	if a.Target == "" || a.Target != b.Target || a.Doc == "" || a.Doc != b.Doc || a.Claimant == "" || a.Claimant != b.Claimant {
		return false
	}
	return len(a.concepts) == 0 || len(b.concepts) == 0 || meets(a.concepts, b.concepts)
}

// onlyKindShared reports whether two acts share words, all of them words
// of a kind of wrong or of a case (kindWord, frame), and each has a word
// of its own besides: "DUMPING OF BANK SERVICES" and "dumping its
// microchips" share only "dumping".
func onlyKindShared(a, b *Prop) bool {
	ka, kb := a.kindMarks(), b.kindMarks()
	shared, ownA, ownB := false, false, false
	for i, w := range a.words {
		if slices.Contains(b.words, w) {
			if !ka[i] {
				return false
			}
			shared = true
		} else if !ka[i] {
			ownA = true
		}
	}
	for i, w := range b.words {
		if !kb[i] && !slices.Contains(a.words, w) {
			ownB = true
			break
		}
	}
	return shared && ownA && ownB
}

// kindMarks returns, for each act word of a claim, whether it is a word of
// a kind of wrong or of a case (kindWord, frame), computed once.
func (p *Prop) kindMarks() []bool {
	if p.kinds == nil {
		p.kinds = make([]bool, len(p.words))
		for i, w := range p.words {
			p.kinds[i] = kindWord(w) || frame[w]
		}
	}
	return p.kinds
}

// kindStems are the stems of the lexicon's wrongs of one word ("dumping",
// "unfairly", "fraud"), and kindPrefixes their prefix forms ("violat*").
var kindStems, kindPrefixes = func() (map[string]bool, []string) {
	m := make(map[string]bool)
	var pre []string
	for _, p := range wrongPatterns {
		if len(p.words) != 1 {
			// "break ~ pact", "above ~ quota": the words of a phrase
			// name its object too.
			continue
		}
		for _, forms := range p.words {
			for _, f := range forms {
				switch {
				case f == "~" || strings.HasPrefix(f, "*") || stop[f]:
				case strings.HasSuffix(f, "*"):
					if len(f) > 4 {
						pre = append(pre, strings.TrimSuffix(f, "*"))
					}
				default:
					for _, w := range Tokens(f) {
						if !stop[w] {
							m[Stem(w)] = true
						}
					}
				}
			}
		}
	}
	return m, pre
}()

// kindWord reports whether an act word (a stem) is a word of a wrong of
// the lexicon.
func kindWord(w string) bool {
	if kindStems[w] {
		return true
	}
	for _, p := range kindPrefixes {
		if strings.HasPrefix(w, p) {
			return true
		}
	}
	return false
}

// nameKeys returns the blocking keys of the names in text: "n:" and the
// first five letters of each capitalised word of four letters or more
// ("Japanese" and "Japan" share "n:japan"), so that an answer that names
// the accused without an entity of its own meets the allegations against
// it.
func nameKeys(text string) []string {
	var out []string
	caps := shouting(text)
	for _, raw := range strings.Fields(text) {
		if !caps && !startsUpper(raw) {
			continue
		}
		for _, w := range Tokens(raw) {
			if len(w) >= 4 && !stop[w] {
				k := "n:" + w[:min(5, len(w))]
				if !slices.Contains(out, k) {
					out = append(out, k)
				}
			}
		}
	}
	return out
}

// speaksFor reports whether words that name a claimant ("Japanese
// officials", "the Japanese government") name a people or body of the
// accused ("Japan"): a word of one that starts with a word of the other,
// four letters at least.
func speaksFor(claimant, accused string) bool {
	return wordsMeet(longWords(claimant), longWords(accused))
}

// longWords returns the words of text of four letters or more,
// lower-cased, that speaksFor compares.
func longWords(text string) []string {
	var out []string
	for _, w := range Tokens(text) {
		if len(w) >= 4 {
			out = append(out, w)
		}
	}
	return out
}

// minWordIDF is how rare a word of a name of several words must be in
// news for a claimant, a subject or a content to name the entity by it:
// "Coconut" (one story in 600) names United Coconut Planters Bank,
// "United" (one in 6) does not.
const minWordIDF = 3.0

// distinctive returns the words of a name that name it: all of a name of
// one word ("Japan"), else those rare in news (IDF of their stem at
// least minWordIDF): "United States" and "United Coconut Planters Bank"
// do not meet by "united".
func distinctive(name []string) []string {
	if len(name) <= 1 {
		return name
	}
	var out []string
	for _, w := range name {
		if IDF(Stem(w)) >= minWordIDF {
			out = append(out, w)
		}
	}
	return out
}

// wordsMeet reports whether a word of cs starts with a word of as or the
// other way round (words as longWords returns them).
func wordsMeet(cs, as []string) bool {
	for _, c := range cs {
		for _, a := range as {
			if strings.HasPrefix(c, a) || strings.HasPrefix(a, c) {
				return true
			}
		}
	}
	return false
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// Link is an answer linked to an allegation.
type Link struct {
	Answer     string  `json:"answer"`
	Allegation string  `json:"allegation"`
	Score      float64 `json:"score"`
	Reason     string  `json:"reason"`
	// Across is true when the two are in different documents.
	Across bool `json:"across_documents,omitempty"`
}

// Thread is one allegation followed across articles: its reports in time
// order (the first is the first report) and the answers linked to them.
type Thread struct {
	ID          string
	Allegations []*Prop
	Answers     []Link
}

// profile is what a thread's reports have in common so far: the accused,
// the kinds of wrong and the act words of all its reports, each bounded,
// and its founder's accused.
type profile struct {
	accused, kinds, words []string
	// founder are those the thread's first report accuses (its target and
	// co-accused, answerable), never merged: not the parties it only
	// mentions, or a thread accusing Japan of breaking its pact "with the
	// United States" joins every thread accusing the United States.
	founder []string
}

// meets reports whether two lists share an element.
func meets(a, b []string) bool {
	for _, x := range a {
		if slices.Contains(b, x) {
			return true
		}
	}
	return false
}

// maxProfile bounds each list of a profile.
const maxProfile = 128

func newProfile(a *Prop, names Names) *profile {
	a.prep(names)
	return &profile{accused: a.accused(), kinds: a.concepts, words: a.words, founder: a.answerable()}
}

func (p *profile) merge(q *profile) {
	add := func(to []string, from []string) []string {
		for _, x := range from {
			if len(to) >= maxProfile {
				break
			}
			if !slices.Contains(to, x) {
				to = append(to, x)
			}
		}
		return to
	}
	p.accused, p.kinds, p.words = add(p.accused, q.accused), add(p.kinds, q.kinds), add(p.words, q.words)
}

// fits reports whether an allegation fits a thread: it accuses one the
// thread accuses, and shares a kind of wrong and a word with the thread,
// or words enough.
func (p *profile) fits(a *Prop, names Names) bool {
	a.prep(names)
	acc := false
	for _, x := range a.accused() {
		acc = acc || slices.Contains(p.accused, x)
	}
	if !acc {
		return false
	}
	kind := false
	for _, k := range a.concepts {
		kind = kind || slices.Contains(p.kinds, k)
	}
	var shared []string
	for _, x := range a.words {
		if slices.Contains(p.words, x) {
			shared = append(shared, x)
		}
	}
	w := weigh(shared)
	return kind && w >= minAct/2 || w >= 2*minAct
}

// MaxCandidates bounds how many earlier allegations sharing an entity an
// allegation or answer is compared with.
const MaxCandidates = 64

// ThreadID is the ID of a thread founded by the claim with this key.
func ThreadID(key string) string {
	h := sha1.Sum([]byte(key))
	return "t" + hex.EncodeToString(h[:6])
}

func less(a, b *Prop) bool {
	if a.Date != b.Date {
		if a.Date == "" || b.Date == "" {
			return b.Date == ""
		}
		return a.Date < b.Date
	}
	if a.Doc != b.Doc {
		return a.Doc < b.Doc
	}
	return a.Key < b.Key
}

// before reports whether a date is not after another, at the precision
// both have.
func notAfter(a, b string) bool {
	if a == "" || b == "" {
		return true
	}
	n := min(len(a), len(b))
	return a[:n] <= b[:n]
}

// Build threads the allegations and links the answers. inDoc are the links
// the extraction made inside articles (kept, rescored when they match,
// with their reason); answers are linked across documents to the
// allegations of other articles that they answer best: the one thread
// whose allegation scores highest, never one made after the answer was
// published.
func Build(allegs, answers []*Prop, inDoc []Link, names Names) []Thread {
	sort.SliceStable(allegs, func(i, j int) bool { return less(allegs[i], allegs[j]) })
	parent := make([]int, len(allegs))
	for i := range parent {
		parent[i] = i
	}
	var find func(int) int
	find = func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	profiles := make([]*profile, len(allegs))
	size := make([]int, len(allegs))
	for i := range size {
		size[i] = 1
	}
	for i, a := range allegs {
		profiles[i] = newProfile(a, names)
	}
	// union joins two roots; the older founder stays the root.
	union := func(ri, rj int) {
		if rj < ri {
			ri, rj = rj, ri
		}
		parent[rj] = ri
		size[ri] += size[rj]
		profiles[ri].merge(profiles[rj])
	}
	// Blocks: entity -> the latest allegations about it.
	blocks := make(map[string][]int)
	for i, a := range allegs {
		if a.Repeats != "" {
			continue
		}
		seen := make(map[int]bool)
		keys := append(a.accused(), "doc:"+a.Doc)
		noAccused := len(keys) == 1
		for _, x := range a.accused() {
			keys = append(keys, nameKeys(names.name(x))...)
		}
		// The reports it matches, and how many of each thread: one
		// report of a big thread that names two acts must not take a
		// report of the other act into it (bigThread).
		type match struct{ j, root int }
		var matches []match
		perRoot := make(map[int]int)
		for _, e := range keys {
			for _, j := range blocks[e] {
				if seen[j] {
					continue
				}
				seen[j] = true
				if s, _ := Same(allegs[j], a, names); s >= MinSame {
					r := find(j)
					matches = append(matches, match{j, r})
					perRoot[r]++
				}
			}
		}
		for _, m := range matches {
			j := m.j
			// No chaining: the allegation must also resemble the
			// thread as a whole (its targets, kinds and words) or
			// its first report, or threads grow through hubs (the
			// United States, Japan) into one.
			rj := find(j)
			// An act without its accused, in the article of a
			// report it matches ("The violations were worth 100
			// mln dlrs", "the existence of the fraud"), joins that
			// report's thread: it names no party that could make
			// a hub; but it joins one thread only, never two.
			loose := noAccused && a.Doc != "" && a.Doc == allegs[j].Doc
			if loose && find(i) != i && find(i) != rj {
				continue
			}
			// A big thread's profile fits too much (bigThread).
			// A count of one complaint with a report of the
			// thread (oneComplaint) is of its thread: one target
			// in one article makes no hub.
			if rj != j && !loose && !oneComplaint(allegs[j], a) && (size[rj] >= bigThread && perRoot[m.root] < minBigMatches || !profiles[rj].fits(a, names)) {
				if s0, _ := Same(allegs[rj], a, names); s0 < MinSame-0.2 {
					continue
				}
			}
			if ri := find(i); ri != rj {
				if ri != i && !meets(profiles[ri].founder, profiles[rj].founder) {
					// Two threads become one only when their
					// founders accuse the same: an allegation
					// of Japan and Wall Street must not join a
					// thread about Japan to one about Wall
					// Street, nor a report given a wrong
					// target join a thread to every other
					// thread accusing that target.
					continue
				}
				union(ri, rj)
			}
		}
		for _, e := range keys {
			bl := append(blocks[e], i)
			if len(bl) > MaxCandidates {
				bl = bl[1:]
			}
			blocks[e] = bl
		}
	}
	byKey := make(map[string]int, len(allegs))
	for i, a := range allegs {
		byKey[a.Key] = i
	}
	// A repeat joins the thread of the allegation it repeats.
	for i, a := range allegs {
		j, ok := byKey[a.Repeats]
		if a.Repeats == "" || !ok {
			continue
		}
		if ri, rj := find(i), find(j); ri != rj {
			union(ri, rj)
		}
	}
	roots := make(map[int]int) // root -> thread index
	var threads []Thread
	for i, a := range allegs {
		r := find(i)
		ti, ok := roots[r]
		if !ok {
			ti = len(threads)
			roots[r] = ti
			threads = append(threads, Thread{ID: ThreadID(allegs[r].Key)})
		}
		threads[ti].Allegations = append(threads[ti].Allegations, a)
	}
	threadOf := func(key string) int {
		if i, ok := byKey[key]; ok {
			return roots[find(i)]
		}
		return -1
	}
	// Links made inside articles.
	answered := make(map[string]map[int]bool) // answer key -> threads
	ansByKey := make(map[string]*Prop, len(answers))
	for _, b := range answers {
		ansByKey[b.Key] = b
	}
	for _, l := range inDoc {
		ti := threadOf(l.Allegation)
		if ti < 0 {
			continue
		}
		if b := ansByKey[l.Answer]; b != nil && l.Reason == "" {
			s, why := Answers(allegs[byKey[l.Allegation]], b, names)
			l.Score, l.Reason = s, "in the article: "+cmpOr(why, "the article links them")
		}
		if answered[l.Answer] == nil {
			answered[l.Answer] = make(map[int]bool)
		}
		answered[l.Answer][ti] = true
		threads[ti].Answers = append(threads[ti].Answers, l)
	}
	// Links across articles.
	for _, b := range answers {
		best := make(map[int]Link)
		seen := make(map[int]bool)
		keys := b.parties()
		keys = append(keys, nameKeys(b.ClaimantText)...)
		keys = append(keys, nameKeys(b.Content)...)
		for _, e := range keys {
			bl := blocks[e]
			for k := len(bl) - 1; k >= 0; k-- {
				j := bl[k]
				a := allegs[j]
				if seen[j] || a.Doc == b.Doc || !notAfter(a.Date, cmpOr(b.Published, b.Date)) {
					continue
				}
				seen[j] = true
				ti := roots[find(j)]
				if answered[b.Key][ti] {
					continue
				}
				s, why := Answers(a, b, names)
				if s >= MinAnswer && s > best[ti].Score {
					best[ti] = Link{Answer: b.Key, Allegation: a.Key, Score: s, Reason: why, Across: true}
				}
			}
		}
		// One thread per answer across articles: the best match (a denial
		// answers one proposition; linking it to every thread that shares
		// a word with it is how a ledger fills with unrelated answers).
		bt := -1
		for ti, l := range best {
			if bt < 0 || l.Score > best[bt].Score || l.Score == best[bt].Score && ti < bt {
				bt = ti
			}
		}
		if bt >= 0 {
			threads[bt].Answers = append(threads[bt].Answers, best[bt])
		}
	}
	return threads
}

// Status is where a thread stands after its answers: alleged, denied,
// contested (denied and acknowledged), acknowledged, or withdrawn (denied
// by one who had made it).
type Status string

// The statuses of a thread.
const (
	Alleged      Status = "alleged"
	Denied       Status = "denied"
	Contested    Status = "contested"
	Acknowledged Status = "acknowledged"
	Withdrawn    Status = "withdrawn"
)

// Step folds one answer into a status: its stance, and whether its
// claimant made the allegation.
func Step(s Status, stance string, byAccuser bool) Status {
	deny := stance == "deny"
	ack := stance == "acknowledge" || stance == "confirm"
	switch {
	case deny && byAccuser:
		return Withdrawn
	case deny && (s == Acknowledged || s == Contested):
		return Contested
	case deny:
		return Denied
	case ack && (s == Denied || s == Contested):
		return Contested
	case ack:
		return Acknowledged
	}
	return s
}

// String describes a link for a person.
func (l Link) String() string { return fmt.Sprintf("%.2f: %s", l.Score, l.Reason) }

// minNameIDF is how rare in news a one-word name must be to stand for a
// longer one: "Hutton" (IDF 5.3) and "Goldman" (4.9) do, "Times" (2.5)
// and "Japan" (2.8) do not.
const minNameIDF = 4

// NameHolds reports whether one of two names holds the other's words in
// order ("Hutton" and "E.F. Hutton Group Inc", "Goldman Sachs" and
// "Goldman Sachs and Co"): the same party or its unit. Two names that
// only share a word ("Robert Salomon", "Robert Freeman") do not, nor a
// common word and a name that holds it (minNameIDF).
func NameHolds(a, b string) bool {
	wa, wb := Tokens(a), Tokens(b)
	if len(wa) > len(wb) {
		wa, wb = wb, wa
	}
	if len(wa) == 0 || len(wa) == 1 && (len(wa[0]) < 3 || IDF(Stem(wa[0])) < minNameIDF) {
		// A one-word name that is a common word or place ("Times" in
		// "New York Times", "Japan" in "Japan Airlines") is no name of
		// the other.
		return false
	}
	for k := 0; k+len(wa) <= len(wb); k++ {
		if slices.Equal(wa, wb[k:k+len(wa)]) {
			return true
		}
	}
	return false
}

// legalForms are the words of a company's name that say its legal form.
var legalForms = map[string]bool{"co": true, "company": true, "corp": true, "corporation": true, "inc": true,
	"incorporated": true, "ltd": true, "limited": true, "plc": true, "the": true, "ag": true, "sa": true, "nv": true}

// SameName reports whether two names are one but for the legal form and
// an article ("The Boeing Company", "Boeing Co"): the words left must be
// the same and not all common ("Times Co" and "Times" are not).
func SameName(a, b string) bool {
	strip := func(s string) []string {
		var out []string
		for _, w := range Tokens(s) {
			if !legalForms[w] {
				out = append(out, w)
			}
		}
		return out
	}
	wa, wb := strip(a), strip(b)
	if len(wa) == 0 || !slices.Equal(wa, wb) {
		return false
	}
	for _, w := range wa {
		if IDF(Stem(w)) >= minNameIDF {
			return true
		}
	}
	return false
}

// Concession reports whether an acknowledgement that names no wrong may
// concede an allegation (Prop.Concedes): not an agreement ("agreed that
// Saudi Arabia will act as swing producer"), nothing to come ("will",
// "would") and nothing merely possible ("a very possible scenario").
func Concession(cue, content string) bool {
	for _, w := range Tokens(cue) {
		if strings.HasPrefix(w, "agre") {
			return false
		}
	}
	for _, w := range Tokens(content) {
		switch w {
		case "will", "would", "shall", "wo", "'ll", "going", "possible", "possibly", "scenario":
			return false
		}
	}
	return true
}

// restates reports whether an answer's act words are nearly all the
// allegation's: three at least, and three in four of the answer's ("U.S.
// HOUSE SPEAKER DENIES TRADE BILL HURT STOCKS" after "the trade bill
// before Congress contributed to the fall in stock prices"), however
// common each word is.
func restates(a, b *Prop) bool {
	n := 0
	for _, w := range b.words {
		if slices.Contains(a.words, w) {
			n++
		}
	}
	return n >= 3 && 4*n >= 3*len(b.words)
}

// frame are the stems of the words that say that a wrong was done or a
// case brought, not which: "violations", "charges", "suit", "securities
// laws", "attacks". Every allegation of a story of courts, rules or
// fighting uses them, so two allegations of related parties in two
// articles that share only them are not one act (Same).
var frame = func() map[string]bool {
	m := make(map[string]bool)
	for _, w := range strings.Fields(`violate violates violated violating violation violations breach breached
		breaches infringe infringed infringing infringement infringements contravene contravened flout flouted
		allege alleged alleges alleging allegation allegations allegedly accuse accused accuses accusation accusations
		charge charged charges lawsuit lawsuits suit suits complaint complaints count counts felony felonies
		guilty illegal illegally unlawful unlawfully criminal crime crimes wrongdoing misconduct offence offences
		offense offenses law laws legal court courts securities attack attacks attacked raid raids aggression`) {
		m[Stem(w)] = true
	}
	return m
}()

// anyWrongWords name wrong of no kind in particular ("no evidence of
// wrongdoing", "no sign of any irregularities").
var anyWrongWords = map[string]bool{"wrongdoing": true, "wrong": true, "wrongs": true, "misconduct": true,
	"irregularity": true, "irregularities": true, "impropriety": true, "improprieties": true, "illegality": true}

// AnyWrong reports whether a content names wrong of no kind in
// particular ("no evidence of wrongdoing", "no sign of any
// irregularities").
func AnyWrong(content string) bool { return anyWrong(content) }

// anyWrong reports whether a content names wrong of no kind in
// particular.
func anyWrong(content string) bool {
	for _, f := range strings.Fields(strings.ToLower(content)) {
		if anyWrongWords[strings.Trim(f, ".,;:'\"()")] {
			return true
		}
	}
	return false
}

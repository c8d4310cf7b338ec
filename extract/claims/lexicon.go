package claims

import (
	"strings"

	"github.com/dossier-project/dossier/ledger"
	"github.com/dossier-project/dossier/schema"
)

// The reporting-verb lexicon. It was reviewed by hand, verb by verb, from
// the draft stance table reporting_verbs_stance.derived.tsv of the shared
// attribution data (itself drawn from the CAMEO verb dictionary, VerbNet's
// communication classes and the GenderGapTracker quote-verb list). Changes
// from the draft, and why:
//   - "claim" is allege, not a neutral assertion: "media reports claimed"
//     is an allegation in the gold annotation.
//   - of the belief verbs only believe and think are kept, as say, and only
//     with an explicit subject and a clause (PARC-style corpora attribute
//     beliefs); expect, fear, hope and suspect, and the question verbs (ask,
//     wonder), are left out: in news they rarely introduce a content.
//   - attack, blast, slam and charge are kept only where a reporting use is
//     unambiguous enough (slam, blast: weak; attack and charge: dropped, as
//     they are far more often physical or legal).
//   - "reveal", "disclose" are say; "report" keeps its own stance.
//   - "repeat" and "point out" are added (absent from the draft).
//
// Issue 15 widened the stances: commitment verbs (promise, pledge, vow) are
// promise, believe and think are believe, and demand, urge (demand),
// praise, applaud, commend and endorse (praise) are new cues of the rules.
// Verbs that the rules do not take as cues, because in news they are far
// more often something else (want, plan, hope, expect, fear, ask, support,
// welcome...), are in the table with the flag stanceOnly: they give the
// stance of a cue that the trained attribution model found.

// verbFlags qualify how a reporting verb takes its arguments.
type verbFlags uint8

const (
	// weak verbs are cues only when followed by "that", a colon, a quote, a
	// comma or the end of the sentence, or when the sentence holds a quote
	// ("he added." but not "the company added 500 jobs").
	weak verbFlags = 1 << iota
	// addressee verbs take the hearer as object: "told Sky News that".
	addressee
	// target verbs take the accused or criticised as object.
	target
	// nounlike verbs have a base and -s form that is far more often a noun
	// ("claims", "reports", "comments"): those forms need a subject pronoun
	// or name just before them, or "that" just after.
	nounlike
	// belief verbs report a state of mind ("believe", "think"): cues only
	// with an explicit subject and a clause after them.
	belief
	// stanceOnly verbs are never cues of the rules; they give the stance
	// of a cue found otherwise (by the trained model).
	stanceOnly
)

// verb is one reporting verb of the lexicon.
type verb struct {
	lemma  string
	stance schema.Stance
	flags  verbFlags
}

// verbs is the reviewed lexicon.
var verbs = []verb{
	// say: neutral reporting.
	{"say", schema.Say, 0},
	{"tell", schema.Say, addressee},
	{"state", schema.Say, nounlike},
	{"add", schema.Say, weak},
	{"note", schema.Say, weak | nounlike},
	{"announce", schema.Say, 0},
	{"explain", schema.Say, weak},
	{"write", schema.Say, weak},
	{"tweet", schema.Say, weak | nounlike},
	{"mention", schema.Say, weak},
	{"remark", schema.Say, weak | nounlike},
	{"comment", schema.Say, weak | nounlike},
	{"reply", schema.Say, weak | nounlike},
	{"respond", schema.Say, weak},
	{"testify", schema.Say, 0},
	{"disclose", schema.Say, weak},
	{"reveal", schema.Say, weak},
	{"declare", schema.Say, weak},
	{"insist", schema.Say, 0},
	{"argue", schema.Say, 0},
	{"contend", schema.Say, weak},
	{"maintain", schema.Say, weak},
	{"stress", schema.Say, weak | nounlike},
	{"emphasise", schema.Say, weak},
	{"emphasize", schema.Say, weak},
	{"reiterate", schema.Say, 0},
	{"repeat", schema.Say, weak},
	{"suggest", schema.Say, weak},
	{"assert", schema.Say, 0},
	{"affirm", schema.Say, weak},
	{"proclaim", schema.Say, 0},
	{"predict", schema.Say, weak},
	{"assure", schema.Say, addressee | weak},
	{"inform", schema.Say, addressee | weak},
	{"remind", schema.Say, addressee | weak},
	{"point", schema.Say, weak}, // only as "point out", see particle
	// allege.
	{"allege", schema.Allege, 0},
	{"claim", schema.Allege, nounlike},
	{"accuse", schema.Allege, target},
	{"blame", schema.Allege, target | nounlike},
	{"implicate", schema.Allege, target},
	// deny.
	{"deny", schema.Deny, 0},
	{"reject", schema.Deny, 0},
	{"dismiss", schema.Deny, weak},
	{"throw", schema.Deny, weak}, // only as "threw out" a suit or a charge, see findCues
	{"refute", schema.Deny, 0},
	{"rebuff", schema.Deny, 0},
	{"dispute", schema.Deny, nounlike},
	{"rebut", schema.Deny, 0},
	{"disavow", schema.Deny, 0},
	{"contradict", schema.Deny, weak},
	{"repudiate", schema.Deny, 0},
	// acknowledge.
	{"acknowledge", schema.Acknowledge, 0},
	{"admit", schema.Acknowledge, 0},
	{"concede", schema.Acknowledge, 0},
	{"confess", schema.Acknowledge, 0},
	// An apology owns to what it is for (PolNeAR marks "apologize for"
	// as a cue; CAMEO codes APOLOGIZE 055, an admission in the
	// ledger's annotation guide).
	{"apologise", schema.Acknowledge, 0},
	{"apologize", schema.Acknowledge, 0},
	// confirm.
	{"confirm", schema.Confirm, 0},
	{"verify", schema.Confirm, weak},
	{"corroborate", schema.Confirm, weak},
	// criticise.
	{"criticise", schema.Criticise, target},
	{"criticize", schema.Criticise, target},
	{"condemn", schema.Criticise, target},
	{"denounce", schema.Criticise, target},
	{"decry", schema.Criticise, target},
	{"lambaste", schema.Criticise, target},
	{"assail", schema.Criticise, target},
	{"rebuke", schema.Criticise, target},
	{"castigate", schema.Criticise, target},
	{"deplore", schema.Criticise, target},
	{"slam", schema.Criticise, target | weak | nounlike},
	{"blast", schema.Criticise, target | weak | nounlike},
	{"complain", schema.Criticise, 0},
	// warn.
	{"warn", schema.Warn, addressee},
	{"caution", schema.Warn, weak | nounlike},
	{"threaten", schema.Warn, weak},
	// report.
	{"report", schema.Report, nounlike},
	// demand.
	{"demand", schema.Demand, nounlike},
	{"urge", schema.Demand, addressee},
	{"require", schema.Demand, stanceOnly},
	{"request", schema.Demand, stanceOnly},
	{"order", schema.Demand, stanceOnly},
	{"press", schema.Demand, stanceOnly},
	// promise.
	{"promise", schema.Promise, weak | nounlike},
	{"pledge", schema.Promise, weak | nounlike},
	{"vow", schema.Promise, weak | nounlike},
	{"guarantee", schema.Promise, stanceOnly},
	{"commit", schema.Promise, stanceOnly},
	// intend.
	{"intend", schema.Intend, stanceOnly},
	{"plan", schema.Intend, stanceOnly},
	{"want", schema.Intend, stanceOnly},
	{"aim", schema.Intend, stanceOnly},
	{"seek", schema.Intend, stanceOnly},
	{"hope", schema.Believe, stanceOnly},
	{"decide", schema.Intend, stanceOnly},
	{"prefer", schema.Intend, stanceOnly},
	{"propose", schema.Intend, stanceOnly},
	// believe: a state of mind, attributed all the same.
	{"believe", schema.Believe, weak | belief},
	{"think", schema.Believe, weak | belief},
	{"expect", schema.Believe, stanceOnly},
	{"fear", schema.Believe, stanceOnly},
	{"worry", schema.Believe, stanceOnly},
	{"suspect", schema.Believe, stanceOnly},
	{"feel", schema.Believe, stanceOnly},
	{"know", schema.Believe, stanceOnly},
	{"consider", schema.Believe, stanceOnly},
	{"assume", schema.Believe, stanceOnly},
	{"doubt", schema.Question, stanceOnly},
	// question.
	{"question", schema.Question, stanceOnly},
	{"ask", schema.Question, stanceOnly},
	{"wonder", schema.Question, stanceOnly},
	{"query", schema.Question, stanceOnly},
	{"challenge", schema.Question, stanceOnly},
	// praise and support.
	{"praise", schema.Praise, target | nounlike},
	{"applaud", schema.Praise, target},
	{"commend", schema.Praise, target},
	{"endorse", schema.Praise, target},
	{"laud", schema.Praise, target},
	{"support", schema.Praise, stanceOnly},
	{"back", schema.Praise, stanceOnly},
	{"welcome", schema.Praise, stanceOnly},
	{"hail", schema.Praise, stanceOnly},
	{"defend", schema.Praise, stanceOnly},
	{"like", schema.Praise, stanceOnly},
	{"love", schema.Praise, stanceOnly},
	{"oppose", schema.Criticise, stanceOnly},
	{"attack", schema.Criticise, stanceOnly},
	{"accept", schema.Acknowledge, stanceOnly},
	{"plead", schema.Acknowledge, stanceOnly}, // "pleaded guilty to charges"
	{"agree", schema.Acknowledge, stanceOnly},
	{"show", schema.Say, stanceOnly},
	{"find", schema.Say, stanceOnly},
	{"call", schema.Say, stanceOnly}, // "call for" is demand, see stanceOf
}

// Verb forms.
type morph uint8

const (
	base  morph = iota // "say": present plural, infinitive, imperative
	third              // "says"
	past               // "said": past tense or participle
	ing                // "saying"
)

// form is one inflected form of a lexicon verb.
type form struct {
	v *verb
	m morph
}

// irregular lists irregular past forms.
var irregular = map[string][]string{
	"say":   {"said"},
	"tell":  {"told"},
	"think": {"thought"},
	"write": {"wrote", "written"},
	"seek":  {"sought"},
	"feel":  {"felt"},
	"know":  {"knew", "known"},
	"find":  {"found"},
	"show":  {"showed", "shown"},
	"throw": {"threw", "thrown"},
}

// forms maps a lower-case word to the verb form it is, for the verbs that
// are cues of the rules; stanceForms for every verb of the table.
var (
	forms       = buildForms(false)
	stanceForms = buildForms(true)
)

func buildForms(all bool) map[string]form {
	m := make(map[string]form, len(verbs)*4)
	for i := range verbs {
		v := &verbs[i]
		if v.flags&stanceOnly != 0 && !all {
			continue
		}
		l := v.lemma
		m[l] = form{v, base}
		m[thirdPerson(l)] = form{v, third}
		if ps, ok := irregular[l]; ok {
			for _, p := range ps {
				m[p] = form{v, past}
			}
		} else {
			m[pastTense(l)] = form{v, past}
		}
		m[gerund(l)] = form{v, ing}
	}
	return m
}

func isVowel(b byte) bool { return strings.IndexByte("aeiou", b) >= 0 }

func thirdPerson(l string) string {
	switch {
	case strings.HasSuffix(l, "y") && !isVowel(l[len(l)-2]):
		return l[:len(l)-1] + "ies"
	case strings.HasSuffix(l, "s"), strings.HasSuffix(l, "sh"), strings.HasSuffix(l, "ch"), strings.HasSuffix(l, "x"):
		return l + "es"
	}
	return l + "s"
}

// doubled lists verbs that double their last consonant.
var doubled = map[string]bool{"admit": true, "rebut": true, "slam": true, "commit": true, "plan": true}

func pastTense(l string) string {
	switch {
	case strings.HasSuffix(l, "e"):
		return l + "d"
	case strings.HasSuffix(l, "y") && !isVowel(l[len(l)-2]):
		return l[:len(l)-1] + "ied"
	case doubled[l]:
		return l + l[len(l)-1:] + "ed"
	}
	return l + "ed"
}

func gerund(l string) string {
	switch {
	case strings.HasSuffix(l, "ie"):
		return l[:len(l)-2] + "ying"
	case strings.HasSuffix(l, "e") && !strings.HasSuffix(l, "ee"):
		return l[:len(l)-1] + "ing"
	case doubled[l]:
		return l + l[len(l)-1:] + "ing"
	}
	return l + "ing"
}

// Word classes used by the rules.
var (
	determiners = set("the", "a", "an", "this", "these", "those", "his", "her", "its", "their",
		"our", "my", "your", "some", "any", "such", "every", "each", "'s", "’s", "no", "legal",
		"false", "new", "first", "media", "similar", "earlier", "latest", "recent", "further", "initial")
	auxiliaries = set("has", "have", "had", "is", "are", "was", "were", "be", "been", "being",
		"will", "would", "shall", "should", "can", "could", "may", "might", "must", "do", "does",
		"did", "to", "not", "n't", "never", "'ve", "'d", "'ll")
	// governing verbs take a reporting verb in the infinitive.
	governing = set("continued", "continues", "continue", "went", "goes", "go", "proceeded", "began", "begins")
	// speechNouns are the objects of rejecting and dismissing.
	speechNouns = set("appeal", "appeals", "call", "calls", "offer", "offers", "proposal", "proposals",
		"request", "requests", "demand", "demands", "suggestion", "idea", "plan", "criticism",
		"ultimatum", "invitation", "accusation", "notion", "assertion")
	weekdays = set("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
		"today", "yesterday", "tonight", "again", "earlier", "later", "once", "twice")
	seasons = set("fall", "spring", "summer", "winter", "autumn", "quarter", "half")
	// speechSettings are where something is said: "in a statement".
	speechSettings = set("statement", "interview", "speech", "letter", "release", "briefing", "conference",
		"remarks", "comments", "filing", "report", "television", "radio", "broadcast", "twitter", "tweet",
		"testimony", "hearing", "address", "message", "post", "blog", "newspaper", "court", "parliament")
	// lyNouns end in -ly but are no adverbs.
	lyNouns = set("family", "supply", "ally", "assembly", "rally", "monopoly", "anomaly", "july",
		"apply", "comply", "multiply", "belly", "bully", "tally", "italy", "daily", "weekly", "monthly",
		"quarterly", "early", "likely", "friendly", "elderly", "holly", "lily", "billy", "sally", "emily")
	relatives    = set("who", "which", "whose", "whom")
	prepositions = set("of", "for", "over", "after", "in", "on", "at", "with", "because", "about", "against")
	beForms      = set("is", "are", "was", "were", "be", "been", "being")
	negations    = set("not", "n't", "never")
	adverbs      = set("also", "now", "already", "still", "just", "again", "later", "earlier", "previously",
		"then", "once", "further", "recently", "repeatedly", "openly", "publicly", "privately",
		"reportedly", "allegedly", "flatly", "strongly", "firmly", "vehemently", "categorically",
		"supposedly", "apparently", "initially", "originally", "subsequently", "immediately", "quickly",
		"even", "long", "always", "often", "frequently", "twice", "consistently", "outright")
	pronouns = map[string]string{
		"he": schema.Person, "she": schema.Person, "it": schema.Organization,
		"they": schema.Organization, "we": "", "i": "", "you": "", "who": "",
	}
	// stops end a noun phrase walked leftwards from a cue.
	npStops = set(",", ";", ":", "that", "since", "as", "when", "while", "after", "before",
		"because", "although", "though", "if", "but", "or", "so", "where", "which", "whom",
		"than", "-", "--", "—", "–", "whether", "until", "unless", "once", "and", "however", "—", "then",
		"whereas", "why", "how", "what")
	// timeWords start adverbials that are not part of a source.
	timeWords = set("in", "on", "at", "during", "after", "before", "last", "this", "earlier",
		"later", "yesterday", "today", "tonight", "january", "february", "march", "april", "may",
		"june", "july", "august", "september", "october", "november", "december", "monday",
		"tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "week", "month", "year",
		"morning", "evening", "night", "afternoon", "meanwhile", "also", "separately", "now", "however")
	// orgRoles name someone who speaks for an organisation: the
	// organisation is the claimant.
	orgRoles = set("spokesperson", "spokesman", "spokeswoman", "spokespeople", "spokesmen",
		"official", "officials", "representative", "representatives", "source", "sources",
		"statement", "press", "office", "staff", "team")
	// personRoles name a position held by one person: the claimant is the
	// person the article names for it.
	personRoles = map[string]string{
		"executive": schema.ChiefExecutiveOf, "ceo": schema.ChiefExecutiveOf, "boss": schema.ChiefExecutiveOf,
		"founder": schema.FounderOf, "co-founder": schema.FounderOf, "cofounder": schema.FounderOf,
		"chairman": schema.RoleOf, "chairwoman": schema.RoleOf, "chair": schema.RoleOf,
		"president": schema.RoleOf, "director": schema.RoleOf, "head": schema.RoleOf,
		"minister": schema.RoleOf, "secretary": schema.RoleOf, "leader": schema.RoleOf,
		"chief": schema.RoleOf, "owner": schema.RoleOf, "editor": schema.RoleOf,
	}
	// descriptors are the head nouns of definite descriptions and the
	// entity kinds they refer to.
	descriptors = map[string][]string{
		"company": {schema.KindCompany}, "firm": {schema.KindCompany}, "business": {schema.KindCompany},
		"corporation": {schema.KindCompany}, "group": {schema.KindCompany, schema.KindOther, schema.KindParty, schema.KindArmedGroup},
		"manufacturer": {schema.KindCompany}, "maker": {schema.KindCompany}, "bank": {schema.KindCompany},
		"agency": {schema.KindAgency, schema.KindIntelligence, schema.KindGovernment},
		"office": {schema.KindAgency, schema.KindGovernment}, "ministry": {schema.KindGovernment, schema.KindAgency},
		"department": {schema.KindGovernment, schema.KindAgency}, "service": {schema.KindIntelligence, schema.KindAgency},
		"regulator": {schema.KindAgency}, "watchdog": {schema.KindAgency, schema.KindOther}, "authority": {schema.KindAgency, schema.KindGovernment},
		"government": {schema.KindGovernment}, "administration": {schema.KindGovernment},
		"newspaper": {schema.KindMedia}, "paper": {schema.KindMedia}, "broadcaster": {schema.KindMedia},
		"party": {schema.KindParty}, "organisation": {schema.KindOther, schema.KindInternational}, "organization": {schema.KindOther, schema.KindInternational},
	}
	// mediaNouns are unnamed channels ("told reporters").
	mediaNouns = set("reporters", "journalists", "press", "media", "newspaper", "radio",
		"television", "tv", "broadcaster", "interviewer", "conference", "briefing")
	// allegationWords refer back to an allegation.
	allegationWords = ledger.AllegationWords
	// wrongdoing lists stems of verbs and nouns of misconduct: negated, they
	// make a statement a denial ("did not assist the FSB").
	wrongdoing = []string{"assist", "help", "collud", "collaborat", "cooperat", "co-operat",
		"spy", "spied", "steal", "stole", "hack", "compromis", "involv", "wrongdo", "violat",
		"commit", "brib", "launder", "leak", "interfer", "mislead", "misled", "lie", "lied",
		"cheat", "fraud", "abet", "wrong", "breach", "spying", "espionage", "misconduct",
		"corrupt", "abus", "tamper", "kill", "attack", "torture", "rig", "manipulat", "conspir"}
	// hedgeWords qualify a claim.
	hedgeWords = set("reportedly", "allegedly", "apparently", "purportedly", "supposedly",
		"possibly", "probably", "likely", "may", "might", "could", "perhaps", "unconfirmed",
		"alleged", "suspected", "presumably", "seemingly", "unclear", "unverified")
)

// setWith returns a new set of base's words and words.
func setWith(base map[string]bool, words ...string) map[string]bool {
	m := set(words...)
	for w := range base {
		m[w] = true
	}
	return m
}

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

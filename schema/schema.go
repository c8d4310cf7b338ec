package schema

import (
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// Entity types. Type is open: these are the ones the recogniser produces.
const (
	Person       = "Person"
	Organization = "Organization"
	Place        = "Place"
	Nationality  = "Nationality" // a demonym such as "Russian", tied to its place
	Misc         = "Misc"        // a named thing that is none of the above
)

// Organisation and place kinds (Entity.Kind).
const (
	KindCompany       = "company"
	KindGovernment    = "government"
	KindAgency        = "government agency"
	KindIntelligence  = "intelligence agency"
	KindMedia         = "media"
	KindParty         = "political party"
	KindInternational = "international organisation"
	KindArmedGroup    = "armed group"
	KindSportsTeam    = "sports team"
	KindCourt         = "court"
	KindUniversity    = "university"
	KindNGO           = "NGO"
	KindOther         = "other"
	KindCountry       = "country"
	KindCity          = "city"
)

// Stance is what a claimant does with the content of a claim.
type Stance string

// The stances a claim can take, with the cues that typically give them.
const (
	Say         Stance = "say"         // say, tell, add, state, announce
	Allege      Stance = "allege"      // allege, accuse, claim, blame
	Deny        Stance = "deny"        // deny, reject, dismiss; a statement that denies wrongdoing
	Acknowledge Stance = "acknowledge" // acknowledge, admit, concede
	Criticise   Stance = "criticise"   // criticise, condemn, denounce
	Report      Stance = "report"      // report (an outlet or a document that reports)
	Confirm     Stance = "confirm"     // confirm, verify
	Warn        Stance = "warn"        // warn, caution, threaten
	Demand      Stance = "demand"      // demand, urge, call for
	Promise     Stance = "promise"     // promise, pledge, vow
	Intend      Stance = "intend"      // plan, want, intend, aim
	Believe     Stance = "believe"     // believe, think, expect, fear, hope
	Question    Stance = "question"    // question, doubt, ask, wonder
	Praise      Stance = "praise"      // praise, support, endorse, welcome
)

// Stances lists every valid stance, in a fixed order.
var Stances = []Stance{Say, Allege, Deny, Acknowledge, Criticise, Report, Confirm, Warn,
	Demand, Promise, Intend, Believe, Question, Praise}

// StanceList returns the stances as one comma-separated string, for help
// texts and error messages.
func StanceList() string {
	var b strings.Builder
	for i, s := range Stances {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(string(s))
	}
	return b.String()
}

// Valid reports whether s is one of Stances.
func (s Stance) Valid() bool {
	for _, v := range Stances {
		if s == v {
			return true
		}
	}
	return false
}

// Span is a stretch of one document's text: Unicode code-point offsets,
// End exclusive, and the text they cover.
type Span struct {
	Text  string `json:"text"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// IsZero reports whether s is the zero Span (no text was found).
func (s Span) IsZero() bool { return s == Span{} }

// Valid reports whether s is exactly the text of runes[Start:End].
func (s Span) Valid(runes []rune) bool {
	return s.Start >= 0 && s.Start <= s.End && s.End <= len(runes) &&
		string(runes[s.Start:s.End]) == s.Text
}

// MakeSpan returns the Span of runes[start:end].
func MakeSpan(runes []rune, start, end int) Span {
	return Span{Text: string(runes[start:end]), Start: start, End: end}
}

// Contains reports whether o lies within s.
func (s Span) Contains(o Span) bool { return s.Start <= o.Start && o.End <= s.End }

// Overlaps reports whether s and o share at least one code point.
func (s Span) Overlaps(o Span) bool { return s.Start < o.End && o.Start < s.End }

// Document is one article as read: its text and what is known about it.
type Document struct {
	// ID is the identifier the input gave (a JSON Lines "id"); when it gave
	// none, the first 16 hex digits of Hash.
	ID string `json:"id"`
	// Hash is the SHA-256 of Text in hex: a document is identified by its
	// content, so the same text read twice is the same document.
	Hash   string `json:"hash"`
	Title  string `json:"title,omitempty"`
	Date   Date   `json:"date,omitempty"`
	Source string `json:"source,omitempty"` // the publisher or outlet
	URL    string `json:"url,omitempty"`
	// Path is where the document was read from ("-" for standard input),
	// with "#N" appended for the Nth line of a JSON Lines file.
	Path string   `json:"path,omitempty"`
	Tags []string `json:"tags,omitempty"`
	// Dateline is the place and date line a wire story was filed under
	// when the input gives it apart from the text (a JSON Lines
	// "dateline": "TOKYO, March 13 -"). It is read, not stored.
	Dateline string `json:"dateline,omitempty"`
	// Text is the document's text; all offsets point into it.
	Text string `json:"-"`
	// Body lists the parts of Text that hold prose to analyse, in order and
	// without overlap; nil means all of Text. A scraped page's date line,
	// repeated title and tag footer are left out of it.
	Body []Span `json:"-"`
	// Headline is the span of the title when it is part of Text (a scraped
	// page), so that it is analysed as a sentence of its own.
	Headline Span `json:"-"`
	// Warnings are what reading the document changed or assumed, in words
	// ("not UTF-8: read as Windows-1252"); the document was read anyway.
	Warnings []string `json:"warnings,omitempty"`
}

// Mention is one place where an entity is named.
type Mention struct {
	Span
	// Sentence is the index of the sentence in Result.Sentences.
	Sentence int `json:"sentence"`
}

// Merge records why an alias was merged into an entity, so that merges can
// be inspected and challenged.
type Merge struct {
	Alias string `json:"alias"`
	// Rule names the rule that merged it, e.g. "acronym-definition",
	// "title-surname", "surname", "demonym", "same-name".
	Rule     string `json:"rule"`
	Evidence Span   `json:"evidence"`
	// Confidence is how sure the rule is, from 0 to 1 (see
	// RuleConfidence); `entities --suspect` lists the least sure first.
	Confidence float64 `json:"confidence,omitempty"`
}

// RuleConfidence is the confidence of a merge by rule: how often, in news,
// two names joined by the rule name the same entity (set by hand from the
// rule's failure cases; a corrections file overrides any of them).
func RuleConfidence(rule string) float64 {
	switch rule {
	case "correction":
		return 1
	case "country-alias":
		return 0.99
	case "acronym-definition", "nationality-prefix", "party-name", "legal-form", "ticker":
		return 0.95
	case "title-surname", "demonym", "ticker-name":
		return 0.9
	case "surname", "party-adjective":
		return 0.85
	case "acronym-initials":
		return 0.8
	case "short-name":
		return 0.75
	case "typo":
		return 0.7
	}
	return 0.5
}

// Entity is a named organisation, person, place or other thing.
type Entity struct {
	// ID is stable across documents and runs: the same real entity gets the
	// same ID wherever it is found (see Key).
	ID   string `json:"id"`
	Name string `json:"name"`
	Type string `json:"type"`
	Kind string `json:"kind,omitempty"`
	// KindReason is the evidence that decided Kind ("list: news outlets",
	// "head word “Court”", "context: “shares in Yukos”", "correction"), for
	// an analyst to check.
	KindReason string    `json:"kind_reason,omitempty"`
	Aliases    []string  `json:"aliases"`
	Mentions   []Mention `json:"mentions"`
	Merges     []Merge   `json:"merges,omitempty"`
}

// Ref is a reference to an entity or claim by ID; the empty Ref means none
// and is written as JSON null.
type Ref string

// MarshalJSON writes the empty Ref as null.
func (r Ref) MarshalJSON() ([]byte, error) {
	if r == "" {
		return []byte("null"), nil
	}
	return json.Marshal(string(r))
}

// UnmarshalJSON reads null as the empty Ref.
func (r *Ref) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		*r = ""
		return nil
	}
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	*r = Ref(s)
	return nil
}

// Claim is an attributed statement: who said (alleged, denied...) what,
// about whom, to whom, and where the text says so.
type Claim struct {
	// ID is unique within the document ("c1", "c2"...); the store prefixes
	// it with the document hash.
	ID string `json:"id"`
	// Claimant is the entity that made the claim; empty when the source is
	// unnamed ("media reports", "officials").
	Claimant     Ref    `json:"claimant"`
	ClaimantText string `json:"claimant_text"`
	Stance       Stance `json:"stance"`
	// Cue is the word or words that mark the attribution ("denies",
	// "told", "according to").
	Cue Span `json:"cue"`
	// Source is the words in the sentence that name the claimant, possibly
	// a pronoun; zero when the claimant is carried over from context.
	Source Span `json:"source"`
	// Content is what was said, alleged or denied.
	Content Span `json:"content"`
	// About lists the entities the content is about (IDs).
	About []string `json:"about"`
	// Target is the entity accused or criticised, when there is one.
	Target Ref `json:"target,omitempty"`
	// Channel is the outlet the statement was made to or carried by.
	Channel     Ref    `json:"channel"`
	ChannelText string `json:"channel_text,omitempty"`
	// RespondsTo lists the claims (IDs in the same document) that this one
	// answers: a denial points at the allegation it rebuts.
	RespondsTo []string `json:"responds_to"`
	// Links say why this claim answers each claim of RespondsTo: the
	// score and reason of the match, as the extraction found them. A
	// result written before links were kept has none; a reader then
	// scores the match itself.
	Links []Link `json:"links,omitempty"`
	// Hedges are the words that qualify the claim ("reportedly", "no
	// evidence", "a possible scenario").
	Hedges []Span `json:"hedges,omitempty"`
	// Date is when the claim was made, resolved against the document date.
	Date     Date `json:"date,omitempty"`
	Sentence int  `json:"sentence"`
	Evidence Span `json:"evidence"`
}

// Link is why a claim answers another: the answered claim (an ID in the
// same document in a Claim; an IRI in the store's answers), how well the
// two match from 0 to 1, and the reason in words ("Kaspersky Lab, the
// accused, answers; the act meets: helped, steal").
type Link struct {
	To     string  `json:"to"`
	Score  float64 `json:"score"`
	Reason string  `json:"reason"`
}

// LinkTo returns the link of a claim to the claim with this ID (or IRI),
// and whether it has one.
func LinkTo(links []Link, to string) (Link, bool) {
	for _, l := range links {
		if l.To == to {
			return l, true
		}
	}
	return Link{}, false
}

// Literal is the link as the store keeps it beside the claim (PredLinkWhy):
// "ID score reason".
func (l Link) Literal() string {
	return l.To + " " + strconv.FormatFloat(l.Score, 'g', -1, 64) + " " + l.Reason
}

// ParseLink reads a link from its Literal; ok is false when the text is
// not one.
func ParseLink(s string) (l Link, ok bool) {
	to, rest, ok1 := strings.Cut(s, " ")
	sc, reason, _ := strings.Cut(rest, " ")
	f, err := strconv.ParseFloat(sc, 64)
	if !ok1 || to == "" || err != nil || !(f >= 0 && f <= 1) {
		return Link{}, false
	}
	return Link{To: to, Score: f, Reason: reason}, true
}

// Relation is a structural fact stated in the text, such as "chief
// executive of" or "based in".
type Relation struct {
	Subject   string `json:"subject"`
	Predicate string `json:"predicate"`
	Object    string `json:"object"`
	Sentence  int    `json:"sentence"`
	Evidence  Span   `json:"evidence"`
}

// Predicates of structural relations.
const (
	ChiefExecutiveOf = "chief executive of"
	SpokespersonFor  = "spokesperson for"
	FounderOf        = "founder of"
	MemberOf         = "member of"
	PartOf           = "part of"
	BasedIn          = "based in"
	RoleOf           = "role of"
)

// TimeExpr is a date found in the text and resolved against the document
// date ("In October" in an article of 24 October 2017 is 2017-10).
type TimeExpr struct {
	Span
	Date     Date `json:"date"`
	Sentence int  `json:"sentence"`
}

// Result is everything extracted from one document.
type Result struct {
	Document  Document   `json:"document"`
	Sentences []Span     `json:"sentences,omitempty"`
	Entities  []Entity   `json:"entities"`
	Claims    []Claim    `json:"claims"`
	Relations []Relation `json:"relations"`
	Times     []TimeExpr `json:"times,omitempty"`
	// Warnings are the document's reading warnings and what extraction
	// had to bound ("3 sentences of more than 256 tokens were cut"): the
	// result is complete but for what they say.
	Warnings []string `json:"warnings,omitempty"`
}

// Check verifies the invariants every Result must hold: each span is the
// exact text at its offsets, each reference names an entity or claim of the
// result, and each stance is known. It returns the first violation.
func (r *Result) Check() error {
	runes := []rune(r.Document.Text)
	bad := func(what string, s Span) error {
		got := "<out of range>"
		if s.Start >= 0 && s.Start <= s.End && s.End <= len(runes) {
			got = string(runes[s.Start:s.End])
		}
		return fmt.Errorf("%s [%d,%d) is %q in the text, not %q", what, s.Start, s.End, got, s.Text)
	}
	ents := make(map[string]bool, len(r.Entities))
	for _, e := range r.Entities {
		if e.ID == "" || ents[e.ID] {
			return fmt.Errorf("entity %q: empty or duplicate id", e.Name)
		}
		ents[e.ID] = true
		for _, m := range e.Mentions {
			if !m.Valid(runes) {
				return bad("mention of "+e.ID, m.Span)
			}
		}
	}
	for i, s := range r.Sentences {
		if !s.Valid(runes) {
			return bad(fmt.Sprintf("sentence %d", i), s)
		}
	}
	claims := make(map[string]bool, len(r.Claims))
	for _, c := range r.Claims {
		claims[c.ID] = true
	}
	ref := func(what string, id string) error {
		if id != "" && !ents[id] {
			return fmt.Errorf("%s names unknown entity %q", what, id)
		}
		return nil
	}
	for _, c := range r.Claims {
		if !c.Stance.Valid() {
			return fmt.Errorf("claim %s: unknown stance %q", c.ID, c.Stance)
		}
		for name, s := range map[string]Span{"cue": c.Cue, "source": c.Source, "content": c.Content, "evidence": c.Evidence} {
			if !s.IsZero() && !s.Valid(runes) {
				return bad("claim "+c.ID+" "+name, s)
			}
		}
		for _, h := range c.Hedges {
			if !h.Valid(runes) {
				return bad("claim "+c.ID+" hedge", h)
			}
		}
		for _, id := range append([]string{string(c.Claimant), string(c.Channel), string(c.Target)}, c.About...) {
			if err := ref("claim "+c.ID, id); err != nil {
				return err
			}
		}
		for _, id := range c.RespondsTo {
			if !claims[id] {
				return fmt.Errorf("claim %s responds to unknown claim %q", c.ID, id)
			}
		}
		for _, l := range c.Links {
			if !slices.Contains(c.RespondsTo, l.To) {
				return fmt.Errorf("claim %s has a link to %q, which it does not respond to", c.ID, l.To)
			}
			if !(l.Score >= 0 && l.Score <= 1) {
				return fmt.Errorf("claim %s: link to %s has score %v, not in [0, 1]", c.ID, l.To, l.Score)
			}
		}
	}
	for _, rel := range r.Relations {
		if err := ref("relation "+rel.Predicate, rel.Subject); err != nil {
			return err
		}
		if err := ref("relation "+rel.Predicate, rel.Object); err != nil {
			return err
		}
		if !rel.Evidence.Valid(runes) {
			return bad("relation "+rel.Predicate+" evidence", rel.Evidence)
		}
	}
	for _, t := range r.Times {
		if !t.Valid(runes) {
			return bad("time expression", t.Span)
		}
	}
	return nil
}

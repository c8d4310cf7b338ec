package graph

import (
	"cmp"
	"context"
	"slices"
	"strings"

	"github.com/cayleygraph/quad"

	"github.com/dossier-project/dossier/ledger"
	"github.com/dossier-project/dossier/schema"
)

// Allegation statuses, derived at query time from the claims that answer
// an allegation. Nothing is ever deleted or overwritten: a denied
// allegation is still an allegation.
const (
	StatusAlleged      = "alleged"
	StatusDenied       = "denied"
	StatusContested    = "contested"
	StatusAcknowledged = "acknowledged"
)

// IsAllegation reports whether a claim of this stance is an allegation.
func IsAllegation(stance string) bool { return stance == "allege" }

// Status derives an allegation's status from the stances of the claims
// that respond to it.
func Status(responses []string) string {
	deny, accept := false, false
	for _, s := range responses {
		switch s {
		case "deny":
			deny = true
		case "acknowledge", "confirm":
			accept = true
		}
	}
	switch {
	case deny && accept:
		return StatusContested
	case deny:
		return StatusDenied
	case accept:
		return StatusAcknowledged
	}
	return StatusAlleged
}

// Allegation is one entry of the allegations ledger: the allegation, and
// every claim that answers it.
type Allegation struct {
	ClaimInfo
	Responses []ClaimInfo `json:"responses"`
}

// Allegations returns the ledger allegation by allegation (optionally only
// those about an entity ID): each with the claims that answer it, inside
// its article and across articles, and the status of its thread. The
// answers and statuses are those of Threads: an answer from another
// article is listed under the allegation of the thread it was linked to,
// with its score and reason in Answers.
func (s *Store) Allegations(ctx context.Context, about string) ([]Allegation, error) {
	ts, err := s.Threads(ctx, ThreadFilter{About: about})
	if err != nil {
		return nil, err
	}
	var out []Allegation
	for _, t := range ts {
		for _, r := range t.Reports {
			a := Allegation{ClaimInfo: r, Responses: []ClaimInfo{}}
			a.Status = t.Status
			for _, ans := range t.Answers {
				if ans.Allegation == r.IRI {
					c := ans.ClaimInfo
					c.Answers = ans.Reason
					a.Responses = append(a.Responses, c)
				}
			}
			if about == "" || r.mentions(about) {
				out = append(out, a)
			}
		}
	}
	sortStable(out, func(a, b *Allegation) int { return compareClaims(&a.ClaimInfo, &b.ClaimInfo) })
	return out, nil
}

// mentions reports whether a claim is by, about or against an entity.
func (c *ClaimInfo) mentions(id string) bool {
	if c.Claimant != nil && c.Claimant.ID == id || c.Target != nil && c.Target.ID == id {
		return true
	}
	for _, a := range c.About {
		if a.ID == id {
			return true
		}
	}
	return false
}

// Thread is one allegation followed across articles and outlets: every
// report of it in time order (the first is the first report), the answers
// linked to it, and its status after each step.
type Thread struct {
	// ID is "t" and 12 hex digits of the SHA-1 of the first report's IRI.
	ID     string     `json:"id"`
	Status string     `json:"status"`
	Target *EntityRef `json:"target,omitempty"`
	// Act is the words of the first report that name the wrong.
	Act     string         `json:"act"`
	Reports []ClaimInfo    `json:"reports"`
	Answers []ThreadAnswer `json:"answers"`
	// Events are the reports and answers in time order, each with the
	// status the thread had after it.
	Events []ThreadEvent `json:"events"`
}

// ThreadAnswer is a claim that answers a thread: which report it answers,
// how well it matches (0 to 1) and why, and whether the two are in
// different articles.
type ThreadAnswer struct {
	ClaimInfo
	Allegation string  `json:"allegation"`
	Score      float64 `json:"score"`
	Reason     string  `json:"reason"`
	Across     bool    `json:"across_documents,omitempty"`
}

// ThreadEvent is one step of a thread.
type ThreadEvent struct {
	Date   schema.Date `json:"date,omitempty"`
	Kind   string      `json:"kind"` // "first report", "report" or "answer"
	Claim  string      `json:"claim"`
	Stance string      `json:"stance"`
	Status string      `json:"status"`
}

// ThreadFilter selects threads. Empty fields match every thread.
type ThreadFilter struct {
	About string // an entity ID: threads with a report or answer by, about or against it
	ID    string // a thread ID, or the IRI of any claim of the thread
}

// Threads builds the allegations ledger as threads (package ledger): the
// allegations of the store are compared only with the latest ones that
// share an entity with them (blocking, at most ledger.MaxCandidates each),
// reports of one act of one target become one thread, and each denial,
// acknowledgement or confirmation is linked to the threads it answers:
// inside its article by the extraction's links, across articles by
// proposition, with a score and the reason. Threads come oldest first.
// With f.About, the ledger is built from the claims by and about that
// entity only (its block: what it is accused of, what it alleged, what it
// answered), which is what a timeline or a filtered ledger needs and
// costs no read of the whole claim set.
func (s *Store) Threads(ctx context.Context, f ThreadFilter) ([]Thread, error) {
	var allegs, answers []ClaimInfo
	seen := make(map[string]bool)
	add := func(to *[]ClaimInfo, cf ClaimFilter, ok func(string) bool) error {
		cs, err := s.Claims(ctx, cf)
		if err != nil {
			return err
		}
		for _, c := range cs {
			if ok(c.Stance) && !seen[c.IRI] {
				seen[c.IRI] = true
				*to = append(*to, c)
			}
		}
		return nil
	}
	isAnswer := func(st string) bool { return st == "deny" || st == "acknowledge" || st == "confirm" }
	if f.About != "" {
		// The threads an entity is in are built from the claims by and
		// about it only: its block of the ledger, read through the
		// entity's index ranges rather than the whole claim set.
		for _, cf := range []ClaimFilter{{About: f.About, Stance: "allege"}, {By: f.About, Stance: "allege"}} {
			if err := add(&allegs, cf, IsAllegation); err != nil {
				return nil, err
			}
		}
		for _, cf := range []ClaimFilter{{By: f.About}, {About: f.About}} {
			if err := add(&answers, cf, isAnswer); err != nil {
				return nil, err
			}
		}
		// And whoever answered those allegations in their articles ("the
		// BSI told Reuters it had no evidence to support the reports").
		for _, a := range allegs {
			rs, err := s.respondents(ctx, a.IRI)
			if err != nil {
				return nil, err
			}
			for _, r := range rs {
				if isAnswer(r.Stance) && !seen[r.IRI] {
					seen[r.IRI] = true
					answers = append(answers, r)
				}
			}
		}
		cands, err := s.repeatCandidates(ctx, allegs)
		if err != nil {
			return nil, err
		}
		return buildThreads(allegs, answers, cands, f, s.answerSides(ctx, answers)), nil
	}
	var err error
	if allegs, err = s.allegationClaims(ctx); err != nil {
		return nil, err
	}
	for _, st := range []string{"deny", "acknowledge", "confirm"} {
		if err := add(&answers, ClaimFilter{Stance: st}, isAnswer); err != nil {
			return nil, err
		}
	}
	cands, err := s.repeatCandidates(ctx, allegs)
	if err != nil {
		return nil, err
	}
	return buildThreads(allegs, answers, cands, f, s.answerSides(ctx, answers)), nil
}

// repeatStances are the stances of the statements that may repeat an
// allegation in other words (ledger.Repeats): what a source says or
// reports, not what it believes, fears or plans.
var repeatStances = map[string]bool{"say": true, "report": true}

// repeatCandidates reads the statements that may repeat one of the
// allegations (ledger.Repeats): what is said or reported in the
// allegations' articles, and elsewhere by their claimants. A repeat comes
// from the allegation's source, so nothing else is read: one read of each
// article and of each claimant, not of every statement in the store.
func (s *Store) repeatCandidates(ctx context.Context, allegs []ClaimInfo) ([]ClaimInfo, error) {
	if len(allegs) == 0 {
		// Nothing to repeat: without the read index the loop below
		// would read every statement of the store for nothing.
		return nil, nil
	}
	var docs, by []string
	for i := range allegs {
		if h := allegs[i].Document.Hash; h != "" && !slices.Contains(docs, h) {
			docs = append(docs, h)
		}
		if c := allegs[i].Claimant; c != nil && !slices.Contains(by, c.ID) {
			by = append(by, c.ID)
		}
	}
	var out []ClaimInfo
	seen := make(map[string]bool)
	keep := func(cs []ClaimInfo, ok func(*ClaimInfo) bool) {
		for i := range cs {
			c := &cs[i]
			if repeatStances[c.Stance] && !seen[c.IRI] && ok(c) {
				seen[c.IRI] = true
				out = append(out, *c)
			}
		}
	}
	all := func(*ClaimInfo) bool { return true }
	s.h.RLock()
	indexed := s.indexed()
	s.h.RUnlock()
	if !indexed {
		// Without the read index a document's claims are found by
		// reading them all: read the statements once and keep those of
		// the articles and claimants.
		inDocs := make(map[string]bool, len(docs))
		for _, h := range docs {
			inDocs[h] = true
		}
		for st := range repeatStances {
			cs, err := s.Claims(ctx, ClaimFilter{Stance: st})
			if err != nil {
				return nil, err
			}
			keep(cs, func(c *ClaimInfo) bool {
				return inDocs[c.Document.Hash] || c.Claimant != nil && slices.Contains(by, c.Claimant.ID)
			})
		}
		sortClaims(out)
		return out, nil
	}
	for _, h := range docs {
		cs, err := s.docClaims(ctx, h)
		if err != nil {
			return nil, err
		}
		keep(cs, all)
	}
	for _, id := range by {
		for st := range repeatStances {
			cs, err := s.Claims(ctx, ClaimFilter{By: id, Stance: st})
			if err != nil {
				return nil, err
			}
			keep(cs, all)
		}
	}
	sortClaims(out)
	return out, nil
}

// docClaims reads the claims of one document (by its hash) through the
// read index's document range.
func (s *Store) docClaims(ctx context.Context, hash string) ([]ClaimInfo, error) {
	s.h.RLock()
	defer s.h.RUnlock()
	var out []ClaimInfo
	err := s.view(ctx, func(t *ixRead) error {
		out = nil
		var cs []ClaimInfo
		if err := t.v.Claims(ClaimQuery{Doc: hash}, func(c ClaimInfo) error {
			cs = append(cs, c)
			return nil
		}); err != nil {
			return err
		}
		return t.named(cs, &ClaimFilter{}, func(c ClaimInfo) error {
			out = append(out, c)
			return nil
		})
	})
	return out, err
}

// speakerRoles are the relations by which a person answers for an
// organisation (as the extraction's sides read them in one article).
var speakerRoles = map[string]bool{schema.SpokespersonFor: true, schema.ChiefExecutiveOf: true, schema.FounderOf: true,
	schema.RoleOf: true, schema.MemberOf: true}

// maxSides bounds the organisations a person is taken to answer for.
const maxSides = 4

// answerSides returns, for each person who makes an answer, the
// organisations the store relates them to as spokesperson, chief
// executive, founder, member or holder of a role ("Donald Houston role of
// the Food Safety and Inspection Service"), from any article: across
// articles a person answers for them as in the article that names the
// role. One read of the person's relations each; a failed read leaves the
// person without sides.
func (s *Store) answerSides(ctx context.Context, answers []ClaimInfo) map[string][]string {
	out := make(map[string][]string)
	done := make(map[string]bool)
	for i := range answers {
		c := answers[i].Claimant
		if c == nil || c.Type != schema.Person || done[c.ID] {
			continue
		}
		done[c.ID] = true
		rs, err := s.Relations(ctx, c.ID)
		if err != nil {
			continue
		}
		for _, r := range rs {
			if r.Subject.ID == c.ID && speakerRoles[r.Predicate] && !slices.Contains(out[c.ID], r.Object.ID) && len(out[c.ID]) < maxSides {
				out[c.ID] = append(out[c.ID], r.Object.ID)
			}
		}
	}
	return out
}

// prop is a claim as package ledger compares it.
func prop(c *ClaimInfo) *ledger.Prop {
	p := &ledger.Prop{Key: c.IRI, Doc: c.Document.Hash, Date: string(c.Date), Stance: c.Stance, Content: c.Content.Text, ClaimantText: c.ClaimantText}
	if c.Stance != "allege" {
		p.RefersBack = ledger.RefersBack(c.Content.Text)
	}
	p.Defends = c.Stance == "deny" && strings.HasPrefix(strings.ToLower(c.Cue.Text), "defend")
	if d := string(c.Document.Date); d != "" && d != p.Date {
		p.Published = d
	}
	if c.Stance == "acknowledge" {
		i, _ := ledger.WrongAt(ledger.Tokens(c.Content.Text))
		p.Concedes = i < 0
	}
	if c.Claimant != nil {
		p.Claimant = c.Claimant.ID
	}
	if c.Target != nil {
		p.Target = c.Target.ID
	}
	for _, a := range c.About {
		p.About = append(p.About, a.ID)
	}
	if c.Stance == "allege" && c.Target != nil && len(c.About) > 1 {
		// The parties the allegation lists with its target ("Kuwait and
		// the United Arab Emirates, along with ... Ecuador") are accused
		// with it, as the extraction's co-accused are inside the
		// article: the store keeps only the target and what the claim is
		// about, so they are found again in its words.
		var others []string
		var ids []string
		for _, a := range c.About {
			if a.ID != c.Target.ID && (c.Claimant == nil || a.ID != c.Claimant.ID) && a.Name != "" {
				others = append(others, a.Name)
				ids = append(ids, a.ID)
			}
		}
		for _, i := range ledger.Listed(c.Content.Text, c.Target.Name, others) {
			p.CoAccused = append(p.CoAccused, ids[i])
		}
	}
	return p
}

// answerable reports whether a claim may answer an allegation across
// articles: a denial, or an acknowledgement or confirmation that names a
// wrong.
func answerable(c *ClaimInfo) bool {
	if c.Stance == "deny" || c.Stance == "acknowledge" && len(c.Hedges) == 0 && ledger.Concession(c.Cue.Text, c.Content.Text) {
		// An acknowledgement that names no wrong answers only from the
		// accused's side in the allegation's words (ledger.Prop.Concedes).
		return true
	}
	i, _ := ledger.WrongAt(ledger.Tokens(c.Content.Text))
	return i >= 0
}

// buildThreads threads allegations and links answers (see Threads).
func buildThreads(allegs, answers, cands []ClaimInfo, f ThreadFilter, sides map[string][]string) []Thread {
	byIRI := make(map[string]*ClaimInfo, len(allegs)+len(answers))
	names := make(map[string]string)
	note := func(r *EntityRef) {
		if r != nil {
			names[r.ID] = r.Name
		}
	}
	aps := make([]*ledger.Prop, 0, len(allegs))
	for i := range allegs {
		c := &allegs[i]
		byIRI[c.IRI] = c
		note(c.Claimant)
		note(c.Target)
		aps = append(aps, prop(c))
	}
	var bps []*ledger.Prop
	var inDoc []ledger.Link
	for i := range answers {
		c := &answers[i]
		byIRI[c.IRI] = c
		note(c.Claimant)
		for _, r := range c.RespondsTo {
			l := ledger.Link{Answer: c.IRI, Allegation: r}
			if sl, ok := schema.LinkTo(c.Links, r); ok {
				// The score and reason the extraction stored; a link
				// of an older store has none, and Build scores it.
				l.Score, l.Reason = sl.Score, "in the article: "+cmpOr(sl.Reason, "the article links them")
			}
			inDoc = append(inDoc, l)
		}
		if answerable(c) {
			p := prop(c)
			if c.Claimant != nil {
				p.SpeaksFor = sides[c.Claimant.ID]
			}
			bps = append(bps, p)
		}
	}
	for _, c := range byIRI {
		for i := range c.About {
			note(&c.About[i])
		}
	}
	// Statements that repeat an allegation in other words become
	// allegations of its thread.
	// A statement in the sentence of an allegation ("X said Y accused
	// Z") adds no report: the sentence is one already.
	type sentence struct {
		doc   string
		start int
	}
	alleged := make(map[sentence]bool, len(allegs))
	for i := range allegs {
		alleged[sentence{allegs[i].Document.Hash, allegs[i].Evidence.Start}] = true
	}
	var cps []*ledger.Prop
	candIdx := make(map[string]int, len(cands))
	for i := range cands {
		c := &cands[i]
		if c.Claimant == nil && c.ClaimantText == "" || byIRI[c.IRI] != nil || alleged[sentence{c.Document.Hash, c.Evidence.Start}] {
			continue
		}
		note(c.Claimant)
		note(c.Target)
		for j := range c.About {
			note(&c.About[j])
		}
		candIdx[c.IRI] = i
		cps = append(cps, prop(c))
	}
	nameOf := func(id string) string { return names[id] }
	if len(cps) > 0 {
		byKey := make(map[string]*ledger.Prop, len(cps))
		for _, p := range cps {
			byKey[p.Key] = p
		}
		for _, r := range ledger.Repeats(aps, cps, nameOf) {
			c := cands[candIdx[r.Claim]]
			c.Stance = "allege"
			c.Repeats = &schema.Link{To: r.Allegation, Score: r.Score, Reason: r.Reason}
			byIRI[c.IRI] = &c
			p := byKey[r.Claim]
			p.Stance, p.Repeats = "allege", r.Allegation
			aps = append(aps, p)
		}
	}
	lt := ledger.Build(aps, bps, inDoc, nameOf)
	out := make([]Thread, 0, len(lt))
	for _, t := range lt {
		th := Thread{ID: t.ID, Reports: make([]ClaimInfo, 0, len(t.Allegations)), Answers: []ThreadAnswer{}}
		keep := f.ID == "" && f.About == ""
		for _, a := range t.Allegations {
			c := *byIRI[a.Key]
			c.Thread = t.ID
			th.Reports = append(th.Reports, c)
			keep = keep || f.ID == c.IRI || f.About != "" && c.mentions(f.About)
		}
		// An answer linked to two reports of the thread (the headline and
		// the body of one article) is one answer. Its link is to the
		// report the article tells first, when both are of one article
		// and linked there: the answer answers the allegation as the
		// article tells it (headline or lede), whose later reports are
		// details that may share more words with it without being what
		// it answers. Else its best link.
		seen := map[string]int{}
		for _, l := range t.Answers {
			c, ok := byIRI[l.Answer]
			if !ok {
				continue
			}
			a := ThreadAnswer{ClaimInfo: *c, Allegation: l.Allegation, Score: l.Score, Reason: l.Reason, Across: l.Across}
			a.Thread = t.ID
			if i, dup := seen[l.Answer]; dup {
				old := th.Answers[i]
				na, oa := byIRI[a.Allegation], byIRI[old.Allegation]
				inArticle := !a.Across && !old.Across && na != nil && oa != nil && na.Document.Hash == oa.Document.Hash
				if inArticle && na.Evidence.Start < oa.Evidence.Start || !inArticle && a.Score > old.Score {
					th.Answers[i] = a
				}
				continue
			}
			seen[l.Answer] = len(th.Answers)
			th.Answers = append(th.Answers, a)
			keep = keep || f.ID == c.IRI || f.About != "" && c.mentions(f.About)
		}
		keep = keep || f.ID == t.ID
		if !keep {
			continue
		}
		sortStable(th.Answers, func(a, b *ThreadAnswer) int { return compareClaims(&a.ClaimInfo, &b.ClaimInfo) })
		first := th.Reports[0]
		th.Target = first.Target
		th.Act = actOf(first.Content.Text)
		th.events()
		out = append(out, th)
	}
	return out
}

// actOf returns the words of a content that name the wrong: from the first
// wrong to the end of its clause, at most 16 words; the whole content when
// it names none.
func actOf(content string) string {
	ws := strings.Fields(content)
	low := make([]string, len(ws))
	for i, w := range ws {
		if t := ledger.Tokens(w); len(t) > 0 {
			low[i] = t[0]
		}
	}
	i, _ := ledger.WrongAt(low)
	if i < 0 {
		i = 0
	}
	j := i
	for j < len(ws) && j-i < 16 {
		j++
		if strings.HasSuffix(ws[j-1], ",") || strings.HasSuffix(ws[j-1], ";") {
			break
		}
	}
	return strings.TrimRight(strings.Join(ws[i:j], " "), ",;.")
}

// events lists a thread's reports and answers in time order with the
// status after each.
func (t *Thread) events() {
	accusers := make(map[string]bool)
	for _, r := range t.Reports {
		if r.Claimant != nil {
			accusers[r.Claimant.ID] = true
		}
	}
	type ev struct {
		c    *ClaimInfo
		kind string
	}
	var evs []ev
	for i := range t.Reports {
		evs = append(evs, ev{&t.Reports[i], "report"})
	}
	for i := range t.Answers {
		evs = append(evs, ev{&t.Answers[i].ClaimInfo, "answer"})
	}
	sortStable(evs, func(a, b *ev) int { return compareClaims(a.c, b.c) })
	st := ledger.Alleged
	first := true
	for _, e := range evs {
		kind := e.kind
		if kind == "report" {
			if first {
				kind = "first report"
			}
			first = false
		} else {
			st = ledger.Step(st, e.c.Stance, e.c.Claimant != nil && accusers[e.c.Claimant.ID])
		}
		t.Events = append(t.Events, ThreadEvent{Date: e.c.Date, Kind: kind, Claim: e.c.IRI, Stance: e.c.Stance, Status: string(st)})
	}
	t.Status = string(st)
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// compareClaims orders claims by date (a date and a finer one within it,
// 2017-10 and 2017-10-24, are not ordered by date), document and place in
// the text.
func compareClaims(a, b *ClaimInfo) int {
	n := min(len(a.Date), len(b.Date))
	if c := cmp.Compare(a.Date[:n], b.Date[:n]); c != 0 && n > 0 {
		return c
	}
	return compareInText(a, b)
}

// compareInText orders claims by document, place in the text and IRI.
func compareInText(a, b *ClaimInfo) int {
	if c := cmp.Compare(a.Document.Hash, b.Document.Hash); c != 0 {
		return c
	}
	if c := cmp.Compare(a.Cue.Start, b.Cue.Start); c != 0 {
		return c
	}
	return cmp.Compare(a.IRI, b.IRI)
}

// allegationClaims reads every claim whose stance is allege.
func (s *Store) allegationClaims(ctx context.Context) ([]ClaimInfo, error) {
	s.h.RLock()
	defer s.h.RUnlock()
	if s.indexed() {
		return s.idxClaims(ctx, ClaimFilter{Stance: "allege"})
	}
	iris, err := s.subjects(ctx, schema.PredStance, quad.String("allege"))
	if err != nil {
		return nil, err
	}
	return s.claimsOf(ctx, iris)
}

// respondents reads the claims in the allegation's document that answer it.
func (s *Store) respondents(ctx context.Context, iri string) ([]ClaimInfo, error) {
	s.h.RLock()
	defer s.h.RUnlock()
	if s.indexed() {
		return s.idxRespondents(ctx, iri)
	}
	iris, err := s.subjects(ctx, schema.PredRespondsTo, quad.IRI(iri))
	if err != nil {
		return nil, err
	}
	return s.claimsOf(ctx, iris)
}

// claimsOf reads claims by IRI, in document and text order. The caller
// holds the read lock.
func (s *Store) claimsOf(ctx context.Context, iris []quad.Value) ([]ClaimInfo, error) {
	names := make(map[string]string)
	docs := make(map[string]DocInfo)
	out := make([]ClaimInfo, 0, len(iris))
	for _, v := range iris {
		c, err := s.claim(ctx, v, names, docs)
		if err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	sortClaims(out)
	return out, nil
}

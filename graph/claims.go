package graph

import (
	"cmp"
	"context"
	"slices"
	"strings"

	"github.com/cayleygraph/quad"

	"github.com/dossier-project/dossier/schema"
)

// DocInfo is what is stored about a document.
type DocInfo struct {
	Hash   string      `json:"hash"`
	ID     string      `json:"id"`
	Title  string      `json:"title,omitempty"`
	Date   schema.Date `json:"date,omitempty"`
	Source string      `json:"source,omitempty"`
	URL    string      `json:"url,omitempty"`
	Path   string      `json:"path,omitempty"`
}

// EntityRef names an entity by ID and name.
type EntityRef struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	Type string `json:"type,omitempty"`
}

// ClaimInfo is a stored claim with the names of the entities it refers to
// and the document and sentence that support it.
type ClaimInfo struct {
	// IRI is the claim node; ID is its ID within its document.
	IRI          string      `json:"iri"`
	ID           string      `json:"id"`
	Claimant     *EntityRef  `json:"claimant"`
	ClaimantText string      `json:"claimant_text,omitempty"`
	Stance       string      `json:"stance"`
	Cue          schema.Span `json:"cue"`
	Source       string      `json:"source,omitempty"`
	Content      schema.Span `json:"content"`
	About        []EntityRef `json:"about"`
	Target       *EntityRef  `json:"target,omitempty"`
	Channel      *EntityRef  `json:"channel,omitempty"`
	ChannelText  string      `json:"channel_text,omitempty"`
	Hedges       []string    `json:"hedges,omitempty"`
	Date         schema.Date `json:"date,omitempty"`
	// RespondsTo lists the IRIs of the claims this one answers.
	RespondsTo []string `json:"responds_to,omitempty"`
	// Links say why this claim answers each of RespondsTo (To is the
	// answered claim's IRI): the score and reason the extraction stored.
	// Empty in a store written before links were kept.
	Links []schema.Link `json:"links,omitempty"`
	// Status is an allegation's status from the claims in its own
	// document that answer it (the ledger adds answers from other
	// documents); empty for claims that are not allegations.
	Status string `json:"status,omitempty"`
	// Answers says how a claim listed as a response was linked: empty
	// when the text links it, "across documents" when the ledger did.
	Answers string `json:"answers,omitempty"`
	// Thread is the ID of the allegations-ledger thread an allegation or
	// answer belongs to, where the ledger was built (Threads,
	// Allegations); empty elsewhere.
	Thread string `json:"thread,omitempty"`
	// Repeats is set on a statement the ledger took for an allegation
	// because it repeats one in other words (ledger.Repeats): To is the
	// repeated allegation's IRI, Score how sure the match is (below an
	// explicit allegation's), Reason why. Set where the ledger was built.
	Repeats  *schema.Link `json:"repeats,omitempty"`
	Evidence schema.Span  `json:"evidence"`
	Document DocInfo      `json:"document"`
}

// ClaimFilter selects claims. Empty fields match everything.
type ClaimFilter struct {
	By     string // entity ID of the claimant
	About  string // entity ID the claim is about (or targets)
	Stance string
	Doc    string // document hash, hash prefix or ID
	Since  schema.Date
	Until  schema.Date
}

// Claims returns the claims that match f, in document and text order.
func (s *Store) Claims(ctx context.Context, f ClaimFilter) ([]ClaimInfo, error) {
	s.h.RLock()
	defer s.h.RUnlock()
	if s.indexed() {
		return s.idxClaims(ctx, f)
	}
	var iris []quad.Value
	var err error
	switch {
	case f.By != "":
		var nodes []quad.Value
		if nodes, err = s.withTied(ctx, f.By); err == nil {
			iris, err = s.subjectsOfAny(ctx, schema.PredClaimant, nodes)
		}
	case f.About != "":
		var nodes []quad.Value
		if nodes, err = s.withTied(ctx, f.About); err == nil {
			iris, err = s.subjectsOfAny(ctx, schema.PredAbout, nodes)
		}
		if err == nil {
			var t []quad.Value
			t, err = s.subjectsOfAny(ctx, schema.PredTarget, nodes)
			iris = appendNew(iris, t)
		}
	default:
		iris, err = s.subjects(ctx, schema.PredType, quad.IRI(schema.ClassClaim))
	}
	if err != nil {
		return nil, err
	}
	names := make(map[string]string)
	docs := make(map[string]DocInfo)
	var out []ClaimInfo
	for _, v := range iris {
		c, err := s.claim(ctx, v, names, docs)
		if err != nil {
			return nil, err
		}
		if !f.match(&c) {
			continue
		}
		out = append(out, c)
	}
	sortClaims(out)
	return out, nil
}

// sortClaims orders claims by document date, document, place in text and
// IRI.
func sortClaims(out []ClaimInfo) {
	sortStable(out, func(a, b *ClaimInfo) int {
		if c := cmp.Compare(a.Document.Date, b.Document.Date); c != 0 {
			return c
		}
		return compareInText(a, b)
	})
}

// sortStable sorts s stably by compare. It sorts indexes and moves each
// element once: a stable sort swaps elements O(n log² n) times, which for
// thousands of claims of several hundred bytes each costs more than the
// reads that found them.
func sortStable[T any](s []T, compare func(a, b *T) int) {
	perm := make([]int, len(s))
	for i := range perm {
		perm[i] = i
	}
	slices.SortStableFunc(perm, func(i, j int) int { return compare(&s[i], &s[j]) })
	sorted := make([]T, len(s))
	for i, p := range perm {
		sorted[i] = s[p]
	}
	copy(s, sorted)
}

func appendNew(a, b []quad.Value) []quad.Value {
	seen := make(map[string]bool, len(a))
	for _, v := range a {
		seen[v.String()] = true
	}
	for _, v := range b {
		if !seen[v.String()] {
			a = append(a, v)
		}
	}
	return a
}

func (f *ClaimFilter) match(c *ClaimInfo) bool {
	if f.By != "" && (c.Claimant == nil || c.Claimant.ID != f.By) {
		return false
	}
	if f.About != "" {
		ok := c.Target != nil && c.Target.ID == f.About
		for _, a := range c.About {
			ok = ok || a.ID == f.About
		}
		if !ok {
			return false
		}
	}
	return f.matchFields(c)
}

// matchFields applies the parts of the filter that do not name entities:
// stance, document and dates.
func (f *ClaimFilter) matchFields(c *ClaimInfo) bool {
	if f.Stance != "" && c.Stance != f.Stance {
		return false
	}
	if f.Doc != "" && c.Document.ID != f.Doc && !strings.HasPrefix(c.Document.Hash, f.Doc) {
		return false
	}
	if f.Since != "" && (c.Date == "" || string(c.Date) < string(f.Since)[:min(len(f.Since), len(c.Date))]) {
		return false
	}
	if f.Until != "" && (c.Date == "" || string(c.Date)[:min(len(f.Until), len(c.Date))] > string(f.Until)) {
		return false
	}
	return true
}

func (s *Store) entityRef(ctx context.Context, v quad.Value, names map[string]string) (*EntityRef, error) {
	if v == nil {
		return nil, nil
	}
	v, err := s.canonical(ctx, v)
	if err != nil {
		return nil, err
	}
	iri := iriString(v)
	id, _ := schema.EntityIDOf(iri)
	nt, ok := names[iri]
	if !ok {
		p, err := s.props(ctx, v)
		if err != nil {
			return nil, err
		}
		nt = BestName(strs(p[schema.PredName])) + "\x00" + schema.TypeOfClass(first(p[schema.PredType]))
		names[iri] = nt
	}
	name, typ, _ := strings.Cut(nt, "\x00")
	return &EntityRef{ID: id, Name: name, Type: typ}, nil
}

func (s *Store) doc(ctx context.Context, v quad.Value, docs map[string]DocInfo) (DocInfo, error) {
	iri := iriString(v)
	if d, ok := docs[iri]; ok {
		return d, nil
	}
	p, err := s.props(ctx, v)
	if err != nil {
		return DocInfo{}, err
	}
	d := DocInfo{Hash: first(p[schema.PredHash]), ID: first(p[schema.PredIdentifier]),
		Title: first(p[schema.PredHeadline]), Date: schema.Date(first(p[schema.PredDatePublished])),
		Source: first(p[schema.PredPublisher]), URL: first(p[schema.PredURL]), Path: first(p[schema.PredPath])}
	docs[iri] = d
	return d, nil
}

func (s *Store) sentence(ctx context.Context, v quad.Value) (schema.Span, error) {
	p, err := s.props(ctx, v)
	if err != nil {
		return schema.Span{}, err
	}
	return schema.Span{Text: first(p[schema.PredText]), Start: valueInt(p[schema.PredStart]), End: valueInt(p[schema.PredEnd])}, nil
}

func (s *Store) claim(ctx context.Context, v quad.Value, names map[string]string, docs map[string]DocInfo) (ClaimInfo, error) {
	p, err := s.props(ctx, v)
	if err != nil {
		return ClaimInfo{}, err
	}
	one := func(pred string) quad.Value {
		if vs := p[pred]; len(vs) > 0 {
			return vs[0]
		}
		return nil
	}
	c := ClaimInfo{
		IRI: iriString(v), ID: first(p[schema.PredLocalID]), ClaimantText: first(p[schema.PredClaimantText]),
		Stance: first(p[schema.PredStance]),
		Cue:    schema.Span{Text: first(p[schema.PredCue]), Start: valueInt(p[schema.PredCueStart]), End: valueInt(p[schema.PredCueEnd])},
		Source: first(p[schema.PredSourceText]),
		Content: schema.Span{Text: first(p[schema.PredContent]), Start: valueInt(p[schema.PredContentStart]),
			End: valueInt(p[schema.PredContentEnd])},
		ChannelText: first(p[schema.PredChannelText]), Hedges: strs(p[schema.PredHedge]),
		Date: schema.Date(first(p[schema.PredDate])), RespondsTo: strs(p[schema.PredRespondsTo]),
		About: []EntityRef{},
	}
	c.Links = linksOf(c.IRI, strs(p[schema.PredLinkWhy]))
	if c.Claimant, err = s.entityRef(ctx, one(schema.PredClaimant), names); err != nil {
		return c, err
	}
	if c.Target, err = s.entityRef(ctx, one(schema.PredTarget), names); err != nil {
		return c, err
	}
	if c.Channel, err = s.entityRef(ctx, one(schema.PredChannel), names); err != nil {
		return c, err
	}
	for _, a := range p[schema.PredAbout] {
		r, err := s.entityRef(ctx, a, names)
		if err != nil {
			return c, err
		}
		// Two nodes tied to one entity are one entry.
		dup := false
		for _, x := range c.About {
			dup = dup || x.ID == r.ID
		}
		if !dup {
			c.About = append(c.About, *r)
		}
	}
	if ev := one(schema.PredEvidence); ev != nil {
		if c.Evidence, err = s.sentence(ctx, ev); err != nil {
			return c, err
		}
	}
	if d := one(schema.PredInDocument); d != nil {
		if c.Document, err = s.doc(ctx, d, docs); err != nil {
			return c, err
		}
	}
	if IsAllegation(c.Stance) {
		rs, err := s.subjects(ctx, schema.PredRespondsTo, v)
		if err != nil {
			return c, err
		}
		var stances []string
		for _, r := range rs {
			st, err := s.objects(ctx, r, schema.PredStance)
			if err != nil {
				return c, err
			}
			stances = append(stances, strs(st)...)
		}
		c.Status = Status(stances)
	}
	return c, nil
}

// linksOf reads a claim's stored links (PredLinkWhy literals), their
// targets made IRIs of the claim's document, in a fixed order.
func linksOf(claimIRI string, lits []string) []schema.Link {
	var out []schema.Link
	base := claimIRI[:strings.LastIndex(claimIRI, "/")+1]
	for _, s := range lits {
		if l, ok := schema.ParseLink(s); ok {
			l.To = base + l.To
			out = append(out, l)
		}
	}
	slices.SortFunc(out, func(a, b schema.Link) int { return strings.Compare(a.To, b.To) })
	return out
}

// RelationInfo is a stored structural relation.
type RelationInfo struct {
	IRI       string      `json:"iri"`
	Subject   EntityRef   `json:"subject"`
	Predicate string      `json:"predicate"`
	Object    EntityRef   `json:"object"`
	Evidence  schema.Span `json:"evidence"`
	Document  DocInfo     `json:"document"`
}

// Relations returns the relations in which the entity (an ID) is subject
// or object; with an empty ID, every relation.
func (s *Store) Relations(ctx context.Context, id string) ([]RelationInfo, error) {
	s.h.RLock()
	defer s.h.RUnlock()
	if s.indexed() {
		return s.idxRelations(ctx, id)
	}
	var iris []quad.Value
	var err error
	if id == "" {
		iris, err = s.subjects(ctx, schema.PredType, quad.IRI(schema.ClassRelation))
	} else {
		var nodes []quad.Value
		if nodes, err = s.withTied(ctx, id); err == nil {
			iris, err = s.subjectsOfAny(ctx, schema.PredSubject, nodes)
		}
		if err == nil {
			var o []quad.Value
			o, err = s.subjectsOfAny(ctx, schema.PredObject, nodes)
			iris = appendNew(iris, o)
		}
	}
	if err != nil {
		return nil, err
	}
	names := make(map[string]string)
	docs := make(map[string]DocInfo)
	var out []RelationInfo
	for _, v := range iris {
		r, err := s.relation(ctx, v, names, docs)
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	sortRelations(out)
	return out, nil
}

func (s *Store) relation(ctx context.Context, v quad.Value, names map[string]string, docs map[string]DocInfo) (RelationInfo, error) {
	p, err := s.props(ctx, v)
	if err != nil {
		return RelationInfo{}, err
	}
	r := RelationInfo{IRI: iriString(v), Predicate: first(p[schema.PredPredicate]),
		Evidence: schema.Span{Text: first(p[schema.PredText]), Start: valueInt(p[schema.PredStart]), End: valueInt(p[schema.PredEnd])}}
	for pred, dst := range map[string]*EntityRef{schema.PredSubject: &r.Subject, schema.PredObject: &r.Object} {
		if vs := p[pred]; len(vs) > 0 {
			ref, err := s.entityRef(ctx, vs[0], names)
			if err != nil {
				return r, err
			}
			*dst = *ref
		}
	}
	if vs := p[schema.PredInDocument]; len(vs) > 0 {
		if r.Document, err = s.doc(ctx, vs[0], docs); err != nil {
			return r, err
		}
	}
	return r, nil
}

// Documents lists the stored documents, oldest first; with an entity ID,
// only the documents that mention it.
func (s *Store) Documents(ctx context.Context, id string) ([]DocInfo, error) {
	s.h.RLock()
	defer s.h.RUnlock()
	if s.indexed() {
		return s.idxDocuments(ctx, id)
	}
	var iris []quad.Value
	var err error
	if id == "" {
		iris, err = s.subjects(ctx, schema.PredType, quad.IRI(schema.ClassArticle))
	} else {
		var nodes []quad.Value
		if nodes, err = s.withTied(ctx, id); err == nil {
			for _, n := range nodes {
				var ds []quad.Value
				if ds, err = s.objects(ctx, n, schema.PredMentionedIn); err != nil {
					break
				}
				iris = appendNew(iris, ds)
			}
		}
	}
	if err != nil {
		return nil, err
	}
	docs := make(map[string]DocInfo)
	out := make([]DocInfo, 0, len(iris))
	for _, v := range iris {
		d, err := s.doc(ctx, v, docs)
		if err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	sortDocs(out)
	return out, nil
}

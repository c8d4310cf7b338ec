package graph

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/cayleygraph/quad"

	"github.com/dossier-project/dossier/schema"
)

// ResultFromQuads is the inverse of Quads for what a read index keeps: it
// makes again, from the quads one document stated (all labelled with it,
// in the order they were written), an extraction result whose Records
// are the original's. A backend that builds its read index over a store
// written without one reads its documents back this way. What the quads
// do not keep is left zero: the text, the sentences no fact points at,
// the times, the hedges' and the source's offsets, and the second record
// of an entity the extraction listed twice in one document, whose quads
// were the first's.
func ResultFromQuads(qs []quad.Quad) (*schema.Result, error) {
	if len(qs) == 0 {
		return nil, fmt.Errorf("no quads")
	}
	docIRI := iriString(qs[0].Label)
	hash, ok := strings.CutPrefix(docIRI, schema.NSID+"doc/")
	if !ok || strings.Contains(hash, "/") {
		return nil, fmt.Errorf("quads labelled %v: not a document", qs[0].Label)
	}
	partOf := func(iri string) (string, bool) {
		local, ok := strings.CutPrefix(iri, docIRI+"/")
		return local, ok
	}
	num := func(local, prefix string) (int, bool) {
		n, err := strconv.Atoi(strings.TrimPrefix(local, prefix))
		return n, err == nil && strings.HasPrefix(local, prefix)
	}
	// Each subject's statements in the order written, and the order the
	// subjects were first met.
	type node struct {
		props map[string][]quad.Value
		first int
	}
	nodes := make(map[string]*node)
	for i, q := range qs {
		if iriString(q.Label) != docIRI {
			return nil, fmt.Errorf("document %s: a quad labelled %v", hash, q.Label)
		}
		s := iriString(q.Subject)
		n := nodes[s]
		if n == nil {
			n = &node{props: make(map[string][]quad.Value), first: i}
			nodes[s] = n
		}
		p := iriString(q.Predicate)
		n.props[p] = append(n.props[p], q.Object)
	}
	byFirst := func(keys []string) {
		slices.SortFunc(keys, func(a, b string) int { return cmp.Compare(nodes[a].first, nodes[b].first) })
	}
	r := &schema.Result{}
	doc := nodes[docIRI]
	if doc == nil {
		return nil, fmt.Errorf("document %s: no quads of the document node", hash)
	}
	d := doc.props
	r.Document = schema.Document{Hash: hash, ID: first(d[schema.PredIdentifier]), Title: first(d[schema.PredHeadline]),
		Date: schema.Date(first(d[schema.PredDatePublished])), Source: first(d[schema.PredPublisher]),
		URL: first(d[schema.PredURL]), Path: first(d[schema.PredPath]), Tags: strs(d[schema.PredKeywords])}
	sentence := func(v quad.Value) int {
		if local, ok := partOf(iriString(v)); ok {
			if i, ok := num(local, "s"); ok {
				return i
			}
		}
		return -1
	}
	var ents, claims []string
	type mention struct {
		n int
		m schema.Mention
	}
	mentions := make(map[string][]mention) // entity IRI -> its mentions
	rels := make(map[int]*node)
	for iri, n := range nodes {
		p := n.props
		local, isPart := partOf(iri)
		switch class := first(p[schema.PredType]); {
		case isPart && class == schema.ClassSentence:
			i := valueInt(p[schema.PredIndex])
			if i < 0 {
				continue
			}
			for len(r.Sentences) <= i {
				r.Sentences = append(r.Sentences, schema.Span{})
			}
			r.Sentences[i] = schema.Span{Text: first(p[schema.PredText]), Start: valueInt(p[schema.PredStart]), End: valueInt(p[schema.PredEnd])}
		case isPart && class == schema.ClassClaim:
			claims = append(claims, iri)
		case isPart && class == schema.ClassRelation:
			if k, ok := num(local, "r"); ok {
				rels[k] = n
			}
		case isPart && len(p[schema.PredMentionOf]) > 0:
			k, _ := num(local, "m")
			e := iriString(one(p[schema.PredMentionOf]))
			mentions[e] = append(mentions[e], mention{n: k, m: schema.Mention{Sentence: sentence(one(p[schema.PredSentence])),
				Span: schema.Span{Text: first(p[schema.PredText]), Start: valueInt(p[schema.PredStart]), End: valueInt(p[schema.PredEnd])}}})
		case !isPart && len(p[schema.PredMentionedIn]) > 0:
			ents = append(ents, iri)
		}
	}
	byFirst(ents)
	for _, iri := range ents {
		p := nodes[iri].props
		id, _ := schema.EntityIDOf(iri)
		e := schema.Entity{ID: id, Name: first(p[schema.PredName]), Type: schema.TypeOfClass(first(p[schema.PredType])),
			Kind: first(p[schema.PredKind]), KindReason: first(p[schema.PredKindReason]), Aliases: strs(p[schema.PredAlternateName])}
		for _, m := range strs(p[schema.PredMerge]) {
			e.Merges = append(e.Merges, ParseMergeText(m))
		}
		ms := mentions[iri]
		slices.SortStableFunc(ms, func(a, b mention) int { return cmp.Compare(a.n, b.n) })
		for _, m := range ms {
			e.Mentions = append(e.Mentions, m.m)
		}
		r.Entities = append(r.Entities, e)
	}
	ref := func(v quad.Value) schema.Ref {
		id, _ := schema.EntityIDOf(iriString(v))
		return schema.Ref(id)
	}
	byFirst(claims)
	for _, iri := range claims {
		p := nodes[iri].props
		c := schema.Claim{ID: first(p[schema.PredLocalID]), Claimant: ref(one(p[schema.PredClaimant])),
			ClaimantText: first(p[schema.PredClaimantText]), Stance: schema.Stance(first(p[schema.PredStance])),
			Cue:    schema.Span{Text: first(p[schema.PredCue]), Start: valueInt(p[schema.PredCueStart]), End: valueInt(p[schema.PredCueEnd])},
			Source: schema.Span{Text: first(p[schema.PredSourceText])}, Target: ref(one(p[schema.PredTarget])),
			Channel: ref(one(p[schema.PredChannel])), ChannelText: first(p[schema.PredChannelText]),
			Date: schema.Date(first(p[schema.PredDate])), Sentence: sentence(one(p[schema.PredEvidence]))}
		if len(p[schema.PredContent]) > 0 {
			c.Content = schema.Span{Text: first(p[schema.PredContent]), Start: valueInt(p[schema.PredContentStart]), End: valueInt(p[schema.PredContentEnd])}
		}
		for _, a := range p[schema.PredAbout] {
			c.About = append(c.About, string(ref(a)))
		}
		for _, x := range p[schema.PredRespondsTo] {
			if local, ok := partOf(iriString(x)); ok {
				c.RespondsTo = append(c.RespondsTo, local)
			}
		}
		for _, h := range strs(p[schema.PredHedge]) {
			c.Hedges = append(c.Hedges, schema.Span{Text: h})
		}
		var links []schema.Link
		for _, s := range strs(p[schema.PredLinkWhy]) {
			if l, ok := schema.ParseLink(s); ok {
				links = append(links, l)
			}
		}
		for _, id := range c.RespondsTo {
			if l, ok := schema.LinkTo(links, id); ok {
				c.Links = append(c.Links, l)
			}
		}
		r.Claims = append(r.Claims, c)
	}
	ks := make([]int, 0, len(rels))
	for k := range rels {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	for _, k := range ks {
		p := rels[k].props
		r.Relations = append(r.Relations, schema.Relation{Subject: string(ref(one(p[schema.PredSubject]))),
			Predicate: first(p[schema.PredPredicate]), Object: string(ref(one(p[schema.PredObject]))),
			Sentence: sentence(one(p[schema.PredEvidence])),
			Evidence: schema.Span{Text: first(p[schema.PredText]), Start: valueInt(p[schema.PredStart]), End: valueInt(p[schema.PredEnd])}})
	}
	return r, nil
}

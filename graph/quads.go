package graph

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/cayleygraph/quad"

	"github.com/dossier-project/dossier/schema"
)

// Quads returns the quads that store one extraction result. Every quad is
// labelled with the document's IRI (its provenance), so the same fact
// stated by two documents is two quads and forgetting a document removes
// exactly what it said. The order is deterministic; the last quad is the
// document's dossier:complete marker.
func Quads(r *schema.Result) []quad.Quad {
	d := &r.Document
	doc := quad.IRI(schema.DocIRI(d.Hash))
	b := quadBuilder{label: doc}
	iri := func(s string) quad.IRI { return quad.IRI(s) }
	part := func(local string) quad.IRI { return iri(schema.PartIRI(d.Hash, local)) }
	sent := func(i int) quad.IRI { return part(fmt.Sprintf("s%d", i)) }
	ent := func(id string) quad.IRI { return iri(schema.EntityIRI(id)) }

	b.add(doc, schema.PredType, iri(schema.ClassArticle))
	b.add(doc, schema.PredHash, quad.String(d.Hash))
	b.add(doc, schema.PredIdentifier, quad.String(d.ID))
	b.str(doc, schema.PredHeadline, d.Title)
	b.str(doc, schema.PredDatePublished, string(d.Date))
	b.str(doc, schema.PredPublisher, d.Source)
	b.str(doc, schema.PredURL, d.URL)
	b.str(doc, schema.PredPath, d.Path)
	for _, t := range d.Tags {
		b.str(doc, schema.PredKeywords, t)
	}

	// Only sentences that carry evidence or mentions are stored.
	used := make(map[int]bool)
	for _, e := range r.Entities {
		for _, m := range e.Mentions {
			used[m.Sentence] = true
		}
	}
	for _, c := range r.Claims {
		used[c.Sentence] = true
	}
	for _, rel := range r.Relations {
		used[rel.Sentence] = true
	}
	for i, s := range r.Sentences {
		if !used[i] {
			continue
		}
		n := sent(i)
		b.add(n, schema.PredType, iri(schema.ClassSentence))
		b.add(n, schema.PredInDocument, doc)
		b.add(n, schema.PredIndex, quad.Int(i))
		b.add(n, schema.PredText, quad.String(s.Text))
		b.add(n, schema.PredStart, quad.Int(s.Start))
		b.add(n, schema.PredEnd, quad.Int(s.End))
	}

	mi := 0
	for _, e := range r.Entities {
		n := ent(e.ID)
		b.add(n, schema.PredType, iri(schema.ClassOf(e.Type)))
		b.add(n, schema.PredName, quad.String(e.Name))
		b.str(n, schema.PredKind, e.Kind)
		b.str(n, schema.PredKindReason, e.KindReason)
		b.add(n, schema.PredMentionedIn, doc)
		for _, a := range e.Aliases {
			b.add(n, schema.PredAlternateName, quad.String(a))
		}
		for _, m := range e.Merges {
			b.add(n, schema.PredMerge, quad.String(MergeText(m)))
		}
		for _, m := range e.Mentions {
			mi++
			mn := part(fmt.Sprintf("m%d", mi))
			b.add(mn, schema.PredMentionOf, n)
			b.add(mn, schema.PredSentence, sent(m.Sentence))
			b.add(mn, schema.PredText, quad.String(m.Text))
			b.add(mn, schema.PredStart, quad.Int(m.Start))
			b.add(mn, schema.PredEnd, quad.Int(m.End))
		}
	}

	for _, c := range r.Claims {
		n := part(c.ID)
		b.add(n, schema.PredType, iri(schema.ClassClaim))
		b.add(n, schema.PredInDocument, doc)
		b.add(n, schema.PredLocalID, quad.String(c.ID))
		b.add(n, schema.PredStance, quad.String(string(c.Stance)))
		b.add(n, schema.PredCue, quad.String(c.Cue.Text))
		b.add(n, schema.PredCueStart, quad.Int(c.Cue.Start))
		b.add(n, schema.PredCueEnd, quad.Int(c.Cue.End))
		b.add(n, schema.PredEvidence, sent(c.Sentence))
		if c.Claimant != "" {
			b.add(n, schema.PredClaimant, ent(string(c.Claimant)))
		}
		b.str(n, schema.PredClaimantText, c.ClaimantText)
		b.str(n, schema.PredSourceText, c.Source.Text)
		if !c.Content.IsZero() {
			b.add(n, schema.PredContent, quad.String(c.Content.Text))
			b.add(n, schema.PredContentStart, quad.Int(c.Content.Start))
			b.add(n, schema.PredContentEnd, quad.Int(c.Content.End))
		}
		for _, a := range c.About {
			b.add(n, schema.PredAbout, ent(a))
		}
		if c.Target != "" {
			b.add(n, schema.PredTarget, ent(string(c.Target)))
		}
		if c.Channel != "" {
			b.add(n, schema.PredChannel, ent(string(c.Channel)))
		}
		b.str(n, schema.PredChannelText, c.ChannelText)
		for _, id := range c.RespondsTo {
			b.add(n, schema.PredRespondsTo, part(id))
		}
		for _, l := range c.Links {
			b.add(n, schema.PredLinkWhy, quad.String(l.Literal()))
		}
		for _, h := range c.Hedges {
			b.add(n, schema.PredHedge, quad.String(h.Text))
		}
		date := c.Date
		if date == "" {
			date = d.Date
		}
		b.str(n, schema.PredDate, string(date))
	}

	for i, rel := range r.Relations {
		n := part(fmt.Sprintf("r%d", i+1))
		b.add(n, schema.PredType, iri(schema.ClassRelation))
		b.add(n, schema.PredInDocument, doc)
		b.add(n, schema.PredSubject, ent(rel.Subject))
		b.add(n, schema.PredPredicate, quad.String(rel.Predicate))
		b.add(n, schema.PredObject, ent(rel.Object))
		b.add(n, schema.PredEvidence, sent(rel.Sentence))
		b.add(n, schema.PredText, quad.String(rel.Evidence.Text))
		b.add(n, schema.PredStart, quad.Int(rel.Evidence.Start))
		b.add(n, schema.PredEnd, quad.Int(rel.Evidence.End))
		b.str(n, schema.PredDate, string(d.Date))
		b.add(ent(rel.Subject), schema.RelationPredicate(rel.Predicate), ent(rel.Object))
	}

	for _, q := range sameAsQuads(r, doc) {
		b.add(q.Subject, iriString(q.Predicate), q.Object)
	}
	b.add(doc, schema.PredComplete, quad.Bool(true))
	return b.quads
}

// MergeText renders a merge record as stored: alias, rule and evidence.
func MergeText(m schema.Merge) string {
	s := fmt.Sprintf("%s\t%s\t%s", m.Alias, m.Rule, strings.TrimSpace(m.Evidence.Text))
	if m.Confidence > 0 {
		s += "\t" + strconv.FormatFloat(m.Confidence, 'f', -1, 64)
	}
	return s
}

// ParseMergeText is the inverse of MergeText.
func ParseMergeText(s string) schema.Merge {
	parts := strings.Split(s, "\t")
	for len(parts) < 3 {
		parts = append(parts, "")
	}
	m := schema.Merge{Alias: parts[0], Rule: parts[1]}
	ev := parts[2:]
	if n := len(parts); n > 3 {
		// A confidence is the last field; the evidence may hold tabs.
		if c, err := strconv.ParseFloat(parts[n-1], 64); err == nil {
			m.Confidence, ev = c, parts[2:n-1]
		}
	}
	m.Evidence = schema.Span{Text: strings.Join(ev, "\t")}
	return m
}

type quadBuilder struct {
	label quad.Value
	quads []quad.Quad
	seen  map[tripleKey]bool
}

// tripleKey identifies a quad of one document. The values Quads makes
// (IRIs, strings, integers, booleans) are equal exactly when their string
// forms are, and comparing them saves formatting each one.
type tripleKey struct {
	s quad.Value
	p string
	o quad.Value
}

func (b *quadBuilder) add(s quad.Value, p string, o quad.Value) {
	if b.seen == nil {
		b.seen = make(map[tripleKey]bool, 256)
	}
	k := tripleKey{s, p, o}
	if b.seen[k] {
		return
	}
	b.seen[k] = true
	b.quads = append(b.quads, quad.Quad{Subject: s, Predicate: quad.IRI(p), Object: o, Label: b.label})
}

// str adds a string-valued quad unless v is empty.
func (b *quadBuilder) str(s quad.Value, p string, v string) {
	if v != "" {
		b.add(s, p, quad.String(v))
	}
}

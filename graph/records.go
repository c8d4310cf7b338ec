package graph

import (
	"fmt"
	"slices"
	"strings"

	"github.com/dossier-project/dossier/schema"
)

// DocRecords is what one document adds to a read index: the same
// extraction result as its quads, in the shape the questions read.
type DocRecords struct {
	Doc DocInfo
	// Entities holds one record per entity of the result, in its order.
	Entities []DocEntity
	// Claims are the claims as the Store returns them, entities by ID.
	Claims []ClaimInfo
	// Relations are the relations, entities by ID; the n-th (from 1) has
	// the IRI PartIRI(hash, "r<n>").
	Relations []RelationInfo
	// Ties are the acronym ties the document states: the acronym's ID,
	// and the entity ID it is tied to.
	Ties []Tie
}

// DocEntity is what one document says of one entity.
type DocEntity struct {
	ID, Name, Type, Kind string
	// KindReason is the evidence that decided Kind (schema.Entity).
	KindReason string
	// Aliases and Merges (as MergeText renders them) are each listed once.
	Aliases, Merges []string
	Mentions        []DocMention
}

// DocMention is one mention of an entity: its words, the number of its
// sentence, and the sentence's span when the result has it.
type DocMention struct {
	Span     schema.Span
	Sentence int
	Text     *schema.Span
}

// Tie is one acronym tie: From (the acronym's ID) is read as part of To.
type Tie struct{ From, To string }

// Records returns what a result adds to a read index.
func Records(r *schema.Result) *DocRecords {
	d := &r.Document
	h := d.Hash
	out := &DocRecords{Doc: DocInfoOf(d), Claims: indexClaims(r)}
	for _, e := range r.Entities {
		de := DocEntity{ID: e.ID, Name: e.Name, Type: e.Type, Kind: e.Kind, KindReason: e.KindReason, Aliases: distinct(e.Aliases)}
		for _, m := range e.Merges {
			de.Merges = append(de.Merges, MergeText(m))
		}
		de.Merges = distinct(de.Merges)
		for _, m := range e.Mentions {
			dm := DocMention{Span: schema.Span{Text: m.Text, Start: m.Start, End: m.End}, Sentence: m.Sentence}
			if m.Sentence >= 0 && m.Sentence < len(r.Sentences) {
				st := r.Sentences[m.Sentence]
				dm.Text = &schema.Span{Text: st.Text, Start: st.Start, End: st.End}
			}
			de.Mentions = append(de.Mentions, dm)
		}
		out.Entities = append(out.Entities, de)
	}
	for i, rel := range r.Relations {
		out.Relations = append(out.Relations, RelationInfo{IRI: schema.PartIRI(h, fmt.Sprintf("r%d", i+1)), Predicate: rel.Predicate,
			Subject: EntityRef{ID: rel.Subject}, Object: EntityRef{ID: rel.Object},
			Evidence: schema.Span{Text: rel.Evidence.Text, Start: rel.Evidence.Start, End: rel.Evidence.End},
			Document: out.Doc})
	}
	for _, q := range sameAsQuads(r, nil) {
		if !iriIs(q.Predicate, schema.PredSameAs) {
			continue
		}
		from, _ := schema.EntityIDOf(iriString(q.Subject))
		to, _ := schema.EntityIDOf(iriString(q.Object))
		out.Ties = append(out.Ties, Tie{From: from, To: to})
	}
	return out
}

// DocInfoOf is what the store keeps of a document.
func DocInfoOf(d *schema.Document) DocInfo {
	return DocInfo{Hash: d.Hash, ID: d.ID, Title: d.Title, Date: d.Date, Source: d.Source, URL: d.URL, Path: d.Path}
}

// indexClaims renders a result's claims as the store returns them, with
// entities by ID only.
func indexClaims(r *schema.Result) []ClaimInfo {
	d := &r.Document
	h := d.Hash
	ref := func(id schema.Ref) *EntityRef {
		if id == "" {
			return nil
		}
		return &EntityRef{ID: string(id)}
	}
	responders := make(map[string][]string)
	for _, c := range r.Claims {
		for _, id := range distinct(c.RespondsTo) {
			responders[id] = append(responders[id], string(c.Stance))
		}
	}
	out := make([]ClaimInfo, 0, len(r.Claims))
	for _, c := range r.Claims {
		ci := ClaimInfo{IRI: schema.PartIRI(h, c.ID), ID: c.ID, Claimant: ref(c.Claimant), ClaimantText: c.ClaimantText,
			Stance: string(c.Stance), Cue: schema.Span{Text: c.Cue.Text, Start: c.Cue.Start, End: c.Cue.End},
			Source: c.Source.Text, Target: ref(c.Target), Channel: ref(c.Channel), ChannelText: c.ChannelText,
			About: []EntityRef{}, Date: c.Date, Document: DocInfoOf(d)}
		if !c.Content.IsZero() {
			ci.Content = schema.Span{Text: c.Content.Text, Start: c.Content.Start, End: c.Content.End}
		}
		for _, a := range distinct(c.About) {
			ci.About = append(ci.About, EntityRef{ID: a})
		}
		for _, hd := range c.Hedges {
			ci.Hedges = append(ci.Hedges, hd.Text)
		}
		ci.Hedges = distinct(ci.Hedges)
		for _, id := range distinct(c.RespondsTo) {
			ci.RespondsTo = append(ci.RespondsTo, schema.PartIRI(h, id))
			if l, ok := schema.LinkTo(c.Links, id); ok {
				l.To = schema.PartIRI(h, id)
				ci.Links = append(ci.Links, l)
			}
		}
		slices.SortFunc(ci.Links, func(a, b schema.Link) int { return strings.Compare(a.To, b.To) })
		if ci.Date == "" {
			ci.Date = d.Date
		}
		if c.Sentence >= 0 && c.Sentence < len(r.Sentences) {
			s := r.Sentences[c.Sentence]
			ci.Evidence = schema.Span{Text: s.Text, Start: s.Start, End: s.End}
		}
		if IsAllegation(ci.Stance) {
			ci.Status = Status(responders[c.ID])
		}
		out = append(out, ci)
	}
	return out
}

// distinct returns the strings of ss in order without repeats or empty
// strings.
func distinct[S ~string](ss []S) []string {
	if len(ss) == 0 {
		return nil
	}
	seen := make(map[S]bool, len(ss))
	out := make([]string, 0, len(ss))
	for _, s := range ss {
		if s != "" && !seen[s] {
			seen[s] = true
			out = append(out, string(s))
		}
	}
	return out
}

package graph

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/dossier-project/dossier/schema"
)

// Reads answered by the read index (index.go). Each returns what the
// quad-reading method it stands for returns on the same store; a test
// compares the two.

// indexed reports whether reads go through the read index.
func (s *Store) indexed() bool { return s.idx != nil && !s.noIndex }

// sortEntities orders entities most mentioned first, then by name and ID.
func sortEntities(out []EntityInfo) {
	sortStable(out, func(a, b *EntityInfo) int {
		if c := cmp.Compare(b.Mentions, a.Mentions); c != 0 {
			return c
		}
		if c := cmp.Compare(a.Name, b.Name); c != 0 {
			return c
		}
		return cmp.Compare(a.ID, b.ID)
	})
}

func (s *Store) idxFind(ctx context.Context, name string) ([]EntityInfo, error) {
	var out []EntityInfo
	err := s.idx.view(ctx, s, func(t *idxTx) error {
		seen := make(map[string]bool)
		for _, id := range t.find(name) {
			c, err := s.canonicalID(ctx, id)
			if err != nil {
				return err
			}
			if seen[c] {
				continue
			}
			seen[c] = true
			e, err := t.entity(c)
			if err != nil {
				return err
			}
			out = append(out, e)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("entity %q: %w", name, ErrNotFound)
	}
	sortEntities(out)
	return out, nil
}

// idxEntityIDs lists the IDs of the entities (not tied to another), of one
// type or all.
func (s *Store) idxEntityIDs(ctx context.Context, t *idxTx, typ string) ([]string, error) {
	var out []string
	last := ""
	err := scanAll(bucket(t.tx, bktEnt), func(k, _ []byte) error {
		id := keyPart(k, 0)
		if id == last {
			return nil
		}
		last = id
		if c, err := s.canonicalID(ctx, id); err != nil {
			return err
		} else if c != id {
			return nil
		}
		if typ != "" {
			r, err := t.ref(id)
			if err != nil {
				return err
			}
			if r.Type != typ {
				return nil
			}
		}
		out = append(out, id)
		return nil
	})
	return out, err
}

func (s *Store) idxEntities(ctx context.Context, typ string) ([]EntityInfo, error) {
	var out []EntityInfo
	err := s.idx.view(ctx, s, func(t *idxTx) error {
		ids, err := s.idxEntityIDs(ctx, t, typ)
		if err != nil {
			return err
		}
		out = make([]EntityInfo, 0, len(ids))
		for _, id := range ids {
			e, err := t.entity(id)
			if err != nil {
				return err
			}
			out = append(out, e)
		}
		return nil
	})
	sortEntities(out)
	return out, err
}

func (s *Store) idxStats(ctx context.Context) (Stats, error) {
	var st Stats
	_, tied, err := s.loadTies(ctx)
	if err != nil {
		return st, err
	}
	err = s.idx.view(ctx, s, func(t *idxTx) error {
		st.Documents = count(t.tx, keyDocs)
		st.Claims = count(t.tx, keyClaims)
		st.Relations = count(t.tx, keyRelations)
		// An ID tied to another entity is part of it, not one more.
		st.Entities = count(t.tx, keyEntities)
		entn := bucket(t.tx, bktEntN)
		for _, vs := range tied {
			for _, v := range vs {
				if id, ok := schema.EntityIDOf(iriString(v)); ok && entn.Get([]byte(id)) != nil {
					st.Entities--
				}
			}
		}
		return nil
	})
	if err != nil {
		return st, err
	}
	st.Quads, err = s.quadCount(ctx)
	return st, err
}

func (s *Store) idxClaims(ctx context.Context, f ClaimFilter) ([]ClaimInfo, error) {
	var out []ClaimInfo
	err := s.idx.view(ctx, s, func(t *idxTx) error {
		n := 0
		seen := make(map[string]bool)
		add := func(k, v []byte) error {
			if n++; n%256 == 0 {
				if err := ctx.Err(); err != nil {
					return err
				}
			}
			c, err := decodeClaim(v)
			if err != nil {
				return fmt.Errorf("index: claim: %w", err)
			}
			// Names are looked up only for claims that pass the rest.
			if seen[c.IRI] || !f.matchFields(&c) {
				return nil
			}
			if err := t.fillNames(&c); err != nil {
				return err
			}
			if f.match(&c) {
				seen[c.IRI] = true
				out = append(out, c)
			}
			return nil
		}
		if f.By == "" && f.About == "" {
			return scanAll(bucket(t.tx, bktClaim), add)
		}
		b, id := bktBy, f.By
		if f.By == "" {
			b, id = bktAbout, f.About
		}
		tied, err := s.tiedIDs(ctx, id)
		if err != nil {
			return err
		}
		for _, x := range append([]string{id}, tied...) {
			if err := scan(bucket(t.tx, b), x, add); err != nil {
				return err
			}
		}
		return nil
	})
	sortClaims(out)
	return out, err
}

func (s *Store) idxRelations(ctx context.Context, id string) ([]RelationInfo, error) {
	var out []RelationInfo
	err := s.idx.view(ctx, s, func(t *idxTx) error {
		seen := make(map[string]bool)
		add := func(_, v []byte) error {
			r, err := t.relation(v)
			if err != nil {
				return err
			}
			if !seen[r.IRI] {
				seen[r.IRI] = true
				out = append(out, r)
			}
			return nil
		}
		if id == "" {
			return scanAll(bucket(t.tx, bktRel), add)
		}
		tied, err := s.tiedIDs(ctx, id)
		if err != nil {
			return err
		}
		for _, x := range append([]string{id}, tied...) {
			if err := scan(bucket(t.tx, bktRel), x, add); err != nil {
				return err
			}
		}
		return nil
	})
	sortRelations(out)
	return out, err
}

// sortRelations orders relations by document, place in text and IRI.
func sortRelations(out []RelationInfo) {
	sortStable(out, func(a, b *RelationInfo) int {
		if c := cmp.Compare(a.Document.Hash, b.Document.Hash); c != 0 {
			return c
		}
		if c := cmp.Compare(a.Evidence.Start, b.Evidence.Start); c != 0 {
			return c
		}
		return cmp.Compare(a.IRI, b.IRI)
	})
}

func (s *Store) idxDocuments(ctx context.Context, id string) ([]DocInfo, error) {
	out := []DocInfo{}
	err := s.idx.view(ctx, s, func(t *idxTx) error {
		if id == "" {
			return scanAll(bucket(t.tx, bktDoc), func(_, v []byte) error {
				d, err := decodeDoc(v)
				if err != nil {
					return fmt.Errorf("index: document: %w", err)
				}
				out = append(out, d)
				return nil
			})
		}
		tied, err := s.tiedIDs(ctx, id)
		if err != nil {
			return err
		}
		seen := make(map[string]bool)
		for _, x := range append([]string{id}, tied...) {
			recs, err := t.records(x)
			if err != nil {
				return err
			}
			for _, r := range recs {
				if !seen[r.Doc.Hash] {
					seen[r.Doc.Hash] = true
					out = append(out, r.Doc)
				}
			}
		}
		return nil
	})
	sortDocs(out)
	return out, err
}

// sortDocs orders documents oldest first, then by hash.
func sortDocs(out []DocInfo) {
	sortStable(out, func(a, b *DocInfo) int {
		if c := cmp.Compare(a.Date, b.Date); c != 0 {
			return c
		}
		return cmp.Compare(a.Hash, b.Hash)
	})
}

// idxRespondents reads the claims of an allegation's document that answer
// it (responds-to links never leave a document).
func (s *Store) idxRespondents(ctx context.Context, iri string) ([]ClaimInfo, error) {
	hash, _, ok := strings.Cut(strings.TrimPrefix(iri, schema.NSID+"doc/"), "/")
	if !ok {
		return nil, nil
	}
	var out []ClaimInfo
	err := s.idx.view(ctx, s, func(t *idxTx) error {
		return scan(bucket(t.tx, bktClaim), hash, func(_, v []byte) error {
			c, err := t.claim(v)
			if err == nil && slices.Contains(c.RespondsTo, iri) {
				out = append(out, c)
			}
			return err
		})
	})
	sortClaims(out)
	return out, err
}

// idxMentions is Mentions through the read index.
func (s *Store) idxMentions(ctx context.Context, id string) ([]MentionDoc, error) {
	var out []MentionDoc
	err := s.idx.view(ctx, s, func(t *idxTx) error {
		if !t.exists(id) {
			return fmt.Errorf("entity %q: %w", id, ErrNotFound)
		}
		byDoc := make(map[string]int) // hash -> index in out
		ents := bucket(t.tx, bktEnt)
		sents := bucket(t.tx, bktSent)
		return scan(bucket(t.tx, bktMent), id, func(k, v []byte) error {
			e, err := decodeEnt(ents.Get(k))
			if err != nil {
				return fmt.Errorf("index: entity %s: %w", id, err)
			}
			h := e.Doc.Hash
			d := newDecoder(v)
			n := d.int()
			for i := 0; i < n && d.err == nil; i++ {
				si, m := d.int(), d.span()
				sv := sents.Get(sentKey(h, si))
				if sv == nil {
					continue // as in the quads: a mention without its sentence is left out
				}
				// A document is listed only for a mention: an entity a
				// demonym made has a record but no mention.
				di, ok := byDoc[h]
				if !ok {
					di = len(out)
					byDoc[h] = di
					out = append(out, MentionDoc{Document: e.Doc})
				}
				md := &out[di]
				j := slices.IndexFunc(md.Sentences, func(x MentionSentence) bool { return x.Index == si })
				if j < 0 {
					sd := newDecoder(sv)
					span := sd.span()
					if sd.err != nil {
						return fmt.Errorf("index: sentence %d of %s: %w", si, h, sd.err)
					}
					md.Sentences = append(md.Sentences, MentionSentence{Index: si, Sentence: span})
					j = len(md.Sentences) - 1
				}
				md.Sentences[j].Mentions = append(md.Sentences[j].Mentions, m)
			}
			if d.err != nil {
				return fmt.Errorf("index: mentions of %s: %w", id, d.err)
			}
			return nil
		})
	})
	if err != nil {
		return nil, err
	}
	for i := range out {
		for j := range out[i].Sentences {
			ms := out[i].Sentences[j].Mentions
			slices.SortStableFunc(ms, func(a, b schema.Span) int { return cmp.Compare(a.Start, b.Start) })
		}
		slices.SortStableFunc(out[i].Sentences, func(a, b MentionSentence) int { return cmp.Compare(a.Sentence.Start, b.Sentence.Start) })
	}
	sortStable(out, func(a, b *MentionDoc) int {
		if c := cmp.Compare(a.Document.Date, b.Document.Date); c != 0 {
			return c
		}
		return cmp.Compare(a.Document.Hash, b.Document.Hash)
	})
	return out, nil
}

// idxEachEntity is EachEntity through the read index, in ID order.
func (s *Store) idxEachEntity(ctx context.Context, typ string, fn func(EntityInfo) error) error {
	return s.idx.view(ctx, s, func(t *idxTx) error {
		ids, err := s.idxEntityIDs(ctx, t, typ)
		if err != nil {
			return err
		}
		for _, id := range ids {
			e, err := t.entity(id)
			if err != nil {
				return err
			}
			if err := fn(e); err != nil {
				return err
			}
		}
		return nil
	})
}

// idxEachClaim is EachClaim through the read index, in document hash and
// claim ID order.
func (s *Store) idxEachClaim(ctx context.Context, f ClaimFilter, fn func(ClaimInfo) error) error {
	return s.idx.view(ctx, s, func(t *idxTx) error {
		return scanAll(bucket(t.tx, bktClaim), func(_, v []byte) error {
			c, err := decodeClaim(v)
			if err != nil {
				return fmt.Errorf("index: claim: %w", err)
			}
			if !f.matchFields(&c) {
				return nil
			}
			if err := t.fillNames(&c); err != nil {
				return err
			}
			if !f.match(&c) {
				return nil
			}
			return fn(c)
		})
	})
}

// idxEachRelation is EachRelation through the read index: each relation
// once, though it is listed under its subject and its object.
func (s *Store) idxEachRelation(ctx context.Context, fn func(RelationInfo) error) error {
	return s.idx.view(ctx, s, func(t *idxTx) error {
		seen := make(map[string]bool)
		return scanAll(bucket(t.tx, bktRel), func(_, v []byte) error {
			r, err := t.relation(v)
			if err != nil || seen[r.IRI] {
				return err
			}
			seen[r.IRI] = true
			return fn(r)
		})
	})
}

package graph

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"strings"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/dossier-project/dossier/schema"
)

// ErrAmbiguous means a reference matches more than one document.
var ErrAmbiguous = errors.New("matches more than one document")

var (
	fullHash  = regexp.MustCompile(`^[0-9a-f]{64}$`)
	hexPrefix = regexp.MustCompile(`^[0-9a-f]{6,}$`)
)

// document returns the stored document that ref names: its ID, the path
// it was read from, its content hash, or a prefix of the hash of at least
// 6 characters. The caller holds the store's lock.
func (s *Store) document(ctx context.Context, ref string) (DocInfo, error) {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return DocInfo{}, fmt.Errorf("document: empty reference")
	}
	if s.indexed() {
		return s.idxDocument(ctx, ref)
	}
	docs := make(map[string]DocInfo)
	var hits []quad.Value
	if fullHash.MatchString(ref) {
		hits = append(hits, quad.IRI(schema.DocIRI(ref)))
	}
	for _, p := range []string{schema.PredIdentifier, schema.PredPath} {
		vs, err := s.subjects(ctx, p, quad.String(ref))
		if err != nil {
			return DocInfo{}, err
		}
		hits = appendNew(hits, vs)
	}
	if len(hits) == 0 && hexPrefix.MatchString(ref) {
		all, err := s.subjects(ctx, schema.PredType, quad.IRI(schema.ClassArticle))
		if err != nil {
			return DocInfo{}, err
		}
		for _, v := range all {
			if strings.HasPrefix(iriString(v), schema.DocIRI(ref)) {
				hits = append(hits, v)
			}
		}
	}
	var out []DocInfo
	for _, v := range hits {
		d, err := s.doc(ctx, v, docs)
		if err != nil {
			return DocInfo{}, err
		}
		if d.Hash != "" {
			out = append(out, d)
		}
	}
	return oneDocument(ref, out)
}

// idxDocument is document through the read index: one pass over the
// stored documents.
func (s *Store) idxDocument(ctx context.Context, ref string) (DocInfo, error) {
	var exact, prefixed []DocInfo
	err := s.view(ctx, func(t *ixRead) error {
		exact, prefixed = nil, nil
		return t.v.Documents(func(d DocInfo) error {
			switch {
			case (fullHash.MatchString(ref) && d.Hash == ref) || d.ID == ref || d.Path == ref:
				exact = append(exact, d)
			case hexPrefix.MatchString(ref) && strings.HasPrefix(d.Hash, ref):
				prefixed = append(prefixed, d)
			}
			return nil
		})
	})
	if err != nil {
		return DocInfo{}, err
	}
	if len(exact) == 0 {
		exact = prefixed
	}
	return oneDocument(ref, exact)
}

// oneDocument returns the one document ref matched.
func oneDocument(ref string, out []DocInfo) (DocInfo, error) {
	switch len(out) {
	case 0:
		return DocInfo{}, fmt.Errorf("document %q: %w", ref, ErrNotFound)
	case 1:
		return out[0], nil
	}
	return DocInfo{}, fmt.Errorf("document %q: %w (%d)", ref, ErrAmbiguous, len(out))
}

// Forget removes one document: every quad it stated (each is labelled
// with it) and its read-index entries. An entity that only this document
// mentioned goes with it; one that other documents mention keeps what they
// said. It returns the document removed.
func (s *Store) Forget(ctx context.Context, ref string) (DocInfo, error) {
	s.h.Lock()
	defer s.h.Unlock()
	defer s.ties.reset()
	if bl, ok := s.b.(BulkLoader); ok {
		if _, bulk := bl.Bulk(); bulk {
			return DocInfo{}, fmt.Errorf("store %s: forget %s: %w", s, ref, ErrBulk)
		}
	}
	d, err := s.document(ctx, ref)
	if err != nil {
		return d, err
	}
	if err := s.b.Forget(ctx, d.Hash); err != nil {
		return d, fmt.Errorf("store %s: forget %s: %w", s, d.ID, err)
	}
	return d, nil
}

// DocQuads returns the quads of qs labelled with a document, found from
// the nodes it wrote rather than by a scan of every label: the document
// node, its sentences, claims and relations, the mentions in its
// sentences, the entities it mentions (and those its relations name), and
// the nodes its acronym ties start from.
func DocQuads(ctx context.Context, qs cgraph.QuadStore, hash string) ([]quad.Quad, error) {
	doc := quad.IRI(schema.DocIRI(hash))
	nodes := []quad.Value{doc, quad.IRI(schema.TiesIRI)}
	parts, err := subjects(ctx, qs, schema.PredInDocument, doc)
	if err != nil {
		return nil, err
	}
	nodes = appendNew(nodes, parts)
	for _, p := range parts {
		ms, err := subjects(ctx, qs, schema.PredSentence, p)
		if err != nil {
			return nil, err
		}
		nodes = appendNew(nodes, ms)
		subj, err := objects(ctx, qs, p, schema.PredSubject)
		if err != nil {
			return nil, err
		}
		nodes = appendNew(nodes, subj)
	}
	ents, err := subjects(ctx, qs, schema.PredMentionedIn, doc)
	if err != nil {
		return nil, err
	}
	nodes = appendNew(nodes, ents)
	var out []quad.Quad
	for i := 0; i < len(nodes); i++ { // ties add nodes as they are found
		n := nodes[i]
		err := each(ctx, qs, quad.Subject, n, func(q quad.Quad) error {
			if q.Label == nil || q.Label.String() != doc.String() {
				return nil
			}
			out = append(out, q)
			if iriIs(q.Predicate, schema.PredTie) {
				// The tied node's sameAs quad is this document's too.
				nodes = appendNew(nodes, []quad.Value{q.Object})
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

package graph

import (
	"context"

	"github.com/cayleygraph/quad"

	"github.com/dossier-project/dossier/schema"
)

// EachEntity calls fn for every stored entity (optionally of one type), one
// at a time, without collecting them: exports of large graphs stream.
func (s *Store) EachEntity(ctx context.Context, typ string, fn func(EntityInfo) error) error {
	s.h.RLock()
	defer s.h.RUnlock()
	if s.indexed() {
		return s.idxEachEntity(ctx, typ, fn)
	}
	iris, err := s.entityIRIs(ctx, typ)
	if err != nil {
		return err
	}
	for _, v := range iris {
		e, err := s.entity(ctx, v)
		if err != nil {
			return err
		}
		if err := fn(e); err != nil {
			return err
		}
	}
	return nil
}

// EachClaim calls fn for every stored claim that matches f, one at a time.
func (s *Store) EachClaim(ctx context.Context, f ClaimFilter, fn func(ClaimInfo) error) error {
	s.h.RLock()
	defer s.h.RUnlock()
	if s.indexed() {
		return s.idxEachClaim(ctx, f, fn)
	}
	iris, err := s.subjects(ctx, schema.PredType, quad.IRI(schema.ClassClaim))
	if err != nil {
		return err
	}
	names := make(map[string]string)
	docs := make(map[string]DocInfo)
	for _, v := range iris {
		c, err := s.claim(ctx, v, names, docs)
		if err != nil {
			return err
		}
		if !f.match(&c) {
			continue
		}
		if err := fn(c); err != nil {
			return err
		}
	}
	return nil
}

// EachQuad calls fn for every quad in the store, in store order.
func (s *Store) EachQuad(ctx context.Context, fn func(quad.Quad) error) error {
	s.h.RLock()
	defer s.h.RUnlock()
	if l, ok := s.b.(QuadLister); ok {
		return l.EachQuad(ctx, fn)
	}
	qs := s.QuadStore()
	return iterate(ctx, qs, qs.QuadsAllIterator(), fn)
}

// EachRelation calls fn for every stored relation, one at a time.
func (s *Store) EachRelation(ctx context.Context, fn func(RelationInfo) error) error {
	s.h.RLock()
	defer s.h.RUnlock()
	if s.indexed() {
		return s.idxEachRelation(ctx, fn)
	}
	iris, err := s.subjects(ctx, schema.PredType, quad.IRI(schema.ClassRelation))
	if err != nil {
		return err
	}
	names := make(map[string]string)
	docs := make(map[string]DocInfo)
	for _, v := range iris {
		r, err := s.relation(ctx, v, names, docs)
		if err != nil {
			return err
		}
		if err := fn(r); err != nil {
			return err
		}
	}
	return nil
}

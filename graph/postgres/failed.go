package postgres

import (
	"context"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/iterator"
	"github.com/cayleygraph/cayley/graph/refs"
	"github.com/cayleygraph/quad"
)

// failedQuads stands for Cayley's quad store when it could not be opened:
// every call reports why, and every iterator yields that error.
type failedQuads struct{ err error }

func (f failedQuads) ValueOf(quad.Value) (cgraph.Ref, error)              { return nil, f.err }
func (f failedQuads) NameOf(cgraph.Ref) (quad.Value, error)               { return nil, f.err }
func (f failedQuads) Quad(cgraph.Ref) (quad.Quad, error)                  { return quad.Quad{}, f.err }
func (f failedQuads) ApplyDeltas([]cgraph.Delta, cgraph.IgnoreOpts) error { return f.err }
func (f failedQuads) NewQuadWriter() (quad.WriteCloser, error)            { return nil, f.err }
func (f failedQuads) NodesAllIterator() iterator.Shape                    { return iterator.NewError(f.err) }
func (f failedQuads) QuadsAllIterator() iterator.Shape                    { return iterator.NewError(f.err) }
func (f failedQuads) Close() error                                        { return nil }
func (f failedQuads) QuadIterator(quad.Direction, cgraph.Ref) iterator.Shape {
	return iterator.NewError(f.err)
}
func (f failedQuads) QuadIteratorSize(context.Context, quad.Direction, cgraph.Ref) (refs.Size, error) {
	return refs.Size{}, f.err
}
func (f failedQuads) QuadDirection(cgraph.Ref, quad.Direction) (cgraph.Ref, error) { return nil, f.err }
func (f failedQuads) Stats(context.Context, bool) (cgraph.Stats, error)            { return cgraph.Stats{}, f.err }

var _ cgraph.QuadStore = failedQuads{}

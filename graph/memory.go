package graph

import (
	"context"
	"fmt"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/memstore"
	"github.com/cayleygraph/quad"

	"github.com/dossier-project/dossier/schema"
)

// memory is the built-in backend: Cayley's memory store, written through
// Cayley, with no read index. It is the reference the other backends are
// compared with, and gone when the process ends.
type memory struct {
	h  *Host
	qs cgraph.QuadStore
}

func newMemory(h *Host) *memory { return &memory{h: h, qs: memstore.New()} }

func (m *memory) String() string              { return "memory" }
func (m *memory) QuadStore() cgraph.QuadStore { return m.qs }
func (m *memory) Index() Index                { return nil }
func (m *memory) Close() error                { return m.qs.Close() }
func (m *memory) QuadCount(ctx context.Context) (int64, error) {
	return QuadCount(ctx, m.qs)
}

func (m *memory) Has(ctx context.Context, hash string) (bool, error) {
	return HasQuads(ctx, m.qs, hash)
}

// WriteBatch writes through Cayley's ApplyDeltas, one transaction per
// batch, holding the store's write lock: the memory store does not
// isolate a writer from readers.
func (m *memory) WriteBatch(ctx context.Context, rs []*schema.Result) (int, error) {
	m.h.Lock()
	defer m.h.Unlock()
	deltas, fresh, err := NewDeltas(ctx, rs, m.Has)
	if err != nil {
		return 0, fmt.Errorf("store memory: write: %w", err)
	}
	if len(fresh) == 0 {
		return 0, nil
	}
	if err := m.qs.ApplyDeltas(deltas, cgraph.IgnoreOpts{IgnoreDup: true}); err != nil {
		return 0, fmt.Errorf("store memory: write: %w", err)
	}
	return len(fresh), nil
}

func (m *memory) Forget(ctx context.Context, hash string) error {
	quads, err := DocQuads(ctx, m.qs, hash)
	if err != nil {
		return err
	}
	return m.qs.ApplyDeltas(DeleteDeltas(quads), cgraph.IgnoreOpts{IgnoreMissing: true})
}

// NewDeltas returns the deltas that add the quads of those of rs that has
// does not report stored, and those results.
func NewDeltas(ctx context.Context, rs []*schema.Result, has func(context.Context, string) (bool, error)) ([]cgraph.Delta, []*schema.Result, error) {
	var deltas []cgraph.Delta
	var fresh []*schema.Result
	for _, r := range rs {
		ok, err := has(ctx, r.Document.Hash)
		if err != nil {
			return nil, nil, err
		}
		if ok {
			continue
		}
		for _, q := range Quads(r) {
			deltas = append(deltas, cgraph.Delta{Quad: q, Action: cgraph.Add})
		}
		fresh = append(fresh, r)
	}
	return deltas, fresh, nil
}

// DeleteDeltas returns the deltas that delete quads.
func DeleteDeltas(quads []quad.Quad) []cgraph.Delta {
	deltas := make([]cgraph.Delta, len(quads))
	for i, q := range quads {
		deltas[i] = cgraph.Delta{Quad: q, Action: cgraph.Delete}
	}
	return deltas
}

// QuadCount returns the number of quads in a Cayley quad store as its
// statistics give it: 0 for a key-value store nothing was written to yet,
// whose statistics fail until then.
func QuadCount(ctx context.Context, qs cgraph.QuadStore) (int64, error) {
	st, err := qs.Stats(ctx, false)
	if notFound(err) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("count quads: %w", err)
	}
	return st.Quads.Value, nil
}

package graph

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"time"

	"github.com/cayleygraph/cayley/query"
	_ "github.com/cayleygraph/cayley/query/gizmo"   // registers Gizmo
	_ "github.com/cayleygraph/cayley/query/graphql" // registers GraphQL
	_ "github.com/cayleygraph/cayley/query/mql"     // registers MQL
)

// Languages lists the query languages Query accepts.
func Languages() []string {
	ls := query.Languages()
	sort.Strings(ls)
	return ls
}

// QueryOptions bound a query.
type QueryOptions struct {
	// Limit is the most results returned; 0 means 1000.
	Limit int
	// Timeout stops a query that runs longer; 0 means 30 seconds.
	Timeout time.Duration
}

// ErrTimeout means a query ran past its timeout and was stopped.
var ErrTimeout = errors.New("query timed out")

// Query runs a query in one of Cayley's languages (gizmo, graphql, mql)
// and returns its results as JSON-ready values. It is read-only: the query
// languages cannot write, and the store's lock excludes writers while the
// query runs.
func (s *Store) Query(ctx context.Context, lang, q string, opt QueryOptions) ([]any, error) {
	if query.GetLanguage(lang) == nil {
		return nil, fmt.Errorf("unknown query language %q (known: %v)", lang, Languages())
	}
	if opt.Limit <= 0 {
		opt.Limit = 1000
	}
	if opt.Timeout <= 0 {
		opt.Timeout = 30 * time.Second
	}
	ctx, cancel := context.WithTimeout(ctx, opt.Timeout)
	defer cancel()
	s.h.RLock()
	defer s.h.RUnlock()
	it, err := query.Execute(ctx, s.QuadStore(), lang, q, query.Options{Limit: opt.Limit, Collation: query.JSON})
	if err != nil {
		return nil, fmt.Errorf("%s query: %w", lang, err)
	}
	defer it.Close()
	out := []any{}
	for len(out) < opt.Limit && it.Next(ctx) {
		if r := it.Result(); r != nil {
			out = append(out, r)
		}
	}
	if errors.Is(ctx.Err(), context.DeadlineExceeded) {
		s.h.abandoned.Store(true)
		return out, fmt.Errorf("%s query: %w after %v", lang, ErrTimeout, opt.Timeout)
	}
	if err := it.Err(); err != nil {
		return out, fmt.Errorf("%s query: %w", lang, err)
	}
	return out, nil
}

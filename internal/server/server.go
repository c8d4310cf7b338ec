// Package server serves a dossier store over HTTP: a read-only JSON API
// (entities, neighbourhoods, claims, the allegations ledger, timelines,
// paths, documents and Cayley's query languages) and a browser view that
// draws an entity's neighbourhood as SVG laid out in Go, with the evidence
// for every edge one click away.
//
// The handler has no write endpoint. Every request runs under a timeout
// and every answer is bounded in size; request bodies are bounded; static
// files come from an embedded file system and cannot escape it; CORS
// headers are sent only for a configured origin; and requests whose Host
// is not one of the configured names are refused, so that a web page
// cannot reach a loopback server through DNS rebinding.
package server

import (
	"context"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/dossier-project/dossier/graph"
	"github.com/dossier-project/dossier/schema"
)

//go:embed static
var staticFiles embed.FS

// Options configure a Server. The zero value is usable: every field has a
// default.
type Options struct {
	// Timeout bounds each API request; 0 means 10 seconds.
	Timeout time.Duration
	// QueryTimeout bounds a Gizmo, GraphQL or MQL query; 0 means 5 seconds.
	QueryTimeout time.Duration
	// QueryLimit is the most results a query returns; 0 means 1000.
	QueryLimit int
	// MaxBody is the largest request body accepted, in bytes; 0 means
	// 64 KiB.
	MaxBody int64
	// CORSOrigin, when set, is the one origin allowed to call the API
	// from another site; otherwise no CORS header is sent.
	CORSOrigin string
	// Hosts, when set, are the host names (without port) the server
	// answers to; a request for any other Host gets 421. Use it on a
	// loopback server: "localhost", "127.0.0.1", "::1".
	Hosts []string
}

// Limits on the size of answers.
const (
	defaultLimit  = 50   // neighbours shown when no limit is given
	maxClaims     = 5000 // claims in one answer
	maxSearch     = 100  // entities in one search answer
	maxTimeline   = 1000 // events in one timeline
	viewMaxNodes  = 150  // nodes drawn in one picture
	searchRefresh = 15 * time.Second
)

// Server is the HTTP handler over one store. It is safe for concurrent
// use.
type Server struct {
	st    *graph.Store
	opt   Options
	mux   *http.ServeMux
	hosts map[string]bool

	mu       sync.Mutex
	index    []graph.EntityInfo // for search, refreshed every searchRefresh
	indexAt  time.Time
	indexErr error
}

// New returns a Server over st. opt may be nil.
func New(st *graph.Store, opt *Options) *Server {
	s := &Server{st: st, mux: http.NewServeMux()}
	if opt != nil {
		s.opt = *opt
	}
	if s.opt.Timeout <= 0 {
		s.opt.Timeout = 10 * time.Second
	}
	if s.opt.QueryTimeout <= 0 {
		s.opt.QueryTimeout = 5 * time.Second
	}
	if s.opt.QueryLimit <= 0 {
		s.opt.QueryLimit = 1000
	}
	if s.opt.MaxBody <= 0 {
		s.opt.MaxBody = 64 << 10
	}
	if len(s.opt.Hosts) > 0 {
		s.hosts = make(map[string]bool)
		for _, h := range s.opt.Hosts {
			s.hosts[strings.ToLower(strings.Trim(h, "[]"))] = true
		}
	}
	static, err := fs.Sub(staticFiles, "static")
	if err != nil {
		panic(err) // the embedded folder is part of the binary
	}
	files := http.FileServerFS(static)
	s.mux.Handle("GET /static/", http.StripPrefix("/static/", files))
	s.mux.HandleFunc("GET /{$}", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Security-Policy",
			"default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'")
		http.ServeFileFS(w, r, static, "index.html")
	})
	api := func(pattern string, h func(context.Context, *http.Request) (any, error)) {
		s.mux.HandleFunc(pattern, s.jsonHandler(h))
	}
	api("GET /api/stats", s.stats)
	api("GET /api/search", s.search)
	api("GET /api/entity", s.entity)
	api("GET /api/neighbours", s.neighbours)
	api("GET /api/edges", s.edges)
	api("GET /api/claims", s.claims)
	api("GET /api/allegations", s.allegations)
	api("GET /api/timeline", s.timeline)
	api("GET /api/path", s.path)
	api("GET /api/documents", s.documents)
	api("GET /api/mentions", s.mentions)
	api("GET /api/query", s.query)
	api("POST /api/query", s.query)
	s.mux.HandleFunc("GET /view/graph.svg", s.graphSVG)
	s.mux.HandleFunc("/api/", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, http.StatusNotFound, fmt.Errorf("no API endpoint %s %s", r.Method, r.URL.Path))
	})
	return s
}

// ServeHTTP applies the host check, the security headers and CORS, then
// routes the request.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if s.hosts != nil {
		host := r.Host
		if h, _, err := net.SplitHostPort(host); err == nil {
			host = h
		}
		if !s.hosts[strings.ToLower(strings.Trim(host, "[]"))] {
			writeError(w, http.StatusMisdirectedRequest, fmt.Errorf("host %q is not served here", r.Host))
			return
		}
	}
	h := w.Header()
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Referrer-Policy", "no-referrer")
	if o := r.Header.Get("Origin"); o != "" && s.opt.CORSOrigin != "" && o == s.opt.CORSOrigin {
		h.Set("Access-Control-Allow-Origin", o)
		h.Add("Vary", "Origin")
		if r.Method == http.MethodOptions {
			h.Set("Access-Control-Allow-Methods", "GET, POST")
			h.Set("Access-Control-Allow-Headers", "Content-Type")
			h.Set("Access-Control-Max-Age", "600")
			w.WriteHeader(http.StatusNoContent)
			return
		}
	}
	if r.Body != nil {
		r.Body = http.MaxBytesReader(w, r.Body, s.opt.MaxBody)
	}
	s.mux.ServeHTTP(w, r)
}

// apiError is an error with the HTTP status it should get.
type apiError struct {
	status int
	err    error
}

func (e *apiError) Error() string { return e.err.Error() }
func (e *apiError) Unwrap() error { return e.err }

// badRequest is a 400 error.
func badRequest(format string, args ...any) error {
	return &apiError{http.StatusBadRequest, fmt.Errorf(format, args...)}
}

// statusOf maps an error to its HTTP status.
func statusOf(err error) int {
	var ae *apiError
	var mbe *http.MaxBytesError
	switch {
	case errors.As(err, &ae):
		return ae.status
	case errors.As(err, &mbe):
		return http.StatusRequestEntityTooLarge
	case errors.Is(err, graph.ErrNotFound):
		return http.StatusNotFound
	case errors.Is(err, graph.ErrInvalid):
		return http.StatusBadRequest
	case errors.Is(err, graph.ErrTimeout), errors.Is(err, context.DeadlineExceeded):
		return http.StatusGatewayTimeout
	}
	return http.StatusInternalServerError
}

// errorBody is the JSON every error response carries.
type errorBody struct {
	Error  string `json:"error"`
	Status int    `json:"status"`
}

func writeError(w http.ResponseWriter, status int, err error) {
	writeJSON(w, status, errorBody{Error: err.Error(), Status: status})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(true)
	enc.Encode(v)
}

// jsonHandler runs h under the request timeout and writes its answer or
// its error as JSON.
func (s *Server) jsonHandler(h func(context.Context, *http.Request) (any, error)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), s.opt.Timeout)
		defer cancel()
		v, err := h(ctx, r)
		if err != nil {
			if errors.Is(err, context.DeadlineExceeded) && !errors.Is(err, graph.ErrTimeout) {
				err = fmt.Errorf("request timed out after %v: %w", s.opt.Timeout, err)
			}
			writeError(w, statusOf(err), err)
			return
		}
		writeJSON(w, http.StatusOK, v)
	}
}

// intParam reads an integer parameter in [lo, hi], def when absent.
func intParam(r *http.Request, name string, def, lo, hi int) (int, error) {
	v := r.URL.Query().Get(name)
	if v == "" {
		return def, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < lo || n > hi {
		return 0, badRequest("%s %q: want a whole number from %d to %d", name, v, lo, hi)
	}
	return n, nil
}

// entityParam resolves the entity named (by name, alias or ID) in a
// required parameter.
func (s *Server) entityParam(ctx context.Context, r *http.Request, name string) (graph.EntityInfo, error) {
	v := strings.TrimSpace(r.URL.Query().Get(name))
	if v == "" {
		return graph.EntityInfo{}, badRequest("missing parameter %q: an entity name, alias or ID", name)
	}
	if len(v) > 500 {
		return graph.EntityInfo{}, badRequest("parameter %q: too long", name)
	}
	es, err := s.st.Find(ctx, v)
	if err != nil {
		return graph.EntityInfo{}, err
	}
	return es[0], nil
}

func (s *Server) stats(ctx context.Context, _ *http.Request) (any, error) {
	return s.st.Stats(ctx)
}

// searchIndex returns the entity list for search, read at most every
// searchRefresh.
func (s *Server) searchIndex(ctx context.Context) ([]graph.EntityInfo, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.index != nil && time.Since(s.indexAt) < searchRefresh {
		return s.index, nil
	}
	var es []graph.EntityInfo
	err := s.st.EachEntity(ctx, "", func(e graph.EntityInfo) error {
		e.Merges = nil
		es = append(es, e)
		return nil
	})
	if err != nil {
		return nil, err
	}
	sort.SliceStable(es, func(i, j int) bool {
		if es[i].Mentions != es[j].Mentions {
			return es[i].Mentions > es[j].Mentions
		}
		return es[i].Name < es[j].Name
	})
	s.index, s.indexAt = es, time.Now()
	return es, nil
}

// SearchResult is the answer to /api/search.
type SearchResult struct {
	Query    string             `json:"query"`
	Entities []graph.EntityInfo `json:"entities"`
}

func (s *Server) search(ctx context.Context, r *http.Request) (any, error) {
	q := strings.TrimSpace(r.URL.Query().Get("q"))
	if q == "" {
		return nil, badRequest("missing parameter \"q\": the words to look for in names and aliases")
	}
	limit, err := intParam(r, "limit", 20, 1, maxSearch)
	if err != nil {
		return nil, err
	}
	es, err := s.searchIndex(ctx)
	if err != nil {
		return nil, err
	}
	want := strings.ToLower(q)
	var exact, partial []graph.EntityInfo
	for _, e := range es {
		best := 0
		for _, n := range append([]string{e.Name, e.ID}, e.Aliases...) {
			switch l := strings.ToLower(n); {
			case l == want:
				best = 2
			case best == 0 && strings.Contains(l, want):
				best = 1
			}
		}
		switch best {
		case 2:
			exact = append(exact, e)
		case 1:
			partial = append(partial, e)
		}
	}
	out := append(exact, partial...)
	if len(out) > limit {
		out = out[:limit]
	}
	if out == nil {
		out = []graph.EntityInfo{}
	}
	return SearchResult{Query: q, Entities: out}, nil
}

// EntityCounts counts what the store holds about an entity.
type EntityCounts struct {
	ClaimsBy    int `json:"claims_by"`
	ClaimsAbout int `json:"claims_about"`
	Relations   int `json:"relations"`
	Documents   int `json:"documents"`
	Allegations int `json:"allegations"`
}

// EntityResult is the answer to /api/entity.
type EntityResult struct {
	graph.EntityInfo
	Counts EntityCounts `json:"counts"`
}

func (s *Server) entity(ctx context.Context, r *http.Request) (any, error) {
	e, err := s.entityParam(ctx, r, "name")
	if err != nil {
		return nil, err
	}
	out := EntityResult{EntityInfo: e}
	by, err := s.st.Claims(ctx, graph.ClaimFilter{By: e.ID})
	if err != nil {
		return nil, err
	}
	about, err := s.st.Claims(ctx, graph.ClaimFilter{About: e.ID})
	if err != nil {
		return nil, err
	}
	rels, err := s.st.Relations(ctx, e.ID)
	if err != nil {
		return nil, err
	}
	docs, err := s.st.Documents(ctx, e.ID)
	if err != nil {
		return nil, err
	}
	for _, c := range about {
		if graph.IsAllegation(c.Stance) {
			out.Counts.Allegations++
		}
	}
	out.Counts.ClaimsBy, out.Counts.ClaimsAbout, out.Counts.Relations, out.Counts.Documents = len(by), len(about), len(rels), len(docs)
	return out, nil
}

func (s *Server) neighbours(ctx context.Context, r *http.Request) (any, error) {
	depth, err := intParam(r, "depth", 1, 1, graph.MaxDepth)
	if err != nil {
		return nil, err
	}
	limit, err := intParam(r, "limit", defaultLimit, 1, graph.MaxNodes)
	if err != nil {
		return nil, err
	}
	e, err := s.entityParam(ctx, r, "name")
	if err != nil {
		return nil, err
	}
	return s.st.Neighbours(ctx, e.ID, depth, limit)
}

// EdgesResult is the answer to /api/edges: every edge between two
// entities.
type EdgesResult struct {
	A     graph.EntityRef `json:"a"`
	B     graph.EntityRef `json:"b"`
	Edges []graph.Edge    `json:"edges"`
}

func (s *Server) edges(ctx context.Context, r *http.Request) (any, error) {
	a, err := s.entityParam(ctx, r, "a")
	if err != nil {
		return nil, err
	}
	b, err := s.entityParam(ctx, r, "b")
	if err != nil {
		return nil, err
	}
	es, err := s.st.Between(ctx, a.ID, b.ID)
	if err != nil {
		return nil, err
	}
	if es == nil {
		es = []graph.Edge{}
	}
	return EdgesResult{A: graph.EntityRef{ID: a.ID, Name: a.Name}, B: graph.EntityRef{ID: b.ID, Name: b.Name}, Edges: es}, nil
}

// ClaimsResult is the answer to /api/claims.
type ClaimsResult struct {
	Claims []graph.ClaimInfo `json:"claims"`
	// Truncated is true when more claims matched than the limit.
	Truncated bool `json:"truncated"`
}

// claimFilter reads the claim filters the CLI's claims command takes:
// by, about, stance, doc, since, until.
func (s *Server) claimFilter(ctx context.Context, r *http.Request) (graph.ClaimFilter, error) {
	q := r.URL.Query()
	f := graph.ClaimFilter{Stance: q.Get("stance"), Doc: q.Get("doc")}
	if f.Stance != "" && !schema.Stance(f.Stance).Valid() {
		return f, badRequest("stance %q: want one of %v", f.Stance, schema.Stances)
	}
	for _, d := range []struct {
		name string
		dst  *schema.Date
	}{{"since", &f.Since}, {"until", &f.Until}} {
		if v := q.Get(d.name); v != "" {
			date, err := schema.ParseDate(v)
			if err != nil {
				return f, badRequest("%s: %v", d.name, err)
			}
			*d.dst = date
		}
	}
	for _, x := range []struct {
		name string
		dst  *string
	}{{"by", &f.By}, {"about", &f.About}} {
		if q.Get(x.name) == "" {
			continue
		}
		e, err := s.entityParam(ctx, r, x.name)
		if err != nil {
			return f, err
		}
		*x.dst = e.ID
	}
	return f, nil
}

func (s *Server) claims(ctx context.Context, r *http.Request) (any, error) {
	limit, err := intParam(r, "limit", 500, 1, maxClaims)
	if err != nil {
		return nil, err
	}
	f, err := s.claimFilter(ctx, r)
	if err != nil {
		return nil, err
	}
	cs, err := s.st.Claims(ctx, f)
	if err != nil {
		return nil, err
	}
	out := ClaimsResult{Claims: cs}
	if len(cs) > limit {
		out.Claims, out.Truncated = cs[:limit], true
	}
	if out.Claims == nil {
		out.Claims = []graph.ClaimInfo{}
	}
	return out, nil
}

func (s *Server) allegations(ctx context.Context, r *http.Request) (any, error) {
	about := ""
	if r.URL.Query().Get("about") != "" {
		e, err := s.entityParam(ctx, r, "about")
		if err != nil {
			return nil, err
		}
		about = e.ID
	}
	as, err := s.st.Allegations(ctx, about)
	if err != nil {
		return nil, err
	}
	if as == nil {
		as = []graph.Allegation{}
	}
	return as, nil
}

// Event is one dated entry of a timeline: a claim by or about the entity,
// or a document that mentions it.
type Event struct {
	Date schema.Date `json:"date"`
	// Kind is "claim" or "document".
	Kind  string           `json:"kind"`
	Claim *graph.ClaimInfo `json:"claim,omitempty"`
	// Role says how the entity figures in a claim: "by" or "about".
	Role     string        `json:"role,omitempty"`
	Document graph.DocInfo `json:"document"`
}

// TimelineResult is the answer to /api/timeline.
type TimelineResult struct {
	Entity    graph.EntityRef `json:"entity"`
	Events    []Event         `json:"events"`
	Truncated bool            `json:"truncated"`
}

func (s *Server) timeline(ctx context.Context, r *http.Request) (any, error) {
	e, err := s.entityParam(ctx, r, "name")
	if err != nil {
		return nil, err
	}
	out := TimelineResult{Entity: graph.EntityRef{ID: e.ID, Name: e.Name}, Events: []Event{}}
	docs, err := s.st.Documents(ctx, e.ID)
	if err != nil {
		return nil, err
	}
	for _, d := range docs {
		out.Events = append(out.Events, Event{Date: d.Date, Kind: "document", Document: d})
	}
	seen := make(map[string]bool)
	for _, role := range []string{"by", "about"} {
		f := graph.ClaimFilter{By: e.ID}
		if role == "about" {
			f = graph.ClaimFilter{About: e.ID}
		}
		cs, err := s.st.Claims(ctx, f)
		if err != nil {
			return nil, err
		}
		for i := range cs {
			c := &cs[i]
			if seen[c.IRI] {
				continue
			}
			seen[c.IRI] = true
			date := c.Date
			if date == "" {
				date = c.Document.Date
			}
			out.Events = append(out.Events, Event{Date: date, Kind: "claim", Claim: c, Role: role, Document: c.Document})
		}
	}
	// Oldest first; within a date, a document before its claims, claims
	// in text order. Undated events go last.
	sort.SliceStable(out.Events, func(i, j int) bool {
		a, b := out.Events[i], out.Events[j]
		if (a.Date == "") != (b.Date == "") {
			return b.Date == ""
		}
		if a.Date != b.Date {
			return a.Date < b.Date
		}
		if a.Document.Hash != b.Document.Hash {
			return a.Document.Hash < b.Document.Hash
		}
		if a.Kind != b.Kind {
			return a.Kind == "document"
		}
		return a.Claim.Cue.Start < b.Claim.Cue.Start
	})
	if len(out.Events) > maxTimeline {
		out.Events, out.Truncated = out.Events[:maxTimeline], true
	}
	return out, nil
}

// PathResult is the answer to /api/path.
type PathResult struct {
	From  graph.EntityRef `json:"from"`
	To    graph.EntityRef `json:"to"`
	Paths []graph.Path    `json:"paths"`
}

func (s *Server) path(ctx context.Context, r *http.Request) (any, error) {
	hops, err := intParam(r, "hops", 4, 1, graph.MaxHops)
	if err != nil {
		return nil, err
	}
	a, err := s.entityParam(ctx, r, "from")
	if err != nil {
		return nil, err
	}
	b, err := s.entityParam(ctx, r, "to")
	if err != nil {
		return nil, err
	}
	ps, err := s.st.Path(ctx, a.ID, b.ID, hops)
	if err != nil {
		return nil, err
	}
	return PathResult{From: graph.EntityRef{ID: a.ID, Name: a.Name}, To: graph.EntityRef{ID: b.ID, Name: b.Name}, Paths: ps}, nil
}

func (s *Server) documents(ctx context.Context, r *http.Request) (any, error) {
	id := ""
	if r.URL.Query().Get("name") != "" {
		e, err := s.entityParam(ctx, r, "name")
		if err != nil {
			return nil, err
		}
		id = e.ID
	}
	ds, err := s.st.Documents(ctx, id)
	if err != nil {
		return nil, err
	}
	if ds == nil {
		ds = []graph.DocInfo{}
	}
	return ds, nil
}

func (s *Server) mentions(ctx context.Context, r *http.Request) (any, error) {
	e, err := s.entityParam(ctx, r, "name")
	if err != nil {
		return nil, err
	}
	return s.st.Mentions(ctx, e.ID)
}

// QueryResult is the answer to /api/query.
type QueryResult struct {
	Lang    string `json:"lang"`
	Results []any  `json:"results"`
}

// query runs a Gizmo, GraphQL or MQL query, read-only, under the query
// timeout and limit. The query is the q parameter, or the POST body.
func (s *Server) query(ctx context.Context, r *http.Request) (any, error) {
	lang := r.URL.Query().Get("lang")
	if lang == "" {
		lang = "gizmo"
	}
	known := false
	for _, l := range graph.Languages() {
		known = known || l == lang
	}
	if !known {
		return nil, badRequest("lang %q: want one of %v", lang, graph.Languages())
	}
	limit, err := intParam(r, "limit", s.opt.QueryLimit, 1, s.opt.QueryLimit)
	if err != nil {
		return nil, err
	}
	q := r.URL.Query().Get("q")
	if r.Method == http.MethodPost {
		b, err := io.ReadAll(r.Body)
		if err != nil {
			return nil, fmt.Errorf("reading the query: %w", err)
		}
		q = string(b)
	}
	if int64(len(q)) > s.opt.MaxBody {
		return nil, &apiError{http.StatusRequestEntityTooLarge, fmt.Errorf("query longer than %d bytes", s.opt.MaxBody)}
	}
	if strings.TrimSpace(q) == "" {
		return nil, badRequest("empty query: give it as the q parameter or the POST body")
	}
	res, err := s.st.Query(ctx, lang, q, graph.QueryOptions{Limit: limit, Timeout: s.opt.QueryTimeout})
	switch {
	case errors.Is(err, graph.ErrTimeout) || errors.Is(err, context.DeadlineExceeded):
		return nil, &apiError{http.StatusGatewayTimeout, err}
	case err != nil && ctx.Err() == nil:
		// Anything else is the query's own fault: a syntax or runtime
		// error in it.
		return nil, &apiError{http.StatusBadRequest, err}
	case err != nil:
		return nil, err
	}
	return QueryResult{Lang: lang, Results: res}, nil
}

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
	"bytes"
	"context"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"golang.org/x/sync/singleflight"

	"github.com/dossier-project/dossier/graph"
	"github.com/dossier-project/dossier/schema"
)

//go:embed static
var staticFiles embed.FS

// Options configure a Server. The zero value is usable: every field has a
// default.
type Options struct {
	// Timeout bounds each API request; 0 means 30 seconds.
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
	// CacheBytes bounds the answers kept for repeated GET requests; 0
	// means 64 MiB, a negative value keeps none. Call Invalidate after
	// writing to the store.
	CacheBytes int
}

// Limits on the size of answers.
const (
	defaultLimit = 50   // neighbours shown when no limit is given
	maxClaims    = 5000 // claims in one answer
	maxSearch    = 100  // entities in one search answer
	maxTimeline  = 1000 // events in one timeline
	viewMaxNodes = 150  // nodes drawn in one picture
	cacheItems   = 4096 // answers kept
)

// Server is the HTTP handler over one store. It is safe for concurrent
// use.
type Server struct {
	st    *graph.Store
	opt   Options
	mux   *http.ServeMux
	hosts map[string]bool

	cache  *cache
	flight singleflight.Group
	// slots bounds the answers computed at once: under more load than the
	// store can answer, requests wait for a slot (within their timeout)
	// instead of all slowing down together until none finishes in time.
	slots chan struct{}
	// stopped counts the Cayley queries stopped by their timeout.
	stopped atomic.Int64

	// version is the store's version the cache holds answers of, and
	// checked when it was last asked (a store other processes write).
	version   int64
	versionAt time.Time
	versionMu sync.Mutex
	mu        sync.Mutex
	index     []graph.EntityInfo // for search, read once per cache generation
	byName    map[string]string  // lower-case name or alias -> the most documented entity's ID
	indexGen  uint64
}

// New returns a Server over st. opt may be nil.
func New(st *graph.Store, opt *Options) *Server {
	s := &Server{st: st, mux: http.NewServeMux()}
	if opt != nil {
		s.opt = *opt
	}
	if s.opt.Timeout <= 0 {
		s.opt.Timeout = 30 * time.Second
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
	switch {
	case s.opt.CacheBytes == 0:
		s.opt.CacheBytes = 64 << 20
	case s.opt.CacheBytes < 0:
		s.opt.CacheBytes = 0
	}
	s.cache = newCache(cacheItems, s.opt.CacheBytes)
	s.slots = make(chan struct{}, 2*runtime.GOMAXPROCS(0))
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
	allowed := make(map[string][]string) // path -> methods
	api := func(pattern string, h func(context.Context, *http.Request) (any, error)) {
		if strings.HasSuffix(pattern, "/api/query") {
			// A query's timeout covers its wait for a slot too: the
			// answer, or the error, comes within --query-timeout.
			s.mux.HandleFunc(pattern, s.jsonHandler(h, false, s.opt.QueryTimeout))
		} else {
			s.mux.HandleFunc(pattern, s.jsonHandler(h, true, s.opt.Timeout))
		}
		method, path, _ := strings.Cut(pattern, " ")
		allowed[path] = append(allowed[path], method)
	}
	api("GET /api/stats", s.stats)
	api("GET /api/search", s.search)
	api("GET /api/entity", s.entity)
	api("GET /api/neighbours", s.neighbours)
	api("GET /api/edges", s.edges)
	api("GET /api/claims", s.claims)
	api("GET /api/allegations", s.allegations)
	api("GET /api/threads", s.threads)
	api("GET /api/timeline", s.timeline)
	api("GET /api/path", s.path)
	api("GET /api/documents", s.documents)
	api("GET /api/mentions", s.mentions)
	api("GET /api/query", s.query)
	api("POST /api/query", s.query)
	s.mux.HandleFunc("GET /view/graph.svg", s.graphSVG)
	s.mux.HandleFunc("/api/", func(w http.ResponseWriter, r *http.Request) {
		if ms, ok := allowed[r.URL.Path]; ok {
			w.Header().Set("Allow", strings.Join(ms, ", "))
			writeError(w, http.StatusMethodNotAllowed, fmt.Errorf("%s %s: the API is read-only; use %s", r.Method, r.URL.Path, strings.Join(ms, " or ")))
			return
		}
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
	case strings.Contains(err.Error(), "no bucket"):
		// A bolt store just created holds no index yet: nothing has been
		// written to it. serve --ingest answers so until the first batch.
		return http.StatusServiceUnavailable
	}
	return http.StatusInternalServerError
}

// errorBody is the JSON every error response carries.
type errorBody struct {
	Error  string `json:"error"`
	Status int    `json:"status"`
}

func writeError(w http.ResponseWriter, status int, err error) {
	if status == http.StatusServiceUnavailable && strings.Contains(err.Error(), "no bucket") {
		err = fmt.Errorf("the store is empty: nothing has been ingested yet (%w)", err)
	}
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

// Invalidate forgets the cached answers: call it after writing to the
// store being served.
func (s *Server) Invalidate() { s.cache.invalidate() }

// StoppedQueries counts the Gizmo, GraphQL and MQL queries stopped by
// their timeout. Such a query's answer is an error at once, but Cayley
// may go on running a step of it in the background, reading the store
// without its lock: a caller should not close the store under it.
func (s *Server) StoppedQueries() int64 { return s.stopped.Load() }

// versionEvery is how often the server asks a store that other processes
// write (PostgreSQL) whether it changed.
const versionEvery = time.Second

// checkVersion forgets the cached answers when another process has
// written the store since they were computed; it asks the store at most
// once every versionEvery.
func (s *Server) checkVersion(ctx context.Context) {
	s.versionMu.Lock()
	defer s.versionMu.Unlock()
	if time.Since(s.versionAt) < versionEvery {
		return
	}
	v, ok, err := s.st.Version(ctx)
	if err != nil || !ok {
		return
	}
	if !s.versionAt.IsZero() && v != s.version {
		s.cache.invalidate()
	}
	s.version, s.versionAt = v, time.Now()
}

// answer is a response body computed once, perhaps served many times.
type answer struct {
	ctype string
	body  []byte
}

// respond computes an answer under the request timeout, turning a panic
// into an error, and writes it or its error. A cacheable GET is answered
// from the cache when it can be, and concurrent identical requests share
// one computation.
func (s *Server) respond(w http.ResponseWriter, r *http.Request, cacheable bool, timeout time.Duration, compute func(context.Context) (answer, error)) {
	run := func(ctx context.Context) (a answer, err error) {
		select {
		case s.slots <- struct{}{}:
			defer func() { <-s.slots }()
		case <-ctx.Done():
			return answer{}, &apiError{http.StatusServiceUnavailable,
				fmt.Errorf("server busy: no answer could start within %v", timeout)}
		}
		defer func() {
			if p := recover(); p != nil {
				err = fmt.Errorf("internal error: %v", p)
			}
		}()
		return compute(ctx)
	}
	var a answer
	var err error
	if cacheable && r.Method == http.MethodGet {
		s.checkVersion(r.Context())
		key := cacheKey(r)
		if e, ok := s.cache.get(key); ok {
			w.Header().Set("X-Cache", "hit")
			writeBody(w, e.ctype, e.body)
			return
		}
		var v any
		v, err, _ = s.flight.Do(key, func() (any, error) {
			gen := s.cache.generation()
			// Shared by every waiter: not cancelled when the first one
			// goes away, but still bounded by the timeout.
			ctx, cancel := context.WithTimeout(context.WithoutCancel(r.Context()), timeout)
			defer cancel()
			a, err := run(ctx)
			if err == nil {
				s.cache.put(key, gen, a.ctype, a.body)
			}
			return a, err
		})
		a, _ = v.(answer)
	} else {
		ctx, cancel := context.WithTimeout(r.Context(), timeout)
		defer cancel()
		a, err = run(ctx)
	}
	if err != nil {
		if errors.Is(err, context.DeadlineExceeded) && !errors.Is(err, graph.ErrTimeout) {
			err = fmt.Errorf("request timed out after %v: %w", timeout, err)
		}
		writeError(w, statusOf(err), err)
		return
	}
	writeBody(w, a.ctype, a.body)
}

func writeBody(w http.ResponseWriter, ctype string, body []byte) {
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("Cache-Control", "no-store")
	if strings.HasPrefix(ctype, "image/svg+xml") {
		w.Header().Set("Content-Security-Policy", "default-src 'none'")
	}
	w.Write(body)
}

// jsonHandler answers with h's value as JSON.
func (s *Server) jsonHandler(h func(context.Context, *http.Request) (any, error), cacheable bool, timeout time.Duration) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		s.respond(w, r, cacheable, timeout, func(ctx context.Context) (answer, error) {
			v, err := h(ctx, r)
			if err != nil {
				return answer{}, err
			}
			var buf bytes.Buffer
			if err := json.NewEncoder(&buf).Encode(v); err != nil {
				return answer{}, err
			}
			return answer{"application/json; charset=utf-8", buf.Bytes()}, nil
		})
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
	// An ID ("org/kaspersky-lab", what the browser view sends) is read
	// directly; anything else is looked up by name and alias.
	if strings.Contains(v, "/") {
		e, err := s.st.Entity(ctx, v)
		if err == nil || !errors.Is(err, graph.ErrNotFound) {
			return e, err
		}
	}
	// An exact name or alias is looked up in the search index (built once
	// per store generation), the most documented first; Find is the
	// fallback for anything else (slug matches).
	if _, err := s.searchIndex(ctx); err == nil {
		s.mu.Lock()
		id, ok := s.byName[strings.ToLower(v)]
		s.mu.Unlock()
		if ok {
			return s.st.Entity(ctx, id)
		}
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

// searchIndex returns the entity list for search, read again after each
// Invalidate.
func (s *Server) searchIndex(ctx context.Context) ([]graph.EntityInfo, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	gen := s.cache.generation()
	if s.index != nil && s.indexGen == gen {
		return s.index, nil
	}
	// The index outlives the request that builds it: read it under the
	// server's timeout, not the request's.
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), s.opt.Timeout)
	defer cancel()
	es, err := s.st.Directory(ctx)
	if err != nil {
		return nil, err
	}
	for i := range es {
		es[i].Merges = nil
	}
	sort.SliceStable(es, func(i, j int) bool {
		if es[i].Documents != es[j].Documents {
			return es[i].Documents > es[j].Documents
		}
		return es[i].Name < es[j].Name
	})
	byName := make(map[string]string)
	for _, e := range es {
		for _, n := range append([]string{e.Name}, e.Aliases...) {
			if k := strings.ToLower(n); byName[k] == "" {
				byName[k] = e.ID
			}
		}
	}
	s.index, s.byName, s.indexGen = es, byName, gen
	return es, nil
}

// SearchResult is the answer to /api/search: entities with names,
// aliases, type, kind and documents, the most documented first; mentions
// are not counted here (0).
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

// EntityResult is the answer to /api/entity: the entity and counts of the
// claims and relations it takes part in.
type EntityResult struct {
	graph.EntityInfo
	Counts graph.Counts `json:"counts"`
}

func (s *Server) entity(ctx context.Context, r *http.Request) (any, error) {
	e, err := s.entityParam(ctx, r, "name")
	if err != nil {
		return nil, err
	}
	c, err := s.st.Count(ctx, e.ID)
	if err != nil {
		return nil, err
	}
	return EntityResult{EntityInfo: e, Counts: c}, nil
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
		return f, badRequest("stance %q: want one of %s", f.Stance, schema.StanceList())
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

// threads answers /api/threads[?about=E][&id=T]: the allegations ledger as
// threads (graph.Threads).
func (s *Server) threads(ctx context.Context, r *http.Request) (any, error) {
	f := graph.ThreadFilter{ID: r.URL.Query().Get("id")}
	if r.URL.Query().Get("about") != "" {
		e, err := s.entityParam(ctx, r, "about")
		if err != nil {
			return nil, err
		}
		f.About = e.ID
	}
	ts, err := s.st.Threads(ctx, f)
	if err != nil {
		return nil, err
	}
	if ts == nil {
		ts = []graph.Thread{}
	}
	return ts, nil
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
		s.stopped.Add(1)
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

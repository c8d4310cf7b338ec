package server

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dossier-project/dossier/extract"
	"github.com/dossier-project/dossier/extract/source"
	"github.com/dossier-project/dossier/graph"
)

// article is the example article; denial is its denial's evidence.
const (
	article = "../../examples/kaspersky-2017-10-24.txt"
	denial  = "Mr Kaspersky denies his business helped the Russian Federal Security Service"
)

var fixture struct {
	once sync.Once
	st   *graph.Store
	err  error
}

// ingestExample writes the example article into st with the real
// extraction pass, as dossier ingest does.
func ingestExample(ctx context.Context, st *graph.Store) error {
	data, err := os.ReadFile(article)
	if err != nil {
		return err
	}
	docs, errs := source.Parse(article, data)
	if len(errs) > 0 {
		return errs[0]
	}
	x, err := extract.New(extract.Options{})
	if err != nil {
		return err
	}
	for _, d := range docs {
		r, err := x.Extract(ctx, d)
		if err != nil {
			return err
		}
		if _, err := st.Write(ctx, r); err != nil {
			return err
		}
	}
	return nil
}

// exampleStore returns a memory store holding the example article, built
// once for the test binary and only read by the tests.
func exampleStore(t testing.TB) *graph.Store {
	t.Helper()
	fixture.once.Do(func() {
		ctx := context.Background()
		st, err := graph.Open(ctx, "memory", nil)
		if err != nil {
			fixture.err = err
			return
		}
		fixture.st, fixture.err = st, ingestExample(ctx, st)
	})
	if fixture.err != nil {
		t.Fatal(fixture.err)
	}
	return fixture.st
}

func testServer(t *testing.T, opt *Options) *httptest.Server {
	t.Helper()
	ts := httptest.NewServer(New(exampleStore(t), opt))
	t.Cleanup(ts.Close)
	return ts
}

// get fetches a path and returns the status, the content type and the body.
func get(t *testing.T, ts *httptest.Server, method, path, body string) (int, string, []byte) {
	t.Helper()
	var rd io.Reader
	if body != "" {
		rd = strings.NewReader(body)
	}
	req, err := http.NewRequest(method, ts.URL+path, rd)
	if err != nil {
		t.Fatal(err)
	}
	res, err := ts.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return res.StatusCode, res.Header.Get("Content-Type"), b
}

func q(s string) string { return url.QueryEscape(s) }

func TestAPI(t *testing.T) {
	ts := testServer(t, &Options{QueryTimeout: 2 * time.Second})
	type check func(t *testing.T, body []byte)
	has := func(wants ...string) check {
		return func(t *testing.T, body []byte) {
			for _, w := range wants {
				if !strings.Contains(string(body), w) {
					t.Errorf("body lacks %q:\n%.600s", w, body)
				}
			}
		}
	}
	decode := func(v any, fn func()) check {
		return func(t *testing.T, body []byte) {
			if err := json.Unmarshal(body, v); err != nil {
				t.Fatalf("%v:\n%.300s", err, body)
			}
			fn()
		}
	}
	var search SearchResult
	var ent EntityResult
	var nb graph.Neighbourhood
	var edges EdgesResult
	var claims ClaimsResult
	var ledger []graph.Allegation
	var tl TimelineResult
	var path PathResult
	var docs []graph.DocInfo
	var ments []graph.MentionDoc
	var qr QueryResult
	big := strings.Repeat("x", 70<<10)
	for _, tc := range []struct {
		method, path, body string
		status             int
		check              check
	}{
		{"GET", "/api/stats", "", 200, has(`"documents":1`)},
		{"GET", "/api/search?q=kaspersky", "", 200, decode(&search, func() {
			names := map[string]bool{}
			for _, e := range search.Entities {
				names[e.Name] = true
			}
			// The entity called just "Kaspersky" (by name or alias) comes
			// first; both are found.
			exact := false
			if len(search.Entities) > 0 {
				e := search.Entities[0]
				for _, n := range append([]string{e.Name}, e.Aliases...) {
					exact = exact || strings.EqualFold(n, "kaspersky")
				}
			}
			if !names["Kaspersky Lab"] || !names["Eugene Kaspersky"] || !exact {
				t.Errorf("search kaspersky: %+v", search.Entities)
			}
		})},
		{"GET", "/api/search?q=fsb", "", 200, decode(&search, func() {
			if len(search.Entities) == 0 || search.Entities[0].ID != "org/federal-security-service" {
				t.Errorf("search fsb: %+v", search.Entities)
			}
		})},
		{"GET", "/api/search?q=zzzz", "", 200, has(`"entities":[]`)},
		{"GET", "/api/search", "", 400, has("missing parameter")},
		{"GET", "/api/search?q=k&limit=0", "", 400, has("limit")},
		{"GET", "/api/entity?name=FSB", "", 200, decode(&ent, func() {
			if ent.ID != "org/federal-security-service" || ent.Counts.ClaimsAbout < 2 || ent.Documents != 1 ||
				!strings.Contains(strings.Join(ent.Aliases, ";"), "FSB") {
				t.Errorf("entity FSB: %+v", ent)
			}
		})},
		{"GET", "/api/entity?name=Nobody+At+All", "", 404, has("not found")},
		{"GET", "/api/entity", "", 400, has("missing parameter")},
		{"GET", "/api/neighbours?name=" + q("Eugene Kaspersky"), "", 200, decode(&nb, func() {
			found := false
			for _, e := range nb.Edges {
				found = found || (e.Label == "deny" && e.To.ID == "org/federal-security-service" && strings.Contains(e.Evidence.Text, denial))
			}
			if nb.Nodes[0].Name != "Eugene Kaspersky" || !found {
				t.Errorf("neighbours of Eugene Kaspersky lack the denial about the FSB: %+v", nb)
			}
		})},
		{"GET", "/api/neighbours?name=FSB&depth=2&limit=5", "", 200, decode(&nb, func() {
			if len(nb.Nodes) != 6 || !nb.Truncated {
				t.Errorf("limit 5: %d nodes, truncated %v", len(nb.Nodes), nb.Truncated)
			}
		})},
		{"GET", "/api/neighbours?name=FSB&depth=0", "", 400, has("depth")},
		{"GET", "/api/neighbours?name=FSB&depth=5", "", 400, has("depth")},
		{"GET", "/api/neighbours?name=FSB&depth=two", "", 400, has("depth")},
		{"GET", "/api/neighbours?name=FSB&limit=-1", "", 400, has("limit")},
		{"GET", "/api/neighbours?name=Nobody", "", 404, has("not found")},
		{"GET", "/api/edges?a=" + q("Mr Kaspersky") + "&b=FSB", "", 200, decode(&edges, func() {
			if len(edges.Edges) < 2 || !strings.Contains(string(mustJSON(edges)), denial) {
				t.Errorf("edges Kaspersky-FSB: %+v", edges)
			}
		})},
		{"GET", "/api/edges?a=FSB", "", 400, has(`missing parameter \"b\"`)},
		{"GET", "/api/claims?stance=deny", "", 200, decode(&claims, func() {
			for _, c := range claims.Claims {
				if c.Stance != "deny" {
					t.Errorf("stance filter let through %s", c.Stance)
				}
			}
			if len(claims.Claims) < 3 || !strings.Contains(string(mustJSON(claims)), denial) {
				t.Errorf("deny claims: %d", len(claims.Claims))
			}
		})},
		{"GET", "/api/claims?by=" + q("Eugene Kaspersky") + "&about=FSB&since=2017-10&until=2017-12", "", 200, has(denial)},
		{"GET", "/api/claims?limit=1", "", 200, decode(&claims, func() {
			if len(claims.Claims) != 1 || !claims.Truncated {
				t.Errorf("limit 1: %d claims, truncated %v", len(claims.Claims), claims.Truncated)
			}
		})},
		{"GET", "/api/claims?stance=shout", "", 400, has("stance")},
		{"GET", "/api/claims?since=last+week", "", 400, has("since")},
		{"GET", "/api/claims?by=Nobody", "", 404, has("not found")},
		{"GET", "/api/allegations", "", 200, decode(&ledger, func() {
			if len(ledger) == 0 || ledger[0].Status != graph.StatusDenied || len(ledger[0].Responses) == 0 {
				t.Errorf("ledger: %+v", ledger)
			}
		})},
		{"GET", "/api/allegations?about=" + q("Kaspersky Lab"), "", 200, has(`"status":"denied"`)},
		{"GET", "/api/allegations?about=Nobody", "", 404, has("not found")},
		{"GET", "/api/threads?about=" + q("Kaspersky Lab"), "", 200, has(`"status":"denied"`, `"first report"`, `"reason":"in the article: `)},
		{"GET", "/api/timeline?name=" + q("Eugene Kaspersky"), "", 200, decode(&tl, func() {
			kinds := map[string]int{}
			for i, e := range tl.Events {
				kinds[e.Kind]++
				if i > 0 && e.Date != "" && tl.Events[i-1].Date > e.Date {
					t.Errorf("timeline out of order at %d: %s after %s", i, e.Date, tl.Events[i-1].Date)
				}
			}
			if kinds["document"] != 1 || kinds["claim"] < 5 {
				t.Errorf("timeline kinds %v", kinds)
			}
		})},
		{"GET", "/api/timeline?name=Nobody", "", 404, has("not found")},
		{"GET", "/api/path?from=BSI&to=FSB", "", 200, decode(&path, func() {
			if len(path.Paths) == 0 || len(path.Paths[0].Hops) != 2 || len(path.Paths[0].Hops[1].Edges) == 0 ||
				path.Paths[0].Hops[0].From.Name != "Federal Office for Information Security" {
				t.Errorf("path BSI-FSB: %+v", path)
			}
		})},
		{"GET", "/api/path?from=BSI&to=FSB&hops=11", "", 400, has("hops")},
		{"GET", "/api/path?from=BSI&to=BSI", "", 400, has("itself")},
		{"GET", "/api/path?from=BSI", "", 400, has(`missing parameter \"to\"`)},
		{"GET", "/api/path?from=BSI&to=Nobody", "", 404, has("not found")},
		{"GET", "/api/documents", "", 200, decode(&docs, func() {
			if len(docs) != 1 || docs[0].Date != "2017-10-24" {
				t.Errorf("documents: %+v", docs)
			}
		})},
		{"GET", "/api/documents?name=FSB", "", 200, has("Cybersecurity firm Kaspersky")},
		{"GET", "/api/documents?name=Nobody", "", 404, has("not found")},
		{"GET", "/api/mentions?name=FSB", "", 200, decode(&ments, func() {
			if len(ments) != 1 || len(ments[0].Sentences) != 3 || !strings.HasPrefix(ments[0].Sentences[0].Sentence.Text, denial) {
				t.Errorf("mentions FSB: %+v", ments)
			}
		})},
		{"GET", "/api/mentions?name=Nobody", "", 404, has("not found")},
		{"GET", "/api/query?q=" + q(`g.V().Has("<http://schema.org/name>", "Reuters").In("<https://dossier-project.github.io/ns#channel>").Out("<https://dossier-project.github.io/ns#stance>").All()`), "", 200, decode(&qr, func() {
			if len(qr.Results) != 1 || !strings.Contains(string(mustJSON(qr)), "deny") {
				t.Errorf("gizmo: %+v", qr)
			}
		})},
		{"POST", "/api/query?lang=graphql", `{ nodes(<http://schema.org/name>: "Federal Security Service") { id } }`, 200,
			has("org/federal-security-service")},
		{"POST", "/api/query?lang=mql", `[{"id": null, "<http://schema.org/name>": "Reuters"}]`, 200, has("org/reuters")},
		{"POST", "/api/query?limit=2", `g.V().All()`, 200, decode(&qr, func() {
			if len(qr.Results) != 2 {
				t.Errorf("limit 2: %d results", len(qr.Results))
			}
		})},
		{"GET", "/api/query?q=" + q("g.V(."), "", 400, has("SyntaxError")},
		{"POST", "/api/query?lang=graphql", `{ nodes( {`, 400, has("graphql")},
		{"GET", "/api/query?lang=sparql&q=x", "", 400, has("lang")},
		{"GET", "/api/query", "", 400, has("empty query")},
		{"POST", "/api/query?limit=100000", `g.V().All()`, 400, has("limit")},
		{"POST", "/api/query", big, 413, has("too large")},
		{"GET", "/api/nothing", "", 404, has("no API endpoint")},
		{"DELETE", "/api/stats", "", 405, has("read-only")},
		{"PUT", "/api/query", "g.V().All()", 405, has("read-only")},
	} {
		t.Run(tc.method+" "+tc.path, func(t *testing.T) {
			status, ctype, body := get(t, ts, tc.method, tc.path, tc.body)
			if status != tc.status {
				t.Fatalf("status %d, want %d:\n%.400s", status, tc.status, body)
			}
			if status >= 400 {
				var eb errorBody
				if !strings.HasPrefix(ctype, "application/json") || json.Unmarshal(body, &eb) != nil || eb.Error == "" || eb.Status != status {
					t.Errorf("error response is not a JSON error (%s): %.300s", ctype, body)
				}
			}
			if tc.check != nil {
				tc.check(t, body)
			}
		})
	}
}

func mustJSON(v any) []byte {
	b, _ := json.Marshal(v)
	return b
}

func TestView(t *testing.T) {
	ts := testServer(t, nil)
	status, ctype, body := get(t, ts, "GET", "/view/graph.svg?name="+q("Eugene Kaspersky")+"&expand=org/kaspersky-lab,org/no-such", "")
	if status != 200 || ctype != "image/svg+xml; charset=utf-8" {
		t.Fatalf("svg: %d %s %.200s", status, ctype, body)
	}
	svg := string(body)
	for _, want := range []string{
		`<svg xmlns="http://www.w3.org/2000/svg"`,
		`data-id="org/federal-security-service"`,
		`data-a="per/eugene-kaspersky" data-b="org/federal-security-service" data-kind="claim" data-label="deny"`,
		`class="node expanded" data-id="org/kaspersky-lab"`,
		`class="node expanded center" data-id="per/eugene-kaspersky"`,
		`fill="#4e79a7"`,   // a person
		`stroke="#7b4ea3"`, // a denial
		// Kaspersky Lab's own neighbour, there only because it was expanded.
		`data-name="Federal Office for Information Security"`,
	} {
		if !strings.Contains(svg, want) {
			t.Errorf("svg lacks %s", want)
		}
	}
	if bad := regexp.MustCompile(`<script|NaN|[-+]Inf`).FindString(svg); bad != "" {
		t.Errorf("svg contains %q", bad)
	}
	for _, tc := range []struct {
		path   string
		status int
	}{
		{"/view/graph.svg?name=Nobody", 404},
		{"/view/graph.svg", 400},
		{"/view/graph.svg?name=FSB&depth=3", 400},
		{"/view/graph.svg?name=FSB&expand=" + strings.Repeat("a,", maxExpand+1), 400},
	} {
		if status, _, body := get(t, ts, "GET", tc.path, ""); status != tc.status || !strings.Contains(string(body), `"error"`) {
			t.Errorf("%s: %d, want %d: %.200s", tc.path, status, tc.status, body)
		}
	}
}

func TestStatic(t *testing.T) {
	ts := testServer(t, nil)
	res, err := ts.Client().Get(ts.URL + "/")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != 200 || !strings.Contains(string(b), `<script src="/static/app.js"`) ||
		!strings.Contains(res.Header.Get("Content-Security-Policy"), "script-src 'self'") {
		t.Fatalf("index: %d %v %.200s", res.StatusCode, res.Header, b)
	}
	for _, p := range []string{"/static/app.js", "/static/style.css"} {
		if status, _, body := get(t, ts, "GET", p, ""); status != 200 || len(body) < 100 {
			t.Errorf("%s: %d, %d bytes", p, status, len(body))
		}
	}
	// Nothing outside the embedded folder is reachable, however the path
	// is spelled: the Go source next to it, the module file above it.
	for _, p := range []string{"/static/../server.go", "/static/%2e%2e/server.go", "/static/..%2fserver.go",
		"/static/../../../go.mod", "/static/..%2f..%2f..%2fgo.mod", "/server.go", "/static/static/app.js"} {
		req, _ := http.NewRequest("GET", ts.URL+p, nil)
		req.URL.Opaque = p // send the path as written, unnormalised
		res, err := ts.Client().Do(req)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode == 200 || strings.Contains(string(b), "package server") || strings.Contains(string(b), "module github.com") {
			t.Errorf("%s: %d %.100s", p, res.StatusCode, b)
		}
	}
}

func TestHostsAndCORS(t *testing.T) {
	ts := testServer(t, &Options{Hosts: LoopbackHosts, CORSOrigin: "https://desk.example"})
	do := func(host, origin, method string) *http.Response {
		req, _ := http.NewRequest(method, ts.URL+"/api/stats", nil)
		if host != "" {
			req.Host = host
		}
		if origin != "" {
			req.Header.Set("Origin", origin)
		}
		res, err := ts.Client().Do(req)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		return res
	}
	if res := do("attacker.example:8080", "", "GET"); res.StatusCode != http.StatusMisdirectedRequest {
		t.Errorf("foreign Host: %d", res.StatusCode)
	}
	if res := do("localhost:8080", "", "GET"); res.StatusCode != 200 {
		t.Errorf("localhost: %d", res.StatusCode)
	}
	if res := do("", "https://evil.example", "GET"); res.Header.Get("Access-Control-Allow-Origin") != "" {
		t.Errorf("CORS header for an origin not configured")
	}
	if res := do("", "https://desk.example", "GET"); res.Header.Get("Access-Control-Allow-Origin") != "https://desk.example" {
		t.Errorf("no CORS header for the configured origin")
	}
	if res := do("", "https://desk.example", "OPTIONS"); res.StatusCode != 204 || res.Header.Get("Access-Control-Allow-Methods") == "" {
		t.Errorf("preflight: %d %v", res.StatusCode, res.Header)
	}
	plain := testServer(t, nil)
	req, _ := http.NewRequest("GET", plain.URL+"/api/stats", nil)
	req.Header.Set("Origin", "https://desk.example")
	res, err := plain.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.Header.Get("Access-Control-Allow-Origin") != "" {
		t.Error("CORS header sent with no origin configured")
	}
}

// TestRunawayQueries runs a Gizmo infinite loop and a 10-hop traversal
// while other clients ask for neighbourhoods: both queries end with a 504
// JSON error after the query timeout, and the other requests are all
// answered meanwhile.
func TestRunawayQueries(t *testing.T) {
	const timeout = 1500 * time.Millisecond
	srv := New(exampleStore(t), &Options{QueryTimeout: timeout, CacheBytes: -1})
	ts := httptest.NewServer(srv)
	defer ts.Close()
	hops := `g.V("<https://dossier-project.github.io/id/org/federal-security-service>")` + strings.Repeat(".Both()", 10) + ".Count()"
	for name, query := range map[string]string{"infinite loop": "while(true){}", "10-hop traversal": hops} {
		t.Run(name, func(t *testing.T) {
			stoppedBefore := srv.StoppedQueries()
			start := time.Now()
			type answer struct {
				status int
				body   []byte
				took   time.Duration
			}
			done := make(chan answer, 1)
			go func() {
				res, err := ts.Client().Post(ts.URL+"/api/query", "text/plain", strings.NewReader(query))
				if err != nil {
					done <- answer{status: -1, body: []byte(err.Error())}
					return
				}
				b, _ := io.ReadAll(res.Body)
				res.Body.Close()
				done <- answer{res.StatusCode, b, time.Since(start)}
			}()
			served := 0
			var a answer
		loop:
			for {
				select {
				case a = <-done:
					break loop
				default:
				}
				status, _, body := get(t, ts, "GET", "/api/neighbours?name=FSB", "")
				if status != 200 || !strings.Contains(string(body), "Eugene Kaspersky") {
					t.Fatalf("neighbours while the query runs: %d %.200s", status, body)
				}
				served++
				time.Sleep(20 * time.Millisecond)
			}
			if a.status != http.StatusGatewayTimeout || !strings.Contains(string(a.body), "timed out") {
				t.Fatalf("runaway query: %d %s", a.status, a.body)
			}
			if a.took < timeout || a.took > 10*timeout {
				t.Errorf("runaway query answered after %v; the timeout is %v", a.took, timeout)
			}
			if served < 2 {
				t.Errorf("only %d other requests served while the query ran", served)
			}
			if n := srv.StoppedQueries(); n != stoppedBefore+1 {
				t.Errorf("StoppedQueries %d, want %d", n, stoppedBefore+1)
			}
		})
	}
}

func TestCache(t *testing.T) {
	srv := New(exampleStore(t), nil)
	ts := httptest.NewServer(srv)
	defer ts.Close()
	fetch := func(path string) (string, string) {
		res, err := ts.Client().Get(ts.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(res.Body)
		res.Body.Close()
		return res.Header.Get("X-Cache"), string(b)
	}
	path := "/api/neighbours?name=FSB&depth=1"
	c1, b1 := fetch(path)
	c2, b2 := fetch("/api/neighbours?depth=1&name=FSB") // same question, parameters reordered
	if c1 != "" || c2 != "hit" || b1 != b2 {
		t.Errorf("second ask: X-Cache %q then %q, same body %v", c1, c2, b1 == b2)
	}
	srv.Invalidate()
	if c, b := fetch(path); c != "" || b != b1 {
		t.Errorf("after Invalidate: X-Cache %q, same body %v", c, b == b1)
	}
	// Errors are not kept.
	fetch("/api/entity?name=Nobody")
	if c, _ := fetch("/api/entity?name=Nobody"); c != "" {
		t.Error("an error answer was cached")
	}

	// The cache is bounded: the least recently used answer goes first.
	c := newCache(2, 1<<20)
	for _, k := range []string{"a", "b", "a", "c"} {
		if _, ok := c.get(k); !ok {
			c.put(k, c.generation(), "text/plain", []byte(k))
		}
	}
	if _, ok := c.get("b"); ok {
		t.Error("b should have been evicted")
	}
	if _, ok := c.get("a"); !ok {
		t.Error("a was used recently and should be kept")
	}
	gen := c.generation()
	c.invalidate()
	c.put("d", gen, "text/plain", []byte("d")) // computed before the change
	if _, ok := c.get("d"); ok {
		t.Error("an answer from before Invalidate was kept")
	}
}

package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dossier-project/dossier/graph"
)

const denialText = "Mr Kaspersky denies his business helped the Russian Federal Security Service"

// exampleStore ingests the example article into a new store and returns
// its path.
func exampleStore(t *testing.T) string {
	t.Helper()
	store := filepath.Join(t.TempDir(), "g.db")
	if _, stderr, code := run(t, "", "--store", store, "ingest", article); code != 0 {
		t.Fatalf("ingest: %d %s", code, stderr)
	}
	return store
}

func TestNeighboursCommand(t *testing.T) {
	store := exampleStore(t)
	out, stderr, code := run(t, "", "--store", store, "neighbours", "Mr Kaspersky")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{"Eugene Kaspersky (Person)", "NEIGHBOUR", "Federal Security Service", "denies [deny] (about)", denialText} {
		if !strings.Contains(out, want) {
			t.Errorf("neighbours output lacks %q:\n%s", want, out)
		}
	}
	out, _, code = run(t, "", "--store", store, "neighbours", "FSB", "--depth", "2", "--json")
	var nb graph.Neighbourhood
	if err := json.Unmarshal([]byte(out), &nb); err != nil || code != 0 {
		t.Fatalf("--json: exit %d, %v\n%.300s", code, err, out)
	}
	depths := map[int]int{}
	for _, n := range nb.Nodes {
		depths[n.Depth]++
	}
	if nb.Center != "org/federal-security-service" || depths[0] != 1 || depths[1] == 0 || depths[2] == 0 {
		t.Errorf("depth 2 around the FSB: centre %s, nodes by depth %v", nb.Center, depths)
	}
	for _, e := range nb.Edges {
		if e.Evidence.Text == "" || e.Document.Hash == "" {
			t.Errorf("edge without evidence: %+v", e)
		}
	}
}

func TestPathAndMentionsCommands(t *testing.T) {
	store := exampleStore(t)
	out, stderr, code := run(t, "", "--store", store, "path", "BSI", "FSB")
	if code != 0 {
		t.Fatalf("path: exit %d: %s", code, stderr)
	}
	if !strings.HasPrefix(out, "1. Federal Office for Information Security — ") || !strings.Contains(out, "Federal Security Service") {
		t.Errorf("path output:\n%s", out)
	}
	out, _, code = run(t, "", "--store", store, "path", "BSI", "FSB", "--json")
	var p struct {
		From, To graph.EntityRef
		Paths    []graph.Path
	}
	if err := json.Unmarshal([]byte(out), &p); err != nil || code != 0 || len(p.Paths) == 0 {
		t.Fatalf("path --json: %d %v %.300s", code, err, out)
	}
	for _, h := range p.Paths[0].Hops {
		if len(h.Edges) == 0 || h.Edges[0].Evidence.Text == "" {
			t.Errorf("hop %s-%s without evidence", h.From.Name, h.To.Name)
		}
	}
	out, stderr, code = run(t, "", "--store", store, "mentions", "FSB")
	if code != 0 || !strings.Contains(out, "Federal Security Service: 3 sentences in 1 document") || !strings.Contains(out, "([FSB])") {
		t.Errorf("mentions: %d %s\n%s", code, stderr, out)
	}
	out, _, code = run(t, "", "--store", store, "mentions", "FSB", "--json")
	var ms []graph.MentionDoc
	if err := json.Unmarshal([]byte(out), &ms); err != nil || code != 0 || len(ms) != 1 || len(ms[0].Sentences) != 3 {
		t.Errorf("mentions --json: %d %v %.300s", code, err, out)
	}
	for _, tc := range []struct {
		args []string
		code int
	}{
		{[]string{"neighbours", "FSB", "--depth", "0"}, ExitUsage},
		{[]string{"neighbours", "FSB", "--depth", "9"}, ExitUsage},
		{[]string{"neighbours", "FSB", "--limit", "0"}, ExitUsage},
		{[]string{"neighbours", "Nobody At All"}, ExitNotFound},
		{[]string{"neighbours"}, ExitUsage},
		{[]string{"path", "BSI", "FSB", "--hops", "11"}, ExitUsage},
		{[]string{"path", "FSB", "Federal Security Service"}, ExitUsage},
		{[]string{"path", "BSI", "Nobody At All"}, ExitNotFound},
		{[]string{"path", "BSI", "FSB", "--hops", "1"}, ExitNotFound},
		{[]string{"path", "BSI"}, ExitUsage},
		{[]string{"mentions", "Nobody At All"}, ExitNotFound},
	} {
		_, stderr, code := run(t, "", append([]string{"--store", store}, tc.args...)...)
		if code != tc.code || strings.Count(strings.TrimSpace(stderr), "\n") > 1 {
			t.Errorf("%v: exit %d (want %d), stderr %q", tc.args, code, tc.code, stderr)
		}
	}
}

// freeAddr returns a loopback address with a port that was free a moment
// ago.
func freeAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	return addr
}

// serveUntil runs serve with args until the returned stop is called, and
// waits until it answers on addr.
func serveUntil(t *testing.T, addr string, args ...string) (stop func() (string, int)) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	var errb bytes.Buffer
	done := make(chan int, 1)
	go func() {
		root := New(strings.NewReader(""), io.Discard, &errb)
		root.SetArgs(args)
		err := root.ExecuteContext(ctx)
		if err != nil {
			errb.WriteString("dossier: " + err.Error() + "\n")
		}
		done <- ExitCode(err)
	}()
	deadline := time.Now().Add(20 * time.Second)
	for {
		res, err := http.Get("http://" + addr + "/api/stats")
		if err == nil {
			res.Body.Close()
			break
		}
		select {
		case code := <-done:
			cancel()
			t.Fatalf("serve exited %d: %s", code, errb.String())
		default:
		}
		if time.Now().After(deadline) {
			cancel()
			t.Fatalf("serve did not answer on %s", addr)
		}
		time.Sleep(20 * time.Millisecond)
	}
	return func() (string, int) {
		cancel()
		code := <-done
		return errb.String(), code
	}
}

func getJSON(t *testing.T, url string, v any) int {
	t.Helper()
	res, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	if err := json.NewDecoder(res.Body).Decode(v); err != nil {
		t.Fatalf("%s: %v", url, err)
	}
	return res.StatusCode
}

func TestServeCommand(t *testing.T) {
	store := exampleStore(t)
	addr := freeAddr(t)
	stop := serveUntil(t, addr, "--store", store, "serve", "--addr", addr)
	var nb graph.Neighbourhood
	if code := getJSON(t, "http://"+addr+"/api/neighbours?name=FSB", &nb); code != 200 || len(nb.Nodes) < 2 {
		t.Errorf("neighbours over HTTP: %d %+v", code, nb)
	}
	// A second process cannot write to the store while it is served: it
	// is told so at once, with exit 11, and serving goes on.
	_, stderr, code := run(t, "", "--store", store, "ingest", article)
	if code != ExitLocked || !strings.Contains(stderr, "locked") {
		t.Errorf("ingest while serving: exit %d, %q", code, stderr)
	}
	var st graph.Stats
	if code := getJSON(t, "http://"+addr+"/api/stats", &st); code != 200 || st.Documents != 1 {
		t.Errorf("stats after the refused ingest: %d %+v", code, st)
	}
	stderr, code = stop()
	if code != 0 || !strings.Contains(stderr, "serving") || !strings.Contains(stderr, "stopped") {
		t.Errorf("serve after cancel: exit %d, stderr %q", code, stderr)
	}
	if _, err := http.Get("http://" + addr + "/api/stats"); err == nil {
		t.Error("still answering after shutdown")
	}

	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"--store", store, "serve", "--addr", "0.0.0.0:0"}, ExitUsage, "--public"},
		{[]string{"--store", store, "serve", "--addr", "nonsense"}, ExitUsage, "loopback"},
		{[]string{"--store", filepath.Join(t.TempDir(), "none.db"), "serve", "--addr", "127.0.0.1:0"}, ExitNoStore, "no store"},
		{[]string{"--store", store, "serve", "--query-timeout", "0s"}, ExitUsage, "positive"},
	} {
		_, stderr, code := run(t, "", tc.args...)
		if code != tc.code || !strings.Contains(stderr, tc.want) {
			t.Errorf("%v: exit %d (want %d), stderr %q", tc.args, code, tc.code, stderr)
		}
	}
}

// TestServeIngest serves a new store while ingesting into it in the same
// process: the document arrives and requests are answered throughout.
func TestServeIngest(t *testing.T) {
	store := filepath.Join(t.TempDir(), "new.db")
	addr := freeAddr(t)
	stop := serveUntil(t, addr, "--store", store, "serve", "--addr", addr, "--ingest", article)
	deadline := time.Now().Add(60 * time.Second)
	for {
		var st graph.Stats
		// Before the first write the new store is empty: 503.
		if code := getJSON(t, "http://"+addr+"/api/stats", &st); code != 200 && code != 503 {
			t.Fatalf("stats while ingesting: %d", code)
		}
		if st.Documents == 1 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the document never arrived")
		}
		time.Sleep(50 * time.Millisecond)
	}
	var edges struct{ Edges []graph.Edge }
	if code := getJSON(t, "http://"+addr+"/api/edges?a=Eugene+Kaspersky&b=FSB", &edges); code != 200 ||
		!strings.Contains(string(mustMarshal(edges)), denialText) {
		t.Errorf("edges after ingest: %d %+v", code, edges)
	}
	stderr, code := stop()
	if code != 0 || !strings.Contains(stderr, "ingested 1 document while serving") {
		t.Errorf("serve --ingest: exit %d, stderr %q", code, stderr)
	}
}

func mustMarshal(v any) []byte {
	b, _ := json.Marshal(v)
	return b
}

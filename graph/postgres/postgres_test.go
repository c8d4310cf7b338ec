package postgres_test

import (
	"bufio"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math/rand"
	"net"
	"net/url"
	"os"
	"os/exec"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/cayleygraph/quad"

	"github.com/dossier-project/dossier/graph"
	"github.com/dossier-project/dossier/graph/graphtest"
	_ "github.com/dossier-project/dossier/graph/postgres" // registers the backend
	"github.com/dossier-project/dossier/schema"
)

func postgresURL(t testing.TB) string { return graphtest.PostgresURL(t) }

func freshPostgres(t testing.TB) string { return graphtest.FreshPostgres(t) }

func openPostgres(t *testing.T) *graph.Store { return open(t, freshPostgres(t)) }

func openMemory(t *testing.T) *graph.Store { return open(t, "memory") }

func open(t *testing.T, spec string) *graph.Store {
	st, err := graph.Open(context.Background(), spec, &graph.Options{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// A server that does not answer is an error naming the store, without
// its password. Needs no server.
func TestOpenPostgresUnreachable(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Skip("no loopback:", err)
	}
	addr := l.Addr().String()
	l.Close()
	for _, spec := range []string{
		"postgres://dossier:s3cret@" + addr + "/dossier?sslmode=disable&connect_timeout=5",
		"postgresql://dossier:s3cret@" + addr + "/dossier?sslmode=disable&connect_timeout=5",
		"postgres://dossier:s3cret@[::1/dossier",
	} {
		st, err := graph.Open(context.Background(), spec, &graph.Options{Create: true})
		if err == nil {
			st.Close()
			t.Fatalf("Open(%s): no error", spec)
		}
		if strings.Contains(err.Error(), "s3cret") {
			t.Errorf("error shows the password: %v", err)
		}
		if !strings.Contains(err.Error(), "store postgres") {
			t.Errorf("error does not name the store: %v", err)
		}
	}
	if _, err := graph.Open(context.Background(), "mysql://x@y/z", nil); err == nil || !strings.Contains(err.Error(), "unsupported") {
		t.Errorf("mysql: %v", err)
	}
}

func TestPostgresOpenErrors(t *testing.T) {
	ctx := context.Background()
	spec := freshPostgres(t)
	// No tables, no Create.
	if _, err := graph.Open(ctx, spec, nil); !errors.Is(err, graph.ErrNoStore) {
		t.Errorf("empty schema without Create: %v, want ErrNoStore", err)
	}
	// No such database.
	u, _ := url.Parse(spec)
	u.Path = "/no_such_database_here"
	u.User = url.UserPassword(u.User.Username(), "s3cret")
	_, err := graph.Open(ctx, u.String(), &graph.Options{Create: true})
	if !errors.Is(err, graph.ErrNoStore) || strings.Contains(err.Error(), "s3cret") ||
		!strings.Contains(err.Error(), "no_such_database_here") {
		t.Errorf("missing database: %v", err)
	}
	// A quads table that is not Cayley's.
	other := freshPostgres(t)
	db, err := sql.Open("postgres", other)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(`CREATE TABLE quads (id int)`); err != nil {
		t.Fatal(err)
	}
	if _, err := graph.Open(ctx, other, &graph.Options{Create: true}); !errors.Is(err, graph.ErrNotStore) {
		t.Errorf("foreign quads table: %v, want ErrNotStore", err)
	}
}

func TestPostgresReopen(t *testing.T) {
	ctx := context.Background()
	spec := freshPostgres(t)
	u, _ := url.Parse(spec)
	u.User = url.UserPassword(u.User.Username(), "s3cret") // trust authentication ignores it
	spec = u.String()
	st, err := graph.Open(ctx, spec, &graph.Options{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	if st.Backend() != graph.BackendPostgres || strings.Contains(st.String(), "s3cret") || !strings.Contains(st.String(), "postgres://") {
		t.Errorf("Backend %q, String %q", st.Backend(), st.String())
	}
	docs := graphtest.Docs(t)
	if n, err := st.WriteBatch(ctx, docs); err != nil || n != 3 {
		t.Fatalf("write: %d %v", n, err)
	}
	s1, err := st.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	st, err = graph.Open(ctx, spec, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if s2, err := st.Stats(ctx); err != nil || s2 != s1 {
		t.Fatalf("after reopening: %+v %v, want %+v", s2, err, s1)
	}
	if n, err := st.WriteBatch(ctx, docs); err != nil || n != 0 {
		t.Fatalf("rewrite after reopening: %d %v", n, err)
	}
}

// Several processes may create the tables at once.
func TestPostgresConcurrentCreate(t *testing.T) {
	spec := freshPostgres(t)
	var wg sync.WaitGroup
	errs := make([]error, 4)
	for i := range errs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			st, err := graph.Open(context.Background(), spec, &graph.Options{Create: true})
			if err == nil {
				err = st.Close()
			}
			errs[i] = err
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			t.Error(err)
		}
	}
}

// A batch is written completely or not at all: PostgreSQL refuses a
// value that is not UTF-8, and the good document of the batch is not
// stored either.
func TestPostgresBatchIsAtomic(t *testing.T) {
	ctx := context.Background()
	st := openPostgres(t)
	docs := graphtest.Docs(t)
	bad := *docs[1]
	bad.Document.Title = "bad \xff title"
	if _, err := st.WriteBatch(ctx, []*schema.Result{docs[0], &bad}); err == nil {
		t.Fatal("invalid UTF-8: no error")
	}
	if s, err := st.Stats(ctx); err != nil || s != (graph.Stats{}) {
		t.Fatalf("after the failed batch: %+v %v", s, err)
	}
	if n, err := st.WriteBatch(ctx, docs); err != nil || n != 3 {
		t.Fatalf("then: %d %v", n, err)
	}
}

// quadSet returns the store's quads as keys.
func quadSet(t *testing.T, st *graph.Store) map[string]bool {
	t.Helper()
	out := map[string]bool{}
	err := st.EachQuad(context.Background(), func(q quad.Quad) error {
		k := graphtest.QuadKey(q)
		if out[k] {
			t.Errorf("quad twice: %s", k)
		}
		out[k] = true
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// checkSameAsMemory fails unless st holds exactly what a memory store
// holding docs holds, with no row twice in PostgreSQL's quads table.
func checkSameAsMemory(t *testing.T, st *graph.Store, spec string, docs []*schema.Result) {
	t.Helper()
	ctx := context.Background()
	mem := openMemory(t)
	if _, err := mem.WriteBatch(ctx, docs); err != nil {
		t.Fatal(err)
	}
	want, err := mem.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	got, err := st.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if got != want {
		t.Fatalf("stats %+v, want %+v", got, want)
	}
	wq, gq := quadSet(t, mem), quadSet(t, st)
	if len(wq) != len(gq) {
		t.Fatalf("%d quads, want %d", len(gq), len(wq))
	}
	for k := range wq {
		if !gq[k] {
			t.Fatalf("missing quad %s", k)
		}
	}
	db, err := sql.Open("postgres", spec)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var rows, distinct int
	if err := db.QueryRow(`SELECT COUNT(*), COUNT(DISTINCT (subject_hash, predicate_hash, object_hash, label_hash)) FROM quads`).Scan(&rows, &distinct); err != nil {
		t.Fatal(err)
	}
	if rows != distinct || int64(rows) != want.Quads {
		t.Fatalf("quads table: %d rows, %d distinct, want %d", rows, distinct, want.Quads)
	}
}

// Two stores (two connection pools, as two processes have) write the same
// documents at once, in different orders and batch sizes: every document
// is stored once and counted as written by one writer only.
func TestPostgresTwoWriters(t *testing.T) {
	ctx := context.Background()
	spec := freshPostgres(t)
	a, err := graph.Open(ctx, spec, &graph.Options{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	b, err := graph.Open(ctx, spec, &graph.Options{Create: true, AsyncCommit: true})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	docs := graphtest.Corpus(t, 300)
	rev := append([]*schema.Result(nil), docs...)
	sort.Slice(rev, func(i, j int) bool { return i > j })
	shuf := append([]*schema.Result(nil), docs...)
	rand.New(rand.NewSource(1)).Shuffle(len(shuf), func(i, j int) { shuf[i], shuf[j] = shuf[j], shuf[i] })
	var total int64
	var mu sync.Mutex
	var wg sync.WaitGroup
	for _, w := range []struct {
		st    *graph.Store
		docs  []*schema.Result
		batch int
	}{{a, docs, 20}, {a, rev, 7}, {b, shuf, 13}, {b, docs, 1}} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < len(w.docs); i += w.batch {
				n, err := w.st.WriteBatch(ctx, w.docs[i:min(i+w.batch, len(w.docs))])
				if err != nil {
					t.Error(err)
					return
				}
				mu.Lock()
				total += int64(n)
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	if total != int64(len(docs)) {
		t.Fatalf("writers report %d documents written, want %d", total, len(docs))
	}
	checkSameAsMemory(t, a, spec, docs)
}

// writerEnv makes the test binary a writer process for
// TestPostgresTwoWriterProcesses: "URL;ORDER;BATCH".
const writerEnv = "DOSSIER_TEST_WRITER"

// writerDocs is the corpus the writer processes share.
const writerDocs = 400

// TestPostgresWriterProcess is the writer process; it is skipped unless
// the test binary was started as one.
func TestPostgresWriterProcess(t *testing.T) {
	arg := os.Getenv(writerEnv)
	if arg == "" {
		t.Skip("run by TestPostgresTwoWriterProcesses")
	}
	parts := strings.Split(arg, ";")
	batch, _ := strconv.Atoi(parts[2])
	st, err := graph.Open(context.Background(), parts[0], &graph.Options{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	docs := graphtest.Corpus(t, writerDocs)
	if parts[1] == "reverse" {
		sort.Slice(docs, func(i, j int) bool { return i > j })
	}
	total := 0
	for i := 0; i < len(docs); i += batch {
		n, err := st.WriteBatch(context.Background(), docs[i:min(i+batch, len(docs))])
		if err != nil {
			t.Fatal(err)
		}
		total += n
	}
	fmt.Printf("wrote %d\n", total)
}

// Two processes write the same documents into one database at once, in
// opposite orders: together they write each document once.
func TestPostgresTwoWriterProcesses(t *testing.T) {
	spec := freshPostgres(t)
	type proc struct {
		cmd *exec.Cmd
		out *bufio.Scanner
	}
	var procs []proc
	for _, arg := range []string{spec + ";forward;10", spec + ";reverse;25"} {
		cmd := exec.Command(os.Args[0], "-test.run=^TestPostgresWriterProcess$", "-test.count=1")
		cmd.Env = append(os.Environ(), writerEnv+"="+arg)
		cmd.Stderr = os.Stderr
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		procs = append(procs, proc{cmd, bufio.NewScanner(out)})
	}
	total := 0
	for _, p := range procs {
		var lines []string
		for p.out.Scan() {
			lines = append(lines, p.out.Text())
			var n int
			if _, err := fmt.Sscanf(p.out.Text(), "wrote %d", &n); err == nil {
				total += n
			}
		}
		if err := p.cmd.Wait(); err != nil {
			t.Fatalf("writer process: %v\n%s", err, strings.Join(lines, "\n"))
		}
	}
	if total != writerDocs {
		t.Fatalf("writer processes wrote %d documents, want %d", total, writerDocs)
	}
	st, err := graph.Open(context.Background(), spec, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	checkSameAsMemory(t, st, spec, graphtest.Corpus(t, writerDocs))
}

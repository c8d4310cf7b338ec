package pipeline_test

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/cayleygraph/quad"

	"github.com/dossier-project/dossier/graph"
	_ "github.com/dossier-project/dossier/graph/bolt"     // registers the bolt backend
	_ "github.com/dossier-project/dossier/graph/postgres" // registers the PostgreSQL backend
	"github.com/dossier-project/dossier/internal/cli"
	"github.com/dossier-project/dossier/schema"
)

// childEnv makes the test binary run dossier's command line instead of
// the tests, so the resume test can kill a real ingest process.
const childEnv = "DOSSIER_PIPELINE_TEST_CLI"

func TestMain(m *testing.M) {
	if os.Getenv(childEnv) == "1" {
		os.Exit(cli.Main(context.Background(), os.Args[1:]))
	}
	os.Exit(m.Run())
}

// corpus writes n synthetic news articles as JSON Lines: companies,
// people, places and agencies in sentences with reporting verbs, so that
// each has entities, claims and relations.
func corpus(t *testing.T, n int) string {
	t.Helper()
	rng := rand.New(rand.NewPCG(6, 2026))
	orgs := []string{"Kaspersky Lab", "Siemens", "Gazprom", "Volkswagen", "Huawei", "Rio Tinto", "Airbus", "Nestle", "Shell", "Toyota", "Glencore", "Vale"}
	people := []string{"Eugene Kaspersky", "Angela Merkel", "Maria Lopez", "John Smith", "Anna Petrova", "David Chen", "Ahmed Hassan", "Sophie Martin"}
	places := []string{"Germany", "Russia", "Brazil", "China", "France", "Japan", "Canada", "Kenya", "the United States", "Britain"}
	agencies := []string{"the Federal Security Service", "the European Commission", "the Securities and Exchange Commission", "the World Bank"}
	media := []string{"Reuters", "the Financial Times", "Sky News", "Le Monde"}
	verbs := []string{"said", "denied", "alleged", "acknowledged", "warned", "confirmed"}
	pick := func(xs []string) string { return xs[rng.IntN(len(xs))] }
	path := filepath.Join(t.TempDir(), "news.jsonl")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	enc := json.NewEncoder(f)
	for i := range n {
		org, org2, person, place := pick(orgs), pick(orgs), pick(people), pick(places)
		var b strings.Builder
		fmt.Fprintf(&b, "%s %s talks in %s\n\n", org, []string{"expands", "halts", "resumes"}[i%3], place)
		fmt.Fprintf(&b, "%s, the chief executive of %s, %s on Tuesday that the company would invest %d million dollars in %s. ",
			person, org, pick(verbs), 10+i, place)
		fmt.Fprintf(&b, "Officials in %s alleged that %s had broken export rules, according to %s. ", pick(places), org2, pick(media))
		fmt.Fprintf(&b, "%s denied the allegations, a spokesman told %s. ", org2, pick(media))
		fmt.Fprintf(&b, "%s %s that it had no evidence to support the reports. ", strings.ToUpper(pick(agencies)[:1])+pick(agencies)[1:], pick(verbs))
		for range 2 + rng.IntN(4) {
			fmt.Fprintf(&b, "Analysts in %s said shares of %s rose %d percent in article %d. ", pick(places), pick(orgs), 1+rng.IntN(9), i)
		}
		fmt.Fprintf(&b, "\"We will not comment on rumours,\" %s told %s.", person, pick(media))
		rec := map[string]string{"id": fmt.Sprintf("synthetic/%d", i), "title": fmt.Sprintf("Article %d", i),
			"date": fmt.Sprintf("2017-%02d-%02d", 1+i%12, 1+i%28), "source": "Synthetic Wire", "text": b.String()}
		if err := enc.Encode(rec); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

// dossier starts the command line in a child process.
func dossier(t *testing.T, args ...string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), childEnv+"=1")
	return cmd
}

// snapshot reads a store's stats and every quad as sorted N-Quads lines,
// and checks that no document is half-written: every quad's label (its
// document) has the document's complete marker.
func snapshot(t *testing.T, path string) (graph.Stats, []string) {
	t.Helper()
	ctx := context.Background()
	st, err := graph.Open(ctx, path, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	stats, err := st.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	labels := make(map[string]bool)
	complete := make(map[string]bool)
	err = st.EachQuad(ctx, func(q quad.Quad) error {
		lines = append(lines, q.NQuad())
		labels[q.Label.String()] = true
		if p, ok := q.Predicate.(quad.IRI); ok && string(p) == schema.PredComplete {
			complete[q.Subject.String()] = true
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for l := range labels {
		if !complete[l] {
			t.Errorf("store %s: document %s is half-written (no complete marker)", path, l)
		}
	}
	if len(complete) != stats.Documents {
		t.Errorf("store %s: %d complete markers, %d documents", path, len(complete), stats.Documents)
	}
	slices.Sort(lines)
	return stats, lines
}

// TestKillAndResume kills an ingest with SIGKILL at random moments (three
// times, or up to six until one lands mid-corpus), reruns it to completion
// and checks that the graph equals that of an uninterrupted run: the same
// stats and the very same quads. It does so batch by batch (--bulk=false)
// and as a bulk load, where a kill lands while the corpus is staged or
// while the store is built from it.
func TestKillAndResume(t *testing.T) {
	if testing.Short() {
		t.Skip("builds four stores from 300 articles through child processes")
	}
	if raceEnabled {
		t.Skip("bolt v1.3.1 fails the checkptr checks that -race turns on")
	}
	const docs = 300
	in := corpus(t, docs)
	for _, mode := range []struct {
		name string
		flag string
	}{{"batches", "--bulk=false"}, {"bulk", "--bulk=true"}} {
		t.Run(mode.name, func(t *testing.T) {
			dir := t.TempDir()
			ref, resumed := filepath.Join(dir, "ref.db"), filepath.Join(dir, "resumed.db")
			ingest := func(store string) []string {
				return []string{"--store", store, "ingest", mode.flag, "--workers", "2", "--batch", "16", "--progress=none", in}
			}
			killAndResume(t, docs, ingest(ref), ingest(resumed), resumed)
		})
	}
}

// killAndResume runs ref (an ingest command line) uninterrupted, then
// resumed, killed and run again, and compares the stores they leave.
func killAndResume(t *testing.T, docs int, ref, resumed []string, store string) {
	start := time.Now()
	if out, err := dossier(t, ref...).CombinedOutput(); err != nil {
		t.Fatalf("uninterrupted ingest: %v\n%s", err, out)
	}
	full := time.Since(start)
	want, wantQuads := snapshot(t, ref[1])
	if want.Documents != docs || want.Claims == 0 || want.Relations == 0 || want.Entities < 20 {
		t.Fatalf("uninterrupted ingest stored %+v; the synthetic corpus should give %d documents with claims and relations", want, docs)
	}

	rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 12))
	// Three kills that land, at least one of them in the middle of the
	// corpus. A resumed run has only what is left to do, so its kill comes
	// at a random moment of the time that part should take. A run that
	// finishes before its kill anyway (on a loaded machine the reference
	// run can be slower than the later ones) leaves nothing to resume: the
	// store is started again, and a whole run's time becomes the measure.
	kills, partial, left := 0, 0, docs
	for attempt := 0; kills < 3 || partial == 0; attempt++ {
		if attempt == 20 {
			t.Fatalf("%d kills landed, %d in the middle of the corpus, in %d attempts", kills, partial, attempt)
		}
		_, statErr := os.Stat(store)
		fresh := statErr != nil // a whole run, not a resumed one
		cmd := dossier(t, resumed...)
		start := time.Now()
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		// A random moment between 20% and 80% of the run: after
		// start-up, before the end. Start-up is a good part of a short
		// run, so a resumed run counts as a third of a whole one at least.
		run := max(full*time.Duration(left)/time.Duration(docs), full/3)
		delay := run/5 + time.Duration(rng.Int64N(int64(run)*3/5))
		var err error
		select {
		case err = <-done:
			if err != nil {
				t.Fatalf("ingest: %v", err)
			}
			took := time.Since(start)
			if fresh {
				full = took
			}
			t.Logf("attempt %d: the run finished in %v, before its kill; starting the store again", attempt+1, took)
			if err := os.RemoveAll(store); err != nil {
				t.Fatal(err)
			}
			kills, partial, left = 0, 0, docs
			continue
		case <-time.After(delay):
			if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
				t.Fatal(err)
			}
			err = <-done
		}
		killed := err != nil && strings.Contains(err.Error(), "killed")
		if _, err := os.Stat(store); err != nil {
			t.Logf("kill after %v: before the store was created", delay)
			continue
		}
		got, _ := snapshot(t, store) // checks no document is half-written
		t.Logf("kill after %v (killed: %v): %d of %d documents stored, %d staged", delay, killed, got.Documents, docs, got.Staged)
		if killed {
			kills++
		}
		left = max(docs-got.Documents-got.Staged, 0)
		// Mid-corpus: some documents stored or staged, not all stored.
		if killed && got.Documents+got.Staged > 0 && got.Documents < docs {
			partial++
		}
	}
	out, err := dossier(t, resumed...).CombinedOutput()
	if err != nil {
		t.Fatalf("resumed ingest: %v\n%s", err, out)
	}
	if !strings.Contains(string(out), "already stored") {
		t.Errorf("resumed ingest printed %q", out)
	}
	got, gotQuads := snapshot(t, store)
	if got != want {
		t.Errorf("stats after kills and resume %+v, uninterrupted %+v", got, want)
	}
	if !slices.Equal(gotQuads, wantQuads) {
		t.Errorf("quads differ: %d after kills and resume, %d uninterrupted", len(gotQuads), len(wantQuads))
		for i := 0; i < len(gotQuads) && i < len(wantQuads); i++ {
			if gotQuads[i] != wantQuads[i] {
				t.Errorf("first difference:\n  got  %s\n  want %s", gotQuads[i], wantQuads[i])
				break
			}
		}
	}
}

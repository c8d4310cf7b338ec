package graph_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dossier-project/dossier/graph"
	"github.com/dossier-project/dossier/graph/graphtest"
	"github.com/dossier-project/dossier/schema"
)

// askText is a small world, one fact a line:
//
//	Alice (per) --deny, about--> Acme (org)
//	Bob (per) --allege, target--> Alice, and told the Herald (channel)
//	Acme based in Ruritania (relation)
//	Zed is mentioned but connected to nothing.
const askText = "Alice denies that Acme did it.\n" +
	"Bob accused Alice of lying, he told the Herald.\n" +
	"Acme is based in Ruritania.\n" +
	"Zed stayed silent.\n" +
	"Alice and Acme met again."

// askResult builds the extraction result for askText by hand.
func askResult(t testing.TB) *schema.Result {
	t.Helper()
	text := askText
	sum := sha256.Sum256([]byte(text))
	h := hex.EncodeToString(sum[:])
	r := &schema.Result{Document: schema.Document{ID: h[:16], Hash: h, Text: text, Title: "Ask", Date: "2020-05-01"}}
	runes := []rune(text)
	off := 0
	for _, line := range strings.Split(text, "\n") {
		n := len([]rune(line))
		r.Sentences = append(r.Sentences, schema.MakeSpan(runes, off, off+n))
		off += n + 1
	}
	// span finds the nth occurrence (0-based) of s.
	span := func(s string, nth int) (schema.Span, int) {
		i := -1
		for k := 0; k <= nth; k++ {
			j := strings.Index(text[i+1:], s)
			if j < 0 {
				t.Fatalf("%q not in text", s)
			}
			i += 1 + j
		}
		st := len([]rune(text[:i]))
		sp := schema.MakeSpan(runes, st, st+len([]rune(s)))
		for k, sn := range r.Sentences {
			if sn.Contains(sp) {
				return sp, k
			}
		}
		t.Fatalf("%q in no sentence", s)
		return sp, 0
	}
	ent := func(typ, name, kind string, n int) {
		e := schema.Entity{ID: schema.Key(typ, name), Name: name, Type: typ, Kind: kind, Aliases: []string{}}
		for k := 0; k < n; k++ {
			sp, si := span(name, k)
			e.Mentions = append(e.Mentions, schema.Mention{Span: sp, Sentence: si})
		}
		r.Entities = append(r.Entities, e)
	}
	ent(schema.Person, "Alice", "", 3)
	ent(schema.Organization, "Acme", "company", 3)
	ent(schema.Person, "Bob", "", 1)
	ent(schema.Organization, "Herald", "media", 1)
	ent(schema.Place, "Ruritania", "country", 1)
	ent(schema.Person, "Zed", "", 1)
	cue1, s1 := span("denies", 0)
	cue2, s2 := span("accused", 0)
	r.Claims = []schema.Claim{
		{ID: "c1", Claimant: "per/alice", ClaimantText: "Alice", Stance: schema.Deny, Cue: cue1,
			About: []string{"org/acme"}, RespondsTo: []string{}, Sentence: s1, Evidence: r.Sentences[s1]},
		{ID: "c2", Claimant: "per/bob", ClaimantText: "Bob", Stance: "allege", Cue: cue2,
			About: []string{}, Target: "per/alice", Channel: "org/herald", RespondsTo: []string{}, Sentence: s2, Evidence: r.Sentences[s2]},
	}
	ev, s3 := span("Acme is based in Ruritania", 0)
	r.Relations = []schema.Relation{{Subject: "org/acme", Predicate: schema.BasedIn, Object: "loc/ruritania", Sentence: s3, Evidence: ev}}
	if err := r.Check(); err != nil {
		t.Fatal(err)
	}
	return r
}

// askStores returns a memory, a bolt and (when a test server is set) a
// PostgreSQL store holding askText.
func askStores(t *testing.T) map[string]*graph.Store {
	t.Helper()
	ctx := context.Background()
	out := make(map[string]*graph.Store)
	specs := map[string]string{"memory": "memory", "bolt": filepath.Join(t.TempDir(), "g.db")}
	if os.Getenv(graphtest.PostgresEnv) != "" {
		specs["postgres"] = graphtest.FreshPostgres(t)
	}
	for name, spec := range specs {
		st, err := graph.Open(ctx, spec, &graph.Options{Create: true})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { st.Close() })
		if _, err := st.Write(ctx, askResult(t)); err != nil {
			t.Fatal(err)
		}
		out[name] = st
	}
	return out
}

func edgeKeys(es []graph.Edge) []string {
	var out []string
	for _, e := range es {
		out = append(out, fmt.Sprintf("%s-%s/%s/%s->%s", e.Kind, e.Label, e.Role, e.From.Name, e.To.Name))
	}
	return out
}

func TestNeighbours(t *testing.T) {
	ctx := context.Background()
	for name, st := range askStores(t) {
		t.Run(name, func(t *testing.T) {
			nb, err := st.Neighbours(ctx, "per/alice", 1, 50)
			if err != nil {
				t.Fatal(err)
			}
			var names []string
			for _, n := range nb.Nodes {
				names = append(names, fmt.Sprintf("%s@%d", n.Name, n.Depth))
			}
			// Bob is joined to Alice by one claim (target); Acme by one
			// (about); the Herald only through Bob, so not at depth 1.
			if got, want := strings.Join(names, " "), "Alice@0 Acme@1 Bob@1"; got != want {
				t.Errorf("depth 1 nodes: %s, want %s", got, want)
			}
			got := strings.Join(edgeKeys(nb.Edges), " ")
			if want := "claim-deny/about/Alice->Acme claim-allege/target/Bob->Alice"; got != want {
				t.Errorf("depth 1 edges: %s, want %s", got, want)
			}
			if nb.Truncated {
				t.Error("truncated with room to spare")
			}
			for _, e := range nb.Edges {
				if e.Label == "deny" && (e.Evidence.Text != "Alice denies that Acme did it." || e.Cue.Text != "denies" ||
					e.Document.Title != "Ask" || e.Date != "2020-05-01") {
					t.Errorf("deny edge evidence: %+v", e)
				}
			}

			nb, err = st.Neighbours(ctx, "per/alice", 2, 50)
			if err != nil {
				t.Fatal(err)
			}
			if len(nb.Nodes) != 5 {
				t.Errorf("depth 2: %d nodes, want 5 (Alice, Acme, Bob, Herald, Ruritania)", len(nb.Nodes))
			}
			got = strings.Join(edgeKeys(nb.Edges), " ")
			for _, want := range []string{"claim-allege/channel/Bob->Herald", "relation-based in//Acme->Ruritania"} {
				if !strings.Contains(got, want) {
					t.Errorf("depth 2 edges lack %s: %s", want, got)
				}
			}

			nb, err = st.Neighbours(ctx, "per/alice", 2, 1)
			if err != nil {
				t.Fatal(err)
			}
			if len(nb.Nodes) != 2 || !nb.Truncated {
				t.Errorf("limit 1: %d nodes, truncated %v; want 2, true", len(nb.Nodes), nb.Truncated)
			}

			nb, err = st.Neighbours(ctx, "per/zed", 3, 50)
			if err != nil || len(nb.Nodes) != 1 || len(nb.Edges) != 0 {
				t.Errorf("isolated entity: %+v %v", nb, err)
			}
		})
	}
}

func TestAskBadArguments(t *testing.T) {
	ctx := context.Background()
	st := askStores(t)["memory"]
	for _, tc := range []struct {
		name string
		err  error
		call func() error
	}{
		{"depth 0", graph.ErrInvalid, func() error { _, err := st.Neighbours(ctx, "per/alice", 0, 10); return err }},
		{"depth too deep", graph.ErrInvalid, func() error { _, err := st.Neighbours(ctx, "per/alice", graph.MaxDepth+1, 10); return err }},
		{"limit 0", graph.ErrInvalid, func() error { _, err := st.Neighbours(ctx, "per/alice", 1, 0); return err }},
		{"unknown centre", graph.ErrNotFound, func() error { _, err := st.Neighbours(ctx, "per/nobody", 1, 10); return err }},
		{"hops 0", graph.ErrInvalid, func() error { _, err := st.Path(ctx, "per/alice", "org/acme", 0); return err }},
		{"hops 11", graph.ErrInvalid, func() error { _, err := st.Path(ctx, "per/alice", "org/acme", graph.MaxHops+1); return err }},
		{"path to self", graph.ErrInvalid, func() error { _, err := st.Path(ctx, "per/alice", "per/alice", 3); return err }},
		{"path from unknown", graph.ErrNotFound, func() error { _, err := st.Path(ctx, "per/nobody", "org/acme", 3); return err }},
		{"path to isolated", graph.ErrNotFound, func() error { _, err := st.Path(ctx, "per/alice", "per/zed", 10); return err }},
		{"mentions unknown", graph.ErrNotFound, func() error { _, err := st.Mentions(ctx, "org/nobody"); return err }},
		{"between unknown", graph.ErrNotFound, func() error { _, err := st.Between(ctx, "org/acme", "org/nobody"); return err }},
	} {
		if err := tc.call(); !errors.Is(err, tc.err) {
			t.Errorf("%s: %v, want %v", tc.name, err, tc.err)
		}
	}
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := st.Neighbours(cancelled, "per/alice", 2, 10); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled context: %v", err)
	}
}

func TestPath(t *testing.T) {
	ctx := context.Background()
	for name, st := range askStores(t) {
		t.Run(name, func(t *testing.T) {
			ps, err := st.Path(ctx, "org/herald", "loc/ruritania", 10)
			if err != nil {
				t.Fatal(err)
			}
			if len(ps) != 1 {
				t.Fatalf("%d paths, want 1: %+v", len(ps), ps)
			}
			var chain []string
			for _, h := range ps[0].Hops {
				chain = append(chain, h.From.Name)
				if len(h.Edges) == 0 {
					t.Errorf("hop %s-%s has no evidence", h.From.Name, h.To.Name)
				}
			}
			if got := strings.Join(chain, " > "); got != "Herald > Bob > Alice > Acme" {
				t.Errorf("path %s", got)
			}
			last := ps[0].Hops[3]
			if last.To.Name != "Ruritania" || last.Edges[0].Evidence.Text != "Acme is based in Ruritania" {
				t.Errorf("last hop: %+v", last)
			}
			if _, err := st.Path(ctx, "org/herald", "loc/ruritania", 3); !errors.Is(err, graph.ErrNotFound) {
				t.Errorf("4-hop path within 3: %v", err)
			}
			es, err := st.Between(ctx, "org/acme", "per/alice")
			if err != nil || len(es) != 1 || es[0].Label != "deny" || es[0].From.Name != "Alice" {
				t.Errorf("between Acme and Alice: %+v %v", es, err)
			}
		})
	}
}

func TestMentions(t *testing.T) {
	ctx := context.Background()
	for name, st := range askStores(t) {
		t.Run(name, func(t *testing.T) {
			ms, err := st.Mentions(ctx, "org/acme")
			if err != nil {
				t.Fatal(err)
			}
			if len(ms) != 1 || ms[0].Document.Title != "Ask" {
				t.Fatalf("mentions: %+v", ms)
			}
			var got []string
			for _, s := range ms[0].Sentences {
				if len(s.Mentions) != 1 || s.Mentions[0].Text != "Acme" || !s.Sentence.Contains(s.Mentions[0]) {
					t.Errorf("sentence %d mentions %+v", s.Index, s.Mentions)
				}
				got = append(got, fmt.Sprint(s.Index))
			}
			if strings.Join(got, ",") != "0,2,4" {
				t.Errorf("sentences %v, want 0,2,4", got)
			}
		})
	}
}

func BenchmarkNeighbours(b *testing.B) {
	ctx := context.Background()
	st, err := graph.Open(ctx, filepath.Join(b.TempDir(), "g.db"), &graph.Options{Create: true})
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	if _, err := st.Write(ctx, askResult(b)); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for range b.N {
		if _, err := st.Neighbours(ctx, "per/alice", 2, 50); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkNeighboursStore asks for the one-hop neighbourhood of the most
// mentioned entities of the bolt store at $DOSSIER_BENCH_STORE (for
// example one built from the Reuters corpus); it is skipped without one.
func BenchmarkNeighboursStore(b *testing.B) {
	path := os.Getenv("DOSSIER_BENCH_STORE")
	if path == "" {
		b.Skip("set DOSSIER_BENCH_STORE to a store to benchmark on")
	}
	ctx := context.Background()
	st, err := graph.Open(ctx, path, nil)
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	es, err := st.Entities(ctx, "")
	if err != nil {
		b.Fatal(err)
	}
	es = es[:min(len(es), 20)]
	b.ResetTimer()
	for i := range b.N {
		if _, err := st.Neighbours(ctx, es[i%len(es)].ID, 1, 50); err != nil {
			b.Fatal(err)
		}
	}
}

func TestEntity(t *testing.T) {
	ctx := context.Background()
	for name, st := range askStores(t) {
		t.Run(name, func(t *testing.T) {
			for _, id := range []string{"per/alice", "org/acme", "per/zed"} {
				got, err := st.Entity(ctx, id)
				if err != nil {
					t.Fatal(err)
				}
				es, err := st.Find(ctx, id)
				if err != nil {
					t.Fatal(err)
				}
				want := es[0]
				if want.Merges == nil {
					want.Merges = got.Merges
				}
				if got.ID != want.ID || got.Name != want.Name || got.Type != want.Type || got.Kind != want.Kind ||
					got.Mentions != want.Mentions || got.Documents != want.Documents || len(got.Aliases) != len(want.Aliases) {
					t.Errorf("Entity(%s) = %+v, Find gives %+v", id, got, want)
				}
			}
			if _, err := st.Entity(ctx, "per/nobody"); !errors.Is(err, graph.ErrNotFound) {
				t.Errorf("unknown: %v", err)
			}
		})
	}
}

func TestDirectory(t *testing.T) {
	ctx := context.Background()
	for name, st := range askStores(t) {
		t.Run(name, func(t *testing.T) {
			dir, err := st.Directory(ctx)
			if err != nil {
				t.Fatal(err)
			}
			all, err := st.Entities(ctx, "")
			if err != nil {
				t.Fatal(err)
			}
			if len(dir) != len(all) {
				t.Fatalf("directory has %d entities, Entities %d", len(dir), len(all))
			}
			byID := make(map[string]graph.EntityInfo)
			for _, e := range dir {
				byID[e.ID] = e
			}
			for _, want := range all {
				got := byID[want.ID]
				if got.Name != want.Name || got.Type != want.Type || got.Kind != want.Kind || got.Documents != want.Documents {
					t.Errorf("directory %+v, Entities %+v", got, want)
				}
			}
		})
	}
}

func TestCount(t *testing.T) {
	ctx := context.Background()
	for name, st := range askStores(t) {
		t.Run(name, func(t *testing.T) {
			for id, want := range map[string]graph.Counts{
				"per/alice":     {ClaimsBy: 1, ClaimsAbout: 1, Allegations: 1},
				"org/acme":      {ClaimsAbout: 1, Relations: 1},
				"per/bob":       {ClaimsBy: 1},
				"loc/ruritania": {Relations: 1},
				"per/zed":       {},
			} {
				got, err := st.Count(ctx, id)
				if err != nil || got != want {
					t.Errorf("Count(%s) = %+v, %v; want %+v", id, got, err, want)
				}
			}
			if _, err := st.Count(ctx, "per/nobody"); !errors.Is(err, graph.ErrNotFound) {
				t.Errorf("unknown: %v", err)
			}
		})
	}
}

// The name a path shows for an entity is the best its documents give
// (BetterName), on the quads as through the read index, not the first one
// stored: a headline's "ACME" stored before "Acme".
func TestPathShowsTheBestName(t *testing.T) {
	ctx := context.Background()
	for _, index := range []bool{false, true} {
		t.Run(fmt.Sprint("index ", index), func(t *testing.T) {
			st, err := graph.Open(ctx, filepath.Join(t.TempDir(), "g.db"), &graph.Options{Create: true})
			if err != nil {
				t.Fatal(err)
			}
			defer st.Close()
			head := graphtest.Result(t, "ACME GROWS", map[string][2]string{"ACME": {schema.Organization, ""}}, nil)
			for _, r := range []*schema.Result{head, askResult(t)} {
				if _, err := st.Write(ctx, r); err != nil {
					t.Fatal(err)
				}
			}
			st.UseIndex(index)
			ps, err := st.Path(ctx, "org/acme", "loc/ruritania", 3)
			if err != nil || len(ps) == 0 {
				t.Fatalf("path: %v %v", ps, err)
			}
			if got := ps[0].Hops[0].From.Name; got != "Acme" {
				t.Errorf("path from %q, want Acme", got)
			}
		})
	}
}

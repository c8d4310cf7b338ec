package graph

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dossier-project/dossier/schema"
)

// result builds a small extraction result by hand: text, one sentence per
// line, entities found by searching their names.
func result(t testing.TB, text string, ents map[string][2]string, claims []schema.Claim) *schema.Result {
	t.Helper()
	sum := sha256.Sum256([]byte(text))
	h := hex.EncodeToString(sum[:])
	r := &schema.Result{Document: schema.Document{ID: h[:16], Hash: h, Text: text, Title: "T " + h[:4], Date: "2017-10-24"}}
	runes := []rune(text)
	off := 0
	for _, line := range strings.Split(text, "\n") {
		n := len([]rune(line))
		r.Sentences = append(r.Sentences, schema.MakeSpan(runes, off, off+n))
		off += n + 1
	}
	sentOf := func(p int) int {
		for i, s := range r.Sentences {
			if p >= s.Start && p < s.End {
				return i
			}
		}
		return 0
	}
	for name, tk := range ents {
		e := schema.Entity{ID: schema.Key(tk[0], name), Name: name, Type: tk[0], Kind: tk[1], Aliases: []string{}}
		i := strings.Index(text, name)
		if i < 0 {
			t.Fatalf("%q not in text", name)
		}
		start := len([]rune(text[:i]))
		e.Mentions = append(e.Mentions, schema.Mention{Span: schema.MakeSpan(runes, start, start+len([]rune(name))), Sentence: sentOf(start)})
		r.Entities = append(r.Entities, e)
	}
	r.Claims = claims
	if err := r.Check(); err != nil {
		t.Fatal(err)
	}
	return r
}

func openAll(t *testing.T) map[string]*Store {
	t.Helper()
	ctx := context.Background()
	mem, err := Open(ctx, "memory", nil)
	if err != nil {
		t.Fatal(err)
	}
	bolt, err := Open(ctx, filepath.Join(t.TempDir(), "g.db"), &Options{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { mem.Close(); bolt.Close() })
	return map[string]*Store{"memory": mem, "bolt": bolt}
}

func TestWriteIsIdempotent(t *testing.T) {
	ctx := context.Background()
	text := "Mr Kaspersky denies helping the FSB.\nThe NSA declined to comment."
	ents := map[string][2]string{"Kaspersky": {schema.Person, ""}, "FSB": {schema.Organization, "government agency"}, "NSA": {schema.Organization, ""}}
	claims := []schema.Claim{{ID: "c1", Claimant: "per/kaspersky", ClaimantText: "Mr Kaspersky", Stance: schema.Deny,
		Cue: schema.Span{Text: "denies", Start: 13, End: 19}, About: []string{"org/fsb"}, RespondsTo: []string{},
		Evidence: schema.Span{Text: "Mr Kaspersky denies helping the FSB.", Start: 0, End: 36}}}
	for name, st := range openAll(t) {
		t.Run(name, func(t *testing.T) {
			r := result(t, text, ents, claims)
			ok, err := st.Write(ctx, r)
			if err != nil || !ok {
				t.Fatalf("first write: %v %v", ok, err)
			}
			s1, err := st.Stats(ctx)
			if err != nil {
				t.Fatal(err)
			}
			want := Stats{Documents: 1, Entities: 3, Claims: 1, Quads: s1.Quads}
			if s1 != want || s1.Quads == 0 {
				t.Fatalf("stats %+v, want %+v", s1, want)
			}
			ok, err = st.Write(ctx, result(t, text, ents, claims))
			if err != nil || ok {
				t.Fatalf("second write: wrote=%v err=%v", ok, err)
			}
			s2, _ := st.Stats(ctx)
			if s2 != s1 {
				t.Fatalf("stats changed: %+v -> %+v", s1, s2)
			}
			// A second document mentioning the same organisation adds no
			// entity node for it.
			r2 := result(t, "The FSB said nothing.", map[string][2]string{"FSB": {schema.Organization, ""}}, nil)
			if _, err := st.Write(ctx, r2); err != nil {
				t.Fatal(err)
			}
			s3, _ := st.Stats(ctx)
			if s3.Documents != 2 || s3.Entities != 3 {
				t.Fatalf("after second doc: %+v", s3)
			}
			es, err := st.Find(ctx, "fsb")
			if err != nil {
				t.Fatal(err)
			}
			if len(es) != 1 || es[0].Documents != 2 || es[0].Mentions != 2 || es[0].Kind != "government agency" {
				t.Fatalf("FSB: %+v", es)
			}
			cs, err := st.Claims(ctx, ClaimFilter{About: "org/fsb"})
			if err != nil {
				t.Fatal(err)
			}
			if len(cs) != 1 || cs[0].Claimant.Name != "Kaspersky" || cs[0].Stance != "deny" ||
				cs[0].Evidence.Text != "Mr Kaspersky denies helping the FSB." || cs[0].Document.Date != "2017-10-24" {
				t.Fatalf("claims: %+v", cs)
			}
			if _, err := st.Find(ctx, "Nobody"); !errors.Is(err, ErrNotFound) {
				t.Fatalf("unknown entity: %v", err)
			}
		})
	}
}

func TestOpenBadStores(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	file := filepath.Join(dir, "file")
	os.WriteFile(file, []byte("hello"), 0o644)
	other := filepath.Join(dir, "other")
	os.MkdirAll(other, 0o755)
	os.WriteFile(filepath.Join(other, "x.txt"), []byte("x"), 0o644)
	corrupt := filepath.Join(dir, "corrupt")
	os.MkdirAll(corrupt, 0o755)
	os.WriteFile(filepath.Join(corrupt, boltFile), []byte(strings.Repeat("garbage!", 1000)), 0o644)
	for _, tc := range []struct {
		path   string
		create bool
		want   error
	}{
		{file, true, ErrNotStore},
		{other, true, ErrNotStore},
		{corrupt, false, ErrNotStore},
		{filepath.Join(dir, "missing"), false, ErrNoStore},
	} {
		st, err := Open(ctx, tc.path, &Options{Create: tc.create})
		if !errors.Is(err, tc.want) {
			if st != nil {
				st.Close()
			}
			t.Errorf("Open(%s): %v, want %v", tc.path, err, tc.want)
		}
		if err != nil && !strings.Contains(err.Error(), tc.path) {
			t.Errorf("error %q does not name the path", err)
		}
	}
	// Corrupt data was not overwritten.
	b, _ := os.ReadFile(filepath.Join(corrupt, boltFile))
	if !strings.HasPrefix(string(b), "garbage!") {
		t.Error("corrupt store was modified")
	}
}

func TestOpenLocked(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "g.db")
	st, err := Open(ctx, path, &Options{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	_, err = Open(ctx, path, nil)
	if !errors.Is(err, ErrLocked) {
		t.Fatalf("second open: %v, want ErrLocked", err)
	}
}

func TestQuery(t *testing.T) {
	ctx := context.Background()
	st, _ := Open(ctx, "memory", nil)
	defer st.Close()
	r := result(t, "The FSB said nothing.", map[string][2]string{"FSB": {schema.Organization, ""}}, nil)
	if _, err := st.Write(ctx, r); err != nil {
		t.Fatal(err)
	}
	res, err := st.Query(ctx, "gizmo", `g.V().Has("<http://schema.org/name>", "FSB").All()`, QueryOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res) != 1 {
		t.Fatalf("gizmo: %v", res)
	}
	if _, err := st.Query(ctx, "gizmo", `g.V(.All()`, QueryOptions{}); err == nil {
		t.Fatal("malformed query: no error")
	}
	if _, err := st.Query(ctx, "sparql", `x`, QueryOptions{}); err == nil {
		t.Fatal("unknown language: no error")
	}
}

package extract

import (
	"context"
	"strings"
	"testing"

	"github.com/dossier-project/dossier/graph"
	"github.com/dossier-project/dossier/internal/pathology"
	"github.com/dossier-project/dossier/schema"
)

// maxDocQuads is what the bounds hold one document's quads to: a claim is
// at most about 45 quads (13 entities it is about, 16 answers), a mention
// 5, an entity 6 and its aliases and merges, a relation 11, a stored
// sentence 6.
const maxDocQuads = 130_000

// TestBoundHostile: hostile documents past the bounds keep the first
// mentions, entities and claims in text order, say so in a warning, and
// store a bounded number of quads.
func TestBoundHostile(t *testing.T) {
	x := newExtractor(t)
	for _, tc := range []struct {
		name string
		text []byte
		want string // in the warning
	}{
		{"claim-sentences", pathology.ClaimSentences(240 << 10), "the first 1000 claims"},
		{"long-sentence", pathology.LongSentence(120 << 10), "the first 1000 of"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, err := x.Extract(context.Background(), doc(string(tc.text)))
			if err != nil {
				t.Fatal(err)
			}
			mentions := 0
			for _, e := range res.Entities {
				mentions += len(e.Mentions)
			}
			if len(res.Claims) > MaxDocClaims || len(res.Entities) > MaxDocEntities || mentions > MaxDocMentions || len(res.Relations) > MaxDocRelations {
				t.Errorf("%d claims, %d entities, %d mentions, %d relations: over the bounds", len(res.Claims), len(res.Entities), mentions, len(res.Relations))
			}
			if q := len(graph.Quads(res)); q > maxDocQuads {
				t.Errorf("%d quads, want at most %d", q, maxDocQuads)
			}
			var warned string
			for _, w := range res.Warnings {
				if strings.HasPrefix(w, "over the bounds of one document") {
					warned = w
				}
			}
			if !strings.Contains(warned, tc.want) {
				t.Errorf("warnings %q, want one with %q", res.Warnings, tc.want)
			}
			// The claims kept are the first ones: those of a smaller
			// document that is the start of this one, up to the last
			// sentence the bound searched.
			if tc.name == "claim-sentences" {
				last := res.Claims[len(res.Claims)-1]
				head, err := x.Extract(context.Background(), doc(string([]rune(string(tc.text))[:last.Evidence.Start])))
				if err != nil {
					t.Fatal(err)
				}
				for i, c := range head.Claims {
					if c.Cue != res.Claims[i].Cue || c.Content != res.Claims[i].Content {
						t.Fatalf("claim %d: %v %v in the head, %v %v in the whole", i, c.Cue, c.Content, res.Claims[i].Cue, res.Claims[i].Content)
					}
				}
			}
		})
	}
}

// TestBoundEntities: past the bounds, the first mentions in text order
// are kept, an entity left without one goes, one that never had one (a
// place a relation names) stays, and the entities keep their order.
func TestBoundEntities(t *testing.T) {
	ment := func(start int) schema.Mention {
		return schema.Mention{Span: schema.Span{Text: "x", Start: start, End: start + 1}}
	}
	late := schema.Entity{ID: "late"}
	for i := 0; i < MaxDocMentions; i++ {
		late.Mentions = append(late.Mentions, ment(1000+i))
	}
	early := schema.Entity{ID: "early", Mentions: []schema.Mention{ment(5), ment(2_000_000)}}
	gone := schema.Entity{ID: "gone", Mentions: []schema.Mention{ment(1_000_000)}}
	none := schema.Entity{ID: "none"}
	var b bounded
	got := b.boundEntities([]schema.Entity{late, gone, none, early})
	var ids []string
	n := 0
	for _, e := range got {
		ids = append(ids, e.ID)
		n += len(e.Mentions)
	}
	if strings.Join(ids, " ") != "late none early" || n != MaxDocMentions || len(got[0].Mentions) != MaxDocMentions-1 || len(got[2].Mentions) != 1 {
		t.Errorf("kept %v with %d mentions", ids, n)
	}
	if w := b.warning(); !strings.Contains(w, "the first 5000 of 5003 mentions") {
		t.Errorf("warning %q", w)
	}
}

// TestNoEntityBounds: an extractor for scoring a trusted corpus given as
// one document keeps every entity past MaxDocEntities, and says nothing
// of bounds; the default one keeps the first MaxDocEntities.
func TestNoEntityBounds(t *testing.T) {
	text := doc(string(pathology.LongSentence(120 << 10)))
	count := func(opt Options) (int, []string) {
		x, err := New(opt)
		if err != nil {
			t.Fatal(err)
		}
		res, err := x.Extract(context.Background(), text)
		if err != nil {
			t.Fatal(err)
		}
		return len(res.Entities), res.Warnings
	}
	bounded, _ := count(Options{NoClaims: true})
	all, warnings := count(Options{NoClaims: true, NoEntityBounds: true})
	if bounded != MaxDocEntities || all <= MaxDocEntities {
		t.Errorf("entities: %d bounded (want %d), %d unbounded (want more)", bounded, MaxDocEntities, all)
	}
	for _, w := range warnings {
		if strings.HasPrefix(w, "over the bounds of one document") {
			t.Errorf("unbounded extractor warned %q", w)
		}
	}
}

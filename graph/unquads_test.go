package graph_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/dossier-project/dossier/graph"
	"github.com/dossier-project/dossier/graph/graphtest"
	"github.com/dossier-project/dossier/schema"
)

// ResultFromQuads gives back, from a document's quads, a result with the
// same read-index records as the document's own: on the fixtures and on
// real extractions (the example article, and Reuters-21578 stories when
// ../shared is present).
func TestResultFromQuads(t *testing.T) {
	docs := graphtest.IndexCorpus(t, 60)
	for _, r := range docs {
		back, err := graph.ResultFromQuads(graph.Quads(r))
		if err != nil {
			t.Fatalf("%s: %v", r.Document.ID, err)
		}
		if d := cmp.Diff(graph.Records(r), graph.Records(back), cmpopts.EquateEmpty()); d != "" {
			t.Errorf("%s: records differ (-written +read back):\n%s", r.Document.ID, d)
		}
		// And its quads are the same quads.
		if d := cmp.Diff(graph.Quads(r), graph.Quads(back), cmpopts.EquateEmpty()); d != "" {
			t.Errorf("%s: quads differ (-written +read back):\n%s", r.Document.ID, d)
		}
	}
}

// A document's ticker ties ("Zorblat Motors Corp <ZMC>") survive the round
// trip through its quads, which keep the sentences but not the whole text:
// a store rebuilt from its quads keeps them.
func TestResultFromQuadsKeepsTickerTies(t *testing.T) {
	org := [2]string{schema.Organization, ""}
	r := graphtest.Result(t, "Shares rose. Zorblat Motors Corp <ZMC> said sales rose.", map[string][2]string{"Zorblat Motors Corp": org}, nil)
	if len(graph.Records(r).Ties) == 0 {
		t.Fatalf("the fixture states no tie: %+v", graph.Records(r))
	}
	back, err := graph.ResultFromQuads(graph.Quads(r))
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(graph.Records(r).Ties, graph.Records(back).Ties, cmpopts.EquateEmpty()); d != "" {
		t.Errorf("ties differ (-written +read back):\n%s", d)
	}
}

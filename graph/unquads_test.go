package graph_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/dossier-project/dossier/graph"
	"github.com/dossier-project/dossier/graph/graphtest"
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

package graph_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dossier-project/dossier/extract"
	"github.com/dossier-project/dossier/extract/source"
	"github.com/dossier-project/dossier/graph"
	"github.com/dossier-project/dossier/schema"
)

// TestAnswerSidesFromRelations: a person whose role of the accused
// organisation the store holds ("Donald Houston, administrator of the Food
// Safety and Inspection Service") answers for it in another article, where
// the denial names neither the organisation nor the role.
func TestAnswerSidesFromRelations(t *testing.T) {
	ctx := context.Background()
	x, err := extract.New(extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	texts := []string{
		"Consumer groups accused the Food Safety and Inspection Service of failing to detect salmonella contamination in poultry.",
		"Donald Houston, administrator of the Food Safety and Inspection Service, spoke to farmers on Monday. Houston denied that poultry inspectors fail to detect salmonella contamination.",
	}
	var rs []*schema.Result
	for i, txt := range texts {
		docs, errs := source.Parse(filepath.Join("story", string(rune('a'+i))+".txt"), []byte(txt+"\n"))
		if len(errs) > 0 {
			t.Fatal(errs[0])
		}
		r, err := x.Extract(ctx, docs[0])
		if err != nil {
			t.Fatal(err)
		}
		rs = append(rs, r)
	}
	st, err := graph.Open(ctx, "memory", nil)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, err := st.WriteBatch(ctx, rs); err != nil {
		t.Fatal(err)
	}
	ts, err := st.Threads(ctx, graph.ThreadFilter{})
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, th := range ts {
		for _, a := range th.Answers {
			found = found || a.Across && strings.Contains(a.Reason, "answers for Food Safety and Inspection Service")
		}
	}
	if !found {
		t.Errorf("Houston's denial not linked across articles for the FSIS: %+v", ts)
	}
}

package bolt_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/dossier-project/dossier/extract"
	"github.com/dossier-project/dossier/extract/source"
	"github.com/dossier-project/dossier/graph"
	"github.com/dossier-project/dossier/graph/bolt"
	"github.com/dossier-project/dossier/schema"
)

// TestSurnameLinks: a person named only by surname in a document is read
// as the full-name person the corpus names with that surname, when one
// dominates; an honorific of the other sex, or too little support, keeps
// it apart. The index and the quads give the same answers.
func TestSurnameLinks(t *testing.T) {
	ctx := context.Background()
	x, err := extract.New(extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	texts := []string{
		"Tony Blair visited Leeds on Monday. Mr Blair said schools would get more money.",
		"Prime Minister Tony Blair met union leaders. Mr Blair told them pay would rise.",
		"Tony Blair flew to Washington, where Mr Blair met the president.",
		"Mr Blair said on Friday that the election would be held in May.",
		"Police said Mr Blair had been warned about the protest.",
		"Mrs Blair opened a hospital wing in Sedgefield.",
		"Cherie Blair, a lawyer, spoke at the conference. Mrs Blair said judges were independent.",
		"Mr Kennedy said the Liberal Democrats would fight every seat.",
		"Charles Kennedy campaigned in Scotland. Mr Kennedy said the war was wrong.",
		"Nigel Kennedy played at the festival. Mr Kennedy is a violinist.",
		"Eugene Kaspersky founded the security firm in 1997. Mr Kaspersky said it would grow.",
		"Mr Kaspersky said his company had never helped any government spy on its customers.",
		"Mrs Kaspersky opened the new office in Moscow.",
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
	st, err := graph.Open(ctx, filepath.Join(t.TempDir(), "g"), &graph.Options{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, err := st.WriteBatch(ctx, rs); err != nil {
		t.Fatal(err)
	}
	var byIndex, byQuads []graph.EntityInfo
	for _, quads := range []bool{false, true} {
		bolt.ReadQuads(st, quads)
		es, err := st.Entities(ctx, schema.Person)
		if err != nil {
			t.Fatal(err)
		}
		if quads {
			byQuads = es
		} else {
			byIndex = es
		}
		names := map[string]graph.EntityInfo{}
		for _, e := range es {
			names[e.Name] = e
		}
		tony, ok := names["Tony Blair"]
		if !ok || tony.Documents != 5 {
			t.Errorf("quads %v: Tony Blair in %d documents, want 5 (3 in full, 2 as Mr Blair alone)", quads, tony.Documents)
		}
		found := false
		for _, m := range tony.Merges {
			if m.Rule == "corpus-surname" && m.Alias == "Mr Blair" && m.Confidence == 1 && strings.Contains(m.Evidence.Text, "3 of the 3 documents") {
				found = true
			}
		}
		if !found {
			t.Errorf("quads %v: no corpus-surname merge on Tony Blair: %+v", quads, tony.Merges)
		}
		if _, ok := names["Mr Blair"]; ok {
			t.Errorf("quads %v: Mr Blair listed apart from Tony Blair", quads)
		}
		// Mrs Blair is not Tony Blair; Cherie Blair, of one document only,
		// is the only female Blair named in full: Mrs Blair is read as
		// her, with a lower confidence.
		if _, ok := names["Mrs Blair"]; ok {
			t.Errorf("quads %v: Mrs Blair listed apart from Cherie Blair", quads)
		}
		if !hasMerge(names["Cherie Blair"], "Mrs Blair", 0.6, "only Blair named in full") {
			t.Errorf("quads %v: no corpus-surname merge of Mrs Blair on Cherie Blair: %+v", quads, names["Cherie Blair"].Merges)
		}
		for _, m := range tony.Merges {
			if m.Alias == "Mrs Blair" {
				t.Errorf("quads %v: Mrs Blair merged into Tony Blair: %+v", quads, m)
			}
		}
		// Mr Kaspersky of another story is the one Kaspersky named in
		// full; Mrs Kaspersky is not Eugene.
		if e := names["Eugene Kaspersky"]; e.Documents != 2 || !hasMerge(e, "Mr Kaspersky", 0.6, "only Kaspersky named in full (1 document)") {
			t.Errorf("quads %v: Eugene Kaspersky in %d documents, want 2, merges %+v", quads, e.Documents, e.Merges)
		}
		if _, ok := names["Mrs Kaspersky"]; !ok {
			t.Errorf("quads %v: Mrs Kaspersky was merged", quads)
		}
		// Two Kennedys of one document each: Mr Kennedy stays apart.
		if _, ok := names["Mr Kennedy"]; !ok {
			t.Errorf("quads %v: Mr Kennedy was merged though no Kennedy dominates", quads)
		}
		got, err := st.Find(ctx, "Tony Blair")
		if err != nil || len(got) != 1 || got[0].Documents != 5 {
			t.Errorf("quads %v: Find: %v %+v", quads, err, got)
		}
		cs, err := st.Claims(ctx, graph.ClaimFilter{By: "per/tony-blair"})
		alone := false
		for _, c := range cs {
			alone = alone || strings.HasPrefix(c.Evidence.Text, "Mr Blair said on Friday")
		}
		if err != nil || !alone {
			t.Errorf("quads %v: claims by Tony Blair (%v) lack the one of the story that names only Mr Blair: %+v", quads, err, cs)
		}
	}
	if d := cmp.Diff(byQuads, byIndex, cmpopts.EquateEmpty()); d != "" {
		t.Errorf("index differs from quads (-quads +index):\n%s", d)
	}
}

// hasMerge reports whether e records a corpus-surname merge of alias with
// the confidence conf and evidence that holds why.
func hasMerge(e graph.EntityInfo, alias string, conf float64, why string) bool {
	for _, m := range e.Merges {
		if m.Rule == "corpus-surname" && m.Alias == alias && m.Confidence == conf && strings.Contains(m.Evidence.Text, why) {
			return true
		}
	}
	return false
}

package graph_test

import (
	"context"
	"slices"
	"testing"

	"github.com/dossier-project/dossier/graph"
	"github.com/dossier-project/dossier/schema"
)

func TestLegalBase(t *testing.T) {
	for id, want := range map[string]string{
		"org/zorblat-motors-corp":        "org/zorblat-motors",
		"org/quimby-lynch-and-co-inc":    "org/quimby-lynch",
		"org/vantor-n-v":                 "org/vantor",
		"org/ferrax-chemical-co":         "org/ferrax-chemical",
		"org/ferrax-co":                  "org/ferrax",
		"org/zorblat-motors":             "",
		"org/corp":                       "",
		"org/smith-and-co":               "",
		"org/smith-and-co-inc":           "org/smith-and-co",
		"org/and-co-inc":                 "",
		"per/john-inc":                   "",
		"org/bank-of-zorblatia":          "",
		"org/zorblat-motors-co-plc":      "org/zorblat-motors",
		"org/the-zorblat-company-of-nyc": "",
		"org/the-zorblat-company":        "org/zorblat",
		"org/the-limited-inc":            "",
	} {
		got, _, ok := graph.LegalBase(id)
		if want == "" && ok || want != "" && got != want {
			t.Errorf("LegalBase(%q) = %q, %v; want %q", id, got, ok, want)
		}
	}
}

// A company written with and without its legal form in different
// documents is one entity, whichever order the documents arrive in; only
// the legal form is dropped, forms of two families stay apart, and a
// one-word base that is a place, or a common word in a headline's
// capitals, is no company's.
func TestLegalFormTiedAcrossDocuments(t *testing.T) {
	ctx := context.Background()
	org := [2]string{schema.Organization, ""}
	docs := []*schema.Result{
		result(t, "Zorblat Motors Corp said sales rose.", map[string][2]string{"Zorblat Motors Corp": org}, nil),
		result(t, "Zorblat Motors cut prices.", map[string][2]string{"Zorblat Motors": org}, nil),
		result(t, "Zorblat Motors Inc hired bankers.", map[string][2]string{"Zorblat Motors Inc": org}, nil),
		// A British company of the same base, in one document only.
		result(t, "Zorblat Motors Co Plc of London said nothing.", map[string][2]string{"Zorblat Motors Co Plc": org}, nil),
		// Another word before the form: another company.
		result(t, "Ferrax Chemical Co and Ferrax Co agreed.", map[string][2]string{"Ferrax Chemical Co": org, "Ferrax Co": org}, nil),
		result(t, "Ferrax said so.", map[string][2]string{"Ferrax": org}, nil),
		// Two of one family without the base.
		result(t, "Quimby Holdings Ltd said.", map[string][2]string{"Quimby Holdings Ltd": org}, nil),
		result(t, "Quimby Holdings Plc said.", map[string][2]string{"Quimby Holdings Plc": org}, nil),
		// A place, and a headline's word in capitals.
		result(t, "Traders in Springfield bought.", map[string][2]string{"Springfield": org}, nil),
		result(t, "Springfield, Illinois, grew.", map[string][2]string{"Springfield": {schema.Place, ""}}, nil),
		result(t, "Springfield Corp said.", map[string][2]string{"Springfield Corp": org}, nil),
		result(t, "TWO COMPUTERS ADDED", map[string][2]string{"COMPUTERS": org}, nil),
		result(t, "ZORBLATIX SEES GAIN", map[string][2]string{"ZORBLATIX": org}, nil),
		result(t, "Zorblatix Inc said.", map[string][2]string{"Zorblatix Inc": org}, nil),
		// The ID most documents give names the entity.
		result(t, "Velbor Inc rose.", map[string][2]string{"Velbor Inc": org}, nil),
		result(t, "Velbor Inc fell.", map[string][2]string{"Velbor Inc": org}, nil),
		result(t, "VElbor said.", map[string][2]string{"VElbor": org}, nil),
		// A common word is no company's name, even in lower case.
		result(t, "Shares of Industries fell.", map[string][2]string{"Industries": org}, nil),
		result(t, "Industries Inc said.", map[string][2]string{"Industries Inc": org}, nil),
		// "Co Ltd" goes with "Corp", or with "Plc".
		result(t, "Kiromi Motor Co Ltd said.", map[string][2]string{"Kiromi Motor Co Ltd": org}, nil),
		result(t, "Kiromi Motor Corp said.", map[string][2]string{"Kiromi Motor Corp": org}, nil),
		result(t, "Parlex Co Ltd said.", map[string][2]string{"Parlex Co Ltd": org}, nil),
		result(t, "Parlex Co Plc said.", map[string][2]string{"Parlex Co Plc": org}, nil),
		// A place's name written before the company's ticker is the company.
		result(t, "DENVER <DNV> SEES GAIN", map[string][2]string{"DENVER": org}, nil),
		result(t, "Denver Corp <DNV> said.", map[string][2]string{"Denver Corp": org}, nil),
		// A ticker and an exchange's code of it are not two companies.
		result(t, "ZYLO <ZYL> SEES GAIN", map[string][2]string{"ZYLO": org}, nil),
		result(t, "Zylo Inc <ZYLI.O> said.", map[string][2]string{"Zylo Inc": org}, nil),
		result(t, "Computers Inc said.", map[string][2]string{"Computers Inc": org}, nil),
	}
	type want struct {
		find, id string
		docs     int
	}
	wants := []want{
		{"Zorblat Motors Corp", "org/zorblat-motors", 3},
		{"Zorblat Motors Inc", "org/zorblat-motors", 3},
		{"Zorblat Motors", "org/zorblat-motors", 3},
		{"Zorblat Motors Co Plc", "org/zorblat-motors-co-plc", 1},
		{"Ferrax Chemical Co", "org/ferrax-chemical-co", 1},
		{"Ferrax Co", "org/ferrax", 2},
		{"Quimby Holdings Ltd", "org/quimby-holdings-ltd", 2},
		{"Quimby Holdings Plc", "org/quimby-holdings-ltd", 2},
		{"Springfield Corp", "org/springfield-corp", 1},
		{"Computers Inc", "org/computers-inc", 1},
		{"ZORBLATIX", "org/zorblatix-inc", 2},
		{"COMPUTERS", "org/computers", 1},
		{"VElbor", "org/velbor-inc", 3},
		{"Kiromi Motor Co Ltd", "org/kiromi-motor-co-ltd", 2},
		{"Industries", "org/industries", 1},
		{"Industries Inc", "org/industries-inc", 1},
		{"Parlex Co Ltd", "org/parlex-co-ltd", 2},
		{"DENVER", "org/denver-corp", 2},
		{"ZYLO", "org/zylo-inc", 2},
	}
	for _, order := range [][]int{{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27}, {27, 26, 25, 24, 23, 22, 21, 20, 19, 18, 17, 16, 15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0}} {
		for name, st := range openAll(t) {
			t.Run(name, func(t *testing.T) {
				for _, i := range order {
					if _, err := st.Write(ctx, docs[i]); err != nil {
						t.Fatal(err)
					}
				}
				for _, w := range wants {
					es, err := st.Find(ctx, w.find)
					if err != nil {
						t.Fatal(err)
					}
					if len(es) != 1 || es[0].ID != w.id || es[0].Documents != w.docs {
						t.Errorf("%s: %+v, want %s in %d documents", w.find, es, w.id, w.docs)
					}
				}
				es, err := st.Find(ctx, "Zorblat Motors")
				if err != nil {
					t.Fatal(err)
				}
				if len(es) == 1 && (es[0].Name != "Zorblat Motors" || !slices.Contains(es[0].Aliases, "Zorblat Motors Corp")) {
					t.Errorf("Zorblat Motors: %+v", es[0])
				}
				all, err := st.Entities(ctx, schema.Organization)
				if err != nil {
					t.Fatal(err)
				}
				if len(all) != 17 {
					t.Errorf("%d organisations, want 17: %+v", len(all), all)
				}
			})
		}
	}
}

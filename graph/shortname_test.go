package graph_test

import (
	"context"
	"testing"

	"github.com/dossier-project/dossier/graph/graphtest"
	"github.com/dossier-project/dossier/schema"
)

// withShortName returns r with the word merged by the short-name rule into
// its organisation called full, as the extractor records "Zorblat" of
// "Zorblat Motors Corp".
func withShortName(t *testing.T, r *schema.Result, full, word string) *schema.Result {
	t.Helper()
	for i, e := range r.Entities {
		if e.Name == full {
			r.Entities[i].Aliases = append(r.Entities[i].Aliases, word)
			r.Entities[i].Merges = append(r.Entities[i].Merges, schema.Merge{Alias: word, Rule: "short-name",
				Confidence: 0.75, Evidence: graphtest.SpanOf(t, r.Document.Text, full)})
			if err := r.Check(); err != nil {
				t.Fatal(err)
			}
			return r
		}
	}
	t.Fatalf("no entity %q", full)
	return nil
}

// A company that stories name in full and then by the first word of its
// name ("Zorblat Motors Corp", then "Zorblat") is that company in a story
// that writes the word alone, whichever order the documents arrive in;
// not when one story only writes the word in lower case, when the word
// is a common one, when the stories merge it into two
// companies, when the company is a unit named by a place, or when the word
// alone is written before another ticker.
func TestShortNameTiedAcrossDocuments(t *testing.T) {
	ctx := context.Background()
	org := [2]string{schema.Organization, ""}
	short := func(text, full, word string, more map[string][2]string) *schema.Result {
		ents := map[string][2]string{full: org}
		for k, v := range more {
			ents[k] = v
		}
		return withShortName(t, result(t, text, ents, nil), full, word)
	}
	docs := []*schema.Result{
		short("Zorblat Motors Corp said Zorblat would cut prices.", "Zorblat Motors Corp", "Zorblat", nil),
		short("Zorblat Motors Corp recalled cars, Zorblat said.", "Zorblat Motors Corp", "Zorblat", nil),
		result(t, "ZORBLAT TO CUT PRICES", map[string][2]string{"ZORBLAT": org}, nil),
		// A word in lower case in one story only: as often another
		// name cut short.
		short("Paxtor Pictures Corp said Paxtor rose.", "Paxtor Pictures Corp", "Paxtor", nil),
		short("Paxtor Pictures Corp fell; Paxtor said.", "Paxtor Pictures Corp", "Paxtor", nil),
		result(t, "Harlyn said its Paxtor unit grew.", map[string][2]string{"Paxtor": org}, nil),
		// A common word.
		short("Union Carbide Corp said Union would sell.", "Union Carbide Corp", "Union", nil),
		short("Union Carbide Corp fell; Union said.", "Union Carbide Corp", "Union", nil),
		result(t, "The Union went on strike.", map[string][2]string{"Union": org}, nil),
		// Two companies of one word.
		short("Mellox Guaranty Trust said Mellox lent.", "Mellox Guaranty Trust", "Mellox", nil),
		short("Mellox Guaranty Trust rose; Mellox said.", "Mellox Guaranty Trust", "Mellox", nil),
		short("Mellox Partners said Mellox bought.", "Mellox Partners", "Mellox", nil),
		result(t, "Mellox said so.", map[string][2]string{"Mellox": org}, nil),
		// A unit named by a place.
		short("Quarvo Canada Ltd of Canada said Quarvo sold.", "Quarvo Canada Ltd", "Quarvo", map[string][2]string{"Canada": {schema.Place, ""}}),
		short("Quarvo Canada Ltd said Quarvo bought.", "Quarvo Canada Ltd", "Quarvo", nil),
		result(t, "Quarvo said profits rose.", map[string][2]string{"Quarvo": org}, nil),
		// The word alone before a ticker the company is not written with.
		short("Vortexa LBO Inc said Vortexa bid.", "Vortexa LBO Inc", "Vortexa", nil),
		short("Vortexa LBO Inc rose; Vortexa said.", "Vortexa LBO Inc", "Vortexa", nil),
		result(t, "VORTEXA <VTXG> SEES LOSS", map[string][2]string{"VORTEXA": org}, nil),
	}
	n := len(docs)
	forward, backward := make([]int, n), make([]int, n)
	for i := range docs {
		forward[i], backward[i] = i, n-1-i
	}
	for _, order := range [][]int{forward, backward} {
		for name, st := range openAll(t) {
			t.Run(name, func(t *testing.T) {
				for _, i := range order {
					if _, err := st.Write(ctx, docs[i]); err != nil {
						t.Fatal(err)
					}
				}
				for find, want := range map[string]struct {
					id   string
					docs int
				}{
					"ZORBLAT": {"org/zorblat-motors-corp", 3}, "Zorblat Motors Corp": {"org/zorblat-motors-corp", 3},
					"Paxtor": {"org/paxtor", 1}, "Paxtor Pictures Corp": {"org/paxtor-pictures-corp", 2},
					"Union": {"org/union", 1}, "Union Carbide Corp": {"org/union-carbide-corp", 2},
					"Mellox": {"org/mellox", 1}, "Mellox Partners": {"org/mellox-partners", 1},
					"Quarvo": {"org/quarvo", 1}, "Quarvo Canada Ltd": {"org/quarvo-canada-ltd", 2},
					"VORTEXA": {"org/vortexa", 1}, "Vortexa LBO Inc": {"org/vortexa-lbo-inc", 2},
				} {
					es, err := st.Find(ctx, find)
					if err != nil {
						t.Fatal(err)
					}
					// Find also gives the companies a word is an alias of:
					// the word's own entity must be one of them, and
					// the only one when it is read as the company.
					found := false
					for _, e := range es {
						found = found || e.ID == want.id && e.Documents == want.docs
					}
					if !found || want.id != schema.Key(schema.Organization, find) && len(es) != 1 {
						t.Errorf("%s: %+v, want %s in %d documents", find, es, want.id, want.docs)
					}
				}
			})
		}
	}
}

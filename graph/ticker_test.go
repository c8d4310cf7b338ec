package graph_test

import (
	"context"
	"testing"

	"github.com/dossier-project/dossier/schema"
)

// A ticker written after a company's name in one story ties the company
// named by the ticker in a headline of another ("Zorblat Motors Corp
// <ZMC>", "ZMC <ZMC> TO IDLE PLANTS"), and another name written before the
// same ticker (and the name without its legal form) when it starts the
// company's, whichever order the documents arrive in; a ticker only in a
// body, an acronym most of whose documents write it without brackets,
// stays itself.
func TestTickerTiedAcrossDocuments(t *testing.T) {
	ctx := context.Background()
	org := [2]string{schema.Organization, ""}
	docs := []*schema.Result{
		result(t, "Zorblat Motors Corp <ZMC> said sales rose.", map[string][2]string{"Zorblat Motors Corp": org, "ZMC": org}, nil),
		result(t, "ZORBLAT <ZMC> CUTS PRICES", map[string][2]string{"ZORBLAT": org}, nil),
		result(t, "ZMC <ZMC> TO IDLE PLANTS", map[string][2]string{"ZMC": org}, nil),
		result(t, "Zorblat Motors said.", map[string][2]string{"Zorblat Motors": org}, nil),
		// A subsidiary written before its parent's ticker.
		result(t, "Zorblat Motors Credit Corp <ZMC> lent.", map[string][2]string{"Zorblat Motors Credit Corp": org}, nil),
		// "PQ" is a bloc in two stories, a company's ticker in one.
		result(t, "Ministers of the PQ met.", map[string][2]string{"PQ": org}, nil),
		result(t, "The PQ said no.", map[string][2]string{"PQ": org}, nil),
		result(t, "Plimco Inc <PQ> rose.", map[string][2]string{"Plimco Inc": org, "PQ": org}, nil),
		// Two tickers, two companies: the headline's savings bank is
		// not the body's Quarnex Corp of another story.
		result(t, "SUFFOLK <SFK> BUYS QUARNEX <QSBK>", map[string][2]string{"SUFFOLK": org, "QUARNEX": org}, nil),
		result(t, "Quarnex Corp <QXC> said.", map[string][2]string{"Quarnex Corp": org}, nil),
		// A name one story writes before a ticker and another without.
		result(t, "VELDT <VLD> SEES LOSS", map[string][2]string{"VELDT": org}, nil),
		result(t, "Veldt Group Inc <VLD> said.", map[string][2]string{"Veldt Group Inc": org}, nil),
		result(t, "Analysts at Veldt, Olmar said.", map[string][2]string{"Veldt": org}, nil),
	}
	for _, order := range [][]int{{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}, {12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0}} {
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
					"ZMC": {"org/zorblat-motors", 4}, "ZORBLAT": {"org/zorblat-motors", 4},
					"Zorblat Motors Corp": {"org/zorblat-motors", 4},
					"PQ":                  {"org/pq", 3}, "Plimco Inc": {"org/plimco-inc", 1},
					"Zorblat Motors Credit Corp": {"org/zorblat-motors-credit-corp", 1},
					"QUARNEX":                    {"org/quarnex", 1}, "Quarnex Corp": {"org/quarnex-corp", 1},
					"VELDT": {"org/veldt", 2}, "Veldt Group Inc": {"org/veldt-group-inc", 1},
				} {
					es, err := st.Find(ctx, find)
					if err != nil {
						t.Fatal(err)
					}
					if len(es) != 1 || es[0].ID != want.id || es[0].Documents != want.docs {
						t.Errorf("%s: %+v, want %s in %d documents", find, es, want.id, want.docs)
					}
				}
			})
		}
	}
}

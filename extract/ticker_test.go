package extract

import (
	"strings"
	"testing"

	"github.com/dossier-project/dossier/extract/text"
	"github.com/dossier-project/dossier/schema"
)

// TestTickerJoinedName checks that a name joined by "and" before a ticker
// is one company, in a headline in capitals and in the body, and that its
// other spellings in the story are that company too.
func TestTickerJoinedName(t *testing.T) {
	x := newExtractor(t)
	res := extractText(t, x, "FARLOW AND WESTERN <FWX> RESPONDS TO VALVE SUIT\n\n"+
		"Farlow and Western Inc <FWX> said it believes it has no liability under a lawsuit\n"+
		"filed by a utility against it.\n"+
		"    Farlow and Western said it has not yet seen the lawsuit.\n")
	head := mentionEntity(res, "FARLOW AND WESTERN")
	if head == nil || head.Type != schema.Organization {
		t.Fatalf("headline name: got %+v, want an organisation", head)
	}
	for _, m := range []string{"Farlow and Western Inc", "Farlow and Western"} {
		e := mentionEntity(res, m)
		if e == nil || e.Type != schema.Organization {
			t.Errorf("%q: got %+v, want an organisation", m, e)
		}
	}
	if a, b := mentionEntity(res, "FARLOW AND WESTERN"), mentionEntity(res, "Farlow and Western Inc"); a != nil && b != nil && a.ID != b.ID {
		t.Errorf("the headline's %q and the body's %q are two entities", a.Name, b.Name)
	} else if a != nil && a.Name != "Farlow and Western" {
		t.Errorf("the company is named %q, want %q", a.Name, "Farlow and Western")
	}
	for _, m := range []string{"FARLOW", "WESTERN", "Farlow", "Western Inc", "Western"} {
		if e := mentionEntity(res, m); e != nil {
			t.Errorf("%q is a mention of %q: the name was split", m, e.Name)
		}
	}

	// In a headline that starts with other words, the name is the tail
	// that the story spells in mixed case.
	res = extractText(t, x, "BASS GROUP HAS STAKE IN BELLMAN AND HOWE <BHW>\n\n"+
		"An investor group said it owns 786,800 shares of Bellman and\nHowe Co common stock.\n")
	if e := mentionEntity(res, "BELLMAN AND HOWE"); e == nil || e.Type != schema.Organization {
		t.Errorf("BELLMAN AND HOWE: got %+v, want an organisation", e)
	}
	if e := mentionEntity(res, "Bellman and\nHowe Co"); e == nil || e.Type != schema.Organization {
		t.Errorf("Bellman and Howe Co: got %+v, want an organisation", e)
	}
	if e := mentionEntity(res, "IN BELLMAN AND HOWE"); e != nil {
		t.Errorf("the headline's verb phrase was taken into the name %q", e.Name)
	}
}

// TestTickerNamesBounds checks what is not a name before a ticker.
func TestTickerNamesBounds(t *testing.T) {
	for _, c := range []struct {
		text string
		want []string
	}{
		// No "and" inside: left to the recogniser.
		{"Acme Widget Corp <ACW> said it would buy a plant.", nil},
		// Lower-case words end the run; a comma too.
		{"The unit was sold to Smith and Jones Inc <SJI> last year.", []string{"Smith and Jones Inc"}},
		{"Bell, Tanner and Co <BTC> said so.", nil},
		// Two companies, the first with its legal form.
		{"Texaco Inc and Pennzoil Co <PZL> met.", nil},
		// "and Co" is part of the name; the name without it is the
		// company too, but not joined to what follows by "and".
		{"Merrill Lynch and Co <MER> said so. Merrill Lynch and analysts met.", []string{"Merrill Lynch and Co", "Merrill Lynch"}},
		// A bracketed company, not a ticker.
		{"Smith and Jones Inc <Smith Holdings> said so.", nil},
		// A possessive before the name is no part of it.
		{"Britain's Cable and Wireless PLC <CAWL.L> would be a core company.", []string{"Cable and Wireless PLC"}},
		// A headline's short form of a longer name is not cut out of it.
		{"CENTRAL AND SOUTH <CSR> UNIT TO REDEEM STOCK\n\nCentral and South West Corp said it would redeem stock.", nil},
		// A comma standing alone between two tickers (Reuters-21578
		// story 17181) ends the run; it once made nameWord panic.
		{"His report focused on Citicorp <CCI> , J.P. Morgan and Co <JPM>, Chase Manhattan Corp <CMB>.", []string{"J.P. Morgan and Co"}},
		// A headline in capitals with no mixed-case spelling of the name.
		{"G AND W <GW> NAMES DIRECTOR\n\nThe company named a director.", nil},
	} {
		runes := []rune(c.text)
		sents := text.Split(doc(c.text), runes)
		var got []string
		for _, s := range tickerNames(runes, sents) {
			got = append(got, s.Text)
		}
		if len(got) != len(c.want) {
			t.Errorf("%q: got %q, want %q", c.text, got, c.want)
			continue
		}
		for i := range got {
			if got[i] != c.want[i] {
				t.Errorf("%q: got %q, want %q", c.text, got, c.want)
			}
		}
	}
}

// TestLegalFormFold checks that a company named with its legal form and
// without it in one story is one entity.
func TestLegalFormFold(t *testing.T) {
	x := newExtractor(t)
	for _, c := range []struct {
		text, name string
		n          int // mentions
	}{
		{"Gorman Motors Corp said its earnings fell. Gorman Motors did not make payments.", "Gorman Motors", 2},
		{"Merrill Lynch and Co <MER> said so. Analysts at Merrill Lynch agreed.", "Merrill Lynch", 2},
		// Initials of the full name join it too.
		{"Warner Communications Inc. said so. Warner Communications rose. WCI fell.", "Warner Communications", 3},
	} {
		res := extractText(t, x, c.text)
		short := mentionEntity(res, c.name)
		if short == nil || short.Type != schema.Organization {
			t.Errorf("%q: %q is %+v, want an organisation", c.text, c.name, short)
			continue
		}
		if n := len(short.Mentions); n != c.n {
			t.Errorf("%q: %q has %d mentions, want %d", c.text, short.Name, n, c.n)
		}
	}
}

// TestTickerJoinsName checks that a ticker right after a company's name in
// a headline is a mention of that company, with its other mentions in the
// body, and that the merge says so.
func TestTickerJoinsName(t *testing.T) {
	x := newExtractor(t)
	res := extractText(t, x, "FARLOW AND WESTERN <FWX> RESPONDS TO SUIT\n\n"+
		"Farlow and Western Inc <FWX> said it has no liability.\n"+
		"    Shares of General Motors Corp <GM> rose, and GM said it would buy.\n")
	fw := mentionEntity(res, "Farlow and Western Inc")
	gm := mentionEntity(res, "General Motors Corp")
	if fw == nil || gm == nil {
		t.Fatalf("companies not found: %+v", res.Entities)
	}
	n := 0
	for _, m := range fw.Mentions {
		if m.Text == "FWX" {
			n++
		}
	}
	if n != 2 {
		t.Errorf("%q has %d mentions FWX, want 2", fw.Name, n)
	}
	rule := ""
	for _, m := range fw.Merges {
		if m.Alias == "FWX" {
			rule = m.Rule
		}
	}
	if rule != "ticker" {
		t.Errorf("FWX merged by %q, want ticker", rule)
	}
	for _, m := range gm.Mentions {
		if m.Text == "GM" {
			t.Errorf("%q has the body's ticker GM as a mention: only a headline's joins", gm.Name)
		}
	}
}

// TestHeadlineTickerName checks that the words before a headline's ticker
// that start a company's name in the story are that company, with the
// ticker and the story's other mentions of those words, merged by the
// rule "ticker-name"; a hyphenated name may be cut short in the headline.
func TestHeadlineTickerName(t *testing.T) {
	x := newExtractor(t)
	for _, c := range []struct {
		text, full string
		want       []string // mentions the company must have
	}{
		{"BRADWELL <BRDW> SUED BY SHAREHOLDER\n\nBradwell Bank Corp said a shareholder\nfiled a class action suit.\n    Bradwell's stock fell 3-1/2.\n",
			"Bradwell Bank Corp", []string{"BRADWELL", "BRDW", "Bradwell"}},
		{"MARLOW-HEWITT <MHW> DENIES RUMOR\n\nMarlow-Hewitt-Carson Co denied a\nreport that it is interested in a merger.\n",
			"Marlow-Hewitt-Carson Co", []string{"MARLOW-HEWITT", "MHW"}},
	} {
		res := extractText(t, x, c.text)
		e := mentionEntity(res, c.full)
		if e == nil || e.Type != schema.Organization {
			t.Errorf("%q: %q is %+v, want an organisation", c.text, c.full, e)
			continue
		}
		for _, w := range c.want {
			found := false
			for _, m := range e.Mentions {
				found = found || m.Text == w
			}
			if !found {
				t.Errorf("%q: %q has no mention %q: %+v", c.text, e.Name, w, e.Mentions)
			}
		}
		rule := ""
		for _, m := range e.Merges {
			if m.Alias == c.want[0] {
				rule = m.Rule
			}
		}
		if rule != "ticker-name" {
			t.Errorf("%q: %q merged by %q, want ticker-name", c.text, c.want[0], rule)
		}
	}
}

// TestTickerAfterLoneComma checks that a ticker whose name follows a comma
// standing alone ("Citicorp <CCI> , J.P. Morgan and Co <JPM>") is read
// without a panic, and the name joined by "and" is still one company.
func TestTickerAfterLoneComma(t *testing.T) {
	x := newExtractor(t)
	res := extractText(t, x, "ANALYST UPGRADES BANK STOCKS\n\nHis report focused on Citicorp <CCI> , J.P.\nMorgan and Co <JPM>, Chase Manhattan Corp <CMB> and others.\n")
	if e := mentionEntity(res, "Citicorp"); e == nil {
		t.Errorf("Citicorp not found: %+v", res.Entities)
	}
}

// TestExchangeTickerJoinsName checks that a ticker with an exchange's
// suffix in the body ("Vorlandwerke AG <VRLG.F>") is a mention of the
// company it follows, merged by the rule "ticker", while a home ticker in
// the body stays apart.
func TestExchangeTickerJoinsName(t *testing.T) {
	x := newExtractor(t)
	res := extractText(t, x, "CAR MAKER REPORTS CURRENCY LOSS\n\n"+
		"Vorlandwerke AG <VRLG.F> said it had dismissed the head of its treasury.\n"+
		"    Shares of Pellham Industries Inc <PLH> fell after the news.\n")
	vw := mentionEntity(res, "Vorlandwerke AG")
	if vw == nil {
		t.Fatalf("company not found: %+v", res.Entities)
	}
	rule := ""
	for _, m := range vw.Merges {
		if m.Alias == "VRLG.F" {
			rule = m.Rule
		}
	}
	if rule != "ticker" {
		t.Errorf("VRLG.F merged into %q by %q, want ticker", vw.Name, rule)
	}
	if e := mentionEntity(res, "PLH"); e != nil && e == mentionEntity(res, "Pellham Industries Inc") {
		t.Errorf("the home ticker PLH joined %q: only an exchange's ticker joins in the body", e.Name)
	}
}

// TestExchangeTicker checks which tickers carry an exchange's suffix.
func TestExchangeTicker(t *testing.T) {
	for s, want := range map[string]bool{"VOWG.F": true, "AKZO.AS": true, "BA.N": true, "SKDS.ST": true,
		"GM": false, "BRK.": false, ".F": false, "ABC.F1": false, "A.BCDE": false} {
		if got := exchangeTicker(s); got != want {
			t.Errorf("exchangeTicker(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestShortNameAfterTicker checks that the acronym in brackets after a
// company's ticker ("Vorlandwerke AG <VRLG.F> (VW)") is that company's,
// merged by the rule "acronym-definition" though it is not the name's
// initials, with its later mentions; a bracket of other words after a
// ticker ("(25 pct)") is no name.
func TestShortNameAfterTicker(t *testing.T) {
	x := newExtractor(t)
	res := extractText(t, x, "CAR MAKER REPORTS CURRENCY LOSS\n\n"+
		"The loss reported by Vorlandwerke AG\n<VRLG.F> (VW) is large, dealers said.\n"+
		"    VW said it had called in prosecutors.\n"+
		"    Pellham Oil <PLHO.HE> (25 pct) and others took part.\n")
	vw := mentionEntity(res, "Vorlandwerke AG")
	if vw == nil {
		t.Fatalf("company not found: %+v", res.Entities)
	}
	rule, n := "", 0
	for _, m := range vw.Merges {
		if m.Alias == "VW" {
			rule = m.Rule
		}
	}
	for _, m := range vw.Mentions {
		if m.Text == "VW" {
			n++
		}
	}
	if rule != "acronym-definition" || n != 2 {
		t.Errorf("VW merged into %q by %q with %d mentions, want acronym-definition and 2: %+v", vw.Name, rule, n, vw.Merges)
	}
	for _, e := range res.Entities {
		if strings.Contains(e.Name, "pct") {
			t.Errorf("a bracket of words after a ticker made an entity %q", e.Name)
		}
	}
}

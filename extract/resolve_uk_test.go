package extract

import (
	"strings"
	"testing"

	"github.com/dossier-project/dossier/schema"
)

// Articles written for these tests in the style of British political news
// of 2004-2005 (not taken from any corpus).
const (
	ukPolitics1 = `Tony Blair has defended his decision to go to war in Iraq as the Conservatives accused the Labour government of misleading the public. ` +
		`Tory leader Michael Howard said Mr Blair had lost the trust of the country. Mr Howard said the Conservative Party would hold a full inquiry. ` +
		`The Tories voted for the war themselves, Labour chairman Ian McCartney said. The Liberal Democrats said the Lib Dems had opposed the war from the start. ` +
		`Mrs Howard, a former model, joined her husband on the campaign trail in Folkestone on Friday. ` +
		`Prime Minister Tony Blair told the Labour Party conference that the US and the UK would stand firm. ` +
		`Home Secretary David Blunkett said the UK would not change course.`
	ukPolitics3 = `The talks will go on, a U.S. spokesman said on Monday. UK shares fell, and a Britain spokeswoman declined to comment.`
	ukPolitics2 = `Cherie Blair and Tony Blair arrived in Sedgefield on Saturday. Mrs Blair spoke to party workers while Mr Blair met voters. ` +
		`Chancellor Gordon Brown said Labour would win a third term. The US welcomed the result, and Washington said it looked forward to working with Britain. ` +
		`England beat Wales 2-0 at Old Trafford, while Scotland lost in Ireland.`
)

// TestBritishPolitics checks entity resolution on news of the kind the
// owner's corpus holds: parties in their short and long forms, countries as
// actors, honorifics that keep sex, no alias cut out of a title.
func TestBritishPolitics(t *testing.T) {
	x := newExtractor(t)
	res1 := extractText(t, x, ukPolitics1)
	res2 := extractText(t, x, ukPolitics2)
	res3 := extractText(t, x, ukPolitics3)
	byID := func(res *schema.Result, id string) *schema.Entity {
		for i := range res.Entities {
			if res.Entities[i].ID == id {
				return &res.Entities[i]
			}
		}
		return nil
	}
	// One entity per party, whatever form names it.
	for _, c := range []struct {
		res   *schema.Result
		form  string
		id    string
		alias bool // an alias only (an adjective), not a mention
	}{
		{res1, "Conservatives", "org/conservative-party", false},
		{res1, "Tories", "org/conservative-party", false},
		{res1, "Conservative Party", "org/conservative-party", false},
		{res1, "Tory", "org/conservative-party", true},
		{res1, "Labour", "org/labour-party", false},
		{res1, "Labour Party", "org/labour-party", false},
		{res1, "Liberal Democrats", "org/liberal-democrats", false},
		{res1, "Lib Dems", "org/liberal-democrats", false},
		{res2, "Labour", "org/labour-party", false},
		{res1, "US", "loc/united-states", false},
		{res1, "UK", "loc/united-kingdom", false},
		{res2, "US", "loc/united-states", false},
		{res2, "Britain", "loc/united-kingdom", false},
		{res2, "England", "loc/england", false},
		{res2, "Wales", "loc/wales", false},
		{res2, "Scotland", "loc/scotland", false},
		{res2, "Ireland", "loc/ireland", false},
		{res3, "U.S.", "loc/united-states", false},
		{res3, "UK", "loc/united-kingdom", false},
	} {
		e := byID(c.res, c.id)
		if e == nil {
			t.Errorf("%q: no entity %s", c.form, c.id)
			continue
		}
		if c.alias {
			if !contains(e.Aliases, c.form) || mentionEntity(c.res, c.form) != nil {
				t.Errorf("%q: want an alias of %s and no mention: aliases %v", c.form, c.id, e.Aliases)
			}
			continue
		}
		if m := mentionEntity(c.res, c.form); m == nil || m.ID != c.id {
			t.Errorf("%q: mention of %+v, want %s", c.form, m, c.id)
		}
	}
	for _, res := range []*schema.Result{res1, res2, res3} {
		for _, e := range res.Entities {
			for _, a := range e.Aliases {
				if w := strings.Fields(a); len(w) > 1 && isTitle(w[0]) && !honorifics[strings.ToLower(w[0])] {
					t.Errorf("%s has an alias cut out of a title: %q", e.Name, a)
				}
			}
			if e.Type == schema.Organization && (e.Name == "US" || e.Name == "UK") {
				t.Errorf("a country as an organisation: %+v", e)
			}
		}
	}
	// Mrs Howard is not Michael Howard; Mrs Blair is Cherie, Mr Blair Tony.
	if e := byID(res1, "per/michael-howard"); e == nil || contains(e.Aliases, "Mrs Howard") || !contains(e.Aliases, "Mr Howard") {
		t.Errorf("Michael Howard: %+v", e)
	}
	if e := mentionEntity(res1, "Howard"); e == nil {
		t.Errorf("Howard: no mention")
	}
	if e := byID(res2, "per/cherie-blair"); e == nil || !contains(e.Aliases, "Mrs Blair") || contains(e.Aliases, "Mr Blair") {
		t.Errorf("Cherie Blair: %+v", e)
	}
	if e := byID(res2, "per/tony-blair"); e == nil || !contains(e.Aliases, "Mr Blair") || contains(e.Aliases, "Mrs Blair") {
		t.Errorf("Tony Blair: %+v", e)
	}
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// TestKindsFromEvidence checks kinds with their reasons: lists, name heads,
// curated names the lists disagree on, and the words around a name.
func TestKindsFromEvidence(t *testing.T) {
	x := newExtractor(t)
	res := extractText(t, x, `Shares in Corus fell 5 percent on Tuesday. The BBC said Apple and Google reported results. `+
		`Protesters gathered outside the High Court, while Oxford University said Labour had cut its funding. `+
		`Zqxwv Ltd denied the claims. Shareholders blamed the auditor EY.`)
	for _, c := range []struct{ name, kind, reason string }{
		{"BBC", schema.KindMedia, "curated list"},
		{"Corus", schema.KindCompany, "context: “shares in Corus”"},
		{"Apple", schema.KindCompany, "curated list"},
		{"Google", schema.KindCompany, "curated list"},
		{"High Court", schema.KindCourt, "curated list"},
		{"Oxford University", schema.KindUniversity, "head word “University”"},
		{"Labour Party", schema.KindParty, "list: political parties"},
		{"Zqxwv Ltd", schema.KindCompany, "head word “Ltd”"},
		{"EY", schema.KindCompany, "context: “auditor EY”"},
	} {
		var e *schema.Entity
		for i := range res.Entities {
			if res.Entities[i].Name == c.name {
				e = &res.Entities[i]
			}
		}
		if e == nil {
			t.Errorf("%s: not found", c.name)
			continue
		}
		if e.Kind != c.kind || e.KindReason != c.reason {
			t.Errorf("%s: kind %q (%q), want %q (%q)", c.name, e.Kind, e.KindReason, c.kind, c.reason)
		}
	}
	// A sports report: towns named as clubs are sports teams, countries
	// stay countries, a ground is not a club.
	res = extractText(t, x, "Leeds moved up to third with a 2-0 win over Southampton at Elland Road on Saturday. "+
		"Wales beat England 11-9 in Cardiff. Norwich manager Nigel Worthington said his side had deserved a point.\n"+
		"Leeds 2 Southampton 0\n"+
		"Leeds play Juventus in the Champions League on Wednesday, then travel to Rome.\n")
	for _, c := range []struct{ text, typ, kind string }{
		{"Leeds", schema.Organization, schema.KindSportsTeam},
		{"Southampton", schema.Organization, schema.KindSportsTeam},
		{"Norwich", schema.Organization, schema.KindSportsTeam},
		{"Wales", schema.Place, schema.KindCountry},
		{"England", schema.Place, schema.KindCountry},
		{"Cardiff", schema.Place, schema.KindCity},
		{"Rome", schema.Place, schema.KindCity},
		{"Champions League", schema.Misc, ""},
	} {
		e := mentionEntity(res, c.text)
		if e == nil || e.Type != c.typ || e.Kind != c.kind {
			t.Errorf("%s: %+v, want %s, %s", c.text, e, c.typ, c.kind)
		}
	}
}

// TestSportsResultsLines: in a sports report, a place that starts a results
// or standings line is a team, whatever place names it (a state, a county),
// while the dateline's city stays a place and a country a national side.
func TestSportsResultsLines(t *testing.T) {
	x := newExtractor(t)
	res := extractText(t, x, "BASEBALL - MAJOR LEAGUE RESULTS .\nNEW YORK 1996-09-05\n"+
		"Results of games played on Wednesday :\nTexas 6 New York 2\nSeattle 8 Boston 5\n"+
		"Scoreboard : Australia 228-9 ( Mark Waugh 64 )\n")
	for _, c := range []struct{ text, typ string }{
		{"Texas", schema.Organization},
		{"Seattle", schema.Organization},
		{"Boston", schema.Organization},
		{"NEW YORK", schema.Place},
		{"Australia", schema.Place},
	} {
		e := mentionEntity(res, c.text)
		if e == nil || e.Type != c.typ {
			t.Errorf("%s: %+v, want %s", c.text, e, c.typ)
		}
	}
}

// TestFormerStates: countries that today's country lists lack (West
// Germany, the Soviet Union) are countries of their own, named in any of
// their forms ("USSR"), not organisations and not Germany.
func TestFormerStates(t *testing.T) {
	x := newExtractor(t)
	res := extractText(t, x, "BONN TALKS\n\nWest Germany and the Soviet Union signed a trade accord on Monday, "+
		"officials said. The USSR will buy grain. Yugoslavia and East Germany would join, the ministry said.\n")
	for _, c := range []struct{ text, id string }{
		{"West Germany", "loc/west-germany"},
		{"Soviet Union", "loc/soviet-union"},
		{"USSR", "loc/soviet-union"},
		{"Yugoslavia", "loc/yugoslavia"},
		{"East Germany", "loc/east-germany"},
	} {
		e := mentionEntity(res, c.text)
		if e == nil || e.ID != c.id || e.Kind != schema.KindCountry {
			t.Errorf("%s: %+v, want %s, a country", c.text, e, c.id)
		}
	}
}

// TestOrgTail: an organisation's name goes on over a legal form after it
// and, after a head word, over "of" and what it is of, across a wrapped
// line, taking in a name found there; a two-word body "of" a country and
// a blank line stop it. extendOrgTail is
// given the recogniser's names directly, so that the test does not hang
// on what one model tags.
func TestOrgTail(t *testing.T) {
	for _, c := range []struct {
		text  string
		found []string // names found, each "TYPE text" at its first occurrence
		want  []string
	}{
		{"Prudential Corp PLC said so.", []string{"ORG Prudential Corp"}, []string{"ORG Prudential Corp PLC"}},
		{"Futures rose on the Chicago Board\nof Trade on Monday.", []string{"ORG Chicago Board"},
			[]string{"ORG Chicago Board\nof Trade"}},
		{"The Bank of England agreed.", []string{"ORG Bank", "LOC England"}, []string{"ORG Bank of England"}},
		{"The Ministry of International Trade and Industry said.", []string{"ORG Ministry"},
			[]string{"ORG Ministry of International Trade and Industry"}},
		{"The Finance Ministry of Japan said.", []string{"ORG Finance Ministry", "LOC Japan"},
			[]string{"ORG Finance Ministry", "LOC Japan"}},
		{"The Chicago Board\n\nof Trade said.", []string{"ORG Chicago Board"}, []string{"ORG Chicago Board"}},
	} {
		runes := []rune(c.text)
		var found []Found
		for _, f := range c.found {
			typ, name, _ := strings.Cut(f, " ")
			at := strings.Index(c.text, name)
			if at < 0 {
				t.Fatalf("%q not in %q", name, c.text)
			}
			s := len([]rune(c.text[:at]))
			found = append(found, Found{Span: schema.MakeSpan(runes, s, s+len([]rune(name))), Type: map[string]string{
				"ORG": schema.Organization, "LOC": schema.Place}[typ]})
		}
		var got []string
		for _, f := range extendOrgTail(runes, found) {
			got = append(got, map[string]string{schema.Organization: "ORG", schema.Place: "LOC"}[f.Type]+" "+f.Text)
		}
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("%q: %q, want %q", c.text, got, c.want)
		}
	}
	// The whole pass, with the shipped model.
	res := extractText(t, newExtractor(t), "Prudential Corp PLC said the Bank of England agreed.\n")
	for _, c := range []struct{ text, id string }{
		{"Prudential Corp PLC", "org/prudential-corp-plc"},
		{"Bank of England", "org/bank-of-england"},
	} {
		if e := mentionEntity(res, c.text); e == nil || e.ID != c.id {
			t.Errorf("%q: %+v, want %s", c.text, e, c.id)
		}
	}
}

// TestKindFromListedAlias: an organisation that only a head word calls a
// company takes the kind a list gives its acronym ("OPEC"), while a
// company with a legal form keeps its kind whatever its short form is.
func TestKindFromListedAlias(t *testing.T) {
	x := newExtractor(t)
	res := extractText(t, x, "The Organisation of Petroleum Exporting Countries (OPEC) will meet on Monday, "+
		"OPEC officials said. Arsenal Holdings PLC (Arsenal) said its shares rose.\n")
	for _, c := range []struct{ text, kind string }{
		{"OPEC", schema.KindInternational},
		{"Arsenal Holdings PLC", schema.KindCompany},
	} {
		if e := mentionEntity(res, c.text); e == nil || e.Kind != c.kind {
			t.Errorf("%s: %+v, want kind %s", c.text, e, c.kind)
		}
	}
}

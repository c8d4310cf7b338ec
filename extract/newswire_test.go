package extract

import (
	"context"
	"strings"
	"testing"

	"github.com/dossier-project/dossier/schema"
)

// mentionEntity returns the entity one of whose mentions is exactly text,
// or nil.
func mentionEntity(res *schema.Result, text string) *schema.Entity {
	for i := range res.Entities {
		for _, m := range res.Entities[i].Mentions {
			if m.Text == text {
				return &res.Entities[i]
			}
		}
	}
	return nil
}

func extractText(t *testing.T, x *Extractor, text string) *schema.Result {
	t.Helper()
	res, err := x.Extract(context.Background(), doc(text))
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// TestNewswireNames checks names in newswire layouts: datelines, abbreviated
// states, companies whose names start with an office or a surname.
func TestNewswireNames(t *testing.T) {
	x := newExtractor(t)
	for _, c := range []struct {
		text string
		want map[string]string // mention text -> entity type ("" for no entity)
	}{
		{"LONDON 1996-08-30\nShares in the company rose after the results were published.",
			map[string]string{"LONDON": schema.Place}},
		{"SOCCER - JAPAN GET LUCKY WIN .\nAL-AIN , United Arab Emirates 1996-12-06\nJapan beat Syria 2-1 on Friday .",
			map[string]string{"AL-AIN": schema.Place, "United Arab Emirates": schema.Place}},
		{"ROCKY MOUNT, N.C., March 31 -\nThe company said its loss widened in the fourth quarter.",
			map[string]string{"ROCKY MOUNT": schema.Place, "N.C.": schema.Place}},
		{"Varian Associates Inc said it would open a plant in Fremont, Calif.",
			map[string]string{"Calif.": schema.Place, "Calif": ""}},
		{"General Motors Corp said its earnings fell. General Motors did not make profit-sharing payments.",
			map[string]string{"General Motors Corp": schema.Organization, "Motors Corp": ""}},
		// Reuters marks companies and tickers with brackets.
		{"PERTH, March 23 -\nBELL RESOURCES BOOSTS STAKE IN BHP\n\n<Bell Resources Ltd> said it agreed with <Equiticorp\nTasman Ltd> to buy shares of Broken Hill Pty Co Ltd <BRKN.S>, and Benetton Group Spa [BTOM.MI] did too. Prices were [about 3 pct] higher.",
			map[string]string{"Bell Resources Ltd": schema.Organization, "Equiticorp\nTasman Ltd": schema.Organization,
				"BRKN.S": schema.Organization, "BTOM.MI": schema.Organization, "PERTH": schema.Place}},
		// A direction word is not part of a place's name.
		{"Mohler said rainfall averaged one inch in eastern Nebraska and in southern Minnesota.",
			map[string]string{"Nebraska": schema.Place, "eastern Nebraska": ""}},
		// A legal form ends a company's name.
		{"Terumo Corp of Tokyo has committed 75 mln dlrs to its plant, said Siemens A.G. and Lockheed Corp on Monday.",
			map[string]string{"Terumo Corp": schema.Organization, "Siemens A.G.": schema.Organization, "Lockheed Corp": schema.Organization}},
		// A results table's figures are not part of a name.
		{"GOLF - LEADING SCORES .\nLeading scores :\n134 Paul Casey 69 65\nShoaib Akhtar 25-3-89-2 , Ernie Els ( South Africa ) 67 67\n",
			map[string]string{"Paul Casey 69": "", "Shoaib Akhtar 25-3-89-2": ""}},
		// A person's name does not end in an acronym.
		{"Thorn EMI Plc said it would buy the unit. Thorn EMI shares rose, while Pope John Paul II visited Chile.",
			map[string]string{"Thorn EMI": schema.Organization, "John Paul II": schema.Person}},
		// ... and a company "of" a place is the company and the place.
		{"TAG Group S.A. of Luxembourg said it had sold its stake to Sedio N.V. of Lugano, Switzerland.",
			map[string]string{"TAG Group S.A.": schema.Organization, "Luxembourg": schema.Place, "Sedio N.V.": schema.Organization, "Lugano": schema.Place,
				"TAG Group S.A. of Luxembourg": "", "Sedio N.V. of Lugano": ""}},
		// A country that ends a headline is not a nationality written
		// before the name that starts the story.
		{"EC TO BEGIN TALKS ON ECONOMIC PACT WITH HUNGARY\n\nEuropean Community officials agreed to formal talks with Hungary.",
			map[string]string{"HUNGARY": schema.Place, "European Community": schema.Organization}},
		// A dateline's place stays a place where the story uses the city
		// for its exchange.
		{"SEOUL, April 17 -\nS.KOREA TO INVESTIGATE INVESTORS\n\nThe order was aimed at preventing investors from manipulating the Seoul exchange.",
			map[string]string{"SEOUL": schema.Place}},
	} {
		res := extractText(t, x, c.text)
		for text, typ := range c.want {
			e := mentionEntity(res, text)
			switch {
			case typ == "" && e != nil:
				t.Errorf("%q: %q is a mention of %s (%s)", c.text, text, e.Name, e.Type)
			case typ != "" && e == nil:
				t.Errorf("%q: %q is not a mention", c.text, text)
			case typ != "" && e.Type != typ:
				t.Errorf("%q: %q is %s, want %s", c.text, text, e.Type, typ)
			}
		}
	}
	// A short acronym that some party or company also uses does not give
	// its kind to what it stands for.
	res := extractText(t, x, "Gross National Product (GNP) rose 2.1 pct, the Commerce Department said.")
	if e := mentionEntity(res, "Gross National Product"); e != nil && e.Kind == schema.KindParty {
		t.Errorf("GNP: %+v", e)
	}
	// A name the recogniser ran from a headline into the story is cut at
	// the line break.
	res = extractText(t, x, "INDONESIA\nWorld Bank officials said on Monday the loan was approved.")
	if e := mentionEntity(res, "World Bank"); e == nil || e.Type != schema.Organization {
		t.Errorf("World Bank after a headline: %+v", res.Entities)
	}
	// A dateline is a line of its own that starts with capitals: a
	// sentence that mentions a date is not one.
	if got := datelinePlaces([]rune("Shares fell on March 3 in heavy trading.")); len(got) != 0 {
		t.Errorf("not a dateline: %v", got)
	}
}

// TestShortCompanyForm: a company's first word used alone in the same
// article is the company, not a person of that name.
func TestShortCompanyForm(t *testing.T) {
	res := extractText(t, newExtractor(t), "Ford Motor Co neared General Motors Corp last year in executive bonuses. "+
		"Ford, which outstripped GM in earnings last year, said its bonuses totaled 167 mln dlrs.")
	e := mentionEntity(res, "Ford")
	if e == nil || e.Type != schema.Organization || e.Name != "Ford Motor Co" {
		t.Fatalf("Ford: %+v", e)
	}
	// A surname stays a person when a person of that name is in the text.
	res = extractText(t, newExtractor(t), "Ford Motor Co was founded by Henry Ford. Ford said he wanted a car for everyone.")
	if e := mentionEntity(res, "Ford"); e == nil || e.Type != schema.Person {
		t.Fatalf("Ford the founder: %+v", e)
	}
}

func TestBeforeFigures(t *testing.T) {
	for in, want := range map[string]string{
		"Paul Casey 69":           "Paul Casey",
		"Shoaib Akhtar 25-3-89-2": "Shoaib Akhtar",
		"Damon Hill 1:50.574":     "Damon Hill",
		"Casey 69 65":             "Casey",
		"1996":                    "1996",
		"Louis XIV":               "Louis XIV",
		"Route 66":                "Route",
	} {
		r := []rune(in)
		if got := string(r[:beforeFigures(r, 0, len(r))]); got != want {
			t.Errorf("beforeFigures(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestLegalFormPrefix checks that a legal form written before a company's
// name ("AO Kaspersky Lab", "PJSC Gazprom") leaves the name without it,
// the full form an alias, so that the company is one entity with the
// documents that name it plainly.
func TestLegalFormPrefix(t *testing.T) {
	x := newExtractor(t)
	for text, want := range map[string]string{
		"AO Kaspersky Lab said it had never helped any government.":      "Kaspersky Lab",
		"Shares of PJSC Gazprom fell 3 pct in Moscow on Monday.":         "Gazprom",
		"AB Volvo said its truck sales rose in the first quarter.":       "Volvo",
		"The AO Smith Corp said its earnings rose in the first quarter.": "",
	} {
		res := extractText(t, x, text)
		var got *schema.Entity
		for i := range res.Entities {
			for _, a := range res.Entities[i].Aliases {
				if strings.HasPrefix(a, "AO ") || strings.HasPrefix(a, "PJSC ") || strings.HasPrefix(a, "AB ") {
					got = &res.Entities[i]
				}
			}
		}
		switch {
		case want == "" && got != nil:
			t.Errorf("%q: %s has alias %v", text, got.Name, got.Aliases)
		case want != "" && (got == nil || got.Name != want || got.ID != schema.Key(schema.Organization, want)):
			t.Errorf("%q: entity %+v, want %s", text, got, want)
		}
	}
}

// TestCapitalsDisplayName checks the name an entity is shown by when a
// headline or a dateline writes it in capitals: the story's own spelling
// when it has one, even in a form that does not name the entity by itself
// (a titled "President Reagan"); title case for a place of the gazetteer
// named only in a headline or dateline; and capitals kept for what may be
// an acronym in a sentence.
func TestCapitalsDisplayName(t *testing.T) {
	x := newExtractor(t)
	for _, c := range []struct {
		text, mention, want string
	}{
		{"REAGAN SAYS TRADE BILL WOULD HURT\n\nNEW YORK, March 3 - Stocks rose in New York on Tuesday.\n\nPresident Reagan said the bill would hurt exporters.",
			"REAGAN", "Reagan"},
		{"AQUINO NAMES NEW CABINET\n\nMANILA, March 3 - President Aquino named a new cabinet on Tuesday.",
			"AQUINO", "Aquino"},
		{"TORONTO STOCKS CLOSE HIGHER\n\nShares closed higher on Tuesday in active trading, brokers said.",
			"TORONTO", "Toronto"},
		{"LISBON, March 3 - Portugal's central bank cut its discount rate by one point on Tuesday, the bank said.",
			"LISBON", "Lisbon"},
	} {
		res := extractText(t, x, c.text)
		e := mentionEntity(res, c.mention)
		if e == nil {
			t.Errorf("%q: no entity with the mention %q", c.text, c.mention)
			continue
		}
		if e.Name != c.want {
			t.Errorf("%q: %q is shown as %q, want %q", c.text, c.mention, e.Name, c.want)
		}
	}
}

// TestSaidItActs checks that a lone name before "said it" and an act
// ("said it had fixed", "said it expects") is an organisation in the
// whole story, while the "it" of an opinion ("said it was too early") or
// the surname of a person named in full keeps a person.
func TestSaidItActs(t *testing.T) {
	x := newExtractor(t)
	for _, c := range []struct {
		text, mention, want string
	}{
		{"Hackers stole data from millions of accounts, researchers said.\n\nMeta declined to comment on Tuesday. Meta said it had fixed the flaw.",
			"Meta", schema.Organization},
		{"Minorco said it expects net earnings to be substantially stronger in the second half.",
			"Minorco", schema.Organization},
		// Two names joined by "and" before "said it" and an act are one
		// firm.
		{"DUFF AND PHELPS LOWERS DELMARVA POWER RATING\n\nDuff and Phelps said it lowered its ratings on Delmarva Power and Light Co debt.",
			"Duff and Phelps", schema.Organization},
		{"Cross and Trecker said it agreed to acquire the Alliance Automation Systems division of Alliance Inc.",
			"Cross and Trecker", schema.Organization},
		{"Mexico's finance official Angel Gurria met the bank advisory committee on Monday. Gurria said it would resume talks once the first part of the loan was signed.",
			"Gurria", schema.Person},
		{"FDIC chairman William Seidman spoke to reporters on Monday. Seidman said it was too early to say what effect the moratorium would have.",
			"Seidman", schema.Person},
	} {
		res := extractText(t, x, c.text)
		e := mentionEntity(res, c.mention)
		if e == nil {
			t.Errorf("%q: no entity with the mention %q", c.text, c.mention)
			continue
		}
		if e.Type != c.want {
			t.Errorf("%q: %q is a %s, want %s", c.text, c.mention, e.Type, c.want)
		}
	}
}

// TestGluedAdjective checks that an adjective of a region, or of a
// nationality before a noun of users, is not part of a company's name the
// story also gives alone, while names that hold one stay whole.
func TestGluedAdjective(t *testing.T) {
	x := newExtractor(t)
	for _, c := range []struct {
		text  string
		names map[string]bool // entity name -> wanted (true) or not (false)
	}{
		{"Hackers breach European Facebook accounts\n\nHackers stole data from millions of Facebook accounts in Europe, researchers said.\n\nEuropean Facebook users were told to change their passwords, the company said.",
			map[string]bool{"Facebook": true, "European Facebook": false}},
		{"The French government has no reason to doubt the European Airbus consortium's assessment, the minister said. Airbus plans a new jet.",
			map[string]bool{"Airbus": true, "European Airbus": false}},
		{"Russian Facebook users lost access on Friday. Facebook said the outage was over.",
			map[string]bool{"Facebook": true, "Russian Facebook": false}},
		{"American Honda president Tetsuo Chino said sales rose. Honda shares were higher in Tokyo.",
			map[string]bool{"American Honda": true}},
		{"EC AND COMECON END TALKS\n\nThe European Community and Comecon ended talks in Geneva. The Community said progress was made.",
			map[string]bool{"European Community": true}},
	} {
		res := extractText(t, x, c.text)
		have := map[string]bool{}
		for _, e := range res.Entities {
			have[e.Name] = true
		}
		for n, want := range c.names {
			if have[n] != want {
				t.Errorf("%q: entity %q: %v, want %v (entities %v)", c.text, n, have[n], want, have)
			}
		}
	}
}

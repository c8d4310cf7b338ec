package extract

import (
	"strings"

	"github.com/dossier-project/dossier/extract/ner"
	"github.com/dossier-project/dossier/schema"
)

// titles are honorifics and offices that precede a person's name.
var titles = setOf("mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "dr", "dr.", "prof", "prof.", "professor",
	"sir", "dame", "lord", "lady", "president", "premier", "chancellor", "minister", "senator", "sen.", "rep.",
	"governor", "gov.", "mayor", "judge", "justice", "general", "gen.", "colonel", "col.", "captain", "capt.",
	"lieutenant", "lt.", "sergeant", "sgt.", "admiral", "adm.", "pope", "king", "queen", "prince", "princess",
	"sheikh", "ayatollah", "rabbi", "father", "rev.", "reverend", "chairman", "ceo", "secretary", "ambassador")

func isTitle(w string) bool { return titles[strings.ToLower(w)] }

// honorifics are the titles that name a person whatever follows them; the
// others are offices, also found at the start of organisations' names
// ("General Motors", "President Hotel").
var honorifics = setOf("mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "dr", "dr.", "prof", "prof.", "professor",
	"sir", "dame", "lord", "lady", "sen.", "rep.", "gov.", "rev.", "reverend")

// stopNames are things recognisers tag that are never entities here.
var stopNames = setOf(
	"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
	"november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
	"read", "more about", "more", "about", "share", "tweet", "comments", "advertisement", "related",
	"he", "she", "it", "they", "we", "i", "you", "his", "her", "their", "our", "the", "a", "an",
	"united", "however", "but", "and", "in", "on", "at", "this", "that", "there", "here")

// orgBefore and orgAfter are words that, next to a one-word name, make it
// an organisation: "firm Kaspersky", "Kaspersky products".
var (
	orgBefore = setOf("firm", "company", "group", "maker", "giant", "vendor", "provider", "lab", "bank", "carrier",
		"broadcaster", "newspaper", "publisher", "retailer", "manufacturer", "startup", "conglomerate", "insurer", "airline")
	orgAfter = setOf("products", "product", "software", "shares", "stock", "customers", "employees", "staff",
		"headquarters", "spokesman", "spokeswoman", "spokesperson", "executives", "subsidiary", "inc", "ltd", "plc",
		"corp", "anti-virus", "antivirus", "brand", "users", "services", "platform", "devices", "network")
)

// metonyms are places that stand for governments: "the Kremlin said".
var metonyms = map[string]string{
	"kremlin": "Kremlin", "the kremlin": "Kremlin", "white house": "White House", "the white house": "White House",
	"pentagon": "Pentagon", "the pentagon": "Pentagon", "downing street": "Downing Street",
	"elysee": "Elysee", "élysée": "Élysée", "zhongnanhai": "Zhongnanhai", "whitehall": "Whitehall",
}

// homeNations are the countries of the United Kingdom, which newswire
// names as countries (and as national teams) but the country lists do not
// hold.
var homeNations = map[string]string{"england": "England", "scotland": "Scotland", "wales": "Wales",
	"northern ireland": "Northern Ireland"}

// formerStates are countries that the country lists, which hold today's
// states, lack, but that archived news names as countries: the
// Reuters-21578 stories of 1987 name West Germany 618 times and the Soviet
// Union 350. Each is a country of its own ("West Germany" is not
// "Germany"). formerDemonyms are their adjectives.
var formerStates = map[string]string{"west germany": "West Germany", "east germany": "East Germany",
	"soviet union": "Soviet Union", "ussr": "Soviet Union", "u.s.s.r.": "Soviet Union",
	"yugoslavia": "Yugoslavia", "czechoslovakia": "Czechoslovakia"}

var formerDemonyms = map[string]string{"Soviet": "Soviet Union", "Soviets": "Soviet Union",
	"Yugoslav": "Yugoslavia", "Yugoslavs": "Yugoslavia", "Czechoslovak": "Czechoslovakia"}

// partyForms maps the short and long forms of parties that newswire names
// in many ways to one canonical name: "the Tories", "Conservatives" and
// "Conservative Party" are one party.
var partyForms = map[string]string{
	"labour": "Labour Party", "labour party": "Labour Party", "new labour": "Labour Party",
	"the labour party": "Labour Party", "british labour party": "Labour Party",
	"conservatives": "Conservative Party", "conservative party": "Conservative Party", "tories": "Conservative Party",
	"tory party": "Conservative Party", "the conservative party": "Conservative Party",
	"conservative and unionist party": "Conservative Party",
	"lib dems":                        "Liberal Democrats", "libdems": "Liberal Democrats", "liberal democrats": "Liberal Democrats",
	"liberal democrat party": "Liberal Democrats", "the liberal democrats": "Liberal Democrats",
	"snp": "Scottish National Party", "scottish national party": "Scottish National Party",
	"ukip": "UK Independence Party", "uk independence party": "UK Independence Party",
	"plaid cymru": "Plaid Cymru", "plaid": "Plaid Cymru",
	"green party": "Green Party", "greens": "Green Party",
	"republicans": "Republican Party", "republican party": "Republican Party", "gop": "Republican Party",
	"democrats": "Democratic Party", "democratic party": "Democratic Party",
	"sinn fein": "Sinn Fein", "sinn féin": "Sinn Féin",
	"dup": "Democratic Unionist Party", "democratic unionist party": "Democratic Unionist Party",
	"democratic unionists": "Democratic Unionist Party",
	"ulster unionists":     "Ulster Unionist Party", "ulster unionist party": "Ulster Unionist Party",
}

// partyAdjectives are words for a party's members or policies ("Tory
// leader", "a Lib Dem MP"): like a nationality adjective, they give the
// party an alias but are not a mention of its name.
var partyAdjectives = map[string]string{
	"tory": "Conservative Party", "conservative": "Conservative Party", "lib dem": "Liberal Democrats",
	"liberal democrat": "Liberal Democrats", "republican": "Republican Party",
}

// partyName returns the canonical name of a party named in one of its
// forms: the curated forms above, or a word that names a listed party with
// "Party" after it ("Labour" when "Labour Party" is listed).
func partyName(name string) (string, bool) {
	k := strings.ToLower(strings.Join(strings.Fields(name), " "))
	if c, ok := partyForms[k]; ok {
		return c, true
	}
	return "", false
}

// countryName returns the canonical name of a country alias ("U.S." and
// "America" are "United States").
func countryName(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if c, ok := homeNations[strings.ToLower(stripThe(s))]; ok && startsUpper(s) {
		return c, true
	}
	if c, ok := formerStates[strings.ToLower(stripThe(s))]; ok && startsUpper(s) {
		return c, true
	}
	if c, ok := ner.CountryName(s); ok {
		return c, true
	}
	return ner.CountryName(stripThe(s))
}

// demonymCountry returns the country of a nationality adjective
// ("Russian"), or of a country name used as one ("US National Security
// Agency").
func demonymCountry(w string) (string, bool) {
	if c, ok := ner.Demonym(w); ok {
		return c, true
	}
	if c, ok := formerDemonyms[w]; ok {
		return c, true
	}
	return ner.CountryName(w)
}

// kindOf classifies an entity: organisations by gazetteer and head words,
// places as country or city (see ner.KindReason), with the evidence. A
// metonym such as "Kremlin" is a government; an alias can give the kind when
// the name does not ("Federal Security Service" by "FSB").
func kindOf(name, typ string, aliases []string) (kind, reason string) {
	if _, ok := metonyms[strings.ToLower(name)]; ok && typ == schema.Organization {
		return schema.KindGovernment, "seat of government named for it"
	}
	if _, ok := homeNations[strings.ToLower(name)]; ok && typ == schema.Place {
		return schema.KindCountry, "list: countries of the United Kingdom"
	}
	if _, ok := formerStates[strings.ToLower(name)]; ok && typ == schema.Place {
		return schema.KindCountry, "list: former states"
	}
	k, r := ner.KindReason(name, typ)
	// An alias gives the kind when the name gives none, and when a list
	// holds the alias while only a head word calls the name a company:
	// "OPEC" is on the list of international organisations, and the
	// "Organisation of Petroleum Exporting Countries" no company for its
	// "Petroleum".
	// A legal form is a company's head word whatever its short forms are
	// ("Arsenal Holdings" is no club for "Arsenal"), and the lists of
	// clubs and parties hold too many plain words to outweigh a head word.
	words := strings.Fields(name)
	headOnly := k == schema.KindCompany && strings.HasPrefix(r, "head word") && len(words) > 0 && !legalForm(words[len(words)-1])
	if typ == schema.Organization && (k == "" || k == schema.KindOther || headOnly) {
		for _, a := range aliases {
			ak, ar := ner.KindReason(a, typ)
			if ak == "" || ak == schema.KindOther || ak == k {
				continue
			}
			// The party and company lists hold thousands of short
			// acronyms: "GNP" or "OPEC" there says nothing of the
			// Gross National Product or the oil cartel.
			if isAcronym(a) && (ak == schema.KindParty || ak == schema.KindCompany) && strings.HasPrefix(ar, "list:") {
				continue
			}
			if headOnly && (ak == schema.KindSportsTeam || ak == schema.KindParty ||
				!strings.HasPrefix(ar, "list:") && !strings.HasPrefix(ar, "curated list")) {
				continue
			}
			return ak, ar + " (alias “" + a + "”)"
		}
	}
	return k, r
}

func setOf(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}

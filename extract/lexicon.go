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

// countryName returns the canonical name of a country alias ("U.S." and
// "America" are "United States").
func countryName(s string) (string, bool) {
	s = strings.TrimSpace(s)
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
	return ner.CountryName(w)
}

// kindOf classifies an entity: organisations by gazetteer and head words,
// places as country or city (see ner.Kind). A metonym such as "Kremlin" is
// a government.
func kindOf(name, typ string, aliases []string) string {
	if _, ok := metonyms[strings.ToLower(name)]; ok && typ == schema.Organization {
		return schema.KindGovernment
	}
	k := ner.Kind(name, typ)
	if typ == schema.Organization && (k == "" || k == schema.KindOther) {
		for _, a := range aliases {
			if ak := ner.Kind(a, typ); ak != "" && ak != schema.KindOther {
				return ak
			}
		}
	}
	return k
}

func setOf(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}

package extract

import (
	"strings"
	"unicode"

	"github.com/dossier-project/dossier/extract/ner"
	"github.com/dossier-project/dossier/extract/text"
	"github.com/dossier-project/dossier/schema"
)

// Sports context. Newswire's sports pages name clubs by their town
// ("Leeds beat Southampton 2-0", "a 1-0 win at Norwich"); a recogniser
// trained on other text calls the town a place. In a sports report, a city
// next to a result cue is the club, an organisation of kind sports team.
// Countries stay places: national teams are named as their country.

// sportsWords are words that make a document a sports report.
var sportsWords = setOf("beat", "beats", "drew", "draw", "goal", "goals", "match", "league", "cup", "coach",
	"season", "striker", "midfielder", "goalkeeper", "penalty", "halftime", "half-time", "scored", "innings",
	"wickets", "wicket", "try", "tries", "premiership", "championship", "tournament", "seeded", "standings",
	"relegation", "promoted", "fixtures", "manager", "win", "defeat", "victory", "points",
	// The sport, as a headline or a results table names it.
	"soccer", "football", "rugby", "cricket", "tennis", "golf", "baseball", "basketball", "hockey",
	"athletics", "cycling", "racing", "boxing", "volleyball", "handball", "results", "innings", "scoreboard")

// teamBefore and teamAfter are the words next to a club's name in a
// results sentence: "beat Leeds", "Leeds drew".
var (
	teamBefore = setOf("beat", "beats", "against", "v", "vs", "v.", "vs.", "over", "with", "knocked", "face", "faces", "play", "plays", "host", "hosts")
	teamAfter  = setOf("beat", "beats", "drew", "lost", "won", "were", "led", "held", "moved", "stayed", "climbed",
		"manager", "coach", "striker", "midfielder", "defender", "goalkeeper", "captain", "fans", "boss", "side")
)

// competitionHeads end the names of competitions, which a sports report
// names beside its clubs.
var competitionHeads = setOf("cup", "league", "championship", "championships", "open", "classic", "trophy",
	"olympics", "games", "tournament", "masters", "prix", "series", "nations", "premiership")

// isSportsDoc reports whether a text reads like a sports report: scores
// ("2-1") and sports words.
func isSportsDoc(runes []rune) bool {
	scores, words := 0, 0
	for i := 0; i < len(runes); {
		r := runes[i]
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			i++
			continue
		}
		j := i
		for j < len(runes) && (unicode.IsLetter(runes[j]) || unicode.IsDigit(runes[j]) || runes[j] == '-') {
			j++
		}
		w := string(runes[i:j])
		if isScore(w) && (i == 0 || runes[i-1] != '-') {
			scores++
		} else if sportsWords[strings.ToLower(w)] {
			words++
		}
		i = j
	}
	return scores >= 2 || scores >= 1 && words >= 2 || words >= 5
}

// isScore reports whether w is a score such as "2-1" or "11-9".
func isScore(w string) bool {
	a, b, ok := strings.Cut(w, "-")
	return ok && len(a) >= 1 && len(a) <= 2 && len(b) >= 1 && len(b) <= 2 && allDigits(a) && allDigits(b)
}

func allDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

// sportsTeams retypes, in a sports report, the towns named as clubs:
// next to a result cue, or at the start of a results or standings line
// ("Leeds 2 Southampton 0", "Liverpool 6 4 2 0 12 4 14"). It returns the
// starts of the mentions it made clubs.
func sportsTeams(runes []rune, sents []text.Sentence, ms []*mention) map[int]bool {
	if len(ms) == 0 || !isSportsDoc(runes) {
		return nil
	}
	gaz, err := ner.DefaultGazetteer()
	if err != nil {
		return nil
	}
	teams := make(map[int]bool)
	for _, m := range ms {
		if w := strings.Fields(m.Text); m.Type == schema.Organization && len(w) > 1 && competitionHeads[strings.ToLower(w[len(w)-1])] {
			// "Champions League", "Asian Cup": a competition, not a body.
			m.Type, m.fixed = schema.Misc, true
			continue
		}
		if m.derived || m.titled || (m.Type != schema.Place && m.Type != schema.Organization) {
			continue
		}
		if _, ok := countryName(m.Text); ok {
			continue
		}
		if resultLine(runes, m.Start, m.End) {
			// A name that starts a results or standings line is a team,
			// whatever place names it: a town, a county or a state
			// ("Texas 6 NEW YORK 2", "Somerset 83 and 174").
			m.Type, m.fixed = schema.Organization, true
			teams[m.Start] = true
			continue
		}
		if !gaz.Has(ner.CatCity, m.Text) && !gaz.Has(ner.CatSports, m.Text) {
			continue
		}
		before := strings.ToLower(wordBefore(runes, m.Start))
		after := strings.ToLower(wordAfter(runes, m.End))
		if teamBefore[before] || teamAfter[after] {
			m.Type, m.fixed = schema.Organization, true
			teams[m.Start] = true
		}
	}
	return teams
}

// resultLine reports whether the name at [s, e) is followed on its line by
// a score or a row of numbers: "Leeds 2 Southampton 0".
func resultLine(runes []rune, s, e int) bool {
	i := e
	for i < len(runes) && (runes[i] == ' ' || runes[i] == '\t') {
		i++
	}
	j := i
	for j < len(runes) && unicode.IsDigit(runes[j]) {
		j++
	}
	return j > i && j-i <= 3 && (j == len(runes) || runes[j] == ' ' || runes[j] == '\t' || runes[j] == '\n')
}

// contextKinds are words next to an organisation's name that say what it
// is, when its name does not: "shares in Tesco", "Corus said its profit",
// "Norwich manager".
var (
	kindBefore = map[string]string{
		"firm": schema.KindCompany, "company": schema.KindCompany, "group": schema.KindCompany, "maker": schema.KindCompany,
		"giant": schema.KindCompany, "retailer": schema.KindCompany, "carrier": schema.KindCompany, "airline": schema.KindCompany,
		"insurer": schema.KindCompany, "supermarket": schema.KindCompany, "chain": schema.KindCompany, "major": schema.KindCompany,
		"conglomerate": schema.KindCompany, "manufacturer": schema.KindCompany, "producer": schema.KindCompany,
		"supplier": schema.KindCompany, "operator": schema.KindCompany, "brewer": schema.KindCompany, "miner": schema.KindCompany,
		"carmaker": schema.KindCompany, "automaker": schema.KindCompany, "steelmaker": schema.KindCompany, "in": "",
		"auditor": schema.KindCompany, "lender": schema.KindCompany, "brokerage": schema.KindCompany,
		"newspaper": schema.KindMedia, "broadcaster": schema.KindMedia, "magazine": schema.KindMedia, "channel": schema.KindMedia,
		"station": schema.KindMedia, "tabloid": schema.KindMedia,
		"club": schema.KindSportsTeam, "champions": schema.KindSportsTeam,
		"charity": schema.KindNGO, "campaigners": schema.KindNGO,
		"regulator": schema.KindAgency, "watchdog": schema.KindAgency,
	}
	kindAfter = map[string]string{
		"shares": schema.KindCompany, "stock": schema.KindCompany, "profits": schema.KindCompany, "profit": schema.KindCompany,
		"sales": schema.KindCompany, "revenue": schema.KindCompany, "revenues": schema.KindCompany, "earnings": schema.KindCompany,
		"customers": schema.KindCompany, "shareholders": schema.KindCompany, "stores": schema.KindCompany,
		"products": schema.KindCompany, "plc": schema.KindCompany, "subsidiary": schema.KindCompany,
		"newspaper": schema.KindMedia, "reporter": schema.KindMedia, "correspondent": schema.KindMedia,
		"journalist": schema.KindMedia, "editor": schema.KindMedia, "reported": schema.KindMedia,
		"manager": schema.KindSportsTeam, "striker": schema.KindSportsTeam, "midfielder": schema.KindSportsTeam,
		"goalkeeper": schema.KindSportsTeam, "defender": schema.KindSportsTeam, "fans": schema.KindSportsTeam,
		"mp": schema.KindParty, "mps": schema.KindParty, "mep": schema.KindParty, "meps": schema.KindParty,
		"candidate": schema.KindParty, "candidates": schema.KindParty, "voters": schema.KindParty,
		"activists": schema.KindParty, "manifesto": schema.KindParty, "councillors": schema.KindParty,
		"ruled": schema.KindCourt, "judge": schema.KindCourt, "judges": schema.KindCourt,
	}
)

// kindsFromContext gives an organisation that no list or name head
// classifies the kind its mentions' neighbours say, by majority, with the
// words as the reason; a club of a sports report is a sports team.
func kindsFromContext(runes []rune, ents []schema.Entity, teams map[int]bool) {
	for i := range ents {
		e := &ents[i]
		if e.Type != schema.Organization || (e.Kind != "" && e.Kind != schema.KindOther) {
			continue
		}
		votes := make(map[string]int)
		why := make(map[string]string)
		for _, m := range e.Mentions {
			if teams[m.Start] {
				votes[schema.KindSportsTeam] += 2
				why[schema.KindSportsTeam] = "context: sports report (“" + lineAround(runes, m.Start, m.End) + "”)"
				continue
			}
			b := strings.ToLower(wordBefore(runes, m.Start))
			if b == "in" && strings.EqualFold(wordBefore(runes, m.Start-len("in")-1), "shares") {
				votes[schema.KindCompany]++
				why[schema.KindCompany] = "context: “shares in " + m.Text + "”"
				continue
			}
			if k := kindBefore[b]; k != "" {
				votes[k]++
				why[k] = "context: “" + wordBefore(runes, m.Start) + " " + m.Text + "”"
			}
			if k := kindAfter[strings.ToLower(wordAfter(runes, m.End))]; k != "" {
				votes[k]++
				why[k] = "context: “" + m.Text + " " + wordAfter(runes, m.End) + "”"
			}
		}
		best, n, tie := "", 0, false
		for k, v := range votes {
			switch {
			case v > n:
				best, n, tie = k, v, false
			case v == n:
				tie = true
			}
		}
		if n > 0 && !tie {
			e.Kind, e.KindReason = best, why[best]
		}
	}
}

// lineAround returns the text of [s, e) with up to 30 code points either
// side on its line, for a reason.
func lineAround(runes []rune, s, e int) string {
	a, b := s, e
	for a > 0 && s-a < 30 && runes[a-1] != '\n' {
		a--
	}
	for b < len(runes) && b-e < 30 && runes[b] != '\n' {
		b++
	}
	return strings.TrimSpace(strings.Join(strings.Fields(string(runes[a:b])), " "))
}

package main

import (
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"unicode"

	"github.com/dossier-project/dossier/extract/ner"
)

// sportsLists are the names the sports sentence generator draws from.
type sportsLists struct {
	clubs     [][]string // club names as news writes them, tokenised
	countries [][]string
	cities    [][]string
	first     []string
	last      []string
}

func loadSportsLists(dir string) (*sportsLists, error) {
	l := &sportsLists{}
	p := func(parts ...string) string { return filepath.Join(append([]string{dir}, parts...)...) }
	err := readTSV(p("sports-clubs", "football-clubs.tsv"), func(r map[string]string) {
		forms := []string{r["name"]}
		for _, a := range strings.Split(r["aliases"], "|") {
			if a = bracketTag.ReplaceAllString(a, ""); a != "" {
				forms = append(forms, a)
			}
		}
		for _, f := range forms {
			if latin(f) && !strings.ContainsAny(f, "()[]@›") && len(strings.Fields(f)) <= 3 {
				l.clubs = append(l.clubs, strings.Fields(f))
			}
		}
	})
	if err != nil {
		return nil, err
	}
	err = readTSV(p("countries", "countries-mit.tsv"), func(r map[string]string) {
		if !strings.Contains(r["name"], ",") && len(strings.Fields(r["name"])) <= 3 {
			l.countries = append(l.countries, strings.Fields(r["name"]))
		}
	})
	if err != nil {
		return nil, err
	}
	err = readTSV(p("cities", "world-cities.tsv"), func(r map[string]string) {
		if latin(r["name"]) && len(r["name"]) > 3 && len(strings.Fields(r["name"])) <= 2 {
			l.cities = append(l.cities, strings.Fields(r["name"]))
		}
	})
	if err != nil {
		return nil, err
	}
	err = readTSV(p("person-names", "first-names-en-moby.tsv"), func(r map[string]string) { l.first = append(l.first, r["name"]) })
	if err != nil {
		return nil, err
	}
	err = readTSV(p("person-names", "cspell-people-names.tsv"), func(r map[string]string) {
		n := r["name_part"]
		if len(n) >= 4 && latin(n) && unicode.IsUpper([]rune(n)[0]) {
			l.last = append(l.last, n)
		}
	})
	return l, err
}

// competitions are sports events, written for this project.
var competitions = []string{
	"World Cup", "European Cup", "UEFA Cup", "Cup Winners ' Cup", "European Championship", "Asian Cup",
	"African Nations Cup", "Copa America", "Gold Cup", "Olympic Games", "Olympics", "Commonwealth Games",
	"Davis Cup", "Fed Cup", "Ryder Cup", "Tour de France", "Giro d'Italia", "Grand Prix", "Super Bowl",
	"Stanley Cup", "World Series", "FA Cup", "League Cup", "Copa del Rey", "DFB Cup", "Coupe de France",
	"Five Nations", "World Championships", "Grand Slam", "U.S. Open", "Australian Open", "French Open",
}

// sportsSentences generates n sentences in the style of sports pages and
// results tables (scores, standings, scorers, tennis and athletics results,
// datelines), tagged by CoNLL-2003 conventions: clubs ORG, national teams
// and countries LOC, athletes PER. Newswire is full of them and the
// hand-annotated corpora have almost none.
func sportsSentences(l *sportsLists, n int, seed uint64) []ner.Sentence {
	rng := rand.New(rand.NewPCG(seed, 0xba11))
	pick := func(xs [][]string) []string { return xs[rng.IntN(len(xs))] }
	num := func(max int) string { return fmt.Sprint(rng.IntN(max + 1)) }
	var out []ner.Sentence
	for len(out) < n {
		var s ner.Sentence
		add := func(toks []string, typ string) {
			for i, t := range toks {
				s.Tokens = append(s.Tokens, t)
				switch {
				case typ == "":
					s.Tags = append(s.Tags, "O")
				case i == 0:
					s.Tags = append(s.Tags, "B-"+typ)
				default:
					s.Tags = append(s.Tags, "I-"+typ)
				}
			}
		}
		words := func(s string) []string { return strings.Fields(s) }
		person := func() []string {
			if rng.IntN(3) == 0 {
				return []string{l.last[rng.IntN(len(l.last))]}
			}
			return []string{l.first[rng.IntN(len(l.first))], l.last[rng.IntN(len(l.last))]}
		}
		// Teams: a national side is LOC, a club ORG, and clubs are often
		// named by their town alone ("Leeds 2 Chelsea 1").
		team := func() ([]string, string) {
			switch rng.IntN(6) {
			case 0:
				return pick(l.countries), "LOC"
			case 1, 2:
				return pick(l.cities), "ORG"
			}
			return pick(l.clubs), "ORG"
		}
		upper := false
		switch rng.IntN(12) {
		case 0, 1: // result row: Team 2 Team 1
			a, ta := team()
			b, tb := team()
			for ta != tb {
				b, tb = team()
			}
			add(a, ta)
			add([]string{num(5)}, "")
			if rng.IntN(3) == 0 {
				add(words("( "+num(3)+" )"), "")
			}
			add(b, tb)
			add([]string{num(5)}, "")
		case 2: // standings row
			a, ta := team()
			add(a, ta)
			for range 7 {
				add([]string{num(40)}, "")
			}
		case 3: // headline
			a, ta := team()
			b, tb := team()
			sport := []string{"SOCCER", "RUGBY UNION", "BASKETBALL", "CRICKET", "ICE HOCKEY"}[rng.IntN(5)]
			verb := []string{"BEAT", "HOLD", "DRAW WITH", "THRASH", "EDGE", "LOSE TO", "STUN"}[rng.IntN(7)]
			add(words(sport+" -"), "")
			add(a, ta)
			add(words(verb), "")
			add(b, tb)
			add(words("."), "")
			upper = true
		case 4: // running text
			a, ta := team()
			b, tb := team()
			add(a, ta)
			add(words([]string{"beat", "drew with", "lost to", "were held by", "crushed"}[rng.IntN(5)]), "")
			add(b, tb)
			add([]string{num(4) + "-" + num(4)}, "")
			if rng.IntN(3) == 0 {
				// Competitions are events: MISC.
				add(words("in the"), "")
				add(words(competitions[rng.IntN(len(competitions))]), "MISC")
			} else {
				add(words([]string{"on Saturday", "on Sunday", "in the league", "in their opening match", "at home"}[rng.IntN(5)]), "")
			}
			add(words("."), "")
		case 5: // scorers
			add(words("Scorers :"), "")
			for k := 0; k < 1+rng.IntN(3); k++ {
				if k > 0 {
					add(words(","), "")
				}
				add(person(), "PER")
				add(words("( "+num(90)+" )"), "")
			}
		case 6: // tennis result
			add(person(), "PER")
			add(words("("), "")
			add(pick(l.countries), "LOC")
			add(words(") beat"), "")
			if rng.IntN(3) == 0 {
				add(words(fmt.Sprint(1+rng.IntN(16))), "")
			}
			add(person(), "PER")
			add(words("("), "")
			add(pick(l.countries), "LOC")
			add(words(")"), "")
			add([]string{fmt.Sprintf("%d-%d", 6, rng.IntN(5)), fmt.Sprintf("%d-%d", rng.IntN(5), 6), fmt.Sprintf("%d-%d", 7, 5)}, "")
		case 7: // ranking line
			add([]string{fmt.Sprint(1+rng.IntN(20)) + "."}, "")
			add(person(), "PER")
			add(words("("), "")
			if rng.IntN(2) == 0 {
				add(pick(l.countries), "LOC")
			} else {
				add(pick(l.clubs), "ORG")
			}
			add(words(")"), "")
			add([]string{fmt.Sprintf("%d:%02d.%02d", rng.IntN(3), rng.IntN(60), rng.IntN(100))}, "")
		case 8: // dateline
			add(pick(l.cities), "LOC")
			add([]string{fmt.Sprintf("199%d-%02d-%02d", 5+rng.IntN(3), 1+rng.IntN(12), 1+rng.IntN(28))}, "")
			upper = true
		case 10: // cricket scorecard line
			add(person(), "PER")
			switch rng.IntN(3) {
			case 0:
				add(words("c"), "")
				add([]string{l.last[rng.IntN(len(l.last))]}, "PER")
				add(words("b"), "")
				add([]string{l.last[rng.IntN(len(l.last))]}, "PER")
			case 1:
				add(words("lbw b"), "")
				add([]string{l.last[rng.IntN(len(l.last))]}, "PER")
			default:
				add(words("not out"), "")
			}
			add([]string{num(150)}, "")
		case 11: // golf or cycling leaderboard
			add(person(), "PER")
			add(words("("), "")
			add(pick(l.countries), "LOC")
			add(words(")"), "")
			for range 1 + rng.IntN(4) {
				add([]string{fmt.Sprint(64 + rng.IntN(12))}, "")
			}
		case 9: // player with club
			add(person(), "PER")
			add(words([]string{"scored for", "joined", "signed for", "left"}[rng.IntN(4)]), "")
			add(pick(l.clubs), "ORG")
			add(words([]string{"last season .", "on Friday .", "in 1995 ."}[rng.IntN(3)]), "")
		}
		if upper {
			for i, t := range s.Tokens {
				s.Tokens[i] = strings.ToUpper(t)
			}
		}
		s.Doc = -1
		out = append(out, s)
	}
	return out
}

package claims

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dossier-project/dossier/extract/attrib"
	"github.com/dossier-project/dossier/extract/text"
	"github.com/dossier-project/dossier/schema"
)

// sharedDir is the read-only shared data, when present.
const sharedDir = "../../../shared/data/attribution"

func shared(t *testing.T, rel string) string {
	t.Helper()
	p := filepath.Join(sharedDir, rel)
	if _, err := os.Stat(p); err != nil {
		t.Skipf("shared data %s not available: %v", p, err)
	}
	return p
}

// titles start a person's name in the capitalised-span heuristic.
var titles = set("president", "prime", "minister", "mr", "mrs", "ms", "dr", "general", "gen.", "king",
	"queen", "vice-president", "ayatollah", "archbishop", "secretary-general", "chancellor", "senator", "leader")

// capitalisedInput builds the input of one sentence with entities from a
// simple heuristic: runs of capitalised words (joined by "of", "for",
// "the", "and" between capitals) that do not start the sentence with a
// function word; countries and demonyms are places, runs with a title are
// persons, the rest organisations of unknown kind.
func capitalisedInput(s string) Input {
	runes := []rune(s)
	doc := &schema.Document{Text: s}
	sents := text.Split(doc, runes)
	countries := map[string]bool{}
	for _, c := range demonymCountry {
		countries[c] = true
	}
	var ents []schema.Entity
	byName := map[string]int{}
	for si, st := range sents {
		ts := st.Tokens
		for i := 0; i < len(ts); i++ {
			if !isCap(ts[i].Text) || (i == 0 && functionWord[strings.ToLower(ts[i].Text)]) {
				continue
			}
			j := i + 1
			for j < len(ts) {
				if isCap(ts[j].Text) {
					j++
					continue
				}
				l := strings.ToLower(ts[j].Text)
				if (l == "of" || l == "for" || l == "the" || l == "and") && j+1 < len(ts) && isCap(ts[j+1].Text) {
					j += 2
					continue
				}
				break
			}
			name := string(runes[ts[i].Start:ts[j-1].End])
			typ := schema.Organization
			kind := ""
			if countries[name] || demonymCountry[name] != "" || countryAbbrev[strings.ToLower(name)] != "" {
				typ, kind = schema.Place, schema.KindCountry
			} else if titles[strings.ToLower(ts[i].Text)] {
				typ = schema.Person
			}
			k, ok := byName[name]
			if !ok {
				ents = append(ents, schema.Entity{ID: schema.Key(typ, name) + "-" + itoaShort(len(ents)), Name: name, Type: typ, Kind: kind})
				k = len(ents) - 1
				byName[name] = k
			}
			ents[k].Mentions = append(ents[k].Mentions, schema.Mention{Span: schema.MakeSpan(runes, ts[i].Start, ts[j-1].End), Sentence: si})
			i = j - 1
		}
	}
	return Input{Doc: doc, Runes: runes, Sentences: sents, Entities: ents}
}

var functionWord = set("the", "a", "an", "in", "on", "at", "but", "and", "after", "before", "despite", "as", "it", "he", "she", "they", "we", "this", "that", "there", "when", "while", "if", "one")

func isCap(s string) bool {
	r := []rune(s)
	return len(r) > 0 && r[0] >= 'A' && r[0] <= 'Z'
}

func itoaShort(i int) string {
	const d = "0123456789"
	if i < 10 {
		return d[i : i+1]
	}
	return itoaShort(i/10) + d[i%10:i%10+1]
}

// mentionOverlaps reports whether entity id has a mention overlapping sp.
func mentionOverlaps(in Input, id string, sp schema.Span) bool {
	for _, e := range in.Entities {
		if e.ID != id {
			continue
		}
		for _, m := range e.Mentions {
			if m.Overlaps(sp) {
				return true
			}
		}
	}
	return false
}

// TestPLOVER measures, on the PLOVER gold-standard sentences of the
// DISAPPROVE (accuse, criticise) and REJECT (reject, deny) classes, how
// often a claim is found whose source and target are the gold actors.
func TestPLOVER(t *testing.T) {
	path := shared(t, "plover_gsr/plover_gsr.jsonl")
	for _, cfg := range configs(t) {
		t.Run(cfg.name, func(t *testing.T) { plover(t, path, cfg.model) })
	}
}

// config is a way to run Extract: the rules alone, or with the model.
type config struct {
	name  string
	model *attrib.Model
}

func configs(t *testing.T) []config {
	m, err := attrib.Default()
	if err != nil {
		t.Fatal(err)
	}
	return []config{{"rules", nil}, {"model", m}}
}

func plover(t *testing.T, path string, model *attrib.Model) {
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	type counts struct{ n, cue, src, tgt int }
	per := map[string]*counts{}
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var r struct {
			Event   string `json:"event"`
			Text    string `json:"text"`
			Aligned bool   `json:"markup_aligned"`
			Spans   []struct {
				Role       string `json:"role"`
				Start, End int
			} `json:"spans"`
		}
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatal(err)
		}
		if (r.Event != "DISAPPROVE" && r.Event != "REJECT") || !r.Aligned {
			continue
		}
		// The spans are code-point offsets into the text.
		var src, tgt, evt []schema.Span
		for _, s := range r.Spans {
			sp := schema.Span{Start: s.Start, End: s.End}
			switch s.Role {
			case "SRC":
				src = append(src, sp)
			case "TAR":
				tgt = append(tgt, sp)
			case "SRC/TAR":
				src, tgt = append(src, sp), append(tgt, sp)
			case "EVT":
				evt = append(evt, sp)
			}
		}
		if len(src) == 0 || len(tgt) == 0 {
			continue
		}
		c := per[r.Event]
		if c == nil {
			c = &counts{}
			per[r.Event] = c
		}
		c.n++
		in := capitalisedInput(r.Text)
		in.Model = model
		out := Extract(in)
		var gotCue, gotSrc, gotTgt bool
		for _, cl := range out.Claims {
			onEvent := false
			for _, e := range evt {
				onEvent = onEvent || cl.Cue.Overlaps(e)
			}
			if !onEvent {
				continue
			}
			gotCue = true
			for _, s := range src {
				if cl.Source.Overlaps(s) || mentionOverlaps(in, string(cl.Claimant), s) {
					gotSrc = true
				}
			}
			ids := append([]string{string(cl.Target)}, cl.About...)
			for _, s := range tgt {
				for _, id := range ids {
					if id != "" && mentionOverlaps(in, id, s) {
						gotTgt = true
					}
				}
			}
		}
		if gotCue {
			c.cue++
		}
		if gotSrc {
			c.src++
		}
		if gotTgt {
			c.tgt++
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	for _, ev := range []string{"DISAPPROVE", "REJECT"} {
		c := per[ev]
		if c == nil {
			t.Fatalf("no %s sentences", ev)
		}
		t.Logf("%s: %d sentences; a claim on the event %d, its source the gold source %d, its target or about the gold target %d",
			ev, c.n, c.cue, c.src, c.tgt)
	}
	// Floors a little under what was measured (see README): a regression
	// in the rules shows here. Most of the other sentences are events
	// that are not speech (jailed, summoned, refused to deploy).
	if c := per["DISAPPROVE"]; c.src < 6 || c.tgt < 6 {
		t.Errorf("DISAPPROVE: source found in %d, target in %d of %d", c.src, c.tgt, c.n)
	}
	if c := per["REJECT"]; c.src < 15 || c.tgt < 14 {
		t.Errorf("REJECT: source found in %d, target in %d of %d", c.src, c.tgt, c.n)
	}
}

// TestCaRBSaid checks on the CaRB said-type sentences that statements with
// a reporting verb come out as claims, not bare facts: every sentence whose
// gold tuples attribute a fact (a reporting-verb relation or a "C:"
// context) should give a claim, with the gold source and content.
func TestCaRBSaid(t *testing.T) {
	path := shared(t, "carb_said/said_type_annotations.tsv")
	for _, cfg := range configs(t) {
		t.Run(cfg.name, func(t *testing.T) { carb(t, path, cfg.model) })
	}
}

func carb(t *testing.T, path string, model *attrib.Model) {
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	type gold struct {
		attributed bool
		sources    []string
		contents   []string
	}
	var order []string
	golds := map[string]*gold{}
	for _, line := range strings.Split(string(b), "\n") {
		fs := strings.Split(strings.TrimPrefix(line, "\ufeff"), "\t")
		if len(fs) < 3 {
			continue
		}
		s := fs[0]
		g := golds[s]
		if g == nil {
			g = &gold{}
			golds[s] = g
			order = append(order, s)
		}
		reporting := false
		for _, w := range strings.Fields(fs[1]) {
			if f, ok := forms[strings.ToLower(w)]; ok && f.v != nil {
				reporting = true
			}
		}
		if reporting && len(fs) >= 4 {
			g.attributed = true
			g.sources = append(g.sources, fs[2])
			g.contents = append(g.contents, fs[3])
		}
		for _, f := range fs[3:] {
			if strings.HasPrefix(f, "C:") {
				g.attributed = true
			}
		}
	}
	var n, withClaim, srcOK, contOK int
	var missed []string
	for _, s := range order {
		g := golds[s]
		if !g.attributed {
			continue
		}
		n++
		in := capitalisedInput(s)
		in.Model = model
		out := Extract(in)
		if len(out.Claims) == 0 {
			missed = append(missed, s)
			continue
		}
		withClaim++
		var okS, okC bool
		for _, c := range out.Claims {
			for _, gs := range g.sources {
				okS = okS || (c.Source.Text != "" && tokenF1(c.Source.Text, gs) > 0)
			}
			for _, gc := range g.contents {
				okC = okC || tokenF1(c.Content.Text, gc) >= 0.5
			}
		}
		if okS {
			srcOK++
		}
		if okC {
			contOK++
		}
	}
	t.Logf("CaRB said-type: %d attributed sentences; with a claim %d, source overlaps gold %d, content token F1 >= 0.5 %d", n, withClaim, srcOK, contOK)
	for _, s := range missed {
		t.Logf("no claim: %s", s)
	}
	if n == 0 {
		t.Fatal("no attributed sentences read")
	}
	if withClaim*100 < n*95 || srcOK*100 < n*85 || contOK*100 < n*85 {
		t.Errorf("of %d attributed sentences: claims %d, sources %d, contents %d; want at least 95%%, 85%%, 85%%", n, withClaim, srcOK, contOK)
	}
}

// tokenF1 is the F1 of the bags of lower-case words of two strings.
func tokenF1(a, b string) float64 {
	ta, tb := strings.Fields(strings.ToLower(a)), strings.Fields(strings.ToLower(b))
	if len(ta) == 0 || len(tb) == 0 {
		return 0
	}
	bag := map[string]int{}
	for _, w := range tb {
		bag[w]++
	}
	common := 0
	for _, w := range ta {
		if bag[w] > 0 {
			bag[w]--
			common++
		}
	}
	if common == 0 {
		return 0
	}
	p, r := float64(common)/float64(len(ta)), float64(common)/float64(len(tb))
	return 2 * p * r / (p + r)
}

package graph

import (
	"context"
	"sort"
	"strings"
	"unicode"

	"github.com/cayleygraph/quad"

	"github.com/dossier-project/dossier/schema"
)

// Cross-document resolution of stock tickers.
//
// Reuters writes a listed company with its ticker in angle brackets after
// its name: "Citicorp <CCI>", "General Motors Corp <GM>", "GM <GM> TO IDLE
// SIX PLANTS". In a story's body the ticker is an entity of its own
// (org/cci), since the name before it is not always the company's own
// (extract/ticker.go); across stories it names one company. Each document
// therefore ties, for every ticker written right after an organisation's
// name, a ticker node (tkr/cci) to that organisation, and the ties are
// resolved when read (foldTickers), so the order documents arrive in does
// not matter:
//
//   - The ticker names the organisation most documents write before it.
//   - The organisation named by the ticker itself is read as that one
//     when at least half of its documents write it as a name before the
//     ticker, as a headline does ("GM <GM> TO IDLE SIX PLANTS"): "EC", the
//     European Community of most stories, is not read as Engelhard Corp
//     because one story writes "Engelhard Corp <EC>". A ticker in a body
//     ("Citicorp <CCI>") stays an entity of its own, as the extractor
//     leaves it: the name before it there is often in an apposition
//     ("Boyd Jefferies, former chairman of Jefferies Group Inc <JEFG>"),
//     and a ticker read as the company linked the company's answers to
//     allegations against the person. An acronym of the gazetteer's
//     public bodies (listedAcronyms: "UN" of Unilever's <UN>) is never
//     tied so.
//   - Another organisation written before the same ticker is read as the
//     same company when its name, less a legal form, is the start of the
//     company's ("MCDONNELL <MD>" of a headline and "McDonnell Douglas
//     Corp <MD>"; never a longer name, which is a subsidiary's: "General
//     Electric Credit Corp <GE>") and every document of it writes the
//     ticker after it.

// tickerPrefix starts the ID of a ticker node: no entity has it.
const tickerPrefix = "tkr/"

// isTickerNode reports whether id is a ticker node's.
func isTickerNode(id string) bool { return strings.HasPrefix(id, tickerPrefix) }

// tickerQuads returns the ties of the tickers a result's text writes right
// after an organisation's name, each ticker once, to the organisation of
// its first such mention.
func tickerQuads(r *schema.Result, label quad.Value) []quad.Quad {
	runes := docRunes(r)
	type hit struct {
		at         int
		ticker, id string
	}
	var hits []hit
	for _, e := range r.Entities {
		if e.Type != schema.Organization {
			continue
		}
		for _, m := range e.Mentions {
			if t, ok := tickerAfter(runes, m.End); ok {
				hits = append(hits, hit{m.End, t, e.ID})
			} else if t, ok := ownTicker(runes, m.Start, m.End); ok && schema.Key(schema.Organization, t) == e.ID {
				hits = append(hits, hit{m.Start, t, e.ID})
			}
		}
	}
	sort.Slice(hits, func(i, j int) bool { return hits[i].at < hits[j].at })
	var out []quad.Quad
	seen := make(map[string]bool)
	for _, h := range hits {
		node := tickerPrefix + schema.Slug(h.ticker)
		if seen[node] {
			continue
		}
		seen[node] = true
		out = append(out, tieQuads(node, h.id, label)...)
	}
	return out
}

// docRunes returns the text of a result's document as code points: its
// Text, or, for a result read back from the store's quads
// (ResultFromQuads), which keep the sentences but not the whole text, the
// sentences at their offsets with spaces between them, so that the
// tickers after a name are found again and a store rebuilt from its quads
// keeps its ticker ties.
func docRunes(r *schema.Result) []rune {
	if r.Document.Text != "" || len(r.Sentences) == 0 {
		return []rune(r.Document.Text)
	}
	n := 0
	for _, s := range r.Sentences {
		n = max(n, s.End)
	}
	out := make([]rune, n)
	for i := range out {
		out[i] = ' '
	}
	for _, s := range r.Sentences {
		if s.Start < 0 || s.Start >= n {
			continue
		}
		copy(out[s.Start:], []rune(s.Text))
	}
	return out
}

// tickerAfter returns the ticker in angle brackets that follows position
// end of runes after at most two spaces or line breaks ("Citicorp <CCI>"):
// two to ten capitals, digits and dots with two letters or more, and not
// a listed public body's acronym.
func tickerAfter(runes []rune, end int) (string, bool) {
	j := end
	for j < len(runes) && j-end < 2 && (runes[j] == ' ' || runes[j] == '\n') {
		j++
	}
	if j >= len(runes) || runes[j] != '<' {
		return "", false
	}
	k, letters := j+1, 0
	for k < len(runes) && k-j <= 10 && (runes[k] >= 'A' && runes[k] <= 'Z' || runes[k] >= '0' && runes[k] <= '9' || runes[k] == '.') {
		if runes[k] >= 'A' && runes[k] <= 'Z' {
			letters++
		}
		k++
	}
	if k >= len(runes) || runes[k] != '>' || letters < 2 {
		return "", false
	}
	t := string(runes[j+1 : k])
	if listedAcronyms[t] {
		return "", false
	}
	return t, true
}

// ownTicker returns the ticker a mention from start to end is, when it is
// one in angle brackets right after the same word ("GM <GM> TO IDLE SIX
// PLANTS", where the name and its ticker are one mention's entity).
func ownTicker(runes []rune, start, end int) (string, bool) {
	if start < 3 || end >= len(runes) || runes[start-1] != '<' || runes[end] != '>' {
		return "", false
	}
	t := string(runes[start:end])
	b := start - 2
	for b >= 0 && start-2-b < 2 && (runes[b] == ' ' || runes[b] == '\n') {
		b--
	}
	w := b + 1
	for w > 0 && !unicode.IsSpace(runes[w-1]) {
		w--
	}
	if b < 0 || w > b || !strings.EqualFold(string(runes[w:b+1]), t) {
		return "", false
	}
	if got, ok := tickerAfter(runes, b+1); !ok || got != t {
		return "", false
	}
	return t, true
}

// tieKey returns the key of an entity ID in a map of ties: its IRI as a
// quad value's string.
func tieKey(id string) string { return quad.IRI(schema.EntityIRI(id)).String() }

// tiedAs returns the entity ID the ties in to read id as, or id when it is
// not tied.
func tiedAs(to map[string]quad.Value, id string) string {
	if t, ok := to[tieKey(id)]; ok {
		if cid, ok := schema.EntityIDOf(iriString(t)); ok {
			return cid
		}
	}
	return id
}

// foldTickers reads the ticker nodes' ties (ticker node -> organisation ->
// documents) into ties of organisations, in to (which holds the other ties
// already, chains resolved).
func (s *Store) foldTickers(ctx context.Context, to map[string]quad.Value, tickers map[string]map[string]int) error {
	if len(tickers) == 0 {
		return nil
	}
	canon := func(id string) string { return tiedAs(to, id) }
	var ids []string
	for node, docs := range tickers {
		ids = append(ids, "org/"+strings.TrimPrefix(node, tickerPrefix))
		for id := range docs {
			ids = append(ids, id, canon(id))
		}
	}
	ids = distinct(ids)
	sort.Strings(ids)
	facts, err := s.factsOf(ctx, ids)
	if err != nil {
		return err
	}
	nodes := make([]string, 0, len(tickers))
	for node := range tickers {
		nodes = append(nodes, node)
	}
	sort.Strings(nodes) // ties made by one ticker are seen by the next
	for _, node := range nodes {
		own := "org/" + strings.TrimPrefix(node, tickerPrefix)
		named := make(map[string]int) // the organisations written before the ticker, but its own
		for id, d := range tickers[node] {
			if id != own && strings.HasPrefix(id, "org/") {
				named[id] = d
			}
		}
		if len(named) == 0 {
			continue
		}
		target := tickerTarget(named, canon, facts)
		if target == "" {
			continue
		}
		// tie reads id as the target when weight, the ticker's documents
		// weighed, is at least id's documents.
		tie := func(id string, weight int) {
			f, ok := facts[id]
			if !ok || id == target || weight < f.docs {
				return
			}
			if _, tied := to[tieKey(id)]; tied {
				return
			}
			to[tieKey(id)] = quad.IRI(schema.EntityIRI(target))
		}
		tie(own, 2*tickers[node][own]) // half its documents write it as a name before itself
		for id, d := range named {
			if c := canon(id); c != target && namePrefix(c, target) {
				// Every document of a name must write the ticker after
				// it: "Morgan" of "MORGAN <JPM>" is also the broker
				// Morgan, Olmstead of another story.
				tie(c, d)
			}
		}
	}
	return nil
}

// tickerTarget returns the organisation a ticker names, of those written
// before it (each read as the entity it is tied to) with their documents:
// the one most documents write, then one that every document of it writes
// before the ticker ("Veldt Group Inc <VLD>" over a "VELDT <VLD>" of a
// headline that another story's "Veldt, Olmar" shares), then one written
// in lower case somewhere
// (a body's "Zorblat Motors Corp" over a headline's "ZORBLAT"), then the
// one of most documents, then the smallest ID; "" when none is stored.
func tickerTarget(named map[string]int, canon func(string) string, facts map[string]orgFacts) string {
	votes := make(map[string]int)
	for id, d := range named {
		if c := canon(id); facts[c].docs > 0 {
			votes[c] += d
		}
	}
	best := ""
	for id, v := range votes {
		if best == "" {
			best = id
			continue
		}
		f, b := facts[id], facts[best]
		switch {
		case v != votes[best]:
			if v > votes[best] {
				best = id
			}
		case (v >= f.docs) != (votes[best] >= b.docs):
			if v >= f.docs {
				best = id
			}
		case f.lower != b.lower:
			if f.lower {
				best = id
			}
		case f.docs != b.docs:
			if f.docs > b.docs {
				best = id
			}
		case id < best:
			best = id
		}
	}
	return best
}

// tickerSets returns, for each organisation written before a ticker, the
// tickers written after it (as slugs: "ge-n" of "GE.N").
func tickerSets(tickers map[string]map[string]int) map[string]map[string]bool {
	out := make(map[string]map[string]bool)
	for node, docs := range tickers {
		t := strings.TrimPrefix(node, tickerPrefix)
		for id := range docs {
			if out[id] == nil {
				out[id] = make(map[string]bool)
			}
			out[id][t] = true
		}
	}
	return out
}

// sameTicker reports whether two tickers (slugs) may be one company's: the
// same, or one a plain ticker and the other an exchange's code ("gs" and
// "gs-n": they are not compared), or one the start of the other once an
// exchange's suffix is dropped (a class of shares, "wan" and "wanb"; a
// code with a letter more, "xyv" and "xyvi-o").
func sameTicker(a, b string) bool {
	if a == b {
		return true
	}
	da, db := strings.IndexByte(a, '-'), strings.IndexByte(b, '-')
	if (da < 0) != (db < 0) {
		return true
	}
	if da > 0 {
		a = a[:da]
	}
	if db > 0 {
		b = b[:db]
	}
	return strings.HasPrefix(a, b) || strings.HasPrefix(b, a)
}

// namePrefix reports whether the organisation ID a, less a legal form, is
// the start of b's, word by word, or b's with its words joined
// ("org/us-west" and "org/u-s-west").
func namePrefix(a, b string) bool {
	strip := func(id string) string {
		if base, _, ok := LegalBase(id); ok {
			id = base
		}
		return strings.TrimPrefix(id, "org/")
	}
	sa, sb := strip(a), strip(b)
	return sa == sb || strings.HasPrefix(sb, sa+"-") ||
		strings.ReplaceAll(sa, "-", "") == strings.ReplaceAll(sb, "-", "")
}

package graph

import (
	"context"
	"sort"
	"strings"

	"github.com/cayleygraph/quad"

	"github.com/dossier-project/dossier/ledger"
	"github.com/dossier-project/dossier/schema"
)

// Cross-document short names.
//
// Within a story the extractor reads a bare word as the organisation whose
// name starts with it ("Ford" after "Ford Motor Co", merge rule
// "short-name"). A story that writes the word alone ("FORD TO RECALL
// CARS", "Ford said") has an organisation of its own (org/ford), which no
// legal form ties to "Ford Motor Co": the base of that name is "Ford
// Motor". Each document therefore ties, for every short name it merged so,
// a short-name node (snm/ford) to the organisation, and the ties are
// resolved when read (foldShort), so the order documents arrive in does
// not matter. The organisation of the word alone is read as the company
// the short name's documents agree on when:
//
//   - at least minShortDocs documents merge the word into it, and at least
//     minShortShare of those that merge the word into any organisation do
//     ("Morgan" of Morgan Stanley in one story and of Morgan Guaranty in
//     another names neither);
//   - the word is no place or people the store knows and no common word
//     (minCapsIDF), as a legal base must not be ("Union" of Union Carbide
//     is also a trade union, "Western" an airline and a bank);
//   - the company is no unit named by a place after the word ("Chrysler"
//     of a story on "Chrysler Canada" is the parent, not the unit);
//   - the word's organisation is not tied already, nor read as the entity
//     of other names (the base "Texaco" of "Texaco Inc" stays itself, and
//     a story's "Texaco Canada" does not take it);
//   - a ticker written after the word alone is one written after the
//     company ("HUTTON <EFH>", E.F. Hutton Group, is not "Hutton LBO Inc");
//   - the word alone is written in a headline's capitals, or in at least
//     minShortDocs documents: a word in lower case in one story is as often
//     the start of a name the recogniser cut short ("MEDIQ Diagnostic" is
//     no "Diagnostic Retrieval Systems Inc": 7 of 13 such on Reuters-21578).
//
// On Reuters-21578 that reads 87 words alone as companies, of which 81 are
// right by their documents ("HARCOURT" as Harcourt Brace Jovanovich Inc,
// "Honda" as Honda Motor Co Ltd); the rest are a word of two companies
// ("Reed" of Baker's Reed Tool read as Reed International Plc, "KAISER",
// "DAIWA HOUSE") or of a company and a place ("Irving", Texas).

// shortPrefix starts the ID of a short-name node: no entity has it.
const shortPrefix = "snm/"

// isShortNode reports whether id is a short-name node's.
func isShortNode(id string) bool { return strings.HasPrefix(id, shortPrefix) }

const (
	// minShortDocs is the fewest documents that must merge a short name
	// into the company it is read as.
	minShortDocs = 2
	// minShortShare is the share of the short name's merging documents
	// that must merge it into that company.
	minShortShare = 0.75
)

// shortQuads returns the ties of the short names a result's organisations
// were merged with to those organisations, each name once.
func shortQuads(r *schema.Result, label quad.Value) []quad.Quad {
	var out []quad.Quad
	seen := make(map[string]bool)
	for _, e := range r.Entities {
		if e.Type != schema.Organization {
			continue
		}
		for _, m := range e.Merges {
			if m.Rule != "short-name" {
				continue
			}
			w := schema.Slug(m.Alias)
			if w == "" || strings.Contains(w, "-") || "org/"+w == e.ID {
				continue
			}
			node := shortPrefix + w
			if seen[node] {
				continue
			}
			seen[node] = true
			out = append(out, tieQuads(node, e.ID, label)...)
		}
	}
	return out
}

// foldShort reads the short-name nodes' ties (short-name node ->
// organisation -> documents) into ties of the organisations the words
// alone name, in to (which holds the other ties already, chains resolved).
func (s *Store) foldShort(ctx context.Context, to map[string]quad.Value, shorts map[string]map[string]int,
	tickers map[string]map[string]bool) error {
	if len(shorts) == 0 {
		return nil
	}
	canon := func(id string) string { return tiedAs(to, id) }
	targets := make(map[string]bool, len(to)) // the entities others are read as
	for _, t := range to {
		targets[t.String()] = true
	}
	var ids []string
	for node, docs := range shorts {
		w := strings.TrimPrefix(node, shortPrefix)
		ids = append(ids, "org/"+w, "loc/"+w, "nat/"+w)
		for id := range docs {
			c := canon(id)
			ids = append(ids, id, c)
			if next := wordAfter(c, w); next != "" {
				ids = append(ids, "loc/"+next, "nat/"+next)
			}
		}
	}
	ids = distinct(ids)
	sort.Strings(ids)
	facts, err := s.factsOf(ctx, ids)
	if err != nil {
		return err
	}
	canonTickers := make(map[string]map[string]bool) // the tickers written after each entity's names
	for id, ts := range tickers {
		c := canon(id)
		if canonTickers[c] == nil {
			canonTickers[c] = make(map[string]bool)
		}
		for t := range ts {
			canonTickers[c][t] = true
		}
	}
	nodes := make([]string, 0, len(shorts))
	for node := range shorts {
		nodes = append(nodes, node)
	}
	sort.Strings(nodes)
	for _, node := range nodes {
		w := strings.TrimPrefix(node, shortPrefix)
		own := "org/" + w
		if _, ok := facts[own]; !ok {
			continue // no story writes the word alone
		}
		if _, tied := to[tieKey(own)]; tied || targets[tieKey(own)] {
			continue
		}
		if f := facts[own]; f.lower && f.docs < minShortDocs {
			// A word in lower case of one story is as often the
			// start of another name the recogniser cut ("MEDIQ
			// Diagnostic", "its Paramount Wedding Ring division")
			// as the company.
			continue
		}
		if !shortReadable(w, facts) {
			continue
		}
		target := shortTarget(shorts[node], canon, facts)
		if target == "" || target == own {
			continue
		}
		if next := wordAfter(target, w); next != "" {
			if placeOrPeople(next, facts) {
				continue
			}
		}
		if tw := tickers[own]; len(tw) > 0 && !shareTicker(tw, canonTickers[target]) {
			continue
		}
		to[tieKey(own)] = quad.IRI(schema.EntityIRI(target))
	}
	return nil
}

// shortTarget returns the organisation the documents that merge a short
// name agree on (each read as the entity it is tied to), or "" when too few
// of them do.
func shortTarget(docs map[string]int, canon func(string) string, facts map[string]orgFacts) string {
	votes := make(map[string]int)
	total := 0
	for id, d := range docs {
		c := canon(id)
		if facts[c].docs == 0 {
			continue
		}
		votes[c] += d
		total += d
	}
	best, n, tie := "", 0, false
	for id, v := range votes {
		switch {
		case v > n:
			best, n, tie = id, v, false
		case v == n:
			tie = true
		}
	}
	if tie || n < minShortDocs || float64(n) < minShortShare*float64(total) {
		return ""
	}
	return best
}

// shortReadable reports whether a one-word short name may be read as a
// company across documents: no place or people the store knows, and no
// common word.
func shortReadable(word string, facts map[string]orgFacts) bool {
	return !placeOrPeople(word, facts) && ledger.IDF(ledger.Stem(word)) >= minCapsIDF
}

// wordAfter returns the slug word that follows word at the start of an
// organisation ID ("canada" of "org/chrysler-canada-ltd" after
// "chrysler"), or "".
func wordAfter(id, word string) string {
	rest, ok := strings.CutPrefix(strings.TrimPrefix(id, "org/"), word+"-")
	if !ok {
		return ""
	}
	next, _, _ := strings.Cut(rest, "-")
	return next
}

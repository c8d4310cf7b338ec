package extract

import (
	"fmt"
	"sort"
	"strings"

	"github.com/dossier-project/dossier/schema"
)

// Bounds on what one document may store.
//
// Every mention, entity, claim and relation becomes quads and read-index
// entries, and a store's write of one document is one growing transaction:
// a hostile document (a 10 MB "sentence" of "Mr1 Corp said Mr2 Corp said
// ...") made hundreds of thousands of each, a store of gigabytes and a
// write of minutes. So a document keeps at most these many of each, the
// first in text order (the result is deterministic), with a warning that
// names what was dropped; the search for claims stops where the last one
// kept is found.
//
// Real news is far below them. The largest counts of one document over
// all 19,043 Reuters-21578 stories are 99 mentions, 56 entities, 42 claims,
// 9 relations and 1,518 quads (reuters21578/7135, 9279, 7200, 16617 and
// 11224); the example article has 42, 15, 22, 4 and 848. The bounds
// are 18 to 55 times those maxima (bench/docmax measures them). With them
// a document stores at most about 130,000 quads (TestBoundHostile).
const (
	MaxDocMentions  = 5000
	MaxDocEntities  = 1000
	MaxDocClaims    = 1000
	MaxDocRelations = 500
)

// bounded collects what the bounds dropped from one document, for its
// warning.
type bounded struct {
	found, mentions, entities [2]int // kept, of how many
	claims                    int    // kept, when the search stopped there
	claimsTo                  int    // the character the search for claims stopped at
	relations                 [2]int
	had                       []bool // by entity: whether it had mentions before the bound
}

// boundFound keeps the first MaxDocMentions names found, in text order,
// before they are resolved into entities.
func (b *bounded) boundFound(found []Found) []Found {
	if len(found) <= MaxDocMentions {
		return found
	}
	sort.SliceStable(found, func(i, j int) bool { return found[i].Start < found[j].Start })
	b.found = [2]int{MaxDocMentions, len(found)}
	return found[:MaxDocMentions]
}

// boundEntities keeps the first MaxDocMentions mentions in text order, and
// of the entities that keep one, the first MaxDocEntities by their first
// mention. ents keep their order.
func (b *bounded) boundEntities(ents []schema.Entity) []schema.Entity {
	type at struct{ start, e, m int }
	total := 0
	b.had = make([]bool, len(ents))
	for ei, e := range ents {
		total += len(e.Mentions)
		b.had[ei] = len(e.Mentions) > 0
	}
	if total > MaxDocMentions {
		all := make([]at, 0, total)
		for ei, e := range ents {
			for mi, m := range e.Mentions {
				all = append(all, at{m.Start, ei, mi})
			}
		}
		sort.Slice(all, func(i, j int) bool {
			if all[i].start != all[j].start {
				return all[i].start < all[j].start
			}
			if all[i].e != all[j].e {
				return all[i].e < all[j].e
			}
			return all[i].m < all[j].m
		})
		keep := make([][]bool, len(ents))
		for ei, e := range ents {
			keep[ei] = make([]bool, len(e.Mentions))
		}
		for _, a := range all[:MaxDocMentions] {
			keep[a.e][a.m] = true
		}
		for ei := range ents {
			ms := ents[ei].Mentions[:0:0]
			for mi, m := range ents[ei].Mentions {
				if keep[ei][mi] {
					ms = append(ms, m)
				}
			}
			ents[ei].Mentions = ms
		}
		b.mentions = [2]int{MaxDocMentions, total}
	}
	// An entity the mention bound left without mentions goes; one that
	// had none (a place a relation names) stays.
	first := make([]int, 0, len(ents))
	for ei, e := range ents {
		if len(e.Mentions) > 0 || !b.had[ei] {
			first = append(first, ei)
		}
	}
	if len(first) > MaxDocEntities {
		start := func(ei int) int {
			s := int(^uint(0) >> 1) // no mention: after those with one
			for _, m := range ents[ei].Mentions {
				s = min(s, m.Start)
			}
			return s
		}
		sort.SliceStable(first, func(i, j int) bool { return start(first[i]) < start(first[j]) })
		b.entities = [2]int{MaxDocEntities, len(first)}
		first = first[:MaxDocEntities]
		sort.Ints(first)
	}
	if len(first) == len(ents) {
		return ents
	}
	out := make([]schema.Entity, 0, len(first))
	for _, ei := range first {
		out = append(out, ents[ei])
	}
	return out
}

// boundClaims keeps the first MaxDocClaims claims (they are in text
// order) and drops answers to the others; the search for claims stopped
// at the sentence of the last one kept.
func (b *bounded) boundClaims(cs []schema.Claim) []schema.Claim {
	if len(cs) < MaxDocClaims {
		return cs
	}
	cs = cs[:MaxDocClaims]
	b.claims, b.claimsTo = MaxDocClaims, cs[len(cs)-1].Evidence.End
	kept := make(map[string]bool, len(cs))
	for _, c := range cs {
		kept[c.ID] = true
	}
	for i := range cs {
		r := cs[i].RespondsTo[:0:0]
		for _, id := range cs[i].RespondsTo {
			if kept[id] {
				r = append(r, id)
			}
		}
		if len(r) < len(cs[i].RespondsTo) {
			cs[i].RespondsTo = r
		}
		l := cs[i].Links[:0:0]
		for _, k := range cs[i].Links {
			if kept[k.To] {
				l = append(l, k)
			}
		}
		if len(l) < len(cs[i].Links) {
			cs[i].Links = l
		}
	}
	return cs
}

// boundRelations keeps the first MaxDocRelations relations, in text order.
func (b *bounded) boundRelations(rs []schema.Relation) []schema.Relation {
	if len(rs) <= MaxDocRelations {
		return rs
	}
	b.relations = [2]int{MaxDocRelations, len(rs)}
	return rs[:MaxDocRelations]
}

// warning says what the bounds dropped, or "" when nothing.
func (b *bounded) warning() string {
	var parts []string
	of := func(what string, n [2]int) {
		if n[1] > 0 {
			parts = append(parts, fmt.Sprintf("the first %d of %d %s", n[0], n[1], what))
		}
	}
	of("names found", b.found)
	of("mentions", b.mentions)
	of("entities", b.entities)
	if b.claims > 0 {
		parts = append(parts, fmt.Sprintf("the first %d claims (none looked for after character %d)", b.claims, b.claimsTo))
	}
	of("relations", b.relations)
	if len(parts) == 0 {
		return ""
	}
	return "over the bounds of one document: kept " + strings.Join(parts, ", ") +
		"; the rest is not stored (split the document to keep it)"
}

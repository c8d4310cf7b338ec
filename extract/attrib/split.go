package attrib

import (
	"cmp"
	"hash/fnv"
	"math"
	"slices"
)

// DevShare is the share of each publisher's documents that DevSplit puts in
// the development split.
const DevShare = 0.15

// DevSplit divides documents into a training and a development split,
// deterministically: within each publisher (documents without one form a
// group of their own), documents are ordered by the FNV-1a hash of their
// doc_id and the first DevShare of them (rounded) are development
// documents. Both splits keep the input order. Several versions of one
// doc_id (several annotators) stay together.
func DevSplit(docs []Document) (train, dev []Document) {
	type key struct {
		h  uint64
		id string
	}
	groups := map[string][]key{}
	seen := map[string]bool{}
	for _, d := range docs {
		if seen[d.DocID] {
			continue
		}
		seen[d.DocID] = true
		h := fnv.New64a()
		h.Write([]byte(d.DocID))
		groups[d.Publisher] = append(groups[d.Publisher], key{h.Sum64(), d.DocID})
	}
	isDev := map[string]bool{}
	for _, g := range groups {
		slices.SortFunc(g, func(a, b key) int {
			if c := cmp.Compare(a.h, b.h); c != 0 {
				return c
			}
			return cmp.Compare(a.id, b.id)
		})
		n := int(math.Round(DevShare * float64(len(g))))
		for _, k := range g[:n] {
			isDev[k.id] = true
		}
	}
	for _, d := range docs {
		if isDev[d.DocID] {
			dev = append(dev, d)
		} else {
			train = append(train, d)
		}
	}
	return train, dev
}

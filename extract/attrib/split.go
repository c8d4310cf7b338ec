package attrib

import (
	"cmp"
	"fmt"
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
	isDev := map[string]bool{}
	for _, g := range publisherOrder(docs) {
		n := int(math.Round(DevShare * float64(len(g))))
		for _, id := range g[:n] {
			isDev[id] = true
		}
	}
	train, dev = partition(docs, isDev)
	return train, dev
}

// partition returns the documents whose doc_id in does not hold and those
// it does, both in input order.
func partition(docs []Document, in map[string]bool) (out, inside []Document) {
	for _, d := range docs {
		if in[d.DocID] {
			inside = append(inside, d)
		} else {
			out = append(out, d)
		}
	}
	return out, inside
}

// Fold divides documents for k-fold cross-validation: within each
// publisher, documents ordered as DevSplit orders them, the one at rank r
// is in fold r mod k. It returns the documents outside fold i (0 <= i < k)
// and those in it, both in input order. Several versions of one doc_id stay
// together.
func Fold(docs []Document, i, k int) (rest, fold []Document, err error) {
	if k < 2 || i < 0 || i >= k {
		return nil, nil, fmt.Errorf("fold %d of %d: want 0 <= fold < k and k >= 2", i, k)
	}
	in := map[string]bool{}
	for _, g := range publisherOrder(docs) {
		for r, id := range g {
			if r%k == i {
				in[id] = true
			}
		}
	}
	rest, fold = partition(docs, in)
	return rest, fold, nil
}

// publisherOrder returns the distinct doc_ids of each publisher (documents
// without one form a group of their own) ordered by the FNV-1a hash of the
// doc_id.
func publisherOrder(docs []Document) map[string][]string {
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
	out := make(map[string][]string, len(groups))
	for p, g := range groups {
		slices.SortFunc(g, func(a, b key) int {
			if c := cmp.Compare(a.h, b.h); c != 0 {
				return c
			}
			return cmp.Compare(a.id, b.id)
		})
		ids := make([]string, len(g))
		for j, k := range g {
			ids[j] = k.id
		}
		out[p] = ids
	}
	return out
}

package attrib

import (
	"cmp"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
)

// Roles are the three parts of an attribution, in the order scores list
// them.
var Roles = []string{"source", "cue", "content"}

// PRF is a precision, recall and F1.
type PRF struct {
	P, R, F1 float64
}

func prf(tp, npred, ngold int) PRF {
	var p, r, f float64
	if npred > 0 {
		p = float64(tp) / float64(npred)
	}
	if ngold > 0 {
		r = float64(tp) / float64(ngold)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return PRF{p, r, f}
}

// Scores are the figures of score_attributions.py, micro-averaged over
// documents.
type Scores struct {
	Gold, Pred int // attributions
	// Cue: attributions matched one to one by overlapping cues (by
	// overlapping content when one side has no cue).
	Cue PRF
	// Relaxed: a cue-matched pair whose sources overlap (or both have
	// none) and whose contents reach a character F1 (Dice) of 0.5.
	Relaxed PRF
	// Exact: a cue-matched pair with identical fragments in all roles.
	Exact PRF
	// Token holds, per role ("source", "cue", "content"), the characters
	// shared by the union of predicted and of gold spans, over the
	// predicted and the gold characters.
	Token map[string]PRF
	// Matched is the number of cue-matched pairs; SourceOK and ContentOK
	// count those whose source, and whose content, passed: the two halves
	// of Relaxed, to see which one fails.
	Matched, SourceOK, ContentOK int
}

// Scorer accumulates Scores document by document.
type Scorer struct {
	gold, pred int
	tp         [3]int    // cue, relaxed, exact
	tok        [3][3]int // role -> overlap, pred, gold characters
	srcOK      int
	contOK     int
}

// ivals is a set of code points as sorted, disjoint, non-adjacent ranges.
type ivals [][2]int

func toIvals(fs Fragments) ivals {
	if len(fs) == 0 {
		return nil
	}
	s := make(ivals, 0, len(fs))
	for _, f := range fs {
		if f[1] > f[0] {
			s = append(s, f)
		}
	}
	return normalize(s)
}

func normalize(s ivals) ivals {
	slices.SortFunc(s, func(a, b [2]int) int { return cmp.Compare(a[0], b[0]) })
	out := s[:0]
	for _, v := range s {
		if n := len(out); n > 0 && v[0] <= out[n-1][1] {
			out[n-1][1] = max(out[n-1][1], v[1])
			continue
		}
		out = append(out, v)
	}
	return out
}

func (s ivals) size() int {
	n := 0
	for _, v := range s {
		n += v[1] - v[0]
	}
	return n
}

// inter returns the number of code points in both sets.
func inter(a, b ivals) int {
	n, i, j := 0, 0, 0
	for i < len(a) && j < len(b) {
		lo, hi := max(a[i][0], b[j][0]), min(a[i][1], b[j][1])
		if hi > lo {
			n += hi - lo
		}
		if a[i][1] < b[j][1] {
			i++
		} else {
			j++
		}
	}
	return n
}

func union(sets []ivals) ivals {
	var all ivals
	for _, s := range sets {
		all = append(all, s...)
	}
	return normalize(all)
}

type roleSets [3]ivals

func sets(as []Attribution) []roleSets {
	out := make([]roleSets, len(as))
	for i, a := range as {
		out[i] = roleSets{toIvals(a.SourceFragments), toIvals(a.CueFragments), toIvals(a.ContentFragments)}
	}
	return out
}

func fragsOf(a Attribution, role int) Fragments {
	switch role {
	case 0:
		return a.SourceFragments
	case 1:
		return a.CueFragments
	}
	return a.ContentFragments
}

// sameFragments compares fragment lists as sorted lists (duplicates kept),
// as the Python scorer does.
func sameFragments(a, b Fragments) bool {
	if len(a) != len(b) {
		return false
	}
	x, y := slices.Clone(a), slices.Clone(b)
	less := func(p, q [2]int) int {
		if c := cmp.Compare(p[0], q[0]); c != 0 {
			return c
		}
		return cmp.Compare(p[1], q[1])
	}
	slices.SortFunc(x, less)
	slices.SortFunc(y, less)
	return slices.Equal(x, y)
}

// Add scores the predicted attributions of one document against its gold
// attributions.
func (s *Scorer) Add(gold, pred []Attribution) {
	s.gold += len(gold)
	s.pred += len(pred)
	gs, ps := sets(gold), sets(pred)
	for r := 0; r < 3; r++ {
		var gu, pu []ivals
		for _, g := range gs {
			gu = append(gu, g[r])
		}
		for _, p := range ps {
			pu = append(pu, p[r])
		}
		g, p := union(gu), union(pu)
		s.tok[r][0] += inter(g, p)
		s.tok[r][1] += p.size()
		s.tok[r][2] += g.size()
	}
	// Greedy one-to-one matching by cue overlap, then content overlap;
	// ties go to the later gold, then the later predicted attribution (the
	// Python scorer sorts the tuples (overlaps, i, j) in reverse).
	type cand struct{ ov, cov, i, j int }
	var cands []cand
	for i, g := range gs {
		for j, p := range ps {
			ov := inter(g[1], p[1])
			cov := inter(g[2], p[2])
			if ov > 0 || ((len(g[1]) == 0 || len(p[1]) == 0) && cov > 0) {
				cands = append(cands, cand{ov, cov, i, j})
			}
		}
	}
	slices.SortFunc(cands, func(a, b cand) int {
		for _, c := range [...]int{cmp.Compare(b.ov, a.ov), cmp.Compare(b.cov, a.cov), cmp.Compare(b.i, a.i), cmp.Compare(b.j, a.j)} {
			if c != 0 {
				return c
			}
		}
		return 0
	})
	usedG, usedP := make([]bool, len(gs)), make([]bool, len(ps))
	for _, c := range cands {
		if usedG[c.i] || usedP[c.j] {
			continue
		}
		usedG[c.i], usedP[c.j] = true, true
		g, p := gs[c.i], ps[c.j]
		s.tp[0]++
		srcOK := (len(g[0]) == 0 && len(p[0]) == 0) || inter(g[0], p[0]) > 0
		cf := 1.0
		if gn, pn := g[2].size(), p[2].size(); gn+pn > 0 {
			cf = 2 * float64(inter(g[2], p[2])) / float64(gn+pn)
		}
		if srcOK {
			s.srcOK++
		}
		if cf >= 0.5 {
			s.contOK++
		}
		if srcOK && cf >= 0.5 {
			s.tp[1]++
		}
		exact := true
		for r := 0; r < 3; r++ {
			if !sameFragments(fragsOf(gold[c.i], r), fragsOf(pred[c.j], r)) {
				exact = false
			}
		}
		if exact {
			s.tp[2]++
		}
	}
}

// Scores returns the figures so far.
func (s *Scorer) Scores() Scores {
	out := Scores{Gold: s.gold, Pred: s.pred, Token: map[string]PRF{},
		Cue:     prf(s.tp[0], s.pred, s.gold),
		Relaxed: prf(s.tp[1], s.pred, s.gold),
		Exact:   prf(s.tp[2], s.pred, s.gold),
		Matched: s.tp[0], SourceOK: s.srcOK, ContentOK: s.contOK}
	for r, name := range Roles {
		out.Token[name] = prf(s.tok[r][0], s.tok[r][1], s.tok[r][2])
	}
	return out
}

// Score scores predicted documents against gold documents, matched by
// doc_id, as score_attributions.py GOLD PRED does: each gold document's
// first version against the first predicted version of the same doc_id (no
// attributions when there is none); predicted documents without gold are
// ignored.
func Score(gold, pred []Document) Scores {
	first := map[string]*Document{}
	for i := range pred {
		if first[pred[i].DocID] == nil {
			first[pred[i].DocID] = &pred[i]
		}
	}
	var s Scorer
	done := map[string]bool{}
	for _, g := range gold {
		if done[g.DocID] {
			continue
		}
		done[g.DocID] = true
		var p []Attribution
		if d := first[g.DocID]; d != nil {
			p = d.Attributions
		}
		s.Add(g.Attributions, p)
	}
	return s.Scores()
}

// round4 rounds to 4 decimals as Python's round does: from the exact binary
// value, half to even.
func round4(x float64) float64 {
	r, _ := strconv.ParseFloat(strconv.FormatFloat(x, 'f', 4, 64), 64)
	return r
}

// MarshalJSON writes the scores in the shape score_attributions.py prints:
// gold, pred, cue_detect, relaxed, exact and token_ROLE, each {P, R, F1}
// rounded to 4 decimals, plus matched, source_ok and content_ok.
func (s Scores) MarshalJSON() ([]byte, error) {
	p := func(x PRF) string {
		return fmt.Sprintf(`{"P": %s, "R": %s, "F1": %s}`, num(x.P), num(x.R), num(x.F1))
	}
	b := fmt.Sprintf(`{"gold": %d, "pred": %d, "cue_detect": %s, "relaxed": %s, "exact": %s`, s.Gold, s.Pred, p(s.Cue), p(s.Relaxed), p(s.Exact))
	for _, r := range Roles {
		b += fmt.Sprintf(`, "token_%s": %s`, r, p(s.Token[r]))
	}
	b += fmt.Sprintf(`, "matched": %d, "source_ok": %d, "content_ok": %d}`, s.Matched, s.SourceOK, s.ContentOK)
	return []byte(b), nil
}

// num formats a rounded figure as Python prints a float.
func num(x float64) string {
	r := round4(x)
	if r == math.Trunc(r) {
		return fmt.Sprintf("%.1f", r)
	}
	return strconv.FormatFloat(r, 'f', -1, 64)
}

// WriteTable writes the scores as a table.
func (s Scores) WriteTable(w io.Writer) error {
	_, err := fmt.Fprintf(w, "gold %d, predicted %d attributions\n", s.Gold, s.Pred)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "%-16s %7s %7s %7s\n", "", "P", "R", "F1")
	row := func(name string, p PRF) {
		fmt.Fprintf(w, "%-16s %7.4f %7.4f %7.4f\n", name, p.P, p.R, p.F1)
	}
	row("cue", s.Cue)
	row("relaxed", s.Relaxed)
	row("exact", s.Exact)
	for _, r := range Roles {
		row("chars "+r, s.Token[r])
	}
	if m := s.Matched; m > 0 {
		_, err = fmt.Fprintf(w, "of %d cue matches: source overlaps in %d (%.3f), content reaches Dice 0.5 in %d (%.3f)\n",
			m, s.SourceOK, float64(s.SourceOK)/float64(m), s.ContentOK, float64(s.ContentOK)/float64(m))
	}
	return err
}

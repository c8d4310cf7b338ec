package attrib

import "github.com/dossier-project/dossier/schema"

// FromClaims turns dossier's claims into attributions of the JSON Lines
// format: cue, source and content spans as fragments (a claim whose source
// is carried over from context has none; a zero span is no fragment). Like
// the PolNeAR guidelines, which annotate only the outermost of nested
// attributions, it leaves out a claim whose cue lies inside the content of
// another claim of the same document ("X said Y denied Z" is one
// attribution to X), and a claim that is one sentence of another's
// quotation under the same cue (a denial in the second sentence of `X
// said: "A. We deny it."`, extract/claims: one attribution to X).
func FromClaims(claims []schema.Claim) []Attribution {
	out := make([]Attribution, 0, len(claims))
	frags := make([]Fragments, len(claims))
	for i, c := range claims {
		frags[i] = contentFragments(c)
	}
	for i, c := range claims {
		nested := false
		for j, o := range claims {
			if j != i && within(c.Cue, frags[j]) && !within(o.Cue, frags[i]) || j != i && sameQuotation(c, o, frags[j]) {
				nested = true
				break
			}
		}
		if nested {
			continue
		}
		a := Attribution{ID: c.ID, Stance: string(c.Stance)}
		a.CueText, a.CueFragments = fragment(c.Cue)
		a.SourceText, a.SourceFragments = fragment(c.Source)
		a.ContentText, a.ContentFragments = fragment(c.Content)
		if len(frags[i]) > 1 {
			a.ContentFragments = frags[i]
		}
		out = append(out, a)
	}
	return out
}

// sameQuotation reports whether claim c is a part of claim o's content
// under o's own cue: a sentence of the quotation o attributes.
func sameQuotation(c, o schema.Claim, oFrags Fragments) bool {
	return !c.Cue.IsZero() && c.Cue.Start == o.Cue.Start && c.Cue.End == o.Cue.End &&
		within(c.Content, oFrags) && c.Content.End-c.Content.Start < o.Content.End-o.Content.Start
}

func fragment(s schema.Span) (string, Fragments) {
	if s.IsZero() || s.End <= s.Start {
		return "", nil
	}
	return s.Text, Fragments{{s.Start, s.End}}
}

// within reports whether span s lies inside one of the fragments.
func within(s schema.Span, fs Fragments) bool {
	for _, f := range fs {
		if f[0] <= s.Start && s.End <= f[1] {
			return true
		}
	}
	return false
}

// contentFragments returns the content of a claim as fragments: one, the
// content span, unless that span holds the claim's own cue (a quotation
// split by its cue, `“A,” she said, “B.”`, or continued in the next
// sentence): then the part before the cue and its source and the part
// from the first quotation mark that opens after them (else from the
// first word after them), as the corpus's guidelines fragment such a
// content. Another claim whose cue stands between the two parts ("“A,”
// he said, referring to X. “B.”") is then not nested in this one.
func contentFragments(c schema.Claim) Fragments {
	con := c.Content
	if con.IsZero() || con.End <= con.Start {
		return nil
	}
	whole := Fragments{{con.Start, con.End}}
	r := []rune(con.Text)
	if c.Cue.IsZero() || !con.Contains(c.Cue) || len(r) != con.End-con.Start {
		return whole
	}
	gapA, gapB := c.Cue.Start, c.Cue.End
	if s := c.Source; !s.IsZero() && con.Contains(s) && s.End >= gapA-2 && s.Start <= gapB+2 || !s.IsZero() && con.Contains(s) && onlyBetween(r, con.Start, s, c.Cue) {
		gapA, gapB = min(gapA, s.Start), max(gapB, s.End)
	}
	le := gapA - con.Start
	for le > 0 && isSpace(r[le-1]) {
		le--
	}
	rs := gapB - con.Start
	q := -1
	for k := rs; k < len(r); k++ {
		if opening(r, k) {
			q = k
			break
		}
	}
	if q >= 0 {
		rs = q
	} else {
		for rs < len(r) && (isSpace(r[rs]) || r[rs] == ',') {
			rs++
		}
	}
	var out Fragments
	if le > 0 {
		out = append(out, [2]int{con.Start, con.Start + le})
	}
	if rs < len(r) {
		out = append(out, [2]int{con.Start + rs, con.End})
	}
	if len(out) == 0 {
		return whole
	}
	return out
}

// onlyBetween reports whether only spaces and commas stand between the
// spans a and b (in either order) of the text r that starts at off.
func onlyBetween(r []rune, off int, a, b schema.Span) bool {
	if a.Start > b.Start {
		a, b = b, a
	}
	for k := a.End; k < b.Start; k++ {
		if k-off < 0 || k-off >= len(r) || !isSpace(r[k-off]) && r[k-off] != ',' {
			return false
		}
	}
	return true
}

// opening reports whether r[k] opens a quotation: a typographic opening
// mark, or a straight one before a letter.
func opening(r []rune, k int) bool {
	switch r[k] {
	case '“', '«', '‘':
		return true
	case '"':
		return k+1 < len(r) && !isSpace(r[k+1])
	}
	return false
}

func isSpace(c rune) bool { return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\u00a0' }

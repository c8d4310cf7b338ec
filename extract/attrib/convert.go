package attrib

import "github.com/dossier-project/dossier/schema"

// FromClaims turns dossier's claims into attributions of the JSON Lines
// format: cue, source and content spans as fragments (a claim whose source
// is carried over from context has none; a zero span is no fragment). Like
// the PolNeAR guidelines, which annotate only the outermost of nested
// attributions, it leaves out a claim whose cue lies inside the content of
// another claim of the same document ("X said Y denied Z" is one
// attribution to X).
func FromClaims(claims []schema.Claim) []Attribution {
	out := make([]Attribution, 0, len(claims))
	for i, c := range claims {
		nested := false
		for j, o := range claims {
			if j != i && !o.Content.IsZero() && o.Content.Contains(c.Cue) && !c.Content.Contains(o.Cue) {
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
		out = append(out, a)
	}
	return out
}

func fragment(s schema.Span) (string, Fragments) {
	if s.IsZero() || s.End <= s.Start {
		return "", nil
	}
	return s.Text, Fragments{{s.Start, s.End}}
}

package claims

import "testing"

// TestGoldArticleWithoutKinds runs the article with entities that carry no
// organisation kind, as a recogniser that cannot tell kinds would give:
// descriptions and channels fall back to any organisation.
func TestGoldArticleWithoutKinds(t *testing.T) {
	in, g := articleInput(t)
	for i := range in.Entities {
		in.Entities[i].Kind = ""
	}
	out := Extract(in)
	checkOutput(t, in, out)
	s := scoreGold(in, g, out)
	for _, m := range s.misses {
		t.Log(m)
	}
	t.Logf("without kinds: claims %d/%d, channels %d/%d, relations %d/%d, links %d/%d",
		s.right, s.total, s.channels, s.chanWant, s.rels, s.relsWant, s.links, s.linksWant)
	if s.right < 17 || s.channels != s.chanWant || s.rels != s.relsWant || s.links != s.linksWant {
		t.Errorf("without kinds the gold targets are missed")
	}
}

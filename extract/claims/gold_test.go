package claims

import (
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/dossier-project/dossier/schema"
)

// goldScore is how Extract does on the gold annotation of the article.
type goldScore struct {
	right, total       int // claims with the right claimant and stance
	channels, chanWant int
	rels, relsWant     int
	links, linksWant   int
	// about: gold about entities found, wanted, and about entities given
	// for the matched claims (a figure to report, not a target).
	aboutHit, aboutWant, aboutGot int
	misses                        []string
}

// matchGold finds the predicted claim for a gold claim: same sentence (the
// evidence starts with sentence_starts) and a cue that contains the gold
// cue's last word.
func matchGold(out Output, starts, cue string) *schema.Claim {
	words := strings.Fields(cue)
	last := words[len(words)-1]
	for i := range out.Claims {
		c := &out.Claims[i]
		if strings.HasPrefix(c.Evidence.Text, starts) && strings.Contains(c.Cue.Text, last) {
			return c
		}
	}
	return nil
}

func scoreGold(in Input, g goldFile, out Output) goldScore {
	name := map[string]string{}
	for _, e := range in.Entities {
		name[e.ID] = e.Name
	}
	var s goldScore
	s.total = len(g.Claims)
	for _, gc := range g.Claims {
		c := matchGold(out, gc.SentenceStarts, gc.Cue)
		if gc.Channel != "" {
			s.chanWant++
		}
		if c == nil {
			s.misses = append(s.misses, "no claim for "+gc.Cue+" in "+gc.SentenceStarts)
			continue
		}
		want := ""
		if gc.Claimant != nil {
			want = *gc.Claimant
		}
		got := name[string(c.Claimant)]
		okStance := string(c.Stance) == gc.Stance || slices.Contains(gc.StanceAlt, string(c.Stance))
		if got == want && okStance {
			s.right++
		} else {
			s.misses = append(s.misses, "claim "+gc.Cue+" in "+gc.SentenceStarts+": claimant "+got+" stance "+string(c.Stance)+"; want "+want+" "+gc.Stance)
		}
		gotAbout := map[string]bool{}
		for _, id := range c.About {
			gotAbout[name[id]] = true
		}
		for _, a := range gc.About {
			s.aboutWant++
			if gotAbout[a] {
				s.aboutHit++
			}
		}
		s.aboutGot += len(c.About)
		if gc.Channel != "" {
			if name[string(c.Channel)] == gc.Channel {
				s.channels++
			} else {
				s.misses = append(s.misses, "channel of "+gc.Cue+" in "+gc.SentenceStarts+": "+name[string(c.Channel)])
			}
		}
	}
	s.relsWant = len(g.Relations)
	for _, gr := range g.Relations {
		found := false
		for _, r := range out.Relations {
			if name[r.Subject] == gr.Subject && r.Predicate == gr.Predicate && name[r.Object] == gr.Object {
				found = true
			}
		}
		if found {
			s.rels++
		} else {
			s.misses = append(s.misses, "relation "+gr.Subject+" "+gr.Predicate+" "+gr.Object)
		}
	}
	s.linksWant = len(g.Links)
	for _, gl := range g.Links {
		var from, to *schema.Claim
		for i := range out.Claims {
			c := &out.Claims[i]
			if strings.Contains(c.Evidence.Text, gl.Claim) && (c.Stance == schema.Deny || len(c.RespondsTo) > 0) && from == nil {
				from = c
			}
			if strings.Contains(c.Evidence.Text, gl.Answers) && c.Stance == schema.Allege && to == nil {
				to = c
			}
		}
		if from != nil && to != nil && slices.Contains(from.RespondsTo, to.ID) {
			s.links++
		} else {
			s.misses = append(s.misses, "link "+gl.Claim+" -> "+gl.Answers)
		}
	}
	return s
}

func TestGoldArticle(t *testing.T) {
	in, g := articleInput(t)
	out := Extract(in)
	checkOutput(t, in, out)
	s := scoreGold(in, g, out)
	for _, m := range s.misses {
		t.Log(m)
	}
	t.Logf("claims %d/%d, channels %d/%d, relations %d/%d, links %d/%d; %d claims extracted; about: %d of %d gold found, %d given",
		s.right, s.total, s.channels, s.chanWant, s.rels, s.relsWant, s.links, s.linksWant, len(out.Claims), s.aboutHit, s.aboutWant, s.aboutGot)
	if s.right < 17 {
		t.Errorf("right claimant and stance for %d of %d gold claims, want at least 17", s.right, s.total)
	}
	if s.channels != s.chanWant {
		t.Errorf("channels %d of %d", s.channels, s.chanWant)
	}
	if s.rels != s.relsWant {
		t.Errorf("relations %d of %d", s.rels, s.relsWant)
	}
	if s.links != s.linksWant {
		t.Errorf("links %d of %d", s.links, s.linksWant)
	}
	for i, c := range out.Claims {
		if c.ID != "c"+strconv.Itoa(i+1) {
			t.Errorf("claim %d has ID %q", i, c.ID)
		}
		if i > 0 && c.Cue.Start < out.Claims[i-1].Cue.Start {
			t.Errorf("claims out of text order at %s", c.ID)
		}
	}
	if testing.Verbose() {
		for _, c := range out.Claims {
			t.Logf("%s %-12s %-28q cue=%q src=%q chan=%s about=%v resp=%v hedges=%v\n    content=%q", c.ID, c.Stance, c.Claimant, c.Cue.Text, c.Source.Text, c.Channel, c.About, c.RespondsTo, spans(c.Hedges), c.Content.Text)
		}
		for _, r := range out.Relations {
			t.Logf("rel %s %s %s %q", r.Subject, r.Predicate, r.Object, r.Evidence.Text)
		}
		for _, m := range out.Mentions {
			t.Logf("mention %q -> %s", m.Text, m.Entity)
		}
	}
}

func spans(ss []schema.Span) []string {
	var out []string
	for _, s := range ss {
		out = append(out, s.Text)
	}
	return out
}

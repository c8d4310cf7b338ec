// Package gold scores an extraction result against a hand-made gold
// annotation in the format of ../shared/gold (and examples/*.gold.json):
// entities with the aliases that must merge, names that must not become
// entities, claims with claimant, stance, cue, channel, relations, the
// links from denials to the allegations they answer, and timeline dates.
package gold

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/dossier-project/dossier/schema"
)

// Gold is one annotated document.
type Gold struct {
	Date        string   `json:"date"`
	Title       string   `json:"title"`
	Entities    []Entity `json:"entities"`
	NotEntities []string `json:"not_entities"`
	Claims      []Claim  `json:"claims"`
	Relations   []struct {
		Subject, Predicate, Object string
	} `json:"relations"`
	Links []struct {
		Claim   string `json:"claim"`
		Answers string `json:"answers"`
	} `json:"links"`
	Timeline []struct {
		Entity string `json:"entity"`
		Date   string `json:"date"`
		Event  string `json:"event"`
	} `json:"timeline"`
}

// Entity is a gold entity.
type Entity struct {
	Name    string   `json:"name"`
	Type    string   `json:"type"`
	Kind    string   `json:"kind"`
	Aliases []string `json:"aliases"`
}

// Claim is a gold claim.
type Claim struct {
	Claimant       *string  `json:"claimant"`
	ClaimantText   string   `json:"claimant_text"`
	Stance         string   `json:"stance"`
	StanceAlt      []string `json:"stance_alt"`
	Cue            string   `json:"cue"`
	About          []string `json:"about"`
	Channel        string   `json:"channel"`
	SentenceStarts string   `json:"sentence_starts"`
}

// Read decodes a gold file.
func Read(r io.Reader) (*Gold, error) {
	var g Gold
	if err := json.NewDecoder(r).Decode(&g); err != nil {
		return nil, fmt.Errorf("gold: %w", err)
	}
	return &g, nil
}

// Report is the score of one result against its gold.
type Report struct {
	EntitiesFound, EntitiesTotal int
	TypesRight, KindsRight       int
	KindsTotal                   int
	GroupsMerged                 int
	NotEntitiesLeaked            []string
	ClaimsRight, ClaimsTotal     int
	ChannelsRight, ChannelsTotal int
	RelationsFound               int
	RelationsTotal               int
	LinksFound, LinksTotal       int
	DatesRight, DatesTotal       int
	// Problems lists every miss, one line each.
	Problems []string
}

func norm(s string) string {
	s = strings.TrimSpace(s)
	s = strings.TrimPrefix(s, "The ")
	return strings.ToLower(s)
}

// kindOK reports whether a predicted kind is acceptable for a gold kind:
// equal, or finer ("intelligence agency" for "government agency"), or the
// gold's "media" for "media outlet".
func kindOK(gold, pred string) bool {
	switch {
	case gold == pred:
		return true
	case gold == "government agency" && pred == "intelligence agency":
		return true
	}
	return false
}

// Score compares r with g.
func Score(r *schema.Result, g *Gold) Report {
	var rep Report
	miss := func(format string, args ...any) { rep.Problems = append(rep.Problems, fmt.Sprintf(format, args...)) }
	text := r.Document.Text

	// Each gold entity maps to the predicted entity that carries its name
	// or one of its aliases.
	names := func(e schema.Entity) []string { return append([]string{e.Name}, e.Aliases...) }
	match := make(map[string]string) // gold name -> predicted ID
	for _, ge := range g.Entities {
		rep.EntitiesTotal++
		var hit *schema.Entity
		for _, n := range append([]string{ge.Name}, ge.Aliases...) {
			for i := range r.Entities {
				for _, pn := range names(r.Entities[i]) {
					if norm(pn) == norm(n) && hit == nil {
						hit = &r.Entities[i]
					}
				}
			}
		}
		if hit == nil {
			miss("entity %q not found", ge.Name)
			continue
		}
		rep.EntitiesFound++
		match[ge.Name] = hit.ID
		if hit.Type == ge.Type {
			rep.TypesRight++
		} else {
			miss("entity %q: type %s, want %s", ge.Name, hit.Type, ge.Type)
		}
		if ge.Kind != "" {
			rep.KindsTotal++
			if kindOK(ge.Kind, hit.Kind) {
				rep.KindsRight++
			} else {
				miss("entity %q: kind %q, want %q", ge.Name, hit.Kind, ge.Kind)
			}
		}
		// Every alias that occurs in the text must be on the same entity.
		merged := true
		for _, a := range append([]string{ge.Name}, ge.Aliases...) {
			if !strings.Contains(text, a) {
				continue
			}
			ok := false
			for _, pn := range names(*hit) {
				ok = ok || norm(pn) == norm(a)
			}
			if !ok {
				merged = false
				miss("entity %q: alias %q not merged", ge.Name, a)
			}
		}
		if merged {
			rep.GroupsMerged++
		}
	}
	for _, ne := range g.NotEntities {
		for _, e := range r.Entities {
			for _, n := range names(e) {
				if strings.TrimSpace(n) == strings.TrimSpace(ne) {
					rep.NotEntitiesLeaked = append(rep.NotEntitiesLeaked, ne)
					miss("%q became an entity", ne)
				}
			}
		}
	}

	// Claims: the predicted claim in the same sentence with the same cue.
	gid := func(name *string) string {
		if name == nil {
			return ""
		}
		if id, ok := match[*name]; ok {
			return id
		}
		return "?" + *name
	}
	byEvidence := func(prefix string, contains bool) []schema.Claim {
		var out []schema.Claim
		for _, c := range r.Claims {
			ev := strings.TrimSpace(c.Evidence.Text)
			if (!contains && strings.HasPrefix(ev, prefix)) || (contains && strings.Contains(ev, prefix)) {
				out = append(out, c)
			}
		}
		return out
	}
	for _, gc := range g.Claims {
		rep.ClaimsTotal++
		var pc *schema.Claim
		for _, c := range byEvidence(gc.SentenceStarts, false) {
			if strings.Contains(c.Cue.Text, gc.Cue) || strings.Contains(gc.Cue, c.Cue.Text) {
				c := c
				pc = &c
				break
			}
		}
		label := fmt.Sprintf("claim %q (%s)", gc.Cue, gc.SentenceStarts)
		if pc == nil {
			miss("%s not found", label)
			if gc.Channel != "" {
				rep.ChannelsTotal++
			}
			continue
		}
		stanceOK := string(pc.Stance) == gc.Stance
		for _, s := range gc.StanceAlt {
			stanceOK = stanceOK || string(pc.Stance) == s
		}
		claimantOK := string(pc.Claimant) == gid(gc.Claimant)
		if gc.Claimant == nil {
			claimantOK = pc.Claimant == "" && strings.Contains(strings.ToLower(pc.ClaimantText), strings.ToLower(gc.ClaimantText))
		}
		if stanceOK && claimantOK {
			rep.ClaimsRight++
		} else {
			miss("%s: claimant %q stance %s, want %v %s", label, pc.Claimant, pc.Stance, deref(gc.Claimant, gc.ClaimantText), gc.Stance)
		}
		if gc.Channel != "" {
			rep.ChannelsTotal++
			if string(pc.Channel) == match[gc.Channel] {
				rep.ChannelsRight++
			} else {
				miss("%s: channel %q, want %s", label, pc.Channel, gc.Channel)
			}
		}
	}

	for _, gr := range g.Relations {
		rep.RelationsTotal++
		ok := false
		for _, pr := range r.Relations {
			ok = ok || (pr.Subject == match[gr.Subject] && pr.Object == match[gr.Object] && pr.Predicate == gr.Predicate)
		}
		if ok {
			rep.RelationsFound++
		} else {
			miss("relation %s %s %s not found", gr.Subject, gr.Predicate, gr.Object)
		}
	}

	for _, l := range g.Links {
		rep.LinksTotal++
		targets := make(map[string]bool)
		for _, c := range byEvidence(l.Answers, true) {
			if c.Stance == schema.Allege {
				targets[c.ID] = true
			}
		}
		ok := false
		for _, c := range byEvidence(l.Claim, true) {
			for _, id := range c.RespondsTo {
				ok = ok || targets[id]
			}
		}
		if ok {
			rep.LinksFound++
		} else {
			miss("link %q -> %q not found", l.Claim, l.Answers)
		}
	}

	for _, tl := range g.Timeline {
		rep.DatesTotal++
		ok := false
		for _, c := range r.Claims {
			ok = ok || (string(c.Claimant) == match[tl.Entity] && string(c.Date) == tl.Date)
		}
		if ok {
			rep.DatesRight++
		} else {
			miss("timeline: no claim by %s dated %s", tl.Entity, tl.Date)
		}
	}
	return rep
}

func deref(p *string, alt string) string {
	if p == nil {
		return "(unnamed: " + alt + ")"
	}
	return *p
}

// WriteTo prints the report.
func (r Report) WriteTo(w io.Writer) (int64, error) {
	var b strings.Builder
	fmt.Fprintf(&b, "entities found      %d/%d (type right %d, kind right %d/%d, alias groups merged %d)\n",
		r.EntitiesFound, r.EntitiesTotal, r.TypesRight, r.KindsRight, r.KindsTotal, r.GroupsMerged)
	fmt.Fprintf(&b, "not-entities leaked %d\n", len(r.NotEntitiesLeaked))
	fmt.Fprintf(&b, "claims right        %d/%d (claimant and stance)\n", r.ClaimsRight, r.ClaimsTotal)
	fmt.Fprintf(&b, "channels right      %d/%d\n", r.ChannelsRight, r.ChannelsTotal)
	fmt.Fprintf(&b, "relations found     %d/%d\n", r.RelationsFound, r.RelationsTotal)
	fmt.Fprintf(&b, "links found         %d/%d\n", r.LinksFound, r.LinksTotal)
	fmt.Fprintf(&b, "timeline dates      %d/%d\n", r.DatesRight, r.DatesTotal)
	for _, p := range r.Problems {
		fmt.Fprintf(&b, "  - %s\n", p)
	}
	n, err := io.WriteString(w, b.String())
	return int64(n), err
}

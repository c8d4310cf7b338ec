package graph

import (
	"context"
	"sort"
)

// Allegation statuses, derived at query time from the claims that answer
// an allegation. Nothing is ever deleted or overwritten: a denied
// allegation is still an allegation.
const (
	StatusAlleged      = "alleged"
	StatusDenied       = "denied"
	StatusContested    = "contested"
	StatusAcknowledged = "acknowledged"
)

// IsAllegation reports whether a claim of this stance is an allegation.
func IsAllegation(stance string) bool { return stance == "allege" }

// Status derives an allegation's status from the stances of the claims
// that respond to it.
func Status(responses []string) string {
	deny, accept := false, false
	for _, s := range responses {
		switch s {
		case "deny":
			deny = true
		case "acknowledge", "confirm":
			accept = true
		}
	}
	switch {
	case deny && accept:
		return StatusContested
	case deny:
		return StatusDenied
	case accept:
		return StatusAcknowledged
	}
	return StatusAlleged
}

// Allegation is one entry of the allegations ledger: the allegation, and
// every claim that answers it.
type Allegation struct {
	ClaimInfo
	Responses []ClaimInfo `json:"responses"`
}

// Allegations returns the ledger: every allegation (optionally only those
// about an entity ID), each with the claims that answer it and its status.
func (s *Store) Allegations(ctx context.Context, about string) ([]Allegation, error) {
	all, err := s.Claims(ctx, ClaimFilter{})
	if err != nil {
		return nil, err
	}
	responses := make(map[string][]ClaimInfo)
	answers := make(map[string][]ClaimInfo) // entity ID -> answering claims by or about it
	for _, c := range all {
		for _, r := range c.RespondsTo {
			responses[r] = append(responses[r], c)
		}
		if !answers2(c.Stance) {
			continue
		}
		for _, id := range answerKeys(c) {
			answers[id] = append(answers[id], c)
		}
	}
	// Across documents: a denial (or acknowledgement) in another article by
	// or about an entity the allegation is about answers it, if it is not
	// older than the allegation.
	for _, a := range all {
		if !IsAllegation(a.Stance) {
			continue
		}
		have := make(map[string]bool)
		for _, r := range responses[a.IRI] {
			have[r.IRI] = true
		}
		for _, e := range a.About {
			if e.Type == "Place" {
				continue
			}
			for _, c := range answers[e.ID] {
				if c.Document.Hash == a.Document.Hash || have[c.IRI] || (c.Date != "" && a.Date != "" && c.Date < a.Date[:min(len(a.Date), len(c.Date))]) {
					continue
				}
				have[c.IRI] = true
				c.Answers = "across documents"
				responses[a.IRI] = append(responses[a.IRI], c)
			}
		}
	}
	var out []Allegation
	for _, c := range all {
		if !IsAllegation(c.Stance) {
			continue
		}
		if about != "" && !(&ClaimFilter{About: about}).match(&c) {
			continue
		}
		rs := responses[c.IRI]
		stances := make([]string, len(rs))
		for i, r := range rs {
			stances[i] = r.Stance
		}
		sort.SliceStable(rs, func(i, j int) bool { return rs[i].Cue.Start < rs[j].Cue.Start })
		c.Status = Status(stances)
		out = append(out, Allegation{ClaimInfo: c, Responses: rs})
	}
	return out, nil
}

func answers2(stance string) bool {
	return stance == "deny" || stance == "acknowledge" || stance == "confirm"
}

// answerKeys are the entities a claim can answer allegations about: its
// claimant and what it is about, places left out.
func answerKeys(c ClaimInfo) []string {
	var out []string
	if c.Claimant != nil {
		out = append(out, c.Claimant.ID)
	}
	for _, e := range c.About {
		if e.Type != "Place" {
			out = append(out, e.ID)
		}
	}
	return out
}

// Statuses returns the status of every allegation, by claim IRI.
func (s *Store) Statuses(ctx context.Context) (map[string]string, error) {
	as, err := s.Allegations(ctx, "")
	if err != nil {
		return nil, err
	}
	out := make(map[string]string, len(as))
	for _, a := range as {
		out[a.IRI] = a.Status
	}
	return out, nil
}

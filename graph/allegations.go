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
	Status    string      `json:"status"`
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
	for _, c := range all {
		for _, r := range c.RespondsTo {
			responses[r] = append(responses[r], c)
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
		out = append(out, Allegation{ClaimInfo: c, Status: Status(stances), Responses: rs})
	}
	return out, nil
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

package graph

import (
	"context"

	"github.com/cayleygraph/quad"

	"github.com/dossier-project/dossier/schema"
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
// It reads only allegations and their candidate answers, never the whole
// claim set: allegations are found through the stance index, answers in
// the same document through responds-to links, and answers in other
// documents among the claims by or about the entities alleged about.
func (s *Store) Allegations(ctx context.Context, about string) ([]Allegation, error) {
	var all []ClaimInfo
	var err error
	if about != "" {
		all, err = s.Claims(ctx, ClaimFilter{About: about, Stance: "allege"})
	} else {
		all, err = s.allegationClaims(ctx)
	}
	if err != nil {
		return nil, err
	}
	var out []Allegation
	answersOf := make(map[string][]ClaimInfo) // entity ID -> answering claims by or about it
	for _, a := range all {
		rs, err := s.respondents(ctx, a.IRI)
		if err != nil {
			return nil, err
		}
		have := make(map[string]bool)
		for _, r := range rs {
			have[r.IRI] = true
		}
		// Across documents: a denial (or acknowledgement) in another
		// article by or about an entity the allegation is about answers
		// it, if it is not older than the allegation.
		for _, e := range a.About {
			if e.Type == "Place" {
				continue
			}
			cands, ok := answersOf[e.ID]
			if !ok {
				if cands, err = s.answering(ctx, e.ID); err != nil {
					return nil, err
				}
				answersOf[e.ID] = cands
			}
			for _, c := range cands {
				if c.Document.Hash == a.Document.Hash || have[c.IRI] ||
					(c.Date != "" && a.Date != "" && string(c.Date) < string(a.Date)[:min(len(a.Date), len(c.Date))]) {
					continue
				}
				have[c.IRI] = true
				c.Answers = "across documents"
				rs = append(rs, c)
			}
		}
		stances := make([]string, len(rs))
		for i, r := range rs {
			stances[i] = r.Stance
		}
		a.Status = Status(stances)
		out = append(out, Allegation{ClaimInfo: a, Responses: rs})
	}
	return out, nil
}

// allegationClaims reads every claim whose stance is allege.
func (s *Store) allegationClaims(ctx context.Context) ([]ClaimInfo, error) {
	s.h.RLock()
	defer s.h.RUnlock()
	if s.indexed() {
		return s.idxClaims(ctx, ClaimFilter{Stance: "allege"})
	}
	iris, err := s.subjects(ctx, schema.PredStance, quad.String("allege"))
	if err != nil {
		return nil, err
	}
	return s.claimsOf(ctx, iris)
}

// respondents reads the claims in the allegation's document that answer it.
func (s *Store) respondents(ctx context.Context, iri string) ([]ClaimInfo, error) {
	s.h.RLock()
	defer s.h.RUnlock()
	if s.indexed() {
		return s.idxRespondents(ctx, iri)
	}
	iris, err := s.subjects(ctx, schema.PredRespondsTo, quad.IRI(iri))
	if err != nil {
		return nil, err
	}
	return s.claimsOf(ctx, iris)
}

// answering reads the denials, acknowledgements and confirmations by or
// about an entity.
func (s *Store) answering(ctx context.Context, id string) ([]ClaimInfo, error) {
	var out []ClaimInfo
	seen := make(map[string]bool)
	for _, f := range []ClaimFilter{{By: id}, {About: id}} {
		cs, err := s.Claims(ctx, f)
		if err != nil {
			return nil, err
		}
		for _, c := range cs {
			if answers2(c.Stance) && !seen[c.IRI] {
				seen[c.IRI] = true
				out = append(out, c)
			}
		}
	}
	return out, nil
}

// claimsOf reads claims by IRI, in document and text order. The caller
// holds the read lock.
func (s *Store) claimsOf(ctx context.Context, iris []quad.Value) ([]ClaimInfo, error) {
	names := make(map[string]string)
	docs := make(map[string]DocInfo)
	out := make([]ClaimInfo, 0, len(iris))
	for _, v := range iris {
		c, err := s.claim(ctx, v, names, docs)
		if err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	sortClaims(out)
	return out, nil
}

func answers2(stance string) bool {
	return stance == "deny" || stance == "acknowledge" || stance == "confirm"
}

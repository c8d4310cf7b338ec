package graph

import (
	"strings"
	"testing"

	"github.com/dossier-project/dossier/schema"
)

// TestThreadsKeepStoredLinks checks that the ledger shows the score and
// reason an answer's link was stored with, and that a link of an older
// store, kept without them, is still shown, scored when read.
func TestThreadsKeepStoredLinks(t *testing.T) {
	japan := &EntityRef{ID: "loc/japan", Name: "Japan"}
	senate := &EntityRef{ID: "org/senate", Name: "Senate"}
	doc := DocInfo{Hash: "h1", ID: "d1", Date: "1987-03-27"}
	alleg := ClaimInfo{IRI: schema.PartIRI("h1", "c1"), ID: "c1", Claimant: senate, Stance: "allege", Target: japan,
		About: []EntityRef{*japan}, Content: schema.Span{Text: "Japan violated the semiconductor pact"}, Date: doc.Date, Document: doc}
	answer := func(links []schema.Link) ClaimInfo {
		return ClaimInfo{IRI: schema.PartIRI("h1", "c2"), ID: "c2", Claimant: japan, Stance: "deny",
			Content: schema.Span{Text: "breaking the pact"}, Cue: schema.Span{Start: 60}, Date: doc.Date, Document: doc,
			RespondsTo: []string{alleg.IRI}, Links: links}
	}
	stored := []schema.Link{{To: alleg.IRI, Score: 0.875, Reason: "Japan, the accused, answers; words pact"}}
	for _, tc := range []struct {
		name   string
		links  []schema.Link
		score  float64
		reason string
	}{
		{"stored", stored, 0.875, "in the article: Japan, the accused, answers; words pact"},
		{"older store", nil, -1, "in the article: "},
	} {
		ts := buildThreads([]ClaimInfo{alleg}, []ClaimInfo{answer(tc.links)}, nil, ThreadFilter{}, nil)
		if len(ts) != 1 || len(ts[0].Answers) != 1 {
			t.Fatalf("%s: want one thread with one answer: %+v", tc.name, ts)
		}
		a := ts[0].Answers[0]
		if a.Allegation != alleg.IRI || a.Status != "" && a.Status != StatusDenied || ts[0].Status != StatusDenied {
			t.Errorf("%s: answer %+v, thread status %s", tc.name, a, ts[0].Status)
		}
		if tc.score >= 0 && a.Score != tc.score || tc.score < 0 && (a.Score <= 0 || a.Score > 1) {
			t.Errorf("%s: score %v", tc.name, a.Score)
		}
		if !strings.HasPrefix(a.Reason, tc.reason) || len(a.Reason) <= len("in the article: ") {
			t.Errorf("%s: reason %q, want %q...", tc.name, a.Reason, tc.reason)
		}
	}
}

// TestThreadAnswerOnce checks that an answer linked to two reports of one
// thread (an article's headline and body) is listed once, linked to the
// report the article tells first (though its link to the body scores
// higher), and is one event of the thread.
func TestThreadAnswerOnce(t *testing.T) {
	tories := &EntityRef{ID: "org/conservative-party", Name: "Conservative Party"}
	labour := &EntityRef{ID: "org/labour-party", Name: "Labour Party"}
	doc := DocInfo{Hash: "h1", ID: "d1", Date: "2022-03-14"}
	report := func(id, text string, start int) ClaimInfo {
		return ClaimInfo{IRI: schema.PartIRI("h1", id), ID: id, Claimant: labour, Stance: "allege", Target: tories,
			About: []EntityRef{*tories}, Content: schema.Span{Text: text}, Cue: schema.Span{Start: start}, Evidence: schema.Span{Start: start}, Date: doc.Date, Document: doc}
	}
	head := report("c1", "Tories of covering up a donor's links to Russia", 7)
	body := report("c2", "the Conservatives of covering up a major donor's links to the Kremlin", 120)
	ans := ClaimInfo{IRI: schema.PartIRI("h1", "c6"), ID: "c6", Claimant: tories, Stance: "deny",
		Content: schema.Span{Text: "the claims as baseless smears"}, Cue: schema.Span{Start: 600}, Date: doc.Date, Document: doc,
		RespondsTo: []string{head.IRI, body.IRI},
		Links:      []schema.Link{{To: head.IRI, Score: 0.6, Reason: "Conservative Party, the accused, answers"}, {To: body.IRI, Score: 0.7, Reason: "Conservative Party, the accused, answers"}}}
	ts := buildThreads([]ClaimInfo{head, body}, []ClaimInfo{ans}, nil, ThreadFilter{}, nil)
	if len(ts) != 1 {
		t.Fatalf("%d threads, want 1: %+v", len(ts), ts)
	}
	if len(ts[0].Answers) != 1 {
		t.Fatalf("%d answers, want 1: %+v", len(ts[0].Answers), ts[0].Answers)
	}
	if a := ts[0].Answers[0]; a.Allegation != head.IRI || a.Score != 0.6 {
		t.Errorf("answer links %s with %v, want the headline's report with 0.6", a.Allegation, a.Score)
	}
	answers := 0
	for _, e := range ts[0].Events {
		if e.Kind == "answer" {
			answers++
		}
	}
	if answers != 1 {
		t.Errorf("%d answer events, want 1: %+v", answers, ts[0].Events)
	}
}

// TestSidesAcrossArticles checks that a person who holds a role of the
// accused organisation in the store answers for it in another article:
// with the role, the denial links across articles; without it, the
// person is a stranger and it does not.
func TestSidesAcrossArticles(t *testing.T) {
	fsis := &EntityRef{ID: "org/fsis", Name: "Food Safety and Inspection Service", Type: schema.Organization}
	critics := &EntityRef{ID: "org/cni", Name: "Community Nutrition Institute", Type: schema.Organization}
	houston := &EntityRef{ID: "per/donald-houston", Name: "Donald Houston", Type: schema.Person}
	d1 := DocInfo{Hash: "h1", ID: "d1", Date: "1987-04-08"}
	d2 := DocInfo{Hash: "h2", ID: "d2", Date: "1987-04-20"}
	alleg := ClaimInfo{IRI: schema.PartIRI("h1", "c1"), ID: "c1", Claimant: critics, Stance: "allege", Target: fsis,
		About: []EntityRef{*fsis}, Content: schema.Span{Text: "poultry inspection fails to detect salmonella contamination"}, Date: d1.Date, Document: d1}
	ans := ClaimInfo{IRI: schema.PartIRI("h2", "c4"), ID: "c4", Claimant: houston, Stance: "deny",
		Content: schema.Span{Text: "poultry inspection does not fail to detect salmonella"}, Date: d2.Date, Document: d2}
	for _, tc := range []struct {
		name  string
		sides map[string][]string
		want  int
	}{
		{"a role of the accused", map[string][]string{houston.ID: {fsis.ID}}, 1},
		{"no role", nil, 0},
	} {
		ts := buildThreads([]ClaimInfo{alleg}, []ClaimInfo{ans}, nil, ThreadFilter{}, tc.sides)
		got := 0
		for _, th := range ts {
			got += len(th.Answers)
		}
		if got != tc.want {
			t.Errorf("%s: %d answers linked, want %d: %+v", tc.name, got, tc.want, ts)
		}
	}
}

// TestThreadsRepeat checks that a statement repeating an allegation in
// other words (no word of wrong), from the allegation's source, is a
// report of the allegation's thread, with the repeated allegation, a score
// below certainty and the reason, and that the accused's own statement of
// the same words is not.
func TestThreadsRepeat(t *testing.T) {
	kuwait := &EntityRef{ID: "loc/kuwait", Name: "Kuwait"}
	doc := DocInfo{Hash: "h1", ID: "d1", Date: "1987-03-01"}
	alleg := ClaimInfo{IRI: schema.PartIRI("h1", "c1"), ID: "c1", ClaimantText: "traders", Stance: "allege", Target: kuwait,
		About: []EntityRef{*kuwait}, Content: schema.Span{Text: "Kuwait of producing crude above its quota"}, Date: doc.Date, Document: doc}
	said := ClaimInfo{IRI: schema.PartIRI("h1", "c3"), ID: "c3", ClaimantText: "the traders", Stance: "say",
		About: []EntityRef{*kuwait}, Content: schema.Span{Text: "Kuwait was producing crude well above its quota"}, Date: doc.Date, Document: doc,
		Evidence: schema.Span{Start: 120}}
	own := ClaimInfo{IRI: schema.PartIRI("h1", "c4"), ID: "c4", Claimant: kuwait, Stance: "say",
		About: []EntityRef{*kuwait}, Content: schema.Span{Text: "Kuwait was producing within its quota, it said"}, Date: doc.Date, Document: doc,
		Evidence: schema.Span{Start: 240}}
	other := func(i int) ClaimInfo {
		id := "c" + string(rune('6'+i))
		return ClaimInfo{IRI: schema.PartIRI("h1", id), ID: id, ClaimantText: "the minister", Stance: "say",
			Content: schema.Span{Text: "there were no plans for an emergency meeting"}, Date: doc.Date, Document: doc,
			Evidence: schema.Span{Start: 300 + 100*i}}
	}
	// In the allegation's sentence, a statement adds no report.
	inSentence := ClaimInfo{IRI: schema.PartIRI("h1", "c5"), ID: "c5", ClaimantText: "the traders", Stance: "say",
		About: []EntityRef{*kuwait}, Content: schema.Span{Text: "Kuwait was producing crude above its quota"}, Date: doc.Date, Document: doc}
	ts := buildThreads([]ClaimInfo{alleg}, nil, []ClaimInfo{said, own, inSentence, other(1), other(2), other(3), other(4)}, ThreadFilter{}, nil)
	if len(ts) != 1 || len(ts[0].Reports) != 2 {
		t.Fatalf("want one thread of two reports: %+v", ts)
	}
	r := ts[0].Reports[1]
	if r.IRI != said.IRI || r.Stance != "allege" || r.Repeats == nil || r.Repeats.To != alleg.IRI ||
		r.Repeats.Score <= 0 || r.Repeats.Score >= 1 || !strings.Contains(r.Repeats.Reason, "quota") {
		t.Errorf("repeat: %+v", r)
	}
	if ts[0].Reports[0].Repeats != nil {
		t.Errorf("the explicit allegation has a repeat: %+v", ts[0].Reports[0].Repeats)
	}
}

// TestListedAccusedAnswerAcross checks that a party an allegation lists
// with its target ("Kuwait and the United Arab Emirates, along with the
// much smaller producer Ecuador") answers it from another article as the
// accused, though the store keeps only the target and what the claim is
// about; a party it names in another role does not.
func TestListedAccusedAnswerAcross(t *testing.T) {
	kuwait := EntityRef{ID: "loc/kuwait", Name: "Kuwait", Type: schema.Place}
	uae := EntityRef{ID: "loc/united-arab-emirates", Name: "United Arab Emirates", Type: schema.Place}
	ecuador := EntityRef{ID: "loc/ecuador", Name: "Ecuador", Type: schema.Place}
	opec := EntityRef{ID: "org/opec", Name: "OPEC", Type: schema.Organization}
	d1 := DocInfo{Hash: "h1", ID: "d1", Date: "1987-03-01"}
	d2 := DocInfo{Hash: "h2", ID: "d2", Date: "1987-03-02"}
	alleg := ClaimInfo{IRI: schema.PartIRI("h1", "c1"), ID: "c1", ClaimantText: "traders", Stance: "allege", Target: &ecuador,
		About:   []EntityRef{kuwait, uae, ecuador, opec},
		Content: schema.Span{Text: "Kuwait and the United Arab Emirates, along with the much smaller producer Ecuador, were producing above quota while OPEC sought higher prices"},
		Date:    d1.Date, Document: d1}
	deny := func(by EntityRef) ClaimInfo {
		return ClaimInfo{IRI: schema.PartIRI("h2", "c1"), ID: "c1", Claimant: &by, Stance: "deny", About: []EntityRef{by},
			Content: schema.Span{Text: by.Name + " was producing within its quota"}, Date: d2.Date, Document: d2}
	}
	for _, tc := range []struct {
		by   EntityRef
		link bool
	}{{kuwait, true}, {uae, true}, {opec, false}} {
		ts := buildThreads([]ClaimInfo{alleg}, []ClaimInfo{deny(tc.by)}, nil, ThreadFilter{}, nil)
		if len(ts) != 1 {
			t.Fatalf("%d threads, want 1", len(ts))
		}
		if got := len(ts[0].Answers) == 1; got != tc.link {
			t.Errorf("%s's denial linked %v, want %v: %+v", tc.by.Name, got, tc.link, ts[0].Answers)
		}
	}
}

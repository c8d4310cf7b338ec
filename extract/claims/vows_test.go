package claims

import (
	"strings"
	"testing"

	"github.com/dossier-project/dossier/schema"
)

// TestVowsToFight: the accused's vow to fight a charge, a suit or a
// ruling denies what is alleged against it and answers it; the same vow
// with nothing alleged, from the accuser, negated, questioned, or against
// a thing that is no charge stays what it was.
func TestVowsToFight(t *testing.T) {
	baxter := [3]string{"Baxter Industries", schema.Organization, schema.KindCompany}
	carlton := [3]string{"Carlton Inc", schema.Organization, schema.KindCompany}
	tests := []struct {
		name, text string
		ents       [][3]string
		cue        string // the vow's cue, in the second sentence
		want       schema.Stance
		linked     bool
	}{
		{"will vigorously defend itself against the charges", "The SEC accused Baxter Industries of insider trading. Baxter said it will vigorously defend itself against the charges.",
			[][3]string{sec, baxter}, "said", schema.Deny, true},
		{"intends to contest the suit", "Shareholders filed a suit alleging that Baxter Industries misled investors. Baxter said it intends to contest the suit.",
			[][3]string{baxter}, "said", schema.Deny, true},
		{"would contest the charges vigorously", "The SEC accused Baxter Industries of insider trading. Baxter said it would contest the charges vigorously.",
			[][3]string{sec, baxter}, "said", schema.Deny, true},
		{"plans to appeal the ruling", "A federal judge ruled that Carlton Inc violated the antitrust laws. Carlton said it plans to appeal the ruling.",
			[][3]string{carlton}, "said", schema.Deny, true},
		{"vowed to fight the charges", "The SEC accused Baxter Industries of insider trading. Baxter vowed to fight the charges.",
			[][3]string{sec, baxter}, "vowed", schema.Deny, true},
		{"a vow with nothing alleged is a statement", "Baxter Industries met its bankers on Monday. Baxter said it will appeal the ruling.",
			[][3]string{baxter}, "said", schema.Say, false},
		{"the accuser's vow is no answer", "The SEC accused Baxter Industries of insider trading. The SEC said it will fight any appeal of the case.",
			[][3]string{sec, baxter}, "said", schema.Say, false},
		{"a fight against a thing that is no charge", "The SEC accused Baxter Industries of insider trading. Baxter said it will fight tax increases.",
			[][3]string{sec, baxter}, "said", schema.Say, false},
		{"undecided whether to appeal", "A federal judge ruled that Carlton Inc violated the antitrust laws. Carlton said it has not decided whether it will appeal the ruling.",
			[][3]string{carlton}, "said", schema.Say, false},
		{"will not contest", "The SEC accused Baxter Industries of insider trading. Baxter said it will not contest the charges.",
			[][3]string{sec, baxter}, "said", schema.Say, false},
		{"an appeal to donors", "The SEC accused Baxter Industries of insider trading. Baxter said it will appeal to its shareholders for support.",
			[][3]string{sec, baxter}, "said", schema.Say, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			checkSecondSentence(t, tc.text, tc.ents, tc.cue, tc.want, tc.linked, "vows to fight")
		})
	}
}

// checkSecondSentence fails t unless the claim cued cue in the second
// sentence of text has the stance want, and is linked to an allegation,
// with reason among its links' reasons, exactly when linked is true.
func checkSecondSentence(t *testing.T, text string, ents [][3]string, cue string, want schema.Stance, linked bool, reason string) {
	t.Helper()
	_, cs := allegationsOf(text, ents...)
	var c *schema.Claim
	for i := range cs {
		if cs[i].Cue.Text == cue && cs[i].Sentence == 1 {
			c = &cs[i]
		}
	}
	if c == nil {
		t.Fatalf("no claim cued %q in the second sentence: %+v", cue, cs)
	}
	if c.Stance != want {
		t.Errorf("stance %s, want %s: %+v", c.Stance, want, cs)
	}
	if got := len(c.RespondsTo) > 0; got != linked {
		t.Errorf("linked %v, want %v: %+v", got, linked, cs)
	}
	if linked && !linkReason(c.Links, reason) {
		t.Errorf("links %+v, want one that %s", c.Links, reason)
	}
}

// linkReason reports whether one of links gives the reason.
func linkReason(links []schema.Link, reason string) bool {
	for _, l := range links {
		if strings.Contains(l.Reason, reason) {
			return true
		}
	}
	return false
}

// TestVowAgainstASuitItNames: "said it will fight a suit filed against it
// by X alleging Y" is the speaker's vow, answering X's allegation against
// the speaker; a vow that names the wrong itself ("will challenge it as a
// bad faith filing") still alleges it.
func TestVowAgainstASuitItNames(t *testing.T) {
	beta := [3]string{"Beta Inc", schema.Organization, schema.KindCompany}
	_, cs := allegationsOf("Acme Corp said it will fight a suit filed against it by <Beta Inc> alleging misappropriation of trade secrets.", acme, beta)
	var vow, alleg *schema.Claim
	for i := range cs {
		switch {
		case cs[i].Cue.Text == "said":
			vow = &cs[i]
		case cs[i].Stance == schema.Allege:
			alleg = &cs[i]
		}
	}
	if alleg == nil || alleg.Claimant != "org/beta-inc" || alleg.Target != "org/acme-corp" {
		t.Fatalf("want Beta Inc's allegation against Acme Corp: %+v", cs)
	}
	if vow == nil || vow.Stance != schema.Deny || len(vow.RespondsTo) != 1 || vow.RespondsTo[0] != alleg.ID {
		t.Errorf("want Acme Corp's vow to deny and answer %s: %+v", alleg.ID, cs)
	}
	pennzoil := [3]string{"Pennzoil", schema.Organization, schema.KindCompany}
	checkAlleges(t, `Pennzoil said of the bankruptcy petition: "We'll challenge it as a bad faith filing."`, true, pennzoil)
}

// TestHeadlineVow: a wire headline's "X TO FIGHT SUIT" is X's vow, a
// denial that answers what the story alleges against X; the same headline
// with nothing alleged against X, or against a thing that is no charge,
// denies nothing.
func TestHeadlineVow(t *testing.T) {
	baxter := [3]string{"Baxter Industries", schema.Organization, schema.KindCompany}
	tests := []struct {
		name, text string
		want       bool
	}{
		{"to fight suit", "BAXTER INDUSTRIES TO FIGHT SUIT\n\nShareholders filed a suit alleging that Baxter Industries misled investors.", true},
		{"to appeal ruling", "BAXTER INDUSTRIES <BAX> TO APPEAL RULING\n\nA federal judge ruled that Baxter Industries violated the antitrust laws.", true},
		{"nothing alleged", "BAXTER INDUSTRIES TO APPEAL RULING\n\nBaxter Industries met its bankers on Monday.", false},
		{"no charge fought", "BAXTER INDUSTRIES TO FIGHT TAX INCREASES\n\nShareholders filed a suit alleging that Baxter Industries misled investors.", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, cs := allegationsOf(tc.text, baxter)
			got := false
			for _, c := range cs {
				if c.Sentence == 0 && c.Stance == schema.Deny && len(c.RespondsTo) > 0 && linkReason(c.Links, "vows to fight") {
					got = true
				}
			}
			if got != tc.want {
				t.Errorf("headline vow linked %v, want %v: %+v", got, tc.want, cs)
			}
		})
	}
}

// TestHeadlineToNoVow: a headline's "X TO <verb>" that fights no charge,
// suit or ruling is no cue at all: no intent of X is read from "USDA
// PROGRAM TO FIGHT SCREWWORMS" nor from "ASKS REAGAN TO FIGHT STOCK FALL".
func TestHeadlineToNoVow(t *testing.T) {
	for _, text := range []string{"USDA PROGRAM TO FIGHT SCREWWORMS IN LIVESTOCK\n\nThe program starts in May.",
		"SENATE LEADER ASKS REAGAN TO FIGHT STOCK FALL\n\nThe market fell on Monday."} {
		_, cs := allegationsOf(text)
		for _, c := range cs {
			if c.Cue.Text == "TO" {
				t.Errorf("%q: a claim cued %q: %+v", text, c.Cue.Text, c)
			}
		}
	}
}

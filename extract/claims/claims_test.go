package claims

import (
	"strings"
	"testing"

	"github.com/dossier-project/dossier/schema"
)

var (
	acme    = [3]string{"Acme Corp", schema.Organization, schema.KindCompany}
	smith   = [3]string{"John Smith", schema.Person, ""}
	mrSmith = [3]string{"Mr Smith", schema.Person, ""}
	reuters = [3]string{"Reuters", schema.Organization, schema.KindMedia}
	skyNews = [3]string{"Sky News", schema.Organization, schema.KindMedia}
	ncsc    = [3]string{"NCSC", schema.Organization, schema.KindAgency}
	wsj     = [3]string{"The Wall Street Journal", schema.Organization, schema.KindMedia}
	usa     = [3]string{"United States", schema.Place, schema.KindCountry}
	amnesty = [3]string{"Amnesty International", schema.Organization, schema.KindOther}
	fsb     = [3]string{"FSB", schema.Organization, schema.KindAgency}
)

// want is the expected claim of a sentence; empty fields are not checked.
type want struct {
	cue, source, claimant, claimantText string
	stance                              schema.Stance
	content                             string   // exact content
	contains                            []string // words the content must hold
	channel, target                     string
	hedge                               string
	noTarget                            bool // the claim must have no target
}

func TestExtractSentences(t *testing.T) {
	tests := []struct {
		name string
		text string
		ents [][3]string
		want []want // the claims, in order; nil means none
	}{
		{"say that", "Mr Smith said that the plan would fail.", [][3]string{mrSmith},
			[]want{{cue: "said", source: "Mr Smith", claimant: "Mr Smith", stance: schema.Say, content: "the plan would fail"}}},
		{"say without that", "John Smith says the plan will fail.", [][3]string{smith},
			[]want{{cue: "says", claimant: "John Smith", stance: schema.Say, content: "the plan will fail"}}},
		{"auxiliary and adverb in cue", "Acme Corp makes widgets. The company has now announced a new plan.", [][3]string{acme},
			[]want{{cue: "has now announced", source: "The company", claimant: "Acme Corp", stance: schema.Say, content: "a new plan"}}},
		{"passive with agent", "The allegation was denied by John Smith.", [][3]string{smith},
			[]want{{cue: "was denied", source: "John Smith", claimant: "John Smith", stance: schema.Deny, content: "The allegation"}}},
		{"passive accusation", "John Smith was accused by Amnesty International of misusing funds.", [][3]string{smith, amnesty},
			[]want{{cue: "was accused", source: "Amnesty International", claimant: "Amnesty International", stance: schema.Allege, target: "John Smith", contains: []string{"misusing funds"}}}},
		{"quote first, inverted", `"We did nothing wrong," said John Smith.`, [][3]string{smith},
			[]want{{cue: "said", source: "John Smith", claimant: "John Smith", stance: schema.Deny, content: "We did nothing wrong"}}},
		{"quote first, pronoun", `John Smith runs a shop. "We are growing," he said.`, [][3]string{smith},
			[]want{{cue: "said", source: "he", claimant: "John Smith", stance: schema.Say, content: "We are growing"}}},
		{"split quote", `"We are growing," John Smith said, "and we will hire more staff."`, [][3]string{smith},
			[]want{{cue: "said", claimant: "John Smith", contains: []string{"We are growing", "and we will hire more staff"}}}},
		{"colon before quote, channel", `A spokesperson for the NCSC told Sky News: "Security is complex."`, [][3]string{ncsc, skyNews},
			[]want{{cue: "told", source: "A spokesperson for the NCSC", claimant: "NCSC", channel: "Sky News", stance: schema.Say, content: "Security is complex"}}},
		{"according to, after", "The company lost $5 million last year, according to Reuters.", [][3]string{reuters},
			[]want{{cue: "according to", source: "Reuters", claimant: "Reuters", content: "The company lost $5 million last year"}}},
		{"according to, before, unnamed", "According to officials, the plan failed.", nil,
			[]want{{cue: "According to", source: "officials", claimant: "", claimantText: "officials", content: "the plan failed"}}},
		{"negated wrongdoing is a denial", "Acme Corp said it did not spy on its customers.", [][3]string{acme},
			[]want{{cue: "said", claimant: "Acme Corp", stance: schema.Deny}}},
		{"a reported denial is a denial", `Acme Corp said it "denies that it or its subsidiaries committed any of the asserted violations".`, [][3]string{acme},
			[]want{{cue: "said", claimant: "Acme Corp", stance: schema.Deny}}},
		{"nothing to do with a wrong", "John Smith said Acme Corp had nothing to do with the hacking.", [][3]string{smith, acme},
			[]want{{cue: "said", claimant: "John Smith", stance: schema.Deny}}},
		{"nothing to do with anything else", "John Smith said the decision had nothing to do with money.", [][3]string{smith},
			[]want{{cue: "said", claimant: "John Smith", stance: schema.Say}}},
		{"a reported refusal is no denial", "Acme Corp said it denied him a loan.", [][3]string{acme},
			[]want{{cue: "said", claimant: "Acme Corp", stance: schema.Say}, {cue: "denied", stance: schema.Say}}},
		{"negation without wrongdoing stays say", "John Smith said he did not understand the question.", [][3]string{smith},
			[]want{{cue: "said", stance: schema.Say}}},
		{"no evidence for the allegations", "Acme Corp said there was no evidence for the allegations.", [][3]string{acme},
			[]want{{cue: "said", stance: schema.Deny, hedge: "no evidence"}}},
		{"accuse with target", "Amnesty International accused the United States of violating human rights.", [][3]string{amnesty, usa},
			[]want{{cue: "accused", claimant: "Amnesty International", stance: schema.Allege, target: "United States"}}},
		{"criticise with target", "Acme Corp criticised The Wall Street Journal for its reporting.", [][3]string{acme, wsj},
			[]want{{cue: "criticised", claimant: "Acme Corp", stance: schema.Criticise, target: "The Wall Street Journal"}}},
		{"coordinated cue shares the source", "John Smith said he was tired and criticised The Wall Street Journal for its reporting.", [][3]string{smith, wsj},
			[]want{{cue: "said", claimant: "John Smith", content: "he was tired"}, {cue: "criticised", claimant: "John Smith", source: "John Smith", target: "The Wall Street Journal"}}},
		{"participial cue shares the source", `"It depends," he told Sky News, admitting the firm was worried.`, [][3]string{skyNews},
			[]want{{cue: "told", source: "he", channel: "Sky News", content: "It depends"}, {cue: "admitting", source: "he", stance: schema.Acknowledge, content: "the firm was worried"}}},
		{"participle after a clause without a cue has the clause's subject", "The US Justice Department charged Acme Corp with bank fraud, accusing the company of helping Iran evade sanctions.",
			[][3]string{acme, usa, {"Justice Department", schema.Organization, schema.KindAgency}, {"Iran", schema.Place, schema.KindCountry}},
			[]want{{cue: "charged", claimant: "Justice Department", stance: schema.Allege, content: "bank fraud"},
				{cue: "accusing", source: "The US Justice Department", claimant: "Justice Department", stance: schema.Allege, content: "the company of helping Iran evade sanctions"}}},
		{"a dateline's outlet is no target", "LONDON (Sky News) - Shareholders accused the company's auditor of fraud.", [][3]string{skyNews},
			[]want{{cue: "accused", stance: schema.Allege, noTarget: true}}},
		{"the subject comes after a dateline", "WASHINGTON (Reuters) - Acme Corp agreed to buy 15 planes but said it would wait.", [][3]string{acme, reuters},
			[]want{{cue: "said", source: "Acme Corp", claimant: "Acme Corp", content: "it would wait"}}},
		{"reports citing a channel", "Acme Corp's chief executive has told that the firm is safe, reports citing Sky News.", [][3]string{acme, skyNews},
			[]want{{cue: "has told", claimantText: "Acme Corp's chief executive", channel: "Sky News", content: "the firm is safe"}}},
		{"interview with a channel", "In an interview with Reuters, Mr Smith said the deal was off.", [][3]string{reuters, mrSmith},
			[]want{{cue: "said", claimant: "Mr Smith", channel: "Reuters", content: "the deal was off"}}},
		{"definite description", "The NCSC published a report. The agency warned that attacks may rise.", [][3]string{ncsc},
			[]want{{cue: "warned", source: "The agency", claimant: "NCSC", stance: schema.Warn, hedge: "may", content: "attacks may rise"}}},
		{"admit", "John Smith runs Acme Corp. He admitted that mistakes were made.", [][3]string{smith, acme},
			[]want{{cue: "admitted", source: "He", claimant: "John Smith", stance: schema.Acknowledge}}},
		{"confirm, unnamed source", "Police confirmed that two people died.", nil,
			[]want{{cue: "confirmed", claimantText: "Police", stance: schema.Confirm, content: "two people died"}}},
		{"report", "Reuters reported that the deal was off.", [][3]string{reuters},
			[]want{{cue: "reported", claimant: "Reuters", stance: schema.Report}}},
		{"allegation by unnamed media", "Media reports claimed the firm helped spies.", nil,
			[]want{{cue: "claimed", source: "Media reports", claimantText: "Media reports", stance: schema.Allege, content: "the firm helped spies"}}},
		{"hedge reportedly", "Acme Corp reportedly said the deal was off.", [][3]string{acme},
			[]want{{cue: "said", hedge: "reportedly"}}},
		{"headline colon", `Acme Corp: "We never helped the FSB"`, [][3]string{acme, fsb},
			[]want{{cue: ":", claimant: "Acme Corp", content: "We never helped the FSB", stance: schema.Deny}}},
		{"apposition", "Eugene Kaspersky, the chief executive of Acme Corp, said the firm is safe.", [][3]string{{"Eugene Kaspersky", schema.Person, ""}, acme},
			[]want{{cue: "said", source: "Eugene Kaspersky, the chief executive of Acme Corp", claimant: "Eugene Kaspersky", content: "the firm is safe"}}},
		{"apposition, not inverted", "Wayne Jones, vice president at Acme Corp, said management wants to stay independent.", [][3]string{{"Wayne Jones", schema.Person, ""}, acme},
			[]want{{cue: "said", claimant: "Wayne Jones", content: "management wants to stay independent"}}},
		{"relative clause", "Acme Corp, which makes widgets, said it would close a plant.", [][3]string{acme},
			[]want{{cue: "said", source: "Acme Corp", claimant: "Acme Corp", content: "it would close a plant"}}},
		{"which said", "Profits rose at Acme Corp, which said its income rose 21 pct.", [][3]string{acme},
			[]want{{cue: "said", source: "which", claimant: "Acme Corp", claimantText: "Acme Corp", content: "its income rose 21 pct"}}},
		{"but said, after another verb", "Acme Corp agreed to buy 15 planes but said it would lease them.", [][3]string{acme},
			[]want{{cue: "said", source: "Acme Corp", claimant: "Acme Corp", content: "it would lease them"}}},
		{"possessive name", "Moody's said it took the action.", [][3]string{{"Moody's", schema.Organization, ""}},
			[]want{{cue: "said", source: "Moody's", claimant: "Moody's", content: "it took the action"}}},
		{"wire headline in capitals", "SYRIA SAYS ISRAEL BLOCKS CITRUS EXPORT FROM GAZA", nil,
			[]want{{cue: "SAYS", source: "SYRIA", content: "ISRAEL BLOCKS CITRUS EXPORT FROM GAZA"}}},
		{"parenthetical cue", "Instead, he argues, banks should hold more capital.", nil,
			[]want{{cue: "argues", source: "he", content: "banks should hold more capital"}}},
		{"inverted with a long source", `"Kodak perceives these businesses as its bread and butter," said Wertheim and Co analyst Michael Ellman.`, nil,
			[]want{{cue: "said", source: "Wertheim and Co analyst Michael Ellman", content: "Kodak perceives these businesses as its bread and butter"}}},
		{"nested attribution keeps the outer content whole", "Mr Smith stated that the firm did not help the FSB and that he did not believe the FSB had hacked it.", [][3]string{mrSmith, fsb},
			[]want{{cue: "stated", stance: schema.Deny, contains: []string{"did not believe the FSB had hacked it"}}, {cue: "did not believe", source: "he", claimant: "Mr Smith", content: "the FSB had hacked it"}}},
		{"quote over two sentences", `John Smith said: "We are sure. We are growing." Then he left.`, [][3]string{smith},
			[]want{{cue: "said", claimant: "John Smith", content: "We are sure. We are growing"}}},
		{"nested according to a news outlet", "John Smith said the plan would fail, according to Reuters.", [][3]string{smith, reuters},
			[]want{{cue: "said", claimant: "John Smith", channel: "Reuters", content: "the plan would fail"}, {cue: "according to", claimant: "Reuters"}}},
		{"a capital speaks for its country", "Russia sent a delegation. Moscow denied the report.",
			[][3]string{{"Russia", schema.Place, schema.KindCountry}, {"Moscow", schema.Place, schema.KindCity}},
			[]want{{cue: "denied", source: "Moscow", claimant: "Russia", stance: schema.Deny}}},
		{"a capital stays a city in a longer source", "Russia sent a delegation. Moscow officials denied the report.",
			[][3]string{{"Russia", schema.Place, schema.KindCountry}, {"Moscow", schema.Place, schema.KindCity}},
			[]want{{cue: "denied", source: "Moscow officials", stance: schema.Deny}}},
		{"a capital of a country the text does not name stays a city", "Moscow denied the report.",
			[][3]string{{"Moscow", schema.Place, schema.KindCity}},
			[]want{{cue: "denied", claimant: "Moscow", stance: schema.Deny}}},
		{"urge is a demand", "John Smith urged Acme Corp to raise wages.", [][3]string{smith, acme},
			[]want{{cue: "urged", claimant: "John Smith", stance: schema.Demand, content: "to raise wages"}}},
		{"demand", "Mr Smith demands that the mayor resign.", [][3]string{mrSmith},
			[]want{{cue: "demands", claimant: "Mr Smith", stance: schema.Demand, content: "the mayor resign"}}},
		{"pledge is a promise", `John Smith pledged: "We will cut taxes."`, [][3]string{smith},
			[]want{{cue: "pledged", claimant: "John Smith", stance: schema.Promise, content: "We will cut taxes"}}},
		{"praise with target", "Amnesty International praised Acme Corp for its openness.", [][3]string{amnesty, acme},
			[]want{{cue: "praised", claimant: "Amnesty International", stance: schema.Praise, target: "Acme Corp"}}},
		{"negated belief stays a belief", "John Smith does not think that the plan will work.", [][3]string{smith},
			[]want{{cue: "does not think", claimant: "John Smith", stance: schema.Believe, content: "the plan will work"}}},
		{"negated demand is say", "John Smith did not demand that the mayor resign.", [][3]string{smith},
			[]want{{cue: "did not demand", claimant: "John Smith", stance: schema.Say}}},
		{"stance-only verbs are no cues of the rules", "John Smith wants to expand, and Acme Corp plans to hire.", [][3]string{smith, acme}, nil},
		{"no attribution", "The company lost $5 million last year.", nil, nil},
		{"believed to is no belief", "Much of it is believed to have been embezzled.", nil, nil},
		{"relative belief has no speaker", "The firm wants to win back those who believe it may pose a risk.", nil, nil},
		{"noun claims are no cue", "The claims in the US have not been shared by the agencies in the UK.", nil, nil},
		{"noun reports are no cue", "Media reports about the company appeared in June.", nil, nil},
		{"weak verb without speech", "The company added 500 jobs last year.", nil, nil},
		{"cue inside a quote", `"There are no plans to warn anyone," the official wrote in a book.`, nil, nil},
		{"United States is no cue", "Acme Corp sells in the United States.", [][3]string{acme, usa}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := sentenceInput(tt.text, tt.ents...)
			out := Extract(in)
			checkOutput(t, in, out)
			name := map[string]string{}
			for _, e := range in.Entities {
				name[e.ID] = e.Name
			}
			if len(out.Claims) != len(tt.want) {
				for _, c := range out.Claims {
					t.Logf("got %s cue=%q src=%q content=%q", c.Stance, c.Cue.Text, c.Source.Text, c.Content.Text)
				}
				t.Fatalf("%d claims, want %d", len(out.Claims), len(tt.want))
			}
			for i, w := range tt.want {
				c := out.Claims[i]
				check := func(what, got, want string) {
					if want != "" && got != want {
						t.Errorf("claim %d %s = %q, want %q", i, what, got, want)
					}
				}
				check("cue", c.Cue.Text, w.cue)
				check("source", c.Source.Text, w.source)
				check("claimant", name[string(c.Claimant)], w.claimant)
				check("claimant text", c.ClaimantText, w.claimantText)
				check("stance", string(c.Stance), string(w.stance))
				check("content", c.Content.Text, w.content)
				check("channel", name[string(c.Channel)], w.channel)
				check("target", name[string(c.Target)], w.target)
				if w.noTarget && c.Target != "" {
					t.Errorf("claim %d target = %q, want none", i, name[string(c.Target)])
				}
				if w.claimantText != "" && w.claimant == "" && c.Claimant != "" {
					t.Errorf("claim %d claimant = %q, want none", i, c.Claimant)
				}
				for _, s := range w.contains {
					if !strings.Contains(c.Content.Text, s) {
						t.Errorf("claim %d content %q lacks %q", i, c.Content.Text, s)
					}
				}
				if w.hedge != "" {
					found := false
					for _, h := range c.Hedges {
						found = found || h.Text == w.hedge
					}
					if !found {
						t.Errorf("claim %d hedges %v lack %q", i, spans(c.Hedges), w.hedge)
					}
				}
			}
		})
	}
}

// TestExtractBadInput checks that broken input is survived, not trusted.
func TestExtractBadInput(t *testing.T) {
	in := sentenceInput("John Smith said the plan would fail.", smith)
	in.Entities = append(in.Entities, schema.Entity{ID: "x", Name: "X", Type: schema.Person,
		Mentions: []schema.Mention{{Span: schema.Span{Text: "?", Start: -5, End: 900}}}})
	in.Sentences = append(in.Sentences, in.Sentences[0])
	in.Sentences[1].Start, in.Sentences[1].End = 50, 10
	out := Extract(in)
	if len(out.Claims) != 1 {
		t.Errorf("%d claims, want 1", len(out.Claims))
	}
	if out := Extract(Input{}); len(out.Claims) != 0 {
		t.Errorf("empty input gave %d claims", len(out.Claims))
	}
	// Runes missing: computed from the document.
	in = sentenceInput("John Smith said the plan would fail.", smith)
	in.Runes = nil
	if out := Extract(in); len(out.Claims) != 1 {
		t.Errorf("nil runes: %d claims, want 1", len(out.Claims))
	}
}

// FuzzExtract checks that any text, with entities from the capitalised
// heuristic, gives valid output and never a panic.
func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		`"We did nothing wrong," said John Smith.`,
		"Media reports claimed the firm helped spies, according to Reuters.",
		`Acme: "x`, "said", `"`, "According to", "He told Sky News: \"A.\" \"B,\" he added",
		"The allegation was denied by , and criticised",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		in := capitalisedInput(s)
		out := Extract(in)
		checkOutput(t, in, out)
	})
}

func TestRelations(t *testing.T) {
	germany := [3]string{"Germany", schema.Place, schema.KindCountry}
	russia := [3]string{"Russia", schema.Place, schema.KindCountry}
	bsi := [3]string{"Federal Office for Information Security", schema.Organization, schema.KindAgency}
	fsbLong := [3]string{"Federal Security Service", schema.Organization, schema.KindAgency}
	tests := []struct {
		name string
		text string
		ents [][3]string
		want []string // "subject|predicate|object" by name
	}{
		{"country possessive", "Germany's Federal Office for Information Security (BSI) spoke.", [][3]string{germany, bsi},
			[]string{"Federal Office for Information Security|based in|Germany"}},
		{"demonym", "The Russian Federal Security Service spoke.", [][3]string{russia, fsbLong},
			[]string{"Federal Security Service|based in|Russia"}},
		{"demonym without a country entity", "The Russian Federal Security Service spoke.", [][3]string{fsbLong}, nil},
		{"role in apposition", "John Smith, chief executive of Acme Corp, spoke.", [][3]string{smith, acme},
			[]string{"John Smith|chief executive of|Acme Corp"}},
		{"role before the name", "Acme Corp spokesman John Smith spoke.", [][3]string{smith, acme},
			[]string{"John Smith|spokesperson for|Acme Corp"}},
		{"part of", "Acme Corp, a unit of Amnesty International, spoke.", [][3]string{acme, amnesty},
			[]string{"Acme Corp|part of|Amnesty International"}},
		{"role description resolved by name", "Kaspersky Lab's chief executive said the firm is safe. Eugene Kaspersky spoke.",
			[][3]string{{"Kaspersky Lab", schema.Organization, schema.KindCompany}, {"Eugene Kaspersky", schema.Person, ""}},
			[]string{"Eugene Kaspersky|chief executive of|Kaspersky Lab"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := sentenceInput(tt.text, tt.ents...)
			out := Extract(in)
			checkOutput(t, in, out)
			name := map[string]string{}
			for _, e := range in.Entities {
				name[e.ID] = e.Name
			}
			var got []string
			for _, r := range out.Relations {
				got = append(got, name[r.Subject]+"|"+r.Predicate+"|"+name[r.Object])
			}
			if strings.Join(got, ";") != strings.Join(tt.want, ";") {
				t.Errorf("relations %q, want %q", got, tt.want)
			}
		})
	}
}

// TestEveryStanceHasVerbs fails when a stance of the schema has no verb in
// the lexicon, or the lexicon gives a stance the schema does not know.
func TestEveryStanceHasVerbs(t *testing.T) {
	has := map[schema.Stance]bool{}
	for _, v := range verbs {
		if !v.stance.Valid() {
			t.Errorf("verb %q has unknown stance %q", v.lemma, v.stance)
		}
		has[v.stance] = true
	}
	for _, s := range schema.Stances {
		if !has[s] {
			t.Errorf("stance %q has no verb in the lexicon", s)
		}
	}
}

package claims

import (
	"strings"
	"testing"
	"unicode"

	"github.com/dossier-project/dossier/extract/attrib"
	"github.com/dossier-project/dossier/extract/text"
	"github.com/dossier-project/dossier/schema"
)

// TestRoles holds the source and content spans of claims as the PolNeAR
// guidelines draw them (issue 15), in sentences written for the test in
// the style of the corpus's news, run as the product runs (with the
// trained attribution model).
func TestRoles(t *testing.T) {
	m, err := attrib.Default()
	if err != nil {
		t.Fatal(err)
	}
	var (
		sanders = [3]string{"Bernie Sanders", schema.Person, ""}
		acme    = [3]string{"Acme Corp", schema.Organization, schema.KindCompany}
	)
	type want struct {
		cue, source, claimant, content string
	}
	tests := []struct {
		name, text string
		ents       [][3]string
		want       []want // the claims with these cues; "" claimant: not checked; source "-": no claim with the cue
	}{
		{"a relative pronoun is the source, its antecedent the claimant",
			"The crowd cheered for Bernie Sanders, who said the economy is rigged against working families.",
			[][3]string{sanders},
			[]want{{"said", "who", "Bernie Sanders", "the economy is rigged against working families"}}},
		{"which, of a company",
			"Shares fell at Acme Corp, which said its income dropped 21 percent.",
			[][3]string{acme},
			[]want{{"said", "which", "Acme Corp", "its income dropped 21 percent"}}},
		{"a cue only the model finds, after a relative pronoun",
			"Bernie Sanders, who wants to break up the big banks, spoke in Iowa on Monday.",
			[][3]string{sanders},
			[]want{{"wants", "who", "Bernie Sanders", "to break up the big banks"}}},
		{"a relative pronoun a few words before its cue",
			"Mitch McConnell, who has both endorsed Donald Trump and criticized his campaign, spoke on Tuesday.",
			[][3]string{{"Mitch McConnell", schema.Person, ""}, {"Donald Trump", schema.Person, ""}},
			[]want{{"endorsed", "who", "Mitch McConnell", "Donald Trump"}}},
		{"a participle after the main clause: the source of the cue before it",
			"The company wrote a long letter to the university's president last month, calling the two reports inaccurate and misleading.",
			nil,
			[]want{{"calling", "The company", "", "the two reports inaccurate and misleading"}}},
		{"a participle after the main clause: its subject",
			"Russia had long blocked the plan for a development bank, fearing it would become a tool of Chinese expansion.",
			nil,
			[]want{{"fearing", "Russia", "", "it would become a tool of Chinese expansion"}}},
		{"citing after a comma is a claim of the speaker",
			"Acme Corp said its profits fell in the quarter, citing lower oil prices.",
			[][3]string{acme},
			[]want{{"said", "Acme Corp", "Acme Corp", "its profits fell in the quarter"}, {"citing", "Acme Corp", "Acme Corp", "lower oil prices"}}},
		{"a participle before the main clause: the source after it",
			"In describing his rival, the billionaire said he sees a man without curiosity.",
			nil,
			[]want{{"In describing", "the billionaire", "", "his rival"}, {"said", "the billionaire", "", "he sees a man without curiosity"}}},
		{"a quotation before its cue does not run on past the cue into what is not quoted",
			"“She just made it up,” he said of the claim during a call to a radio show on Sunday.",
			nil,
			[]want{{"said", "he", "", "She just made it up"}}},
		{"a naming use of called is no claim",
			"The company showed off a robot called Tappy that answers questions from shoppers.",
			nil,
			[]want{{"called", "-", "", ""}}},
		{"nor is a group called X",
			"Hundreds of women have joined a group called Mothers Against Trump since the convention.",
			nil,
			[]want{{"called", "-", "", ""}}},
		{"calling something names still is",
			"Senator Smith called the plan a disgrace.",
			nil,
			[]want{{"called", "Senator Smith", "", "the plan a disgrace"}}},
		{"an object ends where a verb coordinated with the cue starts",
			"He denied the charges and counter-accused her of battery.",
			nil,
			[]want{{"denied", "He", "", "the charges"}}},
		{"and the coordinated verb's cue has the same source",
			"John Smith defended his mother and refused to repudiate the senators who had attacked her.",
			nil,
			[]want{{"defended", "John Smith", "", "his mother"}, {"refused to repudiate", "John Smith", "", "the senators who had attacked her"}}},
		{"an opening participle takes the subject after a quotation that closes its clause",
			"In declaring Donald Trump's statements as \"not Christian,\" the pope again demonstrated his knack for sticking to his message.",
			nil,
			[]want{{"declaring", "the pope", "", "Donald Trump's statements as \"not Christian,\""}}},
		{"and after a relative clause on its object",
			"In rejecting a similar challenge to the ballot for the state primary, which is scheduled for next week, the commission recognized that a court should decide.",
			nil,
			[]want{{"rejecting", "the commission", "", "a similar challenge to the ballot for the state primary"}}},
		{"an opening participle, the subject with an adverb",
			"Painting Trump as a threat to the workers' way of life, the materials directly echo the message of the party.",
			nil,
			[]want{{"Painting", "the materials", "", "Trump as a threat to the workers' way of life"}}},
		{"a finite cue takes the subject before a relative clause that holds a cue of its own",
			"Still, Petrilli, who thinks the administration made a power grab with its policies, called the new law much better than the old one.",
			nil,
			[]want{{"called", "Petrilli", "", "the new law much better than the old one"}}},
		{"or a quotation",
			"But the star journalist, who is promoting his 12th book, “Sin Miedo” (Without Fear), downplayed his influence among Hispanics.",
			nil,
			[]want{{"downplayed", "the star journalist", "", "his influence among Hispanics"}}},
		{"a participle after a comma says what the speaker of the attribution before it says",
			"“It will be the delegates who make the final decision,” Cruz said at a Buffalo, New York town hall event Thursday, hinting at his playbook for the nomination.",
			nil,
			[]want{{"hinting at", "Cruz", "", "his playbook for the nomination"}}},
		{"and without one, the subject of the clause it hangs on",
			"The fracas erupted two months after the real estate tycoon entered the race with harsh words about immigrants, calling them rapists.",
			nil,
			[]want{{"calling", "the real estate tycoon", "", "them rapists"}}},
		{"the subject of a raising cue is no speaker after an apposition either",
			"The new Canadian government, headed by Justin Trudeau, seems ready to come on board.",
			nil,
			[]want{{"seems", "", "", "The new Canadian government, headed by Justin Trudeau, seems ready to come on board"}}},
		{"a quotation ended by a question mark is what the speaker after it said",
			"\"Why in the world would you try to cozy up to George W. Bush?\" Lichtman said about McCain's effort to downplay his connections with Bush.",
			nil,
			[]want{{"said", "Lichtman", "", "Why in the world would you try to cozy up to George W. Bush?"}}},
		{"and one ended by an exclamation mark, before a cue with a recipient",
			"“I am not being paid!” LeVell told reporters at a rally in Macon.",
			nil,
			[]want{{"told", "LeVell", "", "I am not being paid!"}}},
		{"a quotation before its cue starts where it opens, sentences before",
			"GOP nominees John McCain and Mitt Romney “were stiff. They weren’t fun. There was no joy” in comparison to Obama, Gingrich said.",
			nil,
			[]want{{"said", "Gingrich", "", "were stiff. They weren’t fun. There was no joy” in comparison to Obama"}}},
		{"a verb in a list of verbs has the subject of the verb before it",
			"Sanders wins R.I., vows to press on to next primary.",
			nil,
			[]want{{"vows", "Sanders", "", "to press on to next primary"}}},
		{"a finite cue after a relative clause has the antecedent for source, not a noun inside the clause",
			"Marco Rubio, whose hometown, Miami, is projected to be largely underwater as the sea level rises, argues that government efforts to combat it will destroy our economy.",
			nil,
			[]want{{"argues", "Marco Rubio", "", "government efforts to combat it will destroy our economy"}}},
		// The sentence of the corpus ends "Sanders jabbed at Clinton on
		// that same topic on Monday": the model's second stage (extract/attrib,
		// -stack) does not take the rare "jabbed at" for a cue, and without a
		// cue there the content runs on to the end; a frequent cue stands in.
		{"a quotation that opens right after its cue is the content, not the clause before the cue",
			"Two weeks after Clinton lost her cool on a rope line, jabbing her finger at an activist as she angrily said, “I am so sick of the Sanders campaign lying” about her environmental record, Sanders told reporters on Monday.",
			nil,
			[]want{{"said", "she", "", "“I am so sick of the Sanders campaign lying” about her environmental record"}}},
		{"a clause keeps its and",
			"The company said it has debt and has no cash.",
			nil,
			[]want{{"said", "The company", "", "it has debt and has no cash"}}},
		{"a relative clause on the object is not part of it",
			"The governor praised the new law, which raises the minimum wage to $15 an hour.",
			nil,
			[]want{{"praised", "The governor", "", "the new law"}}},
		{"one on the subject of a clause is",
			"Cameron suggested the billionaire, who is now the party's nominee, would unite Britain against him.",
			nil,
			[]want{{"suggested", "Cameron", "", "the billionaire, who is now the party's nominee, would unite Britain against him"}}},
		{"a content ends before a cue of the same speaker coordinated with its own",
			"The senator conceded that his aide had touched her but implied that it was her fault.",
			nil,
			[]want{{"conceded", "The senator", "", "his aide had touched her"}, {"implied", "The senator", "", "it was her fault"}}},
		{"a quotation in doubled apostrophes goes on in the next sentence",
			"''I loved it,'' she said. ''I was so happy the candidate noticed us.''",
			nil,
			[]want{{"said", "she", "", "''I loved it,'' she said. ''I was so happy the candidate noticed us."}}},
		{"and after a source with its apposition, over several sentences",
			"''We were not very happy when it was first announced,'' said Jock Finlayson, head of policy at the council. ''Now it works. I think most of us like it.''",
			nil,
			[]want{{"said", "Jock Finlayson", "", "''We were not very happy when it was first announced,'' said Jock Finlayson, head of policy at the council. ''Now it works. I think most of us like it."}}},
		{"a relative clause in a clause content stays (Reuters)",
			"The company said the plan calls for the sale of substantially all of its assets to a new company, which will retain the name American Adventure Inc.",
			nil,
			[]want{{"said", "The company", "", "the plan calls for the sale of substantially all of its assets to a new company, which will retain the name American Adventure Inc."}}},
		{"an and that joins clauses within a content gives the cue after it no speaker (Reuters)",
			"Melamed added a special advisory committee has been studying trading conditions for six months and is expected to submit a list of recommendations within 30 days.",
			nil,
			[]want{{"added", "Melamed", "", "a special advisory committee has been studying trading conditions for six months and is expected to submit a list of recommendations within 30 days"}}},
		{"an infinitive of purpose has the subject of its clause for source",
			"A dozen factory workers gathered at a bar on Main Street to talk about the decades they had spent at the plant.",
			nil,
			[]want{{"to talk about", "A dozen factory workers", "", "the decades they had spent"}}},
		{"not an object the model takes for it",
			"The governor met privately with the mayor on Friday to discuss the budget.",
			nil,
			[]want{{"to discuss", "The governor", "", "the budget"}}},
		{"a participle clause that opens the sentence after a conjunction has the subject after it",
			"But after focusing her attention on rural issues, Clinton delivered a message on Sunday.",
			nil,
			[]want{{"focusing her attention on", "Clinton", "", "rural issues"}}},
		{"and a participle later in such a clause",
			"After spending the past week bickering over whether the other is qualified, Clinton on Monday ripped into Sanders.",
			nil,
			[]want{{"bickering over", "Clinton", "", "whether the other is qualified"}}},
		{"an apposition after an inverted source is the source's, not what was said",
			"The deal will not last, said Ann Sherman, a Georgetown graduate whose aggressiveness has driven less energetic reporters off the beat.",
			nil,
			[]want{{"said", "Ann Sherman", "", "The deal will not last"}}},
		{"a parenthetical cue: the content goes on across it",
			"Things have changed over the years, she says, especially since social media arrived.",
			nil,
			[]want{{"says", "she", "", "Things have changed over the years, she says, especially since social media arrived"}}},
		{"a cue after a relative clause that holds a cue of its own: the antecedent, not the pronoun",
			"Graham, who says the United States and allies should contribute ground forces to the battle, tweeted that the president's strategy will not destroy ISIL.",
			nil,
			[]want{{"says", "who", "", "the United States and allies should contribute ground forces to the battle"}, {"tweeted", "Graham", "", "the president's strategy will not destroy ISIL"}}},
		{"the object of a cue is the relative pronoun before its source",
			"Behind the elements of a brewing trade war which neither side wants, is the dilemma of the U.S. budget and its deficit.",
			nil,
			[]want{{"wants", "neither side", "", "which"}}},
		{"a participle after a comma: not the object of the verb before it",
			"Fiorina was upfront about her distaste for Donald Trump, the current GOP front-runner, saying conservatives need to band together to stop him.",
			nil,
			[]want{{"saying", "Fiorina", "", "conservatives need to band together to stop him"}}},
		{"a participle after a comma: the subject, not the adverb that opens the sentence",
			"Then she shattered party norms, pledging that her father would revolutionize support for workers.",
			nil,
			[]want{{"pledging", "she", "", "her father would revolutionize support for workers"}}},
		{"a participle after a comma: the subject, not the time phrase that opens the sentence",
			"On Thursday evening Hillary Clinton delivered her acceptance speech as the Democratic nominee, seeking to prove her credentials while painting her chief opponent as unfit.",
			nil,
			[]want{{"seeking to prove", "Hillary Clinton", "", "her credentials while painting her chief opponent as unfit"}}},
		{"a cue set off by commas inside what was said: the content goes on after it",
			"What really got under her skin, she said, was a question at a televised town hall last week.",
			nil,
			[]want{{"said", "she", "", "What really got under her skin, she said, was a question at a televised town hall last week"}}},
		{"an adverb the model takes for the source names no one",
			"The issue was inconclusively discussed in yesterday's meetings of the major industrial nations.",
			nil,
			[]want{{"discussed", "", "", "The issue"}}},
		{"a conjunction that opens the sentence is no subject of a participle",
			"But even after approving the numbers, the deficit for 1987 is estimated at over 170 billion dlrs.",
			nil,
			[]want{{"approving", "", "", "the numbers"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := sentenceInput(tt.text, tt.ents...)
			in.Model = m
			out := Extract(in)
			checkOutput(t, in, out)
			name := map[string]string{}
			for _, e := range in.Entities {
				name[e.ID] = e.Name
			}
		next:
			for _, w := range tt.want {
				if w.source == "-" {
					for _, c := range out.Claims {
						if c.Cue.Text == w.cue {
							t.Errorf("a claim with the cue %q: source %q, content %q", w.cue, c.Source.Text, c.Content.Text)
						}
					}
					continue
				}
				for _, c := range out.Claims {
					if c.Cue.Text != w.cue {
						continue
					}
					if c.Source.Text != w.source {
						t.Errorf("%s: source %q, want %q", w.cue, c.Source.Text, w.source)
					}
					if w.claimant != "" && name[string(c.Claimant)] != w.claimant {
						t.Errorf("%s: claimant %q, want %q", w.cue, name[string(c.Claimant)], w.claimant)
					}
					if c.Content.Text != w.content {
						t.Errorf("%s: content %q, want %q", w.cue, c.Content.Text, w.content)
					}
					continue next
				}
				for _, c := range out.Claims {
					t.Logf("got %s cue=%q src=%q content=%q", c.Stance, c.Cue.Text, c.Source.Text, c.Content.Text)
				}
				t.Errorf("no claim with the cue %q", w.cue)
			}
		})
	}
}

// TestRaising holds which cues have a subject that is no speaker ("The
// court seemed ready to rule", "Clinton is not expected to attend"): the
// pass then gives the model's cue no source and puts the subject in the
// content.
func TestRaising(t *testing.T) {
	tests := []struct {
		sentence string
		cs, ce   int // the cue's words
		want     bool
	}{
		{"The court seemed ready to rule against the unions", 2, 3, true},
		{"Hillary Clinton is not expected to attend the dinner", 2, 5, true},
		{"The new government appears to have backed down", 3, 5, true},
		{"Many Republicans seem to be hoping for a change", 2, 6, false},
		{"The plan is expected by analysts to fail", 2, 4, false},
		{"Mr. Trump seemed to blame the victims", 2, 5, false},
		// A passive "known" or "expected" without its be-form inside the
		// cue, and the writer's "reportedly".
		{"A developer known to be bullish on golf", 2, 3, true},
		{"The group is best known for its focus", 4, 6, true},
		{"Russia has long been known for such warfare", 4, 5, true},
		{"FED EXPECTED TO TAKE NO MONEY MARKET ACTION", 1, 2, true},
		{"Hog prices expected 0.50 dlr higher", 2, 3, true},
		{"Meg Whitman has reportedly been critical of Trump", 3, 4, true},
		{"It has been known for some time that the book was coming", 3, 4, false}, // an expletive "it"
		{"Most economists expected the Federal Reserve to act", 2, 3, false},      // active, with its object
		{"They initially expected a win", 2, 3, false},
		{"He has known about it for years", 2, 3, false},
		{"with Trump reportedly yelling at them", 2, 3, false},
	}
	for _, tt := range tests {
		var ts []tok
		for _, w := range strings.Fields(tt.sentence) {
			ts = append(ts, tok{text: w, low: strings.ToLower(w)})
		}
		if got := raising(ts, tt.cs, tt.ce); got != tt.want {
			t.Errorf("%q, cue %q: raising %v, want %v", tt.sentence, strings.Join(strings.Fields(tt.sentence)[tt.cs:tt.ce], " "), got, tt.want)
		}
	}
}

// TestRefusalsAreNoClaims holds that a refusal to comment ("declined to
// comment", "had no comment", "would not comment on speculation that
// ...") is no claim: it has no content, and what it is about is no claim
// of the one who refuses. A statement the same speaker makes
// beside it stays, with its content ending before the refusal. Sentences
// written for the test in the style of news agency copy; each of the
// shapes was met in Reuters-21578 stories.
func TestRefusalsAreNoClaims(t *testing.T) {
	m, err := attrib.Default()
	if err != nil {
		t.Fatal(err)
	}
	type want struct{ cue, source, content string }
	tests := []struct {
		text string
		want []want // every claim of the sentence
	}{
		{"Meta declined to comment.", nil},
		{"The company declined further comment on Tuesday.", nil},
		{"Acme Corp has not commented on the offer.", nil},
		{"A Cyclops spokeswoman said the company had no immediate comment on the sweetened bid.", nil},
		{"The minister declined to say how much the plan would cost.", nil},
		// The speculation or the reports that a refusal is about are
		// claims of nobody named, never of the one who refuses.
		{"The spokesman would not comment on recurring speculation that the board might receive a higher offer from Chrysler.",
			[]want{{"speculation", "", "the board might receive a higher offer from Chrysler"}}},
		{"The agency refused to comment on reports that its director would resign.",
			[]want{{"reports", "", "its director would resign"}}},
		{"“We have no comment at all,” he said.", nil},
		{"The company declined to comment but said it had fixed the flaw.",
			[]want{{"said", "The company", "it had fixed the flaw"}}},
		{"A KLM spokeswoman said the airline would offer a minority stake to its rival, but declined to elaborate on the talks.",
			[]want{{"said", "A KLM spokeswoman", "the airline would offer a minority stake to its rival"}}},
	}
	for _, tt := range tests {
		in := sentenceInput(tt.text)
		in.Model = m
		out := Extract(in)
		checkOutput(t, in, out)
		var got []want
		for _, c := range out.Claims {
			got = append(got, want{c.Cue.Text, c.Source.Text, c.Content.Text})
		}
		if len(got) != len(tt.want) {
			t.Errorf("%q: claims %q, want %q", tt.text, got, tt.want)
			continue
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Errorf("%q: claim %q, want %q", tt.text, got[i], tt.want[i])
			}
		}
	}
}

// TestNamingIsNoClaim holds that a clause that names something ("which
// the researchers dubbed “KeyJack”", "known as Lazarus", "a unit, called
// Irving Trust, will") is no claim, while calling someone something still
// is; nor is a call that convenes ("called a general strike"), whose
// source a cue coordinated with it still takes. Sentences written for the
// test in the style of news copy; each shape was met in Reuters-21578
// stories or the probes of the example's users.
func TestNamingIsNoClaim(t *testing.T) {
	m, err := attrib.Default()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		text string
		cue  string // the one claim's cue, "" for none
	}{
		{"The attack used a flaw in the login page, which the researchers dubbed “KeyJack”.", ""},
		{"The malware, known as Lazarus, has been linked to North Korea.", ""},
		{"A second tool, called BlackRose by the firm, was also found.", ""},
		{"The company, formerly known as General Tire and Rubber Co, also has a tire business.", ""},
		{"The bank said a new subsidiary, called Irving Trust Co California, will begin operations tomorrow.", "said"},
		{"The new division will be called Smith International and will be headquartered in Houston.", ""},
		{"Consolidated Freightways said it has formed a new regional carrier called Con-Way Southern Express.", "said"},
		{"The company named Goldman, Sachs and Co and Lazard Freres and Co as managing underwriters of the offering.", "named"},
		{"Senator Smith called the plan a disgrace.", "called"},
		{"The aid package, called the Canadian Exploration Incentive Program, will restrict the tax breaks.", ""},
		// A call that convenes is no claim either.
		{"Ecuador's union federations called a general strike for next Wednesday.", ""},
		{"Union elections were called following the resignation of the president.", ""},
		{"The ministry called in the president of the largest chip maker on Tuesday.", ""},
		{"The directors of the company called a special meeting and recommended its dissolution.", "recommended"},
		{"Ketchum called “triple witching days” -- the Fridays each quarter when futures expire -- a “relatively minor question”.", "called"},
	}
	for _, tt := range tests {
		in := sentenceInput(tt.text)
		in.Model = m
		out := Extract(in)
		checkOutput(t, in, out)
		var cues []string
		for _, c := range out.Claims {
			cues = append(cues, c.Cue.Text)
		}
		if tt.cue == "" && len(cues) > 0 || tt.cue != "" && (len(cues) != 1 || cues[0] != tt.cue) {
			t.Errorf("%q: claims with the cues %q, want %q", tt.text, cues, tt.cue)
		}
	}
}

func TestParticipleCues(t *testing.T) {
	toks := func(ws ...string) []tok {
		var ts []tok
		for _, w := range ws {
			ts = append(ts, tok{low: w, text: w})
		}
		return ts
	}
	for _, c := range []struct {
		cue  []string
		want bool
	}{
		{[]string{"calling"}, true},
		{[]string{"strongly", "disputing"}, true},
		{[]string{"referring", "to"}, true}, // the particle after it: the source of "“A,” Ramos said, referring to X" is Ramos
		{[]string{"calling", "for"}, true},
		{[]string{"in", "describing"}, true},
		{[]string{"according", "to"}, false},
		{[]string{"said"}, false},
		{[]string{"has", "been", "saying"}, false},
	} {
		if got := participle(toks(c.cue...)); got != c.want {
			t.Errorf("participle(%q) = %v, want %v", c.cue, got, c.want)
		}
	}
}

func TestDashColon(t *testing.T) {
	// The rules alone: the model finds some of these itself.
	for _, tt := range []struct{ text, source, content string }{
		{"The demographic interplay has been important for Republican contests - Philip Bump: “Two weeks ago, his strongest territory had been the South.”",
			"Philip Bump", "Two weeks ago, his strongest territory had been the South"},
		{"Why polls of minorities are problematic - Pew Research: “All the samples evaluated include more engaged people.”",
			"Pew Research", "All the samples evaluated include more engaged people"},
		{"The index rose 2 pct - economists said the rise was small.", "", ""},
		{"Sales rose - the company: growth was strong.", "", ""},
	} {
		in := sentenceInput(tt.text)
		out := Extract(in)
		checkOutput(t, in, out)
		var got *schema.Claim
		for i, c := range out.Claims {
			if c.Cue.Text == ":" {
				got = &out.Claims[i]
			}
		}
		switch {
		case tt.source == "" && got != nil:
			t.Errorf("%q: a colon claim %+v, want none", tt.text, got)
		case tt.source != "" && got == nil:
			t.Errorf("%q: no colon claim", tt.text)
		case got != nil && (got.Source.Text != tt.source || got.Content.Text != tt.content):
			t.Errorf("%q: source %q content %q, want %q, %q", tt.text, got.Source.Text, got.Content.Text, tt.source, tt.content)
		}
	}
}

func TestAgentlessPassive(t *testing.T) {
	m, err := attrib.Default()
	if err != nil {
		t.Fatal(err)
	}
	x := &extractor{in: Input{Model: m}}
	toks := func(ws ...string) []tok {
		var ts []tok
		for _, w := range ws {
			ts = append(ts, tok{low: w, text: w})
		}
		return ts
	}
	for _, c := range []struct {
		words  []string
		cs, ce int
		want   bool
	}{
		{[]string{"sanders", "is", "widely", "seen", "as", "the", "favourite"}, 1, 4, true},
		{[]string{"kenneth", "blackman", "was", "named", "vice", "president"}, 2, 4, true},
		{[]string{"the", "plan", "was", "criticised", "by", "the", "union"}, 2, 4, false}, // its agent after "by"
		{[]string{"voters", "were", "shocked"}, 1, 3, false},                              // a feeling: the voters are the source
		{[]string{"raymond", "was", "quoted", "as", "saying"}, 1, 3, false},               // the speaker
		{[]string{"he", "said"}, 1, 2, false},
	} {
		if got := x.agentlessPassive(toks(c.words...), c.cs, c.ce); got != c.want {
			t.Errorf("agentlessPassive(%q) = %v, want %v", c.words[c.cs:c.ce], got, c.want)
		}
	}
}

// TestPassiveHearerIsNoSource holds that the subject of a passive verb
// that takes the hearer ("he was told", "Shareholders are being asked",
// "European Facebook users were told") is never the source of the claim,
// while an agent after "by" is. Sentences written for the test in the
// style of Reuters-21578 stories that had the hearer as source.
func TestPassiveHearerIsNoSource(t *testing.T) {
	m, err := attrib.Default()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		text, hearer, agent string // agent: a claim must have it as source ("" none)
	}{
		{"European Facebook users were told to change their passwords.", "European Facebook users", ""},
		{"Funaro said, however, he was told creditors understand Brazil's position.", "he", ""},
		{"Shareholders are being asked to approve an amendment to the company's certificate.", "Shareholders", ""},
		{"Credit Suisse has been ordered to freeze accounts involved in an insider trading case.", "Credit Suisse", ""},
		{"Mark IV said it was later told by Baird that Baird had given no such assurance.", "it", "Baird"},
	}
	for _, tt := range tests {
		in := sentenceInput(tt.text)
		in.Model = m
		out := Extract(in)
		checkOutput(t, in, out)
		found := tt.agent == ""
		for _, c := range out.Claims {
			if c.Source.Text == tt.hearer {
				t.Errorf("%q: claim %q has the hearer %q as its source", tt.text, c.Cue.Text, tt.hearer)
			}
			found = found || c.Source.Text == tt.agent
		}
		if !found {
			t.Errorf("%q: no claim with the source %q", tt.text, tt.agent)
		}
	}
}

// TestDatelineIsNoContent holds that a story's dateline is not part of
// what the first sentence's speaker said, while capitals before a dash
// that make no dateline stay.
func TestDatelineIsNoContent(t *testing.T) {
	m, err := attrib.Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ text, cue, content string }{
		{"WASHINGTON, March 3 (Reuters) - Hackers stole data from millions of accounts in Europe, security researchers said.",
			"said", "Hackers stole data from millions of accounts in Europe"},
		{"RIO DE JANEIRO, March 18 - Brazil's gross domestic product rose 8.2 pct in real terms last year, the government said.",
			"said", "Brazil's gross domestic product rose 8.2 pct in real terms last year"},
		{"MEDIQ Inc said its MEDIQ Imaging Partners - I LP has signed a letter of intent to buy the assets.",
			"said", "its MEDIQ Imaging Partners - I LP has signed a letter of intent to buy the assets"},
	} {
		in := sentenceInput(tt.text)
		in.Model = m
		out := Extract(in)
		checkOutput(t, in, out)
		found := false
		for _, c := range out.Claims {
			if c.Cue.Text == tt.cue {
				found = true
				if c.Content.Text != tt.content {
					t.Errorf("%q: content %q, want %q", tt.text, c.Content.Text, tt.content)
				}
			}
		}
		if !found {
			t.Errorf("%q: no claim with the cue %q", tt.text, tt.cue)
		}
	}
}

func TestParticipleAfterBut(t *testing.T) {
	m, err := attrib.Default()
	if err != nil {
		t.Fatal(err)
	}
	in := sentenceInput(`The Sanders campaign on Monday doubled down on its attacks on Clinton's fitness to be president, saying she's experienced "on paper" but suggesting that might not be enough.`)
	in.Model = m
	out := Extract(in)
	checkOutput(t, in, out)
	src := map[string]string{}
	for _, c := range out.Claims {
		src[c.Cue.Text] = c.Source.Text
	}
	if src["saying"] == "" || src["suggesting"] != src["saying"] {
		t.Errorf("the participle after 'but' has the source %q, the one before it %q: want the same", src["suggesting"], src["saying"])
	}
}

func TestClosedBefore(t *testing.T) {
	toks := func(s string) []tok {
		var ts []tok
		for _, w := range strings.Fields(s) {
			ts = append(ts, tok{low: w, text: w})
		}
		return ts
	}
	for _, c := range []struct {
		text   string
		r, cs  int
		closed bool
	}{
		{"hoff , who declined to comment , proposes", 2, 7, true},  // the main clause's cue: the antecedent is the source
		{"reid , who endorsed clinton , reiterated", 2, 6, true},   //
		{"sanders , who thinks", 2, 3, false},                      // the clause's own cue: the pronoun is the source span
		{"mcconnell , who has both endorsed trump", 2, 5, false},   //
		{"broaddrick , who said so , recounted it", 2, 6, true},    //
		{"hoff , who declined to comment -- proposes", 2, 7, true}, //
		{"the senator , who on tuesday endorsed her", 3, 7, false}, //
	} {
		if got := closedBefore(toks(c.text), c.r, c.cs); got != c.closed {
			t.Errorf("closedBefore(%q, %d, %d) = %v, want %v", c.text, c.r, c.cs, got, c.closed)
		}
	}
}

// TestCallsOnIsDemand holds that "called on X to" and "calls for" are
// demands when the model's cue stops before "on" or "for", and that
// "called on Monday" is not made one.
func TestCallsOnIsDemand(t *testing.T) {
	m, err := attrib.Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		text string
		want schema.Stance
	}{
		{"Prime Minister Brian Mulroney called on Americans to pressure Congress in the fight against acid rain.", schema.Demand},
		{"Later in the week, Mulford too said there was no target for the dollar and called on Japan and West Germany to live up to their responsibilities.", schema.Demand},
	} {
		in := sentenceInput(tt.text)
		in.Model = m
		out := Extract(in)
		checkOutput(t, in, out)
		found := false
		for _, c := range out.Claims {
			if strings.HasPrefix(c.Cue.Text, "called") {
				found = true
				if c.Stance != tt.want {
					t.Errorf("%q: cue %q stance %s, want %s", tt.text, c.Cue.Text, c.Stance, tt.want)
				}
			}
		}
		if !found {
			t.Errorf("%q: no claim with a cue of call", tt.text)
		}
	}
	var ts []tok
	for _, w := range strings.Fields("He called on Monday to say the plan was dead") {
		ts = append(ts, tok{text: w, low: strings.ToLower(w)})
	}
	if callsOn(ts, 2) {
		t.Error("called on Monday: a demand")
	}
}

// TestDoubledApostropheQuotes holds that the New York Times' doubled
// apostrophes open a quotation as well as close it: a cue inside the
// quotation is no attribution of its own (with the rules alone and with
// the model), the content of the cue before it runs over the quotation,
// and the model's content fragments are joined across a cue inside a
// quotation.
func TestDoubledApostropheQuotes(t *testing.T) {
	const s = "A few minutes later, the senator added: ''I told you the plan would fail. Well, it did, and nobody listened.''"
	runes := []rune(s)
	for _, c := range []struct {
		at          string
		open, close bool
	}{
		{"''I", true, false},
		{"listened.''", false, true},
	} {
		k := len([]rune(s[:strings.Index(s, c.at)]))
		if c.at[0] != '\'' {
			k += len([]rune(c.at)) - 2
		}
		o, cl := quoteKind(runes, text.Token{Text: "'", Start: k, End: k + 1})
		if o != c.open || cl != c.close {
			t.Errorf("%q: first apostrophe open %v close %v, want %v %v", c.at, o, cl, c.open, c.close)
		}
	}
	m, err := attrib.Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, withModel := range []bool{false, true} {
		in := sentenceInput(s)
		if withModel {
			in.Model = m
		}
		out := Extract(in)
		checkOutput(t, in, out)
		added := false
		for _, c := range out.Claims {
			switch c.Cue.Text {
			case "told":
				t.Errorf("model %v: a cue inside the quotation: %q", withModel, c.Content.Text)
			case "added":
				added = true
				if !strings.Contains(c.Content.Text, "nobody listened") {
					t.Errorf("model %v: content of added %q, want the quotation", withModel, c.Content.Text)
				}
			}
		}
		if !added {
			t.Errorf("model %v: no claim with the cue added", withModel)
		}
	}
	const p = "''When you talk to the voters in this district, and I am one of them, you feel that they have been ignored for years,'' said Mary Hollis, a county official, of the long campaign."
	in := sentenceInput(p)
	in.Model = m
	out := Extract(in)
	checkOutput(t, in, out)
	for _, c := range out.Claims {
		if c.Cue.Text == "said" && !strings.Contains(c.Content.Text, "ignored for years") {
			t.Errorf("content of said %q, want the whole quotation", c.Content.Text)
		}
		if c.Cue.Text == "feel" || c.Cue.Text == "talk" {
			t.Errorf("a cue inside the quotation: %q", c.Cue.Text)
		}
	}
}

// TestJoinFragmentsInQuotation holds that the model's content fragments
// are joined across another cue inside a quotation (a quotation the model
// split at "did feel" is one content of "said"), not across one outside.
func TestJoinFragmentsInQuotation(t *testing.T) {
	for _, c := range []struct {
		text, cue, other string
		frags            []string
		whole            bool
	}{
		{"''When you talk to voters here, you did feel that the plan was doomed,'' said Mary Hollis of the campaign.", "said", "did feel",
			[]string{"''When you talk to voters here, you", "that the plan was doomed,''"}, true},
		{"“When you talk to voters here, you did feel that the plan was doomed,” said Mary Hollis of the campaign.", "said", "did feel",
			[]string{"“When you talk to voters here, you", "that the plan was doomed,”"}, true},
		{"When you talk to voters here, you did feel that the plan was doomed, said Mary Hollis of the campaign.", "said", "did feel",
			[]string{"When you talk to voters here, you", "that the plan was doomed"}, false},
	} {
		in := sentenceInput(c.text)
		x := &extractor{in: in, runes: in.Runes}
		x.findQuotes()
		ts := x.makeToks(0)
		span := func(s string) [2]int {
			k := len([]rune(c.text[:strings.Index(c.text, s)]))
			return [2]int{k, k + len([]rune(s))}
		}
		f := attrib.Found{Cue: span(c.cue)}
		for _, fr := range c.frags {
			f.Content = append(f.Content, span(fr))
		}
		cs, ce := tokRange(ts, f.Cue[0], f.Cue[1])
		isCue := make([]bool, len(ts))
		cueAt := make([]int, len(ts)+1)
		oa, ob := tokRange(ts, span(c.other)[0], span(c.other)[1])
		for k := range ts {
			isCue[k] = k >= cs && k < ce || k >= oa && k < ob
			cueAt[k+1] = cueAt[k]
			if isCue[k] {
				cueAt[k+1]++
			}
		}
		_, kb, whole := joinFragments(f, ts, cs, ce, cueAt, isCue)
		if whole != c.whole {
			t.Errorf("%q: whole %v, want %v (content to %q)", c.text, whole, c.whole, ts[kb-1].text)
		}
	}
}

// TestSubjectInContent holds that a subject the model took into the
// content of an active cue (a progressive, a participle of feeling, an
// active verb) is read as its source, and that the subject of a raising
// verb or a passive stays in the content, as the corpus has it.
func TestSubjectInContent(t *testing.T) {
	m, err := attrib.Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		text, cue string
		frags     []string
		want      string
	}{
		{"He was referring to a controversy over the ports.", "was referring to", []string{"He", "a controversy over the ports"}, "He"},
		{"Not everyone is convinced the issue will matter in Iowa.", "is convinced", []string{"Not everyone", "the issue will matter in Iowa"}, "Not everyone"},
		{"The campaign's lawyers were pleased with the outcome.", "were pleased with", []string{"The campaign's lawyers", "the outcome"}, "The campaign's lawyers"},
		{"The statement provided a partial look at the inquiry.", "provided", []string{"The statement", "a partial look at the inquiry"}, "The statement"},
		{"The court seemed ready to rule against the union.", "seemed", []string{"The court", "ready to rule against the union"}, ""},
		{"Mr. Hale was formally nominated as the party's candidate.", "was formally nominated", []string{"Mr. Hale", "as the party's candidate"}, ""},
		{"Mrs. Lyle was appointed to the court in 1993.", "was appointed", []string{"Mrs. Lyle", "to the court in 1993"}, ""},
		{"The country described by the president is strong.", "described", []string{"The country", "is strong"}, ""},
		{"\"We are ready,\" tweeted a user from Hanover.", "tweeted", []string{"\"We are ready,\"", "a user"}, ""},
		{"Xi and Putin signed a treaty designed to balance their interests.", "designed", []string{"Xi and Putin signed a treaty", "to balance their interests"}, ""},
	} {
		in := sentenceInput(c.text)
		in.Model = m
		x := &extractor{in: in, runes: in.Runes}
		x.findQuotes()
		ts := x.makeToks(0)
		span := func(s string) [2]int {
			k := len([]rune(c.text[:strings.Index(c.text, s)]))
			return [2]int{k, k + len([]rune(s))}
		}
		f := attrib.Found{Cue: span(c.cue)}
		for _, fr := range c.frags {
			f.Content = append(f.Content, span(fr))
		}
		cs, ce := tokRange(ts, f.Cue[0], f.Cue[1])
		got := ""
		if a, b := x.subjectInContent(f, ts, cs, ce); b > a {
			got = string(in.Runes[ts[a].start:ts[b-1].end])
		}
		if got != c.want {
			t.Errorf("%q: source %q, want %q", c.text, got, c.want)
		}
	}
}

// TestSubjectAfterOpeningPhrase holds that the subject of a sentence is
// read after an opening phrase of a preposition or a subordinator, however
// long, and after a dateline's dash, not as the phrase's first word ("As",
// "Beyond", "On", "WASHINGTON").
func TestSubjectAfterOpeningPhrase(t *testing.T) {
	m, err := attrib.Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ text, cue, source string }{
		{"Beyond the security-camera footage, the affidavit cited interviews with the neighbours and said that the officer had seen bruises on her arm.", "said", "the affidavit"},
		{"As is the custom, the brief order gave no reasons and did not say how the justices had voted.", "did not say", "the brief order"},
		{"WASHINGTON ― After bragging for a year about how cheaply he was running his campaign, Donald Trump is spending more freely now.", "bragging for a year about", "Donald Trump"},
		{"On the eve of his election to a fourth term as mayor in March, Hale rallied supporters by warning darkly that the city was in danger.", "warning darkly", "Hale"},
	} {
		in := sentenceInput(c.text)
		in.Model = m
		out := Extract(in)
		checkOutput(t, in, out)
		found := false
		for _, cl := range out.Claims {
			if cl.Cue.Text == c.cue {
				found = true
				if cl.Source.Text != c.source {
					t.Errorf("%q: source of %q is %q, want %q", c.text, c.cue, cl.Source.Text, c.source)
				}
			}
		}
		if !found {
			t.Errorf("%q: no claim with the cue %q", c.text, c.cue)
		}
	}
}

// TestAdverbialAfterSaying holds that an adverbial after a verb of saying
// whose source follows what was said is not its content ("“...,” she said
// over breakfast"): the content is what went before, with the rules alone
// and with the model; a verb of an infinitive keeps its content after it.
func TestAdverbialAfterSaying(t *testing.T) {
	m, err := attrib.Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ text, cue, content string }{
		{"“My family has all been factory workers,” she said over breakfast across the street from the statehouse.", "said", "My family has all been factory workers"},
		{"Many voters did not recognize themselves in the description and found it offensive, the journalist Mary Hale said to the governor.", "said", "Many voters did not recognize themselves in the description and found it offensive"},
		{"The first half of the year brought strong tax receipts, Ward McCarthy said in the firm's weekly memo.", "said", "The first half of the year brought strong tax receipts"},
		{"At rally after rally, he vows to impose a tax on imports from Mexico.", "vows", "to impose a tax on imports from Mexico"},
	} {
		for _, withModel := range []bool{false, true} {
			in := sentenceInput(c.text)
			if withModel {
				in.Model = m
			}
			out := Extract(in)
			checkOutput(t, in, out)
			found := false
			for _, cl := range out.Claims {
				if cl.Cue.Text == c.cue {
					found = true
					if cl.Content.Text != c.content {
						t.Errorf("model %v: %q: content %q, want %q", withModel, c.text, cl.Content.Text, c.content)
					}
				}
			}
			if !found && (withModel || c.cue == "said") {
				t.Errorf("model %v: %q: no claim with the cue %q", withModel, c.text, c.cue)
			}
		}
	}
}

// TestCoordinatedAfterNoun holds that an object's noun that may be read as
// a verb ("the charges", "the drop") does not make the object a clause,
// so the content still ends at a verb coordinated with the cue, while a
// clause with a past participle after its subject keeps its "but".
func TestCoordinatedAfterNoun(t *testing.T) {
	m, err := attrib.Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ text, cue, content string }{
		{"A spokesman for the senator denied the charges and accused the newspaper of bias.", "denied", "the charges"},
		{"The state oil company blamed the drop on seasonal problems but gave no further details.", "blamed", "the drop on seasonal problems"},
		{"American Motors Corp said its directors reviewed a merger proposal but took no action on it.", "said", "its directors reviewed a merger proposal but took no action on it"},
	} {
		in := sentenceInput(c.text)
		in.Model = m
		out := Extract(in)
		checkOutput(t, in, out)
		found := false
		for _, cl := range out.Claims {
			if cl.Cue.Text == c.cue {
				found = true
				if cl.Content.Text != c.content {
					t.Errorf("%q: content %q, want %q", c.text, cl.Content.Text, c.content)
				}
			}
		}
		if !found {
			t.Errorf("%q: no claim with the cue %q", c.text, c.cue)
		}
	}
}

// TestHeadlineColon holds that a headline "Name: statement" is the named
// person's claim, with the rules alone and with the model, and that a
// headline whose part before the colon is no name, or holds a verb, or a
// colon in the story's body, is none.
func TestHeadlineColon(t *testing.T) {
	m, err := attrib.Default()
	if err != nil {
		t.Fatal(err)
	}
	ent := [3]string{"Bill Clinton", schema.Person, ""}
	for _, c := range []struct {
		text    string
		content string // "" for no colon claim
	}{
		{"Bill Clinton: Hillary thinks feds require too many tests at school\n\nThe former president spoke in Wyoming.", "Hillary thinks feds require too many tests at school"},
		{"EXCLUSIVE – Bill Clinton: Don't trust the voting machines\n\nThe former president spoke in Wyoming.", "Don't trust the voting machines"},
		{"The Latest: Bill Clinton tours Wyoming\n\nThe former president spoke in Wyoming.", ""},
		{"Carly Fiorina Endorses Bill Clinton: A surprise\n\nThe former president spoke in Wyoming.", ""},
		{"The former president spoke in Wyoming. Bill Clinton: a long day in the West\n\nMore follows.", ""},
	} {
		for _, withModel := range []bool{false, true} {
			in := sentenceInput(c.text, ent)
			if withModel {
				in.Model = m
			}
			out := Extract(in)
			checkOutput(t, in, out)
			got := ""
			for _, cl := range out.Claims {
				if cl.Cue.Text == ":" {
					got = cl.Content.Text
					if cl.Source.Text != "Bill Clinton" {
						t.Errorf("model %v: %q: source %q", withModel, c.text, cl.Source.Text)
					}
				}
			}
			if got != c.content {
				t.Errorf("model %v: %q: colon content %q, want %q", withModel, c.text, got, c.content)
			}
		}
	}
}

// TestInvertedSourceStays holds that where the rules read an inverted
// source after a verb of saying ("..., said Democratic strategist Hank
// Sheinkopf") and the model gives a source before the cue (the end of
// what was said), the rules' source stays; and that the model's source
// wins where the words after the cue are no such source ("told AFP", "said
// in a statement", "said of the course", "said by telephone", the object of
// "criticized").
func TestInvertedSourceStays(t *testing.T) {
	m, err := attrib.Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ text, cue, modelSource, want string }{
		{"His endorsement could matter more for identity politics than for his clout in Boston, said Democratic strategist Hank Sheinkopf.", "said", "his clout in Boston", "Democratic strategist Hank Sheinkopf"},
		{"Even India has more cultural resonance through its films, says political scientist Dossym Satpayev in Almaty.", "says", "its films", "political scientist Dossym Satpayev in Almaty"},
		{"Sanders, who had said he would debate the front-runner, criticized Clinton on two fronts.", "criticized", "Sanders", "Sanders"},
		// A phrase of "of" or "by" after the cue is no source.
		{"It is the best course in the state, Michael Cernech, the city manager, said of the championship course.", "said", "Michael Cernech", "Michael Cernech"},
		{"The race is over, Ann Lee, a strategist, said by telephone.", "said", "Ann Lee", "Ann Lee"},
	} {
		in := sentenceInput(c.text)
		in.Model = m
		x := &extractor{in: in, runes: in.Runes, byID: map[string]*entInfo{}, relSeen: map[string]bool{}, extraSet: map[[2]int]bool{},
			descHist: map[string]*entInfo{}, channels: map[string]bool{}}
		x.tokArena = make([]tok, len(in.Sentences[0].Tokens))
		x.indexEntities()
		x.findQuotes()
		span := func(s string) [2]int {
			k := len([]rune(c.text[:strings.Index(c.text, s)]))
			return [2]int{k, k + len([]rune(s))}
		}
		cue := span(", " + c.cue)
		cue[0] += 2
		end := len([]rune(c.text)) - 1
		x.found = map[int][]attrib.Found{0: {{Cue: cue, Source: span(c.modelSource), Content: [][2]int{{0, cue[0] - 2}}}}}
		if c.cue == "criticized" {
			x.found[0][0].Content = [][2]int{{cue[1] + 1, end}}
		}
		x.upTo = 1
		x.sentence(0)
		found := false
		for _, d := range x.drafts {
			ts := x.toks(0)
			if d.ce > d.cs && string(in.Runes[ts[d.cs].start:ts[d.ce-1].end]) == c.cue {
				found = true
				got := ""
				if d.srcB > d.srcA {
					got = string(in.Runes[ts[d.srcA].start:ts[d.srcB-1].end])
				}
				if got != c.want {
					t.Errorf("%q: source %q, want %q", c.text, got, c.want)
				}
			}
		}
		if !found {
			t.Errorf("%q: no draft with the cue %q", c.text, c.cue)
		}
	}
}

// TestSubjectBefore holds that a finite cue the model gives no source has
// the noun phrase before it as its source (past a day, or across a
// relative clause closed by a comma), and that an expletive, an
// existential "there", an adverb, a raising verb, a passive, a noun cue
// and a phrase with a verb or a preposition give none.
func TestSubjectBefore(t *testing.T) {
	m, err := attrib.Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ text, cue, want string }{
		{"China is building roads here, and it hopes to reap benefits of its own.", "hopes", "it"},
		{"The province will return more than the money it expects to collect through the tax.", "expects", "it"},
		{"Chris Christie, who's chairing the transition team, on Sunday defended the nominee's description.", "defended", "Chris Christie"},
		{"NOVAR ELECTRONICS SEES RESULTS IMPROVING", "SEES", "NOVAR ELECTRONICS"},
		{"It was also clear there will be tough talks on the closures.", "was also clear", ""},
		{"There has been speculation the administration was moving toward a looser reading.", "has been speculation", ""},
		{"So far refused to join the deal.", "refused", ""},
		{"Other bond prices are suddenly looking shaky as well.", "are suddenly looking", ""},
		{"Mrs. Lyle was appointed to the court in 1993.", "was appointed", ""},
		{"The plan has been drawing complaints it was underfunded.", "complaints", ""},
		{"Earnings from 1983 on benefit preferred shareholders until the equity equals the value.", "preferred", ""},
	} {
		in := sentenceInput(c.text)
		in.Model = m
		x := &extractor{in: in, runes: in.Runes}
		x.findQuotes()
		ts := x.makeToks(0)
		k := len([]rune(c.text[:strings.Index(c.text, c.cue)]))
		cs, ce := tokRange(ts, k, k+len([]rune(c.cue)))
		got := ""
		if a, b := x.subjectBefore(ts, cs, ce); b > a {
			got = string(in.Runes[ts[a].start:ts[b-1].end])
		}
		if got != c.want {
			t.Errorf("%q: source of %q is %q, want %q", c.text, c.cue, got, c.want)
		}
	}
}

// TestParticipleAfterColon holds that a participle that opens a clause
// after a colon takes the subject after that clause, as one that opens
// the sentence does.
func TestParticipleAfterColon(t *testing.T) {
	const s = "In this case, the approach seems to have backfired: By refusing to admit any fault, Trump and Lewandowski appeared to have helped bring on the investigation."
	in := sentenceInput(s)
	x := &extractor{in: in, runes: in.Runes}
	x.findQuotes()
	ts := x.makeToks(0)
	k := len([]rune(s[:strings.Index(s, "refusing")]))
	cs, ce := tokRange(ts, k, k+len("refusing"))
	d := &draft{sent: 0, kind: modelCue, cs: cs, ce: ce, vi: ce - 1}
	x.participleSource(0, ts, d, nil)
	got := ""
	if d.srcB > d.srcA {
		got = string(in.Runes[ts[d.srcA].start:ts[d.srcB-1].end])
	}
	if got != "Trump and Lewandowski" {
		t.Errorf("source of refusing: %q, want %q", got, "Trump and Lewandowski")
	}
}

// TestHeadlineSubtitle holds that a content keeps to its cue's line where
// a headline and its subtitle are joined by a semicolon at the line's end.
func TestHeadlineSubtitle(t *testing.T) {
	m, err := attrib.Default()
	if err != nil {
		t.Fatal(err)
	}
	const s = "Independents alone won't decide the primary; \nCandidates will need solid backing by the party core, analysts say\n\nThe race goes on."
	for _, withModel := range []bool{false, true} {
		in := sentenceInput(s)
		if withModel {
			in.Model = m
		}
		out := Extract(in)
		checkOutput(t, in, out)
		found := false
		for _, c := range out.Claims {
			if c.Cue.Text == "say" {
				found = true
				if c.Content.Text != "Candidates will need solid backing by the party core" {
					t.Errorf("model %v: content %q", withModel, c.Content.Text)
				}
			}
		}
		if !found {
			t.Errorf("model %v: no claim with the cue say", withModel)
		}
	}
}

// TestContentIsNotSource holds that a content does not hold its own
// source: the source after what was said, before an inverted cue, is cut
// off the content.
func TestContentIsNotSource(t *testing.T) {
	m, err := attrib.Default()
	if err != nil {
		t.Fatal(err)
	}
	const s = "If the commission decided to offer the sugar to traders for export, the refunds would have to be higher than those at recent tenders, Czarnikow notes."
	in := sentenceInput(s, [3]string{"Czarnikow", schema.Organization, ""})
	in.Model = m
	out := Extract(in)
	checkOutput(t, in, out)
	found := false
	for _, c := range out.Claims {
		if c.Cue.Text == "notes" {
			found = true
			if strings.Contains(c.Content.Text, "Czarnikow") {
				t.Errorf("content %q holds the source %q", c.Content.Text, c.Source.Text)
			}
		}
	}
	if !found {
		t.Error("no claim with the cue notes")
	}
}

// TestSubordinateClauseContent holds that the content of a cue in a
// clause that opens the sentence with a subordinator ends with that
// clause, where a main clause's subject and verb follow its comma.
func TestSubordinateClauseContent(t *testing.T) {
	m, err := attrib.Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ text, cue, content string }{
		{"While Ramos said journalists cannot have any political affiliation, he appears somewhat uneasy when asked about his daughter.", "said", "journalists cannot have any political affiliation"},
		{"Although the company said profits would rise, its shares fell sharply on Monday.", "said", "profits would rise"},
		{"The company said profits would rise, and its shares fell sharply on Monday.", "said", ""},
	} {
		in := sentenceInput(c.text)
		in.Model = m
		out := Extract(in)
		checkOutput(t, in, out)
		for _, cl := range out.Claims {
			if cl.Cue.Text != c.cue {
				continue
			}
			if c.content != "" && cl.Content.Text != c.content {
				t.Errorf("%q: content %q, want %q", c.text, cl.Content.Text, c.content)
			}
			if c.content == "" && !strings.Contains(cl.Content.Text, "profits would rise") {
				t.Errorf("%q: content %q", c.text, cl.Content.Text)
			}
		}
	}
}

// TestWithSubject holds that a participle cue after "with" and a noun
// phrase has that noun phrase for source, and that a phrase with a comma
// or no noun gives none.
func TestWithSubject(t *testing.T) {
	m, err := attrib.Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ text, cue, want string }{
		{"The contest is breaking down by age, with many of those over 45 supporting Clinton and those under more open to Sanders.", "supporting", "many of those over 45"},
		{"Germany reached a deal with the social media companies, with the outlets agreeing to apply domestic laws to posts.", "agreeing", "the outlets"},
		{"He left with, as always, a smile, saying he would return.", "saying", ""},
	} {
		in := sentenceInput(c.text)
		in.Model = m
		x := &extractor{in: in, runes: in.Runes}
		x.findQuotes()
		ts := x.makeToks(0)
		k := len([]rune(c.text[:strings.Index(c.text, c.cue)]))
		cs, _ := tokRange(ts, k, k+len([]rune(c.cue)))
		got := ""
		if a, b := x.withSubject(ts, cs); b > a {
			got = string(in.Runes[ts[a].start:ts[b-1].end])
		}
		if got != c.want {
			t.Errorf("%q: source of %q is %q, want %q", c.text, c.cue, got, c.want)
		}
	}
}

// TestExamplesAfter holds that a content which stops right before a comma
// and a phrase of examples goes on over that phrase to the end of its
// clause, and that another phrase after a comma stays out.
func TestExamplesAfter(t *testing.T) {
	cases := []struct{ text, cue, content, want string }{
		{"The Republicans had sparred over a range of issues, including immigration and surveillance - which represent the party's divide.",
			"had sparred over", "a range of issues", "a range of issues, including immigration and surveillance"},
		{"German police reported 906 attacks against asylum seeker homes, ranging from arson to physical assaults.",
			"reported", "906 attacks against asylum seeker homes", "906 attacks against asylum seeker homes, ranging from arson to physical assaults"},
		{"The company reported earnings of $8.42 a share, well above the $8.04 that analysts were looking for.",
			"reported", "earnings of $8.42 a share", "earnings of $8.42 a share"},
	}
	for _, c := range cases {
		in := sentenceInput(c.text)
		x := &extractor{in: in, runes: in.Runes}
		x.findQuotes()
		ts := x.makeToks(0)
		k := len([]rune(c.text[:strings.Index(c.text, c.cue)]))
		cs, ce := tokRange(ts, k, k+len([]rune(c.cue)))
		a := len([]rune(c.text[:strings.Index(c.text, c.content)]))
		d := &draft{sent: 0, kind: modelCue, cs: cs, ce: ce, vi: ce - 1, cont: [2]int{a, a + len([]rune(c.content))}}
		x.examplesAfter(0, ts, d)
		if got := string(in.Runes[d.cont[0]:d.cont[1]]); got != c.want {
			t.Errorf("%q: content %q, want %q", c.text, got, c.want)
		}
	}
}

// TestSubjectBeforeAside holds that a finite cue the model gives no
// source has for subject the noun phrase that opens the sentence before an
// apposition or an aside set off by commas ("Curbelo, in particular, has
// slammed"), and none where no noun phrase opens it.
func TestSubjectBeforeAside(t *testing.T) {
	m, err := attrib.Default()
	if err != nil {
		t.Fatal(err)
	}
	x := &extractor{in: Input{Model: m}}
	toks := func(s string) []tok {
		var ts []tok
		for _, w := range strings.Fields(s) {
			ts = append(ts, tok{low: strings.ToLower(w), text: w, capital: unicode.IsUpper([]rune(w)[0])})
		}
		return ts
	}
	for _, c := range []struct {
		text         string
		cs, ce       int
		wantA, wantB int
	}{
		{"Curbelo , in particular , has slammed Trump 's comments", 5, 7, 0, 1},
		{"Speaker Paul D. Ryan , the nation 's highest-ranking Republican , on Tuesday called Trump 's remarks racist", 13, 14, 0, 4},
		{"But , as usual , expressed a willingness", 5, 6, 0, 0}, // no noun phrase opens it
	} {
		if a, b := x.subjectBefore(toks(c.text), c.cs, c.ce); a != c.wantA || b != c.wantB {
			t.Errorf("subjectBefore(%q) = %d, %d, want %d, %d", c.text, a, b, c.wantA, c.wantB)
		}
	}
}

package main

import (
	"strings"
	"testing"
)

const sample = `# text = Al-Zaman: forces don't gonna kill.
1-3	Al-Zaman	_	_	_	_	_	_	_	_
1	Al	Al	PROPN	NNP	_	0	root	_	_
2	-	-	PUNCT	HYPH	_	3	punct	_	_
3	Zaman	Zaman	PROPN	NNP	_	1	flat	_	_
4	:	:	PUNCT	:	_	1	punct	_	_
5	forces	force	NOUN	NNS	_	8	nsubj	_	_
6-7	don't	_	_	_	_	_	_	_	_
6	do	do	AUX	VBP	_	8	aux	_	_
7	n't	not	PART	RB	_	8	advmod	_	_
8	gon	go	VERB	VBG	_	1	parataxis	_	_
9	na	to	PART	TO	_	10	mark	_	_
10	kill	kill	VERB	VB	_	8	xcomp	_	_
11	.	.	PUNCT	.	_	1	punct	_	_

`

func TestReadCoNLLU(t *testing.T) {
	// "gon na" is written "gon na" here: the words spell their text.
	in := strings.Replace(sample, "gonna", "gon na", 1)
	sents, skipped, err := ReadCoNLLU(strings.NewReader(in))
	if err != nil || skipped != 0 || len(sents) != 1 {
		t.Fatalf("%d sentences, %d skipped, %v", len(sents), skipped, err)
	}
	s := sents[0]
	want := "Al-Zaman : forces do n't gon na kill ."
	if got := strings.Join(s.Words, " "); got != want {
		t.Fatalf("words %q, want %q", got, want)
	}
	// Al-Zaman is one token with the tag and (root) head of "Al".
	if s.Tags[0] != "NNP" || s.Heads[0] != -1 || s.Labels[0] != "root" {
		t.Errorf("Al-Zaman: %s %d %s", s.Tags[0], s.Heads[0], s.Labels[0])
	}
	// forces -> gon (token 5), do -> gon, kill -> gon.
	if s.Heads[2] != 5 || s.Heads[3] != 5 || s.Heads[7] != 5 || s.Heads[1] != 0 {
		t.Errorf("heads %v", s.Heads)
	}
}

func TestReadCoNLLUSkipsMisaligned(t *testing.T) {
	in := strings.Replace(sample, "# text = Al-Zaman", "# text = Al Zaman", 1)
	sents, skipped, err := ReadCoNLLU(strings.NewReader(in))
	if err != nil || skipped != 1 || len(sents) != 0 {
		t.Fatalf("%d sentences, %d skipped, %v", len(sents), skipped, err)
	}
	if _, _, err := ReadCoNLLU(strings.NewReader("1\tx\n")); err == nil {
		t.Error("short line accepted")
	}
}

func TestAmbiguityClasses(t *testing.T) {
	sents := []Sentence{
		{Words: []string{"Support", "grows", "."}, Tags: []string{"NN", "VBZ", "."}},
		{Words: []string{"They", "support", "it"}, Tags: []string{"PRP", "VBP", "PRP"}},
		{Words: []string{"They", "said", "“"}, Tags: []string{"PRP", "VBD", "``"}},
	}
	c := AmbiguityClasses(sents)
	if c["support"] != "NN|VBP" || c["they"] != "PRP" {
		t.Errorf("classes %v", c)
	}
	if _, ok := c["said"]; ok {
		t.Error("a word seen once has a class")
	}
}

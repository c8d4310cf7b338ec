package ner

import (
	"bytes"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestReadCoNLL(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    []Sentence
		wantErr string
	}{
		{
			name: "IOB2 with docstart and CRLF",
			in:   "-DOCSTART- -X- O O\r\n\r\nEU\tB-ORG\r\nrejects\tO\r\n\r\n",
			want: []Sentence{{Tokens: []string{"EU", "rejects"}, Tags: []string{"B-ORG", "O"}}},
		},
		{
			name: "IOB1 four columns converted to IOB2",
			in:   "EU NNP B-NP I-ORG\nrejects VBZ B-VP O\nGerman JJ B-NP I-MISC\ncall NN I-NP O\n\nPeter NNP B-NP I-PER\nBlackburn NNP I-NP I-PER\nSmith NNP I-NP B-PER\n",
			want: []Sentence{
				{Tokens: []string{"EU", "rejects", "German", "call"}, Tags: []string{"B-ORG", "O", "B-MISC", "O"}},
				{Tokens: []string{"Peter", "Blackburn", "Smith"}, Tags: []string{"B-PER", "I-PER", "B-PER"}},
			},
		},
		{
			name: "documents numbered, leading docstart does not count",
			in:   "-DOCSTART-\tO\n\na\tO\n\n-DOCSTART-\tO\n\nb\tB-LOC\n\n\n\nc\tO",
			want: []Sentence{
				{Tokens: []string{"a"}, Tags: []string{"O"}},
				{Tokens: []string{"b"}, Tags: []string{"B-LOC"}, Doc: 1},
				{Tokens: []string{"c"}, Tags: []string{"O"}, Doc: 1},
			},
		},
		{name: "empty input", in: "", want: nil},
		{name: "fine ORG tags kept", in: "Labour\tB-ORG-party\n", want: []Sentence{{Tokens: []string{"Labour"}, Tags: []string{"B-ORG-party"}}}},
		{name: "missing tag column", in: "EU\tB-ORG\nrejects\n", wantErr: "line 2"},
		{name: "invalid tag", in: "EU\tX-ORG\n", wantErr: "invalid tag"},
		{name: "empty token", in: "\tO\n", wantErr: "empty token"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ReadCoNLL(strings.NewReader(tc.in))
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("err = %v, want one containing %q", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("ReadCoNLL mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestWriteCoNLLRoundTrip(t *testing.T) {
	in := []Sentence{
		{Tokens: []string{"EU", "rejects"}, Tags: []string{"B-ORG", "O"}},
		{Tokens: []string{"Peter", "Blackburn"}, Tags: []string{"B-PER", "I-PER"}, Doc: 1},
	}
	var buf bytes.Buffer
	if err := WriteCoNLL(&buf, in); err != nil {
		t.Fatal(err)
	}
	got, err := ReadCoNLL(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(in, got); diff != "" {
		t.Errorf("round trip (-want +got):\n%s", diff)
	}
}

func TestSpans(t *testing.T) {
	tests := []struct {
		tags []string
		want []Span
	}{
		{[]string{"B-PER", "I-PER", "O", "B-LOC"}, []Span{{0, 2, "PER"}, {3, 4, "LOC"}}},
		{[]string{"I-PER", "I-PER", "B-PER", "I-ORG"}, []Span{{0, 2, "PER"}, {2, 3, "PER"}, {3, 4, "ORG"}}},
		{[]string{"O", "I-MISC"}, []Span{{1, 2, "MISC"}}},
		{[]string{"B-LOC", "bogus", "I-LOC"}, []Span{{0, 1, "LOC"}, {2, 3, "LOC"}}},
		{nil, nil},
	}
	for _, tc := range tests {
		if diff := cmp.Diff(tc.want, Spans(tc.tags)); diff != "" {
			t.Errorf("Spans(%v) (-want +got):\n%s", tc.tags, diff)
		}
	}
}

func TestCoarseTag(t *testing.T) {
	for in, want := range map[string]string{
		"O": "O", "B-ORG-party": "B-ORG", "I-ORG-media": "I-ORG", "B-DATE": "O", "I-PER": "I-PER", "B-MISC": "B-MISC", "junk": "O",
	} {
		if got := CoarseTag(in); got != want {
			t.Errorf("CoarseTag(%q) = %q, want %q", in, got, want)
		}
	}
}

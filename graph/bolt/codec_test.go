package bolt

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/dossier-project/dossier/graph"
	"github.com/dossier-project/dossier/schema"
)

func TestCodecRoundTrip(t *testing.T) {
	c := graph.ClaimInfo{IRI: "https://x/doc/h/c1", ID: "c1", Claimant: &graph.EntityRef{ID: "per/eugene-kaspersky"},
		ClaimantText: "Mr Kaspersky", Stance: "deny", Cue: schema.Span{Text: "denies", Start: 586, End: 592},
		Source: "Mr Kaspersky", Content: schema.Span{Text: "his business helped", Start: 593, End: 612},
		About: []graph.EntityRef{{ID: "org/fsb"}, {ID: "org/nsa"}}, Target: &graph.EntityRef{ID: "org/kaspersky-lab"},
		ChannelText: "Sky News", Hedges: []string{"reportedly", "no evidence"}, Date: "2017-10",
		RespondsTo: []string{"https://x/doc/h/c0"}, Status: "denied",
		Links:    []schema.Link{{To: "https://x/doc/h/c0", Score: 0.95, Reason: "Eugene Kaspersky, the accused, answers; the act meets: helped"}},
		Evidence: schema.Span{Text: "Mr Kaspersky denies… «ü»", Start: 580, End: 700}, Document: graph.DocInfo{Hash: "h", ID: "x/1", Title: "T", Date: "2017-10-24"}}
	got, err := decodeClaim(encodeClaim(c))
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(c, got); d != "" {
		t.Errorf("claim round trip (-want +got):\n%s", d)
	}
	doc := graph.DocInfo{Hash: "h", ID: "reuters/1", Title: "T", Date: "1987-02-26", Source: "Reuters", URL: "u", Path: "p"}
	if got, err := decodeDoc(encodeDoc(doc)); err != nil || got != doc {
		t.Errorf("document round trip: %+v, %v", got, err)
	}
	e := idxEnt{Doc: graph.DocInfo{Hash: "h", URL: "u"}, Name: "Federal Security Service", Type: "Organization", Kind: "government agency",
		Aliases: []string{"FSB"}, Merges: []string{"FSB\tacronym-definition\t(FSB)"}, Mentions: 5}
	if got, err := decodeEnt(encodeEnt(e)); err != nil || !cmp.Equal(e, got) {
		t.Errorf("entity round trip: %+v, %v", got, err)
	}
	r := graph.RelationInfo{IRI: "i", Subject: graph.EntityRef{ID: "a"}, Predicate: "based in", Object: graph.EntityRef{ID: "b"},
		Evidence: schema.Span{Text: "x", Start: 1, End: 2}, Document: graph.DocInfo{Hash: "h"}}
	if got, err := decodeRel(encodeRel(r)); err != nil || !cmp.Equal(r, got) {
		t.Errorf("relation round trip: %+v, %v", got, err)
	}
	// A record of an index written before links were kept ends at the
	// document: it still decodes, without links.
	old := c
	old.Links = nil
	oldLen := len(encodeClaim(old)) - 1 // without the links' count
	if got, err := decodeClaim(encodeClaim(c)[:oldLen]); err != nil || !cmp.Equal(old, got) {
		t.Errorf("claim of the older layout: %v, %v", cmp.Diff(old, got), err)
	}
	// Every other truncation of a record is an error, never a panic.
	b := encodeClaim(c)
	for i := 0; i < len(b); i++ {
		if i == oldLen {
			continue
		}
		if _, err := decodeClaim(b[:i]); !errors.Is(err, errCorrupt) {
			t.Fatalf("claim cut at %d of %d bytes: %v, want errCorrupt", i, len(b), err)
		}
	}
}

func FuzzDecodeClaim(f *testing.F) {
	f.Add(encodeClaim(graph.ClaimInfo{ID: "c1", About: []graph.EntityRef{{ID: "x"}}, Hedges: []string{"h"}}))
	f.Add([]byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01})
	f.Fuzz(func(t *testing.T, b []byte) {
		decodeClaim(b)
		decodeEnt(b)
		decodeDoc(b)
		decodeRel(b)
	})
}

func TestCodecInts(t *testing.T) {
	var e encoder
	ints := []int{0, 1, -1, 63, -64, 64, 127, 128, 300, -300, 1 << 40, -(1 << 40), 1<<62 + 12345, -(1 << 62)}
	for _, i := range ints {
		e.int(i)
	}
	e.str("tail")
	d := newDecoder(e.b)
	for _, want := range ints {
		if got := d.int(); got != want {
			t.Errorf("int: got %d, want %d", got, want)
		}
	}
	if s := d.str(); s != "tail" || d.err != nil {
		t.Errorf("after the ints: %q, %v", s, d.err)
	}
	// A varint longer than ten bytes is corrupt.
	d = newDecoder([]byte{0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01})
	if d.int(); !errors.Is(d.err, errCorrupt) {
		t.Errorf("eleven-byte varint: %v, want errCorrupt", d.err)
	}
}

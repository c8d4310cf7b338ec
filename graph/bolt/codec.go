package bolt

import (
	"encoding/binary"
	"errors"

	"github.com/dossier-project/dossier/graph"
	"github.com/dossier-project/dossier/schema"
)

// The read index's records are encoded by hand: a claim decodes several
// times faster than from JSON, and "claims about the United States" on the
// full Reuters graph decodes thousands. Strings are a uvarint length and
// the bytes; integers are varints; a list is its length and its items.

var errCorrupt = errors.New("corrupt index record")

type encoder struct{ b []byte }

func (e *encoder) str(s string) {
	e.b = binary.AppendUvarint(e.b, uint64(len(s)))
	e.b = append(e.b, s...)
}

func (e *encoder) int(i int) { e.b = binary.AppendVarint(e.b, int64(i)) }

func (e *encoder) strs(ss []string) {
	e.int(len(ss))
	for _, s := range ss {
		e.str(s)
	}
}

func (e *encoder) span(s schema.Span) {
	e.str(s.Text)
	e.int(s.Start)
	e.int(s.End)
}

// ref encodes an entity reference by ID; nil is the empty ID.
func (e *encoder) ref(r *graph.EntityRef) {
	if r == nil {
		e.str("")
		return
	}
	e.str(r.ID)
}

// decoder reads a record from one string copied out of the store, so that
// its fields are substrings of it rather than one allocation each.
type decoder struct {
	s   string
	err error
}

func newDecoder(b []byte) decoder { return decoder{s: string(b)} }

// uvarint reads an unsigned varint as encoding/binary writes it.
func (d *decoder) uvarint() uint64 {
	var x uint64
	for i := 0; i < len(d.s) && i < binary.MaxVarintLen64; i++ {
		c := d.s[i]
		if c < 0x80 {
			if i == binary.MaxVarintLen64-1 && c > 1 {
				break
			}
			d.s = d.s[i+1:]
			return x | uint64(c)<<(7*i)
		}
		x |= uint64(c&0x7f) << (7 * i)
	}
	d.fail()
	return 0
}

func (d *decoder) str() string {
	n := d.uvarint()
	if d.err != nil || uint64(len(d.s)) < n {
		d.fail()
		return ""
	}
	s := d.s[:n]
	d.s = d.s[n:]
	return s
}

func (d *decoder) int() int {
	u := d.uvarint()
	// Zig-zag, as binary.AppendVarint writes it.
	x := int64(u >> 1)
	if u&1 != 0 {
		x = ^x
	}
	return int(x)
}

func (d *decoder) strs() []string {
	n := d.int()
	if n < 0 || n > len(d.s) {
		d.fail()
		return nil
	}
	if n == 0 {
		return nil
	}
	out := make([]string, n)
	for i := range out {
		out[i] = d.str()
	}
	return out
}

func (d *decoder) span() schema.Span {
	return schema.Span{Text: d.str(), Start: d.int(), End: d.int()}
}

func (d *decoder) ref() *graph.EntityRef {
	if id := d.str(); id != "" {
		return &graph.EntityRef{ID: id}
	}
	return nil
}

func (d *decoder) fail() {
	if d.err == nil {
		d.err = errCorrupt
	}
	d.s = ""
}

func (e *encoder) doc(x graph.DocInfo) {
	for _, s := range []string{x.Hash, x.ID, x.Title, string(x.Date), x.Source, x.URL, x.Path} {
		e.str(s)
	}
}

func (d *decoder) doc() graph.DocInfo {
	return graph.DocInfo{Hash: d.str(), ID: d.str(), Title: d.str(), Date: schema.Date(d.str()), Source: d.str(), URL: d.str(), Path: d.str()}
}

func encodeDoc(x graph.DocInfo) []byte {
	var e encoder
	e.doc(x)
	return e.b
}

func decodeDoc(b []byte) (graph.DocInfo, error) {
	d := newDecoder(b)
	x := d.doc()
	return x, d.err
}

func encodeEnt(x idxEnt) []byte {
	var e encoder
	e.doc(x.Doc)
	e.str(x.Name)
	e.str(x.Type)
	e.str(x.Kind)
	e.strs(x.Aliases)
	e.strs(x.Merges)
	e.int(x.Mentions)
	e.str(x.KindReason)
	return e.b
}

func decodeEnt(b []byte) (idxEnt, error) {
	d := newDecoder(b)
	x := idxEnt{Doc: d.doc(), Name: d.str(), Type: d.str(), Kind: d.str(), Aliases: d.strs(), Merges: d.strs(), Mentions: d.int()}
	if d.s != "" {
		// The kind's reason, added after the first stores were written.
		x.KindReason = d.str()
	}
	return x, d.err
}

// encodeClaim encodes a claim as indexClaims makes it: entities by ID.
func encodeClaim(c graph.ClaimInfo) []byte {
	var e encoder
	e.str(c.IRI)
	e.str(c.ID)
	e.ref(c.Claimant)
	e.str(c.ClaimantText)
	e.str(c.Stance)
	e.span(c.Cue)
	e.str(c.Source)
	e.span(c.Content)
	e.int(len(c.About))
	for _, a := range c.About {
		e.str(a.ID)
	}
	e.ref(c.Target)
	e.ref(c.Channel)
	e.str(c.ChannelText)
	e.strs(c.Hedges)
	e.str(string(c.Date))
	e.strs(c.RespondsTo)
	e.str(c.Status)
	e.span(c.Evidence)
	e.doc(c.Document)
	// The links come last: a record written before they were kept ends
	// at the document and decodes without them.
	e.links(c.Links)
	return e.b
}

func (e *encoder) links(ls []schema.Link) {
	e.int(len(ls))
	for _, l := range ls {
		e.str(l.Literal())
	}
}

// links reads the links that end a claim's record, none when it ends
// before them (an index written before links were kept).
func (d *decoder) links() []schema.Link {
	if d.s == "" || d.err != nil {
		return nil
	}
	var out []schema.Link
	for _, s := range d.strs() {
		l, ok := schema.ParseLink(s)
		if !ok {
			d.fail()
			return nil
		}
		out = append(out, l)
	}
	return out
}

func decodeClaim(b []byte) (graph.ClaimInfo, error) {
	d := newDecoder(b)
	c := graph.ClaimInfo{IRI: d.str(), ID: d.str(), Claimant: d.ref(), ClaimantText: d.str(), Stance: d.str(),
		Cue: d.span(), Source: d.str(), Content: d.span()}
	n := d.int()
	if n < 0 || n > len(d.s) {
		d.fail()
		n = 0
	}
	c.About = make([]graph.EntityRef, n)
	for i := range c.About {
		c.About[i].ID = d.str()
	}
	c.Target, c.Channel, c.ChannelText = d.ref(), d.ref(), d.str()
	c.Hedges, c.Date, c.RespondsTo, c.Status = d.strs(), schema.Date(d.str()), d.strs(), d.str()
	c.Evidence = d.span()
	c.Document = d.doc()
	c.Links = d.links()
	return c, d.err
}

func encodeRel(r graph.RelationInfo) []byte {
	var e encoder
	e.str(r.IRI)
	e.str(r.Subject.ID)
	e.str(r.Predicate)
	e.str(r.Object.ID)
	e.span(r.Evidence)
	e.doc(r.Document)
	return e.b
}

func decodeRel(b []byte) (graph.RelationInfo, error) {
	d := newDecoder(b)
	r := graph.RelationInfo{IRI: d.str(), Subject: graph.EntityRef{ID: d.str()}, Predicate: d.str(), Object: graph.EntityRef{ID: d.str()},
		Evidence: d.span(), Document: d.doc()}
	return r, d.err
}

package bolt

import (
	"math/rand/v2"
	"testing"

	cproto "github.com/cayleygraph/cayley/graph/proto"
	"google.golang.org/protobuf/proto"
)

// TestAppendPrimitive checks the hand-written encoder against protobuf's.
func TestAppendPrimitive(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	num := func() uint64 {
		switch r.IntN(4) {
		case 0:
			return 0
		case 1:
			return uint64(r.IntN(200))
		default:
			return r.Uint64() >> r.IntN(64)
		}
	}
	for i := 0; i < 2000; i++ {
		p := &cproto.Primitive{ID: num(), Subject: num(), Predicate: num(), Object: num(), Label: num(),
			Timestamp: int64(num()), Deleted: r.IntN(2) == 0}
		if r.IntN(2) == 0 {
			p.Value = make([]byte, r.IntN(300))
			for j := range p.Value {
				p.Value[j] = byte(r.IntN(256))
			}
		}
		want, err := proto.MarshalOptions{Deterministic: true}.Marshal(p)
		if err != nil {
			t.Fatal(err)
		}
		got := appendPrimitive(nil, p.ID, [4]uint64{p.Subject, p.Predicate, p.Object, p.Label}, p.Timestamp, p.Value, p.Deleted)
		if string(got) != string(want) {
			t.Fatalf("%v:\n got %x\nwant %x", p, got, want)
		}
	}
}

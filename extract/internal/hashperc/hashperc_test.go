package hashperc

import (
	"bufio"
	"bytes"
	"math"
	"testing"
)

func TestTrainerAverages(t *testing.T) {
	tb := New(3, 4)
	tr := NewTrainer(tb)
	f := []uint64{Hash("x")}
	// The average runs over the weights after each step and the zero
	// weights before the first: +1 at step 1, nothing at steps 2 and 3
	// gives (0+1+1+1)/4; −2 at step 4 then gives (0+1+1+1−1)/5.
	tr.Update(f, 0, 1)
	tr.Tick()
	tr.Tick()
	tr.Tick()
	if got := tr.Averaged().W[tb.Row(f[0])]; got != 0.75 {
		t.Errorf("average after 3 steps %v, want 0.75", got)
	}
	tr.Update(f, 0, -2)
	tr.Tick()
	tr.Average()
	if got := tb.W[tb.Row(f[0])]; math.Abs(float64(got)-0.4) > 1e-6 {
		t.Errorf("average after 4 steps %v, want 0.4", got)
	}
}

func TestWriteReadPack(t *testing.T) {
	tb := New(5, 6)
	for i := range tb.W {
		if i%7 == 0 {
			tb.W[i] = float32(i%13) - 6.5
		}
	}
	var b bytes.Buffer
	if err := tb.Write(&b); err != nil {
		t.Fatal(err)
	}
	got, err := Read(bufio.NewReader(bytes.NewReader(b.Bytes())))
	if err != nil {
		t.Fatal(err)
	}
	scale := 6.5 / 32767
	for i := range tb.W {
		if math.Abs(float64(got.W[i]-tb.W[i])) > scale {
			t.Fatalf("weight %d: %v read back as %v", i, tb.W[i], got.W[i])
		}
	}
	// The packed form adds what the read table adds.
	feats := []uint64{Hash("a"), Hash("b"), Hash("c"), 7}
	want, have := make([]float32, 5), make([]float32, 5)
	got.Add(feats, want)
	got.Pack().Add(feats, have)
	for k := range want {
		if math.Abs(float64(want[k]-have[k])) > 1e-4 {
			t.Errorf("class %d: table %v, packed %v", k, want[k], have[k])
		}
	}
	for _, bad := range [][]byte{nil, {0}, {5, 40}, b.Bytes()[:len(b.Bytes())-3]} {
		if _, err := Read(bufio.NewReader(bytes.NewReader(bad))); err == nil {
			t.Errorf("Read of %v succeeded", bad)
		}
	}
}

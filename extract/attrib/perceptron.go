package attrib

import (
	"math"

	"github.com/dossier-project/dossier/extract/internal/hashperc"
)

// tagger is a first-order sequence labeller: an averaged structured
// perceptron over hashed features (package hashperc), decoded with
// Viterbi. It is read-only after training or loading, so safe for
// concurrent use.
type tagger struct {
	nt      int
	emit    *hashperc.Table // feature rows of nt weights (training)
	score   hashperc.Scorer // what decoding adds: emit, or its packed form
	trans   *hashperc.Table // nt+1 rows addressed directly: row p scores the tag after p; row nt is the start
	allowed []bool          // (nt+1) × nt: whether tag k may follow p
}

func newTagger(nt int, bits uint, allowed []bool) *tagger {
	tb := uint(0)
	for 1<<tb < nt+1 {
		tb++
	}
	e := hashperc.New(nt, bits)
	return &tagger{nt: nt, emit: e, score: e, trans: hashperc.New(nt, tb), allowed: allowed}
}

// emissions adds the weights of each token's features to emit (n × nt).
// feats[offs[i]:offs[i+1]] are token i's feature hashes.
func (t *tagger) emissions(feats []uint64, offs []int32, emit []float32) {
	nt := t.nt
	for i := 0; i+1 < len(offs); i++ {
		t.score.Add(feats[offs[i]:offs[i+1]], emit[i*nt:i*nt+nt])
	}
}

// viterbi returns the best tag sequence for the emission scores (n × nt)
// under the transition scores and constraints; forbid, when not nil,
// lists tags that token i may not take (forbid[i*nt+k]). path, back and
// score are scratch space of at least n, n×nt and n×nt.
func (t *tagger) viterbi(emit []float32, n int, forbid []bool, path []int, back []int32, score []float32) []int {
	nt := t.nt
	tr := t.trans.W
	negInf := float32(math.Inf(-1))
	ok := func(i, k int) bool { return forbid == nil || !forbid[i*nt+k] }
	for k := 0; k < nt; k++ {
		if t.allowed[nt*nt+k] && ok(0, k) {
			score[k] = tr[nt*nt+k] + emit[k]
		} else {
			score[k] = negInf
		}
	}
	for i := 1; i < n; i++ {
		for k := 0; k < nt; k++ {
			best, arg := negInf, int32(0)
			if ok(i, k) {
				for p := 0; p < nt; p++ {
					if !t.allowed[p*nt+k] {
						continue
					}
					if v := score[(i-1)*nt+p] + tr[p*nt+k]; v > best {
						best, arg = v, int32(p)
					}
				}
			}
			score[i*nt+k] = best + emit[i*nt+k]
			back[i*nt+k] = arg
		}
	}
	path = path[:n]
	best, arg := negInf, 0
	for k := 0; k < nt; k++ {
		if v := score[(n-1)*nt+k]; v > best {
			best, arg = v, k
		}
	}
	path[n-1] = arg
	for i := n - 1; i > 0; i-- {
		path[i-1] = int(back[i*nt+path[i]])
	}
	return path
}

// decoder holds scratch space for decoding one sentence at a time.
type decoder struct {
	emit  []float32
	score []float32
	back  []int32
	path  []int
}

func (d *decoder) grow(n, nt int) {
	if cap(d.emit) < n*nt {
		d.emit = make([]float32, n*nt)
		d.score = make([]float32, n*nt)
		d.back = make([]int32, n*nt)
	}
	d.emit = d.emit[:n*nt]
	clear(d.emit)
	if cap(d.path) < n {
		d.path = make([]int, n)
	}
}

// decode tags one sentence; bias is added to the score of tag 0 at every
// token, and forbid (when not nil) rules tags out.
func (t *tagger) decode(d *decoder, feats []uint64, offs []int32, forbid []bool, bias float32) []int {
	n := len(offs) - 1
	if n <= 0 {
		return nil
	}
	d.grow(n, t.nt)
	t.emissions(feats, offs, d.emit)
	if bias != 0 {
		for i := 0; i < n; i++ {
			d.emit[i*t.nt] += bias
		}
	}
	return t.viterbi(d.emit, n, forbid, d.path, d.back[:n*t.nt], d.score[:n*t.nt])
}

// training trains a tagger.
type training struct {
	t           *tagger
	emit, trans *hashperc.Trainer
	scores      decoder
	// missCost and falseCost are the margins of loss-augmented training: the
	// cost added to a wrong tag's score where gold is not tag 0 (a
	// missed cue or role) and where it is (a false one). Zero: the plain
	// perceptron.
	missCost, falseCost float32
}

func newTraining(t *tagger) *training {
	return &training{t: t, emit: hashperc.NewTrainer(t.emit), trans: hashperc.NewTrainer(t.trans)}
}

// learn decodes one example with the current weights and, where the
// prediction differs from gold, moves the weights towards gold. With
// margins (missCost, falseCost) the prediction is the loss-augmented one.
// It returns the number of tokens tagged wrong.
func (tr *training) learn(feats []uint64, offs []int32, gold []int, forbid []bool) int {
	t := tr.t
	nt := t.nt
	var pred []int
	if tr.missCost == 0 && tr.falseCost == 0 {
		pred = t.decode(&tr.scores, feats, offs, forbid, 0)
	} else {
		// Loss-augmented decoding: every tag but gold's gets the cost of
		// choosing it, so the update also fires where gold wins by less
		// than that margin.
		n := len(offs) - 1
		if n <= 0 {
			return 0
		}
		d := &tr.scores
		d.grow(n, nt)
		t.emissions(feats, offs, d.emit)
		for i := 0; i < n; i++ {
			for k := 0; k < nt; k++ {
				switch {
				case k == gold[i]:
				case gold[i] == 0:
					d.emit[i*nt+k] += tr.falseCost
				default:
					d.emit[i*nt+k] += tr.missCost
				}
			}
		}
		pred = t.viterbi(d.emit, n, forbid, d.path, d.back[:n*nt], d.score[:n*nt])
	}
	wrong := 0
	for i := range pred {
		g, p := gold[i], pred[i]
		gp, pp := nt, nt // start row
		if i > 0 {
			gp, pp = gold[i-1], pred[i-1]
		}
		if g != p {
			wrong++
			fs := feats[offs[i]:offs[i+1]]
			tr.emit.Update(fs, g, 1)
			tr.emit.Update(fs, p, -1)
		}
		if g != p || gp != pp {
			tr.trans.UpdateAt(gp*nt+g, 1)
			tr.trans.UpdateAt(pp*nt+p, -1)
		}
	}
	tr.emit.Tick()
	tr.trans.Tick()
	return wrong
}

// average replaces the weights by their averages.
func (tr *training) average() {
	tr.emit.Average()
	tr.trans.Average()
}

// averaged returns a tagger with the averaged weights so far.
func (tr *training) averaged() *tagger {
	e := tr.emit.Averaged()
	return &tagger{nt: tr.t.nt, emit: e, score: e, trans: tr.trans.Averaged(), allowed: tr.t.allowed}
}

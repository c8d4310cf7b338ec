package claims

import (
	"bufio"
	_ "embed"
	"fmt"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"

	"github.com/dossier-project/dossier/ledger"
	"github.com/dossier-project/dossier/schema"
)

// The learned allegation detector. The rules of allegations.go decide
// first; then a linear model over sparse features of each claim (its
// cue and the cue's class in the lexicon, its stance, who claims,
// whether a named party is in the content, the content's words stemmed,
// hedges, negation, modality, questions, the misconduct lexicon's kinds
// of wrong) scores whether the claim's sentence carries an allegation.
// A claim the rules did not make an allegation becomes one when the
// score reaches the model's Add threshold (never a denial or an
// acknowledgement); an allegation of the rules is kept unless its score
// falls below Veto. The weights are fitted by cmd/allegtrain on the
// ledger gold (internal/gold/ledger/, leave-one-cluster-out to choose
// the thresholds) and embedded from allegmodel.tsv.

// AllegModel is a logistic model over the string features of a claim.
type AllegModel struct {
	Bias float64
	// Add is the probability from which a claim the rules left alone
	// becomes an allegation; Veto the one under which an allegation of the
	// rules is dropped (0: none is).
	Add, Veto float64
	W         map[string]float64
}

// Prob returns the model's probability that a claim with these features
// carries an allegation.
func (m *AllegModel) Prob(feats []string) float64 {
	s := m.Bias
	for _, f := range feats {
		s += m.W[f]
	}
	return 1 / (1 + math.Exp(-s))
}

// WriteTo writes the model as allegmodel.tsv holds it: the lines "bias",
// "add" and "veto" with their values, then one feature and its weight a
// line, in byte order of the feature; weights are written with 6
// significant digits, so that the same model writes the same bytes.
func (m *AllegModel) WriteTo(w io.Writer) (int64, error) {
	var b strings.Builder
	fmt.Fprintf(&b, "bias\t%s\nadd\t%s\nveto\t%s\n", num(m.Bias), num(m.Add), num(m.Veto))
	keys := make([]string, 0, len(m.W))
	for k, v := range m.W {
		if num(v) != "0" {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Fprintf(&b, "f\t%s\t%s\n", k, num(m.W[k]))
	}
	n, err := io.WriteString(w, b.String())
	return int64(n), err
}

func num(v float64) string { return strconv.FormatFloat(v, 'g', 6, 64) }

// ReadAllegModel reads a model written by WriteTo.
func ReadAllegModel(r io.Reader) (*AllegModel, error) {
	m := &AllegModel{W: make(map[string]float64)}
	sc := bufio.NewScanner(r)
	line := 0
	seen := 0
	for sc.Scan() {
		line++
		fs := strings.Split(sc.Text(), "\t")
		bad := func() error { return fmt.Errorf("allegation model: line %d: %q is not a model line", line, sc.Text()) }
		switch {
		case len(fs) == 2 && (fs[0] == "bias" || fs[0] == "add" || fs[0] == "veto"):
			v, err := strconv.ParseFloat(fs[1], 64)
			if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
				return nil, bad()
			}
			switch fs[0] {
			case "bias":
				m.Bias = v
			case "add":
				m.Add = v
			case "veto":
				m.Veto = v
			}
			seen++
		case len(fs) == 3 && fs[0] == "f" && fs[1] != "":
			v, err := strconv.ParseFloat(fs[2], 64)
			if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
				return nil, bad()
			}
			m.W[fs[1]] = v
		default:
			return nil, bad()
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("allegation model: %w", err)
	}
	if seen < 3 {
		return nil, fmt.Errorf("allegation model: no bias, add and veto lines")
	}
	if m.Add <= 0 || m.Add > 1 || m.Veto < 0 || m.Veto >= 1 {
		return nil, fmt.Errorf("allegation model: thresholds add %v, veto %v out of range", m.Add, m.Veto)
	}
	return m, nil
}

//go:embed allegmodel.tsv
var allegModelTSV string

var (
	defaultAlleg     *AllegModel
	defaultAllegErr  error
	defaultAllegOnce sync.Once
)

// DefaultAllegModel returns the embedded allegation model
// (allegmodel.tsv), read once.
func DefaultAllegModel() (*AllegModel, error) {
	defaultAllegOnce.Do(func() {
		defaultAlleg, defaultAllegErr = ReadAllegModel(strings.NewReader(allegModelTSV))
	})
	return defaultAlleg, defaultAllegErr
}

// AllegCandidate is one claim as the allegation model sees it, for
// training and inspection (Input.AllegTrace).
type AllegCandidate struct {
	Sentence int
	Evidence schema.Span
	// Start and End bound the claim's own words (source, cue and
	// content), in code points.
	Start, End int
	// Rule: the rules made the claim an allegation. Barred: the model
	// never makes it one (barred, or its claimant speaks for a party the
	// rules accuse in the document).
	Rule, Barred bool
	// Bar says why the claim may be barred: answer, no-evidence,
	// refers-back, denies, question, conditional, modal or accused (""
	// when none; allowedBars do not bar).
	Bar      string
	Features []string
	// Prob is the model's probability (0 without a model); Alleged
	// whether the claim is an allegation after the model.
	Prob    float64
	Alleged bool
}

// learnedAllegations applies Input.Alleg to the claims the rules
// settled, and records the candidates when Input.AllegTrace is set.
func (x *extractor) learnedAllegations() {
	m := x.in.Alleg
	if m == nil && !x.in.AllegTrace {
		return
	}
	bySent := make(map[int][]*draft)
	for _, d := range x.drafts {
		bySent[d.sent] = append(bySent[d.sent], d)
	}
	// The accused of the rules' allegations: what they say is an answer
	// or a statement of their own side, not an allegation (the model
	// would read "would simply kill our business" as one).
	accused := make(map[*entInfo]bool)
	ctx := allegContext{accused: accused, sents: make(map[int]bool)}
	ctx.acts = make(map[string]int)
	for _, d := range x.drafts {
		if d.stance == schema.Allege {
			ctx.rules++
			ctx.sents[d.sent] = true
			if d.target != nil {
				accused[d.target] = true
			}
			if d.cont[0] < d.cont[1] {
				for _, w := range ledger.ActWords(string(x.runes[d.cont[0]:d.cont[1]])) {
					ctx.acts[w] = d.sent
				}
			}
		}
	}
	for _, d := range x.drafts {
		if d.noClaim {
			continue
		}
		c := AllegCandidate{Sentence: d.sent, Evidence: d.evidence, Rule: d.stance == schema.Allege}
		c.Bar = x.barred(d)
		if c.Bar == "" || allowedBars[c.Bar] {
			switch {
			case x.speaksForAccused(d, accused):
				c.Bar = "accused"
			case ctx.rules == 0:
				c.Bar = "no-allegation"
			}
		}
		c.Barred = c.Bar != "" && !allowedBars[c.Bar]
		if !x.in.AllegTrace && (c.Rule && m.Veto <= 0 || !c.Rule && c.Barred) {
			continue // nothing the model says would change it
		}
		feats := x.allegFeatures(d, bySent[d.sent], &ctx)
		c.Features = feats
		c.Start, c.End = d.evidence.End, d.evidence.Start
		for _, sp := range [][2]int{{d.cueSpan.Start, d.cueSpan.End}, {d.srcSpan.Start, d.srcSpan.End}, d.cont} {
			if sp[0] < sp[1] {
				c.Start, c.End = min(c.Start, sp[0]), max(c.End, sp[1])
			}
		}
		if c.Start >= c.End {
			c.Start, c.End = d.evidence.Start, d.evidence.End
		}
		if m != nil {
			c.Prob = m.Prob(feats)
			switch {
			case c.Rule && c.Prob < m.Veto:
				d.stance = schema.Say
				d.target = nil
			case !c.Rule && !c.Barred && c.Prob >= m.Add:
				x.promote(d)
			}
		}
		c.Alleged = d.stance == schema.Allege
		if x.in.AllegTrace {
			x.out.AllegCandidates = append(x.out.AllegCandidates, c)
		}
	}
}

// barred reports whether the model may not make a claim an allegation,
// whatever its score: a denial or an acknowledgement, and, by the
// annotation guide, a content that denies a wrong or finds no evidence
// of one, that speaks of the allegations rather than making one ("the
// claims ... had harmed his business"), or that is a question or a
// conditional ("would simply kill our business").
func (x *extractor) barred(d *draft) string {
	switch {
	case d.stance == schema.Deny || d.stance == schema.Acknowledge:
		return "answer"
	case d.noEvidence:
		return "no-evidence"
	case d.refersBack:
		return "refers-back"
	}
	ts := x.toks(d.sent)
	ka, kb := contentToks(ts, d)
	if ka >= kb {
		return ""
	}
	if deny, _ := x.deniesWrongdoing(ts[ka:kb]); deny {
		return "denies"
	}
	if question(ts, ka, kb) {
		return "question"
	}
	for _, t := range ts[ka:kb] {
		if t.low == "if" || t.low == "unless" {
			return "conditional"
		}
	}
	if conditional(ts, ka, kb, ka) {
		return "modal"
	}
	return ""
}

// speaksForAccused reports whether the claimant of d, or a party it
// answers for, is accused in the document.
func (x *extractor) speaksForAccused(d *draft, accused map[*entInfo]bool) bool {
	if d.claimant == nil || len(accused) == 0 {
		return false
	}
	if accused[d.claimant] || accused[x.asCountry(d.claimant)] {
		return true
	}
	for _, e := range x.sides(d) {
		if accused[e] {
			return true
		}
	}
	return false
}

// allowedBars are the reasons of barred that do not bar: chosen by the
// leave-one-cluster-out figures of cmd/allegtrain (-allow).
var allowedBars = set("modal", "refers-back", "question")

// promote makes a claim an allegation and finds whom it accuses, as the
// rules do for theirs.
func (x *extractor) promote(d *draft) {
	ts := x.toks(d.sent)
	ka, kb := contentToks(ts, d)
	d.stance = schema.Allege
	x.passiveAccused(ts, d)
	if d.target == nil {
		d.target = x.accusedIn(ts, d, ka, kb)
	}
	if d.target != nil {
		if !containsID(d.about, d.target.id) {
			d.about = append(d.about, d.target.id)
		}
		d.target = x.asCountry(d.target)
	}
}

// modalWords are the modal verbs whose presence in a content is a
// feature of its own: a forecast or a possibility is rarely an
// allegation.
var modalWords = set("could", "may", "might", "will", "would", "should", "can", "must", "shall", "'ll")

// hedgeMarks are the reporter's hedges of an act, wherever they stand in
// the sentence.
var hedgeMarks = set("alleged", "allegedly", "reportedly", "suspected", "purported", "purportedly", "apparently", "possible", "probably")

// questionWords open an undetermined question.
var questionWords = set("whether", "if", "why", "how", "what", "who")

var kindNames = [...]string{verbCue: "verb", accordingCue: "according", colonCue: "colon", modelCue: "model"}

// allegFeatures returns the features of a claim, sorted and each once:
// what generalises across stories (the cue and its class, the stance,
// the claimant's type, the lexicon's wrongs, hedges, modality) and the
// stemmed words of the content, which the trainer keeps only when they
// occur in several story clusters.
func (x *extractor) allegFeatures(d *draft, same []*draft, ctx *allegContext) []string {
	ts := x.toks(d.sent)
	ka, kb := contentToks(ts, d)
	f := make([]string, 0, 64)
	add := func(s ...string) { f = append(f, strings.Join(s, "")) }
	switch {
	case ctx.rules == 0:
		add("doc=0")
	case ctx.rules < 3:
		add("doc=1")
	default:
		add("doc=3")
	}
	if ctx.sents[d.sent-1] || ctx.sents[d.sent+1] {
		add("near")
	}
	add("st=", string(d.stance))
	if d.v != nil {
		add("lem=", d.v.lemma)
		add("vst=", string(d.v.stance))
	} else {
		add("lem=-")
	}
	if d.kind >= 0 && d.kind < len(kindNames) {
		add("kind=", kindNames[d.kind])
	}
	if d.negated {
		add("neg")
	}
	if d.passive {
		add("passive")
	}
	if d.sent == 0 {
		add("headline")
	}
	switch {
	case d.claimant != nil:
		add("ct=", d.claimant.typ)
		if d.claimant.kind != "" {
			add("ck=", d.claimant.kind)
		}
	case d.claimantText != "":
		add("ct=text")
		if ws := ledger.Tokens(d.claimantText); len(ws) > 0 {
			add("cw=", ledger.Stem(ws[len(ws)-1]))
		}
	default:
		add("ct=none")
	}
	if d.target != nil {
		add("target")
		if d.target == d.claimant {
			add("self")
		}
	}
	if len(d.hedges) > 0 {
		add("hedge")
	}
	if len(same) > 1 {
		add("multi")
	}
	for _, o := range same {
		if o != d && (o.stance == schema.Deny || o.stance == schema.Acknowledge) {
			add("sent", string(o.stance))
		}
	}
	for k := max(0, d.cs-2); k < min(len(ts), d.ce+2); k++ {
		if k < d.cs || k >= d.ce {
			add("cx=", ts[k].low)
		}
	}
	for _, t := range ts {
		if hedgeMarks[t.low] {
			add("sh=", t.low)
		}
	}
	if wrongIn(ts, 0, len(ts)) >= 0 {
		add("swrong")
	}
	if ka >= kb {
		add("nocontent")
		return uniq(f)
	}
	n := kb - ka
	switch {
	case n <= 3:
		add("clen=1")
	case n <= 8:
		add("clen=2")
	case n <= 20:
		add("clen=3")
	default:
		add("clen=4")
	}
	ct := ts[ka:kb]
	if wrongIn(ts, ka, kb) >= 0 {
		add("wrong")
	}
	for _, k := range ledger.Kinds(lows(ct)) {
		add("wk=", k)
	}
	if anyWrongdoing(ct) {
		add("anywrong")
	}
	if x.blameIn(ts, ka, kb) >= 0 {
		add("blame")
	}
	if question(ts, ka, kb) {
		add("question")
	}
	if conditional(ts, ka, kb, ka) {
		add("cond")
	}
	if deny, _ := x.deniesWrongdoing(ct); deny {
		add("denies")
	}
	if ct[0].qopen || ct[0].inQ {
		add("quoted")
	}
	add("c0=", ct[0].low)
	for _, t := range ct {
		l := t.low
		switch {
		case modalWords[l]:
			add("mod=", l)
		case l == "not" || l == "n't" || l == "no" || l == "never" || l == "nothing":
			add("cneg")
		case questionWords[l]:
			add("qw=", l)
		}
		if r := []rune(l); len(r) > 1 && unicode.IsLetter(r[0]) {
			add("w=", ledger.Stem(l))
		}
	}
	// The act words the content shares with the rules' allegations in
	// other sentences, weighed by how rare they are in news: a claim
	// that restates an allegation of the document.
	rare := 0.0
	for _, w := range ledger.ActWords(string(x.runes[ct[0].start:ct[len(ct)-1].end])) {
		if si, ok := ctx.acts[w]; ok && si != d.sent {
			rare += ledger.IDF(w)
		}
	}
	switch {
	case rare >= 12:
		add("act=3")
	case rare >= 6:
		add("act=2")
	case rare > 0:
		add("act=1")
	}
	other := false
	for _, m := range x.mentionsIn(ct[0].start, ct[len(ct)-1].end) {
		add("ent=", m.e.typ)
		if m.e != d.claimant {
			other = true
		}
		if ctx.accused[m.e] || ctx.accused[x.asCountry(m.e)] {
			add("accused")
		}
	}
	if other {
		add("otherent")
	}
	return uniq(f)
}

// allegContext is what the features of a claim know of its document:
// the rules' allegations, their number, sentences and targets.
type allegContext struct {
	rules   int
	sents   map[int]bool
	accused map[*entInfo]bool
	// acts holds the act words (ledger.ActWords) of the rules'
	// allegations' contents, each with the sentence of one of them.
	acts map[string]int
}

// uniq sorts fs and drops repeats.
func uniq(fs []string) []string {
	sort.Strings(fs)
	out := fs[:0]
	for i, s := range fs {
		if i == 0 || s != fs[i-1] {
			out = append(out, s)
		}
	}
	return out
}

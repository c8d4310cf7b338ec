package claims

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"github.com/dossier-project/dossier/schema"
)

func TestAllegModelRoundTrip(t *testing.T) {
	m := &AllegModel{Bias: -1.25, Add: 0.45, Veto: 0.1, W: map[string]float64{"lem=say": 0.5, "w=violat": 2, "zero": 0}}
	var b bytes.Buffer
	if _, err := m.WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	want := "bias\t-1.25\nadd\t0.45\nveto\t0.1\nf\tlem=say\t0.5\nf\tw=violat\t2\n"
	if b.String() != want {
		t.Fatalf("written:\n%s\nwant:\n%s", b.String(), want)
	}
	r, err := ReadAllegModel(strings.NewReader(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	if r.Bias != m.Bias || r.Add != m.Add || r.Veto != m.Veto || len(r.W) != 2 || r.W["w=violat"] != 2 {
		t.Errorf("read back %+v", r)
	}
	if p := r.Prob([]string{"w=violat", "unknown"}); p < 0.67 || p > 0.68 {
		t.Errorf("Prob = %v, want sigmoid(0.75) = 0.679", p)
	}
}

func TestReadAllegModelRefusesBadInput(t *testing.T) {
	for name, in := range map[string]string{
		"empty":             "",
		"no thresholds":     "bias\t0\nf\tw=x\t1\n",
		"not a number":      "bias\t0\nadd\tx\nveto\t0\n",
		"NaN weight":        "bias\t0\nadd\t0.5\nveto\t0\nf\tw=x\tNaN\n",
		"add out of range":  "bias\t0\nadd\t0\nveto\t0\n",
		"veto out of range": "bias\t0\nadd\t0.5\nveto\t1\n",
		"a stray line":      "bias\t0\nadd\t0.5\nveto\t0\nhello\n",
		"empty feature":     "bias\t0\nadd\t0.5\nveto\t0\nf\t\t1\n",
	} {
		if _, err := ReadAllegModel(strings.NewReader(in)); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

func TestDefaultAllegModelLoads(t *testing.T) {
	m, err := DefaultAllegModel()
	if err != nil {
		t.Fatal(err)
	}
	if m.Add <= 0 || m.Add > 1 {
		t.Errorf("add threshold %v", m.Add)
	}
}

// stances returns "stance cue" of each claim of a text extracted with the
// model m, and the model's candidates.
func stancesWith(m *AllegModel, text string, ents ...[3]string) ([]string, Output) {
	in := sentenceInput(text, ents...)
	in.Alleg = m
	in.AllegTrace = true
	out := Extract(in)
	var got []string
	for _, c := range out.Claims {
		s := string(c.Stance) + " " + c.Cue.Text
		if c.Stance == schema.Allege && c.Target != "" {
			s += " -> " + string(c.Target)
		}
		got = append(got, s)
	}
	return got, out
}

func TestLearnedAllegationsAddAndVeto(t *testing.T) {
	// A model that reads every "say" as an allegation: in a document
	// where the rules allege, it makes allegations of statements, finds
	// whom they accuse, and never touches a denial or a conditional.
	says := &AllegModel{Bias: -5, Add: 0.5, W: map[string]float64{"lem=say": 10}}
	china := [3]string{"China", schema.Place, schema.KindCountry}
	const first = "The Senate accused China of dumping steel. "
	alleged := "allege accused -> loc/china"
	got, out := stancesWith(says, first+"The Senate said Japan kept its market closed to U.S. chips.", senate, japan, china)
	if want := []string{alleged, "allege said -> loc/japan"}; !slices.Equal(got, want) {
		t.Errorf("promoted: got %q, want %q", got, want)
	}
	if len(out.AllegCandidates) != 2 || !out.AllegCandidates[0].Rule || out.AllegCandidates[1].Rule || !out.AllegCandidates[1].Alleged ||
		!slices.Contains(out.AllegCandidates[1].Features, "lem=say") || !slices.Contains(out.AllegCandidates[1].Features, "otherent") {
		t.Errorf("candidates %+v", out.AllegCandidates)
	}
	got, _ = stancesWith(says, first+"Japan denied it kept its market closed.", senate, japan, china)
	if want := []string{alleged, "deny denied"}; !slices.Equal(got, want) {
		t.Errorf("a denial: got %q, want %q", got, want)
	}
	got, _ = stancesWith(says, first+"The Senate said it would act if Japan kept its market closed.", senate, japan, china)
	if want := []string{alleged, "say said"}; !slices.Equal(got, want) {
		t.Errorf("a conditional: got %q, want %q", got, want)
	}
	// Without a model the rules decide; without an allegation of the rules
	// in the document the model adds none.
	got, _ = stancesWith(nil, first+"The Senate said Japan kept its market closed to U.S. chips.", senate, japan, china)
	if want := []string{alleged, "say said"}; !slices.Equal(got, want) {
		t.Errorf("rules alone: got %q, want %q", got, want)
	}
	got, _ = stancesWith(says, "The Senate said Japan kept its market closed to U.S. chips.", senate, japan)
	if want := []string{"say said"}; !slices.Equal(got, want) {
		t.Errorf("no allegation of the rules: got %q, want %q", got, want)
	}
	// A veto drops an allegation of the rules that scores below it.
	veto := &AllegModel{Bias: -10, Add: 1, Veto: 0.5, W: map[string]float64{}}
	got, _ = stancesWith(veto, "The Senate said Japan has violated the pact.", senate, japan)
	if want := []string{"say said"}; !slices.Equal(got, want) {
		t.Errorf("veto: got %q, want %q", got, want)
	}
}

func TestLearnedAllegationsSpareTheAccused(t *testing.T) {
	// Japan is accused in the document: what Japan says is not made an
	// allegation, whatever the model scores.
	says := &AllegModel{Bias: -5, Add: 0.5, W: map[string]float64{"lem=say": 10}}
	got, _ := stancesWith(says, "The Senate accused Japan of dumping chips. Japan said the market was weak.", senate, japan)
	if want := []string{"allege accused -> loc/japan", "say said"}; !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestShippedAllegModel(t *testing.T) {
	m, err := DefaultAllegModel()
	if err != nil {
		t.Fatal(err)
	}
	if len(m.W) < 100 {
		t.Fatalf("the shipped model has %d weights", len(m.W))
	}
	acme := [3]string{"Acme Corp", schema.Organization, schema.KindCompany}
	sec := [3]string{"Securities and Exchange Commission", schema.Organization, schema.KindAgency}
	// A report of allegations the rules leave a report: the model makes it
	// an allegation against the party it names, in a document where the
	// rules allege.
	text := "The Securities and Exchange Commission accused Acme Corp of fraud. Employees have gone to the FBI with allegations of fraud by Acme Corp in its accounts, a newspaper reported."
	rules, _ := stancesWith(nil, text, acme, sec)
	if want := []string{"allege accused -> org/acme-corp", "allege allegations", "report reported"}; !slices.Equal(rules, want) {
		t.Fatalf("rules alone: got %q, want %q", rules, want)
	}
	got, _ := stancesWith(m, text, acme, sec)
	if want := []string{"allege accused -> org/acme-corp", "allege allegations", "allege reported -> org/acme-corp"}; !slices.Equal(got, want) {
		t.Errorf("with the model: got %q, want %q", got, want)
	}
	// In a document where the rules find no allegation, the model adds
	// none (on unseen news it otherwise read profits and prices as wrongs).
	got, _ = stancesWith(m, "Employees have gone to the FBI with concerns about Acme Corp, a newspaper reported.", acme)
	if want := []string{"report reported"}; !slices.Equal(got, want) {
		t.Errorf("a document without an allegation: got %q, want %q", got, want)
	}
}

// TestGoldArticleWithAllegModel checks that the shipped allegation model
// changes no claim of the model article: its statements are the accused's
// own or carry no allegation.
func TestGoldArticleWithAllegModel(t *testing.T) {
	m, err := DefaultAllegModel()
	if err != nil {
		t.Fatal(err)
	}
	in, _ := articleInput(t)
	rules := Extract(in)
	in.Alleg = m
	with := Extract(in)
	if len(with.Claims) != len(rules.Claims) {
		t.Fatalf("%d claims with the model, %d without", len(with.Claims), len(rules.Claims))
	}
	for i, c := range with.Claims {
		if r := rules.Claims[i]; c.Stance != r.Stance || c.Target != r.Target || !slices.Equal(c.RespondsTo, r.RespondsTo) {
			t.Errorf("%s %q: %s -> %s, target %q -> %q", c.ID, c.Cue.Text, r.Stance, c.Stance, r.Target, c.Target)
		}
	}
}

package extract

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"math/rand"
	"os"
	"strings"
	"testing"

	"github.com/dossier-project/dossier/internal/gold"
	"github.com/dossier-project/dossier/schema"
)

func doc(text string) *schema.Document {
	sum := sha256.Sum256([]byte(text))
	h := hex.EncodeToString(sum[:])
	return &schema.Document{ID: h[:16], Hash: h, Text: text, Path: "test"}
}

func newExtractor(t testing.TB) *Extractor {
	t.Helper()
	x, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	return x
}

// TestExampleAgainstGold runs the whole pass on the example article (as
// the scraped-page reader lays it out) and scores it against the gold.
func TestExampleAgainstGold(t *testing.T) {
	raw, err := os.ReadFile("../examples/kaspersky-2017-10-24.txt")
	if err != nil {
		t.Fatal(err)
	}
	fh, err := os.Open("../examples/kaspersky-2017-10-24.gold.json")
	if err != nil {
		t.Fatal(err)
	}
	defer fh.Close()
	g, err := gold.Read(fh)
	if err != nil {
		t.Fatal(err)
	}
	d := doc(string(raw))
	d.Date = "2017-10-24"
	res, err := newExtractor(t).Extract(context.Background(), d)
	if err != nil {
		t.Fatal(err)
	}
	rep := gold.Score(res, g)
	var b strings.Builder
	rep.WriteTo(&b)
	t.Log("\n" + b.String())
	if rep.EntitiesFound != rep.EntitiesTotal || rep.TypesRight != rep.EntitiesTotal || rep.GroupsMerged != rep.EntitiesTotal {
		t.Errorf("entities: found %d, types %d, merged %d of %d", rep.EntitiesFound, rep.TypesRight, rep.GroupsMerged, rep.EntitiesTotal)
	}
	if rep.KindsRight != rep.KindsTotal || len(rep.NotEntitiesLeaked) > 0 {
		t.Errorf("kinds %d/%d, leaked %v", rep.KindsRight, rep.KindsTotal, rep.NotEntitiesLeaked)
	}
	if rep.ClaimsRight < 17 || rep.ChannelsRight != rep.ChannelsTotal || rep.RelationsFound != rep.RelationsTotal ||
		rep.LinksFound != rep.LinksTotal || rep.DatesRight != rep.DatesTotal {
		t.Errorf("claims %d/%d, channels %d/%d, relations %d/%d, links %d/%d, dates %d/%d",
			rep.ClaimsRight, rep.ClaimsTotal, rep.ChannelsRight, rep.ChannelsTotal, rep.RelationsFound,
			rep.RelationsTotal, rep.LinksFound, rep.LinksTotal, rep.DatesRight, rep.DatesTotal)
	}
}

func TestResolution(t *testing.T) {
	x := newExtractor(t)
	for _, tc := range []struct {
		text string
		// want maps a mention's text or alias to the name of the entity
		// it must belong to.
		want map[string]string
		// apart lists pairs of mentions that must be different entities.
		apart [][2]string
	}{
		{
			text: "Eugene Kaspersky founded the firm. Mr Kaspersky said on Monday that Kaspersky was proud.",
			want: map[string]string{"Mr Kaspersky": "Eugene Kaspersky"},
		},
		{
			text: "The North Atlantic Treaty Organization (NATO) met in Brussels. NATO said it would act.",
			want: map[string]string{"NATO": "North Atlantic Treaty Organization"},
		},
		{
			text: "Officials in the U.S. and the United States government disagreed, America said.",
			want: map[string]string{"U.S.": "United States", "America": "United States"},
		},
		{
			text: "The IMF said growth slowed. The International Monetary Fund also said the European Union and the EU's members should spend more.",
			want: map[string]string{"IMF": "International Monetary Fund", "EU": "European Union"},
		},
		{
			// Two names spell "EC": neither gets it.
			text:  "The European Commission and the European Community disagreed. The EC said it would decide.",
			apart: [][2]string{{"EC", "European Commission"}, {"EC", "European Community"}},
		},
		{
			text:  "Angela Merkel met Emmanuel Macron. Ms Merkel said Mr Macron agreed.",
			want:  map[string]string{"Ms Merkel": "Angela Merkel", "Mr Macron": "Emmanuel Macron"},
			apart: [][2]string{{"Ms Merkel", "Mr Macron"}},
		},
	} {
		res, err := x.Extract(context.Background(), doc(tc.text))
		if err != nil {
			t.Fatal(err)
		}
		// A name belongs to the entity that has it as a mention or alias.
		of := make(map[string]schema.Entity)
		for _, e := range res.Entities {
			for _, m := range e.Mentions {
				of[m.Text] = e
			}
			for _, a := range e.Aliases {
				of[a] = e
			}
		}
		for m, name := range tc.want {
			if of[m].Name != name {
				t.Errorf("%q: mention %q belongs to %q, want %q", tc.text, m, of[m].Name, name)
			}
		}
		for _, p := range tc.apart {
			if of[p[0]].ID == of[p[1]].ID {
				t.Errorf("%q: %q and %q merged", tc.text, p[0], p[1])
			}
		}
	}
}

// A person known only by a surname is not the same person in two
// unrelated articles; a full name is.
func TestBareSurnameIsScopedToDocument(t *testing.T) {
	x := newExtractor(t)
	ids := func(text string) map[string]string {
		res, err := x.Extract(context.Background(), doc(text))
		if err != nil {
			t.Fatal(err)
		}
		out := make(map[string]string)
		for _, e := range res.Entities {
			out[e.Name] = e.ID
		}
		return out
	}
	a := ids("Mr Smith, a farmer, said the harvest was poor.")
	b := ids("Police said Mr Smith was arrested in Leeds on Friday.")
	// Known only as "Mr Smith": the honorific stays in the name (Mr and
	// Mrs Smith of one article are two people), the ID is the article's.
	if a["Mr Smith"] == "" || a["Mr Smith"] == b["Mr Smith"] {
		t.Errorf("bare surname IDs: %q and %q", a["Mr Smith"], b["Mr Smith"])
	}
	c := ids("John Smith, a farmer, said the harvest was poor.")
	d := ids("Police said John Smith was arrested in Leeds on Friday.")
	if c["John Smith"] == "" || c["John Smith"] != d["John Smith"] {
		t.Errorf("full name IDs: %q and %q", c["John Smith"], d["John Smith"])
	}
}

// Inputs that break prose and naive tokenizers: the pass must return a
// checked result or an error, never panic, on both recognisers.
func TestPathologicalInputs(t *testing.T) {
	rnd := rand.New(rand.NewSource(1))
	junk := make([]byte, 1<<20)
	rnd.Read(junk)
	inputs := map[string]string{
		"latin1-before-s": "The company\xe9's chief said \xff\xfe's no.",
		"dots":            strings.Repeat(".", 10000),
		"whitespace":      strings.Repeat(" \n\t\u00a0", 75000),
		"random":          strings.ToValidUTF8(string(junk), "\uFFFD"),
		"quotes":          strings.Repeat(`"He said," she said: "`, 2000),
	}
	for _, ner := range []string{"dossier", "prose"} {
		r, err := NewRecognizer(ner)
		if err != nil {
			t.Fatal(err)
		}
		x, _ := New(Options{NER: r})
		for name, in := range inputs {
			if ner == "prose" && len(in) > 100000 {
				in = in[:100000]
			}
			res, err := x.Extract(context.Background(), doc(in))
			if err != nil {
				t.Logf("%s/%s: error (not a panic): %v", ner, name, err)
				continue
			}
			if err := res.Check(); err != nil {
				t.Errorf("%s/%s: %v", ner, name, err)
			}
		}
	}
}

func FuzzExtract(f *testing.F) {
	f.Add("Mr Kaspersky denies his business helped the Russian Federal Security Service (FSB).")
	f.Add("\"We are sure,\" he said, citing Sky News. In October, the BSI told Reuters: \"No.\"")
	f.Add("U.S. (NSA) ((( ))) 's 's \u00a0\u00a0 -- ...")
	x, err := New(Options{})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) {
		res, err := x.Extract(context.Background(), doc(s))
		if err != nil {
			return
		}
		if err := res.Check(); err != nil {
			t.Fatal(err)
		}
	})
}

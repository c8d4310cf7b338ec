package extract

import (
	"strings"
	"testing"

	"github.com/dossier-project/dossier/schema"
)

// TestPersonCompany checks that a single word the recogniser made a person
// is the company of the story whose name starts with it ("ZORVEX'S" of a
// headline beside Zorvex's Investors Service Inc), and that a government
// named after a person, a titled surname and a word no company starts
// with stay persons.
func TestPersonCompany(t *testing.T) {
	txt := "ZORVEX'S CUTS RATINGS\n" +
		"Zorvex's Investors Service Inc said it cut ratings. Zorvex said more.\n" +
		"The Maltby Administration met. Maltby spoke. Quill Holdings Inc rose and Mr Quill said so. Tarrow agreed.\n"
	runes := []rune(txt)
	var ms []*mention
	add := func(name, typ string, nth int) {
		i := -1
		for k := 0; k < nth; k++ {
			j := strings.Index(txt[i+1:], name)
			if j < 0 {
				t.Fatalf("%q not in text %d times", name, nth)
			}
			i += 1 + j
		}
		start := len([]rune(txt[:i]))
		m := &mention{Found: Found{Span: schema.MakeSpan(runes, start, start+len([]rune(name))), Type: typ}}
		if name == "Quill" && nth == 2 {
			m.titled, m.title = true, "Mr"
		}
		ms = append(ms, m)
	}
	add("ZORVEX", schema.Person, 1)
	add("Zorvex's Investors Service Inc", schema.Organization, 1)
	add("Zorvex", schema.Person, 2)
	add("Maltby Administration", schema.Organization, 1)
	add("Maltby", schema.Person, 2)
	add("Quill Holdings Inc", schema.Organization, 1)
	add("Quill", schema.Person, 2)
	add("Tarrow", schema.Person, 1)
	ents := group(ms)
	typeOf := map[string]string{}
	for _, e := range ents {
		for _, m := range e.Mentions {
			typeOf[m.Text] += e.Type + ":" + e.Name + ";"
		}
	}
	for text, want := range map[string]string{
		"ZORVEX":                "Organization:Zorvex's Investors Service Inc;",
		"Zorvex":                "Organization:Zorvex's Investors Service Inc;",
		"Maltby":                "Person:Maltby;",
		"Quill":                 "Person:Mr Quill;",
		"Tarrow":                "Person:Tarrow;",
		"Maltby Administration": "Organization:Maltby Administration;",
	} {
		if got := typeOf[text]; got != want {
			t.Errorf("%q is %q, want %q", text, got, want)
		}
	}
}

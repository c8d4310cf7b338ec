package server

import (
	"regexp"
	"strings"
	"testing"

	"github.com/dossier-project/dossier/schema"
)

// TestEveryStanceIsDrawn fails when a stance of the schema has no edge
// colour, no card and badge style, or no entry in the legend.
func TestEveryStanceIsDrawn(t *testing.T) {
	css, err := staticFiles.ReadFile("static/style.css")
	if err != nil {
		t.Fatal(err)
	}
	html, err := staticFiles.ReadFile("static/index.html")
	if err != nil {
		t.Fatal(err)
	}
	legend := map[string]bool{}
	for _, m := range regexp.MustCompile(`data-stances="([^"]*)"`).FindAllStringSubmatch(string(html), -1) {
		for _, s := range strings.Fields(m[1]) {
			legend[s] = true
		}
	}
	for _, s := range schema.Stances {
		if stanceColour[string(s)] == "" {
			t.Errorf("stance %q has no edge colour in svg.go", s)
		}
		if !strings.Contains(string(css), ".badge."+string(s)) {
			t.Errorf("stance %q has no .badge.%s style in style.css", s, s)
		}
		if !legend[string(s)] {
			t.Errorf("stance %q is not in the legend of index.html", s)
		}
	}
	for s := range legend {
		if !schema.Stance(s).Valid() {
			t.Errorf("legend names unknown stance %q", s)
		}
	}
}

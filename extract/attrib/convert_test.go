package attrib

import (
	"reflect"
	"strings"
	"testing"

	"github.com/dossier-project/dossier/schema"
)

// span returns the span of the first occurrence of sub in txt.
func span(t *testing.T, txt, sub string) schema.Span {
	t.Helper()
	i := strings.Index(txt, sub)
	if i < 0 {
		t.Fatalf("%q not in %q", sub, txt)
	}
	runes := []rune(txt)
	return schema.MakeSpan(runes, len([]rune(txt[:i])), len([]rune(txt[:i]))+len([]rune(sub)))
}

func TestFromClaimsFragments(t *testing.T) {
	txt := `“There is a revolution,” Ramos said, referring to the Hispanic community. “It will come.” He left.`
	said := schema.Claim{ID: "c1",
		Source:  span(t, txt, "Ramos"),
		Cue:     span(t, txt, "said"),
		Content: span(t, txt, `“There is a revolution,” Ramos said, referring to the Hispanic community. “It will come.”`)}
	referring := schema.Claim{ID: "c2",
		Source:  span(t, txt, "Ramos"),
		Cue:     span(t, txt, "referring to"),
		Content: span(t, txt, "the Hispanic community")}
	got := FromClaims([]schema.Claim{said, referring})
	if len(got) != 2 {
		t.Fatalf("got %d attributions, want 2 (the participle is between the parts of the quotation, not nested in it): %+v", len(got), got)
	}
	want := Fragments{{span(t, txt, `“There is a revolution,”`).Start, span(t, txt, `“There is a revolution,”`).End}, {span(t, txt, `“It will come.”`).Start, span(t, txt, `“It will come.”`).End}}
	if !reflect.DeepEqual(got[0].ContentFragments, want) {
		t.Errorf("content fragments %v, want %v", got[0].ContentFragments, want)
	}
	// A claim inside a content that does not hold its own cue is nested.
	inner := schema.Claim{ID: "c3", Source: span(t, txt, "He"), Cue: span(t, txt, "left"), Content: span(t, txt, "He left")}
	outer := schema.Claim{ID: "c4", Cue: span(t, txt, "referring to"), Content: span(t, txt, "the Hispanic community. “It will come.” He left")}
	if got := FromClaims([]schema.Claim{outer, inner}); len(got) != 1 || got[0].ID != "c4" || len(got[0].ContentFragments) != 1 {
		t.Errorf("nested: got %+v, want c4 alone with one fragment", got)
	}
}

// TestFromClaimsSameQuotation: a claim that is one sentence of another
// claim's quotation, under the same cue (a denial the claims pass reads
// in the quotation's second sentence), is not an attribution of its own.
func TestFromClaimsSameQuotation(t *testing.T) {
	txt := `Smith said, "We were audited. We deny any misconduct." He left.`
	said := schema.Claim{ID: "c1", Source: span(t, txt, "Smith"), Cue: span(t, txt, "said"),
		Content: span(t, txt, "We were audited. We deny any misconduct.")}
	deny := schema.Claim{ID: "c2", Source: span(t, txt, "Smith"), Cue: span(t, txt, "said"),
		Content: span(t, txt, "We deny any misconduct")}
	if got := FromClaims([]schema.Claim{said, deny}); len(got) != 1 || got[0].ID != "c1" {
		t.Errorf("got %+v, want c1 alone", got)
	}
}

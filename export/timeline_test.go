package export

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// fixtureEvents is the model article's timeline, sorted, with one undated
// event and one month-precision event.
func fixtureEvents() []Event {
	return []Event{
		{Date: "2017", Entity: "Kaspersky Lab", EntityID: idLab, Kind: "mention", What: "Kaspersky Lab announces a global transparency initiative",
			DocID: docID, DocTitle: docTitle, DocURL: docURL},
		{Date: "2017-10", Precision: "month", Entity: "Federal Office for Information Security", EntityID: idBSI, Kind: "claim", Stance: "say",
			What: "Federal Office for Information Security says: it has no evidence to support the US media reports", Evidence: evBSI,
			DocID: docID, DocTitle: docTitle, DocURL: docURL},
		{Date: "2017-10-24", Precision: "day", Entity: "Eugene Kaspersky", EntityID: idKaspersky, Kind: "claim", Stance: "deny",
			What: "Eugene Kaspersky denies: his business helped the Russian Federal Security Service (FSB) steal <malware> & more", Evidence: evDeny,
			DocID: docID, DocTitle: docTitle, DocURL: docURL},
		{Date: "2017-10-24", Entity: "Eugene Kaspersky", EntityID: idKaspersky, Kind: "claim", Stance: "say",
			What: `Eugene Kaspersky says: "we are absolutely sure that there's nothing wrong"`, Evidence: evSay,
			DocID: docID, DocURL: docURL},
		{Date: "", Entity: "Sky News", EntityID: idSky, Kind: "claim", Stance: "allege",
			What: "media reports allege: Kaspersky software was used by Russian intelligence", Evidence: evMedia, DocID: docID},
	}
}

func timeline(t *testing.T, format string, events []Event) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteTimeline(&buf, format, events); err != nil {
		t.Fatalf("%s: %v", format, err)
	}
	return buf.Bytes()
}

func TestTimelineText(t *testing.T) {
	out := string(timeline(t, "text", fixtureEvents()))
	main, undated, ok := strings.Cut(out, "\nUndated\n")
	if !ok {
		t.Fatalf("no Undated section:\n%s", out)
	}
	if !strings.HasPrefix(main, "2017        Kaspersky Lab announces") || !strings.Contains(main, "\n2017-10     Federal Office") ||
		!strings.Contains(main, "\n2017-10-24  Eugene Kaspersky denies: ") {
		t.Errorf("dated section:\n%s", main)
	}
	if strings.Contains(main, "media reports allege") || !strings.HasPrefix(undated, "            media reports allege") {
		t.Errorf("undated event misplaced:\n%s", out)
	}
	if !strings.Contains(main, "\n            > \"There are no plans") || !strings.Contains(main, `the agency said. (second line)`+"\n") {
		t.Errorf("evidence not on one line:\n%s", main)
	}
	if !strings.Contains(main, docTitle+" <"+docURL+">") {
		t.Errorf("no source line:\n%s", main)
	}
}

func TestTimelineJSON(t *testing.T) {
	var doc struct {
		Events  []map[string]string
		Undated []map[string]string
	}
	if err := json.Unmarshal(timeline(t, "json", fixtureEvents()), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Events) != 4 || len(doc.Undated) != 1 {
		t.Fatalf("%d dated, %d undated", len(doc.Events), len(doc.Undated))
	}
	var prec []string
	for _, e := range doc.Events {
		prec = append(prec, e["precision"])
	}
	if diff := cmp.Diff([]string{"year", "month", "day", "day"}, prec); diff != "" {
		t.Errorf("precisions (-want +got):\n%s", diff)
	}
	if doc.Events[1]["evidence"] != evBSI || doc.Undated[0]["date"] != "" || doc.Undated[0]["entity_id"] != idSky {
		t.Errorf("events: %v %v", doc.Events[1], doc.Undated[0])
	}
}

func TestTimelineCSV(t *testing.T) {
	rows, err := csv.NewReader(bytes.NewReader(timeline(t, "csv", fixtureEvents()))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	head := strings.Join(rows[0][:18], ",")
	if head != "Year,Month,Day,Time,End Year,End Month,End Day,End Time,Display Date,Headline,Text,Media,Media Credit,Media Caption,Media Thumbnail,Type,Group,Background" {
		t.Errorf("TimelineJS columns: %s", head)
	}
	if len(rows) != 5 {
		t.Fatalf("%d rows, want header + 4 dated events", len(rows))
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	for i, want := range [][3]string{{"2017", "", ""}, {"2017", "10", ""}, {"2017", "10", "24"}, {"2017", "10", "24"}} {
		r := rows[i+1]
		if got := [3]string{r[0], r[1], r[2]}; got != want {
			t.Errorf("row %d: Year/Month/Day %v, want %v", i+1, got, want)
		}
	}
	r := rows[3]
	if r[col["Group"]] != "Eugene Kaspersky" || r[col["evidence"]] != evDeny || r[col["date"]] != "2017-10-24" {
		t.Errorf("row 3: %v", r)
	}
	if !strings.Contains(r[col["Headline"]], "steal &lt;malware&gt; &amp; more") || !strings.HasPrefix(r[col["Text"]], "<blockquote>Mr Kaspersky denies") {
		t.Errorf("HTML columns not escaped: %q / %q", r[col["Headline"]], r[col["Text"]])
	}
}

func TestTimelineJS(t *testing.T) {
	var doc struct {
		Events []struct {
			UniqueID  string         `json:"unique_id"`
			StartDate map[string]int `json:"start_date"`
			Text      struct{ Headline, Text string }
			Group     string
		}
	}
	if err := json.Unmarshal(timeline(t, "timelinejs", fixtureEvents()), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Events) != 4 {
		t.Fatalf("%d events, want the 4 dated ones", len(doc.Events))
	}
	want := []map[string]int{{"year": 2017}, {"year": 2017, "month": 10}, {"year": 2017, "month": 10, "day": 24}, {"year": 2017, "month": 10, "day": 24}}
	ids := map[string]bool{}
	for i, e := range doc.Events {
		if diff := cmp.Diff(want[i], e.StartDate); diff != "" {
			t.Errorf("event %d start_date (-want +got):\n%s", i, diff)
		}
		if ids[e.UniqueID] {
			t.Errorf("duplicate unique_id %s", e.UniqueID)
		}
		ids[e.UniqueID] = true
	}
	if e := doc.Events[3]; e.Group != "Eugene Kaspersky" || !strings.Contains(e.Text.Headline, "&#34;we are absolutely sure") ||
		!strings.Contains(e.Text.Text, "&amp; Kaspersky Lab’s “audits”") {
		t.Errorf("event 3: %+v", e)
	}
	var buf bytes.Buffer
	if err := WriteTimeline(&buf, "timelinejs", fixtureEvents()[4:]); !errors.Is(err, ErrNoDatedEvents) {
		t.Errorf("only undated events: %v, want ErrNoDatedEvents", err)
	}
}

func TestTimelineVis(t *testing.T) {
	var doc struct {
		Items []struct {
			ID, Start, Group, Content, Title, ClassName string
		}
		Groups []struct{ ID, Content string }
	}
	if err := json.Unmarshal(timeline(t, "vis-timeline", fixtureEvents()), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Items) != 4 {
		t.Fatalf("%d items", len(doc.Items))
	}
	groups := map[string]bool{}
	for _, g := range doc.Groups {
		groups[g.ID] = true
	}
	if len(doc.Groups) != 3 {
		t.Errorf("groups %+v: want one per entity", doc.Groups)
	}
	var starts, classes []string
	for _, it := range doc.Items {
		if !groups[it.Group] {
			t.Errorf("item %s in unknown group %q", it.ID, it.Group)
		}
		starts = append(starts, it.Start)
		classes = append(classes, it.ClassName)
	}
	if diff := cmp.Diff([]string{"2017-01-01", "2017-10-01", "2017-10-24", "2017-10-24"}, starts); diff != "" {
		t.Errorf("starts (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"precision-year", "precision-month", "precision-day", "precision-day"}, classes); diff != "" {
		t.Errorf("classes (-want +got):\n%s", diff)
	}
	if !strings.HasPrefix(doc.Items[1].Title, "2017-10 (month precision): ") || !strings.Contains(doc.Items[2].Content, "&lt;malware&gt; &amp; more") {
		t.Errorf("items: %+v", doc.Items[1:3])
	}
}

func TestTimelineErrors(t *testing.T) {
	for _, tc := range []struct {
		format string
		events []Event
		want   string
	}{
		{"text", []Event{{Date: "24/10/2017", What: "x"}}, `date "24/10/2017"`},
		{"text", []Event{{Date: "Oct 2017", What: "x"}}, "want YYYY-MM-DD"},
		{"json", []Event{{Date: "2017-13", What: "x"}}, "2017-13"},
		{"csv", []Event{{Date: "2017-02-30", What: "x"}}, "2017-02-30"},
		{"vis", []Event{{Date: "2017-10", Precision: "day", What: "x"}}, "month precision, not day"},
		{"html", nil, `timeline format "html"`},
	} {
		var buf bytes.Buffer
		err := WriteTimeline(&buf, tc.format, tc.events)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s %v: %v, want %q", tc.format, tc.events, err, tc.want)
		}
	}
}

func TestOneLine(t *testing.T) {
	for _, s := range []string{
		"", " ", "a", "a b", " a", "a ", "a  b", "a\nb", "a\u00a0b", "\t a \n\n b \t",
		"Mr Kaspersky denies\nhis business", "caf\xe9 au lait", "ü  ß", "a\u2028b",
	} {
		want := strings.Join(strings.Fields(valid(s)), " ")
		if got := OneLine(s); got != want {
			t.Errorf("OneLine(%q) = %q, want %q", s, got, want)
		}
	}
}

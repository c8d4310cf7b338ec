package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dossier-project/dossier/graph"
)

const article = "../../examples/kaspersky-2017-10-24.txt"

// run executes the root command like main does and returns stdout,
// stderr and the exit status.
func run(t *testing.T, stdin string, args ...string) (string, string, int) {
	t.Helper()
	var out, errb bytes.Buffer
	root := New(strings.NewReader(stdin), &out, &errb)
	root.SetArgs(args)
	err := root.ExecuteContext(context.Background())
	if err != nil {
		errb.WriteString("dossier: " + err.Error() + "\n")
	}
	return out.String(), errb.String(), ExitCode(err)
}

type span struct {
	Text       string
	Start, End int
}

type extracted struct {
	Document struct{ ID, Title, Date, Source, URL string }
	Entities []struct {
		ID, Name, Type, Kind string
		Aliases              []string
		Mentions             []span
	}
	Claims []struct {
		ID, Stance           string
		ClaimantText         string `json:"claimant_text"`
		Claimant             *string
		Cue, Source, Content span
		Evidence             span
		About                []string
		Channel              *string
		RespondsTo           []string `json:"responds_to"`
	}
	Relations []struct {
		Subject, Predicate, Object string
		Evidence                   span
	}
}

func TestExtractJSONExample(t *testing.T) {
	out, stderr, code := run(t, "", "extract", "--json", article)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 1 {
		t.Fatalf("want one JSON line per document, got %d", len(lines))
	}
	var x extracted
	if err := json.Unmarshal([]byte(lines[0]), &x); err != nil {
		t.Fatal(err)
	}
	if x.Document.Date != "2017-10-24" || !strings.HasPrefix(x.Document.Title, "Cybersecurity firm Kaspersky") {
		t.Errorf("document: %+v", x.Document)
	}
	raw, err := os.ReadFile(article)
	if err != nil {
		t.Fatal(err)
	}
	runes := []rune(string(raw))
	exact := func(what string, s span) {
		t.Helper()
		if s.Start < 0 || s.End > len(runes) || s.Start > s.End || string(runes[s.Start:s.End]) != s.Text {
			t.Errorf("%s %q at [%d,%d) is not the text there", what, s.Text, s.Start, s.End)
		}
	}
	byName := make(map[string]string)
	for _, e := range x.Entities {
		byName[e.Name] = e.Type
		for _, a := range e.Aliases {
			if _, ok := byName[a]; !ok {
				byName[a] = e.Type
			}
		}
		for _, m := range e.Mentions {
			exact("mention of "+e.Name, m)
		}
	}
	for name, typ := range map[string]string{"Eugene Kaspersky": "Person", "Kaspersky Lab": "Organization",
		"FSB": "Organization", "NSA": "Organization", "BSI": "Organization"} {
		if byName[name] != typ {
			t.Errorf("entity %s: type %q, want %s", name, byName[name], typ)
		}
	}
	for _, bad := range []string{"October", "Read", "More about", "Mr", "United"} {
		if _, ok := byName[bad]; ok {
			t.Errorf("%q became an entity", bad)
		}
	}
	full := 0
	for _, c := range x.Claims {
		for _, s := range []struct {
			n string
			s span
		}{{"cue", c.Cue}, {"source", c.Source}, {"content", c.Content}, {"evidence", c.Evidence}} {
			if s.s != (span{}) {
				exact("claim "+c.ID+" "+s.n, s.s)
			}
		}
		if c.Claimant != nil && c.Cue.Text != "" && c.Stance != "" && c.Content.Text != "" {
			full++
		}
	}
	if full < 5 {
		t.Errorf("%d claims with claimant, cue, stance and content; want at least 5", full)
	}
	for _, r := range x.Relations {
		exact("relation "+r.Predicate, r.Evidence)
	}
}

func TestIngestIsIdempotent(t *testing.T) {
	store := filepath.Join(t.TempDir(), "g.db")
	if _, stderr, code := run(t, "", "--store", store, "ingest", article); code != 0 {
		t.Fatalf("ingest: %d %s", code, stderr)
	}
	stats := func() graph.Stats {
		out, stderr, code := run(t, "", "--store", store, "stats", "--json")
		if code != 0 {
			t.Fatalf("stats: %d %s", code, stderr)
		}
		var s graph.Stats
		if err := json.Unmarshal([]byte(out), &s); err != nil {
			t.Fatal(err)
		}
		return s
	}
	s1 := stats()
	if s1.Documents != 1 || s1.Entities < 10 || s1.Claims < 5 || s1.Quads == 0 {
		t.Fatalf("after one ingest: %+v", s1)
	}
	out, _, code := run(t, "", "--store", store, "ingest", article)
	if code != 0 || !strings.Contains(out, "ingested 0 documents") {
		t.Fatalf("second ingest: %d %q", code, out)
	}
	if s2 := stats(); s2 != s1 {
		t.Fatalf("stats changed: %+v -> %+v", s1, s2)
	}
	// A second document naming the same organisation: one FSB node.
	out, _, code = run(t, "The Russian Federal Security Service (FSB) declined to comment.\n", "--store", store, "ingest", "-")
	if code != 0 || !strings.Contains(out, "ingested 1 document ") {
		t.Fatalf("stdin ingest: %d %q", code, out)
	}
	out, stderr, code := run(t, "", "--store", store, "show", "FSB", "--json")
	if code != 0 {
		t.Fatalf("show: %d %s", code, stderr)
	}
	var e struct {
		Name      string
		Documents int
	}
	json.Unmarshal([]byte(out), &e)
	if e.Name != "Federal Security Service" || e.Documents != 2 {
		t.Fatalf("FSB after two documents: %+v", e)
	}
}

func TestBadInputs(t *testing.T) {
	dir := t.TempDir()
	write := func(name, data string) string {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	empty := write("empty.txt", "")
	binary := write("binary.dat", "abc\x00\x01\x02\x03def")
	latin1 := write("latin1.txt", "Caf\xe9 owners met the FSB.")
	jsonl := write("recs.jsonl", "{\"text\":\"The NSA denied it.\"}\n{\"text\": broken\n\x01\x02\x00\x7f\n{\"text\":\"The BSI said so.\"}\n")
	emptyDir := filepath.Join(dir, "nothing")
	os.MkdirAll(emptyDir, 0o755)
	missing := filepath.Join(dir, "missing.txt")
	store := filepath.Join(dir, "g.db")
	out, stderr, code := run(t, "", "--store", store, "ingest", missing, empty, binary, latin1, jsonl, emptyDir, article)
	if code != ExitPartial {
		t.Errorf("exit %d, want %d", code, ExitPartial)
	}
	if strings.Contains(stderr, "panic") || strings.Contains(stderr, "goroutine") {
		t.Fatalf("stack trace on stderr:\n%s", stderr)
	}
	for _, want := range []string{
		missing + ": no such file",
		empty + ": empty document",
		binary + ": binary file",
		latin1 + ": warning: not UTF-8 (first at byte 3): read as Latin-1",
		jsonl + ":2: malformed JSON Lines record",
		jsonl + ":3: malformed JSON Lines record: control character",
		emptyDir + ": folder holds no readable document",
	} {
		if n := strings.Count(stderr, want); n != 1 {
			t.Errorf("stderr has %q %d times, want once:\n%s", want, n, stderr)
		}
	}
	// The good inputs were still ingested: the article, the Latin-1 text
	// and JSON Lines lines 1 and 4.
	if !strings.Contains(out, "ingested 4 documents") {
		t.Errorf("stdout %q", out)
	}
	// Store errors: a file, a folder that is not a store, a missing store,
	// a locked store. What was stored is untouched.
	notStore := write("notstore/readme.txt", "hello")
	for _, tc := range []struct {
		store string
		args  []string
		code  int
		want  string
	}{
		{empty, []string{"ingest", article}, ExitNotStore, "not a dossier store"},
		{filepath.Dir(notStore), []string{"ingest", article}, ExitNotStore, "not a dossier store"},
		{filepath.Join(dir, "none.db"), []string{"stats"}, ExitNoStore, "no store here"},
	} {
		_, stderr, code := run(t, "", append([]string{"--store", tc.store}, tc.args...)...)
		if code != tc.code || !strings.Contains(stderr, tc.want) || !strings.Contains(stderr, tc.store) {
			t.Errorf("--store %s %v: exit %d, stderr %q", tc.store, tc.args, code, stderr)
		}
	}
	st, err := graph.Open(context.Background(), store, nil)
	if err != nil {
		t.Fatal(err)
	}
	_, stderr, code = run(t, "", "--store", store, "ingest", article)
	st.Close()
	if code != ExitLocked || !strings.Contains(stderr, "locked") {
		t.Errorf("locked store: exit %d, stderr %q", code, stderr)
	}
	out, _, _ = run(t, "", "--store", store, "stats", "--json")
	if !strings.Contains(out, `"documents": 4`) {
		t.Errorf("stored documents lost: %s", out)
	}
}

func TestReadCommands(t *testing.T) {
	store := filepath.Join(t.TempDir(), "g.db")
	if _, stderr, code := run(t, "", "--store", store, "ingest", article); code != 0 {
		t.Fatalf("ingest: %s", stderr)
	}
	out, _, code := run(t, "", "--store", store, "claims", "--by", "Mr Kaspersky", "--stance", "deny")
	if code != 0 || !strings.Contains(out, "Mr Kaspersky denies his business helped the Russian Federal Security Service") {
		t.Errorf("claims --by --stance deny: %d\n%s", code, out)
	}
	out, _, code = run(t, "", "--store", store, "show", "BSI")
	if code != 0 || !strings.Contains(out, "Federal Office for Information Security") || !strings.Contains(out, "acronym-definition") {
		t.Errorf("show BSI: %d\n%s", code, out)
	}
	out, _, code = run(t, "", "--store", store, "entities", "--type", "Place")
	if code != 0 || !strings.Contains(out, "Germany") || strings.Contains(out, "Sky News") {
		t.Errorf("entities --type Place: %d\n%s", code, out)
	}
	out, _, code = run(t, "", "--store", store, "query", `g.V().Has("<http://schema.org/name>", "Reuters").In("<https://dossier-project.github.io/ns#channel>").Out("<https://dossier-project.github.io/ns#stance>").All()`)
	if code != 0 || !strings.Contains(out, "deny") {
		t.Errorf("gizmo query: %d\n%s", code, out)
	}
	out, _, code = run(t, "", "--store", store, "timeline", "BSI", "--format", "json")
	var tl struct {
		Events []struct {
			Date, Precision, What, Kind string
		}
	}
	if err := json.Unmarshal([]byte(out), &tl); err != nil || code != 0 {
		t.Fatalf("timeline BSI: %d %v\n%s", code, err, out)
	}
	if len(tl.Events) == 0 || tl.Events[0].Date != "2017-10" || !strings.Contains(tl.Events[0].What, "told (to Reuters)") {
		t.Errorf("BSI timeline should open with its statement to Reuters dated 2017-10: %+v", tl.Events)
	}
	out, _, code = run(t, "", "--store", store, "timeline", "Eugene Kaspersky", "--no-mentions")
	if code != 0 || !strings.Contains(out, "2017-10-24  Eugene Kaspersky denies") {
		t.Errorf("Kaspersky timeline: %d\n%s", code, out)
	}
	out, _, code = run(t, "", "--store", store, "allegations", "--json")
	var led []struct {
		ID      string
		Status  string
		Reports []struct{ IRI, Thread string }
		Answers []struct {
			Stance, Reason, Allegation string
			Score                      float64
		}
	}
	if err := json.Unmarshal([]byte(out), &led); err != nil || code != 0 || len(led) == 0 {
		t.Fatalf("allegations: %d %v\n%s", code, err, out)
	}
	if len(led) != 1 || led[0].Status != "denied" || len(led[0].Answers) < 2 {
		t.Fatalf("the example's ledger should be one thread, denied by Kaspersky and the BSI: %+v", led)
	}
	for _, a := range led[0].Answers {
		if a.Score < 0.5 || a.Reason == "" || a.Allegation != led[0].Reports[0].IRI {
			t.Errorf("answer link without score or reason, or to another claim: %+v", a)
		}
	}
	if led[0].Reports[0].Thread != led[0].ID {
		t.Errorf("report carries thread %q, want %q", led[0].Reports[0].Thread, led[0].ID)
	}
	out, _, code = run(t, "", "--store", store, "allegations", "--thread", led[0].ID)
	if code != 0 || !strings.Contains(out, "first report") || !strings.Contains(out, "status now denied") || !strings.Contains(out, "Mr Kaspersky denies his business") {
		t.Errorf("allegations --thread: %d\n%s", code, out)
	}
	if _, _, code = run(t, "", "--store", store, "allegations", "--thread", "t000000000000"); code != ExitNotFound {
		t.Errorf("allegations --thread of no thread: exit %d, want %d", code, ExitNotFound)
	}
	for _, tc := range []struct {
		args []string
		code int
	}{
		{[]string{"show", "Nobody At All"}, ExitNotFound},
		{[]string{"timeline", "Nobody At All"}, ExitNotFound},
		{[]string{"timeline", "BSI", "--format", "pdf"}, ExitUsage},
		{[]string{"claims", "--stance", "shout"}, ExitUsage},
		{[]string{"claims", "--since", "last week"}, ExitUsage},
		{[]string{"entities", "--type", "Animal"}, ExitUsage},
		{[]string{"query", "g.V(."}, ExitError},
		{[]string{"export", "--format", "xls"}, ExitUsage},
		{[]string{"--ner", "spacy", "stats"}, ExitUsage},
	} {
		_, stderr, code := run(t, "", append([]string{"--store", store}, tc.args...)...)
		if code != tc.code || strings.Count(strings.TrimSpace(stderr), "\n") > 1 {
			t.Errorf("%v: exit %d (want %d), stderr %q", tc.args, code, tc.code, stderr)
		}
	}
}

func TestExportFiles(t *testing.T) {
	dir := t.TempDir()
	store := filepath.Join(dir, "g.db")
	if _, stderr, code := run(t, "", "--store", store, "ingest", article); code != 0 {
		t.Fatalf("ingest: %s", stderr)
	}
	gml := filepath.Join(dir, "g.graphml")
	if _, stderr, code := run(t, "", "--store", store, "export", "-o", gml); code != 0 {
		t.Fatalf("export graphml: %s", stderr)
	}
	b, _ := os.ReadFile(gml)
	if !bytes.Contains(b, []byte("<graphml")) || !bytes.Contains(b, []byte("Eugene Kaspersky")) {
		t.Errorf("graphml output:\n%.400s", b)
	}
	out, _, code := run(t, "", "--store", store, "export", "--format", "nquads")
	if code != 0 || !strings.Contains(out, "<https://dossier-project.github.io/ns#stance>") {
		t.Errorf("nquads: %d %.300s", code, out)
	}
	// Filters: a neighbourhood, claims as nodes, a stance.
	out, _, code = run(t, "", "--store", store, "export", "--format", "d3", "--entity", "BSI", "--depth", "1")
	var d3 struct {
		Nodes []struct{ ID, Label, Type string }
		Links []struct{ Source, Target, Kind, Stance string }
	}
	if err := json.Unmarshal([]byte(out), &d3); err != nil || code != 0 {
		t.Fatalf("d3 --entity: %d %v", code, err)
	}
	if !strings.Contains(out, `"confidence":1`) {
		t.Errorf("d3 links carry no confidence:\n%.300s", out)
	}
	labels := map[string]bool{}
	for _, n := range d3.Nodes {
		labels[n.Label] = true
	}
	if !labels["Federal Office for Information Security"] || !labels["Reuters"] || labels["Sky News"] {
		t.Errorf("BSI neighbourhood: %v", labels)
	}
	out, _, code = run(t, "", "--store", store, "export", "--format", "d3", "--claims", "nodes", "--stance", "deny")
	d3.Nodes, d3.Links = nil, nil
	if err := json.Unmarshal([]byte(out), &d3); err != nil || code != 0 {
		t.Fatalf("d3 --claims nodes: %d %v", code, err)
	}
	claimNodes := 0
	for _, n := range d3.Nodes {
		if n.Type == "Claim" {
			claimNodes++
		}
	}
	for _, l := range d3.Links {
		if l.Stance != "deny" || (l.Kind != "claimant" && l.Kind != "about" && l.Kind != "channel") {
			t.Errorf("link %+v", l)
		}
	}
	if claimNodes < 5 {
		t.Errorf("%d denial nodes", claimNodes)
	}
	missing := filepath.Join(dir, "missing.gexf")
	_, stderr, code := run(t, "", "--store", store, "export", "-o", missing, "--entity", "Nobody")
	if code != ExitNotFound || !strings.Contains(stderr, "Nobody") {
		t.Errorf("unknown entity: %d %q", code, stderr)
	}
	if _, err := os.Stat(missing); err == nil {
		t.Errorf("%s written for an unknown entity", missing)
	}
	bad := filepath.Join(dir, "no", "such", "dir", "g.graphml")
	_, stderr, code = run(t, "", "--store", store, "export", "-o", bad)
	if code == 0 || !strings.Contains(stderr, bad) {
		t.Errorf("unwritable path: %d %q", code, stderr)
	}
	ents, _ := os.ReadDir(dir)
	for _, e := range ents {
		if strings.Contains(e.Name(), ".tmp") {
			t.Errorf("left behind: %s", e.Name())
		}
	}
}

func TestEvalNER(t *testing.T) {
	conll := filepath.Join(t.TempDir(), "mini.conll")
	data := "-DOCSTART- O\n\nEugene\tB-PER\nKaspersky\tI-PER\ndenied\tO\nhelping\tO\nthe\tO\nFSB\tB-ORG\nin\tO\nRussia\tB-LOC\n.\tO\n\n" +
		"Reuters\tB-ORG\nreported\tO\nit\tO\non\tO\nMonday\tB-DATE\n.\tO\n"
	if err := os.WriteFile(conll, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"eval", "ner", conll}, {"eval", "ner", "--pipeline", conll}} {
		out, stderr, code := run(t, "", args...)
		if code != 0 {
			t.Fatalf("%v: %d %s", args, code, stderr)
		}
		// Four gold names (DATE is ignored), all found by the trained model.
		if !strings.Contains(out, "| all | 4 | 1.000 | 1.000 | 1.000 |") {
			t.Errorf("%v:\n%s", args, out)
		}
	}
	out, _, code := run(t, "", "--ner", "prose", "eval", "ner", conll)
	if code != 0 || !strings.Contains(out, "recogniser prose") || strings.Contains(out, "| all | 4 | 1.000 | 1.000 | 1.000 |") {
		t.Errorf("prose scored perfectly on a sentence it is known to miss:\n%s", out)
	}
	_, stderr, code := run(t, "", "eval", "ner", filepath.Join(t.TempDir(), "none.conll"))
	if code == 0 || !strings.Contains(stderr, "none.conll") {
		t.Errorf("missing file: %d %q", code, stderr)
	}
}

func TestEvalNERSpans(t *testing.T) {
	dir := t.TempDir()
	gold := filepath.Join(dir, "gold.jsonl")
	// One record with its own text, one whose text comes from a corpus of
	// the Reuters-21578 layout (dateline + newline + text, "Reuter" dropped).
	data := `{"id": "own/1", "text": "Eugene Kaspersky denied helping the FSB in Russia.", "entities": [[0, 16, "PER"], [36, 39, "ORG"], [43, 49, "LOC"]]}
{"id": "r/1", "entities": [[0, 6, "LOC"], [33, 40, "LOC"]]}
`
	corpus := filepath.Join(dir, "corpus.jsonl")
	if err := os.WriteFile(corpus, []byte(`{"id": "r/1", "dateline": "LONDON, March 3 -", "text": "Prices fell in Germany.\n Reuter\n"}`+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(gold, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	errs := filepath.Join(dir, "errors.txt")
	out, stderr, code := run(t, "", "eval", "ner", "--pipeline", "--texts", corpus, "--errors", errs, gold)
	if code != 0 {
		t.Fatalf("%d %s", code, stderr)
	}
	if !strings.Contains(out, "2 documents") || !strings.Contains(out, "| PER | 1 | 1.000 | 1.000 | 1.000 |") {
		t.Errorf("scores:\n%s", out)
	}
	if _, err := os.Stat(errs); err != nil {
		t.Errorf("--errors file: %v", err)
	}
	// Without the corpus the record without text is an error naming it.
	if _, stderr, code := run(t, "", "eval", "ner", gold); code == 0 || !strings.Contains(stderr, `"r/1"`) {
		t.Errorf("record without text: %d %q", code, stderr)
	}
	bad := filepath.Join(dir, "bad.jsonl")
	if err := os.WriteFile(bad, []byte(`{"id": "x", "text": "abc", "entities": [[0, 9, "PER"]]}`+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, stderr, code := run(t, "", "eval", "ner", bad); code == 0 || !strings.Contains(stderr, "bad.jsonl:1") {
		t.Errorf("span outside the text: %d %q", code, stderr)
	}
}

func TestCorrectionsAndSuspects(t *testing.T) {
	dir := t.TempDir()
	store := filepath.Join(dir, "g.db")
	story := filepath.Join(dir, "story.txt")
	if err := os.WriteFile(story, []byte("Norvalis Trust said on Monday that Mr Blair had met Tony Blair's aides. "+
		"Kaspersky Lab said Kaspersky would appeal.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	corr := filepath.Join(dir, "corrections.yaml")
	if err := os.WriteFile(corr, []byte("kind:\n  Norvalis Trust: NGO\nnever:\n  - Tony Blair\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, stderr, code := run(t, "", "--store", store, "ingest", story); code != 0 {
		t.Fatalf("ingest: %s", stderr)
	}
	out, stderr, code := run(t, "", "--store", store, "entities", "--suspect", "--json")
	if code != 0 {
		t.Fatalf("entities --suspect: %d %s", code, stderr)
	}
	var sus []struct {
		Name       string
		Confidence float64
		Doubt      string
	}
	if err := json.Unmarshal([]byte(out), &sus); err != nil || len(sus) < 2 {
		t.Fatalf("suspects: %v %s", err, out)
	}
	if sus[0].Name != "Norvalis Trust" || !strings.Contains(sus[0].Doubt, "no evidence") {
		t.Errorf("least sure first: %+v", sus)
	}
	for i := 1; i < len(sus); i++ {
		if sus[i].Confidence < sus[i-1].Confidence {
			t.Errorf("not in order of confidence: %+v", sus)
		}
	}
	// The same story into a new store with the corrections: they hold.
	store2 := filepath.Join(dir, "g2.db")
	if _, stderr, code := run(t, "", "--store", store2, "--corrections", corr, "ingest", story); code != 0 {
		t.Fatalf("ingest with corrections: %s", stderr)
	}
	out, _, _ = run(t, "", "--store", store2, "show", "Norvalis Trust")
	if !strings.Contains(out, "kind NGO by correction") {
		t.Errorf("show after a kind correction:\n%s", out)
	}
	if _, _, code := run(t, "", "--store", store2, "show", "Tony Blair"); code == 0 {
		t.Errorf("an entity the corrections say is never one was stored")
	}
	if _, stderr, code := run(t, "", "--store", store2, "--corrections", filepath.Join(dir, "none.yaml"), "ingest", story); code != 2 || !strings.Contains(stderr, "none.yaml") {
		t.Errorf("missing corrections file: %d %q", code, stderr)
	}
}

func TestForget(t *testing.T) {
	dir := t.TempDir()
	store := filepath.Join(dir, "g.db")
	other := filepath.Join(dir, "other.txt")
	if err := os.WriteFile(other, []byte("Acme Widgets Ltd said on Monday that Eugene Kaspersky visited its Berlin office.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, stderr, code := run(t, "", "--store", store, "ingest", article, other); code != 0 {
		t.Fatalf("ingest: %s", stderr)
	}
	out, _, _ := run(t, "", "--store", store, "show", "Eugene Kaspersky", "--json")
	var before struct{ Documents int }
	if err := json.Unmarshal([]byte(out), &before); err != nil || before.Documents != 2 {
		t.Fatalf("Eugene Kaspersky before forget: %v %+v", err, before)
	}
	out, stderr, code := run(t, "", "--store", store, "forget", "--json", other)
	var gone []struct{ ID, Hash string }
	if err := json.Unmarshal([]byte(out), &gone); code != 0 || err != nil || len(gone) != 1 {
		t.Fatalf("forget: exit %d, %v\n%s%s", code, err, out, stderr)
	}
	out, _, _ = run(t, "", "--store", store, "show", "Eugene Kaspersky", "--json")
	var after struct{ Documents int }
	if err := json.Unmarshal([]byte(out), &after); err != nil || after.Documents != 1 {
		t.Errorf("Eugene Kaspersky after forgetting the other article: %v %+v", err, after)
	}
	if _, _, code := run(t, "", "--store", store, "show", "Acme Widgets Ltd"); code != ExitNotFound {
		t.Errorf("show Acme Widgets Ltd after forget: exit %d, want %d", code, ExitNotFound)
	}
	if _, stderr, code := run(t, "", "--store", store, "forget", gone[0].Hash); code != ExitNotFound || !strings.Contains(stderr, gone[0].Hash) {
		t.Errorf("forget twice: exit %d, stderr %q", code, stderr)
	}
	out, _, _ = run(t, "", "--store", store, "stats", "--json")
	if !strings.Contains(out, `"documents": 1`) {
		t.Errorf("stats after forget: %s", out)
	}
}

// TestExtractShowsAdjectiveOnly: the example names Russia only by its
// adjective ("Russian intelligence"); the summary says so instead of "0
// mentions".
func TestExtractShowsAdjectiveOnly(t *testing.T) {
	out, stderr, code := run(t, "", "extract", article)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var line string
	for _, l := range strings.Split(out, "\n") {
		if strings.HasPrefix(strings.TrimSpace(l), "Russia ") {
			line = l
		}
	}
	if !strings.HasSuffix(line, "named as Russian") || strings.Contains(out, " 0 mentions") {
		t.Errorf("Russia's line: %q; 0 mentions in the output: %v", line, strings.Contains(out, " 0 mentions"))
	}
}

package graphtest

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"
	"github.com/google/go-cmp/cmp"

	"github.com/dossier-project/dossier/graph"
	"github.com/dossier-project/dossier/schema"
)

// TestAll runs the conformance suite. open must return a new, empty store
// for each call and close it when the test ends (t.Cleanup).
func TestAll(t *testing.T, open func(t *testing.T) *graph.Store) {
	for _, tc := range []struct {
		name string
		fn   func(t *testing.T, st *graph.Store, docs []*schema.Result)
	}{
		{"IdempotentWrite", testIdempotentWrite},
		{"BatchIsOneDocumentEach", testBatch},
		{"BadWrites", testBadWrites},
		{"Stats", testStats},
		{"EntityAcrossDocuments", testEntityAcrossDocuments},
		{"Find", testFind},
		{"LongNames", testLongNames},
		{"Entities", testEntities},
		{"Claims", testClaims},
		{"Relations", testRelations},
		{"Documents", testDocuments},
		{"Allegations", testAllegations},
		{"Threads", testThreads},
		{"ThreadsRepeat", testThreadsRepeat},
		{"EachQuad", testEachQuad},
		{"Query", testQuery},
		{"Forget", testForget},
	} {
		t.Run(tc.name, func(t *testing.T) {
			st := open(t)
			tc.fn(t, st, Docs(t))
		})
	}
	t.Run("NameOrderFree", func(t *testing.T) { testNameOrderFree(t, open) })
	t.Run("ListedAcronymName", func(t *testing.T) { testListedAcronymName(t, open) })
	t.Run("TieOrderFree", func(t *testing.T) { testTieOrderFree(t, open) })
	t.Run("KindOrderFree", func(t *testing.T) { testKindOrderFree(t, open) })
	t.Run("LegalTickerOrderFree", func(t *testing.T) { testLegalTickerOrderFree(t, open) })
	t.Run("ShortNameOrderFree", func(t *testing.T) { testShortNameOrderFree(t, open) })
}

// writeAll writes the documents one by one and fails unless each is new.
func writeAll(t *testing.T, st *graph.Store, docs []*schema.Result) {
	t.Helper()
	for _, r := range docs {
		ok, err := st.Write(context.Background(), r)
		if err != nil || !ok {
			t.Fatalf("write %s: wrote=%v err=%v", r.Document.ID, ok, err)
		}
	}
}

// quadCount is the number of distinct quads the documents make.
func quadCount(docs []*schema.Result) int64 {
	seen := map[string]bool{}
	for _, r := range docs {
		for _, q := range graph.Quads(r) {
			seen[QuadKey(q)] = true
		}
	}
	return int64(len(seen))
}

// QuadKey renders a quad with its label, and its values with their types,
// for comparing sets of quads (quad.Quad's String leaves out the label).
func QuadKey(q quad.Quad) string {
	return quad.ToString(q.Subject) + " " + quad.ToString(q.Predicate) + " " +
		quad.ToString(q.Object) + " " + quad.ToString(q.Label)
}

func testIdempotentWrite(t *testing.T, st *graph.Store, docs []*schema.Result) {
	ctx := context.Background()
	if ok, err := st.Has(ctx, docs[0].Document.Hash); err != nil || ok {
		t.Fatalf("Has before write: %v %v", ok, err)
	}
	writeAll(t, st, docs[:1])
	if ok, err := st.Has(ctx, docs[0].Document.Hash); err != nil || !ok {
		t.Fatalf("Has after write: %v %v", ok, err)
	}
	s1, err := st.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := graph.Stats{Documents: 1, Entities: 4, Claims: 2, Relations: 1, Quads: quadCount(docs[:1])}
	if s1 != want {
		t.Fatalf("stats %+v, want %+v", s1, want)
	}
	// The same text again, even as a new value, changes nothing.
	ok, err := st.Write(ctx, Docs(t)[0])
	if err != nil || ok {
		t.Fatalf("second write: wrote=%v err=%v", ok, err)
	}
	n, err := st.WriteBatch(ctx, Docs(t)[:1])
	if err != nil || n != 0 {
		t.Fatalf("batch rewrite: wrote %d, err %v", n, err)
	}
	if s2, _ := st.Stats(ctx); s2 != s1 {
		t.Fatalf("stats changed: %+v -> %+v", s1, s2)
	}
}

func testBatch(t *testing.T, st *graph.Store, docs []*schema.Result) {
	ctx := context.Background()
	// A batch with a repeated document and one already stored.
	writeAll(t, st, docs[:1])
	n, err := st.WriteBatch(ctx, []*schema.Result{docs[0], docs[1], docs[2], docs[1]})
	if err != nil || n != 2 {
		t.Fatalf("batch: wrote %d, err %v; want 2", n, err)
	}
	for _, r := range docs {
		if ok, err := st.Has(ctx, r.Document.Hash); err != nil || !ok {
			t.Fatalf("Has(%s) = %v, %v", r.Document.ID, ok, err)
		}
	}
	if n, err := st.WriteBatch(ctx, nil); err != nil || n != 0 {
		t.Fatalf("empty batch: %d %v", n, err)
	}
	s, err := st.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if s.Documents != 3 || s.Quads != quadCount(docs) {
		t.Fatalf("stats %+v, want 3 documents and %d quads", s, quadCount(docs))
	}
}

func testBadWrites(t *testing.T, st *graph.Store, docs []*schema.Result) {
	ctx := context.Background()
	bad := *docs[0]
	bad.Document.Hash = ""
	if _, err := st.WriteBatch(ctx, []*schema.Result{docs[1], &bad}); err == nil {
		t.Fatal("document without hash: no error")
	}
	if _, err := st.WriteBatch(ctx, []*schema.Result{nil}); err == nil {
		t.Fatal("nil result: no error")
	}
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := st.Write(cctx, docs[2]); !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled write: %v, want context.Canceled", err)
	}
	// Nothing of the failed batches was stored.
	s, err := st.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if s != (graph.Stats{}) {
		t.Fatalf("failed writes left %+v", s)
	}
}

func testStats(t *testing.T, st *graph.Store, docs []*schema.Result) {
	ctx := context.Background()
	if s, err := st.Stats(ctx); err != nil || s != (graph.Stats{}) {
		t.Fatalf("empty store: %+v %v", s, err)
	}
	writeAll(t, st, docs)
	s, err := st.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := graph.Stats{Documents: 3, Entities: 8, Claims: 6, Relations: 1, Quads: quadCount(docs)}
	if s != want {
		t.Fatalf("stats %+v, want %+v", s, want)
	}
}

func testEntityAcrossDocuments(t *testing.T, st *graph.Store, docs []*schema.Result) {
	ctx := context.Background()
	writeAll(t, st, docs)
	es, err := st.Find(ctx, "Kaspersky Lab")
	if err != nil {
		t.Fatal(err)
	}
	want := []graph.EntityInfo{{ID: KasperskyLab, Name: "Kaspersky Lab", Type: schema.Organization, Kind: "company",
		Aliases: []string{}, Mentions: 2, Documents: 2}}
	if d := cmp.Diff(want, es); d != "" {
		t.Fatalf("Kaspersky Lab (-want +got):\n%s", d)
	}
	es, err = st.Find(ctx, "Federal Security Service")
	if err != nil {
		t.Fatal(err)
	}
	want = []graph.EntityInfo{{ID: FSB, Name: "Federal Security Service", Type: schema.Organization,
		Kind: "government agency", Aliases: []string{"FSB"},
		Merges:   []schema.Merge{{Alias: "FSB", Rule: "acronym-definition", Evidence: schema.Span{Text: "Federal Security Service (FSB)"}}},
		Mentions: 3, Documents: 2}}
	if d := cmp.Diff(want, es); d != "" {
		t.Fatalf("Federal Security Service (-want +got):\n%s", d)
	}
}

func testFind(t *testing.T, st *graph.Store, docs []*schema.Result) {
	ctx := context.Background()
	writeAll(t, st, docs)
	for _, tc := range []struct{ q, id string }{
		{"Federal Security Service", FSB},
		{"FSB", FSB}, // alias
		{"fsb", FSB}, // alias, other case
		{"  federal security SERVICE ", FSB},
		{FSB, FSB}, // ID
		{"eugene kaspersky", Eugene},
		{"Moscow", Moscow},
	} {
		es, err := st.Find(ctx, tc.q)
		if err != nil {
			t.Errorf("Find(%q): %v", tc.q, err)
			continue
		}
		if len(es) != 1 || es[0].ID != tc.id {
			t.Errorf("Find(%q) = %+v, want %s", tc.q, es, tc.id)
		}
	}
	for _, q := range []string{"Nobody", "", "Kaspersky"} {
		if es, err := st.Find(ctx, q); !errors.Is(err, graph.ErrNotFound) {
			t.Errorf("Find(%q) = %+v, %v; want ErrNotFound", q, es, err)
		}
	}
}

func testEntities(t *testing.T, st *graph.Store, docs []*schema.Result) {
	ctx := context.Background()
	writeAll(t, st, docs)
	es, err := st.Entities(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range es {
		got = append(got, fmt.Sprintf("%s %d", e.ID, e.Mentions))
	}
	// Most mentioned first, then by name.
	want := []string{FSB + " 3", KasperskyLab + " 2", Reuters + " 2", BSI + " 1", Eugene + " 1", Herald + " 1",
		Moscow + " 1", NSA + " 1"}
	if d := cmp.Diff(want, got); d != "" {
		t.Fatalf("entities (-want +got):\n%s", d)
	}
	people, err := st.Entities(ctx, schema.Person)
	if err != nil || len(people) != 1 || people[0].ID != Eugene {
		t.Fatalf("people: %+v %v", people, err)
	}
	n := 0
	if err := st.EachEntity(ctx, schema.Organization, func(graph.EntityInfo) error { n++; return nil }); err != nil || n != 6 {
		t.Fatalf("EachEntity(Organization): %d, %v; want 6", n, err)
	}
}

// claimKeys renders claims as "docdate stance claimant cue" for comparing.
func claimKeys(cs []graph.ClaimInfo) []string {
	out := []string{}
	for _, c := range cs {
		who := "-"
		if c.Claimant != nil {
			who = c.Claimant.Name
		}
		out = append(out, fmt.Sprintf("%s %s %s %s", c.Document.Date, c.Stance, who, c.Cue.Text))
	}
	return out
}

func testClaims(t *testing.T, st *graph.Store, docs []*schema.Result) {
	ctx := context.Background()
	writeAll(t, st, docs)
	all := []string{
		"2017-10-24 allege - allege", "2017-10-24 deny Eugene Kaspersky denies",
		"2017-11-02 say BSI told",
		"2018-01-05 allege NSA alleged", "2018-01-05 acknowledge Herald acknowledged",
		"2018-01-05 deny Herald denied",
	}
	for _, tc := range []struct {
		name string
		f    graph.ClaimFilter
		want []string
	}{
		{"all", graph.ClaimFilter{}, all},
		{"by", graph.ClaimFilter{By: Eugene}, all[1:2]},
		{"by org", graph.ClaimFilter{By: Herald}, all[4:6]},
		{"about", graph.ClaimFilter{About: KasperskyLab}, []string{all[0], all[2]}},
		{"about (target)", graph.ClaimFilter{About: Herald}, all[3:4]},
		{"stance", graph.ClaimFilter{Stance: "deny"}, []string{all[1], all[5]}},
		{"doc by ID", graph.ClaimFilter{Doc: docs[2].Document.ID}, all[3:]},
		{"doc by hash prefix", graph.ClaimFilter{Doc: docs[0].Document.Hash[:8]}, all[:2]},
		{"since", graph.ClaimFilter{Since: "2018"}, all[3:]},
		{"until", graph.ClaimFilter{Until: "2017-10"}, all[:3]}, // the BSI's claim is dated 2017-10
		{"stance and about", graph.ClaimFilter{Stance: "allege", About: FSB}, all[:1]},
		{"nobody", graph.ClaimFilter{By: "per/nobody"}, []string{}},
	} {
		cs, err := st.Claims(ctx, tc.f)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if d := cmp.Diff(tc.want, claimKeys(cs)); d != "" {
			t.Errorf("%s (-want +got):\n%s", tc.name, d)
		}
		var each []graph.ClaimInfo
		if err := st.EachClaim(ctx, tc.f, func(c graph.ClaimInfo) error { each = append(each, c); return nil }); err != nil {
			t.Fatal(err)
		}
		if len(each) != len(tc.want) {
			t.Errorf("%s: EachClaim gave %d claims, Claims %d", tc.name, len(each), len(tc.want))
		}
	}
	// Every field of one claim.
	cs, err := st.Claims(ctx, graph.ClaimFilter{By: BSI})
	if err != nil || len(cs) != 1 {
		t.Fatalf("BSI's claims: %+v %v", cs, err)
	}
	text := docs[1].Document.Text
	d := docs[1].Document
	want := graph.ClaimInfo{
		IRI: schema.PartIRI(d.Hash, "c1"), ID: "c1", Claimant: &graph.EntityRef{ID: BSI, Name: "BSI", Type: schema.Organization},
		ClaimantText: "The BSI", Stance: "say", Cue: SpanOf(t, text, "told"), Source: "The BSI",
		Content: SpanOf(t, text, "it had no evidence against Kaspersky Lab"),
		About:   []graph.EntityRef{{ID: KasperskyLab, Name: "Kaspersky Lab", Type: schema.Organization}},
		Channel: &graph.EntityRef{ID: Reuters, Name: "Reuters", Type: schema.Organization}, ChannelText: "Reuters",
		Hedges: []string{"no evidence"}, Date: "2017-10", RespondsTo: []string{},
		Evidence: docs[1].Sentences[1],
		Document: graph.DocInfo{Hash: d.Hash, ID: d.ID, Title: d.Title, Date: d.Date},
	}
	if diff := cmp.Diff(want, cs[0]); diff != "" {
		t.Errorf("BSI's claim (-want +got):\n%s", diff)
	}
}

func testRelations(t *testing.T, st *graph.Store, docs []*schema.Result) {
	ctx := context.Background()
	writeAll(t, st, docs)
	d := docs[0].Document
	want := []graph.RelationInfo{{
		IRI:       schema.PartIRI(d.Hash, "r1"),
		Subject:   graph.EntityRef{ID: KasperskyLab, Name: "Kaspersky Lab", Type: schema.Organization},
		Predicate: schema.BasedIn,
		Object:    graph.EntityRef{ID: Moscow, Name: "Moscow", Type: schema.Place},
		Evidence:  docs[0].Sentences[2],
		Document:  graph.DocInfo{Hash: d.Hash, ID: d.ID, Title: d.Title, Date: d.Date, Source: d.Source, URL: d.URL},
	}}
	for _, id := range []string{"", KasperskyLab, Moscow} {
		rs, err := st.Relations(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(want, rs); diff != "" {
			t.Errorf("Relations(%q) (-want +got):\n%s", id, diff)
		}
	}
	if rs, err := st.Relations(ctx, Reuters); err != nil || len(rs) != 0 {
		t.Errorf("Relations(Reuters) = %+v, %v", rs, err)
	}
}

func testDocuments(t *testing.T, st *graph.Store, docs []*schema.Result) {
	ctx := context.Background()
	writeAll(t, st, []*schema.Result{docs[2], docs[0], docs[1]})
	info := func(r *schema.Result) graph.DocInfo {
		d := r.Document
		return graph.DocInfo{Hash: d.Hash, ID: d.ID, Title: d.Title, Date: d.Date, Source: d.Source, URL: d.URL, Path: d.Path}
	}
	for _, tc := range []struct {
		id   string
		want []graph.DocInfo
	}{
		{"", []graph.DocInfo{info(docs[0]), info(docs[1]), info(docs[2])}},
		{KasperskyLab, []graph.DocInfo{info(docs[0]), info(docs[1])}},
		{Reuters, []graph.DocInfo{info(docs[1]), info(docs[2])}},
		{Eugene, []graph.DocInfo{info(docs[0])}},
		{"org/nobody", []graph.DocInfo{}},
	} {
		ds, err := st.Documents(ctx, tc.id)
		if err != nil {
			t.Fatal(err)
		}
		if d := cmp.Diff(tc.want, ds); d != "" {
			t.Errorf("Documents(%q) (-want +got):\n%s", tc.id, d)
		}
	}
}

func testAllegations(t *testing.T, st *graph.Store, docs []*schema.Result) {
	ctx := context.Background()
	writeAll(t, st, docs)
	as, err := st.Allegations(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, a := range as {
		var rs []string
		for _, r := range a.Responses {
			rs = append(rs, r.Stance)
		}
		got = append(got, fmt.Sprintf("%s %s %s [%s]", a.Document.Date, a.Cue.Text, a.Status, strings.Join(rs, " ")))
	}
	want := []string{"2017-10-24 allege denied [deny]", "2018-01-05 alleged contested [acknowledge deny]"}
	if d := cmp.Diff(want, got); d != "" {
		t.Fatalf("allegations (-want +got):\n%s", d)
	}
	about, err := st.Allegations(ctx, FSB)
	if err != nil || len(about) != 1 || about[0].Status != graph.StatusDenied {
		t.Fatalf("allegations about the FSB: %+v %v", about, err)
	}
	// Every backend keeps the score and reason stored on each link, and
	// the ledger shows them.
	ts, err := st.Threads(ctx, graph.ThreadFilter{})
	if err != nil {
		t.Fatal(err)
	}
	var links []string
	for _, th := range ts {
		for _, a := range th.Answers {
			links = append(links, fmt.Sprintf("%s %.3f %s", a.Stance, a.Score, a.Reason))
			if a.Stance == "deny" {
				if l, ok := schema.LinkTo(a.Links, a.Allegation); !ok || fmt.Sprintf("%.3f %s", l.Score, "in the article: "+l.Reason) != fmt.Sprintf("%.3f %s", a.Score, a.Reason) {
					t.Errorf("denial %s: stored links %+v, thread answer %.3f %s", a.IRI, a.Links, a.Score, a.Reason)
				}
			}
		}
	}
	slices.Sort(links)
	wantLinks := []string{"deny 0.500 in the article: The Herald, the accused, answers",
		"deny 0.875 in the article: about Federal Security Service; words fsb, helping"}
	var denials []string
	for _, l := range links {
		if strings.HasPrefix(l, "deny ") {
			denials = append(denials, l)
		}
	}
	if d := cmp.Diff(wantLinks, denials); d != "" {
		t.Errorf("stored links of the denials (-want +got):\n%s", d)
	}
}

func testEachQuad(t *testing.T, st *graph.Store, docs []*schema.Result) {
	ctx := context.Background()
	writeAll(t, st, docs)
	want := map[string]bool{}
	for _, r := range docs {
		for _, q := range graph.Quads(r) {
			want[QuadKey(q)] = true
		}
	}
	got := map[string]bool{}
	err := st.EachQuad(ctx, func(q quad.Quad) error {
		k := QuadKey(q)
		if got[k] {
			t.Errorf("quad twice: %s", k)
		}
		got[k] = true
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Fatalf("quads (-want +got):\n%s", d)
	}
	// Values keep their types.
	var ints, bools int
	st.EachQuad(ctx, func(q quad.Quad) error {
		switch q.Object.(type) {
		case quad.Int:
			ints++
		case quad.Bool:
			bools++
		}
		return nil
	})
	if ints == 0 || bools != 3 {
		t.Errorf("typed values: %d ints, %d bools (want 3: the complete markers)", ints, bools)
	}
	stop := errors.New("stop")
	n := 0
	if err := st.EachQuad(ctx, func(quad.Quad) error { n++; return stop }); !errors.Is(err, stop) || n != 1 {
		t.Errorf("EachQuad did not stop on the callback's error: %v after %d", err, n)
	}
}

func testQuery(t *testing.T, st *graph.Store, docs []*schema.Result) {
	ctx := context.Background()
	writeAll(t, st, docs)
	run := func(q string) string {
		t.Helper()
		res, err := st.Query(ctx, "gizmo", q, graph.QueryOptions{})
		if err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		var out []string
		for _, r := range res {
			b, err := json.Marshal(r)
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, string(b))
		}
		sort.Strings(out)
		return strings.Join(out, " ")
	}
	id := func(v string) string {
		b, _ := json.Marshal(map[string]string{"id": v})
		return string(b)
	}
	reuters := id("<" + schema.EntityIRI(Reuters) + ">")
	for _, tc := range []struct{ q, want string }{
		// One result per quad: Reuters is named in two documents.
		{`g.V().Has("<http://schema.org/name>", "Reuters").All()`, reuters + " " + reuters},
		{`g.V("<` + schema.EntityIRI(BSI) + `>").In("<` + schema.PredClaimant + `>").Out("<` + schema.PredStance + `>").All()`,
			`{"id":"say"}`},
		{`g.V("<` + schema.EntityIRI(Herald) + `>").In("<` + schema.PredClaimant + `>").Out("<` + schema.PredStance + `>").All()`,
			`{"id":"acknowledge"} {"id":"deny"}`},
		{`g.Emit(g.V("<` + schema.EntityIRI(FSB) + `>").Out("<` + schema.PredMentionedIn + `>").Count())`, `2`},
	} {
		if got := run(tc.q); got != tc.want {
			t.Errorf("%s\n got %s\nwant %s", tc.q, got, tc.want)
		}
	}
	if _, err := st.Query(ctx, "gizmo", `g.V(.All()`, graph.QueryOptions{}); err == nil {
		t.Error("malformed query: no error")
	}
	if res, err := st.Query(ctx, "gizmo", `g.V().All()`, graph.QueryOptions{Limit: 5}); err != nil || len(res) != 5 {
		t.Errorf("limit 5: %d results, %v", len(res), err)
	}
}

// quadSet returns the keys of every stored quad.
func quadSet(t *testing.T, st *graph.Store) map[string]bool {
	t.Helper()
	got := map[string]bool{}
	if err := st.EachQuad(context.Background(), func(q quad.Quad) error {
		got[QuadKey(q)] = true
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return got
}

func testForget(t *testing.T, st *graph.Store, docs []*schema.Result) {
	ctx := context.Background()
	writeAll(t, st, docs)
	if _, err := st.Forget(ctx, "no-such-document"); !errors.Is(err, graph.ErrNotFound) {
		t.Errorf("Forget of an unknown document: %v, want ErrNotFound", err)
	}
	// Forgetting the second document (by ID) leaves exactly the quads of
	// the other two: the BSI, which only it mentions, goes; Reuters and
	// Kaspersky Lab, which others mention, stay with what those said.
	d, err := st.Forget(ctx, docs[1].Document.ID)
	if err != nil {
		t.Fatal(err)
	}
	if d.Hash != docs[1].Document.Hash {
		t.Fatalf("Forget removed %s, want %s", d.Hash, docs[1].Document.Hash)
	}
	want := map[string]bool{}
	for _, r := range []*schema.Result{docs[0], docs[2]} {
		for _, q := range graph.Quads(r) {
			want[QuadKey(q)] = true
		}
	}
	if diff := cmp.Diff(want, quadSet(t, st)); diff != "" {
		t.Fatalf("quads after forgetting %s (-want +got):\n%s", d.ID, diff)
	}
	if _, err := st.Find(ctx, "BSI"); !errors.Is(err, graph.ErrNotFound) {
		t.Errorf("Find BSI after forgetting the only document naming it: %v, want ErrNotFound", err)
	}
	if es, err := st.Find(ctx, "Kaspersky Lab"); err != nil || es[0].Documents != 1 {
		t.Errorf("Find Kaspersky Lab after forgetting: %+v, %v; want 1 document", es, err)
	}
	st2, err := st.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st2.Documents != 2 || st2.Claims != 5 || st2.Quads != int64(len(want)) {
		t.Errorf("stats after forgetting: %+v, want 2 documents, 5 claims, %d quads", st2, len(want))
	}
	// Forgetting the document that tied FSB to its expansion (by hash
	// prefix) removes the tie with it.
	if _, err := st.Forget(ctx, docs[0].Document.Hash[:12]); err != nil {
		t.Fatal(err)
	}
	if _, err := st.Find(ctx, "FSB"); !errors.Is(err, graph.ErrNotFound) {
		t.Errorf("Find FSB after forgetting its document: %v, want ErrNotFound", err)
	}
	// Writing them again restores the whole graph.
	if n, err := st.WriteBatch(ctx, docs); err != nil || n != 2 {
		t.Fatalf("writing again stored %d, %v; want 2", n, err)
	}
	all := map[string]bool{}
	for _, r := range docs {
		for _, q := range graph.Quads(r) {
			all[QuadKey(q)] = true
		}
	}
	if diff := cmp.Diff(all, quadSet(t, st)); diff != "" {
		t.Fatalf("quads after writing again (-want +got):\n%s", diff)
	}
	if cs, err := st.Claims(ctx, graph.ClaimFilter{By: BSI}); err != nil || len(cs) != 1 {
		t.Errorf("claims by the BSI after writing again: %d, %v; want 1", len(cs), err)
	}
}

// testLongNames writes, into a store that holds data, a document whose
// organisation has a name of 100,000 combining marks on one letter and a
// person whose name is 20,000 words: the write succeeds (no key is too
// large), the earlier documents are kept, and each long name is found by
// its full text and by its ID.
func testLongNames(t *testing.T, st *graph.Store, docs []*schema.Result) {
	ctx := context.Background()
	writeAll(t, st, docs)
	zalgo := "Zalgo" + strings.Repeat("\u0301", 100000) + " Holdings"
	person := strings.TrimSpace(strings.Repeat("Alpha Beta ", 10000)) + " Smith"
	text := zalgo + " said nothing.\n" + person + " left."
	r := Result(t, text, map[string][2]string{zalgo: {schema.Organization, schema.KindCompany}, person: {schema.Person, ""}}, nil)
	if ok, err := st.Write(ctx, r); err != nil || !ok {
		t.Fatalf("write the long names: wrote=%v err=%v", ok, err)
	}
	for _, name := range []string{zalgo, person} {
		for _, q := range []string{name, r.Entities[slices.IndexFunc(r.Entities, func(e schema.Entity) bool { return e.Name == name })].ID} {
			es, err := st.Find(ctx, q)
			if err != nil || len(es) != 1 || es[0].Name != name {
				t.Errorf("Find(%d bytes) = %d entities, %v", len(q), len(es), err)
			}
		}
	}
	stats, err := st.Stats(ctx)
	if err != nil || stats.Documents != len(docs)+1 {
		t.Errorf("stats %+v, %v: want %d documents", stats, err, len(docs)+1)
	}
}

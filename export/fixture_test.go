package export

import (
	"context"
	"fmt"

	"github.com/cayleygraph/quad"
	"github.com/dossier-project/dossier/schema"
)

var (
	_ Graph      = (*memGraph)(nil)
	_ QuadSource = (*memGraph)(nil)
	_ Graph      = synthGraph{}
	_ QuadSource = synthGraph{}
)

// memGraph is an in-memory Graph (and QuadSource) for tests.
type memGraph struct {
	nodes []Node
	edges []Edge
	quads []quad.Quad
	// failAt makes Edges fail after that many edges (0: never).
	failAt int
}

func (g *memGraph) Nodes(ctx context.Context, fn func(Node) error) error {
	for _, n := range g.nodes {
		if err := fn(n); err != nil {
			return err
		}
	}
	return nil
}

func (g *memGraph) Edges(ctx context.Context, fn func(Edge) error) error {
	for i, e := range g.edges {
		if g.failAt > 0 && i == g.failAt {
			return fmt.Errorf("store went away after %d edges", i)
		}
		if err := fn(e); err != nil {
			return err
		}
	}
	return nil
}

func (g *memGraph) Quads(ctx context.Context, fn func(quad.Quad) error) error {
	for _, q := range g.quads {
		if err := fn(q); err != nil {
			return err
		}
	}
	return nil
}

const (
	docURL   = "https://www.example.org/news/kaspersky?id=42&lang=en"
	docTitle = "Cybersecurity firm Kaspersky says spying for Kremlin would kill our business"
	docID    = "doc/kaspersky-2017-10-24"
	// oddLabel exercises every escaping rule at once.
	oddLabel = `O'Brien & "Sons" <R&D> \ Zürich — Лаборатория\`
)

// Evidence sentences from the model article, with the characters that
// break naive writers: quotes of both kinds, ampersands, angle brackets,
// non-ASCII, a line break.
const (
	evDeny  = `Mr Kaspersky denies his business helped the Russian Federal Security Service (FSB) steal sophisticated malware developed by the US National Security Agency (NSA).`
	evSay   = `"We are absolutely sure that there's nothing wrong," he said — <sic> & Kaspersky Lab’s “audits” found no breach (Лаборатория Касперского).`
	evBSI   = `"There are no plans to warn against the use of Kaspersky products since the BSI has no evidence for misconduct by the company or weaknesses in its software," the agency said.` + "\n" + `(second line)`
	evMedia = `media reports claimed his company's anti-virus software was used by Russian intelligence to steal cyberweapons from America`
	evCEO   = `Kaspersky Lab's chief executive has told that allowing the company's software to be used by the Kremlin to conduct espionage "would simply kill our business"`
)

var (
	idKaspersky = schema.Key(schema.Person, "Eugene Kaspersky")
	idLab       = schema.Key(schema.Organization, "Kaspersky Lab")
	idFSB       = schema.Key(schema.Organization, "Federal Security Service")
	idNSA       = schema.Key(schema.Organization, "National Security Agency")
	idBSI       = schema.Key(schema.Organization, "Federal Office for Information Security")
	idSky       = schema.Key(schema.Organization, "Sky News")
	idReuters   = schema.Key(schema.Organization, "Reuters")
	idOdd       = "misc/odd name with spaces & <brackets>"
)

// fixture is the graph view of the model article.
func fixture() *memGraph {
	g := &memGraph{
		nodes: []Node{
			{ID: idKaspersky, Label: "Eugene Kaspersky", Type: schema.Person, Aliases: []string{"Mr Kaspersky", "Евгений Касперский"}, Mentions: 9, Documents: 1},
			{ID: idLab, Label: "Kaspersky Lab", Type: schema.Organization, Kind: schema.KindCompany, Aliases: []string{"Kaspersky", "Лаборатория Касперского; Kaspersky"}, Mentions: 7, Documents: 1},
			{ID: idFSB, Label: "Federal Security Service", Type: schema.Organization, Kind: schema.KindIntelligence, Aliases: []string{"FSB", "Russian Federal Security Service"}, Mentions: 4, Documents: 1},
			{ID: idNSA, Label: "National Security Agency", Type: schema.Organization, Kind: schema.KindIntelligence, Aliases: []string{"NSA"}, Mentions: 2, Documents: 1},
			{ID: idBSI, Label: "Federal Office for Information Security", Type: schema.Organization, Kind: schema.KindAgency, Aliases: []string{"BSI"}, Mentions: 2, Documents: 1},
			{ID: idSky, Label: "Sky News", Type: schema.Organization, Kind: schema.KindMedia, Mentions: 3, Documents: 1},
			{ID: idReuters, Label: "Reuters", Type: schema.Organization, Kind: schema.KindMedia, Mentions: 1, Documents: 1},
			{ID: idOdd, Label: oddLabel, Type: "armed group", Mentions: 1},
		},
		edges: []Edge{
			{ID: "claim/1", Source: idKaspersky, Target: idFSB, Kind: "claim", Label: "deny", Stance: "deny", Cue: "denies", Status: "denied",
				Evidence: evDeny, Content: "his business helped the Russian Federal Security Service (FSB) steal sophisticated malware",
				DocID: docID, DocTitle: docTitle, DocURL: docURL, Date: "2017-10-24", ClaimID: "c1"},
			{ID: "claim/2", Source: idKaspersky, Target: idFSB, Kind: "claim", Label: "say", Stance: "say", Cue: "said",
				Evidence: evSay, Content: "there's nothing wrong", DocID: docID, DocTitle: docTitle, DocURL: docURL, Date: "2017-10-24", ClaimID: "c2"},
			{ID: "claim/3", Source: idBSI, Target: idLab, Kind: "claim", Label: "say", Stance: "say", Cue: "told",
				Evidence: evBSI, DocID: docID, DocTitle: docTitle, DocURL: docURL, Date: "2017-10", ClaimID: "c3"},
			{ID: "claim/4", Source: idSky, Target: idLab, Kind: "claim", Label: "allege", Stance: "allege", Cue: "claimed", Status: "contested",
				Evidence: evMedia, DocID: docID, DocURL: docURL, ClaimID: "c4"},
			{ID: "rel/1", Source: idKaspersky, Target: idLab, Kind: "relation", Label: "chief executive of",
				Evidence: evCEO, DocID: docID, DocTitle: docTitle, DocURL: docURL, Date: "2017-10-24"},
			{ID: "rel/2", Source: idOdd, Target: idReuters, Kind: "relation", Label: "заявил",
				Evidence: oddLabel, DocID: docID},
		},
	}
	g.quads = fixtureQuads()
	return g
}

// fixtureQuads is the article as the store would hold it: entity and claim
// quads labelled with the document IRI, plus a few in the default graph
// and in a second document, interleaved the way a store may return them.
func fixtureQuads() []quad.Quad {
	doc := quad.IRI(schema.NSID + docID)
	doc2 := quad.IRI(schema.NSID + "doc/reuters-2017-10")
	ent := func(id string) quad.IRI { return quad.IRI(schema.NSID + id) }
	sch := func(t string) quad.IRI { return quad.IRI(schema.NSSchema + t) }
	dos := func(t string) quad.IRI { return quad.IRI(schema.NSDossier + t) }
	claim := quad.BNode("claim 1/a")
	return []quad.Quad{
		{Subject: doc, Predicate: sch("headline"), Object: quad.String(docTitle)},
		{Subject: doc, Predicate: sch("url"), Object: quad.IRI(docURL)},
		{Subject: doc, Predicate: sch("datePublished"), Object: quad.TypedString{Value: "2017-10-24", Type: "xsd:date"}},
		{Subject: ent(idKaspersky), Predicate: quad.IRI(schema.NSRDF + "type"), Object: sch("Person"), Label: doc},
		{Subject: ent(idKaspersky), Predicate: sch("name"), Object: quad.String("Eugene Kaspersky"), Label: doc},
		{Subject: ent(idKaspersky), Predicate: sch("alternateName"), Object: quad.LangString{Value: "Евгений Касперский", Lang: "ru"}, Label: doc},
		{Subject: ent(idKaspersky), Predicate: sch("alternateName"), Object: quad.String("Mr Kaspersky"), Label: doc},
		{Subject: ent(idKaspersky), Predicate: dos("mentions"), Object: quad.Int(9), Label: doc},
		// the same predicate again after another one: must not become a duplicate JSON key
		{Subject: ent(idKaspersky), Predicate: sch("name"), Object: quad.String("Kaspersky, Eugene"), Label: doc},
		{Subject: claim, Predicate: quad.IRI(schema.NSRDF + "type"), Object: dos("Claim"), Label: doc},
		{Subject: claim, Predicate: dos("claimant"), Object: ent(idKaspersky), Label: doc},
		{Subject: claim, Predicate: dos("stance"), Object: quad.String("deny"), Label: doc},
		{Subject: claim, Predicate: dos("evidence"), Object: quad.String(evSay), Label: doc},
		{Subject: claim, Predicate: dos("evidence"), Object: quad.String(evBSI), Label: doc},
		{Subject: claim, Predicate: dos("confidence"), Object: quad.Float(0.8), Label: doc},
		{Subject: claim, Predicate: dos("hedged"), Object: quad.Bool(false), Label: doc},
		{Subject: ent(idBSI), Predicate: sch("name"), Object: quad.String("Federal Office for Information Security"), Label: doc2},
		{Subject: ent(idBSI), Predicate: dos("date"), Object: quad.TypedString{Value: "2017-10", Type: "xsd:gYearMonth"}, Label: doc2},
		// back to the first document: a second named-graph object with the same @id
		{Subject: ent(idOdd), Predicate: sch("name"), Object: quad.String(oddLabel), Label: doc},
		{Subject: quad.IRI("https://example.org/a b"), Predicate: sch("name"), Object: quad.String("IRI with a space"), Label: doc},
	}
}

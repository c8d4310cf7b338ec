// Package export writes dossier's graph view to the files that graph and
// timeline tools open: GraphML (Gephi, Cytoscape, networkx, yEd), GEXF
// (Gephi), DOT (Graphviz), Cytoscape.js JSON, graphology JSON (sigma.js),
// D3 node-link JSON, neo4j-admin import CSV, Cypher scripts, N-Quads and
// JSON-LD; and timelines as text, JSON, CSV, TimelineJS and vis-timeline.
//
// # Input
//
// Graph writers read a [Graph]: two passes, nodes first and then edges, each
// streamed through a callback, so that a large graph is never held in memory.
// Writers emit each element as it arrives; the output is deterministic for a
// given input order. The only state a writer keeps is the set of node and
// edge IDs it has seen, about 50 bytes per element (20 MB for 400,000 IDs
// of 10 to 14 bytes), with which it rejects duplicate IDs and edges whose
// endpoint is not a node: every consumer either fails or silently invents a
// node in those cases. IDs must be valid UTF-8 without control characters.
//
// The RDF writers (nquads, jsonld) read a [QuadSource] instead: the quads as
// the store holds them, each labelled with the IRI of the document it came
// from. [Options.Quads] supplies it to the [Format] table; when it is nil the
// [Graph] itself is used if it implements QuadSource.
//
// # Formats
//
// [Lookup] finds a [Format] by name and [ByExtension] by file name, in the
// manner of cayleygraph/quad's format registry; [Formats] lists them all.
// [WriteFile] writes a format to a path atomically: into a temporary file (or
// directory, for neo4j-csv) next to it, renamed into place only on success.
//
// # Timelines
//
// [WriteTimeline] writes dated [Event] values, already sorted, as text, JSON,
// CSV in TimelineJS's spreadsheet columns, TimelineJS JSON or vis-timeline
// JSON. Undated events are never given a made-up date.
package export

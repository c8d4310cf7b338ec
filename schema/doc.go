// Package schema is dossier's domain model: documents, entities and their
// mentions, claims, relations and the spans of text that support them, and
// the vocabulary (IRIs) under which they are stored as quads.
//
// It is a leaf package: it imports nothing from the rest of dossier, so the
// extractor, the store and the exporters can all speak it without depending
// on each other.
//
// # Offsets
//
// Every Span is a pair of Unicode code-point offsets (not bytes) into the
// text of one document, end exclusive, together with the text it covers.
// For a plain-text file the document text is the whole file; for a JSON
// Lines record it is the record's "text" field. Span.Valid checks the
// invariant that the text at [Start, End) is exactly Span.Text.
package schema

// Package graph stores dossier's extraction results in a Cayley quad store
// and answers questions about them: counts, entities, claims, relations.
//
// It is the only package that imports Cayley. A Store wraps one Cayley
// backend: bolt on disk (the default, embedded, no server), memory (for
// tests), or PostgreSQL through Cayley's SQL backend (one graph shared by
// several processes). Each document is written in a single transaction,
// keyed by the SHA-256 of its text, so writing the same document twice
// changes nothing and an interrupted write leaves no half-written
// document. Every backend passes the conformance suite in graph/graphtest;
// graph/README.md describes the backends and their guarantees.
//
// The vocabulary (node IRIs, classes, predicates) is defined in package
// schema; see the README for the full list.
package graph

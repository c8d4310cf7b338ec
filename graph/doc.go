// Package graph stores dossier's extraction results in a Cayley quad store
// and answers questions about them: counts, entities, claims, relations,
// the allegations ledger, neighbourhoods, paths, mentions, and the streams
// the exports read.
//
// It holds the domain, once for every backend: the quads a result is
// stored as (Quads) and the records a read index keeps of it (Records),
// the Store, and the questions. A Store runs on a Backend: memory (built
// in, for tests), bolt on disk (package graph/bolt: embedded, no server,
// the default) or PostgreSQL (package graph/postgres: one graph shared by
// several processes and machines). Backends register themselves when
// their package is imported, as database/sql drivers do. A backend may
// keep a read index beside the quads (Index, IndexView): the Store then
// answers the common questions from it, and from the quads otherwise.
//
// Each document is written in a single transaction, keyed by the SHA-256
// of its text, so writing the same document twice changes nothing and an
// interrupted write leaves no half-written document. Every backend passes
// the conformance suite in graph/graphtest; graph/README.md describes the
// backends, their guarantees and where a new indexed field goes.
//
// The vocabulary (node IRIs, classes, predicates) is defined in package
// schema; see the README for the full list.
package graph

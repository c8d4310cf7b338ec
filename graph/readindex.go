package graph

import (
	"context"

	"github.com/dossier-project/dossier/schema"
)

// The read index.
//
// Reading a graph quad by quad is slow on every backend: on the key-value
// stores each quad is a log lookup and a protobuf decode, on PostgreSQL a
// query through Cayley's generic iterators. A backend may therefore keep,
// beside the quads and from the same extraction results, records of what
// the common questions read, and offer them through Index. The Store
// answers from them what the quads would give (tests compare the two):
// the backend stores and finds records; folding acronym ties, merging an
// entity's records, resolving names, filtering and ordering are done here,
// once for every backend.
//
// What a document adds to an index is what Records returns for it. An
// entity's records are kept per document, oldest first; the index merges
// them per entity ID (EntityRecord). References to entities inside
// claims and relations are by ID only; the Store fills in names.

// Index is a backend's read index.
type Index interface {
	// View calls fn with a consistent read of the index.
	View(ctx context.Context, fn func(IndexView) error) error
}

// TransientIndex is an Index whose reads may fail in passing: the Store
// reads again when Transient reports an error so (a replica cancels a
// read that holds back its replay of the primary's writes).
type TransientIndex interface {
	Index
	Transient(err error) bool
}

// VersionedIndex is the Index of a store other processes write to, with a
// version that changes with every write: the Store keeps what it derives
// from the index (acronym ties, surname links) while the version stays.
type VersionedIndex interface {
	Index
	Version(ctx context.Context) (int64, error)
}

// IndexView is one consistent read of an index. Entity IDs are as
// written: a view knows nothing of acronym ties beyond listing them.
type IndexView interface {
	// Counts returns how many documents, claims and relations are stored,
	// and how many entity IDs at least one document mentions.
	Counts() (IndexCounts, error)
	// Ties returns every tie (of an acronym to its expansion, of a name
	// with a legal form to the name without, of a ticker to the company
	// named before it): for each ID tied, the IDs documents tie it to,
	// each with the number of documents that do.
	//
	// A node that documents tie to different entities (most stories
	// expand OPEC as the "Organization of Petroleum Exporting Countries",
	// one misspells it) is read as BestTie's choice among them.
	Ties() (map[string]map[string]int, error)
	// Entities returns the merged records of those of ids that some
	// document mentions, by ID.
	Entities(ids []string) (map[string]EntityRecord, error)
	// EachEntity calls fn with every entity ID's merged records, in ID
	// order (bytewise).
	EachEntity(fn func(EntityRecord) error) error
	// EntityNames returns the name each of ids is shown by (the best of
	// its records' names, BetterName) and the type of its oldest record,
	// for the IDs a document mentions (absent IDs are left out).
	EntityNames(ids []string) (map[string]EntityRef, error)
	// EntityDocs returns the documents that mention any of ids, each
	// once, in no particular order.
	EntityDocs(ids []string) ([]DocInfo, error)
	// DocumentCounts returns, for each group of IDs, how many documents
	// mention any of them.
	DocumentCounts(groups [][]string) ([]int, error)
	// Names calls fn for every entity ID and name or alias of it whose
	// schema.Slug is slug.
	Names(slug string, fn func(id, name string) error) error
	// Claims calls fn for every claim q selects, with entities by ID, and
	// possibly for others (the Store filters): a claim may come twice.
	Claims(q ClaimQuery, fn func(ClaimInfo) error) error
	// Relations calls fn for every relation whose subject or object is
	// one of ids, or for every relation when ids is nil, in the order of
	// (entity ID, document hash, number); a relation may come twice.
	// Entities are by ID.
	Relations(ids []string, fn func(RelationInfo) error) error
	// Documents calls fn for every stored document.
	Documents(fn func(DocInfo) error) error
	// Mentions calls fn for every mention of the entity ID (not of the
	// IDs tied to it), record by record oldest first, each record's in
	// the order the extraction listed them.
	Mentions(id string, fn func(MentionRecord) error) error
}

// IndexCounts are the counters an index keeps.
type IndexCounts struct {
	Documents, Claims, Relations int
	// Entities is the number of entity IDs mentioned, tied or not.
	Entities int
}

// ClaimQuery selects claims from an index: those made by one of By, or
// about (or targeting) one of About, or those of the document Doc (a full
// content hash), or every claim. Stance, when set, narrows any of these.
type ClaimQuery struct {
	By     []string
	About  []string
	Doc    string
	Stance string
}

// EntityRecord is what an index holds of one entity ID: its records
// merged over every document that mentions it.
type EntityRecord struct {
	ID string
	// Name is the best of the records' names (BetterName), whatever
	// order they were written in; Type is the oldest record's (an ID's
	// records share their type, as the ID starts with it); Kind and
	// KindReason are the best pair any record gives (BetterKind).
	Name, Type, Kind, KindReason string
	// Names are the records' names, Aliases their aliases, Merges their
	// merge records (as MergeText renders them): each once, oldest
	// first.
	Names, Aliases, Merges []string
	// Mentions is the sum of the records' mentions; Documents the number
	// of documents with a record.
	Mentions, Documents int
}

// MentionRecord is one mention of an entity, with its document and
// sentence.
type MentionRecord struct {
	Document DocInfo
	// Sentence is the sentence's number; Text its span, nil when the
	// sentence is not stored.
	Sentence int
	Text     *schema.Span
	Mention  schema.Span
}

// LinkView is an IndexView that also leads from an entity to the claims
// and relations that link it to others. With one, the graph questions
// (Neighbours, Between, Path, Entity, Count, Directory) read the index
// rather than the quads.
type LinkView interface {
	IndexView
	// Links calls fn for every claim and relation that names the entity
	// ID (not the IDs tied to it) as claimant, about, target or channel,
	// or as subject or object: role by role in the order of their
	// predicates' IRIs (about, channel, claimant, object, subject,
	// target), in write order within a role. A link comes once per role
	// it has. fn may return an error to stop early, which Links returns.
	Links(id string, fn func(Link) error) error
	// LinkCounts counts, for one entity ID (not the IDs tied to it), the
	// distinct claims it made, those about or targeting it and the
	// allegations among them, and the relations it is in.
	LinkCounts(id string) (Counts, error)
}

// Link is a claim or a relation from a read index, entities by ID.
type Link struct {
	Claim    *ClaimInfo
	Relation *RelationInfo
}

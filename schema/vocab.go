package schema

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Vocabulary namespaces. Terms from schema.org are used where they fit;
// the rest are dossier's own.
const (
	NSSchema  = "http://schema.org/"
	NSRDF     = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
	NSDossier = "https://dossier-project.github.io/ns#"
	// NSID is the namespace of node IRIs: documents, entities, claims.
	NSID = "https://dossier-project.github.io/id/"
)

// Key returns the stable entity ID for a canonical name and type: the same
// name and type give the same ID in every document, which is how one real
// entity becomes one graph node. For example Key("Organization", "Kaspersky
// Lab") is "org/kaspersky-lab".
func Key(typ, name string) string {
	return typePrefix(typ) + "/" + Slug(name)
}

func typePrefix(typ string) string {
	switch typ {
	case Person:
		return "per"
	case Organization:
		return "org"
	case Place:
		return "loc"
	case Nationality:
		return "nat"
	case "":
		return "misc"
	}
	return strings.ToLower(typ)
}

// MaxSlug is the longest slug, in bytes: a slug is part of entity IDs and
// of the store's index keys (bolt refuses keys over 32 KiB, and a name of
// a hostile document can be far longer), so a longer one is cut and ends
// in a hash of the whole.
const MaxSlug = 200

// Slug folds a name to lower-case letters and digits joined by hyphens,
// with accents removed: "Mr. Kaspersky's" becomes "mr-kaspersky-s". A slug
// longer than MaxSlug bytes is cut to its first MaxSlug-17 bytes (at a
// character boundary), then "-" and the first 16 hex digits of the whole
// slug's SHA-256: it stays the same for the same name, distinct for
// distinct names, and bounded.
func Slug(name string) string {
	s := slug(name)
	if len(s) <= MaxSlug {
		return s
	}
	sum := sha256.Sum256([]byte(s))
	cut := MaxSlug - 17
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return strings.TrimRight(s[:cut], "-") + "-" + hex.EncodeToString(sum[:8])
}

// slug is Slug without the bound.
func slug(name string) string {
	var b strings.Builder
	dash := false
	for _, r := range norm.NFD.String(name) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(unicode.ToLower(r))
		default:
			dash = true
		}
	}
	return b.String()
}

// Classes (rdf:type objects).
const (
	ClassArticle  = NSSchema + "NewsArticle"
	ClassPerson   = NSSchema + "Person"
	ClassOrg      = NSSchema + "Organization"
	ClassPlace    = NSSchema + "Place"
	ClassThing    = NSSchema + "Thing"
	ClassClaim    = NSDossier + "Claim"
	ClassRelation = NSDossier + "Relation"
	ClassSentence = NSDossier + "Sentence"
	ClassMention  = NSDossier + "Mention"
)

// Predicates. schema.org terms where they fit, dossier's own for the rest.
const (
	PredType          = NSRDF + "type"
	PredName          = NSSchema + "name"
	PredAlternateName = NSSchema + "alternateName"
	PredHeadline      = NSSchema + "headline"
	PredDatePublished = NSSchema + "datePublished"
	PredPublisher     = NSSchema + "publisher"
	PredURL           = NSSchema + "url"
	PredKeywords      = NSSchema + "keywords"
	PredText          = NSSchema + "text"
	PredIdentifier    = NSSchema + "identifier"

	PredKind         = NSDossier + "kind"
	PredKindReason   = NSDossier + "kindReason"
	PredHash         = NSDossier + "contentHash"
	PredPath         = NSDossier + "path"
	PredComplete     = NSDossier + "complete"
	PredInDocument   = NSDossier + "inDocument"
	PredIndex        = NSDossier + "index"
	PredStart        = NSDossier + "start"
	PredEnd          = NSDossier + "end"
	PredSentence     = NSDossier + "sentence"
	PredMentionOf    = NSDossier + "mentionOf"
	PredMentionedIn  = NSDossier + "mentionedIn"
	PredMerge        = NSDossier + "merge"
	PredClaimant     = NSDossier + "claimant"
	PredClaimantText = NSDossier + "claimantText"
	PredStance       = NSDossier + "stance"
	PredCue          = NSDossier + "cue"
	PredCueStart     = NSDossier + "cueStart"
	PredCueEnd       = NSDossier + "cueEnd"
	PredSourceText   = NSDossier + "sourceText"
	PredContent      = NSDossier + "content"
	PredContentStart = NSDossier + "contentStart"
	PredContentEnd   = NSDossier + "contentEnd"
	PredAbout        = NSDossier + "about"
	PredTarget       = NSDossier + "target"
	PredChannel      = NSDossier + "channel"
	PredChannelText  = NSDossier + "channelText"
	PredRespondsTo   = NSDossier + "respondsTo"
	// PredLinkWhy is why a claim answers another of its document: a
	// literal "ID score reason" ("c1 0.95 Kaspersky Lab, the accused,
	// answers; ..."), one per link (schema.Link).
	PredLinkWhy   = NSDossier + "linkWhy"
	PredHedge     = NSDossier + "hedge"
	PredDate      = NSDossier + "date"
	PredEvidence  = NSDossier + "evidence"
	PredLocalID   = NSDossier + "localId"
	PredSubject   = NSDossier + "subject"
	PredPredicate = NSDossier + "predicate"
	PredObject    = NSDossier + "object"
	PredSameAs    = NSDossier + "sameAs"
	PredTie       = NSDossier + "tie"
)

// ClassOf returns the rdf:type IRI for an entity type.
func ClassOf(typ string) string {
	switch typ {
	case Person:
		return ClassPerson
	case Organization:
		return ClassOrg
	case Place:
		return ClassPlace
	}
	return ClassThing
}

// TypeOfClass is the inverse of ClassOf; unknown classes give Misc.
func TypeOfClass(iri string) string {
	switch iri {
	case ClassPerson:
		return Person
	case ClassOrg:
		return Organization
	case ClassPlace:
		return Place
	}
	return Misc
}

// RelationPredicate returns the IRI of the direct edge for a structural
// relation predicate: "chief executive of" becomes dossier:chiefExecutiveOf.
func RelationPredicate(p string) string {
	var b strings.Builder
	up := false
	for _, r := range p {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			up = b.Len() > 0
			continue
		}
		if up {
			r = unicode.ToUpper(r)
			up = false
		}
		b.WriteRune(r)
	}
	return NSDossier + b.String()
}

// DocIRI returns the node IRI of a document with content hash h.
func DocIRI(hash string) string { return NSID + "doc/" + hash }

// EntityIRI returns the node IRI of an entity ID.
func EntityIRI(id string) string { return NSID + id }

// EntityIDOf is the inverse of EntityIRI; ok is false for other IRIs.
func EntityIDOf(iri string) (id string, ok bool) {
	if !strings.HasPrefix(iri, NSID) || strings.HasPrefix(iri, NSID+"doc/") {
		return "", false
	}
	return iri[len(NSID):], true
}

// TiesIRI is the node that lists every node tied to another by
// dossier:sameAs (with dossier:tie), so that the ties can be read without
// a scan of the store: the key-value backends index quads by subject and
// by object, not by predicate.
const TiesIRI = NSID + "ties"

// PartIRI returns the IRI of a part of a document: a sentence "s3", a claim
// "c2", a relation "r1" or a mention "m7".
func PartIRI(hash, local string) string { return NSID + "doc/" + hash + "/" + local }

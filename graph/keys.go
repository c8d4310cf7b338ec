package graph

import "unicode/utf8"

// MaxKeyName is the most bytes of a name that a backend keeps in the key
// that finds entities by name (bolt's name bucket, PostgreSQL's
// dossier_names). With the slug and the entity ID (each at most
// schema.MaxSlug bytes and a prefix) and the document hash, such a key
// stays far under bolt's 32 KiB limit and PostgreSQL's btree entry limit
// (about 2.7 kB), whatever the name. A longer name is still found, by its
// slug; its full text is in the entity's records.
const MaxKeyName = 1024

// KeyName returns name cut to MaxKeyName bytes at a character boundary.
func KeyName(name string) string {
	if len(name) <= MaxKeyName {
		return name
	}
	cut := MaxKeyName
	for cut > 0 && !utf8.RuneStart(name[cut]) {
		cut--
	}
	return name[:cut]
}

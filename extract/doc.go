// Package extract turns documents into schema values: sentences, entities
// with their mentions and aliases, claims, structural relations and dates.
//
// The pass is a fixed sequence of steps, each behind its own package so
// that each can be replaced and tested alone:
//
//	text      offset-exact tokens and sentences       (extract/text)
//	NER       a Recognizer: the project's trained     (extract/ner)
//	          model, or prose v2 for comparison       (extract/prosener)
//	resolve   aliases, acronyms, titles, demonyms     (this package)
//	claims    attribution and relations: rules        (extract/claims)
//	          and a trained attribution model         (extract/attrib)
//	dates     time expressions resolved to the        (extract/dates)
//	          document date
//
// Reading inputs (text, scraped pages, JSON Lines, HTML, folders, stdin)
// is package extract/source. Extraction never touches the store: the
// caller hands each Result to whatever sink it likes.
package extract

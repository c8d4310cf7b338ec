// Package ner finds names of people, organisations, places and other named
// things (nationalities, events, works) in tokenised English sentences.
//
// The recogniser is an averaged perceptron over hashed token features
// (word, case, affixes, shape, neighbouring words, gazetteer matches, how
// often a word is capitalised, word clusters) with first-order tag
// transitions, decoded with Viterbi under IOB2 constraints. [Default]
// returns the model embedded in the binary, trained by cmd/nertrain on
// openly licensed corpora; the package README gives the data, licences and
// held-out scores.
//
// Tags are IOB2 with the CoNLL-2003 types PER, ORG, LOC and MISC (MISC
// includes nationalities such as "Russian"; [Demonym] maps them to a
// country). [Model.TagDocument] adds document-level consistency. [Kind]
// classifies organisations (company, government agency, media, ...) and
// places (country, city) from gazetteer lists and name heads;
// [CountryName] canonicalises country aliases.
package ner

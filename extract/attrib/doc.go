// Package attrib finds attributions in news text and measures them: who
// (source) is said, through which words (cue), to have said, thought,
// wanted or done what (content).
//
// The model (Default, embedded model.bin) is trained on the PolNeAR corpus
// of political news (cmd/attrtrain): a cue tagger labels the tokens of each
// sentence B/I/O, then for each cue a role tagger labels the tokens of the
// sentence as its source, its content or neither. Both are first-order
// averaged structured perceptrons over hashed lexical features, decoded
// with Viterbi (package internal/hashperc), with word lists as features: a
// reporting-verb lexicon and the part-of-speech ambiguity classes of a
// treebank's words. Package claims merges what the model finds with its
// rules.
//
// The package also reads and writes the JSON Lines format of the corpus
// (one document a line, with code-point fragments for the source, cue and
// content of each attribution), carves a deterministic development split
// out of annotated documents (DevSplit), and scores predicted attributions
// against gold exactly as the corpus's score_attributions.py does (Score).
package attrib

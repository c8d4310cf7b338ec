// Package attrib measures and learns attribution: who (source) is said,
// through which words (cue), to have said, thought or done what (content).
//
// This file's half of the package reads and writes the JSON Lines format of
// the PolNeAR corpus (one document a line, with code-point fragments for the
// source, cue and content of each attribution), carves a deterministic
// development split out of annotated documents, and scores predicted
// attributions against gold exactly as the corpus's score_attributions.py
// does: cue detection, relaxed and exact matches, and character overlap per
// role.
package attrib

// Package claims finds attributed statements — who said, alleged, denied,
// acknowledged, criticised, reported, confirmed, warned, demanded,
// promised, intended, believed, questioned or praised what, about whom,
// through which outlet — and the structural relations an article states
// ("Kaspersky Lab's chief executive", "Germany's Federal Office for
// Information Security").
//
// Extraction is rule-based and works sentence by sentence over the tokens
// of package text and the resolved entities of the recogniser:
//
//   - cues are reporting verbs of a reviewed lexicon (see lexicon.go) in any
//     tense, voice and aspect, with their auxiliaries ("has now announced"),
//     "according to", and a colon before a quote after a named source;
//   - the source is the noun phrase before the cue (or after it when
//     inverted: `"...," said the agency`, or after "by" in the passive), a
//     coordinated or participial cue ("and criticised", ", admitting")
//     shares the source of the cue before it; the source is resolved to an
//     entity: a name, a role ("a spokesperson for the NCSC" is the NCSC;
//     "Kaspersky Lab's chief executive" is the person the article names), a
//     pronoun or a definite description ("the company") resolved to the most
//     recent compatible entity; unnamed sources keep their text;
//   - the content is what follows the cue ("that ...", a quote after a
//     colon, the object of deny or announce) up to the next attribution in
//     the sentence, or what precedes the source when nothing follows
//     (quote-first: `"...," he said`);
//   - the stance comes from the verb, and a statement whose content denies
//     wrongdoing ("did not assist the FSB", "nothing wrong", "no evidence
//     for the allegations") is a denial;
//   - hedges ("reportedly", "may", "no evidence", "a possible scenario") and
//     channels ("told Sky News", "reports citing Sky News", "in an interview
//     with Reuters", "according to" a news outlet) are kept as data;
//   - a denial, or a statement of "no evidence", answers the earlier
//     allegations of the document that share an entity with it or that it
//     names ("the allegations", "the reports").
package claims

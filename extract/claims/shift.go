package claims

import (
	"slices"
	"strings"

	"github.com/dossier-project/dossier/ledger"
)

// Shifting the blame. The accused often answers a charge by laying the
// cause of what it is charged with on another party or on circumstances:
// "the loading was delayed due to bad weather" (after a charge that it
// failed to keep the shipment schedule), "blamed the delays on the Navy",
// "the rise was caused by market conditions". The annotation guide counts
// it as a denial ("shifting the blame denies": the futures side's "an
// equity market problem", Brazil's counter that consumers tried to
// dictate quotas). It answers only an allegation against the speaker
// whose act words the effect shares, and not when the cause is the
// speaker itself ("due to our own error" owns to it).

// causeLinks are the words that join an effect to the cause laid on it.
var causeLinks = [][]string{{"due", "to"}, {"because", "of"}, {"caused", "by"}, {"owing", "to"}, {"attributable", "to"},
	{"the", "result", "of"}, {"a", "result", "of"}, {"resulted", "from"}, {"results", "from"}, {"stemmed", "from"},
	{"stems", "from"}, {"the", "fault", "of"}, {"prompted", "by"}, {"triggered", "by"}, {"brought", "on", "by"},
	{"blamed", "on"}, {"the", "work", "of"}}

// setbacks are what a party may be blamed for besides the harms and
// wrongs of the lexicon: delays, shortfalls, losses.
var setbacks = set("delay", "delays", "delayed", "shortage", "shortages", "shortfall", "shortfalls", "loss", "losses",
	"damage", "damaged", "overrun", "overruns", "default", "defaults", "defaulted", "problem", "problems", "failure",
	"failures", "failed", "breakdown", "breakdowns", "mistake", "mistakes", "error", "errors", "decline", "declines",
	"slump", "glut", "dumping", "surge")

// shiftedCause returns the act words of the effect whose cause content
// lays on another than the speaker (ledger.ActWords stems), or nil: the
// words before a word of causeLinks with a cause after it ("loading ...
// was being delayed due to bad weather"), or, for a cue of blame or
// attribution, the words before its "on" or "to" ("blamed the delays on
// the Navy"). A negated link ("not due to") is a denial of its own
// (negatedWords); a cause that is the speaker's ("due to our error",
// "because of its own mistakes") shifts nothing.
func (x *extractor) shiftedCause(ts []tok, d *draft, ka, kb int, speakers []*entInfo) []string {
	ea, ca := -1, -1
	if d.v != nil && (d.v.lemma == "blame" || d.v.lemma == "attribute") {
		for k := ka + 1; k < kb-1; k++ {
			if ts[k].low == "on" || ts[k].low == "to" {
				ea, ca = k, k+1
				break
			}
		}
	}
	for k := ka + 1; ea < 0 && k < kb; k++ {
		for _, link := range causeLinks {
			if k+len(link) >= kb || !slices.Equal(lows(ts[k:k+len(link)]), link) {
				continue
			}
			if l := ts[k-1].low; negations[l] || l == "no" || l == "partly" || l == "partially" || l == "only" && k >= 2 && negations[ts[k-2].low] {
				// "not due to", "partly due to": no shift of the
				// whole cause.
				break
			}
			if (link[0] == "caused" || link[0] == "prompted" || link[0] == "triggered" || link[0] == "brought") && !beForms[ts[k-1].low] {
				// "brain cell damage caused by AIDS": a cause named of a
				// noun, not of what the speaker answers for.
				break
			}
			ea, ca = k, k+len(link)
			break
		}
	}
	if ea < 0 || ca >= kb || question(ts, ka, kb) || conditionOpen(lows(ts[ka:ea])) {
		return nil
	}
	ce := ca
	for ce < kb && ts[ce].low != "," && ts[ce].low != ";" && ts[ce].low != "and" && !isEnd(ts[ce]) {
		ce++
	}
	if ce == ca {
		return nil
	}
	for k := ca; k < ce; k++ {
		switch ts[k].low {
		case "we", "our", "us", "i", "my", "own":
			return nil
		}
	}
	for _, m := range x.mentionsIn(ts[ca].start, ts[ce-1].end) {
		if slices.ContainsFunc(speakers, func(e *entInfo) bool { return sameParty(e, m.e) }) {
			return nil
		}
	}
	// What is caused is a harm, a wrong or a setback ("the delays were
	// caused by", "the shipment was delayed due to"), not a result of any
	// kind ("results were higher due to the strong results of RCA").
	if !slices.ContainsFunc(ts[ka:ea], func(t tok) bool {
		return setbacks[t.low] || harms[t.low] || ledger.IsWrong(t.low) || wrongdoingStem(t.low) != ""
	}) {
		return nil
	}
	return ledger.ActWords(strings.Join(lows(ts[ka:ea]), " "))
}

// shiftAnswer is the link of a shift of blame: "the accused lays the
// cause elsewhere" and the effect's words it shares with the allegation.
func shiftAnswer(a *draft, shared []string) answered {
	return answered{a, 0.8, "the accused lays the cause elsewhere (" + strings.Join(shared[:min(3, len(shared))], " ") + ")"}
}

// conditionOpen reports whether words hold a condition or a question not
// closed by a comma ("if the delays were due to", "whether the loss was
// caused by"): what it lays no one states.
func conditionOpen(words []string) bool {
	for j := len(words) - 1; j >= 0; j-- {
		switch words[j] {
		case ",", ";", ":", "--":
			return false
		case "if", "unless", "whether", "whenever":
			return true
		}
	}
	return false
}

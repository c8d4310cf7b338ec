package claims

// A refusal to comment is no statement: "Meta declined to comment", "the
// spokesman would not comment on speculation that ...", "had no immediate
// comment", "could not be reached for comment". It has no content, so it
// is no claim; the rumour or report it declines to comment on, when the
// sentence names one with a cue of its own ("reports that ..."), stays a
// claim of whoever made it.

// refuseVerbs refuse or decline to say something.
var refuseVerbs = set("decline", "declines", "declined", "declining", "refuse", "refuses", "refused", "refusing")

// silentWords are what is refused: "declined to comment", "refused to
// elaborate", "declined further comment", "declined to say whether".
var silentWords = set("comment", "comments", "commenting", "elaborate", "discuss", "say", "specify", "disclose",
	"speculate", "respond", "answer", "confirm")

// commentWords are the words of a comment that a negation makes a refusal:
// "would not comment", "had no comment", "not available for comment".
var commentWords = set("comment", "comments", "commented", "commenting")

// silenceNegations say that there is no comment: "would not comment",
// "had no comment", "cannot comment", "unavailable for comment".
var silenceNegations = set("not", "n't", "no", "never", "cannot", "unavailable", "without")

// silenceFillers may stand between a refusal and what is refused: "declined
// to comment", "declined further comment", "had no immediate comment",
// "could not be reached for comment", "did not immediately comment".
var silenceFillers = set("to", "further", "immediate", "immediately", "any", "official", "public", "be",
	"reached", "available", "for", "directly", "specifically", "publicly", "yet", "make", "made", "offer", "give")

// refusalAt returns the end of the refusal phrase that starts at token k,
// or -1 when none starts there: a refusing verb or a negation, a few
// fillers, then what is refused ("declined to comment", "would not
// comment", "no immediate comment").
func refusalAt(ts []tok, k int) int {
	l := ts[k].low
	verb := refuseVerbs[l]
	if !verb && !silenceNegations[l] {
		return -1
	}
	for j := k + 1; j < len(ts) && j <= k+4; j++ {
		w := ts[j].low
		switch {
		case verb && silentWords[w], !verb && commentWords[w]:
			return j + 1
		case verb && (w == "confirm" || w == "to"), silenceFillers[w]:
			continue
		case !verb && (w == "immediately" || w == "be" || w == "to"):
			continue
		default:
			return -1
		}
	}
	return -1
}

// refusal reports whether the cue [cs, ce) is part of a refusal to
// comment: the phrase overlaps the cue ("declined" of "Meta declined to
// comment", "has not commented on" of "has not commented on the offer").
// A refusal inside the content of another cue leaves that cue alone.
func refusal(ts []tok, cs, ce int) bool {
	for k := max(0, cs-4); k < ce && k < len(ts); k++ {
		if e := refusalAt(ts, k); e > cs {
			return true
		}
	}
	return false
}

// refusalTopic are what may follow a refusal in a content that is nothing
// else: the topic ("on the offer", "about reports that ..."), "at all",
// "further".
var refusalTopic = set("on", "about", "regarding", "beyond", "at", "further", "until", "yet", "now", "for", "to")

// refusalContent reports whether a content [a, b) of tokens says only that
// someone has no comment: "it had no comment on a sweetened offer", "we
// have no comment at all", "Lyng would not comment on the statements".
// The refusal must come within the content's first few words, after no
// comma, and what follows it can only be its topic.
func refusalContent(ts []tok, a, b int) bool {
	for k := a; k < b && k < a+7; k++ {
		switch ts[k].low {
		case ",", ";", ":", "that", "but", "--", "and":
			return false
		}
		e := refusalAt(ts, k)
		if e < 0 || e > b {
			continue
		}
		if e == b || isEnd(ts[e]) || ts[e].qclose {
			return true
		}
		if !refusalTopic[ts[e].low] {
			return false
		}
		for j := e + 1; j < b; j++ {
			if ts[j].low == "but" || ts[j].low == ";" {
				return false // "had no comment on the offer but said it ..."
			}
		}
		return true
	}
	return false
}

// refusalTopic reports whether the cue at token cs is a noun in the topic
// of a refusal before it: "would not comment on recurring speculation
// that ...", "declined to comment directly on reports that ...". Whoever
// refuses did not speculate or report: the cue keeps its content and loses
// the refuser as its source.
func refusalTopicCue(ts []tok, cs int) bool {
	for k := max(0, cs-10); k < cs; k++ {
		e := refusalAt(ts, k)
		if e < 0 || e >= cs || cs-e > 5 {
			continue
		}
		on := false
		for j := e; j < cs; j++ {
			switch l := ts[j].low; {
			case l == "," || l == "that" || isEnd(ts[j]) || ts[j].cue:
				return false
			case l == "on" || l == "about" || l == "regarding":
				on = true
			}
		}
		return on
	}
	return false
}

// hearerVerbs take the hearer as object: in the passive, their subject is
// the one told, asked or urged, never the speaker ("he was told creditors
// understand", "Shareholders are being asked to approve").
var hearerVerbs = set("told", "asked", "urged", "advised", "warned", "informed", "ordered", "instructed", "requested",
	"notified", "reminded", "assured")

// passiveHearer reports whether the cue [cs, ce) is the passive of a verb
// that takes the hearer as object ("was told", "were being urged", "has
// been asked about"): its subject is the hearer.
func passiveHearer(ts []tok, cs, ce int) bool {
	for k := cs; k < ce; k++ {
		if !hearerVerbs[ts[k].low] {
			continue
		}
		for j := k - 1; j >= 0 && j >= k-3; j-- {
			switch l := ts[j].low; {
			case beForms[l]:
				return true
			case isAdverb(ts[j]) || l == "later" || l == "first" || l == "formally" || l == "already":
				continue
			}
			break
		}
	}
	return false
}

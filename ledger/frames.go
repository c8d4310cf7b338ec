package ledger

import (
	"unicode"
)

// The allegation frames: phrases that say unambiguously that what follows
// (or, for "in violation of", what comes before) is a wrong someone is
// blamed for: "accused Acme of X", "charged with X", "allegedly X", "the
// alleged X", "alleging (that) X", "charges of X", "allegations that X",
// "pleaded guilty to X", "convicted of X", "fined for X", "retaliation
// for X", "X in violation of". gen_acts.go counts the words these frames
// take across the Reuters corpus to learn the wrongdoing acts of acts.tsv,
// which audits the misconduct lexicon (acts_test.go).
//
// acts.tsv is rebuilt from the repository root with go generate ./ledger
// (the corpus is ../shared/data/news/reuters21578.jsonl, or the file
// $DOSSIER_REUTERS names).
//
//go:generate sh -c "cd .. && go run ledger/gen_acts.go > ledger/acts.tsv"

// frameTok is a token of FrameWindows: a word or a mark that ends a
// window.
type frameTok struct {
	low   string
	upper bool // starts with a capital letter
	mark  bool // punctuation that closes a phrase
}

// frameToks splits text into words (letters, digits, inner hyphens and
// apostrophes) and the marks . ; : , ( ) and quotes.
func frameToks(text string) []frameTok {
	var out []frameTok
	var word []rune
	flush := func() {
		for len(word) > 0 && (word[len(word)-1] == '-' || word[len(word)-1] == '\'') {
			word = word[:len(word)-1]
		}
		if len(word) > 0 {
			low := make([]rune, len(word))
			for i, r := range word {
				low[i] = unicode.ToLower(r)
			}
			out = append(out, frameTok{low: string(low), upper: unicode.IsUpper(word[0])})
			word = word[:0]
		}
	}
	for _, r := range text {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			word = append(word, r)
		case (r == '-' || r == '\'' || r == '’') && len(word) > 0:
			if r == '’' {
				r = '\''
			}
			word = append(word, r)
		default:
			flush()
			switch r {
			case '.', ';', ':', ',', '(', ')', '"', '“', '”', '?', '!':
				out = append(out, frameTok{low: string(r), mark: true})
			}
		}
	}
	flush()
	return out
}

// A frame's window: how many words after (or before) it may name the act.
const (
	shortWindow = 4
	longWindow  = 8
)

// accuseForms take the accused as object before "of": "accused Japan of".
var accuseForms = set("accuse", "accused", "accuses", "accusing")

// forFrames take the wrong after "for", past their object: "fined the
// broker for", "retaliation against Japan for".
var forFrames = set("fined", "penalized", "penalised", "sued", "indicted", "punished", "punish", "prosecuted",
	"convicted", "arrested", "blamed", "retaliation", "retaliate", "sanctions", "penalty", "penalties")

// ofFrames take the wrong right after "of": "convicted of", "guilty of".
var ofFrames = set("convicted", "guilty", "suspected", "charges", "allegations", "accusations")

// possessors stand before "alleged" as an adjective: "the alleged sale",
// "Toshiba's alleged sale".
var possessors = set("the", "an", "a", "his", "her", "its", "their", "of", "and", "in", "for", "over", "'s", "s")

// frameWords are the words of the frames themselves, never acts.
var frameWords = set("accuse", "accused", "accuses", "accusing", "charged", "charge", "charges", "charging",
	"alleged", "allegedly", "allege", "alleges", "alleging", "allegation", "allegations", "accusation",
	"accusations", "guilty", "pleaded", "convicted", "suspected", "violation", "violations", "count", "counts",
	// The frame's own hedges: "retaliation for what it sees as Japan's
	// failure", "what he called".
	"sees", "saw", "see", "seen", "called", "calls", "regards", "regarded", "considers", "considered", "perceived")

func set(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}

// window returns the words of ts[i:i+n] up to the first mark.
func window(ts []frameTok, i, n int) []frameTok {
	var out []frameTok
	for k := i; k < len(ts) && k < i+n; k++ {
		if ts[k].mark {
			break
		}
		out = append(out, ts[k])
	}
	return out
}

// pastHedge returns i, or the index after a hedge of the frame that opens
// at i: "what it sees as", "what he called".
func pastHedge(ts []frameTok, i int) int {
	if i >= len(ts) || ts[i].low != "what" {
		return i
	}
	for k := i + 1; k < len(ts) && k <= i+4; k++ {
		switch ts[k].low {
		case "as":
			return k + 1
		case "called", "calls", "termed", "terms", "describes", "described":
			if k+1 < len(ts) && ts[k+1].low == "as" {
				return k + 2
			}
			return k + 1
		}
	}
	return i
}

// after returns the index of word w within the next n tokens after i, before
// any mark, or -1.
func after(ts []frameTok, i, n int, w string) int {
	for k := i + 1; k < len(ts) && k <= i+n; k++ {
		if ts[k].mark {
			return -1
		}
		if ts[k].low == w {
			return k
		}
	}
	return -1
}

// FrameActs returns, for each allegation frame in text, the stems (Stem)
// of the words its act may be named by: lower-case words (no names) of
// three letters or more, no stop word, number or word of a frame. A text
// in capitals (a wire headline) gives nothing: its words cannot be told
// from names.
func FrameActs(text string) [][]string {
	out := FrameForms(text)
	for _, w := range out {
		for i, f := range w {
			w[i] = Stem(f)
		}
	}
	return out
}

// FrameForms returns, for each allegation frame in text, the lower-case
// words FrameActs keeps, unstemmed, in the same order as its stems.
func FrameForms(text string) [][]string {
	var out [][]string
	for _, w := range frameWindows(text) {
		var forms []string
		seen := make(map[string]bool)
		for _, x := range w {
			if x.upper || len(x.low) < 3 || stop[x.low] || frameWords[x.low] || isNum(x.low) {
				continue
			}
			if s := Stem(x.low); !seen[s] {
				seen[s] = true
				forms = append(forms, x.low)
			}
		}
		if len(forms) > 0 {
			out = append(out, forms)
		}
	}
	return out
}

// FrameWindows returns the lower-case words of each allegation frame's
// window in text, in the order of the text (for "in violation of", the
// words before it, nearest first), as the misconduct lexicon (WrongAt)
// reads them.
func FrameWindows(text string) [][]string {
	var out [][]string
	for _, w := range frameWindows(text) {
		ws := make([]string, len(w))
		for i, x := range w {
			ws[i] = x.low
		}
		out = append(out, ws)
	}
	return out
}

// frameWindows returns the tokens of each frame's window.
func frameWindows(text string) [][]frameTok {
	if shouting(text) {
		return nil
	}
	ts := frameToks(text)
	var out [][]frameTok
	for i, t := range ts {
		if t.mark {
			continue
		}
		next := ""
		if i+1 < len(ts) {
			next = ts[i+1].low
		}
		var w []frameTok
		switch {
		case accuseForms[t.low]:
			if k := after(ts, i, 6, "of"); k >= 0 {
				w = window(ts, pastHedge(ts, k+1), shortWindow)
			}
		case t.low == "charged" && next == "with":
			w = window(ts, i+2, shortWindow)
		case t.low == "allegedly":
			w = window(ts, i+1, shortWindow)
		case t.low == "alleged" && i > 0 && possessors[ts[i-1].low]:
			w = window(ts, i+1, 3)
		case (t.low == "alleging" || t.low == "alleged" || t.low == "alleges") && next == "that":
			w = window(ts, i+2, longWindow)
		case t.low == "alleging":
			w = window(ts, i+1, longWindow)
		case t.low == "pleaded" && next == "guilty" && i+2 < len(ts) && ts[i+2].low == "to":
			w = window(ts, i+3, shortWindow)
		case ofFrames[t.low] && next == "of":
			w = window(ts, i+2, shortWindow)
		case (t.low == "charges" || t.low == "allegations") && next == "that":
			w = window(ts, i+2, longWindow)
		case forFrames[t.low]:
			if k := after(ts, i, 6, "for"); k >= 0 {
				w = window(ts, pastHedge(ts, k+1), shortWindow)
			}
		case t.low == "violation" && next == "of" && i > 0 && ts[i-1].low == "in":
			for k := i - 2; k >= 0 && k > i-2-shortWindow && !ts[k].mark; k-- {
				w = append(w, ts[k])
			}
		case t.low == "violated" || t.low == "violating" || t.low == "violate" || t.low == "violates":
			w = []frameTok{t}
		default:
			continue
		}
		if len(w) > 0 {
			out = append(out, w)
		}
	}
	return out
}

// LowerStems returns the stems of the lower-case words of text (no
// names), each once, in order.
func LowerStems(text string) []string {
	var out []string
	seen := make(map[string]bool)
	for _, t := range frameToks(text) {
		if t.mark || t.upper || len(t.low) < 3 || stop[t.low] || isNum(t.low) {
			continue
		}
		if s := Stem(t.low); !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strings"
	"sync"

	"github.com/dossier-project/dossier/extract"
	"github.com/dossier-project/dossier/extract/ner"
	"github.com/dossier-project/dossier/extract/text"
	"github.com/dossier-project/dossier/schema"
)

// Self-training on unlabelled newswire. The model trained on the labelled
// corpora (the teacher) runs inside the whole extraction pass over the
// stories of a newswire corpus, so that the pass's rules around it
// (datelines, companies in Reuters' angle brackets, legal forms ending a
// company's name, document-level types) correct what it finds; the
// sentences and the entities the pass found become silver training data
// for a second model (the student). Reuters' brackets and tickers are then
// removed from the silver text, so that the student learns the names from
// their words and context alone, as they appear in newswire without markup.

// story is one record of a JSON Lines newswire corpus.
type story struct {
	ID       string `json:"id"`
	Dateline string `json:"dateline"`
	Text     string `json:"text"`
}

// reuterSig is the signature line that closes a Reuters-21578 story.
var reuterSig = regexp.MustCompile(`(?i)\s*\n\s*reuter\s*$`)

// storyText is the document the pass reads for a story: its dateline, a
// newline and its text without the closing "Reuter" line, as
// "dossier eval ner --texts" builds it.
func storyText(s story) string {
	return s.Dateline + "\n" + reuterSig.ReplaceAllString(s.Text, "")
}

// readStories reads a JSON Lines newswire corpus, leaving out the stories
// whose IDs are in exclude.
func readStories(path string, exclude map[string]bool) ([]story, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read news: %w", err)
	}
	defer f.Close()
	var out []story
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	for line := 1; sc.Scan(); line++ {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var s story
		if err := json.Unmarshal(sc.Bytes(), &s); err != nil {
			return nil, fmt.Errorf("read news: %s:%d: %w", path, line, err)
		}
		if !exclude[s.ID] && strings.TrimSpace(s.Text) != "" {
			out = append(out, s)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read news: %s: %w", path, err)
	}
	return out, nil
}

// evalIDs returns the record IDs of the span-annotated evaluation files
// (*.jsonl) in dir: stories that must not be trained on, not even as
// unlabelled text. A missing dir gives none.
func evalIDs(dir string) (map[string]bool, error) {
	ids := map[string]bool{}
	files, err := filepath.Glob(filepath.Join(dir, "*.jsonl"))
	if err != nil {
		return nil, err
	}
	for _, p := range files {
		f, err := os.Open(p)
		if err != nil {
			return nil, fmt.Errorf("evaluation IDs: %w", err)
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 1<<20), 16<<20)
		for sc.Scan() {
			var r struct {
				ID string `json:"id"`
			}
			if json.Unmarshal(sc.Bytes(), &r) == nil && r.ID != "" {
				ids[r.ID] = true
			}
		}
		err = sc.Err()
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("evaluation IDs: %s: %w", p, err)
		}
	}
	return ids, nil
}

// silverOptions choose the silver sentences.
type silverOptions struct {
	max      int  // at most this many sentences (a random choice); 0: all
	capsOnly bool // keep only sentences without lower-case letters
	noCaps   bool // leave out sentences without lower-case letters
	seed     uint64
}

// silverSentences runs the extraction pass around teacher over stories and
// returns their sentences tagged with the entities the pass found, markup
// removed.
func silverSentences(teacher *ner.Model, stories []story, opt silverOptions) ([]ner.Sentence, error) {
	x, err := extract.New(extract.Options{NER: extract.ModelRecognizer(teacher), NoClaims: true, NoModel: true})
	if err != nil {
		return nil, err
	}
	per := make([][]ner.Sentence, len(stories))
	errs := make([]error, len(stories))
	var wg sync.WaitGroup
	workers := runtime.GOMAXPROCS(0)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := w; i < len(stories); i += workers {
				per[i], errs[i] = tagStory(x, stories[i], i)
			}
		}(w)
	}
	wg.Wait()
	var all []ner.Sentence
	for i, ss := range per {
		if errs[i] != nil {
			return nil, fmt.Errorf("silver: %s: %w", stories[i].ID, errs[i])
		}
		for _, s := range ss {
			caps := !hasLowerLetter(strings.Join(s.Tokens, " "))
			if (opt.capsOnly && !caps) || (opt.noCaps && caps) {
				continue
			}
			all = append(all, s)
		}
	}
	if opt.max > 0 && len(all) > opt.max {
		rng := rand.New(rand.NewPCG(opt.seed, 0x51173))
		rng.Shuffle(len(all), func(i, j int) { all[i], all[j] = all[j], all[i] })
		all = all[:opt.max]
		sort.SliceStable(all, func(i, j int) bool { return all[i].Doc < all[j].Doc })
	}
	return all, nil
}

// tagStory extracts one story and returns its sentences with the pass's
// entities as IOB2 tags. Sentences where an entity does not fall on token
// boundaries are left out.
func tagStory(x *extract.Extractor, st story, doc int) ([]ner.Sentence, error) {
	d := &schema.Document{Text: storyText(st), ID: st.ID}
	res, err := x.Extract(context.Background(), d)
	if err != nil {
		return nil, err
	}
	runes := []rune(d.Text)
	sents := text.Split(d, runes)
	type ment struct {
		start, end int
		typ        string
	}
	var ms []ment
	for _, e := range res.Entities {
		for _, m := range e.Mentions {
			ms = append(ms, ment{m.Start, m.End, extract.TagType(e.Type)})
		}
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].start < ms[j].start })
	var out []ner.Sentence
	k := 0
	for _, s := range sents {
		n := len(s.Tokens)
		if n < 2 {
			continue
		}
		toks := make([]string, n)
		for i, t := range s.Tokens {
			toks[i] = t.Text
		}
		tags := make([]string, n)
		for i := range tags {
			tags[i] = "O"
		}
		for k < len(ms) && ms[k].start < s.Start {
			k++
		}
		ok := true
		for ; k < len(ms) && ms[k].start < s.End; k++ {
			m := ms[k]
			a := s.TokenIndexAt(m.start)
			b := s.TokenIndexAt(m.end - 1)
			if a < 0 || b < 0 || s.Tokens[a].Start != m.start || s.Tokens[b].End != m.end {
				ok = false
				continue
			}
			for i := a; i <= b; i++ {
				if tags[i] != "O" {
					ok = false
				}
				tags[i] = "I-" + m.typ
			}
			tags[a] = "B-" + m.typ
		}
		if !ok {
			continue
		}
		toks, tags = dropMarkup(toks, tags)
		if len(toks) < 2 {
			continue
		}
		out = append(out, ner.Sentence{Tokens: toks, Tags: tags, Doc: doc})
	}
	return out, nil
}

// dropMarkup removes Reuters' brackets from a tagged sentence: a ticker in
// angle or square brackets ("<F>", "[BTOM.MI]": no lower-case letter, at
// most 12 bytes) goes with its brackets, a bracketed name ("<Bell Resources
// Ltd>") keeps its words. Tags are rebuilt as IOB2 over what is left.
func dropMarkup(toks, tags []string) ([]string, []string) {
	drop := make([]bool, len(toks))
	any := false
	for i := 0; i < len(toks); i++ {
		close := ""
		switch toks[i] {
		case "<":
			close = ">"
		case "[":
			close = "]"
		default:
			continue
		}
		j := i + 1
		for j < len(toks) && j-i <= 12 && toks[j] != close {
			j++
		}
		if j >= len(toks) || toks[j] != close {
			continue
		}
		inner := strings.Join(toks[i+1:j], " ")
		ticker := !hasLowerLetter(inner) && len(inner) <= 12
		for k := i; k <= j; k++ {
			if ticker || k == i || k == j {
				drop[k] = true
			}
		}
		any = true
		i = j
	}
	if !any {
		return toks, tags
	}
	var ot, og []string
	for i := range toks {
		if drop[i] {
			continue
		}
		t := tags[i]
		if strings.HasPrefix(t, "I-") && (len(og) == 0 || og[len(og)-1] == "O" || og[len(og)-1][2:] != t[2:]) {
			t = "B-" + t[2:]
		}
		ot, og = append(ot, toks[i]), append(og, t)
	}
	return ot, og
}

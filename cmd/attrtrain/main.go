// Command attrtrain trains dossier's attribution model on PolNeAR's
// training split, less the development split that attrib.DevSplit carves
// out of it, and prints the development scores. With -clusters, word
// clusters for the cue tagger are computed here too, from unlabelled news
// (Reuters-21578) and the training documents' texts, so that one command
// gives the model.
package main

import (
	"bufio"
	"compress/gzip"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/dossier-project/dossier/extract/attrib"
)

func main() {
	data := flag.String("data", "../shared/data", "the shared data folder")
	epochs := flag.Int("epochs", 8, "training epochs")
	seed := flag.Uint64("seed", 1, "shuffling seed")
	out := flag.String("out", "", "write the attribution model here (e.g. extract/attrib/model.bin)")
	oBias := flag.Float64("obias", -10, "bias of the cue tagger's O tag in the saved model (chosen with -tune)")
	predBias := flag.Float64("pred-obias", -8, "bias of the O tag of the jackknifed cue taggers whose cues the role tagger trains on (see -role-cues)")
	cueShare := flag.Float64("cue-share", 0.05, "share of its occurrences a word needs in cues to be in the cue vocabulary (sentences without one are not tagged); -1: tag every sentence")
	cueBits := flag.Int("cue-bits", 17, "log2 of the cue tagger's weight rows")
	roleBits := flag.Int("role-bits", 18, "log2 of the role tagger's weight rows")
	roleCues := flag.String("role-cues", "predicted", "cues the role tagger trains on: gold (annotated), predicted (the cue tagger's, jackknifed, where one overlaps an annotated cue) or both")
	folds := flag.Int("folds", 8, "folds for jackknifing the predicted cues of -role-cues")
	nClusters := flag.Int("clusters", 0, "word clusters computed from unlabelled news (-news and the training documents' texts, less the dev and tune splits) as cue features; 0: none")
	news := flag.String("news", "../shared/data/news/reuters21578.jsonl", "unlabelled news (JSON Lines with a text field) for -clusters")
	excludeNews := flag.String("exclude-news", "internal/gold/ledger,extract/ner/newswire", "folders whose .json/.jsonl files name the Reuters stories left out of -news (evaluation sets)")
	cueMiss := flag.Float64("cue-miss", 0, "training margin of the cue tagger where a token is in a cue: the cost added to a wrong tag's score in training (loss-augmented decoding; 20 with -cue-false 4 was the best on -tune, not shipped: see extract/attrib/README.md); 0: none")
	cueFalse := flag.Float64("cue-false", 0, "training margin of the cue tagger where a token is not in a cue; 0: none")
	fold := flag.String("fold", "", "I/K: train on the training split less its fold I of K (attrib.Fold) and score that fold, as -tune does the tune split; dossier eval attribution --split foldI/K scores the pass on it")
	stack := flag.Bool("stack", true, "train a second stage for the cue tagger: gradient-boosted trees that re-decide candidate cue words (see extract/attrib/README.md)")
	stackTrees := flag.Int("stack-trees", 200, "trees of -stack")
	stackDepth := flag.Int("stack-depth", 3, "depth of the trees of -stack")
	stackMin := flag.Float64("stack-min-margin", -15, "a token whose best cue tag scores within this of O (the O bias included) is a candidate of -stack")
	stackAdd := flag.Float64("stack-add", 0.45, "-stack makes a candidate a cue when its probability reaches this")
	stackDrop := flag.Float64("stack-drop", 0.4, "-stack drops a cue none of whose words' probability reaches this")
	tune := flag.Bool("tune", false, "train on the training split less a tune split (15% of it, carved the same way) and score that")
	flag.Parse()
	docs, err := attrib.ReadFile(filepath.Join(*data, "attribution/polnear-train/train.jsonl.gz"))
	if err != nil {
		fail(err)
	}
	train, dev := attrib.DevSplit(docs)
	if *tune {
		// Options are chosen on a second split carved out of the training
		// documents, never on dev.
		train, dev = attrib.DevSplit(train)
		fmt.Println("tuning: scores below are on the tune split, not dev")
	}
	if *fold != "" {
		if *tune {
			fail(fmt.Errorf("-fold and -tune: choose one"))
		}
		var i, k int
		if _, err := fmt.Sscanf(*fold, "%d/%d", &i, &k); err != nil {
			fail(fmt.Errorf("-fold %q: want I/K, as 2/5", *fold))
		}
		if train, dev, err = attrib.Fold(train, i, k); err != nil {
			fail(err)
		}
		*tune = true
		fmt.Printf("fold %d of %d: scores below are on that fold of the training split, not dev\n", i, k)
	}
	rc := map[string]attrib.RoleCues{"gold": attrib.RoleGold, "predicted": attrib.RolePredicted, "both": attrib.RoleBoth}
	mode, ok := rc[*roleCues]
	if !ok {
		fail(fmt.Errorf("-role-cues %q: want gold, predicted or both", *roleCues))
	}
	lex, err := lexicon(filepath.Join(*data, "attribution/lexicons"))
	if err != nil {
		fail(err)
	}
	fmt.Printf("train %d documents, dev %d; lexicon %d words\n", len(train), len(dev), len(lex))
	tb, err := treebank(filepath.Join(*data, "ud-english-ewt/en_ewt-ud-train.conllu.gz"))
	if err != nil {
		fail(err)
	}
	classes := AmbiguityClasses(tb)
	fmt.Printf("ambiguity classes of %d words from %d treebank sentences\n", len(classes), len(tb))
	var clusters map[string]string
	if *nClusters > 0 {
		// The clusters are computed from the documents outside both the
		// dev and the tune split, whether tuning or not: the same clusters
		// for both, and no text of either in them.
		unl, _ := attrib.DevSplit(train)
		if *tune {
			unl = train
		}
		sents, nNews, nEx, err := clusterText(*news, strings.Split(*excludeNews, ","), unl)
		if err != nil {
			fail(err)
		}
		fmt.Printf("cluster text: %d news sentences (%d evaluation stories left out), %d sentences of %d PolNeAR documents\n", nNews, nEx, len(sents)-nNews, len(unl))
		clusters = wordClusters(sents, *nClusters, func(f string, a ...any) { fmt.Printf(f+"\n", a...) })
	}
	m := attrib.Train(train, attrib.TrainOptions{Epochs: *epochs, Seed: *seed, Lexicon: lex, Classes: classes, Clusters: clusters, CueShare: *cueShare, CueBits: uint(*cueBits), RoleBits: uint(*roleBits), Log: os.Stdout, Dev: dev, RoleCues: mode, Folds: *folds, PredBias: float32(*predBias), CueMiss: float32(*cueMiss), CueFalse: float32(*cueFalse),
		Stack: *stack, StackBias: float32(*oBias), StackMinMargin: float32(*stackMin), StackAdd: float32(*stackAdd), StackDrop: float32(*stackDrop), StackTrees: *stackTrees, StackDepth: *stackDepth})
	if *tune {
		if *out != "" {
			if err := save(*out, m.WithOBias(float32(*oBias)).Save); err != nil {
				fail(err)
			}
		}
		for _, b := range []float32{0, -2, -4, -6, -8, -10, -12} {
			s := m.WithOBias(b).Evaluate(dev)
			fmt.Printf("O bias %g: cue P/R/F1 %.4f/%.4f/%.4f, relaxed %.4f/%.4f/%.4f\n", b, s.Cue.P, s.Cue.R, s.Cue.F1, s.Relaxed.P, s.Relaxed.R, s.Relaxed.F1)
		}
		if m.Stacked() {
			base := m.WithOBias(float32(*oBias))
			for _, b := range []float32{-6, -8, -10, -12, -14} {
				s := m.WithOBias(b).WithStack(-1, 0).Evaluate(dev)
				fmt.Printf("stack off, O bias %g: cue P/R/F1 %.4f/%.4f/%.4f, relaxed %.4f/%.4f/%.4f\n", b, s.Cue.P, s.Cue.R, s.Cue.F1, s.Relaxed.P, s.Relaxed.R, s.Relaxed.F1)
			}
			for _, add := range []float32{0.35, 0.4, 0.45, 0.5, 0.6} {
				for _, drop := range []float32{-1, 0.3, 0.35, 0.4, 0.45} {
					s := base.WithStack(add, drop).Evaluate(dev)
					fmt.Printf("stack add %g drop %g: cue P/R/F1 %.4f/%.4f/%.4f, relaxed %.4f/%.4f/%.4f\n", add, drop, s.Cue.P, s.Cue.R, s.Cue.F1, s.Relaxed.P, s.Relaxed.R, s.Relaxed.F1)
				}
			}
		}
		return
	}
	m = m.WithOBias(float32(*oBias))
	if *out != "" {
		if err := save(*out, m.Save); err != nil {
			fail(err)
		}
		// Score what was saved, as it will be loaded.
		f, err := os.Open(*out)
		if err != nil {
			fail(err)
		}
		m, err = attrib.Load(f)
		f.Close()
		if err != nil {
			fail(err)
		}
		fmt.Printf("saved %s\n", *out)
	}
	fmt.Printf("dev split (%d documents), O bias %g:\n", len(dev), *oBias)
	s := m.Evaluate(dev)
	s.WriteTable(os.Stdout)
}

// save writes a file through fn.
func save(path string, fn func(w io.Writer) error) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := fn(f); err != nil {
		f.Close()
		return fmt.Errorf("%s: %w", path, err)
	}
	return f.Close()
}

// treebank reads a CoNLL-U file (gzip-compressed).
func treebank(path string) ([]Sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	s, _, err := ReadCoNLLU(zr)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return s, nil
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "attrtrain:", err)
	os.Exit(1)
}

// lexicon reads the reporting-verb lists: the GenderGapTracker quote verbs
// (inflected forms) as class "quote", and VerbNet's communication classes
// (lemmas, inflected here) as their class name.
func lexicon(dir string) (map[string]string, error) {
	lex := map[string]string{}
	f, err := os.Open(filepath.Join(dir, "verbnet34_communication_members.tsv"))
	if err != nil {
		return nil, err
	}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fs := strings.Split(sc.Text(), "\t")
		if len(fs) < 2 || fs[0] == "lemma" {
			continue
		}
		class := fs[1]
		if i := strings.IndexByte(class, '-'); i > 0 {
			class = class[:i]
		}
		for _, w := range inflect(attrib.Norm(fs[0])) {
			if _, ok := lex[w]; !ok {
				lex[w] = class
			}
		}
	}
	f.Close()
	f, err = os.Open(filepath.Join(dir, "ggt_quote_verb_list.txt"))
	if err != nil {
		return nil, err
	}
	sc = bufio.NewScanner(f)
	for sc.Scan() {
		w := attrib.Norm(strings.TrimSpace(sc.Text()))
		if w == "" {
			continue
		}
		if c, ok := lex[w]; ok {
			lex[w] = "quote+" + c
		} else {
			lex[w] = "quote"
		}
	}
	f.Close()
	return lex, nil
}

// inflect returns a verb's base, -s, -ed and -ing forms (regular only).
func inflect(l string) []string {
	if strings.ContainsAny(l, " _") || len(l) < 2 {
		return []string{strings.ReplaceAll(l, "_", " ")}
	}
	isV := func(b byte) bool { return strings.IndexByte("aeiou", b) >= 0 }
	last := l[len(l)-1]
	var s, ed, ing string
	switch {
	case last == 'y' && !isV(l[len(l)-2]):
		s, ed, ing = l[:len(l)-1]+"ies", l[:len(l)-1]+"ied", l+"ing"
	case last == 'e':
		s, ed, ing = l+"s", l+"d", l[:len(l)-1]+"ing"
	case strings.HasSuffix(l, "s") || strings.HasSuffix(l, "sh") || strings.HasSuffix(l, "ch") || last == 'x':
		s, ed, ing = l+"es", l+"ed", l+"ing"
	default:
		s, ed, ing = l+"s", l+"ed", l+"ing"
	}
	return []string{l, s, ed, ing}
}

// Command nertrain trains the named-entity recogniser embedded in package
// extract/ner and prints its scores on held-out data.
//
// Usage, from the repository root:
//
//	go run ./cmd/nertrain -data ../shared/data -out extract/ner/model.bin -gaz extract/ner/gazetteer.tsv.gz \
//	  -unlabelled-news ../shared/data/news/reuters21578.jsonl -fix-countries \
//	  -self-train ../shared/data/news/reuters21578.jsonl -silver 20000
//
// trains the shipped model (without -unlabelled-news, -fix-countries and
// -self-train: a model of the labelled corpora alone; extract/ner/README.md
// compares them).
//
// It compiles the gazetteer from DATA/gazetteers, reads the corpora in
// DATA/ner-train, splits them into training, development and held-out test
// parts (fixed, documented below), trains with a fixed seed and writes the
// model and the compiled gazetteer. Held-out parts are never trained on:
//
//   - wikigold: the last 29 documents are test, the 15 before them dev;
//   - re3d: the last 20% of documents (by order in the file) are test;
//   - GMB: the last 5% of sentences are test, the 5% before them dev, and a
//     fraction (-gmb) of the rest, every k-th sentence, is trained on;
//   - CrossNER *-test, WNUT17 test and UNER EWT test files are test.
//
// SEC filings are not used (contract roles tagged as PER). BTC @-mentions
// are untagged. Training also uses upper-case copies of a share of the
// sentences (-upper), generated sports-page lines (-sports, see sports.go)
// and word clusters computed from the training text plus the unused GMB
// sentences before the dev part (-clusters, see cluster.go), optionally
// with unlabelled newswire (-unlabelled-news, see news.go).
//
// The dev parts are used to choose options; dev and test scores are printed
// as Markdown tables on stdout, progress goes to stderr. With -dev only the
// dev scores are printed and the gazetteer is not written (the model still
// is, to -out).
//
// Exit status: 0 on success, 1 on any error.
package main

import (
	"bytes"
	"compress/gzip"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/dossier-project/dossier/extract/ner"
)

func main() {
	if err := run(os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "nertrain:", err)
		os.Exit(1)
	}
}

type split struct {
	name  string
	sents []ner.Sentence
	docs  bool // sentences carry document numbers
}

func run(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("nertrain", flag.ContinueOnError)
	fs.SetOutput(stderr)
	data := fs.String("data", "../shared/data", "shared data folder with ner-train/ and gazetteers/")
	out := fs.String("out", "extract/ner/model.bin", "where to write the model")
	gazOut := fs.String("gaz", "extract/ner/gazetteer.tsv.gz", "where to write the compiled gazetteer (gzip TSV); empty: do not write")
	epochs := fs.Int("epochs", 8, "training epochs")
	seed := fs.Uint64("seed", 1, "random seed")
	upper := fs.Float64("upper", 0.35, "fraction of training sentences added again in upper case")
	gmbFrac := fs.Float64("gmb", 0.5, "fraction of GMB training sentences used")
	gmbWeight := fs.Float64("gmb-weight", 1, "update weight of GMB sentences (silver data)")
	minCount := fs.Int("mincount", 2, "drop features seen fewer times")
	prune := fs.Float64("prune", 0, "drop averaged weights below this magnitude")
	sports := fs.Int("sports", 3000, "synthetic sports-page sentences added to training (see sports.go)")
	nClusters := fs.Int("clusters", 256, "word clusters computed from the training text, unlabelled GMB text and -unlabelled-news; 0: none")
	newsPath := fs.String("unlabelled-news", "", "JSON Lines newswire (field \"text\", e.g. DATA/news/reuters21578.jsonl) added to the clustering text; empty: none (the default: on dev it did not help, see extract/ner/README.md)")
	selfTrain := fs.String("self-train", "", "JSON Lines newswire (e.g. DATA/news/reuters21578.jsonl) to self-train on: the model trained on the labelled data tags it inside the extraction pass, and a second model is trained on the labelled data plus these silver sentences (see silver.go); empty: none")
	silverMax := fs.Int("silver", 0, "at most this many silver sentences (a random choice); 0: all")
	silverWeight := fs.Float64("silver-weight", 1, "update weight of silver sentences")
	silverCaps := fs.String("silver-caps", "all", "which silver sentences: all, mixed (leave out all-capital lines), caps (only all-capital lines)")
	evalDir := fs.String("eval-dir", "extract/ner/newswire", "folder of span-annotated evaluation files whose stories are never trained on, not even as unlabelled text")
	fixC := fs.Bool("fix-countries", false, "relabel stand-alone country names in the labelled training data as one LOC (see clean.go)")
	noGaz := fs.Bool("nogaz", false, "train without gazetteer features (for comparison)")
	oBias := fs.Float64("obias", 0, "constant added to the score of O at every token (negative: more entities); chosen on dev with -sweep")
	sweep := fs.Bool("sweep", false, "print dev F1 for a range of -obias values")
	errFile := fs.String("errors", "", "write dev sentences with tagging errors to this file")
	devUpper := fs.Bool("dev-upper", false, "also score upper-cased copies of the dev splits (a proxy for all-caps headlines)")
	devOnly := fs.Bool("dev", false, "print dev scores only and do not write the gazetteer (for choosing options)")
	gazOnly := fs.Bool("gaz-only", false, "compile and write the gazetteer (-gaz), then stop: the gazetteer does not depend on training")
	if err := fs.Parse(args); err != nil {
		return err
	}
	start := time.Now()
	excluded, err := evalIDs(*evalDir)
	if err != nil {
		return err
	}
	gaz, err := compileGazetteer(filepath.Join(*data, "gazetteers"))
	if err != nil {
		return err
	}
	fmt.Fprintf(stderr, "gazetteer: %d entries\n", gaz.Len())
	if *gazOut != "" && !*devOnly {
		if err := writeGazetteer(gaz, *gazOut); err != nil {
			return err
		}
	}
	if *gazOnly {
		if *gazOut == "" || *devOnly {
			return fmt.Errorf("-gaz-only needs -gaz FILE and no -dev")
		}
		return nil
	}
	train, weights, dev, test, unlabelled, err := loadSplits(filepath.Join(*data, "ner-train"), *gmbFrac, *gmbWeight)
	if err != nil {
		return err
	}
	if *fixC {
		fmt.Fprintf(stderr, "countries: %d spans relabelled LOC\n", fixCountries(train, gaz, 5))
	}
	if *sports > 0 {
		lists, err := loadSportsLists(filepath.Join(*data, "gazetteers"))
		if err != nil {
			return err
		}
		for _, s := range sportsSentences(lists, *sports, *seed) {
			train = append(train, s)
			weights = append(weights, 1)
		}
	}
	ntok := 0
	for _, s := range train {
		ntok += len(s.Tokens)
	}
	fmt.Fprintf(stderr, "training: %d sentences, %d tokens (before upper-case copies)\n", len(train), ntok)
	var devAll []ner.Sentence
	for _, d := range dev {
		devAll = append(devAll, d.sents...)
	}
	tg := gaz
	if *noGaz {
		tg = nil
	}
	var clusters map[string]uint16
	if *nClusters > 0 {
		text := unlabelled
		if *newsPath != "" {
			news, err := readNews(*newsPath, excluded)
			if err != nil {
				return fmt.Errorf("-unlabelled-news: %w", err)
			}
			fmt.Fprintf(stderr, "unlabelled news: %d sentences from %s\n", len(news), *newsPath)
			text = append(text, news...)
		}
		for _, s := range train {
			text = append(text, s.Tokens)
		}
		t0 := time.Now()
		clusters = wordClusters(text, *nClusters, 3, 12, *seed)
		fmt.Fprintf(stderr, "clusters: %d words in %d clusters from %d sentences (%s)\n", len(clusters), *nClusters, len(text), time.Since(t0).Round(time.Second))
	}
	topts := ner.TrainOptions{
		Epochs: *epochs, Seed: *seed, MinCount: *minCount, UpperFraction: *upper,
		Weights: weights, Prune: *prune, Log: stderr, Clusters: clusters,
	}
	m := ner.Train(train, tg, topts)
	if *selfTrain != "" {
		fmt.Fprintf(stderr, "teacher trained in %s, %d features\n", time.Since(start).Round(time.Second), m.NumFeatures())
		stories, err := readStories(*selfTrain, excluded)
		if err != nil {
			return fmt.Errorf("-self-train: %w", err)
		}
		opt := silverOptions{max: *silverMax, seed: *seed}
		switch *silverCaps {
		case "all":
		case "mixed":
			opt.noCaps = true
		case "caps":
			opt.capsOnly = true
		default:
			return fmt.Errorf("-silver-caps %q: want all, mixed or caps", *silverCaps)
		}
		t0 := time.Now()
		silver, err := silverSentences(m, stories, opt)
		if err != nil {
			return err
		}
		fmt.Fprintf(stderr, "silver: %d sentences from %d stories (%s)\n", len(silver), len(stories), time.Since(t0).Round(time.Second))
		for _, s := range silver {
			train = append(train, s)
			weights = append(weights, *silverWeight)
		}
		topts.Weights = weights
		m = ner.Train(train, tg, topts)
	}
	fmt.Fprintf(stderr, "trained in %s, %d features\n", time.Since(start).Round(time.Second), m.NumFeatures())
	if *sweep {
		for _, b := range []float32{-8, -6, -4, -3, -2, -1, 0, 1, 2} {
			mb := m.WithOBias(b)
			fmt.Fprintf(stdout, "obias %5.1f:", b)
			for _, d := range dev {
				fmt.Fprintf(stdout, " %s F1 %.4f;", strings.SplitN(d.name, " (", 2)[0], ner.Evaluate(d.sents, mb.Tag).Overall.F1)
			}
			fmt.Fprintf(stdout, " all %.4f\n", ner.Evaluate(devAll, mb.Tag).Overall.F1)
		}
	}
	m = m.WithOBias(float32(*oBias))
	var buf bytes.Buffer
	if err := m.Save(&buf); err != nil {
		return err
	}
	if err := os.WriteFile(*out, buf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("write model: %w", err)
	}
	fmt.Fprintf(stdout, "Model: %d features, %.1f MB (%s)\n\n", m.NumFeatures(), float64(buf.Len())/1e6, *out)
	// Score the model as it will be loaded (quantised weights).
	m, err = ner.Load(bytes.NewReader(buf.Bytes()))
	if err != nil {
		return err
	}
	report := dev
	if *devUpper {
		for _, d := range dev {
			up := make([]ner.Sentence, len(d.sents))
			for i, s := range d.sents {
				up[i] = s
				up[i].Tokens = make([]string, len(s.Tokens))
				for j, t := range s.Tokens {
					up[i].Tokens[j] = strings.ToUpper(t)
				}
			}
			report = append(report, split{d.name + ", upper-cased", up, d.docs})
		}
	}
	if !*devOnly {
		report = append(report, test...)
	}
	for _, s := range report {
		sc := ner.Evaluate(s.sents, m.Tag)
		fmt.Fprintf(stdout, "### %s (%d sentences)\n\n", s.name, len(s.sents))
		if err := sc.WriteTable(stdout); err != nil {
			return err
		}
		fmt.Fprintln(stdout)
		if s.docs {
			sc := ner.EvaluateDocuments(s.sents, m.TagDocument)
			fmt.Fprintf(stdout, "### %s, document-level consistency (TagDocument)\n\n", s.name)
			if err := sc.WriteTable(stdout); err != nil {
				return err
			}
			fmt.Fprintln(stdout)
		}
	}
	if *errFile != "" {
		if err := writeErrors(*errFile, devAll, m); err != nil {
			return err
		}
	}
	if len(devAll) > 0 {
		fmt.Fprintf(stdout, "dev overall F1 %.4f\n", ner.Evaluate(devAll, m.Tag).Overall.F1)
	}
	return nil
}

func writeGazetteer(g *ner.Gazetteer, path string) error {
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err := g.Save(zw); err != nil {
		return err
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("write gazetteer: %w", err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("write gazetteer: %w", err)
	}
	return nil
}

func readFile(path string) ([]ner.Sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read corpus: %w", err)
	}
	defer f.Close()
	s, err := ner.ReadCoNLL(f)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	return s, nil
}

// collapse maps fine tags to the CoNLL types (DATE becomes O).
func collapse(ss []ner.Sentence) []ner.Sentence {
	for i := range ss {
		for j, t := range ss[i].Tags {
			ss[i].Tags[j] = ner.CoarseTag(t)
		}
	}
	return ss
}

func numDocs(ss []ner.Sentence) int {
	if len(ss) == 0 {
		return 0
	}
	return ss[len(ss)-1].Doc + 1
}

// loadSplits reads the corpora and returns training sentences with their
// update weights, dev splits and test splits.
func loadSplits(dir string, gmbFrac, gmbWeight float64) (train []ner.Sentence, weights []float64, dev, test []split, unlabelled [][]string, err error) {
	add := func(ss []ner.Sentence, w float64) {
		for _, s := range ss {
			train = append(train, s)
			weights = append(weights, w)
		}
	}
	read := func(parts ...string) []ner.Sentence {
		if err != nil {
			return nil
		}
		var ss []ner.Sentence
		ss, err = readFile(filepath.Join(append([]string{dir}, parts...)...))
		return collapse(ss)
	}

	// wikigold: 146 documents (the first has no -DOCSTART-).
	wg := read("wikigold", "wikigold.conll")
	nd := numDocs(wg)
	var wgTrain, wgDev, wgTest []ner.Sentence
	for _, s := range wg {
		switch {
		case s.Doc >= nd-29:
			wgTest = append(wgTest, s)
		case s.Doc >= nd-29-15:
			wgDev = append(wgDev, s)
		default:
			wgTrain = append(wgTrain, s)
		}
	}
	add(wgTrain, 1)
	dev = append(dev, split{"wikigold dev (15 docs before the last 29)", wgDev, true})
	test = append(test, split{"wikigold test (last 29 docs)", wgTest, true})

	// re3d: last 20% of documents.
	re := read("re3d", "re3d-open.conll")
	nd = numDocs(re)
	cut := int(math.Ceil(0.8 * float64(nd)))
	var reTrain, reTest []ner.Sentence
	for _, s := range re {
		if s.Doc >= cut {
			reTest = append(reTest, s)
		} else {
			reTrain = append(reTrain, s)
		}
	}
	add(reTrain, 1)
	test = append(test, split{fmt.Sprintf("re3d test (docs %d-%d of %d)", cut, nd-1, nd), reTest, true})

	// GMB: sentences in file order.
	gmb := read("gmb", "gmb.conll")
	n := len(gmb)
	testStart, devStart := n-n/20, n-2*(n/20)
	step := 1
	if gmbFrac > 0 && gmbFrac < 1 {
		step = int(math.Round(1 / gmbFrac))
	}
	var gmbTrain []ner.Sentence
	if gmbFrac > 0 {
		for i := 0; i < devStart; i += step {
			gmbTrain = append(gmbTrain, gmb[i])
		}
	}
	add(gmbTrain, gmbWeight)
	for _, s := range gmb[:max(devStart, 0)] {
		unlabelled = append(unlabelled, s.Tokens)
	}
	if n > 0 {
		dev = append(dev, split{"GMB dev (sentences 90-95%)", gmb[devStart:testStart], false})
		test = append(test, split{"GMB test (last 5% of sentences)", gmb[testStart:], false})
	}

	// CrossNER: train and dev files train, test files test.
	var cnTest []ner.Sentence
	for _, d := range []string{"ai", "literature", "music", "politics", "science"} {
		add(read("crossner", d+"-train.conll"), 1)
		add(read("crossner", d+"-dev.conll"), 1)
		cnTest = append(cnTest, read("crossner", d+"-test.conll")...)
	}
	test = append(test, split{"CrossNER test (5 domains)", cnTest, false})

	// BTC: all, @-mentions untagged.
	btc := read("btc", "btc.conll")
	for i := range btc {
		for j, t := range btc[i].Tokens {
			if strings.HasPrefix(t, "@") && len(t) > 1 {
				btc[i].Tags[j] = "O"
			}
		}
		btc[i].Tags = ner.ToIOB2(btc[i].Tags)
	}
	add(btc, 1)

	add(read("wnut17", "train.conll"), 1)
	add(read("wnut17", "dev.conll"), 1)
	test = append(test, split{"WNUT17 test", read("wnut17", "test.conll"), false})

	add(read("uner-en-ewt", "dev.conll"), 1)
	test = append(test, split{"UNER EWT test", read("uner-en-ewt", "test.conll"), true})
	return train, weights, dev, test, unlabelled, err
}

// writeErrors writes each dev sentence whose predicted tags differ from the
// gold ones: tokens with gold and predicted tags where they differ.
func writeErrors(path string, sents []ner.Sentence, m *ner.Model) error {
	var b strings.Builder
	for _, s := range sents {
		pred := m.Tag(s.Tokens)
		bad := false
		var line strings.Builder
		for i, t := range s.Tokens {
			if pred[i] != s.Tags[i] {
				bad = true
				fmt.Fprintf(&line, "[%s %s>%s] ", t, s.Tags[i], pred[i])
			} else if s.Tags[i] != "O" {
				fmt.Fprintf(&line, "%s/%s ", t, s.Tags[i])
			} else {
				fmt.Fprintf(&line, "%s ", t)
			}
		}
		if bad {
			b.WriteString(line.String())
			b.WriteString("\n")
		}
	}
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		return fmt.Errorf("write errors: %w", err)
	}
	return nil
}

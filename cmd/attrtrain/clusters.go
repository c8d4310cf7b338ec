package main

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"time"

	"github.com/dossier-project/dossier/extract/attrib"
	"github.com/dossier-project/dossier/extract/text"
	"github.com/dossier-project/dossier/internal/wordclust"
	"github.com/dossier-project/dossier/schema"
)

// Settings of the word clustering (those of cmd/nertrain's): words seen at
// least clusterMin times, clusterIters rounds of k-means, a fixed seed, so
// that the clusters, and the model, are the same at every run.
const (
	clusterMin   = 3
	clusterIters = 12
	clusterSeed  = 1
)

// clusterText gathers the unlabelled text the word clusters are computed
// from: the stories of the news file (Reuters-21578) less those an
// evaluation set of the repository names (excludeDirs: the ledger's gold
// and the recogniser's newswire sets), and the texts of the PolNeAR
// documents given (each doc_id once), as sentences of tokens in the form
// the model looks words up in (attrib.Norm).
func clusterText(newsPath string, excludeDirs []string, docs []attrib.Document) (sents [][]string, nNews, nExcluded int, err error) {
	exclude, err := storyIDs(excludeDirs)
	if err != nil {
		return nil, 0, 0, err
	}
	news, err := wordclust.ReadNews(newsPath, exclude)
	if err != nil {
		return nil, 0, 0, err
	}
	nNews = len(news)
	seen := map[string]bool{}
	for _, d := range docs {
		if seen[d.DocID] {
			continue
		}
		seen[d.DocID] = true
		runes := []rune(d.Text)
		for _, s := range text.Split(&schema.Document{Text: d.Text}, runes) {
			toks := make([]string, 0, len(s.Tokens))
			for _, t := range s.Tokens {
				toks = append(toks, t.Text)
			}
			if len(toks) > 1 {
				news = append(news, toks)
			}
		}
	}
	for _, s := range news {
		for i, t := range s {
			s[i] = attrib.Norm(t)
		}
	}
	return news, nNews, len(exclude), nil
}

var storyID = regexp.MustCompile(`"(reuters21578/[0-9]+)"`)

// storyIDs returns the Reuters-21578 story IDs named in the .json and
// .jsonl files of dirs.
func storyIDs(dirs []string) (map[string]bool, error) {
	ids := map[string]bool{}
	for _, dir := range dirs {
		var files []string
		for _, pat := range []string{"*.json", "*.jsonl"} {
			fs, err := filepath.Glob(filepath.Join(dir, pat))
			if err != nil {
				return nil, err
			}
			files = append(files, fs...)
		}
		if len(files) == 0 {
			return nil, fmt.Errorf("evaluation stories: no .json or .jsonl file in %s", dir)
		}
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				return nil, fmt.Errorf("evaluation stories: %w", err)
			}
			for _, m := range storyID.FindAllSubmatch(b, -1) {
				ids[string(m[1])] = true
			}
		}
	}
	return ids, nil
}

// wordClusters computes k clusters of the words of sents, as cluster names
// ("c17") by word.
func wordClusters(sents [][]string, k int, log func(string, ...any)) map[string]string {
	t0 := time.Now()
	c := wordclust.Clusters(sents, k, clusterMin, clusterIters, clusterSeed)
	out := make(map[string]string, len(c))
	for w, id := range c {
		out[w] = "c" + strconv.Itoa(int(id))
	}
	log("word clusters: %d words in %d clusters from %d sentences in %v", len(out), k, len(sents), time.Since(t0).Round(time.Second))
	return out
}

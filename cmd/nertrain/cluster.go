package main

import "github.com/dossier-project/dossier/internal/wordclust"

// wordClusters maps lower-cased words of unlabelled text to clusters of
// words seen in the same contexts (wordclust.Clusters).
func wordClusters(sents [][]string, k, minCount, iters int, seed uint64) map[string]uint16 {
	return wordclust.Clusters(sents, k, minCount, iters, seed)
}

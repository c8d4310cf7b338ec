package main

import (
	"io"

	"github.com/dossier-project/dossier/internal/wordclust"
)

// readNews reads unlabelled newswire for the word clusters, leaving out the
// stories whose IDs are in exclude (the evaluation stories); see
// wordclust.ReadNews.
func readNews(path string, exclude map[string]bool) ([][]string, error) {
	return wordclust.ReadNews(path, exclude)
}

// parseNews is readNews on a reader.
func parseNews(r io.Reader, exclude map[string]bool) ([][]string, error) {
	return wordclust.ParseNews(r, exclude)
}

func hasLowerLetter(s string) bool { return wordclust.HasLowerLetter(s) }

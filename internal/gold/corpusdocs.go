package gold

import (
	"context"
	"fmt"
	"io"

	"github.com/dossier-project/dossier/extract/source"
	"github.com/dossier-project/dossier/schema"
)

// ReadCorpusDocs reads corpus (stdin when corpus is "-") and calls fn, in
// corpus order, on each document whose ID is a key of want (document ID ->
// the SHA-256 the gold was made on). A document whose text is not the one
// the gold was made on, and a wanted document the corpus lacks, are
// errors that name the corpus and the document. want is emptied as the
// documents are found.
func ReadCorpusDocs(ctx context.Context, corpus string, stdin io.Reader, want map[string]string, fn func(*schema.Document) error) error {
	// An early return cancels the reader, which blocks until drained.
	rctx, cancel := context.WithCancel(ctx)
	defer cancel()
	for it := range source.Read(rctx, []string{corpus}, stdin) {
		if it.Err != nil {
			return it.Err
		}
		sum, ok := want[it.Doc.ID]
		if !ok {
			continue
		}
		if sum != it.Doc.Hash {
			return fmt.Errorf("%s: document %s is not the text the gold was made on (SHA-256 %s, want %s)", corpus, it.Doc.ID, it.Doc.Hash, sum)
		}
		delete(want, it.Doc.ID)
		if err := fn(it.Doc); err != nil {
			return fmt.Errorf("%s: %w", it.Doc.ID, err)
		}
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	for id := range want {
		return fmt.Errorf("%s: no document %s (and %d more of the gold's)", corpus, id, len(want)-1)
	}
	return nil
}

// ReadOthers reads path (a file or folder of any input the ingest reads)
// and calls fn, in the order read, on each document whose ID is not a key
// of gold: other stories, which a user's store holds beside the ones
// annotated. Standard input is not read: it holds the gold's documents
// when the corpus is "-".
func ReadOthers(ctx context.Context, path string, gold map[string]string, fn func(*schema.Document) error) error {
	if path == "-" {
		return fmt.Errorf("other documents are read from a file or folder, not standard input")
	}
	// An early return cancels the reader, which blocks until drained.
	rctx, cancel := context.WithCancel(ctx)
	defer cancel()
	for it := range source.Read(rctx, []string{path}, nil) {
		if it.Err != nil {
			return it.Err
		}
		if _, ok := gold[it.Doc.ID]; ok {
			continue
		}
		if err := fn(it.Doc); err != nil {
			return fmt.Errorf("%s: %w", it.Doc.ID, err)
		}
	}
	return ctx.Err()
}

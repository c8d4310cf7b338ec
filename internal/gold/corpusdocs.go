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
	for it := range source.Read(ctx, []string{corpus}, stdin) {
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

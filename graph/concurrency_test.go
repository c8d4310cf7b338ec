package graph_test

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/dossier-project/dossier/graph"
	"github.com/dossier-project/dossier/graph/graphtest"
)

// One goroutine writes batches while four read (Stats, Claims, Find,
// Documents): no deadlock (bolt's writer-with-readers, Cayley issue 712),
// no data race (run with -race), every read sees whole documents only.
func TestConcurrentReadersDuringWrites(t *testing.T) {
	for name, open := range map[string]func(*testing.T) *graph.Store{
		"memory": openMemory, "bolt": openBolt, "postgres": openPostgres,
	} {
		t.Run(name, func(t *testing.T) {
			if name == "postgres" {
				postgresURL(t)
			}
			readWhileWriting(t, open(t))
		})
	}
}

func readWhileWriting(t *testing.T, st *graph.Store) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	docs := graphtest.Corpus(t, 120)
	var done atomic.Bool
	var reads atomic.Int64
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer done.Store(true)
		for i := 0; i < len(docs); i += 10 {
			if _, err := st.WriteBatch(ctx, docs[i:i+10]); err != nil {
				errs <- err
				return
			}
		}
	}()
	for r := 0; r < 4; r++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for !done.Load() {
				var err error
				switch r {
				case 0:
					var s graph.Stats
					s, err = st.Stats(ctx)
					// Each corpus document has one claim, written after
					// its type and counted after the documents: a reader
					// that saw a document without its claim saw half of it.
					if err == nil && s.Claims < s.Documents {
						err = errors.New("a half-written document was visible")
					}
				case 1:
					_, err = st.Claims(ctx, graph.ClaimFilter{Stance: "deny"})
				case 2:
					_, err = st.Find(ctx, "Orgnamea Holdings")
					if errors.Is(err, graph.ErrNotFound) {
						err = nil
					}
				case 3:
					_, err = st.Documents(ctx, "")
				}
				if err != nil {
					errs <- err
					return
				}
				reads.Add(1)
			}
		}()
	}
	finished := make(chan struct{})
	go func() { wg.Wait(); close(finished) }()
	select {
	case <-finished:
	case <-time.After(2 * time.Minute):
		t.Fatal("writer and readers still running after 2 minutes: deadlock")
	}
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	s, err := st.Stats(ctx)
	if err != nil || s.Documents != len(docs) {
		t.Fatalf("after: %+v %v", s, err)
	}
	t.Logf("%d reads during the writes", reads.Load())
}

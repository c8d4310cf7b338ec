package cli

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dossier-project/dossier/extract"
)

// TestIngestInterruptedWhileLoading: an interrupt that comes while the
// models load ends ingest then, with the interrupted status and no store
// created, rather than after the load (a second or more).
func TestIngestInterruptedWhileLoading(t *testing.T) {
	started, release := make(chan struct{}), make(chan struct{})
	defer close(release)
	old := loadExtractor
	loadExtractor = func(*app) (*extract.Extractor, error) {
		close(started)
		<-release // a load that has not ended when the signal comes
		return nil, errors.New("not loaded")
	}
	defer func() { loadExtractor = old }()

	dir := t.TempDir()
	in := filepath.Join(dir, "a.txt")
	if err := os.WriteFile(in, []byte("Acme Corp said on Monday it would buy Zenith Ltd.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	store := filepath.Join(dir, "db")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go func() {
		<-started
		cancel() // the signal
	}()
	var out, errb bytes.Buffer
	root := New(strings.NewReader(""), &out, &errb)
	root.SetArgs([]string{"--store", store, "ingest", "--progress=none", in})
	done := make(chan error, 1)
	go func() { done <- root.ExecuteContext(ctx) }()
	select {
	case err := <-done:
		if code := ExitCode(err); code != ExitInterrupted {
			t.Errorf("exit %d (%v), want %d (interrupted)", code, err, ExitInterrupted)
		}
	case <-time.After(time.Minute):
		t.Fatal("ingest still waits for the models to load after the interrupt")
	}
	if _, err := os.Stat(store); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a store was created: %v", err)
	}
}

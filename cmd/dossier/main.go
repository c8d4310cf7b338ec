// Command dossier turns news articles into a knowledge graph of the
// organisations, people and places they name and the claims made between
// them. Run "dossier --help" for the commands.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"

	"github.com/dossier-project/dossier/internal/cli"
)

func main() {
	// SIGINT or SIGTERM cancels the commands' context: ingest stops
	// extracting (mid-document too), writes no further batch and leaves
	// the store consistent. A second signal ends the process at once, as
	// the signal's default does: what is stored is safe either way.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	go func() {
		<-ctx.Done()
		stop()
	}()
	code := cli.Main(ctx, os.Args[1:])
	stop()
	os.Exit(code)
}

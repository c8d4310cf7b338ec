package cli

import (
	"errors"
	"fmt"
	"net"
	"time"

	"github.com/spf13/cobra"

	"github.com/dossier-project/dossier/graph"
	"github.com/dossier-project/dossier/internal/server"
	"github.com/dossier-project/dossier/schema"
)

// serveBatch is how many documents serve --ingest writes in one
// transaction: small, so that readers wait little for each write.
const serveBatch = 8

func (a *app) serveCmd() *cobra.Command {
	var addr, cors string
	var public bool
	var ingest []string
	var timeout, queryTimeout time.Duration
	var queryLimit int
	cmd := &cobra.Command{
		Use:   "serve [--addr 127.0.0.1:8080] [--ingest PATH]...",
		Short: "Serve the store over HTTP: a JSON API and a browser view of the graph",
		Long: `serve opens the store and serves it until interrupted (Ctrl-C or SIGTERM, which
let requests in flight finish): a browser view at / (search an entity, see its
neighbourhood as a graph, click an edge for the claims on it with the evidence
sentence and the source document, click a node to expand it, read its timeline and
allegations ledger) and a read-only JSON API under /api/ (see
internal/server/README.md): search, entity, neighbours, edges, claims, allegations,
timeline, path, documents, mentions, and query (Gizmo, GraphQL, MQL).

Safety: it listens on loopback only unless --public is given, and then answers only
requests addressed to localhost, 127.0.0.1 or ::1 when on loopback. There is no
write endpoint. Every request stops after --timeout and every query after
--query-timeout with at most --query-limit results; request bodies are capped at
64 KiB; no CORS header is sent unless --cors-origin names the one origin allowed.

Serving and ingesting: the store is a bolt file that one process at a time may
open. While serve runs, "dossier ingest" in another process fails at once with
"store is locked" (exit 11). To add documents while serving, give them to serve
itself with --ingest: they are extracted and written in this process, a few at a
time, while requests go on being answered (each write briefly excludes readers;
nothing deadlocks). Without --ingest the store must exist.`,
		Example: `  dossier serve
  dossier --store news.db serve --addr 127.0.0.1:9000
  dossier serve --ingest corpus/          # serve while ingesting
  curl 'http://127.0.0.1:8080/api/neighbours?name=FSB'`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			if !server.IsLoopback(addr) && !public {
				return &UsageError{fmt.Errorf("--addr %s is not a loopback address: add --public to serve the store to the network", addr)}
			}
			if timeout <= 0 || queryTimeout <= 0 || queryLimit < 1 {
				return &UsageError{errors.New("--timeout and --query-timeout must be positive, --query-limit at least 1")}
			}
			st, err := a.openStore(ctx, len(ingest) > 0)
			if err != nil {
				return err
			}
			var srv *server.Server
			defer func() {
				// After a query was stopped by its timeout, Cayley may still
				// be reading the store in the background; closing it under
				// that reader would crash. Every write is committed already,
				// and the exit releases the store.
				if srv != nil && srv.StoppedQueries() > 0 {
					a.warnf("%d queries were stopped by their timeout: leaving the store to be released on exit", srv.StoppedQueries())
					return
				}
				st.Close()
			}()
			opt := &server.Options{Timeout: timeout, QueryTimeout: queryTimeout, QueryLimit: queryLimit, CORSOrigin: cors}
			if server.IsLoopback(addr) {
				host, _, _ := net.SplitHostPort(addr)
				opt.Hosts = append([]string{host}, server.LoopbackHosts...)
			}
			ln, err := net.Listen("tcp", addr)
			if err != nil {
				return fmt.Errorf("listen on %s: %w", addr, err)
			}
			a.warnf("serving %s on http://%s/ (read-only; Ctrl-C stops)", st, ln.Addr())
			srv = server.New(st, opt)
			done := make(chan struct{})
			if len(ingest) > 0 {
				go func() {
					defer close(done)
					a.serveIngest(cmd, st, ingest, srv.Invalidate)
				}()
			} else {
				close(done)
			}
			err = server.Run(ctx, ln, srv, timeout+5*time.Second)
			<-done
			if err != nil {
				return err
			}
			a.warnf("stopped")
			return nil
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&addr, "addr", "127.0.0.1:8080", "address to listen on (host:port)")
	fl.BoolVar(&public, "public", false, "allow an --addr that is not loopback")
	fl.StringVar(&cors, "cors-origin", "", "the one origin (https://host) allowed to call the API from another site")
	fl.StringArrayVar(&ingest, "ingest", nil, "also ingest this path while serving (repeatable)")
	fl.DurationVar(&timeout, "timeout", 30*time.Second, "stop any request after this long")
	fl.DurationVar(&queryTimeout, "query-timeout", 5*time.Second, "stop a Gizmo/GraphQL/MQL query after this long")
	fl.IntVar(&queryLimit, "query-limit", 1000, "most results a query returns")
	return cmd
}

// serveIngest ingests paths into st while it is being served, reporting
// on stderr, and calls written after each batch that added documents; the
// server goes on whatever happens here.
func (a *app) serveIngest(cmd *cobra.Command, st *graph.Store, paths []string, written func()) {
	ctx := cmd.Context()
	var batch []*schema.Result
	stored, seen := 0, 0
	flush := func() error {
		n, err := st.WriteBatch(ctx, batch)
		stored += n
		batch = batch[:0]
		if n > 0 {
			written()
		}
		return err
	}
	_, err := a.each(ctx, paths, func(r *schema.Result) error {
		seen++
		batch = append(batch, r)
		if len(batch) >= serveBatch {
			return flush()
		}
		return nil
	})
	if ferr := flush(); ferr != nil && err == nil {
		err = ferr
	}
	a.warnf("ingested %s while serving (%d already stored)", plural(stored, "document"), seen-stored)
	if err != nil && !errors.Is(err, ctx.Err()) {
		a.errorf("ingest: %v", err)
	}
}

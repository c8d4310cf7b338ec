// Command serveload is a load test of dossier's HTTP server on loopback:
// it serves a store in-process on 127.0.0.1, then N concurrent clients ask
// for neighbourhoods of the store's most mentioned entities for a fixed
// time, and it prints the request count, errors and latency percentiles.
// With -runaway it also sends a Gizmo infinite loop and a 10-hop traversal
// during the load and reports how long each took to fail.
//
// It is bounded: at most -clients clients (1 to 1000) for at most
// -duration (up to 5 minutes), against its own loopback listener only.
//
//	go run ./bench/serveload -store dossier.db -clients 200 -duration 30s -runaway
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/dossier-project/dossier/graph"
	_ "github.com/dossier-project/dossier/graph/bolt"     // registers the bolt backend
	_ "github.com/dossier-project/dossier/graph/postgres" // registers the PostgreSQL backend
	"github.com/dossier-project/dossier/internal/server"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "serveload:", err)
		os.Exit(1)
	}
}

func run() error {
	store := flag.String("store", "dossier.db", "the store to serve (a bolt folder)")
	clients := flag.Int("clients", 200, "concurrent clients (1 to 1000)")
	duration := flag.Duration("duration", 30*time.Second, "how long to load (at most 5m)")
	depth := flag.Int("depth", 1, "neighbourhood depth asked")
	limit := flag.Int("limit", 50, "neighbourhood size asked")
	entities := flag.Int("entities", 100, "ask about this many of the most mentioned entities")
	runaway := flag.Bool("runaway", false, "also send a Gizmo infinite loop and a 10-hop traversal during the load")
	queryTimeout := flag.Duration("query-timeout", 5*time.Second, "the server's query timeout")
	timeout := flag.Duration("timeout", 30*time.Second, "the server's request timeout")
	cache := flag.Bool("cache", true, "let the server keep answers (off: every request reads the store)")
	flag.Parse()
	if *clients < 1 || *clients > 1000 {
		return errors.New("-clients: want 1 to 1000")
	}
	if *duration <= 0 || *duration > 5*time.Minute {
		return errors.New("-duration: want at most 5m")
	}
	ctx := context.Background()
	st, err := graph.Open(ctx, *store, nil)
	if err != nil {
		return err
	}
	var h *server.Server
	defer func() {
		// A query stopped by its timeout may still be read by Cayley in
		// the background: then leave the store to the exit.
		if h == nil || h.StoppedQueries() == 0 {
			st.Close()
		}
	}()
	stats, err := st.Stats(ctx)
	if err != nil {
		return err
	}
	es, err := st.Entities(ctx, "")
	if err != nil {
		return err
	}
	if len(es) == 0 {
		return errors.New("the store has no entities")
	}
	if len(es) > *entities {
		es = es[:*entities]
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	srvCtx, stop := context.WithCancel(ctx)
	defer stop()
	opt := &server.Options{Timeout: *timeout, QueryTimeout: *queryTimeout, Hosts: server.LoopbackHosts}
	if !*cache {
		opt.CacheBytes = -1
	}
	h = server.New(st, opt)
	go server.Run(srvCtx, ln, h, time.Minute)
	base := "http://" + ln.Addr().String()

	client := &http.Client{
		Timeout:   time.Minute,
		Transport: &http.Transport{MaxIdleConns: *clients, MaxIdleConnsPerHost: *clients},
	}
	fmt.Printf("store %s: %d documents, %d entities, %d claims, %d quads\n", *store, stats.Documents, stats.Entities, stats.Claims, stats.Quads)
	fmt.Printf("%d clients for %v asking /api/neighbours?depth=%d&limit=%d about the %d most mentioned entities (cache %v)\n",
		*clients, *duration, *depth, *limit, len(es), *cache)

	var (
		mu        sync.Mutex
		latencies []time.Duration
		errs      atomic.Int64
		firstErr  atomic.Value
		wg        sync.WaitGroup
	)
	deadline := time.Now().Add(*duration)
	start := time.Now()
	for c := range *clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var mine []time.Duration
			for i := c; time.Now().Before(deadline); i++ {
				e := es[i%len(es)]
				u := fmt.Sprintf("%s/api/neighbours?name=%s&depth=%d&limit=%d", base, url.QueryEscape(e.ID), *depth, *limit)
				t0 := time.Now()
				res, err := client.Get(u)
				if err == nil {
					_, err = io.Copy(io.Discard, res.Body)
					res.Body.Close()
					if err == nil && res.StatusCode != http.StatusOK {
						err = fmt.Errorf("%s: status %d", u, res.StatusCode)
					}
				}
				if err != nil {
					errs.Add(1)
					firstErr.CompareAndSwap(nil, err.Error())
					continue
				}
				mine = append(mine, time.Since(t0))
			}
			mu.Lock()
			latencies = append(latencies, mine...)
			mu.Unlock()
		}()
	}
	var runawayReport []string
	if *runaway {
		time.Sleep(*duration / 4)
		hops := `g.V().Has("<http://schema.org/name>", "` + es[0].Name + `")` + strings.Repeat(".Both()", 10) + ".Count()"
		var rw sync.WaitGroup
		var rmu sync.Mutex
		for name, q := range map[string]string{"gizmo while(true){}": "while(true){}", "gizmo 10-hop Both() traversal": hops} {
			rw.Add(1)
			go func() {
				defer rw.Done()
				t0 := time.Now()
				res, err := client.Post(base+"/api/query", "text/plain", strings.NewReader(q))
				line := ""
				if err != nil {
					line = fmt.Sprintf("%s: %v after %v", name, err, time.Since(t0))
				} else {
					b, _ := io.ReadAll(res.Body)
					res.Body.Close()
					line = fmt.Sprintf("%s: status %d after %v: %s", name, res.StatusCode, time.Since(t0).Round(time.Millisecond), strings.TrimSpace(string(b)))
				}
				rmu.Lock()
				runawayReport = append(runawayReport, line)
				rmu.Unlock()
			}()
		}
		rw.Wait()
	}
	wg.Wait()
	elapsed := time.Since(start)
	stop()

	sort.Slice(latencies, func(i, j int) bool { return latencies[i] < latencies[j] })
	pct := func(p float64) time.Duration {
		if len(latencies) == 0 {
			return 0
		}
		i := int(p * float64(len(latencies)-1))
		return latencies[i].Round(10 * time.Microsecond)
	}
	fmt.Printf("requests %d ok, %d errors in %v: %.0f requests/s\n", len(latencies), errs.Load(), elapsed.Round(time.Millisecond),
		float64(len(latencies))/elapsed.Seconds())
	fmt.Printf("latency p50 %v  p90 %v  p99 %v  max %v\n", pct(0.50), pct(0.90), pct(0.99), pct(1))
	if e := firstErr.Load(); e != nil {
		fmt.Printf("first error: %s\n", e)
	}
	for _, l := range runawayReport {
		fmt.Println(l)
	}
	if errs.Load() > 0 {
		return fmt.Errorf("%d requests failed", errs.Load())
	}
	return nil
}

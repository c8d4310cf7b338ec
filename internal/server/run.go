package server

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"time"
)

// ShutdownGrace is how long Run lets requests in flight finish once its
// context is cancelled.
const ShutdownGrace = 5 * time.Second

// Run serves h on ln until ctx is cancelled (SIGINT or SIGTERM in the
// command), then stops accepting connections and lets requests in flight
// finish for up to ShutdownGrace. Header, read, write and idle timeouts
// are set so that slow or idle clients cannot hold connections open.
// writeTimeout should exceed the handler's own request timeout.
func Run(ctx context.Context, ln net.Listener, h http.Handler, writeTimeout time.Duration) error {
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      writeTimeout,
		IdleTimeout:       60 * time.Second,
		MaxHeaderBytes:    64 << 10,
		BaseContext:       func(net.Listener) context.Context { return context.WithoutCancel(ctx) },
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("serve %s: %w", ln.Addr(), err)
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), ShutdownGrace)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		srv.Close()
		return fmt.Errorf("shutdown: %w", err)
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// IsLoopback reports whether a listen address (host:port) is on the
// loopback interface only: localhost, 127.0.0.0/8 or ::1. An empty host
// listens on every interface and is not loopback.
func IsLoopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false
	}
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// LoopbackHosts are the Host names a loopback server answers to.
var LoopbackHosts = []string{"localhost", "127.0.0.1", "::1"}

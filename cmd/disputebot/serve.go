package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"time"

	"github.com/disputebot/disputebot/app"
	"github.com/disputebot/disputebot/bot"
	"github.com/disputebot/disputebot/metrics"
)

// corpusMetrics is the corpus as package metrics reports it: the adapter
// that keeps app and metrics unaware of each other.
func corpusMetrics(svc *app.Service) func() metrics.Corpus {
	return func() metrics.Corpus {
		st := svc.Stats()
		c := metrics.Corpus{Generation: st.Generation, Rebuilt: st.Rebuilt}
		for _, s := range st.Scopes {
			c.Scopes = append(c.Scopes, metrics.Scope{Name: s.Scope, Articles: s.Articles, Passages: s.Passages})
		}
		return c
	}
}

// indexHealth is the index's part of /healthz.
func indexHealth(svc *app.Service) metrics.Health {
	return func() ([]string, bool) {
		if !svc.Stats().IndexOpen {
			return []string{"index: not open"}, false
		}
		return []string{"index: open"}, true
	}
}

// gatewayHealth is the gateway shards' part of /healthz.
func gatewayHealth(b *bot.Bot) metrics.Health {
	return func() ([]string, bool) { return bot.GatewayHealth(b.Shards()) }
}

// serveHTTP listens on addr at once, so that an address in use stops
// start-up, and serves h until stop is called, which waits a little for
// requests in flight.
func (m *Main) serveHTTP(what, addr string, h http.Handler) (stop func(), err error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("serve %s: %w", what, err)
	}
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second, ErrorLog: nil}
	done := make(chan struct{})
	go func() {
		defer close(done)
		if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			m.log.Error("serving "+what+" stopped", "err", err)
		}
	}()
	m.log.Info("serving "+what, "addr", ln.Addr().String())
	return func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		srv.Shutdown(ctx)
		<-done
	}, nil
}

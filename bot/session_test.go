package bot

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/gorilla/websocket"

	"github.com/disputebot/disputebot/bot/discordtest"
)

// TestRunGivesUpOnAHungHandshake points the bot at a gateway that accepts
// the connection and then says nothing, which is how discordgo's Open hangs
// (bwmarrin/discordgo#513): Run must give up with ErrStalled instead of
// waiting forever, so that a supervisor can restart the process.
func TestRunGivesUpOnAHungHandshake(t *testing.T) {
	upgrader := websocket.Upgrader{}
	hold := make(chan struct{})
	defer close(hold)
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch {
		case strings.HasSuffix(r.URL.Path, "/gateway"):
			w.Header().Set("Content-Type", "application/json")
			io.WriteString(w, `{"url":"ws://`+srv.Listener.Addr().String()+`/gw"}`)
		case strings.HasPrefix(r.URL.Path, "/gw"):
			c, err := upgrader.Upgrade(w, r, nil)
			if err != nil {
				return
			}
			defer c.Close()
			<-hold // never send HELLO
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	base, _ := url.Parse(srv.URL)

	b := New(Config{Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	start := time.Now()
	err := b.Run(context.Background(), SessionOptions{Token: "test-token-123", APIBase: base, OpenTimeout: 300 * time.Millisecond})
	if !errors.Is(err, ErrStalled) {
		t.Fatalf("Run = %v, want ErrStalled", err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("gave up after %v", d)
	}
}

// TestRunGivesUpWhenTheGatewayHangs: once connected, the gateway stops
// acknowledging heartbeats and greets no new connection. discordgo then
// reconnects and waits for HELLO forever with its session locked, so Run
// must notice without taking that lock, give up with ErrStalled, and
// return rather than wait for discordgo to close.
func TestRunGivesUpWhenTheGatewayHangs(t *testing.T) {
	fake := discordtest.NewTB(t, discordtest.WithHeartbeatInterval(100*time.Millisecond))
	base, _ := url.Parse(fake.URL())
	b := New(Config{Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	done := make(chan error, 1)
	go func() {
		done <- b.Run(context.Background(), SessionOptions{
			Token: fake.Token(), APIBase: base, GuildID: fake.GuildID(),
			StallTimeout: time.Second, ShutdownTimeout: time.Second,
		})
	}()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := fake.WaitReady(ctx); err != nil {
		t.Fatal(err)
	}
	fake.Hang()
	start := time.Now()
	select {
	case err := <-done:
		if !errors.Is(err, ErrStalled) {
			t.Fatalf("Run = %v, want ErrStalled", err)
		}
		t.Logf("gave up %v after the gateway hung", time.Since(start).Round(10*time.Millisecond))
	case <-time.After(15 * time.Second):
		t.Fatal("Run still running 15 s after the gateway hung")
	}
}

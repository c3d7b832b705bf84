package bot

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"
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

// TestDiscordLog: discordgo's one logger sends its lines to every bot
// running in the process with all their tokens taken out, stops sending to
// a bot that stopped, and is safe while bots start and stop around it (the
// race detector checks that: it once was a variable each bot set).
func TestDiscordLog(t *testing.T) {
	var a, b strings.Builder
	var mu sync.Mutex // slog's text handler writes from the logging goroutine
	logTo := func(w *strings.Builder) *slog.Logger {
		return slog.New(slog.NewTextHandler(lockedWriter{&mu, w}, nil))
	}
	removeA := discordLogs.add(logTo(&a), "token-of-a.xyz")
	removeB := discordLogs.add(logTo(&b), "token-of-b.xyz")
	discordgo.Logger(discordgo.LogWarning, 0, "gateway %s rejected Bot %s", "token-of-b.xyz", "token-of-a.xyz")
	removeA()
	discordgo.Logger(discordgo.LogError, 0, "later, for b only")

	var wg sync.WaitGroup
	for i := range 8 {
		wg.Go(func() {
			remove := discordLogs.add(slog.New(slog.DiscardHandler), fmt.Sprint("t", i))
			discordgo.Logger(discordgo.LogInformational, 0, "line %d", i)
			remove()
		})
	}
	wg.Wait()
	removeB()

	mu.Lock()
	defer mu.Unlock()
	for name, got := range map[string]string{"a": a.String(), "b": b.String()} {
		if strings.Contains(got, "token-of") || !strings.Contains(got, "gateway [token] rejected Bot [token]") {
			t.Errorf("bot %s's log:\n%s", name, got)
		}
	}
	if strings.Contains(a.String(), "later") || !strings.Contains(b.String(), "later, for b only") {
		t.Errorf("after a stopped: a's log\n%s\nb's log\n%s", &a, &b)
	}
}

type lockedWriter struct {
	mu *sync.Mutex
	w  io.Writer
}

func (l lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}

// TestRunTokenRejected checks issue 10's sixth failure in the bot: a token
// Discord refuses, whether the REST API says so (401) or the gateway does
// (close code 4004), makes Run return ErrTokenRejected, which the command
// turns into an exit status a supervisor does not restart, and never
// shows the token.
func TestRunTokenRejected(t *testing.T) {
	const token = "WRONG-TOKEN-0123456789"
	t.Run("REST 401", func(t *testing.T) {
		fake := discordtest.NewTB(t)
		base, _ := url.Parse(fake.URL())
		var logs strings.Builder
		b := New(Config{Logger: slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))})
		err := b.Run(context.Background(), SessionOptions{Token: token, APIBase: base, OpenTimeout: 5 * time.Second})
		if !errors.Is(err, ErrTokenRejected) {
			t.Fatalf("Run = %v, want ErrTokenRejected", err)
		}
		if strings.Contains(err.Error()+logs.String(), token) {
			t.Errorf("the token shows:\n%v\n%s", err, logs.String())
		}
	})
	t.Run("gateway 4004", func(t *testing.T) {
		upgrader := websocket.Upgrader{}
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
				c.WriteJSON(map[string]any{"op": 10, "d": map[string]any{"heartbeat_interval": 45000}})
				c.ReadMessage() // IDENTIFY
				c.WriteMessage(websocket.CloseMessage, websocket.FormatCloseMessage(4004, "Authentication failed."))
				c.ReadMessage()
			default:
				http.NotFound(w, r)
			}
		}))
		defer srv.Close()
		base, _ := url.Parse(srv.URL)
		b := New(Config{Logger: slog.New(slog.DiscardHandler)})
		err := b.Run(context.Background(), SessionOptions{Token: token, APIBase: base, OpenTimeout: 5 * time.Second})
		if !errors.Is(err, ErrTokenRejected) {
			t.Fatalf("Run = %v, want ErrTokenRejected", err)
		}
	})
}

// TestIdentifyRounds: shard s is in bucket s % maxConcurrency, and each
// round identifies at most one shard per bucket.
func TestIdentifyRounds(t *testing.T) {
	for _, tt := range []struct {
		shards []int
		conc   int
		want   [][]int
	}{
		{[]int{0}, 1, [][]int{{0}}},
		{[]int{0, 1, 2}, 1, [][]int{{0}, {1}, {2}}},
		{[]int{0, 1, 2}, 3, [][]int{{0, 1, 2}}},
		{[]int{2, 0, 1, 3}, 2, [][]int{{0, 1}, {2, 3}}},
		{[]int{1, 2}, 16, [][]int{{1, 2}}},
		{[]int{4, 5, 6, 7}, 2, [][]int{{4, 5}, {6, 7}}},
		{[]int{0, 2, 4, 5}, 2, [][]int{{0, 5}, {2}, {4}}},
		{[]int{3}, 0, [][]int{{3}}},
	} {
		if got := identifyRounds(tt.shards, tt.conc); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("identifyRounds(%v, %d) = %v, want %v", tt.shards, tt.conc, got, tt.want)
		}
	}
}

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

package main

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/disputebot/disputebot/bot/discordtest"
)

// startEndpoint runs `disputebot run` with an HTTP interactions endpoint
// and a fresh key pair, and returns the endpoint's URL and the private key
// Discord would sign with.
func startEndpoint(t *testing.T, fake *discordtest.Server, extra map[string]string) (*runningBot, string, ed25519.PrivateKey) {
	t.Helper()
	pub, priv, err := ed25519.GenerateKey(nil)
	if err != nil {
		t.Fatal(err)
	}
	env := map[string]string{"INTERACTIONS_ADDR": "127.0.0.1:0", "DISCORD_PUBLIC_KEY": hex.EncodeToString(pub)}
	for k, v := range extra {
		env[k] = v
	}
	b := startBot(t, fake, seedDataDir(t), env)
	b.log.waitFor(t, "answering interactions over HTTP", 10*time.Second)
	m := regexp.MustCompile(`answering interactions over HTTP" addr=(\S+)`).FindStringSubmatch(b.log.String())
	if m == nil {
		t.Fatalf("no endpoint address in the log:\n%s", b.log.String())
	}
	return b, "http://" + m[1] + "/interactions", priv
}

// post sends req and returns its status and body.
func post(t *testing.T, req *http.Request) (int, string) {
	t.Helper()
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}

// TestRunHTTPInteractions: with INTERACTIONS_ADDR, Discord's signed POSTs
// are answered over real HTTP by the same handlers as the gateway's, and
// forged, old, replayed and unsigned ones are refused with 401.
func TestRunHTTPInteractions(t *testing.T) {
	t.Parallel()
	fake := newFake(t)
	b, url, key := startEndpoint(t, fake, map[string]string{"METRICS_ADDR": "127.0.0.1:0"})
	addr := metricsAddr(t, b)
	// An endpoint has no gateway connection: only the index is checked.
	if body := waitHealth(t, addr, http.StatusOK); strings.TrimSpace(body) != "index: open" {
		t.Errorf("/healthz of an endpoint:\n%s", body)
	}
	ctx := context.Background()

	t.Run("ping", func(t *testing.T) {
		ping := &discordgo.Interaction{ID: "1300000000000000001", Token: "ping-token", Type: discordgo.InteractionPing}
		code, body, err := fake.PostInteraction(ctx, url, key, ping)
		if err != nil || code != http.StatusOK || strings.TrimSpace(string(body)) != `{"type":1}` {
			t.Errorf("PING: %d %s %v, want 200 {\"type\":1}", code, body, err)
		}
	})

	t.Run("ask", func(t *testing.T) {
		ask := fake.SlashCommand("ask", discordtest.StringOption("question", madridQuestion))
		code, body, err := fake.PostInteraction(ctx, url, key, ask)
		if err != nil || code != http.StatusOK {
			t.Fatalf("/ask: %d %s %v", code, body, err)
		}
		r := waitReply(t, fake, ask.ID)
		if text := r.text(); !strings.Contains(text, "10 minutes") && !strings.Contains(text, "ten minutes") {
			t.Errorf("/ask over HTTP answered %q", text)
		}
	})

	body, err := fake.InteractionJSON(fake.SlashCommand("about"))
	if err != nil {
		t.Fatal(err)
	}
	_, otherKey, _ := ed25519.GenerateKey(nil)
	for _, tt := range []struct {
		name string
		req  func() *http.Request
	}{
		{"unsigned", func() *http.Request {
			r, _ := http.NewRequest(http.MethodPost, url, bytes.NewReader(body))
			return r
		}},
		{"signed by another key", func() *http.Request {
			r, _ := discordtest.SignedRequest(ctx, url, otherKey, time.Now(), body)
			return r
		}},
		{"body changed after signing", func() *http.Request {
			r, _ := discordtest.SignedRequest(ctx, url, key, time.Now(), body)
			r.Body = io.NopCloser(bytes.NewReader(bytes.Replace(body, []byte("about"), []byte("abouT"), 1)))
			return r
		}},
		{"six minutes old", func() *http.Request {
			r, _ := discordtest.SignedRequest(ctx, url, key, time.Now().Add(-6*time.Minute), body)
			return r
		}},
		{"six minutes ahead", func() *http.Request {
			r, _ := discordtest.SignedRequest(ctx, url, key, time.Now().Add(6*time.Minute), body)
			return r
		}},
		{"bad signature header", func() *http.Request {
			r, _ := discordtest.SignedRequest(ctx, url, key, time.Now(), body)
			r.Header.Set("X-Signature-Ed25519", "zz"+r.Header.Get("X-Signature-Ed25519")[2:])
			return r
		}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if code, resp := post(t, tt.req()); code != http.StatusUnauthorized {
				t.Errorf("%d %s, want 401", code, resp)
			}
		})
	}

	// A replica's corpus changes by `disputebot corpus import` into its
	// DATA_DIR, which the running replica picks up; /corpus is off.
	t.Run("corpus import reaches the replica", func(t *testing.T) {
		file := filepath.Join(t.TempDir(), "busan.md")
		if err := os.WriteFile(file, []byte(fmt.Sprintf(guildArticle, fake.GuildID())), 0o644); err != nil {
			t.Fatal(err)
		}
		if code, out, stderr := run(t, b.dataDir, "corpus", "import", file); code != exitOK {
			t.Fatalf("corpus import: exit %d\n%s%s", code, out, stderr)
		}
		deadline := time.Now().Add(20 * time.Second)
		for {
			ask := fake.SlashCommand("ask", discordtest.StringOption("question", guildQuestion), member(int(time.Now().UnixNano()%100000)))
			if code, body, err := fake.PostInteraction(ctx, url, key, ask); err != nil || code != http.StatusOK {
				t.Fatalf("/ask: %d %s %v", code, body, err)
			}
			if strings.Contains(waitReply(t, fake, ask.ID).text(), "47 days") {
				break
			}
			if time.Now().After(deadline) {
				t.Fatal("the imported article is not answered from within 20 s")
			}
			time.Sleep(time.Second)
		}
		mod := &discordgo.User{ID: "900000000000099999", Username: "mod", Discriminator: "0"}
		add := fake.SlashCommand("corpus", discordtest.AsMember(mod, discordgo.PermissionManageGuild),
			discordtest.Subcommand("add", discordtest.StringOption("url", "https://example.org/a")))
		if _, _, err := fake.PostInteraction(ctx, url, key, add); err != nil {
			t.Fatal(err)
		}
		if r := waitReply(t, fake, add.ID); !strings.Contains(r.Content, "not enabled") {
			t.Errorf("/corpus add on a replica: %q", r.Content)
		}
	})

	t.Run("replayed", func(t *testing.T) {
		about := fake.SlashCommand("about")
		data, err := fake.InteractionJSON(about)
		if err != nil {
			t.Fatal(err)
		}
		now := time.Now()
		first, _ := discordtest.SignedRequest(ctx, url, key, now, data)
		again, _ := discordtest.SignedRequest(ctx, url, key, now, data)
		if code, resp := post(t, first); code != http.StatusOK {
			t.Fatalf("first: %d %s", code, resp)
		}
		if code, resp := post(t, again); code != http.StatusUnauthorized {
			t.Errorf("replay: %d %s, want 401", code, resp)
		}
	})

	// The six refusals of the table and the replay.
	if got := scrape(t, addr); got[`disputebot_http_interactions_total{result="unauthorized"}`] != 7 || got[`disputebot_http_interactions_total{result="ok"}`] < 4 {
		t.Errorf("HTTP interactions counted: unauthorized %v, ok %v", got[`disputebot_http_interactions_total{result="unauthorized"}`], got[`disputebot_http_interactions_total{result="ok"}`])
	}
}

// TestRunHTTPLoad: 200 signed /ask requests at once each get their first
// response within 3 s of being sent (deferred when the search waits; the
// fake times it and waitReply checks it), and then their answer over
// REST. As TestRunLoad, it does not run in parallel with
// other tests: it measures deadlines on a small machine, under -race.
func TestRunHTTPLoad(t *testing.T) {
	if testing.Short() {
		t.Skip("load test")
	}
	fake := newFake(t)
	_, url, key := startEndpoint(t, fake, map[string]string{"RATE_LIMIT": "9999/1s"})
	const n = 200
	asks := make([]*discordgo.Interaction, n)
	posts := make([]*discordtest.Post, n)
	for i := range asks {
		asks[i] = fake.SlashCommand("ask", discordtest.StringOption("question", madridQuestion), member(2000+i))
		p, err := fake.NewPost(context.Background(), url, key, asks[i])
		if err != nil {
			t.Fatal(err)
		}
		posts[i] = p
	}
	start := time.Now()
	var wg sync.WaitGroup
	errs := make(chan string, n)
	for _, p := range posts {
		wg.Go(func() {
			code, body, err := p.Send()
			if err != nil || code != http.StatusOK {
				errs <- fmt.Sprintf("%d %s %v", code, body, err)
				return
			}
			var resp struct {
				Type discordgo.InteractionResponseType
			}
			if err := json.Unmarshal(body, &resp); err != nil || resp.Type == 0 {
				errs <- "not a response: " + string(body)
			}
		})
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
	t.Logf("200 first responses in %v", time.Since(start))
	var slowest time.Duration
	for _, ask := range asks {
		slowest = max(slowest, waitReply(t, fake, ask.ID).Ack)
	}
	t.Logf("200 answers in %v; the slowest first response came %v after its POST", time.Since(start), slowest)
}

package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/disputebot/disputebot/bot/discordtest"
)

// metricsAddr is the address the running bot serves /metrics on, from its
// log (METRICS_ADDR=127.0.0.1:0 picks a free port).
func metricsAddr(t *testing.T, b *runningBot) string {
	t.Helper()
	b.log.waitFor(t, "serving /healthz and /metrics", 10*time.Second)
	m := regexp.MustCompile(`serving /healthz and /metrics" addr=(\S+)`).FindStringSubmatch(b.log.String())
	if m == nil {
		t.Fatalf("no address in the log:\n%s", b.log.String())
	}
	return m[1]
}

// get fetches a URL over real HTTP and returns its status and body.
func get(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, string(body)
}

// scrape reads /metrics into samples by name and labels as written, such
// as `disputebot_questions_total{command="ask",outcome="answered"}`.
func scrape(t *testing.T, addr string) map[string]float64 {
	t.Helper()
	code, body := get(t, "http://"+addr+"/metrics")
	if code != http.StatusOK {
		t.Fatalf("/metrics: %d\n%s", code, body)
	}
	out := map[string]float64{}
	sc := bufio.NewScanner(strings.NewReader(body))
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		i := strings.LastIndexByte(line, ' ')
		v, err := strconv.ParseFloat(line[i+1:], 64)
		if err != nil {
			t.Fatalf("/metrics line %q: %v", line, err)
		}
		out[line[:i]] = v
	}
	return out
}

// waitHealth polls /healthz until it answers want.
func waitHealth(t *testing.T, addr string, want int) string {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for {
		code, body := get(t, "http://"+addr+"/healthz")
		if code == want {
			return body
		}
		if time.Now().After(deadline) {
			t.Fatalf("/healthz answers %d, want %d:\n%s", code, want, body)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// TestRunMetrics drives the bot through the fake Discord with a scripted
// series of questions and checks that /metrics counted each exactly, and
// that /healthz follows the gateway connection.
func TestRunMetrics(t *testing.T) {
	t.Parallel()
	fake := newFake(t)
	dataDir := seedDataDir(t)
	if err := os.MkdirAll(filepath.Join(dataDir, "corpus"), 0o755); err != nil {
		t.Fatal(err)
	}
	article := fmt.Sprintf(guildArticle, fake.GuildID())
	if err := os.WriteFile(filepath.Join(dataDir, "corpus", "busan.md"), []byte(article), 0o644); err != nil {
		t.Fatal(err)
	}
	b := startBot(t, fake, dataDir, map[string]string{"METRICS_ADDR": "127.0.0.1:0", "RATE_LIMIT": "2/1m"})
	addr := metricsAddr(t, b)

	body := waitHealth(t, addr, http.StatusOK)
	if !strings.Contains(body, "shard 0: connected") || !strings.Contains(body, "index: open") {
		t.Errorf("/healthz body:\n%s", body)
	}
	healthcheck(t, addr, exitOK)

	ask := func(q string, who int) *reply {
		return dispatch(t, fake, fake.SlashCommand("ask", discordtest.StringOption("question", q), member(who)))
	}
	ask(madridQuestion, 1)                                                        // answered
	ask(guildQuestion, 2)                                                         // answered, from the server's own article
	ask("Who won the World Cup?", 3)                                              // not covered
	ask("", 4)                                                                    // refused: an empty question
	ask(madridQuestion, 5)                                                        // answered
	ask(madridQuestion, 5)                                                        // answered
	if r := ask(madridQuestion, 5); !strings.Contains(r.Content, "faster than") { // refused: rate-limited
		t.Errorf("third question in a minute: %q", r.Content)
	}
	dispatch(t, fake, fake.SlashCommand("about")) // answered
	// A 429 on the callback is waited out and retried by discordgo.
	fake.FailNextPath("/callback", 1, http.StatusTooManyRequests, 50*time.Millisecond)
	ask(madridQuestion, 6) // answered
	// Two 500s: the bot retries once, then gives up: an error.
	fake.FailNextPath("/callback", 2, http.StatusInternalServerError, 0)
	failed := fake.SlashCommand("ask", discordtest.StringOption("question", madridQuestion), member(7))
	if err := fake.Dispatch(failed); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if _, err := fake.WaitFor(ctx, failed.ID, func(rs []discordtest.Request) bool { return len(rs) >= 2 }); err != nil {
		t.Fatal(err)
	}

	want := map[string]float64{
		`disputebot_questions_total{command="ask",outcome="answered"}`:    5,
		`disputebot_questions_total{command="ask",outcome="not_covered"}`: 1,
		`disputebot_questions_total{command="ask",outcome="refused"}`:     2,
		`disputebot_questions_total{command="ask",outcome="error"}`:       1,
		`disputebot_questions_total{command="about",outcome="answered"}`:  1,
		`disputebot_rate_limited_total{command="ask"}`:                    1,
		`disputebot_discord_rest_rate_limited_total{shard="0"}`:           1,
		`disputebot_corpus_articles{scope="global"}`:                      15,
		`disputebot_corpus_articles{scope="` + fake.GuildID() + `"}`:      1,
		// Every one but the error reached Discord.
		`disputebot_first_response_duration_seconds_count`: 9,
		`disputebot_reply_duration_seconds_count`:          9,
	}
	// The error's outcome is counted when its handler returns, a moment
	// after its last callback.
	var got map[string]float64
	for deadline := time.Now().Add(5 * time.Second); ; time.Sleep(20 * time.Millisecond) {
		got = scrape(t, addr)
		if got[`disputebot_questions_total{command="ask",outcome="error"}`] == 1 || time.Now().After(deadline) {
			break
		}
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s = %v, want %v", k, got[k], v)
		}
	}
	// Every question that reached the index searched it once: the five
	// answered, the one not covered, the one whose reply failed.
	if n := got["disputebot_search_duration_seconds_count"]; n != 7 {
		t.Errorf("searches timed: %v, want 7", n)
	}
	if got[`disputebot_corpus_passages{scope="`+fake.GuildID()+`"}`] < 1 || got[`disputebot_corpus_passages{scope="global"}`] < 15 {
		t.Errorf("passages: %v", got)
	}
	if got["disputebot_index_last_rebuild_timestamp_seconds"] <= 0 {
		t.Error("no index rebuild time")
	}
	gen := false
	for k, v := range got {
		gen = gen || strings.HasPrefix(k, `disputebot_index_generation_info{generation="gen-`) && v == 1
	}
	if !gen {
		t.Error("no index generation")
	}

	// A shard that loses its connection makes /healthz 503 until it
	// resumes.
	fake.RefuseGateway(true)
	fake.DropConnections()
	body = waitHealth(t, addr, http.StatusServiceUnavailable)
	if !strings.Contains(body, "shard 0: disconnected") || !strings.Contains(body, "index: open") {
		t.Errorf("/healthz body while disconnected:\n%s", body)
	}
	healthcheck(t, addr, exitError)
	fake.RefuseGateway(false)
	waitHealth(t, addr, http.StatusOK)
	askMadrid(t, fake, 8)
	got = scrape(t, addr)
	if got[`disputebot_gateway_reconnects_total{shard="0"}`] != 1 || got[`disputebot_gateway_resumes_total{shard="0"}`] != 1 {
		t.Errorf("reconnects %v, resumes %v; want 1 and 1",
			got[`disputebot_gateway_reconnects_total{shard="0"}`], got[`disputebot_gateway_resumes_total{shard="0"}`])
	}
}

// healthcheck runs `disputebot healthcheck` against the bot serving
// /healthz on addr, as the container image's HEALTHCHECK does, and checks
// its exit code.
func healthcheck(t *testing.T, addr string, want int) {
	t.Helper()
	_, port, _ := strings.Cut(addr, ":")
	env := map[string]string{"METRICS_ADDR": ":" + port, "DATA_DIR": t.TempDir()}
	var stdout, stderr strings.Builder
	if code := Run(context.Background(), []string{"healthcheck"}, func(k string) string { return env[k] }, &stdout, &stderr); code != want {
		t.Errorf("healthcheck: exit %d, want %d\n%s%s", code, want, stdout.String(), stderr.String())
	}
}

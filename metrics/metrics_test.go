package metrics

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// TestHealthz: /healthz is 200 only when every part is ok, and its body
// names each part's state either way.
func TestHealthz(t *testing.T) {
	up := func(line string) Health { return func() ([]string, bool) { return []string{line}, true } }
	down := func(line string) Health { return func() ([]string, bool) { return []string{line}, false } }
	for _, tt := range []struct {
		name  string
		parts []Health
		code  int
		body  string
	}{
		{"all ok", []Health{up("shard 0: connected"), up("index: open")}, 200, "shard 0: connected\nindex: open\n"},
		{"a shard down", []Health{down("shard 1: disconnected"), up("index: open")}, 503, "shard 1: disconnected\nindex: open\n"},
		{"index closed", []Health{up("shard 0: connected"), down("index: not open")}, 503, "shard 0: connected\nindex: not open\n"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			srv := httptest.NewServer(New(nil).Handler(tt.parts...))
			defer srv.Close()
			resp, err := http.Get(srv.URL + "/healthz")
			if err != nil {
				t.Fatal(err)
			}
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != tt.code || string(body) != tt.body {
				t.Errorf("got %d %q, want %d %q", resp.StatusCode, body, tt.code, tt.body)
			}
		})
	}
}

// TestCorpusMetrics: the corpus is read at each scrape, beside the
// counters.
func TestCorpusMetrics(t *testing.T) {
	articles := 3
	m := New(func() Corpus {
		return Corpus{Scopes: []Scope{{Name: "global", Articles: articles, Passages: 40}}, Generation: "gen-1", Rebuilt: time.Unix(1700000000, 0)}
	})
	m.Question("ask", "answered")
	srv := httptest.NewServer(m.Handler())
	defer srv.Close()
	scrape := func() string {
		resp, err := http.Get(srv.URL + "/metrics")
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		body, _ := io.ReadAll(resp.Body)
		return string(body)
	}
	body := scrape()
	for _, want := range []string{
		`disputebot_corpus_articles{scope="global"} 3`, `disputebot_corpus_passages{scope="global"} 40`,
		`disputebot_index_generation_info{generation="gen-1"} 1`, `disputebot_index_last_rebuild_timestamp_seconds 1.7e+09`,
		`disputebot_questions_total{command="ask",outcome="answered"} 1`,
	} {
		if !strings.Contains(body, want+"\n") {
			t.Errorf("/metrics lacks %q", want)
		}
	}
	articles = 4
	if body := scrape(); !strings.Contains(body, `disputebot_corpus_articles{scope="global"} 4`+"\n") {
		t.Error("the second scrape did not read the corpus again")
	}
}

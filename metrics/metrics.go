// Package metrics serves what an operator watches a running disputebot by:
// /metrics in the Prometheus text format, made with the Prometheus client
// library, and /healthz for load balancers, container runtimes and
// supervisors.
//
// It is the only package that imports Prometheus: the bot and the
// application service report through small interfaces of their own (such
// as bot.Metrics), which *Metrics implements, and through the plain
// values of Corpus, so that neither depends on it.
package metrics

import (
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// Corpus is what the corpus and its index hold at the time of a scrape.
type Corpus struct {
	Scopes []Scope
	// Generation names the index generation being searched, which
	// changes with every rebuild; "" when no index is open.
	Generation string
	// Rebuilt is when that generation was built; zero when unknown.
	Rebuilt time.Time
}

// Scope is the size of the global corpus (Name "global") or of one
// server's own articles (Name the server's id).
type Scope struct {
	Name     string
	Articles int
	Passages int
}

// Metrics counts and times what the bot does, and reads the corpus's size
// at each scrape. It is safe for concurrent use.
type Metrics struct {
	reg *prometheus.Registry

	questions      *prometheus.CounterVec
	rateLimited    *prometheus.CounterVec
	search         prometheus.Histogram
	firstResponse  prometheus.Histogram
	fullReply      prometheus.Histogram
	reconnects     *prometheus.CounterVec
	resumes        *prometheus.CounterVec
	restRateLimits *prometheus.CounterVec
	httpRequests   *prometheus.CounterVec
}

// latencyBuckets cover a search of a few milliseconds to a reply that
// runs into the bot's 10 s work timeout; Discord's 3 s for a first
// response sits between two of them.
var latencyBuckets = []float64{.005, .01, .025, .05, .1, .25, .5, 1, 1.5, 2, 3, 5, 10}

// New returns Metrics whose /metrics also reports the corpus that corpus
// returns at each scrape (nil reports none) and the Go runtime and
// process of this program.
func New(corpus func() Corpus) *Metrics {
	m := &Metrics{
		reg: prometheus.NewRegistry(),
		questions: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "disputebot_questions_total",
			Help: "Slash commands answered, by command and outcome (answered, not_covered, refused, error).",
		}, []string{"command", "outcome"}),
		rateLimited: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "disputebot_rate_limited_total",
			Help: "Interactions refused because their member asked too fast (RATE_LIMIT), by command.",
		}, []string{"command"}),
		search: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name: "disputebot_search_duration_seconds", Help: "Time one search of the index took.", Buckets: latencyBuckets,
		}),
		firstResponse: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name:    "disputebot_first_response_duration_seconds",
			Help:    "Time from an interaction's arrival to its first response (reply or deferral) reaching Discord, which wants it within 3 s.",
			Buckets: latencyBuckets,
		}),
		fullReply: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name: "disputebot_reply_duration_seconds", Help: "Time from an interaction's arrival to its complete reply reaching Discord.", Buckets: latencyBuckets,
		}),
		reconnects: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "disputebot_gateway_reconnects_total", Help: "Gateway connections made again after one was lost, by shard.",
		}, []string{"shard"}),
		resumes: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "disputebot_gateway_resumes_total", Help: "Gateway sessions resumed after a reconnection (no event lost), by shard.",
		}, []string{"shard"}),
		restRateLimits: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "disputebot_discord_rest_rate_limited_total", Help: "Answers 429 Too Many Requests from Discord's REST API, waited out and retried, by shard.",
		}, []string{"shard"}),
		httpRequests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "disputebot_http_interactions_total", Help: "Requests to the HTTP interactions endpoint, by result (ok, unauthorized, bad_request).",
		}, []string{"result"}),
	}
	m.reg.MustRegister(m.questions, m.rateLimited, m.search, m.firstResponse, m.fullReply,
		m.reconnects, m.resumes, m.restRateLimits, m.httpRequests,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	if corpus != nil {
		m.reg.MustRegister(corpusCollector(corpus))
	}
	return m
}

// Question implements bot.Metrics.
func (m *Metrics) Question(command, outcome string) {
	m.questions.WithLabelValues(command, outcome).Inc()
}

// RateLimited implements bot.Metrics.
func (m *Metrics) RateLimited(command string) { m.rateLimited.WithLabelValues(command).Inc() }

// SearchDuration implements bot.Metrics.
func (m *Metrics) SearchDuration(d time.Duration) { m.search.Observe(d.Seconds()) }

// FirstResponse implements bot.Metrics.
func (m *Metrics) FirstResponse(d time.Duration) { m.firstResponse.Observe(d.Seconds()) }

// FullReply implements bot.Metrics.
func (m *Metrics) FullReply(d time.Duration) { m.fullReply.Observe(d.Seconds()) }

// GatewayReconnect implements bot.Metrics.
func (m *Metrics) GatewayReconnect(shard int) { m.reconnects.WithLabelValues(fmt.Sprint(shard)).Inc() }

// GatewayResume implements bot.Metrics.
func (m *Metrics) GatewayResume(shard int) { m.resumes.WithLabelValues(fmt.Sprint(shard)).Inc() }

// RESTRateLimited implements bot.Metrics.
func (m *Metrics) RESTRateLimited(shard int) {
	m.restRateLimits.WithLabelValues(fmt.Sprint(shard)).Inc()
}

// HTTPInteraction counts a request to the HTTP interactions endpoint by
// its result: "ok", "unauthorized" or "bad_request".
func (m *Metrics) HTTPInteraction(result string) { m.httpRequests.WithLabelValues(result).Inc() }

// Health is one part of the process that /healthz reports on, such as a
// gateway shard or the index.
type Health func() (lines []string, ok bool)

// Handler serves /metrics, and /healthz from the parts: 200 when every
// part is ok, 503 otherwise, with one line per state in the body either
// way, so that whoever looks sees which part is not.
func (m *Metrics) Handler(parts ...Health) http.Handler {
	mux := http.NewServeMux()
	mux.Handle("GET /metrics", promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{Registry: m.reg}))
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		var body []string
		healthy := true
		for _, p := range parts {
			lines, ok := p()
			body = append(body, lines...)
			healthy = healthy && ok
		}
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		if !healthy {
			w.WriteHeader(http.StatusServiceUnavailable)
		}
		fmt.Fprintln(w, strings.Join(body, "\n"))
	})
	return mux
}

// corpusCollector reports the corpus's size and index generation, read
// at each scrape rather than kept up to date by every change.
type corpusCollector func() Corpus

var (
	articlesDesc = prometheus.NewDesc("disputebot_corpus_articles",
		"Articles in the corpus, by scope: global, or a server's id for its own.", []string{"scope"}, nil)
	passagesDesc = prometheus.NewDesc("disputebot_corpus_passages",
		"Passages indexed for search, by scope: global, or a server's id for its own.", []string{"scope"}, nil)
	generationDesc = prometheus.NewDesc("disputebot_index_generation_info",
		"The index generation being searched (always 1; the generation is the label); it changes with every rebuild.", []string{"generation"}, nil)
	rebuiltDesc = prometheus.NewDesc("disputebot_index_last_rebuild_timestamp_seconds",
		"When the index generation being searched was built, in Unix time.", nil, nil)
)

// Describe implements prometheus.Collector.
func (c corpusCollector) Describe(ch chan<- *prometheus.Desc) {
	ch <- articlesDesc
	ch <- passagesDesc
	ch <- generationDesc
	ch <- rebuiltDesc
}

// Collect implements prometheus.Collector.
func (c corpusCollector) Collect(ch chan<- prometheus.Metric) {
	corpus := c()
	for _, s := range corpus.Scopes {
		ch <- prometheus.MustNewConstMetric(articlesDesc, prometheus.GaugeValue, float64(s.Articles), s.Name)
		ch <- prometheus.MustNewConstMetric(passagesDesc, prometheus.GaugeValue, float64(s.Passages), s.Name)
	}
	if corpus.Generation != "" {
		ch <- prometheus.MustNewConstMetric(generationDesc, prometheus.GaugeValue, 1, corpus.Generation)
	}
	if !corpus.Rebuilt.IsZero() {
		ch <- prometheus.MustNewConstMetric(rebuiltDesc, prometheus.GaugeValue, float64(corpus.Rebuilt.UnixNano())/1e9)
	}
}

package main

// Helpers of the corpus-management tests (corpus_*_test.go): the service
// on a temporary DATA_DIR, a local news site with realistic article pages,
// and checks that the corpus and its index agree.

import (
	"bytes"
	"context"
	"fmt"
	"html"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/disputebot/disputebot/app"
	"github.com/disputebot/disputebot/knowledge"
	"github.com/disputebot/disputebot/knowledge/web"
)

// openTestService opens the service of dataDir as `disputebot run` does,
// holding DATA_DIR and bringing the index up to date, and closes it when
// the test ends. fetcher, if not nil, is the one it fetches links with.
func openTestService(t testing.TB, dataDir string, fetcher *web.Fetcher) *app.Service {
	t.Helper()
	svc, err := app.Open(context.Background(), app.Options{
		DataDir: dataDir, Access: app.Serve, Logger: slog.New(slog.DiscardHandler), Fetcher: fetcher,
	})
	if err != nil {
		t.Fatalf("open the service: %v", err)
	}
	t.Cleanup(func() { svc.Close() })
	return svc
}

// checkIndexAgrees fails unless the index holds exactly the articles of the
// corpus, each as it is now.
func checkIndexAgrees(t testing.TB, svc *app.Service) {
	t.Helper()
	if err := svc.Verify(); err != nil {
		t.Error(err)
	}
}

// corpusState is what a refused change must leave as it was: the
// articles, the files of DATA_DIR/corpus and the audit log.
type corpusState struct {
	ids   []string
	files []string
	audit string
}

func stateOf(t testing.TB, dataDir string, ids []string) corpusState {
	t.Helper()
	st := corpusState{ids: ids}
	entries, err := os.ReadDir(filepath.Join(dataDir, "corpus"))
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(dataDir, "corpus", e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		st.files = append(st.files, fmt.Sprintf("%s %x", e.Name(), data))
	}
	audit, err := os.ReadFile(filepath.Join(dataDir, "audit.log"))
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	st.audit = string(audit)
	return st
}

// serviceState is the state of the corpus of a service.
func serviceState(t testing.TB, svc *app.Service, dataDir string) corpusState {
	t.Helper()
	var ids []string
	for _, a := range svc.All() {
		ids = append(ids, a.ID)
	}
	return stateOf(t, dataDir, ids)
}

// diskState is the state of the corpus in dataDir as another process
// reading it would find it, for tests where the bot holds the service.
func diskState(t testing.TB, dataDir string) corpusState {
	t.Helper()
	svc, err := app.Open(context.Background(), app.Options{DataDir: dataDir, Access: app.Browse})
	if err != nil {
		t.Fatalf("open the corpus: %v", err)
	}
	defer svc.Close()
	var ids []string
	for _, a := range svc.All() {
		ids = append(ids, a.ID)
	}
	return stateOf(t, dataDir, ids)
}

func (s corpusState) same(o corpusState) bool {
	return slices.Equal(s.ids, o.ids) && slices.Equal(s.files, o.files) && s.audit == o.audit
}

func (s corpusState) diff(o corpusState) string {
	var out []string
	if !slices.Equal(s.ids, o.ids) {
		out = append(out, fmt.Sprintf("articles %v, then %v", s.ids, o.ids))
	}
	if !slices.Equal(s.files, o.files) {
		out = append(out, fmt.Sprintf("%d corpus files, then %d", len(s.files), len(o.files)))
	}
	if s.audit != o.audit {
		out = append(out, fmt.Sprintf("audit log\n%s\nthen\n%s", s.audit, o.audit))
	}
	return strings.Join(out, "; ")
}

// newsStory is an article as a news site publishes it.
type newsStory struct {
	Path       string
	Title      string
	Site       string
	Byline     string
	Published  string // RFC 3339
	Paragraphs []string
}

// HTML renders the story as a news page: a header with navigation, the
// article with its metadata, related links and a footer, so that
// extraction has to find the article among the rest.
func (s newsStory) HTML() string {
	var b strings.Builder
	e := html.EscapeString
	fmt.Fprintf(&b, `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>%s | %s</title>
<meta property="og:site_name" content="%s">
<meta property="og:title" content="%s">
<meta property="article:published_time" content="%s">
<link rel="canonical" href="https://news.example.com%s?utm_source=feed">
<script type="application/ld+json">{"@type":"NewsArticle","publisher":{"name":"%s"}}</script>
</head><body>
<header><nav><a href="/">Home</a> | <a href="/world">World</a> | <a href="/asia">Asia</a> | <a href="/business">Business</a> | <a href="/subscribe">Subscribe</a></nav></header>
<main><article>
<h1>%s</h1>
<p class="byline">By %s</p>
<time datetime="%s">%s</time>
`, e(s.Title), e(s.Site), e(s.Site), e(s.Title), s.Published, s.Path, e(s.Site), e(s.Title), e(s.Byline), s.Published, s.Published[:10])
	for _, p := range s.Paragraphs {
		fmt.Fprintf(&b, "<p>%s</p>\n", e(p))
	}
	b.WriteString(`</article>
<aside class="related"><h2>Related</h2><ul><li><a href="/a">Markets close higher in Tokyo</a></li><li><a href="/b">Weather: rain expected in Seoul</a></li></ul></aside>
</main>
<footer><p>© 2024 Example News. All rights reserved.</p><a href="/privacy">Privacy</a> <a href="/terms">Terms</a></footer>
</body></html>
`)
	return b.String()
}

// newsSite serves stories on 127.0.0.1 and counts what was fetched.
type newsSite struct {
	*httptest.Server
	mu   sync.Mutex
	hits map[string]int
}

func startNewsSite(t testing.TB, stories ...newsStory) *newsSite {
	t.Helper()
	s := &newsSite{hits: map[string]int{}}
	pages := map[string]string{}
	for _, st := range stories {
		pages[st.Path] = st.HTML()
	}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.hits[r.URL.Path]++
		s.mu.Unlock()
		page, ok := pages[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, page)
	}))
	t.Cleanup(s.Close)
	return s
}

func (s *newsSite) hitsOf(path string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.hits[path]
}

// The stories of the tests: fictional but plausible, and about nothing the
// default corpus covers, each with a phrase found nowhere else.
var (
	dialogueStory = newsStory{
		Path:      "/2024/05/21/japan-south-korea-strategic-dialogue",
		Title:     "Japan and South Korea resume vice-ministerial strategic dialogue",
		Site:      "Asia Pacific Wire",
		Byline:    "Min-ji Park and Kenji Sato",
		Published: "2024-05-21T18:30:00+09:00",
		Paragraphs: []string{
			"SEOUL, May 21 (APW) - Japan and South Korea on Tuesday held their first vice-ministerial strategic dialogue in nine years, with the two vice foreign ministers meeting in Seoul for talks both sides described as candid and forward-looking.",
			"The vice ministers agreed to open a Genkai Sea hotline linking the coast guards of the two countries, so that patrol vessels can warn each other of drifting fishing boats and avoid the kind of radar incident that strained relations in 2018.",
			"They also discussed supply chains for semiconductors, the follow-up to the 2023 plan to compensate wartime laborers through a Korean foundation, and coordination on North Korea's missile launches, according to a readout from the Korean foreign ministry.",
			"The next round of the strategic dialogue is to be held in Tokyo in the autumn, a Japanese foreign ministry spokesperson said, adding that the date would be set through diplomatic channels.",
		},
	}
	dialogueQuestion = "What hotline did Japan and South Korea agree to open at the vice-ministerial strategic dialogue?"
	dialoguePhrase   = "Genkai Sea hotline"

	fisheriesStory = newsStory{
		Path:      "/2024/06/02/snow-crab-survey",
		Title:     "Japan and South Korea agree on a joint survey of snow crab stocks",
		Site:      "Asia Pacific Wire",
		Byline:    "Kenji Sato",
		Published: "2024-06-02T09:00:00+09:00",
		Paragraphs: []string{
			"TOKYO, June 2 (APW) - Fisheries officials of Japan and South Korea agreed on Sunday to carry out a joint Yamato Bank snow crab survey this winter, the first joint fisheries research of the two countries since their fisheries agreement lapsed in 2016.",
			"Research vessels of both countries will count snow crab and squid in the disputed waters between November and February, and the results will be shared with fishing cooperatives in Tottori and Gangwon provinces, officials said.",
			"Fishermen on both sides have long complained that the lapse of the agreement left them without quotas, and that illegal fishing by third-country vessels went unchecked while the two governments argued over history.",
		},
	}
	fisheriesQuestion = "When will Japan and South Korea carry out the joint snow crab survey?"
	fisheriesPhrase   = "Yamato Bank snow crab survey"

	straitStory = newsStory{
		Path:      "/2024/06/10/strait-pass",
		Title:     "Busan and Fukuoka launch a shared Strait Pass for ferry travellers",
		Site:      "Busan Daily Wire",
		Byline:    "Soo-yeon Lee",
		Published: "2024-06-10T11:00:00+09:00",
		Paragraphs: []string{
			"BUSAN, June 10 - The cities of Busan and Fukuoka on Monday launched a Kanmon Strait Pass that lets ferry travellers between South Korea and Japan ride buses and subways in both cities on one card, a sign of warming ties between the two countries.",
			"The pass, sold at ferry terminals in both ports, costs 5,000 yen and is valid for three days. City officials expect some 200,000 travellers to buy it in its first year, as tourism between Japan and South Korea reaches record levels.",
			"The mayors of the two cities said the pass would be extended to Shimonoseki and Ulsan next year if it sells well.",
		},
	}
	straitQuestion = "What pass did Busan and Fukuoka launch for ferry travellers between Japan and South Korea?"
	straitPhrase   = "Kanmon Strait Pass"

	refusedStory = newsStory{
		Path:      "/2024/06/03/refused",
		Title:     "Japan and South Korea hold working-level talks on the Sado mine",
		Site:      "Asia Pacific Wire",
		Byline:    "Kenji Sato",
		Published: "2024-06-03T09:00:00+09:00",
		Paragraphs: []string{
			"TOKYO, June 3 (APW) - Officials of Japan and South Korea held working-level talks on Monday about how the history of Korean laborers at the Sado gold mine should be shown to visitors, after the mine was put forward for World Heritage listing.",
			"The Korean side asked for an exhibition on the whole history of the site, including the wartime period, and the Japanese side said it would take the request into account, according to officials of both countries who spoke after the meeting.",
		},
	}
)

// mdUpload is a Markdown file as a moderator would upload it: front
// matter with what the uploader knows, no id or scope.
const mdUpload = `---
title: Tsushima and Busan revive their joint lantern festival
publisher: Tsushima City newsletter
published: 2024-06-15
topics: [talks]
---
# Notes from the festival

Tsushima and Busan held their joint lantern festival again this summer, the first since 2019, when the export-control dispute between Japan and South Korea led the island to cancel exchanges with Korean cities.

Some 3,000 visitors from Busan crossed on the ferry for the Tsushima lantern festival exchange, in which children from both sides float paper lanterns together in the harbour of Izuhara.

The mayor said the island hoped Korean tourists, who made up most of its visitors before the dispute, would return in numbers.
`

const (
	mdQuestion = "What happened at the Tsushima lantern festival exchange between Japan and South Korea?"
	mdPhrase   = "lantern festival exchange"
)

// formArticle is what a moderator types into the /corpus add form.
var formArticle = map[string]string{
	"title":     "Korean and Japanese students meet at the Jeju youth forum",
	"publisher": "Jeju Provincial Office",
	"date":      "2024-07-01",
	"url":       "https://jeju.example.org/news/youth-forum-2024",
	"text": "Two hundred university students from South Korea and Japan met at the Jeju youth forum this week to discuss the history dispute between the two countries.\n\n" +
		"The students drafted a joint statement asking both governments to fund a shared history textbook project, the organisers said.",
}

const (
	formQuestion = "What did students from Japan and South Korea ask for at the Jeju youth forum?"
	formPhrase   = "shared history textbook"
)

// cliUpload is a plain-text file added on the command line while the bot
// runs.
const cliUpload = `Hakata and Busan ports sign a green shipping corridor pact

The ports of Hakata and Busan signed a green shipping corridor pact on Friday, under which ferries between Japan and South Korea are to switch to methanol fuel by 2030, port officials said.

The pact is the first environmental agreement between ports of the two countries, and was signed as relations between Japan and South Korea continue to improve after years of dispute over wartime labor and export controls.

Shipping companies on both sides welcomed the deal but asked both governments for subsidies to pay for new engines.
`

const (
	cliQuestion = "What pact did the ports of Hakata and Busan sign on shipping between Japan and South Korea?"
	cliPhrase   = "green shipping corridor pact"
)

// syncBuffer is a bytes.Buffer safe for the concurrent writes of a running
// command.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// hitsText is every hit of an answer, as plain text.
func hitsText(ans *knowledge.Answer) string {
	var parts []string
	for _, h := range ans.Hits {
		parts = append(parts, h.Title+"\n"+h.Text)
	}
	return strings.Join(parts, "\n---\n")
}

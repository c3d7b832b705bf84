package main

// Bad input to the corpus, through the service the bot and the command
// line share: every file or link that is not an article to add must be refused
// with a message a moderator understands, and leave the corpus, its files
// and the audit log exactly as they were.

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/disputebot/disputebot/knowledge"
	"github.com/disputebot/disputebot/knowledge/web"
)

// inputMod is the moderator who tries the bad input, from a server.
var inputMod = knowledge.Actor{ID: "1400000000000000001", Name: "mod", Guild: "1400000000000000002"}

// wantRefused checks that err is a refusal a moderator is shown as is: an
// *knowledge.Error with code EINVALID or ECONFLICT whose message holds each
// of want and no internal detail.
func wantRefused(t *testing.T, err error, want ...string) {
	t.Helper()
	var ke *knowledge.Error
	if !errors.As(err, &ke) {
		t.Fatalf("error %v (%T), want a *knowledge.Error", err, err)
	}
	if ke.Code != knowledge.EINVALID && ke.Code != knowledge.ECONFLICT {
		t.Errorf("code %q, want %q or %q", ke.Code, knowledge.EINVALID, knowledge.ECONFLICT)
	}
	msg := knowledge.ErrorMessage(err)
	for _, w := range want {
		if !strings.Contains(msg, w) {
			t.Errorf("message %q does not say %q", msg, w)
		}
	}
	for _, internal := range []string{"!!", "unmarshal", "dial tcp", "<nil>", "%!", "Get \"", "context deadline"} {
		if strings.Contains(msg, internal) {
			t.Errorf("message %q shows an internal detail (%q)", msg, internal)
		}
	}
}

// manyParagraphsDoc is a document of n paragraphs in the format of name.
func manyParagraphsDoc(name string, n int) []byte {
	var b strings.Builder
	switch {
	case strings.HasSuffix(name, ".html"):
		b.WriteString("<html><head><title>Live: talks</title></head><body><article>\n")
		for i := range n {
			fmt.Fprintf(&b, "<p>Update %d: delegates of Japan and South Korea talk about export controls.</p>\n", i)
		}
		b.WriteString("</article></body></html>\n")
	case strings.HasSuffix(name, ".md"):
		b.WriteString("---\ntitle: \"Live: talks\"\npublisher: Live desk\npublished: 2024-05-21\n---\n")
		fallthrough
	default:
		b.WriteString("Live: Japan and South Korea talks\n\n")
		for i := range n {
			fmt.Fprintf(&b, "Update %d: delegates of Japan and South Korea talk about export controls.\n\n", i)
		}
	}
	return []byte(b.String())
}

// The bad files of the issue.
const (
	cookieWallPage = `<!doctype html><html><head><title>Example News</title></head><body>
<div id="consent" class="cmp-dialog">
<h2>We value your privacy</h2>
<p>We and our 842 partners store and/or access information on a device, such as cookies, and process personal data, such as unique identifiers and standard information sent by a device, for personalised advertising and content, advertising and content measurement, audience research and services development.</p>
<p>With your permission we and our partners may use precise geolocation data and identification through device scanning. You may click to consent to our and our partners' processing as described above. Alternatively you may access more detailed information and change your preferences before consenting or to refuse consenting.</p>
<p>Please note that some processing of your personal data may not require your consent, but you have a right to object to such processing. Your preferences will apply to this website only. You can change your preferences at any time by returning to this site or visiting our privacy policy.</p>
<button>Accept all</button> <button>Reject all</button> <button>Manage preferences</button>
</div></body></html>`
	pngBytes = "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00\x00\x01\x00\x08\x06\x00\x00\x00\x5c\x72\xa8\x66"
)

var scriptOnlyPage = `<!doctype html><html><head><title>Loading…</title><script src="/static/app.js"></script></head>
<body><div id="root"></div><script>` + strings.Repeat("window.__INITIAL_STATE__.articles.push({title: 'Japan and South Korea resume talks', body: 'Officials met in Seoul.'});\n", 100) +
	`</script><noscript>You need to enable JavaScript to run this app.</noscript></body></html>`

// TestCorpusRefusesBadFiles adds the files of the issue through
// Service.AddFile, as /corpus add file and `disputebot corpus add` do.
func TestCorpusRefusesBadFiles(t *testing.T) {
	dataDir := t.TempDir()
	e := openTestService(t, dataDir, nil)
	latin1 := []byte("Les n\xe9gociations entre le Japon et la Cor\xe9e du Sud ont repris \xe0 S\xe9oul.\n\n" + strings.Repeat("Le texte continue en fran\xe7ais. ", 30))
	body := strings.Repeat("Japan and South Korea held talks in Seoul about export controls. ", 12)
	tests := []struct {
		name string
		file string
		data []byte
		want []string
	}{
		{"empty", "notes.md", nil, []string{"empty"}},
		{"NUL bytes", "notes.txt", []byte("Japan\x00Korea " + body), []string{"binary"}},
		{"PNG bytes", "talks.md", []byte(pngBytes), []string{"binary"}},
		{"not UTF-8", "notes.txt", latin1, []string{"not UTF-8"}},
		{"over 1 MB", "big.txt", []byte(strings.Repeat(body, 1<<20/len(body)+1)), []string{"larger than 1 MB"}},
		{"not a text format", "talks.docx", []byte(body), []string{".txt, .md and .html"}},
		{"script-only HTML", "app.html", []byte(scriptOnlyPage), []string{"no article text"}},
		{"cookie banner", "saved.html", []byte(cookieWallPage), []string{"cookie or privacy notice"}},
		{"topics: 5", "talks.md", []byte("---\ntitle: Talks\npublisher: Kyodo\npublished: 2024-05-21\ntopics: 5\n---\n" + body),
			[]string{"talks.md", "topics", "expected a list", "not a number (5)"}},
		{"published: yesterday", "talks.md", []byte("---\ntitle: Talks\npublisher: Kyodo\npublished: yesterday\n---\n" + body),
			[]string{"talks.md", "published", `"yesterday"`, "YYYY-MM-DD"}},
		{"10,000 paragraphs of text", "live.txt", manyParagraphsDoc("live.txt", 10000), []string{"10000 paragraphs", "2000"}},
		{"10,000 paragraphs of Markdown", "live.md", manyParagraphsDoc("live.md", 10000), []string{"10001 paragraphs", "2000"}},
		{"Markdown without a publisher", "talks.md", []byte("---\ntitle: Talks\npublished: 2024-05-21\n---\n" + body), []string{"publisher: is required"}},
		{"10,000 paragraphs of HTML", "live.html", manyParagraphsDoc("live.html", 10000), []string{"more than 500 paragraphs"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := serviceState(t, e, dataDir)
			a, err := e.AddFile(context.Background(), tt.file, tt.data, inputMod)
			if err == nil {
				t.Fatalf("added %s (%q, %d paragraphs)", a.ID, a.Title, len(a.Body))
			}
			wantRefused(t, err, tt.want...)
			if after := serviceState(t, e, dataDir); !after.same(before) {
				t.Errorf("the corpus changed: %s", before.diff(after))
			}
		})
	}
	checkIndexAgrees(t, e)
}

// TestCorpusRefusesHugeAttachment: a 50 MB file behind an attachment link
// is refused for its size after reading little more than the 1 MB limit,
// quickly and in bounded memory, whatever the server would send.
func TestCorpusRefusesHugeAttachment(t *testing.T) {
	dataDir := t.TempDir()
	e := openTestService(t, dataDir, &web.Fetcher{AllowPrivate: true}) // the "CDN" is on 127.0.0.1
	const size = 50 << 20
	var sent atomic.Int64
	cdn := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.Header().Set("Content-Length", strconv.Itoa(size))
		line := []byte(strings.Repeat("Japan and South Korea held talks in Seoul. ", 100) + "\n\n")
		for sent.Load() < size {
			n, err := w.Write(line)
			sent.Add(int64(n))
			if err != nil {
				return
			}
		}
	}))
	t.Cleanup(cdn.Close)
	before := serviceState(t, e, dataDir)

	runtime.GC()
	var m0, m1 runtime.MemStats
	runtime.ReadMemStats(&m0)
	start := time.Now()
	_, err := e.AddFileURL(context.Background(), "huge.txt", cdn.URL+"/attachments/1/2/huge.txt", inputMod)
	took := time.Since(start)
	runtime.ReadMemStats(&m1)

	wantRefused(t, err, "larger than 1 MB")
	if after := serviceState(t, e, dataDir); !after.same(before) {
		t.Errorf("the corpus changed: %s", before.diff(after))
	}
	cdn.CloseClientConnections()
	allocated := m1.TotalAlloc - m0.TotalAlloc
	t.Logf("refused in %v, %d MB allocated; the server got %d MB out before the connection closed",
		took.Round(time.Millisecond), allocated>>20, sent.Load()>>20)
	if took > 5*time.Second {
		t.Errorf("refusing took %v", took)
	}
	if allocated > 32<<20 {
		t.Errorf("%d MB allocated to refuse a 50 MB file; it was read", allocated>>20)
	}
	if sent.Load() > 20<<20 {
		t.Errorf("the server sent %d MB: the download went on after the limit", sent.Load()>>20)
	}
}

// TestCorpusRefusesBadLinks adds links through Service.AddURL, as /corpus
// add url and `disputebot corpus add URL` do. With private fetches off,
// as in production, no link may reach the bot's host or network, whether
// the server there would answer or not; the local news site then stands
// in for the internet (AllowPrivate) for what a public server may send.
func TestCorpusRefusesBadLinks(t *testing.T) {
	dataDir := t.TempDir()
	fetcher := &web.Fetcher{AllowPrivate: true} // each case below sets its own
	e := openTestService(t, dataDir, fetcher)
	site := startNewsSite(t, dialogueStory)
	if _, err := e.AddURL(context.Background(), site.URL+dialogueStory.Path, inputMod); err != nil {
		t.Fatalf("adding the article the duplicate case needs: %v", err)
	}

	var internalHits atomic.Int64
	internal := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		internalHits.Add(1)
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, dialogueStory.HTML())
	}))
	t.Cleanup(internal.Close)
	port := strconv.Itoa(internal.Listener.Addr().(*net.TCPAddr).Port)
	v6port := port
	if l, err := net.Listen("tcp", "[::1]:0"); err == nil {
		v6 := &httptest.Server{Listener: l, Config: &http.Server{Handler: internal.Config.Handler}}
		v6.Start()
		t.Cleanup(v6.Close)
		v6port = strconv.Itoa(l.Addr().(*net.TCPAddr).Port)
	}

	mux := http.NewServeMux()
	mux.HandleFunc("/redirect/{n}", func(w http.ResponseWriter, r *http.Request) {
		n, _ := strconv.Atoi(r.PathValue("n"))
		if n == 0 {
			http.Redirect(w, r, dialogueStory.Path, http.StatusFound)
			return
		}
		http.Redirect(w, r, fmt.Sprintf("/redirect/%d", n-1), http.StatusFound)
	})
	mux.HandleFunc("/to-ftp", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "ftp://files.example.com/talks.html", http.StatusMovedPermanently)
	})
	mux.HandleFunc("/report.pdf", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/pdf")
		fmt.Fprint(w, "%PDF-1.7\n")
	})
	mux.HandleFunc("/photo", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "image/png")
		fmt.Fprint(w, pngBytes)
	})
	mux.HandleFunc("/huge", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		p := "<p>" + strings.Repeat("Japan and South Korea held talks. ", 30) + "</p>\n"
		for range (3 << 20) / len(p) {
			if _, err := fmt.Fprint(w, p); err != nil {
				return
			}
		}
	})
	mux.HandleFunc("/drip", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.WriteHeader(http.StatusOK)
		for page := dialogueStory.HTML(); ; page = page[1:] {
			if _, err := fmt.Fprint(w, page[:1]); err != nil {
				return
			}
			w.(http.Flusher).Flush()
			select {
			case <-r.Context().Done():
				return
			case <-time.After(time.Second):
			}
		}
	})
	mux.Handle("/", site.Config.Handler)
	public := httptest.NewServer(mux)
	t.Cleanup(public.Close)

	// The production fetcher, and one that takes the local servers for
	// public ones with a shorter timeout than the default 10 s (checked
	// in knowledge/web) to keep the slow server's case fast.
	production := &web.Fetcher{}
	local := &web.Fetcher{AllowPrivate: true, Timeout: 1500 * time.Millisecond}
	tests := []struct {
		url   string
		fetch *web.Fetcher
		want  []string
	}{
		{"file:///etc/passwd", production, []string{"not an http or https link"}},
		{"gopher://x", production, []string{"not an http or https link"}},
		{"http://127.0.0.1:" + port + "/", production, []string{"private or local address"}},
		{"http://169.254.169.254/latest/meta-data/iam/", production, []string{"private or local address"}},
		{"http://[::1]:" + v6port + "/", production, []string{"private or local address"}},
		{"http://localhost:" + port + "/", production, []string{"private or local address"}},
		{"http://[::ffff:127.0.0.1]:" + port + "/", production, []string{"private or local address"}},
		{"http://10.1.2.3/", production, []string{"private or local address"}},
		{public.URL + "/redirect/6", local, []string{"redirects more than 5 times"}},
		{public.URL + "/to-ftp", local, []string{"redirects to a ftp: link"}},
		{public.URL + "/report.pdf", local, []string{"application/pdf document"}},
		{public.URL + "/photo", local, []string{"image/png document"}},
		{public.URL + "/huge", local, []string{"larger than 2 MB"}},
		{public.URL + "/drip", local, []string{"did not send the page within 1.5s"}},
		{public.URL + "/gone", local, []string{"404 Not Found"}},
		// Already in the corpus, under other forms of its link.
		{public.URL + dialogueStory.Path, local, []string{"already in the corpus"}},
		{public.URL + "/redirect/2", local, []string{"already in the corpus"}},
	}
	for _, tt := range tests {
		t.Run(tt.url, func(t *testing.T) {
			*fetcher = *tt.fetch
			before := serviceState(t, e, dataDir)
			start := time.Now()
			a, err := e.AddURL(context.Background(), tt.url, inputMod)
			if err == nil {
				t.Fatalf("added %s (%q)", a.ID, a.Title)
			}
			wantRefused(t, err, tt.want...)
			if d := time.Since(start); d > 5*time.Second {
				t.Errorf("refusing took %v", d)
			}
			if after := serviceState(t, e, dataDir); !after.same(before) {
				t.Errorf("the corpus changed: %s", before.diff(after))
			}
		})
	}
	if n := internalHits.Load(); n != 0 {
		t.Errorf("the server on the bot's host got %d requests", n)
	}
	checkIndexAgrees(t, e)
}

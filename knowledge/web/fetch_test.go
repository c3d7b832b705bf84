package web

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/disputebot/disputebot/knowledge"
)

// TestPublicAddr is the table of addresses the fetcher may and may not
// connect to. A moderator's link must never reach the bot's own host, its
// network, or a cloud metadata service, whatever form the address takes.
func TestPublicAddr(t *testing.T) {
	tests := []struct {
		addr string
		want bool
	}{
		// Loopback.
		{"127.0.0.1", false},
		{"127.255.255.254", false},
		{"::1", false},
		// Private networks.
		{"10.0.0.1", false},
		{"10.255.255.255", false},
		{"172.16.0.1", false},
		{"172.31.255.254", false},
		{"192.168.1.1", false},
		{"fc00::1", false},
		{"fd12:3456:789a::1", false},
		// Link-local, among them the cloud metadata service.
		{"169.254.169.254", false},
		{"169.254.0.1", false},
		{"fe80::1", false},
		{"fe80::a9fe:a9fe", false},
		// Multicast and broadcast.
		{"224.0.0.1", false},
		{"239.255.255.250", false},
		{"255.255.255.255", false},
		{"ff02::1", false},
		{"ff05::2", false},
		{"ff0e::1", false},
		// Unspecified ("this host").
		{"0.0.0.0", false},
		{"0.1.2.3", false},
		{"::", false},
		// Carrier-grade NAT.
		{"100.64.0.1", false},
		{"100.127.255.254", false},
		// IPv4-mapped IPv6: the IPv4 address is what the kernel connects to.
		{"::ffff:127.0.0.1", false},
		{"::ffff:10.1.2.3", false},
		{"::ffff:169.254.169.254", false},
		// NAT64 prefixes: a gateway would connect to the embedded IPv4
		// address, which may be private.
		{"64:ff9b::a00:1", false},     // 10.0.0.1
		{"64:ff9b::7f00:1", false},    // 127.0.0.1
		{"64:ff9b::a9fe:a9fe", false}, // 169.254.169.254
		{"64:ff9b:1::a00:1", false},
		// Documentation, benchmarking and reserved ranges.
		{"192.0.2.1", false},
		{"198.51.100.7", false},
		{"203.0.113.9", false},
		{"198.18.0.1", false},
		{"240.0.0.1", false},
		{"192.0.0.8", false},
		{"2001:db8::1", false},
		// Public addresses.
		{"8.8.8.8", true},
		{"1.1.1.1", true},
		{"93.184.215.14", true},
		{"100.63.255.255", true}, // just below carrier-grade NAT
		{"100.128.0.1", true},    // just above it
		{"172.32.0.1", true},     // just above 172.16.0.0/12
		{"11.0.0.1", true},
		{"2606:4700::1", true},
		{"2001:4860:4860::8888", true},
		{"::ffff:8.8.8.8", true}, // mapped, but public
	}
	for _, tt := range tests {
		t.Run(tt.addr, func(t *testing.T) {
			if got := PublicAddr(netip.MustParseAddr(tt.addr)); got != tt.want {
				t.Errorf("PublicAddr(%s) = %v, want %v", tt.addr, got, tt.want)
			}
		})
	}
	if PublicAddr(netip.Addr{}) {
		t.Error("PublicAddr of the zero Addr = true, want false")
	}
}

// TestDefaultLimits pins the limits the issue promises: the zero Fetcher
// gives up after 10 s, reads at most 2 MB and follows at most 5 redirects,
// and refuses private addresses.
func TestDefaultLimits(t *testing.T) {
	var f Fetcher
	if f.timeout() != 10*time.Second || DefaultTimeout != 10*time.Second {
		t.Errorf("default timeout %v (DefaultTimeout %v), want 10s", f.timeout(), DefaultTimeout)
	}
	if DefaultMaxBytes != 2<<20 {
		t.Errorf("DefaultMaxBytes = %d, want 2 MB", DefaultMaxBytes)
	}
	if DefaultMaxRedirects != 5 {
		t.Errorf("DefaultMaxRedirects = %d, want 5", DefaultMaxRedirects)
	}
	if f.AllowPrivate {
		t.Error("the zero Fetcher allows private addresses")
	}
}

// countingServer is a local site that counts the requests it gets, so that a
// test can tell that a refused address was never contacted.
func countingServer(t *testing.T, h http.HandlerFunc) (*httptest.Server, *atomic.Int64) {
	t.Helper()
	var n atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n.Add(1)
		if h != nil {
			h(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, "<html><body><p>internal admin page</p></body></html>")
	}))
	t.Cleanup(srv.Close)
	return srv, &n
}

// wantRefusal checks that err is an *knowledge.Error with code EINVALID
// whose message holds every one of want.
func wantRefusal(t *testing.T, err error, want ...string) {
	t.Helper()
	var ke *knowledge.Error
	if !errors.As(err, &ke) {
		t.Fatalf("error %v (%T), want a *knowledge.Error", err, err)
	}
	if ke.Code != knowledge.EINVALID {
		t.Errorf("code %q, want %q (message %q)", ke.Code, knowledge.EINVALID, ke.Message)
	}
	for _, w := range want {
		if !strings.Contains(ke.Message, w) {
			t.Errorf("message %q does not say %q", ke.Message, w)
		}
	}
}

// TestFetchRefusesPrivateAddresses fetches with the zero Fetcher, as the
// bot does in production: links to the bot's own host, by address or by
// name, and to the metadata service are refused when connecting, and the
// local server that would have answered never sees a request.
func TestFetchRefusesPrivateAddresses(t *testing.T) {
	srv, hits := countingServer(t, nil)
	port := strconv.Itoa(srv.Listener.Addr().(*net.TCPAddr).Port)
	v6port := port
	if l, err := net.Listen("tcp", "[::1]:0"); err == nil {
		v6 := &httptest.Server{Listener: l, Config: &http.Server{Handler: srv.Config.Handler}}
		v6.Start()
		t.Cleanup(v6.Close)
		v6port = strconv.Itoa(l.Addr().(*net.TCPAddr).Port)
	}
	tests := []struct {
		url  string
		want string
	}{
		{"file:///etc/passwd", "not an http or https link"},
		{"gopher://x", "not an http or https link"},
		{"ftp://example.com/a", "not an http or https link"},
		{"javascript:alert(1)", "not an http or https link"},
		{"http://user:pass@example.com/", "user name"},
		{"http://127.0.0.1:" + port + "/", "private or local address"},
		{"http://127.0.0.2:" + port + "/", "private or local address"},
		{"http://[::1]:" + v6port + "/", "private or local address"},
		{"http://[::ffff:127.0.0.1]:" + port + "/", "private or local address"},
		{"http://localhost:" + port + "/", "private or local address"},
		{"http://169.254.169.254/latest/meta-data/", "private or local address"},
		{"http://[fe80::1%25lo]:" + port + "/", "private or local address"},
		{"http://0.0.0.0:" + port + "/", "private or local address"},
		{"http://10.0.0.1/", "private or local address"},
	}
	var f Fetcher
	for _, tt := range tests {
		t.Run(tt.url, func(t *testing.T) {
			start := time.Now()
			page, err := f.Fetch(context.Background(), tt.url)
			if err == nil {
				t.Fatalf("fetched %s (%d bytes), want a refusal", tt.url, len(page.Body))
			}
			wantRefusal(t, err, tt.want)
			if d := time.Since(start); d > 2*time.Second {
				t.Errorf("refusal took %v: the address should be refused before connecting", d)
			}
		})
	}
	if n := hits.Load(); n != 0 {
		t.Errorf("the local server got %d requests, want none", n)
	}
}

// TestConnectTimeCheck shows why the check is made when connecting rather
// than on the URL: a public-looking name whose DNS answer is 127.0.0.1, or
// a public page that redirects to a private address, must be refused too.
// DNS cannot be faked without the network, so the test stands in for it by
// wrapping the fetcher's own guarded dialer: "news.example" reaches a local
// site as a public one would (bypassing the guard), and "rebind.example"
// goes through the guard to 127.0.0.1, as a resolver answering 127.0.0.1
// would make it.
func TestConnectTimeCheck(t *testing.T) {
	internal, internalHits := countingServer(t, nil)
	public := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, internal.URL+"/admin", http.StatusFound)
	}))
	t.Cleanup(public.Close)

	f := &Fetcher{}
	client := f.client()
	tr := client.Transport.(*http.Transport)
	guarded := tr.DialContext
	_, internalPort, _ := net.SplitHostPort(internal.Listener.Addr().String())
	tr.DialContext = func(ctx context.Context, network, addr string) (net.Conn, error) {
		switch addr {
		case "news.example:80": // a public site
			return (&net.Dialer{}).DialContext(ctx, network, public.Listener.Addr().String())
		case "rebind.example:80": // a name that resolves to 127.0.0.1
			return guarded(ctx, network, "127.0.0.1:"+internalPort)
		}
		return guarded(ctx, network, addr)
	}

	for _, u := range []string{"http://news.example/story", "http://rebind.example/"} {
		t.Run(u, func(t *testing.T) {
			resp, err := client.Get(u)
			if err == nil {
				resp.Body.Close()
				t.Fatalf("GET %s answered %s, want a refusal", u, resp.Status)
			}
			if !errors.Is(err, errRefused) {
				t.Fatalf("GET %s: %v, want the address refused", u, err)
			}
			wantRefusal(t, fetchError(err, f.timeout()), "private or local address")
		})
	}
	if n := internalHits.Load(); n != 0 {
		t.Errorf("the internal server got %d requests, want none", n)
	}

	// The guard itself, on the dialer every fetch uses.
	for _, addr := range []string{"127.0.0.1:" + internalPort, "localhost:" + internalPort, "169.254.169.254:80"} {
		if c, err := guarded(context.Background(), "tcp", addr); err == nil {
			c.Close()
			t.Errorf("dialed %s, want refused", addr)
		} else if !errors.Is(err, errRefused) {
			t.Errorf("dial %s: %v, want errRefused", addr, err)
		}
	}
	open := (&Fetcher{AllowPrivate: true}).client().Transport.(*http.Transport)
	c, err := open.DialContext(context.Background(), "tcp", "127.0.0.1:"+internalPort)
	if err != nil {
		t.Fatalf("with AllowPrivate, dial the local server: %v", err)
	}
	c.Close()
}

// article is a page with enough text to be an article.
const article = `<html><head><title>Japan and South Korea resume talks</title></head><body><article><h1>Japan and South Korea resume talks</h1>
<p>Senior officials of Japan and South Korea met in Seoul on Tuesday for the first round of working-level talks in three years, the foreign ministries of both countries said in statements released after the meeting.</p>
<p>The delegations discussed export controls, the wartime labor rulings and cooperation on North Korea, and agreed to meet again in Tokyo before the end of the year, according to a senior official who briefed reporters on condition of anonymity.</p>
</article></body></html>`

// TestFetchRedirects follows redirects up to the limit and refuses beyond
// it, and refuses redirects to schemes other than http and https.
func TestFetchRedirects(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/r/{n}", func(w http.ResponseWriter, r *http.Request) {
		n, _ := strconv.Atoi(r.PathValue("n"))
		if n == 0 {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprint(w, article)
			return
		}
		http.Redirect(w, r, fmt.Sprintf("/r/%d", n-1), http.StatusFound)
	})
	mux.HandleFunc("/to-ftp", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "ftp://files.example.com/article.html", http.StatusMovedPermanently)
	})
	mux.HandleFunc("/to-file", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "file:///etc/passwd", http.StatusFound)
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	f := &Fetcher{AllowPrivate: true}

	tests := []struct {
		path string
		want string // "" means fetched
	}{
		{"/r/0", ""},
		{"/r/5", ""},
		{"/r/6", "more than 5"},
		{"/r/20", "more than 5"},
		{"/to-ftp", "ftp: link"},
		{"/to-file", "file: link"},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			page, err := f.Fetch(context.Background(), srv.URL+tt.path)
			if tt.want == "" {
				if err != nil {
					t.Fatalf("Fetch: %v", err)
				}
				if page.URL.Path != "/r/0" {
					t.Errorf("page URL %s, want the end of the redirects", page.URL)
				}
				return
			}
			if err == nil {
				t.Fatalf("fetched %s, want a refusal", page.URL)
			}
			wantRefusal(t, err, tt.want)
		})
	}
}

// TestFetchRefusals covers what a server can send that is not a page to
// add: other document types, too much, too slowly, or an error.
func TestFetchRefusals(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/pdf", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/pdf")
		fmt.Fprint(w, "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n")
	})
	mux.HandleFunc("/png", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "image/png")
		w.Write([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01"))
	})
	mux.HandleFunc("/png-untyped", func(w http.ResponseWriter, r *http.Request) {
		w.Header()["Content-Type"] = nil // sniffed: image/png
		w.Write([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01"))
	})
	mux.HandleFunc("/big", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		chunk := strings.Repeat("<p>Japan and South Korea.</p>\n", 1000)
		for sent := 0; sent < 3<<20; sent += len(chunk) {
			if _, err := fmt.Fprint(w, chunk); err != nil {
				return
			}
		}
	})
	mux.HandleFunc("/missing", http.NotFound)
	mux.HandleFunc("/error", func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "boom", http.StatusInternalServerError)
	})
	mux.HandleFunc("/drip", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.WriteHeader(http.StatusOK)
		for {
			if _, err := w.Write([]byte("<")); err != nil {
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
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	// A shorter timeout than the default 10 s keeps the slow server's
	// case fast; TestDefaultLimits checks the default.
	f := &Fetcher{AllowPrivate: true, Timeout: 1500 * time.Millisecond}

	tests := []struct {
		path string
		want string
	}{
		{"/pdf", "application/pdf document"},
		{"/png", "image/png document"},
		{"/png-untyped", "image/png document"},
		{"/big", "larger than 2 MB"},
		{"/missing", "404 Not Found"},
		{"/error", "500 Internal Server Error"},
		{"/drip", "did not send the page within 1.5s"},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			start := time.Now()
			page, err := f.Fetch(context.Background(), srv.URL+tt.path)
			if err == nil {
				t.Fatalf("fetched %d bytes of %s, want a refusal", len(page.Body), page.ContentType)
			}
			wantRefusal(t, err, tt.want)
			if d := time.Since(start); d > f.Timeout+2*time.Second {
				t.Errorf("took %v, over the %v timeout", d, f.Timeout)
			}
		})
	}
}

// TestFetchAnyType: uploaded files are fetched whatever type the CDN gives
// them (Discord serves .md files as text/markdown), since FromFile reads
// them by name and checks their content; links to add as pages are not.
func TestFetchAnyType(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/markdown; charset=utf-8")
		fmt.Fprint(w, "---\ntitle: Notes\n---\nText.\n")
	}))
	t.Cleanup(srv.Close)
	if _, err := (&Fetcher{AllowPrivate: true}).Fetch(context.Background(), srv.URL); err == nil {
		t.Error("a text/markdown link was fetched as a page")
	}
	page, err := (&Fetcher{AllowPrivate: true, AnyType: true}).Fetch(context.Background(), srv.URL)
	if err != nil {
		t.Fatalf("with AnyType: %v", err)
	}
	if page.ContentType != "text/markdown" || !strings.Contains(string(page.Body), "title: Notes") {
		t.Errorf("page %s %q", page.ContentType, page.Body)
	}
}

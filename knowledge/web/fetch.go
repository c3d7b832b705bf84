package web

import (
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strings"
	"syscall"
	"time"

	"github.com/disputebot/disputebot/knowledge"
)

// Limits on fetching.
const (
	DefaultTimeout      = 10 * time.Second
	DefaultMaxBytes     = 2 << 20
	DefaultMaxRedirects = 5
)

// Fetcher downloads pages for the corpus. Its zero value is ready to use
// and refuses every address that is not public.
type Fetcher struct {
	// AllowPrivate permits loopback, private and link-local addresses:
	// for tests against a local server only.
	AllowPrivate bool
	Timeout      time.Duration // whole fetch; 0 means DefaultTimeout
	MaxBytes     int64         // body; 0 means DefaultMaxBytes
	MaxRedirects int           // 0 means DefaultMaxRedirects
	UserAgent    string
	// AnyType accepts documents of every media type, not only web pages
	// and text: for uploaded files, which FromFile reads by their name and
	// checks itself (Discord serves .md files as text/markdown).
	AnyType bool
}

// Page is a fetched document.
type Page struct {
	URL         *url.URL // after redirects
	ContentType string   // media type, e.g. text/html
	Charset     string
	Body        []byte
}

// errRefused marks an address the fetcher will not connect to.
var errRefused = errors.New("refused address")

// blocked lists address ranges that are not the public internet, beyond
// what netip's predicates cover.
var blocked = []netip.Prefix{
	netip.MustParsePrefix("0.0.0.0/8"),       // "this network"
	netip.MustParsePrefix("100.64.0.0/10"),   // carrier-grade NAT
	netip.MustParsePrefix("192.0.0.0/24"),    // IETF protocol assignments
	netip.MustParsePrefix("192.0.2.0/24"),    // documentation
	netip.MustParsePrefix("198.18.0.0/15"),   // benchmarking
	netip.MustParsePrefix("198.51.100.0/24"), // documentation
	netip.MustParsePrefix("203.0.113.0/24"),  // documentation
	netip.MustParsePrefix("240.0.0.0/4"),     // reserved, and broadcast
	netip.MustParsePrefix("64:ff9b::/96"),    // NAT64: may embed a private IPv4 address
	netip.MustParsePrefix("64:ff9b:1::/48"),
	netip.MustParsePrefix("2001:db8::/32"), // documentation
	netip.MustParsePrefix("fc00::/7"),      // unique local
}

// PublicAddr reports whether the fetcher may connect to addr.
func PublicAddr(addr netip.Addr) bool {
	addr = addr.Unmap()
	if !addr.IsValid() || addr.IsLoopback() || addr.IsPrivate() || addr.IsLinkLocalUnicast() ||
		addr.IsLinkLocalMulticast() || addr.IsInterfaceLocalMulticast() || addr.IsMulticast() || addr.IsUnspecified() {
		return false
	}
	for _, p := range blocked {
		if p.Contains(addr) {
			return false
		}
	}
	return true
}

// client builds an HTTP client that checks every address when it connects
// (so that a DNS answer, or a redirect, cannot steer it to an internal
// service), ignores proxy settings, and follows a bounded number of
// http(s) redirects.
func (f *Fetcher) client() *http.Client {
	dialer := &net.Dialer{
		Timeout: f.timeout(),
		Control: func(network, address string, _ syscall.RawConn) error {
			if f.AllowPrivate {
				return nil
			}
			ap, err := netip.ParseAddrPort(address)
			if err != nil || !PublicAddr(ap.Addr()) {
				return fmt.Errorf("%w %s", errRefused, address)
			}
			return nil
		},
	}
	transport := &http.Transport{
		Proxy:                  nil,
		DialContext:            dialer.DialContext,
		TLSHandshakeTimeout:    f.timeout(),
		ResponseHeaderTimeout:  f.timeout(),
		MaxResponseHeaderBytes: 64 << 10,
		DisableKeepAlives:      true,
	}
	maxRedirects := f.MaxRedirects
	if maxRedirects <= 0 {
		maxRedirects = DefaultMaxRedirects
	}
	return &http.Client{
		Transport: transport,
		Timeout:   f.timeout(),
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) > maxRedirects {
				return knowledge.Errorf(knowledge.EINVALID, "the page redirects more than %d times", maxRedirects)
			}
			if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
				return knowledge.Errorf(knowledge.EINVALID, "the page redirects to a %s: link, which I don't follow", req.URL.Scheme)
			}
			return nil
		},
	}
}

func (f *Fetcher) timeout() time.Duration {
	if f.Timeout > 0 {
		return f.Timeout
	}
	return DefaultTimeout
}

// CheckURL accepts the links the fetcher will try: absolute http(s) URLs
// with a host, without credentials, of bounded length.
func CheckURL(raw string) (*url.URL, error) {
	raw = strings.TrimSpace(raw)
	if err := knowledge.CheckURL(raw); err != nil {
		return nil, knowledge.Errorf(knowledge.EINVALID, "%v", err)
	}
	u, err := url.Parse(raw)
	if err != nil {
		return nil, knowledge.Errorf(knowledge.EINVALID, "not a link: %q", raw)
	}
	return u, nil
}

// Fetch downloads a page: http or https only, public addresses only
// (unless AllowPrivate), at most MaxRedirects redirects, within Timeout,
// at most MaxBytes, HTML or plain text only. Errors are *knowledge.Error
// with a reason written for the person who gave the link.
func (f *Fetcher) Fetch(ctx context.Context, raw string) (*Page, error) {
	u, err := CheckURL(raw)
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(ctx, f.timeout())
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, knowledge.Errorf(knowledge.EINVALID, "not a link I can fetch: %q", raw)
	}
	ua := f.UserAgent
	if ua == "" {
		ua = "disputebot/1 (+https://github.com/disputebot/disputebot)"
	}
	req.Header.Set("User-Agent", ua)
	req.Header.Set("Accept", "text/html,application/xhtml+xml,text/plain;q=0.9")
	resp, err := f.client().Do(req)
	if err != nil {
		return nil, fetchError(err, f.timeout())
	}
	defer resp.Body.Close()
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return nil, knowledge.Errorf(knowledge.EINVALID, "the site answered %s", resp.Status)
	}
	mediaType, params, err := mime.ParseMediaType(resp.Header.Get("Content-Type"))
	if err != nil {
		mediaType = "" // sniffed below
	}
	maxBytes := f.MaxBytes
	if maxBytes <= 0 {
		maxBytes = DefaultMaxBytes
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxBytes+1))
	if err != nil {
		return nil, fetchError(err, f.timeout())
	}
	if int64(len(body)) > maxBytes {
		return nil, knowledge.Errorf(knowledge.EINVALID, "the page is larger than %d MB", maxBytes>>20)
	}
	if mediaType == "" {
		mediaType, _, _ = mime.ParseMediaType(http.DetectContentType(body))
	}
	switch mediaType {
	case "text/html", "application/xhtml+xml", "text/plain":
	default:
		if !f.AnyType {
			return nil, knowledge.Errorf(knowledge.EINVALID, "the link is a %s document, not a web page or text", mediaType)
		}
	}
	return &Page{URL: resp.Request.URL, ContentType: mediaType, Charset: params["charset"], Body: body}, nil
}

// fetchError words a transport error for the user.
func fetchError(err error, timeout time.Duration) error {
	var ke *knowledge.Error
	switch {
	case errors.As(err, &ke):
		return ke
	case errors.Is(err, errRefused):
		return knowledge.Errorf(knowledge.EINVALID, "that link points to a private or local address, which I don't fetch")
	case errors.Is(err, context.DeadlineExceeded) || isTimeout(err):
		return knowledge.Errorf(knowledge.EINVALID, "the site did not send the page within %v", timeout)
	default:
		var dnsErr *net.DNSError
		if errors.As(err, &dnsErr) {
			return knowledge.Errorf(knowledge.EINVALID, "I can't find the site %s", dnsErr.Name)
		}
		return &knowledge.Error{Code: knowledge.EINVALID, Message: "I couldn't fetch that page", Err: err}
	}
}

func isTimeout(err error) bool {
	var t interface{ Timeout() bool }
	return errors.As(err, &t) && t.Timeout()
}

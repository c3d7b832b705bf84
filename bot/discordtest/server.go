package discordtest

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"
)

// Defaults are Discord's own values, so that a bot tested against the fake
// meets the same deadlines it meets in production.
const (
	DefaultHeartbeatInterval = 41250 * time.Millisecond
	DefaultAckDeadline       = 3 * time.Second
	DefaultTokenTTL          = 15 * time.Minute
	DefaultToken             = "discordtest-token"
)

// discordEpoch is the first millisecond of 2015, where snowflakes start.
const discordEpoch = 1420070400000

// A Server is a fake Discord listening on 127.0.0.1. Its methods are safe for
// concurrent use, and separate Servers share nothing, so parallel tests can
// each run their own.
type Server struct {
	cfg       config
	url       string
	wsURL     string
	ln        net.Listener
	http      *http.Server
	transport *http.Transport
	done      chan struct{} // closed by Close
	wg        sync.WaitGroup

	// Fixed at New.
	channelID string
	dmChannel string
	user      *discordgo.User // the default member invoking interactions

	idMu   sync.Mutex
	lastID uint64

	mu           sync.Mutex
	closed       bool
	changed      chan struct{} // closed and replaced on every state change
	latency      time.Duration
	faults       []*fault
	buckets      map[string]*bucket
	requests     []Request
	violations   []string
	interactions map[string]*interaction // by interaction ID
	byToken      map[string]*interaction
	messages     map[string]*message // by message ID
	commands     map[string][]*discordgo.ApplicationCommand
	files        map[string]File // served under /attachments/, by path

	conns        map[*gwConn]bool
	sessions     map[string]*gwSession
	current      *gwSession // receives dispatches
	pending      []gwEvent  // dispatches waiting for a ready connection
	identifies   int
	resumes      int
	lastIdentify *Identify
	identifyLog  []Identify // every IDENTIFY, in order (see Identifies)
	attachCount  int64      // orders sessions by their last attachment
	hung         bool       // see Hang
	refusing     bool       // see RefuseGateway
}

type config struct {
	token       string
	appID       string
	username    string
	guilds      []string
	heartbeat   time.Duration
	ackDeadline time.Duration
	tokenTTL    time.Duration
	rateLimit   int
	rateWindow  time.Duration
	privileged  discordgo.Intent
	logger      *slog.Logger
	shards      int // recommended by GET /gateway/bot
	concurrency int // max_concurrency of GET /gateway/bot
}

// An Option changes how a Server behaves, for the tests that need something
// other than Discord's defaults.
type Option func(*config)

// WithToken sets the bot token the fake accepts, so a test can reuse the
// token its bot is configured with. The default is [DefaultToken].
func WithToken(token string) Option {
	return func(c *config) { c.token = token }
}

// WithApplicationID fixes the application (and bot user) ID instead of
// generating one, for tests that compare it with a configured value.
func WithApplicationID(id string) Option {
	return func(c *config) { c.appID = id }
}

// WithUsername sets the bot's username, as shown in READY and on messages.
func WithUsername(name string) Option {
	return func(c *config) { c.username = name }
}

// WithGuilds sets the guilds the bot is in. The first one is where built
// interactions come from. By default the bot is in one generated guild.
func WithGuilds(ids ...string) Option {
	return func(c *config) { c.guilds = append([]string(nil), ids...) }
}

// WithHeartbeatInterval sets the interval announced in HELLO. Tests of
// zombie-connection handling need it much shorter than Discord's.
func WithHeartbeatInterval(d time.Duration) Option {
	return func(c *config) { c.heartbeat = d }
}

// WithAckDeadline sets how long after dispatch the first callback is
// accepted. Discord allows [DefaultAckDeadline].
func WithAckDeadline(d time.Duration) Option {
	return func(c *config) { c.ackDeadline = d }
}

// WithTokenTTL sets how long after dispatch an interaction token can be used
// for edits and follow-ups, so token expiry can be tested in seconds rather
// than the [DefaultTokenTTL] of Discord.
func WithTokenTTL(d time.Duration) Option {
	return func(c *config) { c.tokenTTL = d }
}

// WithRateLimit sets the per-bucket limit the fake advertises and enforces.
// The default, 50 requests per second per bucket, is generous so that only
// tests that mean to hit it do.
func WithRateLimit(limit int, window time.Duration) Option {
	return func(c *config) { c.rateLimit, c.rateWindow = limit, window }
}

// WithPrivilegedIntents sets the privileged intents enabled for the
// application; IDENTIFY asking for others is closed with 4014 as Discord
// does. By default none is enabled.
func WithPrivilegedIntents(intents discordgo.Intent) Option {
	return func(c *config) { c.privileged = intents }
}

// WithShards sets the shard count that GET /gateway/bot recommends and its
// max_concurrency: how many shards may identify in each 5-second window,
// shard s in bucket s % maxConcurrency. An IDENTIFY that breaks the limit
// is recorded as a violation.
func WithShards(shards, maxConcurrency int) Option {
	return func(c *config) { c.shards, c.concurrency = max(shards, 1), max(maxConcurrency, 1) }
}

// WithLogger makes the fake log what it receives and rejects, which helps to
// debug a failing test. By default it logs nothing.
func WithLogger(l *slog.Logger) Option {
	return func(c *config) { c.logger = l }
}

// New starts a fake Discord on 127.0.0.1 with a random port. Like
// httptest.NewServer, it panics if it cannot listen. Call Close when done.
func New(opts ...Option) *Server {
	s := &Server{
		done:         make(chan struct{}),
		changed:      make(chan struct{}),
		buckets:      make(map[string]*bucket),
		interactions: make(map[string]*interaction),
		byToken:      make(map[string]*interaction),
		messages:     make(map[string]*message),
		commands:     make(map[string][]*discordgo.ApplicationCommand),
		files:        make(map[string]File),
		conns:        make(map[*gwConn]bool),
		sessions:     make(map[string]*gwSession),
	}
	s.cfg = config{
		token:       DefaultToken,
		username:    "discordtest",
		heartbeat:   DefaultHeartbeatInterval,
		ackDeadline: DefaultAckDeadline,
		tokenTTL:    DefaultTokenTTL,
		rateLimit:   50,
		rateWindow:  time.Second,
		shards:      1,
		concurrency: 1,
	}
	for _, o := range opts {
		o(&s.cfg)
	}
	if s.cfg.appID == "" {
		s.cfg.appID = s.newID()
	}
	if len(s.cfg.guilds) == 0 {
		s.cfg.guilds = []string{s.newID()}
	}
	if s.cfg.logger == nil {
		s.cfg.logger = slog.New(slog.DiscardHandler)
	}
	if s.cfg.rateLimit < 1 {
		s.cfg.rateLimit = 1
	}
	if s.cfg.rateWindow <= 0 {
		s.cfg.rateWindow = time.Second
	}
	s.channelID = s.newID()
	s.dmChannel = s.newID()
	s.user = &discordgo.User{ID: s.newID(), Username: "tester", GlobalName: "Tester", Discriminator: "0"}

	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		panic(fmt.Sprintf("discordtest: failed to listen on a port: %v", err))
	}
	s.ln = ln
	s.url = "http://" + ln.Addr().String()
	s.wsURL = "ws://" + ln.Addr().String() + "/gw"
	s.transport = &http.Transport{Proxy: nil, MaxIdleConnsPerHost: 16}
	s.http = &http.Server{Handler: s.handler(), ReadHeaderTimeout: 10 * time.Second}
	go s.http.Serve(ln) // returns ErrServerClosed after Close
	return s
}

// NewTB starts a fake Discord that is closed when the test ends.
func NewTB(tb testing.TB, opts ...Option) *Server {
	tb.Helper()
	s := New(opts...)
	tb.Cleanup(s.Close)
	return s
}

// Close stops the fake: it closes the listener, every gateway connection and
// every REST connection, and waits for its goroutines to end.
func (s *Server) Close() {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return
	}
	s.closed = true
	close(s.done)
	conns := make([]*gwConn, 0, len(s.conns))
	for c := range s.conns {
		conns = append(conns, c)
	}
	s.notifyLocked()
	s.mu.Unlock()

	s.http.Close()
	for _, c := range conns {
		c.kill()
	}
	s.transport.CloseIdleConnections()
	s.wg.Wait()
}

// URL is the base a bot must send its REST requests to instead of
// https://discord.com, for example "http://127.0.0.1:41234".
func (s *Server) URL() string { return s.url }

// GatewayURL is the websocket address the fake announces in GET /gateway.
func (s *Server) GatewayURL() string { return s.wsURL }

// Token is the bot token the fake accepts, without the "Bot " prefix.
func (s *Server) Token() string { return s.cfg.token }

// AppID is the application ID, which is also the bot user's ID, as on a
// modern Discord application.
func (s *Server) AppID() string { return s.cfg.appID }

// GuildID is the guild built interactions come from by default.
func (s *Server) GuildID() string { return s.cfg.guilds[0] }

// ChannelID is the guild channel built interactions come from by default.
func (s *Server) ChannelID() string { return s.channelID }

// User is the member who invokes built interactions by default. It has
// ordinary member permissions, not Manage Guild or Administrator.
func (s *Server) User() *discordgo.User {
	u := *s.user
	return &u
}

// BotUser is the bot's own user, as sent in READY and as author of its
// messages.
func (s *Server) BotUser() *discordgo.User {
	return &discordgo.User{ID: s.cfg.appID, Username: s.cfg.username, Discriminator: "0", Bot: true, Verified: true}
}

// Client returns an HTTP client that sends every request, whatever its host,
// to the fake. Assigning it to discordgo.Session.Client is all a test needs
// to point a real Session at the fake.
func (s *Server) Client() *http.Client {
	return &http.Client{
		Timeout:   10 * time.Second,
		Transport: rewriteTransport{host: s.ln.Addr().String(), base: s.transport},
	}
}

// rewriteTransport redirects requests for any host to the fake.
type rewriteTransport struct {
	host string
	base http.RoundTripper
}

func (t rewriteTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	r2 := r.Clone(r.Context())
	r2.URL.Scheme = "http"
	r2.URL.Host = t.host
	r2.Host = ""
	return t.base.RoundTrip(r2)
}

// SetLatency delays every REST answer by d, to test how a bot copes with a
// slow Discord; the delay counts against the interaction deadlines.
func (s *Server) SetLatency(d time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.latency = d
}

// newID returns a snowflake that is unique within the Server and increases
// with time, as Discord's do.
func (s *Server) newID() string {
	s.idMu.Lock()
	defer s.idMu.Unlock()
	id := uint64(time.Now().UnixMilli()-discordEpoch) << 22
	if id <= s.lastID {
		id = s.lastID + 1
	}
	s.lastID = id
	return fmt.Sprint(id)
}

// newInteractionToken returns a token shaped like Discord's: an opaque,
// URL-safe string that embeds the interaction ID.
func newInteractionToken(id string) string {
	b := make([]byte, 48)
	rand.Read(b)
	return base64.RawURLEncoding.EncodeToString([]byte("interaction:" + id + ":" + hex.EncodeToString(b)))
}

func newSessionID() string {
	b := make([]byte, 16)
	rand.Read(b)
	return hex.EncodeToString(b)
}

// notifyLocked wakes every waiter. The caller holds s.mu.
func (s *Server) notifyLocked() {
	close(s.changed)
	s.changed = make(chan struct{})
}

// wait blocks until cond, called with s.mu held, reports true.
func (s *Server) wait(ctx context.Context, cond func() bool) error {
	for {
		s.mu.Lock()
		ok := cond()
		ch := s.changed
		closed := s.closed
		s.mu.Unlock()
		if ok {
			return nil
		}
		if closed {
			return fmt.Errorf("discordtest: server closed")
		}
		select {
		case <-ch:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}

func (s *Server) logf(msg string, args ...any) {
	s.cfg.logger.Info(msg, args...)
}

package bot

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"maps"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/gorilla/websocket"
)

// Responder sends interaction responses. The bot talks to Discord through
// it only, so that handlers can be tested with a recorder.
type Responder interface {
	// Respond sends the first response to an interaction.
	Respond(ctx context.Context, i *discordgo.Interaction, r *discordgo.InteractionResponse) error
	// EditOriginal replaces the first response, after a deferral.
	EditOriginal(ctx context.Context, i *discordgo.Interaction, e *discordgo.WebhookEdit, files []*discordgo.File) error
}

// SessionResponder answers through a discordgo session.
type SessionResponder struct{ S *discordgo.Session }

// Respond implements Responder.
func (r SessionResponder) Respond(ctx context.Context, i *discordgo.Interaction, resp *discordgo.InteractionResponse) error {
	if resp.Type == discordgo.InteractionApplicationCommandAutocompleteResult && (resp.Data == nil || len(resp.Data.Choices) == 0) {
		// discordgo drops an empty choices list (omitempty), and Discord
		// requires the field: the user would see "Loading options failed"
		// instead of "No options match your search".
		body := noChoices{Type: resp.Type}
		body.Data.Choices = []*discordgo.ApplicationCommandOptionChoice{}
		endpoint := discordgo.EndpointInteractionResponse(i.ID, i.Token)
		return retryServerError(ctx, func() error {
			_, err := r.S.RequestWithBucketID(http.MethodPost, endpoint, body, endpoint, discordgo.WithContext(ctx))
			return err
		})
	}
	return retryServerError(ctx, func() error { return r.S.InteractionRespond(i, resp, discordgo.WithContext(ctx)) })
}

// retryServerError retries a request once when Discord answers 500, 503 or
// 504, which discordgo v0.29 does not (it retries 502 only). Retrying a
// callback is safe: if the first one did land, the second is refused as
// already acknowledged.
func retryServerError(ctx context.Context, do func() error) error {
	err := do()
	var rest *discordgo.RESTError
	if !errors.As(err, &rest) || rest.Response == nil {
		return err
	}
	switch rest.Response.StatusCode {
	case http.StatusInternalServerError, http.StatusServiceUnavailable, http.StatusGatewayTimeout:
	default:
		return err
	}
	select {
	case <-time.After(250 * time.Millisecond):
	case <-ctx.Done():
		return err
	}
	return do()
}

// noChoices is an autocomplete result with an explicit empty list:
// "data":{"choices":[]}.
type noChoices struct {
	Type discordgo.InteractionResponseType `json:"type"`
	Data struct {
		Choices []*discordgo.ApplicationCommandOptionChoice `json:"choices"`
	} `json:"data"`
}

// EditOriginal implements Responder. discordgo puts every webhook-message
// edit of every interaction in one rate-limit bucket and holds it for the
// whole request, which serializes the edits of concurrent users; a bucket
// per interaction token keeps them independent.
func (r SessionResponder) EditOriginal(ctx context.Context, i *discordgo.Interaction, e *discordgo.WebhookEdit, files []*discordgo.File) error {
	endpoint := discordgo.EndpointWebhookMessage(i.AppID, i.Token, "@original")
	bucket := "edit:" + i.Token
	if len(files) == 0 {
		_, err := r.S.RequestWithBucketID(http.MethodPatch, endpoint, e, bucket, discordgo.WithContext(ctx))
		return err
	}
	contentType, body, err := discordgo.MultipartBodyWithJSON(e, files)
	if err != nil {
		return fmt.Errorf("encode files: %w", err)
	}
	_, err = r.S.RequestRaw(http.MethodPatch, endpoint, contentType, body, bucket, 0, discordgo.WithContext(ctx))
	return err
}

// SessionOptions are what Run needs to connect.
type SessionOptions struct {
	Token   string // the bot token, without "Bot "
	GuildID string // register the commands for this server only (instant, for testing); "" registers them globally
	// APIBase replaces https://discord.com in every REST call, the gateway
	// lookup included: for REST proxies and for a local fake Discord.
	APIBase *url.URL
	// OpenTimeout bounds the gateway handshake; 0 means 30 s. discordgo
	// can hang in Open (bwmarrin/discordgo#513); Run then gives up so that
	// the process can be restarted.
	OpenTimeout time.Duration
	// StallTimeout is how long the gateway may go without a heartbeat
	// acknowledgement before Run gives up; 0 means 5 minutes.
	StallTimeout time.Duration
	// ShutdownTimeout bounds the wait for replies in flight; 0 means 15 s.
	ShutdownTimeout time.Duration

	// ShardCount is the number of shards the bot's servers are split
	// into, over all its processes; 0 means 1 (no sharding).
	ShardCount int
	// Shards are the shard ids this process runs; nil runs them all.
	Shards []int
	// MaxConcurrency is how many shards may identify per IdentifyInterval
	// (Discord's max_concurrency); 0 means 1.
	MaxConcurrency int
	// IdentifyInterval is Discord's identify window; 0 means 5 s. Tests
	// shorten it.
	IdentifyInterval time.Duration
}

// ErrStalled is returned by Run when the Discord connection stopped working
// and could not recover: the process should exit and be restarted.
var ErrStalled = errors.New("discord connection stalled")

// ErrTokenRejected is returned by Run when Discord refuses the bot token
// (HTTP 401, or gateway close code 4004): restarting cannot help, only a
// new token can, so the process should exit with a status that tells its
// supervisor not to restart it.
var ErrTokenRejected = errors.New("discord rejected the token")

// tokenRejected reports whether err is Discord refusing the token.
func tokenRejected(err error) bool {
	var rest *discordgo.RESTError
	if errors.As(err, &rest) && rest.Response != nil && rest.Response.StatusCode == http.StatusUnauthorized {
		return true
	}
	var closed *websocket.CloseError
	return errors.As(err, &closed) && closed.Code == 4004 // Authentication failed
}

// Run connects the shards of opts to Discord, one discordgo session each,
// registers the commands when it runs shard 0, and answers interactions
// until ctx is done; it then lets replies in flight finish and disconnects.
// A shard that loses its connection reconnects on its own while the others
// go on answering; one that stalls beyond repair ends Run (ErrStalled), so
// that the process is restarted.
func (b *Bot) Run(ctx context.Context, opts SessionOptions) error {
	if opts.OpenTimeout <= 0 {
		opts.OpenTimeout = 30 * time.Second
	}
	if opts.StallTimeout <= 0 {
		opts.StallTimeout = 5 * time.Minute
	}
	if opts.ShutdownTimeout <= 0 {
		opts.ShutdownTimeout = 15 * time.Second
	}
	if opts.IdentifyInterval <= 0 {
		opts.IdentifyInterval = 5 * time.Second
	}
	count := max(opts.ShardCount, 1)
	shards := opts.Shards
	if len(shards) == 0 {
		shards = make([]int, count)
		for i := range shards {
			shards[i] = i
		}
	}
	for _, id := range shards {
		if id < 0 || id >= count {
			return fmt.Errorf("shard %d is not below the shard count %d", id, count)
		}
		b.shardStates.set(id, false)
	}
	defer discordLogs.add(b.log, opts.Token)()

	sessions := map[int]*discordgo.Session{}
	defer func() {
		var closing sync.WaitGroup
		for _, s := range sessions {
			closing.Go(func() { closeSession(s, opts.ShutdownTimeout) })
		}
		closing.Wait()
	}()
	for i, round := range identifyRounds(shards, opts.MaxConcurrency) {
		if i > 0 {
			// Discord lets max_concurrency shards identify per 5 s.
			select {
			case <-time.After(opts.IdentifyInterval):
			case <-ctx.Done():
				return nil
			}
		}
		for _, id := range round {
			s, err := b.openShard(opts, id, count)
			if err != nil {
				return err
			}
			sessions[id] = s
		}
	}

	if s := sessions[0]; s != nil {
		appID := ""
		if s.State != nil && s.State.Application != nil {
			appID = s.State.Application.ID
		}
		if appID == "" && s.State != nil && s.State.User != nil {
			appID = s.State.User.ID
		}
		if appID == "" {
			return errors.New("discord sent no application id on connecting")
		}
		if err := b.register(ctx, s, appID, opts.GuildID); err != nil {
			return err
		}
	} else {
		b.log.Info("not registering the commands: the process that runs shard 0 does", "shards", shards)
	}

	// The first shard to stall ends the watch of all.
	watchCtx, stop := context.WithCancel(ctx)
	defer stop()
	stalled := make(chan error, len(sessions))
	var watching sync.WaitGroup
	for _, s := range sessions {
		watching.Go(func() {
			if err := b.watch(watchCtx, s, opts.StallTimeout); err != nil {
				stalled <- fmt.Errorf("shard %d: %w", s.ShardID, err)
				stop()
			}
		})
	}
	watching.Wait()
	close(stalled)
	err := <-stalled
	b.shutdown(opts.ShutdownTimeout)
	return err
}

// identifyRounds orders the shards' first connections as Discord allows:
// shard s is in rate-limit bucket s % maxConcurrency, and each bucket may
// identify once per 5 s, so round r holds the r-th shard of every bucket.
func identifyRounds(shards []int, maxConcurrency int) [][]int {
	maxConcurrency = max(maxConcurrency, 1)
	buckets := map[int][]int{}
	for _, id := range slices.Sorted(slices.Values(shards)) {
		buckets[id%maxConcurrency] = append(buckets[id%maxConcurrency], id)
	}
	var rounds [][]int
	for r := 0; ; r++ {
		var round []int
		for _, b := range slices.Sorted(maps.Keys(buckets)) {
			if r < len(buckets[b]) {
				round = append(round, buckets[b][r])
			}
		}
		if round == nil {
			return rounds
		}
		slices.Sort(round)
		rounds = append(rounds, round)
	}
}

// openShard connects one shard to the gateway, with the bot's handlers.
func (b *Bot) openShard(opts SessionOptions, shard, count int) (*discordgo.Session, error) {
	s, err := discordgo.New("Bot " + opts.Token)
	if err != nil {
		return nil, fmt.Errorf("create session: %w", err)
	}
	s.Client = &http.Client{Timeout: 20 * time.Second, Transport: rewriteTransport{base: opts.APIBase, next: http.DefaultTransport}}
	s.StateEnabled = false                     // interactions carry all the bot needs
	s.Identify.Intents = discordgo.IntentsNone // interactions need no intent
	if b.feedback != nil {
		// GUILD_DELETE, when the bot is removed from a server, whose
		// feedback records then go (see guildRemoved).
		s.Identify.Intents = discordgo.IntentsGuilds
		s.AddHandler(func(s *discordgo.Session, g *discordgo.GuildDelete) {
			if g.Guild != nil {
				b.guildRemoved(g.ID, g.Unavailable)
			}
		})
	}
	s.LogLevel = discordgo.LogWarning
	s.ShardID, s.ShardCount = shard, count
	s.AddHandler(func(s *discordgo.Session, ic *discordgo.InteractionCreate) {
		b.Handle(SessionResponder{S: s}, ic.Interaction)
	})
	var connects atomic.Int64
	s.AddHandler(func(s *discordgo.Session, _ *discordgo.Connect) {
		b.shardStates.set(shard, true)
		if connects.Add(1) > 1 {
			b.metrics.GatewayReconnect(shard)
		}
		b.log.Info("connected to the Discord gateway", "shard", shard)
	})
	s.AddHandler(func(s *discordgo.Session, _ *discordgo.Resumed) { b.metrics.GatewayResume(shard) })
	s.AddHandler(func(s *discordgo.Session, _ *discordgo.RateLimit) { b.metrics.RESTRateLimited(shard) })
	s.AddHandler(func(s *discordgo.Session, _ *discordgo.Disconnect) {
		b.shardStates.set(shard, false)
		b.gate.RLock()
		closing := b.closing
		b.gate.RUnlock()
		if !closing {
			b.log.Warn("disconnected from the Discord gateway; discordgo reconnects", "shard", shard)
		}
	})
	if err := openWithTimeout(s, opts.OpenTimeout); err != nil {
		if tokenRejected(err) {
			// Discord's answer is logged at debug level: it names no token.
			b.log.Debug("Discord refused the token", "err", err)
			return nil, ErrTokenRejected
		}
		return nil, fmt.Errorf("shard %d: %w", shard, err)
	}
	return s, nil
}

// GatewayInfo is what Discord tells a bot about connecting to its gateway
// (GET /gateway/bot).
type GatewayInfo struct {
	Shards         int           // the shard count Discord recommends
	MaxConcurrency int           // shards that may identify per 5 s
	Remaining      int           // gateway sessions the bot may still start
	ResetAfter     time.Duration // until Remaining is reset
}

// LookupGateway asks Discord for the recommended shard count and the
// limits on starting sessions.
func LookupGateway(ctx context.Context, opts SessionOptions) (GatewayInfo, error) {
	s, err := discordgo.New("Bot " + opts.Token)
	if err != nil {
		return GatewayInfo{}, fmt.Errorf("create session: %w", err)
	}
	s.Client = &http.Client{Timeout: 20 * time.Second, Transport: rewriteTransport{base: opts.APIBase, next: http.DefaultTransport}}
	g, err := s.GatewayBot(discordgo.WithContext(ctx))
	if err != nil {
		if tokenRejected(err) {
			return GatewayInfo{}, ErrTokenRejected
		}
		return GatewayInfo{}, fmt.Errorf("connect to the Discord gateway: GET /gateway/bot: %w", err)
	}
	l := g.SessionStartLimit
	return GatewayInfo{
		Shards: max(g.Shards, 1), MaxConcurrency: max(l.MaxConcurrency, 1),
		Remaining: l.Remaining, ResetAfter: time.Duration(l.ResetAfter) * time.Millisecond,
	}, nil
}

// ShardOf is the shard that Discord sends a server's events to, of count:
// (guild_id >> 22) % count. Outside servers (guild "") it is shard 0.
func ShardOf(guild string, count int) int {
	id, err := strconv.ParseUint(guild, 10, 64)
	if err != nil || count < 1 {
		return 0
	}
	return int((id >> 22) % uint64(count))
}

// register registers the bot's commands for the application, in one
// server or globally. It replaces what was registered before, so that
// doing it again, as every start does, changes nothing.
func (b *Bot) register(ctx context.Context, s *discordgo.Session, appID, guildID string) error {
	cmds, err := s.ApplicationCommandBulkOverwrite(appID, guildID, Commands(), discordgo.WithContext(ctx))
	if err != nil && ctx.Err() != nil {
		return nil // stopped while registering: the caller sees ctx done
	}
	if err != nil {
		if tokenRejected(err) {
			return ErrTokenRejected
		}
		return fmt.Errorf("register commands: %w", err)
	}
	where := "globally (may take up to an hour to appear)"
	if guildID != "" {
		where = "for server " + guildID
	}
	b.log.Info("registered commands", "count", len(cmds), "where", where)
	return nil
}

// openWithTimeout opens the gateway connection, giving up when the
// handshake hangs.
func openWithTimeout(s *discordgo.Session, timeout time.Duration) error {
	done := make(chan error, 1)
	go func() { done <- s.Open() }()
	select {
	case err := <-done:
		if err != nil {
			return fmt.Errorf("connect to the Discord gateway: %w", err)
		}
		return nil
	case <-time.After(timeout):
		return fmt.Errorf("connect to the Discord gateway: no answer within %v: %w", timeout, ErrStalled)
	}
}

// watch waits for ctx, checking that the gateway keeps acknowledging
// heartbeats: a session that discordgo cannot recover stays silent. It
// never waits for the session's lock, which discordgo holds for as long as
// a reconnection's handshake hangs: a lock held too long is a stall too.
func (b *Bot) watch(ctx context.Context, s *discordgo.Session, stall time.Duration) error {
	tick := time.NewTicker(min(stall/4, 30*time.Second))
	defer tick.Stop()
	var lockedSince time.Time
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-tick.C:
			if !s.TryRLock() {
				if lockedSince.IsZero() {
					lockedSince = time.Now()
				} else if d := time.Since(lockedSince); d > stall {
					return fmt.Errorf("reconnecting for %v without an answer: %w", d.Round(time.Second), ErrStalled)
				}
				continue
			}
			last := s.LastHeartbeatAck
			s.RUnlock()
			lockedSince = time.Time{}
			if !last.IsZero() && time.Since(last) > stall {
				return fmt.Errorf("no heartbeat acknowledged for %v: %w", time.Since(last).Round(time.Second), ErrStalled)
			}
		}
	}
}

// closeSession disconnects, unless discordgo is stuck holding the
// session's lock, in which case the process is about to exit anyway.
func closeSession(s *discordgo.Session, timeout time.Duration) {
	done := make(chan struct{})
	go func() {
		s.Close()
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(timeout):
	}
}

// shutdown stops taking new interactions and waits for the replies in
// flight.
func (b *Bot) shutdown(timeout time.Duration) {
	b.gate.Lock()
	b.closing = true
	b.gate.Unlock()
	done := make(chan struct{})
	go func() { b.inflight.Wait(); close(done) }()
	select {
	case <-done:
		b.log.Info("replies in flight finished")
	case <-time.After(timeout):
		b.log.Warn("gave up waiting for replies in flight", "after", timeout)
	}
}

// rewriteTransport sends every request to the configured API base.
type rewriteTransport struct {
	base *url.URL
	next http.RoundTripper
}

func (t rewriteTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	if t.base == nil {
		return t.next.RoundTrip(r)
	}
	r2 := r.Clone(r.Context())
	r2.URL.Scheme, r2.URL.Host, r2.Host = t.base.Scheme, t.base.Host, ""
	return t.next.RoundTrip(r2)
}

// discordgo logs through a package variable that all its sessions share,
// and reads it from their goroutines: it is set once per process, to
// discordLogs, which sends each line to the running bots' logs (one, but for
// tests) with every bot's token taken out.
var (
	discordLogs      discordLog
	setDiscordLogger sync.Once
)

// discordLog sends discordgo's log lines to slog, without tokens.
type discordLog struct {
	mu   sync.Mutex
	bots []discordLogBot
}

type discordLogBot struct {
	log   *slog.Logger
	token string
}

// add sends discordgo's lines to log as well, redacting token, until the
// returned function is called.
func (d *discordLog) add(log *slog.Logger, token string) (remove func()) {
	setDiscordLogger.Do(func() { discordgo.Logger = d.write })
	bot := discordLogBot{log, token}
	d.mu.Lock()
	d.bots = append(d.bots, bot)
	d.mu.Unlock()
	return func() {
		d.mu.Lock()
		defer d.mu.Unlock()
		if i := slices.Index(d.bots, bot); i >= 0 {
			d.bots = slices.Delete(d.bots, i, i+1)
		}
	}
}

// write is discordgo's Logger.
func (d *discordLog) write(msgL, caller int, format string, a ...any) {
	msg := fmt.Sprintf(format, a...)
	d.mu.Lock()
	bots := slices.Clone(d.bots)
	d.mu.Unlock()
	for _, b := range bots {
		if b.token != "" {
			msg = strings.ReplaceAll(msg, b.token, "[token]")
		}
	}
	for _, b := range bots {
		switch msgL {
		case discordgo.LogError:
			b.log.Error("discordgo: " + msg)
		case discordgo.LogWarning:
			b.log.Warn("discordgo: " + msg)
		case discordgo.LogInformational:
			b.log.Info("discordgo: " + msg)
		default:
			b.log.Debug("discordgo: " + msg)
		}
	}
}

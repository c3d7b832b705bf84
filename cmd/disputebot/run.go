package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"net"
	"sync"
	"time"

	"github.com/disputebot/disputebot/app"
	"github.com/disputebot/disputebot/bot"
	"github.com/disputebot/disputebot/metrics"
)

// cmdRun starts the Discord bot and runs until interrupted.
func cmdRun(ctx context.Context, m *Main, args []string) error {
	flags := newFlagSet("run", m.stderr)
	flags.Usage = func() {
		fmt.Fprintln(m.stderr, "usage: disputebot run\n\nSettings come from the environment and .env; see .env.example.")
	}
	if err := flags.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return usagef("%v", err)
	}
	if flags.NArg() > 0 {
		return usagef("run takes no arguments")
	}
	if err := m.configure(); err != nil {
		return err
	}
	cfg := m.config
	if cfg.DiscordToken == "" {
		return settingError(m.env, "DISCORD_TOKEN", "is required to run the bot: set it in .env or the environment "+
			"to the token from the Bot page of your application (see README, \"Running the bot\")")
	}
	svc, err := m.open(ctx, app.Serve, "")
	if err != nil {
		return err
	}
	opts := bot.SessionOptions{Token: cfg.DiscordToken, GuildID: cfg.GuildID, APIBase: cfg.APIBase}
	if cfg.InteractionsAddr == "" {
		if err := m.planShards(ctx, &opts); err != nil {
			return err
		}
		if m.ownsGuild != nil {
			if err := svc.Partition(ctx, m.ownsGuild); err != nil {
				return err
			}
		}
	}
	m.log.Info("starting", "config", cfg, "articles", len(svc.All()))
	// The watcher stops, and its last refresh ends, before the service
	// closes.
	watchCtx, stopWatch := context.WithCancel(ctx)
	var watching sync.WaitGroup
	watching.Go(func() { svc.Watch(watchCtx, refreshEvery) })
	defer watching.Wait()
	defer stopWatch()

	bcfg := bot.Config{
		Searcher: svc, Library: svc, Curator: svc, Logger: m.log, Now: feedbackClock,
		RateLimit: cfg.RateLimit, RateWindow: cfg.RateWindow, ModeratorRoles: cfg.ModeratorRoles,
	}
	if cfg.Feedback {
		// Opened after the service, which made this process the owner
		// of DATA_DIR; expired records go now and then daily.
		fb, err := m.openFeedback("")
		if err != nil {
			return err
		}
		defer fb.Close()
		var expiring sync.WaitGroup
		defer expiring.Wait()
		expireCtx, stopExpire := context.WithCancel(ctx)
		defer stopExpire()
		expiring.Go(func() { fb.Expire(expireCtx, expireEvery) })
		bcfg.Feedback = fb
	}
	if cfg.InteractionsAddr != "" {
		// Replicas behind a load balancer each have their own DATA_DIR: a
		// change made through one would reach only that one, so the
		// corpus is changed on the command line of each (see README).
		bcfg.Curator = nil
	}
	var mx *metrics.Metrics
	if cfg.MetricsAddr != "" {
		mx = metrics.New(corpusMetrics(svc))
		bcfg.Metrics = mx
	}
	b := bot.New(bcfg)
	var endpoint net.Listener
	if cfg.InteractionsAddr != "" {
		// Listening first makes an address in use stop start-up.
		if endpoint, err = net.Listen("tcp", cfg.InteractionsAddr); err != nil {
			return fmt.Errorf("serve interactions: %w", err)
		}
	}
	if mx != nil {
		health := []metrics.Health{indexHealth(svc)}
		if endpoint == nil {
			health = append([]metrics.Health{gatewayHealth(b)}, health...)
		}
		stop, err := m.serveHTTP("/healthz and /metrics", cfg.MetricsAddr, mx.Handler(health...))
		if err != nil {
			if endpoint != nil {
				endpoint.Close()
			}
			return err
		}
		defer stop()
	}
	if endpoint != nil {
		err = b.ServeEndpoint(ctx, endpoint, cfg.PublicKey, opts)
	} else {
		err = b.Run(ctx, opts)
	}
	if errors.Is(err, bot.ErrTokenRejected) {
		// Restarting cannot help: exitConfig tells the supervisor so.
		return &configError{msgTokenRejected}
	}
	if err != nil {
		return err
	}
	m.log.Info("stopped")
	return nil
}

// planShards settles which shards this process runs, of how many, asking
// Discord for its recommendation and limits (GET /gateway/bot); the
// service then holds only those shards' servers.
func (m *Main) planShards(ctx context.Context, opts *bot.SessionOptions) error {
	cfg := m.config
	info, err := bot.LookupGateway(ctx, *opts)
	if errors.Is(err, bot.ErrTokenRejected) {
		return &configError{msgTokenRejected}
	}
	if err != nil {
		return err
	}
	count := cfg.ShardCount
	if count == 0 {
		count = info.Shards
	}
	shards := cfg.Shards
	if len(shards) > 0 && shards[len(shards)-1] >= count {
		return settingError(m.env, "SHARDS", "names shard %d, but Discord recommends %d shards (numbered from 0): set SHARD_COUNT, "+
			"the same in every process", shards[len(shards)-1], count)
	}
	n := len(shards)
	if n == 0 {
		n = count
	}
	if info.Remaining < n {
		return fmt.Errorf("discord allows %d more gateway sessions until %v from now, and this process needs %d: "+
			"wait, or restart the bot less often", info.Remaining, info.ResetAfter.Round(time.Minute), n)
	}
	opts.ShardCount, opts.Shards, opts.MaxConcurrency = count, shards, info.MaxConcurrency
	if count > 1 && len(shards) > 0 {
		owned := map[int]bool{}
		for _, id := range shards {
			owned[id] = true
		}
		m.ownsGuild = func(guild string) bool { return owned[bot.ShardOf(guild, count)] }
	}
	m.log.Info("planned shards", "shard_count", count, "shards", shards, "max_concurrency", info.MaxConcurrency)
	return nil
}

// msgTokenRejected is what the operator reads when Discord refuses the token.
const msgTokenRejected = "Discord rejected the token: reset it on the Bot page of your application"

// refreshEvery is how often the running bot looks for corpus changes made
// on the command line and for an index rebuilt beside its own.
const refreshEvery = 5 * time.Second

package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"time"

	"github.com/disputebot/disputebot/bot"
	"github.com/disputebot/disputebot/knowledge"
)

// cmdRun starts the Discord bot and runs until interrupted.
func cmdRun(ctx context.Context, args []string, env Env, stdout, stderr io.Writer) error {
	fs := newFlagSet("run", stderr)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: disputebot run\n\nSettings come from the environment and .env; see .env.example.")
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return usagef("%v", err)
	}
	if fs.NArg() > 0 {
		return usagef("run takes no arguments")
	}
	cfg, err := loadConfig(env)
	if err != nil {
		return err
	}
	if cfg.DiscordToken == "" {
		return settingError(env, "DISCORD_TOKEN", "is required to run the bot: set it in .env or the environment "+
			"to the token from the Bot page of your application (see README, \"Running the bot\")")
	}
	log := newLogger(stderr, cfg.LogLevel)
	eng, err := openEngine(ctx, cfg, log)
	if err != nil {
		return err
	}
	defer eng.Close()
	log.Info("starting", "config", cfg, "articles", len(eng.store.All()))
	watchCtx, stopWatch := context.WithCancel(ctx)
	defer stopWatch()
	go eng.watch(watchCtx, refreshEvery)

	b := bot.New(bot.Config{
		Searcher: eng.index, Library: eng, Curator: eng, Logger: log,
		RateLimit: cfg.RateLimit, RateWindow: cfg.RateWindow, ModeratorRoles: cfg.ModeratorRoles,
	})
	err = b.Run(ctx, bot.SessionOptions{Token: cfg.DiscordToken, GuildID: cfg.GuildID, APIBase: cfg.APIBase})
	if errors.Is(err, bot.ErrTokenRejected) {
		// Restarting cannot help: exitConfig tells the supervisor so.
		return &configError{msgTokenRejected}
	}
	if err != nil {
		return err
	}
	log.Info("stopped")
	return nil
}

// msgTokenRejected is what the operator reads when Discord refuses the token.
const msgTokenRejected = "Discord rejected the token: reset it on the Bot page of your application"

// refreshEvery is how often the running bot looks for corpus changes made
// on the command line and for an index rebuilt beside its own.
const refreshEvery = 5 * time.Second

// library serves the articles of the corpus to the bot, each server seeing
// the global ones and its own.
type library []*knowledge.Article

// Articles implements bot.Library.
func (l library) Articles(guild string) []*knowledge.Article {
	out := make([]*knowledge.Article, 0, len(l))
	for _, a := range l {
		if a.IsGlobal() || (guild != "" && a.Scope == guild) {
			out = append(out, a)
		}
	}
	return out
}

package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"time"

	"github.com/disputebot/disputebot/bot"
	"github.com/disputebot/disputebot/knowledge"
)

// cmdRun starts the Discord bot and runs until interrupted.
func cmdRun(ctx context.Context, args []string, env Env, stdout, stderr io.Writer) error {
	flags := newFlagSet("run", stderr)
	flags.Usage = func() {
		fmt.Fprintln(stderr, "usage: disputebot run\n\nSettings come from the environment and .env; see .env.example.")
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
	cfg, err := loadConfig(env)
	if err != nil {
		return err
	}
	if cfg.DiscordToken == "" {
		return settingError(env, "DISCORD_TOKEN", "is required to run the bot: set it in .env or the environment "+
			"to the token from the Bot page of your application (see README, \"Running the bot\")")
	}
	log := newLogger(stderr, cfg.LogLevel)
	lock, err := lockForRun(cfg.DataDir)
	if err != nil {
		return err
	}
	eng, err := openEngine(ctx, cfg, log)
	if err != nil {
		lock.Unlock()
		if errors.Is(err, fs.ErrPermission) {
			// Restarting cannot help: someone has to give the files back.
			return &configError{err.Error()}
		}
		return err
	}
	eng.lock = lock
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

// runLockWait is how long run waits for DATA_DIR while a command (not
// another bot) holds it.
const runLockWait = 30 * time.Second

// lockForRun takes DATA_DIR for the bot, as its owner. Another bot holding
// it is refused at once; a command holding it is waited for.
func lockForRun(dir string) (*dirLock, error) {
	if err := checkDataDir(dir); err != nil {
		return nil, err
	}
	if err := actAsOwner(dir, "run"); err != nil {
		var no *notOwnerError
		if errors.As(err, &no) {
			return nil, &configError{err.Error()}
		}
		return nil, err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, permissionError(fmt.Errorf("create DATA_DIR: %w", err), dir)
	}
	lock, err := lockDataDir(dir, "disputebot run", 0)
	if errors.Is(err, errBusy) && !holdsRun(err) {
		lock, err = lockDataDir(dir, "disputebot run", runLockWait)
	}
	if errors.Is(err, errBusy) {
		return nil, fmt.Errorf("another disputebot is using DATA_DIR %s: %w; two bots on one DATA_DIR would "+
			"answer from indexes that drift apart, so stop the other one first", dir, err)
	}
	return lock, err
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
func (l library) Articles(guild string) []*knowledge.Article { return knowledge.Visible(l, guild) }

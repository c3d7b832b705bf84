// Command disputebot answers questions about the Japan–South Korea dispute
// with sourced excerpts from a corpus of news articles and background notes,
// on Discord (disputebot run) and on the command line.
//
// Usage:
//
//	disputebot ask [--json] [--topic T] [--limit N] QUESTION
//	disputebot eval FILE
//	disputebot timeline [--json] [--png FILE] [--topic T] [--from DATE] [--to DATE]
//	disputebot run
//	disputebot corpus add|list|remove|check|export|import ...
//	disputebot index rebuild
//	disputebot feedback [export|purge] [--guild ID] [--since DATE] [--json]
//	disputebot version
//	disputebot healthcheck
//	disputebot backup FILE
//	disputebot restore FILE
//
// Settings come from the environment and from a .env file in the working
// directory; see .env.example.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"runtime/debug"
	"strings"
	"syscall"

	"github.com/disputebot/disputebot/app"
	"github.com/disputebot/disputebot/index"
	"github.com/disputebot/disputebot/knowledge"
)

// Exit codes, which a supervisor acts on (see README, "Exit codes"): it
// restarts the bot after exitError, and not after exitConfig, which only a
// person can fix.
const (
	exitOK     = 0
	exitError  = 1  // something failed that may work next time: the network, Discord, a busy DATA_DIR
	exitUsage  = 2  // the command line or the input was wrong
	exitConfig = 78 // EX_CONFIG of sysexits.h: a setting is wrong, or Discord rejected the token
)

func main() {
	if _, set := os.LookupEnv("GOGC"); !set {
		debug.SetGCPercent(index.GCPercent)
	}
	// .env never overrides what the environment already sets.
	dot, err := readDotEnv(".env")
	if err != nil {
		fmt.Fprintln(os.Stderr, "disputebot:", err)
		os.Exit(exitConfig)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := Run(ctx, os.Args[1:], dot.Env(os.LookupEnv), os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// Env looks up settings; tests pass a map instead of the environment.
type Env func(key string) string

// whereKey prefixes a setting's name to ask an Env where the setting comes
// from (".env line 4", "environment"), for error messages; no real
// setting's name starts with a NUL byte. An Env that does not know answers "".
const whereKey = "\x00where:"

// where tells where the setting key was set, or "".
func (e Env) where(key string) string { return e(whereKey + key) }

// usageError is a mistake in the command line: it exits with exitUsage.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error { return &usageError{fmt.Sprintf(format, args...)} }

const usage = `disputebot answers questions about the Japan–South Korea dispute with sourced excerpts.

Usage:
  disputebot ask [--json] [--topic T] [--limit N] [--from DATE] [--to DATE] [--after QUESTION] QUESTION
  disputebot eval [--json] FILE
  disputebot timeline [--topic T] [--from DATE] [--to DATE] [--json] [--png FILE]
  disputebot run                  start the Discord bot (needs DISCORD_TOKEN)
  disputebot corpus add|list|remove|check|export|import ...   manage the corpus (see 'disputebot corpus')
  disputebot index rebuild        rebuild the search index from the corpus
  disputebot feedback [export|purge] [--guild ID] ...   what members asked (see 'disputebot feedback -h')
  disputebot version              the module version and VCS revision of this binary
  disputebot healthcheck          exit 0 if the running bot's /healthz (METRICS_ADDR) says healthy
  disputebot backup FILE          a consistent archive of the corpus added and the audit log, while the bot runs
  disputebot restore FILE         unpack a backup into an empty DATA_DIR and rebuild the index
  disputebot help

Settings are read from the environment and .env (see .env.example).
`

// command is one subcommand of disputebot: it reads its arguments, opens
// what it needs through m, and does its work.
type command func(ctx context.Context, m *Main, args []string) error

// Run runs one command and returns the process exit code.
func Run(ctx context.Context, args []string, env Env, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitUsage
	}
	commands := map[string]command{
		"ask": cmdAsk, "eval": cmdEval, "feedback": cmdFeedback, "timeline": cmdTimeline, "run": cmdRun, "corpus": cmdCorpus, "index": cmdIndex,
		"version": cmdVersion, "healthcheck": cmdHealthcheck, "backup": cmdBackup, "restore": cmdRestore,
	}
	switch args[0] {
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return exitOK
	}
	cmd, ok := commands[args[0]]
	if !ok {
		return exitCode(usagef("unknown command %q; run 'disputebot help'", args[0]), stderr)
	}
	m := &Main{env: env, stdout: stdout, stderr: stderr}
	err := cmd(ctx, m, args[1:])
	m.Close()
	return exitCode(err, stderr)
}

// Main is one run of disputebot on the command line, as wtf's Main is of
// its server: it reads the configuration and makes the logger once, opens
// the service of DATA_DIR once, the way the command needs it, and closes
// it when the command is done. Commands are functions over it.
type Main struct {
	env            Env
	stdout, stderr io.Writer

	config     Config
	log        *slog.Logger
	configured bool
	service    *app.Service
	// ownsGuild is the partition of the servers a sharded run serves
	// (see planShards and app.Service.Partition); nil serves all.
	ownsGuild func(guild string) bool
}

// configure reads and checks the settings and makes the logger, once.
func (m *Main) configure() error {
	if m.configured {
		return nil
	}
	cfg, err := loadConfig(m.env)
	if err != nil {
		return err
	}
	m.config, m.log, m.configured = cfg, newLogger(m.stderr, cfg.LogFormat, cfg.LogLevel), true
	return nil
}

// open opens the service of DATA_DIR for access (see app.Access); command
// names the command in messages ("corpus add"), "" for the access's own.
func (m *Main) open(ctx context.Context, access app.Access, command string) (*app.Service, error) {
	if m.service != nil {
		return nil, errors.New("the service is already open")
	}
	if err := m.configure(); err != nil {
		return nil, err
	}
	svc, err := app.Open(ctx, app.Options{
		DataDir: m.config.DataDir, Access: access, Logger: m.log, Command: command,
		AllowPrivateFetch: m.config.AllowPrivateFetch,
		TuneGC:            true, // this process is ours
	})
	if err != nil {
		return nil, err
	}
	m.service = svc
	return svc, nil
}

// Close closes the service, if open.
func (m *Main) Close() error {
	if m.service == nil {
		return nil
	}
	err := m.service.Close()
	m.service = nil
	return err
}

// exitCode is the one place where an error becomes what the operator
// reads and the exit code a supervisor acts on (see exitOK and the
// others): the message goes to stderr, unless the command already said
// it (errFailed).
func exitCode(err error, stderr io.Writer) int {
	var ue *usageError
	var ce *configError
	var se *app.SetupError
	var ke *knowledge.Error
	switch {
	case err == nil, errors.Is(err, flag.ErrHelp):
		return exitOK
	case errors.Is(err, errFailed):
		return exitError // already reported
	case errors.As(err, &ue):
		fmt.Fprintln(stderr, "disputebot:", err)
		return exitUsage
	case errors.As(err, &ce), errors.As(err, &se):
		fmt.Fprintln(stderr, "disputebot:", err)
		return exitConfig
	case errors.As(err, &ke) && ke.Code != knowledge.EINTERNAL:
		// A refusal of the operator's input: a bad file or link, a
		// duplicate, an id that is not there. It is told in its own
		// words, with what wraps it, but not the cause behind it, which
		// is for logs (a network error behind "I couldn't fetch that
		// page").
		fmt.Fprintln(stderr, "disputebot:", strings.Replace(err.Error(), ke.Error(), ke.Message, 1))
		return exitUsage
	}
	fmt.Fprintln(stderr, "disputebot:", err)
	return exitError
}

// errFailed is returned by commands that already printed why they failed.
var errFailed = errors.New("failed")

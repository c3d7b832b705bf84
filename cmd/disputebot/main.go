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
	"os"
	"os/signal"
	"syscall"
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
  disputebot ask [--json] [--topic T] [--limit N] [--from DATE] [--to DATE] QUESTION
  disputebot eval [--json] FILE
  disputebot timeline [--topic T] [--from DATE] [--to DATE] [--json] [--png FILE]
  disputebot run                  start the Discord bot (needs DISCORD_TOKEN)
  disputebot corpus add|list|remove|check|export|import ...   manage the corpus (see 'disputebot corpus')
  disputebot index rebuild        rebuild the search index from the corpus
  disputebot help

Settings are read from the environment and .env (see .env.example).
`

// Run runs one command and returns the process exit code.
func Run(ctx context.Context, args []string, env Env, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitUsage
	}
	var err error
	switch args[0] {
	case "ask":
		err = cmdAsk(ctx, args[1:], env, stdout, stderr)
	case "eval":
		err = cmdEval(ctx, args[1:], env, stdout, stderr)
	case "timeline":
		err = cmdTimeline(ctx, args[1:], env, stdout, stderr)
	case "run":
		err = cmdRun(ctx, args[1:], env, stdout, stderr)
	case "corpus":
		err = cmdCorpus(ctx, args[1:], env, stdout, stderr)
	case "index":
		err = cmdIndex(ctx, args[1:], env, stdout, stderr)
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return exitOK
	default:
		err = usagef("unknown command %q; run 'disputebot help'", args[0])
	}
	var ue *usageError
	var ce *configError
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, flag.ErrHelp):
		return exitOK
	case errors.As(err, &ue):
		fmt.Fprintln(stderr, "disputebot:", err)
		return exitUsage
	case errors.As(err, &ce), errors.As(err, new(*notOwnerError)):
		fmt.Fprintln(stderr, "disputebot:", err)
		return exitConfig
	case errors.Is(err, errFailed):
		return exitError // already reported
	default:
		fmt.Fprintln(stderr, "disputebot:", err)
		return exitError
	}
}

// errFailed is returned by commands that already printed why they failed.
var errFailed = errors.New("failed")

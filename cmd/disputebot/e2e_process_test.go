package main

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/disputebot/disputebot/bot/discordtest"
)

// TestRunConfigErrors checks that every bad setting stops `disputebot run`
// before it connects, with exit code 78 (EX_CONFIG) and one line on stderr that names the
// setting, and that the token shows up in no output, whatever goes wrong.
func TestRunConfigErrors(t *testing.T) {
	t.Parallel()
	const badToken = "E2E-SECRET-TOKEN with spaces"
	tests := []struct {
		name    string
		env     map[string]string
		setting string // named on stderr
	}{
		{"no token", map[string]string{"DISCORD_TOKEN": ""}, "DISCORD_TOKEN"},
		{"blank token", map[string]string{"DISCORD_TOKEN": "   "}, "DISCORD_TOKEN"},
		{"token with spaces", map[string]string{"DISCORD_TOKEN": badToken}, "DISCORD_TOKEN"},
		{"ftp API base", map[string]string{"DISCORD_API_BASE": "ftp://x"}, "DISCORD_API_BASE"},
		{"API base with a path", map[string]string{"DISCORD_API_BASE": "http://host/path"}, "DISCORD_API_BASE"},
		{"API base without host", map[string]string{"DISCORD_API_BASE": "http://"}, "DISCORD_API_BASE"},
		{"API base not a URL", map[string]string{"DISCORD_API_BASE": "discord.com"}, "DISCORD_API_BASE"},
		{"API base with credentials", map[string]string{"DISCORD_API_BASE": "https://user:pass@discord.com"}, "DISCORD_API_BASE"},
		{"short guild id", map[string]string{"DISCORD_GUILD_ID": "12345"}, "DISCORD_GUILD_ID"},
		{"guild id not a number", map[string]string{"DISCORD_GUILD_ID": "my-server"}, "DISCORD_GUILD_ID"},
		{"rate limit without window", map[string]string{"RATE_LIMIT": "5"}, "RATE_LIMIT"},
		{"rate limit in words", map[string]string{"RATE_LIMIT": "five/10s"}, "RATE_LIMIT"},
		{"rate limit without unit", map[string]string{"RATE_LIMIT": "5/10"}, "RATE_LIMIT"},
		{"rate limit of zero", map[string]string{"RATE_LIMIT": "0/10s"}, "RATE_LIMIT"},
		{"rate limit window too long", map[string]string{"RATE_LIMIT": "5/2h"}, "RATE_LIMIT"},
		{"log level", map[string]string{"LOG_LEVEL": "loud"}, "LOG_LEVEL"},
		{"feedback neither on nor off", map[string]string{"FEEDBACK": "maybe"}, "FEEDBACK"},
		{"feedback days of zero", map[string]string{"FEEDBACK_DAYS": "0"}, "FEEDBACK_DAYS"},
		{"feedback days in words", map[string]string{"FEEDBACK_DAYS": "ninety"}, "FEEDBACK_DAYS"},
		{"feedback days too many", map[string]string{"FEEDBACK_DAYS": "99999"}, "FEEDBACK_DAYS"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			env := map[string]string{
				"DATA_DIR":         t.TempDir(),
				"DISCORD_TOKEN":    e2eToken,
				"DISCORD_API_BASE": "http://127.0.0.1:9",
				"DISCORD_GUILD_ID": "1200000000000000042",
			}
			for k, v := range tt.env {
				env[k] = v
			}
			var stdout, stderr bytes.Buffer
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			code := Run(ctx, []string{"run"}, func(k string) string { return env[k] }, &stdout, &stderr)
			if code != exitConfig {
				t.Errorf("exit code %d, want %d", code, exitConfig)
			}
			checkOneLine(t, stderr.String(), tt.setting)
			for _, secret := range []string{e2eToken, badToken, "E2E-SECRET"} {
				if strings.Contains(stdout.String()+stderr.String(), secret) {
					t.Errorf("the token appears in the output:\n%s%s", stdout.String(), stderr.String())
				}
			}
		})
	}
}

// checkOneLine checks that stderr is one line naming the setting.
func checkOneLine(t *testing.T, stderr, setting string) {
	t.Helper()
	if strings.Count(stderr, "\n") != 1 || !strings.HasSuffix(stderr, "\n") {
		t.Errorf("stderr is not one line:\n%s", stderr)
	}
	if !strings.HasPrefix(stderr, "disputebot: "+setting+":") && !strings.HasPrefix(stderr, "disputebot: "+setting+" (environment):") {
		t.Errorf("stderr %q does not start with %q", stderr, "disputebot: "+setting+":")
	}
}

// TestRunUnreachable checks a setting that looks right but leads nowhere:
// Discord cannot be reached. That is a failure (exit 1), not a usage error,
// and the token still shows up nowhere.
func TestRunUnreachable(t *testing.T) {
	t.Parallel()
	env := map[string]string{
		"DATA_DIR":         seedDataDir(t),
		"DISCORD_TOKEN":    e2eToken,
		"DISCORD_API_BASE": "http://127.0.0.1:1", // nothing listens on port 1
		"LOG_LEVEL":        "debug",
	}
	var stdout, stderr bytes.Buffer
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	code := Run(ctx, []string{"run"}, func(k string) string { return env[k] }, &stdout, &stderr)
	if code != exitError {
		t.Errorf("exit code %d, want %d", code, exitError)
	}
	if !strings.Contains(stderr.String(), "disputebot: connect to the Discord gateway") {
		t.Errorf("stderr does not say the gateway could not be reached:\n%s", stderr.String())
	}
	if strings.Contains(stdout.String()+stderr.String(), e2eToken) {
		t.Errorf("the token appears in the output:\n%s", stderr.String())
	}
}

// TestRunBinary runs the real binary as a subprocess, as systemd or docker
// would: it answers a question, then on SIGTERM lets the reply in flight
// finish and exits 0 within a few seconds. Bad settings exit 78 there too,
// through main.
func TestRunBinary(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	t.Parallel()
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command to build the binary with")
	}
	bin := filepath.Join(t.TempDir(), "disputebot")
	if out, err := exec.Command(goTool, "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	fake := newFake(t)
	// Only what the test sets: no DISCORD_* from the developer's shell, and
	// a working directory without a .env.
	baseEnv := []string{"PATH=" + os.Getenv("PATH"), "HOME=" + t.TempDir()}

	t.Run("bad setting", func(t *testing.T) {
		cmd := exec.Command(bin, "run")
		cmd.Dir = t.TempDir()
		cmd.Env = slices.Concat(baseEnv, []string{"DATA_DIR=" + t.TempDir(), "DISCORD_TOKEN=" + e2eToken, "RATE_LIMIT=lots"})
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		err := cmd.Run()
		var exit *exec.ExitError
		if !errors.As(err, &exit) || exit.ExitCode() != exitConfig {
			t.Errorf("exit %v, want code %d", err, exitConfig)
		}
		checkOneLine(t, stderr.String(), "RATE_LIMIT")
		if strings.Contains(stdout.String()+stderr.String(), e2eToken) {
			t.Error("the token appears in the output")
		}
	})

	t.Run("serve and stop", func(t *testing.T) {
		cmd := exec.Command(bin, "run")
		cmd.Dir = t.TempDir()
		cmd.Env = slices.Concat(baseEnv, []string{
			"DATA_DIR=" + seedDataDir(t), "DISCORD_TOKEN=" + e2eToken, "DISCORD_API_BASE=" + fake.URL(),
			"DISCORD_GUILD_ID=" + fake.GuildID(), "LOG_LEVEL=info"})
		stderr := newLogBuffer()
		var stdout bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		exited := make(chan error, 1)
		go func() { exited <- cmd.Wait() }()
		t.Cleanup(func() {
			cmd.Process.Kill() // in case the test failed before SIGTERM; harmless after exit
			if t.Failed() {
				t.Logf("stderr:\n%s", stderr.String())
			}
		})

		deadline := time.Now().Add(30 * time.Second)
		for len(fake.Commands(fake.GuildID())) == 0 {
			select {
			case err := <-exited:
				t.Fatalf("exited before registering its commands: %v", err)
			case <-time.After(20 * time.Millisecond):
			}
			if time.Now().After(deadline) {
				t.Fatal("no commands registered within 30 s")
			}
		}
		askMadrid(t, fake, 1)

		// A question in flight when the signal comes: Discord is slow to
		// take its answer, so the bot is still sending it.
		fake.SetLatency(600 * time.Millisecond)
		i := fake.SlashCommand("ask", discordtest.StringOption("question", madridQuestion), member(2))
		if err := fake.Dispatch(i); err != nil {
			t.Fatal(err)
		}
		time.Sleep(200 * time.Millisecond)
		signalled := time.Now()
		if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
			t.Fatal(err)
		}
		select {
		case err := <-exited:
			if err != nil {
				t.Errorf("after SIGTERM: %v, want exit code 0", err)
			}
		case <-time.After(10 * time.Second):
			t.Fatal("still running 10 s after SIGTERM")
		}
		took := time.Since(signalled)
		t.Logf("exited %v after SIGTERM", took.Round(time.Millisecond))
		if took > 5*time.Second {
			t.Errorf("took %v to exit after SIGTERM, want a few seconds", took)
		}

		rs := fake.Responses(i.ID)
		if !answered(rs) {
			t.Fatalf("the question in flight was not answered: %s", describe(rs))
		}
		r := waitReply(t, fake, i.ID)
		if text := r.text(); !strings.Contains(text, "10 minutes") && !strings.Contains(text, "ten minutes") {
			t.Errorf("the question in flight got %q, want its answer", r.Content)
		}
		for _, q := range rs {
			if q.Time.After(signalled.Add(took)) {
				t.Errorf("a request arrived after the process exited")
			}
		}
		if !strings.Contains(stderr.String(), "replies in flight finished") {
			t.Errorf("the log does not say the replies in flight finished")
		}
		if strings.Contains(stdout.String()+stderr.String(), e2eToken) {
			t.Error("the token appears in the output")
		}
		checkFake(t, fake)
	})
}

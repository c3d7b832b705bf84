package main

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// testBinary is the disputebot binary, built once for the tests that run
// it as a process.
var testBinary struct {
	once sync.Once
	path string
	err  error
}

// buildBinary builds disputebot, or skips the test when it cannot be.
func buildBinary(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds the binary")
	}
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command to build the binary with")
	}
	testBinary.once.Do(func() {
		testBinary.path = filepath.Join(indexTemplate.dir, "disputebot")
		out, err := exec.Command(goTool, "build", "-o", testBinary.path, ".").CombinedOutput()
		if err != nil {
			testBinary.err = errors.New(string(out))
		}
	})
	if testBinary.err != nil {
		t.Fatalf("go build: %v", testBinary.err)
	}
	return testBinary.path
}

// process is one run of the binary.
type process struct {
	code           int
	stdout, stderr string
}

// runBinary runs the binary in dir with only the given environment (and
// PATH), as a supervisor would, and waits at most timeout.
func runBinary(t *testing.T, bin, dir string, env []string, timeout time.Duration, args ...string) process {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Dir = dir
	cmd.Env = append([]string{"PATH=" + os.Getenv("PATH"), "HOME=" + dir}, env...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	timer := time.AfterFunc(timeout, func() { cmd.Process.Kill() })
	defer timer.Stop()
	err := cmd.Wait()
	p := process{stdout: stdout.String(), stderr: stderr.String()}
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit):
		p.code = exit.ExitCode()
	case err != nil:
		t.Fatalf("%v: %v", args, err)
	}
	return p
}

// TestSecretsNeverShown checks issue 10's first failure end to end: .env
// files that are wrong in the ways people get them wrong, each holding a
// token-shaped secret, make run, ask, corpus and index stop with exit code
// 78 and a message naming the setting and the line, and no part of the
// secret reaches standard output, standard error (the logs) or any file in
// DATA_DIR. A right .env with debug logs shows no part of it either, when
// Discord cannot be reached and when Discord rejects the token.
func TestSecretsNeverShown(t *testing.T) {
	bin := buildBinary(t)
	t.Parallel()
	article := filepath.Join(t.TempDir(), "article.txt")
	if err := os.WriteFile(article, []byte(strings.Repeat("Seoul and Tokyo talked about export controls again. ", 20)), 0o644); err != nil {
		t.Fatal(err)
	}
	commands := [][]string{
		{"run"},
		{"ask", "How long did Motegi and Kang talk in Madrid?"},
		{"corpus", "list"},
		{"corpus", "add", article},
		{"corpus", "check"},
		{"index", "rebuild"},
	}
	dotenvs := []struct {
		name, text string
		want       string // in the message
	}{
		{"unterminated quote", "DISCORD_TOKEN=\"" + secretToken + "\nLOG_LEVEL=debug\n", "DISCORD_TOKEN (.env line 1)"},
		{"unterminated single quote", "LOG_LEVEL=debug\nDISCORD_TOKEN='" + secretToken + "\n", "DISCORD_TOKEN (.env line 2)"},
		{"text after the quote", "DISCORD_TOKEN=\"" + secretToken[:30] + "\" " + secretToken[30:] + "\n", "DISCORD_TOKEN (.env line 1)"},
		{"the token alone on a line", "DISCORD_TOKEN=\n" + secretToken + "\n", ".env line 2"},
		{"the token as a name", secretToken + "\n=x\n", ".env line 1"},
		{"a space in the name", "DISCORD TOKEN=" + secretToken + "\n", ".env line 1"},
		{"the token with a space", "DISCORD_TOKEN=" + secretToken[:30] + " " + secretToken[30:] + "\n", "DISCORD_TOKEN (.env line 1)"},
		{"the token as the server id", "DISCORD_GUILD_ID=" + secretToken + "\n", "DISCORD_GUILD_ID (.env line 1)"},
		{"the token as the log level", "LOG_LEVEL=" + secretToken + "\n", "LOG_LEVEL (.env line 1)"},
		{"the token as the rate limit", "RATE_LIMIT=" + secretToken + "\n", "RATE_LIMIT (.env line 1)"},
		{"the token as roles", "MODERATOR_ROLE_IDS=123456789012345678," + secretToken + "\n", "MODERATOR_ROLE_IDS (.env line 1)"},
		{"the token in the API base", "DISCORD_API_BASE=https://" + secretToken + "@discord.com\n", "DISCORD_API_BASE (.env line 1)"},
		{"the token as private fetch", "ALLOW_PRIVATE_FETCH=" + secretToken + "\n", "ALLOW_PRIVATE_FETCH (.env line 1)"},
	}
	for _, de := range dotenvs {
		for _, args := range commands {
			t.Run(de.name+"/"+strings.Join(args[:min(2, len(args))], " "), func(t *testing.T) {
				t.Parallel()
				dir, dataDir := t.TempDir(), t.TempDir()
				if err := os.WriteFile(filepath.Join(dir, ".env"), []byte(de.text), 0o600); err != nil {
					t.Fatal(err)
				}
				p := runBinary(t, bin, dir, []string{"DATA_DIR=" + dataDir}, time.Minute, args...)
				if p.code != exitConfig {
					t.Errorf("exit code %d, want %d\n%s", p.code, exitConfig, p.stderr)
				}
				if !strings.Contains(p.stderr, de.want) || strings.Count(p.stderr, "\n") != 1 {
					t.Errorf("stderr does not name %q in one line:\n%s", de.want, p.stderr)
				}
				checkNoSecret(t, p, dataDir)
			})
		}
	}

	// Settings that are right, logs at debug level: whatever each command
	// logs, the token is not part of it.
	fake := newFake(t)
	for _, tt := range []struct {
		name string
		base string
		code int
		want string
	}{
		{"Discord unreachable", "http://127.0.0.1:1", exitError, "connect to the Discord gateway"},
		{"token rejected", fake.URL(), exitConfig, "disputebot: " + msgTokenRejected + "\n"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			dataDir := seedDataDir(t)
			dir := t.TempDir()
			text := "DISCORD_TOKEN=\"" + secretToken + "\" # from the Bot page\nLOG_LEVEL=debug\n" +
				"DISCORD_API_BASE=" + tt.base + "\n"
			if err := os.WriteFile(filepath.Join(dir, ".env"), []byte(text), 0o600); err != nil {
				t.Fatal(err)
			}
			for _, args := range commands {
				p := runBinary(t, bin, dir, []string{"DATA_DIR=" + dataDir}, 2*time.Minute, args...)
				if args[0] == "run" {
					if p.code != tt.code || !strings.Contains(p.stderr, tt.want) {
						t.Errorf("run: exit code %d, want %d and %q in:\n%s", p.code, tt.code, tt.want, p.stderr)
					}
				} else if p.code != exitOK {
					t.Errorf("%v: exit code %d\n%s", args, p.code, p.stderr)
				}
				checkNoSecret(t, p, dataDir)
			}
		})
	}
}

// checkNoSecret fails the test if any part of secretToken is in the
// process's output or in a file under dataDir.
func checkNoSecret(t *testing.T, p process, dataDir string) {
	t.Helper()
	if leaks(p.stdout, secretToken) || leaks(p.stderr, secretToken) {
		t.Errorf("part of the token is in the output:\n%s\n%s", p.stdout, p.stderr)
	}
	filepath.WalkDir(dataDir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		data, err := os.ReadFile(path)
		if err == nil && leaks(string(data), secretToken) {
			t.Errorf("part of the token is in %s", path)
		}
		return nil
	})
}

package main

import (
	"errors"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// secretToken is shaped like a Discord bot token, so that tests can check
// that no part of one shows up anywhere.
const secretToken = "MTIzNDU2Nzg5MDEyMzQ1Njc4OQ.GxYzAb.Q7vR2kLmN9pS4tUwX1yZ3aB5cD7eF9gH1jK3"

// leaks reports whether out holds the secret or any 8 bytes of it in a row.
func leaks(out, secret string) bool {
	for i := 0; i+8 <= len(secret); i++ {
		if strings.Contains(out, secret[i:i+8]) {
			return true
		}
	}
	return false
}

func TestParseDotEnv(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		text string
		want map[string]string
	}{
		{"plain", "A=1\nB = two words \n", map[string]string{"A": "1", "B": "two words"}},
		{"comments and blanks", "# hi\n\n  # indented\nA=1 # a comment\nB=x#y\n", map[string]string{"A": "1", "B": "x#y"}},
		{"export", "export A=1\nexport\tB=2\n", map[string]string{"A": "1", "B": "2"}},
		{"export quoted", "export A=\"x y\"\nexport   B='q'  # c\nC =  \"z\"", map[string]string{"A": "x y", "B": "q", "C": "z"}},
		{"single quotes are literal", `A='$HOME \n # not a comment'`, map[string]string{"A": `$HOME \n # not a comment`}},
		{"double quotes escape", `A="a\"b\\c\nd\$e" # comment`, map[string]string{"A": "a\"b\\c\nd$e"}},
		{"quoted over lines", "A=\"one\ntwo\"\nB=3", map[string]string{"A": "one\ntwo", "B": "3"}},
		{"references", "A=x\nB=${A}/y\nC=\"$A-$B\"\nD=$UNSET.", map[string]string{"A": "x", "B": "x/y", "C": "x-x/y", "D": "."}},
		{"references are to the file", "B=$HOME/x\nPATH=/p\nC=$PATH", map[string]string{"B": "/x", "PATH": "/p", "C": "/p"}},
		{"godotenv's colon and dotted names", "A: 1\nlog.level = debug\n", map[string]string{"A": "1", "log.level": "debug"}},
		{"a name set twice", "A=1\nA=2\n", map[string]string{"A": "2"}},
		{"the token in place of a dotted name", secretToken + "=x\n", map[string]string{secretToken: "x"}},
		{"empty value", "A=\nB=''\n", map[string]string{"A": "", "B": ""}},
		{"CRLF and BOM", "\ufeffA=1\r\nB=\"2\"\r\n", map[string]string{"A": "1", "B": "2"}},
		{"token with Bot prefix", "DISCORD_TOKEN=Bot " + secretToken, map[string]string{"DISCORD_TOKEN": "Bot " + secretToken}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			env, err := parseDotEnv(".env", []byte(tt.text))
			if err != nil {
				t.Fatalf("parse: %v", err)
			}
			if !maps.Equal(env.values, tt.want) {
				t.Errorf("got %q, want %q", env.values, tt.want)
			}
			if !slices.Equal(slices.Sorted(maps.Keys(env.lines)), slices.Sorted(maps.Keys(env.values))) {
				t.Errorf("lines are known for %v, values for %v", slices.Sorted(maps.Keys(env.lines)), slices.Sorted(maps.Keys(env.values)))
			}
		})
	}
}

// TestDotEnvErrors checks issue 10's first failure at its root: a .env file
// that does not parse gives an error naming the file, the line and, when it
// is one of ours, the setting, and never any part of the token it holds.
func TestDotEnvErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		text string
		want string // the whole message
	}{
		{"unterminated double quote", "LOG_LEVEL=info\nDISCORD_TOKEN=\"" + secretToken + "\n",
			`DISCORD_TOKEN (.env line 2): the value opens a quote (") that is never closed; end the value with ", or remove the opening one`},
		{"unterminated single quote", "DISCORD_TOKEN='" + secretToken,
			`DISCORD_TOKEN (.env line 1): the value opens a quote (') that is never closed; end the value with ', or remove the opening one`},
		{"text after the quote", "DISCORD_TOKEN=\"" + secretToken[:20] + "\"" + secretToken[20:],
			`DISCORD_TOKEN (.env line 1): after the closing " only a # comment may follow; put the whole value inside the quotes, and each setting on a line of its own`},
		{"a quote after a backslash does not close", "DISCORD_TOKEN=\"" + secretToken + "\\\"\n",
			`DISCORD_TOKEN (.env line 1): the value opens a quote (") that is never closed; end the value with ", or remove the opening one`},
		{"the token alone on the last line", "LOG_LEVEL=info\n" + secretToken,
			".env line 2: expected NAME=value, such as LOG_LEVEL=info (a line of its own is taken for a value without its name: is the name and = missing?)"},
		{"no name", "LOG_LEVEL=info\n\n = " + secretToken,
			".env line 3: the name before = is missing; write NAME=value, such as LOG_LEVEL=info"},
		{"the token alone on a line", "# token:\n" + secretToken + "\n",
			".env line 2: expected NAME=value, such as LOG_LEVEL=info (a line of its own is taken for a value without its name: is the name and = missing?)"},
		{"a token with a dash in place of the name", secretToken[:40] + "-" + secretToken[40:] + "=x",
			".env line 1: the name before = must be letters, digits, underscores and dots, with no spaces, such as DISCORD_TOKEN"},
		{"the token as the name", "MTIzNDU2Nzg5MDEyMzQ1Njc4OQ='x",
			`.env line 1: the value opens a quote (') that is never closed; end the value with ', or remove the opening one`},
		{"a name with a space", "DISCORD TOKEN=" + secretToken,
			".env line 1: the name before = must be letters, digits, underscores and dots, with no spaces, such as DISCORD_TOKEN"},
		{"a NUL byte", "A=1\nDISCORD_TOKEN=" + secretToken + "\x00\n", ".env line 2: holds a NUL byte; is it a text file?"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := parseDotEnv(".env", []byte(tt.text))
			if err == nil {
				t.Fatal("no error")
			}
			if err.Error() != tt.want {
				t.Errorf("got  %s\nwant %s", err, tt.want)
			}
			if leaks(err.Error(), secretToken) {
				t.Errorf("the error shows part of the token: %s", err)
			}
		})
	}
}

func TestReadDotEnv(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	if env, err := readDotEnv(filepath.Join(dir, "missing")); err != nil || len(env.values) != 0 {
		t.Errorf("a missing file: %v, %v; want no settings and no error", env, err)
	}
	big := filepath.Join(dir, "big")
	if err := os.WriteFile(big, []byte(strings.Repeat("# padding\n", maxDotEnvBytes/10+1)), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := readDotEnv(big); err == nil || !strings.Contains(err.Error(), "larger than") {
		t.Errorf("an oversized file: %v", err)
	}
	path := filepath.Join(dir, ".env")
	if err := os.WriteFile(path, []byte("DATA_DIR=/from/file\nLOG_LEVEL=debug\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	d, err := readDotEnv(path)
	if err != nil {
		t.Fatal(err)
	}
	lookup := func(k string) (string, bool) {
		if k == "LOG_LEVEL" {
			return "", true // set, if empty, in the environment: it wins
		}
		return "", false
	}
	env := d.Env(lookup)
	if got := env("DATA_DIR"); got != "/from/file" {
		t.Errorf("DATA_DIR = %q", got)
	}
	if got := env("LOG_LEVEL"); got != "" {
		t.Errorf("LOG_LEVEL = %q, want the environment's empty value", got)
	}
	if got, want := env.where("DATA_DIR"), path+" line 1"; got != want {
		t.Errorf("where DATA_DIR = %q, want %q", got, want)
	}
	if got := env.where("LOG_LEVEL"); got != "environment" {
		t.Errorf("where LOG_LEVEL = %q, want environment", got)
	}
}

// TestGodotenvFailure checks what is said when godotenv refuses a file
// that checkDotEnv passed, which FuzzDotEnv looks for and has not found: the
// line and the setting where godotenv fails, without godotenv's message,
// which quotes the value.
func TestGodotenvFailure(t *testing.T) {
	t.Parallel()
	data := []byte("LOG_LEVEL=info\nDATA_DIR=./data\nDISCORD_TOKEN=\"" + secretToken + "\n")
	stmts := []dotEnvStatement{{"LOG_LEVEL", 1, 14}, {"DATA_DIR", 2, 30}, {"DISCORD_TOKEN", 3, len(data)}}
	err := godotenvFailure(".env", data, stmts)
	if want := "DISCORD_TOKEN (.env line 3): " + msgGodotenvRefused; err.Error() != want {
		t.Errorf("got  %s\nwant %s", err, want)
	}
	if err := godotenvFailure(".env", data, nil); err.Error() != ".env: "+msgGodotenvRefused {
		t.Errorf("with no statements: %s", err)
	}
}

// TestDotEnvNeverOverridesEnvironment checks, with the binary, that a
// setting the environment sets, even to nothing, is taken from there and
// not from .env, whose other settings are still read.
func TestDotEnvNeverOverridesEnvironment(t *testing.T) {
	bin := buildBinary(t)
	t.Parallel()
	dir, dataDir := t.TempDir(), t.TempDir()
	text := "RATE_LIMIT=many\nLOG_LEVEL=loud\nDATA_DIR=" + filepath.Join(dir, "not-this-one") + "\n"
	if err := os.WriteFile(filepath.Join(dir, ".env"), []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	env := []string{"DATA_DIR=" + dataDir, "RATE_LIMIT=5/10s", "LOG_LEVEL="}
	if p := runBinary(t, bin, dir, env, time.Minute, "corpus", "list"); p.code != exitOK {
		t.Errorf("with the environment setting RATE_LIMIT, LOG_LEVEL and DATA_DIR: exit code %d\n%s", p.code, p.stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "not-this-one")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the DATA_DIR of .env was used: %v", err)
	}
	p := runBinary(t, bin, dir, env[:2], time.Minute, "corpus", "list")
	if want := "LOG_LEVEL (.env line 2)"; p.code != exitConfig || !strings.Contains(p.stderr, want) {
		t.Errorf("with LOG_LEVEL from .env: exit code %d, want %d and %q in:\n%s", p.code, exitConfig, want, p.stderr)
	}
}

// FuzzDotEnv checks that parsing any text around a token never panics and
// never puts any part of the token in an error, and that checkDotEnv and
// godotenv agree: a file the check passes, godotenv parses, with the names
// the check found.
func FuzzDotEnv(f *testing.F) {
	for _, s := range [][2]string{
		{"DISCORD_TOKEN=\"", ""}, {"DISCORD_TOKEN='", "'x"}, {"", "=1"}, {"A=", "\n\"\nB"}, {"export ", ""},
		{"X=\"\\", "\\\""}, {"#", "\nY='"}, {"DISCORD_GUILD_ID=${", "}"}, {"A: '", "' # c\r\nB.c=\"\\\"\""},
		{"\ufeffexport\tA = \"", "\"\u00a0\n"}, {"A=1\rB=", "\r\n"},
	} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, before, after string) {
		env, err := parseDotEnv(".env", []byte(before+secretToken+after))
		if err != nil && leaks(err.Error(), secretToken) {
			t.Errorf("the error shows part of the token: %s", err)
		}
		var de *dotEnvError
		if errors.As(err, &de) && de.msg == msgGodotenvRefused {
			t.Errorf("godotenv refused a file the check passed: %q", before+secretToken+after)
		}
		if err == nil && !slices.Equal(slices.Sorted(maps.Keys(env.lines)), slices.Sorted(maps.Keys(env.values))) {
			t.Errorf("the check found %q, godotenv %q", slices.Sorted(maps.Keys(env.lines)), slices.Sorted(maps.Keys(env.values)))
		}
	})
}

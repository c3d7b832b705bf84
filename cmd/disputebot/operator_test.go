package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/disputebot/disputebot/bot/discordtest"
)

// The tests of this file reproduce issue 10: an operator's mistakes must not
// leak the token, stop the bot, or lose a change.

// operatorArticle is a corpus file an operator writes by hand; %s is the
// published date as written, %s a phrase found in it only.
const operatorArticle = `---
id: %s
title: Tsushima ferry operators report a record summer
publisher: Nagasaki Shimbun
published: %s
---
Ferry operators between Busan and Tsushima carried %s passengers this summer, the most since the service began, the Nagasaki Shimbun reported.

Officials in Tsushima said Korean visitors had returned after the export control dispute of 2019 kept many of them away for several years, and hotels on the island were full through August.
`

func writeArticle(t *testing.T, dataDir, name, id, published, phrase string) {
	t.Helper()
	dir := filepath.Join(dataDir, "corpus")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	data := fmt.Sprintf(operatorArticle, id, published, phrase)
	// Written and renamed, as editors do, so the bot never reads half a file.
	tmp := filepath.Join(dir, "."+name+".tmp-test")
	if err := os.WriteFile(tmp, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, filepath.Join(dir, name)); err != nil {
		t.Fatal(err)
	}
}

// askFake asks the bot through the fake Discord and returns the reply's text.
func askFake(t *testing.T, fake *discordtest.Server, q string, n int) string {
	t.Helper()
	return dispatch(t, fake, fake.SlashCommand("ask", discordtest.StringOption("question", q), member(n))).text()
}

// TestBadCorpusFileLeftOut checks issue 10's second failure: a corpus file
// edited by hand into one that does not parse while the bot runs is left
// out with one precise error in the log (not one every 5 s), shown to
// moderators by /about, reported by `corpus check` (exit 1); the bot keeps
// picking up every other change, and starts again with the file still
// broken.
func TestBadCorpusFileLeftOut(t *testing.T) {
	t.Parallel()
	fake := newFake(t)
	dataDir := seedDataDir(t)
	writeArticle(t, dataDir, "tsushima.md", "tsushima-ferries", "2024-09-01", "1,234,567")
	b := startBot(t, fake, dataDir, nil)
	if got := askFake(t, fake, "How many passengers did the Tsushima ferries carry?", 1); !strings.Contains(got, "1,234,567") {
		t.Fatalf("the hand-written article is not used:\n%s", got)
	}

	// The operator edits the file, and gets the date wrong.
	writeArticle(t, dataDir, "tsushima.md", "tsushima-ferries", `"2024-5-14"`, "1,234,567")
	want := `tsushima.md:5: published: \"2024-5-14\" is not written YYYY-MM-DD; write 2024-05-14`
	b.log.waitFor(t, want, 3*refreshEvery)

	// Another file comes: it is picked up all the same.
	writeArticle(t, dataDir, "jeju.md", "jeju-ferries", "2024-09-02", "7,654,321")
	deadline := time.Now().Add(3 * refreshEvery)
	for got := ""; !strings.Contains(got, "7,654,321"); {
		if time.Now().After(deadline) {
			t.Fatalf("the bot stopped picking up corpus changes:\n%s", got)
		}
		time.Sleep(300 * time.Millisecond)
		got = askFake(t, fake, "How many passengers did the Tsushima ferries carry this summer?", 2)
	}
	time.Sleep(refreshEvery + time.Second) // one more round, which must not log again
	if n := strings.Count(b.log.String(), "corpus file left out"); n != 1 {
		t.Errorf("the problem was logged %d times, want once:\n%s", n, b.log.String())
	}
	if strings.Contains(b.log.String(), "is not a date in the form") {
		t.Errorf("the old, repeated message is logged:\n%s", b.log.String())
	}

	// /about: moderators see it, privately; members do not.
	mod := discordtest.AsMember(&discordgo.User{ID: "900000000000000077", Username: "mod", Discriminator: "0"}, discordgo.PermissionManageGuild)
	r := dispatch(t, fake, fake.SlashCommand("about", mod))
	if text := strings.ReplaceAll(r.text(), `\`, ""); !r.ephemeral() || !strings.Contains(text, "tsushima.md:5: published:") {
		t.Errorf("/about for a moderator (ephemeral %v):\n%s", r.ephemeral(), text)
	}
	if r := dispatch(t, fake, fake.SlashCommand("about", member(3))); strings.Contains(r.text(), "tsushima") {
		t.Errorf("/about shows the problem to a member:\n%s", r.text())
	}

	// corpus check says it, with the path to open, and fails.
	code, stdout, stderr := run(t, dataDir, "corpus", "check")
	if code != exitError || !strings.Contains(stdout, filepath.Join(dataDir, "corpus", "tsushima.md")+`:5: published: "2024-5-14" is not written YYYY-MM-DD; write 2024-05-14`) ||
		!strings.Contains(stdout, "1 of 2 corpus file(s)") {
		t.Errorf("corpus check: exit %d\n%s%s", code, stdout, stderr)
	}

	// Restarted with the file still broken, the bot starts.
	if code := b.stop(); code != exitOK {
		t.Fatalf("stop: exit %d", code)
	}
	b2 := startBot(t, fake, dataDir, nil)
	b2.log.waitFor(t, "corpus file left out", 10*time.Second)

	// Fixed, it comes back.
	writeArticle(t, dataDir, "tsushima.md", "tsushima-ferries", "2024-05-14", "1,234,567")
	b2.log.waitFor(t, "corpus file no longer left out", 3*refreshEvery)
	if code, stdout, _ := run(t, dataDir, "corpus", "check"); code != exitOK || !strings.Contains(stdout, "all in use") {
		t.Errorf("corpus check after the fix: exit %d\n%s", code, stdout)
	}
}

// TestOneBotPerDataDir checks issue 10's third failure: with a bot running,
// `index rebuild` builds beside its index and the bot switches to it
// without an error, and a second `run` on the same DATA_DIR refuses to
// start, saying why.
func TestOneBotPerDataDir(t *testing.T) {
	t.Parallel()
	fake := newFake(t)
	dataDir := seedDataDir(t)
	b := startBot(t, fake, dataDir, nil)

	code, stdout, stderr := run(t, dataDir, "index", "rebuild")
	if code != exitOK || !strings.Contains(stdout, "the running bot switches to it") {
		t.Fatalf("index rebuild: exit %d\n%s%s", code, stdout, stderr)
	}
	b.log.waitFor(t, "switched to a rebuilt index", 3*refreshEvery)
	askMadrid(t, fake, 1)

	env := map[string]string{"DATA_DIR": dataDir, "DISCORD_TOKEN": fake.Token(), "DISCORD_API_BASE": fake.URL(), "DISCORD_GUILD_ID": fake.GuildID()}
	var out, errOut bytes.Buffer
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	start := time.Now()
	code = Run(ctx, []string{"run"}, func(k string) string { return env[k] }, &out, &errOut)
	if code != exitError {
		t.Errorf("a second run: exit %d, want %d", code, exitError)
	}
	if msg := errOut.String(); !strings.Contains(msg, "another disputebot is using DATA_DIR "+dataDir) ||
		!strings.Contains(msg, "disputebot run, pid") || strings.Count(msg, "\n") != 1 {
		t.Errorf("a second run says:\n%s", msg)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("a second run took %v to refuse", d)
	}
	if strings.Contains(b.log.String(), "in use by another disputebot process") || len(ownErrors(b.log.String())) > 0 {
		t.Errorf("the first bot logged an error:\n%s", b.log.String())
	}
	askMadrid(t, fake, 2)
}

// TestAskBesideTheBot checks the second half of issue 10's fifth failure:
// `ask` (and eval, timeline and corpus list) answer while the bot runs,
// from the current index, at once rather than after a 3 s wait for a lock,
// and see the corpus as the bot has it.
func TestAskBesideTheBot(t *testing.T) {
	t.Parallel()
	fake := newFake(t)
	dataDir := seedDataDir(t)
	b := startBot(t, fake, dataDir, nil)
	writeArticle(t, dataDir, "tsushima.md", "tsushima-ferries", "2024-09-01", "1,234,567")
	b.log.waitFor(t, "updating index", 3*refreshEvery)

	start := time.Now()
	code, stdout, stderr := run(t, dataDir, "ask", "--json", madridQuestion)
	if code != exitOK || !strings.Contains(stdout, "10 minutes") && !strings.Contains(stdout, "ten minutes") {
		t.Fatalf("ask: exit %d\n%s%s", code, stdout, stderr)
	}
	if d := time.Since(start); d > 3*time.Second {
		t.Errorf("ask took %v beside the bot", d)
	}
	code, stdout, stderr = run(t, dataDir, "ask", "How many passengers did the Tsushima ferries carry?")
	if code != exitOK || !strings.Contains(stdout, "1,234,567") {
		t.Errorf("ask does not see the corpus file: exit %d\n%s%s", code, stdout, stderr)
	}
	for _, args := range [][]string{{"timeline", "--json"}, {"corpus", "list"}, {"corpus", "export"}} {
		if code, _, stderr := run(t, dataDir, args...); code != exitOK {
			t.Errorf("%v beside the bot: exit %d\n%s", args, code, stderr)
		}
	}
	askMadrid(t, fake, 1)
	if left, _ := filepath.Glob(filepath.Join(os.TempDir(), "disputebot-snapshot-*")); len(left) > 0 {
		t.Logf("snapshots in the temporary directory (maybe of parallel tests): %v", left)
	}
}

// TestDataDirIsAFile checks the last part of issue 10's fifth failure:
// DATA_DIR pointing at a file is named as the setting at fault, by every
// command, with exit code 78.
func TestDataDirIsAFile(t *testing.T) {
	t.Parallel()
	file := filepath.Join(t.TempDir(), "data")
	if err := os.WriteFile(file, []byte("not a directory"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"ask", "madrid"}, {"corpus", "list"}, {"corpus", "add", "x.txt"}, {"corpus", "check"}, {"index", "rebuild"}, {"timeline"},
	} {
		code, _, stderr := run(t, file, args...)
		want := "disputebot: DATA_DIR: " + file + " is a file, not a directory; point DATA_DIR at a directory (it is created if missing)\n"
		if len(args) > 1 && args[1] == "add" {
			// The file to add is read first.
			want = "disputebot: x.txt: no such file\n"
		}
		if stderr != want {
			t.Errorf("%v: exit %d\n%s\nwant\n%s", args, code, stderr, want)
		}
	}
	code, _, stderr := run(t, filepath.Join(file, "sub"), "ask", "madrid")
	if code != exitConfig || !strings.Contains(stderr, "DATA_DIR: "+filepath.Join(file, "sub")+" is inside a file") {
		t.Errorf("DATA_DIR under a file: exit %d: %s", code, stderr)
	}
}

// ownErrors returns the error lines of a bot's log but discordgo's.
// discordgo logs through one package variable, so a bot running inside a
// test process also logs the gateway errors of the bots that parallel
// tests drop on purpose (see discordLog in bot/session.go).
func ownErrors(log string) []string {
	var lines []string
	for _, line := range strings.Split(log, "\n") {
		if strings.Contains(line, "level=ERROR") && !strings.Contains(line, `msg="discordgo: `) {
			lines = append(lines, line)
		}
	}
	return lines
}

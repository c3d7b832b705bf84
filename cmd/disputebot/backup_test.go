package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/disputebot/disputebot/bot/discordtest"
)

// TestBackupRestore backs up the DATA_DIR of a running bot with a server's
// own article, restores it into an empty DATA_DIR, and finds the article
// there with an index rebuilt; restoring over a corpus is refused.
func TestBackupRestore(t *testing.T) {
	t.Parallel()
	fake := newFake(t)
	dataDir := seedDataDir(t)
	if err := os.MkdirAll(filepath.Join(dataDir, "corpus"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dataDir, "corpus", "busan.md"), []byte(fmt.Sprintf(guildArticle, fake.GuildID())), 0o644); err != nil {
		t.Fatal(err)
	}
	startBot(t, fake, dataDir, nil)

	file := filepath.Join(t.TempDir(), "backup.tar.gz")
	code, out, stderr := run(t, dataDir, "backup", file)
	if code != exitOK || !strings.Contains(out, "Backed up") {
		t.Fatalf("backup: exit %d\n%s%s", code, out, stderr)
	}
	restored := filepath.Join(t.TempDir(), "data")
	code, out, stderr = run(t, restored, "restore", file)
	if code != exitOK || !strings.Contains(out, "rebuilt the index") {
		t.Fatalf("restore: exit %d\n%s%s", code, out, stderr)
	}
	if _, err := os.Stat(filepath.Join(restored, "index", "CURRENT")); err != nil {
		t.Errorf("no index after restore: %v", err)
	}
	if _, err := os.Stat(filepath.Join(restored, "audit.log")); err == nil {
		t.Log("the audit log was restored")
	}
	if code, out, _ := run(t, restored, "corpus", "list", "--guild", fake.GuildID()); code != exitOK || !strings.Contains(out, "busan-study-group-2024-03") {
		t.Errorf("corpus list after restore: exit %d\n%s", code, out)
	}
	if code, out, _ := run(t, restored, "ask", madridQuestion); code != exitOK || !strings.Contains(out, "minutes") {
		t.Errorf("ask after restore: exit %d\n%s", code, out)
	}
	if code, _, stderr := run(t, restored, "restore", file); code == exitOK || !strings.Contains(stderr, "not empty") {
		t.Errorf("restore over a corpus: exit %d\n%s", code, stderr)
	}
}

// TestBackupKeepsFeedback: a backup of a running bot's DATA_DIR holds its
// feedback records and their key, consistent although the bot holds the
// database open, and the restored records read as the original's.
func TestBackupKeepsFeedback(t *testing.T) {
	t.Parallel()
	fake := newFake(t)
	dataDir := seedDataDir(t)
	bot := startBot(t, fake, dataDir, nil)
	ask := fake.SlashCommand("ask", discordtest.StringOption("question", madridQuestion), voter())
	r := dispatch(t, fake, ask)
	notHelpful, _ := r.button(t, "Not helpful")
	if v := dispatch(t, fake, fake.ButtonClick(notHelpful, fake.OriginalMessage(ask.ID), voter())); !strings.Contains(v.Content, "Thanks") {
		t.Fatalf("the vote was answered %q", v.Content)
	}

	file := filepath.Join(t.TempDir(), "backup.tar.gz")
	if code, out, stderr := run(t, dataDir, "backup", file); code != exitOK {
		t.Fatalf("backup: exit %d\n%s%s", code, out, stderr)
	}
	if code := bot.stop(); code != exitOK {
		t.Fatalf("the bot stopped with exit %d", code)
	}
	want := feedbackReport(t, dataDir)
	if want.Questions != 1 || want.Votes != 1 {
		t.Fatalf("the original records: %+v, want one question and one vote", want)
	}
	restored := filepath.Join(t.TempDir(), "data")
	if code, out, stderr := run(t, restored, "restore", file); code != exitOK {
		t.Fatalf("restore: exit %d\n%s%s", code, out, stderr)
	}
	if _, err := os.Stat(filepath.Join(restored, "feedback.key")); err != nil {
		t.Errorf("the records' key was not restored: %v", err)
	}
	if got := feedbackReport(t, restored); got.Questions != want.Questions || got.Votes != want.Votes || got.Helpful != want.Helpful || len(got.Gaps) != len(want.Gaps) {
		t.Errorf("restored records %+v, want %+v", got, want)
	}
}

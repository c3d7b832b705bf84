package main

import (
	"bytes"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// nobody is the user the two-user tests run processes as.
const nobody = 65534

// asNobody returns what makes a command run as nobody, or skips the test
// when this machine does not let the test do that.
func asNobody(t *testing.T) *syscall.SysProcAttr {
	t.Helper()
	if os.Geteuid() != 0 {
		t.Skip("running a process as another user (nobody) needs root, and the tests run as uid", os.Geteuid())
	}
	attr := &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: nobody, Gid: nobody, Groups: []uint32{}}}
	cmd := exec.Command("/bin/true")
	cmd.SysProcAttr = attr
	if err := cmd.Run(); err != nil {
		t.Skipf("this machine does not let root run a process as nobody: %v", err)
	}
	return attr
}

// openToAll makes dir and the directories above it up to the system's
// temporary directory traversable by every user, as t.TempDir's are not.
func openToAll(t *testing.T, dir string) {
	t.Helper()
	for d := dir; d != os.TempDir() && d != filepath.Dir(d); d = filepath.Dir(d) {
		if err := os.Chmod(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
}

// chownAll gives everything under dir to uid.
func chownAll(t *testing.T, dir string, uid int) {
	t.Helper()
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		return os.Lchown(path, uid, uid)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// notOwnedBy lists what under dir does not belong to uid.
func notOwnedBy(dir string, uid int) []string {
	var out []string
	filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if info, err := d.Info(); err == nil {
			if st, ok := info.Sys().(*syscall.Stat_t); ok && int(st.Uid) != uid {
				out = append(out, path)
			}
		}
		return nil
	})
	return out
}

// binaryFor copies the test binary where every user may run it.
func binaryFor(t *testing.T, dir string) string {
	t.Helper()
	data, err := os.ReadFile(buildBinary(t))
	if err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(dir, "disputebot")
	if err := os.WriteFile(bin, data, 0o755); err != nil {
		t.Fatal(err)
	}
	return bin
}

// TestCommandsAsAnotherUser checks issue 10's fourth failure, and the first
// half of its fifth, with two real users: the bot runs as nobody, and the
// operator's `corpus add` and `index rebuild` run as root beside it; every
// file they write belongs to nobody, the bot indexes the new article and
// switches to the rebuilt index, and logs no error. Run as nobody in
// root's DATA_DIR, a command that writes refuses, saying it is a
// permission problem and as whom to run it, while `ask` still answers;
// and in a read-only DATA_DIR with a built index, `ask` answers from it.
func TestCommandsAsAnotherUser(t *testing.T) {
	attr := asNobody(t)
	t.Parallel()
	base := t.TempDir()
	openToAll(t, base)
	bin := binaryFor(t, base)

	// The article to add is root's alone: it is read before the command
	// becomes the owner of DATA_DIR.
	private := filepath.Join(t.TempDir(), "private")
	if err := os.Mkdir(private, 0o700); err != nil {
		t.Fatal(err)
	}
	article := filepath.Join(private, "ferries.txt")
	const phrase = "8,765,432"
	text := "Busan ferries report a record\n\n" + strings.Repeat("Ferries between Busan and Fukuoka carried "+phrase+" passengers this year, the most since the export control dispute. ", 6)
	if err := os.WriteFile(article, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}

	t.Run("bot as nobody, commands as root", func(t *testing.T) {
		fake := newFake(t)
		dataDir := seedDataDir(t)
		openToAll(t, dataDir)
		chownAll(t, dataDir, nobody)

		bot := exec.Command(bin, "run")
		bot.Dir = base
		bot.SysProcAttr = attr
		bot.Env = []string{"PATH=" + os.Getenv("PATH"), "HOME=" + base, "DATA_DIR=" + dataDir, "DISCORD_TOKEN=" + e2eToken,
			"DISCORD_API_BASE=" + fake.URL(), "DISCORD_GUILD_ID=" + fake.GuildID(), "LOG_LEVEL=info"}
		logs := newLogBuffer()
		bot.Stdout, bot.Stderr = logs, logs
		if err := bot.Start(); err != nil {
			t.Fatal(err)
		}
		exited := make(chan error, 1)
		go func() { exited <- bot.Wait() }()
		t.Cleanup(func() {
			bot.Process.Kill()
			if t.Failed() {
				t.Logf("bot log:\n%s", logs.String())
			}
		})
		for deadline := time.Now().Add(30 * time.Second); len(fake.Commands(fake.GuildID())) == 0; {
			select {
			case err := <-exited:
				t.Fatalf("the bot exited: %v\n%s", err, logs.String())
			case <-time.After(20 * time.Millisecond):
			}
			if time.Now().After(deadline) {
				t.Fatal("no commands registered within 30 s")
			}
		}

		env := []string{"DATA_DIR=" + dataDir}
		p := runBinary(t, bin, base, env, time.Minute, "corpus", "add", article)
		if p.code != exitOK || !strings.Contains(p.stdout, "The running bot will index the change") {
			t.Fatalf("corpus add as root: exit %d\n%s%s", p.code, p.stdout, p.stderr)
		}
		p = runBinary(t, bin, base, env, 2*time.Minute, "index", "rebuild")
		if p.code != exitOK {
			t.Fatalf("index rebuild as root: exit %d\n%s%s", p.code, p.stdout, p.stderr)
		}
		logs.waitFor(t, "switched to a rebuilt index", 3*refreshEvery)
		deadline := time.Now().Add(3 * refreshEvery)
		for got := ""; !strings.Contains(got, phrase); time.Sleep(300 * time.Millisecond) {
			if time.Now().After(deadline) {
				t.Fatalf("the bot does not answer from the article added as root:\n%s", got)
			}
			got = askFake(t, fake, "How many passengers did the Busan ferries carry this year?", 1)
		}
		if bad := notOwnedBy(dataDir, nobody); len(bad) > 0 {
			t.Errorf("files in DATA_DIR that the bot's user does not own: %v", bad)
		}
		for _, bad := range []string{"level=ERROR", "permission denied", "metadata missing", "in use by another"} {
			if strings.Contains(logs.String(), bad) {
				t.Errorf("the bot logged %q", bad)
			}
		}
		if err := bot.Process.Signal(syscall.SIGTERM); err != nil {
			t.Fatal(err)
		}
		select {
		case err := <-exited:
			if err != nil {
				t.Errorf("the bot exited with %v after SIGTERM", err)
			}
		case <-time.After(15 * time.Second):
			t.Error("the bot did not stop within 15 s of SIGTERM")
		}
		checkFake(t, fake)
	})

	// runAsNobody runs the binary as nobody.
	runAsNobody := func(t *testing.T, dataDir string, args ...string) process {
		t.Helper()
		cmd := exec.Command(bin, args...)
		cmd.Dir = base
		cmd.SysProcAttr = attr
		cmd.Env = []string{"PATH=" + os.Getenv("PATH"), "HOME=" + base, "DATA_DIR=" + dataDir, "LOG_LEVEL=debug"}
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		err := cmd.Run()
		p := process{stdout: stdout.String(), stderr: stderr.String()}
		if exit, ok := err.(*exec.ExitError); ok {
			p.code = exit.ExitCode()
		} else if err != nil {
			t.Fatal(err)
		}
		return p
	}

	t.Run("commands as nobody in root's DATA_DIR", func(t *testing.T) {
		dataDir := seedDataDir(t)
		openToAll(t, dataDir)
		readable := filepath.Join(base, "ferries.txt")
		if err := os.WriteFile(readable, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		before := allFiles(dataDir)
		for _, args := range [][]string{{"corpus", "add", readable}, {"corpus", "remove", "x"}, {"index", "rebuild"}} {
			p := runAsNobody(t, dataDir, args...)
			want := "disputebot: permission denied: " + dataDir + " belongs to root (uid 0), and you are nobody (uid 65534); " +
				"files you wrote there would not be the bot's to read and change, so run this as that user (sudo -u root disputebot " +
				strings.Join(args[:2], " ") + ")"
			if p.code != exitConfig || !strings.HasPrefix(p.stderr, want) {
				t.Errorf("%v as nobody: exit %d\n%s\nwant\n%s", args, p.code, p.stderr, want)
			}
		}
		// ask works, from a temporary index, since root's index is root's
		// to read only (as bleve makes it); it says why.
		if err := os.Chmod(filepath.Join(dataDir, "index"), 0o700); err != nil {
			t.Fatal(err)
		}
		p := runAsNobody(t, dataDir, "ask", madridQuestion)
		if p.code != exitOK || !strings.Contains(p.stdout, "Madrid") {
			t.Errorf("ask as nobody: exit %d\n%s%s", p.code, p.stdout, p.stderr)
		}
		if !strings.Contains(p.stderr, "the index in DATA_DIR cannot be read") || !strings.Contains(p.stderr, "permission denied") {
			t.Errorf("ask as nobody does not say the index is not readable:\n%s", p.stderr)
		}
		if after := allFiles(dataDir); len(after) != len(before) {
			t.Errorf("commands as nobody changed DATA_DIR: %d files before, %d after", len(before), len(after))
		}
	})

	t.Run("bot as nobody with an index root left", func(t *testing.T) {
		// What an index rebuild run as root left before issue 10: the bot
		// says permission denied, and who owns what, rather than that the
		// index is broken, and exits 78.
		dataDir := seedDataDir(t)
		openToAll(t, dataDir)
		chownAll(t, dataDir, nobody)
		gens, _ := filepath.Glob(filepath.Join(dataDir, "index", "gen-*"))
		if len(gens) != 1 {
			t.Fatalf("generations %v", gens)
		}
		chownAll(t, gens[0], 0)
		if err := os.Chmod(gens[0], 0o700); err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command(bin, "run")
		cmd.Dir = base
		cmd.SysProcAttr = attr
		cmd.Env = []string{"PATH=" + os.Getenv("PATH"), "HOME=" + base, "DATA_DIR=" + dataDir, "DISCORD_TOKEN=" + e2eToken,
			"DISCORD_API_BASE=http://127.0.0.1:1"}
		out, err := cmd.CombinedOutput()
		exit, ok := err.(*exec.ExitError)
		want := "disputebot: permission denied: " + gens[0] + " (owned by root (uid 0), mode -rwx------) may not be used by nobody (uid 65534)"
		if !ok || exit.ExitCode() != exitConfig || !strings.HasPrefix(string(out), want) {
			t.Errorf("run: %v\n%s\nwant\n%s", err, out, want)
		}
	})

	t.Run("ask in a read-only DATA_DIR", func(t *testing.T) {
		dataDir := seedDataDir(t)
		openToAll(t, dataDir)
		chownAll(t, dataDir, nobody)
		err := filepath.WalkDir(dataDir, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			info, err := d.Info()
			if err != nil {
				return err
			}
			return os.Chmod(path, info.Mode().Perm()&^0o222)
		})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() {
			filepath.WalkDir(dataDir, func(path string, _ fs.DirEntry, _ error) error { return os.Chmod(path, 0o755) })
		})
		p := runAsNobody(t, dataDir, "ask", "--json", madridQuestion)
		if p.code != exitOK || !strings.Contains(p.stdout, "Madrid") {
			t.Fatalf("ask in a read-only DATA_DIR: exit %d\n%s%s", p.code, p.stdout, p.stderr)
		}
		if !strings.Contains(p.stderr, "answering from a snapshot of the index") || strings.Contains(p.stderr, "cannot be read") ||
			strings.Contains(p.stderr, "level=WARN") || strings.Contains(p.stderr, "level=ERROR") {
			t.Errorf("ask in a read-only DATA_DIR did not answer from its index quietly:\n%s", p.stderr)
		}
		for _, args := range [][]string{{"corpus", "list"}, {"corpus", "check"}, {"timeline"}} {
			if p := runAsNobody(t, dataDir, args...); p.code != exitOK {
				t.Errorf("%v in a read-only DATA_DIR: exit %d\n%s", args, p.code, p.stderr)
			}
		}
	})
}

// allFiles lists everything under dir.
func allFiles(dir string) []string { return notOwnedBy(dir, -1) }

package main

// Crash safety of corpus changes: `disputebot corpus add` and `corpus
// import`, the real binary, are killed with SIGKILL at random moments,
// before, during and after they write the corpus and the index. After each
// kill the corpus must load, the index must agree with it once the service
// has opened (as the bot does on its next start), and every article whose
// addition was acknowledged must be there.

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/disputebot/disputebot/app"
	"github.com/disputebot/disputebot/knowledge"
)

// crashSeed makes the kill moments reproducible.
const crashSeed = 20240521

// crashWord and crashPort are made-up words that name article n of the
// crash test and nothing else. Two, because the crash articles come to
// outnumber the built-in passages: their common words ("ferry", "route")
// then say nothing, and the engine answers only a question that matches
// two specific words (or a word of the dispute).
func crashWord(n int) string {
	return "tarvosk" + string(rune('a'+n/26%26)) + string(rune('a'+n%26)) + "an"
}

func crashPort(n int) string {
	return "qel" + string(rune('a'+n%26)) + "umbar" + string(rune('a'+n/26%26))
}

// crashArticle is article n of the crash test, with an id of its own.
func crashArticle(n int) *knowledge.Article {
	w, port := crashWord(n), crashPort(n)
	return &knowledge.Article{
		ID:    fmt.Sprintf("crash-%03d-%s", n, w),
		Title: fmt.Sprintf("Japan and South Korea open the %s ferry route", w), Publisher: "Crash Test News",
		URL:       fmt.Sprintf("https://crash.example.com/%d", n),
		Published: time.Date(2024, 9, 1+n%28, 0, 0, 0, 0, time.UTC), Kind: knowledge.KindArticle, Language: "en",
		Body: []knowledge.Paragraph{
			{Text: fmt.Sprintf("Japan and South Korea opened the %s ferry route between Busan and the port of %s on Monday, officials of both countries said.", w, port)},
			{Text: fmt.Sprintf("The %s ferry route is the first new crossing between the two countries in a decade.", w)},
		},
	}
}

// crashRun is one run of the binary: what it printed as it went, when.
type crashRun struct {
	acked  []string      // ids it said it added
	ackAt  time.Duration // when it first said so
	exited bool          // it finished before the kill
	took   time.Duration
}

var addedLine = regexp.MustCompile(`^added ([a-z0-9-]+)`)

// runKilled starts the binary and kills it after delay (never, for a
// negative delay), reading its output as it goes.
func runKilled(t *testing.T, bin, dataDir string, delay time.Duration, args ...string) crashRun {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Dir = t.TempDir() // no .env
	cmd.Env = []string{"DATA_DIR=" + dataDir, "HOME=" + cmd.Dir, "LOG_LEVEL=error"}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr syncBuffer
	cmd.Stderr = &stderr
	start := time.Now()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	var run crashRun
	var mu sync.Mutex
	read := make(chan struct{})
	go func() {
		defer close(read)
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			if m := addedLine.FindStringSubmatch(sc.Text()); m != nil {
				mu.Lock()
				if len(run.acked) == 0 {
					run.ackAt = time.Since(start)
				}
				run.acked = append(run.acked, m[1])
				mu.Unlock()
			}
		}
		io.Copy(io.Discard, stdout)
	}()
	exited := make(chan error, 1)
	go func() {
		<-read // all output read before Wait closes the pipe
		exited <- cmd.Wait()
	}()
	var werr error
	if delay < 0 {
		werr = <-exited
		run.exited = true
	} else {
		select {
		case werr = <-exited:
			run.exited = true
		case <-time.After(delay):
			cmd.Process.Signal(syscall.SIGKILL)
			werr = <-exited
		}
	}
	run.took = time.Since(start)
	if run.exited && werr != nil {
		t.Fatalf("%v exited on its own with %v:\n%s", args, werr, stderr.String())
	}
	mu.Lock()
	defer mu.Unlock()
	return run
}

// TestCorpusCrashSafety kills `corpus add FILE`, `corpus import DIR` and
// `corpus import FILE.jsonl` at random moments, and after each kill opens
// the service on the same DATA_DIR, as the bot does when it starts again.
func TestCorpusCrashSafety(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and kills it two dozen times")
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
	dataDir := t.TempDir()
	inputs := t.TempDir()
	next := 0
	var latest []string // the articles of the latest run
	// prepare writes the input of one run: one .md file to add, or a
	// directory or export of three articles to import.
	prepare := func(mode int) []string {
		var arts []*knowledge.Article
		latest = latest[:0]
		for range map[int]int{0: 1, 1: 3, 2: 3}[mode] {
			arts = append(arts, crashArticle(next))
			latest = append(latest, arts[len(arts)-1].ID)
			next++
		}
		switch mode {
		case 0:
			data, err := knowledge.FormatArticle(arts[0])
			if err != nil {
				t.Fatal(err)
			}
			file := filepath.Join(inputs, arts[0].ID+".md")
			if err := os.WriteFile(file, data, 0o644); err != nil {
				t.Fatal(err)
			}
			return []string{"corpus", "add", file}
		case 1:
			dir := filepath.Join(inputs, arts[0].ID)
			if err := os.Mkdir(dir, 0o755); err != nil {
				t.Fatal(err)
			}
			for _, a := range arts {
				data, err := knowledge.FormatArticle(a)
				if err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(filepath.Join(dir, a.ID+".md"), data, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			return []string{"corpus", "import", dir}
		default:
			var b strings.Builder
			for _, a := range arts {
				line, err := json.Marshal(toRecord(a, false))
				if err != nil {
					t.Fatal(err)
				}
				b.Write(append(line, '\n'))
			}
			file := filepath.Join(inputs, arts[0].ID+".jsonl")
			if err := os.WriteFile(file, []byte(b.String()), 0o644); err != nil {
				t.Fatal(err)
			}
			return []string{"corpus", "import", file}
		}
	}

	acked := map[string]bool{} // every article acknowledged so far
	// restart opens the service as the bot would after the crash and
	// checks the corpus and the index.
	restart := func(t *testing.T) {
		t.Helper()
		e, err := app.Open(context.Background(), app.Options{DataDir: dataDir, Access: app.Serve, Logger: slog.New(slog.DiscardHandler)})
		if err != nil {
			t.Fatalf("the corpus does not open after the kill: %v", err)
		}
		defer e.Close()
		checkIndexAgrees(t, e)
		for id := range acked {
			if _, ok := e.Article(id); !ok {
				t.Errorf("acknowledged article %s is gone", id)
			}
		}
		// The articles of the latest run that made it are found by their
		// phrase (earlier ones were checked after their run, and the
		// index still agrees with the corpus).
		for _, id := range latest {
			if _, ok := e.Article(id); !ok {
				continue
			}
			var n int
			fmt.Sscanf(id, "crash-%d-", &n)
			w := crashWord(n)
			ans, err := e.Search(context.Background(), knowledge.Query{Text: "When did Japan and South Korea open the " + w + " ferry route to " + crashPort(n) + "?"})
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(hitsText(ans), w) {
				t.Errorf("a search does not find article %s: %d hits\n%s", id, len(ans.Hits), hitsText(ans))
			}
		}
	}

	// The bot's first start builds the index; then uninterrupted runs of
	// each command give the time scale of the kills (the median of three,
	// as the first run of a binary is slower).
	restart(t)
	var ackAt, took [3]time.Duration
	for mode := range 3 {
		var acks, takes []time.Duration
		for range 3 {
			run := runKilled(t, bin, dataDir, -1, prepare(mode)...)
			acks, takes = append(acks, run.ackAt), append(takes, run.took)
			for _, id := range run.acked {
				acked[id] = true
			}
		}
		slices.Sort(acks)
		slices.Sort(takes)
		ackAt[mode], took[mode] = acks[1], takes[1]
	}
	restart(t)
	t.Logf("uninterrupted: add acknowledged after %v, done after %v; import of a directory %v, %v; of an export %v, %v",
		ackAt[0], took[0], ackAt[1], took[1], ackAt[2], took[2])

	const kills = 24
	rng := rand.New(rand.NewPCG(crashSeed, crashSeed))
	var before, during, after, checked int
	for i := range kills {
		mode := i % 3
		args := prepare(mode)
		// Half the kills land around the first write of the corpus (just
		// before the first "added"), the others anywhere from the start
		// to a little after a run's usual end.
		within := func(d time.Duration) time.Duration { return time.Duration(rng.Int64N(int64(d) + 1)) }
		delay := within(took[mode] * 13 / 10)
		if rng.IntN(2) == 0 {
			delay = ackAt[mode]/2 + within(ackAt[mode])
		}
		run := runKilled(t, bin, dataDir, delay, args...)
		switch {
		case run.exited:
			after++
		case len(run.acked) == 0:
			before++
		default:
			during++
		}
		for _, id := range run.acked {
			acked[id] = true
		}
		checked += len(run.acked)
		t.Run(fmt.Sprintf("kill %d %s after %v", i+1, args[1], delay.Round(time.Millisecond)), restart)
		if t.Failed() {
			break
		}
	}

	// Nothing a kill leaves behind is mistaken for an article; say what
	// was left.
	leftovers, _ := filepath.Glob(filepath.Join(dataDir, "corpus", ".*"))
	audit, err := os.ReadFile(filepath.Join(dataDir, "audit.log"))
	if err != nil {
		t.Fatal(err)
	}
	var logged []string
	for _, line := range strings.Split(strings.TrimSpace(string(audit)), "\n") {
		var c knowledge.Change
		if err := json.Unmarshal([]byte(line), &c); err != nil {
			t.Errorf("audit log line is not a change: %q", line)
			continue
		}
		logged = append(logged, c.Article)
	}
	for id := range acked {
		if !slices.Contains(logged, id) {
			t.Errorf("acknowledged article %s is not in the audit log", id)
		}
	}
	t.Logf("%d kills (seed %d): %d before any article was acknowledged, %d after some, %d after the command had finished; "+
		"%d acknowledged articles checked after their kill, %d in all; %d temporary files left in the corpus directory",
		kills, crashSeed, before, during, after, checked, len(acked), len(leftovers))
	if before == 0 || during == 0 {
		t.Errorf("the kills did not land both before and after the first write (%d, %d): retune the delays", before, during)
	}
}

package index

import (
	"context"
	"math/rand/v2"
	"os"
	"os/exec"
	"testing"
	"time"

	"github.com/disputebot/disputebot/index/internal/newsgen"
	"github.com/disputebot/disputebot/knowledge"
)

// crashChildDir names the environment variable that turns this test binary
// into the child of TestKilledBuild: it builds an index in that directory.
const crashChildDir = "DISPUTEBOT_TEST_BUILD_DIR"

// crashArticles is what the child indexes: with small batches, dozens of
// them, two in flight at a time.
func crashArticles() []*knowledge.Article { return newsgen.Articles(11, 600) }

// TestKilledBuildChild is not a test: it is the process TestKilledBuild
// kills.
func TestKilledBuildChild(t *testing.T) {
	dir := os.Getenv(crashChildDir)
	if dir == "" {
		t.Skip("only run by TestKilledBuild")
	}
	idx, err := Open(dir, Options{Logger: quiet, BatchSize: 20})
	if err != nil {
		t.Fatal(err)
	}
	if err := idx.Sync(context.Background(), crashArticles()); err != nil {
		t.Fatal(err)
	}
	if err := idx.Close(); err != nil {
		t.Fatal(err)
	}
}

// TestKilledBuild kills a first build (Open, then Sync, as the bot starts)
// with SIGKILL at random moments. After each kill, the manifest left in the
// index lists only articles whose passages are all there, and the next
// Open and Sync give a complete index.
func TestKilledBuild(t *testing.T) {
	if testing.Short() {
		t.Skip("builds an index several times")
	}
	run := func(dir string, kill time.Duration) (finished bool) {
		cmd := exec.Command(os.Args[0], "-test.run=^TestKilledBuildChild$", "-test.count=1")
		cmd.Env = append(os.Environ(), crashChildDir+"="+dir)
		out := new(limitedBuffer)
		cmd.Stdout, cmd.Stderr = out, out
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		timer := time.NewTimer(kill)
		defer timer.Stop()
		select {
		case err := <-done:
			if err != nil {
				t.Fatalf("child failed: %v\n%s", err, out)
			}
			return true
		case <-timer.C:
			cmd.Process.Kill()
			<-done
			return false
		}
	}
	articles := crashArticles()
	total := 0
	for _, a := range articles {
		total += len(a.Passages())
	}

	start := time.Now()
	if !run(t.TempDir(), time.Hour) {
		t.Fatal("unreachable")
	}
	full := time.Since(start)

	rng := rand.New(rand.NewPCG(20241127, 1))
	killed := 0
	for trial := range 12 {
		dir := t.TempDir()
		at := time.Duration(float64(full) * (0.2 + 0.75*rng.Float64()))
		if run(dir, at) {
			continue
		}
		killed++
		idx, err := Open(dir, Options{Logger: quiet})
		if err != nil {
			t.Fatalf("trial %d (kill at %v of %v): open: %v", trial, at, full, err)
		}
		for id, e := range idx.manifest {
			for n := 1; n <= e.Passages; n++ {
				if d, err := idx.cur.Document(knowledge.PassageID(id, n)); err != nil || d == nil {
					t.Errorf("trial %d: manifest lists %s, whose passage %d is missing", trial, id, n)
				}
			}
		}
		if err := idx.Sync(context.Background(), articles); err != nil {
			t.Fatalf("trial %d: Sync: %v", trial, err)
		}
		if n, err := idx.Count(); err != nil || n != total {
			t.Errorf("trial %d: %d passages after Sync (%v), want %d", trial, n, err, total)
		}
		if got := len(idx.Articles()); got != len(articles) {
			t.Errorf("trial %d: manifest lists %d articles after Sync, want %d", trial, got, len(articles))
		}
		idx.Close()
	}
	if killed < 6 {
		t.Errorf("only %d of 12 builds were killed before they finished", killed)
	}
}

// limitedBuffer keeps the first 64 KB written to it, for error messages.
type limitedBuffer struct{ b []byte }

func (l *limitedBuffer) Write(p []byte) (int, error) {
	if room := 64<<10 - len(l.b); room > 0 {
		l.b = append(l.b, p[:min(len(p), room)]...)
	}
	return len(p), nil
}

func (l *limitedBuffer) String() string { return string(l.b) }

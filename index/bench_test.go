//go:build linux

package index

// Benchmarks of indexing and asking over a generated news-like corpus (see
// internal/newsgen) of 1k, 10k and 100k passages; the 100k cases are skipped
// under -short. Each corpus size is indexed once per process and shared:
// BenchmarkIndex keeps the first index it builds of each size, and
// BenchmarkAsk and BenchmarkPeakRSS use it (building it if BenchmarkIndex
// did not run). The indexes live under one directory in os.TempDir, removed
// when the test process exits (see benchRemoveAtExit). The file is
// Linux-only: it reads /proc and per-thread CPU time, so that the numbers
// stay meaningful on a machine shared with other work. Reproduce the table
// in README.md with
//
//	go test -run='^$' -bench=. -benchmem -count=1 -timeout=30m ./index/

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/disputebot/disputebot/index/internal/newsgen"
	"github.com/disputebot/disputebot/knowledge"
)

// Benchmark settings.
const (
	benchCorpusSeed   = 1
	benchQuestionSeed = 2
	benchWarmupSeed   = 3
	benchQuestions    = 1000 // questions timed one by one for the percentiles
	benchWarmup       = 200  // questions asked first, untimed
	benchLimit        = 3    // results per question, as the bot asks
	// helperEnv names the index directory that TestHelperProcess opens
	// when the test binary runs as BenchmarkPeakRSS's child.
	helperEnv = "DISPUTEBOT_BENCH_RSS_INDEX"
	// cleanupEnv names the directory that TestHelperProcess removes when
	// the test binary runs as benchRemoveAtExit's child.
	cleanupEnv = "DISPUTEBOT_BENCH_CLEANUP"
)

// benchSizes are the corpus sizes, in passages.
var benchSizes = []struct {
	name     string
	passages int
}{{"1k", 1_000}, {"10k", 10_000}, {"100k", 100_000}}

// benchRoot is the directory that holds every benchmark index, created on
// first use and removed when the process exits (see benchRemoveAtExit).
var benchRoot struct {
	sync.Mutex
	dir  string
	exit *os.File // write end of the pipe that benchRemoveAtExit's child reads
}

// benchDir returns a new, empty directory under benchRoot.
func benchDir(tb testing.TB, name string) string {
	tb.Helper()
	benchRoot.Lock()
	defer benchRoot.Unlock()
	if benchRoot.dir == "" {
		dir, err := os.MkdirTemp("", benchRootPrefix)
		if err != nil {
			tb.Fatal(err)
		}
		if benchRoot.exit, err = benchRemoveAtExit(dir); err != nil {
			os.RemoveAll(dir)
			tb.Fatal(err)
		}
		benchRoot.dir = dir
	}
	dir, err := os.MkdirTemp(benchRoot.dir, name+"-")
	if err != nil {
		tb.Fatal(err)
	}
	return dir
}

// benchRootPrefix starts the name of benchRoot.
const benchRootPrefix = "disputebot-bench-"

// benchRemoveAtExit starts a child process (this test binary, running only
// TestHelperProcess) that removes dir once this process has exited: it
// reads a pipe whose write end only this process holds, and the pipe closes
// when the process ends, however it ends. The shared indexes must outlive
// any one benchmark, and the package's TestMain belongs to the other tests.
// The returned file is the write end; keep it open.
func benchRemoveAtExit(dir string) (*os.File, error) {
	exe, err := os.Executable()
	if err != nil {
		return nil, err
	}
	r, w, err := os.Pipe()
	if err != nil {
		return nil, err
	}
	defer r.Close()
	cmd := exec.Command(exe, "-test.run=^TestHelperProcess$", "-test.count=1")
	cmd.Env = append(os.Environ(), cleanupEnv+"="+dir)
	cmd.Stdin = r
	if err := cmd.Start(); err != nil {
		w.Close()
		return nil, fmt.Errorf("start the clean-up process: %w", err)
	}
	go cmd.Wait() // reap it if it ends first
	return w, nil
}

// benchCorpus is one corpus size: its articles, generated once, and the
// shared index of them.
type benchCorpus struct {
	passages int
	articles func() []*knowledge.Article

	mu  sync.Mutex
	dir string // the shared index, "" until built
}

var (
	benchCorporaMu sync.Mutex
	benchCorpora   = map[int]*benchCorpus{}
)

// benchCorpusOf returns the corpus of a size.
func benchCorpusOf(passages int) *benchCorpus {
	benchCorporaMu.Lock()
	defer benchCorporaMu.Unlock()
	c := benchCorpora[passages]
	if c == nil {
		c = &benchCorpus{passages: passages}
		c.articles = sync.OnceValue(func() []*knowledge.Article {
			return newsgen.Articles(benchCorpusSeed, passages)
		})
		benchCorpora[passages] = c
	}
	return c
}

// keep makes the index in dir the shared one if there is none yet, and
// removes it otherwise.
func (c *benchCorpus) keep(dir string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.dir == "" {
		c.dir = dir
		return
	}
	os.RemoveAll(dir)
}

// index returns the directory of the shared index, building it if need be.
func (c *benchCorpus) index(tb testing.TB) string {
	tb.Helper()
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.dir == "" {
		dir := benchDir(tb, fmt.Sprintf("index-%d", c.passages))
		if _, _, err := benchBuild(dir, c.articles()); err != nil {
			tb.Fatal(err)
		}
		c.dir = dir
	}
	return c.dir
}

// benchOptions are the index options of the benchmarks: defaults, silent,
// builds tuned for speed as cmd/disputebot's are (TuneGC), and a search
// timeout long enough that a slow question is measured rather than cut off
// at the default 2 s (which a busy machine can reach).
func benchOptions() Options {
	return Options{Logger: slog.New(slog.DiscardHandler), SearchTimeout: time.Minute, TuneGC: true}
}

// benchBuild indexes articles into a new index in dir, as the bot does on
// first start (Open, then Sync), and closes it. It returns the wall time and
// the process CPU time taken by Open and Sync; closing, which waits for
// background merges, is not counted.
func benchBuild(dir string, articles []*knowledge.Article) (wall, cpu time.Duration, err error) {
	start, startCPU := time.Now(), benchCPU(false)
	idx, err := Open(dir, benchOptions())
	if err != nil {
		return 0, 0, err
	}
	if err := idx.Sync(context.Background(), articles); err != nil {
		idx.Close()
		return 0, 0, err
	}
	wall, cpu = time.Since(start), benchCPU(false)-startCPU
	return wall, cpu, idx.Close()
}

// benchBatches is the number of bleve batches Sync writes for articles into
// an empty index: it flushes after the article that fills buildBatchSize.
func benchBatches(articles []*knowledge.Article) int {
	batches, pending, size := 0, 0, newIndex("", benchOptions()).buildBatchSize(articles)
	for _, a := range articles {
		pending += len(a.Body) // each generated paragraph is one passage
		if pending >= size {
			batches, pending = batches+1, 0
		}
	}
	if pending > 0 {
		batches++
	}
	return batches
}

// benchDirSize is the total size of the files under dir.
func benchDirSize(dir string) (int64, error) {
	var n int64
	err := filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		n += info.Size()
		return nil
	})
	return n, err
}

// benchCPU returns the CPU time (user and system) used so far by the
// process, or by the calling thread when thread is set; a goroutine that
// measures itself must stay on its thread (runtime.LockOSThread).
func benchCPU(thread bool) time.Duration {
	who := syscall.RUSAGE_SELF
	if thread {
		who = 1 // RUSAGE_THREAD, which package syscall does not name
	}
	var ru syscall.Rusage
	if err := syscall.Getrusage(who, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// benchSkipLarge skips the 100k corpus under -short.
func benchSkipLarge(b *testing.B, passages int) {
	if passages > 10_000 && testing.Short() {
		b.Skip("skipping the 100k-passage corpus in short mode")
	}
}

// BenchmarkIndex builds an index of the whole corpus, with Open and Sync on
// a new directory; one op is one full build. It reports passages indexed per
// second (wall time), the process CPU time per passage (which a busy machine
// does not inflate), the number of bleve batches and the bytes on disk per
// passage, once the index is reopened.
func BenchmarkIndex(b *testing.B) {
	for _, size := range benchSizes {
		b.Run(size.name, func(b *testing.B) {
			benchSkipLarge(b, size.passages)
			c := benchCorpusOf(size.passages)
			articles := c.articles()
			b.ReportAllocs()
			b.ResetTimer()
			var wall, cpu time.Duration
			var bytes int64
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				dir := benchDir(b, "build-"+size.name)
				b.StartTimer()
				w, c2, err := benchBuild(dir, articles)
				if err != nil {
					b.Fatal(err)
				}
				b.StopTimer()
				wall, cpu = wall+w, cpu+c2
				// scorch removes the segments that a merge replaced once it
				// has persisted the merge; a build closed right after its
				// merge leaves them to the next Open, which is measured.
				idx, err := Open(dir, benchOptions())
				if err != nil {
					b.Fatal(err)
				}
				if err := idx.Close(); err != nil {
					b.Fatal(err)
				}
				if bytes, err = benchDirSize(dir); err != nil {
					b.Fatal(err)
				}
				c.keep(dir)
				b.StartTimer()
			}
			n := float64(size.passages * b.N)
			b.ReportMetric(n/wall.Seconds(), "passages/s")
			b.ReportMetric(float64(cpu)/float64(time.Millisecond)/n, "cpu-ms/passage")
			b.ReportMetric(float64(benchBatches(articles)), "batches")
			b.ReportMetric(float64(bytes)/float64(size.passages), "B/passage")
		})
	}
}

// benchStats are the latencies of questions asked one by one: wall time,
// and CPU time of the asking thread, which other work on the machine does
// not inflate.
type benchStats struct {
	p50, p90, p99, max time.Duration
	cpuP50, cpuP99     time.Duration
	answered           int // questions with at least one hit
}

// benchAskAll asks every question once, in order, and returns the latencies.
func benchAskAll(idx *Index, questions []string) (benchStats, error) {
	runtime.LockOSThread() // for the thread's CPU time
	defer runtime.UnlockOSThread()
	ctx := context.Background()
	wall := make([]time.Duration, len(questions))
	cpu := make([]time.Duration, len(questions))
	var st benchStats
	for i, q := range questions {
		start, startCPU := time.Now(), benchCPU(true)
		ans, err := idx.Search(ctx, knowledge.Query{Text: q, Limit: benchLimit})
		wall[i], cpu[i] = time.Since(start), benchCPU(true)-startCPU
		if err != nil {
			return st, fmt.Errorf("%q: %w", q, err)
		}
		if len(ans.Hits) > 0 {
			st.answered++
		}
	}
	slices.Sort(wall)
	slices.Sort(cpu)
	// Nearest-rank percentiles.
	at := func(lat []time.Duration, p int) time.Duration { return lat[max(0, (p*len(lat)+99)/100-1)] }
	st.p50, st.p90, st.p99, st.max = at(wall, 50), at(wall, 90), at(wall, 99), wall[len(wall)-1]
	st.cpuP50, st.cpuP99 = at(cpu, 50), at(cpu, 99)
	return st, nil
}

var (
	benchStatsMu sync.Mutex
	benchStatsOf = map[int]benchStats{}
)

// BenchmarkAsk asks generated questions (glossary names in several scripts,
// dispute terms, vocabulary words, some typos) of the shared index with
// Search, as the bot does: three results, aliasing, re-ranking and
// excerpts. The per-question percentiles come from benchQuestions questions
// timed one by one after benchWarmup others, in wall time (p50-ms, p90-ms,
// p99-ms, max-ms) and in CPU time of the asking thread (cpu-p50-ms,
// cpu-p99-ms); answered-% is the share of questions with an answer. ns/op is
// the mean over the b.N loop, which cycles through the same questions.
func BenchmarkAsk(b *testing.B) {
	for _, size := range benchSizes {
		b.Run(size.name, func(b *testing.B) {
			benchSkipLarge(b, size.passages)
			dir := benchCorpusOf(size.passages).index(b)
			idx, err := Open(dir, benchOptions())
			if err != nil {
				b.Fatal(err)
			}
			defer idx.Close()
			questions := newsgen.Questions(benchQuestionSeed, benchQuestions)

			// The percentiles are measured once per size, not at every b.N
			// round the benchmark framework tries.
			benchStatsMu.Lock()
			st, ok := benchStatsOf[size.passages]
			if !ok {
				if _, err := benchAskAll(idx, newsgen.Questions(benchWarmupSeed, benchWarmup)); err != nil {
					benchStatsMu.Unlock()
					b.Fatal(err)
				}
				if st, err = benchAskAll(idx, questions); err != nil {
					benchStatsMu.Unlock()
					b.Fatal(err)
				}
				benchStatsOf[size.passages] = st
			}
			benchStatsMu.Unlock()

			ctx := context.Background()
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				q := knowledge.Query{Text: questions[i%len(questions)], Limit: benchLimit}
				if _, err := idx.Search(ctx, q); err != nil {
					b.Fatal(err)
				}
			}
			b.StopTimer()
			ms := func(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
			b.ReportMetric(ms(st.p50), "p50-ms")
			b.ReportMetric(ms(st.p90), "p90-ms")
			b.ReportMetric(ms(st.p99), "p99-ms")
			b.ReportMetric(ms(st.max), "max-ms")
			b.ReportMetric(ms(st.cpuP50), "cpu-p50-ms")
			b.ReportMetric(ms(st.cpuP99), "cpu-p99-ms")
			b.ReportMetric(100*float64(st.answered)/float64(len(questions)), "answered-%")
		})
	}
}

// BenchmarkPeakRSS runs a child process (this test binary, running only
// TestHelperProcess) that opens the shared index, asks the benchmark
// questions and reports its peak resident set (VmHWM), which counts the
// index pages it mapped as well as the Go heap; at the end it reports the
// resident set split into anonymous memory (the Go heap and runtime) and
// file pages (the index, mapped by bleve). It also reports how long the
// fresh process took to open the index and to answer its first question,
// which is what a one-shot `disputebot ask` pays.
func BenchmarkPeakRSS(b *testing.B) {
	if _, err := os.Stat("/proc/self/status"); err != nil {
		b.Skip("needs /proc/self/status (Linux)")
	}
	exe, err := os.Executable()
	if err != nil {
		b.Skip("cannot find the test binary:", err)
	}
	for _, size := range benchSizes {
		b.Run(size.name, func(b *testing.B) {
			benchSkipLarge(b, size.passages)
			dir := benchCorpusOf(size.passages).index(b)
			var peak, end, anon, file, heap, openMS, firstMS float64
			for i := 0; i < b.N; i++ {
				cmd := exec.Command(exe, "-test.run=^TestHelperProcess$", "-test.count=1")
				cmd.Env = append(os.Environ(), helperEnv+"="+dir)
				var stderr bytes.Buffer
				cmd.Stderr = &stderr
				out, err := cmd.Output()
				if err != nil {
					b.Fatalf("helper process: %v\n%s%s", err, out, stderr.Bytes())
				}
				r, err := benchParseReport(out)
				if err != nil {
					b.Fatalf("%v in:\n%s", err, out)
				}
				peak, end, heap = max(peak, r["vmhwm_kb"]/1024), r["vmrss_kb"]/1024, r["heap_sys_kb"]/1024
				anon, file = r["rssanon_kb"]/1024, r["rssfile_kb"]/1024
				openMS, firstMS = r["open_ms"], r["first_ms"]
			}
			b.ReportMetric(peak, "peak-RSS-MB")
			b.ReportMetric(end, "end-RSS-MB")
			b.ReportMetric(anon, "end-anon-MB")
			b.ReportMetric(file, "end-file-MB")
			b.ReportMetric(heap, "go-heap-sys-MB")
			b.ReportMetric(openMS, "open-ms")
			b.ReportMetric(firstMS, "first-ask-ms")
		})
	}
}

// helperPrefix starts the line on which TestHelperProcess reports.
const helperPrefix = "disputebot-bench-rss"

// benchParseReport reads the key=value pairs of the helper's report line.
func benchParseReport(out []byte) (map[string]float64, error) {
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) == 0 || fields[0] != helperPrefix {
			continue
		}
		r := map[string]float64{}
		for _, f := range fields[1:] {
			k, v, _ := strings.Cut(f, "=")
			n, err := strconv.ParseFloat(v, 64)
			if err != nil {
				return nil, fmt.Errorf("bad report field %q", f)
			}
			r[k] = n
		}
		return r, nil
	}
	return nil, fmt.Errorf("no %s line", helperPrefix)
}

// TestHelperProcess is the child process of the benchmarks; it does nothing
// unless one of their environment variables is set. With cleanupEnv, it
// waits for its parent to exit and removes the benchmark indexes. With
// helperEnv, it opens an index, asks the benchmark questions and reports its
// peak resident set for BenchmarkPeakRSS.
func TestHelperProcess(t *testing.T) {
	if dir := os.Getenv(cleanupEnv); dir != "" {
		io.Copy(io.Discard, os.Stdin) // EOF: the parent has exited
		if filepath.Dir(dir) == filepath.Clean(os.TempDir()) && strings.HasPrefix(filepath.Base(dir), benchRootPrefix) {
			os.RemoveAll(dir)
		}
		return
	}
	dir := os.Getenv(helperEnv)
	if dir == "" {
		return
	}
	if _, set := os.LookupEnv("GOGC"); !set {
		debug.SetGCPercent(GCPercent) // as cmd/disputebot runs
	}
	questions := newsgen.Questions(benchQuestionSeed, benchQuestions)
	start := time.Now()
	idx, err := Open(dir, benchOptions())
	if err != nil {
		t.Fatal(err)
	}
	defer idx.Close()
	opened := time.Since(start)
	if _, err := benchAskAll(idx, questions[:1]); err != nil {
		t.Fatal(err)
	}
	first := time.Since(start) - opened
	if _, err := benchAskAll(idx, questions); err != nil {
		t.Fatal(err)
	}
	status, err := os.ReadFile("/proc/self/status")
	if err != nil {
		t.Fatal(err)
	}
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Printf("%s vmhwm_kb=%d vmrss_kb=%d rssanon_kb=%d rssfile_kb=%d heap_sys_kb=%d open_ms=%.1f first_ms=%.1f\n",
		helperPrefix, benchStatusKB(status, "VmHWM"), benchStatusKB(status, "VmRSS"),
		benchStatusKB(status, "RssAnon"), benchStatusKB(status, "RssFile"), ms.HeapSys/1024,
		float64(opened)/float64(time.Millisecond), float64(first)/float64(time.Millisecond))
}

// benchStatusKB reads a "Key:   123 kB" line of /proc/self/status.
func benchStatusKB(status []byte, key string) int64 {
	for line := range strings.Lines(string(status)) {
		if rest, ok := strings.CutPrefix(line, key+":"); ok {
			n, _ := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 10, 64)
			return n
		}
	}
	return -1
}

// TestBenchHarness runs the benchmark pieces on a small corpus, so that
// they keep working between benchmark runs: the generated corpus indexes,
// the shared-index bookkeeping holds, and the generated questions find
// answers with excerpts.
func TestBenchHarness(t *testing.T) {
	articles := newsgen.Articles(benchCorpusSeed, 300)
	dir := t.TempDir()
	if _, _, err := benchBuild(dir, articles); err != nil {
		t.Fatal(err)
	}
	idx, err := Open(dir, benchOptions())
	if err != nil {
		t.Fatal(err)
	}
	defer idx.Close()
	if n, err := idx.Count(); err != nil || n != 300 {
		t.Fatalf("Count() = %d, %v; want 300 passages", n, err)
	}
	if got, want := benchBatches(articles), 3; got != want { // 300 passages in batches of at least minBatchSize
		t.Errorf("benchBatches = %d, want %d", got, want)
	}
	questions := newsgen.Questions(benchQuestionSeed, 100)
	st, err := benchAskAll(idx, questions)
	if err != nil {
		t.Fatal(err)
	}
	if st.answered < 20 {
		t.Errorf("%d of %d questions answered, want at least 20: the corpus or the questions drifted", st.answered, len(questions))
	}
	if st.p50 > st.p99 || st.p99 > st.max || st.cpuP50 > st.cpuP99 || st.cpuP99 <= 0 {
		t.Errorf("percentiles out of order: %+v", st)
	}
	ctx := context.Background()
	for _, q := range questions {
		ans, err := idx.Search(ctx, knowledge.Query{Text: q, Limit: benchLimit})
		if err != nil {
			t.Fatal(err)
		}
		for _, h := range ans.Hits {
			if h.Excerpt.Plain() == "" {
				t.Errorf("%q: hit %s#%d has no excerpt", q, h.ArticleID, h.Passage)
			}
		}
	}
	r, err := benchParseReport([]byte("PASS\n" + helperPrefix + " vmhwm_kb=2048 vmrss_kb=1024 heap_sys_kb=512\n"))
	if err != nil || r["vmhwm_kb"] != 2048 || r["heap_sys_kb"] != 512 {
		t.Errorf("benchParseReport = %v, %v", r, err)
	}
	if got := benchStatusKB([]byte("Name:\tx\nVmHWM:\t  12345 kB\n"), "VmHWM"); got != 12345 {
		t.Errorf("benchStatusKB = %d, want 12345", got)
	}
}

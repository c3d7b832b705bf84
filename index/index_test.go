package index

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/disputebot/disputebot/index/internal/newsgen"
	"github.com/disputebot/disputebot/knowledge"
)

var quiet = slog.New(slog.NewTextHandler(io.Discard, nil))

// openTest opens an on-disk index in a temporary directory, filled with the
// given articles.
func openTest(t testing.TB, articles []*knowledge.Article) (*Index, string) {
	t.Helper()
	dir := t.TempDir()
	idx, err := Open(dir, Options{Logger: quiet, LockTimeout: 200 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { idx.Close() })
	if err := idx.Sync(context.Background(), articles); err != nil {
		t.Fatal(err)
	}
	return idx, dir
}

func defaultCorpus(t testing.TB) []*knowledge.Article {
	t.Helper()
	arts, err := knowledge.DefaultCorpus()
	if err != nil {
		t.Fatal(err)
	}
	return arts
}

// article builds a small valid article.
func article(id, scope string, published string, paragraphs ...string) *knowledge.Article {
	d, err := knowledge.ParseDate(published)
	if err != nil {
		panic(err)
	}
	a := &knowledge.Article{
		ID: id, Title: "Test article " + id, Publisher: "Test Wire", URL: "https://example.com/" + id,
		Published: d, Language: "en", Kind: knowledge.KindArticle, Scope: scope,
	}
	for _, p := range paragraphs {
		a.Body = append(a.Body, knowledge.Paragraph{Text: p})
	}
	return a
}

// articlesOf returns an article of each paragraph, with ids prefix0,
// prefix1, …: a test that ranks passages against one another sets them
// apart, in this order (a tie goes to the first).
func articlesOf(prefix, published string, paragraphs ...string) []*knowledge.Article {
	var out []*knowledge.Article
	for i, text := range paragraphs {
		out = append(out, article(fmt.Sprintf("%s%d", prefix, i), knowledge.Global, published, text))
	}
	return out
}

func ask(t testing.TB, idx *Index, q knowledge.Query) *knowledge.Answer {
	t.Helper()
	ans, err := idx.Search(context.Background(), q)
	if err != nil {
		t.Fatalf("search %q: %v", q.Text, err)
	}
	return ans
}

func ids(ans *knowledge.Answer) []string {
	var out []string
	for _, h := range ans.Hits {
		out = append(out, knowledge.PassageID(h.ArticleID, h.Passage))
	}
	return out
}

const (
	paraExport = "Japan tightened export controls on fluorinated polyimide, photoresist and hydrogen fluoride, three materials that South Korean chipmakers need, citing a loss of trust over the handling of sensitive items."
	paraRuling = "The Supreme Court in Seoul ordered Nippon Steel to pay compensation to four former wartime laborers, ruling that the 1965 claims agreement did not end the right of individuals to seek damages."
	paraGsomia = "Seoul said it would let the GSOMIA intelligence-sharing pact with Tokyo expire, citing the grave change in security cooperation that the trade measures had caused, a decision Washington criticized."
)

func TestSyncReconciles(t *testing.T) {
	a := article("a", knowledge.Global, "2019-07-01", paraExport)
	b := article("b", knowledge.Global, "2018-10-30", paraRuling)
	idx, dir := openTest(t, []*knowledge.Article{a, b})
	if n, _ := idx.Count(); n != 2 {
		t.Fatalf("count = %d, want 2", n)
	}

	// Change a, remove b, add c.
	a2 := article("a", knowledge.Global, "2019-07-01", paraExport, paraGsomia)
	c := article("c", knowledge.Global, "2019-08-22", paraGsomia)
	if err := idx.Sync(context.Background(), []*knowledge.Article{a2, c}); err != nil {
		t.Fatal(err)
	}
	if n, _ := idx.Count(); n != 3 {
		t.Fatalf("count after sync = %d, want 3", n)
	}
	if got := ids(ask(t, idx, knowledge.Query{Text: "Nippon Steel compensation ruling"})); len(got) != 0 {
		t.Errorf("removed article still found: %v", got)
	}
	if got := ids(ask(t, idx, knowledge.Query{Text: "GSOMIA intelligence pact"})); len(got) != 2 {
		t.Errorf("GSOMIA passages = %v, want a#2 and c#1", got)
	}

	// Reopen: the manifest says everything is in place.
	if err := idx.Close(); err != nil {
		t.Fatal(err)
	}
	idx2, err := Open(dir, Options{Logger: quiet})
	if err != nil {
		t.Fatal(err)
	}
	defer idx2.Close()
	want := map[string]string{"a": ArticleHash(a2), "c": ArticleHash(c)}
	if got := idx2.Articles(); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("manifest after reopen = %v, want %v", got, want)
	}
	// Shrinking an article removes its extra passages.
	if err := idx2.Sync(context.Background(), []*knowledge.Article{article("a", knowledge.Global, "2019-07-01", paraExport), c}); err != nil {
		t.Fatal(err)
	}
	if n, _ := idx2.Count(); n != 2 {
		t.Errorf("count after shrinking = %d, want 2", n)
	}
}

func TestOpenReplacesUnusableIndex(t *testing.T) {
	t.Parallel()
	// Orphaned generations are normally kept for a while in case another
	// process is building one; here they must go at once.
	opts := Options{Logger: quiet, StaleAfter: time.Nanosecond}
	for _, tc := range []struct {
		name   string
		damage func(t *testing.T, dir string)
	}{
		{"CURRENT missing", func(t *testing.T, dir string) { os.Remove(filepath.Join(dir, "CURRENT")) }},
		{"CURRENT names nothing", func(t *testing.T, dir string) {
			os.WriteFile(filepath.Join(dir, "CURRENT"), []byte("gen-nope\n"), 0o644)
		}},
		{"CURRENT escapes", func(t *testing.T, dir string) {
			os.WriteFile(filepath.Join(dir, "CURRENT"), []byte("../../etc\n"), 0o644)
		}},
		{"generation deleted", func(t *testing.T, dir string) {
			gen, _ := os.ReadFile(filepath.Join(dir, "CURRENT"))
			os.RemoveAll(filepath.Join(dir, strings.TrimSpace(string(gen))))
		}},
		{"store corrupted", func(t *testing.T, dir string) {
			gen, _ := os.ReadFile(filepath.Join(dir, "CURRENT"))
			files, _ := filepath.Glob(filepath.Join(dir, strings.TrimSpace(string(gen)), "store", "*"))
			for _, f := range files {
				os.WriteFile(f, []byte("garbage"), 0o644)
			}
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			arts := []*knowledge.Article{article("a", knowledge.Global, "2019-07-01", paraExport)}
			idx, dir := openTest(t, arts)
			idx.Close()
			tc.damage(t, dir)
			idx2, err := Open(dir, opts)
			if err != nil {
				t.Fatalf("open after damage: %v", err)
			}
			defer idx2.Close()
			if err := idx2.Sync(context.Background(), arts); err != nil {
				t.Fatal(err)
			}
			if got := ids(ask(t, idx2, knowledge.Query{Text: "photoresist export controls"})); len(got) != 1 {
				t.Errorf("after rebuild, hits = %v", got)
			}
			gens, _ := filepath.Glob(filepath.Join(dir, "gen-*"))
			if len(gens) != 1 {
				t.Errorf("generations left: %v", gens)
			}
		})
	}
}

func TestOpenInUse(t *testing.T) {
	_, dir := openTest(t, nil)
	_, err := Open(dir, Options{Logger: quiet, LockTimeout: 100 * time.Millisecond})
	if !errors.Is(err, ErrInUse) {
		t.Fatalf("second Open: err = %v, want ErrInUse", err)
	}
}

func TestRebuildWhileSearching(t *testing.T) {
	arts := defaultCorpus(t)
	idx, dir := openTest(t, arts)
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	var mu sync.Mutex
	var failures []string
	searches := 0
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for ctx.Err() == nil {
				ans, err := idx.Search(context.Background(), knowledge.Query{Text: "How long did Motegi and Kang talk in Madrid?"})
				mu.Lock()
				searches++
				if err != nil {
					failures = append(failures, err.Error())
				} else if len(ans.Hits) == 0 {
					failures = append(failures, "no hits")
				}
				mu.Unlock()
			}
		}()
	}
	for i := 0; i < 3; i++ {
		if err := idx.Rebuild(context.Background(), arts); err != nil {
			t.Fatal(err)
		}
	}
	cancel()
	wg.Wait()
	if len(failures) > 0 {
		t.Fatalf("%d of %d searches failed during rebuilds, first: %s", len(failures), searches, failures[0])
	}
	if gens, _ := filepath.Glob(filepath.Join(dir, "gen-*")); len(gens) != 1 {
		t.Errorf("generations left after rebuilds: %v", gens)
	}
	t.Logf("%d searches during 3 rebuilds, none failed", searches)
}

func TestFilters(t *testing.T) {
	arts := []*knowledge.Article{
		article("glob-export", knowledge.Global, "2019-07-01", paraExport),
		article("glob-ruling", knowledge.Global, "2018-10-30", paraRuling),
		article("guild-a", "111", "2019-08-22", paraGsomia+" The export controls were the reason."),
		article("guild-b", "222", "2019-08-23", paraGsomia+" The export controls were the reason given."),
	}
	idx, _ := openTest(t, arts)
	d := func(s string) time.Time { t, _ := knowledge.ParseDate(s); return t }
	for _, tc := range []struct {
		name string
		q    knowledge.Query
		want string // comma-separated article ids, any order
	}{
		{"global only", knowledge.Query{Text: "export controls", Limit: 10}, "glob-export"},
		{"guild sees its own", knowledge.Query{Text: "export controls", Guild: "111", Limit: 10}, "glob-export,guild-a"},
		{"other guild", knowledge.Query{Text: "export controls", Guild: "222", Limit: 10}, "glob-export,guild-b"},
		{"unknown guild", knowledge.Query{Text: "export controls", Guild: "333", Limit: 10}, "glob-export"},
		{"topic filter", knowledge.Query{Text: "Seoul", Topics: []knowledge.Topic{knowledge.TopicLaborRuling}, Guild: "111", Limit: 10}, "glob-ruling"},
		{"date from", knowledge.Query{Text: "export controls", Guild: "111", From: d("2019-08-01"), Limit: 10}, "guild-a"},
		{"date to, inclusive", knowledge.Query{Text: "export controls", Guild: "111", To: d("2019-07-01"), Limit: 10}, "glob-export"},
		{"empty range", knowledge.Query{Text: "export controls", Guild: "111", From: d("2020-01-01"), Limit: 10}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ans := ask(t, idx, tc.q)
			var got []string
			for _, h := range ans.Hits {
				got = append(got, h.ArticleID)
			}
			if g, w := sorted(got), sorted(strings.Split(tc.want, ",")); g != w {
				t.Errorf("articles = %s, want %s", g, w)
			}
		})
	}

	// The scope filter is left out when no other server's passages are in
	// the index: removing them one by one must not let any through.
	for _, step := range []struct {
		remove string
		guild  string
		want   string
	}{
		{"guild-b", "111", "glob-export,guild-a"},
		{"", "", "glob-export"},
		{"", "222", "glob-export"},
		{"guild-a", "", "glob-export"},
		{"", "111", "glob-export"},
	} {
		if step.remove != "" {
			if err := idx.Delete(context.Background(), step.remove); err != nil {
				t.Fatal(err)
			}
		}
		ans := ask(t, idx, knowledge.Query{Text: "export controls", Guild: step.guild, Limit: 10})
		var got []string
		for _, h := range ans.Hits {
			got = append(got, h.ArticleID)
		}
		if g, w := sorted(got), sorted(strings.Split(step.want, ",")); g != w {
			t.Errorf("after removing %q, guild %q: articles = %s, want %s", step.remove, step.guild, g, w)
		}
	}
}

func sorted(s []string) string {
	var out []string
	for _, x := range s {
		if x != "" {
			out = append(out, x)
		}
	}
	for i := range out {
		for j := i + 1; j < len(out); j++ {
			if out[j] < out[i] {
				out[i], out[j] = out[j], out[i]
			}
		}
	}
	return strings.Join(out, ",")
}

// TestBuildAndFollow rebuilds the index from outside, as `disputebot index
// rebuild` does while the bot holds it, and checks that the holder
// switches over without failing a search.
func TestBuildAndFollow(t *testing.T) {
	arts := []*knowledge.Article{article("a", knowledge.Global, "2019-07-01", paraExport)}
	idx, dir := openTest(t, arts)
	if changed, err := idx.Follow(); err != nil || changed {
		t.Fatalf("Follow before a rebuild = %v, %v", changed, err)
	}
	more := append(arts, article("b", knowledge.Global, "2018-10-30", paraRuling))
	if err := Build(context.Background(), dir, more, Options{Logger: quiet}); err != nil {
		t.Fatal(err)
	}
	if got := ids(ask(t, idx, knowledge.Query{Text: "Nippon Steel compensation ruling"})); len(got) != 0 {
		t.Fatalf("new article visible before Follow: %v", got)
	}
	changed, err := idx.Follow()
	if err != nil || !changed {
		t.Fatalf("Follow after a rebuild = %v, %v", changed, err)
	}
	if got := ids(ask(t, idx, knowledge.Query{Text: "Nippon Steel compensation ruling"})); len(got) != 1 {
		t.Errorf("after Follow: %v", got)
	}
	if gens, _ := filepath.Glob(filepath.Join(dir, "gen-*")); len(gens) != 1 {
		t.Errorf("generations left: %v", gens)
	}
}

// stopAfter is a context that says it is cancelled from the n+1th time it is
// asked: apply asks once per batch sent, so a build stops after n batches,
// with up to two of them still being written, as a killed build would.
type stopAfter struct {
	context.Context
	left atomic.Int32
}

func (c *stopAfter) Err() error {
	if c.left.Add(-1) < 0 {
		return context.Canceled
	}
	return nil
}

// TestInterruptedBuild: a first build, whose batches are written two at a
// time, is stopped half-way; a passage that no manifest lists is added, as
// a crash with two batches in flight can leave. The next Sync notices it
// and builds a complete index without it. (TestKilledBuild kills real
// builds; this is the deterministic half.)
func TestInterruptedBuild(t *testing.T) {
	t.Parallel()
	opts := Options{Logger: quiet, BatchSize: 40}
	articles := newsgen.Articles(7, 600)
	dir := t.TempDir()
	idx, err := Open(dir, opts)
	if err != nil {
		t.Fatal(err)
	}
	ctx := &stopAfter{Context: context.Background()}
	ctx.left.Store(4)
	if err := idx.Sync(ctx, articles); !errors.Is(err, context.Canceled) {
		t.Fatalf("interrupted Sync = %v, want context.Canceled", err)
	}
	raw, err := idx.cur.GetInternal([]byte(keyManifest))
	if err != nil {
		t.Fatal(err)
	}
	var listed manifest
	if err := json.Unmarshal(raw, &listed); err != nil {
		t.Fatal(err)
	}
	if len(listed) == 0 || len(listed) >= len(articles) {
		t.Fatalf("after 4 of 15 batches the manifest lists %d of %d articles", len(listed), len(articles))
	}
	for id, e := range listed {
		for n := 1; n <= e.Passages; n++ {
			if d, err := idx.cur.Document(knowledge.PassageID(id, n)); err != nil || d == nil {
				t.Errorf("manifest lists %s, whose passage %d is missing (%v)", id, n, err)
			}
		}
	}
	// A passage nobody lists, as a crash can leave, that no article has.
	if err := idx.cur.Index("stale#1", passageDoc{Body: "stale text", ArticleID: "stale", Passage: 1}); err != nil {
		t.Fatal(err)
	}
	if err := idx.Close(); err != nil {
		t.Fatal(err)
	}

	idx, err = Open(dir, opts)
	if err != nil {
		t.Fatal(err)
	}
	defer idx.Close()
	if err := idx.Sync(context.Background(), articles); err != nil {
		t.Fatal(err)
	}
	want := 0
	for _, a := range articles {
		want += len(a.Passages())
	}
	if n, err := idx.Count(); err != nil || n != want {
		t.Errorf("after Sync: %d passages (%v), want %d", n, err, want)
	}
	if d, _ := idx.cur.Document("stale#1"); d != nil {
		t.Error("the unlisted passage survived Sync")
	}
	if got := idx.Articles(); len(got) != len(articles) {
		t.Errorf("manifest lists %d articles, want %d", len(got), len(articles))
	}
	gen := idx.curDir
	if err := idx.Sync(context.Background(), articles); err != nil {
		t.Fatal(err)
	}
	if idx.curDir != gen {
		t.Error("a complete index was rebuilt again")
	}
}

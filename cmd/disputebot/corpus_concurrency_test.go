package main

// Questions while the corpus changes: the bot answers members while
// moderators add and remove articles, and while the index is rebuilt in
// place or beside it by `disputebot index rebuild`. Run with -race.

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/disputebot/disputebot/app"
	"github.com/disputebot/disputebot/knowledge"
)

// builtinQuestion has one answer in the built-in corpus: Motegi and Kang
// talked for about ten minutes in Madrid.
const builtinQuestion = "How long did Motegi and Kang talk in Madrid?"

func builtinAnswered(ans *knowledge.Answer) bool {
	text := hitsText(ans)
	return strings.Contains(text, "10 minutes") || strings.Contains(text, "ten minutes")
}

// churnWord is a made-up word that names article n and nothing else.
func churnWord(n int) string {
	return "velkar" + string(rune('a'+n/26%26)) + string(rune('a'+n%26)) + "ine"
}

// churnArticle is article n of the concurrency test.
func churnArticle(n int) *knowledge.Article {
	w := churnWord(n)
	return &knowledge.Article{
		Title: fmt.Sprintf("Japan and South Korea sign the %s accord", w), Publisher: "Churn News",
		URL:       fmt.Sprintf("https://churn.example.com/%d", n),
		Published: time.Date(2024, 8, 1+n%28, 0, 0, 0, 0, time.UTC), Kind: knowledge.KindArticle, Language: "en",
		Body: []knowledge.Paragraph{
			{Text: fmt.Sprintf("Japan and South Korea signed the %s accord on fisheries in Busan on Monday, officials of both countries said.", w)},
			{Text: fmt.Sprintf("The %s accord sets quotas for squid in the waters between the two countries for five years.", w)},
		},
	}
}

// TestCorpusConcurrency asks questions without pause while articles are
// added and removed, the index is rebuilt in place (Service.Rebuild of the
// bot's service), and rebuilt beside the open one and followed (Rebuild
// of a service opened to change the corpus, as `disputebot index rebuild`
// does beside the running bot, then Service.Refresh, as the bot does). No
// question may fail, and the question the built-in corpus answers must get
// its answer every time. At the end, the index agrees with the corpus.
func TestCorpusConcurrency(t *testing.T) {
	dataDir := t.TempDir()
	e := openTestService(t, dataDir, nil)
	ctx := context.Background()
	const guild = "1600000000000000001"
	mod := knowledge.Actor{ID: "1600000000000000002", Name: "mod", Guild: guild}
	const adds, rebuilds, builds = 16, 2, 2

	var (
		asked, failed, unanswered atomic.Int64
		firstFailure              atomic.Value
	)
	stop := make(chan struct{})
	var askers sync.WaitGroup
	for n := range 2 {
		askers.Go(func() {
			rng := rand.New(rand.NewPCG(uint64(n), 1))
			for {
				select {
				case <-stop:
					return
				default:
				}
				q := knowledge.Query{Text: builtinQuestion}
				if rng.IntN(2) == 0 {
					q.Guild = guild // a server with articles of its own
				}
				ans, err := e.Search(ctx, q)
				asked.Add(1)
				switch {
				case err != nil:
					failed.Add(1)
					firstFailure.CompareAndSwap(nil, err.Error())
				case !builtinAnswered(ans):
					unanswered.Add(1)
					firstFailure.CompareAndSwap(nil, "no answer:\n"+hitsText(ans))
				}
			}
		})
	}

	var writers sync.WaitGroup
	errs := make(chan error, 100)
	added := make(chan string, adds)
	var kept sync.Map   // id -> n, articles added and not removed
	writers.Go(func() { // a moderator adding
		defer close(added)
		for n := range adds {
			a, err := e.AddArticle(ctx, churnArticle(n), mod, "form")
			if err != nil {
				errs <- fmt.Errorf("add %d: %w", n, err)
				continue
			}
			kept.Store(a.ID, n)
			added <- a.ID
			time.Sleep(20 * time.Millisecond)
		}
	})
	writers.Go(func() { // another removing every other one
		i := 0
		for id := range added {
			if i++; i%2 == 0 {
				if _, err := e.Remove(ctx, id, mod); err != nil {
					errs <- fmt.Errorf("remove %s: %w", id, err)
					continue
				}
				kept.Delete(id)
			}
		}
	})
	writers.Go(func() { // a rebuild in place
		for range rebuilds {
			if _, err := e.Rebuild(ctx); err != nil {
				errs <- fmt.Errorf("rebuild: %w", err)
			}
			time.Sleep(50 * time.Millisecond)
		}
	})
	writers.Go(func() { // `disputebot index rebuild` beside the running bot
		for range builds {
			if err := rebuildBeside(ctx, dataDir); err != nil {
				errs <- fmt.Errorf("build: %w", err)
			}
			if err := e.Refresh(ctx); err != nil {
				errs <- fmt.Errorf("refresh: %w", err)
			}
			time.Sleep(50 * time.Millisecond)
		}
	})
	writers.Wait()
	time.Sleep(100 * time.Millisecond) // questions on the final index too
	close(stop)
	askers.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}

	t.Logf("%d questions answered during %d adds, %d removes, %d rebuilds and %d builds followed; %d failed, %d without the answer",
		asked.Load(), adds, adds/2, rebuilds, builds, failed.Load(), unanswered.Load())
	if failed.Load() != 0 || unanswered.Load() != 0 {
		t.Errorf("%d questions failed and %d went without the built-in answer; first: %v", failed.Load(), unanswered.Load(), firstFailure.Load())
	}
	if asked.Load() < 50 {
		t.Errorf("only %d questions asked: the test did not exercise much", asked.Load())
	}

	// A rebuild from a list taken before a change can put back what the
	// change removed (or leave out what it added) until the next sync; the
	// bot's refresh syncs when the index was switched.
	if _, err := e.Sync(ctx); err != nil {
		t.Fatal(err)
	}
	checkIndexAgrees(t, e)
	for n := range adds {
		id := ""
		kept.Range(func(k, v any) bool {
			if v.(int) == n {
				id = k.(string)
			}
			return id == ""
		})
		w := churnWord(n)
		ans, err := e.Search(ctx, knowledge.Query{Text: "What is the " + w + " accord of Japan and South Korea?", Guild: guild})
		if err != nil {
			t.Fatal(err)
		}
		if found := strings.Contains(hitsText(ans), w); found != (id != "") {
			t.Errorf("article %d (%s): found %v, kept %v", n, w, found, id != "")
		}
	}
}

// rebuildBeside does what `disputebot index rebuild` does beside the
// running bot: it opens the corpus to change it, finds DATA_DIR held by the
// bot, and builds a new index beside the bot's.
func rebuildBeside(ctx context.Context, dataDir string) error {
	svc, err := app.Open(ctx, app.Options{DataDir: dataDir, Access: app.Change, Command: "index rebuild", Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		return err
	}
	defer svc.Close()
	r, err := svc.Rebuild(ctx)
	if err == nil && !r.Beside {
		err = errors.New("the index was rebuilt in place, not beside the bot's")
	}
	return err
}

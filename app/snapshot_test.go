package app

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/disputebot/disputebot/index"
	"github.com/disputebot/disputebot/knowledge"
)

// TestSnapshotWhileWriting takes snapshots of an index that another
// holder keeps changing, as the running bot does, and checks that each
// opens as an index whose passages are those its manifest lists: a copy
// caught in the middle of a write is taken again, never used.
func TestSnapshotWhileWriting(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "index")
	quiet := index.Options{Logger: slog.New(slog.DiscardHandler)}
	idx, err := index.Open(dir, quiet)
	if err != nil {
		t.Fatal(err)
	}
	defer idx.Close()
	arts, err := knowledge.DefaultCorpus()
	if err != nil {
		t.Fatal(err)
	}
	if err := idx.Sync(context.Background(), arts); err != nil {
		t.Fatal(err)
	}
	extra := func(i int) *knowledge.Article {
		a := *arts[0]
		a.ID = fmt.Sprintf("extra-%d", i)
		return &a
	}

	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		for i := 0; ; i++ {
			select {
			case <-stop:
				return
			default:
			}
			if err := idx.Put(context.Background(), extra(i)); err != nil {
				t.Errorf("put: %v", err)
				return
			}
			if i >= 2 {
				if err := idx.Delete(context.Background(), extra(i-2).ID); err != nil {
					t.Errorf("delete: %v", err)
					return
				}
			}
		}
	})
	for i := range 15 {
		snap, err := openIndexSnapshot(dir, filepath.Join(t.TempDir(), "index"), quiet)
		if err != nil {
			t.Fatalf("snapshot %d: %v", i, err)
		}
		listed := 0
		for id := range snap.Articles() {
			for _, a := range arts {
				if a.ID == id {
					listed += len(a.Passages())
				}
			}
			if len(id) > 6 && id[:6] == "extra-" {
				listed += len(arts[0].Passages())
			}
		}
		n, err := snap.Count()
		if err != nil || n != listed || listed == 0 {
			t.Errorf("snapshot %d holds %d passages (%v), its manifest lists %d", i, n, err, listed)
		}
		snap.Close()
	}
	close(stop)
	wg.Wait()
	if _, err := os.Stat(filepath.Join(dir, "CURRENT")); err != nil {
		t.Errorf("the index snapshotted is damaged: %v", err)
	}
}

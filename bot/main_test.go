package bot

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"sync"
	"testing"

	"github.com/disputebot/disputebot/index"
	"github.com/disputebot/disputebot/knowledge"
)

// The handler tests answer from the real on-disk index of the default
// corpus, because the point is to see what users would see: stubbed search
// results would hide ranking, excerpting and rendering problems. Building it
// takes seconds under -race, so it is built once per test binary, in a
// directory that TestMain removes.
//
// Importing package index here is fine: test imports are not part of
// `go list -deps ./bot/...`, which CI checks for bleve.
var corpus struct {
	dir  string
	once sync.Once
	idx  *index.Index
	arts []*knowledge.Article
	err  error
}

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "bot-test-index-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	corpus.dir = dir
	code := m.Run()
	if corpus.idx != nil {
		corpus.idx.Close()
	}
	os.RemoveAll(dir)
	os.Exit(code)
}

// realCorpus returns the default corpus and its index, building the index on
// first use.
func realCorpus(t *testing.T) (*index.Index, []*knowledge.Article) {
	t.Helper()
	corpus.once.Do(func() {
		corpus.arts, corpus.err = knowledge.DefaultCorpus()
		if corpus.err != nil {
			return
		}
		quiet := slog.New(slog.DiscardHandler)
		corpus.idx, corpus.err = index.Open(corpus.dir, index.Options{Logger: quiet})
		if corpus.err != nil {
			return
		}
		corpus.err = corpus.idx.Sync(context.Background(), corpus.arts)
	})
	if corpus.err != nil {
		t.Fatalf("building the index of the default corpus: %v", corpus.err)
	}
	return corpus.idx, corpus.arts
}

// library is the Library the way cmd/disputebot serves it: every server sees
// the global articles and its own.
type library []*knowledge.Article

func (l library) Articles(guild string) []*knowledge.Article { return knowledge.Visible(l, guild) }

// newTestBot is a Bot on the real corpus with a fixed version, so that
// /about replies are stable, and with logs discarded unless the test is
// verbose.
func newTestBot(t *testing.T, cfg Config) *Bot {
	t.Helper()
	idx, arts := realCorpus(t)
	if cfg.Searcher == nil {
		cfg.Searcher = idx
	}
	if cfg.Library == nil {
		cfg.Library = library(arts)
	}
	if cfg.Version == "" {
		cfg.Version = "test"
	}
	if cfg.Logger == nil {
		var w io.Writer = io.Discard
		if testing.Verbose() {
			w = t.Output()
		}
		cfg.Logger = slog.New(slog.NewTextHandler(w, nil))
	}
	return New(cfg)
}

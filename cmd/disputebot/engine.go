package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/disputebot/disputebot/index"
	"github.com/disputebot/disputebot/knowledge"
	"github.com/disputebot/disputebot/knowledge/web"
)

// engine is the corpus and its index, kept in step: the corpus store on
// disk is the system of record, and every change is written there first,
// then to the index, which can always be rebuilt from it.
type engine struct {
	store *knowledge.Store
	index *index.Index
	fetch *web.Fetcher
	log   *slog.Logger

	mu sync.Mutex // serializes changes, so that store and index change in the same order
}

// openEngineFromEnv reads the configuration and opens the engine, for the
// commands that answer one batch of questions and exit.
func openEngineFromEnv(ctx context.Context, env Env, stderr io.Writer) (*engine, error) {
	cfg, err := loadConfig(env)
	if err != nil {
		return nil, err
	}
	return openEngine(ctx, cfg, newLogger(stderr, cfg.LogLevel))
}

// openEngine opens the corpus in DATA_DIR (the embedded default plus
// DATA_DIR/corpus) and the index in DATA_DIR/index, bringing the index up
// to date with the corpus: on first use that builds it, after a crash it
// indexes what is missing and drops what is stale.
func openEngine(ctx context.Context, cfg Config, log *slog.Logger) (*engine, error) {
	store, err := openStore(cfg.DataDir)
	if err != nil {
		return nil, err
	}
	idx, err := index.Open(filepath.Join(cfg.DataDir, "index"), index.Options{Logger: log})
	if err != nil {
		if errors.Is(err, index.ErrInUse) {
			return nil, fmt.Errorf("%w; is the bot running? Stop it first, or ask through Discord", err)
		}
		return nil, fmt.Errorf("open index: %w", err)
	}
	if err := idx.Sync(ctx, store.All()); err != nil {
		idx.Close()
		return nil, fmt.Errorf("update index: %w", err)
	}
	return &engine{store: store, index: idx, fetch: &web.Fetcher{AllowPrivate: cfg.AllowPrivateFetch}, log: log}, nil
}

func openStore(dataDir string) (*knowledge.Store, error) {
	defaults, err := knowledge.DefaultCorpus()
	if err != nil {
		return nil, fmt.Errorf("default corpus: %w", err)
	}
	return knowledge.OpenStore(dataDir, defaults)
}

func (e *engine) Close() error { return e.index.Close() }

// loadArticles returns the whole corpus without opening the index, for
// commands that do not search.
func loadArticles(dataDir string, _ *slog.Logger) ([]*knowledge.Article, error) {
	store, err := openStore(dataDir)
	if err != nil {
		return nil, err
	}
	return store.All(), nil
}

// Articles implements bot.Library.
func (e *engine) Articles(guild string) []*knowledge.Article { return e.store.Articles(guild) }

// History implements bot.Curator.
func (e *engine) History(guild string, n int) ([]knowledge.Change, error) {
	return e.store.History(guild, n)
}

// AddURL fetches a page, extracts its article and adds it.
func (e *engine) AddURL(ctx context.Context, raw string, by knowledge.Actor) (*knowledge.Article, error) {
	page, err := e.fetch.Fetch(ctx, raw)
	if err != nil {
		return nil, err
	}
	a, err := web.FromPage(page)
	if err != nil {
		return nil, err
	}
	if a.Published.IsZero() {
		a.Published = today()
	}
	return e.AddArticle(ctx, a, by, raw)
}

// AddFile adds an uploaded or local file (.md, .txt, .html).
func (e *engine) AddFile(ctx context.Context, name string, data []byte, by knowledge.Actor) (*knowledge.Article, error) {
	a, err := web.FromFile(name, data)
	if err != nil {
		return nil, err
	}
	if a.Publisher == "" {
		a.Publisher = "Added by " + actorLabel(by)
	}
	if a.Published.IsZero() {
		a.Published = today()
	}
	return e.AddArticle(ctx, a, by, name)
}

// AddFileURL downloads an attachment (at most web.MaxFileBytes) and adds it.
func (e *engine) AddFileURL(ctx context.Context, name, raw string, by knowledge.Actor) (*knowledge.Article, error) {
	f := *e.fetch
	f.MaxBytes = web.MaxFileBytes
	f.AnyType = true // the file's name says how to read it, whatever the CDN calls it
	page, err := f.Fetch(ctx, raw)
	if err != nil {
		return nil, err
	}
	return e.AddFile(ctx, name, page.Body, by)
}

// AddArticle stores an article and indexes it. Articles added from a
// server belong to that server; from the command line they are global
// unless a scope is set.
func (e *engine) AddArticle(ctx context.Context, a *knowledge.Article, by knowledge.Actor, source string) (*knowledge.Article, error) {
	if by.Guild != "" {
		a.Scope = by.Guild
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	if err := e.store.Add(a, by, source); err != nil {
		return nil, err
	}
	if err := e.index.Put(ctx, a); err != nil {
		// The article is safely stored; the next sync indexes it.
		e.log.Error("index new article", "id", a.ID, "err", err)
		return a, fmt.Errorf("article %s saved, but indexing failed: %w", a.ID, err)
	}
	e.log.Info("article added", "id", a.ID, "scope", a.Scope, "by", by.ID, "source", source)
	return a, nil
}

// Remove removes an article from the store and the index.
func (e *engine) Remove(ctx context.Context, id string, by knowledge.Actor) (*knowledge.Article, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	a, err := e.store.Remove(id, by)
	if err != nil {
		return nil, err
	}
	if err := e.index.Delete(ctx, id); err != nil {
		e.log.Error("unindex removed article", "id", id, "err", err)
		return a, fmt.Errorf("article %s removed, but the index still has it until the next sync: %w", id, err)
	}
	e.log.Info("article removed", "id", id, "scope", a.Scope, "by", by.ID)
	return a, nil
}

// refresh picks up changes made by another process: corpus files added or
// removed on the command line, and an index rebuilt beside this one.
func (e *engine) refresh(ctx context.Context) error {
	e.mu.Lock()
	defer e.mu.Unlock()
	followed, err := e.index.Follow()
	if err != nil {
		return fmt.Errorf("follow rebuilt index: %w", err)
	}
	reloaded, err := e.store.Reload()
	if err != nil {
		return fmt.Errorf("reload corpus: %w", err)
	}
	if followed || reloaded {
		return e.index.Sync(ctx, e.store.All())
	}
	return nil
}

// watch refreshes every interval until ctx is done.
func (e *engine) watch(ctx context.Context, every time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			if err := e.refresh(ctx); err != nil && ctx.Err() == nil {
				e.log.Error("refresh corpus", "err", err)
			}
		}
	}
}

func today() time.Time {
	y, m, d := time.Now().UTC().Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

func actorLabel(by knowledge.Actor) string {
	if strings.TrimSpace(by.Name) != "" {
		return by.Name
	}
	return by.ID
}

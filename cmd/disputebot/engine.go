package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
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

	// reported are the corpus problems logged so far, by file, so that each
	// is logged once, when it appears, and again when it changes or goes.
	reported map[string]string

	dataDir string
	lock    *dirLock // DATA_DIR's, when this engine holds it
	tmp     string   // the temporary directory of a read-only engine's snapshot
}

// openEngineFromEnv reads the configuration and opens the engine, for the
// commands that answer one batch of questions and exit.
func openEngineFromEnv(ctx context.Context, env Env, stderr io.Writer) (*engine, error) {
	cfg, err := loadConfig(env)
	if err != nil {
		return nil, err
	}
	return openReader(ctx, cfg, newLogger(stderr, cfg.LogLevel))
}

// openReader opens the engine for commands that only ask. When this
// process may write DATA_DIR and no other holds it, that is the engine of
// DATA_DIR itself, whose index it brings up to date (building it on first
// use); otherwise (the bot runs, DATA_DIR is read-only or another user's)
// it is a read-only one that answers from a snapshot of the index.
func openReader(ctx context.Context, cfg Config, log *slog.Logger) (*engine, error) {
	if err := checkDataDir(cfg.DataDir); err != nil {
		return nil, err
	}
	lock, why := lockForReading(cfg.DataDir)
	if lock == nil {
		log.Debug("answering from a snapshot of the index", "why", why)
		return openSnapshot(ctx, cfg, log)
	}
	e, err := openEngine(ctx, cfg, log)
	if err != nil {
		lock.Unlock()
		return nil, err
	}
	e.lock = lock
	return e, nil
}

// lockForReading takes the lock of DATA_DIR for a command that asks, if
// it may write there (as the owner of DATA_DIR) and no other process holds
// it; else it says why not.
func lockForReading(dir string) (*dirLock, error) {
	if err := actAsOwner(dir, "ask"); err != nil {
		return nil, err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	if err := syscall.Access(dir, 2 /* W_OK */); err != nil {
		return nil, fmt.Errorf("DATA_DIR is read-only: %w", err)
	}
	return lockDataDir(dir, "disputebot ask", 0)
}

// openSnapshot opens a read-only engine: the corpus as it is on disk, and
// a private copy of the index (see snapshotIndex) brought up to date with
// it, in a temporary directory that Close removes. When the index in
// DATA_DIR cannot be read, the copy is built from the corpus.
func openSnapshot(ctx context.Context, cfg Config, log *slog.Logger) (*engine, error) {
	store, err := openStoreReadOnly(cfg.DataDir)
	if err != nil {
		return nil, err
	}
	tmp, err := os.MkdirTemp("", "disputebot-snapshot-")
	if err != nil {
		return nil, fmt.Errorf("snapshot of the index: %w", err)
	}
	dir := filepath.Join(tmp, "index")
	src := filepath.Join(cfg.DataDir, "index")
	idx, err := openIndexSnapshot(src, dir)
	if err != nil {
		if !errors.Is(err, fs.ErrNotExist) {
			log.Warn("the index in DATA_DIR cannot be read, so answers come from a temporary index of the corpus",
				"err", permissionError(err, src))
		}
		os.RemoveAll(dir)
		if idx, err = index.Open(dir, index.Options{Logger: slog.New(slog.DiscardHandler), TuneGC: true}); err != nil {
			os.RemoveAll(tmp)
			return nil, fmt.Errorf("open a temporary index: %w", err)
		}
	}
	if err := idx.Sync(ctx, store.All()); err != nil {
		idx.Close()
		os.RemoveAll(tmp)
		return nil, fmt.Errorf("update the snapshot of the index: %w", err)
	}
	e := &engine{store: store, index: idx, fetch: &web.Fetcher{AllowPrivate: cfg.AllowPrivateFetch}, log: log,
		dataDir: cfg.DataDir, tmp: tmp}
	e.reportProblems()
	return e, nil
}

// openEngine opens the corpus in DATA_DIR (the embedded default plus
// DATA_DIR/corpus) and the index in DATA_DIR/index, bringing the index up
// to date with the corpus: on first use that builds it, after a crash it
// indexes what is missing and drops what is stale. The caller holds the
// lock of DATA_DIR.
func openEngine(ctx context.Context, cfg Config, log *slog.Logger) (*engine, error) {
	store, err := openStore(cfg.DataDir)
	if err != nil {
		return nil, err
	}
	dir := filepath.Join(cfg.DataDir, "index")
	// bleve takes an index it may not read for a broken one, and replaces
	// it: a file left by a command run as another user must be told as
	// what it is instead.
	if bad := findUnreadable(dir); bad != "" {
		return nil, permissionError(fmt.Errorf("open index: %w", fs.ErrPermission), bad)
	}
	idx, err := index.Open(dir, index.Options{Logger: log, TuneGC: true})
	if err != nil {
		if errors.Is(err, index.ErrInUse) {
			return nil, fmt.Errorf("%w; is the bot running? Stop it first, or ask through Discord", err)
		}
		return nil, fmt.Errorf("open index: %w", explainIndexError(err, dir))
	}
	if err := idx.Sync(ctx, store.All()); err != nil {
		idx.Close()
		return nil, fmt.Errorf("update index: %w", explainIndexError(err, dir))
	}
	e := &engine{store: store, index: idx, fetch: &web.Fetcher{AllowPrivate: cfg.AllowPrivateFetch}, log: log,
		dataDir: cfg.DataDir}
	e.reportProblems()
	return e, nil
}

// explainIndexError says "permission denied" when the index failed because
// a file of it may not be read or written, which bleve reports as a
// missing or broken index.
func explainIndexError(err error, dir string) error {
	if errors.Is(err, fs.ErrPermission) {
		return permissionError(err, dir)
	}
	if bad := findUnreadable(dir); bad != "" {
		return permissionError(fmt.Errorf("%w (%w)", err, fs.ErrPermission), bad)
	}
	return err
}

// openStore opens the corpus store of dataDir for reading and writing.
func openStore(dataDir string) (*knowledge.Store, error) {
	defaults, err := knowledge.DefaultCorpus()
	if err != nil {
		return nil, fmt.Errorf("default corpus: %w", err)
	}
	s, err := knowledge.OpenStore(dataDir, defaults)
	if err != nil {
		return nil, permissionError(err, filepath.Join(dataDir, "corpus"))
	}
	return s, nil
}

// openStoreReadOnly opens the corpus store of dataDir for reading only:
// it works in a read-only DATA_DIR, and in one with no corpus yet.
func openStoreReadOnly(dataDir string) (*knowledge.Store, error) {
	defaults, err := knowledge.DefaultCorpus()
	if err != nil {
		return nil, fmt.Errorf("default corpus: %w", err)
	}
	if err := checkDataDir(dataDir); err != nil {
		return nil, err
	}
	s, err := knowledge.OpenStoreReadOnly(dataDir, defaults)
	if err != nil {
		return nil, permissionError(err, filepath.Join(dataDir, "corpus"))
	}
	return s, nil
}

// Close closes the index and releases DATA_DIR; a read-only engine's
// snapshot is removed.
func (e *engine) Close() error {
	err := e.index.Close()
	if e.tmp != "" {
		os.RemoveAll(e.tmp)
	}
	e.lock.Unlock()
	return err
}

// loadArticles returns the whole corpus without opening the index, for
// commands that do not search.
func loadArticles(dataDir string, log *slog.Logger) ([]*knowledge.Article, error) {
	store, err := openStoreReadOnly(dataDir)
	if err != nil {
		return nil, err
	}
	(&engine{store: store, log: log}).reportProblems()
	return store.All(), nil
}

// reportProblems logs the corpus files that the store skipped, each once,
// and the ones that were fixed. e.mu must be held, or e not yet shared.
func (e *engine) reportProblems() {
	now := map[string]string{}
	for _, p := range e.store.Problems() {
		msg := knowledge.ErrorMessage(p.Err)
		if knowledge.ErrorCode(p.Err) == knowledge.EINTERNAL {
			msg = p.Err.Error()
		}
		now[p.File] = msg
		if e.reported[p.File] != msg {
			e.log.Error("corpus file left out until it is fixed", "file", filepath.Join(e.store.Dir(), p.File), "problem", msg)
		}
	}
	for file := range e.reported {
		if _, ok := now[file]; !ok {
			e.log.Info("corpus file no longer left out", "file", filepath.Join(e.store.Dir(), file))
		}
	}
	e.reported = now
}

// CorpusProblems implements bot.ProblemLister: what is wrong with each
// corpus file that is left out, for moderators.
func (e *engine) CorpusProblems() []string {
	var out []string
	for _, p := range e.store.Problems() {
		if knowledge.ErrorCode(p.Err) == knowledge.EINTERNAL {
			out = append(out, p.File+": cannot be read (the bot's log says why)")
			continue
		}
		out = append(out, knowledge.ErrorMessage(p.Err))
	}
	return out
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
// removed on the command line, and an index rebuilt beside this one. One
// failing does not keep the other from happening.
func (e *engine) refresh(ctx context.Context) error {
	e.mu.Lock()
	defer e.mu.Unlock()
	var errs []error
	followed, err := e.index.Follow()
	if err != nil {
		errs = append(errs, fmt.Errorf("switch to the index rebuilt on the command line: %w",
			explainIndexError(err, filepath.Join(e.dataDir, "index"))))
	}
	reloaded, err := e.store.Reload()
	if err != nil {
		errs = append(errs, fmt.Errorf("read the corpus directory: %w", err))
	}
	e.reportProblems()
	if followed || reloaded {
		if err := e.index.Sync(ctx, e.store.All()); err != nil {
			errs = append(errs, fmt.Errorf("update the index: %w", err))
		}
	}
	return errors.Join(errs...)
}

// watch refreshes every interval until ctx is done. A failure is logged
// when it starts, when it changes and when it ends, not at every try.
func (e *engine) watch(ctx context.Context, every time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	last := ""
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			err := e.refresh(ctx)
			if ctx.Err() != nil {
				return
			}
			switch {
			case err != nil && err.Error() != last:
				e.log.Error("picking up corpus changes failed; trying again every "+every.String(), "err", err)
				last = err.Error()
			case err == nil && last != "":
				e.log.Info("picking up corpus changes works again")
				last = ""
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

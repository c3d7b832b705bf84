package app

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"syscall"
	"time"

	"github.com/disputebot/disputebot/index"
	"github.com/disputebot/disputebot/knowledge"
	"github.com/disputebot/disputebot/knowledge/web"
)

// Access is how a process uses DATA_DIR, which decides what Open takes
// and holds (see datadir.go for the rules).
type Access int

// The ways of using DATA_DIR.
const (
	// Serve is the running bot's: it holds DATA_DIR for as long as the
	// Service is open, so that a second bot is refused, and keeps the
	// index open and up to date, picking up what commands beside it
	// change (Watch).
	Serve Access = iota + 1
	// Ask is a command's that answers questions: the index of DATA_DIR,
	// brought up to date, when this process may write DATA_DIR and no
	// other holds it; otherwise a private snapshot of it.
	Ask
	// Change is a command's that changes the corpus: the corpus files,
	// with DATA_DIR held unless the running bot holds it (the bot then
	// picks the change up). The index is opened only by Sync and Rebuild.
	Change
	// Browse is a command's that only reads the articles: the corpus
	// files, read-only, and neither the index nor the lock.
	Browse
)

// Options say how to open a Service.
type Options struct {
	DataDir string
	Access  Access
	Logger  *slog.Logger // nil means slog.Default()
	// Command names the command in messages, such as as whom to run it
	// ("sudo -u disputebot disputebot corpus add") and in the lock of
	// DATA_DIR; "" means run for Serve, ask for Ask and corpus otherwise.
	Command string
	// AllowPrivateFetch lets AddURL fetch private and loopback addresses:
	// for tests against a local server only.
	AllowPrivateFetch bool
	// Fetcher, when set, is the fetcher of AddURL and AddFileURL instead
	// of one made from AllowPrivateFetch; the Service reads it at each
	// fetch, so that a test may change it between adds.
	Fetcher *web.Fetcher
	// TuneGC is passed to every index the Service opens or builds (see
	// index.Options.TuneGC): set it in a program that owns its process.
	TuneGC bool
}

func (o Options) withDefaults() Options {
	if o.Logger == nil {
		o.Logger = slog.Default()
	}
	if o.Command == "" {
		o.Command = map[Access]string{Serve: "run", Ask: "ask"}[o.Access]
	}
	if o.Command == "" {
		o.Command = "corpus"
	}
	if o.Fetcher == nil {
		o.Fetcher = &web.Fetcher{AllowPrivate: o.AllowPrivateFetch}
	}
	return o
}

// Open opens the corpus and, as opts.Access needs, the index of
// opts.DataDir. A mistake in how DATA_DIR is set up that only a person can
// fix is a *SetupError.
func Open(ctx context.Context, opts Options) (*Service, error) {
	opts = opts.withDefaults()
	switch opts.Access {
	case Serve:
		return openServe(ctx, opts)
	case Ask:
		return openAsk(ctx, opts)
	case Change:
		return openChange(opts)
	case Browse:
		return openBrowse(opts)
	}
	return nil, fmt.Errorf("app: unknown access %d", opts.Access)
}

// runLockWait is how long the bot waits for DATA_DIR while a command (not
// another bot) holds it.
const runLockWait = 30 * time.Second

// changeLockWait is how long a command that writes waits for another
// command holding DATA_DIR to be done.
const changeLockWait = 10 * time.Second

// openServe opens DATA_DIR for the running bot, as its owner. Another bot
// holding it is refused at once; a command holding it is waited for.
// Restarting cannot help a bot that may not use the files of DATA_DIR, so
// that is a *SetupError too.
func openServe(ctx context.Context, opts Options) (*Service, error) {
	dir := opts.DataDir
	lock, err := takeDataDir(dir, opts.Command, runRole, runLockWait)
	if errors.Is(err, errBusy) {
		return nil, fmt.Errorf("another disputebot is using DATA_DIR %s: %w; two bots on one DATA_DIR would "+
			"answer from indexes that drift apart, so stop the other one first", dir, err)
	}
	if err != nil {
		return nil, err
	}
	s, err := openLive(ctx, opts, lock)
	if err != nil {
		lock.Unlock()
		if errors.Is(err, fs.ErrPermission) {
			return nil, &SetupError{msg: err.Error(), err: err}
		}
		return nil, err
	}
	return s, nil
}

// takeDataDir takes DATA_DIR for a process that writes there: it checks
// that DATA_DIR is a directory, makes the process act as its owner (see
// actAsOwner), creates it if need be, and takes its lock as role. A command
// holding the lock is waited for, at most wait; the running bot is not,
// beyond runGrace, and the error then matches errBusy with holdsRun.
func takeDataDir(dir, command, role string, wait time.Duration) (*dirLock, error) {
	if err := checkDataDir(dir); err != nil {
		return nil, err
	}
	if err := actAsOwner(dir, command); err != nil {
		return nil, err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, permissionError(fmt.Errorf("create DATA_DIR: %w", err), dir)
	}
	lock, err := lockDataDir(dir, role, 0)
	switch {
	case errors.Is(err, errBusy) && !holdsRun(err):
		lock, err = lockDataDir(dir, role, wait)
	case holdsRun(err):
		// A bot that has just stopped may hold the lock a moment longer
		// (a process it started, or one this process started, shares the
		// lock's file until it has exec'd), and the lock file names the
		// last holder: wait that moment before saying a bot runs.
		lock, err = lockDataDir(dir, role, runGrace)
	}
	return lock, err
}

// runGrace is how long a process waits for a lock that the running bot
// holds before it says so.
const runGrace = time.Second

// openAsk opens DATA_DIR for a command that only asks. When this process
// may write DATA_DIR and no other holds it, that is the index of DATA_DIR
// itself, brought up to date (built on first use); otherwise (the bot
// runs, DATA_DIR is read-only or another user's) it is a snapshot of it.
func openAsk(ctx context.Context, opts Options) (*Service, error) {
	if err := checkDataDir(opts.DataDir); err != nil {
		return nil, err
	}
	lock, why := lockForAsking(opts.DataDir, opts.Command)
	if lock == nil {
		opts.Logger.Debug("answering from a snapshot of the index", "why", why)
		return openSnapshot(ctx, opts)
	}
	s, err := openLive(ctx, opts, lock)
	if err != nil {
		lock.Unlock()
		return nil, err
	}
	return s, nil
}

// lockForAsking takes the lock of DATA_DIR for a command that asks, if it
// may write there (as the owner of DATA_DIR) and no other process holds
// it; else it says why not.
func lockForAsking(dir, command string) (*dirLock, error) {
	if err := actAsOwner(dir, command); err != nil {
		return nil, err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	if err := syscall.Access(dir, 2 /* W_OK */); err != nil {
		return nil, fmt.Errorf("DATA_DIR is read-only: %w", err)
	}
	return lockDataDir(dir, "disputebot "+command, 0)
}

// openChange opens DATA_DIR for a command that changes the corpus: it
// makes the process act as the owner of DATA_DIR (see actAsOwner), and
// takes the lock of DATA_DIR unless the running bot holds it, in which
// case only the corpus files may be changed, which the bot picks up.
// Another command holding it is waited for, a while.
func openChange(opts Options) (*Service, error) {
	dir := opts.DataDir
	lock, err := takeDataDir(dir, opts.Command, "disputebot "+opts.Command, changeLockWait)
	switch {
	case holdsRun(err):
		// The bot picks up the corpus files this command writes.
	case errors.Is(err, errBusy):
		return nil, fmt.Errorf("another disputebot command is still using DATA_DIR: %w; try again when it is done", err)
	case err != nil:
		return nil, err
	}
	store, err := openStore(dir)
	if err != nil {
		lock.Unlock()
		return nil, err
	}
	return newService(opts, store, nil, lock), nil
}

// openBrowse opens the corpus for a command that only reads the articles.
func openBrowse(opts Options) (*Service, error) {
	store, err := openStoreReadOnly(opts.DataDir)
	if err != nil {
		return nil, err
	}
	return newService(opts, store, nil, nil), nil
}

// openSnapshot opens a read-only Service: the corpus as it is on disk, and
// a private copy of the index (see snapshotIndex) brought up to date with
// it, in a temporary directory that Close removes. When the index in
// DATA_DIR cannot be read, the copy is built from the corpus.
func openSnapshot(ctx context.Context, opts Options) (*Service, error) {
	store, err := openStoreReadOnly(opts.DataDir)
	if err != nil {
		return nil, err
	}
	tmp, err := os.MkdirTemp("", "disputebot-snapshot-")
	if err != nil {
		return nil, fmt.Errorf("snapshot of the index: %w", err)
	}
	dir := filepath.Join(tmp, "index")
	src := filepath.Join(opts.DataDir, "index")
	quiet := index.Options{Logger: slog.New(slog.DiscardHandler), TuneGC: opts.TuneGC}
	idx, err := openIndexSnapshot(src, dir, quiet)
	if err != nil {
		if !errors.Is(err, fs.ErrNotExist) {
			opts.Logger.Warn("the index in DATA_DIR cannot be read, so answers come from a temporary index of the corpus",
				"err", permissionError(err, src))
		}
		os.RemoveAll(dir)
		if idx, err = index.Open(dir, quiet); err != nil {
			os.RemoveAll(tmp)
			return nil, fmt.Errorf("open a temporary index: %w", err)
		}
	}
	if err := idx.Sync(ctx, store.All()); err != nil {
		idx.Close()
		os.RemoveAll(tmp)
		return nil, fmt.Errorf("update the snapshot of the index: %w", err)
	}
	s := newService(opts, store, idx, nil)
	s.tmp = tmp
	s.LogProblems()
	return s, nil
}

// openLive opens the corpus in DATA_DIR (the embedded default plus
// DATA_DIR/corpus) and the index in DATA_DIR/index, bringing the index up
// to date with the corpus: on first use that builds it, after a crash it
// indexes what is missing and drops what is stale. lock is DATA_DIR's,
// which the Service then holds.
func openLive(ctx context.Context, opts Options, lock *dirLock) (*Service, error) {
	store, err := openStore(opts.DataDir)
	if err != nil {
		return nil, err
	}
	idx, err := openIndex(opts, 0)
	if err != nil {
		if errors.Is(err, index.ErrInUse) {
			return nil, fmt.Errorf("%w; is the bot running? Stop it first, or ask through Discord", err)
		}
		return nil, err
	}
	if err := idx.Sync(ctx, store.All()); err != nil {
		idx.Close()
		return nil, fmt.Errorf("update index: %w", explainIndexError(err, indexDir(opts)))
	}
	s := newService(opts, store, idx, lock)
	s.LogProblems()
	return s, nil
}

// indexDir is the index's directory in DATA_DIR.
func indexDir(opts Options) string { return filepath.Join(opts.DataDir, "index") }

// openIndex opens the index in DATA_DIR, waiting lockTimeout (0: the
// index's default) for another process to let it go.
func openIndex(opts Options, lockTimeout time.Duration) (*index.Index, error) {
	dir := indexDir(opts)
	// bleve takes an index it may not read for a broken one, and replaces
	// it: a file left by a command run as another user must be told as
	// what it is instead.
	if bad := findUnreadable(dir); bad != "" {
		return nil, permissionError(fmt.Errorf("open index: %w", fs.ErrPermission), bad)
	}
	idx, err := index.Open(dir, index.Options{Logger: opts.Logger, LockTimeout: lockTimeout, TuneGC: opts.TuneGC})
	if errors.Is(err, index.ErrInUse) {
		return nil, err
	}
	if err != nil {
		return nil, fmt.Errorf("open index: %w", explainIndexError(err, dir))
	}
	return idx, nil
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

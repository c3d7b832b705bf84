package app

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"time"

	"github.com/disputebot/disputebot/bolt"
	"github.com/disputebot/disputebot/knowledge"
)

// Feedback is the feedback records of DATA_DIR (see package bolt): what
// members asked and how they voted, for the bot (bot.Feedback) and the
// feedback command. It is safe for concurrent use.
type Feedback struct {
	*bolt.FeedbackService
	db        *bolt.DB
	log       *slog.Logger
	retention time.Duration
}

// FeedbackOptions say how to open the feedback records.
type FeedbackOptions struct {
	DataDir string
	// Retention is how long records are kept (FEEDBACK_DAYS); zero means
	// knowledge.DefaultFeedbackRetention.
	Retention time.Duration
	// Now is the clock of records and of the retention; nil means
	// time.Now. Tests set a fake one.
	Now    func() time.Time
	Logger *slog.Logger // nil means slog.Default()
	// Command names the command in messages ("feedback purge"); "" is the
	// running bot, which has already made itself the owner of DATA_DIR.
	Command string
	// LockWait is how long to wait for another process holding the
	// records; zero fails at once.
	LockWait time.Duration
}

// FeedbackFiles are the names, in DATA_DIR, of the files that hold the
// feedback records, for the README and for tests.
var FeedbackFiles = []string{bolt.DBFile, bolt.KeyFile}

// OpenFeedback opens the feedback records of DATA_DIR, creating them as
// needed, and drops those older than the retention. A record file that
// cannot be read is moved aside and logged, never fatal (see
// bolt.ErrCorrupt). The running bot holds the records while it runs: a
// command then fails, saying so.
func OpenFeedback(opts FeedbackOptions) (*Feedback, error) {
	if opts.Logger == nil {
		opts.Logger = slog.Default()
	}
	if opts.Command != "" {
		// A command writes as the owner of DATA_DIR, as corpus commands
		// do, so that the bot can go on using what it wrote.
		if err := checkDataDir(opts.DataDir); err != nil {
			return nil, err
		}
		if err := actAsOwner(opts.DataDir, opts.Command); err != nil {
			return nil, err
		}
	}
	db := bolt.NewDB(opts.DataDir)
	db.Now, db.Retention, db.LockWait = opts.Now, opts.Retention, opts.LockWait
	err := db.Open()
	switch {
	case err == nil:
	case errors.Is(err, bolt.ErrCorrupt):
		// Open moved the bad file aside and goes on with a new one.
		opts.Logger.Error("feedback records could not be read; starting anew", "err", err)
	case errors.Is(err, bolt.ErrLocked) && opts.Command == "":
		return nil, fmt.Errorf("a disputebot feedback command held the feedback records in %s for over %v: %w",
			filepath.Join(opts.DataDir, bolt.DBFile), opts.LockWait, err)
	case errors.Is(err, bolt.ErrLocked):
		return nil, fmt.Errorf("the running bot holds the feedback records in %s; stop it to use this command "+
			"(removing the bot from a server purges that server's records by itself): %w",
			filepath.Join(opts.DataDir, bolt.DBFile), err)
	case errors.Is(err, os.ErrPermission):
		return nil, &SetupError{msg: permissionError(err, opts.DataDir).Error(), err: err}
	default:
		return nil, err
	}
	retention := opts.Retention
	if retention == 0 {
		retention = knowledge.DefaultFeedbackRetention
	}
	return &Feedback{FeedbackService: bolt.NewFeedbackService(db), db: db, log: opts.Logger, retention: retention}, nil
}

// Close closes the records.
func (f *Feedback) Close() error { return f.db.Close() }

// Expire drops the records older than the retention every interval until
// ctx is done: Open drops them at start, and a bot runs for months.
func (f *Feedback) Expire(ctx context.Context, every time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			n, err := f.Prune(ctx, f.retention)
			if err != nil {
				f.log.Error("dropping expired feedback records", "err", err)
				continue
			}
			if n > 0 {
				f.log.Info("dropped expired feedback records", "questions", n, "retention", f.retention)
			}
		}
	}
}

// Package bolt keeps what members asked and how they voted on the answers
// (knowledge.FeedbackService) in a bbolt database in DATA_DIR.
//
// bbolt, already in the module graph through bleve, is an embedded
// key/value store in one file: every write is a transaction that is on
// disk (fsynced) when it returns, a crash leaves the last committed state,
// and Batch commits many concurrent writes with one fsync, which is what
// 200 members voting at once need. No server, no migrations.
//
// Nothing stored names a member. A vote is kept under a keyed hash
// (HMAC-SHA256) of the member's id and the answer's, so that a later vote
// by the same member on the same answer replaces the earlier; the key is
// 32 random bytes in its own file (KeyFile), readable only by its owner,
// and without it the hashes cannot be tied to anyone. Answer ids are kept
// only as keyed hashes too, so that no record leads to a Discord message.
// The layout:
//
//	meta                      format → 1
//	guilds/<guild id>/asks    hour asked (8 bytes) + answer hash (16) → the ask (see record.go)
//	guilds/<guild id>/answers answer hash (16) → its key in asks
//	guilds/<guild id>/votes   answer hash (16) + voter hash (32) → the vote (1 byte)
package bolt

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"sync"
	"time"

	bbolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"

	"github.com/disputebot/disputebot/knowledge"
)

// File names in the data directory.
const (
	// DBFile holds the records.
	DBFile = "feedback.db"
	// KeyFile holds the 32-byte key of the hashes: losing it orphans the
	// votes and answers recorded under it (reports still count them), and
	// anyone holding it and a member's id could test which answers the
	// member voted on, so it is created readable by its owner only.
	KeyFile = "feedback.key"
	// corruptSuffix is what a corrupt file is renamed with, followed by
	// the time it was found.
	corruptSuffix = ".corrupt-"
	// compactSuffix names the copy being written by compaction.
	compactSuffix = ".compact"
	// corruptTimeLayout stamps corrupt files, sortably.
	corruptTimeLayout = "20060102T150405Z"
)

// keySize is the size of the hash key: that of the HMAC-SHA256 output.
const keySize = 32

// Errors that callers tell apart with errors.Is.
var (
	// ErrCorrupt is a file that bbolt or this package cannot read. Open
	// never fails for it: it renames the file aside (to the name with
	// ".corrupt-TIME" added), starts anew, and returns an error matching
	// ErrCorrupt, with the database open, for the caller to log.
	ErrCorrupt = errors.New("feedback records are corrupt")
	// ErrLocked is the database held by another process, such as the
	// running bot when a command wants it.
	ErrLocked = errors.New("feedback records are in use by another disputebot process")
	// ErrFormat is a database written by a newer disputebot: it is left
	// alone, and Open fails.
	ErrFormat = errors.New("feedback records are in a newer format")
	// ErrClosed is a call on a DB that is not open.
	ErrClosed = errors.New("feedback records are closed")
)

// DB is the feedback database of a data directory. Set the fields, then
// call Open; they must not change after.
type DB struct {
	// Dir is the data directory (DATA_DIR); it is created if missing.
	Dir string
	// Now is the clock that dates records and expires them; time.Now if
	// nil. Tests set a fake one.
	Now func() time.Time
	// Retention is how long records are kept: older ones are removed by
	// Open and by Prune. Zero means knowledge.DefaultFeedbackRetention.
	Retention time.Duration
	// LockWait is how long Open waits for another process holding the
	// database before it fails with ErrLocked; zero fails at once.
	LockWait time.Duration

	// mu is held for reading by every use of bolt and for writing while
	// compaction swaps the file under it.
	mu   sync.RWMutex
	bolt *bbolt.DB
	key  []byte
}

// NewDB returns a DB for the data directory dir, not yet open.
func NewDB(dir string) *DB { return &DB{Dir: dir} }

func (db *DB) now() time.Time {
	if db.Now != nil {
		return db.Now()
	}
	return time.Now()
}

func (db *DB) retention() time.Duration {
	if db.Retention == 0 {
		return knowledge.DefaultFeedbackRetention
	}
	return db.Retention
}

func (db *DB) path() string { return filepath.Join(db.Dir, DBFile) }

// Open opens the database, creating the directory, the key file and the
// database as needed, and removes the records older than Retention.
//
// A key file or database that cannot be read is renamed aside and
// replaced by a new one (see ErrCorrupt): the bot keeps answering and
// recording, and the operator can look at the old file. Open then returns
// an error matching ErrCorrupt with the DB open; any other error means it
// is closed.
func (db *DB) Open() error {
	if db.Dir == "" {
		return errors.New("open feedback records: no data directory")
	}
	if db.Retention < 0 {
		return fmt.Errorf("open feedback records: negative retention %v", db.Retention)
	}
	db.mu.RLock()
	open := db.bolt != nil
	db.mu.RUnlock()
	if open {
		return errors.New("open feedback records: already open")
	}
	if err := os.MkdirAll(db.Dir, 0o755); err != nil {
		return fmt.Errorf("open feedback records: %w", err)
	}
	var warnings []error
	key, created, warn, err := loadKey(db.Dir, db.now())
	if err != nil {
		return fmt.Errorf("open feedback records: %w", err)
	}
	warnings = append(warnings, warn)
	// A compaction that a crash interrupted leaves its copy behind.
	if err := os.Remove(db.path() + compactSuffix); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("open feedback records: %w", err)
	}
	b, warn, err := db.openVerified()
	if err != nil {
		return fmt.Errorf("open feedback records: %w", err)
	}
	warnings = append(warnings, warn)
	if created && warn == nil {
		if err := b.View(func(tx *bbolt.Tx) error {
			if k, _ := tx.Bucket(bucketGuilds).Cursor().First(); k != nil {
				return fmt.Errorf("%w: %s was missing and is made anew; votes and answers recorded before can no longer be matched", ErrCorrupt, KeyFile)
			}
			return nil
		}); err != nil {
			warnings = append(warnings, err)
		}
	}
	db.mu.Lock()
	db.bolt, db.key = b, key
	db.mu.Unlock()
	if _, err := db.prune(db.retention()); err != nil {
		db.Close()
		return fmt.Errorf("open feedback records: %w", err)
	}
	return errors.Join(warnings...)
}

// Close closes the database. It is safe to call on a DB that is not open.
func (db *DB) Close() error {
	db.mu.Lock()
	defer db.mu.Unlock()
	if db.bolt == nil {
		return nil
	}
	err := db.bolt.Close()
	db.bolt = nil
	return err
}

// openVerified opens the database file and reads all of it. One that
// cannot be read is renamed aside and a new one opened in its place,
// with a warning matching ErrCorrupt.
func (db *DB) openVerified() (*bbolt.DB, error, error) {
	path := db.path()
	b, err := db.openBolt(path)
	if err == nil {
		if err = verify(b); err != nil {
			b.Close()
		}
	}
	if err != nil && !errors.Is(err, ErrCorrupt) {
		return nil, nil, err
	}
	if err == nil {
		return b, nil, nil
	}
	aside, mvErr := moveAside(path, db.now())
	if mvErr != nil {
		return nil, nil, fmt.Errorf("%w; and it cannot be moved aside: %w", err, mvErr)
	}
	b, err2 := db.openBolt(path)
	if err2 != nil {
		return nil, nil, err2
	}
	if err2 := verify(b); err2 != nil {
		b.Close()
		return nil, nil, err2
	}
	return b, fmt.Errorf("%w: moved to %s and started anew", err, filepath.Base(aside)), nil
}

// openBolt opens the bbolt file, telling a corrupt file (ErrCorrupt) and
// another process holding it (ErrLocked) from other failures.
func (db *DB) openBolt(path string) (b *bbolt.DB, err error) {
	timeout := db.LockWait
	if timeout <= 0 {
		timeout = time.Nanosecond // bbolt waits forever on 0; this tries once
	}
	// A file cut short is still mapped whole: the pages past its end fault
	// when read (SIGBUS), and bbolt panics on pages it cannot make sense
	// of. Both become errors here, in this goroutine, where bbolt.Open
	// reads the meta pages and the free list.
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		if p := recover(); p != nil {
			b, err = nil, fmt.Errorf("%w: %s: %v", ErrCorrupt, DBFile, p)
		}
	}()
	if st, err := os.Stat(path); err == nil && st.Size() > 0 && st.Size() < 2*int64(os.Getpagesize()) {
		return nil, fmt.Errorf("%w: %s is %d bytes, shorter than its two meta pages", ErrCorrupt, DBFile, st.Size())
	}
	b, err = bbolt.Open(path, 0o600, &bbolt.Options{Timeout: timeout})
	switch {
	case errors.Is(err, berrors.ErrTimeout):
		return nil, fmt.Errorf("%w: %s", ErrLocked, path)
	case errors.Is(err, berrors.ErrInvalid), errors.Is(err, berrors.ErrChecksum), errors.Is(err, berrors.ErrVersionMismatch):
		return nil, fmt.Errorf("%w: %s: %w", ErrCorrupt, DBFile, err)
	case err != nil:
		return nil, err
	}
	return b, nil
}

// verify reads every record, and has bbolt check that its pages are
// consistent, so that corruption is found at Open rather than in the
// middle of answering a vote. It creates the buckets of a new database.
func verify(b *bbolt.DB) (err error) {
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("%w: %s: %v", ErrCorrupt, DBFile, p)
		}
	}()
	fresh := false
	err = b.View(func(tx *bbolt.Tx) error {
		meta := tx.Bucket(bucketMeta)
		if meta == nil {
			if tx.Bucket(bucketGuilds) != nil {
				return fmt.Errorf("%w: %s has records but no format", ErrCorrupt, DBFile)
			}
			fresh = true
			return nil
		}
		switch f := meta.Get(keyFormat); {
		case len(f) != 1:
			return fmt.Errorf("%w: %s: format %x", ErrCorrupt, DBFile, f)
		case f[0] > format:
			return fmt.Errorf("%w: %s is format %d; this disputebot reads %d", ErrFormat, DBFile, f[0], format)
		case f[0] != format:
			return fmt.Errorf("%w: %s: format %d", ErrCorrupt, DBFile, f[0])
		}
		guilds := tx.Bucket(bucketGuilds)
		if guilds == nil {
			return fmt.Errorf("%w: %s has no guilds", ErrCorrupt, DBFile)
		}
		if err := guilds.ForEach(func(name, v []byte) error {
			if v != nil || !knowledge.ValidSnowflake(string(name)) {
				return fmt.Errorf("%w: %s: unexpected key %q", ErrCorrupt, DBFile, name)
			}
			return verifyGuild(guilds.Bucket(name))
		}); err != nil {
			return err
		}
		// bbolt's own check, of pages and the free list. It runs in a
		// goroutine of its own, where a panic could not be recovered, so
		// it comes after every page has been read above.
		var problems []string
		for err := range tx.Check() {
			problems = append(problems, err.Error())
		}
		if len(problems) > 0 {
			return fmt.Errorf("%w: %s: %s", ErrCorrupt, DBFile, strings.Join(problems, "; "))
		}
		return nil
	})
	if err != nil || !fresh {
		return err
	}
	return b.Update(func(tx *bbolt.Tx) error {
		meta, err := tx.CreateBucket(bucketMeta)
		if err != nil {
			return err
		}
		if _, err := tx.CreateBucket(bucketGuilds); err != nil {
			return err
		}
		return meta.Put(keyFormat, []byte{format})
	})
}

// loadKey reads the key file, or creates it (created is then true). A key
// file of the wrong size is renamed aside and replaced, with a warning
// matching ErrCorrupt.
func loadKey(dir string, now time.Time) (key []byte, created bool, warning, err error) {
	path := filepath.Join(dir, KeyFile)
	key, err = readKey(path)
	switch {
	case err == nil:
		return key, false, nil, nil
	case errors.Is(err, ErrCorrupt):
		aside, mvErr := moveAside(path, now)
		if mvErr != nil {
			return nil, false, nil, fmt.Errorf("%w; and it cannot be moved aside: %w", err, mvErr)
		}
		warning = fmt.Errorf("%w: moved to %s; votes and answers recorded under it can no longer be matched", err, filepath.Base(aside))
	case !errors.Is(err, fs.ErrNotExist):
		return nil, false, nil, err
	}
	key, err = createKey(path)
	if errors.Is(err, fs.ErrExist) {
		// Another process created it first: use theirs.
		key, err = readKey(path)
		return key, false, warning, err
	}
	return key, err == nil, warning, err
}

// readKey reads a key file, tightening its mode to 0600 if an operator
// loosened it.
func readKey(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	key, err := io.ReadAll(io.LimitReader(f, keySize+1))
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	if len(key) != keySize {
		return nil, fmt.Errorf("%w: %s is %d bytes, not %d", ErrCorrupt, KeyFile, len(key), keySize)
	}
	st, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	if st.Mode().Perm()&0o077 != 0 {
		if err := f.Chmod(0o600); err != nil {
			return nil, fmt.Errorf("%s is readable by others and cannot be made private: %w", path, err)
		}
	}
	return key, nil
}

// createKey writes a new random key to path, atomically and only if path
// does not exist (then it fails with fs.ErrExist): the key is written to
// a temporary file of mode 0600, synced, and linked to its name, so that
// no one ever reads a partial key.
func createKey(path string) ([]byte, error) {
	key := make([]byte, keySize)
	rand.Read(key) // never fails (crypto/rand panics rather)
	dir := filepath.Dir(path)
	f, err := os.CreateTemp(dir, "."+KeyFile+".tmp-*") // mode 0600
	if err != nil {
		return nil, fmt.Errorf("create %s: %w", path, err)
	}
	tmp := f.Name()
	defer os.Remove(tmp)
	_, err = f.Write(key)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return nil, fmt.Errorf("create %s: %w", path, err)
	}
	// A link fails if the name is taken, where a rename would replace it.
	if err := os.Link(tmp, path); err != nil {
		return nil, fmt.Errorf("create %s: %w", path, err)
	}
	return key, knowledge.SyncDir(dir)
}

// moveAside renames a file that cannot be read to name.corrupt-TIME, for
// the operator to look at; Prune removes it after the retention.
func moveAside(path string, now time.Time) (string, error) {
	aside := path + corruptSuffix + now.UTC().Format(corruptTimeLayout)
	if err := os.Rename(path, aside); err != nil {
		return "", err
	}
	return aside, knowledge.SyncDir(filepath.Dir(path))
}

// hash returns HMAC-SHA256 under the key of parts, each ended by a zero
// byte, which no id contains, so that no two lists of parts run together.
func (db *DB) hash(parts ...string) []byte {
	m := hmac.New(sha256.New, db.key)
	for _, p := range parts {
		io.WriteString(m, p)
		m.Write([]byte{0})
	}
	return m.Sum(nil)
}

// answerHash is what an answer id is kept as: 16 bytes of its keyed hash
// in the guild, enough that no two answers meet.
func (db *DB) answerHash(guild, answer string) []byte {
	return db.hash("answer", guild, answer)[:answerHashSize]
}

// voterHash is what a member's vote on an answer is kept under: the
// keyed hash of the member's id and the answer's, whole.
func (db *DB) voterHash(guild, answer, member string) []byte {
	return db.hash("vote", guild, answer, member)
}

// compact rewrites the database without its free pages, in which bbolt
// leaves the bytes of deleted records: after a purge or a prune, what was
// removed must be gone from the file too. The copy is written beside the
// file and renamed over it while it is open, so that another process
// never finds the file unlocked.
func (db *DB) compact() error {
	db.mu.Lock()
	defer db.mu.Unlock()
	if db.bolt == nil {
		return ErrClosed
	}
	tmp := db.path() + compactSuffix
	if err := os.Remove(tmp); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("compact: %w", err)
	}
	dst, err := bbolt.Open(tmp, 0o600, &bbolt.Options{Timeout: time.Second})
	if err != nil {
		return fmt.Errorf("compact: %w", err)
	}
	if err := bbolt.Compact(dst, db.bolt, 4<<20); err != nil {
		dst.Close()
		os.Remove(tmp)
		return fmt.Errorf("compact: %w", err)
	}
	if err := os.Rename(tmp, db.path()); err != nil {
		dst.Close()
		os.Remove(tmp)
		return fmt.Errorf("compact: %w", err)
	}
	old := db.bolt
	db.bolt = dst
	if err := knowledge.SyncDir(db.Dir); err != nil {
		return fmt.Errorf("compact: %w", err)
	}
	if err := old.Close(); err != nil {
		return fmt.Errorf("compact: close the old file: %w", err)
	}
	return nil
}

// sweepCorrupt removes the files moved aside as corrupt before cutoff:
// they hold records too, and the retention holds for them.
func (db *DB) sweepCorrupt(cutoff time.Time) error {
	var errs []error
	for _, name := range []string{DBFile, KeyFile} {
		matches, err := filepath.Glob(filepath.Join(db.Dir, name+corruptSuffix+"*"))
		if err != nil {
			return err
		}
		for _, m := range matches {
			stamp := strings.TrimPrefix(filepath.Base(m), name+corruptSuffix)
			t, err := time.Parse(corruptTimeLayout, stamp)
			if err != nil || !t.Before(cutoff) {
				continue // not ours, or still within the retention
			}
			if err := os.Remove(m); err != nil && !errors.Is(err, fs.ErrNotExist) {
				errs = append(errs, err)
			}
		}
	}
	return errors.Join(errs...)
}

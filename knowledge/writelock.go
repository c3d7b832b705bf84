package knowledge

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
)

// WriteLockName is the file in DATA_DIR that serializes the changes of the
// corpus across processes (the bot and the commands beside it): every Add
// and Remove holds it while it writes the article's file and its audit
// line, and so does PauseWrites, for a backup. So a backup never sees an
// article without its audit line, is not starved by a stream of adds, and
// a writer may repair the audit log a killed one left torn.
const WriteLockName = "write.lock"

// lockWrites takes the lock of a change of the corpus in the store's
// DATA_DIR, creating the lock file if need be.
func (s *Store) lockWrites() (unlock func(), err error) {
	f, err := os.OpenFile(filepath.Join(filepath.Dir(s.dir), WriteLockName), os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, fmt.Errorf("lock the corpus for writing: %w", err)
	}
	if err := flock(f, syscall.LOCK_EX); err != nil {
		f.Close()
		return nil, fmt.Errorf("lock the corpus for writing: %w", err)
	}
	return func() { f.Close() }, nil // closing releases the lock
}

// PauseWrites waits for the changes of the corpus in dataDir under way to
// finish and holds back new ones until resume is called. A DATA_DIR
// without the lock file, which no change has touched yet, is paused
// without one.
func PauseWrites(dataDir string) (resume func(), err error) {
	f, err := os.Open(filepath.Join(dataDir, WriteLockName))
	if errors.Is(err, fs.ErrNotExist) {
		return func() {}, nil
	}
	if err != nil {
		return nil, fmt.Errorf("pause the changes of the corpus: %w", err)
	}
	if err := flock(f, syscall.LOCK_EX); err != nil {
		f.Close()
		return nil, fmt.Errorf("pause the changes of the corpus: %w", err)
	}
	return func() { f.Close() }, nil
}

// flock takes a lock on f, retrying when a signal interrupts the wait.
func flock(f *os.File, how int) error {
	for {
		err := syscall.Flock(int(f.Fd()), how)
		if !errors.Is(err, syscall.EINTR) {
			return err
		}
	}
}

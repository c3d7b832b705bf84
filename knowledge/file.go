package knowledge

import (
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
)

// WriteFileAtomic writes data to a temporary file beside path, syncs it,
// renames it over path and syncs the directory, so that readers see either
// the old or the new content and a crash loses neither.
func WriteFileAtomic(path string, data []byte) error {
	return writeFile(path, data, true)
}

// createFileAtomic is WriteFileAtomic for a file that must not exist yet:
// it fails with an error matching fs.ErrExist, atomically, if it does,
// even when another process creates it at the same moment.
func createFileAtomic(path string, data []byte) error {
	return writeFile(path, data, false)
}

func writeFile(path string, data []byte, replace bool) error {
	dir := filepath.Dir(path)
	// The new file gets the mode of the one it replaces, or the usual 0644
	// less the umask: os.CreateTemp's 0600 would hide it from other readers.
	perm, replacing := fs.FileMode(0o644), false
	if st, err := os.Stat(path); err == nil && st.Mode().IsRegular() {
		perm, replacing = st.Mode().Perm(), true
	}
	f, err := createTemp(dir, "."+filepath.Base(path)+".tmp-", perm)
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	tmp := f.Name()
	defer os.Remove(tmp) // no-op after a successful rename
	if replacing {
		// Exactly the old mode, whatever the umask.
		if err := f.Chmod(perm); err != nil {
			f.Close()
			return fmt.Errorf("write %s: %w", path, err)
		}
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return fmt.Errorf("sync %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if !replace {
		// A hard link fails if the name is taken, where a rename would
		// replace the file; the temporary name then goes.
		err := os.Link(tmp, path)
		if errors.Is(err, fs.ErrExist) {
			return fmt.Errorf("create %s: %w", path, err)
		}
		if err == nil {
			os.Remove(tmp)
			return SyncDir(dir)
		}
		// No hard links on this file system: check, then rename.
		if _, err := os.Lstat(path); err == nil {
			return fmt.Errorf("create %s: %w", path, fs.ErrExist)
		}
	}
	if err := os.Rename(tmp, path); err != nil {
		return fmt.Errorf("replace %s: %w", path, err)
	}
	return SyncDir(dir)
}

// SyncDir makes a rename, link or removal in dir durable: the entry is on
// disk once the directory is.
func SyncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return fmt.Errorf("sync directory %s: %w", dir, err)
	}
	defer d.Close()
	if err := d.Sync(); err != nil {
		return fmt.Errorf("sync directory %s: %w", dir, err)
	}
	return nil
}

// createTemp creates a new file with a random name in dir, like
// os.CreateTemp but with the given mode (less the umask).
func createTemp(dir, prefix string, perm fs.FileMode) (*os.File, error) {
	for range 100 {
		name := filepath.Join(dir, prefix+strconv.FormatUint(rand.Uint64(), 36))
		f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, perm)
		if !errors.Is(err, fs.ErrExist) {
			return f, err
		}
	}
	return nil, fmt.Errorf("create a temporary file in %s: too many attempts", dir)
}

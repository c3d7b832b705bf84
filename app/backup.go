package app

import (
	"archive/tar"
	"compress/gzip"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"time"

	"github.com/disputebot/disputebot/knowledge"
)

// A backup is everything in DATA_DIR that cannot be rebuilt: the corpus
// files added, the audit log, and whatever else a later version keeps
// there (feedback, say), but not the index, which is rebuilt from the
// corpus, nor the lock. It is a gzipped tar file whose first entry,
// backupManifest, says what it is.

// backupManifest is the name of the archive's first entry.
const backupManifest = "disputebot-backup.json"

// BackupInfo is what a backup holds, as its manifest records it.
type BackupInfo struct {
	Format  int       `json:"format"` // 1
	Created time.Time `json:"created"`
	Version string    `json:"version,omitempty"` // of the disputebot that made it
	Files   int       `json:"files"`
	Bytes   int64     `json:"bytes"`
}

// backupFormat is the format Backup writes and Restore reads.
const backupFormat = 1

// notBackedUp reports whether a path of DATA_DIR (slash-separated,
// relative) is left out of a backup: the index, the lock, and the
// temporary files of atomic writes in progress.
func notBackedUp(rel string) bool {
	first, _, _ := strings.Cut(rel, "/")
	base := path.Base(rel)
	return first == "index" || rel == lockName || rel == knowledge.WriteLockName || strings.HasPrefix(base, ".") || strings.Contains(base, ".tmp-")
}

// backupFile is one file of a backup, read into memory: DATA_DIR's
// irreplaceable part is articles and logs, megabytes.
type backupFile struct {
	rel  string
	mode fs.FileMode
	mod  time.Time
	data []byte
}

// maxBackupTries bounds how often Backup reads DATA_DIR again when a
// change lands while it reads.
const maxBackupTries = 20

// Backup writes a consistent archive of DATA_DIR to w, while the bot and
// commands may be changing the corpus: it holds back their changes while
// it reads (knowledge.PauseWrites), then checks that no file changed
// meanwhile (by name, size, time and inode; every write in DATA_DIR is an
// atomic rename or an append), and reads again if one did. So the archive is DATA_DIR as it was at one moment, with each change
// acknowledged by then. version is recorded in the manifest.
func Backup(dataDir string, w io.Writer, version string) (BackupInfo, error) {
	// Changes of this version's stores wait while DATA_DIR is read; the
	// check below still catches a writer that does not (an older version).
	resume, err := knowledge.PauseWrites(dataDir)
	if err != nil {
		return BackupInfo{}, err
	}
	defer resume()
	var files []backupFile
	for try := 1; ; try++ {
		before, err := treeStamp(dataDir)
		if err != nil {
			return BackupInfo{}, err
		}
		files, err = readTree(dataDir)
		if err != nil {
			return BackupInfo{}, err
		}
		after, err := treeStamp(dataDir)
		if err != nil {
			return BackupInfo{}, err
		}
		if before == after {
			break
		}
		if try == maxBackupTries {
			return BackupInfo{}, fmt.Errorf("DATA_DIR %s kept changing while being read (%d tries): try again when it is quieter", dataDir, try)
		}
		time.Sleep(time.Duration(try) * 10 * time.Millisecond)
	}
	info := BackupInfo{Format: backupFormat, Created: time.Now().UTC().Truncate(time.Second), Version: version, Files: len(files)}
	for _, f := range files {
		info.Bytes += int64(len(f.data))
	}
	manifest, err := json.MarshalIndent(info, "", "  ")
	if err != nil {
		return info, fmt.Errorf("backup manifest: %w", err)
	}
	zw := gzip.NewWriter(w)
	tw := tar.NewWriter(zw)
	entries := append([]backupFile{{rel: backupManifest, mode: 0o644, mod: info.Created, data: manifest}}, files...)
	for _, f := range entries {
		hdr := &tar.Header{Name: f.rel, Mode: int64(f.mode.Perm()), Size: int64(len(f.data)), ModTime: f.mod, Typeflag: tar.TypeReg, Format: tar.FormatPAX}
		if err := tw.WriteHeader(hdr); err != nil {
			return info, fmt.Errorf("write backup: %w", err)
		}
		if _, err := tw.Write(f.data); err != nil {
			return info, fmt.Errorf("write backup: %w", err)
		}
	}
	if err := tw.Close(); err != nil {
		return info, fmt.Errorf("write backup: %w", err)
	}
	if err := zw.Close(); err != nil {
		return info, fmt.Errorf("write backup: %w", err)
	}
	return info, nil
}

// readTree reads the files of DATA_DIR that a backup holds, sorted by path.
func readTree(dataDir string) ([]backupFile, error) {
	var files []backupFile
	err := filepath.WalkDir(dataDir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) && p != dataDir {
				return nil // removed while walking: the stamps differ
			}
			return err
		}
		rel, _ := filepath.Rel(dataDir, p)
		rel = filepath.ToSlash(rel)
		if rel == "." {
			return nil
		}
		if notBackedUp(rel) {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if !d.Type().IsRegular() {
			return nil
		}
		data, err := os.ReadFile(p)
		if errors.Is(err, fs.ErrNotExist) {
			return nil
		}
		if err != nil {
			return permissionError(err, p)
		}
		fi, err := d.Info()
		if err != nil {
			return nil
		}
		files = append(files, backupFile{rel: rel, mode: fi.Mode(), mod: fi.ModTime(), data: data})
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read DATA_DIR: %w", err)
	}
	slices.SortFunc(files, func(a, b backupFile) int { return strings.Compare(a.rel, b.rel) })
	return files, nil
}

// treeStamp summarizes the files of DATA_DIR that a backup holds: their
// names, sizes, times and inodes.
func treeStamp(dataDir string) (string, error) {
	var b strings.Builder
	err := filepath.WalkDir(dataDir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) && p != dataDir {
				return nil
			}
			return err
		}
		rel, _ := filepath.Rel(dataDir, p)
		rel = filepath.ToSlash(rel)
		if rel != "." && notBackedUp(rel) {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		fi, err := d.Info()
		if err != nil {
			return nil
		}
		var ino uint64
		if st, ok := fi.Sys().(*syscall.Stat_t); ok {
			ino = st.Ino
		}
		fmt.Fprintf(&b, "%s\x00%d\x00%d\x00%d\n", rel, fi.Size(), fi.ModTime().UnixNano(), ino)
		return nil
	})
	if err != nil {
		return "", fmt.Errorf("read DATA_DIR: %w", err)
	}
	return b.String(), nil
}

// maxRestoreBytes bounds what Restore writes, against an archive that
// unpacks into far more than any corpus.
const maxRestoreBytes = 4 << 30

// Restore unpacks a backup into dataDir, which must hold no file but,
// perhaps, the lock (an empty DATA_DIR, which opening it may have given
// empty directories): restoring over a corpus would mix two. Every file is written atomically. The index is not in a backup:
// the caller rebuilds it.
func Restore(dataDir string, r io.Reader) (BackupInfo, error) {
	var info BackupInfo
	entries, err := os.ReadDir(dataDir)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return info, fmt.Errorf("read DATA_DIR: %w", err)
	}
	for _, e := range entries {
		if e.IsDir() {
			if sub, err := os.ReadDir(filepath.Join(dataDir, e.Name())); err == nil && len(sub) == 0 {
				continue
			}
		}
		if e.Name() != lockName {
			return info, knowledge.Errorf(knowledge.EINVALID, "DATA_DIR %s is not empty (it has %s): restore into an empty one", dataDir, e.Name())
		}
	}
	zr, err := gzip.NewReader(r)
	if err != nil {
		return info, knowledge.Errorf(knowledge.EINVALID, "not a disputebot backup (not gzip: %v)", err)
	}
	tr := tar.NewReader(zr)
	var written int64
	for n := 0; ; n++ {
		hdr, err := tr.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return info, knowledge.Errorf(knowledge.EINVALID, "the backup is damaged: %v", err)
		}
		if n == 0 {
			if hdr.Name != backupManifest {
				return info, knowledge.Errorf(knowledge.EINVALID, "not a disputebot backup (no %s first)", backupManifest)
			}
			if err := json.NewDecoder(io.LimitReader(tr, 1<<20)).Decode(&info); err != nil || info.Format != backupFormat {
				return info, knowledge.Errorf(knowledge.EINVALID, "a backup of an unknown format (%d); restore it with the disputebot version that made it (%s)", info.Format, info.Version)
			}
			continue
		}
		rel, ok := restorePath(hdr)
		if !ok {
			return info, knowledge.Errorf(knowledge.EINVALID, "the backup holds %q, which is not a file of DATA_DIR", hdr.Name)
		}
		written += hdr.Size
		if written > maxRestoreBytes {
			return info, knowledge.Errorf(knowledge.EINVALID, "the backup unpacks into more than %d GiB", maxRestoreBytes>>30)
		}
		data, err := io.ReadAll(tr)
		if err != nil {
			return info, knowledge.Errorf(knowledge.EINVALID, "the backup is damaged: %v", err)
		}
		dst := filepath.Join(dataDir, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return info, permissionError(err, filepath.Dir(dst))
		}
		if err := knowledge.WriteFileAtomic(dst, data); err != nil {
			return info, permissionError(err, dst)
		}
	}
	if info.Format == 0 {
		return info, knowledge.Errorf(knowledge.EINVALID, "not a disputebot backup (empty)")
	}
	return info, nil
}

// restorePath is where an entry of a backup goes in DATA_DIR: a regular
// file, by a relative path that stays inside it and is one that backups
// hold.
func restorePath(hdr *tar.Header) (string, bool) {
	if hdr.Typeflag != tar.TypeReg {
		return "", false
	}
	rel := hdr.Name
	if rel == "" || strings.HasPrefix(rel, "/") || strings.Contains(rel, "\\") || !fs.ValidPath(rel) || notBackedUp(rel) {
		return "", false
	}
	return rel, true
}

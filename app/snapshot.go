package app

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/disputebot/disputebot/index"
)

// A command that only reads (ask, eval) while the bot runs, or in a
// DATA_DIR it may not write, answers from a snapshot: a private copy of the
// current index generation in a temporary directory. The bot holds the
// index's files open for writing, and bleve (through bbolt) locks them so
// that nobody else may open them, even to read; a copy has no such lock.
// The copy is cheap: the segment files (*.zap), which hold the passages
// and never change once written, are linked rather than copied; only the
// small root.bolt, which lists them, is copied.

// boltMaxPage bounds the page size read from a root.bolt header.
const boltMaxPage = 64 << 10

// openIndexSnapshot snapshots the index in src into dir and opens the copy.
// A segment the bot removes between the copy and the opening, which hard
// links prevent but symbolic ones do not, makes bleve fall back to an older
// state, or to an empty one: that is taken again, a few times. The error is
// the snapshot's; the caller may then build an index of its own in dir.
func openIndexSnapshot(src, dir string, opts index.Options) (*index.Index, error) {
	for attempt := 0; ; attempt++ {
		if err := os.RemoveAll(dir); err != nil {
			return nil, err
		}
		if err := snapshotIndex(src, dir); err != nil {
			return nil, err
		}
		idx, err := index.Open(dir, opts)
		if err != nil {
			return nil, err
		}
		// A real index always holds the built-in articles.
		if len(idx.Articles()) > 0 || attempt == 2 {
			return idx, nil
		}
		idx.Close()
	}
}

// snapshotIndex copies the current generation of the index in indexDir
// into dst, which becomes an index directory of its own. It fails with an
// error matching fs.ErrNotExist when there is no index yet.
func snapshotIndex(indexDir, dst string) error {
	for attempt := 0; ; attempt++ {
		err := trySnapshot(indexDir, dst)
		if err == nil || !errors.Is(err, errChanged) || attempt == 4 {
			return err
		}
		// The bot changed the index while it was being copied: again.
		if err := os.RemoveAll(dst); err != nil {
			return err
		}
	}
}

// errChanged says that the index changed while it was copied.
var errChanged = errors.New("the index changed while it was copied")

func trySnapshot(indexDir, dst string) error {
	current, err := os.ReadFile(filepath.Join(indexDir, "CURRENT"))
	if err != nil {
		return err
	}
	gen := strings.TrimSpace(string(current))
	if gen == "" || strings.ContainsAny(gen, `/\`) || gen == "." || gen == ".." {
		return fmt.Errorf("%s names no index generation", filepath.Join(indexDir, "CURRENT"))
	}
	src := filepath.Join(indexDir, gen)
	if err := os.MkdirAll(dst, 0o700); err != nil {
		return err
	}
	// root.bolt first, then the segments: every segment it lists was
	// written before it, and is still there unless a newer root.bolt was
	// written since, which the meta pages tell.
	bolts, _ := filepath.Glob(filepath.Join(src, "*", "root.bolt"))
	if len(bolts) != 1 {
		if _, err := os.Stat(src); err != nil {
			return errChanged // the bot removed the generation meanwhile
		}
		return fmt.Errorf("%s: no root.bolt; is it an index?", src)
	}
	f, err := os.Open(bolts[0])
	if err != nil {
		return err
	}
	defer f.Close()
	before, err := boltMeta(f)
	if err != nil {
		return err
	}
	err = filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return errChanged
			}
			return err
		}
		rel, _ := filepath.Rel(src, path)
		to := filepath.Join(dst, gen, rel)
		switch {
		case d.IsDir():
			return os.MkdirAll(to, 0o700)
		case d.Name() == "root.bolt":
			return copyFile(path, to)
		case strings.HasSuffix(d.Name(), ".zap"):
			return nil // below, once root.bolt is copied
		default:
			return copyFile(path, to)
		}
	})
	if err != nil {
		return err
	}
	zaps, _ := filepath.Glob(filepath.Join(src, "*", "*.zap"))
	for _, z := range zaps {
		rel, _ := filepath.Rel(src, z)
		if err := linkSegment(z, filepath.Join(dst, gen, rel)); err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				continue // merged away: a newer root.bolt, which the check below sees
			}
			return err
		}
	}
	after, err := boltMeta(f)
	if err != nil {
		return err
	}
	if !bytes.Equal(before, after) {
		return errChanged
	}
	again, err := os.ReadFile(filepath.Join(indexDir, "CURRENT"))
	if err != nil || strings.TrimSpace(string(again)) != gen {
		return errChanged
	}
	return os.WriteFile(filepath.Join(dst, "CURRENT"), []byte(gen+"\n"), 0o600)
}

// linkSegment makes the segment file src part of the snapshot: a hard
// link when both are on one file system, which keeps the segment even if
// the bot removes it after merging it away; a symbolic link otherwise.
func linkSegment(src, dst string) error {
	if _, err := os.Stat(src); err != nil {
		return err
	}
	if err := os.Link(src, dst); err == nil {
		return nil
	}
	abs, err := filepath.Abs(src)
	if err != nil {
		return err
	}
	return os.Symlink(abs, dst)
}

// bbolt writes a transaction's pages first and one of its two meta pages
// (at the start of the file) last, and never overwrites a page that the
// latest meta page reaches: a copy taken while the meta pages stay the
// same is consistent.

// boltMeta reads the two meta pages of a bbolt file.
func boltMeta(f *os.File) ([]byte, error) {
	head := make([]byte, 32)
	if _, err := f.ReadAt(head, 0); err != nil {
		return nil, fmt.Errorf("read %s: %w", f.Name(), err)
	}
	// Page header (16 bytes), then the meta: magic, version, page size.
	pageSize := int(binary.LittleEndian.Uint32(head[24:28]))
	if pageSize < 512 || pageSize > boltMaxPage {
		return nil, fmt.Errorf("%s: not a bbolt file", f.Name())
	}
	meta := make([]byte, 2*pageSize)
	if _, err := f.ReadAt(meta, 0); err != nil {
		return nil, fmt.Errorf("read %s: %w", f.Name(), err)
	}
	return meta, nil
}

// copyFile copies a regular file.
func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

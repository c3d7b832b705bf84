package main

// Reading what the operator names on the command line, as the operator:
// a file to add, or what to import. A command that writes reads its input
// before it goes on as the owner of DATA_DIR (see app.Open), who may not
// be able to read it.

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/disputebot/disputebot/app"
	"github.com/disputebot/disputebot/knowledge"
	"github.com/disputebot/disputebot/knowledge/web"
)

// readInput reads a local file of at most max bytes, saying in words a
// newcomer knows what is wrong with the name given.
func readInput(path string, max int64) ([]byte, error) {
	st, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, knowledge.Errorf(knowledge.EINVALID, "%s: no such file", path)
	case errors.Is(err, fs.ErrPermission):
		return nil, knowledge.Errorf(knowledge.EINVALID, "%s: permission denied: you may not read it", path)
	case err != nil:
		return nil, fmt.Errorf("read %s: %w", path, err)
	case st.IsDir():
		return nil, knowledge.Errorf(knowledge.EINVALID, "%s is a directory; to add every file in it, run: disputebot corpus import %s", path, path)
	case !st.Mode().IsRegular():
		return nil, knowledge.Errorf(knowledge.EINVALID, "%s is not a regular file", path)
	}
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrPermission) {
		return nil, knowledge.Errorf(knowledge.EINVALID, "%s: permission denied: you may not read it", path)
	}
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, max+1))
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	if int64(len(data)) > max {
		return nil, knowledge.Errorf(knowledge.EINVALID, "%s is larger than %d MB, the most an article may be", path, max>>20)
	}
	return data, nil
}

// maxImportBytes bounds an import file.
const maxImportBytes = 256 << 20

// readImport reads and checks everything an import for by would add: the
// records of an export (JSON lines), the corpus files of a directory, or
// one file. It is all or nothing: when any record or file has a mistake,
// each is reported as FILE:LINE: what is wrong, on stderr, and nothing is
// imported.
func readImport(src string, by knowledge.Actor, stderr io.Writer) ([]app.ImportItem, error) {
	info, err := os.Stat(src)
	if err != nil {
		_, err := readInput(src, 0) // the same words as corpus add
		return nil, err
	}
	var items []app.ImportItem
	var bad []string
	switch {
	case info.IsDir():
		entries, err := os.ReadDir(src)
		if err != nil {
			return nil, knowledge.Errorf(knowledge.EINVALID, "%s: %v", src, err)
		}
		for _, e := range entries {
			if e.IsDir() || filepath.Ext(e.Name()) != ".md" || strings.HasPrefix(e.Name(), ".") {
				continue
			}
			path := filepath.Join(src, e.Name())
			data, err := readInput(path, knowledge.MaxFileBytes)
			if err != nil {
				bad = append(bad, knowledge.ErrorMessage(err))
				continue
			}
			a, err := knowledge.ParseArticle(path, data)
			if err != nil {
				bad = append(bad, knowledge.ErrorMessage(err))
				continue
			}
			items = append(items, app.ImportItem{Article: a, Source: path})
		}
	case strings.HasSuffix(src, ".jsonl") || strings.HasSuffix(src, ".json"):
		f, err := os.Open(src)
		if err != nil {
			return nil, knowledge.Errorf(knowledge.EINVALID, "%v", err)
		}
		defer f.Close()
		sc := bufio.NewScanner(io.LimitReader(f, maxImportBytes))
		sc.Buffer(make([]byte, 0, 1<<20), knowledge.MaxFileBytes*2)
		for n := 1; sc.Scan(); n++ {
			line := strings.TrimSpace(sc.Text())
			if line == "" {
				continue
			}
			a, err := parseRecord(line)
			if err != nil {
				bad = append(bad, fmt.Sprintf("%s:%d: %s", src, n, err))
				continue
			}
			items = append(items, app.ImportItem{Article: a, Source: fmt.Sprintf("%s:%d", src, n)})
		}
		if err := sc.Err(); err != nil {
			return nil, knowledge.Errorf(knowledge.EINVALID, "%s: %v (lines may be %d MB at most)", src, err, knowledge.MaxFileBytes*2>>20)
		}
	default:
		data, err := readInput(src, web.MaxFileBytes)
		if err != nil {
			return nil, err
		}
		a, err := web.FromFile(filepath.Base(src), data)
		if err != nil {
			return nil, err
		}
		items = append(items, app.ImportItem{Article: a, Source: src})
	}
	total := len(items) + len(bad)
	bad = append(bad, app.CheckImport(items, by)...)
	if len(bad) > 0 {
		for _, b := range bad {
			fmt.Fprintln(stderr, b)
		}
		return nil, usagef("nothing was imported: %d of %d records or files have a mistake (listed above); fix them and import again",
			len(bad), total)
	}
	return items, nil
}

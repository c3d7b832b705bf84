package knowledge

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"
)

//go:embed corpus/*.md
var defaultCorpus embed.FS

// DefaultCorpus returns the articles built into the binary, sorted by id.
func DefaultCorpus() ([]*Article, error) {
	sub, err := fs.Sub(defaultCorpus, "corpus")
	if err != nil {
		return nil, fmt.Errorf("default corpus: %w", err)
	}
	return LoadCorpus(sub)
}

// LoadCorpus reads every *.md file at the top of fsys as an article. Errors
// name the file and field; ids must be unique. The first file that cannot
// be read or parsed fails it all: this is for corpora that must be whole,
// such as the embedded one. [LoadCorpusFiles] skips such files instead.
func LoadCorpus(fsys fs.FS) ([]*Article, error) {
	arts, problems, err := LoadCorpusFiles(fsys, nil)
	if err != nil {
		return nil, err
	}
	if len(problems) > 0 {
		return nil, problems[0].Err
	}
	return arts, nil
}

// Problem is a corpus file that was skipped because it could not be read
// or parsed. Err's message says where in the file and what is wrong; it is
// an *Error with code EINVALID for a mistake in the file, and wraps
// fs.ErrPermission when the file may not be read.
type Problem struct {
	File string // the file's name in the corpus directory
	Err  error
}

// LoadCorpusFiles reads every *.md file at the top of fsys as an article,
// sorted by id. A file that cannot be read or parsed, whose id another
// file already has, or whose id builtin (if not nil) reports as the id of a
// built-in article, is skipped and reported as a Problem, so that one
// broken file leaves the rest of the corpus in use. err is for the
// directory itself, and for a file that went away while being read
// (matching fs.ErrNotExist), which means the directory is changing.
func LoadCorpusFiles(fsys fs.FS, builtin func(id string) bool) (arts []*Article, problems []Problem, err error) {
	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return nil, nil, fmt.Errorf("read corpus: %w", err)
	}
	seen := map[string]string{}
	for _, e := range entries {
		if e.IsDir() || path.Ext(e.Name()) != ".md" || strings.HasPrefix(e.Name(), ".") {
			continue
		}
		data, err := fs.ReadFile(fsys, e.Name())
		if errors.Is(err, fs.ErrNotExist) {
			return nil, nil, fmt.Errorf("read %s: %w", e.Name(), err)
		}
		if errors.Is(err, fs.ErrPermission) {
			problems = append(problems, Problem{e.Name(), &Error{Code: EINVALID, Err: fs.ErrPermission, Message: e.Name() +
				": permission denied: this user may not read it; give it to the owner of the corpus " +
				"directory (chown) or make it readable (chmod a+r)"}})
			continue
		}
		if err != nil {
			problems = append(problems, Problem{e.Name(), fmt.Errorf("%s: cannot be read: %w", e.Name(), err)})
			continue
		}
		a, err := ParseArticle(e.Name(), data)
		if err != nil {
			problems = append(problems, Problem{e.Name(), err})
			continue
		}
		if builtin != nil && builtin(a.ID) {
			problems = append(problems, Problem{e.Name(), Errorf(EINVALID,
				"%s: id: %q is the id of a built-in article; give this one another id", e.Name(), a.ID)})
			continue
		}
		if prev, dup := seen[a.ID]; dup {
			problems = append(problems, Problem{e.Name(), Errorf(EINVALID,
				"%s: id: %q is already the id of %s; give one of them another id", e.Name(), a.ID, prev)})
			continue
		}
		seen[a.ID] = e.Name()
		arts = append(arts, a)
	}
	slices.SortFunc(arts, func(a, b *Article) int { return strings.Compare(a.ID, b.ID) })
	return arts, problems, nil
}

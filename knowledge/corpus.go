package knowledge

import (
	"embed"
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
// name the file and field; ids must be unique.
func LoadCorpus(fsys fs.FS) ([]*Article, error) {
	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return nil, fmt.Errorf("read corpus: %w", err)
	}
	var out []*Article
	seen := map[string]string{}
	for _, e := range entries {
		if e.IsDir() || path.Ext(e.Name()) != ".md" || strings.HasPrefix(e.Name(), ".") {
			continue
		}
		data, err := fs.ReadFile(fsys, e.Name())
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", e.Name(), err)
		}
		a, err := ParseArticle(e.Name(), data)
		if err != nil {
			return nil, err
		}
		if prev, dup := seen[a.ID]; dup {
			return nil, Errorf(EINVALID, "%s: id %q is already used by %s", e.Name(), a.ID, prev)
		}
		seen[a.ID] = e.Name()
		out = append(out, a)
	}
	slices.SortFunc(out, func(a, b *Article) int { return strings.Compare(a.ID, b.ID) })
	return out, nil
}

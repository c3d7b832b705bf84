package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"

	"github.com/disputebot/disputebot/index"
	"github.com/disputebot/disputebot/knowledge"
)

// engine is the corpus and its index, opened for one command.
type engine struct {
	articles []*knowledge.Article
	index    *index.Index
}

// openEngine loads the corpus (the embedded default plus DATA_DIR/corpus)
// and opens the index in DATA_DIR/index, bringing it up to date with the
// corpus; on first use that builds it.
func openEngine(ctx context.Context, cfg Config, log *slog.Logger) (*engine, error) {
	articles, err := loadArticles(cfg.DataDir, log)
	if err != nil {
		return nil, err
	}
	idx, err := index.Open(filepath.Join(cfg.DataDir, "index"), index.Options{Logger: log})
	if err != nil {
		return nil, fmt.Errorf("open index: %w", err)
	}
	if err := idx.Sync(ctx, articles); err != nil {
		idx.Close()
		return nil, fmt.Errorf("update index: %w", err)
	}
	return &engine{articles: articles, index: idx}, nil
}

func (e *engine) Close() error { return e.index.Close() }

// loadArticles returns the default corpus with the articles of
// DATA_DIR/corpus; an article there replaces a default one with the same id.
func loadArticles(dataDir string, log *slog.Logger) ([]*knowledge.Article, error) {
	defaults, err := knowledge.DefaultCorpus()
	if err != nil {
		return nil, fmt.Errorf("default corpus: %w", err)
	}
	local, err := knowledge.LoadCorpus(os.DirFS(filepath.Join(dataDir, "corpus")))
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	byID := map[string]*knowledge.Article{}
	for _, a := range local {
		byID[a.ID] = a
	}
	out := make([]*knowledge.Article, 0, len(defaults)+len(local))
	for _, a := range defaults {
		if byID[a.ID] != nil {
			log.Info("corpus article replaces the built-in one", "id", a.ID)
			continue
		}
		out = append(out, a)
	}
	return append(out, local...), nil
}

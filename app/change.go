package app

import (
	"context"
	"fmt"
	"path/filepath"
	"time"

	"github.com/disputebot/disputebot/knowledge"
	"github.com/disputebot/disputebot/knowledge/web"
)

// Operator is who changes the corpus on the command line, for the server
// guild names (--guild), or for every server when guild is "".
func Operator(guild string) knowledge.Actor {
	return knowledge.Actor{ID: "cli", Name: "command line", For: guild}
}

// The rules of adding an article, whichever way it comes in (a link, a
// file, the /corpus add form, the command line, an import), are those of
// add and complete: it is filled in as below, then stored (which checks it
// and refuses a duplicate of what the same server already sees), then
// indexed when this Service has the index open; otherwise the running bot,
// or the command's Sync, indexes it.

// AddURL fetches a web page and adds its article.
func (s *Service) AddURL(ctx context.Context, url string, by knowledge.Actor) (*knowledge.Article, error) {
	f := *s.fetch
	page, err := f.Fetch(ctx, url)
	if err != nil {
		return nil, err
	}
	a, err := web.FromPage(page)
	if err != nil {
		return nil, err
	}
	return s.add(ctx, a, by, url, false)
}

// AddFile adds a file (.md, .txt, .html) whose content is data: uploaded
// to Discord, or named on the command line. name is the file's name or
// path, as the audit log records it; its last element says how to read it.
func (s *Service) AddFile(ctx context.Context, name string, data []byte, by knowledge.Actor) (*knowledge.Article, error) {
	a, err := web.FromFile(filepath.Base(name), data)
	if err != nil {
		return nil, err
	}
	return s.add(ctx, a, by, name, false)
}

// AddFileURL downloads a file (a Discord attachment, at most
// web.MaxFileBytes) and adds it; its name says how to read it.
func (s *Service) AddFileURL(ctx context.Context, name, url string, by knowledge.Actor) (*knowledge.Article, error) {
	f := *s.fetch
	f.MaxBytes = web.MaxFileBytes
	f.AnyType = true // the file's name says how to read it, whatever the CDN calls it
	page, err := f.Fetch(ctx, url)
	if err != nil {
		return nil, err
	}
	return s.AddFile(ctx, name, page.Body, by)
}

// AddArticle adds an article made elsewhere, such as typed into the
// /corpus add form; source says where it comes from, for the audit log.
func (s *Service) AddArticle(ctx context.Context, a *knowledge.Article, by knowledge.Actor, source string) (*knowledge.Article, error) {
	return s.add(ctx, a, by, source, false)
}

// add completes a (see complete), stores it and indexes it. An article
// that is stored but could not be indexed is returned with the error: the
// next Sync indexes it.
func (s *Service) add(ctx context.Context, a *knowledge.Article, by knowledge.Actor, source string, imported bool) (*knowledge.Article, error) {
	complete(a, by, imported)
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.store.Add(a, by, source); err != nil {
		return nil, err
	}
	if s.index != nil {
		if err := s.index.Put(ctx, a); err != nil {
			s.log.Error("index new article", "id", a.ID, "err", err)
			return a, fmt.Errorf("article %s saved, but indexing failed: %w", a.ID, err)
		}
	}
	s.log.Info("article added", "id", a.ID, "scope", a.Scope, "by", by.ID, "source", source)
	return a, nil
}

// complete gives an article that by adds what only the adding can say:
//
//   - Its scope. An article added from a server belongs to that server,
//     whatever it says itself. On the command line it is for the server
//     by.For names, or else for every server, except that an imported
//     article keeps the scope its record gives.
//   - A publisher, when it names none: "Added by" the member, or "Added
//     on the command line".
//   - A publication date, when it has none: the one its dateline and the
//     weekday of its first paragraph give (knowledge.DatelineDate), else
//     today.
func complete(a *knowledge.Article, by knowledge.Actor, imported bool) {
	switch {
	case by.Guild != "":
		a.Scope = by.Guild
	case by.For != "":
		a.Scope = by.For
	case !imported || a.Scope == "":
		a.Scope = knowledge.Global
	}
	if a.Publisher == "" {
		a.Publisher = "Added on the command line"
		if by.Guild != "" {
			a.Publisher = "Added by " + by.DisplayName()
		}
	}
	if a.Published.IsZero() {
		a.Published = today()
		if d, ok := knowledge.DatelineDate(a, time.Now().UTC()); ok {
			a.Published = d
		}
	}
}

func today() time.Time {
	y, m, d := time.Now().UTC().Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// Remove removes an added article from the corpus and the index. A
// server's moderators may remove their server's articles only, and nobody
// the built-in ones.
func (s *Service) Remove(ctx context.Context, id string, by knowledge.Actor) (*knowledge.Article, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	a, err := s.store.Remove(id, by)
	if err != nil {
		return nil, err
	}
	if s.index != nil {
		if err := s.index.Delete(ctx, id); err != nil {
			s.log.Error("unindex removed article", "id", id, "err", err)
			return a, fmt.Errorf("article %s removed, but the index still has it until the next sync: %w", id, err)
		}
	}
	s.log.Info("article removed", "id", id, "scope", a.Scope, "by", by.ID)
	return a, nil
}

package app

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"time"

	"github.com/disputebot/disputebot/index"
	"github.com/disputebot/disputebot/knowledge"
	"github.com/disputebot/disputebot/knowledge/web"
)

// Service is the corpus and its index, kept in step: the corpus store on
// disk is the system of record, and every change is written there first,
// then to the index, which can always be rebuilt from it. It is safe for
// concurrent use.
//
// It implements the bot's Searcher, Library, ProblemLister and Curator,
// and is what every command of the command line works with.
type Service struct {
	store  *knowledge.Store
	index  *index.Index // nil when opened to change or browse the corpus
	fetch  *web.Fetcher
	log    *slog.Logger
	opts   Options
	access Access

	mu sync.Mutex // serializes changes, so that store and index change in the same order

	// reported are the corpus problems logged so far, by file, so that each
	// is logged once, when it appears, and again when it changes or goes.
	reported map[string]string

	lock *dirLock // DATA_DIR's, when this Service holds it
	tmp  string   // the temporary directory of a snapshot of the index
}

func newService(opts Options, store *knowledge.Store, idx *index.Index, lock *dirLock) *Service {
	return &Service{store: store, index: idx, fetch: opts.Fetcher, log: opts.Logger, opts: opts, access: opts.Access, lock: lock}
}

// Close closes the index and releases DATA_DIR; a snapshot of the index is
// removed.
func (s *Service) Close() error {
	var err error
	if s.index != nil {
		err = s.index.Close()
	}
	if s.tmp != "" {
		os.RemoveAll(s.tmp)
	}
	s.lock.Unlock()
	return err
}

// errNoIndex is the error of a search in a Service opened without the index.
var errNoIndex = errors.New("app: the service was opened without the index")

// Search answers a question from the corpus.
func (s *Service) Search(ctx context.Context, q knowledge.Query) (*knowledge.Answer, error) {
	if s.index == nil {
		return nil, errNoIndex
	}
	return s.index.Search(ctx, q)
}

// Explain answers a question as Search does and also says, for people, how
// the question was read and how each candidate passage scored.
func (s *Service) Explain(ctx context.Context, q knowledge.Query) (*knowledge.Answer, string, error) {
	if s.index == nil {
		return nil, "", errNoIndex
	}
	return s.index.Explain(ctx, q)
}

// Articles returns the articles a Discord server sees (knowledge.Visible):
// the global ones and its own. It implements bot.Library.
func (s *Service) Articles(guild string) []*knowledge.Article { return s.store.Articles(guild) }

// All returns every article of the corpus, of every server, built-in first,
// each group sorted by id.
func (s *Service) All() []*knowledge.Article { return s.store.All() }

// Article returns an article by id.
func (s *Service) Article(id string) (*knowledge.Article, bool) { return s.store.Get(id) }

// IsBuiltin reports whether id names an article of the embedded corpus.
func (s *Service) IsBuiltin(id string) bool { return s.store.IsBuiltin(id) }

// History returns the latest changes made in or for a server, newest
// first, or all of them for guild "". It implements bot.Curator.
func (s *Service) History(guild string, n int) ([]knowledge.Change, error) {
	return s.store.History(guild, n)
}

// problemText is what is wrong with a corpus file that is left out, for
// the operator: the file, the line, the field and the mistake, or why it
// could not be read.
func problemText(p knowledge.Problem) string {
	if knowledge.ErrorCode(p.Err) == knowledge.EINTERNAL {
		return p.Err.Error()
	}
	return knowledge.ErrorMessage(p.Err)
}

// LogProblems logs the corpus files that are left out, each once, and
// the ones that were fixed since the last call. Open logs them when it
// opens the index; a command that only browses the corpus calls it itself.
func (s *Service) LogProblems() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.logProblemsLocked()
}

// logProblemsLocked is LogProblems with s.mu held.
func (s *Service) logProblemsLocked() {
	now := map[string]string{}
	for _, p := range s.store.Problems() {
		msg := problemText(p)
		now[p.File] = msg
		if s.reported[p.File] != msg {
			s.log.Error("corpus file left out until it is fixed", "file", filepath.Join(s.store.Dir(), p.File), "problem", msg)
		}
	}
	for file := range s.reported {
		if _, ok := now[file]; !ok {
			s.log.Info("corpus file no longer left out", "file", filepath.Join(s.store.Dir(), file))
		}
	}
	s.reported = now
}

// CorpusProblems says what is wrong with each corpus file that is left
// out, one line each, for a server's moderators: a file that cannot be
// read is named without the details, which the log has. It implements
// bot.ProblemLister.
func (s *Service) CorpusProblems() []string {
	var out []string
	for _, p := range s.store.Problems() {
		if knowledge.ErrorCode(p.Err) == knowledge.EINTERNAL {
			out = append(out, p.File+": cannot be read (the bot's log says why)")
			continue
		}
		out = append(out, knowledge.ErrorMessage(p.Err))
	}
	return out
}

// CorpusCheck is the state of the corpus directory, for the operator.
type CorpusCheck struct {
	Dir      string   // the corpus directory
	Files    int      // corpus files in it, in use or left out
	Problems []string // what is wrong with each file left out, its path first
}

// Check says how many corpus files there are and what is wrong with each
// that is left out.
func (s *Service) Check() CorpusCheck {
	c := CorpusCheck{Dir: s.store.Dir()}
	for _, p := range s.store.Problems() {
		c.Problems = append(c.Problems, filepath.Join(c.Dir, problemText(p)))
	}
	for _, a := range s.store.All() {
		if !s.store.IsBuiltin(a.ID) {
			c.Files++
		}
	}
	c.Files += len(c.Problems)
	return c
}

// changedIndex is the index that a change of the corpus goes to: this
// Service's, or, for a Service opened to change the corpus while it holds
// DATA_DIR, the index of DATA_DIR, opened until done is called. It is nil,
// without an error, when the running bot holds the index and picks the
// change up itself.
func (s *Service) changedIndex() (idx *index.Index, done func(), err error) {
	switch {
	case s.index != nil:
		return s.index, func() {}, nil
	case s.access == Change && s.lock == nil:
		return nil, func() {}, nil
	case s.access != Change:
		return nil, nil, errNoIndex
	}
	idx, err = openIndex(s.opts, 500*time.Millisecond)
	if errors.Is(err, index.ErrInUse) {
		err = fmt.Errorf("open index: %w", err)
	}
	if err != nil {
		return nil, nil, err
	}
	return idx, func() { idx.Close() }, nil
}

// Sync brings the index in line with the corpus. A Service that changes
// the corpus beside the running bot does not: it reports false, and the
// bot picks the change up when it next refreshes.
func (s *Service) Sync(ctx context.Context) (bool, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	idx, done, err := s.changedIndex()
	if err != nil || idx == nil {
		return err != nil, err
	}
	defer done()
	if err := idx.Sync(ctx, s.store.All()); err != nil {
		return true, fmt.Errorf("update index: %w", explainIndexError(err, indexDir(s.opts)))
	}
	return true, nil
}

// Rebuilt is what Rebuild did.
type Rebuilt struct {
	Articles int
	Passages int // 0 when Beside
	// Beside says that the index was built beside the running bot's,
	// which switches to it when it next refreshes.
	Beside bool
}

// Rebuild builds the index anew from the corpus: in place, answering
// questions from the old index until the new one is ready, when this
// Service holds DATA_DIR; beside the running bot's otherwise.
func (s *Service) Rebuild(ctx context.Context) (Rebuilt, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	all := s.store.All()
	r := Rebuilt{Articles: len(all)}
	dir := indexDir(s.opts)
	idx, done, err := s.changedIndex()
	if err != nil {
		return r, err
	}
	defer done()
	if idx == nil {
		r.Beside = true
		if err := index.Build(ctx, dir, all, index.Options{Logger: s.log, TuneGC: s.opts.TuneGC}); err != nil {
			return r, fmt.Errorf("build the index: %w", explainIndexError(err, dir))
		}
		return r, nil
	}
	if err := idx.Rebuild(ctx, all); err != nil {
		return r, fmt.Errorf("rebuild the index: %w", explainIndexError(err, dir))
	}
	r.Passages, _ = idx.Count()
	return r, nil
}

// Verify reports how the index differs from the corpus: nil when it holds
// exactly the articles of the corpus, each as it is now.
func (s *Service) Verify() error {
	if s.index == nil {
		return errNoIndex
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	indexed := s.index.Articles()
	var errs []error
	for _, a := range s.store.All() {
		h, ok := indexed[a.ID]
		switch {
		case !ok:
			errs = append(errs, fmt.Errorf("article %s is in the corpus but not in the index", a.ID))
		case h != index.ArticleHash(a):
			errs = append(errs, fmt.Errorf("article %s is indexed in another version", a.ID))
		}
		delete(indexed, a.ID)
	}
	for id := range indexed {
		errs = append(errs, fmt.Errorf("article %s is in the index but not in the corpus", id))
	}
	return errors.Join(errs...)
}

// Refresh picks up changes made by another process: corpus files added or
// removed on the command line, and an index rebuilt beside this one. One
// failing does not keep the other from happening.
func (s *Service) Refresh(ctx context.Context) error {
	if s.index == nil {
		return errNoIndex
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	var errs []error
	followed, err := s.index.Follow()
	if err != nil {
		errs = append(errs, fmt.Errorf("switch to the index rebuilt on the command line: %w",
			explainIndexError(err, indexDir(s.opts))))
	}
	reloaded, err := s.store.Reload()
	if err != nil {
		errs = append(errs, fmt.Errorf("read the corpus directory: %w", err))
	}
	s.logProblemsLocked()
	if followed || reloaded {
		if err := s.index.Sync(ctx, s.store.All()); err != nil {
			errs = append(errs, fmt.Errorf("update the index: %w", err))
		}
	}
	return errors.Join(errs...)
}

// Watch refreshes every interval until ctx is done. A failure is logged
// when it starts, when it changes and when it ends, not at every try.
func (s *Service) Watch(ctx context.Context, every time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	last := ""
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			err := s.Refresh(ctx)
			if ctx.Err() != nil {
				return
			}
			switch {
			case err != nil && err.Error() != last:
				s.log.Error("picking up corpus changes failed; trying again every "+every.String(), "err", err)
				last = err.Error()
			case err == nil && last != "":
				s.log.Info("picking up corpus changes works again")
				last = ""
			}
		}
	}
}

// Partition makes the service hold, index and answer from the global
// corpus and the own articles of only the servers that owns reports (see
// knowledge.Store.Partition): a bot that runs some of the shards of a
// sharded bot serves only those shards' servers. The index drops the
// others' articles at once.
func (s *Service) Partition(ctx context.Context, owns func(guild string) bool) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.store.Partition(owns)
	if s.index == nil {
		return nil
	}
	if err := s.index.Sync(ctx, s.store.All()); err != nil {
		return fmt.Errorf("update index: %w", explainIndexError(err, indexDir(s.opts)))
	}
	return nil
}

// Stats is the size of the corpus and the state of its index, for an
// operator's dashboards and health check.
type Stats struct {
	Scopes     []ScopeStats // the global corpus first, then each server's own articles by server id
	IndexOpen  bool         // false when the service has no index, or it was closed
	Generation string       // the index generation searched, which every rebuild replaces
	Rebuilt    time.Time    // when that generation was built; zero when unknown
}

// ScopeStats is the size of the global corpus (Scope knowledge.Global) or
// of one server's own articles (Scope the server's id).
type ScopeStats struct {
	Scope    string
	Articles int
	Passages int // indexed
}

// Stats reports the size of the corpus and the state of the index. It
// does not wait for a change under way.
func (s *Service) Stats() Stats {
	var st Stats
	var passages map[string]int
	if s.index != nil {
		is := s.index.Status()
		st.IndexOpen, st.Generation, st.Rebuilt, passages = is.Open, is.Generation, is.Built, is.Passages
	}
	byScope := map[string]*ScopeStats{knowledge.Global: {Scope: knowledge.Global}}
	for _, a := range s.store.All() {
		scope := knowledge.Global
		if !a.IsGlobal() {
			scope = a.Scope
		}
		sc := byScope[scope]
		if sc == nil {
			sc = &ScopeStats{Scope: scope}
			byScope[scope] = sc
		}
		sc.Articles++
		sc.Passages += passages[a.ID]
	}
	st.Scopes = append(st.Scopes, *byScope[knowledge.Global])
	delete(byScope, knowledge.Global)
	for _, k := range slices.Sorted(maps.Keys(byScope)) {
		st.Scopes = append(st.Scopes, *byScope[k])
	}
	return st
}

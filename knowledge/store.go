package knowledge

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/disputebot/disputebot/knowledge/lang"
)

// Actor is who changes the corpus, from where, and for which server: a
// Discord member in a server, for that server, or the operator on the
// command line, for every server or the one --guild names.
type Actor struct {
	ID    string // Discord user id, or "cli"
	Name  string // display name, for the audit log
	Guild string // the server the change was made from; "" on the command line
	For   string // on the command line, the server the change is for; "" for every server
}

// DisplayName is the actor's name, or its id when it has none.
func (by Actor) DisplayName() string {
	if strings.TrimSpace(by.Name) != "" {
		return by.Name
	}
	return by.ID
}

// Change is one entry of the audit log.
type Change struct {
	Time    time.Time `json:"time"`
	Action  string    `json:"action"` // "add" or "remove"
	Article string    `json:"article_id"`
	Title   string    `json:"title"`
	Scope   string    `json:"scope"`
	By      string    `json:"by"`
	ByName  string    `json:"by_name,omitempty"`
	Where   string    `json:"where"` // a server id, or "cli"
	Source  string    `json:"source,omitempty"`
}

// Store is the corpus on disk, the system of record: the built-in articles
// plus one file per added article in DATA_DIR/corpus, in the corpus file
// format, and an append-only audit log of every change in
// DATA_DIR/audit.log. Every write is atomic, so a crash leaves each file
// either as it was or as it was meant to be.
//
// It is safe for concurrent use.
type Store struct {
	dir      string // DATA_DIR/corpus
	audit    string // DATA_DIR/audit.log
	readOnly bool   // opened by OpenStoreReadOnly

	mu       sync.RWMutex
	builtin  map[string]*Article
	local    map[string]*Article
	problems []Problem               // files skipped when the directory was last read
	stamp    string                  // what the directory looked like when last read
	writes   uint64                  // Adds and Removes so far, for Reload to tell it missed one
	owns     func(guild string) bool // see Partition; nil owns every server
}

// Partition makes the store hold, for All, Articles and Get, the global
// articles and the own articles of only the servers that owns reports: a
// bot that runs some of the shards of a sharded bot serves only the
// servers of those shards (see bot.ShardOf). The files of the other
// servers stay on disk, untouched. nil owns every server.
func (s *Store) Partition(owns func(guild string) bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.owns = owns
}

// heldLocked reports whether a is in the store's partition.
func (s *Store) heldLocked(a *Article) bool {
	return s.owns == nil || a.IsGlobal() || s.owns(a.Scope)
}

// OpenStore reads the corpus in dataDir, creating the directory if needed.
// builtin articles (the embedded default corpus) are always there and can
// be neither replaced nor removed.
func OpenStore(dataDir string, builtin []*Article) (*Store, error) {
	s := &Store{
		dir: filepath.Join(dataDir, "corpus"), audit: filepath.Join(dataDir, "audit.log"),
		builtin: map[string]*Article{},
	}
	for _, a := range builtin {
		s.builtin[a.ID] = a
	}
	if err := os.MkdirAll(s.dir, 0o755); err != nil {
		return nil, fmt.Errorf("create corpus directory: %w", err)
	}
	removeLeftovers(s.dir, leftoverAge)
	if _, err := s.Reload(); err != nil {
		return nil, err
	}
	return s, nil
}

// OpenStoreReadOnly reads the corpus in dataDir for commands that only
// read it: it creates, removes and changes nothing, so it works in a
// read-only DATA_DIR, and a DATA_DIR without a corpus directory holds the
// built-in articles only. Add and Remove fail.
func OpenStoreReadOnly(dataDir string, builtin []*Article) (*Store, error) {
	s := &Store{
		dir: filepath.Join(dataDir, "corpus"), audit: filepath.Join(dataDir, "audit.log"),
		builtin: map[string]*Article{}, local: map[string]*Article{}, readOnly: true,
	}
	for _, a := range builtin {
		s.builtin[a.ID] = a
	}
	if _, err := s.Reload(); err != nil {
		return nil, err
	}
	return s, nil
}

// errReadOnly is the error of a change to a Store opened read-only.
var errReadOnly = errors.New("the corpus was opened read-only")

// leftoverAge is the age from which a temporary file in the corpus
// directory is taken for the leftover of a write that was killed: younger
// ones may belong to another process writing right now.
const leftoverAge = 10 * time.Minute

// removeLeftovers deletes the temporary files of interrupted writes, which
// are never read (their names start with a dot) but would pile up.
func removeLeftovers(dir string, age time.Duration) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		if e.IsDir() || !strings.HasPrefix(e.Name(), ".") || !strings.Contains(e.Name(), ".tmp-") {
			continue
		}
		if info, err := e.Info(); err == nil && time.Since(info.ModTime()) > age {
			os.Remove(filepath.Join(dir, e.Name()))
		}
	}
}

// Dir is the directory of the added articles.
func (s *Store) Dir() string { return s.dir }

// Problems returns the corpus files that were skipped when the directory
// was last read, sorted by file name: files with a mistake, or that this
// process may not read.
func (s *Store) Problems() []Problem {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return slices.Clone(s.problems)
}

// Reload reads the corpus directory again if it changed since it was last
// read (by another process, such as the command line while the bot runs),
// and reports whether it did.
//
// A file that cannot be read or parsed is skipped, and listed by Problems
// until it is fixed or removed: the rest of the corpus stays in use, and
// changes to it are still picked up.
//
// The directory is read without holding the lock, so an Add or Remove of
// this Store may happen meanwhile; what was read then misses it and is
// read again rather than put in place of it. A file another process
// removes while the directory is read makes it read again too. When the
// directory keeps changing, Reload reports no change and the next call
// reads it again.
func (s *Store) Reload() (bool, error) {
	for attempt := 1; ; attempt++ {
		stamp, err := dirStamp(s.dir)
		if s.readOnly && errors.Is(err, fs.ErrNotExist) {
			return false, nil // no corpus directory: built-in articles only
		}
		if err != nil {
			return false, err
		}
		s.mu.RLock()
		same, writes := stamp == s.stamp, s.writes
		s.mu.RUnlock()
		if same {
			return false, nil
		}
		arts, problems, err := LoadCorpusFiles(os.DirFS(s.dir), func(id string) bool { return s.builtin[id] != nil })
		if errors.Is(err, fs.ErrNotExist) {
			// Removed between listing and reading: the directory is
			// changing under us. Read it again, or leave it to the next
			// Reload, as below.
			if attempt < maxReloadAttempts {
				continue
			}
			return false, nil
		}
		if err != nil {
			return false, err
		}
		local := map[string]*Article{}
		for _, a := range arts {
			local[a.ID] = a
		}
		s.mu.Lock()
		if s.writes != writes {
			// An Add or Remove came in while reading: what was read may
			// lack it. The stamp stays stale, so the next Reload reads
			// again if this one gives up.
			s.mu.Unlock()
			if attempt < maxReloadAttempts {
				continue
			}
			return false, nil
		}
		s.local, s.problems, s.stamp = local, problems, stamp
		s.mu.Unlock()
		return true, nil
	}
}

// maxReloadAttempts bounds how often Reload reads the directory again when
// it changes while being read.
const maxReloadAttempts = 5

// dirStamp summarizes the names, sizes and times of the corpus files.
func dirStamp(dir string) (string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return "", fmt.Errorf("read corpus directory: %w", err)
	}
	h := sha256.New()
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".md") || strings.HasPrefix(e.Name(), ".") {
			continue
		}
		info, err := e.Info()
		if err != nil {
			continue // removed meanwhile
		}
		fmt.Fprintf(h, "%s\x00%d\x00%d\n", e.Name(), info.Size(), info.ModTime().UnixNano())
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// All returns every article, built-in first, each group sorted by id.
func (s *Store) All() []*Article {
	s.mu.RLock()
	defer s.mu.RUnlock()
	out := make([]*Article, 0, len(s.builtin)+len(s.local))
	for _, m := range []map[string]*Article{s.builtin, s.local} {
		start := len(out)
		for _, a := range m {
			if s.heldLocked(a) {
				out = append(out, a)
			}
		}
		slices.SortFunc(out[start:], func(a, b *Article) int { return strings.Compare(a.ID, b.ID) })
	}
	return out
}

// Articles returns the articles a server can see: the global ones and its
// own. guild "" (a DM, or the command line without --guild) sees the
// global ones only.
func (s *Store) Articles(guild string) []*Article { return Visible(s.All(), guild) }

// Get returns an article by id.
func (s *Store) Get(id string) (*Article, bool) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if a := s.builtin[id]; a != nil {
		return a, true
	}
	a, ok := s.local[id]
	if ok && !s.heldLocked(a) {
		return nil, false
	}
	return a, ok
}

// IsBuiltin reports whether id names an article of the embedded corpus.
func (s *Store) IsBuiltin(id string) bool {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.builtin[id] != nil
}

// Add stores a new article. It fills in the id (from the title and date,
// when empty), who added it and when, checks it, and refuses a duplicate of
// an article the same server can already see: the same canonical URL or
// the same text. source (a URL or file name) goes to the audit log.
func (s *Store) Add(a *Article, by Actor, source string) error {
	if s.readOnly {
		return errReadOnly
	}
	unlock, err := s.lockWrites()
	if err != nil {
		return err
	}
	defer unlock()
	s.mu.Lock()
	defer s.mu.Unlock()
	if a.Scope == "" {
		a.Scope = Global
	}
	if a.AddedBy == "" {
		a.AddedBy = by.DisplayName()
	}
	if a.AddedAt.IsZero() {
		a.AddedAt = time.Now().UTC().Truncate(time.Second)
	}
	if a.ID == "" {
		a.ID = s.newIDLocked(a)
	}
	if err := a.Validate(); err != nil {
		return err
	}
	if s.builtin[a.ID] != nil || s.local[a.ID] != nil {
		return Errorf(ECONFLICT, "an article with id %q is already in the corpus", a.ID)
	}
	if dup := s.duplicateLocked(a); dup != nil {
		return Errorf(ECONFLICT, "this is already in the corpus as %q (%s)", dup.ID, dup.Title)
	}
	data, err := FormatArticle(a)
	if err != nil {
		return err
	}
	// Another process (the command line beside the bot) may have added a
	// file this Store has not read yet: never replace it.
	if err := createFileAtomic(filepath.Join(s.dir, a.ID+".md"), data); errors.Is(err, fs.ErrExist) {
		return Errorf(ECONFLICT, "an article with id %q is already in the corpus", a.ID)
	} else if err != nil {
		return fmt.Errorf("save article: %w", err)
	}
	s.local[a.ID] = a
	s.stamp = "" // our own write: the next Reload reads the directory again
	s.writes++
	return s.appendAuditLocked(Change{Action: "add", Article: a.ID, Title: a.Title, Scope: a.Scope, Source: source}, by)
}

// Remove deletes an added article. A server's moderators may remove their
// server's articles only; built-in articles cannot be removed.
func (s *Store) Remove(id string, by Actor) (*Article, error) {
	if s.readOnly {
		return nil, errReadOnly
	}
	unlock, err := s.lockWrites()
	if err != nil {
		return nil, err
	}
	defer unlock()
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.builtin[id] != nil {
		return nil, Errorf(EINVALID, "%q is part of the built-in corpus and cannot be removed", id)
	}
	a := s.local[id]
	if a == nil || by.Guild != "" && a.Scope != by.Guild {
		if by.Guild == "" {
			return nil, Errorf(ENOTFOUND, "no added article has the id %q; 'disputebot corpus list' shows the ids", id)
		}
		return nil, Errorf(ENOTFOUND, "no article %q among this server's articles", id)
	}
	if err := os.Remove(filepath.Join(s.dir, id+".md")); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("remove article: %w", err)
	}
	if err := SyncDir(s.dir); err != nil {
		return nil, err
	}
	delete(s.local, id)
	s.stamp = ""
	s.writes++
	return a, s.appendAuditLocked(Change{Action: "remove", Article: a.ID, Title: a.Title, Scope: a.Scope}, by)
}

// newIDLocked makes a readable, unique id from the title and date. A
// Korean or Japanese title is romanized (see idTitle).
func (s *Store) newIDLocked(a *Article) string {
	var b strings.Builder
	for _, r := range strings.ToLower(idTitle(a)) {
		switch {
		case r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			b.WriteRune(r)
		case b.Len() > 0 && !strings.HasSuffix(b.String(), "-"):
			b.WriteByte('-')
		}
		if b.Len() >= 60 {
			break
		}
	}
	slug := strings.Trim(b.String(), "-")
	if slug == "" {
		slug = "article"
	}
	if !a.Published.IsZero() {
		slug = a.Published.Format("2006-01-02") + "-" + slug
	}
	id := slug
	for n := 2; s.builtin[id] != nil || s.local[id] != nil || s.fileExists(id); n++ {
		id = fmt.Sprintf("%s-%d", slug, n)
	}
	return id
}

// fileExists reports whether the corpus directory has a file for id, which
// another process may have added since this Store last read it.
func (s *Store) fileExists(id string) bool {
	_, err := os.Lstat(filepath.Join(s.dir, id+".md"))
	return err == nil
}

// duplicateLocked finds an article visible in a's scope with the same
// canonical URL or the same text.
func (s *Store) duplicateLocked(a *Article) *Article {
	u, text := canonicalURL(a.URL), textHash(a)
	for _, m := range []map[string]*Article{s.builtin, s.local} {
		for _, b := range m {
			if !b.VisibleIn(a.Scope) {
				continue // another server's article: none of this server's business
			}
			if u != "" && (u == canonicalURL(b.URL) || slices.ContainsFunc(b.Reprints, func(r string) bool { return canonicalURL(r) == u })) {
				return b
			}
			if text == textHash(b) {
				return b
			}
		}
	}
	return nil
}

// canonicalURL normalizes a URL for duplicate checks: lowercase scheme and
// host, no fragment, no tracking parameters, no trailing slash.
func canonicalURL(raw string) string {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || u.Host == "" {
		return ""
	}
	u.Scheme, u.Host, u.Fragment = "https", strings.TrimPrefix(strings.ToLower(u.Host), "www."), ""
	q := u.Query()
	for k := range q {
		if strings.HasPrefix(k, "utm_") || k == "fbclid" || k == "gclid" || k == "ref" {
			q.Del(k)
		}
	}
	u.RawQuery = q.Encode()
	return strings.TrimSuffix(u.String(), "/")
}

// textHash identifies an article's text regardless of spacing and case.
func textHash(a *Article) string {
	h := sha256.New()
	for _, p := range a.Body {
		h.Write([]byte(strings.ToLower(strings.Join(strings.FieldsFunc(p.Text, func(r rune) bool {
			return !unicode.IsLetter(r) && !unicode.IsDigit(r)
		}), " "))))
		h.Write([]byte{'\n'})
	}
	return hex.EncodeToString(h.Sum(nil))
}

// appendAuditLocked appends one line to the audit log and syncs it.
func (s *Store) appendAuditLocked(c Change, by Actor) error {
	c.Time = time.Now().UTC()
	c.By, c.ByName, c.Where = by.ID, by.Name, by.Guild
	if c.Where == "" {
		c.Where = "cli"
	}
	line, err := json.Marshal(c)
	if err != nil {
		return fmt.Errorf("audit log: %w", err)
	}
	f, err := os.OpenFile(s.audit, os.O_APPEND|os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		return fmt.Errorf("audit log: %w", err)
	}
	if err := dropTornLine(f); err != nil {
		f.Close()
		return fmt.Errorf("audit log: %w", err)
	}
	if _, err := f.Write(append(line, '\n')); err != nil {
		f.Close()
		return fmt.Errorf("audit log: %w", err)
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return fmt.Errorf("audit log: %w", err)
	}
	return f.Close()
}

// dropTornLine cuts off the end of the audit log after its last newline:
// what a writer killed in the middle of its write left, which it never
// acknowledged. Left there, it would run into the next line. The caller
// holds the write lock (see lockWrites), so no other writer appends
// meanwhile.
func dropTornLine(f *os.File) error {
	fi, err := f.Stat()
	if err != nil || fi.Size() == 0 {
		return err
	}
	size := fi.Size()
	buf := make([]byte, min(size, 64<<10))
	for end := size; end > 0; {
		start := max(end-int64(len(buf)), 0)
		n, err := f.ReadAt(buf[:end-start], start)
		if err != nil && n < int(end-start) {
			return err
		}
		if i := bytes.LastIndexByte(buf[:n], '\n'); i >= 0 {
			if keep := start + int64(i) + 1; keep < size {
				return f.Truncate(keep)
			}
			return nil
		}
		end = start
	}
	return f.Truncate(0) // one torn line and nothing before it
}

// maxAuditRead bounds how much of the audit log History reads.
const maxAuditRead = 4 << 20

// History returns the latest changes, newest first: those made in or for
// a server, or all of them for guild "".
func (s *Store) History(guild string, n int) ([]Change, error) {
	f, err := os.Open(s.audit)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("audit log: %w", err)
	}
	defer f.Close()
	if info, err := f.Stat(); err == nil && info.Size() > maxAuditRead {
		f.Seek(info.Size()-maxAuditRead, io.SeekStart)
	}
	var all []Change
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	for sc.Scan() {
		var c Change
		if json.Unmarshal(sc.Bytes(), &c) != nil {
			continue // a torn first line after seeking, or a line cut by a crash
		}
		if guild == "" || c.Where == guild || c.Scope == guild {
			all = append(all, c)
		}
	}
	slices.Reverse(all)
	if len(all) > n {
		all = all[:n]
	}
	return all, nil
}

// idTitle is the title an id is made from: as it is, with its Hangul and
// katakana romanized (수출규제 is "suchulgyuje"), and, when that leaves no
// letters (a title of kanji alone) or leaves out most of a title of kanji
// (日韓国交正常化60年、東京とソウルで… would be "60 souru 60"), the last
// part of the article's link, which sites write in Latin letters.
func idTitle(a *Article) string {
	var b strings.Builder
	letters, kept, kanji := 0, 0, 0
	for _, r := range lang.Runs(a.Title) {
		var part string
		switch r.Script {
		case lang.Latin, lang.Digit:
			part = r.Text
		case lang.Hangul:
			part = lang.RomanizeKorean(r.Text)[0]
		case lang.Katakana: // hiragana is grammar, not a name
			part = lang.RomanizeKana(r.Text)
		case lang.Kanji:
			kanji += utf8.RuneCountInString(r.Text)
		}
		if part != "" {
			b.WriteString(part + " ")
			letters += len(part)
			kept += utf8.RuneCountInString(r.Text)
		}
	}
	slug := ""
	if u, err := url.Parse(a.URL); err == nil {
		if s := path.Base(strings.TrimSuffix(u.Path, "/")); s != "." && s != "/" {
			slug = strings.TrimSuffix(s, path.Ext(s))
		}
	}
	switch {
	case letters >= 3 && (kanji <= kept || len(slug) < 3):
		return b.String()
	case slug != "":
		return slug
	case letters >= 3:
		return b.String()
	}
	return a.Title
}

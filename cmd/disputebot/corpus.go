package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/disputebot/disputebot/index"
	"github.com/disputebot/disputebot/knowledge"
	"github.com/disputebot/disputebot/knowledge/web"
)

const corpusUsage = `usage:
  disputebot corpus add FILE|URL [--guild ID]   add an article (.md, .txt, .html file, or a web page)
  disputebot corpus list [--guild ID] [--json]   list the articles (global, and the server's with --guild)
  disputebot corpus remove ID                    remove an added article
  disputebot corpus check                        check every corpus file; say what is wrong with each that is left out
  disputebot corpus export                       the whole corpus as JSON lines, on standard output
  disputebot corpus import FILE|DIR [--guild ID] add articles from an export, a corpus directory or a file
  disputebot index rebuild                       rebuild the search index from the corpus`

// cliActor is who changes the corpus from the command line.
var cliActor = knowledge.Actor{ID: "cli", Name: "command line"}

func cmdCorpus(ctx context.Context, args []string, env Env, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		return usagef("%s", corpusUsage)
	}
	fs := newFlagSet("corpus "+args[0], stderr)
	guild := fs.String("guild", "", "a Discord server `ID`: add to, or list, that server's articles")
	asJSON := fs.Bool("json", false, "print JSON")
	fs.Usage = func() { fmt.Fprintln(stderr, corpusUsage) }
	pos, err := parseInterspersed(fs, args[1:])
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return usagef("%v", err)
	}
	if *guild != "" && !snowflake.MatchString(*guild) {
		return usagef("--guild: %q is not a Discord server id (17–20 digits)", clipSetting(*guild))
	}
	nargs := map[string]int{"add": 1, "list": 0, "remove": 1, "check": 0, "export": 0, "import": 1}
	n, known := nargs[args[0]]
	switch {
	case !known:
		return usagef("unknown corpus command %q\n%s", args[0], corpusUsage)
	case len(pos) != n && args[0] == "add":
		return usagef("corpus add takes one FILE or URL (to add every file of a directory: disputebot corpus import DIR)")
	case len(pos) != n && n == 1:
		return usagef("corpus %s takes one %s", args[0], map[string]string{"remove": "article id", "import": "FILE or DIR"}[args[0]])
	case len(pos) != n:
		return usagef("corpus %s takes no arguments", args[0])
	}
	cfg, err := loadConfig(env)
	if err != nil {
		return err
	}
	log := newLogger(stderr, cfg.LogLevel)

	// Commands that only read open nothing for writing.
	switch args[0] {
	case "list", "export", "check":
		store, err := openStoreReadOnly(cfg.DataDir)
		if err != nil {
			return err
		}
		switch args[0] {
		case "list":
			warnProblems(store, stderr)
			return cliList(store, *guild, *asJSON, stdout)
		case "export":
			warnProblems(store, stderr)
			return cliExport(store, stdout)
		default:
			return cliCheck(store, stdout)
		}
	}

	// Commands that write read their input first: run as root, they go on
	// as the owner of DATA_DIR, who may not read it.
	var input []byte
	if args[0] == "add" && !isURL(pos[0]) {
		if input, err = readInput(pos[0], web.MaxFileBytes); err != nil {
			return cliError(err)
		}
	}
	var batch []importItem
	if args[0] == "import" {
		if batch, err = readImport(pos[0], stderr); err != nil {
			return cliError(err)
		}
	}
	store, lock, err := openForWriting(cfg, "corpus "+args[0])
	if err != nil {
		return err
	}
	defer lock.Unlock()
	switch args[0] {
	case "add":
		a, err := cliAdd(ctx, cfg, store, pos[0], input, *guild)
		if err != nil {
			return cliError(err)
		}
		fmt.Fprintf(stdout, "added %s: %s (%s, %d passages, %s)\n", a.ID, a.Title, a.Published.Format(knowledge.DateLayout),
			len(a.Passages()), topicList(a))
		if note := topicsNote(a); note != "" {
			fmt.Fprintln(stdout, note)
		}
	case "remove":
		a, err := store.Remove(pos[0], cliActor)
		if err != nil {
			return cliError(err)
		}
		fmt.Fprintf(stdout, "removed %s: %s\n", a.ID, a.Title)
	case "import":
		if err := cliImport(store, batch, *guild, stdout); err != nil {
			return cliError(err)
		}
	}
	return syncIndex(ctx, cfg, store, lock, log, stdout)
}

// cliLockWait is how long a command that writes waits for another command
// holding DATA_DIR to be done.
const cliLockWait = 10 * time.Second

// openForWriting prepares a command that changes the corpus: it makes the
// process act as the owner of DATA_DIR (see actAsOwner), and takes the
// lock of DATA_DIR unless the running bot holds it: lock is nil then, and
// only the corpus files may be changed, which the bot picks up. Another
// command holding it is waited for, a while.
func openForWriting(cfg Config, command string) (store *knowledge.Store, lock *dirLock, err error) {
	if err := checkDataDir(cfg.DataDir); err != nil {
		return nil, nil, err
	}
	if err := actAsOwner(cfg.DataDir, command); err != nil {
		return nil, nil, err
	}
	if err := os.MkdirAll(cfg.DataDir, 0o755); err != nil {
		return nil, nil, permissionError(fmt.Errorf("create DATA_DIR: %w", err), cfg.DataDir)
	}
	lock, err = lockDataDir(cfg.DataDir, "disputebot "+command, 0)
	if errors.Is(err, errBusy) && !holdsRun(err) {
		lock, err = lockDataDir(cfg.DataDir, "disputebot "+command, cliLockWait)
	}
	switch {
	case holdsRun(err):
		// The bot picks up the corpus files this command writes.
	case errors.Is(err, errBusy):
		return nil, nil, fmt.Errorf("another disputebot command is still using DATA_DIR: %w; try again when it is done", err)
	case err != nil:
		return nil, nil, err
	}
	store, err = openStore(cfg.DataDir)
	if err != nil {
		lock.Unlock()
		return nil, nil, err
	}
	return store, lock, nil
}

// warnProblems says on stderr that corpus files are left out, if any are.
func warnProblems(store *knowledge.Store, stderr io.Writer) {
	if n := len(store.Problems()); n > 0 {
		fmt.Fprintf(stderr, "disputebot: %d corpus file(s) are left out because of a mistake; 'disputebot corpus check' says which and why\n", n)
	}
}

// cliCheck prints what is wrong with each corpus file that is left out,
// one line each (FILE:LINE: field: what is wrong), and fails if any is.
func cliCheck(store *knowledge.Store, stdout io.Writer) error {
	problems := store.Problems()
	for _, p := range problems {
		msg := knowledge.ErrorMessage(p.Err)
		if knowledge.ErrorCode(p.Err) == knowledge.EINTERNAL {
			msg = p.Err.Error()
		}
		fmt.Fprintln(stdout, filepath.Join(store.Dir(), msg))
	}
	files := 0
	for _, a := range store.All() {
		if !store.IsBuiltin(a.ID) {
			files++
		}
	}
	files += len(problems)
	if len(problems) == 0 {
		fmt.Fprintf(stdout, "%d corpus file(s) in %s, all in use.\n", files, store.Dir())
		return nil
	}
	fmt.Fprintf(stdout, "%d of %d corpus file(s) in %s are left out until they are fixed; the running bot picks the fix up by itself.\n",
		len(problems), files, store.Dir())
	return errFailed
}

// cliError turns a user's mistake into a usage error (exit 2).
func cliError(err error) error {
	switch knowledge.ErrorCode(err) {
	case knowledge.EINVALID, knowledge.ECONFLICT, knowledge.ENOTFOUND:
		return usagef("%s", knowledge.ErrorMessage(err))
	}
	return err
}

// topicList names the topics of an article's passages.
func topicList(a *knowledge.Article) string {
	var out []string
	for _, t := range a.PassageTopics() {
		out = append(out, string(t))
	}
	return strings.Join(out, ", ")
}

// topicsNote explains, when the front matter lists topics that none of
// the article's passages keeps, that each passage keeps those of the
// listed topics its text is about; "" when there is nothing to explain.
func topicsNote(a *knowledge.Article) string {
	found := a.PassageTopics()
	var missing []string
	for _, t := range a.Topics {
		if !slices.Contains(found, t) {
			missing = append(missing, string(t))
		}
	}
	if len(missing) == 0 {
		return ""
	}
	return fmt.Sprintf("note: no passage of it is about %s, which its front matter lists: each passage keeps the "+
		"listed topics its text is about (%s here), or all of them when it is about none, and --topic and /topic go by those",
		strings.Join(missing, ", "), topicList(a))
}

// isURL tells a web address from a file name.
func isURL(src string) bool { return strings.Contains(src, "://") }

// cliAdd adds one web page, or the file src whose content is data.
func cliAdd(ctx context.Context, cfg Config, store *knowledge.Store, src string, data []byte, guild string) (*knowledge.Article, error) {
	var a *knowledge.Article
	var err error
	if isURL(src) {
		f := &web.Fetcher{AllowPrivate: cfg.AllowPrivateFetch}
		page, ferr := f.Fetch(ctx, src)
		if ferr != nil {
			return nil, ferr
		}
		a, err = web.FromPage(page)
	} else {
		a, err = web.FromFile(filepath.Base(src), data)
	}
	if err != nil {
		return nil, err
	}
	return a, addTo(store, a, guild, src)
}

// addTo fills what an added article may lack and stores it.
func addTo(store *knowledge.Store, a *knowledge.Article, guild, source string) error {
	if a.Publisher == "" {
		a.Publisher = "Added on the command line"
	}
	if a.Published.IsZero() {
		a.Published = today()
	}
	a.Scope = knowledge.Global
	if guild != "" {
		a.Scope = guild
	}
	return store.Add(a, cliActor, source)
}

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

// syncIndex brings the index in line with the store when this process
// holds DATA_DIR; else the holder, the running bot, picks the change up.
func syncIndex(ctx context.Context, cfg Config, store *knowledge.Store, lock *dirLock, log *slog.Logger, stdout io.Writer) error {
	if lock == nil {
		fmt.Fprintf(stdout, "The running bot will index the change within %v.\n", refreshEvery)
		return nil
	}
	dir := filepath.Join(cfg.DataDir, "index")
	idx, err := index.Open(dir, index.Options{Logger: log, LockTimeout: 500 * time.Millisecond, TuneGC: true})
	if err != nil {
		return fmt.Errorf("open index: %w", explainIndexError(err, dir))
	}
	defer idx.Close()
	if err := idx.Sync(ctx, store.All()); err != nil {
		return fmt.Errorf("update index: %w", explainIndexError(err, dir))
	}
	return nil
}

func cliList(store *knowledge.Store, guild string, asJSON bool, stdout io.Writer) error {
	arts := store.Articles(guild)
	if asJSON {
		out := []exportRecord{}
		for _, a := range arts {
			r := toRecord(a, store.IsBuiltin(a.ID))
			r.Body = nil
			out = append(out, r)
		}
		return writeJSON(stdout, out)
	}
	for _, a := range arts {
		origin := "added"
		if store.IsBuiltin(a.ID) {
			origin = "built-in"
		}
		scope := "global"
		if !a.IsGlobal() {
			scope = "server " + a.Scope
		}
		fmt.Fprintf(stdout, "%-50s %s  %-8s %-22s %s\n", a.ID, a.Published.Format(knowledge.DateLayout), origin, scope, a.Title)
	}
	return nil
}

// exportRecord is one line of `corpus export`: an article with all its
// metadata and its text.
type exportRecord struct {
	ID        string             `json:"id"`
	Title     string             `json:"title"`
	Publisher string             `json:"publisher"`
	URL       string             `json:"url,omitempty"`
	Published string             `json:"published"`
	Dateline  string             `json:"dateline,omitempty"`
	Byline    string             `json:"byline,omitempty"`
	Language  string             `json:"language,omitempty"`
	Kind      knowledge.Kind     `json:"kind"`
	Topics    []knowledge.Topic  `json:"topics,omitempty"`
	Scope     string             `json:"scope"`
	AddedBy   string             `json:"added_by,omitempty"`
	AddedAt   string             `json:"added_at,omitempty"`
	Reprints  []string           `json:"reprints,omitempty"`
	Related   []string           `json:"related,omitempty"`
	Sources   []knowledge.Source `json:"sources,omitempty"`
	Events    []exportEvent      `json:"events,omitempty"`
	Builtin   bool               `json:"builtin,omitempty"`
	Body      []exportParagraph  `json:"body,omitempty"`
}

type exportEvent struct {
	Date   string           `json:"date"`
	Event  string           `json:"event"`
	Topic  knowledge.Topic  `json:"topic"`
	Source knowledge.Source `json:"source"`
}

type exportParagraph struct {
	Text    string `json:"text"`
	Caption bool   `json:"caption,omitempty"`
	Heading bool   `json:"heading,omitempty"`
}

func toRecord(a *knowledge.Article, builtin bool) exportRecord {
	r := exportRecord{
		ID: a.ID, Title: a.Title, Publisher: a.Publisher, URL: a.URL, Published: a.Published.Format(knowledge.DateLayout),
		Dateline: a.Dateline, Byline: a.Byline, Language: a.Language, Kind: a.Kind, Topics: a.Topics, Scope: a.Scope,
		AddedBy: a.AddedBy, Reprints: a.Reprints, Related: a.Related, Sources: a.Sources, Builtin: builtin,
	}
	if !a.AddedAt.IsZero() {
		r.AddedAt = a.AddedAt.UTC().Format(time.RFC3339)
	}
	for _, e := range a.Events {
		r.Events = append(r.Events, exportEvent{Date: e.Date.Format(knowledge.DateLayout), Event: e.Text, Topic: e.Topic, Source: e.Source})
	}
	for _, p := range a.Body {
		r.Body = append(r.Body, exportParagraph{Text: p.Text, Caption: p.Caption, Heading: p.Heading})
	}
	return r
}

func (r exportRecord) article() (*knowledge.Article, error) {
	a := &knowledge.Article{
		ID: r.ID, Title: r.Title, Publisher: r.Publisher, URL: r.URL, Dateline: r.Dateline, Byline: r.Byline,
		Language: r.Language, Kind: r.Kind, Topics: r.Topics, Scope: r.Scope, AddedBy: r.AddedBy,
		Reprints: r.Reprints, Related: r.Related, Sources: r.Sources,
	}
	var err error
	if a.Published, err = knowledge.ParseDate(r.Published); err != nil {
		return nil, knowledge.Errorf(knowledge.EINVALID, "published: %v", err)
	}
	if r.AddedAt != "" {
		if a.AddedAt, err = time.Parse(time.RFC3339, r.AddedAt); err != nil {
			return nil, knowledge.Errorf(knowledge.EINVALID, "added_at: %q is not an RFC 3339 time", r.AddedAt)
		}
	}
	for i, e := range r.Events {
		d, err := knowledge.ParseDate(e.Date)
		if err != nil {
			return nil, knowledge.Errorf(knowledge.EINVALID, "events[%d].date: %v", i, err)
		}
		a.Events = append(a.Events, knowledge.Event{Date: d, Text: e.Event, Topic: e.Topic, Source: e.Source})
	}
	for _, p := range r.Body {
		a.Body = append(a.Body, knowledge.Paragraph{Text: knowledge.CleanText(p.Text), Caption: p.Caption, Heading: p.Heading})
	}
	if a.Kind == "" {
		a.Kind = knowledge.KindArticle
	}
	return a, nil
}

func cliExport(store *knowledge.Store, stdout io.Writer) error {
	w := bufio.NewWriter(stdout)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, a := range store.All() {
		if err := enc.Encode(toRecord(a, store.IsBuiltin(a.ID))); err != nil {
			return err
		}
	}
	return w.Flush()
}

// maxImportBytes bounds an import file.
const maxImportBytes = 256 << 20

// importItem is one article to import, and where it comes from (FILE or
// FILE:LINE), for messages and the audit log.
type importItem struct {
	article *knowledge.Article
	source  string
}

// readImport reads and checks everything an import would add: the records
// of an export (JSON lines), the corpus files of a directory, or one file.
// It is all or nothing: when any record or file has a mistake, each is
// reported as FILE:LINE: what is wrong, on stderr, and nothing is imported.
func readImport(src string, stderr io.Writer) ([]importItem, error) {
	info, err := os.Stat(src)
	if err != nil {
		_, err := readInput(src, 0) // the same words as corpus add
		return nil, err
	}
	var items []importItem
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
			items = append(items, importItem{a, path})
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
			items = append(items, importItem{a, fmt.Sprintf("%s:%d", src, n)})
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
		items = append(items, importItem{a, src})
	}
	total := len(items) + len(bad)
	for _, it := range items {
		if err := checkImport(it.article); err != nil {
			bad = append(bad, it.source+": "+knowledge.ErrorMessage(err))
		}
	}
	if len(bad) > 0 {
		for _, b := range bad {
			fmt.Fprintln(stderr, b)
		}
		return nil, usagef("nothing was imported: %d of %d records or files have a mistake (listed above); fix them and import again",
			len(bad), total)
	}
	return items, nil
}

// checkImport validates an article as the store will once it has the
// defaults that cliImport gives it.
func checkImport(a *knowledge.Article) error {
	c := *a
	fillDefaults(&c, "")
	if c.ID == "" {
		c.ID = "imported"
	}
	if c.AddedBy == "" {
		c.AddedBy = cliActor.Name
	}
	return c.Validate()
}

// fillDefaults gives an imported article what an export may leave out.
func fillDefaults(a *knowledge.Article, guild string) {
	if guild != "" {
		a.Scope = guild
	}
	if a.Scope == "" {
		a.Scope = knowledge.Global
	}
	if a.Publisher == "" {
		a.Publisher = "Added on the command line"
	}
	if a.Published.IsZero() {
		a.Published = today()
	}
}

// parseRecord reads one line of an export, with errors in words.
func parseRecord(line string) (*knowledge.Article, error) {
	var r exportRecord
	dec := json.NewDecoder(strings.NewReader(line))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&r); err != nil {
		return nil, jsonError(err)
	}
	if dec.More() {
		return nil, errors.New("more than one JSON object on the line; put each record on a line of its own")
	}
	a, err := r.article()
	if err != nil {
		return nil, errors.New(knowledge.ErrorMessage(err))
	}
	return a, nil
}

// jsonError words a JSON decoding error for the person who wrote the line.
func jsonError(err error) error {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		return fmt.Errorf("not valid JSON at character %d (%s); each line must be one JSON object, "+
			"as 'disputebot corpus export' writes them", syn.Offset, strings.TrimPrefix(syn.Error(), "json: "))
	case errors.As(err, &typ) && typ.Field == "":
		return fmt.Errorf("expected an object such as 'disputebot corpus export' writes, not a JSON %s", typ.Value)
	case errors.As(err, &typ):
		return fmt.Errorf("%s: expected %s, not a JSON %s", typ.Field, jsonKind(typ.Type.Kind().String()), typ.Value)
	case errors.Is(err, io.ErrUnexpectedEOF):
		return errors.New("the JSON object is cut short; each line must be one whole JSON object")
	}
	if f, ok := strings.CutPrefix(err.Error(), "json: unknown field "); ok {
		return fmt.Errorf("%s is not a field of an exported article; the fields are those 'disputebot corpus export' writes", f)
	}
	return fmt.Errorf("not an exported article: %s", strings.TrimPrefix(err.Error(), "json: "))
}

// jsonKind names a Go kind in JSON's words.
func jsonKind(kind string) string {
	switch kind {
	case "string":
		return "text"
	case "slice", "array":
		return "a list"
	case "struct", "map":
		return "an object"
	case "bool":
		return "true or false"
	}
	return "a number"
}

// cliImport adds the articles that readImport checked. Built-in articles,
// and articles already in the corpus (the same id, link or text), are
// skipped and reported; a failure to write stops it, and what was added
// before stays.
func cliImport(store *knowledge.Store, items []importItem, guild string, stdout io.Writer) error {
	added, skipped := 0, 0
	for _, it := range items {
		a := it.article
		if store.IsBuiltin(a.ID) {
			fmt.Fprintf(stdout, "skipped %s: %s is a built-in article\n", it.source, a.ID)
			skipped++
			continue
		}
		fillDefaults(a, guild)
		err := store.Add(a, cliActor, it.source)
		switch {
		case knowledge.ErrorCode(err) == knowledge.ECONFLICT:
			fmt.Fprintf(stdout, "skipped %s: %s\n", it.source, knowledge.ErrorMessage(err))
			skipped++
			continue
		case err != nil:
			fmt.Fprintf(stdout, "%d added, %d skipped before the failure\n", added, skipped)
			return fmt.Errorf("%s: %w", it.source, err)
		}
		fmt.Fprintf(stdout, "added %s\n", a.ID)
		added++
	}
	fmt.Fprintf(stdout, "%d added, %d skipped\n", added, skipped)
	return nil
}

func cmdIndex(ctx context.Context, args []string, env Env, stdout, stderr io.Writer) error {
	if len(args) != 1 || args[0] != "rebuild" {
		return usagef("usage: disputebot index rebuild")
	}
	cfg, err := loadConfig(env)
	if err != nil {
		return err
	}
	log := newLogger(stderr, cfg.LogLevel)
	store, lock, err := openForWriting(cfg, "index rebuild")
	if err != nil {
		return err
	}
	defer lock.Unlock()
	warnProblems(store, stderr)
	dir := filepath.Join(cfg.DataDir, "index")
	start := time.Now()
	if lock == nil {
		// The bot holds DATA_DIR: build beside its index; it switches over
		// by itself.
		if err := index.Build(ctx, dir, store.All(), index.Options{Logger: log, TuneGC: true}); err != nil {
			return fmt.Errorf("build the index: %w", explainIndexError(err, dir))
		}
		fmt.Fprintf(stdout, "rebuilt the index (%d articles) in %v; the running bot switches to it within %v\n",
			len(store.All()), time.Since(start).Round(time.Millisecond), refreshEvery)
		return nil
	}
	idx, err := index.Open(dir, index.Options{Logger: log, LockTimeout: 500 * time.Millisecond, TuneGC: true})
	if err != nil {
		return fmt.Errorf("open index: %w", explainIndexError(err, dir))
	}
	defer idx.Close()
	if err := idx.Rebuild(ctx, store.All()); err != nil {
		return fmt.Errorf("rebuild the index: %w", explainIndexError(err, dir))
	}
	n, _ := idx.Count()
	fmt.Fprintf(stdout, "rebuilt the index: %d articles, %d passages, in %v\n", len(store.All()), n, time.Since(start).Round(time.Millisecond))
	return nil
}

package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
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
	cfg, err := loadConfig(env)
	if err != nil {
		return err
	}
	log := newLogger(stderr, cfg.LogLevel)
	store, err := openStore(cfg.DataDir)
	if err != nil {
		return err
	}
	switch args[0] {
	case "add":
		if len(pos) != 1 {
			return usagef("corpus add takes one FILE or URL")
		}
		a, err := cliAdd(ctx, cfg, store, pos[0], *guild)
		if err != nil {
			return cliError(err)
		}
		fmt.Fprintf(stdout, "added %s: %s (%s, %d passages, %s)\n", a.ID, a.Title, a.Published.Format(knowledge.DateLayout),
			len(a.Passages()), topicList(a))
		return syncIndex(ctx, cfg, store, log, stdout)
	case "list":
		if len(pos) != 0 {
			return usagef("corpus list takes no arguments")
		}
		return cliList(store, *guild, *asJSON, stdout)
	case "remove":
		if len(pos) != 1 {
			return usagef("corpus remove takes one article id")
		}
		a, err := store.Remove(pos[0], cliActor)
		if err != nil {
			return cliError(err)
		}
		fmt.Fprintf(stdout, "removed %s: %s\n", a.ID, a.Title)
		return syncIndex(ctx, cfg, store, log, stdout)
	case "export":
		if len(pos) != 0 {
			return usagef("corpus export takes no arguments")
		}
		return cliExport(store, stdout)
	case "import":
		if len(pos) != 1 {
			return usagef("corpus import takes one FILE or DIR")
		}
		if err := cliImport(ctx, cfg, store, pos[0], *guild, stdout); err != nil {
			return cliError(err)
		}
		return syncIndex(ctx, cfg, store, log, stdout)
	default:
		return usagef("unknown corpus command %q\n%s", args[0], corpusUsage)
	}
}

// cliError turns a user's mistake into a usage error (exit 2).
func cliError(err error) error {
	switch knowledge.ErrorCode(err) {
	case knowledge.EINVALID, knowledge.ECONFLICT, knowledge.ENOTFOUND:
		return usagef("%s", knowledge.ErrorMessage(err))
	}
	return err
}

func topicList(a *knowledge.Article) string {
	seen := map[knowledge.Topic]bool{}
	var out []string
	for _, p := range a.Passages() {
		for _, t := range p.Topics {
			if !seen[t] {
				seen[t] = true
				out = append(out, string(t))
			}
		}
	}
	return strings.Join(out, ", ")
}

// cliAdd adds one file or web page.
func cliAdd(ctx context.Context, cfg Config, store *knowledge.Store, src, guild string) (*knowledge.Article, error) {
	var a *knowledge.Article
	var err error
	if strings.HasPrefix(src, "http://") || strings.HasPrefix(src, "https://") || strings.Contains(src, "://") {
		f := &web.Fetcher{AllowPrivate: cfg.AllowPrivateFetch}
		page, ferr := f.Fetch(ctx, src)
		if ferr != nil {
			return nil, ferr
		}
		a, err = web.FromPage(page)
	} else {
		data, rerr := readBounded(src, web.MaxFileBytes)
		if rerr != nil {
			return nil, rerr
		}
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

// readBounded reads a local file of at most max bytes.
func readBounded(path string, max int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, knowledge.Errorf(knowledge.EINVALID, "%v", err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, max+1))
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	if int64(len(data)) > max {
		return nil, knowledge.Errorf(knowledge.EINVALID, "%s is larger than %d MB", path, max>>20)
	}
	return data, nil
}

// syncIndex brings the index in line with the store when no bot holds
// it; a running bot picks the change up by itself.
func syncIndex(ctx context.Context, cfg Config, store *knowledge.Store, log *slog.Logger, stdout io.Writer) error {
	idx, err := index.Open(filepath.Join(cfg.DataDir, "index"), index.Options{Logger: log, LockTimeout: 500 * time.Millisecond})
	if errors.Is(err, index.ErrInUse) {
		fmt.Fprintf(stdout, "The running bot will index the change within %v.\n", refreshEvery)
		return nil
	}
	if err != nil {
		return fmt.Errorf("open index: %w", err)
	}
	defer idx.Close()
	if err := idx.Sync(ctx, store.All()); err != nil {
		return fmt.Errorf("update index: %w", err)
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
		r.Body = append(r.Body, exportParagraph{Text: p.Text, Caption: p.Caption})
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
		a.Body = append(a.Body, knowledge.Paragraph{Text: knowledge.CleanText(p.Text), Caption: p.Caption})
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

// cliImport adds the articles of an export (JSON lines), of a directory of
// corpus files, or of one file. Built-in articles and duplicates are
// skipped and reported; the first invalid record stops the import, and
// everything before it stays added.
func cliImport(ctx context.Context, cfg Config, store *knowledge.Store, src, guild string, stdout io.Writer) error {
	info, err := os.Stat(src)
	if err != nil {
		return knowledge.Errorf(knowledge.EINVALID, "%v", err)
	}
	added, skipped := 0, 0
	add := func(a *knowledge.Article, source string) error {
		if store.IsBuiltin(a.ID) {
			skipped++
			return nil
		}
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
		err := store.Add(a, cliActor, source)
		switch {
		case knowledge.ErrorCode(err) == knowledge.ECONFLICT:
			fmt.Fprintf(stdout, "skipped %s: %s\n", source, knowledge.ErrorMessage(err))
			skipped++
			return nil
		case err != nil:
			return fmt.Errorf("%s: %w", source, err)
		}
		fmt.Fprintf(stdout, "added %s\n", a.ID)
		added++
		return ctx.Err()
	}
	switch {
	case info.IsDir():
		arts, err := knowledge.LoadCorpus(os.DirFS(src))
		if err != nil {
			return err
		}
		for _, a := range arts {
			if err := add(a, filepath.Join(src, a.ID+".md")); err != nil {
				return err
			}
		}
	case strings.HasSuffix(src, ".jsonl") || strings.HasSuffix(src, ".json"):
		f, err := os.Open(src)
		if err != nil {
			return knowledge.Errorf(knowledge.EINVALID, "%v", err)
		}
		defer f.Close()
		sc := bufio.NewScanner(io.LimitReader(f, maxImportBytes))
		sc.Buffer(make([]byte, 0, 1<<20), knowledge.MaxFileBytes*2)
		for n := 1; sc.Scan(); n++ {
			line := strings.TrimSpace(sc.Text())
			if line == "" {
				continue
			}
			var r exportRecord
			dec := json.NewDecoder(strings.NewReader(line))
			dec.DisallowUnknownFields()
			if err := dec.Decode(&r); err != nil {
				return knowledge.Errorf(knowledge.EINVALID, "%s:%d: %v", src, n, err)
			}
			a, err := r.article()
			if err != nil {
				return knowledge.Errorf(knowledge.EINVALID, "%s:%d: %s", src, n, knowledge.ErrorMessage(err))
			}
			if err := add(a, fmt.Sprintf("%s:%d", src, n)); err != nil {
				return err
			}
		}
		if err := sc.Err(); err != nil {
			return knowledge.Errorf(knowledge.EINVALID, "%s: %v", src, err)
		}
	default:
		a, err := cliAdd(ctx, cfg, store, src, guild)
		if err != nil {
			return err
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
	store, err := openStore(cfg.DataDir)
	if err != nil {
		return err
	}
	dir := filepath.Join(cfg.DataDir, "index")
	start := time.Now()
	idx, err := index.Open(dir, index.Options{Logger: log, LockTimeout: 500 * time.Millisecond})
	switch {
	case errors.Is(err, index.ErrInUse):
		// The bot holds the index: build beside it; it switches over by itself.
		if err := index.Build(ctx, dir, store.All(), index.Options{Logger: log}); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "rebuilt the index (%d articles) in %v; the running bot switches to it within %v\n",
			len(store.All()), time.Since(start).Round(time.Millisecond), refreshEvery)
		return nil
	case err != nil:
		return fmt.Errorf("open index: %w", err)
	}
	defer idx.Close()
	if err := idx.Rebuild(ctx, store.All()); err != nil {
		return err
	}
	n, _ := idx.Count()
	fmt.Fprintf(stdout, "rebuilt the index: %d articles, %d passages, in %v\n", len(store.All()), n, time.Since(start).Round(time.Millisecond))
	return nil
}

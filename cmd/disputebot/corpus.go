package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/disputebot/disputebot/app"
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

// corpusArgs are the arguments of a corpus command.
type corpusArgs struct {
	pos    []string // the positional arguments, as many as the command takes
	guild  string   // --guild: a server id, or ""
	asJSON bool     // --json
}

// corpusCommand is one of the corpus commands: how many arguments it
// takes, and what it does with them.
type corpusCommand struct {
	args int
	run  func(ctx context.Context, m *Main, a corpusArgs) error
}

func cmdCorpus(ctx context.Context, m *Main, args []string) error {
	if len(args) == 0 {
		return usagef("%s", corpusUsage)
	}
	commands := map[string]corpusCommand{
		"add": {1, corpusAdd}, "list": {0, corpusList}, "remove": {1, corpusRemove},
		"check": {0, corpusCheck}, "export": {0, corpusExport}, "import": {1, corpusImport},
	}
	fs := newFlagSet("corpus "+args[0], m.stderr)
	var a corpusArgs
	fs.StringVar(&a.guild, "guild", "", "a Discord server `ID`: add to, or list, that server's articles")
	fs.BoolVar(&a.asJSON, "json", false, "print JSON")
	fs.Usage = func() { fmt.Fprintln(m.stderr, corpusUsage) }
	pos, err := parseInterspersed(fs, args[1:])
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return usagef("%v", err)
	}
	if a.guild != "" && !snowflake.MatchString(a.guild) {
		return usagef("--guild: %q is not a Discord server id (17–20 digits)", clipSetting(a.guild))
	}
	cmd, known := commands[args[0]]
	n := cmd.args
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
	if err := m.configure(); err != nil {
		return err
	}
	a.pos = pos
	return cmd.run(ctx, m, a)
}

// corpusAdd adds one web page or file.
func corpusAdd(ctx context.Context, m *Main, args corpusArgs) error {
	src := args.pos[0]
	var data []byte
	if !isURL(src) {
		var err error
		if data, err = readInput(src, web.MaxFileBytes); err != nil {
			return err
		}
	}
	svc, err := m.open(ctx, app.Change, "corpus add")
	if err != nil {
		return err
	}
	var a *knowledge.Article
	if isURL(src) {
		a, err = svc.AddURL(ctx, src, app.Operator(args.guild))
	} else {
		a, err = svc.AddFile(ctx, src, data, app.Operator(args.guild))
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(m.stdout, "added %s: %s (%s, %d passages, %s)\n", a.ID, a.Title, a.Published.Format(knowledge.DateLayout),
		len(a.Passages()), topicList(a))
	if note := topicsNote(a); note != "" {
		fmt.Fprintln(m.stdout, note)
	}
	return syncIndex(ctx, m, svc)
}

// corpusRemove removes an added article.
func corpusRemove(ctx context.Context, m *Main, args corpusArgs) error {
	svc, err := m.open(ctx, app.Change, "corpus remove")
	if err != nil {
		return err
	}
	a, err := svc.Remove(ctx, args.pos[0], app.Operator(""))
	if err != nil {
		return err
	}
	fmt.Fprintf(m.stdout, "removed %s: %s\n", a.ID, a.Title)
	return syncIndex(ctx, m, svc)
}

// corpusImport adds the articles of an export, a corpus directory or a
// file, all or nothing.
func corpusImport(ctx context.Context, m *Main, args corpusArgs) error {
	by := app.Operator(args.guild)
	items, err := readImport(args.pos[0], by, m.stderr)
	if err != nil {
		return err
	}
	svc, err := m.open(ctx, app.Change, "corpus import")
	if err != nil {
		return err
	}
	added, skipped, err := svc.Import(ctx, items, by, func(r app.Imported) {
		if r.Skipped != "" {
			fmt.Fprintf(m.stdout, "skipped %s: %s\n", r.Item.Source, r.Skipped)
			return
		}
		fmt.Fprintf(m.stdout, "added %s\n", r.Item.Article.ID)
	})
	if err != nil {
		fmt.Fprintf(m.stdout, "%d added, %d skipped before the failure\n", added, skipped)
		return err
	}
	fmt.Fprintf(m.stdout, "%d added, %d skipped\n", added, skipped)
	return syncIndex(ctx, m, svc)
}

// syncIndex brings the index in line with the corpus when this process
// holds DATA_DIR; else the holder, the running bot, picks the change up.
func syncIndex(ctx context.Context, m *Main, svc *app.Service) error {
	synced, err := svc.Sync(ctx)
	if !synced {
		fmt.Fprintf(m.stdout, "The running bot will index the change within %v.\n", refreshEvery)
	}
	return err
}

// corpusList lists the articles: the global ones, and a server's.
func corpusList(ctx context.Context, m *Main, args corpusArgs) error {
	svc, err := m.open(ctx, app.Browse, "")
	if err != nil {
		return err
	}
	warnProblems(svc, m.stderr)
	arts := svc.Articles(args.guild)
	if args.asJSON {
		out := []exportRecord{}
		for _, a := range arts {
			r := toRecord(a, svc.IsBuiltin(a.ID))
			r.Body = nil
			out = append(out, r)
		}
		return writeJSON(m.stdout, out)
	}
	for _, a := range arts {
		origin := "added"
		if svc.IsBuiltin(a.ID) {
			origin = "built-in"
		}
		scope := "global"
		if !a.IsGlobal() {
			scope = "server " + a.Scope
		}
		fmt.Fprintf(m.stdout, "%-50s %s  %-8s %-22s %s\n", a.ID, a.Published.Format(knowledge.DateLayout), origin, scope, a.Title)
	}
	return nil
}

// corpusExport writes the whole corpus, with metadata, as JSON lines.
func corpusExport(ctx context.Context, m *Main, args corpusArgs) error {
	svc, err := m.open(ctx, app.Browse, "")
	if err != nil {
		return err
	}
	warnProblems(svc, m.stderr)
	return writeExport(m.stdout, svc)
}

// corpusCheck prints what is wrong with each corpus file that is left out,
// one line each (FILE:LINE: field: what is wrong), and fails if any is.
func corpusCheck(ctx context.Context, m *Main, args corpusArgs) error {
	svc, err := m.open(ctx, app.Browse, "")
	if err != nil {
		return err
	}
	c := svc.Check()
	for _, p := range c.Problems {
		fmt.Fprintln(m.stdout, p)
	}
	if len(c.Problems) == 0 {
		fmt.Fprintf(m.stdout, "%d corpus file(s) in %s, all in use.\n", c.Files, c.Dir)
		return nil
	}
	fmt.Fprintf(m.stdout, "%d of %d corpus file(s) in %s are left out until they are fixed; the running bot picks the fix up by itself.\n",
		len(c.Problems), c.Files, c.Dir)
	return errFailed
}

// warnProblems says on stderr that corpus files are left out, if any are.
func warnProblems(svc *app.Service, stderr io.Writer) {
	if n := len(svc.Check().Problems); n > 0 {
		fmt.Fprintf(stderr, "disputebot: %d corpus file(s) are left out because of a mistake; 'disputebot corpus check' says which and why\n", n)
	}
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

func cmdIndex(ctx context.Context, m *Main, args []string) error {
	if len(args) != 1 || args[0] != "rebuild" {
		return usagef("usage: disputebot index rebuild")
	}
	svc, err := m.open(ctx, app.Change, "index rebuild")
	if err != nil {
		return err
	}
	warnProblems(svc, m.stderr)
	start := time.Now()
	r, err := svc.Rebuild(ctx)
	if err != nil {
		return err
	}
	took := time.Since(start).Round(time.Millisecond)
	if r.Beside {
		// The bot holds DATA_DIR: it switches over to the new index by itself.
		fmt.Fprintf(m.stdout, "rebuilt the index (%d articles) in %v; the running bot switches to it within %v\n",
			r.Articles, took, refreshEvery)
		return nil
	}
	fmt.Fprintf(m.stdout, "rebuilt the index: %d articles, %d passages, in %v\n", r.Articles, r.Passages, took)
	return nil
}

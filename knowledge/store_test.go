package knowledge

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// The guilds of the store tests.
const (
	guildA = "1100000000000000001"
	guildB = "1100000000000000002"
)

var (
	modA = Actor{ID: "1200000000000000001", Name: "mod-a", Guild: guildA}
	modB = Actor{ID: "1200000000000000002", Name: "mod-b", Guild: guildB}
	cli  = Actor{ID: "cli", Name: "command line"}
)

// builtinArticle is the one built-in article of the test stores.
func builtinArticle() *Article {
	return &Article{
		ID: "kyodo-2019-12-16-madrid", Title: "Japan, S. Korea agree on importance of solving wartime labor row",
		Publisher: "Kyodo News", URL: "https://english.kyodonews.net/news/2019/12/madrid.html",
		Reprints:  []string{"https://www.japantimes.co.jp/news/2019/12/16/madrid/"},
		Published: time.Date(2019, 12, 16, 0, 0, 0, 0, time.UTC), Kind: KindArticle, Language: "en", Scope: Global,
		Body: []Paragraph{{Text: "The foreign ministers of Japan and South Korea met in Madrid on Sunday and talked for about 10 minutes."}},
	}
}

// newArticle is an article to add, distinct from every other by its tag.
func newArticle(tag string) *Article {
	return &Article{
		Title: "Japan and South Korea resume " + tag + " dialogue", Publisher: "Example News",
		URL:       "https://news.example.com/2024/05/" + tag,
		Published: time.Date(2024, 5, 21, 0, 0, 0, 0, time.UTC), Kind: KindArticle, Language: "en",
		Body: []Paragraph{
			{Text: "Vice foreign ministers of Japan and South Korea held the " + tag + " dialogue in Seoul on Tuesday."},
			{Text: "They agreed to meet again in Tokyo before the end of the year."},
		},
	}
}

func openTestStore(t *testing.T, dir string) *Store {
	t.Helper()
	s, err := OpenStore(dir, []*Article{builtinArticle()})
	if err != nil {
		t.Fatalf("OpenStore: %v", err)
	}
	return s
}

func ids(arts []*Article) []string {
	out := make([]string, len(arts))
	for i, a := range arts {
		out[i] = a.ID
	}
	return out
}

// snapshot is what a refused change must leave as it was: the articles, the
// files of the corpus directory and the audit log.
type snapshot struct {
	ids   []string
	files []string
	audit []byte
}

func takeSnapshot(t *testing.T, s *Store, dataDir string) snapshot {
	t.Helper()
	entries, err := os.ReadDir(s.Dir())
	if err != nil {
		t.Fatal(err)
	}
	var files []string
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(s.Dir(), e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, fmt.Sprintf("%s %x", e.Name(), data))
	}
	audit, err := os.ReadFile(filepath.Join(dataDir, "audit.log"))
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	return snapshot{ids: ids(s.All()), files: files, audit: audit}
}

func (a snapshot) check(t *testing.T, b snapshot) {
	t.Helper()
	if !slices.Equal(a.ids, b.ids) {
		t.Errorf("articles changed: %v, then %v", a.ids, b.ids)
	}
	if !slices.Equal(a.files, b.files) {
		t.Errorf("corpus directory changed: %d files, then %d", len(a.files), len(b.files))
	}
	if !bytes.Equal(a.audit, b.audit) {
		t.Errorf("audit log changed:\n%s\nthen\n%s", a.audit, b.audit)
	}
}

// TestStoreAddRemove walks an article through the store: added with an id
// made from its date and title, written as a corpus file that reads back
// the same, logged, visible to its server only, then removed.
func TestStoreAddRemove(t *testing.T) {
	dir := t.TempDir()
	s := openTestStore(t, dir)
	a := newArticle("strategic")
	a.Scope = guildA
	if err := s.Add(a, modA, a.URL); err != nil {
		t.Fatalf("Add: %v", err)
	}
	if want := "2024-05-21-japan-and-south-korea-resume-strategic-dialogue"; a.ID != want {
		t.Errorf("id %q, want %q", a.ID, want)
	}
	if a.AddedBy != "mod-a" || a.AddedAt.IsZero() {
		t.Errorf("added by %q at %v, want mod-a and a time", a.AddedBy, a.AddedAt)
	}
	data, err := os.ReadFile(filepath.Join(s.Dir(), a.ID+".md"))
	if err != nil {
		t.Fatalf("the article has no file: %v", err)
	}
	back, err := ParseArticle(a.ID+".md", data)
	if err != nil {
		t.Fatalf("the file does not read back: %v", err)
	}
	if !sameArticle(a, back) {
		t.Errorf("the file reads back as\n%+v\nwant\n%+v", back, a)
	}
	if got := ids(s.Articles(guildA)); !slices.Equal(got, []string{"kyodo-2019-12-16-madrid", a.ID}) {
		t.Errorf("server A sees %v", got)
	}
	for _, g := range []string{guildB, ""} {
		if got := ids(s.Articles(g)); !slices.Equal(got, []string{"kyodo-2019-12-16-madrid"}) {
			t.Errorf("guild %q sees %v, want the built-in article only", g, got)
		}
	}

	// Another process opening the same directory sees it.
	if got := ids(openTestStore(t, dir).All()); !slices.Equal(got, ids(s.All())) {
		t.Errorf("reopened store has %v, want %v", got, ids(s.All()))
	}

	if _, err := s.Remove(a.ID, modA); err != nil {
		t.Fatalf("Remove: %v", err)
	}
	if _, ok := s.Get(a.ID); ok {
		t.Error("removed article still there")
	}
	if _, err := os.Stat(filepath.Join(s.Dir(), a.ID+".md")); !os.IsNotExist(err) {
		t.Errorf("removed article's file: %v", err)
	}
	hist, err := s.History(guildA, 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(hist) != 2 || hist[0].Action != "remove" || hist[1].Action != "add" {
		t.Fatalf("history %+v, want remove then add", hist)
	}
	for _, c := range hist {
		if c.Article != a.ID || c.By != modA.ID || c.ByName != "mod-a" || c.Where != guildA || c.Scope != guildA || c.Time.IsZero() {
			t.Errorf("history entry %+v", c)
		}
	}
	if hist[1].Source != a.URL {
		t.Errorf("add entry source %q, want %q", hist[1].Source, a.URL)
	}
	if other, _ := s.History(guildB, 10); len(other) != 0 {
		t.Errorf("server B's history shows server A's changes: %+v", other)
	}
}

// TestStoreRefusals tries the changes the store must refuse. Each gives an
// *Error with the right code and a message that says why, and leaves the
// articles, their files and the audit log exactly as they were.
func TestStoreRefusals(t *testing.T) {
	dir := t.TempDir()
	s := openTestStore(t, dir)
	existing := newArticle("existing")
	existing.Scope = guildA
	if err := s.Add(existing, modA, ""); err != nil {
		t.Fatal(err)
	}
	addA := func(a *Article) error { // as the engine adds for server A
		a.Scope = guildA
		return s.Add(a, modA, "")
	}
	sameText := func(a *Article) *Article {
		b := newArticle("other")
		b.Body = []Paragraph{{Text: strings.ToUpper(a.Body[0].Text) + "  "}, {Text: "  " + a.Body[1].Text}}
		return b
	}
	tests := []struct {
		name   string
		change func() error
		code   string
		want   []string
	}{
		{"no title", func() error { a := newArticle("x"); a.Title = " "; return addA(a) }, EINVALID, []string{"title", "required"}},
		{"no text", func() error { a := newArticle("x"); a.Body = nil; return addA(a) }, EINVALID, []string{"body", "no text"}},
		{"10,000 paragraphs", func() error {
			a := newArticle("x")
			a.Body = nil
			for i := range 10000 {
				a.Body = append(a.Body, Paragraph{Text: fmt.Sprintf("Paragraph %d.", i)})
			}
			return addA(a)
		}, EINVALID, []string{"10000 paragraphs", "2000"}},
		{"javascript link", func() error { a := newArticle("x"); a.URL = "javascript:alert(1)"; return addA(a) }, EINVALID, []string{"url", "not an http or https link"}},
		{"control character", func() error { a := newArticle("x"); a.Title = "Talks\x1b[31m"; return addA(a) }, EINVALID, []string{"title", "control character"}},
		{"bad id", func() error { a := newArticle("x"); a.ID = "../../etc/passwd"; return addA(a) }, EINVALID, []string{"id"}},
		{"built-in id", func() error { a := newArticle("x"); a.ID = "kyodo-2019-12-16-madrid"; return s.Add(a, cli, "") }, ECONFLICT, []string{"already in the corpus"}},
		{"same id", func() error { a := newArticle("x"); a.ID = existing.ID; return addA(a) }, ECONFLICT, []string{existing.ID}},
		{"same URL", func() error { a := newArticle("x"); a.URL = existing.URL; return addA(a) }, ECONFLICT, []string{existing.ID}},
		{"same URL, other form", func() error {
			a := newArticle("x")
			a.URL = "http://WWW.news.example.com/2024/05/existing/?utm_source=discord&utm_medium=share#top"
			return addA(a)
		}, ECONFLICT, []string{existing.ID}},
		{"built-in URL", func() error { a := newArticle("x"); a.URL = builtinArticle().URL; return addA(a) }, ECONFLICT, []string{"kyodo-2019-12-16-madrid"}},
		{"built-in reprint URL", func() error {
			a := newArticle("x")
			a.URL = "https://japantimes.co.jp/news/2019/12/16/madrid"
			return addA(a)
		}, ECONFLICT, []string{"kyodo-2019-12-16-madrid"}},
		{"same text", func() error { return addA(sameText(existing)) }, ECONFLICT, []string{existing.ID}},
		{"remove built-in", func() error { _, err := s.Remove("kyodo-2019-12-16-madrid", modA); return err }, EINVALID, []string{"built-in"}},
		{"remove built-in from the CLI", func() error { _, err := s.Remove("kyodo-2019-12-16-madrid", cli); return err }, EINVALID, []string{"built-in"}},
		{"remove another server's", func() error { _, err := s.Remove(existing.ID, modB); return err }, ENOTFOUND, []string{existing.ID}},
		{"remove unknown", func() error { _, err := s.Remove("no-such-article", modA); return err }, ENOTFOUND, []string{"no-such-article"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := takeSnapshot(t, s, dir)
			err := tt.change()
			if code := ErrorCode(err); code != tt.code {
				t.Fatalf("error %v (code %q), want code %q", err, code, tt.code)
			}
			for _, w := range tt.want {
				if !strings.Contains(ErrorMessage(err), w) {
					t.Errorf("message %q does not say %q", ErrorMessage(err), w)
				}
			}
			takeSnapshot(t, s, dir).check(t, before)
		})
	}

	// What another server added is none of server B's business: the same
	// text and link may be added there.
	b := sameText(existing)
	b.URL, b.Scope = existing.URL, guildB
	if err := s.Add(b, modB, ""); err != nil {
		t.Errorf("server B cannot add what only server A has: %v", err)
	}
}

// TestStoreIgnoresPartialFiles: what a crash can leave in the corpus
// directory (the temporary file of an unfinished atomic write) and what
// does not belong there is never served, and does not stop the store from
// opening. A corpus file that is broken is reported by name.
func TestStoreIgnoresPartialFiles(t *testing.T) {
	dir := t.TempDir()
	s := openTestStore(t, dir)
	a := newArticle("kept")
	if err := s.Add(a, cli, ""); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Reload(); err != nil {
		t.Fatal(err)
	}
	full, err := FormatArticle(newArticle("half-written"))
	if err != nil {
		t.Fatal(err)
	}
	stray := map[string][]byte{
		".2024-05-21-half-written.md.tmp-1x2y3z": full[:len(full)/2],
		".2024-05-21-hidden.md":                  full,
		"README.txt":                             []byte("notes"),
		"draft.md~":                              full,
	}
	for name, data := range stray {
		if err := os.WriteFile(filepath.Join(s.Dir(), name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Mkdir(filepath.Join(s.Dir(), "sub.md"), 0o755); err != nil {
		t.Fatal(err)
	}
	reopened := openTestStore(t, dir)
	if got, want := ids(reopened.All()), []string{"kyodo-2019-12-16-madrid", a.ID}; !slices.Equal(got, want) {
		t.Errorf("articles %v, want %v", got, want)
	}
	if changed, err := s.Reload(); err != nil || changed {
		t.Errorf("Reload after stray files = %v, %v; want no change", changed, err)
	}

	if err := os.WriteFile(filepath.Join(s.Dir(), "broken.md"), full[:len(full)/3], 0o644); err != nil {
		t.Fatal(err)
	}
	// A broken file is skipped and reported; the rest stays.
	reopened, err = OpenStore(dir, []*Article{builtinArticle()})
	if err != nil {
		t.Fatalf("OpenStore with a broken file: %v", err)
	}
	if _, err := s.Reload(); err != nil {
		t.Errorf("Reload with a broken file: %v", err)
	}
	for _, st := range []*Store{reopened, s} {
		if got := ids(st.All()); len(got) != 2 {
			t.Errorf("a broken file changed the articles: %v", got)
		}
		if p := st.Problems(); len(p) != 1 || p[0].File != "broken.md" || ErrorCode(p[0].Err) != EINVALID ||
			!strings.HasPrefix(ErrorMessage(p[0].Err), "broken.md") {
			t.Errorf("problems %v, want one naming broken.md", p)
		}
	}
}

// TestStoreSkipsBadFiles checks issue 10's second failure in the store: a
// file edited by hand into one that does not parse, a file taking a
// built-in article's id, one repeating another's id and one this user may
// not read are each skipped and reported once, and changes to the other
// files are still picked up; fixing the file brings it back.
func TestStoreSkipsBadFiles(t *testing.T) {
	dir := t.TempDir()
	s := openTestStore(t, dir)
	good := func(id, title string) []byte {
		return []byte(corpusFile(map[string]string{"id": id, "title": title}, testBody))
	}
	write := func(name string, data []byte) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(s.Dir(), name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("a.md", good("a", "First"))
	write("edited.md", []byte(corpusFile(map[string]string{"id": "edited", "published": `"2024-5-14"`}, testBody)))
	write("builtin.md", good(builtinArticle().ID, "Taken"))
	write("twin.md", good("a", "Twin"))
	wantProblems := map[string]string{
		"edited.md":  `edited.md:5: published: "2024-5-14" is not written YYYY-MM-DD; write 2024-05-14`,
		"builtin.md": `builtin.md: id: "` + builtinArticle().ID + `" is the id of a built-in article; give this one another id`,
		"twin.md":    `twin.md: id: "a" is already the id of a.md; give one of them another id`,
	}
	if os.Geteuid() != 0 {
		write("secret.md", good("secret", "Secret"))
		if err := os.Chmod(filepath.Join(s.Dir(), "secret.md"), 0); err != nil {
			t.Fatal(err)
		}
		wantProblems["secret.md"] = "secret.md: permission denied: this user may not read it; give it to the owner of the corpus directory (chown) or make it readable (chmod a+r)"
	}
	check := func(wantIDs []string, want map[string]string) {
		t.Helper()
		if _, err := s.Reload(); err != nil {
			t.Fatalf("Reload: %v", err)
		}
		if got := ids(s.All()); !slices.Equal(got, wantIDs) {
			t.Errorf("articles %v, want %v", got, wantIDs)
		}
		got := map[string]string{}
		for _, p := range s.Problems() {
			got[p.File] = ErrorMessage(p.Err)
		}
		if !maps.Equal(got, want) {
			t.Errorf("problems:\n%v\nwant\n%v", got, want)
		}
	}
	check([]string{builtinArticle().ID, "a"}, wantProblems)

	// Another file comes while the broken ones stay: it is picked up.
	write("b.md", good("b", "Second"))
	check([]string{builtinArticle().ID, "a", "b"}, wantProblems)

	// The file is fixed: it comes back, and its problem goes.
	write("edited.md", []byte(corpusFile(map[string]string{"id": "edited", "published": "2024-05-14"}, testBody)))
	delete(wantProblems, "edited.md")
	check([]string{builtinArticle().ID, "a", "b", "edited"}, wantProblems)
}

// TestStoreReload: the bot's store picks up what the command line (another
// Store on the same directory) adds and removes, and reports no change
// when there was none.
func TestStoreReload(t *testing.T) {
	dir := t.TempDir()
	bot, cmd := openTestStore(t, dir), openTestStore(t, dir)
	if changed, err := bot.Reload(); err != nil || changed {
		t.Fatalf("Reload without changes = %v, %v", changed, err)
	}
	a := newArticle("from-cli")
	if err := cmd.Add(a, cli, "notes.md"); err != nil {
		t.Fatal(err)
	}
	if changed, err := bot.Reload(); err != nil || !changed {
		t.Fatalf("Reload after an add = %v, %v", changed, err)
	}
	if _, ok := bot.Get(a.ID); !ok {
		t.Fatal("the bot does not see the added article")
	}
	if _, err := cmd.Remove(a.ID, cli); err != nil {
		t.Fatal(err)
	}
	if changed, err := bot.Reload(); err != nil || !changed {
		t.Fatalf("Reload after a remove = %v, %v", changed, err)
	}
	if _, ok := bot.Get(a.ID); ok {
		t.Fatal("the bot still has the removed article")
	}
	hist, err := bot.History("", 10)
	if err != nil || len(hist) != 2 || hist[0].Where != "cli" || hist[1].Source != "notes.md" {
		t.Errorf("history %+v, %v", hist, err)
	}
}

// TestStoreKeepsTextAsWritten: mentions and Markdown in an article are
// data, stored exactly as written; making them inert is the job of
// whatever shows them (see bot/markdown).
func TestStoreKeepsTextAsWritten(t *testing.T) {
	dir := t.TempDir()
	s := openTestStore(t, dir)
	a := newArticle("mentions")
	a.Body = append(a.Body,
		Paragraph{Text: "Ping @everyone and @here, <@123456789012345678> and <@&123456789012345678>."},
		Paragraph{Text: "Some **bold** words, a [link](https://x) and a # heading inside the text."},
		Paragraph{Text: "# heading opening a paragraph"},
		Paragraph{Text: "[caption] not a caption"},
	)
	if err := s.Add(a, cli, ""); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(s.Dir(), a.ID+".md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range a.Body[2:4] {
		if !bytes.Contains(data, []byte(p.Text)) {
			t.Errorf("the file does not hold %q as written:\n%s", p.Text, data)
		}
	}
	got, _ := openTestStore(t, dir).Get(a.ID)
	if got == nil || !slices.Equal(got.Body, a.Body) {
		t.Errorf("reads back as %+v, want %+v", got, a.Body)
	}
}

// TestStoreHistoryAfterTornLine: a line cut short (by a crash, or a full
// disk) does not hide the entries around it.
func TestStoreHistoryAfterTornLine(t *testing.T) {
	dir := t.TempDir()
	s := openTestStore(t, dir)
	if err := s.Add(newArticle("first"), cli, ""); err != nil {
		t.Fatal(err)
	}
	f, err := os.OpenFile(filepath.Join(dir, "audit.log"), os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString(`{"time":"2024-05-21T00:00:00Z","action":"add","arti` + "\n")
	f.Close()
	if err := s.Add(newArticle("second"), cli, ""); err != nil {
		t.Fatal(err)
	}
	hist, err := s.History("", 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(hist) != 2 || !strings.Contains(hist[0].Title, "second") || !strings.Contains(hist[1].Title, "first") {
		t.Errorf("history %+v, want second then first", hist)
	}
}

// TestStoreConcurrent adds, removes, lists and reloads from many
// goroutines at once (run with -race): every add succeeds once, and the
// directory ends up holding exactly the articles the store lists.
func TestStoreConcurrent(t *testing.T) {
	dir := t.TempDir()
	s := openTestStore(t, dir)
	const workers, each = 4, 10
	var wg sync.WaitGroup
	errs := make(chan error, workers*each*2)
	for w := range workers {
		wg.Go(func() {
			for i := range each {
				a := newArticle(fmt.Sprintf("w%dn%d", w, i))
				a.Body[0].Text += fmt.Sprintf(" Worker %d, number %d.", w, i)
				if err := s.Add(a, cli, ""); err != nil {
					errs <- err
					continue
				}
				if i%2 == 0 {
					if _, err := s.Remove(a.ID, cli); err != nil {
						errs <- err
					}
				}
				s.All()
				if _, err := s.Reload(); err != nil {
					errs <- err
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if got := len(s.All()); got != 1+workers*each/2 {
		t.Errorf("%d articles, want %d", got, 1+workers*each/2)
	}
	if got, want := ids(openTestStore(t, dir).All()), ids(s.All()); !slices.Equal(got, want) {
		t.Errorf("on disk %v, in memory %v", got, want)
	}
	raw, _ := os.ReadFile(filepath.Join(dir, "audit.log"))
	lines := strings.Split(strings.TrimSpace(string(raw)), "\n")
	if len(lines) != workers*each*3/2 {
		t.Errorf("%d audit lines, want %d", len(lines), workers*each*3/2)
	}
	for _, l := range lines {
		if !json.Valid([]byte(l)) {
			t.Errorf("audit line is not JSON: %q", l)
		}
	}
}

// TestStoreAddBesideAnotherProcess: the bot and the command line each have
// a Store on the same directory, and each learns of the other's additions
// only when it reloads. An article added on one side must never replace
// the file of one added on the other meanwhile, whether its id was made
// from the same title and date or given explicitly.
func TestStoreAddBesideAnotherProcess(t *testing.T) {
	dir := t.TempDir()
	botStore, cliStore := openTestStore(t, dir), openTestStore(t, dir)

	fromCLI := newArticle("same")
	if err := cliStore.Add(fromCLI, cli, "notes.md"); err != nil {
		t.Fatal(err)
	}
	// The same headline and date, another text, from a server, before the
	// bot has reloaded.
	fromBot := newArticle("same")
	fromBot.URL, fromBot.Scope = "https://other.example.com/same", guildA
	fromBot.Body[0].Text = "A different report of the same dialogue, from another agency."
	if err := botStore.Add(fromBot, modA, fromBot.URL); err != nil {
		t.Fatalf("Add: %v", err)
	}
	if fromBot.ID == fromCLI.ID {
		t.Errorf("both articles got id %s: one file replaced the other", fromBot.ID)
	}
	// An explicit id that the other side has taken.
	dup := newArticle("explicit")
	dup.ID = fromCLI.ID
	if err := botStore.Add(dup, cli, ""); ErrorCode(err) != ECONFLICT {
		t.Errorf("adding an id the other process took: %v, want ECONFLICT", err)
	}

	got := openTestStore(t, dir)
	for _, a := range []*Article{fromCLI, fromBot} {
		b, ok := got.Get(a.ID)
		if !ok || b.Body[0].Text != a.Body[0].Text {
			t.Errorf("article %s (%q) was lost", a.ID, a.Body[0].Text)
		}
	}
}

// TestCreateFileAtomic: of several writers creating the same file at once,
// exactly one succeeds and its content is what the file holds; the others
// get fs.ErrExist and leave no temporary file behind.
func TestCreateFileAtomic(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "article.md")
	const writers = 8
	var wg sync.WaitGroup
	errs := make([]error, writers)
	for i := range writers {
		wg.Go(func() { errs[i] = createFileAtomic(path, []byte(fmt.Sprintf("writer %d\n", i))) })
	}
	wg.Wait()
	won := -1
	for i, err := range errs {
		switch {
		case err == nil && won >= 0:
			t.Errorf("writers %d and %d both created the file", won, i)
		case err == nil:
			won = i
		case !errors.Is(err, fs.ErrExist):
			t.Errorf("writer %d: %v, want fs.ErrExist", i, err)
		}
	}
	data, _ := os.ReadFile(path)
	if won < 0 || string(data) != fmt.Sprintf("writer %d\n", won) {
		t.Errorf("file holds %q, winner %d", data, won)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("%d files left in the directory, want 1", len(entries))
	}
}

// TestStoreRemovesOldLeftovers: the temporary file of a write killed long
// ago is deleted when the store opens, while a fresh one, which may belong
// to a write happening now in another process, and other files stay.
func TestStoreRemovesOldLeftovers(t *testing.T) {
	dir := t.TempDir()
	s := openTestStore(t, dir)
	old := filepath.Join(s.Dir(), ".2024-05-21-old.md.tmp-123")
	fresh := filepath.Join(s.Dir(), ".2024-05-21-fresh.md.tmp-456")
	other := filepath.Join(s.Dir(), ".keep")
	for _, name := range []string{old, fresh, other} {
		if err := os.WriteFile(name, []byte("partial"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	long := time.Now().Add(-2 * leftoverAge)
	for _, name := range []string{old, other} {
		if err := os.Chtimes(name, long, long); err != nil {
			t.Fatal(err)
		}
	}
	openTestStore(t, dir)
	if _, err := os.Stat(old); !os.IsNotExist(err) {
		t.Errorf("old leftover still there: %v", err)
	}
	for _, name := range []string{fresh, other} {
		if _, err := os.Stat(name); err != nil {
			t.Errorf("%s removed: %v", filepath.Base(name), err)
		}
	}
}

// TestStorePartition: a partitioned store holds the global articles and
// those of the servers it owns, and leaves the others' files alone.
func TestStorePartition(t *testing.T) {
	dir := t.TempDir()
	s := openTestStore(t, dir)
	mine, theirs := newArticle("mine"), newArticle("theirs")
	mine.Scope, theirs.Scope = "123456789012345678", "223456789012345678"
	for _, a := range []*Article{mine, theirs} {
		if err := s.Add(a, Actor{ID: "1"}, "test"); err != nil {
			t.Fatal(err)
		}
	}
	s.Partition(func(guild string) bool { return guild == mine.Scope })
	ids := map[string]bool{}
	for _, a := range s.All() {
		ids[a.ID] = true
	}
	if !ids[mine.ID] || ids[theirs.ID] || !ids[builtinArticle().ID] {
		t.Errorf("partitioned store holds %v", ids)
	}
	if _, ok := s.Get(theirs.ID); ok {
		t.Error("Get finds another server's article")
	}
	if _, err := os.Stat(filepath.Join(dir, "corpus", theirs.ID+".md")); err != nil {
		t.Errorf("the other server's file: %v", err)
	}
	s.Partition(nil)
	if _, ok := s.Get(theirs.ID); !ok {
		t.Error("unpartitioned, the store lost an article")
	}
}

// TestAuditTornLine: what a writer killed in the middle of an audit line
// left is cut off by the next writer, so every line stays a change.
func TestAuditTornLine(t *testing.T) {
	for _, torn := range []string{`{"time"`, "{\"action\":\"add\",\"article_id\":\"x\"}\n{\"ti", ""} {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, "audit.log"), []byte(torn), 0o644); err != nil {
			t.Fatal(err)
		}
		s := openTestStore(t, dir)
		if err := s.Add(newArticle("torn"), Actor{ID: "1"}, "test"); err != nil {
			t.Fatal(err)
		}
		data, _ := os.ReadFile(filepath.Join(dir, "audit.log"))
		lines := strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")
		for _, line := range lines {
			var c Change
			if err := json.Unmarshal([]byte(line), &c); err != nil {
				t.Errorf("after %q, the audit log is %q", torn, data)
			}
		}
		if want := strings.Count(torn, "\n") + 1; len(lines) != want {
			t.Errorf("after %q: %d lines, want %d", torn, len(lines), want)
		}
	}
}

package main

// End-to-end tests: the real `disputebot run` wiring (config, corpus, index,
// bot, discordgo session) against discordtest, a fake Discord on 127.0.0.1.
// What they catch that the handler tests cannot: command registration,
// gateway handling, deadlines measured by Discord's side, rate limits,
// reconnects, and shutdown.

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/disputebot/disputebot/bot/discordtest"
	"github.com/disputebot/disputebot/index"
	"github.com/disputebot/disputebot/knowledge"
)

// e2eToken is the bot token of the e2e tests: recognizable, so that a test
// can tell that it never shows up in any output.
const e2eToken = "E2E-SECRET-TOKEN-7f3a9c1e5b2d"

// madridQuestion has one right answer in the default corpus: they talked
// for about ten minutes.
const madridQuestion = "How long did Motegi and Kang talk in Madrid?"

// indexTemplate is an index of the default corpus built once per test
// binary and copied into each test's DATA_DIR: building it takes seconds
// under -race, and every e2e test would otherwise build its own.
var indexTemplate struct {
	dir  string
	once sync.Once
	err  error
}

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "disputebot-e2e-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	indexTemplate.dir = dir
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// seedDataDir returns a fresh DATA_DIR holding an up-to-date index of the
// default corpus. Run still syncs it, which is then a no-op unless the test
// adds articles.
func seedDataDir(t *testing.T) string {
	t.Helper()
	tmpl := filepath.Join(indexTemplate.dir, "index")
	indexTemplate.once.Do(func() {
		arts, err := knowledge.DefaultCorpus()
		if err != nil {
			indexTemplate.err = err
			return
		}
		idx, err := index.Open(tmpl, index.Options{Logger: slog.New(slog.DiscardHandler)})
		if err != nil {
			indexTemplate.err = err
			return
		}
		indexTemplate.err = idx.Sync(context.Background(), arts)
		if err := idx.Close(); indexTemplate.err == nil {
			indexTemplate.err = err
		}
	})
	if indexTemplate.err != nil {
		t.Fatalf("building the index template: %v", indexTemplate.err)
	}
	dir := t.TempDir()
	if err := os.CopyFS(filepath.Join(dir, "index"), os.DirFS(tmpl)); err != nil {
		t.Fatalf("copying the index template: %v", err)
	}
	return dir
}

// logBuffer collects what the bot writes to stderr, for assertions and for
// the test log when a test fails.
type logBuffer struct {
	mu      sync.Mutex
	buf     bytes.Buffer
	changed chan struct{}
}

func newLogBuffer() *logBuffer { return &logBuffer{changed: make(chan struct{})} }

func (l *logBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	close(l.changed)
	l.changed = make(chan struct{})
	return l.buf.Write(p)
}

func (l *logBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.String()
}

// waitFor waits until the log contains s.
func (l *logBuffer) waitFor(t *testing.T, s string, timeout time.Duration) {
	t.Helper()
	deadline := time.After(timeout)
	for {
		l.mu.Lock()
		ok := strings.Contains(l.buf.String(), s)
		ch := l.changed
		l.mu.Unlock()
		if ok {
			return
		}
		select {
		case <-ch:
		case <-deadline:
			t.Fatalf("the log does not say %q within %v", s, timeout)
		}
	}
}

// runningBot is `disputebot run` running in the test process.
type runningBot struct {
	fake    *discordtest.Server
	dataDir string
	log     *logBuffer
	stop    func() int // cancels Run and returns its exit code
}

// startBot runs `disputebot run` against fake, with the environment a user
// would set plus extra (an empty value unsets a setting), and waits until
// the commands are registered. When the test ends it stops the bot, expects
// exit code 0, and checks what every e2e test must hold: no request
// Discord would refuse, allowed_mentions on every message, and the token
// nowhere in the output.
func startBot(t *testing.T, fake *discordtest.Server, dataDir string, extra map[string]string) *runningBot {
	t.Helper()
	env := map[string]string{
		"DATA_DIR":         dataDir,
		"DISCORD_TOKEN":    fake.Token(),
		"DISCORD_API_BASE": fake.URL(),
		"DISCORD_GUILD_ID": fake.GuildID(),
		"LOG_LEVEL":        "info",
	}
	for k, v := range extra {
		env[k] = v
	}
	b := &runningBot{fake: fake, dataDir: dataDir, log: newLogBuffer()}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan int, 1)
	go func() {
		done <- Run(ctx, []string{"run"}, func(k string) string { return env[k] }, io.Discard, b.log)
	}()
	var once sync.Once
	code := -1
	b.stop = func() int {
		once.Do(func() {
			cancel()
			select {
			case code = <-done:
			case <-time.After(30 * time.Second):
				t.Errorf("disputebot run did not stop within 30 s of its context ending")
			}
		})
		return code
	}
	t.Cleanup(func() {
		if code := b.stop(); code != exitOK {
			t.Errorf("disputebot run exited with %d, want %d", code, exitOK)
		}
		checkFake(t, fake)
		if strings.Contains(b.log.String(), fake.Token()) {
			t.Errorf("the bot token appears in the log")
		}
		if t.Failed() {
			t.Logf("bot log:\n%s", b.log.String())
		}
	})

	guild := env["DISCORD_GUILD_ID"]
	deadline := time.Now().Add(30 * time.Second)
	for len(fake.Commands(guild)) == 0 {
		select {
		case code := <-done:
			done <- code
			t.Fatalf("disputebot run exited with %d before registering its commands:\n%s", code, b.log.String())
		case <-time.After(10 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			t.Fatalf("no commands registered within 30 s:\n%s", b.log.String())
		}
	}
	return b
}

// checkFake fails the test for anything the bot sent that Discord would
// have refused, or a message that could ping.
func checkFake(t *testing.T, fake *discordtest.Server) {
	t.Helper()
	for _, v := range fake.Violations() {
		t.Errorf("violation: %s", v)
	}
	for _, r := range fake.MissingAllowedMentions() {
		t.Errorf("message without \"allowed_mentions\":{\"parse\":[]}: %s %s", r.Method, r.Path)
	}
	for _, r := range fake.FailedRequests() {
		t.Errorf("request refused: %s %s: %d %s", r.Method, r.Path, r.Status, r.Response)
	}
}

// newFake starts a fake Discord that accepts e2eToken.
func newFake(t *testing.T, opts ...discordtest.Option) *discordtest.Server {
	t.Helper()
	// The fake's own log (connections, drops, refusals) goes to the
	// test's, which shows it when the test fails: a gateway that dropped
	// the bot is then told from a bot that dropped the gateway.
	logger := slog.New(slog.NewTextHandler(testLogWriter{t}, &slog.HandlerOptions{Level: slog.LevelInfo}))
	return discordtest.NewTB(t, append([]discordtest.Option{discordtest.WithToken(e2eToken), discordtest.WithLogger(logger)}, opts...)...)
}

// testLogWriter writes each log line to a test's log.
type testLogWriter struct{ t *testing.T }

func (w testLogWriter) Write(p []byte) (int, error) {
	w.t.Log("fake discord: " + strings.TrimRight(string(p), "\n"))
	return len(p), nil
}

// reply is the bot's complete answer to one interaction, as the fake
// received it.
type reply struct {
	Type       discordgo.InteractionResponseType // of the first callback that succeeded
	Ack        time.Duration                     // when that callback arrived, from dispatch
	Content    string
	Embeds     []*discordgo.MessageEmbed
	Components []discordgo.MessageComponent
	Choices    []*discordgo.ApplicationCommandOptionChoice
	Flags      discordgo.MessageFlags
	Requests   []discordtest.Request
}

// text is everything a user reads in the reply.
func (r *reply) text() string { return readable(r.Content, r.Embeds) }

// readable is what a user reads in a message, without Markdown bold.
func readable(content string, embeds []*discordgo.MessageEmbed) string {
	parts := []string{content}
	for _, e := range embeds {
		parts = append(parts, e.Title, e.Description)
		for _, f := range e.Fields {
			parts = append(parts, f.Name, f.Value)
		}
		if e.Footer != nil {
			parts = append(parts, e.Footer.Text)
		}
	}
	return strings.ReplaceAll(strings.Join(parts, "\n"), "**", "")
}

func (r *reply) ephemeral() bool { return r.Flags&discordgo.MessageFlagsEphemeral != 0 }

// button returns the custom id of the button whose label contains label,
// and whether it is disabled.
func (r *reply) button(t *testing.T, label string) (customID string, disabled bool) {
	t.Helper()
	for _, b := range buttonsOf(r.Components) {
		if strings.Contains(b.Label, label) {
			return b.CustomID, b.Disabled
		}
	}
	t.Fatalf("no %q button in the reply", label)
	return "", false
}

func buttonsOf(cs []discordgo.MessageComponent) []discordgo.Button {
	var out []discordgo.Button
	for _, c := range cs {
		switch c := c.(type) {
		case discordgo.ActionsRow:
			out = append(out, buttonsOf(c.Components)...)
		case *discordgo.ActionsRow:
			out = append(out, buttonsOf(c.Components)...)
		case discordgo.Button:
			out = append(out, c)
		case *discordgo.Button:
			out = append(out, *c)
		}
	}
	return out
}

func callbackType(r discordtest.Request) discordgo.InteractionResponseType {
	var v struct {
		Type discordgo.InteractionResponseType `json:"type"`
	}
	json.Unmarshal(r.Body, &v)
	return v.Type
}

// answered reports whether the requests hold a complete answer: a message
// or choices, or a deferral and the edit that follows it.
func answered(rs []discordtest.Request) bool {
	deferred := false
	for _, r := range rs {
		if r.Status >= 300 {
			continue
		}
		switch r.Kind {
		case discordtest.KindCallback:
			switch callbackType(r) {
			case discordgo.InteractionResponseDeferredChannelMessageWithSource, discordgo.InteractionResponseDeferredMessageUpdate:
				deferred = true
			default:
				return true
			}
		case discordtest.KindEdit:
			if deferred {
				return true
			}
		}
	}
	return false
}

// dispatch sends an interaction and waits for the bot's complete answer.
func dispatch(t *testing.T, fake *discordtest.Server, i *discordgo.Interaction) *reply {
	t.Helper()
	if err := fake.Dispatch(i); err != nil {
		t.Fatal(err)
	}
	return waitReply(t, fake, i.ID)
}

// waitReply waits for the bot's complete answer to a dispatched interaction.
func waitReply(t *testing.T, fake *discordtest.Server, id string) *reply {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	rs, err := fake.WaitFor(ctx, id, answered)
	if err != nil {
		t.Fatalf("%v; requests: %s", err, describe(rs))
	}
	r := &reply{Requests: rs}
	for _, q := range rs {
		if q.Status >= 300 {
			continue
		}
		switch q.Kind {
		case discordtest.KindCallback:
			resp, err := q.InteractionResponse()
			if err != nil {
				t.Fatal(err)
			}
			r.Type, r.Ack = resp.Type, q.At
			if d := resp.Data; d != nil {
				r.Content, r.Embeds, r.Components, r.Choices, r.Flags = d.Content, d.Embeds, d.Components, d.Choices, d.Flags
			}
		case discordtest.KindEdit:
			e, err := q.WebhookEdit()
			if err != nil {
				t.Fatal(err)
			}
			if e.Content != nil {
				r.Content = *e.Content
			}
			if e.Embeds != nil {
				r.Embeds = *e.Embeds
			}
			if e.Components != nil {
				r.Components = *e.Components
			}
		}
	}
	if r.Ack > discordtest.DefaultAckDeadline {
		t.Errorf("first callback %v after dispatch, over Discord's %v", r.Ack, discordtest.DefaultAckDeadline)
	}
	return r
}

func describe(rs []discordtest.Request) string {
	var out []string
	for _, r := range rs {
		out = append(out, fmt.Sprintf("%s %s -> %d at %v", r.Method, r.Kind, r.Status, r.At))
	}
	return "[" + strings.Join(out, "; ") + "]"
}

// member is a guild member other than the fake's default user, for tests
// that must not trip the per-user rate limit.
func member(id int) discordtest.InteractionOption {
	u := &discordgo.User{ID: fmt.Sprint(900000000000000000 + id), Username: fmt.Sprintf("member%d", id), Discriminator: "0"}
	return discordtest.AsMember(u, discordgo.PermissionViewChannel|discordgo.PermissionSendMessages|discordgo.PermissionUseApplicationCommands)
}

// guildArticle is a server's own article: only that server may see it.
const guildArticle = `---
id: busan-study-group-2024-03
title: "Busan study group: notes on the hydrogen fluoride stockpile"
publisher: Busan Dispute Study Group
url: https://busan-study-group.example.org/notes/2024-03
published: 2024-03-14
kind: article
language: en
topics: [export-controls]
scope: %s
added_by: tester
---
At its March meeting the Busan study group heard that a Gumi chipmaker kept a hydrogen fluoride stockpile lasting exactly 47 days after Japan tightened export controls on South Korea in July 2019.

Members agreed to invite a trade lawyer from Daegu to explain the WTO case at the next meeting.
`

const guildQuestion = "How many days did the Gumi chipmaker's hydrogen fluoride stockpile last after the export controls?"

// TestRunE2E walks through what a user does, on one bot: the commands as
// registered, /ask with paging, /search with paging, /topic, /source with
// autocomplete, /about, and a server's own article.
func TestRunE2E(t *testing.T) {
	t.Parallel()
	other := "1200000000000000077"
	fake := newFake(t, discordtest.WithGuilds("1200000000000000042", other))
	dataDir := seedDataDir(t)
	if err := os.MkdirAll(filepath.Join(dataDir, "corpus"), 0o755); err != nil {
		t.Fatal(err)
	}
	article := fmt.Sprintf(guildArticle, fake.GuildID())
	if err := os.WriteFile(filepath.Join(dataDir, "corpus", "busan.md"), []byte(article), 0o644); err != nil {
		t.Fatal(err)
	}
	// The walk-through asks more than a user may in 10 s.
	startBot(t, fake, dataDir, map[string]string{"RATE_LIMIT": "1000/10s"})

	t.Run("registered commands", func(t *testing.T) { checkRegistered(t, fake) })

	t.Run("ask and page", func(t *testing.T) {
		ask := fake.SlashCommand("ask", discordtest.StringOption("question", madridQuestion))
		r := dispatch(t, fake, ask)
		if r.Type != discordgo.InteractionResponseChannelMessageWithSource || r.ephemeral() {
			t.Fatalf("reply type %d ephemeral %v, want a public message", r.Type, r.ephemeral())
		}
		if len(r.Embeds) == 0 {
			t.Fatalf("no answer: %q", r.Content)
		}
		if first := r.text(); !strings.Contains(first, "10 minutes") && !strings.Contains(first, "ten minutes") {
			t.Errorf("the answer does not say how long they talked:\n%s", first)
		}
		next, disabled := r.button(t, "Next")
		if disabled {
			t.Fatal("Next is disabled on the first page")
		}
		msg := fake.OriginalMessage(ask.ID)
		if msg == nil {
			t.Fatal("the fake has no message for the answer")
		}
		click := fake.ButtonClick(next, msg)
		p2 := dispatch(t, fake, click)
		if p2.Type != discordgo.InteractionResponseUpdateMessage {
			t.Fatalf("Next answered with type %d, want 7 (update the message)", p2.Type)
		}
		if !strings.Contains(p2.Content, "(4–") || len(p2.Embeds) == 0 {
			t.Errorf("page 2 = %q with %d embeds, want answers from 4 on", p2.Content, len(p2.Embeds))
		}
		if p2.text() == r.text() {
			t.Error("page 2 shows the same answers as page 1")
		}
		// The message now shows page 2; its Previous goes back to page 1.
		msg = fake.OriginalMessage(click.ID)
		prev, disabled := p2.button(t, "Previous")
		if disabled {
			t.Fatal("Previous is disabled on page 2")
		}
		p1 := dispatch(t, fake, fake.ButtonClick(prev, msg))
		if p1.Type != discordgo.InteractionResponseUpdateMessage || !strings.Contains(p1.Content, "(1–") {
			t.Errorf("Previous gave type %d %q, want page 1 again", p1.Type, p1.Content)
		}
	})

	t.Run("search and page", func(t *testing.T) {
		s := fake.SlashCommand("search", discordtest.StringOption("query", "export controls"))
		r := dispatch(t, fake, s)
		if len(r.Embeds) != 1 || r.ephemeral() {
			t.Fatalf("search gave %d embeds (ephemeral %v): %q", len(r.Embeds), r.ephemeral(), r.Content)
		}
		footer := r.Embeds[0].Footer.Text
		if !strings.Contains(footer, "page 1 of") {
			t.Fatalf("footer %q, want page 1 of several", footer)
		}
		next, disabled := r.button(t, "Next")
		if disabled {
			t.Fatalf("only one page of results for a broad search (%s)", footer)
		}
		click := fake.ButtonClick(next, fake.OriginalMessage(s.ID))
		p2 := dispatch(t, fake, click)
		if p2.Type != discordgo.InteractionResponseUpdateMessage || len(p2.Embeds) != 1 || !strings.Contains(p2.Embeds[0].Footer.Text, "page 2 of") {
			t.Fatalf("Next gave type %d, %d embeds, want page 2", p2.Type, len(p2.Embeds))
		}
		prev, _ := p2.button(t, "Previous")
		p1 := dispatch(t, fake, fake.ButtonClick(prev, fake.OriginalMessage(click.ID)))
		if len(p1.Embeds) != 1 || p1.Embeds[0].Description != r.Embeds[0].Description {
			t.Error("Previous does not go back to the first page")
		}

		newest := dispatch(t, fake, fake.SlashCommand("search",
			discordtest.StringOption("query", "export controls"), discordtest.StringOption("order", "newest"),
			discordtest.StringOption("topic", "export-controls"), discordtest.StringOption("from", "2019"), discordtest.StringOption("to", "2030")))
		if len(newest.Embeds) != 1 || !strings.Contains(newest.Embeds[0].Footer.Text, "newest first") {
			t.Errorf("search with filters and order: %q %d embeds", newest.Content, len(newest.Embeds))
		}
	})

	t.Run("topic", func(t *testing.T) {
		r := dispatch(t, fake, fake.SlashCommand("topic", discordtest.StringOption("name", "labor-ruling")))
		if len(r.Embeds) != 1 || len(r.Embeds[0].Fields) == 0 {
			t.Fatalf("topic gave %d embeds: %q", len(r.Embeds), r.Content)
		}
		if !strings.Contains(r.Embeds[0].Title, "Wartime labor rulings") {
			t.Errorf("title %q", r.Embeds[0].Title)
		}
	})

	t.Run("source with autocomplete", func(t *testing.T) {
		ac := dispatch(t, fake, fake.Autocomplete("source", discordtest.Focused(discordtest.StringOption("article", ""))))
		if ac.Type != discordgo.InteractionApplicationCommandAutocompleteResult {
			t.Fatalf("autocomplete answered with type %d", ac.Type)
		}
		if n := len(ac.Choices); n == 0 || n > 25 {
			t.Fatalf("%d choices, want 1 to 25", n)
		}
		ids := map[string]bool{}
		for _, c := range ac.Choices {
			v, _ := c.Value.(string)
			if !knowledge.ValidID(v) {
				t.Errorf("choice %q has value %q, want an article id", c.Name, c.Value)
			}
			ids[v] = true
		}
		if !ids["busan-study-group-2024-03"] {
			t.Error("the server's own article is not among the choices in its server")
		}
		typed := dispatch(t, fake, fake.Autocomplete("source", discordtest.Focused(discordtest.StringOption("article", "madrid"))))
		if len(typed.Choices) == 0 {
			t.Fatal("no choices for \"madrid\"")
		}
		id, _ := typed.Choices[0].Value.(string)
		r := dispatch(t, fake, fake.SlashCommand("source", discordtest.StringOption("article", id)))
		if len(r.Embeds) != 1 || r.Embeds[0].Footer == nil || r.Embeds[0].Footer.Text != "id: "+id {
			t.Fatalf("/source %s gave %d embeds: %q", id, len(r.Embeds), r.Content)
		}
	})

	t.Run("about", func(t *testing.T) {
		r := dispatch(t, fake, fake.SlashCommand("about"))
		if len(r.Embeds) != 1 || !strings.Contains(r.text(), "Added by this server") {
			t.Errorf("about does not count the server's own article:\n%s", r.text())
		}
	})

	t.Run("server's own article", func(t *testing.T) {
		title := "Busan study group"
		in := dispatch(t, fake, fake.SlashCommand("ask", discordtest.StringOption("question", guildQuestion)))
		if !strings.Contains(in.text(), title) || !strings.Contains(in.text(), "47 days") {
			t.Errorf("in its server, the server's article does not answer:\n%s", in.text())
		}
		for name, where := range map[string]discordtest.InteractionOption{
			"DM":           discordtest.InDM(nil),
			"other server": discordtest.InGuild(other),
		} {
			r := dispatch(t, fake, fake.SlashCommand("ask", discordtest.StringOption("question", guildQuestion), where))
			if strings.Contains(r.text(), title) || strings.Contains(r.text(), "47 days") {
				t.Errorf("in a %s, the answer quotes another server's article:\n%s", name, r.text())
			}
			ac := dispatch(t, fake, fake.Autocomplete("source", discordtest.Focused(discordtest.StringOption("article", "busan")), where))
			if len(ac.Choices) != 0 {
				t.Errorf("in a %s, /source suggests another server's article: %v", name, ac.Choices[0].Name)
			}
			src := dispatch(t, fake, fake.SlashCommand("source", discordtest.StringOption("article", "busan-study-group-2024-03"), where))
			if strings.Contains(src.text(), title) {
				t.Errorf("in a %s, /source shows another server's article", name)
			}
		}
	})
}

// checkRegistered checks the commands as the bot sent them (the JSON of the
// bulk overwrite), against Discord's rules and what users are promised.
func checkRegistered(t *testing.T, fake *discordtest.Server) {
	var body []byte
	for _, r := range fake.AllRequests() {
		if r.Kind == discordtest.KindCommands && r.Method == "PUT" {
			if want := "/guilds/" + fake.GuildID() + "/commands"; !strings.HasSuffix(r.Path, want) {
				t.Errorf("commands registered at %s, want the guild's (%s)", r.Path, want)
			}
			body = r.Body
		}
	}
	if body == nil {
		t.Fatal("no bulk overwrite of the commands")
	}
	type choice struct {
		Name  string `json:"name"`
		Value any    `json:"value"`
	}
	type option struct {
		Type         int      `json:"type"`
		Name         string   `json:"name"`
		Description  string   `json:"description"`
		Required     bool     `json:"required"`
		Autocomplete bool     `json:"autocomplete"`
		Choices      []choice `json:"choices"`
		MinLength    *int     `json:"min_length"`
		MaxLength    *int     `json:"max_length"`
		Options      []option `json:"options"` // of a subcommand
	}
	type command struct {
		Name        string   `json:"name"`
		Description string   `json:"description"`
		Type        int      `json:"type"`
		Options     []option `json:"options"`
		Contexts    []int    `json:"contexts"`
	}
	var cmds []command
	if err := json.Unmarshal(body, &cmds); err != nil {
		t.Fatalf("commands JSON: %v\n%s", err, body)
	}
	// The five commands every user has are checked in detail; others
	// (such as the moderators' /corpus) only against Discord's rules.
	users := []string{"ask", "search", "topic", "source", "about"}
	byName := map[string]command{}
	var checkOptions func(cmd string, opts []option)
	checkOptions = func(cmd string, opts []option) {
		for _, o := range opts {
			if n := len([]rune(o.Description)); n < 1 || n > 100 {
				t.Errorf("/%s %s description is %d characters, want 1 to 100", cmd, o.Name, n)
			}
			if o.Autocomplete && len(o.Choices) > 0 {
				t.Errorf("/%s %s has both autocomplete and choices, which Discord refuses", cmd, o.Name)
			}
			if len(o.Choices) > 25 {
				t.Errorf("/%s %s has %d choices, over 25", cmd, o.Name, len(o.Choices))
			}
			checkOptions(cmd+" "+o.Name, o.Options)
		}
	}
	for _, c := range cmds {
		byName[c.Name] = c
		if n := len([]rune(c.Description)); n < 1 || n > 100 {
			t.Errorf("/%s description is %d characters, want 1 to 100", c.Name, n)
		}
		if c.Type != 0 && c.Type != 1 {
			t.Errorf("/%s has type %d, want a slash command", c.Name, c.Type)
		}
		checkOptions(c.Name, c.Options)
	}
	for _, name := range users {
		c, ok := byName[name]
		if !ok {
			t.Errorf("/%s is not registered", name)
			continue
		}
		for _, o := range c.Options {
			if o.Type == 3 && o.MaxLength == nil && len(o.Choices) == 0 {
				t.Errorf("/%s %s is free text without max_length", c.Name, o.Name)
			}
		}
		if fmt.Sprint(c.Contexts) != "[0 1]" {
			t.Errorf("/%s contexts %v, want guilds and DMs with the bot", c.Name, c.Contexts)
		}
	}
	opt := func(cmd, name string) option {
		for _, o := range byName[cmd].Options {
			if o.Name == name {
				return o
			}
		}
		t.Errorf("/%s has no option %q", cmd, name)
		return option{}
	}
	values := func(o option) string {
		var vs []string
		for _, c := range o.Choices {
			vs = append(vs, fmt.Sprint(c.Value))
		}
		return strings.Join(vs, " ")
	}
	q := opt("ask", "question")
	if q.Type != 3 || !q.Required || q.MaxLength == nil || *q.MaxLength != 1000 || q.MinLength == nil || *q.MinLength != 1 {
		t.Errorf("/ask question = %+v, want a required string of 1 to 1000 characters", q)
	}
	allTopics := "talks labor-ruling export-controls north-korea other"
	if got := values(opt("ask", "topic")); got != allTopics {
		t.Errorf("/ask topic choices %q, want %q", got, allTopics)
	}
	for _, cmd := range []string{"ask", "search"} {
		for _, name := range []string{"from", "to"} {
			if o := opt(cmd, name); o.MaxLength == nil || *o.MaxLength != 10 || o.Required {
				t.Errorf("/%s %s = %+v, want an optional date of at most 10 characters", cmd, name, o)
			}
		}
	}
	if s := opt("search", "query"); !s.Required || !s.Autocomplete || s.MaxLength == nil || *s.MaxLength != 200 {
		t.Errorf("/search query = %+v, want required, autocompleted, at most 200 characters", s)
	}
	if got := values(opt("search", "order")); got != "relevance newest" {
		t.Errorf("/search order choices %q", got)
	}
	if got := values(opt("search", "topic")); got != allTopics {
		t.Errorf("/search topic choices %q, want %q", got, allTopics)
	}
	if got := values(opt("topic", "name")); got != "talks labor-ruling export-controls" {
		t.Errorf("/topic name choices %q", got)
	}
	if a := opt("source", "article"); !a.Required || !a.Autocomplete || a.MaxLength == nil || *a.MaxLength != 100 {
		t.Errorf("/source article = %+v, want required, autocompleted, at most 100 characters", a)
	}
	if n := len(byName["about"].Options); n != 0 {
		t.Errorf("/about has %d options, want none", n)
	}
}

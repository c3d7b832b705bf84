package main

// The corpus management of the issue, end to end: `disputebot run` with
// its real wiring against the fake Discord, moderators of two servers
// adding articles by link, file and form, members who may not, and the
// command line changing the corpus while the bot runs.

import (
	"context"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/disputebot/disputebot/bot/discordtest"
)

// The servers, people and role of the end-to-end corpus test.
const (
	corpusGuildA  = "1300000000000000001"
	corpusGuildB  = "1300000000000000002"
	moderatorRole = "1300000000000000077"
)

var (
	modAlice = &discordgo.User{ID: "1310000000000000001", Username: "alice", GlobalName: "Alice (mod)", Discriminator: "0"}
	modBob   = &discordgo.User{ID: "1310000000000000002", Username: "bob", Discriminator: "0"}
	carol    = &discordgo.User{ID: "1310000000000000003", Username: "carol", Discriminator: "0"} // a plain member
	dave     = &discordgo.User{ID: "1310000000000000004", Username: "dave", Discriminator: "0"}  // has the moderator role
)

// botAnswer is the bot's complete answer to one interaction as the fake
// received it: the first callback, and the edit that follows a deferral.
type botAnswer struct {
	Type    discordgo.InteractionResponseType
	Data    *discordgo.InteractionResponseData
	Content string
	Embeds  []*discordgo.MessageEmbed
	Flags   discordgo.MessageFlags
}

// text is what a user reads in the answer, without Markdown bold.
func (a *botAnswer) text() string { return readable(a.Content, a.Embeds) }

func (a *botAnswer) ephemeral() bool { return a.Flags&discordgo.MessageFlagsEphemeral != 0 }

// complete reports whether rs hold a whole answer: a callback that is not a
// deferral, or a deferral and its edit.
func complete(rs []discordtest.Request) bool {
	deferred := false
	for _, r := range rs {
		if r.Status >= 300 {
			continue
		}
		switch r.Kind {
		case discordtest.KindCallback:
			var v struct {
				Type discordgo.InteractionResponseType
			}
			json.Unmarshal(r.Body, &v)
			if v.Type != discordgo.InteractionResponseDeferredChannelMessageWithSource {
				return true
			}
			deferred = true
		case discordtest.KindEdit:
			if deferred {
				return true
			}
		}
	}
	return false
}

// interact dispatches an interaction and waits for the complete answer.
func interact(t *testing.T, fake *discordtest.Server, i *discordgo.Interaction) *botAnswer {
	t.Helper()
	if err := fake.Dispatch(i); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	rs, err := fake.WaitFor(ctx, i.ID, complete)
	if err != nil {
		t.Fatalf("no complete answer: %v", err)
	}
	a := &botAnswer{}
	for _, r := range rs {
		if r.Status >= 300 {
			continue
		}
		switch r.Kind {
		case discordtest.KindCallback:
			resp, err := r.InteractionResponse()
			if err != nil {
				t.Fatal(err)
			}
			a.Type, a.Data = resp.Type, resp.Data
			if d := resp.Data; d != nil {
				a.Content, a.Embeds, a.Flags = d.Content, d.Embeds, d.Flags
			}
		case discordtest.KindEdit:
			e, err := r.WebhookEdit()
			if err != nil {
				t.Fatal(err)
			}
			if e.Content != nil {
				a.Content = *e.Content
			}
			if e.Embeds != nil {
				a.Embeds = *e.Embeds
			}
		}
	}
	return a
}

// TestCorpusE2E runs the corpus management of the issue through the fake
// Discord, in the order a server's moderators would use it, and the
// command line beside the running bot.
func TestCorpusE2E(t *testing.T) {
	t.Parallel()
	site := startNewsSite(t, dialogueStory, fisheriesStory, straitStory, refusedStory)
	fake := discordtest.NewTB(t, discordtest.WithGuilds(corpusGuildA, corpusGuildB))
	dataDir := t.TempDir()
	env := map[string]string{
		"DATA_DIR": dataDir, "DISCORD_TOKEN": fake.Token(), "DISCORD_API_BASE": fake.URL(),
		"DISCORD_GUILD_ID": corpusGuildA, "LOG_LEVEL": "info",
		// The members of the rebuild test ask without pause: over a
		// thousand questions a second each once searches are fast.
		"RATE_LIMIT":         "9999/1s",
		"MODERATOR_ROLE_IDS": moderatorRole,
		// The site and the fake's attachments are on 127.0.0.1.
		"ALLOW_PRIVATE_FETCH": "true",
	}
	getenv := func(k string) string { return env[k] }
	logs := &syncBuffer{}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan int, 1)
	go func() { done <- Run(ctx, []string{"run"}, getenv, io.Discard, logs) }()
	t.Cleanup(func() {
		cancel()
		select {
		case code := <-done:
			if code != exitOK {
				t.Errorf("disputebot run exited with %d", code)
			}
		case <-time.After(30 * time.Second):
			t.Error("disputebot run did not stop within 30 s")
		}
		for _, v := range fake.Violations() {
			t.Errorf("violation: %s", v)
		}
		for _, r := range fake.MissingAllowedMentions() {
			t.Errorf("message without allowed_mentions parse []: %s %s", r.Method, r.Path)
		}
		for _, r := range fake.FailedRequests() {
			t.Errorf("request refused: %s %s: %d %s", r.Method, r.Path, r.Status, r.Response)
		}
		if t.Failed() {
			t.Logf("bot log:\n%s", logs.String())
		}
	})
	for deadline := time.Now().Add(30 * time.Second); len(fake.Commands(corpusGuildA)) == 0; time.Sleep(10 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("no commands registered within 30 s:\n%s", logs.String())
		}
	}

	inA := func(u *discordgo.User, perms int64, roles ...string) []discordtest.InteractionOption {
		return []discordtest.InteractionOption{discordtest.InGuild(corpusGuildA), discordtest.AsMember(u, perms, roles...)}
	}
	alice := inA(modAlice, discordgo.PermissionManageGuild)
	inB := []discordtest.InteractionOption{discordtest.InGuild(corpusGuildB), discordtest.AsMember(modBob, discordgo.PermissionManageGuild)}
	cmd := func(name string, where []discordtest.InteractionOption, opts ...discordtest.InteractionOption) *discordgo.Interaction {
		return fake.SlashCommand(name, append(slices.Clone(where), opts...)...)
	}
	addURL := func(where []discordtest.InteractionOption, path string) *botAnswer {
		return interact(t, fake, cmd("corpus", where, discordtest.Subcommand("add", discordtest.StringOption("url", site.URL+path))))
	}
	ask := func(where []discordtest.InteractionOption, question string) string {
		t.Helper()
		a := interact(t, fake, cmd("ask", where, discordtest.StringOption("question", question)))
		return a.text()
	}
	wantAdded := func(t *testing.T, a *botAnswer, title string) {
		t.Helper()
		if !a.ephemeral() || !strings.Contains(a.Content, "Added") || len(a.Embeds) != 1 {
			t.Fatalf("not an ephemeral confirmation: %q (%d embeds)\n%s", a.Content, len(a.Embeds), a.text())
		}
		e := a.Embeds[0]
		if e.Title != title {
			t.Errorf("confirmation title %q, want %q", e.Title, title)
		}
		fields := map[string]string{}
		for _, f := range e.Fields {
			fields[f.Name] = f.Value
		}
		for _, name := range []string{"Publisher", "Published", "Passages", "Topics", "Id"} {
			if fields[name] == "" {
				t.Errorf("confirmation lacks %s: %v", name, fields)
			}
		}
	}
	idOf := func(a *botAnswer) string {
		for _, f := range a.Embeds[0].Fields {
			if f.Name == "Id" {
				return strings.Trim(f.Value, "`")
			}
		}
		return ""
	}
	var dialogueID string

	t.Run("moderator adds a link", func(t *testing.T) {
		a := addURL(alice, dialogueStory.Path)
		wantAdded(t, a, dialogueStory.Title)
		dialogueID = idOf(a)
		for _, want := range []string{"21 May 2024", "Asia Pacific Wire", "Diplomatic talks"} {
			if !strings.Contains(a.text(), want) {
				t.Errorf("confirmation does not say %q:\n%s", want, a.text())
			}
		}
		if got := ask(alice, dialogueQuestion); !strings.Contains(got, dialoguePhrase) {
			t.Errorf("/ask in server A does not find the new article:\n%s", got)
		}
		if got := ask(inB, dialogueQuestion); strings.Contains(got, dialoguePhrase) {
			t.Errorf("/ask in server B quotes server A's article:\n%s", got)
		}
		if got := ask([]discordtest.InteractionOption{discordtest.InDM(carol)}, dialogueQuestion); strings.Contains(got, dialoguePhrase) {
			t.Errorf("/ask in a DM quotes server A's article:\n%s", got)
		}
	})

	t.Run("plain member is refused", func(t *testing.T) {
		before := diskState(t, dataDir)
		for name, i := range map[string]*discordgo.Interaction{
			"link":   cmd("corpus", inA(carol, 0), discordtest.Subcommand("add", discordtest.StringOption("url", site.URL+refusedStory.Path))),
			"form":   cmd("corpus", inA(carol, 0), discordtest.Subcommand("add")),
			"remove": cmd("corpus", inA(carol, 0), discordtest.Subcommand("remove", discordtest.StringOption("article", dialogueID))),
			"list":   cmd("corpus", inA(carol, discordgo.PermissionSendMessages), discordtest.Subcommand("list")),
			// A moderator of server A is nobody in a DM.
			"in a DM": fake.SlashCommand("corpus", discordtest.InDM(modAlice),
				discordtest.Subcommand("add", discordtest.StringOption("url", site.URL+refusedStory.Path))),
		} {
			a := interact(t, fake, i)
			if a.Type != discordgo.InteractionResponseChannelMessageWithSource || !a.ephemeral() || !strings.Contains(a.Content, "Only this server's moderators") {
				t.Errorf("%s: answer type %d, ephemeral %v: %q; want an ephemeral refusal", name, a.Type, a.ephemeral(), a.Content)
			}
		}
		if after := diskState(t, dataDir); !after.same(before) {
			t.Errorf("the corpus changed: %s", before.diff(after))
		}
		if n := site.hitsOf(refusedStory.Path); n != 0 {
			t.Errorf("the refused link was fetched %d times", n)
		}
		if got := ask(alice, dialogueQuestion); !strings.Contains(got, dialoguePhrase) {
			t.Error("the refused remove removed the article")
		}
	})

	t.Run("member with the moderator role adds a link", func(t *testing.T) {
		a := addURL(inA(dave, 0, moderatorRole), fisheriesStory.Path)
		wantAdded(t, a, fisheriesStory.Title)
		if got := ask(alice, fisheriesQuestion); !strings.Contains(got, fisheriesPhrase) {
			t.Errorf("/ask does not find the article added by the role:\n%s", got)
		}
	})

	t.Run("server B adds its own", func(t *testing.T) {
		wantAdded(t, addURL(inB, straitStory.Path), straitStory.Title)
		if got := ask(inB, straitQuestion); !strings.Contains(got, straitPhrase) {
			t.Errorf("/ask in B does not find B's article:\n%s", got)
		}
		if got := ask(alice, straitQuestion); strings.Contains(got, straitPhrase) {
			t.Errorf("/ask in A quotes B's article:\n%s", got)
		}
	})

	t.Run("file", func(t *testing.T) {
		a := interact(t, fake, cmd("corpus", alice, discordtest.Subcommand("add",
			discordtest.AttachmentOption("file", "lantern-festival.md", "text/markdown; charset=utf-8", []byte(mdUpload)))))
		wantAdded(t, a, "Tsushima and Busan revive their joint lantern festival")
		if got := ask(alice, mdQuestion); !strings.Contains(got, mdPhrase) {
			t.Errorf("/ask does not find the uploaded file:\n%s", got)
		}
	})

	t.Run("form", func(t *testing.T) {
		a := interact(t, fake, cmd("corpus", alice, discordtest.Subcommand("add")))
		if a.Type != discordgo.InteractionResponseModal || a.Data == nil {
			t.Fatalf("/corpus add without options answered with type %d, want the form (9)", a.Type)
		}
		var inputs []string
		for _, row := range a.Data.Components {
			r, ok := row.(*discordgo.ActionsRow)
			if !ok {
				t.Fatalf("form component %T, want action rows", row)
			}
			for _, c := range r.Components {
				if ti, ok := c.(*discordgo.TextInput); ok {
					inputs = append(inputs, ti.CustomID)
				}
			}
		}
		if want := []string{"title", "publisher", "date", "url", "text"}; !slices.Equal(inputs, want) {
			t.Fatalf("form inputs %v, want %v", inputs, want)
		}
		sub := interact(t, fake, fake.ModalSubmit(a.Data.CustomID, formArticle, alice...))
		wantAdded(t, sub, formArticle["title"])
		if got := ask(alice, formQuestion); !strings.Contains(got, formPhrase) {
			t.Errorf("/ask does not find the typed article:\n%s", got)
		}
	})

	t.Run("list and history", func(t *testing.T) {
		own := []string{dialogueStory.Title, fisheriesStory.Title, "Tsushima and Busan revive their joint lantern festival", formArticle["title"]}
		list := interact(t, fake, cmd("corpus", alice, discordtest.Subcommand("list")))
		if !list.ephemeral() {
			t.Error("the list is not ephemeral")
		}
		for _, title := range own {
			if !strings.Contains(unescape(list.text()), title) {
				t.Errorf("/corpus list lacks %q:\n%s", title, list.text())
			}
		}
		if strings.Contains(unescape(list.text()), straitStory.Title) {
			t.Errorf("/corpus list in A shows B's article")
		}
		hist := interact(t, fake, cmd("corpus", alice, discordtest.Subcommand("history")))
		h := unescape(hist.text())
		for _, title := range own {
			if !strings.Contains(h, title) {
				t.Errorf("/corpus history lacks %q:\n%s", title, h)
			}
		}
		if !strings.Contains(h, "<@"+modAlice.ID+">") || !strings.Contains(h, "<@"+dave.ID+">") {
			t.Errorf("/corpus history does not say who added:\n%s", h)
		}
		if strings.Contains(h, straitStory.Title) {
			t.Errorf("/corpus history in A shows B's change")
		}
	})

	t.Run("remove", func(t *testing.T) {
		ac := interact(t, fake, fake.Autocomplete("corpus", append(slices.Clone(alice),
			discordtest.Subcommand("remove", discordtest.Focused(discordtest.StringOption("article", ""))))...))
		if ac.Type != discordgo.InteractionApplicationCommandAutocompleteResult || ac.Data == nil {
			t.Fatalf("autocomplete answered with type %d", ac.Type)
		}
		var values []string
		for _, c := range ac.Data.Choices {
			v, _ := c.Value.(string)
			values = append(values, v)
		}
		if len(values) != 4 || !slices.Contains(values, dialogueID) {
			t.Errorf("choices %v, want server A's 4 articles", values)
		}
		for _, v := range values {
			if strings.Contains(v, "strait-pass") || strings.HasPrefix(v, "kyodo-") || strings.HasPrefix(v, "note-") {
				t.Errorf("choice %q is not one of server A's own articles", v)
			}
		}
		typed := interact(t, fake, fake.Autocomplete("corpus", append(slices.Clone(alice),
			discordtest.Subcommand("remove", discordtest.Focused(discordtest.StringOption("article", "strategic dialogue"))))...))
		if len(typed.Data.Choices) != 1 || typed.Data.Choices[0].Value != dialogueID {
			t.Errorf("choices for \"strategic dialogue\": %v, want %s only", typed.Data.Choices, dialogueID)
		}

		// Server B's moderator cannot remove server A's article.
		if r := interact(t, fake, cmd("corpus", inB, discordtest.Subcommand("remove", discordtest.StringOption("article", dialogueID)))); !strings.Contains(r.Content, "no article") {
			t.Errorf("server B removing A's article: %q", r.Content)
		}
		r := interact(t, fake, cmd("corpus", alice, discordtest.Subcommand("remove", discordtest.StringOption("article", dialogueID))))
		if !r.ephemeral() || !strings.Contains(r.Content, "Removed") {
			t.Fatalf("remove answered %q", r.Content)
		}
		if got := ask(alice, dialogueQuestion); strings.Contains(got, dialoguePhrase) {
			t.Errorf("/ask still finds the removed article:\n%s", got)
		}
		if _, err := os.Stat(filepath.Join(dataDir, "corpus", dialogueID+".md")); !os.IsNotExist(err) {
			t.Errorf("the removed article's file: %v", err)
		}
		if h := unescape(interact(t, fake, cmd("corpus", alice, discordtest.Subcommand("history"))).text()); !strings.Contains(h, "removed") {
			t.Errorf("history does not show the removal:\n%s", h)
		}
	})

	t.Run("command line while the bot runs", func(t *testing.T) {
		file := filepath.Join(t.TempDir(), "green-corridor.txt")
		if err := os.WriteFile(file, []byte(cliUpload), 0o644); err != nil {
			t.Fatal(err)
		}
		var stdout, stderr syncBuffer
		start := time.Now()
		if code := Run(context.Background(), []string{"corpus", "add", file}, getenv, &stdout, &stderr); code != exitOK {
			t.Fatalf("corpus add exited %d: %s", code, stderr.String())
		}
		if !strings.Contains(stdout.String(), "added ") || !strings.Contains(stdout.String(), "running bot will index") {
			t.Errorf("corpus add printed %q", stdout.String())
		}
		// The bot looks for changes every refreshEvery (5 s).
		var got string
		for time.Since(start) < 3*refreshEvery {
			if got = ask(alice, cliQuestion); strings.Contains(got, cliPhrase) {
				break
			}
			time.Sleep(250 * time.Millisecond)
		}
		if !strings.Contains(got, cliPhrase) {
			t.Fatalf("the bot did not pick up the command line's article within %v:\n%s", 3*refreshEvery, got)
		}
		t.Logf("the bot answered from the command line's article %v after it was added", time.Since(start).Round(100*time.Millisecond))
		if got := ask(inB, cliQuestion); !strings.Contains(got, cliPhrase) {
			t.Errorf("a global article from the command line is not found in server B:\n%s", got)
		}
	})

	t.Run("index rebuild while the bot runs", func(t *testing.T) {
		// Members ask without pause while the index is rebuilt beside the
		// bot's and the bot switches to it.
		var asked, wrong atomic.Int64
		stop := make(chan struct{})
		var wg sync.WaitGroup
		for n := range 2 {
			wg.Go(func() {
				u := &discordgo.User{ID: "13200000000000000" + string(rune('0'+n)) + "0", Username: "asker", Discriminator: "0"}
				for {
					select {
					case <-stop:
						return
					default:
					}
					i := fake.SlashCommand("ask", discordtest.InGuild(corpusGuildA), discordtest.AsMember(u, discordgo.PermissionSendMessages),
						discordtest.StringOption("question", fisheriesQuestion))
					if err := fake.Dispatch(i); err != nil {
						wrong.Add(1)
						continue
					}
					wctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
					rs, err := fake.WaitFor(wctx, i.ID, complete)
					cancel()
					asked.Add(1)
					if err != nil || !strings.Contains(strings.ReplaceAll(string(rs[len(rs)-1].Body), "**", ""), fisheriesPhrase) {
						wrong.Add(1)
					}
				}
			})
		}
		var stdout, stderr syncBuffer
		code := Run(context.Background(), []string{"index", "rebuild"}, getenv, &stdout, &stderr)
		if code != exitOK || !strings.Contains(stdout.String(), "switches to it") {
			t.Errorf("index rebuild exited %d: %s%s", code, stdout.String(), stderr.String())
		}
		deadline := time.Now().Add(3 * refreshEvery)
		for !strings.Contains(logs.String(), "switched to a rebuilt index") && time.Now().Before(deadline) {
			time.Sleep(100 * time.Millisecond)
		}
		time.Sleep(500 * time.Millisecond) // a few questions on the new index
		close(stop)
		wg.Wait()
		if !strings.Contains(logs.String(), "switched to a rebuilt index") {
			t.Fatalf("the bot did not switch to the rebuilt index within %v", 3*refreshEvery)
		}
		t.Logf("%d questions asked during the rebuild, %d without the answer", asked.Load(), wrong.Load())
		if asked.Load() == 0 || wrong.Load() != 0 {
			t.Errorf("%d of %d questions during the rebuild went without the answer", wrong.Load(), asked.Load())
		}
		for q, phrase := range map[string]string{cliQuestion: cliPhrase, formQuestion: formPhrase, mdQuestion: mdPhrase} {
			if got := ask(alice, q); !strings.Contains(got, phrase) {
				t.Errorf("after the switch, %q is not answered:\n%s", q, got)
			}
		}
		if got := ask(alice, dialogueQuestion); strings.Contains(got, dialoguePhrase) {
			t.Errorf("after the switch, the removed article is back")
		}
	})
}

// unescape undoes the Markdown escapes of shown text, to compare it with
// what was stored.
func unescape(s string) string {
	return strings.NewReplacer(`\`, "", "\u200b", "").Replace(s)
}

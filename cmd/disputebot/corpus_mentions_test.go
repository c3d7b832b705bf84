package main

// Mentions and Markdown in added articles: a moderator may add an article
// that quotes "@everyone" or a role, or that is full of Markdown. The
// corpus keeps the text as written; every reply shows it inert.

import (
	"context"
	"log/slog"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/disputebot/disputebot/bot"
	"github.com/disputebot/disputebot/bot/discordtest"
	"github.com/disputebot/disputebot/knowledge"
)

// recorder is a bot.Responder that keeps what the bot would send.
type recorder struct {
	mu        sync.Mutex
	responses []*discordgo.InteractionResponse
	edits     []*discordgo.WebhookEdit
}

func (r *recorder) Respond(_ context.Context, _ *discordgo.Interaction, resp *discordgo.InteractionResponse) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.responses = append(r.responses, resp)
	return nil
}

func (r *recorder) EditOriginal(_ context.Context, _ *discordgo.Interaction, e *discordgo.WebhookEdit, _ []*discordgo.File) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.edits = append(r.edits, e)
	return nil
}

// messages returns the Markdown of every message sent: the content and the
// embeds' titles, descriptions and fields, where Discord renders Markdown
// and mentions. Footers are left out: Discord shows them as plain text, so
// the bot rightly leaves them unescaped. It fails the test for any message
// that could ping: without "allowed_mentions": {"parse": []}.
func (r *recorder) messages(t *testing.T) []string {
	t.Helper()
	r.mu.Lock()
	defer r.mu.Unlock()
	var out []string
	embedText := func(es []*discordgo.MessageEmbed) string {
		var parts []string
		for _, e := range es {
			parts = append(parts, e.Title, e.Description)
			for _, f := range e.Fields {
				parts = append(parts, f.Name, f.Value)
			}
		}
		return strings.Join(parts, "\n")
	}
	for _, resp := range r.responses {
		if resp.Type == discordgo.InteractionResponseDeferredChannelMessageWithSource || resp.Data == nil {
			continue
		}
		if am := resp.Data.AllowedMentions; am == nil || am.Parse == nil || len(am.Parse) != 0 || len(am.Users) != 0 || len(am.Roles) != 0 {
			t.Errorf("a reply may ping: allowed_mentions %+v", am)
		}
		out = append(out, resp.Data.Content+"\n"+embedText(resp.Data.Embeds))
	}
	for _, e := range r.edits {
		if am := e.AllowedMentions; am == nil || am.Parse == nil || len(am.Parse) != 0 {
			t.Errorf("an edit may ping: allowed_mentions %+v", am)
		}
		msg := embedText(*e.Embeds)
		if e.Content != nil {
			msg = *e.Content + "\n" + msg
		}
		out = append(out, msg)
	}
	return out
}

// The hostile parts of the article, as a moderator pasted them.
const (
	mentionsTitle     = "@everyone: rally in Seoul over <@&123456789012345678> and **export controls**"
	mentionsPara      = "At the rally in Seoul about the export controls of Japan on South Korea, organisers wrote @everyone and @here on the banners, and a leaflet tagged <@123456789012345678> and the role <@&123456789012345678> in the megaphone statement."
	markdownPara      = "One placard made **bold** claims about the Mitsubishi Heavy ruling, another pointed to a [link](https://x) and a leaflet had a # heading printed in the middle of the megaphone statement."
	headingPara       = "# heading opening a paragraph on the megaphone statement at the Seoul rally"
	mentionsQuestion  = "What did the banners at the rally in Seoul about the export controls say in the megaphone statement?"
	mentionsPublisher = "@here Daily <@&123456789012345678>"
)

// pingable finds what Discord would render as a mention, a link or
// formatting in a message: raw @everyone or @here, a user or role mention,
// a masked link, bold, or a heading opening a line.
var pingable = []struct {
	what string
	re   *regexp.Regexp
}{
	{"@everyone or @here", regexp.MustCompile(`@(everyone|here)`)},
	// The article's; /corpus history names the moderator as <@id> on
	// purpose, which allowed_mentions keeps from pinging.
	{"a user or role mention", regexp.MustCompile(`<@[!&]?123456789012345678`)},
	{"a masked link", regexp.MustCompile(`(^|[^\\])\[link(\\)?\]\(`)},
	{"bold", regexp.MustCompile(`(^|[^\\])\*\*bold`)},
	{"a heading", regexp.MustCompile(`(?m)^\s*#`)},
}

// TestCorpusMentionsInert adds an article full of mentions and Markdown,
// checks that the corpus file keeps it as written, and that /ask, /source,
// /corpus list and /corpus history show it without a single live mention,
// link or heading, with allowed_mentions parse empty on every message.
func TestCorpusMentionsInert(t *testing.T) {
	dataDir := t.TempDir()
	e := openTestService(t, dataDir, nil)
	const guild = "1500000000000000001"
	mod := knowledge.Actor{ID: "1500000000000000002", Name: "@everyone", Guild: guild}
	a := &knowledge.Article{
		Title: mentionsTitle, Publisher: mentionsPublisher, Byline: "<@123456789012345678>",
		URL:       "https://news.example.com/2024/07/rally",
		Published: time.Date(2024, 7, 1, 0, 0, 0, 0, time.UTC), Kind: knowledge.KindArticle, Language: "en",
		Body: []knowledge.Paragraph{{Text: mentionsPara}, {Text: markdownPara}, {Text: headingPara}},
	}
	added, err := e.AddArticle(context.Background(), a, mod, "form")
	if err != nil {
		t.Fatalf("add: %v", err)
	}

	t.Run("stored as written", func(t *testing.T) {
		data, err := os.ReadFile(filepath.Join(dataDir, "corpus", added.ID+".md"))
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range []string{mentionsPara, markdownPara} {
			if !strings.Contains(string(data), p+"\n") {
				t.Errorf("the corpus file does not hold %q as written:\n%s", p, data)
			}
		}
		back, err := knowledge.ParseArticle(added.ID+".md", data)
		if err != nil {
			t.Fatal(err)
		}
		if back.Title != mentionsTitle || back.Publisher != mentionsPublisher || back.Byline != a.Byline {
			t.Errorf("reads back as %q / %q / %q", back.Title, back.Publisher, back.Byline)
		}
		var texts []string
		for _, p := range back.Body {
			texts = append(texts, p.Text)
		}
		if got, want := strings.Join(texts, "\n"), mentionsPara+"\n"+markdownPara+"\n"+headingPara; got != want {
			t.Errorf("the body reads back as\n%s\nwant\n%s", got, want)
		}
	})

	b := bot.New(bot.Config{Searcher: e, Library: e, Curator: e, Logger: slog.New(slog.DiscardHandler), RateLimit: 100})
	fake := discordtest.NewTB(t) // builds the interactions only
	member := discordtest.AsMember(&discordgo.User{ID: mod.ID, Username: "everyone", Discriminator: "0"}, discordgo.PermissionManageGuild)
	where := discordtest.InGuild(guild)
	for _, tt := range []struct {
		name string
		i    *discordgo.Interaction
		want string // shown, unescaped
	}{
		{"ask", fake.SlashCommand("ask", where, member, discordtest.StringOption("question", mentionsQuestion)), "megaphone statement"},
		{"source", fake.SlashCommand("source", where, member, discordtest.StringOption("article", added.ID)), "a leaflet tagged"},
		{"corpus list", fake.SlashCommand("corpus", where, member, discordtest.Subcommand("list")), "rally in Seoul"},
		{"corpus history", fake.SlashCommand("corpus", where, member, discordtest.Subcommand("history")), "rally in Seoul"},
		// The form's confirmation shows what was typed, as typed.
		{"corpus add form", fake.ModalSubmit("corpus-add", map[string]string{
			"title": "@here <@123456789012345678> **second** rally", "publisher": mentionsPublisher, "date": "2024-07-02",
			"text": markdownPara + " It was the second rally.\n\n" + mentionsPara + " It was the second rally.",
		}, where, member), "@here <@123456789012345678> **second** rally"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			rec := &recorder{}
			b.Handle(rec, tt.i)
			msgs := rec.messages(t)
			if len(msgs) == 0 {
				t.Fatal("no reply")
			}
			shown := strings.Join(msgs, "\n")
			if !strings.Contains(unescape(shown), tt.want) {
				t.Fatalf("the reply does not show the article (%q):\n%s", tt.want, shown)
			}
			for _, p := range pingable {
				if loc := p.re.FindStringIndex(shown); loc != nil {
					t.Errorf("the reply has %s: …%s…", p.what, shown[max(0, loc[0]-30):min(len(shown), loc[1]+30)])
				}
			}
		})
	}
}

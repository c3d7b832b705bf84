package discordtest_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/disputebot/disputebot/bot/discordtest"
)

// noMentions is what a careful bot sends with every message.
func noMentions() *discordgo.MessageAllowedMentions {
	return &discordgo.MessageAllowedMentions{Parse: []discordgo.AllowedMentionType{}}
}

func testContext(t *testing.T) context.Context {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), 10*time.Second)
	t.Cleanup(cancel)
	return ctx
}

// startBot connects a real discordgo.Session to fake and runs handle for
// every interaction. Each result of handle is sent on the returned channel.
func startBot(t *testing.T, fake *discordtest.Server, handle func(*discordgo.Session, *discordgo.Interaction) error) (*discordgo.Session, <-chan error) {
	t.Helper()
	s, err := discordgo.New("Bot " + fake.Token())
	if err != nil {
		t.Fatal(err)
	}
	s.Client = fake.Client()
	s.Identify.Intents = discordgo.IntentsGuilds
	s.LogLevel = -1
	errs := make(chan error, 16)
	if handle != nil {
		s.AddHandler(func(s *discordgo.Session, ic *discordgo.InteractionCreate) {
			errs <- handle(s, ic.Interaction)
		})
	}
	if err := s.Open(); err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s, errs
}

func nextErr(t *testing.T, errs <-chan error) error {
	t.Helper()
	select {
	case err := <-errs:
		return err
	case <-time.After(10 * time.Second):
		t.Fatal("the handler did not run")
		return nil
	}
}

// restCode returns the Discord error code of a discordgo error, or 0.
func restCode(err error) int {
	var re *discordgo.RESTError
	if errors.As(err, &re) && re.Message != nil {
		return re.Message.Code
	}
	return 0
}

func statuses(rs []discordtest.Request) string {
	var b strings.Builder
	for i, r := range rs {
		if i > 0 {
			b.WriteByte(' ')
		}
		fmt.Fprintf(&b, "%s:%d", r.Kind, r.Status)
	}
	return b.String()
}

func TestConnect(t *testing.T) {
	t.Parallel()
	fake := discordtest.NewTB(t)
	s, _ := startBot(t, fake, nil)
	if err := fake.WaitReady(testContext(t)); err != nil {
		t.Fatal(err)
	}
	if got, want := s.State.Application.ID, fake.AppID(); got != want {
		t.Errorf("State.Application.ID = %q, want %q", got, want)
	}
	if got, want := s.State.User.ID, fake.AppID(); got != want || !s.State.User.Bot {
		t.Errorf("State.User = %+v, want bot %q", s.State.User, want)
	}
	id, ok := fake.LastIdentify()
	if !ok || id.Token != "Bot "+fake.Token() || id.Intents != discordgo.IntentsGuilds {
		t.Errorf("LastIdentify = %+v, %v; want token %q, intents %d", id, ok, "Bot "+fake.Token(), discordgo.IntentsGuilds)
	}
	if got := fake.Identifies(); got != 1 {
		t.Errorf("Identifies = %d, want 1", got)
	}
	app, err := s.Application("@me")
	if err != nil || app.ID != fake.AppID() {
		t.Errorf("Application(@me) = %+v, %v", app, err)
	}
	rs := fake.AllRequests()
	if len(rs) == 0 || rs[0].Kind != discordtest.KindGateway || rs[0].Path != "/api/v9/gateway" {
		t.Errorf("first request = %+v, want GET /api/v9/gateway", rs)
	}
}

func TestRawHTTP(t *testing.T) {
	t.Parallel()
	fake := discordtest.NewTB(t)
	auth := "Bot " + fake.Token()
	tests := []struct {
		name, method, path, auth string
		wantStatus               int
		wantBody                 string
	}{
		{"unknown route", "GET", "/api/v9/channels/1/messages", auth, 404, `{"message":"404: Not Found","code":0}`},
		{"not the api", "GET", "/robots.txt", "", 404, `"code":0`},
		{"bad version", "GET", "/api/x9/users/@me", auth, 404, `"code":0`},
		{"no token", "GET", "/api/v9/users/@me", "", 401, `{"message":"401: Unauthorized","code":0}`},
		{"wrong token", "GET", "/api/v10/users/@me", "Bot nope", 401, `"code":0`},
		{"me", "GET", "/api/v10/users/@me", auth, 200, `"bot":true`},
		{"gateway without token", "GET", "/api/v9/gateway", "", 200, `"url":"` + fake.GatewayURL() + `"`},
		{"gateway bot", "GET", "/api/v9/gateway/bot", auth, 200, `"shards":1`},
		{"wrong method", "DELETE", "/api/v9/users/@me", auth, 405, `"code":0`},
		{"unknown interaction", "POST", "/api/v9/interactions/1/t/callback", "", 404, `"code":10062`},
		{"unknown webhook", "PATCH", "/api/v9/webhooks/1/t/messages/@original", "", 404, `"code":10015`},
		{"other application", "GET", "/api/v9/applications/1/commands", auth, 403, `"code":50001`},
	}
	client := fake.Client()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req, err := http.NewRequest(tt.method, "https://discord.com"+tt.path, nil)
			if err != nil {
				t.Fatal(err)
			}
			if tt.auth != "" {
				req.Header.Set("Authorization", tt.auth)
			}
			resp, err := client.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != tt.wantStatus || !strings.Contains(string(body), tt.wantBody) {
				t.Errorf("%s %s = %d %s, want %d containing %s", tt.method, tt.path, resp.StatusCode, body, tt.wantStatus, tt.wantBody)
			}
			for _, h := range []string{"Date", "X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset", "X-RateLimit-Reset-After", "X-RateLimit-Bucket"} {
				if resp.Header.Get(h) == "" {
					t.Errorf("no %s header", h)
				}
			}
		})
	}
}

func TestCommands(t *testing.T) {
	t.Parallel()
	fake := discordtest.NewTB(t)
	s, _ := startBot(t, fake, nil)
	minLen := 1
	ask := &discordgo.ApplicationCommand{
		Name:        "ask",
		Description: "Ask about the dispute",
		Options: []*discordgo.ApplicationCommandOption{{
			Type: discordgo.ApplicationCommandOptionString, Name: "question", Description: "Your question",
			Required: true, Autocomplete: true, MinLength: &minLen, MaxLength: 200,
		}},
	}
	got, err := s.ApplicationCommandBulkOverwrite(fake.AppID(), fake.GuildID(), []*discordgo.ApplicationCommand{ask})
	if err != nil {
		t.Fatalf("bulk overwrite: %v", err)
	}
	if len(got) != 1 || got[0].ID == "" || got[0].Name != "ask" || got[0].GuildID != fake.GuildID() {
		t.Fatalf("bulk overwrite returned %+v", got)
	}
	again, err := s.ApplicationCommandBulkOverwrite(fake.AppID(), fake.GuildID(), []*discordgo.ApplicationCommand{ask})
	if err != nil || len(again) != 1 || again[0].ID != got[0].ID {
		t.Errorf("second overwrite = %+v, %v; want the same ID %s", again, err, got[0].ID)
	}
	if cmds := fake.Commands(fake.GuildID()); len(cmds) != 1 || cmds[0].Options[0].MaxLength != 200 {
		t.Errorf("Commands(guild) = %+v", cmds)
	}
	if cmds := fake.Commands(""); len(cmds) != 0 {
		t.Errorf("Commands(global) = %+v, want none", cmds)
	}
	listed, err := s.ApplicationCommands(fake.AppID(), fake.GuildID())
	if err != nil || len(listed) != 1 {
		t.Errorf("ApplicationCommands = %+v, %v", listed, err)
	}
	// A slash command carries the registered command's ID.
	if i := fake.SlashCommand("ask"); i.ApplicationCommandData().ID != got[0].ID {
		t.Errorf("SlashCommand data ID = %s, want %s", i.ApplicationCommandData().ID, got[0].ID)
	}

	opt := func(o discordgo.ApplicationCommandOption) *discordgo.ApplicationCommandOption {
		if o.Type == 0 {
			o.Type = discordgo.ApplicationCommandOptionString
		}
		if o.Name == "" {
			o.Name = "q"
		}
		if o.Description == "" {
			o.Description = "d"
		}
		return &o
	}
	many := make([]*discordgo.ApplicationCommandOption, 26)
	for i := range many {
		many[i] = opt(discordgo.ApplicationCommandOption{Name: fmt.Sprintf("o%d", i)})
	}
	choices := make([]*discordgo.ApplicationCommandOptionChoice, 26)
	for i := range choices {
		choices[i] = &discordgo.ApplicationCommandOptionChoice{Name: fmt.Sprint(i), Value: fmt.Sprint(i)}
	}
	tooLong := 6001
	invalid := []struct {
		name string
		cmd  discordgo.ApplicationCommand
		want string
	}{
		{"uppercase name", discordgo.ApplicationCommand{Name: "Ask", Description: "d"}, "0.name"},
		{"name too long", discordgo.ApplicationCommand{Name: strings.Repeat("a", 33), Description: "d"}, "0.name"},
		{"space in name", discordgo.ApplicationCommand{Name: "a b", Description: "d"}, "0.name"},
		{"no description", discordgo.ApplicationCommand{Name: "ask"}, "0.description"},
		{"description too long", discordgo.ApplicationCommand{Name: "ask", Description: strings.Repeat("d", 101)}, "0.description"},
		{"26 options", discordgo.ApplicationCommand{Name: "ask", Description: "d", Options: many}, "0.options"},
		{"26 choices", discordgo.ApplicationCommand{Name: "ask", Description: "d", Options: []*discordgo.ApplicationCommandOption{opt(discordgo.ApplicationCommandOption{Choices: choices})}}, "0.options.0.choices"},
		{"choice name too long", discordgo.ApplicationCommand{Name: "ask", Description: "d", Options: []*discordgo.ApplicationCommandOption{opt(discordgo.ApplicationCommandOption{Choices: []*discordgo.ApplicationCommandOptionChoice{{Name: strings.Repeat("c", 101), Value: "v"}}})}}, "0.options.0.choices.0.name"},
		{"max_length too long", discordgo.ApplicationCommand{Name: "ask", Description: "d", Options: []*discordgo.ApplicationCommandOption{opt(discordgo.ApplicationCommandOption{MaxLength: tooLong})}}, "0.options.0.max_length"},
		{"option description too long", discordgo.ApplicationCommand{Name: "ask", Description: "d", Options: []*discordgo.ApplicationCommandOption{opt(discordgo.ApplicationCommandOption{Description: strings.Repeat("d", 101)})}}, "0.options.0.description"},
		{"required after optional", discordgo.ApplicationCommand{Name: "ask", Description: "d", Options: []*discordgo.ApplicationCommandOption{opt(discordgo.ApplicationCommandOption{Name: "a"}), opt(discordgo.ApplicationCommandOption{Name: "b", Required: true})}}, "0.options.1.required"},
		{"autocomplete with choices", discordgo.ApplicationCommand{Name: "ask", Description: "d", Options: []*discordgo.ApplicationCommandOption{opt(discordgo.ApplicationCommandOption{Autocomplete: true, Choices: choices[:1]})}}, "0.options.0.autocomplete"},
		{"subcommand in subcommand", discordgo.ApplicationCommand{Name: "ask", Description: "d", Options: []*discordgo.ApplicationCommandOption{opt(discordgo.ApplicationCommandOption{Type: discordgo.ApplicationCommandOptionSubCommand, Options: []*discordgo.ApplicationCommandOption{opt(discordgo.ApplicationCommandOption{Type: discordgo.ApplicationCommandOptionSubCommand})}})}}, "0.options.0.options.0.type"},
	}
	for _, tt := range invalid {
		t.Run(tt.name, func(t *testing.T) {
			cmd := tt.cmd
			_, err := s.ApplicationCommandBulkOverwrite(fake.AppID(), "", []*discordgo.ApplicationCommand{&cmd})
			if restCode(err) != 50035 {
				t.Fatalf("err = %v, want code 50035", err)
			}
			var re *discordgo.RESTError
			errors.As(err, &re)
			path := `"` + strings.ReplaceAll(tt.want, ".", `":{"`) + `":{"_errors"`
			if !strings.Contains(string(re.ResponseBody), path) {
				t.Errorf("body %s does not name %s", re.ResponseBody, tt.want)
			}
		})
	}
	if n := len(fake.Violations()); n != len(invalid) {
		t.Errorf("%d violations recorded, want %d:\n%s", n, len(invalid), strings.Join(fake.Violations(), "\n"))
	}
	if cmds := fake.Commands(""); len(cmds) != 0 {
		t.Errorf("rejected commands were registered: %+v", cmds)
	}
}

// A router sends each interaction to the handler of the test that
// dispatched it, so that parallel subtests can share one fake and one bot.
type router struct {
	fake   *discordtest.Server
	mu     sync.Mutex
	routes map[string]route
}

type route struct {
	handle func(*discordgo.Session, *discordgo.Interaction) error
	errs   chan error
}

func newRouter(t *testing.T, opts ...discordtest.Option) *router {
	r := &router{fake: discordtest.NewTB(t, opts...), routes: map[string]route{}}
	startBot(t, r.fake, func(s *discordgo.Session, i *discordgo.Interaction) error {
		r.mu.Lock()
		rt, ok := r.routes[i.ID]
		r.mu.Unlock()
		if !ok {
			return nil
		}
		rt.errs <- rt.handle(s, i)
		return nil
	})
	return r
}

// dispatch sends i to the bot and returns what handle returned for it.
func (r *router) dispatch(t *testing.T, i *discordgo.Interaction, handle func(*discordgo.Session, *discordgo.Interaction) error) error {
	t.Helper()
	errs := make(chan error, 1)
	r.mu.Lock()
	r.routes[i.ID] = route{handle, errs}
	r.mu.Unlock()
	if err := r.fake.Dispatch(i); err != nil {
		t.Fatal(err)
	}
	return nextErr(t, errs)
}

// interactionCase is one bot behaviour and what the fake must see of it.
type interactionCase struct {
	name   string
	build  func(*discordtest.Server) *discordgo.Interaction
	handle func(*discordgo.Session, *discordgo.Interaction) error
	check  func(t *testing.T, r *router, i *discordgo.Interaction, err error)
}

func reply(content string) *discordgo.InteractionResponse {
	return &discordgo.InteractionResponse{
		Type: discordgo.InteractionResponseChannelMessageWithSource,
		Data: &discordgo.InteractionResponseData{Content: content, AllowedMentions: noMentions()},
	}
}

func TestInteractions(t *testing.T) {
	t.Parallel()
	slash := func(f *discordtest.Server) *discordgo.Interaction {
		return f.SlashCommand("ask", discordtest.StringOption("question", "What is Takeshima?"))
	}
	tests := []interactionCase{{
		name:  "reply",
		build: slash,
		handle: func(s *discordgo.Session, i *discordgo.Interaction) error {
			q := i.ApplicationCommandData().GetOption("question").StringValue()
			return s.InteractionRespond(i, reply("You asked: "+q))
		},
		check: func(t *testing.T, r *router, i *discordgo.Interaction, err error) {
			fake := r.fake
			if err != nil {
				t.Fatal(err)
			}
			rs := fake.Responses(i.ID)
			if statuses(rs) != "callback:204" {
				t.Fatalf("responses = %s", statuses(rs))
			}
			resp, err := rs[0].InteractionResponse()
			if err != nil || resp.Data.Content != "You asked: What is Takeshima?" {
				t.Errorf("response = %+v, %v", resp, err)
			}
			if !rs[0].IsMessage || !rs[0].MentionsSuppressed || rs[0].At <= 0 || rs[0].At > time.Second {
				t.Errorf("IsMessage %v, MentionsSuppressed %v, At %v", rs[0].IsMessage, rs[0].MentionsSuppressed, rs[0].At)
			}
			if m := fake.OriginalMessage(i.ID); m == nil || m.Content != "You asked: What is Takeshima?" || m.Author.ID != fake.AppID() {
				t.Errorf("OriginalMessage = %+v", m)
			}
		},
	}, {
		name:  "defer, edit and follow up",
		build: slash,
		handle: func(s *discordgo.Session, i *discordgo.Interaction) error {
			err := s.InteractionRespond(i, &discordgo.InteractionResponse{
				Type: discordgo.InteractionResponseDeferredChannelMessageWithSource,
				Data: &discordgo.InteractionResponseData{Flags: discordgo.MessageFlagsEphemeral},
			})
			if err != nil {
				return err
			}
			content := "Takeshima, or Dokdo, is..."
			m, err := s.InteractionResponseEdit(i, &discordgo.WebhookEdit{Content: &content, AllowedMentions: noMentions()})
			if err != nil {
				return err
			}
			if m.Content != content || m.Flags&discordgo.MessageFlagsEphemeral == 0 {
				return fmt.Errorf("edit returned %+v", m)
			}
			f, err := s.FollowupMessageCreate(i, true, &discordgo.WebhookParams{Content: "page 2", AllowedMentions: noMentions()})
			if err != nil {
				return err
			}
			if f.ID == "" || f.ID == m.ID || f.Content != "page 2" {
				return fmt.Errorf("follow-up returned %+v", f)
			}
			return nil
		},
		check: func(t *testing.T, r *router, i *discordgo.Interaction, err error) {
			fake := r.fake
			if err != nil {
				t.Fatal(err)
			}
			rs := fake.Responses(i.ID)
			if got := statuses(rs); got != "callback:204 edit:200 followup:200" {
				t.Errorf("responses = %s", got)
			}
			if m := fake.OriginalMessage(i.ID); m == nil || !strings.HasPrefix(m.Content, "Takeshima") {
				t.Errorf("OriginalMessage = %+v", m)
			}
			if fs := fake.Followups(i.ID); len(fs) != 1 || fs[0].Content != "page 2" {
				t.Errorf("Followups = %+v", fs)
			}
			for _, r := range fake.MissingAllowedMentions() {
				if r.InteractionID == i.ID {
					t.Errorf("MissingAllowedMentions has %s %s", r.Method, r.Path)
				}
			}
		},
	}, {
		name:  "follow-up after a deferral replaces the loading message",
		build: slash,
		handle: func(s *discordgo.Session, i *discordgo.Interaction) error {
			err := s.InteractionRespond(i, &discordgo.InteractionResponse{
				Type: discordgo.InteractionResponseDeferredChannelMessageWithSource,
				Data: &discordgo.InteractionResponseData{Flags: discordgo.MessageFlagsEphemeral},
			})
			if err != nil {
				return err
			}
			_, err = s.FollowupMessageCreate(i, true, &discordgo.WebhookParams{Content: "public?", AllowedMentions: noMentions()})
			return err
		},
		check: func(t *testing.T, r *router, i *discordgo.Interaction, err error) {
			fake := r.fake
			if err != nil {
				t.Fatal(err)
			}
			m := fake.OriginalMessage(i.ID)
			if m == nil || m.Content != "public?" || m.Flags != discordgo.MessageFlagsEphemeral {
				t.Errorf("OriginalMessage = %+v, want the follow-up's content, still ephemeral", m)
			}
			if fs := fake.Followups(i.ID); len(fs) != 0 {
				t.Errorf("Followups = %+v, want none", fs)
			}
		},
	}, {
		name: "autocomplete",
		build: func(f *discordtest.Server) *discordgo.Interaction {
			return f.Autocomplete("ask", discordtest.Focused(discordtest.StringOption("question", "take")))
		},
		handle: func(s *discordgo.Session, i *discordgo.Interaction) error {
			var opt *discordgo.ApplicationCommandInteractionDataOption
			for _, o := range i.ApplicationCommandData().Options {
				if o.Focused {
					opt = o
				}
			}
			if opt == nil {
				return errors.New("no focused option")
			}
			return s.InteractionRespond(i, &discordgo.InteractionResponse{
				Type: discordgo.InteractionApplicationCommandAutocompleteResult,
				Data: &discordgo.InteractionResponseData{Choices: []*discordgo.ApplicationCommandOptionChoice{
					{Name: "Takeshima", Value: "takeshima"},
				}},
			})
		},
		check: func(t *testing.T, r *router, i *discordgo.Interaction, err error) {
			fake := r.fake
			if err != nil {
				t.Fatal(err)
			}
			rs := fake.Responses(i.ID)
			resp, err := rs[0].InteractionResponse()
			if err != nil || resp.Type != 8 || len(resp.Data.Choices) != 1 {
				t.Errorf("response = %+v, %v", resp, err)
			}
			if rs[0].IsMessage {
				t.Error("an autocomplete result counted as a message")
			}
		},
	}, {
		name:  "double acknowledgement",
		build: slash,
		handle: func(s *discordgo.Session, i *discordgo.Interaction) error {
			if err := s.InteractionRespond(i, reply("first")); err != nil {
				return err
			}
			return s.InteractionRespond(i, reply("second"))
		},
		check: func(t *testing.T, r *router, i *discordgo.Interaction, err error) {
			fake := r.fake
			if restCode(err) != 40060 {
				t.Errorf("err = %v, want code 40060", err)
			}
			if got := statuses(fake.Responses(i.ID)); got != "callback:204 callback:400" {
				t.Errorf("responses = %s", got)
			}
		},
	}, {
		name:  "edit before acknowledging",
		build: slash,
		handle: func(s *discordgo.Session, i *discordgo.Interaction) error {
			content := "hi"
			_, err := s.InteractionResponseEdit(i, &discordgo.WebhookEdit{Content: &content, AllowedMentions: noMentions()})
			return err
		},
		check: func(t *testing.T, r *router, i *discordgo.Interaction, err error) {
			if restCode(err) != 10015 {
				t.Errorf("err = %v, want code 10015", err)
			}
		},
	}, {
		name:  "content over the limit",
		build: slash,
		handle: func(s *discordgo.Session, i *discordgo.Interaction) error {
			// 2000 characters of Japanese are fine, although they take
			// 6000 bytes; one more is not.
			if err := s.InteractionRespond(i, reply(strings.Repeat("竹", 2001))); restCode(err) != 50035 {
				return fmt.Errorf("2001 characters: err = %v, want code 50035", err)
			}
			return s.InteractionRespond(i, reply(strings.Repeat("竹", 2000)))
		},
		check: func(t *testing.T, r *router, i *discordgo.Interaction, err error) {
			fake := r.fake
			if err != nil {
				t.Fatal(err)
			}
			rs := fake.Responses(i.ID)
			if got := statuses(rs); got != "callback:400 callback:204" {
				t.Fatalf("responses = %s", got)
			}
			if vs := rs[0].Violations; len(vs) != 1 || !strings.Contains(vs[0], "data.content") {
				t.Errorf("violations = %q", vs)
			}
			found := false
			for _, v := range fake.Violations() {
				found = found || strings.Contains(v, i.ID)
			}
			if !found {
				t.Errorf("Violations() = %q, want one for %s", fake.Violations(), i.ID)
			}
		},
	}, {
		name:  "allowed mentions missing",
		build: slash,
		handle: func(s *discordgo.Session, i *discordgo.Interaction) error {
			return s.InteractionRespond(i, &discordgo.InteractionResponse{
				Type: discordgo.InteractionResponseChannelMessageWithSource,
				Data: &discordgo.InteractionResponseData{Content: "@everyone look", AllowedMentions: &discordgo.MessageAllowedMentions{}},
			})
		},
		check: func(t *testing.T, r *router, i *discordgo.Interaction, err error) {
			fake := r.fake
			if err != nil {
				t.Fatal(err)
			}
			// The zero MessageAllowedMentions sends "parse":null, which is
			// not an explicit empty list.
			n := 0
			for _, r := range fake.MissingAllowedMentions() {
				if r.InteractionID == i.ID {
					n++
				}
			}
			if n != 1 {
				t.Errorf("MissingAllowedMentions has %d requests for the interaction, want 1", n)
			}
		},
	}, {
		name: "button paging",
		build: func(f *discordtest.Server) *discordgo.Interaction {
			return f.SlashCommand("ask", discordtest.StringOption("question", "history"))
		},
		handle: pageHandler,
		check: func(t *testing.T, r *router, i *discordgo.Interaction, err error) {
			fake := r.fake
			if err != nil {
				t.Fatal(err)
			}
			orig := fake.OriginalMessage(i.ID)
			if orig == nil || len(orig.Components) != 1 {
				t.Fatalf("OriginalMessage = %+v", orig)
			}
			if err := r.dispatch(t, fake.ButtonClick("page:2", orig), pageHandler); err != nil {
				t.Fatal(err)
			}
			if m := fake.OriginalMessage(i.ID); m == nil || m.Content != "page 2" || len(m.Components) != 0 || m.ID != orig.ID {
				t.Errorf("after the click OriginalMessage = %+v", m)
			}
		},
	}, {
		name: "modal",
		build: func(f *discordtest.Server) *discordgo.Interaction {
			return f.SlashCommand("report")
		},
		handle: modalHandler,
		check: func(t *testing.T, r *router, i *discordgo.Interaction, err error) {
			fake := r.fake
			if err != nil {
				t.Fatal(err)
			}
			resp, err := fake.Responses(i.ID)[0].InteractionResponse()
			if err != nil || resp.Type != discordgo.InteractionResponseModal || resp.Data.Title != "Report a mistake" {
				t.Fatalf("modal = %+v, %v", resp, err)
			}
			submit := fake.ModalSubmit("report", map[string]string{"text": "a typo"})
			if err := r.dispatch(t, submit, modalHandler); err != nil {
				t.Fatal(err)
			}
			if m := fake.OriginalMessage(submit.ID); m == nil || m.Content != "Thanks: a typo" {
				t.Errorf("answer to the modal = %+v", m)
			}
		},
	}, {
		name: "attachment in and out",
		build: func(f *discordtest.Server) *discordgo.Interaction {
			return f.SlashCommand("corpus", discordtest.Subcommand("add", discordtest.AttachmentOption("file", "article.md", "text/markdown", []byte("# Madrid"))))
		},
		handle: func(s *discordgo.Session, i *discordgo.Interaction) error {
			data := i.ApplicationCommandData()
			sub := data.Options[0]
			if sub.Name != "add" || sub.Type != discordgo.ApplicationCommandOptionSubCommand {
				return fmt.Errorf("subcommand = %+v", sub)
			}
			att := data.Resolved.Attachments[sub.Options[0].Value.(string)]
			resp, err := s.Client.Get(att.URL)
			if err != nil {
				return err
			}
			body, err := io.ReadAll(resp.Body)
			resp.Body.Close()
			if err != nil {
				return err
			}
			r := reply("stored")
			r.Data.Files = []*discordgo.File{{Name: "echo.md", ContentType: "text/markdown", Reader: strings.NewReader(string(body))}}
			return s.InteractionRespond(i, r)
		},
		check: func(t *testing.T, r *router, i *discordgo.Interaction, err error) {
			fake := r.fake
			if err != nil {
				t.Fatal(err)
			}
			rs := fake.Responses(i.ID)
			if len(rs) != 1 || len(rs[0].Files) != 1 || string(rs[0].Files[0].Data) != "# Madrid" || rs[0].Files[0].Name != "echo.md" {
				t.Fatalf("responses = %+v", rs)
			}
			if m := fake.OriginalMessage(i.ID); m == nil || len(m.Attachments) != 1 || m.Attachments[0].Filename != "echo.md" {
				t.Errorf("OriginalMessage = %+v", m)
			}
		},
	}, {
		name: "direct message and member permissions",
		build: func(f *discordtest.Server) *discordgo.Interaction {
			return f.SlashCommand("ask", discordtest.InDM(nil), discordtest.IntegerOption("page", 0), discordtest.BooleanOption("public", false))
		},
		handle: func(s *discordgo.Session, i *discordgo.Interaction) error {
			if i.Member != nil || i.User == nil || i.GuildID != "" {
				return fmt.Errorf("member %+v, user %+v, guild %q", i.Member, i.User, i.GuildID)
			}
			data := i.ApplicationCommandData()
			if data.Options[0].IntValue() != 0 || data.Options[1].BoolValue() {
				return fmt.Errorf("options = %+v", data.Options)
			}
			return s.InteractionRespond(i, reply("ok"))
		},
		check: func(t *testing.T, r *router, i *discordgo.Interaction, err error) {
			fake := r.fake
			if err != nil {
				t.Fatal(err)
			}
			mod := fake.SlashCommand("corpus", discordtest.AsMember(nil, discordgo.PermissionManageGuild, "role-1"))
			if mod.Member == nil || mod.Member.Permissions != discordgo.PermissionManageGuild || mod.Member.Roles[0] != "role-1" {
				t.Errorf("member = %+v", mod.Member)
			}
		},
	}}
	r := newRouter(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			i := tt.build(r.fake)
			tt.check(t, r, i, r.dispatch(t, i, tt.handle))
		})
	}
}

// pageHandler answers /ask with a page and a Next button, and the button
// by updating the message in place.
func pageHandler(s *discordgo.Session, i *discordgo.Interaction) error {
	if i.Type == discordgo.InteractionMessageComponent {
		if id := i.MessageComponentData().CustomID; id != "page:2" {
			return fmt.Errorf("custom ID %q", id)
		}
		return s.InteractionRespond(i, &discordgo.InteractionResponse{
			Type: discordgo.InteractionResponseUpdateMessage,
			Data: &discordgo.InteractionResponseData{Content: "page 2", Components: []discordgo.MessageComponent{}, AllowedMentions: noMentions()},
		})
	}
	r := reply("page 1")
	r.Data.Components = []discordgo.MessageComponent{discordgo.ActionsRow{Components: []discordgo.MessageComponent{
		discordgo.Button{Label: "Next", Style: discordgo.PrimaryButton, CustomID: "page:2"},
	}}}
	return s.InteractionRespond(i, r)
}

// modalHandler answers a command with a modal, and the modal with a
// message.
func modalHandler(s *discordgo.Session, i *discordgo.Interaction) error {
	if i.Type == discordgo.InteractionModalSubmit {
		data := i.ModalSubmitData()
		text := data.Components[0].(*discordgo.ActionsRow).Components[0].(*discordgo.TextInput).Value
		return s.InteractionRespond(i, reply("Thanks: "+text))
	}
	return s.InteractionRespond(i, &discordgo.InteractionResponse{
		Type: discordgo.InteractionResponseModal,
		Data: &discordgo.InteractionResponseData{
			CustomID: "report", Title: "Report a mistake",
			Components: []discordgo.MessageComponent{discordgo.ActionsRow{Components: []discordgo.MessageComponent{
				discordgo.TextInput{CustomID: "text", Label: "What is wrong?", Style: discordgo.TextInputParagraph, MaxLength: 1000},
			}}},
		},
	})
}

func TestLateCallback(t *testing.T) {
	t.Parallel()
	r := newRouter(t, discordtest.WithAckDeadline(100*time.Millisecond))
	fake := r.fake
	i := fake.SlashCommand("ask")
	err := r.dispatch(t, i, func(s *discordgo.Session, i *discordgo.Interaction) error {
		time.Sleep(200 * time.Millisecond)
		return s.InteractionRespond(i, reply("too late"))
	})
	if restCode(err) != 10062 {
		t.Errorf("err = %v, want code 10062", err)
	}
	rs := fake.Responses(i.ID)
	if len(rs) != 1 || rs[0].Status != 404 || rs[0].At < 200*time.Millisecond {
		t.Errorf("responses = %+v", rs)
	}
	if len(fake.FailedRequests()) != 1 {
		t.Errorf("FailedRequests = %d, want 1", len(fake.FailedRequests()))
	}
	// The interaction's token is dead: nothing can follow.
	if _, err := fake.Client().Get(fake.URL() + "/api/v9/webhooks/" + fake.AppID() + "/" + i.Token + "/messages/@original"); err != nil {
		t.Fatal(err)
	}
	if rs := fake.Responses(i.ID); len(rs) != 2 || rs[1].Status != 404 {
		t.Errorf("GET @original after the deadline = %s", statuses(rs))
	}
}

func TestGatewayFaults(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name           string
		fault          func(*discordtest.Server)
		identifies     int
		resumes        int
		dispatchBefore bool // dispatch before the bot is back
	}{
		{"dropped connection resumes", (*discordtest.Server).DropConnections, 1, 1, true},
		{"op 7 resumes", (*discordtest.Server).SendReconnect, 1, 1, true},
		{"op 9 identifies again", func(f *discordtest.Server) { f.SendInvalidSession(false) }, 2, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			fake := discordtest.NewTB(t)
			s, errs := startBot(t, fake, func(s *discordgo.Session, i *discordgo.Interaction) error {
				return s.InteractionRespond(i, reply("ok"))
			})
			s.ShouldReconnectOnError = true
			ctx := testContext(t)
			if err := fake.WaitReady(ctx); err != nil {
				t.Fatal(err)
			}
			first := fake.SlashCommand("ask")
			if err := fake.Dispatch(first); err != nil {
				t.Fatal(err)
			}
			if err := nextErr(t, errs); err != nil {
				t.Fatal(err)
			}

			tt.fault(fake)
			second := fake.SlashCommand("ask")
			if tt.dispatchBefore {
				if err := fake.Dispatch(second); err != nil {
					t.Fatal(err)
				}
			}
			if err := fake.WaitReady(ctx); err != nil {
				t.Fatal(err)
			}
			if !tt.dispatchBefore {
				if err := fake.Dispatch(second); err != nil {
					t.Fatal(err)
				}
			}
			if err := nextErr(t, errs); err != nil {
				t.Fatal(err)
			}
			if rs, err := fake.WaitResponses(ctx, second.ID, 1); err != nil || rs[0].Status != 204 {
				t.Errorf("responses to the second interaction = %s, %v", statuses(rs), err)
			}
			if got := fake.Identifies(); got != tt.identifies {
				t.Errorf("Identifies = %d, want %d", got, tt.identifies)
			}
			if got := fake.Resumes(); got != tt.resumes {
				t.Errorf("Resumes = %d, want %d", got, tt.resumes)
			}
			if n := len(fake.Responses(first.ID)); n != 1 {
				t.Errorf("the first interaction was answered %d times, want once", n)
			}
		})
	}
}

func TestRESTFaults(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		fail     func(f *discordtest.Server, callback string)
		wantErr  int // HTTP status of the error, 0 for none
		statuses string
	}{
		{"429 then success", func(f *discordtest.Server, cb string) { f.FailNextPath(cb, 1, 429, 100*time.Millisecond) }, 0, "callback:429 callback:204"},
		{"502 is retried", func(f *discordtest.Server, cb string) { f.FailNextPath(cb, 1, 502, 0) }, 0, "callback:502 callback:204"},
		{"500 fails", func(f *discordtest.Server, cb string) { f.FailNextPath(cb, 1, 500, 0) }, 500, "callback:500"},
		{"other paths untouched", func(f *discordtest.Server, cb string) { f.FailNextPath(cb+"/nothing", 1, 500, 0) }, 0, "callback:204"},
	}
	r := newRouter(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			i := r.fake.SlashCommand("ask")
			tt.fail(r.fake, "/interactions/"+i.ID+"/")
			err := r.dispatch(t, i, func(s *discordgo.Session, i *discordgo.Interaction) error {
				return s.InteractionRespond(i, reply("ok"))
			})
			var re *discordgo.RESTError
			switch {
			case tt.wantErr == 0 && err != nil:
				t.Errorf("err = %v, want none", err)
			case tt.wantErr != 0 && (!errors.As(err, &re) || re.Response.StatusCode != tt.wantErr):
				t.Errorf("err = %v, want HTTP %d", err, tt.wantErr)
			}
			rs := r.fake.Responses(i.ID)
			if got := statuses(rs); got != tt.statuses {
				t.Fatalf("responses = %s, want %s", got, tt.statuses)
			}
			if rs[0].Status == 429 && rs[1].At-rs[0].At < 100*time.Millisecond {
				t.Errorf("retried after %v, before retry_after", rs[1].At-rs[0].At)
			}
			for _, r := range rs {
				if r.Status >= 400 && !r.Injected {
					t.Errorf("%s %d is not marked as injected", r.Path, r.Status)
				}
			}
		})
	}
}

func TestFailNext(t *testing.T) {
	t.Parallel()
	fake := discordtest.NewTB(t)
	fake.FailNext(2, 429, 1500*time.Millisecond)
	client := fake.Client()
	get := func() (*http.Response, string) {
		req, _ := http.NewRequest("GET", "https://discord.com/api/v9/users/@me", nil)
		req.Header.Set("Authorization", "Bot "+fake.Token())
		resp, err := client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		body, _ := io.ReadAll(resp.Body)
		return resp, string(body)
	}
	for range 2 {
		resp, body := get()
		if resp.StatusCode != 429 || body != `{"message":"You are being rate limited.","retry_after":1.5,"global":false}` {
			t.Errorf("got %d %s, want 429 with Discord's body", resp.StatusCode, body)
		}
		if resp.Header.Get("Retry-After") != "2" || resp.Header.Get("X-RateLimit-Remaining") != "0" || resp.Header.Get("X-RateLimit-Reset-After") != "1.500" {
			t.Errorf("headers = %v", resp.Header)
		}
	}
	if resp, _ := get(); resp.StatusCode != 200 {
		t.Errorf("third request: %d, want 200", resp.StatusCode)
	}
}

func TestTokenExpiry(t *testing.T) {
	t.Parallel()
	fake := discordtest.NewTB(t, discordtest.WithTokenTTL(300*time.Millisecond))
	_, errs := startBot(t, fake, func(s *discordgo.Session, i *discordgo.Interaction) error {
		if err := s.InteractionRespond(i, &discordgo.InteractionResponse{Type: discordgo.InteractionResponseDeferredChannelMessageWithSource}); err != nil {
			return err
		}
		time.Sleep(400 * time.Millisecond)
		content := "late"
		_, err := s.InteractionResponseEdit(i, &discordgo.WebhookEdit{Content: &content, AllowedMentions: noMentions()})
		return err
	})
	i := fake.SlashCommand("ask")
	if err := fake.Dispatch(i); err != nil {
		t.Fatal(err)
	}
	if err := nextErr(t, errs); restCode(err) != 50027 {
		t.Errorf("err = %v, want code 50027", err)
	}
}

func TestLatency(t *testing.T) {
	t.Parallel()
	fake := discordtest.NewTB(t)
	_, errs := startBot(t, fake, func(s *discordgo.Session, i *discordgo.Interaction) error {
		return s.InteractionRespond(i, reply("ok"))
	})
	fake.SetLatency(150 * time.Millisecond)
	i := fake.SlashCommand("ask")
	if err := fake.Dispatch(i); err != nil {
		t.Fatal(err)
	}
	if err := nextErr(t, errs); err != nil {
		t.Fatal(err)
	}
	if rs := fake.Responses(i.ID); len(rs) != 1 || rs[0].At < 150*time.Millisecond {
		t.Errorf("responses = %+v, want one at least 150ms after dispatch", rs)
	}
}

func TestDispatchBeforeConnect(t *testing.T) {
	t.Parallel()
	fake := discordtest.NewTB(t)
	i := fake.SlashCommand("ask")
	if err := fake.Dispatch(i); err != nil {
		t.Fatal(err)
	}
	// The deadline starts when the interaction reaches the bot.
	time.Sleep(50 * time.Millisecond)
	_, errs := startBot(t, fake, func(s *discordgo.Session, i *discordgo.Interaction) error {
		return s.InteractionRespond(i, reply("ok"))
	})
	if err := nextErr(t, errs); err != nil {
		t.Fatal(err)
	}
	if err := fake.Dispatch(i); err == nil {
		t.Error("dispatching the same interaction twice succeeded")
	}
}

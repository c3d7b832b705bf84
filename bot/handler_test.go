package bot

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/bwmarrin/discordgo"

	"github.com/disputebot/disputebot/knowledge"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden with the replies the bot gives now")

// recorder is a Responder that keeps what the bot sends instead of sending
// it, so that handlers can be run on interaction JSON without Discord.
type recorder struct {
	mu    sync.Mutex
	calls []recorded
	// fail, when set, makes Respond or EditOriginal fail.
	fail func(call string) error
}

// recorded is one call to the Responder, as it would go over the wire.
type recorded struct {
	Call     string                         `json:"call"` // "respond" or "edit"
	Response *discordgo.InteractionResponse `json:"response,omitempty"`
	Edit     *discordgo.WebhookEdit         `json:"edit,omitempty"`
	Files    int                            `json:"files,omitempty"`
}

func (r *recorder) Respond(ctx context.Context, i *discordgo.Interaction, resp *discordgo.InteractionResponse) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.calls = append(r.calls, recorded{Call: "respond", Response: resp})
	if r.fail != nil {
		return r.fail("respond")
	}
	return nil
}

func (r *recorder) EditOriginal(ctx context.Context, i *discordgo.Interaction, e *discordgo.WebhookEdit, files []*discordgo.File) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.calls = append(r.calls, recorded{Call: "edit", Edit: e, Files: len(files)})
	if r.fail != nil {
		return r.fail("edit")
	}
	return nil
}

func (r *recorder) replies() []recorded {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]recorded(nil), r.calls...)
}

// readInteraction decodes a file of testdata/interactions the way discordgo
// decodes INTERACTION_CREATE: an error still leaves a (partial) interaction
// that is handed to the handlers (bwmarrin/discordgo#1683).
func readInteraction(t *testing.T, name string, replace map[string]string) (*discordgo.Interaction, error) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "interactions", name+".json"))
	if err != nil {
		t.Fatal(err)
	}
	for old, new := range replace {
		data = bytes.ReplaceAll(data, []byte(old), []byte(new))
	}
	var ic discordgo.InteractionCreate
	err = json.Unmarshal(data, &ic)
	return ic.Interaction, err
}

// keyInCustomID finds the paging key in a reply's buttons.
var keyInCustomID = regexp.MustCompile(`"custom_id":"(?:ask|search):([A-Za-z0-9_-]+):[0-9]+"`)

// pageKey is the key of the paging buttons the bot sent, which a following
// button click must carry.
func pageKey(t *testing.T, calls []recorded) string {
	t.Helper()
	b, err := json.Marshal(calls)
	if err != nil {
		t.Fatal(err)
	}
	m := keyInCustomID.FindSubmatch(b)
	if m == nil {
		t.Fatalf("no paging buttons in the setup reply: %s", b)
	}
	return string(m[1])
}

// Values that differ from run to run are replaced in golden files, rather
// than left out of the comparison.
var (
	goldenKey     = regexp.MustCompile(`"(ask|search):[A-Za-z0-9_-]{8}:([0-9]+)"`)
	goldenErrorID = regexp.MustCompile("error id `[0-9a-f]{8}`")
)

func goldenJSON(t *testing.T, calls []recorded) []byte {
	t.Helper()
	if calls == nil {
		calls = []recorded{}
	}
	// Without HTML escaping, so that "<@&456>" reads as sent.
	var enc bytes.Buffer
	e := json.NewEncoder(&enc)
	e.SetEscapeHTML(false)
	if err := e.Encode(calls); err != nil {
		t.Fatal(err)
	}
	b := bytes.TrimSpace(enc.Bytes())
	b = goldenKey.ReplaceAll(b, []byte(`"$1:KEY:$2"`))
	b = goldenErrorID.ReplaceAll(b, []byte("error id `ERRORID`"))
	var out bytes.Buffer
	if err := json.Indent(&out, b, "", "  "); err != nil {
		t.Fatal(err)
	}
	out.WriteByte('\n')
	return out.Bytes()
}

// checkGolden compares the replies with testdata/golden/name.json, or
// rewrites it under -update.
func checkGolden(t *testing.T, name string, calls []recorded) {
	t.Helper()
	got := goldenJSON(t, calls)
	path := filepath.Join("testdata", "golden", name+".json")
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./bot -run %s -update to create it)", err, t.Name())
	}
	if !bytes.Equal(got, want) {
		t.Errorf("replies differ from %s (run with -update if the change is intended):\n%s", path, lineDiff(string(want), string(got)))
	}
}

// lineDiff shows the first lines where two texts differ, enough to see why a
// golden comparison failed.
func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var out []string
	for i := 0; i < max(len(w), len(g)) && len(out) < 20; i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			out = append(out, "line "+strconv.Itoa(i+1)+":\n  want "+wl+"\n  got  "+gl)
		}
	}
	return strings.Join(out, "\n")
}

// TestHandleGolden runs every interaction of testdata/interactions through
// Bot.Handle and compares the replies with the golden files. Every reply is
// also checked against Discord's limits and the bot's safety rules, so that a
// careless -update cannot bless a reply Discord would refuse or one that
// pings.
//
// The answers come from the real index, so a change to ranking, excerpts or
// the default corpus changes some golden files: run
// `go test ./bot -run TestHandleGolden -update` and read the diff.
func TestHandleGolden(t *testing.T) {
	type check func(t *testing.T, calls []recorded)
	tests := []struct {
		file string
		// setup is an interaction run first on the same bot; its paging
		// key replaces ":KEY:" in file.
		setup string
		// slow makes searches slower than the reply budget, so that the
		// bot defers and then edits.
		slow bool
		// decodeErr is set for payloads discordgo cannot decode.
		decodeErr bool
		check     check
	}{
		{file: "ask_madrid", check: all(replies(1), ephemeral(false), embedSays(0, "10 minutes", "ten minutes"), hasButtons("ask:"))},
		{file: "ask_madrid", slow: true, check: all(replies(2), callTypes("respond:5", "edit"), embedSays(0, "10 minutes", "ten minutes"))},
		{file: "ask_dm", check: all(replies(1), embedSays(0, "10 minutes", "ten minutes"))},
		{file: "ask_filters", check: all(replies(1), ephemeral(false), embedSays(0, "withdrawal"))},
		{file: "ask_not_covered", check: all(replies(1), ephemeral(true), says("isn't covered"))},
		{file: "ask_bad_date", check: all(replies(1), ephemeral(true), says("`from`", "is not a date"))},
		{file: "ask_mention_date", check: all(replies(1), ephemeral(true), says("is not a date"))},
		// Discord only sends one of the choices; a bot must not trust that.
		{file: "ask_bad_topic", check: all(replies(1), ephemeral(true), says("Unknown topic"))},
		{file: "ask_empty", check: all(replies(1), ephemeral(true))},
		{file: "ask_long", check: all(replies(1), ephemeral(true), says("1000"))},
		{file: "ask_query_syntax", check: replies(1)},
		{file: "ask_emoji", check: replies(1)},
		{file: "ask_zero_width", check: all(replies(1), ephemeral(false))},
		{file: "ask_rtl", check: replies(1)},
		{file: "ask_mentions", check: replies(1)},
		{file: "search_basic", check: all(replies(1), ephemeral(false), hasButtons("search:"))},
		{file: "search_filters", check: all(replies(1), ephemeral(false))},
		{file: "search_mentions", check: replies(1)},
		{file: "search_too_long", check: all(replies(1), ephemeral(true), says("200"))},
		{file: "topic_talks", check: all(replies(1), ephemeral(false), hasButtons("topic:talks:"))},
		{file: "topic_labor", check: all(replies(1), ephemeral(false))},
		{file: "source_by_id", check: all(replies(1), ephemeral(false), embedSays(0, "Motegi"))},
		{file: "source_note", check: all(replies(1), ephemeral(false), embedSays(0, "GSOMIA"))},
		{file: "source_by_title", check: all(replies(1), ephemeral(false))},
		{file: "source_unknown", check: all(replies(1), ephemeral(true), says("can't find"))},
		{file: "about", check: all(replies(1), embedSays(0, "version test"))},
		{file: "about_dm", check: replies(1)},
		{file: "unknown_command", check: all(replies(1), ephemeral(true), says("/about"))},
		{file: "autocomplete_source", check: all(replies(1), callTypes("respond:8"), choiceValues("kyodo-2019-12-16-madrid"))},
		{file: "autocomplete_source_empty", check: all(replies(1), callTypes("respond:8"))},
		{file: "autocomplete_source_mentions", check: all(replies(1), callTypes("respond:8"))},
		{file: "autocomplete_search", check: all(replies(1), callTypes("respond:8"))},
		{file: "button_ask_next", setup: "ask_madrid", check: all(replies(1), callTypes("respond:7"), says("(4–"))},
		{file: "button_ask_next", setup: "ask_madrid", slow: true, check: all(replies(2), callTypes("respond:6", "edit"))},
		{file: "button_search_next", setup: "search_basic", check: all(replies(1), callTypes("respond:7"))},
		{file: "button_search_previous", setup: "search_basic", check: all(replies(1), callTypes("respond:7"))},
		{file: "button_topic_next", check: all(replies(1), callTypes("respond:7"))},
		{file: "button_expired", check: all(replies(1), ephemeral(true), says("expired"))},
		{file: "button_unknown", check: all(replies(1), ephemeral(true), says("no longer works"))},
		{file: "button_bad_page", setup: "ask_madrid", check: all(replies(1), ephemeral(true))},
		{file: "button_unknown_component", setup: "ask_madrid", decodeErr: true, check: replies(0)},
		{file: "modal_submit", check: all(replies(1), ephemeral(true))},
		{file: "empty_token", check: replies(0)},
		{file: "unknown_type", check: replies(0)},
		{file: "ping", check: replies(0)},
	}
	for _, tt := range tests {
		name := tt.file
		if tt.slow {
			name += ".deferred"
		}
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			cfg := Config{}
			if tt.slow {
				idx, _ := realCorpus(t)
				cfg.Searcher = slowSearcher{idx, 60 * time.Millisecond}
				cfg.ReplyBudget = 10 * time.Millisecond
			}
			b := newTestBot(t, cfg)
			replace := map[string]string{}
			if tt.setup != "" {
				rec := &recorder{}
				in, err := readInteraction(t, tt.setup, nil)
				if err != nil {
					t.Fatal(err)
				}
				b.Handle(rec, in)
				replace[":KEY:"] = ":" + pageKey(t, rec.replies()) + ":"
			}
			in, err := readInteraction(t, tt.file, replace)
			if (err != nil) != tt.decodeErr {
				t.Fatalf("decoding: error %v, want an error: %v", err, tt.decodeErr)
			}
			rec := &recorder{}
			b.Handle(rec, in)
			calls := rec.replies()
			checkReplies(t, calls)
			tt.check(t, calls)
			checkGolden(t, name, calls)
		})
	}
}

// slowSearcher delays every search, to make the bot defer.
type slowSearcher struct {
	Searcher
	delay time.Duration
}

func (s slowSearcher) Search(ctx context.Context, q knowledge.Query) (*knowledge.Answer, error) {
	select {
	case <-time.After(s.delay):
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	return s.Searcher.Search(ctx, q)
}

// Checks of the recorded replies of one interaction.

func all(checks ...func(*testing.T, []recorded)) func(*testing.T, []recorded) {
	return func(t *testing.T, calls []recorded) {
		t.Helper()
		for _, c := range checks {
			c(t, calls)
		}
	}
}

func replies(n int) func(*testing.T, []recorded) {
	return func(t *testing.T, calls []recorded) {
		t.Helper()
		if len(calls) != n {
			t.Errorf("got %d replies, want %d", len(calls), n)
		}
	}
}

// callTypes checks the calls in order: "respond:N" is a callback of type N,
// "edit" an edit of the original response.
func callTypes(want ...string) func(*testing.T, []recorded) {
	return func(t *testing.T, calls []recorded) {
		t.Helper()
		var got []string
		for _, c := range calls {
			if c.Call == "respond" {
				got = append(got, "respond:"+strconv.Itoa(int(c.Response.Type)))
			} else {
				got = append(got, c.Call)
			}
		}
		if strings.Join(got, " ") != strings.Join(want, " ") {
			t.Errorf("calls = %v, want %v", got, want)
		}
	}
}

// message returns the content, embeds and components of the last reply
// that carries a message.
func message(calls []recorded) (content string, embeds []*discordgo.MessageEmbed, components []discordgo.MessageComponent, flags discordgo.MessageFlags, ok bool) {
	for i := len(calls) - 1; i >= 0; i-- {
		c := calls[i]
		switch {
		case c.Edit != nil:
			if c.Edit.Content != nil {
				content = *c.Edit.Content
			}
			if c.Edit.Embeds != nil {
				embeds = *c.Edit.Embeds
			}
			if c.Edit.Components != nil {
				components = *c.Edit.Components
			}
			// An edit keeps the flags of the deferred response.
			for _, d := range calls[:i] {
				if d.Response != nil && d.Response.Data != nil {
					flags = d.Response.Data.Flags
				}
			}
			return content, embeds, components, flags, true
		case c.Response != nil && (c.Response.Type == discordgo.InteractionResponseChannelMessageWithSource || c.Response.Type == discordgo.InteractionResponseUpdateMessage):
			d := c.Response.Data
			return d.Content, d.Embeds, d.Components, d.Flags, true
		}
	}
	return "", nil, nil, 0, false
}

func ephemeral(want bool) func(*testing.T, []recorded) {
	return func(t *testing.T, calls []recorded) {
		t.Helper()
		_, _, _, flags, ok := message(calls)
		if !ok {
			t.Fatal("no message in the replies")
		}
		if got := flags&discordgo.MessageFlagsEphemeral != 0; got != want {
			t.Errorf("ephemeral = %v, want %v", got, want)
		}
	}
}

// says checks that the message content contains every string.
func says(want ...string) func(*testing.T, []recorded) {
	return func(t *testing.T, calls []recorded) {
		t.Helper()
		content, _, _, _, _ := message(calls)
		for _, w := range want {
			if !strings.Contains(content, w) {
				t.Errorf("content does not contain %q: %q", w, content)
			}
		}
	}
}

// embedSays checks that embed i contains one of the strings.
func embedSays(i int, anyOf ...string) func(*testing.T, []recorded) {
	return func(t *testing.T, calls []recorded) {
		t.Helper()
		_, embeds, _, _, _ := message(calls)
		if len(embeds) <= i {
			t.Fatalf("got %d embeds, want at least %d", len(embeds), i+1)
		}
		text := strings.ReplaceAll(strings.Join(embedTexts(embeds[i]), "\n"), "**", "")
		for _, w := range anyOf {
			if strings.Contains(text, w) {
				return
			}
		}
		t.Errorf("embed %d contains none of %q:\n%s", i, anyOf, text)
	}
}

func hasButtons(prefix string) func(*testing.T, []recorded) {
	return func(t *testing.T, calls []recorded) {
		t.Helper()
		_, _, cs, _, _ := message(calls)
		for _, b := range buttons(cs) {
			if strings.HasPrefix(b.CustomID, prefix) {
				return
			}
		}
		t.Errorf("no button with a custom id starting with %q", prefix)
	}
}

func choiceValues(want ...string) func(*testing.T, []recorded) {
	return func(t *testing.T, calls []recorded) {
		t.Helper()
		if len(calls) == 0 || calls[0].Response == nil || calls[0].Response.Data == nil {
			t.Fatal("no autocomplete result")
		}
		got := map[string]bool{}
		for _, c := range calls[0].Response.Data.Choices {
			if s, ok := c.Value.(string); ok {
				got[s] = true
			}
		}
		for _, w := range want {
			if !got[w] {
				t.Errorf("choices lack the value %q", w)
			}
		}
	}
}

func buttons(cs []discordgo.MessageComponent) []discordgo.Button {
	var out []discordgo.Button
	for _, c := range cs {
		switch c := c.(type) {
		case discordgo.ActionsRow:
			out = append(out, buttons(c.Components)...)
		case *discordgo.ActionsRow:
			out = append(out, buttons(c.Components)...)
		case discordgo.Button:
			out = append(out, c)
		case *discordgo.Button:
			out = append(out, *c)
		}
	}
	return out
}

func embedTexts(e *discordgo.MessageEmbed) []string {
	out := []string{e.Title, e.Description}
	for _, f := range e.Fields {
		out = append(out, f.Name, f.Value)
	}
	if e.Footer != nil {
		out = append(out, e.Footer.Text)
	}
	if e.Author != nil {
		out = append(out, e.Author.Name)
	}
	return out
}

// Discord's limits, written out again here rather than taken from the code
// under test.
const (
	limitContent     = 2000
	limitEmbeds      = 10
	limitTitle       = 256
	limitDescription = 4096
	limitFields      = 25
	limitFieldName   = 256
	limitFieldValue  = 1024
	limitFooter      = 2048
	limitAuthor      = 256
	limitEmbedTotal  = 6000
	limitChoices     = 25
	limitChoiceName  = 100
	limitChoiceValue = 100
	limitCustomID    = 100
	limitLabel       = 80
	limitButtons     = 5
	limitRows        = 5
)

// utf16Len is a length as Discord counts it.
func utf16Len(s string) int { return len(utf16.Encode([]rune(s))) }

var (
	// rawMention is what Discord turns into a mention: @everyone, @here,
	// <@id>, <@!id>, <@&id>. The bot's escaping puts a zero-width space
	// after every @.
	rawMention = regexp.MustCompile(`@(everyone|here)|<@[!&]?[0-9]+>`)
	// schemeURL finds anything that looks like a link with a scheme.
	schemeURL   = regexp.MustCompile(`\b([a-zA-Z][a-zA-Z0-9+.-]*)://`)
	markdownURL = regexp.MustCompile(`\]\(([^)\s]*)\)`)
)

// checkReplies checks the rules every reply must follow, whatever the
// interaction: Discord's limits, suppressed mentions, no raw mentions in any
// text, and only http(s) links.
func checkReplies(t *testing.T, calls []recorded) {
	t.Helper()
	responds := 0
	for n, c := range calls {
		switch c.Call {
		case "respond":
			responds++
			if n != 0 {
				t.Errorf("reply %d: a second callback for the same interaction (Discord answers 40060)", n)
			}
			r := c.Response
			switch r.Type {
			case discordgo.InteractionResponseChannelMessageWithSource, discordgo.InteractionResponseUpdateMessage:
				d := r.Data
				if d == nil {
					t.Errorf("reply %d: message response without data", n)
					continue
				}
				checkMessage(t, n, d.Content, d.Embeds, d.Components, d.AllowedMentions)
			case discordgo.InteractionApplicationCommandAutocompleteResult:
				checkChoices(t, n, r.Data)
			case discordgo.InteractionResponseDeferredChannelMessageWithSource, discordgo.InteractionResponseDeferredMessageUpdate:
				if len(calls) != n+2 || calls[n+1].Call != "edit" {
					t.Errorf("reply %d: deferred, but not followed by exactly one edit", n)
				}
			default:
				t.Errorf("reply %d: unexpected callback type %d", n, r.Type)
			}
		case "edit":
			if n == 0 {
				t.Errorf("reply %d: an edit before any callback (Discord answers 10015)", n)
			}
			e := c.Edit
			var content string
			var embeds []*discordgo.MessageEmbed
			var components []discordgo.MessageComponent
			if e.Content != nil {
				content = *e.Content
			}
			if e.Embeds != nil {
				embeds = *e.Embeds
			}
			if e.Components != nil {
				components = *e.Components
			}
			if e.Content == nil || e.Embeds == nil || e.Components == nil {
				t.Errorf("reply %d: an edit that leaves content, embeds or components of the loading message in place", n)
			}
			checkMessage(t, n, content, embeds, components, e.AllowedMentions)
		}
	}
}

func checkMessage(t *testing.T, n int, content string, embeds []*discordgo.MessageEmbed, components []discordgo.MessageComponent, am *discordgo.MessageAllowedMentions) {
	t.Helper()
	if am == nil || am.Parse == nil || len(am.Parse) != 0 || len(am.Users) != 0 || len(am.Roles) != 0 {
		t.Errorf("reply %d: allowed_mentions = %+v, want an explicit empty parse list", n, am)
	}
	b, _ := json.Marshal(am)
	if !strings.Contains(string(b), `"parse":[]`) {
		t.Errorf("reply %d: allowed_mentions marshals to %s, want \"parse\":[]", n, b)
	}
	if content == "" && len(embeds) == 0 {
		t.Errorf("reply %d: an empty message", n)
	}
	if l := utf16Len(content); l > limitContent {
		t.Errorf("reply %d: content is %d characters, over %d", n, l, limitContent)
	}
	texts := []string{content}
	if len(embeds) > limitEmbeds {
		t.Errorf("reply %d: %d embeds, over %d", n, len(embeds), limitEmbeds)
	}
	total := 0
	for i, e := range embeds {
		lim := func(what, s string, max int) {
			if l := utf16Len(s); l > max {
				t.Errorf("reply %d: embed %d %s is %d characters, over %d", n, i, what, l, max)
			}
			total += utf16Len(s)
		}
		lim("title", e.Title, limitTitle)
		lim("description", e.Description, limitDescription)
		if len(e.Fields) > limitFields {
			t.Errorf("reply %d: embed %d has %d fields, over %d", n, i, len(e.Fields), limitFields)
		}
		for _, f := range e.Fields {
			lim("field name", f.Name, limitFieldName)
			lim("field value", f.Value, limitFieldValue)
			if strings.TrimSpace(f.Name) == "" || strings.TrimSpace(f.Value) == "" {
				t.Errorf("reply %d: embed %d has an empty field name or value", n, i)
			}
		}
		if e.Footer != nil {
			lim("footer", e.Footer.Text, limitFooter)
		}
		if e.Author != nil {
			lim("author", e.Author.Name, limitAuthor)
			checkLink(t, n, e.Author.URL)
		}
		checkLink(t, n, e.URL)
		if e.Image != nil {
			checkLink(t, n, e.Image.URL)
		}
		if e.Thumbnail != nil {
			checkLink(t, n, e.Thumbnail.URL)
		}
		texts = append(texts, embedTexts(e)...)
	}
	if total > limitEmbedTotal {
		t.Errorf("reply %d: embeds total %d characters, over %d", n, total, limitEmbedTotal)
	}
	if len(components) > limitRows {
		t.Errorf("reply %d: %d component rows, over %d", n, len(components), limitRows)
	}
	for _, row := range components {
		r, ok := row.(discordgo.ActionsRow)
		if p, isPtr := row.(*discordgo.ActionsRow); isPtr {
			r, ok = *p, true
		}
		if !ok {
			t.Errorf("reply %d: top-level component %T is not an action row", n, row)
			continue
		}
		if len(r.Components) > limitButtons {
			t.Errorf("reply %d: %d buttons in a row, over %d", n, len(r.Components), limitButtons)
		}
	}
	for _, b := range buttons(components) {
		if l := utf16Len(b.CustomID); l == 0 || l > limitCustomID {
			t.Errorf("reply %d: custom id %q is %d characters, want 1 to %d", n, b.CustomID, l, limitCustomID)
		}
		if l := utf16Len(b.Label); l > limitLabel {
			t.Errorf("reply %d: button label is %d characters, over %d", n, l, limitLabel)
		}
		checkLink(t, n, b.URL)
		texts = append(texts, b.Label)
	}
	for _, s := range texts {
		checkText(t, n, s)
	}
}

// checkText checks a piece of text shown to users: it may mention no one,
// and link only to http(s) URLs.
func checkText(t *testing.T, n int, s string) {
	t.Helper()
	if m := rawMention.FindString(s); m != "" {
		t.Errorf("reply %d: raw mention %q in %q", n, m, s)
	}
	for _, m := range schemeURL.FindAllStringSubmatch(s, -1) {
		if scheme := strings.ToLower(m[1]); scheme != "http" && scheme != "https" {
			t.Errorf("reply %d: a %s: link in %q", n, scheme, s)
		}
	}
	for _, m := range markdownURL.FindAllStringSubmatch(s, -1) {
		checkLink(t, n, m[1])
	}
}

func checkLink(t *testing.T, n int, u string) {
	t.Helper()
	if u == "" {
		return
	}
	p, err := url.Parse(u)
	if err != nil || (p.Scheme != "http" && p.Scheme != "https") || p.Host == "" {
		t.Errorf("reply %d: link %q is not an http(s) URL", n, u)
	}
}

func checkChoices(t *testing.T, n int, d *discordgo.InteractionResponseData) {
	t.Helper()
	if d == nil {
		t.Errorf("reply %d: autocomplete result without data", n)
		return
	}
	if len(d.Choices) > limitChoices {
		t.Errorf("reply %d: %d choices, over %d", n, len(d.Choices), limitChoices)
	}
	for _, c := range d.Choices {
		if l := utf16Len(c.Name); l == 0 || l > limitChoiceName {
			t.Errorf("reply %d: choice name %q is %d characters, want 1 to %d", n, c.Name, l, limitChoiceName)
		}
		v, ok := c.Value.(string)
		if !ok {
			t.Errorf("reply %d: choice value %v is not a string", n, c.Value)
		} else if l := utf16Len(v); l > limitChoiceValue {
			t.Errorf("reply %d: choice value is %d characters, over %d", n, l, limitChoiceValue)
		}
		checkText(t, n, c.Name)
	}
}

// TestHandleFailures covers what the golden files cannot: searches that
// fail or panic, and a Responder that fails, must still end in one reply
// that tells the user, never in a crash or silence.
func TestHandleFailures(t *testing.T) {
	tests := []struct {
		name     string
		searcher Searcher
		fail     func(call string) error
		want     []string // callTypes
		says     string
	}{
		{name: "search error", searcher: searchFunc(func(context.Context, knowledge.Query) (*knowledge.Answer, error) {
			return nil, errors.New("disk on fire")
		}), want: []string{"respond:4"}, says: "something went wrong"},
		{name: "invalid query", searcher: searchFunc(func(context.Context, knowledge.Query) (*knowledge.Answer, error) {
			return nil, knowledge.Errorf(knowledge.EINVALID, "the question is too vague")
		}), want: []string{"respond:4"}, says: "The question is too vague"},
		{name: "search panics", searcher: searchFunc(func(context.Context, knowledge.Query) (*knowledge.Answer, error) {
			panic("index corrupted")
		}), want: []string{"respond:4"}, says: "something went wrong"},
		// The responder's error is logged; the bot does not answer twice.
		{name: "respond fails", fail: func(string) error { return errors.New("503") }, want: []string{"respond:4"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := newTestBot(t, Config{Searcher: tt.searcher})
			in, err := readInteraction(t, "ask_madrid", nil)
			if err != nil {
				t.Fatal(err)
			}
			rec := &recorder{fail: tt.fail}
			b.Handle(rec, in)
			calls := rec.replies()
			checkReplies(t, calls)
			callTypes(tt.want...)(t, calls)
			if tt.says != "" {
				says(tt.says)(t, calls)
				ephemeral(true)(t, calls)
			}
		})
	}
}

// searchFunc is a Searcher made of a function.
type searchFunc func(ctx context.Context, q knowledge.Query) (*knowledge.Answer, error)

func (f searchFunc) Search(ctx context.Context, q knowledge.Query) (*knowledge.Answer, error) {
	return f(ctx, q)
}

// snowflake is an interaction id created at t, as Discord's ids record.
func snowflake(t time.Time) string {
	return strconv.FormatUint(uint64(t.UnixMilli()-1420070400000)<<22, 10)
}

// blockingSearcher holds every search until release is closed.
type blockingSearcher struct {
	Searcher
	started chan struct{}
	release chan struct{}
}

func (s blockingSearcher) Search(ctx context.Context, q knowledge.Query) (*knowledge.Answer, error) {
	s.started <- struct{}{}
	<-s.release
	return s.Searcher.Search(ctx, q)
}

// TestHandleDeadline checks when the bot acknowledges: Discord's 3 s count
// from the interaction's creation, so time spent before Handle counts
// against the reply budget, and a question that must wait for a search
// slot is deferred at once rather than at the end of the budget.
func TestHandleDeadline(t *testing.T) {
	idx, _ := realCorpus(t)

	t.Run("late delivery", func(t *testing.T) {
		b := newTestBot(t, Config{Searcher: slowSearcher{idx, 300 * time.Millisecond}, ReplyBudget: 1500 * time.Millisecond})
		in, err := readInteraction(t, "ask_madrid", nil)
		if err != nil {
			t.Fatal(err)
		}
		// Delivered 1.4 s after Discord created it: the 300 ms search
		// would end after the budget.
		in.ID = snowflake(time.Now().Add(-1400 * time.Millisecond))
		rec := &recorder{}
		start := time.Now()
		b.Handle(rec, in)
		calls := rec.replies()
		callTypes("respond:5", "edit")(t, calls)
		checkReplies(t, calls)
		if took := time.Since(start); took > time.Second {
			t.Errorf("took %v", took)
		}
	})

	t.Run("queued", func(t *testing.T) {
		s := blockingSearcher{idx, make(chan struct{}, 2), make(chan struct{})}
		var releaseOnce sync.Once
		release := func() { releaseOnce.Do(func() { close(s.release) }) }
		t.Cleanup(release) // a failed test must not leave searches blocked
		b := newTestBot(t, Config{Searcher: s, MaxConcurrent: 1, ReplyBudget: 2 * time.Second})
		first, err := readInteraction(t, "ask_madrid", nil)
		if err != nil {
			t.Fatal(err)
		}
		busy := &recorder{}
		done := make(chan struct{})
		go func() { b.Handle(busy, first); close(done) }()
		<-s.started // the only search slot is taken

		second, err := readInteraction(t, "ask_dm", nil)
		if err != nil {
			t.Fatal(err)
		}
		rec := &recorder{}
		handled := make(chan struct{})
		start := time.Now()
		go func() { b.Handle(rec, second); close(handled) }()
		deadline := time.After(time.Second)
		for len(rec.replies()) == 0 {
			select {
			case <-deadline:
				t.Fatal("a queued question was not acknowledged within 1 s")
			case <-time.After(5 * time.Millisecond):
			}
		}
		if took := time.Since(start); took > 500*time.Millisecond {
			t.Errorf("acknowledged after %v, want at once", took)
		}
		release()
		<-done
		<-handled
		callTypes("respond:5", "edit")(t, rec.replies())
		checkReplies(t, rec.replies())
		// The first was released within its budget: answered directly.
		callTypes("respond:4")(t, busy.replies())
	})
}

package bot

import (
	"bytes"
	"context"
	"encoding/json"
	"image/png"
	"io"
	"log/slog"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/disputebot/disputebot/bot/chart"
	"github.com/disputebot/disputebot/knowledge"
)

// tlCall is one call the bot made on a tlRecorder.
type tlCall struct {
	resp  *discordgo.InteractionResponse // Respond
	edit  *discordgo.WebhookEdit         // EditOriginal
	files []tlFile                       // of either, read
}

type tlFile struct {
	name, contentType string
	data              []byte
}

// tlRecorder is a Responder that keeps what the bot sends.
type tlRecorder struct {
	mu    sync.Mutex
	calls []tlCall
}

func readFiles(fs []*discordgo.File) []tlFile {
	var out []tlFile
	for _, f := range fs {
		data, _ := io.ReadAll(f.Reader)
		out = append(out, tlFile{f.Name, f.ContentType, data})
	}
	return out
}

func (r *tlRecorder) Respond(_ context.Context, _ *discordgo.Interaction, resp *discordgo.InteractionResponse) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	c := tlCall{resp: resp}
	if resp.Data != nil {
		c.files = readFiles(resp.Data.Files)
	}
	r.calls = append(r.calls, c)
	return nil
}

func (r *tlRecorder) EditOriginal(_ context.Context, _ *discordgo.Interaction, e *discordgo.WebhookEdit, files []*discordgo.File) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.calls = append(r.calls, tlCall{edit: e, files: readFiles(files)})
	return nil
}

const tlGuild = "111111111111111111"

func tlBot(t *testing.T, budget time.Duration, extra ...*knowledge.Article) *Bot {
	t.Helper()
	arts, err := knowledge.DefaultCorpus()
	if err != nil {
		t.Fatal(err)
	}
	return New(Config{
		Library: library(append(arts, extra...)), Logger: slog.New(slog.NewTextHandler(io.Discard, nil)),
		ReplyBudget: budget, WorkTimeout: time.Minute, RateLimit: 1000,
	})
}

var tlSeq atomic.Int64

func tlInteraction(typ discordgo.InteractionType, data discordgo.InteractionData) *discordgo.Interaction {
	// A real snowflake: the bot measures Discord's deadline from the time
	// an interaction's id records.
	id := strconv.FormatInt((time.Now().UnixMilli()-1420070400000)<<22|tlSeq.Add(1)&0xfff, 10)
	return &discordgo.Interaction{
		ID: id, Token: "token-" + id, AppID: "42", Type: typ, Data: data, GuildID: tlGuild,
		Member: &discordgo.Member{User: &discordgo.User{ID: "7"}},
	}
}

// tlCommand runs /timeline with string options given as name, value pairs.
func tlCommand(t *testing.T, b *Bot, opts ...string) []tlCall {
	t.Helper()
	data := discordgo.ApplicationCommandInteractionData{Name: cmdTimeline}
	for i := 0; i+1 < len(opts); i += 2 {
		data.Options = append(data.Options, &discordgo.ApplicationCommandInteractionDataOption{
			Name: opts[i], Type: discordgo.ApplicationCommandOptionString, Value: opts[i+1],
		})
	}
	r := &tlRecorder{}
	b.Handle(r, tlInteraction(discordgo.InteractionApplicationCommand, data))
	return r.calls
}

func tlClick(b *Bot, customID string) []tlCall {
	r := &tlRecorder{}
	b.Handle(r, tlInteraction(discordgo.InteractionMessageComponent, discordgo.MessageComponentInteractionData{
		CustomID: customID, ComponentType: discordgo.ButtonComponent,
	}))
	return r.calls
}

// tlPage is what one reply of /timeline shows.
type tlPage struct {
	typ        discordgo.InteractionResponseType
	content    string
	ephemeral  bool
	embed      *discordgo.MessageEmbed
	lines      []string
	prev, next discordgo.Button
	files      []tlFile
	// attachments is the message's "attachments" field: nil when absent.
	attachments *[]*discordgo.MessageAttachment
}

// tlOnly reads the single reply a call made, or its edit after a
// deferral.
func tlOnly(t *testing.T, calls []tlCall) tlPage {
	t.Helper()
	var p tlPage
	switch {
	case len(calls) == 1 && calls[0].resp != nil:
		d := calls[0].resp.Data
		p = tlPage{typ: calls[0].resp.Type, content: d.Content, ephemeral: d.Flags&discordgo.MessageFlagsEphemeral != 0, attachments: d.Attachments}
		if d.AllowedMentions == nil || d.AllowedMentions.Parse == nil || len(d.AllowedMentions.Parse) != 0 {
			t.Error("reply may ping: allowed_mentions.parse is not an empty list")
		}
		if len(d.Embeds) > 0 {
			p.embed = d.Embeds[0]
		}
		p.prev, p.next = tlButtons(d.Components)
	case len(calls) == 2 && calls[0].resp != nil && calls[1].edit != nil:
		e := calls[1].edit
		p = tlPage{typ: calls[0].resp.Type, content: *e.Content, attachments: e.Attachments}
		if len(*e.Embeds) > 0 {
			p.embed = (*e.Embeds)[0]
		}
		p.prev, p.next = tlButtons(*e.Components)
	default:
		t.Fatalf("want one reply, or a deferral and an edit; got %d calls", len(calls))
	}
	p.files = calls[len(calls)-1].files
	if p.embed != nil {
		p.lines = strings.Split(p.embed.Description, "\n")
	}
	return p
}

func tlButtons(cs []discordgo.MessageComponent) (prev, next discordgo.Button) {
	for _, c := range cs {
		row, ok := c.(discordgo.ActionsRow)
		if !ok || len(row.Components) != 2 {
			continue
		}
		prev, _ = row.Components[0].(discordgo.Button)
		next, _ = row.Components[1].(discordgo.Button)
	}
	return prev, next
}

var tlLineDate = regexp.MustCompile(`^\*\*([0-9]{1,2} [A-Z][a-z]{2} [0-9]{4})\*\* · ([A-Za-z ]+) — .+`)

// tlDates reads the dates of a page's lines, checking their form.
func tlDates(t *testing.T, p tlPage) []time.Time {
	t.Helper()
	var out []time.Time
	for _, l := range p.lines {
		m := tlLineDate.FindStringSubmatch(l)
		if m == nil {
			t.Errorf("line not \"**date** · Topic — text — source\": %q", l)
			continue
		}
		d, err := time.Parse("2 Jan 2006", m[1])
		if err != nil {
			t.Errorf("line %q: %v", l, err)
		}
		out = append(out, d)
	}
	return out
}

// tlCheckChart checks that a page carries the chart: one PNG file of the
// chart's size, shown as the embed's image. It reads the PNG's header
// only: decoding whole pictures is slow under -race, and bot/chart tests
// the pictures themselves.
func tlCheckChart(t *testing.T, p tlPage) {
	t.Helper()
	if len(p.files) != 1 || p.files[0].name != timelineFile || p.files[0].contentType != "image/png" {
		t.Fatalf("files %+v, want one %s", p.files, timelineFile)
	}
	cfg, err := png.DecodeConfig(bytes.NewReader(p.files[0].data))
	if err != nil {
		t.Fatalf("attachment is not a PNG: %v", err)
	}
	if cfg.Width != chart.Width || cfg.Height != chart.Height {
		t.Errorf("chart is %dx%d", cfg.Width, cfg.Height)
	}
	if p.embed == nil || p.embed.Image == nil || p.embed.Image.URL != "attachment://"+timelineFile {
		t.Errorf("the embed does not show the chart: %+v", p.embed)
	}
}

// tlCheckLimits checks an embed against Discord's limits.
func tlCheckLimits(t *testing.T, e *discordgo.MessageEmbed) {
	t.Helper()
	if n := length(e.Description); n > maxEmbedDesc {
		t.Errorf("description is %d characters", n)
	}
	if n := embedLength(e); n > maxEmbedsTotal {
		t.Errorf("embed is %d characters", n)
	}
	if length(e.Title) > maxEmbedTitle {
		t.Errorf("title is %d characters", length(e.Title))
	}
}

func TestTimelinePaging(t *testing.T) {
	b := tlBot(t, time.Minute)
	all := knowledge.Timeline(knowledge.Visible(mustCorpus(t), tlGuild), knowledge.TimelineFilter{})
	pages := (len(all) + timelinePageSize - 1) / timelinePageSize

	first := tlOnly(t, tlCommand(t, b))
	if first.typ != discordgo.InteractionResponseChannelMessageWithSource || first.ephemeral {
		t.Fatalf("reply type %d, ephemeral %v; want a public message", first.typ, first.ephemeral)
	}
	tlCheckChart(t, first)
	if _, err := png.Decode(bytes.NewReader(first.files[0].data)); err != nil {
		t.Errorf("the chart does not decode: %v", err)
	}
	tlCheckLimits(t, first.embed)
	if len(first.lines) != timelinePageSize {
		t.Errorf("%d lines on the first page, want %d", len(first.lines), timelinePageSize)
	}
	if !strings.HasPrefix(first.lines[0], "**22 Jun 1965** · Other — ") || !strings.Contains(first.lines[0], "](https://") {
		t.Errorf("first line %q, want the 1965 treaty with a source link", first.lines[0])
	}
	if want := strconv.Itoa(len(all)) + " events · page 1 of " + strconv.Itoa(pages); !strings.HasPrefix(first.embed.Footer.Text, want) {
		t.Errorf("footer %q, want %q", first.embed.Footer.Text, want)
	}
	if !first.prev.Disabled || first.next.Disabled || !strings.HasPrefix(first.next.CustomID, "timeline:") || !strings.HasSuffix(first.next.CustomID, ":1") {
		t.Fatalf("buttons %+v %+v", first.prev, first.next)
	}

	// Walk every page with Next: dates never go back, every event shows
	// once, and each page carries the chart in place of the old one.
	seen := slices.Clone(first.lines)
	dates := tlDates(t, first)
	p := first
	for n := 2; n <= pages; n++ {
		p = tlOnly(t, tlClick(b, p.next.CustomID))
		if p.typ != discordgo.InteractionResponseUpdateMessage {
			t.Fatalf("page %d: reply type %d, want an update", n, p.typ)
		}
		tlCheckChart(t, p)
		if !bytes.Equal(p.files[0].data, first.files[0].data) {
			t.Errorf("page %d shows another chart than page 1", n)
		}
		tlCheckLimits(t, p.embed)
		if p.attachments == nil || len(*p.attachments) != 0 {
			t.Errorf("page %d: attachments %v, want an empty list so that the new chart replaces the old", n, p.attachments)
		}
		if !strings.Contains(p.embed.Footer.Text, "page "+strconv.Itoa(n)+" of") {
			t.Errorf("page %d: footer %q", n, p.embed.Footer.Text)
		}
		seen = append(seen, p.lines...)
		dates = append(dates, tlDates(t, p)...)
	}
	if !p.next.Disabled || p.prev.Disabled {
		t.Errorf("last page: Next disabled %v, Previous disabled %v", p.next.Disabled, p.prev.Disabled)
	}
	if len(seen) != len(all) {
		t.Errorf("%d lines over all pages, want %d events", len(seen), len(all))
	}
	if !slices.IsSortedFunc(dates, time.Time.Compare) {
		t.Error("events are not in date order across pages")
	}

	// Previous from page 2 gives page 1 again.
	second := tlOnly(t, tlClick(b, first.next.CustomID))
	back := tlOnly(t, tlClick(b, second.prev.CustomID))
	if !slices.Equal(back.lines, first.lines) {
		t.Errorf("Previous did not lead back to the first page")
	}
}

func mustCorpus(t *testing.T) []*knowledge.Article {
	t.Helper()
	arts, err := knowledge.DefaultCorpus()
	if err != nil {
		t.Fatal(err)
	}
	return arts
}

func TestTimelineFilters(t *testing.T) {
	b := tlBot(t, time.Minute)
	for _, tc := range []struct {
		name     string
		opts     []string
		topic    string // every line's
		from, to string // YYYY-MM-DD bounds of every line
		lines    int    // on the first page
		buttons  bool
	}{
		{"topic and a year", []string{optTopic, "export-controls", optFrom, "2019", optTo, "2019"}, "Export controls", "2019-01-01", "2019-12-31", 10, true},
		{"a month, to its last day", []string{optFrom, "2019-12", optTo, "2019-12"}, "", "2019-12-01", "2019-12-31", 8, false},
		{"one day", []string{optFrom, "2019-12-16", optTo, "2019-12-16"}, "", "2019-12-16", "2019-12-16", 2, false},
		{"topic only", []string{optTopic, "north-korea"}, "", "", "", 0, false}, // none in the corpus: see TestTimelineEmpty
		{"open end", []string{optTopic, "talks", optFrom, "2023-01-01"}, "Diplomatic talks", "2023-01-01", "", 3, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			p := tlOnly(t, tlCommand(t, b, tc.opts...))
			if tc.lines == 0 {
				if !p.ephemeral || p.embed != nil {
					t.Errorf("want an ephemeral note, got %+v", p)
				}
				return
			}
			tlCheckChart(t, p)
			if len(p.lines) != tc.lines {
				t.Errorf("%d lines, want %d:\n%s", len(p.lines), tc.lines, p.embed.Description)
			}
			if (p.next.CustomID != "") != tc.buttons {
				t.Errorf("paging buttons: %v, want %v", p.next.CustomID != "", tc.buttons)
			}
			for i, d := range tlDates(t, p) {
				if tc.from != "" && d.Format(knowledge.DateLayout) < tc.from || tc.to != "" && d.Format(knowledge.DateLayout) > tc.to {
					t.Errorf("line %q outside %s to %s", p.lines[i], tc.from, tc.to)
				}
				if tc.topic != "" && !strings.Contains(p.lines[i], "** · "+tc.topic+" — ") {
					t.Errorf("line %q not about %s", p.lines[i], tc.topic)
				}
			}
		})
	}
}

func TestTimelineBadInput(t *testing.T) {
	b := tlBot(t, time.Minute)
	for _, tc := range []struct {
		name string
		opts []string
		want string
	}{
		{"bad from", []string{optFrom, "yesterday"}, "`from`: \"yesterday\" is not a date"},
		{"bad to", []string{optTo, "2019-13"}, "`to`: "},
		{"inverted", []string{optFrom, "2020", optTo, "2019"}, "The date range ends (2019-12-31) before it starts (2020-01-01)"},
		{"bad topic", []string{optTopic, "sports"}, "Unknown topic"},
		{"nothing then", []string{optFrom, "2030-01-01"}, "no dated events in the dates you gave"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := tlOnly(t, tlCommand(t, b, tc.opts...))
			if !p.ephemeral || !strings.Contains(p.content, tc.want) || len(p.files) != 0 {
				t.Errorf("reply %q (ephemeral %v, %d files), want an ephemeral %q", p.content, p.ephemeral, len(p.files), tc.want)
			}
		})
	}
}

func TestTimelineExpired(t *testing.T) {
	b := tlBot(t, time.Minute)
	for _, id := range []string{"timeline:nosuchkey:1", "timeline::0"} {
		p := tlOnly(t, tlClick(b, id))
		if !p.ephemeral || !strings.Contains(p.content, "expired") {
			t.Errorf("%s: reply %q, want an ephemeral note that it expired", id, p.content)
		}
	}
}

// TestTimelineDeferred checks the slow path: the chart goes with the edit
// that replaces the "thinking" message.
func TestTimelineDeferred(t *testing.T) {
	b := tlBot(t, time.Nanosecond)
	calls := tlCommand(t, b, optTopic, "talks")
	p := tlOnly(t, calls)
	if len(calls) != 2 || p.typ != discordgo.InteractionResponseDeferredChannelMessageWithSource {
		t.Fatalf("want a deferral and an edit, got %d calls, type %d", len(calls), p.typ)
	}
	tlCheckChart(t, p)
	if p.attachments == nil || len(*p.attachments) != 0 {
		t.Errorf("edit attachments %v, want an empty list", p.attachments)
	}
}

// TestTimelineGuildAndEscaping checks that a server sees its own articles'
// events, others do not, and their text cannot format or ping.
func TestTimelineGuildAndEscaping(t *testing.T) {
	own := &knowledge.Article{
		ID: "note-guild", Title: "Background: a server's note", Publisher: "a server", Kind: knowledge.KindNote,
		Published: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), Scope: tlGuild, Body: []knowledge.Paragraph{{Text: "x"}},
		Sources: []knowledge.Source{{Title: "Where (it) came from", URL: "https://example.org/a_(b)"}},
		Events: []knowledge.Event{{
			Date: time.Date(2031, 5, 1, 0, 0, 0, 0, time.UTC), Topic: knowledge.TopicTalks,
			Text: "**Loud** [click](https://evil.example) @everyone <@&123> `code`",
		}},
	}
	b := tlBot(t, time.Minute, own)
	p := tlOnly(t, tlCommand(t, b, optFrom, "2031"))
	if len(p.lines) != 1 {
		t.Fatalf("lines %q, want the server's event", p.lines)
	}
	line := p.lines[0]
	for _, bad := range []string{"**Loud**", "[click](", "@everyone", "<@&123>", "`code`"} {
		if strings.Contains(line, bad) {
			t.Errorf("line %q keeps %q unescaped", line, bad)
		}
	}
	if !strings.HasSuffix(line, "[source](https://example.org/a_%28b%29)") {
		t.Errorf("line %q does not end with its source link", line)
	}

	other := &tlRecorder{}
	i := tlInteraction(discordgo.InteractionApplicationCommand, discordgo.ApplicationCommandInteractionData{
		Name: cmdTimeline, Options: []*discordgo.ApplicationCommandInteractionDataOption{
			{Name: optFrom, Type: discordgo.ApplicationCommandOptionString, Value: "2031"},
		},
	})
	i.GuildID = "222222222222222222"
	b.Handle(other, i)
	if p := tlOnly(t, other.calls); !p.ephemeral {
		t.Errorf("another server sees the event: %+v", p.lines)
	}
}

// TestTimelineLineFits checks that even long texts and links keep a page
// within Discord's limits.
func TestTimelineLineFits(t *testing.T) {
	long := knowledge.TimelineEntry{
		Date: time.Date(2019, 7, 4, 0, 0, 0, 0, time.UTC), Topic: knowledge.TopicExportControls,
		Text:   strings.Repeat("a very long event text ", 40),
		Source: knowledge.Source{Title: strings.Repeat("t", 300), URL: "https://example.org/" + strings.Repeat("p", 1500)},
	}
	for _, e := range []knowledge.TimelineEntry{long, {Date: long.Date, Topic: long.Topic, Text: "short", Source: knowledge.Source{URL: "https://example.org/x"}}} {
		line := timelineEntryLine(e)
		if n := length(line); n > timelineLine {
			t.Errorf("line is %d characters, more than %d: %q", n, timelineLine, line)
		}
		if !strings.HasPrefix(line, "**4 Jul 2019** · Export controls — ") {
			t.Errorf("line %q", line)
		}
	}
}

func TestTimelineCommandDefinition(t *testing.T) {
	var def *discordgo.ApplicationCommand
	for _, c := range Commands() {
		if c.Name == cmdTimeline {
			def = c
		}
	}
	if def == nil {
		t.Fatal("/timeline is not registered")
	}
	if n := len([]rune(def.Description)); n < 1 || n > 100 {
		t.Errorf("description is %d characters", n)
	}
	var names []string
	for _, o := range def.Options {
		names = append(names, o.Name)
		if o.Required || len([]rune(o.Description)) > 100 {
			t.Errorf("option %s: required %v, description %q", o.Name, o.Required, o.Description)
		}
	}
	if !slices.Equal(names, []string{optTopic, optFrom, optTo}) {
		t.Errorf("options %v", names)
	}
	if _, err := json.Marshal(def); err != nil {
		t.Error(err)
	}
}

// TestTopicColorsMatchChart keeps the chart's markers and the embeds'
// stripes in the same colours.
func TestTopicColorsMatchChart(t *testing.T) {
	want := map[knowledge.Topic]int{ // written out, so that a change to the colours is seen
		knowledge.TopicTalks:          0x3b82f6,
		knowledge.TopicLaborRuling:    0xd97706,
		knowledge.TopicExportControls: 0x059669,
		knowledge.TopicNorthKorea:     0x7c3aed,
		knowledge.TopicOther:          0x6b7280,
	}
	for _, topic := range knowledge.Topics {
		c := chart.TopicColor(topic)
		if got := int(c.R)<<16 | int(c.G)<<8 | int(c.B); got != want[topic] || topicColor([]knowledge.Topic{topic}) != want[topic] {
			t.Errorf("%s: chart %06x, embeds %06x, want %06x", topic, got, topicColor([]knowledge.Topic{topic}), want[topic])
		}
	}
	if got := topicColor(nil); got != want[knowledge.TopicOther] {
		t.Errorf("no topic: embeds %06x, want other's %06x", got, want[knowledge.TopicOther])
	}
}

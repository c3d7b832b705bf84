package bot

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"strings"
	"sync"

	"github.com/bwmarrin/discordgo"

	"github.com/disputebot/disputebot/bot/chart"
	"github.com/disputebot/disputebot/knowledge"
)

// cmdTimeline is the name of the /timeline command.
const cmdTimeline = "timeline"

// Paging and picture of /timeline.
const (
	timelinePageSize = 10
	timelineFile     = "timeline.png"
	// timelineLine bounds one event's line, so that a full page stays
	// well inside an embed's description.
	timelineLine = (maxEmbedDesc - 96) / timelinePageSize
)

// timelineCommand is the definition of /timeline.
func timelineCommand(contexts *[]discordgo.InteractionContextType) *discordgo.ApplicationCommand {
	return &discordgo.ApplicationCommand{
		Name:        cmdTimeline,
		Description: "The dated events of the dispute in order, each with its source, and a chart of them",
		Contexts:    contexts,
		Options: []*discordgo.ApplicationCommandOption{
			{
				Type: discordgo.ApplicationCommandOptionString, Name: optTopic,
				Description: "Only events about this topic", Choices: topicChoices(knowledge.Topics...),
			},
			dateOption(optFrom, "Events on or after this date (YYYY-MM-DD, YYYY-MM or YYYY)"),
			dateOption(optTo, "Events on or before this date (YYYY-MM-DD, YYYY-MM or YYYY)"),
		},
	}
}

// timeline lists the dated events of the corpus in date order, a page at a
// time, with a chart of all of them: the command the first page, its Next
// and Previous buttons the others, with the filter the first page stored.
func (b *Bot) timeline(ctx context.Context, in *interaction) (*reply, error) {
	f := in.state.timeline
	if !in.turn {
		q, err := query(in, commandOptions(in), "")
		if err != nil {
			return nil, err
		}
		f = knowledge.TimelineFilter{From: q.From, To: q.To}
		if len(q.Topics) > 0 {
			f.Topic = q.Topics[0]
		}
		if err := f.Validate(); err != nil {
			return nil, err
		}
	}
	return b.timelinePage(in, f, in.key, in.page), nil
}

// timelinePage shows one page of the timeline: key is the paging state of
// the buttons, "" to store f under a new one when there is more than a
// page. Every page carries the chart, so that turning pages never leaves
// the picture behind or shows it twice.
func (b *Bot) timelinePage(in *interaction, f knowledge.TimelineFilter, key string, page int) *reply {
	entries := knowledge.Timeline(b.library.Articles(in.guild), f)
	if len(entries) == 0 {
		msg := "My corpus has no dated events"
		if f.Topic != "" {
			msg += " about " + f.Topic.Label()
		}
		if !f.From.IsZero() || !f.To.IsZero() {
			msg += " in the dates you gave"
		}
		return &reply{ephemeral: true, content: msg + ". Try `/timeline` without filters, or `/about` to see what I cover."}
	}
	pages := (len(entries) + timelinePageSize - 1) / timelinePageSize
	page = min(max(page, 0), pages-1)
	if key == "" && pages > 1 {
		key = b.pageStates.put(pageState{timeline: f})
	}
	var lines []string
	for _, e := range entries[page*timelinePageSize : min(len(entries), (page+1)*timelinePageSize)] {
		lines = append(lines, timelineEntryLine(e))
	}
	title, noun := chart.TimelineTitle(f), "events"
	if len(entries) == 1 {
		noun = "event"
	}
	color := 0x64748b
	if f.Topic != "" {
		color = topicColor([]knowledge.Topic{f.Topic})
	}
	e := &discordgo.MessageEmbed{
		Title:       text(title, maxEmbedTitle),
		Description: strings.Join(lines, "\n"),
		Color:       color,
		Footer: &discordgo.MessageEmbedFooter{Text: fmt.Sprintf("%d %s · page %d of %d · background notes are the project's own summaries, linked to their sources",
			len(entries), noun, page+1, pages)},
	}
	r := &reply{embeds: []*discordgo.MessageEmbed{e}, components: pageButtons("timeline:"+key, page, page+1 < pages)}
	// The list stands on its own: a chart that cannot be drawn is logged
	// and left out rather than failing the reply.
	if img, err := b.charts.draw(entries, title); err != nil {
		b.log.Error("draw timeline chart", "interaction", in.ID, "err", err)
	} else {
		e.Image = &discordgo.MessageEmbedImage{URL: "attachment://" + timelineFile}
		r.files = []*discordgo.File{{Name: timelineFile, ContentType: "image/png", Reader: bytes.NewReader(img)}}
	}
	return fit(r)
}

// timelineEntryLine is one event: "**16 Dec 2019** · Export controls —
// text — [source](url)", the text clipped so that the line fits its share
// of the page.
func timelineEntryLine(e knowledge.TimelineEntry) string {
	head := "**" + date(e.Date) + "** · " + e.Topic.Label() + " — "
	src := ""
	switch u := safeURL(e.Source.URL); {
	case u != "" && length(u) <= timelineLine/2:
		src = link("source", u, 2*length(u)+16)
	case e.Source.Title != "":
		src = "source: " + text(e.Source.Title, 60)
	}
	room := timelineLine - length(head) - length(src) - 3
	line := head + text(e.Text, max(room, 40))
	if src != "" {
		line += " — " + src
	}
	return line
}

// maxCharts is the number of charts a bot keeps drawn.
const maxCharts = 16

// chartCache keeps the last timeline charts drawn. Every page of a
// timeline carries the same chart, and drawing one takes tens of
// milliseconds, so a page turn reuses it. The key is the chart's input
// itself, so that a change to the corpus can never serve a stale picture.
type chartCache struct {
	mu    sync.Mutex
	max   int
	items map[[sha256.Size]byte][]byte
	order [][sha256.Size]byte // oldest first
}

func newChartCache(max int) *chartCache {
	return &chartCache{max: max, items: map[[sha256.Size]byte][]byte{}}
}

// draw returns the chart of entries, drawn now or before. The PNG bytes
// are shared: callers only read them.
func (c *chartCache) draw(entries []knowledge.TimelineEntry, title string) ([]byte, error) {
	key := chartKey(entries, title)
	c.mu.Lock()
	img, ok := c.items[key]
	c.mu.Unlock()
	if ok {
		return img, nil
	}
	img, err := chart.TimelinePNG(entries, title)
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.items[key]; !ok {
		if len(c.order) >= c.max {
			delete(c.items, c.order[0])
			c.order = c.order[1:]
		}
		c.items[key] = img
		c.order = append(c.order, key)
	}
	return img, nil
}

// chartKey digests everything the chart shows; lengths go before strings
// so that no two inputs run together into the same bytes.
func chartKey(entries []knowledge.TimelineEntry, title string) [sha256.Size]byte {
	h := sha256.New()
	put := func(s string) {
		h.Write(binary.AppendUvarint(nil, uint64(len(s))))
		h.Write([]byte(s))
	}
	put(title)
	for _, e := range entries {
		put(e.Date.Format(knowledge.DateLayout))
		put(string(e.Topic))
		put(e.Text)
	}
	var key [sha256.Size]byte
	h.Sum(key[:0])
	return key
}

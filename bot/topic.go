package bot

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/disputebot/disputebot/knowledge"
)

// topicPageSize is the number of articles a page of /topic shows.
const topicPageSize = 5

// topic gives an overview of one strand of the dispute: the key passage of
// every article about it, in date order, a page at a time.
func (b *Bot) topic(ctx context.Context, in *interaction) (*reply, error) {
	t := in.state.topic
	if !in.turn {
		var err error
		if t, err = knowledge.ParseTopic(commandOptions(in).str(optName)); err != nil {
			return nil, err
		}
	}
	return b.topicPage(in.guild, t, in.page), nil
}

// topicPages is the pager of /topic: its buttons carry the topic's name.
func topicPages(key string) (pageState, bool) {
	t, err := knowledge.ParseTopic(key)
	return pageState{topic: t}, err == nil
}

// topicEntry is one article's key passage on a topic.
type topicEntry struct {
	article *knowledge.Article
	passage knowledge.Passage
	when    time.Time
}

// storyDate is when an article's story happened: its publication date, or
// for a note, the date of its first event.
func storyDate(a *knowledge.Article) time.Time {
	if a.Kind == knowledge.KindNote {
		var first time.Time
		for _, e := range a.Events {
			if first.IsZero() || e.Date.Before(first) {
				first = e.Date
			}
		}
		if !first.IsZero() {
			return first
		}
	}
	return a.Published
}

func (b *Bot) topicEntries(guild string, t knowledge.Topic) []topicEntry {
	var out []topicEntry
	for _, a := range b.library.Articles(guild) {
		for _, p := range a.Passages() {
			if p.Kind != knowledge.KindCaption && slices.Contains(p.Topics, t) {
				out = append(out, topicEntry{article: a, passage: p, when: storyDate(a)})
				break
			}
		}
	}
	slices.SortStableFunc(out, func(x, y topicEntry) int {
		if c := x.when.Compare(y.when); c != 0 {
			return c
		}
		return strings.Compare(x.article.ID, y.article.ID)
	})
	return out
}

func (b *Bot) topicPage(guild string, t knowledge.Topic, page int) *reply {
	entries := b.topicEntries(guild, t)
	if len(entries) == 0 {
		return &reply{ephemeral: true, content: "My corpus has nothing on " + t.Label() + " yet."}
	}
	pages := (len(entries) + topicPageSize - 1) / topicPageSize
	page = min(max(page, 0), pages-1)
	e := &discordgo.MessageEmbed{
		Title: t.Label() + ": an overview in date order",
		Color: topicColor([]knowledge.Topic{t}),
		Footer: &discordgo.MessageEmbedFooter{Text: fmt.Sprintf("%d sources · page %d of %d · background notes are the project's own summaries, with their sources",
			len(entries), page+1, pages)},
	}
	for _, en := range entries[page*topicPageSize : min(len(entries), (page+1)*topicPageSize)] {
		a := en.article
		label := date(en.when) + " · " + a.Title
		if a.Kind == knowledge.KindNote {
			label = date(en.when) + " · Background note: " + strings.TrimPrefix(a.Title, "Background: ")
		}
		src := text(a.Publisher, 100)
		if u := safeURL(a.URL); u != "" {
			src = link(a.Publisher, u, 300)
		} else if len(a.Sources) > 0 {
			src += " · from " + link(a.Sources[0].Title, a.Sources[0].URL, 300)
		}
		value := text(en.passage.Text, maxFieldValue-length(src)-8) + "\n— " + src
		e.Fields = append(e.Fields, &discordgo.MessageEmbedField{Name: clip(label, maxFieldName), Value: value})
	}
	return fit(&reply{embeds: []*discordgo.MessageEmbed{e}, components: pageButtons("topic:"+string(t), page, page+1 < pages)})
}

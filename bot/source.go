package bot

import (
	"context"
	"strconv"
	"strings"

	"github.com/bwmarrin/discordgo"

	"github.com/disputebot/disputebot/knowledge"
)

// source shows one article: its metadata, opening paragraphs and link.
func (b *Bot) source(ctx context.Context, in *interaction) (*reply, error) {
	want := commandOptions(in).str(optArticle)
	a := b.findArticle(in.guild, want)
	if a == nil {
		return &reply{ephemeral: true, content: "I can't find that article. Start typing its title and pick one from the list."}, nil
	}
	return fit(&reply{embeds: []*discordgo.MessageEmbed{sourceEmbed(a)}}), nil
}

// findArticle finds an article by id, or by title when the user typed one
// instead of picking a suggestion.
func (b *Bot) findArticle(guild, want string) *knowledge.Article {
	arts := b.library.Articles(guild)
	for _, a := range arts {
		if a.ID == want {
			return a
		}
	}
	w := strings.ToLower(strings.TrimSpace(want))
	if w == "" {
		return nil
	}
	for _, a := range arts {
		if strings.Contains(strings.ToLower(a.Title), w) {
			return a
		}
	}
	return nil
}

func sourceEmbed(a *knowledge.Article) *discordgo.MessageEmbed {
	e := &discordgo.MessageEmbed{
		Title: text(a.Title, maxEmbedTitle),
		URL:   safeURL(a.URL),
		Color: topicColor(a.Topics),
	}
	var body []string
	used := 0
	for _, p := range a.Body {
		t := p.Text
		if p.Caption {
			t = "Photo caption: " + t
		}
		para := text(t, 900)
		if used+length(para) > 1800 {
			break
		}
		used += length(para) + 2
		body = append(body, para)
	}
	if len(body) < len(a.Body) {
		body = append(body, knowledge.Ellipsis)
	}
	e.Description = strings.Join(body, "\n\n")
	field := func(name, value string) {
		if strings.TrimSpace(value) != "" {
			e.Fields = append(e.Fields, &discordgo.MessageEmbedField{Name: name, Value: text(value, 200), Inline: true})
		}
	}
	if a.Kind == knowledge.KindNote {
		field("Kind", "Background note written for this bot from the sources below; not a news report")
	} else {
		field("Kind", a.Kind.Label())
	}
	field("Publisher", a.Publisher)
	field("Language", languageName(a.SearchLanguage()))
	field("Published", a.Published.Format("2 January 2006"))
	field("Dateline", a.Dateline)
	field("Byline", a.Byline)
	field("Topics", topicLabels(a.Topics))
	if !a.IsGlobal() {
		field("Added to this server by", a.AddedBy)
	}
	if len(a.Sources) > 0 {
		e.Fields = append(e.Fields, sourcesField(a.Sources, 8))
	}
	if len(a.Reprints) > 0 {
		var links []string
		for i, u := range a.Reprints {
			links = append(links, link("Reprint "+strconv.Itoa(i+1), u, 300))
		}
		e.Fields = append(e.Fields, &discordgo.MessageEmbedField{Name: "Also published at", Value: clipMarkdownSafe(strings.Join(links, "\n"), maxFieldValue)})
	}
	if len(a.Related) > 0 {
		var lines []string
		for _, r := range a.Related {
			lines = append(lines, "• "+text(r, 200))
		}
		e.Fields = append(e.Fields, &discordgo.MessageEmbedField{Name: "Related coverage (headlines the original linked to)", Value: clipMarkdownSafe(strings.Join(lines, "\n"), maxFieldValue)})
	}
	e.Footer = &discordgo.MessageEmbedFooter{Text: "id: " + a.ID}
	return e
}

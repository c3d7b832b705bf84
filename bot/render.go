package bot

import (
	"fmt"
	"net/url"
	"strings"
	"unicode"
	"unicode/utf16"

	"github.com/bwmarrin/discordgo"

	"github.com/disputebot/disputebot/bot/chart"
	"github.com/disputebot/disputebot/bot/markdown"
	"github.com/disputebot/disputebot/knowledge"
)

// Discord's message limits, in characters. Discord counts UTF-16 code units,
// so that is what length counts.
const (
	maxContent     = 2000
	maxEmbeds      = 10
	maxEmbedTitle  = 256
	maxEmbedDesc   = 4096
	maxFields      = 25
	maxFieldName   = 256
	maxFieldValue  = 1024
	maxFooter      = 2048
	maxEmbedsTotal = 6000
	maxChoices     = 25
	maxChoiceLen   = 100
	maxButtonLabel = 80
	maxCustomID    = 100
)

// length is the length of s as Discord counts it.
func length(s string) int {
	n := 0
	for _, r := range s {
		n += len(utf16.Encode([]rune{r}))
	}
	return n
}

// clip shortens plain text to at most n characters, at a word boundary when
// there is one in the last fifth, and marks the cut with an ellipsis.
func clip(s string, n int) string {
	if length(s) <= n {
		return s
	}
	if n <= 1 {
		return ""
	}
	runes := []rune(s)
	cut, used := 0, 0
	for cut < len(runes) {
		w := len(utf16.Encode(runes[cut : cut+1]))
		if used+w > n-1 {
			break
		}
		used += w
		cut++
	}
	if sp := strings.LastIndexFunc(string(runes[:cut]), unicode.IsSpace); sp > 0 {
		if head := []rune(string(runes[:cut])[:sp]); len(head) >= cut*4/5 {
			cut = len(head)
		}
	}
	return strings.TrimRightFunc(string(runes[:cut]), unicode.IsSpace) + knowledge.Ellipsis
}

// text escapes corpus or user text for Discord and fits it in n characters.
// It is clipped before escaping, so that no escape sequence is ever cut.
func text(s string, n int) string {
	s = clip(s, n)
	for esc := markdown.Escape(s); ; esc = markdown.Escape(s) {
		if length(esc) <= n {
			return esc
		}
		s = clip(s, length(s)-(length(esc)-n)-1)
	}
}

// excerpt renders an excerpt in at most n characters, dropping words from
// its end rather than ever cutting inside a bold pair.
func excerpt(ex knowledge.Excerpt, n int) string {
	for {
		md := markdown.Excerpt(ex)
		if length(md) <= n || len(ex.Spans) == 0 {
			return md
		}
		last := &ex.Spans[len(ex.Spans)-1]
		words := strings.Fields(last.Text)
		switch {
		case last.Mark || len(words) <= 1:
			ex.Spans = ex.Spans[:len(ex.Spans)-1]
		default:
			last.Text = strings.Join(words[:len(words)-1], " ")
		}
		// The ellipsis sits against the last word: white space left
		// between two marks, once the second is gone, goes too.
		for len(ex.Spans) > 0 {
			last = &ex.Spans[len(ex.Spans)-1]
			if last.Text = strings.TrimRightFunc(last.Text, unicode.IsSpace); last.Text != "" {
				break
			}
			ex.Spans = ex.Spans[:len(ex.Spans)-1]
		}
		ex.CutAfter = true
	}
}

// safeURL returns u when it is an http(s) link, so that no other scheme is
// ever sent as a link.
func safeURL(u string) string {
	p, err := url.Parse(u)
	if err != nil || (p.Scheme != "http" && p.Scheme != "https") || p.Host == "" {
		return ""
	}
	return u
}

// link is a Markdown link with escaped text, or the escaped text alone when
// the URL is unusable.
func link(label, u string, n int) string {
	u = safeURL(u)
	if u == "" || length(u) > n/2 {
		return text(label, n)
	}
	// Parentheses and spaces would end the link early.
	u = strings.NewReplacer("(", "%28", ")", "%29", " ", "%20").Replace(u)
	return "[" + text(label, n-length(u)-4) + "](" + u + ")"
}

// date formats a publication date the way news does.
func date(d interface{ Format(string) string }) string { return d.Format("2 Jan 2006") }

// topicColor is the colour of an embed about ts, that of its first topic
// (other's when it has none): the colour the timeline chart gives the
// topic.
func topicColor(ts []knowledge.Topic) int {
	t := knowledge.TopicOther
	if len(ts) > 0 {
		t = ts[0]
	}
	c := chart.TopicColor(t)
	return int(c.R)<<16 | int(c.G)<<8 | int(c.B)
}

func topicLabels(ts []knowledge.Topic) string {
	var out []string
	for _, t := range ts {
		out = append(out, t.Label())
	}
	return strings.Join(out, ", ")
}

// sourceFooter describes where a passage comes from, labeling background
// notes so that nobody mistakes them for news reports.
func sourceFooter(publisher string, published interface{ Format(string) string }, kind knowledge.Kind, topics []knowledge.Topic) string {
	parts := []string{publisher, date(published)}
	if kind == knowledge.KindNote {
		parts = []string{"Background note, not a news report · written " + date(published) + " from the sources listed"}
	}
	if kind == knowledge.KindCaption {
		parts = append(parts, "photo caption")
	}
	if t := topicLabels(topics); t != "" {
		parts = append(parts, t)
	}
	return clip(strings.Join(parts, " · "), maxFooter)
}

// hitEmbed shows one passage with its source: the article's title linked to
// its URL, the excerpt, and the publisher, date and topics.
func hitEmbed(h knowledge.Hit, sources []knowledge.Source) *discordgo.MessageEmbed {
	e := &discordgo.MessageEmbed{
		Title:       text(h.Title, maxEmbedTitle),
		URL:         safeURL(h.URL),
		Description: excerpt(h.Excerpt, 1200),
		Color:       topicColor(h.Topics),
		Footer:      &discordgo.MessageEmbedFooter{Text: sourceFooter(h.Publisher, h.Published, h.Kind, h.Topics)},
	}
	if h.Kind == knowledge.KindNote && len(sources) > 0 {
		e.Fields = append(e.Fields, sourcesField(sources, 3))
	}
	return e
}

// sourcesField lists a note's sources as links.
func sourcesField(sources []knowledge.Source, n int) *discordgo.MessageEmbedField {
	var lines []string
	used := 0
	for i, s := range sources {
		if i == n {
			lines = append(lines, fmt.Sprintf("…and %d more (see /source)", len(sources)-n))
			break
		}
		line := "• " + link(s.Title, s.URL, 300)
		if used+length(line)+1 > maxFieldValue-40 {
			lines = append(lines, fmt.Sprintf("…and %d more (see /source)", len(sources)-i))
			break
		}
		used += length(line) + 1
		lines = append(lines, line)
	}
	return &discordgo.MessageEmbedField{Name: "Sources of this note", Value: strings.Join(lines, "\n")}
}

// button makes a paging button; a disabled one keeps the layout steady.
func button(label, customID string, disabled bool) discordgo.Button {
	return discordgo.Button{
		Label: clip(label, maxButtonLabel), Style: discordgo.SecondaryButton,
		CustomID: customID, Disabled: disabled,
	}
}

// pageButtons is the row of Previous/Next buttons, or nothing when there
// is one page only. Their custom ids are "prefix:page" (see route.pager).
func pageButtons(prefix string, page int, more bool) []discordgo.MessageComponent {
	if page == 0 && !more {
		return nil
	}
	return []discordgo.MessageComponent{discordgo.ActionsRow{Components: []discordgo.MessageComponent{
		button("◀ Previous", fmt.Sprintf("%s:%d", prefix, max(page-1, 0)), page == 0),
		button("Next ▶", fmt.Sprintf("%s:%d", prefix, page+1), !more),
	}}}
}

// fit enforces Discord's limits on a reply as a last line of defence:
// renderers already keep within them, but a reply that would be refused is
// trimmed rather than lost.
func fit(r *reply) *reply {
	r.content = clipMarkdownSafe(r.content, maxContent)
	if len(r.embeds) > maxEmbeds {
		r.embeds = r.embeds[:maxEmbeds]
	}
	total := 0
	for i, e := range r.embeds {
		e.Title = clipMarkdownSafe(e.Title, maxEmbedTitle)
		e.Description = clipMarkdownSafe(e.Description, maxEmbedDesc)
		if len(e.Fields) > maxFields {
			e.Fields = e.Fields[:maxFields]
		}
		for _, f := range e.Fields {
			f.Name = clipMarkdownSafe(f.Name, maxFieldName)
			f.Value = clipMarkdownSafe(f.Value, maxFieldValue)
		}
		if e.Footer != nil {
			e.Footer.Text = clip(e.Footer.Text, maxFooter)
		}
		n := embedLength(e)
		if total+n > maxEmbedsTotal {
			r.embeds = r.embeds[:i]
			break
		}
		total += n
	}
	return r
}

func embedLength(e *discordgo.MessageEmbed) int {
	n := length(e.Title) + length(e.Description)
	for _, f := range e.Fields {
		n += length(f.Name) + length(f.Value)
	}
	if e.Footer != nil {
		n += length(e.Footer.Text)
	}
	if e.Author != nil {
		n += length(e.Author.Name)
	}
	return n
}

// clipMarkdownSafe shortens already-rendered Markdown at a line end when it
// can, so that a bold pair or an escape is never cut; renderers are meant to
// have made this unnecessary.
func clipMarkdownSafe(s string, n int) string {
	if length(s) <= n {
		return s
	}
	lines := strings.Split(s, "\n")
	for len(lines) > 1 {
		lines = lines[:len(lines)-1]
		if out := strings.Join(lines, "\n") + "\n" + knowledge.Ellipsis; length(out) <= n {
			return out
		}
	}
	// One long line: drop everything that could be formatting.
	plain := strings.NewReplacer("**", "", `\`, "").Replace(s)
	return text(plain, n)
}

// languageName names the languages of the corpus in their own words, as a
// member reading the list would look for them.
func languageName(code string) string {
	switch code {
	case knowledge.Korean:
		return "한국어 (Korean)"
	case knowledge.Japanese:
		return "日本語 (Japanese)"
	}
	return "English"
}

package bot

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/disputebot/disputebot/knowledge"
)

// Page sizes.
const (
	askPageSize    = 3
	searchPageSize = 5
	searchPool     = knowledge.MaxLimit // passages fetched to group into articles
	topicPageSize  = 5
)

// Orders of /search.
const (
	orderRelevance = "relevance"
	orderNewest    = "newest"
)

// options reads the options of a command by name.
type options map[string]*discordgo.ApplicationCommandInteractionDataOption

func commandOptions(in *interaction) options {
	out := options{}
	for _, o := range in.ApplicationCommandData().Options {
		out[o.Name] = o
	}
	return out
}

// str returns a string option, or "" when it is absent or not a string
// (discordgo's StringValue panics on a type mismatch).
func (o options) str(name string) string {
	opt := o[name]
	if opt == nil {
		return ""
	}
	s, _ := opt.Value.(string)
	return s
}

// query builds a knowledge query from the common options, with errors
// written for the user.
func (b *Bot) query(in *interaction, o options, text string) (knowledge.Query, error) {
	q := knowledge.Query{Text: text, Guild: in.guild}
	if t := o.str(optTopic); t != "" {
		topic, err := knowledge.ParseTopic(t)
		if err != nil {
			return q, userErrorf("%s", knowledge.ErrorMessage(err))
		}
		q.Topics = []knowledge.Topic{topic}
	}
	var err error
	if q.From, err = knowledge.ParseDateBound(o.str(optFrom), false); err != nil {
		return q, userErrorf("`from`: %v", err)
	}
	if q.To, err = knowledge.ParseDateBound(o.str(optTo), true); err != nil {
		return q, userErrorf("`to`: %v", err)
	}
	return q, nil
}

// notCovered is the reply when the corpus has nothing on a question.
func notCovered(q knowledge.Query) *reply {
	var filters []string
	if len(q.Topics) > 0 {
		filters = append(filters, "topic "+q.Topics[0].Label())
	}
	if !q.From.IsZero() || !q.To.IsZero() {
		filters = append(filters, "the date range you gave")
	}
	msg := "That isn't covered by my corpus, so I won't guess."
	if len(filters) > 0 {
		msg = "Nothing in my corpus answers that within " + strings.Join(filters, " and ") + "."
	}
	return &reply{ephemeral: true, content: msg + "\n\nI answer questions about the Japan–South Korea dispute: " +
		"the 2018 wartime-labor rulings, Japan's 2019 export controls and the white lists, GSOMIA, " +
		"and the talks that followed. Try `/ask question: When did Japan tighten export controls?`, " +
		"`/topic`, or `/about`."}
}

func (b *Bot) ask(ctx context.Context, in *interaction) (*reply, error) {
	o := commandOptions(in)
	q, err := b.query(in, o, o.str(optQuestion))
	if err != nil {
		return nil, err
	}
	q.Limit = askPageSize
	if err := q.Normalize(); err != nil {
		return nil, userErrorf("%s", knowledge.ErrorMessage(err))
	}
	ans, err := b.search.Search(ctx, q)
	if err != nil {
		return nil, err
	}
	if len(ans.Hits) == 0 {
		return notCovered(q), nil
	}
	key := b.pages.put(pageState{query: q})
	return b.renderAsk(in.guild, ans, key, 0), nil
}

// renderAsk shows a page of answers: one embed per passage.
func (b *Bot) renderAsk(guild string, ans *knowledge.Answer, key string, page int) *reply {
	arts := b.articlesByID(guild)
	r := &reply{}
	for _, h := range ans.Hits {
		var sources []knowledge.Source
		if a := arts[h.ArticleID]; a != nil {
			sources = a.Sources
		}
		r.embeds = append(r.embeds, hitEmbed(h, sources))
	}
	r.content = fmt.Sprintf("**Answers from the corpus** (%d–%d)", page*askPageSize+1, page*askPageSize+len(ans.Hits))
	r.components = pager("ask:"+key, page, ans.More)
	return fit(r)
}

func (b *Bot) articlesByID(guild string) map[string]*knowledge.Article {
	out := map[string]*knowledge.Article{}
	for _, a := range b.library.Articles(guild) {
		out[a.ID] = a
	}
	return out
}

// searchCmd lists the articles matching a query, best or newest first.
func (b *Bot) searchCmd(ctx context.Context, in *interaction) (*reply, error) {
	o := commandOptions(in)
	text := o.str(optQuery)
	if length(text) > maxQueryLen {
		return nil, userErrorf("Please keep a search under %d characters; `/ask` takes whole questions.", maxQueryLen)
	}
	q, err := b.query(in, o, text)
	if err != nil {
		return nil, err
	}
	q.Limit = searchPool
	if err := q.Normalize(); err != nil {
		return nil, userErrorf("%s", knowledge.ErrorMessage(err))
	}
	order := o.str(optOrder)
	if order != orderNewest {
		order = orderRelevance
	}
	key := b.pages.put(pageState{query: q, order: order})
	return b.searchPage(ctx, in, pageState{query: q, order: order}, key, 0)
}

// articleMatch is an article found by /search with its best passage.
type articleMatch struct {
	hit knowledge.Hit
	n   int // passages matched
}

func (b *Bot) searchPage(ctx context.Context, in *interaction, st pageState, key string, page int) (*reply, error) {
	ans, err := b.search.Search(ctx, st.query)
	if err != nil {
		return nil, err
	}
	var matches []*articleMatch
	byID := map[string]*articleMatch{}
	for _, h := range ans.Hits {
		if m := byID[h.ArticleID]; m != nil {
			m.n++
			continue
		}
		m := &articleMatch{hit: h, n: 1}
		byID[h.ArticleID] = m
		matches = append(matches, m)
	}
	if len(matches) == 0 {
		return &reply{ephemeral: true, content: "No article in my corpus matches that. Try other words, or `/about` to see what I cover."}, nil
	}
	if st.order == orderNewest {
		slices.SortStableFunc(matches, func(a, b *articleMatch) int { return b.hit.Published.Compare(a.hit.Published) })
	}
	pages := (len(matches) + searchPageSize - 1) / searchPageSize
	page = min(max(page, 0), pages-1)
	shown := matches[page*searchPageSize : min(len(matches), (page+1)*searchPageSize)]
	var lines []string
	for _, m := range shown {
		h := m.hit
		line := "**" + link(h.Title, h.URL, 400) + "**\n" + text(h.Publisher, 80) + " · " + date(h.Published)
		if h.Language != "" && h.Language != knowledge.English {
			line += " · " + languageName(h.Language)
		}
		if h.Kind == knowledge.KindNote {
			line = "**" + link(h.Title, h.URL, 400) + "**\nBackground note · " + text(h.Publisher, 80)
		}
		line += "\n> " + excerpt(firstSentence(h.Excerpt), 220)
		lines = append(lines, line)
	}
	orderLabel := "most relevant first"
	if st.order == orderNewest {
		orderLabel = "newest first"
	}
	e := &discordgo.MessageEmbed{
		Title:       text("Search: "+st.query.Text, maxEmbedTitle),
		Description: strings.Join(lines, "\n\n"),
		Color:       0x64748b,
		Footer: &discordgo.MessageEmbedFooter{Text: fmt.Sprintf("%d articles, %s · page %d of %d",
			len(matches), orderLabel, page+1, pages)},
	}
	return fit(&reply{embeds: []*discordgo.MessageEmbed{e}, components: pager("search:"+key, page, page+1 < pages)}), nil
}

// firstSentence keeps an excerpt's first sentence or so, for one-line
// listings.
func firstSentence(ex knowledge.Excerpt) knowledge.Excerpt {
	out := knowledge.Excerpt{CutBefore: ex.CutBefore}
	for i, s := range ex.Spans {
		if !s.Mark {
			if j := strings.Index(s.Text, ". "); j >= 0 {
				out.Spans = append(out.Spans, knowledge.Span{Text: s.Text[:j+1]})
				out.CutAfter = i < len(ex.Spans)-1 || j+2 < len(s.Text)
				return out
			}
		}
		out.Spans = append(out.Spans, s)
	}
	out.CutAfter = ex.CutAfter
	return out
}

// topic gives an overview of one strand of the dispute: the key passage of
// every article about it, in date order.
func (b *Bot) topic(ctx context.Context, in *interaction) (*reply, error) {
	t, err := knowledge.ParseTopic(commandOptions(in).str(optName))
	if err != nil {
		return nil, userErrorf("%s", knowledge.ErrorMessage(err))
	}
	return b.topicPage(in.guild, t, 0), nil
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
	return fit(&reply{embeds: []*discordgo.MessageEmbed{e}, components: pager("topic:"+string(t), page, page+1 < pages)})
}

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

// about says what the bot covers and how big its corpus is.
func (b *Bot) about(ctx context.Context, in *interaction) (*reply, error) {
	arts := b.library.Articles(in.guild)
	perTopic := map[knowledge.Topic]int{}
	passages, own, notes := 0, 0, 0
	var newest time.Time
	for _, a := range arts {
		if !a.IsGlobal() {
			own++
		}
		if a.Kind == knowledge.KindNote {
			notes++
		} else if a.Published.After(newest) {
			newest = a.Published
		}
		for _, p := range a.Passages() {
			passages++
			for _, t := range p.Topics {
				perTopic[t]++
			}
		}
	}
	var counts []string
	for _, t := range knowledge.Topics {
		counts = append(counts, fmt.Sprintf("%s: %d", t.Label(), perTopic[t]))
	}
	e := &discordgo.MessageEmbed{
		Title: "disputebot",
		Description: "I answer questions about the Japan–South Korea dispute — the 2018 wartime-labor rulings, " +
			"Japan's 2019 export controls and the white lists, GSOMIA, the talks and the 2023 settlement — " +
			"with quoted excerpts from a corpus of news articles and background notes, always with their sources. " +
			"When the corpus does not cover a question, I say so rather than guess.\n\n" +
			"`/ask` a question · `/search` the corpus · `/topic` for an overview · `/timeline` of events · " +
			"`/source` for one article · moderators: `/corpus` to add this server's own articles",
		Color: 0x64748b,
		Fields: []*discordgo.MessageEmbedField{
			{Name: "Corpus", Value: fmt.Sprintf("%d articles and notes (%d background notes), %d passages", len(arts), notes, passages), Inline: false},
			{Name: "Passages per topic", Value: strings.Join(counts, "\n"), Inline: true},
		},
		Footer: &discordgo.MessageEmbedFooter{Text: "version " + clip(b.version, 60)},
	}
	if !newest.IsZero() {
		e.Fields = append(e.Fields, &discordgo.MessageEmbedField{Name: "Newest article", Value: newest.Format("2 January 2006"), Inline: true})
	}
	if own > 0 {
		e.Fields = append(e.Fields, &discordgo.MessageEmbedField{Name: "Added by this server", Value: strconv.Itoa(own), Inline: true})
	}
	r := &reply{embeds: []*discordgo.MessageEmbed{e}}
	if pl, ok := b.library.(ProblemLister); ok && b.moderator(in) {
		if problems := pl.CorpusProblems(); len(problems) > 0 {
			// For moderators only: the reply becomes private.
			r.ephemeral = true
			e.Fields = append(e.Fields, problemsField(problems))
		}
	}
	return fit(r), nil
}

// maxProblemsShown bounds the corpus problems /about lists.
const maxProblemsShown = 5

// problemsField lists the corpus files left out, for moderators.
func problemsField(problems []string) *discordgo.MessageEmbedField {
	var b strings.Builder
	for i, p := range problems {
		if i == maxProblemsShown {
			fmt.Fprintf(&b, "… and %d more: run `disputebot corpus check` on the server.\n", len(problems)-i)
			break
		}
		b.WriteString("• " + text(p, 160) + "\n")
	}
	b.WriteString("Fix or remove these files in the corpus directory; the bot picks the change up by itself.")
	return &discordgo.MessageEmbedField{
		Name:  fmt.Sprintf("⚠ %d corpus file(s) left out (shown to moderators only)", len(problems)),
		Value: clip(b.String(), 1024),
	}
}

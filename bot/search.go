package bot

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/bwmarrin/discordgo"

	"github.com/disputebot/disputebot/knowledge"
)

// Paging of /search, and its orders.
const (
	searchPageSize = 5
	searchPool     = knowledge.MaxLimit // passages fetched to group into articles
	orderRelevance = "relevance"
	orderNewest    = "newest"
)

// maxQueryLen is the longest /search query: a search is a few words.
const maxQueryLen = 200

// searchArticles lists the articles matching a query, best or newest
// first, a page at a time: the command the first page, its Next and
// Previous buttons the others, from the query the first page stored.
func (b *Bot) searchArticles(ctx context.Context, in *interaction) (*reply, error) {
	st, key := in.state, in.key
	if !in.turn {
		o := commandOptions(in)
		text := o.str(optQuery)
		if length(text) > maxQueryLen {
			return nil, refusef("Please keep a search under %d characters; `/ask` takes whole questions.", maxQueryLen)
		}
		q, err := query(in, o, text)
		if err != nil {
			return nil, err
		}
		q.Limit = searchPool
		if err := q.Normalize(); err != nil {
			return nil, err
		}
		st = pageState{query: q, order: o.str(optOrder)}
		if st.order != orderNewest {
			st.order = orderRelevance
		}
		key = b.pageStates.put(st)
	}
	return b.searchPage(ctx, st, key, in.page)
}

// articleMatch is an article found by /search with its best passage.
type articleMatch struct {
	hit knowledge.Hit
	n   int // passages matched
}

// searchPage shows one page of the articles matching st's query.
func (b *Bot) searchPage(ctx context.Context, st pageState, key string, page int) (*reply, error) {
	ans, err := b.searcher.Search(ctx, st.query)
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
	return fit(&reply{embeds: []*discordgo.MessageEmbed{e}, components: pageButtons("search:"+key, page, page+1 < pages)}), nil
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

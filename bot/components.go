package bot

import (
	"context"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"

	"github.com/disputebot/disputebot/knowledge"
)

// handleAutocomplete suggests choices while the user types. Discord allows
// no deferral here, so it only looks at titles in memory.
func (b *Bot) handleAutocomplete(r Responder, in *interaction) {
	data := in.ApplicationCommandData()
	var focused *discordgo.ApplicationCommandInteractionDataOption
	opts := data.Options
	if len(opts) == 1 && opts[0].Type == discordgo.ApplicationCommandOptionSubCommand {
		opts = opts[0].Options // /corpus remove article:
	}
	for _, o := range opts {
		if o.Focused {
			focused = o
		}
	}
	var choices []*discordgo.ApplicationCommandOptionChoice
	if focused != nil {
		typed, _ := focused.Value.(string)
		switch {
		case data.Name == cmdSource && focused.Name == optArticle:
			choices = b.articleChoices(in.guild, typed, true)
		case data.Name == cmdSearch && focused.Name == optQuery:
			choices = b.articleChoices(in.guild, typed, false)
		case data.Name == cmdCorpus && b.moderator(in):
			choices = b.removeChoices(in.guild, typed)
		}
	}
	if choices == nil {
		choices = []*discordgo.ApplicationCommandOptionChoice{}
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2500*time.Millisecond)
	defer cancel()
	err := r.Respond(ctx, in.Interaction, &discordgo.InteractionResponse{
		Type: discordgo.InteractionApplicationCommandAutocompleteResult,
		Data: &discordgo.InteractionResponseData{Choices: choices},
	})
	if err != nil {
		b.log.Warn("autocomplete", "interaction", in.ID, "err", err)
	}
}

// articleChoices are the articles whose titles contain every typed word,
// newest first: with ids as values for /source, titles for /search.
func (b *Bot) articleChoices(guild, typed string, byID bool) []*discordgo.ApplicationCommandOptionChoice {
	words := strings.Fields(strings.ToLower(knowledge.CleanQuestion(typed)))
	if len(words) > 10 {
		words = words[:10]
	}
	arts := b.library.Articles(guild)
	type cand struct {
		a    *knowledge.Article
		when time.Time
	}
	var cands []cand
	for _, a := range arts {
		title := strings.ToLower(a.Title + " " + a.Publisher + " " + a.ID)
		ok := true
		for _, w := range words {
			if !strings.Contains(title, w) {
				ok = false
				break
			}
		}
		if ok {
			cands = append(cands, cand{a, storyDate(a)})
		}
	}
	sortNewest := func(i, j int) bool { return cands[i].when.After(cands[j].when) }
	for i := 1; i < len(cands); i++ { // insertion sort: lists are short
		for j := i; j > 0 && sortNewest(j, j-1); j-- {
			cands[j], cands[j-1] = cands[j-1], cands[j]
		}
	}
	var out []*discordgo.ApplicationCommandOptionChoice
	for _, c := range cands {
		if len(out) == maxChoices {
			break
		}
		name := clip(c.a.Title, maxChoiceLen-14) + " (" + c.when.Format("2006-01-02") + ")"
		value := c.a.ID
		if !byID {
			value = clipRunes(c.a.Title, maxChoiceLen)
		}
		out = append(out, &discordgo.ApplicationCommandOptionChoice{Name: clip(name, maxChoiceLen), Value: value})
	}
	return out
}

// clipRunes cuts s to n runes without an ellipsis, for values that are
// searched for rather than read.
func clipRunes(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return strings.TrimSpace(string([]rune(s)[:n]))
}

// handleComponent answers button clicks: the paging buttons of /ask,
// /search, /topic and /timeline. Their custom ids are "kind:key:page" or
// "topic:name:page".
func (b *Bot) handleComponent(r Responder, in *interaction, start time.Time) {
	id := in.MessageComponentData().CustomID
	parts := strings.Split(id, ":")
	if len(parts) != 3 {
		b.log.Warn("unknown component", "custom_id", clip(id, maxCustomID))
		b.respond(r, in, start, &reply{content: "That button no longer works.", ephemeral: true}, false)
		return
	}
	page, err := strconv.Atoi(parts[2])
	if err != nil || page < 0 || page > knowledge.MaxOffset {
		b.respond(r, in, start, &reply{content: "That button no longer works.", ephemeral: true}, false)
		return
	}
	if !b.limiter.allow(in.userID) {
		b.respond(r, in, start, slowDown(), false)
		return
	}
	expired := &reply{content: "These results have expired — please run the command again.", ephemeral: true}
	switch parts[0] {
	case cmdAsk:
		st, ok := b.pages.get(parts[1])
		if !ok {
			b.respond(r, in, start, expired, false)
			return
		}
		b.run(r, in, start, func(ctx context.Context, in *interaction) (*reply, error) {
			q := st.query
			q.Offset = page * askPageSize
			if q.Offset > knowledge.MaxOffset {
				return nil, userErrorf("That's as far as the results go.")
			}
			ans, err := b.search.Search(ctx, q)
			if err != nil {
				return nil, err
			}
			if len(ans.Hits) == 0 {
				return nil, userErrorf("There are no more answers to that question.")
			}
			return b.renderAsk(in.guild, ans, parts[1], page), nil
		}, true)
	case cmdSearch:
		st, ok := b.pages.get(parts[1])
		if !ok {
			b.respond(r, in, start, expired, false)
			return
		}
		b.run(r, in, start, func(ctx context.Context, in *interaction) (*reply, error) {
			return b.searchPage(ctx, in, st, parts[1], page)
		}, true)
	case cmdCorpus:
		if !b.moderator(in) {
			b.respond(r, in, start, notModerator, false)
			return
		}
		b.run(r, in, start, func(ctx context.Context, in *interaction) (*reply, error) {
			return b.corpusList(in, page), nil
		}, true)
	case cmdTopic:
		t, err := knowledge.ParseTopic(parts[1])
		if err != nil {
			b.respond(r, in, start, expired, false)
			return
		}
		b.run(r, in, start, func(ctx context.Context, in *interaction) (*reply, error) {
			return b.topicPage(in.guild, t, page), nil
		}, true)
	case cmdTimeline:
		st, ok := b.pages.get(parts[1])
		if !ok {
			b.respond(r, in, start, expired, false)
			return
		}
		b.run(r, in, start, func(ctx context.Context, in *interaction) (*reply, error) {
			return b.timelinePage(in, st.timeline, parts[1], page), nil
		}, true)
	default:
		b.respond(r, in, start, &reply{content: "That button no longer works.", ephemeral: true}, false)
	}
}

// handleModal answers form submissions: the /corpus add form.
func (b *Bot) handleModal(r Responder, in *interaction, start time.Time) {
	if id := in.ModalSubmitData().CustomID; id != modalAdd {
		b.log.Warn("unexpected modal submission", "custom_id", clip(id, maxCustomID))
		b.respond(r, in, start, &reply{content: "That form is no longer open.", ephemeral: true}, false)
		return
	}
	b.run(r, in, start, b.corpusForm, false)
}

package bot

import (
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"

	"github.com/disputebot/disputebot/knowledge"
)

// idChoices suggests articles for /source article:, by title, with their
// ids as values.
func (b *Bot) idChoices(in *interaction, focused *discordgo.ApplicationCommandInteractionDataOption) []*discordgo.ApplicationCommandOptionChoice {
	if focused.Name != optArticle {
		return nil
	}
	typed, _ := focused.Value.(string)
	return b.articleChoices(in.guild, typed, true)
}

// titleChoices suggests article titles for /search query:.
func (b *Bot) titleChoices(in *interaction, focused *discordgo.ApplicationCommandInteractionDataOption) []*discordgo.ApplicationCommandOptionChoice {
	if focused.Name != optQuery {
		return nil
	}
	typed, _ := focused.Value.(string)
	return b.articleChoices(in.guild, typed, false)
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

// removeChoices suggests the server's own articles for /corpus remove, to
// its moderators only.
func (b *Bot) removeChoices(in *interaction, focused *discordgo.ApplicationCommandInteractionDataOption) []*discordgo.ApplicationCommandOptionChoice {
	if !b.moderator(in) {
		return nil
	}
	typed, _ := focused.Value.(string)
	words := strings.Fields(strings.ToLower(knowledge.CleanQuestion(typed)))
	var out []*discordgo.ApplicationCommandOptionChoice
	for _, a := range b.ownArticles(in.guild) {
		hay := strings.ToLower(a.Title + " " + a.ID)
		if slices.ContainsFunc(words, func(w string) bool { return !strings.Contains(hay, w) }) {
			continue
		}
		out = append(out, &discordgo.ApplicationCommandOptionChoice{
			Name: clip(a.Title+" ("+a.Published.Format("2006-01-02")+")", maxChoiceLen), Value: a.ID,
		})
		if len(out) == maxChoices {
			break
		}
	}
	return out
}

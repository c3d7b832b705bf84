package bot

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/disputebot/disputebot/knowledge"
)

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
	if f := b.feedbackField(ctx, in); f != nil {
		e.Fields = append(e.Fields, f)
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

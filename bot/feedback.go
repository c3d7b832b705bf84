package bot

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/disputebot/disputebot/knowledge"
)

// Feedback closes the loop between what members ask and what moderators
// add: every /ask in a server is recorded, members vote on answers, and
// moderators see the questions the corpus could not answer (/corpus gaps).
// The bot only ever hands it a member's id inside a Ballot, to count one
// vote per member; what is stored, and how, is the store's business
// (package bolt, which cmd/disputebot wires in through app). A nil
// Feedback in Config turns the feature off: nothing is recorded and no
// vote buttons are shown.
type Feedback interface {
	// Record stores an ask; a record with the same guild and answer id
	// replaces the earlier one.
	Record(ctx context.Context, a *knowledge.Asked) error
	// Vote stores a member's vote, replacing the member's earlier vote on
	// the same answer. An answer that is not recorded (any more) is a
	// *knowledge.Error with code ENOTFOUND.
	Vote(ctx context.Context, b knowledge.Ballot) error
	// Report sums up a guild's asks since a time.
	Report(ctx context.Context, guild string, since time.Time) (*knowledge.FeedbackReport, error)
	// Gaps returns a guild's gaps since a time, most asked first.
	Gaps(ctx context.Context, guild string, since time.Time) ([]knowledge.Gap, error)
	// Purge removes every record of a guild.
	Purge(ctx context.Context, guild string) (int, error)
}

// Custom ids of the feedback buttons. A vote button is
// "fb:ANSWER:VOTE", VOTE being knowledge.Vote's String; the Export button
// of /corpus gaps is "gaps:export:0". Both are three parts, like page
// buttons, and their first parts name no command.
const (
	votePrefix   = "fb"
	exportPrefix = "gaps"
	exportID     = exportPrefix + ":export:0"
	subGaps      = "gaps"
	gapsPageSize = 8
)

// recordWait is how long /ask waits for its record to be stored before it
// answers without vote buttons: a slow or failing disk must never cost the
// answer, and a vote on an answer not yet stored would be refused.
const recordWait = 700 * time.Millisecond

// voteID is the custom id of a vote button.
func voteID(answer string, v knowledge.Vote) string {
	return votePrefix + ":" + answer + ":" + v.String()
}

// parseVoteID reads a vote button's custom id. Any client can send any
// custom id, so it accepts only what voteID writes: a valid answer id and
// a vote.
func parseVoteID(id string) (answer string, v knowledge.Vote, ok bool) {
	if len(id) > maxCustomID {
		return "", 0, false
	}
	parts := strings.Split(id, ":")
	if len(parts) != 3 || parts[0] != votePrefix || !knowledge.ValidAnswerID(parts[1]) {
		return "", 0, false
	}
	v, err := knowledge.ParseVote(parts[2])
	if err != nil {
		return "", 0, false
	}
	return parts[1], v, true
}

// voteButtons are the Helpful and Not helpful buttons of an answer.
func voteButtons(answer string) []discordgo.MessageComponent {
	return []discordgo.MessageComponent{
		discordgo.Button{Label: "👍 Helpful", Style: discordgo.SecondaryButton, CustomID: voteID(answer, knowledge.Helpful)},
		discordgo.Button{Label: "👎 Not helpful", Style: discordgo.SecondaryButton, CustomID: voteID(answer, knowledge.NotHelpful)},
	}
}

// askButtons is the row under an answer: paging, then the vote buttons
// when the answer was recorded (answer is not "").
func askButtons(key string, page int, more bool, answer string) []discordgo.MessageComponent {
	rows := pageButtons("ask:"+key, page, more)
	if answer == "" {
		return rows
	}
	if len(rows) == 0 {
		return []discordgo.MessageComponent{discordgo.ActionsRow{Components: voteButtons(answer)}}
	}
	row := rows[0].(discordgo.ActionsRow)
	row.Components = append(row.Components, voteButtons(answer)...)
	return []discordgo.MessageComponent{row}
}

// record stores what was asked and how it was answered, and returns the
// answer id its vote buttons carry, or "" when nothing was recorded
// (feedback off, a DM, or a store too slow or failing: the member gets the
// answer without the buttons, and the log says why).
func (b *Bot) record(in *interaction, q knowledge.Query, ans *knowledge.Answer) string {
	if b.feedback == nil || in.guild == "" {
		return ""
	}
	a := &knowledge.Asked{Answer: knowledge.NewAnswerID(), Guild: in.guild, Question: q.Text, Answered: len(ans.Hits) > 0}
	for _, h := range ans.Hits {
		a.Passages = append(a.Passages, knowledge.PassageID(h.ArticleID, h.Passage))
	}
	if b.now != nil {
		a.Time = b.now()
	}
	done := make(chan error, 1)
	go func() {
		// Not the interaction's context: a record that outlives the wait
		// still lands, for the report if not for votes.
		ctx, cancel := context.WithTimeout(context.Background(), b.workTimeout)
		defer cancel()
		done <- b.feedback.Record(ctx, a)
	}()
	timer := time.NewTimer(recordWait)
	defer timer.Stop()
	select {
	case err := <-done:
		if err != nil {
			b.log.Error("recording a question failed; answered without vote buttons", "interaction", in.ID, "err", err)
			return ""
		}
		return a.Answer
	case <-timer.C:
		b.log.Warn("recording a question is slow; answered without vote buttons", "interaction", in.ID, "waited", recordWait)
		return ""
	}
}

// voteClick answers a click on Helpful or Not helpful: the vote is stored,
// then acknowledged privately; the public answer is left as it is.
// Forged or malformed custom ids get the reply of any dead button, and a
// line in the debug log only: they are noise, not news.
func (b *Bot) voteClick(r Responder, in *interaction) {
	answer, v, ok := parseVoteID(in.MessageComponentData().CustomID)
	if !ok || in.guild == "" || !knowledge.ValidSnowflake(in.userID) {
		b.log.Debug("refused a vote button", "custom_id", clip(in.MessageComponentData().CustomID, maxCustomID))
		b.respond(r, in, deadButton(), false)
		return
	}
	if b.feedback == nil {
		b.respond(r, in, &reply{ephemeral: true, content: "Feedback is turned off on this bot, so votes are not recorded."}, false)
		return
	}
	in.private, in.light = true, true
	ballot := knowledge.Ballot{Guild: in.guild, Answer: answer, Member: in.userID, Vote: v}
	b.run(r, in, func(ctx context.Context, in *interaction) (*reply, error) {
		err := b.feedback.Vote(ctx, ballot)
		switch knowledge.ErrorCode(err) {
		case "":
		case knowledge.ENOTFOUND:
			return &reply{ephemeral: true, content: "This answer is too old to vote on — ask again to vote on a fresh one."}, nil
		case knowledge.EINVALID:
			b.log.Debug("refused a vote", "err", err)
			return deadButton(), nil
		default:
			return nil, fmt.Errorf("record a vote: %w", err)
		}
		msg := "Thanks — recorded as **helpful**."
		if v == knowledge.NotHelpful {
			msg = "Thanks — recorded as **not helpful**. This server's moderators see such questions, to add what the corpus lacks."
		}
		return &reply{ephemeral: true, content: msg + " Only you see this; voting again changes your vote."}, nil
	}, false)
}

// deadButton is the reply to a button that stands for nothing.
func deadButton() *reply {
	return &reply{content: "That button no longer works.", ephemeral: true}
}

// gapsSince is where /corpus gaps and /about start counting.
func (b *Bot) gapsSince() time.Time {
	return b.clock().Add(-knowledge.FeedbackWindow)
}

// feedbackOff is the reply of /corpus gaps and Export when feedback is off.
func feedbackOff() *reply {
	return &reply{ephemeral: true, content: "Feedback is turned off on this bot (FEEDBACK=off), so no questions are recorded to review."}
}

// corpusGaps lists, for moderators, the questions of the last 30 days
// that the corpus did not answer or answered badly, a page at a time,
// with an Export button for the whole list.
func (b *Bot) corpusGaps(ctx context.Context, in *interaction) (*reply, error) {
	if b.feedback == nil {
		return feedbackOff(), nil
	}
	gaps, err := b.feedback.Gaps(ctx, in.guild, b.gapsSince())
	if err != nil {
		return nil, fmt.Errorf("gaps of %s: %w", in.guild, err)
	}
	if len(gaps) == 0 {
		return &reply{ephemeral: true, content: "Nothing to fill: in the last 30 days no question here went unanswered or was voted *Not helpful*."}, nil
	}
	pages := (len(gaps) + gapsPageSize - 1) / gapsPageSize
	page := min(max(in.page, 0), pages-1)
	var lines []string
	for _, g := range gaps[page*gapsPageSize : min(len(gaps), (page+1)*gapsPageSize)] {
		var why []string
		if g.NotCovered > 0 {
			why = append(why, fmt.Sprintf("not covered %d×", g.NotCovered))
		}
		if g.NotHelpful > 0 {
			why = append(why, fmt.Sprintf("voted not helpful %d×", g.NotHelpful))
		}
		if g.Phrasings > 1 {
			why = append(why, fmt.Sprintf("%d phrasings", g.Phrasings))
		}
		lines = append(lines, fmt.Sprintf("**%d×** %s\n%s · last <t:%d:R>", g.Count, text(g.Text, 300), strings.Join(why, " · "), g.Last.Unix()))
	}
	e := &discordgo.MessageEmbed{
		Title:       "Questions the corpus could not answer here (last 30 days)",
		Description: strings.Join(lines, "\n\n"),
		Color:       0x64748b,
		Footer: &discordgo.MessageEmbedFooter{Text: fmt.Sprintf("%d questions · page %d of %d · Export gives them as `disputebot eval` lines",
			len(gaps), page+1, pages)},
	}
	rows := pageButtons(cmdCorpus+":"+subGaps, page, page+1 < pages)
	rows = append(rows, discordgo.ActionsRow{Components: []discordgo.MessageComponent{
		discordgo.Button{Label: "Export", Style: discordgo.PrimaryButton, CustomID: exportID},
	}})
	return fit(&reply{ephemeral: true, embeds: []*discordgo.MessageEmbed{e}, components: rows}), nil
}

// gapsPages is the pager of /corpus gaps, whose buttons carry only the
// subcommand's name: the list is made anew for each page.
func gapsPages(string) (pageState, bool) { return pageState{}, true }

// exportGaps sends the server's gaps as a file of `disputebot eval` lines,
// privately, to the moderator who clicked Export.
func (b *Bot) exportGaps(ctx context.Context, in *interaction) (*reply, error) {
	if b.feedback == nil {
		return feedbackOff(), nil
	}
	gaps, err := b.feedback.Gaps(ctx, in.guild, b.gapsSince())
	if err != nil {
		return nil, fmt.Errorf("export gaps of %s: %w", in.guild, err)
	}
	if len(gaps) == 0 {
		return &reply{ephemeral: true, content: "There are no questions to export."}, nil
	}
	var buf bytes.Buffer
	if err := knowledge.WriteGapsEval(&buf, gaps); err != nil {
		return nil, err
	}
	name := "corpus-gaps-" + b.clock().UTC().Format("2006-01-02") + ".jsonl"
	return &reply{
		ephemeral: true,
		content: fmt.Sprintf("%d questions as `disputebot eval` lines. Fill in each `expect` with words of the passage that should answer it "+
			"(leave it empty for a question the corpus must not answer), add the articles, then run `disputebot eval %s`.", len(gaps), name),
		files: []*discordgo.File{{Name: name, ContentType: "text/plain; charset=utf-8", Reader: &buf}},
	}, nil
}

// feedbackField sums up, for /about, what the server asked in the last
// 30 days; nil when feedback is off, outside a server, or on an error
// (logged: /about still answers).
func (b *Bot) feedbackField(ctx context.Context, in *interaction) *discordgo.MessageEmbedField {
	if b.feedback == nil || in.guild == "" {
		return nil
	}
	rep, err := b.feedback.Report(ctx, in.guild, b.gapsSince())
	if err != nil {
		b.log.Error("feedback report for /about", "interaction", in.ID, "err", err)
		return nil
	}
	value := "No questions asked yet."
	if rep.Questions > 0 {
		value = fmt.Sprintf("%d asked · %.0f%% answered", rep.Questions, 100*rep.AnsweredShare())
		if rep.Votes > 0 {
			value += fmt.Sprintf(" · %.0f%% of %d votes helpful", 100*rep.HelpfulShare(), rep.Votes)
		} else {
			value += " · no votes yet"
		}
	}
	return &discordgo.MessageEmbedField{Name: "Questions here, last 30 days", Value: value}
}

// guildRemoved removes a server's feedback records when the bot is removed
// from it. Discord also sends GUILD_DELETE when a server is only
// unavailable (an outage): those records stay.
func (b *Bot) guildRemoved(guild string, unavailable bool) {
	if b.feedback == nil || unavailable || !knowledge.ValidSnowflake(guild) {
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	n, err := b.feedback.Purge(ctx, guild)
	if err != nil {
		b.log.Error("removing the feedback records of a server the bot left", "guild", guild, "err", err)
		return
	}
	b.log.Info("removed the feedback records of a server the bot left", "guild", guild, "questions", n)
}

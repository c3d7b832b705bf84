package bot

import (
	"context"
	"time"

	"github.com/bwmarrin/discordgo"
)

// reply is the message a handler wants to send. Ephemeral messages are seen
// by the asker only.
type reply struct {
	content    string
	embeds     []*discordgo.MessageEmbed
	components []discordgo.MessageComponent
	files      []*discordgo.File
	ephemeral  bool
	notCovered bool // the corpus has nothing on the question (for Metrics)
}

// respond sends the first response to an interaction. update says whether
// the reply replaces the message a button was clicked on.
func (b *Bot) respond(r Responder, in *interaction, rep *reply, update bool) {
	typ := discordgo.InteractionResponseChannelMessageWithSource
	if update {
		typ = discordgo.InteractionResponseUpdateMessage
	}
	data := rep.responseData()
	if update {
		data.Flags = 0 // an update cannot change whether the message is ephemeral
		if len(rep.files) > 0 {
			// New files replace the old: without this, Discord keeps the
			// message's attachments and adds the new ones beside them.
			data.Attachments = &[]*discordgo.MessageAttachment{}
		}
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := r.Respond(ctx, in.Interaction, &discordgo.InteractionResponse{Type: typ, Data: data}); err != nil {
		b.log.Error("reply", "interaction", in.ID, "after", time.Since(in.start), "err", err)
		in.outcome = OutcomeError
		return
	}
	d := time.Since(in.start)
	b.metrics.FirstResponse(d)
	b.metrics.FullReply(d)
	b.log.Debug("replied", "interaction", in.ID, "after", time.Since(in.start))
}

// edit replaces the deferred "thinking" message with the reply.
func (b *Bot) edit(r Responder, in *interaction, rep *reply) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := r.EditOriginal(ctx, in.Interaction, rep.webhookEdit(), rep.files); err != nil {
		b.log.Error("edit reply", "interaction", in.ID, "err", err)
		in.outcome = OutcomeError
		return
	}
	b.metrics.FullReply(time.Since(in.start))
}

// noMentions is sent with every message: nothing the bot writes, quotes or
// echoes can ping @everyone, a role or a user.
func noMentions() *discordgo.MessageAllowedMentions {
	return &discordgo.MessageAllowedMentions{Parse: []discordgo.AllowedMentionType{}}
}

func (r *reply) responseData() *discordgo.InteractionResponseData {
	d := &discordgo.InteractionResponseData{
		Content: r.content, Embeds: r.embeds, Components: r.components, Files: r.files,
		AllowedMentions: noMentions(),
	}
	if d.Embeds == nil {
		d.Embeds = []*discordgo.MessageEmbed{}
	}
	if d.Components == nil {
		d.Components = []discordgo.MessageComponent{}
	}
	if r.ephemeral {
		d.Flags = discordgo.MessageFlagsEphemeral
	}
	return d
}

func (r *reply) webhookEdit() *discordgo.WebhookEdit {
	content, embeds, components := r.content, r.embeds, r.components
	if embeds == nil {
		embeds = []*discordgo.MessageEmbed{}
	}
	if components == nil {
		components = []discordgo.MessageComponent{}
	}
	e := &discordgo.WebhookEdit{
		Content: &content, Embeds: &embeds, Components: &components, AllowedMentions: noMentions(),
	}
	if len(r.files) > 0 {
		// As in respond: the new files replace whatever the message had.
		e.Attachments = &[]*discordgo.MessageAttachment{}
	}
	return e
}

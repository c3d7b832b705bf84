package bot

import (
	"context"
	"strconv"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/disputebot/disputebot/knowledge"
)

// route is what the bot does for one command or subcommand: its handler,
// the middleware around it, and, when it has them, its pages, its
// suggestions and the form it opens.
type route struct {
	handle replyFunc
	use    []middleware // outermost first
	// pager turns the key a page button carries back into the state of
	// the command's first page, or reports that it stands for nothing any
	// more; nil for a command without pages. A page button's custom id is
	// "command:key:page", where a subcommand's buttons carry the
	// subcommand's name as their key. The handler answers a page button as
	// it answers the command, for another page.
	pager    func(key string) (pageState, bool)
	complete completer         // suggests choices while a member types; nil: none
	form     *route            // answers the form (modal) the command opens, whose custom id is formID's
	sub      map[string]*route // the subcommands, by name

	answer answerFunc // handle, wrapped in pager and use (see build)
}

// completer suggests choices for the option a member is typing. Discord
// allows no deferral here, so it may only look at what is in memory.
type completer func(in *interaction, focused *discordgo.ApplicationCommandInteractionDataOption) []*discordgo.ApplicationCommandOptionChoice

// newRoutes is the one table of the bot's commands: each command with its
// handler and middleware, its pages, suggestions and form.
func (b *Bot) newRoutes() map[string]*route {
	limited := []middleware{b.limited}
	moderators := []middleware{b.limited, b.moderated, b.curating}
	routes := map[string]*route{
		cmdAsk:      {handle: b.ask, use: limited, pager: b.pageStates.get},
		cmdSearch:   {handle: b.searchArticles, use: limited, pager: b.pageStates.get, complete: b.titleChoices},
		cmdTopic:    {handle: b.topic, use: limited, pager: topicPages},
		cmdSource:   {handle: b.source, use: limited, complete: b.idChoices},
		cmdTimeline: {handle: b.timeline, use: limited, pager: b.pageStates.get},
		cmdAbout:    {handle: b.about},
		cmdCorpus: {sub: map[string]*route{
			// With neither a link nor a file, /corpus add opens the form,
			// which must be the first response: before anything else.
			subAdd: {handle: b.corpusAdd, use: append([]middleware{b.opensForm}, moderators...),
				form: &route{handle: b.corpusForm, use: []middleware{b.moderated, b.curating}}},
			subRemove:  {handle: b.corpusRemove, use: moderators, complete: b.removeChoices},
			subList:    {handle: b.corpusList, use: moderators, pager: listPages},
			subHistory: {handle: b.corpusHistory, use: moderators},
			// The same check as /corpus add, without needing a Curator:
			// reading the gaps changes nothing.
			subGaps: {handle: b.corpusGaps, use: []middleware{b.limited, b.moderated, b.private}, pager: gapsPages},
		}},
	}
	for _, r := range routes {
		r.build(b)
	}
	return routes
}

// newActions is the table of buttons that are not pages, by the first
// part of their custom id: votes on answers, and the Export of /corpus
// gaps.
func (b *Bot) newActions() map[string]answerFunc {
	export := &route{handle: b.exportGaps, use: []middleware{b.limited, b.moderated, b.private}}
	export.build(b)
	return map[string]answerFunc{
		votePrefix:   b.voteClick,
		exportPrefix: export.answer,
	}
}

// build wraps the handlers of r, its form and its subcommands in their
// middleware: the outermost first, then the pager, then the deferral.
func (r *route) build(b *Bot) {
	if r.handle != nil {
		r.answer = b.deferred(r.handle)
		if r.pager != nil {
			r.answer = b.resumed(r.pager, r.answer)
		}
		for i := len(r.use) - 1; i >= 0; i-- {
			r.answer = r.use[i](r.answer)
		}
	}
	if r.form != nil {
		r.form.build(b)
	}
	for _, s := range r.sub {
		s.build(b)
	}
}

// formID is the custom id of the form a subcommand opens, such as
// "corpus-add".
func formID(command, sub string) string { return command + "-" + sub }

// commandRoute is the route of a command or autocomplete interaction: its
// command's, or its subcommand's; nil when there is none.
func (b *Bot) commandRoute(in *interaction) *route {
	r := b.routes[in.ApplicationCommandData().Name]
	if r != nil && r.sub != nil {
		sub, _ := subcommand(in)
		r = r.sub[sub]
	}
	return r
}

// routeCommand answers a slash command.
func (b *Bot) routeCommand(r Responder, in *interaction) {
	rt := b.commandRoute(in)
	if rt == nil || rt.answer == nil {
		b.log.Warn("unknown command", "command", in.ApplicationCommandData().Name)
		in.outcome = OutcomeRefused
		b.respond(r, in, &reply{content: "I don't know that command. Try `/about`.", ephemeral: true}, false)
		return
	}
	rt.answer(r, in)
}

// routeButton answers a click on a page button (see route.pager) with the
// handler of its command.
func (b *Bot) routeButton(r Responder, in *interaction) {
	id := in.MessageComponentData().CustomID
	gone := &reply{content: "That button no longer works.", ephemeral: true}
	parts := strings.Split(id, ":")
	if act := b.actions[parts[0]]; act != nil && len(parts) == 3 {
		act(r, in)
		return
	}
	if len(parts) != 3 {
		b.log.Warn("unknown component", "custom_id", clip(id, maxCustomID))
		b.respond(r, in, gone, false)
		return
	}
	page, err := strconv.Atoi(parts[2])
	if err != nil || page < 0 || page > knowledge.MaxOffset {
		b.respond(r, in, gone, false)
		return
	}
	rt := b.routes[parts[0]]
	if rt != nil && rt.sub != nil {
		rt = rt.sub[parts[1]]
	}
	if rt == nil || rt.pager == nil {
		b.respond(r, in, gone, false)
		return
	}
	in.turn, in.key, in.page = true, parts[1], page
	rt.answer(r, in)
}

// routeAutocomplete suggests choices while a member types.
func (b *Bot) routeAutocomplete(r Responder, in *interaction) {
	opts := in.ApplicationCommandData().Options
	if len(opts) == 1 && opts[0].Type == discordgo.ApplicationCommandOptionSubCommand {
		opts = opts[0].Options // /corpus remove article:
	}
	var focused *discordgo.ApplicationCommandInteractionDataOption
	for _, o := range opts {
		if o.Focused {
			focused = o
		}
	}
	var choices []*discordgo.ApplicationCommandOptionChoice
	if rt := b.commandRoute(in); rt != nil && rt.complete != nil && focused != nil {
		choices = rt.complete(in, focused)
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

// routeForm answers a form (modal) submission with the route of the
// subcommand that opened it.
func (b *Bot) routeForm(r Responder, in *interaction) {
	id := in.ModalSubmitData().CustomID
	var form *route
	if command, sub, ok := strings.Cut(id, "-"); ok {
		if rt := b.routes[command]; rt != nil && rt.sub[sub] != nil {
			form = rt.sub[sub].form
		}
	}
	if form == nil || form.answer == nil {
		b.log.Warn("unexpected modal submission", "custom_id", clip(id, maxCustomID))
		b.respond(r, in, &reply{content: "That form is no longer open.", ephemeral: true}, false)
		return
	}
	form.answer(r, in)
}

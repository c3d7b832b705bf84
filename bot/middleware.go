package bot

import (
	"context"
	"fmt"
	"runtime/debug"
	"slices"
	"time"

	"github.com/bwmarrin/discordgo"
)

// replyFunc computes the reply to an interaction: a command's handler. It
// may take time; deferred answers or defers within Discord's deadline.
type replyFunc func(ctx context.Context, in *interaction) (*reply, error)

// answerFunc answers an interaction: it sends its response.
type answerFunc func(r Responder, in *interaction)

// middleware wraps an answerFunc, as arikawa's cmdroute and disgo's handler
// do: it may answer by itself (a member asking too fast, or who may not use
// the command) and not call the next.
type middleware func(next answerFunc) answerFunc

// What a middleware answers by itself is a new private message, also for a
// button: it never replaces the message the button is on.

// limited lets each member ask a few questions per window (Config.RateLimit)
// and tells those who ask faster to slow down.
func (b *Bot) limited(next answerFunc) answerFunc {
	return func(r Responder, in *interaction) {
		if !b.limiter.allow(in.userID) {
			b.metrics.RateLimited(commandName(in))
			in.outcome = OutcomeRefused
			b.respond(r, in, &reply{content: "You're asking faster than I can keep up — please wait a few seconds and try again.", ephemeral: true}, false)
			return
		}
		next(r, in)
	}
}

// moderated lets only the server's moderators through (see moderator).
func (b *Bot) moderated(next answerFunc) answerFunc {
	return func(r Responder, in *interaction) {
		if !b.moderator(in) {
			in.outcome = OutcomeRefused
			b.respond(r, in, &reply{ephemeral: true, content: "Only this server's moderators (Manage Server, or a moderator role) can use /corpus, and only inside the server."}, false)
			return
		}
		next(r, in)
	}
}

// moderator reports whether the member may change the server's corpus:
// Manage Server or Administrator, or one of the moderator roles. The
// command's default permission is only a default that server admins can
// change, so this is checked on every use.
func (b *Bot) moderator(in *interaction) bool {
	if in.guild == "" || in.Member == nil {
		return false
	}
	if in.Member.Permissions&(discordgo.PermissionManageGuild|discordgo.PermissionAdministrator) != 0 {
		return true
	}
	for _, r := range in.Member.Roles {
		if slices.Contains(b.moderatorRoles, r) {
			return true
		}
	}
	return false
}

// curating lets the interaction through only when the bot may change the
// corpus (Config.Curator).
func (b *Bot) curating(next answerFunc) answerFunc {
	return func(r Responder, in *interaction) {
		if b.curator == nil {
			in.outcome = OutcomeRefused
			b.respond(r, in, &reply{ephemeral: true, content: "Adding articles is not enabled on this bot."}, false)
			return
		}
		next(r, in)
	}
}

// private marks every reply of the route as private, so that a deferral
// is private too (see run).
func (b *Bot) private(next answerFunc) answerFunc {
	return func(r Responder, in *interaction) {
		in.private = true
		next(r, in)
	}
}

// resumed is the middleware of a command with pages: a page button's key
// is turned back into the state of the command's first page (see
// route.pager), so that the command's handler answers the button as it
// answered the command, for another page. A key that no longer stands for
// anything gets a polite "run it again".
func (b *Bot) resumed(pager func(key string) (pageState, bool), next answerFunc) answerFunc {
	return func(r Responder, in *interaction) {
		if in.turn {
			st, ok := pager(in.key)
			if !ok {
				in.outcome = OutcomeRefused
				b.respond(r, in, &reply{content: "These results have expired — please run the command again.", ephemeral: true}, false)
				return
			}
			in.state = st
		}
		next(r, in)
	}
}

// deferred answers with h within Discord's deadline: at once when h
// finishes within the reply budget, and otherwise with a deferral, then an
// edit. A page button's reply replaces the message it is on.
func (b *Bot) deferred(h replyFunc) answerFunc {
	return func(r Responder, in *interaction) {
		b.run(r, in, h, in.turn)
	}
}

// run computes a reply with h and sends it, replying at once when the work
// finishes within the reply budget and deferring otherwise. update says
// whether the reply replaces the message a component was clicked on.
func (b *Bot) run(r Responder, in *interaction, h replyFunc, update bool) {
	ctx, cancel := context.WithTimeout(context.Background(), b.workTimeout)
	defer cancel()
	type result struct {
		rep *reply
		err error
	}
	done := make(chan result, 1)
	queued := make(chan struct{})
	go func() {
		var res result
		defer func() {
			if p := recover(); p != nil {
				res = result{err: fmt.Errorf("panic: %v\n%s", p, debug.Stack())}
			}
			done <- res
		}()
		if in.light {
			res.rep, res.err = h(ctx, in)
			return
		}
		select {
		case b.work <- struct{}{}:
		default:
			// Every slot is busy, so this reply will be late: let the
			// caller acknowledge now instead of at the end of its budget.
			close(queued)
			select {
			case b.work <- struct{}{}:
			case <-ctx.Done():
				res.err = ctx.Err()
				return
			}
		}
		defer func() { <-b.work }()
		res.rep, res.err = h(ctx, in)
	}()

	// Discord's 3 s run from when it created the interaction, which its id
	// records, not from when it reached this handler: under load, the
	// gateway and the scheduler took over a second to deliver some. An id
	// older than the deadline is not believed (the bot's clock is off, or
	// the interaction is lost anyway); a clock a little ahead of Discord's
	// only makes the bot defer sooner.
	since := in.start
	if created, err := discordgo.SnowflakeTimestamp(in.ID); err == nil && created.Before(in.start) && in.start.Sub(created) < discordgo.InteractionDeadline {
		since = created
	}
	timer := time.NewTimer(max(time.Until(since.Add(b.replyBudget)), 0))
	defer timer.Stop()
	select {
	case res := <-done:
		b.finish(r, in, res.rep, res.err, update, false)
		return
	case <-timer.C:
	case <-queued:
	}
	// Too slow to answer at once: acknowledge now, edit later.
	ack := discordgo.InteractionResponseDeferredChannelMessageWithSource
	if update {
		ack = discordgo.InteractionResponseDeferredMessageUpdate
	}
	resp := &discordgo.InteractionResponse{Type: ack}
	if in.private && !update {
		// The "thinking" message of a private reply must be private too:
		// an edit cannot change that later.
		resp.Data = &discordgo.InteractionResponseData{Flags: discordgo.MessageFlagsEphemeral}
	}
	if err := r.Respond(ctx, in.Interaction, resp); err != nil {
		b.log.Error("defer reply", "interaction", in.ID, "err", err)
		in.outcome = OutcomeError
		return
	}
	b.metrics.FirstResponse(time.Since(in.start))
	res := <-done
	b.finish(r, in, res.rep, res.err, update, true)
}

// finish sends a computed reply, or the error in its place.
func (b *Bot) finish(r Responder, in *interaction, rep *reply, err error, update, deferred bool) {
	switch {
	case err != nil:
		rep = b.errorReply(in, err)
	case rep.notCovered:
		in.outcome = OutcomeNotCovered
	default:
		in.outcome = OutcomeAnswered
	}
	if deferred {
		b.edit(r, in, rep)
		return
	}
	b.respond(r, in, rep, update)
}

package bot

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"runtime"
	"runtime/debug"
	"strings"
	"sync"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/disputebot/disputebot/knowledge"
)

// Searcher answers questions from the corpus; *index.Index is one.
type Searcher interface {
	Search(ctx context.Context, q knowledge.Query) (*knowledge.Answer, error)
}

// Library gives the articles of the corpus that a Discord server can see:
// the global ones and the server's own. guild is "" outside servers.
type Library interface {
	Articles(guild string) []*knowledge.Article
}

// ProblemLister is a Library that knows of corpus files it had to leave
// out because they do not parse or cannot be read: /about lists them to
// moderators, so that a mistake in a hand-edited file does not go unseen.
type ProblemLister interface {
	// CorpusProblems says, one line each, where and what is wrong.
	CorpusProblems() []string
}

// Config tunes a Bot.
type Config struct {
	Searcher Searcher
	Library  Library
	Curator  Curator      // nil disables /corpus
	Logger   *slog.Logger // nil means slog.Default()

	// ModeratorRoles may use /corpus besides members with Manage Server.
	ModeratorRoles []string
	Version        string // shown by /about

	// RateLimit questions per RateWindow per user; 0 means 5 per 10 s.
	RateLimit  int
	RateWindow time.Duration

	// ReplyBudget is how long a command may work before the bot defers its
	// reply (Discord wants a first response within 3 s of creating the
	// interaction, and the budget counts from then); 0 means 1.5 s. A
	// command that has to wait for a search slot defers at once.
	ReplyBudget time.Duration
	// WorkTimeout bounds the work of one interaction; 0 means 10 s.
	WorkTimeout time.Duration
	// MaxConcurrent bounds the searches running at once; 0 means
	// GOMAXPROCS. Searches are CPU-bound: more at once than there are CPUs
	// answers no faster, and starves the gateway and the acknowledgements
	// that must reach Discord within 3 s.
	MaxConcurrent int
}

// Bot answers Discord interactions. It is safe for concurrent use: every
// interaction is handled in its own goroutine, as discordgo delivers them.
type Bot struct {
	search  Searcher
	library Library
	curator Curator
	log     *slog.Logger

	moderatorRoles []string
	version        string

	limiter *userLimiter
	pages   *pageStore
	work    chan struct{} // semaphore for searches

	replyBudget time.Duration
	workTimeout time.Duration

	// gate guards closing; inflight counts interactions being answered.
	gate     sync.RWMutex
	closing  bool
	inflight sync.WaitGroup
}

// New returns a Bot.
func New(cfg Config) *Bot {
	b := &Bot{
		search: cfg.Searcher, library: cfg.Library, curator: cfg.Curator, log: cfg.Logger, version: cfg.Version,
		moderatorRoles: cfg.ModeratorRoles,
		replyBudget:    cfg.ReplyBudget, workTimeout: cfg.WorkTimeout,
	}
	if b.log == nil {
		b.log = slog.Default()
	}
	if b.version == "" {
		b.version = buildVersion()
	}
	if cfg.RateLimit <= 0 {
		cfg.RateLimit = 5
	}
	if cfg.RateWindow <= 0 {
		cfg.RateWindow = 10 * time.Second
	}
	if b.replyBudget <= 0 {
		b.replyBudget = 1500 * time.Millisecond
	}
	if b.workTimeout <= 0 {
		b.workTimeout = 10 * time.Second
	}
	if cfg.MaxConcurrent <= 0 {
		cfg.MaxConcurrent = runtime.GOMAXPROCS(0)
	}
	b.limiter = newUserLimiter(cfg.RateLimit, cfg.RateWindow)
	b.pages = newPageStore(pageTTL, maxPages)
	b.work = make(chan struct{}, cfg.MaxConcurrent)
	return b
}

// buildVersion is the module version or VCS revision the binary was built
// from.
func buildVersion() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "dev"
	}
	if v := info.Main.Version; v != "" && v != "(devel)" {
		return v
	}
	for _, s := range info.Settings {
		if s.Key == "vcs.revision" && len(s.Value) >= 12 {
			return "dev-" + s.Value[:12]
		}
	}
	return "dev"
}

// reply is what a handler wants to send: a message, choices for
// autocomplete, or a modal. Ephemeral messages are seen by the asker only.
type reply struct {
	content    string
	embeds     []*discordgo.MessageEmbed
	components []discordgo.MessageComponent
	files      []*discordgo.File
	ephemeral  bool
}

// userError is a failure the user can fix or should know about; its text is
// shown as is.
type userError struct{ msg string }

func (e *userError) Error() string { return e.msg }

func userErrorf(format string, args ...any) error { return &userError{fmt.Sprintf(format, args...)} }

// handlerFunc computes the reply to an interaction. It may take time: the
// caller answers or defers within Discord's deadline.
type handlerFunc func(ctx context.Context, in *interaction) (*reply, error)

// interaction is what handlers need of a Discord interaction.
type interaction struct {
	*discordgo.Interaction
	guild  string // "" in DMs
	userID string
}

// Handle answers one interaction. It is the discordgo handler for
// InteractionCreate events and never panics.
func (b *Bot) Handle(r Responder, i *discordgo.Interaction) {
	start := time.Now()
	b.gate.RLock()
	closing := b.closing
	if !closing {
		b.inflight.Add(1)
	}
	b.gate.RUnlock()
	if closing {
		if i != nil && i.Token != "" && i.Type != discordgo.InteractionApplicationCommandAutocomplete {
			b.respond(r, &interaction{Interaction: i}, start, &reply{content: "I'm restarting — please try again in a minute.", ephemeral: true}, false)
		}
		return
	}
	defer b.inflight.Done()
	defer func() {
		if p := recover(); p != nil {
			id := errorID()
			b.log.Error("panic handling interaction", "error_id", id, "panic", p, "stack", string(debug.Stack()))
			b.sendError(r, i, start, id)
		}
	}()
	// discordgo dispatches a half-decoded interaction when Discord sends
	// something it does not know (bwmarrin/discordgo#1683): ignore it.
	if i == nil || i.Token == "" || i.ID == "" {
		b.log.Warn("ignoring interaction without id or token")
		return
	}
	in := &interaction{Interaction: i, guild: i.GuildID}
	if u := userOf(i); u != nil {
		in.userID = u.ID
	}
	switch i.Type {
	case discordgo.InteractionApplicationCommand:
		b.handleCommand(r, in, start)
	case discordgo.InteractionApplicationCommandAutocomplete:
		b.handleAutocomplete(r, in)
	case discordgo.InteractionMessageComponent:
		b.handleComponent(r, in, start)
	case discordgo.InteractionModalSubmit:
		b.handleModal(r, in, start)
	case discordgo.InteractionPing:
		// Only HTTP-mode interactions are pinged; nothing to do on the gateway.
	default:
		b.log.Warn("ignoring interaction of unknown type", "type", int(i.Type))
	}
}

func userOf(i *discordgo.Interaction) *discordgo.User {
	if i.Member != nil && i.Member.User != nil {
		return i.Member.User
	}
	return i.User
}

// commandHandlers maps command names to their handlers.
func (b *Bot) commandHandler(name string) handlerFunc {
	switch name {
	case cmdAsk:
		return b.ask
	case cmdSearch:
		return b.searchCmd
	case cmdTopic:
		return b.topic
	case cmdSource:
		return b.source
	case cmdTimeline:
		return b.timeline
	case cmdAbout:
		return b.about
	case cmdCorpus:
		return b.corpusCmd
	}
	return nil
}

func (b *Bot) handleCommand(r Responder, in *interaction, start time.Time) {
	data := in.ApplicationCommandData()
	h := b.commandHandler(data.Name)
	if h == nil {
		b.log.Warn("unknown command", "command", data.Name)
		b.respond(r, in, start, &reply{content: "I don't know that command. Try `/about`.", ephemeral: true}, false)
		return
	}
	if data.Name == cmdCorpus {
		// /corpus add with neither a link nor a file opens the form, which
		// must be the first response.
		if sub, o := subcommand(in); sub == subAdd && o.str(optURL) == "" && o.str(optFile) == "" && b.moderator(in) && b.curator != nil {
			if err := r.Respond(context.Background(), in.Interaction, corpusModal()); err != nil {
				b.log.Error("open form", "interaction", in.ID, "err", err)
			}
			return
		}
	}
	if data.Name != cmdAbout && !b.limiter.allow(in.userID) {
		b.respond(r, in, start, slowDown(), false)
		return
	}
	b.run(r, in, start, h, false)
}

func slowDown() *reply {
	return &reply{content: "You're asking faster than I can keep up — please wait a few seconds and try again.", ephemeral: true}
}

// run computes a reply with h and sends it, replying at once when the work
// finishes within the reply budget and deferring otherwise. update says
// whether the reply replaces the message a component was clicked on.
func (b *Bot) run(r Responder, in *interaction, start time.Time, h handlerFunc, update bool) {
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
	since := start
	if created, err := discordgo.SnowflakeTimestamp(in.ID); err == nil && created.Before(start) && start.Sub(created) < discordgo.InteractionDeadline {
		since = created
	}
	timer := time.NewTimer(max(time.Until(since.Add(b.replyBudget)), 0))
	defer timer.Stop()
	select {
	case res := <-done:
		b.finish(r, in, start, res.rep, res.err, update, false)
		return
	case <-timer.C:
	case <-queued:
	}
	// Too slow to answer at once: acknowledge now, edit later.
	ack := discordgo.InteractionResponseDeferredChannelMessageWithSource
	if update {
		ack = discordgo.InteractionResponseDeferredMessageUpdate
	}
	if err := r.Respond(ctx, in.Interaction, &discordgo.InteractionResponse{Type: ack}); err != nil {
		b.log.Error("defer reply", "interaction", in.ID, "err", err)
		return
	}
	res := <-done
	b.finish(r, in, start, res.rep, res.err, update, true)
}

// finish sends a computed reply, or the error in its place.
func (b *Bot) finish(r Responder, in *interaction, start time.Time, rep *reply, err error, update, deferred bool) {
	if err != nil {
		var ue *userError
		if errors.As(err, &ue) || knowledge.ErrorCode(err) == knowledge.EINVALID {
			msg := err.Error()
			if !errors.As(err, &ue) {
				msg = knowledge.ErrorMessage(err)
			}
			rep = &reply{content: capitalize(inert(msg)), ephemeral: true}
		} else {
			id := errorID()
			b.log.Error("handling interaction", "error_id", id, "interaction", in.ID, "type", int(in.Type), "err", err)
			rep = errorReply(id)
		}
	}
	if deferred {
		b.edit(r, in, rep)
		return
	}
	b.respond(r, in, start, rep, update)
}

// inert keeps what a user typed, echoed in an error message such as
// `"<@&456>" is not a date`, from showing as a mention: a zero-width space
// after every @ breaks @everyone, @here, <@id> and <@&id>, as
// markdown.Escape does for corpus text.
func inert(s string) string { return strings.ReplaceAll(s, "@", "@\u200b") }

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

func errorReply(id string) *reply {
	return &reply{content: "Sorry, something went wrong on my side. (error id `" + id + "`)", ephemeral: true}
}

// sendError tells the user something broke, after a panic, without knowing
// whether the interaction was already answered.
func (b *Bot) sendError(r Responder, i *discordgo.Interaction, start time.Time, id string) {
	if i == nil || i.Token == "" || i.Type == discordgo.InteractionApplicationCommandAutocomplete {
		return
	}
	b.respond(r, &interaction{Interaction: i}, start, errorReply(id), false)
}

// respond sends the first response to an interaction.
func (b *Bot) respond(r Responder, in *interaction, start time.Time, rep *reply, update bool) {
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
		b.log.Error("reply", "interaction", in.ID, "after", time.Since(start), "err", err)
		return
	}
	b.log.Debug("replied", "interaction", in.ID, "after", time.Since(start))
}

// edit replaces the deferred "thinking" message with the reply.
func (b *Bot) edit(r Responder, in *interaction, rep *reply) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := r.EditOriginal(ctx, in.Interaction, rep.webhookEdit(), rep.files); err != nil {
		b.log.Error("edit reply", "interaction", in.ID, "err", err)
	}
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

// errorID is a short random id that ties a user's error message to the
// log line with the details.
func errorID() string {
	var b [4]byte
	rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

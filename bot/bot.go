package bot

import (
	"context"
	"log/slog"
	"runtime"
	"runtime/debug"
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
	Curator  Curator // nil disables /corpus
	// Feedback records asks and votes (see Feedback); nil turns the
	// feature off: no records, no vote buttons.
	Feedback Feedback
	// Now is the clock of the feedback windows (/about, /corpus gaps)
	// and of records; nil means time.Now. Tests set a fake one.
	Now     func() time.Time
	Logger  *slog.Logger // nil means slog.Default()
	Metrics Metrics      // nil counts nothing

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
	searcher Searcher
	library  Library
	curator  Curator
	feedback Feedback
	now      func() time.Time // nil: time.Now (see Config.Now)
	log      *slog.Logger
	metrics  Metrics

	shardStates shardStates // which gateway shards are connected (see Shards)

	moderatorRoles []string
	version        string

	routes     map[string]*route     // by command name (see routes.go)
	actions    map[string]answerFunc // buttons that are not pages (see newActions)
	limiter    *userLimiter
	pageStates *pageStore
	recent     *recentQuestions // each member's last question, for follow-ups
	charts     *chartCache      // the timeline charts drawn last
	work       chan struct{}    // semaphore for searches

	replyBudget time.Duration
	workTimeout time.Duration

	// gate guards closing; inflight counts interactions being answered.
	gate     sync.RWMutex
	closing  bool
	inflight sync.WaitGroup
}

// clock is the bot's time (Config.Now in tests).
func (b *Bot) clock() time.Time {
	if b.now != nil {
		return b.now()
	}
	return time.Now()
}

// New returns a Bot.
func New(cfg Config) *Bot {
	b := &Bot{
		searcher: cfg.Searcher, library: cfg.Library, curator: cfg.Curator, log: cfg.Logger, version: cfg.Version,
		feedback: cfg.Feedback, now: cfg.Now,
		metrics:        cfg.Metrics,
		moderatorRoles: cfg.ModeratorRoles,
		replyBudget:    cfg.ReplyBudget, workTimeout: cfg.WorkTimeout,
	}
	if b.log == nil {
		b.log = slog.Default()
	}
	if b.metrics == nil {
		b.metrics = noMetrics{}
	}
	b.searcher = timedSearcher{Searcher: b.searcher, m: b.metrics}
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
	b.pageStates = newPageStore(pageTTL, maxPages)
	b.recent = newRecentQuestions(followUpWindow, maxRecentQuestions)
	b.charts = newChartCache(maxCharts)
	b.work = make(chan struct{}, cfg.MaxConcurrent)
	b.routes = b.newRoutes()
	b.actions = b.newActions()
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

// interaction is what handlers need of a Discord interaction, and what the
// router found out about it.
type interaction struct {
	*discordgo.Interaction
	guild  string    // "" in DMs
	userID string    // who clicked or typed
	start  time.Time // when the bot got it

	// A page button runs its command's handler again, for another page
	// (see route.pager).
	turn  bool      // a page button was clicked, not the command run
	key   string    // the key the button carries
	page  int       // the page wanted; 0 when the command runs
	state pageState // what the key stands for

	private bool // every reply is private: a deferral is too
	light   bool // quick work that takes no search slot (a vote)
	// outcome is how the interaction ended, for Metrics.Question: set where
	// that is decided, read when Handle returns. Handle's goroutine is the
	// only one that touches it.
	outcome string
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
			b.respond(r, &interaction{Interaction: i, start: start}, &reply{content: "I'm restarting — please try again in a minute.", ephemeral: true}, false)
		}
		return
	}
	defer b.inflight.Done()
	var in *interaction
	defer func() {
		p := recover()
		if p != nil {
			id := errorID()
			b.log.Error("panic handling interaction", "error_id", id, "panic", p, "stack", string(debug.Stack()))
			b.sendError(r, i, start, id)
		}
		if in != nil && in.Type == discordgo.InteractionApplicationCommand {
			if p != nil || in.outcome == "" {
				in.outcome = OutcomeError
			}
			b.metrics.Question(in.ApplicationCommandData().Name, in.outcome)
		}
	}()
	// discordgo dispatches a half-decoded interaction when Discord sends
	// something it does not know (bwmarrin/discordgo#1683): ignore it.
	if i == nil || i.Token == "" || i.ID == "" {
		b.log.Warn("ignoring interaction without id or token")
		return
	}
	in = &interaction{Interaction: i, guild: i.GuildID, start: start}
	if u := userOf(i); u != nil {
		in.userID = u.ID
	}
	switch i.Type {
	case discordgo.InteractionApplicationCommand:
		b.routeCommand(r, in)
	case discordgo.InteractionApplicationCommandAutocomplete:
		b.routeAutocomplete(r, in)
	case discordgo.InteractionMessageComponent:
		b.routeButton(r, in)
	case discordgo.InteractionModalSubmit:
		b.routeForm(r, in)
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

// sendError tells the user something broke, after a panic, without knowing
// whether the interaction was already answered.
func (b *Bot) sendError(r Responder, i *discordgo.Interaction, start time.Time, id string) {
	if i == nil || i.Token == "" || i.Type == discordgo.InteractionApplicationCommandAutocomplete {
		return
	}
	b.respond(r, &interaction{Interaction: i, start: start}, apology(id), false)
}

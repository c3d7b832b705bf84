package bot

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/disputebot/disputebot/knowledge"
)

// Metrics receives what the bot counts and times, for an operator's
// dashboards. The bot defines it, rather than importing a metrics library,
// so that it stays free of any: cmd/disputebot passes the Prometheus
// implementation of package metrics. Its methods must be safe for
// concurrent use and fast, since they are called on every interaction.
type Metrics interface {
	// Question counts a slash command by how it ended: one of the
	// Outcome constants.
	Question(command, outcome string)
	// RateLimited counts a command refused because its member asks too
	// fast.
	RateLimited(command string)
	// SearchDuration times one search of the index.
	SearchDuration(d time.Duration)
	// FirstResponse times an interaction from its arrival to its first
	// response reaching Discord: the reply, or a deferral.
	FirstResponse(d time.Duration)
	// FullReply times an interaction from its arrival to its complete
	// reply reaching Discord.
	FullReply(d time.Duration)
	// GatewayReconnect counts a gateway connection of a shard made again
	// after it was lost; GatewayResume one that resumed its session, so
	// that no event was lost.
	GatewayReconnect(shard int)
	GatewayResume(shard int)
	// RESTRateLimited counts an answer 429 (Too Many Requests) from
	// Discord's REST API, which discordgo waits out and retries.
	RESTRateLimited(shard int)
	// HTTPInteraction counts a request to the HTTP interactions endpoint
	// by its result: "ok", "unauthorized" (a bad, old, replayed or
	// missing signature) or "bad_request".
	HTTPInteraction(result string)
}

// The outcomes of a question (Metrics.Question).
const (
	OutcomeAnswered   = "answered"    // the bot replied with what was asked for
	OutcomeNotCovered = "not_covered" // the corpus has nothing on the question
	OutcomeRefused    = "refused"     // bad input, not allowed, or asking too fast
	OutcomeError      = "error"       // something broke: the member read an apology
)

// commandName is the command an interaction belongs to: the slash
// command's name, or the command of a page button ("ask:key:page") or of a
// form ("corpus-add").
func commandName(in *interaction) string {
	switch in.Type {
	case discordgo.InteractionApplicationCommand, discordgo.InteractionApplicationCommandAutocomplete:
		return in.ApplicationCommandData().Name
	case discordgo.InteractionMessageComponent:
		name, _, _ := strings.Cut(in.MessageComponentData().CustomID, ":")
		return name
	case discordgo.InteractionModalSubmit:
		name, _, _ := strings.Cut(in.ModalSubmitData().CustomID, "-")
		return name
	}
	return ""
}

// noMetrics is the Metrics of a bot configured without any.
type noMetrics struct{}

func (noMetrics) Question(string, string)      {}
func (noMetrics) RateLimited(string)           {}
func (noMetrics) SearchDuration(time.Duration) {}
func (noMetrics) FirstResponse(time.Duration)  {}
func (noMetrics) FullReply(time.Duration)      {}
func (noMetrics) GatewayReconnect(int)         {}
func (noMetrics) GatewayResume(int)            {}
func (noMetrics) RESTRateLimited(int)          {}
func (noMetrics) HTTPInteraction(string)       {}

// timedSearcher times every search for Metrics.
type timedSearcher struct {
	Searcher
	m Metrics
}

func (t timedSearcher) Search(ctx context.Context, q knowledge.Query) (*knowledge.Answer, error) {
	start := time.Now()
	ans, err := t.Searcher.Search(ctx, q)
	t.m.SearchDuration(time.Since(start))
	return ans, err
}

// shardStates records which gateway shards of the process are connected,
// for a health check: a shard counts from when Run starts it, so that one
// that never connects is seen too.
type shardStates struct {
	mu        sync.Mutex
	connected map[int]bool
}

func (s *shardStates) set(shard int, connected bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.connected == nil {
		s.connected = map[int]bool{}
	}
	s.connected[shard] = connected
}

// Shards reports, for each gateway shard this bot runs, whether it is
// connected to Discord now: what a health check needs. It is empty until
// Run starts.
func (b *Bot) Shards() map[int]bool {
	b.shardStates.mu.Lock()
	defer b.shardStates.mu.Unlock()
	return maps.Clone(b.shardStates.connected)
}

// GatewayHealth describes the shards of Shards, one line each in shard
// order, and reports whether every one is connected (and at least one
// runs).
func GatewayHealth(shards map[int]bool) (lines []string, ok bool) {
	if len(shards) == 0 {
		return []string{"gateway: not started"}, false
	}
	ok = true
	for _, id := range slices.Sorted(maps.Keys(shards)) {
		state := "connected"
		if !shards[id] {
			state, ok = "disconnected", false
		}
		lines = append(lines, fmt.Sprintf("shard %d: %s", id, state))
	}
	return lines, ok
}

package bot

import (
	"sync"
	"time"
	"unicode/utf8"

	"github.com/disputebot/disputebot/bot/markdown"
)

// Follow-ups. Members ask one thing and then what it led to, in fewer
// words: "why did seoul end gsomia?", then "and how did the us react".
// /ask remembers each member's last question in a channel for a few
// minutes and passes it with the next (knowledge.Query.After); the
// searcher decides whether the next one reads as a follow-up. Nothing is
// written down: the questions are kept in memory, and only so long.

const (
	// followUpWindow is how long a question stays the one a member's
	// next follow-up refers to: a chat moves on.
	followUpWindow = 10 * time.Minute
	// maxRecentQuestions bounds the questions remembered.
	maxRecentQuestions = 10000
)

// recentQuestions remembers the last question of each member in each
// channel.
type recentQuestions struct {
	mu     sync.Mutex
	window time.Duration
	max    int
	items  map[recentKey]recentQuestion
}

type recentKey struct{ guild, channel, user string }

type recentQuestion struct {
	text string
	at   time.Time
}

func newRecentQuestions(window time.Duration, max int) *recentQuestions {
	return &recentQuestions{window: window, max: max, items: map[recentKey]recentQuestion{}}
}

// last returns the member's last question in the channel, asked within
// the window before now, or "".
func (r *recentQuestions) last(k recentKey, now time.Time) string {
	r.mu.Lock()
	defer r.mu.Unlock()
	q, ok := r.items[k]
	if !ok || now.Sub(q.at) > r.window || now.Before(q.at) {
		return ""
	}
	return q.text
}

// remember makes text the member's last question in the channel.
func (r *recentQuestions) remember(k recentKey, text string, now time.Time) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if _, ok := r.items[k]; !ok && len(r.items) >= r.max {
		for key, q := range r.items {
			if now.Sub(q.at) > r.window {
				delete(r.items, key)
			}
		}
		if len(r.items) >= r.max {
			// Every question is recent: forget an arbitrary one (a
			// map's order) rather than grow.
			for key := range r.items {
				delete(r.items, key)
				break
			}
		}
	}
	r.items[k] = recentQuestion{text: text, at: now}
}

// followUpNote is the line that tells a member their question was read
// with the one before it, which it quotes in short, as plain text: it is
// theirs, and may hold markdown or mentions.
func followUpNote(after string) string {
	const max = 80
	if utf8.RuneCountInString(after) > max {
		r := []rune(after)
		after = string(r[:max-1]) + "…"
	}
	return "-# Read as a follow-up to “" + markdown.Escape(after) + "”"
}

// asker is the member and channel an interaction comes from: whose last
// question a follow-up refers to.
func (in *interaction) asker() recentKey {
	return recentKey{guild: in.guild, channel: in.ChannelID, user: in.userID}
}

package bot

import (
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// userLimiter gives each user a token bucket of n questions per window, so
// that one member cannot flood a channel or the bot. Buckets of users who
// went quiet are dropped.
type userLimiter struct {
	mu      sync.Mutex
	every   rate.Limit
	burst   int
	window  time.Duration
	users   map[string]*userBucket
	checked int
}

type userBucket struct {
	lim  *rate.Limiter
	seen time.Time
}

func newUserLimiter(n int, window time.Duration) *userLimiter {
	return &userLimiter{
		every: rate.Every(window / time.Duration(n)), burst: n, window: window,
		users: map[string]*userBucket{},
	}
}

// allow reports whether the user may ask now, and counts the question.
func (l *userLimiter) allow(user string) bool {
	now := time.Now()
	l.mu.Lock()
	defer l.mu.Unlock()
	l.checked++
	if l.checked%1024 == 0 {
		for id, u := range l.users {
			if now.Sub(u.seen) > 2*l.window {
				delete(l.users, id)
			}
		}
	}
	u := l.users[user]
	if u == nil {
		u = &userBucket{lim: rate.NewLimiter(l.every, l.burst)}
		l.users[user] = u
	}
	u.seen = now
	return u.lim.AllowN(now, 1)
}

package bot

import (
	"crypto/rand"
	"encoding/base64"
	"sync"
	"time"

	"github.com/disputebot/disputebot/knowledge"
)

// Paging state lives on the bot, not in custom ids (at most 100 characters,
// too few for a question): a button carries a short key to it. Keys expire
// after pageTTL; a click on an older button gets a polite "ask again".
const (
	pageTTL  = 6 * time.Hour
	maxPages = 10000
)

// pageState is what a Next or Previous button needs to fetch its page:
// what the command's first page was made from (see route.pager).
type pageState struct {
	query    knowledge.Query          // for /ask and /search
	order    string                   // for /search
	timeline knowledge.TimelineFilter // for /timeline
	topic    knowledge.Topic          // for /topic, whose buttons carry it rather than a key
	answer   string                   // for /ask: the answer id its vote buttons carry, "" for none
	at       time.Time
}

type pageStore struct {
	mu    sync.Mutex
	ttl   time.Duration
	max   int
	items map[string]*pageState
}

func newPageStore(ttl time.Duration, max int) *pageStore {
	return &pageStore{ttl: ttl, max: max, items: map[string]*pageState{}}
}

// put stores a state and returns its key.
func (s *pageStore) put(st pageState) string {
	var b [6]byte
	rand.Read(b[:])
	key := base64.RawURLEncoding.EncodeToString(b[:])
	st.at = time.Now()
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.items) >= s.max {
		s.evictLocked()
	}
	s.items[key] = &st
	return key
}

// get returns the state of a key, or false when it expired.
func (s *pageStore) get(key string) (pageState, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	st, ok := s.items[key]
	if !ok || time.Since(st.at) > s.ttl {
		delete(s.items, key)
		return pageState{}, false
	}
	return *st, true
}

// evictLocked drops expired states, and the oldest half when none expired.
func (s *pageStore) evictLocked() {
	var oldest time.Time
	for k, st := range s.items {
		if time.Since(st.at) > s.ttl {
			delete(s.items, k)
		} else if oldest.IsZero() || st.at.Before(oldest) {
			oldest = st.at
		}
	}
	if len(s.items) < s.max {
		return
	}
	cut := oldest.Add(time.Since(oldest) / 2)
	for k, st := range s.items {
		if st.at.Before(cut) {
			delete(s.items, k)
		}
	}
}

package bot

import (
	"context"
	"encoding/json"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/disputebot/disputebot/knowledge"
)

// TestFollowUpAsksWithTheQuestionBefore: a member's next /ask in the same
// channel, within the window, carries their question before it; another
// member's, another channel's or a later one does not. Read as a
// follow-up by the real index, the reply says so, quoting the question
// before as plain text.
func TestFollowUpAsksWithTheQuestionBefore(t *testing.T) {
	idx, _ := realCorpus(t)
	var mu sync.Mutex
	var seen []knowledge.Query
	searcher := searchFunc(func(ctx context.Context, q knowledge.Query) (*knowledge.Answer, error) {
		mu.Lock()
		seen = append(seen, q)
		mu.Unlock()
		return idx.Search(ctx, q)
	})
	now := time.Date(2026, 12, 6, 12, 0, 0, 0, time.UTC)
	b := newTestBot(t, Config{Searcher: searcher, Now: func() time.Time { return now }})
	asking := func(question, user, channel string) []recorded {
		t.Helper()
		in, err := readInteraction(t, "ask_madrid", map[string]string{
			"How long did Motegi and Kang talk in Madrid?": question,
			"1012649087396352000":                          user,
			"1187465583433089118":                          channel,
		})
		if err != nil {
			t.Fatal(err)
		}
		rec := &recorder{}
		b.Handle(rec, in)
		calls := rec.replies()
		checkReplies(t, calls)
		return calls
	}
	const user, other, channel, elsewhere = "1012649087396352000", "1012649087396352999", "1187465583433089118", "1187465583433089999"
	first := "Why did Seoul decide to end *GSOMIA*?"
	asking(first, user, channel)
	calls := asking("and how did the us react", user, channel)
	says("Read as a follow-up to", `Why did Seoul decide to end \*GSOMIA\*?`)(t, calls)
	if js, _ := json.Marshal(calls); !strings.Contains(string(js), "strong concern") {
		t.Errorf("the follow-up's answers do not hold the US reaction: %s", js)
	}

	asking("and how did the us react", other, channel)  // another member
	asking("and how did the us react", user, elsewhere) // another channel
	now = now.Add(followUpWindow + time.Minute)         // later
	asking("and what did japan say about it", user, channel)
	mu.Lock()
	defer mu.Unlock()
	want := []string{"", knowledge.CleanQuestion(first), "", "", ""}
	if len(seen) != len(want) {
		t.Fatalf("%d searches, want %d", len(seen), len(want))
	}
	for i, q := range seen {
		if got := q.After; !strings.EqualFold(got, want[i]) {
			t.Errorf("search %d (%q): After = %q, want %q", i, q.Text, got, want[i])
		}
	}
}

func TestRecentQuestionsBounded(t *testing.T) {
	r := newRecentQuestions(time.Minute, 3)
	now := time.Now()
	for i, u := range []string{"a", "b", "c", "d", "e"} {
		r.remember(recentKey{user: u}, "q"+u, now.Add(time.Duration(i)*time.Second))
	}
	if n := len(r.items); n > 3 {
		t.Errorf("%d questions remembered, at most 3 wanted", n)
	}
	if got := r.last(recentKey{user: "e"}, now.Add(5*time.Second)); got != "qe" {
		t.Errorf("last = %q, want the newest question", got)
	}
	if got := r.last(recentKey{user: "e"}, now.Add(2*time.Minute)); got != "" {
		t.Errorf("last = %q after the window, want none", got)
	}
}

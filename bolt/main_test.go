package bolt

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/disputebot/disputebot/knowledge"
)

// Ids of the tests: Discord snowflakes of the usual length.
const (
	guildA  = "81384788765712384"
	guildB  = "175928847299117063"
	member1 = "80351110224678912"
	member2 = "80351110224678913"
)

// t0 is when the fake clock starts.
var t0 = time.Date(2026, 3, 1, 10, 40, 0, 0, time.UTC)

// fakeClock is a clock that tests move by hand.
type fakeClock struct {
	mu sync.Mutex
	t  time.Time
}

func newClock() *fakeClock { return &fakeClock{t: t0} }

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *fakeClock) Add(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

// openTest opens a DB in dir on clock, failing the test on any error, and
// closes it when the test ends.
func openTest(t testing.TB, dir string, clock *fakeClock) (*DB, *FeedbackService) {
	t.Helper()
	db := NewDB(dir)
	db.Now = clock.Now
	if err := db.Open(); err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { db.Close() })
	return db, NewFeedbackService(db)
}

// ask is an Asked of guildA with the answer id and question given.
func ask(answer, question string, answered bool) *knowledge.Asked {
	a := &knowledge.Asked{Answer: answer, Guild: guildA, Question: question, Answered: answered}
	if answered {
		a.Passages = []string{"note-2019-export-controls#2", "note-gsomia#1"}
	}
	return a
}

func mustRecord(t testing.TB, s *FeedbackService, a *knowledge.Asked) {
	t.Helper()
	if err := s.Record(context.Background(), a); err != nil {
		t.Fatalf("Record(%q): %v", a.Question, err)
	}
}

func mustVote(t testing.TB, s *FeedbackService, guild, answer, member string, v knowledge.Vote) {
	t.Helper()
	if err := s.Vote(context.Background(), knowledge.Ballot{Guild: guild, Answer: answer, Member: member, Vote: v}); err != nil {
		t.Fatalf("Vote(%s on %s): %v", member, answer, err)
	}
}

func report(t testing.TB, s *FeedbackService, guild string, since time.Time) knowledge.FeedbackReport {
	t.Helper()
	r, err := s.Report(context.Background(), guild, since)
	if err != nil {
		t.Fatalf("Report: %v", err)
	}
	return *r
}

// dataFiles returns the contents of every file under dir.
func dataFiles(t testing.TB, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(path)
		files[path] = b
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// isCode reports whether err is a knowledge.Error with the code.
func isCode(err error, code string) bool {
	var e *knowledge.Error
	return errors.As(err, &e) && e.Code == code
}

package bolt

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/disputebot/disputebot/knowledge"
)

func TestRecordReport(t *testing.T) {
	clock := newClock()
	_, s := openTest(t, t.TempDir(), clock)
	ctx := context.Background()
	mustRecord(t, s, ask("1001", "When did Japan lift the export controls?", true))
	mustRecord(t, s, ask("1002", "who owns dokdo", false))
	clock.Add(24 * time.Hour)
	mustRecord(t, s, ask("1003", "what is gsomia", true))
	other := ask("2001", "what is gsomia", true)
	other.Guild = guildB
	mustRecord(t, s, other)
	mustVote(t, s, guildA, "1001", member1, knowledge.Helpful)
	mustVote(t, s, guildA, "1001", member2, knowledge.NotHelpful)
	mustVote(t, s, guildA, "1003", member1, knowledge.Helpful)
	mustVote(t, s, guildB, "2001", member1, knowledge.NotHelpful)

	tests := []struct {
		name  string
		guild string
		since time.Time
		want  knowledge.FeedbackReport
	}{
		{"guild A, all", guildA, time.Time{}, knowledge.FeedbackReport{Questions: 3, Answered: 2, Votes: 3, Helpful: 2}},
		{"guild A, last day", guildA, t0.Add(23 * time.Hour), knowledge.FeedbackReport{Questions: 1, Answered: 1, Votes: 1, Helpful: 1}},
		// Only the hour is kept: since 11:00 leaves out what was asked at 10:40.
		{"guild A, within the hour", guildA, t0.Add(-30 * time.Minute), knowledge.FeedbackReport{Questions: 3, Answered: 2, Votes: 3, Helpful: 2}},
		{"guild A, the next hour", guildA, t0.Add(20 * time.Minute), knowledge.FeedbackReport{Questions: 1, Answered: 1, Votes: 1, Helpful: 1}},
		{"guild B", guildB, time.Time{}, knowledge.FeedbackReport{Questions: 1, Answered: 1, Votes: 1, Helpful: 0}},
		{"every guild", "", time.Time{}, knowledge.FeedbackReport{Questions: 4, Answered: 3, Votes: 4, Helpful: 2}},
		{"a guild with no records", "999", time.Time{}, knowledge.FeedbackReport{}},
		{"the future", guildA, t0.Add(48 * time.Hour), knowledge.FeedbackReport{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := report(t, s, tc.guild, tc.since)
			tc.want.Since = tc.since
			if got != tc.want {
				t.Errorf("Report = %+v, want %+v", got, tc.want)
			}
		})
	}
	if r := report(t, s, guildA, time.Time{}); r.AnsweredShare() != 2.0/3 || r.HelpfulShare() != 2.0/3 {
		t.Errorf("shares %v, %v", r.AnsweredShare(), r.HelpfulShare())
	}
	if _, err := s.Report(ctx, "guild-a", time.Time{}); !isCode(err, knowledge.EINVALID) {
		t.Errorf("Report of a bad guild id: %v", err)
	}
}

func TestRecordInvalid(t *testing.T) {
	_, s := openTest(t, t.TempDir(), newClock())
	ctx := context.Background()
	for name, a := range map[string]*knowledge.Asked{
		"no answer id":      {Guild: guildA, Question: "q"},
		"forged answer id":  {Answer: "ask:1:helpful", Guild: guildA, Question: "q"},
		"guild name":        {Answer: "1", Guild: "Dispute Fans", Question: "q"},
		"empty question":    {Answer: "1", Guild: guildA, Question: "\u200b "},
		"bad passage":       {Answer: "1", Guild: guildA, Question: "q", Passages: []string{"../../etc/passwd"}},
		"too many passages": {Answer: "1", Guild: guildA, Question: "q", Passages: strings.Fields(strings.Repeat("a#1 ", 26))},
		"before 1970":       {Answer: "1", Guild: guildA, Question: "q", Time: time.Date(1969, 1, 1, 0, 0, 0, 0, time.UTC)},
	} {
		if err := s.Record(ctx, a); !isCode(err, knowledge.EINVALID) {
			t.Errorf("%s: Record = %v, want EINVALID", name, err)
		}
	}
	if r := report(t, s, "", time.Time{}); r.Questions != 0 {
		t.Errorf("%d invalid asks were stored", r.Questions)
	}
	// A question is stored clean and capped, and the caller's record is
	// left as it was.
	long := &knowledge.Asked{Answer: "7", Guild: guildA, Question: "<@80351110224678912> " + strings.Repeat("독도 ", 600)}
	before := *long
	mustRecord(t, s, long)
	if !reflect.DeepEqual(*long, before) {
		t.Error("Record changed the caller's record")
	}
	gaps, err := s.Gaps(ctx, guildA, time.Time{})
	if err != nil || len(gaps) != 1 {
		t.Fatalf("Gaps = %v, %v", gaps, err)
	}
	if q := gaps[0].Text; len([]rune(q)) != knowledge.MaxQuestionRunes || strings.Contains(q, "<@") {
		t.Errorf("stored question of %d runes: %.40q…", len([]rune(q)), q)
	}
}

// TestRecordAgain: an answer recorded again replaces its record, and keeps
// its votes.
func TestRecordAgain(t *testing.T) {
	clock := newClock()
	_, s := openTest(t, t.TempDir(), clock)
	mustRecord(t, s, ask("1001", "who owns dokdo", false))
	mustVote(t, s, guildA, "1001", member1, knowledge.NotHelpful)
	clock.Add(3 * time.Hour)
	mustRecord(t, s, ask("1001", "who owns dokdo", true))
	if r := report(t, s, guildA, time.Time{}); r.Questions != 1 || r.Answered != 1 || r.Votes != 1 {
		t.Errorf("after recording again: %+v", r)
	}
	if r := report(t, s, guildA, t0.Add(2*time.Hour)); r.Questions != 1 {
		t.Errorf("the record kept its first time: %+v", r)
	}
}

func TestVoteDedup(t *testing.T) {
	ctx := context.Background()
	type ballot struct {
		answer, member string
		vote           knowledge.Vote
	}
	tests := []struct {
		name    string
		ballots []ballot
		votes   int // on answers 1001 and 1002
		helpful int
	}{
		{"one vote", []ballot{{"1001", member1, knowledge.Helpful}}, 1, 1},
		{"same member twice, latest wins", []ballot{{"1001", member1, knowledge.Helpful}, {"1001", member1, knowledge.NotHelpful}}, 1, 0},
		{"same member back and forth", []ballot{{"1001", member1, knowledge.NotHelpful}, {"1001", member1, knowledge.Helpful}, {"1001", member1, knowledge.NotHelpful}, {"1001", member1, knowledge.Helpful}}, 1, 1},
		{"same vote twice", []ballot{{"1001", member1, knowledge.Helpful}, {"1001", member1, knowledge.Helpful}}, 1, 1},
		{"two members", []ballot{{"1001", member1, knowledge.Helpful}, {"1001", member2, knowledge.NotHelpful}}, 2, 1},
		{"one member, two answers", []ballot{{"1001", member1, knowledge.Helpful}, {"1002", member1, knowledge.Helpful}}, 2, 2},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, s := openTest(t, t.TempDir(), newClock())
			mustRecord(t, s, ask("1001", "what is gsomia", true))
			mustRecord(t, s, ask("1002", "who is moon hee-sang", true))
			for _, b := range tc.ballots {
				mustVote(t, s, guildA, b.answer, b.member, b.vote)
			}
			if r := report(t, s, guildA, time.Time{}); r.Votes != tc.votes || r.Helpful != tc.helpful {
				t.Errorf("%d votes, %d helpful; want %d, %d", r.Votes, r.Helpful, tc.votes, tc.helpful)
			}
		})
	}

	_, s := openTest(t, t.TempDir(), newClock())
	mustRecord(t, s, ask("1001", "what is gsomia", true))
	for name, b := range map[string]knowledge.Ballot{
		"unknown answer":        {Guild: guildA, Answer: "1009", Member: member1, Vote: knowledge.Helpful},
		"another guild's":       {Guild: guildB, Answer: "1001", Member: member1, Vote: knowledge.Helpful},
		"answer of a new guild": {Guild: "42", Answer: "1001", Member: member1, Vote: knowledge.Helpful},
	} {
		if err := s.Vote(ctx, b); !isCode(err, knowledge.ENOTFOUND) {
			t.Errorf("%s: Vote = %v, want ENOTFOUND", name, err)
		}
	}
	for name, b := range map[string]knowledge.Ballot{
		"no vote":         {Guild: guildA, Answer: "1001", Member: member1},
		"member name":     {Guild: guildA, Answer: "1001", Member: "Sakura#1234", Vote: knowledge.Helpful},
		"forged answer":   {Guild: guildA, Answer: "1001:not_helpful", Member: member1, Vote: knowledge.Helpful},
		"guild too long":  {Guild: strings.Repeat("9", 21), Answer: "1001", Member: member1, Vote: knowledge.Helpful},
		"member too long": {Guild: guildA, Answer: "1001", Member: strings.Repeat("9", 21), Vote: knowledge.Helpful},
	} {
		if err := s.Vote(ctx, b); !isCode(err, knowledge.EINVALID) {
			t.Errorf("%s: Vote = %v, want EINVALID", name, err)
		}
	}
	if r := report(t, s, guildA, time.Time{}); r.Votes != 0 {
		t.Errorf("%d refused votes were stored", r.Votes)
	}
}

// TestVoteBurst: 200 members voting on one answer at once lose no vote,
// and each is acknowledged well within Discord's 3 seconds; one member
// clicking 50 times at once still has one vote.
func TestVoteBurst(t *testing.T) {
	_, s := openTest(t, t.TempDir(), newClock())
	mustRecord(t, s, ask("1001", "when did japan lift the export controls", true))
	mustRecord(t, s, ask("1002", "what is gsomia", true))
	ctx := context.Background()
	const members = 200
	start := make(chan struct{})
	var wg sync.WaitGroup
	errs := make(chan error, members+50)
	slowest := make(chan time.Duration, members+50)
	vote := func(b knowledge.Ballot) {
		defer wg.Done()
		<-start
		t0 := time.Now()
		if err := s.Vote(ctx, b); err != nil {
			errs <- err
		}
		slowest <- time.Since(t0)
	}
	for i := range members {
		v := knowledge.Helpful
		if i%4 == 0 {
			v = knowledge.NotHelpful
		}
		wg.Add(1)
		go vote(knowledge.Ballot{Guild: guildA, Answer: "1001", Member: strconv.Itoa(700000000000000000 + i), Vote: v})
	}
	for i := range 50 {
		wg.Add(1)
		go vote(knowledge.Ballot{Guild: guildA, Answer: "1002", Member: member1, Vote: knowledge.Vote(1 + i%2)})
	}
	close(start)
	wg.Wait()
	close(errs)
	close(slowest)
	for err := range errs {
		t.Error(err)
	}
	var worst time.Duration
	for d := range slowest {
		worst = max(worst, d)
	}
	if worst > 2*time.Second {
		t.Errorf("the slowest vote took %v", worst)
	}
	t.Logf("slowest of %d votes: %v", members+50, worst)
	r := report(t, s, guildA, time.Time{})
	if r.Votes != members+1 || r.Helpful < members*3/4 || r.Helpful > members*3/4+1 {
		t.Errorf("%d votes, %d helpful; want %d, %d (+1)", r.Votes, r.Helpful, members+1, members*3/4)
	}
}

func TestGaps(t *testing.T) {
	clock := newClock()
	_, s := openTest(t, t.TempDir(), clock)
	ctx := context.Background()
	n := 0
	rec := func(guild, q string, answered bool) string {
		n++
		id := strconv.Itoa(5000 + n)
		a := ask(id, q, answered)
		a.Guild = guild
		mustRecord(t, s, a)
		return id
	}
	old := rec(guildA, "what was the 1965 treaty", false) // 40 days ago, below
	clock.Add(40 * 24 * time.Hour)
	rec(guildA, "who owns dokdo", false)
	rec(guildA, "Who owns Dokdo?", false)
	rec(guildA, "who owns dokdo lol", false)
	voted := rec(guildA, "when did japan lift the export controls", true)
	mustVote(t, s, guildA, voted, member1, knowledge.NotHelpful)
	liked := rec(guildA, "what is gsomia", true)
	mustVote(t, s, guildA, liked, member1, knowledge.Helpful)
	rec(guildA, "수출규제 언제 해제됐어?", false)
	rec(guildB, "who owns dokdo", false) // another server's
	mustVote(t, s, guildA, old, member2, knowledge.NotHelpful)

	gaps, err := s.Gaps(ctx, guildA, clock.Now().Add(-knowledge.FeedbackWindow))
	if err != nil {
		t.Fatal(err)
	}
	last := clock.Now().Truncate(time.Hour)
	// Of texts asked as often, FindGaps shows the plainest, then the
	// latest (only the hour is kept: all tie), then the first in order.
	want := []knowledge.Gap{
		{Text: "Who owns Dokdo?", Count: 3, NotCovered: 3, Last: last, Phrasings: 2},
		{Text: "수출규제 언제 해제됐어?", Count: 2, NotCovered: 1, NotHelpful: 1, Last: last, Phrasings: 2},
	}
	if fmt.Sprint(gaps) != fmt.Sprint(want) {
		t.Errorf("Gaps =\n%+v\nwant\n%+v", gaps, want)
	}
	all, err := s.Gaps(ctx, "", time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != 3 || all[0].Count != 4 || all[2].Text != "what was the 1965 treaty" {
		t.Errorf("Gaps of every guild since ever = %+v", all)
	}
	if _, err := s.Gaps(ctx, "x", time.Time{}); !isCode(err, knowledge.EINVALID) {
		t.Errorf("Gaps of a bad guild id: %v", err)
	}
}

// TestRetention moves a fake clock past the retention: Prune drops what
// is older, votes on it are refused, the file no longer holds it, and a
// guild whose records all went is gone.
func TestRetention(t *testing.T) {
	dir := t.TempDir()
	clock := newClock()
	db, s := openTest(t, dir, clock)
	ctx := context.Background()
	mustRecord(t, s, ask("1001", "what did the 1965 claims agreement settle", false))
	mustVote(t, s, guildA, "1001", member1, knowledge.NotHelpful)
	b := ask("2001", "who owns dokdo", false)
	b.Guild = guildB
	mustRecord(t, s, b)
	clock.Add(40 * 24 * time.Hour)
	mustRecord(t, s, ask("1002", "when was gsomia extended", true))
	mustVote(t, s, guildA, "1002", member1, knowledge.Helpful)

	retention := 60 * 24 * time.Hour
	// Files moved aside as corrupt go with the retention too.
	for _, stamp := range []time.Time{t0.Add(-time.Hour), clock.Now().Add(-time.Hour)} {
		name := filepath.Join(dir, DBFile+corruptSuffix+stamp.Format(corruptTimeLayout))
		if err := os.WriteFile(name, []byte("old records"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	if n, err := s.Prune(ctx, retention); n != 0 || err != nil {
		t.Fatalf("Prune at day 40 = %d, %v", n, err)
	}
	// The first asks were at 10:40, kept as asked in the hour of 10:00:
	// they go once that hour is older than the retention, up to an hour
	// early, never late.
	clock.Add(20*24*time.Hour - 40*time.Minute)
	if n, err := s.Prune(ctx, retention); n != 0 || err != nil {
		t.Fatalf("Prune at day 60, 10:00 = %d, %v; want none removed", n, err)
	}
	clock.Add(time.Second)
	if n, err := s.Prune(ctx, retention); n != 2 || err != nil {
		t.Fatalf("Prune at day 60, 10:00:01 = %d, %v; want 2 removed", n, err)
	}
	if r := report(t, s, "", time.Time{}); r.Questions != 1 || r.Votes != 1 {
		t.Errorf("after Prune: %+v", r)
	}
	if err := s.Vote(ctx, knowledge.Ballot{Guild: guildA, Answer: "1001", Member: member2, Vote: knowledge.Helpful}); !isCode(err, knowledge.ENOTFOUND) {
		t.Errorf("a vote on a pruned answer: %v", err)
	}
	mustVote(t, s, guildA, "1002", member2, knowledge.Helpful)
	for path, data := range dataFiles(t, dir) {
		for _, gone := range []string{"claims agreement", "dokdo", guildB} {
			if bytes.Contains(data, []byte(gone)) {
				t.Errorf("%s still holds %q", filepath.Base(path), gone)
			}
		}
	}
	corrupt, _ := filepath.Glob(filepath.Join(dir, DBFile+corruptSuffix+"*"))
	if len(corrupt) != 1 || !strings.HasSuffix(corrupt[0], t0.Add(40*24*time.Hour-time.Hour).Format(corruptTimeLayout)) {
		t.Errorf("files moved aside left: %v, want only the recent one", corrupt)
	}
	if _, err := s.Prune(ctx, 0); !isCode(err, knowledge.EINVALID) {
		t.Errorf("Prune(0) = %v", err)
	}

	// Open drops what has expired since, with the DB's retention.
	db.Close()
	clock.Add(50 * 24 * time.Hour)
	db2 := NewDB(dir)
	db2.Now, db2.Retention = clock.Now, retention
	if err := db2.Open(); err != nil {
		t.Fatal(err)
	}
	defer db2.Close()
	if r := report(t, NewFeedbackService(db2), "", time.Time{}); r.Questions != 0 {
		t.Errorf("after Open past the retention: %+v", r)
	}
}

// TestPurge removes a guild's records, from the database and the file,
// and leaves the others'.
func TestPurge(t *testing.T) {
	dir := t.TempDir()
	_, s := openTest(t, dir, newClock())
	ctx := context.Background()
	mustRecord(t, s, ask("1001", "who owns takeshima", false))
	mustRecord(t, s, ask("1002", "what is gsomia", true))
	mustVote(t, s, guildA, "1002", member1, knowledge.Helpful)
	b := ask("2001", "who is moon hee-sang", true)
	b.Guild = guildB
	mustRecord(t, s, b)
	mustVote(t, s, guildB, "2001", member1, knowledge.NotHelpful)

	// Votes go on while the file is compacted under them.
	var wg sync.WaitGroup
	stop := make(chan struct{})
	var voteErr error
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := 0; ; i++ {
			select {
			case <-stop:
				return
			default:
			}
			if err := s.Vote(ctx, knowledge.Ballot{Guild: guildB, Answer: "2001", Member: strconv.Itoa(900 + i%20), Vote: knowledge.Helpful}); err != nil {
				voteErr = err
				return
			}
		}
	}()
	n, err := s.Purge(ctx, guildA)
	close(stop)
	wg.Wait()
	if n != 2 || err != nil {
		t.Fatalf("Purge = %d, %v; want 2", n, err)
	}
	if voteErr != nil {
		t.Errorf("a vote during the purge: %v", voteErr)
	}
	if r := report(t, s, guildA, time.Time{}); r.Questions != 0 {
		t.Errorf("guild A after its purge: %+v", r)
	}
	if r := report(t, s, guildB, time.Time{}); r.Questions != 1 || r.Votes < 2 {
		t.Errorf("guild B after A's purge: %+v", r)
	}
	if err := s.Vote(ctx, knowledge.Ballot{Guild: guildA, Answer: "1002", Member: member2, Vote: knowledge.Helpful}); !isCode(err, knowledge.ENOTFOUND) {
		t.Errorf("a vote on a purged answer: %v", err)
	}
	for path, data := range dataFiles(t, dir) {
		// "what is gsomia", not "gsomia": guild B's answer shows the
		// passage note-gsomia#1, which stays.
		for _, gone := range []string{"takeshima", "what is gsomia", guildA} {
			if bytes.Contains(data, []byte(gone)) {
				t.Errorf("%s still holds %q", filepath.Base(path), gone)
			}
		}
	}
	if n, err := s.Purge(ctx, "12345"); n != 0 || err != nil {
		t.Errorf("Purge of a guild with no records = %d, %v", n, err)
	}
	if _, err := s.Purge(ctx, ""); !isCode(err, knowledge.EINVALID) {
		t.Errorf("Purge of no guild: %v", err)
	}
}

// TestNothingIdentifiesMembers records asks and votes of a member, named
// in the question too, and finds neither the member's id, nor name, nor
// the raw answer and member pair in any file the store wrote.
func TestNothingIdentifiesMembers(t *testing.T) {
	dir := t.TempDir()
	_, s := openTest(t, dir, newClock())
	const (
		member = "80351110224678912"
		name   = "SakuraTanaka"
		answer = "1187654321098765432" // an interaction id, say
	)
	a := ask(answer, "<@"+member+"> asks: when did japan lift the export controls", true)
	mustRecord(t, s, a)
	mustRecord(t, s, ask(knowledge.NewAnswerID(), "<@!"+member+"> who owns dokdo", false))
	mustVote(t, s, guildA, answer, member, knowledge.NotHelpful)
	mustVote(t, s, guildA, answer, member, knowledge.Helpful)
	if _, err := s.Gaps(context.Background(), guildA, time.Time{}); err != nil {
		t.Fatal(err)
	}

	id, _ := strconv.ParseUint(member, 10, 64)
	aid, _ := strconv.ParseUint(answer, 10, 64)
	be := func(v uint64) string { return string(binary.BigEndian.AppendUint64(nil, v)) }
	le := func(v uint64) string { return string(binary.LittleEndian.AppendUint64(nil, v)) }
	forbidden := []string{
		member, name, strings.ToLower(name), answer,
		be(id), le(id), be(aid), le(aid),
		member + answer, answer + member, member + ":" + answer, answer + ":" + member,
		member + "\x00" + answer, answer + "\x00" + member,
	}
	files := dataFiles(t, dir)
	if len(files) < 2 {
		t.Fatalf("only %d files written", len(files))
	}
	for path, data := range files {
		for _, f := range forbidden {
			if bytes.Contains(data, []byte(f)) {
				t.Errorf("%s holds %q", filepath.Base(path), f)
			}
		}
	}
	// And the question is there, so the search above searched.
	if !bytes.Contains(files[filepath.Join(dir, DBFile)], []byte("when did japan lift the export controls")) {
		t.Error("the question is not in the database: the search proves nothing")
	}
}

func TestClosed(t *testing.T) {
	db, s := openTest(t, t.TempDir(), newClock())
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}
	ctx := context.Background()
	if err := s.Record(ctx, ask("1", "q", false)); !errors.Is(err, ErrClosed) {
		t.Errorf("Record after Close: %v", err)
	}
	if err := s.Vote(ctx, knowledge.Ballot{Guild: guildA, Answer: "1", Member: member1, Vote: knowledge.Helpful}); !errors.Is(err, ErrClosed) {
		t.Errorf("Vote after Close: %v", err)
	}
	if _, err := s.Report(ctx, "", time.Time{}); !errors.Is(err, ErrClosed) {
		t.Errorf("Report after Close: %v", err)
	}
	if _, err := s.Purge(ctx, guildA); !errors.Is(err, ErrClosed) {
		t.Errorf("Purge after Close: %v", err)
	}

	canceled, cancel := context.WithCancel(ctx)
	cancel()
	_, s2 := openTest(t, t.TempDir(), newClock())
	if err := s2.Record(canceled, ask("1", "q", false)); !errors.Is(err, context.Canceled) {
		t.Errorf("Record with a canceled context: %v", err)
	}
	if _, err := s2.Gaps(canceled, "", time.Time{}); !errors.Is(err, context.Canceled) {
		t.Errorf("Gaps with a canceled context: %v", err)
	}
}

// BenchmarkVote measures votes from many members at once, as a popular
// answer gets them: each Vote returns when its batch is on disk.
func BenchmarkVote(b *testing.B) {
	_, s := openTest(b, b.TempDir(), newClock())
	mustRecord(b, s, ask("1001", "when did japan lift the export controls", true))
	ctx := context.Background()
	var next sync.Mutex
	n := 0
	b.SetParallelism(32) // 32 goroutines a CPU: members waiting on their acknowledgement
	b.ReportAllocs()
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			next.Lock()
			n++
			member := strconv.Itoa(700000000000000000 + n)
			next.Unlock()
			if err := s.Vote(ctx, knowledge.Ballot{Guild: guildA, Answer: "1001", Member: member, Vote: knowledge.Helpful}); err != nil {
				b.Fatal(err)
			}
		}
	})
}

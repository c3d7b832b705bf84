package bot

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/disputebot/disputebot/knowledge"
)

// memFeedback is a Feedback in memory, whose methods can be made to fail
// or hang, as a full or stuck disk would.
type memFeedback struct {
	mu        sync.Mutex
	asks      map[string]*knowledge.Asked // by answer id
	votes     map[string]knowledge.Vote   // by answer and member
	recordErr error
	voteErr   error
	hang      chan struct{} // Record waits for it to close, when set
}

func newMemFeedback() *memFeedback {
	return &memFeedback{asks: map[string]*knowledge.Asked{}, votes: map[string]knowledge.Vote{}}
}

func (f *memFeedback) Record(ctx context.Context, a *knowledge.Asked) error {
	if f.hang != nil {
		<-f.hang
	}
	if err := a.Normalize(); err != nil {
		return err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.recordErr != nil {
		return f.recordErr
	}
	c := *a
	f.asks[a.Answer] = &c
	return nil
}

func (f *memFeedback) Vote(ctx context.Context, b knowledge.Ballot) error {
	if err := b.Validate(); err != nil {
		return err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.voteErr != nil {
		return f.voteErr
	}
	if a := f.asks[b.Answer]; a == nil || a.Guild != b.Guild {
		return knowledge.Errorf(knowledge.ENOTFOUND, "no such answer")
	}
	f.votes[b.Answer+"/"+b.Member] = b.Vote
	return nil
}

func (f *memFeedback) Report(ctx context.Context, guild string, since time.Time) (*knowledge.FeedbackReport, error) {
	return &knowledge.FeedbackReport{Since: since}, nil
}

func (f *memFeedback) Gaps(ctx context.Context, guild string, since time.Time) ([]knowledge.Gap, error) {
	return nil, nil
}

func (f *memFeedback) Purge(ctx context.Context, guild string) (int, error) { return 0, nil }

const (
	testGuild  = "1187465583433089115"
	testMember = "1012649087396352000"
)

var interactionSeq = 1312871041219330128

// askInteraction builds /ask in a guild ("" for a DM) by testMember.
func askInteraction(guild, question string) *discordgo.Interaction {
	interactionSeq++
	i := &discordgo.Interaction{
		ID: itoa(interactionSeq), Token: "tok", Type: discordgo.InteractionApplicationCommand, GuildID: guild,
		Data: discordgo.ApplicationCommandInteractionData{Name: cmdAsk, Options: []*discordgo.ApplicationCommandInteractionDataOption{
			{Name: optQuestion, Type: discordgo.ApplicationCommandOptionString, Value: question},
		}},
	}
	setUser(i, guild)
	return i
}

// clickInteraction builds a click on the button customID in a guild ("" for
// a DM) by testMember.
func clickInteraction(guild, customID string) *discordgo.Interaction {
	interactionSeq++
	i := &discordgo.Interaction{
		ID: itoa(interactionSeq), Token: "tok", Type: discordgo.InteractionMessageComponent, GuildID: guild,
		Data: discordgo.MessageComponentInteractionData{CustomID: customID, ComponentType: discordgo.ButtonComponent},
	}
	setUser(i, guild)
	return i
}

func setUser(i *discordgo.Interaction, guild string) {
	u := &discordgo.User{ID: testMember, Username: "tester"}
	if guild == "" {
		i.User = u
		return
	}
	i.Member = &discordgo.Member{User: u}
}

func itoa(n int) string { return strconv.Itoa(n) }

// customIDs returns the custom ids of every button of a response.
func customIDs(rec recorded) []string {
	var cs []discordgo.MessageComponent
	switch {
	case rec.Response != nil && rec.Response.Data != nil:
		cs = rec.Response.Data.Components
	case rec.Edit != nil && rec.Edit.Components != nil:
		cs = *rec.Edit.Components
	}
	var out []string
	for _, c := range cs {
		if row, ok := c.(discordgo.ActionsRow); ok {
			for _, b := range row.Components {
				if btn, ok := b.(discordgo.Button); ok {
					out = append(out, btn.CustomID)
				}
			}
		}
	}
	return out
}

func voteIDs(ids []string) []string {
	var out []string
	for _, id := range ids {
		if strings.HasPrefix(id, votePrefix+":") {
			out = append(out, id)
		}
	}
	return out
}

// lastReply is the content and flags of the last call.
func lastReply(t *testing.T, rec *recorder) (string, bool) {
	t.Helper()
	calls := rec.replies()
	if len(calls) == 0 {
		t.Fatal("no reply")
	}
	c := calls[len(calls)-1]
	if c.Edit != nil {
		return *c.Edit.Content, false
	}
	return c.Response.Data.Content, c.Response.Data.Flags&discordgo.MessageFlagsEphemeral != 0
}

func TestParseVoteID(t *testing.T) {
	tests := []struct {
		id     string
		answer string
		vote   knowledge.Vote
		ok     bool
	}{
		{"fb:abcDEF_-12:helpful", "abcDEF_-12", knowledge.Helpful, true},
		{"fb:x:not_helpful", "x", knowledge.NotHelpful, true},
		{"fb:x:Helpful", "", 0, false},
		{"fb::helpful", "", 0, false},
		{"fb:../x:helpful", "", 0, false},
		{"fb:x:helpful:1", "", 0, false},
		{"ask:x:helpful", "", 0, false},
		{"fb:" + strings.Repeat("a", 33) + ":helpful", "", 0, false},
		{"", "", 0, false},
	}
	for _, tc := range tests {
		a, v, ok := parseVoteID(tc.id)
		if a != tc.answer || v != tc.vote || ok != tc.ok {
			t.Errorf("parseVoteID(%q) = %q, %v, %v; want %q, %v, %v", tc.id, a, v, ok, tc.answer, tc.vote, tc.ok)
		}
	}
	id := knowledge.NewAnswerID()
	for _, v := range []knowledge.Vote{knowledge.Helpful, knowledge.NotHelpful} {
		if a, got, ok := parseVoteID(voteID(id, v)); !ok || a != id || got != v || len(voteID(id, v)) > maxCustomID {
			t.Errorf("round trip of %s %v failed", id, v)
		}
	}
}

// FuzzParseVoteID: whatever a client sends, the parser does not panic,
// and what it accepts is exactly what voteID writes.
func FuzzParseVoteID(f *testing.F) {
	for _, s := range []string{"fb:abc:helpful", "fb:abc:not_helpful", "fb::", "ask:k:1", "fb:a:b:c", "fb:\x00:helpful"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		a, v, ok := parseVoteID(s)
		if !ok {
			return
		}
		if !knowledge.ValidAnswerID(a) || !v.Valid() || voteID(a, v) != s || len(s) > maxCustomID {
			t.Fatalf("parseVoteID(%q) accepted %q, %v", s, a, v)
		}
	})
}

// TestAskFeedback: an answer in a server is recorded and carries the vote
// buttons; a vote is stored and acknowledged privately; a DM, a failing
// or hanging store, and feedback off give the answer without buttons.
func TestAskFeedback(t *testing.T) {
	ask := func(t *testing.T, fb Feedback, guild string) (*recorder, []string) {
		b := newTestBot(t, Config{Feedback: fb})
		if fb == nil {
			b = newTestBot(t, Config{})
		}
		rec := &recorder{}
		b.Handle(rec, askInteraction(guild, "How long did Motegi and Kang talk in Madrid?"))
		calls := rec.replies()
		if len(calls) == 0 {
			t.Fatal("no answer")
		}
		last := calls[len(calls)-1]
		if last.Response != nil && last.Response.Data != nil && len(last.Response.Data.Embeds) == 0 {
			t.Fatalf("no answer: %q", last.Response.Data.Content)
		}
		return rec, voteIDs(customIDs(last))
	}
	t.Run("recorded", func(t *testing.T) {
		fb := newMemFeedback()
		b := newTestBot(t, Config{Feedback: fb})
		rec := &recorder{}
		b.Handle(rec, askInteraction(testGuild, "How long did Motegi and Kang talk in Madrid?"))
		ids := voteIDs(customIDs(rec.replies()[0]))
		if len(ids) != 2 || len(fb.asks) != 1 {
			t.Fatalf("vote buttons %q, %d asks recorded", ids, len(fb.asks))
		}
		for _, a := range fb.asks {
			if a.Guild != testGuild || !a.Answered || len(a.Passages) == 0 || strings.Contains(a.Answer, testMember) {
				t.Errorf("recorded %+v", a)
			}
		}
		for _, id := range ids {
			rec := &recorder{}
			b.Handle(rec, clickInteraction(testGuild, id))
			content, private := lastReply(t, rec)
			if !private || !strings.Contains(content, "Thanks") {
				t.Errorf("vote %s answered %q (private %v)", id, content, private)
			}
			if typ := rec.replies()[0].Response.Type; typ != discordgo.InteractionResponseChannelMessageWithSource {
				t.Errorf("vote answered with type %d: it must not change the answer", typ)
			}
		}
		if len(fb.votes) != 1 {
			t.Errorf("%d votes kept, want the member's last one", len(fb.votes))
		}
		// Another server cannot vote on this answer.
		rec = &recorder{}
		b.Handle(rec, clickInteraction("1187465583433089999", ids[0]))
		if content, private := lastReply(t, rec); !private || !strings.Contains(content, "too old") {
			t.Errorf("a vote from another server answered %q", content)
		}
	})
	t.Run("store fails", func(t *testing.T) {
		fb := newMemFeedback()
		fb.recordErr = &knowledge.Error{Code: knowledge.EINTERNAL, Message: "disk", Err: syscall.ENOSPC}
		if _, ids := ask(t, fb, testGuild); len(ids) != 0 {
			t.Errorf("vote buttons %q on an answer that was not recorded", ids)
		}
	})
	t.Run("store hangs", func(t *testing.T) {
		fb := newMemFeedback()
		fb.hang = make(chan struct{})
		defer close(fb.hang)
		start := time.Now()
		_, ids := ask(t, fb, testGuild)
		if len(ids) != 0 {
			t.Errorf("vote buttons %q on an answer not yet recorded", ids)
		}
		if d := time.Since(start); d > 3*time.Second {
			t.Errorf("answered after %v", d)
		}
	})
	t.Run("DM", func(t *testing.T) {
		fb := newMemFeedback()
		if _, ids := ask(t, fb, ""); len(ids) != 0 || len(fb.asks) != 0 {
			t.Errorf("a DM got vote buttons %q, %d records", ids, len(fb.asks))
		}
	})
	t.Run("off", func(t *testing.T) {
		if _, ids := ask(t, nil, testGuild); len(ids) != 0 {
			t.Errorf("feedback off shows %q", ids)
		}
	})
}

// TestVoteRefusals: malformed or forged buttons, votes in DMs, votes with
// feedback off and a failing store each get a short private reply.
func TestVoteRefusals(t *testing.T) {
	fb := newMemFeedback()
	on := newTestBot(t, Config{Feedback: fb})
	off := newTestBot(t, Config{})
	failing := newMemFeedback()
	failing.voteErr = errors.New("write feedback.db: no space left on device")
	broken := newTestBot(t, Config{Feedback: failing})
	failing.asks["abc"] = &knowledge.Asked{Answer: "abc", Guild: testGuild}
	tests := []struct {
		name  string
		b     *Bot
		guild string
		id    string
		want  string
	}{
		{"forged answer id", on, testGuild, "fb:<@123>:helpful", "no longer works"},
		{"forged vote", on, testGuild, "fb:abc:love", "no longer works"},
		{"unknown answer", on, testGuild, "fb:abcdefgh:helpful", "too old"},
		{"in a DM", on, "", "fb:abc:helpful", "no longer works"},
		{"feedback off", off, testGuild, "fb:abc:helpful", "turned off"},
		{"store fails", broken, testGuild, "fb:abc:helpful", "something went wrong"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rec := &recorder{}
			tc.b.Handle(rec, clickInteraction(tc.guild, tc.id))
			content, private := lastReply(t, rec)
			if !private || !strings.Contains(content, tc.want) {
				t.Errorf("answered %q (private %v), want %q", content, private, tc.want)
			}
		})
	}
}

// gapsFeedback is a memFeedback with gaps to list.
type gapsFeedback struct {
	*memFeedback
	gaps []knowledge.Gap
}

func (f *gapsFeedback) Gaps(ctx context.Context, guild string, since time.Time) ([]knowledge.Gap, error) {
	return f.gaps, nil
}

// TestCorpusGapsPages: /corpus gaps pages its list for moderators, with
// Export on every page, and refuses members.
func TestCorpusGapsPages(t *testing.T) {
	fb := &gapsFeedback{memFeedback: newMemFeedback()}
	for i := range gapsPageSize + 3 {
		fb.gaps = append(fb.gaps, knowledge.Gap{Text: "question " + strconv.Itoa(i), Count: 20 - i, NotCovered: 20 - i, Phrasings: 1, Last: time.Now()})
	}
	b := newTestBot(t, Config{Feedback: fb})
	gaps := func(page string, perms int64) (string, []string) {
		interactionSeq++
		i := &discordgo.Interaction{ID: itoa(interactionSeq), Token: "tok", GuildID: testGuild,
			Member: &discordgo.Member{User: &discordgo.User{ID: testMember}, Permissions: perms}}
		if page == "" {
			i.Type = discordgo.InteractionApplicationCommand
			i.Data = discordgo.ApplicationCommandInteractionData{Name: cmdCorpus, Options: []*discordgo.ApplicationCommandInteractionDataOption{
				{Name: subGaps, Type: discordgo.ApplicationCommandOptionSubCommand}}}
		} else {
			i.Type = discordgo.InteractionMessageComponent
			i.Data = discordgo.MessageComponentInteractionData{CustomID: page, ComponentType: discordgo.ButtonComponent}
		}
		rec := &recorder{}
		b.Handle(rec, i)
		calls := rec.replies()
		last := calls[len(calls)-1]
		d := last.Response.Data
		text := d.Content
		for _, e := range d.Embeds {
			text += e.Description + e.Footer.Text
		}
		return text, customIDs(last)
	}
	first, ids := gaps("", discordgo.PermissionManageGuild)
	if !strings.Contains(first, "question 0") || strings.Contains(first, "question 10") || !strings.Contains(first, "page 1 of 2") {
		t.Errorf("page 1:\n%s", first)
	}
	if !strings.Contains(strings.Join(ids, " "), exportID) || !strings.Contains(strings.Join(ids, " "), "corpus:gaps:1") {
		t.Errorf("buttons %q", ids)
	}
	second, _ := gaps("corpus:gaps:1", discordgo.PermissionManageGuild)
	if !strings.Contains(second, "question 10") || !strings.Contains(second, "page 2 of 2") {
		t.Errorf("page 2:\n%s", second)
	}
	if no, _ := gaps("", 0); !strings.Contains(no, "Only this server's moderators") {
		t.Errorf("a member's /corpus gaps: %q", no)
	}
	if no, _ := gaps("corpus:gaps:1", 0); !strings.Contains(no, "Only this server's moderators") {
		t.Errorf("a member's page 2: %q", no)
	}
}

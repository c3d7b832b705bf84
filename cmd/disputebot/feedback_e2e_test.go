package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/disputebot/disputebot/app"
	"github.com/disputebot/disputebot/bot/discordtest"
	"github.com/disputebot/disputebot/knowledge"
	"github.com/disputebot/disputebot/knowledge/evalset"
)

// The member of the feedback tests, whose id and name must be nowhere in
// DATA_DIR.
const (
	voterID   = "913370000000004242"
	voterName = "SakuraTanaka"
	modID     = "913370000000007777"
)

func voter() discordtest.InteractionOption {
	u := &discordgo.User{ID: voterID, Username: voterName, GlobalName: voterName, Discriminator: "0"}
	return discordtest.AsMember(u, discordgo.PermissionViewChannel|discordgo.PermissionSendMessages|discordgo.PermissionUseApplicationCommands)
}

func moderator() discordtest.InteractionOption {
	u := &discordgo.User{ID: modID, Username: "modhana", Discriminator: "0"}
	return discordtest.AsMember(u, discordgo.PermissionManageGuild|discordgo.PermissionViewChannel|discordgo.PermissionSendMessages)
}

// offTopic is a question the corpus does not cover.
const offTopic = "What is the best ramen shop in Sapporo?"

// feedbackJSON runs `disputebot feedback --json` (with args) on dataDir
// and decodes its report.
type feedbackOut struct {
	Questions, Answered, Votes, Helpful int
	Gaps                                []knowledge.Gap
}

func runCLI(t *testing.T, dataDir string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	env := map[string]string{"DATA_DIR": dataDir}
	var out, errb bytes.Buffer
	code = Run(context.Background(), args, func(k string) string { return env[k] }, &out, &errb)
	return out.String(), errb.String(), code
}

func feedbackReport(t *testing.T, dataDir string, args ...string) feedbackOut {
	t.Helper()
	out, errOut, code := runCLI(t, dataDir, append([]string{"feedback", "--json", "--since", "2000"}, args...)...)
	if code != exitOK {
		t.Fatalf("disputebot feedback exited %d: %s", code, errOut)
	}
	var r feedbackOut
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("feedback --json: %v\n%s", err, out)
	}
	return r
}

// TestFeedbackE2E walks through the feature on the real wiring: an answer
// with vote buttons, votes acknowledged privately and deduplicated,
// /corpus gaps for moderators only, its Export read by the eval loader,
// /about's figures, the bot removed from the server, and nothing in
// DATA_DIR that names the member.
func TestFeedbackE2E(t *testing.T) {
	t.Parallel()
	fake := newFake(t)
	dataDir := seedDataDir(t)
	bot := startBot(t, fake, dataDir, map[string]string{"RATE_LIMIT": "1000/10s"})
	guild := fake.GuildID()

	ask := fake.SlashCommand("ask", discordtest.StringOption("question", madridQuestion), voter())
	r := dispatch(t, fake, ask)
	if r.ephemeral() || len(r.Embeds) == 0 {
		t.Fatalf("the answer is not a public answer: %q", r.Content)
	}
	notHelpful, _ := r.button(t, "Not helpful")
	helpful, _ := r.button(t, "Helpful")
	if _, disabled := r.button(t, "Next"); disabled {
		t.Error("Next is disabled beside the vote buttons")
	}
	msg := fake.OriginalMessage(ask.ID)
	before := fake.OriginalMessage(ask.ID).Content

	// Not helpful, then Helpful, then Not helpful again: one vote, the last.
	for i, id := range []string{notHelpful, helpful, notHelpful} {
		v := dispatch(t, fake, fake.ButtonClick(id, msg, voter()))
		if v.Type != discordgo.InteractionResponseChannelMessageWithSource || !v.ephemeral() || !strings.Contains(v.Content, "Thanks") {
			t.Fatalf("vote %d answered with type %d ephemeral %v %q, want a private thanks", i, v.Type, v.ephemeral(), v.Content)
		}
	}
	if after := fake.OriginalMessage(ask.ID); after == nil || after.Content != before || len(after.Embeds) != len(r.Embeds) {
		t.Error("voting changed the public answer")
	}
	// The page buttons keep the vote buttons.
	next, _ := r.button(t, "Next")
	p2 := dispatch(t, fake, fake.ButtonClick(next, msg, voter()))
	if id, _ := p2.button(t, "Not helpful"); id != notHelpful {
		t.Errorf("page 2's Not helpful is %q, want the answer's %q", id, notHelpful)
	}

	// The running bot holds the records: the command says so.
	if _, errOut, code := runCLI(t, dataDir, "feedback"); code != exitError || !strings.Contains(errOut, "running bot holds the feedback records") {
		t.Errorf("feedback beside the bot exited %d: %s", code, errOut)
	}

	off := dispatch(t, fake, fake.SlashCommand("ask", discordtest.StringOption("question", offTopic), voter()))
	if !strings.Contains(off.Content, "isn't covered") {
		t.Fatalf("the off-topic question was answered: %q", off.Content)
	}

	t.Run("bad buttons", func(t *testing.T) {
		for id, want := range map[string]string{
			"fb:../../etc:helpful":                                "no longer works",
			"fb:" + strings.Repeat("A", 16) + ":helpful":          "too old",
			strings.Replace(notHelpful, "not_helpful", "very", 1): "no longer works",
			"fb:a:b:c": "no longer works",
		} {
			v := dispatch(t, fake, fake.ButtonClick(id, msg, voter()))
			if !v.ephemeral() || !strings.Contains(v.Content, want) {
				t.Errorf("%q answered %q, want a private %q", id, v.Content, want)
			}
		}
	})

	t.Run("gaps for moderators only", func(t *testing.T) {
		no := dispatch(t, fake, fake.SlashCommand("corpus", discordtest.Subcommand("gaps"), voter()))
		if !no.ephemeral() || !strings.Contains(no.Content, "Only this server's moderators") {
			t.Errorf("a member's /corpus gaps = %q", no.Content)
		}
		g := dispatch(t, fake, fake.SlashCommand("corpus", discordtest.Subcommand("gaps"), moderator()))
		text := g.text()
		if !g.ephemeral() || !strings.Contains(text, "Motegi and Kang") || !strings.Contains(text, "ramen") {
			t.Fatalf("/corpus gaps does not list both questions:\n%s", text)
		}
		export, _ := g.button(t, "Export")
		gm := fake.OriginalMessage(g.Requests[0].InteractionID)
		if no := dispatch(t, fake, fake.ButtonClick(export, gm, voter())); len(no.Requests[0].Files) > 0 || !strings.Contains(no.Content, "moderators") {
			t.Errorf("a member's Export = %q with %d files", no.Content, len(no.Requests[0].Files))
		}
		x := dispatch(t, fake, fake.ButtonClick(export, gm, moderator()))
		var file *discordtest.File
		for _, q := range x.Requests {
			if len(q.Files) > 0 {
				file = &q.Files[0]
			}
		}
		if file == nil || !x.ephemeral() {
			t.Fatalf("Export sent no private file: %q", x.Content)
		}
		path := filepath.Join(t.TempDir(), file.Name)
		if err := os.WriteFile(path, file.Data, 0o600); err != nil {
			t.Fatal(err)
		}
		cases, err := evalset.ReadFile(path)
		if err != nil {
			t.Fatalf("the export does not parse as an eval file: %v\n%s", err, file.Data)
		}
		var qs []string
		for _, c := range cases {
			qs = append(qs, c.Q)
		}
		if !slices.Contains(qs, madridQuestion) || !slices.Contains(qs, offTopic) {
			t.Errorf("exported questions %q", qs)
		}
	})

	t.Run("about", func(t *testing.T) {
		a := dispatch(t, fake, fake.SlashCommand("about", voter()))
		if !strings.Contains(a.text(), "2 asked · 50% answered · 0% of 1 votes helpful") {
			t.Errorf("/about:\n%s", a.text())
		}
	})

	// The server goes down for a while: its records stay. The bot is
	// removed from it: they go.
	if err := fake.DispatchEvent("GUILD_DELETE", map[string]any{"id": guild, "unavailable": true}); err != nil {
		t.Fatal(err)
	}
	if err := fake.DispatchEvent("GUILD_DELETE", map[string]any{"id": guild}); err != nil {
		t.Fatal(err)
	}
	bot.log.waitFor(t, "removed the feedback records of a server the bot left", 10*time.Second)
	if strings.Count(bot.log.String(), "removed the feedback records") != 1 {
		t.Error("the records were removed for an unavailable server too")
	}
	if code := bot.stop(); code != exitOK {
		t.Fatalf("disputebot run exited %d", code)
	}
	if r := feedbackReport(t, dataDir); r.Questions != 0 {
		t.Errorf("after GUILD_DELETE: %+v", r)
	}
	checkNoMember(t, dataDir)
}

// checkNoMember greps every file under dataDir for the voter's id and
// name: neither may be stored anywhere.
func checkNoMember(t *testing.T, dataDir string) {
	t.Helper()
	found := 0
	err := filepath.WalkDir(dataDir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		found++
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for _, s := range []string{voterID, voterName, strings.ToLower(voterName)} {
			if bytes.Contains(b, []byte(s)) {
				t.Errorf("%s holds %q", path, s)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dataDir, app.FeedbackFiles[0])); err != nil || found < 3 {
		t.Errorf("%d files searched, feedback records: %v", found, err)
	}
}

// TestFeedbackVoteBurst has 200 members vote on one answer at once: every
// vote is acknowledged within Discord's 3 s, and every one is kept.
// It does not run in parallel: it measures deadlines.
func TestFeedbackVoteBurst(t *testing.T) {
	const n = 200
	fake := newFake(t)
	dataDir := seedDataDir(t)
	bot := startBot(t, fake, dataDir, nil)
	ask := fake.SlashCommand("ask", discordtest.StringOption("question", madridQuestion), voter())
	r := dispatch(t, fake, ask)
	msg := fake.OriginalMessage(ask.ID)
	ids := map[knowledge.Vote]string{}
	ids[knowledge.Helpful], _ = r.button(t, "Helpful")
	ids[knowledge.NotHelpful], _ = r.button(t, "Not helpful")

	var clicks []string
	for i := range n {
		v := knowledge.Helpful
		if i%4 == 0 {
			v = knowledge.NotHelpful
		}
		in := fake.ButtonClick(ids[v], msg, member(5000+i))
		clicks = append(clicks, in.ID)
		if err := fake.Dispatch(in); err != nil {
			t.Fatal(err)
		}
	}
	var slowest time.Duration
	for _, id := range clicks {
		v := waitReply(t, fake, id) // fails the test past 3 s
		slowest = max(slowest, v.Ack)
		if !strings.Contains(v.Content, "Thanks") {
			t.Errorf("a vote was answered %q", v.Content)
		}
	}
	t.Logf("%d votes, slowest acknowledgement %v", n, slowest)
	if code := bot.stop(); code != exitOK {
		t.Fatalf("disputebot run exited %d", code)
	}
	if got := feedbackReport(t, dataDir); got.Votes != n || got.Helpful != n-n/4 {
		t.Errorf("votes kept: %+v, want %d, %d helpful", got, n, n-n/4)
	}
}

// TestFeedbackRetentionAndCLI moves a fake clock: the bot's records expire
// after FEEDBACK_DAYS, the CLI purges one server and leaves the other,
// and its export parses as an eval file. FEEDBACK=off records nothing and
// shows no buttons. It sets the package's clock, so it is not parallel.
func TestFeedbackRetentionAndCLI(t *testing.T) {
	clock := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	feedbackClock = func() time.Time { return clock }
	defer func() { feedbackClock = nil }()
	other := "1200000000000000099"
	fake := newFake(t, discordtest.WithGuilds("1200000000000000042", other))
	dataDir := seedDataDir(t)
	bot := startBot(t, fake, dataDir, map[string]string{"FEEDBACK_DAYS": "7", "RATE_LIMIT": "1000/10s"})
	dispatch(t, fake, fake.SlashCommand("ask", discordtest.StringOption("question", offTopic), voter()))
	dispatch(t, fake, fake.SlashCommand("ask", discordtest.StringOption("question", offTopic), voter(), discordtest.InGuild(other)))
	if code := bot.stop(); code != exitOK {
		t.Fatalf("disputebot run exited %d", code)
	}
	if r := feedbackReport(t, dataDir); r.Questions != 2 || len(r.Gaps) != 1 || r.Gaps[0].Count != 2 {
		t.Fatalf("report of every server: %+v", r)
	}
	out, errOut, code := runCLI(t, dataDir, "feedback", "export", "--guild", other)
	path := filepath.Join(t.TempDir(), "gaps.jsonl")
	os.WriteFile(path, []byte(out), 0o600)
	if cases, err := evalset.ReadFile(path); code != exitOK || err != nil || len(cases) != 1 || cases[0].Q != offTopic {
		t.Errorf("feedback export = %d %s, %v %+v", code, errOut, err, cases)
	}
	if _, errOut, code := runCLI(t, dataDir, "feedback", "purge"); code != exitUsage {
		t.Errorf("purge without --guild exited %d: %s", code, errOut)
	}
	if out, errOut, code := runCLI(t, dataDir, "feedback", "purge", "--guild", other); code != exitOK || !strings.Contains(out, "Removed 1") {
		t.Errorf("purge = %d %q %s", code, out, errOut)
	}
	if r := feedbackReport(t, dataDir, "--guild", other); r.Questions != 0 {
		t.Errorf("the purged server: %+v", r)
	}
	if r := feedbackReport(t, dataDir, "--guild", fake.GuildID()); r.Questions != 1 {
		t.Errorf("the other server after the purge: %+v", r)
	}
	out, _, _ = runCLI(t, dataDir, "feedback", "--guild", fake.GuildID())
	if !strings.Contains(out, offTopic) || !strings.Contains(out, "questions  1") {
		t.Errorf("the text report:\n%s", out)
	}

	// Past FEEDBACK_DAYS the records go (at start, and so daily).
	clock = clock.Add(8 * 24 * time.Hour)
	env := map[string]string{"DATA_DIR": dataDir, "FEEDBACK_DAYS": "7"}
	var stdout, stderr bytes.Buffer
	if code := Run(context.Background(), []string{"feedback", "--json", "--since", "2000"}, func(k string) string { return env[k] }, &stdout, &stderr); code != exitOK {
		t.Fatalf("feedback exited %d: %s", code, stderr.String())
	}
	var r feedbackOut
	json.Unmarshal(stdout.Bytes(), &r)
	if r.Questions != 0 {
		t.Errorf("past the retention: %+v", r)
	}

	// FEEDBACK=off: no buttons, nothing recorded.
	offDir := seedDataDir(t)
	fake2 := newFake(t)
	bot2 := startBot(t, fake2, offDir, map[string]string{"FEEDBACK": "off"})
	a := dispatch(t, fake2, fake2.SlashCommand("ask", discordtest.StringOption("question", madridQuestion), voter()))
	for _, b := range buttonsOf(a.Components) {
		if strings.Contains(b.Label, "elpful") {
			t.Errorf("FEEDBACK=off shows %q", b.Label)
		}
	}
	bot2.stop()
	for _, name := range app.FeedbackFiles {
		if _, err := os.Stat(filepath.Join(offDir, name)); err == nil {
			t.Errorf("FEEDBACK=off wrote %s", name)
		}
	}
}

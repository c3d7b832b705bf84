package main

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/disputebot/disputebot/bot/discordtest"
	"github.com/disputebot/disputebot/knowledge"
)

// TestFeedbackKilled runs the real binary, has members vote in a burst,
// and kills the process with SIGKILL while the votes still come in: every
// vote whose thanks reached Discord is in the records afterwards, which
// open without a complaint.
func TestFeedbackKilled(t *testing.T) {
	bin := buildBinary(t)
	const n = 300
	fake := newFake(t)
	dataDir := seedDataDir(t)
	cmd := exec.Command(bin, "run")
	cmd.Dir = t.TempDir()
	cmd.Env = []string{"PATH=" + os.Getenv("PATH"), "HOME=" + t.TempDir(),
		"DATA_DIR=" + dataDir, "DISCORD_TOKEN=" + e2eToken, "DISCORD_API_BASE=" + fake.URL(),
		"DISCORD_GUILD_ID=" + fake.GuildID(), "LOG_LEVEL=info"}
	stderr := newLogBuffer()
	cmd.Stderr = stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan struct{})
	go func() { cmd.Wait(); close(exited) }()
	t.Cleanup(func() {
		cmd.Process.Kill()
		<-exited
		if t.Failed() {
			t.Logf("stderr:\n%s", stderr.String())
		}
	})
	deadline := time.Now().Add(30 * time.Second)
	for len(fake.Commands(fake.GuildID())) == 0 {
		if time.Now().After(deadline) {
			t.Fatal("no commands registered within 30 s")
		}
		time.Sleep(20 * time.Millisecond)
	}
	ask := fake.SlashCommand("ask", discordtest.StringOption("question", madridQuestion), voter())
	r := dispatch(t, fake, ask)
	msg := fake.OriginalMessage(ask.ID)
	helpful, _ := r.button(t, "Helpful")
	notHelpful, _ := r.button(t, "Not helpful")

	// The votes come in a stream, as members click, so that the kill
	// falls among them rather than after one batch that took them all.
	votes := map[string]knowledge.Vote{} // interaction → vote
	var ids []string
	var clicks []*discordgo.Interaction
	for i := range n {
		id, v := helpful, knowledge.Helpful
		if i%3 == 0 {
			id, v = notHelpful, knowledge.NotHelpful
		}
		in := fake.ButtonClick(id, msg, member(7000+i))
		votes[in.ID] = v
		ids = append(ids, in.ID)
		clicks = append(clicks, in)
	}
	go func() {
		for _, in := range clicks {
			if fake.Dispatch(in) != nil {
				return
			}
			time.Sleep(3 * time.Millisecond)
		}
	}()
	// thanked is the votes whose thanks reached Discord.
	thanked := func() map[knowledge.Vote]int {
		got := map[knowledge.Vote]int{}
		for _, id := range ids {
			for _, q := range fake.Responses(id) {
				if q.Status < 300 && bytes.Contains(q.Body, []byte("Thanks")) {
					got[votes[id]]++
				}
			}
		}
		return got
	}
	// Kill once an early vote is thanked, while most are still on their
	// way: one vote is looked at, so that the polling is cheap.
	deadline = time.Now().Add(20 * time.Second)
	for watch := ids[n/3]; time.Now().Before(deadline); time.Sleep(time.Millisecond) {
		if slices.ContainsFunc(fake.Responses(watch), func(q discordtest.Request) bool { return q.Status < 300 }) {
			break
		}
	}
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	<-exited
	acked := thanked()
	total := acked[knowledge.Helpful] + acked[knowledge.NotHelpful]
	t.Logf("killed with %d of %d votes acknowledged", total, n)
	if total == 0 {
		t.Fatal("no vote was acknowledged before the kill")
	}

	env := map[string]string{"DATA_DIR": dataDir, "LOG_LEVEL": "warn"}
	var out, errb bytes.Buffer
	if code := Run(t.Context(), []string{"feedback", "--json", "--since", "2000"}, func(k string) string { return env[k] }, &out, &errb); code != exitOK {
		t.Fatalf("feedback after the kill exited %d: %s", code, errb.String())
	}
	if s := errb.String(); strings.Contains(s, "could not be read") {
		t.Errorf("the records were damaged by the kill: %s", s)
	}
	var rep feedbackOut
	if err := json.Unmarshal(out.Bytes(), &rep); err != nil {
		t.Fatal(err)
	}
	if rep.Questions != 1 || rep.Helpful < acked[knowledge.Helpful] || rep.Votes-rep.Helpful < acked[knowledge.NotHelpful] {
		t.Errorf("after the kill the records hold %+v; %d helpful and %d not helpful votes were acknowledged",
			rep, acked[knowledge.Helpful], acked[knowledge.NotHelpful])
	}
}

package main

import (
	"bytes"
	"context"
	"image/png"
	"io"
	"sync"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/disputebot/disputebot/bot/chart"
	"github.com/disputebot/disputebot/bot/discordtest"
)

// This test stands on its own rather than on the shared e2e helpers, so
// that it needs nothing but the committed test files; it can move onto
// them once they are in.

// tlLog is the bot's stderr, shown when the test fails.
type tlLog struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (l *tlLog) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.Write(p)
}

func (l *tlLog) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.String()
}

// tlStartBot runs `disputebot run` against fake until the test ends, and
// waits until it has registered its commands.
func tlStartBot(t *testing.T, fake *discordtest.Server) {
	t.Helper()
	env := map[string]string{
		"DATA_DIR": t.TempDir(), "DISCORD_TOKEN": fake.Token(), "DISCORD_API_BASE": fake.URL(),
		"DISCORD_GUILD_ID": fake.GuildID(), "LOG_LEVEL": "info",
	}
	log := &tlLog{}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan int, 1)
	go func() { done <- Run(ctx, []string{"run"}, func(k string) string { return env[k] }, io.Discard, log) }()
	t.Cleanup(func() {
		cancel()
		select {
		case code := <-done:
			if code != exitOK {
				t.Errorf("disputebot run exited with %d", code)
			}
		case <-time.After(30 * time.Second):
			t.Error("disputebot run did not stop")
		}
		for _, v := range fake.Violations() {
			t.Errorf("Discord would refuse: %s", v)
		}
		for _, r := range fake.MissingAllowedMentions() {
			t.Errorf("message that may ping: %s %s", r.Method, r.Path)
		}
		if t.Failed() {
			t.Logf("bot log:\n%s", log.String())
		}
	})
	deadline := time.Now().Add(60 * time.Second)
	for len(fake.Commands(fake.GuildID())) == 0 {
		select {
		case code := <-done:
			done <- code
			t.Fatalf("disputebot run exited with %d before registering its commands:\n%s", code, log.String())
		case <-time.After(20 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			t.Fatalf("no commands registered:\n%s", log.String())
		}
	}
}

// tlAnswer dispatches i and waits until the bot has sent a file with its
// answer, which comes with the message itself or with the edit after a
// deferral.
func tlAnswer(t *testing.T, fake *discordtest.Server, i *discordgo.Interaction) []discordtest.Request {
	t.Helper()
	if err := fake.Dispatch(i); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	rs, err := fake.WaitFor(ctx, i.ID, func(rs []discordtest.Request) bool {
		for _, r := range rs {
			if r.Status < 300 && len(r.Files) > 0 || r.Status >= 400 {
				return true
			}
		}
		return false
	})
	if err != nil {
		t.Fatal(err)
	}
	return rs
}

// tlChart checks that the requests uploaded the chart once: timeline.png,
// a PNG of the chart's size, shown in the embed of the same request.
func tlChart(t *testing.T, rs []discordtest.Request) {
	t.Helper()
	var files []discordtest.File
	var with discordtest.Request
	for _, r := range rs {
		if r.Status >= 300 {
			t.Fatalf("%s %s refused: %d %s", r.Method, r.Path, r.Status, r.Response)
		}
		if len(r.Files) > 0 {
			files, with = append(files, r.Files...), r
		}
	}
	if len(files) != 1 || files[0].Name != "timeline.png" || files[0].ContentType != "image/png" {
		t.Fatalf("uploaded %d files (%+v), want one timeline.png", len(files), files)
	}
	img, err := png.Decode(bytes.NewReader(files[0].Data))
	if err != nil {
		t.Fatalf("the attachment does not decode as PNG: %v", err)
	}
	if b := img.Bounds(); b.Dx() != chart.Width || b.Dy() != chart.Height {
		t.Errorf("chart is %v, want %dx%d", b, chart.Width, chart.Height)
	}
	var embeds []*discordgo.MessageEmbed
	if with.Kind == discordtest.KindEdit {
		e, err := with.WebhookEdit()
		if err != nil {
			t.Fatal(err)
		}
		embeds = *e.Embeds
	} else {
		resp, err := with.InteractionResponse()
		if err != nil {
			t.Fatal(err)
		}
		embeds = resp.Data.Embeds
	}
	if len(embeds) != 1 || embeds[0].Image == nil || embeds[0].Image.URL != "attachment://timeline.png" {
		t.Errorf("the embed does not show the chart: %+v", embeds)
	}
}

// TestRunTimeline runs /timeline through the real wiring and the fake
// Discord: the reply carries the chart as a PNG upload shown in its
// embed, and a page turn replaces the chart rather than adding a second.
func TestRunTimeline(t *testing.T) {
	fake := discordtest.NewTB(t)
	tlStartBot(t, fake)

	i := fake.SlashCommand("timeline")
	tlChart(t, tlAnswer(t, fake, i))
	msg := fake.OriginalMessage(i.ID)
	if msg == nil || len(msg.Attachments) != 1 || msg.Attachments[0].Filename != "timeline.png" {
		t.Fatalf("message %+v, want one attachment, timeline.png", msg)
	}
	if msg.Flags&discordgo.MessageFlagsEphemeral != 0 {
		t.Error("the timeline is ephemeral")
	}
	var next string
	for _, c := range msg.Components {
		if row, ok := c.(*discordgo.ActionsRow); ok && len(row.Components) == 2 {
			if b, ok := row.Components[1].(*discordgo.Button); ok && !b.Disabled {
				next = b.CustomID
			}
		}
	}
	if next == "" {
		t.Fatalf("no working Next button: %+v", msg.Components)
	}

	click := fake.ButtonClick(next, msg)
	tlChart(t, tlAnswer(t, fake, click))
	if after := fake.OriginalMessage(click.ID); after == nil || len(after.Attachments) != 1 || after.ID != msg.ID {
		t.Errorf("after a page turn the message is %+v, want the same message with one chart", after)
	}
}

package main

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/disputebot/disputebot/bot/discordtest"
)

// askMadrid asks the question with a known answer, as member n so that the
// per-user rate limit stays out of the way, and checks that the answer came.
func askMadrid(t *testing.T, fake *discordtest.Server, n int) *reply {
	t.Helper()
	r := dispatch(t, fake, fake.SlashCommand("ask", discordtest.StringOption("question", madridQuestion), member(n)))
	if text := r.text(); !strings.Contains(text, "10 minutes") && !strings.Contains(text, "ten minutes") {
		t.Fatalf("no answer after the fault: %q", r.Content)
	}
	return r
}

// TestRunGatewayFaults breaks the gateway connection the ways Discord does
// and checks that the bot keeps answering: discordgo must resume (or
// identify again when the session is gone) without the bot noticing.
func TestRunGatewayFaults(t *testing.T) {
	t.Parallel()
	fake := newFake(t)
	startBot(t, fake, seedDataDir(t), nil)
	askMadrid(t, fake, 1)

	steps := []struct {
		name   string
		fault  func()
		resume bool // a resume (true) or a fresh identify (false) is expected
	}{
		{"connection dropped", fake.DropConnections, true},
		{"reconnect requested", fake.SendReconnect, true},
		{"session invalidated", func() { fake.SendInvalidSession(false) }, false},
	}
	for n, step := range steps {
		t.Run(step.name, func(t *testing.T) {
			identifies, resumes := fake.Identifies(), fake.Resumes()
			step.fault()
			// Dispatched while the bot reconnects: the fake holds it until
			// a connection is ready, as Discord replays missed events on
			// resume.
			askMadrid(t, fake, 10+n)
			if step.resume && (fake.Resumes() != resumes+1 || fake.Identifies() != identifies) {
				t.Errorf("resumes %d→%d, identifies %d→%d; want one resume and no new identify",
					resumes, fake.Resumes(), identifies, fake.Identifies())
			}
			if !step.resume && fake.Identifies() != identifies+1 {
				t.Errorf("identifies %d→%d, want a new identify after the session was invalidated", identifies, fake.Identifies())
			}
		})
	}
}

// TestRunRESTFaults makes Discord's REST API fail the first callbacks of
// an interaction: a 429 is waited out and retried and a 502 is retried
// (both by discordgo v0.29.0, up to MaxRestRetries); a 500 is retried once
// by the bot (a callback that did go through answers 40060 the second
// time), and two 500s in a row leave the user without an answer ("The
// application did not respond"), which the bot logs.
func TestRunRESTFaults(t *testing.T) {
	t.Parallel()
	fake := newFake(t)
	bot := startBot(t, fake, seedDataDir(t), nil)

	tests := []struct {
		status     int
		retryAfter time.Duration
		n          int // failures in a row
		answered   bool
	}{
		{http.StatusTooManyRequests, 300 * time.Millisecond, 1, true},
		{http.StatusTooManyRequests, 100 * time.Millisecond, 2, true},
		{http.StatusBadGateway, 0, 1, true},
		{http.StatusBadGateway, 0, 3, true},
		{http.StatusInternalServerError, 0, 1, true},
		{http.StatusInternalServerError, 0, 2, false},
	}
	for n, tt := range tests {
		t.Run(fmt.Sprintf("%d×%d", tt.n, tt.status), func(t *testing.T) {
			fake.FailNextPath("/callback", tt.n, tt.status, tt.retryAfter)
			i := fake.SlashCommand("ask", discordtest.StringOption("question", madridQuestion), member(20+n))
			if err := fake.Dispatch(i); err != nil {
				t.Fatal(err)
			}
			if !tt.answered {
				bot.log.waitFor(t, "msg=reply interaction="+i.ID, 10*time.Second)
				rs := fake.Responses(i.ID)
				if len(rs) != tt.n || rs[0].Status != tt.status {
					t.Errorf("requests %s, want %d failed callbacks and no more", describe(rs), tt.n)
				}
				return
			}
			r := waitReply(t, fake, i.ID)
			if r.Type != discordgo.InteractionResponseChannelMessageWithSource {
				t.Errorf("answered with type %d", r.Type)
			}
			failed := 0
			for _, q := range r.Requests {
				if q.Injected {
					failed++
				}
			}
			if failed != tt.n || len(r.Requests) != tt.n+1 {
				t.Errorf("requests %s, want %d failures then the answer", describe(r.Requests), tt.n)
			}
			t.Logf("answered %v after dispatch, through %d× %d", r.Ack, tt.n, tt.status)
		})
	}
}

// TestRunRateLimit checks the per-user limit through Discord: with the
// default of 5 questions per 10 s, a sixth question in a burst gets the
// ephemeral "slow down" reply, and other members are not affected.
func TestRunRateLimit(t *testing.T) {
	t.Parallel()
	fake := newFake(t)
	startBot(t, fake, seedDataDir(t), map[string]string{"RATE_LIMIT": "5/10s"})

	for n := 1; n <= 6; n++ {
		r := dispatch(t, fake, fake.SlashCommand("ask", discordtest.StringOption("question", madridQuestion)))
		slowed := strings.Contains(r.Content, "faster than I can keep up")
		if slowed != (n == 6) {
			t.Errorf("question %d: slowed down = %v (%q)", n, slowed, r.Content)
		}
		if slowed && !r.ephemeral() {
			t.Errorf("question %d: the slow-down reply is public", n)
		}
	}
	// /about is never limited, and another member may still ask.
	if r := dispatch(t, fake, fake.SlashCommand("about")); len(r.Embeds) == 0 {
		t.Errorf("/about after the burst: %q", r.Content)
	}
	askMadrid(t, fake, 1)
}

// TestRunBadInput sends what Discord lets through, or what a client could
// forge, in the question: each gets a reply within the deadline, without a
// panic or a refused request (checked when the bot stops).
func TestRunBadInput(t *testing.T) {
	t.Parallel()
	fake := newFake(t)
	startBot(t, fake, seedDataDir(t), nil)

	questions := map[string]string{
		"empty":        "",
		"blank":        " \t\n ",
		"6000 chars":   strings.Repeat("Why did Japan tighten export controls? ", 154)[:6000],
		"query syntax": `+export -controls "white list" title:GSOMIA AND (NOT x) OR y* ~2 ^3 /re.ex/ \ field:>2019 {}[]`,
		"emoji":        "🇯🇵🤝🇰🇷 when did the export controls 🔬💾 start?? 🤔🙏",
		"zero width":   "When\u200b did\u200c Japan\u200d tighten\ufeff export\u2060 controls?\u200b",
		"rtl":          "\u202eslortnoc tropxe\u202c متى شددت اليابان ضوابط التصدير؟ When did Japan tighten export controls?",
		"mentions":     "@everyone @here <@123> <@!123> <@&456> when did Japan tighten export controls?",
		"markdown":     "**bold** __u__ ||spoiler|| `code` > quote [link](javascript:alert(1)) # heading",
		"control":      "export\x00controls\x1b[31m\x7f?",
		"invalid utf8": "export \xff\xfe controls?",
	}
	n := 0
	for name, q := range questions {
		n++
		t.Run(name, func(t *testing.T) {
			i := fake.SlashCommand("ask", discordtest.StringOption("question", q), member(100+n))
			r := dispatch(t, fake, i)
			if r.Content == "" && len(r.Embeds) == 0 {
				t.Errorf("empty reply")
			}
			for _, s := range []string{"@everyone", "@here", "<@123>", "<@&456>"} {
				if strings.Contains(r.text(), s) {
					t.Errorf("the reply contains a raw %q", s)
				}
			}
		})
	}
}

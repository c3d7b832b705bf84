package main

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/disputebot/disputebot/bot/discordtest"
)

// TestRunLoad dispatches 200 questions from 200 members at once and checks
// that Discord gets the first callback of every one within its 3 s window,
// deferred or not, and then a complete answer. It does not run in parallel
// with the other e2e tests: it measures deadlines on a small machine, under
// -race, and must have the CPU to itself.
//
// It found that 16 searches at once on 2 CPUs starved the acknowledgements
// and that every queued question waited out the whole reply budget before
// deferring: 5 to 87 of the 200 callbacks came after 3 s. The bot now runs
// GOMAXPROCS searches at once, defers at once when it has to queue, and
// counts its budget from the interaction's creation.
func TestRunLoad(t *testing.T) {
	const n = 200
	fake := newFake(t)
	startBot(t, fake, seedDataDir(t), nil)

	questions := []string{
		madridQuestion,
		"When did Japan tighten export controls on South Korea?",
		"What did the Supreme Court of Korea rule in October 2018?",
		"Why did South Korea decide to end GSOMIA?",
		"When was South Korea removed from Japan's white list?",
	}
	ids := make([]string, n)
	for i := range n {
		in := fake.SlashCommand("ask", discordtest.StringOption("question", questions[i%len(questions)]), member(1000+i))
		ids[i] = in.ID
		if err := fake.Dispatch(in); err != nil {
			t.Fatal(err)
		}
	}

	// An interaction is settled when it is answered, or when its callback
	// came too late (10062) and no answer can follow.
	settled := func(rs []discordtest.Request) bool {
		return answered(rs) || len(rs) > 0 && rs[0].Kind == discordtest.KindCallback && rs[0].Status >= 400
	}
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	var acks, answers []time.Duration
	deferred, late, failed := 0, 0, 0
	for _, id := range ids {
		rs, err := fake.WaitFor(ctx, id, settled)
		if err != nil {
			t.Fatalf("%v: %s", err, describe(rs))
		}
		first := rs[0]
		if first.Kind != discordtest.KindCallback || first.Status != 204 {
			late++
		}
		acks = append(acks, first.At)
		if callbackType(first) == discordgo.InteractionResponseDeferredChannelMessageWithSource {
			deferred++
		}
		answers = append(answers, rs[len(rs)-1].At)
		if last := rs[len(rs)-1]; last.Kind == discordtest.KindEdit && strings.Contains(string(last.Body), "something went wrong") {
			failed++
		}
	}
	slices.Sort(acks)
	slices.Sort(answers)
	pct := func(ds []time.Duration, p int) time.Duration { return ds[(len(ds)*p+99)/100-1] }
	t.Logf("%d questions: first callback p50 %v, p99 %v, max %v; %d deferred; complete answer p50 %v, max %v; %d errors",
		n, pct(acks, 50), pct(acks, 99), acks[n-1], deferred, pct(answers, 50), answers[n-1], failed)
	if max := acks[n-1]; max > discordtest.DefaultAckDeadline || late > 0 {
		t.Errorf("%d of %d first callbacks refused or late; the slowest came %v after dispatch (Discord allows %v)",
			late, n, max, discordtest.DefaultAckDeadline)
	}
	if v := fake.Violations(); len(v) > 0 {
		t.Errorf("%d violations, such as %s", len(v), v[0])
	}
	if m := fake.MissingAllowedMentions(); len(m) > 0 {
		t.Errorf("%d messages without allowed_mentions", len(m))
	}
}

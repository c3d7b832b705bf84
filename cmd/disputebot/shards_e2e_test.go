package main

import (
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/disputebot/disputebot/bot/discordtest"
)

// guildsByShard returns one guild id for each of count shards, guild i on
// shard i, as Discord assigns them: (guild_id >> 22) % count.
func guildsByShard(count int) []string {
	ids := make([]string, count)
	found := 0
	for i := uint64(0); found < count; i++ {
		id := 1300000000000000000 + i<<22
		s := discordtest.ShardOf(strconv.FormatUint(id, 10), count)
		if ids[s] == "" {
			ids[s] = strconv.FormatUint(id, 10)
			found++
		}
	}
	return ids
}

// writeGuildArticle puts a server's own article, answering guildQuestion,
// into dataDir's corpus.
func writeGuildArticle(t *testing.T, dataDir, guild string) {
	t.Helper()
	text := strings.Replace(fmt.Sprintf(guildArticle, guild), "id: busan-study-group-2024-03", "id: busan-study-group-2024-03-"+guild, 1)
	text = strings.Replace(text, "notes/2024-03", "notes/2024-03/"+guild, 1)
	if err := os.MkdirAll(filepath.Join(dataDir, "corpus"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dataDir, "corpus", guild+".md"), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// askIn asks guildQuestion in a guild and reports whether the answer
// comes from the guild's own article.
func askIn(t *testing.T, fake *discordtest.Server, guild string, who int) bool {
	t.Helper()
	r := dispatch(t, fake, fake.SlashCommand("ask", discordtest.InGuild(guild), member(who), discordtest.StringOption("question", guildQuestion)))
	return strings.Contains(r.text(), "47 days")
}

// TestRunShardsAuto: with SHARD_COUNT=auto and Discord recommending 3
// shards, one process identifies all 3 within the identify rate limit (the
// fake records a violation otherwise), answers in a guild of each, and goes
// on answering in the others while one shard is disconnected, which
// /healthz reports.
func TestRunShardsAuto(t *testing.T) {
	t.Parallel()
	guilds := guildsByShard(3)
	fake := newFake(t, discordtest.WithShards(3, 3), discordtest.WithGuilds(guilds...))
	dataDir := seedDataDir(t)
	for _, g := range guilds {
		writeGuildArticle(t, dataDir, g)
	}
	b := startBot(t, fake, dataDir, map[string]string{"SHARD_COUNT": "auto", "METRICS_ADDR": "127.0.0.1:0", "RATE_LIMIT": "1000/10s"})
	addr := metricsAddr(t, b)
	body := waitHealth(t, addr, http.StatusOK)
	for i := range 3 {
		if !strings.Contains(body, fmt.Sprintf("shard %d: connected", i)) {
			t.Errorf("/healthz:\n%s", body)
		}
	}
	ids := fake.IdentifyLog()
	if len(ids) != 3 {
		t.Fatalf("%d identifies, want 3", len(ids))
	}
	for i, id := range ids {
		if len(id.Shard) != 2 || id.Shard[1] != 3 || id.Shard[0] != i {
			t.Errorf("identify %d: shard %v, want [%d 3]", i, id.Shard, i)
		}
	}
	for i, g := range guilds {
		if !askIn(t, fake, g, i) {
			t.Errorf("guild on shard %d: not answered from its own article", i)
		}
	}

	fake.RefuseGateway(true)
	fake.DropShard(1)
	body = waitHealth(t, addr, http.StatusServiceUnavailable)
	if !strings.Contains(body, "shard 1: disconnected") || !strings.Contains(body, "shard 0: connected") {
		t.Errorf("/healthz with shard 1 down:\n%s", body)
	}
	for _, s := range []int{0, 2} {
		if !askIn(t, fake, guilds[s], 10+s) {
			t.Errorf("guild on shard %d not answered while shard 1 is down", s)
		}
	}
	fake.RefuseGateway(false)
	waitHealth(t, addr, http.StatusOK)
	if !askIn(t, fake, guilds[1], 21) {
		t.Error("guild on shard 1 not answered after it resumed")
	}
}

// TestRunShardsSplit: two processes share the shards of SHARD_COUNT=3,
// one running shard 0 and registering the commands, the other 1-2; each
// answers its own guilds from their own articles and holds only those.
func TestRunShardsSplit(t *testing.T) {
	t.Parallel()
	guilds := guildsByShard(3)
	fake := newFake(t, discordtest.WithShards(3, 3), discordtest.WithGuilds(guilds...))
	dirs := []string{seedDataDir(t), seedDataDir(t)}
	for _, dir := range dirs {
		for _, g := range guilds {
			writeGuildArticle(t, dir, g)
		}
	}
	first := startBot(t, fake, dirs[0], map[string]string{"SHARD_COUNT": "3", "SHARDS": "0", "RATE_LIMIT": "1000/10s"})
	second := startBot(t, fake, dirs[1], map[string]string{"SHARD_COUNT": "3", "SHARDS": "1-2", "RATE_LIMIT": "1000/10s"})
	for _, s := range []string{"shard=1", "shard=2"} {
		second.log.waitFor(t, `msg="connected to the Discord gateway" `+s, 10*time.Second)
	}
	time.Sleep(100 * time.Millisecond) // the connection is ready once READY is handled
	for i, g := range guilds {
		if !askIn(t, fake, g, i) {
			t.Errorf("guild on shard %d: not answered from its own article", i)
		}
	}
	// 15 built-in articles, and the guilds' own of the process's shards.
	if !strings.Contains(first.log.String(), "articles=16") || !strings.Contains(second.log.String(), "articles=17") {
		t.Errorf("articles held: want 16 by the process of shard 0 and 17 by that of 1-2; logs:\n%s\n%s", first.log.String(), second.log.String())
	}
	if strings.Contains(second.log.String(), "registered commands") {
		t.Error("the process without shard 0 registered the commands")
	}
}

// TestRunShardsIdentifyLimit: with max_concurrency 1, the second shard
// identifies 5 s after the first, as Discord requires.
func TestRunShardsIdentifyLimit(t *testing.T) {
	if testing.Short() {
		t.Skip("waits out Discord's 5 s identify window")
	}
	t.Parallel()
	fake := newFake(t, discordtest.WithShards(2, 1))
	b := startBot(t, fake, seedDataDir(t), nil)
	b.log.waitFor(t, `msg="connected to the Discord gateway" shard=1`, 15*time.Second)
	ids := fake.IdentifyLog()
	if len(ids) != 2 {
		t.Fatalf("%d identifies, want 2", len(ids))
	}
	if d := ids[1].At.Sub(ids[0].At); d < 5*time.Second {
		t.Errorf("the second shard identified %v after the first, want at least 5 s", d)
	}
}

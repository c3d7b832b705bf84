package main

import (
	"crypto/ed25519"
	"encoding/hex"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/disputebot/disputebot/knowledge"
)

// Config is every setting of disputebot, read once from the environment.
// Only this package reads the environment.
type Config struct {
	DataDir   string
	LogLevel  slog.Level
	LogFormat string // LOG_FORMAT: "text" (the default) or "json"

	DiscordToken string   // DISCORD_TOKEN; never logged or shown
	GuildID      string   // DISCORD_GUILD_ID
	APIBase      *url.URL // DISCORD_API_BASE; nil means https://discord.com
	RateLimit    int      // RATE_LIMIT: questions per RateWindow per user
	RateWindow   time.Duration

	ModeratorRoles []string // MODERATOR_ROLE_IDS
	// Feedback is FEEDBACK: whether /ask questions and votes on answers
	// are recorded (on by default; "off" records nothing and hides the
	// vote buttons).
	Feedback bool
	// FeedbackRetention is FEEDBACK_DAYS (default 90) as a duration: how
	// long feedback records are kept.
	FeedbackRetention time.Duration
	AllowPrivateFetch bool // ALLOW_PRIVATE_FETCH, for tests against local servers only

	MetricsAddr string // METRICS_ADDR: where /healthz and /metrics are served; "" serves neither

	// INTERACTIONS_ADDR: where Discord's HTTP interactions are answered,
	// instead of the gateway; "" uses the gateway. DISCORD_PUBLIC_KEY, the
	// application's key, checks their signatures.
	InteractionsAddr string
	PublicKey        ed25519.PublicKey

	ShardCount int   // SHARD_COUNT: 0 for "auto", Discord's recommendation
	Shards     []int // SHARDS: the shard ids this process runs; nil runs all
}

// LogValue keeps the token out of logs even if a Config is logged whole.
func (c Config) LogValue() slog.Value {
	base := "https://discord.com"
	if c.APIBase != nil {
		base = c.APIBase.String()
	}
	return slog.GroupValue(
		slog.String("data_dir", c.DataDir), slog.String("log_level", c.LogLevel.String()), slog.String("log_format", c.LogFormat),
		slog.Bool("token_set", c.DiscordToken != ""), slog.String("guild_id", c.GuildID),
		slog.String("api_base", base), slog.String("rate_limit", fmt.Sprintf("%d/%v", c.RateLimit, c.RateWindow)),
		slog.Bool("feedback", c.Feedback), slog.String("feedback_retention", c.FeedbackRetention.String()),
		slog.String("metrics_addr", c.MetricsAddr), slog.String("interactions_addr", c.InteractionsAddr),
		slog.Int("shard_count", c.ShardCount), slog.Any("shards", c.Shards),
	)
}

// maxFeedbackDays bounds FEEDBACK_DAYS: ten years is longer than any
// reason to keep what members asked.
const maxFeedbackDays = 3650

var (
	snowflake = regexp.MustCompile(`^[0-9]{17,20}$`)
	rateSpec  = regexp.MustCompile(`^([0-9]{1,4})/([0-9a-z.]+)$`)
)

// configError is a setting that is missing or wrong: the process exits
// with exitConfig, which tells a supervisor not to restart it. Its message
// names the setting and where it was set, never its value, which may be
// the token or hold it.
type configError struct{ msg string }

func (e *configError) Error() string { return e.msg }

// settingError returns a configError for key, saying where it was set.
func settingError(env Env, key, format string, args ...any) error {
	if where := env.where(key); where != "" {
		key += " (" + where + ")"
	}
	return &configError{key + ": " + fmt.Sprintf(format, args...)}
}

// loadConfig reads and checks the settings. An error is one line that names
// the setting, and never shows its value.
func loadConfig(env Env) (Config, error) {
	c := Config{DataDir: "./data", LogLevel: slog.LevelWarn, LogFormat: "text", RateLimit: 5, RateWindow: 10 * time.Second,
		Feedback: true, FeedbackRetention: knowledge.DefaultFeedbackRetention}
	get := func(k string) string { return strings.TrimSpace(env(k)) }
	if v := get("DATA_DIR"); v != "" {
		c.DataDir = v
	}
	if v := get("LOG_LEVEL"); v != "" {
		if err := c.LogLevel.UnmarshalText([]byte(v)); err != nil {
			return c, settingError(env, "LOG_LEVEL", "must be debug, info, warn or error")
		}
	}
	if v := get("LOG_FORMAT"); v != "" {
		if v != "text" && v != "json" {
			return c, settingError(env, "LOG_FORMAT", "must be text (the default) or json (one JSON object a line, for log collectors)")
		}
		c.LogFormat = v
	}
	if v := get("DISCORD_TOKEN"); v != "" {
		v = strings.TrimPrefix(v, "Bot ")
		why := ""
		switch {
		case strings.ContainsAny(v, " \t\r\n\"'"):
			why = "it has spaces or quotes in it"
		case len(v) < 8:
			why = "it is too short"
		case len(v) > 200:
			why = "it is too long"
		}
		if why != "" {
			return c, settingError(env, "DISCORD_TOKEN", "does not look like a bot token (%s); "+
				"copy it again from the Bot page of your application", why)
		}
		c.DiscordToken = v
	}
	if v := get("DISCORD_GUILD_ID"); v != "" {
		if !snowflake.MatchString(v) {
			return c, settingError(env, "DISCORD_GUILD_ID", "is not a Discord server id, which is 17 to 20 digits "+
				"(with Developer Mode on, right-click the server and Copy Server ID), or leave it empty")
		}
		c.GuildID = v
	}
	if v := get("DISCORD_API_BASE"); v != "" {
		u, err := url.Parse(v)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" ||
			(u.Path != "" && u.Path != "/") || u.RawQuery != "" || u.User != nil {
			return c, settingError(env, "DISCORD_API_BASE", "must be a scheme and host only, such as https://discord.com, "+
				"or left empty")
		}
		c.APIBase = &url.URL{Scheme: u.Scheme, Host: u.Host}
	}
	if v := get("RATE_LIMIT"); v != "" {
		m := rateSpec.FindStringSubmatch(v)
		var err error
		if m != nil {
			c.RateLimit, _ = strconv.Atoi(m[1])
			c.RateWindow, err = time.ParseDuration(m[2])
		}
		if m == nil || err != nil || c.RateLimit < 1 || c.RateWindow < time.Second || c.RateWindow > time.Hour {
			return c, settingError(env, "RATE_LIMIT", "must be questions per time, such as 5/10s "+
				"(at least 1 question, in 1s to 1h)")
		}
	}
	if v := get("MODERATOR_ROLE_IDS"); v != "" {
		for i, id := range strings.FieldsFunc(v, func(r rune) bool { return r == ',' || r == ' ' }) {
			if !snowflake.MatchString(id) {
				return c, settingError(env, "MODERATOR_ROLE_IDS", "role %d of the list is not a Discord role id; "+
					"write role ids of 17 to 20 digits, separated by commas", i+1)
			}
			c.ModeratorRoles = append(c.ModeratorRoles, id)
		}
	}
	if v := get("FEEDBACK"); v != "" {
		switch strings.ToLower(v) {
		case "on", "true", "1", "yes":
			c.Feedback = true
		case "off", "false", "0", "no":
			c.Feedback = false
		default:
			return c, settingError(env, "FEEDBACK", "must be on or off")
		}
	}
	if v := get("FEEDBACK_DAYS"); v != "" {
		days, err := strconv.Atoi(v)
		if err != nil || days < 1 || days > maxFeedbackDays {
			return c, settingError(env, "FEEDBACK_DAYS", "must be a whole number of days, 1 to %d", maxFeedbackDays)
		}
		c.FeedbackRetention = time.Duration(days) * 24 * time.Hour
	}
	if v := get("ALLOW_PRIVATE_FETCH"); v != "" {
		b, err := strconv.ParseBool(v)
		if err != nil {
			return c, settingError(env, "ALLOW_PRIVATE_FETCH", "must be true or false")
		}
		c.AllowPrivateFetch = b
	}
	if v := get("METRICS_ADDR"); v != "" {
		if !validListenAddr(v) {
			return c, settingError(env, "METRICS_ADDR", "must be a host and port to listen on, such as 127.0.0.1:9090 or :9090, or left empty")
		}
		c.MetricsAddr = v
	}
	if v := get("INTERACTIONS_ADDR"); v != "" {
		if !validListenAddr(v) {
			return c, settingError(env, "INTERACTIONS_ADDR", "must be a host and port to listen on, such as :8080, or left empty to use the gateway")
		}
		c.InteractionsAddr = v
	}
	if v := get("DISCORD_PUBLIC_KEY"); v != "" {
		key, err := hex.DecodeString(v)
		if err != nil || len(key) != ed25519.PublicKeySize {
			return c, settingError(env, "DISCORD_PUBLIC_KEY", "is not an application public key, which is 64 hexadecimal digits "+
				"(copy Public Key from the General Information page of your application)")
		}
		c.PublicKey = key
	}
	if v := get("SHARD_COUNT"); v != "" && v != "auto" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > maxShard {
			return c, settingError(env, "SHARD_COUNT", "must be auto (what Discord recommends) or a number of shards from 1 to %d", maxShard)
		}
		c.ShardCount = n
	}
	if v := get("SHARDS"); v != "" && v != "all" {
		ids, err := parseShards(v)
		if err != nil {
			return c, settingError(env, "SHARDS", "must be the shard ids this process runs, such as 0-3 or 0,2,5-7 (%v)", err)
		}
		if c.ShardCount > 0 && ids[len(ids)-1] >= c.ShardCount {
			return c, settingError(env, "SHARDS", "names shard %d, but SHARD_COUNT is %d (shards are numbered from 0)", ids[len(ids)-1], c.ShardCount)
		}
		c.Shards = ids
	}
	if c.InteractionsAddr != "" && c.PublicKey == nil {
		return c, settingError(env, "DISCORD_PUBLIC_KEY", "is required with INTERACTIONS_ADDR, to check that requests come from Discord "+
			"(copy Public Key from the General Information page of your application)")
	}
	return c, nil
}

// validListenAddr reports whether addr is a host (which may be empty, for
// every interface) and a port number, as net.Listen takes them.
func validListenAddr(addr string) bool {
	_, port, err := net.SplitHostPort(addr)
	if err != nil {
		return false
	}
	n, err := strconv.Atoi(port)
	return err == nil && n >= 0 && n <= 65535
}

func clipSetting(s string) string {
	if len(s) > 60 {
		return s[:60] + "…"
	}
	return s
}

// newLogger writes structured logs to w: as key=value text for people, or
// as one JSON object a line for log collectors (LOG_FORMAT=json).
func newLogger(w io.Writer, format string, level slog.Level) *slog.Logger {
	opts := &slog.HandlerOptions{Level: level}
	if format == "json" {
		return slog.New(slog.NewJSONHandler(w, opts))
	}
	return slog.New(slog.NewTextHandler(w, opts))
}

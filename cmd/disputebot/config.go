package main

import (
	"fmt"
	"io"
	"log/slog"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// Config is every setting of disputebot, read once from the environment.
// Only this package reads the environment.
type Config struct {
	DataDir  string
	LogLevel slog.Level

	DiscordToken string   // DISCORD_TOKEN; never logged or shown
	GuildID      string   // DISCORD_GUILD_ID
	APIBase      *url.URL // DISCORD_API_BASE; nil means https://discord.com
	RateLimit    int      // RATE_LIMIT: questions per RateWindow per user
	RateWindow   time.Duration

	ModeratorRoles    []string // MODERATOR_ROLE_IDS
	AllowPrivateFetch bool     // ALLOW_PRIVATE_FETCH, for tests against local servers only
}

// LogValue keeps the token out of logs even if a Config is logged whole.
func (c Config) LogValue() slog.Value {
	base := "https://discord.com"
	if c.APIBase != nil {
		base = c.APIBase.String()
	}
	return slog.GroupValue(
		slog.String("data_dir", c.DataDir), slog.String("log_level", c.LogLevel.String()),
		slog.Bool("token_set", c.DiscordToken != ""), slog.String("guild_id", c.GuildID),
		slog.String("api_base", base), slog.String("rate_limit", fmt.Sprintf("%d/%v", c.RateLimit, c.RateWindow)),
	)
}

var (
	snowflake = regexp.MustCompile(`^[0-9]{17,20}$`)
	rateSpec  = regexp.MustCompile(`^([0-9]{1,4})/([0-9a-z.]+)$`)
)

// loadConfig reads and checks the settings. An error is one line that names
// the setting, and never contains the token.
func loadConfig(env Env) (Config, error) {
	c := Config{DataDir: "./data", LogLevel: slog.LevelWarn, RateLimit: 5, RateWindow: 10 * time.Second}
	get := func(k string) string { return strings.TrimSpace(env(k)) }
	if v := get("DATA_DIR"); v != "" {
		c.DataDir = v
	}
	if v := get("LOG_LEVEL"); v != "" {
		if err := c.LogLevel.UnmarshalText([]byte(v)); err != nil {
			return c, fmt.Errorf("LOG_LEVEL: %q is not one of debug, info, warn, error", v)
		}
	}
	if v := get("DISCORD_TOKEN"); v != "" {
		v = strings.TrimPrefix(v, "Bot ")
		if strings.ContainsAny(v, " \t\r\n\"'") || len(v) < 8 || len(v) > 200 {
			return c, fmt.Errorf("DISCORD_TOKEN: does not look like a bot token (copy it from the Bot page of your application)")
		}
		c.DiscordToken = v
	}
	if v := get("DISCORD_GUILD_ID"); v != "" {
		if !snowflake.MatchString(v) {
			return c, fmt.Errorf("DISCORD_GUILD_ID: %q is not a Discord server id (17–20 digits)", clipSetting(v))
		}
		c.GuildID = v
	}
	if v := get("DISCORD_API_BASE"); v != "" {
		u, err := url.Parse(v)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" ||
			(u.Path != "" && u.Path != "/") || u.RawQuery != "" || u.User != nil {
			shown := clipSetting(v)
			if strings.ContainsAny(v, "@") {
				shown = "(a URL with a user name or password, not shown)"
			}
			return c, fmt.Errorf("DISCORD_API_BASE: %q must be a scheme and host such as https://discord.com", shown)
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
			return c, fmt.Errorf("RATE_LIMIT: %q must be questions per time, such as 5/10s (1 s to 1 h)", clipSetting(v))
		}
	}
	if v := get("MODERATOR_ROLE_IDS"); v != "" {
		for _, id := range strings.FieldsFunc(v, func(r rune) bool { return r == ',' || r == ' ' }) {
			if !snowflake.MatchString(id) {
				return c, fmt.Errorf("MODERATOR_ROLE_IDS: %q is not a Discord role id (17–20 digits)", clipSetting(id))
			}
			c.ModeratorRoles = append(c.ModeratorRoles, id)
		}
	}
	if v := get("ALLOW_PRIVATE_FETCH"); v != "" {
		b, err := strconv.ParseBool(v)
		if err != nil {
			return c, fmt.Errorf("ALLOW_PRIVATE_FETCH: %q must be true or false", clipSetting(v))
		}
		c.AllowPrivateFetch = b
	}
	return c, nil
}

func clipSetting(s string) string {
	if len(s) > 60 {
		return s[:60] + "…"
	}
	return s
}

// newLogger writes structured logs to w.
func newLogger(w io.Writer, level slog.Level) *slog.Logger {
	return slog.New(slog.NewTextHandler(w, &slog.HandlerOptions{Level: level}))
}

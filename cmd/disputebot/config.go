package main

import (
	"fmt"
	"io"
	"log/slog"
	"strings"
)

// Config is every setting of disputebot, read once from the environment.
// Only this package reads the environment.
type Config struct {
	DataDir  string
	LogLevel slog.Level
}

// loadConfig reads and checks the settings. Errors name the setting.
func loadConfig(env Env) (Config, error) {
	c := Config{DataDir: "./data", LogLevel: slog.LevelWarn}
	if v := strings.TrimSpace(env("DATA_DIR")); v != "" {
		c.DataDir = v
	}
	if v := strings.TrimSpace(env("LOG_LEVEL")); v != "" {
		if err := c.LogLevel.UnmarshalText([]byte(v)); err != nil {
			return c, fmt.Errorf("LOG_LEVEL: %q is not one of debug, info, warn, error", v)
		}
	}
	return c, nil
}

// newLogger writes structured logs to w.
func newLogger(w io.Writer, level slog.Level) *slog.Logger {
	return slog.New(slog.NewTextHandler(w, &slog.HandlerOptions{Level: level}))
}

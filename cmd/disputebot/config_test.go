package main

import (
	"strings"
	"testing"
)

// TestServiceSettings: the addresses and the public key are checked at
// start-up, and a mistake is one line naming the setting.
func TestServiceSettings(t *testing.T) {
	key := strings.Repeat("ab", 32)
	for _, tt := range []struct {
		name    string
		env     map[string]string
		setting string // "" when valid
	}{
		{"metrics on loopback", map[string]string{"METRICS_ADDR": "127.0.0.1:9090"}, ""},
		{"metrics on every interface", map[string]string{"METRICS_ADDR": ":9090"}, ""},
		{"metrics without a port", map[string]string{"METRICS_ADDR": "localhost"}, "METRICS_ADDR"},
		{"metrics with a bad port", map[string]string{"METRICS_ADDR": ":http-alt"}, "METRICS_ADDR"},
		{"interactions with a key", map[string]string{"INTERACTIONS_ADDR": ":8080", "DISCORD_PUBLIC_KEY": key}, ""},
		{"interactions without a key", map[string]string{"INTERACTIONS_ADDR": ":8080"}, "DISCORD_PUBLIC_KEY"},
		{"a short key", map[string]string{"INTERACTIONS_ADDR": ":8080", "DISCORD_PUBLIC_KEY": key[:62]}, "DISCORD_PUBLIC_KEY"},
		{"a key that is not hex", map[string]string{"DISCORD_PUBLIC_KEY": strings.Repeat("zz", 32)}, "DISCORD_PUBLIC_KEY"},
		{"interactions on a URL", map[string]string{"INTERACTIONS_ADDR": "http://x:8080", "DISCORD_PUBLIC_KEY": key}, "INTERACTIONS_ADDR"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			env := Env(func(k string) string { return tt.env[k] })
			_, err := loadConfig(env)
			if tt.setting == "" {
				if err != nil {
					t.Errorf("refused: %v", err)
				}
				return
			}
			if err == nil || !strings.HasPrefix(err.Error(), tt.setting+":") {
				t.Errorf("got %v, want an error naming %s", err, tt.setting)
			}
			if err != nil && tt.env[tt.setting] != "" && strings.Contains(err.Error(), tt.env[tt.setting]) {
				t.Errorf("the error shows the value: %v", err)
			}
		})
	}
}

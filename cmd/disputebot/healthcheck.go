package main

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"time"
)

// cmdHealthcheck asks the running bot's /healthz (at METRICS_ADDR) whether
// it is healthy, and exits 0 if so, 1 otherwise, saying why. It is the
// HEALTHCHECK of the container image, which has no curl or shell: only
// this binary.
func cmdHealthcheck(ctx context.Context, m *Main, args []string) error {
	if len(args) > 0 {
		return usagef("healthcheck takes no arguments")
	}
	if err := m.configure(); err != nil {
		return err
	}
	if m.config.MetricsAddr == "" {
		return settingError(m.env, "METRICS_ADDR", "is needed by healthcheck, to find the running bot's /healthz")
	}
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, healthURL(m.config.MetricsAddr), nil)
	if err != nil {
		return fmt.Errorf("healthcheck: %w", err)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return fmt.Errorf("healthcheck: %w", err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(io.LimitReader(resp.Body, 4096))
	state := strings.Join(strings.Fields(strings.ReplaceAll(string(body), "\n", "; ")), " ")
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("unhealthy (%s): %s", resp.Status, state)
	}
	fmt.Fprintln(m.stdout, "healthy:", state)
	return nil
}

// healthURL is the /healthz of a bot listening on addr: an address that
// listens on every interface (":9090", "0.0.0.0:9090") is asked on
// loopback.
func healthURL(addr string) string {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return "http://" + addr + "/healthz"
	}
	switch host {
	case "", "0.0.0.0":
		host = "127.0.0.1"
	case "::":
		host = "::1"
	}
	return "http://" + net.JoinHostPort(host, port) + "/healthz"
}

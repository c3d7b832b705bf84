package main

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestSystemdUnit checks packaging/disputebot.service with
// `systemd-analyze verify`, where systemd is installed. verify wants the
// binary the unit starts to exist, so a copy of the unit points at this
// test's own executable.
func TestSystemdUnit(t *testing.T) {
	analyze, err := exec.LookPath("systemd-analyze")
	if err != nil {
		t.Skip("systemd-analyze is not installed: the unit is not verified")
	}
	unit, err := os.ReadFile("../../packaging/disputebot.service")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"DynamicUser=yes", "StateDirectory=disputebot", "ProtectSystem=strict", "Restart=on-failure", "RestartPreventExitStatus=78"} {
		if !bytes.Contains(unit, []byte("\n"+want+"\n")) {
			t.Errorf("the unit lacks %s", want)
		}
	}
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	copy := filepath.Join(t.TempDir(), "disputebot.service")
	if err := os.WriteFile(copy, bytes.ReplaceAll(unit, []byte("/usr/local/bin/disputebot"), []byte(self)), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(analyze, "verify", copy).CombinedOutput()
	if err != nil || len(bytes.TrimSpace(out)) > 0 {
		t.Errorf("systemd-analyze verify: %v\n%s", err, out)
	}
}

// containerTool returns docker or podman if one of them can build here,
// or skips the test saying why not.
func containerTool(t *testing.T) string {
	t.Helper()
	var why []string
	for _, name := range []string{"docker", "podman"} {
		path, err := exec.LookPath(name)
		if err != nil {
			why = append(why, name+" is not installed")
			continue
		}
		if out, err := exec.Command(path, "info").CombinedOutput(); err != nil {
			why = append(why, name+" cannot reach its daemon: "+strings.TrimSpace(lastLine(string(out))))
			continue
		}
		return path
	}
	t.Skip("no container tool to build the image with: " + strings.Join(why, "; "))
	return ""
}

func lastLine(s string) string {
	s = strings.TrimSpace(s)
	return s[strings.LastIndexByte(s, '\n')+1:]
}

// TestDockerImage builds the image from the Dockerfile, offline: the
// binary is built here and handed to the Dockerfile's final stage as its
// "build" stage (--build-context), so that only `FROM scratch`, which
// needs no pull, is left to the container tool. It then checks the image
// runs as a user other than root, has the health check, and answers
// `disputebot ask` without a network.
func TestDockerImage(t *testing.T) {
	if testing.Short() {
		t.Skip("builds an image")
	}
	tool := containerTool(t)
	out := t.TempDir()
	build := exec.Command("go", "build", "-trimpath", "-o", filepath.Join(out, "disputebot"), ".")
	build.Env = append(os.Environ(), "CGO_ENABLED=0")
	if b, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, b)
	}
	for _, dir := range []string{"data", "tmp"} {
		if err := os.Mkdir(filepath.Join(out, dir), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	certs, _ := os.ReadFile("/etc/ssl/certs/ca-certificates.crt") // may be missing: ask needs none
	if err := os.WriteFile(filepath.Join(out, "ca-certificates.crt"), certs, 0o644); err != nil {
		t.Fatal(err)
	}
	var id [4]byte
	rand.Read(id[:])
	tag := "disputebot-test:" + hex.EncodeToString(id[:])
	t.Cleanup(func() { exec.Command(tool, "rmi", "-f", tag).Run() })
	if b, err := exec.Command(tool, "build", "--build-context", "build="+out, "-t", tag, "../..").CombinedOutput(); err != nil {
		t.Fatalf("%s build: %v\n%s", filepath.Base(tool), err, b)
	}
	inspect, err := exec.Command(tool, "image", "inspect", "--format", "{{.Config.User}} {{json .Config.Healthcheck}}", tag).Output()
	if err != nil {
		t.Fatal(err)
	}
	if s := string(inspect); !strings.HasPrefix(s, "65532:65532 ") || !strings.Contains(s, "healthcheck") {
		t.Errorf("image user and health check: %s", s)
	}
	start := time.Now()
	ask, err := exec.Command(tool, "run", "--rm", "--network", "none", tag, "ask", madridQuestion).CombinedOutput()
	if err != nil {
		t.Fatalf("ask in the image: %v\n%s", err, ask)
	}
	if !strings.Contains(string(ask), "10 minutes") && !strings.Contains(string(ask), "ten minutes") {
		t.Errorf("ask in the image answered:\n%s", ask)
	}
	t.Logf("answered in the image in %v", time.Since(start))
}

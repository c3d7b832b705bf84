package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// TestVersion: `disputebot version` prints one line with the module
// version and the Go version, and takes no arguments.
func TestVersion(t *testing.T) {
	code, out, stderr := run(t, "", "version")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.HasPrefix(out, "disputebot ") || strings.Count(out, "\n") != 1 || !strings.Contains(out, runtime.Version()) {
		t.Errorf("version printed %q", out)
	}
	if code, _, _ := run(t, "", "version", "extra"); code != exitUsage {
		t.Errorf("version with an argument: exit %d, want %d", code, exitUsage)
	}
}

// TestInstalledBinary installs the command as `go install` does and runs
// it from a directory that has nothing of the project: the default corpus
// is embedded, so it still answers, and `version` shows the VCS revision
// the toolchain stamped into it.
func TestInstalledBinary(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	t.Parallel()
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command to build the binary with")
	}
	gobin := t.TempDir()
	install := exec.Command(goTool, "install", ".")
	// This machine's go env may turn VCS stamping off (GOFLAGS=-buildvcs=false);
	// a build in a git work tree stamps by default, which is what is tested.
	install.Env = append(os.Environ(), "GOBIN="+gobin, "GOFLAGS=-buildvcs=auto")
	if out, err := install.CombinedOutput(); err != nil {
		t.Fatalf("go install: %v\n%s", err, out)
	}
	bin := filepath.Join(gobin, "disputebot")
	elsewhere := t.TempDir()
	env := []string{"PATH=" + os.Getenv("PATH"), "HOME=" + t.TempDir(), "DATA_DIR=" + filepath.Join(elsewhere, "data")}

	cmd := exec.Command(bin, "version")
	cmd.Dir, cmd.Env = elsewhere, env
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("version: %v", err)
	}
	t.Logf("%s", out)
	// The go command stamps a build in a git repository whose root has a
	// .git directory; a linked work tree's .git is a file, which it does
	// not take for a repository.
	if st, err := os.Stat("../../.git"); err != nil || !st.IsDir() {
		t.Logf("../../.git is not a directory (a linked work tree?): the go command stamps no revision here")
	} else if rev, err := exec.Command("git", "rev-parse", "HEAD").Output(); err == nil {
		if want := "revision " + strings.TrimSpace(string(rev)); !strings.Contains(string(out), want) {
			t.Errorf("version printed %q, want it to name %q", out, want)
		}
	} else {
		t.Logf("no git revision to compare with: %v", err)
	}

	cmd = exec.Command(bin, "ask", madridQuestion)
	cmd.Dir, cmd.Env = elsewhere, env
	out, err = cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("ask from %s: %v\n%s", elsewhere, err, out)
	}
	if !strings.Contains(string(out), "10 minutes") && !strings.Contains(string(out), "ten minutes") {
		t.Errorf("ask from another directory answered:\n%s", out)
	}
}

// TestLogFormat: LOG_FORMAT=json writes every log line as one JSON object
// with time, level and msg, for log collectors; text is the default; any
// other value is a configuration error.
func TestLogFormat(t *testing.T) {
	for _, tt := range []struct {
		format string
		json   bool
	}{{"", false}, {"text", false}, {"json", true}} {
		t.Run("format "+tt.format, func(t *testing.T) {
			env := map[string]string{"DATA_DIR": t.TempDir(), "LOG_LEVEL": "debug", "LOG_FORMAT": tt.format}
			var stdout, stderr bytes.Buffer
			code := Run(context.Background(), []string{"ask", madridQuestion}, func(k string) string { return env[k] }, &stdout, &stderr)
			if code != exitOK {
				t.Fatalf("exit %d: %s", code, stderr.String())
			}
			lines := 0
			sc := bufio.NewScanner(&stderr)
			for sc.Scan() {
				lines++
				var v map[string]any
				err := json.Unmarshal(sc.Bytes(), &v)
				if tt.json && (err != nil || v["msg"] == nil || v["level"] == nil || v["time"] == nil) {
					t.Errorf("not a JSON log line: %s", sc.Bytes())
				}
				if !tt.json && (err == nil || !strings.HasPrefix(sc.Text(), "time=")) {
					t.Errorf("not a text log line: %s", sc.Bytes())
				}
			}
			if lines == 0 {
				t.Error("nothing was logged at debug level")
			}
		})
	}
	env := map[string]string{"DATA_DIR": t.TempDir(), "LOG_FORMAT": "xml"}
	var stdout, stderr bytes.Buffer
	code := Run(context.Background(), []string{"ask", madridQuestion}, func(k string) string { return env[k] }, &stdout, &stderr)
	if code != exitConfig {
		t.Errorf("LOG_FORMAT=xml: exit %d, want %d", code, exitConfig)
	}
	checkOneLine(t, stderr.String(), "LOG_FORMAT")
}

package main

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"
)

// run runs the command line in a fresh data directory and returns its exit
// code and output.
func run(t *testing.T, dataDir string, args ...string) (int, string, string) {
	t.Helper()
	if dataDir == "" {
		dataDir = t.TempDir()
	}
	env := map[string]string{"DATA_DIR": dataDir}
	var stdout, stderr bytes.Buffer
	code := Run(context.Background(), args, func(k string) string { return env[k] }, &stdout, &stderr)
	return code, stdout.String(), stderr.String()
}

func TestAskJSON(t *testing.T) {
	code, out, stderr := run(t, "", "ask", "--json", "How long did Motegi and Kang talk in Madrid?")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var got struct {
		Query   string           `json:"query"`
		Results []map[string]any `json:"results"`
	}
	dec := json.NewDecoder(strings.NewReader(out))
	dec.UseNumber()
	if err := dec.Decode(&got); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if dec.More() {
		t.Fatalf("more than one JSON value in output:\n%s", out)
	}
	if len(got.Results) == 0 {
		t.Fatal("no results")
	}
	for _, field := range []string{"article_id", "passage", "title", "publisher", "url", "published", "kind", "topics", "text", "excerpt", "score"} {
		if _, ok := got.Results[0][field]; !ok {
			t.Errorf("result lacks %q", field)
		}
	}
	first := got.Results[0]
	if text, _ := first["text"].(string); !strings.Contains(text, "10 minutes") && !strings.Contains(text, "ten minutes") {
		t.Errorf("first result does not say how long: %q", text)
	}
	if d, _ := first["published"].(string); len(d) != len("2006-01-02") {
		t.Errorf("published = %q, want YYYY-MM-DD", d)
	}
	if ex, _ := first["excerpt"].(string); !strings.Contains(ex, "**") {
		t.Errorf("excerpt has no bold: %q", ex)
	}
}

func TestAskAbstainsJSON(t *testing.T) {
	code, out, _ := run(t, "", "ask", "--json", "Who won the World Cup?")
	if code != exitOK {
		t.Fatalf("exit %d", code)
	}
	if !strings.Contains(out, `"results": []`) {
		t.Errorf("results not an empty list:\n%s", out)
	}
}

func TestAskHuman(t *testing.T) {
	dir := t.TempDir()
	code, out, stderr := run(t, dir, "ask", "What", "did", "Suga", "say?", "--limit", "2")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{"1. ", "Kyodo News", "2019-12-16", "https://", "news article"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "3. ") {
		t.Errorf("--limit 2 printed a third result:\n%s", out)
	}
	// Second run reuses the index built by the first.
	code, out, _ = run(t, dir, "ask", "Who won the World Cup?")
	if code != exitOK || !strings.Contains(out, "does not cover") {
		t.Errorf("abstention: exit %d, output:\n%s", code, out)
	}
}

func TestAskBadInput(t *testing.T) {
	for _, tc := range []struct {
		name string
		args []string
		code int
		want string // in stderr
	}{
		{"no question", []string{"ask"}, exitUsage, "empty"},
		{"blank question", []string{"ask", "  \t "}, exitUsage, "empty"},
		{"zero-width only", []string{"ask", "\u200b\u200d"}, exitUsage, "empty"},
		{"too long", []string{"ask", strings.Repeat("a", 1001)}, exitUsage, "1000"},
		{"bad topic", []string{"ask", "--topic", "sports", "x"}, exitUsage, "unknown topic"},
		{"bad limit", []string{"ask", "--limit", "0", "x"}, exitUsage, "--limit"},
		{"bad date", []string{"ask", "--from", "yesterday", "x"}, exitUsage, "--from"},
		{"inverted dates", []string{"ask", "--from", "2020-01-01", "--to", "2019-01-01", "x"}, exitUsage, "ends"},
		{"unknown flag", []string{"ask", "--colour", "x"}, exitUsage, "colour"},
		{"unknown command", []string{"frobnicate"}, exitUsage, "unknown command"},
		{"eval without file", []string{"eval"}, exitUsage, "one question file"},
		{"eval missing file", []string{"eval", "/nonexistent/q.jsonl"}, exitUsage, "no such file"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, _, stderr := run(t, "", tc.args...)
			if code != tc.code || !strings.Contains(stderr, tc.want) {
				t.Errorf("exit %d, stderr %q; want exit %d and %q", code, stderr, tc.code, tc.want)
			}
		})
	}
}

// TestAskHostileText checks that query syntax, control characters and
// other odd input are answered as text.
func TestAskHostileText(t *testing.T) {
	dir := t.TempDir()
	for _, q := range []string{`body:* "unclosed ( [ {`, "export\x00controls", "\xff\xfeMotegi", "\u202eKang", "🇯🇵 GSOMIA 🇰🇷", `/.*/ ~2 ^9`} {
		code, _, stderr := run(t, dir, "ask", "--json", q)
		if code != exitOK {
			t.Errorf("%q: exit %d: %s", q, code, stderr)
		}
	}
}

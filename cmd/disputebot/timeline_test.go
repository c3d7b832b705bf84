package main

import (
	"bytes"
	"encoding/json"
	"image/png"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/disputebot/disputebot/bot/chart"
)

// timelineOut is the --json output of timeline, decoded strictly.
type timelineOut struct {
	Entries []struct {
		Date        string `json:"date"`
		Event       string `json:"event"`
		Topic       string `json:"topic"`
		SourceTitle string `json:"source_title"`
		SourceURL   string `json:"source_url"`
		ArticleID   string `json:"article_id"`
		Kind        string `json:"kind"`
	} `json:"entries"`
}

func decodeTimeline(t *testing.T, out string) timelineOut {
	t.Helper()
	var got timelineOut
	dec := json.NewDecoder(strings.NewReader(out))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&got); err != nil {
		t.Fatalf("not the timeline JSON: %v\n%s", err, out)
	}
	if dec.More() {
		t.Fatalf("more than one JSON value:\n%s", out)
	}
	if got.Entries == nil {
		t.Fatalf("entries is not a list:\n%s", out)
	}
	return got
}

func TestTimelineJSON(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		name      string
		args      []string
		min, max  int    // entries
		topic     string // every entry's, if set
		from, to  string // bounds every entry keeps, if set
		wantEvent string // an entry's event starts with this
	}{
		{"everything", []string{"timeline", "--json"}, 60, 1000, "", "", "", "Japan and South Korea sign the Treaty on Basic Relations"},
		{"topic, flag after", []string{"timeline", "--json", "--topic", "trade"}, 10, 60, "export-controls", "", "", "Japan's licence requirement"},
		{"dates", []string{"timeline", "--from", "2019-12-01", "--to", "2019-12-31", "--json"}, 5, 20, "", "2019-12-01", "2019-12-31", "Kyodo News reports: Japan, S. Korea agree"},
		{"one day", []string{"timeline", "--json", "--from", "2019-12-16", "--to", "2019-12-16"}, 2, 2, "", "2019-12-16", "2019-12-16", "First director general-level"},
		{"nothing", []string{"timeline", "--json", "--from", "2030-01-01"}, 0, 0, "", "", "", ""},
		{"unknown guild sees the global corpus", []string{"timeline", "--json", "--guild", "123456789012345678", "--topic", "labor"}, 10, 60, "labor-ruling", "", "", "South Korea's Supreme Court orders Nippon Steel"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, out, stderr := run(t, dir, tc.args...)
			if code != exitOK {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			got := decodeTimeline(t, out)
			if n := len(got.Entries); n < tc.min || n > tc.max {
				t.Errorf("%d entries, want %d to %d", n, tc.min, tc.max)
			}
			var dates []string
			found := tc.wantEvent == ""
			for _, e := range got.Entries {
				dates = append(dates, e.Date)
				if len(e.Date) != len("2006-01-02") || e.Event == "" || e.SourceTitle == "" || e.ArticleID == "" || e.Kind == "" {
					t.Errorf("incomplete entry %+v", e)
				}
				if !strings.HasPrefix(e.SourceURL, "http") {
					t.Errorf("entry without a source link: %+v", e)
				}
				if tc.topic != "" && e.Topic != tc.topic {
					t.Errorf("topic %q, want %q: %+v", e.Topic, tc.topic, e)
				}
				if tc.from != "" && e.Date < tc.from || tc.to != "" && e.Date > tc.to {
					t.Errorf("date %s outside %s to %s", e.Date, tc.from, tc.to)
				}
				found = found || strings.HasPrefix(e.Event, tc.wantEvent)
			}
			if !slices.IsSorted(dates) {
				t.Errorf("not in date order: %v", dates)
			}
			if !found {
				t.Errorf("no event starting %q", tc.wantEvent)
			}
		})
	}
}

func TestTimelineHuman(t *testing.T) {
	code, out, stderr := run(t, "", "timeline", "--topic", "export-controls", "--to", "2019-07-31")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 2 {
		t.Fatalf("want the two July 2019 export-control events, got:\n%s", out)
	}
	want := "2019-07-04  Export controls        Japan's licence requirement for fluorinated polyimide, resist and hydrogen fluoride takes effect  https://www.meti.go.jp/english/press/2019/1108_001.html"
	if lines[1] != want {
		t.Errorf("line\n%q\nwant\n%q", lines[1], want)
	}
	if !strings.HasPrefix(lines[0], "2019-07-01  Export controls  ") {
		t.Errorf("first line %q", lines[0])
	}

	code, out, _ = run(t, "", "timeline", "--from", "2030-01-01")
	if code != exitOK || !strings.Contains(out, "No dated events") {
		t.Errorf("empty timeline: exit %d, output %q", code, out)
	}
}

func TestTimelinePNG(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "timeline.png")
	if err := os.WriteFile(file, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	code, out, stderr := run(t, "", "timeline", "--png", file, "--topic", "talks", "--json")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if n := len(decodeTimeline(t, out).Entries); n == 0 {
		t.Error("--png printed no entries")
	}
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("not a PNG: %v", err)
	}
	if b := img.Bounds(); b.Dx() != chart.Width || b.Dy() != chart.Height {
		t.Errorf("size %v", b)
	}
	// Replaced atomically: no temporary file is left beside it.
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("files left in the directory: %v", entries)
	}

	// An empty timeline still gives a picture, which says so.
	empty := filepath.Join(dir, "empty.png")
	if code, _, stderr := run(t, "", "timeline", "--png", empty, "--from", "2030-01-01"); code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if data, err := os.ReadFile(empty); err != nil {
		t.Error(err)
	} else if _, err := png.Decode(bytes.NewReader(data)); err != nil {
		t.Errorf("empty chart is not a PNG: %v", err)
	}
}

func TestTimelineBadInput(t *testing.T) {
	for _, tc := range []struct {
		name string
		args []string
		code int
		want string // in stderr
	}{
		{"bad topic", []string{"timeline", "--topic", "sports"}, exitUsage, "--topic: unknown topic"},
		{"bad from", []string{"timeline", "--from", "yesterday"}, exitUsage, "--from"},
		{"bad to", []string{"timeline", "--to", "2019-13-01"}, exitUsage, "--to"},
		{"inverted dates", []string{"timeline", "--from", "2020-01-01", "--to", "2019-01-01"}, exitUsage, "ends (2019-01-01) before it starts (2020-01-01)"},
		{"arguments", []string{"timeline", "export", "controls"}, exitUsage, "takes no arguments"},
		{"unknown flag", []string{"timeline", "--limit", "3"}, exitUsage, "limit"},
		{"unwritable png", []string{"timeline", "--png", "/nonexistent-dir/x.png"}, exitError, "timeline chart"},
		{"help", []string{"timeline", "--help"}, exitOK, "usage: disputebot timeline"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, _, stderr := run(t, "", tc.args...)
			if code != tc.code || !strings.Contains(stderr, tc.want) {
				t.Errorf("exit %d, stderr %q; want exit %d and %q", code, stderr, tc.code, tc.want)
			}
		})
	}
}

// TestTimelineNoIndex checks that timeline reads the corpus only: it must
// not build a search index in DATA_DIR.
func TestTimelineNoIndex(t *testing.T) {
	dir := t.TempDir()
	if code, _, stderr := run(t, dir, "timeline"); code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "index")); !os.IsNotExist(err) {
		t.Errorf("timeline touched the index: %v", err)
	}
}

package knowledge_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/disputebot/disputebot/knowledge"
	"github.com/disputebot/disputebot/knowledge/evalset"
)

// readEval writes an export to a file and reads it as `disputebot eval`
// does.
func readEval(t *testing.T, data []byte) ([]evalset.Case, error) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "gaps.jsonl")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return evalset.ReadFile(path)
}

func TestWriteGapsEval(t *testing.T) {
	day := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	asks := []knowledge.Asked{
		{Question: "Who owns Dokdo?", Time: day},
		{Question: "who owns dokdo lol", Time: day.Add(time.Hour)},
		{Question: `what did "Abe" say <about> the \ rulings & why`, Answered: true, NotHelpful: 1, Time: day},
		{Question: "수출규제 언제 해제됐어?", Time: day},
		{Question: "輸出規制はいつ解除されたの？", Time: day.Add(2 * time.Hour)},
		{Question: "what is gsomia", Answered: true, Helpful: 2, Time: day}, // answered well: not a gap
	}
	gaps := knowledge.FindGaps(asks)
	// Texts a caller might pass by hand: line breaks, and nothing at all.
	gaps = append(gaps, knowledge.Gap{Text: "when was\nthe\u2028 plan announced"}, knowledge.Gap{Text: " \u200b "})

	var b bytes.Buffer
	if err := knowledge.WriteGapsEval(&b, gaps); err != nil {
		t.Fatal(err)
	}
	cases, err := readEval(t, b.Bytes())
	if err != nil {
		t.Fatalf("the export does not parse with evalset: %v\n%s", err, b.String())
	}
	var got []string
	for _, c := range cases {
		got = append(got, c.Q)
		if c.Expect == nil || len(c.Expect) != 0 {
			t.Errorf("%q: expect %#v, want []", c.Q, c.Expect)
		}
	}
	want := []string{"輸出規制はいつ解除されたの？", "Who owns Dokdo?", `what did "Abe" say <about> the \ rulings & why`, "when was the plan announced"}
	// The Korean question is the same as the Japanese one: one gap,
	// shown in the phrasing asked last, and first, as asked last. The chat
	// around Dokdo leaves the plain phrasing shown.
	if !slices.Equal(got, want) {
		t.Errorf("questions %q\nwant %q", got, want)
	}
	// Exactly the format of the issue: {"q": ..., "expect": []}, one a line.
	for _, line := range strings.Split(strings.TrimSpace(b.String()), "\n") {
		if strings.HasPrefix(line, "//") {
			continue
		}
		var m map[string]any
		if err := json.Unmarshal([]byte(line), &m); err != nil {
			t.Fatalf("line %q: %v", line, err)
		}
		if len(m) != 2 || m["q"] == nil || m["expect"] == nil {
			t.Errorf("line %q: want only q and expect", line)
		}
	}
}

func TestWriteGapsEvalEmpty(t *testing.T) {
	var b bytes.Buffer
	if err := knowledge.WriteGapsEval(&b, nil); err != nil {
		t.Fatal(err)
	}
	// Only the comment: the eval refuses a file of no questions, which is
	// why callers say "no gaps" instead of sending one.
	if _, err := readEval(t, b.Bytes()); err == nil || !strings.Contains(err.Error(), "no questions") {
		t.Errorf("an empty export read as %v", err)
	}
}

type failingWriter struct{ after int }

var errDiskFull = errors.New("disk full")

func (w *failingWriter) Write(p []byte) (int, error) {
	if w.after <= 0 {
		return 0, errDiskFull
	}
	w.after--
	return len(p), nil
}

func TestWriteGapsEvalError(t *testing.T) {
	for after := range 3 {
		err := knowledge.WriteGapsEval(&failingWriter{after: after}, []knowledge.Gap{{Text: "a"}, {Text: "b"}})
		if !errors.Is(err, errDiskFull) {
			t.Errorf("failing after %d writes: %v, want the writer's error wrapped", after, err)
		}
	}
}

package evalset

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/disputebot/disputebot/knowledge"
)

func writeFile(t *testing.T, text string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "q.jsonl")
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestReadFile(t *testing.T) {
	tests := []struct {
		name, text, err string
		n               int
	}{
		{"two questions", `{"q": "a?", "expect": ["x"]}` + "\n\n// a comment\n" + `{"q": "b?", "expect": [], "near": true}`, "", 2},
		{"unknown field", `{"q": "a?", "expectt": ["x"]}`, ":1: json: unknown field", 0},
		{"empty question", `{"q": " ", "expect": []}`, ":1: empty question", 0},
		{"not JSON", "{\"q\": \"a\"}\nnope", ":2: invalid character", 0},
		{"nothing", "\n// only a comment\n", "no questions", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cases, err := ReadFile(writeFile(t, tt.text))
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("err = %v, want it to hold %q", err, tt.err)
				}
				return
			}
			if err != nil || len(cases) != tt.n {
				t.Fatalf("got %d cases, %v; want %d", len(cases), err, tt.n)
			}
		})
	}
}

// TestRun scores a fake search: each measure and each label's group.
func TestRun(t *testing.T) {
	yes := true
	cases := []Case{
		{Q: "first", Expect: []string{"Alpha"}, Style: "chat", Lang: "en", Line: 1},
		{Q: "second", Expect: []string{"gamma"}, Style: "formal", Lang: "ko", Line: 2},
		{Q: "refused", Expect: []string{"delta"}, Style: "formal", Lang: "ja", Line: 3},
		{Q: "off", Near: &yes, Line: 4},
		{Q: "off answered", Near: &yes, Line: 5},
	}
	answers := map[string][]string{
		"first": {"alpha  text"}, "second": {"beta", "Gamma here"}, "off answered": {"something"},
	}
	search := func(_ context.Context, q knowledge.Query) (*knowledge.Answer, error) {
		ans := &knowledge.Answer{Query: q}
		for _, text := range answers[q.Text] {
			ans.Hits = append(ans.Hits, knowledge.Hit{Text: text})
		}
		return ans, nil
	}
	r, err := Run(context.Background(), search, cases, DefaultTargets)
	if err != nil {
		t.Fatal(err)
	}
	if r.OnTopic != 3 || r.OffTopic != 2 {
		t.Fatalf("on %d off %d", r.OnTopic, r.OffTopic)
	}
	check := func(name string, got, want float64) {
		t.Helper()
		if got < want-1e-9 || got > want+1e-9 {
			t.Errorf("%s = %v, want %v", name, got, want)
		}
	}
	check("hit@1", r.Hit1, 1.0/3)
	check("hit@3", r.Hit3, 2.0/3)
	check("MRR", r.MRR, (1+0.5)/3)
	check("not covered", r.NotCovered, 1.0/3)
	check("off answered", r.OffAnswered, 0.5)
	check("ko/ja hit@3", r.CJKHit3, 0.5)
	if r.Pass {
		t.Error("passed below the targets")
	}
	if len(r.Misses) != 3 {
		t.Errorf("%d misses, want 3 (second at rank 2, refused, off answered)", len(r.Misses))
	}
	groups := map[string]Scores{}
	for _, g := range r.Groups {
		groups[g.By+"="+g.Value] = g.Scores
	}
	if g := groups["style=formal"]; g.OnTopic != 2 || g.Hit3 != 0.5 {
		t.Errorf("style=formal: %+v", g)
	}
	if g := groups["near=near"]; g.OffTopic != 2 || g.OffAnswered != 0.5 {
		t.Errorf("near=near: %+v", g)
	}
	var b strings.Builder
	r.Write(&b)
	for _, want := range []string{"hit@1        0.333", "style=formal", "line 3:", "FAIL"} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("report lacks %q:\n%s", want, b.String())
		}
	}
}

func FuzzReadFile(f *testing.F) {
	for _, s := range []string{`{"q": "a", "expect": ["b"]}`, "", "{", `{"q": "x", "near": false}` + "\n//c\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p := filepath.Join(t.TempDir(), "q.jsonl")
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
		cases, err := ReadFile(p)
		if err == nil && len(cases) == 0 {
			t.Fatal("no error and no questions")
		}
		for _, c := range cases {
			if strings.TrimSpace(c.Q) == "" || c.Line < 1 {
				t.Fatalf("bad case %+v", c)
			}
		}
	})
}

// Package evalset reads question files and measures how well a search
// answers them: the format that `disputebot eval` reads and that the
// ranking is tuned and judged on (testdata/eval).
//
// A question file holds JSON lines {"q": "...", "expect": ["substring",
// ...]}: a question and substrings of the passages that answer it. An
// empty expect marks a question the corpus does not cover, which must get
// no results. Labels break the report down: "style" (formal, chat),
// "lang" (en, ko, ja), "kind" (any tag), "near" (an off-topic question
// sharing words with the corpus), "doc" (the answering article), "topic"
// (a topic filter to ask with); "after" is the question a follow-up
// follows, asked with it (knowledge.Query.After).
package evalset

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/disputebot/disputebot/knowledge"
)

// Case is one line of a question file.
type Case struct {
	Q      string   `json:"q"`
	Expect []string `json:"expect"`
	Topic  string   `json:"topic,omitempty"`
	Doc    string   `json:"doc,omitempty"`
	Style  string   `json:"style,omitempty"`
	Lang   string   `json:"lang,omitempty"`
	Kind   string   `json:"kind,omitempty"`
	Near   *bool    `json:"near,omitempty"`
	// After is the question a follow-up follows in the conversation it
	// was written for ("and how did the us react"), asked with it.
	After string `json:"after,omitempty"`
	Line  int    `json:"-"`
}

// Scores are the measures of a set of questions.
type Scores struct {
	Questions int     `json:"questions"`
	OnTopic   int     `json:"on_topic"`
	OffTopic  int     `json:"off_topic"`
	Hit1      float64 `json:"hit_at_1"`
	Hit3      float64 `json:"hit_at_3"`
	MRR       float64 `json:"mrr"`
	// NotCovered is the share of on-topic questions answered "not covered".
	NotCovered float64 `json:"not_covered"`
	// OffAnswered is the share of off-topic questions that got results.
	OffAnswered float64 `json:"off_topic_answered"`

	hit1, hit3, rr    float64
	refused, answered int
}

func (s *Scores) add(onTopic bool, rank, results int) {
	s.Questions++
	if !onTopic {
		s.OffTopic++
		if results > 0 {
			s.answered++
		}
		return
	}
	s.OnTopic++
	if results == 0 {
		s.refused++
	}
	if rank == 1 {
		s.hit1++
	}
	if rank >= 1 && rank <= 3 {
		s.hit3++
	}
	if rank > 0 {
		s.rr += 1 / float64(rank)
	}
}

func (s *Scores) finish() {
	if s.OnTopic > 0 {
		n := float64(s.OnTopic)
		s.Hit1, s.Hit3, s.MRR, s.NotCovered = s.hit1/n, s.hit3/n, s.rr/n, float64(s.refused)/n
	}
	if s.OffTopic > 0 {
		s.OffAnswered = float64(s.answered) / float64(s.OffTopic)
	}
}

// Group is the scores of the questions sharing one label.
type Group struct {
	By    string `json:"by"` // style, lang, kind or near
	Value string `json:"value"`
	Scores
}

// Report is what a run measures.
type Report struct {
	Scores
	// CJKHit3 is hit@3 of the on-topic questions in Korean or Japanese.
	CJKHit3 float64 `json:"cjk_hit_at_3"`
	CJK     int     `json:"cjk_on_topic"`
	Groups  []Group `json:"groups"`
	Misses  []Miss  `json:"misses"`
	Targets Targets `json:"targets"`
	Pass    bool    `json:"pass"`
}

// Targets are the levels below which a run fails.
type Targets struct {
	Hit1        float64 `json:"hit_at_1"`
	Hit3        float64 `json:"hit_at_3"`
	NotCovered  float64 `json:"max_not_covered"`
	OffAnswered float64 `json:"max_off_topic_answered"`
	CJKHit3     float64 `json:"cjk_hit_at_3"`
}

// DefaultTargets are those of the answer-quality issue.
var DefaultTargets = Targets{Hit1: 0.85, Hit3: 0.95, NotCovered: 0.03, OffAnswered: 0.05, CJKHit3: 0.85}

// Miss is a question answered wrongly: an on-topic one whose answer was
// not first, or an off-topic one that got results.
type Miss struct {
	Line   int      `json:"line"`
	Q      string   `json:"q"`
	Expect []string `json:"expect"`
	Rank   int      `json:"rank"` // 0: not in the top 3
	Got    []string `json:"got"`  // the passages returned, shortened
}

// ReadFile reads a question file; errors name the line.
func ReadFile(path string) ([]Case, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var cases []Case
	sc := bufio.NewScanner(io.LimitReader(f, 16<<20))
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "//") {
			continue
		}
		var c Case
		dec := json.NewDecoder(strings.NewReader(line))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&c); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", path, n, err)
		}
		if strings.TrimSpace(c.Q) == "" {
			return nil, fmt.Errorf("%s:%d: empty question", path, n)
		}
		c.Line = n
		cases = append(cases, c)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	if len(cases) == 0 {
		return nil, fmt.Errorf("%s: no questions", path)
	}
	return cases, nil
}

// SearchFunc answers a query, as an index does.
type SearchFunc func(context.Context, knowledge.Query) (*knowledge.Answer, error)

// Run asks every question, three results each, and measures the answers.
func Run(ctx context.Context, search SearchFunc, cases []Case, t Targets) (*Report, error) {
	rep := &Report{Targets: t, Misses: []Miss{}}
	groups := map[[2]string]*Group{}
	var cjk Scores
	for _, c := range cases {
		q := knowledge.Query{Text: c.Q, Limit: 3, After: c.After}
		if c.Topic != "" {
			topic, err := knowledge.ParseTopic(c.Topic)
			if err != nil {
				return nil, fmt.Errorf("line %d: %w", c.Line, err)
			}
			q.Topics = []knowledge.Topic{topic}
		}
		ans, err := search(ctx, q)
		if err != nil {
			return nil, fmt.Errorf("line %d: %w", c.Line, err)
		}
		var got []string
		rank := 0
		for i, h := range ans.Hits {
			got = append(got, shorten(h.Text, 100))
			if rank == 0 && len(c.Expect) > 0 && Matches(h.Text, c.Expect) {
				rank = i + 1
			}
		}
		onTopic := len(c.Expect) > 0
		rep.add(onTopic, rank, len(ans.Hits))
		for _, label := range c.labels() {
			g := groups[label]
			if g == nil {
				g = &Group{By: label[0], Value: label[1]}
				groups[label] = g
			}
			g.add(onTopic, rank, len(ans.Hits))
		}
		if c.Lang == "ko" || c.Lang == "ja" {
			cjk.add(onTopic, rank, len(ans.Hits))
		}
		switch {
		case !onTopic && len(ans.Hits) > 0:
			rep.Misses = append(rep.Misses, Miss{Line: c.Line, Q: c.Q, Got: got})
		case onTopic && rank != 1:
			rep.Misses = append(rep.Misses, Miss{Line: c.Line, Q: c.Q, Expect: c.Expect, Rank: rank, Got: got})
		}
	}
	rep.finish()
	cjk.finish()
	rep.CJKHit3, rep.CJK = cjk.Hit3, cjk.OnTopic
	for _, g := range groups {
		g.finish()
		rep.Groups = append(rep.Groups, *g)
	}
	order := []string{"style", "lang", "kind", "near"}
	slices.SortFunc(rep.Groups, func(a, b Group) int {
		if c := slices.Index(order, a.By) - slices.Index(order, b.By); c != 0 {
			return c
		}
		return strings.Compare(a.Value, b.Value)
	})
	rep.Pass = rep.Hit1 >= t.Hit1 && rep.Hit3 >= t.Hit3 &&
		rep.NotCovered <= t.NotCovered && rep.OffAnswered <= t.OffAnswered &&
		(rep.CJK == 0 || rep.CJKHit3 >= t.CJKHit3)
	return rep, nil
}

// labels are the groups a question is counted in.
func (c *Case) labels() [][2]string {
	var out [][2]string
	for _, l := range [][2]string{{"style", c.Style}, {"lang", c.Lang}, {"kind", c.Kind}} {
		if l[1] != "" {
			out = append(out, l)
		}
	}
	if c.Near != nil {
		v := "far"
		if *c.Near {
			v = "near"
		}
		out = append(out, [2]string{"near", v})
	}
	return out
}

// Matches reports whether text contains one of the substrings, ignoring
// case and runs of white space.
func Matches(text string, subs []string) bool {
	norm := func(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }
	t := norm(text)
	for _, s := range subs {
		if strings.Contains(t, norm(s)) {
			return true
		}
	}
	return false
}

func shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + knowledge.Ellipsis
}

// Write prints a report for people.
func (r *Report) Write(w io.Writer) {
	fmt.Fprintf(w, "questions    %d (%d on topic, %d off topic)\n", r.Questions, r.OnTopic, r.OffTopic)
	fmt.Fprintf(w, "hit@1        %.3f (target ≥ %.2f)\n", r.Hit1, r.Targets.Hit1)
	fmt.Fprintf(w, "hit@3        %.3f (target ≥ %.2f)\n", r.Hit3, r.Targets.Hit3)
	fmt.Fprintf(w, "MRR          %.3f\n", r.MRR)
	fmt.Fprintf(w, "not covered  %.3f of on-topic questions got no results (target ≤ %.2f)\n", r.NotCovered, r.Targets.NotCovered)
	fmt.Fprintf(w, "off answered %.3f of off-topic questions got results (target ≤ %.2f)\n", r.OffAnswered, r.Targets.OffAnswered)
	if r.CJK > 0 {
		fmt.Fprintf(w, "ko/ja hit@3  %.3f of %d questions in Korean or Japanese (target ≥ %.2f)\n", r.CJKHit3, r.CJK, r.Targets.CJKHit3)
	}
	if len(r.Groups) > 0 {
		fmt.Fprintf(w, "\n%-22s %5s %6s %6s %6s %8s %5s %8s\n", "group", "on", "hit@1", "hit@3", "MRR", "not cov", "off", "off ans")
		for _, g := range r.Groups {
			fmt.Fprintf(w, "%-22s %5d %s %s %s %s %5d %s\n", g.By+"="+g.Value, g.OnTopic,
				share(g.Hit1, g.OnTopic, 6), share(g.Hit3, g.OnTopic, 6), share(g.MRR, g.OnTopic, 6), share(g.NotCovered, g.OnTopic, 8),
				g.OffTopic, share(g.OffAnswered, g.OffTopic, 8))
		}
	}
	if len(r.Misses) > 0 {
		fmt.Fprintf(w, "\nmisses (%d):\n", len(r.Misses))
		for _, m := range r.Misses {
			if len(m.Expect) == 0 {
				fmt.Fprintf(w, "  line %d: %q is off topic but got %d results\n", m.Line, m.Q, len(m.Got))
			} else {
				fmt.Fprintf(w, "  line %d: %q: expected %q at rank %d\n", m.Line, m.Q, m.Expect, m.Rank)
			}
			for i, g := range m.Got {
				fmt.Fprintf(w, "      %d. %s\n", i+1, g)
			}
		}
	}
	if r.Pass {
		fmt.Fprintln(w, "\nPASS")
	} else {
		fmt.Fprintln(w, "\nFAIL: below target")
	}
}

// share formats a share right-aligned in width, or a dash when there is
// nothing to measure it on.
func share(v float64, n, width int) string {
	if n == 0 {
		return fmt.Sprintf("%*s", width, "-")
	}
	return fmt.Sprintf("%*.3f", width, v)
}

package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/disputebot/disputebot/knowledge"
)

// evalCase is one line of a question file: a question and substrings of
// the passages that answer it. No substrings marks a question the corpus
// does not cover, which must get no results.
type evalCase struct {
	Q      string   `json:"q"`
	Expect []string `json:"expect"`
	Topic  string   `json:"topic,omitempty"`
	line   int
}

// evalReport is what eval measures.
type evalReport struct {
	Questions  int         `json:"questions"`
	OnTopic    int         `json:"on_topic"`
	OffTopic   int         `json:"off_topic"`
	Hit1       float64     `json:"hit_at_1"`
	Hit3       float64     `json:"hit_at_3"`
	MRR        float64     `json:"mrr"`
	Abstention float64     `json:"abstention"`       // share of off-topic questions that got no results
	Refused    int         `json:"on_topic_refused"` // on-topic questions that got no results
	Misses     []evalMiss  `json:"misses"`
	Targets    evalTargets `json:"targets"`
	Pass       bool        `json:"pass"`
}

type evalTargets struct {
	Hit1       float64 `json:"hit_at_1"`
	Hit3       float64 `json:"hit_at_3"`
	Abstention float64 `json:"abstention"`
}

type evalMiss struct {
	Line   int      `json:"line"`
	Q      string   `json:"q"`
	Expect []string `json:"expect"`
	Rank   int      `json:"rank"` // 0: not in the top 3
	Got    []string `json:"got"`  // the passages returned, shortened
}

func cmdEval(ctx context.Context, args []string, env Env, stdout, stderr io.Writer) error {
	fs := newFlagSet("eval", stderr)
	asJSON := fs.Bool("json", false, "print the report as JSON")
	var t evalTargets
	fs.Float64Var(&t.Hit1, "min-hit1", 0.90, "fail below this hit@1")
	fs.Float64Var(&t.Hit3, "min-hit3", 0.97, "fail below this hit@3")
	fs.Float64Var(&t.Abstention, "min-abstention", 1, "fail below this share of off-topic questions abstained")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: disputebot eval [--json] FILE\n\nFILE holds JSON lines {\"q\": \"...\", \"expect\": [\"substring\", ...]}; an empty expect marks an off-topic question.")
		fs.PrintDefaults()
	}
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return usagef("%v", err)
	}
	if len(pos) != 1 {
		return usagef("eval takes one question file")
	}
	cases, err := readEvalFile(pos[0])
	if err != nil {
		return err
	}
	eng, err := openEngineFromEnv(ctx, env, stderr)
	if err != nil {
		return err
	}
	defer eng.Close()

	rep, err := runEval(ctx, eng, cases, t)
	if err != nil {
		return err
	}
	if *asJSON {
		if err := writeJSON(stdout, rep); err != nil {
			return err
		}
	} else {
		writeEvalReport(stdout, rep)
	}
	if !rep.Pass {
		return errFailed
	}
	return nil
}

// readEvalFile reads a question file; errors name the line.
func readEvalFile(path string) ([]evalCase, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, usagef("%v", err)
	}
	defer f.Close()
	var cases []evalCase
	sc := bufio.NewScanner(io.LimitReader(f, 16<<20))
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "//") {
			continue
		}
		var c evalCase
		dec := json.NewDecoder(strings.NewReader(line))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&c); err != nil {
			return nil, usagef("%s:%d: %v", path, n, err)
		}
		if strings.TrimSpace(c.Q) == "" {
			return nil, usagef("%s:%d: empty question", path, n)
		}
		c.line = n
		cases = append(cases, c)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	if len(cases) == 0 {
		return nil, usagef("%s: no questions", path)
	}
	return cases, nil
}

func runEval(ctx context.Context, eng *engine, cases []evalCase, t evalTargets) (*evalReport, error) {
	rep := &evalReport{Questions: len(cases), Targets: t, Misses: []evalMiss{}}
	var hit1, hit3, rr float64
	abstained := 0
	for _, c := range cases {
		q := knowledge.Query{Text: c.Q, Limit: 3}
		if c.Topic != "" {
			topic, err := knowledge.ParseTopic(c.Topic)
			if err != nil {
				return nil, usagef("line %d: %s", c.line, knowledge.ErrorMessage(err))
			}
			q.Topics = []knowledge.Topic{topic}
		}
		ans, err := eng.index.Search(ctx, q)
		if err != nil {
			return nil, fmt.Errorf("line %d: %w", c.line, err)
		}
		var got []string
		for _, h := range ans.Hits {
			got = append(got, shorten(h.Text, 100))
		}
		if len(c.Expect) == 0 {
			rep.OffTopic++
			if len(ans.Hits) == 0 {
				abstained++
			} else {
				rep.Misses = append(rep.Misses, evalMiss{Line: c.line, Q: c.Q, Got: got})
			}
			continue
		}
		rep.OnTopic++
		if len(ans.Hits) == 0 {
			rep.Refused++
		}
		rank := 0
		for i, h := range ans.Hits {
			if matchesAny(h.Text, c.Expect) {
				rank = i + 1
				break
			}
		}
		switch {
		case rank == 1:
			hit1++
			hit3++
			rr++
		case rank > 0:
			hit3++
			rr += 1 / float64(rank)
		}
		if rank != 1 {
			rep.Misses = append(rep.Misses, evalMiss{Line: c.line, Q: c.Q, Expect: c.Expect, Rank: rank, Got: got})
		}
	}
	if rep.OnTopic > 0 {
		n := float64(rep.OnTopic)
		rep.Hit1, rep.Hit3, rep.MRR = hit1/n, hit3/n, rr/n
	}
	rep.Abstention = 1
	if rep.OffTopic > 0 {
		rep.Abstention = float64(abstained) / float64(rep.OffTopic)
	}
	rep.Pass = rep.Hit1 >= t.Hit1 && rep.Hit3 >= t.Hit3 && rep.Abstention >= t.Abstention
	return rep, nil
}

// matchesAny reports whether text contains one of the substrings, ignoring
// case and runs of white space.
func matchesAny(text string, subs []string) bool {
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

func writeEvalReport(w io.Writer, r *evalReport) {
	fmt.Fprintf(w, "questions   %d (%d on topic, %d off topic)\n", r.Questions, r.OnTopic, r.OffTopic)
	fmt.Fprintf(w, "hit@1       %.3f (target %.2f)\n", r.Hit1, r.Targets.Hit1)
	fmt.Fprintf(w, "hit@3       %.3f (target %.2f)\n", r.Hit3, r.Targets.Hit3)
	fmt.Fprintf(w, "MRR         %.3f\n", r.MRR)
	fmt.Fprintf(w, "abstention  %.3f of off-topic questions got no results (target %.2f)\n", r.Abstention, r.Targets.Abstention)
	fmt.Fprintf(w, "refused     %d on-topic questions got no results\n", r.Refused)
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

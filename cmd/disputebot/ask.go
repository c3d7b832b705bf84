package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/disputebot/disputebot/app"
	"github.com/disputebot/disputebot/bot/markdown"
	"github.com/disputebot/disputebot/knowledge"
)

// askFlags are the options of ask, shared by the commands that query.
type askFlags struct {
	json     bool
	topic    string
	limit    int
	from, to string
	guild    string
	after    string
	explain  bool
}

func (f *askFlags) register(fs *flag.FlagSet) {
	fs.BoolVar(&f.json, "json", false, "print one JSON object")
	fs.StringVar(&f.topic, "topic", "", "only passages about `T`: "+strings.Join(knowledge.TopicNames(), ", "))
	fs.IntVar(&f.limit, "limit", knowledge.DefaultLimit, "at most `N` results")
	fs.StringVar(&f.from, "from", "", "only sources published on or after `DATE` (YYYY-MM-DD, YYYY-MM or YYYY)")
	fs.StringVar(&f.to, "to", "", "only sources published on or before `DATE` (YYYY-MM-DD, YYYY-MM or YYYY)")
	fs.StringVar(&f.guild, "guild", "", "also search the articles of Discord server `ID`")
	fs.StringVar(&f.after, "after", "", "read a follow-up (\"and how did the us react\") with `QUESTION`, the one asked before it")
	fs.BoolVar(&f.explain, "explain", false, "also print, on standard error, how the question was read and how each candidate passage scored")
}

// parseFilterFlags checks the --topic, --from and --to options that ask and
// timeline share; an empty option gives the zero value.
func parseFilterFlags(topic, from, to string) (t knowledge.Topic, start, end time.Time, err error) {
	if topic != "" {
		if t, err = knowledge.ParseTopic(topic); err != nil {
			return t, start, end, usagef("--topic: %s", knowledge.ErrorMessage(err))
		}
	}
	if from != "" {
		if start, err = knowledge.ParseDateBound(from, false); err != nil {
			return t, start, end, usagef("--from: %v", err)
		}
	}
	if to != "" {
		if end, err = knowledge.ParseDateBound(to, true); err != nil {
			return t, start, end, usagef("--to: %v", err)
		}
	}
	return t, start, end, nil
}

// query builds the knowledge query, checking every flag.
func (f *askFlags) query(text string) (knowledge.Query, error) {
	q := knowledge.Query{Text: text, Limit: f.limit, Guild: f.guild, After: f.after}
	if f.limit < 1 || f.limit > knowledge.MaxLimit {
		return q, usagef("--limit must be between 1 and %d", knowledge.MaxLimit)
	}
	t, from, to, err := parseFilterFlags(f.topic, f.from, f.to)
	if err != nil {
		return q, err
	}
	if t != "" {
		q.Topics = []knowledge.Topic{t}
	}
	q.From, q.To = from, to
	if err := q.Normalize(); err != nil {
		return q, usagef("%s", knowledge.ErrorMessage(err))
	}
	return q, nil
}

// parseInterspersed parses flags that may come before, between or after the
// positional arguments, so that `ask How long --json` works.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		if args[0] == "--" {
			return append(pos, args[1:]...), nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

func newFlagSet(name string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	return fs
}

func cmdAsk(ctx context.Context, m *Main, args []string) error {
	fs := newFlagSet("ask", m.stderr)
	var f askFlags
	f.register(fs)
	fs.Usage = func() {
		fmt.Fprintln(m.stderr, "usage: disputebot ask [--json] [--topic T] [--limit N] [--from DATE] [--to DATE] [--after QUESTION] QUESTION")
		fs.PrintDefaults()
	}
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return usagef("%v", err)
	}
	q, err := f.query(strings.Join(pos, " "))
	if err != nil {
		return err
	}
	svc, err := m.open(ctx, app.Ask, "")
	if err != nil {
		return err
	}
	var ans *knowledge.Answer
	if f.explain {
		var why string
		ans, why, err = svc.Explain(ctx, q)
		fmt.Fprint(m.stderr, why)
	} else {
		ans, err = svc.Search(ctx, q)
	}
	if err != nil {
		return err
	}
	if f.json {
		return writeJSON(m.stdout, answerJSON(ans))
	}
	writeAnswer(m.stdout, ans, isTerminal(m.stdout))
	return nil
}

// jsonAnswer is the --json output of ask.
type jsonAnswer struct {
	Query   string       `json:"query"`
	Results []jsonResult `json:"results"`
}

type jsonResult struct {
	ArticleID string   `json:"article_id"`
	Passage   int      `json:"passage"`
	Title     string   `json:"title"`
	Publisher string   `json:"publisher"`
	URL       string   `json:"url"`
	Published string   `json:"published"`
	Kind      string   `json:"kind"`
	Topics    []string `json:"topics"`
	Text      string   `json:"text"`
	Excerpt   string   `json:"excerpt"`
	Score     float64  `json:"score"`
}

func answerJSON(ans *knowledge.Answer) jsonAnswer {
	out := jsonAnswer{Query: ans.Query.Text, Results: []jsonResult{}}
	for _, h := range ans.Hits {
		topics := make([]string, len(h.Topics))
		for i, t := range h.Topics {
			topics[i] = string(t)
		}
		out.Results = append(out.Results, jsonResult{
			ArticleID: h.ArticleID, Passage: h.Passage, Title: h.Title, Publisher: h.Publisher, URL: h.URL,
			Published: h.Published.Format(knowledge.DateLayout), Kind: string(h.Kind), Topics: topics,
			Text: h.Text, Excerpt: markdown.Excerpt(h.Excerpt), Score: h.Score,
		})
	}
	return out
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// writeAnswer prints an answer for people: each excerpt with its source.
func writeAnswer(w io.Writer, ans *knowledge.Answer, color bool) {
	if len(ans.Hits) == 0 {
		fmt.Fprintf(w, "The corpus does not cover that question.\n\n%s\n", coverageNote)
		return
	}
	for i, h := range ans.Hits {
		fmt.Fprintf(w, "%d. %s\n", i+1, excerptText(h.Excerpt, color))
		fmt.Fprintf(w, "   %s\n", h.Title)
		meta := []string{h.Publisher, h.Published.Format(time.DateOnly), h.Kind.Label()}
		if len(h.Topics) > 0 {
			ts := make([]string, len(h.Topics))
			for i, t := range h.Topics {
				ts[i] = string(t)
			}
			meta = append(meta, strings.Join(ts, ", "))
		}
		fmt.Fprintf(w, "   %s\n", strings.Join(meta, " · "))
		if h.URL != "" {
			fmt.Fprintf(w, "   %s\n", h.URL)
		}
		if i+1 < len(ans.Hits) {
			fmt.Fprintln(w)
		}
	}
}

// coverageNote says what the corpus covers, for answers that abstain.
const coverageNote = "disputebot covers the Japan–South Korea dispute: the 2018 wartime-labor rulings,\n" +
	"Japan's 2019 export controls and the white lists, and the diplomatic talks.\n" +
	"Try: \"How long did Motegi and Kang talk in Madrid?\""

// excerptText renders an excerpt for a terminal: matches in bold when
// color is on, plain otherwise.
func excerptText(e knowledge.Excerpt, color bool) string {
	if !color {
		return e.Plain()
	}
	var b strings.Builder
	if e.CutBefore {
		b.WriteString(knowledge.Ellipsis)
	}
	for _, s := range e.Spans {
		if s.Mark {
			b.WriteString("\x1b[1m" + s.Text + "\x1b[0m")
		} else {
			b.WriteString(s.Text)
		}
	}
	if e.CutAfter {
		b.WriteString(knowledge.Ellipsis)
	}
	return b.String()
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

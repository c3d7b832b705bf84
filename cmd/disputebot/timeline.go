package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/disputebot/disputebot/app"
	"github.com/disputebot/disputebot/bot/chart"
	"github.com/disputebot/disputebot/knowledge"
)

// timelineFlags are the options of timeline.
type timelineFlags struct {
	json     bool
	topic    string
	from, to string
	png      string
	guild    string
}

func (f *timelineFlags) register(fs *flag.FlagSet) {
	fs.BoolVar(&f.json, "json", false, "print one JSON object")
	fs.StringVar(&f.topic, "topic", "", "only events about `T`: "+strings.Join(knowledge.TopicNames(), ", "))
	fs.StringVar(&f.from, "from", "", "only events on or after `DATE` (YYYY-MM-DD, YYYY-MM or YYYY)")
	fs.StringVar(&f.to, "to", "", "only events on or before `DATE` (YYYY-MM-DD, YYYY-MM or YYYY)")
	fs.StringVar(&f.png, "png", "", "also draw the timeline as a PNG chart into `FILE`")
	fs.StringVar(&f.guild, "guild", "", "also list the articles of Discord server `ID`")
}

// filter builds the timeline filter, checking every flag.
func (f *timelineFlags) filter() (knowledge.TimelineFilter, error) {
	var tf knowledge.TimelineFilter
	var err error
	if tf.Topic, tf.From, tf.To, err = parseFilterFlags(f.topic, f.from, f.to); err != nil {
		return tf, err
	}
	if err := tf.Validate(); err != nil {
		return tf, usagef("%s", knowledge.ErrorMessage(err))
	}
	return tf, nil
}

const timelineUsage = "usage: disputebot timeline [--topic T] [--from DATE] [--to DATE] [--json] [--png FILE] [--guild ID]"

// cmdTimeline prints the dated events of the corpus in date order, each
// with its source, and draws them as a chart with --png. It needs the
// articles only, not the search index, so it never builds one.
func cmdTimeline(ctx context.Context, m *Main, args []string) error {
	fs := newFlagSet("timeline", m.stderr)
	var f timelineFlags
	f.register(fs)
	fs.Usage = func() {
		fmt.Fprintln(m.stderr, timelineUsage)
		fs.PrintDefaults()
	}
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return usagef("%v", err)
	}
	if len(pos) > 0 {
		return usagef("timeline takes no arguments (got %q); narrow it with --topic, --from and --to", strings.Join(pos, " "))
	}
	tf, err := f.filter()
	if err != nil {
		return err
	}
	svc, err := m.open(ctx, app.Browse, "")
	if err != nil {
		return err
	}
	svc.LogProblems()
	entries := knowledge.Timeline(svc.Articles(f.guild), tf)
	if f.png != "" {
		img, err := chart.TimelinePNG(entries, chart.TimelineTitle(tf))
		if err != nil {
			return err
		}
		if err := knowledge.WriteFileAtomic(f.png, img); err != nil {
			return fmt.Errorf("timeline chart: %w", err)
		}
	}
	if f.json {
		return writeJSON(m.stdout, timelineJSON(entries))
	}
	writeTimeline(m.stdout, entries)
	return nil
}

// jsonTimeline is the --json output of timeline.
type jsonTimeline struct {
	Entries []jsonTimelineEntry `json:"entries"`
}

type jsonTimelineEntry struct {
	Date        string `json:"date"`
	Event       string `json:"event"`
	Topic       string `json:"topic"`
	SourceTitle string `json:"source_title"`
	SourceURL   string `json:"source_url"`
	ArticleID   string `json:"article_id"`
	Kind        string `json:"kind"`
}

func timelineJSON(entries []knowledge.TimelineEntry) jsonTimeline {
	out := jsonTimeline{Entries: []jsonTimelineEntry{}}
	for _, e := range entries {
		out.Entries = append(out.Entries, jsonTimelineEntry{
			Date: e.Date.Format(knowledge.DateLayout), Event: e.Text, Topic: string(e.Topic),
			SourceTitle: e.Source.Title, SourceURL: e.Source.URL, ArticleID: e.ArticleID, Kind: string(e.Kind),
		})
	}
	return out
}

// writeTimeline prints one line per entry, the topics in a column:
// "2019-07-04  Export controls        <text>  <source url>".
func writeTimeline(w io.Writer, entries []knowledge.TimelineEntry) {
	if len(entries) == 0 {
		fmt.Fprintln(w, "No dated events match those filters.")
		return
	}
	width := 0
	for _, t := range knowledge.Topics {
		width = max(width, len(t.Label()))
	}
	for _, e := range entries {
		src := e.Source.URL
		if src == "" {
			src = e.Source.Title
		}
		fmt.Fprintf(w, "%s  %-*s  %s  %s\n", e.Date.Format(knowledge.DateLayout), width, e.Topic.Label(), e.Text, src)
	}
}

package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"time"

	"github.com/disputebot/disputebot/app"
	"github.com/disputebot/disputebot/knowledge"
)

// feedbackClock is the clock of the feedback records; nil means time.Now.
// Tests of retention set it, and then do not run in parallel.
var feedbackClock func() time.Time

// now is the feedback clock's time.
func now() time.Time {
	if feedbackClock != nil {
		return feedbackClock()
	}
	return time.Now()
}

// expireEvery is how often the running bot drops expired feedback
// records, besides at start.
const expireEvery = 24 * time.Hour

// openFeedback opens the feedback records of DATA_DIR; command is "" for
// the running bot.
func (m *Main) openFeedback(command string) (*app.Feedback, error) {
	if err := m.configure(); err != nil {
		return nil, err
	}
	// The bot waits out a feedback command, which is quick; a command
	// does not wait for the bot, which holds the records while it runs.
	wait := time.Second
	if command == "" {
		wait = 30 * time.Second
	}
	return app.OpenFeedback(app.FeedbackOptions{
		DataDir: m.config.DataDir, Retention: m.config.FeedbackRetention, Now: feedbackClock,
		Logger: m.log, Command: command, LockWait: wait,
	})
}

const feedbackUsage = `usage:
  disputebot feedback [--guild ID] [--since DATE] [--json]   what members asked, and the questions to fill
  disputebot feedback export [--guild ID]                    those questions as 'disputebot eval' lines, on stdout
  disputebot feedback purge --guild ID                       remove every record of a server

Without --guild, every server's. --since defaults to 30 days ago. The bot holds
the records while it runs: stop it first.`

// cmdFeedback reports on, exports and purges the feedback records.
func cmdFeedback(ctx context.Context, m *Main, args []string) error {
	sub := ""
	if len(args) > 0 && (args[0] == "export" || args[0] == "purge") {
		sub, args = args[0], args[1:]
	}
	fs := newFlagSet("feedback", m.stderr)
	fs.Usage = func() { fmt.Fprintln(m.stderr, feedbackUsage) }
	guild := fs.String("guild", "", "only the server with this `ID`")
	var since *string
	var asJSON *bool
	if sub == "" {
		since = fs.String("since", "", "from this `DATE` on (YYYY-MM-DD, YYYY-MM or YYYY); default 30 days ago")
		asJSON = fs.Bool("json", false, "print the report as JSON")
	}
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return usagef("%v", err)
	}
	if len(pos) > 0 {
		return usagef("feedback %s takes no arguments (got %q)\n%s", sub, pos[0], feedbackUsage)
	}
	if *guild != "" && !knowledge.ValidSnowflake(*guild) {
		return usagef("--guild must be a Discord server id (digits)")
	}
	if sub == "purge" && *guild == "" {
		return usagef("feedback purge needs --guild ID: the server whose records to remove")
	}
	from := now().Add(-knowledge.FeedbackWindow)
	if since != nil && *since != "" {
		if from, err = knowledge.ParseDateBound(*since, false); err != nil {
			return usagef("--since: %s", knowledge.ErrorMessage(err))
		}
	}
	if err := m.configure(); err != nil {
		return err
	}
	if !m.config.Feedback {
		m.log.Warn("FEEDBACK is off: the bot records nothing new; these are the records kept from before")
	}
	fb, err := m.openFeedback("feedback " + sub)
	if err != nil {
		return err
	}
	defer fb.Close()
	switch sub {
	case "purge":
		n, err := fb.Purge(ctx, *guild)
		if err != nil {
			return err
		}
		fmt.Fprintf(m.stdout, "Removed %d questions of server %s, with their votes.\n", n, *guild)
		return nil
	case "export":
		gaps, err := fb.Gaps(ctx, *guild, from)
		if err != nil {
			return err
		}
		if len(gaps) == 0 {
			fmt.Fprintln(m.stderr, "disputebot: no questions to export: none went unanswered or was voted not helpful in the last 30 days")
		}
		return knowledge.WriteGapsEval(m.stdout, gaps)
	}
	rep, err := fb.Report(ctx, *guild, from)
	if err != nil {
		return err
	}
	gaps, err := fb.Gaps(ctx, *guild, from)
	if err != nil {
		return err
	}
	if *asJSON {
		if gaps == nil {
			gaps = []knowledge.Gap{}
		}
		return writeJSON(m.stdout, struct {
			Guild string `json:"guild,omitempty"`
			*knowledge.FeedbackReport
			AnsweredShare float64         `json:"answered_share"`
			HelpfulShare  float64         `json:"helpful_share"`
			Gaps          []knowledge.Gap `json:"gaps"`
		}{*guild, rep, rep.AnsweredShare(), rep.HelpfulShare(), gaps})
	}
	writeFeedbackReport(m.stdout, *guild, rep, gaps)
	return nil
}

// writeFeedbackReport prints the report for people: what /about and
// /corpus gaps show, for one server or all.
func writeFeedbackReport(w io.Writer, guild string, rep *knowledge.FeedbackReport, gaps []knowledge.Gap) {
	where := "every server"
	if guild != "" {
		where = "server " + guild
	}
	fmt.Fprintf(w, "Feedback of %s since %s\n", where, rep.Since.UTC().Format("2006-01-02 15:04 MST"))
	fmt.Fprintf(w, "  questions  %d\n", rep.Questions)
	fmt.Fprintf(w, "  answered   %d (%.0f%%)\n", rep.Answered, 100*rep.AnsweredShare())
	fmt.Fprintf(w, "  votes      %d, %d helpful (%.0f%%)\n", rep.Votes, rep.Helpful, 100*rep.HelpfulShare())
	if len(gaps) == 0 {
		fmt.Fprintln(w, "\nNo question went unanswered or was voted not helpful.")
		return
	}
	fmt.Fprintf(w, "\nQuestions to fill, most asked first (%d):\n", len(gaps))
	for _, g := range gaps {
		fmt.Fprintf(w, "  %3d×  %s\n        not covered %d, not helpful %d, %d phrasings, last %s\n",
			g.Count, g.Text, g.NotCovered, g.NotHelpful, g.Phrasings, g.Last.UTC().Format("2006-01-02"))
	}
	fmt.Fprintln(w, "\n'disputebot feedback export' writes them as 'disputebot eval' lines.")
}

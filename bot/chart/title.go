package chart

import "github.com/disputebot/disputebot/knowledge"

// TimelineTitle is the title of a timeline chart drawn with filter f, the
// same on Discord and on the command line: "Export controls: timeline,
// 1 Jan 2019 – 31 Dec 2019".
func TimelineTitle(f knowledge.TimelineFilter) string {
	title := "Japan–South Korea dispute: timeline"
	if f.Topic != "" {
		title = f.Topic.Label() + ": timeline"
	}
	const layout = "2 Jan 2006"
	switch {
	case !f.From.IsZero() && f.From.Equal(f.To):
		title += ", " + f.From.Format(layout)
	case !f.From.IsZero() && !f.To.IsZero():
		title += ", " + f.From.Format(layout) + " – " + f.To.Format(layout)
	case !f.From.IsZero():
		title += " from " + f.From.Format(layout)
	case !f.To.IsZero():
		title += " to " + f.To.Format(layout)
	}
	return title
}

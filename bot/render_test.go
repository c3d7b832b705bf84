package bot

import (
	"strings"
	"testing"

	"github.com/disputebot/disputebot/knowledge"
)

// TestExcerptFits: an excerpt too long for its place loses words from its
// end, never inside a bold pair, and its ellipsis sits against the last
// word kept, also when the word dropped was a mark after white space.
func TestExcerptFits(t *testing.T) {
	ex := knowledge.Excerpt{Spans: []knowledge.Span{
		{Text: "to special general bulk "}, {Text: "export", Mark: true}, {Text: " "}, {Text: "licences", Mark: true},
		{Text: ", as was the case prior to July 2019."},
	}}
	for _, tt := range []struct {
		n    int
		want string
	}{
		{200, "to special general bulk **export licences**, as was the case prior to July 2019."},
		{50, "to special general bulk **export licences**, as…"},
		{40, "to special general bulk **export**…"},
		{20, "to special general…"},
	} {
		if got := excerpt(ex, tt.n); got != tt.want {
			t.Errorf("excerpt in %d: %q, want %q", tt.n, got, tt.want)
		}
	}
}

func FuzzExcerpt(f *testing.F) {
	f.Add("a b ", "mark", " ", 10)
	f.Add("", "\n", "  x ", 3)
	f.Fuzz(func(t *testing.T, a, m, b string, n int) {
		if n < 0 || n > 500 {
			return
		}
		ex := knowledge.Excerpt{Spans: []knowledge.Span{{Text: a}, {Text: m, Mark: true}, {Text: b}, {Text: m, Mark: true}}}
		got := excerpt(ex, n)
		if strings.Count(got, "**")%2 != 0 {
			t.Errorf("an open bold pair: %q", got)
		}
		if strings.HasSuffix(got, " "+knowledge.Ellipsis) {
			t.Errorf("white space before the ellipsis: %q", got)
		}
	})
}

package knowledge

import (
	"regexp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Limits on questions.
const (
	MaxQuestionRunes = 1000
	DefaultLimit     = 3
	MaxLimit         = 25
	MaxOffset        = 100
)

// Query is a question to the corpus with its filters.
type Query struct {
	Text   string
	Topics []Topic   // keep passages tagged with any of these; none means all
	From   time.Time // earliest publication date, inclusive; zero means open
	To     time.Time // latest publication date, inclusive; zero means open
	Guild  string    // the asking Discord server: its own articles are searched too
	Limit  int       // results wanted; 0 means DefaultLimit
	Offset int       // results to skip, for paging
	// After is the question the same member asked just before, for a
	// follow-up ("and how did the us react") that says what it asks
	// and leaves what about to the question before; "" for none.
	After string
}

// Normalize cleans the question and checks the filters. It returns an
// *Error with code EINVALID that can be shown to the user as is.
func (q *Query) Normalize() error {
	q.Text = CleanQuestion(q.Text)
	// The question before was checked when it was asked; one too long to
	// have been is dropped, not refused: it is no part of this question.
	if q.After = CleanQuestion(q.After); utf8.RuneCountInString(q.After) > MaxQuestionRunes {
		q.After = ""
	}
	switch n := utf8.RuneCountInString(q.Text); {
	case n == 0:
		return Errorf(EINVALID, "the question is empty: ask something such as \"When did Japan tighten export controls?\"")
	case n > MaxQuestionRunes:
		return Errorf(EINVALID, "the question is %d characters long; please keep it under %d", n, MaxQuestionRunes)
	}
	for _, t := range q.Topics {
		if !t.Valid() {
			return Errorf(EINVALID, "unknown topic %q: choose one of %s", t, strings.Join(TopicNames(), ", "))
		}
	}
	if !q.From.IsZero() && !q.To.IsZero() && q.To.Before(q.From) {
		return Errorf(EINVALID, "the date range ends (%s) before it starts (%s)", q.To.Format(DateLayout), q.From.Format(DateLayout))
	}
	if q.Limit <= 0 {
		q.Limit = DefaultLimit
	}
	if q.Limit > MaxLimit {
		q.Limit = MaxLimit
	}
	if q.Offset < 0 || q.Offset > MaxOffset {
		return Errorf(EINVALID, "cannot page that far")
	}
	return nil
}

// CleanQuestion makes user text safe to analyze: invalid UTF-8, control,
// zero-width and bidirectional formatting characters become spaces or
// vanish, and runs of white space fold into one.
func CleanQuestion(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == utf8.RuneError && size <= 1:
			b.WriteByte(' ')
		case unicode.Is(unicode.Cf, r):
			// zero-width and bidi controls: formatting only, dropped
		case unicode.IsControl(r) || unicode.IsSpace(r):
			b.WriteByte(' ')
		default:
			b.WriteRune(r)
		}
	}
	clean := discordMarkup.ReplaceAllString(b.String(), " ")
	clean = maskedLink.ReplaceAllString(clean, " $1 ")
	clean = link.ReplaceAllString(clean, " ")
	return CleanText(massMention.ReplaceAllString(clean, "$1 "))
}

// discordMarkup matches what Discord turns into mentions, channel links,
// custom emoji and timestamps: it says nothing about the question, and
// "@everyone" in a question is someone testing the bot. A pasted link is
// dropped too (a masked one keeps its text): its host and path would be
// read as words of the question ("www", "com", a slug's every word), and
// no passage says them.
var (
	discordMarkup = regexp.MustCompile(`<(?:@[!&]?|#|/[^<>:\s]{1,32}:|a?:[A-Za-z0-9_~]{1,32}:|t:)[0-9]{1,20}(?::[tTdDfFR])?>`)
	massMention   = regexp.MustCompile(`(^|[^\w@.])@(?:everyone|here)\b`)
	maskedLink    = regexp.MustCompile(`(?i)\[([^\[\]]{1,256})\]\(\s*<?https?://[^\s()<>]*>?\s*\)`)
	link          = regexp.MustCompile(`(?i)<?\bhttps?://[^\s<>]*>?`)
)

// Hit is one passage that answers a query, with everything needed to cite it.
type Hit struct {
	ArticleID string
	Passage   int // position of the passage in its article, from 1
	Title     string
	Publisher string
	URL       string
	Published time.Time
	Kind      Kind   // of the passage: a caption inside an article is a caption
	Language  string // the language the passage is written in: en, ko or ja
	Topics    []Topic
	Scope     string
	Text      string  // the whole passage, plain
	Excerpt   Excerpt // the best sentences, query terms marked
	Score     float64 // relative, for ordering only
}

// Answer is what a query returns. No hits means the corpus does not cover the
// question: the engine abstains rather than offer the least bad passage.
type Answer struct {
	Query Query
	Hits  []Hit
	More  bool // further hits exist beyond Offset+Limit
	// FollowUp: the question was read as a follow-up, with the question
	// before it (Query.After).
	FollowUp bool
}

// Span is a run of excerpt text, marked when it matches the query.
type Span struct {
	Text string
	Mark bool
}

// Excerpt is a cut from a passage: the sentences that best answer a query,
// with the matching words marked. Cut says whether text was left out before
// or after it.
type Excerpt struct {
	Spans               []Span
	CutBefore, CutAfter bool
}

// Ellipsis marks text left out of an excerpt.
const Ellipsis = "…"

// Plain returns the excerpt as plain text.
func (e Excerpt) Plain() string {
	var b strings.Builder
	if e.CutBefore {
		b.WriteString(Ellipsis)
	}
	for _, s := range e.Spans {
		b.WriteString(s.Text)
	}
	if e.CutAfter {
		b.WriteString(Ellipsis)
	}
	return b.String()
}

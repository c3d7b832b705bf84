package knowledge

import (
	"slices"
	"strings"
	"time"
)

// TimelineEntry is one dated happening on the timeline of the dispute: an
// event recorded by a background note, or the publication of a news report.
type TimelineEntry struct {
	Date      time.Time // UTC midnight
	Text      string    // what happened, one sentence
	Topic     Topic     // the strand it belongs to, which colours it
	Source    Source    // where it can be checked
	ArticleID string    // the article or note that records it
	Kind      Kind      // the kind of that article
}

// TimelineFilter narrows a timeline. Its zero value keeps everything.
type TimelineFilter struct {
	Topic Topic     // keep entries about this topic; "" keeps all
	From  time.Time // earliest date, inclusive; zero means open
	To    time.Time // latest date, inclusive; zero means open
}

// Validate checks a filter and returns an *Error with code EINVALID that
// can be shown to the user as is.
func (f TimelineFilter) Validate() error {
	if f.Topic != "" && !f.Topic.Valid() {
		return Errorf(EINVALID, "unknown topic %q: choose one of %s", f.Topic, strings.Join(TopicNames(), ", "))
	}
	if !f.From.IsZero() && !f.To.IsZero() && day(f.To).Before(day(f.From)) {
		return Errorf(EINVALID, "the date range ends (%s) before it starts (%s)", f.To.Format(DateLayout), f.From.Format(DateLayout))
	}
	return nil
}

// day is t's calendar date as UTC midnight, so that a filter bound given
// with a time of day still includes the whole of its day.
func day(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// keeps reports whether an entry on date d is within the filter's dates.
func (f TimelineFilter) keeps(d time.Time) bool {
	d = day(d)
	return (f.From.IsZero() || !d.Before(day(f.From))) && (f.To.IsZero() || !d.After(day(f.To)))
}

// Timeline returns the dated entries of the articles that pass the filter,
// in date order (then by text, so that the order never depends on the
// order of the articles):
//
//   - every event an article records (background notes are the ones that
//     do), with the event's own source or, lacking one, the article's first
//     source, or the article itself;
//   - one entry per news report or caption for its publication, such as
//     "Kyodo News reports: <title>", linked to the report, under its first
//     declared topic or, without one, the topic its text is classified as.
//     A report matches a topic filter by any of its declared topics, and
//     is then shown under that topic.
//
// The background notes are written from overlapping sources, so the same
// happening can be recorded by two of them: an event of another note on the
// same date with the same source link, or with nearly the same words, is
// left out. Events of one note are never merged with each other, because an
// author who lists two on a day from one source means two.
func Timeline(articles []*Article, f TimelineFilter) []TimelineEntry {
	var out []TimelineEntry
	for _, a := range articles {
		for _, e := range a.Events {
			if (f.Topic != "" && e.Topic != f.Topic) || !f.keeps(e.Date) {
				continue
			}
			out = append(out, TimelineEntry{
				Date: day(e.Date), Text: CleanText(e.Text), Topic: e.Topic,
				Source: eventSource(a, e), ArticleID: a.ID, Kind: a.Kind,
			})
		}
		if a.Kind == KindNote || a.Published.IsZero() || !f.keeps(a.Published) {
			continue
		}
		topic, ok := publicationTopic(a, f.Topic)
		if !ok {
			continue
		}
		out = append(out, TimelineEntry{
			Date: day(a.Published), Text: publicationText(a), Topic: topic,
			Source: Source{Title: a.Title, URL: a.URL}, ArticleID: a.ID, Kind: a.Kind,
		})
	}
	slices.SortFunc(out, compareEntries)
	return dedupe(out)
}

func compareEntries(x, y TimelineEntry) int {
	if c := x.Date.Compare(y.Date); c != 0 {
		return c
	}
	if c := strings.Compare(x.Text, y.Text); c != 0 {
		return c
	}
	return strings.Compare(x.ArticleID, y.ArticleID)
}

// eventSource is the link that backs an event: its own, else what the
// article rests on, else the article.
func eventSource(a *Article, e Event) Source {
	if e.Source.URL != "" {
		return e.Source
	}
	if len(a.Sources) > 0 {
		return a.Sources[0]
	}
	return Source{Title: a.Title, URL: a.URL}
}

// publicationTopic is the topic a report's publication is shown under, and
// whether it passes the topic filter want.
func publicationTopic(a *Article, want Topic) (Topic, bool) {
	topics := a.Topics
	if len(topics) == 0 {
		// As its passages are (see Passages): in Korean and Japanese
		// through the lexicon's English, and a strand of the dispute only
		// where the report names the dispute.
		text := inEnglish(a.Title + "\n\n" + a.Text())
		topics = classify(text, anchoredTopics(text))
	}
	if want == "" {
		return topics[0], true
	}
	return want, slices.Contains(topics, want)
}

// publicationText says who reported what, so that a report is never
// mistaken for the event it reports.
func publicationText(a *Article) string {
	verb := "reports"
	if a.Kind == KindCaption {
		verb = "publishes a photo"
	}
	return CleanText(a.Publisher) + " " + verb + ": " + CleanText(a.Title)
}

// dedupe drops, from entries sorted by date, a note's event that another
// note already recorded on the same date: same source link, or nearly the
// same words. Only notes are merged: they are the project's own summaries
// of shared sources, while each report is its own witness. Of two notes
// recording one event, the first by id keeps it, so that a note never
// loses one event to another note's and all its others along with it.
func dedupe(entries []TimelineEntry) []TimelineEntry {
	out := entries[:0]
	for i := 0; i < len(entries); {
		j := i
		for j < len(entries) && entries[j].Date.Equal(entries[i].Date) {
			j++
		}
		byNote := slices.Clone(entries[i:j])
		slices.SortStableFunc(byNote, func(x, y TimelineEntry) int { return strings.Compare(x.ArticleID, y.ArticleID) })
		var kept []TimelineEntry
		for _, e := range byNote {
			if !slices.ContainsFunc(kept, func(k TimelineEntry) bool { return sameEvent(k, e) }) {
				kept = append(kept, e)
			}
		}
		slices.SortFunc(kept, compareEntries)
		out = append(out, kept...)
		i = j
	}
	return out
}

// sameEvent reports whether two entries of the same date, recorded by two
// different notes, are one happening.
func sameEvent(a, b TimelineEntry) bool {
	if a.Kind != KindNote || b.Kind != KindNote || a.ArticleID == b.ArticleID {
		return false
	}
	if a.Source.URL != "" && a.Source.URL == b.Source.URL {
		return true
	}
	return similarWords(a.Text, b.Text)
}

// similarWords reports whether two sentences use nearly the same words:
// at least 80% of the words of the shorter are in the longer. Word order
// and punctuation do not matter, so "Japan's removal of South Korea from
// its white list takes effect" matches the same sentence with "export".
func similarWords(a, b string) bool {
	wa, wb := wordSet(a), wordSet(b)
	if len(wa) > len(wb) {
		wa, wb = wb, wa
	}
	if len(wa) < 3 {
		return false
	}
	common := 0
	for w := range wa {
		if wb[w] {
			common++
		}
	}
	return common*5 >= len(wa)*4
}

func wordSet(s string) map[string]bool {
	set := map[string]bool{}
	for _, w := range splitWords(s) {
		set[w] = true
	}
	return set
}

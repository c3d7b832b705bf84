package knowledge

import (
	"slices"
	"strings"
	"testing"
	"time"
)

func tlDate(s string) time.Time {
	d, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// tlNote is a background note with the given events; each event is
// "date|topic|text|source URL" with the URL optional.
func tlNote(id string, events ...string) *Article {
	a := &Article{
		ID: id, Title: "Background: " + id, Publisher: "disputebot background notes", Kind: KindNote,
		Published: tlDate("2026-01-01"), Topics: []Topic{TopicOther},
		Sources: []Source{{Title: "First source of " + id, URL: "https://example.org/" + id}},
		Body:    []Paragraph{{Text: "Text."}},
	}
	for _, e := range events {
		f := strings.Split(e, "|")
		ev := Event{Date: tlDate(f[0]), Topic: Topic(f[1]), Text: f[2]}
		if len(f) > 3 {
			ev.Source = Source{Title: "Source " + f[3], URL: f[3]}
		}
		a.Events = append(a.Events, ev)
	}
	return a
}

func tlReport(id, published string, kind Kind, topics ...Topic) *Article {
	return &Article{
		ID: id, Title: "Title of " + id, Publisher: "Kyodo News", URL: "https://news.example/" + id,
		Published: tlDate(published), Kind: kind, Topics: topics,
		Body: []Paragraph{{Text: "Japan tightened export controls on semiconductor materials."}},
	}
}

// tlLine is an entry in one comparable line: date, topic, text, source URL,
// article id and kind.
func tlLine(e TimelineEntry) string {
	return strings.Join([]string{e.Date.Format(DateLayout), string(e.Topic), e.Text, e.Source.URL, e.ArticleID, string(e.Kind)}, " | ")
}

func TestTimeline(t *testing.T) {
	a := tlNote("note-a",
		"2019-07-04|export-controls|Japan's licence requirement takes effect|https://meti.example/1",
		"2018-10-30|labor-ruling|Supreme Court rules against Nippon Steel",
		"2019-07-04|talks|Ministers meet in Madrid|https://meti.example/1", // same note, same day and link: kept
	)
	b := tlNote("note-b",
		"2019-07-04|export-controls|Export licence requirement takes effect, METI says|https://meti.example/1", // same link as note-a: dropped, though it sorts first
		"2018-10-30|labor-ruling|Supreme Court rules against Nippon Steel, again",                              // near-identical text: dropped
		"2018-10-30|labor-ruling|Plaintiffs hold a press conference",                                           // same day, different: kept
		"2019-08-02|export-controls|Japan's Cabinet approves the white-list removal|https://cabinet.example/",
	)
	report := tlReport("kyodo-a", "2019-12-16", KindArticle, TopicTalks, TopicExportControls)
	unlabeled := tlReport("kyodo-b", "2019-07-05", KindArticle) // classified from its text
	caption := tlReport("photo-a", "2019-08-01", KindCaption, TopicNorthKorea)
	all := []*Article{report, b, a, unlabeled, caption}

	for _, tc := range []struct {
		name string
		f    TimelineFilter
		want []string
	}{
		{"everything, in date order, duplicates dropped", TimelineFilter{}, []string{
			"2018-10-30 | labor-ruling | Plaintiffs hold a press conference | https://example.org/note-b | note-b | note",
			"2018-10-30 | labor-ruling | Supreme Court rules against Nippon Steel | https://example.org/note-a | note-a | note",
			"2019-07-04 | export-controls | Japan's licence requirement takes effect | https://meti.example/1 | note-a | note",
			"2019-07-04 | talks | Ministers meet in Madrid | https://meti.example/1 | note-a | note",
			"2019-07-05 | export-controls | Kyodo News reports: Title of kyodo-b | https://news.example/kyodo-b | kyodo-b | article",
			"2019-08-01 | north-korea | Kyodo News publishes a photo: Title of photo-a | https://news.example/photo-a | photo-a | caption",
			"2019-08-02 | export-controls | Japan's Cabinet approves the white-list removal | https://cabinet.example/ | note-b | note",
			"2019-12-16 | talks | Kyodo News reports: Title of kyodo-a | https://news.example/kyodo-a | kyodo-a | article",
		}},
		{"one topic; a report shows under the topic it matched", TimelineFilter{Topic: TopicExportControls}, []string{
			"2019-07-04 | export-controls | Japan's licence requirement takes effect | https://meti.example/1 | note-a | note",
			"2019-07-05 | export-controls | Kyodo News reports: Title of kyodo-b | https://news.example/kyodo-b | kyodo-b | article",
			"2019-08-02 | export-controls | Japan's Cabinet approves the white-list removal | https://cabinet.example/ | note-b | note",
			"2019-12-16 | export-controls | Kyodo News reports: Title of kyodo-a | https://news.example/kyodo-a | kyodo-a | article",
		}},
		{"from and to are inclusive", TimelineFilter{From: tlDate("2019-07-04"), To: tlDate("2019-08-02")}, []string{
			"2019-07-04 | export-controls | Japan's licence requirement takes effect | https://meti.example/1 | note-a | note",
			"2019-07-04 | talks | Ministers meet in Madrid | https://meti.example/1 | note-a | note",
			"2019-07-05 | export-controls | Kyodo News reports: Title of kyodo-b | https://news.example/kyodo-b | kyodo-b | article",
			"2019-08-01 | north-korea | Kyodo News publishes a photo: Title of photo-a | https://news.example/photo-a | photo-a | caption",
			"2019-08-02 | export-controls | Japan's Cabinet approves the white-list removal | https://cabinet.example/ | note-b | note",
		}},
		{"a bound with a time of day keeps its whole day", TimelineFilter{
			From: tlDate("2019-12-16").Add(15 * time.Hour), To: tlDate("2019-12-16").Add(time.Hour)}, []string{
			"2019-12-16 | talks | Kyodo News reports: Title of kyodo-a | https://news.example/kyodo-a | kyodo-a | article",
		}},
		{"open start", TimelineFilter{To: tlDate("2018-12-31"), Topic: TopicLaborRuling}, []string{
			"2018-10-30 | labor-ruling | Plaintiffs hold a press conference | https://example.org/note-b | note-b | note",
			"2018-10-30 | labor-ruling | Supreme Court rules against Nippon Steel | https://example.org/note-a | note-a | note",
		}},
		{"nothing in range", TimelineFilter{From: tlDate("2024-01-01")}, nil},
		{"inverted range", TimelineFilter{From: tlDate("2020-01-01"), To: tlDate("2019-01-01")}, nil},
		{"topic without entries", TimelineFilter{Topic: TopicOther}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, e := range Timeline(all, tc.f) {
				got = append(got, tlLine(e))
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("got\n  %s\nwant\n  %s", strings.Join(got, "\n  "), strings.Join(tc.want, "\n  "))
			}
		})
	}
}

// TestTimelineOrderIndependent checks that the order of the articles never
// changes the timeline, which the chart's determinism rests on.
func TestTimelineOrderIndependent(t *testing.T) {
	a := tlNote("note-a", "2019-01-01|talks|Same words in both notes here")
	b := tlNote("note-b", "2019-01-01|talks|Same words in both notes here")
	x := Timeline([]*Article{a, b}, TimelineFilter{})
	y := Timeline([]*Article{b, a}, TimelineFilter{})
	if len(x) != 1 || !slices.Equal(x, y) {
		t.Errorf("timelines differ or were not deduplicated:\n%v\n%v", x, y)
	}
	if x[0].ArticleID != "note-a" {
		t.Errorf("kept %s, want the first by id, note-a", x[0].ArticleID)
	}
}

func TestTimelineNoteWithoutSources(t *testing.T) {
	n := tlNote("note-x", "2019-01-01|talks|Something happens")
	n.Sources = nil
	n.URL = "https://example.org/x"
	got := Timeline([]*Article{n}, TimelineFilter{})
	if len(got) != 1 || got[0].Source != (Source{Title: n.Title, URL: n.URL}) {
		t.Errorf("source = %+v, want the note itself", got)
	}
}

func TestSimilarWords(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want bool
	}{
		{"Japan's removal of South Korea from its white list takes effect", "Japan's removal of South Korea from its export white list takes effect.", true},
		{"Supreme Court rules against Nippon Steel", "supreme court RULES against nippon steel, again", true},
		{"Abe and Moon hold talks in Chengdu", "Trilateral summit in Chengdu adopts a statement", false},
		{"A b", "A b", false}, // too short to tell
		{"", "", false},
	} {
		if got := similarWords(tc.a, tc.b); got != tc.want {
			t.Errorf("similarWords(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
	}
}

// TestDefaultCorpusTimeline checks the timeline of the shipped corpus: every
// note event and the one news report, in order, each with a source link.
func TestDefaultCorpusTimeline(t *testing.T) {
	arts, err := DefaultCorpus()
	if err != nil {
		t.Fatal(err)
	}
	events, reports := 0, 0
	for _, a := range arts {
		events += len(a.Events)
		if a.Kind != KindNote {
			reports++
		}
	}
	all := Timeline(arts, TimelineFilter{})
	if len(all) != events+reports {
		t.Errorf("%d entries, want %d events + %d reports (the corpus has no duplicates)", len(all), events, reports)
	}
	if !slices.IsSortedFunc(all, compareEntries) {
		t.Error("not in date order")
	}
	for _, e := range all {
		if err := CheckURL(e.Source.URL); err != nil || e.Source.Title == "" || !e.Topic.Valid() || e.Text == "" {
			t.Errorf("entry without a proper source, topic or text: %s", tlLine(e))
		}
	}
	for _, tc := range []struct {
		name   string
		f      TimelineFilter
		want   string // an entry that must be there, as "date | topic | text prefix"
		minLen int
	}{
		{"all", TimelineFilter{}, "1965-06-22 | other | Japan and South Korea sign the Treaty on Basic Relations", 60},
		{"the Madrid report", TimelineFilter{From: tlDate("2019-12-16"), To: tlDate("2019-12-16")}, "2019-12-16 | talks | Kyodo News reports: Japan, S. Korea agree", 2},
		{"export controls", TimelineFilter{Topic: TopicExportControls}, "2019-07-04 | export-controls | Japan's licence requirement", 10},
		{"labor rulings in 2018", TimelineFilter{Topic: TopicLaborRuling, From: tlDate("2018-01-01"), To: tlDate("2018-12-31")}, "2018-10-30 | labor-ruling | South Korea's Supreme Court orders Nippon Steel", 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := Timeline(arts, tc.f)
			if len(got) < tc.minLen {
				t.Errorf("%d entries, want at least %d", len(got), tc.minLen)
			}
			found := false
			for _, e := range got {
				if tc.f.Topic != "" && e.Topic != tc.f.Topic || !tc.f.keeps(e.Date) {
					t.Errorf("entry outside the filter: %s", tlLine(e))
				}
				found = found || strings.HasPrefix(tlLine(e), tc.want)
			}
			if !found {
				t.Errorf("no entry %q", tc.want)
			}
		})
	}
}

func TestTimelineFilterValidate(t *testing.T) {
	for _, tc := range []struct {
		f    TimelineFilter
		want string // in the error; "" for none
	}{
		{TimelineFilter{}, ""},
		{TimelineFilter{Topic: TopicTalks, From: tlDate("2019-01-01"), To: tlDate("2019-01-01")}, ""},
		{TimelineFilter{Topic: "sports"}, "unknown topic"},
		{TimelineFilter{From: tlDate("2020-01-01"), To: tlDate("2019-12-31")}, "ends (2019-12-31) before it starts (2020-01-01)"},
	} {
		err := tc.f.Validate()
		switch {
		case tc.want == "" && err != nil:
			t.Errorf("%+v: %v", tc.f, err)
		case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want) || ErrorCode(err) != EINVALID):
			t.Errorf("%+v: error %v, want EINVALID with %q", tc.f, err, tc.want)
		}
	}
}

// TestPublicationTopic: a report without declared topics is shown under
// the topic its text has, read as its passages are: a court ruling of
// another matter is "other", and a Korean report on the forced-labor
// ruling is the ruling's, through the lexicon's English.
func TestPublicationTopic(t *testing.T) {
	for _, tt := range []struct {
		title, text string
		want        Topic
	}{
		{"Court backs Tokyo on promotion", "The Supreme Court ruled that the city was right to refuse the plaintiff a promotion, and rejected her claim for compensation.", TopicOther},
		{"Court orders Nippon Steel to pay", "The Supreme Court ordered Nippon Steel to compensate four plaintiffs for forced labor.", TopicLaborRuling},
		{"대법원 판결", "대법원은 신일철주금이 강제징용 피해자 4명에게 배상하라고 판결했다.", TopicLaborRuling},
	} {
		a := &Article{Title: tt.title, Body: []Paragraph{{Text: tt.text}}}
		if got, _ := publicationTopic(a, ""); got != tt.want {
			t.Errorf("%q: topic %s, want %s", tt.title, got, tt.want)
		}
	}
}
